/*
 * test_live_state.c - the small rules the decision module is made of
 * (src/live_state.c), with instants as plain numbers: the hug timer ("two
 * people each hold a circle and it runs while both hold"; a tap on the ring
 * runs it too), the night range, undo for ten minutes, when the review
 * comes up by itself and which screen shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "engine.h"
#include "live.h"
#include "report.h"
#include "store.h"

#define S FT_SECOND

static const char *const night_conf =
	"[dock]\nnames = Anna Ben\n[display]\nnight = 22:00-06:30\n[time]\ntimezone = Europe/Paris\n";

static void
test_it_runs_only_while_both_circles_are_held(void **state)
{
	struct live_hug h;
	live_hug_init(&h, 20 * S);
	ft_ms t = 5000;

	/* One person alone: nothing runs, however long they hold. */
	live_hug_hold(&h, 0, true, t);
	assert_int_equal(h.state, UI_HUG_IDLE);
	assert_false(live_hug_tick(&h, t + 60 * S));
	assert_int_equal(live_hug_left(&h, t + 60 * S), 20 * S);

	/* The second one holds: it runs from now. */
	t += 60 * S;
	live_hug_hold(&h, 1, true, t);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(live_hug_left(&h, t + 7 * S), 13 * S);

	/* One lets go after 8 s: it pauses with 12 s left, and nothing is
	 * logged however long the pause lasts. */
	live_hug_hold(&h, 1, false, t + 8 * S);
	assert_int_equal(h.state, UI_HUG_PAUSED);
	assert_int_equal(live_hug_left(&h, t + 100 * S), 12 * S);
	assert_false(live_hug_tick(&h, t + 100 * S));

	/* Both again: it goes on where it was, not from the start. */
	live_hug_hold(&h, 1, true, t + 100 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_false(live_hug_tick(&h, t + 111999));
	assert_int_equal(live_hug_left(&h, t + 111999), 1);

	/* It ends 12 s later: one hug to log, once. */
	assert_true(live_hug_tick(&h, t + 112 * S));
	assert_int_equal(h.state, UI_HUG_DONE);
	assert_int_equal(live_hug_left(&h, t + 112 * S), 0);
	assert_false(live_hug_tick(&h, t + 113 * S));
	assert_false(live_hug_tick(&h, t + 500 * S));

	/* Letting go after the end changes nothing; holding both again is a
	 * new hug from the full 20 s. */
	live_hug_hold(&h, 0, false, t + 120 * S);
	assert_int_equal(h.state, UI_HUG_DONE);
	live_hug_hold(&h, 0, true, t + 130 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(live_hug_left(&h, t + 130 * S), 20 * S);
	assert_false(live_hug_tick(&h, t + 149 * S));
	assert_true(live_hug_tick(&h, t + 150 * S));
}

static void
test_a_tap_on_the_ring_starts_pauses_and_goes_on(void **state)
{
	struct live_hug h;
	live_hug_init(&h, 20 * S);
	live_hug_tap(&h, 0);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_false(h.by_hold);
	live_hug_tap(&h, 5 * S);
	assert_int_equal(h.state, UI_HUG_PAUSED);
	assert_int_equal(live_hug_left(&h, 30 * S), 15 * S);
	assert_false(live_hug_tick(&h, 30 * S));
	live_hug_tap(&h, 30 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);

	/* Started by a tap, it does not care about the circles: a finger
	 * touching one and leaving does not pause it. */
	live_hug_hold(&h, 0, true, 31 * S);
	live_hug_hold(&h, 0, false, 32 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_false(live_hug_tick(&h, 44999));
	assert_true(live_hug_tick(&h, 45 * S));
	assert_false(live_hug_tick(&h, 46 * S));

	/* A tap after a logged hug starts a new one. */
	live_hug_tap(&h, 60 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(live_hug_left(&h, 60 * S), 20 * S);

	/* The ring tapped while both hold pauses it too; the held run does
	 * not restart by itself until someone presses again. */
	live_hug_init(&h, 20 * S);
	live_hug_hold(&h, 0, true, 0);
	live_hug_hold(&h, 1, true, 0);
	live_hug_tap(&h, 4 * S);
	assert_int_equal(h.state, UI_HUG_PAUSED);
	live_hug_hold(&h, 1, false, 5 * S);
	live_hug_hold(&h, 1, true, 6 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(live_hug_left(&h, 6 * S), 16 * S);
}

static void
test_reset_leaves_a_running_hug_alone(void **state)
{
	struct live_hug h;
	live_hug_init(&h, 0); /* unset: the 20 s of SPEC §3 */
	assert_int_equal(h.duration, 20 * S);
	live_hug_tap(&h, 0);
	live_hug_reset(&h);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	live_hug_tap(&h, S);
	live_hug_reset(&h);
	assert_int_equal(h.state, UI_HUG_IDLE);
	/* From idle, a tap starts the full duration again. */
	live_hug_tap(&h, 2 * S);
	assert_int_equal(live_hug_left(&h, 2 * S), 20 * S);
	/* Bad circles are ignored. */
	live_hug_hold(&h, 2, true, 3 * S);
	live_hug_hold(&h, -1, true, 3 * S);
	assert_false(h.hold[0] || h.hold[1]);
}

static void
test_night_range_wraps_midnight_or_not(void **state)
{
	struct ft_config cfg = test_config(night_conf);
	assert_false(live_night_at(&cfg, T("2026-12-08T21:59:59+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-08T22:00:00+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-08T23:59:00+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-09T00:00:00+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-09T03:00:00+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-09T06:29:59+01:00")));
	assert_false(live_night_at(&cfg, T("2026-12-09T06:30:00+01:00")));
	assert_false(live_night_at(&cfg, T("2026-12-09T12:00:00+01:00")));
	/* Local time: 21:30 UTC is 22:30 in Paris in winter, 23:30 in summer. */
	assert_true(live_night_at(&cfg, T("2026-12-08T21:30:00Z")));
	assert_false(live_night_at(&cfg, T("2026-07-08T04:45:00Z"))); /* 06:45 CEST */
	assert_true(live_night_at(&cfg, T("2026-07-08T04:15:00Z")));  /* 06:15 CEST */

	/* A nap, not wrapping. */
	cfg = test_config("[display]\nnight = 13:00-15:00\n[time]\ntimezone = Europe/Paris\n");
	assert_false(live_night_at(&cfg, T("2026-12-08T12:59:00+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-08T13:00:00+01:00")));
	assert_true(live_night_at(&cfg, T("2026-12-08T14:59:00+01:00")));
	assert_false(live_night_at(&cfg, T("2026-12-08T15:00:00+01:00")));
	assert_false(live_night_at(&cfg, T("2026-12-08T23:00:00+01:00")));
	assert_false(live_night_at(&cfg, T("2026-12-09T03:00:00+01:00")));

	/* Unset: never night. */
	cfg = test_config("[time]\ntimezone = Europe/Paris\n");
	assert_false(live_night_at(&cfg, T("2026-12-08T23:00:00+01:00")));
	assert_false(live_night_at(&cfg, T("2026-12-09T03:00:00+01:00")));
}

static void
test_undo_takes_a_hug_back_for_ten_minutes(void **state)
{
	struct ft_config cfg = test_config("[time]\ntimezone = Europe/Paris\n");
	struct ft_error err;
	char dir[] = "/tmp/ft-test-undo-XXXXXX", db[160];
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/undo.db", dir);
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	struct engine e;
	ft_ms t = T("2026-12-08T08:00:00+01:00");
	int levels[FT_MAX_SLOTS] = { 0 };
	assert_true(engine_open(&e, &cfg, st, t, levels, &err));
	int64_t id = 0;
	assert_true(engine_hug(&e, t, &id, &err));
	assert_true(id > 0);

	struct live_undo u = { 0 };
	ft_ms mono = 1000000;
	struct live_undo_entry entry = { .kind = LIVE_UNDO_ROW, .store_kind = STORE_HUG, .id = id,
				       .mono = mono, .what = LIVE_UNDO_HUG, .at = t };
	live_undo_push(&u, &entry);

	struct report r;
	assert_true(report_build(st, &cfg, t + FT_MINUTE, &r, &err));
	assert_int_equal(r.hug_days, 1);
	assert_true(r.hug_today);
	report_free(&r);

	/* Nine minutes later it can still be undone; it is, the hug is gone. */
	const struct live_undo_entry *latest = live_undo_latest(&u, mono + 9 * FT_MINUTE);
	assert_non_null(latest);
	assert_int_equal(latest->id, id);
	assert_true(store_delete(st, (enum store_kind)latest->store_kind, latest->id, &err));
	live_undo_pop(&u);
	assert_null(live_undo_latest(&u, mono + 9 * FT_MINUTE));
	assert_true(report_build(st, &cfg, t + 10 * FT_MINUTE, &r, &err));
	assert_int_equal(r.hug_days, 0);
	assert_false(r.hug_today);
	report_free(&r);

	/* Another one: after ten minutes it is for good. */
	assert_true(engine_hug(&e, t + 20 * FT_MINUTE, &id, &err));
	entry.id = id;
	entry.mono = mono + 20 * FT_MINUTE;
	live_undo_push(&u, &entry);
	assert_non_null(live_undo_latest(&u, entry.mono + LIVE_UNDO_WINDOW - 1));
	assert_null(live_undo_latest(&u, entry.mono + LIVE_UNDO_WINDOW));

	/* A held event (clock untrusted) becomes a row once replayed. */
	struct live_undo_entry held = { .kind = LIVE_UNDO_HELD, .hold_seq = 7, .mono = mono };
	live_undo_push(&u, &held);
	live_undo_held_logged(&u, 7, STORE_TAP, 42);
	latest = live_undo_latest(&u, mono + 1);
	assert_non_null(latest);
	assert_int_equal(latest->kind, LIVE_UNDO_ROW);
	assert_int_equal(latest->store_kind, STORE_TAP);
	assert_int_equal(latest->id, 42);

	assert_true(engine_close(&e, e.now, &err));
	store_close(st);
	char path[200];
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s%s", db, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void
test_review_comes_up_by_itself_until_dismissed(void **state)
{
	struct ft_config cfg = test_config("[review]\nday = sun\ntime = 10:00\n[time]\ntimezone = Europe/Paris\n");
	ft_ms before = T("2026-12-06T09:59:00+01:00");
	ft_ms at = T("2026-12-06T10:00:00+01:00");
	ft_ms evening = T("2026-12-06T21:00:00+01:00");
	ft_ms monday = T("2026-12-07T08:00:00+01:00");
	int64_t week = cal_week_of(at);
	assert_false(live_review_due(&cfg, before, false, INT64_MIN));
	assert_true(live_review_due(&cfg, at, false, INT64_MIN));
	assert_true(live_review_due(&cfg, evening, false, INT64_MIN));
	assert_false(live_review_due(&cfg, evening, true, INT64_MIN));  /* reviewed */
	assert_false(live_review_due(&cfg, evening, false, week));      /* dismissed */
	assert_false(live_review_due(&cfg, monday, false, week));       /* a new week */
	assert_true(live_review_due(&cfg, T("2026-12-13T10:00:00+01:00"), false, week));

	/* It waits for the meal in progress to end (SPEC §6), and does not
	 * come over a hug or what the family is busy with. */
	struct live_pick p = { .current = UI_GLANCE, .review_due = true, .session_open = true };
	assert_int_equal(live_pick_screen(&p), UI_MEAL);
	p.session_open = false;
	assert_int_equal(live_pick_screen(&p), UI_REVIEW);
	p.user_active = true;
	p.current = UI_WALK;
	assert_int_equal(live_pick_screen(&p), UI_WALK);
	p.hug_running = true;
	assert_int_equal(live_pick_screen(&p), UI_HUG);
	p = (struct live_pick){ .current = UI_REVIEW, .walk_open = true };
	assert_int_equal(live_pick_screen(&p), UI_WALK);
	p.walk_open = false;
	assert_int_equal(live_pick_screen(&p), UI_GLANCE);
}

/* The settings screen's steps: goals stay in their range (a meal goal of
 * 1..21, walks 1..7 as they count by day), the review's day and time go
 * round, a language is one of those offered; values as the file takes them. */
static void
test_setting_steps_stay_in_range_and_go_round(void **state)
{
	struct ft_config cfg = test_config("[meal]\nweekly_goal = 21\n[walk]\nweekly_goal = 7\n"
					   "[review]\nday = sun\ntime = 23:45\n");
	char v[16];
	(void)state;
	assert_false(live_setting_step(&cfg, UI_SET_MEAL_GOAL, +1, v, sizeof(v)));
	assert_true(live_setting_step(&cfg, UI_SET_MEAL_GOAL, -1, v, sizeof(v)));
	assert_string_equal(v, "20");
	assert_false(live_setting_step(&cfg, UI_SET_WALK_GOAL, +1, v, sizeof(v)));
	assert_true(live_setting_step(&cfg, UI_SET_REVIEW_DAY, +1, v, sizeof(v)));
	assert_string_equal(v, "mon");
	/* 23:45 steps to the half hour: 00:00 next, 23:00 before */
	assert_true(live_setting_step(&cfg, UI_SET_REVIEW_TIME, +1, v, sizeof(v)));
	assert_string_equal(v, "00:00");
	assert_true(live_setting_step(&cfg, UI_SET_REVIEW_TIME, -1, v, sizeof(v)));
	assert_string_equal(v, "23:00");
	assert_true(live_setting_step(&cfg, UI_SET_LANGUAGE, 1, v, sizeof(v)));
	assert_string_equal(v, "fr");
	assert_false(live_setting_step(&cfg, UI_SET_LANGUAGE, 2, v, sizeof(v)));
	cfg = test_config("[walk]\nweekly_goal = 1\n");
	assert_false(live_setting_step(&cfg, UI_SET_WALK_GOAL, -1, v, sizeof(v)));
}

/* The week the review offers (issue 12, point 3): Sunday evening's review
 * is of the week then ending; until it comes, last week waits for its
 * review (on Monday the review shows last week, not the new empty one),
 * unless it was reviewed or nothing was logged that far back. */
static void
test_review_offers_last_week_until_it_is_reviewed(void **state)
{
	struct ft_config cfg = test_config("[time]\ntimezone = Europe/Paris\n"); /* sun 19:30 */
	int64_t w49 = cal_week_of(T("2026-12-02T12:00:00+01:00"));
	int64_t first = w49 - 10;
	/* Sunday 6 December: before 19:30 it is still week 48's turn */
	assert_int_equal(live_review_offered(&cfg, T("2026-12-06T19:29:00+01:00"), false, first), w49 - 1);
	assert_int_equal(live_review_offered(&cfg, T("2026-12-06T19:30:00+01:00"), false, first), w49);
	assert_int_equal(live_review_offered(&cfg, T("2026-12-06T23:59:00+01:00"), true, first), w49);
	/* Monday 7 December: week 49, not the new empty week 50 */
	ft_ms monday = T("2026-12-07T08:00:00+01:00");
	assert_int_equal(live_review_offered(&cfg, monday, false, first), w49);
	assert_int_equal(live_review_offered(&cfg, T("2026-12-10T21:00:00+01:00"), false, first), w49);
	/* once reviewed, the week in progress */
	assert_int_equal(live_review_offered(&cfg, monday, true, first), w49 + 1);
	/* a first week: nothing before it to review */
	assert_int_equal(live_review_offered(&cfg, monday, false, w49 + 1), w49 + 1);
	/* the review on Friday at 18:00: last week until Friday evening */
	struct ft_config fri = test_config("[review]\nday = fri\ntime = 18:00\n[time]\ntimezone = Europe/Paris\n");
	assert_int_equal(live_review_offered(&fri, T("2026-12-11T17:59:00+01:00"), false, first), w49);
	assert_int_equal(live_review_offered(&fri, T("2026-12-11T18:00:00+01:00"), false, first), w49 + 1);
}

/* The review's arrows: a week earlier, a week later, never before the
 * first week in the store nor after the week in progress. */
static void
test_review_arrows_stay_between_the_first_week_and_now(void **state)
{
	ft_ms now = T("2026-12-07T08:00:00+01:00");
	int64_t w50 = cal_week_of(now), first = w50 - 3;
	assert_int_equal(live_review_step(w50 - 1, -1, first, now), w50 - 2);
	assert_int_equal(live_review_step(w50 - 1, +1, first, now), w50);
	assert_int_equal(live_review_step(w50, +1, first, now), w50);       /* no week after now */
	assert_int_equal(live_review_step(first, -1, first, now), first);   /* nor before the first */
	assert_int_equal(live_review_step(first - 5, +1, first, now), first);
	assert_int_equal(live_review_step(w50, -1, w50, now), w50);         /* a first week */
	/* back and forth from last week returns to it */
	int64_t w = w50 - 1;
	for (int i = 0; i < 10; i++)
		w = live_review_step(w, -1, first, now);
	assert_int_equal(w, first);
	for (int i = 0; i < 2; i++)
		w = live_review_step(w, +1, first, now);
	assert_int_equal(w, w50 - 1);
}

/* Sunday evening (SPEC §6 default 19:30), after a meal in progress. */
static void
test_review_comes_up_on_sunday_evening_by_default(void **state)
{
	struct ft_config cfg = test_config("[time]\ntimezone = Europe/Paris\n");
	assert_false(live_review_due(&cfg, T("2026-12-06T10:00:00+01:00"), false, INT64_MIN));
	assert_false(live_review_due(&cfg, T("2026-12-06T19:29:59+01:00"), false, INT64_MIN));
	assert_true(live_review_due(&cfg, T("2026-12-06T19:30:00+01:00"), false, INT64_MIN));
	struct live_pick p = { .current = UI_GLANCE, .review_due = true, .session_open = true };
	assert_int_equal(live_pick_screen(&p), UI_MEAL);
	p.session_open = false;
	assert_int_equal(live_pick_screen(&p), UI_REVIEW);
}

/* The meal screen's status from the phones docked and the session: what
 * `screenshot --screen meal` shows comes from the same rule as the live
 * display, so a screenshot of a meal has its name chips. */
static void
test_meal_status_counts_the_phones_docked(void **state)
{
	struct ft_config cfg = test_config("[dock]\nnames = Anna Ben Chloé\n[time]\ntimezone = Europe/Paris\n");
	struct ui_model m = { .cfg = &cfg };
	live_meal_status(&cfg, T("2026-12-06T19:00:00+01:00"), &m);
	assert_int_equal(m.docked, 0);
	assert_int_equal(m.meal_status, UI_MEAL_NONE);

	/* one phone, no session: waiting for the second */
	m.slot_in[1] = true;
	live_meal_status(&cfg, T("2026-12-06T19:00:00+01:00"), &m);
	assert_int_equal(m.docked, 1);
	assert_int_equal(m.meal_status, UI_MEAL_WAITING);

	/* two, a session from 19:00 in the dinner window: it will count, then
	 * counts once it lasted min_duration (15 min) */
	m.slot_in[2] = true;
	m.session_open = true;
	m.session_start = T("2026-12-06T19:00:00+01:00");
	live_meal_status(&cfg, T("2026-12-06T19:10:00+01:00"), &m);
	assert_int_equal(m.docked, 2);
	assert_int_equal(m.meal_status, UI_MEAL_WILL_COUNT);
	assert_string_equal(m.meal_kind, "dinner");
	live_meal_status(&cfg, T("2026-12-06T19:15:00+01:00"), &m);
	assert_int_equal(m.meal_status, UI_MEAL_COUNTS);

	/* phones down at 16:00, outside every window: never "it counts" */
	m.session_start = T("2026-12-06T16:00:00+01:00");
	live_meal_status(&cfg, T("2026-12-06T16:30:00+01:00"), &m);
	assert_int_equal(m.meal_status, UI_MEAL_NOT_MEAL_TIME);
	/* past max_duration (3 h): left charging */
	m.session_start = T("2026-12-05T22:30:00+01:00");
	live_meal_status(&cfg, T("2026-12-06T07:00:00+01:00"), &m);
	assert_int_equal(m.meal_status, UI_MEAL_CHARGING);
}

/* The display names the cause of a store's failure, not the file's path
 * nor the call that failed (those go to the journal). */
static void
test_a_store_fault_is_said_by_its_cause(void **state)
{
	char out[160];
	const char *db = "/var/lib/familytable/familytable.db";
	live_fault_cause("/var/lib/familytable/familytable.db: the disk is full (commit)", db, out,
			 sizeof(out));
	assert_string_equal(out, "the disk is full");
	live_fault_cause("/var/lib/familytable/familytable.db: the database is locked by another program "
			 "(begin); nothing was lost, try again when it is done", db, out, sizeof(out));
	assert_string_equal(out, "the database is locked by another program");
	live_fault_cause("/var/lib/familytable/familytable.db: the database is read-only (open: the file "
			 "system is mounted read-only)", db, out, sizeof(out));
	assert_string_equal(out, "the database is read-only");
	/* another file's message keeps its name; a message with nothing before
	 * its parenthesis is kept whole */
	live_fault_cause("/tmp/other.db: the disk is full (commit)", db, out, sizeof(out));
	assert_string_equal(out, "/tmp/other.db: the disk is full");
	live_fault_cause("(what)", db, out, sizeof(out));
	assert_string_equal(out, "(what)");
	live_fault_cause("/var/lib/familytable/familytable.db: the disk is full (commit)", db, out, 9);
	assert_string_equal(out, "the disk");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setting_steps_stay_in_range_and_go_round),
		cmocka_unit_test(test_it_runs_only_while_both_circles_are_held),
		cmocka_unit_test(test_a_tap_on_the_ring_starts_pauses_and_goes_on),
		cmocka_unit_test(test_reset_leaves_a_running_hug_alone),
		cmocka_unit_test(test_night_range_wraps_midnight_or_not),
		cmocka_unit_test(test_undo_takes_a_hug_back_for_ten_minutes),
		cmocka_unit_test(test_review_comes_up_by_itself_until_dismissed),
		cmocka_unit_test(test_meal_status_counts_the_phones_docked),
		cmocka_unit_test(test_review_offers_last_week_until_it_is_reviewed),
		cmocka_unit_test(test_review_arrows_stay_between_the_first_week_and_now),
		cmocka_unit_test(test_review_comes_up_on_sunday_evening_by_default),
		cmocka_unit_test(test_a_store_fault_is_said_by_its_cause),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
