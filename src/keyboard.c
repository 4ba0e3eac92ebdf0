/*
 * keyboard.c - the on-screen keyboard's model: layouts, touches, text.
 *
 * Map: the layouts and the accent table; layout (where the keys go); the
 * text (UTF-8 insert and backspace); touches (down, move, up, the long
 * press that opens a letter's variants).
 */
#include <stdio.h>
#include <string.h>

#include "keyboard.h"

/* Rows of letters, one UTF-8 letter a word. The third row has shift before
 * and backspace after; the fourth is the page key, the space, a hyphen and
 * an apostrophe (Mary-Ann, O'Brien) and done. */
static const char *const letters_en[3] = {
	"q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m",
};
static const char *const letters_fr[3] = {
	"a z e r t y u i o p", "q s d f g h j k l m", "w x c v b n",
};
/* No double quote and no '#': the configuration file could not take them
 * back in a quoted name. */
static const char *const signs[3] = {
	"1 2 3 4 5 6 7 8 9 0", "@ & ( ) / : ; ! ?", ". , + = _ *",
};

/* A letter's variants, most used first; capitals have their own line. */
static const struct {
	const char *letter, *variants;
} accents[] = {
	{"a", "à â ä á ã å æ"}, {"c", "ç ć č"}, {"e", "é è ê ë ē ę"}, {"i", "î ï í ì"},
	{"n", "ñ ń"}, {"o", "ô ö ó ò õ ø œ"}, {"s", "ß ś š"}, {"u", "ù û ü ú"},
	{"y", "ÿ ý"}, {"z", "ž ź ż"}, {"l", "ł"},
	{"A", "À Â Ä Á Ã Å Æ"}, {"C", "Ç Ć Č"}, {"E", "É È Ê Ë Ē Ę"}, {"I", "Î Ï Í Ì"},
	{"N", "Ñ Ń"}, {"O", "Ô Ö Ó Ò Õ Ø Œ"}, {"S", "ẞ Ś Š"}, {"U", "Ù Û Ü Ú"},
	{"Y", "Ÿ Ý"}, {"Z", "Ž Ź Ż"}, {"L", "Ł"},
};

/* Splits WORDS at spaces into OUT; the count. */
static int
split_words(const char *words, char out[][8], int max)
{
	int n = 0;
	for (const char *p = words; *p && n < max;) {
		size_t len = strcspn(p, " ");
		snprintf(out[n++], 8, "%.*s", (int)(len < 7 ? len : 7), p);
		p += len;
		p += strspn(p, " ");
	}
	return n;
}

int
kbd_variants(const char *text, char out[KBD_MAX_VARIANTS][8])
{
	for (size_t i = 0; i < FT_ARRAY_LEN(accents); i++)
		if (strcmp(text, accents[i].letter) == 0)
			return split_words(accents[i].variants, out, KBD_MAX_VARIANTS);
	return 0;
}

/* ASCII letters only change case here; the accented ones come from the
 * variants table, already in the right case. */
static void
apply_case(char *text, bool upper)
{
	if (text[0] >= 'a' && text[0] <= 'z' && !text[1] && upper)
		text[0] = (char)(text[0] - 'a' + 'A');
}

/* ---- layout ---- */

static struct kbd_key *
add_key(struct kbd *k, enum kbd_kind kind, const char *text, int x, int y, int w, int h)
{
	struct kbd_key *key = &k->keys[k->nkeys++];
	char variants[KBD_MAX_VARIANTS][8];
	memset(key, 0, sizeof(*key));
	key->kind = kind;
	snprintf(key->text, sizeof(key->text), "%s", text);
	if (kind == KBD_CHAR)
		apply_case(key->text, k->shift);
	key->nvariants = kind == KBD_CHAR ? kbd_variants(key->text, variants) : 0;
	/* a small gap all round, so two keys never look like one */
	int gap = w / 16 > 2 ? w / 16 : 2;
	key->r = (struct kbd_rect){x + gap / 2, y + gap / 2, w - gap, h - gap};
	return key;
}

void
kbd_layout(struct kbd *k, int x, int y, int w, int h)
{
	const char *const *rows = k->symbols ? signs : strcmp(k->language, "fr") == 0 ? letters_fr
										   : letters_en;
	int unit = w / 10, row_h = h / 4;
	k->area = (struct kbd_rect){x, y, w, h};
	k->nkeys = 0;
	for (int r = 0; r < 3; r++) {
		char words[12][8];
		int n = split_words(rows[r], words, 12);
		/* the third row leaves one and a half units each side for shift
		 * and backspace */
		int side = r == 2 ? unit * 3 / 2 : 0;
		int left = x + side + (w - 2 * side - n * unit) / 2;
		int top = y + r * row_h;
		if (r == 2)
			add_key(k, KBD_SHIFT, "⇧", x, top, side, row_h);
		for (int i = 0; i < n; i++)
			add_key(k, KBD_CHAR, words[i], left + i * unit, top, unit, row_h);
		if (r == 2)
			add_key(k, KBD_BACKSPACE, "⌫", x + w - side, top, side, row_h);
	}
	int top = y + 3 * row_h;
	add_key(k, KBD_PAGE, k->symbols ? "abc" : "?123", x, top, unit * 3 / 2, row_h);
	add_key(k, KBD_CHAR, "-", x + unit * 3 / 2, top, unit, row_h);
	add_key(k, KBD_SPACE, " ", x + unit * 5 / 2, top, unit * 4, row_h);
	add_key(k, KBD_CHAR, "'", x + unit * 13 / 2, top, unit, row_h);
	add_key(k, KBD_DONE, "OK", x + unit * 15 / 2, top, w - unit * 15 / 2, row_h);
}

double
kbd_smallest_key_mm(const struct kbd *k, double px_per_mm)
{
	double smallest = 1e9;
	for (int i = 0; i < k->nkeys; i++) {
		/* the touch target is the key with its gap */
		int w = k->keys[i].r.w + k->keys[i].r.w / 14, h = k->keys[i].r.h + k->keys[i].r.w / 14;
		double mm = (w < h ? w : h) / px_per_mm;
		if (mm < smallest)
			smallest = mm;
	}
	return smallest;
}

static bool
inside(const struct kbd_rect *r, int x, int y)
{
	return x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h;
}

int
kbd_key_at(const struct kbd *k, int x, int y)
{
	int best = -1;
	long best_d = 0;
	for (int i = 0; i < k->nkeys; i++) {
		const struct kbd_rect *r = &k->keys[i].r;
		if (inside(r, x, y))
			return i;
		/* a touch in a gap goes to the nearest key */
		long dx = x < r->x ? r->x - x : x >= r->x + r->w ? x - (r->x + r->w - 1) : 0;
		long dy = y < r->y ? r->y - y : y >= r->y + r->h ? y - (r->y + r->h - 1) : 0;
		long d = dx * dx + dy * dy;
		if (inside(&k->area, x, y) && (best < 0 || d < best_d)) {
			best = i;
			best_d = d;
		}
	}
	return best;
}

/* ---- the text ---- */

/* Drops a UTF-8 character cut short at the end of S. */
static void
utf8_trim(char *s)
{
	size_t len = strlen(s), i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0) {
		s[0] = '\0';
		return;
	}
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
	if (len - (i - 1) < need)
		s[i - 1] = '\0';
}

void
kbd_init(struct kbd *k, const char *language, enum kbd_purpose purpose, size_t max,
	 const char *initial)
{
	memset(k, 0, sizeof(*k));
	snprintf(k->language, sizeof(k->language), "%s", language ? language : "en");
	k->max = max < KBD_MAX_TEXT ? max : KBD_MAX_TEXT - 1;
	k->purpose = purpose;
	snprintf(k->text, sizeof(k->text), "%s", initial ? initial : "");
	if (strlen(k->text) > k->max) {
		k->text[k->max] = '\0';
		utf8_trim(k->text);
	}
	k->shift = k->text[0] == '\0';
	k->held = -1;
	k->choice = -1;
}

/* Re-lays the keys where they were (shift or the page changed them). */
static void
relayout(struct kbd *k)
{
	if (k->area.w > 0)
		kbd_layout(k, k->area.x, k->area.y, k->area.w, k->area.h);
}

static enum kbd_result
type(struct kbd *k, const char *text)
{
	size_t len = strlen(k->text), add = strlen(text);
	if (len + add > k->max)
		return KBD_NOTHING; /* full: a character never goes in halfway */
	memcpy(k->text + len, text, add + 1);
	/* shift holds for one letter; in a name it comes back after a space
	 * or a hyphen (Mary Ann, Jean-Luc) */
	bool was = k->shift;
	k->shift = k->purpose == KBD_NAME && (strcmp(text, " ") == 0 || strcmp(text, "-") == 0);
	if (was != k->shift)
		relayout(k);
	return KBD_CHANGED;
}

static enum kbd_result
backspace(struct kbd *k)
{
	size_t len = strlen(k->text);
	if (len == 0)
		return KBD_NOTHING;
	/* back over the continuation bytes of a UTF-8 character */
	do
		len--;
	while (len > 0 && (k->text[len] & 0xC0) == 0x80);
	k->text[len] = '\0';
	/* back to where type() would have set it: a capital at the start, and
	 * in a name at the start of a word ("Léa J" back to "Léa " takes a
	 * capital again), none within a word */
	bool was = k->shift;
	k->shift = len == 0 || (k->purpose == KBD_NAME &&
				(k->text[len - 1] == ' ' || k->text[len - 1] == '-'));
	if (was != k->shift)
		relayout(k);
	return KBD_CHANGED;
}

/* ---- touches ---- */

/* The key's variants in a row above it, kept on the keyboard's area. */
static void
open_popup(struct kbd *k)
{
	const struct kbd_key *key = &k->keys[k->held];
	k->nvariants = kbd_variants(key->text, k->variants);
	if (k->nvariants == 0)
		return;
	int w = key->r.w, h = key->r.h;
	int total = w * k->nvariants;
	int x = key->r.x + w / 2 - total / 2;
	if (x + total > k->area.x + k->area.w)
		x = k->area.x + k->area.w - total;
	if (x < k->area.x)
		x = k->area.x;
	int y = key->r.y - h;
	for (int i = 0; i < k->nvariants; i++)
		k->variant_r[i] = (struct kbd_rect){x + i * w, y, w, h};
	k->popup = true;
	k->choice = 0; /* the most used one, under the finger already */
}

enum kbd_result
kbd_down(struct kbd *k, int x, int y, ft_ms t)
{
	k->held = kbd_key_at(k, x, y);
	k->held_since = t;
	k->popup = false;
	k->choice = -1;
	return k->held >= 0 ? KBD_CHANGED : KBD_NOTHING; /* the key shows pressed */
}

enum kbd_result
kbd_tick(struct kbd *k, ft_ms t)
{
	if (k->held < 0 || k->popup || t < k->held_since + KBD_LONG_PRESS ||
	    k->keys[k->held].nvariants == 0)
		return KBD_NOTHING;
	open_popup(k);
	return k->popup ? KBD_CHANGED : KBD_NOTHING;
}

ft_ms
kbd_deadline(const struct kbd *k)
{
	if (k->held < 0 || k->popup || k->keys[k->held].nvariants == 0)
		return FT_MS_NEVER;
	return k->held_since + KBD_LONG_PRESS;
}

enum kbd_result
kbd_move(struct kbd *k, int x, int y, ft_ms t)
{
	kbd_tick(k, t);
	if (!k->popup)
		return KBD_NOTHING;
	/* on a variant: that one; still on the key: the first, which the
	 * popup shows chosen; elsewhere: none (lifting there types nothing) */
	int choice = inside(&k->keys[k->held].r, x, y) ? 0 : -1;
	for (int i = 0; i < k->nvariants; i++)
		if (inside(&k->variant_r[i], x, y))
			choice = i;
	if (choice == k->choice)
		return KBD_NOTHING;
	k->choice = choice;
	return KBD_CHANGED;
}

enum kbd_result
kbd_up(struct kbd *k, int x, int y, ft_ms t)
{
	kbd_move(k, x, y, t);
	int held = k->held;
	bool popup = k->popup;
	int choice = k->choice;
	k->held = -1;
	k->popup = false;
	k->choice = -1;
	if (held < 0)
		return KBD_NOTHING;
	if (popup)
		return choice >= 0 ? type(k, k->variants[choice]) : KBD_CHANGED;
	/* a tap counts on the key it began on, if the finger is still on it */
	if (kbd_key_at(k, x, y) != held)
		return KBD_CHANGED;
	const struct kbd_key *key = &k->keys[held];
	switch (key->kind) {
	case KBD_CHAR:
		return type(k, key->text);
	case KBD_SPACE:
		/* no leading or doubled space: the file would drop them */
		if (k->text[0] == '\0' || k->text[strlen(k->text) - 1] == ' ')
			return KBD_CHANGED;
		return type(k, " ");
	case KBD_BACKSPACE:
		return backspace(k);
	case KBD_SHIFT:
		k->shift = !k->shift;
		relayout(k);
		return KBD_CHANGED;
	case KBD_PAGE:
		k->symbols = !k->symbols;
		relayout(k);
		return KBD_CHANGED;
	case KBD_DONE:
		/* a trailing space is never meant */
		for (size_t n = strlen(k->text); n > 0 && k->text[n - 1] == ' '; n--)
			k->text[n - 1] = '\0';
		return KBD_FINISHED;
	}
	return KBD_NOTHING;
}
