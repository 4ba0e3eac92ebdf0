/*
 * live_fixes.c - the corrections screen's side of the live decision module
 * (live_internal.h maps its files): the last four weeks' entries, a week
 * marked away, a forgotten walk added, an entry removed, the last
 * correction undone. Each goes through correct.h, as `familytable correct`
 * does, and everything is read again after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "correct.h"
#include "live_internal.h"
#include "log.h"

/* An entry in a sentence: its meal's window ("dinner"), else what it is. */
static const char *
entry_word(const struct ui_fix_entry *e)
{
	if (strcmp(e->record, "meal") == 0)
		return gettext(e->detail);
	if (strcmp(e->record, "tap") == 0)
		return _("call");
	if (strcmp(e->record, "walk") == 0)
		return _("walk");
	if (strcmp(e->record, "hug") == 0)
		return _("hug");
	return _("phones-down time");
}

void
live_fixes_load(struct live *l, ft_ms mono)
{
	struct ft_error err;
	struct store_entry *rows = NULL;
	size_t n = 0;
	ft_ms now = live_now(l, mono);
	if (!l->store || !live_store_result(l, correct_history(l->store, now, &rows, &n, &err), &err))
		return;
	struct ui_fix_entry *fixes = calloc(n ? n : 1, sizeof(*fixes));
	if (!fixes) {
		free(rows);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		fixes[i].start = rows[i].start;
		fixes[i].end = rows[i].end;
		snprintf(fixes[i].record, sizeof(fixes[i].record), "%s", rows[i].record);
		snprintf(fixes[i].detail, sizeof(fixes[i].detail), "%s", rows[i].detail);
	}
	free(l->fixes);
	free(l->fix_rows);
	l->fixes = fixes;
	l->fix_rows = rows;
	l->nfixes = (int)n;
	if (l->fix_first >= l->nfixes)
		l->fix_first = 0;
	bool away = false;
	if (live_store_result(l, store_get_mark(l->store, STORE_MARK_AWAY, cal_week_of(now), &away, &err),
			 &err))
		l->week_away = away;
	if (l->fix_walk_start < 0) {
		/* a walk forgotten today: an hour ago, on the quarter hour */
		l->fix_walk_start = now - FT_HOUR - ft_floormod(now, 15 * FT_MINUTE);
		l->fix_walk_length = 30 * FT_MINUTE;
	}
	live_changed(l);
}

/* A correction's result: remembered for Undo, and everything read again. */
static void
fixed(struct live *l, int rc, int64_t fix, const char *what, const struct ft_error *err,
      ft_ms mono)
{
	if (rc == FT_EXIT_FAILURE) {
		live_store_result(l, false, err);
		return;
	}
	if (rc == FT_EXIT_USAGE) {
		/* the screen only offers what may be done (an entry may have
		 * grown too old while it was shown): read it all again */
		log_warn("correction refused: %s", err->msg);
		live_fixes_load(l, mono);
		return;
	}
	if (fix > 0) {
		l->fix_last = fix;
		snprintf(l->fix_undo, sizeof(l->fix_undo), _("Undo: %s"), what);
	}
	l->report_stale = true;
	live_fixes_load(l, mono);
}

void
live_fix_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	struct ft_error err;
	int64_t fix = -1;
	ft_ms now = live_now(l, mono);
	switch (action) {
	case UI_ACT_FIX_AWAY: {
		const char *what = l->week_away ? _("this week counted again") : _("this week away");
		int rc = correct_set_away(l->store, cal_week_of(now), !l->week_away, now, &fix, &err);
		fixed(l, rc, fix, what, &err, mono);
		break;
	}
	case UI_ACT_FIX_WALK_STEP: {
		static const ft_ms steps[] = { -15 * FT_MINUTE, 15 * FT_MINUTE, -5 * FT_MINUTE,
					       5 * FT_MINUTE };
		if (arg < 0 || arg > 3)
			break;
		if (arg < 2) {
			ft_ms start = l->fix_walk_start + steps[arg];
			/* within the four weeks, and over by now */
			if (start >= cal_day_start(correct_first_day(now)) &&
			    start + l->fix_walk_length <= now)
				l->fix_walk_start = start;
		} else {
			ft_ms length = l->fix_walk_length + steps[arg];
			if (length >= 5 * FT_MINUTE && length <= 6 * FT_HOUR &&
			    l->fix_walk_start + length <= now)
				l->fix_walk_length = length;
		}
		break;
	}
	case UI_ACT_FIX_WALK_ADD: {
		int rc = correct_add_walk(l->store, l->fix_walk_start, l->fix_walk_length, now, &fix,
					  &err);
		fixed(l, rc, fix, _("walk added"), &err, mono);
		break;
	}
	case UI_ACT_FIX_REMOVE:
		if (arg < 0 || arg >= l->nfixes)
			break;
		l->fix_asked = arg;
		l->confirm = UI_CONFIRM_REMOVE;
		{
			char hhmm[16], date[16];
			const struct ui_fix_entry *e = &l->fixes[arg];
			cal_format_hhmm(e->start, hhmm);
			cal_day_name(cal_day_of(e->start), date);
			snprintf(l->confirm_text, sizeof(l->confirm_text),
				 _("Remove the %s of %s at %s? It will no longer count."), entry_word(e),
				 date, hhmm);
		}
		break;
	case UI_ACT_FIX_PAGE:
		l->fix_first += arg;
		if (l->fix_first >= l->nfixes)
			l->fix_first = l->nfixes - 1;
		if (l->fix_first < 0)
			l->fix_first = 0;
		break;
	case UI_ACT_FIX_UNDO:
		if (l->fix_last > 0) {
			int rc = correct_undo(l->store, l->fix_last, now, &err);
			l->fix_last = -1;
			fixed(l, rc, -1, "", &err, mono);
		}
		break;
	default:
		break;
	}
}

/* "Remove the dinner of ...?" "Yes": the entry asked about is removed. */
void
live_fix_remove_asked(struct live *l, ft_ms mono)
{
	if (!l->store || l->fix_asked >= l->nfixes)
		return;
	struct ft_error err;
	int64_t fix = -1;
	const struct store_entry *e = &l->fix_rows[l->fix_asked];
	char what[64];
	snprintf(what, sizeof(what), _("removed %s"), entry_word(&l->fixes[l->fix_asked]));
	int rc = correct_remove(l->store, e->kind, e->id, live_now(l, mono), &fix, &err);
	fixed(l, rc, fix, what, &err, mono);
}
