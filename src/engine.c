/*
 * engine.c - dock levels, walks, hugs and taps in; logged rows out.
 *
 * Ordering is the whole difficulty. A raw edge at c is only known to be a
 * change at c + debounce, so the session detector runs on a horizon of
 * now - debounce: everything dated at or before it is final. Between the
 * confirmed changes and the detector's own grace deadline, the earlier goes
 * first, and a grace deadline equal to a change's date goes first too (a dip
 * of exactly grace ends the session, SPEC §2.4).
 *
 * What is written: a session when it ends (with the open session cleared in
 * the same transaction), the open session when it starts, and a heartbeat
 * of the open session once a minute (the last instant the phones were known
 * to be in), so that a crash cuts at most a minute from it (SPEC §2.9). The
 * heartbeat is the whole open session when it changed since it was saved
 * (a phone in or out), else only that instant (store_touch_open): into
 * memory that outlives the process (no write to the SD card), and to the
 * disk every DURABLE, so that a power cut cuts at most that. Never a write
 * per edge.
 */
#include <string.h>

#include "calendar.h"
#include "engine.h"
#include "log.h"

#define HEARTBEAT FT_MINUTE
#define DURABLE (5 * FT_MINUTE)

/* Remember the first write failure of the current call (see engine.h). */
static void
write_failed(struct engine *e, const struct ft_error *err)
{
	if (!e->write_failed)
		e->write_err = *err;
	e->write_failed = true;
}

/* The open session's checkpoint. A failure is remembered (the display
 * says so) and retried at the next checkpoint; it stops nothing. */
static bool
save_open(struct engine *e, struct ft_error *err)
{
	if (!store_save_open(e->store, &e->det, e->now, err)) {
		write_failed(e, err);
		e->saved_seen = e->now; /* next attempt a checkpoint later */
		return true;
	}
	e->saved_seen = e->saved_durable = e->now;
	e->unsaved = false;
	return true;
}

/* The open session's heartbeat, due HEARTBEAT after the last save. */
static bool
heartbeat(struct engine *e, struct ft_error *err)
{
	if (e->unsaved)
		return save_open(e, err);
	bool durable = e->now - e->saved_durable >= DURABLE;
	if (!store_touch_open(e->store, e->det.start, e->now, durable, err)) {
		write_failed(e, err);
		e->saved_seen = e->now; /* next attempt a checkpoint later */
		return true;
	}
	e->saved_seen = e->now;
	if (durable)
		e->saved_durable = e->now;
	return true;
}

/* Say in the journal what has just been committed to the file (not when a
 * caller's transaction, a simulation's, still holds it): the line the kill
 * tests hold the file to (make check-reliability). */
static void
saved(const struct engine *e, const char *what, ft_ms start, ft_ms end, const char *cls)
{
	if (store_in_transaction(e->store))
		return;
	log_info("saved %s %lld..%lld%s%s", what, (long long)start, (long long)end, cls ? " " : "",
		 cls ? cls : "");
}

/* Write IT; *id (may be NULL) gets its row. */
static bool
write_item(struct engine *e, const struct engine_item *it, int64_t *id, struct ft_error *err)
{
	struct store *st = e->store;
	int64_t day = cal_day_of(it->start);
	bool ok;
	switch (it->kind) {
	case STORE_SESSION:
		/* with the open session cleared (or the next one saved) in the
		 * same transaction */
		if (!store_begin(st, err))
			return false;
		ok = store_add_session(st, &it->s, e->cfg, id, err) &&
		     store_save_open(st, &e->det, e->now, err);
		break;
	case STORE_WALK:
		if (!store_begin(st, err))
			return false;
		ok = store_add_walk(st, it->start, it->end, day, id, err) &&
		     (!it->clear_walk || e->walk_start >= 0 || store_set_walk_open(st, -1, err));
		break;
	case STORE_HUG:
		if (!store_add_hug(st, it->start, day, id, err))
			return false;
		saved(e, "hug", it->start, it->start, NULL);
		return true;
	case STORE_TAP:
		if (it->from_slot || it->to[0])
			return store_add_call(st, it->start, day, it->from_slot, it->to, id, err);
		return store_add_tap(st, it->start, day, it->tap, id, err);
	default:
		return ft_fail(err, "nothing to write");
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	if (!store_commit(st, err))
		return false;
	if (it->kind == STORE_SESSION) {
		e->saved_seen = e->saved_durable = e->now;
		e->unsaved = false;
		if (!e->det.open)
			store_forget_touch(st);
		saved(e, "session", it->s.start, it->s.end, session_class_names[it->s.cls]);
	} else {
		saved(e, "walk", it->start, it->end, NULL);
	}
	return true;
}

/* What a pending item is, for the journal: "the session 18:56-19:40". */
static void
describe(const struct engine_item *it, char *out, size_t size)
{
	static const char *const what[] = { "session", "walk", "hug", "call" };
	char hhmm[CAL_HHMM_SIZE];
	cal_format_hhmm(it->kind == STORE_SESSION ? it->s.start : it->start, hhmm);
	snprintf(out, size, "the %s of %s", what[it->kind], hhmm);
}

/* Write IT now, or keep it for later. *id gets its row when written. */
static bool
keep(struct engine *e, const struct engine_item *it, int64_t *id, struct ft_error *err)
{
	if (id)
		*id = -1;
	/* after what is already waiting, in order */
	if (e->npending == 0 && write_item(e, it, id, err)) {
		if (it->kind == STORE_SESSION && e->listener.session_ended)
			e->listener.session_ended(e->listener.data, &it->s, id ? *id : -1);
		return true;
	}
	if (e->npending == 0) {
		write_failed(e, err);
	} else {
		struct ft_error behind;
		ft_fail(&behind, "waiting to be saved after %d others (%s)", e->npending,
			e->write_err.msg);
		write_failed(e, &behind);
	}
	char what[64];
	describe(it, what, sizeof(what));
	if (e->npending == ENGINE_MAX_PENDING) {
		char oldest[64];
		describe(&e->pending[0], oldest, sizeof(oldest));
		log_error("not saved and dropped: %s (more than %d waiting)", oldest,
			  ENGINE_MAX_PENDING);
		memmove(&e->pending[0], &e->pending[1], sizeof(e->pending[0]) * (ENGINE_MAX_PENDING - 1));
		e->npending--;
	}
	e->pending[e->npending++] = *it;
	if (e->npending == 1) {
		e->retry_wait = ENGINE_RETRY_FIRST;
		e->retry_at = e->now + e->retry_wait;
	}
	log_warn("not saved yet, kept to retry: %s", what);
	return ft_fail(err, "%s", e->write_err.msg);

}

/* Try the pending writes, oldest first; FORCE ignores the backoff. */
static bool
retry_pending(struct engine *e, bool force, struct ft_error *err)
{
	if (e->npending == 0 || (!force && e->now < e->retry_at))
		return true;
	while (e->npending > 0) {
		struct engine_item it = e->pending[0];
		int64_t id = -1;
		if (!write_item(e, &it, &id, err)) {
			write_failed(e, err);
			e->retry_wait = e->retry_wait * 2 > ENGINE_RETRY_MAX ? ENGINE_RETRY_MAX
									      : e->retry_wait * 2;
			e->retry_at = e->now + e->retry_wait;
			return false;
		}
		memmove(&e->pending[0], &e->pending[1], sizeof(e->pending[0]) * (size_t)(e->npending - 1));
		e->npending--;
		char what[64];
		describe(&it, what, sizeof(what));
		log_info("saved after all: %s", what);
		if (it.kind == STORE_SESSION && e->listener.session_ended)
			e->listener.session_ended(e->listener.data, &it.s, id);
	}
	return true;
}

bool
engine_flush(struct engine *e, struct ft_error *err)
{
	return retry_pending(e, true, err);
}

/* A session has ended: classify it and log it with the open session
 * cleared, in one transaction, or keep it to retry. */
static bool
log_session(struct engine *e, struct session *s, struct ft_error *err)
{
	session_classify(s, e->cfg);
	struct engine_item it = { .kind = STORE_SESSION, .s = *s, .start = s->start, .end = s->end };
	int64_t id;
	keep(e, &it, &id, err);
	return true; /* the engine goes on; a failure is in e->write_failed */
}

static bool
apply_changes(struct engine *e, const struct dock_change *c, int n, struct ft_error *err)
{
	struct session done;
	bool was_open = e->det.open;
	if (session_advance(&e->det, c[0].t, &done))
		log_session(e, &done, err);
	session_on_dock(&e->det, c, n, &done);
	e->unsaved = true;
	if (!was_open && e->det.open) {
		save_open(e, err);
		if (e->listener.session_started)
			e->listener.session_started(e->listener.data, e->det.start);
	}
	return true;
}

/* Let the timers run up to NOW; failures are in e->write_failed. */
static void
advance(struct engine *e, ft_ms now)
{
	struct ft_error err;
	if (now < e->now)
		now = e->now; /* time never runs backwards here */
	e->now = now;
	ft_ms horizon = now - e->deb.period;
	for (;;) {
		ft_ms confirm = debounce_next_deadline(&e->deb);
		ft_ms dated = confirm <= now ? confirm - e->deb.period : FT_MS_NEVER;
		ft_ms grace = session_next_deadline(&e->det);
		struct session done;
		if (grace <= horizon && grace <= dated) {
			if (session_advance(&e->det, grace, &done))
				log_session(e, &done, &err);
			continue;
		}
		if (dated == FT_MS_NEVER)
			break;
		struct dock_change changes[FT_MAX_SLOTS];
		int n = debounce_advance(&e->deb, confirm, changes, FT_MAX_SLOTS);
		if (n > 0)
			apply_changes(e, changes, n, &err);
	}
	retry_pending(e, false, &err);
	if (e->det.open && now - e->saved_seen >= HEARTBEAT)
		heartbeat(e, &err);
}

/* Each public call starts with no failure and ends reporting the first. */
static void
begin_call(struct engine *e)
{
	e->write_failed = false;
}

static bool
end_call(struct engine *e, struct ft_error *err)
{
	if (e->write_failed)
		return ft_fail(err, "%s", e->write_err.msg);
	return true;
}

bool
engine_advance(struct engine *e, ft_ms now, struct ft_error *err)
{
	begin_call(e);
	advance(e, now);
	return end_call(e, err);
}

ft_ms
engine_next_deadline(const struct engine *e)
{
	ft_ms next = debounce_next_deadline(&e->deb);
	ft_ms grace = session_next_deadline(&e->det);
	/* a grace deadline is acted on once the horizon reaches it */
	if (grace != FT_MS_NEVER && grace + e->deb.period < next)
		next = grace + e->deb.period;
	if (e->npending > 0 && e->retry_at < next)
		next = e->retry_at;
	/* the checkpoint: a crash loses at most a minute of a session */
	if (e->det.open && e->saved_seen + HEARTBEAT < next)
		next = e->saved_seen + HEARTBEAT;
	return next;
}

bool
engine_dock(struct engine *e, int slot, int level, ft_ms t, struct ft_error *err)
{
	if (slot < 1 || slot > e->cfg->nslots)
		return ft_fail(err, "unknown slot %d (the dock has %d)", slot, e->cfg->nslots);
	begin_call(e);
	/* An edge may arrive dated a little in the past (libgpiod 2 reports a
	 * kernel-debounced edge at the raw edge, one period back; see
	 * debounce.c): anything not older than the detector's horizon still
	 * goes in its place. */
	ft_ms horizon = e->now - e->deb.period;
	if (t < horizon)
		t = horizon;
	if (t > e->now)
		advance(e, t);
	debounce_raw(&e->deb, slot, level, t);
	/* with no debounce the change is final at once */
	if (e->deb.period == 0)
		advance(e, e->now);
	return end_call(e, err);
}

bool
engine_open(struct engine *e, const struct ft_config *cfg, struct store *st, ft_ms now,
	    const int *levels, struct ft_error *err)
{
	ft_ms last_seen = now;
	bool found = false;
	memset(e, 0, sizeof(*e));
	e->cfg = cfg;
	e->store = st;
	e->now = now;
	session_init(&e->det, cfg, NULL, now);
	if (!store_load_open(st, &e->det, &last_seen, &found, err) ||
	    !store_get_walk_open(st, &e->walk_start, err))
		return false;
	e->saved_seen = last_seen;
	/* LAST_SEEN may come from memory: the first heartbeat goes to the disk */
	e->saved_durable = last_seen - DURABLE;
	if (found && levels) {
		/* after a restart: a session whose phones are still docked resumes,
		 * else it ends when they were last known to be in (SPEC §2.9) */
		int docked = 0;
		for (int i = 0; i < cfg->nslots; i++)
			docked += !!levels[i];
		if (docked < cfg->min_phones) {
			struct session done;
			e->now = last_seen > now ? now : last_seen;
			if (session_end_at(&e->det, last_seen, &done)) {
				log_info("the session open before the restart ended at the last known instant");
				log_session(e, &done, err);
			}
			e->now = now;
			/* the levels now are the dock's, not the ended session's: a
			 * phone docked right after the restart is a change */
			for (int i = 0; i < cfg->nslots; i++) {
				e->det.level[i] = levels[i] ? 1 : 0;
				e->det.level_since[i] = now;
			}
		} else {
			log_info("the session open before the restart resumes");
		}
	}
	debounce_init(&e->deb, cfg->nslots, cfg->debounce, e->det.level);
	if (levels) {
		/* the dock's levels now are the truth; phones already docked at
		 * boot count from boot */
		for (int i = 0; i < cfg->nslots; i++)
			debounce_raw(&e->deb, i + 1, levels[i], now);
		advance(e, now);
	}
	return end_call(e, err);
}

bool
engine_close(struct engine *e, ft_ms now, struct ft_error *err)
{
	struct ft_error e2;
	begin_call(e);
	advance(e, now);
	retry_pending(e, true, &e2);
	if (store_begin(e->store, &e2)) {
		if (store_save_open(e->store, &e->det, e->now, &e2) &&
		    store_set_clock(e->store, e->now, &e2)) {
			if (!store_commit(e->store, &e2))
				write_failed(e, &e2);
		} else {
			write_failed(e, &e2);
			store_rollback(e->store);
		}
	} else {
		write_failed(e, &e2);
	}
	if (e->npending == 0)
		return end_call(e, err);
	/* Say what is lost, one by one, for the journal. */
	char list[400] = "";
	size_t len = 0;
	for (int i = 0; i < e->npending && len + 70 < sizeof(list); i++) {
		char what[64];
		describe(&e->pending[i], what, sizeof(what));
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", i ? ", " : "", what);
	}
	return ft_fail(err, "not saved: %s (%s)", list, e->write_err.msg);
}

bool
engine_walk_start(struct engine *e, ft_ms t, struct ft_error *err)
{
	if (e->walk_start >= 0)
		return ft_fail(err, "a walk is already in progress");
	begin_call(e);
	advance(e, t);
	struct ft_error e2;
	/* nothing is lost when this fails: the walk has not started */
	if (!store_set_walk_open(e->store, t, &e2))
		return ft_fail(err, "%s", e2.msg);
	e->walk_start = t;
	return true;
}

bool
engine_walk_stop(struct engine *e, ft_ms t, int64_t *id, struct ft_error *err)
{
	if (e->walk_start < 0)
		return ft_fail(err, "no walk was started");
	if (t <= e->walk_start)
		return ft_fail(err, "a walk must last longer than zero");
	begin_call(e);
	advance(e, t);
	struct engine_item it = { .kind = STORE_WALK, .start = e->walk_start, .end = t,
				  .clear_walk = true };
	e->walk_start = -1; /* it did stop, saved now or later */
	return keep(e, &it, id, err);
}

bool
engine_walk(struct engine *e, ft_ms start, ft_ms length, int64_t *id, struct ft_error *err)
{
	if (length <= 0)
		return ft_fail(err, "a walk must last longer than zero");
	begin_call(e);
	advance(e, start);
	struct engine_item it = { .kind = STORE_WALK, .start = start, .end = start + length };
	return keep(e, &it, id, err);
}

bool
engine_hug(struct engine *e, ft_ms t, int64_t *id, struct ft_error *err)
{
	begin_call(e);
	advance(e, t);
	struct engine_item it = { .kind = STORE_HUG, .start = t };
	return keep(e, &it, id, err);
}

bool
engine_tap(struct engine *e, ft_ms t, const char *kind, int64_t *id, struct ft_error *err)
{
	begin_call(e);
	advance(e, t);
	struct engine_item it = { .kind = STORE_TAP, .start = t };
	snprintf(it.tap, sizeof(it.tap), "%s", kind);
	return keep(e, &it, id, err);
}

bool
engine_call(struct engine *e, ft_ms t, int from_slot, const char *to, int64_t *id,
	    struct ft_error *err)
{
	bool named = from_slot != 0 || (to && to[0]);
	if (named && (from_slot < 1 || from_slot > e->cfg->nslots))
		return ft_fail(err, "unknown caller slot %d (the dock has %d)", from_slot, e->cfg->nslots);
	if (named && !(to && to[0]))
		return ft_fail(err, "a call that says who called must say whom too");
	begin_call(e);
	advance(e, t);
	struct engine_item it = { .kind = STORE_TAP, .start = t, .from_slot = from_slot };
	snprintf(it.tap, sizeof(it.tap), "call");
	snprintf(it.to, sizeof(it.to), "%s", to ? to : "");
	return keep(e, &it, id, err);
}

bool
engine_away(struct engine *e, ft_ms t, bool away, struct ft_error *err)
{
	begin_call(e);
	advance(e, t); /* its own failures are the banner's, not this mark's */
	return store_set_away(e->store, cal_week_of(t), away, err);
}

bool
engine_mark(struct engine *e, enum store_mark mark, int64_t week, bool set, ft_ms t,
	    struct ft_error *err)
{
	begin_call(e);
	advance(e, t);
	if (mark == STORE_MARK_AWAY)
		return store_set_away(e->store, week, set, err);
	if (!set)
		return ft_fail(err, "a review mark cannot be cleared");
	return store_set_mark(e->store, mark, week, t, err);
}

bool
engine_delete(struct engine *e, enum store_kind kind, int64_t id, struct ft_error *err)
{
	return store_delete(e->store, kind, id, err);
}

bool
engine_session_open(const struct engine *e, ft_ms *start)
{
	if (e->det.open && start)
		*start = e->det.start;
	return e->det.open;
}

int
engine_docked(const struct engine *e)
{
	return session_docked(&e->det);
}

int
engine_slot_level(const struct engine *e, int slot)
{
	return slot >= 1 && slot <= e->det.nslots ? e->det.level[slot - 1] : 0;
}
