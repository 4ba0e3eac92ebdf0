/*
 * test_keyboard.c - the on-screen keyboard (issue 11, point 2): letters by
 * language, accents by holding a letter (in capitals with shift), UTF-8
 * backspace, the text's limit never cutting a character, names capitalised
 * word by word, keys of at least 9 mm on a 7-inch 800x480 panel whichever
 * way it is turned.
 */
#include <string.h>

#include "keyboard.h"
#include "test.h"

/* A 7-inch 800x480 panel is 154 mm wide: 5.2 pixels a millimetre. */
#define PANEL_PX_PER_MM (800.0 / 154.0)

/* The keyboard in the lower part of an 800x480 landscape screen. */
static void
landscape(struct kbd *k, const char *language, enum kbd_purpose purpose, const char *initial)
{
	kbd_init(k, language, purpose, 47, initial);
	kbd_layout(k, 0, 200, 800, 280);
}

/* The index of the key that types TEXT (or of that kind), or a failure. */
static int
key(const struct kbd *k, enum kbd_kind kind, const char *text)
{
	for (int i = 0; i < k->nkeys; i++)
		if (k->keys[i].kind == kind && (!text || strcmp(k->keys[i].text, text) == 0))
			return i;
	fail_msg("no key \"%s\"", text ? text : "(special)");
	return -1;
}

static int
cx(const struct kbd *k, int i)
{
	return k->keys[i].r.x + k->keys[i].r.w / 2;
}

static int
cy(const struct kbd *k, int i)
{
	return k->keys[i].r.y + k->keys[i].r.h / 2;
}

/* A tap on key I at instant T (down and up 80 ms later). */
static enum kbd_result
tap(struct kbd *k, int i, ft_ms t)
{
	kbd_down(k, cx(k, i), cy(k, i), t);
	return kbd_up(k, cx(k, i), cy(k, i), t + 80);
}

static void
tap_text(struct kbd *k, const char *text)
{
	tap(k, key(k, KBD_CHAR, text), 0);
}

/* ---- layouts ---- */

static void
test_letters_follow_the_language(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "en", KBD_LABEL, "x");
	/* the first row, left to right */
	assert_true(k.keys[0].r.x < k.keys[1].r.x);
	assert_string_equal(k.keys[0].text, "q");
	assert_string_equal(k.keys[1].text, "w");
	landscape(&k, "fr", KBD_LABEL, "x");
	assert_string_equal(k.keys[0].text, "a");
	assert_string_equal(k.keys[1].text, "z");
	assert_true(key(&k, KBD_CHAR, "m") >= 0);
	/* every key inside the area, none over another */
	for (int i = 0; i < k.nkeys; i++) {
		const struct kbd_rect *a = &k.keys[i].r;
		assert_true(a->x >= 0 && a->x + a->w <= 800 && a->y >= 200 && a->y + a->h <= 480);
		for (int j = i + 1; j < k.nkeys; j++) {
			const struct kbd_rect *b = &k.keys[j].r;
			assert_false(a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h &&
				     b->y < a->y + a->h);
		}
	}
}

static void
test_keys_are_at_least_9mm_in_landscape_and_portrait(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "fr", KBD_NAME, "");
	assert_true(kbd_smallest_key_mm(&k, PANEL_PX_PER_MM) >= 9.0);
	/* the same panel turned: 480 wide, the keyboard on the lower 45% */
	kbd_init(&k, "fr", KBD_NAME, 47, "");
	kbd_layout(&k, 0, 440, 480, 360);
	assert_true(kbd_smallest_key_mm(&k, PANEL_PX_PER_MM) >= 9.0);
	/* a layout squeezed into half that height would not do: the measure
	 * is real */
	kbd_layout(&k, 0, 620, 480, 180);
	assert_true(kbd_smallest_key_mm(&k, PANEL_PX_PER_MM) < 9.0);
}

/* ---- typing ---- */

static void
test_a_name_is_typed_with_capitals_word_by_word(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "en", KBD_NAME, "");
	assert_true(k.shift);
	tap_text(&k, "M");
	assert_false(k.shift); /* one letter only */
	tap_text(&k, "a");
	tap_text(&k, "r");
	tap_text(&k, "y");
	tap(&k, key(&k, KBD_SPACE, NULL), 0);
	assert_true(k.shift);
	tap_text(&k, "A");
	tap_text(&k, "n");
	tap_text(&k, "n");
	assert_string_equal(k.text, "Mary Ann");
	/* back to the start of a word: its capital again; back into a word:
	 * none (it read "Léa jo" once a typo was taken back) */
	int back = key(&k, KBD_BACKSPACE, NULL);
	tap(&k, back, 0);
	tap(&k, back, 0);
	tap(&k, back, 0);
	assert_string_equal(k.text, "Mary ");
	assert_true(k.shift);
	tap_text(&k, "J");
	tap_text(&k, "o");
	assert_string_equal(k.text, "Mary Jo");
	tap(&k, back, 0);
	tap(&k, back, 0);
	tap(&k, back, 0);
	assert_string_equal(k.text, "Mary");
	assert_false(k.shift);
	/* a label capitalises its first letter only */
	landscape(&k, "en", KBD_LABEL, "");
	tap_text(&k, "C");
	tap(&k, key(&k, KBD_SPACE, NULL), 0);
	assert_false(k.shift);
	tap_text(&k, "a");
	assert_string_equal(k.text, "C a");
}

static void
test_spaces_are_never_leading_doubled_or_trailing(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "en", KBD_LABEL, "");
	int space = key(&k, KBD_SPACE, NULL);
	tap(&k, space, 0);
	assert_string_equal(k.text, "");
	tap_text(&k, "L");
	tap(&k, space, 0);
	tap(&k, space, 0);
	assert_string_equal(k.text, "L ");
	assert_int_equal(tap(&k, key(&k, KBD_DONE, NULL), 0), KBD_FINISHED);
	assert_string_equal(k.text, "L");
}

/* ---- accents ---- */

static void
test_holding_a_letter_offers_its_accents(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "fr", KBD_NAME, "Chlo");
	int e = key(&k, KBD_CHAR, "e");
	kbd_down(&k, cx(&k, e), cy(&k, e), 1000);
	/* the display sleeps until the long press is due */
	assert_int_equal(kbd_deadline(&k), 1000 + KBD_LONG_PRESS);
	assert_int_equal(kbd_tick(&k, 1000 + KBD_LONG_PRESS - 1), KBD_NOTHING);
	assert_false(k.popup);
	assert_int_equal(kbd_tick(&k, 1000 + KBD_LONG_PRESS), KBD_CHANGED);
	assert_true(k.popup);
	assert_string_equal(k.variants[0], "é");
	assert_string_equal(k.variants[1], "è");
	assert_int_equal(kbd_deadline(&k), FT_MS_NEVER);
	/* slide to the second and lift: è */
	kbd_move(&k, k.variant_r[1].x + 5, k.variant_r[1].y + 5, 1700);
	assert_int_equal(kbd_up(&k, k.variant_r[1].x + 5, k.variant_r[1].y + 5, 1750), KBD_CHANGED);
	assert_string_equal(k.text, "Chloè");
	/* lifted at once on the popup's first: é, the most used */
	kbd_down(&k, cx(&k, e), cy(&k, e), 3000);
	kbd_tick(&k, 3600);
	kbd_up(&k, cx(&k, e), cy(&k, e), 3700);
	assert_string_equal(k.text, "Chloèé");
	/* lifted away from the popup: nothing typed */
	kbd_down(&k, cx(&k, e), cy(&k, e), 5000);
	kbd_tick(&k, 5600);
	assert_int_equal(kbd_up(&k, 799, 479, 5700), KBD_CHANGED);
	assert_string_equal(k.text, "Chloèé");
	/* a key with no accents opens nothing */
	int t = key(&k, KBD_CHAR, "t");
	kbd_down(&k, cx(&k, t), cy(&k, t), 7000);
	assert_int_equal(kbd_deadline(&k), FT_MS_NEVER);
	kbd_tick(&k, 9000);
	assert_false(k.popup);
	kbd_up(&k, cx(&k, t), cy(&k, t), 9000);
	assert_string_equal(k.text, "Chloèét");
}

static void
test_shift_gives_accented_capitals_and_the_other_languages_letters(void **state)
{
	static const struct { const char *letter, *want; } cases[] = {
		{"e", "É"}, {"c", "Ç"}, {"a", "À"}, {"o", "Ô"}, {"u", "Ù"}, {"n", "Ñ"}, {"s", "ẞ"},
	};
	char v[KBD_MAX_VARIANTS][8];
	struct kbd k;
	(void)state;
	for (size_t i = 0; i < FT_ARRAY_LEN(cases); i++) {
		landscape(&k, "fr", KBD_NAME, "");
		char upper[2] = {(char)(cases[i].letter[0] - 'a' + 'A'), '\0'};
		int key_i = key(&k, KBD_CHAR, upper);
		kbd_down(&k, cx(&k, key_i), cy(&k, key_i), 0);
		kbd_tick(&k, KBD_LONG_PRESS);
		kbd_up(&k, cx(&k, key_i), cy(&k, key_i), KBD_LONG_PRESS + 10);
		assert_string_equal(k.text, cases[i].want);
	}
	/* the lower-case letters French and the others need */
	assert_true(kbd_variants("e", v) >= 4);
	assert_string_equal(v[2], "ê");
	assert_int_equal(kbd_variants("i", v), 4);
	assert_string_equal(v[1], "ï");
	assert_string_equal(v[0], "î");
	assert_true(kbd_variants("u", v) >= 3);
	assert_string_equal(v[2], "ü");
	assert_string_equal((kbd_variants("s", v), v[0]), "ß");
	assert_string_equal((kbd_variants("n", v), v[0]), "ñ");
	assert_string_equal((kbd_variants("c", v), v[0]), "ç");
	assert_string_equal((kbd_variants("o", v), v[0]), "ô");
	assert_int_equal(kbd_variants("t", v), 0);
}

/* ---- UTF-8 ---- */

static void
test_backspace_removes_a_whole_character(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "fr", KBD_NAME, "Zoë");
	int back = key(&k, KBD_BACKSPACE, NULL);
	assert_int_equal(strlen(k.text), 4);
	tap(&k, back, 0);
	assert_string_equal(k.text, "Zo");
	tap(&k, back, 0);
	tap(&k, back, 0);
	assert_string_equal(k.text, "");
	assert_true(k.shift); /* empty again: a capital next */
	assert_int_equal(tap(&k, back, 0), KBD_NOTHING);
}

static void
test_the_limit_never_cuts_a_character(void **state)
{
	struct kbd k;
	(void)state;
	/* room for 5 bytes: "Zoé" is 4, another é would make 6 */
	kbd_init(&k, "fr", KBD_NAME, 5, "Zoé");
	kbd_layout(&k, 0, 200, 800, 280);
	tap_text(&k, "e");
	assert_string_equal(k.text, "Zoée");
	int e = key(&k, KBD_CHAR, "e");
	kbd_down(&k, cx(&k, e), cy(&k, e), 0);
	kbd_tick(&k, KBD_LONG_PRESS);
	assert_int_equal(kbd_up(&k, cx(&k, e), cy(&k, e), KBD_LONG_PRESS + 1), KBD_NOTHING);
	assert_string_equal(k.text, "Zoée");
	/* an initial text too long is cut at a whole character */
	kbd_init(&k, "fr", KBD_NAME, 4, "Chloé");
	assert_string_equal(k.text, "Chlo");
	kbd_init(&k, "fr", KBD_NAME, 3, "Zoé");
	assert_string_equal(k.text, "Zo");
}

/* ---- touches ---- */

static void
test_a_tap_counts_where_it_began_and_a_gap_goes_to_the_nearest_key(void **state)
{
	struct kbd k;
	(void)state;
	landscape(&k, "en", KBD_LABEL, "x");
	int q = key(&k, KBD_CHAR, "q"), w = key(&k, KBD_CHAR, "w");
	/* down on q, slid off to w: nothing */
	kbd_down(&k, cx(&k, q), cy(&k, q), 0);
	assert_int_equal(kbd_up(&k, cx(&k, w), cy(&k, w), 80), KBD_CHANGED);
	assert_string_equal(k.text, "x");
	/* between q and w, nearer w */
	int gap_x = k.keys[w].r.x - 1;
	assert_int_equal(kbd_key_at(&k, gap_x, cy(&k, w)), w);
	/* outside the keyboard: no key */
	assert_int_equal(kbd_key_at(&k, 400, 100), -1);
	/* the page key gives digits, and back */
	tap(&k, key(&k, KBD_PAGE, NULL), 0);
	tap_text(&k, "2");
	tap(&k, key(&k, KBD_PAGE, NULL), 0);
	tap_text(&k, "q");
	assert_string_equal(k.text, "x2q");
	/* no key types a double quote, which a quoted name could not hold */
	for (int page = 0; page < 2; page++) {
		for (int i = 0; i < k.nkeys; i++)
			assert_null(strchr(k.keys[i].text, '"'));
		tap(&k, key(&k, KBD_PAGE, NULL), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_letters_follow_the_language),
		cmocka_unit_test(test_keys_are_at_least_9mm_in_landscape_and_portrait),
		cmocka_unit_test(test_a_name_is_typed_with_capitals_word_by_word),
		cmocka_unit_test(test_spaces_are_never_leading_doubled_or_trailing),
		cmocka_unit_test(test_holding_a_letter_offers_its_accents),
		cmocka_unit_test(test_shift_gives_accented_capitals_and_the_other_languages_letters),
		cmocka_unit_test(test_backspace_removes_a_whole_character),
		cmocka_unit_test(test_the_limit_never_cuts_a_character),
		cmocka_unit_test(test_a_tap_counts_where_it_began_and_a_gap_goes_to_the_nearest_key),
	};
	return cmocka_run_group_tests_name("keyboard", tests, NULL, NULL);
}
