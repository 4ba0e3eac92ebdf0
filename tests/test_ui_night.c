/*
 * test_ui_night.c - [display] night (issue point 8): the display dims at
 * night, through the panel's backlight where there is one, else with the
 * dark theme, and wakes on a touch or a phone docked.
 *
 * The range itself on ui_night_at() (wrapping midnight or not); then the
 * live app (app.c through app_test_open) on a fake
 * backlight/NAME/{brightness,max_brightness,actual_brightness} tree in a
 * temporary folder, standing for /sys/class/backlight: real files, written
 * by the app, read back here; real SDL finger and key events.
 *
 * What is not tested here: the kernel's own sysfs (a write of an
 * out-of-range value refused at close()); the code treats that failure the
 * same way as EACCES, which is tested.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "ui.h"

static const char *const night_conf =
	"[dock]\nnames = Anna Ben\n[display]\nnight = 22:00-06:30\n[time]\ntimezone = Europe/Paris\n";

static void
test_night_range_wraps_midnight_or_not(void **state)
{
	struct ft_config cfg = test_config(night_conf);
	assert_false(ui_night_at(&cfg, T("2026-12-08T21:59:59+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-08T22:00:00+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-08T23:59:00+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-09T00:00:00+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-09T03:00:00+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-09T06:29:59+01:00")));
	assert_false(ui_night_at(&cfg, T("2026-12-09T06:30:00+01:00")));
	assert_false(ui_night_at(&cfg, T("2026-12-09T12:00:00+01:00")));
	/* Local time: 21:30 UTC is 22:30 in Paris in winter, 23:30 in summer. */
	assert_true(ui_night_at(&cfg, T("2026-12-08T21:30:00Z")));
	assert_false(ui_night_at(&cfg, T("2026-07-08T04:45:00Z"))); /* 06:45 CEST */
	assert_true(ui_night_at(&cfg, T("2026-07-08T04:15:00Z")));  /* 06:15 CEST */

	/* A nap, not wrapping. */
	cfg = test_config("[display]\nnight = 13:00-15:00\n[time]\ntimezone = Europe/Paris\n");
	assert_false(ui_night_at(&cfg, T("2026-12-08T12:59:00+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-08T13:00:00+01:00")));
	assert_true(ui_night_at(&cfg, T("2026-12-08T14:59:00+01:00")));
	assert_false(ui_night_at(&cfg, T("2026-12-08T15:00:00+01:00")));
	assert_false(ui_night_at(&cfg, T("2026-12-08T23:00:00+01:00")));
	assert_false(ui_night_at(&cfg, T("2026-12-09T03:00:00+01:00")));

	/* Unset: never night. */
	cfg = test_config("[time]\ntimezone = Europe/Paris\n");
	assert_false(ui_night_at(&cfg, T("2026-12-08T23:00:00+01:00")));
	assert_false(ui_night_at(&cfg, T("2026-12-09T03:00:00+01:00")));
}

/* --- the live app on a fake sysfs ---------------------------------------- */

struct fixture {
	char dir[64];           /* 0755: the app may run as another user */
	char db[128];
	char class_dir[128];    /* stands for /sys/class/backlight */
	char brightness[300];
	struct ft_config cfg;
	struct app *app;
};

static int
read_level(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	int v = -1;
	assert_int_equal(fscanf(f, "%d", &v), 1);
	fclose(f);
	return v;
}

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ft-test-night-XXXXXX");
	if (!fx || !mkdtemp(fx->dir) || chmod(fx->dir, 0777) != 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	snprintf(fx->class_dir, sizeof(fx->class_dir), "%s/backlight", fx->dir);
	mkdir(fx->class_dir, 0755);
	fx->cfg = test_config(night_conf);
	*state = fx;
	return 0;
}

/* A backlight NAME at LEVEL of MAX, like the Raspberry Pi touchscreen's. */
static void
add_backlight(struct fixture *fx, const char *name, int level, int max)
{
	char path[256], text[32];
	snprintf(path, sizeof(path), "%s/%s", fx->class_dir, name);
	assert_int_equal(mkdir(path, 0755), 0);
	if (max < 0)
		return; /* a folder without the files: not a backlight */
	snprintf(fx->brightness, sizeof(fx->brightness), "%s/brightness", path);
	snprintf(text, sizeof(text), "%d\n", level);
	test_write_file(fx->brightness, text);
	snprintf(path, sizeof(path), "%s/%s/actual_brightness", fx->class_dir, name);
	test_write_file(path, text);
	snprintf(path, sizeof(path), "%s/%s/max_brightness", fx->class_dir, name);
	snprintf(text, sizeof(text), "%d\n", max);
	test_write_file(path, text);
}

static void
open_app(struct fixture *fx, const char *wall, bool backlight)
{
	struct app_test_options o = { .db_path = fx->db, .dock = "keys",
				      .backlight_dir = backlight ? fx->class_dir : NULL,
				      .width = 800, .height = 480, .wall = T(wall) };
	struct ft_error err;
	fx->app = app_test_open(&fx->cfg, &o, &err);
	if (!fx->app)
		fail_msg("app_test_open: %s", err.msg);
}

static void
remove_tree(const char *path)
{
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	if (fx->app)
		app_test_close(fx->app);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

static void
advance(struct app *a, ft_ms ms)
{
	/* Step about as often as the loop would wake (each minute). */
	while (ms > 0) {
		ft_ms d = ms < FT_MINUTE ? ms : FT_MINUTE;
		app_test_advance(a, d);
		app_test_step(a);
		ms -= d;
	}
}

static void
push_finger(struct app *a, bool down, float x, float y)
{
	SDL_Event ev = { 0 };
	ev.type = down ? SDL_FINGERDOWN : SDL_FINGERUP;
	ev.tfinger.touchId = 1;
	ev.tfinger.fingerId = 3;
	ev.tfinger.x = x;
	ev.tfinger.y = y;
	assert_int_equal(SDL_PushEvent(&ev), 1);
	app_test_step(a);
}

/* A tap on the glance's "Walk" button. */
static void
tap_walk(struct app *a)
{
	const struct ui_frame *f = app_test_frame(a);
	for (int i = 0; i < f->ntargets; i++) {
		const struct ui_target *t = &f->targets[i];
		if (t->action == UI_ACT_GO_WALK) {
			float x = ((float)t->box.x + (float)t->box.w / 2) / (float)f->w;
			float y = ((float)t->box.y + (float)t->box.h / 2) / (float)f->h;
			push_finger(a, true, x, y);
			push_finger(a, false, x, y);
			return;
		}
	}
	fail_msg("no walk button on the %s screen", ui_screen_names[f->screen]);
}

static void
dock_key(struct app *a, SDL_Keycode key)
{
	SDL_Event ev = { 0 };
	ev.type = SDL_KEYDOWN;
	ev.key.state = SDL_PRESSED;
	ev.key.keysym.sym = key;
	assert_int_equal(SDL_PushEvent(&ev), 1);
	app_test_step(a);
}

/* The panel's top-left pixel is the theme's background. */
static void
assert_theme(struct app *a, bool dark)
{
	assert_int_equal(app_test_dark(a), dark);
	SDL_Surface *s = app_test_panel(a);
	SDL_Color bg = ui_color(UI_C_BG, dark);
	uint32_t want = SDL_MapRGB(s->format, bg.r, bg.g, bg.b);
	assert_int_equal(((uint32_t *)s->pixels)[0] & 0xFFFFFF, want & 0xFFFFFF);
}

static void
test_backlight_dims_at_night_and_wakes_on_touch_and_dock(void **state)
{
	struct fixture *fx = *state;
	add_backlight(fx, "aaa_not_a_backlight", 0, -1);
	add_backlight(fx, "rpi_backlight", 180, 255);
	open_app(fx, "2026-12-08T21:50:00+01:00", true);
	struct app *a = fx->app;
	assert_int_equal(read_level(fx->brightness), 180);
	assert_theme(a, false);

	/* 22:00: down to a tenth, the dark theme. */
	advance(a, 9 * FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 180);
	advance(a, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);
	assert_theme(a, true);

	/* A touch wakes it: the family's level is back. That first touch
	 * only wakes (they could not see what they touched). */
	tap_walk(a);
	assert_int_equal(read_level(fx->brightness), 180);
	assert_int_equal(app_test_screen(a), UI_GLANCE);
	assert_theme(a, true);
	/* Awake, a tap does what it says. */
	tap_walk(a);
	assert_int_equal(app_test_screen(a), UI_WALK);

	/* Two minutes after the last touch it dims again. */
	advance(a, 2 * FT_MINUTE - 1);
	assert_int_equal(read_level(fx->brightness), 180);
	advance(a, 1);
	assert_int_equal(read_level(fx->brightness), 25);

	/* A phone docked (key 1 on the keys dock) wakes it too. */
	advance(a, 30 * FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);
	dock_key(a, SDLK_1);
	assert_int_equal(read_level(fx->brightness), 180);
	advance(a, 3 * FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);

	/* Stopping gives the family's level back, even in the dark. */
	app_test_close(a);
	fx->app = NULL;
	assert_int_equal(read_level(fx->brightness), 180);
}

static void
test_morning_brings_the_day_back(void **state)
{
	struct fixture *fx = *state;
	add_backlight(fx, "10-0045", 200, 255);
	open_app(fx, "2026-12-09T06:20:00+01:00", true);
	struct app *a = fx->app;
	/* Just started: awake for two minutes, then dimmed. */
	assert_int_equal(read_level(fx->brightness), 200);
	assert_theme(a, true);
	advance(a, 3 * FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);
	advance(a, 7 * FT_MINUTE); /* 06:30 */
	assert_int_equal(read_level(fx->brightness), 200);
	assert_theme(a, false);
	/* By day a touch acts at once and the level stays the family's. */
	tap_walk(a);
	assert_int_equal(app_test_screen(a), UI_WALK);
	assert_int_equal(read_level(fx->brightness), 200);
}

static void
test_a_backlight_left_dimmed_comes_back_full(void **state)
{
	struct fixture *fx = *state;
	/* A power cut at night left it at our dim level: the family's level
	 * is unknown, full is given back in the morning and at exit. */
	add_backlight(fx, "rpi_backlight", 25, 255);
	open_app(fx, "2026-12-09T06:29:00+01:00", true);
	advance(fx->app, 2 * FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 255);
	app_test_close(fx->app);
	fx->app = NULL;
	assert_int_equal(read_level(fx->brightness), 255);
}

static void
test_without_a_backlight_the_dark_theme_dims(void **state)
{
	struct fixture *fx = *state;
	/* An HDMI screen: /sys/class/backlight is empty. */
	open_app(fx, "2026-12-08T21:58:00+01:00", true);
	struct app *a = fx->app;
	assert_theme(a, false);
	advance(a, 2 * FT_MINUTE);
	assert_theme(a, true);
	/* Nothing hides the screen: a tap acts at once. */
	tap_walk(a);
	assert_int_equal(app_test_screen(a), UI_WALK);
	assert_theme(a, true);
	advance(a, 8 * 60 * FT_MINUTE + 30 * FT_MINUTE); /* 06:30 */
	assert_theme(a, false);
	app_test_close(a);
	fx->app = NULL;

	/* No class folder at all (a desktop without one, or none given). */
	open_app(fx, "2026-12-08T23:00:00+01:00", false);
	advance(fx->app, 3 * FT_MINUTE);
	assert_theme(fx->app, true);
}

/* Runs the next steps as another user, so that a file mode of 0444 is
 * refused with EACCES even when the tests run as root. */
static bool
become_other_user(void)
{
	if (geteuid() != 0)
		return true;
	return seteuid(65534) == 0;
}

static void
become_root_again(bool was_root)
{
	if (was_root)
		assert_int_equal(seteuid(0), 0);
}

static void
test_a_backlight_that_refuses_falls_back_to_the_dark_theme(void **state)
{
	struct fixture *fx = *state;
	add_backlight(fx, "rpi_backlight", 180, 255);
	/* Found, but the service's user may not write it (no udev rule). */
	assert_int_equal(chmod(fx->brightness, 0444), 0);
	open_app(fx, "2026-12-08T21:59:00+01:00", true);
	struct app *a = fx->app;

	/* The journal is stderr: keep what the app says meanwhile. */
	char log_path[160];
	snprintf(log_path, sizeof(log_path), "%s/stderr.log", fx->dir);
	fflush(stderr);
	int saved = dup(2);
	int log_fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	assert_true(saved >= 0 && log_fd >= 0);
	dup2(log_fd, 2);
	close(log_fd);

	bool was_root = geteuid() == 0;
	if (!become_other_user()) {
		dup2(saved, 2);
		close(saved);
		test_skip("cannot become another user to make the backlight unwritable (seteuid: %s)",
			  strerror(errno));
	}
	advance(a, 3 * FT_MINUTE);                      /* 22:02: night */
	bool dark = app_test_dark(a);
	enum ui_screen before = app_test_screen(a);
	tap_walk(a);                                    /* acts at once */
	enum ui_screen after = app_test_screen(a);
	advance(a, 10 * FT_MINUTE);                     /* would dim again */
	dock_key(a, SDLK_2);                            /* would wake */
	advance(a, 10 * FT_MINUTE);
	become_root_again(was_root);

	fflush(stderr);
	dup2(saved, 2);
	close(saved);

	assert_true(dark);
	assert_int_equal(before, UI_GLANCE);
	assert_int_equal(after, UI_WALK);
	assert_int_equal(read_level(fx->brightness), 180); /* untouched */
	FILE *f = fopen(log_path, "r");
	assert_non_null(f);
	char line[512];
	int refusals = 0;
	while (fgets(line, sizeof(line), f)) {
		fputs(line, stderr); /* shown, as it would be in the journal */
		if (strstr(line, "brightness") && strstr(line, strerror(EACCES)) &&
		    strstr(line, "dark theme"))
			refusals++;
	}
	fclose(f);
	assert_int_equal(refusals, 1);
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_night_range_wraps_midnight_or_not),
		cmocka_unit_test_setup_teardown(test_backlight_dims_at_night_and_wakes_on_touch_and_dock,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_morning_brings_the_day_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_backlight_left_dimmed_comes_back_full, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_without_a_backlight_the_dark_theme_dims, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_backlight_that_refuses_falls_back_to_the_dark_theme,
						setup, teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return failed;
}
