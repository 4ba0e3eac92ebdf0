#!/usr/bin/env bash
# tests/e2e/firstboot.sh BINARY - the first-boot walk-through (issue 11,
# point 3) in the real loop of `familytable run`: with no configuration
# file and a database that does not exist yet, the very first frame shows
# the walk-through's first step, and showing it writes nothing (so the next
# start asks again); a file that names the phones starts on the glance.
# The first state is kept as a picture: FT_SHOTS=DIR keeps
# DIR/firstboot-first-state.png (else it is made and checked, then dropped).
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-firstboot.XXXXXX")
APP=
cleanup() { [ -n "$APP" ] && kill -9 "$APP" 2>/dev/null; exec 3>&- 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
ko() { failed=$((failed + 1)); echo "FAIL - $*"; }
PIPE=$TMP/dock

# run N [ARGS...]: the app on a fifo dock until its first frame, then
# SIGTERM; its first frame's screen in $first, its exit code in $code
run() {
	local n=$1
	shift
	rm -f "$TMP/trace.$n"
	FAMILYTABLE_TRACE="$TMP/trace.$n" SDL_VIDEODRIVER=offscreen \
		"$BIN" run --window --dock "fifo:$PIPE" "$@" >"$TMP/run.$n.log" 2>&1 &
	APP=$!
	for _ in $(seq 100); do [ -p "$PIPE" ] && break; sleep 0.1; done
	exec 3<>"$PIPE"
	first=
	for _ in $(seq 100); do
		first=$(awk '$1 == "frame" { print $3; exit }' "$TMP/trace.$n" 2>/dev/null)
		[ -n "$first" ] && break
		sleep 0.1
	done
	kill -TERM "$APP"
	wait "$APP"
	code=$?
	APP=
	exec 3>&-
}
settings_count() {
	python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM setting").fetchone()[0])' "$1"
}

# 1. No file, no database: the default database is made, and the first
# frame is the walk-through's language step.
DB=$HOME/.local/share/familytable/familytable.db
[ -e /etc/familytable/familytable.conf ] && echo "note: /etc/familytable/familytable.conf exists and is read"
run 1
[ "$first" = firstboot-language ] && [ "$code" = 0 ] &&
	ok "no file, no database: the first frame is the walk-through (firstboot-language)" ||
	{ cat "$TMP/run.1.log"; ko "no file, no database: the first frame is $first (exit $code)"; }
[ -f "$DB" ] && [ "$(settings_count "$DB")" = 0 ] &&
	ok "showing it writes no setting" || ko "showing it writes no setting"

# 2. Nothing was written: the next start asks again.
run 2
[ "$first" = firstboot-language ] && ok "the next start asks again" ||
	ko "the next start asks again (first frame: $first)"

# 3. The first state, as a picture of the panel: the two languages offered
# in themselves, Skip, nothing drawn off the screen.
shot=${FT_SHOTS:-$TMP}/firstboot-first-state.png
if "$BIN" screenshot --screen firstboot-language --size 800x480 --out "$shot" \
	--db "$DB" --layout "$TMP/first.json" 2>"$TMP/shot.err" &&
	python3 "$(dirname "$0")/layout_check.py" "$TMP/first.json" firstboot-language 800x480 &&
	grep -q '"English"' "$TMP/first.json" && grep -q '"Français"' "$TMP/first.json" &&
	grep -q '"Skip"' "$TMP/first.json"; then
	ok "the first state: English, Français and Skip, within the screen ($shot)"
else
	cat "$TMP/shot.err"
	ko "the first state: English, Français and Skip, within the screen"
fi

# 4. A file that names the phones: not a first boot.
printf '[dock]\nnames = Anna Ben\n' >"$TMP/named.conf"
run 3 --config "$TMP/named.conf" --db "$TMP/named.db"
[ "$first" = glance ] && ok "phones named in the file: the first frame is the glance" ||
	ko "phones named in the file: the first frame is $first"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
