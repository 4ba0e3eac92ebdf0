/*
 * live.c - the live appliance's decisions (live.h): events in, a model out.
 * This file is the core; live_internal.h maps the others.
 *
 * Map of the file:
 *   store     opened by the first tick, reopened after a fault
 *   clock     until the wall clock is trusted (clocktrust.h) every dock and
 *             touch event is held with its monotonic instant; once it is,
 *             the engine opens and the held events are replayed, dated
 *             wall = mono + offset with the offset fixed from then on
 *   events    the dock, touches, holds: each one call
 *   tick      what is due, and when the next thing will be
 *   stop      the open session saved at the stop instant
 *
 * Elsewhere: what a tap does (live_actions.c), the settings screen
 * (live_settings.c), corrections (live_fixes.c), the model (live_model.c).
 *
 * Every write goes through the engine. What a write changes on screen
 * (a walk in progress, a week reviewed) is read back from the engine or set
 * only once the write succeeded; a failed write leaves the screen as it was
 * and sets the store's banner.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "live_internal.h"
#include "log.h"
#include "report.h"
#include "store.h"

void
live_changed(struct live *l)
{
	l->gen++;
}

ft_ms
live_now(const struct live *l, ft_ms mono)
{
	return mono + (l->trusted ? l->offset : l->wall_offset);
}

bool
live_store_result(struct live *l, bool ok, const struct ft_error *err)
{
	if (!ok) {
		fault_set(FAULT_STORE, "%s", err->msg);
		l->store_failed = true;
		live_changed(l);
	}
	return ok;
}

struct live *
live_new(const struct ft_config *cfg, const char *db_path)
{
	struct live *l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	l->own = *cfg;
	l->base = *cfg;
	l->cfg = &l->own;
	l->settings_held = -1;
	l->fix_last = -1;
	l->fix_walk_start = -1;
	l->db_path = db_path;
	l->walk_done_length = -1;
	l->dismissed_week = INT64_MIN;
	l->review_week = INT64_MIN;
	l->shown_minute = INT64_MIN;
	l->report_stale = true;
	l->first_mono = -1;
	l->reading_mono = -1;
	live_hug_init(&l->hug, cfg->hug);
	return l;
}

void
live_free(struct live *l)
{
	if (!l)
		return;
	if (l->have_report)
		report_free(&l->report);
	live_review_free(l);
	if (l->store)
		store_close(l->store);
	clocktrust_hold_free(&l->hold);
	free(l->fixes);
	free(l->fix_rows);
	live_setup_free(l);
	free(l);
}

/* --- the store ------------------------------------------------------------- */

static void
try_store(struct live *l, ft_ms mono)
{
	if (l->store || mono < l->store_retry)
		return;
	struct ft_error err;
	char aside[PATH_MAX + 64];
	l->store = store_open_mode(l->db_path, STORE_RECOVER, aside, sizeof(aside), &err);
	if (!l->store) {
		fault_set(FAULT_STORE, "%s", err.msg);
		l->store_retry = mono + LIVE_STORE_RETRY;
		live_changed(l);
		return;
	}
	fault_clear(FAULT_STORE);
	const char *run = store_runtime_dir();
	store_set_runtime(l->store, run);
	if (run)
		log_info("the open session's heartbeat: each minute into memory in %s, every 5 minutes to the disk",
			 run);
	else
		log_info("the open session's heartbeat: each minute to the disk (no tmpfs to write to)");
	l->checked_day = cal_day_of(live_now(l, mono)); /* store_open_mode checked it */
	if (aside[0]) /* said on the display until the next start; its folder is the database's */
		fault_set(FAULT_DATA, _("The saved history was damaged. It is kept as %s; a fresh one was started."),
			  strrchr(aside, '/') ? strrchr(aside, '/') + 1 : aside);
	l->report_stale = true;
	live_changed(l);
}

static void
build_report(struct live *l, ft_ms mono)
{
	if (!l->store)
		return;
	ft_ms now = live_now(l, mono);
	struct ft_error err;
	struct report r;
	if (!live_store_result(l, report_build(l->store, l->cfg, now, &r, &err), &err))
		return; /* keep showing the last good one */
	if (l->have_report)
		report_free(&l->report);
	l->report = r;
	l->have_report = true;
	l->report_stale = false;
	l->report_mono = mono;
	l->report_day = cal_day_of(now);
	live_review_load(l, now);
	live_changed(l);
}

/* --- the clock and the engine ----------------------------------------------- */

static void
on_session_ended(void *data, const struct session *s, int64_t id)
{
	struct live *l = data;
	l->report_stale = true;
	live_changed(l);
	/* Say how it ended, unless it is old news (written late, after a
	 * fault): the session ends where the dip began, grace ago. */
	if (l->engine.now - s->end <= l->cfg->grace + LIVE_SUMMARY) {
		l->ended = *s;
		l->summary_until = l->mono + LIVE_SUMMARY;
	}
	if (s->cls == SESSION_MEAL && id > 0) {
		struct live_undo_entry e = { .kind = LIVE_UNDO_ROW, .store_kind = STORE_SESSION,
					     .id = id, .mono = l->mono, .what = LIVE_UNDO_MEAL,
					     .at = s->end };
		live_undo_push(&l->undo, &e);
	}
}

static void
on_session_started(void *data, ft_ms start)
{
	live_changed(data);
}

/* One held (or live) event into the engine at T. Returns the row it logged
 * (or 0) through *id and its kind through *kind. */
static bool
apply_event(struct live *l, const struct clocktrust_event *ev, ft_ms t, int64_t *id, int *kind,
	    struct ft_error *err)
{
	struct engine *e = &l->engine;
	*id = 0;
	*kind = -1;
	switch (ev->kind) {
	case CLOCKTRUST_DOCK:
		return engine_dock(e, ev->a, ev->b, t, err);
	case CLOCKTRUST_WALK_START:
		return engine_walk_start(e, t, err);
	case CLOCKTRUST_WALK_STOP:
		*kind = STORE_WALK;
		return engine_walk_stop(e, t, id, err);
	case CLOCKTRUST_HUG:
		*kind = STORE_HUG;
		return engine_hug(e, t, id, err);
	case CLOCKTRUST_TAP:
		*kind = STORE_TAP;
		return engine_tap(e, t, ev->text, id, err);
	case CLOCKTRUST_CALL:
		*kind = STORE_TAP;
		return engine_call(e, t, ev->a, ev->a ? ev->text : NULL, id, err);
	}
	return true;
}

enum live_outcome
live_event(struct live *l, struct clocktrust_event ev, unsigned *seq, int64_t *id, int *kind)
{
	*seq = 0;
	*id = 0;
	*kind = -1;
	l->mono = ev.mono;
	/* A raw dock edge shows nothing until the debounce confirms it (then
	 * live_tick sees the levels change) and logs nothing by itself: a
	 * chattering line must not redraw, nor rebuild the report, per read. */
	bool dock = ev.kind == CLOCKTRUST_DOCK;
	if (!dock)
		live_changed(l);
	if (!l->engine_open) {
		*seq = clocktrust_hold_push(&l->hold, &ev);
		return *seq ? LIVE_OUTCOME_HELD : LIVE_OUTCOME_FAILED;
	}
	struct ft_error err;
	ft_ms t = clocktrust_date(ev.mono, l->offset, l->engine.now);
	if (!dock)
		l->report_stale = true; /* a session that ends says so itself */
	return live_store_result(l, apply_event(l, &ev, t, id, kind, &err), &err) ? LIVE_OUTCOME_WRITTEN
									       : LIVE_OUTCOME_FAILED;
}

/* Open the engine once the clock, the store and the dock's first reading
 * allow it, and replay what was held meanwhile. */
static void
try_engine(struct live *l, ft_ms mono)
{
	if (l->engine_open || !l->trusted || !l->store || !l->levels_known)
		return;
	struct ft_error err;
	ft_ms last = -1;
	store_get_clock(l->store, &last, &err);
	ft_ms first_mono = l->hold.n ? l->hold.events[0].mono : mono;
	/* the first reading's levels hold from when it came: phones docked
	 * before the clock was trusted count from then, not from the next
	 * held event */
	if (l->reading_mono >= 0 && l->reading_mono < first_mono)
		first_mono = l->reading_mono;
	ft_ms t0 = clocktrust_date(first_mono, l->offset, last);
	int levels[FT_MAX_SLOTS];
	memcpy(levels, l->start_levels, sizeof(levels));
	if (!live_store_result(l, engine_open(&l->engine, l->cfg, l->store, t0, levels, &err), &err))
		return;
	l->engine.listener = (struct engine_listener){
		.session_started = on_session_started,
		.session_ended = on_session_ended,
		.data = l,
	};
	l->engine_open = true;
	if (l->hold.n)
		log_info("clock trusted: replaying %zu held events", l->hold.n);
	for (size_t i = 0; i < l->hold.n; i++) {
		const struct clocktrust_event *ev = &l->hold.events[i];
		if (ev->cancelled)
			continue;
		int64_t id;
		int kind;
		ft_ms t = clocktrust_date(ev->mono, l->offset, l->engine.now);
		if (live_store_result(l, apply_event(l, ev, t, &id, &kind, &err), &err) && id > 0)
			live_undo_held_logged(&l->undo, ev->seq, kind, id);
	}
	clocktrust_hold_clear(&l->hold);
	l->report_stale = true;
	live_changed(l);
}

void
live_clock(struct live *l, const struct clocktrust_facts *facts, ft_ms mono)
{
	l->wall_offset = facts->wall - mono;
	if (l->trusted)
		return;
	try_store(l, mono); /* the last instant stored is part of the decision */
	struct clocktrust_facts f = *facts;
	f.last_stored = -1;
	if (l->store) {
		struct ft_error err;
		if (!store_get_clock(l->store, &f.last_stored, &err))
			f.last_stored = -1;
	} else {
		/* Without the store we cannot know what was logged: wait for
		 * synchronisation or for the store to come back. */
		f.last_stored = FT_MS_NEVER;
	}
	enum clocktrust_verdict v = clocktrust_decide(&f);
	if (v == CLOCKTRUST_UNTRUSTED) {
		fault_set(FAULT_CLOCK, "the clock is not set yet");
		return;
	}
	l->trusted = true;
	l->offset = f.wall - mono;
	log_info("clock trusted (%s)", v == CLOCKTRUST_SYNCHRONIZED ? "synchronised"
				      : "later than the build and the database");
	fault_clear(FAULT_CLOCK);
	live_changed(l);
}

bool
live_trusted(const struct live *l)
{
	return l->trusted;
}

/* --- events ----------------------------------------------------------------- */

bool
live_dimmed(const struct live *l, ft_ms mono)
{
	return l->night && mono >= l->wake_until;
}

void
live_dock_levels(struct live *l, const int *levels, ft_ms mono)
{
	if (l->levels_known)
		return;
	for (int i = 0; i < FT_MAX_SLOTS; i++)
		l->start_levels[i] = levels && i < l->cfg->nslots ? levels[i] : 0;
	l->levels_known = true;
	live_changed(l);
}

/* After the engine moved: a first phone docked (fewer than min_phones, no
 * session) is acknowledged for a minute. (The screen follows a confirmed
 * change through live_tick's dock_shown(); a raw edge draws nothing.) */
static void
after_engine(struct live *l, ft_ms mono, int docked_before)
{
	int docked = engine_docked(&l->engine);
	if (docked == docked_before)
		return;
	/* Phones docked or taken: the table is not using the screen, the
	 * meal screen may come (a running hug or a question still stays). */
	l->user_until = 0;
	if (docked > 0 && docked < l->cfg->min_phones && !engine_session_open(&l->engine, NULL)) {
		l->ack_until = mono + LIVE_ACK;
		live_changed(l);
	}
}

void
live_dock(struct live *l, int slot, int level, ft_ms mono)
{
	if (!l->levels_known) {
		/* The first reading (SPEC §2.9): every level reported before
		 * the next tick is part of it; the slots it does not name are
		 * out. The engine opens on it. */
		if (slot >= 1 && slot <= l->cfg->nslots)
			l->start_levels[slot - 1] = level;
		if (!l->reading)
			l->reading_mono = mono;
		l->reading = true;
		l->wake_until = mono + LIVE_WAKE;
		live_changed(l);
		return;
	}
	if (live_family_dock(l, slot, level, mono))
		return; /* a phone docked to be named, not to eat */
	int docked_before = l->engine_open ? engine_docked(&l->engine) : 0;
	struct clocktrust_event ev = { .kind = CLOCKTRUST_DOCK, .mono = mono, .a = slot, .b = level };
	unsigned seq;
	int64_t id;
	int kind;
	live_event(l, ev, &seq, &id, &kind);
	l->wake_until = mono + LIVE_WAKE; /* a phone docked wakes the screen */
	if (l->engine_open)
		after_engine(l, mono, docked_before);
}

void
live_wake(struct live *l, ft_ms mono)
{
	l->wake_until = mono + LIVE_WAKE;
	live_changed(l);
}

bool
live_touch(struct live *l, ft_ms mono)
{
	bool hidden = l->dim_hides && live_dimmed(l, mono);
	l->wake_until = mono + LIVE_WAKE;
	l->user_until = mono + LIVE_USER_IDLE;
	live_changed(l);
	return !hidden;
}


void
live_set_dim_hides(struct live *l, bool hides)
{
	l->dim_hides = hides;
}

void
live_hold(struct live *l, int circle, bool down, ft_ms mono)
{
	if (circle < 0 || circle > 1)
		return;
	live_hug_hold(&l->hug, circle, down, mono);
	live_changed(l);
}

/* --- the tick ----------------------------------------------------------------- */

static ft_ms
min_ms(ft_ms x, ft_ms y)
{
	return x < y ? x : y;
}

/* What the screen shows of the dock: the debounced slots in, and whether
 * a session is open (bit 31). */
static unsigned
dock_shown(const struct live *l)
{
	unsigned bits = 0;
	if (!l->engine_open)
		return 0;
	for (int slot = 1; slot <= l->cfg->nslots && slot < 31; slot++)
		bits |= engine_slot_level(&l->engine, slot) > 0 ? 1u << (slot - 1) : 0;
	return bits | (engine_session_open(&l->engine, NULL) ? 1u << 31 : 0);
}

ft_ms
live_tick(struct live *l, ft_ms mono)
{
	struct ft_error err;
	l->mono = mono;
	if (l->first_mono < 0)
		l->first_mono = mono;
	if (!l->levels_known && l->reading) {
		l->levels_known = true;
	} else if (!l->levels_known && mono - l->first_mono >= l->cfg->grace) {
		/* No reading within grace: the dock's levels stay unknown, and
		 * a session open before the restart ends at the last instant
		 * its phones were known to be in (SPEC §2.9). */
		log_warn("no reading from the dock within %lld s: taking every slot as out",
			 (long long)(l->cfg->grace / FT_SECOND));
		memset(l->start_levels, 0, sizeof(l->start_levels));
		l->levels_known = true;
	}
	try_store(l, mono);
	live_firstboot_check(l, mono);
	try_engine(l, mono);
	ft_ms now = live_now(l, mono);

	int64_t minute = ft_floordiv(now, FT_MINUTE);
	bool new_minute = minute != l->shown_minute;
	if (l->engine_open && (new_minute || engine_next_deadline(&l->engine) <= now)) {
		int docked_before = engine_docked(&l->engine);
		bool ok = live_store_result(l, engine_advance(&l->engine, now, &err), &err);
		if (ok && l->engine.npending == 0 && l->store_failed) {
			/* everything is saved again: the store's banner goes */
			l->store_failed = false;
			fault_clear(FAULT_STORE);
		}
		after_engine(l, mono, docked_before);
	}
	if (mono >= l->ack_until && l->ack_until) {
		l->ack_until = 0;
		live_changed(l);
	}
	if (mono >= l->summary_until && l->summary_until) {
		l->summary_until = 0;
		live_changed(l);
	}
	if (new_minute) {
		l->shown_minute = minute;
		live_changed(l); /* the clock on screen */
	}
	/* A phone in or out, confirmed: drawn now, even mid-session. */
	unsigned dock = dock_shown(l);
	if (dock != l->shown_dock) {
		l->shown_dock = dock;
		live_changed(l);
	}
	/* quick_check once a day, where it protects what is written next */
	if (l->store && cal_day_of(now) != l->checked_day) {
		l->checked_day = cal_day_of(now);
		if (!store_check(l->store, &err))
			live_store_result(l, false, &err);
	}

	if (l->hug.state == UI_HUG_RUNNING) {
		if (live_hug_tick(&l->hug, mono))
			live_log_hug(l, mono);
		live_changed(l);
	}

	if (l->store && (l->report_stale || !l->have_report || cal_day_of(now) != l->report_day ||
			 mono - l->report_mono >= LIVE_REPORT_EVERY))
		build_report(l, mono);
	if (fault_generation() != l->fault_gen) {
		l->fault_gen = fault_generation();
		live_changed(l);
	}
	bool night = live_night_at(l->cfg, now);
	if (night != l->night)
		live_changed(l);
	l->night = night;

	/* Held long enough: the settings. */
	if (l->settings_held >= 0 && mono >= l->settings_held + LIVE_SETTINGS_HOLD) {
		l->settings_held = -1;
		live_go(l, UI_SETTINGS, mono);
	}

	/* Which screen. */
	struct live_pick pick = {
		.current = l->screen,
		.user_active = mono < l->user_until || l->confirm != UI_CONFIRM_NONE,
		.hug_running = l->hug.state == UI_HUG_RUNNING,
		.review_due = l->trusted && l->store &&
			      live_review_due(l->cfg, now, l->reviewed, l->dismissed_week),
		/* the meal screen: a session, how one just ended, or the
		 * first phone acknowledged */
		.session_open = (l->engine_open && engine_session_open(&l->engine, NULL)) ||
				l->summary_until || l->ack_until,
		.walk_open = live_walk_start(l) >= 0,
		.firstboot = l->firstboot.ui.on,
	};
	enum ui_screen s = live_pick_screen(&pick);
	if (s != l->screen) {
		if (l->screen == UI_HUG && l->hug.state == UI_HUG_DONE)
			live_hug_reset(&l->hug);
		if (l->screen == UI_WALK)
			l->walk_done_length = -1;
		l->screen = s;
		live_changed(l);
	}

	/* When to wake next: the next minute on screen at the latest. */
	ft_ms next = mono + (FT_MINUTE - ft_floormod(now, FT_MINUTE));
	next = min_ms(next, live_keyboard_tick(l, mono));
	if (l->engine_open) {
		ft_ms d = engine_next_deadline(&l->engine);
		if (d != FT_MS_NEVER)
			next = min_ms(next, d - l->offset);
	}
	if (l->hug.state == UI_HUG_RUNNING)
		next = min_ms(next, min_ms(mono + LIVE_HUG_FRAME, l->hug.end));
	if (mono < l->user_until)
		next = min_ms(next, l->user_until);
	if (l->settings_held >= 0)
		next = min_ms(next, l->settings_held + LIVE_SETTINGS_HOLD);
	if (l->night && mono < l->wake_until)
		next = min_ms(next, l->wake_until);
	if (!l->store)
		next = min_ms(next, l->store_retry);
	if (!l->levels_known)
		next = min_ms(next, l->reading ? mono : l->first_mono + l->cfg->grace);
	if (l->ack_until)
		next = min_ms(next, l->ack_until);
	if (l->summary_until)
		next = min_ms(next, l->summary_until);
	if (l->engine_open && engine_session_open(&l->engine, NULL) && l->engine.det.dipping) {
		/* the grace countdown, by the second */
		live_changed(l);
		next = min_ms(next, mono + FT_SECOND - ft_floormod(now - l->engine.det.dip_start, FT_SECOND));
	}
	const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
	if (u)
		next = min_ms(next, u->mono + LIVE_UNDO_WINDOW);
	return next;
}

bool
live_stop(struct live *l, ft_ms mono, struct ft_error *err)
{
	bool ok = true;
	/* the engine is brought to the stop instant first: the open session's
	 * last instant is now, not the last checkpoint */
	if (l->engine_open && !engine_close(&l->engine, live_now(l, mono), err))
		ok = false;
	l->engine_open = false;
	if (l->hold.n) {
		log_warn("the clock was never trusted: %zu events not logged", l->hold.n);
		if (ok)
			ok = ft_fail(err, "the clock was never trusted: %zu events not logged",
				     l->hold.n);
	}
	return ok;
}
