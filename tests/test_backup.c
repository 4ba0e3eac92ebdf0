/*
 * test_backup.c - copies of the database: which nightly copies are kept
 * (7 daily, 8 weekly), a copy is checked and never overwrites, a restore
 * checks its file first, keeps the current database aside and is refused
 * while `run` holds the database.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "store.h"
#include "test.h"

struct fixture {
	char dir[64], db[128], copy[128];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	strcpy(f->dir, "/tmp/ft-backup-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof(f->db), "%s/state/familytable.db", f->dir);
	snprintf(f->copy, sizeof(f->copy), "%s/copy.db", f->dir);
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

static int64_t
day(const char *date)
{
	struct cal_date d;
	assert_int_equal(sscanf(date, "%d-%d-%d", &d.year, &d.month, &d.day), 3);
	return cal_day_from_date(d);
}

/* A database with N hugs logged (one a day from 2026-11-02). */
static void
make_db(const char *path, int hugs)
{
	struct ft_error err;
	struct store *st = store_open(path, &err);
	if (!st)
		fail_msg("%s", err.msg);
	for (int i = 0; i < hugs; i++)
		assert_true(store_add_hug(st, T("2026-11-02T12:00:00+01:00") + i * FT_DAY,
					  day("2026-11-02") + i, NULL, &err));
	store_close(st);
}

static int
count_hugs(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = -1;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM hug", -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Thirty nightly copies, one a day: the 7 newest days, and the newest copy
 * (a Sunday's) of each of the 8 newest weeks. */
static void
test_keep_daily_and_weekly(void **state)
{
	(void)state;
	int64_t days[30];
	bool keep[30];
	int64_t last = day("2026-11-29"); /* a Sunday */
	for (int i = 0; i < 30; i++)
		days[i] = last - i;
	backup_keep(days, 30, keep);
	for (int i = 0; i < 30; i++) {
		bool daily = i < BACKUP_DAILY;
		bool sunday = cal_weekday(days[i]) == 6; /* 29 Nov, 22, 15, 8, 1 Nov */
		if (keep[i] != (daily || sunday))
			fail_msg("day %d back: kept %d", i, keep[i]);
	}
	/* the partial week at the start (Oct 31, Nov 1 are Sat, Sun; Oct 31 is
	 * day 29 back): its newest is Nov 1 */
	assert_false(keep[29]);
}

/* Weekly copies reach back 8 weeks with copies, not 8 calendar weeks: a
 * Pi that was off for a month keeps its older weeks. */
static void
test_keep_weeks_with_copies(void **state)
{
	(void)state;
	/* one copy a week on Wednesdays for 12 weeks, any order */
	int64_t days[12];
	bool keep[12];
	for (int i = 0; i < 12; i++)
		days[i] = day("2026-09-02") + 7 * ((i * 5) % 12);
	backup_keep(days, 12, keep);
	int kept = 0;
	for (int i = 0; i < 12; i++) {
		int age = 11 - (i * 5) % 12; /* 0: the newest week */
		assert_int_equal(keep[i], age < BACKUP_WEEKLY);
		kept += keep[i];
	}
	assert_int_equal(kept, BACKUP_WEEKLY);
	/* two copies in one week, old: only its newest survives */
	int64_t two[10];
	bool k2[10];
	for (int i = 0; i < 8; i++)
		two[i] = day("2026-11-25") - 7 * i;
	two[8] = day("2026-09-29"); /* Tuesday of the 9th week back */
	two[9] = day("2026-10-01"); /* Thursday of the 8th week back */
	backup_keep(two, 10, k2);
	assert_false(k2[8]);
}

static void
test_copy_is_checked_and_never_overwrites(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	make_db(f->db, 3);
	assert_true(backup_copy(f->db, f->copy, &err));
	assert_int_equal(count_hugs(f->copy), 3);
	assert_true(backup_check(f->copy, &err));
	/* a second copy onto the first is refused, the first left alone */
	make_db(f->db, 2);
	assert_false(backup_copy(f->db, f->copy, &err));
	assert_non_null(strstr(err.msg, "already exists"));
	assert_int_equal(count_hugs(f->copy), 3);
	/* no database: nothing made */
	char none[160], dest[160];
	snprintf(none, sizeof(none), "%s/none.db", f->dir);
	snprintf(dest, sizeof(dest), "%s/dest.db", f->dir);
	assert_false(backup_copy(none, dest, &err));
	assert_int_not_equal(access(dest, F_OK), 0);
}

static void
test_check_rejects(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	char path[160];
	snprintf(path, sizeof(path), "%s/text.db", f->dir);
	test_write_file(path, "not a database at all, just words\n");
	assert_false(backup_check(path, &err));
	assert_non_null(strstr(err.msg, path));
	/* a database that is not ours */
	snprintf(path, sizeof(path), "%s/other.db", f->dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_false(backup_check(path, &err));
	assert_non_null(strstr(err.msg, "not a familytable database"));
	/* ours, from a newer familytable */
	make_db(f->copy, 1);
	assert_int_equal(sqlite3_open(f->copy, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_false(backup_check(f->copy, &err));
	assert_non_null(strstr(err.msg, "newer"));
	/* damaged: the hug table's root page overwritten past its header */
	unlink(f->copy);
	make_db(f->copy, 200);
	assert_int_equal(sqlite3_open(f->copy, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = 'hug'",
					    -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long root = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	FILE *fp = fopen(f->copy, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, (root - 1) * 4096 + 12, SEEK_SET), 0);
	for (int i = 0; i < 64; i++)
		fputc(0x5a, fp);
	fclose(fp);
	assert_false(backup_check(f->copy, &err));
	assert_non_null(strstr(err.msg, "damaged"));
}

static void
test_restore_keeps_the_current_aside(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	char aside[256];
	make_db(f->copy, 5);
	make_db(f->db, 2);
	assert_int_equal(backup_restore(f->db, f->copy, aside, sizeof(aside), &err), FT_EXIT_OK);
	assert_int_equal(count_hugs(f->db), 5);
	assert_non_null(strstr(aside, "familytable.db.before-restore-"));
	assert_int_equal(count_hugs(aside), 2);
	/* the restored file opens as the store and takes new rows */
	struct store *st = store_open(f->db, &err);
	assert_non_null(st);
	assert_true(store_add_hug(st, T("2026-11-30T12:00:00+01:00"), day("2026-11-30"), NULL, &err));
	store_close(st);
	assert_int_equal(count_hugs(f->db), 6);
}

static void
test_restore_bad_file_changes_nothing(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	char aside[256];
	make_db(f->db, 2);
	test_write_file(f->copy, "garbage");
	assert_int_equal(backup_restore(f->db, f->copy, aside, sizeof(aside), &err), FT_EXIT_USAGE);
	assert_string_equal(aside, "");
	assert_int_equal(count_hugs(f->db), 2);
}

static void
test_restore_refused_while_running(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	char aside[256];
	int lock;
	make_db(f->db, 2);
	make_db(f->copy, 5);
	assert_true(backup_hold_run(f->db, &lock, &err));
	assert_true(lock >= 0);
	/* a second display on the same database may still start */
	int lock2;
	assert_true(backup_hold_run(f->db, &lock2, &err));
	close(lock2);
	assert_int_equal(backup_restore(f->db, f->copy, aside, sizeof(aside), &err), FT_EXIT_FAILURE);
	assert_non_null(strstr(err.msg, "running"));
	assert_int_equal(count_hugs(f->db), 2);
	close(lock);
	assert_int_equal(backup_restore(f->db, f->copy, aside, sizeof(aside), &err), FT_EXIT_OK);
	assert_int_equal(count_hugs(f->db), 5);
}

static void
test_rotate(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	char dir[160], path[256];
	size_t kept;
	make_db(f->db, 1);
	snprintf(dir, sizeof(dir), "%s/state/backups", f->dir);
	/* 30 nights of copies */
	int64_t last = day("2026-11-29");
	for (int i = 29; i >= 0; i--)
		assert_true(backup_rotate(f->db, dir, last - i, &kept, &err));
	/* 7 daily (23..29 Nov) + the Sundays of the weeks before: 22, 15,
	 * 8, 1 Nov */
	assert_int_equal(kept, 11);
	const char *want[] = {"2026-11-23", "2026-11-29", "2026-11-15", "2026-11-08", "2026-11-01"};
	for (size_t i = 0; i < FT_ARRAY_LEN(want); i++) {
		snprintf(path, sizeof(path), "%s/familytable-%s.db", dir, want[i]);
		assert_int_equal(access(path, F_OK), 0);
	}
	snprintf(path, sizeof(path), "%s/familytable-2026-11-22.db", dir); /* a Sunday, kept */
	assert_int_equal(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/familytable-2026-11-21.db", dir); /* a Saturday, gone */
	assert_int_not_equal(access(path, F_OK), 0);
	/* the same night again replaces that night's copy; other files stay */
	snprintf(path, sizeof(path), "%s/notes.txt", dir);
	test_write_file(path, "mine");
	make_db(f->db, 3);
	assert_true(backup_rotate(f->db, dir, last, &kept, &err));
	assert_int_equal(kept, 11);
	assert_int_equal(access(path, F_OK), 0);
	snprintf(path, sizeof(path), "%s/familytable-2026-11-29.db", dir);
	assert_int_equal(count_hugs(path), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_keep_daily_and_weekly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keep_weeks_with_copies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copy_is_checked_and_never_overwrites, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_rejects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_keeps_the_current_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_bad_file_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_refused_while_running, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rotate, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
