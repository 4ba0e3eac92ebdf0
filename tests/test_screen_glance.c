/*
 * test_screen_glance.c - the glance's rules that are not sizes (those are
 * tests/e2e/layout.sh on `screenshot --layout`): the bottom bar never
 * moves, the ritual card shows the next ritual not yet done, an away week
 * is said with its streak kept, the rhythm only once it has a value.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "ui.h"

static const char *const conf =
	"[rituals]\n"
	"ritual = mon 18:00 call \"Call a friend\"\n"
	"ritual = thu 12:00 meal \"Shared lunch\"\n"
	"ritual = sun 09:30 walk \"Family walk\"\n"
	"[time]\ntimezone = Europe/Paris\n";

struct fixture {
	struct ft_config cfg;
	struct report r;
	struct ui_model m;
	struct ui_fonts *fonts;
	struct ui_frame frame;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct ft_error err;
	ui_i18n_init("en");
	f->cfg = test_config(conf);
	f->fonts = ui_fonts_open(&err);
	if (!f->fonts)
		return -1;
	/* Sunday 6 December 2026, 12:00: the week of 2026-W49 */
	f->m.cfg = &f->cfg;
	f->m.report = &f->r;
	f->m.now = T("2026-12-06T12:00:00+01:00");
	f->r.at = f->m.now;
	f->r.week = cal_week_of(f->m.now);
	f->r.from_day = cal_week_monday(f->r.week);
	f->r.meal_goal = 3;
	f->r.walk_goal = 1;
	f->r.nrituals = f->cfg.nrituals;
	f->r.rhythm_meals = f->r.rhythm_walks = HABITS_NO_RHYTHM;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	ui_fonts_close(f->fonts);
	free(f);
	return 0;
}

static void
glance(struct fixture *f, int w, int h)
{
	ui_layout(f->fonts, &f->m, UI_GLANCE, w, h, &f->frame);
	assert_false(f->frame.overflow);
}

/* Whether some text of the frame contains NEEDLE. */
static bool
shows(const struct fixture *f, const char *needle)
{
	for (int i = 0; i < f->frame.nitems; i++)
		if (f->frame.items[i].kind == UI_ITEM_TEXT && strstr(f->frame.items[i].text, needle))
			return true;
	return false;
}

static const struct ui_target *
target(const struct fixture *f, enum ui_action action)
{
	for (int i = 0; i < f->frame.ntargets; i++)
		if (f->frame.targets[i].action == action)
			return &f->frame.targets[i];
	return NULL;
}

static void
test_the_bottom_bar_never_moves(void **state)
{
	struct fixture *f = *state;
	static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 720, 1280 } };
	static const enum ui_action bar[] = { UI_ACT_GO_WALK, UI_ACT_GO_HUG, UI_ACT_GO_REVIEW };
	for (size_t s = 0; s < FT_ARRAY_LEN(sizes); s++) {
		struct ui_rect before[3];
		f->m.undo_label = NULL;
		glance(f, sizes[s][0], sizes[s][1]);
		assert_null(target(f, UI_ACT_UNDO));
		for (int i = 0; i < 3; i++)
			before[i] = target(f, bar[i])->box;
		/* Undo appears: it takes its own place, the others stay put */
		f->m.undo_label = "Undo hug 19:05";
		glance(f, sizes[s][0], sizes[s][1]);
		assert_non_null(target(f, UI_ACT_UNDO));
		for (int i = 0; i < 3; i++)
			assert_memory_equal(&before[i], &target(f, bar[i])->box, sizeof(before[i]));
	}
}

static void
test_the_ritual_card_shows_the_next_ritual_not_yet_done(void **state)
{
	struct fixture *f = *state;
	/* Sunday 09:00: the walk at 09:30 is next */
	f->m.now = T("2026-12-06T09:00:00+01:00");
	glance(f, 800, 480);
	assert_true(shows(f, "Family walk"));
	assert_true(shows(f, "Today 09:30"));
	/* the family went early and it is kept: Monday's call is next */
	f->r.ritual_kept[2] = true;
	glance(f, 800, 480);
	assert_false(shows(f, "Family walk"));
	assert_true(shows(f, "Call a friend"));
	assert_true(shows(f, "Monday 18:00"));
	/* 10:00 without the walk: still to do today, so still next */
	f->r.ritual_kept[2] = false;
	f->m.now = T("2026-12-06T10:00:00+01:00");
	glance(f, 800, 480);
	assert_true(shows(f, "Family walk"));
}

static void
test_an_away_week_is_said_with_its_streak_kept(void **state)
{
	struct fixture *f = *state;
	f->r.meal_streak = (struct streak){ 5, 5 };
	f->r.meal_count = 1;
	glance(f, 800, 480);
	assert_false(shows(f, "Away this week"));
	assert_true(shows(f, "2 more to go"));
	f->r.away = true;
	glance(f, 800, 480);
	assert_true(shows(f, "Away this week"));
	assert_true(shows(f, "Streak kept"));
	assert_false(shows(f, "more to go"));
}

static void
test_the_rhythm_only_once_it_has_a_value_with_weeks_met(void **state)
{
	struct fixture *f = *state;
	glance(f, 800, 480);
	assert_false(shows(f, "Rhythm"));
	assert_false(shows(f, "%"));
	f->r.rhythm_meals = 82;
	f->r.rhythm_walks = 40;
	f->r.recent_weeks = 4;
	f->r.recent_met_meals = 3;
	f->r.recent_met_walks = 1;
	glance(f, 800, 480);
	assert_true(shows(f, "Rhythm"));
	assert_true(shows(f, "Meals 82%"));
	assert_true(shows(f, "last 4"));
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_the_bottom_bar_never_moves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_ritual_card_shows_the_next_ritual_not_yet_done, setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_away_week_is_said_with_its_streak_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_rhythm_only_once_it_has_a_value_with_weeks_met, setup, teardown),
	};
	return cmocka_run_group_tests_name("screen_glance", tests, NULL, NULL);
}
