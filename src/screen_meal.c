/*
 * screen_meal.c - the meal screen: the first phone acknowledged ("1 of 2
 * phones"), then how long the phones have been down, whose they are, and
 * what it is as the rules would judge it now (a meal that counts, one that
 * will once it lasts, phones down outside the meal times, phones left
 * charging); during a dip, the time left before it ends; when it has
 * ended, for a few seconds, how it ended.
 *
 * What to say is the decision module's (live.c fills ui_model's meal
 * fields); this file only words and places it.
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* "1:45": minutes and seconds, rounded up (a countdown never shows 0:00
 * while time is left). */
static void
fmt_countdown(ft_ms left, char *out, size_t size)
{
	long s = (long)((left + FT_SECOND - 1) / FT_SECOND);
	snprintf(out, size, "%ld:%02ld", s / 60, s % 60);
}

/* The status line under the figure, and its colour. */
static enum ui_color
meal_status_text(const struct ui_model *m, const struct ft_config *cfg, char *out, size_t size)
{
	long min = (long)(cfg->meal_min / FT_MINUTE);
	long ended_min = (long)((m->ended.end - m->ended.start) / FT_MINUTE);
	switch (m->meal_status) {
	case UI_MEAL_WAITING:
		snprintf(out, size, ngettext("A meal starts when %d phone is docked",
					     "A meal starts when %d phones are docked",
					     (unsigned long)cfg->min_phones), cfg->min_phones);
		return UI_C_INK_DIM;
	case UI_MEAL_WILL_COUNT:
		snprintf(out, size, _("%s: it counts from %ld min — enjoy"), ui_meal_kind(m->meal_kind),
			 min);
		return UI_C_INK_DIM;
	case UI_MEAL_COUNTS:
		snprintf(out, size, _("✓ %s together: it counts"), ui_meal_kind(m->meal_kind));
		return UI_C_MEAL;
	case UI_MEAL_NOT_MEAL_TIME:
		snprintf(out, size, "%s", _("Phones down · not a meal time"));
		return UI_C_INK_DIM;
	case UI_MEAL_CHARGING:
		snprintf(out, size, "%s", _("Phones charging · not a meal"));
		return UI_C_INK_DIM;
	case UI_MEAL_ENDED:
		switch (m->ended.cls) {
		case SESSION_MEAL:
			snprintf(out, size, _("✓ %s logged: %ld min together"),
				 ui_meal_kind(m->ended.kind), ended_min);
			return UI_C_MEAL;
		case SESSION_SHORT:
			snprintf(out, size, _("Too short to count (%ld min of %ld)"), ended_min, min);
			return UI_C_INK_DIM;
		case SESSION_PHONES_DOWN:
			snprintf(out, size, _("%ld min phones down · not a meal time"), ended_min);
			return UI_C_INK_DIM;
		case SESSION_LEFT_DOCKED:
			snprintf(out, size, "%s", _("Phones left docked · not a meal"));
			return UI_C_INK_DIM;
		}
		break;
	case UI_MEAL_NONE:
		break;
	}
	out[0] = 0;
	return UI_C_INK_DIM;
}

void
lay_meal(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct ft_config *cfg = l->cfg;
	char hhmm[8];
	lay_fmt_clock(m->now, hhmm);

	struct ui_rect top = ui_rect_cut_top(&r, l->target, l->gap);
	struct ui_rect home = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	lay_text(l, (struct ui_rect){ top.x, top.y, top.w - home.w - l->gap, top.h }, 26,
		 UI_TEXT_LEFT, UI_C_INK_DIM, "%s", hhmm);
	lay_button(l, home, _("Home"), UI_ACT_GO_GLANCE, 0, false);

	/* more than four phones: two rows of chips, so that eight names of
	 * twenty letters stay readable (issue 12, point 4) */
	int chip_rows = m->docked > 4 ? 2 : 1;
	struct ui_rect names = ui_rect_cut_bottom(&r, lay_px(l, chip_rows == 1 ? 64 : 104), l->gap);
	struct ui_rect status = ui_rect_cut_bottom(&r, lay_px(l, 44), l->gap);
	if (m->dipping) {
		/* The grace countdown, above the status: come back in time and
		 * it goes on. */
		struct ui_rect dip = ui_rect_cut_bottom(&r, lay_px(l, 40), l->gap);
		char left[48];
		fmt_countdown(m->dip_left, left, sizeof(left));
		lay_label(l, dip, 22, UI_TEXT_BOLD, UI_C_PRIMARY,
			  _("Phones out: back within %s and the meal goes on"), left);
	}

	/* The figure: whole minutes, so it changes once a minute and nobody
	 * watches it tick; while waiting, how many phones of how many. */
	char figure[32];
	if (m->meal_status == UI_MEAL_WAITING) {
		snprintf(figure, sizeof(figure), _("%d of %d phones"), m->docked, cfg->min_phones);
	} else if (m->meal_status == UI_MEAL_ENDED) {
		lay_fmt_minutes(m->ended.end - m->ended.start, figure, sizeof(figure));
	} else {
		/* in a dip, up to when the phones came out: what it logs if
		 * they stay out */
		ft_ms until = m->dipping ? m->dip_start : m->now;
		ft_ms length = m->session_open ? until - m->session_start : 0;
		lay_fmt_minutes(length < 0 ? 0 : length, figure, sizeof(figure));
	}
	lay_text_px(l, r, (int)((float)r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE,
		    m->meal_status == UI_MEAL_WAITING ? UI_C_INK : UI_C_MEAL, figure);

	char buf[UI_TEXT_MAX];
	enum ui_color c = meal_status_text(m, cfg, buf, sizeof(buf));
	if (buf[0])
		lay_label(l, status, 24, 0, c, "%s", buf);

	if (m->meal_status == UI_MEAL_ENDED || m->docked == 0)
		return;
	int i = 0;
	int chip_gap = lay_px(l, 8);
	for (int slot = 1; slot <= cfg->nslots; slot++) {
		if (!m->slot_in[slot - 1])
			continue;
		char name[FT_NAME_MAX];
		int per_row = (m->docked + chip_rows - 1) / chip_rows;
		struct ui_rect line = ui_rect_row(names, i / per_row, chip_rows, chip_gap);
		struct ui_rect chip = ui_rect_column(line, i % per_row, per_row, chip_gap);
		i++;
		lay_rect(l, chip, UI_C_MEAL_SOFT, chip.h / 2);
		lay_name(l, ui_rect_inset(chip, lay_px(l, 8)), 22, UI_TEXT_BOLD, UI_C_INK,
			 config_slot_name(cfg, slot, name));
	}
}
