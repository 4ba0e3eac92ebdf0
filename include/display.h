/*
 * display.h - the table's screen: on the console, SDL's software renderer
 * into a surface shown through a DRM dumb buffer (display_drm.h), or SDL's
 * kmsdrm when the DRM output cannot be had; on a desktop an SDL window (on
 * X11 presented by display_x11.h, without SDL's round trip per frame); and
 * the screen shown when the configuration has a mistake.
 *
 * Where there is no display at all, SDL quietly falls back to drawing
 * off screen, and `run` would look hung: display_open() refuses that
 * unless it was asked for (SDL_VIDEODRIVER=offscreen, as tests do), and its
 * error says how to get a display.
 */
#ifndef FT_DISPLAY_H
#define FT_DISPLAY_H

#include <SDL.h>

#include "common.h"
#include "display_drm.h"
#include "display_x11.h"
#include "poller.h"

struct display {
	SDL_Window *window;        /* NULL on the DRM output */
	SDL_Renderer *renderer;
	bool kmsdrm;               /* on the console through SDL's kmsdrm */
	struct display_drm *drm;   /* on the console through DRM, or NULL */
	struct display_x11 *x11;   /* an X11 window we present to, or NULL */
};

/* How the picture reaches the screen (run --video, FAMILYTABLE_VIDEO). */
enum display_video {
	DISPLAY_VIDEO_AUTO,        /* DRM on a console with a screen, else SDL */
	DISPLAY_VIDEO_SDL,         /* SDL's own driver (X11, Wayland, kmsdrm...) */
	DISPLAY_VIDEO_DRM,         /* the DRM dumb buffer, or an error */
};

/* "auto", "sdl" or "drm"; false for anything else. */
bool display_video_parse(const char *s, enum display_video *v);

/* Whether to show the picture through DRM: asked for, or on AUTO when
 * nothing else shows a picture: not a window, no desktop (DISPLAY,
 * WAYLAND_DISPLAY unset), no SDL driver asked for other than kmsdrm (the
 * unit's default, kept as the fallback), and AVAILABLE(dir) says a card
 * has a connected screen (asked last: it opens the cards). */
bool display_drm_wanted(enum display_video v, bool window, const char *display,
			const char *wayland, const char *sdl_driver,
			bool (*available)(const char *dir), const char *dir);

/* Opens the screen: a resizable window when WINDOW, else full screen; W, H
 * the window's size (0: 800x480), on DRM the mode's when the screen has
 * one that size. On failure err says why and what to do; SDL is shut down
 * again. */
bool display_open(struct display *d, enum display_video video, bool window, int w, int h,
		  struct ft_error *err);
void display_close(struct display *d);
/* Shows what was drawn into the renderer. */
void display_present(struct display *d);
/* The display's own descriptors in POLLER (DRM's page flip events). */
bool display_watch(struct display *d, struct poller *poller);

struct display_config_error {
	const char *path;          /* the configuration file */
	bool window;               /* run --window */
	enum display_video video;  /* run --video */
	int width, height;
	char *const *argv;         /* to start again once the file is right */
};

/* `run` with a configuration that has a mistake (MSG, "file:line: what"):
 * logs it, shows it on the display with what to do, tells systemd it is up
 * (so it is not restarted in a loop), and waits for the file's folder to
 * change (inotify). Once the file loads, starts the program again with the
 * same arguments (execv); until then shows the latest mistake. Returns an
 * exit code only when it stops: 0 on SIGTERM or SIGINT (or Ctrl+Q, or the
 * window closed), 2 when there is no display to show it on. */
int display_config_error(const struct display_config_error *o, const char *msg);

#endif
