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

/* An entry in a sentence: its meal's window ("dinner"), else what it is.
 * BARE: as the Undo button names it, in brackets with no article
 * ("retrait (appel)"); else as the removal question says it, a language's
 * article included ("Retirer : l’appel du lundi…"). */
static const char *
entry_word(const struct ui_fix_entry *e, bool bare)
{
	if (strcmp(e->record, "meal") == 0)
		return gettext(e->detail);
	if (strcmp(e->record, "tap") == 0)
		return bare ? C_("undo, removed", "call") : _("call");
	if (strcmp(e->record, "walk") == 0)
		return bare ? C_("undo, removed", "walk") : _("walk");
	if (strcmp(e->record, "hug") == 0)
		return bare ? C_("undo, removed", "hug") : _("hug");
	return _("phones-down time");
}

void
live_fixes_load(struct live *l, ft_ms mono)
{
	struct ft_error err;
	struct store_entry *rows = NULL;
	struct ui_fix_entry *fixes = NULL;
	size_t n = 0;
	ft_ms now = live_now(l, mono);
	if (!l->store ||
	    !live_store_result(l, correct_entries(l->store, l->cfg, now, &rows, &fixes, &n, &err), &err))
		return;
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

/* The walk to add a day earlier (DIR -1) or later (+1), at the same time
 * of day: back to the first day a correction may touch, forward to today,
 * where it moves earlier if it would not be over by NOW. */
static void
walk_day_step(struct live *l, int dir, ft_ms now)
{
	int64_t day = cal_day_of(l->fix_walk_start) + dir;
	if (day < correct_first_day(now) || day > cal_day_of(now))
		return;
	ft_ms start = cal_local_instant(day, cal_local_minute(l->fix_walk_start));
	ft_ms latest = now - l->fix_walk_length;
	if (start > latest)
		start = latest - ft_floormod(latest, 15 * FT_MINUTE);
	if (cal_day_of(start) == day)
		l->fix_walk_start = start;
}

/* A correction's result: remembered for Undo (WHAT it did), and
 * everything read again. */
static void
fixed(struct live *l, int rc, int64_t fix, const struct live_fix_done *what,
      const struct ft_error *err, ft_ms mono)
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
	if (fix > 0 && what) {
		l->fix_last = fix;
		l->fix_done = *what;
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
		struct live_fix_done what = { .kind = l->week_away ? LIVE_FIX_COUNTED : LIVE_FIX_AWAY };
		int rc = correct_set_away(l->store, cal_week_of(now), !l->week_away, now, &fix, &err);
		fixed(l, rc, fix, &what, &err, mono);
		break;
	}
	case UI_ACT_GO_ADD_WALK:
		live_go(l, UI_ADD_WALK, mono);
		break;
	case UI_ACT_FIX_WALK_STEP: {
		static const ft_ms steps[] = { -15 * FT_MINUTE, 15 * FT_MINUTE, -5 * FT_MINUTE,
					       5 * FT_MINUTE };
		if (arg == 4 || arg == 5) {
			walk_day_step(l, arg == 5 ? 1 : -1, now);
			break;
		}
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
		fixed(l, rc, fix, &(struct live_fix_done){ .kind = LIVE_FIX_WALK_ADDED }, &err, mono);
		if (rc == FT_EXIT_OK)
			live_go(l, UI_FIXES, mono); /* where Undo is, and the walk in the list */
		break;
	}
	case UI_ACT_FIX_REMOVE:
		if (arg < 0 || arg >= l->nfixes)
			break;
		l->fix_asked = arg;
		l->confirm = UI_CONFIRM_REMOVE;
		{
			char hhmm[16], date[64];
			const struct ui_fix_entry *e = &l->fixes[arg];
			int64_t day = cal_day_of(e->start);
			struct cal_date d = cal_date_from_day(day);
			cal_format_hhmm(e->start, hhmm);
			/* the date as the family says it, in its language */
			snprintf(date, sizeof(date), _("%1$s %2$d %3$s"), ui_weekday_long(cal_weekday(day)),
				 d.day, ui_month_long(d.month));
			snprintf(l->confirm_text, sizeof(l->confirm_text),
				 _("Remove the %s of %s at %s? It will no longer count."), entry_word(e, false),
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
			fixed(l, rc, -1, NULL, &err, mono);
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
	struct live_fix_done what = { .kind = LIVE_FIX_REMOVED, .entry = l->fixes[l->fix_asked] };
	int rc = correct_remove(l->store, e->kind, e->id, live_now(l, mono), &fix, &err);
	fixed(l, rc, fix, &what, &err, mono);
}

const char *
live_fix_undo_label(struct live *l)
{
	if (l->fix_last <= 0)
		return NULL;
	char what[80];
	const struct live_fix_done *d = &l->fix_done;
	switch (d->kind) {
	case LIVE_FIX_AWAY:
		snprintf(what, sizeof(what), "%s", _("this week away"));
		break;
	case LIVE_FIX_COUNTED:
		snprintf(what, sizeof(what), "%s", _("this week counted again"));
		break;
	case LIVE_FIX_WALK_ADDED:
		snprintf(what, sizeof(what), "%s", _("walk added"));
		break;
	case LIVE_FIX_REMOVED:
		snprintf(what, sizeof(what), _("removed %s"), entry_word(&d->entry, true));
		break;
	}
	snprintf(l->fix_undo, sizeof(l->fix_undo), _("Undo: %s"), what);
	return l->fix_undo;
}
