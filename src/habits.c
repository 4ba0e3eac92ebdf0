/*
 * habits.c - counting weeks and days (SPEC §2.8, §3, §4).
 *
 * Every count reads the weeks' figures (struct history_week), so streaks and
 * rhythm walk the weeks from the first one with anything logged up to the
 * week of T once, at a few instructions a week; only the detail of a week
 * (which meal, how long the walks, which call) reads the rows.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "habits.h"

void
history_free(struct history *h)
{
	free(h->meals);
	free(h->walks);
	free(h->hug_days);
	free(h->away_weeks);
	free(h->taps);
	free(h->weeks);
	memset(h, 0, sizeof(*h));
}

const struct history_week *
history_week(const struct history *h, int64_t week)
{
	if (!h->weeks || week < h->first_week || week - h->first_week >= (int64_t)h->nweeks)
		return NULL;
	return &h->weeks[week - h->first_week];
}

/* The weeks array made to run from LO to HI, keeping the figures it had. */
static bool
weeks_span(struct history *h, int64_t lo, int64_t hi)
{
	if (h->weeks && lo == h->first_week && hi - lo + 1 == (int64_t)h->nweeks)
		return true;
	struct history_week *weeks = calloc((size_t)(hi - lo + 1), sizeof(*weeks));
	if (!weeks)
		return false;
	for (size_t i = 0; h->weeks && i < h->nweeks; i++) {
		int64_t w = h->first_week + (int64_t)i;
		if (w >= lo && w <= hi)
			weeks[w - lo] = h->weeks[i];
	}
	free(h->weeks);
	h->weeks = weeks;
	h->first_week = lo;
	h->nweeks = (size_t)(hi - lo + 1);
	return true;
}

/* The rows' first and last days, widening *LO and *HI (a test's rows may
 * come in any order). */
static void
widen(int64_t day, int64_t *lo, int64_t *hi)
{
	*lo = day < *lo ? day : *lo;
	*hi = day > *hi ? day : *hi;
}

static void
rows_days(const struct history *h, int64_t *lo, int64_t *hi)
{
	for (size_t i = 0; i < h->nmeals; i++)
		widen(h->meals[i].day, lo, hi);
	for (size_t i = 0; i < h->nwalks; i++)
		widen(h->walks[i].day, lo, hi);
	for (size_t i = 0; i < h->nhug_days; i++)
		widen(h->hug_days[i], lo, hi);
	for (size_t i = 0; i < h->ntaps; i++)
		widen(h->taps[i].day, lo, hi);
}

bool
history_summarize(struct history *h, int64_t from, int64_t to, int64_t last)
{
	int64_t first_day = h->first_day, last_day = INT64_MIN;
	rows_days(h, &first_day, &last_day);
	if (first_day == INT64_MAX)
		return true; /* nothing logged: no weeks */
	int64_t lo = cal_week_of_day(first_day), hi = last;
	if (last_day != INT64_MIN && cal_week_of_day(last_day) > hi)
		hi = cal_week_of_day(last_day);
	if (hi < lo)
		hi = lo;
	if (!weeks_span(h, lo, hi))
		return false;
	from = from < lo ? lo : from;
	to = to > hi ? hi : to;
	if (from > to)
		return true;
	memset(&h->weeks[from - lo], 0, (size_t)(to - from + 1) * sizeof(*h->weeks));
	/* the store's meal rows are distinct (date, kind) pairs already */
	for (size_t i = 0; i < h->nmeals; i++) {
		int64_t w = cal_week_of_day(h->meals[i].day);
		if (w >= from && w <= to)
			h->weeks[w - lo].meals++;
	}
	for (size_t i = 0; i < h->nwalks; i++) {
		int64_t w = cal_week_of_day(h->walks[i].day);
		if (w < from || w > to)
			continue;
		ft_ms *longest = &h->weeks[w - lo].walk_longest[h->walks[i].day - cal_week_monday(w)];
		if (h->walks[i].length > *longest)
			*longest = h->walks[i].length;
	}
	for (size_t i = 0; i < h->nhug_days; i++) {
		int64_t w = cal_week_of_day(h->hug_days[i]);
		if (w >= from && w <= to)
			h->weeks[w - lo].hugs |= 1u << (h->hug_days[i] - cal_week_monday(w));
	}
	return true;
}

bool
habits_is_away(const struct history *h, int64_t week)
{
	size_t lo = 0, hi = h->naway;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (h->away_weeks[mid] < week)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < h->naway && h->away_weeks[lo] == week;
}

int
habits_meal_count(const struct history *h, int64_t week)
{
	const struct history_week *wk = history_week(h, week);
	return wk ? wk->meals : 0;
}

bool
habits_walk_counts(const struct ft_config *cfg, ft_ms length)
{
	return length >= cfg->walk_min;
}

int
habits_walk_count(const struct history *h, const struct ft_config *cfg, int64_t week,
		  ft_ms *length)
{
	const struct history_week *wk = history_week(h, week);
	int n = 0;
	/* a day counts once, when its longest walk counts */
	for (int d = 0; wk && d < 7; d++)
		n += wk->walk_longest[d] > 0 && habits_walk_counts(cfg, wk->walk_longest[d]);
	if (length) {
		int64_t from = cal_week_monday(week), to = from + 6;
		*length = 0;
		for (size_t i = 0; i < h->nwalks; i++)
			if (h->walks[i].day >= from && h->walks[i].day <= to &&
			    habits_walk_counts(cfg, h->walks[i].length))
				*length += h->walks[i].length;
	}
	return n;
}

int
habits_hug_days(const struct history *h, int64_t week)
{
	const struct history_week *wk = history_week(h, week);
	int n = 0;
	for (int d = 0; wk && d < 7; d++)
		n += wk->hugs >> d & 1u;
	return n;
}

int
habits_goal(const struct ft_config *cfg, enum habit habit)
{
	return habit == HABIT_MEALS ? cfg->meal_goal : cfg->walk_goal;
}

int
habits_count(const struct history *h, const struct ft_config *cfg, enum habit habit, int64_t week)
{
	return habit == HABIT_MEALS ? habits_meal_count(h, week) : habits_walk_count(h, cfg, week, NULL);
}

/* Per-week counts of HABIT from FIRST to LAST. */
static int *
week_counts(const struct history *h, const struct ft_config *cfg, enum habit habit,
	    int64_t first, int64_t last)
{
	int *counts = calloc((size_t)(last - first + 1), sizeof(int));
	if (!counts)
		return NULL;
	for (int64_t w = first; w <= last; w++)
		counts[w - first] = habits_count(h, cfg, habit, w);
	return counts;
}

struct streak
habits_streak(const struct history *h, const struct ft_config *cfg, enum habit habit)
{
	struct streak s = {0, 0};
	if (h->first_day == INT64_MAX)
		return s;
	int64_t first = cal_week_of_day(h->first_day), now = cal_week_of(h->at);
	if (now < first)
		return s;
	int *counts = week_counts(h, cfg, habit, first, now);
	if (!counts)
		return s;
	int goal = habits_goal(cfg, habit), run = 0;
	/* best: the longest run of met weeks, away weeks skipped; the week in
	 * progress counts once it is met */
	for (int64_t w = first; w <= now; w++) {
		if (habits_is_away(h, w))
			continue;
		run = counts[w - first] >= goal ? run + 1 : 0;
		if (run > s.best)
			s.best = run;
	}
	/* current: back from the week in progress if it is met, else from the
	 * week before it (the week in progress never breaks the streak) */
	int64_t w = now;
	if (habits_is_away(h, w) || counts[w - first] < goal)
		w--;
	for (; w >= first; w--) {
		if (habits_is_away(h, w))
			continue;
		if (counts[w - first] < goal)
			break;
		s.current++;
	}
	free(counts);
	return s;
}

/* Whether DAY had a hug. */
static bool
hug_on(const struct history *h, int64_t day)
{
	int64_t w = cal_week_of_day(day);
	const struct history_week *wk = history_week(h, w);
	return wk && (wk->hugs >> (day - cal_week_monday(w)) & 1u);
}

struct streak
habits_hug_streak(const struct history *h)
{
	struct streak s = {0, 0};
	int64_t first = INT64_MAX;
	for (size_t i = 0; i < h->nweeks && first == INT64_MAX; i++)
		for (int d = 0; d < 7 && first == INT64_MAX; d++)
			if (h->weeks[i].hugs >> d & 1u)
				first = cal_week_monday(h->first_week + (int64_t)i) + d;
	if (first == INT64_MAX)
		return s;
	int64_t today = cal_day_of(h->at);
	int run = 0;
	for (int64_t d = first; d <= today; d++) {
		if (habits_is_away(h, cal_week_of_day(d)))
			continue;
		if (hug_on(h, d)) {
			if (++run > s.best)
				s.best = run;
		} else if (d != today) {
			run = 0; /* today is in progress: it breaks nothing */
		}
	}
	s.current = run;
	return s;
}

/*
 * SPEC §4: a weighted average of v = min(1, count / goal) over the complete,
 * not-away weeks from the first week with anything logged up to the week
 * before T's, weight m^age with m = 0.5^(1/3) and age 0 for the latest such
 * week. Away weeks are skipped as if they were not in the calendar, so they
 * do not age the weeks before them either.
 */
int
habits_rhythm(const struct history *h, const struct ft_config *cfg, enum habit habit)
{
	if (h->first_day == INT64_MAX)
		return HABITS_NO_RHYTHM;
	int64_t first = cal_week_of_day(h->first_day), now = cal_week_of(h->at);
	if (now <= first)
		return HABITS_NO_RHYTHM; /* the first week is still in progress */
	int *counts = week_counts(h, cfg, habit, first, now);
	if (!counts)
		return HABITS_NO_RHYTHM;
	const double m = pow(0.5, 1.0 / 3.0); /* a half-life of three weeks */
	double goal = habits_goal(cfg, habit), weight = 1, sum = 0, total = 0;
	for (int64_t w = now - 1; w >= first; w--) {
		if (habits_is_away(h, w))
			continue;
		double v = goal > 0 ? counts[w - first] / goal : 1;
		sum += weight * (v < 1 ? v : 1);
		total += weight;
		weight *= m;
	}
	free(counts);
	if (total == 0)
		return HABITS_NO_RHYTHM; /* only away weeks so far */
	/* half up; the epsilon keeps an exact half from rounding down through
	 * the division's last bit */
	return (int)floor(sum / total * 100 + 0.5 + 1e-9);
}

int
habits_recent_met(const struct history *h, const struct ft_config *cfg, enum habit habit,
		  int max_weeks, int *weeks)
{
	*weeks = 0;
	if (h->first_day == INT64_MAX)
		return 0;
	int64_t first = cal_week_of_day(h->first_day), now = cal_week_of(h->at);
	if (now <= first)
		return 0;
	int *counts = week_counts(h, cfg, habit, first, now);
	if (!counts)
		return 0;
	int met = 0, goal = habits_goal(cfg, habit);
	/* the same weeks as the rhythm: complete, not away, latest first */
	for (int64_t w = now - 1; w >= first && *weeks < max_weeks; w--) {
		if (habits_is_away(h, w))
			continue;
		(*weeks)++;
		met += counts[w - first] >= goal;
	}
	free(counts);
	return met;
}

bool
habits_ritual_kept(const struct history *h, const struct ft_config *cfg, const struct ft_ritual *r,
		   int64_t week)
{
	int64_t day = cal_week_monday(week) + r->weekday;
	switch (r->kind) {
	case FT_RITUAL_MEAL:
		/* a meal whose window contains the ritual's time, that day (a
		 * window past midnight may have opened the day before) */
		for (size_t i = 0; i < h->nmeals; i++) {
			if (h->meals[i].day != day && h->meals[i].day != day - 1)
				continue;
			for (int w = 0; w < cfg->nwindows; w++)
				if (strcmp(cfg->windows[w].kind, h->meals[i].kind) == 0 &&
				    config_window_contains(&cfg->windows[w], h->meals[i].day, day, r->minute))
					return true;
		}
		return false;
	case FT_RITUAL_WALK: {
		const struct history_week *wk = history_week(h, week);
		ft_ms longest = wk ? wk->walk_longest[r->weekday] : 0;
		return longest > 0 && habits_walk_counts(cfg, longest);
	}
	case FT_RITUAL_CALL:
		for (size_t i = 0; i < h->ntaps; i++)
			if (h->taps[i].day == day && strcmp(h->taps[i].kind, "call") == 0)
				return true;
		return false;
	}
	return false;
}
