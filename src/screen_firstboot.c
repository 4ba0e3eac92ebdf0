/*
 * screen_setup.c - the first-boot walk-through (issue 11, point 3), one
 * screen a step: the language, the time zone (a region, then a city), the
 * family's phones named by docking them, the weekly goals, three rituals.
 *
 * Every step has the same frame: what it asks across the top with "Step 2
 * of 5" beside it, the choices in the middle, and along the bottom Back,
 * Skip (which writes nothing) and, where the step proposes values rather
 * than asking for one tap, Next. A choice of one tap (a language, a city)
 * is written and moves on by itself.
 */
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui_layout.h"
#include "zones.h"

#define _(s) gettext(s)

/* The step's title and "Step N of M" across the top of *R: beside it, or
 * (portrait, narrow) under it, so that the title keeps its size. */
static void
lay_firstboot_top(struct lay *l, struct ui_rect *r, const char *title)
{
	struct ui_rect top = ui_rect_cut_top(r, l->target, l->gap);
	struct ui_rect step = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	if (l->portrait)
		step = ui_rect_cut_top(r, lay_px(l, 26), l->gap);
	else
		top.w -= step.w + l->gap;
	lay_text(l, top, 28, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	/* TRANSLATORS: where the family is in the first-boot walk-through */
	lay_text(l, step, 18, UI_TEXT_RIGHT, UI_C_INK_DIM, _("Step %1$d of %2$d"), l->m->firstboot.step,
		 UI_FIRSTBOOT_STEPS);
}

/* Back (unless FIRST), Skip, and Next (unless NEXT is NULL) along the
 * bottom of *R; Back and Skip keep their places whatever else is there. */
static void
lay_firstboot_bottom(struct lay *l, struct ui_rect *r, bool first, const char *next)
{
	struct ui_rect bottom = ui_rect_cut_bottom(r, l->target, l->gap);
	struct lay_button_spec b[] = {
		{ first ? NULL : _("Back"), UI_ACT_FIRSTBOOT_BACK, false },
		{ _("Skip"), UI_ACT_FIRSTBOOT_SKIP, false },
		{ next, UI_ACT_FIRSTBOOT_NEXT, true },
	};
	lay_button_row(l, bottom, b, 3);
}

/* A step's frame: TITLE across the top, Back (unless FIRST), Skip and NEXT
 * along the bottom, and SAY, what the step is about, under the title.
 * *R keeps what is left for the step's choices. */
static void
lay_firstboot_frame(struct lay *l, struct ui_rect *r, const char *title, bool first,
		    const char *next, const char *say)
{
	lay_firstboot_top(l, r, title);
	lay_firstboot_bottom(l, r, first, next);
	lay_label(l, ui_rect_cut_top(r, lay_px(l, 70), l->gap), 20, 0, UI_C_INK_DIM, "%s", say);
}

/* N buttons in a grid of COLS columns filling BOX row by row, each as tall
 * as a touch target at the least; button I does ACTION with arg I. */
static void
lay_firstboot_grid(struct lay *l, struct ui_rect box, const char *const *labels, int n, int cols,
	       enum ui_action action, const bool *primary)
{
	if (n <= 0)
		return;
	int rows = (n + cols - 1) / cols;
	int h = (box.h - (rows - 1) * l->gap) / rows;
	if (h > lay_px(l, 110))
		h = lay_px(l, 110);
	if (h < l->target)
		h = l->target;
	for (int i = 0; i < n; i++) {
		struct ui_rect row = { box.x, box.y + (i / cols) * (h + l->gap), box.w, h };
		lay_button(l, ui_rect_column(row, i % cols, cols, l->gap), labels[i], action, i,
			   primary && primary[i]);
	}
}

void
lay_firstboot_language(struct lay *l, struct ui_rect r)
{
	/* in both languages: the family has not chosen yet */
	lay_firstboot_frame(l, &r, "Welcome · Bienvenue", true, NULL,
			    _("A few questions to set up the table. Any of them can be skipped."));
	static const char *const names[] = { "English", "Français" };
	bool on[2];
	for (int i = 0; i < 2; i++)
		on[i] = strcmp(l->cfg->language, ui_setting_languages[i]) == 0;
	lay_firstboot_grid(l, r, names, 2, l->portrait ? 1 : 2, UI_ACT_FIRSTBOOT_CHOOSE, on);
}

/* The zones' page (regions or cities) with its page buttons. */
static void
lay_firstboot_zones(struct lay *l, struct ui_rect r, bool cities)
{
	const struct ui_firstboot *s = &l->m->firstboot;
	char title[128];
	if (cities)
		/* TRANSLATORS: %s is a region of the world: "Europe: which city?" */
		snprintf(title, sizeof(title), _("%s: which city?"), zones_region_name(s->region ? s->region : ""));
	else
		snprintf(title, sizeof(title), "%s", _("Time zone: where is the table?"));
	lay_firstboot_top(l, &r, title);
	/* Back, the pages, Skip along the bottom; upright, the pages on a row
	 * of their own above, so that every label stays whole */
	struct ui_rect bottom = ui_rect_cut_bottom(&r, l->target, l->gap);
	struct ui_rect pages = l->portrait ? ui_rect_cut_bottom(&r, l->target, l->gap) : bottom;
	struct lay_button_spec b[] = {
		{ _("Back"), UI_ACT_FIRSTBOOT_BACK, false },
		{ s->zones_before ? _("Previous") : NULL, UI_ACT_FIRSTBOOT_PAGE, false },
		{ s->zones_after ? _("More") : NULL, UI_ACT_FIRSTBOOT_PAGE, false },
		{ _("Skip"), UI_ACT_FIRSTBOOT_SKIP, false },
	};
	if (l->portrait) {
		struct lay_button_spec ends[] = { b[0], b[3] };
		lay_button_row(l, bottom, ends, 2);
		lay_button_row(l, pages, b + 1, 2);
	} else {
		lay_button_row(l, bottom, b, 4);
	}
	/* lay_button_row gives every target arg 0: the pages go -1 and +1 */
	for (int i = 0; i < l->f->ntargets; i++)
		if (l->f->targets[i].action == UI_ACT_FIRSTBOOT_PAGE)
			l->f->targets[i].arg = l->f->targets[i].box.x < pages.x + pages.w / 2 ? -1 : 1;
	/* the zone in effect, so that a family already right skips */
	if (s->zone && s->zone[0]) {
		struct ui_rect now = ui_rect_cut_top(&r, lay_px(l, 30), l->gap);
		lay_text(l, now, 18, UI_TEXT_LEFT, UI_C_INK_DIM, _("Now: %s"), s->zone);
	}
	const char *labels[UI_FIRSTBOOT_ZONES_PAGE];
	char city[UI_FIRSTBOOT_ZONES_PAGE][ZONES_NAME + 8];
	bool on[UI_FIRSTBOOT_ZONES_PAGE];
	for (int i = 0; i < s->nzones; i++) {
		/* a city named as the settings' picker names it */
		if (cities)
			zones_city(s->zones[i], city[i], sizeof(city[i]));
		labels[i] = cities ? city[i] : zones_region_name(s->zones[i]);
		on[i] = i == s->zone_on;
	}
	lay_firstboot_grid(l, r, labels, s->nzones, l->portrait ? 2 : 4, UI_ACT_FIRSTBOOT_CHOOSE, on);
}

void
lay_firstboot_region(struct lay *l, struct ui_rect r)
{
	lay_firstboot_zones(l, r, false);
}

void
lay_firstboot_city(struct lay *l, struct ui_rect r)
{
	lay_firstboot_zones(l, r, true);
}

void
lay_firstboot_family(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	/* after a name: the next phone, or Next */
	lay_firstboot_frame(l, &r, _("Whose phone is whose?"), false, _("Next"),
			    m->family_named > 0 ? _("Named. Dock the next phone, or go on with Next.")
						: _("Dock one phone at a time, then type whose it is."));
	lay_family_cards(l, r);
}

/* A goal: its title, − the figure +. */
static void
lay_firstboot_goal(struct lay *l, struct ui_rect box, const char *title, int value, int arg)
{
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(box, lay_px(l, 6));
	struct ui_rect name = l->portrait ? ui_rect_cut_top(&in, in.h / 2, 0)
					  : ui_rect_cut_left(&in, in.w * 45 / 100, l->gap);
	lay_text(l, ui_rect_inset(name, lay_px(l, 6)), 22, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK,
		 "%s", title);
	int b = in.h < lay_px(l, 90) ? in.h : lay_px(l, 90);
	if (b < l->target)
		b = l->target;
	struct ui_rect less = ui_rect_cut_left(&in, b, l->gap);
	struct ui_rect more = { in.x + in.w - b, in.y, b, in.h };
	in.w -= b + l->gap;
	lay_button(l, less, "−", UI_ACT_FIRSTBOOT_GOAL, arg, false);
	lay_button(l, more, "+", UI_ACT_FIRSTBOOT_GOAL, arg + 1, false);
	lay_text(l, in, 36, UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_INK, "%d", value);
}

void
lay_firstboot_goals(struct lay *l, struct ui_rect r)
{
	const struct ui_firstboot *s = &l->m->firstboot;
	lay_firstboot_frame(l, &r, _("Goals for each week"), false, _("Next"),
			    _("Three shared meals a week without screens is a good start."));
	lay_firstboot_goal(l, ui_rect_row(r, 0, 2, l->gap), _("Shared meals a week"), s->meal_goal, 0);
	lay_firstboot_goal(l, ui_rect_row(r, 1, 2, l->gap), _("Walks a week"), s->walk_goal, 2);
}

void
lay_firstboot_rituals(struct lay *l, struct ui_rect r)
{
	const struct ui_firstboot *s = &l->m->firstboot;
	lay_firstboot_frame(l, &r, _("Three moments every week"), false, _("Finish"),
			    _("Keep the ones that suit you: the settings change them later."));
	if (s->nrituals <= 0)
		return;
	int h = (r.h - (s->nrituals - 1) * l->gap) / s->nrituals;
	if (h > lay_px(l, 100))
		h = lay_px(l, 100);
	for (int i = 0; i < s->nrituals; i++) {
		const struct ft_ritual *rt = &s->rituals[i];
		struct ui_rect box = { r.x, r.y + i * (h + l->gap), r.w, h };
		char hhmm[CAL_HHMM_SIZE];
		cal_format_minute(rt->minute, hhmm);
		/* kept: in the colour of its kind, ticked; left out: plain and
		 * dim, so that Done stays the one coloured button */
		bool on = s->ritual_on[i];
		enum ui_color soft = rt->kind == FT_RITUAL_MEAL ? UI_C_MEAL_SOFT
				   : rt->kind == FT_RITUAL_WALK ? UI_C_WALK_SOFT : UI_C_HUG_SOFT;
		lay_rect(l, box, on ? soft : UI_C_BUTTON, lay_px(l, 12));
		struct ui_rect in = ui_rect_inset(box, lay_px(l, 8));
		struct ui_rect mark = ui_rect_cut_left(&in, lay_px(l, 40), l->gap);
		lay_text(l, mark, 26, UI_TEXT_BOLD, on ? UI_C_INK : UI_C_INK_DIM, "%s", on ? "✓" : "–");
		lay_text(l, in, 22, UI_TEXT_LEFT | (on ? UI_TEXT_BOLD : 0), on ? UI_C_INK : UI_C_INK_DIM,
			 "%s %s · %s", ui_weekday_long(rt->weekday), hhmm, rt->label);
		lay_target(l, box, UI_ACT_FIRSTBOOT_RITUAL, i);
	}
}
