/*
 * test_live_cost.c - what the idle appliance costs, as rules a test can
 * hold without a timer (the figures themselves are `make bench`'s):
 *
 *   - idle, the loop wakes once a minute, on the minute (the clock shown);
 *   - a chattering dock line (pulses shorter than the debounce) redraws
 *     nothing and writes nothing;
 *   - frames write nothing: a phone in and out, confirmed and drawn a
 *     hundred times with no session, leaves the database as it was;
 *   - a phone confirmed in mid-session is drawn at the confirmation, not
 *     at the next minute.
 *
 * Driven as app.c drives the decision module (tests/live_loop.h), on the
 * test's monotonic clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "live_fixture.h"

static const char *const conf =
	"[dock]\nnames = Anna Ben Chloé\n[time]\ntimezone = Europe/Paris\n";

static int
setup(void **state)
{
	struct fixture *fx = fixture_new("live-cost", conf);
	if (!fx)
		return -1;
	/* Tuesday 10:00:30, then three quiet minutes: past the two minutes a
	 * start keeps the screen as it is */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T10:00:30+01:00"), NULL);
	loop_wait(&fx->lp, 3 * FT_MINUTE, FT_SECOND);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture_free(*state);
	return 0;
}

/* Bytes of the database and its WAL and heartbeat files together. */
static long
stored_bytes(const struct fixture *fx)
{
	static const char *const suffix[] = { "", "-wal", "-seen" };
	long total = 0;
	for (int i = 0; i < 3; i++) {
		char path[160];
		struct stat sb;
		snprintf(path, sizeof(path), "%s%s", fx->db, suffix[i]);
		if (stat(path, &sb) == 0)
			total += (long)sb.st_size + (long)sb.st_mtime;
	}
	return total;
}

static void
test_idle_wakes_once_a_minute_on_the_minute(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = &fx->lp;
	ft_ms end = a->mono + 10 * FT_MINUTE;
	ft_ms next = live_tick(a->live, a->mono);
	int wakeups = 0;
	while (next <= end) {
		unsigned gen = live_generation(a->live);
		a->mono = next;
		next = live_tick(a->live, a->mono);
		wakeups++;
		/* each wakeup is the new minute, shown */
		assert_int_equal(live_now(a->live, a->mono) % FT_MINUTE, 0);
		assert_int_not_equal(live_generation(a->live), gen);
		assert_true(next > a->mono);
	}
	assert_int_equal(wakeups, 10);
}

static void
test_chattering_line_redraws_nothing_and_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = &fx->lp;
	/* from one second past a minute, so that the clock does not move */
	a->mono += FT_MINUTE - live_now(a->live, a->mono) % FT_MINUTE + FT_SECOND;
	loop_step(a);
	unsigned gen = live_generation(a->live);
	long stored = stored_bytes(fx);
	sleep(1); /* a write now would show in the files' times */
	for (int i = 0; i < 5000; i++) {
		a->mono += 1;
		live_dock(a->live, 3, i % 2 == 0, a->mono);
		live_tick(a->live, a->mono);
	}
	live_dock(a->live, 3, 0, a->mono); /* left out */
	loop_wait(a, 200, 1);
	assert_int_equal(live_generation(a->live), gen);
	assert_int_equal(stored_bytes(fx), stored);
	struct ui_model m = loop_model(a);
	assert_false(m.slot_in[2]);
	assert_false(m.session_open);
}

static void
test_frames_write_nothing(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = &fx->lp;
	long stored = stored_bytes(fx);
	sleep(1);
	int frames = 0;
	for (int i = 0; i < 100; i++) {
		unsigned gen = live_generation(a->live);
		live_dock(a->live, 1, i % 2 == 0, a->mono);
		loop_wait(a, 200, 10);
		frames += live_generation(a->live) != gen;
		assert_int_equal(loop_model(a).slot_in[0], i % 2 == 0);
	}
	assert_int_equal(frames, 100);
	assert_int_equal(stored_bytes(fx), stored);
}

static void
test_a_phone_confirmed_mid_session_is_drawn_at_once(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = &fx->lp;
	live_dock(a->live, 1, 1, a->mono);
	live_dock(a->live, 2, 1, a->mono);
	loop_wait(a, 10 * FT_SECOND, 10);
	assert_true(loop_model(a).session_open);
	/* from one second past a minute, so that the clock does not move */
	a->mono += FT_MINUTE - live_now(a->live, a->mono) % FT_MINUTE + FT_SECOND;
	loop_step(a);
	unsigned gen = live_generation(a->live);
	live_dock(a->live, 3, 1, a->mono);
	ft_ms due = live_tick(a->live, a->mono);
	assert_int_equal(due, a->mono + fx->cfg.debounce); /* woken at the confirmation */
	assert_int_equal(live_generation(a->live), gen);  /* a raw edge draws nothing */
	a->mono = due;
	loop_step(a);
	assert_int_not_equal(live_generation(a->live), gen);
	assert_true(loop_model(a).slot_in[2]);
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_idle_wakes_once_a_minute_on_the_minute, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chattering_line_redraws_nothing_and_writes_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_frames_write_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_phone_confirmed_mid_session_is_drawn_at_once,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
