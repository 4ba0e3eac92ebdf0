/*
 * screen_family.c - the dock's names on the display (issue 11, point 1, the
 * family): one card per slot with its name (or none yet), Change and
 * Remove; "Name a phone" asks for the phone to be docked, and the slot it
 * goes into is the one named, so nobody needs the slot numbers. Put back
 * returns the names to the installer's file. Reached from the settings.
 */
#include <libintl.h>
#include <stdio.h>

#include "family.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* SLOT's card: its name, Change (or Name) and Remove. */
static void
lay_slot(struct lay *l, struct ui_rect box, int slot)
{
	bool named = family_slot_named(l->cfg, slot);
	lay_card(l, box, l->m->family_named == slot ? UI_C_MEAL_SOFT : UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, lay_px(l, 4));
	int bw = lay_px(l, 130);
	if (bw * 2 + l->gap > in.w / 2)
		bw = (in.w / 2 - l->gap) / 2;
	struct ui_rect remove = { in.x + in.w - bw, in.y, bw, in.h };
	struct ui_rect change = { remove.x - l->gap - bw, in.y, bw, in.h };
	struct ui_rect name = { in.x + lay_px(l, 8), in.y, change.x - in.x - lay_px(l, 8) - l->gap,
				in.h };
	if (named) {
		lay_name(l, name, 26, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, l->cfg->names[slot - 1]);
		lay_button(l, change, _("Change"), UI_ACT_FAMILY_CHANGE, slot, false);
		lay_button(l, remove, _("Remove"), UI_ACT_FAMILY_REMOVE, slot, false);
	} else {
		lay_text(l, name, 22, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", _("No name yet"));
		lay_button(l, change, _("Name"), UI_ACT_FAMILY_CHANGE, slot, false);
	}
}

/* Waiting for the phone: what to do, big, and Cancel. */
static void
lay_waiting(struct lay *l, struct ui_rect r)
{
	lay_card(l, r, UI_C_MEAL_SOFT);
	struct ui_rect in = ui_rect_inset(r, l->pad * 2);
	struct ui_rect cancel = ui_rect_cut_bottom(&in, l->target, l->gap);
	cancel = (struct ui_rect){ cancel.x + (cancel.w - lay_px(l, 220)) / 2, cancel.y,
				   lay_px(l, 220), cancel.h };
	lay_button(l, cancel, _("Cancel"), UI_ACT_GO_FAMILY, 0, false);
	struct ui_rect hint = ui_rect_cut_bottom(&in, in.h / 3, 0);
	lay_label(l, in, 36, UI_TEXT_BOLD, UI_C_INK, "%s", _("Dock the phone to name"));
	lay_label(l, hint, 20, 0, UI_C_INK_DIM, "%s",
		  _("Already in the dock? Take it out and put it back."));
}

void
lay_family_cards(struct lay *l, struct ui_rect r)
{
	/* one card per slot, in one column while each stays a full target,
	 * else two */
	int n = l->cfg->nslots < FT_MAX_SLOTS ? l->cfg->nslots : FT_MAX_SLOTS;
	int cols = 1, rows = n;
	if (n > 1 && (r.h - (n - 1) * l->gap) / n < l->target + lay_px(l, 8)) {
		cols = 2;
		rows = (n + 1) / 2;
	}
	for (int i = 0; i < n; i++) {
		struct ui_rect cell = ui_rect_row(r, cols > 1 ? i / 2 : i, rows, l->gap);
		if (cols > 1)
			cell = ui_rect_column(cell, i % 2, 2, l->gap);
		lay_slot(l, cell, i + 1);
	}
}

void
lay_family(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct ft_config *cfg = l->cfg;
	/* the title and Back (to the settings) */
	struct ui_rect top = ui_rect_cut_top(&r, l->target, l->gap);
	struct ui_rect back = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	struct ui_rect title = { top.x, top.y, top.w - back.w - l->gap, top.h };
	lay_button(l, back, _("Back"), UI_ACT_GO_SETTINGS, 0, false);
	if (m->family_named > 0 && m->family_aside && !m->family_waiting) {
		/* the phone just named joins meals once taken out: said beside
		 * the title, so the cards do not move */
		struct ui_rect name = ui_rect_cut_left(&title, lay_px(l, 150), l->gap);
		lay_text(l, name, 28, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", _("Family"));
		lay_label(l, title, 17, 0, UI_C_INK_DIM, "%s",
			  _("Take the named phone out: it counts for meals from its next docking."));
	} else {
		lay_text(l, title, 28, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", _("Family"));
	}
	if (m->family_waiting) {
		lay_waiting(l, r);
		return;
	}
	/* Name a phone, and Put back where the display set the names */
	struct ui_rect bottom = ui_rect_cut_bottom(&r, l->target, l->gap);
	bool display = cfg->source[config_key_find("dock.names")] == FT_SOURCE_DISPLAY;
	struct ui_rect first = ui_rect_cut_left(&bottom, bottom.w * 2 / 3, l->gap);
	lay_button(l, first, _("Name a phone: dock it"), UI_ACT_FAMILY_DOCK, 0, true);
	if (display)
		lay_button(l, bottom, _("Put back"), UI_ACT_FAMILY_RESET, 0, false);
	lay_family_cards(l, r);
}
