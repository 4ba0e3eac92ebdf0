/*
 * test_store.c - the SQLite file: pragmas on every open, schema versions,
 * damaged and locked files, one transaction per change, rollback.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "test.h"

struct fixture {
	char dir[64], path[96];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	strcpy(f->dir, "/tmp/ft-store-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/sub/dir/t.db", f->dir);
	test_config("[time]\ntimezone = Europe/Paris\n");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static long long
query_int(const char *path, const char *sql)
{
	return test_query_int(path, sql);
}

static void
test_open_creates_folder_wal_and_schema(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	assert_non_null(st);
	store_close(st);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), store_schema_version());
	/* WAL is a property of the file: it stays */
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void
test_migrates_a_version_1_file_forward_keeping_its_rows(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	assert_true(store_add_hug(st, 1000, 1, NULL, &err));
	store_close(st);
	/* make it the file an older familytable left: schema 1 */
	test_exec_sql(f->path, DROP_WEEK_FIGURES "DROP TABLE ritual_plan; DROP TABLE setting; DROP TABLE correction; ALTER TABLE tap DROP COLUMN from_slot;"
			  " ALTER TABLE tap DROP COLUMN to_name; PRAGMA user_version = 1");
	st = store_open(f->path, &err);
	assert_non_null(st);
	bool set = true;
	assert_true(store_get_mark(st, STORE_MARK_RITUALS, 7, &set, &err));
	assert_false(set);
	assert_true(store_set_mark(st, STORE_MARK_RITUALS, 7, 5000, &err));
	assert_true(store_get_mark(st, STORE_MARK_RITUALS, 7, &set, &err));
	assert_true(set);
	store_close(st);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM hug"), 1);
}

static void
test_newer_schema_is_refused(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	store_close(st);
	test_exec_sql(f->path, "PRAGMA user_version = 99");
	assert_null(store_open(f->path, &err));
	assert_non_null(strstr(err.msg, "newer familytable"));
}

static void
test_damaged_file_is_reported(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	int64_t id;
	/* enough rows for several pages, then scribble over the middle */
	for (int i = 0; i < 2000; i++)
		assert_true(store_add_hug(st, 1000LL * i, i, &id, &err));
	store_close(st);
	FILE *fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	fseek(fp, 4096, SEEK_SET); /* from page 2's header on */
	for (int i = 0; i < 3 * 4096; i++)
		fputc(0x5a, fp);
	fclose(fp);
	assert_null(store_open(f->path, &err));
	assert_non_null(strstr(err.msg, "damaged"));
}

static void
test_not_a_database_is_reported(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err); /* makes the folder */
	store_close(st);
	unlink(f->path);
	FILE *fp = fopen(f->path, "w");
	fputs("this is not a database, just some text that is long enough to look like a header\n", fp);
	fclose(fp);
	assert_null(store_open(f->path, &err));
	assert_non_null(strstr(err.msg, f->path));
}

/* quick_check guards what writes (store_open) and the live appliance's
 * daily check (store_check); a read-only command (STORE_EXISTING) skips it: damage in a
 * table it does not read lets the report through, while the appliance's
 * open refuses the file. */
static void
test_quick_check_only_where_it_protects(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	int64_t id;
	assert_true(store_add_hug(st, 1000, 1, &id, &err));
	for (int i = 0; i < 2000; i++)
		assert_true(store_add_tap(st, 1000LL * i, i, "call", &id, &err));
	store_close(st);
	sqlite3 *db;
	int tap_root = 0;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT max(pageno) FROM dbstat WHERE name = 'tap'",
					    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	tap_root = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_true(tap_root > 1);
	/* scribble over the body of a leaf page of the tap table */
	FILE *fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	fseek(fp, (long)(tap_root - 1) * 4096 + 8, SEEK_SET);
	for (int i = 0; i < 4000; i++)
		fputc(0x5a, fp);
	fclose(fp);
	assert_null(store_open(f->path, &err));
	assert_non_null(strstr(err.msg, "quick_check"));
	st = store_open_mode(f->path, STORE_EXISTING, NULL, 0, &err);
	assert_non_null(st);
	assert_false(store_check(st, &err));
	assert_non_null(strstr(err.msg, "damaged"));
	int64_t walk_start;
	assert_true(store_get_walk_open(st, &walk_start, &err));
	store_close(st);
}

/* Without quick_check, a file that is not a database still fails clearly. */
static void
test_readonly_open_of_not_a_database(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	store_close(store_open(f->path, &err)); /* makes the folder */
	unlink(f->path);
	FILE *fp = fopen(f->path, "w");
	assert_non_null(fp);
	for (int i = 0; i < 200; i++)
		fputs("this is not a database, only text ", fp);
	fclose(fp);
	assert_null(store_open_mode(f->path, STORE_EXISTING, NULL, 0, &err));
	assert_non_null(strstr(err.msg, f->path));
	assert_non_null(strstr(err.msg, "damaged"));
}

static void
test_locked_database_is_reported_not_hung(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	assert_false(store_add_hug(st, 1000, 1, NULL, &err));
	assert_non_null(strstr(err.msg, "locked"));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	/* once the other program lets go, it works again */
	assert_true(store_add_hug(st, 1000, 1, NULL, &err));
	store_close(st);
}

static void
test_rollback_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	assert_true(store_begin(st, &err));
	assert_true(store_add_hug(st, 1000, 1, NULL, &err));
	assert_true(store_add_walk(st, 1000, 2000000, 1, NULL, &err)); /* nested: joins */
	store_rollback(st);
	store_close(st);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM hug"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM walk"), 0);
}

/* An inner level rolled back takes the whole transaction with it: the
 * outer levels cannot go on (begin refuses) nor report a success (commit
 * fails), nothing is written, and the next transaction starts clean. */
static void
test_an_inner_rollback_fails_the_outer_commit(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	assert_true(store_begin(st, &err));
	assert_true(store_add_hug(st, 1000, 1, NULL, &err)); /* joins the outer */
	assert_true(store_begin(st, &err));
	store_rollback(st); /* the inner level gives up */
	assert_true(store_in_transaction(st)); /* the outer level is still open */
	assert_false(store_begin(st, &err));
	assert_false(store_add_walk(st, 1000, 2000000, 1, NULL, &err));
	assert_false(store_commit(st, &err));
	assert_non_null(strstr(err.msg, "rolled back"));
	assert_false(store_in_transaction(st));
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM hug"), 0);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM walk"), 0);
	/* the next change is on its own again */
	assert_true(store_add_hug(st, 2000, 1, NULL, &err));
	store_close(st);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM hug"), 1);
}

static void
test_each_change_is_durable_on_its_own(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	assert_true(store_add_hug(st, 1000, 1, NULL, &err));
	/* read by another connection while ours is still open: committed */
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM hug"), 1);
	store_close(st);
}

static void
test_session_members_and_history(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct ft_config cfg = test_config("[dock]\nnames = Anna Ben \"Mary Ann\"\n[time]\ntimezone = Europe/Paris\n");
	struct store *st = store_open(f->path, &err);
	struct session s = {.start = T("2026-11-30T19:00:00+01:00"), .end = T("2026-11-30T19:40:00+01:00"),
			    .phones = 3, .members = 1u | 4u, .cls = SESSION_MEAL};
	s.date = cal_day_of(s.start);
	strcpy(s.kind, "dinner");
	assert_true(store_add_session(st, &s, &cfg, NULL, &err));
	s.start += 50 * FT_MINUTE; /* a second dinner the same day */
	s.end += 50 * FT_MINUTE;
	assert_true(store_add_session(st, &s, &cfg, NULL, &err));
	struct history h;
	assert_true(store_load_history(st, T("2026-12-07T00:00:00+01:00"), &h, &err));
	assert_int_equal(habits_meal_count(&h, cal_week_of_day(s.date)), 1); /* distinct (date, kind) */
	assert_int_equal(h.first_day, s.date);
	history_free(&h);
	/* as of before the first ended: nothing */
	assert_true(store_load_history(st, T("2026-11-30T19:39:00+01:00"), &h, &err));
	assert_int_equal(habits_meal_count(&h, cal_week_of_day(s.date)), 0);
	assert_int_equal(h.nmeals, 0);
	assert_int_equal(h.first_day, INT64_MAX);
	history_free(&h);
	struct store_session *rows;
	size_t n;
	assert_true(store_sessions(st, s.date, s.date, T("2026-12-07T00:00:00+01:00"), &rows, &n, &err));
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].nmembers, 2);
	assert_string_equal(rows[0].members[0], "Anna");
	assert_string_equal(rows[0].members[1], "Mary Ann");
	free(rows);
	store_close(st);
}

static void
test_calls_with_and_without_who_and_whom(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	int64_t id = -1;
	ft_ms mon = T("2026-11-30T18:05:00+01:00"), wed = T("2026-12-02T18:40:00+01:00");
	/* logged out of order: read back in time order */
	assert_true(store_add_call(st, wed, cal_day_of(wed), 3, "Grandma Jo", &id, &err));
	assert_true(id > 0);
	assert_true(store_add_call(st, mon, cal_day_of(mon), 0, NULL, NULL, &err));
	assert_true(store_add_tap(st, mon + 1, cal_day_of(mon), "other", NULL, &err)); /* not a call */
	struct store_call *calls;
	size_t n;
	assert_true(store_calls(st, cal_day_of(mon), cal_day_of(mon) + 6, T("2026-12-07T00:00:00+01:00"),
				&calls, &n, &err));
	assert_int_equal(n, 2);
	assert_int_equal(calls[0].t, mon);
	assert_int_equal(calls[0].from_slot, 0);
	assert_string_equal(calls[0].to, "");
	assert_int_equal(calls[1].t, wed);
	assert_int_equal(calls[1].from_slot, 3);
	assert_string_equal(calls[1].to, "Grandma Jo");
	free(calls);
	/* only what was logged by T, only the days asked for */
	assert_true(store_calls(st, cal_day_of(mon), cal_day_of(mon) + 6, wed - 1, &calls, &n, &err));
	assert_int_equal(n, 1);
	free(calls);
	assert_true(store_calls(st, cal_day_of(mon) + 7, cal_day_of(mon) + 13, wed, &calls, &n, &err));
	assert_int_equal(n, 0);
	free(calls);
	/* a call keeps a call ritual: it is a "call" tap in the history */
	struct history h;
	assert_true(store_load_history_week(st, T("2026-12-07T00:00:00+01:00"), cal_week_of(mon), &h, &err));
	assert_int_equal(h.ntaps, 3);
	assert_string_equal(h.taps[0].kind, "call");
	history_free(&h);
	/* undo removes a call like any tap */
	assert_true(store_delete(st, STORE_TAP, id, &err));
	assert_true(store_calls(st, cal_day_of(mon), cal_day_of(mon) + 6, wed, &calls, &n, &err));
	assert_int_equal(n, 1);
	free(calls);
	store_close(st);
}

static void
test_calls_of_a_version_2_file_read_without_names(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	store_close(st);
	/* the file a familytable without who and whom left: one call tap */
	test_exec_sql(f->path, DROP_WEEK_FIGURES "DROP TABLE setting; DROP TABLE correction; ALTER TABLE tap DROP COLUMN from_slot; ALTER TABLE tap DROP COLUMN to_name;"
			  " INSERT INTO tap (t_ms, day, kind) VALUES (1000, 0, 'call');"
			  " PRAGMA user_version = 2");
	st = store_open(f->path, &err);
	assert_non_null(st);
	struct store_call *calls;
	size_t n;
	assert_true(store_calls(st, 0, 6, 2000, &calls, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(calls[0].from_slot, 0);
	assert_string_equal(calls[0].to, "");
	free(calls);
	store_close(st);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), store_schema_version());
}

static void
test_week_queries_use_indexes(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	store_close(st);
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
		"EXPLAIN QUERY PLAN SELECT id FROM session WHERE day BETWEEN 1 AND 7 AND end_ms <= 5"
		" ORDER BY start_ms", -1, &s, NULL), SQLITE_OK);
	bool indexed = false;
	while (sqlite3_step(s) == SQLITE_ROW)
		indexed |= strstr((const char *)sqlite3_column_text(s, 3), "USING INDEX") != NULL;
	sqlite3_finalize(s);
	sqlite3_close(db);
	assert_true(indexed);
}

/* A damaged file is kept aside under a dated name (never replacing a file)
 * and the appliance starts a fresh one; nothing else calls it damaged. */
static void
test_damaged_file_is_kept_aside_and_a_fresh_one_started(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	char aside[256], aside2[256], cmd[1024];
	struct store *st = store_open(f->path, &err);
	for (int i = 0; i < 2000; i++)
		assert_true(store_add_hug(st, 1000LL * i, i, NULL, &err));
	store_close(st);
	FILE *fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	fseek(fp, 4096, SEEK_SET);
	for (int i = 0; i < 3 * 4096; i++)
		fputc(0x5a, fp);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "cp %s %s.orig", f->path, f->path);
	assert_int_equal(system(cmd), 0);
	/* a read-only command is told when it reads the damage (its open runs
	 * no quick_check), simulate at its open; nothing is moved */
	st = store_open_mode(f->path, STORE_EXISTING, aside, sizeof(aside), &err);
	assert_non_null(st);
	struct history h;
	assert_false(store_load_history(st, 3000000, &h, &err));
	assert_non_null(strstr(err.msg, "damaged"));
	store_close(st);
	assert_null(store_open(f->path, &err));
	/* the appliance keeps it aside */
	st = store_open_mode(f->path, STORE_RECOVER, aside, sizeof(aside), &err);
	assert_non_null(st);
	assert_non_null(strstr(aside, ".damaged-"));
	snprintf(cmd, sizeof(cmd), "cmp -s %s %s.orig", aside, f->path);
	assert_int_equal(system(cmd), 0);
	bool set;
	assert_true(store_get_mark(st, STORE_MARK_AWAY, 1, &set, &err)); /* a fresh, working file */
	store_close(st);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM hug"), 0);
	/* damaged again within the same second: a second name, the first kept */
	snprintf(cmd, sizeof(cmd), "cp %s.orig %s", f->path, f->path);
	assert_int_equal(system(cmd), 0);
	st = store_open_mode(f->path, STORE_RECOVER, aside2, sizeof(aside2), &err);
	assert_non_null(st);
	store_close(st);
	assert_string_not_equal(aside, aside2);
	snprintf(cmd, sizeof(cmd), "cmp -s %s %s.orig && cmp -s %s %s.orig", aside, f->path, aside2, f->path);
	assert_int_equal(system(cmd), 0);
}

/* Values of a hand-edited file out of any possible range are left out: no
 * array sized from a day of -9e18, no overflow in a duration. */
static void
test_impossible_values_are_left_out_of_reads(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store *st = store_open(f->path, &err);
	assert_true(store_add_hug(st, T("2026-11-30T12:00:00+01:00"), 20422, NULL, &err));
	store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO walk (start_ms, end_ms, day) VALUES (-9000000000000000000, 9000000000000000000, 20422);"
		"INSERT INTO hug (t_ms, day) VALUES (1000, -9000000000000000000);"
		"INSERT INTO away (week) VALUES (-9000000000000000000);"
		"INSERT INTO session (start_ms, end_ms, class, day, kind, phones, interruptions)"
		" VALUES (0, 1000, 'meal', -9000000000000000000, 'dinner', 2, 0);"
		"INSERT INTO state (key, value) VALUES ('clock', 9000000000000000000);",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	st = store_open(f->path, &err);
	struct history h;
	assert_true(store_load_history(st, T("2026-12-07T00:00:00+01:00"), &h, &err));
	assert_int_equal(h.first_day, 20422);
	assert_int_equal(h.nwalks, 0);
	assert_int_equal(h.nhug_days, 1);
	assert_int_equal(h.naway, 0);
	assert_int_equal(h.nmeals, 0);
	history_free(&h);
	ft_ms clock;
	assert_true(store_get_clock(st, &clock, &err));
	assert_int_equal(clock, -1);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_folder_wal_and_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calls_with_and_without_who_and_whom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calls_of_a_version_2_file_read_without_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrates_a_version_1_file_forward_keeping_its_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_file_is_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database_is_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(test_locked_database_is_reported_not_hung, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_inner_rollback_fails_the_outer_commit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_each_change_is_durable_on_its_own, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_members_and_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_week_queries_use_indexes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_file_is_kept_aside_and_a_fresh_one_started, setup, teardown),
		cmocka_unit_test_setup_teardown(test_impossible_values_are_left_out_of_reads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quick_check_only_where_it_protects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_open_of_not_a_database, setup, teardown),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
