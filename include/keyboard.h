/*
 * keyboard.h - the on-screen keyboard for names and labels (issue 11,
 * point 2), as a model: the keys and where they are, what a touch does,
 * the text typed so far. No SDL and no clock: touches come in with their
 * instant, and kbd_deadline() says when a held key opens its variants, so
 * the display's loop only draws the model and sleeps until then.
 *
 * Letters follow the language (QWERTY for English, AZERTY for French);
 * holding a letter offers its accented variants (é è ê ë, ç, ß, ñ ...), in
 * capitals when shift is on. The text is UTF-8; backspace removes one
 * character, however many bytes it takes.
 */
#ifndef FT_KEYBOARD_H
#define FT_KEYBOARD_H

#include <stddef.h>

#include "common.h"

#define KBD_MAX_KEYS 48
#define KBD_MAX_VARIANTS 8
#define KBD_MAX_TEXT 128
#define KBD_LONG_PRESS ((ft_ms)500) /* ms */

enum kbd_kind {
	KBD_CHAR,      /* types its text */
	KBD_SHIFT,     /* the next letter in capitals */
	KBD_BACKSPACE, /* removes the last character */
	KBD_SPACE,
	KBD_PAGE,      /* letters <-> digits and signs */
	KBD_DONE,      /* the text is finished */
};

struct kbd_rect {
	int x, y, w, h;
};

struct kbd_key {
	enum kbd_kind kind;
	char text[8];              /* UTF-8, as typed now (shift applied) */
	struct kbd_rect r;
	int nvariants;             /* what holding it offers */
};

/* What is typed: a name capitalises each of its words, a label only its
 * first. */
enum kbd_purpose { KBD_NAME, KBD_LABEL };

/* What a touch did, for the caller to redraw or to leave the keyboard. */
enum kbd_result { KBD_NOTHING, KBD_CHANGED, KBD_FINISHED };

struct kbd {
	char language[8];
	enum kbd_purpose purpose;
	size_t max;                /* the text's longest, in bytes */
	char text[KBD_MAX_TEXT];
	bool shift, symbols;
	struct kbd_rect area;      /* where kbd_layout put the keys */
	int nkeys;
	struct kbd_key keys[KBD_MAX_KEYS];
	/* the key held down, -1 for none, since when */
	int held;
	ft_ms held_since;
	/* the variants of the held key, once it was held long enough: the
	 * popup above it and the one the finger is on (-1: none) */
	bool popup;
	int nvariants, choice;
	char variants[KBD_MAX_VARIANTS][8];
	struct kbd_rect variant_r[KBD_MAX_VARIANTS];
};

/* A keyboard in LANGUAGE ("en", "fr"; else English) editing INITIAL (cut
 * to a whole character), for a text of at most MAX bytes (less than
 * KBD_MAX_TEXT). Shift starts on when the text is empty: names and labels
 * begin with a capital. */
void kbd_init(struct kbd *k, const char *language, enum kbd_purpose purpose, size_t max,
	      const char *initial);

/* Lays the keys out in the rectangle X, Y, W, H (the lower part of the
 * screen, whichever way it is turned): four rows of keys, as wide as ten
 * letters allow. */
void kbd_layout(struct kbd *k, int x, int y, int w, int h);

/* The smallest key, in millimetres, on a panel of PX_PER_MM pixels a
 * millimetre (a 7-inch 800x480 panel: 5.2). */
double kbd_smallest_key_mm(const struct kbd *k, double px_per_mm);

/* The key at X, Y, or -1. */
int kbd_key_at(const struct kbd *k, int x, int y);

/* A finger down, moving, up, at instant T. Holding a letter for
 * KBD_LONG_PRESS opens its variants (kbd_tick); sliding onto one and
 * lifting types it, lifting elsewhere types nothing. */
enum kbd_result kbd_down(struct kbd *k, int x, int y, ft_ms t);
enum kbd_result kbd_move(struct kbd *k, int x, int y, ft_ms t);
enum kbd_result kbd_up(struct kbd *k, int x, int y, ft_ms t);
/* Opens the held key's variants when their time has come; KBD_CHANGED
 * when it did. */
enum kbd_result kbd_tick(struct kbd *k, ft_ms t);
/* When kbd_tick has something to do, or FT_MS_NEVER. */
ft_ms kbd_deadline(const struct kbd *k);

/* The accented variants of the letter TEXT (UTF-8, one letter) into OUT;
 * their count (0 for a letter without). */
int kbd_variants(const char *text, char out[KBD_MAX_VARIANTS][8]);

#endif
