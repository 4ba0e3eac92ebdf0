#!/usr/bin/env bash
# tests/e2e/fonts.sh BINARY - a missing font (issue 10): DejaVu Sans gone,
# the display still comes up with another installed font and the journal
# says which; with no font at all, exit 1 with a message that says so.
# FAMILYTABLE_FONT_DIR moves DejaVu's folder and FAMILYTABLE_FONT_SEARCH the
# folders searched for another font (src/ui_fonts.c); the font "installed"
# here is a copy of DejaVu Sans under another name, as only its path
# matters to the search. `screenshot` and a few seconds of `run` on SDL's
# offscreen driver, its frame read back from FAMILYTABLE_LAYOUT.
# Prints one line per case and "N passed, N failed".
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-fonts.XXXXXX")
APP=
cleanup() { [ -n "$APP" ] && kill -9 "$APP" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
ko() { failed=$((failed + 1)); echo "FAIL - $*"; }
ft() { ${VALGRIND:-} "$BIN" "$@"; }
DEJAVU=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

mkdir -p "$TMP/other/truetype/some" "$TMP/empty"
cp "$DEJAVU" "$TMP/other/truetype/some/SomeSans.ttf"
printf '2026-11-23T18:55:00+01:00 hug\n' >"$TMP/h.scn"
ft simulate --scenario "$TMP/h.scn" --db "$TMP/f.db"

# 1. screenshot without DejaVu: another font, said in the journal
if FAMILYTABLE_FONT_DIR="$TMP/gone" FAMILYTABLE_FONT_SEARCH="$TMP/empty:$TMP/other" SDL_VIDEODRIVER=dummy \
	ft screenshot --screen glance --size 800x480 --out "$TMP/a.bmp" --layout "$TMP/a.json" \
	--db "$TMP/f.db" --at 2026-11-23T19:00:00+01:00 2>"$TMP/a.err" &&
	grep -q "fonts: DejaVu Sans is missing; the display uses $TMP/other/truetype/some/SomeSans.ttf" "$TMP/a.err" &&
	grep -q '"text": "Meals together"' "$TMP/a.json"; then
	ok "screenshot without DejaVu Sans: drawn with another installed font, the journal names it"
else
	ko "screenshot without DejaVu Sans: $(cat "$TMP/a.err")"
fi

# 2. run without DejaVu: up, drawing, exit 0 on SIGTERM
SDL_VIDEODRIVER=offscreen FAMILYTABLE_FONT_DIR="$TMP/gone" FAMILYTABLE_FONT_SEARCH="$TMP/other" \
	FAMILYTABLE_LAYOUT="$TMP/run.json" "$BIN" run --window --dock none --db "$TMP/f.db" >"$TMP/run.log" 2>&1 &
APP=$!
for _ in $(seq 100); do [ -s "$TMP/run.json" ] && break; sleep 0.1; done
kill -TERM "$APP" 2>/dev/null
wait "$APP"
rc=$?
APP=
if [ $rc -eq 0 ] && grep -q '"screen": "glance"' "$TMP/run.json" &&
	grep -q "DejaVu Sans is missing; the display uses $TMP/other/truetype/some/SomeSans.ttf" "$TMP/run.log"; then
	ok "run without DejaVu Sans: the display comes up with another font, exit 0"
else
	ko "run without DejaVu Sans: exit $rc: $(tail -5 "$TMP/run.log")"
fi

# 3. no font at all: exit 1, the message says so, nothing written
sum=$(md5sum <"$TMP/f.db")
SDL_VIDEODRIVER=offscreen FAMILYTABLE_FONT_DIR="$TMP/gone" FAMILYTABLE_FONT_SEARCH="$TMP/empty" \
	timeout 20 "$BIN" run --window --dock none --db "$TMP/f.db" >"$TMP/none.log" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q "^familytable: no font to draw with: $TMP/gone/DejaVuSans.ttf: cannot open, and no other font under $TMP/empty" "$TMP/none.log" &&
	[ "$(md5sum <"$TMP/f.db")" = "$sum" ]; then
	ok "run with no font at all: exit 1, the journal says no font, the database untouched"
else
	ko "run with no font at all: exit $rc: $(cat "$TMP/none.log")"
fi
FAMILYTABLE_FONT_DIR="$TMP/gone" FAMILYTABLE_FONT_SEARCH="$TMP/empty" \
	ft screenshot --screen glance --size 800x480 --out "$TMP/b.bmp" --db "$TMP/f.db" 2>"$TMP/b.err"
rc=$?
[ $rc -eq 1 ] && grep -q 'no font to draw with' "$TMP/b.err" && [ ! -e "$TMP/b.bmp" ] &&
	ok "screenshot with no font at all: exit 1, no picture" ||
	ko "screenshot with no font at all: exit $rc: $(cat "$TMP/b.err")"

# 4. a file that is not a font is passed over
printf 'not a font' >"$TMP/empty/AAA-Sans.ttf"
FAMILYTABLE_FONT_DIR="$TMP/gone" FAMILYTABLE_FONT_SEARCH="$TMP/empty:$TMP/other" SDL_VIDEODRIVER=dummy \
	ft screenshot --screen glance --size 800x480 --out "$TMP/c.bmp" --db "$TMP/f.db" 2>"$TMP/c.err"
rc=$?
[ $rc -eq 0 ] && grep -q "uses $TMP/other/truetype/some/SomeSans.ttf" "$TMP/c.err" &&
	ok "a file named like a font that is not one is passed over" ||
	ko "a file named like a font that is not one: exit $rc: $(cat "$TMP/c.err")"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
