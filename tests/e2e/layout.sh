#!/usr/bin/env bash
# tests/e2e/layout.sh BINARY - `screenshot --layout FILE.json` (issue 12,
# point 6; issue 11, point 7): for every screen the program lists, at every
# panel size (800x480, 1024x600, 1280x720, 720x1280), in English in a week
# in progress and in a first week, and in French in the week in progress
# (its words are the longer), the layout lists what is drawn, no text
# leaves the screen and every touch target is at least 9 mm on a 7-inch
# panel (tests/e2e/layout_check.py).
# FT_SHOTS=DIR keeps every picture there, to be looked at.
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

# The same family in French.
{ cat "$EXAMPLES/week.conf"; printf '[display]\nlanguage = fr\n'; } >"$TMP/week.fr.conf"

# name DB AT CONFIG: a week in progress with everything, and a first week;
# the week in progress in French.
states=("week|$TMP/week.db|2026-12-03T19:20:00+01:00|$EXAMPLES/week.conf"
	"first|$TMP/first.db|2026-11-30T09:00:00+01:00|$EXAMPLES/week.conf"
	"week, fr|$TMP/week.db|2026-12-03T19:20:00+01:00|$TMP/week.fr.conf")
for state in "${states[@]}"; do
	IFS='|' read -r name db at conf <<<"$state"
	for size in 800x480 1024x600 1280x720 720x1280; do
		for screen in $screens; do
			out="$TMP/${name/, /-}-$screen-$size"
			what="$screen $size ($name): layout, targets of 9 mm on a 7-inch panel"
			if ft screenshot --screen "$screen" --size "$size" --out "$out.png" --layout "$out.json" \
				--config "$conf" --db "$db" --at "$at" 2>"$out.err" &&
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

# The review (issue 12, points 3 and 4): every text whole, in English and
# French, at every size, on its three pages; the worked example on Sunday
# evening (the week just ended) and on Monday morning (the same week,
# still up for review); eight slots with names of 20 characters, long
# ritual labels and calls to long names.
{ cat "$EXAMPLES/week.conf"; printf '[display]\nlanguage = fr\n'; } >"$TMP/week-fr.conf"
cat >"$TMP/eight.conf" <<'CONF'
[dock]
lines = 1 2 3 4 5 6 7 8
names = "Marie-Christine Anne" "Jean-Baptiste Émile" Léopoldine-Héloïse "Maximilian Alexander" "Éléonore-Joséphine" "Anne-Sophie Bérénice" Zoé Bob
[rituals]
ritual = mon 18:00 call "Call Grandma Jo and Grandpa Lucien in Montréal"
ritual = thu 12:00 meal "Shared lunch with the cousins from Lyon"
ritual = sun 09:30 walk "Family walk along the river to the old mill"
[time]
timezone = Europe/Paris
CONF
{ cat "$TMP/eight.conf"; printf '[display]\nlanguage = fr\n'; } >"$TMP/eight-fr.conf"
python3 - "$TMP/eight.scn" <<'PY'
import datetime, sys
lines = []
def meal(day, slots, start="19:00", end="19:45"):
    lines.extend(f"{day}T{start}:00+01:00 dock {s} in" for s in slots)
    lines.extend(f"{day}T{end}:00+01:00 dock {s} out" for s in slots)
for base in ("2026-11-16", "2026-11-23", "2026-11-30"):
    d = datetime.date.fromisoformat(base)
    day = lambda n: d + datetime.timedelta(days=n)
    meal(day(0), range(1, 9))
    meal(day(2), [1, 2, 3, 4, 5])
    meal(day(3), [2, 4, 6, 8], "12:00", "12:50")
    meal(day(4), [1, 3, 5, 7])
    lines.append(f'{day(1)}T18:10:00+01:00 tap call 4 "Great-Aunt Philomène"')
    lines.append(f'{day(2)}T18:40:00+01:00 tap call 1 "Grandpa Lucien-Hubert"')
    lines.append(f"{day(3)}T08:00:00+01:00 hug")
    lines.append(f"{day(5)}T18:40:00+01:00 tap call")
    lines.append(f"{day(6)}T10:00:00+01:00 walk 40")
open(sys.argv[1], "w").write("\n".join(sorted(lines)) + "\n")
PY
ft simulate --scenario "$TMP/eight.scn" --config "$TMP/eight.conf" --db "$TMP/eight.db" >/dev/null
reviews=("week|week.db|2026-12-06T20:30:00+01:00" "week, Monday|week.db|2026-12-07T08:00:00+01:00"
	"eight long names|eight.db|2026-12-06T20:30:00+01:00")
for rv in "${reviews[@]}"; do
	IFS='|' read -r what db at <<<"$rv"
	conf=${db%.db}
	for lang in en fr; do
		c="$TMP/$conf.conf"
		[ "$conf" = week ] && c="$EXAMPLES/week.conf"
		[ $lang = fr ] && c="$TMP/$conf-fr.conf"
		for size in 800x480 1024x600 1280x720 720x1280; do
			for screen in review together year; do
				out="$TMP/rv-$conf-$lang-$size-$screen-${at%%+*}"
				name="$screen $size $lang ($what): every text whole and readable, targets of 9 mm"
				if ft screenshot --screen "$screen" --size "$size" --out "$out.png" --layout "$out.json" \
					--config "$c" --db "$TMP/$db" --at "$at" 2>"$out.err" &&
					python3 "$HERE/layout_check.py" "$out.json" "$screen" "$size" >"$out.why" &&
					python3 "$HERE/review_check.py" "$out.json" >>"$out.why"; then
					ok "$name"
				else
					cat "$out.err" "$out.why" 2>/dev/null
					ko "$name"
				fi
			done
		done
	done
done
# what the worked example's review says: Monday still offers week 49, with
# its weeks dated and the bonds and calls on their page
json=$TMP/rv-week-fr-800x480
python3 "$HERE/review_check.py" "$json-review-2026-12-07T08:00:00.json" "Semaine 49" "Bilan fait" \
	"30 nov." >/dev/null &&
	python3 "$HERE/review_check.py" "$json-together-2026-12-06T20:30:00.json" "Chloé & Dan" \
		"Chloé → Grandma Jo" >/dev/null &&
	ok "French review at 800x480: week 49 on Monday, weeks dated, bonds and calls" ||
	ko "French review at 800x480: week 49 on Monday, weeks dated, bonds and calls"

# The layout goes only where asked, and a bad place for it is an error.
ft screenshot --screen glance --size 800x480 --out "$TMP/x.png" --layout "$TMP/no/such/x.json" \
	--config "$EXAMPLES/week.conf" --db "$TMP/week.db" 2>"$TMP/bad.err"
rc=$?
[ $rc = 1 ] && grep -q "no/such/x.json" "$TMP/bad.err" && ok "--layout in a missing folder: exit 1, named" ||
	ko "--layout in a missing folder: exit 1, named ($rc)"

[ -n "${FT_SHOTS:-}" ] && mkdir -p "$FT_SHOTS" && cp "$TMP"/*.png "$FT_SHOTS"/
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
