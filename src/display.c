/*
 * display.c - opening the table's screen, and the screen that shows a
 * configuration mistake until the file is fixed (display.h).
 *
 * The mistake is shown rather than exited on because, under systemd, an
 * exit is a restart every two seconds on a black screen; a parent fixing
 * the file over SSH sees the display come to life the moment it is saved.
 * The wait is a poll() over an inotify watch on the file's folder (editors
 * replace the file by renaming a new one over it, so the file itself is not
 * what is watched), a signalfd, and a timeout for the systemd watchdog and
 * for SDL's own events.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <libintl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "calendar.h"
#include "clock.h"
#include "config.h"
#include "display.h"
#include "log.h"
#include "notify.h"
#include "ui.h"

#define _(s) gettext(s)

static const char no_display_help[] =
	"there is no display to draw on: no desktop session, and no console "
	"screen SDL could open. On a desktop, start it from a terminal there (or "
	"ssh -X); on the Pi's console, let systemd run it (sudo systemctl start "
	"familytable), or run it as a user in the video, render and input "
	"groups with SDL_VIDEODRIVER=kmsdrm";

#define DISPLAY_DRI "/dev/dri"

bool
display_video_parse(const char *s, enum display_video *v)
{
	static const char *const names[] = {"auto", "sdl", "drm"};
	for (size_t i = 0; i < FT_ARRAY_LEN(names); i++) {
		if (strcmp(s, names[i]) == 0) {
			*v = (enum display_video)i;
			return true;
		}
	}
	return false;
}

bool
display_drm_wanted(enum display_video v, bool window, const char *display, const char *wayland,
		   const char *sdl_driver, bool (*available)(const char *dir), const char *dir)
{
	if (v != DISPLAY_VIDEO_AUTO)
		return v == DISPLAY_VIDEO_DRM;
	if (window || (display && display[0]) || (wayland && wayland[0]))
		return false;
	/* tests ask SDL for offscreen or dummy: they must never take the
	 * console's screen */
	if (sdl_driver && sdl_driver[0] && strcasecmp(sdl_driver, "kmsdrm") != 0)
		return false;
	return available(dir);
}

/* The DRM output: SDL's software renderer into the surface DRM shows. SDL
 * itself runs without video (events only: no EGL, no GBM, no LLVM). */
static bool
open_drm(struct display *d, int w, int h, struct ft_error *err)
{
	if (SDL_Init(SDL_INIT_EVENTS) < 0)
		return ft_fail(err, "SDL: %s", SDL_GetError());
	d->drm = display_drm_open(DISPLAY_DRI, w, h, err);
	if (d->drm) {
		d->renderer = SDL_CreateSoftwareRenderer(display_drm_surface(d->drm));
		if (d->renderer) {
			log_info("display: %s through a DRM dumb buffer (software rendering)",
				 display_drm_describe(d->drm));
			return true;
		}
		ft_fail(err, "SDL: %s", SDL_GetError());
	}
	display_close(d);
	return false;
}

bool
display_open(struct display *d, enum display_video video, bool window, int w, int h,
	     struct ft_error *err)
{
	memset(d, 0, sizeof(*d));
	/* The loop decides when to wake; SDL must not install handlers for
	 * SIGINT/SIGTERM (they come through a signalfd). */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
	if (display_drm_wanted(video, window, getenv("DISPLAY"), getenv("WAYLAND_DISPLAY"),
			       getenv("SDL_VIDEODRIVER"), display_drm_available, DISPLAY_DRI)) {
		struct ft_error why;
		if (open_drm(d, w, h, &why))
			return true;
		if (video == DISPLAY_VIDEO_DRM)
			return ft_fail(err, "%s", why.msg);
		/* another master (a desktop starting, a second copy) or no
		 * permission: SDL's kmsdrm may still show something */
		log_warn("display: %s: trying SDL's video instead", why.msg);
	}
	if (SDL_Init(SDL_INIT_VIDEO) < 0)
		return ft_fail(err, "SDL: %s: %s", SDL_GetError(), no_display_help);
	const char *driver = SDL_GetCurrentVideoDriver(), *asked = getenv("SDL_VIDEODRIVER");
	/* SDL's last resort draws nowhere; only a test asks for it */
	if (driver && (!strcmp(driver, "offscreen") || !strcmp(driver, "dummy")) &&
	    !(asked && strstr(asked, driver))) {
		SDL_Quit();
		return ft_fail(err, "%s", no_display_help);
	}
	d->kmsdrm = driver && strcasecmp(driver, "kmsdrm") == 0;
	/* On kmsdrm SDL's first choice is desktop OpenGL, which draws garbage
	 * through GBM when libGL is absent (Pi OS Lite); GLES is what the Pi's
	 * GPU and Mesa's software fallback both speak. A renderer the user
	 * chose (SDL_RENDER_DRIVER) is kept. */
	if (d->kmsdrm && !getenv("SDL_RENDER_DRIVER"))
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
	/* Elsewhere (X11, Wayland, offscreen) SDL's software renderer drawing
	 * straight into the window's surface: a calm 800x480 screen redrawn a
	 * few times a minute needs no GPU, and SDL's first choice, OpenGL, is
	 * Mesa's llvmpipe wherever there is no GPU driver: libLLVM mapped
	 * (55 MB resident), three more threads, and under the offscreen driver
	 * memory that grows with every frame (make bench: peak_rss_kb,
	 * rss_growth_kb_per_hour). SDL_RENDER_DRIVER and
	 * SDL_FRAMEBUFFER_ACCELERATION from the environment still win. */
	if (!d->kmsdrm && !getenv("SDL_RENDER_DRIVER"))
		SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	if (!d->kmsdrm && !getenv("SDL_FRAMEBUFFER_ACCELERATION"))
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	Uint32 flags = SDL_WINDOW_SHOWN |
		       (window ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP);
	d->window = SDL_CreateWindow("familytable", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
				     w > 0 ? w : 800, h > 0 ? h : 480, flags);
	if (d->window) {
		d->renderer = SDL_CreateRenderer(d->window, -1, SDL_RENDERER_TARGETTEXTURE);
		if (!d->renderer)
			d->renderer = SDL_CreateRenderer(d->window, -1, SDL_RENDERER_SOFTWARE);
	}
	if (!d->renderer) {
		ft_fail(err, "SDL: %s", SDL_GetError());
		display_close(d);
		return false;
	}
	if (!window)
		SDL_ShowCursor(SDL_DISABLE);
	/* on X11 we put the picture ourselves: SDL's present waits for the
	 * server every frame (display_x11.h) */
	d->x11 = display_x11_open(d->window, d->renderer);
	return true;
}

void
display_close(struct display *d)
{
	display_x11_close(d->x11);
	d->x11 = NULL;
	if (d->renderer)
		SDL_DestroyRenderer(d->renderer);
	if (d->window)
		SDL_DestroyWindow(d->window);
	display_drm_close(d->drm);
	d->renderer = NULL;
	d->window = NULL;
	d->drm = NULL;
	SDL_Quit();
}

void
display_present(struct display *d)
{
	if (d->x11) {
		if (display_x11_present(d->x11, d->window, d->renderer))
			return;
		/* no image of the window's new size: SDL presents from now on */
		display_x11_close(d->x11);
		d->x11 = NULL;
	}
	SDL_RenderPresent(d->renderer);
	if (d->drm)
		display_drm_present(d->drm);
}

bool
display_watch(struct display *d, struct poller *poller)
{
	return !d->drm || display_drm_watch(d->drm, poller);
}

/* --- the configuration's mistake ------------------------------------------ */

/* TEXT wrapped to WIDTH at PX, drawn at (x, *y); *y moves below it. */
static void
draw_text(SDL_Renderer *r, struct ui_fonts *fonts, const char *text, int px, bool bold,
	  SDL_Color color, int x, int *y, int width)
{
	TTF_Font *font = ui_font(fonts, px, bold);
	SDL_Surface *s = font ? TTF_RenderUTF8_Blended_Wrapped(font, text, color, (Uint32)width) : NULL;
	if (!s)
		return;
	SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
	SDL_Rect box = {x, *y, s->w, s->h};
	if (t) {
		SDL_RenderCopy(r, t, NULL, &box);
		SDL_DestroyTexture(t);
	}
	*y += s->h + px / 2;
	SDL_FreeSurface(s);
}

static void
draw_mistake(struct display *d, struct ui_fonts *fonts, const char *path, const char *msg)
{
	int w, h;
	char hint[PATH_MAX + 256];
	if (SDL_GetRendererOutputSize(d->renderer, &w, &h) != 0)
		return;
	int unit = (w < h ? w : h) / 24, margin = w / 14, y = h / 10;
	if (unit < UI_MIN_TEXT_PX)
		unit = UI_MIN_TEXT_PX;
	SDL_Color ink = {0x2b, 0x2a, 0x28, 0xff}, dim = {0x5f, 0x5a, 0x52, 0xff},
		  accent = {0xa8, 0x4a, 0x2a, 0xff};
	SDL_SetRenderDrawColor(d->renderer, 0xf6, 0xf1, 0xe9, 0xff);
	SDL_RenderClear(d->renderer);
	SDL_Rect bar = {0, 0, w, unit / 2};
	SDL_SetRenderDrawColor(d->renderer, accent.r, accent.g, accent.b, 0xff);
	SDL_RenderFillRect(d->renderer, &bar);
	draw_text(d->renderer, fonts, _("familytable is waiting for its configuration"), unit * 3 / 2,
		  true, ink, margin, &y, w - 2 * margin);
	draw_text(d->renderer, fonts, _("The configuration file has a mistake:"), unit, false, dim,
		  margin, &y, w - 2 * margin);
	draw_text(d->renderer, fonts, msg, unit, true, accent, margin, &y, w - 2 * margin);
	snprintf(hint, sizeof(hint),
		 _("Fix it (for example: sudo nano %s). The table display starts by itself as soon "
		   "as the file is saved."), path);
	draw_text(d->renderer, fonts, hint, unit, false, ink, margin, &y, w - 2 * margin);
	display_present(d);
}

/* Loads PATH as `run` would; false with err set on a mistake. */
static bool
config_ok(const char *path, struct ft_error *err)
{
	struct ft_config cfg;
	config_defaults(&cfg);
	if (!config_load(&cfg, path, err))
		return false;
	if (cfg.timezone[0] && !cal_zone_exists(cfg.timezone, err)) {
		char what[sizeof(err->msg)];
		snprintf(what, sizeof(what), "%s", err->msg);
		return ft_fail(err, "%s: [time] timezone: %s", path, what);
	}
	return true;
}

/* Whether the events read from the inotify descriptor FD name BASE (or
 * say the folder itself changed). */
static bool
names_file(int fd, const char *base)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool hit = false;
	ssize_t n;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *e = (const struct inotify_event *)p;
			if ((e->len && strcmp(e->name, base) == 0) || (e->mask & (IN_IGNORED | IN_Q_OVERFLOW)))
				hit = true;
			p += sizeof(*e) + e->len;
		}
	}
	return hit;
}

/* SDL's events: false when the family (or the desktop) asked to stop. */
static bool
pump(bool *redraw)
{
	SDL_Event ev;
	bool go_on = true;
	while (SDL_PollEvent(&ev)) {
		if (ev.type == SDL_QUIT || (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_q &&
					       (ev.key.keysym.mod & KMOD_CTRL)))
			go_on = false;
		else if (ev.type == SDL_WINDOWEVENT || ev.type == SDL_RENDER_TARGETS_RESET ||
			 ev.type == SDL_RENDER_DEVICE_RESET)
			*redraw = true;
	}
	return go_on;
}

int
display_config_error(const struct display_config_error *o, const char *first)
{
	struct ft_error err;
	char msg[sizeof(err.msg)], dir[PATH_MAX], base[PATH_MAX];
	snprintf(msg, sizeof(msg), "%s", first);
	log_error("%s", msg);
	log_error("waiting for %s to be fixed (the display shows the mistake)", o->path);

	/* blocked before SDL starts its threads, which inherit the mask: a
	 * SIGTERM must reach the signalfd, not kill a thread's default way */
	sigset_t mask, old;
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigprocmask(SIG_BLOCK, &mask, &old);
	int sig = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);

	ui_i18n_init(NULL);
	struct ui_fonts *fonts = ui_fonts_open(&err);
	struct display d;
	if (!fonts || !display_open(&d, o->video, o->window, o->width, o->height, &err)) {
		log_error("%s", err.msg);
		ui_fonts_close(fonts);
		if (sig >= 0)
			close(sig);
		sigprocmask(SIG_SETMASK, &old, NULL);
		return FT_EXIT_USAGE;
	}
	notify_init();
	notify_ready();
	notify_status("configuration mistake, waiting for the file to change: %s", msg);

	snprintf(dir, sizeof(dir), "%s", o->path);
	snprintf(base, sizeof(base), "%s", o->path);
	int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (in < 0 || inotify_add_watch(in, dirname(dir), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE |
							       IN_DELETE | IN_MOVED_FROM | IN_ATTRIB) < 0)
		log_warn("%s: cannot watch its folder (%s): checking it every 5 s", o->path, strerror(errno));

	bool redraw = true, fixed = false, failed = false;
	ft_ms next_check = clock_mono_ms() + 5 * FT_SECOND;
	while (!fixed) {
		if (!pump(&redraw))
			break;
		if (redraw)
			draw_mistake(&d, fonts, o->path, msg);
		redraw = false;
		ft_ms now = clock_mono_ms();
		ft_ms wake = notify_watchdog(now);
		/* SDL's events (a desktop's expose, Ctrl+Q) need a pump now
		 * and then; nothing here is urgent */
		if (wake > now + FT_SECOND)
			wake = now + FT_SECOND;
		struct pollfd p[2] = {{.fd = in, .events = POLLIN}, {.fd = sig, .events = POLLIN}};
		if (poll(p, 2, (int)(wake - now)) < 0 && errno != EINTR) {
			log_error("poll: %s", strerror(errno));
			failed = true;
			break;
		}
		if (p[1].revents & POLLIN)
			break; /* SIGTERM, SIGINT: stopped on purpose */
		bool changed = (p[0].revents & POLLIN) && names_file(in, basename(base));
		if (in < 0 && clock_mono_ms() >= next_check) {
			changed = true;
			next_check = clock_mono_ms() + 5 * FT_SECOND;
		}
		if (!changed)
			continue;
		if (config_ok(o->path, &err)) {
			fixed = true;
		} else if (strcmp(err.msg, msg) != 0) {
			snprintf(msg, sizeof(msg), "%s", err.msg);
			log_error("%s", msg);
			notify_status("configuration mistake, waiting for the file to change: %s", msg);
			redraw = true;
		}
	}
	display_close(&d);
	ui_fonts_close(fonts);
	if (in >= 0)
		close(in);
	if (sig >= 0)
		close(sig);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (failed)
		return FT_EXIT_FAILURE; /* the wait itself broke: said above */
	if (!fixed) {
		notify_stopping();
		return FT_EXIT_OK; /* stopped on purpose */
	}
	/* a fresh start with the same arguments: nothing of this state is
	 * carried into the table display */
	log_info("%s: fixed, starting again", o->path);
	notify_status("configuration fixed: starting again");
	execv("/proc/self/exe", o->argv);
	log_error("cannot start again (%s): %s", o->argv[0], strerror(errno));
	return FT_EXIT_FAILURE;
}
