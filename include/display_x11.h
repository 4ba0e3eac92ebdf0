/*
 * display_x11.h - the picture SDL's software renderer drew, put into an X11
 * window by us through MIT-SHM, without a round trip to the X server per
 * frame.
 *
 * Why: SDL 2.26's X11 framebuffer (X11_UpdateWindowFramebuffer) follows
 * every XShmPutImage with XSync, so each present sleeps until the X server
 * answers. The idle display draws once a minute, and that answer was a
 * second wakeup every minute (make bench: idle_wakeups_per_min_x11 1.6
 * where the goal is 1.2; issue 8). Here the image goes out with XFlush
 * only; see display_x11.c for how a buffer is known free to draw into
 * again.
 *
 * Ownership: display_x11_open() borrows SDL's Display and Window (through
 * SDL_GetWindowWMInfo) and owns only its graphics context and shared-memory
 * images; display_x11_close() must come before the window is destroyed.
 * Everywhere it cannot serve (another video driver, another renderer, no
 * MIT-SHM, a remote X server, FAMILYTABLE_X11_SHM=0) open returns NULL and
 * the caller presents through SDL (SDL_RenderPresent).
 */
#ifndef FT_DISPLAY_X11_H
#define FT_DISPLAY_X11_H

#include <stdbool.h>

#include <SDL.h>

struct display_x11;

/* Ours to present WINDOW's picture drawn by RENDERER (SDL's software
 * renderer on the window's surface, SDL's x11 driver), or NULL (logged at
 * info: why SDL presents). */
struct display_x11 *display_x11_open(SDL_Window *window, SDL_Renderer *renderer);
/* Puts what RENDERER drew into the window: its queued drawing done
 * (SDL_RenderFlush), the window's surface copied into a shared-memory image
 * and sent (XShmPutImage, XFlush). False when it could not (no surface, no
 * image of the new size): the caller presents through SDL this time. */
bool display_x11_present(struct display_x11 *x, SDL_Window *window, SDL_Renderer *renderer);
/* Frees the images and the context; NULL is fine. */
void display_x11_close(struct display_x11 *x);

#endif
