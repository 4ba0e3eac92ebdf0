/*
 * model.h - what the table display shows, and what a touch on it asks for,
 * with no SDL in sight: the contract between the decision module (live.h),
 * which fills a struct ui_model, and the screens (ui.h), which lay it out.
 *
 * The model is a plain value: every field is something a family sees. The
 * screens never decide (no clock read, no store query); they format.
 */
#ifndef FT_MODEL_H
#define FT_MODEL_H

#include "common.h"
#include "config.h"
#include "keyboard.h"
#include "log.h"
#include "report.h"
#include "session.h"

enum ui_screen { UI_GLANCE, UI_MEAL, UI_WALK, UI_HUG, UI_REVIEW, UI_SETTINGS, UI_FIXES,
		 UI_CALL_WHO, UI_CALL_WHOM, /* a call: who called, then whom */
		 UI_KEYBOARD,               /* a name typed: whom a call was to, a phone's */
		 UI_FAMILY,                 /* the dock's names, set by docking each phone */
		 UI_TOGETHER,              /* the review's bonds and calls */
		 UI_YEAR,                  /* the review's year: weeks as cells */
		 /* the first-boot walk-through (issue 11, point 3), a screen a step */
		 UI_FIRSTBOOT_LANGUAGE, UI_FIRSTBOOT_REGION, UI_FIRSTBOOT_CITY, UI_FIRSTBOOT_FAMILY,
		 UI_FIRSTBOOT_GOALS, UI_FIRSTBOOT_RITUALS,
		 /* the settings beyond the first screen (issue 11, point 1) */
		 UI_RITUALS, UI_RITUAL,       /* the rituals; one being changed */
		 UI_WINDOWS, UI_WINDOW,       /* the meal windows; one being changed */
		 UI_SCREEN_CLOCK,             /* language, night, time zone, rotation */
		 UI_ZONE_REGION, UI_ZONE_CITY, /* a time zone: its region, then its city */
		 UI_ADD_WALK,                 /* a walk added after the fact */
		 UI_SCREEN_COUNT };
extern const char *const ui_screen_names[UI_SCREEN_COUNT]; /* "glance", ... */
bool ui_screen_parse(const char *name, enum ui_screen *out);

/* The rows of the settings screen: the family's settings it changes (SPEC
 * §6), each one key of the configuration, stored as if set with
 * `familytable settings set`. */
enum ui_setting { UI_SET_MEAL_GOAL, UI_SET_WALK_GOAL, UI_SET_REVIEW_DAY, UI_SET_REVIEW_TIME,
		  UI_SET_LANGUAGE, UI_SET_COUNT };
extern const char *const ui_setting_keys[UI_SET_COUNT]; /* "meal.weekly_goal", ... */
/* The languages the settings screen offers, in its order. */
extern const char *const ui_setting_languages[2];       /* "en", "fr" */
/* The meal windows' names offered (the kinds ui_meal_kind translates). */
#define UI_WINDOW_NAMES 6
extern const char *const ui_window_names[UI_WINDOW_NAMES]; /* "breakfast", ... */
/* The labels suggested for a ritual of each kind (enum ft_ritual_kind),
 * in English: gettext() gives the family's language. */
#define UI_RITUAL_LABELS 3
extern const char *const ui_ritual_labels[3][UI_RITUAL_LABELS];

/* Names in the family's language (src/ui_i18n.c, no SDL): the decision
 * module words its questions with them too. */
const char *ui_weekday_short(int weekday);  /* 0 = Monday */
const char *ui_weekday_long(int weekday);
const char *ui_month_long(int month);       /* 1..12 */
const char *ui_month_short(int month);      /* "Dec", "déc." */
const char *ui_meal_kind(const char *kind); /* "dinner" -> "Dinner" / "Dîner" */
const char *ui_meal_kind_lower(const char *kind); /* in a sentence: "dinner" / "dîner" */
/* The language the display speaks ("en", "fr"): the one gettext chose, from
 * [display] language or, unset, from the locale. The keyboard's letters
 * follow it. */
const char *ui_i18n_language(void);
/* A message in a context, for an English word that needs two translations
 * ("More" under a list of rituals, masculine in French, and under one of
 * cities, feminine): the catalogue's msgctxt CONTEXT, msgid S; the English
 * S when it has none. xgettext finds it with -kC_:1c,2. */
const char *ui_i18n_pgettext(const char *context_and_id, const char *msgid);
#define C_(context, s) ui_i18n_pgettext(context "\004" s, s)

/* An entry of the last four weeks, on the corrections screen. */
struct ui_fix_entry {
	ft_ms start, end;            /* a hug's or a tap's instant twice */
	char record[16];             /* meal, phones-down, short, left-docked, walk, hug, tap */
	char detail[24];             /* a meal's window, a tap's kind */
	char call_from[FT_NAME_MAX]; /* a call: who called (a dock name), "" when not said */
	char call_to[FT_NAME_MAX];   /* and whom, "" when not said */
};

/* The settings of issue 11, point 1, that the family edits as a whole (a
 * ritual, a meal window) or picks from a list (a time zone): what is being
 * edited, stored only when saved. */
struct ui_setup {
	struct ft_ritual ritual;     /* the ritual being changed (a copy) */
	int ritual_index;            /* which one; cfg->nrituals: a new one */
	struct ft_window window;     /* the meal window being changed (a copy) */
	int window_index;            /* which one; cfg->nwindows: a new one */
	const char *refused;         /* why the last change was refused; NULL: none */
	/* the time zone picker: the regions, or the region's cities */
	const char *const *zones;    /* region names, or the region's zones ("Europe/Paris") */
	int nzones;
	const char *zone_region;     /* the region chosen ("Europe"); NULL: choosing it */
	int first;                   /* the first ritual, window or zone shown (paging) */
};

enum ui_hug_state { UI_HUG_IDLE, UI_HUG_RUNNING, UI_HUG_PAUSED, UI_HUG_DONE };

/* What the meal screen says about the phones docked (SPEC §2.7 applied to
 * the session as it is now). */
enum ui_meal_status {
	UI_MEAL_NONE,                 /* no phone docked, no session */
	UI_MEAL_WAITING,              /* fewer than min_phones, no session: "1 of 2 phones" */
	UI_MEAL_WILL_COUNT,           /* a meal once it lasts min_duration */
	UI_MEAL_COUNTS,               /* a meal already */
	UI_MEAL_NOT_MEAL_TIME,        /* phones down, but no meal window holds it */
	UI_MEAL_CHARGING,             /* past max_duration: phones left charging */
	UI_MEAL_ENDED,                /* it just ended: how (ended_*) */
};

/* What asks for a confirmation before it happens. */
enum ui_confirm { UI_CONFIRM_NONE, UI_CONFIRM_UNDO, UI_CONFIRM_AWAY, UI_CONFIRM_REMOVE,
		  UI_CONFIRM_WALK_MISTAKE, /* a walk stopped within a minute of its start */
		  UI_CONFIRM_RITUAL_REMOVE, UI_CONFIRM_WINDOW_REMOVE, /* the one being changed */
		  UI_CONFIRM_REMOVE_NAME /* a phone's name taken away */ };

#define UI_CALL_NAMES 8               /* "whom": the names called before, shown */

/* What the keyboard types. */
/* what the keyboard types: a call's whom, a slot's name, the label of
 * the ritual being changed (the rituals' screen) */
enum ui_kbd_for { UI_KBD_CALL_TO, UI_KBD_SLOT_NAME, UI_KBD_RITUAL_LABEL };

#define UI_MAX_BANNERS FAULT_COUNT

/* The first-boot walk-through (issue 11, point 3): language, time zone
 * (region, then city), the family's names by docking, the goals, three
 * rituals. Each step writes its choice as the settings screen would, or
 * nothing when skipped. */
#define UI_FIRSTBOOT_STEPS 5              /* as told to the family: the zone is one */
#define UI_FIRSTBOOT_ZONES_PAGE 12        /* regions or cities shown at once */
#define UI_FIRSTBOOT_RITUALS_N 3          /* the rituals suggested */

struct ui_firstboot {
	bool on;                      /* the walk-through is up */
	bool again;                   /* asked for from the settings ("Set up again") */
	int step;                     /* 1..UI_FIRSTBOOT_STEPS, as "Step 2 of 5" says */
	/* the time zone: the regions, then the region's cities, a page at a
	 * time; the zone in effect is the suggestion */
	/* what this page shows: regions ("Europe") or zones ("Europe/Paris",
	 * drawn as zones_city names them, as the settings' picker does) */
	const char *zones[UI_FIRSTBOOT_ZONES_PAGE];
	int nzones;                   /* on this page */
	bool zones_before, zones_after; /* pages before and after this one */
	int zone_on;                  /* which of them holds the zone in effect, -1 */
	const char *region;           /* the region chosen (the cities' step) */
	const char *zone;             /* the zone in effect: "Europe/Paris", "" */
	/* the goals and the rituals proposed, written by Next */
	int meal_goal, walk_goal;
	struct ft_ritual rituals[UI_FIRSTBOOT_RITUALS_N];
	bool ritual_on[UI_FIRSTBOOT_RITUALS_N];
	int nrituals;
};

/* Everything the screens show. The decision module fills it (live_model);
 * `screenshot` fills it from the store alone; tests fill it by hand. */
struct ui_model {
	const struct ft_config *cfg;
	const struct report *report;  /* the week of `now`; NULL: not available */
	ft_ms now;                    /* shown as the time and date */
	bool night;                   /* dark theme */
	/* meal: a session in progress */
	bool session_open;
	ft_ms session_start;
	bool slot_in[FT_MAX_SLOTS];   /* debounced, per slot (index slot-1) */
	int docked;                   /* how many are in */
	enum ui_meal_status meal_status;
	char meal_kind[16];           /* the window's kind ("dinner") it counts as */
	bool dipping;                 /* fewer than min_phones in a session: */
	ft_ms dip_left;               /* what is left of grace before it ends */
	ft_ms dip_start;              /* when they came out: the session's end if
	                               * they stay out, so what it counts up to */
	struct session ended;         /* UI_MEAL_ENDED: the session, classified */
	/* walk */
	bool walk_open;
	ft_ms walk_start;
	ft_ms walk_done_length;       /* the walk just stopped, -1: none */
	/* hug */
	enum ui_hug_state hug_state;
	ft_ms hug_left;               /* of cfg->hug */
	bool hug_hold[2];             /* a finger on each circle */
	/* review: the week it shows (review_week), its report (NULL: the
	 * week of `now`, m->report), and the marks as the store holds them */
	const struct report *review;
	int64_t review_week;
	bool review_offered;          /* the week up for review: its buttons act */
	int64_t review_offered_week;  /* where "back" goes from an earlier week */
	bool review_earlier, review_later; /* the arrows: a week to go to */
	bool reviewed;                /* the week shown was marked reviewed */
	bool next_away;               /* the week after it is marked away */
	bool rituals_confirmed;       /* the week after it: rituals confirmed */
	/* corrections: the last four weeks' entries, newest first */
	const struct ui_fix_entry *fixes;
	int nfixes;
	int fix_first;                /* the first one shown (paging) */
	bool week_away;               /* this week is marked away */
	ft_ms fix_walk_start;         /* the walk to add (its day, then its time) */
	ft_ms fix_walk_length;
	const char *fix_undo_label;   /* "Undo: removed dinner"; NULL: nothing */
	/* overlays */
	const char *banners[UI_MAX_BANNERS]; /* faults to show, calm */
	int nbanners;
	const char *undo_label;       /* "Undo hug 19:05"; NULL: nothing to undo */
	enum ui_confirm confirm;
	const char *confirm_text;     /* the question asked */
	/* a call: the caller chosen (a slot, from 1; 0 while asking who), and
	 * whom they may have called: the names called before, latest first */
	int call_from;
	const char *call_names[UI_CALL_NAMES];
	int call_nnames;
	/* the keyboard (UI_KEYBOARD): its keys, its text, the variants open
	 * (NULL: not open); what it types; why the last text was refused
	 * (enum family_refusal, 0: it was not) */
	const struct kbd *kbd;
	enum ui_kbd_for kbd_for;
	int kbd_slot;                 /* UI_KBD_SLOT_NAME: the slot named */
	int kbd_refusal;
	/* the family (UI_FAMILY): asking for the phone to name to be docked;
	 * the slot just named (0: none), whose phone is still set aside */
	bool family_waiting;
	int family_named;
	bool family_aside;
	/* the first-boot walk-through */
	struct ui_firstboot firstboot;
	/* the settings beyond the first screen */
	struct ui_setup setup;
};

/* What a touch target does. */
enum ui_action {
	UI_ACT_NONE,
	UI_ACT_GO_GLANCE, UI_ACT_GO_WALK, UI_ACT_GO_HUG, UI_ACT_GO_REVIEW,
	UI_ACT_WALK_START, UI_ACT_WALK_STOP,
	UI_ACT_HUG_TOGGLE,            /* start or pause by one tap */
	UI_ACT_HUG_HOLD,              /* arg: circle 0 or 1, held while pressed */
	UI_ACT_REVIEW_DONE, UI_ACT_REVIEW_AWAY, UI_ACT_REVIEW_RITUALS, UI_ACT_REVIEW_CLOSE,
	UI_ACT_REVIEW_WEEK,           /* arg: -1 an earlier week, +1 a later one, 0 the one offered */
	UI_ACT_GO_TOGETHER,           /* the review's bonds and calls */
	UI_ACT_GO_YEAR,               /* the review's year */
	UI_ACT_UNDO,                  /* asks first */
	UI_ACT_SETTINGS_HOLD,         /* held for two seconds: the settings */
	UI_ACT_SETTING_LESS,          /* arg: the row (enum ui_setting) */
	UI_ACT_SETTING_MORE,
	UI_ACT_SETTING_CHOOSE,        /* arg: row * 8 + the option */
	UI_ACT_SETTING_RESET,         /* arg: the row: back to the file's value */
	UI_ACT_GO_FIXES,              /* the corrections */
	UI_ACT_FIX_AWAY,              /* this week away, or counted again */
	UI_ACT_FIX_WALK_STEP,         /* arg: 0 start earlier, 1 later, 2 shorter, 3 longer,
					 * 4 a day earlier, 5 a day later */
	UI_ACT_FIX_WALK_ADD,
	UI_ACT_FIX_REMOVE,            /* arg: the entry's index; asks first */
	UI_ACT_FIX_PAGE,              /* arg: how many entries on (older) or back */
	UI_ACT_FIX_UNDO,              /* the last correction made here */
	UI_ACT_CONFIRM_YES, UI_ACT_CONFIRM_NO,
	UI_ACT_GO_CALL,               /* a call to log: asks who called */
	UI_ACT_CALL_FROM,             /* arg: the caller's slot; then asks whom */
	UI_ACT_CALL_TO,               /* arg: which of call_names; logs the call */
	UI_ACT_CALL_SKIP,             /* logs the call without who and whom */
	UI_ACT_CALL_NEW,              /* whom: someone new, typed on the keyboard */
	UI_ACT_KBD_CANCEL,            /* the keyboard closed, nothing kept */
	UI_ACT_GO_SETTINGS,
	UI_ACT_GO_FAMILY,             /* the dock's names */
	UI_ACT_FAMILY_DOCK,           /* name a phone: asks for it to be docked */
	UI_ACT_FAMILY_CHANGE,         /* arg: the slot; its name on the keyboard */
	UI_ACT_FAMILY_REMOVE,         /* arg: the slot; its name taken away */
	UI_ACT_FAMILY_RESET,          /* the names back to the file's */
	/* the first-boot walk-through */
	UI_ACT_FIRSTBOOT_AGAIN,           /* from the settings: the walk-through again */
	UI_ACT_FIRSTBOOT_CHOOSE,          /* arg: the language, the region or the city
				       * (its index on the page): written, next step */
	UI_ACT_FIRSTBOOT_PAGE,            /* arg: +1 the next page of zones, -1 back */
	UI_ACT_FIRSTBOOT_GOAL,            /* arg: 0 fewer meals, 1 more, 2 fewer walks, 3 more */
	UI_ACT_FIRSTBOOT_RITUAL,          /* arg: the suggestion kept or left out */
	UI_ACT_FIRSTBOOT_NEXT,            /* the step's choice written, the next step */
	UI_ACT_FIRSTBOOT_SKIP,            /* the next step, nothing written */
	UI_ACT_FIRSTBOOT_BACK,            /* the step before */
	/* the settings beyond the first screen (issue 11, point 1) */
	UI_ACT_GO_SETUP,              /* arg: the screen (enum ui_screen) */
	UI_ACT_KEY_RESET,             /* arg: the key (config_key_find): Put back */
	UI_ACT_RITUAL_EDIT,           /* arg: the ritual, or nrituals for a new one */
	UI_ACT_RITUAL_STEP,           /* arg: 0 day earlier, 1 later, 2 time earlier, 3 later */
	UI_ACT_RITUAL_KIND,           /* arg: enum ft_ritual_kind */
	UI_ACT_RITUAL_LABEL,          /* arg: which suggested label */
	UI_ACT_RITUAL_TYPE,           /* the label typed on the keyboard */
	UI_ACT_RITUAL_SAVE,
	UI_ACT_RITUAL_REMOVE,         /* asks first */
	UI_ACT_WINDOW_EDIT,           /* arg: the window, or nwindows for a new one */
	UI_ACT_WINDOW_STEP,           /* arg: 0 start earlier, 1 later, 2 end earlier, 3 later */
	UI_ACT_WINDOW_NAME,           /* arg: which of ui_window_names */
	UI_ACT_WINDOW_SAVE,
	UI_ACT_WINDOW_REMOVE,         /* asks first */
	UI_ACT_NIGHT_STEP,            /* arg: 0 start earlier, 1 later, 2 end earlier, 3 later */
	UI_ACT_ROTATION,              /* arg: 0, 90, 180 or 270 */
	UI_ACT_ZONE_REGION,           /* arg: which region */
	UI_ACT_ZONE_CITY,             /* arg: which zone of the region */
	UI_ACT_SETUP_PAGE,            /* arg: how many rituals, windows or zones on (or back) */
	UI_ACT_GO_ADD_WALK,           /* the walk added after the fact */
};

#endif
