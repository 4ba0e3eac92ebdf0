/*
 * screen_meal.c - the meal in progress: how long the phones have been down,
 * whose phones are docked, and whether it counts.
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

void
lay_meal(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct ft_config *cfg = l->cfg;
	ft_ms length = m->session_open ? m->now - m->session_start : 0;
	if (length < 0)
		length = 0;
	char hhmm[8];
	lay_fmt_clock(m->now, hhmm);

	struct ui_rect top = ui_rect_cut_top(&r, l->target, l->gap);
	struct ui_rect home = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	lay_text(l, (struct ui_rect){ top.x, top.y, top.w - home.w - l->gap, top.h }, 26,
		 UI_TEXT_LEFT, UI_C_INK_DIM, "%s", hhmm);
	lay_button(l, home, _("Home"), UI_ACT_GO_GLANCE, 0, false);

	struct ui_rect names = ui_rect_cut_bottom(&r, lay_px(l, 64), l->gap);
	struct ui_rect status = ui_rect_cut_bottom(&r, lay_px(l, 44), l->gap);
	/* The timer: whole minutes, so it changes once a minute and
	 * nobody watches it tick. */
	char timer[32];
	lay_fmt_minutes(length, timer, sizeof(timer));
	lay_text_px(l, r, (int)(r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_MEAL, timer);

	bool counts = length >= cfg->meal_min;
	char buf[96];
	if (counts)
		snprintf(buf, sizeof(buf), "%s", _("✓ This counts as a meal together"));
	else
		snprintf(buf, sizeof(buf), _("A meal from %ld min — enjoy"),
			 (long)(cfg->meal_min / FT_MINUTE));
	lay_text(l, status, 24, 0, counts ? UI_C_MEAL : UI_C_INK_DIM, "%s", buf);

	int n = 0;
	for (int slot = 1; slot <= cfg->nslots; slot++)
		n += m->slot_in[slot - 1];
	if (n == 0)
		return;
	int i = 0;
	int chip_gap = lay_px(l, 8);
	int per_row = n;
	for (int slot = 1; slot <= cfg->nslots; slot++) {
		if (!m->slot_in[slot - 1])
			continue;
		char name[FT_NAME_MAX];
		struct ui_rect chip = ui_rect_column(names, i++, per_row, chip_gap);
		lay_rect(l, chip, UI_C_MEAL_SOFT, chip.h / 2);
		lay_text(l, ui_rect_inset(chip, lay_px(l, 8)), 22, UI_TEXT_BOLD, UI_C_INK, "%s",
			 config_slot_name(cfg, slot, name));
	}
}
