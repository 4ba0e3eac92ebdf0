/*
 * screen_together.c - the review's bonds (SPEC §3, report `bonds`): who
 * shared meals with whom in the week shown and over the four weeks that
 * end with it, a pair a line with both counts, and the week's calls (who
 * called whom). Reached from the review; its arrows browse the weeks too.
 */
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

#define TOGETHER_PX 17 /* the lists' lines, in design units */

/* This week's meals of the pair P (0 when they shared none). */
static int
pair_week_meals(const struct report *r, const struct report_pair *p)
{
	for (int j = 0; j < r->npairs; j++)
		if (r->pairs[j].slot[0] == p->slot[0] && r->pairs[j].slot[1] == p->slot[1])
			return r->pairs[j].meals;
	return 0;
}

/* A card of the page: its TITLE, and EMPTY when COUNT is 0 (then false:
 * nothing more to lay). C gets the column under the title. */
static bool
lay_together_card(struct lay *l, struct ui_rect box, const char *title, size_t count,
		  const char *empty, struct lay_col *c)
{
	lay_card(l, box, UI_C_CARD);
	*c = (struct lay_col){ ui_rect_inset(box, l->pad), box.y + l->pad };
	struct ui_rect row;
	if (lay_col_line(l, c, 22, true, &row))
		lay_text(l, row, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	if (count == 0 && lay_col_line(l, c, TOGETHER_PX, false, &row))
		lay_text_fixed(l, row, lay_px(l, TOGETHER_PX), UI_TEXT_LEFT, UI_C_INK_DIM, empty);
	return count > 0;
}

/* The pairs, most meals over four weeks first (the report's order), each
 * name shortened by lay_short_name's rule so that both and the counts
 * always show; "and N more" when the card is full. */
static void
lay_pairs(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	struct lay_col c;
	struct ui_rect row;
	int px = lay_px(l, TOGETHER_PX);
	if (!lay_together_card(l, box, _("Together at meals"), r ? (size_t)r->npairs4 : 0,
			       _("No meal shared yet"), &c))
		return;
	/* the counts' columns, as wide as their headings */
	const char *hw = _("this week"), *h4 = _("4 weeks");
	int w1 = 0, w4 = 0, h = 0;
	lay_measure(l, hw, lay_min_px(l), true, &w1, &h);
	lay_measure(l, h4, lay_min_px(l), true, &w4, &h);
	int cw = lay_px(l, 40);
	if (w1 < cw)
		w1 = cw;
	if (w4 < cw)
		w4 = cw;
	if (lay_col_line(l, &c, 13, true, &row)) {
		struct ui_rect col4 = { row.x + row.w - w4, row.y, w4, row.h };
		struct ui_rect col1 = { col4.x - l->gap * 2 - w1, row.y, w1, row.h };
		lay_text_fixed(l, col1, lay_min_px(l), UI_TEXT_BOLD, UI_C_INK_DIM, hw);
		lay_text_fixed(l, col4, lay_min_px(l), UI_TEXT_BOLD, UI_C_INK_DIM, h4);
	}
	int line = lay_line_height(l, px, false) + lay_px(l, 4);
	for (int i = 0; i < r->npairs4; i++) {
		/* keep a line for "and N more" when some are left */
		bool last_room = c.y + 2 * line > c.r.y + c.r.h;
		if (i + 1 < r->npairs4 && last_room) {
			int more = r->npairs4 - i;
			char text[96];
			snprintf(text, sizeof(text), ngettext("and %d more pair", "and %d more pairs",
							      (unsigned long)more), more);
			if (lay_col_line(l, &c, TOGETHER_PX, false, &row))
				lay_text_fixed(l, row, px, UI_TEXT_LEFT, UI_C_INK_DIM, text);
			break;
		}
		if (!lay_col_line(l, &c, TOGETHER_PX, false, &row))
			break;
		const struct report_pair *p = &r->pairs4[i];
		struct ui_rect col4 = { row.x + row.w - w4, row.y, w4, row.h };
		struct ui_rect col1 = { col4.x - l->gap * 2 - w1, row.y, w1, row.h };
		struct ui_rect names = { row.x, row.y, col1.x - l->gap - row.x, row.h };
		char a[FT_NAME_MAX], b[FT_NAME_MAX], sa[FT_NAME_MAX], sb[FT_NAME_MAX], text[UI_TEXT_MAX],
			n1[16], n4[16];
		int amp = 0;
		lay_measure(l, " & ", px, false, &amp, &h);
		int half = (names.w - amp) / 2;
		/* TRANSLATORS: two people who shared meals: "Anna & Ben" */
		snprintf(text, sizeof(text), _("%1$s & %2$s"),
			 lay_short_name(l, report_member_name(r, l->cfg, p->slot[0], a), px, false, half, sa),
			 lay_short_name(l, report_member_name(r, l->cfg, p->slot[1], b), px, false, half, sb));
		lay_text_fixed(l, names, px, UI_TEXT_LEFT, UI_C_INK, text);
		int week = pair_week_meals(r, p);
		snprintf(n1, sizeof(n1), "%d", week);
		snprintf(n4, sizeof(n4), "%d", p->meals);
		lay_text_fixed(l, col1, px, UI_TEXT_BOLD, week ? UI_C_MEAL : UI_C_INK_DIM, n1);
		lay_text_fixed(l, col4, px, UI_TEXT_BOLD, UI_C_INK, n4);
	}
}

/* The week's calls, who called whom: the day and time over the names,
 * each name shortened by the same rule, so nothing is cut. */
static void
lay_calls(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	struct lay_col c;
	struct ui_rect row;
	int px = lay_px(l, TOGETHER_PX);
	if (!lay_together_card(l, box, _("Calls"), r ? r->ncalls : 0, _("No call this week"), &c))
		return;
	int line = lay_line_height(l, px, false) + lay_px(l, 2);
	for (size_t i = 0; i < r->ncalls; i++) {
		const struct report_call *call = &r->calls[i];
		if (i + 1 < r->ncalls && c.y + 5 * line + l->gap > c.r.y + c.r.h) {
			int more = (int)(r->ncalls - i);
			char text[96];
			snprintf(text, sizeof(text), ngettext("and %d more call", "and %d more calls",
							      (unsigned long)more), more);
			if (lay_col_line(l, &c, TOGETHER_PX, false, &row))
				lay_text_fixed(l, row, px, UI_TEXT_LEFT, UI_C_INK_DIM, text);
			break;
		}
		char when[64], hhmm[8], text[UI_TEXT_MAX], a[FT_NAME_MAX], b[FT_NAME_MAX];
		lay_fmt_clock(call->t, hhmm);
		/* when it was logged, "Wed 18:40" in every language */
		snprintf(when, sizeof(when), "%s %s", ui_weekday_short(cal_weekday(cal_day_of(call->t))), hhmm);
		if (!lay_col_line(l, &c, TOGETHER_PX, false, &row))
			break;
		lay_text_fixed(l, row, px, UI_TEXT_LEFT, UI_C_INK_DIM, when);
		if (!lay_col_line(l, &c, TOGETHER_PX, false, &row))
			break;
		unsigned bold = UI_TEXT_LEFT | UI_TEXT_BOLD;
		if (!call->from[0]) {
			lay_text_fixed(l, row, px, bold, UI_C_INK, _("a call"));
		} else {
			/* TRANSLATORS: who called whom: "Chloé → Grandma Jo" */
			snprintf(text, sizeof(text), _("%1$s → %2$s"), call->from, call->to);
			int w = 0, h = 0;
			if (lay_measure(l, text, px, true, &w, &h) && w <= row.w) {
				lay_text_fixed(l, row, px, bold, UI_C_INK, text);
			} else {
				/* whom on a line of its own, whole where it fits: a
				 * title's first word ("Great-Aunt") says nobody */
				snprintf(text, sizeof(text), _("%1$s → %2$s"),
					 lay_short_name(l, call->from, px, true, row.w, a), "");
				lay_text_fixed(l, row, px, bold, UI_C_INK, text);
				if (!lay_col_line(l, &c, TOGETHER_PX, true, &row))
					break;
				int indent = lay_px(l, 16);
				row.x += indent;
				row.w -= indent;
				lay_text_fixed(l, row, px, bold, UI_C_INK,
					       lay_short_name(l, call->to, px, true, row.w, b));
			}
		}
		c.y += lay_px(l, 4);
	}
}

void
lay_together(struct lay *l, struct ui_rect r)
{
	struct lay_button_spec back = { _("Review"), UI_ACT_GO_REVIEW, false };
	lay_review_top(l, &r, NULL, &back);
	if (!l->portrait) {
		struct ui_rect a = ui_rect_cut_left(&r, r.w * 58 / 100, l->gap);
		lay_pairs(l, a);
		lay_calls(l, r);
	} else {
		struct ui_rect a = ui_rect_cut_top(&r, r.h * 58 / 100, l->gap);
		lay_pairs(l, a);
		lay_calls(l, r);
	}
}
