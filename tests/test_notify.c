/*
 * test_notify.c - what systemd hears (Type=notify): READY=1 once, WATCHDOG=1
 * at half the interval and a loop deadline that keeps it in time, nothing
 * at all when no watchdog is asked for, STOPPING=1. The datagrams are read
 * from a socket standing in for $NOTIFY_SOCKET.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "notify.h"
#include "test.h"

struct fixture {
	char dir[64], path[96];
	int fd;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	strcpy(f->dir, "/tmp/ft-notify-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/notify", f->dir);
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", f->path);
	f->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	assert_true(f->fd >= 0);
	assert_int_equal(bind(f->fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	setenv("NOTIFY_SOCKET", f->path, 1);
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	close(f->fd);
	unlink(f->path);
	rmdir(f->dir);
	unsetenv("NOTIFY_SOCKET");
	free(f);
	return 0;
}

/* The next datagram, "" when none is waiting. */
static const char *
heard(struct fixture *f)
{
	static char buf[512];
	ssize_t n = recv(f->fd, buf, sizeof(buf) - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static void
watchdog_env(const char *usec)
{
	char pid[32];
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	setenv("WATCHDOG_USEC", usec, 1);
	setenv("WATCHDOG_PID", pid, 1);
}

static void
test_no_watchdog_no_ping(void **state)
{
	struct fixture *f = *state;
	notify_init();
	assert_int_equal(notify_watchdog_interval(), 0);
	assert_true(notify_watchdog(1000) == FT_MS_NEVER);
	assert_string_equal(heard(f), "");
	/* a watchdog meant for another process is not ours */
	setenv("WATCHDOG_USEC", "10000000", 1);
	setenv("WATCHDOG_PID", "1", 1);
	notify_init();
	assert_int_equal(notify_watchdog_interval(), 0);
	assert_true(notify_watchdog(1000) == FT_MS_NEVER);
	assert_string_equal(heard(f), "");
}

static void
test_watchdog_at_half_the_interval(void **state)
{
	struct fixture *f = *state;
	watchdog_env("30000000"); /* WatchdogSec=30s */
	notify_init();
	assert_int_equal(notify_watchdog_interval(), 30000);
	/* the first loop pings, and must wake again within 15 s */
	assert_int_equal(notify_watchdog(100000), 115000);
	assert_string_equal(heard(f), "WATCHDOG=1");
	/* a loop woken within a quarter of the interval (frames, a touch)
	 * does not ping again, nor move the deadline */
	assert_int_equal(notify_watchdog(104000), 115000);
	assert_string_equal(heard(f), "");
	/* a wake-up it had anyway, later than that, pings and moves it */
	assert_int_equal(notify_watchdog(108000), 123000);
	assert_string_equal(heard(f), "WATCHDOG=1");
	/* woken at the deadline: ping, next deadline 15 s on */
	assert_int_equal(notify_watchdog(123000), 138000);
	assert_string_equal(heard(f), "WATCHDOG=1");
}

/* WatchdogSec=3min, as shipped: the idle display's minute tick pings every
 * time, and the watchdog's deadline always falls after the next tick. */
static void
test_the_minute_tick_pings_the_shipped_watchdog(void **state)
{
	struct fixture *f = *state;
	watchdog_env("180000000");
	notify_init();
	for (ft_ms tick = 60000; tick <= 600000; tick += 60000) {
		ft_ms due = notify_watchdog(tick);
		assert_string_equal(heard(f), "WATCHDOG=1");
		assert_true(due > tick + 60000);
	}
}

static void
test_ready_once_then_stopping(void **state)
{
	struct fixture *f = *state;
	notify_ready();
	assert_non_null(strstr(heard(f), "READY=1"));
	notify_ready();
	assert_string_equal(heard(f), "");
	notify_status("configuration error: %s", "x.conf:3");
	assert_string_equal(heard(f), "STATUS=configuration error: x.conf:3");
	notify_stopping();
	assert_string_equal(heard(f), "STOPPING=1");
}

/* Outside systemd nothing is sent and nothing fails. */
static void
test_outside_systemd(void **state)
{
	struct fixture *f = *state;
	unsetenv("NOTIFY_SOCKET");
	watchdog_env("30000000");
	notify_init();
	notify_watchdog(0);
	notify_stopping();
	assert_string_equal(heard(f), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_watchdog_no_ping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_watchdog_at_half_the_interval, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_minute_tick_pings_the_shipped_watchdog, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ready_once_then_stopping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outside_systemd, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
