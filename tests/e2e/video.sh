#!/usr/bin/env bash
# tests/e2e/video.sh BINARY - `run --video auto|sdl|drm` and FAMILYTABLE_VIDEO
# (README, rules where SPEC is silent): a name it does not know, or the DRM
# output in a window, is bad usage (exit 2, the name said, no database
# made); the DRM output asked for where there is no screen is a runtime
# failure that says why (exit 1); --video wins over the environment. The
# DRM output itself is tested on a real DRM device in the display guest
# (make check-display-vm).
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-video.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
unset FAMILYTABLE_VIDEO
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }

# NAME CODE TEXT [ENV=VALUE...] -- ARGS...: exit CODE, TEXT on stderr
expect() {
	local name=$1 code=$2 text=$3
	shift 3
	local envs=()
	while [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	env "${envs[@]}" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	local rc=$?
	if [ "$rc" -ne "$code" ]; then
		fail "$name" "exit $rc, wanted $code: $(head -c 300 "$TMP/err")"
	elif ! grep -qF -- "$text" "$TMP/err"; then
		fail "$name" "stderr lacks \"$text\": $(head -c 300 "$TMP/err")"
	else
		return 0
	fi
	return 1
}

name="run --video xyz: exit 2, the option and its value named, no database made"
expect "$name" 2 'bad --video "xyz" (auto, sdl or drm)' -- run --video xyz --db "$TMP/a.db" &&
	{ [ ! -e "$TMP/a.db" ] || fail "$name" "a.db was made"; } && pass "$name"

name="FAMILYTABLE_VIDEO=kmsdrm: exit 2, the variable named (kmsdrm is SDL's, not ours)"
expect "$name" 2 'bad FAMILYTABLE_VIDEO "kmsdrm"' FAMILYTABLE_VIDEO=kmsdrm -- run --db "$TMP/b.db" &&
	{ [ ! -e "$TMP/b.db" ] || fail "$name" "b.db was made"; } && pass "$name"

name="run --window --video drm: exit 2 (a window is not the console's screen)"
expect "$name" 2 "not both" -- run --window --video drm --db "$TMP/c.db" && pass "$name"

name="FAMILYTABLE_VIDEO=drm with --window: exit 2 as well"
expect "$name" 2 "not both" FAMILYTABLE_VIDEO=drm -- run --window --db "$TMP/c.db" && pass "$name"

name="--help shows --video"
"$BIN" --help | grep -qF -- "--video auto|sdl|drm" && pass "$name" || fail "$name" "not in --help"

if ls /dev/dri/card* >/dev/null 2>&1; then
	echo "ok   - # SKIP the DRM output asked for without a screen: this machine has $(ls /dev/dri/card* | head -n 1)"
else
	name="run --video drm without a DRM card: exit 1, says there is no screen"
	expect "$name" 1 "no DRM card with a connected screen" SDL_VIDEODRIVER=offscreen -- \
		run --video drm --dock none --db "$TMP/d.db" && pass "$name"
fi

# --video sdl wins over FAMILYTABLE_VIDEO=drm: it comes up on SDL's
# offscreen driver and stops cleanly on SIGTERM
name="--video sdl wins over FAMILYTABLE_VIDEO=drm: up on SDL, SIGTERM exits 0"
FAMILYTABLE_VIDEO=drm SDL_VIDEODRIVER=offscreen "$BIN" run --window --video sdl --dock none \
	--db "$TMP/e.db" >"$TMP/e.out" 2>"$TMP/e.err" </dev/null &
pid=$!
for _ in $(seq 100); do [ -e "$TMP/e.db" ] && break; sleep 0.1; done
sleep 1
if kill -0 "$pid" 2>/dev/null; then
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	if [ "$rc" -eq 0 ] && ! grep -q "DRM" "$TMP/e.err"; then
		pass "$name"
	else
		fail "$name" "exit $rc: $(head -c 300 "$TMP/e.err")"
	fi
else
	wait "$pid"
	fail "$name" "exited $?: $(head -c 300 "$TMP/e.err")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
