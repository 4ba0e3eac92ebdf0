#!/usr/bin/env bash
# tests/e2e/live.sh BINARY - the real loop of `familytable run` (issue 7,
# points 3 and 4), driven through a fifo dock and signals, on SDL's
# offscreen driver:
#   - kill -9 mid-meal, then a start whose dock says nothing within grace:
#     the session ends where it was last known, at most a minute before
#     the kill (the checkpoint runs at most every minute);
#   - a start whose fifo's first line comes within grace: the session
#     resumes (SPEC §2.9: unknown is not "out");
#   - SIGTERM: exit 0, the session's last instant is the stop, not the
#     last checkpoint;
#   - SIGTERM while the database is locked and a finished session waits to
#     be written: exit 1, the journal says what was not saved; the next
#     start finds the session all the same.
# Takes about 90 s (the first case waits past a checkpoint).
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-live.XXXXXX")
APP=
cleanup() { [ -n "$APP" ] && kill -9 "$APP" 2>/dev/null; exec 3>&- 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
now_ms() { date +%s%3N; }

cat >"$TMP/live.conf" <<'EOF'
[dock]
names = Anna Ben
[meal]
min_duration = 1s
grace = 3s
windows = allday 00:00-23:59
[time]
timezone = Europe/Paris
EOF
DB=$TMP/live.db
PIPE=$TMP/dock

# start: the app on the fifo dock; its journal in $TMP/run.N.log
runs=0
start() {
	runs=$((runs + 1))
	SDL_VIDEODRIVER=offscreen "$BIN" run --window --config "$TMP/live.conf" --db "$DB" \
		--dock "fifo:$PIPE" >"$TMP/run.$runs.log" 2>&1 &
	APP=$!
	for _ in $(seq 100); do [ -p "$PIPE" ] && break; sleep 0.1; done
	exec 3<>"$PIPE" # held open: the app never sees the writer go
}
stop() { # stop SIGNAL: the exit code in $code
	kill "-$1" "$APP"
	wait "$APP"
	code=$?
	APP=
	exec 3>&-
}
# the finished sessions as "start_ms end_ms class", oldest first
sessions() {
	python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT start_ms, end_ms, class FROM session ORDER BY start_ms"):
    print(*row)
PY
}

# 1. kill -9 mid-meal; back with a dock that says nothing within grace
start
echo "1 in" >&3
echo "2 in" >&3
sleep 75
killed=$(now_ms)
stop 9
start
sleep 4.5 # grace (3 s) without a line
stop TERM
read -r s_start s_end s_class < <(sessions | tail -1)
lost=$((killed - ${s_end:-0}))
if [ -n "${s_end:-}" ] && [ "$lost" -ge 0 ] && [ "$lost" -le 61000 ] && [ "$s_class" = meal ]; then
	pass "kill -9 after 75 s: the meal ends where last known, $((lost / 1000)) s before the kill (at most a minute)"
else
	fail "kill -9" "session '${s_start:-} ${s_end:-} ${s_class:-}', killed at $killed"
fi
grep -q "no reading from the dock within 3 s" "$TMP/run.2.log" &&
	pass "no first line within grace: said in the journal" ||
	fail "no first line within grace" "$(cat "$TMP/run.2.log")"

# 2. a meal, SIGTERM, then a first line within grace: it resumes, and its
#    last instant was the stop
start
echo "1 in" >&3
echo "2 in" >&3
sleep 3
stopped=$(now_ms)
stop TERM
[ "$code" -eq 0 ] && pass "SIGTERM: exit 0" || fail "SIGTERM" "exit $code"
start
sleep 1
printf '1 in\n2 in\n' >&3 # one write, one first reading: both phones
sleep 1
echo "1 out" >&3
echo "2 out" >&3
sleep 4.5
stop TERM
n=$(sessions | wc -l)
read -r r_start r_end r_class < <(sessions | tail -1)
# resumed: one session from the first start to the phones out, not two
if [ "$n" -eq 2 ] && [ $((r_end - stopped)) -gt 1000 ]; then
	pass "the fifo's first line within grace: the session resumed (one session, not two)"
else
	fail "resume" "$n sessions; last '${r_start:-} ${r_end:-}', stopped at $stopped"
fi
grep -q "resumes" "$TMP/run.4.log" && pass "resumed: said in the journal" ||
	fail "resumed" "$(cat "$TMP/run.4.log")"

# 3. the stop instant: a meal stopped with SIGTERM, the next start with no
#    phones ends it at the stop (within the loop's reaction), not at the
#    last checkpoint up to a minute earlier
start
echo "1 in" >&3
echo "2 in" >&3
sleep 5
stopped=$(now_ms)
stop TERM
start
sleep 4.5
stop TERM
read -r t_start t_end t_class < <(sessions | tail -1)
off=$((stopped - ${t_end:-0}))
if [ -n "${t_end:-}" ] && [ "$off" -ge -1000 ] && [ "$off" -le 1000 ]; then
	pass "SIGTERM saves the open session at the stop instant (${off} ms off)"
else
	fail "stop instant" "session '${t_start:-} ${t_end:-}', stopped at $stopped"
fi

# 4. a session that ends while the database is locked, then SIGTERM with
#    the lock still held: exit 1, the journal says what was not saved;
#    nothing is lost for all that
before=$(sessions | wc -l)
start
echo "1 in" >&3
echo "2 in" >&3
sleep 2
echo "1 out" >&3
echo "2 out" >&3
python3 - "$DB" "$TMP/locked" "$TMP/release" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
db.execute("COMMIT")
PY
LOCKER=$!
for _ in $(seq 100); do [ -e "$TMP/locked" ] && break; sleep 0.1; done
sleep 5 # grace passes: the session ends, its write waits
stop TERM
touch "$TMP/release"
wait "$LOCKER"
[ "$code" -eq 1 ] && pass "SIGTERM with a meal not saved: exit 1" || fail "locked stop" "exit $code"
grep -q "not saved: the session of" "$TMP/run.$runs.log" &&
	pass "the journal names what was not saved" ||
	fail "journal" "$(cat "$TMP/run.$runs.log")"
start
sleep 4.5
stop TERM
after=$(sessions | wc -l)
[ "$after" -eq $((before + 1)) ] && pass "the next start saves it: nothing lost" ||
	fail "after the lock" "$before sessions before, $after after"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
