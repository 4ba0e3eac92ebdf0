/*
 * backup.c - whole-file copies of the database (backup.h).
 *
 * The copy is VACUUM INTO: one read transaction, so the display may go on
 * writing while it runs, and the result is a compact, self-contained file
 * (no -wal beside it). It is written under a temporary name, checked,
 * synced and renamed, so a power cut never leaves half a backup under a
 * backup's name. A restore goes the other way through SQLite's backup API
 * into the database file itself, which keeps its inode, owner and mode
 * (a restore run as root leaves a file the service can still write).
 */
#include <dirent.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "backup.h"
#include "calendar.h"
#include "store.h"

#define BACKUP_PREFIX "familytable-"
#define BACKUP_SUFFIX ".db"

static bool
sql_fail(sqlite3 *db, struct ft_error *err, const char *path, const char *what)
{
	return ft_fail(err, "%s: %s: %s", path, what, db ? sqlite3_errmsg(db) : "out of memory");
}

/* The single text of "PRAGMA NAME" (integrity_check gives "ok" or a list). */
static bool
pragma_value(sqlite3 *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *s;
	bool ok = false;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(s) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		snprintf(out, size, "%s", t ? (const char *)t : "");
		ok = true;
	}
	sqlite3_finalize(s);
	return ok;
}

/* "ok" from integrity_check, else err says what it found first. */
static bool
integrity_ok(sqlite3 *db, const char *path, struct ft_error *err)
{
	char v[256];
	if (!pragma_value(db, "PRAGMA integrity_check", v, sizeof(v)))
		return ft_fail(err, "%s: not a database (%s)", path, sqlite3_errmsg(db));
	if (strcmp(v, "ok") != 0)
		return ft_fail(err, "%s: damaged (integrity_check: %s)", path, v);
	return true;
}

static bool
sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return false;
	bool ok = fsync(fd) == 0;
	close(fd);
	return ok;
}

/* The folder of PATH, for fsync after a rename. */
static void
parent_of(const char *path, char dir[PATH_MAX])
{
	snprintf(dir, PATH_MAX, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, PATH_MAX, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
}

static sqlite3 *
open_file(const char *path, int flags, struct ft_error *err)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		sql_fail(db, err, path, "cannot open");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

bool
backup_copy(const char *db_path, const char *dest, struct ft_error *err)
{
	struct stat sb;
	char tmp[PATH_MAX + 8], dir[PATH_MAX];
	if (stat(db_path, &sb) != 0)
		return ft_fail(err, "%s: no database to copy", db_path);
	if (lstat(dest, &sb) == 0)
		return ft_fail(err, "%s: already exists (a backup never overwrites a file)", dest);
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", dest) >= (int)sizeof(tmp))
		return ft_fail(err, "%s: path too long", dest);
	unlink(tmp); /* left over by a copy a power cut interrupted */

	sqlite3 *db = open_file(db_path, SQLITE_OPEN_READONLY, err);
	if (!db)
		return false;
	sqlite3_stmt *s = NULL;
	bool ok = sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &s, NULL) == SQLITE_OK &&
		  sqlite3_bind_text(s, 1, tmp, -1, SQLITE_STATIC) == SQLITE_OK &&
		  sqlite3_step(s) == SQLITE_DONE;
	if (!ok)
		sql_fail(db, err, db_path, "copy");
	sqlite3_finalize(s);
	sqlite3_close(db);
	if (!ok) {
		unlink(tmp);
		return false;
	}
	/* checked before it takes a backup's name */
	db = open_file(tmp, SQLITE_OPEN_READONLY, err);
	ok = db && integrity_ok(db, tmp, err);
	sqlite3_close(db);
	if (ok && !sync_path(tmp, O_RDONLY))
		ok = ft_fail(err, "%s: %s", tmp, strerror(errno));
	if (ok && rename(tmp, dest) != 0)
		ok = ft_fail(err, "%s: %s", dest, strerror(errno));
	if (!ok) {
		unlink(tmp);
		return false;
	}
	parent_of(dest, dir);
	sync_path(dir, O_RDONLY | O_DIRECTORY);
	return true;
}

bool
backup_check(const char *file, struct ft_error *err)
{
	struct stat sb;
	char v[64];
	if (stat(file, &sb) != 0)
		return ft_fail(err, "%s: %s", file, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return ft_fail(err, "%s: not a file", file);
	sqlite3 *db = open_file(file, SQLITE_OPEN_READONLY, err);
	if (!db)
		return false;
	bool ok = integrity_ok(db, file, err);
	if (ok) {
		int version = pragma_value(db, "PRAGMA user_version", v, sizeof(v))
				      ? (int)strtol(v, NULL, 10) : -1; /* SQLite's own digits */
		/* every version of the schema has the session table */
		bool ours = pragma_value(db, "SELECT count(*) FROM sqlite_master "
					     "WHERE type = 'table' AND name = 'session'", v, sizeof(v)) &&
			    strcmp(v, "1") == 0;
		if (!ours || version < 1)
			ok = ft_fail(err, "%s: not a familytable database", file);
		else if (version > store_schema_version())
			ok = ft_fail(err, "%s: made by a newer familytable (schema %d, this one knows %d)",
				     file, version, store_schema_version());
	}
	sqlite3_close(db);
	return ok;
}

/* A backup's day from its name, familytable-YYYY-MM-DD.db; false for any
 * other file. */
static bool
backup_day(const char *name, int64_t *day)
{
	static const char shape[] = "dddd-dd-dd"; /* d: a digit */
	size_t pre = strlen(BACKUP_PREFIX);
	if (strncmp(name, BACKUP_PREFIX, pre) != 0 || strlen(name) < pre + sizeof(shape) - 1 ||
	    strcmp(name + pre + sizeof(shape) - 1, BACKUP_SUFFIX) != 0)
		return false;
	const char *s = name + pre;
	for (size_t i = 0; i < sizeof(shape) - 1; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return false;
	struct cal_date d = {
		.year = (int)strtol(s, NULL, 10), .month = (s[5] - '0') * 10 + (s[6] - '0'),
		.day = (s[8] - '0') * 10 + (s[9] - '0'),
	};
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
		return false;
	*day = cal_day_from_date(d);
	struct cal_date back = cal_date_from_day(*day);
	return back.year == d.year && back.month == d.month && back.day == d.day;
}

void
backup_keep(const int64_t *days, size_t n, bool *keep)
{
	for (size_t i = 0; i < n; i++) {
		size_t newer_days = 0, newer_weeks = 0;
		bool newest_of_week = true;
		int64_t week = cal_week_of_day(days[i]);
		for (size_t j = 0; j < n; j++) {
			if (days[j] > days[i])
				newer_days++;
			if (cal_week_of_day(days[j]) == week && days[j] > days[i])
				newest_of_week = false;
			/* a newer week with a copy: count it once, by its newest */
			if (cal_week_of_day(days[j]) > week) {
				bool newest = true;
				for (size_t k = 0; k < n; k++)
					if (cal_week_of_day(days[k]) == cal_week_of_day(days[j]) &&
					    days[k] > days[j])
						newest = false;
				newer_weeks += newest;
			}
		}
		keep[i] = newer_days < BACKUP_DAILY || (newest_of_week && newer_weeks < BACKUP_WEEKLY);
	}
}

bool
backup_rotate(const char *db, const char *dir, int64_t today, size_t *kept, struct ft_error *err)
{
	char dest[PATH_MAX], old[PATH_MAX + 8], name[16];
	if (strlen(dir) > PATH_MAX - 64)
		return ft_fail(err, "%s: path too long", dir);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST)
		return ft_fail(err, "%s: %s", dir, strerror(errno));
	cal_day_name(today, name);
	snprintf(dest, sizeof(dest), "%s/" BACKUP_PREFIX "%.15s" BACKUP_SUFFIX, dir, name);
	/* today's copy made again: the new one is made first, under another
	 * name, so a failure keeps the old */
	snprintf(old, sizeof(old), "%s.old", dest);
	bool again = access(dest, F_OK) == 0;
	if (again && rename(dest, old) != 0)
		return ft_fail(err, "%s: %s", dest, strerror(errno));
	if (!backup_copy(db, dest, err)) {
		if (again)
			rename(old, dest);
		return false;
	}
	if (again)
		unlink(old);

	DIR *d = opendir(dir);
	if (!d)
		return ft_fail(err, "%s: %s", dir, strerror(errno));
	size_t n = 0, cap = 0;
	int64_t *days = NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		int64_t day;
		if (!backup_day(e->d_name, &day))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			int64_t *grown = realloc(days, cap * sizeof(*days));
			if (!grown) {
				free(days);
				closedir(d);
				return ft_fail(err, "out of memory");
			}
			days = grown;
		}
		days[n++] = day;
	}
	closedir(d);
	bool *keep = calloc(n ? n : 1, sizeof(*keep));
	if (!keep) {
		free(days);
		return ft_fail(err, "out of memory");
	}
	backup_keep(days, n, keep);
	size_t left = 0;
	for (size_t i = 0; i < n; i++) {
		if (keep[i]) {
			left++;
			continue;
		}
		cal_day_name(days[i], name);
		snprintf(old, sizeof(old), "%s/" BACKUP_PREFIX "%.15s" BACKUP_SUFFIX, dir, name);
		if (unlink(old) != 0)
			left++;
	}
	free(keep);
	free(days);
	if (kept)
		*kept = left;
	return true;
}

static int
lock_open(const char *db)
{
	char path[PATH_MAX + 8];
	snprintf(path, sizeof(path), "%s.lock", db);
	/* read-only is enough for flock, and works on a lock file another
	 * user (root, for a restore) made first */
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	return fd;
}

bool
backup_hold_run(const char *db, int *fd, struct ft_error *err)
{
	*fd = lock_open(db);
	if (*fd < 0)
		return true;
	if (flock(*fd, LOCK_SH | LOCK_NB) != 0) {
		close(*fd);
		*fd = -1;
		return ft_fail(err, "%s: a restore is under way (familytable restore)", db);
	}
	return true;
}

/* Copies every page of FROM into the open database TO (SQLite's backup API:
 * one transaction on TO). */
static bool
copy_pages(sqlite3 *from, sqlite3 *to, const char *to_path, struct ft_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return sql_fail(to, err, to_path, "restore");
	int rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return ft_fail(err, "%s: restore: %s", to_path, sqlite3_errstr(rc));
	return true;
}

/* The current database as it is, byte for byte, for when it is too
 * damaged for VACUUM INTO: the file and its write-ahead log. */
static bool
copy_raw(const char *from, const char *to, struct ft_error *err)
{
	char buf[65536];
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return errno == ENOENT ? true : ft_fail(err, "%s: %s", from, strerror(errno));
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		close(in);
		return ft_fail(err, "%s: %s", to, strerror(errno));
	}
	ssize_t n;
	bool ok = true;
	while (ok && (n = read(in, buf, sizeof(buf))) != 0)
		ok = n > 0 && write(out, buf, (size_t)n) == n;
	ok = ok && fsync(out) == 0;
	close(in);
	close(out);
	return ok ? true : ft_fail(err, "%s: %s", to, strerror(errno));
}

int
backup_restore(const char *db_path, const char *file, char *aside, size_t size,
	       struct ft_error *err)
{
	struct stat sb;
	aside[0] = '\0';
	if (!backup_check(file, err))
		return FT_EXIT_USAGE;

	int lock = lock_open(db_path);
	if (lock < 0 && errno != ENOENT) {
		ft_fail(err, "%s.lock: %s", db_path, strerror(errno));
		return FT_EXIT_FAILURE;
	}
	if (lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0) {
		close(lock);
		ft_fail(err, "%s: the display is running on it: stop it first "
			     "(sudo systemctl stop familytable), then restore", db_path);
		return FT_EXIT_FAILURE;
	}

	int code = FT_EXIT_FAILURE;
	sqlite3 *from = NULL, *to = NULL;
	bool existed = stat(db_path, &sb) == 0;
	if (existed) {
		char stamp[32], wal_from[PATH_MAX + 8], wal_to[PATH_MAX + 8];
		time_t now = time(NULL);
		strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", gmtime(&now));
		/* two restores within a second: the second aside gets a number */
		for (int i = 1;; i++) {
			int k = i == 1 ? snprintf(aside, size, "%s.before-restore-%s", db_path, stamp)
				       : snprintf(aside, size, "%s.before-restore-%s-%d", db_path, stamp, i);
			if (k < 0 || (size_t)k >= size) {
				ft_fail(err, "%s: path too long", db_path);
				goto out;
			}
			if (lstat(aside, &sb) != 0)
				break;
		}
		stat(db_path, &sb);
		struct ft_error ignored;
		if (!backup_copy(db_path, aside, &ignored)) {
			/* too damaged to read: keep it as it is */
			snprintf(wal_from, sizeof(wal_from), "%s-wal", db_path);
			snprintf(wal_to, sizeof(wal_to), "%s-wal", aside);
			if (!copy_raw(db_path, aside, err) || !copy_raw(wal_from, wal_to, err))
				goto out;
		}
		/* the copy aside belongs to whoever owns the database */
		if (geteuid() == 0 && chown(aside, sb.st_uid, sb.st_gid) != 0) {
			ft_fail(err, "%s: %s", aside, strerror(errno));
			goto out;
		}
	}
	from = open_file(file, SQLITE_OPEN_READONLY, err);
	to = from ? open_file(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err) : NULL;
	if (!to)
		goto out;
	if (!copy_pages(from, to, db_path, err) || !integrity_ok(to, db_path, err))
		goto out;
	/* a database made by this restore belongs to its folder's owner (the
	 * service's user), not to root */
	if (!existed && geteuid() == 0) {
		char dir[PATH_MAX];
		parent_of(db_path, dir);
		if (stat(dir, &sb) != 0 || chown(db_path, sb.st_uid, sb.st_gid) != 0) {
			ft_fail(err, "%s: %s", db_path, strerror(errno));
			goto out;
		}
	}
	code = FT_EXIT_OK;
out:
	sqlite3_close(from);
	sqlite3_close(to);
	if (lock >= 0)
		close(lock);
	return code;
}
