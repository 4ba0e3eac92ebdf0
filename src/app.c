/*
 * app.c - `familytable run`: the loop and the wiring of the table display.
 *
 * Everything the display decides is in live.c; this file only connects it
 * to the world:
 *   open      the poller, the signals, the fonts, the window and renderer,
 *             the dock, the clock-set watch, SDL's input descriptors, the
 *             backlight
 *   loop      read what woke us (dock, touches, signals, the clock set),
 *             hand each event to the decision module with the monotonic
 *             instant, let it tick, draw when its model changed, then sleep
 *             in poll() until its next deadline
 *   shutdown  on SIGTERM/SIGINT: the decision module stops (the session in
 *             progress saved), the family's backlight level given back
 *
 * Nothing the dock, the store or the clock does stops the display: those
 * failures are the decision module's state, shown as calm banners. What
 * does stop it (no window, no renderer, a poll() that fails) exits 1 with a
 * message.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/input.h>

#include <SDL.h>

#include "app.h"
#include "backlight.h"
#include "clocktrust.h"
#include "display.h"
#include "dock.h"
#include "evdev.h"
#include "input.h"
#include "live.h"
#include "log.h"
#include "notify.h"
#include "poller.h"
#include "trace.h"
#include "ui.h"
#include "ui_layout_json.h"

#define APP_FIRST_REPAINT 500  /* ms: kmsdrm's first frame, drawn again */
#define APP_FRAME_MIN 16       /* ms between frames at most: 60 a second */
/* ms the dock's descriptor rests after a read: a line that chatters is read
 * in batches, not once a toggle (a GPIO edge keeps the kernel's timestamp;
 * a fifo line read late is dated at most this late; a lone edge after a
 * quiet spell is read at once) */
#define APP_DOCK_REST 5

struct app {
	const struct ft_config *cfg;
	char language[8];          /* the one gettext was set up for */
	int rotation;              /* the one the picture and touch are turned by */
	const struct ft_clock *clock;
	struct live *live;
	struct poller *poller;
	bool quit;

	struct dock *dock;
	struct poller_source *dock_src;
	int dock_src_fd;
	ft_ms dock_rest_until;     /* mono: the dock's fd not watched until then */
	int clock_fd;
	bool clock_check;          /* the wall clock was set: recheck it */
	struct poller_source *tick;

	/* display */
	struct display display;    /* its window (SDL) or DRM output, its renderer */
	SDL_Texture *target;       /* logical picture when rotated */
	int phys_w, phys_h, log_w, log_h;
	struct ui_fonts *fonts;
	struct ui_draw *draw;
	struct ui_frame *frame;
	const char *layout_path;   /* FAMILYTABLE_LAYOUT: each frame's texts, for tests */
	bool dirty;                /* the window needs drawing whatever the model */
	unsigned drawn_gen;        /* live_generation() of the last frame */
	int presented;             /* frames shown so far */
	ft_ms presented_at;        /* mono: the last one */
	ft_ms repaint_at;          /* kmsdrm: draw the first frame again then (0: no) */
	struct input input;
	struct input_fds input_fds;  /* SDL's input, in the poll() */
	struct evdev_set evdev;      /* on the DRM output: touches and keys read here */
	struct backlight backlight;
};

static ft_ms
app_mono(const struct app *a)
{
	return a->clock->mono(a->clock->data);
}

/* --- events ---------------------------------------------------------------- */

static void
app_dock_level(void *data, int slot, int level, ft_ms t_mono)
{
	struct app *a = data;
	trace_edge(t_mono, slot, level);
	live_dock(a->live, slot, level, t_mono);
}

/* A finger on the keyboard's keys: the decision module gets it with the
 * keys' place on the frame last drawn. */
static void
app_keys(struct app *a, const struct input_effect *e, ft_ms mono)
{
	const struct ui_rect *k = &a->frame->keys;
	struct kbd_rect keys = { k->x, k->y, k->w, k->h };
	enum live_keys_phase phase = e->kind == INPUT_KEYS_DOWN ? LIVE_KEYS_DOWN
				   : e->kind == INPUT_KEYS_MOVE ? LIVE_KEYS_MOVE
								: LIVE_KEYS_UP;
	live_keys(a->live, phase, e->x, e->y, &keys, mono);
}

/* A press or release at physical pixel (PX, PY). */
static void
app_pointer(struct app *a, int64_t id, bool down, float px, float py)
{
	ft_ms mono = app_mono(a);
	if (!live_touch(a->live, mono) && down)
		return; /* the first touch in the dark only wakes the screen */
	int lx, ly;
	ui_touch_to_logical(a->rotation, a->phys_w, a->phys_h, px, py, &lx, &ly);
	struct input_effect e = input_pointer(&a->input, a->frame, id, down, lx, ly);
	switch (e.kind) {
	case INPUT_HOLD_DOWN:
	case INPUT_HOLD_UP:
		if (e.target.action == UI_ACT_SETTINGS_HOLD)
			live_settings_hold(a->live, e.kind == INPUT_HOLD_DOWN, mono);
		else
			live_hold(a->live, e.target.arg, e.kind == INPUT_HOLD_DOWN, mono);
		break;
	case INPUT_TAP:
		live_action(a->live, e.target.action, e.target.arg, mono);
		break;
	case INPUT_KEYS_DOWN:
	case INPUT_KEYS_MOVE:
	case INPUT_KEYS_UP:
		app_keys(a, &e, mono);
		break;
	case INPUT_NOTHING:
		break;
	}
}

/* A finger that moved, at physical pixel (PX, PY): only the keyboard's
 * keys follow it (a letter's variants are picked by sliding). */
static void
app_motion(struct app *a, int64_t id, float px, float py)
{
	int lx, ly;
	ui_touch_to_logical(a->rotation, a->phys_w, a->phys_h, px, py, &lx, &ly);
	struct input_effect e = input_motion(&a->input, id, lx, ly);
	if (e.kind == INPUT_KEYS_MOVE)
		app_keys(a, &e, app_mono(a));
}

static void
app_resize(struct app *a)
{
	int w = 0, h = 0;
	SDL_GetRendererOutputSize(a->display.renderer, &w, &h);
	if (w == a->phys_w && h == a->phys_h && (a->target || a->rotation == 0))
		return;
	a->phys_w = w;
	a->phys_h = h;
	ui_logical_size(a->rotation, w, h, &a->log_w, &a->log_h);
	if (a->target)
		SDL_DestroyTexture(a->target);
	a->target = NULL;
	if (a->rotation != 0) {
		a->target = SDL_CreateTexture(a->display.renderer, SDL_PIXELFORMAT_ARGB8888,
					      SDL_TEXTUREACCESS_TARGET, a->log_w, a->log_h);
		if (!a->target)
			fault_set(FAULT_DISPLAY, "cannot rotate the picture: %s", SDL_GetError());
	}
	a->dirty = true;
}

static void
app_sdl_events(struct app *a)
{
	SDL_Event ev;
	while (SDL_PollEvent(&ev)) {
		switch (ev.type) {
		case SDL_QUIT:
			a->quit = true;
			break;
		case SDL_WINDOWEVENT:
			if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
				app_resize(a);
			a->dirty = true;
			break;
		case SDL_RENDER_TARGETS_RESET:
		case SDL_RENDER_DEVICE_RESET:
			app_resize(a);
			a->dirty = true;
			break;
		case SDL_FINGERDOWN:
		case SDL_FINGERUP:
			/* Normalised to the touch device, which is the panel. */
			app_pointer(a, (int64_t)ev.tfinger.fingerId, ev.type == SDL_FINGERDOWN,
				    ev.tfinger.x * (float)a->phys_w, ev.tfinger.y * (float)a->phys_h);
			break;
		case SDL_FINGERMOTION:
			app_motion(a, (int64_t)ev.tfinger.fingerId, ev.tfinger.x * (float)a->phys_w,
				   ev.tfinger.y * (float)a->phys_h);
			break;
		case SDL_MOUSEMOTION:
			if (ev.motion.which == SDL_TOUCH_MOUSEID || !(ev.motion.state & SDL_BUTTON_LMASK))
				break;
			app_motion(a, INPUT_MOUSE, (float)ev.motion.x + 0.5f, (float)ev.motion.y + 0.5f);
			break;
		case SDL_MOUSEBUTTONDOWN:
		case SDL_MOUSEBUTTONUP:
			/* Touches also arrive as synthetic mouse events: the finger
			 * events above already handled them. */
			if (ev.button.which == SDL_TOUCH_MOUSEID || ev.button.button != SDL_BUTTON_LEFT)
				break;
			app_pointer(a, INPUT_MOUSE, ev.type == SDL_MOUSEBUTTONDOWN,
				    (float)ev.button.x + 0.5f, (float)ev.button.y + 0.5f);
			break;
		case SDL_KEYDOWN: {
			SDL_Keycode k = ev.key.keysym.sym;
			if (k >= SDLK_1 && k <= SDLK_9 && !ev.key.repeat && a->dock)
				dock_key(a->dock, (int)(k - SDLK_0), app_mono(a));
			else if (k == SDLK_q && (ev.key.keysym.mod & KMOD_CTRL))
				a->quit = true;
			break;
		}
		default:
			break;
		}
	}
}

/* A touch or a key read from evdev (the DRM output). */
static void
app_evdev(void *data, const struct evdev_event *e)
{
	struct app *a = data;
	switch (e->kind) {
	case EVDEV_DOWN:
	case EVDEV_UP:
		/* a fraction of the touchscreen's range, which is the panel */
		app_pointer(a, e->id, e->kind == EVDEV_DOWN, e->x * (float)a->phys_w,
			    e->y * (float)a->phys_h);
		break;
	case EVDEV_KEY:
		if (e->key >= KEY_1 && e->key <= KEY_9 && a->dock)
			dock_key(a->dock, e->key - KEY_1 + 1, app_mono(a));
		else if (e->key == KEY_Q && e->ctrl)
			a->quit = true;
		break;
	}
}

static void
app_on_dock_fd(int fd, short revents, void *data)
{
	struct app *a = data;
	dock_dispatch(a->dock, app_mono(a));
	a->dock_rest_until = app_mono(a) + APP_DOCK_REST;
}

static void
app_on_tick(void *data)
{
	/* What is due is worked out by app_step() after each dispatch. */
}

static void
app_on_clock_set(int fd, short revents, void *data)
{
	struct app *a = data;
	clocktrust_watch_rearm(fd);
	a->clock_check = true;
}

static void
app_on_signal(int signo, void *data)
{
	struct app *a = data;
	log_info("signal %d: stopping", signo);
	a->quit = true;
}

/* --- drawing ---------------------------------------------------------------- */

static void
app_render(struct app *a, ft_ms mono)
{
	struct ui_model m;
	int64_t t0 = trace_on() ? trace_mono_us() : 0;
	/* a language chosen on the settings screen applies at once */
	const char *language = live_config(a->live)->language;
	if (strcmp(language, a->language) != 0) {
		snprintf(a->language, sizeof(a->language), "%s", language);
		if (!language[0])
			unsetenv("LANGUAGE");
		ui_i18n_init(language);
	}
	/* so does a rotation: the picture and the touches turned together */
	if (live_config(a->live)->rotation != a->rotation) {
		a->rotation = live_config(a->live)->rotation;
		a->phys_w = a->phys_h = 0; /* app_resize lays everything out again */
		app_resize(a);
	}
	live_model(a->live, mono, &m);
	ui_layout(a->fonts, &m, live_screen(a->live), a->log_w, a->log_h, a->frame);
	if (a->layout_path) {
		/* what is on the screen now, as `screenshot --layout` writes it:
		 * the tests read the banners of the live display from it */
		struct ft_error err;
		if (!ui_layout_save_json(a->frame, a->layout_path, &err)) {
			log_warn("FAMILYTABLE_LAYOUT: %s; not written again", err.msg);
			a->layout_path = NULL;
		}
	}
	if (a->target) {
		SDL_SetRenderTarget(a->display.renderer, a->target);
		ui_draw_frame(a->draw, a->frame, m.night);
		SDL_SetRenderTarget(a->display.renderer, NULL);
		SDL_SetRenderDrawColor(a->display.renderer, 0, 0, 0, 255);
		SDL_RenderClear(a->display.renderer);
		ui_present_rotated(a->display.renderer, a->target, a->rotation, a->phys_w, a->phys_h);
	} else {
		ui_draw_frame(a->draw, a->frame, m.night);
	}
	display_present(&a->display);
	if (trace_on()) {
		int64_t t1 = trace_mono_us();
		unsigned slots = 0;
		for (int i = 0; i < a->cfg->nslots; i++)
			slots |= m.slot_in[i] ? 1u << i : 0;
		/* where to touch, before the frame line that they belong to
		 * (unrotated: the bench runs the panel upright) */
		for (int i = 0; i < a->frame->ntargets; i++) {
			const struct ui_target *t = &a->frame->targets[i];
			trace_target(ui_action_name(t->action), t->arg, t->box.x + t->box.w / 2,
				     t->box.y + t->box.h / 2);
		}
		trace_frame(t1, ui_screen_names[live_screen(a->live)], t1 - t0, slots);
	}
	notify_ready(); /* systemd's READY=1, once: the first frame is up */
	/* On kmsdrm the very first frame (the one that sets the mode) was seen
	 * to stay black; a second frame a moment later shows. Rather than a
	 * black table until the next minute, draw once more. "Later" counts
	 * from now, after the present, not from MONO: the first frame can take
	 * seconds (shaders compiled under llvmpipe), and a repaint due before
	 * it ended came at once, too soon after the modeset to show. */
	if (a->display.kmsdrm && a->presented < 3)
		a->repaint_at = app_mono(a) + APP_FIRST_REPAINT;
	a->presented++;
	a->dirty = false;
}

static ft_ms
app_min(ft_ms x, ft_ms y)
{
	return x < y ? x : y;
}

/* --- the loop --------------------------------------------------------------- */

/* Everything that may be due, then the next instant something will be. */
static ft_ms
app_step(struct app *a)
{
	ft_ms mono = app_mono(a);
	if (a->clock_check || !live_trusted(a->live)) {
		a->clock_check = false;
		struct clocktrust_facts f;
		clocktrust_probe(&f);
		f.wall = a->clock->wall(a->clock->data);
		live_clock(a->live, &f, mono);
	}
	if (dock_next_deadline(a->dock) <= mono)
		dock_dispatch(a->dock, mono);
	int fd = mono < a->dock_rest_until ? -1 : dock_fd(a->dock);
	if (fd != a->dock_src_fd) {
		poller_remove(a->dock_src);
		a->dock_src = NULL;
		if (fd >= 0) {
			a->dock_src = poller_add_fd(a->poller, fd, POLLIN, app_on_dock_fd, a);
			if (!a->dock_src)
				log_error("cannot watch the dock: %s", strerror(errno));
		}
		a->dock_src_fd = a->dock_src ? fd : -1;
	}

	live_set_dim_hides(a->live, backlight_usable(&a->backlight));
	ft_ms next = live_tick(a->live, mono);
	backlight_dim(&a->backlight, live_dimmed(a->live, mono));
	if (a->repaint_at && mono >= a->repaint_at) {
		a->repaint_at = 0;
		a->dirty = true;
	}
	ft_ms frame_due = a->presented ? a->presented_at + APP_FRAME_MIN : mono;
	if ((a->dirty || live_generation(a->live) != a->drawn_gen) && mono < frame_due) {
		next = app_min(next, frame_due); /* the frame rate is capped */
	} else if (a->dirty || live_generation(a->live) != a->drawn_gen) {
		a->drawn_gen = live_generation(a->live);
		a->presented_at = mono;
		app_render(a, mono);
	}

	next = app_min(next, dock_next_deadline(a->dock));
	if (mono < a->dock_rest_until)
		next = app_min(next, a->dock_rest_until);
	if (a->input_fds.pump_by_timer)
		next = app_min(next, mono + INPUT_PUMP_MS);
	if (a->repaint_at)
		next = app_min(next, a->repaint_at);
	/* the loop ran: systemd's watchdog hears it, and the loop wakes in
	 * time to say so again (half of WatchdogSec=, when there is one) */
	next = app_min(next, notify_watchdog(mono));
	return next;
}

static bool
app_open_display(struct app *a, const struct app_options *opts, struct ft_error *err)
{
	if (!display_open(&a->display, opts->video, opts->window, opts->width, opts->height, err))
		return false;
	app_resize(a);
	return true;
}

static void
app_close_display(struct app *a)
{
	if (a->target)
		SDL_DestroyTexture(a->target);
	display_close(&a->display);
}

int
app_run(const struct ft_config *cfg, const struct app_options *opts)
{
	struct ft_error err;
	int code = FT_EXIT_FAILURE;
	struct app app = { .cfg = cfg, .clock = &clock_system, .dock_src_fd = -1, .clock_fd = -1,
			   .rotation = cfg->rotation };
	struct app *a = &app;
	ui_i18n_init(cfg->language);
	trace_open(); /* FAMILYTABLE_TRACE, for make bench */
	/* FAMILYTABLE_LAYOUT=PATH: every frame's texts and targets as JSON (the
	 * layout of `screenshot --layout`), rewritten whole at each frame; for
	 * the tests that check what the live display says */
	const char *layout = getenv("FAMILYTABLE_LAYOUT");
	a->layout_path = layout && layout[0] ? layout : NULL;
	notify_init(); /* systemd's watchdog interval, when it has one */

	a->live = live_new(cfg, opts->db_path);
	if (a->live && opts->base)
		live_set_base(a->live, opts->base);
	snprintf(a->language, sizeof(a->language), "%s", cfg->language);
	a->frame = calloc(1, sizeof(*a->frame));
	a->poller = poller_create();
	if (!a->live || !a->frame || !a->poller) {
		log_error("out of memory");
		goto out_free;
	}
	if (!poller_add_signal(a->poller, SIGINT, app_on_signal, a) ||
	    !poller_add_signal(a->poller, SIGTERM, app_on_signal, a) ||
	    !(a->tick = poller_add_timer(a->poller, app_on_tick, a))) {
		log_error("cannot watch signals: %s", strerror(errno));
		goto out_free;
	}

	a->fonts = ui_fonts_open(&err);
	if (!a->fonts) {
		log_error("%s", err.msg);
		goto out_free;
	}
	if (!app_open_display(a, opts, &err)) {
		log_error("%s", err.msg);
		goto out_fonts;
	}
	a->draw = ui_draw_create(a->display.renderer, a->fonts);
	if (!a->draw) {
		log_error("cannot draw: %s", SDL_GetError());
		goto out_display;
	}

	struct dock_sink sink = { .level = app_dock_level, .data = a };
	a->dock = dock_open(opts->dock ? opts->dock : "gpio", cfg, sink, &err);
	if (!a->dock) {
		log_error("%s", err.msg);
		code = FT_EXIT_USAGE;
		goto out_draw;
	}
	/* A dock read at open (a GPIO chip, keys, none) gives its levels now; a
	 * pipe's are unknown until its first line, and live waits for that
	 * reading (at most grace) before an open session resumes or ends
	 * (SPEC §2.9: unknown is not "out"). */
	int levels[FT_MAX_SLOTS] = { 0 };
	if (dock_levels(a->dock, levels))
		live_dock_levels(a->live, levels, app_mono(a));

	a->clock_fd = clocktrust_watch_open();
	if (a->clock_fd >= 0 && !poller_add_fd(a->poller, a->clock_fd, POLLIN, app_on_clock_set, a)) {
		log_error("cannot watch the clock: %s", strerror(errno));
		goto out_dock;
	}
	if (!display_watch(&a->display, a->poller)) {
		log_error("cannot watch the display: %s", strerror(errno));
		goto out_dock;
	}
	/* on the DRM output no SDL video reads the touchscreen: we do */
	if (a->display.drm ? !evdev_open(&a->evdev, "/dev/input", a->poller, app_evdev, a, &err)
			   : !input_fds_open(&a->input_fds, a->display.window, a->poller, &err)) {
		log_error("%s", err.msg);
		goto out_inputs;
	}
	backlight_find(&a->backlight, "/sys/class/backlight");
	live_wake(a->live, app_mono(a)); /* awake at start, no screen chosen */
	a->dirty = true;

	code = FT_EXIT_OK;
	while (!a->quit) {
		SDL_PumpEvents();
		app_sdl_events(a);
		if (a->quit)
			break;
		poller_timer_arm(a->tick, app_step(a));
		/* SDL may have queued events while we drew (a resize): do
		 * not sleep on them. */
		SDL_PumpEvents();
		if (SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0)
			continue;
		if (poller_dispatch(a->poller, -1) < 0) {
			log_error("poll: %s", strerror(errno));
			code = FT_EXIT_FAILURE;
			break;
		}
	}

	notify_stopping();
	if (!live_stop(a->live, app_mono(a), &err)) {
		log_error("not saved: %s", err.msg);
		code = FT_EXIT_FAILURE;
	}
	backlight_dim(&a->backlight, false); /* the family's level given back */
out_inputs:
	if (a->display.drm)
		evdev_close(&a->evdev);
	else
		input_fds_close(&a->input_fds);
out_dock:
	if (a->clock_fd >= 0)
		close(a->clock_fd);
	dock_close(a->dock);
out_draw:
	ui_draw_destroy(a->draw);
out_display:
	app_close_display(a);
out_fonts:
	ui_fonts_close(a->fonts);
out_free:
	poller_destroy(a->poller);
	free(a->frame);
	live_free(a->live);
	trace_close();
	return code;
}
