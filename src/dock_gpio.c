/*
 * dock_gpio.c - the dock on GPIO lines through the kernel's character device
 * and libgpiod, 1.6 (Debian and Pi OS bookworm) or 2.x (trixie, bookworm-
 * backports), chosen at build time by FT_GPIOD_MAJOR.
 *
 * The shape is libgpiod's own: find the chip, request the lines as inputs
 * with edge events, then read events when the descriptor is readable. The
 * level is the truth and edges are hints: levels are read when the lines
 * are requested (phones docked at boot count from boot) and after every
 * batch of events, and a level that disagrees with the edges wins.
 *
 * Debounce (SPEC §2.1): on libgpiod 2 the kernel debounces each line as a
 * pre-filter and each edge is dated back by the period; libgpiod 1.6 passes
 * raw edges. src/debounce.c explains the whole path once.
 *
 * Timestamps. Both APIs give the kernel's timestamp of the edge. Since Linux
 * 5.7 it is CLOCK_MONOTONIC for the v1 uAPI that libgpiod 1.6 speaks, and
 * libgpiod 2 asks for CLOCK_MONOTONIC explicitly; on an older kernel v1
 * stamps are CLOCK_REALTIME, which we recognise and convert.
 *
 * Faults: a missing chip, a busy line, no permission, a chip that goes away
 * while we hold it. Each sets FAULT_DOCK with a message that says what to do
 * (fault_set logs it once), closes what was open, and retries every
 * DOCK_RETRY_MS; the fault clears when the lines are back.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gpiod.h>

#if FT_GPIOD_MAJOR < 2
#include <sys/epoll.h>
#endif

#include "dock_internal.h"
#include "log.h"

/* Who holds the line, as gpioinfo shows it. */
#define GPIO_CONSUMER "familytable"
/* Edge events read at most per dispatch from libgpiod 2's request (the
 * kernel keeps up to this many meanwhile). */
#define GPIO_EVENT_BUFFER 64

struct gpio {
	/* From the configuration. */
	char want[64];                   /* [dock] chip: name, path or label */
	int nlines;
	unsigned offsets[FT_MAX_SLOTS];
	bool active_low;
	enum ft_bias bias;
	ft_ms debounce;

	/* While the lines are held. */
	bool open;
	char path[PATH_MAX];
	char label[64];
	struct gpiod_chip *chip;
#if FT_GPIOD_MAJOR >= 2
	struct gpiod_line_request *req;
	struct gpiod_edge_event_buffer *events;
#else
	struct gpiod_line_bulk bulk;
	int epfd;                        /* one descriptor over the lines' */
#endif
	bool report_pending;             /* levels read at open, not yet reported */
	ft_ms opened_at;
	ft_ms health_at;                 /* next check that the chip is there */
	bool held;                       /* leaving the descriptor alone */
	ft_ms held_until;
	struct dock_batch batch;         /* the edges of one dispatch */

	/* While it is not. */
	ft_ms retry_at;
};

/*
 * What differs between libgpiod 1.6 and 2.x, behind six small functions:
 *   chip_describe     label and number of lines of an open chip;
 *   lines_request     request the lines (inputs, both edges, bias,
 *                     active-low, debounce, our consumer name);
 *   lines_release     give them back;
 *   lines_holder      who holds a line we could not get;
 *   lines_values      read the levels now;
 *   lines_read_edges  read one batch of edges into B.
 * Each returns 0 or an errno value.
 */
#if FT_GPIOD_MAJOR >= 2

static const char *
gpio_library(void)
{
	return gpiod_api_version();
}

static int
chip_describe(struct gpiod_chip *chip, char *label, size_t size, unsigned *nlines)
{
	struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
	if (!info)
		return errno;
	snprintf(label, size, "%s", gpiod_chip_info_get_label(info));
	*nlines = (unsigned)gpiod_chip_info_get_num_lines(info);
	gpiod_chip_info_free(info);
	return 0;
}

static int
lines_request(struct gpio *g)
{
	static const enum gpiod_line_bias biases[] = {
		[FT_BIAS_AS_IS] = GPIOD_LINE_BIAS_AS_IS,
		[FT_BIAS_PULL_UP] = GPIOD_LINE_BIAS_PULL_UP,
		[FT_BIAS_PULL_DOWN] = GPIOD_LINE_BIAS_PULL_DOWN,
		[FT_BIAS_DISABLE] = GPIOD_LINE_BIAS_DISABLED,
	};
	int ret = ENOMEM;
	struct gpiod_line_settings *settings = gpiod_line_settings_new();
	struct gpiod_line_config *line_cfg = gpiod_line_config_new();
	struct gpiod_request_config *req_cfg = gpiod_request_config_new();
	if (!settings || !line_cfg || !req_cfg)
		goto out;

	gpiod_line_settings_set_direction(settings, GPIOD_LINE_DIRECTION_INPUT);
	gpiod_line_settings_set_edge_detection(settings, GPIOD_LINE_EDGE_BOTH);
	gpiod_line_settings_set_bias(settings, biases[g->bias]);
	gpiod_line_settings_set_active_low(settings, g->active_low);
	/* The kernel debounces: a bouncing switch then costs us nothing. */
	gpiod_line_settings_set_debounce_period_us(settings,
						   (unsigned long)g->debounce * 1000);
	gpiod_line_settings_set_event_clock(settings, GPIOD_LINE_CLOCK_MONOTONIC);
	if (gpiod_line_config_add_line_settings(line_cfg, g->offsets, (size_t)g->nlines,
						settings) < 0) {
		ret = errno;
		goto out;
	}
	gpiod_request_config_set_consumer(req_cfg, GPIO_CONSUMER);
	gpiod_request_config_set_event_buffer_size(req_cfg, GPIO_EVENT_BUFFER);

	g->events = gpiod_edge_event_buffer_new(GPIO_EVENT_BUFFER);
	if (!g->events)
		goto out;
	g->req = gpiod_chip_request_lines(g->chip, req_cfg, line_cfg);
	if (!g->req) {
		ret = errno;
		goto fail_events;
	}
	/* Non-blocking, so a read never stalls the loop. */
	int fd = gpiod_line_request_get_fd(g->req);
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0) {
		ret = errno;
		gpiod_line_request_release(g->req);
		g->req = NULL;
		goto fail_events;
	}
	ret = 0;
	goto out;

fail_events:
	gpiod_edge_event_buffer_free(g->events);
	g->events = NULL;
out:
	gpiod_request_config_free(req_cfg);
	gpiod_line_config_free(line_cfg);
	gpiod_line_settings_free(settings);
	return ret;
}

static int
lines_fd(const struct gpio *g)
{
	return gpiod_line_request_get_fd(g->req);
}

static void
lines_release(struct gpio *g)
{
	if (g->req)
		gpiod_line_request_release(g->req);
	if (g->events)
		gpiod_edge_event_buffer_free(g->events);
	g->req = NULL;
	g->events = NULL;
}

static bool
lines_holder(struct gpio *g, unsigned offset, char *consumer, size_t size)
{
	struct gpiod_line_info *info = gpiod_chip_get_line_info(g->chip, offset);
	if (!info)
		return false;
	bool used = gpiod_line_info_is_used(info);
	const char *who = gpiod_line_info_get_consumer(info);
	snprintf(consumer, size, "%s", who ? who : "");
	gpiod_line_info_free(info);
	return used;
}

static int
lines_values(struct gpio *g, int *levels)
{
	enum gpiod_line_value values[FT_MAX_SLOTS];
	if (gpiod_line_request_get_values(g->req, values) < 0)
		return errno;
	for (int i = 0; i < g->nlines; i++)
		levels[i] = values[i] == GPIOD_LINE_VALUE_ACTIVE;
	return 0;
}

static int
slot_of(const struct gpio *g, unsigned offset)
{
	for (int i = 0; i < g->nlines; i++)
		if (g->offsets[i] == offset)
			return i + 1;
	return 0;
}

static int
lines_read_edges(struct dock *dock, struct gpio *g, struct dock_batch *b, ft_ms now)
{
	int n = gpiod_line_request_read_edge_events(g->req, g->events, GPIO_EVENT_BUFFER);
	if (n < 0)
		return errno == EAGAIN ? 0 : errno;
	for (int i = 0; i < n; i++) {
		struct gpiod_edge_event *ev = gpiod_edge_event_buffer_get_event(g->events,
										 (unsigned long)i);
		int level = gpiod_edge_event_get_event_type(ev) == GPIOD_EDGE_EVENT_RISING_EDGE;
		/* Stamped when the kernel's debounce period ran out: the raw
		 * edge that began this level was one period earlier. */
		ft_ms t = (ft_ms)(gpiod_edge_event_get_timestamp_ns(ev) / 1000000) - g->debounce;
		if (t > now)
			t = now;
		dock_batch_edge(dock, b, slot_of(g, gpiod_edge_event_get_line_offset(ev)), level, t);
	}
	return 0;
}

#else /* libgpiod 1.6 */

static const char *
gpio_library(void)
{
	return gpiod_version_string();
}

static int
chip_describe(struct gpiod_chip *chip, char *label, size_t size, unsigned *nlines)
{
	snprintf(label, size, "%s", gpiod_chip_label(chip));
	*nlines = gpiod_chip_num_lines(chip);
	return 0;
}

static int
lines_request(struct gpio *g)
{
	static const int biases[] = {
		[FT_BIAS_AS_IS] = 0,
		[FT_BIAS_PULL_UP] = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP,
		[FT_BIAS_PULL_DOWN] = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN,
		[FT_BIAS_DISABLE] = GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE,
	};
	struct gpiod_line_request_config config = {
		.consumer = GPIO_CONSUMER,
		.request_type = GPIOD_LINE_REQUEST_EVENT_BOTH_EDGES,
		.flags = biases[g->bias] | (g->active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0),
	};
	int ret;

	gpiod_line_bulk_init(&g->bulk);
	for (int i = 0; i < g->nlines; i++) {
		struct gpiod_line *line = gpiod_chip_get_line(g->chip, g->offsets[i]);
		if (!line)
			return errno;
		gpiod_line_bulk_add(&g->bulk, line);
	}
	/* libgpiod 1.6 gives back the lines it got when one fails. */
	if (gpiod_line_request_bulk(&g->bulk, &config, NULL) < 0)
		return errno;

	/* v1 gives each line its own event descriptor; one epoll descriptor
	 * over them all is what the app polls. */
	g->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (g->epfd < 0) {
		ret = errno;
		goto fail_release;
	}
	for (int i = 0; i < g->nlines; i++) {
		int fd = gpiod_line_event_get_fd(gpiod_line_bulk_get_line(&g->bulk, (unsigned)i));
		struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
		/* Non-blocking, so a read never stalls the loop. */
		if (fd < 0 || fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0 ||
		    epoll_ctl(g->epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
			ret = errno ? errno : EIO;
			goto fail_epoll;
		}
	}
	return 0;

fail_epoll:
	close(g->epfd);
	g->epfd = -1;
fail_release:
	gpiod_line_release_bulk(&g->bulk);
	return ret;
}

static int
lines_fd(const struct gpio *g)
{
	return g->epfd;
}

static void
lines_release(struct gpio *g)
{
	if (g->epfd >= 0) {
		close(g->epfd);
		gpiod_line_release_bulk(&g->bulk);
	}
	g->epfd = -1;
}

static bool
lines_holder(struct gpio *g, unsigned offset, char *consumer, size_t size)
{
	struct gpiod_line *line = gpiod_chip_get_line(g->chip, offset);
	if (!line || gpiod_line_update(line) < 0)
		return false;
	const char *who = gpiod_line_consumer(line);
	snprintf(consumer, size, "%s", who ? who : "");
	return gpiod_line_is_used(line);
}

static int
lines_values(struct gpio *g, int *levels)
{
	if (gpiod_line_get_value_bulk(&g->bulk, levels) < 0)
		return errno;
	return 0;
}

/* The v1 stamp in ms of CLOCK_MONOTONIC. Linux 5.7 and later stamp with
 * CLOCK_MONOTONIC; before, with CLOCK_REALTIME, which is far ahead of the
 * monotonic clock on any machine whose wall clock is set. */
static ft_ms
event_time(const struct timespec *ts, ft_ms now)
{
	ft_ms t = (ft_ms)ts->tv_sec * 1000 + ts->tv_nsec / 1000000;
	if (t > now + FT_DAY) {
		struct timespec real;
		clock_gettime(CLOCK_REALTIME, &real);
		t -= (ft_ms)real.tv_sec * 1000 + real.tv_nsec / 1000000 - clock_mono_ms();
	}
	return t > now ? now : t;
}

static int
lines_read_edges(struct dock *dock, struct gpio *g, struct dock_batch *b, ft_ms now)
{
	struct epoll_event ready[FT_MAX_SLOTS];
	int n = epoll_wait(g->epfd, ready, FT_MAX_SLOTS, 0);
	if (n < 0)
		return errno == EINTR ? 0 : errno;
	for (int r = 0; r < n; r++) {
		int i = (int)ready[r].data.u32;
		if (ready[r].events & (EPOLLERR | EPOLLHUP))
			return ENODEV;
		/* The kernel keeps 16 events a line: one read takes them all. */
		struct gpiod_line_event events[16];
		int got = gpiod_line_event_read_multiple(gpiod_line_bulk_get_line(&g->bulk,
										  (unsigned)i),
							 events, 16);
		if (got < 0) {
			if (errno == EAGAIN)
				continue;
			return errno;
		}
		for (int k = 0; k < got; k++)
			dock_batch_edge(dock, b, i + 1,
					events[k].event_type == GPIOD_LINE_EVENT_RISING_EDGE,
					event_time(&events[k].ts, now));
	}
	return 0;
}

#endif

/*
 * Open the chip named WANT: a path ("/dev/gpiochip4"), a name
 * ("gpiochip4"), a number ("4") or a label ("pinctrl-rp1"), since the chip
 * number of a Pi's header differs between kernels while its label does not.
 * Returns the chip, or NULL with errno ENOENT (no such chip) or EACCES (a
 * chip we may not open, which may be the one).
 */
static struct gpiod_chip *
chip_lookup(const char *want, char *path, size_t size)
{
	struct gpiod_chip *chip;
	struct stat st;
	bool digits = want[0] != '\0' && strspn(want, "0123456789") == strlen(want);

	if (strchr(want, '/'))
		snprintf(path, size, "%s", want);
	else if (digits)
		snprintf(path, size, "/dev/gpiochip%s", want);
	else
		snprintf(path, size, "/dev/%s", want);
	if (strchr(want, '/') || digits || (strncmp(want, "gpiochip", 8) == 0 && stat(path, &st) == 0))
		return gpiod_chip_open(path);

	DIR *dir = opendir("/dev");
	if (!dir)
		return NULL;
	bool denied = false;
	struct dirent *de;
	chip = NULL;
	while (!chip && (de = readdir(dir))) {
		if (strncmp(de->d_name, "gpiochip", 8) != 0)
			continue;
		snprintf(path, size, "/dev/%s", de->d_name);
		struct gpiod_chip *c = gpiod_chip_open(path);
		if (!c) {
			denied |= errno == EACCES || errno == EPERM;
			continue;
		}
		char label[64];
		unsigned nlines;
		if (chip_describe(c, label, sizeof(label), &nlines) == 0 && strcmp(label, want) == 0)
			chip = c;
		else
			gpiod_chip_close(c);
	}
	closedir(dir);
	if (!chip)
		errno = denied ? EACCES : ENOENT;
	return chip;
}

static void
gpio_shut(struct gpio *g)
{
	if (g->open)
		lines_release(g);
	if (g->chip)
		gpiod_chip_close(g->chip);
	g->chip = NULL;
	g->open = false;
	g->held = false;
	g->report_pending = false;
}

/* Give up the lines after a fault and try again in DOCK_RETRY_MS. */
static void
gpio_fault(struct dock *dock, struct gpio *g, ft_ms now)
{
	gpio_shut(g);
	dock->known = false;
	g->retry_at = now + DOCK_RETRY_MS;
}

/* Try to find the chip and get the lines. On failure set the fault that
 * says why; on success clear it and read the levels, reported by the next
 * dispatch. */
static bool
gpio_try_open(struct dock *dock, struct gpio *g, ft_ms now)
{
	unsigned nlines = 0;
	int ret;

	g->chip = chip_lookup(g->want, g->path, sizeof(g->path));
	if (!g->chip) {
		if (errno == ENOENT)
			fault_set(FAULT_DOCK, "GPIO chip \"%s\" not found: no chip has that name, "
					      "path or label ([dock] chip)", g->want);
		else if (errno == EACCES || errno == EPERM)
			fault_set(FAULT_DOCK, "no permission to open GPIO chip \"%s\" (%s): run "
					      "familytable in the group that owns /dev/gpiochip*",
				  g->want, g->path);
		else
			fault_set(FAULT_DOCK, "cannot open GPIO chip \"%s\" (%s): %s", g->want,
				  g->path, strerror(errno));
		goto fail;
	}
	ret = chip_describe(g->chip, g->label, sizeof(g->label), &nlines);
	if (ret) {
		fault_set(FAULT_DOCK, "cannot read GPIO chip %s: %s", g->path, strerror(ret));
		goto fail;
	}
	for (int i = 0; i < g->nlines; i++)
		if (g->offsets[i] >= nlines) {
			fault_set(FAULT_DOCK, "GPIO chip %s [%s] has %u lines: it has no line %u "
					      "([dock] lines)", g->path, g->label, nlines, g->offsets[i]);
			goto fail;
		}

	ret = lines_request(g);
	if (ret == EBUSY) {
		char who[64] = "";
		for (int i = 0; i < g->nlines; i++)
			if (lines_holder(g, g->offsets[i], who, sizeof(who))) {
				fault_set(FAULT_DOCK, "GPIO line %u of %s (dock slot %d) is busy: "
						      "held by \"%s\"", g->offsets[i], g->label, i + 1,
					  who[0] ? who : "another program");
				goto fail;
			}
		fault_set(FAULT_DOCK, "GPIO lines of %s are busy", g->label);
		goto fail;
	} else if (ret == EACCES || ret == EPERM) {
		fault_set(FAULT_DOCK, "no permission to use the GPIO lines of %s: %s", g->label,
			  strerror(ret));
		goto fail;
	} else if (ret) {
		fault_set(FAULT_DOCK, "cannot request GPIO lines of %s: %s", g->label, strerror(ret));
		goto fail;
	}
	g->open = true;

	ret = lines_values(g, dock->level);
	if (ret) {
		fault_set(FAULT_DOCK, "cannot read GPIO lines of %s: %s", g->label, strerror(ret));
		goto fail;
	}
	dock->known = true;
	g->report_pending = true;
	g->opened_at = now;
	g->health_at = now + DOCK_HEALTH_MS;
	g->retry_at = FT_MS_NEVER;
	fault_clear(FAULT_DOCK);
	log_info("dock: %d lines of %s [%s], libgpiod %s, debounce %lld ms%s", g->nlines,
		 g->path, g->label, gpio_library(), (long long)g->debounce,
		 FT_GPIOD_MAJOR >= 2 ? " in the kernel" : "");
	return true;

fail:
	gpio_fault(dock, g, now);
	return false;
}

static void
gpio_gone(struct dock *dock, struct gpio *g, int error, ft_ms now)
{
	fault_set(FAULT_DOCK, "GPIO chip %s [%s] is gone: %s", g->path, g->label,
		  strerror(error));
	gpio_fault(dock, g, now);
}

static void
gpio_dispatch(struct dock *dock, ft_ms now)
{
	struct gpio *g = dock->impl;
	int levels[FT_MAX_SLOTS];
	int ret;

	if (!g->open) {
		if (now < g->retry_at || !gpio_try_open(dock, g, now))
			return;
	}
	if (g->report_pending) {
		/* Phones docked at boot (or while we were away) count from the
		 * instant we saw them. */
		for (int s = 1; s <= dock->nslots; s++)
			dock_report(dock, s, dock->level[s - 1], g->opened_at);
		g->report_pending = false;
	}
	if (g->held) {
		if (now < g->held_until)
			return;
		g->held = false;
	}

	struct pollfd pfd = {.fd = lines_fd(g), .events = POLLIN};
	if (poll(&pfd, 1, 0) < 0)
		return; /* EINTR: the loop comes back */
	if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) {
		gpio_gone(dock, g, ENODEV, now);
		return;
	}
	if (pfd.revents & POLLIN) {
		struct dock_batch *batch = &g->batch;
		dock_batch_begin(batch);
		ret = lines_read_edges(dock, g, batch, now);
		if (ret == 0)
			ret = lines_values(g, levels);
		if (ret) {
			gpio_gone(dock, g, ret, now);
			return;
		}
		dock_batch_end(dock, batch, levels, now);
		g->health_at = now + DOCK_HEALTH_MS;
		if (batch->nedges > 0) {
			g->held = true;
			g->held_until = now + DOCK_HOLDOFF_MS;
		}
		return;
	}
	if (now >= g->health_at) {
		/* A removed chip does not always wake poll(); reading the
		 * levels tells, and resynchronises them on the way. */
		ret = lines_values(g, levels);
		if (ret) {
			gpio_gone(dock, g, ret, now);
			return;
		}
		dock_batch_begin(&g->batch);
		dock_batch_end(dock, &g->batch, levels, now);
		g->health_at = now + DOCK_HEALTH_MS;
	}
}

static int
gpio_fd(const struct dock *dock)
{
	const struct gpio *g = dock->impl;
	return g->open && !g->held ? lines_fd(g) : -1;
}

static ft_ms
gpio_deadline(const struct dock *dock)
{
	const struct gpio *g = dock->impl;
	if (!g->open)
		return g->retry_at;
	if (g->report_pending)
		return g->opened_at;
	if (g->held)
		return g->held_until;
	return g->health_at;
}

static void
gpio_close(struct dock *dock)
{
	struct gpio *g = dock->impl;
	gpio_shut(g);
	free(g);
}

static const struct dock_ops gpio_ops = {
	"gpio", gpio_close, gpio_fd, gpio_dispatch, gpio_deadline,
};

bool
dock_gpio_open(struct dock *dock, const struct ft_config *cfg, ft_ms now, struct ft_error *err)
{
	struct gpio *g = calloc(1, sizeof(*g));
	if (!g)
		return ft_fail(err, "--dock gpio: out of memory");
	snprintf(g->want, sizeof(g->want), "%s", cfg->chip[0] ? cfg->chip : "gpiochip0");
	g->nlines = cfg->nlines;
	memcpy(g->offsets, cfg->lines, sizeof(g->offsets));
	g->active_low = cfg->active_low;
	g->bias = cfg->bias;
	g->debounce = cfg->debounce;
#if FT_GPIOD_MAJOR < 2
	g->epfd = -1;
#endif
	dock->ops = &gpio_ops;
	dock->impl = g;
	/* A chip that is not there yet is a fault to retry, not an error:
	 * the driver may load after us at boot. */
	gpio_try_open(dock, g, now);
	return true;
}
