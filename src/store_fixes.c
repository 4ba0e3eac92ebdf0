/*
 * store_fixes.c - corrections made after the fact (`familytable correct`,
 * the corrections screen): a walk added, a row removed, a week marked away
 * or not; each logged with a copy of its row so that it can be undone and
 * exported. Part of the store (store_internal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* ---- corrections ---- */

/* The table each kind of logged row lives in; a session's members live in
 * session_member, tied by session_id. */
static const char *const kind_table[] = {
	[STORE_SESSION] = "session", [STORE_WALK] = "walk", [STORE_HUG] = "hug", [STORE_TAP] = "tap",
};
static const char *const fix_action[] = {
	[STORE_FIX_ADD] = "add", [STORE_FIX_REMOVE] = "remove",
	[STORE_FIX_AWAY] = "away", [STORE_FIX_AWAY_OFF] = "away-off",
};

/* A statement built here from this file's own table and column names (every
 * value still goes in through a bind); prepared once, finalized by the
 * caller. */
static sqlite3_stmt *
prepare_built(struct store *st, const char *sql, struct ft_error *err)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) {
		store_db_fail(st, err, "prepare");
		sqlite3_finalize(q);
		return NULL;
	}
	return q;
}

/* TABLE's columns but SKIP, each written PRE name POST (PRE name MID name
 * POST when MID is given) and joined by commas, appended to OUT. Read from
 * the schema, so that a column a later version adds is copied too. */
static bool
each_column(struct store *st, const char *table, const char *skip, const char *pre,
	    const char *mid, const char *post, char *out, size_t size, struct ft_error *err)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", table);
	sqlite3_stmt *q = prepare_built(st, sql, err);
	bool first = true;
	if (!q)
		return false;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(q, 1);
		size_t n = strlen(out);
		if (strcmp(name, skip) == 0)
			continue;
		snprintf(out + n, size - n, "%s%s%s%s%s%s", first ? "" : ",", pre, name,
			 mid ? mid : "", mid ? name : "", post);
		first = false;
	}
	sqlite3_finalize(q);
	if (strlen(out) + 1 >= size)
		return ft_fail(err, "%s: too many columns to copy", table);
	return true;
}

/* Row ID of KIND as one JSON object (a session with "members": its
 * session_member rows), malloc'd into *json; NULL when there is no such
 * row. */
static bool
snapshot_row(struct store *st, enum store_kind kind, int64_t id, char **json, struct ft_error *err)
{
	char sql[2048] = "SELECT json_object(";
	const char *table = kind_table[kind];
	*json = NULL;
	if (!each_column(st, table, "", "'", "', t.", "", sql, sizeof(sql), err))
		return false;
	if (kind == STORE_SESSION) {
		char members[512] = "";
		if (!each_column(st, "session_member", "session_id", "'", "', m.", "", members,
				 sizeof(members), err))
			return false;
		size_t n = strlen(sql);
		snprintf(sql + n, sizeof(sql) - n,
			 ", 'members', (SELECT json_group_array(json_object(%s))"
			 " FROM session_member m WHERE m.session_id = t.id)",
			 members);
	}
	size_t n = strlen(sql);
	snprintf(sql + n, sizeof(sql) - n, ") FROM %s t WHERE t.id = ?", table);
	sqlite3_stmt *q = prepare_built(st, sql, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*json = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(st, err, "copy a row");
	if (rc == SQLITE_ROW && !*json)
		return ft_fail(err, "out of memory");
	return true;
}

/* Puts back a row that snapshot_row copied: with its old id when that is
 * still free, else a new one (*id says which), and a session's members. */
static bool
restore_row(struct store *st, enum store_kind kind, const char *json, int64_t *id,
	    struct ft_error *err)
{
	const char *table = kind_table[kind];
	char cols[512] = "", values[1024] = "", sql[2048];
	if (!each_column(st, table, "id", "", NULL, "", cols, sizeof(cols), err) ||
	    !each_column(st, table, "id", "json_extract(?1, '$.", NULL, "')", values, sizeof(values),
			 err))
		return false;
	snprintf(sql, sizeof(sql),
		 "INSERT INTO %s (id, %s) SELECT CASE WHEN EXISTS (SELECT 1 FROM %s"
		 " WHERE id = json_extract(?1, '$.id')) THEN NULL ELSE json_extract(?1, '$.id') END, %s",
		 table, cols, table, values);
	sqlite3_stmt *q = prepare_built(st, sql, err);
	if (!q)
		return false;
	sqlite3_bind_text(q, 1, json, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "put a row back");
	*id = sqlite3_last_insert_rowid(st->db);
	if (kind != STORE_SESSION)
		return true;
	cols[0] = values[0] = '\0';
	if (!each_column(st, "session_member", "session_id", "", NULL, "", cols, sizeof(cols), err) ||
	    !each_column(st, "session_member", "session_id", "json_extract(value, '$.", NULL, "')",
			 values, sizeof(values), err))
		return false;
	snprintf(sql, sizeof(sql),
		 "INSERT INTO session_member (session_id, %s) SELECT ?2, %s FROM json_each(?1, '$.members')",
		 cols, values);
	if (!(q = prepare_built(st, sql, err)))
		return false;
	sqlite3_bind_text(q, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, *id);
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "put a session's members back");
	return true;
}

/* Logs one correction (inside the caller's transaction). */
static bool
log_fix(struct store *st, enum store_fix action, const char *target, int64_t target_id,
	const char *row, int before, ft_ms made, int64_t *fix, struct ft_error *err)
{
	static const char sql[] =
		"INSERT INTO correction (made_ms, action, target, target_id, row, before)"
		" VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, made);
	sqlite3_bind_text(q, 2, fix_action[action], -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, target, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 4, target_id);
	if (row)
		sqlite3_bind_text(q, 5, row, -1, SQLITE_TRANSIENT);
	if (before >= 0)
		sqlite3_bind_int(q, 6, before);
	if (!store_step_done(st, q, err, "log a correction"))
		return false;
	if (fix)
		*fix = sqlite3_last_insert_rowid(st->db);
	return true;
}

bool
store_fix_add_walk(struct store *st, ft_ms start, ft_ms end, int64_t day, ft_ms made, int64_t *fix,
		   struct ft_error *err)
{
	int64_t id;
	char *row = NULL;
	if (!store_begin(st, err))
		return false;
	bool ok = store_add_walk(st, start, end, day, &id, err) &&
		  snapshot_row(st, STORE_WALK, id, &row, err) &&
		  log_fix(st, STORE_FIX_ADD, "walk", id, row, -1, made, fix, err);
	free(row);
	return store_finish(st, ok, err);
}

bool
store_fix_remove(struct store *st, enum store_kind kind, int64_t id, ft_ms made, int64_t *fix,
		 bool *found, struct ft_error *err)
{
	char *row = NULL;
	if (!store_begin(st, err))
		return false;
	bool ok = snapshot_row(st, kind, id, &row, err);
	*found = row != NULL;
	if (ok && row)
		ok = store_delete(st, kind, id, err) &&
		     log_fix(st, STORE_FIX_REMOVE, kind_table[kind], id, row, -1, made, fix, err);
	free(row);
	return store_finish(st, ok, err);
}

bool
store_fix_away(struct store *st, int64_t week, bool away, ft_ms made, int64_t *fix,
	       struct ft_error *err)
{
	bool was = false;
	if (!store_begin(st, err))
		return false;
	bool ok = store_get_mark(st, STORE_MARK_AWAY, week, &was, err) &&
		  store_set_away(st, week, away, err) &&
		  log_fix(st, away ? STORE_FIX_AWAY : STORE_FIX_AWAY_OFF, "week", week, NULL, was, made,
			  fix, err);
	return store_finish(st, ok, err);
}

/* The correction row's columns, in store_correction's order. */
#define CORRECTION_COLUMNS                                                                     \
	"c.id, c.made_ms, c.undone_ms, c.action, c.target, c.target_id, c.before,"                 \
	" coalesce(json_extract(c.row, '$.start_ms'), json_extract(c.row, '$.t_ms')),"            \
	" coalesce(json_extract(c.row, '$.end_ms'), json_extract(c.row, '$.t_ms')),"              \
	" json_extract(c.row, '$.day'), json_extract(c.row, '$.class'),"                         \
	" json_extract(c.row, '$.kind'), c.row"

static enum store_kind
kind_of(const char *table)
{
	for (int k = 0; k < (int)FT_ARRAY_LEN(kind_table); k++)
		if (table && strcmp(table, kind_table[k]) == 0)
			return (enum store_kind)k;
	return STORE_SESSION;
}

static void
read_correction(sqlite3_stmt *q, void *item)
{
	struct store_correction *c = item;
	const char *action = (const char *)sqlite3_column_text(q, 3);
	const char *target = (const char *)sqlite3_column_text(q, 4);
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(q, 0);
	c->made = sqlite3_column_int64(q, 1);
	c->undone = sqlite3_column_type(q, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 2);
	for (int a = 0; a < (int)FT_ARRAY_LEN(fix_action); a++)
		if (action && strcmp(action, fix_action[a]) == 0)
			c->action = (enum store_fix)a;
	c->week = target && strcmp(target, "week") == 0;
	c->was_away = sqlite3_column_int(q, 6) != 0;
	if (c->week) {
		c->target = sqlite3_column_int64(q, 5);
		return;
	}
	c->entry.kind = kind_of(target);
	c->entry.id = sqlite3_column_int64(q, 5);
	c->entry.start = sqlite3_column_int64(q, 7);
	c->entry.end = sqlite3_column_int64(q, 8);
	c->entry.day = sqlite3_column_int64(q, 9);
	const char *cls = (const char *)sqlite3_column_text(q, 10);
	const char *kind = (const char *)sqlite3_column_text(q, 11);
	snprintf(c->entry.record, sizeof(c->entry.record), "%s", cls ? cls : target);
	snprintf(c->entry.detail, sizeof(c->entry.detail), "%s", kind ? kind : "");
}

bool
store_correction(struct store *st, int64_t fix, struct store_correction *c, bool *found,
		 struct ft_error *err)
{
	static const char sql[] = "SELECT " CORRECTION_COLUMNS " FROM correction c WHERE c.id = ?";
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, fix);
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_correction(q, c);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_fail(st, err, "read a correction");
	return true;
}

bool
store_corrections(struct store *st, struct store_correction **out, size_t *n, struct ft_error *err)
{
	static const char sql[] = "SELECT " CORRECTION_COLUMNS " FROM correction c ORDER BY c.id";
	*out = NULL;
	*n = 0;
	if (store_load_rows(st, sql, NULL, 0, (void **)out, n, sizeof(**out), read_correction, err))
		return true;
	free(*out);
	*out = NULL;
	return false;
}

bool
store_fix_undo(struct store *st, int64_t fix, ft_ms t, struct ft_error *err)
{
	static const char row_sql[] = "SELECT row FROM correction WHERE id = ?";
	static const char done_sql[] = "UPDATE correction SET undone_ms = ? WHERE id = ?";
	static const char retarget_sql[] = "UPDATE correction SET target_id = ? WHERE id = ?";
	struct store_correction c;
	bool found;
	if (!store_begin(st, err))
		return false;
	bool ok = store_correction(st, fix, &c, &found, err);
	if (ok && (!found || c.undone >= 0)) {
		store_rollback(st);
		return ft_fail(err, "correction %lld: %s", (long long)fix,
			       found ? "already undone" : "no such correction");
	}
	if (ok && c.action == STORE_FIX_ADD) {
		ok = store_delete(st, c.entry.kind, c.entry.id, err);
	} else if (ok && c.action == STORE_FIX_REMOVE) {
		sqlite3_stmt *q = store_stmt(st, row_sql, err);
		char *row = NULL;
		int64_t id = -1;
		ok = q != NULL;
		if (ok) {
			sqlite3_bind_int64(q, 1, fix);
			if (sqlite3_step(q) == SQLITE_ROW)
				row = strdup((const char *)sqlite3_column_text(q, 0));
			sqlite3_reset(q);
			ok = row != NULL || ft_fail(err, "correction %lld: no copy of the row", (long long)fix);
		}
		ok = ok && restore_row(st, c.entry.kind, row, &id, err);
		free(row);
		/* the log follows the row to its new id, if it needed one */
		int64_t v[] = {id, fix};
		ok = ok && (id == c.entry.id ||
			    store_insert_row(st, retarget_sql, v, 2, NULL, NULL, err, "undo a correction"));
	} else if (ok) {
		ok = store_set_away(st, c.target, c.was_away, err);
	}
	int64_t v[] = {t, fix};
	ok = ok && store_insert_row(st, done_sql, v, 2, NULL, NULL, err, "undo a correction");
	return store_finish(st, ok, err);
}

static void
read_entry(sqlite3_stmt *q, void *item)
{
	struct store_entry *e = item;
	memset(e, 0, sizeof(*e));
	e->kind = (enum store_kind)sqlite3_column_int(q, 0);
	e->id = sqlite3_column_int64(q, 1);
	e->start = sqlite3_column_int64(q, 2);
	e->end = sqlite3_column_int64(q, 3);
	e->day = sqlite3_column_int64(q, 4);
	snprintf(e->record, sizeof(e->record), "%s", (const char *)sqlite3_column_text(q, 5));
	snprintf(e->detail, sizeof(e->detail), "%s", (const char *)sqlite3_column_text(q, 6));
}

bool
store_entries(struct store *st, int64_t from_day, int64_t to_day, struct store_entry **out,
	      size_t *n, struct ft_error *err)
{
	static const char sql[] =
		"SELECT 0, id, start_ms, end_ms, day, class, kind FROM session WHERE day BETWEEN ?1 AND ?2"
		" AND" MS_OK("start_ms") "AND" MS_OK("end_ms")
		" UNION ALL SELECT 1, id, start_ms, end_ms, day, 'walk', '' FROM walk"
		"  WHERE day BETWEEN ?1 AND ?2 AND" MS_OK("start_ms") "AND" MS_OK("end_ms")
		" UNION ALL SELECT 2, id, t_ms, t_ms, day, 'hug', '' FROM hug WHERE day BETWEEN ?1 AND ?2"
		" AND" MS_OK("t_ms")
		" UNION ALL SELECT 3, id, t_ms, t_ms, day, 'tap', kind FROM tap WHERE day BETWEEN ?1 AND ?2"
		" AND" MS_OK("t_ms")
		" ORDER BY 3 DESC, 1, 2";
	const int64_t bind[] = {from_day, to_day};
	*out = NULL;
	*n = 0;
	if (store_load_rows(st, sql, bind, 2, (void **)out, n, sizeof(**out), read_entry, err))
		return true;
	free(*out);
	*out = NULL;
	return false;
}

const char *
store_fix_name(enum store_fix action)
{
	return fix_action[action];
}
