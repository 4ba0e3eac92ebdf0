/*
 * habits.h - weekly counts, streaks, rhythm, hug days and rituals kept
 * (SPEC §2.8, §3, §4), computed from a history the store loads once.
 *
 * Pure: a struct history is plain arrays, already limited to what was logged
 * by the reference instant T (a session or walk once it has ended).
 *
 * It is kept in two forms. The weeks: one struct history_week per week from
 * the first with anything logged, all that counts, streaks and rhythm read,
 * so a report costs the same after thirty years as after one (the store
 * keeps them in its week_figure table rather than reading every row). The
 * rows: the meals, walks, hugs and calls of the days a report shows in
 * detail (which window, how long, which ritual), and whatever else the
 * loader read; history_summarize() turns rows into weeks.
 */
#ifndef FT_HABITS_H
#define FT_HABITS_H

#include "common.h"
#include "config.h"

struct history_meal {
	int64_t day;   /* the meal's date */
	char kind[16]; /* the window's kind */
};

struct history_walk {
	int64_t day;   /* local day of its start */
	ft_ms length;
};

struct history_tap {
	int64_t day;
	char kind[16]; /* "call" */
};

/* One week's figures, by T. */
struct history_week {
	int meals;               /* distinct (date, kind) meals */
	unsigned hugs;           /* bit d: a hug on the week's day d (Monday 0) */
	ft_ms walk_longest[7];   /* the longest walk begun each day; 0: none */
};

struct history {
	ft_ms at;                /* T */
	int64_t first_day;       /* first day anything was logged; INT64_MAX: none */
	int64_t first_week;      /* the week of weeks[0] */
	struct history_week *weeks; size_t nweeks;  /* a week past them: nothing */
	/* rows: every row of the days they cover (at least the days asked for
	 * in detail: a report's week and the Sunday before it) */
	struct history_meal *meals; size_t nmeals;  /* sorted by day */
	struct history_walk *walks; size_t nwalks;  /* sorted by day */
	int64_t *hug_days; size_t nhug_days;        /* distinct, sorted */
	struct history_tap *taps; size_t ntaps;     /* sorted by day */
	int64_t *away_weeks; size_t naway;          /* sorted */
};

void history_free(struct history *h);
/* Weeks FROM..TO (clipped to the weeks there are) figured again from the
 * rows. The weeks array is first made to run from the week of first_day
 * to LAST (or the rows' last week, if later). False: out of memory. */
bool history_summarize(struct history *h, int64_t from, int64_t to, int64_t last);
/* The figures of WEEK, or NULL when nothing was logged in it. */
const struct history_week *history_week(const struct history *h, int64_t week);

enum habit { HABIT_MEALS, HABIT_WALKS };

struct streak {
	int current, best;
};

bool habits_is_away(const struct history *h, int64_t week);
/* Distinct (date, kind) meals in WEEK. */
int habits_meal_count(const struct history *h, int64_t week);
/* Whether a walk of LENGTH counts (SPEC §3: at least [walk] min_duration):
 * the one place the threshold is compared, for the habits, the report and
 * the walk screen alike. */
bool habits_walk_counts(const struct ft_config *cfg, ft_ms length);
/* Distinct days in WEEK with a walk that counts; *LENGTH (may be NULL)
 * gets those walks' total length in milliseconds, from the rows (so only
 * for a week they cover). */
int habits_walk_count(const struct history *h, const struct ft_config *cfg,
		      int64_t week, ft_ms *length);
int habits_hug_days(const struct history *h, int64_t week);
int habits_count(const struct history *h, const struct ft_config *cfg,
		 enum habit habit, int64_t week);
int habits_goal(const struct ft_config *cfg, enum habit habit);

/* Streaks as of h->at: the week that contains it is in progress. */
struct streak habits_streak(const struct history *h, const struct ft_config *cfg,
			    enum habit habit);
/* The hug streak in days, as of h->at; away weeks' days are skipped. */
struct streak habits_hug_streak(const struct history *h);
/* Rhythm in whole percent (SPEC §4), as of h->at; HABITS_NO_RHYTHM while
 * no complete, not-away week has gone by since the first week with anything
 * logged (shown as nothing, printed as null). */
#define HABITS_NO_RHYTHM (-1)
int habits_rhythm(const struct history *h, const struct ft_config *cfg, enum habit habit);
/* How many of the latest MAX_WEEKS weeks the rhythm counts (complete, not
 * away, from the first week with anything logged) met the goal; *WEEKS gets
 * how many such weeks there were (fewer than MAX_WEEKS early on). Said
 * beside the rhythm, in words: "last 4 weeks: 3 met". */
int habits_recent_met(const struct history *h, const struct ft_config *cfg, enum habit habit,
		      int max_weeks, int *weeks);
/* Whether ritual R was kept in WEEK (from the rows: a week they cover). */
bool habits_ritual_kept(const struct history *h, const struct ft_config *cfg,
			const struct ft_ritual *r, int64_t week);

#endif
