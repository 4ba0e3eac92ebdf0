/*
 * test_live_keyboard.c - the on-screen keyboard and the family's names
 * through the decision module (live.h), driven as app.c drives it
 * (tests/live_loop.h): plain instants, fingers on the frame last drawn
 * (the keys where the frame drew them), the real store in a folder.
 *
 *   - "Someone new…" on the call's whom opens the keyboard; the name typed
 *     (accents by holding a letter and sliding) is logged as the call's
 *     `to`; Cancel goes back to whom;
 *   - an empty, digits-only or too long name is refused with its reason on
 *     screen, and nothing is logged;
 *   - the family: "Name a phone" waits for a phone, the slot it is docked
 *     in is the one named, stored as `settings set dock.names` would,
 *     in effect at once; Change, Remove and Put back; another slot's name
 *     is refused;
 *   - a phone docked to be named is not at the table: naming every phone
 *     of the family in the evening, and leaving them docked, makes no
 *     meal; once taken out and docked again it counts;
 *   - the letters follow the language the display speaks: AZERTY when
 *     [display] language is unset and the locale is French, QWERTY when
 *     the file says English whatever the locale.
 */
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "calendar.h"
#include "live_fixture.h"
#include "live_typing.h"
#include "report.h"
#include "settings.h"
#include "store.h"
#include "ui_image.h"

#define S FT_SECOND

static const char *const conf =
	"[dock]\nlines = 17 27 22 23\nnames = Anna Ben Chloé Dan\n"
	"[time]\ntimezone = Europe/Paris\n";

/* Monday 7 December 2026, 19:00: dinner time. */
#define EVENING "2026-12-07T19:00:00+01:00"

static int
setup(void **state)
{
	struct fixture *fx = fixture_new("live-keyboard", conf);
	if (!fx)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture_free(*state);
	return 0;
}

static struct loop *
open_app(struct fixture *fx)
{
	loop_open(&fx->lp, &fx->cfg, fx->db, T(EVENING), NULL);
	return &fx->lp;
}

/* The week's report as the store holds it. */
static struct report
report_now(struct fixture *fx, struct loop *a)
{
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	struct report r;
	assert_true(report_build(st, live_config(a->live), live_now(a->live, a->mono), &r, &err));
	store_close(st);
	return r;
}

/* The configuration `run` would start with now: defaults, file, the
 * database's settings. */
static struct ft_config
effective(struct fixture *fx)
{
	struct ft_error err;
	struct ft_config c = test_config(conf);
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	assert_true(settings_overlay(&c, st, &err));
	store_close(st);
	return c;
}

/* With FT_SCREENSHOT_DIR set, the panel as it is now is saved there as
 * NAME.png (the README's pictures). */
static void
save_panel(struct loop *a, const char *name)
{
	const char *dir = getenv("FT_SCREENSHOT_DIR");
	if (!dir)
		return;
	char path[300];
	struct ft_error err;
	snprintf(path, sizeof(path), "%s/%s.png", dir, name);
	assert_true(ui_image_save(a->panel, path, &err));
}

/* ---- calls: someone new ---- */

static void
test_someone_new_is_typed_and_logged_as_whom(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 2);
	/* nobody called before: someone new is offered all the same */
	loop_tap(a, UI_ACT_CALL_NEW, 0);
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
	assert_true(loop_shows(a, "Whom did Ben call?"));
	/* Cancel: back to whom, nothing logged */
	type(a, "Xy");
	loop_tap(a, UI_ACT_KBD_CANCEL, 0);
	assert_int_equal(live_screen(a->live), UI_CALL_WHOM);
	loop_tap(a, UI_ACT_CALL_NEW, 0);
	assert_string_equal(typed(a), "");
	/* "Tante Zoé": the é by holding e, the first of its variants */
	type(a, "Tante Zo");
	hold_and_pick(a, "e", 0);
	assert_string_equal(typed(a), "Tante Zoé");
	/* holding e and sliding onto its second variant gives è */
	hold_and_pick(a, "e", 1);
	assert_string_equal(typed(a), "Tante Zoéè");
	tap_key(a, KBD_BACKSPACE, NULL);
	assert_string_equal(typed(a), "Tante Zoé");
	tap_key(a, KBD_DONE, NULL);

	assert_int_equal(live_screen(a->live), UI_GLANCE);
	struct report r = report_now(fx, a);
	assert_int_equal(r.ncalls, 1);
	assert_string_equal(r.calls[0].from, "Ben");
	assert_string_equal(r.calls[0].to, "Tante Zoé");
	report_free(&r);
	/* the next call offers her among the names called before */
	loop_wait(a, 5 * S, 1000);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 1);
	struct ui_model m = loop_model(a);
	assert_int_equal(m.call_nnames, 1);
	assert_string_equal(m.call_names[0], "Tante Zoé");
}

static void
test_a_refused_name_says_why_and_logs_nothing(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 1);
	loop_tap(a, UI_ACT_CALL_NEW, 0);
	tap_key(a, KBD_DONE, NULL);
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
	assert_true(loop_shows(a, "Type a name first."));
	/* digits alone would read as a slot */
	type(a, "42");
	assert_string_equal(typed(a), "42");
	assert_false(loop_shows(a, "Type a name first.")); /* typing clears it */
	tap_key(a, KBD_DONE, NULL);
	assert_true(loop_shows(a, "A name needs a letter"));
	/* as long as a name can be: the next letter is refused, said so */
	tap_key(a, KBD_BACKSPACE, NULL);
	tap_key(a, KBD_BACKSPACE, NULL);
	for (int i = 0; i < FT_NAME_MAX - 1; i++)
		type(a, "a");
	assert_int_equal(strlen(typed(a)), FT_NAME_MAX - 1);
	assert_false(loop_shows(a, "A name cannot be any longer."));
	type(a, "b");
	assert_int_equal(strlen(typed(a)), FT_NAME_MAX - 1);
	assert_true(loop_shows(a, "A name cannot be any longer."));
	struct report r = report_now(fx, a);
	assert_int_equal(r.ncalls, 0);
	report_free(&r);
	/* and the longest is taken */
	tap_key(a, KBD_DONE, NULL);
	r = report_now(fx, a);
	assert_int_equal(r.ncalls, 1);
	assert_int_equal(strlen(r.calls[0].to), FT_NAME_MAX - 1);
	report_free(&r);
}

/* ---- the family's names ---- */

/* The settings (held on the glance), then the family. */
static void
go_family(struct loop *a)
{
	int x = 0, y = 0;
	if (!loop_target(a, UI_ACT_SETTINGS_HOLD, 0, &x, &y))
		fail_msg("no settings hold on the glance");
	loop_finger(a, 8, true, x, y);
	loop_wait(a, LIVE_SETTINGS_HOLD + 100, 100);
	loop_finger(a, 8, false, x, y);
	assert_int_equal(live_screen(a->live), UI_SETTINGS);
	loop_tap(a, UI_ACT_GO_FAMILY, 0);
	assert_int_equal(live_screen(a->live), UI_FAMILY);
}

/* A phone put in SLOT (or taken out), held for the debounce. */
static void
dock(struct loop *a, int slot, int level)
{
	loop_dock(a, slot, level);
	loop_wait(a, 100, 10);
}

static void
test_the_slot_docked_when_asked_is_the_one_named(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	go_family(a);
	assert_true(loop_shows(a, "Chloé"));
	loop_tap(a, UI_ACT_FAMILY_DOCK, 0);
	assert_true(loop_shows(a, "Dock the phone to name"));
	save_panel(a, "family-dock");
	/* Chloé's phone goes into slot 3: its name comes up to change */
	dock(a, 3, 1);
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
	assert_true(loop_shows(a, "Whose phone is this?"));
	assert_string_equal(typed(a), "Chloé");
	for (int i = 0; i < 5; i++)
		tap_key(a, KBD_BACKSPACE, NULL);
	type(a, "L");
	hold_and_pick(a, "e", 0);
	type(a, "a");
	tap_key(a, KBD_DONE, NULL);
	/* in effect at once: the family, the chips, the configuration */
	assert_int_equal(live_screen(a->live), UI_FAMILY);
	assert_true(loop_shows(a, "Léa"));
	assert_string_equal(live_config(a->live)->names[2], "Léa");
	assert_true(loop_shows(a, "Put back"));
	/* stored as `settings set dock.names` would: the next start has it */
	struct ft_config c = effective(fx);
	assert_string_equal(c.names[2], "Léa");
	assert_string_equal(c.names[0], "Anna");
	assert_int_equal(c.source[config_key_find("dock.names")], FT_SOURCE_DISPLAY);

	/* another slot's name is refused, said on the keyboard */
	loop_tap(a, UI_ACT_FAMILY_CHANGE, 1);
	assert_string_equal(typed(a), "Anna");
	for (int i = 0; i < 4; i++)
		tap_key(a, KBD_BACKSPACE, NULL);
	type(a, "Ben");
	tap_key(a, KBD_DONE, NULL);
	assert_true(loop_shows(a, "Another phone already has that name."));
	assert_string_equal(live_config(a->live)->names[0], "Anna");
	loop_tap(a, UI_ACT_KBD_CANCEL, 0);
	assert_int_equal(live_screen(a->live), UI_FAMILY);

	/* removed, after a question whose coloured answer keeps it: Ben's
	 * slot has no name (the report says "2") */
	loop_tap(a, UI_ACT_FAMILY_REMOVE, 2);
	assert_true(loop_shows(a, "Remove the name Ben?"));
	loop_tap(a, UI_ACT_CONFIRM_NO, 0);
	assert_string_equal(live_config(a->live)->names[1], "Ben");
	loop_tap(a, UI_ACT_FAMILY_REMOVE, 2);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_true(loop_shows(a, "No name yet"));
	c = effective(fx);
	char buf[FT_NAME_MAX];
	assert_string_equal(config_slot_name(&c, 2, buf), "2");
	/* put back: the file's names again, all of them */
	loop_tap(a, UI_ACT_FAMILY_RESET, 0);
	assert_string_equal(live_config(a->live)->names[1], "Ben");
	assert_string_equal(live_config(a->live)->names[2], "Chloé");
	c = effective(fx);
	assert_int_equal(c.source[config_key_find("dock.names")], FT_SOURCE_FILE);
	assert_false(loop_shows(a, "Put back"));
}

/* The family names its four phones at dinner time and leaves them
 * docked: naming is not a meal. Taken out and docked again, they are. */
static void
test_phones_docked_to_be_named_make_no_meal(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	go_family(a);
	static const char *const names[] = { "Al", "Bo", "Cy", "Di" };
	for (int slot = 1; slot <= 4; slot++) {
		loop_tap(a, UI_ACT_FAMILY_DOCK, 0);
		dock(a, slot, 1);
		assert_int_equal(live_screen(a->live), UI_KEYBOARD);
		tap_key(a, KBD_BACKSPACE, NULL);
		for (size_t i = 0; i < strlen(names[slot - 1]) + 5; i++)
			tap_key(a, KBD_BACKSPACE, NULL);
		type(a, names[slot - 1]);
		tap_key(a, KBD_DONE, NULL);
		assert_int_equal(live_screen(a->live), UI_FAMILY);
		assert_true(loop_model(a).family_aside);
		assert_true(loop_shows(a, "Take the named phone out"));
		if (slot == 2)
			save_panel(a, "family-named");
	}
	/* four phones in the dock, none of them at the table */
	struct ui_model m = loop_model(a);
	assert_false(m.session_open);
	assert_int_equal(m.docked, 0);
	loop_wait(a, 40 * FT_MINUTE, 10 * S);
	m = loop_model(a);
	assert_false(m.session_open);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	struct report r = report_now(fx, a);
	assert_int_equal(r.meal_count, 0);
	report_free(&r);
	/* docking now (no one asked for a phone to name) is the session
	 * rules' as ever: taken out, docked again, two phones make a session */
	dock(a, 1, 0);
	dock(a, 2, 0);
	dock(a, 1, 1);
	assert_false(loop_model(a).session_open); /* one phone */
	dock(a, 2, 1);
	m = loop_model(a);
	assert_true(m.session_open);
	assert_int_equal(m.docked, 2);
	loop_wait(a, 20 * FT_MINUTE, 10 * S);
	dock(a, 1, 0);
	dock(a, 2, 0);
	loop_wait(a, 3 * FT_MINUTE, 10 * S);
	r = report_now(fx, a);
	assert_int_equal(r.meal_count, 1);
	assert_int_equal(r.meals[0].nmembers, 2);
	assert_string_equal(r.meals[0].members[0], "Al");
	assert_string_equal(r.meals[0].members[1], "Bo");
	report_free(&r);
}

/* ---- the letters of the language the display speaks ---- */

/* The first six letters of the top row shown: "QWERTY" or "AZERTY" (a
 * name starts with a capital: shift is on). */
static void
top_row(struct loop *a, char out[8])
{
	struct kbd k = shown_keyboard(a);
	size_t len = 0;
	for (int i = 0; i < k.nkeys && len < 6; i++)
		if (k.keys[i].kind == KBD_CHAR)
			len += (size_t)snprintf(out + len, 8 - len, "%s", k.keys[i].text);
}

/* "Someone new…" for Anna's call: the keyboard. */
static void
open_keyboard(struct loop *a)
{
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 1);
	loop_tap(a, UI_ACT_CALL_NEW, 0);
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
}

static void
test_the_letters_follow_the_language_the_display_speaks(void **state)
{
	struct fixture *fx = *state;
	char row[8] = "";
	/* no [display] language, and a French locale: French on the whole
	 * display (LANGUAGE=fr here; LANG=fr_FR.UTF-8 where that locale is
	 * generated), so French letters too */
	assert_string_equal(fx->cfg.language, "");
	setenv("LANGUAGE", "fr", 1);
	ui_i18n_init(fx->cfg.language);
	if (strcmp(gettext("Cancel"), "Cancel") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	struct loop *a = open_app(fx);
	open_keyboard(a);
	assert_true(loop_shows(a, gettext("Cancel")));
	assert_false(loop_shows(a, "Cancel"));
	top_row(a, row);
	assert_string_equal(row, "AZERTY");
	/* typed the French way: the Z of Zoé is on the top row */
	type(a, "Zoe");
	assert_string_equal(typed(a), "Zoe");
	loop_tap(a, UI_ACT_KBD_CANCEL, 0);
	/* the file's English wins over the locale, as app.c applies it */
	ui_i18n_init("en");
	loop_tap(a, UI_ACT_CALL_NEW, 0);
	top_row(a, row);
	assert_string_equal(row, "QWERTY");
}

/* The tests after it speak English, as they started. */
static int
teardown_english(void **state)
{
	unsetenv("LANGUAGE");
	ui_i18n_init("en");
	return teardown(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_someone_new_is_typed_and_logged_as_whom, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_refused_name_says_why_and_logs_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_the_slot_docked_when_asked_is_the_one_named, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_phones_docked_to_be_named_make_no_meal, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_the_letters_follow_the_language_the_display_speaks,
						setup, teardown_english),
	};
	return cmocka_run_group_tests_name("live_keyboard", tests, NULL, NULL);
}
