/*
 * store.c - familytable's SQLite file; the store's files are the only ones
 * that know SQL (store_internal.h maps them). This one holds the steps the
 * others build on, transactions, logging, the named integers and the
 * settings made on the display.
 *
 * Instants are UTC milliseconds; days are local day numbers (days since
 * 1970-01-01) and weeks week numbers, both computed by the caller (calendar.c)
 * when a thing is logged, so a meal dated Monday stays Monday.
 *
 * Statements are prepared once and kept (store_stmt() below); every value
 * goes in through a bind, never through the SQL text.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>

#include "log.h"
#include "store_internal.h"

/* Whether PATH (or its folder, when PATH does not exist) is on a file
 * system mounted read-only. */
static bool
on_read_only_mount(const char *path)
{
	struct statvfs sv;
	char dir[PATH_MAX];
	if (statvfs(path, &sv) == 0)
		return (sv.f_flag & ST_RDONLY) != 0;
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	return statvfs(slash ? (dir[0] ? dir : "/") : ".", &sv) == 0 && (sv.f_flag & ST_RDONLY) != 0;
}

/* Why a call failed, said as the family or an installer would look for it:
 * locked, read-only, full, missing or damaged, each with the file's path.
 * SQLite's primary code is not enough on its own (a -shm file that cannot
 * be made on a full disk is an I/O error), so the operating system's errno
 * of the last failed call decides where it tells more. */
bool
store_explain(struct store *st, int code, struct ft_error *err, const char *what)
{
	int os = st->db ? sqlite3_system_errno(st->db) : 0;
	const char *msg = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(code);
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ft_fail(err, "%s: the database is locked by another program (%s); "
			       "nothing was lost, try again when it is done", st->path, what);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return ft_fail(err, "%s: the database is damaged (%s: %s)", st->path, what, msg);
	case SQLITE_FULL:
		return ft_fail(err, "%s: the disk is full (%s)", st->path, what);
	case SQLITE_READONLY:
		return ft_fail(err, "%s: the database is read-only (%s)", st->path, what);
	default:
		break;
	}
	if (os == ENOSPC || os == EDQUOT)
		return ft_fail(err, "%s: the disk is full (%s)", st->path, what);
	/* the -wal and -shm files beside it cannot be made: a read-only mount
	 * (the errno left may be a lookup's ENOENT) */
	if (on_read_only_mount(st->path))
		return ft_fail(err, "%s: the database is read-only (%s: %s)", st->path, what,
			       "the file system is mounted read-only");
	if (os == EROFS || os == EACCES || os == EPERM)
		return ft_fail(err, "%s: the database is read-only (%s: %s)", st->path, what, strerror(os));
	if (os == ENOENT || os == ENOTDIR)
		return ft_fail(err, "%s: the database or its folder is missing (%s)", st->path, what);
	return ft_fail(err, "%s: %s: %s", st->path, what, msg);
}

bool
store_db_fail(struct store *st, struct ft_error *err, const char *what)
{
	return store_explain(st, st->db ? sqlite3_extended_errcode(st->db) : SQLITE_ERROR, err, what);
}

/* The prepared statement for SQL (a string literal), reset and unbound. */
sqlite3_stmt *
store_stmt(struct store *st, const char *sql, struct ft_error *err)
{
	for (int i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].stmt);
			sqlite3_clear_bindings(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	}
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_db_fail(st, err, "prepare");
		return NULL;
	}
	if (st->ncache < STORE_MAX_STMTS) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache++].stmt = s;
	} else {
		/* never happens: the statements are this file's literals */
		log_warn("statement cache full");
	}
	return s;
}

/* Run a statement that returns no rows. */
bool
store_step_done(struct store *st, sqlite3_stmt *s, struct ft_error *err, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, what);
	return true;
}

/* ---- transactions ---- */

/*
 * Transactions nest: only the outermost begin and commit reach SQLite. An
 * inner rollback rolls the whole transaction back at once, and the outer
 * levels then fail (begin and commit report it) rather than go on in
 * autocommit or report a success that was rolled back.
 */
bool
store_begin(struct store *st, struct ft_error *err)
{
	if (st->depth > 0 && st->aborted)
		return ft_fail(err, "the transaction was rolled back after an earlier failure");
	if (st->depth == 0 && sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_db_fail(st, err, "begin");
	st->depth++;
	return true;
}

bool
store_commit(struct store *st, struct ft_error *err)
{
	if (st->depth == 0)
		return true;
	st->depth--;
	if (st->aborted) {
		if (st->depth == 0)
			st->aborted = false;
		return ft_fail(err, "not saved: the transaction was rolled back after an earlier failure");
	}
	if (st->depth > 0)
		return true;
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		store_db_fail(st, err, "commit");
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return false;
	}
	return true;
}

bool
store_in_transaction(const struct store *st)
{
	return st->depth > 0;
}

void
store_rollback(struct store *st)
{
	if (st->depth == 0)
		return;
	if (!st->aborted)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->depth--;
	st->aborted = st->depth > 0;
}

/* End of one logical change: commit it, or roll back everything. */
bool
store_finish(struct store *st, bool ok, struct ft_error *err)
{
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, err);
}

/* ---- logging ---- */

bool
store_add_session(struct store *st, const struct session *s, const struct ft_config *cfg,
		  int64_t *id, struct ft_error *err)
{
	static const char ins[] =
		"INSERT INTO session (start_ms, end_ms, class, day, kind, phones, interruptions)"
		" VALUES (?, ?, ?, ?, ?, ?, ?)";
	static const char mem[] = "INSERT INTO session_member (session_id, slot, name) VALUES (?, ?, ?)";
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = store_stmt(st, ins, err);
	bool ok = q != NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, s->start);
		sqlite3_bind_int64(q, 2, s->end);
		sqlite3_bind_text(q, 3, session_class_names[s->cls], -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, s->date);
		sqlite3_bind_text(q, 5, s->kind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(q, 6, s->phones);
		sqlite3_bind_int(q, 7, s->interruptions);
		ok = store_step_done(st, q, err, "log a session");
	}
	int64_t row = sqlite3_last_insert_rowid(st->db);
	for (int i = 0; ok && i < cfg->nslots; i++) {
		char buf[FT_NAME_MAX];
		if (!(s->members & (1u << i)))
			continue;
		q = store_stmt(st, mem, err);
		if (!q) {
			ok = false;
			break;
		}
		sqlite3_bind_int64(q, 1, row);
		sqlite3_bind_int(q, 2, i + 1);
		sqlite3_bind_text(q, 3, config_slot_name(cfg, i + 1, buf), -1, SQLITE_TRANSIENT);
		ok = store_step_done(st, q, err, "log a session's members");
	}
	if (ok && id)
		*id = row;
	return store_finish(st, ok, err);
}

/* One INSERT of up to three integers and a text, as one logical change. */
bool
store_insert_row(struct store *st, const char *sql, const int64_t *v, int nv, const char *text,
	   int64_t *id, struct ft_error *err, const char *what)
{
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	bool ok = q != NULL;
	if (ok) {
		for (int i = 0; i < nv; i++)
			sqlite3_bind_int64(q, i + 1, v[i]);
		if (text)
			sqlite3_bind_text(q, nv + 1, text, -1, SQLITE_TRANSIENT);
		ok = store_step_done(st, q, err, what);
	}
	if (ok && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_finish(st, ok, err);
}

bool
store_add_walk(struct store *st, ft_ms start, ft_ms end, int64_t day, int64_t *id, struct ft_error *err)
{
	static const char sql[] = "INSERT INTO walk (start_ms, end_ms, day) VALUES (?, ?, ?)";
	int64_t v[] = {start, end, day};
	return store_insert_row(st, sql, v, 3, NULL, id, err, "log a walk");
}

bool
store_add_hug(struct store *st, ft_ms t, int64_t day, int64_t *id, struct ft_error *err)
{
	static const char sql[] = "INSERT INTO hug (t_ms, day) VALUES (?, ?)";
	int64_t v[] = {t, day};
	return store_insert_row(st, sql, v, 2, NULL, id, err, "log a hug");
}

bool
store_add_tap(struct store *st, ft_ms t, int64_t day, const char *kind, int64_t *id,
	      struct ft_error *err)
{
	static const char sql[] = "INSERT INTO tap (t_ms, day, kind) VALUES (?, ?, ?)";
	int64_t v[] = {t, day};
	return store_insert_row(st, sql, v, 2, kind, id, err, "log a tap");
}

bool
store_add_call(struct store *st, ft_ms t, int64_t day, int from_slot, const char *to, int64_t *id,
	       struct ft_error *err)
{
	static const char sql[] =
		"INSERT INTO tap (t_ms, day, kind, from_slot, to_name) VALUES (?, ?, 'call', ?, ?)";
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	bool ok = q != NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, t);
		sqlite3_bind_int64(q, 2, day);
		if (from_slot > 0 && to && to[0]) {
			sqlite3_bind_int(q, 3, from_slot);
			sqlite3_bind_text(q, 4, to, -1, SQLITE_TRANSIENT);
		}
		ok = store_step_done(st, q, err, "log a call");
	}
	if (ok && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_finish(st, ok, err);
}

bool
store_set_away(struct store *st, int64_t week, bool away, struct ft_error *err)
{
	static const char off[] = "DELETE FROM away WHERE week = ?";
	if (away)
		return store_set_mark(st, STORE_MARK_AWAY, week, 0, err);
	return store_insert_row(st, off, &week, 1, NULL, NULL, err, "mark a week away");
}

/* The marks the Sunday review sets on a week: reviewed, rituals confirmed. */
static const char *const mark_set_sql[] = {
	[STORE_MARK_REVIEWED] = "INSERT OR REPLACE INTO review (week, reviewed_ms) VALUES (?, ?)",
	[STORE_MARK_RITUALS] = "INSERT OR REPLACE INTO ritual_plan (week, confirmed_ms) VALUES (?, ?)",
	[STORE_MARK_AWAY] = "INSERT OR IGNORE INTO away (week) VALUES (?)",
};
static const char *const mark_get_sql[] = {
	[STORE_MARK_REVIEWED] = "SELECT 1 FROM review WHERE week = ?",
	[STORE_MARK_RITUALS] = "SELECT 1 FROM ritual_plan WHERE week = ?",
	[STORE_MARK_AWAY] = "SELECT 1 FROM away WHERE week = ?",
};

bool
store_set_mark(struct store *st, enum store_mark mark, int64_t week, ft_ms t, struct ft_error *err)
{
	int64_t v[] = {week, t};
	return store_insert_row(st, mark_set_sql[mark], v, mark == STORE_MARK_AWAY ? 1 : 2, NULL, NULL,
			  err, "mark a week");
}

bool
store_get_mark(struct store *st, enum store_mark mark, int64_t week, bool *set, struct ft_error *err)
{
	sqlite3_stmt *q = store_stmt(st, mark_get_sql[mark], err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, week);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(st, err, "read a week's marks");
	*set = rc == SQLITE_ROW;
	return true;
}

bool
store_set_reviewed(struct store *st, int64_t week, ft_ms t, struct ft_error *err)
{
	return store_set_mark(st, STORE_MARK_REVIEWED, week, t, err);
}

bool
store_is_reviewed(struct store *st, int64_t week, bool *reviewed, struct ft_error *err)
{
	return store_get_mark(st, STORE_MARK_REVIEWED, week, reviewed, err);
}

bool
store_delete(struct store *st, enum store_kind kind, int64_t id, struct ft_error *err)
{
	static const char *const sql[] = {
		[STORE_SESSION] = "DELETE FROM session WHERE id = ?",
		[STORE_WALK] = "DELETE FROM walk WHERE id = ?",
		[STORE_HUG] = "DELETE FROM hug WHERE id = ?",
		[STORE_TAP] = "DELETE FROM tap WHERE id = ?",
	};
	return store_insert_row(st, sql[kind], &id, 1, NULL, NULL, err, "undo");
}

/* ---- named integers ---- */

static bool
state_set(struct store *st, const char *key, int64_t value, struct ft_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO state (value, key) VALUES (?, ?)";
	return store_insert_row(st, sql, &value, 1, key, NULL, err, key);
}

static bool
state_get(struct store *st, const char *key, int64_t *value, int64_t missing, struct ft_error *err)
{
	static const char sql[] = "SELECT value FROM state WHERE key = ?";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return false;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	*value = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : missing;
	if (rc == SQLITE_ROW && (*value < STORE_MS_MIN || *value > STORE_MS_MAX)) {
		log_warn("%s: state %s holds an impossible instant %lld; ignored", st->path, key,
			 (long long)*value);
		*value = missing;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(st, err, key);
	return true;
}

bool
store_set_clock(struct store *st, ft_ms t, struct ft_error *err)
{
	return state_set(st, "clock", t, err);
}

bool
store_get_clock(struct store *st, ft_ms *t, struct ft_error *err)
{
	return state_get(st, "clock", t, -1, err);
}

bool
store_set_walk_open(struct store *st, ft_ms start, struct ft_error *err)
{
	return state_set(st, "walk_start", start, err);
}

bool
store_get_walk_open(struct store *st, ft_ms *start, struct ft_error *err)
{
	return state_get(st, "walk_start", start, -1, err);
}

/* ---- settings made on the display ---- */

bool
store_set_setting(struct store *st, const char *key, const char *value, ft_ms t,
		  struct ft_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO setting (set_ms, key, value) VALUES (?, ?, ?)";
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	bool ok = q != NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, t);
		sqlite3_bind_text(q, 2, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, value, -1, SQLITE_TRANSIENT);
		ok = store_step_done(st, q, err, "save a setting");
	}
	return store_finish(st, ok, err);
}

bool
store_reset_setting(struct store *st, const char *key, bool *had, struct ft_error *err)
{
	static const char sql[] = "DELETE FROM setting WHERE key = ?";
	bool ok = store_insert_row(st, sql, NULL, 0, key, NULL, err, "forget a setting");
	if (ok && had)
		*had = sqlite3_changes(st->db) > 0;
	return ok;
}

bool
store_settings(struct store *st, void (*each)(void *ctx, const char *key, const char *value),
	       void *ctx, struct ft_error *err)
{
	static const char sql[] = "SELECT key, value FROM setting ORDER BY key";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	int rc;
	if (!q)
		return false;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		each(ctx, (const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1));
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "read the settings");
	return true;
}
