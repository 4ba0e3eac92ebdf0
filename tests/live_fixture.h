/*
 * live_fixture.h - the fixture of the settings' and corrections' live
 * tests (tests/test_live_settings.c, tests/test_live_fixes.c): a temporary
 * folder with a database, the configuration CONF (which the including file
 * defines first, with FIXTURE_NAME) in effect, its zone set, and the loop
 * of tests/live_loop.h.
 */
#ifndef FT_TEST_LIVE_FIXTURE_H
#define FT_TEST_LIVE_FIXTURE_H

#include "live_loop.h"
#include "test.h"

struct fixture {
	char dir[64];
	char db[128];
	struct ft_config cfg;
	struct loop lp;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct ft_error err;
	if (!fx)
		return -1;
	test_temp_dir(fx->dir, FIXTURE_NAME);
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	fx->cfg = test_config(conf);
	assert_true(cal_set_zone(fx->cfg.timezone, &err));
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	if (fx->lp.live)
		loop_close(&fx->lp);
	ui_i18n_init("en");
	test_remove_dir(fx->dir);
	free(fx);
	return 0;
}

static struct ui_model
model(struct loop *a)
{
	struct ui_model m;
	live_model(a->live, a->mono, &m);
	return m;
}

/* The clock held for two seconds: the settings screen. */
static void
hold_for_settings(struct loop *a)
{
	int x = 0, y = 0;
	assert_true(loop_target(a, UI_ACT_SETTINGS_HOLD, 0, &x, &y));
	loop_finger(a, 1, true, x, y);
	loop_wait(a, LIVE_SETTINGS_HOLD, 50);
	loop_finger(a, 1, false, x, y);
	assert_int_equal(live_screen(a->live), UI_SETTINGS);
}

#endif
