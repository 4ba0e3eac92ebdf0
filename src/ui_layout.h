/*
 * ui_layout.h - the primitives every screen is laid out with (internal to
 * the display: src/ui_layout.c and src/screen_*.c).
 *
 * A screen is a function from the model to boxes: lay_glance(), lay_meal(),
 * lay_walk(), lay_hug(), lay_review(), one file each, each cutting its
 * content rectangle with the ui_rect_* helpers and filling it with cards,
 * fitted text and buttons (which are touch targets too). Sizes are design
 * units at 800x480, scaled by lay_px(); a touch target is never smaller
 * than 60 units.
 */
#ifndef FT_UI_LAYOUT_H
#define FT_UI_LAYOUT_H

#include "ui.h"

/* The layout in progress: the frame being filled and what it is built from. */
struct lay {
	struct ui_frame *f;
	struct ui_fonts *fonts;
	const struct ui_model *m;
	const struct ft_config *cfg;
	const struct report *r;
	float s;          /* scale: 1 at 800x480 */
	int gap;          /* between blocks */
	int pad;          /* inside cards */
	int target;       /* smallest touch target */
	bool portrait;
};

/* A column of lines from the top of a box. */
struct lay_col {
	struct ui_rect r;
	int y;
};

/* A row of N buttons in BOX, their labels all at one size: the largest
 * the longest label allows. */
struct lay_button_spec {
	const char *label;
	enum ui_action action;
	bool primary;
};


/* Buttons' labels, in design units. */
#define LAY_BUTTON_PX 22

/* --- geometry -------------------------------------------------------------- */

/* V design units at this frame's scale, in pixels. */
int lay_px(const struct lay *l, float v);
struct ui_rect ui_rect_inset(struct ui_rect r, int d);
/* Cut a band of H off the top (or bottom) of *R, with GAP after it. */
struct ui_rect ui_rect_cut_top(struct ui_rect *r, int h, int gap);
struct ui_rect ui_rect_cut_bottom(struct ui_rect *r, int h, int gap);
struct ui_rect ui_rect_cut_left(struct ui_rect *r, int w, int gap);
/* Column (row) I of N equal ones of R, GAP between them. */
struct ui_rect ui_rect_column(struct ui_rect r, int i, int n, int gap);
struct ui_rect ui_rect_row(struct ui_rect r, int i, int n, int gap);

/* --- shapes and targets ---------------------------------------------------- */

void lay_rect(struct lay *l, struct ui_rect box, enum ui_color c, int radius);
void lay_card(struct lay *l, struct ui_rect box, enum ui_color c);
void lay_disc(struct lay *l, struct ui_rect box, enum ui_color c);
void lay_ring(struct lay *l, struct ui_rect box, int thickness, float fraction, enum ui_color c);
void lay_target(struct lay *l, struct ui_rect box, enum ui_action action, int arg);
/* A new item of the frame (NULL when the frame is full: f->overflow). */
struct ui_item *lay_item(struct lay *l, enum ui_item_kind kind, struct ui_rect box, enum ui_color c);

/* --- text: fitted, never clipped (ui_layout_text.c) ------------------------ */

bool lay_measure(struct lay *l, const char *text, int size, bool bold, int *w, int *h);
int lay_line_height(struct lay *l, int size, bool bold);
/* The smallest text size at this scale, in pixels. */
int lay_min_px(const struct lay *l);
/* Text of SIZE design units in BOX, printf-style: shrunk to fit (not below
 * lay_min_px), then shortened with an ellipsis. */
struct ui_item *lay_text(struct lay *l, struct ui_rect box, float size, unsigned flags,
	enum ui_color c, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The same at an absolute pixel size (the big figures). */
struct ui_item *lay_text_px(struct lay *l, struct ui_rect box, int size, unsigned flags,
	enum ui_color c, const char *text);
/* Exactly SIZE pixels: shortened, never shrunk (a list reads at one size). */
struct ui_item *lay_text_fixed(struct lay *l, struct ui_rect box, int size,
	unsigned flags, enum ui_color c, const char *text);
/* Where TEXT breaks to fit WIDTH at SIZE (0: it fits, or cannot break). */
size_t lay_break(struct lay *l, const char *text, int size, bool bold, int width);
/* A person's name in BOX (issue 12, point 4): whole when it fits at SIZE,
 * else its first part ("Marie-Christine" -> "Marie", "Jean Baptiste" ->
 * "Jean") when that fits, else shrunk, and cut with an ellipsis between
 * two characters only at the last resort. Into OUT (NAME's size) goes the
 * name as shown. */
const char *lay_short_name(struct lay *l, const char *name, int px, bool bold, int width,
			   char out[FT_NAME_MAX]);
void lay_name(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	      const char *name);
/* A sentence centred in BOX, on one line or two when that reads bigger. */
void lay_label(struct lay *l, struct ui_rect box, float size, unsigned flags,
	enum ui_color c, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The next line of a column, or false when there is no room left. */
bool lay_col_line(struct lay *l, struct lay_col *c, float size, bool bold, struct ui_rect *line);

/* --- composite pieces -------------------------------------------------------- */

void lay_button(struct lay *l, struct ui_rect box, const char *label,
	enum ui_action action, int arg, bool primary);
/* N buttons side by side, their labels at one size; a spec whose label is
 * NULL leaves its place empty. */
void lay_button_row(struct lay *l, struct ui_rect box, const struct lay_button_spec *b, int n);
/* The big count and its goal beside it, centred in BOX. */
void lay_figure(struct lay *l, struct ui_rect box, int count, int goal, enum ui_color c);
/* A title and a Home button across the top of *R (cut off it). */
void lay_back_row(struct lay *l, struct ui_rect *r, const char *title);

/* --- what the screens say ---------------------------------------------------- */

void lay_fmt_clock(ft_ms t, char out[8]);                      /* "19:05" */
void lay_fmt_date(ft_ms t, char *out, size_t size);             /* "Monday 30 November" */
void lay_fmt_minutes(ft_ms length, char *out, size_t size);     /* "43 min", "1 h 05" */
const char *lay_streak_text(const struct streak *st, char *out, size_t size);

/* --- the screens, one file each (src/screen_NAME.c) --------------------------- */

void lay_glance(struct lay *l, struct ui_rect r);
void lay_meal(struct lay *l, struct ui_rect r);
void lay_walk(struct lay *l, struct ui_rect r);
void lay_hug(struct lay *l, struct ui_rect r);
void lay_review(struct lay *l, struct ui_rect r);
void lay_settings(struct lay *l, struct ui_rect r);
void lay_fixes(struct lay *l, struct ui_rect r);
void lay_call_who(struct lay *l, struct ui_rect r);
void lay_call_whom(struct lay *l, struct ui_rect r);
void lay_keyboard(struct lay *l, struct ui_rect r);
void lay_family(struct lay *l, struct ui_rect r);
/* The family's cards in R, one per slot: its name, Change (or Name) and
 * Remove (src/screen_family.c; the walk-through's family step too). */
void lay_family_cards(struct lay *l, struct ui_rect r);
/* Where the keyboard's keys go in a W x H frame at scale S (the lower part,
 * at most four rows of 80 units, edge to edge in portrait). */
struct ui_rect lay_keyboard_keys(struct ui_rect content, int w, int h, float s);
/* The review's weeks: "30 Nov" for WEEK (its Monday), and the legend
 * of the grey (away) and shaded (in progress) weeks along BOX. */
void lay_week_date(int64_t week, char *out, size_t size);
void lay_week_legend(struct lay *l, struct ui_rect box, bool away, bool in_progress);
void lay_together(struct lay *l, struct ui_rect r);   /* src/screen_together.c */
void lay_year(struct lay *l, struct ui_rect r);       /* src/screen_year.c */
/* The review's top row, shared by its pages: the arrows to an earlier or
 * later week around the week's title, and BACK (the review itself on its
 * pages, "Close" on the review) at the right; cut off *R. EXTRA (may be
 * NULL) is one more button before BACK. */
void lay_review_top(struct lay *l, struct ui_rect *r, const struct lay_button_spec *extra,
		    const struct lay_button_spec *back);
/* the first-boot walk-through, a screen a step (src/screen_firstboot.c) */
void lay_firstboot_language(struct lay *l, struct ui_rect r);
void lay_firstboot_region(struct lay *l, struct ui_rect r);
void lay_firstboot_city(struct lay *l, struct ui_rect r);
void lay_firstboot_family(struct lay *l, struct ui_rect r);
void lay_firstboot_goals(struct lay *l, struct ui_rect r);
void lay_firstboot_rituals(struct lay *l, struct ui_rect r);
/* the settings beyond the first screen (src/screen_setup.c,
 * src/screen_clock.c) and the walk added after the fact
 * (src/screen_fixes.c) */
void lay_rituals(struct lay *l, struct ui_rect r);
void lay_ritual(struct lay *l, struct ui_rect r);
void lay_windows(struct lay *l, struct ui_rect r);
void lay_window(struct lay *l, struct ui_rect r);
void lay_screen_clock(struct lay *l, struct ui_rect r);
void lay_zone_region(struct lay *l, struct ui_rect r);
void lay_zone_city(struct lay *l, struct ui_rect r);
void lay_add_walk(struct lay *l, struct ui_rect r);
/* Their pieces: a title (or why a change was refused) with Back or Cancel
 * (BACK and ARG) across the top of *R; a stepper "− VALUE +" whose buttons
 * do ACTION with LESS and MORE; whether the key NAME was set here (so Put
 * back is offered). */
void lay_setup_top(struct lay *l, struct ui_rect *r, const char *title, enum ui_action back,
		   int arg);
void lay_stepper(struct lay *l, struct ui_rect box, const char *value, enum ui_action action,
		 int less, int more);
bool lay_key_from_display(const struct lay *l, const char *name);
/* A row of the first settings screen (src/screen_settings.c): its title,
 * where its value comes from, − value + (or the choices), Put back;
 * STACKED: the title above the controls. */
void lay_setting_row(struct lay *l, struct ui_rect box, enum ui_setting row, bool stacked);

#endif
