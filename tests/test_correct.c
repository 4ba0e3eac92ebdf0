/*
 * test_correct.c - mistakes put right after the fact: a walk added with its
 * start and length, this week marked away or not, any entry of the last
 * four weeks removed; every correction logged, undoable (once), and in
 * export --csv; nothing older than four weeks, nothing in the future.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "correct.h"
#include "habits.h"
#include "store.h"
#include "test.h"

struct fixture {
	struct test_db db;
	struct store *st;  /* db's */
	const char *path;  /* db's */
	struct ft_config cfg;
};

/* Thursday 3 December 2026, 20:00 in Paris: 2026-W49 is this week, the
 * last four weeks (W46..W49) run from Monday 9 November. */
#define NOW "2026-12-03T20:00:00+01:00"

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	test_db_open(&f->db, "correct");
	f->st = f->db.st;
	f->path = f->db.path;
	f->cfg = test_config("[dock]\nnames = Anna Ben Chloé\n[time]\ntimezone = Europe/Paris\n");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	test_db_close(&f->db);
	free(f);
	return 0;
}

static long long
count(struct fixture *f, const char *sql)
{
	return test_query_int(f->path, sql);
}

/* Counted walks (SPEC §3) in the week of T, as of NOW. */
static int
walks_in_week_of(struct fixture *f, ft_ms t)
{
	struct history h;
	struct ft_error err;
	assert_true(store_load_history(f->st, T(NOW), &h, &err));
	int n = habits_walk_count(&h, &f->cfg, cal_week_of(t), NULL);
	history_free(&h);
	return n;
}

static int64_t
log_dinner(struct fixture *f, const char *start)
{
	struct session s = {.start = T(start), .end = T(start) + 40 * FT_MINUTE, .phones = 2,
			    .members = 0x5, .cls = SESSION_MEAL};
	struct ft_error err;
	int64_t id;
	s.date = cal_day_of(s.start);
	strcpy(s.kind, "dinner");
	assert_true(store_add_session(f->st, &s, &f->cfg, &id, &err));
	return id;
}

/* The export as text. */
static char *
export(struct fixture *f)
{
	char *text = NULL;
	size_t len = 0;
	struct ft_error err;
	FILE *out = open_memstream(&text, &len);
	assert_true(store_export_csv(f->st, &f->cfg, out, &err));
	fclose(out);
	return text;
}

/* ---- a walk added after the fact ---- */

static void
test_a_forgotten_walk_is_added_counted_logged_and_undone(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t fix;
	ft_ms start = T("2026-12-01T17:00:00+01:00");
	assert_int_equal(walks_in_week_of(f, start), 0);
	assert_int_equal(correct_add_walk(f->st, start, 45 * FT_MINUTE, T(NOW), &fix, &err), FT_EXIT_OK);
	assert_int_equal(walks_in_week_of(f, start), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM correction WHERE action = 'add'"), 1);

	struct store_correction c;
	bool found;
	assert_true(store_correction(f->st, fix, &c, &found, &err));
	assert_true(found);
	assert_int_equal(c.action, STORE_FIX_ADD);
	assert_int_equal(c.made, T(NOW));
	assert_int_equal(c.undone, -1);
	assert_int_equal(c.entry.start, start);
	assert_int_equal(c.entry.end, start + 45 * FT_MINUTE);
	assert_string_equal(c.entry.record, "walk");

	assert_int_equal(correct_undo(f->st, fix, T(NOW) + FT_MINUTE, &err), FT_EXIT_OK);
	assert_int_equal(walks_in_week_of(f, start), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM walk"), 0);
	/* still in the log, marked undone; and only once */
	assert_true(store_correction(f->st, fix, &c, &found, &err));
	assert_int_equal(c.undone, T(NOW) + FT_MINUTE);
	assert_int_equal(correct_undo(f->st, fix, T(NOW) + 2 * FT_MINUTE, &err), FT_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "already undone"));
	assert_int_equal(correct_undo(f->st, 999, T(NOW), &err), FT_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "no such correction"));
}

static void
test_a_walk_that_cannot_be_is_refused_and_nothing_written(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t fix;
	/* no length */
	assert_int_equal(correct_add_walk(f->st, T("2026-12-01T17:00:00+01:00"), 0, T(NOW), &fix, &err),
			 FT_EXIT_USAGE);
	/* not over yet: 19:30 + 45 min is after 20:00 */
	assert_int_equal(correct_add_walk(f->st, T("2026-12-03T19:30:00+01:00"), 45 * FT_MINUTE, T(NOW),
					  &fix, &err),
			 FT_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "ended by now"));
	/* Sunday 8 November is in the fifth week back */
	assert_int_equal(correct_add_walk(f->st, T("2026-11-08T23:50:00+01:00"), 30 * FT_MINUTE, T(NOW),
					  &fix, &err),
			 FT_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "from 2026-11-09"));
	/* Monday 9 November, the first day of the four weeks, is fine */
	assert_int_equal(correct_add_walk(f->st, T("2026-11-09T00:10:00+01:00"), 30 * FT_MINUTE, T(NOW),
					  &fix, &err),
			 FT_EXIT_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM walk"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM correction"), 1);
}

/* ---- removing an entry ---- */

static void
test_any_entry_of_the_last_four_weeks_is_removed_and_put_back(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t hug, tap, walk, fixes[4];
	int64_t dinner = log_dinner(f, "2026-11-18T19:00:00+01:00");
	assert_true(store_add_hug(f->st, T("2026-12-02T08:00:00+01:00"), cal_day_of(T("2026-12-02T08:00:00+01:00")),
				  &hug, &err));
	assert_true(store_add_tap(f->st, T("2026-12-01T18:00:00+01:00"), cal_day_of(T("2026-12-01T18:00:00+01:00")),
				  "call", &tap, &err));
	assert_true(store_add_walk(f->st, T("2026-11-29T10:00:00+01:00"), T("2026-11-29T10:30:00+01:00"),
				   cal_day_of(T("2026-11-29T10:00:00+01:00")), &walk, &err));

	struct store_entry *rows;
	size_t n;
	assert_true(correct_history(f->st, T(NOW), &rows, &n, &err));
	assert_int_equal(n, 4);
	/* newest first */
	assert_int_equal(rows[0].kind, STORE_HUG);
	assert_int_equal(rows[3].kind, STORE_SESSION);
	assert_string_equal(rows[3].record, "meal");
	assert_string_equal(rows[3].detail, "dinner");
	assert_string_equal(rows[1].detail, "call");
	free(rows);

	assert_int_equal(correct_remove(f->st, STORE_SESSION, dinner, T(NOW), &fixes[0], &err), FT_EXIT_OK);
	assert_int_equal(correct_remove(f->st, STORE_HUG, hug, T(NOW), &fixes[1], &err), FT_EXIT_OK);
	assert_int_equal(correct_remove(f->st, STORE_TAP, tap, T(NOW), &fixes[2], &err), FT_EXIT_OK);
	assert_int_equal(correct_remove(f->st, STORE_WALK, walk, T(NOW), &fixes[3], &err), FT_EXIT_OK);
	assert_int_equal(count(f, "SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM hug)"
				  " + (SELECT count(*) FROM tap) + (SELECT count(*) FROM walk)"
				  " + (SELECT count(*) FROM session_member)"),
			 0);
	/* removed already: nothing to remove */
	assert_int_equal(correct_remove(f->st, STORE_HUG, hug, T(NOW), NULL, &err), FT_EXIT_USAGE);

	for (int i = 0; i < 4; i++)
		assert_int_equal(correct_undo(f->st, fixes[i], T(NOW), &err), FT_EXIT_OK);
	/* every row is back as it was: same id, same members */
	assert_int_equal(count(f, "SELECT count(*) FROM session WHERE class = 'meal' AND kind = 'dinner'"
				  " AND phones = 2"),
			 1);
	struct store_session *ss;
	assert_true(store_sessions(f->st, 0, 100000, T(NOW), &ss, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(ss[0].id, dinner);
	assert_int_equal(ss[0].nmembers, 2);
	assert_string_equal(ss[0].members[0], "Anna");
	assert_string_equal(ss[0].members[1], "Chloé");
	store_free_sessions(ss);
	assert_int_equal(count(f, "SELECT id FROM hug"), hug);
	assert_int_equal(count(f, "SELECT count(*) FROM tap WHERE kind = 'call'"), 1);
	assert_int_equal(count(f, "SELECT end_ms - start_ms FROM walk"), 30 * FT_MINUTE);
}

static void
test_an_entry_older_than_four_weeks_is_not_removed(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t old = log_dinner(f, "2026-11-08T19:00:00+01:00");
	int64_t kept = log_dinner(f, "2026-11-09T19:00:00+01:00");
	assert_int_equal(correct_remove(f->st, STORE_SESSION, old, T(NOW), NULL, &err), FT_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "last 4 weeks"));
	assert_int_equal(count(f, "SELECT count(*) FROM session"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM correction"), 0);
	/* the first day of the four weeks is in */
	assert_int_equal(correct_remove(f->st, STORE_SESSION, kept, T(NOW), NULL, &err), FT_EXIT_OK);
}

static void
test_undo_of_a_removal_whose_id_was_taken_uses_a_new_one(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t fix, again, walk;
	assert_int_equal(correct_add_walk(f->st, T("2026-12-01T10:00:00+01:00"), 30 * FT_MINUTE, T(NOW),
					  NULL, &err),
			 FT_EXIT_OK);
	walk = count(f, "SELECT id FROM walk");
	assert_int_equal(correct_remove(f->st, STORE_WALK, walk, T(NOW), &fix, &err), FT_EXIT_OK);
	/* SQLite hands the freed id to the next walk */
	assert_true(store_add_walk(f->st, T("2026-12-02T10:00:00+01:00"), T("2026-12-02T11:00:00+01:00"),
				   cal_day_of(T("2026-12-02T10:00:00+01:00")), &again, &err));
	assert_int_equal(again, walk);
	assert_int_equal(correct_undo(f->st, fix, T(NOW), &err), FT_EXIT_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM walk"), 2);
	struct store_correction c;
	bool found;
	assert_true(store_correction(f->st, fix, &c, &found, &err));
	assert_true(c.entry.id != walk);
	assert_int_equal(count(f, "SELECT count(*) FROM walk WHERE id = (SELECT target_id FROM correction"
				  " WHERE action = 'remove')"),
			 1);
}

/* ---- away ---- */

static void
test_this_week_is_marked_away_and_back_and_undone(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t week = cal_week_of(T(NOW)), fix, off;
	bool away;
	assert_int_equal(correct_set_away(f->st, week, true, T(NOW), &fix, &err), FT_EXIT_OK);
	assert_true(store_get_mark(f->st, STORE_MARK_AWAY, week, &away, &err));
	assert_true(away);
	/* asking again changes nothing and logs nothing */
	int64_t none;
	assert_int_equal(correct_set_away(f->st, week, true, T(NOW), &none, &err), FT_EXIT_OK);
	assert_int_equal(none, -1);
	assert_int_equal(count(f, "SELECT count(*) FROM correction"), 1);
	/* not away after all */
	assert_int_equal(correct_set_away(f->st, week, false, T(NOW), &off, &err), FT_EXIT_OK);
	assert_true(store_get_mark(f->st, STORE_MARK_AWAY, week, &away, &err));
	assert_false(away);
	/* undoing that puts the mark back */
	assert_int_equal(correct_undo(f->st, off, T(NOW), &err), FT_EXIT_OK);
	assert_true(store_get_mark(f->st, STORE_MARK_AWAY, week, &away, &err));
	assert_true(away);
	/* ahead of time is fine; five weeks back is not */
	assert_int_equal(correct_set_away(f->st, week + 2, true, T(NOW), NULL, &err), FT_EXIT_OK);
	assert_int_equal(correct_set_away(f->st, week - 4, true, T(NOW), NULL, &err), FT_EXIT_USAGE);
	assert_true(store_get_mark(f->st, STORE_MARK_AWAY, week - 4, &away, &err));
	assert_false(away);
}

/* ---- export ---- */

static void
test_every_correction_is_exported_with_when_made_and_undone(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int64_t fix;
	int64_t dinner = log_dinner(f, "2026-12-01T19:00:00+01:00");
	assert_int_equal(correct_add_walk(f->st, T("2026-12-01T17:00:00+01:00"), 45 * FT_MINUTE, T(NOW),
					  NULL, &err),
			 FT_EXIT_OK);
	assert_int_equal(correct_remove(f->st, STORE_SESSION, dinner, T(NOW), &fix, &err), FT_EXIT_OK);
	assert_int_equal(correct_undo(f->st, fix, T("2026-12-03T20:05:00+01:00"), &err), FT_EXIT_OK);
	assert_int_equal(correct_set_away(f->st, cal_week_of(T(NOW)), true, T(NOW), NULL, &err), FT_EXIT_OK);
	char *csv = export(f);
	assert_non_null(strstr(csv, "record,date,kind,start,end,minutes,phones,interruptions,members,from,to,made,undone\r\n"));
	assert_non_null(strstr(csv,
		"correction,2026-12-01,add-walk,2026-12-01T17:00:00+01:00,2026-12-01T17:45:00+01:00,45,,,,,,"
		"2026-12-03T20:00:00+01:00,\r\n"));
	assert_non_null(strstr(csv,
		"correction,2026-12-01,remove-meal,2026-12-01T19:00:00+01:00,2026-12-01T19:40:00+01:00,40,,,,,,"
		"2026-12-03T20:00:00+01:00,2026-12-03T20:05:00+01:00\r\n"));
	assert_non_null(strstr(csv,
		"correction,2026-11-30,away,2026-11-30T00:00:00+01:00,2026-12-07T00:00:00+01:00,,,,,,,"
		"2026-12-03T20:00:00+01:00,\r\n"));
	/* every line has the header's thirteen fields */
	for (char *line = csv; *line; line = strchr(line, '\n') + 1) {
		int commas = 0;
		for (char *c = line; *c != '\r'; c++)
			commas += *c == ',';
		assert_int_equal(commas, 12);
	}
	free(csv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_forgotten_walk_is_added_counted_logged_and_undone,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_walk_that_cannot_be_is_refused_and_nothing_written,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_any_entry_of_the_last_four_weeks_is_removed_and_put_back,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_entry_older_than_four_weeks_is_not_removed, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_undo_of_a_removal_whose_id_was_taken_uses_a_new_one,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_this_week_is_marked_away_and_back_and_undone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_every_correction_is_exported_with_when_made_and_undone,
						setup, teardown),
	};
	return cmocka_run_group_tests_name("correct", tests, NULL, NULL);
}
