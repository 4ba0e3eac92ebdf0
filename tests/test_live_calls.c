/*
 * test_live_calls.c - calls and corrections through the decision module
 * (live.h), driven as app.c drives it (tests/live_loop.h): plain instants,
 * taps on the frame last drawn, the real store in a temporary folder.
 *
 *   - a call says who called (the dock's names) and whom (the names called
 *     before); "Skip" logs one without them; the report lists them;
 *   - a call not saved yet is said so, kept, and saved once the store is
 *     back; one refused leaves the screen as it was;
 *   - "Start" and "We're back" never sit in one place; a walk stopped
 *     within a minute asks whether it was a mistake, "keep" the coloured
 *     answer;
 *   - a forgotten walk is one tap from the walk screen (the corrections);
 *   - the glance's Undo, and the question it asks, are said in the language
 *     chosen since the call was logged, within its ten minutes.
 */
#include <libintl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "calendar.h"
#include "live_fixture.h"
#include "report.h"
#include "store.h"

#define S FT_SECOND

static const char *const conf =
	"[dock]\nnames = Anna Ben\n[rituals]\nritual = mon 18:00 call \"Call Grandma\"\n"
	"[time]\ntimezone = Europe/Paris\n";

/* Monday 7 December 2026, 18:30: the call ritual's day. */
#define MONDAY "2026-12-07T18:30:00+01:00"

static int
setup(void **state)
{
	struct fixture *fx = fixture_new("live-calls", conf);
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

static ft_ms
now(struct loop *a)
{
	return live_now(a->live, a->mono);
}

/* The app at AT, with DB seeded by SEED (may be NULL) before it opens. */
static struct loop *
open_app(struct fixture *fx, const char *at, void (*seed)(struct store *, ft_ms))
{
	if (seed) {
		struct ft_error err;
		struct store *st = store_open(fx->db, &err);
		assert_non_null(st);
		seed(st, T(at));
		store_close(st);
	}
	loop_open(&fx->lp, &fx->cfg, fx->db, T(at), NULL);
	return &fx->lp;
}

/* Grandma Jo was called a month ago and last week, Uncle Paul the day
 * before; and one, the week before, said neither who nor whom. */
static void
seed_calls(struct store *st, ft_ms at)
{
	struct ft_error err;
	int64_t id;
	ft_ms t0 = at - 30 * FT_DAY, t1 = at - 8 * FT_DAY, t2 = at - FT_DAY, t3 = at - 9 * FT_DAY;
	assert_true(store_add_call(st, t0, cal_day_of(t0), 2, "Grandma Jo", &id, &err));
	assert_true(store_add_call(st, t1, cal_day_of(t1), 1, "Grandma Jo", &id, &err));
	assert_true(store_add_call(st, t2, cal_day_of(t2), 2, "Uncle Paul", &id, &err));
	assert_true(store_add_call(st, t3, cal_day_of(t3), 0, NULL, &id, &err));
}

/* The week's report as the store holds it at AT. */
static struct report
report_at(const char *db, const struct ft_config *cfg, ft_ms at)
{
	struct ft_error err;
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	struct report r;
	assert_true(report_build(st, cfg, at, &r, &err));
	store_close(st);
	return r;
}

static void
test_a_call_says_who_called_and_whom(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, seed_calls);
	loop_tap(a, UI_ACT_GO_CALL, 0); /* the ritual's card on the glance */
	assert_int_equal(live_screen(a->live), UI_CALL_WHO);
	/* who: one big button per name of the dock */
	assert_true(loop_shows(a, "Anna"));
	assert_true(loop_shows(a, "Ben"));
	loop_tap(a, UI_ACT_CALL_FROM, 2);
	assert_int_equal(live_screen(a->live), UI_CALL_WHOM);
	assert_true(loop_shows(a, "Whom did Ben call?"));
	/* whom: the names called before, each once, the latest first */
	struct ui_model m = model(a);
	assert_int_equal(m.call_nnames, 2);
	assert_string_equal(m.call_names[0], "Uncle Paul");
	assert_string_equal(m.call_names[1], "Grandma Jo");
	loop_tap(a, UI_ACT_CALL_TO, 1);

	assert_int_equal(live_screen(a->live), UI_GLANCE);
	struct report r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 1);
	assert_string_equal(r.calls[0].from, "Ben");
	assert_string_equal(r.calls[0].to, "Grandma Jo");
	assert_true(r.ritual_kept[0]); /* it keeps the call ritual */
	report_free(&r);

	/* and it can be taken back */
	assert_non_null(model(a).undo_label);
	assert_string_equal(model(a).undo_label, "Undo call 18:30");
	loop_tap(a, UI_ACT_UNDO, 0);
	assert_true(loop_shows(a, "Remove the call from Ben to Grandma Jo at 18:30?"));
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 0);
	report_free(&r);
}

/* Who called: the family's names only. A slot nobody named (it holds its
 * own number once another slot is named) is no one to tap; with no name
 * at all the slots are offered by number. */
static void
test_who_called_offers_the_named_phones_only(void **state)
{
	struct fixture *fx = *state;
	fx->cfg = test_config("[dock]\nnames = Anna 2 Chloé 4\n[time]\ntimezone = Europe/Paris\n");
	struct loop *a = open_app(fx, MONDAY, NULL);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	assert_int_equal(live_screen(a->live), UI_CALL_WHO);
	int x, y;
	assert_true(loop_target(a, UI_ACT_CALL_FROM, 1, &x, &y));
	assert_true(loop_target(a, UI_ACT_CALL_FROM, 3, &x, &y));
	assert_false(loop_target(a, UI_ACT_CALL_FROM, 2, &x, &y));
	assert_false(loop_target(a, UI_ACT_CALL_FROM, 4, &x, &y));
	assert_false(loop_shows(a, "2"));
	loop_tap(a, UI_ACT_CALL_FROM, 3);
	assert_true(loop_shows(a, "Whom did Chloé call?"));
	assert_true(loop_close(a));

	fx->cfg = test_config("[dock]\nlines = 17 27\n[time]\ntimezone = Europe/Paris\n");
	a = open_app(fx, MONDAY, seed_calls); /* logged before: no first boot */
	loop_tap(a, UI_ACT_GO_CALL, 0);
	assert_true(loop_target(a, UI_ACT_CALL_FROM, 1, &x, &y));
	assert_true(loop_target(a, UI_ACT_CALL_FROM, 2, &x, &y));
}

static void
test_skip_logs_a_call_without_who_and_whom(void **state)
{
	struct fixture *fx = *state;
	/* nobody called yet: the whom step offers no names, Skip still logs */
	struct loop *a = open_app(fx, MONDAY, NULL);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 1);
	assert_int_equal(model(a).call_nnames, 0);
	loop_tap(a, UI_ACT_CALL_SKIP, 0);
	struct report r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 1);
	assert_string_equal(r.calls[0].from, "");
	assert_string_equal(r.calls[0].to, "");
	report_free(&r);
	/* from the first step too */
	loop_wait(a, 5 * S, 1000);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_SKIP, 0);
	r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 2);
	report_free(&r);
}

static void
sql(const char *db, const char *stmt)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(h, stmt, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", stmt, msg);
	sqlite3_close(h);
}

/* A call whose write fails is kept by the engine and written once the
 * store is back: the display leaves the call (a second tap would log it
 * twice), says it is not saved yet, and nothing is lost or doubled. */
static void
test_a_call_not_saved_yet_is_said_and_saved_later(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, seed_calls);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 1);
	sql(fx->db, "ALTER TABLE tap RENAME TO tap_gone");
	loop_tap(a, UI_ACT_CALL_TO, 0);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	struct ui_model m = model(a);
	bool said = false;
	for (int i = 0; i < m.nbanners; i++)
		said |= strstr(m.banners[i], "Not saved yet") != NULL;
	assert_true(said);
	assert_null(m.undo_label); /* no row yet to take back */
	sql(fx->db, "ALTER TABLE tap_gone RENAME TO tap");
	loop_wait(a, 5 * S, 500); /* the engine's retry */
	struct report r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 1);
	assert_string_equal(r.calls[0].from, "Anna");
	assert_string_equal(r.calls[0].to, "Uncle Paul");
	report_free(&r);
}

/* A call the engine refuses (a slot the dock does not have) leaves the
 * screen as it was and logs nothing. */
static void
test_a_refused_call_leaves_the_screen_as_it_was(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, seed_calls);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	live_action(a->live, UI_ACT_CALL_FROM, 3, a->mono); /* the dock has two */
	loop_step(a);
	assert_int_equal(live_screen(a->live), UI_CALL_WHO);
	struct report r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 0);
	report_free(&r);
}

/* Before the clock is trusted, the call is held with who and whom (a
 * long name with accents included) and dated once the time is known. */
static void
test_a_call_held_until_the_clock_is_trusted_keeps_who_and_whom(void **state)
{
	struct fixture *fx = *state;
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	int64_t id;
	ft_ms before = T("2026-11-20T18:00:00+01:00");
	assert_true(store_add_call(st, before, cal_day_of(before), 1, "Grand-mère Joséphine", &id,
				   &err));
	store_close(st);
	struct loop_start start = { .untrusted = true };
	loop_start(&fx->lp, &fx->cfg, fx->db, T(MONDAY), NULL, &start);
	struct loop *a = &fx->lp;
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 2);
	assert_int_equal(model(a).call_nnames, 1); /* the names stored, clock or not */
	loop_tap(a, UI_ACT_CALL_TO, 0);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	loop_wait(a, 2 * FT_MINUTE, 10 * S);
	loop_trust(a);
	struct report r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 1);
	assert_int_equal(r.calls[0].t, T(MONDAY));
	assert_string_equal(r.calls[0].from, "Ben");
	assert_string_equal(r.calls[0].to, "Grand-mère Joséphine");
	report_free(&r);
}

/* Whether two boxes share a pixel. */
static bool
overlap(struct ui_rect p, struct ui_rect q)
{
	return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

static struct ui_rect
target_box(const struct loop *a, enum ui_action action, int arg)
{
	for (int i = 0; i < a->frame->ntargets; i++)
		if (a->frame->targets[i].action == action && a->frame->targets[i].arg == arg)
			return a->frame->targets[i].box;
	fail_msg("no target %d/%d", action, arg);
	return (struct ui_rect){ 0, 0, 0, 0 };
}

static size_t
walks_in_store(const char *db, ft_ms at)
{
	struct ft_error err;
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	struct store_walk *w = NULL;
	size_t n = 0;
	assert_true(store_walks(st, cal_day_of(at) - 40, cal_day_of(at), FT_MS_NEVER - 1, &w, &n,
				&err));
	free(w);
	store_close(st);
	return n;
}

static void
test_two_quick_taps_cannot_log_a_walk_of_nothing(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, NULL);
	loop_tap(a, UI_ACT_GO_WALK, 0);
	struct ui_rect start = target_box(a, UI_ACT_WALK_START, 0);
	int x = start.x + start.w / 2, y = start.y + start.h / 2;
	loop_finger(a, 9, true, x, y);
	loop_finger(a, 9, false, x, y);
	assert_true(model(a).walk_open);
	assert_false(overlap(start, target_box(a, UI_ACT_WALK_STOP, 0)));
	/* the second tap, in the same place, stops nothing */
	loop_wait(a, 300, 100);
	loop_finger(a, 9, true, x, y);
	loop_finger(a, 9, false, x, y);
	assert_true(model(a).walk_open);
	assert_int_equal(walks_in_store(fx->db, now(a)), 0);
}

/* The colour of the button drawn for ACTION in the frame last drawn. */
static enum ui_color
button_color(const struct loop *a, enum ui_action action)
{
	struct ui_rect b = target_box(a, action, 0);
	for (int i = 0; i < a->frame->nitems; i++) {
		const struct ui_item *it = &a->frame->items[i];
		if (it->kind == UI_ITEM_RECT && it->box.x == b.x && it->box.y == b.y &&
		    it->box.w == b.w && it->box.h == b.h)
			return it->color;
	}
	fail_msg("no button drawn for %d", action);
	return UI_C_BG;
}

static void
test_a_walk_stopped_within_a_minute_asks_if_it_was_a_mistake(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, NULL);
	loop_tap(a, UI_ACT_GO_WALK, 0);
	loop_tap(a, UI_ACT_WALK_START, 0);
	loop_wait(a, 40 * S, 1000);
	loop_tap(a, UI_ACT_WALK_STOP, 0);
	struct ui_model m = model(a);
	assert_int_equal(m.confirm, UI_CONFIRM_WALK_MISTAKE);
	assert_true(loop_shows(a, "That walk lasted less than a minute."));
	assert_int_equal(walks_in_store(fx->db, now(a)), 1);
	/* the coloured default keeps it; removing is the plain button */
	assert_int_equal(button_color(a, UI_ACT_CONFIRM_NO), UI_C_PRIMARY);
	assert_int_equal(button_color(a, UI_ACT_CONFIRM_YES), UI_C_BUTTON);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0); /* "Yes, remove it" */
	assert_int_equal(model(a).confirm, UI_CONFIRM_NONE);
	assert_int_equal(walks_in_store(fx->db, now(a)), 0);
	assert_int_equal(model(a).walk_done_length, -1);

	/* a walk of over a minute asks nothing */
	loop_tap(a, UI_ACT_WALK_START, 0);
	loop_wait(a, 61 * S, 1000);
	loop_tap(a, UI_ACT_WALK_STOP, 0);
	assert_int_equal(model(a).confirm, UI_CONFIRM_NONE);
	assert_int_equal(walks_in_store(fx->db, now(a)), 1);

	/* "No, keep it" keeps it */
	loop_tap(a, UI_ACT_WALK_START, 0);
	loop_wait(a, 10 * S, 1000);
	loop_tap(a, UI_ACT_WALK_STOP, 0);
	assert_int_equal(model(a).confirm, UI_CONFIRM_WALK_MISTAKE);
	loop_tap(a, UI_ACT_CONFIRM_NO, 0);
	assert_int_equal(walks_in_store(fx->db, now(a)), 2);
}

/* The walk screen's "Forgot one? Add it" opens the corrections, where a
 * walk is added after the fact (their rules: tests/test_live.c). */
static void
test_a_forgotten_walk_is_one_tap_from_the_walk_screen(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, NULL);
	loop_tap(a, UI_ACT_GO_WALK, 0);
	loop_tap(a, UI_ACT_GO_FIXES, 0);
	assert_int_equal(live_screen(a->live), UI_FIXES);
}

static void
test_undo_is_said_in_the_language_chosen_since(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_app(fx, MONDAY, seed_calls);
	loop_tap(a, UI_ACT_GO_CALL, 0);
	loop_tap(a, UI_ACT_CALL_FROM, 2);
	loop_tap(a, UI_ACT_CALL_TO, 1);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	assert_string_equal(model(a).undo_label, "Undo call 18:30");
	/* French chosen on the display within the ten minutes (the clock
	 * held, Screen and clock, Français; applied as app.c applies it
	 * before the next frame): the button says it all in French, the
	 * time kept */
	int x = 0, y = 0;
	assert_true(loop_target(a, UI_ACT_SETTINGS_HOLD, 0, &x, &y));
	loop_finger(a, 1, true, x, y);
	loop_wait(a, LIVE_SETTINGS_HOLD, 50);
	loop_finger(a, 1, false, x, y);
	loop_tap(a, UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	loop_tap(a, UI_ACT_SETTING_CHOOSE, UI_SET_LANGUAGE * 8 + 1);
	ui_i18n_init(live_config(a->live)->language);
	if (strcmp(gettext("Put back"), "Put back") == 0) {
		ui_i18n_init("en");
		test_skip("no French catalogue built (make builds build/locale)");
	}
	loop_tap(a, UI_ACT_GO_SETTINGS, 0);
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	assert_string_equal(model(a).undo_label, "Annuler l’appel de 18:30");
	assert_true(loop_shows(a, "Annuler l’appel"));
	assert_false(loop_shows(a, "Annuler call"));
	/* its question too, who called whom kept */
	loop_tap(a, UI_ACT_UNDO, 0);
	assert_string_equal(model(a).confirm_text,
			    "Retirer l’appel de Ben à Grandma Jo, à 18:30\u00a0?");
	assert_false(loop_shows(a, "Remove"));
	/* and it still takes the call back */
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	struct report r = report_at(fx->db, &fx->cfg, now(a));
	assert_int_equal(r.ncalls, 0);
	report_free(&r);
	assert_null(model(a).undo_label);
}

/* The tests after it speak English, as they started. */
static int
teardown_english(void **state)
{
	ui_i18n_init("en");
	return teardown(state);
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_call_says_who_called_and_whom, setup, teardown),
		cmocka_unit_test_setup_teardown(test_who_called_offers_the_named_phones_only, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_skip_logs_a_call_without_who_and_whom, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_call_not_saved_yet_is_said_and_saved_later, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_refused_call_leaves_the_screen_as_it_was, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_call_held_until_the_clock_is_trusted_keeps_who_and_whom,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_quick_taps_cannot_log_a_walk_of_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_walk_stopped_within_a_minute_asks_if_it_was_a_mistake,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_forgotten_walk_is_one_tap_from_the_walk_screen,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_is_said_in_the_language_chosen_since, setup,
						teardown_english),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return failed;
}
