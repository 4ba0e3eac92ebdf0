/*
 * test_session.c - SPEC §2: debounce, sessions, dips, members, classification.
 * The detector is driven the way the engine drives it: session_advance to
 * the instant of a batch, then the batch.
 */
#include <string.h>

#include "debounce.h"
#include "session.h"
#include "test.h"

static const char *paris = "[time]\ntimezone = Europe/Paris\n";

/* A little driver: slot changes at an instant, collecting ended sessions. */
struct drive {
	struct session_detector det;
	struct session ended[8];
	int nended;
};

static void
drive_init(struct drive *dr, const struct ft_config *cfg)
{
	memset(dr, 0, sizeof(*dr));
	session_init(&dr->det, cfg, NULL, 0);
}

static void
drive_at(struct drive *dr, ft_ms t, const struct dock_change *c, int n)
{
	struct session done;
	if (session_advance(&dr->det, t, &done))
		dr->ended[dr->nended++] = done;
	if (n)
		session_on_dock(&dr->det, c, n, &done);
}

static void
dock(struct drive *dr, const char *when, int slot, int level)
{
	struct dock_change c = {slot, level, T(when)};
	drive_at(dr, c.t, &c, 1);
}

/* ---- §2.1 debounce ---- */

static void
test_debounce_pulse_shorter_than_period_is_ignored(void **state)
{
	struct debounce d;
	struct dock_change out[4];
	debounce_init(&d, 2, 50, NULL);
	debounce_raw(&d, 1, 1, 1000);
	debounce_raw(&d, 1, 0, 1030); /* a 30 ms bounce */
	assert_int_equal(debounce_next_deadline(&d), FT_MS_NEVER);
	assert_int_equal(debounce_advance(&d, 5000, out, 4), 0);
}

static void
test_debounce_change_dated_at_the_edge_that_began_it(void **state)
{
	struct debounce d;
	struct dock_change out[4];
	debounce_init(&d, 2, 50, NULL);
	debounce_raw(&d, 1, 1, 1000);
	debounce_raw(&d, 1, 0, 1030);
	debounce_raw(&d, 1, 1, 1040); /* the stable level begins here */
	assert_int_equal(debounce_next_deadline(&d), 1090);
	assert_int_equal(debounce_advance(&d, 1089, out, 4), 0);
	assert_int_equal(debounce_advance(&d, 1090, out, 4), 1);
	assert_int_equal(out[0].slot, 1);
	assert_int_equal(out[0].level, 1);
	assert_int_equal(out[0].t, 1040);
}

static void
test_debounce_level_held_exactly_the_period_counts(void **state)
{
	struct debounce d;
	struct dock_change out[4];
	debounce_init(&d, 1, 50, NULL);
	debounce_raw(&d, 1, 1, 0);
	/* the engine advances to an event's instant before applying it */
	assert_int_equal(debounce_advance(&d, 50, out, 4), 1);
	debounce_raw(&d, 1, 0, 50);
	assert_int_equal(debounce_advance(&d, 100, out, 4), 1);
	assert_int_equal(out[0].level, 0);
}

static void
test_debounce_repeated_level_is_not_an_edge(void **state)
{
	struct debounce d;
	struct dock_change out[4];
	debounce_init(&d, 1, 50, NULL);
	debounce_raw(&d, 1, 1, 0);
	debounce_raw(&d, 1, 1, 40); /* the level read after a batch: same */
	assert_int_equal(debounce_advance(&d, 50, out, 4), 1);
	assert_int_equal(out[0].t, 0);
}

static void
test_debounce_chatter_never_confirms(void **state)
{
	struct debounce d;
	struct dock_change out[4];
	debounce_init(&d, 1, 50, NULL);
	for (int i = 0; i < 10000; i++) {
		debounce_raw(&d, 1, i % 2 == 0, i);
		assert_int_equal(debounce_advance(&d, i, out, 4), 0);
	}
}

/* ---- §2.3 start, §2.2 swaps ---- */

static void
test_session_starts_when_min_phones_docked(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-11-23T18:55:00+01:00", 1, 1);
	assert_false(dr.det.open);
	dock(&dr, "2026-11-23T18:56:10+01:00", 2, 1);
	assert_true(dr.det.open);
	assert_int_equal(dr.det.start, T("2026-11-23T18:56:10+01:00"));
}

static void
test_one_slot_dock_with_min_phones_1(void **state)
{
	struct ft_config cfg = test_config("[dock]\nnames = Basket\n[meal]\nmin_phones = 1\n");
	struct drive dr;
	drive_init(&dr, &cfg);
	assert_int_equal(cfg.nslots, 1);
	dock(&dr, "2026-11-23T19:00:00+01:00", 1, 1);
	assert_true(dr.det.open);
}

static void
test_swap_between_slots_at_one_instant_is_not_a_dip(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-11-23T19:00:00+01:00", 1, 1);
	dock(&dr, "2026-11-23T19:00:00+01:00", 2, 1);
	struct dock_change swap[2] = {{2, 0, T("2026-11-23T19:10:00+01:00")},
				      {3, 1, T("2026-11-23T19:10:00+01:00")}};
	drive_at(&dr, swap[0].t, swap, 2);
	assert_false(dr.det.dipping);
	dock(&dr, "2026-11-23T19:40:00+01:00", 1, 0);
	drive_at(&dr, T("2026-11-23T19:45:00+01:00"), NULL, 0);
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].interruptions, 0);
	assert_int_equal(dr.ended[0].phones, 2);
}

/* ---- §2.4 dips ---- */

static void
test_dip_shorter_than_grace_is_an_interruption(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-03-03T18:00:00+01:00", 1, 1);
	dock(&dr, "2026-03-03T18:00:00+01:00", 2, 1);
	dock(&dr, "2026-03-03T18:20:00+01:00", 2, 0);
	dock(&dr, "2026-03-03T18:21:59+01:00", 2, 1);
	dock(&dr, "2026-03-03T18:40:00+01:00", 1, 0);
	drive_at(&dr, T("2026-03-03T19:00:00+01:00"), NULL, 0);
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].interruptions, 1);
	/* §2.5: the duration includes the interruption */
	assert_int_equal(dr.ended[0].end - dr.ended[0].start, 40 * FT_MINUTE);
}

static void
test_dip_of_exactly_grace_ends_where_it_began(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-03-02T18:00:00+01:00", 1, 1);
	dock(&dr, "2026-03-02T18:00:00+01:00", 2, 1);
	dock(&dr, "2026-03-02T18:20:00+01:00", 2, 0);
	dock(&dr, "2026-03-02T18:22:00+01:00", 2, 1); /* exactly grace later */
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].end, T("2026-03-02T18:20:00+01:00"));
	assert_int_equal(dr.ended[0].interruptions, 0);
	/* and the phone back starts a second session there */
	assert_true(dr.det.open);
	assert_int_equal(dr.det.start, T("2026-03-02T18:22:00+01:00"));
}

static void
test_grace_deadline_is_dip_start_plus_grace(void **state)
{
	struct ft_config cfg = test_config("[meal]\ngrace = 90s\n");
	struct drive dr;
	drive_init(&dr, &cfg);
	assert_int_equal(session_next_deadline(&dr.det), FT_MS_NEVER);
	dock(&dr, "2026-03-02T18:00:00Z", 1, 1);
	dock(&dr, "2026-03-02T18:00:00Z", 2, 1);
	dock(&dr, "2026-03-02T18:30:00Z", 1, 0);
	assert_int_equal(session_next_deadline(&dr.det), T("2026-03-02T18:31:30Z"));
}

/* ---- §2.6 phones and members ---- */

static void
test_phones_is_the_largest_docked_count(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-11-30T19:02:00+01:00", 1, 1);
	dock(&dr, "2026-11-30T19:02:40+01:00", 3, 1);
	dock(&dr, "2026-11-30T19:03:10+01:00", 4, 1);
	dock(&dr, "2026-11-30T19:20:00+01:00", 4, 0);
	dock(&dr, "2026-11-30T19:48:00+01:00", 1, 0);
	dock(&dr, "2026-11-30T19:48:05+01:00", 3, 0);
	drive_at(&dr, T("2026-11-30T20:00:00+01:00"), NULL, 0);
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].phones, 3);
}

static void
test_members_in_for_at_least_half_the_session(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	/* a 40-minute session: slot 3 in for exactly 20 min, slot 4 for 19 */
	dock(&dr, "2026-11-30T19:00:00+01:00", 1, 1);
	dock(&dr, "2026-11-30T19:00:00+01:00", 2, 1);
	dock(&dr, "2026-11-30T19:05:00+01:00", 3, 1);
	dock(&dr, "2026-11-30T19:25:00+01:00", 3, 0);
	dock(&dr, "2026-11-30T19:10:00+01:00", 4, 1);
	dock(&dr, "2026-11-30T19:29:00+01:00", 4, 0);
	dock(&dr, "2026-11-30T19:40:00+01:00", 1, 0);
	dock(&dr, "2026-11-30T19:40:00+01:00", 2, 0);
	drive_at(&dr, T("2026-11-30T20:00:00+01:00"), NULL, 0);
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].members, 1u | 2u | 4u);
}

static void
test_members_do_not_count_time_after_the_end(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	drive_init(&dr, &cfg);
	/* 20-minute session; slot 3 comes in during the final dip and stays
	 * in: it was never in during the session */
	dock(&dr, "2026-11-30T19:00:00+01:00", 1, 1);
	dock(&dr, "2026-11-30T19:00:00+01:00", 2, 1);
	dock(&dr, "2026-11-30T19:20:00+01:00", 2, 0);
	dock(&dr, "2026-11-30T19:20:30+01:00", 1, 0);
	dock(&dr, "2026-11-30T19:20:40+01:00", 3, 1);
	drive_at(&dr, T("2026-11-30T20:00:00+01:00"), NULL, 0);
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].end, T("2026-11-30T19:20:00+01:00"));
	assert_int_equal(dr.ended[0].members, 1u | 2u);
}

static void
test_members_count_slots_that_stay_in_during_an_interruption(void **state)
{
	struct ft_config cfg = test_config("[dock]\nnames = A B C\n[meal]\nmin_phones = 3\n");
	struct drive dr;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-11-30T19:00:00Z", 1, 1);
	dock(&dr, "2026-11-30T19:00:00Z", 2, 1);
	dock(&dr, "2026-11-30T19:00:00Z", 3, 1);
	dock(&dr, "2026-11-30T19:10:00Z", 3, 0); /* a dip: A and B stay in */
	dock(&dr, "2026-11-30T19:11:00Z", 3, 1);
	dock(&dr, "2026-11-30T19:20:00Z", 1, 0);
	drive_at(&dr, T("2026-11-30T19:30:00Z"), NULL, 0);
	assert_int_equal(dr.nended, 1);
	assert_int_equal(dr.ended[0].interruptions, 1);
	assert_int_equal(dr.ended[0].members, 7u);
}

static void
test_end_at_last_seen_after_power_cut(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	struct session done;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-11-30T19:00:00+01:00", 1, 1);
	dock(&dr, "2026-11-30T19:00:00+01:00", 2, 1);
	assert_true(session_end_at(&dr.det, T("2026-11-30T19:31:00+01:00"), &done));
	assert_int_equal(done.end, T("2026-11-30T19:31:00+01:00"));
	assert_int_equal(done.members, 3u);
	assert_false(dr.det.open);
}

static void
test_end_at_during_a_dip_ends_where_the_dip_began(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct drive dr;
	struct session done;
	drive_init(&dr, &cfg);
	dock(&dr, "2026-11-30T19:00:00+01:00", 1, 1);
	dock(&dr, "2026-11-30T19:00:00+01:00", 2, 1);
	dock(&dr, "2026-11-30T19:30:00+01:00", 2, 0);
	assert_true(session_end_at(&dr.det, T("2026-11-30T19:31:00+01:00"), &done));
	assert_int_equal(done.end, T("2026-11-30T19:30:00+01:00"));
}

/* ---- §2.7 classification ---- */

static struct session
classified(const struct ft_config *cfg, const char *start, const char *end)
{
	struct session s = {.start = T(start), .end = T(end)};
	session_classify(&s, cfg);
	return s;
}

static void
test_shorter_than_min_duration_is_short(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct session s = classified(&cfg, "2026-12-02T07:10:00+01:00", "2026-12-02T07:22:00+01:00");
	assert_int_equal(s.cls, SESSION_SHORT);
	s = classified(&cfg, "2026-12-02T12:00:00+01:00", "2026-12-02T12:14:59+01:00");
	assert_int_equal(s.cls, SESSION_SHORT);
	s = classified(&cfg, "2026-12-02T12:00:00+01:00", "2026-12-02T12:15:00+01:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_string_equal(s.kind, "lunch");
}

static void
test_longer_than_max_duration_is_left_docked(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct session s = classified(&cfg, "2026-12-05T22:30:00+01:00", "2026-12-06T07:45:00+01:00");
	assert_int_equal(s.cls, SESSION_LEFT_DOCKED);
	s = classified(&cfg, "2026-03-06T17:30:00+01:00", "2026-03-06T20:30:01+01:00");
	assert_int_equal(s.cls, SESSION_LEFT_DOCKED);
	s = classified(&cfg, "2026-03-06T17:30:00+01:00", "2026-03-06T20:30:00+01:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_string_equal(s.kind, "dinner");
}

static void
test_overlap_of_exactly_min_duration_is_a_meal(void **state)
{
	struct ft_config cfg = test_config(paris);
	/* docked before breakfast opens: 15 minutes inside the window */
	struct session s = classified(&cfg, "2026-03-05T05:40:00+01:00", "2026-03-05T06:15:00+01:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_string_equal(s.kind, "breakfast");
	s = classified(&cfg, "2026-03-05T05:40:00+01:00", "2026-03-05T06:14:59+01:00");
	assert_int_equal(s.cls, SESSION_PHONES_DOWN);
}

static void
test_outside_every_window_is_phones_down(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct session s = classified(&cfg, "2026-12-02T15:00:00+01:00", "2026-12-02T16:00:00+01:00");
	assert_int_equal(s.cls, SESSION_PHONES_DOWN);
	assert_int_equal(s.date, cal_day_of(T("2026-12-02T15:00:00+01:00")));
}

static void
test_largest_overlap_wins_and_a_tie_goes_to_the_earlier_window(void **state)
{
	struct ft_config cfg = test_config("[meal]\nmax_duration = 6h\n"
					   "windows = lunch 11:30-14:30, tea 15:00-18:00\n"
					   "[time]\ntimezone = Europe/Paris\n");
	/* 14:00-15:45: 30 min of lunch, 45 of tea */
	struct session s = classified(&cfg, "2026-12-02T14:00:00+01:00", "2026-12-02T15:45:00+01:00");
	assert_string_equal(s.kind, "tea");
	/* 14:00-15:30: 30 and 30: the earlier window */
	s = classified(&cfg, "2026-12-02T14:00:00+01:00", "2026-12-02T15:30:00+01:00");
	assert_string_equal(s.kind, "lunch");
}

static void
test_meal_is_dated_on_its_windows_day(void **state)
{
	struct ft_config cfg = test_config("[meal]\nwindows = breakfast 00:00-10:30, late 21:00-23:59\n"
					   "[time]\ntimezone = Europe/Paris\n");
	/* 23:30 Tuesday to 00:40 Wednesday: 29 min of Tuesday's late window,
	 * 40 of Wednesday's breakfast */
	struct session s = classified(&cfg, "2026-12-01T23:30:00+01:00", "2026-12-02T00:40:00+01:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_string_equal(s.kind, "breakfast");
	assert_int_equal(s.date, cal_day_of(T("2026-12-02T12:00:00+01:00")));
}

static void
test_a_window_past_midnight_dates_its_meal_on_the_day_it_opens(void **state)
{
	struct ft_config cfg = test_config("[meal]\nwindows = dinner 18:00-22:00, late 22:30-01:30\n"
					   "[time]\ntimezone = Europe/Paris\n");
	/* Friday 23:50 to Saturday 00:50: all in Friday's late window */
	struct session s = classified(&cfg, "2026-12-04T23:50:00+01:00", "2026-12-05T00:50:00+01:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_string_equal(s.kind, "late");
	assert_int_equal(s.date, cal_day_of(T("2026-12-04T12:00:00+01:00")));
	/* Saturday 00:10 to 01:00, started after midnight: still Friday's */
	s = classified(&cfg, "2026-12-05T00:10:00+01:00", "2026-12-05T01:00:00+01:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_int_equal(s.date, cal_day_of(T("2026-12-04T12:00:00+01:00")));
	/* 01:20 to 02:00: 10 minutes in it, not a meal */
	s = classified(&cfg, "2026-12-05T01:20:00+01:00", "2026-12-05T02:00:00+01:00");
	assert_int_equal(s.cls, SESSION_PHONES_DOWN);
	/* 21:30 to 23:30: 30 min of dinner, 60 of late: late, Friday */
	s = classified(&cfg, "2026-12-04T21:30:00+01:00", "2026-12-04T23:30:00+01:00");
	assert_string_equal(s.kind, "late");
}

static void
test_duration_is_real_time_across_dst(void **state)
{
	struct ft_config cfg = test_config("[time]\ntimezone = America/New_York\n");
	/* 01:30 EST to 03:30 EDT the night the clocks go forward: one hour */
	struct session s = classified(&cfg, "2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00");
	assert_int_equal(s.end - s.start, FT_HOUR);
	assert_int_equal(s.cls, SESSION_PHONES_DOWN);
	/* Paris, the night the clocks go back: 01:30 to 03:30 is three hours */
	cfg = test_config("[time]\ntimezone = Europe/Paris\n");
	s = classified(&cfg, "2026-10-25T01:30:00+02:00", "2026-10-25T03:30:00+01:00");
	assert_int_equal(s.end - s.start, 3 * FT_HOUR);
	assert_int_equal(s.cls, SESSION_PHONES_DOWN);
}

static void
test_dinner_window_in_summer_time(void **state)
{
	struct ft_config cfg = test_config(paris);
	/* windows are local wall time whatever the offset */
	struct session s = classified(&cfg, "2026-07-01T17:00:00+02:00", "2026-07-01T17:45:00+02:00");
	assert_int_equal(s.cls, SESSION_MEAL);
	assert_string_equal(s.kind, "dinner");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_debounce_pulse_shorter_than_period_is_ignored),
		cmocka_unit_test(test_debounce_change_dated_at_the_edge_that_began_it),
		cmocka_unit_test(test_debounce_level_held_exactly_the_period_counts),
		cmocka_unit_test(test_debounce_repeated_level_is_not_an_edge),
		cmocka_unit_test(test_debounce_chatter_never_confirms),
		cmocka_unit_test(test_session_starts_when_min_phones_docked),
		cmocka_unit_test(test_one_slot_dock_with_min_phones_1),
		cmocka_unit_test(test_swap_between_slots_at_one_instant_is_not_a_dip),
		cmocka_unit_test(test_dip_shorter_than_grace_is_an_interruption),
		cmocka_unit_test(test_dip_of_exactly_grace_ends_where_it_began),
		cmocka_unit_test(test_grace_deadline_is_dip_start_plus_grace),
		cmocka_unit_test(test_phones_is_the_largest_docked_count),
		cmocka_unit_test(test_members_in_for_at_least_half_the_session),
		cmocka_unit_test(test_members_do_not_count_time_after_the_end),
		cmocka_unit_test(test_members_count_slots_that_stay_in_during_an_interruption),
		cmocka_unit_test(test_end_at_last_seen_after_power_cut),
		cmocka_unit_test(test_end_at_during_a_dip_ends_where_the_dip_began),
		cmocka_unit_test(test_shorter_than_min_duration_is_short),
		cmocka_unit_test(test_longer_than_max_duration_is_left_docked),
		cmocka_unit_test(test_overlap_of_exactly_min_duration_is_a_meal),
		cmocka_unit_test(test_outside_every_window_is_phones_down),
		cmocka_unit_test(test_largest_overlap_wins_and_a_tie_goes_to_the_earlier_window),
		cmocka_unit_test(test_meal_is_dated_on_its_windows_day),
		cmocka_unit_test(test_a_window_past_midnight_dates_its_meal_on_the_day_it_opens),
		cmocka_unit_test(test_duration_is_real_time_across_dst),
		cmocka_unit_test(test_dinner_window_in_summer_time),
	};
	return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
