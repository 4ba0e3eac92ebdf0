/*
 * review.c - the week the review shows and what the store holds of it
 * (review.h): the decisions are live_state.c's pure rules, the facts the
 * store's.
 */
#include "review.h"

#include "calendar.h"
#include "live.h"

bool
review_marks_load(struct store *st, int64_t week, struct review_marks *mk, struct ft_error *err)
{
	*mk = (struct review_marks){0};
	return store_is_reviewed(st, week, &mk->reviewed, err) &&
	       store_get_mark(st, STORE_MARK_AWAY, week + 1, &mk->after_away, err) &&
	       store_get_mark(st, STORE_MARK_RITUALS, week + 1, &mk->after_rituals, err);
}

bool
review_offered_load(struct store *st, const struct ft_config *cfg, ft_ms now, int64_t first_week,
		    int64_t *week, struct ft_error *err)
{
	bool last_reviewed = false;
	if (!store_is_reviewed(st, cal_week_of(now) - 1, &last_reviewed, err))
		return false;
	*week = live_review_offered(cfg, now, last_reviewed, first_week);
	return true;
}

bool
review_report_build(struct store *st, const struct ft_config *cfg, int64_t week, ft_ms now,
		    struct report *r, struct ft_error *err)
{
	ft_ms end = cal_week_start(week + 1);
	return report_build_week(st, cfg, week, now < end ? now : end, r, err);
}

void
review_model(struct ui_model *m, const struct report *shown, int64_t offered, int64_t first_week,
	     const struct review_marks *mk)
{
	const struct report *r = shown ? shown : m->report;
	m->review = shown;
	m->review_week = r ? r->week : cal_week_of(m->now);
	m->review_offered_week = offered;
	m->review_offered = m->review_week == offered;
	m->review_earlier = m->review_week > first_week;
	m->review_later = m->review_week < cal_week_of(m->now);
	m->reviewed = mk->reviewed;
	m->next_away = mk->after_away;
	m->rituals_confirmed = mk->after_rituals;
}
