/*
 * review.h - the week the review shows and what the store holds of it:
 * which week is up for review (live_review_offered() with the store's
 * answer about last week), its report (the week in progress as of now, an
 * earlier one complete), and the marks its buttons show (reviewed, the
 * week after away, its rituals confirmed). The live display and
 * `screenshot` fill the review's part of the model through it, so that a
 * button says only what the store holds.
 */
#ifndef FT_REVIEW_H
#define FT_REVIEW_H

#include "model.h"
#include "report.h"
#include "store.h"

struct review_marks {
	bool reviewed;           /* the week */
	bool after_away;         /* the week after it */
	bool after_rituals;      /* the week after it: rituals confirmed */
};

/* The marks of WEEK as the store holds them. */
bool review_marks_load(struct store *st, int64_t week, struct review_marks *mk,
		       struct ft_error *err);
/* The week up for review at NOW (FIRST_WEEK: the report's first_week). */
bool review_offered_load(struct store *st, const struct ft_config *cfg, ft_ms now,
			 int64_t first_week, int64_t *week, struct ft_error *err);
/* The report of WEEK as the review shows it at NOW: the week in progress
 * as of NOW, an earlier week complete (as of its end, as `report --week`). */
bool review_report_build(struct store *st, const struct ft_config *cfg, int64_t week, ft_ms now,
			 struct report *r, struct ft_error *err);
/* The review's part of M (m->now set): SHOWN the report of the week shown
 * (NULL: m->report), OFFERED the week up for review, FIRST_WEEK how far
 * back the arrows go, MK the shown week's marks. */
void review_model(struct ui_model *m, const struct report *shown, int64_t offered,
		  int64_t first_week, const struct review_marks *mk);

#endif
