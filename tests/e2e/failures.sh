#!/usr/bin/env bash
# tests/e2e/failures.sh BINARY - runtime failures of `run` report right
# (issue 7, point 7): a display that cannot be opened, a renderer that
# cannot be created and a poll() that fails each exit 1 with a message on
# stderr (log_error: "<3>" under the journal), both for the table display
# and for the screen that shows a configuration mistake. The renderer and
# poll() are made to fail by a small library preloaded ahead of SDL and
# libc, the way SQLite's tests inject faults through a seam.
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-failures.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
# a sanitizer build's runtime wants to be first; the fault library is
# loaded ahead of it on purpose
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }

# The fault library is built for the binary's machine (its ELF e_machine):
# check-arm64 runs these suites on the arm64 build under qemu-user, where
# a host library could not be preloaded.
case $(od -An -tx1 -j18 -N2 "$BIN" | tr -d ' \n') in
b700) CC=${CC_ARM64:-aarch64-linux-gnu-gcc} ;;
*) CC=${CC:-cc} ;;
esac
cat >"$TMP/no_renderer.c" <<'C'
#include <stddef.h>
typedef struct SDL_Window SDL_Window;
typedef struct SDL_Renderer SDL_Renderer;
extern int SDL_SetError(const char *fmt, ...);
SDL_Renderer *SDL_CreateRenderer(SDL_Window *window, int index, unsigned flags);
SDL_Renderer *
SDL_CreateRenderer(SDL_Window *window, int index, unsigned flags)
{
	SDL_SetError("no renderer here (test)");
	return NULL;
}
C
cat >"$TMP/no_poll.c" <<'C'
#include <errno.h>
#include <poll.h>
int
poll(struct pollfd *fds, nfds_t n, int timeout)
{
	errno = ENOMEM;
	return -1;
}
C
for lib in no_renderer no_poll; do
	"$CC" -shared -fPIC -o "$TMP/$lib.so" "$TMP/$lib.c" 2>"$TMP/$lib.cc" ||
		{ echo "cannot build the fault library $lib:"; cat "$TMP/$lib.cc"; echo "0 passed, 1 failed"; exit 1; }
done

printf '[time]\ntimezone = Europe/Paris\n' >"$TMP/ok.conf"
printf '[time]\ntimezone = Europe/Paris\n[meal]\nbogus = 1\n' >"$TMP/bad.conf"

# run_case NAME CONF PRELOAD DRIVER WANT: exit 1 and WANT on stderr, in 30 s
run_case() {
	local name=$1 conf=$2 preload=$3 driver=$4 want=$5
	SDL_VIDEODRIVER=$driver LD_PRELOAD=$preload timeout 30 "$BIN" run --window --dock none \
		--config "$conf" --db "$TMP/$name.db" >"$TMP/$name.out" 2>"$TMP/$name.err"
	local rc=$?
	if [ $rc = 1 ] && grep -q -- "$want" "$TMP/$name.err"; then
		pass "$name: exit 1, \"$want\" said"
	else
		fail "$name" "exit $rc, stderr: $(tr '\n' ' ' <"$TMP/$name.err")"
	fi
}

run_case "no display" "$TMP/ok.conf" "" nonexistent "SDL: nonexistent not available"
run_case "no renderer" "$TMP/ok.conf" "$TMP/no_renderer.so" offscreen "SDL: no renderer here (test)"
run_case "poll() fails" "$TMP/ok.conf" "$TMP/no_poll.so" offscreen "poll: Cannot allocate memory"
run_case "poll() fails on the mistake screen" "$TMP/bad.conf" "$TMP/no_poll.so" offscreen \
	"poll: Cannot allocate memory"

# the journal reads a message's level from its "<N>" prefix (log.c): an
# error is "<3>" when systemd set JOURNAL_STREAM
SDL_VIDEODRIVER=offscreen LD_PRELOAD=$TMP/no_poll.so JOURNAL_STREAM="$(stat -c %d:%i "$TMP")" \
	timeout 30 "$BIN" run --window --dock none --config "$TMP/ok.conf" --db "$TMP/j.db" \
	2>"$TMP/j.err" >/dev/null
grep -q '^<3>poll: Cannot allocate memory' "$TMP/j.err" &&
	pass "under the journal the failure is an error (<3>)" ||
	fail "under the journal the failure is an error (<3>)" "$(tr '\n' ' ' <"$TMP/j.err")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
