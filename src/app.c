/*
 * app.c - `familytable run`, the table display, and `familytable screenshot`.
 *
 * Map of the file:
 *   model     what the screens show, filled from the store's report and the
 *             live engine; `screenshot` fills it from the store alone
 *   clock     until the wall clock is trusted (clocktrust.h) every dock and
 *             touch event is held with its monotonic time; once it is, the
 *             engine opens and the held events are replayed, dated
 *             wall = mono + offset with the offset fixed from then on
 *   actions   what a tap does: walks, hugs, calls, the review, undo
 *   input     SDL events after poll() woke: fingers, real mouse clicks, keys
 *   loop      one poll() over the dock, a timer for the next thing due, the
 *             signals and the display's own descriptors (the X11 or Wayland
 *             connection, the touchscreen's evdev devices on kmsdrm), drawing
 *             only when something changed
 *
 * Nothing the dock, the store or the clock does stops the display: a failure
 * becomes a fault (log.h), shown as a calm banner, and is retried.
 */
#include <dlfcn.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <libintl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <SDL.h>
#include <SDL_syswm.h>

#include "app.h"
#include "calendar.h"
#include "clocktrust.h"
#include "dock.h"
#include "engine.h"
#include "habits.h"
#include "log.h"
#include "poller.h"
#include "report.h"
#include "store.h"
#include "ui.h"
#include "ui_image.h"

#define _(s) gettext(s)

#define APP_FIRST_REPAINT 500  /* ms: kmsdrm's first frame, drawn again */
#define APP_USER_IDLE (2 * FT_MINUTE)      /* a chosen screen stays this long */
#define APP_WAKE (2 * FT_MINUTE)           /* full brightness after a touch at night */
#define APP_HUG_FRAME 50                   /* ms between frames of the hug ring */
#define APP_REPORT_EVERY (15 * FT_MINUTE)  /* rebuild even if nothing was logged */
#define APP_STORE_RETRY (10 * FT_SECOND)
#define APP_MAX_INPUT_FDS 16
#define APP_MAX_FINGERS 10

struct app_finger {
	bool down;
	SDL_FingerID id;           /* SDL_TOUCH_MOUSEID stands for the mouse */
	struct ui_target pressed;  /* what it went down on */
};

/* The panel's backlight (/sys/class/backlight/NAME), where there is one. */
struct app_backlight {
	char path[320];            /* .../brightness; "" when there is none */
	int max;                   /* max_brightness */
	int saved;                 /* the family's level, given back on waking and at exit */
	int level;                 /* the level last written (or found) */
	bool failed;               /* a write failed: the dark theme dims alone */
};

struct app {
	const struct ft_config *cfg;
	const char *db_path;
	struct poller *poller;
	bool quit;
	int exit_code;

	/* store and engine */
	struct store *store;
	ft_ms store_retry;         /* mono: next store_open attempt */
	struct engine engine;
	bool engine_open;
	struct dock *dock;
	struct poller_source *dock_src;
	int dock_src_fd;
	int start_levels[FT_MAX_SLOTS];

	/* clock */
	bool trusted;
	ft_ms offset;              /* wall - mono, fixed once trusted */
	struct clocktrust_hold hold;
	int clock_fd;
	bool clock_check;          /* recheck at the next loop */

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
	bool walk_open;
	ft_ms walk_start_mono;
	ft_ms walk_done_length;
	struct ui_hug hug;
	struct ui_undo undo;
	enum ui_confirm confirm;
	char confirm_text[160];
	char undo_button[80];
	char banner_text[UI_MAX_BANNERS][320];
	unsigned fault_gen;
	int last_minute;

	/* display */
	SDL_Window *window;
	SDL_Renderer *renderer;
	SDL_Texture *target;       /* logical picture when rotated */
	int phys_w, phys_h, log_w, log_h;
	struct ui_fonts *fonts;
	struct ui_draw *draw;
	struct ui_frame *frame;
	bool dirty;
	bool kmsdrm;                  /* on the console, no desktop */
	int presented;                /* frames shown so far */
	ft_ms repaint_at;             /* kmsdrm: draw the first frame again then (0: no) */
	struct app_finger fingers[APP_MAX_FINGERS];
	int input_fds[APP_MAX_INPUT_FDS];
	int ninput_fds;
	struct poller_source *input_src[APP_MAX_INPUT_FDS];
	int input_watch;           /* inotify on /dev/input (kmsdrm), or -1 */
	bool pump_by_timer;        /* no descriptor to wait on: pump now and then */
	struct poller_source *tick;

	/* night */
	bool night;                /* in [display] night: the dark theme */
	ft_ms wake_until;          /* mono: awake (full brightness) until then */
	struct app_backlight backlight;

	/* tests (app_test_open): a monotonic clock of their own, a surface
	 * for a panel */
	bool test_clock;
	ft_ms test_mono;
	SDL_Surface *test_panel;
	bool drawn_dark;           /* the last frame was drawn in the dark theme */
};

/* The monotonic clock: the system's, or the one a test moves. */
static ft_ms
app_mono(const struct app *a)
{
	return a->test_clock ? a->test_mono : clock_mono_ms();
}

static bool app_dimmed(const struct app *a);
static bool app_backlight_usable(const struct app_backlight *b);

/* The instant shown and logged now: the engine's timeline once trusted,
 * the wall clock (for the display only) before. */
static ft_ms
app_now(const struct app *a)
{
	return a->trusted ? app_mono(a) + a->offset : clock_wall_ms();
}

/* --- faults -------------------------------------------------------------- */

static bool
app_store_result(struct app *a, bool ok, const struct ft_error *err)
{
	if (!ok) {
		fault_set(FAULT_STORE, "%s", err->msg);
		a->dirty = true;
	}
	return ok;
}

/* --- the model ------------------------------------------------------------ */

static void
app_banners(struct app *a, struct ui_model *m)
{
	m->nbanners = 0;
	for (int src = 0; src < FAULT_COUNT; src++) {
		const char *msg = fault_get((enum fault_source)src);
		if (!msg)
			continue;
		char *out = a->banner_text[m->nbanners];
		size_t size = sizeof(a->banner_text[0]);
		switch ((enum fault_source)src) {
		case FAULT_DOCK:
			snprintf(out, size, _("The phone dock is not answering (%s). Retrying."), msg);
			break;
		case FAULT_STORE:
			snprintf(out, size, _("Not saving right now (%s). Retrying."), msg);
			break;
		case FAULT_CLOCK:
			snprintf(out, size, "%s",
				 _("Waiting for the right time: what happens now is logged once the clock is set."));
			break;
		default:
			snprintf(out, size, "%s", msg);
			break;
		}
		m->banners[m->nbanners++] = out;
	}
}

/* Reviewed, next week away, next week's rituals confirmed: what the
 * review's buttons show. */
static void
app_load_review_state(struct app *a, ft_ms now)
{
	struct ft_error err;
	int64_t week = cal_week_of(now);
	bool reviewed = false;
	if (app_store_result(a, store_is_reviewed(a->store, week, &reviewed, &err), &err))
		a->reviewed = reviewed;
	bool away = false, rituals = false;
	if (app_store_result(a, store_get_mark(a->store, STORE_MARK_AWAY, week + 1, &away, &err), &err))
		a->next_away = away;
	if (app_store_result(a, store_get_mark(a->store, STORE_MARK_RITUALS, week + 1, &rituals, &err), &err))
		a->rituals_confirmed = rituals;
}

static void
app_build_report(struct app *a, ft_ms now)
{
	if (!a->store)
		return;
	struct ft_error err;
	struct report r;
	if (!app_store_result(a, report_build(a->store, a->cfg, now, &r, &err), &err))
		return; /* keep showing the last good one */
	if (a->have_report)
		report_free(&a->report);
	a->report = r;
	a->have_report = true;
	a->report_stale = false;
	a->report_mono = app_mono(a);
	a->report_day = cal_day_of(now);
	app_load_review_state(a, now);
	a->dirty = true;
}

static void
app_fill_model(struct app *a, struct ui_model *m, ft_ms now)
{
	memset(m, 0, sizeof(*m));
	m->cfg = a->cfg;
	m->report = a->have_report ? &a->report : NULL;
	m->now = now;
	m->night = a->night;
	ft_ms mono = app_mono(a);
	if (a->engine_open) {
		ft_ms start;
		m->session_open = engine_session_open(&a->engine, &start);
		m->session_start = start;
		for (int slot = 1; slot <= a->cfg->nslots; slot++)
			m->slot_in[slot - 1] = engine_slot_level(&a->engine, slot) > 0;
	}
	m->walk_open = a->walk_open;
	m->walk_start = now - (mono - a->walk_start_mono);
	m->walk_done_length = a->walk_done_length;
	m->hug_state = a->hug.state;
	m->hug_left = ui_hug_left(&a->hug, mono);
	m->hug_hold[0] = a->hug.hold[0];
	m->hug_hold[1] = a->hug.hold[1];
	m->reviewed = a->reviewed;
	m->next_away = a->next_away;
	m->rituals_confirmed = a->rituals_confirmed;
	app_banners(a, m);
	const struct ui_undo_entry *u = ui_undo_latest(&a->undo, mono);
	if (u) {
		snprintf(a->undo_button, sizeof(a->undo_button), _("Undo %s"), u->label);
		m->undo_label = a->undo_button;
	}
	m->confirm = a->confirm;
	m->confirm_text = a->confirm_text;
}

/* --- the clock and the engine ------------------------------------------- */

static void
app_on_session_ended(void *data, const struct session *s, int64_t id)
{
	struct app *a = data;
	a->report_stale = true;
	a->dirty = true;
	if (s->cls == SESSION_MEAL && id > 0) {
		struct ui_undo_entry e = { .kind = UI_UNDO_ROW, .store_kind = STORE_SESSION, .id = id,
					   .mono = app_mono(a) };
		char hhmm[16];
		int minute = cal_local_minute(s->end) % 1440;
		snprintf(hhmm, sizeof(hhmm), "%02d:%02d", minute / 60, minute % 60);
		snprintf(e.label, sizeof(e.label), _("meal %s"), hhmm);
		snprintf(e.question, sizeof(e.question),
			 _("Remove the meal that ended at %s? It will not count."), hhmm);
		ui_undo_push(&a->undo, &e);
	}
}

static void
app_on_session_started(void *data, ft_ms start)
{
	struct app *a = data;
	a->dirty = true;
}

/* One held (or live) event into the engine at T. Returns the row it logged
 * (or 0) through *id and its kind through *kind. */
static bool
app_apply_event(struct app *a, const struct clocktrust_event *ev, ft_ms t, int64_t *id,
		int *kind, struct ft_error *err)
{
	struct engine *e = &a->engine;
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
	case CLOCKTRUST_AWAY_NEXT:
		return store_set_away(a->store, cal_week_of(t) + 1, ev->b, err);
	case CLOCKTRUST_REVIEWED:
		return store_set_reviewed(a->store, cal_week_of(t), t, err);
	case CLOCKTRUST_RITUALS_NEXT:
		return store_set_mark(a->store, STORE_MARK_RITUALS, cal_week_of(t) + 1, t, err);
	}
	return true;
}

/* An event as it happens: into the engine when it can date it, else held.
 * Returns the hold seq (held) or 0, and the row through *id. */
static unsigned
app_event(struct app *a, struct clocktrust_event ev, int64_t *id, int *kind)
{
	*id = 0;
	*kind = -1;
	if (!a->engine_open)
		return clocktrust_hold_push(&a->hold, &ev);
	struct ft_error err;
	ft_ms t = clocktrust_date(ev.mono, a->offset, a->engine.now);
	app_store_result(a, app_apply_event(a, &ev, t, id, kind, &err), &err);
	a->report_stale = true;
	a->dirty = true;
	return 0;
}

static void
app_dock_level(void *data, int slot, int level, ft_ms t_mono)
{
	struct app *a = data;
	struct clocktrust_event ev = { .kind = CLOCKTRUST_DOCK, .mono = t_mono, .a = slot, .b = level };
	int64_t id;
	int kind;
	app_event(a, ev, &id, &kind);
	a->wake_until = app_mono(a) + APP_WAKE; /* a phone docked wakes the screen */
	a->dirty = true;
}

/* Open the engine once both the clock and the store allow it, and replay
 * what was held meanwhile. */
static void
app_try_engine(struct app *a)
{
	if (a->engine_open || !a->trusted || !a->store)
		return;
	struct ft_error err;
	ft_ms last = -1;
	store_get_clock(a->store, &last, &err);
	ft_ms first_mono = a->hold.n ? a->hold.events[0].mono : app_mono(a);
	ft_ms t0 = clocktrust_date(first_mono, a->offset, last);
	int levels[FT_MAX_SLOTS];
	memcpy(levels, a->start_levels, sizeof(levels));
	if (!app_store_result(a, engine_open(&a->engine, a->cfg, a->store, t0, levels, &err), &err))
		return;
	a->engine.listener = (struct engine_listener){
		.session_started = app_on_session_started,
		.session_ended = app_on_session_ended,
		.data = a,
	};
	a->engine_open = true;
	if (a->hold.n)
		log_info("clock trusted: replaying %zu held events", a->hold.n);
	for (size_t i = 0; i < a->hold.n; i++) {
		const struct clocktrust_event *ev = &a->hold.events[i];
		if (ev->cancelled)
			continue;
		int64_t id;
		int kind;
		ft_ms t = clocktrust_date(ev->mono, a->offset, a->engine.now);
		if (app_store_result(a, app_apply_event(a, ev, t, &id, &kind, &err), &err) && id > 0)
			ui_undo_held_logged(&a->undo, ev->seq, kind, id);
	}
	clocktrust_hold_clear(&a->hold);
	/* A walk saved by the previous run goes on. */
	if (a->engine.walk_start >= 0 && !a->walk_open) {
		a->walk_open = true;
		a->walk_start_mono = app_mono(a) - (app_now(a) - a->engine.walk_start);
	}
	a->report_stale = true;
	a->dirty = true;
}

static void
app_check_clock(struct app *a)
{
	if (a->trusted)
		return;
	struct clocktrust_facts f;
	clocktrust_probe(&f);
	f.last_stored = -1;
	if (a->store) {
		struct ft_error err;
		if (!store_get_clock(a->store, &f.last_stored, &err))
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
	a->trusted = true;
	a->offset = clock_wall_ms() - app_mono(a);
	log_info("clock trusted (%s)", v == CLOCKTRUST_SYNCHRONIZED ? "synchronised"
				      : "later than the build and the database");
	fault_clear(FAULT_CLOCK);
	a->dirty = true;
}

static void
app_try_store(struct app *a)
{
	if (a->store || app_mono(a) < a->store_retry)
		return;
	struct ft_error err;
	char aside[PATH_MAX + 64];
	a->store = store_open_mode(a->db_path, STORE_RECOVER, aside, sizeof(aside), &err);
	if (!a->store) {
		fault_set(FAULT_STORE, "%s", err.msg);
		a->store_retry = app_mono(a) + APP_STORE_RETRY;
		return;
	}
	fault_clear(FAULT_STORE);
	if (aside[0]) /* said on the display until the next start */
		fault_set(FAULT_DATA, _("The saved history was damaged. It is kept as %s; a fresh one was started."),
			  aside);
	a->report_stale = true;
}

/* --- actions ------------------------------------------------------------- */

static void
app_hhmm(const struct app *a, char out[16])
{
	int minute = cal_local_minute(app_now(a)) % 1440;
	snprintf(out, 16, "%02d:%02d", minute / 60, minute % 60);
}

/* Remember a logged action for undo: a held event (SEQ) or a row (ID). */
static void
app_undo_entry(struct app *a, unsigned seq, int kind, int64_t id, const char *what,
	       const char *question)
{
	struct ui_undo_entry e = { .mono = app_mono(a) };
	if (seq) {
		e.kind = UI_UNDO_HELD;
		e.hold_seq = seq;
	} else if (id > 0) {
		e.kind = UI_UNDO_ROW;
		e.store_kind = kind;
		e.id = id;
	} else {
		return; /* nothing was logged */
	}
	char hhmm[16];
	app_hhmm(a, hhmm);
	snprintf(e.label, sizeof(e.label), "%s %s", what, hhmm);
	snprintf(e.question, sizeof(e.question), "%s", question);
	ui_undo_push(&a->undo, &e);
}

/* The hug timer ran to its end: log one hug. */
static void
app_hug_complete(struct app *a)
{
	int64_t id;
	int kind;
	unsigned seq = app_event(a, (struct clocktrust_event){ .kind = CLOCKTRUST_HUG, .mono = app_mono(a) },
				 &id, &kind);
	char hhmm[16], q[160];
	app_hhmm(a, hhmm);
	snprintf(q, sizeof(q), _("Remove the hug logged at %s?"), hhmm);
	app_undo_entry(a, seq, STORE_HUG, id, _("hug"), q);
}

static void
app_go(struct app *a, enum ui_screen s)
{
	if (a->screen == UI_HUG && s != UI_HUG)
		ui_hug_reset(&a->hug);
	if (a->screen == UI_WALK && s != UI_WALK)
		a->walk_done_length = -1;
	a->screen = s;
	a->user_until = app_mono(a) + APP_USER_IDLE;
	a->dirty = true;
}

static void
app_action(struct app *a, const struct ui_target *t)
{
	ft_ms mono = app_mono(a);
	int64_t id;
	int kind;
	unsigned seq;
	char hhmm[16], q[160];
	a->dirty = true;
	a->user_until = mono + APP_USER_IDLE;
	switch (t->action) {
	case UI_ACT_NONE:
		break;
	case UI_ACT_GO_GLANCE:
		app_go(a, UI_GLANCE);
		break;
	case UI_ACT_GO_WALK:
		app_go(a, UI_WALK);
		break;
	case UI_ACT_GO_HUG:
		app_go(a, UI_HUG);
		break;
	case UI_ACT_GO_REVIEW:
		app_go(a, UI_REVIEW);
		break;
	case UI_ACT_WALK_START:
		if (a->walk_open)
			break;
		app_event(a, (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_START, .mono = mono },
			  &id, &kind);
		a->walk_open = true;
		a->walk_start_mono = mono;
		a->walk_done_length = -1;
		break;
	case UI_ACT_WALK_STOP:
		if (!a->walk_open)
			break;
		seq = app_event(a, (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_STOP, .mono = mono },
				&id, &kind);
		a->walk_open = false;
		a->walk_done_length = mono - a->walk_start_mono;
		app_hhmm(a, hhmm);
		snprintf(q, sizeof(q), _("Remove the walk logged at %s?"), hhmm);
		app_undo_entry(a, seq, STORE_WALK, id, _("walk"), q);
		break;
	case UI_ACT_HUG_TOGGLE:
		ui_hug_tap(&a->hug, mono);
		break;
	case UI_ACT_HUG_HOLD:
		break; /* presses and releases, see app_hold() */
	case UI_ACT_CALL_DONE: {
		struct clocktrust_event ev = { .kind = CLOCKTRUST_TAP, .mono = mono };
		snprintf(ev.text, sizeof(ev.text), "call");
		seq = app_event(a, ev, &id, &kind);
		app_hhmm(a, hhmm);
		snprintf(q, sizeof(q), _("Remove the call marked at %s?"), hhmm);
		app_undo_entry(a, seq, STORE_TAP, id, _("call"), q);
		break;
	}
	case UI_ACT_REVIEW_DONE:
		if (!a->reviewed)
			app_event(a, (struct clocktrust_event){ .kind = CLOCKTRUST_REVIEWED, .mono = mono },
				  &id, &kind);
		a->reviewed = true;
		a->dismissed_week = cal_week_of(app_now(a));
		app_go(a, UI_GLANCE);
		a->user_until = 0;
		break;
	case UI_ACT_REVIEW_CLOSE:
		a->dismissed_week = cal_week_of(app_now(a));
		app_go(a, UI_GLANCE);
		a->user_until = 0;
		break;
	case UI_ACT_REVIEW_AWAY:
		if (a->next_away) {
			/* Taking it back is not destructive: no question. */
			app_event(a, (struct clocktrust_event){ .kind = CLOCKTRUST_AWAY_NEXT, .mono = mono, .b = 0 },
				  &id, &kind);
			a->next_away = false;
		} else {
			a->confirm = UI_CONFIRM_AWAY;
			snprintf(a->confirm_text, sizeof(a->confirm_text), "%s",
				 _("Mark next week as away? Its streaks will be paused, not broken."));
		}
		break;
	case UI_ACT_REVIEW_RITUALS: {
		if (a->rituals_confirmed)
			break;
		struct clocktrust_event ev = { .kind = CLOCKTRUST_RITUALS_NEXT, .mono = mono };
		seq = app_event(a, ev, &id, &kind);
		a->rituals_confirmed = true;
		break;
	}
	case UI_ACT_UNDO: {
		const struct ui_undo_entry *u = ui_undo_latest(&a->undo, mono);
		if (!u)
			break;
		a->confirm = UI_CONFIRM_UNDO;
		snprintf(a->confirm_text, sizeof(a->confirm_text), "%s", u->question);
		break;
	}
	case UI_ACT_CONFIRM_NO:
		a->confirm = UI_CONFIRM_NONE;
		break;
	case UI_ACT_CONFIRM_YES:
		if (a->confirm == UI_CONFIRM_AWAY) {
			seq = app_event(a, (struct clocktrust_event){ .kind = CLOCKTRUST_AWAY_NEXT,
								      .mono = mono, .b = 1 },
					&id, &kind);
			a->next_away = true;
			struct ui_undo_entry e = { .mono = mono };
			if (seq) {
				e.kind = UI_UNDO_HELD;
				e.hold_seq = seq;
			} else {
				e.kind = UI_UNDO_AWAY;
				e.id = cal_week_of(app_now(a)) + 1;
			}
			snprintf(e.label, sizeof(e.label), "%s", _("away week"));
			snprintf(e.question, sizeof(e.question), "%s",
				 _("Count next week again (not away)?"));
			ui_undo_push(&a->undo, &e);
		} else if (a->confirm == UI_CONFIRM_UNDO) {
			const struct ui_undo_entry *u = ui_undo_latest(&a->undo, mono);
			struct ft_error err;
			if (u && u->kind == UI_UNDO_HELD) {
				clocktrust_hold_cancel(&a->hold, u->hold_seq);
				ui_undo_pop(&a->undo);
			} else if (u && u->kind == UI_UNDO_AWAY && a->store) {
				if (app_store_result(a, store_set_away(a->store, u->id, false, &err), &err)) {
					ui_undo_pop(&a->undo);
					a->next_away = false;
				}
			} else if (u && a->store) {
				if (app_store_result(a, store_delete(a->store, (enum store_kind)u->store_kind,
								    u->id, &err), &err)) {
					if (u->store_kind == STORE_HUG && a->hug.state == UI_HUG_DONE)
						ui_hug_reset(&a->hug);
					ui_undo_pop(&a->undo);
				}
			}
			a->report_stale = true;
		}
		a->confirm = UI_CONFIRM_NONE;
		break;
	}
}

/* A finger (or the mouse) on or off one of the hug's two circles. */
static void
app_hold(struct app *a, int circle, bool down)
{
	if (circle < 0 || circle > 1)
		return;
	ui_hug_hold(&a->hug, circle, down, app_mono(a));
	a->dirty = true;
}

/* --- input ---------------------------------------------------------------- */

static struct app_finger *
app_finger(struct app *a, SDL_FingerID id, bool create)
{
	for (int i = 0; i < APP_MAX_FINGERS; i++)
		if (a->fingers[i].down && a->fingers[i].id == id)
			return &a->fingers[i];
	if (!create)
		return NULL;
	for (int i = 0; i < APP_MAX_FINGERS; i++)
		if (!a->fingers[i].down)
			return &a->fingers[i];
	return NULL;
}

/* A press or release at physical pixel (PX, PY). */
static void
app_pointer(struct app *a, SDL_FingerID id, bool down, float px, float py)
{
	ft_ms mono = app_mono(a);
	/* Only a backlight turned down hides the screen; the dark theme alone
	 * shows everything, so a tap there acts at once. */
	bool dimmed = app_dimmed(a) && app_backlight_usable(&a->backlight);
	a->wake_until = mono + APP_WAKE;
	a->user_until = mono + APP_USER_IDLE;
	a->dirty = true;
	int lx, ly;
	ui_touch_to_logical(a->cfg->rotation, a->phys_w, a->phys_h, px, py, &lx, &ly);
	const struct ui_target *t = ui_hit(a->frame, lx, ly);
	if (down) {
		if (dimmed)
			return; /* the first touch in the dark only wakes the screen */
		struct app_finger *f = app_finger(a, id, true);
		if (!f)
			return;
		f->down = true;
		f->id = id;
		f->pressed = t ? *t : (struct ui_target){ .action = UI_ACT_NONE };
		if (f->pressed.action == UI_ACT_HUG_HOLD)
			app_hold(a, f->pressed.arg, true);
		return;
	}
	struct app_finger *f = app_finger(a, id, false);
	if (!f)
		return;
	f->down = false;
	if (f->pressed.action == UI_ACT_HUG_HOLD) {
		app_hold(a, f->pressed.arg, false);
		return;
	}
	/* A tap is a press and a release on the same target. */
	if (t && t->action == f->pressed.action && t->arg == f->pressed.arg)
		app_action(a, t);
}

static void
app_resize(struct app *a)
{
	int w = 0, h = 0;
	SDL_GetRendererOutputSize(a->renderer, &w, &h);
	if (w == a->phys_w && h == a->phys_h && (a->target || a->cfg->rotation == 0))
		return;
	a->phys_w = w;
	a->phys_h = h;
	ui_logical_size(a->cfg->rotation, w, h, &a->log_w, &a->log_h);
	if (a->target)
		SDL_DestroyTexture(a->target);
	a->target = NULL;
	if (a->cfg->rotation != 0) {
		a->target = SDL_CreateTexture(a->renderer, SDL_PIXELFORMAT_ARGB8888,
					      SDL_TEXTUREACCESS_TARGET, a->log_w, a->log_h);
		if (!a->target)
			fault_set(FAULT_DISPLAY, "cannot rotate the picture: %s", SDL_GetError());
	}
	a->dirty = true;
}

static void
app_sdl_events(struct app *a)
{
	SDL_Event ev;
	while (SDL_PollEvent(&ev)) {
		switch (ev.type) {
		case SDL_QUIT:
			a->quit = true;
			break;
		case SDL_WINDOWEVENT:
			if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
				app_resize(a);
			a->dirty = true;
			break;
		case SDL_RENDER_TARGETS_RESET:
		case SDL_RENDER_DEVICE_RESET:
			app_resize(a);
			a->dirty = true;
			break;
		case SDL_FINGERDOWN:
		case SDL_FINGERUP:
			/* Normalised to the touch device, which is the panel. */
			app_pointer(a, ev.tfinger.fingerId, ev.type == SDL_FINGERDOWN,
				    ev.tfinger.x * (float)a->phys_w, ev.tfinger.y * (float)a->phys_h);
			break;
		case SDL_MOUSEBUTTONDOWN:
		case SDL_MOUSEBUTTONUP:
			/* Touches also arrive as synthetic mouse events: the finger
			 * events above already handled them. */
			if (ev.button.which == SDL_TOUCH_MOUSEID || ev.button.button != SDL_BUTTON_LEFT)
				break;
			app_pointer(a, (SDL_FingerID)SDL_TOUCH_MOUSEID, ev.type == SDL_MOUSEBUTTONDOWN,
				    (float)ev.button.x + 0.5f, (float)ev.button.y + 0.5f);
			break;
		case SDL_KEYDOWN: {
			SDL_Keycode k = ev.key.keysym.sym;
			if (k >= SDLK_1 && k <= SDLK_9 && !ev.key.repeat && a->dock)
				dock_key(a->dock, (int)(k - SDLK_0), app_mono(a));
			else if (k == SDLK_q && (ev.key.keysym.mod & KMOD_CTRL))
				a->quit = true;
			break;
		}
		default:
			break;
		}
	}
}

static bool
app_is_kmsdrm(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	return driver && (strcmp(driver, "KMSDRM") == 0 || strcmp(driver, "kmsdrm") == 0);
}

/* The descriptors SDL reads its input from, so that poll() wakes for them. */
static void
app_find_input_fds(struct app *a)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	a->ninput_fds = 0;
	a->pump_by_timer = false;
	if (!driver)
		return;
	if (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0)
		return; /* no input at all: timers and signals are enough */
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	bool have_info = SDL_GetWindowWMInfo(a->window, &info);
#if defined(SDL_VIDEO_DRIVER_X11)
	if (have_info && info.subsystem == SDL_SYSWM_X11) {
		/* SDL loaded libX11 itself; borrow its XConnectionNumber. */
		void *lib = dlopen("libX11.so.6", RTLD_LAZY | RTLD_NOLOAD);
		int (*number)(void *) = lib ? (int (*)(void *))dlsym(lib, "XConnectionNumber") : NULL;
		if (number)
			a->input_fds[a->ninput_fds++] = number(info.info.x11.display);
		if (lib)
			dlclose(lib);
	}
#endif
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
	if (have_info && info.subsystem == SDL_SYSWM_WAYLAND) {
		void *lib = dlopen("libwayland-client.so.0", RTLD_LAZY | RTLD_NOLOAD);
		int (*get_fd)(void *) = lib ? (int (*)(void *))dlsym(lib, "wl_display_get_fd") : NULL;
		if (get_fd)
			a->input_fds[a->ninput_fds++] = get_fd(info.info.wl.display);
		if (lib)
			dlclose(lib);
	}
#endif
	if (app_is_kmsdrm()) {
		/* SDL reads the evdev devices itself; we only poll them for
		 * readiness, and SDL_PumpEvents drains them after. */
		glob_t g;
		if (glob("/dev/input/event*", 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc && a->ninput_fds < APP_MAX_INPUT_FDS; i++) {
				int fd = open(g.gl_pathv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
				if (fd >= 0)
					a->input_fds[a->ninput_fds++] = -fd - 2; /* ours to close */
			}
			globfree(&g);
		}
	}
	if (a->ninput_fds == 0) {
		log_warn("video driver %s: no descriptor to wait on, pumping events every 50 ms",
			 driver);
		a->pump_by_timer = true;
	}
}

static void
app_on_input_fd(int fd, short revents, void *data)
{
	/* SDL reads it: app_sdl_events() after the dispatch. */
}

/* Poll SDL's input descriptors (see app_find_input_fds). */
static void
app_watch_inputs(struct app *a)
{
	app_find_input_fds(a);
	for (int i = 0; i < a->ninput_fds; i++) {
		int fd = a->input_fds[i] < -1 ? -a->input_fds[i] - 2 : a->input_fds[i];
		a->input_src[i] = poller_add_fd(a->poller, fd, POLLIN, app_on_input_fd, a);
	}
}

static void
app_unwatch_inputs(struct app *a)
{
	for (int i = 0; i < a->ninput_fds; i++) {
		if (a->input_src[i])
			poller_remove(a->input_src[i]);
		a->input_src[i] = NULL;
		if (a->input_fds[i] < -1)
			close(-a->input_fds[i] - 2);
	}
	a->ninput_fds = 0;
}

/* /dev/input changed (a device came, went, or got its permissions): poll
 * the devices there are now. */
static void
app_on_input_change(int fd, short revents, void *data)
{
	struct app *a = data;
	char buf[4096];
	while (read(fd, buf, sizeof(buf)) > 0)
		; /* drain: which device does not matter, the rescan sees all */
	app_unwatch_inputs(a);
	app_watch_inputs(a);
	log_info("input devices changed: polling %d", a->ninput_fds);
}

static void
app_on_dock_fd(int fd, short revents, void *data)
{
	struct app *a = data;
	dock_dispatch(a->dock, app_mono(a));
}

static void
app_on_tick(void *data)
{
	/* What is due is worked out by app_step() after each dispatch. */
}

static void
app_on_clock_set(int fd, short revents, void *data)
{
	struct app *a = data;
	clocktrust_watch_rearm(fd);
	a->clock_check = true;
	a->dirty = true;
}

static void
app_on_signal(int signo, void *data)
{
	struct app *a = data;
	log_info("signal %d: stopping", signo);
	a->quit = true;
}

/* --- night --------------------------------------------------------------- */

/*
 * At night ([display] night) the display dims: the panel's backlight where
 * there is one (/sys/class/backlight/NAME/brightness, down to a tenth of
 * max_brightness), and the dark theme all night. A touch or a phone docked
 * wakes it for APP_WAKE: the backlight goes back to the family's level. A
 * backlight that cannot be written (EACCES: no udev rule giving the service
 * user the file) is given up once, with one line in the journal, and the
 * dark theme dims alone. At exit the family's level is given back.
 */

static int
app_read_int(const char *path)
{
	FILE *f = fopen(path, "r");
	int v = -1;
	if (f) {
		if (fscanf(f, "%9d", &v) != 1)
			v = -1;
		fclose(f);
	}
	return v;
}

static int
app_backlight_dim_level(const struct app_backlight *b)
{
	return b->max / 10 > 0 ? b->max / 10 : 1;
}

/* The first backlight (by name) in CLASS_DIR with a readable brightness
 * and max_brightness. CLASS_DIR is /sys/class/backlight; tests pass a tree
 * of their own. */
static void
app_find_backlight(struct app_backlight *b, const char *class_dir)
{
	memset(b, 0, sizeof(*b));
	struct dirent **names = NULL;
	int n = class_dir ? scandir(class_dir, &names, NULL, alphasort) : -1;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		char path[sizeof(b->path)];
		if (name[0] != '.' && !b->path[0]) {
			snprintf(path, sizeof(path), "%.200s/%.80s/max_brightness", class_dir, name);
			int max = app_read_int(path);
			snprintf(path, sizeof(path), "%.200s/%.80s/brightness", class_dir, name);
			int level = app_read_int(path);
			if (max > 0 && level >= 0) {
				snprintf(b->path, sizeof(b->path), "%s", path);
				b->max = max;
				b->level = level;
				/* Off, or left dimmed by a run that did not get to give
				 * it back (a power cut at night): the family's level is
				 * then unknown, full is the safe guess. */
				b->saved = level > 0 && level != app_backlight_dim_level(b) ? level : max;
			}
		}
		free(names[i]);
	}
	free(names);
	if (b->path[0])
		log_info("backlight %s (max %d, now %d)", b->path, b->max, b->level);
}

/* Whether the backlight does the dimming: there is one and it obeys. */
static bool
app_backlight_usable(const struct app_backlight *b)
{
	return b->path[0] && !b->failed;
}

static void
app_set_backlight(struct app_backlight *b, int level)
{
	if (!app_backlight_usable(b) || level == b->level)
		return;
	char text[16];
	int len = snprintf(text, sizeof(text), "%d\n", level);
	int fd = open(b->path, O_WRONLY | O_CLOEXEC);
	bool ok = fd >= 0 && write(fd, text, (size_t)len) == len;
	int saved_errno = errno;
	if (fd >= 0 && close(fd) < 0 && ok) {
		ok = false; /* sysfs may refuse the value only here */
		saved_errno = errno;
	}
	if (!ok) {
		b->failed = true;
		log_warn("backlight %s: %s; dimming with the dark theme instead", b->path,
			 strerror(saved_errno));
		return;
	}
	b->level = level;
}

/* Whether the screen is dimmed now: night, and not woken lately. */
static bool
app_dimmed(const struct app *a)
{
	return a->night && app_mono(a) >= a->wake_until;
}

static void
app_update_night(struct app *a, ft_ms now)
{
	bool night = ui_night_at(a->cfg, now);
	if (night != a->night)
		a->dirty = true;
	a->night = night;
	struct app_backlight *b = &a->backlight;
	app_set_backlight(b, app_dimmed(a) ? app_backlight_dim_level(b) : b->saved);
}

/* --- the loop ------------------------------------------------------------ */

static void
app_render(struct app *a, ft_ms now)
{
	struct ui_model m;
	app_fill_model(a, &m, now);
	ui_layout(a->fonts, &m, a->screen, a->log_w, a->log_h, a->frame);
	if (a->target) {
		SDL_SetRenderTarget(a->renderer, a->target);
		ui_draw_frame(a->draw, a->frame, m.night);
		SDL_SetRenderTarget(a->renderer, NULL);
		SDL_SetRenderDrawColor(a->renderer, 0, 0, 0, 255);
		SDL_RenderClear(a->renderer);
		ui_present_rotated(a->renderer, a->target, a->cfg->rotation, a->phys_w, a->phys_h);
	} else {
		ui_draw_frame(a->draw, a->frame, m.night);
	}
	SDL_RenderPresent(a->renderer);
	/* On kmsdrm the very first frame (the one that sets the mode) was seen
	 * to stay black; a second frame a moment later shows. Rather than a
	 * black table until the next minute, draw once more. */
	if (a->kmsdrm && a->presented < 3)
		a->repaint_at = app_mono(a) + APP_FIRST_REPAINT;
	a->presented++;
	a->drawn_dark = m.night;
	a->dirty = false;
}

static ft_ms
app_min(ft_ms x, ft_ms y)
{
	return x < y ? x : y;
}

/* Everything that may be due, then the next instant something will be. */
static ft_ms
app_step(struct app *a)
{
	ft_ms mono = app_mono(a);
	struct ft_error err;

	app_try_store(a);
	if (a->clock_check || !a->trusted) {
		a->clock_check = false;
		app_check_clock(a);
	}
	app_try_engine(a);
	ft_ms now = app_now(a);

	if (a->dock && dock_next_deadline(a->dock) <= mono)
		dock_dispatch(a->dock, mono);
	if (a->dock) {
		int fd = dock_fd(a->dock);
		if (fd != a->dock_src_fd) {
			poller_remove(a->dock_src);
			a->dock_src = fd >= 0 ? poller_add_fd(a->poller, fd, POLLIN, app_on_dock_fd, a) : NULL;
			a->dock_src_fd = fd;
		}
	}

	int minute = (int)(now / FT_MINUTE % 1000000);
	bool new_minute = minute != a->last_minute;
	if (a->engine_open && (new_minute || engine_next_deadline(&a->engine) <= now)) {
		bool was_open = engine_session_open(&a->engine, NULL);
		app_store_result(a, engine_advance(&a->engine, now, &err), &err);
		if (was_open != engine_session_open(&a->engine, NULL))
			a->dirty = true;
	}
	if (new_minute) {
		a->last_minute = minute;
		a->dirty = true; /* the clock on screen */
	}

	if (a->hug.state == UI_HUG_RUNNING) {
		if (ui_hug_tick(&a->hug, mono))
			app_hug_complete(a);
		a->dirty = true;
	}

	if (a->store && (a->report_stale || !a->have_report || cal_day_of(now) != a->report_day ||
			 mono - a->report_mono >= APP_REPORT_EVERY))
		app_build_report(a, now);
	if (fault_generation() != a->fault_gen) {
		a->fault_gen = fault_generation();
		a->dirty = true;
	}
	app_update_night(a, now);

	/* Which screen. */
	bool session_open = a->engine_open && engine_session_open(&a->engine, NULL);
	struct ui_pick pick = {
		.current = a->screen,
		.user_active = mono < a->user_until || a->confirm != UI_CONFIRM_NONE,
		.hug_running = a->hug.state == UI_HUG_RUNNING,
		.review_due = a->trusted && a->store &&
			      ui_review_due(a->cfg, now, a->reviewed, a->dismissed_week),
		.session_open = session_open,
		.walk_open = a->walk_open,
	};
	enum ui_screen s = ui_pick_screen(&pick);
	if (s != a->screen) {
		if (a->screen == UI_HUG && a->hug.state == UI_HUG_DONE)
			ui_hug_reset(&a->hug);
		if (a->screen == UI_WALK)
			a->walk_done_length = -1;
		a->screen = s;
		a->dirty = true;
	}
	if (a->repaint_at && mono >= a->repaint_at) {
		a->repaint_at = 0;
		a->dirty = true;
	}
	if (a->dirty && a->renderer)
		app_render(a, now);

	/* When to wake next. */
	ft_ms wall = clock_wall_ms();
	ft_ms next = mono + (FT_MINUTE - wall % FT_MINUTE) + 5;
	if (a->engine_open) {
		ft_ms d = engine_next_deadline(&a->engine);
		if (d != FT_MS_NEVER)
			next = app_min(next, d - a->offset);
	}
	if (a->dock)
		next = app_min(next, dock_next_deadline(a->dock));
	if (a->hug.state == UI_HUG_RUNNING)
		next = app_min(next, app_min(mono + APP_HUG_FRAME, a->hug.end));
	if (mono < a->user_until)
		next = app_min(next, a->user_until);
	if (a->night && mono < a->wake_until)
		next = app_min(next, a->wake_until);
	if (!a->store)
		next = app_min(next, a->store_retry);
	const struct ui_undo_entry *u = ui_undo_latest(&a->undo, mono);
	if (u)
		next = app_min(next, u->mono + UI_UNDO_WINDOW);
	if (a->pump_by_timer)
		next = app_min(next, mono + 50);
	if (a->repaint_at)
		next = app_min(next, a->repaint_at);
	return next;
}

static bool
app_open_display(struct app *a, const struct app_options *opts, struct ft_error *err)
{
	/* Our own loop decides when to wake; SDL must not install handlers
	 * for SIGINT/SIGTERM (they come through the signalfd). */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
	if (SDL_Init(SDL_INIT_VIDEO) < 0)
		return ft_fail(err, "SDL: %s", SDL_GetError());
	a->kmsdrm = app_is_kmsdrm();
	/* On kmsdrm SDL's first choice is desktop OpenGL, which draws garbage
	 * through GBM when libGL is absent (Pi OS Lite); GLES is what the Pi's
	 * GPU and Mesa's software fallback both speak. A renderer the user
	 * chose (SDL_RENDER_DRIVER) is kept. */
	if (a->kmsdrm && !getenv("SDL_RENDER_DRIVER"))
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
	Uint32 flags = SDL_WINDOW_SHOWN;
	int w = opts->width > 0 ? opts->width : 800, h = opts->height > 0 ? opts->height : 480;
	if (opts->window)
		flags |= SDL_WINDOW_RESIZABLE;
	else
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
	a->window = SDL_CreateWindow("familytable", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
				     h, flags);
	if (!a->window)
		goto err_quit;
	a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_TARGETTEXTURE);
	if (!a->renderer)
		a->renderer = SDL_CreateRenderer(a->window, -1, SDL_RENDERER_SOFTWARE);
	if (!a->renderer)
		goto err_window;
	if (!opts->window)
		SDL_ShowCursor(SDL_DISABLE);
	app_resize(a);
	return true;

err_window:
	SDL_DestroyWindow(a->window);
	a->window = NULL;
err_quit:
	ft_fail(err, "SDL: %s", SDL_GetError());
	SDL_Quit();
	return false;
}

static void
app_close_display(struct app *a)
{
	if (a->target)
		SDL_DestroyTexture(a->target);
	if (a->renderer)
		SDL_DestroyRenderer(a->renderer);
	if (a->window)
		SDL_DestroyWindow(a->window);
	SDL_Quit();
}

/* A new app with nothing open yet. */
static struct app *
app_new(const struct ft_config *cfg, const char *db_path)
{
	struct app *a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->cfg = cfg;
	a->db_path = db_path;
	a->walk_done_length = -1;
	a->dismissed_week = INT64_MIN;
	a->last_minute = -1;
	a->dock_src_fd = -1;
	a->clock_fd = -1;
	ui_hug_init(&a->hug, cfg->hug);
	a->frame = calloc(1, sizeof(*a->frame));
	if (!a->frame) {
		free(a);
		return NULL;
	}
	return a;
}

/* What stopping does before anything is closed: the session in progress
 * saved, the family's backlight level given back. */
static void
app_shutdown(struct app *a)
{
	struct ft_error err;
	if (a->engine_open && !engine_close(&a->engine, &err))
		log_error("%s", err.msg);
	a->engine_open = false;
	if (a->hold.n)
		log_warn("the clock was never trusted: %zu events not logged", a->hold.n);
	app_set_backlight(&a->backlight, a->backlight.saved);
}

/* Frees what app_new() made and the store, report and held events. */
static void
app_free(struct app *a)
{
	if (a->have_report)
		report_free(&a->report);
	if (a->store)
		store_close(a->store);
	clocktrust_hold_free(&a->hold);
	free(a->frame);
	free(a);
}

int
app_run(const struct ft_config *cfg, const struct app_options *opts)
{
	struct ft_error err;
	int code = FT_EXIT_FAILURE;
	struct app *a = app_new(cfg, opts->db_path);
	if (!a)
		return FT_EXIT_FAILURE;
	ui_i18n_init(cfg->language);

	a->poller = poller_create();
	if (!a->poller) {
		fprintf(stderr, "familytable: out of memory\n");
		goto out_free;
	}
	poller_add_signal(a->poller, SIGINT, app_on_signal, a);
	poller_add_signal(a->poller, SIGTERM, app_on_signal, a);

	a->fonts = ui_fonts_open(&err);
	if (!a->fonts) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		goto out_poller;
	}
	if (!app_open_display(a, opts, &err)) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		goto out_fonts;
	}
	a->draw = ui_draw_create(a->renderer, a->fonts);
	if (!a->draw)
		goto out_display;

	app_try_store(a);
	struct dock_sink sink = { .level = app_dock_level, .data = a };
	a->dock = dock_open(opts->dock ? opts->dock : "gpio", cfg, sink, &err);
	if (!a->dock) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		code = FT_EXIT_USAGE;
		goto out_draw;
	}
	if (!dock_levels(a->dock, a->start_levels))
		memset(a->start_levels, 0, sizeof(a->start_levels));

	a->clock_fd = clocktrust_watch_open();
	if (a->clock_fd >= 0)
		poller_add_fd(a->poller, a->clock_fd, POLLIN, app_on_clock_set, a);
	app_watch_inputs(a);
	/* a touchscreen that appears later (slow probe, replugged) is polled
	 * too: SDL opens it, we rescan */
	a->input_watch = -1;
	if (app_is_kmsdrm()) {
		a->input_watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (a->input_watch >= 0 &&
		    inotify_add_watch(a->input_watch, "/dev/input", IN_CREATE | IN_DELETE | IN_ATTRIB) >= 0)
			poller_add_fd(a->poller, a->input_watch, POLLIN, app_on_input_change, a);
	}
	a->tick = poller_add_timer(a->poller, app_on_tick, a);
	app_find_backlight(&a->backlight, "/sys/class/backlight");
	a->wake_until = app_mono(a) + APP_WAKE;
	a->dirty = true;

	while (!a->quit) {
		SDL_PumpEvents();
		app_sdl_events(a);
		if (a->quit)
			break;
		poller_timer_arm(a->tick, app_step(a));
		/* SDL may have queued events while we drew (a resize): do
		 * not sleep on them. */
		SDL_PumpEvents();
		if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0)
			continue;
		if (poller_dispatch(a->poller, -1) < 0) {
			fprintf(stderr, "familytable: poll: %s\n", strerror(errno));
			break;
		}
	}
	code = FT_EXIT_OK;

	app_shutdown(a);
	app_unwatch_inputs(a);
	if (a->input_watch >= 0)
		close(a->input_watch);
	if (a->clock_fd >= 0)
		close(a->clock_fd);
	dock_close(a->dock);
out_draw:
	ui_draw_destroy(a->draw);
out_display:
	app_close_display(a);
out_fonts:
	ui_fonts_close(a->fonts);
out_poller:
	poller_destroy(a->poller);
out_free:
	app_free(a);
	return code;
}

/* --- tests ----------------------------------------------------------------- */

/*
 * The live app for tests (ui.h): the same struct, actions, event handling
 * and loop step as app_run(), with three differences only: the panel is a
 * surface drawn by the software renderer, the monotonic clock is the test's
 * (the wall clock is trusted from the start and moves with it), and the
 * backlight is looked for where the test says.
 */
struct app *
app_test_open(const struct ft_config *cfg, const struct app_test_options *o, struct ft_error *err)
{
	struct app *a = app_new(cfg, o->db_path);
	if (!a) {
		ft_fail(err, "out of memory");
		return NULL;
	}
	a->test_clock = true;
	a->test_mono = 1000000; /* any start: only differences count */
	a->trusted = true;
	a->offset = o->wall - a->test_mono;
	a->poller = poller_create();
	a->fonts = ui_fonts_open(err);
	if (!a->poller || !a->fonts)
		goto fail;
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	if (SDL_Init(SDL_INIT_VIDEO) < 0) {
		ft_fail(err, "SDL: %s", SDL_GetError());
		goto fail;
	}
	a->test_panel = SDL_CreateRGBSurfaceWithFormat(0, o->width, o->height, 32,
						       SDL_PIXELFORMAT_ARGB8888);
	a->renderer = a->test_panel ? SDL_CreateSoftwareRenderer(a->test_panel) : NULL;
	a->draw = a->renderer ? ui_draw_create(a->renderer, a->fonts) : NULL;
	if (!a->draw) {
		ft_fail(err, "SDL: %s", SDL_GetError());
		goto fail;
	}
	app_resize(a);
	app_try_store(a);
	if (!a->store) {
		ft_fail(err, "%s", fault_get(FAULT_STORE));
		goto fail;
	}
	struct dock_sink sink = { .level = app_dock_level, .data = a };
	a->dock = dock_open(o->dock ? o->dock : "none", cfg, sink, err);
	if (!a->dock)
		goto fail;
	if (!dock_levels(a->dock, a->start_levels))
		memset(a->start_levels, 0, sizeof(a->start_levels));
	app_find_backlight(&a->backlight, o->backlight_dir);
	a->wake_until = app_mono(a) + APP_WAKE;
	a->dirty = true;
	app_test_step(a);
	return a;

fail:
	app_test_close(a);
	return NULL;
}

void
app_test_advance(struct app *a, ft_ms ms)
{
	a->test_mono += ms;
}

void
app_test_step(struct app *a)
{
	SDL_PumpEvents();
	app_sdl_events(a);
	app_step(a);
}

ft_ms
app_test_now(const struct app *a)
{
	return app_now(a);
}

enum ui_screen
app_test_screen(const struct app *a)
{
	return a->screen;
}

const struct ui_frame *
app_test_frame(const struct app *a)
{
	return a->frame;
}

const struct ui_hug *
app_test_hug(const struct app *a)
{
	return &a->hug;
}

SDL_Surface *
app_test_panel(const struct app *a)
{
	return a->test_panel;
}

bool
app_test_dark(const struct app *a)
{
	return a->drawn_dark;
}

void
app_test_close(struct app *a)
{
	if (!a)
		return;
	app_shutdown(a);
	dock_close(a->dock);
	ui_draw_destroy(a->draw);
	if (a->renderer)
		SDL_DestroyRenderer(a->renderer);
	if (a->test_panel)
		SDL_FreeSurface(a->test_panel);
	ui_fonts_close(a->fonts);
	poller_destroy(a->poller);
	app_free(a);
}

/* --- screenshot ----------------------------------------------------------- */

/* What was going on at AT, as far as the database tells: a session or a
 * walk that had started and not ended then is shown in progress. */
static void
app_shot_live_state(struct app *a, ft_ms at, struct ui_model *m)
{
	struct ft_error err;
	int64_t day = cal_day_of(at);
	struct store_session *rows = NULL;
	size_t n = 0;
	if (store_sessions(a->store, day - 1, day, FT_MS_NEVER - 1, &rows, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			const struct session *s = &rows[i].s;
			if (s->start <= at && at < s->end) {
				m->session_open = true;
				m->session_start = s->start;
				for (int slot = 1; slot <= a->cfg->nslots; slot++)
					m->slot_in[slot - 1] = s->members & (1u << (slot - 1));
			}
		}
		store_free_sessions(rows);
	}
	struct session_detector det;
	ft_ms last_seen;
	bool found = false;
	if (!m->session_open && store_load_open(a->store, &det, &last_seen, &found, &err) && found &&
	    det.open && det.start <= at) {
		m->session_open = true;
		m->session_start = det.start;
		for (int slot = 1; slot <= a->cfg->nslots && slot <= det.nslots; slot++)
			m->slot_in[slot - 1] = det.level[slot - 1] > 0;
	}
	struct store_walk *walks = NULL;
	if (store_walks(a->store, day - 1, day, FT_MS_NEVER - 1, &walks, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			if (walks[i].start <= at && at < walks[i].end) {
				m->walk_open = true;
				m->walk_start = walks[i].start;
			}
		}
		free(walks);
	}
	ft_ms open_walk = -1;
	if (!m->walk_open && store_get_walk_open(a->store, &open_walk, &err) && open_walk >= 0 &&
	    open_walk <= at) {
		m->walk_open = true;
		m->walk_start = open_walk;
	}
}

int
app_screenshot(const struct ft_config *cfg, const struct screenshot_options *opts)
{
	struct ft_error err;
	enum ui_screen screen;
	int code = FT_EXIT_FAILURE;
	if (!ui_screen_parse(opts->screen, &screen)) {
		fprintf(stderr, "familytable: screenshot: unknown screen \"%s\" "
				"(glance, meal, walk, hug or review)\n", opts->screen);
		return FT_EXIT_USAGE;
	}
	if (opts->width < 100 || opts->height < 100 || opts->width > 8192 || opts->height > 8192) {
		fprintf(stderr, "familytable: screenshot: bad size %dx%d\n", opts->width, opts->height);
		return FT_EXIT_USAGE;
	}
	if (access(opts->db_path, F_OK) != 0) {
		fprintf(stderr, "familytable: %s: no database there\n", opts->db_path);
		return FT_EXIT_FAILURE;
	}
	struct app *a = app_new(cfg, opts->db_path);
	if (!a)
		return FT_EXIT_FAILURE;
	ui_i18n_init(cfg->language);
	/* No window: the software renderer draws into a surface. */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	a->store = store_open(opts->db_path, &err);
	if (!a->store) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		goto out_free;
	}
	a->fonts = ui_fonts_open(&err);
	if (!a->fonts) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		goto out_free;
	}
	ft_ms at = opts->have_at ? opts->at : clock_wall_ms();
	app_build_report(a, at);
	if (!a->have_report) {
		fprintf(stderr, "familytable: %s\n", fault_get(FAULT_STORE));
		goto out_fonts;
	}
	a->night = ui_night_at(cfg, at);
	struct ui_model m;
	app_fill_model(a, &m, at);
	app_shot_live_state(a, at, &m);
	SDL_Surface *s = ui_render_surface(a->fonts, &m, screen, opts->width, opts->height, NULL);
	if (!s) {
		fprintf(stderr, "familytable: screenshot: %s\n", SDL_GetError());
		goto out_fonts;
	}
	if (!ui_image_save(s, opts->out, &err))
		fprintf(stderr, "familytable: %s\n", err.msg);
	else
		code = FT_EXIT_OK;
	SDL_FreeSurface(s);
out_fonts:
	ui_fonts_close(a->fonts);
out_free:
	app_free(a); /* and the store */
	SDL_Quit();
	return code;
}
