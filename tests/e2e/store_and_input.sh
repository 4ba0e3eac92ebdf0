#!/usr/bin/env bash
# tests/e2e/store_and_input.sh BINARY - issue 10, points 2-5 and 8 from the
# command line: messages that name the real cause, `simulate` serialised,
# read-only commands that never write a schema, text that enters is UTF-8
# and text that leaves always is, local times the clocks skip or repeat,
# a time zone that is a zone, values of a hand-edited file range-checked.
#
# Prints one line per case and "N passed, N failed"; exits non-zero when any
# case failed.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-store-input.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
run() { ${VALGRIND:-} "$BIN" "$@" >out 2>err; rc=$?; }
# check NAME RC TEXT: the last run exited RC and its stderr holds TEXT.
check() {
	if [ "$rc" -ne "$2" ]; then
		fail "$1" "exit $rc, expected $2; stderr: $(head -c 300 err)"
	elif [ -n "${3:-}" ] && ! grep -qF -- "$3" err; then
		fail "$1" "stderr does not say \"$3\": $(head -c 300 err)"
	else
		pass "$1"
	fi
}

cat >good.conf <<'EOF'
[dock]
names = Anna Ben Chloé "Mary Ann"
[time]
timezone = Europe/Paris
EOF
cat >week.scn <<'EOF'
2026-11-23T18:55:00+01:00 dock 1 in
2026-11-23T18:56:10+01:00 dock 2 in
2026-11-23T19:40:00+01:00 dock 1 out
2026-11-23T19:40:03+01:00 dock 2 out
2026-11-24T08:00:00+01:00 hug
2026-11-25T09:30:00+01:00 walk 45
EOF

# ---- read-only commands never write a schema into an empty file ----
: >empty.db
run report --config good.conf --db empty.db --week 2026-W48
check "report on a zero-length file: exit 1, said empty" 1 "empty.db: an empty file"
run export --csv --config good.conf --db empty.db
check "export on a zero-length file: exit 1, said empty" 1 "empty.db: an empty file"
if [ -s empty.db ] || [ -e empty.db-wal ]; then
	fail "the zero-length file stays zero-length" "$(ls -l empty.db*)"
else
	pass "the zero-length file stays zero-length"
fi

# ---- messages that name the real cause ----
run simulate --scenario week.scn --config good.conf --db good.db
check "a good run" 0
python3 - good.db <<'EOF' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode = EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
open("locked", "w").close()
time.sleep(6)
db.execute("ROLLBACK")
EOF
holder=$!
for _ in $(seq 50); do [ -e locked ] && break; sleep 0.1; done
run report --config good.conf --db good.db --week 2026-W48
check "a database locked by another program: said locked, exit 1" 1 "good.db: the database is locked"
grep -q damaged err && fail "a locked database is not called damaged" "$(cat err)" ||
	pass "a locked database is not called damaged"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
printf 'just some text, long enough to look like a database header...........\n' >text.db
run report --config good.conf --db text.db --week 2026-W48
check "a file that is not a database: said damaged, with its path" 1 "text.db: the database is damaged"
run report --config good.conf --db missing/none.db --week 2026-W48
check "a missing database: said missing, exit 1" 1 "missing/none.db: no database yet"

# ---- simulate is serialised: two runs racing never double the history ----
# A scenario long enough that the runs overlap: four weeks of dinners.
python3 - >long.scn <<'EOF'
import datetime
t = datetime.datetime(2026, 11, 2, 19, 0)
for day in range(200):
    d = t + datetime.timedelta(days=day)
    s = d.strftime("%Y-%m-%dT%H:%M:%S")
    e = (d + datetime.timedelta(minutes=40)).strftime("%Y-%m-%dT%H:%M:%S")
    print(f"{s}+01:00 dock 1 in\n{s}+01:00 dock 2 in\n{e}+01:00 dock 1 out\n{e}+01:00 dock 2 out")
    print(f"{e}+01:00 hug")
EOF
sed -i 's/+01:00/Z/g' long.scn
# Each race on a database that holds an earlier run, as at home.
printf '2026-10-01T12:00:00Z hug\n' >earlier.scn
"$BIN" simulate --scenario earlier.scn --config good.conf --db earlier.db 2>/dev/null
cp earlier.db single.db
"$BIN" simulate --scenario long.scn --config good.conf --db single.db 2>/dev/null
want=$(sqlite3 single.db "SELECT (SELECT count(*) FROM session) || ' ' || (SELECT count(*) FROM hug)")
doubled=0
for i in $(seq 10); do
	rm -f race.db*
	cp earlier.db race.db
	"$BIN" simulate --scenario long.scn --config good.conf --db race.db 2>race1.err &
	a=$!
	"$BIN" simulate --scenario long.scn --config good.conf --db race.db 2>race2.err &
	b=$!
	wait $a; ra=$?
	wait $b; rb=$?
	got=$(sqlite3 race.db "SELECT (SELECT count(*) FROM session) || ' ' || (SELECT count(*) FROM hug)")
	if [ "$got" != "$want" ] || [ $((ra == 0 ? 1 : 0)) -eq $((rb == 0 ? 1 : 0)) ]; then
		doubled=$((doubled + 1))
		echo "  try $i: exits $ra $rb, rows $got (one run: $want): $(cat race1.err race2.err | head -c 300)"
	fi
done
[ "$doubled" = 0 ] && pass "two simulations racing: one lands, the other is refused, 10 of 10 ($want)" ||
	fail "two simulations racing" "$doubled of 10 tries doubled or both failed"
grep -hq "before the previous run's end\|locked" race1.err race2.err &&
	pass "the refused simulation says why" || fail "the refused simulation says why" "$(cat race1.err race2.err)"

# ---- text that enters is UTF-8, or refused with file:line ----
printf '[dock]\nnames = Anna B\xe9n\n' >latin1.conf
run report --config latin1.conf --db good.db --week 2026-W48
check "a Latin-1 name in the configuration: exit 2, file:line" 2 "latin1.conf:2: not UTF-8"
printf '[rituals]\nritual = mon 18:00 call "Appel \xc3"\n' >label.conf
run report --config label.conf --db good.db --week 2026-W48
check "a cut UTF-8 sequence in a ritual label: exit 2, file:line" 2 "label.conf:2: not UTF-8"
printf '\xef\xbb\xbf[dock]\nnames = Anna Ben\n' >bom.conf
run report --config bom.conf --db good.db --week 2026-W48 --json
check "a byte-order mark at the top of the configuration is skipped" 0
printf '\xef\xbb\xbf2026-11-30T19:00:00+01:00 hug\n2026-11-30T19:05:00+01:00 tap call \xff\n' >bad.scn
cp good.db before.db
run simulate --scenario bad.scn --config good.conf --db good.db
check "a scenario line that is not UTF-8: exit 2, file:line (the BOM skipped)" 2 "bad.scn:2: not UTF-8"
cmp -s good.db before.db && pass "the refused scenario wrote nothing" || fail "the refused scenario wrote nothing" "changed"

# ---- text that leaves is valid UTF-8, whatever the file holds ----
cp good.db hostile.db
sqlite3 hostile.db <<'EOF'
UPDATE session_member SET name = CAST(X'416EFF6E6122C05C0A01' AS TEXT) WHERE slot = 1;
UPDATE session_member SET name = CAST(X'42E282' AS TEXT) WHERE slot = 2;
INSERT INTO tap (t_ms, day, kind) VALUES (1764010000000, 20416, CAST(X'63616C6CFE2C22' AS TEXT));
INSERT INTO walk (start_ms, end_ms, day) VALUES (-9000000000000000000, 9000000000000000000, 20415);
INSERT INTO walk (start_ms, end_ms, day) VALUES (1764000000000, 1764003600000, -9000000000000000000);
INSERT INTO hug (t_ms, day) VALUES (1764000000000, -9000000000000000000);
INSERT INTO session (start_ms, end_ms, class, day, kind, phones, interruptions)
  VALUES (-9000000000000000000, 9000000000000000000, 'meal', 20415, 'dinner', 2, 0);
INSERT INTO away (week) VALUES (9000000000000000000);
EOF
utf8_json='import json,sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8", "strict"))'
utf8_csv='import csv,io,sys; list(csv.reader(io.StringIO(open(sys.argv[1], "rb").read().decode("utf-8", "strict"))))'
run report --config good.conf --db hostile.db --week 2026-W48 --json
if [ "$rc" = 0 ] && python3 -c "$utf8_json" out 2>pyerr; then
	pass "report --json on a hand-edited file: valid UTF-8 and JSON"
else
	fail "report --json on a hand-edited file" "exit $rc $(head -c 200 err) $(cat pyerr)"
fi
grep -q '"count": 1,' out && pass "the impossible rows are left out of the week" ||
	fail "the impossible rows are left out of the week" "$(head -c 300 out)"
run report --config good.conf --db hostile.db --week 2026-W48
if [ "$rc" = 0 ] && python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8", "strict")' out; then
	pass "report (text) on a hand-edited file: valid UTF-8"
else
	fail "report (text) on a hand-edited file" "exit $rc $(head -c 200 err)"
fi
run export --csv --config good.conf --db hostile.db
if [ "$rc" = 0 ] && python3 -c "$utf8_csv" out 2>pyerr; then
	pass "export --csv on a hand-edited file: valid UTF-8, no overflow"
else
	fail "export --csv on a hand-edited file" "exit $rc $(head -c 200 err) $(cat pyerr)"
fi
check "export says it left impossible rows out" 0 "rows with impossible times or days left out"

# ---- local times the clocks skip or show twice (README "Local times") ----
# zone, the day the clocks go forward with a skipped time, the day they go
# back with a repeated time and its two offsets
while read -r zone skipped twice off1 off2; do
	printf '[time]\ntimezone = %s\n' "$zone" >zone.conf
	printf '# line 1\n%s hug\n' "$skipped" >skip.scn
	rm -f tz.db*
	run simulate --scenario skip.scn --config zone.conf --db tz.db
	check "$zone: $skipped does not exist: exit 2, line named" 2 "skip.scn:2: local time \"$skipped\" does not exist"
	printf '# line 1\n%s hug\n' "$twice" >twice.scn
	run simulate --scenario twice.scn --config zone.conf --db tz.db
	if [ "$rc" = 2 ] && grep -qF "twice.scn:2: local time \"$twice\" happens twice" err &&
		grep -qF "$twice$off1" err && grep -qF "$twice$off2" err; then
		pass "$zone: $twice happens twice: exit 2, the line and both offsets named"
	else
		fail "$zone: $twice happens twice" "exit $rc: $(cat err)"
	fi
	printf '%s%s hug\n%s%s hug\n' "$twice" "$off1" "$twice" "$off2" >both.scn
	run simulate --scenario both.scn --config zone.conf --db tz.db
	check "$zone: $twice with its offset is taken, both times" 0
	[ "$(sqlite3 tz.db 'SELECT max(t_ms) - min(t_ms) FROM hug')" = 3600000 ] &&
		pass "$zone: the two $twice are an hour apart" || fail "$zone: the two $twice are an hour apart" "$(sqlite3 tz.db 'SELECT t_ms FROM hug')"
	run report --config zone.conf --db tz.db --at "$skipped"
	check "$zone: --at $skipped: exit 2" 2 "--at: local time \"$skipped\" does not exist"
	run report --config zone.conf --db tz.db --at "$twice"
	check "$zone: --at $twice: exit 2" 2 "happens twice"
done <<'EOF'
Europe/Paris 2026-03-29T02:30:00 2026-10-25T02:30:00 +02:00 +01:00
America/New_York 2026-03-08T02:30:00 2026-11-01T01:30:00 -04:00 -05:00
EOF

# ---- a time zone must be a zone ----
printf '[dock]\nnames = A B\n[time]\ntimezone = zone1970.tab\n' >tab.conf
run report --config tab.conf --db good.db --week 2026-W48
check "timezone = zone1970.tab: exit 2, file:line" 2 "tab.conf:4: timezone: unknown time zone \"zone1970.tab\""
printf '[time]\ntimezone = Mars/Olympus\n' >mars.conf
run report --config mars.conf --db good.db --week 2026-W48
check "timezone = Mars/Olympus: exit 2, file:line" 2 "mars.conf:2: timezone: unknown time zone"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
