/*
 * screen_call.c - a call logged by touch (SPEC §3): who called, one big
 * button per name of the dock, then whom, the names called before first,
 * then "Someone new…" (typed on the keyboard); "Skip" logs the call
 * without them.
 */
#include <libintl.h>
#include <stdio.h>

#include "family.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* N buttons in a grid filling BOX, at most two rows in landscape (four
 * in portrait), each as tall as a touch target at the least; button I does
 * ACTION with ARGS[I], or ARG0 + I when ARGS is NULL. With NEW, one more
 * button last, uncoloured, that does NEW (someone new). */
static void
lay_name_grid(struct lay *l, struct ui_rect box, const char *const *labels, int n,
	      enum ui_action action, const int *args, int arg0, const char *new_label,
	      enum ui_action new_action)
{
	int named = n;
	if (new_label)
		n++;
	if (n <= 0)
		return;
	int maxrows = l->portrait ? 4 : 2;
	int rows = n < maxrows ? n : maxrows;
	int cols = (n + rows - 1) / rows;
	int h = (box.h - (rows - 1) * l->gap) / rows;
	if (h > lay_px(l, 130))
		h = lay_px(l, 130);
	if (h < l->target)
		h = l->target;
	for (int i = 0; i < n; i++) {
		struct ui_rect row = { box.x, box.y + (i / cols) * (h + l->gap), box.w, h };
		/* the last row, when shorter, keeps the others' width, centred */
		int in_row = i / cols == (n - 1) / cols ? n - (n - 1) / cols * cols : cols;
		int w = (box.w - (cols - 1) * l->gap) / cols;
		int x0 = box.x + (box.w - (in_row * w + (in_row - 1) * l->gap)) / 2;
		struct ui_rect cell = { x0 + (i % cols) * (w + l->gap), row.y, w, h };
		if (i < named)
			lay_button(l, cell, labels[i], action, args ? args[i] : arg0 + i, true);
		else
			lay_button(l, cell, new_label, new_action, 0, false);
	}
}

void
lay_call_who(struct lay *l, struct ui_rect r)
{
	lay_back_row(l, &r, _("A call: who called?"));
	struct ui_rect bottom = ui_rect_cut_bottom(&r, l->target, l->gap);
	lay_button(l, bottom, _("Skip: just log the call"), UI_ACT_CALL_SKIP, 0, false);
	char names[FT_MAX_SLOTS][FT_NAME_MAX];
	const char *labels[FT_MAX_SLOTS];
	int slots[FT_MAX_SLOTS];
	int nslots = l->cfg->nslots < FT_MAX_SLOTS ? l->cfg->nslots : FT_MAX_SLOTS;
	/* the family's names only: a slot nobody named would be a button "3"
	 * that nobody is; with no name at all, the slots by number */
	int n = 0;
	for (int pass = 0; pass < 2 && n == 0; pass++)
		for (int slot = 1; slot <= nslots; slot++)
			if (pass == 1 || family_slot_named(l->cfg, slot)) {
				slots[n] = slot;
				labels[n++] = config_slot_name(l->cfg, slot, names[slot - 1]);
			}
	lay_name_grid(l, r, labels, n, UI_ACT_CALL_FROM, slots, 0, NULL, UI_ACT_NONE);
}

void
lay_call_whom(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char who[FT_NAME_MAX], title[128];
	int from = m->call_from > 0 ? m->call_from : 1;
	/* TRANSLATORS: %s is who called, a name of the dock: "Whom did Anna call?" */
	snprintf(title, sizeof(title), _("Whom did %s call?"), config_slot_name(l->cfg, from, who));
	lay_back_row(l, &r, title);
	struct ui_rect bottom = ui_rect_cut_bottom(&r, l->target, l->gap);
	struct ui_rect back = ui_rect_column(bottom, 0, 2, l->gap);
	struct ui_rect skip = ui_rect_column(bottom, 1, 2, l->gap);
	lay_button(l, back, _("Back"), UI_ACT_GO_CALL, 0, false);
	lay_button(l, skip, _("Skip: just log the call"), UI_ACT_CALL_SKIP, 0, false);
	/* the names called before, then someone new on the keyboard */
	if (m->call_nnames == 0) {
		struct ui_rect say = ui_rect_cut_top(&r, r.h / 2, l->gap);
		lay_label(l, say, 22, 0, UI_C_INK_DIM, "%s",
			  _("No one called yet from this table. Skip: the call is logged all the same."));
	}
	lay_name_grid(l, r, m->call_names, m->call_nnames, UI_ACT_CALL_TO, NULL, 0, _("Someone new…"),
		      UI_ACT_CALL_NEW);
}
