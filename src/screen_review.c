/*
 * screen_review.c - the Sunday review: the week's meals, a summary of each
 * habit, the weeks' charts, and the three marks the family sets (reviewed,
 * next week away, rituals kept).
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/*
 * The review's cards are lists: headings at 18, lines at 15 (scaled), every
 * line at its list's size whatever its length, so that the family reads one
 * list, not a ransom note. A line too long for its card goes on over a
 * second, indented line (after a "·" or a comma where it can) when the
 * whole card still fits that way; when it does not, every long line ends
 * with an ellipsis instead. A heading (it carries the figures: "Meals
 * together: 4 of 3") is never cut: it breaks over two lines, or at the
 * last resort shrinks.
 */
#define LAY_HEAD_PX 18
#define LAY_LINE_PX 15

struct lay_entry {
	char text[UI_TEXT_MAX];
	bool heading;
	enum ui_color color;
};

static int
lay_entry_px(struct lay *l, const struct lay_entry *e)
{
	int size = lay_px(l, e->heading ? LAY_HEAD_PX : LAY_LINE_PX);
	return size < lay_min_px(l) ? lay_min_px(l) : size;
}

/* Where ENTRY breaks in WIDTH (0: it does not). A line breaks as late as
 * it can; a heading after its colon where it has one, so that its figures
 * stay together ("Meals together:" over "4 of 3", not a lone "3"). */
static size_t
lay_entry_break(struct lay *l, const struct lay_entry *e, int width)
{
	int size = lay_entry_px(l, e);
	size_t at = lay_break(l, e->text, size, e->heading, width);
	const char *colon = e->heading && at ? strstr(e->text, ": ") : NULL;
	if (colon && (size_t)(colon - e->text) + 1 < at) {
		char first[UI_TEXT_MAX];
		int w, h;
		snprintf(first, sizeof(first), "%.*s", (int)(colon - e->text + 1), e->text);
		if (lay_measure(l, first, size, true, &w, &h) && w <= width &&
		    lay_measure(l, colon + 2, size, true, &w, &h) && w <= width)
			return (size_t)(colon - e->text) + 1;
	}
	/* A line breaks after its last "·" or "," that fits, where it has
	 * one: "Meals: 1 week ·" over "best 1", not "best" over a lone "1". */
	for (size_t i = at; i > 1 && !e->heading; i--) {
		if (e->text[i] != ' ')
			continue;
		if (e->text[i - 1] == ',' || strncmp(&e->text[i - 2], "·", 2) == 0)
			return i;
	}
	return at;
}

/* How many lines ENTRY takes in WIDTH: 1, or 2 when it breaks. */
static int
lay_entry_lines(struct lay *l, const struct lay_entry *e, int width, bool wrap)
{
	return wrap && lay_entry_break(l, e, width) ? 2 : 1;
}

/* A line's height: the font's, or more where accents reach higher (É). */
static int
lay_entry_line_h(struct lay *l, const struct lay_entry *e)
{
	int size = lay_entry_px(l, e), w = 0, h = 0;
	int lh = lay_line_height(l, size, e->heading);
	if (lay_measure(l, e->text, size, e->heading, &w, &h) && h > lh)
		lh = h;
	return lh;
}

static int
lay_entry_height(struct lay *l, const struct lay_entry *e, int lines)
{
	return lines * (lay_entry_line_h(l, e) + lay_px(l, 2));
}

/* The height N entries take in WIDTH. */
static int
lay_entries_height(struct lay *l, const struct lay_entry *e, int n, int width, bool wrap)
{
	int h = 0;
	for (int i = 0; i < n; i++)
		h += lay_entry_height(l, &e[i], lay_entry_lines(l, &e[i], width, wrap));
	return h;
}

/* Lays one entry at the column's next line(s); false when there is no room. */
static bool
lay_entry(struct lay *l, struct lay_col *c, const struct lay_entry *e, bool wrap)
{
	int size = lay_entry_px(l, e);
	unsigned flags = UI_TEXT_LEFT | (e->heading ? UI_TEXT_BOLD : 0);
	int lh = lay_entry_line_h(l, e);
	size_t at = wrap ? lay_entry_break(l, e, c->r.w) : 0;
	int lines = at ? 2 : 1;
	if (c->y + lines * lh + (lines - 1) * lay_px(l, 2) > c->r.y + c->r.h)
		return false;
	struct ui_rect line = { c->r.x, c->y, c->r.w, lh };
	if (!at && e->heading) {
		lay_text_px(l, line, size, flags, e->color, e->text);
	} else if (!at) {
		lay_text_fixed(l, line, size, flags, e->color, e->text);
	} else {
		char first[UI_TEXT_MAX];
		snprintf(first, sizeof(first), "%.*s", (int)at, e->text);
		lay_text_fixed(l, line, size, flags, e->color, first);
		int indent = e->heading ? 0 : lay_px(l, 16);
		line.y += lh + lay_px(l, 2);
		line.x += indent;
		line.w -= indent;
		lay_text_fixed(l, line, size, flags, e->color, e->text + at + 1);
	}
	c->y += lines * (lh + lay_px(l, 2));
	return true;
}

static void
lay_entry_set(struct lay_entry *e, bool heading, enum ui_color color, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
lay_entry_set(struct lay_entry *e, bool heading, enum ui_color color, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof(e->text), fmt, ap);
	va_end(ap);
	e->heading = heading;
	e->color = color;
}

#define LAY_MAX_ENTRIES 32

static void
lay_review_meals(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct lay_col c = { ui_rect_inset(box, l->pad), box.y + l->pad };
	struct lay_entry head = {0}, tail[4], more;
	if (!r) {
		lay_entry_set(&head, true, UI_C_INK, "%s", _("Meals together"));
		lay_entry(l, &c, &head, false);
		return;
	}
	lay_entry_set(&head, true, UI_C_INK, _("Meals together: %d of %d"), r->meal_count, r->meal_goal);
	char len[32];
	lay_fmt_minutes(r->walk_length, len, sizeof(len));
	lay_entry_set(&tail[0], true, UI_C_INK, _("Walks: %d of %d"), r->walk_count, r->walk_goal);
	if (r->walk_count)
		lay_entry_set(&tail[1], false, UI_C_INK, _("%s walking together"), len);
	else
		lay_entry_set(&tail[1], false, UI_C_INK, "%s", _("No walk yet"));
	lay_entry_set(&tail[2], true, UI_C_INK,
		      ngettext("Hugs: %d day", "Hugs: %d days", (unsigned long)r->hug_days), r->hug_days);
	lay_entry_set(&tail[3], false, UI_C_INK_DIM, "%s",
		      r->hug_days >= 7 ? _("Every day ♥") : _("One a day is the goal"));

	/* The meals, one entry each: "Fri Dinner · Anna, Ben, Chloé". */
	struct lay_entry meals[LAY_MAX_ENTRIES];
	int n = 0;
	for (size_t i = 0; i < r->nmeals && n < LAY_MAX_ENTRIES; i++) {
		const struct store_session *ss = &r->meals[i];
		char who[FT_MAX_SLOTS * (FT_NAME_MAX + 2)] = "";
		for (int k = 0; k < ss->nmembers; k++) {
			if (k)
				strcat(who, ", ");
			strcat(who, ss->members[k]);
		}
		/* TRANSLATORS: a meal of the week: day, kind (in a sentence:
		 * lower case) and who was there, "Mon dinner · Anna, Ben" */
		lay_entry_set(&meals[n++], false, UI_C_INK, _("%1$s %2$s · %3$s"),
			      ui_weekday_short(cal_weekday(ss->s.date)), ui_meal_kind_lower(ss->s.kind),
			      who[0] ? who : "–");
	}
	if (r->nmeals == 0)
		lay_entry_set(&meals[n++], false, UI_C_INK_DIM, "%s", _("No meal together yet"));

	/* Wrap only if every meal still shows that way. */
	bool wrap_rest = true;
	int space = c.r.h - lay_entries_height(l, &head, 1, c.r.w, true) -
		    lay_entries_height(l, tail, 4, c.r.w, true) - l->gap;
	bool wrap = lay_entries_height(l, meals, n, c.r.w, true) <= space;
	if (lay_entries_height(l, meals, n, c.r.w, false) > space) {
		/* Not even on one line each: nothing breaks, to show more. */
		wrap_rest = false;
		space = c.r.h - lay_entries_height(l, &head, 1, c.r.w, false) -
			lay_entries_height(l, tail, 4, c.r.w, false) - l->gap;
	}
	lay_entry(l, &c, &head, wrap_rest);
	struct lay_col list = { { c.r.x, c.y, c.r.w, space }, c.y };
	int line_h = lay_entry_height(l, &meals[0], 1);
	int shown = 0;
	for (int i = 0; i < n; i++) {
		/* Keep one line for "and N more" when the list is long. */
		if (i + 1 < n && list.y + lay_entry_height(l, &meals[i], 1) + line_h > list.r.y + list.r.h)
			break;
		if (!lay_entry(l, &list, &meals[i], wrap))
			break;
		shown++;
	}
	if (r->nmeals > 0 && shown < n) {
		int hidden = (int)(r->nmeals - (size_t)shown);
		lay_entry_set(&more, false, UI_C_INK_DIM, ngettext("and %d more", "and %d more", (unsigned long)hidden),
			      hidden);
		lay_entry(l, &list, &more, false);
	}
	/* The walks and hugs right under the list. */
	c.y = list.y + l->gap;
	for (int i = 0; i < 4; i++)
		lay_entry(l, &c, &tail[i], wrap_rest);
}

static void
lay_review_summary(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct lay_col c = { ui_rect_inset(box, l->pad), box.y + l->pad };
	if (!r)
		return;
	struct lay_entry e[LAY_MAX_ENTRIES];
	int n = 0;
	lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Rituals"));
	for (int i = 0; i < l->cfg->nrituals && i < r->nrituals && n < LAY_MAX_ENTRIES - 8; i++) {
		const struct ft_ritual *rt = &l->cfg->rituals[i];
		lay_entry_set(&e[n++], false, r->ritual_kept[i] ? UI_C_MEAL : UI_C_INK_DIM, "%s %s %s",
			      r->ritual_kept[i] ? "✓" : "·", ui_weekday_short(rt->weekday), rt->label);
	}
	if (l->cfg->nrituals == 0)
		lay_entry_set(&e[n++], false, UI_C_INK_DIM, "%s", _("None set"));
	lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Streaks"));
	lay_entry_set(&e[n++], false, UI_C_INK,
		      ngettext("Meals: %d week · best %d", "Meals: %d weeks · best %d",
			       (unsigned long)r->meal_streak.current),
		      r->meal_streak.current, r->meal_streak.best);
	lay_entry_set(&e[n++], false, UI_C_INK,
		      ngettext("Walks: %d week · best %d", "Walks: %d weeks · best %d",
			       (unsigned long)r->walk_streak.current),
		      r->walk_streak.current, r->walk_streak.best);
	lay_entry_set(&e[n++], false, UI_C_INK,
		      ngettext("Hugs: %d day in a row · best %d", "Hugs: %d days in a row · best %d",
			       (unsigned long)r->hug_streak.current),
		      r->hug_streak.current, r->hug_streak.best);
	if (r->rhythm_meals != HABITS_NO_RHYTHM) {
		lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Rhythm"));
		lay_entry_set(&e[n++], false, UI_C_INK, _("Meals %d%% · Walks %d%%"), r->rhythm_meals,
			      r->rhythm_walks);
	}
	/* the week's calls, who called whom (SPEC §3) */
	lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Calls"));
	for (size_t i = 0; i < r->ncalls && n < LAY_MAX_ENTRIES; i++) {
		const struct report_call *call = &r->calls[i];
		char hhmm[8];
		lay_fmt_clock(call->t, hhmm);
		const char *day = ui_weekday_short(cal_weekday(cal_day_of(call->t)));
		if (call->from[0])
			/* TRANSLATORS: a call of the week: "Wed 18:40 · Chloé → Grandma Jo" */
			lay_entry_set(&e[n++], false, UI_C_INK, _("%1$s %2$s · %3$s → %4$s"), day, hhmm,
				      call->from, call->to);
		else
			lay_entry_set(&e[n++], false, UI_C_INK, _("%1$s %2$s · a call"), day, hhmm);
	}
	if (r->ncalls == 0 && n < LAY_MAX_ENTRIES)
		lay_entry_set(&e[n++], false, UI_C_INK_DIM, "%s", _("No call yet"));
	bool wrap = lay_entries_height(l, e, n, c.r.w, true) <= c.r.h;
	for (int i = 0; i < n; i++)
		if (!lay_entry(l, &c, &e[i], wrap))
			break;
}

/* Twelve weeks of one habit as bars against its goal line. The week in
 * progress (IN_PROGRESS: the last one) has a shaded column, as today has in
 * the week's grid; an away week a grey column from top to bottom, not a
 * stub that reads as a missed week. */
static void
lay_chart(struct lay *l, struct ui_rect box, const char *title, const int *counts,
	  const bool *away, bool in_progress, int goal, enum ui_color c, enum ui_color soft)
{
	int title_h = lay_line_height(l, lay_px(l, 15), true);
	struct ui_rect t = ui_rect_cut_top(&box, title_h, lay_px(l, 2));
	lay_text(l, t, 15, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK_DIM, "%s", title);
	int top = goal;
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++)
		if (counts[i] > top)
			top = counts[i];
	if (top <= 0)
		top = 1;
	top += top / 4 + 1; /* room above the goal line */
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++) {
		struct ui_rect col = ui_rect_column(box, i, REPORT_HISTORY_WEEKS, lay_px(l, 3));
		if (away[i]) {
			lay_rect(l, col, UI_C_LINE, lay_px(l, 3));
			continue;
		}
		if (in_progress && i == REPORT_HISTORY_WEEKS - 1)
			lay_rect(l, col, UI_C_TODAY, lay_px(l, 3));
		int h = (int)((long)col.h * counts[i] / top);
		if (counts[i] > 0 && h < lay_px(l, 3))
			h = lay_px(l, 3);
		enum ui_color bar = counts[i] >= goal ? c : soft;
		if (i == REPORT_HISTORY_WEEKS - 1 && counts[i] < goal)
			bar = soft; /* this week, in progress */
		lay_rect(l, (struct ui_rect){ col.x, col.y + col.h - h, col.w, h }, bar, lay_px(l, 3));
	}
	int gy = box.y + box.h - (int)((long)box.h * goal / top);
	lay_rect(l, (struct ui_rect){ box.x, gy, box.w, lay_px(l, 2) > 1 ? lay_px(l, 2) : 1 }, UI_C_INK_DIM, 0);
}

static void
lay_review_charts(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, l->pad);
	if (!r)
		return;
	int n = l->cfg->nslots;
	int line_h = lay_line_height(l, lay_px(l, 15), false) + lay_px(l, 2);
	int head_h = lay_line_height(l, lay_px(l, 18), true) + lay_px(l, 2);
	/* the bonds: a pair a line, the three who shared most */
	int per_line = 1;
	int lines = r->npairs4 < 3 ? (r->npairs4 > 0 ? r->npairs4 : 1) : 3;
	(void)n;
	struct ui_rect who = ui_rect_cut_bottom(&in, head_h + lines * line_h, l->gap);
	/* the weeks' numbers under both charts: every third, and the last */
	struct ui_rect axis = ui_rect_cut_bottom(&in, lay_line_height(l, lay_min_px(l), false), 0);
	struct ui_rect meals = ui_rect_row(in, 0, 2, l->gap);
	struct ui_rect walks = ui_rect_row(in, 1, 2, l->gap);
	bool in_progress = r->at < cal_week_start(r->week + 1);
	char title[96];
	snprintf(title, sizeof(title), _("Meals, 12 weeks (goal %d)"), r->meal_goal);
	lay_chart(l, meals, title, r->history_meals, r->history_away, in_progress, r->meal_goal,
		  UI_C_MEAL, UI_C_MEAL_SOFT);
	snprintf(title, sizeof(title), _("Walks, 12 weeks (goal %d)"), r->walk_goal);
	lay_chart(l, walks, title, r->history_walks, r->history_away, in_progress, r->walk_goal,
		  UI_C_WALK, UI_C_WALK_SOFT);
	for (int i = REPORT_HISTORY_WEEKS - 1; i >= 0; i -= 3) {
		char name[16];
		cal_week_name(r->week - (REPORT_HISTORY_WEEKS - 1 - i), name);
		struct ui_rect col = ui_rect_column(axis, i, REPORT_HISTORY_WEEKS, lay_px(l, 3));
		/* three columns wide, centred on its own, inside the axis */
		int x0 = col.x - col.w > axis.x ? col.x - col.w : axis.x;
		int x1 = col.x + 2 * col.w < axis.x + axis.w ? col.x + 2 * col.w : axis.x + axis.w;
		int half = col.x + col.w / 2 - x0 < x1 - col.x - col.w / 2 ? col.x + col.w / 2 - x0
									    : x1 - col.x - col.w / 2;
		struct ui_rect wide = { col.x + col.w / 2 - half, col.y, 2 * half, col.h };
		lay_text_fixed(l, wide, lay_min_px(l), 0, r->history_away[i] ? UI_C_INK_DIM : UI_C_INK,
			       name + 6); /* "2026-W49" -> "49" */
	}

	/* The bonds (SPEC §3): who shared meals with whom, this week and over
	 * four weeks, most first; names shortened by lay_short_name's rule and
	 * the counts in a box of their own, so a long name never hides them. */
	struct lay_col c = { who, who.y };
	struct ui_rect row;
	int px = lay_px(l, LAY_LINE_PX), shown = 0;
	if (lay_col_line(l, &c, LAY_HEAD_PX, true, &row)) {
		/* "Together at meals" and, over the counts, what they count */
		int lw = 0, lh = 0;
		lay_measure(l, _("week · 4 weeks"), lay_min_px(l), false, &lw, &lh);
		struct ui_rect left = ui_rect_cut_left(&row, row.w - lw - l->gap, l->gap);
		lay_text_fixed(l, left, lay_px(l, LAY_LINE_PX), UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK,
			       _("Together"));
		lay_text_fixed(l, row, lay_min_px(l), UI_TEXT_RIGHT, UI_C_INK_DIM, _("week · 4 weeks"));
	}
	if (r->npairs4 == 0 && lay_col_line(l, &c, LAY_LINE_PX, false, &row))
		lay_text_fixed(l, row, px, UI_TEXT_LEFT, UI_C_INK_DIM, _("No meal shared yet"));
	for (int i = 0; i < lines && shown < r->npairs4; i++) {
		if (!lay_col_line(l, &c, LAY_LINE_PX, false, &row))
			break;
		for (int k = 0; k < per_line && shown < r->npairs4; k++, shown++) {
			const struct report_pair *p = &r->pairs4[shown];
			int week = 0;
			for (int j = 0; j < r->npairs; j++)
				if (r->pairs[j].slot[0] == p->slot[0] && r->pairs[j].slot[1] == p->slot[1])
					week = r->pairs[j].meals;
			struct ui_rect cell = ui_rect_column(row, k, per_line, l->gap);
			char count[24], a[FT_NAME_MAX], b[FT_NAME_MAX], sa[FT_NAME_MAX], sb[FT_NAME_MAX],
				text[2 * FT_NAME_MAX + 8];
			snprintf(count, sizeof(count), "%d · %d", week, p->meals);
			int cw = 0, ch = 0;
			lay_measure(l, count, px, false, &cw, &ch);
			struct ui_rect names = ui_rect_cut_left(&cell, cell.w - cw - l->gap, l->gap);
			int half = (names.w - lay_px(l, 14)) / 2;
			/* TRANSLATORS: two people who shared meals: "Anna & Ben" */
			snprintf(text, sizeof(text), _("%1$s & %2$s"),
				 lay_short_name(l, report_member_name(r, l->cfg, p->slot[0], a), px, false, half, sa),
				 lay_short_name(l, report_member_name(r, l->cfg, p->slot[1], b), px, false, half, sb));
			lay_text_fixed(l, names, px, UI_TEXT_LEFT, UI_C_INK, text);
			lay_text_fixed(l, cell, px, UI_TEXT_RIGHT, UI_C_INK, count);
		}
	}
}

/* "Week 49 · 30 November – 6 December" on one line where it fits at its
 * size; else the week in bold over its dates (split at the translated
 * title's first " · "), rather than one line shrunk small. */
static void
lay_review_title(struct lay *l, struct ui_rect box, const char *title)
{
	int size = lay_px(l, 26), w, h;
	const char *dot = strstr(title, " · ");
	if (!lay_measure(l, title, size, true, &w, &h) || w <= box.w || !dot) {
		lay_text_px(l, box, size, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, title);
		return;
	}
	char week[UI_TEXT_MAX];
	snprintf(week, sizeof(week), "%.*s", (int)(dot - title), title);
	const char *dates = dot + strlen(" · ");
	int small = lay_px(l, 18);
	int h1 = lay_line_height(l, size, true), h2 = lay_line_height(l, small, false);
	struct ui_rect a = { box.x, box.y + (box.h - h1 - h2) / 2, box.w, h1 };
	struct ui_rect b = { box.x, a.y + h1, box.w, h2 };
	lay_text_px(l, a, size, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, week);
	lay_text_px(l, b, small, UI_TEXT_LEFT, UI_C_INK_DIM, dates);
}

void
lay_review(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct report *rep = l->r;
	char title[96];
	if (rep) {
		struct cal_date a = cal_date_from_day(rep->from_day), b = cal_date_from_day(rep->to_day);
		/* TRANSLATORS: "Week 49 · 30 November – 6 December" */
		snprintf(title, sizeof(title), _("Week %d · %d %s – %d %s"),
			 (int)strtol(rep->week_name + 6, NULL, 10), a.day, /* "2026-W49": 49 */ ui_month_long(a.month), b.day,
			 ui_month_long(b.month));
	} else {
		snprintf(title, sizeof(title), "%s", _("This week"));
	}
	struct ui_rect top = ui_rect_cut_top(&r, l->target, l->gap);
	struct ui_rect close = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	/* mistakes of the week (and the three before) are put right from
	 * here; in portrait the title needs the width (the walk screen and
	 * the settings lead there too) */
	struct ui_rect fix = { close.x, top.y, 0, top.h };
	if (!l->portrait) {
		fix = (struct ui_rect){ close.x - l->gap - lay_px(l, 150), top.y, lay_px(l, 150),
					top.h };
		lay_button(l, fix, _("Put right"), UI_ACT_GO_FIXES, 0, false);
	}
	lay_review_title(l, (struct ui_rect){ top.x, top.y, fix.x - top.x - l->gap, top.h }, title);
	lay_button(l, close, _("Close"), UI_ACT_REVIEW_CLOSE, 0, false);

	/* Portrait: the three are narrow, their labels go on two lines; the
	 * row is a little taller for it (there is room below the charts). */
	struct ui_rect buttons = ui_rect_cut_bottom(&r, l->portrait ? l->target * 5 / 4 : l->target,
						 l->gap);
	struct lay_button_spec btn[] = {
		{ m->reviewed ? _("Reviewed ✓") : _("Week reviewed"), UI_ACT_REVIEW_DONE, !m->reviewed },
		{ m->next_away ? _("Next week: away ✓") : _("Next week away"), UI_ACT_REVIEW_AWAY, false },
		{ m->rituals_confirmed ? _("Rituals set ✓") : _("Keep our rituals"),
		  UI_ACT_REVIEW_RITUALS, false },
	};
	lay_button_row(l, buttons, btn, 3);

	if (!l->portrait) {
		struct ui_rect a = ui_rect_cut_left(&r, r.w * 35 / 100, l->gap);
		struct ui_rect b = ui_rect_cut_left(&r, r.w * 45 / 100, l->gap);
		lay_review_meals(l, a);
		lay_review_summary(l, b);
		lay_review_charts(l, r);
	} else {
		struct ui_rect upper = ui_rect_cut_top(&r, r.h * 48 / 100, l->gap);
		lay_review_meals(l, ui_rect_column(upper, 0, 2, l->gap));
		lay_review_summary(l, ui_rect_column(upper, 1, 2, l->gap));
		lay_review_charts(l, r);
	}
}
