/*
 * ritual.c - when the family's rituals come round (ritual.h): the weekly
 * schedule read from [rituals], on local days (calendar.h), so that the
 * glance only shows what this says.
 */
#include "calendar.h"
#include "ritual.h"

int
ritual_next(const struct ft_config *cfg, const bool *kept, ft_ms now, ft_ms *when)
{
	int best = -1;
	ft_ms best_t = FT_MS_NEVER;
	int64_t today = cal_day_of(now);
	int wd = cal_weekday(today);
	for (int i = 0; i < cfg->nrituals; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		for (int week = 0; week < 2; week++) {
			int64_t day = today - wd + rt->weekday + 7 * week;
			ft_ms t = cal_local_instant(day, rt->minute);
			bool done = week == 0 && kept && kept[i];
			bool due = t >= now || (week == 0 && day == today);
			if (!done && due && t < best_t) {
				best_t = t;
				best = i;
			}
		}
	}
	*when = best_t;
	return best;
}

int
ritual_call_due_today(const struct ft_config *cfg, const bool *kept, ft_ms now)
{
	if (!kept)
		return -1;
	int wd = cal_weekday(cal_day_of(now));
	for (int i = 0; i < cfg->nrituals; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		if (rt->kind == FT_RITUAL_CALL && rt->weekday == wd && !kept[i])
			return i;
	}
	return -1;
}
