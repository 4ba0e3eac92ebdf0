/*
 * test_clocktrust.c - SPEC §1: nothing is logged with a wrong date. The
 * clock is trusted when synchronised, or when it reads later than both the
 * build date and the last instant stored; until then events are held with
 * their monotonic times and dated once the offset is known.
 */
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "clocktrust.h"

static void
test_synchronized_clock_is_trusted(void **state)
{
	/* Even when it reads before the last stored instant: the network
	 * knows better than what we wrote down. */
	struct clocktrust_facts f = {
		.synchronized = true, .wall = T("2026-11-30T10:00:00Z"),
		.build = T("2026-11-01T00:00:00Z"), .last_stored = T("2026-12-01T00:00:00Z"),
	};
	assert_int_equal(clocktrust_decide(&f), CLOCKTRUST_SYNCHRONIZED);
}

static void
test_boot_at_1970_is_not_trusted(void **state)
{
	struct clocktrust_facts f = {
		.synchronized = false, .wall = 12345,
		.build = T("2026-11-01T00:00:00Z"), .last_stored = -1,
	};
	assert_int_equal(clocktrust_decide(&f), CLOCKTRUST_UNTRUSTED);
}

static void
test_later_than_build_and_store_is_trusted(void **state)
{
	struct clocktrust_facts f = {
		.synchronized = false, .wall = T("2026-12-02T08:00:00Z"),
		.build = T("2026-11-01T00:00:00Z"), .last_stored = T("2026-12-02T07:59:00Z"),
	};
	assert_int_equal(clocktrust_decide(&f), CLOCKTRUST_LATER);
	f.last_stored = -1; /* a fresh database: the build date alone decides */
	assert_int_equal(clocktrust_decide(&f), CLOCKTRUST_LATER);
}

static void
test_fake_hwclock_behind_the_store_is_not_trusted(void **state)
{
	/* fake-hwclock restored the time it saved an hour before the last
	 * shutdown: later than the build, but not than what was logged. */
	struct clocktrust_facts f = {
		.synchronized = false, .wall = T("2026-12-02T07:00:00Z"),
		.build = T("2026-11-01T00:00:00Z"), .last_stored = T("2026-12-02T08:00:00Z"),
	};
	assert_int_equal(clocktrust_decide(&f), CLOCKTRUST_UNTRUSTED);
	f.wall = f.last_stored; /* equal is not later */
	assert_int_equal(clocktrust_decide(&f), CLOCKTRUST_UNTRUSTED);
}

static void
test_build_time_is_a_plausible_midnight(void **state)
{
	ft_ms b = clocktrust_build_time();
	assert_true(b > T("2024-01-01T00:00:00Z"));
	assert_true(b <= clock_wall_ms());
	assert_int_equal(b % FT_DAY, 0);
}

static void
test_held_events_replay_in_order_with_their_offset(void **state)
{
	struct clocktrust_hold h = { 0 };
	struct clocktrust_event ev = { .kind = CLOCKTRUST_DOCK, .mono = 5000, .a = 1, .b = 1 };
	unsigned s1 = clocktrust_hold_push(&h, &ev);
	ev = (struct clocktrust_event){ .kind = CLOCKTRUST_HUG, .mono = 9000 };
	unsigned s2 = clocktrust_hold_push(&h, &ev);
	ev = (struct clocktrust_event){ .kind = CLOCKTRUST_TAP, .mono = 9500 };
	strcpy(ev.text, "call");
	unsigned s3 = clocktrust_hold_push(&h, &ev);
	assert_true(s1 && s2 && s3 && s1 != s2 && s2 != s3);
	assert_int_equal(h.n, 3);

	/* The hug was undone while held: it must not replay. */
	assert_true(clocktrust_hold_cancel(&h, s2));
	assert_false(clocktrust_hold_cancel(&h, s2));
	assert_true(h.events[1].cancelled);
	assert_false(h.events[0].cancelled);
	assert_string_equal(h.events[2].text, "call");

	/* Trusted at mono 60 000 when the wall clock read 18:01: the dock event
	 * at mono 5 000 happened 55 s earlier. */
	ft_ms wall = T("2026-11-30T18:01:00Z");
	ft_ms offset = wall - 60000;
	assert_true(clocktrust_date(h.events[0].mono, offset, 0) == T("2026-11-30T18:00:05Z"));
	/* Never before what the engine already saw. */
	assert_true(clocktrust_date(h.events[0].mono, offset, T("2026-11-30T18:00:30Z")) ==
		    T("2026-11-30T18:00:30Z"));

	clocktrust_hold_clear(&h);
	assert_int_equal(h.n, 0);
	ev = (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_START, .mono = 1 };
	assert_true(clocktrust_hold_push(&h, &ev) > s3); /* seqs never repeat */
	clocktrust_hold_free(&h);
}

static void
test_watch_fd_is_quiet_until_the_clock_is_set(void **state)
{
	int fd = clocktrust_watch_open();
	assert_true(fd >= 0);
	char buf[8];
	/* Nothing happened: a read would block. */
	assert_true(read(fd, buf, sizeof(buf)) < 0);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_synchronized_clock_is_trusted),
		cmocka_unit_test(test_boot_at_1970_is_not_trusted),
		cmocka_unit_test(test_later_than_build_and_store_is_trusted),
		cmocka_unit_test(test_fake_hwclock_behind_the_store_is_not_trusted),
		cmocka_unit_test(test_build_time_is_a_plausible_midnight),
		cmocka_unit_test(test_held_events_replay_in_order_with_their_offset),
		cmocka_unit_test(test_watch_fd_is_quiet_until_the_clock_is_set),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
