#!/usr/bin/env bash
# tests/e2e/settings_display.sh BINARY - issue 11, point 1: the display
# and `familytable settings` are one store with one set of checks. What
# `settings set` stores, the settings screens show (screenshot --layout:
# the rituals, the meal times past midnight, the time zone, the rotation
# with its Put back); a value the file would refuse is refused (exit 2,
# nothing written, the screen as it was); `settings reset` puts it back.
# Prints one line per case and a final "N passed, N failed".
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: $0 BINARY" >&2
	exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-settings-display.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share" SDL_VIDEODRIVER=dummy

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
ft() { ${VALGRIND:-} "$BIN" "$@"; }
AT=2026-12-08T20:00:00+01:00
# shot SCREEN: the screen's layout as JSON in SCREEN.json
shot() {
	ft screenshot --screen "$1" --size 800x480 --out "$1.png" --layout "$1.json" \
		--config family.conf --db family.db --at "$AT" 2>"$1.err" &&
		python3 "$HERE/layout_check.py" "$1.json" "$1" 800x480 >"$1.why"
}
# shows SCREEN TEXT: the screen's layout has a text that holds TEXT
shows() { python3 -c "import json,sys; sys.exit(not any(sys.argv[2] in t['text'] for t in json.load(open(sys.argv[1]))['texts']))" "$1.json" "$2"; }
# offers SCREEN ACTION ARG: the screen has that target
offers() { python3 -c "import json,sys; sys.exit(not any(t['action'] == sys.argv[2] and t['arg'] == int(sys.argv[3]) for t in json.load(open(sys.argv[1]))['targets']))" "$1.json" "$2" "$3"; }
dump() { sqlite3 family.db 'SELECT key, value FROM setting ORDER BY key' 2>&1; }

cat >family.conf <<'CONF'
[dock]
names = Anna Ben
[rituals]
ritual = mon 18:00 call "Call a friend"
[time]
timezone = Europe/Paris
CONF
printf '2026-12-07T08:00:00+01:00 hug\n' >first.scn
ft simulate --scenario first.scn --config family.conf --db family.db 2>/dev/null

# the key index of rituals.ritual etc., as the screens' Put back carries it
key() { ft settings --config family.conf --db family.db | awk '{print $1}' | uniq | grep -nx "$1" | cut -d: -f1; }

shot rituals && shows rituals "Call a friend" && ! offers rituals key-reset "$(($(key rituals.ritual) - 1))" &&
	pass "the rituals screen shows the file's ritual, nothing to put back" ||
	fail "the rituals screen shows the file's ritual" "$(cat rituals.err rituals.why 2>/dev/null)"

ft settings set rituals.ritual 'tue 18:15 walk "Walk after dinner"' 'thu 12:00 meal "Shared lunch"' \
	--config family.conf --db family.db &&
	shot rituals && shows rituals "Walk after dinner" && shows rituals "Shared lunch" &&
	! shows rituals "Call a friend" && offers rituals key-reset "$(($(key rituals.ritual) - 1))" &&
	ft settings --config family.conf --db family.db | grep -q '^rituals.ritual = tue 18:15 walk "Walk after dinner"  # display$' &&
	pass "settings set rituals: the screen shows them, with Put back" ||
	fail "settings set rituals: the screen shows them" "$(cat rituals.err rituals.why 2>/dev/null)"

ft settings set meal.windows "breakfast 06:00-10:30, dinner 17:30-21:30, supper 21:30-01:00" \
	--config family.conf --db family.db &&
	shot meal-windows && shows meal-windows "21:30 – 01:00 (next day)" &&
	pass "a meal time past midnight set from the command line shows as such" ||
	fail "a meal time past midnight shows" "$(cat meal-windows.err meal-windows.why 2>/dev/null)"

before=$(dump)
ft settings set meal.windows "dinner 17:30-21:30, dinner 19:00-22:00" --config family.conf \
	--db family.db 2>bad.err
rc=$?
[ $rc = 2 ] && grep -q "named twice" bad.err && [ "$(dump)" = "$before" ] &&
	shot meal-windows && shows meal-windows "Supper" &&
	pass "a window named twice: exit 2, nothing written, the screen as it was" ||
	fail "a window named twice refused" "rc=$rc $(cat bad.err)"

ft settings set time.timezone America/New_York --config family.conf --db family.db &&
	ft settings set display.rotation 90 --config family.conf --db family.db &&
	shot screen-clock && shows screen-clock "America · New York" &&
	offers screen-clock key-reset "$(($(key display.rotation) - 1))" &&
	pass "zone and rotation set from the command line show on the screen and clock" ||
	fail "zone and rotation show" "$(cat screen-clock.err screen-clock.why 2>/dev/null)"

ft settings reset time.timezone --config family.conf --db family.db &&
	ft settings reset display.rotation --config family.conf --db family.db &&
	shot screen-clock && shows screen-clock "Europe · Paris" &&
	! offers screen-clock key-reset "$(($(key display.rotation) - 1))" &&
	pass "settings reset: the file's zone again, nothing to put back" ||
	fail "settings reset shows" "$(cat screen-clock.err screen-clock.why 2>/dev/null)"

ft settings set time.timezone Europe/Atlantis --config family.conf --db family.db 2>zone.err
rc=$?
[ $rc = 2 ] && grep -q "Europe/Atlantis" zone.err && shot screen-clock && shows screen-clock "Europe · Paris" &&
	pass "an unknown zone: exit 2, named, the screen as it was" ||
	fail "an unknown zone refused" "rc=$rc $(cat zone.err)"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
