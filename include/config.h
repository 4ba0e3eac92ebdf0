/*
 * config.h - the settings of SPEC §6, parsed from an INI file.
 *
 * struct ft_config holds every setting with its default filled in by
 * config_defaults(); config_load() overlays a file on it. Every error names
 * the file and line ("familytable.conf:7: bad duration \"5 min\"").
 *
 * The keys are also reachable one by one, by their name "SECTION.KEY", for
 * the settings the family makes on the display (settings.c stores them in
 * the database): config_set() takes a value exactly as the file would,
 * through the same parser, and config_format() prints it back so that the
 * file would take it. Each key remembers where its value came from.
 */
#ifndef FT_CONFIG_H
#define FT_CONFIG_H

#include <limits.h>

#include "common.h"

#define FT_MAX_WINDOWS 8
#define FT_MAX_RITUALS 32

enum ft_bias { FT_BIAS_AS_IS, FT_BIAS_PULL_UP, FT_BIAS_PULL_DOWN, FT_BIAS_DISABLE };

enum ft_ritual_kind { FT_RITUAL_CALL, FT_RITUAL_MEAL, FT_RITUAL_WALK };

struct ft_window {
	char kind[16];        /* "breakfast" */
	int start, end;       /* minutes of the local day; end <= start: it
			       * ends the next day (past midnight) */
};

struct ft_ritual {
	int weekday;                /* 0 = Monday .. 6 = Sunday */
	int minute;                 /* minutes of the local day */
	enum ft_ritual_kind kind;
	char label[64];             /* UTF-8 */
};

/* Where a key's effective value comes from (SPEC §6): built-in default <
 * file < display. */
enum ft_source { FT_SOURCE_DEFAULT, FT_SOURCE_FILE, FT_SOURCE_DISPLAY };

#define FT_CONFIG_MAX_KEYS 32

struct ft_config {
	/* [dock] */
	char chip[64];                         /* name, path or label */
	int nslots;                            /* 1..FT_MAX_SLOTS */
	int nlines;                            /* 0 when no lines are set */
	unsigned lines[FT_MAX_SLOTS];          /* line offset per slot */
	int nnames;                            /* names given, 0 when none */
	char names[FT_MAX_SLOTS][FT_NAME_MAX]; /* "" when the slot has no name */
	bool active_low;
	enum ft_bias bias;
	ft_ms debounce;
	/* [meal] */
	int min_phones;
	ft_ms meal_min, meal_max, grace;
	int nwindows;
	struct ft_window windows[FT_MAX_WINDOWS];
	int meal_goal;
	/* [walk] */
	ft_ms walk_min;
	int walk_goal;
	/* [hug] */
	ft_ms hug;
	/* [rituals] */
	int nrituals;
	struct ft_ritual rituals[FT_MAX_RITUALS];
	/* [review] */
	int review_weekday, review_minute;
	/* [display] */
	bool night_set;
	int night_start, night_end;            /* minutes of the day; may wrap */
	int rotation;                          /* 0, 90, 180, 270 */
	char language[8];                      /* "en", "fr" or "" (locale) */
	/* [store] */
	char store_path[PATH_MAX];             /* "" when unset */
	/* [time] */
	char timezone[64];                     /* "" when unset */
	/* where each key's value comes from, by config_key_find's index */
	enum ft_source source[FT_CONFIG_MAX_KEYS];
};

void config_defaults(struct ft_config *cfg);

/* Window W's instance that opens on local day DAY: [*from, *to). */
void config_window_on(const struct ft_window *w, int64_t day, ft_ms *from, ft_ms *to);
/* Whether window W's instance opening on DAY contains the local minute
 * MINUTE of MINUTE_DAY. */
bool config_window_contains(const struct ft_window *w, int64_t day, int64_t minute_day, int minute);
/* Overlay the INI text of file NAME (used in messages) on cfg. */
bool config_parse(struct ft_config *cfg, const char *text, const char *name,
		  struct ft_error *err);
bool config_load(struct ft_config *cfg, const char *path, struct ft_error *err);

/* Parse "50ms", "2min", "3h", "20s" (SPEC §6). */
bool config_parse_duration(const char *s, ft_ms *out);

/* The slot's display name: its configured name, else its number ("3").
 * SLOT counts from 1. */
const char *config_slot_name(const struct ft_config *cfg, int slot, char buf[FT_NAME_MAX]);

/* ---- one key at a time: "SECTION.KEY" ---- */

/* How many keys there are; keys are numbered 0..count-1 in the file's
 * order (SPEC §6). */
int config_key_count(void);
/* "meal.weekly_goal" for index KEY. */
const char *config_key_name(int key);
/* The index of NAME ("meal.weekly_goal"), or -1. */
int config_key_find(const char *name);
/* True for a key that may repeat (rituals.ritual). */
bool config_key_is_list(int key);
/* NULL when the family may set KEY on the display; else why not, as a
 * sentence ("the dock's wiring is the installer's: ..."). */
const char *config_key_installer_only(int key);

/* Sets KEY from NVALUES values, each exactly as the file's line would give
 * it (comments and surrounding white space dropped as the file does); a
 * list key takes every item at once and the values replace the list (zero
 * values: an empty list). Then the rules between keys are checked again
 * (the dock's slots, min_phones, min_duration <= max_duration). On success
 * the key's source becomes SOURCE; on failure cfg is unchanged and err
 * says what was wrong, naming the key. */
bool config_set(struct ft_config *cfg, int key, const char *const *values, int nvalues,
		enum ft_source source, struct ft_error *err);

/* How many values KEY has: a list's length, else 1. */
int config_value_count(const struct ft_config *cfg, int key);
/* Value number ITEM of KEY into BUF, exactly as the file would take it
 * back ("" for a key that is unset, such as [display] night). */
void config_format(const struct ft_config *cfg, int key, int item, char *buf, size_t size);

extern const char *const config_source_names[3]; /* "default", "file", "display" */
extern const char *const config_weekday_names[7]; /* "mon" .. "sun" */
extern const char *const config_ritual_kind_names[3]; /* "call", "meal", "walk" */

#endif
