/*
 * input.c - fingers to taps and holds, and SDL's input descriptors (input.h).
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <SDL_syswm.h>

#include "input.h"
#include "log.h"

/* --- fingers --------------------------------------------------------------- */

static struct input_finger *
find_finger(struct input *in, int64_t id, bool create)
{
	for (int i = 0; i < INPUT_MAX_FINGERS; i++)
		if (in->fingers[i].down && in->fingers[i].id == id)
			return &in->fingers[i];
	if (!create)
		return NULL;
	for (int i = 0; i < INPUT_MAX_FINGERS; i++)
		if (!in->fingers[i].down)
			return &in->fingers[i];
	return NULL;
}

static bool
inside_keys(const struct ui_frame *f, int x, int y)
{
	const struct ui_rect *k = &f->keys;
	return k->w > 0 && x >= k->x && x < k->x + k->w && y >= k->y && y < k->y + k->h;
}

/* Whether a finger other than EXCEPT is on the keys. */
static bool
keys_finger(const struct input *in, const struct input_finger *except)
{
	for (int i = 0; i < INPUT_MAX_FINGERS; i++)
		if (&in->fingers[i] != except && in->fingers[i].down && in->fingers[i].keys)
			return true;
	return false;
}

struct input_effect
input_motion(struct input *in, int64_t id, int lx, int ly)
{
	struct input_finger *fg = find_finger(in, id, false);
	if (!fg || !fg->keys)
		return (struct input_effect){ .kind = INPUT_NOTHING };
	return (struct input_effect){ .kind = INPUT_KEYS_MOVE, .x = lx, .y = ly };
}

struct input_effect
input_pointer(struct input *in, const struct ui_frame *f, int64_t id, bool down, int lx, int ly)
{
	struct input_effect none = { .kind = INPUT_NOTHING };
	const struct ui_target *t = ui_hit(f, lx, ly);
	if (down) {
		struct input_finger *fg = find_finger(in, id, true);
		if (!fg)
			return none;
		fg->down = true;
		fg->id = id;
		fg->down_x = lx;
		fg->down_y = ly;
		fg->pressed = t ? *t : (struct ui_target){ .action = UI_ACT_NONE };
		/* the keys type with one finger at a time: a second one on
		 * them is ignored, not a second key held */
		fg->keys = !t && inside_keys(f, lx, ly) && !keys_finger(in, fg);
		if (fg->keys)
			return (struct input_effect){ .kind = INPUT_KEYS_DOWN, .x = lx, .y = ly };
		if (fg->pressed.action == UI_ACT_HUG_HOLD || fg->pressed.action == UI_ACT_SETTINGS_HOLD)
			return (struct input_effect){ .kind = INPUT_HOLD_DOWN, .target = fg->pressed };
		return none;
	}
	struct input_finger *fg = find_finger(in, id, false);
	if (!fg)
		return none;
	fg->down = false;
	if (fg->keys) {
		fg->keys = false;
		return (struct input_effect){ .kind = INPUT_KEYS_UP, .x = lx, .y = ly };
	}
	/* A finger that went down on a hug circle (or the settings' place)
	 * lets go of it wherever it is lifted. */
	if (fg->pressed.action == UI_ACT_HUG_HOLD || fg->pressed.action == UI_ACT_SETTINGS_HOLD)
		return (struct input_effect){ .kind = INPUT_HOLD_UP, .target = fg->pressed };
	/* A swipe across the review (or its pages), mostly sideways and over
	 * 120 units: the week before (a finger moved right, as a page turned
	 * back) or after, as its arrow would, and only where the arrow is. */
	int dx = lx - fg->down_x, dy = ly - fg->down_y;
	int far = (int)(120 * (f->scale > 0 ? f->scale : 1));
	if ((dx > far || -dx > far) && 2 * (dy < 0 ? -dy : dy) < (dx < 0 ? -dx : dx)) {
		for (int i = 0; i < f->ntargets; i++)
			if (f->targets[i].action == UI_ACT_REVIEW_WEEK && f->targets[i].arg == (dx > 0 ? -1 : 1))
				return (struct input_effect){ .kind = INPUT_TAP, .target = f->targets[i] };
	}
	/* A tap is a press and a release on the same target. */
	if (t && t->action == fg->pressed.action && t->arg == fg->pressed.arg)
		return (struct input_effect){ .kind = INPUT_TAP, .target = *t };
	return none;
}

/* --- SDL's descriptors ---------------------------------------------------- */

bool
input_is_kmsdrm(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	return driver && (strcmp(driver, "KMSDRM") == 0 || strcmp(driver, "kmsdrm") == 0);
}

/* The descriptors SDL reads its input from. */
static void
find_fds(struct input_fds *in)
{
	const char *driver = SDL_GetCurrentVideoDriver();
	in->n = 0;
	in->pump_by_timer = false;
	if (!driver)
		return;
	if (strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0)
		return; /* no input at all: timers and signals are enough */
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	bool have_info = SDL_GetWindowWMInfo(in->window, &info);
	(void)have_info;
#if defined(SDL_VIDEO_DRIVER_X11)
	if (have_info && info.subsystem == SDL_SYSWM_X11) {
		/* SDL loaded libX11 itself; borrow its XConnectionNumber. */
		void *lib = dlopen("libX11.so.6", RTLD_LAZY | RTLD_NOLOAD);
		int (*number)(void *) = lib ? (int (*)(void *))dlsym(lib, "XConnectionNumber") : NULL;
		if (number)
			in->fds[in->n++] = number(info.info.x11.display);
		if (lib)
			dlclose(lib);
	}
#endif
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
	if (have_info && info.subsystem == SDL_SYSWM_WAYLAND) {
		void *lib = dlopen("libwayland-client.so.0", RTLD_LAZY | RTLD_NOLOAD);
		int (*get_fd)(void *) = lib ? (int (*)(void *))dlsym(lib, "wl_display_get_fd") : NULL;
		if (get_fd)
			in->fds[in->n++] = get_fd(info.info.wl.display);
		if (lib)
			dlclose(lib);
	}
#endif
	if (input_is_kmsdrm()) {
		/* SDL reads the evdev devices itself; we only poll them for
		 * readiness, and SDL_PumpEvents drains them after. */
		glob_t g;
		if (glob("/dev/input/event*", 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc && in->n < INPUT_MAX_FDS; i++) {
				int fd = open(g.gl_pathv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
				if (fd >= 0)
					in->fds[in->n++] = -fd - 2; /* ours to close */
			}
			globfree(&g);
		}
	}
	if (in->n == 0) {
		log_warn("video driver %s: no descriptor to wait on, pumping events every %d ms",
			 driver, INPUT_PUMP_MS);
		in->pump_by_timer = true;
	}
}

static void
on_input_fd(int fd, short revents, void *data)
{
	/* SDL reads it: the loop pumps SDL's events after each dispatch. */
}

static bool
watch(struct input_fds *in, struct ft_error *err)
{
	find_fds(in);
	for (int i = 0; i < in->n; i++) {
		int fd = in->fds[i] < -1 ? -in->fds[i] - 2 : in->fds[i];
		in->src[i] = poller_add_fd(in->poller, fd, POLLIN, on_input_fd, in);
		if (!in->src[i])
			return ft_fail(err, "cannot watch input descriptor %d: %s", fd, strerror(errno));
	}
	return true;
}

static void
unwatch(struct input_fds *in)
{
	for (int i = 0; i < in->n; i++) {
		if (in->src[i])
			poller_remove(in->src[i]);
		in->src[i] = NULL;
		if (in->fds[i] < -1)
			close(-in->fds[i] - 2);
	}
	in->n = 0;
}

/* /dev/input changed (a device came, went, or got its permissions): poll
 * the devices there are now. */
static void
on_input_change(int fd, short revents, void *data)
{
	struct input_fds *in = data;
	char buf[4096];
	struct ft_error err;
	while (read(fd, buf, sizeof(buf)) > 0)
		; /* drain: which device does not matter, the rescan sees all */
	unwatch(in);
	if (!watch(in, &err))
		log_warn("%s", err.msg);
	log_info("input devices changed: polling %d", in->n);
}

bool
input_fds_open(struct input_fds *in, SDL_Window *window, struct poller *poller,
	       struct ft_error *err)
{
	memset(in, 0, sizeof(*in));
	in->window = window;
	in->poller = poller;
	in->watch = -1;
	if (!watch(in, err))
		return false;
	/* a touchscreen that appears later (slow probe, replugged) is polled
	 * too: SDL opens it, we rescan */
	if (input_is_kmsdrm()) {
		in->watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (in->watch >= 0 &&
		    inotify_add_watch(in->watch, "/dev/input", IN_CREATE | IN_DELETE | IN_ATTRIB) >= 0) {
			in->watch_src = poller_add_fd(poller, in->watch, POLLIN, on_input_change, in);
			if (!in->watch_src)
				return ft_fail(err, "cannot watch /dev/input: %s", strerror(errno));
		}
	}
	return true;
}

void
input_fds_close(struct input_fds *in)
{
	unwatch(in);
	if (in->watch_src)
		poller_remove(in->watch_src);
	in->watch_src = NULL;
	if (in->watch >= 0)
		close(in->watch);
	in->watch = -1;
}
