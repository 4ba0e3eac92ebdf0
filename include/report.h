/*
 * report.h - one week as the family sees it: counts against goals, the
 * meals, streaks and rhythm (SPEC §4, §5 "Report JSON"), plus what the
 * display's review needs (per-day marks, 12 weeks of history, who docked).
 */
#ifndef FT_REPORT_H
#define FT_REPORT_H

#include <stdio.h>

#include "common.h"
#include "config.h"
#include "habits.h"
#include "store.h"

#define REPORT_HISTORY_WEEKS 12

struct report_day {
	int64_t day;
	unsigned meal_kinds;  /* bit i: a meal of cfg->windows[i] */
	int walks;            /* counted walks that started this day */
	ft_ms walk_length;
	bool hug;
};

struct report {
	ft_ms at;                        /* the reference instant T */
	int64_t week;
	char week_name[16];              /* "2026-W48" */
	int64_t from_day, to_day;
	/* meals */
	int meal_count, meal_goal;
	bool meals_met;
	struct store_session *meals; size_t nmeals; /* sessions classified meal */
	/* phones down */
	int down_sessions;
	ft_ms down_length;
	/* walks */
	int walk_count, walk_goal;
	bool walks_met;
	ft_ms walk_length;
	int hug_days;
	int nrituals;
	bool ritual_kept[FT_MAX_RITUALS];
	bool away;
	int rhythm_meals, rhythm_walks;
	struct streak meal_streak, walk_streak, hug_streak;
	/* for the display */
	struct report_day days[7];
	int history_meals[REPORT_HISTORY_WEEKS]; /* [11] is this week */
	int history_walks[REPORT_HISTORY_WEEKS];
	bool history_away[REPORT_HISTORY_WEEKS];
	int docked_meals[FT_MAX_SLOTS];  /* this week's meals each slot was a member of */
	bool hug_today;                  /* a hug on the day that contains T */
};

/* Build the report of the week that contains AT, as of AT. */
bool report_build(struct store *st, const struct ft_config *cfg, ft_ms at,
		  struct report *r, struct ft_error *err);
/* Build the report of WEEK as of AT (`report --week` passes the instant the
 * week ends, so the week is complete and the next one is in progress). */
bool report_build_week(struct store *st, const struct ft_config *cfg, int64_t week, ft_ms at,
		       struct report *r, struct ft_error *err);
void report_free(struct report *r);

void report_print_json(FILE *out, const struct report *r, const struct ft_config *cfg);
void report_print_text(FILE *out, const struct report *r, const struct ft_config *cfg);

#endif
