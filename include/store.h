/*
 * store.h - the SQLite file: the only module that knows SQL.
 *
 * Every open sets WAL and synchronous=FULL (a meal reported saved survives a
 * power cut), foreign keys on, runs quick_check and migrates the schema
 * forward (PRAGMA user_version). Each store_add_* is one transaction unless
 * the caller holds one with store_begin() (a scenario is written in one).
 *
 * Ownership: arrays returned through pointers are malloc'd; the caller frees
 * them (store_free_sessions, history_free).
 */
#ifndef FT_STORE_H
#define FT_STORE_H

#include "common.h"
#include "config.h"
#include "habits.h"
#include "session.h"

struct store;

/* A finished session as the store gives it back. */
struct store_session {
	int64_t id;
	struct session s;
	int nmembers;
	char members[FT_MAX_SLOTS][FT_NAME_MAX]; /* names as logged */
};

struct store_walk {
	int64_t id;
	ft_ms start, end;
};

/* A call (SPEC §3): who called, by slot, and whom, when they were said. */
struct store_call {
	int64_t id;
	ft_ms t;
	int from_slot;        /* from 1; 0 when not said */
	char to[FT_NAME_MAX]; /* "" when not said */
};

enum store_kind { STORE_SESSION, STORE_WALK, STORE_HUG, STORE_TAP };

/* The schema version this program writes (PRAGMA user_version): the
 * number of migration steps. */
int store_schema_version(void);

/* Opens (creating the file and its folder when needed) and checks it
 * (quick_check): what writes to it opens it so. */
struct store *store_open(const char *path, struct ft_error *err);
/* STORE_CREATE: as store_open. STORE_EXISTING: for read-only commands: never
 * creates the file nor writes a schema into an empty one; a database on a
 * read-only mount is read as it is. STORE_RECOVER: for the appliance: a
 * damaged file (quick_check finds damage) is kept aside under a dated name,
 * never replacing a file, its name written to ASIDE, and a fresh one is
 * started. Every failure says locked, read-only, full, missing or damaged
 * with the path. */
enum store_mode { STORE_CREATE, STORE_EXISTING, STORE_RECOVER };
struct store *store_open_mode(const char *path, enum store_mode mode, char *aside,
			      size_t aside_size, struct ft_error *err);
/* quick_check, which STORE_EXISTING skips (it protects nothing a read-only
 * command writes, and costs more than a report on years of history): the
 * live appliance runs it when it opens and once a day. */
bool store_check(struct store *st, struct ft_error *err);
void store_close(struct store *st);

bool store_begin(struct store *st, struct ft_error *err);
bool store_commit(struct store *st, struct ft_error *err);
void store_rollback(struct store *st);
/* Inside store_begin .. store_commit (nothing is committed yet). */
bool store_in_transaction(const struct store *st);

/* Logging. *id (may be NULL) gets the new row's id, for undo. Dates are local
 * days computed by the caller. */
bool store_add_session(struct store *st, const struct session *s,
		       const struct ft_config *cfg, int64_t *id, struct ft_error *err);
bool store_add_walk(struct store *st, ft_ms start, ft_ms end, int64_t day,
		    int64_t *id, struct ft_error *err);
bool store_add_hug(struct store *st, ft_ms t, int64_t day, int64_t *id,
		   struct ft_error *err);
bool store_add_tap(struct store *st, ft_ms t, int64_t day, const char *kind,
		   int64_t *id, struct ft_error *err);
/* A call, logged as a tap of kind "call" (it keeps a call ritual). FROM_SLOT
 * and TO are both given or neither (0 and NULL or ""). */
bool store_add_call(struct store *st, ft_ms t, int64_t day, int from_slot, const char *to,
		    int64_t *id, struct ft_error *err);
bool store_set_away(struct store *st, int64_t week, bool away, struct ft_error *err);
bool store_set_reviewed(struct store *st, int64_t week, ft_ms t, struct ft_error *err);
bool store_is_reviewed(struct store *st, int64_t week, bool *reviewed, struct ft_error *err);
/* Marks on a week, set at the Sunday review (away is set by store_set_away
 * and read here too). */
enum store_mark { STORE_MARK_REVIEWED, STORE_MARK_RITUALS, STORE_MARK_AWAY };
bool store_set_mark(struct store *st, enum store_mark mark, int64_t week, ft_ms t,
		    struct ft_error *err);
bool store_get_mark(struct store *st, enum store_mark mark, int64_t week, bool *set,
		    struct ft_error *err);
/* Undo: remove one logged row. */
bool store_delete(struct store *st, enum store_kind kind, int64_t id, struct ft_error *err);

/* ---- corrections made after the fact ----
 *
 * A walk added after the fact, an entry removed, a week marked away or not:
 * each is one transaction that changes the rows and logs the correction
 * (table correction), with a copy of the row added or removed, so that it
 * can be undone (the correction stays in the log, marked undone) and is
 * exported. The rules on what may be corrected (how far back) are
 * correct.c's; these calls only do it. */

/* One logged row, for the history the family corrects. */
struct store_entry {
	enum store_kind kind;
	int64_t id;
	ft_ms start, end;  /* a hug's or a tap's instant twice */
	int64_t day;       /* its local date (a meal's window's day) */
	char record[16];   /* meal, phones-down, short, left-docked, walk, hug, tap */
	char detail[24];   /* a meal's window, a tap's kind; else "" */
};

enum store_fix { STORE_FIX_ADD, STORE_FIX_REMOVE, STORE_FIX_AWAY, STORE_FIX_AWAY_OFF };

struct store_correction {
	int64_t id;
	ft_ms made;                /* when it was made */
	ft_ms undone;              /* when it was undone; -1 while it holds */
	enum store_fix action;
	bool week;                 /* about a week (away), else about entry */
	int64_t target;            /* the week */
	bool was_away;             /* the week's mark before the correction */
	struct store_entry entry;  /* the row added or removed, as it was */
};

/* Entries dated FROM_DAY..TO_DAY, newest first (*out malloc'd). */
bool store_entries(struct store *st, int64_t from_day, int64_t to_day, struct store_entry **out,
		   size_t *n, struct ft_error *err);
/* *fix (may be NULL) gets the correction's id, for undo. */
bool store_fix_add_walk(struct store *st, ft_ms start, ft_ms end, int64_t day, ft_ms made,
			int64_t *fix, struct ft_error *err);
/* *found false: no such row, nothing written. */
bool store_fix_remove(struct store *st, enum store_kind kind, int64_t id, ft_ms made,
		      int64_t *fix, bool *found, struct ft_error *err);
bool store_fix_away(struct store *st, int64_t week, bool away, ft_ms made, int64_t *fix,
		    struct ft_error *err);
/* Reverses correction FIX at instant T: the walk added is removed, the row
 * removed is back (with its old id when still free), the week's mark is
 * what it was. Fails on an unknown or already undone correction. */
bool store_fix_undo(struct store *st, int64_t fix, ft_ms t, struct ft_error *err);
bool store_correction(struct store *st, int64_t fix, struct store_correction *c, bool *found,
		      struct ft_error *err);
/* Every correction, oldest first (*out malloc'd). */
bool store_corrections(struct store *st, struct store_correction **out, size_t *n,
		       struct ft_error *err);

/* The open session (SPEC §2.9), the dock's last levels and the open walk,
 * saved across restarts. Saving with det->open false clears the session but
 * keeps the levels. Loading fills det's levels (and the session when *found)
 * into a detector set up by session_init. */
bool store_save_open(struct store *st, const struct session_detector *det,
		     ft_ms last_seen, struct ft_error *err);
bool store_load_open(struct store *st, struct session_detector *det, ft_ms *last_seen,
		     bool *found, struct ft_error *err);
/* The heartbeat of the session that started at START, unchanged since it was
 * last saved: only the last instant its phones were known to be in. DURABLE:
 * one page and one fdatasync (a file beside the database, PATH-seen), which
 * outlives a power cut; else into the file in memory that store_set_runtime
 * named (no write to the disk; it outlives a crash, not a power cut), or
 * durably when there is none or it fails. Inside a transaction, an update of
 * the row. store_load_open takes the latest of the three. */
bool store_touch_open(struct store *st, ft_ms start, ft_ms last_seen, bool durable,
		      struct ft_error *err);
/* The running appliance's heartbeat: the folder in memory (a tmpfs that
 * outlives the process, not the machine) where it goes between durable ones
 * (NULL or "": none); and PATH-seen, made now if it is not there yet. */
void store_set_runtime(struct store *st, const char *dir);
/* That folder for the running appliance: systemd's RuntimeDirectory=, else
 * XDG_RUNTIME_DIR, else /dev/shm, the first that is a tmpfs this process may
 * write to. NULL: none (every heartbeat goes to the disk). */
const char *store_runtime_dir(void);
/* The open session ended and is saved: its heartbeat in memory is removed. */
void store_forget_touch(struct store *st);
bool store_set_walk_open(struct store *st, ft_ms start /* -1: none */, struct ft_error *err);
bool store_get_walk_open(struct store *st, ft_ms *start /* -1: none */, struct ft_error *err);

/* The settings made on the display (SPEC §6; settings.c knows what they
 * mean): KEY is "SECTION.KEY", VALUE the text exactly as the file would
 * take it, a list's items joined by line feeds. Setting replaces the key's
 * value; resetting forgets it (*had, may be NULL: whether there was one).
 * store_settings calls EACH for every stored key, in key order; EACH must
 * not use the store. */
bool store_set_setting(struct store *st, const char *key, const char *value, ft_ms t,
		       struct ft_error *err);
bool store_reset_setting(struct store *st, const char *key, bool *had, struct ft_error *err);
bool store_settings(struct store *st, void (*each)(void *ctx, const char *key, const char *value),
		    void *ctx, struct ft_error *err);

/* The last instant the appliance (or a simulation) ran to. */
bool store_set_clock(struct store *st, ft_ms t, struct ft_error *err);
bool store_get_clock(struct store *st, ft_ms *t /* -1: never */, struct ft_error *err);

/* Everything logged by T, for habits: every week's figures (from the
 * week_figure table, or from the rows for a week with rows that ended
 * after T) and the rows of WEEK in detail (habits.h). */
bool store_load_history_week(struct store *st, ft_ms at, int64_t week, struct history *h,
			     struct ft_error *err);
/* The same with the week of T in detail. */
bool store_load_history(struct store *st, ft_ms at, struct history *h, struct ft_error *err);
/* Finished sessions (ended by AT) dated FROM_DAY..TO_DAY, by start. */
bool store_sessions(struct store *st, int64_t from_day, int64_t to_day, ft_ms at,
		    struct store_session **out, size_t *n, struct ft_error *err);
void store_free_sessions(struct store_session *rows);
bool store_walks(struct store *st, int64_t from_day, int64_t to_day, ft_ms at,
		 struct store_walk **out, size_t *n, struct ft_error *err);

/* The calls dated FROM_DAY..TO_DAY and logged by AT, in time order. */
bool store_calls(struct store *st, int64_t from_day, int64_t to_day, ft_ms at,
		 struct store_call **out, size_t *n, struct ft_error *err);

/* Export: write CSV of every table to OUT (SPEC §5 export --csv). */
bool store_export_csv(struct store *st, const struct ft_config *cfg, void *out /* FILE * */,
		      struct ft_error *err);

#endif
