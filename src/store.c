/*
 * store.c - familytable's SQLite file; the only module that knows SQL.
 *
 * Map of this file: opening (pragmas, checks, migrations), transactions,
 * logging, the open session, queries for reports, CSV export.
 *
 * Instants are UTC milliseconds; days are local day numbers (days since
 * 1970-01-01) and weeks week numbers, both computed by the caller (calendar.c)
 * when a thing is logged, so a meal dated Monday stays Monday.
 *
 * Statements are prepared once and kept (stmt() below); every value goes in
 * through a bind, never through the SQL text.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "log.h"
#include "store.h"

#define STORE_SCHEMA_VERSION 5
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
};

/*
 * The open session's heartbeat lives beside the database, in PATH-seen: 24
 * bytes (the session's start, the last instant its phones were known to be
 * in, and a check word) rewritten in place once a minute. Through SQLite the
 * same 8 bytes cost a WAL frame that straddles two pages, the wal-index
 * pages and a sync of the WAL, 13 to 20 KiB of writes a minute of meal; here
 * they cost one page and one fdatasync. The row in open_session stays the
 * truth for everything else and is rewritten whenever the session changes.
 */
#define SEEN_SUFFIX "-seen"
#define SEEN_MAGIC 0x66747365656e3031LL /* "ftseen01" */

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
};

_Static_assert(FT_ARRAY_LEN(migrations) == STORE_SCHEMA_VERSION, "one migration per version");

int
store_schema_version(void)
{
	return STORE_SCHEMA_VERSION;
}

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
static bool
explain(struct store *st, int code, struct ft_error *err, const char *what)
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

static bool
db_fail(struct store *st, struct ft_error *err, const char *what)
{
	return explain(st, st->db ? sqlite3_extended_errcode(st->db) : SQLITE_ERROR, err, what);
}

/* The prepared statement for SQL (a string literal), reset and unbound. */
static sqlite3_stmt *
stmt(struct store *st, const char *sql, struct ft_error *err)
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
		db_fail(st, err, "prepare");
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
static bool
step_done(struct store *st, sqlite3_stmt *s, struct ft_error *err, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, what);
	return true;
}

static bool
pragma_text(struct store *st, const char *sql, const char *want, struct ft_error *err)
{
	sqlite3_stmt *s = NULL;
	bool ok = false;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(st, err, sql);
	if (sqlite3_step(s) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		ok = !want || (v && strcasecmp(v, want) == 0);
		if (!ok)
			ft_fail(err, "%s: %s gave \"%s\"", st->path, sql, v ? v : "");
	} else {
		ok = !want;
		if (!ok)
			db_fail(st, err, sql);
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
		return db_fail(st, err, "read the schema version");
	if (v > (int)FT_ARRAY_LEN(migrations))
		return ft_fail(err, "%s: made by a newer familytable (schema %d, this one knows %d)",
			       st->path, v, (int)FT_ARRAY_LEN(migrations));
	while (v < (int)FT_ARRAY_LEN(migrations)) {
		char bump[64];
		/* each step and its version bump commit together; the version is
		 * read again inside the step's transaction, as another program
		 * opening the same new file may have taken the step already */
		if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(st, err, "begin migration");
		v = user_version(st);
		if (v < 0 || v >= (int)FT_ARRAY_LEN(migrations)) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			break;
		}
		snprintf(bump, sizeof(bump), "PRAGMA user_version = %d", v + 1);
		if (sqlite3_exec(st->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_exec(st->db, bump, NULL, NULL, NULL) != SQLITE_OK) {
			db_fail(st, err, "migrate");
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return false;
		}
		if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			return db_fail(st, err, "commit migration");
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
 * read-only mount or a full disk is said as such by explain(). FULL false
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
		db_fail(st, err, "check the file");
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
		explain(st, st->db ? sqlite3_extended_errcode(st->db) : rc, err, "open");
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
	free(st);
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
		return db_fail(st, err, "begin");
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
		db_fail(st, err, "commit");
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
static bool
finish(struct store *st, bool ok, struct ft_error *err)
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
	sqlite3_stmt *q = stmt(st, ins, err);
	bool ok = q != NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, s->start);
		sqlite3_bind_int64(q, 2, s->end);
		sqlite3_bind_text(q, 3, session_class_names[s->cls], -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, s->date);
		sqlite3_bind_text(q, 5, s->kind, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(q, 6, s->phones);
		sqlite3_bind_int(q, 7, s->interruptions);
		ok = step_done(st, q, err, "log a session");
	}
	int64_t row = sqlite3_last_insert_rowid(st->db);
	for (int i = 0; ok && i < cfg->nslots; i++) {
		char buf[FT_NAME_MAX];
		if (!(s->members & (1u << i)))
			continue;
		q = stmt(st, mem, err);
		if (!q) {
			ok = false;
			break;
		}
		sqlite3_bind_int64(q, 1, row);
		sqlite3_bind_int(q, 2, i + 1);
		sqlite3_bind_text(q, 3, config_slot_name(cfg, i + 1, buf), -1, SQLITE_TRANSIENT);
		ok = step_done(st, q, err, "log a session's members");
	}
	if (ok && id)
		*id = row;
	return finish(st, ok, err);
}

/* One INSERT of up to three integers and a text, as one logical change. */
static bool
insert_row(struct store *st, const char *sql, const int64_t *v, int nv, const char *text,
	   int64_t *id, struct ft_error *err, const char *what)
{
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = stmt(st, sql, err);
	bool ok = q != NULL;
	if (ok) {
		for (int i = 0; i < nv; i++)
			sqlite3_bind_int64(q, i + 1, v[i]);
		if (text)
			sqlite3_bind_text(q, nv + 1, text, -1, SQLITE_TRANSIENT);
		ok = step_done(st, q, err, what);
	}
	if (ok && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return finish(st, ok, err);
}

bool
store_add_walk(struct store *st, ft_ms start, ft_ms end, int64_t day, int64_t *id, struct ft_error *err)
{
	static const char sql[] = "INSERT INTO walk (start_ms, end_ms, day) VALUES (?, ?, ?)";
	int64_t v[] = {start, end, day};
	return insert_row(st, sql, v, 3, NULL, id, err, "log a walk");
}

bool
store_add_hug(struct store *st, ft_ms t, int64_t day, int64_t *id, struct ft_error *err)
{
	static const char sql[] = "INSERT INTO hug (t_ms, day) VALUES (?, ?)";
	int64_t v[] = {t, day};
	return insert_row(st, sql, v, 2, NULL, id, err, "log a hug");
}

bool
store_add_tap(struct store *st, ft_ms t, int64_t day, const char *kind, int64_t *id,
	      struct ft_error *err)
{
	static const char sql[] = "INSERT INTO tap (t_ms, day, kind) VALUES (?, ?, ?)";
	int64_t v[] = {t, day};
	return insert_row(st, sql, v, 2, kind, id, err, "log a tap");
}

bool
store_add_call(struct store *st, ft_ms t, int64_t day, int from_slot, const char *to, int64_t *id,
	       struct ft_error *err)
{
	static const char sql[] =
		"INSERT INTO tap (t_ms, day, kind, from_slot, to_name) VALUES (?, ?, 'call', ?, ?)";
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = stmt(st, sql, err);
	bool ok = q != NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, t);
		sqlite3_bind_int64(q, 2, day);
		if (from_slot > 0 && to && to[0]) {
			sqlite3_bind_int(q, 3, from_slot);
			sqlite3_bind_text(q, 4, to, -1, SQLITE_TRANSIENT);
		}
		ok = step_done(st, q, err, "log a call");
	}
	if (ok && id)
		*id = sqlite3_last_insert_rowid(st->db);
	return finish(st, ok, err);
}

bool
store_set_away(struct store *st, int64_t week, bool away, struct ft_error *err)
{
	static const char off[] = "DELETE FROM away WHERE week = ?";
	if (away)
		return store_set_mark(st, STORE_MARK_AWAY, week, 0, err);
	return insert_row(st, off, &week, 1, NULL, NULL, err, "mark a week away");
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
	return insert_row(st, mark_set_sql[mark], v, mark == STORE_MARK_AWAY ? 1 : 2, NULL, NULL,
			  err, "mark a week");
}

bool
store_get_mark(struct store *st, enum store_mark mark, int64_t week, bool *set, struct ft_error *err)
{
	sqlite3_stmt *q = stmt(st, mark_get_sql[mark], err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, week);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, err, "read a week's marks");
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
	return insert_row(st, sql[kind], &id, 1, NULL, NULL, err, "undo");
}

/* ---- named integers ---- */

static bool
state_set(struct store *st, const char *key, int64_t value, struct ft_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO state (value, key) VALUES (?, ?)";
	return insert_row(st, sql, &value, 1, key, NULL, err, key);
}

static bool
state_get(struct store *st, const char *key, int64_t *value, int64_t missing, struct ft_error *err)
{
	static const char sql[] = "SELECT value FROM state WHERE key = ?";
	sqlite3_stmt *q = stmt(st, sql, err);
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
		return db_fail(st, err, key);
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
	sqlite3_stmt *q = stmt(st, sql, err);
	bool ok = q != NULL;
	if (ok) {
		sqlite3_bind_int64(q, 1, t);
		sqlite3_bind_text(q, 2, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(q, 3, value, -1, SQLITE_TRANSIENT);
		ok = step_done(st, q, err, "save a setting");
	}
	return finish(st, ok, err);
}

bool
store_reset_setting(struct store *st, const char *key, bool *had, struct ft_error *err)
{
	static const char sql[] = "DELETE FROM setting WHERE key = ?";
	bool ok = insert_row(st, sql, NULL, 0, key, NULL, err, "forget a setting");
	if (ok && had)
		*had = sqlite3_changes(st->db) > 0;
	return ok;
}

bool
store_settings(struct store *st, void (*each)(void *ctx, const char *key, const char *value),
	       void *ctx, struct ft_error *err)
{
	static const char sql[] = "SELECT key, value FROM setting ORDER BY key";
	sqlite3_stmt *q = stmt(st, sql, err);
	int rc;
	if (!q)
		return false;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		each(ctx, (const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1));
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read the settings");
	return true;
}

/* ---- the open session ---- */

bool
store_save_open(struct store *st, const struct session_detector *det, ft_ms last_seen,
		struct ft_error *err)
{
	static const char clear[] = "DELETE FROM open_session";
	static const char clear_slots[] = "DELETE FROM open_slot";
	static const char ins[] =
		"INSERT INTO open_session (id, start_ms, phones, interruptions, dipping,"
		" dip_start_ms, last_seen_ms) VALUES (1, ?, ?, ?, ?, ?, ?)";
	static const char slot[] =
		"INSERT INTO open_slot (slot, level, since_ms, in_ms, in_at_dip_ms) VALUES (?, ?, ?, ?, ?)";
	if (!store_begin(st, err))
		return false;
	sqlite3_stmt *q = stmt(st, clear, err);
	bool ok = q && step_done(st, q, err, "save the open session");
	ok = ok && (q = stmt(st, clear_slots, err)) && step_done(st, q, err, "save the open session");
	if (ok && det->open) {
		ok = (q = stmt(st, ins, err)) != NULL;
		if (ok) {
			sqlite3_bind_int64(q, 1, det->start);
			sqlite3_bind_int(q, 2, det->phones);
			sqlite3_bind_int(q, 3, det->interruptions);
			sqlite3_bind_int(q, 4, det->dipping);
			sqlite3_bind_int64(q, 5, det->dip_start);
			sqlite3_bind_int64(q, 6, last_seen);
			ok = step_done(st, q, err, "save the open session");
		}
	}
	/* the dock's levels are kept even with no session open, so that a
	 * simulation continues where the previous run left the phones */
	for (int i = 0; ok && i < det->nslots; i++) {
		ok = (q = stmt(st, slot, err)) != NULL;
		if (!ok)
			break;
		sqlite3_bind_int(q, 1, i + 1);
		sqlite3_bind_int(q, 2, det->level[i]);
		sqlite3_bind_int64(q, 3, det->level_since[i]);
		sqlite3_bind_int64(q, 4, det->in_ms[i]);
		sqlite3_bind_int64(q, 5, det->in_at_dip[i]);
		ok = step_done(st, q, err, "save the open session");
	}
	return finish(st, ok, err);
}

static bool
seen_path(const struct store *st, char *out, size_t size)
{
	return (size_t)snprintf(out, size, "%s" SEEN_SUFFIX, st->path) < size;
}

/* The heartbeat's instant for the session that started at START, when the
 * file holds one for it (a file left by an earlier session, torn or
 * missing, is ignored: the row's instant stands). */
static bool
seen_read(const struct store *st, ft_ms start, ft_ms *seen)
{
	char path[PATH_MAX + 8];
	int64_t v[3];
	if (!seen_path(st, path, sizeof(path)))
		return false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = pread(fd, v, sizeof(v), 0) == (ssize_t)sizeof(v);
	close(fd);
	if (!ok || v[0] != start || v[2] != (v[0] ^ v[1] ^ SEEN_MAGIC))
		return false;
	*seen = v[1];
	return true;
}

bool
store_touch_open(struct store *st, ft_ms start, ft_ms last_seen, struct ft_error *err)
{
	/* Inside a transaction (a simulation) the row is as cheap as the
	 * file and commits with the rest. */
	if (st->depth > 0) {
		static const char upd[] = "UPDATE open_session SET last_seen_ms = ? WHERE id = 1";
		sqlite3_stmt *q = stmt(st, upd, err);
		if (!q)
			return false;
		sqlite3_bind_int64(q, 1, last_seen);
		return step_done(st, q, err, "save the open session");
	}
	char path[PATH_MAX + 8];
	if (!seen_path(st, path, sizeof(path)))
		return ft_fail(err, "%s: path too long", st->path);
	if (st->seen_fd < 0)
		st->seen_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	int64_t v[3] = { start, last_seen, start ^ last_seen ^ SEEN_MAGIC };
	if (st->seen_fd < 0 || pwrite(st->seen_fd, v, sizeof(v), 0) != (ssize_t)sizeof(v) ||
	    fdatasync(st->seen_fd) != 0) {
		int e = errno;
		if (st->seen_fd >= 0)
			close(st->seen_fd);
		st->seen_fd = -1; /* opened again at the next try */
		return ft_fail(err, "%s: %s", path, strerror(e));
	}
	return true;
}

bool
store_load_open(struct store *st, struct session_detector *det, ft_ms *last_seen, bool *found,
		struct ft_error *err)
{
	static const char sel[] =
		"SELECT start_ms, phones, interruptions, dipping, dip_start_ms, last_seen_ms"
		" FROM open_session WHERE id = 1 AND phones BETWEEN 0 AND 16 AND dipping IN (0, 1) AND"
		" interruptions BETWEEN 0 AND 1000000000 AND" MS_OK("start_ms") "AND" MS_OK("dip_start_ms")
		"AND" MS_OK("last_seen_ms");
	static const char slots[] =
		"SELECT slot, level, since_ms, in_ms, in_at_dip_ms FROM open_slot WHERE level IN (0, 1) AND"
		MS_OK("since_ms") "AND" MS_OK("in_ms") "AND" MS_OK("in_at_dip_ms");
	sqlite3_stmt *q = stmt(st, sel, err);
	if (!q)
		return false;
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	if (*found) {
		det->open = true;
		det->start = sqlite3_column_int64(q, 0);
		det->phones = sqlite3_column_int(q, 1);
		det->interruptions = sqlite3_column_int(q, 2);
		det->dipping = sqlite3_column_int(q, 3);
		det->dip_start = sqlite3_column_int64(q, 4);
		*last_seen = sqlite3_column_int64(q, 5);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, err, "read the open session");
	ft_ms seen;
	if (*found && seen_read(st, det->start, &seen) && seen > *last_seen)
		*last_seen = seen;
	if (!(q = stmt(st, slots, err)))
		return false;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int i = sqlite3_column_int(q, 0) - 1;
		if (i < 0 || i >= det->nslots)
			continue; /* the dock has fewer slots now */
		det->level[i] = sqlite3_column_int(q, 1);
		det->level_since[i] = sqlite3_column_int64(q, 2);
		det->in_ms[i] = sqlite3_column_int64(q, 3);
		det->in_at_dip[i] = sqlite3_column_int64(q, 4);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read the open session");
	return true;
}

/* ---- queries ---- */

/* Grow *arr to hold at least N+1 items of SIZE. */
static bool
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 64;
	void *p = realloc(*arr, ncap * size);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

/* A text column into DST (SIZE bytes): never cut inside a UTF-8 sequence,
 * and a byte that is not UTF-8 (a hand-edited file) replaced by '?', so
 * what the store gives back is always valid text. NULL reads as "". */
static void
copy_text(char *dst, size_t size, const unsigned char *src)
{
	const char *s = src ? (const char *)src : "";
	size_t len = strlen(s), o = 0;
	for (size_t i = 0; i < len;) {
		size_t n = ft_utf8_seq(s + i, len - i);
		const char *from = n ? s + i : "?";
		size_t m = n ? n : 1;
		if (o + m >= size)
			break;
		memcpy(dst + o, from, m);
		o += m;
		i += m;
	}
	dst[o] = '\0';
}

/* Row readers for store_load_history: each fills one item from a row. */
static void
read_meal(sqlite3_stmt *q, void *item)
{
	struct history_meal *m = item;
	m->day = sqlite3_column_int64(q, 0);
	copy_text(m->kind, sizeof(m->kind), sqlite3_column_text(q, 1));
}

static void
read_walk(sqlite3_stmt *q, void *item)
{
	struct history_walk *w = item;
	w->day = sqlite3_column_int64(q, 0);
	w->length = sqlite3_column_int64(q, 1);
}

static void
read_int(sqlite3_stmt *q, void *item)
{
	*(int64_t *)item = sqlite3_column_int64(q, 0);
}

static void
read_tap(sqlite3_stmt *q, void *item)
{
	struct history_tap *t = item;
	t->day = sqlite3_column_int64(q, 0);
	copy_text(t->kind, sizeof(t->kind), sqlite3_column_text(q, 1));
}

/* Every row of SQL, its parameters bound to the NBIND integers of BIND,
 * into a grown array of items of SIZE bytes. */
static bool
load_rows(struct store *st, const char *sql, const int64_t *bind, int nbind, void **arr, size_t *n,
	  size_t size, void (*read)(sqlite3_stmt *, void *), struct ft_error *err)
{
	sqlite3_stmt *q = stmt(st, sql, err);
	size_t cap = 0;
	int rc;
	if (!q)
		return false;
	for (int i = 0; i < nbind; i++)
		sqlite3_bind_int64(q, i + 1, bind[i]);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!grow(arr, &cap, *n, size)) {
			sqlite3_reset(q);
			return ft_fail(err, "out of memory");
		}
		read(q, (char *)*arr + *n * size);
		(*n)++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "read the history");
	return true;
}

bool
store_load_history(struct store *st, ft_ms at, struct history *h, struct ft_error *err)
{
	static const char meals[] =
		"SELECT DISTINCT day, kind FROM session WHERE class = 'meal' AND end_ms <= ?1 AND"
		DAY_OK("day") "AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "ORDER BY day";
	static const char walks[] =
		"SELECT day, end_ms - start_ms FROM walk WHERE end_ms <= ?1 AND end_ms > start_ms AND"
		DAY_OK("day") "AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "ORDER BY day";
	static const char hugs[] =
		"SELECT DISTINCT day FROM hug WHERE t_ms <= ?1 AND" DAY_OK("day") "AND" MS_OK("t_ms")
		"ORDER BY day";
	static const char taps[] =
		"SELECT day, kind FROM tap WHERE t_ms <= ?1 AND" DAY_OK("day") "AND" MS_OK("t_ms")
		"ORDER BY day";
	static const char away[] = "SELECT week FROM away WHERE" WEEK_OK("week") "ORDER BY week";
	static const char first[] =
		"SELECT MIN(d) FROM (SELECT MIN(day) AS d FROM session WHERE end_ms <= ?1 AND" DAY_OK("day")
		" UNION ALL SELECT MIN(day) FROM walk WHERE end_ms <= ?1 AND" DAY_OK("day")
		" UNION ALL SELECT MIN(day) FROM hug WHERE t_ms <= ?1 AND" DAY_OK("day")
		" UNION ALL SELECT MIN(day) FROM tap WHERE t_ms <= ?1 AND" DAY_OK("day") ")";
	sqlite3_stmt *q;
	int rc;

	memset(h, 0, sizeof(*h));
	h->at = at;
	h->first_day = INT64_MAX;
	if (!(q = stmt(st, first, err)))
		return false;
	sqlite3_bind_int64(q, 1, at);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		h->first_day = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return db_fail(st, err, "read the history");
	if (load_rows(st, meals, &at, 1, (void **)&h->meals, &h->nmeals, sizeof(*h->meals), read_meal, err) &&
	    load_rows(st, walks, &at, 1, (void **)&h->walks, &h->nwalks, sizeof(*h->walks), read_walk, err) &&
	    load_rows(st, hugs, &at, 1, (void **)&h->hug_days, &h->nhug_days, sizeof(*h->hug_days),
		      read_int, err) &&
	    load_rows(st, taps, &at, 1, (void **)&h->taps, &h->ntaps, sizeof(*h->taps), read_tap, err) &&
	    load_rows(st, away, NULL, 0, (void **)&h->away_weeks, &h->naway, sizeof(*h->away_weeks),
		      read_int, err))
		return true;
	history_free(h);
	return false;
}

static enum session_class
class_of(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (name && strcmp(name, session_class_names[i]) == 0)
			return (enum session_class)i;
	return SESSION_SHORT;
}

static void
read_session(sqlite3_stmt *q, void *item)
{
	struct store_session *r = item;
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(q, 0);
	r->s.start = sqlite3_column_int64(q, 1);
	r->s.end = sqlite3_column_int64(q, 2);
	r->s.cls = class_of((const char *)sqlite3_column_text(q, 3));
	r->s.date = sqlite3_column_int64(q, 4);
	copy_text(r->s.kind, sizeof(r->s.kind), sqlite3_column_text(q, 5));
	r->s.phones = sqlite3_column_int(q, 6);
	r->s.interruptions = sqlite3_column_int(q, 7);
}

bool
store_sessions(struct store *st, int64_t from_day, int64_t to_day, ft_ms at,
	       struct store_session **out, size_t *n, struct ft_error *err)
{
	static const char sel[] =
		"SELECT id, start_ms, end_ms, class, day, kind, phones, interruptions FROM session"
		" WHERE day BETWEEN ? AND ? AND end_ms <= ? AND end_ms >= start_ms AND" MS_OK("start_ms")
		"AND" MS_OK("end_ms") "ORDER BY start_ms";
	static const char mem[] = "SELECT slot, name FROM session_member WHERE session_id = ? ORDER BY slot";
	const int64_t bind[] = {from_day, to_day, at};
	struct store_session *rows = NULL;
	size_t count = 0;
	sqlite3_stmt *q;
	int rc;
	if (!load_rows(st, sel, bind, 3, (void **)&rows, &count, sizeof(*rows), read_session, err)) {
		free(rows);
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		if (!(q = stmt(st, mem, err))) {
			free(rows);
			return false;
		}
		sqlite3_bind_int64(q, 1, rows[i].id);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW && rows[i].nmembers < FT_MAX_SLOTS) {
			int slot = sqlite3_column_int(q, 0);
			if (slot >= 1 && slot <= FT_MAX_SLOTS)
				rows[i].s.members |= 1u << (slot - 1);
			copy_text(rows[i].members[rows[i].nmembers++], FT_NAME_MAX,
				  sqlite3_column_text(q, 1));
		}
		sqlite3_reset(q);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			free(rows);
			return db_fail(st, err, "read session members");
		}
	}
	*out = rows;
	*n = count;
	return true;
}

void
store_free_sessions(struct store_session *rows)
{
	free(rows);
}

static void
read_store_walk(sqlite3_stmt *q, void *item)
{
	struct store_walk *w = item;
	w->id = sqlite3_column_int64(q, 0);
	w->start = sqlite3_column_int64(q, 1);
	w->end = sqlite3_column_int64(q, 2);
}

/* The rows of SQL for the days FROM_DAY..TO_DAY logged by AT (its three
 * parameters), into a new array of items of SIZE bytes (*out, the caller
 * frees it; NULL when there are none). */
static bool
load_days(struct store *st, const char *sql, int64_t from_day, int64_t to_day, ft_ms at, void **out,
	  size_t *n, size_t size, void (*read)(sqlite3_stmt *, void *), struct ft_error *err)
{
	const int64_t bind[] = {from_day, to_day, at};
	void *rows = NULL;
	size_t count = 0;
	if (!load_rows(st, sql, bind, 3, &rows, &count, size, read, err)) {
		free(rows);
		return false;
	}
	*out = rows;
	*n = count;
	return true;
}

bool
store_walks(struct store *st, int64_t from_day, int64_t to_day, ft_ms at, struct store_walk **out,
	    size_t *n, struct ft_error *err)
{
	static const char sel[] =
		"SELECT id, start_ms, end_ms FROM walk WHERE day BETWEEN ? AND ? AND end_ms <= ?"
		" AND end_ms > start_ms AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "ORDER BY start_ms";
	return load_days(st, sel, from_day, to_day, at, (void **)out, n, sizeof(**out), read_store_walk,
			 err);
}

static void
read_call(sqlite3_stmt *q, void *item)
{
	struct store_call *c = item;
	c->id = sqlite3_column_int64(q, 0);
	c->t = sqlite3_column_int64(q, 1);
	c->from_slot = sqlite3_column_int(q, 2); /* NULL reads as 0 */
	copy_text(c->to, sizeof(c->to), sqlite3_column_text(q, 3));
}

bool
store_calls(struct store *st, int64_t from_day, int64_t to_day, ft_ms at, struct store_call **out,
	    size_t *n, struct ft_error *err)
{
	static const char sel[] =
		"SELECT id, t_ms, from_slot, to_name FROM tap WHERE kind = 'call'"
		" AND day BETWEEN ? AND ? AND t_ms <= ? AND" MS_OK("t_ms") "ORDER BY t_ms, id";
	return load_days(st, sel, from_day, to_day, at, (void **)out, n, sizeof(**out), read_call, err);
}

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
		db_fail(st, err, "prepare");
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
		return db_fail(st, err, "copy a row");
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
		return db_fail(st, err, "put a row back");
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
		return db_fail(st, err, "put a session's members back");
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
	sqlite3_stmt *q = stmt(st, sql, err);
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
	if (!step_done(st, q, err, "log a correction"))
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
	return finish(st, ok, err);
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
	return finish(st, ok, err);
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
	return finish(st, ok, err);
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
	sqlite3_stmt *q = stmt(st, sql, err);
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, fix);
	int rc = sqlite3_step(q);
	*found = rc == SQLITE_ROW;
	if (*found)
		read_correction(q, c);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(st, err, "read a correction");
	return true;
}

bool
store_corrections(struct store *st, struct store_correction **out, size_t *n, struct ft_error *err)
{
	static const char sql[] = "SELECT " CORRECTION_COLUMNS " FROM correction c ORDER BY c.id";
	*out = NULL;
	*n = 0;
	if (load_rows(st, sql, NULL, 0, (void **)out, n, sizeof(**out), read_correction, err))
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
		sqlite3_stmt *q = stmt(st, row_sql, err);
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
			    insert_row(st, retarget_sql, v, 2, NULL, NULL, err, "undo a correction"));
	} else if (ok) {
		ok = store_set_away(st, c.target, c.was_away, err);
	}
	int64_t v[] = {t, fix};
	ok = ok && insert_row(st, done_sql, v, 2, NULL, NULL, err, "undo a correction");
	return finish(st, ok, err);
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
	if (load_rows(st, sql, bind, 2, (void **)out, n, sizeof(**out), read_entry, err))
		return true;
	free(*out);
	*out = NULL;
	return false;
}

/* ---- export ---- */

/* RFC 4180: quote a field that holds a comma, a quote or a line break,
 * doubling its quotes. */
static void
csv_field(FILE *out, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n")) {
		size_t len = strlen(s);
		fputc('"', out);
		for (size_t i = 0; i < len;) {
			size_t n = ft_utf8_seq(s + i, len - i);
			if (n == 0) {
				ft_fputs_utf8("\xff", out); /* a byte that is not UTF-8: U+FFFD */
				n = 1;
			} else {
				if (s[i] == '"')
					fputc('"', out);
				fwrite(s + i, 1, n, out);
			}
			i += n;
		}
		fputc('"', out);
	} else {
		ft_fputs_utf8(s, out); /* every output is valid UTF-8 */
	}
	fputs(last ? "\r\n" : ",", out);
}

/* The export's columns: from, to are a call's caller (by the slot's name
 * now, as the report names it) and callee; a correction's own two come
 * last. */
static const char export_header[] =
	"record,date,kind,start,end,minutes,phones,interruptions,members,from,to,made,undone";

static int
export_columns(void)
{
	int n = 1;
	for (const char *p = export_header; *p; p++)
		n += *p == ',';
	return n;
}

/* Empty fields up to the correction's two columns. */
static void
csv_pad(FILE *out, int written)
{
	for (int i = written; i < export_columns() - 2; i++)
		csv_field(out, "", false);
}

/* One correction as a CSV row: record "correction", the date and times of
 * what it corrected, kind "add-walk", "remove-meal" (the row's record),
 * "away" or "away-off", then when it was made and undone. */
static void
export_correction(FILE *out, const struct store_correction *c)
{
	const char *const *action = fix_action;
	char date[16], kind[40], start[40] = "", end[40] = "", minutes[24] = "", made[40], undone[40] = "";
	if (c->week) {
		cal_day_name(cal_week_monday(c->target), date);
		snprintf(kind, sizeof(kind), "%s", action[c->action]);
		cal_format_time(cal_week_start(c->target), start);
		cal_format_time(cal_week_start(c->target + 1), end);
	} else {
		bool timed = c->entry.kind == STORE_SESSION || c->entry.kind == STORE_WALK;
		cal_day_name(c->entry.day, date);
		snprintf(kind, sizeof(kind), "%s-%s", action[c->action], c->entry.record);
		cal_format_time(c->entry.start, start);
		if (timed) {
			cal_format_time(c->entry.end, end);
			snprintf(minutes, sizeof(minutes), "%lld",
				 (long long)((c->entry.end - c->entry.start) / FT_MINUTE));
		}
	}
	cal_format_time(c->made, made);
	if (c->undone >= 0)
		cal_format_time(c->undone, undone);
	csv_field(out, "correction", false);
	csv_field(out, date, false);
	csv_field(out, kind, false);
	csv_field(out, start, false);
	csv_field(out, end, false);
	csv_field(out, minutes, false);
	csv_pad(out, 6);
	csv_field(out, made, false);
	csv_field(out, undone, true);
}

bool
store_export_csv(struct store *st, const struct ft_config *cfg, void *file, struct ft_error *err)
{
	static const char sessions[] =
		"SELECT s.class, s.day, s.kind, s.start_ms, s.end_ms, s.phones, s.interruptions,"
		" (SELECT group_concat(name, '; ') FROM (SELECT name FROM session_member m"
		"   WHERE m.session_id = s.id ORDER BY slot))"
		" , NULL, NULL FROM session s WHERE" DAY_OK("day") "AND" MS_OK("start_ms") "AND" MS_OK("end_ms")
		" UNION ALL SELECT 'walk', day, '', start_ms, end_ms, NULL, NULL, NULL, NULL, NULL FROM walk WHERE"
		DAY_OK("day") "AND" MS_OK("start_ms") "AND" MS_OK("end_ms")
		" UNION ALL SELECT 'hug', day, '', t_ms, t_ms, NULL, NULL, NULL, NULL, NULL FROM hug WHERE"
		DAY_OK("day") "AND" MS_OK("t_ms")
		" UNION ALL SELECT 'tap', day, kind, t_ms, t_ms, NULL, NULL, NULL, from_slot, to_name FROM tap WHERE"
		DAY_OK("day") "AND" MS_OK("t_ms")
		" ORDER BY 4, 1";
	static const char left_out[] =
		"SELECT (SELECT count(*) FROM session WHERE NOT (" DAY_OK("day") "AND" MS_OK("start_ms")
		"AND" MS_OK("end_ms") "))"
		" + (SELECT count(*) FROM walk WHERE NOT (" DAY_OK("day") "AND" MS_OK("start_ms") "AND"
		MS_OK("end_ms") "))"
		" + (SELECT count(*) FROM hug WHERE NOT (" DAY_OK("day") "AND" MS_OK("t_ms") "))"
		" + (SELECT count(*) FROM tap WHERE NOT (" DAY_OK("day") "AND" MS_OK("t_ms") "))";
	FILE *out = file;
	sqlite3_stmt *q = stmt(st, sessions, err);
	int rc;
	if (!q)
		return false;
	fputs(export_header, out);
	fputs("\r\n", out);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		char date[16], start[40], end[40], minutes[24], phones[16], inter[16];
		const char *record = (const char *)sqlite3_column_text(q, 0);
		const char *kind = (const char *)sqlite3_column_text(q, 2);
		if (!record)
			record = "";
		ft_ms s = sqlite3_column_int64(q, 3), e = sqlite3_column_int64(q, 4);
		bool timed = strcmp(record, "hug") != 0 && strcmp(record, "tap") != 0;
		cal_day_name(sqlite3_column_int64(q, 1), date);
		cal_format_time(s, start);
		cal_format_time(e, end);
		snprintf(minutes, sizeof(minutes), "%lld", (long long)((e - s) / FT_MINUTE));
		snprintf(phones, sizeof(phones), "%d", sqlite3_column_int(q, 5));
		snprintf(inter, sizeof(inter), "%d", sqlite3_column_int(q, 6));
		bool session = sqlite3_column_type(q, 5) != SQLITE_NULL;
		const char *members = (const char *)sqlite3_column_text(q, 7);
		csv_field(out, record, false);
		csv_field(out, date, false);
		csv_field(out, kind ? kind : "", false);
		csv_field(out, start, false);
		csv_field(out, timed ? end : "", false);
		csv_field(out, timed ? minutes : "", false);
		csv_field(out, session ? phones : "", false);
		csv_field(out, session ? inter : "", false);
		char slot_name[FT_NAME_MAX];
		const char *caller = sqlite3_column_type(q, 8) == SQLITE_NULL
					     ? ""
					     : config_slot_name(cfg, sqlite3_column_int(q, 8), slot_name);
		const char *callee = (const char *)sqlite3_column_text(q, 9);
		csv_field(out, members ? members : "", false);
		csv_field(out, caller, false);
		csv_field(out, callee ? callee : "", false);
		csv_pad(out, 11);
		csv_field(out, "", false);
		csv_field(out, "", true);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return db_fail(st, err, "export");
	/* rows with impossible instants (a hand-edited file) are said, not
	 * silently dropped */
	if (!(q = stmt(st, left_out, err)))
		return false;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int64(q, 0) > 0)
		log_warn("%s: %lld rows with impossible times or days left out of the export", st->path,
			 (long long)sqlite3_column_int64(q, 0));
	sqlite3_reset(q);
	/* then every correction, in the order they were made */
	struct store_correction *fixes;
	size_t nfixes;
	if (!store_corrections(st, &fixes, &nfixes, err))
		return false;
	for (size_t i = 0; i < nfixes; i++)
		export_correction(out, &fixes[i]);
	free(fixes);
	if (fflush(out) != 0 || ferror(out))
		return ft_fail(err, "export: write error: %s", strerror(errno));
	return true;
}
