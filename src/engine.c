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
 * (a phone in or out), else only that instant (store_touch_open: one page).
 * Never a write per edge.
 */
#include <string.h>

#include "calendar.h"
#include "engine.h"
#include "log.h"

#define HEARTBEAT FT_MINUTE

static bool
save_open(struct engine *e, struct ft_error *err)
{
	if (!store_save_open(e->store, &e->det, e->now, err))
		return false;
	e->saved_seen = e->now;
	e->unsaved = false;
	return true;
}

/* The open session's heartbeat, due HEARTBEAT after the last save. */
static bool
heartbeat(struct engine *e, struct ft_error *err)
{
	if (e->unsaved)
		return save_open(e, err);
	if (!store_touch_open(e->store, e->det.start, e->now, err))
		return false;
	e->saved_seen = e->now;
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

/* A session has ended: classify it, log it and clear the open session, in
 * one transaction. */
static bool
log_session(struct engine *e, struct session *s, struct ft_error *err)
{
	int64_t id = -1;
	session_classify(s, e->cfg);
	if (!store_begin(e->store, err))
		return false;
	if (!store_add_session(e->store, s, e->cfg, &id, err) ||
	    !store_save_open(e->store, &e->det, e->now, err)) {
		store_rollback(e->store);
		return false;
	}
	if (!store_commit(e->store, err))
		return false;
	saved(e, "session", s->start, s->end, session_class_names[s->cls]);
	e->saved_seen = e->now;
	e->unsaved = false;
	if (e->listener.session_ended)
		e->listener.session_ended(e->listener.data, s, id);
	return true;
}

static bool
apply_changes(struct engine *e, const struct dock_change *c, int n, struct ft_error *err)
{
	struct session done;
	bool was_open = e->det.open;
	if (session_advance(&e->det, c[0].t, &done) && !log_session(e, &done, err))
		return false;
	session_on_dock(&e->det, c, n, &done);
	e->unsaved = true;
	if (!was_open && e->det.open) {
		if (!save_open(e, err))
			return false;
		if (e->listener.session_started)
			e->listener.session_started(e->listener.data, e->det.start);
	}
	return true;
}

bool
engine_advance(struct engine *e, ft_ms now, struct ft_error *err)
{
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
			if (session_advance(&e->det, grace, &done) && !log_session(e, &done, err))
				return false;
			continue;
		}
		if (dated == FT_MS_NEVER)
			break;
		struct dock_change changes[FT_MAX_SLOTS];
		int n = debounce_advance(&e->deb, confirm, changes, FT_MAX_SLOTS);
		if (n > 0 && !apply_changes(e, changes, n, err))
			return false;
	}
	if (e->det.open && now - e->saved_seen >= HEARTBEAT)
		return heartbeat(e, err);
	return true;
}

ft_ms
engine_next_deadline(const struct engine *e)
{
	ft_ms confirm = debounce_next_deadline(&e->deb);
	ft_ms grace = session_next_deadline(&e->det);
	/* a grace deadline is acted on once the horizon reaches it */
	if (grace != FT_MS_NEVER)
		grace += e->deb.period;
	ft_ms next = confirm < grace ? confirm : grace;
	if (e->det.open && e->saved_seen + HEARTBEAT < next)
		next = e->saved_seen + HEARTBEAT;
	return next;
}

bool
engine_dock(struct engine *e, int slot, int level, ft_ms t, struct ft_error *err)
{
	if (slot < 1 || slot > e->cfg->nslots)
		return ft_fail(err, "unknown slot %d (the dock has %d)", slot, e->cfg->nslots);
	/* An edge may arrive dated a little in the past (libgpiod 2 reports a
	 * kernel-debounced edge at the raw edge, one period back): anything
	 * not older than the detector's horizon still goes in its place. */
	ft_ms horizon = e->now - e->deb.period;
	if (t < horizon)
		t = horizon;
	if (t > e->now && !engine_advance(e, t, err))
		return false;
	debounce_raw(&e->deb, slot, level, t);
	/* with no debounce the change is final at once */
	return e->deb.period == 0 ? engine_advance(e, e->now, err) : true;
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
				if (!log_session(e, &done, err))
					return false;
			}
			e->now = now;
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
		if (!engine_advance(e, now, err))
			return false;
	}
	return true;
}

bool
engine_close(struct engine *e, struct ft_error *err)
{
	if (!store_begin(e->store, err))
		return false;
	if (!store_save_open(e->store, &e->det, e->now, err) ||
	    !store_set_clock(e->store, e->now, err)) {
		store_rollback(e->store);
		return false;
	}
	return store_commit(e->store, err);
}

bool
engine_walk_start(struct engine *e, ft_ms t, struct ft_error *err)
{
	if (e->walk_start >= 0)
		return ft_fail(err, "a walk is already in progress");
	if (!engine_advance(e, t, err) || !store_set_walk_open(e->store, t, err))
		return false;
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
	if (!engine_advance(e, t, err) || !store_begin(e->store, err))
		return false;
	if (!store_add_walk(e->store, e->walk_start, t, cal_day_of(e->walk_start), id, err) ||
	    !store_set_walk_open(e->store, -1, err)) {
		store_rollback(e->store);
		return false;
	}
	if (!store_commit(e->store, err))
		return false;
	saved(e, "walk", e->walk_start, t, NULL);
	e->walk_start = -1;
	return true;
}

bool
engine_walk(struct engine *e, ft_ms start, ft_ms length, int64_t *id, struct ft_error *err)
{
	if (length <= 0)
		return ft_fail(err, "a walk must last longer than zero");
	if (!engine_advance(e, start, err) ||
	    !store_add_walk(e->store, start, start + length, cal_day_of(start), id, err))
		return false;
	saved(e, "walk", start, start + length, NULL);
	return true;
}

bool
engine_hug(struct engine *e, ft_ms t, int64_t *id, struct ft_error *err)
{
	if (!engine_advance(e, t, err) || !store_add_hug(e->store, t, cal_day_of(t), id, err))
		return false;
	saved(e, "hug", t, t, NULL);
	return true;
}

bool
engine_tap(struct engine *e, ft_ms t, const char *kind, int64_t *id, struct ft_error *err)
{
	return engine_advance(e, t, err) && store_add_tap(e->store, t, cal_day_of(t), kind, id, err);
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
	return engine_advance(e, t, err) &&
	       store_add_call(e->store, t, cal_day_of(t), from_slot, to, id, err);
}

bool
engine_away(struct engine *e, ft_ms t, bool away, struct ft_error *err)
{
	return engine_advance(e, t, err) && store_set_away(e->store, cal_week_of(t), away, err);
}

bool
engine_mark(struct engine *e, enum store_mark mark, int64_t week, bool set, ft_ms t,
	    struct ft_error *err)
{
	if (!engine_advance(e, t, err))
		return false;
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
