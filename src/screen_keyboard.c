/*
 * screen_keyboard.c - the on-screen keyboard drawn (issue 11, point 2): what
 * it is for and Cancel across the top, the text typed so far, a line that
 * says how to reach the accents (or why the name was refused), and the keys
 * of the keyboard model (keyboard.h) in the lower part, with a held
 * letter's variants in a row above it.
 *
 * The keys are not the frame's targets: the frame says where they are
 * (ui_frame.keys) and a finger that goes down there is the keyboard
 * model's, held and slid (input.c, live_keys()). This file lays the model
 * out in that rectangle the same way the decision module does, so what is
 * drawn is what is touched.
 */
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "family.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* Keys are at least 9 mm on the 7-inch 800x480 panel (5.2 px a mm, the
 * design unit): four rows of at most 80 units, ten keys across. */
#define KEY_ROW_MAX 80

struct ui_rect
lay_keyboard_keys(struct ui_rect content, int w, int h, float s)
{
	struct ui_rect keys = content;
	if (h > w) {
		/* portrait: edge to edge, ten keys across a narrow panel */
		int margin = (int)(2 * s);
		keys.x = margin;
		keys.w = w - 2 * margin;
	}
	/* taller in portrait, where the panel has the room */
	int rows_h = (int)(4 * (h > w ? KEY_ROW_MAX * 6 / 5 : KEY_ROW_MAX) * s);
	/* the title, the text and its line above take about 170 units */
	int room = content.h - (int)(170 * s);
	if (rows_h > room)
		rows_h = room;
	keys.y = content.y + content.h - rows_h;
	keys.h = rows_h;
	return keys;
}

/* What the keyboard types, as its title says. */
static void
kbd_title(struct lay *l, char *out, size_t size)
{
	const struct ui_model *m = l->m;
	char who[FT_NAME_MAX];
	if (m->kbd_for == UI_KBD_CALL_TO) {
		int from = m->call_from > 0 ? m->call_from : 1;
		snprintf(out, size, _("Whom did %s call?"), config_slot_name(l->cfg, from, who));
	} else if (m->kbd_for == UI_KBD_RITUAL_LABEL) {
		snprintf(out, size, "%s", _("The ritual's name"));
	} else {
		snprintf(out, size, "%s", _("Whose phone is this?"));
	}
}

/* Why the text typed was refused, in words (NULL: it was not). */
static const char *
refusal_text(int why)
{
	switch ((enum family_refusal)why) {
	case FAMILY_OK: break;
	case FAMILY_EMPTY: return _("Type a name first.");
	case FAMILY_TOO_LONG: return _("A name cannot be any longer.");
	case FAMILY_INVALID: return _("A name cannot hold that sign.");
	case FAMILY_NUMBER: return _("A name needs a letter: a number alone reads as a slot.");
	case FAMILY_TAKEN: return _("Another phone already has that name.");
	case FAMILY_REFUSED: return _("That name could not be kept.");
	}
	return NULL;
}

/* The label a key shows: the model's text, but words for the page and
 * done keys, and an arrow for shift and backspace. */
static const char *
key_label(const struct kbd *k, const struct kbd_key *key)
{
	switch (key->kind) {
	case KBD_CHAR:
		return key->text;
	case KBD_SHIFT:
		return "⇧";
	case KBD_BACKSPACE:
		return "⌫";
	case KBD_SPACE:
		return "";
	case KBD_PAGE:
		return k->symbols ? "abc" : "?123";
	case KBD_DONE:
		return _("Done");
	}
	return "";
}

static void
lay_key(struct lay *l, const struct kbd *k, int i)
{
	const struct kbd_key *key = &k->keys[i];
	struct ui_rect box = { key->r.x, key->r.y, key->r.w, key->r.h };
	bool held = k->held == i && !k->popup;
	bool on = (key->kind == KBD_SHIFT && k->shift) || key->kind == KBD_DONE || held;
	enum ui_color bg = on ? UI_C_PRIMARY : key->kind == KBD_CHAR ? UI_C_CARD : UI_C_BUTTON;
	lay_rect(l, box, bg, lay_px(l, 8));
	if (key->kind == KBD_SPACE) {
		/* a bar, as on every keyboard: the space needs no word */
		struct ui_rect bar = { box.x + box.w / 4, box.y + box.h * 2 / 3, box.w / 2,
				       lay_px(l, 3) };
		lay_rect(l, bar, UI_C_INK_DIM, 0);
		return;
	}
	bool letter = key->kind == KBD_CHAR;
	lay_text(l, ui_rect_inset(box, lay_px(l, 2)), letter ? 28 : 22, letter ? 0 : UI_TEXT_BOLD,
		 on ? UI_C_ON_PRIMARY : UI_C_INK, "%s", key_label(k, key));
	if (key->nvariants > 0) {
		/* a dot in the corner: holding this letter offers more */
		int d = lay_px(l, 5);
		lay_disc(l, (struct ui_rect){ box.x + box.w - 2 * d, box.y + d, d, d }, UI_C_INK_DIM);
	}
}

/* The held letter's variants, a row above it, the one under the finger
 * coloured. */
static void
lay_variants(struct lay *l, const struct kbd *k)
{
	if (!k->popup || k->nvariants == 0)
		return;
	const struct kbd_rect *first = &k->variant_r[0], *last = &k->variant_r[k->nvariants - 1];
	struct ui_rect all = { first->x, first->y, last->x + last->w - first->x, first->h };
	lay_rect(l, ui_rect_inset(all, -lay_px(l, 4)), UI_C_LINE, lay_px(l, 10));
	lay_rect(l, ui_rect_inset(all, -lay_px(l, 2)), UI_C_CARD, lay_px(l, 9));
	for (int i = 0; i < k->nvariants; i++) {
		const struct kbd_rect *v = &k->variant_r[i];
		struct ui_rect box = ui_rect_inset((struct ui_rect){ v->x, v->y, v->w, v->h },
						   lay_px(l, 2));
		bool chosen = i == k->choice;
		if (chosen)
			lay_rect(l, box, UI_C_PRIMARY, lay_px(l, 8));
		lay_text(l, box, 30, 0, chosen ? UI_C_ON_PRIMARY : UI_C_INK, "%s", k->variants[i]);
	}
}

void
lay_keyboard(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char title[128];
	kbd_title(l, title, sizeof(title));
	struct ui_rect keys_box = lay_keyboard_keys(r, l->f->w, l->f->h, l->s);
	struct ui_rect above = { r.x, r.y, r.w, keys_box.y - r.y - l->gap };
	/* the title and Cancel */
	struct ui_rect top = ui_rect_cut_top(&above, l->target, l->gap);
	struct ui_rect cancel = { top.x + top.w - lay_px(l, 170), top.y, lay_px(l, 170), top.h };
	lay_text(l, (struct ui_rect){ top.x, top.y, top.w - cancel.w - l->gap, top.h }, 26,
		 UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	lay_button(l, cancel, _("Cancel"), UI_ACT_KBD_CANCEL, 0, false);
	/* the text, a caret after it; under it, the hint or the refusal */
	int field_h = above.h * 3 / 5;
	if (field_h > lay_px(l, 90))
		field_h = lay_px(l, 90);
	struct ui_rect field = ui_rect_cut_top(&above, field_h, 0);
	lay_card(l, field, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(field, l->pad);
	const char *text = m->kbd ? m->kbd->text : "";
	struct ui_item *it = NULL;
	if (text[0])
		it = lay_text(l, (struct ui_rect){ in.x, in.y, in.w - lay_px(l, 6), in.h }, 32,
			      UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", text);
	int caret_x = it ? it->box.x + it->text_w + lay_px(l, 2) : in.x;
	int caret_h = in.h * 2 / 3;
	lay_rect(l, (struct ui_rect){ caret_x, in.y + (in.h - caret_h) / 2, lay_px(l, 3), caret_h },
		 UI_C_PRIMARY, 0);
	/* the line under the text, right under it however tall the room */
	const char *why = refusal_text(m->kbd_refusal);
	if (above.h > lay_px(l, 40))
		above.h = lay_px(l, 40);
	if (above.h > lay_min_px(l)) {
		if (why)
			lay_text(l, above, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_HUG, "%s", why);
		else
			lay_text(l, above, 18, UI_TEXT_LEFT, UI_C_INK_DIM, "%s",
				 _("Hold a letter for its accents: é, ç, ß, ñ…"));
	}
	/* the keys, laid out by the model exactly as the decision module
	 * lays them out for a touch */
	l->f->keys = keys_box;
	if (!m->kbd)
		return;
	struct kbd k = *m->kbd;
	kbd_layout(&k, keys_box.x, keys_box.y, keys_box.w, keys_box.h);
	for (int i = 0; i < k.nkeys; i++)
		lay_key(l, &k, i);
	lay_variants(l, &k);
}
