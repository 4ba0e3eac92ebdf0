/*
 * test.h - what every familytable test includes: cmocka, and helpers to make
 * configs and instants that read like SPEC.md.
 */
#ifndef FT_TEST_H
#define FT_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "calendar.h"
#include "common.h"
#include "config.h"
#include "store.h"

/* Skip the running test, saying why: scripts/run-tests reports the reason
 * and fails the run unless tests/expected-skips lists the test. Use this,
 * never cmocka's bare skip(), which says nothing. */
#define test_skip(...)                                                          \
	do {                                                                    \
		printf("[ SKIP WHY ] ");                                        \
		printf(__VA_ARGS__);                                            \
		printf("\n");                                                   \
		fflush(stdout);                                                 \
		skip();                                                         \
	} while (0)

/* An instant from RFC 3339 text; fails the test when it does not parse. */
static inline ft_ms
T(const char *rfc3339)
{
	ft_ms t = 0;
	if (!cal_parse_time(rfc3339, &t))
		fail_msg("bad time in test: %s", rfc3339);
	return t;
}

/* Defaults overlaid with INI text; fails the test on a config error. */
static inline struct ft_config
test_config(const char *ini)
{
	struct ft_config cfg;
	struct ft_error err;
	config_defaults(&cfg);
	if (ini && !config_parse(&cfg, ini, "test.conf", &err))
		fail_msg("%s", err.msg);
	if (!cal_set_zone(cfg.timezone, &err))
		fail_msg("%s", err.msg);
	return cfg;
}

/* Write TEXT to a new file PATH; fails the test when it cannot. */
static inline void
test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* A new empty folder "/tmp/ft-NAME-XXXXXX", its path in DIR. */
static inline void
test_temp_dir(char dir[64], const char *name)
{
	snprintf(dir, 64, "/tmp/ft-%s-XXXXXX", name);
	if (!mkdtemp(dir))
		fail_msg("mkdtemp %s failed", dir);
}

/* Remove the folder DIR made by test_temp_dir, and everything in it. */
static inline void
test_remove_dir(const char *dir)
{
	char cmd[96];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* A fresh database in a folder of its own, for the tests of what is
 * stored. */
struct test_db {
	char dir[64], path[96];
	struct store *st;
};

static inline void
test_db_open(struct test_db *db, const char *name)
{
	struct ft_error err;
	test_temp_dir(db->dir, name);
	snprintf(db->path, sizeof(db->path), "%s/t.db", db->dir);
	if (!(db->st = store_open(db->path, &err)))
		fail_msg("%s", err.msg);
}

static inline void
test_db_close(struct test_db *db)
{
	store_close(db->st);
	test_remove_dir(db->dir);
}

/* The first column of SQL's first row on the database at PATH, read
 * through a connection of its own; -1 when there is no row. */
static inline long long
test_query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Run SQL on the database at PATH through a connection of its own (a file
 * an older familytable left, or another program); fails the test with
 * SQLite's message when it does not run. */
static inline void
test_exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* What the step to schema 6 added (each week's figures), taken away to
 * make a file an older familytable left. */
#define DROP_WEEK_FIGURES                                                                          \
	"DROP VIEW week_refigure; DROP TABLE week_figure;"                                          \
	" DROP TRIGGER session_figure_add; DROP TRIGGER session_figure_remove;"                    \
	" DROP TRIGGER session_figure_change; DROP TRIGGER walk_figure_add;"                       \
	" DROP TRIGGER walk_figure_remove; DROP TRIGGER walk_figure_change;"                       \
	" DROP TRIGGER hug_figure_add; DROP TRIGGER hug_figure_remove;"                            \
	" DROP TRIGGER hug_figure_change;"

#endif
