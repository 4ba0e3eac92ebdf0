/*
 * engine.h - the appliance's heart: dock levels in, sessions, walks, hugs and
 * taps out to the store. The live app (real clock) and `simulate` (virtual
 * clock) drive the same engine; that is the one code path of SPEC §5.
 *
 * Time only moves forward: every call takes the instant it happens at, never
 * earlier than the previous call's. Raw slot levels go through the debounce;
 * the session detector runs `debounce` behind the newest instant, so a change
 * confirmed late is still applied in its place (SPEC §2.1, §2.4).
 *
 * Every logged change is its own transaction unless the caller holds one
 * (store_begin), as simulate does for a whole scenario.
 *
 * A finished session, walk, hug or call whose write fails (the database
 * locked by a backup, the disk full, a read-only file) is not dropped: it
 * is kept in the engine's pending list, in order, and written again with
 * a backoff (1 s, doubling up to a minute) at engine_advance() and before
 * engine_close(). The call that could not write still reports the failure,
 * so the display can say so; the engine's state goes on as if it had been
 * written, since the session or walk did end.
 */
#ifndef FT_ENGINE_H
#define FT_ENGINE_H

#include "common.h"
#include "config.h"
#include "debounce.h"
#include "session.h"
#include "store.h"

struct engine;

/* What happened, for the display (all optional). */
struct engine_listener {
	void (*session_started)(void *data, ft_ms start);
	/* id is the session's row (undo); cls tells whether it was a meal */
	void (*session_ended)(void *data, const struct session *s, int64_t id);
	void *data;
};

/* A finished record waiting to be written (see above). */
struct engine_item {
	enum store_kind kind;         /* STORE_SESSION, STORE_WALK, STORE_HUG, STORE_TAP */
	struct session s;             /* a session, classified */
	ft_ms start, end;             /* a walk; start is the instant of a hug or tap */
	char tap[16];                 /* a tap's kind ("call") */
	int from_slot;                /* a call: who called (0: not said) */
	char to[FT_NAME_MAX];         /* and whom ("" when not said) */
	bool clear_walk;              /* a walk stopped: clear the open walk with it */
};

#define ENGINE_MAX_PENDING 64
#define ENGINE_RETRY_FIRST FT_SECOND
#define ENGINE_RETRY_MAX FT_MINUTE

struct engine {
	const struct ft_config *cfg;
	struct store *store;
	struct debounce deb;
	struct session_detector det;
	ft_ms now;            /* newest instant seen */
	ft_ms saved_seen;     /* last_seen written for the open session */
	ft_ms saved_durable;  /* ... and written to the disk */
	bool unsaved;         /* levels changed since the open session was saved */
	ft_ms walk_start;     /* -1: no walk in progress */
	struct engine_listener listener;
	struct engine_item pending[ENGINE_MAX_PENDING]; /* oldest first */
	int npending;
	ft_ms retry_at;       /* the next attempt to write them */
	ft_ms retry_wait;     /* the backoff: doubles after each failed attempt */
	bool write_failed;    /* a write failed during the current call */
	struct ft_error write_err;
};

/*
 * Start at NOW. LEVELS are the dock's raw levels now, or NULL to restore
 * the levels saved with an open session (a simulation continuing). An open
 * session saved by the previous run resumes when its phones are docked,
 * else it ends at the last instant they were known to be in (SPEC §2.9).
 */
bool engine_open(struct engine *e, const struct ft_config *cfg, struct store *st,
		 ft_ms now, const int *levels, struct ft_error *err);
/* A clean stop at NOW: the engine brought to NOW (so the open session's
 * last instant is the stop, not the last checkpoint), what is pending
 * written, the open session's state and the clock saved. False with ERR
 * naming what could not be saved. */
bool engine_close(struct engine *e, ft_ms now, struct ft_error *err);
/* Write what is pending now, whatever the backoff says; false when some
 * is still pending. */
bool engine_flush(struct engine *e, struct ft_error *err);

bool engine_dock(struct engine *e, int slot, int level, ft_ms t, struct ft_error *err);
/* Run timers (debounce, grace) up to NOW. */
bool engine_advance(struct engine *e, ft_ms now, struct ft_error *err);
/* When engine_advance must next be called, or FT_MS_NEVER: a debounce
 * confirmation, a grace deadline, a pending write's retry, and while a
 * session is open the next checkpoint (at most a minute after the last). */
ft_ms engine_next_deadline(const struct engine *e);

bool engine_walk_start(struct engine *e, ft_ms t, struct ft_error *err);
/* Stop the walk in progress; *id gets its row (undo), -1 when it was not long
 * enough to count is still logged. */
bool engine_walk_stop(struct engine *e, ft_ms t, int64_t *id, struct ft_error *err);
bool engine_walk(struct engine *e, ft_ms start, ft_ms length, int64_t *id,
		 struct ft_error *err);
bool engine_hug(struct engine *e, ft_ms t, int64_t *id, struct ft_error *err);
bool engine_tap(struct engine *e, ft_ms t, const char *kind, int64_t *id,
		struct ft_error *err);
/* A call (SPEC §3): FROM_SLOT (from 1) called TO, or 0 and NULL when the
 * family did not say; both or neither. It keeps a call ritual like any
 * "call" tap. */
bool engine_call(struct engine *e, ft_ms t, int from_slot, const char *to, int64_t *id,
		 struct ft_error *err);
bool engine_away(struct engine *e, ft_ms t, bool away, struct ft_error *err);
/* A mark set (or cleared) at T on WEEK at the review: reviewed, rituals
 * confirmed, away (SPEC §4: chosen openly at the review, or ahead). */
bool engine_mark(struct engine *e, enum store_mark mark, int64_t week, bool set, ft_ms t,
		 struct ft_error *err);
/* Undo: remove a row logged by this engine (store_delete). */
bool engine_delete(struct engine *e, enum store_kind kind, int64_t id, struct ft_error *err);

/* The session in progress, if any (start, docked count). */
bool engine_session_open(const struct engine *e, ft_ms *start);
int engine_docked(const struct engine *e);
/* Debounced level of SLOT (from 1). */
int engine_slot_level(const struct engine *e, int slot);

#endif
