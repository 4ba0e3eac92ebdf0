/*
 * test_live_review.c - the review in the live module (issue 12, point 3),
 * driven as app.c drives it (tests/live_loop.h), on a real store: it
 * offers last week on Monday until that week is reviewed; the arrows go
 * back to the first week in the store and on to the week in progress
 * (a swipe too),
 * never further; a button says what it did ("Reviewed ✓") only once the
 * store holds it, and a write that fails changes no button.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "live_fixture.h"
#include "report.h"
#include "store.h"

static const char *const conf = "[dock]\nnames = Anna Ben\n[time]\ntimezone = Europe/Paris\n";

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ft-test-review-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	fx->cfg = test_config(conf);
	/* a hug in each of the three weeks before Monday 7 December: the
	 * first week in the store is the one of 17 November */
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	if (!st)
		return -1;
	static const char *const hugs[] = { "2026-11-17T08:00:00+01:00", "2026-11-24T08:00:00+01:00",
					    "2026-12-01T08:00:00+01:00" };
	for (size_t i = 0; i < FT_ARRAY_LEN(hugs); i++) {
		int64_t id;
		ft_ms t = T(hugs[i]);
		if (!store_add_hug(st, t, cal_day_of(t), &id, &err))
			return -1;
	}
	store_close(st);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	if (fx->lp.live)
		loop_close(&fx->lp);
	char path[256];
	static const char *const files[] = { "family.db", "family.db-wal", "family.db-shm",
					     "family.db-journal" };
	for (size_t i = 0; i < FT_ARRAY_LEN(files); i++) {
		snprintf(path, sizeof(path), "%s/%s", fx->dir, files[i]);
		unlink(path);
	}
	rmdir(fx->dir);
	free(fx);
	return 0;
}

/* The week the review shows, as its report says. */
static int64_t
shown(struct loop *a)
{
	struct ui_model m = model(a);
	assert_int_equal(m.review ? m.review->week : m.report->week, m.review_week);
	return m.review_week;
}

static bool
reviewed_in_store(const char *db, int64_t week)
{
	struct ft_error err;
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	bool reviewed = false;
	assert_true(store_is_reviewed(st, week, &reviewed, &err));
	store_close(st);
	return reviewed;
}

static void
test_monday_offers_last_week_and_the_arrows_browse_back_to_the_first(void **state)
{
	struct fixture *fx = *state;
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-07T08:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	int64_t w50 = cal_week_of(T("2026-12-07T08:00:00+01:00")), w49 = w50 - 1, first = w50 - 3;
	loop_tap(a, UI_ACT_GO_REVIEW, 0);
	assert_int_equal(live_screen(a->live), UI_REVIEW);
	/* Monday: last week, not the new empty one, and its marks act */
	assert_int_equal(shown(a), w49);
	assert_true(model(a).review_offered);
	assert_int_equal(model(a).review->hug_days, 1);
	assert_true(model(a).review_earlier);
	assert_true(model(a).review_later);
	assert_true(loop_shows(a, "Week reviewed"));

	/* back, week by week, to the first week in the store and no further */
	loop_tap(a, UI_ACT_REVIEW_WEEK, -1);
	assert_int_equal(shown(a), w49 - 1);
	assert_false(model(a).review_offered);
	assert_true(loop_shows(a, "Back to week 49"));
	loop_tap(a, UI_ACT_REVIEW_WEEK, -1);
	assert_int_equal(shown(a), first);
	assert_false(model(a).review_earlier);
	int x, y;
	assert_false(loop_target(a, UI_ACT_REVIEW_WEEK, -1, &x, &y)); /* no arrow left */
	live_action(a->live, UI_ACT_REVIEW_WEEK, -1, a->mono);       /* nor a step */
	loop_step(a);
	assert_int_equal(shown(a), first);
	/* its pages show that week too */
	loop_tap(a, UI_ACT_GO_YEAR, 0);
	assert_int_equal(live_screen(a->live), UI_YEAR);
	assert_int_equal(shown(a), first);
	loop_tap(a, UI_ACT_GO_REVIEW, 0);
	assert_int_equal(shown(a), first);

	/* a swipe to the left: the week after, as the arrow; to the right:
	 * none before the first; a short or mostly downward one: nothing */
	loop_finger(a, 3, true, 600, 240);
	loop_finger(a, 3, false, 300, 260);
	assert_int_equal(shown(a), first + 1);
	loop_finger(a, 3, true, 200, 240);
	loop_finger(a, 3, false, 500, 250);
	assert_int_equal(shown(a), first);
	loop_finger(a, 3, true, 200, 240);
	loop_finger(a, 3, false, 500, 250);
	assert_int_equal(shown(a), first);
	loop_finger(a, 3, true, 600, 100);
	loop_finger(a, 3, false, 500, 400);
	assert_int_equal(shown(a), first);
	loop_finger(a, 3, true, 600, 240);
	loop_finger(a, 3, false, 540, 240);
	assert_int_equal(shown(a), first);

	/* on to the week in progress, and no further */
	loop_tap(a, UI_ACT_REVIEW_WEEK, 0);
	assert_int_equal(shown(a), w49);
	loop_tap(a, UI_ACT_REVIEW_WEEK, 1);
	assert_int_equal(shown(a), w50);
	assert_false(model(a).review_later);
	assert_false(loop_target(a, UI_ACT_REVIEW_WEEK, 1, &x, &y));
	live_action(a->live, UI_ACT_REVIEW_WEEK, 1, a->mono);
	loop_step(a);
	assert_int_equal(shown(a), w50);

	/* closed and opened again: the week up for review */
	loop_tap(a, UI_ACT_REVIEW_CLOSE, 0);
	loop_tap(a, UI_ACT_GO_REVIEW, 0);
	assert_int_equal(shown(a), w49);

	/* reviewed: the store holds it, and only then the button says so */
	assert_false(reviewed_in_store(fx->db, w49));
	loop_tap(a, UI_ACT_REVIEW_DONE, 0);
	assert_true(reviewed_in_store(fx->db, w49));
	assert_int_equal(shown(a), w49);
	assert_true(model(a).reviewed);
	assert_true(loop_shows(a, "Reviewed ✓"));
	/* the next time it opens, the week in progress is up for review */
	loop_tap(a, UI_ACT_REVIEW_CLOSE, 0);
	loop_tap(a, UI_ACT_GO_REVIEW, 0);
	assert_int_equal(shown(a), w50);
	assert_true(model(a).review_offered);
	assert_false(model(a).reviewed);
}

static void
test_a_button_says_what_it_did_only_once_the_store_holds_it(void **state)
{
	struct fixture *fx = *state;
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-06T20:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	int64_t w49 = cal_week_of(T("2026-12-06T20:00:00+01:00"));
	/* Sunday evening: it came up by itself, for this week */
	assert_int_equal(live_screen(a->live), UI_REVIEW);
	assert_int_equal(shown(a), w49);

	/* another connection holds the write lock: nothing is written, and
	 * no button claims otherwise */
	sqlite3 *lock = NULL;
	assert_int_equal(sqlite3_open(fx->db, &lock), SQLITE_OK);
	assert_int_equal(sqlite3_exec(lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	loop_tap(a, UI_ACT_REVIEW_RITUALS, 0);
	assert_false(model(a).rituals_confirmed);
	assert_true(loop_shows(a, "Keep our rituals"));
	loop_tap(a, UI_ACT_REVIEW_DONE, 0);
	assert_false(model(a).reviewed);
	assert_true(loop_shows(a, "Week reviewed"));
	assert_int_equal(sqlite3_exec(lock, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(lock);

	/* written: each says what it did */
	loop_tap(a, UI_ACT_REVIEW_RITUALS, 0);
	assert_true(model(a).rituals_confirmed);
	assert_true(loop_shows(a, "Rituals set ✓"));
	loop_tap(a, UI_ACT_REVIEW_AWAY, 0);
	assert_int_equal(model(a).confirm, UI_CONFIRM_AWAY);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_true(model(a).next_away);
	assert_true(loop_shows(a, "Next week: away ✓"));
	/* taken back without a question */
	loop_tap(a, UI_ACT_REVIEW_AWAY, 0);
	assert_false(model(a).next_away);
	assert_true(loop_shows(a, "Next week away"));
	loop_tap(a, UI_ACT_REVIEW_DONE, 0);
	assert_true(model(a).reviewed);
	assert_true(loop_shows(a, "Reviewed ✓"));
	assert_true(reviewed_in_store(fx->db, w49));
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_monday_offers_last_week_and_the_arrows_browse_back_to_the_first,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_button_says_what_it_did_only_once_the_store_holds_it,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
