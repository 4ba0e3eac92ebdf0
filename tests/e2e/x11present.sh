#!/usr/bin/env bash
# tests/e2e/x11present.sh BINARY - `run --window` on a real X server (Xvfb)
# presents its frames itself through MIT-SHM (src/display_x11.c), without
# SDL's XSync per frame (issue 8: one wakeup a minute):
#   - it says so in its journal; FAMILYTABLE_X11_SHM=0 leaves it to SDL;
#   - the glance it shows is, pixel for pixel, the one SDL shows and the
#     one `familytable screenshot --screen glance` draws, and still SDL's
#     once the window is made smaller;
#   - frames over a second apart (the idle display's) wait for no answer of
#     the X server: under strace, no more poll()s of the X connection alone
#     with no timeout (the wait for a reply, as XSync does) than frames
#     that came under a second after the one before (the image may be
#     synced before it is drawn again then); SDL's own present, the same
#     way, waits at least once per frame (which shows the count can see
#     such a wait).
# The strace part runs where strace can follow the binary (not an arm64
# binary under qemu-user); the rest runs everywhere Xvfb does.
# FT_SHOTS=DIR keeps DIR/x11present-glance.png.
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-x11present.XXXXXX")
PIDS=()
cleanup() {
	# TERM first: an Xvfb killed with -9 leaves its lock and socket behind,
	# and a machine that runs the tests often ran out of display numbers
	local p
	for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for _ in $(seq 20); do
		alive=0
		for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
		[ $alive -eq 0 ] && break
		sleep 0.1
	done
	for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
	exec 3>&- 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
unset FAMILYTABLE_VIDEO FAMILYTABLE_X11_SHM SDL_RENDER_DRIVER SDL_FRAMEBUFFER_ACCELERATION
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
skip() { echo "ok   - # SKIP $1"; }

for tool in Xvfb import compare; do
	if ! command -v "$tool" >/dev/null; then
		skip "no $tool here (scripts/install-deps installs it)"
		echo "$passed passed, $failed failed"
		exit 0
	fi
done

# xserver: an Xvfb of the panel's size on a display number nobody uses
# (never :0, which may be a desktop's); its name in $dpy
xserver() {
	local n
	for n in $(seq 93 140); do
		# a lock whose server is gone (killed with -9) is stale: its
		# number is free again; a socket with no lock is someone's
		if [ -e "/tmp/.X$n-lock" ]; then
			local owner
			owner=$(tr -d ' \n' <"/tmp/.X$n-lock" 2>/dev/null)
			[ -n "$owner" ] && kill -0 "$owner" 2>/dev/null && continue
			rm -f "/tmp/.X$n-lock" "/tmp/.X11-unix/X$n"
		fi
		[ -e "/tmp/.X11-unix/X$n" ] && continue
		Xvfb ":$n" -screen 0 800x480x24 -nolisten tcp >"$TMP/xvfb.$n.log" 2>&1 &
		local pid=$!
		for _ in $(seq 50); do
			[ -e "/tmp/.X11-unix/X$n" ] && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$pid" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
			PIDS+=("$pid")
			dpy=:$n
			return 0
		fi
		kill -TERM "$pid" 2>/dev/null
	done
	return 1
}

# two phones named (no first boot), meals at any hour (a phone docked
# shows the meal)
printf '[dock]\nnames = Anna Ben\n[meal]\nwindows = allday 00:00-23:59\n' >"$TMP/table.conf"

# start NAME DISPLAY [ENV=VALUE...]: the app in a window of 800x480 on
# DISPLAY (the whole screen: Xvfb's is that size), a fifo dock in
# $TMP/NAME.fifo held open on fd 3 (only one at a time), its trace in
# $TMP/NAME.trace; waits for its first frame; its pid in $app
start() {
	local name=$1 display=$2
	shift 2
	mkfifo "$TMP/$name.fifo"
	env DISPLAY="$display" SDL_VIDEODRIVER=x11 FAMILYTABLE_TRACE="$TMP/$name.trace" "$@" \
		${WRAP:-} "$BIN" run --window --size 800x480 --config "$TMP/table.conf" \
		--db "$TMP/$name.db" --dock "fifo:$TMP/$name.fifo" >"$TMP/$name.log" 2>&1 &
	app=$!
	PIDS+=("$app")
	exec 3<>"$TMP/$name.fifo"
	echo "1 out" >&3
	echo "2 out" >&3
	frames "$name" 1
}
# nframes NAME: how many frames NAME's trace has
nframes() {
	local c
	c=$(grep -c '^frame ' "$TMP/$1.trace" 2>/dev/null)
	echo "${c:-0}"
}
# frames NAME N: waits (up to 10 s) until NAME's trace has N frames
frames() {
	for _ in $(seq 100); do
		[ "$(nframes "$1")" -ge "$2" ] && return 0
		sleep 0.1
	done
	return 1
}
# stop: SIGTERM to the app (under strace, to its child)
stop() {
	local target=$app
	[ "${traced:-no}" = yes ] && target=$(pgrep -P "$app" -x familytable || echo "$app")
	kill -TERM "$target"
	wait "$app" 2>/dev/null
	exec 3>&-
}

# 1. Ours and SDL's, side by side on two servers, each screen captured: the
# same picture, twice in a row at the same minute (the clock on the glance
# moves), and the same as the screenshot command's.
if ! xserver; then
	fail "an Xvfb for the picture" "none of :93 to :140 could be started"
	echo "$passed passed, $failed failed"
	exit 1
fi
da=$dpy
xserver
db=$dpy
start ours "$da"
ours=$app
start sdl "$db" FAMILYTABLE_X11_SHM=0
sdl=$app
grep -q "presented through MIT-SHM" "$TMP/ours.log" &&
	pass "on Xvfb, the window is presented through MIT-SHM" ||
	fail "on Xvfb, the window is presented through MIT-SHM" "$(head -c 400 "$TMP/ours.log")"
grep -q "SDL presents (FAMILYTABLE_X11_SHM=0)" "$TMP/sdl.log" &&
	pass "FAMILYTABLE_X11_SHM=0: SDL presents" ||
	fail "FAMILYTABLE_X11_SHM=0: SDL presents" "$(head -c 400 "$TMP/sdl.log")"
same=no
for _ in 1 2 3; do
	sleep 0.5
	"$BIN" screenshot --screen glance --size 800x480 --config "$TMP/table.conf" \
		--db "$TMP/ours.db" --out "$TMP/shot.bmp" >/dev/null 2>"$TMP/shot.err" || break
	import -display "$da" -window root "$TMP/ours.png" 2>/dev/null &&
		import -display "$db" -window root "$TMP/sdl.png" 2>/dev/null || break
	a=$(compare -metric AE "$TMP/ours.png" "$TMP/sdl.png" null: 2>&1)
	b=$(compare -metric AE "$TMP/ours.png" "$TMP/shot.bmp" null: 2>&1)
	if [ "$a" = 0 ] && [ "$b" = 0 ]; then
		same=yes
		break
	fi
done
colours=$(identify -format %k "$TMP/ours.png" 2>/dev/null)
if [ "$same" = yes ] && [ "${colours:-0}" -gt 16 ]; then
	pass "the glance through MIT-SHM is SDL's and the screenshot's, pixel for pixel ($colours colours)"
else
	fail "the glance through MIT-SHM is SDL's and the screenshot's" \
		"pixels differing from SDL's: ${a:-?}, from the screenshot's: ${b:-?}, colours ${colours:-?}; $(head -c 300 "$TMP/shot.err")"
fi
[ -n "${FT_SHOTS:-}" ] && mkdir -p "$FT_SHOTS" && cp "$TMP/ours.png" "$FT_SHOTS/x11present-glance.png"

# The window made smaller (as a desktop would): new images of its size, the
# picture still SDL's.
# resize DISPLAY PID: PID's window to 640x400
resize() {
	local w
	w=$(DISPLAY=$1 xdotool search --pid "$2" 2>/dev/null | tail -1)
	[ -n "$w" ] && DISPLAY=$1 xdotool windowsize "$w" 640 400
}
if ! command -v xdotool >/dev/null; then
	skip "a window resized: no xdotool here (scripts/install-deps installs it)"
else
	name="the window resized to 640x400: the picture through MIT-SHM is still SDL's"
	na=$(nframes ours) nb=$(nframes sdl)
	if resize "$da" "$ours" && resize "$db" "$sdl" && frames ours $((na + 1)) && frames sdl $((nb + 1)); then
		for _ in 1 2 3; do # again if the clock's minute turned between them
			sleep 0.5
			import -display "$da" -window root "$TMP/ours2.png" 2>/dev/null
			import -display "$db" -window root "$TMP/sdl2.png" 2>/dev/null
			a=$(compare -metric AE "$TMP/ours2.png" "$TMP/sdl2.png" null: 2>&1)
			[ "$a" = 0 ] && break
		done
		b=$(compare -metric AE "$TMP/ours2.png" "$TMP/ours.png" null: 2>&1)
		if [ "$a" = 0 ] && [ "$b" != 0 ] && grep -q "presented through MIT-SHM" "$TMP/ours.log" &&
			! grep -q "SDL presents" "$TMP/ours.log"; then
			pass "$name"
		else
			fail "$name" "pixels differing from SDL's: $a, from before: $b; $(head -c 300 "$TMP/ours.log")"
		fi
	else
		fail "$name" "no new frame after the resize"
	fi
fi
app=$ours
stop
app=$sdl
stop

# 2. Frames 1.5 s apart, each a phone docked or taken (the fifo), under
# strace: a wait for the X server's answer is poll() on one descriptor with
# no timeout (libxcb's); our loop's poll() has several.
native=no
case $(od -An -tx1 -j18 -N2 "$BIN" | tr -d ' \n'):$(uname -m) in
3e00:x86_64 | b700:aarch64) native=yes ;;
esac
if ! command -v strace >/dev/null; then
	skip "the X server's answers per frame: no strace here (scripts/install-deps installs it)"
elif [ $native = no ]; then
	skip "the X server's answers per frame: strace cannot follow a foreign binary (qemu-user)"
elif ! strace -f -o /dev/null true 2>/dev/null; then
	skip "the X server's answers per frame: strace is not allowed here (ptrace)"
else
	# waits NAME [ENV=VALUE...]: a phone docked and taken twice, 1.5 s
	# apart; the replies awaited from then on in $waits, the frames in $count
	traced=yes
	waits() {
		local name=$1 mark base
		shift
		WRAP="strace -f -e trace=poll,ppoll -o $TMP/$name.strace" start "$name" "$da" "$@"
		sleep 1.5
		mark=$(wc -l <"$TMP/$name.strace")
		base=$(nframes "$name")
		local n=$base
		for level in in out in out; do
			echo "1 $level" >&3
			n=$((n + 1))
			frames "$name" "$n"
			sleep 1.5
		done
		count=$(($(nframes "$name") - base))
		# of those, the frames under 1.1 s after the one before (the
		# image may be synced before it is drawn again then), and the others
		read -r close spaced < <(awk -v base="$base" '$1 == "frame" {
			n++
			if (n > base) { if ($2 - prev < 1100000) c++; else s++ }
			prev = $2
		} END { print c + 0, s + 0 }' "$TMP/$name.trace")
		waits=$(tail -n +"$((mark + 1))" "$TMP/$name.strace" |
			grep -cE 'poll\(\[\{fd=[0-9]+, events=POLLIN\}\], 1, -1\)')
		stop
	}
	waits sidle
	ours_waits=$waits ours_frames=$count ours_close=$close ours_spaced=$spaced
	waits sdlidle FAMILYTABLE_X11_SHM=0
	if [ "$count" -ge 4 ] && [ "$waits" -ge "$count" ]; then
		pass "SDL's present waits for the X server every frame ($waits waits, $count frames)"
	else
		fail "SDL's present waits for the X server every frame" "$waits waits, $count frames"
	fi
	if [ "$ours_spaced" -ge 3 ] && [ "$ours_waits" -le "$ours_close" ]; then
		pass "frames over a second apart through MIT-SHM wait for no answer ($ours_spaced such frames, $ours_close closer, $ours_waits waits)"
	else
		fail "frames over a second apart through MIT-SHM wait for no answer" \
			"$ours_waits waits for $ours_frames frames, $ours_close of them under 1.1 s after the one before"
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
