/*
 * screen_glance.c - the glance: what the table shows most of the day, read
 * from a chair across the table (issue 12, point 2). The week's meals and
 * walks against their goals, big (at least a fifth of the screen's height);
 * whether each is met and its streak, at 28 px or more, an away week said
 * plainly with its streak kept; today's hug and the hug streak; the next
 * ritual not yet done (or a call to tap as kept); the rhythm once there is
 * one, with the weeks met in words; the buttons, which never move. A dot
 * grid of the week where there is room for it (portrait).
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "ritual.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* Whether the week's goal is met, in words (28 px at the glance). */
static void
habit_state_text(const struct report *r, int count, int goal, bool met, char *out, size_t size)
{
	if (r && r->away)
		snprintf(out, size, "%s", _("Away this week"));
	else if (met)
		snprintf(out, size, "%s", _("✓ Goal met"));
	else
		snprintf(out, size, ngettext("%d more to go", "%d more to go", (unsigned long)(goal - count)),
			 goal - count);
}

/* The streak in words, short enough for 28 px in a tile: an away week
 * keeps it, and says so. */
static void
habit_streak_text(const struct report *r, const struct streak *st, char *out, size_t size)
{
	if (r && r->away && st->current > 0)
		snprintf(out, size, ngettext("Streak kept: %d week", "Streak kept: %d weeks",
					     (unsigned long)st->current), st->current);
	else if (st->current > 0 && st->best > st->current)
		snprintf(out, size,
			 ngettext("%d week in a row · best %d", "%d weeks in a row · best %d",
				  (unsigned long)st->current), st->current, st->best);
	else if (st->current > 0)
		snprintf(out, size, ngettext("%d week in a row", "%d weeks in a row",
					     (unsigned long)st->current), st->current);
	else if (r && r->away)
		out[0] = '\0'; /* nothing to keep, nothing starts while away */
	else
		lay_streak_text(st, out, size);
}

/* The glance's size for what must read from a chair: met state, streaks. */
#define GLANCE_READ_PX 28

static void
lay_habit_tile(struct lay *l, struct ui_rect box, const char *label, int count, int goal,
	       bool met, const struct streak *st, enum ui_color c, enum ui_color soft)
{
	const struct report *r = l->r;
	bool away = r && r->away;
	lay_card(l, box, met && !away ? soft : UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, l->pad);
	int read_px = lay_px(l, GLANCE_READ_PX);
	struct ui_rect top = ui_rect_cut_top(&in, lay_line_height(l, lay_px(l, 20), true), 0);
	/* two lines for the streak, one for the state; the figure gets the rest */
	struct ui_rect streak = ui_rect_cut_bottom(&in, 2 * lay_line_height(l, read_px, false), 0);
	struct ui_rect state = ui_rect_cut_bottom(&in, lay_line_height(l, read_px, true), 0);
	lay_text(l, top, 20, UI_TEXT_BOLD | UI_TEXT_LEFT, UI_C_INK, "%s", label);
	lay_figure(l, in, count, goal, c);
	char buf[96];
	habit_state_text(r, count, goal, met, buf, sizeof(buf));
	lay_text(l, state, GLANCE_READ_PX, (away ? 0 : UI_TEXT_BOLD) | UI_TEXT_LEFT,
		 met && !away ? c : UI_C_INK, "%s", buf);
	habit_streak_text(r, st, buf, sizeof(buf));
	lay_label(l, streak, GLANCE_READ_PX, UI_TEXT_LEFT, UI_C_INK, "%s", buf);
}

/* Monday to Sunday: a row per meal window and one for walks, a dot where
 * one happened. Today's column is shaded. */
static void
lay_week_grid(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	const struct ft_config *cfg = l->cfg;
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, l->pad);
	int rows = cfg->nwindows + 2; /* day names, windows, walks */
	int legend_w = in.w * 2 / 9;
	struct ui_rect legend = ui_rect_cut_left(&in, legend_w, lay_px(l, 6));
	int64_t today = cal_day_of(l->m->now);
	int64_t monday = r ? r->from_day : cal_week_monday(cal_week_of(l->m->now));
	for (int d = 0; d < 7; d++) {
		struct ui_rect col = ui_rect_column(in, d, 7, lay_px(l, 4));
		if (monday + d == today)
			lay_rect(l, col, UI_C_TODAY, lay_px(l, 8));
		struct ui_rect head = ui_rect_row(col, 0, rows, 0);
		lay_text(l, head, 15, monday + d == today ? UI_TEXT_BOLD : 0, UI_C_INK_DIM, "%s",
			 ui_weekday_short(d));
		const struct report_day *rd = r ? &r->days[d] : NULL;
		for (int row = 1; row < rows; row++) {
			struct ui_rect cell = ui_rect_row(col, row, rows, 0);
			bool on, walk = row == rows - 1;
			if (walk)
				on = rd && rd->walks > 0;
			else
				on = rd && (rd->meal_kinds & (1u << (row - 1)));
			int dia = cell.h < cell.w ? cell.h : cell.w;
			dia = dia * 7 / 10;
			struct ui_rect dot = { cell.x + (cell.w - dia) / 2, cell.y + (cell.h - dia) / 2,
					       dia, dia };
			if (on)
				lay_disc(l, dot, walk ? UI_C_WALK : UI_C_MEAL);
			else {
				int small = dia / 3;
				lay_disc(l, (struct ui_rect){ cell.x + (cell.w - small) / 2,
							      cell.y + (cell.h - small) / 2, small, small },
					 UI_C_LINE);
			}
		}
	}
	for (int row = 1; row < rows; row++) {
		struct ui_rect cell = ui_rect_row(legend, row, rows, 0);
		const char *name = row == rows - 1 ? _("Walk") : ui_meal_kind(cfg->windows[row - 1].kind);
		lay_text(l, cell, 15, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", name);
	}
}

/* A card with a small title, one bigger line and, when SUB is not NULL, a
 * small line under it. */
static void
lay_info_card(struct lay *l, struct ui_rect box, enum ui_color bg, const char *title,
	      const char *value, enum ui_color value_color, const char *sub)
{
	lay_card(l, box, bg);
	struct ui_rect in = ui_rect_inset(box, l->pad);
	struct ui_rect t = ui_rect_cut_top(&in, sub ? in.h / 4 : in.h * 2 / 5, 0);
	lay_text(l, t, 15, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", title);
	if (sub) {
		struct ui_rect v = ui_rect_cut_top(&in, in.h * 2 / 5, 0);
		lay_text(l, v, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, value_color, "%s", value);
		lay_label(l, in, 16, UI_TEXT_LEFT, UI_C_INK, "%s", sub);
	} else {
		lay_text(l, in, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, value_color, "%s", value);
	}
}

static void
lay_side_cards(struct lay *l, struct ui_rect box, int n)
{
	const struct report *r = l->r;
	char buf[160], sub[160];
	/* a column beside the tiles (landscape), a row under the grid (portrait) */
	struct ui_rect (*place)(struct ui_rect, int, int, int) = l->portrait ? ui_rect_column : ui_rect_row;
	struct ui_rect c0 = place(box, 0, n, l->gap);
	struct ui_rect c1 = place(box, 1, n, l->gap);
	struct ui_rect c2 = place(box, 2, n, l->gap);
	bool hug = r && r->hug_today;
	struct streak hugs = r ? r->hug_streak : (struct streak){ 0, 0 };
	if (hugs.current > 0 && hugs.best > hugs.current)
		snprintf(sub, sizeof(sub), ngettext("%d day in a row · best %d", "%d days in a row · best %d",
						    (unsigned long)hugs.current), hugs.current, hugs.best);
	else if (hugs.current > 0)
		snprintf(sub, sizeof(sub), ngettext("%d day in a row", "%d days in a row",
						    (unsigned long)hugs.current), hugs.current);
	else if (hugs.best > 0)
		snprintf(sub, sizeof(sub), ngettext("Best: %d day in a row", "Best: %d days in a row",
						    (unsigned long)hugs.best), hugs.best);
	else
		snprintf(sub, sizeof(sub), "%s", _("One a day is the goal"));
	lay_info_card(l, c0, hug ? UI_C_HUG_SOFT : UI_C_CARD, _("Hug today"),
		      hug ? _("♥ Done") : _("Not yet"), hug ? UI_C_HUG : UI_C_INK, sub);

	const bool *kept = l->r ? l->r->ritual_kept : NULL;
	int call = ritual_call_due_today(l->cfg, kept, l->m->now);
	if (call >= 0) {
		lay_info_card(l, c1, UI_C_CARD, l->cfg->rituals[call].label, _("Tap when done"),
			      UI_C_PRIMARY, NULL);
		lay_target(l, c1, UI_ACT_GO_CALL, call);
	} else {
		ft_ms when;
		int i = ritual_next(l->cfg, kept, l->m->now, &when);
		if (i >= 0) {
			char hhmm[8];
			lay_fmt_clock(when, hhmm);
			if (cal_day_of(when) == cal_day_of(l->m->now))
				snprintf(buf, sizeof(buf), _("Today %s"), hhmm);
			else
				snprintf(buf, sizeof(buf), "%s %s",
					 ui_weekday_long(l->cfg->rituals[i].weekday), hhmm);
			lay_card(l, c1, UI_C_CARD);
			struct ui_rect in = ui_rect_inset(c1, l->pad);
			struct ui_rect t = ui_rect_cut_top(&in, in.h * 2 / 5, 0);
			lay_text(l, t, 15, UI_TEXT_LEFT, UI_C_INK_DIM, _("Next: %s"), buf);
			lay_label(l, in, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s",
				  l->cfg->rituals[i].label);
		} else {
			lay_info_card(l, c1, UI_C_CARD, _("Rituals"), _("None set"), UI_C_INK_DIM, NULL);
		}
	}
	/* no rhythm before the first complete week: nothing, not 0% (SPEC §4);
	 * then the weeks met beside it, in words */
	if (!r || r->rhythm_meals == HABITS_NO_RHYTHM)
		return;
	snprintf(buf, sizeof(buf), _("Meals %d%% · Walks %d%%"), r->rhythm_meals, r->rhythm_walks);
	snprintf(sub, sizeof(sub),
		 ngettext("Goals met, last %d week: meals %d, walks %d",
			  "Goals met, last %d weeks: meals %d, walks %d", (unsigned long)r->recent_weeks),
		 r->recent_weeks, r->recent_met_meals, r->recent_met_walks);
	lay_info_card(l, c2, UI_C_CARD, _("Rhythm"), buf, UI_C_INK, sub);
}

static void
lay_header(struct lay *l, struct ui_rect box)
{
	char date[96], hhmm[8];
	lay_fmt_date(l->m->now, date, sizeof(date));
	lay_fmt_clock(l->m->now, hhmm);
	int time_w = box.w / 4;
	struct ui_rect left = ui_rect_cut_left(&box, box.w - time_w - l->gap, l->gap);
	if (l->m->nbanners > 0) {
		/* A fault takes the date's place, so the figures keep their
		 * size: the family still reads the week from across the room. */
		lay_rect(l, left, UI_C_BANNER, lay_px(l, 8));
		char msg[UI_TEXT_MAX];
		if (l->m->nbanners > 1)
			snprintf(msg, sizeof(msg),
				 ngettext("%s (and %d more)", "%s (and %d more)",
					  (unsigned long)(l->m->nbanners - 1)),
				 l->m->banners[0], l->m->nbanners - 1);
		else
			snprintf(msg, sizeof(msg), "%s", l->m->banners[0]);
		/* two lines when one would cut the cause off */
		lay_label(l, ui_rect_inset(left, lay_px(l, 6)), 16, UI_TEXT_LEFT, UI_C_ON_BANNER, "%s", msg);
	} else {
		lay_text(l, left, 26, UI_TEXT_LEFT, UI_C_INK, "%s", date);
	}
	lay_text(l, box, 30, UI_TEXT_RIGHT | UI_TEXT_BOLD, UI_C_INK, "%s", hhmm);
}

/* The row of buttons under the glance. */
static void
lay_glance_buttons(struct lay *l, struct ui_rect box)
{
	char walk[64];
	if (l->m->walk_open) {
		char len[32];
		lay_fmt_minutes(l->m->now - l->m->walk_start, len, sizeof(len));
		snprintf(walk, sizeof(walk), _("Walk · %s"), len);
	} else {
		snprintf(walk, sizeof(walk), "%s", _("Walk"));
	}
	struct lay_button_spec b[] = {
		{ walk, UI_ACT_GO_WALK, l->m->walk_open },
		{ _("Hug"), UI_ACT_GO_HUG, false },
		/* a call can be logged any day, not only a call ritual's */
		{ _("Call"), UI_ACT_GO_CALL, false },
		{ _("Week"), UI_ACT_GO_REVIEW, false },
	};
	/* Undo's place is kept whether or not there is something to undo, so
	 * that no button moves under a finger that knows where it was; "Undo
	 * hug 19:05" is long: a double share of the row */
	struct ui_rect undo = { box.x + box.w - (box.w - 4 * l->gap) / 3, box.y, 0, box.h };
	undo.w = box.x + box.w - undo.x;
	box.w -= undo.w + l->gap;
	if (l->m->undo_label)
		lay_button(l, undo, l->m->undo_label, UI_ACT_UNDO, 0, false);
	lay_button_row(l, box, b, 4);
}

void
lay_glance(struct lay *l, struct ui_rect r)
{
	const struct report *rep = l->r;
	struct streak none = { 0, 0 };
	int meals = rep ? rep->meal_count : 0, walks = rep ? rep->walk_count : 0;
	int meal_goal = rep ? rep->meal_goal : l->cfg->meal_goal;
	int walk_goal = rep ? rep->walk_goal : l->cfg->walk_goal;
	/* tall enough to be held (the settings), with the gap under it, as
	 * every target is */
	struct ui_rect header = ui_rect_cut_top(&r, lay_px(l, l->portrait ? 56 : 60), l->gap);
	lay_header(l, header);
	/* held for two seconds, the clock and date open the settings; a tap
	 * does nothing, so a child does not wander in */
	lay_target(l, (struct ui_rect){ header.x, header.y, header.w, header.h + l->gap },
		   UI_ACT_SETTINGS_HOLD, 0);
	struct ui_rect buttons = ui_rect_cut_bottom(&r, l->target, l->gap);
	lay_glance_buttons(l, buttons);

	/* Landscape: the two tiles take the whole height (their figures and
	 * words must read across the table) and the week's grid is left to
	 * the review; portrait has room for the grid under them. */
	struct ui_rect tiles, grid = { 0, 0, 0, 0 }, side;
	if (!l->portrait) {
		side = r;
		tiles = ui_rect_cut_left(&side, r.w * 71 / 100, l->gap);
	} else {
		int h = r.h;
		tiles = ui_rect_cut_top(&r, h * 52 / 100, l->gap);
		grid = ui_rect_cut_top(&r, h * 22 / 100, l->gap);
		side = r;
	}
	lay_habit_tile(l, ui_rect_column(tiles, 0, 2, l->gap), _("Meals together"), meals, meal_goal,
		       rep && rep->meals_met, rep ? &rep->meal_streak : &none, UI_C_MEAL,
		       UI_C_MEAL_SOFT);
	lay_habit_tile(l, ui_rect_column(tiles, 1, 2, l->gap), _("Walks"), walks, walk_goal,
		       rep && rep->walks_met, rep ? &rep->walk_streak : &none, UI_C_WALK,
		       UI_C_WALK_SOFT);
	if (l->portrait)
		lay_week_grid(l, grid);
	/* Hug, next ritual, rhythm: a column beside (landscape) or under the grid. */
	lay_side_cards(l, side, 3);
}
