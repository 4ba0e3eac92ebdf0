/*
 * screen_fixes.c - mistakes put right (issue 11, point 6): this week away
 * or counted, with its dates; a walk someone forgot to start, added with
 * its start and length; the last four weeks' entries, any of which can be
 * removed after a question whose coloured answer is the safe one; and
 * Undo for the last correction. Reached from the settings.
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* "Tue 1 Dec 19:02" */
static void
fmt_when(ft_ms t, char *out, size_t size)
{
	char hhmm[8];
	struct cal_date d = cal_date_from_day(cal_day_of(t));
	lay_fmt_clock(t, hhmm);
	snprintf(out, size, "%s %d %s", ui_weekday_short(cal_weekday(cal_day_of(t))), d.day, hhmm);
}

/* What an entry was, as the family says it. */
static const char *
entry_name(const struct ui_fix_entry *e)
{
	if (strcmp(e->record, "meal") == 0)
		return ui_meal_kind(e->detail);
	if (strcmp(e->record, "walk") == 0)
		return _("Walk");
	if (strcmp(e->record, "hug") == 0)
		return _("Hug");
	if (strcmp(e->record, "tap") == 0)
		return _("Call");
	if (strcmp(e->record, "left-docked") == 0)
		return _("Left docked");
	if (strcmp(e->record, "short") == 0)
		return _("Too short");
	return _("Phones down");
}

static void
lay_stepper(struct lay *l, struct ui_rect box, const char *value, int less, int more)
{
	int b = l->target;
	struct ui_rect minus = ui_rect_cut_left(&box, b, l->gap / 2);
	struct ui_rect plus = { box.x + box.w - b, box.y, b, box.h };
	box.w -= b + l->gap / 2;
	lay_button(l, minus, "−", UI_ACT_FIX_WALK_STEP, less, false);
	lay_button(l, plus, "+", UI_ACT_FIX_WALK_STEP, more, false);
	lay_text(l, box, 20, UI_TEXT_BOLD, UI_C_INK, "%s", value);
}

void
lay_fixes(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char buf[160], when[48], len[32];
	lay_back_row(l, &r, _("Put mistakes right"));

	/* this week: its dates, away or counted */
	struct ui_rect week = ui_rect_cut_top(&r, l->portrait ? lay_px(l, 40) + l->target : l->target,
					      l->gap);
	int64_t monday = cal_week_monday(cal_week_of(m->now));
	struct cal_date a = cal_date_from_day(monday), b = cal_date_from_day(monday + 6);
	/* portrait: the dates above the button, so they are read whole */
	struct ui_rect toggle = l->portrait
		? (struct ui_rect){ week.x, week.y + week.h - l->target, week.w, l->target }
		: (struct ui_rect){ week.x + week.w - lay_px(l, 230), week.y, lay_px(l, 230), week.h };
	if (l->portrait)
		week.h -= l->target;
	else
		week.w -= toggle.w + l->gap;
	snprintf(buf, sizeof(buf), m->week_away ? _("This week, %d %s – %d %s: away")
						: _("This week, %d %s – %d %s: counted"),
		 a.day, ui_month_long(a.month), b.day, ui_month_long(b.month));
	lay_text(l, week, 20, UI_TEXT_LEFT, UI_C_INK, "%s", buf);
	lay_button(l, toggle, m->week_away ? _("Count it again") : _("Mark away"), UI_ACT_FIX_AWAY, 0,
		   false);

	/* a walk after the fact: when, how long, add */
	struct ui_rect walk = ui_rect_cut_top(&r, l->portrait ? 2 * l->target + l->gap : l->target,
					      l->gap);
	struct ui_rect add = { walk.x + walk.w - lay_px(l, 130), walk.y, lay_px(l, 130), walk.h };
	walk.w -= add.w + l->gap;
	fmt_when(m->fix_walk_start, when, sizeof(when));
	lay_fmt_minutes(m->fix_walk_length, len, sizeof(len));
	if (l->portrait) {
		lay_stepper(l, ui_rect_row(walk, 0, 2, l->gap), when, 0, 1);
		lay_stepper(l, ui_rect_row(walk, 1, 2, l->gap), len, 2, 3);
	} else {
		struct ui_rect start = ui_rect_cut_left(&walk, walk.w * 3 / 5, l->gap);
		lay_stepper(l, start, when, 0, 1);
		lay_stepper(l, walk, len, 2, 3);
	}
	lay_button(l, add, _("Add walk"), UI_ACT_FIX_WALK_ADD, 0, true);

	/* newer, older, undo across the bottom */
	struct ui_rect foot = ui_rect_cut_bottom(&r, l->target, l->gap);
	int rows = (r.h + l->gap) / (l->target + l->gap);
	if (rows < 1)
		rows = 1;
	struct ui_rect older = ui_rect_column(foot, 0, 3, l->gap);
	struct ui_rect newer = ui_rect_column(foot, 1, 3, l->gap);
	struct ui_rect undo = ui_rect_column(foot, 2, 3, l->gap);
	if (m->fix_first > 0)
		lay_button(l, newer, _("Newer"), UI_ACT_FIX_PAGE, -rows, false);
	if (m->fix_first + rows < m->nfixes)
		lay_button(l, older, _("Older"), UI_ACT_FIX_PAGE, rows, false);
	if (m->fix_undo_label)
		lay_button(l, undo, m->fix_undo_label, UI_ACT_FIX_UNDO, 0, false);

	/* the entries, newest first, each with Remove */
	if (m->nfixes == 0) {
		lay_label(l, r, 20, 0, UI_C_INK_DIM, "%s", _("Nothing logged in the last four weeks."));
		return;
	}
	for (int i = 0; i < rows && m->fix_first + i < m->nfixes; i++) {
		const struct ui_fix_entry *e = &m->fixes[m->fix_first + i];
		struct ui_rect row = ui_rect_cut_top(&r, l->target, l->gap);
		struct ui_rect remove = { row.x + row.w - lay_px(l, 150), row.y, lay_px(l, 150), row.h };
		row.w -= remove.w + l->gap;
		lay_card(l, row, UI_C_CARD);
		fmt_when(e->start, when, sizeof(when));
		if (e->end > e->start) {
			lay_fmt_minutes(e->end - e->start, len, sizeof(len));
			snprintf(buf, sizeof(buf), "%s · %s · %s", when, entry_name(e), len);
		} else {
			snprintf(buf, sizeof(buf), "%s · %s", when, entry_name(e));
		}
		lay_text(l, ui_rect_inset(row, l->pad), 20, UI_TEXT_LEFT, UI_C_INK, "%s", buf);
		lay_button(l, remove, _("Remove"), UI_ACT_FIX_REMOVE, m->fix_first + i, false);
	}
}
