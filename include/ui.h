/*
 * ui.h - the table display's screens: what they show (struct ui_model), how
 * they are laid out (struct ui_frame, a list of boxes with measured text) and
 * how a frame is drawn (struct ui_draw, SDL2 + SDL2_ttf).
 *
 * Layout and drawing are split on purpose: ui_layout() turns a model into a
 * frame of plain boxes, each text with the size it was fitted at and its
 * measured extent, and each touch target with its action. Tests check the
 * frame (no text leaves its box, targets big enough, figures big enough) at
 * every size without a screen; ui_draw_frame() draws the same frame for the
 * live display and for `screenshot`, so both show exactly the same thing.
 */
#ifndef FT_UI_H
#define FT_UI_H

#include <SDL.h>
#include <SDL_ttf.h>

#include "common.h"
#include "config.h"
#include "log.h"
#include "report.h"

enum ui_screen { UI_GLANCE, UI_MEAL, UI_WALK, UI_HUG, UI_REVIEW, UI_SCREEN_COUNT };
extern const char *const ui_screen_names[UI_SCREEN_COUNT]; /* "glance", ... */
bool ui_screen_parse(const char *name, enum ui_screen *out);

enum ui_hug_state { UI_HUG_IDLE, UI_HUG_RUNNING, UI_HUG_PAUSED, UI_HUG_DONE };

/* What asks for a confirmation before it happens. */
enum ui_confirm { UI_CONFIRM_NONE, UI_CONFIRM_UNDO, UI_CONFIRM_AWAY };

#define UI_MAX_BANNERS FAULT_COUNT

/* Everything the screens show. The app fills it from the report and the
 * live engine; tests fill it by hand or from a scenario-built store. */
struct ui_model {
	const struct ft_config *cfg;
	const struct report *report;  /* the week of `now`; NULL: not available */
	ft_ms now;                    /* shown as the time and date */
	bool night;                   /* dark theme */
	/* meal: a session in progress */
	bool session_open;
	ft_ms session_start;
	bool slot_in[FT_MAX_SLOTS];   /* debounced, per slot (index slot-1) */
	/* walk */
	bool walk_open;
	ft_ms walk_start;
	ft_ms walk_done_length;       /* the walk just stopped, -1: none */
	/* hug */
	enum ui_hug_state hug_state;
	ft_ms hug_left;               /* of cfg->hug */
	bool hug_hold[2];             /* a finger on each circle */
	/* review */
	bool reviewed;                /* this week was marked reviewed */
	bool next_away;               /* next week is marked away */
	bool rituals_confirmed;       /* next week's rituals confirmed */
	/* overlays */
	const char *banners[UI_MAX_BANNERS]; /* faults to show, calm */
	int nbanners;
	const char *undo_label;       /* "Undo hug 19:05"; NULL: nothing to undo */
	enum ui_confirm confirm;
	const char *confirm_text;     /* the question asked */
};

/* What a touch target does. */
enum ui_action {
	UI_ACT_NONE,
	UI_ACT_GO_GLANCE, UI_ACT_GO_WALK, UI_ACT_GO_HUG, UI_ACT_GO_REVIEW,
	UI_ACT_WALK_START, UI_ACT_WALK_STOP,
	UI_ACT_HUG_TOGGLE,            /* start or pause by one tap */
	UI_ACT_HUG_HOLD,              /* arg: circle 0 or 1, held while pressed */
	UI_ACT_CALL_DONE,             /* a `call` ritual kept: a tap */
	UI_ACT_REVIEW_DONE, UI_ACT_REVIEW_AWAY, UI_ACT_REVIEW_RITUALS, UI_ACT_REVIEW_CLOSE,
	UI_ACT_UNDO,                  /* asks first */
	UI_ACT_CONFIRM_YES, UI_ACT_CONFIRM_NO,
};

struct ui_rect {
	int x, y, w, h;
};

enum ui_color {
	UI_C_BG, UI_C_CARD, UI_C_INK, UI_C_INK_DIM, UI_C_LINE,
	UI_C_MEAL, UI_C_MEAL_SOFT, UI_C_WALK, UI_C_WALK_SOFT, UI_C_HUG, UI_C_HUG_SOFT,
	UI_C_BUTTON, UI_C_PRIMARY, UI_C_ON_PRIMARY, UI_C_BANNER, UI_C_ON_BANNER,
	UI_C_SCRIM, UI_C_TODAY,
	UI_C_COUNT
};

enum ui_item_kind { UI_ITEM_RECT, UI_ITEM_TEXT, UI_ITEM_RING, UI_ITEM_DISC };

#define UI_TEXT_BOLD 1u
#define UI_TEXT_LEFT 2u        /* else centred */
#define UI_TEXT_RIGHT 4u
#define UI_TEXT_FIGURE 8u      /* a main figure: big enough to read across the room */
#define UI_TEXT_MAX 160

struct ui_item {
	enum ui_item_kind kind;
	struct ui_rect box;        /* text: the box it must stay in */
	enum ui_color color;
	int radius;                /* rect: corner radius; ring: thickness */
	float fraction;            /* ring: how much of it is drawn, 0..1 */
	/* text */
	char text[UI_TEXT_MAX];    /* UTF-8, maybe shortened with an ellipsis */
	unsigned flags;
	int px;                    /* font size it was fitted at */
	int text_w, text_h;        /* measured at px: within box */
	bool shortened;            /* it did not fit even at the smallest size */
};

struct ui_target {
	struct ui_rect box;
	enum ui_action action;
	int arg;
};

#define UI_MAX_ITEMS 400
#define UI_MAX_TARGETS 24

struct ui_frame {
	int w, h;
	float scale;               /* 1 at 800x480 */
	enum ui_screen screen;
	struct ui_item items[UI_MAX_ITEMS];
	int nitems;
	bool overflow;             /* more items than fit: a layout bug */
	struct ui_target targets[UI_MAX_TARGETS];
	int ntargets;
};

/* Fonts from fonts-dejavu-core, opened per size and kept. */
struct ui_fonts;
struct ui_fonts *ui_fonts_open(struct ft_error *err);
void ui_fonts_close(struct ui_fonts *f);
TTF_Font *ui_font(struct ui_fonts *f, int px, bool bold);
/* The smallest text the layout may use at scale 1 (and scaled). */
#define UI_MIN_TEXT_PX 13

/* Lays out SCREEN for a W x H picture (before any rotation). */
void ui_layout(struct ui_fonts *fonts, const struct ui_model *m, enum ui_screen screen,
	       int w, int h, struct ui_frame *out);
/* The target under logical point (X, Y), or NULL. Later targets win
 * (a confirmation covers what is under it). */
const struct ui_target *ui_hit(const struct ui_frame *f, int x, int y);

/* Drawing. A ui_draw keeps the renderer's cached text textures. */
struct ui_draw;
struct ui_draw *ui_draw_create(SDL_Renderer *r, struct ui_fonts *fonts);
void ui_draw_destroy(struct ui_draw *d);
/* Draws F into the current render target, theme by NIGHT. */
void ui_draw_frame(struct ui_draw *d, const struct ui_frame *f, bool night);
/* How many text textures were made so far (the cache's misses). */
unsigned long ui_draw_text_renders(const struct ui_draw *d);
SDL_Color ui_color(enum ui_color c, bool night);

/* Lays out and draws SCREEN headless (software renderer into a surface),
 * the way `screenshot` does; FRAME (may be NULL) gets the layout. The caller
 * frees the surface. */
SDL_Surface *ui_render_surface(struct ui_fonts *fonts, const struct ui_model *m,
			       enum ui_screen screen, int w, int h, struct ui_frame *frame);

/* Rotation (SPEC §6 [display] rotation, clockwise): the logical size for a
 * physical W x H panel, the picture turned onto it, and touches turned back. */
void ui_logical_size(int rotation, int phys_w, int phys_h, int *w, int *h);
/* Copies TEXTURE (logical size) onto the current target, turned by ROTATION. */
void ui_present_rotated(SDL_Renderer *r, SDL_Texture *texture, int rotation,
			int phys_w, int phys_h);
/* A physical point (pixels, may be fractional) to logical pixels. */
void ui_touch_to_logical(int rotation, int phys_w, int phys_h, float px, float py,
			 int *lx, int *ly);

/* Languages: gettext, domain "familytable". LANGUAGE is "en", "fr" or ""
 * (the locale's). Looks for the catalogues next to the program (the build
 * dir), then in FT_DATADIR/../locale. */
void ui_i18n_init(const char *language);
const char *ui_weekday_short(int weekday);  /* 0 = Monday */
const char *ui_weekday_long(int weekday);
const char *ui_month_long(int month);       /* 1..12 */
const char *ui_meal_kind(const char *kind); /* "dinner" -> "Dinner" / "Dîner" */

/* The review comes up by itself from [review] day and time until the end of
 * that week, unless the week was reviewed or the review dismissed. NOW is a
 * wall instant; DISMISSED_WEEK is the week it was last dismissed (or
 * INT64_MIN). */
bool ui_review_due(const struct ft_config *cfg, ft_ms now, bool reviewed,
		   int64_t dismissed_week);

/* Which screen shows when nobody chose one: a running hug stays; a screen
 * the family chose stays while they use it (USER_ACTIVE); then the review
 * when due, the meal while phones are docked, a walk in progress, and the
 * glance. */
struct ui_pick {
	enum ui_screen current;
	bool user_active;             /* touched within the last two minutes */
	bool hug_running;
	bool review_due;
	bool session_open;
	bool walk_open;
};
enum ui_screen ui_pick_screen(const struct ui_pick *p);

/* The hug timer (SPEC §3 [hug] duration, issue point 2). Two ways to run it:
 * a tap on the ring starts, pauses and goes on; or two people each hold a
 * circle, and it runs only while both hold (one lets go: it pauses, and goes
 * on when both hold again). It logs one hug when it runs to the end. Times
 * are monotonic milliseconds passed in, so tests state the rules plainly;
 * app.c feeds it the fingers and logs the hug ui_hug_tick() reports. */
struct ui_hug {
	enum ui_hug_state state;
	ft_ms duration;               /* [hug] duration */
	ft_ms left;                   /* what is left, while not running */
	ft_ms end;                    /* mono instant it completes, while running */
	bool by_hold;                 /* running because both circles are held */
	bool hold[2];                 /* a finger on each circle */
};

void ui_hug_init(struct ui_hug *h, ft_ms duration);
/* A tap on the ring: start (again after a hug), pause, go on. */
void ui_hug_tap(struct ui_hug *h, ft_ms mono);
/* A finger down on (or lifted off) CIRCLE, 0 or 1. */
void ui_hug_hold(struct ui_hug *h, int circle, bool down, ft_ms mono);
/* Call at each frame: true exactly once, at the first call at or after the
 * end of a run, when the hug is to be logged (the state is then DONE). */
bool ui_hug_tick(struct ui_hug *h, ft_ms mono);
/* What the countdown shows at MONO (0 when done). */
ft_ms ui_hug_left(const struct ui_hug *h, ft_ms mono);
/* Back to idle (left the screen, or the logged hug was undone); a running
 * hug is not stopped this way. */
void ui_hug_reset(struct ui_hug *h);

/* [display] night: whether NOW (wall) falls in the night range, which may
 * wrap midnight (22:00-06:30) or not (13:00-15:00); the end is not in it. */
bool ui_night_at(const struct ft_config *cfg, ft_ms now);

/* Undo: every logged action can be taken back for ten minutes. */
#define UI_UNDO_WINDOW (10 * FT_MINUTE)
#define UI_UNDO_MAX 16

enum ui_undo_kind {
	UI_UNDO_ROW,                  /* a store row: kind + id */
	UI_UNDO_HELD,                 /* an event held until the clock is trusted */
	UI_UNDO_AWAY,                 /* a week marked away: unmark it */
};

struct ui_undo_entry {
	enum ui_undo_kind kind;
	int store_kind;               /* enum store_kind, for UI_UNDO_ROW */
	int64_t id;                   /* the row, or the week for UI_UNDO_AWAY */
	unsigned hold_seq;            /* UI_UNDO_HELD */
	ft_ms mono;                   /* when it was logged, monotonic */
	char label[64];               /* "hug 19:05", shown on the button */
	char question[160];           /* asked before it is removed */
};

struct ui_undo {
	struct ui_undo_entry entries[UI_UNDO_MAX];
	int n;
};

/* Oldest entries fall off when full. */
void ui_undo_push(struct ui_undo *u, const struct ui_undo_entry *e);
/* The newest entry still within UI_UNDO_WINDOW at NOW_MONO (older ones are
 * dropped), or NULL. */
const struct ui_undo_entry *ui_undo_latest(struct ui_undo *u, ft_ms now_mono);
/* Removes the newest entry (after it was applied or held back). */
void ui_undo_pop(struct ui_undo *u);
/* A held event was replayed and got its row: its entry now undoes the row. */
void ui_undo_held_logged(struct ui_undo *u, unsigned hold_seq, int store_kind, int64_t id);

/* The live app (app.c), driven by tests: the same state, actions, event
 * handling and loop step as `familytable run`, without a window and on a
 * monotonic clock the test moves. The panel is a software-rendered surface;
 * input is real SDL events the test pushes (SDL_FINGERDOWN with coordinates
 * normalised to the panel, SDL_KEYDOWN for the keys dock). Not used by
 * `run` itself. */
struct app;
struct app_test_options {
	const char *db_path;
	const char *dock;             /* "keys" or "none" */
	const char *backlight_dir;    /* stands for /sys/class/backlight; NULL: none */
	int width, height;            /* the panel */
	ft_ms wall;                   /* the wall clock (trusted) when the test starts */
};
struct app *app_test_open(const struct ft_config *cfg, const struct app_test_options *o,
			  struct ft_error *err);
/* Moves the test's monotonic clock (and so the wall clock) forward. */
void app_test_advance(struct app *a, ft_ms ms);
/* One turn of the run loop: the queued SDL events, then whatever is due
 * (hug ends, night, the report, drawing). */
void app_test_step(struct app *a);
ft_ms app_test_now(const struct app *a);                 /* the wall instant */
enum ui_screen app_test_screen(const struct app *a);
const struct ui_frame *app_test_frame(const struct app *a); /* as last drawn */
const struct ui_hug *app_test_hug(const struct app *a);
SDL_Surface *app_test_panel(const struct app *a);        /* what the panel shows */
bool app_test_dark(const struct app *a);                 /* drawn in the dark theme */
/* Shuts down as `run` does on SIGTERM (the engine closed, the backlight
 * given back), then frees everything. */
void app_test_close(struct app *a);

#endif
