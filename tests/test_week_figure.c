/*
 * test_week_figure.c - each week's figures kept in the store (week_figure,
 * store_schema.c) say what the rows say: after any mix of writes, removals,
 * undos and late entries; as of an earlier instant; in a file an older
 * familytable left; and a report reads the rows of its own week only, so
 * it does not grow with the years (issue 8).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "correct.h"
#include "habits.h"
#include "report.h"
#include "store.h"
#include "test.h"

static const char *paris = "[dock]\nnames = Anna Ben Chloé\n[time]\ntimezone = Europe/Paris\n";

/* Monday 6 January 2025, midnight in Paris: the first week of the data. */
#define START "2025-01-06T00:00:00+01:00"

static unsigned rnd_state;

static int
rnd(int n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (int)((rnd_state >> 16) % (unsigned)n);
}

static int64_t
add_meal(struct store *st, const struct ft_config *cfg, ft_ms start, ft_ms length,
	 enum session_class cls, const char *kind)
{
	struct session s = {.start = start, .end = start + length, .phones = 2, .members = 3u,
			    .cls = cls};
	struct ft_error err;
	int64_t id;
	s.date = cal_day_of(start);
	if (cls == SESSION_MEAL)
		snprintf(s.kind, sizeof(s.kind), "%s", kind);
	assert_true(store_add_session(st, &s, cfg, &id, &err));
	return id;
}

/* The history as of AT, from week_figure as it stands. */
static void
load(struct store *st, ft_ms at, struct history *h)
{
	struct ft_error err;
	assert_true(store_load_history(st, at, h, &err));
}

static void
assert_same_weeks(const struct history *a, const struct history *b)
{
	assert_int_equal(a->first_day, b->first_day);
	assert_int_equal(a->first_week, b->first_week);
	assert_int_equal(a->nweeks, b->nweeks);
	for (size_t i = 0; i < a->nweeks; i++) {
		const struct history_week *x = &a->weeks[i], *y = &b->weeks[i];
		assert_int_equal(x->meals, y->meals);
		assert_int_equal(x->hugs, y->hugs);
		for (int d = 0; d < 7; d++)
			assert_int_equal(x->walk_longest[d], y->walk_longest[d]);
	}
}

/* Weeks' figures as of each of the instants AT, through the table, then
 * with every row of the table marked as ending after them, which makes
 * the store figure every week again from its rows: the same figures. */
static void
assert_table_matches_rows(struct store *st, const char *path, const ft_ms *at, int n)
{
	struct history cached[8];
	assert_true(n <= 8);
	for (int i = 0; i < n; i++)
		load(st, at[i], &cached[i]);
	test_exec_sql(path, "CREATE TABLE keep AS SELECT * FROM week_figure;"
		       " UPDATE week_figure SET last_ms = 9000000000000000000");
	for (int i = 0; i < n; i++) {
		struct history rows;
		load(st, at[i], &rows);
		assert_same_weeks(&cached[i], &rows);
		history_free(&rows);
		history_free(&cached[i]);
	}
	test_exec_sql(path, "UPDATE week_figure SET last_ms = (SELECT k.last_ms FROM keep AS k"
		       " WHERE k.week = week_figure.week); DROP TABLE keep");
}

/* Forty weeks of meals (two sessions of one dinner, other classes), walks
 * long and short, several hugs a day and calls; some removed, some
 * removed and put back, some logged late into old weeks. */
static void
test_figures_match_the_rows_through_any_writes(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct test_db db;
	struct ft_error err;
	test_db_open(&db, "weekfig");
	rnd_state = 20261130u;
	ft_ms start = T(START);
	int64_t ids[1200];
	enum store_kind kinds[1200];
	int nids = 0;
	for (int day = 0; day < 280; day++) {
		ft_ms midnight = start + (ft_ms)day * FT_DAY;
		if (rnd(3) > 0) {
			ft_ms dinner = midnight + 19 * FT_HOUR + rnd(60) * FT_MINUTE;
			ids[nids] = add_meal(db.st, &cfg, dinner, 40 * FT_MINUTE, SESSION_MEAL, "dinner");
			kinds[nids++] = STORE_SESSION;
			if (rnd(4) == 0) /* a second session of the same dinner */
				add_meal(db.st, &cfg, dinner + 50 * FT_MINUTE, 30 * FT_MINUTE, SESSION_MEAL,
					 "dinner");
		}
		if (rnd(4) == 0)
			add_meal(db.st, &cfg, midnight + 12 * FT_HOUR, 35 * FT_MINUTE, SESSION_MEAL, "lunch");
		if (rnd(5) == 0)
			add_meal(db.st, &cfg, midnight + 15 * FT_HOUR, 25 * FT_MINUTE, SESSION_PHONES_DOWN, "");
		for (int w = rnd(3); w > 0; w--) {
			ft_ms s = midnight + (8 + rnd(10)) * FT_HOUR;
			assert_true(store_add_walk(db.st, s, s + (5 + rnd(40)) * FT_MINUTE, cal_day_of(s),
						   &ids[nids], &err));
			kinds[nids++] = STORE_WALK;
		}
		for (int k = rnd(3); k > 0; k--) {
			ft_ms t = midnight + (7 + rnd(14)) * FT_HOUR;
			assert_true(store_add_hug(db.st, t, cal_day_of(t), &ids[nids], &err));
			kinds[nids++] = STORE_HUG;
		}
		if (rnd(6) == 0)
			assert_true(store_add_call(db.st, midnight + 18 * FT_HOUR, day + cal_day_of(start), 1,
						   "Grandma", NULL, &err));
		if (nids > 1180)
			break;
	}
	ft_ms end = start + 280 * FT_DAY;
	/* removals, and removals put back (corrections, as the family makes
	 * them), anywhere in the forty weeks */
	for (int i = 0; i < 30; i++) {
		int k = rnd(nids);
		if (ids[k] < 0)
			continue;
		int64_t fix;
		bool found;
		assert_true(store_fix_remove(db.st, kinds[k], ids[k], end, &fix, &found, &err));
		assert_true(found);
		if (i % 3 == 0)
			assert_true(store_fix_undo(db.st, fix, end + 1, &err));
		else
			ids[k] = -1;
	}
	for (int i = 0; i < 10; i++) {
		int k = rnd(nids);
		if (ids[k] >= 0 && store_delete(db.st, kinds[k], ids[k], &err))
			ids[k] = -1;
	}
	/* late entries in old weeks: a walk added after the fact, a meal
	 * whose session was written late */
	assert_true(store_fix_add_walk(db.st, start + 3 * FT_DAY + 9 * FT_HOUR,
				       start + 3 * FT_DAY + 10 * FT_HOUR, cal_day_of(start) + 3, end, NULL,
				       &err));
	add_meal(db.st, &cfg, start + 10 * FT_DAY + 13 * FT_HOUR, 30 * FT_MINUTE, SESSION_MEAL, "lunch");
	/* as of the end, of the middle of a week, of an instant between two
	 * rows of one day, and of before anything */
	const ft_ms at[] = {end, start + 100 * FT_DAY + 12 * FT_HOUR + 17 * FT_MINUTE,
			    start + 150 * FT_DAY + 19 * FT_HOUR + 30 * FT_MINUTE, start - 1};
	assert_table_matches_rows(db.st, db.path, at, (int)FT_ARRAY_LEN(at));
	/* and the table holds something to compare: meals, walks, hugs */
	assert_true(test_query_int(db.path, "SELECT count(*) FROM week_figure") >= 39);
	assert_true(test_query_int(db.path, "SELECT sum(meals) FROM week_figure") > 150);
	assert_true(test_query_int(db.path, "SELECT count(*) FROM week_figure WHERE walks != ''") > 30);
	assert_true(test_query_int(db.path, "SELECT count(*) FROM week_figure WHERE hugs != 0") > 30);
	test_db_close(&db);
}

/* A meal removed in a week three weeks back (a correction), then put back;
 * a walk logged late into a week long gone: the figures of those weeks
 * follow, as the report's history of weeks shows them. */
static void
test_a_correction_or_a_late_entry_in_an_old_week_changes_its_figures(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct test_db db;
	struct ft_error err;
	test_db_open(&db, "weekfig");
	ft_ms now = T("2026-12-03T20:00:00+01:00");
	int64_t old = cal_week_of(now) - 3;
	ft_ms monday = cal_week_start(old);
	int64_t dinner = add_meal(db.st, &cfg, monday + 19 * FT_HOUR, 40 * FT_MINUTE, SESSION_MEAL,
				  "dinner");
	add_meal(db.st, &cfg, monday + FT_DAY + 19 * FT_HOUR, 40 * FT_MINUTE, SESSION_MEAL, "dinner");
	struct report r;
	int i = REPORT_HISTORY_WEEKS - 1 - 3; /* OLD in the report's weeks */
	assert_true(report_build(db.st, &cfg, now, &r, &err));
	assert_int_equal(r.history_meals[i], 2);
	report_free(&r);
	int64_t fix;
	assert_int_equal(correct_remove(db.st, STORE_SESSION, dinner, now, &fix, &err), 0);
	assert_true(report_build(db.st, &cfg, now, &r, &err));
	assert_int_equal(r.history_meals[i], 1);
	report_free(&r);
	assert_int_equal(correct_undo(db.st, fix, now + 1, &err), 0);
	assert_true(report_build(db.st, &cfg, now, &r, &err));
	assert_int_equal(r.history_meals[i], 2);
	report_free(&r);
	/* a walk of 40 minutes dated 40 weeks back, written today */
	ft_ms long_ago = cal_week_start(cal_week_of(now) - 40) + 2 * FT_DAY + 10 * FT_HOUR;
	assert_true(store_add_walk(db.st, long_ago, long_ago + 40 * FT_MINUTE, cal_day_of(long_ago), NULL,
				   &err));
	assert_true(report_build(db.st, &cfg, now, &r, &err));
	assert_int_equal(r.year_walks[REPORT_YEAR_WEEKS - 1 - 40], 1);
	report_free(&r);
	test_db_close(&db);
}

/* As of Tuesday, a week whose Wednesday dinner and hug came later counts
 * only Monday's: its row in the table ends after T, so it is figured
 * again from the rows that ended by T. */
static void
test_as_of_an_earlier_instant_a_week_counts_what_ended_by_then(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct test_db db;
	struct ft_error err;
	test_db_open(&db, "weekfig");
	ft_ms monday = T("2026-11-30T00:00:00+01:00");
	add_meal(db.st, &cfg, monday + 19 * FT_HOUR, 40 * FT_MINUTE, SESSION_MEAL, "dinner");
	add_meal(db.st, &cfg, monday + 2 * FT_DAY + 19 * FT_HOUR, 40 * FT_MINUTE, SESSION_MEAL, "dinner");
	assert_true(store_add_hug(db.st, monday + 2 * FT_DAY + 8 * FT_HOUR, cal_day_of(monday) + 2, NULL,
				  &err));
	struct history h;
	int64_t week = cal_week_of(monday);
	load(db.st, monday + FT_DAY + 12 * FT_HOUR, &h);
	assert_int_equal(habits_meal_count(&h, week), 1);
	assert_int_equal(habits_hug_days(&h, week), 0);
	history_free(&h);
	/* the dinner ends at 19:40 on Wednesday: at 19:39 it is not there yet */
	load(db.st, monday + 2 * FT_DAY + 19 * FT_HOUR + 39 * FT_MINUTE, &h);
	assert_int_equal(habits_meal_count(&h, week), 1);
	assert_int_equal(habits_hug_days(&h, week), 1);
	history_free(&h);
	load(db.st, monday + 7 * FT_DAY, &h);
	assert_int_equal(habits_meal_count(&h, week), 2);
	history_free(&h);
	test_db_close(&db);
}

/* A file from before the table (schema 5) gets every week figured when it
 * is opened, the same as the rows say. */
static void
test_a_version_5_file_gets_its_weeks_figured(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct test_db db;
	struct ft_error err;
	test_db_open(&db, "weekfig");
	ft_ms start = T(START);
	for (int day = 0; day < 60; day += 2) {
		add_meal(db.st, &cfg, start + day * FT_DAY + 19 * FT_HOUR, 40 * FT_MINUTE, SESSION_MEAL,
			 "dinner");
		ft_ms s = start + day * FT_DAY + 9 * FT_HOUR;
		assert_true(store_add_walk(db.st, s, s + (10 + day) * FT_MINUTE, cal_day_of(s), NULL, &err));
		assert_true(store_add_hug(db.st, s, cal_day_of(s), NULL, &err));
	}
	store_close(db.st);
	test_exec_sql(db.path, DROP_WEEK_FIGURES "PRAGMA user_version = 5");
	assert_non_null(db.st = store_open(db.path, &err));
	assert_int_equal(test_query_int(db.path, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(test_query_int(db.path, "SELECT count(*) FROM week_figure"), 9);
	assert_int_equal(test_query_int(db.path, "SELECT sum(meals) FROM week_figure"), 30);
	const ft_ms at[] = {start + 70 * FT_DAY, start + 30 * FT_DAY + 12 * FT_HOUR};
	assert_table_matches_rows(db.st, db.path, at, (int)FT_ARRAY_LEN(at));
	test_db_close(&db);
}

/* Three years of dinners, walks and hugs: the history of now holds every
 * week's figures, but only the rows of this week (and the Sunday before),
 * whatever the years behind it. */
static void
test_the_history_reads_one_week_of_rows_after_years(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct test_db db;
	struct ft_error err;
	test_db_open(&db, "weekfig");
	ft_ms start = T(START);
	int days = 3 * 365;
	assert_true(store_begin(db.st, &err));
	for (int day = 0; day < days; day++) {
		ft_ms t = start + day * FT_DAY;
		add_meal(db.st, &cfg, t + 19 * FT_HOUR, 40 * FT_MINUTE, SESSION_MEAL, "dinner");
		assert_true(store_add_walk(db.st, t + 9 * FT_HOUR, t + 10 * FT_HOUR, cal_day_of(t), NULL, &err));
		assert_true(store_add_hug(db.st, t + 8 * FT_HOUR, cal_day_of(t), NULL, &err));
	}
	assert_true(store_commit(db.st, &err));
	ft_ms now = start + (days - 3) * FT_DAY + 22 * FT_HOUR; /* a Thursday night */
	struct history h;
	load(db.st, now, &h);
	assert_true(h.nweeks >= 156);
	assert_true(h.nmeals <= 8);
	assert_true(h.nwalks <= 8);
	assert_true(h.nhug_days <= 8);
	/* as of "ever" (the first boot's question, was anything logged): the
	 * weeks up to the last with something in it, not every week to come */
	struct history ever;
	load(db.st, FT_MS_NEVER - 1, &ever);
	assert_int_equal(ever.first_day, cal_day_of(start));
	assert_int_equal(ever.first_week + (int64_t)ever.nweeks - 1, cal_week_of(start + (days - 1) * FT_DAY));
	history_free(&ever);
	/* and the figures are all there: every week before this one met */
	struct streak s = habits_streak(&h, &cfg, HABIT_MEALS);
	assert_true(s.best >= 156);
	assert_int_equal(habits_hug_streak(&h).current, days - 2);
	history_free(&h);
	test_db_close(&db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures_match_the_rows_through_any_writes),
		cmocka_unit_test(test_a_correction_or_a_late_entry_in_an_old_week_changes_its_figures),
		cmocka_unit_test(test_as_of_an_earlier_instant_a_week_counts_what_ended_by_then),
		cmocka_unit_test(test_a_version_5_file_gets_its_weeks_figured),
		cmocka_unit_test(test_the_history_reads_one_week_of_rows_after_years),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
