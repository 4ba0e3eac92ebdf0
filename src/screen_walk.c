/*
 * screen_walk.c - the walk: start it on the way out, stop it on return; the
 * length and whether it counts; the week's walks when none is going.
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
lay_walk(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char buf[128], len[32];
	lay_back_row(l, &r, _("Walk"));
	if (m->walk_open) {
		/* "We're back" sits at the top, "Start" at the bottom: two
		 * quick taps in one place cannot log a walk of nothing */
		struct ui_rect back = ui_rect_cut_top(&r, lay_px(l, 96), l->gap);
		lay_button(l, back, _("We're back"), UI_ACT_WALK_STOP, 0, true);
	}
	/* (while out, nothing to tap where "Start" was) */
	struct ui_rect button = m->walk_open ? r : ui_rect_cut_bottom(&r, lay_px(l, 96), l->gap);
	struct ui_rect hint = ui_rect_cut_bottom(&r, lay_px(l, l->portrait ? 72 : 40), l->gap);
	if (m->walk_open) {
		char hhmm[8];
		lay_fmt_clock(m->walk_start, hhmm);
		struct ui_rect since = ui_rect_cut_top(&r, lay_px(l, 40), 0);
		lay_text(l, since, 24, 0, UI_C_INK_DIM, _("Out walking since %s"), hhmm);
		lay_fmt_minutes(m->now - m->walk_start, len, sizeof(len));
		lay_text_px(l, r, (int)(r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_WALK, len);
		bool counts = habits_walk_counts(l->cfg, m->now - m->walk_start);
		if (counts)
			snprintf(buf, sizeof(buf), "%s", _("✓ Long enough to count"));
		else
			snprintf(buf, sizeof(buf), _("It counts from %ld min"),
				 (long)(l->cfg->walk_min / FT_MINUTE));
		lay_label(l, hint, 22, 0, counts ? UI_C_WALK : UI_C_INK_DIM, "%s", buf);
		return;
	}
	if (m->walk_done_length >= 0) {
		lay_fmt_minutes(m->walk_done_length, len, sizeof(len));
		struct ui_rect what = ui_rect_cut_top(&r, lay_px(l, 40), 0);
		lay_text(l, what, 24, 0, UI_C_INK_DIM, "%s", _("Walk logged"));
		lay_text_px(l, r, (int)(r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_WALK, len);
		if (habits_walk_counts(l->cfg, m->walk_done_length))
			snprintf(buf, sizeof(buf), "%s", _("✓ It counts for this week"));
		else
			snprintf(buf, sizeof(buf), _("Shorter than %ld min: kept, not counted"),
				 (long)(l->cfg->walk_min / FT_MINUTE));
		lay_label(l, hint, 22, 0, UI_C_INK_DIM, "%s", buf);
		lay_button(l, button, _("Start another walk"), UI_ACT_WALK_START, 0, false);
		return;
	}
	const struct report *rep = l->r;
	struct ui_rect what = ui_rect_cut_top(&r, lay_px(l, 40), 0);
	lay_text(l, what, 24, 0, UI_C_INK_DIM, "%s", _("Walks this week"));
	lay_figure(l, ui_rect_inset(r, lay_px(l, 8)), rep ? rep->walk_count : 0,
		   rep ? rep->walk_goal : l->cfg->walk_goal, UI_C_WALK);
	lay_label(l, hint, 22, 0, UI_C_INK_DIM, _("Tap when you leave, and again when you're back. It counts from %ld min."),
		 (long)(l->cfg->walk_min / FT_MINUTE));
	/* a walk someone forgot to start: the corrections add it */
	struct ui_rect add = ui_rect_cut_left(&button, button.w / 3, l->gap);
	lay_button(l, add, _("Forgot one? Add it"), UI_ACT_GO_FIXES, 0, false);
	lay_button(l, button, _("Start a walk"), UI_ACT_WALK_START, 0, true);
}
