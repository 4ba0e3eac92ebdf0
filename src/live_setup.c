/*
 * live_setup.c - the settings beyond the first screen, in the live
 * decision module (live_internal.h maps its files; issue 11, point 1):
 * the rituals and the meal windows (a list, one changed at a time and
 * stored when saved), the night hours, the time zone (by region, then
 * city), the rotation.
 *
 * Every change goes through settings_set() exactly as `familytable
 * settings set` would: the new value is written as the file would hold
 * it (config_format on a copy of the configuration), checked by the
 * file's own parser, stored only when it passes, and in effect at once.
 * A value refused says why on the screen (setup.refused) and writes
 * nothing; Put back (UI_ACT_KEY_RESET) forgets the display's value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "live_internal.h"
#include "log.h"
#include "settings.h"

#define DAY_MINUTES (24 * 60)

static int
wrap_minute(int minute)
{
	return ((minute % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

void
live_apply_zone(const char *zone)
{
	struct ft_error err;
	if (!zone[0])
		unsetenv("TZ");
	if (!cal_set_zone(zone, &err))
		log_warn("time zone: %s", err.msg);
}

/* Stores NAME = VALUES as `settings set` would. True when stored; false
 * when refused (setup.refused says why, nothing written) or when the
 * store failed (its banner). */
static bool
set_key(struct live *l, const char *name, const char *const *values, int n, ft_ms mono)
{
	struct ft_error err;
	if (!l->store)
		return false; /* the store's banner is up already */
	char zone[sizeof(l->own.timezone)];
	snprintf(zone, sizeof(zone), "%s", l->own.timezone);
	int rc = settings_set(l->store, &l->own, name, values, n, live_now(l, mono), &err);
	if (rc == FT_EXIT_FAILURE) {
		live_store_result(l, false, &err);
		return false;
	}
	if (rc == FT_EXIT_USAGE) {
		/* TRANSLATORS: %s is why the configuration refused a value, as
		 * `familytable settings set` says it */
		snprintf(l->setup_refused, sizeof(l->setup_refused), _("Not saved: %s"), err.msg);
		live_changed(l);
		return false;
	}
	l->setup_refused[0] = '\0';
	if (strcmp(zone, l->own.timezone) != 0)
		live_apply_zone(l->own.timezone);
	l->report_stale = true;
	live_changed(l);
	return true;
}

/* The list key NAME (rituals) or the one-line key (windows) written from
 * NEXT, a copy of the configuration changed as the family asked. */
static bool
set_from(struct live *l, const char *name, const struct ft_config *next, ft_ms mono)
{
	int key = config_key_find(name);
	int n = config_value_count(next, key);
	char(*text)[512] = calloc(n ? (size_t)n : 1, sizeof(*text));
	const char **values = calloc(n ? (size_t)n : 1, sizeof(*values));
	bool ok = false;
	if (text && values) {
		for (int i = 0; i < n; i++) {
			config_format(next, key, i, text[i], sizeof(text[i]));
			values[i] = text[i];
		}
		ok = set_key(l, name, values, n, mono);
	}
	free(text);
	free(values);
	return ok;
}

/* A copy of the configuration in effect, to change and write from. */
static struct ft_config *
copy_config(const struct live *l)
{
	struct ft_config *c = malloc(sizeof(*c));
	if (c)
		*c = l->own;
	return c;
}

/* LIST (*N items of SIZE bytes, room for MAX) with item I removed (ITEM
 * NULL), or set to ITEM (I == *N: added at the end). */
static void
list_edit(void *list, int *n, int max, size_t size, int i, const void *item)
{
	char *at = (char *)list + (size_t)i * size;
	if (!item && i < *n) {
		memmove(at, at + size, (size_t)(*n - i - 1) * size);
		(*n)--;
	} else if (item && i <= *n && i < max) {
		memcpy(at, item, size);
		if (i == *n)
			(*n)++;
	}
}

/* --- rituals ---------------------------------------------------------------- */

/* Whether LABEL is one of the labels suggested for KIND (in the language
 * shown): a kind changed then takes the new kind's first label. */
static bool
suggested(enum ft_ritual_kind kind, const char *label)
{
	for (int i = 0; i < UI_RITUAL_LABELS; i++)
		if (strcmp(label, gettext(ui_ritual_labels[kind][i])) == 0)
			return true;
	return false;
}

static void
ritual_edit(struct live *l, int index, ft_ms mono)
{
	if (index < 0 || index > l->own.nrituals || index >= FT_MAX_RITUALS)
		return;
	l->setup.ritual_index = index;
	if (index < l->own.nrituals) {
		l->setup.ritual = l->own.rituals[index];
	} else {
		/* a new one: this weekday at 18:00, a call to a friend */
		l->setup.ritual = (struct ft_ritual){ .weekday = cal_weekday(cal_day_of(live_now(l, mono))),
						      .minute = 18 * 60, .kind = FT_RITUAL_CALL };
		snprintf(l->setup.ritual.label, sizeof(l->setup.ritual.label), "%s",
			 gettext(ui_ritual_labels[FT_RITUAL_CALL][0]));
	}
	l->setup_refused[0] = '\0';
	live_go(l, UI_RITUAL, mono);
}

static void
ritual_save(struct live *l, bool remove, ft_ms mono)
{
	struct ft_config *next = copy_config(l);
	int i = l->setup.ritual_index;
	if (!next)
		return;
	list_edit(next->rituals, &next->nrituals, FT_MAX_RITUALS, sizeof(next->rituals[0]), i,
		  remove ? NULL : &l->setup.ritual);
	if (set_from(l, "rituals.ritual", next, mono))
		live_go(l, UI_RITUALS, mono);
	free(next);
}

/* --- meal windows ----------------------------------------------------------- */

/* Where a new window of each name starts and ends (minutes; an end before
 * the start runs past midnight): what a family would most likely mean. */
static const int window_times[UI_WINDOW_NAMES][2] = {
	{ 6 * 60, 10 * 60 + 30 },  /* breakfast */
	{ 10 * 60, 13 * 60 },      /* brunch */
	{ 11 * 60 + 30, 14 * 60 + 30 }, /* lunch */
	{ 16 * 60, 17 * 60 + 30 }, /* snack */
	{ 17 * 60 + 30, 21 * 60 + 30 }, /* dinner */
	{ 21 * 60, 1 * 60 },       /* supper, past midnight */
};

static void
window_name(struct live *l, int i)
{
	if (i < 0 || i >= UI_WINDOW_NAMES)
		return;
	struct ft_window *w = &l->setup.window;
	snprintf(w->kind, sizeof(w->kind), "%s", ui_window_names[i]);
	if (l->setup.window_index >= l->own.nwindows) {
		/* a new window: its times follow its name until they are changed */
		w->start = window_times[i][0];
		w->end = window_times[i][1];
	}
}

static void
window_edit(struct live *l, int index, ft_ms mono)
{
	if (index < 0 || index > l->own.nwindows || index >= FT_MAX_WINDOWS)
		return;
	l->setup.window_index = index;
	if (index < l->own.nwindows) {
		l->setup.window = l->own.windows[index];
	} else {
		/* a new one: the first name not used yet */
		int pick = 0;
		for (int i = UI_WINDOW_NAMES - 1; i >= 0; i--) {
			bool used = false;
			for (int w = 0; w < l->own.nwindows; w++)
				used = used || strcmp(l->own.windows[w].kind, ui_window_names[i]) == 0;
			if (!used)
				pick = i;
		}
		window_name(l, pick);
	}
	l->setup_refused[0] = '\0';
	live_go(l, UI_WINDOW, mono);
}

static void
window_save(struct live *l, bool remove, ft_ms mono)
{
	struct ft_config *next = copy_config(l);
	int i = l->setup.window_index;
	if (!next)
		return;
	list_edit(next->windows, &next->nwindows, FT_MAX_WINDOWS, sizeof(next->windows[0]), i,
		  remove ? NULL : &l->setup.window);
	if (next->nwindows == 0) {
		/* the file cannot say "no window": its parser would refuse the
		 * empty line, so the refusal is said here in its words */
		snprintf(l->setup_refused, sizeof(l->setup_refused), "%s",
			 _("Not saved: at least one meal time is needed"));
		live_changed(l);
	} else if (set_from(l, "meal.windows", next, mono)) {
		live_go(l, UI_WINDOWS, mono);
	}
	free(next);
}

/* A step of 15 minutes on a window's start (ARG 0, 1) or end (2, 3). A
 * window may run past midnight but not start where it ends: that step
 * goes one further. */
static void
window_step(struct live *l, int arg)
{
	struct ft_window *w = &l->setup.window;
	if (arg < 0 || arg > 3)
		return;
	int d = arg % 2 ? 15 : -15;
	int *m = arg < 2 ? &w->start : &w->end;
	*m = wrap_minute(*m + d);
	if (w->start == w->end)
		*m = wrap_minute(*m + d);
}

/* --- night, zone, rotation ---------------------------------------------------- */

static void
night_step(struct live *l, int arg, ft_ms mono)
{
	char value[32], a[CAL_HHMM_SIZE], b[CAL_HHMM_SIZE];
	int start = l->own.night_set ? l->own.night_start : 22 * 60;
	int end = l->own.night_set ? l->own.night_end : 6 * 60 + 30;
	if (arg < 0 || arg > 3)
		return;
	/* with no night yet, the first step sets the usual one */
	if (l->own.night_set) {
		int d = arg % 2 ? 30 : -30;
		int *m = arg < 2 ? &start : &end;
		*m = wrap_minute(*m / 30 * 30 + d);
		if (start == end)
			*m = wrap_minute(*m + d);
	}
	cal_format_minute(start, a);
	cal_format_minute(end, b);
	snprintf(value, sizeof(value), "%s-%s", a, b);
	const char *values[] = { value };
	set_key(l, "display.night", values, 1, mono);
}

const struct zones *
live_zones(struct live *l)
{
	struct ft_error err;
	if (l->zones)
		return l->zones;
	l->zones = calloc(1, sizeof(*l->zones));
	if (l->zones && !zones_load(l->zones, NULL, &err))
		log_warn("time zones: %s", err.msg);
	return l->zones;
}

static void
zone_regions(struct live *l, ft_ms mono)
{
	const struct zones *z = live_zones(l);
	if (!z)
		return;
	l->setup.nzones = z->nregions;
	for (int i = 0; i < z->nregions; i++)
		l->zone_list[i] = z->regions[i];
	l->setup.zone_region = NULL;
	l->setup.first = 0;
	live_go(l, UI_ZONE_REGION, mono);
}

static void
zone_region(struct live *l, int i, ft_ms mono)
{
	if (!l->zones || l->setup.zone_region || i < 0 || i >= l->zones->nregions)
		return;
	l->setup.zone_region = l->zones->regions[i];
	l->setup.nzones = zones_of_region(l->zones, l->zones->regions[i], l->zone_list, ZONES_MAX);
	/* the list opens at the zone in effect, when it is in this region */
	l->setup.first = 0;
	for (int z = 0; z < l->setup.nzones; z++)
		if (strcmp(l->zone_list[z], l->own.timezone) == 0)
			l->setup.first = z;
	live_go(l, UI_ZONE_CITY, mono);
}

static void
zone_city(struct live *l, int i, ft_ms mono)
{
	if (!l->setup.zone_region || i < 0 || i >= l->setup.nzones)
		return;
	const char *values[] = { l->zone_list[i] };
	if (set_key(l, "time.timezone", values, 1, mono))
		live_go(l, UI_SCREEN_CLOCK, mono);
}

/* --- the module's side ---------------------------------------------------------- */

void
live_setup_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	char value[16];
	switch (action) {
	case UI_ACT_GO_SETUP:
		l->setup_refused[0] = '\0';
		l->setup.first = 0;
		if (arg == UI_ZONE_REGION)
			zone_regions(l, mono);
		else if (arg == UI_RITUALS || arg == UI_WINDOWS || arg == UI_SCREEN_CLOCK)
			live_go(l, (enum ui_screen)arg, mono);
		break;
	case UI_ACT_KEY_RESET:
		if (arg >= 0 && arg < config_key_count() && !config_key_installer_only(arg))
			live_setting_reset_key(l, config_key_name(arg));
		break;
	case UI_ACT_RITUAL_EDIT:
		ritual_edit(l, arg, mono);
		break;
	case UI_ACT_RITUAL_STEP:
		if (arg == 0 || arg == 1)
			l->setup.ritual.weekday = (l->setup.ritual.weekday + (arg ? 1 : 6)) % 7;
		else if (arg == 2 || arg == 3)
			l->setup.ritual.minute = wrap_minute(l->setup.ritual.minute / 15 * 15 +
							     (arg == 3 ? 15 : -15));
		break;
	case UI_ACT_RITUAL_KIND:
		if (arg < 0 || arg > FT_RITUAL_WALK)
			break;
		if (!l->setup.ritual.label[0] || suggested(l->setup.ritual.kind, l->setup.ritual.label))
			snprintf(l->setup.ritual.label, sizeof(l->setup.ritual.label), "%s",
				 gettext(ui_ritual_labels[arg][0]));
		l->setup.ritual.kind = (enum ft_ritual_kind)arg;
		break;
	case UI_ACT_RITUAL_LABEL:
		if (arg >= 0 && arg < UI_RITUAL_LABELS)
			snprintf(l->setup.ritual.label, sizeof(l->setup.ritual.label), "%s",
				 gettext(ui_ritual_labels[l->setup.ritual.kind][arg]));
		break;
	case UI_ACT_RITUAL_TYPE:
		live_keyboard_ritual_label(l, mono);
		break;
	case UI_ACT_RITUAL_SAVE:
		ritual_save(l, false, mono);
		break;
	case UI_ACT_RITUAL_REMOVE:
		if (l->setup.ritual_index < l->own.nrituals) {
			l->confirm = UI_CONFIRM_RITUAL_REMOVE;
			snprintf(l->confirm_text, sizeof(l->confirm_text),
				 _("Remove the ritual \"%s\"?"), l->own.rituals[l->setup.ritual_index].label);
		}
		break;
	case UI_ACT_WINDOW_EDIT:
		window_edit(l, arg, mono);
		break;
	case UI_ACT_WINDOW_STEP:
		window_step(l, arg);
		break;
	case UI_ACT_WINDOW_NAME:
		window_name(l, arg);
		break;
	case UI_ACT_WINDOW_SAVE:
		window_save(l, false, mono);
		break;
	case UI_ACT_WINDOW_REMOVE:
		if (l->setup.window_index < l->own.nwindows) {
			l->confirm = UI_CONFIRM_WINDOW_REMOVE;
			snprintf(l->confirm_text, sizeof(l->confirm_text),
				 _("Remove the meal time \"%s\"? Meals then are no longer counted."),
				 ui_meal_kind(l->own.windows[l->setup.window_index].kind));
		}
		break;
	case UI_ACT_NIGHT_STEP:
		night_step(l, arg, mono);
		break;
	case UI_ACT_ROTATION:
		if (arg == 0 || arg == 90 || arg == 180 || arg == 270) {
			const char *values[] = { value };
			snprintf(value, sizeof(value), "%d", arg);
			set_key(l, "display.rotation", values, 1, mono);
		}
		break;
	case UI_ACT_ZONE_REGION:
		zone_region(l, arg, mono);
		break;
	case UI_ACT_ZONE_CITY:
		zone_city(l, arg, mono);
		break;
	case UI_ACT_SETUP_PAGE: {
		int n = l->screen == UI_RITUALS ? l->own.nrituals
			: l->screen == UI_WINDOWS ? l->own.nwindows : l->setup.nzones;
		l->setup.first += arg;
		if (l->setup.first >= n)
			l->setup.first = n - 1;
		if (l->setup.first < 0)
			l->setup.first = 0;
		break;
	}
	default:
		break;
	}
	live_changed(l);
}

void
live_setup_confirmed(struct live *l, ft_ms mono)
{
	if (l->confirm == UI_CONFIRM_RITUAL_REMOVE)
		ritual_save(l, true, mono);
	else if (l->confirm == UI_CONFIRM_WINDOW_REMOVE)
		window_save(l, true, mono);
}

void
live_setup_model(struct live *l, struct ui_model *m)
{
	m->setup = l->setup;
	m->setup.refused = l->setup_refused[0] ? l->setup_refused : NULL;
	m->setup.zones = l->zone_list;
}

void
live_setup_free(struct live *l)
{
	free(l->zones);
	l->zones = NULL;
}
