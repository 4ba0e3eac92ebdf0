#!/usr/bin/env bash
# tests/e2e/config_wait.sh BINARY - `run` with a configuration mistake
# (issue 9, point 2): it does not exit (a restart loop under systemd) but
# shows the mistake, tells systemd it is up (READY=1, the mistake in
# STATUS=), follows the file as it is edited, and starts the table display
# with the file once it is right; SIGTERM stops it with 0. Where there is no
# display at all it says so and exits 2, the mistake named.
#
# SDL draws off screen here (SDL_VIDEODRIVER=offscreen); the notify socket
# is a datagram socket of the test's own.
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-confwait.XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$TMP"; }
trap cleanup EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
# wait_for CMD...: up to 10 s for CMD to succeed
wait_for() { for _ in $(seq 100); do "$@" && return 0; sleep 0.1; done; return 1; }

# the notify socket: every datagram a line in $TMP/notify.log
python3 - "$TMP/notify" "$TMP/notify.log" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(60)
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        try:
            log.write(s.recv(4096).decode().replace("\n", " ") + "\n")
        except socket.timeout:
            break
PY
PIDS+=($!)
wait_for test -S "$TMP/notify" || fail "notify socket" "not made"

conf=$TMP/etc/familytable.conf
mkdir -p "$TMP/etc"
printf '[meal]\nmin_phones = 2\ngrace = 2\n' >"$conf"
DB=$TMP/state/familytable.db
SDL_VIDEODRIVER=offscreen NOTIFY_SOCKET=$TMP/notify \
	"$BIN" run --window --dock none --config "$conf" --db "$DB" >"$TMP/run.log" 2>&1 &
RUN=$!
PIDS+=($RUN)
if wait_for grep -q "familytable.conf:3" "$TMP/run.log" && sleep 0.5 && kill -0 $RUN 2>/dev/null; then
	pass "a mistake is logged with its file and line, and run keeps waiting"
else
	fail "a mistake is logged and run waits" "$(cat "$TMP/run.log")"
fi
wait_for grep -q "READY=1" "$TMP/notify.log" && grep -q "STATUS=.*familytable.conf:3" "$TMP/notify.log" &&
	pass "systemd hears READY=1 and the mistake in STATUS=" ||
	fail "READY=1 and STATUS=" "$(cat "$TMP/notify.log")"
[ ! -e "$DB" ] && pass "nothing is opened or written while the file is wrong" || fail "nothing written" "$DB exists"

# an editor that writes a new file and renames it over: another mistake
printf '[meal]\nmin_phones = two\n' >"$TMP/etc/.new" && mv "$TMP/etc/.new" "$conf"
wait_for grep -q "familytable.conf:2" "$TMP/run.log" &&
	pass "a new mistake (file renamed over) is shown and logged" ||
	fail "a new mistake is followed" "$(tail -3 "$TMP/run.log")"

# fixed in place (nano): the table display starts with it
printf '[meal]\nmin_phones = 2\ngrace = 2min\n' >"$conf"
if wait_for test -e "$DB" && kill -0 $RUN 2>/dev/null && grep -q "fixed, starting again" "$TMP/run.log"; then
	pass "once the file is right, the table display starts with it (same process)"
else
	fail "the table display starts once fixed" "$(tail -5 "$TMP/run.log")"
fi
kill -TERM $RUN
wait $RUN
rc=$?
[ $rc = 0 ] && pass "SIGTERM stops it: exit 0" || fail "SIGTERM" "exit $rc"

# a configuration without dock lines: run starts with no dock and says so
# (the banner is the fault below, logged as it is set)
printf '[store]\npath = %s\n' "$TMP/nodock.db" >"$TMP/nodock.conf"
SDL_VIDEODRIVER=offscreen "$BIN" run --window --config "$TMP/nodock.conf" >"$TMP/nodock.log" 2>&1 &
ND=$!
PIDS+=($ND)
if wait_for grep -q "\[dock\] lines is not set in $TMP/nodock.conf" "$TMP/nodock.log" &&
	kill -0 $ND 2>/dev/null; then
	pass "no [dock] lines: it runs, and the banner says no dock is set up"
else
	fail "no [dock] lines: a banner" "$(cat "$TMP/nodock.log")"
fi
kill $ND

# no display at all: say so, name the mistake, exit 2 (no restart loop)
printf '[meal]\ngrace = 2\n' >"$conf"
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER timeout 20 \
	"$BIN" run --window --dock none --config "$conf" --db "$DB" >"$TMP/nodisp.log" 2>&1
rc=$?
if [ $rc = 2 ] && grep -q "familytable.conf:2" "$TMP/nodisp.log" && grep -q "no display" "$TMP/nodisp.log"; then
	pass "no display: the mistake and how to get a display, exit 2"
else
	fail "no display with a mistake" "exit $rc: $(cat "$TMP/nodisp.log")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
