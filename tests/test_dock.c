/*
 * test_dock.c - the docks that need no GPIO chip: keys, none, and the named
 * pipe of SPEC §5 (a real mkfifo, real writers that come and go, partial and
 * bad lines), the batching of edges every dock shares, and the GPIO dock's
 * faults on a machine without the chip. The GPIO dock on a real kernel GPIO
 * device is tested by tests/gpio/ (make check-gpio).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

#include "dock.h"
#include "log.h"
#include "../src/dock_internal.h"

struct seen {
	int slot, level;
	ft_ms t;
};

struct recorder {
	int n;
	struct seen ev[4096];
};

static void
record(void *data, int slot, int level, ft_ms t)
{
	struct recorder *r = data;
	if (r->n < (int)FT_ARRAY_LEN(r->ev))
		r->ev[r->n++] = (struct seen){slot, level, t};
}

static struct dock_sink
sink_to(struct recorder *r)
{
	memset(r, 0, sizeof(*r));
	return (struct dock_sink){record, r};
}

/* A temporary folder for pipes, removed by the caller. */
static char *
temp_dir(void)
{
	char *dir = strdup("/tmp/ft-test-dock-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

/* stderr into a file we can read back, to check what was logged. */
struct capture {
	int saved;
	FILE *file;
};

static void
capture_begin(struct capture *c)
{
	fflush(stderr);
	c->file = tmpfile();
	assert_non_null(c->file);
	c->saved = dup(STDERR_FILENO);
	dup2(fileno(c->file), STDERR_FILENO);
}

static char *
capture_end(struct capture *c)
{
	static char text[8192];
	fflush(stderr);
	dup2(c->saved, STDERR_FILENO);
	close(c->saved);
	rewind(c->file);
	size_t n = fread(text, 1, sizeof(text) - 1, c->file);
	text[n] = '\0';
	fclose(c->file);
	return text;
}

static int
count_lines(const char *text, const char *needle)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* ---- spec ---- */

static void
bad_specs_are_refused_with_their_name(void **state)
{
	struct ft_config cfg = test_config(NULL);
	struct recorder r;
	struct ft_error err;
	assert_null(dock_open("serial", &cfg, sink_to(&r), &err));
	assert_non_null(strstr(err.msg, "serial"));
	assert_non_null(strstr(err.msg, "fifo:PATH"));
	assert_null(dock_open("fifo:", &cfg, sink_to(&r), &err));
	assert_non_null(strstr(err.msg, "path"));
	/* gpio needs lines: asked for without them it is bad usage. */
	assert_null(dock_open("gpio", &cfg, sink_to(&r), &err));
	assert_non_null(strstr(err.msg, "[dock] lines"));
}

static void
none_dock_has_nothing_to_poll_and_every_slot_out(void **state)
{
	struct ft_config cfg = test_config("[dock]\nnames = A B C\n");
	struct recorder r;
	struct ft_error err;
	struct dock *dock = dock_open("none", &cfg, sink_to(&r), &err);
	assert_non_null(dock);
	assert_int_equal(dock_fd(dock), -1);
	assert_true(dock_next_deadline(dock) == FT_MS_NEVER);
	int levels[FT_MAX_SLOTS] = {7, 7, 7};
	assert_true(dock_levels(dock, levels));
	assert_int_equal(levels[0] + levels[1] + levels[2], 0);
	dock_key(dock, 1, 100); /* keys only toggle the keys dock */
	dock_dispatch(dock, 200);
	assert_int_equal(r.n, 0);
	dock_close(dock);
}

/* ---- keys ---- */

static void
keys_toggle_their_slot_at_the_instant_pressed(void **state)
{
	struct ft_config cfg = test_config("[dock]\nnames = A B C\n");
	struct recorder r;
	struct ft_error err;
	struct dock *dock = dock_open("keys", &cfg, sink_to(&r), &err);
	assert_non_null(dock);
	assert_int_equal(dock_fd(dock), -1);

	dock_key(dock, 2, 1000);
	dock_key(dock, 3, 1500);
	dock_key(dock, 2, 2000);
	dock_key(dock, 4, 2100); /* no slot 4 on a three-slot dock */
	dock_key(dock, 0, 2200);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.ev[0].slot, 2);
	assert_int_equal(r.ev[0].level, 1);
	assert_int_equal(r.ev[0].t, 1000);
	assert_int_equal(r.ev[1].slot, 3);
	assert_int_equal(r.ev[1].level, 1);
	assert_int_equal(r.ev[2].slot, 2);
	assert_int_equal(r.ev[2].level, 0);
	assert_int_equal(r.ev[2].t, 2000);

	int levels[FT_MAX_SLOTS];
	assert_true(dock_levels(dock, levels));
	assert_int_equal(levels[0], 0);
	assert_int_equal(levels[1], 0);
	assert_int_equal(levels[2], 1);
	dock_close(dock);
}

/* ---- fifo ---- */

struct fifo_case {
	char *dir;
	char path[256];
	struct ft_config cfg;
	struct recorder r;
	struct dock *dock;
};

static void
fifo_case_open(struct fifo_case *c)
{
	struct ft_error err;
	c->dir = temp_dir();
	snprintf(c->path, sizeof(c->path), "%s/dock", c->dir);
	c->cfg = test_config("[dock]\nnames = A B C D\n");
	char spec[300];
	snprintf(spec, sizeof(spec), "fifo:%s", c->path);
	c->dock = dock_open(spec, &c->cfg, sink_to(&c->r), &err);
	if (!c->dock)
		fail_msg("%s", err.msg);
}

static void
fifo_case_close(struct fifo_case *c)
{
	dock_close(c->dock);
	unlink(c->path);
	rmdir(c->dir);
	free(c->dir);
}

/* A writer that opens the pipe, writes TEXT and closes it, as
 * `echo "1 in" > PATH` does. */
static void
write_once(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_NONBLOCK);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static int
readable(int fd, int timeout_ms)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	int n = poll(&pfd, 1, timeout_ms);
	assert_true(n >= 0);
	return n == 0 ? 0 : pfd.revents;
}

static void
fifo_is_created_when_missing(void **state)
{
	struct fifo_case c;
	fifo_case_open(&c);
	struct stat st;
	assert_int_equal(stat(c.path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_true(dock_fd(c.dock) >= 0);
	assert_true(dock_next_deadline(c.dock) == FT_MS_NEVER);
	fifo_case_close(&c);
}

static void
fifo_lines_report_levels_at_the_instant_read(void **state)
{
	struct fifo_case c;
	int levels[FT_MAX_SLOTS];
	fifo_case_open(&c);
	/* Before its first line a pipe's levels are unknown, not "out". */
	assert_false(dock_levels(c.dock, levels));
	write_once(c.path, "1 in\n2 in\n");
	assert_true(readable(dock_fd(c.dock), 1000) & POLLIN);
	dock_dispatch(c.dock, 5000);
	assert_int_equal(c.r.n, 2);
	assert_int_equal(c.r.ev[0].slot, 1);
	assert_int_equal(c.r.ev[0].level, 1);
	assert_int_equal(c.r.ev[0].t, 5000);
	assert_int_equal(c.r.ev[1].slot, 2);
	assert_int_equal(c.r.ev[1].level, 1);

	assert_true(dock_levels(c.dock, levels));
	assert_int_equal(levels[0], 1);
	assert_int_equal(levels[1], 1);
	assert_int_equal(levels[2], 0);
	fifo_case_close(&c);
}

/* Reading the pipe writes nothing: its inode's access time is left as it
 * was (relatime would stamp an atime older than the mtime every writer
 * sets, and a chattering line would write to the card every few seconds). */
static void
fifo_reads_leave_the_inode_unwritten(void **state)
{
	struct fifo_case c;
	fifo_case_open(&c);
	/* an access long before the last change: a read is due to stamp it */
	const struct timespec old[2] = { { .tv_sec = 1000000000 }, { .tv_nsec = UTIME_OMIT } };
	assert_int_equal(utimensat(AT_FDCWD, c.path, old, 0), 0);
	for (int i = 0; i < 20; i++) {
		write_once(c.path, i % 2 ? "3 out\n" : "3 in\n");
		assert_true(readable(dock_fd(c.dock), 1000) & POLLIN);
		dock_dispatch(c.dock, 5000 + i);
	}
	assert_int_equal(c.r.n, 20);
	struct stat st;
	assert_int_equal(stat(c.path, &st), 0);
	assert_true(st.st_mtim.tv_sec > 1000000000); /* the writers changed it */
	assert_int_equal(st.st_atim.tv_sec, 1000000000);
	fifo_case_close(&c);
}

static void
fifo_writers_come_and_go_without_a_busy_loop(void **state)
{
	struct fifo_case c;
	fifo_case_open(&c);
	int fd = dock_fd(c.dock);

	write_once(c.path, "1 in\n");
	dock_dispatch(c.dock, 100);
	/* The writer has gone: a pipe opened read-only would now poll as
	 * POLLHUP for ever and spin the loop. Ours stays quiet. */
	assert_int_equal(readable(fd, 50), 0);
	dock_dispatch(c.dock, 150); /* a stray dispatch reads nothing */

	write_once(c.path, "2 in\n");
	assert_true(readable(fd, 1000) & POLLIN);
	dock_dispatch(c.dock, 200);
	assert_int_equal(readable(fd, 50), 0);

	/* A writer that stays, and a second one beside it. */
	int w1 = open(c.path, O_WRONLY);
	int w2 = open(c.path, O_WRONLY);
	assert_true(w1 >= 0 && w2 >= 0);
	assert_int_equal(write(w1, "1 out\n", 6), 6);
	assert_int_equal(write(w2, "2 out\n", 6), 6);
	dock_dispatch(c.dock, 300);
	close(w1);
	close(w2);
	assert_int_equal(readable(fd, 50), 0);

	assert_int_equal(c.r.n, 4);
	assert_int_equal(c.r.ev[0].slot, 1);
	assert_int_equal(c.r.ev[1].slot, 2);
	assert_int_equal(c.r.ev[1].t, 200);
	assert_int_equal(c.r.ev[2].slot, 1);
	assert_int_equal(c.r.ev[2].level, 0);
	assert_int_equal(c.r.ev[3].slot, 2);
	assert_int_equal(c.r.ev[3].level, 0);
	assert_int_equal(c.r.ev[3].t, 300);
	fifo_case_close(&c);
}

static void
fifo_partial_lines_wait_for_their_end(void **state)
{
	struct fifo_case c;
	fifo_case_open(&c);
	int w = open(c.path, O_WRONLY);
	assert_true(w >= 0);

	assert_int_equal(write(w, "3 i", 3), 3);
	dock_dispatch(c.dock, 100);
	assert_int_equal(c.r.n, 0);
	assert_int_equal(write(w, "n\n4", 3), 3);
	dock_dispatch(c.dock, 200);
	assert_int_equal(c.r.n, 1);
	assert_int_equal(c.r.ev[0].slot, 3);
	assert_int_equal(c.r.ev[0].level, 1);
	assert_int_equal(c.r.ev[0].t, 200); /* when the line was complete */
	/* The writer goes away mid-line; the next one finishes it. */
	close(w);
	write_once(c.path, " in\n");
	dock_dispatch(c.dock, 300);
	assert_int_equal(c.r.n, 2);
	assert_int_equal(c.r.ev[1].slot, 4);
	assert_int_equal(c.r.ev[1].level, 1);
	fifo_case_close(&c);
}

static void
fifo_bad_lines_are_logged_and_skipped(void **state)
{
	struct fifo_case c;
	fifo_case_open(&c);
	char longline[400];
	memset(longline, 'x', sizeof(longline) - 2);
	longline[sizeof(longline) - 2] = '\n';
	longline[sizeof(longline) - 1] = '\0';

	struct capture cap;
	capture_begin(&cap);
	/* a minute apart: at most FIFO_BAD_PER_MINUTE (5) are logged a minute */
	write_once(c.path, "7 in\n"      /* no slot 7 on a four-slot dock */
			   "x in\n"      /* no number */
			   "1 maybe\n"   /* neither in nor out */
			   "1 in now\n");/* a word too many */
	dock_dispatch(c.dock, 100);
	write_once(c.path, "1in\n"       /* no space */
			   "0 in\n"      /* slots count from 1 */
			   "\x01\x02\x03\n");
	dock_dispatch(c.dock, 100 + FT_MINUTE);
	write_once(c.path, longline);
	dock_dispatch(c.dock, 110 + 2 * FT_MINUTE);
	write_once(c.path, "\n# a comment\n  \r\n 2   in  \r\n4 out # trailing comment\n");
	dock_dispatch(c.dock, 120 + 2 * FT_MINUTE);
	char *log = capture_end(&cap);

	/* Only the good lines came through... */
	assert_int_equal(c.r.n, 2);
	assert_int_equal(c.r.ev[0].slot, 2);
	assert_int_equal(c.r.ev[0].level, 1);
	assert_int_equal(c.r.ev[1].slot, 4);
	assert_int_equal(c.r.ev[1].level, 0);
	/* ...and each bad one was logged once, naming the pipe and the line. */
	assert_int_equal(count_lines(log, "skipped line"), 8);
	assert_int_equal(count_lines(log, c.path), 8);
	assert_non_null(strstr(log, "\"7 in\": no such slot"));
	assert_non_null(strstr(log, "\"1 maybe\": neither in nor out"));
	assert_non_null(strstr(log, "line too long"));
	assert_non_null(strstr(log, "\"???\""));
	assert_null(strstr(log, "\x01"));
	fifo_case_close(&c);
}

/* 200 MB of garbage once wrote 3 MB of log: now five lines a minute, then
 * one line that counts the rest; a line that is not UTF-8 is refused. */
static void
fifo_bad_lines_are_logged_at_most_five_a_minute(void **state)
{
	struct fifo_case c;
	fifo_case_open(&c);
	char garbage[3000];
	for (size_t i = 0; i + 5 <= sizeof(garbage); i += 5)
		memcpy(garbage + i, "x in\n", 5);
	garbage[sizeof(garbage) - 1] = '\0';
	struct capture cap;
	capture_begin(&cap);
	write_once(c.path, garbage); /* 599 bad lines */
	dock_dispatch(c.dock, 1000);
	write_once(c.path, "1 \xc3\x28in\n2 in\n"); /* invalid UTF-8, then a good line */
	dock_dispatch(c.dock, 2000);
	write_once(c.path, "x in\n");
	dock_dispatch(c.dock, 1000 + FT_MINUTE); /* a new minute */
	char *log = capture_end(&cap);
	assert_int_equal(c.r.n, 1);
	assert_int_equal(c.r.ev[0].slot, 2);
	assert_int_equal(count_lines(log, "skipped line"), 5 + 1);
	assert_non_null(strstr(log, "595 more bad lines skipped"));
	fifo_case_close(&c);
}

static void
fifo_refuses_a_path_that_is_not_a_pipe(void **state)
{
	struct ft_config cfg = test_config(NULL);
	struct recorder r;
	struct ft_error err;
	char *dir = temp_dir();
	char path[256], spec[300];
	snprintf(path, sizeof(path), "%s/plain", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(spec, sizeof(spec), "fifo:%s", path);
	assert_null(dock_open(spec, &cfg, sink_to(&r), &err));
	assert_non_null(strstr(err.msg, "not a named pipe"));
	snprintf(spec, sizeof(spec), "fifo:%s/no/such/dir/pipe", dir);
	assert_null(dock_open(spec, &cfg, sink_to(&r), &err));
	assert_non_null(strstr(err.msg, "cannot create"));
	unlink(path);
	rmdir(dir);
	free(dir);
}

/* ---- batches: what every dock does with edges ---- */

static struct dock
bare_dock(struct recorder *r, int nslots, ft_ms debounce)
{
	struct dock d = {.sink = sink_to(r), .nslots = nslots, .debounce = debounce,
			 .known = true, .newest = -1};
	return d;
}

static void
a_chattering_line_costs_a_few_reports_per_batch(void **state)
{
	struct recorder r;
	struct dock d = bare_dock(&r, 2, 50);
	static struct dock_batch b;
	dock_batch_begin(&b);
	/* A broken switch: an edge every millisecond, 200 of them. */
	for (int i = 0; i < 200; i++)
		dock_batch_edge(&d, &b, 1, (i + 1) % 2, 1000 + i);
	int levels[2] = {0, 0}; /* the last edge (i = 199) left it at 0 */
	dock_batch_end(&d, &b, levels, 1300);
	/* Only the last two edges tell the debounce anything: the level now
	 * (0 since 1199) and that it was not stable before (1 at 1198). */
	assert_int_equal(r.n, 2);
	assert_int_equal(r.ev[0].level, 1);
	assert_int_equal(r.ev[0].t, 1198);
	assert_int_equal(r.ev[1].level, 0);
	assert_int_equal(r.ev[1].t, 1199);
}

static void
a_batch_keeps_every_level_that_held_for_the_debounce(void **state)
{
	struct recorder r;
	struct dock d = bare_dock(&r, 2, 50);
	static struct dock_batch b;
	dock_batch_begin(&b);
	dock_batch_edge(&d, &b, 1, 1, 1000); /* in, held 100 ms: kept */
	dock_batch_edge(&d, &b, 1, 0, 1100); /* a 10 ms bounce: dropped */
	dock_batch_edge(&d, &b, 2, 1, 1105); /* slot 2, between them in time */
	dock_batch_edge(&d, &b, 1, 1, 1110);
	dock_batch_edge(&d, &b, 1, 0, 1120);
	dock_batch_edge(&d, &b, 1, 1, 1130); /* the last two */
	int levels[2] = {1, 1};
	dock_batch_end(&d, &b, levels, 1200);
	assert_int_equal(r.n, 4);
	/* in time order across slots, as the engine wants them */
	assert_int_equal(r.ev[0].slot, 1);
	assert_int_equal(r.ev[0].t, 1000);
	assert_int_equal(r.ev[1].slot, 2);
	assert_int_equal(r.ev[1].t, 1105);
	assert_int_equal(r.ev[2].slot, 1);
	assert_int_equal(r.ev[2].level, 0);
	assert_int_equal(r.ev[2].t, 1120);
	assert_int_equal(r.ev[3].level, 1);
	assert_int_equal(r.ev[3].t, 1130);
}

static void
the_level_read_wins_over_lost_edges(void **state)
{
	struct recorder r;
	struct dock d = bare_dock(&r, 3, 50);
	static struct dock_batch b;
	dock_batch_begin(&b);
	dock_batch_edge(&d, &b, 1, 1, 1000);
	int levels[3] = {0, 1, 0}; /* slot 1 went out again, slot 2 in: edges lost */
	dock_batch_end(&d, &b, levels, 1040);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.ev[0].slot, 1);
	assert_int_equal(r.ev[0].level, 1);
	assert_int_equal(r.ev[1].slot, 1);
	assert_int_equal(r.ev[1].level, 0);
	assert_int_equal(r.ev[1].t, 1040);
	assert_int_equal(r.ev[2].slot, 2);
	assert_int_equal(r.ev[2].level, 1);
	assert_int_equal(r.ev[2].t, 1040);

	/* Levels that agree with what was reported add nothing. */
	dock_batch_begin(&b);
	dock_batch_end(&d, &b, levels, 1100);
	assert_int_equal(r.n, 3);
}

static void
reported_instants_never_go_backwards(void **state)
{
	struct recorder r;
	struct dock d = bare_dock(&r, 2, 50);
	dock_report(&d, 1, 1, 1000);
	/* A libgpiod 2 edge dated back by the kernel's debounce period to
	 * before what was already reported. */
	dock_report(&d, 2, 1, 980);
	dock_report(&d, 2, 0, 1010);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.ev[1].t, 1000);
	assert_int_equal(r.ev[2].t, 1010);
	dock_report(&d, 3, 1, 2000); /* no slot 3 */
	assert_int_equal(r.n, 3);
}

/* ---- the GPIO dock without its chip ---- */

static void
gpio_chip_missing_is_a_fault_retried_every_few_seconds(void **state)
{
	struct ft_config cfg = test_config("[dock]\nchip = no-such-label-here\nlines = 1 2\n");
	struct recorder r;
	struct ft_error err;
	struct capture cap;
	fault_clear(FAULT_DOCK);

	capture_begin(&cap);
	ft_ms now = clock_mono_ms();
	struct dock *dock = dock_open("gpio", &cfg, sink_to(&r), &err);
	assert_non_null(dock); /* not an error: the chip may come later */
	assert_int_equal(dock_fd(dock), -1);
	ft_ms next = dock_next_deadline(dock);
	assert_true(next >= now + 1000 && next <= now + 10000);
	int levels[FT_MAX_SLOTS];
	assert_false(dock_levels(dock, levels));
	/* Retried: the same message is not logged again. */
	dock_dispatch(dock, next);
	dock_dispatch(dock, dock_next_deadline(dock));
	char *log = capture_end(&cap);

	const char *msg = fault_get(FAULT_DOCK);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "\"no-such-label-here\" not found"));
	assert_int_equal(count_lines(log, "not found"), 1);
	assert_true(dock_next_deadline(dock) > next);
	assert_int_equal(r.n, 0);
	dock_close(dock);
	fault_clear(FAULT_DOCK);
}

static void
gpio_chip_that_is_not_a_gpio_chip_is_named(void **state)
{
	struct ft_config cfg = test_config("[dock]\nchip = /dev/null\nlines = 1\n[meal]\nmin_phones = 1\n");
	struct recorder r;
	struct ft_error err;
	struct capture cap;
	capture_begin(&cap);
	struct dock *dock = dock_open("gpio", &cfg, sink_to(&r), &err);
	capture_end(&cap);
	assert_non_null(dock);
	const char *msg = fault_get(FAULT_DOCK);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "/dev/null"));
	dock_close(dock);
	fault_clear(FAULT_DOCK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bad_specs_are_refused_with_their_name),
		cmocka_unit_test(none_dock_has_nothing_to_poll_and_every_slot_out),
		cmocka_unit_test(keys_toggle_their_slot_at_the_instant_pressed),
		cmocka_unit_test(fifo_is_created_when_missing),
		cmocka_unit_test(fifo_lines_report_levels_at_the_instant_read),
		cmocka_unit_test(fifo_reads_leave_the_inode_unwritten),
		cmocka_unit_test(fifo_writers_come_and_go_without_a_busy_loop),
		cmocka_unit_test(fifo_partial_lines_wait_for_their_end),
		cmocka_unit_test(fifo_bad_lines_are_logged_and_skipped),
		cmocka_unit_test(fifo_bad_lines_are_logged_at_most_five_a_minute),
		cmocka_unit_test(fifo_refuses_a_path_that_is_not_a_pipe),
		cmocka_unit_test(a_chattering_line_costs_a_few_reports_per_batch),
		cmocka_unit_test(a_batch_keeps_every_level_that_held_for_the_debounce),
		cmocka_unit_test(the_level_read_wins_over_lost_edges),
		cmocka_unit_test(reported_instants_never_go_backwards),
		cmocka_unit_test(gpio_chip_missing_is_a_fault_retried_every_few_seconds),
		cmocka_unit_test(gpio_chip_that_is_not_a_gpio_chip_is_named),
	};
	log_set_level(LOG_WARN); /* the warnings are what the tests read */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
