/*
 * live_internal.h - what the files of the live decision module (live.h)
 * share and nothing else sees: the module's state, its timings, and the
 * few steps one file does for another.
 *
 *   live.c           the core: lifecycle, the store, the clock and the
 *                    engine, dock and touch events, the tick, the stop
 *   live_actions.c   what a tap does: walks, hugs, calls, the review, undo,
 *                    the questions' "Yes"
 *   live_settings.c  the settings screen's changes, stored and in effect
 *   live_fixes.c     the corrections screen: its entries and its changes
 *   live_setup.c     the settings beyond the first screen: rituals, meal
 *                    windows, night, time zone, rotation
 *   live_model.c     what the screens show, filled from the state
 *   live_review.c    the review: the week shown, its report and marks
 *
 * Every write goes through the engine (live_event) or, for settings and
 * corrections, through their modules; live_store_result() turns a failure
 * into the store's banner.
 */
#ifndef FT_LIVE_INTERNAL_H
#define FT_LIVE_INTERNAL_H

#include <libintl.h>

#include "engine.h"
#include "family.h"
#include "live.h"
#include "review.h"
#include "zones.h"

#define _(s) gettext(s)

#define LIVE_USER_IDLE (2 * FT_MINUTE)      /* a chosen screen stays this long */
#define LIVE_WAKE (2 * FT_MINUTE)           /* full brightness after a touch at night */
#define LIVE_HUG_FRAME 50                   /* ms between frames of the hug ring */
#define LIVE_REPORT_EVERY (15 * FT_MINUTE)  /* rebuild even if nothing was logged */
#define LIVE_STORE_RETRY (10 * FT_SECOND)
#define LIVE_ACK FT_MINUTE                  /* "1 of 2 phones" shows this long */
#define LIVE_SUMMARY (8 * FT_SECOND)        /* how a session ended shows this long */

/* The first-boot walk-through's state (live_firstboot.c). */
struct live_firstboot {
	bool checked;              /* the first-boot rule was applied (the store opened) */
	struct ui_firstboot ui;    /* what its screens show, but the page of zones */
	int region;                /* the region chosen, into live.zones->regions; -1 */
	int first;                 /* the first region or city of the page shown */
	int own_rituals;           /* of ui.rituals, how many are the family's own */
};

/* What the last correction made on the display did, kept as parts: its
 * Undo button is worded from them each time it is drawn, so that it is
 * said in the language of the moment (one may be chosen in between). */
enum live_fix_kind { LIVE_FIX_AWAY, LIVE_FIX_COUNTED, LIVE_FIX_WALK_ADDED, LIVE_FIX_REMOVED };
struct live_fix_done {
	enum live_fix_kind kind;
	struct ui_fix_entry entry; /* LIVE_FIX_REMOVED: the entry removed */
};

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
	struct live_fix_done fix_done; /* what it did: its Undo button */
	char fix_undo[96];         /* that button, worded when drawn */
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
	bool reviewed;             /* this week: the review no longer comes by itself */
	int64_t dismissed_week;
	/* the review: the week the family went to (INT64_MIN: the one up for
	 * review), the one shown and the one offered, the shown week's report
	 * when it is not this week's (built from the report of REVIEW_MONO),
	 * and its marks as the store holds them */
	int64_t review_week, review_shown, review_offered;
	struct report review_report;
	bool have_review_report;
	ft_ms review_mono;
	struct review_marks review_marks;
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

	/* the keyboard (live_keyboard.c): its model, what it types, where
	 * Cancel goes, why the last Done was refused (enum family_refusal) */
	struct kbd kbd;
	enum ui_kbd_for kbd_for;
	int kbd_slot;
	enum ui_screen kbd_back;
	int kbd_refusal;
	/* the family's names: waiting for the phone to name to be docked, the
	 * slot just named, the phones set aside while docked to be named */
	bool family_waiting;
	int family_named;
	int family_asked;          /* the slot whose name Remove asked about */
	struct family_aside aside;

	/* night */
	bool night;                /* in [display] night: the dark theme */
	ft_ms wake_until;          /* mono: awake (full brightness) until then */
	bool dim_hides;            /* a backlight does the dimming */

	/* the meal screen */
	ft_ms ack_until;           /* mono: "1 of 2 phones" shows until then */
	struct session ended;      /* the session that just ended */
	ft_ms summary_until;       /* mono: and how it ended shows until then */

	/* the first-boot walk-through */
	struct live_firstboot firstboot;
	/* the settings beyond the first screen (live_setup.c): the ritual or
	 * window being changed, why a change was refused, the zone picker */
	struct ui_setup setup;
	char setup_refused[320];   /* "" when nothing was refused */
	struct zones *zones;       /* the system's, read when a picker first opens */
	const char *zone_list[ZONES_MAX]; /* what the picker shows: regions or zones */
};

/* live.c */
/* Something shown may have changed: the loop draws again. */
void live_changed(struct live *l);
/* A store call's result: a failure becomes the store's banner. Returns OK. */
bool live_store_result(struct live *l, bool ok, const struct ft_error *err);

/* What became of an event. */
enum live_outcome { LIVE_OUTCOME_FAILED, LIVE_OUTCOME_HELD, LIVE_OUTCOME_WRITTEN };
/* An event as it happens: into the engine when it can date it, else held.
 * *seq gets the hold's seq (held), *id the row (written), *kind its
 * store_kind (or -1). */
enum live_outcome live_event(struct live *l, struct clocktrust_event ev, unsigned *seq,
			     int64_t *id, int *kind);

/* live_actions.c */
/* Show screen S, chosen at MONO (it stays LIVE_USER_IDLE). */
void live_go(struct live *l, enum ui_screen s, ft_ms mono);
/* Remember a logged action for undo: a held event (SEQ) or a row (ID);
 * a call's FROM slot and TO name (0, NULL otherwise). */
void live_undo_remember(struct live *l, ft_ms mono, unsigned seq, int kind, int64_t id,
			enum live_undo_what what, int from, const char *to);
/* The walk in progress, as the store holds it (or as held), on the wall
 * clock; -1: none. The one place that says whether a walk is going. */
ft_ms live_walk_start(const struct live *l);
/* Log a call: slot FROM called TO, or 0 and NULL when not said. */
void live_call_log(struct live *l, ft_ms mono, int from, const char *to);
/* The hug timer ran to its end: log one hug. */
void live_log_hug(struct live *l, ft_ms mono);

/* live_settings.c */
/* A setting changed on the screen: stored as `settings set` would, and in
 * effect at once (the report is rebuilt against it). */
void live_setting_set(struct live *l, enum ui_setting row, const char *value, ft_ms mono);
/* Put back: the display's value forgotten, the file's (or the default) again. */
void live_setting_reset(struct live *l, enum ui_setting row);
/* The same for the key NAME ("dock.names"). */
void live_setting_reset_key(struct live *l, const char *name);

/* live_fixes.c */
/* The corrections screen's state, read again after every change: the last
 * four weeks' entries and whether this week is away. */
void live_fixes_load(struct live *l, ft_ms mono);
/* A tap on the corrections screen (UI_ACT_FIX_*); the store is open. */
void live_fix_action(struct live *l, enum ui_action action, int arg, ft_ms mono);
/* "Yes" to removing the entry asked about (UI_CONFIRM_REMOVE). */
void live_fix_remove_asked(struct live *l, ft_ms mono);
/* "Undo: removed dinner" in the language of the moment; NULL: nothing to undo. */
const char *live_fix_undo_label(struct live *l);

/* live_keyboard.c */
/* A tap on the keyboard's, the family's or "Someone new…" (UI_ACT_CALL_NEW,
 * UI_ACT_KBD_CANCEL, UI_ACT_GO_SETTINGS, UI_ACT_GO_FAMILY, UI_ACT_FAMILY_*). */
void live_keyboard_action(struct live *l, enum ui_action action, int arg, ft_ms mono);
/* The keyboard for the label of the ritual being changed (l->setup.ritual);
 * Done puts the label in, Cancel leaves it, both back to that ritual. */
void live_keyboard_ritual_label(struct live *l, ft_ms mono);
/* A raw dock level: true when it is a phone docked to be named, kept from
 * the session rules (it goes no further). */
bool live_family_dock(struct live *l, int slot, int level, ft_ms mono);
/* What is due at MONO (a held letter's variants, the phone to name); the
 * next instant something will be, or FT_MS_NEVER. */
ft_ms live_keyboard_tick(struct live *l, ft_ms mono);
/* "Remove" said yes to (UI_CONFIRM_REMOVE_NAME): the slot's name goes. */
void live_family_remove_asked(struct live *l, ft_ms mono);
/* The keyboard's and the family's part of the model. */
void live_keyboard_model(struct live *l, struct ui_model *m);
/* live_firstboot.c: the first-boot walk-through */
/* Once the store is open: the walk-through comes up on a first boot. */
void live_firstboot_check(struct live *l, ft_ms mono);
/* The walk-through from its first step; AGAIN: asked for from the settings,
 * where it returns. */
void live_firstboot_start(struct live *l, bool again, ft_ms mono);
/* A tap on one of its screens (UI_ACT_FIRSTBOOT_*); false for another action. */
bool live_firstboot_action(struct live *l, enum ui_action action, int arg, ft_ms mono);
/* What its screens show. */
void live_firstboot_model(const struct live *l, struct ui_model *m);
/* live_setup.c */
/* A tap on the settings beyond the first screen (UI_ACT_GO_SETUP, UI_ACT_KEY_RESET, UI_ACT_RITUAL_*, UI_ACT_WINDOW_*,
 * UI_ACT_NIGHT_STEP, UI_ACT_ROTATION, UI_ACT_ZONE_*, UI_ACT_SETUP_PAGE). */
void live_setup_action(struct live *l, enum ui_action action, int arg, ft_ms mono);
/* "Yes" to removing the ritual or window being changed. */
void live_setup_confirmed(struct live *l, ft_ms mono);
/* The zone every local time uses, after [time] timezone changed: ZONE at
 * once, or the system's when it is "" (put back to none). */
void live_apply_zone(const char *zone);
/* What the model shows of them. */
void live_setup_model(struct live *l, struct ui_model *m);
void live_setup_free(struct live *l);
/* The time zones both pickers offer (the first boot's and the settings'),
 * read from the system the first time into l->zones: NULL out of memory;
 * none when the system lists none (logged). */
const struct zones *live_zones(struct live *l);

/* live_review.c */
/* The review's week, its report and marks from the store, as of NOW
 * (after each report, and when the family goes to another week). */
void live_review_load(struct live *l, ft_ms now);
void live_review_free(struct live *l);
/* A tap on the review's marks or arrows (UI_ACT_REVIEW_DONE, _AWAY,
 * _RITUALS, _WEEK). */
void live_review_action(struct live *l, enum ui_action action, int arg, ft_ms mono);
/* "Yes" to marking the week after the shown one away (UI_CONFIRM_AWAY). */
void live_review_away_yes(struct live *l, ft_ms mono);
/* The review's part of the model. */
void live_review_model(const struct live *l, struct ui_model *m);
#endif
