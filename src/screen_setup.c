/*
 * screen_setup.c - the settings beyond the first screen (issue 11, point
 * 1): the rituals and the meal windows, each a list where a row opens it
 * to be changed, and the screen where one is changed (steppers for its day
 * and times, a choice for its kind and name). Nothing here decides: the
 * decision module (live_settings.c) checks a change as the file would and
 * says why when it refuses (setup.refused), shown in the title's place.
 *
 * Also the pieces the settings' screens share: a title row with Back, a
 * stepper (− value +), and Put back for a key set here.
 */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"

#define _(s) gettext(s)

void
lay_setup_top(struct lay *l, struct ui_rect *r, const char *title, enum ui_action back, int arg)
{
	struct ui_rect top = ui_rect_cut_top(r, l->target, l->gap);
	struct ui_rect btn = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	struct ui_rect text = { top.x, top.y, top.w - btn.w - l->gap, top.h };
	const char *refused = l->m->setup.refused;
	if (refused)
		lay_label(l, text, 18, UI_TEXT_BOLD, UI_C_HUG, "%s", refused);
	else
		lay_text(l, text, 28, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	lay_button(l, btn, back == UI_ACT_GO_SETTINGS ? _("Back") : _("Cancel"), back, arg, false);
}

void
lay_stepper(struct lay *l, struct ui_rect box, const char *value, enum ui_action action, int less,
	    int more)
{
	int b = l->target;
	struct ui_rect minus = ui_rect_cut_left(&box, b, l->gap / 2);
	struct ui_rect plus = { box.x + box.w - b, box.y, b, box.h };
	box.w -= b + l->gap / 2;
	lay_button(l, minus, "−", action, less, false);
	lay_button(l, plus, "+", action, more, false);
	lay_text(l, box, 22, UI_TEXT_BOLD, UI_C_INK, "%s", value);
}

bool
lay_key_from_display(const struct lay *l, const char *name)
{
	int key = config_key_find(name);
	return key >= 0 && l->cfg->source[key] == FT_SOURCE_DISPLAY;
}

/* "Monday" for a ritual, with its time and what it is */
static const char *
kind_name(enum ft_ritual_kind kind)
{
	switch (kind) {
	case FT_RITUAL_CALL: return _("Call");
	case FT_RITUAL_MEAL: return _("Meal");
	case FT_RITUAL_WALK: return _("Walk");
	}
	return "";
}

/* A list's rows: as many as fit above the bottom row, paged with the
 * arrows when there are more. FIRST is the first shown; returns how many
 * rows fit and lays the paging buttons in PAGES (two cells). */
static int
lay_list_rows(struct lay *l, struct ui_rect r, int n, int first, struct ui_rect older,
	      struct ui_rect newer)
{
	int rows = (r.h + l->gap) / (l->target + l->gap);
	if (rows < 1)
		rows = 1;
	/* the words agree with what is listed (rituels and repas are
	 * masculine in French; the cities of the zone picker are not) */
	if (first > 0)
		lay_button(l, newer, C_("rituals, meal times", "Back up"), UI_ACT_SETUP_PAGE, -rows,
			   false);
	if (first + rows < n)
		lay_button(l, older, C_("rituals, meal times", "More"), UI_ACT_SETUP_PAGE, rows, false);
	return rows;
}

/* A row of a list cut off the top of *R: a card with Change (ACTION,
 * INDEX) beside it; *HEAD and *REST share the card, side by side, or
 * (portrait) one above the other so that each is read whole. */
static void
lay_list_row(struct lay *l, struct ui_rect *r, enum ui_action action, int index,
	     struct ui_rect *head, struct ui_rect *rest)
{
	struct ui_rect row = ui_rect_cut_top(r, l->target, l->gap);
	struct ui_rect change = { row.x + row.w - lay_px(l, 150), row.y, lay_px(l, 150), row.h };
	row.w -= change.w + l->gap;
	lay_card(l, row, UI_C_CARD);
	*rest = ui_rect_inset(row, l->pad);
	*head = l->portrait ? ui_rect_cut_top(rest, rest->h / 2, 0)
			    : ui_rect_cut_left(rest, rest->w * 2 / 5, l->gap);
	lay_button(l, change, _("Change"), action, index, false);
}

/* The bottom row of a list: add (primary), the pages, Put back. */
static void
lay_list_foot(struct lay *l, struct ui_rect *r, const char *add_label, enum ui_action add, int add_arg,
	      const char *key, struct ui_rect *older, struct ui_rect *newer)
{
	struct ui_rect foot = ui_rect_cut_bottom(r, l->target, l->gap);
	struct ui_rect add_box = ui_rect_column(foot, 0, 4, l->gap);
	add_box.w = add_box.w * 2 + l->gap;
	*older = ui_rect_column(foot, 2, 4, l->gap);
	*newer = ui_rect_column(foot, 3, 4, l->gap);
	if (add_arg >= 0)
		lay_button(l, add_box, add_label, add, add_arg, true);
	if (lay_key_from_display(l, key)) {
		/* Put back takes the place of the pages' first cell: the lists
		 * set here are short */
		lay_button(l, *older, _("Put back"), UI_ACT_KEY_RESET, config_key_find(key), false);
		*older = *newer;
	}
}

void
lay_rituals(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct ft_config *cfg = l->cfg;
	struct ui_rect older, newer;
	char hhmm[CAL_HHMM_SIZE];
	lay_setup_top(l, &r, _("Rituals"), UI_ACT_GO_SETTINGS, 0);
	lay_list_foot(l, &r, _("Add a ritual"), UI_ACT_RITUAL_EDIT,
		      cfg->nrituals < FT_MAX_RITUALS ? cfg->nrituals : -1, "rituals.ritual", &older,
		      &newer);
	if (cfg->nrituals == 0) {
		lay_label(l, r, 22, 0, UI_C_INK_DIM, "%s",
			  _("No ritual yet. Three a week, always at the same time, is a good start."));
		return;
	}
	int rows = lay_list_rows(l, r, cfg->nrituals, m->setup.first, older, newer);
	for (int i = m->setup.first; i < cfg->nrituals && i < m->setup.first + rows; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		struct ui_rect in, when;
		lay_list_row(l, &r, UI_ACT_RITUAL_EDIT, i, &when, &in);
		cal_format_minute(rt->minute, hhmm);
		/* TRANSLATORS: a ritual's weekday, time and kind: "Monday 18:00 · Call" */
		lay_text(l, when, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, _("%s %s · %s"),
			 ui_weekday_long(rt->weekday), hhmm, kind_name(rt->kind));
		lay_text(l, in, 20, UI_TEXT_LEFT, UI_C_INK, "%s", rt->label);
	}
}

void
lay_ritual(struct lay *l, struct ui_rect r)
{
	const struct ui_setup *s = &l->m->setup;
	const struct ft_ritual *rt = &s->ritual;
	bool is_new = s->ritual_index >= l->cfg->nrituals;
	char hhmm[CAL_HHMM_SIZE];
	lay_setup_top(l, &r, is_new ? _("A new ritual") : _("Change the ritual"), UI_ACT_GO_SETUP,
		      UI_RITUALS);
	/* Save (and Remove) at the bottom, Save where the thumb is */
	struct ui_rect foot = ui_rect_cut_bottom(&r, l->target, l->gap);
	if (!is_new)
		lay_button(l, ui_rect_column(foot, 0, 2, l->gap), _("Remove"), UI_ACT_RITUAL_REMOVE, 0,
			   false);
	lay_button(l, ui_rect_column(foot, 1, 2, l->gap), _("Save"), UI_ACT_RITUAL_SAVE, 0, true);
	/* day and time side by side, or one above the other in portrait */
	cal_format_minute(rt->minute, hhmm);
	struct ui_rect when = ui_rect_cut_top(&r, l->portrait ? 2 * l->target + l->gap : l->target,
					      l->gap);
	struct ui_rect day = l->portrait ? ui_rect_row(when, 0, 2, l->gap)
					 : ui_rect_column(when, 0, 2, l->gap);
	struct ui_rect time = l->portrait ? ui_rect_row(when, 1, 2, l->gap)
					  : ui_rect_column(when, 1, 2, l->gap);
	lay_stepper(l, day, ui_weekday_long(rt->weekday), UI_ACT_RITUAL_STEP, 0, 1);
	lay_stepper(l, time, hhmm, UI_ACT_RITUAL_STEP, 2, 3);
	/* the kind: the one chosen coloured */
	struct ui_rect kinds = ui_rect_cut_top(&r, l->target, l->gap);
	for (int k = 0; k < 3; k++)
		lay_button(l, ui_rect_column(kinds, k, 3, l->gap), kind_name((enum ft_ritual_kind)k),
			   UI_ACT_RITUAL_KIND, k, rt->kind == (enum ft_ritual_kind)k);
	/* the label as it is, Type to change it, and suggestions for the kind */
	struct ui_rect label = ui_rect_cut_top(&r, l->target, l->gap);
	struct ui_rect type = { label.x + label.w - lay_px(l, 190), label.y, lay_px(l, 190), label.h };
	label.w -= type.w + l->gap;
	lay_card(l, label, UI_C_CARD);
	lay_text(l, ui_rect_inset(label, l->pad), 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s",
		 rt->label[0] ? rt->label : "…");
	lay_button(l, type, _("Type it"), UI_ACT_RITUAL_TYPE, 0, false);
	if (r.h < l->target)
		return;
	int n = l->portrait ? 1 : UI_RITUAL_LABELS;
	int rows = l->portrait ? UI_RITUAL_LABELS : 1;
	if (l->portrait && r.h < rows * l->target + (rows - 1) * l->gap)
		rows = (r.h + l->gap) / (l->target + l->gap);
	struct ui_rect sugg = ui_rect_cut_top(&r, rows * l->target + (rows - 1) * l->gap, l->gap);
	for (int i = 0; i < UI_RITUAL_LABELS && i < n * rows; i++) {
		struct ui_rect cell = l->portrait ? ui_rect_row(sugg, i, rows, l->gap)
						  : ui_rect_column(sugg, i, n, l->gap);
		lay_button(l, cell, gettext(ui_ritual_labels[rt->kind][i]), UI_ACT_RITUAL_LABEL, i,
			   false);
	}
}

/* "06:00" for a window's start or end; an end at midnight reads 24:00 as
 * the file writes it */
static void
window_clock(int minute, char out[CAL_HHMM_SIZE])
{
	if (minute == 24 * 60)
		snprintf(out, CAL_HHMM_SIZE, "24:00");
	else
		cal_format_minute(minute, out);
}

void
lay_windows(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct ft_config *cfg = l->cfg;
	struct ui_rect older, newer;
	char from[CAL_HHMM_SIZE], to[CAL_HHMM_SIZE];
	lay_setup_top(l, &r, _("Meal times"), UI_ACT_GO_SETTINGS, 0);
	lay_list_foot(l, &r, _("Add a meal time"), UI_ACT_WINDOW_EDIT,
		      cfg->nwindows < FT_MAX_WINDOWS ? cfg->nwindows : -1, "meal.windows", &older,
		      &newer);
	int rows = lay_list_rows(l, r, cfg->nwindows, m->setup.first, older, newer);
	for (int i = m->setup.first; i < cfg->nwindows && i < m->setup.first + rows; i++) {
		const struct ft_window *w = &cfg->windows[i];
		struct ui_rect in, name;
		lay_list_row(l, &r, UI_ACT_WINDOW_EDIT, i, &name, &in);
		window_clock(w->start, from);
		window_clock(w->end, to);
		lay_text(l, name, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", ui_meal_kind(w->kind));
		/* past midnight, said so */
		if (w->end <= w->start)
			lay_text(l, in, 20, UI_TEXT_LEFT, UI_C_INK, _("%s – %s (next day)"), from, to);
		else
			lay_text(l, in, 20, UI_TEXT_LEFT, UI_C_INK, "%s – %s", from, to);
	}
}

void
lay_window(struct lay *l, struct ui_rect r)
{
	const struct ui_setup *s = &l->m->setup;
	const struct ft_window *w = &s->window;
	bool is_new = s->window_index >= l->cfg->nwindows;
	char from[CAL_HHMM_SIZE], to[CAL_HHMM_SIZE], to_text[48];
	lay_setup_top(l, &r, is_new ? _("A new meal time") : _("Change the meal time"),
		      UI_ACT_GO_SETUP, UI_WINDOWS);
	struct ui_rect foot = ui_rect_cut_bottom(&r, l->target, l->gap);
	if (!is_new)
		lay_button(l, ui_rect_column(foot, 0, 2, l->gap), _("Remove"), UI_ACT_WINDOW_REMOVE, 0,
			   false);
	lay_button(l, ui_rect_column(foot, 1, 2, l->gap), _("Save"), UI_ACT_WINDOW_SAVE, 0, true);
	/* from and to, each a stepper with its word */
	window_clock(w->start, from);
	window_clock(w->end, to);
	if (w->end <= w->start)
		snprintf(to_text, sizeof(to_text), _("%s next day"), to);
	else
		snprintf(to_text, sizeof(to_text), "%s", to);
	for (int i = 0; i < 2; i++) {
		struct ui_rect row = ui_rect_cut_top(&r, l->target, l->gap);
		struct ui_rect word = ui_rect_cut_left(&row, row.w / 4, l->gap);
		lay_text(l, word, 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s",
			 i == 0 ? _("From") : _("Until"));
		lay_stepper(l, row, i == 0 ? from : to_text, UI_ACT_WINDOW_STEP, 2 * i, 2 * i + 1);
	}
	/* the name: the kinds the display translates, the one chosen coloured */
	int cols = l->portrait ? 2 : 3, rows = (UI_WINDOW_NAMES + cols - 1) / cols;
	int h = rows * l->target + (rows - 1) * l->gap;
	if (h > r.h) {
		rows = (r.h + l->gap) / (l->target + l->gap);
		h = rows * l->target + (rows - 1) * l->gap;
	}
	struct ui_rect names = ui_rect_cut_top(&r, h, l->gap);
	for (int i = 0; i < UI_WINDOW_NAMES && i < rows * cols; i++) {
		struct ui_rect cell = ui_rect_column(ui_rect_row(names, i / cols, rows, l->gap), i % cols,
						     cols, l->gap);
		lay_button(l, cell, ui_meal_kind(ui_window_names[i]), UI_ACT_WINDOW_NAME, i,
			   strcmp(w->kind, ui_window_names[i]) == 0);
	}
}
