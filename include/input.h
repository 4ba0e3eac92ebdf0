/*
 * input.h - touches in: fingers (and a real mouse) turned into taps and
 * holds on a frame's targets, and the descriptors SDL reads its input from,
 * so that the loop's poll() wakes for them.
 *
 * The finger side is pure (a frame and points in, an effect out), so tests
 * state what a press and a release on a target mean without SDL events.
 */
#ifndef FT_INPUT_H
#define FT_INPUT_H

#include <SDL.h>

#include "poller.h"
#include "ui.h"

#define INPUT_MAX_FINGERS 10
#define INPUT_MAX_FDS 16

struct input_finger {
	bool down;
	int64_t id;                /* SDL's finger id; INPUT_MOUSE for the mouse */
	struct ui_target pressed;  /* what it went down on */
	bool keys;                 /* it went down on the keyboard's keys */
	int down_x, down_y;        /* where it went down: a swipe is judged from there */
};

#define INPUT_MOUSE ((int64_t)-1)

struct input {
	struct input_finger fingers[INPUT_MAX_FINGERS];
};

/* What a press or a release meant. */
enum input_kind {
	INPUT_NOTHING,
	INPUT_HOLD_DOWN,           /* a finger went down on a hug circle (target.arg) */
	INPUT_HOLD_UP,             /* and was lifted */
	INPUT_TAP,                 /* a press and a release on the same target */
	/* a finger on the keyboard's keys (the frame's keys), at X, Y: down,
	 * moved, lifted; one finger at a time, kept wherever it slides */
	INPUT_KEYS_DOWN, INPUT_KEYS_MOVE, INPUT_KEYS_UP,
};

struct input_effect {
	enum input_kind kind;
	struct ui_target target;
	int x, y;                  /* INPUT_KEYS_*: where the finger is */
};

/* Finger ID pressed (DOWN) or released at logical point (LX, LY) of F. */
struct input_effect input_pointer(struct input *in, const struct ui_frame *f, int64_t id,
				  bool down, int lx, int ly);
/* Finger ID moved to (LX, LY): INPUT_KEYS_MOVE for the finger on the keys,
 * else nothing (a tap is judged where it began and ended). */
struct input_effect input_motion(struct input *in, int64_t id, int lx, int ly);

/* SDL's own input descriptors, watched in a poller: the X11 or Wayland
 * connection, or on kmsdrm the evdev devices (rescanned when /dev/input
 * changes). With none to wait on, pump_by_timer asks the loop to pump SDL
 * every INPUT_PUMP_MS. */
#define INPUT_PUMP_MS 50

struct input_fds {
	int fds[INPUT_MAX_FDS];    /* < -1: -fd-2, a descriptor of ours to close */
	int n;
	struct poller_source *src[INPUT_MAX_FDS];
	bool pump_by_timer;
	int watch;                 /* inotify on /dev/input (kmsdrm), or -1 */
	struct poller_source *watch_src;
	SDL_Window *window;
	struct poller *poller;
};

/* Watch WINDOW's input in POLLER; false with ERR when a registration failed. */
bool input_fds_open(struct input_fds *in, SDL_Window *window, struct poller *poller,
		    struct ft_error *err);
void input_fds_close(struct input_fds *in);
/* Whether SDL's video driver is kmsdrm (on the console, no desktop). */
bool input_is_kmsdrm(void);

#endif
