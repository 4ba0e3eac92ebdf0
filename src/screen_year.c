/*
 * screen_year.c - the review's year: the 52 weeks that end with the week
 * shown, a cell each, for meals, walks and hugs (as Loop's and GitHub's
 * calendars draw days): a full colour where the goal was met, a soft one
 * where something was done, an empty cell where nothing was, grey for an
 * away week, shaded for the week in progress; nothing before the first
 * week logged. The figures come from the report (report.h year_*).
 */
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

struct year_band {
	const char *title;
	const int *counts;
	int goal;                 /* met at this many */
	enum ui_color full, soft;
};

/* One habit: its title over a row of 52 cells, the months over them. */
static void
lay_year_band(struct lay *l, struct ui_rect box, const struct year_band *b, bool months)
{
	const struct report *r = l->r;
	int title_h = lay_line_height(l, lay_px(l, 18), true);
	struct ui_rect t = ui_rect_cut_top(&box, title_h, lay_px(l, 2));
	lay_text(l, t, 18, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", b->title);
	int small = lay_min_px(l);
	struct ui_rect m = ui_rect_cut_top(&box, months ? lay_line_height(l, small, false) : 0, 0);
	bool in_progress = r->at < cal_week_start(r->week + 1);
	int gap = lay_px(l, 2) > 1 ? lay_px(l, 2) : 1;
	int cell_h = box.h < lay_px(l, 44) ? box.h : lay_px(l, 44);
	int last_label = -1000;
	for (int i = 0; i < REPORT_YEAR_WEEKS; i++) {
		int64_t w = r->week - (REPORT_YEAR_WEEKS - 1) + i;
		/* spread over the whole width (equal columns would leave a
		 * margin of the rounding's remainders at the right) */
		int x0 = box.x + (int)((long)i * (box.w + gap) / REPORT_YEAR_WEEKS);
		int x1 = box.x + (int)((long)(i + 1) * (box.w + gap) / REPORT_YEAR_WEEKS) - gap;
		struct ui_rect col = { x0, box.y, x1 - x0, box.h };
		struct ui_rect cell = { col.x, box.y, col.w, cell_h };
		/* a month's name over its first week, where it has room */
		struct cal_date d = cal_date_from_day(cal_week_monday(w));
		if (months && d.day <= 7) {
			const char *name = ui_month_short(d.month);
			int tw = 0, th = 0;
			lay_measure(l, name, small, false, &tw, &th);
			if (col.x >= last_label && col.x + tw <= m.x + m.w) {
				lay_text_fixed(l, (struct ui_rect){ col.x, m.y, tw, m.h }, small, UI_TEXT_LEFT,
					       UI_C_INK_DIM, name);
				last_label = col.x + tw + gap * 3;
			}
		}
		if (w < r->first_week)
			continue; /* before anything was logged: no cell, no blame */
		enum ui_color c = UI_C_LINE;
		bool now = in_progress && i == REPORT_YEAR_WEEKS - 1;
		if (r->year_away[i])
			c = UI_C_INK_DIM;
		else if (b->counts[i] >= b->goal)
			c = b->full;
		else if (b->counts[i] > 0)
			c = b->soft;
		else if (now)
			c = UI_C_TODAY; /* nothing yet is not nothing done */
		if (now) /* the week in progress, framed */
			lay_rect(l, ui_rect_inset(cell, -gap), UI_C_INK_DIM, gap);
		lay_rect(l, cell, c, gap);
	}
}

/* What the cells' colours mean, a swatch and a word each. */
static void
lay_year_legend(struct lay *l, struct ui_rect box, bool in_progress)
{
	const struct { enum ui_color c; const char *word; } keys[] = {
		{ UI_C_MEAL, _("goal met") },
		{ UI_C_MEAL_SOFT, _("some") },
		{ UI_C_LINE, _("none") },
		{ UI_C_INK_DIM, _("away") },
		{ UI_C_TODAY, _("this week, in progress") },
	};
	int px = lay_min_px(l), line_h = lay_line_height(l, px, false), sw = line_h * 2 / 3, x = box.x;
	box.h = line_h; /* one line of them, then the next */
	for (size_t i = 0; i < FT_ARRAY_LEN(keys); i++) {
		if (keys[i].c == UI_C_TODAY && !in_progress)
			continue;
		int w = 0, h = 0;
		lay_measure(l, keys[i].word, px, false, &w, &h);
		if (x + sw + l->gap / 2 + w > box.x + box.w) {
			/* a second line for what is left */
			box.y += box.h;
			x = box.x;
		}
		lay_rect(l, (struct ui_rect){ x, box.y + (box.h - sw) / 2, sw, sw }, keys[i].c, lay_px(l, 2));
		x += sw + l->gap / 2;
		lay_text_fixed(l, (struct ui_rect){ x, box.y, w, box.h }, px, UI_TEXT_LEFT, UI_C_INK_DIM,
			       keys[i].word);
		x += w + l->gap * 2;
	}
}

void
lay_year(struct lay *l, struct ui_rect r)
{
	const struct report *rep = l->r;
	struct lay_button_spec back = { _("Review"), UI_ACT_GO_REVIEW, false };
	lay_review_top(l, &r, NULL, &back);
	lay_card(l, r, UI_C_CARD);
	if (!rep)
		return;
	struct ui_rect in = ui_rect_inset(r, l->pad);
	int small_h = lay_line_height(l, lay_min_px(l), false);
	/* the legend takes two lines where one is not enough (portrait) */
	lay_year_legend(l, ui_rect_cut_bottom(&in, l->portrait ? 2 * small_h : small_h, l->gap),
			rep->at < cal_week_start(rep->week + 1));
	char meals[96], walks[96];
	snprintf(meals, sizeof(meals), _("Meals together, a year (goal %d a week)"), rep->meal_goal);
	snprintf(walks, sizeof(walks), _("Walks, a year (goal %d a week)"), rep->walk_goal);
	const struct year_band bands[] = {
		{ meals, rep->year_meals, rep->meal_goal, UI_C_MEAL, UI_C_MEAL_SOFT },
		{ walks, rep->year_walks, rep->walk_goal, UI_C_WALK, UI_C_WALK_SOFT },
		{ _("Hugs, a year (every day of the week)"), rep->year_hugs, 7, UI_C_HUG, UI_C_HUG_SOFT },
	};
	for (int i = 0; i < 3; i++)
		lay_year_band(l, ui_rect_row(in, i, 3, l->gap), &bands[i], true);
}
