/*
 * live_typing.h - typing on the display's keyboard in a test, as a finger
 * would (tests/live_loop.h drives the loop): the keys where the frame last
 * drawn put them, a tap, a word typed key by key with shift and the page
 * key, a letter held until its accents open and one picked by sliding.
 */
#ifndef FT_TEST_LIVE_TYPING_H
#define FT_TEST_LIVE_TYPING_H

#include <string.h>

#include "keyboard.h"
#include "live_loop.h"

/* The keyboard as the screen shows it: the model laid out where the frame
 * last drawn put its keys, as the decision module lays it out. */
static inline struct kbd
shown_keyboard(struct loop *a)
{
	struct ui_model m = loop_model(a);
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
	assert_non_null(m.kbd);
	const struct ui_rect *r = &a->frame->keys;
	assert_true(r->w > 0 && r->h > 0);
	struct kbd k = *m.kbd;
	kbd_layout(&k, r->x, r->y, r->w, r->h);
	return k;
}

/* The centre of the key of KIND (typing TEXT when not NULL). */
static inline void
key_centre(struct loop *a, enum kbd_kind kind, const char *text, int *x, int *y)
{
	struct kbd k = shown_keyboard(a);
	for (int i = 0; i < k.nkeys; i++) {
		if (k.keys[i].kind == kind && (!text || strcmp(k.keys[i].text, text) == 0)) {
			*x = k.keys[i].r.x + k.keys[i].r.w / 2;
			*y = k.keys[i].r.y + k.keys[i].r.h / 2;
			return;
		}
	}
	fail_msg("no key \"%s\" on the keyboard shown", text ? text : "(special)");
}

static inline void
tap_key(struct loop *a, enum kbd_kind kind, const char *text)
{
	int x = 0, y = 0;
	key_centre(a, kind, text, &x, &y);
	loop_finger(a, 9, true, x, y);
	a->mono += 80;
	loop_finger(a, 9, false, x, y);
}

/* Types ASCII TEXT key by key: shift and the page key as a person would. */
static inline void
type(struct loop *a, const char *text)
{
	for (const char *p = text; *p; p++) {
		char c[2] = { *p, 0 };
		struct kbd k = shown_keyboard(a);
		bool digit = *p >= '0' && *p <= '9';
		if (*p == ' ') {
			tap_key(a, KBD_SPACE, NULL);
			continue;
		}
		if (digit != k.symbols)
			tap_key(a, KBD_PAGE, NULL);
		bool upper = *p >= 'A' && *p <= 'Z';
		if (!digit && upper != shown_keyboard(a).shift)
			tap_key(a, KBD_SHIFT, NULL);
		tap_key(a, KBD_CHAR, c);
	}
}

/* Holds LETTER until its variants open, slides onto variant I, lifts. */
static inline void
hold_and_pick(struct loop *a, const char *letter, int i)
{
	int x = 0, y = 0;
	key_centre(a, KBD_CHAR, letter, &x, &y);
	loop_finger(a, 9, true, x, y);
	loop_wait(a, KBD_LONG_PRESS + 20, 50);
	struct ui_model m = loop_model(a);
	assert_true(m.kbd->popup);
	assert_true(i < m.kbd->nvariants);
	const struct kbd_rect *v = &m.kbd->variant_r[i];
	loop_slide(a, 9, v->x + v->w / 2, v->y + v->h / 2);
	loop_finger(a, 9, false, v->x + v->w / 2, v->y + v->h / 2);
}

static inline const char *
typed(struct loop *a)
{
	return loop_model(a).kbd->text;
}

#endif
