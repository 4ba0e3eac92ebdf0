/*
 * backup.h - copies of the family's database, and putting one back.
 *
 * A copy is consistent (SQLite's VACUUM INTO reads one snapshot, safe while
 * the display writes) and checked (integrity_check) before it is trusted.
 * The nightly copies live in BACKUPS (beside the database: its folder's
 * backups/), one a day named familytable-YYYY-MM-DD.db by the local date,
 * pruned to 7 daily and 8 weekly. A restore checks the file first, keeps the
 * current database aside, and is refused while `run` holds the database
 * (backup_hold_run).
 *
 * Like store.c, this module speaks SQL, but only to whole files: it never
 * reads the family's rows.
 */
#ifndef FT_BACKUP_H
#define FT_BACKUP_H

#include <stddef.h>

#include "common.h"

#define BACKUP_DAILY 7  /* the newest days kept */
#define BACKUP_WEEKLY 8 /* and the newest copy of each of the newest weeks */

/* A consistent copy of the database DB into DEST, which must not exist yet
 * (written to DEST.tmp, checked, synced, then renamed). */
bool backup_copy(const char *db, const char *dest, struct ft_error *err);

/* Whether FILE is an intact familytable database this program can open:
 * integrity_check says "ok", its schema is one of ours and not newer. */
bool backup_check(const char *file, struct ft_error *err);

/* The nightly copy: DB into DIR/familytable-<TODAY>.db (TODAY a local day
 * number; a copy already made today is replaced), then the older copies
 * pruned by backup_keep. *KEPT (may be NULL) gets how many copies remain. */
bool backup_rotate(const char *db, const char *dir, int64_t today, size_t *kept,
		   struct ft_error *err);

/* Which of N dated copies (local day numbers, any order, distinct) to keep:
 * the BACKUP_DAILY newest days, and the newest copy of each of the
 * BACKUP_WEEKLY newest ISO weeks that have one. */
void backup_keep(const int64_t *days, size_t n, bool *keep);

/* Puts FILE back as the database DB: checks FILE (backup_check), refuses
 * while `run` holds DB, keeps the current database as ASIDE
 * (DB.before-restore-YYYYMMDDTHHMMSSZ, written to aside[size], "" when there
 * was none), then copies FILE into DB (same file, owner and mode). Returns an
 * exit code: 2 for a bad FILE, 1 for any other failure, with err set. */
int backup_restore(const char *db, const char *file, char *aside, size_t size,
		   struct ft_error *err);

/* Held by `run` for as long as it has DB open: a shared lock on DB.lock
 * (flock), which backup_restore asks for exclusively. False, with err set,
 * only when a restore holds it; *FD gets the lock's descriptor (close it to
 * let go), or -1 when no lock file can be made there (no folder yet: then
 * there is no database to restore over either). */
bool backup_hold_run(const char *db, int *fd, struct ft_error *err);

#endif
