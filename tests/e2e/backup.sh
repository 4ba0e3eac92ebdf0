#!/usr/bin/env bash
# tests/e2e/backup.sh BINARY - `familytable backup` and `restore`: a restored
# backup gives the same report and export as the database it was made from;
# the database it replaces is kept aside; a bad file changes nothing (exit
# 2); a restore while `run` has the database open is refused (exit 1);
# `backup --rotate` writes the nightly copy beside the database.
#
# Prints one line per case and a final "N passed, N failed".
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
EX=$HERE/examples
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-backup.XXXXXX")
RUN_PID=
cleanup() { [ -n "$RUN_PID" ] && kill "$RUN_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
ft() { ${VALGRIND:-} "$BIN" "$@"; }
CONF=$EX/week.conf
DB=$TMP/state/familytable.db
report() { ft report --config "$CONF" --db "$1" --week 2026-W49 --json; }
export_csv() { ft export --csv --config "$CONF" --db "$1"; }

ft simulate --scenario "$EX/week.scn" --config "$CONF" --db "$DB" || fail "simulate" "exit $?"
report "$DB" >"$TMP/before.json"
export_csv "$DB" >"$TMP/before.csv"

if ft backup "$TMP/copy.db" --config "$CONF" --db "$DB" >"$TMP/out" 2>&1 && [ -s "$TMP/copy.db" ]; then
	pass "backup FILE"
else
	fail "backup FILE" "$(cat "$TMP/out")"
fi
ft backup "$TMP/copy.db" --config "$CONF" --db "$DB" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 2 ] && grep -q "copy.db: already exists" "$TMP/err" && pass "backup never overwrites a file (exit 2)" ||
	fail "backup never overwrites a file" "exit $rc: $(cat "$TMP/err")"

# the family goes on: a later week, then a restore of the copy
printf '2026-12-08T19:00:00+01:00 dock 1 in\n2026-12-08T19:00:00+01:00 dock 2 in\n2026-12-08T19:45:00+01:00 dock 1 out\n2026-12-08T19:45:00+01:00 dock 2 out\n2026-12-09T10:00:00+01:00 walk 40\n' >"$TMP/later.scn"
ft simulate --scenario "$TMP/later.scn" --config "$CONF" --db "$DB" || fail "simulate later" "exit $?"
export_csv "$DB" >"$TMP/later.csv"
cmp -s "$TMP/before.csv" "$TMP/later.csv" && fail "the later run changed the database" "same export"

if ft restore "$TMP/copy.db" --config "$CONF" --db "$DB" >"$TMP/out" 2>&1; then
	report "$DB" >"$TMP/after.json"
	export_csv "$DB" >"$TMP/after.csv"
	if python3 "$HERE/json_equal.py" "$TMP/after.json" "$TMP/before.json" && cmp -s "$TMP/after.csv" "$TMP/before.csv"; then
		pass "a restored backup gives the same report and export"
	else
		fail "a restored backup gives the same report and export" "$(diff "$TMP/before.csv" "$TMP/after.csv" | head -5)"
	fi
	aside=$(sed -n 's/.*kept as //p' "$TMP/out")
	if [ -n "$aside" ] && [ -f "$aside" ] && export_csv "$aside" | cmp -s - "$TMP/later.csv"; then
		pass "the database it replaced is kept aside ($(basename "$aside"))"
	else
		fail "the database it replaced is kept aside" "$(cat "$TMP/out")"
	fi
else
	fail "restore" "$(cat "$TMP/out")"
fi

# a bad file: exit 2, named, nothing changed
printf 'not a database\n' >"$TMP/bad.db"
ft restore "$TMP/bad.db" --config "$CONF" --db "$DB" >/dev/null 2>"$TMP/err"
rc=$?
if [ $rc = 2 ] && grep -q "bad.db" "$TMP/err" && export_csv "$DB" | cmp -s - "$TMP/before.csv"; then
	pass "restore of a file that is not a database: exit 2, nothing changed"
else
	fail "restore of a bad file" "exit $rc: $(cat "$TMP/err")"
fi
ft restore "$TMP/none.db" --config "$CONF" --db "$DB" >/dev/null 2>&1
[ $? = 2 ] && pass "restore of a missing file: exit 2" || fail "restore of a missing file" "exit $?"

# restore while the display runs on the database: refused
SDL_VIDEODRIVER=offscreen "$BIN" run --window --dock none --config "$CONF" --db "$DB" >"$TMP/run.log" 2>&1 &
RUN_PID=$!
for _ in $(seq 50); do [ -e "$DB.lock" ] && break; sleep 0.1; done
sleep 0.5
ft restore "$TMP/copy.db" --config "$CONF" --db "$DB" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 1 ] && grep -q "running" "$TMP/err" && pass "restore while the display runs: refused (exit 1)" ||
	fail "restore while the display runs" "exit $rc: $(cat "$TMP/err")"
kill "$RUN_PID"
wait "$RUN_PID" 2>/dev/null
RUN_PID=
ft restore "$TMP/copy.db" --config "$CONF" --db "$DB" >/dev/null 2>"$TMP/err" &&
	pass "restore once the display stopped" || fail "restore once the display stopped" "$(cat "$TMP/err")"

# the nightly copy, beside the database
if ft backup --rotate --config "$CONF" --db "$DB" >"$TMP/out" 2>&1 &&
	ls "$TMP/state/backups/" | grep -qE '^familytable-[0-9]{4}-[0-9]{2}-[0-9]{2}\.db$'; then
	pass "backup --rotate: state/backups/familytable-DATE.db"
else
	fail "backup --rotate" "$(cat "$TMP/out")"
fi
out=$(ft backup --rotate --config "$CONF" --db "$TMP/none/familytable.db" 2>&1)
rc=$?
[ $rc = 0 ] && grep -q "no database yet" <<<"$out" && [ ! -e "$TMP/none" ] &&
	pass "backup --rotate before the first run: nothing to copy, exit 0, nothing made" ||
	fail "backup --rotate with no database" "exit $rc: $out"
ft backup --config "$CONF" --db "$DB" >/dev/null 2>&1
[ $? = 2 ] && pass "backup with neither FILE nor --rotate: exit 2" || fail "backup with no FILE" "exit $?"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
