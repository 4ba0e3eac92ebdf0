/*
 * habits.c - counting weeks and days (SPEC §2.8, §3, §4).
 *
 * Streaks and rhythm walk the weeks from the first one with anything logged
 * up to the week of T, once; the history is sorted so each count is a scan of
 * a small slice. Ten years are about 520 weeks: nothing here needs an index.
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
	memset(h, 0, sizeof(*h));
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
	/* the store gives distinct (day, kind) pairs */
	int n = 0;
	int64_t from = cal_week_monday(week), to = from + 6;
	for (size_t i = 0; i < h->nmeals; i++)
		n += h->meals[i].day >= from && h->meals[i].day <= to;
	return n;
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
	int n = 0;
	int64_t from = cal_week_monday(week), to = from + 6, last = INT64_MIN;
	ft_ms total = 0;
	for (size_t i = 0; i < h->nwalks; i++) {
		const struct history_walk *w = &h->walks[i];
		if (w->day < from || w->day > to || !habits_walk_counts(cfg, w->length))
			continue;
		total += w->length;
		if (w->day != last)
			n++; /* walks are sorted by day: one count per day */
		last = w->day;
	}
	if (length)
		*length = total;
	return n;
}

int
habits_hug_days(const struct history *h, int64_t week)
{
	int n = 0;
	int64_t from = cal_week_monday(week), to = from + 6;
	for (size_t i = 0; i < h->nhug_days; i++)
		n += h->hug_days[i] >= from && h->hug_days[i] <= to;
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

/* Per-week counts of HABIT from FIRST to LAST, in one pass over the history. */
static int *
week_counts(const struct history *h, const struct ft_config *cfg, enum habit habit,
	    int64_t first, int64_t last)
{
	size_t n = (size_t)(last - first + 1);
	int *counts = calloc(n, sizeof(int));
	if (!counts)
		return NULL;
	if (habit == HABIT_MEALS) {
		for (size_t i = 0; i < h->nmeals; i++) {
			int64_t w = cal_week_of_day(h->meals[i].day);
			if (w >= first && w <= last)
				counts[w - first]++;
		}
	} else {
		int64_t last_day = INT64_MIN;
		for (size_t i = 0; i < h->nwalks; i++) {
			const struct history_walk *wk = &h->walks[i];
			int64_t w = cal_week_of_day(wk->day);
			if (!habits_walk_counts(cfg, wk->length) || wk->day == last_day)
				continue;
			last_day = wk->day;
			if (w >= first && w <= last)
				counts[w - first]++;
		}
	}
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

struct streak
habits_hug_streak(const struct history *h)
{
	struct streak s = {0, 0};
	if (h->nhug_days == 0)
		return s;
	int64_t today = cal_day_of(h->at), first = h->hug_days[0];
	size_t j = 0;
	int run = 0;
	for (int64_t d = first; d <= today; d++) {
		while (j < h->nhug_days && h->hug_days[j] < d)
			j++;
		if (habits_is_away(h, cal_week_of_day(d)))
			continue;
		bool hug = j < h->nhug_days && h->hug_days[j] == d;
		if (hug) {
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
	case FT_RITUAL_WALK:
		for (size_t i = 0; i < h->nwalks; i++)
			if (h->walks[i].day == day && habits_walk_counts(cfg, h->walks[i].length))
				return true;
		return false;
	case FT_RITUAL_CALL:
		for (size_t i = 0; i < h->ntaps; i++)
			if (h->taps[i].day == day && strcmp(h->taps[i].kind, "call") == 0)
				return true;
		return false;
	}
	return false;
}
