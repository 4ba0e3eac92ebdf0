/*
 * screen_settings.c - the family's settings on the display (SPEC §6): the
 * weekly goals, the review's day and time, the language. Each row shows
 * the value in effect and where it comes from; − and + change it at once
 * (stored as `familytable settings set` would), Put back returns it to the
 * installer's file. The screen is reached by holding the glance's clock;
 * its buttons lead to the rituals, the meal times (screen_setup.c), the
 * screen and clock (language, night, time zone, rotation: screen_clock.c)
 * and the corrections.
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

/* The row's title, and its value as the family reads it. */
static const char *
row_title(enum ui_setting row)
{
	switch (row) {
	case UI_SET_MEAL_GOAL: return _("Shared meals a week");
	case UI_SET_WALK_GOAL: return _("Walks a week");
	case UI_SET_REVIEW_DAY: return _("Review day");
	case UI_SET_REVIEW_TIME: return _("Review time");
	case UI_SET_LANGUAGE: return _("Language");
	case UI_SET_COUNT: break;
	}
	return "";
}

static void
row_value(const struct ft_config *cfg, enum ui_setting row, char *out, size_t size)
{
	char hhmm[CAL_HHMM_SIZE];
	switch (row) {
	case UI_SET_MEAL_GOAL:
		snprintf(out, size, "%d", cfg->meal_goal);
		break;
	case UI_SET_WALK_GOAL:
		snprintf(out, size, "%d", cfg->walk_goal);
		break;
	case UI_SET_REVIEW_DAY:
		snprintf(out, size, "%s", ui_weekday_long(cfg->review_weekday));
		break;
	case UI_SET_REVIEW_TIME:
		cal_format_minute(cfg->review_minute, hhmm);
		snprintf(out, size, "%s", hhmm);
		break;
	case UI_SET_LANGUAGE:
	case UI_SET_COUNT:
		out[0] = '\0';
		break;
	}
}

/* Where the value comes from, in words. */
static const char *
source_text(enum ft_source source)
{
	switch (source) {
	case FT_SOURCE_DISPLAY: return _("set here");
	case FT_SOURCE_FILE: return _("from the installer");
	case FT_SOURCE_DEFAULT: break;
	}
	return _("as it came");
}

void
lay_setting_row(struct lay *l, struct ui_rect box, enum ui_setting row, bool stacked)
{
	const struct ft_config *cfg = l->cfg;
	enum ft_source source = cfg->source[config_key_find(ui_setting_keys[row])];
	char value[64];
	lay_card(l, box, UI_C_CARD);
	/* the buttons take the card's height, so that they stay big targets */
	struct ui_rect in = ui_rect_inset(box, lay_px(l, 4));
	/* title | controls | put back on one line, or (STACKED) the title
	 * above the controls. Put back has its column in every row, so the
	 * values line up. */
	int title_h = in.h * 2 / 5;
	if (in.h - title_h < lay_px(l, 60))
		title_h = in.h - lay_px(l, 60);
	struct ui_rect title = stacked ? ui_rect_cut_top(&in, title_h, 0)
				       : ui_rect_cut_left(&in, in.w * 34 / 100, l->gap);
	title = ui_rect_inset(title, lay_px(l, 6));
	struct ui_rect back = { in.x + in.w - lay_px(l, 140), in.y, lay_px(l, 140), in.h };
	/* stacked (two columns, or portrait) the rows are narrow: Put back's
	 * column only where it shows, so the value reads at its size */
	if (!stacked || source == FT_SOURCE_DISPLAY)
		in.w -= back.w + l->gap;
	/* where it comes from, under the title when there is room (banners
	 * above take some) */
	if (title.h >= lay_px(l, 46)) {
		struct ui_rect name = ui_rect_cut_top(&title, title.h * 3 / 5, 0);
		lay_text(l, name, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", row_title(row));
		lay_text(l, title, 15, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", source_text(source));
	} else {
		lay_text(l, title, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", row_title(row));
	}
	if (row == UI_SET_LANGUAGE) {
		/* each language named in itself, the one the display speaks
		 * coloured: the file's, or unset the locale's (gettext's
		 * choice). Where it comes from stays as the file says ("as it
		 * came", no Put back): nothing was chosen here. */
		static const char *const names[] = { "English", "Français" };
		for (int i = 0; i < 2; i++) {
			bool on = strcmp(ui_i18n_language(), ui_setting_languages[i]) == 0;
			lay_button(l, ui_rect_column(in, i, 2, l->gap), names[i], UI_ACT_SETTING_CHOOSE,
				   row * 8 + i, on);
		}
	} else {
		int b = in.h < l->target ? l->target : in.h;
		if (b > lay_px(l, 90))
			b = lay_px(l, 90);
		struct ui_rect less = ui_rect_cut_left(&in, b, l->gap);
		struct ui_rect more = { in.x + in.w - b, in.y, b, in.h };
		in.w -= b + l->gap;
		lay_button(l, less, "−", UI_ACT_SETTING_LESS, row, false);
		lay_button(l, more, "+", UI_ACT_SETTING_MORE, row, false);
		row_value(cfg, row, value, sizeof(value));
		lay_text(l, in, 30, UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_INK, "%s", value);
	}
	if (source == FT_SOURCE_DISPLAY)
		lay_button(l, back, _("Put back"), UI_ACT_SETTING_RESET, row, false);
}

void
lay_settings(struct lay *l, struct ui_rect r)
{
	/* the title and Home; then the other settings' screens and the
	 * corrections, one button each, in rows of three (two in portrait) */
	lay_back_row(l, &r, _("Settings"));
	struct {
		const char *label;
		enum ui_action action;
		int arg;
	} const go[] = {
		{ _("Family"), UI_ACT_GO_FAMILY, 0 },
		{ _("Rituals"), UI_ACT_GO_SETUP, UI_RITUALS },
		{ _("Meal times"), UI_ACT_GO_SETUP, UI_WINDOWS },
		{ _("Screen and clock"), UI_ACT_GO_SETUP, UI_SCREEN_CLOCK },
		{ _("Put mistakes right"), UI_ACT_GO_FIXES, 0 },
		{ _("Set up again"), UI_ACT_FIRSTBOOT_AGAIN, 0 },
	};
	int ngo = (int)FT_ARRAY_LEN(go), per_row = l->portrait ? 2 : 3;
	int go_rows = (ngo + per_row - 1) / per_row;
	/* banners above take room: one row of buttons, so that the settings
	 * below keep rows a finger can use */
	if (!l->portrait && r.h - go_rows * (l->target + l->gap) < 2 * lay_px(l, 110) + l->gap) {
		per_row = ngo;
		go_rows = 1;
	}
	struct ui_rect nav = ui_rect_cut_top(&r, go_rows * l->target + (go_rows - 1) * l->gap, l->gap);
	for (int i = 0; i < ngo; i++)
		lay_button(l, ui_rect_column(ui_rect_row(nav, i / per_row, go_rows, l->gap), i % per_row,
					     per_row, l->gap),
			   go[i].label, go[i].action, go[i].arg, false);
	/* one row each, one above the other, while that leaves each row a
	 * full-size target; else (landscape, banners above) two columns. The
	 * language is with the screen and clock. */
	int count = UI_SET_LANGUAGE, rows = count, cols = 1;
	if ((r.h - (rows - 1) * l->gap) / rows < lay_px(l, 60) + 2 * lay_px(l, 4)) {
		cols = 2;
		rows = (count + 1) / 2;
	}
	for (int i = 0; i < count; i++) {
		struct ui_rect cell = ui_rect_row(r, i / cols, rows, l->gap);
		if (cols > 1)
			cell = ui_rect_column(cell, i % cols, cols, l->gap);
		lay_setting_row(l, cell, (enum ui_setting)i, l->portrait || cols > 1);
	}
}
