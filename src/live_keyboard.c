/*
 * live_keyboard.c - the on-screen keyboard and the family's names in the
 * live decision module (live_internal.h maps its files; issue 11, points 1,
 * 2 and 5).
 *
 *   keyboard  opened for whom a call was to ("Someone new…") or for a
 *             slot's name; touches on its keys (live_keys), the long press
 *             that opens a letter's variants (live_keyboard_tick), Done
 *             checked as the file would check the name, Cancel
 *   family    the dock's names: "Name a phone" waits for a phone to be
 *             docked, and the slot it goes into is the one named; Change,
 *             Remove, Put back; every change stored as `settings set
 *             dock.names` would store it, in effect at once
 *             (the first-boot walk-through's family step asks for one
 *             phone after another the same way)
 *   aside     a phone docked to be named is not at the table to eat: its
 *             slot is kept from the session rules until it is taken out
 *             (family.h; the README's "Rules where SPEC.md is silent")
 */
#include <stdio.h>
#include <string.h>

#include "live_internal.h"
#include "log.h"
#include "settings.h"

/* Opens the keyboard to type FOR (a call's whom, SLOT's name) from INITIAL;
 * Cancel goes back to BACK. */
static void
keyboard_open(struct live *l, enum ui_kbd_for purpose, int slot, const char *initial,
	      enum ui_screen back, ft_ms mono)
{
	/* the letters of the language the display speaks (AZERTY in French),
	 * the locale's when the file says none */
	kbd_init(&l->kbd, ui_i18n_language(), KBD_NAME, FT_NAME_MAX - 1, initial);
	l->kbd_for = purpose;
	l->kbd_slot = slot;
	l->kbd_back = back;
	l->kbd_refusal = FAMILY_OK;
	live_go(l, UI_KEYBOARD, mono);
}

/* Whether the screen shown asks for phones to be docked and named: the
 * family's, or the first-boot walk-through's family step. */
static bool
naming_screen(const struct live *l)
{
	return l->screen == UI_FAMILY || l->screen == UI_FIRSTBOOT_FAMILY;
}

/* Back from the keyboard to BACK; the walk-through's family step asks for
 * the next phone at once (one phone after another, nothing to tap). */
static void
keyboard_back(struct live *l, enum ui_screen back, ft_ms mono)
{
	if (back == UI_FIRSTBOOT_FAMILY)
		l->family_waiting = true;
	live_go(l, back, mono);
}

/* The aside's debounce follows the dock's size and [dock] debounce. */
static void
aside_ready(struct live *l)
{
	if (l->aside.db.nslots != l->cfg->nslots && !family_aside_any(&l->aside))
		family_aside_init(&l->aside, l->cfg->nslots, l->cfg->debounce);
}

/* The dock's names with SLOT named NAME (NULL: unnamed), stored as
 * `settings set dock.names` would store them and in effect at once. */
static enum family_refusal
names_store(struct live *l, int slot, const char *name, ft_ms mono)
{
	char value[FT_MAX_SLOTS * (FT_NAME_MAX + 3)];
	const char *values[] = {value};
	struct ft_error err;
	if (!l->store)
		return FAMILY_REFUSED; /* the store's banner is up already */
	if (!family_names_value(l->cfg, slot, name, value, sizeof(value)))
		return FAMILY_TOO_LONG;
	int rc = settings_set(l->store, &l->own, "dock.names", values, 1, live_now(l, mono), &err);
	if (rc == FT_EXIT_FAILURE) {
		live_store_result(l, false, &err);
		return FAMILY_REFUSED;
	}
	if (rc == FT_EXIT_USAGE) {
		log_warn("family screen: %s", err.msg);
		return FAMILY_REFUSED;
	}
	l->report_stale = true; /* the report's members and bonds by name */
	live_changed(l);
	return FAMILY_OK;
}

/* Done: the text checked for what it is for, then used; a refusal stays
 * on the keyboard, said under the text. */
static void
keyboard_done(struct live *l, ft_ms mono)
{
	const char *text = l->kbd.text;
	enum family_refusal why;
	if (l->kbd_for == UI_KBD_CALL_TO) {
		why = family_check_name(text);
		if (why == FAMILY_OK && l->call_from > 0) {
			live_call_log(l, mono, l->call_from, text);
			return;
		}
	} else if (l->kbd_for == UI_KBD_RITUAL_LABEL) {
		/* only the ritual's copy changes: Save stores it as `settings
		 * set rituals.ritual` would, checked as the file would be */
		why = family_check_name(text);
		if (why == FAMILY_OK) {
			snprintf(l->setup.ritual.label, sizeof(l->setup.ritual.label), "%.*s",
				 (int)sizeof(l->setup.ritual.label) - 1, text);
			keyboard_back(l, l->kbd_back, mono);
			return;
		}
	} else {
		why = family_check_slot_name(l->cfg, l->kbd_slot, text);
		if (why == FAMILY_OK)
			why = names_store(l, l->kbd_slot, text, mono);
		if (why == FAMILY_OK) {
			l->family_named = l->kbd_slot;
			keyboard_back(l, l->kbd_back, mono);
			return;
		}
	}
	l->kbd_refusal = why == FAMILY_OK ? FAMILY_REFUSED : why;
	live_changed(l);
}

/* What lifting the finger at X, Y would type (NULL: nothing). */
static const char *
keyboard_typing(const struct kbd *k, int x, int y)
{
	if (k->held < 0)
		return NULL;
	if (k->popup)
		return k->choice >= 0 ? k->variants[k->choice] : NULL;
	if (kbd_key_at(k, x, y) != k->held)
		return NULL;
	const struct kbd_key *key = &k->keys[k->held];
	return key->kind == KBD_CHAR ? key->text : key->kind == KBD_SPACE ? " " : NULL;
}

void
live_keys(struct live *l, enum live_keys_phase phase, int x, int y, const struct kbd_rect *keys,
	  ft_ms mono)
{
	struct kbd *k = &l->kbd;
	if (l->screen != UI_KEYBOARD)
		return;
	l->user_until = mono + LIVE_USER_IDLE;
	/* the keys where the frame drew them, before the finger lands */
	if (phase == LIVE_KEYS_DOWN &&
	    (k->nkeys == 0 || k->area.x != keys->x || k->area.y != keys->y || k->area.w != keys->w ||
	     k->area.h != keys->h))
		kbd_layout(k, keys->x, keys->y, keys->w, keys->h);
	enum kbd_result r = KBD_NOTHING;
	switch (phase) {
	case LIVE_KEYS_DOWN:
		r = kbd_down(k, x, y, mono);
		break;
	case LIVE_KEYS_MOVE:
		r = kbd_move(k, x, y, mono);
		break;
	case LIVE_KEYS_UP: {
		/* a letter the text has no room for: said, not dropped silently */
		kbd_move(k, x, y, mono);
		const char *typing = keyboard_typing(k, x, y);
		char before[KBD_MAX_TEXT];
		snprintf(before, sizeof(before), "%s", k->text);
		r = kbd_up(k, x, y, mono);
		if (r == KBD_FINISHED) {
			keyboard_done(l, mono);
			return;
		}
		bool full = typing && strcmp(before, k->text) == 0 &&
			    strlen(k->text) + strlen(typing) > k->max;
		int refusal = full ? FAMILY_TOO_LONG : strcmp(before, k->text) ? FAMILY_OK
										: l->kbd_refusal;
		if (refusal != l->kbd_refusal) {
			l->kbd_refusal = refusal;
			r = KBD_CHANGED;
		}
		break;
	}
	}
	if (r != KBD_NOTHING)
		live_changed(l);
}

bool
live_family_dock(struct live *l, int slot, int level, ft_ms mono)
{
	aside_ready(l);
	bool waiting = l->family_waiting && naming_screen(l);
	int engine_level = l->engine_open ? engine_slot_level(&l->engine, slot) : 0;
	if (!family_aside_raw(&l->aside, waiting, engine_level, slot, level, mono))
		return false;
	l->wake_until = mono + LIVE_WAKE; /* a phone docked wakes the screen */
	live_changed(l);
	return true;
}

ft_ms
live_keyboard_tick(struct live *l, ft_ms mono)
{
	if (l->screen == UI_KEYBOARD && kbd_tick(&l->kbd, mono) == KBD_CHANGED)
		live_changed(l);
	/* the family left (a timeout, a meal): nobody is naming any more */
	if (l->family_waiting && !naming_screen(l)) {
		l->family_waiting = false;
		live_changed(l);
	}
	bool aside = family_aside_any(&l->aside);
	int slot = family_aside_advance(&l->aside, l->family_waiting, mono);
	if (slot > 0) {
		/* the phone to name stayed in: whose is it? */
		l->family_waiting = false;
		keyboard_open(l, UI_KBD_SLOT_NAME, slot,
			      family_slot_named(l->cfg, slot) ? l->cfg->names[slot - 1] : "", l->screen,
			      mono);
	}
	if (aside != family_aside_any(&l->aside))
		live_changed(l);
	ft_ms next = family_aside_deadline(&l->aside);
	if (l->screen == UI_KEYBOARD) {
		ft_ms held = kbd_deadline(&l->kbd);
		next = held < next ? held : next;
	}
	return next;
}

void
live_keyboard_ritual_label(struct live *l, ft_ms mono)
{
	keyboard_open(l, UI_KBD_RITUAL_LABEL, 0, l->setup.ritual.label, UI_RITUAL, mono);
}

void
live_keyboard_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	switch (action) {
	case UI_ACT_CALL_NEW:
		if (l->call_from > 0)
			keyboard_open(l, UI_KBD_CALL_TO, l->call_from, "", UI_CALL_WHOM, mono);
		break;
	case UI_ACT_KBD_CANCEL:
		keyboard_back(l, l->kbd_back, mono);
		break;
	case UI_ACT_GO_SETTINGS:
		l->family_waiting = false;
		live_go(l, UI_SETTINGS, mono);
		break;
	case UI_ACT_GO_FAMILY:
		l->family_waiting = false;
		l->family_named = 0;
		live_go(l, UI_FAMILY, mono);
		break;
	case UI_ACT_FAMILY_DOCK:
		l->family_waiting = true;
		l->family_named = 0;
		live_go(l, UI_FAMILY, mono);
		break;
	case UI_ACT_FAMILY_CHANGE:
		if (arg >= 1 && arg <= l->cfg->nslots)
			keyboard_open(l, UI_KBD_SLOT_NAME, arg,
				      family_slot_named(l->cfg, arg) ? l->cfg->names[arg - 1] : "",
				      naming_screen(l) ? l->screen : UI_FAMILY, mono);
		break;
	case UI_ACT_FAMILY_REMOVE:
		/* asked first, "Keep it" the coloured answer: a child's tap
		 * does not take a name away */
		if (arg < 1 || arg > l->cfg->nslots || !family_slot_named(l->cfg, arg))
			break;
		l->family_asked = arg;
		l->confirm = UI_CONFIRM_REMOVE_NAME;
		/* TRANSLATORS: %1$s is a phone's name, %2$d its slot on the dock */
		snprintf(l->confirm_text, sizeof(l->confirm_text),
			 _("Remove the name %1$s? Meals will show this phone as number %2$d."),
			 l->cfg->names[arg - 1], arg);
		break;
	case UI_ACT_FAMILY_RESET:
		live_setting_reset_key(l, "dock.names");
		l->family_named = 0;
		live_changed(l);
		break;
	default:
		break;
	}
}

void
live_family_remove_asked(struct live *l, ft_ms mono)
{
	int slot = l->family_asked;
	if (slot >= 1 && slot <= l->cfg->nslots && family_slot_named(l->cfg, slot))
		names_store(l, slot, NULL, mono);
	l->family_named = 0;
	l->family_asked = 0;
}

void
live_keyboard_model(struct live *l, struct ui_model *m)
{
	m->kbd = &l->kbd;
	m->kbd_for = l->kbd_for;
	m->kbd_slot = l->kbd_slot;
	m->kbd_refusal = l->kbd_refusal;
	m->family_waiting = l->family_waiting;
	m->family_named = l->family_named;
	m->family_aside = l->family_named > 0 && l->family_named <= FT_MAX_SLOTS &&
			  l->aside.aside[l->family_named - 1];
}
