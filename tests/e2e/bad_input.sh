#!/usr/bin/env bash
# tests/e2e/bad_input.sh BINARY - SPEC §5 on bad input: exit 2 on bad usage or
# bad input (1 on a runtime failure), every error names what was wrong and
# where (file:line for files), and bad input changes nothing: a scenario that
# fails writes nothing, neither creating the database nor touching one that
# exists.
#
# Prints one line per case and a final "N passed, N failed"; exits non-zero
# when any case failed.
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
	echo "usage: $0 BINARY" >&2
	exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-bad-input.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
# Keep the tests away from the user's files: no system config is read when
# --config is given, and no default database path is used (--db everywhere).
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }

# run CMD...: sets rc, and the files out and err.
run() {
	"$BIN" "$@" >out 2>err
	rc=$?
}

# expect NAME RC [STDERR-TEXT]: the last run exited RC and, when given,
# its stderr holds STDERR-TEXT (a fixed string). Returns 1 on failure,
# having reported it; the caller reports success once every check held.
expect() {
	local name=$1 want=$2 text=${3:-}
	if [ "$rc" -ne "$want" ]; then
		fail "$name" "exit $rc, expected $want; stderr: $(head -c 300 err)"
		return 1
	fi
	if [ -n "$text" ] && ! grep -qF -- "$text" err; then
		fail "$name" "stderr does not name \"$text\": $(head -c 300 err)"
		return 1
	fi
	if [ "$want" -ne 0 ] && [ ! -s err ]; then
		fail "$name" "exit $rc with nothing on stderr"
		return 1
	fi
	return 0
}

# absent NAME DB: no database file (nor its journal) was created.
absent() {
	local f
	for f in "$2" "$2-wal" "$2-shm" "$2-journal"; do
		if [ -e "$f" ]; then
			fail "$1" "$f was created"
			return 1
		fi
	done
	return 0
}

# snapshot DB: everything a user can see of the database, and its rows.
snapshot() {
	{
		"$BIN" export --csv --config "$TMP/good.conf" --db "$1"
		local w
		for w in 2026-W48 2026-W49 2026-W50; do
			"$BIN" report --json --config "$TMP/good.conf" --db "$1" --week "$w"
		done
		if command -v sqlite3 >/dev/null; then
			sqlite3 "$1" .dump
		fi
	} 2>&1
}

# unchanged NAME DB BEFORE: the snapshot of DB is still BEFORE.
unchanged() {
	snapshot "$2" >after.txt
	if ! cmp -s "$3" after.txt; then
		fail "$1" "the database changed: $(diff "$3" after.txt | head -5 | tr '\n' ' ')"
		return 1
	fi
	return 0
}

cat >good.conf <<'EOF'
# A family of four, four slots.
[dock]
lines = 17 27 22 23
names = Anna Ben Chloé "Mary Ann"
[time]
timezone = Europe/Paris
EOF

# 2026-W48: a dinner, a hug, a walk. Ends 2026-11-25T09:32:01+01:00 (the
# last event plus grace plus 1s).
cat >good.scn <<'EOF'
# Monday dinner
2026-11-23T18:55:00+01:00 dock 1 in
2026-11-23T18:56:10+01:00 dock 2 in
2026-11-23T19:40:00+01:00 dock 1 out
2026-11-23T19:40:03+01:00 dock 2 out
2026-11-24T08:00:00+01:00 hug
2026-11-25T09:30:00+01:00 walk 45
EOF

# A database after one good run, and what it holds.
make_db() {
	rm -f "$1" "$1-wal" "$1-shm"
	"$BIN" simulate --scenario good.scn --config good.conf --db "$1" >/dev/null 2>&1
}
make_db base.db
if [ ! -s base.db ]; then
	echo "FAIL - setup: the good scenario did not make a database"
	echo "0 passed, 1 failed"
	exit 1
fi
snapshot base.db >base.txt
if ! grep -q 'meal,2026-11-23,dinner' base.txt; then
	echo "FAIL - setup: the good run logged no Monday dinner"
	echo "0 passed, 1 failed"
	exit 1
fi

# ---- a scenario with one bad line (line 4) after good ones ----

# Lines 2 and 3 would write a hug and a walk if the run went ahead.
bad_scenario() {
	printf '# a later week\n'
	printf '2026-11-30T19:00:00+01:00 hug\n'
	printf '2026-11-30T19:05:00+01:00 walk 30\n'
	printf '%s\n' "$1"
	printf '2026-11-30T20:00:00+01:00 hug\n'
}

bad_lines=(
	"out of order|2026-11-30T18:00:00+01:00 hug"
	"unknown slot 0|2026-11-30T19:10:00+01:00 dock 0 in"
	"unknown slot 5 of 4|2026-11-30T19:10:00+01:00 dock 5 in"
	"unknown word|2026-11-30T19:10:00+01:00 dance"
	"unknown word after dock|2026-11-30T19:10:00+01:00 dock 1 sideways"
	"bad time|2026-11-30T25:10:00+01:00 hug"
	"bad time without seconds|2026-11-30T19:10+01:00 hug"
	"bad number|2026-11-30T19:10:00+01:00 walk forty"
	"walk stop with no walk|2026-11-30T19:10:00+01:00 walk stop"
	"walk of 0 minutes|2026-11-30T19:10:00+01:00 walk 0"
	"walk of -5 minutes|2026-11-30T19:10:00+01:00 walk -5"
	"call from an unknown name|2026-11-30T19:10:00+01:00 tap call Zoe Grandma"
	"call from slot 5 of 4|2026-11-30T19:10:00+01:00 tap call 5 Grandma"
	"call with who but not whom|2026-11-30T19:10:00+01:00 tap call Anna"
	"call with a quote not closed|2026-11-30T19:10:00+01:00 tap call Anna \"Grandma Jo"
	"call with a name too many|2026-11-30T19:10:00+01:00 tap call \"Mary Ann\" Grandma Jo"
)
for item in "${bad_lines[@]}"; do
	what=${item%%|*}
	line=${item#*|}
	bad_scenario "$line" >bad.scn

	name="bad scenario line ($what), new database: exit 2, names bad.scn:4, no file"
	run simulate --scenario bad.scn --config good.conf --db "$TMP/new/fresh.db"
	expect "$name" 2 "bad.scn:4:" && absent "$name" "$TMP/new/fresh.db" && pass "$name"
	rm -rf "$TMP/new"

	name="bad scenario line ($what), existing database: exit 2, names bad.scn:4, unchanged"
	cp base.db old.db
	run simulate --scenario bad.scn --config good.conf --db old.db
	expect "$name" 2 "bad.scn:4:" && unchanged "$name" old.db base.txt && pass "$name"
	rm -f old.db old.db-wal old.db-shm
done

# A walk started and stopped at the same instant is a walk of zero minutes
# (SPEC §5: an error that names the line, exit 2, nothing written).
{
	printf '# a later week\n'
	printf '2026-11-30T19:00:00+01:00 hug\n'
	printf '2026-11-30T19:10:00+01:00 walk start\n'
	printf '2026-11-30T19:10:00+01:00 walk stop\n'
} >zero.scn
name="walk start and stop at the same instant, new database: exit 2, names zero.scn:4, no file"
run simulate --scenario zero.scn --config good.conf --db "$TMP/new/fresh.db"
expect "$name" 2 "zero.scn:4:" && absent "$name" "$TMP/new/fresh.db" && pass "$name"
rm -rf "$TMP/new"
name="walk start and stop at the same instant, existing database: exit 2, unchanged"
cp base.db old.db
run simulate --scenario zero.scn --config good.conf --db old.db
expect "$name" 2 "zero.scn:4:" && unchanged "$name" old.db base.txt && pass "$name"
rm -f old.db old.db-wal old.db-shm

# ---- runs on one database append; a run may not start before the last ----

name="scenario starting before the previous run's end: exit 2, names its line, unchanged"
cp base.db old.db
printf '# too early\n2026-11-25T09:00:00+01:00 hug\n2026-11-26T08:00:00+01:00 hug\n' >early.scn
run simulate --scenario early.scn --config good.conf --db old.db
expect "$name" 2 "early.scn:2:" && unchanged "$name" old.db base.txt && pass "$name"

name="the same good scenario run twice: exit 2, unchanged"
run simulate --scenario good.scn --config good.conf --db old.db
expect "$name" 2 "good.scn:2:" && unchanged "$name" old.db base.txt && pass "$name"
rm -f old.db old.db-wal old.db-shm

# The previous run ended at 09:32:01 (09:30 + grace + 1s): a scenario that
# starts exactly then is fine. Proves the refusal above is about the order.
name="scenario starting at the previous run's end: exit 0, appended"
cp base.db old.db
printf '2026-11-25T09:32:01+01:00 hug\n' >ontime.scn
run simulate --scenario ontime.scn --config good.conf --db old.db
if expect "$name" 0; then
	snapshot old.db >after.txt
	if cmp -s base.txt after.txt; then fail "$name" "nothing was appended"; else pass "$name"; fi
fi
rm -f old.db old.db-wal old.db-shm

# ---- --until ----

name="--until before the last event, existing database: exit 2, names good.scn, unchanged"
cp base.db old.db
printf '2026-11-30T19:00:00+01:00 hug\n2026-11-30T20:00:00+01:00 hug\n' >later.scn
run simulate --scenario later.scn --config good.conf --db old.db --until 2026-11-30T19:30:00+01:00
expect "$name" 2 "later.scn:2" && unchanged "$name" old.db base.txt && pass "$name"
rm -f old.db old.db-wal old.db-shm

# --until before the last event is found before the database is created.
name="--until before the last event, new database: exit 2, names good.scn:7, no file"
run simulate --scenario good.scn --config good.conf --db "$TMP/new/fresh.db" --until 2026-11-24T00:00:00+01:00
expect "$name" 2 "good.scn:7" && absent "$name" "$TMP/new/fresh.db" && pass "$name"
rm -rf "$TMP/new"

name="--until that is not a time: exit 2, no file"
run simulate --scenario good.scn --config good.conf --db fresh.db --until tomorrow
expect "$name" 2 "tomorrow" && absent "$name" fresh.db && pass "$name"

# ---- bad configuration lines ----

bad_confs=(
	"unknown section|3|[dock]\nlines = 17 27\n[kitchen]\nchip = x\n"
	"unknown key|3|[dock]\nlines = 17 27\nslots = 2\n"
	"bad duration|4|# dock\n[dock]\nlines = 17 27\ndebounce = 5 min\n"
	"duration without unit|2|[meal]\ngrace = 5\n"
	"key set twice|4|[dock]\nchip = a\nlines = 17 27\nchip = b\n"
	"names and lines disagree|3|[dock]\nlines = 17 27 22\nnames = Anna Ben\n"
	"bad rotation|3|[dock]\n[display]\nrotation = 45\n"
	"bad language|2|[display]\nlanguage = de\n"
	"window of no length|2|[meal]\nwindows = dinner 21:30-21:30\n"
	"bad ritual kind|2|[rituals]\nritual = mon 18:00 dance \"Dance\"\n"
	"min_phones above the slots|4|[dock]\nlines = 17 27\n[meal]\nmin_phones = 3\n"
	# an unknown zone is a bad value of its line
	"unknown time zone|2|[time]\ntimezone = Mars/Olympus_Mons\n"
)
for item in "${bad_confs[@]}"; do
	what=${item%%|*}
	rest=${item#*|}
	line=${rest%%|*}
	text=${rest#*|}
	printf "%b" "$text" >bad.conf
	where="bad.conf:$line:"

	name="bad config ($what): simulate exits 2, names $where, no file"
	run simulate --scenario good.scn --config bad.conf --db fresh.db
	expect "$name" 2 "$where" && absent "$name" fresh.db && pass "$name"

	name="bad config ($what): report exits 2, names $where"
	run report --config bad.conf --db base.db --week 2026-W48
	expect "$name" 2 "$where" && pass "$name"
done

name="a config file that is not there: exit 2, names it"
run report --config "$TMP/none.conf" --db base.db
expect "$name" 2 "none.conf" && pass "$name"

# ---- bad usage ----

# An option of another command is named as the option, not its value
# ("report does not take --scenario", not "good.scn").
usage_cases=(
	"unknown command|frobnicate|frobnicate"
	"unknown option|report --frobnicate|--frobnicate"
	"option of another command|report --scenario good.scn|--scenario"
	"option without its value|report --db|--db"
	"a stray argument|report extra|extra"
	"simulate without --scenario|simulate --config good.conf --db fresh.db|--scenario"
	"export without --csv|export --config good.conf --db base.db|--csv"
	"report --week 2026-W99|report --config good.conf --db base.db --week 2026-W99|2026-W99"
	"report --week 2025-W53 (a 52-week year)|report --config good.conf --db base.db --week 2025-W53|2025-W53"
	"report --week 2026-48|report --config good.conf --db base.db --week 2026-48|2026-48"
	"report --at that is not a time|report --config good.conf --db base.db --at 2026-02-30T10:00:00Z|2026-02-30"
	"report with --week and --at|report --config good.conf --db base.db --week 2026-W48 --at 2026-11-24T10:00:00Z|--week"
)
for item in "${usage_cases[@]}"; do
	what=${item%%|*}
	rest=${item#*|}
	args=${rest%%|*}
	text=${rest#*|}
	name="$what: exit 2"
	# shellcheck disable=SC2086 # the arguments are words on purpose
	run $args
	expect "$name" 2 "$text" && absent "$name" fresh.db && pass "$name"
done

# ---- runtime failures ----

name="report on a missing database: exit 1, names it, does not create it"
run report --config good.conf --db "$TMP/missing.db" --week 2026-W48
expect "$name" 1 "missing.db" && absent "$name" "$TMP/missing.db" && pass "$name"

name="export on a missing database: exit 1, names it, does not create it"
run export --csv --config good.conf --db "$TMP/missing.db"
expect "$name" 1 "missing.db" && absent "$name" "$TMP/missing.db" && pass "$name"

# The base database was only ever read by the cases above.
name="the base database is as the good run left it"
unchanged "$name" base.db base.txt && pass "$name"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
