/*
 * test_live.c - the live display's decisions through the decision module
 * (live.h), driven the way app.c drives it (tests/live_loop.h): plain
 * monotonic instants, touches mapped onto the frame last drawn, the real
 * store in a temporary folder, the real backlight code on a fake sysfs.
 *
 *   - the 20-second hug: two people holding the circles log one hug, a tap
 *     on the ring too, a hug left paused logs nothing; undo takes it back;
 *   - [display] night: the backlight dims, wakes on a touch or a phone
 *     docked, comes back in the morning and at exit; without a backlight
 *     (or one that refuses) the dark theme dims alone;
 *   - the clock: events held while it is untrusted, replayed once it is;
 *   - a failed write leaves the screen as it was, and says why;
 *   - no dock lines set: a banner says so.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "habits.h"
#include "live_loop.h"
#include "report.h"
#include "settings.h"
#include "store.h"
#include "ui_image.h"

#define S FT_SECOND

static const char *const conf =
	"[dock]\nnames = Anna Ben\n[time]\ntimezone = Europe/Paris\n";
static const char *const night_conf =
	"[dock]\nnames = Anna Ben\n[display]\nnight = 22:00-06:30\n[time]\ntimezone = Europe/Paris\n";

struct fixture {
	char dir[64];           /* 0777: some steps run as another user */
	char db[128];
	char class_dir[128];    /* stands for /sys/class/backlight */
	char brightness[300];
	struct ft_config cfg;
	struct loop lp;
};

static int
setup_with(void **state, const char *ini)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ft-test-live-XXXXXX");
	if (!mkdtemp(fx->dir) || chmod(fx->dir, 0777) != 0)
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	snprintf(fx->class_dir, sizeof(fx->class_dir), "%s/backlight", fx->dir);
	mkdir(fx->class_dir, 0755);
	fx->cfg = test_config(ini);
	*state = fx;
	return 0;
}

static int
setup(void **state)
{
	return setup_with(state, conf);
}

static int
setup_night(void **state)
{
	return setup_with(state, night_conf);
}

static void remove_tree(const char *path);

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	if (fx->lp.live)
		loop_close(&fx->lp);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

/* What the screens show now. */
static struct ui_model
model(struct loop *a)
{
	struct ui_model m;
	live_model(a->live, a->mono, &m);
	return m;
}

/* The hug on the app that the fixture opened at 08:00 on a Tuesday. */
static struct loop *
open_hug_app(struct fixture *fx)
{
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T08:00:00+01:00"), NULL);
	return &fx->lp;
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
	struct loop *a = open_hug_app(fx);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	loop_tap(a, UI_ACT_GO_HUG, 0);
	assert_int_equal(live_screen(a->live), UI_HUG);

	int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	assert_true(loop_target(a, UI_ACT_HUG_HOLD, 0, &x0, &y0));
	assert_true(loop_target(a, UI_ACT_HUG_HOLD, 1, &x1, &y1));
	assert_true(x0 < 400 && x1 > 400); /* one each side */

	/* Anna holds the left circle: it waits for Ben. */
	loop_finger(a, 1, true, x0, y0);
	loop_wait(a, 5 * S, 50);
	assert_int_equal(model(a).hug_state, UI_HUG_IDLE);
	assert_true(model(a).hug_hold[0]);

	/* Ben holds the right one: it runs, and the screen stays on it. */
	loop_finger(a, 2, true, x1, y1);
	assert_int_equal(model(a).hug_state, UI_HUG_RUNNING);
	loop_wait(a, 10 * S, 50);
	assert_int_equal(live_screen(a->live), UI_HUG);

	/* Ben lets go: it pauses, and nothing is logged during the pause. */
	loop_finger(a, 2, false, x1, y1);
	assert_int_equal(model(a).hug_state, UI_HUG_PAUSED);
	loop_wait(a, 30 * S, 50);
	assert_int_equal(model(a).hug_state, UI_HUG_PAUSED);
	assert_int_equal(hugs_in_store(fx->db), 0);

	/* Ben holds again: the 10 s left run out, one hug is logged. */
	loop_finger(a, 2, true, x1, y1);
	assert_int_equal(model(a).hug_state, UI_HUG_RUNNING);
	loop_wait(a, 9900, 50);
	assert_int_equal(model(a).hug_state, UI_HUG_RUNNING);
	assert_int_equal(hugs_in_store(fx->db), 0);
	loop_wait(a, 100, 50);
	assert_int_equal(model(a).hug_state, UI_HUG_DONE);
	assert_int_equal(hugs_in_store(fx->db), 1);

	/* They hold on a while longer and let go: still one hug, one day. */
	loop_wait(a, 15 * S, 50);
	loop_finger(a, 1, false, x0, y0);
	loop_finger(a, 2, false, x1, y1);
	loop_wait(a, 5 * S, 50);
	assert_int_equal(hugs_in_store(fx->db), 1);
	assert_int_equal(hug_days_in_store(fx->db, live_now(a->live, a->mono)), 1);

	/* The display says so. */
	assert_true(loop_shows(a, "Hug logged"));

	/* Back on the glance, it can be undone (after a question). */
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	assert_true(loop_shows(a, "Undo hug "));
	loop_tap(a, UI_ACT_UNDO, 0);
	assert_int_equal(hugs_in_store(fx->db), 1);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_int_equal(hugs_in_store(fx->db), 0);
	assert_int_equal(hug_days_in_store(fx->db, live_now(a->live, a->mono)), 0);
}

static void
test_a_tap_on_the_ring_logs_a_hug_too(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_hug_app(fx);
	loop_tap(a, UI_ACT_GO_HUG, 0);
	loop_tap(a, UI_ACT_HUG_TOGGLE, 0);
	assert_int_equal(model(a).hug_state, UI_HUG_RUNNING);
	/* A pause in the middle (a tap) holds the time. */
	loop_wait(a, 8 * S, 50);
	loop_tap(a, UI_ACT_HUG_TOGGLE, 0);
	assert_int_equal(model(a).hug_state, UI_HUG_PAUSED);
	loop_wait(a, 20 * S, 50);
	assert_int_equal(hugs_in_store(fx->db), 0);
	loop_tap(a, UI_ACT_HUG_TOGGLE, 0);
	loop_wait(a, 11950, 50);
	assert_int_equal(hugs_in_store(fx->db), 0);
	loop_wait(a, 50, 50);
	assert_int_equal(model(a).hug_state, UI_HUG_DONE);
	loop_wait(a, 10 * S, 50);
	assert_int_equal(hugs_in_store(fx->db), 1);

	/* Through the report, as the glance and the review show it. */
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	struct report r;
	assert_true(report_build(st, &fx->cfg, live_now(a->live, a->mono), &r, &err));
	assert_int_equal(r.hug_days, 1);
	assert_true(r.hug_today);
	report_free(&r);
	store_close(st);
}

static void
test_leaving_a_paused_hug_logs_nothing(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_hug_app(fx);
	loop_tap(a, UI_ACT_GO_HUG, 0);
	int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	assert_true(loop_target(a, UI_ACT_HUG_HOLD, 0, &x0, &y0));
	assert_true(loop_target(a, UI_ACT_HUG_HOLD, 1, &x1, &y1));
	loop_finger(a, 1, true, x0, y0);
	loop_finger(a, 2, true, x1, y1);
	loop_wait(a, 19 * S, 50);
	loop_finger(a, 1, false, x0, y0);
	loop_finger(a, 2, false, x1, y1);
	assert_int_equal(model(a).hug_state, UI_HUG_PAUSED);
	loop_tap(a, UI_ACT_GO_GLANCE, 0);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	assert_int_equal(model(a).hug_state, UI_HUG_IDLE);
	loop_wait(a, 60 * S, 50);
	assert_int_equal(hugs_in_store(fx->db), 0);
	assert_int_equal(hug_days_in_store(fx->db, live_now(a->live, a->mono)), 0);
}

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
remove_tree(const char *path)
{
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
}

/* The panel's top-left pixel is the theme's background. */
static void
assert_theme(struct loop *a, bool dark)
{
	assert_int_equal(a->dark, dark);
	SDL_Surface *s = a->panel;
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
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T21:50:00+01:00"), fx->class_dir);
	struct loop *a = &fx->lp;
	assert_int_equal(read_level(fx->brightness), 180);
	assert_theme(a, false);

	/* 22:00: down to a tenth, the dark theme. */
	loop_wait(a, 9 * FT_MINUTE, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 180);
	loop_wait(a, FT_MINUTE, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);
	assert_theme(a, true);

	/* A touch wakes it: the family's level is back. That first touch
	 * only wakes (they could not see what they touched). */
	loop_tap(a, UI_ACT_GO_WALK, 0);
	assert_int_equal(read_level(fx->brightness), 180);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	assert_theme(a, true);
	/* Awake, a tap does what it says. */
	loop_tap(a, UI_ACT_GO_WALK, 0);
	assert_int_equal(live_screen(a->live), UI_WALK);

	/* Two minutes after the last touch it dims again. */
	loop_wait(a, 2 * FT_MINUTE - 1, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 180);
	loop_wait(a, 1, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);

	/* A phone docked (key 1 on the keys dock) wakes it too. */
	loop_wait(a, 30 * FT_MINUTE, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);
	live_dock(a->live, 1, 1, a->mono);
	loop_step(a);
	assert_int_equal(read_level(fx->brightness), 180);
	loop_wait(a, 3 * FT_MINUTE, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);

	/* Stopping gives the family's level back, even in the dark. */
	assert_true(loop_close(a));
	assert_int_equal(read_level(fx->brightness), 180);
}

static void
test_morning_brings_the_day_back(void **state)
{
	struct fixture *fx = *state;
	add_backlight(fx, "10-0045", 200, 255);
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-09T06:20:00+01:00"), fx->class_dir);
	struct loop *a = &fx->lp;
	/* Just started: awake for two minutes, then dimmed. */
	assert_int_equal(read_level(fx->brightness), 200);
	assert_theme(a, true);
	loop_wait(a, 3 * FT_MINUTE, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 25);
	loop_wait(a, 7 * FT_MINUTE, FT_MINUTE); /* 06:30 */
	assert_int_equal(read_level(fx->brightness), 200);
	assert_theme(a, false);
	/* By day a touch acts at once and the level stays the family's. */
	loop_tap(a, UI_ACT_GO_WALK, 0);
	assert_int_equal(live_screen(a->live), UI_WALK);
	assert_int_equal(read_level(fx->brightness), 200);
}

static void
test_a_backlight_left_dimmed_comes_back_full(void **state)
{
	struct fixture *fx = *state;
	/* A power cut at night left it at our dim level: the family's level
	 * is unknown, full is given back in the morning and at exit. */
	add_backlight(fx, "rpi_backlight", 25, 255);
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-09T06:29:00+01:00"), fx->class_dir);
	loop_wait(&fx->lp, 2 * FT_MINUTE, FT_MINUTE);
	assert_int_equal(read_level(fx->brightness), 255);
	assert_true(loop_close(&fx->lp));
	assert_int_equal(read_level(fx->brightness), 255);
}

static void
test_without_a_backlight_the_dark_theme_dims(void **state)
{
	struct fixture *fx = *state;
	/* An HDMI screen: /sys/class/backlight is empty. */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T21:58:00+01:00"), fx->class_dir);
	struct loop *a = &fx->lp;
	assert_theme(a, false);
	loop_wait(a, 2 * FT_MINUTE, FT_MINUTE);
	assert_theme(a, true);
	/* Nothing hides the screen: a tap acts at once. */
	loop_tap(a, UI_ACT_GO_WALK, 0);
	assert_int_equal(live_screen(a->live), UI_WALK);
	assert_theme(a, true);
	loop_wait(a, 8 * 60 * FT_MINUTE + 30 * FT_MINUTE, FT_MINUTE); /* 06:30 */
	assert_theme(a, false);
	assert_true(loop_close(a));

	/* No class folder at all (a desktop without one, or none given). */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T23:00:00+01:00"), NULL);
	loop_wait(&fx->lp, 3 * FT_MINUTE, FT_MINUTE);
	assert_theme(&fx->lp, true);
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
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T21:59:00+01:00"), fx->class_dir);
	struct loop *a = &fx->lp;

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
	loop_wait(a, 3 * FT_MINUTE, FT_MINUTE);                      /* 22:02: night */
	bool dark = a->dark;
	enum ui_screen before = live_screen(a->live);
	loop_tap(a, UI_ACT_GO_WALK, 0);                                    /* acts at once */
	enum ui_screen after = live_screen(a->live);
	loop_wait(a, 10 * FT_MINUTE, FT_MINUTE);                     /* would dim again */
	live_dock(a->live, 2, 1, a->mono);
	loop_step(a);                            /* would wake */
	loop_wait(a, 10 * FT_MINUTE, FT_MINUTE);
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

/* Installed, not yet wired: `run` with no [dock] lines sets the setup
 * fault (main.c), and the glance says so in a banner, not silence. */
static void
test_no_dock_lines_is_a_banner(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_hug_app(fx);
	struct ui_model m = model(a);
	for (int i = 0; i < m.nbanners; i++)
		assert_null(strstr(m.banners[i], "No dock"));
	fault_set(FAULT_SETUP, "[dock] lines is not set in %s", "/etc/familytable/familytable.conf");
	m = model(a);
	bool shown = false;
	for (int i = 0; i < m.nbanners; i++)
		shown |= strstr(m.banners[i], "No dock set up yet: meals are not logged ([dock] lines is "
					      "not set in /etc/familytable/familytable.conf).") != NULL;
	fault_clear(FAULT_SETUP);
	assert_true(shown);
}

/* --- meals: faults, stops and restarts ------------------------------------ */

static const char *const meal_conf =
	"[dock]\nnames = Anna Ben Chloé\n[time]\ntimezone = Europe/Paris\n";

static int
setup_meal(void **state)
{
	return setup_with(state, meal_conf);
}

/* The finished sessions of the day of AT in the store, as the report
 * reads them; the caller frees *rows. */
static size_t
sessions_in_store(struct fixture *fx, ft_ms at, struct store_session **rows)
{
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	size_t n = 0;
	int64_t day = cal_day_of(at);
	assert_true(store_sessions(st, day - 1, day + 1, FT_MS_NEVER - 1, rows, &n, &err));
	store_close(st);
	return n;
}

/* The open session saved for a restart: its start and last instant. */
static bool
open_session_in_store(struct fixture *fx, ft_ms *start, ft_ms *last_seen)
{
	struct ft_error err;
	struct store *st = store_open(fx->db, &err);
	assert_non_null(st);
	store_set_runtime(st, store_runtime_dir()); /* as the display reads it */
	struct session_detector det;
	session_init(&det, &fx->cfg, NULL, 0);
	bool found = false;
	assert_true(store_load_open(st, &det, last_seen, &found, &err));
	store_close(st);
	*start = det.start;
	return found && det.open;
}

/* Another connection holds the write lock, as a backup or an sqlite3
 * shell would; NULL releases it. */
static sqlite3 *
lock_database(struct fixture *fx)
{
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	return db;
}

static void
unlock_database(sqlite3 *db)
{
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static bool
shows_banner_with(struct loop *a, const char *text)
{
	struct ui_model m;
	live_model(a->live, a->mono, &m);
	for (int i = 0; i < m.nbanners; i++)
		if (strstr(m.banners[i], text))
			return true;
	return false;
}

/* Anna and Ben dock at 19:00 (a dinner window), and stay LENGTH. */
static struct loop *
dinner(struct fixture *fx, ft_ms length)
{
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, length, FT_MINUTE);
	return a;
}

static void
test_a_meal_ended_while_the_database_is_locked_is_kept_and_saved_later(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = dinner(fx, 40 * FT_MINUTE);
	sqlite3 *lock = lock_database(fx);
	/* The phones come out; grace passes: the session ends while the
	 * database is locked. */
	loop_dock(a, 1, 0);
	loop_dock(a, 2, 0);
	loop_wait(a, 2 * FT_MINUTE + FT_SECOND, 10 * FT_SECOND);
	assert_false(model(a).session_open);
	assert_true(shows_banner_with(a, "Not saved yet"));
	struct store_session *rows = NULL;
	unlock_database(lock);
	/* Nothing was written yet... */
	assert_int_equal(sessions_in_store(fx, a->mono + a->wall_offset, &rows), 0);
	free(rows);
	/* ...and it is, at the next retry, once the lock is gone. */
	loop_wait(a, 2 * FT_MINUTE, FT_SECOND);
	assert_int_equal(sessions_in_store(fx, a->mono + a->wall_offset, &rows), 1);
	assert_int_equal(rows[0].s.start, T("2026-12-08T19:00:00+01:00"));
	assert_int_equal(rows[0].s.end, T("2026-12-08T19:40:00+01:00"));
	assert_int_equal(rows[0].s.cls, SESSION_MEAL);
	free(rows);
	assert_false(shows_banner_with(a, "Not saved yet"));
	assert_true(loop_close(a));
}

static void
test_a_stop_while_locked_says_what_was_not_saved(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = dinner(fx, 30 * FT_MINUTE);
	loop_dock(a, 1, 0);
	loop_dock(a, 2, 0);
	sqlite3 *lock = lock_database(fx);
	loop_wait(a, 2 * FT_MINUTE + FT_SECOND, 10 * FT_SECOND);
	/* SIGTERM with the lock still held: it cannot be saved, the stop says
	 * so (run exits 1, the journal names the session). */
	struct ft_error err;
	assert_false(live_stop(a->live, a->mono, &err));
	assert_non_null(strstr(err.msg, "not saved: the session of 19:00"));
	ft_ms start, last_seen;
	assert_true(open_session_in_store(fx, &start, &last_seen));
	loop_crash(a);
	unlock_database(lock);
	/* Even then nothing is lost: the open session and its last checkpoint
	 * are in the store, and the next start ends it there. */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T20:00:00+01:00"), NULL);
	assert_true(loop_close(&fx->lp));
	struct store_session *rows = NULL;
	assert_int_equal(sessions_in_store(fx, start, &rows), 1);
	assert_int_equal(rows[0].s.start, T("2026-12-08T19:00:00+01:00"));
	assert_int_equal(rows[0].s.end, last_seen);
	assert_true(last_seen >= T("2026-12-08T19:29:00+01:00"));
	free(rows);
}

static void
test_a_stop_saves_the_open_session_at_the_stop_instant(void **state)
{
	struct fixture *fx = *state;
	/* 15 min 05 s: a checkpoint ran at 15:00, the stop comes 5 s later. */
	struct loop *a = dinner(fx, 15 * FT_MINUTE + 5 * FT_SECOND);
	assert_true(loop_close(a));
	ft_ms start, last_seen;
	assert_true(open_session_in_store(fx, &start, &last_seen));
	assert_int_equal(start, T("2026-12-08T19:00:00+01:00"));
	assert_int_equal(last_seen, T("2026-12-08T19:15:05+01:00"));
	/* Restarted with no phones: it ends there, a meal of 15 min 05 s,
	 * not a short one cut at the last minute. */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:20:00+01:00"), NULL);
	assert_true(loop_close(&fx->lp));
	struct store_session *rows = NULL;
	assert_int_equal(sessions_in_store(fx, start, &rows), 1);
	assert_int_equal(rows[0].s.end, T("2026-12-08T19:15:05+01:00"));
	assert_int_equal(rows[0].s.cls, SESSION_MEAL);
	free(rows);
}

static void
test_a_crash_loses_at_most_a_minute(void **state)
{
	struct fixture *fx = *state;
	/* The loop wakes only at the module's deadlines, as run does. */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	ft_ms end = a->mono + 20 * FT_MINUTE + 59 * FT_SECOND;
	while (a->mono < end) {
		ft_ms next = live_tick(a->live, a->mono);
		a->mono = next < end ? next : end;
		loop_step(a);
	}
	ft_ms now = a->mono + a->wall_offset;
	loop_crash(a);
	ft_ms start, last_seen;
	assert_true(open_session_in_store(fx, &start, &last_seen));
	assert_true(now - last_seen <= FT_MINUTE);
}

static void
test_after_a_crash_the_session_resumes_on_the_first_reading_within_grace(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = dinner(fx, 20 * FT_MINUTE);
	loop_crash(a);
	/* Back a minute later; the pipe's first line comes 40 s after that:
	 * until then the levels are unknown, not out. */
	struct loop_start start = { .levels_unknown = true };
	loop_start(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:21:00+01:00"), NULL, &start);
	a = &fx->lp;
	loop_wait(a, 40 * FT_SECOND, FT_SECOND);
	struct store_session *rows = NULL;
	assert_int_equal(sessions_in_store(fx, T("2026-12-08T19:00:00+01:00"), &rows), 0);
	free(rows);
	live_dock(a->live, 1, 1, a->mono);
	live_dock(a->live, 2, 1, a->mono);
	loop_step(a);
	loop_wait(a, FT_SECOND, FT_SECOND);
	assert_true(model(a).session_open);
	assert_int_equal(model(a).session_start, T("2026-12-08T19:00:00+01:00"));
	assert_true(loop_close(a));
}

/* A restart mid-meal (phones still docked) shows the meal at once: waking
 * the screen at start is not a family choosing the glance. */
static void
test_a_restart_mid_meal_shows_the_meal_at_once(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = dinner(fx, 20 * FT_MINUTE);
	loop_crash(a);
	struct loop_start start = { .levels = { 1, 1 } };
	loop_start(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:21:00+01:00"), NULL, &start);
	a = &fx->lp;
	loop_wait(a, FT_SECOND, FT_SECOND);
	assert_true(model(a).session_open);
	assert_int_equal(live_screen(a->live), UI_MEAL);
	assert_true(loop_close(a));
}

static void
test_after_a_crash_with_no_reading_in_grace_the_session_ends_where_last_known(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = dinner(fx, 20 * FT_MINUTE);
	ft_ms start, last_seen;
	assert_true(open_session_in_store(fx, &start, &last_seen));
	loop_crash(a);
	struct loop_start st = { .levels_unknown = true };
	loop_start(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:21:00+01:00"), NULL, &st);
	a = &fx->lp;
	loop_wait(a, 2 * FT_MINUTE - FT_SECOND, FT_SECOND);
	struct store_session *rows = NULL;
	assert_int_equal(sessions_in_store(fx, start, &rows), 0); /* still waiting */
	free(rows);
	loop_wait(a, 2 * FT_SECOND, FT_SECOND);
	assert_int_equal(sessions_in_store(fx, start, &rows), 1);
	assert_int_equal(rows[0].s.start, start);
	assert_int_equal(rows[0].s.end, last_seen);
	free(rows);
	assert_true(loop_close(a));
}

static void
test_events_held_until_the_clock_is_trusted_are_dated_then(void **state)
{
	struct fixture *fx = *state;
	struct loop_start st = { .untrusted = true };
	loop_start(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:00:00+01:00"), NULL, &st);
	struct loop *a = &fx->lp;
	assert_true(shows_banner_with(a, "Waiting for the right time"));
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, 10 * FT_MINUTE, FT_MINUTE);
	assert_false(model(a).session_open); /* nothing dated yet */
	loop_tap(a, UI_ACT_GO_WALK, 0);
	/* The time comes (NTP): the held edges are replayed, dated by the
	 * monotonic clock. */
	loop_trust(a);
	assert_false(shows_banner_with(a, "Waiting for the right time"));
	assert_true(model(a).session_open);
	assert_int_equal(model(a).session_start, T("2026-12-08T19:00:00+01:00"));
	assert_true(loop_close(a));
}

static void
test_a_failed_write_leaves_the_screen_as_it_was(void **state)
{
	struct fixture *fx = *state;
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	loop_tap(a, UI_ACT_GO_WALK, 0);
	sqlite3 *lock = lock_database(fx);
	loop_tap(a, UI_ACT_WALK_START, 0);
	/* Not started: the screen says so and offers it again. */
	assert_false(model(a).walk_open);
	assert_true(shows_banner_with(a, "Not saving right now"));
	assert_true(loop_target(a, UI_ACT_WALK_START, 0, &(int){ 0 }, &(int){ 0 }));
	unlock_database(lock);
	loop_tap(a, UI_ACT_WALK_START, 0);
	assert_true(model(a).walk_open);
	assert_true(loop_close(a));
}

/* --- the meal screen --------------------------------------------------------- */

/* The meal screen as the panel shows it: its status is STATUS and a text
 * on it starts with TEXT. With FT_SCREENSHOT_DIR set, the panel is saved
 * there as meal-NAME.png (the README's pictures). */
static void
assert_meal_screen(struct loop *a, enum ui_meal_status status, const char *text,
		   const char *name)
{
	loop_step(a);
	if (live_screen(a->live) != UI_MEAL || model(a).meal_status != status ||
	    !loop_shows(a, text)) {
		for (int i = 0; i < a->frame->nitems; i++)
			if (a->frame->items[i].kind == UI_ITEM_TEXT)
				fprintf(stderr, "  shown: %s\n", a->frame->items[i].text);
		fail_msg("the %s meal screen (screen %d, status %d) does not show \"%s\"", name,
			 live_screen(a->live), model(a).meal_status, text);
	}
	const char *dir = getenv("FT_SCREENSHOT_DIR");
	if (dir) {
		char path[300];
		struct ft_error err;
		snprintf(path, sizeof(path), "%s/meal-%s.png", dir, name);
		assert_true(ui_image_save(a->panel, path, &err));
	}
}

static void
test_the_meal_screen_says_what_the_rules_would(void **state)
{
	struct fixture *fx = *state;
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;

	/* The first phone is acknowledged, its name at once (one frame after
	 * the debounce). */
	loop_dock(a, 1, 1);
	loop_wait(a, 50, 50);
	assert_true(loop_shows(a, "Anna"));
	assert_meal_screen(a, UI_MEAL_WAITING, "1 of 2 phones", "waiting");

	/* The second: a dinner that will count once it lasts 15 min. */
	loop_dock(a, 2, 1);
	loop_wait(a, 50, 50);
	assert_meal_screen(a, UI_MEAL_WILL_COUNT, "Dinner: it counts from 15 min", "will-count");
	assert_true(loop_shows(a, "Ben"));

	/* A third phone: Chloé's name within one frame, not at the next
	 * minute. */
	loop_wait(a, 5 * FT_MINUTE, FT_MINUTE);
	loop_dock(a, 3, 1);
	assert_false(loop_shows(a, "Chloé")); /* still bouncing */
	loop_wait(a, 50, 50);
	assert_true(loop_shows(a, "Chloé"));

	loop_wait(a, 15 * FT_MINUTE, FT_MINUTE);
	assert_meal_screen(a, UI_MEAL_COUNTS, "✓ Dinner together: it counts", "counts");

	/* A dip: the time left of grace, by the second. */
	loop_dock(a, 1, 0);
	loop_dock(a, 2, 0);
	loop_wait(a, 15 * FT_SECOND + 50, 50);
	assert_true(model(a).dipping);
	assert_meal_screen(a, UI_MEAL_COUNTS, "Phones out: back within 1:45", "dip");
	/* Not back: how it ended, for a few seconds, then the glance. */
	loop_wait(a, 2 * FT_MINUTE - 15 * FT_SECOND + FT_SECOND, FT_SECOND);
	assert_meal_screen(a, UI_MEAL_ENDED, "✓ Dinner logged: 20 min together", "ended");
	loop_wait(a, 10 * FT_SECOND, FT_SECOND);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	assert_true(loop_close(a));
}

/* Phones out: the session, if they stay out, ended when they came out. So
 * during the grace the screen neither counts on (a 10 min dinner does not
 * read 11 min, then "logged: 10 min") nor promises a meal that has not
 * lasted min_duration before the phones came out. */
static void
test_a_dip_counts_and_promises_up_to_when_the_phones_came_out(void **state)
{
	struct fixture *fx = *state;
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T19:00:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, 14 * FT_MINUTE, FT_MINUTE);
	assert_meal_screen(a, UI_MEAL_WILL_COUNT, "14 min", "before-dip");
	loop_dock(a, 1, 0);
	loop_dock(a, 2, 0);
	/* 90 s out: past 15 min since the start, but not docked for it */
	loop_wait(a, 90 * FT_SECOND, FT_SECOND);
	assert_true(model(a).dipping);
	assert_meal_screen(a, UI_MEAL_WILL_COUNT, "14 min", "dip-short");
	assert_false(loop_shows(a, "15 min"));
	assert_false(loop_shows(a, "✓ Dinner together: it counts"));
	/* Back in time: it goes on, and counts from 15 min of the whole. */
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, FT_MINUTE, FT_SECOND);
	assert_meal_screen(a, UI_MEAL_COUNTS, "✓ Dinner together: it counts", "back");
	assert_true(loop_close(a));
}

static void
test_the_meal_screen_never_promises_a_meal_out_of_its_time(void **state)
{
	struct fixture *fx = *state;
	/* 10:21: outside every window (breakfast ends 10:30, 15 min short). */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-08T10:21:00+01:00"), NULL);
	struct loop *a = &fx->lp;
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, FT_MINUTE, FT_MINUTE);
	assert_meal_screen(a, UI_MEAL_NOT_MEAL_TIME, "Phones down · not a meal time", "not-meal-time");
	/* Left docked past max_duration (3 h): charging, not a meal. */
	loop_wait(a, 3 * FT_HOUR, 10 * FT_MINUTE);
	assert_meal_screen(a, UI_MEAL_CHARGING, "Phones charging · not a meal", "charging");
	assert_true(loop_close(a));

	/* Too short: said so when it ends. */
	loop_open(&fx->lp, &fx->cfg, fx->db, T("2026-12-09T19:00:00+01:00"), NULL);
	a = &fx->lp;
	loop_dock(a, 1, 1);
	loop_dock(a, 2, 1);
	loop_wait(a, 5 * FT_MINUTE, FT_MINUTE);
	loop_dock(a, 1, 0);
	loop_dock(a, 2, 0);
	loop_wait(a, 2 * FT_MINUTE + FT_SECOND, FT_SECOND);
	assert_meal_screen(a, UI_MEAL_ENDED, "Too short to count (5 min of 15)", "too-short");
	assert_true(loop_close(a));
}

/* The settings as a new command would read them from the database. */
static struct ft_config
settings_in_store(const char *db)
{
	struct ft_config cfg = test_config(conf);
	struct ft_error err;
	struct store *st = store_open(db, &err);
	assert_non_null(st);
	assert_true(settings_overlay(&cfg, st, &err));
	store_close(st);
	return cfg;
}

/* Issue 11: the settings behind a press-and-hold on the clock; a goal
 * changed there is stored as `settings set` would, applies at once (the
 * report's goal), and Put back returns it. */
static void
test_holding_the_clock_opens_the_settings_where_a_goal_applies_at_once(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_hug_app(fx);
	int x = 0, y = 0;
	assert_true(loop_target(a, UI_ACT_SETTINGS_HOLD, 0, &x, &y));
	/* a tap, or a hold too short, does nothing */
	loop_finger(a, 1, true, x, y);
	loop_wait(a, 300, 50);
	loop_finger(a, 1, false, x, y);
	loop_finger(a, 1, true, x, y);
	loop_wait(a, LIVE_SETTINGS_HOLD - 100, 50);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	loop_finger(a, 1, false, x, y);
	loop_wait(a, 3 * S, 50);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	/* held two seconds: the settings, while the finger is still down */
	loop_finger(a, 1, true, x, y);
	loop_wait(a, LIVE_SETTINGS_HOLD, 50);
	assert_int_equal(live_screen(a->live), UI_SETTINGS);
	loop_finger(a, 1, false, x, y);

	assert_int_equal(model(a).report->meal_goal, 3);
	loop_tap(a, UI_ACT_SETTING_MORE, UI_SET_MEAL_GOAL);
	loop_wait(a, 100, 50);
	assert_int_equal(live_config(a->live)->meal_goal, 4);
	assert_int_equal(model(a).report->meal_goal, 4);
	struct ft_config stored = settings_in_store(fx->db);
	assert_int_equal(stored.meal_goal, 4);
	assert_int_equal(stored.source[config_key_find("meal.weekly_goal")], FT_SOURCE_DISPLAY);
	assert_true(loop_shows(a, "Put back"));

	/* a goal never goes below one: nothing stored */
	loop_tap(a, UI_ACT_SETTING_LESS, UI_SET_WALK_GOAL);
	assert_int_equal(live_config(a->live)->walk_goal, 1);
	assert_int_equal(settings_in_store(fx->db).source[config_key_find("walk.weekly_goal")],
			 FT_SOURCE_DEFAULT);
	/* the review's day goes round the week: Sunday, then Saturday */
	loop_tap(a, UI_ACT_SETTING_LESS, UI_SET_REVIEW_DAY);
	assert_int_equal(live_config(a->live)->review_weekday, 5);

	/* Put back: the installer's value (here the default), in the report too */
	loop_tap(a, UI_ACT_SETTING_RESET, UI_SET_MEAL_GOAL);
	loop_wait(a, 100, 50);
	assert_int_equal(live_config(a->live)->meal_goal, 3);
	assert_int_equal(model(a).report->meal_goal, 3);
	stored = settings_in_store(fx->db);
	assert_int_equal(stored.source[config_key_find("meal.weekly_goal")], FT_SOURCE_DEFAULT);
	assert_int_equal(stored.review_weekday, 5); /* the other change stays */
	/* the settings close by themselves when left alone, like every screen */
	loop_wait(a, 3 * FT_MINUTE, 1000);
	assert_int_equal(live_screen(a->live), UI_GLANCE);
	assert_true(loop_close(a));
}

/* The colour of the text LABEL on the frame last drawn, or -1. */
static int
label_color(const struct loop *a, const char *label)
{
	for (int i = 0; i < a->frame->nitems; i++)
		if (a->frame->items[i].kind == UI_ITEM_TEXT && strcmp(a->frame->items[i].text, label) == 0)
			return (int)a->frame->items[i].color;
	return -1;
}

/* Issue 11, point 6: from the settings, a walk added after the fact, an
 * entry removed after a question whose coloured answer keeps it, Undo,
 * and this week marked away. */
static void
test_mistakes_are_put_right_from_the_settings(void **state)
{
	struct fixture *fx = *state;
	struct loop *a = open_hug_app(fx); /* Tuesday 8 December, 08:00 */
	int x = 0, y = 0;
	assert_true(loop_target(a, UI_ACT_SETTINGS_HOLD, 0, &x, &y));
	loop_finger(a, 1, true, x, y);
	loop_wait(a, LIVE_SETTINGS_HOLD, 50);
	loop_finger(a, 1, false, x, y);
	loop_tap(a, UI_ACT_GO_FIXES, 0);
	assert_int_equal(live_screen(a->live), UI_FIXES);
	assert_true(loop_shows(a, "Nothing logged"));
	/* the walk forgotten this morning: 07:00, 30 min; five minutes more */
	assert_int_equal(model(a).fix_walk_start, T("2026-12-08T07:00:00+01:00"));
	loop_tap(a, UI_ACT_GO_ADD_WALK, 0);
	loop_tap(a, UI_ACT_FIX_WALK_STEP, 3);
	loop_tap(a, UI_ACT_FIX_WALK_ADD, 0);
	assert_int_equal(live_screen(a->live), UI_FIXES);
	assert_int_equal(test_query_int(fx->db, "SELECT (end_ms - start_ms) / 60000 FROM walk"), 35);
	assert_int_equal(model(a).nfixes, 1);
	assert_true(loop_shows(a, "Undo: walk added"));
	/* a step past now is refused: the walk must be over */
	loop_tap(a, UI_ACT_GO_ADD_WALK, 0);
	for (int i = 0; i < 20; i++)
		loop_tap(a, UI_ACT_FIX_WALK_STEP, 1);
	assert_true(model(a).fix_walk_start + model(a).fix_walk_length <= T("2026-12-08T08:00:00+01:00"));
	loop_tap(a, UI_ACT_GO_FIXES, 0); /* Cancel */

	/* Remove asks; the coloured answer keeps it */
	loop_tap(a, UI_ACT_FIX_REMOVE, 0);
	assert_int_equal(model(a).confirm, UI_CONFIRM_REMOVE);
	assert_int_equal(label_color(a, "Keep it"), UI_C_ON_PRIMARY);
	assert_int_equal(label_color(a, "Remove"), UI_C_INK);
	loop_tap(a, UI_ACT_CONFIRM_NO, 0);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM walk"), 1);
	loop_tap(a, UI_ACT_FIX_REMOVE, 0);
	loop_tap(a, UI_ACT_CONFIRM_YES, 0);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM walk"), 0);
	assert_int_equal(model(a).nfixes, 0);
	/* Undo puts it back; both corrections stay in the log */
	loop_tap(a, UI_ACT_FIX_UNDO, 0);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM walk"), 1);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM correction"), 2);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM correction WHERE undone_ms IS NOT NULL"), 1);

	/* this week away, with its dates on the screen, and back */
	assert_true(loop_shows(a, "This week, 7 December – 13 December: counted"));
	loop_tap(a, UI_ACT_FIX_AWAY, 0);
	assert_true(model(a).week_away);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM away"), 1);
	loop_tap(a, UI_ACT_FIX_AWAY, 0);
	assert_false(model(a).week_away);
	assert_int_equal(test_query_int(fx->db, "SELECT count(*) FROM away"), 0);
	assert_true(loop_close(a));
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_holding_the_clock_opens_the_settings_where_a_goal_applies_at_once,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_mistakes_are_put_right_from_the_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_people_holding_the_circles_log_one_hug, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_tap_on_the_ring_logs_a_hug_too, setup, teardown),
		cmocka_unit_test_setup_teardown(test_leaving_a_paused_hug_logs_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backlight_dims_at_night_and_wakes_on_touch_and_dock,
						setup_night, teardown),
		cmocka_unit_test_setup_teardown(test_morning_brings_the_day_back, setup_night, teardown),
		cmocka_unit_test_setup_teardown(test_a_backlight_left_dimmed_comes_back_full, setup_night,
						teardown),
		cmocka_unit_test_setup_teardown(test_without_a_backlight_the_dark_theme_dims, setup_night,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_backlight_that_refuses_falls_back_to_the_dark_theme,
						setup_night, teardown),
		cmocka_unit_test_setup_teardown(test_no_dock_lines_is_a_banner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_meal_ended_while_the_database_is_locked_is_kept_and_saved_later,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_a_stop_while_locked_says_what_was_not_saved,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_a_stop_saves_the_open_session_at_the_stop_instant,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_a_crash_loses_at_most_a_minute, setup_meal,
						teardown),
		cmocka_unit_test_setup_teardown(test_after_a_crash_the_session_resumes_on_the_first_reading_within_grace,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_a_restart_mid_meal_shows_the_meal_at_once, setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_after_a_crash_with_no_reading_in_grace_the_session_ends_where_last_known,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_events_held_until_the_clock_is_trusted_are_dated_then,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_a_failed_write_leaves_the_screen_as_it_was,
						setup_meal, teardown),
		cmocka_unit_test_setup_teardown(test_the_meal_screen_says_what_the_rules_would, setup_meal,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_dip_counts_and_promises_up_to_when_the_phones_came_out, setup_meal,
						teardown),
		cmocka_unit_test_setup_teardown(test_the_meal_screen_never_promises_a_meal_out_of_its_time,
						setup_meal, teardown),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	SDL_Quit();
	return failed;
}
