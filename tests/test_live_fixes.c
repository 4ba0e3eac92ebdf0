/*
 * test_live_fixes.c - mistakes put right on the display (issue 11, point
 * 6), through the decision module as app.c drives it (tests/live_loop.h):
 *
 *   - a walk added after the fact has its day (today, yesterday, ... back
 *     to the first day a correction may touch), its start and its length;
 *   - the history shows a call with who called and whom;
 *   - the removal question says the date in the family's language;
 *   - every correction made there is logged, undoable and exported;
 *   - its Undo button is said in the language chosen on the display since,
 *     at once, and in French as a French family says it: no article in its
 *     brackets ("retrait (appel)", while the removal question keeps
 *     "l’appel"), "semaine d’absence".
 */
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "calendar.h"
#include "correct.h"
#include "store.h"

static const char *const conf = "[dock]\nnames = Anna Ben\n[time]\ntimezone = Europe/Paris\n";
#define FIXTURE_NAME "live-fixes"
#include "live_fixture.h"

/* Tuesday 8 December 2026, 08:00 in Paris. */
#define TUESDAY "2026-12-08T08:00:00+01:00"


/* Anna called Grandma Jo yesterday evening. */
static void
seed_call(struct store *st, ft_ms at)
{
	struct ft_error err;
	int64_t id;
	ft_ms t = at - 12 * FT_HOUR;
	assert_true(store_add_call(st, t, cal_day_of(t), 1, "Grandma Jo", &id, &err));
}

/* The app at TUESDAY on the corrections screen, DB seeded by SEED. */
static struct loop *
open_fixes(struct fixture *fx, void (*seed)(struct store *, ft_ms))
{
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	if (seed)
		seed(st, T(TUESDAY));
	store_close(st);
	loop_open(&fx->lp, &fx->cfg, fx->db, T(TUESDAY), NULL);
	struct loop *a = &fx->lp;
	hold_for_settings(a);
	loop_tap(a, UI_ACT_GO_FIXES, 0);
	assert_int_equal(live_screen(a->live), UI_FIXES);
	return a;
}

static void
test_a_walk_after_the_fact_has_its_day(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_fixes(fx, NULL);
	loop_tap(a, UI_ACT_GO_ADD_WALK, 0);
	assert_int_equal(live_screen(a->live), UI_ADD_WALK);
	assert_true(loop_shows(a, "Today"));
	assert_int_equal(model(a).fix_walk_start, T("2026-12-08T07:00:00+01:00"));
	/* a day earlier: yesterday, at the same time */
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 4);
	assert_int_equal(model(a).fix_walk_start, T("2026-12-07T07:00:00+01:00"));
	assert_true(loop_shows(a, "Yesterday"));
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 4);
	assert_true(loop_shows(a, "Sun 6 December"));
	/* back to the first day a correction may touch, and no further */
	for (int i = 0; i < 40; i++)
		loop_tap(a, UI_ACT_FIX_WALK_STEP, 4);
	assert_int_equal(cal_day_of(model(a).fix_walk_start), correct_first_day(T(TUESDAY)));
	assert_int_equal(model(a).fix_walk_start, T("2026-11-16T07:00:00+01:00"));
	/* and forward to today, where it must be over by now */
	for (int i = 0; i < 40; i++)
		loop_tap(a, UI_ACT_FIX_WALK_STEP, 5);
	assert_int_equal(model(a).fix_walk_start, T("2026-12-08T07:00:00+01:00"));
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 3); /* 35 minutes: still over by 08:00 */
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 4);
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 1); /* yesterday 07:15 */
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 5); /* today 07:15 would end at 07:50 */
	assert_int_equal(model(a).fix_walk_start, T("2026-12-08T07:15:00+01:00"));
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 4);
	loop_tap(a, UI_ACT_FIX_WALK_ADD, 0);
	assert_int_equal(live_screen(a->live), UI_FIXES);
	assert_int_equal(test_query_int(fx->db, "SELECT day FROM walk"),
			 cal_day_of(T("2026-12-07T12:00:00+01:00")));
	assert_int_equal(test_query_int(fx->db, "SELECT (end_ms - start_ms) / 60000 FROM walk"), 35);
	assert_true(loop_shows(a, "Mon 7 07:15 · Walk · 35 min"));
}

static void
test_the_history_shows_a_call_with_who_and_whom(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_fixes(fx, seed_call);
	struct ui_model m = model(a);
	assert_int_equal(m.nfixes, 1);
	assert_string_equal(m.fixes[0].call_from, "Anna");
	assert_string_equal(m.fixes[0].call_to, "Grandma Jo");
	assert_true(loop_shows(a, "Mon 7 20:00 · Call · Anna → Grandma Jo"));
}

static void
test_the_removal_question_says_the_date_in_french(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_fixes(fx, seed_call);
	loop_tap(a, UI_ACT_FIX_REMOVE, 0);
	assert_string_equal(model(a).confirm_text,
			    "Remove the call of Monday 7 December at 20:00? It will no longer count.");
	loop_tap(a, UI_ACT_CONFIRM_NO, 0);
	ui_i18n_init("fr");
	loop_tap(a, UI_ACT_FIX_REMOVE, 0);
	const char *q = model(a).confirm_text;
	if (strstr(q, "Remove"))
		test_skip("no French catalogue built (make builds build/locale)");
	assert_non_null(strstr(q, "lundi 7 décembre"));
	assert_non_null(strstr(q, "20:00"));
}

/* The export as text. */
static char *
export_text(struct fixture *fx)
{
	struct ft_error err;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct store *st = store_open(fx->db, &err);
	assert_non_null(out);
	assert_non_null(st);
	assert_true(store_export_csv(st, &fx->cfg, out, &err));
	store_close(st);
	fclose(out);
	return text;
}

static int
count_lines(const char *text, const char *prefix)
{
	int n = 0;
	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		n += strncmp(p, prefix, strlen(prefix)) == 0;
	return n;
}

static void
test_every_correction_is_logged_undoable_and_exported(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_fixes(fx, seed_call);
	/* a walk added, the call removed, this week away */
	loop_tap(a, UI_ACT_GO_ADD_WALK, 0);
	loop_tap(a, UI_ACT_FIX_WALK_ADD, 0);
	loop_tap(a, UI_ACT_FIX_REMOVE, 1); /* the call, after the walk (newest first) */
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM tap"), 0);
	loop_tap(a, UI_ACT_FIX_AWAY, 0);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM correction"), 3);
	char *csv = export_text(fx);
	assert_int_equal(count_lines(csv, "correction,"), 3);
	assert_non_null(strstr(csv, "add-walk"));
	assert_non_null(strstr(csv, "remove-tap"));
	free(csv);
	/* Undo takes back the last one, and the log says so */
	assert_true(loop_shows(a, "Undo: this week away"));
	loop_tap(a, UI_ACT_FIX_UNDO, 0);
	assert_false(model(a).week_away);
	assert_int_equal(test_query_int(fx->db,
					"SELECT count(*) FROM correction WHERE undone_ms IS NOT NULL"), 1);
	csv = export_text(fx);
	assert_int_equal(count_lines(csv, "correction,"), 3);
	free(csv);
}

/* Monday's dinner, 19:30 to 20:10, Anna and Ben at the table. */
static void
seed_dinner(struct fixture *fx)
{
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	struct session s = { .start = T("2026-12-07T19:30:00+01:00"), .phones = 2, .members = 0x3,
			     .cls = SESSION_MEAL };
	s.end = s.start + 40 * FT_MINUTE;
	s.date = cal_day_of(s.start);
	snprintf(s.kind, sizeof(s.kind), "dinner");
	assert_true(store_add_session(st, &s, &fx->cfg, NULL, &err));
	store_close(st);
}

static void
test_undo_is_said_in_the_language_just_chosen(void **state)
{
	struct fixture *fx = *state;
	seed_dinner(fx);
	struct loop *a = open_fixes(fx, NULL);
	loop_tap(a, UI_ACT_FIX_REMOVE, 0);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_string_equal(model(a).fix_undo_label, "Undo: removed dinner");
	assert_true(loop_shows(a, "Undo: removed")); /* on two lines */
	/* French chosen on the display (settings, Screen and clock), applied
	 * as app.c applies it before the next frame */
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	hold_for_settings(a);
	loop_tap(a, UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	loop_tap(a, UI_ACT_SETTING_CHOOSE, UI_SET_LANGUAGE * 8 + 1);
	assert_string_equal(live_config(a->live)->language, "fr");
	ui_i18n_init(live_config(a->live)->language);
	if (strcmp(gettext("Put back"), "Put back") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	loop_tap(a, UI_ACT_GO_SETTINGS, 0);
	loop_tap(a, UI_ACT_GO_FIXES, 0);
	assert_string_equal(model(a).fix_undo_label, "Annuler\u00a0: retrait (dîner)");
	assert_false(loop_shows(a, "Undo"));
	assert_true(loop_shows(a, "Annuler\u00a0:"));
	/* and it still takes the dinner back */
	loop_tap(a, UI_ACT_FIX_UNDO, 0);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM correction "
						"WHERE undone_ms IS NOT NULL"), 1);
	assert_null(model(a).fix_undo_label);
}

static void
test_undo_reads_as_french_says_it(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_fixes(fx, seed_call);
	ui_i18n_init("fr");
	if (strcmp(gettext("Put back"), "Put back") == 0)
		test_skip("no French catalogue built (make builds build/locale)");
	/* the question says the call with its article */
	loop_tap(a, UI_ACT_FIX_REMOVE, 0);
	assert_non_null(strstr(model(a).confirm_text, "l’appel du lundi 7 décembre"));
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	/* the button names it bare, in its brackets */
	assert_string_equal(model(a).fix_undo_label, "Annuler\u00a0: retrait (appel)");
	loop_tap(a, UI_ACT_FIX_UNDO, 0);
	assert_null(model(a).fix_undo_label);
	/* a week away, as one says it */
	loop_tap(a, UI_ACT_FIX_AWAY, 0);
	assert_true(model(a).week_away);
	assert_string_equal(model(a).fix_undo_label, "Annuler\u00a0: semaine d’absence");
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_walk_after_the_fact_has_its_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_history_shows_a_call_with_who_and_whom, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_the_removal_question_says_the_date_in_french, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_every_correction_is_logged_undoable_and_exported,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_is_said_in_the_language_just_chosen, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_undo_reads_as_french_says_it, setup, teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return failed;
}
