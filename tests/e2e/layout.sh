#!/usr/bin/env bash
# tests/e2e/layout.sh BINARY - `screenshot --layout FILE.json` (issue 12,
# point 6): for every screen at every panel size, in a week in progress and
# in a first week, the layout lists what is drawn and every touch target is
# at least 9 mm on a 7-inch panel (tests/e2e/layout_check.py).
# Prints one line per case and "N passed, N failed".
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
EXAMPLES=${FT_EXAMPLES:-$HERE/../../../shared/examples}
[ -f "$EXAMPLES/week.scn" ] || EXAMPLES=$HERE/examples
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-layout.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share" SDL_VIDEODRIVER=dummy
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
ko() { failed=$((failed + 1)); echo "FAIL - $*"; }
ft() { ${VALGRIND:-} "$BIN" "$@"; }

# Every screen the program knows, from its own message.
screens=$(ft screenshot --screen '?' --size 800x480 --out "$TMP/x.png" --db "$TMP/none.db" 2>&1 |
	sed -n 's/.*unknown screen "?" (\(.*\))/\1/p' | tr -d ',')
[ -n "$screens" ] && ok "the screens: $screens" || ko "no list of screens"

ft simulate --scenario "$EXAMPLES/week.scn" --config "$EXAMPLES/week.conf" --db "$TMP/week.db"
printf '2026-11-30T08:00:00+01:00 hug\n' >"$TMP/first.scn"
ft simulate --scenario "$TMP/first.scn" --config "$EXAMPLES/week.conf" --db "$TMP/first.db"

# name DB AT: a week in progress with everything, and a first week.
states=("week|$TMP/week.db|2026-12-03T19:20:00+01:00" "first|$TMP/first.db|2026-11-30T09:00:00+01:00")
for state in "${states[@]}"; do
	IFS='|' read -r name db at <<<"$state"
	for size in 800x480 1024x600 1280x720 720x1280; do
		for screen in $screens; do
			out="$TMP/$name-$screen-$size"
			what="$screen $size ($name): layout, targets of 9 mm on a 7-inch panel"
			if ft screenshot --screen "$screen" --size "$size" --out "$out.png" --layout "$out.json" \
				--config "$EXAMPLES/week.conf" --db "$db" --at "$at" 2>"$out.err" &&
				python3 "$HERE/layout_check.py" "$out.json" "$screen" "$size" >"$out.why"; then
				ok "$what"
			else
				cat "$out.err" "$out.why" 2>/dev/null
				ko "$what"
			fi
		done
	done
done

# The glance from a chair across the table (issue 12, point 2), at 800x480:
# a week met, a first week with goals to go, an away week keeping its
# streak, a streak of two weeks with a rhythm.
ft simulate --scenario "$EXAMPLES/streaks.scn" --config "$EXAMPLES/streaks.conf" --db "$TMP/streaks.db"
glances=("met|week|2026-12-06T19:20:00+01:00" "to go|week|2026-12-02T12:00:00+01:00"
	"away|streaks|2027-02-10T20:00:00+01:00" "two weeks in a row|streaks|2027-02-24T21:00:00+01:00")
for g in "${glances[@]}"; do
	IFS='|' read -r what ex at <<<"$g"
	out="$TMP/glance-$ex-${at%%T*}"
	if ft screenshot --screen glance --size 800x480 --out "$out.png" --layout "$out.json" \
		--config "$EXAMPLES/$ex.conf" --db "$TMP/$ex.db" --at "$at" 2>"$out.err" &&
		python3 "$HERE/glance_check.py" "$out.json" >"$out.why"; then
		ok "glance ($what): counts a fifth of the height, met state and streaks at 28 px"
	else
		cat "$out.err" "$out.why" 2>/dev/null
		ko "glance ($what): counts a fifth of the height, met state and streaks at 28 px"
	fi
done
grep -q '"Away this week"' "$TMP/glance-streaks-2027-02-10.json" &&
	grep -q '"Streak kept:' "$TMP/glance-streaks-2027-02-10.json" &&
	ok "an away week is said plainly, with the streak kept" ||
	ko "an away week is said plainly, with the streak kept"

# The meal screenshot shows the phones docked, as a real meal would: the
# worked example on Sunday at 19:20, Chloé and Dan's phones in since 19:00.
grep -v '^2026-12-06T19:35' "$EXAMPLES/week.scn" >"$TMP/dinner.scn"
ft simulate --scenario "$TMP/dinner.scn" --config "$EXAMPLES/week.conf" --db "$TMP/dinner.db" \
	--until 2026-12-06T19:20:00+01:00 >/dev/null
ft screenshot --screen meal --size 800x480 --out "$TMP/meal.png" --layout "$TMP/meal.json" \
	--config "$EXAMPLES/week.conf" --db "$TMP/dinner.db" --at 2026-12-06T19:20:00+01:00 &&
	python3 - "$TMP/meal.json" <<'PY' && ok "meal screenshot: the docked phones' names, the dinner counting" ||
import json, sys
texts = [t["text"] for t in json.load(open(sys.argv[1], encoding="utf-8"))["texts"]]
sys.exit(0 if {"Chloé", "Dan"} <= set(texts) and not {"Anna", "Ben"} & set(texts)
         and any("counts" in t for t in texts) else 1)
PY
	ko "meal screenshot: the docked phones' names, the dinner counting"

# The layout goes only where asked, and a bad place for it is an error.
ft screenshot --screen glance --size 800x480 --out "$TMP/x.png" --layout "$TMP/no/such/x.json" \
	--config "$EXAMPLES/week.conf" --db "$TMP/week.db" 2>"$TMP/bad.err"
rc=$?
[ $rc = 1 ] && grep -q "no/such/x.json" "$TMP/bad.err" && ok "--layout in a missing folder: exit 1, named" ||
	ko "--layout in a missing folder: exit 1, named ($rc)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
