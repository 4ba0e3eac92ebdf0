#!/usr/bin/env bash
# tests/reliability/skips.sh BUILD - scripts/run-tests on a test binary
# whose test skips: reported with its reason, the run failed; listed in an
# expected-skips file, reported as expected and the run passes.
set -u
BUILD=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "ok   - $1"; else failed=$((failed + 1)); echo "FAIL - $1"; fi; }
cat >"$TMP/test_skipdemo.c" <<'C'
#include "test.h"
static void a_test_that_skips(void **state) { test_skip("no %s here", "widget"); }
static void a_test_that_passes(void **state) { assert_true(1); }
int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(a_test_that_skips),
					   cmocka_unit_test(a_test_that_passes)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
C
cc -std=c11 -D_GNU_SOURCE -Wno-unused-parameter -I"$ROOT/include" -I"$ROOT/tests" -I"$BUILD" \
	-o "$TMP/test_skipdemo" "$TMP/test_skipdemo.c" "$BUILD/libfamilytable.a" \
	$(pkg-config --libs cmocka sqlite3 sdl2 SDL2_ttf libgpiod libpng 2>/dev/null) -lm || exit 1
: >"$TMP/none"
FT_EXPECTED_SKIPS="$TMP/none" "$ROOT/scripts/run-tests" "$TMP/test_skipdemo" >"$TMP/out" 2>&1
rc=$?
check "an unexpected skip fails the run" "[ $rc -ne 0 ] && grep -q '^0 passed, 1 failed' '$TMP/out'"
check "it is reported with its reason" "grep -q 'SKIPPED, NOT EXPECTED: test_skipdemo a_test_that_skips: no widget here' '$TMP/out'"
echo "test_skipdemo a_test_that_skips  # the demo" >"$TMP/expected"
FT_EXPECTED_SKIPS="$TMP/expected" "$ROOT/scripts/run-tests" "$TMP/test_skipdemo" >"$TMP/out" 2>&1
rc=$?
check "an expected skip passes, reported as expected" \
	"[ $rc -eq 0 ] && grep -q 'skipped (expected): test_skipdemo a_test_that_skips: no widget here' '$TMP/out'"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
