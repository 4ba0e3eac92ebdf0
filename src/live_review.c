/*
 * live_review.c - the review in the live module (live_internal.h): which
 * week it shows (the one up for review, or one the family went to with
 * the arrows, back to the first week in the store), that week's report
 * and the marks its buttons set. A button says what it did ("Reviewed ✓")
 * only once the store holds it: the marks are read back after each write,
 * never set beside it.
 */
#include <stdio.h>

#include "calendar.h"
#include "live_internal.h"

/* The shown week's report and marks, from the store; this week's "reviewed"
 * too (the review comes up by itself until then). */
void
live_review_load(struct live *l, ft_ms now)
{
	struct ft_error err;
	if (!l->store || !l->have_report)
		return;
	int64_t week = cal_week_of(now), first = l->report.first_week;
	bool reviewed = false;
	if (live_store_result(l, store_is_reviewed(l->store, week, &reviewed, &err), &err))
		l->reviewed = reviewed;
	int64_t offered = week;
	if (live_store_result(l, review_offered_load(l->store, l->cfg, now, first, &offered, &err), &err))
		l->review_offered = offered;
	else
		l->review_offered = week;
	int64_t shown = l->review_week == INT64_MIN ? l->review_offered
						    : live_review_step(l->review_week, 0, first, now);
	if (l->have_review_report && (shown == week || l->review_report.week != shown ||
				      l->report_mono != l->review_mono)) {
		report_free(&l->review_report);
		l->have_review_report = false;
	}
	if (shown != week && !l->have_review_report) {
		if (!live_store_result(l, review_report_build(l->store, l->cfg, shown, now,
							      &l->review_report, &err), &err))
			shown = week; /* this week's, which is there */
		else
			l->have_review_report = true;
		l->review_mono = l->report_mono;
	}
	struct review_marks mk;
	if (live_store_result(l, review_marks_load(l->store, shown, &mk, &err), &err))
		l->review_marks = mk;
	l->review_shown = shown;
	live_changed(l);
}

void
live_review_free(struct live *l)
{
	if (l->have_review_report)
		report_free(&l->review_report);
	l->have_review_report = false;
}

/* One of the shown week's marks (MARK of WEEK) set or unset, through the
 * engine; then the marks as the store holds them. */
static bool
review_mark(struct live *l, enum store_mark mark, int64_t week, bool set, ft_ms mono)
{
	struct ft_error err;
	if (!l->engine_open || !l->store)
		return false; /* nothing written: nothing claimed */
	bool ok = live_store_result(l, engine_mark(&l->engine, mark, week, set, live_now(l, mono), &err),
				    &err);
	l->report_stale = true; /* an away week changes the streaks */
	struct review_marks mk;
	if (live_store_result(l, review_marks_load(l->store, l->review_shown, &mk, &err), &err))
		l->review_marks = mk;
	live_changed(l);
	return ok;
}

void
live_review_away_yes(struct live *l, ft_ms mono)
{
	int64_t after = l->review_shown + 1;
	if (!review_mark(l, STORE_MARK_AWAY, after, true, mono))
		return;
	struct live_undo_entry e = { .mono = mono, .kind = LIVE_UNDO_AWAY, .id = after,
				     .what = LIVE_UNDO_AWAY_WEEK, .at = live_now(l, mono) };
	live_undo_push(&l->undo, &e);
}

void
live_review_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	ft_ms now = live_now(l, mono);
	int64_t week = l->review_shown;
	switch (action) {
	case UI_ACT_REVIEW_WEEK:
		l->review_week = arg == 0 ? INT64_MIN
					  : live_review_step(week, arg, l->report.first_week, now);
		live_review_load(l, now);
		break;
	case UI_ACT_REVIEW_DONE:
		/* the week stays shown, its button saying "Reviewed ✓" (when
		 * last week was, the week up for review moves on) */
		if (!l->review_marks.reviewed)
			review_mark(l, STORE_MARK_REVIEWED, week, true, mono);
		l->review_week = week;
		if (week == cal_week_of(now))
			l->dismissed_week = week;
		live_review_load(l, now);
		break;
	case UI_ACT_REVIEW_AWAY:
		if (l->review_marks.after_away) {
			/* Taking it back is not destructive: no question. */
			review_mark(l, STORE_MARK_AWAY, week + 1, false, mono);
		} else {
			l->confirm = UI_CONFIRM_AWAY;
			snprintf(l->confirm_text, sizeof(l->confirm_text), "%s",
				 week + 1 == cal_week_of(now)
					 ? _("Mark this week as away? Its streaks will be paused, not broken.")
					 : _("Mark next week as away? Its streaks will be paused, not broken."));
		}
		break;
	case UI_ACT_REVIEW_RITUALS:
		if (!l->review_marks.after_rituals)
			review_mark(l, STORE_MARK_RITUALS, week + 1, true, mono);
		break;
	default:
		break;
	}
}

void
live_review_model(const struct live *l, struct ui_model *m)
{
	if (!l->have_report)
		return;
	review_model(m, l->have_review_report ? &l->review_report : NULL, l->review_offered,
		     l->report.first_week, &l->review_marks);
}
