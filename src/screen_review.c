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

/* Where TEXT (ENTRY's, or what is left of it) breaks in WIDTH (0: it
 * does not). A line breaks as late as it can; a heading after its colon
 * where it has one, so that its figures stay together ("Meals together:"
 * over "4 of 3", not a lone "3"). */
static size_t
lay_entry_break(struct lay *l, const struct lay_entry *e, const char *text, int width)
{
	int size = lay_entry_px(l, e);
	size_t at = lay_break(l, text, size, e->heading, width);
	const char *colon = e->heading && at ? strstr(text, ": ") : NULL;
	if (colon && (size_t)(colon - text) + 1 < at) {
		char first[UI_TEXT_MAX];
		int w, h;
		snprintf(first, sizeof(first), "%.*s", (int)(colon - text + 1), text);
		if (lay_measure(l, first, size, true, &w, &h) && w <= width &&
		    lay_measure(l, colon + 2, size, true, &w, &h) && w <= width)
			return (size_t)(colon - text) + 1;
	}
	/* A line breaks after its last "·" or "," that fits, where it has
	 * one in its second half: "Meals: 1 week ·" over "best 1", not
	 * "best" over a lone "1" (nor a lone "·" over a whole label). */
	for (size_t i = at; i > at / 2 && i > 1 && !e->heading; i--) {
		if (text[i] != ' ')
			continue;
		if (text[i - 1] == ',' || strncmp(&text[i - 2], "·", 2) == 0)
			return i;
	}
	return at;
}

/* A line, then up to two more, indented: a long ritual's label wraps. */
#define LAY_ENTRY_LINES 3

/* Where each of ENTRY's lines starts in WIDTH (START[0] = 0); how many. */
static int
lay_entry_split(struct lay *l, const struct lay_entry *e, int width, bool wrap,
		size_t start[LAY_ENTRY_LINES])
{
	int n = 1, indent = e->heading ? 0 : lay_px(l, 16);
	start[0] = 0;
	while (wrap && n < LAY_ENTRY_LINES) {
		size_t at = lay_entry_break(l, e, e->text + start[n - 1], n == 1 ? width : width - indent);
		if (!at)
			break;
		start[n] = start[n - 1] + at + 1;
		n++;
	}
	return n;
}

/* How many lines ENTRY takes in WIDTH. */
static int
lay_entry_lines(struct lay *l, const struct lay_entry *e, int width, bool wrap)
{
	size_t start[LAY_ENTRY_LINES];
	return lay_entry_split(l, e, width, wrap, start);
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
	size_t start[LAY_ENTRY_LINES];
	int lines = lay_entry_split(l, e, c->r.w, wrap, start);
	if (c->y + lines * lh + (lines - 1) * lay_px(l, 2) > c->r.y + c->r.h)
		return false;
	struct ui_rect line = { c->r.x, c->y, c->r.w, lh };
	if (lines == 1 && e->heading) {
		lay_text_px(l, line, size, flags, e->color, e->text);
	} else {
		int indent = e->heading ? 0 : lay_px(l, 16);
		for (int i = 0; i < lines; i++) {
			char part[UI_TEXT_MAX];
			size_t len = i + 1 < lines ? start[i + 1] - 1 - start[i] : strlen(e->text + start[i]);
			snprintf(part, sizeof(part), "%.*s", (int)len, e->text + start[i]);
			lay_text_fixed(l, line, size, flags, e->color, part);
			if (i == 0) {
				line.x += indent;
				line.w -= indent;
			}
			line.y += lh + lay_px(l, 2);
		}
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

/* Whether E reads whole in WIDTH: on its lines (LAY_ENTRY_LINES at
 * most; two for a meal of the list) without an ellipsis. */
static bool
lay_entry_fits(struct lay *l, const struct lay_entry *e, int width, int max_lines)
{
	size_t start[LAY_ENTRY_LINES];
	int n = lay_entry_split(l, e, width, true, start), w = 0, h = 0;
	int indent = n > 1 && !e->heading ? lay_px(l, 16) : 0;
	return n <= max_lines &&
	       lay_measure(l, e->text + start[n - 1], lay_entry_px(l, e), e->heading, &w, &h) &&
	       w <= width - indent;
}

/* A meal of the week as its list says it, "Fri dinner · Anna, Ben, Chloé",
 * read whole in WIDTH (on MAX_LINES lines at most) by a rule: the whole family
 * (three or more) is "everyone"; else the names whole, else each name's
 * first part ("Marie-Christine Anne" -> "Marie"), else the first of them
 * and how many more. Never cut inside a name, let alone a letter. */
static void
review_meal_entry(struct lay *l, const struct store_session *ss, int width, int max_lines,
		  struct lay_entry *e)
{
	const char *day = ui_weekday_short(cal_weekday(ss->s.date));
	const char *kind = ui_meal_kind_lower(ss->s.kind);
	if (ss->nmembers == 0 || (ss->nmembers >= 3 && ss->nmembers == l->cfg->nslots)) {
		/* TRANSLATORS: a meal of the week: day, kind (in a sentence:
		 * lower case) and who was there, "Mon dinner · Anna, Ben" */
		lay_entry_set(e, false, UI_C_INK, _("%1$s %2$s · %3$s"), day, kind,
			      ss->nmembers ? _("everyone") : "–");
		return;
	}
	for (int shorten = 0; shorten < 2; shorten++) {
		for (int shown = ss->nmembers; shown >= 1; shown--) {
			char who[UI_TEXT_MAX] = "";
			for (int k = 0; k < shown; k++) {
				const char *name = ss->members[k];
				int len = shorten ? (int)strcspn(name, " -") : (int)strlen(name);
				size_t at = strlen(who);
				snprintf(who + at, sizeof(who) - at, "%s%.*s", k ? ", " : "", len ? len : (int)strlen(name), name);
			}
			if (shown < ss->nmembers) {
				size_t at = strlen(who);
				/* TRANSLATORS: after the first names of a meal's list: "Anna, Ben + 3" */
				snprintf(who + at, sizeof(who) - at, _(" + %d"), ss->nmembers - shown);
			}
			lay_entry_set(e, false, UI_C_INK, _("%1$s %2$s · %3$s"), day, kind, who);
			if (lay_entry_fits(l, e, width, max_lines))
				return;
			if (!shorten)
				break; /* whole names or none: next, their first parts */
		}
	}
}

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
	for (size_t i = 0; i < r->nmeals && n < LAY_MAX_ENTRIES; i++)
		review_meal_entry(l, &r->meals[i], c.r.w, 2, &meals[n++]);
	if (r->nmeals == 0)
		lay_entry_set(&meals[n++], false, UI_C_INK_DIM, "%s", _("No meal together yet"));

	/* Wrap only if every meal still shows that way. */
	bool wrap_rest = true;
	int space = c.r.h - lay_entries_height(l, &head, 1, c.r.w, true) -
		    lay_entries_height(l, tail, 4, c.r.w, true) - l->gap;
	bool wrap = lay_entries_height(l, meals, n, c.r.w, true) <= space;
	if (!wrap) {
		/* on one line each, shortened by the same rule (fewer names) */
		for (int i = 0; i < n && (size_t)i < r->nmeals; i++)
			review_meal_entry(l, &r->meals[i], c.r.w, 1, &meals[i]);
	}
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
	bool rhythm = r->rhythm_meals != HABITS_NO_RHYTHM;
	if (rhythm) {
		lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Rhythm"));
		lay_entry_set(&e[n++], false, UI_C_INK, _("Meals %d%% · Walks %d%%"), r->rhythm_meals,
			      r->rhythm_walks);
	}
	/* Every line reads whole, over two where it must (French is
	 * longer): when the card cannot hold them all so, the rhythm goes
	 * (the glance shows it too) rather than any line being cut. */
	if (rhythm && lay_entries_height(l, e, n, c.r.w, true) > c.r.h)
		n -= 2;
	for (int i = 0; i < n; i++)
		if (!lay_entry(l, &c, &e[i], true))
			break;
}

/* Twelve weeks of one habit as bars against its goal line. The week in
 * progress (IN_PROGRESS: the last one) has a shaded column, as today has in
 * the week's grid; an away week a grey column from top to bottom, not a
 * stub that reads as a missed week. */
static void
lay_chart(struct lay *l, struct ui_rect box, const char *title, const int *counts,
	  const bool *away, int first, bool in_progress, int goal, enum ui_color c, enum ui_color soft)
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
		if (i < first)
			continue; /* before anything was logged: not a missed week */
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
		if (h == 0) { /* a week with none: a line on the floor, said */
			h = lay_px(l, 2) > 1 ? lay_px(l, 2) : 1;
			bar = UI_C_INK_DIM;
		}
		lay_rect(l, (struct ui_rect){ col.x, col.y + col.h - h, col.w, h }, bar,
			 h > lay_px(l, 6) ? lay_px(l, 3) : 0);
	}
	int gy = box.y + box.h - (int)((long)box.h * goal / top);
	lay_rect(l, (struct ui_rect){ box.x, gy, box.w, lay_px(l, 2) > 1 ? lay_px(l, 2) : 1 }, UI_C_INK_DIM, 0);
}

/* A short date a family reads under a chart or over the year's cells: the
 * Monday of WEEK, "30 Nov". */
void
lay_week_date(int64_t week, char *out, size_t size)
{
	struct cal_date d = cal_date_from_day(cal_week_monday(week));
	/* TRANSLATORS: a week by its Monday, under the review's charts: "30 Nov" */
	snprintf(out, size, _("%1$d %2$s"), d.day, ui_month_short(d.month));
}

/* The legend under the charts and the year: what a grey column and a
 * shaded one mean, each a swatch and its word, in one line across BOX. */
void
lay_week_legend(struct lay *l, struct ui_rect box, bool away, bool in_progress)
{
	int px = lay_min_px(l), sw = box.h * 2 / 3, x = box.x;
	const struct { enum ui_color c; const char *word; bool show; } keys[] = {
		{ UI_C_LINE, _("away"), away },
		{ UI_C_TODAY, _("this week, in progress"), in_progress },
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(keys); i++) {
		if (!keys[i].show)
			continue;
		int w = 0, h = 0;
		lay_measure(l, keys[i].word, px, false, &w, &h);
		if (x + sw + l->gap / 2 + w > box.x + box.w)
			break;
		lay_rect(l, (struct ui_rect){ x, box.y + (box.h - sw) / 2, sw, sw }, keys[i].c, lay_px(l, 2));
		x += sw + l->gap / 2;
		lay_text_fixed(l, (struct ui_rect){ x, box.y, w, box.h }, px, UI_TEXT_LEFT, UI_C_INK_DIM,
			       keys[i].word);
		x += w + l->gap * 2;
	}
}

static void
lay_review_charts(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, l->pad);
	if (!r)
		return;
	/* the review's two other pages, from here: the bonds and the year */
	struct ui_rect go = ui_rect_cut_bottom(&in, l->target, l->gap);
	struct lay_button_spec pages[] = {
		{ _("Together"), UI_ACT_GO_TOGETHER, false },
		{ _("Year"), UI_ACT_GO_YEAR, false },
	};
	lay_button_row(l, go, pages, 2);
	bool in_progress = r->at < cal_week_start(r->week + 1);
	bool any_away = false;
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++)
		any_away |= r->history_away[i];
	int small_h = lay_line_height(l, lay_min_px(l), false);
	if (in_progress || any_away)
		lay_week_legend(l, ui_rect_cut_bottom(&in, small_h, 0), any_away, in_progress);
	/* the weeks' Mondays under both charts: every third, from the last */
	struct ui_rect axis = ui_rect_cut_bottom(&in, small_h, 0);
	struct ui_rect meals = ui_rect_row(in, 0, 2, l->gap);
	struct ui_rect walks = ui_rect_row(in, 1, 2, l->gap);
	char title[96];
	snprintf(title, sizeof(title), _("Meals, 12 weeks (goal %d)"), r->meal_goal);
	/* the first column with a week logged */
	int first = (int)(r->first_week - (r->week - (REPORT_HISTORY_WEEKS - 1)));
	lay_chart(l, meals, title, r->history_meals, r->history_away, first, in_progress, r->meal_goal,
		  UI_C_MEAL, UI_C_MEAL_SOFT);
	snprintf(title, sizeof(title), _("Walks, 12 weeks (goal %d)"), r->walk_goal);
	lay_chart(l, walks, title, r->history_walks, r->history_away, first, in_progress, r->walk_goal,
		  UI_C_WALK, UI_C_WALK_SOFT);
	for (int i = REPORT_HISTORY_WEEKS - 1; i >= 0; i -= 4) {
		char name[32];
		lay_week_date(r->week - (REPORT_HISTORY_WEEKS - 1 - i), name, sizeof(name));
		struct ui_rect col = ui_rect_column(axis, i, REPORT_HISTORY_WEEKS, lay_px(l, 3));
		/* centred under its column, kept inside the axis */
		int w = 0, h = 0;
		lay_measure(l, name, lay_min_px(l), false, &w, &h);
		int x = col.x + col.w / 2 - w / 2;
		if (x + w > axis.x + axis.w)
			x = axis.x + axis.w - w;
		if (x < axis.x)
			x = axis.x;
		lay_text_fixed(l, (struct ui_rect){ x, axis.y, w, axis.h }, lay_min_px(l), 0,
			       r->history_away[i] ? UI_C_INK_DIM : UI_C_INK, name);
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

/* The week's title: "Week 49 · 30 November – 6 December", with the
 * months short ("30 Nov – 6 Dec") where the long ones do not fit. */
static void
lay_review_title_of(struct lay *l, struct ui_rect box, const struct report *rep)
{
	char title[128];
	if (!rep) {
		lay_review_title(l, box, _("This week"));
		return;
	}
	struct cal_date a = cal_date_from_day(rep->from_day), b = cal_date_from_day(rep->to_day);
	int week = (int)strtol(rep->week_name + 6, NULL, 10); /* "2026-W49": 49 */
	/* TRANSLATORS: "Week 49 · 30 November – 6 December" */
	snprintf(title, sizeof(title), _("Week %d · %d %s – %d %s"), week, a.day, ui_month_long(a.month),
		 b.day, ui_month_long(b.month));
	const char *dot = strstr(title, " · ");
	int w = 0, h = 0;
	if (dot && lay_measure(l, dot + strlen(" · "), lay_px(l, 18), false, &w, &h) && w > box.w)
		snprintf(title, sizeof(title), _("Week %d · %d %s – %d %s"), week, a.day,
			 ui_month_short(a.month), b.day, ui_month_short(b.month));
	lay_review_title(l, box, title);
}

void
lay_review_top(struct lay *l, struct ui_rect *r, const struct lay_button_spec *extra,
	       const struct lay_button_spec *back)
{
	const struct ui_model *m = l->m;
	struct ui_rect top = ui_rect_cut_top(r, l->target, l->gap);
	int bw = lay_px(l, 150);
	struct ui_rect b = { top.x + top.w - bw, top.y, bw, top.h };
	lay_button(l, b, back->label, back->action, 0, back->primary);
	int right = b.x - l->gap;
	if (extra) {
		struct ui_rect e = { right - bw, top.y, bw, top.h };
		lay_button(l, e, extra->label, extra->action, 0, extra->primary);
		right = e.x - l->gap;
	}
	/* the arrows keep their places, drawn only where there is a week to
	 * go to: the title never moves under a finger */
	struct ui_rect prev = { top.x, top.y, l->target, top.h };
	struct ui_rect next = { right - l->target, top.y, l->target, top.h };
	if (m->review_earlier)
		lay_button(l, prev, "◀", UI_ACT_REVIEW_WEEK, -1, false);
	if (m->review_later)
		lay_button(l, next, "▶", UI_ACT_REVIEW_WEEK, 1, false);
	int x = prev.x + prev.w + l->gap;
	lay_review_title_of(l, (struct ui_rect){ x, top.y, next.x - l->gap - x, top.h }, l->r);
}

/* The marks the family sets, for the week up for review; each says what
 * the store holds once pressed ("Reviewed ✓"). An earlier (or later) week
 * is there to be read: one button back to the week up for review. */
static void
lay_review_marks(struct lay *l, struct ui_rect buttons)
{
	const struct ui_model *m = l->m;
	if (m->review && !m->review_offered) {
		char back[96];
		int64_t w = m->review_offered_week;
		char name[16];
		cal_week_name(w, name);
		snprintf(back, sizeof(back), _("Back to week %d"), (int)strtol(name + 6, NULL, 10));
		struct lay_button_spec b[] = {
			{ NULL, UI_ACT_NONE, false },
			{ back, UI_ACT_REVIEW_WEEK, true },
			{ NULL, UI_ACT_NONE, false },
		};
		lay_button_row(l, buttons, b, 3);
		if (m->reviewed)
			lay_text(l, ui_rect_column(buttons, 0, 3, l->gap), 18, UI_TEXT_BOLD, UI_C_MEAL, "%s",
				 _("Reviewed ✓"));
		return;
	}
	/* reviewing last week (on Monday), the week after it is this one */
	bool after_is_now = l->r && l->r->week < cal_week_of(m->now);
	const char *away = after_is_now ? (m->next_away ? _("This week: away ✓") : _("This week away"))
					: (m->next_away ? _("Next week: away ✓") : _("Next week away"));
	struct lay_button_spec btn[] = {
		{ m->reviewed ? _("Reviewed ✓") : _("Week reviewed"), UI_ACT_REVIEW_DONE, !m->reviewed },
		{ m->rituals_confirmed ? _("Rituals set ✓") : _("Keep our rituals"),
		  UI_ACT_REVIEW_RITUALS, false },
		{ away, UI_ACT_REVIEW_AWAY, false },
	};
	if (l->portrait) {
		/* narrow: the longest label ("Absents la semaine prochaine")
		 * gets a row of its own */
		struct ui_rect top = ui_rect_row(buttons, 0, 2, l->gap);
		lay_button_row(l, top, btn, 2);
		lay_button_row(l, ui_rect_row(buttons, 1, 2, l->gap), &btn[2], 1);
		return;
	}
	struct lay_button_spec row[] = { btn[0], btn[2], btn[1] };
	lay_button_row(l, buttons, row, 3);
}

void
lay_review(struct lay *l, struct ui_rect r)
{
	/* mistakes of the week (and the three before) are put right from
	 * here; in portrait the title needs the width (the walk screen and
	 * the settings lead there too) */
	struct lay_button_spec fix = { _("Put right"), UI_ACT_GO_FIXES, false };
	struct lay_button_spec close = { _("Close"), UI_ACT_REVIEW_CLOSE, false };
	lay_review_top(l, &r, l->portrait ? NULL : &fix, &close);

	/* Portrait: the three are narrow, they take two rows (there is room
	 * below the charts). */
	lay_review_marks(l, ui_rect_cut_bottom(&r, l->portrait ? 2 * l->target + l->gap : l->target, l->gap));

	if (!l->portrait) {
		/* the meals' names want the most width, the charts' titles
		 * the next; the rituals and streaks wrap */
		int w = r.w;
		struct ui_rect a = ui_rect_cut_left(&r, w * 34 / 100, l->gap);
		struct ui_rect b = ui_rect_cut_left(&r, w * 28 / 100, l->gap);
		lay_review_meals(l, a);
		lay_review_summary(l, b);
		lay_review_charts(l, r);
	} else {
		struct ui_rect upper = ui_rect_cut_top(&r, r.h * 56 / 100, l->gap);
		lay_review_meals(l, ui_rect_column(upper, 0, 2, l->gap));
		lay_review_summary(l, ui_rect_column(upper, 1, 2, l->gap));
		lay_review_charts(l, r);
	}
}
