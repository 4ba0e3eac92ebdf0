/*
 * ui.h - the drawing side of the table display: how a model (model.h) is
 * laid out (struct ui_frame, a list of boxes with measured text) and how a
 * frame is drawn (struct ui_draw, SDL2 + SDL2_ttf). The layout's primitives
 * are in src/ui_layout.c, one screen a file in src/screen_*.c.
 *
 * Layout and drawing are split on purpose: ui_layout() turns a model into a
 * frame of plain boxes, each text with the size it was fitted at and its
 * measured extent, and each touch target with its action. Tests check the
 * frame (no text leaves its box, targets big enough, figures big enough) at
 * every size without a screen; ui_draw_frame() draws the same frame for the
 * live display and for `screenshot`, so both show exactly the same thing.
 */
#ifndef FT_UI_H
#define FT_UI_H

#include <SDL.h>
#include <SDL_ttf.h>

#include "model.h"

struct ui_rect {
	int x, y, w, h;
};

enum ui_color {
	UI_C_BG, UI_C_CARD, UI_C_INK, UI_C_INK_DIM, UI_C_LINE,
	UI_C_MEAL, UI_C_MEAL_SOFT, UI_C_WALK, UI_C_WALK_SOFT, UI_C_HUG, UI_C_HUG_SOFT,
	UI_C_BUTTON, UI_C_PRIMARY, UI_C_ON_PRIMARY, UI_C_BANNER, UI_C_ON_BANNER,
	UI_C_SCRIM, UI_C_TODAY,
	UI_C_COUNT
};

enum ui_item_kind { UI_ITEM_RECT, UI_ITEM_TEXT, UI_ITEM_RING, UI_ITEM_DISC };

#define UI_TEXT_BOLD 1u
#define UI_TEXT_LEFT 2u        /* else centred */
#define UI_TEXT_RIGHT 4u
#define UI_TEXT_FIGURE 8u      /* a main figure: big enough to read across the room */
#define UI_TEXT_MAX 160

struct ui_item {
	enum ui_item_kind kind;
	struct ui_rect box;        /* text: the box it must stay in */
	enum ui_color color;
	int radius;                /* rect: corner radius; ring: thickness */
	float fraction;            /* ring: how much of it is drawn, 0..1 */
	/* text */
	char text[UI_TEXT_MAX];    /* UTF-8, maybe shortened with an ellipsis */
	unsigned flags;
	int px;                    /* font size it was fitted at */
	int text_w, text_h;        /* measured at px: within box */
	bool shortened;            /* it did not fit even at the smallest size */
};

struct ui_target {
	struct ui_rect box;
	enum ui_action action;
	int arg;
};

#define UI_MAX_ITEMS 400
#define UI_MAX_TARGETS 24

struct ui_frame {
	int w, h;
	float scale;               /* 1 at 800x480 */
	enum ui_screen screen;
	struct ui_item items[UI_MAX_ITEMS];
	int nitems;
	bool overflow;             /* more items than fit: a layout bug */
	struct ui_target targets[UI_MAX_TARGETS];
	int ntargets;
	/* the keyboard's keys (UI_KEYBOARD; w == 0 elsewhere): a finger that
	 * goes down there types, held and slid as the keyboard model says */
	struct ui_rect keys;
};

/* Fonts from fonts-dejavu-core, opened per size and kept. */
struct ui_fonts;
struct ui_fonts *ui_fonts_open(struct ft_error *err);
void ui_fonts_close(struct ui_fonts *f);
TTF_Font *ui_font(struct ui_fonts *f, int px, bool bold);
/* TEXT's size at PX (the font's height for ""), measured once and kept. */
bool ui_text_size(struct ui_fonts *f, const char *text, int px, bool bold, int *w, int *h);
/* How many measurements SDL_ttf made so far (the kept ones' misses). */
unsigned long ui_fonts_measured(const struct ui_fonts *f);
/* The smallest text the layout may use at scale 1 (and scaled). */
#define UI_MIN_TEXT_PX 13

/* Lays out SCREEN for a W x H picture (before any rotation). */
void ui_layout(struct ui_fonts *fonts, const struct ui_model *m, enum ui_screen screen,
	       int w, int h, struct ui_frame *out);
/* The target under logical point (X, Y), or NULL. Later targets win
 * (a confirmation covers what is under it). */
const struct ui_target *ui_hit(const struct ui_frame *f, int x, int y);

/* Drawing. A ui_draw keeps the renderer's cached text textures. */
struct ui_draw;
struct ui_draw *ui_draw_create(SDL_Renderer *r, struct ui_fonts *fonts);
void ui_draw_destroy(struct ui_draw *d);
/* Draws F into the current render target, theme by NIGHT. */
void ui_draw_frame(struct ui_draw *d, const struct ui_frame *f, bool night);
/* How many text textures were made so far (the cache's misses). */
unsigned long ui_draw_text_renders(const struct ui_draw *d);
SDL_Color ui_color(enum ui_color c, bool night);

/* Lays out and draws SCREEN headless (software renderer into a surface),
 * the way `screenshot` does; FRAME (may be NULL) gets the layout. The caller
 * frees the surface. */
SDL_Surface *ui_render_surface(struct ui_fonts *fonts, const struct ui_model *m,
			       enum ui_screen screen, int w, int h, struct ui_frame *frame);

/* Rotation (SPEC §6 [display] rotation, clockwise): the logical size for a
 * physical W x H panel, the picture turned onto it, and touches turned back. */
void ui_logical_size(int rotation, int phys_w, int phys_h, int *w, int *h);
/* Copies TEXTURE (logical size) onto the current target, turned by ROTATION. */
void ui_present_rotated(SDL_Renderer *r, SDL_Texture *texture, int rotation,
			int phys_w, int phys_h);
/* A physical point (pixels, may be fractional) to logical pixels. */
void ui_touch_to_logical(int rotation, int phys_w, int phys_h, float px, float py,
			 int *lx, int *ly);

/* Languages: gettext, domain "familytable". LANGUAGE is "en", "fr" or ""
 * (the locale's). Looks for the catalogues next to the program (the build
 * dir), then in FT_DATADIR/../locale. */
void ui_i18n_init(const char *language);
/* the names of days, months and meals: model.h */

#endif
