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

void
lay_fixes(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char buf[256], when[48], len[32];
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

	/* a walk after the fact: on its own screen, with its day, start and
	 * length */
	struct ui_rect walk = ui_rect_cut_top(&r, l->target, l->gap);
	lay_button(l, walk, _("Add a walk someone forgot to start"), UI_ACT_GO_ADD_WALK, 0, false);

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
			snprintf(buf, sizeof(buf), "%s · %s", entry_name(e), len);
		} else if (e->call_from[0]) {
			/* TRANSLATORS: a call in the history: "Call", who called and whom */
			snprintf(buf, sizeof(buf), _("%s · %s → %s"), entry_name(e), e->call_from,
				 e->call_to);
		} else {
			snprintf(buf, sizeof(buf), "%s", entry_name(e));
		}
		struct ui_rect in = ui_rect_inset(row, l->pad);
		if (l->portrait) {
			/* when above what, each read whole on a narrow row */
			struct ui_rect top = ui_rect_cut_top(&in, in.h / 2, 0);
			lay_text(l, top, 18, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", when);
			lay_text(l, in, 18, UI_TEXT_LEFT, UI_C_INK, "%s", buf);
		} else {
			lay_text(l, in, 20, UI_TEXT_LEFT, UI_C_INK, "%s · %s", when, buf);
		}
		lay_button(l, remove, _("Remove"), UI_ACT_FIX_REMOVE, m->fix_first + i, false);
	}
}

/* The day of the walk to add, as the family says it: today, yesterday,
 * else its weekday and date. */
static void
fmt_day(ft_ms t, ft_ms now, char *out, size_t size)
{
	int64_t day = cal_day_of(t), today = cal_day_of(now);
	struct cal_date d = cal_date_from_day(day);
	if (day == today)
		snprintf(out, size, "%s", _("Today"));
	else if (day == today - 1)
		snprintf(out, size, "%s", _("Yesterday"));
	else
		/* TRANSLATORS: weekday, day of the month, month: "Tue 1 December" */
		snprintf(out, size, _("%1$s %2$d %3$s"), ui_weekday_short(cal_weekday(day)), d.day,
			 ui_month_long(d.month));
}

void
lay_add_walk(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char day[64], hhmm[8], len[32];
	lay_setup_top(l, &r, _("A walk after the fact"), UI_ACT_GO_FIXES, 0);
	struct ui_rect foot = ui_rect_cut_bottom(&r, l->target, l->gap);
	lay_button(l, foot, _("Add walk"), UI_ACT_FIX_WALK_ADD, 0, true);
	fmt_day(m->fix_walk_start, m->now, day, sizeof(day));
	lay_fmt_clock(m->fix_walk_start, hhmm);
	lay_fmt_minutes(m->fix_walk_length, len, sizeof(len));
	const char *words[3] = { _("Day"), _("Started at"), _("Lasted") };
	const char *values[3] = { day, hhmm, len };
	static const int steps[3][2] = { { 4, 5 }, { 0, 1 }, { 2, 3 } };
	for (int i = 0; i < 3; i++) {
		struct ui_rect row = ui_rect_row(r, i, 3, l->gap);
		if (row.h > lay_px(l, 90)) {
			row.y += (row.h - lay_px(l, 90)) / 2;
			row.h = lay_px(l, 90);
		}
		struct ui_rect word = ui_rect_cut_left(&row, row.w / 4, l->gap);
		lay_text(l, word, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", words[i]);
		lay_stepper(l, row, values[i], UI_ACT_FIX_WALK_STEP, steps[i][0], steps[i][1]);
	}
}
