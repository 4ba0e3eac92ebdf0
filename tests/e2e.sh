#!/usr/bin/env bash
# End-to-end tests: the built binary on scenario files, its JSON checked
# against the worked examples of SPEC (shared/examples), then the other
# end-to-end suites in tests/e2e/. Prints "N passed, N failed".
# usage: tests/e2e.sh build/familytable   ($VALGRIND may prefix every run)
set -u
BIN=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
# The worked examples: shared/examples beside the checkout when it is there
# (the contract), else the copy kept in tests/e2e/examples.
EXAMPLES=${FT_EXAMPLES:-$HERE/../../shared/examples}
[ -f "$EXAMPLES/week.scn" ] || EXAMPLES=$HERE/e2e/examples
TMP=$(mktemp -d)
# the open session's heartbeat in memory (store_runtime_dir) goes to a
# folder of this run's, removed with it, rather than into /dev/shm itself
RUN=
if [ -d /dev/shm ] && RUN=$(mktemp -d /dev/shm/ft-test.XXXXXX 2>/dev/null); then
	export RUNTIME_DIRECTORY=$RUN
fi
trap 'rm -rf "$TMP" ${RUN:+"$RUN"}' EXIT
export XDG_DATA_HOME=$TMP/xdg
passed=0
failed=0

ft() { ${VALGRIND:-} "$BIN" "$@"; }
ok() { passed=$((passed + 1)); echo "ok   $*"; }
ko() { failed=$((failed + 1)); echo "FAIL $*"; }

# check NAME CONF DB REPORT-ARGS... EXPECTED.json
check_report() {
	local name=$1 conf=$2 db=$3 want=$4
	shift 4
	if ft report --config "$conf" --db "$db" --json "$@" >"$TMP/$name.json" 2>"$TMP/$name.err" &&
		python3 "$HERE/e2e/json_equal.py" "$TMP/$name.json" "$want"; then
		ok "$name"
	else
		cat "$TMP/$name.err"
		ko "$name"
	fi
}

# A suite that mostly waits (live.sh sleeps past a minute's checkpoint and
# several graces) starts now, in the background, with its own data folder,
# and is collected in its turn below: `make check` takes a minute less.
SLEEPERS="live.sh"
for s in $SLEEPERS; do
	[ -e "$HERE/e2e/$s" ] || continue
	mkdir -p "$TMP/bg-$s"
	(XDG_DATA_HOME=$TMP/bg-$s VALGRIND="${VALGRIND:-}" bash "$HERE/e2e/$s" "$BIN" >"$TMP/bg-$s/out" 2>&1
	 echo $? >"$TMP/bg-$s/rc") &
done

simulate() {
	local name=$1
	shift
	if ft simulate "$@" 2>"$TMP/$name.err"; then ok "$name"; else cat "$TMP/$name.err"; ko "$name"; fi
}

# The worked examples.
simulate "simulate week" --scenario "$EXAMPLES/week.scn" --config "$EXAMPLES/week.conf" --db "$TMP/week.db"
check_report "week 2026-W49" "$EXAMPLES/week.conf" "$TMP/week.db" "$EXAMPLES/week.2026-W49.json" --week 2026-W49
simulate "simulate edges" --scenario "$EXAMPLES/edges.scn" --config "$EXAMPLES/edges.conf" --db "$TMP/edges.db"
check_report "edges 2026-W10" "$EXAMPLES/edges.conf" "$TMP/edges.db" "$EXAMPLES/edges.2026-W10.json" --week 2026-W10
simulate "simulate streaks" --scenario "$EXAMPLES/streaks.scn" --config "$EXAMPLES/streaks.conf" --db "$TMP/streaks.db"
for w in 05 06 07 08; do
	check_report "streaks 2027-W$w" "$EXAMPLES/streaks.conf" "$TMP/streaks.db" \
		"$EXAMPLES/streaks.2027-W$w.json" --week "2027-W$w"
done
check_report "streaks --at 2027-02-24T21:00" "$EXAMPLES/streaks.conf" "$TMP/streaks.db" \
	"$EXAMPLES/streaks.at-2027-02-24T21h.json" --at 2027-02-24T21:00:00+01:00

# A scenario split into two runs on one database gives the same report as one
# run: the second run continues the dock and the open session.
split=$(grep -n '2026-12-03T12:05' "$EXAMPLES/week.scn" | head -1 | cut -d: -f1)
head -n $((split - 1)) "$EXAMPLES/week.scn" >"$TMP/part1.scn"
tail -n +"$split" "$EXAMPLES/week.scn" >"$TMP/part2.scn"
ft simulate --scenario "$TMP/part1.scn" --config "$EXAMPLES/week.conf" --db "$TMP/split.db" --until 2026-12-03T12:00:00+01:00 &&
	ft simulate --scenario "$TMP/part2.scn" --config "$EXAMPLES/week.conf" --db "$TMP/split.db" &&
	ok "simulate in two runs" || ko "simulate in two runs"
check_report "two runs, one report" "$EXAMPLES/week.conf" "$TMP/split.db" "$EXAMPLES/week.2026-W49.json" --week 2026-W49

# A session still docked at --until stays in progress: not counted, and
# counted once a later run takes the phones out.
cat >"$TMP/open1.scn" <<'SCN'
2026-12-01T19:00:00+01:00 dock 1 in
2026-12-01T19:00:00+01:00 dock 2 in
SCN
cat >"$TMP/open2.scn" <<'SCN'
2026-12-01T19:40:00+01:00 dock 1 out
SCN
ft simulate --scenario "$TMP/open1.scn" --config "$EXAMPLES/week.conf" --db "$TMP/open.db" --until 2026-12-01T19:30:00+01:00
n=$(ft report --config "$EXAMPLES/week.conf" --db "$TMP/open.db" --json --at 2026-12-01T19:30:00+01:00 |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["meals"]["count"])')
[ "$n" = 0 ] && ok "a session in progress is not counted" || ko "a session in progress is not counted ($n)"
ft simulate --scenario "$TMP/open2.scn" --config "$EXAMPLES/week.conf" --db "$TMP/open.db"
out=$(ft report --config "$EXAMPLES/week.conf" --db "$TMP/open.db" --json --week 2026-W49 |
	python3 -c 'import json,sys; m=json.load(sys.stdin)["meals"]; print(m["count"], m["list"][0]["minutes"], m["list"][0]["end"])')
[ "$out" = "1 40 2026-12-01T19:40:00+01:00" ] && ok "the session resumes in the next run" || ko "the session resumes in the next run ($out)"

# export --csv: a header row, one row per session, walk, hug and tap, RFC 4180;
# a call's row says who called and whom when they were said.
ft export --csv --config "$EXAMPLES/week.conf" --db "$TMP/week.db" >"$TMP/week.csv"
python3 - "$TMP/week.csv" <<'PY' && ok "export --csv" || ko "export --csv"
import csv, sys
raw = open(sys.argv[1], newline="", encoding="utf-8").read()
assert raw.endswith("\r\n"), "CRLF line ends"
rows = list(csv.DictReader(raw.splitlines(keepends=True)))
kinds = [r["record"] for r in rows]
assert kinds.count("meal") == 4, kinds
assert kinds.count("short") == 1 and kinds.count("left-docked") == 1, kinds
assert kinds.count("walk") == 1 and kinds.count("hug") == 2 and kinds.count("tap") == 2, kinds
calls = [(r["start"], r["kind"], r["from"], r["to"]) for r in rows if r["record"] == "tap"]
assert calls == [("2026-11-30T18:05:00+01:00", "call", "", ""),
                 ("2026-12-02T18:40:00+01:00", "call", "Chloé", "Grandma Jo")], calls
fri = [r for r in rows if r["record"] == "meal" and r["date"] == "2026-12-04"][0]
assert fri["members"] == "Anna; Ben; Chloé; Dan" and fri["minutes"] == "45", fri
assert fri["start"] == "2026-12-04T19:30:00+01:00", fri
PY

# --db defaults to [store] path, else $XDG_DATA_HOME/familytable/familytable.db.
ft simulate --scenario "$EXAMPLES/week.scn" --config "$EXAMPLES/week.conf" 2>/dev/null &&
	[ -s "$XDG_DATA_HOME/familytable/familytable.db" ] &&
	ok "--db defaults to \$XDG_DATA_HOME/familytable/familytable.db" ||
	ko "--db defaults to \$XDG_DATA_HOME/familytable/familytable.db"
{ cat "$EXAMPLES/week.conf"; printf '[store]\npath = %s/store-path/ft.db\n' "$TMP"; } >"$TMP/store.conf"
ft simulate --scenario "$EXAMPLES/week.scn" --config "$TMP/store.conf" 2>/dev/null &&
	[ -s "$TMP/store-path/ft.db" ] &&
	ft report --config "$TMP/store.conf" --week 2026-W49 --json >"$TMP/store.json" &&
	python3 "$HERE/e2e/json_equal.py" "$TMP/store.json" "$EXAMPLES/week.2026-W49.json" &&
	ok "--db defaults to [store] path" || ko "--db defaults to [store] path"

# Without [time] timezone the system's zone (TZ) is used.
grep -v -e '^\[time\]' -e '^timezone' "$EXAMPLES/week.conf" >"$TMP/nozone.conf"
TZ=Europe/Paris ft simulate --scenario "$EXAMPLES/week.scn" --config "$TMP/nozone.conf" --db "$TMP/nozone.db" &&
	TZ=Europe/Paris ft report --config "$TMP/nozone.conf" --db "$TMP/nozone.db" --week 2026-W49 --json >"$TMP/nozone.json" &&
	python3 "$HERE/e2e/json_equal.py" "$TMP/nozone.json" "$EXAMPLES/week.2026-W49.json" &&
	ok "no [time] timezone: the zone of TZ" || ko "no [time] timezone: the zone of TZ"
out=$(TZ=America/New_York ft report --config "$TMP/nozone.conf" --db "$TMP/nozone.db" --week 2026-W49 --json |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["meals"]["list"][0]["start"])')
[ "$out" = "2026-11-30T13:02:40-05:00" ] && ok "times are printed in the local zone with its offset" ||
	ko "times are printed in the local zone with its offset ($out)"

# A walk is dated by its start: Sunday 23:50 for 40 minutes is Sunday's walk
# (and, ending after the week did, it is not in that week's report as of its
# end: only what ended by T counts), never the next week's.
printf '2026-12-06T23:50:00+01:00 walk 40\n' >"$TMP/late.scn"
ft simulate --scenario "$TMP/late.scn" --config "$EXAMPLES/week.conf" --db "$TMP/late.db"
out=$(for w in 2026-W49 2026-W50; do
	ft report --config "$EXAMPLES/week.conf" --db "$TMP/late.db" --week $w --json |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["walks"]["count"], end=" ")'
done; ft export --csv --config "$EXAMPLES/week.conf" --db "$TMP/late.db" | grep '^walk,' | cut -d, -f2)
[ "$out" = "0 0 2026-12-06" ] && ok "a walk belongs to the day it started" ||
	ko "a walk belongs to the day it started ($out)"

# screenshot --out writes what the name says: PNG for .png, BMP for .bmp;
# any other name is bad usage (exit 2) and nothing is written.
ft screenshot --screen glance --size 800x480 --out "$TMP/shot.png" --config "$EXAMPLES/week.conf" \
	--db "$TMP/week.db" --at 2026-12-03T20:00:00+01:00 &&
	[ "$(head -c 8 "$TMP/shot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
	ok "screenshot --out x.png writes PNG" || ko "screenshot --out x.png writes PNG"
ft screenshot --screen glance --size 800x480 --out "$TMP/shot.bmp" --config "$EXAMPLES/week.conf" \
	--db "$TMP/week.db" --at 2026-12-03T20:00:00+01:00 &&
	[ "$(head -c 2 "$TMP/shot.bmp")" = BM ] &&
	ok "screenshot --out x.bmp writes BMP" || ko "screenshot --out x.bmp writes BMP"
ft screenshot --screen glance --size 800x480 --out "$TMP/shot.jpg" --config "$EXAMPLES/week.conf" \
	--db "$TMP/week.db" 2>"$TMP/jpg.err"
rc=$?
[ $rc = 2 ] && [ ! -e "$TMP/shot.jpg" ] && grep -q 'shot.jpg' "$TMP/jpg.err" &&
	ok "screenshot --out x.jpg: exit 2, nothing written" || ko "screenshot --out x.jpg: exit 2, nothing written ($rc)"

# --help, --version, exit 0.
ft --help | grep -q "familytable simulate" && ok "--help" || ko "--help"
ft --version | grep -q "^familytable [0-9]" && ok "--version" || ko "--version"

# The other suites print their own "N passed, N failed" line.
for suite in "$HERE"/e2e/*.sh; do
	[ -e "$suite" ] || continue
	base=$(basename "$suite")
	if [ -d "$TMP/bg-$base" ]; then
		wait
		out=$(cat "$TMP/bg-$base/out")
		rc=$(cat "$TMP/bg-$base/rc" 2>/dev/null || echo 1)
	else
		out=$(VALGRIND="${VALGRIND:-}" bash "$suite" "$BIN" 2>&1)
		rc=$?
	fi
	echo "$out"
	line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
	p=$(echo "$line" | cut -d' ' -f1)
	f=$(echo "$line" | cut -d' ' -f3)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	[ $rc -ne 0 ] && [ "${f:-0}" = 0 ] && failed=$((failed + 1))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
