/*
 * evdev.h - touches and keys read from the kernel's evdev devices
 * (/dev/input/event*) on the app's poll() loop, for the console without
 * SDL's video (the DRM output, display_drm.h): SDL reads evdev only as part
 * of its kmsdrm driver.
 *
 * Two halves. The parser is pure: a device's bytes (struct input_event, as
 * read()) in, fingers down and up and key presses out, positions as a
 * fraction of the device's own range (its absinfo), so tests feed it byte
 * streams. The set opens every touchscreen and keyboard under a folder,
 * watches them (and the folder, for a panel that comes late) in a poller,
 * and hands what the parser finds to a sink.
 *
 * Touchscreens speak the multi-touch protocol B (slots, tracking ids: the
 * Pi's panels, ft5x06, goodix) or single touch (BTN_TOUCH, ABS_X/Y).
 * Keyboards give keys 1-9 (the dock stand-in on a desktop's console) and
 * Ctrl+Q.
 */
#ifndef FT_EVDEV_H
#define FT_EVDEV_H

#include <stdbool.h>
#include <stddef.h>

#include "common.h"
#include "poller.h"

#define EVDEV_SLOTS 10
#define EVDEV_MAX_DEVS 16

enum evdev_kind {
	EVDEV_DOWN,                /* a finger touched */
	EVDEV_UP,                  /* and was lifted */
	EVDEV_KEY,                 /* a key pressed (not repeats, not releases) */
};

struct evdev_event {
	enum evdev_kind kind;
	int id;                    /* finger: unique among the fingers down */
	float x, y;                /* finger: 0..1 across the device's range */
	int key;                   /* key: linux/input-event-codes.h KEY_* */
	bool ctrl;                 /* key: a Ctrl key held */
};

typedef void (*evdev_sink)(void *data, const struct evdev_event *e);

/* An axis's range, from EVIOCGABS. */
struct evdev_axis {
	int min, max;
};

/* One device's parse state. */
struct evdev_parser {
	bool mt;                   /* protocol B slots; else single touch */
	struct evdev_axis ax, ay;
	int slot;                  /* the slot ABS_MT_* events are about */
	struct {
		int tracking;      /* -1: no finger */
		int x, y;
		bool down;         /* reported down to the sink */
		int reported;      /* the tracking id it was reported down with */
	} slots[EVDEV_SLOTS];
	int st_x, st_y;            /* single touch */
	bool st_touch, st_down;
	bool dropped;              /* SYN_DROPPED: ignore until SYN_REPORT */
	bool ctrl_l, ctrl_r;
	int dev;                   /* tells devices' finger ids apart */
};

/* A parser for a device with MT slots (else single touch) and these ranges. */
void evdev_parser_init(struct evdev_parser *p, bool mt, struct evdev_axis ax,
		       struct evdev_axis ay, int dev);
/* Feeds N bytes of whole struct input_event records; what they mean goes to
 * SINK at each SYN_REPORT (a frame of the device). Returns the bytes used (a
 * trailing partial record is left). */
size_t evdev_parse(struct evdev_parser *p, const void *bytes, size_t n, evdev_sink sink,
		   void *data);
/* The fraction V takes across AXIS, at the middle of its step: 0..1. */
float evdev_fraction(struct evdev_axis axis, int v);

/* --- the devices ------------------------------------------------------------ */

struct evdev_set;

struct evdev_dev {
	int fd;                    /* -1: free */
	struct evdev_set *set;     /* its set, for the sink */
	char path[64];
	struct evdev_parser parser;
	struct poller_source *src;
};

struct evdev_set {
	char dir[64];
	struct evdev_dev devs[EVDEV_MAX_DEVS];
	int watch;                 /* inotify on DIR, or -1 */
	struct poller_source *watch_src;
	struct poller *poller;
	evdev_sink sink;
	void *data;
	int next_dev;
};

/* Opens the touchscreens and keyboards under DIR ("/dev/input") and reads
 * them in POLLER from now on, and those that appear later. False with ERR
 * when the poller refused a descriptor. */
bool evdev_open(struct evdev_set *s, const char *dir, struct poller *poller, evdev_sink sink,
		void *data, struct ft_error *err);
void evdev_close(struct evdev_set *s);
/* How many devices are being read. */
int evdev_count(const struct evdev_set *s);

#endif
