/*
 * store_internal.h - what the files of the store (store.h) share and
 * nothing else sees: the open database, the bounds every read applies, and
 * the few SQL steps each file builds on.
 *
 *   store.c          the SQL steps below, transactions, logging, the named
 *                    integers, the settings made on the display
 *   store_schema.c   the schema's migrations, opening (pragmas, checks, a
 *                    damaged file kept aside), closing
 *   store_session.c  the open session and its heartbeat file (PATH-seen)
 *   store_read.c     the queries for reports, and the CSV export
 *   store_fixes.c    corrections made after the fact, and their undo
 *
 * Only these files know SQL; only this header names SQLite's types.
 */
#ifndef FT_STORE_INTERNAL_H
#define FT_STORE_INTERNAL_H

#include <limits.h>
#include <sqlite3.h>

#include "store.h"

#define STORE_MAX_STMTS 48

/* What familytable can have logged: instants and days of the years 1 to
 * 9999 (all RFC 3339 can write), with a day's margin for the zone. A row
 * outside (a hand-edited file) is left out of every read, so that no sum
 * overflows and no array is sized from a wild day number. */
#define STORE_MS_MIN (-62135596800000LL - 86400000LL)
#define STORE_MS_MAX (253402300800000LL + 86400000LL)
#define MS_OK(c) " (" c " BETWEEN -62135683200000 AND 253402387200000) "
#define DAY_OK(c) " (" c " BETWEEN -719163 AND 2932897) "
#define WEEK_OK(c) " (" c " BETWEEN -102739 AND 418986) "

struct store {
	sqlite3 *db;
	char path[PATH_MAX];
	int depth;                         /* store_begin nesting */
	bool aborted;                      /* rolled back inside an outer transaction */
	struct {
		const char *sql;           /* identity: the literal's address */
		sqlite3_stmt *stmt;
	} cache[STORE_MAX_STMTS];
	int ncache;
	int seen_fd;                       /* PATH-seen, the heartbeat; -1: not open yet */
	char run_path[PATH_MAX];           /* the heartbeat in memory (store_set_runtime); "": none */
	int run_fd;                        /* run_path; -1: not open yet */
};

/* Why a call failed, as the family or an installer would look for it
 * (locked, read-only, full, missing, damaged), into ERR; returns false. */
bool store_explain(struct store *st, int code, struct ft_error *err, const char *what);
/* store_explain() of the database's last error; returns false. */
bool store_db_fail(struct store *st, struct ft_error *err, const char *what);
/* The prepared statement for SQL (a string literal: its address is its
 * identity), reset and unbound; kept until store_close. NULL: failed. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct ft_error *err);
/* Run a statement that returns no rows. */
bool store_step_done(struct store *st, sqlite3_stmt *s, struct ft_error *err, const char *what);
/* End of one logical change begun with store_begin: commit it, or roll
 * back everything. */
bool store_finish(struct store *st, bool ok, struct ft_error *err);
/* One statement of up to three integers and a text, as one logical change;
 * *id (if given) the row inserted. */
bool store_insert_row(struct store *st, const char *sql, const int64_t *v, int nv,
		      const char *text, int64_t *id, struct ft_error *err, const char *what);
/* A text column into DST (SIZE bytes), always valid UTF-8; NULL reads as "". */
void store_copy_text(char *dst, size_t size, const unsigned char *src);
/* Every row of SQL, its parameters bound to the NBIND integers of BIND,
 * appended to a grown array of items of SIZE bytes (*arr, *n), each filled
 * by READ. */
bool store_load_rows(struct store *st, const char *sql, const int64_t *bind, int nbind,
		     void **arr, size_t *n, size_t size, void (*read)(sqlite3_stmt *, void *),
		     struct ft_error *err);
/* A correction's action as the database and the export write it ("add"). */
const char *store_fix_name(enum store_fix action);

#endif
