/*
 * store_session.c - the session in progress, saved so that a restart
 * resumes it (SPEC §2.9): its row in open_session, the dock's levels, and
 * the heartbeat file beside the database. Part of the store
 * (store_internal.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "log.h"
#include "store_internal.h"

/*
 * The open session's heartbeat: 24 bytes (the session's start, the last
 * instant its phones were known to be in, and a check word) rewritten in
 * place. Through SQLite the same 8 bytes cost a WAL frame that straddles two
 * pages, the wal-index pages and a sync of the WAL, 13 to 20 KiB of writes a
 * minute of meal. Two files hold it:
 *   - PATH-seen beside the database, written with one fdatasync: it outlives
 *     a power cut, and costs the SD card a page or two (the data block, and
 *     the inode's new mtime in ext4's journal);
 *   - a file in memory (store_set_runtime: a tmpfs such as systemd's
 *     RuntimeDirectory), written with no sync: it outlives a crash, a kill
 *     -9 or a restart of the service, not a power cut, and costs the card
 *     nothing.
 * The engine writes the one in memory each minute and the one on disk every
 * few minutes (engine.c); store_load_open takes the latest instant either
 * holds for the session. The row in open_session stays the truth for
 * everything else and is rewritten whenever the session changes.
 */
#define SEEN_SUFFIX "-seen"
#define SEEN_MAGIC 0x66747365656e3031LL /* "ftseen01" */

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
	sqlite3_stmt *q = store_stmt(st, clear, err);
	bool ok = q && store_step_done(st, q, err, "save the open session");
	ok = ok && (q = store_stmt(st, clear_slots, err)) && store_step_done(st, q, err, "save the open session");
	if (ok && det->open) {
		ok = (q = store_stmt(st, ins, err)) != NULL;
		if (ok) {
			sqlite3_bind_int64(q, 1, det->start);
			sqlite3_bind_int(q, 2, det->phones);
			sqlite3_bind_int(q, 3, det->interruptions);
			sqlite3_bind_int(q, 4, det->dipping);
			sqlite3_bind_int64(q, 5, det->dip_start);
			sqlite3_bind_int64(q, 6, last_seen);
			ok = store_step_done(st, q, err, "save the open session");
		}
	}
	/* the dock's levels are kept even with no session open, so that a
	 * simulation continues where the previous run left the phones */
	for (int i = 0; ok && i < det->nslots; i++) {
		ok = (q = store_stmt(st, slot, err)) != NULL;
		if (!ok)
			break;
		sqlite3_bind_int(q, 1, i + 1);
		sqlite3_bind_int(q, 2, det->level[i]);
		sqlite3_bind_int64(q, 3, det->level_since[i]);
		sqlite3_bind_int64(q, 4, det->in_ms[i]);
		sqlite3_bind_int64(q, 5, det->in_at_dip[i]);
		ok = store_step_done(st, q, err, "save the open session");
	}
	return store_finish(st, ok, err);
}

static bool
seen_path(const struct store *st, char *out, size_t size)
{
	return (size_t)snprintf(out, size, "%s" SEEN_SUFFIX, st->path) < size;
}

/* The heartbeat's instant in PATH for the session that started at START,
 * when the file holds one for it (a file left by an earlier session, torn
 * or missing, is ignored: the row's instant stands). */
static bool
seen_read(const char *path, ft_ms start, ft_ms *seen)
{
	int64_t v[3];
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

/* Write the heartbeat V into PATH through *FD (opened at the first write,
 * closed after a failure so that the next try opens it again). */
static bool
seen_write(const char *path, int *fd, const int64_t v[3], bool sync, struct ft_error *err)
{
	if (*fd < 0)
		*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (*fd >= 0 && pwrite(*fd, v, 3 * sizeof(*v), 0) == (ssize_t)(3 * sizeof(*v)) &&
	    (!sync || fdatasync(*fd) == 0))
		return true;
	int e = errno;
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
	return ft_fail(err, "%s: %s", path, strerror(e));
}

/* A folder in memory that outlives the process, for the open session's
 * heartbeat between its writes to the disk (store_set_runtime): systemd's
 * RuntimeDirectory= (kept across the service's restarts), else the login's
 * XDG_RUNTIME_DIR, else /dev/shm; only a tmpfs this process may write to. */
const char *
store_runtime_dir(void)
{
	const char *cand[] = { getenv("RUNTIME_DIRECTORY"), getenv("XDG_RUNTIME_DIR"), "/dev/shm" };
	for (size_t i = 0; i < sizeof(cand) / sizeof(cand[0]); i++) {
		struct statfs sf;
		if (cand[i] && cand[i][0] == '/' && !strchr(cand[i], ':') && statfs(cand[i], &sf) == 0 &&
		    (sf.f_type == TMPFS_MAGIC || sf.f_type == RAMFS_MAGIC) && access(cand[i], W_OK) == 0)
			return cand[i];
	}
	return NULL;
}

void
store_set_runtime(struct store *st, const char *dir)
{
	/* The file on the disk is made now, once in the appliance's life:
	 * made at a heartbeat, its inode, directory entry and bitmaps cost
	 * that heartbeat 32 KiB of writes instead of one page. A failure
	 * here is retried at the first durable heartbeat. */
	char path[PATH_MAX + 8];
	if (st->seen_fd < 0 && seen_path(st, path, sizeof(path)))
		st->seen_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (st->run_fd >= 0)
		close(st->run_fd);
	st->run_fd = -1;
	st->run_path[0] = '\0';
	if (!dir || !dir[0])
		return;
	/* named by the database's path, so that two databases (two test runs,
	 * a family's and a trial's) never share one */
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
	for (const char *c = st->path; *c; c++)
		h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
	if ((size_t)snprintf(st->run_path, sizeof(st->run_path), "%s/familytable-%016llx.seen", dir,
			     (unsigned long long)h) >= sizeof(st->run_path))
		st->run_path[0] = '\0';
}

void
store_forget_touch(struct store *st)
{
	if (st->run_fd >= 0)
		close(st->run_fd);
	st->run_fd = -1;
	if (st->run_path[0])
		unlink(st->run_path);
}

bool
store_touch_open(struct store *st, ft_ms start, ft_ms last_seen, bool durable, struct ft_error *err)
{
	/* Inside a transaction (a simulation) the row is as cheap as the
	 * file and commits with the rest. */
	if (st->depth > 0) {
		static const char upd[] = "UPDATE open_session SET last_seen_ms = ? WHERE id = 1";
		sqlite3_stmt *q = store_stmt(st, upd, err);
		if (!q)
			return false;
		sqlite3_bind_int64(q, 1, last_seen);
		return store_step_done(st, q, err, "save the open session");
	}
	int64_t v[3] = { start, last_seen, start ^ last_seen ^ SEEN_MAGIC };
	if (!durable && st->run_path[0]) {
		struct ft_error e2;
		if (seen_write(st->run_path, &st->run_fd, v, false, &e2))
			return true;
		/* memory refused (full, gone): the disk it is, this time */
		log_warn("%s; the heartbeat goes to the disk", e2.msg);
	}
	char path[PATH_MAX + 8];
	if (!seen_path(st, path, sizeof(path)))
		return ft_fail(err, "%s: path too long", st->path);
	return seen_write(path, &st->seen_fd, v, true, err);
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
	sqlite3_stmt *q = store_stmt(st, sel, err);
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
		return store_db_fail(st, err, "read the open session");
	char path[PATH_MAX + 8];
	ft_ms seen;
	if (*found && seen_path(st, path, sizeof(path)) && seen_read(path, det->start, &seen) &&
	    seen > *last_seen)
		*last_seen = seen;
	if (*found && st->run_path[0] && seen_read(st->run_path, det->start, &seen) && seen > *last_seen)
		*last_seen = seen;
	if (!(q = store_stmt(st, slots, err)))
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
		return store_db_fail(st, err, "read the open session");
	return true;
}
