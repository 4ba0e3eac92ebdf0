/*
 * live_settings.c - the settings screen's side of the live decision module
 * (live_internal.h maps its files): the configuration in effect, the one
 * from the files (to put a value back), the hold that opens the screen,
 * and a change stored as `familytable settings set` would store it.
 */
#include <string.h>

#include "live_internal.h"
#include "log.h"
#include "settings.h"

void
live_set_base(struct live *l, const struct ft_config *base)
{
	l->base = *base;
}

const struct ft_config *
live_config(const struct live *l)
{
	return l->cfg;
}

void
live_settings_hold(struct live *l, bool down, ft_ms mono)
{
	l->settings_held = down ? mono : -1;
}

void
live_setting_set(struct live *l, enum ui_setting row, const char *value, ft_ms mono)
{
	struct ft_error err;
	const char *values[] = {value};
	if (!l->store)
		return; /* the store's banner is up already */
	int rc = settings_set(l->store, &l->own, ui_setting_keys[row], values, 1, live_now(l, mono),
			      &err);
	if (rc == FT_EXIT_FAILURE)
		live_store_result(l, false, &err);
	else if (rc == FT_EXIT_USAGE)
		log_warn("settings screen: %s", err.msg); /* the steps stay in range */
	l->report_stale = true;
}

void
live_setting_reset(struct live *l, enum ui_setting row)
{
	live_setting_reset_key(l, ui_setting_keys[row]);
}

void
live_setting_reset_key(struct live *l, const char *name)
{
	struct ft_error err;
	struct ft_config c = l->base;
	if (!l->store)
		return;
	if (settings_reset(l->store, name, NULL, &err) != FT_EXIT_OK ||
	    !settings_overlay(&c, l->store, &err)) {
		live_store_result(l, false, &err);
		return;
	}
	/* a zone put back applies at once, as one chosen does */
	bool zone_changed = strcmp(c.timezone, l->own.timezone) != 0;
	l->own = c;
	if (zone_changed)
		live_apply_zone(l->own.timezone);
	l->setup_refused[0] = '\0';
	l->report_stale = true;
	live_changed(l);
}
