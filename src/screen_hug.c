/*
 * screen_hug.c - the 20-second hug: a ring that fills, and two circles for
 * two people to hold (it runs only while both hold), or a tap on the ring.
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
lay_hug(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	lay_back_row(l, &r, _("20-second hug"));
	struct ui_rect hint = ui_rect_cut_bottom(&r, lay_px(l, l->portrait ? 72 : 40), l->gap);
	int hold_d;
	struct ui_rect ring, hold[2];
	if (!l->portrait) {
		hold_d = r.h * 3 / 5;
		if (hold_d > r.w / 4)
			hold_d = r.w / 4;
		int ring_d = r.h;
		ring = (struct ui_rect){ r.x + (r.w - ring_d) / 2, r.y, ring_d, ring_d };
		hold[0] = (struct ui_rect){ r.x, r.y + (r.h - hold_d) / 2, hold_d, hold_d };
		hold[1] = (struct ui_rect){ r.x + r.w - hold_d, r.y + (r.h - hold_d) / 2, hold_d, hold_d };
	} else {
		int ring_d = r.w * 4 / 5;
		ring = (struct ui_rect){ r.x + (r.w - ring_d) / 2, r.y, ring_d, ring_d };
		struct ui_rect rest = { r.x, r.y + ring_d + l->gap, r.w, r.h - ring_d - l->gap };
		hold_d = rest.h < rest.w / 2 - l->gap ? rest.h : rest.w / 2 - l->gap;
		hold[0] = (struct ui_rect){ rest.x, rest.y + (rest.h - hold_d) / 2, hold_d, hold_d };
		hold[1] = (struct ui_rect){ rest.x + rest.w - hold_d, rest.y + (rest.h - hold_d) / 2,
					    hold_d, hold_d };
	}
	ft_ms total = l->cfg->hug > 0 ? l->cfg->hug : 20 * FT_SECOND;
	float done = m->hug_state == UI_HUG_DONE ? 1.0f
		   : m->hug_state == UI_HUG_IDLE ? 0.0f
		   : 1.0f - (float)m->hug_left / (float)total;
	int thick = ring.w / 12;
	lay_disc(l, ring, UI_C_HUG_SOFT);
	lay_ring(l, ring, thick, 1.0f, UI_C_LINE);
	lay_ring(l, ring, thick, done, UI_C_HUG);
	/* The text inside the ring: its inscribed square, inside the ring. */
	int inner = (int)((ring.w - 2 * thick) * 0.70f);
	struct ui_rect in = { ring.x + (ring.w - inner) / 2, ring.y + (ring.h - inner) / 2, inner, inner };
	struct ui_rect num = ui_rect_cut_top(&in, in.h * 2 / 3, 0);
	char buf[64];
	if (m->hug_state == UI_HUG_DONE) {
		lay_text_px(l, num, (int)(num.h / 1.2f), UI_TEXT_BOLD, UI_C_HUG, "♥");
		lay_text(l, in, 22, UI_TEXT_BOLD, UI_C_HUG, "%s", _("Hug logged"));
	} else {
		long secs = (long)((m->hug_state == UI_HUG_IDLE ? total : m->hug_left) + 999) / 1000;
		snprintf(buf, sizeof(buf), "%ld", secs);
		lay_text_px(l, num, (int)(num.h / 1.2f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_HUG, buf);
		const char *what = m->hug_state == UI_HUG_RUNNING ? _("Tap to pause")
				 : m->hug_state == UI_HUG_PAUSED ? _("Tap to go on")
				 : _("Tap to start");
		lay_text(l, in, 20, 0, UI_C_INK_DIM, "%s", what);
	}
	lay_target(l, ring, UI_ACT_HUG_TOGGLE, 0);
	for (int i = 0; i < 2; i++) {
		lay_disc(l, hold[i], m->hug_hold[i] ? UI_C_HUG : UI_C_CARD);
		int t = hold[i].w * 7 / 10;
		struct ui_rect label = { hold[i].x + (hold[i].w - t) / 2, hold[i].y + (hold[i].h - t / 2) / 2,
					 t, t / 2 };
		lay_text(l, label, 20, UI_TEXT_BOLD, m->hug_hold[i] ? UI_C_ON_PRIMARY : UI_C_INK, "%s",
			 _("Hold"));
		lay_target(l, hold[i], UI_ACT_HUG_HOLD, i);
	}
	lay_label(l, hint, 20, 0, UI_C_INK_DIM, "%s",
		  _("Each of you holds a circle, or tap the ring to start"));
}
