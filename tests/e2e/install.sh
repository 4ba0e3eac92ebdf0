#!/usr/bin/env bash
# tests/e2e/install.sh BINARY - `make install PREFIX=/usr` into a DESTDIR
# after the plain build BINARY came from: the files land under PREFIX, the
# installed program finds its French catalogue there, the man page and the
# units name PREFIX's paths, the family's configuration is never
# overwritten, the installed example configuration is valid, and
# `systemd-analyze security` rates each installed service 3.0 or less.
#
# Prints one line per case and a final "N passed, N failed".
set -u
[ $# -eq 1 ] && [ -x "$1" ] || { echo "usage: $0 BINARY" >&2; exit 2; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ft-install.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1: $2"; }
D=$TMP/root
inst() { make -s -C "$ROOT" install BUILD="$(dirname "$BIN")" DESTDIR="$D" PREFIX=/usr >"$TMP/install.log" 2>&1; }

if inst; then pass "make install DESTDIR=... PREFIX=/usr"; else fail "make install" "$(tail -5 "$TMP/install.log")"; fi
for f in usr/bin/familytable usr/share/man/man1/familytable.1 usr/share/locale/fr/LC_MESSAGES/familytable.mo \
	usr/share/familytable/familytable.conf.example etc/familytable/familytable.conf \
	lib/systemd/system/familytable.service lib/systemd/system/familytable-backup.service \
	lib/systemd/system/familytable-backup.timer usr/lib/sysusers.d/familytable.conf; do
	[ -f "$D/$f" ] || fail "installed /$f" "missing"
done
[ -z "$(find "$D" -path '*/usr/local*')" ] && pass "nothing under /usr/local" || fail "nothing under /usr/local" "$(find "$D" -path '*/usr/local*' | head -3)"
grep -q '/usr/local' "$D/usr/share/man/man1/familytable.1" &&
	fail "the man page names PREFIX's paths" "$(grep -n /usr/local "$D/usr/share/man/man1/familytable.1")" ||
	pass "the man page names PREFIX's paths"
n=$(grep -l '^ExecStart=/usr/bin/familytable ' "$D"/lib/systemd/system/*.service | wc -l)
[ "$n" = 2 ] && pass "the units run /usr/bin/familytable" || fail "the units run /usr/bin/familytable" "$n of 2"

# the installed program finds its catalogue under PREFIX: French differs
# from English, and matches the build tree's French
"$BIN" simulate --scenario "$HERE/examples/week.scn" --config "$HERE/examples/week.conf" --db "$TMP/week.db" >/dev/null 2>&1
shot() { # BINARY LANGUAGE OUT
	sed "s/^\[display\]/[display]\nlanguage = $2/" "$HERE/examples/week.conf" >"$TMP/$2.conf"
	grep -q "^language = $2" "$TMP/$2.conf" || printf '[display]\nlanguage = %s\n' "$2" >>"$TMP/$2.conf"
	SDL_VIDEODRIVER=offscreen "$1" screenshot --screen glance --size 800x480 --out "$3" \
		--config "$TMP/$2.conf" --db "$TMP/week.db" --at 2026-12-06T19:20:00+01:00 >/dev/null 2>&1
}
shot "$D/usr/bin/familytable" fr "$TMP/inst-fr.bmp"
shot "$D/usr/bin/familytable" en "$TMP/inst-en.bmp"
shot "$BIN" fr "$TMP/build-fr.bmp"
if [ -s "$TMP/inst-fr.bmp" ] && ! cmp -s "$TMP/inst-fr.bmp" "$TMP/inst-en.bmp" && cmp -s "$TMP/inst-fr.bmp" "$TMP/build-fr.bmp"; then
	pass "installed under PREFIX=/usr, it speaks French (its catalogue found there)"
else
	fail "installed under PREFIX=/usr, it speaks French" "the installed fr screenshot is English or missing"
fi

# the installed configuration is valid as it is: report gets past it
"$D/usr/bin/familytable" report --config "$D/etc/familytable/familytable.conf" --db "$TMP/week.db" >/dev/null 2>"$TMP/err"
rc=$?
[ $rc = 0 ] && pass "the installed configuration file is valid" || fail "the installed configuration file is valid" "exit $rc: $(cat "$TMP/err")"
grep -qi "example" "$D/etc/familytable/familytable.conf" && ! grep -q "values shown are the defaults" "$D/etc/familytable/familytable.conf" &&
	pass "the installed configuration says its commented lines are examples" ||
	fail "the installed configuration is honest" "no word of examples"

# the family's configuration survives a second install
printf '[dock]\nlines = 5\n' >"$D/etc/familytable/familytable.conf"
cp "$D/etc/familytable/familytable.conf" "$TMP/mine.conf"
if inst && cmp -s "$D/etc/familytable/familytable.conf" "$TMP/mine.conf" && grep -q "kept as it is" "$TMP/install.log"; then
	pass "make install never overwrites the family's configuration (and says so)"
else
	fail "make install never overwrites the family's configuration" "$(tail -3 "$TMP/install.log")"
fi

# systemd-analyze security, offline, on the installed units
if command -v systemd-analyze >/dev/null; then
	for u in familytable.service familytable-backup.service; do
		level=$(systemd-analyze security --offline=true "$D/lib/systemd/system/$u" 2>&1 |
			sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
		if [ -n "$level" ] && awk -v l="$level" 'BEGIN { exit !(l <= 3.0) }'; then
			pass "systemd-analyze security $u: $level (at most 3.0)"
		else
			fail "systemd-analyze security $u" "exposure ${level:-not measured}"
		fi
	done
else
	echo "skip - systemd-analyze is not installed"
fi

# scripts/install-pi into a scratch root (the host's users copied in):
# the first run installs and makes the user, the second changes nothing
# and says so (packages, build, files, user; systemd is left alone with
# DESTDIR)
if command -v systemd-sysusers >/dev/null; then
	P=$TMP/pi
	mkdir -p "$P/etc"
	cp /etc/passwd /etc/group "$P/etc/"
	export BUILD
	BUILD=$(dirname "$BIN")
	if DESTDIR=$P "$ROOT/scripts/install-pi" >"$TMP/pi1.log" 2>&1 && [ -x "$P/usr/local/bin/familytable" ] &&
		grep -q '^familytable:' "$P/etc/passwd" && grep -q '^gpio:.*familytable' "$P/etc/group"; then
		pass "install-pi: installs, makes the user in its groups"
	else
		fail "install-pi: first run" "$(tail -5 "$TMP/pi1.log")"
	fi
	find "$P" -type f -exec md5sum {} + | sort >"$TMP/pi1.sum"
	if DESTDIR=$P "$ROOT/scripts/install-pi" >"$TMP/pi2.log" 2>&1 && grep -q "nothing changed" "$TMP/pi2.log" &&
		find "$P" -type f -exec md5sum {} + | sort | cmp -s - "$TMP/pi1.sum"; then
		pass "install-pi run twice: nothing changed, and it says so"
	else
		fail "install-pi run twice" "$(cat "$TMP/pi2.log")"
	fi
else
	echo "skip - systemd-sysusers is not installed: install-pi not tried"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
