#!/usr/bin/env bash
# tests/e2e/settings.sh BINARY - SPEC §5, §6: `familytable settings` prints
# every key with its effective value and its source (default < file <
# display); `settings set` takes a value exactly as the file would and
# stores it in the database; `settings reset` gives the file's value back;
# a bad key or value exits 2 and writes nothing; `report` and `simulate` use
# the effective values.
#
# Prints one line per case and a final "N passed, N failed".
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: $0 BINARY" >&2
	exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-settings.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
ft() { ${VALGRIND:-} "$BIN" "$@"; }
# the database's settings, as rows
dump() { sqlite3 "$1" 'SELECT key, value FROM setting ORDER BY key' 2>&1; }
# the JSON report's FIELD (a Python expression on r) for --week W
field() {
	ft report --json --config family.conf --db family.db --week "$1" |
		python3 -c "import json,sys; r=json.load(sys.stdin); print($2)"
}

cat >family.conf <<'CONF'
[dock]
lines = 17 27 22 23
names = Anna Ben Chloé Dan
[meal]
weekly_goal = 2
[rituals]
ritual = mon 18:00 call "Call a friend"
ritual = sun 09:30 walk "Family walk"
[time]
timezone = Europe/Paris
CONF
# one dinner in 2026-W49
cat >dinner.scn <<'SCN'
2026-12-01T19:00:00+01:00 dock 1 in
2026-12-01T19:00:00+01:00 dock 2 in
2026-12-01T19:40:00+01:00 dock 1 out
2026-12-01T19:40:00+01:00 dock 2 out
SCN

# 1. Reading never creates the database; every key has one line.
name="settings on no database: file and defaults, no database created"
out=$(ft settings --config family.conf --db family.db)
rc=$?
nkeys=$(echo "$out" | cut -d' ' -f1 | sort -u | wc -l)
if [ $rc -eq 0 ] && [ ! -e family.db ] &&
	echo "$out" | grep -qx 'meal.weekly_goal = 2  # file' &&
	echo "$out" | grep -qx 'walk.weekly_goal = 1  # default' &&
	echo "$out" | grep -qx 'dock.names = Anna Ben Chloé Dan  # file' &&
	[ "$nkeys" -eq 23 ] && [ "$(echo "$out" | grep -c '^rituals.ritual = ')" -eq 2 ]; then
	pass "$name"
else
	fail "$name" "rc=$rc keys=$nkeys $(echo "$out" | head -3)"
fi

# 2. Precedence: default < file < display, and the effect on report.
ft simulate --scenario dinner.scn --config family.conf --db family.db
before=$(field 2026-W49 'r["meals"]["count"], r["meals"]["goal"], r["meals"]["met"]')
set_out=$(ft settings set meal.weekly_goal 1 --config family.conf --db family.db)
rc=$?
after=$(field 2026-W49 'r["meals"]["count"], r["meals"]["goal"], r["meals"]["met"]')
listed=$(ft settings --config family.conf --db family.db | grep '^meal.weekly_goal')
name="settings set meal.weekly_goal 1: display over file, a one-dinner week is met"
if [ $rc -eq 0 ] && [ "$set_out" = "meal.weekly_goal = 1  # display" ] &&
	[ "$listed" = "meal.weekly_goal = 1  # display" ] &&
	[ "$before" = "1 2 False" ] && [ "$after" = "1 1 True" ]; then
	pass "$name"
else
	fail "$name" "rc=$rc set='$set_out' listed='$listed' before='$before' after='$after'"
fi
# the streak follows the goal of the whole history (SPEC §4)
streak=$(field 2026-W49 'r["streaks"]["meals"]["current"]')
[ "$streak" = 1 ] && pass "the display's goal makes the streak" || fail "streak with goal 1" "$streak"

# 3. Reset: the file's value is back (and then the default, for a key the
# file does not set).
out=$(ft settings reset meal.weekly_goal --config family.conf --db family.db)
rc=$?
met=$(field 2026-W49 'r["meals"]["met"]')
name="settings reset meal.weekly_goal: the file's 2 again"
if [ $rc -eq 0 ] && [ "$out" = "meal.weekly_goal = 2  # file" ] && [ "$met" = False ] &&
	[ -z "$(dump family.db)" ]; then
	pass "$name"
else
	fail "$name" "rc=$rc out='$out' met=$met rows='$(dump family.db)'"
fi
ft settings set review.time 20:15 --config family.conf --db family.db >/dev/null
out=$(ft settings reset review.time --config family.conf --db family.db)
[ "$out" = "review.time = 19:30  # default" ] && pass "reset a key the file does not set: the default" ||
	fail "reset to the default" "$out"

# 4. Bad keys and values: exit 2, a message naming the key, nothing written.
ft settings set walk.weekly_goal 2 --config family.conf --db family.db >/dev/null
snapshot=$(dump family.db)
sum=$(ft report --json --config family.conf --db family.db --week 2026-W49 | md5sum)
bad() {
	local what=$1 text=$2
	shift 2
	ft "$@" --config family.conf --db family.db >out 2>err
	local rc=$?
	if [ $rc -eq 2 ] && grep -qF -- "$text" err && [ ! -s out ] && [ "$(dump family.db)" = "$snapshot" ] &&
		[ "$(ft report --json --config family.conf --db family.db --week 2026-W49 | md5sum)" = "$sum" ]; then
		pass "$what: exit 2, says \"$text\", nothing written"
	else
		fail "$what" "rc=$rc err='$(cat err)' rows='$(dump family.db)'"
	fi
}
bad "goal 0" 'meal.weekly_goal: bad number "0"' settings set meal.weekly_goal 0
bad "goal not a number" 'walk.weekly_goal: bad number "x"' settings set walk.weekly_goal x
bad "a day that is not one" 'review.day: bad day "sunday"' settings set review.day sunday
bad "a window of no length" 'meal.windows: bad meal window time' settings set meal.windows "dinner 21:00-21:00"
bad "unknown zone" 'time.timezone: unknown time zone' settings set time.timezone Mars/Olympus
bad "fewer names than the file's lines" 'names names 3 slots but lines names 4' settings set dock.names "Anna Ben Chloé"
bad "two values for one key" 'review.day takes one value' settings set review.day mon tue
bad "a bad ritual among good ones" 'rituals.ritual: bad ritual' settings set rituals.ritual "mon 18:00 call" "thu 25:00 meal"
bad "unknown key" 'unknown setting "meal.dessert"' settings set meal.dessert 1
bad "no dot" 'unknown setting "weekly_goal"' settings set weekly_goal 1
bad "the dock's chip is the installer's" 'dock.chip cannot be set on the display: the dock' settings set dock.chip gpiochip1
bad "the dock's lines are the installer's" 'configuration file' settings set dock.lines "1 2 3 4"
bad "the store's path is the installer's" 'cannot be kept in the database' settings set store.path /tmp/x.db
bad "what counts as a meal is the installer's" 'configuration file' settings set meal.min_duration 10min
bad "reset of an installer's key" 'configuration file' settings reset dock.chip
bad "set without a value" 'needs a VALUE' settings set review.day
bad "an unknown verb" 'unknown "show"' settings show
# a bad value on no database creates none
ft settings set meal.weekly_goal 0 --config family.conf --db fresh.db 2>/dev/null
rc=$?
[ $rc -eq 2 ] && [ ! -e fresh.db ] && pass "a bad value on no database: exit 2, none created" ||
	fail "bad value, no database" "rc=$rc"
ft settings reset meal.weekly_goal --config family.conf --db fresh.db >/dev/null
rc=$?
[ $rc -eq 0 ] && [ ! -e fresh.db ] && pass "reset on no database: nothing to forget, none created" ||
	fail "reset, no database" "rc=$rc"

# 5. rituals.ritual: each VALUE one ritual, together the new list; report
# lists the display's rituals.
ft settings set rituals.ritual 'tue 19:00 meal "Dinner together"' 'thu 12:00 meal "Lunch"' \
	--config family.conf --db family.db >out
rc=$?
rituals=$(field 2026-W49 '[(x["day"], x["label"], x["kept"]) for x in r["rituals"]]')
name="settings set rituals.ritual A B: the list is A and B, in the report"
if [ $rc -eq 0 ] && [ "$(sed -n 1p out)" = 'rituals.ritual = tue 19:00 meal "Dinner together"  # display' ] &&
	[ "$(sed -n 2p out)" = 'rituals.ritual = thu 12:00 meal "Lunch"  # display' ] &&
	[ "$rituals" = "[('tue', 'Dinner together', True), ('thu', 'Lunch', False)]" ]; then
	pass "$name"
else
	fail "$name" "rc=$rc out='$(cat out)' rituals=$rituals"
fi
ft settings set rituals.ritual --config family.conf --db family.db >out
n=$(field 2026-W49 'len(r["rituals"])')
[ "$n" = 0 ] && grep -qx 'rituals.ritual =   # display' out && pass "settings set rituals.ritual with no value: no rituals" ||
	fail "empty ritual list" "n=$n out='$(cat out)'"

# 6. What settings prints, settings set takes back unchanged (every key the
# display may set).
ft settings set display.night "22:30-06:45  # after the news" --config family.conf --db family.db >/dev/null
ft settings set dock.names 'Anna "Mary Ann" Zoë Dan' --config family.conf --db family.db >/dev/null
ft settings set rituals.ritual 'fri 19:00 meal Pizza night' 'sun 09:30 walk "Family walk"' \
	--config family.conf --db family.db >/dev/null
ft settings --config family.conf --db family.db >before.txt
ok=1
for key in dock.names meal.windows meal.weekly_goal walk.weekly_goal rituals.ritual review.day \
	review.time display.night display.rotation display.language time.timezone; do
	mapfile -t values < <(grep "^$key = " before.txt | sed -e "s/^$key = //" -e 's/  # [a-z]*$//')
	[ -z "${values[0]}" ] && continue # unset: nothing to give back
	ft settings set "$key" "${values[@]}" --config family.conf --db family.db >/dev/null || ok=0
done
ft settings --config family.conf --db family.db >after.txt
# the sources change to display; the values do not
if [ $ok = 1 ] && diff <(sed 's/  # [a-z]*$//' before.txt) <(sed 's/  # [a-z]*$//' after.txt) >/dev/null &&
	grep -qx 'dock.names = Anna "Mary Ann" Zoë Dan  # display' after.txt &&
	grep -qx 'display.night = 22:30-06:45  # display' after.txt; then
	pass "every printed value is taken back unchanged"
else
	fail "round trip" "$(diff before.txt after.txt)"
fi

# 7. The display's time zone is the one report uses; simulate uses the
# display's names.
ft settings set time.timezone America/New_York --config family.conf --db family.db >/dev/null
start=$(field 2026-W49 'r["meals"]["list"][0]["start"]')
[ "$start" = "2026-12-01T13:00:00-05:00" ] && pass "report uses the display's time zone" ||
	fail "display's zone" "$start"
ft settings reset time.timezone --config family.conf --db family.db >/dev/null
cat >later.scn <<'SCN'
2026-12-02T19:00:00+01:00 dock 2 in
2026-12-02T19:00:00+01:00 dock 3 in
2026-12-02T19:40:00+01:00 dock 2 out
2026-12-02T19:40:00+01:00 dock 3 out
SCN
ft simulate --scenario later.scn --config family.conf --db family.db
members=$(field 2026-W49 'r["meals"]["list"][1]["members"]')
[ "$members" = "['Mary Ann', 'Zoë']" ] && pass "simulate logs the display's names" ||
	fail "display's names in simulate" "$members"

# 8. --help shows the three forms.
n=$(ft --help | grep -c 'familytable settings')
[ "$n" = 3 ] && pass "--help shows settings, settings set, settings reset" || fail "--help" "$n"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
