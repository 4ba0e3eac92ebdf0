/*
 * live_firstboot.c - the first-boot walk-through (issue 11, point 3), as part
 * of the decision module (live.h): which step shows, what it proposes, and
 * what each step writes.
 *
 * It comes up by itself once, when the store first opens on a first boot
 * (live_first_boot(): no names, no setting made on the display, nothing
 * logged), and again from the settings ("Set up again"). Its steps: the
 * language, the time zone (a region, then a city), the family's phones
 * named by docking them, the weekly goals, three rituals. Each step writes
 * through settings_set(), exactly as the settings screen and `familytable
 * settings set` do (the same checks as the file's); Skip writes nothing for
 * that step. While it is up, its screen stays: nobody is sent to the glance
 * for having stopped to think.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "live_internal.h"
#include "log.h"
#include "settings.h"
#include "store.h"

/* KEY set to its NVALUES VALUES as `settings set` would, in effect at once.
 * False (and the step stays) when it was not written: the store's banner
 * says why, or the log when the value was refused. */
static bool
setup_write(struct live *l, const char *key, const char *const *values, int nvalues, ft_ms mono)
{
	struct ft_error err;
	if (!l->store)
		return false; /* the store's banner is up already */
	int rc = settings_set(l->store, &l->own, key, values, nvalues, live_now(l, mono), &err);
	if (rc == FT_EXIT_FAILURE)
		return live_store_result(l, false, &err);
	if (rc != FT_EXIT_OK) {
		log_warn("walk-through: %s", err.msg); /* the steps offer only good values */
		return false;
	}
	/* the zone is the process's (calendar.h): local days follow it now */
	if (strcmp(key, "time.timezone") == 0 && !cal_set_zone(l->own.timezone, &err))
		log_warn("walk-through: %s", err.msg);
	l->report_stale = true;
	live_changed(l);
	return true;
}

/* Show step S. Coming to a step fills what it proposes from the settings
 * in effect; leaving the last one ends the walk-through. */
static void
step_to(struct live *l, enum ui_screen s, ft_ms mono)
{
	struct live_firstboot *st = &l->firstboot;
	struct ui_firstboot *u = &st->ui;
	const struct zones *z;
	st->first = 0;
	switch (s) {
	case UI_FIRSTBOOT_LANGUAGE:
		break;
	case UI_FIRSTBOOT_REGION:
		z = live_zones(l);
		if (!z || z->nregions == 0) {
			log_warn("walk-through: no time zone step: the system lists no time zone");
			step_to(l, UI_FIRSTBOOT_FAMILY, mono);
			return;
		}
		st->region = -1;
		break;
	case UI_FIRSTBOOT_CITY:
		st->first = live_firstboot_zone_page(l->zones, st->region, l->cfg->timezone);
		break;
	case UI_FIRSTBOOT_FAMILY:
		/* a phone docked now is the one to name (live_keyboard.c), set
		 * aside from meals until taken out */
		l->family_waiting = true;
		l->family_named = 0;
		break;
	case UI_FIRSTBOOT_GOALS:
		u->meal_goal = l->cfg->meal_goal;
		u->walk_goal = l->cfg->walk_goal;
		break;
	case UI_FIRSTBOOT_RITUALS:
		st->own_rituals = live_firstboot_rituals(l->cfg, u);
		break;
	default:
		/* the end: where it was asked for from, else the glance */
		u->on = false;
		log_info("walk-through %s", u->again ? "done again" : "done");
		live_go(l, u->again ? UI_SETTINGS : UI_GLANCE, mono);
		if (!u->again)
			l->user_until = 0;
		return;
	}
	u->step = live_firstboot_step_number(s);
	live_go(l, s, mono);
}

void
live_firstboot_start(struct live *l, bool again, ft_ms mono)
{
	l->firstboot.ui.on = true;
	l->firstboot.ui.again = again;
	step_to(l, UI_FIRSTBOOT_LANGUAGE, mono);
}

/* How many settings the display made: each one counted. */
static void
count_setting(void *ctx, const char *key, const char *value)
{
	(*(int *)ctx)++;
}

void
live_firstboot_check(struct live *l, ft_ms mono)
{
	struct ft_error err;
	if (l->firstboot.checked || !l->store)
		return;
	l->firstboot.checked = true;
	int settings = 0;
	struct history h;
	if (!live_store_result(l, store_settings(l->store, count_setting, &settings, &err), &err) ||
	    !live_store_result(l, store_load_history(l->store, FT_MS_NEVER - 1, &h, &err), &err))
		return; /* not known to be a first boot: no walk-through */
	bool logged = h.first_day != INT64_MAX;
	history_free(&h);
	if (!live_first_boot(l->cfg, settings, logged))
		return;
	log_info("first boot (no names, no settings, nothing logged): the walk-through");
	live_firstboot_start(l, false, mono);
}

/* The step before S, for Back. */
static enum ui_screen
step_before(enum ui_screen s)
{
	switch (s) {
	case UI_FIRSTBOOT_CITY: return UI_FIRSTBOOT_REGION;
	case UI_FIRSTBOOT_REGION: return UI_FIRSTBOOT_LANGUAGE;
	case UI_FIRSTBOOT_FAMILY: return UI_FIRSTBOOT_REGION;
	case UI_FIRSTBOOT_GOALS: return UI_FIRSTBOOT_FAMILY;
	case UI_FIRSTBOOT_RITUALS: return UI_FIRSTBOOT_GOALS;
	default: return UI_FIRSTBOOT_LANGUAGE;
	}
}

/* The step after S, for Skip and Next. */
static enum ui_screen
step_after(enum ui_screen s)
{
	switch (s) {
	case UI_FIRSTBOOT_LANGUAGE: return UI_FIRSTBOOT_REGION;
	case UI_FIRSTBOOT_REGION:
	case UI_FIRSTBOOT_CITY: return UI_FIRSTBOOT_FAMILY;
	case UI_FIRSTBOOT_FAMILY: return UI_FIRSTBOOT_GOALS;
	case UI_FIRSTBOOT_GOALS: return UI_FIRSTBOOT_RITUALS;
	default: return UI_SCREEN_COUNT; /* the end */
	}
}

/* A language, a region or a city tapped: ARG on the page shown. */
static void
setup_choose(struct live *l, int arg, ft_ms mono)
{
	struct live_firstboot *st = &l->firstboot;
	int first = 0;
	int n = l->zones ? live_firstboot_zones_count(l->zones, st->region, &first) : 0;
	switch (l->screen) {
	case UI_FIRSTBOOT_LANGUAGE:
		if (arg >= 0 && arg < (int)FT_ARRAY_LEN(ui_setting_languages) &&
		    setup_write(l, "display.language", &ui_setting_languages[arg], 1, mono))
			step_to(l, UI_FIRSTBOOT_REGION, mono);
		break;
	case UI_FIRSTBOOT_REGION:
		if (arg >= 0 && st->first + arg < n) {
			st->region = st->first + arg;
			step_to(l, UI_FIRSTBOOT_CITY, mono);
		}
		break;
	case UI_FIRSTBOOT_CITY:
		if (arg >= 0 && st->first + arg < n) {
			const char *zone = l->zones->names[first + st->first + arg];
			if (setup_write(l, "time.timezone", &zone, 1, mono))
				step_to(l, UI_FIRSTBOOT_FAMILY, mono);
		}
		break;
	default:
		break;
	}
}

/* Next: the step's proposal written, then the next step. */
static void
setup_next(struct live *l, ft_ms mono)
{
	struct ui_firstboot *u = &l->firstboot.ui;
	if (l->screen == UI_FIRSTBOOT_GOALS) {
		char meals[16], walks[16];
		const char *m = meals, *w = walks;
		snprintf(meals, sizeof(meals), "%d", u->meal_goal);
		snprintf(walks, sizeof(walks), "%d", u->walk_goal);
		if (!setup_write(l, "meal.weekly_goal", &m, 1, mono) ||
		    !setup_write(l, "walk.weekly_goal", &w, 1, mono))
			return;
	} else if (l->screen == UI_FIRSTBOOT_RITUALS) {
		/* the ones kept, then the family's own beyond the three shown,
		 * each as the file would hold it */
		struct ft_config c = *l->cfg;
		int key = config_key_find("rituals.ritual");
		char text[FT_MAX_RITUALS][160];
		const char *values[FT_MAX_RITUALS];
		int n = 0;
		c.nrituals = 0;
		for (int i = 0; i < u->nrituals; i++)
			if (u->ritual_on[i])
				c.rituals[c.nrituals++] = u->rituals[i];
		for (int i = l->firstboot.own_rituals; i < l->cfg->nrituals && c.nrituals < FT_MAX_RITUALS; i++)
			c.rituals[c.nrituals++] = l->cfg->rituals[i];
		for (; n < c.nrituals; n++) {
			config_format(&c, key, n, text[n], sizeof(text[n]));
			values[n] = text[n];
		}
		if (!setup_write(l, "rituals.ritual", values, n, mono))
			return;
	}
	step_to(l, step_after(l->screen), mono);
}

bool
live_firstboot_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	struct live_firstboot *st = &l->firstboot;
	struct ui_firstboot *u = &st->ui;
	if (action == UI_ACT_FIRSTBOOT_AGAIN) {
		live_firstboot_start(l, true, mono);
		return true;
	}
	if (!u->on)
		return false;
	switch (action) {
	case UI_ACT_FIRSTBOOT_CHOOSE:
		setup_choose(l, arg, mono);
		return true;
	case UI_ACT_FIRSTBOOT_PAGE: {
		int first = 0;
		int n = l->zones ? live_firstboot_zones_count(l->zones, st->region, &first) : 0;
		int to = st->first + (arg < 0 ? -UI_FIRSTBOOT_ZONES_PAGE : UI_FIRSTBOOT_ZONES_PAGE);
		if (to >= 0 && to < n)
			st->first = to;
		return true;
	}
	case UI_ACT_FIRSTBOOT_GOAL: {
		/* the settings screen's steps and limits, on the proposal */
		struct ft_config c = *l->cfg;
		char value[16];
		c.meal_goal = u->meal_goal;
		c.walk_goal = u->walk_goal;
		enum ui_setting row = arg < 2 ? UI_SET_MEAL_GOAL : UI_SET_WALK_GOAL;
		if (arg >= 0 && arg < 4 && live_setting_step(&c, row, arg % 2 ? 1 : -1, value, sizeof(value)))
			/* the step wrote a goal in range, digits only */
			*(row == UI_SET_MEAL_GOAL ? &u->meal_goal : &u->walk_goal) =
				(int)strtol(value, NULL, 10);
		return true;
	}
	case UI_ACT_FIRSTBOOT_RITUAL:
		if (arg >= 0 && arg < u->nrituals)
			u->ritual_on[arg] = !u->ritual_on[arg];
		return true;
	case UI_ACT_FIRSTBOOT_NEXT:
		setup_next(l, mono);
		return true;
	case UI_ACT_FIRSTBOOT_SKIP:
		step_to(l, step_after(l->screen), mono);
		return true;
	case UI_ACT_FIRSTBOOT_BACK:
		if (l->screen != UI_FIRSTBOOT_LANGUAGE)
			step_to(l, step_before(l->screen), mono);
		return true;
	default:
		return false;
	}
}

void
live_firstboot_model(const struct live *l, struct ui_model *m)
{
	const struct live_firstboot *st = &l->firstboot;
	m->firstboot = st->ui;
	if (!st->ui.on)
		return;
	m->firstboot.zone = l->cfg->timezone;
	/* the zones may have been read for the settings' picker: a page of
	 * them only on the time zone's steps */
	if (l->zones && (l->screen == UI_FIRSTBOOT_REGION || l->screen == UI_FIRSTBOOT_CITY))
		live_firstboot_zones_page(l->zones, st->region, st->first, &m->firstboot);
}
