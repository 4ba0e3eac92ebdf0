/*
 * live_fixture.h - the fixture of the live tests: a temporary folder with
 * a database, a configuration, and the loop of tests/live_loop.h
 * (fixture_new, fixture_free). A file that defines FIXTURE_NAME and CONF
 * first (the settings' and corrections' tests) gets setup and teardown
 * too: CONF in effect, its zone set.
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

/* A fixture named NAME (its temporary folder's name) with the
 * configuration CONF, not yet open: each test file opens the loop at its
 * own instant. */
static inline struct fixture *
fixture_new(const char *name, const char *conf_text)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	if (!fx)
		return NULL;
	test_temp_dir(fx->dir, name);
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	fx->cfg = test_config(conf_text);
	return fx;
}

/* The loop closed if it was open, the folder removed, FX freed. */
static inline void
fixture_free(struct fixture *fx)
{
	if (fx->lp.live)
		loop_close(&fx->lp);
	test_remove_dir(fx->dir);
	free(fx);
}

#ifdef FIXTURE_NAME
/* The settings' and corrections' fixture: CONF's zone set, English again
 * after each test. */
static int
setup(void **state)
{
	struct fixture *fx = fixture_new(FIXTURE_NAME, conf);
	struct ft_error err;
	if (!fx)
		return -1;
	assert_true(cal_set_zone(fx->cfg.timezone, &err));
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	fixture_free(*state);
	ui_i18n_init("en");
	return 0;
}
#endif

static inline struct ui_model
model(struct loop *a)
{
	struct ui_model m;
	live_model(a->live, a->mono, &m);
	return m;
}

/* The clock held for two seconds: the settings screen. */
static inline void
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
