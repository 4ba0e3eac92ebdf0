/*
 * powercut.c - power cuts under SQLite, without the page cache (issue 10).
 *
 * An SQLite VFS shim, in the spirit of SQLite's own crash tests (test6.c):
 * every write to a file (database, WAL, journal) is kept in memory, as in
 * the page cache, until the file is synced; reads see it. At the cut, the
 * Nth write or sync of a run, each write not yet synced is, at random, lost,
 * written whole, or torn (each 512-byte sector of it written or not), in any
 * order; then the process ends at once (_exit), as the power would end it.
 *
 * A child process runs the store's write paths through the shim (a fresh
 * file and its migrations, an older file migrated, sessions with members,
 * walks, hugs, the open session saved every minute, a WAL checkpoint, a
 * backup), noting in a log on the real disk each change once its call has
 * returned (committed). The parent then opens what is on the disk with the
 * ordinary VFS and checks: integrity_check is ok; every committed change is
 * there; nothing is half there (a session with some of its members, a
 * schema version without its tables); the store opens and writes again; a
 * backup that exists under its final name is intact.
 *
 * usage: powercut DIR [CUTS [SEED]]   prints "N passed, N failed"
 *
 * Model limits, said plainly: a truncate and a delete reach the disk at
 * once; a file's writes are flushed when SQLite closes it (the page cache
 * still holds them then; a later fsync() outside SQLite, as backup_copy
 * does, makes them durable in the real world too).
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "backup.h"
#include "calendar.h"
#include "config.h"
#include "session.h"
#include "store.h"

/* ---- the shim ---- */

struct pending {
	sqlite3_int64 off;
	int n;
	unsigned char *data;
};

/* A file as the page cache holds it: its unsynced writes, shared by every
 * handle open on it (two connections see the same cache). */
struct node {
	struct node *next;
	char *name;                /* NULL: a temporary file, never shared */
	struct pending *p;
	int np, cap;
	int refs;
	struct pc_file *any;       /* an open handle, to write through */
};

struct pc_file {
	sqlite3_file base;
	struct node *node;
	sqlite3_file *real;        /* allocated after this struct */
};

static sqlite3_vfs *real_vfs;
static struct node *nodes;
static long io_count;          /* writes and syncs so far */
static long cut_at = -1;       /* the write or sync the power goes at; -1: never */
static unsigned rng_state = 1;

static unsigned
rnd(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) & 0x7fff;
}

static int
real_write(struct pc_file *f, const void *buf, int n, sqlite3_int64 off)
{
	return f->real->pMethods->xWrite(f->real, buf, n, off);
}

/* The power goes: each unsynced write lost, whole or torn; then nothing. */
static void
power_cut(void)
{
	for (struct node *nd = nodes; nd; nd = nd->next) {
		for (int i = 0; nd->any && i < nd->np; i++) {
			struct pending *w = &nd->p[i];
			unsigned fate = rnd() % 3;
			if (fate == 1) {
				real_write(nd->any, w->data, w->n, w->off);
			} else if (fate == 2) {
				for (int s = 0; s < w->n; s += 512) {
					int len = w->n - s < 512 ? w->n - s : 512;
					if (rnd() % 2)
						real_write(nd->any, w->data + s, len, w->off + s);
				}
			}
		}
	}
	_exit(0);
}

static void
tick(void)
{
	if (++io_count == cut_at)
		power_cut();
}

/* The file's cached writes to the disk, through handle F. */
static int
flush(struct pc_file *f)
{
	struct node *nd = f->node;
	int rc = SQLITE_OK;
	for (int i = 0; i < nd->np; i++) {
		if (rc == SQLITE_OK)
			rc = real_write(f, nd->p[i].data, nd->p[i].n, nd->p[i].off);
		free(nd->p[i].data);
	}
	nd->np = 0;
	return rc;
}

static sqlite3_int64
logical_size(struct pc_file *f)
{
	struct node *nd = f->node;
	sqlite3_int64 size = 0;
	f->real->pMethods->xFileSize(f->real, &size);
	for (int i = 0; i < nd->np; i++)
		if (nd->p[i].off + nd->p[i].n > size)
			size = nd->p[i].off + nd->p[i].n;
	return size;
}

static struct node *
node_get(const char *name)
{
	for (struct node *nd = nodes; name && nd; nd = nd->next)
		if (nd->name && strcmp(nd->name, name) == 0)
			return nd;
	struct node *nd = calloc(1, sizeof(*nd));
	if (!nd)
		return NULL;
	nd->name = name ? strdup(name) : NULL;
	nd->next = nodes;
	nodes = nd;
	return nd;
}

static int
pc_close(sqlite3_file *file)
{
	struct pc_file *f = (struct pc_file *)file;
	struct node *nd = f->node;
	if (--nd->refs == 0) {
		/* the last handle: what it cached goes down now (the model's
		 * simplification: the page cache would keep it a little longer) */
		flush(f);
		for (struct node **pp = &nodes; *pp; pp = &(*pp)->next) {
			if (*pp == nd) {
				*pp = nd->next;
				break;
			}
		}
		free(nd->p);
		free(nd->name);
		free(nd);
	} else if (nd->any == f) {
		/* another handle stays open: write through it from now on */
		nd->any = NULL;
	}
	return f->real->pMethods->xClose(f->real);
}

static int
pc_read(sqlite3_file *file, void *buf, int n, sqlite3_int64 off)
{
	struct pc_file *f = (struct pc_file *)file;
	int rc = f->real->pMethods->xRead(f->real, buf, n, off);
	if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
		return rc;
	for (int i = 0; i < f->node->np; i++) {
		const struct pending *w = &f->node->p[i];
		sqlite3_int64 a = w->off > off ? w->off : off;
		sqlite3_int64 b = w->off + w->n < off + n ? w->off + w->n : off + n;
		if (a < b)
			memcpy((char *)buf + (a - off), w->data + (a - w->off), (size_t)(b - a));
	}
	if (rc == SQLITE_IOERR_SHORT_READ && logical_size(f) >= off + n)
		rc = SQLITE_OK;
	return rc;
}

static int
pc_write(sqlite3_file *file, const void *buf, int n, sqlite3_int64 off)
{
	struct node *nd = ((struct pc_file *)file)->node;
	tick();
	if (!nd->any)
		nd->any = (struct pc_file *)file;
	if (nd->np == nd->cap) {
		int cap = nd->cap ? nd->cap * 2 : 64;
		struct pending *p = realloc(nd->p, (size_t)cap * sizeof(*p));
		if (!p)
			return SQLITE_NOMEM;
		nd->p = p;
		nd->cap = cap;
	}
	unsigned char *copy = malloc((size_t)n);
	if (!copy)
		return SQLITE_NOMEM;
	memcpy(copy, buf, (size_t)n);
	nd->p[nd->np++] = (struct pending){off, n, copy};
	return SQLITE_OK;
}

static int
pc_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	struct pc_file *f = (struct pc_file *)file;
	/* the writes before a truncate land first (the model's simplification) */
	int rc = flush(f);
	return rc == SQLITE_OK ? f->real->pMethods->xTruncate(f->real, size) : rc;
}

static int
pc_sync(sqlite3_file *file, int flags)
{
	struct pc_file *f = (struct pc_file *)file;
	tick();
	int rc = flush(f);
	return rc == SQLITE_OK ? f->real->pMethods->xSync(f->real, flags) : rc;
}

static int
pc_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	*size = logical_size((struct pc_file *)file);
	return SQLITE_OK;
}

#define PASS(name, args, call)                                       \
	static int pc_##name args                                    \
	{                                                            \
		sqlite3_file *r = ((struct pc_file *)file)->real;    \
		return r->pMethods->call;                            \
	}
PASS(lock, (sqlite3_file *file, int l), xLock(r, l))
PASS(unlock, (sqlite3_file *file, int l), xUnlock(r, l))
PASS(check_reserved, (sqlite3_file *file, int *out), xCheckReservedLock(r, out))
PASS(file_control, (sqlite3_file *file, int op, void *arg), xFileControl(r, op, arg))
PASS(sector_size, (sqlite3_file *file), xSectorSize(r))
PASS(device_chars, (sqlite3_file *file), xDeviceCharacteristics(r))
PASS(shm_map, (sqlite3_file *file, int pg, int sz, int ext, void volatile **pp), xShmMap(r, pg, sz, ext, pp))
PASS(shm_lock, (sqlite3_file *file, int off, int n, int flags), xShmLock(r, off, n, flags))
PASS(shm_unmap, (sqlite3_file *file, int del), xShmUnmap(r, del))

static void
pc_shm_barrier(sqlite3_file *file)
{
	sqlite3_file *r = ((struct pc_file *)file)->real;
	r->pMethods->xShmBarrier(r);
}

/* No memory-mapped reads: they would see the disk, not the cache. */
static int
pc_fetch(sqlite3_file *file, sqlite3_int64 off, int n, void **pp)
{
	*pp = NULL;
	return SQLITE_OK;
}

static int
pc_unfetch(sqlite3_file *file, sqlite3_int64 off, void *p)
{
	return SQLITE_OK;
}

static const sqlite3_io_methods pc_methods = {
	3, pc_close, pc_read, pc_write, pc_truncate, pc_sync, pc_file_size, pc_lock, pc_unlock,
	pc_check_reserved, pc_file_control, pc_sector_size, pc_device_chars, pc_shm_map,
	pc_shm_lock, pc_shm_barrier, pc_shm_unmap, pc_fetch, pc_unfetch,
};

static int
pc_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
	struct pc_file *f = (struct pc_file *)file;
	memset(f, 0, sizeof(*f));
	f->real = (sqlite3_file *)(f + 1);
	f->node = node_get(name);
	if (!f->node)
		return SQLITE_NOMEM;
	int rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
	if (rc != SQLITE_OK) {
		f->base.pMethods = NULL;
		if (f->node->refs == 0) {
			nodes = f->node->next; /* just added at the head */
			free(f->node->name);
			free(f->node);
		}
		return rc;
	}
	f->base.pMethods = &pc_methods;
	f->node->refs++;
	if (!f->node->any)
		f->node->any = f;
	return SQLITE_OK;
}

static int
pc_delete(sqlite3_vfs *vfs, const char *name, int sync)
{
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int
pc_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int
pc_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static int
pc_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int
pc_sleep(sqlite3_vfs *vfs, int us)
{
	return real_vfs->xSleep(real_vfs, us);
}

static int
pc_current_time(sqlite3_vfs *vfs, double *out)
{
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int
pc_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int
pc_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static sqlite3_vfs pc_vfs = {
	2, 0, 1024, NULL, "powercut", NULL, pc_open, pc_delete, pc_access, pc_full_pathname,
	NULL, NULL, NULL, NULL, pc_randomness, pc_sleep, pc_current_time, pc_last_error,
	pc_current_time_int64, NULL, NULL, NULL,
};

static void
shim_install(void)
{
	real_vfs = sqlite3_vfs_find(NULL);
	pc_vfs.szOsFile = (int)sizeof(struct pc_file) + real_vfs->szOsFile;
	pc_vfs.mxPathname = real_vfs->mxPathname;
	sqlite3_vfs_register(&pc_vfs, 1);
}

/* ---- the workload, in the child ---- */

static struct ft_config cfg;
static FILE *commits;

static void
committed(const char *kind, long long key, long long extra)
{
	fprintf(commits, "%s %lld %lld\n", kind, key, extra);
	fflush(commits); /* the log is on the real disk, outside the shim */
}

static void
die(const char *what, const struct ft_error *err)
{
	fprintf(stderr, "powercut: workload: %s: %s\n", what, err ? err->msg : "");
	_exit(3);
}

/* Fifty changes on the store's write paths, the same for every run. */
static void
workload(const char *db, const char *backups)
{
	struct ft_error err;
	struct store *st = store_open(db, &err);
	if (!st)
		die("open", &err);
	committed("open", 0, 0);
	struct session_detector det;
	int levels[FT_MAX_SLOTS] = {0};
	ft_ms t0 = 1764525600000LL; /* 2026-11-30T18:00:00Z */
	for (int i = 0; i < 50; i++) {
		ft_ms t = t0 + (ft_ms)i * FT_HOUR;
		switch (i % 5) {
		case 0: { /* a meal, with its members, and the open session cleared */
			struct session s = {.start = t, .end = t + 40 * FT_MINUTE, .phones = 3,
					    .members = 1u | 2u | 8u, .cls = SESSION_MEAL};
			s.date = cal_day_of(t);
			strcpy(s.kind, "dinner");
			session_init(&det, &cfg, levels, t);
			if (!store_begin(st, &err) || !store_add_session(st, &s, &cfg, NULL, &err) ||
			    !store_save_open(st, &det, t + 40 * FT_MINUTE, &err) || !store_commit(st, &err))
				die("session", &err);
			committed("session", t, 3);
			break;
		}
		case 1:
			if (!store_add_walk(st, t, t + 30 * FT_MINUTE, cal_day_of(t), NULL, &err))
				die("walk", &err);
			committed("walk", t, 0);
			break;
		case 2:
			if (!store_add_hug(st, t, cal_day_of(t), NULL, &err))
				die("hug", &err);
			committed("hug", t, 0);
			break;
		case 3: /* the open session's minute checkpoint */
			levels[0] = levels[1] = 1;
			session_init(&det, &cfg, levels, t);
			det.open = true;
			det.start = t;
			det.phones = 2;
			if (!store_save_open(st, &det, t + FT_MINUTE, &err))
				die("open session", &err);
			committed("open", t, 0);
			levels[0] = levels[1] = 0;
			break;
		case 4:
			if (i == 24) {
				/* the WAL into the database file */
				sqlite3 *db2;
				if (sqlite3_open(db, &db2) != SQLITE_OK ||
				    sqlite3_exec(db2, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
					die("checkpoint", NULL);
				sqlite3_close(db2);
			} else if (i == 39) {
				char dest[512];
				snprintf(dest, sizeof(dest), "%s/copy.db", backups);
				if (!backup_copy(db, dest, &err))
					die("backup", &err);
				committed("backup", 0, 0);
			} else {
				if (!store_set_mark(st, STORE_MARK_AWAY, 3000 + i, 0, &err))
					die("away", &err);
				committed("away", 3000 + i, 0);
			}
			break;
		}
	}
	store_close(st);
	committed("end", 0, 0);
}

/* ---- the checks, in the parent ---- */

static sqlite3 *check_db;

static long long
q1(const char *sql, long long a)
{
	sqlite3_stmt *s;
	long long v = -1;
	if (sqlite3_prepare_v2(check_db, sql, -1, &s, NULL) != SQLITE_OK)
		return -2;
	sqlite3_bind_int64(s, 1, a);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int
check_cut(const char *db, const char *log, const char *backups, char *why, size_t size)
{
	char path[600];
	snprintf(path, sizeof(path), "%s-shm", db);
	unlink(path); /* shared memory does not survive a power cut */
	struct stat sb;
	if (stat(db, &sb) != 0)
		return 0; /* the cut came before the file was made: nothing committed yet */
	if (sqlite3_open(db, &check_db) != SQLITE_OK) {
		snprintf(why, size, "cannot open: %s", sqlite3_errmsg(check_db));
		return 1;
	}
	int bad = 0;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(check_db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(s, 0), "ok") != 0) {
		snprintf(why, size, "integrity_check: %s", sqlite3_errmsg(check_db));
		bad = 1;
	}
	sqlite3_finalize(s);
	long long version = q1("PRAGMA user_version", 0);
	long long tables = q1("SELECT count(*) FROM sqlite_master WHERE type = 'table'", 0);
	/* every committed change is there */
	FILE *f = fopen(log, "r");
	char kind[32];
	long long key, extra, last_open = -1;
	bool opened = false;
	while (!bad && f && fscanf(f, "%31s %lld %lld", kind, &key, &extra) == 3) {
		if (strcmp(kind, "open") == 0 && key == 0) {
			opened = true;
			if (version != store_schema_version()) {
				snprintf(why, size, "schema version %lld after a committed open", version);
				bad = 1;
			}
		} else if (strcmp(kind, "session") == 0) {
			if (q1("SELECT count(*) FROM session WHERE start_ms = ?1", key) != 1 ||
			    q1("SELECT count(*) FROM session_member m JOIN session s ON s.id = m.session_id"
			       " WHERE s.start_ms = ?1", key) != extra) {
				snprintf(why, size, "committed session %lld lost or not whole", key);
				bad = 1;
			}
		} else if (strcmp(kind, "walk") == 0) {
			if (q1("SELECT count(*) FROM walk WHERE start_ms = ?1", key) != 1) {
				snprintf(why, size, "committed walk %lld lost", key);
				bad = 1;
			}
		} else if (strcmp(kind, "hug") == 0) {
			if (q1("SELECT count(*) FROM hug WHERE t_ms = ?1", key) != 1) {
				snprintf(why, size, "committed hug %lld lost", key);
				bad = 1;
			}
		} else if (strcmp(kind, "away") == 0) {
			if (q1("SELECT count(*) FROM away WHERE week = ?1", key) != 1) {
				snprintf(why, size, "committed away week %lld lost", key);
				bad = 1;
			}
		} else if (strcmp(kind, "open") == 0) {
			last_open = key;
		}
	}
	if (f)
		fclose(f);
	/* nothing half there: every session whole, the schema whole for its version */
	if (!bad && tables > 0 &&
	    q1("SELECT count(*) FROM session s WHERE (SELECT count(*) FROM session_member m"
	       " WHERE m.session_id = s.id) != 3", 0) != 0) {
		snprintf(why, size, "a session without all its members");
		bad = 1;
	}
	if (!bad && opened && last_open >= 0) {
		/* the open session is the last one saved, or one saved after it */
		long long start = q1("SELECT coalesce((SELECT start_ms FROM open_session), -1)", 0);
		if (start >= 0 && start < last_open) {
			snprintf(why, size, "the open session went back from %lld to %lld", last_open, start);
			bad = 1;
		}
	}
	sqlite3_close(check_db);
	check_db = NULL;
	/* a backup under its final name is whole */
	snprintf(path, sizeof(path), "%s/copy.db", backups);
	struct ft_error err;
	if (!bad && stat(path, &sb) == 0 && !backup_check(path, &err)) {
		snprintf(why, size, "the backup is not whole: %s", err.msg);
		bad = 1;
	}
	/* and the appliance opens it and writes again */
	struct store *st = bad ? NULL : store_open(db, &err);
	if (!bad && (!st || !store_add_hug(st, 42, 0, NULL, &err))) {
		snprintf(why, size, "the store does not open and write again: %s", err.msg);
		bad = 1;
	}
	store_close(st);
	return bad;
}

/* One run: a fresh copy of BASE (or no file) as DB, the workload cut at
 * CUT (or not at all, -1); returns how many writes and syncs it made. */
static long
run_child(const char *base, const char *db, const char *log, const char *backups, long cut,
	  unsigned seed)
{
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "rm -rf %s %s-wal %s-shm %s-journal %s %s && mkdir -p %s", db, db, db,
		 db, log, backups, backups);
	if (system(cmd) != 0)
		return -1;
	if (base) {
		snprintf(cmd, sizeof(cmd), "cp %s %s", base, db);
		if (system(cmd) != 0)
			return -1;
	}
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		commits = fopen(log, "w");
		shim_install();
		cut_at = cut;
		rng_state = seed;
		workload(db, backups);
		long n = io_count;
		if (write(fds[1], &n, sizeof(n)) != (ssize_t)sizeof(n))
			_exit(4);
		_exit(0);
	}
	close(fds[1]);
	long n = -1;
	if (read(fds[0], &n, sizeof(n)) != (ssize_t)sizeof(n))
		n = 0; /* cut: the child said nothing */
	close(fds[0]);
	int status;
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0))
		return -1;
	return n;
}

/* An older file: schema 1, as the first familytable left it, with a hug. */
static bool
make_old_file(const char *path)
{
	struct ft_error err;
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "rm -f %s %s-wal %s-shm", path, path, path);
	if (system(cmd) != 0)
		return false;
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return false;
	sqlite3_close(db);
	unlink(path);
	struct store *st = store_open(path, &err);
	if (!st || !store_add_hug(st, 1000, 0, NULL, &err))
		return false;
	store_close(st);
	/* back to version 1: every table a later step makes, dropped */
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return false;
	static const char *const v1[] = {"session", "session_member", "walk", "hug", "tap", "away",
					 "review", "open_session", "open_slot", "state"};
	char drops[4096] = "PRAGMA journal_mode = DELETE;";
	sqlite3_stmt *s;
	/* version 1 had tables and indexes only: views and triggers (the weeks'
	 * figures) go first, then the later tables */
	bool ok = sqlite3_prepare_v2(db, "SELECT name, upper(type) FROM sqlite_master WHERE type IN"
				     " ('view', 'trigger', 'table') ORDER BY type = 'table'", -1, &s,
				     NULL) == SQLITE_OK;
	while (ok && sqlite3_step(s) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *type = (const char *)sqlite3_column_text(s, 1);
		bool keep = false;
		for (size_t i = 0; i < sizeof(v1) / sizeof(v1[0]); i++)
			keep |= strcmp(name, v1[i]) == 0;
		if (!keep && strlen(drops) + strlen(name) + 32 < sizeof(drops))
			snprintf(drops + strlen(drops), sizeof(drops) - strlen(drops),
				 "DROP %s IF EXISTS \"%s\";", type, name);
	}
	sqlite3_finalize(s);
	ok = ok && sqlite3_exec(db, drops, NULL, NULL, NULL) == SQLITE_OK;
	/* columns later steps added to version 1's tables (absent: fine) */
	sqlite3_exec(db, "ALTER TABLE tap DROP COLUMN to_name", NULL, NULL, NULL);
	sqlite3_exec(db, "ALTER TABLE tap DROP COLUMN from_slot", NULL, NULL, NULL);
	ok = ok && sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return ok;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: powercut DIR [CUTS [SEED]]\n");
		return 2;
	}
	const char *dir = argv[1];
	int cuts = argc > 2 ? atoi(argv[2]) : 1000;
	unsigned seed = argc > 3 ? (unsigned)strtoul(argv[3], NULL, 10) : 20261130u;
	struct ft_error err;
	config_defaults(&cfg);
	if (!config_parse(&cfg, "[dock]\nnames = Anna Ben Chloe Dan\n", "powercut", &err) ||
	    !cal_set_zone("Europe/Paris", &err)) {
		fprintf(stderr, "powercut: %s\n", err.msg);
		return 1;
	}
	char db[256], log[256], backups[256], old[256];
	snprintf(db, sizeof(db), "%s/t.db", dir);
	snprintf(log, sizeof(log), "%s/commits.log", dir);
	snprintf(backups, sizeof(backups), "%s/backups", dir);
	snprintf(old, sizeof(old), "%s/old.db", dir);
	mkdir(dir, 0755);
	if (!make_old_file(old)) {
		fprintf(stderr, "powercut: cannot make the older file\n");
		return 1;
	}
	/* how many writes and syncs each starting point makes, uncut */
	const char *bases[2] = {NULL, old};
	long total[2];
	for (int b = 0; b < 2; b++) {
		total[b] = run_child(bases[b], db, log, backups, -1, seed);
		char why[1024] = "";
		if (total[b] <= 0 || check_cut(db, log, backups, why, sizeof(why))) {
			fprintf(stderr, "powercut: the uncut run fails: %s\n", why);
			printf("0 passed, 1 failed\n");
			return 1;
		}
	}
	printf("powercut: %ld writes and syncs from a new file, %ld from a schema-1 file\n", total[0],
	       total[1]);
	int passed = 0, failed = 0;
	srand(seed);
	for (int i = 0; i < cuts; i++) {
		int b = i % 2;
		long cut = 1 + rand() % total[b];
		unsigned s = (unsigned)rand();
		char why[1024] = "";
		if (run_child(bases[b], db, log, backups, cut, s) < 0) {
			snprintf(why, sizeof(why), "the workload failed before the cut");
			failed++;
		} else if (check_cut(db, log, backups, why, sizeof(why))) {
			failed++;
		} else {
			passed++;
			continue;
		}
		printf("FAIL cut %d (%s file, write %ld of %ld, seed %u): %s\n", i, b ? "schema-1" : "new",
		       cut, total[b], s, why);
	}
	printf("power cuts: %d of %d cuts kept every committed change whole\n", passed, cuts);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
