/*
 * config.h - the settings of SPEC §6, parsed from an INI file.
 *
 * struct ft_config holds every setting with its default filled in by
 * config_defaults(); config_load() overlays a file on it. Every error names
 * the file and line ("familytable.conf:7: bad duration \"5 min\"").
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
	int start, end;       /* minutes of the local day, start < end */
};

struct ft_ritual {
	int weekday;                /* 0 = Monday .. 6 = Sunday */
	int minute;                 /* minutes of the local day */
	enum ft_ritual_kind kind;
	char label[64];             /* UTF-8 */
};

struct ft_config {
	/* [dock] */
	char chip[64];                         /* name, path or label */
	int nslots;                            /* 1..FT_MAX_SLOTS */
	int nlines;                            /* 0 when no lines are set */
	unsigned lines[FT_MAX_SLOTS];          /* line offset per slot */
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
};

void config_defaults(struct ft_config *cfg);
/* Overlay the INI text of file NAME (used in messages) on cfg. */
bool config_parse(struct ft_config *cfg, const char *text, const char *name,
		  struct ft_error *err);
bool config_load(struct ft_config *cfg, const char *path, struct ft_error *err);

/* Parse "50ms", "2min", "3h", "20s" (SPEC §6). */
bool config_parse_duration(const char *s, ft_ms *out);

/* The slot's display name: its configured name, else its number ("3").
 * SLOT counts from 1. */
const char *config_slot_name(const struct ft_config *cfg, int slot, char buf[FT_NAME_MAX]);

extern const char *const config_weekday_names[7]; /* "mon" .. "sun" */
extern const char *const config_ritual_kind_names[3]; /* "call", "meal", "walk" */

#endif
