/*
 * live_loop.h - app.c's loop, in a test: the decision module (live.h) fed
 * plain monotonic instants the test moves, its model laid out and drawn by
 * the software renderer into a surface that stands for the panel, touches
 * mapped by the real input.c onto the frame last drawn, and the real
 * backlight.c on a folder the test makes. No SDL window, no poll(), no
 * clock read: what this drives is exactly what `run` drives, minus the
 * descriptors (tested end to end in tests/e2e/live.sh).
 */
#ifndef FT_TEST_LIVE_LOOP_H
#define FT_TEST_LIVE_LOOP_H

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "backlight.h"
#include "input.h"
#include "live.h"
#include "ui.h"

struct loop {
	struct live *live;
	struct ui_fonts *fonts;
	struct ui_frame *frame;       /* as last drawn */
	SDL_Surface *panel;           /* what the panel shows */
	bool dark;                    /* the last frame was in the dark theme */
	struct backlight backlight;
	struct input input;
	ft_ms mono;                   /* the test's monotonic clock */
	ft_ms wall_offset;            /* its wall clock: mono + this */
	unsigned drawn_gen;
	bool drawn;
};

/* One turn of the loop at the test's instant: tick, backlight, draw when
 * the model changed. */
static inline void
loop_step(struct loop *lp)
{
	live_set_dim_hides(lp->live, backlight_usable(&lp->backlight));
	live_tick(lp->live, lp->mono);
	backlight_dim(&lp->backlight, live_dimmed(lp->live, lp->mono));
	if (lp->drawn && live_generation(lp->live) == lp->drawn_gen)
		return;
	struct ui_model m;
	live_model(lp->live, lp->mono, &m);
	if (lp->panel)
		SDL_FreeSurface(lp->panel);
	lp->panel = ui_render_surface(lp->fonts, &m, live_screen(lp->live), 800, 480, lp->frame);
	assert_non_null(lp->panel);
	lp->dark = m.night;
	lp->drawn_gen = live_generation(lp->live);
	lp->drawn = true;
}

/* How the loop starts. */
struct loop_start {
	bool untrusted;               /* the wall clock is not trusted yet */
	bool levels_unknown;          /* no first reading of the dock yet (a fifo) */
	int levels[FT_MAX_SLOTS];     /* else the dock's first reading */
};

/* Opens at WALL as START says, with the backlight looked for in
 * BACKLIGHT_DIR (NULL: none). */
static inline void
loop_start(struct loop *lp, const struct ft_config *cfg, const char *db, ft_ms wall,
	   const char *backlight_dir, const struct loop_start *start)
{
	memset(lp, 0, sizeof(*lp));
	lp->mono = 1000000; /* any start: only differences count */
	lp->wall_offset = wall - lp->mono;
	lp->live = live_new(cfg, db);
	lp->frame = calloc(1, sizeof(*lp->frame));
	struct ft_error err;
	lp->fonts = ui_fonts_open(&err);
	assert_non_null(lp->live);
	assert_non_null(lp->frame);
	assert_non_null(lp->fonts);
	/* untrusted: not synchronised, and 1970 (before the build) */
	struct clocktrust_facts f = { .synchronized = !start->untrusted,
				      .wall = start->untrusted ? 0 : wall };
	live_clock(lp->live, &f, lp->mono);
	if (!start->levels_unknown)
		live_dock_levels(lp->live, start->levels, lp->mono);
	backlight_find(&lp->backlight, backlight_dir);
	live_wake(lp->live, lp->mono); /* awake at start, as run is */
	loop_step(lp);
}

/* The clock becomes trusted (synchronised) at the loop's instant. */
static inline void
loop_trust(struct loop *lp)
{
	struct clocktrust_facts f = { .synchronized = true, .wall = lp->mono + lp->wall_offset };
	live_clock(lp->live, &f, lp->mono);
	loop_step(lp);
}

/* Opens at WALL (a trusted clock), with the dock's levels all out. */
static inline void
loop_open(struct loop *lp, const struct ft_config *cfg, const char *db, ft_ms wall,
	  const char *backlight_dir)
{
	struct loop_start start = { 0 };
	loop_start(lp, cfg, db, wall, backlight_dir, &start);
}

/* Dropped as kill -9 would: nothing saved, everything freed. */
static inline void
loop_crash(struct loop *lp)
{
	live_free(lp->live);
	ui_fonts_close(lp->fonts);
	if (lp->panel)
		SDL_FreeSurface(lp->panel);
	free(lp->frame);
	memset(lp, 0, sizeof(*lp));
}

/* A raw dock level at the loop's instant, then a turn of the loop. */
static inline void
loop_dock(struct loop *lp, int slot, int level)
{
	live_dock(lp->live, slot, level, lp->mono);
	loop_step(lp);
}

/* What the screens show at the loop's instant. */
static inline struct ui_model
loop_model(struct loop *lp)
{
	struct ui_model m;
	live_model(lp->live, lp->mono, &m);
	return m;
}

/* Stops as `run` does on SIGTERM; returns whether everything was saved. */
static inline bool
loop_close(struct loop *lp)
{
	struct ft_error err;
	bool ok = live_stop(lp->live, lp->mono, &err);
	backlight_dim(&lp->backlight, false);
	live_free(lp->live);
	ui_fonts_close(lp->fonts);
	if (lp->panel)
		SDL_FreeSurface(lp->panel);
	free(lp->frame);
	memset(lp, 0, sizeof(*lp));
	return ok;
}

/* Moves the clock on by MS, turning the loop every STEP ms at least (the
 * loop wakes at the module's deadlines; stepping more often is harmless). */
static inline void
loop_wait(struct loop *lp, ft_ms ms, ft_ms step)
{
	while (ms > 0) {
		ft_ms d = ms < step ? ms : step;
		lp->mono += d;
		ms -= d;
		loop_step(lp);
	}
}

/* A finger on the keyboard's keys, with where the frame drew them. */
static inline void
loop_keys(struct loop *lp, const struct input_effect *e)
{
	const struct ui_rect *k = &lp->frame->keys;
	struct kbd_rect keys = { k->x, k->y, k->w, k->h };
	enum live_keys_phase phase = e->kind == INPUT_KEYS_DOWN ? LIVE_KEYS_DOWN
				   : e->kind == INPUT_KEYS_MOVE ? LIVE_KEYS_MOVE
								: LIVE_KEYS_UP;
	live_keys(lp->live, phase, e->x, e->y, &keys, lp->mono);
}

/* A finger ID down or up at logical (X, Y), as app.c handles it. */
static inline void
loop_finger(struct loop *lp, int64_t id, bool down, int x, int y)
{
	if (!live_touch(lp->live, lp->mono) && down) {
		loop_step(lp);
		return;
	}
	struct input_effect e = input_pointer(&lp->input, lp->frame, id, down, x, y);
	if ((e.kind == INPUT_HOLD_DOWN || e.kind == INPUT_HOLD_UP) &&
	    e.target.action == UI_ACT_SETTINGS_HOLD)
		live_settings_hold(lp->live, e.kind == INPUT_HOLD_DOWN, lp->mono);
	else if (e.kind == INPUT_HOLD_DOWN || e.kind == INPUT_HOLD_UP)
		live_hold(lp->live, e.target.arg, e.kind == INPUT_HOLD_DOWN, lp->mono);
	else if (e.kind == INPUT_TAP)
		live_action(lp->live, e.target.action, e.target.arg, lp->mono);
	else if (e.kind == INPUT_KEYS_DOWN || e.kind == INPUT_KEYS_UP)
		loop_keys(lp, &e);
	loop_step(lp);
}

/* Finger ID slid to logical (X, Y), as app.c handles it. */
static inline void
loop_slide(struct loop *lp, int64_t id, int x, int y)
{
	struct input_effect e = input_motion(&lp->input, id, x, y);
	if (e.kind == INPUT_KEYS_MOVE)
		loop_keys(lp, &e);
	loop_step(lp);
}

/* The centre of the target for ACTION (and ARG) on the frame last drawn;
 * false when there is none. */
static inline bool
loop_target(const struct loop *lp, enum ui_action action, int arg, int *x, int *y)
{
	const struct ui_frame *f = lp->frame;
	for (int i = 0; i < f->ntargets; i++) {
		const struct ui_target *t = &f->targets[i];
		if (t->action == action && t->arg == arg) {
			*x = t->box.x + t->box.w / 2;
			*y = t->box.y + t->box.h / 2;
			return true;
		}
	}
	return false;
}

/* A tap (finger 9 down and up) on the target for ACTION; fails the test
 * when the screen has none. */
static inline void
loop_tap(struct loop *lp, enum ui_action action, int arg)
{
	int x = 0, y = 0;
	if (!loop_target(lp, action, arg, &x, &y))
		fail_msg("no target %d/%d on the %s screen", action, arg,
			 ui_screen_names[lp->frame->screen]);
	loop_finger(lp, 9, true, x, y);
	loop_finger(lp, 9, false, x, y);
}

/* Whether the frame last drawn shows a text starting with PREFIX. */
static inline bool
loop_shows(const struct loop *lp, const char *prefix)
{
	const struct ui_frame *f = lp->frame;
	for (int i = 0; i < f->nitems; i++)
		if (f->items[i].kind == UI_ITEM_TEXT &&
		    strncmp(f->items[i].text, prefix, strlen(prefix)) == 0)
			return true;
	return false;
}

#endif
