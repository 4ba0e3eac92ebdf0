/*
 * test_ui_hug.c - the 20-second hug (SPEC §3, issue point 2): "with
 * multi-touch, two people each hold a circle and it runs while both hold";
 * a tap on the ring runs it too; a hug is logged when it runs to the end,
 * and only then, and once.
 *
 * First the timer's rules on the pure struct ui_hug (ui_state.c), with
 * monotonic instants as arguments; then the live app (app.c through
 * app_test_open) driven by real SDL finger events at the circles' places,
 * with the hug checked in the store the app wrote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "habits.h"
#include "report.h"
#include "store.h"
#include "ui.h"

#define S FT_SECOND

/* --- the timer's rules ------------------------------------------------- */

static void
test_it_runs_only_while_both_circles_are_held(void **state)
{
	struct ui_hug h;
	ui_hug_init(&h, 20 * S);
	ft_ms t = 5000;

	/* One person alone: nothing runs, however long they hold. */
	ui_hug_hold(&h, 0, true, t);
	assert_int_equal(h.state, UI_HUG_IDLE);
	assert_false(ui_hug_tick(&h, t + 60 * S));
	assert_int_equal(ui_hug_left(&h, t + 60 * S), 20 * S);

	/* The second one holds: it runs from now. */
	t += 60 * S;
	ui_hug_hold(&h, 1, true, t);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(ui_hug_left(&h, t + 7 * S), 13 * S);

	/* One lets go after 8 s: it pauses with 12 s left, and nothing is
	 * logged however long the pause lasts. */
	ui_hug_hold(&h, 1, false, t + 8 * S);
	assert_int_equal(h.state, UI_HUG_PAUSED);
	assert_int_equal(ui_hug_left(&h, t + 100 * S), 12 * S);
	assert_false(ui_hug_tick(&h, t + 100 * S));

	/* Both again: it goes on where it was, not from the start. */
	ui_hug_hold(&h, 1, true, t + 100 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_false(ui_hug_tick(&h, t + 111999));
	assert_int_equal(ui_hug_left(&h, t + 111999), 1);

	/* It ends 12 s later: one hug to log, once. */
	assert_true(ui_hug_tick(&h, t + 112 * S));
	assert_int_equal(h.state, UI_HUG_DONE);
	assert_int_equal(ui_hug_left(&h, t + 112 * S), 0);
	assert_false(ui_hug_tick(&h, t + 113 * S));
	assert_false(ui_hug_tick(&h, t + 500 * S));

	/* Letting go after the end changes nothing; holding both again is a
	 * new hug from the full 20 s. */
	ui_hug_hold(&h, 0, false, t + 120 * S);
	assert_int_equal(h.state, UI_HUG_DONE);
	ui_hug_hold(&h, 0, true, t + 130 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(ui_hug_left(&h, t + 130 * S), 20 * S);
	assert_false(ui_hug_tick(&h, t + 149 * S));
	assert_true(ui_hug_tick(&h, t + 150 * S));
}

static void
test_a_tap_on_the_ring_starts_pauses_and_goes_on(void **state)
{
	struct ui_hug h;
	ui_hug_init(&h, 20 * S);
	ui_hug_tap(&h, 0);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_false(h.by_hold);
	ui_hug_tap(&h, 5 * S);
	assert_int_equal(h.state, UI_HUG_PAUSED);
	assert_int_equal(ui_hug_left(&h, 30 * S), 15 * S);
	assert_false(ui_hug_tick(&h, 30 * S));
	ui_hug_tap(&h, 30 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);

	/* Started by a tap, it does not care about the circles: a finger
	 * touching one and leaving does not pause it. */
	ui_hug_hold(&h, 0, true, 31 * S);
	ui_hug_hold(&h, 0, false, 32 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_false(ui_hug_tick(&h, 44999));
	assert_true(ui_hug_tick(&h, 45 * S));
	assert_false(ui_hug_tick(&h, 46 * S));

	/* A tap after a logged hug starts a new one. */
	ui_hug_tap(&h, 60 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(ui_hug_left(&h, 60 * S), 20 * S);

	/* The ring tapped while both hold pauses it too; the held run does
	 * not restart by itself until someone presses again. */
	ui_hug_init(&h, 20 * S);
	ui_hug_hold(&h, 0, true, 0);
	ui_hug_hold(&h, 1, true, 0);
	ui_hug_tap(&h, 4 * S);
	assert_int_equal(h.state, UI_HUG_PAUSED);
	ui_hug_hold(&h, 1, false, 5 * S);
	ui_hug_hold(&h, 1, true, 6 * S);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	assert_int_equal(ui_hug_left(&h, 6 * S), 16 * S);
}

static void
test_reset_leaves_a_running_hug_alone(void **state)
{
	struct ui_hug h;
	ui_hug_init(&h, 0); /* unset: the 20 s of SPEC §3 */
	assert_int_equal(h.duration, 20 * S);
	ui_hug_tap(&h, 0);
	ui_hug_reset(&h);
	assert_int_equal(h.state, UI_HUG_RUNNING);
	ui_hug_tap(&h, S);
	ui_hug_reset(&h);
	assert_int_equal(h.state, UI_HUG_IDLE);
	/* From idle, a tap starts the full duration again. */
	ui_hug_tap(&h, 2 * S);
	assert_int_equal(ui_hug_left(&h, 2 * S), 20 * S);
	/* Bad circles are ignored. */
	ui_hug_hold(&h, 2, true, 3 * S);
	ui_hug_hold(&h, -1, true, 3 * S);
	assert_false(h.hold[0] || h.hold[1]);
}

/* --- the live app, through SDL finger events ------------------------- */

struct fixture {
	char dir[64];
	char db[128];
	struct ft_config cfg;
	struct app *app;
};

static const char *const conf =
	"[dock]\nnames = Anna Ben\n[time]\ntimezone = Europe/Paris\n";

static int
setup_app(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ft-test-hug-XXXXXX");
	if (!fx || !mkdtemp(fx->dir))
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	fx->cfg = test_config(conf);
	struct app_test_options o = { .db_path = fx->db, .dock = "none", .width = 800,
				      .height = 480, .wall = T("2026-12-08T08:00:00+01:00") };
	struct ft_error err;
	fx->app = app_test_open(&fx->cfg, &o, &err);
	if (!fx->app) {
		fprintf(stderr, "app_test_open: %s\n", err.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
teardown_app(void **state)
{
	struct fixture *fx = *state;
	app_test_close(fx->app);
	char path[200];
	const char *suffix[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s%s", fx->db, suffix[i]);
		unlink(path);
	}
	rmdir(fx->dir);
	free(fx);
	return 0;
}

/* The centre of the target for ACTION (and ARG) on the frame last drawn. */
static void
target_centre(struct app *a, enum ui_action action, int arg, float *x, float *y)
{
	const struct ui_frame *f = app_test_frame(a);
	for (int i = 0; i < f->ntargets; i++) {
		const struct ui_target *t = &f->targets[i];
		if (t->action == action && t->arg == arg) {
			*x = ((float)t->box.x + (float)t->box.w / 2) / (float)f->w;
			*y = ((float)t->box.y + (float)t->box.h / 2) / (float)f->h;
			return;
		}
	}
	fail_msg("no target %d/%d on the %s screen", action, arg, ui_screen_names[f->screen]);
}

/* A finger down or up at normalised (X, Y), as the touchscreen sends it,
 * and the loop turn that handles it. */
static void
finger(struct app *a, SDL_FingerID id, bool down, float x, float y)
{
	SDL_Event ev = { 0 };
	ev.type = down ? SDL_FINGERDOWN : SDL_FINGERUP;
	ev.tfinger.touchId = 1;
	ev.tfinger.fingerId = id;
	ev.tfinger.x = x;
	ev.tfinger.y = y;
	ev.tfinger.pressure = down ? 1.0f : 0.0f;
	assert_int_equal(SDL_PushEvent(&ev), 1);
	app_test_step(a);
}

static void
tap(struct app *a, enum ui_action action, int arg)
{
	float x, y;
	target_centre(a, action, arg, &x, &y);
	finger(a, 9, true, x, y);
	finger(a, 9, false, x, y);
}

static void
wait_ms(struct app *a, ft_ms ms)
{
	/* The loop wakes every frame while the ring turns: step like it. */
	for (ft_ms done = 0; done < ms; done += 50) {
		app_test_advance(a, ms - done < 50 ? ms - done : 50);
		app_test_step(a);
	}
}

/* Hug rows in the database, as `familytable export --csv` lists them. */
static int
hugs_in_store(const char *db)
{
	struct ft_config cfg = test_config(conf);
	struct ft_error err;
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	assert_true(store_export_csv(st, &cfg, out, &err));
	fclose(out);
	int n = 0;
	for (char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, "hug,", 4) == 0)
			n++;
	free(text);
	store_close(st);
	return n;
}

static int
hug_days_in_store(const char *db, ft_ms at)
{
	struct ft_error err;
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	struct history h;
	assert_true(store_load_history(st, at, &h, &err));
	int n = (int)h.nhug_days;
	history_free(&h);
	store_close(st);
	return n;
}

static void
test_two_people_holding_the_circles_log_one_hug(void **state)
{
	struct fixture *fx = *state;
	struct app *a = fx->app;
	assert_int_equal(app_test_screen(a), UI_GLANCE);
	tap(a, UI_ACT_GO_HUG, 0);
	assert_int_equal(app_test_screen(a), UI_HUG);

	float x0, y0, x1, y1;
	target_centre(a, UI_ACT_HUG_HOLD, 0, &x0, &y0);
	target_centre(a, UI_ACT_HUG_HOLD, 1, &x1, &y1);
	assert_true(x0 < 0.5f && x1 > 0.5f); /* one each side */

	/* Anna holds the left circle: it waits for Ben. */
	finger(a, 1, true, x0, y0);
	wait_ms(a, 5 * S);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_IDLE);
	assert_true(app_test_hug(a)->hold[0]);

	/* Ben holds the right one: it runs, and the screen stays on it. */
	finger(a, 2, true, x1, y1);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_RUNNING);
	wait_ms(a, 10 * S);
	assert_int_equal(app_test_screen(a), UI_HUG);

	/* Ben lets go: it pauses, and nothing is logged during the pause. */
	finger(a, 2, false, x1, y1);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_PAUSED);
	wait_ms(a, 30 * S);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_PAUSED);
	assert_int_equal(hugs_in_store(fx->db), 0);

	/* A touch's synthetic mouse click on the circle is not a finger. */
	SDL_Event ev = { 0 };
	ev.type = SDL_MOUSEBUTTONDOWN;
	ev.button.which = SDL_TOUCH_MOUSEID;
	ev.button.button = SDL_BUTTON_LEFT;
	ev.button.x = (int)(x1 * 800);
	ev.button.y = (int)(y1 * 480);
	assert_int_equal(SDL_PushEvent(&ev), 1);
	app_test_step(a);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_PAUSED);

	/* Ben holds again: the 10 s left run out, one hug is logged. */
	finger(a, 2, true, x1, y1);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_RUNNING);
	wait_ms(a, 9900);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_RUNNING);
	assert_int_equal(hugs_in_store(fx->db), 0);
	wait_ms(a, 100);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_DONE);
	assert_int_equal(hugs_in_store(fx->db), 1);

	/* They hold on a while longer and let go: still one hug, one day. */
	wait_ms(a, 15 * S);
	finger(a, 1, false, x0, y0);
	finger(a, 2, false, x1, y1);
	wait_ms(a, 5 * S);
	assert_int_equal(hugs_in_store(fx->db), 1);
	assert_int_equal(hug_days_in_store(fx->db, app_test_now(a)), 1);

	/* The display says so. */
	bool logged = false;
	const struct ui_frame *f = app_test_frame(a);
	for (int i = 0; i < f->nitems; i++)
		if (f->items[i].kind == UI_ITEM_TEXT && strcmp(f->items[i].text, "Hug logged") == 0)
			logged = true;
	assert_true(logged);

	/* Back on the glance, it can be undone (after a question). */
	tap(a, UI_ACT_GO_GLANCE, 0);
	bool undo = false;
	f = app_test_frame(a);
	for (int i = 0; i < f->nitems; i++)
		if (f->items[i].kind == UI_ITEM_TEXT && strncmp(f->items[i].text, "Undo hug ", 9) == 0)
			undo = true;
	assert_true(undo);
	tap(a, UI_ACT_UNDO, 0);
	assert_int_equal(hugs_in_store(fx->db), 1);
	tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_int_equal(hugs_in_store(fx->db), 0);
	assert_int_equal(hug_days_in_store(fx->db, app_test_now(a)), 0);
}

static void
test_a_tap_on_the_ring_logs_a_hug_too(void **state)
{
	struct fixture *fx = *state;
	struct app *a = fx->app;
	tap(a, UI_ACT_GO_HUG, 0);
	tap(a, UI_ACT_HUG_TOGGLE, 0);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_RUNNING);
	/* A pause in the middle (a tap) holds the time. */
	wait_ms(a, 8 * S);
	tap(a, UI_ACT_HUG_TOGGLE, 0);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_PAUSED);
	wait_ms(a, 20 * S);
	assert_int_equal(hugs_in_store(fx->db), 0);
	tap(a, UI_ACT_HUG_TOGGLE, 0);
	wait_ms(a, 11950);
	assert_int_equal(hugs_in_store(fx->db), 0);
	wait_ms(a, 50);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_DONE);
	wait_ms(a, 10 * S);
	assert_int_equal(hugs_in_store(fx->db), 1);

	/* Through the report, as the glance and the review show it. */
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	struct report r;
	assert_true(report_build(st, &fx->cfg, app_test_now(a), &r, &err));
	assert_int_equal(r.hug_days, 1);
	assert_true(r.hug_today);
	report_free(&r);
	store_close(st);
}

static void
test_leaving_a_paused_hug_logs_nothing(void **state)
{
	struct fixture *fx = *state;
	struct app *a = fx->app;
	tap(a, UI_ACT_GO_HUG, 0);
	float x0, y0, x1, y1;
	target_centre(a, UI_ACT_HUG_HOLD, 0, &x0, &y0);
	target_centre(a, UI_ACT_HUG_HOLD, 1, &x1, &y1);
	finger(a, 1, true, x0, y0);
	finger(a, 2, true, x1, y1);
	wait_ms(a, 19 * S);
	finger(a, 1, false, x0, y0);
	finger(a, 2, false, x1, y1);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_PAUSED);
	tap(a, UI_ACT_GO_GLANCE, 0);
	assert_int_equal(app_test_screen(a), UI_GLANCE);
	assert_int_equal(app_test_hug(a)->state, UI_HUG_IDLE);
	wait_ms(a, 60 * S);
	assert_int_equal(hugs_in_store(fx->db), 0);
	assert_int_equal(hug_days_in_store(fx->db, app_test_now(a)), 0);
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_it_runs_only_while_both_circles_are_held),
		cmocka_unit_test(test_a_tap_on_the_ring_starts_pauses_and_goes_on),
		cmocka_unit_test(test_reset_leaves_a_running_hug_alone),
		cmocka_unit_test_setup_teardown(test_two_people_holding_the_circles_log_one_hug,
						setup_app, teardown_app),
		cmocka_unit_test_setup_teardown(test_a_tap_on_the_ring_logs_a_hug_too, setup_app,
						teardown_app),
		cmocka_unit_test_setup_teardown(test_leaving_a_paused_hug_logs_nothing, setup_app,
						teardown_app),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return failed;
}
