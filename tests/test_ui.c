/*
 * test_ui.c - the table display without a screen (SDL's software renderer):
 *
 *   - every screen lays out and renders at 800x480, 1024x600, 1280x720 and
 *     720x1280, in English and French, from a database a scenario built,
 *     with long names ("Marie-Christine"), fault banners and the undo button:
 *     no text leaves its box, no two texts overlap, every touch target is at
 *     least 60 px at 800x480 (scaled), the main figures are at least a sixth
 *     of the screen high;
 *   - [display] rotation turns touches back exactly as the picture was
 *     turned (checked on real pixels).
 *   (the rules behind what shows, undo and the review coming up by itself,
 *   are in test_live_state.c and test_live.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "engine.h"
#include "report.h"
#include "simulate.h"
#include "store.h"
#include "live.h"
#include "ui.h"

static const char *const family_conf =
	"[dock]\n"
	"lines = 17 27 22 23\n"
	"names = \"Marie-Christine\" Chloé \"Jean-Baptiste\" Léopoldine\n"
	"[rituals]\n"
	"ritual = mon 18:00 call \"Call Grand-mère Geneviève in Saint-Étienne\"\n"
	"ritual = thu 12:00 meal \"Shared lunch\"\n"
	"ritual = sun 09:30 walk \"Family walk along the river\"\n"
	"[time]\n"
	"timezone = Europe/Paris\n";

/* A week and a bit: dinners, a lunch, a walk, hugs, a call, and a dinner
 * still in progress at the end (phones docked). */
static const char *const family_scn =
	"2026-11-24T19:00:00+01:00 dock 1 in\n"
	"2026-11-24T19:00:00+01:00 dock 2 in\n"
	"2026-11-24T19:40:00+01:00 dock 1 out\n"
	"2026-11-24T19:40:00+01:00 dock 2 out\n"
	"2026-11-30T18:05:00+01:00 tap call\n"
	"2026-11-30T19:02:00+01:00 dock 1 in\n"
	"2026-11-30T19:02:40+01:00 dock 3 in\n"
	"2026-11-30T19:03:10+01:00 dock 4 in\n"
	"2026-11-30T19:48:00+01:00 dock 1 out\n"
	"2026-11-30T19:48:05+01:00 dock 3 out\n"
	"2026-11-30T19:48:20+01:00 dock 4 out\n"
	"2026-12-01T08:00:00+01:00 hug\n"
	"2026-12-03T12:05:00+01:00 dock 2 in\n"
	"2026-12-03T12:05:00+01:00 dock 3 in\n"
	"2026-12-03T12:50:00+01:00 dock 2 out\n"
	"2026-12-03T12:50:00+01:00 dock 3 out\n"
	"2026-12-04T19:30:00+01:00 dock 1 in\n"
	"2026-12-04T19:30:00+01:00 dock 2 in\n"
	"2026-12-04T19:30:00+01:00 dock 3 in\n"
	"2026-12-04T19:30:00+01:00 dock 4 in\n"
	"2026-12-04T20:15:00+01:00 dock 1 out\n"
	"2026-12-04T20:15:00+01:00 dock 2 out\n"
	"2026-12-04T20:15:00+01:00 dock 3 out\n"
	"2026-12-04T20:15:00+01:00 dock 4 out\n"
	"2026-12-06T09:40:00+01:00 walk 45\n"
	"2026-12-06T12:00:00+01:00 hug\n"
	"2026-12-06T19:00:00+01:00 dock 1 in\n"
	"2026-12-06T19:00:00+01:00 dock 2 in\n"
	"2026-12-06T19:00:00+01:00 dock 3 in\n"
	"2026-12-06T19:00:00+01:00 dock 4 in\n";

struct fixture {
	char dir[64];
	char db[128];
	struct ft_config cfg;
	struct store *store;
	struct ui_fonts *fonts;
	struct report report;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct ft_error err;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ft-test-ui-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->db, sizeof(fx->db), "%s/family.db", fx->dir);
	char scn[128];
	snprintf(scn, sizeof(scn), "%s/family.scn", fx->dir);
	test_write_file(scn, family_scn);
	fx->cfg = test_config(family_conf);
	ft_ms until = T("2026-12-06T19:20:00+01:00");
	if (simulate_run(&fx->cfg, fx->db, scn, &until, &err) != FT_EXIT_OK) {
		fprintf(stderr, "simulate: %s\n", err.msg);
		return -1;
	}
	fx->store = store_open(fx->db, &err);
	fx->fonts = ui_fonts_open(&err);
	if (!fx->store || !fx->fonts)
		return -1;
	if (!report_build(fx->store, &fx->cfg, until, &fx->report, &err))
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char path[160];
	report_free(&fx->report);
	store_close(fx->store);
	ui_fonts_close(fx->fonts);
	const char *files[] = { "family.db", "family.db-wal", "family.db-shm", "family.scn" };
	for (size_t i = 0; i < FT_ARRAY_LEN(files); i++) {
		snprintf(path, sizeof(path), "%s/%s", fx->dir, files[i]);
		unlink(path);
	}
	rmdir(fx->dir);
	free(fx);
	SDL_Quit();
	return 0;
}

static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 720, 1280 } };

static bool
overlap(struct ui_rect a, struct ui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The checks of issue point 4 on one laid-out frame. */
static void
check_frame(struct fixture *fx, const struct ui_frame *f, const char *what)
{
	assert_false(f->overflow);
	int figures = 0;
	/* A confirmation is drawn over a scrim: it covers, not overlaps. */
	int layer[UI_MAX_ITEMS], current = 0;
	for (int i = 0; i < f->nitems; i++) {
		if (f->items[i].kind == UI_ITEM_RECT && f->items[i].color == UI_C_SCRIM)
			current++;
		layer[i] = current;
	}
	for (int i = 0; i < f->nitems; i++) {
		const struct ui_item *it = &f->items[i];
		if (it->kind != UI_ITEM_TEXT)
			continue;
		/* Measured again here, independently of the layout's own numbers. */
		int w = 0, h = 0;
		TTF_Font *font = ui_font(fx->fonts, it->px, it->flags & UI_TEXT_BOLD);
		assert_non_null(font);
		assert_int_equal(TTF_SizeUTF8(font, it->text, &w, &h), 0);
		if (w > it->box.w || h > it->box.h || it->box.x < 0 || it->box.y < 0 ||
		    it->box.x + it->box.w > f->w || it->box.y + it->box.h > f->h)
			fail_msg("%s: \"%s\" at %dpx is %dx%d, its box %dx%d at %d,%d", what, it->text,
				 it->px, w, h, it->box.w, it->box.h, it->box.x, it->box.y);
		assert_int_equal(w, it->text_w);
		/* what the layout promises: never below UI_MIN_TEXT_PX scaled, nor
		 * below UI_MIN_TEXT_PX itself on a small screen */
		int min = (int)lroundf(UI_MIN_TEXT_PX * f->scale);
		if (min < UI_MIN_TEXT_PX)
			min = UI_MIN_TEXT_PX;
		if (it->px < min)
			fail_msg("%s: \"%s\" at %dpx, smaller than %d", what, it->text, it->px, min);
		for (int k = i + 1; k < f->nitems; k++) {
			const struct ui_item *o = &f->items[k];
			if (o->kind == UI_ITEM_TEXT && layer[k] == layer[i] && o->text[0] && it->text[0] &&
			    overlap(it->box, o->box))
				fail_msg("%s: \"%s\" and \"%s\" overlap", what, it->text, o->text);
		}
		if (it->flags & UI_TEXT_FIGURE) {
			/* Readable from two metres: the digits' ink is at least a
			 * sixth of the screen's height. */
			int minx, maxx, miny, maxy, adv;
			assert_int_equal(TTF_GlyphMetrics32(font, '0', &minx, &maxx, &miny, &maxy, &adv), 0);
			if (f->screen == UI_GLANCE && maxy - miny < f->h / 6)
				fail_msg("%s: figure \"%s\" is %dpx high, less than %d", what, it->text,
					 maxy - miny, f->h / 6);
			assert_false(it->shortened);
			figures++;
		}
	}
	if (f->screen == UI_GLANCE)
		assert_int_equal(figures, 2); /* meals and walks */
	int target_min = (int)(60 * f->scale);
	for (int i = 0; i < f->ntargets; i++) {
		const struct ui_target *t = &f->targets[i];
		if (t->box.w < target_min || t->box.h < target_min)
			fail_msg("%s: target %d is %dx%d, less than %d", what, t->action, t->box.w,
				 t->box.h, target_min);
	}
}

static void
model_for(struct fixture *fx, struct ui_model *m, bool extras)
{
	memset(m, 0, sizeof(*m));
	m->cfg = &fx->cfg;
	m->report = &fx->report;
	m->now = T("2026-12-06T19:20:00+01:00");
	m->session_open = true;
	m->session_start = T("2026-12-06T19:00:00+01:00");
	for (int i = 0; i < 4; i++)
		m->slot_in[i] = true;
	m->walk_done_length = -1;
	m->hug_state = UI_HUG_RUNNING;
	m->hug_left = 12 * FT_SECOND;
	m->hug_hold[0] = true;
	if (extras) {
		m->banners[0] = "Not saving right now (database is locked). Retrying.";
		m->banners[1] = "The phone dock is not answering (gpiochip0: no such device). Retrying.";
		m->nbanners = 2;
		m->undo_label = "Undo hug 19:05";
		m->walk_open = true;
		m->walk_start = T("2026-12-06T18:40:00+01:00");
	}
}

static void
test_every_screen_at_every_size_fits(void **state)
{
	struct fixture *fx = *state;
	static struct ui_frame frame;
	const char *langs[] = { "en", "fr" };
	for (size_t lang = 0; lang < 2; lang++) {
		ui_i18n_init(langs[lang]);
		for (int extras = 0; extras < 2; extras++) {
			struct ui_model m;
			model_for(fx, &m, extras);
			for (size_t s = 0; s < FT_ARRAY_LEN(sizes); s++) {
				for (int screen = 0; screen < UI_SCREEN_COUNT; screen++) {
					char what[96];
					snprintf(what, sizeof(what), "%s %dx%d %s%s", ui_screen_names[screen],
						 sizes[s][0], sizes[s][1], langs[lang],
						 extras ? " +banners" : "");
					ui_layout(fx->fonts, &m, (enum ui_screen)screen, sizes[s][0],
						  sizes[s][1], &frame);
					check_frame(fx, &frame, what);
				}
			}
			/* The confirmation over the review, the tallest overlay. */
			m.confirm = UI_CONFIRM_AWAY;
			m.confirm_text = "Mark next week as away? Its streaks will be paused, not broken.";
			for (size_t s = 0; s < FT_ARRAY_LEN(sizes); s++) {
				ui_layout(fx->fonts, &m, UI_REVIEW, sizes[s][0], sizes[s][1], &frame);
				check_frame(fx, &frame, "confirm");
				/* Nothing under the scrim can be tapped. */
				const struct ui_target *t = ui_hit(&frame, 1, 1);
				assert_non_null(t);
				assert_int_equal(t->action, UI_ACT_NONE);
			}
		}
	}
	ui_i18n_init("en");
}

static void
test_every_screen_renders_from_the_store(void **state)
{
	struct fixture *fx = *state;
	static struct ui_frame frame;
	struct ui_model m;
	model_for(fx, &m, false);
	for (size_t s = 0; s < FT_ARRAY_LEN(sizes); s++) {
		for (int screen = 0; screen < UI_SCREEN_COUNT; screen++) {
			for (int night = 0; night < 2; night++) {
				m.night = night;
				SDL_Surface *surf = ui_render_surface(fx->fonts, &m, (enum ui_screen)screen,
								      sizes[s][0], sizes[s][1], &frame);
				assert_non_null(surf);
				assert_int_equal(surf->w, sizes[s][0]);
				assert_int_equal(surf->h, sizes[s][1]);
				/* Drawn, not blank: the background and the text colour are
				 * both there, and the corner is the theme's background. */
				SDL_Color bg = ui_color(UI_C_BG, night), ink = ui_color(UI_C_INK, night);
				uint32_t want_bg = SDL_MapRGB(surf->format, bg.r, bg.g, bg.b);
				uint32_t *px = surf->pixels;
				int pitch = surf->pitch / 4;
				assert_int_equal(px[0] & 0xFFFFFF, want_bg & 0xFFFFFF);
				long inked = 0;
				for (int y = 0; y < surf->h; y++)
					for (int x = 0; x < surf->w; x++) {
						uint32_t p = px[y * pitch + x];
						uint8_t r, g, b;
						SDL_GetRGB(p, surf->format, &r, &g, &b);
						if (abs(r - ink.r) + abs(g - ink.g) + abs(b - ink.b) < 30)
							inked++;
					}
				if (inked < 50)
					fail_msg("%s %dx%d: only %ld pixels of text", ui_screen_names[screen],
						 sizes[s][0], sizes[s][1], inked);
				SDL_FreeSurface(surf);
			}
		}
	}
	/* The figures on the glance are the store's. */
	ui_layout(fx->fonts, &m, UI_GLANCE, 800, 480, &frame);
	char meals[16];
	snprintf(meals, sizeof(meals), "%d", fx->report.meal_count);
	bool found = false;
	for (int i = 0; i < frame.nitems; i++)
		if ((frame.items[i].flags & UI_TEXT_FIGURE) && strcmp(frame.items[i].text, meals) == 0)
			found = true;
	assert_true(found);
	assert_int_equal(fx->report.meal_count, 3); /* Mon dinner, Thu lunch, Fri dinner */
}

/* A frame drawn again as it was costs no text work: the layout's
 * measurements and the rendered strings are kept (make bench: frame_ms). */
static void
test_a_frame_again_measures_and_renders_nothing_new(void **state)
{
	struct fixture *fx = *state;
	static struct ui_frame frame;
	struct ui_model m;
	model_for(fx, &m, true);
	SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 480, 32, SDL_PIXELFORMAT_ARGB8888);
	assert_non_null(surf);
	SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
	assert_non_null(r);
	struct ui_draw *d = ui_draw_create(r, fx->fonts);
	assert_non_null(d);
	for (int screen = 0; screen < UI_SCREEN_COUNT; screen++) {
		ui_layout(fx->fonts, &m, (enum ui_screen)screen, 800, 480, &frame);
		ui_draw_frame(d, &frame, false);
		unsigned long measured = ui_fonts_measured(fx->fonts);
		unsigned long renders = ui_draw_text_renders(d);
		ui_layout(fx->fonts, &m, (enum ui_screen)screen, 800, 480, &frame);
		ui_draw_frame(d, &frame, false);
		if (ui_fonts_measured(fx->fonts) != measured)
			fail_msg("%s: %lu strings measured again", ui_screen_names[screen],
				 ui_fonts_measured(fx->fonts) - measured);
		assert_int_equal(ui_draw_text_renders(d), renders);
		assert_true(renders > 0 && measured > 0);
	}
	ui_draw_destroy(d);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(surf);
}

/* Draw one marker pixel on a logical picture, turn it onto the panel the
 * way the live display does, find it there and map that touch back. */
static void
test_touch_follows_the_rotated_picture(void **state)
{
	const int pw = 800, ph = 480;
	const int rotations[] = { 0, 90, 180, 270 };
	for (size_t r = 0; r < 4; r++) {
		int rot = rotations[r], lw, lh;
		ui_logical_size(rot, pw, ph, &lw, &lh);
		if (rot == 90 || rot == 270) {
			assert_int_equal(lw, ph);
			assert_int_equal(lh, pw);
		}
		const int points[][2] = { { 0, 0 }, { lw - 1, 0 }, { 0, lh - 1 }, { lw - 1, lh - 1 },
					  { 123, 45 }, { lw / 3, lh * 2 / 3 } };
		for (size_t k = 0; k < FT_ARRAY_LEN(points); k++) {
			SDL_Surface *panel = SDL_CreateRGBSurfaceWithFormat(0, pw, ph, 32,
									    SDL_PIXELFORMAT_ARGB8888);
			assert_non_null(panel);
			SDL_Renderer *ren = SDL_CreateSoftwareRenderer(panel);
			assert_non_null(ren);
			SDL_Texture *tex = SDL_CreateTexture(ren, SDL_PIXELFORMAT_ARGB8888,
							     SDL_TEXTUREACCESS_TARGET, lw, lh);
			assert_non_null(tex);
			SDL_SetRenderTarget(ren, tex);
			SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
			SDL_RenderClear(ren);
			SDL_SetRenderDrawColor(ren, 255, 255, 255, 255);
			SDL_RenderDrawPoint(ren, points[k][0], points[k][1]);
			SDL_SetRenderTarget(ren, NULL);
			SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
			SDL_RenderClear(ren);
			ui_present_rotated(ren, tex, rot, pw, ph);
			SDL_RenderPresent(ren);
			int fx_ = -1, fy = -1, found = 0;
			uint32_t *px = panel->pixels;
			for (int y = 0; y < ph; y++)
				for (int x = 0; x < pw; x++)
					if ((px[y * (panel->pitch / 4) + x] & 0xFF) > 128) {
						fx_ = x;
						fy = y;
						found++;
					}
			if (found != 1)
				fail_msg("rotation %d: marker %d,%d drawn as %d pixels", rot, points[k][0],
					 points[k][1], found);
			int lx, ly;
			/* A finger at the centre of that pixel. */
			ui_touch_to_logical(rot, pw, ph, fx_ + 0.5f, fy + 0.5f, &lx, &ly);
			if (lx != points[k][0] || ly != points[k][1])
				fail_msg("rotation %d: touch at %d,%d maps to %d,%d, not %d,%d", rot, fx_, fy,
					 lx, ly, points[k][0], points[k][1]);
			SDL_DestroyTexture(tex);
			SDL_DestroyRenderer(ren);
			SDL_FreeSurface(panel);
		}
	}
}

static void
test_french_comes_from_the_catalogue(void **state)
{
	ui_i18n_init("fr");
	assert_string_equal(ui_weekday_long(0), "lundi");
	assert_string_equal(ui_month_long(12), "décembre");
	assert_string_equal(ui_meal_kind("dinner"), "Dîner");
	ui_i18n_init("en");
	assert_string_equal(ui_weekday_long(0), "Monday");
	assert_string_equal(ui_meal_kind("dinner"), "Dinner");
	assert_string_equal(ui_meal_kind("elevenses"), "elevenses"); /* as configured */
}

int
main(void)
{
	setenv("SDL_VIDEODRIVER", "dummy", 0);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_screen_at_every_size_fits),
		cmocka_unit_test(test_every_screen_renders_from_the_store),
		cmocka_unit_test(test_a_frame_again_measures_and_renders_nothing_new),
		cmocka_unit_test(test_touch_follows_the_rotated_picture),
		cmocka_unit_test(test_french_comes_from_the_catalogue),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
