/*
 * display.h - the table's screen: an SDL window, full screen on the Pi's
 * console (SDL's kmsdrm) or a window on a desktop, and the screen shown
 * when the configuration has a mistake.
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

struct display {
	SDL_Window *window;
	SDL_Renderer *renderer;
	bool kmsdrm;               /* on the console, no desktop */
};

/* Opens the screen: a resizable window when WINDOW, else full screen; W, H
 * the window's size (0: 800x480). On failure err says why and what to do;
 * SDL is shut down again. */
bool display_open(struct display *d, bool window, int w, int h, struct ft_error *err);
void display_close(struct display *d);

struct display_config_error {
	const char *path;          /* the configuration file */
	bool window;               /* run --window */
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
