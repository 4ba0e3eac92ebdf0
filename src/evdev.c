/*
 * evdev.c - touches and keys from /dev/input/event* (evdev.h).
 *
 * The parser follows the kernel's multi-touch protocol B
 * (Documentation/input/multi-touch-protocol.rst): ABS_MT_SLOT picks a slot,
 * ABS_MT_TRACKING_ID >= 0 puts a finger in it and -1 lifts it, positions
 * are per slot, and SYN_REPORT closes a frame; only then is anything
 * reported, so a finger's down carries the position of its frame. After
 * SYN_DROPPED (the kernel's buffer overflowed) everything up to the next
 * SYN_REPORT is discarded and every finger is taken as lifted: a hold ends
 * rather than stick.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "evdev.h"
#include "log.h"

/* --- the parser -------------------------------------------------------------- */

float
evdev_fraction(struct evdev_axis axis, int v)
{
	int span = axis.max - axis.min + 1;
	if (span <= 0)
		return 0.0f;
	if (v < axis.min)
		v = axis.min;
	if (v > axis.max)
		v = axis.max;
	return ((float)(v - axis.min) + 0.5f) / (float)span;
}

void
evdev_parser_init(struct evdev_parser *p, bool mt, struct evdev_axis ax, struct evdev_axis ay,
		  int dev)
{
	memset(p, 0, sizeof(*p));
	p->mt = mt;
	p->ax = ax;
	p->ay = ay;
	p->dev = dev;
	for (int i = 0; i < EVDEV_SLOTS; i++)
		p->slots[i].tracking = -1;
}

static void
finger(struct evdev_parser *p, enum evdev_kind kind, int slot, int x, int y, evdev_sink sink,
       void *data)
{
	struct evdev_event e = { .kind = kind, .id = p->dev * EVDEV_SLOTS + slot,
				 .x = evdev_fraction(p->ax, x), .y = evdev_fraction(p->ay, y) };
	sink(data, &e);
}

/* A SYN_REPORT: the fingers that came and went in this frame. */
static void
frame(struct evdev_parser *p, evdev_sink sink, void *data)
{
	if (!p->mt) {
		if (p->st_touch != p->st_down) {
			p->st_down = p->st_touch;
			finger(p, p->st_down ? EVDEV_DOWN : EVDEV_UP, 0, p->st_x, p->st_y, sink, data);
		}
		return;
	}
	/* lifts first: a slot given a new tracking id in one frame is a
	 * finger lifted and another put down */
	for (int i = 0; i < EVDEV_SLOTS; i++) {
		if (p->slots[i].down && p->slots[i].tracking != p->slots[i].reported) {
			p->slots[i].down = false;
			finger(p, EVDEV_UP, i, p->slots[i].x, p->slots[i].y, sink, data);
		}
	}
	for (int i = 0; i < EVDEV_SLOTS; i++) {
		if (!p->slots[i].down && p->slots[i].tracking >= 0) {
			p->slots[i].down = true;
			p->slots[i].reported = p->slots[i].tracking;
			finger(p, EVDEV_DOWN, i, p->slots[i].x, p->slots[i].y, sink, data);
		}
	}
}

/* Every finger lifted (after SYN_DROPPED). */
static void
lift_all(struct evdev_parser *p, evdev_sink sink, void *data)
{
	for (int i = 0; i < EVDEV_SLOTS; i++)
		p->slots[i].tracking = -1;
	p->st_touch = false;
	frame(p, sink, data);
}

static void
on_event(struct evdev_parser *p, const struct input_event *ev, evdev_sink sink, void *data)
{
	if (p->dropped) {
		if (ev->type == EV_SYN && ev->code == SYN_REPORT)
			p->dropped = false;
		return;
	}
	switch (ev->type) {
	case EV_SYN:
		if (ev->code == SYN_DROPPED) {
			p->dropped = true;
			lift_all(p, sink, data);
		} else if (ev->code == SYN_REPORT) {
			frame(p, sink, data);
		}
		break;
	case EV_ABS:
		if (!p->mt) {
			if (ev->code == ABS_X)
				p->st_x = ev->value;
			else if (ev->code == ABS_Y)
				p->st_y = ev->value;
		} else if (ev->code == ABS_MT_SLOT) {
			p->slot = ev->value; /* out of range: its events are ignored */
		} else if (p->slot >= 0 && p->slot < EVDEV_SLOTS) {
			if (ev->code == ABS_MT_TRACKING_ID)
				p->slots[p->slot].tracking = ev->value < 0 ? -1 : ev->value;
			else if (ev->code == ABS_MT_POSITION_X)
				p->slots[p->slot].x = ev->value;
			else if (ev->code == ABS_MT_POSITION_Y)
				p->slots[p->slot].y = ev->value;
		}
		break;
	case EV_KEY:
		if (ev->code == BTN_TOUCH) {
			p->st_touch = ev->value != 0;
		} else if (ev->code == KEY_LEFTCTRL) {
			p->ctrl_l = ev->value != 0;
		} else if (ev->code == KEY_RIGHTCTRL) {
			p->ctrl_r = ev->value != 0;
		} else if (ev->value == 1 && ev->code < BTN_MISC) {
			struct evdev_event e = { .kind = EVDEV_KEY, .key = ev->code,
						 .ctrl = p->ctrl_l || p->ctrl_r };
			sink(data, &e);
		}
		break;
	default:
		break;
	}
}

size_t
evdev_parse(struct evdev_parser *p, const void *bytes, size_t n, evdev_sink sink, void *data)
{
	size_t used = 0;
	while (n - used >= sizeof(struct input_event)) {
		struct input_event ev;
		memcpy(&ev, (const char *)bytes + used, sizeof(ev));
		used += sizeof(ev);
		on_event(p, &ev, sink, data);
	}
	return used;
}

/* --- the devices ------------------------------------------------------------- */

#define BITS_LONGS(n) (((n) + 8 * sizeof(long) - 1) / (8 * sizeof(long)))

static bool
has_bit(const unsigned long *bits, unsigned bit)
{
	return (bits[bit / (8 * sizeof(long))] >> (bit % (8 * sizeof(long)))) & 1;
}

static struct evdev_axis
axis_of(int fd, unsigned code)
{
	struct input_absinfo a;
	if (ioctl(fd, EVIOCGABS(code), &a) < 0)
		return (struct evdev_axis){ 0, 0 };
	return (struct evdev_axis){ a.minimum, a.maximum };
}

/* Whether FD is a device we read, and its parser if so: a touchscreen
 * (direct touch: protocol B slots, or BTN_TOUCH with ABS_X/Y) or a
 * keyboard with the digits. Touchpads (pointer, not direct) are left to a
 * desktop. */
static bool
classify(int fd, struct evdev_parser *p, int dev)
{
	unsigned long types[BITS_LONGS(EV_CNT)] = { 0 }, abs[BITS_LONGS(ABS_CNT)] = { 0 },
		      keys[BITS_LONGS(KEY_CNT)] = { 0 }, props[BITS_LONGS(INPUT_PROP_CNT)] = { 0 };
	if (ioctl(fd, EVIOCGBIT(0, sizeof(types)), types) < 0)
		return false;
	ioctl(fd, EVIOCGBIT(EV_ABS, sizeof(abs)), abs);
	ioctl(fd, EVIOCGBIT(EV_KEY, sizeof(keys)), keys);
	ioctl(fd, EVIOCGPROP(sizeof(props)), props);
	bool touchpad = has_bit(props, INPUT_PROP_POINTER) && !has_bit(props, INPUT_PROP_DIRECT);
	if (has_bit(types, EV_ABS) && !touchpad) {
		if (has_bit(abs, ABS_MT_SLOT) && has_bit(abs, ABS_MT_POSITION_X) &&
		    has_bit(abs, ABS_MT_POSITION_Y)) {
			evdev_parser_init(p, true, axis_of(fd, ABS_MT_POSITION_X),
					  axis_of(fd, ABS_MT_POSITION_Y), dev);
			return true;
		}
		if (has_bit(abs, ABS_X) && has_bit(abs, ABS_Y) && has_bit(keys, BTN_TOUCH)) {
			evdev_parser_init(p, false, axis_of(fd, ABS_X), axis_of(fd, ABS_Y), dev);
			return true;
		}
	}
	if (has_bit(types, EV_KEY) && has_bit(keys, KEY_1) && has_bit(keys, KEY_Q)) {
		evdev_parser_init(p, false, (struct evdev_axis){ 0, 0 }, (struct evdev_axis){ 0, 0 }, dev);
		return true;
	}
	return false;
}

static void
dev_close(struct evdev_dev *d)
{
	if (d->src)
		poller_remove(d->src);
	if (d->fd >= 0)
		close(d->fd);
	d->src = NULL;
	d->fd = -1;
	d->path[0] = 0;
}

static void
on_dev(int fd, short revents, void *data)
{
	struct evdev_dev *d = data;
	struct input_event buf[64];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n > 0) {
			/* evdev hands out whole records only */
			evdev_parse(&d->parser, buf, (size_t)n, d->set->sink, d->set->data);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
			/* unplugged (ENODEV), or broken: let it go; a device
			 * that comes back is opened again by the folder's watch */
			log_info("input: %s gone (%s)", d->path, n == 0 ? "end of file" : strerror(errno));
			dev_close(d);
		}
		return;
	}
}

/* Opens PATH when it is a device we read and not yet open. */
static void
dev_try(struct evdev_set *s, const char *path)
{
	struct evdev_dev *free_dev = NULL;
	for (int i = 0; i < EVDEV_MAX_DEVS; i++) {
		if (s->devs[i].fd >= 0 && strcmp(s->devs[i].path, path) == 0)
			return;
		if (s->devs[i].fd < 0 && !free_dev)
			free_dev = &s->devs[i];
	}
	if (!free_dev)
		return;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return; /* not ours to read (yet: its group comes from udev) */
	struct evdev_dev *d = free_dev;
	if (!classify(fd, &d->parser, s->next_dev)) {
		close(fd);
		return;
	}
	s->next_dev++;
	d->fd = fd;
	d->set = s;
	snprintf(d->path, sizeof(d->path), "%s", path);
	d->src = poller_add_fd(s->poller, fd, POLLIN, on_dev, d);
	if (!d->src) {
		log_warn("input: cannot watch %s: %s", path, strerror(errno));
		dev_close(d);
		return;
	}
	log_info("input: reading %s (%s)", path,
		 d->parser.ax.max > d->parser.ax.min ? (d->parser.mt ? "multi-touch" : "touch") : "keys");
}

static void
scan(struct evdev_set *s)
{
	DIR *dir = opendir(s->dir);
	if (!dir)
		return;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (strncmp(e->d_name, "event", 5) != 0)
			continue;
		char path[sizeof(s->devs[0].path)];
		if (snprintf(path, sizeof(path), "%s/%s", s->dir, e->d_name) < (int)sizeof(path))
			dev_try(s, path);
	}
	closedir(dir);
}

/* The folder changed: a device came or got its permissions. */
static void
on_dir(int fd, short revents, void *data)
{
	char buf[4096];
	while (read(fd, buf, sizeof(buf)) > 0)
		; /* which one does not matter: the scan sees them all */
	scan(data);
}

bool
evdev_open(struct evdev_set *s, const char *dir, struct poller *poller, evdev_sink sink,
	   void *data, struct ft_error *err)
{
	memset(s, 0, sizeof(*s));
	for (int i = 0; i < EVDEV_MAX_DEVS; i++)
		s->devs[i].fd = -1;
	snprintf(s->dir, sizeof(s->dir), "%s", dir);
	s->poller = poller;
	s->sink = sink;
	s->data = data;
	s->watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (s->watch >= 0 && inotify_add_watch(s->watch, dir, IN_CREATE | IN_ATTRIB) >= 0) {
		s->watch_src = poller_add_fd(poller, s->watch, POLLIN, on_dir, s);
		if (!s->watch_src) {
			evdev_close(s);
			return ft_fail(err, "cannot watch %s: %s", dir, strerror(errno));
		}
	} else {
		log_warn("input: cannot watch %s for new devices: %s", dir, strerror(errno));
	}
	scan(s);
	return true;
}

void
evdev_close(struct evdev_set *s)
{
	for (int i = 0; i < EVDEV_MAX_DEVS; i++)
		if (s->devs[i].fd >= 0)
			dev_close(&s->devs[i]);
	if (s->watch_src)
		poller_remove(s->watch_src);
	s->watch_src = NULL;
	if (s->watch >= 0)
		close(s->watch);
	s->watch = -1;
}

int
evdev_count(const struct evdev_set *s)
{
	int n = 0;
	for (int i = 0; i < EVDEV_MAX_DEVS; i++)
		n += s->devs[i].fd >= 0;
	return n;
}
