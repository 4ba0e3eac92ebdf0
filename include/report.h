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
#define REPORT_RECENT_WEEKS 4
#define REPORT_YEAR_WEEKS 52

struct report_day {
	int64_t day;
	unsigned meal_kinds;  /* bit i: a meal of cfg->windows[i] */
	int walks;            /* counted walks that started this day */
	ft_ms walk_length;
	bool hug;
};

/* A call of the week (SPEC §3), its caller named as the report names it. */
struct report_call {
	ft_ms t;
	int from_slot;          /* 0: not said */
	char from[FT_NAME_MAX]; /* the slot's name, else its number; "" when not said */
	char to[FT_NAME_MAX];   /* "" when not said */
};

/* Two of the family who shared meals this week (SPEC §3 bonds). */
struct report_pair {
	int slot[2];            /* from 1, slot[0] < slot[1] */
	int meals;              /* distinct (date, kind) meals both were members of */
};

#define REPORT_MAX_PAIRS (FT_MAX_SLOTS * (FT_MAX_SLOTS - 1) / 2)

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
	int rhythm_meals, rhythm_walks;  /* HABITS_NO_RHYTHM: none yet */
	/* beside the rhythm: of the last recent_weeks weeks it counts (at most
	 * REPORT_RECENT_WEEKS), how many met each goal */
	int recent_weeks, recent_met_meals, recent_met_walks;
	struct report_call *calls; size_t ncalls; /* in time order */
	/* bonds: most meals first, then by slot numbers */
	struct report_pair pairs[REPORT_MAX_PAIRS];
	int npairs;
	/* the same over the four weeks that end with this one */
	struct report_pair pairs4[REPORT_MAX_PAIRS];
	int npairs4;
	char member_names[FT_MAX_SLOTS][FT_NAME_MAX]; /* slot's name as logged in the week's meals */
	struct streak meal_streak, walk_streak, hug_streak;
	/* for the display */
	struct report_day days[7];
	int history_meals[REPORT_HISTORY_WEEKS]; /* [11] is this week */
	int history_walks[REPORT_HISTORY_WEEKS];
	bool history_away[REPORT_HISTORY_WEEKS];
	/* the year view: 52 weeks, [51] this one (a cell each, SPEC §3 figures) */
	int year_meals[REPORT_YEAR_WEEKS];
	int year_walks[REPORT_YEAR_WEEKS];
	int year_hugs[REPORT_YEAR_WEEKS];      /* days with a hug */
	bool year_away[REPORT_YEAR_WEEKS];
	/* the first week with anything logged (this week when nothing is):
	 * the review's arrows go back to it, and no further */
	int64_t first_week;
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
/* Whom the family called before AT, each name once, the latest first, at
 * most MAX: what a new call offers first. The count, or -1 with ERR. */
int report_call_names(struct store *st, ft_ms at, char names[][FT_NAME_MAX], int max,
		      struct ft_error *err);

/* The name of SLOT (from 1) in the week's bonds: the name logged with its
 * meals, else its configured name, else its number. */
const char *report_member_name(const struct report *r, const struct ft_config *cfg, int slot,
			       char buf[FT_NAME_MAX]);

void report_print_json(FILE *out, const struct report *r, const struct ft_config *cfg);
void report_print_text(FILE *out, const struct report *r, const struct ft_config *cfg);

#endif
