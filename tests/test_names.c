/*
 * test_names.c - long names (issue 12, point 4): eight slots with names of
 * 20 characters, on the meal screen's chips: each name whole where it fits,
 * else its first part ("Marie-Christine" -> "Marie"), never cut in the
 * middle of a letter (the text stays valid UTF-8).
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "ui.h"

static const char *const conf =
	"[dock]\n"
	"lines = 1 2 3 4 5 6 7 8\n"
	"names = \"Marie-Christine Anne\" \"Jean-Baptiste Émile\" Léopoldine-Héloïse "
	"\"Maximilian Alexander\" \"Éléonore-Joséphine\" \"Anne-Sophie Bérénice\" Zoé Bob\n"
	"[time]\ntimezone = Europe/Paris\n";

/* Whether S is well-formed UTF-8. */
static bool
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : -1;
		if (n < 0)
			return false;
		p++;
		for (int i = 0; i < n; i++, p++)
			if ((*p & 0xc0) != 0x80)
				return false;
	}
	return true;
}

static void
test_long_names_are_shortened_by_a_rule(void **state)
{
	struct ft_error err;
	struct ft_config cfg = test_config(conf);
	struct ui_fonts *fonts = ui_fonts_open(&err);
	assert_non_null(fonts);
	static struct ui_frame frame;
	struct ui_model m = { .cfg = &cfg, .now = T("2026-12-06T19:20:00+01:00"), .session_open = true };
	m.session_start = m.now - 10 * FT_MINUTE;
	static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 720, 1280 } };
	for (size_t s = 0; s < FT_ARRAY_LEN(sizes); s++) {
		/* all eight docked */
		for (int i = 0; i < cfg.nslots; i++)
			m.slot_in[i] = true;
		m.docked = cfg.nslots;
		ui_layout(fonts, &m, UI_MEAL, sizes[s][0], sizes[s][1], &frame);
		int chips = 0;
		for (int i = 0; i < frame.nitems; i++) {
			const struct ui_item *it = &frame.items[i];
			if (it->kind != UI_ITEM_TEXT)
				continue;
			for (int slot = 0; slot < cfg.nslots; slot++) {
				const char *name = cfg.names[slot];
				size_t first = strcspn(name, " -");
				if (strcmp(it->text, name) == 0 ||
				    (strlen(it->text) == first && strncmp(it->text, name, first) == 0)) {
					chips++;
					break;
				}
			}
			assert_true(valid_utf8(it->text));
		}
		/* every docked person's name shows, whole or its first part */
		assert_int_equal(chips, cfg.nslots);
	}
	ui_fonts_close(fonts);
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_names_are_shortened_by_a_rule),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
