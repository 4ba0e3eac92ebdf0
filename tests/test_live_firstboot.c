/*
 * test_live_firstboot.c - the first-boot walk-through (issue 11, point 3)
 * through the decision module, driven as app.c drives it
 * (tests/live_loop.h): plain instants, taps on the frame last drawn, the
 * real store in a temporary folder.
 *
 *   - first boot is: no names, no display setting, nothing logged; then
 *     the walk-through comes up by itself, else it does not;
 *   - done to the end, each step's choice is stored as `settings set`
 *     would store it (read back as the file would take it);
 *   - Skip at any step writes nothing for that step, and skipped to the
 *     end nothing at all (it comes back at the next start);
 *   - the family step: each phone docked is the one named on the keyboard,
 *     one after another, and phones docked to be named make no meal;
 *   - Back, the pages of cities, the goals' limits;
 *   - it stays on screen while the family thinks;
 *   - "Set up again" from the settings runs it again, back to the settings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "calendar.h"
#include "live_fixture.h"
#include "live_typing.h"
#include "settings.h"
#include "store.h"
#include "zones.h"

#define S FT_SECOND

/* A new appliance: the installer's file names no one. */
static const char *const fresh_conf = "[time]\ntimezone = Europe/Paris\n";
static const char *const named_conf = "[dock]\nnames = Anna Ben\n[time]\ntimezone = Europe/Paris\n";

#define NOW "2026-12-07T18:30:00+01:00"

static int
setup(void **state)
{
	struct fixture *fx = fixture_new("live-firstboot", fresh_conf);
	if (!fx)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct ft_error err;
	fixture_free(*state);
	/* a city chosen moved the process's zone: the other tests' is Paris */
	cal_set_zone("Europe/Paris", &err);
	return 0;
}

static struct loop *
open_app(struct fixture *fx)
{
	loop_open(&fx->lp, &fx->cfg, fx->db, T(NOW), NULL);
	return &fx->lp;
}

static enum ui_screen
screen(struct loop *a)
{
	return live_screen(a->live);
}

/* How many settings the display stored. */
static int
stored_count(const char *db)
{
	return (int)test_query_int(db, "SELECT count(*) FROM setting");
}

/* The effective configuration as the next start would read it: FILE's
 * text, then the database's settings over it (checked as the file is). */
static struct ft_config
effective(const char *db, const char *file)
{
	struct ft_error err;
	struct ft_config c = test_config(file);
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	assert_true(settings_overlay(&c, st, &err));
	store_close(st);
	return c;
}

/* The index on the page shown of the zone (region, or a city's zone) NAME, going
 * through the pages of cities (More) until it shows. */
static int
find_zone(struct loop *a, const char *name)
{
	for (int pages = 0; pages < 20; pages++) {
		struct ui_model m = loop_model(a);
		for (int i = 0; i < m.firstboot.nzones; i++)
			if (strcmp(m.firstboot.zones[i], name) == 0)
				return i;
		if (!m.firstboot.zones_after)
			break;
		loop_tap(a, UI_ACT_FIRSTBOOT_PAGE, 1);
	}
	fail_msg("no zone %s", name);
	return -1;
}

/* The rituals proposed: the family's own first, kept; suggestions of the
 * kinds they lack, not kept; with none, the three suggestions kept, the
 * dinner within a meal window. */
static void
test_the_rituals_proposed(void **state)
{
	struct ui_firstboot u = { 0 };
	struct ft_config one = test_config("[rituals]\nritual = thu 12:00 meal \"Shared lunch\"\n");
	assert_int_equal(live_firstboot_rituals(&one, &u), 1);
	assert_int_equal(u.nrituals, 3);
	assert_string_equal(u.rituals[0].label, "Shared lunch");
	assert_true(u.ritual_on[0]);
	assert_int_equal(u.rituals[1].kind, FT_RITUAL_WALK);
	assert_int_equal(u.rituals[2].kind, FT_RITUAL_CALL);
	assert_false(u.ritual_on[1] || u.ritual_on[2]);
	/* dinner from 20:00 to 22:30: the Sunday dinner within it */
	struct ft_config late = test_config("[meal]\nwindows = lunch 12:00-14:00, dinner 20:00-22:30\n");
	assert_int_equal(live_firstboot_rituals(&late, &u), 0);
	assert_int_equal(u.rituals[0].kind, FT_RITUAL_MEAL);
	assert_int_equal(u.rituals[0].minute, 20 * 60);
	assert_true(u.ritual_on[0] && u.ritual_on[1] && u.ritual_on[2]);
}

/* --- first boot --------------------------------------------------------------- */

static void
test_first_boot_rule(void **state)
{
	struct ft_config none = test_config(fresh_conf), named = test_config(named_conf);
	assert_true(live_first_boot(&none, 0, false));
	assert_false(live_first_boot(&named, 0, false));  /* the file names the phones */
	assert_false(live_first_boot(&none, 1, false));   /* a setting made on the display */
	assert_false(live_first_boot(&none, 0, true));    /* something was logged */
}

static void
test_a_fresh_database_opens_on_the_walk_through(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	assert_int_equal(screen(a), UI_FIRSTBOOT_LANGUAGE);
	struct ui_model m = loop_model(a);
	assert_true(m.firstboot.on);
	assert_false(m.firstboot.again);
	assert_int_equal(m.firstboot.step, 1);
	assert_true(loop_shows(a, "English"));
	assert_true(loop_shows(a, "Français"));
	assert_true(loop_shows(a, "Step 1 of 5"));
}

static void
test_named_phones_open_on_the_glance(void **state)
{
	struct fixture *fx = *state;
	fx->cfg = test_config(named_conf);
	struct loop *a = open_app(fx);
	assert_int_equal(screen(a), UI_GLANCE);
	assert_false(loop_model(a).firstboot.on);
}

/* A hug logged before: not a first boot, though nobody named anything. */
static void
test_a_history_opens_on_the_glance(void **state)
{
	struct fixture *fx = *state;
	struct ft_error err;
	int64_t id;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	ft_ms t = T(NOW) - FT_DAY;
	assert_true(store_add_hug(st, t, cal_day_of(t), &id, &err));
	store_close(st);
	struct loop *a = open_app(fx);
	assert_int_equal(screen(a), UI_GLANCE);
}

/* --- done to the end ----------------------------------------------------------- */

static void
test_done_to_the_end_writes_every_step(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	ft_ms started = a->mono;
	/* the language: one tap, written at once */
	loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, 1); /* Français */
	assert_int_equal(screen(a), UI_FIRSTBOOT_REGION);
	assert_string_equal(live_config(a->live)->language, "fr");
	/* the time zone: the region, then the city (its page holds Paris
	 * first: the zone in effect) */
	loop_wait(a, 5 * S, S);
	loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "Europe"));
	assert_int_equal(screen(a), UI_FIRSTBOOT_CITY);
	struct ui_model m = loop_model(a);
	assert_int_equal(m.firstboot.step, 2);
	assert_true(m.firstboot.zone_on >= 0);
	assert_string_equal(m.firstboot.zones[m.firstboot.zone_on], "Europe/Paris");
	/* Berlin is on an earlier page: back to the first */
	assert_true(m.firstboot.zones_before);
	while (loop_model(a).firstboot.zones_before)
		loop_tap(a, UI_ACT_FIRSTBOOT_PAGE, -1);
	loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "Europe/Berlin"));
	assert_int_equal(screen(a), UI_FIRSTBOOT_FAMILY);
	assert_string_equal(live_config(a->live)->timezone, "Europe/Berlin");
	/* the family: nothing docked here, on to the goals */
	loop_tap(a, UI_ACT_FIRSTBOOT_NEXT, 0);
	assert_int_equal(screen(a), UI_FIRSTBOOT_GOALS);
	/* the goals: proposed from the settings, changed, written by Next */
	m = loop_model(a);
	assert_int_equal(m.firstboot.meal_goal, 3);
	assert_int_equal(m.firstboot.walk_goal, 1);
	loop_tap(a, UI_ACT_FIRSTBOOT_GOAL, 1); /* one more meal */
	loop_tap(a, UI_ACT_FIRSTBOOT_GOAL, 2); /* one walk fewer: not below one */
	loop_tap(a, UI_ACT_FIRSTBOOT_GOAL, 3);
	loop_tap(a, UI_ACT_FIRSTBOOT_GOAL, 3); /* three walks */
	m = loop_model(a);
	assert_int_equal(m.firstboot.meal_goal, 4);
	assert_int_equal(m.firstboot.walk_goal, 3);
	assert_int_equal(live_config(a->live)->meal_goal, 3); /* not before Next */
	loop_tap(a, UI_ACT_FIRSTBOOT_NEXT, 0);
	assert_int_equal(screen(a), UI_FIRSTBOOT_RITUALS);
	assert_int_equal(live_config(a->live)->meal_goal, 4);
	/* the rituals: three suggestions, all kept; the call left out */
	m = loop_model(a);
	assert_int_equal(m.firstboot.nrituals, 3);
	assert_int_equal(m.firstboot.rituals[0].kind, FT_RITUAL_MEAL);
	assert_int_equal(m.firstboot.rituals[0].weekday, 6);
	assert_int_equal(m.firstboot.rituals[1].kind, FT_RITUAL_WALK);
	assert_int_equal(m.firstboot.rituals[2].kind, FT_RITUAL_CALL);
	for (int i = 0; i < 3; i++)
		assert_true(m.firstboot.ritual_on[i]);
	loop_tap(a, UI_ACT_FIRSTBOOT_RITUAL, 2);
	assert_false(loop_model(a).firstboot.ritual_on[2]);
	loop_tap(a, UI_ACT_FIRSTBOOT_NEXT, 0); /* Done */
	assert_int_equal(screen(a), UI_GLANCE);
	assert_false(loop_model(a).firstboot.on);
	/* well within three minutes, the waits included */
	assert_true(a->mono - started < 3 * FT_MINUTE);
	/* as the next start reads them, checked as the file would be */
	loop_close(a);
	struct ft_config c = effective(fx->db, fresh_conf);
	assert_string_equal(c.language, "fr");
	assert_string_equal(c.timezone, "Europe/Berlin");
	assert_int_equal(c.meal_goal, 4);
	assert_int_equal(c.walk_goal, 3);
	assert_int_equal(c.nrituals, 2);
	assert_int_equal(c.rituals[0].kind, FT_RITUAL_MEAL);
	assert_int_equal(c.rituals[0].minute, 19 * 60);
	assert_int_equal(c.rituals[1].kind, FT_RITUAL_WALK);
	assert_int_equal(c.source[config_key_find("meal.weekly_goal")], FT_SOURCE_DISPLAY);
	/* and it does not come back: settings exist now */
	open_app(fx);
	assert_int_equal(screen(&fx->lp), UI_GLANCE);
}

/* --- the family, by docking ------------------------------------------------------ */

/* A phone put in SLOT (or taken out), held for the debounce. */
static void
dock(struct loop *a, int slot, int level)
{
	loop_dock(a, slot, level);
	loop_wait(a, 100, 10);
}

/* At dinner time: each phone docked is the one named, one after another
 * with nothing to tap between; an accent by holding a letter; the phones
 * left docked make no meal (they were docked to be named). */
static void
test_the_family_names_each_phone_by_docking_it(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0); /* the language */
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0); /* the time zone */
	assert_int_equal(screen(a), UI_FIRSTBOOT_FAMILY);
	assert_true(loop_model(a).family_waiting);
	assert_true(loop_shows(a, "Dock one phone at a time"));
	/* Zoé's phone in slot 2 */
	dock(a, 2, 1);
	assert_int_equal(screen(a), UI_KEYBOARD);
	type(a, "Zo");
	hold_and_pick(a, "e", 0); /* é */
	assert_string_equal(typed(a), "Zoé");
	tap_key(a, KBD_DONE, NULL);
	assert_int_equal(screen(a), UI_FIRSTBOOT_FAMILY);
	assert_string_equal(live_config(a->live)->names[1], "Zoé");
	assert_true(loop_shows(a, "Zoé"));
	assert_true(loop_shows(a, "Named."));
	/* the next phone at once: Max in slot 4, left in the dock too */
	assert_true(loop_model(a).family_waiting);
	dock(a, 4, 1);
	assert_int_equal(screen(a), UI_KEYBOARD);
	type(a, "Max");
	tap_key(a, KBD_DONE, NULL);
	assert_int_equal(screen(a), UI_FIRSTBOOT_FAMILY);
	/* two phones docked for twenty minutes of dinner time: no session */
	loop_wait(a, 20 * FT_MINUTE, 10 * S);
	assert_int_equal(screen(a), UI_FIRSTBOOT_FAMILY);
	assert_false(loop_model(a).session_open);
	loop_tap(a, UI_ACT_FIRSTBOOT_NEXT, 0);
	assert_int_equal(screen(a), UI_FIRSTBOOT_GOALS);
	assert_false(loop_model(a).family_waiting);
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	assert_int_equal(screen(a), UI_GLANCE);
	loop_close(a);
	/* stored as `settings set dock.names` would: every slot a word, the
	 * unnamed ones their number */
	struct ft_config c = effective(fx->db, fresh_conf);
	assert_int_equal(c.nslots, 4);
	assert_string_equal(c.names[1], "Zoé");
	assert_string_equal(c.names[3], "Max");
	assert_int_equal(c.source[config_key_find("dock.names")], FT_SOURCE_DISPLAY);
	assert_int_equal(stored_count(fx->db), 1);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM session"), 0);
}

/* --- skipped ------------------------------------------------------------------- */

/* Every step skipped: nothing written; the next start asks again. */
static void
test_skipped_to_the_end_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	static const enum ui_screen steps[] = { UI_FIRSTBOOT_LANGUAGE, UI_FIRSTBOOT_REGION,
						UI_FIRSTBOOT_FAMILY, UI_FIRSTBOOT_GOALS,
						UI_FIRSTBOOT_RITUALS };
	for (size_t i = 0; i < FT_ARRAY_LEN(steps); i++) {
		assert_int_equal(screen(a), steps[i]);
		loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	}
	assert_int_equal(screen(a), UI_GLANCE);
	assert_int_equal(stored_count(fx->db), 0);
	loop_close(a);
	a = open_app(fx);
	assert_int_equal(screen(a), UI_FIRSTBOOT_LANGUAGE);
}

/* Done to the end but for one step, skipped: that step's keys alone are
 * not written; each of the five in turn. */
static void
test_a_skipped_step_writes_nothing(void **state)
{
	struct fixture *fx = *state;
	static const char *const keys[] = { "display.language", "time.timezone", NULL,
					    "meal.weekly_goal", "rituals.ritual" };
	for (int skip = 0; skip < 5; skip++) {
		char sql[160];
		unlink(fx->db);
		struct loop *a = open_app(fx);
		/* language */
		loop_tap(a, skip == 0 ? UI_ACT_FIRSTBOOT_SKIP : UI_ACT_FIRSTBOOT_CHOOSE, 0);
		/* time zone: the region, then the city */
		if (skip == 1) {
			loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "Europe"));
			loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0); /* at the city */
		} else {
			loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "Europe"));
			loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "Europe/Paris"));
		}
		/* the family, the goals, the rituals */
		for (int step = 2; step < 5; step++) {
			assert_true(live_firstboot_step_number(screen(a)) == step + 1);
			loop_tap(a, skip == step ? UI_ACT_FIRSTBOOT_SKIP : UI_ACT_FIRSTBOOT_NEXT, 0);
		}
		assert_int_equal(screen(a), UI_GLANCE);
		loop_close(a);
		for (int k = 0; k < 5; k++) {
			if (!keys[k])
				continue;
			snprintf(sql, sizeof(sql), "SELECT count(*) FROM setting WHERE key = '%s'", keys[k]);
			assert_int_equal(test_query_int(fx->db, sql), k == skip ? 0 : 1);
		}
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM setting WHERE key = 'walk.weekly_goal'");
		assert_int_equal(test_query_int(fx->db, sql), skip == 3 ? 0 : 1);
	}
}

/* --- moving about ---------------------------------------------------------------- */

static void
test_back_goes_a_step_back(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	assert_false(loop_target(a, UI_ACT_FIRSTBOOT_BACK, 0, &(int){0}, &(int){0})); /* the first */
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "America"));
	assert_int_equal(screen(a), UI_FIRSTBOOT_CITY);
	assert_string_equal(loop_model(a).firstboot.region, "America");
	loop_tap(a, UI_ACT_FIRSTBOOT_BACK, 0);
	assert_int_equal(screen(a), UI_FIRSTBOOT_REGION);
	assert_null(loop_model(a).firstboot.region);
	loop_tap(a, UI_ACT_FIRSTBOOT_BACK, 0);
	assert_int_equal(screen(a), UI_FIRSTBOOT_LANGUAGE);
	assert_int_equal(stored_count(fx->db), 0);
}

/* The pages of cities: never past either end; each page full but the last. */
static void
test_the_cities_come_a_page_at_a_time(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "America"));
	struct ui_model m = loop_model(a);
	assert_false(m.firstboot.zones_before);
	assert_false(loop_target(a, UI_ACT_FIRSTBOOT_PAGE, -1, &(int){0}, &(int){0}));
	int pages = 1;
	while (loop_model(a).firstboot.zones_after) {
		assert_int_equal(loop_model(a).firstboot.nzones, UI_FIRSTBOOT_ZONES_PAGE);
		loop_tap(a, UI_ACT_FIRSTBOOT_PAGE, 1);
		pages++;
	}
	assert_true(pages > 2); /* America has many cities */
	assert_false(loop_target(a, UI_ACT_FIRSTBOOT_PAGE, 1, &(int){0}, &(int){0}));
	assert_true(loop_model(a).firstboot.nzones > 0);
	live_action(a->live, UI_ACT_FIRSTBOOT_PAGE, 1, a->mono); /* past the end: stays */
	loop_step(a);
	assert_true(loop_model(a).firstboot.nzones > 0);
	assert_true(loop_model(a).firstboot.zones_before);
}

/* The walk-through offers the settings' own list (zones.c): a region's
 * cities, page after page, are the zones the settings' picker lists there,
 * in the same order, each one the configuration accepts. */
static void
test_the_cities_are_the_settings_list(void **state)
{
	struct fixture *fx = *state;
	static struct zones z;
	struct ft_error err;
	assert_true(zones_load(&z, NULL, &err));
	const char *europe[ZONES_MAX];
	int n = zones_of_region(&z, "Europe", europe, ZONES_MAX);
	assert_true(n > UI_FIRSTBOOT_ZONES_PAGE);
	struct loop *a = open_app(fx);
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	loop_tap(a, UI_ACT_FIRSTBOOT_CHOOSE, find_zone(a, "Europe"));
	while (loop_model(a).firstboot.zones_before)
		loop_tap(a, UI_ACT_FIRSTBOOT_PAGE, -1);
	int seen = 0;
	for (;;) {
		struct ui_model m = loop_model(a);
		for (int i = 0; i < m.firstboot.nzones; i++, seen++) {
			assert_true(seen < n);
			assert_string_equal(m.firstboot.zones[i], europe[seen]);
		}
		if (!m.firstboot.zones_after)
			break;
		loop_tap(a, UI_ACT_FIRSTBOOT_PAGE, 1);
	}
	assert_int_equal(seen, n);
}

/* The system lists no time zone: the walk-through passes over its step
 * (the phones next) rather than show an empty page. */
static void
test_no_time_zone_no_zone_step(void **state)
{
	struct fixture *fx = *state;
	char dir[64];
	struct loop *a = open_app(fx);
	test_temp_dir(dir, "nozones");
	setenv("TZDIR", dir, 1); /* read when the step first comes */
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	unsetenv("TZDIR");
	test_remove_dir(dir);
	assert_int_equal(screen(a), UI_FIRSTBOOT_FAMILY);
}

/* Nobody touches it for ten minutes: it waits, it is not the glance. */
static void
test_it_waits_for_the_family(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx);
	loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	loop_wait(a, 10 * FT_MINUTE, 10 * S);
	assert_int_equal(screen(a), UI_FIRSTBOOT_REGION);
}

/* --- again, from the settings ------------------------------------------------------ */

static void
test_set_up_again_from_the_settings(void **state)
{
	struct fixture *fx = *state;
	fx->cfg = test_config("[dock]\nnames = Anna Ben\n[rituals]\n"
			      "ritual = thu 12:00 meal \"Shared lunch\"\n"
			      "ritual = tue 18:00 call \"Call Grandma\"\n"
			      "ritual = wed 18:00 call \"Call Grandpa\"\n"
			      "ritual = fri 18:00 call \"Call Paul\"\n"
			      "[time]\ntimezone = Europe/Paris\n");
	struct loop *a = open_app(fx);
	assert_int_equal(screen(a), UI_GLANCE);
	live_action(a->live, UI_ACT_SETTINGS_HOLD, 0, a->mono);
	live_settings_hold(a->live, true, a->mono);
	loop_wait(a, LIVE_SETTINGS_HOLD, 100);
	live_settings_hold(a->live, false, a->mono);
	assert_int_equal(screen(a), UI_SETTINGS);
	loop_tap(a, UI_ACT_FIRSTBOOT_AGAIN, 0);
	assert_int_equal(screen(a), UI_FIRSTBOOT_LANGUAGE);
	assert_true(loop_model(a).firstboot.again);
	for (int i = 0; i < 4; i++)
		loop_tap(a, UI_ACT_FIRSTBOOT_SKIP, 0);
	/* the family's own rituals, the first three, kept */
	struct ui_model m = loop_model(a);
	assert_int_equal(screen(a), UI_FIRSTBOOT_RITUALS);
	assert_int_equal(m.firstboot.nrituals, 3);
	assert_string_equal(m.firstboot.rituals[0].label, "Shared lunch");
	assert_string_equal(m.firstboot.rituals[1].label, "Call Grandma");
	assert_string_equal(m.firstboot.rituals[2].label, "Call Grandpa");
	assert_true(m.firstboot.ritual_on[0] && m.firstboot.ritual_on[1] && m.firstboot.ritual_on[2]);
	/* Grandma left out; the fourth, not shown, stays */
	loop_tap(a, UI_ACT_FIRSTBOOT_RITUAL, 1);
	loop_tap(a, UI_ACT_FIRSTBOOT_NEXT, 0);
	assert_int_equal(screen(a), UI_SETTINGS);
	const struct ft_config *c = live_config(a->live);
	assert_int_equal(c->nrituals, 3);
	assert_string_equal(c->rituals[0].label, "Shared lunch");
	assert_string_equal(c->rituals[1].label, "Call Grandpa");
	assert_string_equal(c->rituals[2].label, "Call Paul");
	assert_int_equal(stored_count(fx->db), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_boot_rule),
		cmocka_unit_test(test_the_rituals_proposed),
		cmocka_unit_test_setup_teardown(test_a_fresh_database_opens_on_the_walk_through, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named_phones_open_on_the_glance, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_history_opens_on_the_glance, setup, teardown),
		cmocka_unit_test_setup_teardown(test_done_to_the_end_writes_every_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_family_names_each_phone_by_docking_it, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_skipped_to_the_end_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_skipped_step_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_back_goes_a_step_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_cities_come_a_page_at_a_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_cities_are_the_settings_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_time_zone_no_zone_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_it_waits_for_the_family, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_up_again_from_the_settings, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
