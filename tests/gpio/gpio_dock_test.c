/*
 * gpio_dock_test.c - the GPIO dock against a real kernel GPIO device: the
 * kernel's gpio-sim, in a throwaway VM (scripts/gpio-sim-vm, make
 * check-gpio). It is built twice, against libgpiod 1.6 and 2.x, and links the
 * real dock, engine and store (libfamilytable.a).
 *
 * The test makes its own simulated chip through configfs, labelled like a
 * Raspberry Pi 5's header (pinctrl-rp1) with four named lines, and plays the
 * switches by writing each line's sim_gpioN/pull attribute: pull-down is a
 * closed switch (a phone in the slot) under active_low, as on the real dock.
 * It checks what the kernel sees through the raw uAPI (consumer, flags), so
 * that the check does not trust the library under test.
 *
 * Output is TAP-like ("ok N - what" / "not ok N - what: why"), read by
 * scripts/gpio-sim-vm on the serial console. It must run as root in the VM:
 * it loads nothing, but writes configfs and sysfs.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "config.h"
#include "debounce.h"
#include "dock.h"
#include "engine.h"
#include "log.h"
#include "store.h"

#define SIM_ROOT "/sys/kernel/config/gpio-sim"
#define SIM_NAME "ftdock"
#define SIM_LABEL "pinctrl-rp1"
#define SIM_LINES 4
/* Kernel timestamps against our clock reading around a sysfs write, under
 * full emulation (TCG): generous, but far below the 50 ms debounce. */
#define SLACK_MS 25

static int tests_run, tests_failed;

static void __attribute__((format(printf, 2, 3)))
check(bool ok, const char *fmt, ...)
{
	va_list ap;
	tests_run++;
	printf("%s %d - ", ok ? "ok" : "not ok", tests_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!ok)
		tests_failed++;
}

static void __attribute__((format(printf, 1, 2)))
note(const char *fmt, ...)
{
	va_list ap;
	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static void
sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* ---- the simulated chip ---- */

static bool
write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	if (fd < 0) {
		note("open %s: %s", path, strerror(errno));
		return false;
	}
	ssize_t n = write(fd, text, strlen(text));
	int saved = errno;
	close(fd);
	if (n != (ssize_t)strlen(text)) {
		note("write %s to %s: %s", text, path, strerror(saved));
		return false;
	}
	return true;
}

static bool
read_word(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	bool ok = fgets(out, (int)size, f) != NULL;
	fclose(f);
	if (ok)
		out[strcspn(out, "\n")] = '\0';
	return ok;
}

struct sim {
	char dev_name[64];   /* gpio-sim.0 */
	char chip_name[64];  /* gpiochipN */
	char dev_path[80];   /* /dev/gpiochipN */
};

static bool
sim_names(struct sim *s)
{
	if (!read_word(SIM_ROOT "/" SIM_NAME "/dev_name", s->dev_name, sizeof(s->dev_name)) ||
	    !read_word(SIM_ROOT "/" SIM_NAME "/bank0/chip_name", s->chip_name, sizeof(s->chip_name)))
		return false;
	snprintf(s->dev_path, sizeof(s->dev_path), "/dev/%s", s->chip_name);
	return true;
}

static bool
sim_live(struct sim *s, bool live)
{
	if (!write_file(SIM_ROOT "/" SIM_NAME "/live", live ? "1" : "0"))
		return false;
	return !live || sim_names(s);
}

static bool
sim_create(struct sim *s)
{
	char path[256], name[16];
	if (mkdir(SIM_ROOT "/" SIM_NAME, 0755) < 0 || mkdir(SIM_ROOT "/" SIM_NAME "/bank0", 0755) < 0)
		return false;
	if (!write_file(SIM_ROOT "/" SIM_NAME "/bank0/label", SIM_LABEL) ||
	    !write_file(SIM_ROOT "/" SIM_NAME "/bank0/num_lines", "4"))
		return false;
	for (int i = 0; i < SIM_LINES; i++) {
		snprintf(path, sizeof(path), SIM_ROOT "/" SIM_NAME "/bank0/line%d", i);
		if (mkdir(path, 0755) < 0)
			return false;
		snprintf(path, sizeof(path), SIM_ROOT "/" SIM_NAME "/bank0/line%d/name", i);
		snprintf(name, sizeof(name), "DOCK%d", i + 1);
		if (!write_file(path, name))
			return false;
	}
	return sim_live(s, true);
}

/* Take the chip down and remove it, so that the next test binary in the
 * same VM starts afresh. */
static void
sim_destroy(void)
{
	char path[256];
	write_file(SIM_ROOT "/" SIM_NAME "/live", "0");
	for (int i = 0; i < SIM_LINES; i++) {
		snprintf(path, sizeof(path), SIM_ROOT "/" SIM_NAME "/bank0/line%d", i);
		rmdir(path);
	}
	rmdir(SIM_ROOT "/" SIM_NAME "/bank0");
	rmdir(SIM_ROOT "/" SIM_NAME);
}

/* PULL "pull-down" closes the switch of line OFFSET (a phone in, with
 * active_low), "pull-up" opens it. */
static bool
sim_pull(const struct sim *s, int offset, const char *pull)
{
	char path[256];
	snprintf(path, sizeof(path), "/sys/devices/platform/%s/%s/sim_gpio%d/pull", s->dev_name,
		 s->chip_name, offset);
	return write_file(path, pull);
}

/* ---- the raw kernel uAPI, to look at the lines without libgpiod ---- */

static bool
line_info(const struct sim *s, unsigned offset, struct gpio_v2_line_info *info)
{
	int fd = open(s->dev_path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return false;
	memset(info, 0, sizeof(*info));
	info->offset = offset;
	bool ok = ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, info) == 0;
	close(fd);
	return ok;
}

/* Hold line OFFSET as consumer "other", as another program would. */
static int
hold_line(const struct sim *s, unsigned offset)
{
	int fd = open(s->dev_path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct gpio_v2_line_request req;
	memset(&req, 0, sizeof(req));
	req.offsets[0] = offset;
	req.num_lines = 1;
	snprintf(req.consumer, sizeof(req.consumer), "other");
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT;
	int ret = ioctl(fd, GPIO_V2_GET_LINE_IOCTL, &req);
	close(fd);
	return ret < 0 ? -1 : req.fd;
}

/* ---- the dock under test, with a recorder and an optional engine ---- */

struct seen {
	int slot, level;
	ft_ms t;         /* as reported (monotonic) */
	ft_ms arrived;   /* when the report came */
};

struct rig {
	struct ft_config cfg;
	struct dock *dock;
	int n;
	struct seen ev[4096];
	int dispatches;
	struct engine *engine;   /* when set, reports go on to it */
	ft_ms wall_offset;       /* realtime - monotonic, for the engine */
	bool engine_failed;
};

static void
rig_level(void *data, int slot, int level, ft_ms t)
{
	struct rig *r = data;
	if (r->n < (int)(sizeof(r->ev) / sizeof(r->ev[0])))
		r->ev[r->n++] = (struct seen){slot, level, t, clock_mono_ms()};
	if (r->engine) {
		struct ft_error err;
		if (!engine_dock(r->engine, slot, level, t + r->wall_offset, &err)) {
			note("engine_dock: %s", err.msg);
			r->engine_failed = true;
		}
	}
}

static struct ft_config
make_config(const char *ini)
{
	struct ft_config cfg;
	struct ft_error err;
	config_defaults(&cfg);
	if (!config_parse(&cfg, ini, "gpio-test.conf", &err)) {
		note("config: %s", err.msg);
		exit(2);
	}
	return cfg;
}

static bool
rig_open(struct rig *r, const char *ini)
{
	struct ft_error err;
	memset(r, 0, sizeof(*r));
	r->cfg = make_config(ini);
	r->dock = dock_open("gpio", &r->cfg, (struct dock_sink){rig_level, r}, &err);
	if (!r->dock)
		note("dock_open: %s", err.msg);
	return r->dock != NULL;
}

static void
rig_close(struct rig *r)
{
	dock_close(r->dock);
	r->dock = NULL;
}

/* The app's loop, for MS milliseconds or until STOP says so: poll the
 * dock's descriptor until its deadline, dispatch. */
static void
rig_run(struct rig *r, int ms, bool (*stop)(struct rig *r, void *arg), void *arg)
{
	ft_ms end = clock_mono_ms() + ms;
	for (;;) {
		ft_ms now = clock_mono_ms();
		if (now >= end || (stop && stop(r, arg)))
			return;
		ft_ms deadline = dock_next_deadline(r->dock);
		if (r->engine) {
			ft_ms e = engine_next_deadline(r->engine);
			if (e != FT_MS_NEVER && e - r->wall_offset < deadline)
				deadline = e - r->wall_offset;
		}
		ft_ms wait = (deadline < end ? deadline : end) - now;
		if (wait < 0)
			wait = 0;
		struct pollfd pfd = {.fd = dock_fd(r->dock), .events = POLLIN};
		int n = poll(&pfd, 1, (int)wait);
		now = clock_mono_ms();
		if (n > 0 || now >= dock_next_deadline(r->dock)) {
			r->dispatches++;
			dock_dispatch(r->dock, now);
		}
		if (r->engine) {
			struct ft_error err;
			if (!engine_advance(r->engine, now + r->wall_offset, &err)) {
				note("engine_advance: %s", err.msg);
				r->engine_failed = true;
			}
		}
	}
}

struct want {
	int slot, level, from;
};

static bool
seen_level(struct rig *r, void *arg)
{
	struct want *w = arg;
	for (int i = w->from; i < r->n; i++)
		if (r->ev[i].slot == w->slot && r->ev[i].level == w->level)
			return true;
	return false;
}

/* The first report of SLOT at LEVEL from index FROM, or NULL. */
static struct seen *
find(struct rig *r, int from, int slot, int level)
{
	for (int i = from; i < r->n; i++)
		if (r->ev[i].slot == slot && r->ev[i].level == level)
			return &r->ev[i];
	return NULL;
}

static bool
fault_is(const char *needle)
{
	const char *msg = fault_get(FAULT_DOCK);
	return msg && strstr(msg, needle);
}

static bool
no_fault(struct rig *r, void *arg)
{
	return fault_get(FAULT_DOCK) == NULL;
}

static bool
some_fault(struct rig *r, void *arg)
{
	return fault_get(FAULT_DOCK) != NULL;
}

/* The debounce of the engine, fed with what the dock reported from index
 * FROM, run up to UNTIL: the changes SPEC §2.1 confirms. */
static int
debounced(struct rig *r, int from, const int *start_levels, ft_ms until, struct dock_change *out,
	  int max)
{
	struct debounce d;
	int n = 0;
	debounce_init(&d, r->cfg.nslots, r->cfg.debounce, start_levels);
	for (int i = from; i < r->n; i++) {
		n += debounce_advance(&d, r->ev[i].t, out + n, max - n);
		debounce_raw(&d, r->ev[i].slot, r->ev[i].level, r->ev[i].t);
	}
	n += debounce_advance(&d, until, out + n, max - n);
	return n;
}

static const char *const base_ini =
	"[dock]\n"
	"chip = " SIM_LABEL "\n"
	"lines = 0 1 2 3\n"
	"names = Anna Ben Chloe Dan\n"
	"active_low = true\n"
	"bias = pull-up\n"
	"debounce = 50ms\n";

/* ---- the tests ---- */

static void
test_lookup(const struct sim *s)
{
	char ini[512];
	struct rig *r = calloc(1, sizeof(*r));
	const char *ways[] = {SIM_LABEL, s->chip_name, s->dev_path};
	for (size_t i = 0; i < 3; i++) {
		snprintf(ini, sizeof(ini), "[dock]\nchip = %s\nlines = 0 1 2 3\n", ways[i]);
		bool opened = rig_open(r, ini);
		check(opened && fault_get(FAULT_DOCK) == NULL && dock_fd(r->dock) >= 0,
		      "chip found by %s \"%s\"", i == 0 ? "label" : i == 1 ? "name" : "path", ways[i]);
		if (opened)
			rig_close(r);
	}
	rig_open(r, "[dock]\nchip = pinctrl-bcm2711\nlines = 0 1 2 3\n");
	check(fault_is("\"pinctrl-bcm2711\" not found") && dock_fd(r->dock) < 0,
	      "a missing chip is a fault: %s", fault_get(FAULT_DOCK));
	ft_ms next = dock_next_deadline(r->dock) - clock_mono_ms();
	check(next > 0 && next <= 5000, "and is retried in %lld ms", (long long)next);
	rig_close(r);
	rig_open(r, "[dock]\nchip = " SIM_LABEL "\nlines = 0 1 2 9\n");
	check(fault_is("no line 9"), "a line the chip lacks is named: %s", fault_get(FAULT_DOCK));
	rig_close(r);
	fault_clear(FAULT_DOCK);
	free(r);
}

static void
test_line_settings(const struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	/* Every switch closed before we start: the request's pull-up bias
	 * must not matter to gpio-sim's own pull, so set it both ways. */
	for (int i = 0; i < SIM_LINES; i++)
		sim_pull(s, i, "pull-up");
	rig_open(r, base_ini);
	struct gpio_v2_line_info info;
	bool ok = line_info(s, 2, &info);
	check(ok && strcmp(info.consumer, "familytable") == 0, "consumer is \"%s\"",
	      ok ? info.consumer : "?");
	unsigned long long want = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_INPUT |
				  GPIO_V2_LINE_FLAG_ACTIVE_LOW | GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
	check(ok && (info.flags & want) == want,
	      "line requested as input, active-low, pull-up (flags %#llx)",
	      ok ? (unsigned long long)info.flags : 0ULL);
#if FT_GPIOD_MAJOR >= 2
	/* Only the v2 uAPI shows edge detection in the line's info. */
	want = GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING;
	check(ok && (info.flags & want) == want, "with both edges detected");
#endif
	unsigned debounce_us = 0;
	for (unsigned i = 0; ok && i < info.num_attrs; i++)
		if (info.attrs[i].id == GPIO_V2_LINE_ATTR_ID_DEBOUNCE)
			debounce_us = info.attrs[i].debounce_period_us;
#if FT_GPIOD_MAJOR >= 2
	check(debounce_us == 50000, "the kernel debounces the line (%u us)", debounce_us);
#else
	check(debounce_us == 0, "libgpiod 1.6: no kernel debounce (%u us), the engine's does it",
	      debounce_us);
#endif
	rig_close(r);
	ok = line_info(s, 2, &info);
	check(ok && !(info.flags & GPIO_V2_LINE_FLAG_USED), "lines given back on close");
	free(r);
}

static void
test_levels_at_boot(const struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	/* Phones in slots 2 and 4 before the appliance starts. bias = as-is,
	 * since a pull-up request would reset gpio-sim's simulated pull. */
	sim_pull(s, 0, "pull-up");
	sim_pull(s, 1, "pull-down");
	sim_pull(s, 2, "pull-up");
	sim_pull(s, 3, "pull-down");
	char ini[512];
	snprintf(ini, sizeof(ini), "%s", base_ini);
	char *bias = strstr(ini, "bias = pull-up");
	memcpy(bias, "bias = as-is  ", 14);
	ft_ms before = clock_mono_ms();
	rig_open(r, ini);
	int levels[FT_MAX_SLOTS] = {0};
	bool known = dock_levels(r->dock, levels);
	check(known && levels[0] == 0 && levels[1] == 1 && levels[2] == 0 && levels[3] == 1,
	      "levels read at open: %d %d %d %d", levels[0], levels[1], levels[2], levels[3]);
	rig_run(r, 100, NULL, NULL);
	bool all = r->n == 4;
	for (int i = 0; all && i < 4; i++)
		all = r->ev[i].slot == i + 1 && r->ev[i].level == levels[i] && r->ev[i].t >= before &&
		      r->ev[i].t <= before + 1000;
	check(all, "each slot reported once at open, dated then (%d reports)", r->n);
	rig_close(r);
	free(r);
}

static void
test_dock_and_undock(const struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	for (int i = 0; i < SIM_LINES; i++)
		sim_pull(s, i, "pull-up");
	rig_open(r, base_ini);
	rig_run(r, 100, NULL, NULL);
	int from = r->n;

	/* Slot 1: a phone in. */
	ft_ms t0 = clock_mono_ms();
	sim_pull(s, 0, "pull-down");
	ft_ms t1 = clock_mono_ms();
	struct want in = {1, 1, from};
	rig_run(r, 2000, seen_level, &in);
	struct seen *e = find(r, from, 1, 1);
	check(e != NULL, "docking slot 1 is seen");
	if (e) {
		check(e->t >= t0 - SLACK_MS && e->t <= t1 + SLACK_MS,
		      "dated at the raw edge: %+lld ms from the write",
		      (long long)(e->t - t0));
#if FT_GPIOD_MAJOR >= 2
		check(e->arrived - t0 >= 50,
		      "reported after the kernel's debounce period (%lld ms)",
		      (long long)(e->arrived - t0));
#else
		check(e->arrived - t0 < 50 + SLACK_MS, "reported raw, %lld ms after the edge",
		      (long long)(e->arrived - t0));
#endif
	}
	sleep_ms(100);
	/* and out again */
	ft_ms t2 = clock_mono_ms();
	sim_pull(s, 0, "pull-up");
	struct want out = {1, 0, from};
	rig_run(r, 2000, seen_level, &out);
	e = find(r, from, 1, 0);
	check(e && e->t >= t2 - SLACK_MS && e->t <= clock_mono_ms(),
	      "undocking slot 1 is seen, dated %+lld ms from the write",
	      e ? (long long)(e->t - t2) : 0LL);
	rig_run(r, 100, NULL, NULL);

	int zero[FT_MAX_SLOTS] = {0};
	struct dock_change ch[16];
	int n = debounced(r, from, zero, clock_mono_ms() + 1000, ch, 16);
	check(n == 2 && ch[0].slot == 1 && ch[0].level == 1 && ch[1].level == 0 &&
		      ch[0].t >= t0 - SLACK_MS && ch[0].t <= t1 + SLACK_MS,
	      "the debounce confirms in then out, in dated at the edge (%d changes)", n);
	int levels[FT_MAX_SLOTS];
	check(dock_levels(r->dock, levels) && levels[0] == 0, "level is out again");
	rig_close(r);
	free(r);
}

static void
test_bounces(const struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	for (int i = 0; i < SIM_LINES; i++)
		sim_pull(s, i, "pull-up");
	rig_open(r, base_ini);
	rig_run(r, 100, NULL, NULL);
	int from = r->n;

	/* A 10 ms pulse on slot 2: shorter than the 50 ms debounce. */
	sim_pull(s, 1, "pull-down");
	sleep_ms(10);
	sim_pull(s, 1, "pull-up");
	rig_run(r, 400, NULL, NULL);
	int zero[FT_MAX_SLOTS] = {0};
	struct dock_change ch[64];
	int n = debounced(r, from, zero, clock_mono_ms() + 1000, ch, 64);
	check(n == 0, "a 10 ms pulse changes nothing (%d reports, %d changes)", r->n - from, n);
#if FT_GPIOD_MAJOR >= 2
	check(r->n == from, "the kernel swallowed it: no report at all (%d)", r->n - from);
#endif

	/* A switch that bounces as it closes: in, out, in, out, in (stays). */
	from = r->n;
	ft_ms last = 0;
	for (int i = 0; i < 5; i++) {
		last = clock_mono_ms();
		sim_pull(s, 2, i % 2 == 0 ? "pull-down" : "pull-up");
		if (i < 4)
			sleep_ms(5);
	}
	struct want in = {3, 1, from};
	rig_run(r, 1000, seen_level, &in);
	rig_run(r, 200, NULL, NULL);
	n = debounced(r, from, zero, clock_mono_ms() + 1000, ch, 64);
	check(n == 1 && ch[0].slot == 3 && ch[0].level == 1,
	      "a bouncing close is one change to in (%d changes)", n);
	if (n >= 1)
		check(ch[0].t >= last - SLACK_MS && ch[0].t <= last + SLACK_MS,
		      "dated at the last bounce: %+lld ms", (long long)(ch[0].t - last));
	rig_close(r);
	free(r);
}

static void
test_chatter(const struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	for (int i = 0; i < SIM_LINES; i++)
		sim_pull(s, i, "pull-up");
	rig_open(r, base_ini);
	rig_run(r, 100, NULL, NULL);
	int from = r->n;

	/* A broken switch on slot 4: toggling as fast as sysfs allows, for 2 s. */
	int pipefd[2];
	if (pipe(pipefd) < 0)
		return;
	pid_t pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		long toggles = 0;
		ft_ms end = clock_mono_ms() + 2000;
		while (clock_mono_ms() < end) {
			sim_pull(s, 3, toggles % 2 == 0 ? "pull-down" : "pull-up");
			toggles++;
			struct timespec ts = {0, 500000};
			nanosleep(&ts, NULL);
		}
		sim_pull(s, 3, "pull-up");
		if (write(pipefd[1], &toggles, sizeof(toggles)) < 0)
			_exit(1);
		_exit(0);
	}
	close(pipefd[1]);
	struct rusage ru0, ru1;
	getrusage(RUSAGE_SELF, &ru0);
	int d0 = r->dispatches;
	ft_ms start = clock_mono_ms();
	rig_run(r, 2300, NULL, NULL);
	ft_ms took = clock_mono_ms() - start;
	getrusage(RUSAGE_SELF, &ru1);
	long toggles = 0;
	if (read(pipefd[0], &toggles, sizeof(toggles)) < 0)
		toggles = -1;
	close(pipefd[0]);
	waitpid(pid, NULL, 0);
	double cpu = (double)(ru1.ru_utime.tv_sec - ru0.ru_utime.tv_sec + ru1.ru_stime.tv_sec -
			      ru0.ru_stime.tv_sec) * 1000.0 +
		     (double)(ru1.ru_utime.tv_usec - ru0.ru_utime.tv_usec + ru1.ru_stime.tv_usec -
			      ru0.ru_stime.tv_usec) / 1000.0;
	int dispatches = r->dispatches - d0;
	note("chatter: %ld edges in 2 s; the dock dispatched %d times, made %d reports, "
	     "used %.0f ms CPU in %lld ms (%.1f%%)",
	     toggles, dispatches, r->n - from, cpu, (long long)took, 100.0 * cpu / (double)took);
	check(toggles > 500, "the line chattered (%ld edges)", toggles);
#if FT_GPIOD_MAJOR >= 2
	/* The kernel passes a level only once it has held the debounce period:
	 * at most one report per 50 ms, and none at all when the chatter never
	 * pauses. Under emulation the chattering child is sometimes descheduled
	 * for longer than that, and those pauses are real levels. */
	check(r->n - from <= 2300 / 50 && dispatches <= 2300 / 50 + 2,
	      "the kernel's debounce passes at most one level per period "
	      "(%d reports, %d dispatches for %ld edges)", r->n - from, dispatches, toggles);
#else
	/* 1000/HOLDOFF = 50 batches a second at most, plus the health checks. */
	check(dispatches <= 2300 / 20 + 10, "reads in batches: %d dispatches for %ld edges",
	      dispatches, toggles);
	check(r->n - from <= 4 * dispatches + 8, "a few reports a batch, not one per edge (%d)",
	      r->n - from);
#endif
	int levels[FT_MAX_SLOTS];
	rig_run(r, 200, NULL, NULL);
	check(dock_levels(r->dock, levels) && levels[3] == 0, "the level after the chatter is right");
	rig_close(r);
	free(r);
}

static void
test_busy(const struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	int held = hold_line(s, 2);
	check(held >= 0, "another program holds line 2");
	rig_open(r, base_ini);
	check(fault_is("line 2 of " SIM_LABEL " (dock slot 3) is busy") && fault_is("\"other\""),
	      "a busy line is a fault naming its holder: %s", fault_get(FAULT_DOCK));
	check(dock_fd(r->dock) < 0, "nothing to poll meanwhile");
	close(held);
	ft_ms t0 = clock_mono_ms();
	rig_run(r, 8000, no_fault, NULL);
	check(fault_get(FAULT_DOCK) == NULL && dock_fd(r->dock) >= 0,
	      "retried and cleared %lld ms after the line was free",
	      (long long)(clock_mono_ms() - t0));
	rig_run(r, 100, NULL, NULL);
	check(r->n == 4, "levels reported once the lines are ours (%d)", r->n);
	rig_close(r);
	free(r);
}

static void
test_permission(const struct sim *s)
{
	chmod(s->dev_path, 0600);
	pid_t pid = fork();
	if (pid == 0) {
		struct rig *r = calloc(1, sizeof(*r));
		if (setgid(65534) < 0 || setuid(65534) < 0)
			_exit(3);
		rig_open(r, base_ini);
		const char *msg = fault_get(FAULT_DOCK);
		printf("# as nobody: %s\n", msg ? msg : "(no fault)");
		fflush(stdout);
		_exit(msg && strstr(msg, "no permission") && dock_fd(r->dock) < 0 ? 0 : 1);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "no permission on the chip is a fault that says so");
}

static void
test_chip_gone(struct sim *s)
{
	struct rig *r = calloc(1, sizeof(*r));
	rig_open(r, base_ini);
	rig_run(r, 100, NULL, NULL);
	char before[64];
	snprintf(before, sizeof(before), "%s", s->chip_name);
	ft_ms t0 = clock_mono_ms();
	check(sim_live(s, false), "chip taken away while the dock holds its lines");
	rig_run(r, 8000, some_fault, NULL);
	check(fault_is("is gone"), "seen %lld ms later: %s", (long long)(clock_mono_ms() - t0),
	      fault_get(FAULT_DOCK));
	rig_run(r, 3500, NULL, NULL); /* a retry that finds nothing */
	check(fault_is("not found"), "retried while away: %s", fault_get(FAULT_DOCK));
	int n = r->n;
	check(sim_live(s, true), "chip back (now %s, was %s)", s->chip_name, before);
	t0 = clock_mono_ms();
	rig_run(r, 8000, no_fault, NULL);
	check(fault_get(FAULT_DOCK) == NULL && dock_fd(r->dock) >= 0,
	      "found again by its label and cleared %lld ms later",
	      (long long)(clock_mono_ms() - t0));
	rig_run(r, 100, NULL, NULL);
	check(r->n == n + 4, "levels reported again on return (%d)", r->n - n);
	rig_close(r);
	free(r);
}

static void
test_meal_logged(const struct sim *s)
{
	const char *db = "/tmp/gpio-meal.db";
	char ini[1024];
	struct ft_error err;
	struct rig *r = calloc(1, sizeof(*r));
	struct engine *e = calloc(1, sizeof(*e));
	unlink(db);
	snprintf(ini, sizeof(ini),
		 "%s[meal]\nmin_phones = 2\nmin_duration = 2s\ngrace = 1s\n"
		 "windows = dinner 00:00-23:59\n",
		 base_ini);
	for (int i = 0; i < SIM_LINES; i++)
		sim_pull(s, i, "pull-up");
	rig_open(r, ini);
	struct timespec real;
	clock_gettime(CLOCK_REALTIME, &real);
	r->wall_offset = (ft_ms)real.tv_sec * 1000 + real.tv_nsec / 1000000 - clock_mono_ms();
	struct store *st = store_open(db, &err);
	int levels[FT_MAX_SLOTS];
	bool ok = st && dock_levels(r->dock, levels) &&
		  engine_open(e, &r->cfg, st, clock_mono_ms() + r->wall_offset, levels, &err);
	check(ok, "engine and store open on %s%s%s", db, ok ? "" : ": ", ok ? "" : err.msg);
	if (!ok)
		goto out;
	r->engine = e;
	rig_run(r, 200, NULL, NULL);

	/* Anna docks, Ben joins half a second later: the meal starts then. */
	sim_pull(s, 0, "pull-down");
	sleep_ms(500);
	ft_ms start = clock_mono_ms() + r->wall_offset;
	sim_pull(s, 1, "pull-down");
	rig_run(r, 1500, NULL, NULL);
	ft_ms open_at = 0;
	check(engine_session_open(e, &open_at), "a session is in progress");
	/* A short lift of Ben's phone mid-meal: a dip shorter than grace. */
	sim_pull(s, 1, "pull-up");
	rig_run(r, 400, NULL, NULL);
	sim_pull(s, 1, "pull-down");
	rig_run(r, 1500, NULL, NULL);
	/* Both out: the meal ends when the first phone leaves. */
	ft_ms end = clock_mono_ms() + r->wall_offset;
	sim_pull(s, 0, "pull-up");
	sleep_ms(200);
	sim_pull(s, 1, "pull-up");
	rig_run(r, 2000, NULL, NULL); /* grace 1 s, then some */
	check(!r->engine_failed, "the engine took every report");
	ok = engine_close(e, e->now, &err);
	check(ok, "engine closed%s%s", ok ? "" : ": ", ok ? "" : err.msg);
	store_close(st);
	r->engine = NULL;

	/* Open the database afresh and look. */
	st = store_open(db, &err);
	struct store_session *rows = NULL;
	size_t nrows = 0;
	int64_t day = cal_day_of(start);
	ok = st && store_sessions(st, day - 1, day + 1, end + FT_HOUR, &rows, &nrows, &err);
	check(ok && nrows == 1, "one session in the database (%zu)", nrows);
	if (ok && nrows == 1) {
		struct session *m = &rows[0].s;
		note("session: %lld ms after Ben's docking, %lld ms long, class %d, kind %s, "
		     "phones %d, interruptions %d, %d members",
		     (long long)(m->start - start), (long long)(m->end - m->start), (int)m->cls,
		     m->kind, m->phones, m->interruptions, rows[0].nmembers);
		check(m->cls == SESSION_MEAL && strcmp(m->kind, "dinner") == 0, "logged as a dinner");
		check(m->start >= start - SLACK_MS && m->start <= start + 50 + SLACK_MS,
		      "started when the second phone docked (%+lld ms)",
		      (long long)(m->start - start));
		check(m->end >= end - SLACK_MS && m->end <= end + 50 + SLACK_MS,
		      "ended when the first phone left (%+lld ms)", (long long)(m->end - end));
		check(m->phones == 2 && m->interruptions == 1, "2 phones, 1 interruption");
		check(rows[0].nmembers == 2 && strcmp(rows[0].members[0], "Anna") == 0 &&
			      strcmp(rows[0].members[1], "Ben") == 0,
		      "members Anna and Ben");
	}
	store_free_sessions(rows);
	if (st)
		store_close(st);
out:
	rig_close(r);
	free(e);
	free(r);
}

int
main(void)
{
	struct sim sim;
	struct ft_error err;
	setvbuf(stdout, NULL, _IOLBF, 0);
	log_set_level(LOG_INFO);
	cal_set_zone(NULL, &err);
	note("familytable GPIO dock on libgpiod %d.x, kernel gpio-sim", FT_GPIOD_MAJOR);
	if (!sim_create(&sim)) {
		check(false, "gpio-sim chip created: %s", strerror(errno));
		return 1;
	}
	note("gpio-sim: %s, %s labelled " SIM_LABEL, sim.dev_name, sim.chip_name);

	test_lookup(&sim);
	test_line_settings(&sim);
	test_levels_at_boot(&sim);
	test_dock_and_undock(&sim);
	test_bounces(&sim);
	test_chatter(&sim);
	test_busy(&sim);
	test_permission(&sim);
	test_meal_logged(&sim);
	test_chip_gone(&sim);

	sim_destroy();
	printf("%d tests, %d failed\n", tests_run, tests_failed);
	return tests_failed ? 1 : 0;
}
