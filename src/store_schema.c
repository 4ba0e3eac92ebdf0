/*
 * store_schema.c - the database's schema and its opening: the migrations
 * (one a schema version, in order, never edited once released), the
 * pragmas, the checks (quick_check, a file that is not ours), a damaged
 * file kept aside, and closing. Part of the store (store_internal.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "store_internal.h"

#define STORE_SCHEMA_VERSION 6

/*
 * The week_figure table (step 5 -> 6): each week's figures as habits.h
 * reads them (struct history_week), kept by triggers on every write to the
 * rows they come from, so a report reads one row a week instead of every
 * meal, walk and hug ever logged. LAST_MS is the latest end (or instant) of
 * those rows: a report as of an earlier T figures that week again from its
 * rows (store_read.c), so the table never has to know T. WALKS is each
 * day's longest walk, "day:ms" joined by commas (day 0 is Monday).
 *
 * The figuring is written once, as what inserting a week into the view
 * week_refigure does; the rows' triggers insert their weeks there. SQLite
 * parses every trigger at each open, so its text is kept short.
 *
 * The week of a day column, floor((day + 3) / 7) (calendar.c), written as
 * a division of positive numbers since SQLite's truncates towards zero.
 */
#define SQL_WEEK(day) "((" day ") + 1400003) / 7 - 200000"
#define SQL_MONDAY "(wk.w * 7 - 3)"
#define SQL_IN_WEEK " day BETWEEN " SQL_MONDAY " AND " SQL_MONDAY " + 6 "
/* The figures of the weeks W of the query WEEKS, as store_load_history's
 * queries would read them with no T. */
#define SQL_FIGURES(weeks)                                                                         \
	"INSERT INTO week_figure (week, meals, hugs, walks, last_ms) SELECT * FROM (SELECT wk.w,"  \
	" (SELECT count(DISTINCT day || ' ' || kind) FROM session WHERE class = 'meal' AND"        \
	SQL_IN_WEEK "AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "),"                              \
	" (SELECT coalesce(sum(DISTINCT 1 << (day - " SQL_MONDAY ")), 0) FROM hug WHERE"           \
	SQL_IN_WEEK "AND" MS_OK("t_ms") "),"                                                         \
	" (SELECT coalesce(group_concat(d || ':' || m), '') FROM (SELECT day - " SQL_MONDAY " AS d," \
	" max(end_ms - start_ms) AS m FROM walk WHERE" SQL_IN_WEEK "AND end_ms > start_ms AND"      \
	MS_OK("start_ms") "AND" MS_OK("end_ms") "GROUP BY day)),"                                   \
	" (SELECT max(t) FROM (SELECT max(end_ms) AS t FROM session WHERE class = 'meal' AND"      \
	SQL_IN_WEEK " UNION ALL SELECT max(end_ms) FROM walk WHERE" SQL_IN_WEEK                     \
	" UNION ALL SELECT max(t_ms) FROM hug WHERE" SQL_IN_WEEK ")) AS last_ms"                    \
	" FROM (" weeks ") AS wk) WHERE last_ms IS NOT NULL;"
#define SQL_REFIGURE(day) "INSERT INTO week_refigure VALUES (" SQL_WEEK(day) ");"
#define SQL_TRIGGERS(table)                                                                        \
	"CREATE TRIGGER " table "_figure_add AFTER INSERT ON " table " BEGIN "                    \
	SQL_REFIGURE("NEW.day") " END;"                                                             \
	"CREATE TRIGGER " table "_figure_remove AFTER DELETE ON " table " BEGIN "                 \
	SQL_REFIGURE("OLD.day") " END;"                                                             \
	"CREATE TRIGGER " table "_figure_change AFTER UPDATE ON " table " BEGIN "                 \
	SQL_REFIGURE("OLD.day") SQL_REFIGURE("NEW.day") " END;"

/* Schema migrations: migrations[v] takes user_version v to v+1. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY,"
	"  start_ms INTEGER NOT NULL,"
	"  end_ms INTEGER NOT NULL CHECK (end_ms >= start_ms),"
	"  class TEXT NOT NULL CHECK (class IN ('short','left-docked','phones-down','meal')),"
	"  day INTEGER NOT NULL,"          /* a meal's date, else the start's day */
	"  kind TEXT NOT NULL DEFAULT '',"  /* a meal's window */
	"  phones INTEGER NOT NULL,"
	"  interruptions INTEGER NOT NULL);"
	"CREATE INDEX session_by_day ON session(day);"
	"CREATE INDEX session_meals ON session(class, day, kind, end_ms);"
	"CREATE TABLE session_member ("
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  slot INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (session_id, slot));"
	"CREATE TABLE walk ("
	"  id INTEGER PRIMARY KEY,"
	"  start_ms INTEGER NOT NULL,"
	"  end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),"
	"  day INTEGER NOT NULL);"
	"CREATE INDEX walk_by_day ON walk(day);"
	"CREATE TABLE hug (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, day INTEGER NOT NULL);"
	"CREATE INDEX hug_by_day ON hug(day);"
	"CREATE TABLE tap (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, day INTEGER NOT NULL,"
	"  kind TEXT NOT NULL);"
	"CREATE INDEX tap_by_day ON tap(day);"
	"CREATE TABLE away (week INTEGER PRIMARY KEY);"
	"CREATE TABLE review (week INTEGER PRIMARY KEY, reviewed_ms INTEGER NOT NULL);"
	/* the session in progress (SPEC §2.9): one row at most */
	"CREATE TABLE open_session ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  start_ms INTEGER NOT NULL, phones INTEGER NOT NULL, interruptions INTEGER NOT NULL,"
	"  dipping INTEGER NOT NULL, dip_start_ms INTEGER NOT NULL,"
	"  last_seen_ms INTEGER NOT NULL);"
	"CREATE TABLE open_slot ("
	"  slot INTEGER PRIMARY KEY, level INTEGER NOT NULL, since_ms INTEGER NOT NULL,"
	"  in_ms INTEGER NOT NULL, in_at_dip_ms INTEGER NOT NULL);"
	/* named integers: 'clock' (last instant run to), 'walk_start' */
	"CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);",
	/* 1 -> 2: the Sunday review confirms the next week's rituals */
	"CREATE TABLE ritual_plan (week INTEGER PRIMARY KEY, confirmed_ms INTEGER NOT NULL);",
	/* 2 -> 3: the settings made on the display (SPEC §6), each over the
	 * file's value for its key ("meal.weekly_goal"); the text exactly as
	 * the file would take it, a list's items joined by line feeds */
	"CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL, set_ms INTEGER NOT NULL);",
	/* 3 -> 4: a call says who called (a slot, named at report time) and
	 * whom (SPEC §3); both NULL for a call logged without them */
	"ALTER TABLE tap ADD COLUMN from_slot INTEGER;"
	"ALTER TABLE tap ADD COLUMN to_name TEXT;",
	/* 4 -> 5: corrections made after the fact, each logged and undoable:
	 * a walk added, a row removed, a week marked away or not. ROW is the
	 * row added or removed as JSON (a session with its members), so that
	 * undo puts it back and the export shows it; for a week, BEFORE says
	 * whether it was away */
	"CREATE TABLE correction ("
	"  id INTEGER PRIMARY KEY,"
	"  made_ms INTEGER NOT NULL,"
	"  action TEXT NOT NULL CHECK (action IN ('add','remove','away','away-off')),"
	"  target TEXT NOT NULL CHECK (target IN ('session','walk','hug','tap','week')),"
	"  target_id INTEGER NOT NULL,"      /* the row's id, or the week */
	"  row TEXT,"
	"  before INTEGER,"
	"  undone_ms INTEGER);",
	/* 5 -> 6: each week's figures, kept as the rows change (above) */
	"CREATE TABLE week_figure ("
	"  week INTEGER PRIMARY KEY,"
	"  meals INTEGER NOT NULL,"      /* distinct (date, kind) meals */
	"  hugs INTEGER NOT NULL,"       /* bit d: a hug on the week's day d */
	"  walks TEXT NOT NULL,"         /* "day:ms,...": each day's longest walk */
	"  last_ms INTEGER NOT NULL);"
	"CREATE VIEW week_refigure (w) AS SELECT NULL;"
	"CREATE TRIGGER week_refigure_do INSTEAD OF INSERT ON week_refigure BEGIN"
	"  DELETE FROM week_figure WHERE week = NEW.w;"
	SQL_FIGURES("SELECT NEW.w AS w") " END;"
	SQL_TRIGGERS("session") SQL_TRIGGERS("walk") SQL_TRIGGERS("hug")
	SQL_FIGURES("SELECT DISTINCT " SQL_WEEK("day") " AS w FROM session WHERE class = 'meal'"
		    " UNION SELECT " SQL_WEEK("day") " FROM walk UNION SELECT " SQL_WEEK("day") " FROM hug"),
};

_Static_assert(FT_ARRAY_LEN(migrations) == STORE_SCHEMA_VERSION, "one migration per version");

int
store_schema_version(void)
{
	return STORE_SCHEMA_VERSION;
}

static bool
pragma_text(struct store *st, const char *sql, const char *want, struct ft_error *err)
{
	sqlite3_stmt *s = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_db_fail(st, err, sql);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		ok = !want || (v && strcasecmp(v, want) == 0);
		if (!ok)
			ft_fail(err, "%s: %s gave \"%s\"", st->path, sql, v ? v : "");
	} else {
		ok = !want;
		if (!ok)
			store_db_fail(st, err, sql);
	}
	sqlite3_finalize(s);
	return ok;
}

static int
user_version(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static bool
migrate(struct store *st, struct ft_error *err)
{
	int v = user_version(st);
	if (v < 0)
		return store_db_fail(st, err, "read the schema version");
	if (v > (int)FT_ARRAY_LEN(migrations))
		return ft_fail(err, "%s: made by a newer familytable (schema %d, this one knows %d)",
			       st->path, v, (int)FT_ARRAY_LEN(migrations));
	while (v < (int)FT_ARRAY_LEN(migrations)) {
		char bump[64];
		/* each step and its version bump commit together; the version is
		 * read again inside the step's transaction, as another program
		 * opening the same new file may have taken the step already */
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			return store_db_fail(st, err, "begin migration");
		v = user_version(st);
		if (v < 0 || v >= (int)FT_ARRAY_LEN(migrations)) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			break;
		}
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %d", v + 1);
		if (sqlite3_exec(st->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(st->db, bump, NULL, NULL, NULL) != SQLITE_OK) {
			store_db_fail(st, err, "migrate");
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return false;
		}
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			return store_db_fail(st, err, "commit migration");
		v++;
		log_debug("%s: schema version %d", st->path, v);
	}
	return true;
}

/* mkdir -p of PATH's folder. */
static bool
make_parent(const char *path, struct ft_error *err)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return true;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return ft_fail(err, "%s: %s", dir, strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return ft_fail(err, "%s: %s", dir, strerror(errno));
	return true;
}

/* quick_check: true when it says "ok". *DAMAGED is set only when SQLite
 * finds damage (a bad page, a file that is not a database); a lock, a
 * read-only mount or a full disk is said as such by store_explain(). FULL false
 * reads only the schema's version instead: a read-only command's open,
 * which fails the same way on a file that is not a database, locked or on
 * a read-only mount, but does not read every page of years of history
 * (two thirds of a report's work) to protect nothing it writes. */
static bool
quick_check(struct store *st, bool full, bool *damaged, struct ft_error *err)
{
	sqlite3_stmt *s = NULL;
	bool ok = false;
	int rc = sqlite3_prepare_v2(st->db, full ? "PRAGMA quick_check" : "PRAGMA schema_version",
				    -1, &s, NULL);
	*damaged = false;
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && !full) {
		ok = true;
	} else if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		ok = v && strcmp(v, "ok") == 0;
		*damaged = !ok;
		if (!ok)
			ft_fail(err, "%s: the database is damaged (quick_check: %.200s)", st->path,
				v ? v : "no answer");
	} else {
		int code = sqlite3_extended_errcode(st->db) & 0xff;
		*damaged = code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
		store_db_fail(st, err, "check the file");
	}
	sqlite3_finalize(s);
	return ok;
}

/* A file with no table and schema version 0: SQLite takes an empty file
 * for an empty database, which a read-only command must not fill. */
static bool
is_empty_database(struct store *st)
{
	sqlite3_stmt *s = NULL;
	bool empty = false;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		empty = sqlite3_column_int(s, 0) == 0 && user_version(st) == 0;
	sqlite3_finalize(s);
	return empty;
}

/* "file:" URI of PATH, percent-encoding what a URI would read otherwise. */
static void
uri_of(const char *path, const char *query, char *out, size_t size)
{
	size_t n = (size_t)snprintf(out, size, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < size; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7f)
			n += (size_t)snprintf(out + n, size - n, "%%%02X", *p);
		else
			out[n++] = (char)*p;
	}
	snprintf(out + n, size - n, "%s", query);
}

/* Rename SRC to DST without ever replacing DST: link, then unlink. */
static bool
move_aside(const char *src, const char *dst)
{
	if (link(src, dst) != 0)
		return errno == ENOENT; /* no -wal or -shm to move: fine */
	return unlink(src) == 0;
}

/* Keep a damaged database (and its WAL) aside under a dated name, never
 * replacing a file: PATH.damaged-20261130T104500Z, then -2, -3... */
static bool
keep_aside(const char *path, char *aside, size_t size, struct ft_error *err)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	for (int n = 1; n < 100; n++) {
		char suffix[16] = "", wal[PATH_MAX + 64], wal_aside[PATH_MAX + 64];
		if (n > 1)
			snprintf(suffix, sizeof(suffix), "-%d", n);
		if ((size_t)snprintf(aside, size, "%s.damaged-%s%s", path, stamp, suffix) >= size)
			return ft_fail(err, "%s: path too long to keep the damaged file aside", path);
		if (link(path, aside) != 0) {
			if (errno == EEXIST)
				continue;
			return ft_fail(err, "%s: cannot keep the damaged file aside as %s: %s", path,
				       aside, strerror(errno));
		}
		snprintf(wal, sizeof(wal), "%s-wal", path);
		snprintf(wal_aside, sizeof(wal_aside), "%s-wal", aside);
		if (!move_aside(wal, wal_aside) || unlink(path) != 0)
			return ft_fail(err, "%s: cannot keep the damaged file aside: %s", path,
				       strerror(errno));
		char shm[PATH_MAX + 8];
		snprintf(shm, sizeof(shm), "%s-shm", path);
		unlink(shm); /* an index of the WAL, rebuilt from it */
		return true;
	}
	return ft_fail(err, "%s: too many damaged copies kept aside already", path);
}

static struct store *
open_once(const char *path, enum store_mode mode, bool immutable, bool *damaged,
	  struct ft_error *err)
{
	struct store *st = calloc(1, sizeof(*st));
	char uri[PATH_MAX * 3 + 32];
	int flags = SQLITE_OPEN_URI;
	*damaged = false;
	if (!st) {
		ft_fail(err, "out of memory");
		return NULL;
	}
	snprintf(st->path, sizeof(st->path), "%s", path);
	st->seen_fd = -1;
	st->run_fd = -1;
	if (mode == STORE_EXISTING) {
		struct stat sb;
		if (stat(path, &sb) != 0) {
			ft_fail(err, "%s: no database yet (the appliance or `familytable simulate` creates it)",
				path);
			goto fail_alloc;
		}
		if (sb.st_size == 0) {
			ft_fail(err, "%s: an empty file, not a familytable database", path);
			goto fail_alloc;
		}
		flags |= immutable ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	} else {
		if (!make_parent(path, err))
			goto fail_alloc;
		flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	}
	uri_of(path, immutable ? "?immutable=1" : "", uri, sizeof(uri));
	int rc = sqlite3_open_v2(uri, &st->db, flags, NULL);
	if (rc != SQLITE_OK) {
		store_explain(st, st->db ? sqlite3_extended_errcode(st->db) : rc, err, "open");
		goto fail_db;
	}
	sqlite3_extended_result_codes(st->db, 1);
	/* another program holding a write lock: wait a little, then report it */
	sqlite3_busy_timeout(st->db, 2000);
	/* quick_check first: on a file that is not a database the pragmas fail
	 * with a less helpful message; where it protects something only (what
	 * writes; the appliance also calls store_check once a day) */
	if (!quick_check(st, mode != STORE_EXISTING, damaged, err))
		goto fail_db;
	if (mode == STORE_EXISTING && is_empty_database(st)) {
		ft_fail(err, "%s: not a familytable database (no tables)", path);
		goto fail_db;
	}
	if (mode != STORE_EXISTING && sqlite3_db_readonly(st->db, "main") == 1) {
		ft_fail(err, "%s: the database is read-only (it cannot be written: %s)", path,
			access(path, W_OK) != 0 ? strerror(errno) : "mounted read-only?");
		goto fail_db;
	}
	if (immutable) {
		if (user_version(st) != (int)FT_ARRAY_LEN(migrations)) {
			ft_fail(err, "%s: the database is read-only and needs an upgrade first", path);
			goto fail_db;
		}
		return st;
	}
	/* WAL and synchronous=FULL: a meal reported saved survives a power cut */
	if (!pragma_text(st, "PRAGMA journal_mode = WAL", "wal", err) ||
	    !pragma_text(st, "PRAGMA synchronous = FULL", NULL, err) ||
	    !pragma_text(st, "PRAGMA foreign_keys = ON", NULL, err))
		goto fail_db;
	if (!migrate(st, err))
		goto fail_db;
	return st;

fail_db:
	sqlite3_close(st->db);
fail_alloc:
	free(st);
	return NULL;
}

struct store *
store_open_mode(const char *path, enum store_mode mode, char *aside, size_t aside_size,
		struct ft_error *err)
{
	bool damaged;
	if (aside && aside_size)
		aside[0] = '\0';
	struct store *st = open_once(path, mode, false, &damaged, err);
	if (st)
		return st;
	/* A read-only mount: the WAL index cannot be made beside the file, and
	 * nobody can change the file either, so it is read as immutable. */
	if (mode == STORE_EXISTING && !damaged && access(path, R_OK) == 0 && strstr(err->msg, "read-only")) {
		struct ft_error why;
		st = open_once(path, mode, true, &damaged, &why);
		if (st)
			return st;
	}
	if (mode != STORE_RECOVER || !damaged || !aside)
		return NULL;
	struct ft_error what = *err;
	if (!keep_aside(path, aside, aside_size, err))
		return NULL;
	log_error("%s; kept aside as %s, a fresh database started", what.msg, aside);
	return open_once(path, STORE_CREATE, false, &damaged, err);
}

struct store *
store_open(const char *path, struct ft_error *err)
{
	return store_open_mode(path, STORE_CREATE, NULL, 0, err);
}

bool
store_check(struct store *st, struct ft_error *err)
{
	bool damaged;
	return quick_check(st, true, &damaged, err);
}

void
store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	sqlite3_close(st->db);
	if (st->seen_fd >= 0)
		close(st->seen_fd);
	if (st->run_fd >= 0)
		close(st->run_fd);
	free(st);
}
