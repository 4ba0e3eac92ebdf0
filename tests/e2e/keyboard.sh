#!/usr/bin/env bash
# tests/e2e/keyboard.sh BINARY - the keyboard and the family's screens from
# the command line (issue 11, points 1 and 2): `--help` names them,
# `screenshot --screen keyboard --keys` draws what was typed and a held
# letter's accents, a bad --keys exits 2 and writes nothing, and the names
# the family screen stores (an unnamed slot holding its number) read in the
# report as SPEC §2.6 names members.
# Prints one line per case and "N passed, N failed".
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
EXAMPLES=${FT_EXAMPLES:-$HERE/../../../shared/examples}
[ -f "$EXAMPLES/week.scn" ] || EXAMPLES=$HERE/examples
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-keyboard.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share" SDL_VIDEODRIVER=dummy
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
ko() { failed=$((failed + 1)); echo "FAIL - $*"; }
ft() { ${VALGRIND:-} "$BIN" "$@"; }

help=$(ft --help)
echo "$help" | grep -q "keyboard" && echo "$help" | grep -q "family" && echo "$help" | grep -q -- "--keys" &&
	ok "--help names the keyboard and family screens and --keys" || ko "--help names keyboard, family, --keys"

ft simulate --scenario "$EXAMPLES/week.scn" --config "$EXAMPLES/week.conf" --db "$TMP/week.db" >/dev/null
shot() { ft screenshot --config "$EXAMPLES/week.conf" --db "$TMP/week.db" --at 2026-12-06T19:20:00+01:00 \
	--size 800x480 "$@"; }

# The screens are listed once, from the program's own list: each name
# there draws, and none is named twice (a second hand-kept list went stale).
names=$(echo "$help" | sed -n 's/^Screens for screenshot --screen: *//p' | tr -d '.' | tr ',' ' ')
dup=$(echo "$help" | grep -o 'firstboot-region' | wc -l)
bad=""
for n in $names; do
	shot --screen "$n" --out "$TMP/help-$n.bmp" 2>/dev/null || bad="$bad $n"
done
[ -n "$names" ] && [ "$dup" = 1 ] && [ -z "$bad" ] &&
	ok "--help lists each screen once, and each draws" || ko "--help's screens: once? ($dup) drawn? ($bad)"

# typed, with e held: the text and the accents on the screen
if shot --screen keyboard --keys 'Zo[hold e]' --out "$TMP/k.png" --layout "$TMP/k.json" 2>"$TMP/k.err" &&
	python3 - "$TMP/k.json" <<'PY'
import json, sys
texts = [t["text"] for t in json.load(open(sys.argv[1]))["texts"]]
assert "Zo" in texts, texts
assert all(v in texts for v in ["é", "è", "ê", "ë"]), texts
PY
then ok "keyboard --keys 'Zo[hold e]': the text and e's accents drawn"
else cat "$TMP/k.err"; ko "keyboard --keys 'Zo[hold e]'"; fi

shot --screen keyboard --keys 'Ben[done]' --out "$TMP/taken.png" --layout "$TMP/taken.json" &&
	grep -q "Another phone already has that name." "$TMP/taken.json" &&
	ok "keyboard --keys 'Ben[done]': another phone's name refused, said" ||
	ko "keyboard --keys 'Ben[done]'"

for bad in '[hold q]' 'Zo[jump]' 'Zo[hold e'; do
	shot --screen keyboard --keys "$bad" --out "$TMP/bad.png" 2>"$TMP/bad.err"
	rc=$?
	[ $rc = 2 ] && [ ! -e "$TMP/bad.png" ] && grep -q -- "--keys" "$TMP/bad.err" &&
		ok "keyboard --keys '$bad': exit 2, nothing written" || ko "keyboard --keys '$bad': exit $rc"
done
shot --screen glance --keys 'Zo' --out "$TMP/glance.png" 2>/dev/null
rc=$?
[ $rc = 2 ] && [ ! -e "$TMP/glance.png" ] && ok "--keys on another screen: exit 2, nothing written" ||
	ko "--keys on another screen: exit $rc"

shot --screen family --out "$TMP/family.png" --layout "$TMP/family.json" &&
	grep -q '"Chloé"' "$TMP/family.json" && grep -q "Name a phone" "$TMP/family.json" &&
	ok "family: each phone's name and Name a phone" || ko "family screen"

# the value the family screen stores when Ben's name is removed: slot 2
# holds its number, and a meal of slots 1 and 2 names it "2"
cat >"$TMP/two.scn" <<'SCN'
2026-12-07T19:00:00+01:00 dock 1 in
2026-12-07T19:00:00+01:00 dock 2 in
2026-12-07T19:40:00+01:00 dock 1 out
2026-12-07T19:40:00+01:00 dock 2 out
SCN
ft settings set dock.names 'Anna 2 Chloé Dan' --config "$EXAMPLES/week.conf" --db "$TMP/two.db" >/dev/null &&
	ft simulate --scenario "$TMP/two.scn" --config "$EXAMPLES/week.conf" --db "$TMP/two.db" >/dev/null &&
	ft report --json --config "$EXAMPLES/week.conf" --db "$TMP/two.db" --week 2026-W50 >"$TMP/two.json" &&
	python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["meals"]["list"]; assert m[0]["members"] == ["Anna", "2"], m' "$TMP/two.json" &&
	ok "a slot whose name was removed on the display reads as its number" ||
	ko "a slot whose name was removed reads as its number"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
