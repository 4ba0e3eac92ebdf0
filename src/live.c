/*
 * live.c - the live appliance's decisions (live.h): events in, a model out.
 *
 * Map of the file:
 *   store     opened by the first tick, reopened after a fault
 *   clock     until the wall clock is trusted (clocktrust.h) every dock and
 *             touch event is held with its monotonic instant; once it is,
 *             the engine opens and the held events are replayed, dated
 *             wall = mono + offset with the offset fixed from then on
 *   events    the dock, touches, taps and holds, each one call
 *   actions   what a tap does: walks, hugs, calls, the review, undo
 *   tick      what is due, and when the next thing will be
 *   model     what the screens show, filled from the engine, the report
 *             and this module's state
 *
 * Every write goes through the engine. What a write changes on screen
 * (a walk in progress, a week reviewed) is read back from the engine or set
 * only once the write succeeded; a failed write leaves the screen as it was
 * and sets the store's banner.
 */
#include <libintl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "correct.h"
#include "engine.h"
#include "live.h"
#include "log.h"
#include "report.h"
#include "settings.h"
#include "store.h"

#define _(s) gettext(s)

#define LIVE_USER_IDLE (2 * FT_MINUTE)      /* a chosen screen stays this long */
#define LIVE_WAKE (2 * FT_MINUTE)           /* full brightness after a touch at night */
#define LIVE_HUG_FRAME 50                   /* ms between frames of the hug ring */
#define LIVE_REPORT_EVERY (15 * FT_MINUTE)  /* rebuild even if nothing was logged */
#define LIVE_STORE_RETRY (10 * FT_SECOND)
#define LIVE_ACK FT_MINUTE                  /* "1 of 2 phones" shows this long */
#define LIVE_SUMMARY (8 * FT_SECOND)        /* how a session ended shows this long */

struct live {
	const struct ft_config *cfg; /* &own: the engine and the screens read it */
	struct ft_config own;      /* the effective configuration, changed in place
				    * by the settings screen */
	struct ft_config base;     /* without the display's settings: Put back */
	ft_ms settings_held;       /* mono: a finger on the settings place since; -1 */

	/* corrections (correct.h): the entries shown, the walk to add, the
	 * entry asked about, the last correction made here */
	struct ui_fix_entry *fixes;
	struct store_entry *fix_rows;
	int nfixes, fix_first, fix_asked;
	bool week_away;
	ft_ms fix_walk_start, fix_walk_length;
	int64_t fix_last;          /* correction id, -1: none */
	char fix_undo[96];
	const char *db_path;
	unsigned gen;              /* bumped whenever the model may have changed */
	ft_ms mono;                /* the instant of the call being handled */

	/* store and engine */
	struct store *store;
	ft_ms store_retry;         /* mono: next store_open attempt */
	struct engine engine;
	bool engine_open;
	bool store_failed;         /* FAULT_STORE is a write's failure */
	bool levels_known;         /* the dock's first reading came (or grace passed) */
	bool reading;              /* a first reading is coming in: known at the next tick */
	int start_levels[FT_MAX_SLOTS];
	ft_ms first_mono;          /* the first instant seen: the wait for a reading starts */
	ft_ms reading_mono;        /* when the dock's first reading came, or -1 */

	/* clock */
	bool trusted;
	ft_ms offset;              /* wall - mono, fixed once trusted */
	ft_ms wall_offset;         /* wall - mono as last reported, for display */
	struct clocktrust_hold hold;

	/* what is shown */
	struct report report;
	bool have_report;
	bool report_stale;
	ft_ms report_mono;         /* when it was built */
	int64_t report_day;
	bool reviewed, next_away, rituals_confirmed;
	int64_t dismissed_week;
	enum ui_screen screen;
	ft_ms user_until;          /* mono */
	ft_ms walk_done_length;
	struct live_hug hug;
	struct live_undo undo;
	enum ui_confirm confirm;
	char confirm_text[160];
	char undo_button[80];
	char banner_text[UI_MAX_BANNERS][320];
	unsigned fault_gen;
	int64_t shown_minute;      /* the minute on screen */
	unsigned shown_dock;       /* the debounced slots in and the session, as drawn */
	int64_t checked_day;       /* the day quick_check last ran (store_check) */

	/* a call being logged: the caller chosen, whom they may have called */
	int call_from;
	char call_names[UI_CALL_NAMES][FT_NAME_MAX];
	int call_nnames;

	/* night */
	bool night;                /* in [display] night: the dark theme */
	ft_ms wake_until;          /* mono: awake (full brightness) until then */
	bool dim_hides;            /* a backlight does the dimming */

	/* the meal screen */
	ft_ms ack_until;           /* mono: "1 of 2 phones" shows until then */
	struct session ended;      /* the session that just ended */
	ft_ms summary_until;       /* mono: and how it ended shows until then */
};

static void
changed(struct live *l)
{
	l->gen++;
}

ft_ms
live_now(const struct live *l, ft_ms mono)
{
	return mono + (l->trusted ? l->offset : l->wall_offset);
}

/* A store call's result: a failure becomes the store's banner. */
static bool
store_result(struct live *l, bool ok, const struct ft_error *err)
{
	if (!ok) {
		fault_set(FAULT_STORE, "%s", err->msg);
		l->store_failed = true;
		changed(l);
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
	if (l->store)
		store_close(l->store);
	clocktrust_hold_free(&l->hold);
	free(l->fixes);
	free(l->fix_rows);
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
		changed(l);
		return;
	}
	fault_clear(FAULT_STORE);
	l->checked_day = cal_day_of(live_now(l, mono)); /* store_open_mode checked it */
	if (aside[0]) /* said on the display until the next start */
		fault_set(FAULT_DATA, _("The saved history was damaged. It is kept as %s; a fresh one was started."),
			  aside);
	l->report_stale = true;
	changed(l);
}

/* Reviewed, next week away, next week's rituals confirmed: what the
 * review's buttons show. */
static void
load_review_state(struct live *l, ft_ms now)
{
	struct ft_error err;
	int64_t week = cal_week_of(now);
	bool reviewed = false, away = false, rituals = false;
	if (store_result(l, store_is_reviewed(l->store, week, &reviewed, &err), &err))
		l->reviewed = reviewed;
	if (store_result(l, store_get_mark(l->store, STORE_MARK_AWAY, week + 1, &away, &err), &err))
		l->next_away = away;
	if (store_result(l, store_get_mark(l->store, STORE_MARK_RITUALS, week + 1, &rituals, &err),
			 &err))
		l->rituals_confirmed = rituals;
}

static void
build_report(struct live *l, ft_ms mono)
{
	if (!l->store)
		return;
	ft_ms now = live_now(l, mono);
	struct ft_error err;
	struct report r;
	if (!store_result(l, report_build(l->store, l->cfg, now, &r, &err), &err))
		return; /* keep showing the last good one */
	if (l->have_report)
		report_free(&l->report);
	l->report = r;
	l->have_report = true;
	l->report_stale = false;
	l->report_mono = mono;
	l->report_day = cal_day_of(now);
	load_review_state(l, now);
	changed(l);
}

/* --- the clock and the engine ----------------------------------------------- */

static void
hhmm_of(ft_ms t, char out[16])
{
	cal_format_hhmm(t, out);
}

static void
on_session_ended(void *data, const struct session *s, int64_t id)
{
	struct live *l = data;
	l->report_stale = true;
	changed(l);
	/* Say how it ended, unless it is old news (written late, after a
	 * fault): the session ends where the dip began, grace ago. */
	if (l->engine.now - s->end <= l->cfg->grace + LIVE_SUMMARY) {
		l->ended = *s;
		l->summary_until = l->mono + LIVE_SUMMARY;
	}
	if (s->cls == SESSION_MEAL && id > 0) {
		struct live_undo_entry e = { .kind = LIVE_UNDO_ROW, .store_kind = STORE_SESSION,
					     .id = id, .mono = l->mono };
		char hhmm[16];
		hhmm_of(s->end, hhmm);
		snprintf(e.label, sizeof(e.label), _("meal %s"), hhmm);
		snprintf(e.question, sizeof(e.question),
			 _("Remove the meal that ended at %s? It will not count."), hhmm);
		live_undo_push(&l->undo, &e);
	}
}

static void
on_session_started(void *data, ft_ms start)
{
	changed(data);
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
	case CLOCKTRUST_AWAY_NEXT:
		return engine_mark(e, STORE_MARK_AWAY, cal_week_of(t) + 1, ev->b, t, err);
	case CLOCKTRUST_REVIEWED:
		return engine_mark(e, STORE_MARK_REVIEWED, cal_week_of(t), true, t, err);
	case CLOCKTRUST_RITUALS_NEXT:
		return engine_mark(e, STORE_MARK_RITUALS, cal_week_of(t) + 1, true, t, err);
	}
	return true;
}

/* What became of an event. */
enum outcome { OUTCOME_FAILED, OUTCOME_HELD, OUTCOME_WRITTEN };

/* An event as it happens: into the engine when it can date it, else held.
 * *seq gets the hold's seq (held), *id the row (written). */
static enum outcome
event(struct live *l, struct clocktrust_event ev, unsigned *seq, int64_t *id, int *kind)
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
		changed(l);
	if (!l->engine_open) {
		*seq = clocktrust_hold_push(&l->hold, &ev);
		return *seq ? OUTCOME_HELD : OUTCOME_FAILED;
	}
	struct ft_error err;
	ft_ms t = clocktrust_date(ev.mono, l->offset, l->engine.now);
	if (!dock)
		l->report_stale = true; /* a session that ends says so itself */
	return store_result(l, apply_event(l, &ev, t, id, kind, &err), &err) ? OUTCOME_WRITTEN
									       : OUTCOME_FAILED;
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
	if (!store_result(l, engine_open(&l->engine, l->cfg, l->store, t0, levels, &err), &err))
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
		if (store_result(l, apply_event(l, ev, t, &id, &kind, &err), &err) && id > 0)
			live_undo_held_logged(&l->undo, ev->seq, kind, id);
	}
	clocktrust_hold_clear(&l->hold);
	l->report_stale = true;
	changed(l);
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
	changed(l);
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
	changed(l);
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
		changed(l);
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
		changed(l);
		return;
	}
	int docked_before = l->engine_open ? engine_docked(&l->engine) : 0;
	struct clocktrust_event ev = { .kind = CLOCKTRUST_DOCK, .mono = mono, .a = slot, .b = level };
	unsigned seq;
	int64_t id;
	int kind;
	event(l, ev, &seq, &id, &kind);
	l->wake_until = mono + LIVE_WAKE; /* a phone docked wakes the screen */
	if (l->engine_open)
		after_engine(l, mono, docked_before);
}

void
live_wake(struct live *l, ft_ms mono)
{
	l->wake_until = mono + LIVE_WAKE;
	changed(l);
}

bool
live_touch(struct live *l, ft_ms mono)
{
	bool hidden = l->dim_hides && live_dimmed(l, mono);
	l->wake_until = mono + LIVE_WAKE;
	l->user_until = mono + LIVE_USER_IDLE;
	changed(l);
	return !hidden;
}

void
live_set_base(struct live *l, const struct ft_config *base)
{
	l->base = *base;
}

const struct ft_config *
live_config(const struct live *l)
{
	return l->cfg;
}

void
live_settings_hold(struct live *l, bool down, ft_ms mono)
{
	l->settings_held = down ? mono : -1;
}

/* A setting changed on the screen: stored as `settings set` would, and in
 * effect at once (the report is rebuilt against it). */
static void
setting_set(struct live *l, enum ui_setting row, const char *value, ft_ms mono)
{
	struct ft_error err;
	const char *values[] = {value};
	if (!l->store)
		return; /* the store's banner is up already */
	int rc = settings_set(l->store, &l->own, ui_setting_keys[row], values, 1, live_now(l, mono),
			      &err);
	if (rc == FT_EXIT_FAILURE)
		store_result(l, false, &err);
	else if (rc == FT_EXIT_USAGE)
		log_warn("settings screen: %s", err.msg); /* the steps stay in range */
	l->report_stale = true;
}

/* Put back: the display's value forgotten, the file's (or the default) again. */
static void
setting_reset(struct live *l, enum ui_setting row)
{
	struct ft_error err;
	struct ft_config c = l->base;
	if (!l->store)
		return;
	if (settings_reset(l->store, ui_setting_keys[row], NULL, &err) != FT_EXIT_OK ||
	    !settings_overlay(&c, l->store, &err)) {
		store_result(l, false, &err);
		return;
	}
	l->own = c;
	l->report_stale = true;
}

/* An entry in a sentence: its meal's window ("dinner"), else what it is. */
static const char *
entry_word(const struct ui_fix_entry *e)
{
	if (strcmp(e->record, "meal") == 0)
		return gettext(e->detail);
	if (strcmp(e->record, "tap") == 0)
		return _("call");
	if (strcmp(e->record, "walk") == 0)
		return _("walk");
	if (strcmp(e->record, "hug") == 0)
		return _("hug");
	return _("phones-down time");
}

/* The corrections screen's state, read again after every change: the last
 * four weeks' entries and whether this week is away. */
static void
load_fixes(struct live *l, ft_ms mono)
{
	struct ft_error err;
	struct store_entry *rows = NULL;
	size_t n = 0;
	ft_ms now = live_now(l, mono);
	if (!l->store || !store_result(l, correct_history(l->store, now, &rows, &n, &err), &err))
		return;
	struct ui_fix_entry *fixes = calloc(n ? n : 1, sizeof(*fixes));
	if (!fixes) {
		free(rows);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		fixes[i].start = rows[i].start;
		fixes[i].end = rows[i].end;
		snprintf(fixes[i].record, sizeof(fixes[i].record), "%s", rows[i].record);
		snprintf(fixes[i].detail, sizeof(fixes[i].detail), "%s", rows[i].detail);
	}
	free(l->fixes);
	free(l->fix_rows);
	l->fixes = fixes;
	l->fix_rows = rows;
	l->nfixes = (int)n;
	if (l->fix_first >= l->nfixes)
		l->fix_first = 0;
	bool away = false;
	if (store_result(l, store_get_mark(l->store, STORE_MARK_AWAY, cal_week_of(now), &away, &err),
			 &err))
		l->week_away = away;
	if (l->fix_walk_start < 0) {
		/* a walk forgotten today: an hour ago, on the quarter hour */
		l->fix_walk_start = now - FT_HOUR - ft_floormod(now, 15 * FT_MINUTE);
		l->fix_walk_length = 30 * FT_MINUTE;
	}
	changed(l);
}

/* A correction's result: remembered for Undo, and everything read again. */
static void
fixed(struct live *l, int rc, int64_t fix, const char *what, const struct ft_error *err,
      ft_ms mono)
{
	if (rc == FT_EXIT_FAILURE) {
		store_result(l, false, err);
		return;
	}
	if (rc == FT_EXIT_USAGE) {
		/* the screen only offers what may be done (an entry may have
		 * grown too old while it was shown): read it all again */
		log_warn("correction refused: %s", err->msg);
		load_fixes(l, mono);
		return;
	}
	if (fix > 0) {
		l->fix_last = fix;
		snprintf(l->fix_undo, sizeof(l->fix_undo), _("Undo: %s"), what);
	}
	l->report_stale = true;
	load_fixes(l, mono);
}

static void
fix_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	struct ft_error err;
	int64_t fix = -1;
	ft_ms now = live_now(l, mono);
	switch (action) {
	case UI_ACT_FIX_AWAY: {
		const char *what = l->week_away ? _("this week counted again") : _("this week away");
		int rc = correct_set_away(l->store, cal_week_of(now), !l->week_away, now, &fix, &err);
		fixed(l, rc, fix, what, &err, mono);
		break;
	}
	case UI_ACT_FIX_WALK_STEP: {
		static const ft_ms steps[] = { -15 * FT_MINUTE, 15 * FT_MINUTE, -5 * FT_MINUTE,
					       5 * FT_MINUTE };
		if (arg < 0 || arg > 3)
			break;
		if (arg < 2) {
			ft_ms start = l->fix_walk_start + steps[arg];
			/* within the four weeks, and over by now */
			if (start >= cal_day_start(correct_first_day(now)) &&
			    start + l->fix_walk_length <= now)
				l->fix_walk_start = start;
		} else {
			ft_ms length = l->fix_walk_length + steps[arg];
			if (length >= 5 * FT_MINUTE && length <= 6 * FT_HOUR &&
			    l->fix_walk_start + length <= now)
				l->fix_walk_length = length;
		}
		break;
	}
	case UI_ACT_FIX_WALK_ADD: {
		int rc = correct_add_walk(l->store, l->fix_walk_start, l->fix_walk_length, now, &fix,
					  &err);
		fixed(l, rc, fix, _("walk added"), &err, mono);
		break;
	}
	case UI_ACT_FIX_REMOVE:
		if (arg < 0 || arg >= l->nfixes)
			break;
		l->fix_asked = arg;
		l->confirm = UI_CONFIRM_REMOVE;
		{
			char hhmm[16], date[16];
			const struct ui_fix_entry *e = &l->fixes[arg];
			hhmm_of(e->start, hhmm);
			cal_day_name(cal_day_of(e->start), date);
			snprintf(l->confirm_text, sizeof(l->confirm_text),
				 _("Remove the %s of %s at %s? It will no longer count."), entry_word(e),
				 date, hhmm);
		}
		break;
	case UI_ACT_FIX_PAGE:
		l->fix_first += arg;
		if (l->fix_first >= l->nfixes)
			l->fix_first = l->nfixes - 1;
		if (l->fix_first < 0)
			l->fix_first = 0;
		break;
	case UI_ACT_FIX_UNDO:
		if (l->fix_last > 0) {
			int rc = correct_undo(l->store, l->fix_last, now, &err);
			l->fix_last = -1;
			fixed(l, rc, -1, "", &err, mono);
		}
		break;
	default:
		break;
	}
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
	changed(l);
}

/* --- actions ---------------------------------------------------------------- */

/* Remember a logged action for undo: a held event (SEQ) or a row (ID). */
static void
undo_entry(struct live *l, ft_ms mono, unsigned seq, int kind, int64_t id, const char *what,
	   const char *question)
{
	struct live_undo_entry e = { .mono = mono };
	if (seq) {
		e.kind = LIVE_UNDO_HELD;
		e.hold_seq = seq;
	} else if (id > 0) {
		e.kind = LIVE_UNDO_ROW;
		e.store_kind = kind;
		e.id = id;
	} else {
		return; /* nothing was logged */
	}
	char hhmm[16];
	hhmm_of(live_now(l, mono), hhmm);
	/* TRANSLATORS: what the Undo button takes back, and when: "hug 19:05"
	 * (French: "le câlin de 19:05") */
	snprintf(e.label, sizeof(e.label), _("%1$s %2$s"), what, hhmm);
	snprintf(e.question, sizeof(e.question), "%s", question);
	live_undo_push(&l->undo, &e);
}

/* The walk in progress, as the store holds it (or as held), on the wall
 * clock; -1: none. The one place that says whether a walk is going. */
static ft_ms
walk_start(const struct live *l)
{
	if (l->engine_open)
		return l->engine.walk_start;
	ft_ms start = -1;
	for (size_t i = 0; i < l->hold.n; i++) {
		const struct clocktrust_event *ev = &l->hold.events[i];
		if (ev->cancelled)
			continue;
		if (ev->kind == CLOCKTRUST_WALK_START)
			start = ev->mono + l->wall_offset;
		else if (ev->kind == CLOCKTRUST_WALK_STOP)
			start = -1;
	}
	return start;
}

/* The hug timer ran to its end: log one hug. */
static void
hug_complete(struct live *l, ft_ms mono)
{
	unsigned seq;
	int64_t id;
	int kind;
	event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_HUG, .mono = mono }, &seq, &id,
	      &kind);
	char hhmm[16], q[160];
	hhmm_of(live_now(l, mono), hhmm);
	snprintf(q, sizeof(q), _("Remove the hug logged at %s?"), hhmm);
	undo_entry(l, mono, seq, STORE_HUG, id, _("hug"), q);
}

static void
go(struct live *l, enum ui_screen s, ft_ms mono)
{
	if (l->screen == UI_HUG && s != UI_HUG)
		live_hug_reset(&l->hug);
	if (l->screen == UI_WALK && s != UI_WALK)
		l->walk_done_length = -1;
	l->screen = s;
	l->user_until = mono + LIVE_USER_IDLE;
	changed(l);
}

/* --- calls: who called, then whom ------------------------------------------ */

static void
call_begin(struct live *l, ft_ms mono)
{
	l->call_from = 0;
	l->call_nnames = 0;
	if (l->store) {
		struct ft_error err;
		/* until the clock is trusted, "now" may be 1970: every call
		 * stored was before it anyway */
		ft_ms at = l->trusted ? live_now(l, mono) : FT_MS_NEVER - 1;
		int n = report_call_names(l->store, at, l->call_names, UI_CALL_NAMES, &err);
		if (store_result(l, n >= 0, &err))
			l->call_nnames = n;
	}
	go(l, UI_CALL_WHO, mono);
}

/* Log a call: slot FROM called TO, or 0 and NULL when not said. A failed
 * write leaves the screen as it was (the store's banner says why). */
static void
call_log(struct live *l, ft_ms mono, int from, const char *to)
{
	struct clocktrust_event ev = { .kind = CLOCKTRUST_CALL, .mono = mono, .a = from };
	snprintf(ev.text, sizeof(ev.text), "%s", from && to ? to : "");
	unsigned seq;
	int64_t id;
	int kind;
	int pending = l->engine_open ? l->engine.npending : 0;
	if (event(l, ev, &seq, &id, &kind) == OUTCOME_FAILED) {
		/* Not written, but kept by the engine and written once it can
		 * be (the banner says so): the call is logged as far as the
		 * family can tell, and a second tap must not log it twice.
		 * Anything else failed leaves the screen as it was. */
		if (l->engine_open && l->engine.npending > pending) {
			l->call_from = 0;
			go(l, UI_GLANCE, mono);
		}
		return;
	}
	char hhmm[16], q[160], who[FT_NAME_MAX];
	hhmm_of(live_now(l, mono), hhmm);
	if (from)
		snprintf(q, sizeof(q), _("Remove the call from %1$s to %2$s at %3$s?"),
			 config_slot_name(l->cfg, from, who), ev.text, hhmm);
	else
		snprintf(q, sizeof(q), _("Remove the call marked at %s?"), hhmm);
	undo_entry(l, mono, seq, STORE_TAP, id, _("call"), q);
	l->call_from = 0;
	go(l, UI_GLANCE, mono);
}

static void
confirm_yes(struct live *l, ft_ms mono)
{
	unsigned seq;
	int64_t id;
	int kind;
	if (l->confirm == UI_CONFIRM_AWAY) {
		enum outcome o = event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_AWAY_NEXT,
								     .mono = mono, .b = 1 },
				       &seq, &id, &kind);
		if (o == OUTCOME_FAILED)
			return;
		l->next_away = true;
		struct live_undo_entry e = { .mono = mono };
		if (seq) {
			e.kind = LIVE_UNDO_HELD;
			e.hold_seq = seq;
		} else {
			e.kind = LIVE_UNDO_AWAY;
			e.id = cal_week_of(live_now(l, mono)) + 1;
		}
		snprintf(e.label, sizeof(e.label), "%s", _("away week"));
		snprintf(e.question, sizeof(e.question), "%s", _("Count next week again (not away)?"));
		live_undo_push(&l->undo, &e);
		return;
	}
	if (l->confirm == UI_CONFIRM_REMOVE && l->store && l->fix_asked < l->nfixes) {
		struct ft_error err;
		int64_t fix = -1;
		const struct store_entry *e = &l->fix_rows[l->fix_asked];
		char what[64];
		snprintf(what, sizeof(what), _("removed %s"), entry_word(&l->fixes[l->fix_asked]));
		int rc = correct_remove(l->store, e->kind, e->id, live_now(l, mono), &fix, &err);
		fixed(l, rc, fix, what, &err, mono);
		return;
	}
	/* "Was it a mistake?" "Yes": the walk just logged is undone */
	if (l->confirm != UI_CONFIRM_UNDO && l->confirm != UI_CONFIRM_WALK_MISTAKE)
		return;
	const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
	struct ft_error err;
	if (u && u->kind == LIVE_UNDO_HELD) {
		clocktrust_hold_cancel(&l->hold, u->hold_seq);
		live_undo_pop(&l->undo);
		if (l->confirm == UI_CONFIRM_WALK_MISTAKE)
			l->walk_done_length = -1;
	} else if (u && u->kind == LIVE_UNDO_AWAY && l->engine_open) {
		if (store_result(l, engine_mark(&l->engine, STORE_MARK_AWAY, u->id, false,
						live_now(l, mono), &err), &err)) {
			live_undo_pop(&l->undo);
			l->next_away = false;
		}
	} else if (u && l->engine_open) {
		if (store_result(l, engine_delete(&l->engine, (enum store_kind)u->store_kind, u->id,
						  &err), &err)) {
			if (u->store_kind == STORE_HUG && l->hug.state == UI_HUG_DONE)
				live_hug_reset(&l->hug);
			if (u->store_kind == STORE_WALK)
				l->walk_done_length = -1;
			live_undo_pop(&l->undo);
		}
	}
	l->report_stale = true;
}

void
live_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	unsigned seq;
	int64_t id;
	int kind;
	char hhmm[16], q[160];
	changed(l);
	l->user_until = mono + LIVE_USER_IDLE;
	switch (action) {
	case UI_ACT_NONE:
		break;
	case UI_ACT_GO_GLANCE:
		go(l, UI_GLANCE, mono);
		break;
	case UI_ACT_GO_WALK:
		go(l, UI_WALK, mono);
		break;
	case UI_ACT_GO_HUG:
		go(l, UI_HUG, mono);
		break;
	case UI_ACT_GO_REVIEW:
		go(l, UI_REVIEW, mono);
		break;
	case UI_ACT_WALK_START:
		if (walk_start(l) >= 0)
			break;
		if (event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_START, .mono = mono },
			  &seq, &id, &kind) != OUTCOME_FAILED)
			l->walk_done_length = -1;
		break;
	case UI_ACT_WALK_STOP: {
		ft_ms start = walk_start(l);
		if (start < 0)
			break;
		if (event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_STOP, .mono = mono },
			  &seq, &id, &kind) == OUTCOME_FAILED)
			break;
		l->walk_done_length = live_now(l, mono) - start;
		hhmm_of(live_now(l, mono), hhmm);
		snprintf(q, sizeof(q), _("Remove the walk logged at %s?"), hhmm);
		undo_entry(l, mono, seq, STORE_WALK, id, _("walk"), q);
		if (l->walk_done_length < FT_MINUTE) {
			/* Back within a minute: most likely a slip of the finger. */
			l->confirm = UI_CONFIRM_WALK_MISTAKE;
			snprintf(l->confirm_text, sizeof(l->confirm_text), "%s",
				 _("That walk lasted less than a minute. Was it a mistake?"));
		}
		break;
	}
	case UI_ACT_HUG_TOGGLE:
		live_hug_tap(&l->hug, mono);
		break;
	case UI_ACT_HUG_HOLD:
		break; /* presses and releases: live_hold() */
	case UI_ACT_GO_CALL:
		call_begin(l, mono);
		break;
	case UI_ACT_CALL_FROM:
		if (arg < 1 || arg > l->cfg->nslots)
			break;
		l->call_from = arg;
		go(l, UI_CALL_WHOM, mono);
		break;
	case UI_ACT_CALL_TO:
		if (l->call_from > 0 && arg >= 0 && arg < l->call_nnames)
			call_log(l, mono, l->call_from, l->call_names[arg]);
		break;
	case UI_ACT_CALL_SKIP:
		call_log(l, mono, 0, NULL);
		break;
	case UI_ACT_REVIEW_DONE:
		if (!l->reviewed) {
			if (event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_REVIEWED, .mono = mono },
				  &seq, &id, &kind) == OUTCOME_FAILED)
				break; /* the review stays, with the store's banner */
			l->reviewed = true;
		}
		l->dismissed_week = cal_week_of(live_now(l, mono));
		go(l, UI_GLANCE, mono);
		l->user_until = 0;
		break;
	case UI_ACT_REVIEW_CLOSE:
		l->dismissed_week = cal_week_of(live_now(l, mono));
		go(l, UI_GLANCE, mono);
		l->user_until = 0;
		break;
	case UI_ACT_REVIEW_AWAY:
		if (l->next_away) {
			/* Taking it back is not destructive: no question. */
			if (event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_AWAY_NEXT,
								.mono = mono, .b = 0 },
				  &seq, &id, &kind) != OUTCOME_FAILED)
				l->next_away = false;
		} else {
			l->confirm = UI_CONFIRM_AWAY;
			snprintf(l->confirm_text, sizeof(l->confirm_text), "%s",
				 _("Mark next week as away? Its streaks will be paused, not broken."));
		}
		break;
	case UI_ACT_REVIEW_RITUALS:
		if (l->rituals_confirmed)
			break;
		if (event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_RITUALS_NEXT, .mono = mono },
			  &seq, &id, &kind) != OUTCOME_FAILED)
			l->rituals_confirmed = true;
		break;
	case UI_ACT_UNDO: {
		const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
		if (!u)
			break;
		l->confirm = UI_CONFIRM_UNDO;
		snprintf(l->confirm_text, sizeof(l->confirm_text), "%s", u->question);
		break;
	}
	case UI_ACT_CONFIRM_NO:
		l->confirm = UI_CONFIRM_NONE;
		break;
	case UI_ACT_SETTINGS_HOLD:
		break; /* presses and releases: live_settings_hold() */
	case UI_ACT_SETTING_LESS:
	case UI_ACT_SETTING_MORE:
	case UI_ACT_SETTING_CHOOSE: {
		char value[64];
		int row = action == UI_ACT_SETTING_CHOOSE ? arg / 8 : arg;
		int dir = action == UI_ACT_SETTING_CHOOSE ? arg % 8 : action == UI_ACT_SETTING_MORE ? 1 : -1;
		if (row >= 0 && row < UI_SET_COUNT &&
		    live_setting_step(l->cfg, (enum ui_setting)row, dir, value, sizeof(value)))
			setting_set(l, (enum ui_setting)row, value, mono);
		break;
	}
	case UI_ACT_SETTING_RESET:
		if (arg >= 0 && arg < UI_SET_COUNT)
			setting_reset(l, (enum ui_setting)arg);
		break;
	case UI_ACT_GO_FIXES:
		go(l, UI_FIXES, mono);
		l->fix_first = 0;
		l->fix_walk_start = -1;
		load_fixes(l, mono);
		break;
	case UI_ACT_FIX_AWAY:
	case UI_ACT_FIX_WALK_STEP:
	case UI_ACT_FIX_WALK_ADD:
	case UI_ACT_FIX_REMOVE:
	case UI_ACT_FIX_PAGE:
	case UI_ACT_FIX_UNDO:
		if (l->store)
			fix_action(l, action, arg, mono);
		break;
	case UI_ACT_CONFIRM_YES:
		confirm_yes(l, mono);
		l->confirm = UI_CONFIRM_NONE;
		break;
	}
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
	try_engine(l, mono);
	ft_ms now = live_now(l, mono);

	int64_t minute = ft_floordiv(now, FT_MINUTE);
	bool new_minute = minute != l->shown_minute;
	if (l->engine_open && (new_minute || engine_next_deadline(&l->engine) <= now)) {
		int docked_before = engine_docked(&l->engine);
		bool ok = store_result(l, engine_advance(&l->engine, now, &err), &err);
		if (ok && l->engine.npending == 0 && l->store_failed) {
			/* everything is saved again: the store's banner goes */
			l->store_failed = false;
			fault_clear(FAULT_STORE);
		}
		after_engine(l, mono, docked_before);
	}
	if (mono >= l->ack_until && l->ack_until) {
		l->ack_until = 0;
		changed(l);
	}
	if (mono >= l->summary_until && l->summary_until) {
		l->summary_until = 0;
		changed(l);
	}
	if (new_minute) {
		l->shown_minute = minute;
		changed(l); /* the clock on screen */
	}
	/* A phone in or out, confirmed: drawn now, even mid-session. */
	unsigned dock = dock_shown(l);
	if (dock != l->shown_dock) {
		l->shown_dock = dock;
		changed(l);
	}
	/* quick_check once a day, where it protects what is written next */
	if (l->store && cal_day_of(now) != l->checked_day) {
		l->checked_day = cal_day_of(now);
		if (!store_check(l->store, &err))
			store_result(l, false, &err);
	}

	if (l->hug.state == UI_HUG_RUNNING) {
		if (live_hug_tick(&l->hug, mono))
			hug_complete(l, mono);
		changed(l);
	}

	if (l->store && (l->report_stale || !l->have_report || cal_day_of(now) != l->report_day ||
			 mono - l->report_mono >= LIVE_REPORT_EVERY))
		build_report(l, mono);
	if (fault_generation() != l->fault_gen) {
		l->fault_gen = fault_generation();
		changed(l);
	}
	bool night = live_night_at(l->cfg, now);
	if (night != l->night)
		changed(l);
	l->night = night;

	/* Held long enough: the settings. */
	if (l->settings_held >= 0 && mono >= l->settings_held + LIVE_SETTINGS_HOLD) {
		l->settings_held = -1;
		go(l, UI_SETTINGS, mono);
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
		.walk_open = walk_start(l) >= 0,
	};
	enum ui_screen s = live_pick_screen(&pick);
	if (s != l->screen) {
		if (l->screen == UI_HUG && l->hug.state == UI_HUG_DONE)
			live_hug_reset(&l->hug);
		if (l->screen == UI_WALK)
			l->walk_done_length = -1;
		l->screen = s;
		changed(l);
	}

	/* When to wake next: the next minute on screen at the latest. */
	ft_ms next = mono + (FT_MINUTE - ft_floormod(now, FT_MINUTE));
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
		changed(l);
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

/* --- the model ---------------------------------------------------------------- */

unsigned
live_generation(const struct live *l)
{
	return l->gen;
}

enum ui_screen
live_screen(const struct live *l)
{
	return l->screen;
}

/* What is waiting to be saved, for the family: "a dinner, a hug". */
static void
pending_text(const struct engine *e, char *out, size_t size)
{
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < e->npending && len + 40 < size; i++) {
		const struct engine_item *it = &e->pending[i];
		const char *what = it->kind == STORE_WALK ? _("a walk")
				 : it->kind == STORE_HUG ? _("a hug")
				 : it->kind == STORE_TAP ? _("a call")
				 : it->s.cls == SESSION_MEAL ? _("a meal")
				 : _("phones-down time");
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? ", " : "", what);
	}
}

static void
banners(struct live *l, struct ui_model *m)
{
	m->nbanners = 0;
	for (int src = 0; src < FAULT_COUNT; src++) {
		const char *msg = fault_get((enum fault_source)src);
		if (!msg)
			continue;
		char *out = l->banner_text[m->nbanners];
		size_t size = sizeof(l->banner_text[0]);
		switch ((enum fault_source)src) {
		case FAULT_DOCK:
			snprintf(out, size, _("The phone dock is not answering (%s). Retrying."), msg);
			break;
		case FAULT_STORE:
			if (l->engine_open && l->engine.npending > 0) {
				char what[160];
				pending_text(&l->engine, what, sizeof(what));
				snprintf(out, size, _("Not saved yet: %s (%s). Kept, and saved as soon as it can be."),
					 what, msg);
			} else {
				snprintf(out, size, _("Not saving right now (%s). Retrying."), msg);
			}
			break;
		case FAULT_CLOCK:
			snprintf(out, size, "%s",
				 _("Waiting for the right time: what happens now is logged once the clock is set."));
			break;
		case FAULT_SETUP:
			snprintf(out, size, _("No dock set up yet: meals are not logged (%s)."), msg);
			break;
		default:
			snprintf(out, size, "%s", msg);
			break;
		}
		m->banners[m->nbanners++] = out;
	}
}

/* The meal screen: who is in, and what the session would be if it ended
 * at the earliest instant it can count, max(now, start + min_duration):
 * SPEC §2.7's classification, so "counts" is never said of phones down
 * outside the windows or left charging. */
static void
meal_model(struct live *l, ft_ms now, ft_ms mono, struct ui_model *m)
{
	const struct ft_config *cfg = l->cfg;
	const struct session_detector *det = &l->engine.det;
	ft_ms start = 0;
	m->session_open = engine_session_open(&l->engine, &start);
	m->session_start = start;
	for (int slot = 1; slot <= cfg->nslots; slot++) {
		m->slot_in[slot - 1] = engine_slot_level(&l->engine, slot) > 0;
		m->docked += m->slot_in[slot - 1];
	}
	if (m->session_open) {
		struct session s = { .start = start, .end = now };
		if (s.end < start + cfg->meal_min)
			s.end = start + cfg->meal_min;
		session_classify(&s, cfg);
		if (s.cls == SESSION_MEAL) {
			m->meal_status = now - start >= cfg->meal_min ? UI_MEAL_COUNTS : UI_MEAL_WILL_COUNT;
			snprintf(m->meal_kind, sizeof(m->meal_kind), "%s", s.kind);
		} else if (s.cls == SESSION_LEFT_DOCKED) {
			m->meal_status = UI_MEAL_CHARGING;
		} else {
			m->meal_status = UI_MEAL_NOT_MEAL_TIME;
		}
		if (det->dipping) {
			m->dipping = true;
			m->dip_left = det->dip_start + cfg->grace - now;
			if (m->dip_left < 0)
				m->dip_left = 0;
		}
	} else if (mono < l->summary_until) {
		m->meal_status = UI_MEAL_ENDED;
		m->ended = l->ended;
	} else if (m->docked > 0) {
		m->meal_status = UI_MEAL_WAITING;
	}
}

void
live_model(struct live *l, ft_ms mono, struct ui_model *m)
{
	ft_ms now = live_now(l, mono);
	memset(m, 0, sizeof(*m));
	m->cfg = l->cfg;
	m->report = l->have_report ? &l->report : NULL;
	m->now = now;
	m->night = l->night;
	if (l->engine_open)
		meal_model(l, now, mono, m);
	ft_ms walk = walk_start(l);
	m->walk_open = walk >= 0;
	m->walk_start = walk;
	m->walk_done_length = l->walk_done_length;
	m->hug_state = l->hug.state;
	m->hug_left = live_hug_left(&l->hug, mono);
	m->hug_hold[0] = l->hug.hold[0];
	m->hug_hold[1] = l->hug.hold[1];
	m->reviewed = l->reviewed;
	m->next_away = l->next_away;
	m->rituals_confirmed = l->rituals_confirmed;
	banners(l, m);
	const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
	if (u) {
		snprintf(l->undo_button, sizeof(l->undo_button), _("Undo %s"), u->label);
		m->undo_label = l->undo_button;
	}
	m->confirm = l->confirm;
	m->confirm_text = l->confirm_text;
	m->call_from = l->call_from;
	m->call_nnames = l->call_nnames;
	for (int i = 0; i < l->call_nnames; i++)
		m->call_names[i] = l->call_names[i];
	m->fixes = l->fixes;
	m->nfixes = l->nfixes;
	m->fix_first = l->fix_first;
	m->week_away = l->week_away;
	m->fix_walk_start = l->fix_walk_start;
	m->fix_walk_length = l->fix_walk_length;
	m->fix_undo_label = l->fix_last > 0 ? l->fix_undo : NULL;
}
