/*
 * test_live_settings.c - the settings beyond the first screen through the
 * decision module (live.h, issue 11, point 1), driven as app.c drives it
 * (tests/live_loop.h): plain instants, taps on the frame last drawn, the
 * real store in a temporary folder.
 *
 *   - a ritual changed, added or removed on the display is stored as
 *     `settings set` would, in effect at once (the report and the glance
 *     see it), and Put back returns the file's rituals;
 *   - a meal window is checked as the file would check it: a refused one
 *     says why and writes nothing; one past midnight counts the meal;
 *   - the night, the time zone (region, then city) and the rotation apply
 *     at once and can be put back;
 *   - in French, the pages' buttons agree with what they list: "Suivants"
 *     under the rituels, "Suivantes" under the villes;
 *   - with no language in the file, the language row colours the one the
 *     display speaks (the locale's), and says it was not chosen here.
 */
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "calendar.h"
#include "report.h"
#include "settings.h"
#include "store.h"

#define S FT_SECOND

static const char *const conf =
	"[dock]\nnames = Anna Ben\n"
	"[rituals]\nritual = mon 18:00 call \"Call a friend\"\n"
	"ritual = thu 12:00 meal \"Shared lunch\"\n"
	"[time]\ntimezone = Europe/Paris\n";
#define FIXTURE_NAME "live-settings"
#include "live_fixture.h"
#include "live_typing.h"

/* Tuesday 8 December 2026, 20:00 in Paris. */
#define TUESDAY "2026-12-08T20:00:00+01:00"


/* The configuration as the database would give it to the next start:
 * the file's, with the stored settings laid over it. */
static struct ft_config
stored(struct fixture *fx)
{
	struct ft_error err;
	struct ft_config cfg = fx->cfg;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	assert_true(settings_overlay(&cfg, st, &err));
	store_close(st);
	return cfg;
}

static enum ft_source
source(struct fixture *fx, const char *key)
{
	return stored(fx).source[config_key_find(key)];
}

/* The app at TUESDAY, on the settings screen (held the clock two seconds). */
static struct loop *
open_settings(struct fixture *fx, const char *at)
{
	loop_open(&fx->lp, &fx->cfg, fx->db, T(at), NULL);
	hold_for_settings(&fx->lp);
	return &fx->lp;
}

/* The index of the ritual labelled LABEL in the configuration in effect,
 * or -1. */
static int
ritual_labelled(struct loop *a, const char *label)
{
	const struct ft_config *cfg = live_config(a->live);
	for (int i = 0; i < cfg->nrituals; i++)
		if (strcmp(cfg->rituals[i].label, label) == 0)
			return i;
	return -1;
}

static void
test_a_ritual_changed_applies_at_once_and_is_put_back(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_settings(fx, TUESDAY);
	loop_tap(a, UI_ACT_GO_SETUP, UI_RITUALS);
	assert_int_equal(live_screen(a->live), UI_RITUALS);
	assert_true(loop_shows(a, "Call a friend"));

	/* the Monday call becomes a Tuesday walk at 18:15 */
	loop_tap(a, UI_ACT_RITUAL_EDIT, 0);
	assert_int_equal(live_screen(a->live), UI_RITUAL);
	loop_tap(a, UI_ACT_RITUAL_STEP, 1);   /* a day later */
	loop_tap(a, UI_ACT_RITUAL_STEP, 3);   /* a quarter of an hour later */
	loop_tap(a, UI_ACT_RITUAL_KIND, FT_RITUAL_WALK);
	/* a suggested label follows the kind */
	assert_string_equal(model(a).setup.ritual.label, "Family walk");
	loop_tap(a, UI_ACT_RITUAL_LABEL, 1);
	assert_string_equal(model(a).setup.ritual.label, "Walk after dinner");
	/* nothing is stored before Save */
	assert_int_equal(source(fx, "rituals.ritual"), FT_SOURCE_FILE);
	loop_tap(a, UI_ACT_RITUAL_SAVE, 0);
	assert_int_equal(live_screen(a->live), UI_RITUALS);

	const struct ft_ritual *r = &live_config(a->live)->rituals[0];
	assert_int_equal(r->weekday, 1);
	assert_int_equal(r->minute, 18 * 60 + 15);
	assert_int_equal(r->kind, FT_RITUAL_WALK);
	assert_string_equal(r->label, "Walk after dinner");
	/* stored exactly as the file would hold it, the other one untouched */
	struct ft_config next = stored(fx);
	assert_int_equal(next.source[config_key_find("rituals.ritual")], FT_SOURCE_DISPLAY);
	assert_int_equal(next.nrituals, 2);
	assert_int_equal(next.rituals[0].kind, FT_RITUAL_WALK);
	assert_string_equal(next.rituals[0].label, "Walk after dinner");
	assert_string_equal(next.rituals[1].label, "Shared lunch");

	/* the glance sees it at once: today's ritual, not done yet */
	loop_tap(a, UI_ACT_GO_SETTINGS, 0);
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	assert_true(loop_shows(a, "Walk after dinner"));
	assert_false(model(a).report->ritual_kept[0]);
	/* and a walk today keeps it */
	loop_tap(a, UI_ACT_GO_WALK, 0);
	loop_tap(a, UI_ACT_WALK_START, 0);
	loop_wait(a, 25 * FT_MINUTE, 60 * S);
	loop_tap(a, UI_ACT_WALK_STOP, 0);
	loop_wait(a, 2 * S, 1000);
	assert_true(model(a).report->ritual_kept[0]);

	/* Put back: the file's rituals again, in effect and stored */
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	hold_for_settings(a);
	loop_tap(a, UI_ACT_GO_SETUP, UI_RITUALS);
	assert_true(loop_shows(a, "Put back"));
	loop_tap(a, UI_ACT_KEY_RESET, config_key_find("rituals.ritual"));
	assert_int_equal(live_config(a->live)->rituals[0].kind, FT_RITUAL_CALL);
	assert_string_equal(live_config(a->live)->rituals[0].label, "Call a friend");
	assert_int_equal(source(fx, "rituals.ritual"), FT_SOURCE_FILE);
	loop_wait(a, 2 * S, 1000);
	assert_false(model(a).report->ritual_kept[0]); /* Monday's call was not made */
	assert_false(loop_shows(a, "Put back"));
}

/* "Type it": the ritual's label on the keyboard. Cancel leaves the label as
 * it was; Done puts the typed one in the ritual being changed (nothing
 * stored yet); Save stores it as the file would hold it. */
static void
test_a_ritual_label_is_typed_on_the_keyboard(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_settings(fx, TUESDAY);
	loop_tap(a, UI_ACT_GO_SETUP, UI_RITUALS);
	loop_tap(a, UI_ACT_RITUAL_EDIT, 0);
	assert_int_equal(live_screen(a->live), UI_RITUAL);
	loop_tap(a, UI_ACT_RITUAL_TYPE, 0);
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
	assert_true(loop_shows(a, "The ritual's name"));
	assert_string_equal(typed(a), "Call a friend");
	type(a, "xyz");
	loop_tap(a, UI_ACT_KBD_CANCEL, 0);
	assert_int_equal(live_screen(a->live), UI_RITUAL);
	assert_true(loop_shows(a, "Call a friend"));

	loop_tap(a, UI_ACT_RITUAL_TYPE, 0);
	for (size_t i = strlen("Call a friend"); i > 0; i--)
		tap_key(a, KBD_BACKSPACE, NULL);
	assert_string_equal(typed(a), "");
	tap_key(a, KBD_DONE, NULL); /* empty: refused, still typing */
	assert_int_equal(live_screen(a->live), UI_KEYBOARD);
	type(a, "Call Ren");
	hold_and_pick(a, "e", 0); /* é */
	assert_string_equal(typed(a), "Call Ren\xc3\xa9");
	tap_key(a, KBD_DONE, NULL);
	assert_int_equal(live_screen(a->live), UI_RITUAL);
	assert_true(loop_shows(a, "Call Ren\xc3\xa9"));
	assert_int_equal(ritual_labelled(a, "Call Ren\xc3\xa9"), -1); /* not saved yet */
	loop_tap(a, UI_ACT_RITUAL_SAVE, 0);
	assert_int_equal(ritual_labelled(a, "Call Ren\xc3\xa9"), 0);
	assert_string_equal(stored(fx).rituals[0].label, "Call Ren\xc3\xa9");
}

static void
test_a_ritual_is_added_and_removed_after_a_question(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_settings(fx, TUESDAY);
	loop_tap(a, UI_ACT_GO_SETUP, UI_RITUALS);
	loop_tap(a, UI_ACT_RITUAL_EDIT, 2); /* Add: after the two there are */
	assert_int_equal(live_screen(a->live), UI_RITUAL);
	assert_false(loop_shows(a, "Remove")); /* nothing to remove yet */
	loop_tap(a, UI_ACT_RITUAL_KIND, FT_RITUAL_MEAL);
	loop_tap(a, UI_ACT_RITUAL_LABEL, 2);
	loop_tap(a, UI_ACT_RITUAL_SAVE, 0);
	assert_int_equal(live_config(a->live)->nrituals, 3);
	assert_int_equal(stored(fx).nrituals, 3);
	assert_int_equal(ritual_labelled(a, "Sunday dinner"), 2);
	/* a new one is today at 18:00 unless changed */
	assert_int_equal(live_config(a->live)->rituals[2].weekday, 1);

	/* Remove asks; keeping it is the coloured answer */
	loop_tap(a, UI_ACT_RITUAL_EDIT, 0);
	loop_tap(a, UI_ACT_RITUAL_REMOVE, 0);
	assert_int_equal(model(a).confirm, UI_CONFIRM_RITUAL_REMOVE);
	assert_true(loop_shows(a, "Remove the ritual \"Call a friend\"?"));
	loop_tap(a, UI_ACT_CONFIRM_NO, 0);
	assert_int_equal(live_config(a->live)->nrituals, 3);
	loop_tap(a, UI_ACT_RITUAL_REMOVE, 0);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_int_equal(live_screen(a->live), UI_RITUALS);
	assert_int_equal(live_config(a->live)->nrituals, 2);
	assert_int_equal(ritual_labelled(a, "Call a friend"), -1);
	assert_int_equal(stored(fx).nrituals, 2);
	loop_wait(a, 2 * S, 1000);
	assert_int_equal(model(a).report->nrituals, 2);
}

static void
test_a_bad_meal_window_is_refused_with_nothing_written(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_settings(fx, TUESDAY);
	loop_tap(a, UI_ACT_GO_SETUP, UI_WINDOWS);
	assert_int_equal(live_screen(a->live), UI_WINDOWS);
	/* breakfast renamed dinner: the file would refuse a name twice */
	loop_tap(a, UI_ACT_WINDOW_EDIT, 0);
	loop_tap(a, UI_ACT_WINDOW_NAME, 4);
	assert_string_equal(model(a).setup.window.kind, "dinner");
	loop_tap(a, UI_ACT_WINDOW_SAVE, 0);
	assert_int_equal(live_screen(a->live), UI_WINDOW);
	assert_non_null(model(a).setup.refused);
	assert_non_null(strstr(model(a).setup.refused, "named twice"));
	assert_true(loop_shows(a, "Not saved"));
	assert_int_equal(source(fx, "meal.windows"), FT_SOURCE_DEFAULT);
	assert_string_equal(live_config(a->live)->windows[0].kind, "breakfast");
	/* the only window removed: refused too, nothing written */
	loop_tap(a, UI_ACT_GO_SETUP, UI_WINDOWS);
	assert_null(model(a).setup.refused);
	for (int i = 0; i < 2; i++) {
		loop_tap(a, UI_ACT_WINDOW_EDIT, 0);
		loop_tap(a, UI_ACT_WINDOW_REMOVE, 0);
		loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	}
	assert_int_equal(live_config(a->live)->nwindows, 1);
	loop_tap(a, UI_ACT_WINDOW_EDIT, 0);
	loop_tap(a, UI_ACT_WINDOW_REMOVE, 0);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_non_null(model(a).setup.refused);
	assert_int_equal(live_config(a->live)->nwindows, 1);
	assert_int_equal(stored(fx).nwindows, 1);
	/* and put back: the three of the file (here the defaults) */
	loop_tap(a, UI_ACT_GO_SETUP, UI_WINDOWS);
	loop_tap(a, UI_ACT_KEY_RESET, config_key_find("meal.windows"));
	assert_int_equal(live_config(a->live)->nwindows, 3);
	assert_int_equal(source(fx, "meal.windows"), FT_SOURCE_DEFAULT);
}

/* A supper from 21:00 to 01:00, past midnight: a meal at 23:00 counts. */
static void
test_a_window_past_midnight_counts_a_late_meal(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_settings(fx, "2026-12-08T22:50:00+01:00");
	loop_tap(a, UI_ACT_GO_SETUP, UI_WINDOWS);
	loop_tap(a, UI_ACT_WINDOW_EDIT, 3); /* Add */
	loop_tap(a, UI_ACT_WINDOW_NAME, 5); /* supper: 21:00 to 01:00 */
	struct ft_window w = model(a).setup.window;
	assert_string_equal(w.kind, "supper");
	assert_int_equal(w.start, 21 * 60);
	assert_int_equal(w.end, 60);
	assert_true(loop_shows(a, "01:00 next day"));
	loop_tap(a, UI_ACT_WINDOW_SAVE, 0);
	assert_int_equal(live_config(a->live)->nwindows, 4);
	assert_int_equal(stored(fx).windows[3].end, 60);
	/* phones down from 23:00 to 23:40 */
	loop_tap(a, UI_ACT_GO_SETTINGS, 0);
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	loop_wait(a, 10 * FT_MINUTE, 10 * S);
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, 40 * FT_MINUTE, 10 * S);
	loop_dock(a, 1, 0);
	loop_dock(a, 2, 0);
	loop_wait(a, 3 * FT_MINUTE, 10 * S);
	struct ui_model m = model(a);
	assert_int_equal(m.report->meal_count, 1);
	assert_string_equal(m.report->meals[0].s.kind, "supper");
}

/* NAME's index among the regions or cities the zone picker offers; -1. */
static int
zone_index(struct loop *a, const char *name)
{
	struct ui_model m = model(a);
	for (int i = 0; i < m.setup.nzones; i++)
		if (strcmp(m.setup.zones[i], name) == 0)
			return i;
	return -1;
}

static void
test_night_zone_and_rotation_apply_at_once(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_settings(fx, TUESDAY);
	loop_tap(a, UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	assert_int_equal(live_screen(a->live), UI_SCREEN_CLOCK);
	/* no night yet: the first step sets the usual one, 22:00 to 06:30 */
	assert_false(live_config(a->live)->night_set);
	loop_tap(a, UI_ACT_NIGHT_STEP, 1);
	assert_true(live_config(a->live)->night_set);
	assert_int_equal(live_config(a->live)->night_start, 22 * 60);
	loop_tap(a, UI_ACT_NIGHT_STEP, 0); /* half an hour earlier: 21:30 */
	assert_int_equal(live_config(a->live)->night_start, 21 * 60 + 30);
	assert_int_equal(stored(fx).night_start, 21 * 60 + 30);
	/* the rotation, stored and in effect (app.c turns the picture) */
	loop_tap(a, UI_ACT_ROTATION, 90);
	assert_int_equal(live_config(a->live)->rotation, 90);
	assert_int_equal(stored(fx).rotation, 90);

	/* a time zone: its region, then its city */
	loop_tap(a, UI_ACT_GO_SETUP, UI_ZONE_REGION);
	assert_int_equal(live_screen(a->live), UI_ZONE_REGION);
	int america = zone_index(a, "America");
	if (america < 0)
		test_skip("this system's tzdata has no America");
	assert_true(loop_shows(a, "Europe"));
	loop_tap(a, UI_ACT_ZONE_REGION, america);
	assert_int_equal(live_screen(a->live), UI_ZONE_CITY);
	int ny = zone_index(a, "America/New_York");
	assert_true(ny >= 0);
	/* the city is on a page of its own: paged to with the screen's arrows */
	int x = 0, y = 0;
	for (int pages = 0; !loop_target(a, UI_ACT_ZONE_CITY, ny, &x, &y); pages++) {
		assert_true(pages < 20);
		bool on = model(a).setup.first < ny;
		const struct ui_frame *f = a->frame;
		int step = 0;
		for (int i = 0; i < f->ntargets; i++)
			if (f->targets[i].action == UI_ACT_SETUP_PAGE && (f->targets[i].arg > 0) == on)
				step = f->targets[i].arg;
		assert_int_not_equal(step, 0);
		loop_tap(a, UI_ACT_SETUP_PAGE, step);
	}
	loop_tap(a, UI_ACT_ZONE_CITY, ny);
	assert_int_equal(live_screen(a->live), UI_SCREEN_CLOCK);
	assert_string_equal(live_config(a->live)->timezone, "America/New_York");
	assert_string_equal(stored(fx).timezone, "America/New_York");
	/* local time is New York's at once: 20:00 in Paris is 14:00 there */
	assert_int_equal(cal_local_minute(live_now(a->live, a->mono)) / 60, 14);
	assert_true(loop_shows(a, "America · New York"));

	/* each put back: the file's zone, no night, no rotation */
	loop_tap(a, UI_ACT_KEY_RESET, config_key_find("time.timezone"));
	assert_string_equal(live_config(a->live)->timezone, "Europe/Paris");
	assert_int_equal(cal_local_minute(live_now(a->live, a->mono)) / 60, 20);
	loop_tap(a, UI_ACT_KEY_RESET, config_key_find("display.night"));
	assert_false(live_config(a->live)->night_set);
	loop_tap(a, UI_ACT_KEY_RESET, config_key_find("display.rotation"));
	assert_int_equal(live_config(a->live)->rotation, 0);
	struct ft_config back = stored(fx);
	assert_int_equal(back.source[config_key_find("display.night")], FT_SOURCE_DEFAULT);
	assert_int_equal(back.source[config_key_find("display.rotation")], FT_SOURCE_DEFAULT);
	assert_int_equal(back.source[config_key_find("time.timezone")], FT_SOURCE_FILE);
}

/* Taps the page button of the screen shown: the next page (NEXT) or the
 * one before. */
static void
tap_page(struct loop *a, bool next)
{
	const struct ui_frame *f = a->frame;
	for (int i = 0; i < f->ntargets; i++)
		if (f->targets[i].action == UI_ACT_SETUP_PAGE && (f->targets[i].arg > 0) == next) {
			loop_tap(a, UI_ACT_SETUP_PAGE, f->targets[i].arg);
			return;
		}
	fail_msg("no %s page on this screen", next ? "next" : "previous");
}

static void
test_the_pages_agree_with_what_they_list_in_french(void **state)
{
	struct fixture *fx = *state;
	/* more rituals than a page holds at 800x480 */
	fx->cfg = test_config("[dock]\nnames = Anna Ben\n[rituals]\n"
			      "ritual = mon 18:00 call \"Mamie\"\nritual = tue 19:00 meal \"Tacos\"\n"
			      "ritual = wed 19:30 meal \"Soupe\"\nritual = fri 20:00 meal \"Pizza\"\n"
			      "ritual = sat 10:00 walk \"Marché\"\nritual = sun 12:00 meal \"Rôti\"\n"
			      "[display]\nlanguage = fr\n[time]\ntimezone = Europe/Paris\n");
	ui_i18n_init(fx->cfg.language);
	if (strcmp(gettext("Rituals"), "Rituals") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	loop_open(&fx->lp, &fx->cfg, fx->db, T(TUESDAY), NULL);
	struct loop *a = &fx->lp;
	hold_for_settings(a);
	/* les rituels: masculine */
	loop_tap(a, UI_ACT_GO_SETUP, UI_RITUALS);
	assert_true(loop_shows(a, "Rituels"));
	assert_true(loop_shows(a, "Suivants"));
	assert_false(loop_shows(a, "Suivantes"));
	tap_page(a, true);
	assert_true(loop_shows(a, "Précédents"));
	assert_false(loop_shows(a, "Précédentes"));
	/* les villes d'une région: feminine */
	loop_tap(a, UI_ACT_GO_SETTINGS, 0);
	loop_tap(a, UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	loop_tap(a, UI_ACT_GO_SETUP, UI_ZONE_REGION);
	int europe = zone_index(a, "Europe");
	if (europe < 0)
		test_skip("this system's tzdata has no Europe");
	loop_tap(a, UI_ACT_ZONE_REGION, europe);
	assert_int_equal(live_screen(a->live), UI_ZONE_CITY);
	assert_true(loop_shows(a, "Suivantes"));
	tap_page(a, true);
	assert_true(loop_shows(a, "Précédentes"));
}

/* The colour of the text item reading exactly TEXT in the frame last
 * drawn, or -1 when there is none. */
static int
text_color(const struct loop *a, const char *text)
{
	for (int i = 0; i < a->frame->nitems; i++)
		if (a->frame->items[i].kind == UI_ITEM_TEXT && strcmp(a->frame->items[i].text, text) == 0)
			return (int)a->frame->items[i].color;
	return -1;
}

static void
test_the_language_row_colours_the_language_spoken(void **state)
{
	struct fixture *fx = *state;
	/* no [display] language, and a French locale (LANGUAGE=fr here;
	 * LANG=fr_FR.UTF-8 where that locale is generated): French on the
	 * whole display */
	assert_string_equal(fx->cfg.language, "");
	setenv("LANGUAGE", "fr", 1);
	ui_i18n_init(fx->cfg.language);
	if (strcmp(gettext("Put back"), "Put back") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	struct loop *a = open_settings(fx, TUESDAY);
	loop_tap(a, UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	assert_int_equal(text_color(a, "Français"), UI_C_ON_PRIMARY);
	assert_int_equal(text_color(a, "English"), UI_C_INK);
	/* nothing was chosen on the display: it came so, no Put back */
	assert_true(loop_shows(a, gettext("as it came")));
	int x = 0, y = 0;
	assert_false(loop_target(a, UI_ACT_SETTING_RESET, UI_SET_LANGUAGE, &x, &y));
	assert_string_equal(live_config(a->live)->language, "");
	/* an English locale, the same file: English coloured */
	unsetenv("LANGUAGE");
	ui_i18n_init(fx->cfg.language);
	if (strcmp(gettext("Put back"), "Put back") != 0)
		test_skip("this system's locale is not English");
	loop_tap(a, UI_ACT_GO_SETTINGS, 0);
	loop_tap(a, UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	assert_int_equal(text_color(a, "English"), UI_C_ON_PRIMARY);
	assert_int_equal(text_color(a, "Français"), UI_C_INK);
	assert_true(loop_shows(a, "as it came"));
}

/* The tests after it speak English, as they started. */
static int
teardown_english(void **state)
{
	unsetenv("LANGUAGE");
	return teardown(state);
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_ritual_changed_applies_at_once_and_is_put_back,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_ritual_is_added_and_removed_after_a_question,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_ritual_label_is_typed_on_the_keyboard, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_bad_meal_window_is_refused_with_nothing_written,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_window_past_midnight_counts_a_late_meal, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_night_zone_and_rotation_apply_at_once, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_the_pages_agree_with_what_they_list_in_french,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_language_row_colours_the_language_spoken,
						setup, teardown_english),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return failed;
}
