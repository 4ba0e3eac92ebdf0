#!/usr/bin/env bash
# tests/e2e/i18n.sh BINARY - the catalogues (issue 12, point 5): every string
# the program shows has a French translation, with both plural forms where
# it has a plural, checked as C formats; French typography: a no-break space
# (U+00A0) before : ; ? ! and %, never an ordinary one.
# Prints one line per check and "N passed, N failed".
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$HERE/../..
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-i18n.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   - $*"; }
ko() { failed=$((failed + 1)); echo "FAIL - $*"; }

if ! command -v xgettext >/dev/null; then
	ko "xgettext is missing (gettext)"
	echo "$passed passed, $failed failed"
	exit 1
fi
xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 -kC_:1c,2 -o "$TMP/now.pot" "$ROOT"/src/*.c
for po in "$ROOT"/assets/po/*.po; do
	lang=$(basename "$po" .po)
	msgcmp "$po" "$TMP/now.pot" 2>"$TMP/$lang.cmp" && ok "$lang: every string shown has a translation" ||
		{ head -20 "$TMP/$lang.cmp"; ko "$lang: every string shown has a translation"; }
	stats=$(msgfmt -c --statistics -o /dev/null "$po" 2>&1)
	case "$stats" in
	*fuzzy* | *untranslated*) ko "$lang: no fuzzy or empty entries ($stats)" ;;
	*) ok "$lang: $stats, checked as C formats" ;;
	esac
done
bad=$(msgcat --no-wrap "$ROOT/assets/po/fr.po" | grep '^msgstr' | grep -E ' ([:;?!]|%%)' || true)
[ -z "$bad" ] && ok "fr: a no-break space before : ; ? ! %" || { echo "$bad"; ko "fr: a no-break space before : ; ? ! %"; }
bad=$(msgcat --no-wrap "$ROOT/assets/po/fr.po" | grep '^msgstr' | grep "'" || true)
[ -z "$bad" ] && ok "fr: the typographic apostrophe (’), never a straight one" ||
	{ echo "$bad"; ko "fr: the typographic apostrophe (’), never a straight one"; }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
