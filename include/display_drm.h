/*
 * display_drm.h - the table's picture on the console without EGL: an SDL
 * surface drawn by SDL's software renderer, copied into a DRM "dumb"
 * buffer and shown by kernel mode setting (libdrm), as kmscon and psplash
 * do.
 *
 * Why: SDL2's kmsdrm driver only presents through EGL/GBM
 * (libsdl-org/SDL#6561), and on a machine without a GPU driver Mesa's EGL
 * maps libLLVM for llvmpipe: tens of megabytes resident and seconds to the
 * first frame, for a calm screen redrawn a few times a minute.
 *
 * Ownership: display_drm_open() opens the card and becomes its DRM master;
 * the caller owns the surface it returns through display_drm_surface() only
 * as a drawing target (the module frees it). display_drm_close() puts the
 * CRTC back as it found it (the console) and closes the card.
 */
#ifndef FT_DISPLAY_DRM_H
#define FT_DISPLAY_DRM_H

#include <stdbool.h>

#include <SDL.h>

#include "common.h"
#include "poller.h"

/* --- the choices, pure (tests/test_display_drm.c) ------------------------- */

/* A connector as the choice sees it. */
struct display_drm_conn {
	bool connected;
	bool builtin;              /* DSI, DPI, LVDS, eDP: the panel of the appliance */
	int nmodes;
};

/* Which connector shows the table: a connected built-in panel first, else
 * the first connected connector with a mode; -1 when none is. */
int display_drm_pick_connector(const struct display_drm_conn *c, int n);

/* A mode as the choice sees it. */
struct display_drm_mode {
	int w, h;
	int refresh;               /* Hz */
	bool preferred;            /* DRM_MODE_TYPE_PREFERRED: the panel's own */
};

/* Which mode: one of exactly W x H when asked (W, H > 0) and there is one,
 * else the connector's preferred mode, else the largest (the faster at the
 * same size). -1 when there is none. */
int display_drm_pick_mode(const struct display_drm_mode *m, int n, int w, int h);

/* --- the device ------------------------------------------------------------ */

struct display_drm;

/* Whether a DRM card under DIR ("/dev/dri") has a connected connector: the
 * console has a screen we could show the table on. Opens nothing for good. */
bool display_drm_available(const char *dir);

/* Opens the first card under DIR with a connected connector, becomes its DRM
 * master, sets a mode (W x H when it has one, else the preferred) with two
 * dumb buffers, and returns it. NULL with ERR on failure (no card, no
 * connector, another master such as a desktop or SDL already there). */
struct display_drm *display_drm_open(const char *dir, int w, int h, struct ft_error *err);
void display_drm_close(struct display_drm *d);

/* The surface to draw into, the mode's size (XRGB8888). */
SDL_Surface *display_drm_surface(struct display_drm *d);
/* What is shown, for the log: "card0 HDMI-A-1 800x480@60". */
const char *display_drm_describe(const struct display_drm *d);

/* Shows the surface: copied into the buffer not on screen and flipped to at
 * the next vertical blank; while a flip is pending, the latest picture is
 * flipped to as soon as it completes. Where the driver cannot flip, copied
 * into the one buffer on screen and flushed (drmModeDirtyFB). */
void display_drm_present(struct display_drm *d);

/* The card's descriptor in POLLER, for the flips' completion events. */
bool display_drm_watch(struct display_drm *d, struct poller *poller);

#endif
