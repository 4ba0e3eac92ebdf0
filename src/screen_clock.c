/*
 * screen_clock.c - the screen and the clock (issue 11, point 1, SPEC §6):
 * the language, the night hours ([display] night), the time zone ([time]
 * timezone) and the way the screen is turned ([display] rotation); and the
 * time zone chosen by region, then by city, from the zones the system has
 * (zones.h).
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"
#include "zones.h"

#define _(s) gettext(s)

/* A row's card with its title on the left (above, in portrait) and Put
 * back on the right when KEY was set here; returns what is left for the
 * controls. */
static struct ui_rect
lay_row_card(struct lay *l, struct ui_rect box, const char *title, const char *note,
	     const char *key)
{
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, lay_px(l, 4));
	if (lay_key_from_display(l, key)) {
		struct ui_rect back = { in.x + in.w - lay_px(l, 140), in.y + in.h - l->target,
					lay_px(l, 140), l->target };
		in.w -= back.w + l->gap;
		lay_button(l, back, _("Put back"), UI_ACT_KEY_RESET, config_key_find(key), false);
	}
	struct ui_rect head = l->portrait ? ui_rect_cut_top(&in, in.h - l->target - l->gap, l->gap)
					  : ui_rect_cut_left(&in, in.w / 4, l->gap);
	head = ui_rect_inset(head, lay_px(l, 6));
	if (note && head.h >= lay_px(l, 46)) {
		struct ui_rect name = ui_rect_cut_top(&head, head.h * 3 / 5, 0);
		lay_text(l, name, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
		lay_text(l, head, 15, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", note);
	} else {
		lay_text(l, head, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	}
	/* the controls keep a target's height, at the bottom of the card */
	if (in.h > l->target) {
		in.y += in.h - l->target;
		in.h = l->target;
	}
	return in;
}

void
lay_screen_clock(struct lay *l, struct ui_rect r)
{
	const struct ft_config *cfg = l->cfg;
	char a[CAL_HHMM_SIZE], b[CAL_HHMM_SIZE], from[32], to[32], zone[96], city[ZONES_NAME + 8];
	lay_setup_top(l, &r, _("Screen and clock"), UI_ACT_GO_SETTINGS, 0);
	int rows = 4;
	/* each card: a title and a row of targets; in portrait, the title above */
	lay_setting_row(l, ui_rect_row(r, 0, rows, l->gap), UI_SET_LANGUAGE, l->portrait);
	struct ui_rect night = ui_rect_row(r, 1, rows, l->gap);
	struct ui_rect tz = ui_rect_row(r, 2, rows, l->gap);
	struct ui_rect turn = ui_rect_row(r, 3, rows, l->gap);

	struct ui_rect in = lay_row_card(l, night, _("Night"),
					 cfg->night_set ? _("the screen dims") : _("none yet"),
					 "display.night");
	if (cfg->night_set) {
		cal_format_minute(cfg->night_start, a);
		cal_format_minute(cfg->night_end, b);
	} else {
		snprintf(a, sizeof(a), "–");
		snprintf(b, sizeof(b), "–");
	}
	/* TRANSLATORS: the night's start and end on their steppers */
	snprintf(from, sizeof(from), _("from %s"), a);
	snprintf(to, sizeof(to), _("to %s"), b);
	lay_stepper(l, ui_rect_column(in, 0, 2, l->gap), from, UI_ACT_NIGHT_STEP, 0, 1);
	lay_stepper(l, ui_rect_column(in, 1, 2, l->gap), to, UI_ACT_NIGHT_STEP, 2, 3);

	in = lay_row_card(l, tz, _("Time zone"), NULL, "time.timezone");
	struct ui_rect change = { in.x + in.w - lay_px(l, 170), in.y, lay_px(l, 170), in.h };
	in.w -= change.w + l->gap;
	if (cfg->timezone[0]) {
		const char *slash = strchr(cfg->timezone, '/');
		char region[ZONES_NAME];
		snprintf(region, sizeof(region), "%.*s",
			 slash ? (int)(slash - cfg->timezone) : 0, cfg->timezone);
		zones_city(cfg->timezone, city, sizeof(city));
		snprintf(zone, sizeof(zone), "%s%s%s", slash ? zones_region_name(region) : "",
			 slash ? " · " : "", city);
	} else {
		snprintf(zone, sizeof(zone), "%s", _("the system's"));
	}
	lay_text(l, in, 22, UI_TEXT_BOLD, UI_C_INK, "%s", zone);
	lay_button(l, change, _("Change"), UI_ACT_GO_SETUP, UI_ZONE_REGION, false);

	in = lay_row_card(l, turn, _("Screen turned"), NULL, "display.rotation");
	static const char *const degrees[4] = { "0°", "90°", "180°", "270°" };
	for (int i = 0; i < 4; i++)
		lay_button(l, ui_rect_column(in, i, 4, l->gap), degrees[i], UI_ACT_ROTATION, i * 90,
			   cfg->rotation == i * 90);
}

/* The zone picker's grid: as many buttons as fit, in pages. */
static void
lay_zone_grid(struct lay *l, struct ui_rect r, enum ui_action action)
{
	const struct ui_setup *s = &l->m->setup;
	struct ui_rect foot = ui_rect_cut_bottom(&r, l->target, l->gap);
	int cols = l->portrait ? 2 : 4;
	int rows = (r.h + l->gap) / (l->target + l->gap);
	if (rows < 1)
		rows = 1;
	int per_page = rows * cols;
	char city[ZONES_NAME + 8];
	if (s->first > 0)
		lay_button(l, ui_rect_column(foot, 0, 2, l->gap), _("Back up"), UI_ACT_SETUP_PAGE,
			   -per_page, false);
	if (s->first + per_page < s->nzones)
		lay_button(l, ui_rect_column(foot, 1, 2, l->gap), _("More"), UI_ACT_SETUP_PAGE, per_page,
			   false);
	for (int i = 0; i < per_page && s->first + i < s->nzones; i++) {
		int k = s->first + i;
		struct ui_rect cell = ui_rect_column(ui_rect_row(r, i / cols, rows, l->gap), i % cols,
						     cols, l->gap);
		bool on = action == UI_ACT_ZONE_CITY && strcmp(s->zones[k], l->cfg->timezone) == 0;
		if (action == UI_ACT_ZONE_CITY)
			zones_city(s->zones[k], city, sizeof(city));
		lay_button(l, cell, action == UI_ACT_ZONE_CITY ? city : zones_region_name(s->zones[k]), action,
			   k, on);
	}
}

void
lay_zone_region(struct lay *l, struct ui_rect r)
{
	lay_setup_top(l, &r, _("Time zone: the region"), UI_ACT_GO_SETUP, UI_SCREEN_CLOCK);
	if (l->m->setup.nzones == 0) {
		lay_label(l, r, 22, 0, UI_C_INK_DIM, "%s", _("This system lists no time zone."));
		return;
	}
	lay_zone_grid(l, r, UI_ACT_ZONE_REGION);
}

void
lay_zone_city(struct lay *l, struct ui_rect r)
{
	char title[96];
	const char *region = l->m->setup.zone_region ? l->m->setup.zone_region : "";
	/* TRANSLATORS: %s is a region of the world: "Time zone: Europe" */
	snprintf(title, sizeof(title), _("Time zone: %s"), zones_region_name(region));
	lay_setup_top(l, &r, title, UI_ACT_GO_SETUP, UI_ZONE_REGION);
	lay_zone_grid(l, r, UI_ACT_ZONE_CITY);
}
