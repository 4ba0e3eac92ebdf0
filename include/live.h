/*
 * live.h - the live appliance's decisions, in one module: events in, a model
 * out (STYLE.md, "A live app whose decisions can be tested").
 *
 * The loop (app.c) reads the dock, the touchscreen, the signals and the
 * clocks; it hands each event to this module as a plain call with the
 * monotonic instant it happened at, asks live_tick() what is due and when
 * the next thing will be, and draws live_model() when live_generation()
 * moved. This module never reads a clock, never polls and never touches
 * SDL, so every rule of the live display is a unit test with plain numbers
 * (tests/test_live.c).
 *
 * It owns: the store (opened, and reopened after a fault), the engine
 * (every write goes through it: sessions, walks, hugs, taps, the review's
 * marks), the events held while the wall clock is untrusted (SPEC §1), the
 * undo list, the hug timer, the walk in progress, the review's state, the
 * screen shown, the night and the banners.
 *
 * Instants: MONO arguments are CLOCK_MONOTONIC milliseconds and never go
 * backwards. Once the wall clock is trusted the module fixes
 * offset = wall - mono and dates everything wall = mono + offset.
 */
#ifndef FT_LIVE_H
#define FT_LIVE_H

#include "clocktrust.h"
#include "common.h"
#include "config.h"
#include "model.h"

struct live;

/* A new module for the store at DB_PATH (opened by the first live_tick);
 * NULL when memory ran out. CFG must outlive it. */
struct live *live_new(const struct ft_config *cfg, const char *db_path);
/* Frees everything (the store closed); call live_stop() first to save. */
void live_free(struct live *l);

/* --- events in ------------------------------------------------------------ */

/* What the loop knows of the wall clock at MONO (clocktrust_probe()); the
 * module adds the last instant stored and decides whether to trust it. */
void live_clock(struct live *l, const struct clocktrust_facts *f, ft_ms mono);
/* Whether the wall clock is trusted (then live_clock() need not be called). */
bool live_trusted(const struct live *l);
/* The dock's first reading: LEVELS (nslots raw levels) as read at MONO.
 * Until it comes the dock's levels are unknown (SPEC §2.9). */
void live_dock_levels(struct live *l, const int *levels, ft_ms mono);
/* A raw level of SLOT (from 1) seen at MONO. */
void live_dock(struct live *l, int slot, int level, ft_ms mono);
/* A finger down (or up) anywhere: the screen wakes, a chosen screen stays.
 * False when the screen was hidden (dimmed by the backlight): that touch
 * only wakes it, since nobody could see what they touched. */
bool live_touch(struct live *l, ft_ms mono);
/* The screen wakes (full brightness) without a touch: at start. Unlike a
 * touch it chooses nothing, so a meal in progress shows at once. */
void live_wake(struct live *l, ft_ms mono);
/* Whether dimming hides the screen: a backlight that obeys. Without one
 * only the dark theme dims, everything stays visible, a touch acts at once. */
void live_set_dim_hides(struct live *l, bool hides);
/* A tap on a target (ARG as the target's). */
void live_action(struct live *l, enum ui_action action, int arg, ft_ms mono);
/* A finger on (DOWN) or off the place that opens the settings: held for
 * LIVE_SETTINGS_HOLD, the settings screen comes (a child tapping around
 * does not wander in). */
void live_settings_hold(struct live *l, bool down, ft_ms mono);
#define LIVE_SETTINGS_HOLD (2 * FT_SECOND)
/* The configuration without the display's settings (defaults and file), which
 * `Put back` returns a key to; by default the one live_new() was given. */
void live_set_base(struct live *l, const struct ft_config *base);
/* The effective configuration: what live_new() was given, with the settings
 * changed on the display since. Valid as long as L. */
const struct ft_config *live_config(const struct live *l);
/* A finger on the keyboard's keys (UI_KEYBOARD), down, moved or lifted at
 * (X, Y); KEYS is where the frame last drawn put them (ui_frame.keys). A
 * held letter opens its variants at the deadline live_tick returns; Done
 * checks the text and, when it passes, uses it (whom a call was to, a
 * slot's name stored as `settings set dock.names` would store it). */
enum live_keys_phase { LIVE_KEYS_DOWN, LIVE_KEYS_MOVE, LIVE_KEYS_UP };
void live_keys(struct live *l, enum live_keys_phase phase, int x, int y,
	       const struct kbd_rect *keys, ft_ms mono);
/* A finger on (DOWN) or off one of the hug's circles, 0 or 1. */
void live_hold(struct live *l, int circle, bool down, ft_ms mono);

/* Everything due at MONO (store retries, the clock, dock timers, grace,
 * the hug's end, the report, the night, the screen to show). Returns the
 * next monotonic instant something will be due (the loop sleeps until
 * then unless an event comes first), never FT_MS_NEVER. */
ft_ms live_tick(struct live *l, ft_ms mono);

/* Stopping (SIGTERM) at MONO: the engine brought to MONO, the open session
 * and the clock saved. False with ERR saying what was not saved. */
bool live_stop(struct live *l, ft_ms mono, struct ft_error *err);

/* --- the model out --------------------------------------------------------- */

/* Changes whenever what the screen shows may have changed. */
unsigned live_generation(const struct live *l);
/* What the screens show at MONO. Strings in M point into L and stay valid
 * until the next call on L. */
void live_model(struct live *l, ft_ms mono, struct ui_model *m);
enum ui_screen live_screen(const struct live *l);
/* Night and not woken lately: the backlight goes down. */
bool live_dimmed(const struct live *l, ft_ms mono);
/* The instant shown now: wall = mono + offset once trusted, else the last
 * wall clock the loop reported. */
ft_ms live_now(const struct live *l, ft_ms mono);

/* --- the rules it is made of, pure (src/live_state.c) --------------------- */

/* What the display says of a store's failure MSG: its cause alone ("the
 * disk is full"), without the file's path PATH in front and the call in
 * parentheses after it, which are for the journal. Into OUT (SIZE bytes);
 * a message of another shape is copied whole. */
void live_fault_cause(const char *msg, const char *path, char *out, size_t size);

/* The review comes up by itself from [review] day and time until the end of
 * that week, unless the week was reviewed or the review dismissed. NOW is a
 * wall instant; DISMISSED_WEEK is the week it was last dismissed (or
 * INT64_MIN). */
bool live_review_due(const struct ft_config *cfg, ft_ms now, bool reviewed,
		     int64_t dismissed_week);

/* The week the review offers at NOW (the one its buttons mark): this
 * week from the review's day and time on; before that, last week while it
 * is not reviewed (LAST_REVIEWED) and not before FIRST_WEEK (the first week
 * with anything logged); else this week. */
int64_t live_review_offered(const struct ft_config *cfg, ft_ms now, bool last_reviewed,
			    int64_t first_week);
/* The review's arrows: from SHOWN a week earlier (DIR -1) or later (+1),
 * never before FIRST_WEEK nor after the week of NOW (the one in progress). */
int64_t live_review_step(int64_t shown, int dir, int64_t first_week, ft_ms now);

/* The meal screen's status from what M already holds (slot_in,
 * session_open, session_start) at NOW: how many phones are docked, and
 * what the session would be if it ended at the earliest instant it can
 * count, max(now, start + min_duration) (SPEC §2.7), so "counts" is never
 * said of phones down outside the windows or left charging. The live
 * display and `screenshot` both fill the meal screen this way. */
void live_meal_status(const struct ft_config *cfg, ft_ms now, struct ui_model *m);

/* Which screen shows when nobody chose one: a running hug stays; a screen
 * the family chose stays while they use it (USER_ACTIVE), and the
 * first-boot walk-through for as long as it is up; then the review
 * when due, the meal while phones are docked, a walk in progress, and the
 * glance. */
struct live_pick {
	enum ui_screen current;
	bool user_active;             /* touched within the last two minutes */
	bool hug_running;
	bool review_due;
	bool session_open;
	bool walk_open;
	bool firstboot;                   /* the first-boot walk-through is up: it stays */
};
enum ui_screen live_pick_screen(const struct live_pick *p);

/* The hug timer (SPEC §3 [hug] duration). Two ways to run it: a tap on the
 * ring starts, pauses and goes on; or two people each hold a circle, and it
 * runs only while both hold (one lets go: it pauses, and goes on when both
 * hold again). It logs one hug when it runs to the end. */
struct live_hug {
	enum ui_hug_state state;
	ft_ms duration;               /* [hug] duration */
	ft_ms left;                   /* what is left, while not running */
	ft_ms end;                    /* mono instant it completes, while running */
	bool by_hold;                 /* running because both circles are held */
	bool hold[2];                 /* a finger on each circle */
};

void live_hug_init(struct live_hug *h, ft_ms duration);
/* A tap on the ring: start (again after a hug), pause, go on. */
void live_hug_tap(struct live_hug *h, ft_ms mono);
/* A finger down on (or lifted off) CIRCLE, 0 or 1. */
void live_hug_hold(struct live_hug *h, int circle, bool down, ft_ms mono);
/* True exactly once, at the first call at or after the end of a run, when
 * the hug is to be logged (the state is then DONE). */
bool live_hug_tick(struct live_hug *h, ft_ms mono);
/* What the countdown shows at MONO (0 when done). */
ft_ms live_hug_left(const struct live_hug *h, ft_ms mono);
/* Back to idle (left the screen, or the logged hug was undone); a running
 * hug is not stopped this way. */
void live_hug_reset(struct live_hug *h);

/* The value a step on settings row ROW gives: DIR -1 or +1 (for the
 * language, the option's index), as the file would hold it, into VALUE.
 * False at the end of a range (no goal of 0). */
bool live_setting_step(const struct ft_config *cfg, enum ui_setting row, int dir, char *value,
		       size_t size);

/* First boot (issue 11, point 3; README, "Rules where SPEC.md is silent"):
 * no slot of the dock has a name (neither the file nor the display gave
 * one), the display made no setting (DISPLAY_SETTINGS stored in the
 * database), and nothing was ever logged (LOGGED: a session, a walk, a hug
 * or a tap). Then the walk-through comes up by itself. */
bool live_first_boot(const struct ft_config *cfg, int display_settings, bool logged);

/* The walk-through's proposals, pure (src/live_state.c). */
struct zones;
/* Its step number for screen S, as "Step 2 of 5" says (0: not a step). */
int live_firstboot_step_number(enum ui_screen s);
/* The rituals step's proposal into U: the family's own rituals first (kept),
 * then suggestions (a Sunday dinner within a meal window, a Saturday walk,
 * a weekly call) of the kinds they have none of, up to three, kept only
 * when the family had no ritual. Returns how many are the family's own. */
int live_firstboot_rituals(const struct ft_config *cfg, struct ui_firstboot *u);
/* How many regions (REGION < 0) or cities of region number REGION there
 * are; the first city's index into z->names in *FIRST. */
int live_firstboot_zones_count(const struct zones *z, int region, int *first);
/* The page of time zones from FIRST into U: the regions (REGION < 0), or
 * region number REGION's cities. */
void live_firstboot_zones_page(const struct zones *z, int region, int first,
			       struct ui_firstboot *u);
/* The first of the page of region REGION's cities that holds ZONE (0 when
 * it is not one of them): the zone in effect shows first. */
int live_firstboot_zone_page(const struct zones *z, int region, const char *zone);

/* [display] night: whether NOW (wall) falls in the night range, which may
 * wrap midnight (22:00-06:30) or not (13:00-15:00); the end is not in it. */
bool live_night_at(const struct ft_config *cfg, ft_ms now);

/* Undo: every logged action can be taken back for ten minutes. */
#define LIVE_UNDO_WINDOW (10 * FT_MINUTE)
#define LIVE_UNDO_MAX 16

enum live_undo_kind {
	LIVE_UNDO_ROW,                /* a store row: kind + id */
	LIVE_UNDO_HELD,               /* an event held until the clock is trusted */
	LIVE_UNDO_AWAY,               /* a week marked away: unmark it */
};

/* What an entry takes back, as its button says it: the button is worded
 * from it each time it is drawn (live_undo_label), in the language of the
 * moment, since one may be chosen within the ten minutes. */
enum live_undo_what {
	LIVE_UNDO_MEAL,               /* "meal 19:05": when it ended */
	LIVE_UNDO_HUG,                /* "hug 19:05": when it was logged */
	LIVE_UNDO_CALL,
	LIVE_UNDO_WALK,
	LIVE_UNDO_AWAY_WEEK,          /* "away week", no time */
};

struct live_undo_entry {
	enum live_undo_kind kind;
	int store_kind;               /* enum store_kind, for LIVE_UNDO_ROW */
	int64_t id;                   /* the row, or the week for LIVE_UNDO_AWAY */
	unsigned hold_seq;            /* LIVE_UNDO_HELD */
	ft_ms mono;                   /* when it was logged, monotonic */
	/* its button and its question, worded when shown: */
	enum live_undo_what what;     /* what, */
	ft_ms at;                     /* when (wall), */
	int from;                     /* LIVE_UNDO_CALL: the slot that called (0: not said) */
	char to[FT_NAME_MAX];         /* and whom */
};

struct live_undo {
	struct live_undo_entry entries[LIVE_UNDO_MAX];
	int n;
};

/* Oldest entries fall off when full. */
void live_undo_push(struct live_undo *u, const struct live_undo_entry *e);
/* The newest entry still within LIVE_UNDO_WINDOW at NOW_MONO (older ones
 * are dropped), or NULL. */
const struct live_undo_entry *live_undo_latest(struct live_undo *u, ft_ms now_mono);
/* Removes the newest entry (after it was applied or held back). */
void live_undo_pop(struct live_undo *u);
/* "Undo hug 19:05" for E, in the language of the moment, into OUT. */
void live_undo_label(const struct live_undo_entry *e, char *out, size_t size);
/* A held event was replayed and got its row: its entry now undoes the row. */
void live_undo_held_logged(struct live_undo *u, unsigned hold_seq, int store_kind, int64_t id);

#endif
