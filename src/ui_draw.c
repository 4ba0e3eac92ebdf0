/*
 * ui_draw.c - a laid-out frame onto an SDL renderer, text cached as
 * textures; rotation of the picture and of touches.
 *
 * Shapes are triangles through SDL_RenderGeometry (rounded cards, discs, the
 * hug's progress ring), so the same code draws with the Pi's GPU renderer and
 * with the software renderer of `screenshot`. Text textures are cached by
 * (text, size, weight, colour) and dropped when a few frames went by without
 * them: an idle display redraws the clock once a minute and renders one new
 * string, not the whole screen's.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui_layout_json.h"

#define UI_TEXT_CACHE 256
#define UI_TEXT_KEEP_FRAMES 4 /* frames an unused texture survives */

struct ui_text_entry {
	SDL_Texture *texture;
	uint32_t hash;
	char text[UI_TEXT_MAX];
	int px;
	bool bold;
	uint32_t rgba;
	int w, h;
	unsigned long frame;       /* last frame it was drawn in */
};

struct ui_draw {
	SDL_Renderer *renderer;
	struct ui_fonts *fonts;
	struct ui_text_entry cache[UI_TEXT_CACHE];
	unsigned long frame;
	unsigned long renders;
};

/* Calm colours: warm paper by day, near black with muted tones by night. */
static const SDL_Color ui_palette[2][UI_C_COUNT] = {
	{
		[UI_C_BG] = { 0xF3, 0xEE, 0xE5, 255 },
		[UI_C_CARD] = { 0xFB, 0xF8, 0xF2, 255 },
		[UI_C_INK] = { 0x2E, 0x33, 0x36, 255 },
		[UI_C_INK_DIM] = { 0x6A, 0x6E, 0x70, 255 },
		[UI_C_LINE] = { 0xDA, 0xD3, 0xC7, 255 },
		[UI_C_MEAL] = { 0x5B, 0x8A, 0x68, 255 },
		[UI_C_MEAL_SOFT] = { 0xD5, 0xE4, 0xD6, 255 },
		[UI_C_WALK] = { 0x4D, 0x77, 0x96, 255 },
		[UI_C_WALK_SOFT] = { 0xD3, 0xE0, 0xEA, 255 },
		[UI_C_HUG] = { 0xB8, 0x72, 0x55, 255 },
		[UI_C_HUG_SOFT] = { 0xF0, 0xDD, 0xD2, 255 },
		[UI_C_BUTTON] = { 0xE7, 0xE0, 0xD4, 255 },
		[UI_C_PRIMARY] = { 0x5B, 0x8A, 0x68, 255 },
		[UI_C_ON_PRIMARY] = { 0xFF, 0xFF, 0xFF, 255 },
		[UI_C_BANNER] = { 0xF2, 0xE2, 0xBC, 255 },
		[UI_C_ON_BANNER] = { 0x4A, 0x3F, 0x2A, 255 },
		[UI_C_SCRIM] = { 0x2E, 0x33, 0x36, 150 },
		[UI_C_TODAY] = { 0xEA, 0xE3, 0xD6, 255 },
	},
	{
		[UI_C_BG] = { 0x11, 0x13, 0x15, 255 },
		[UI_C_CARD] = { 0x1A, 0x1D, 0x20, 255 },
		[UI_C_INK] = { 0xB5, 0xAF, 0xA5, 255 },
		[UI_C_INK_DIM] = { 0x76, 0x72, 0x6B, 255 },
		[UI_C_LINE] = { 0x2E, 0x32, 0x36, 255 },
		[UI_C_MEAL] = { 0x6A, 0x93, 0x75, 255 },
		[UI_C_MEAL_SOFT] = { 0x25, 0x33, 0x2A, 255 },
		[UI_C_WALK] = { 0x66, 0x88, 0xA1, 255 },
		[UI_C_WALK_SOFT] = { 0x21, 0x2D, 0x37, 255 },
		[UI_C_HUG] = { 0xA8, 0x74, 0x5D, 255 },
		[UI_C_HUG_SOFT] = { 0x36, 0x29, 0x23, 255 },
		[UI_C_BUTTON] = { 0x27, 0x2B, 0x2F, 255 },
		[UI_C_PRIMARY] = { 0x3C, 0x63, 0x47, 255 },
		[UI_C_ON_PRIMARY] = { 0xD8, 0xD4, 0xCC, 255 },
		[UI_C_BANNER] = { 0x38, 0x30, 0x20, 255 },
		[UI_C_ON_BANNER] = { 0xD6, 0xC6, 0x9E, 255 },
		[UI_C_SCRIM] = { 0x00, 0x00, 0x00, 170 },
		[UI_C_TODAY] = { 0x22, 0x26, 0x29, 255 },
	},
};

SDL_Color
ui_color(enum ui_color c, bool night)
{
	return ui_palette[night ? 1 : 0][c];
}

struct ui_draw *
ui_draw_create(SDL_Renderer *r, struct ui_fonts *fonts)
{
	struct ui_draw *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->renderer = r;
	d->fonts = fonts;
	return d;
}

void
ui_draw_destroy(struct ui_draw *d)
{
	if (!d)
		return;
	for (int i = 0; i < UI_TEXT_CACHE; i++)
		if (d->cache[i].texture)
			SDL_DestroyTexture(d->cache[i].texture);
	free(d);
}

unsigned long
ui_draw_text_renders(const struct ui_draw *d)
{
	return d->renders;
}

static uint32_t
ui_hash(const char *s, int px, bool bold, uint32_t rgba)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	h = (h ^ (uint32_t)px) * 16777619u;
	h = (h ^ (uint32_t)bold) * 16777619u;
	return (h ^ rgba) * 16777619u;
}

/* The texture of one string, from the cache or rendered now. */
static struct ui_text_entry *
ui_text_texture(struct ui_draw *d, const char *text, int px, bool bold, SDL_Color c)
{
	uint32_t rgba = (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
	uint32_t h = ui_hash(text, px, bold, rgba);
	struct ui_text_entry *victim = NULL;
	for (int i = 0; i < UI_TEXT_CACHE; i++) {
		struct ui_text_entry *e = &d->cache[i];
		if (e->texture && e->hash == h && e->px == px && e->bold == bold &&
		    e->rgba == rgba && strcmp(e->text, text) == 0) {
			e->frame = d->frame;
			return e;
		}
		if (!e->texture)
			victim = victim && !victim->texture ? victim : e;
		else if (!victim || (victim->texture && e->frame < victim->frame))
			victim = e;
	}
	TTF_Font *font = ui_font(d->fonts, px, bold);
	if (!font)
		return NULL;
	SDL_Surface *s = TTF_RenderUTF8_Blended(font, text, c);
	if (!s)
		return NULL;
	SDL_Texture *t = SDL_CreateTextureFromSurface(d->renderer, s);
	int w = s->w, hh = s->h;
	SDL_FreeSurface(s);
	if (!t)
		return NULL;
	d->renders++;
	if (victim->texture)
		SDL_DestroyTexture(victim->texture);
	*victim = (struct ui_text_entry){
		.texture = t, .hash = h, .px = px, .bold = bold, .rgba = rgba,
		.w = w, .h = hh, .frame = d->frame,
	};
	snprintf(victim->text, sizeof(victim->text), "%s", text);
	return victim;
}

/* Textures no frame asked for lately go, so the cache holds what is on
 * screen (and the strings just before, a minute's clock for instance). */
static void
ui_text_sweep(struct ui_draw *d)
{
	for (int i = 0; i < UI_TEXT_CACHE; i++) {
		struct ui_text_entry *e = &d->cache[i];
		if (e->texture && d->frame - e->frame > UI_TEXT_KEEP_FRAMES) {
			SDL_DestroyTexture(e->texture);
			e->texture = NULL;
		}
	}
}

/* The colour of the rectangles to fill. An opaque one is copied, not
 * blended: SDL's software renderer blends a fill pixel by pixel whatever
 * the alpha, ten times the cost of its row-by-row copy (the same pixels:
 * blending at alpha 255 gives the colour itself). */
static void
ui_fill_color(SDL_Renderer *r, SDL_Color c)
{
	SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

#define UI_POLY_MAX 200

/* A convex polygon, filled as a fan around its first point. */
static void
ui_fill_convex(SDL_Renderer *r, const SDL_FPoint *pts, int n, SDL_Color c)
{
	SDL_Vertex v[UI_POLY_MAX];
	int idx[3 * UI_POLY_MAX];
	if (n < 3 || n > UI_POLY_MAX)
		return;
	for (int i = 0; i < n; i++)
		v[i] = (SDL_Vertex){ .position = pts[i], .color = c };
	int k = 0;
	for (int i = 1; i + 1 < n; i++) {
		idx[k++] = 0;
		idx[k++] = i;
		idx[k++] = i + 1;
	}
	SDL_RenderGeometry(r, NULL, v, n, idx, k);
}

/*
 * Large areas are filled with rectangles, which every renderer fills fast
 * (SDL's software renderer as a memset per row); only the small curved parts
 * go through SDL_RenderGeometry, whose software triangles cost per pixel
 * (a whole rounded card or disc as a fan made a frame 3-4 times slower).
 */
static void
ui_fill_rounded(SDL_Renderer *r, struct ui_rect b, int radius, SDL_Color c)
{
	if (radius * 2 > b.w)
		radius = b.w / 2;
	if (radius * 2 > b.h)
		radius = b.h / 2;
	ui_fill_color(r, c);
	if (radius <= 1) {
		SDL_Rect rect = { b.x, b.y, b.w, b.h };
		SDL_RenderFillRect(r, &rect);
		return;
	}
	/* The cross: the middle column whole, the two side strips between
	 * the corners; they do not overlap, so a colour with alpha blends once. */
	SDL_Rect cross[3] = {
		{ b.x + radius, b.y, b.w - 2 * radius, b.h },
		{ b.x, b.y + radius, radius, b.h - 2 * radius },
		{ b.x + b.w - radius, b.y + radius, radius, b.h - 2 * radius },
	};
	SDL_RenderFillRects(r, cross, 3);
	enum { STEPS = 10 };
	const float cx[4] = { (float)(b.x + b.w - radius), (float)(b.x + b.w - radius),
			      (float)(b.x + radius), (float)(b.x + radius) };
	const float cy[4] = { (float)(b.y + radius), (float)(b.y + b.h - radius),
			      (float)(b.y + b.h - radius), (float)(b.y + radius) };
	for (int corner = 0; corner < 4; corner++) {
		/* Corners clockwise from the top right, each a quarter turn
		 * fanned from the corner square's inner point. */
		SDL_FPoint pts[STEPS + 2];
		int n = 0;
		float a0 = (float)(-M_PI / 2 + corner * M_PI / 2);
		pts[n++] = (SDL_FPoint){ cx[corner], cy[corner] };
		for (int i = 0; i <= STEPS; i++) {
			float a = a0 + (float)(M_PI / 2) * (float)i / STEPS;
			pts[n++] = (SDL_FPoint){ cx[corner] + radius * cosf(a),
						 cy[corner] + radius * sinf(a) };
		}
		ui_fill_convex(r, pts, n, c);
	}
}

/* A disc, one span a row. */
static void
ui_fill_disc(SDL_Renderer *r, struct ui_rect b, SDL_Color c)
{
	enum { MAX_ROWS = 1024 };
	SDL_Rect rows[MAX_ROWS];
	float cx = b.x + b.w / 2.0f, cy = b.y + b.h / 2.0f;
	float rad = (b.w < b.h ? b.w : b.h) / 2.0f;
	int n = 0;
	for (int y = (int)floorf(cy - rad); y < (int)ceilf(cy + rad) && n < MAX_ROWS; y++) {
		float dy = (float)y + 0.5f - cy;
		if (dy * dy >= rad * rad)
			continue;
		float half = sqrtf(rad * rad - dy * dy);
		int x0 = (int)lroundf(cx - half), x1 = (int)lroundf(cx + half);
		if (x1 > x0)
			rows[n++] = (SDL_Rect){ x0, y, x1 - x0, 1 };
	}
	ui_fill_color(r, c);
	SDL_RenderFillRects(r, rows, n);
}

/* An arc of a ring, clockwise from twelve o'clock, FRACTION of a turn. */
static void
ui_fill_ring(SDL_Renderer *r, struct ui_rect b, int thickness, float fraction, SDL_Color c)
{
	enum { STEPS = 120 };
	SDL_Vertex v[2 * (STEPS + 1)];
	int idx[6 * STEPS];
	if (fraction <= 0)
		return;
	if (fraction > 1)
		fraction = 1;
	float cx = b.x + b.w / 2.0f, cy = b.y + b.h / 2.0f;
	float outer = (b.w < b.h ? b.w : b.h) / 2.0f, inner = outer - (float)thickness;
	int steps = (int)ceilf(STEPS * fraction);
	if (steps < 1)
		steps = 1;
	for (int i = 0; i <= steps; i++) {
		float a = (float)(-M_PI / 2) + (float)(2 * M_PI) * fraction * (float)i / (float)steps;
		v[2 * i] = (SDL_Vertex){ .position = { cx + outer * cosf(a), cy + outer * sinf(a) },
					 .color = c };
		v[2 * i + 1] = (SDL_Vertex){ .position = { cx + inner * cosf(a), cy + inner * sinf(a) },
					     .color = c };
	}
	int k = 0;
	for (int i = 0; i < steps; i++) {
		int o0 = 2 * i, i0 = 2 * i + 1, o1 = 2 * i + 2, i1 = 2 * i + 3;
		idx[k++] = o0; idx[k++] = i0; idx[k++] = o1;
		idx[k++] = o1; idx[k++] = i0; idx[k++] = i1;
	}
	SDL_RenderGeometry(r, NULL, v, 2 * (steps + 1), idx, k);
}

static void
ui_draw_text(struct ui_draw *d, const struct ui_item *it, bool night)
{
	if (!it->text[0])
		return;
	struct ui_text_entry *e =
		ui_text_texture(d, it->text, it->px, it->flags & UI_TEXT_BOLD, ui_color(it->color, night));
	if (!e)
		return;
	/* placed as `screenshot --layout` reports it */
	struct ui_rect at = ui_text_place(it, e->w, e->h);
	SDL_Rect dst = { at.x, at.y, at.w, at.h };
	SDL_RenderCopy(d->renderer, e->texture, NULL, &dst);
}

void
ui_draw_frame(struct ui_draw *d, const struct ui_frame *f, bool night)
{
	SDL_Renderer *r = d->renderer;
	d->frame++;
	SDL_Color bg = ui_color(UI_C_BG, night);
	SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(r, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(r);
	for (int i = 0; i < f->nitems; i++) {
		const struct ui_item *it = &f->items[i];
		SDL_Color c = ui_color(it->color, night);
		switch (it->kind) {
		case UI_ITEM_RECT:
			ui_fill_rounded(r, it->box, it->radius, c);
			break;
		case UI_ITEM_DISC:
			ui_fill_disc(r, it->box, c);
			break;
		case UI_ITEM_RING:
			ui_fill_ring(r, it->box, it->radius, it->fraction, c);
			break;
		case UI_ITEM_TEXT:
			ui_draw_text(d, it, night);
			break;
		}
	}
	ui_text_sweep(d);
}

void
ui_logical_size(int rotation, int phys_w, int phys_h, int *w, int *h)
{
	bool quarter = rotation == 90 || rotation == 270;
	*w = quarter ? phys_h : phys_w;
	*h = quarter ? phys_w : phys_h;
}

void
ui_present_rotated(SDL_Renderer *r, SDL_Texture *texture, int rotation, int phys_w, int phys_h)
{
	int lw, lh;
	ui_logical_size(rotation, phys_w, phys_h, &lw, &lh);
	/* Turning about the centre of a box centred on the panel: a quarter
	 * turn of an lw x lh box covers exactly the phys_w x phys_h panel. */
	SDL_Rect dst = { (phys_w - lw) / 2, (phys_h - lh) / 2, lw, lh };
	if (rotation == 0)
		SDL_RenderCopy(r, texture, NULL, &dst);
	else
		SDL_RenderCopyEx(r, texture, NULL, &dst, rotation, NULL, SDL_FLIP_NONE);
}

void
ui_touch_to_logical(int rotation, int phys_w, int phys_h, float px, float py, int *lx, int *ly)
{
	float x, y;
	/* The inverse of the clockwise turn of ui_present_rotated(). */
	switch (rotation) {
	case 90:
		x = py;
		y = (float)phys_w - px;
		break;
	case 180:
		x = (float)phys_w - px;
		y = (float)phys_h - py;
		break;
	case 270:
		x = (float)phys_h - py;
		y = px;
		break;
	default:
		x = px;
		y = py;
		break;
	}
	*lx = (int)floorf(x);
	*ly = (int)floorf(y);
}

SDL_Surface *
ui_render_surface(struct ui_fonts *fonts, const struct ui_model *m, enum ui_screen screen,
		  int w, int h, struct ui_frame *frame)
{
	struct ui_frame *f = frame ? frame : malloc(sizeof(*f));
	if (!f)
		return NULL;
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s)
		goto out;
	SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
	if (!r) {
		SDL_FreeSurface(s);
		s = NULL;
		goto out;
	}
	struct ui_draw *d = ui_draw_create(r, fonts);
	if (d) {
		ui_layout(fonts, m, screen, w, h, f);
		ui_draw_frame(d, f, m->night);
		SDL_RenderPresent(r);
		ui_draw_destroy(d);
	}
	SDL_DestroyRenderer(r);
out:
	if (!frame)
		free(f);
	return s;
}
