/*
 * test_poller.c - the event loop on real pipes, a real timerfd and a real
 * signal: what is due runs, what is not due does not, and nothing spins.
 */
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include "test.h"
#include "poller.h"

struct counter {
	int runs;
	int last_fd;
	short last_revents;
	struct poller_source *self; /* removed by its own callback when set */
};

static void
on_fd(int fd, short revents, void *data)
{
	struct counter *c = data;
	char buf[16];
	c->runs++;
	c->last_fd = fd;
	c->last_revents = revents;
	if (read(fd, buf, sizeof(buf)) < 0)
		fail_msg("read");
	if (c->self)
		poller_remove(c->self);
}

static void
on_timer(void *data)
{
	struct counter *c = data;
	c->runs++;
}

static void
on_signal(int signo, void *data)
{
	struct counter *c = data;
	c->runs++;
	c->last_fd = signo;
}

static void
test_fd_ready_runs_its_callback(void **state)
{
	struct poller *p = poller_create();
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	struct counter c = { 0 };
	assert_non_null(poller_add_fd(p, fds[0], POLLIN, on_fd, &c));

	assert_int_equal(poller_dispatch(p, 0), 0); /* nothing written yet */
	assert_int_equal(c.runs, 0);
	assert_int_equal(write(fds[1], "x", 1), 1);
	assert_int_equal(poller_dispatch(p, 1000), 1);
	assert_int_equal(c.runs, 1);
	assert_int_equal(c.last_fd, fds[0]);
	assert_true(c.last_revents & POLLIN);

	poller_destroy(p);
	close(fds[0]);
	close(fds[1]);
}

static void
test_callback_may_remove_itself(void **state)
{
	struct poller *p = poller_create();
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	struct counter c = { 0 };
	c.self = poller_add_fd(p, fds[0], POLLIN, on_fd, &c);
	assert_int_equal(write(fds[1], "xy", 2), 2);
	assert_int_equal(poller_dispatch(p, 1000), 1);
	/* Removed: more data does not call it again. */
	assert_int_equal(write(fds[1], "z", 1), 1);
	assert_int_equal(poller_dispatch(p, 50), 0);
	assert_int_equal(c.runs, 1);
	poller_destroy(p);
	close(fds[0]);
	close(fds[1]);
}

static void
test_timer_fires_at_its_deadline_once(void **state)
{
	struct poller *p = poller_create();
	struct counter early = { 0 }, late = { 0 };
	struct poller_source *a = poller_add_timer(p, on_timer, &early);
	struct poller_source *b = poller_add_timer(p, on_timer, &late);
	ft_ms start = clock_mono_ms();
	poller_timer_arm(a, start + 30);
	poller_timer_arm(b, start + 5000);

	assert_int_equal(poller_dispatch(p, -1), 1);
	ft_ms woke = clock_mono_ms();
	assert_int_equal(early.runs, 1);
	assert_int_equal(late.runs, 0);
	assert_true(woke - start >= 30);
	assert_true(woke - start < 1000);
	/* One-shot: it is disarmed now, the later one still waits. */
	assert_true(poller_timer_deadline(a) == FT_MS_NEVER);
	assert_true(poller_timer_deadline(b) == start + 5000);
	assert_int_equal(poller_dispatch(p, 50), 0);
	assert_int_equal(early.runs, 1);
	poller_destroy(p);
}

static void
test_past_deadline_is_due_now(void **state)
{
	struct poller *p = poller_create();
	struct counter c = { 0 };
	struct poller_source *t = poller_add_timer(p, on_timer, &c);
	poller_timer_arm(t, clock_mono_ms() - 100);
	assert_int_equal(poller_dispatch(p, 1000), 1);
	assert_int_equal(c.runs, 1);
	poller_destroy(p);
}

static void
test_disarmed_timer_never_wakes(void **state)
{
	struct poller *p = poller_create();
	struct counter c = { 0 };
	struct poller_source *t = poller_add_timer(p, on_timer, &c);
	poller_timer_arm(t, clock_mono_ms() + 20);
	poller_timer_arm(t, FT_MS_NEVER);
	assert_int_equal(poller_dispatch(p, 80), 0);
	assert_int_equal(c.runs, 0);
	/* Only the timeout ended that poll: one wakeup, no spinning. */
	assert_int_equal(poller_wakeups(p), 1);
	poller_destroy(p);
}

static void
test_signal_arrives_through_signalfd(void **state)
{
	struct poller *p = poller_create();
	struct counter c = { 0 };
	assert_non_null(poller_add_signal(p, SIGUSR1, on_signal, &c));
	assert_int_equal(raise(SIGUSR1), 0); /* blocked: waits in the signalfd */
	assert_int_equal(poller_dispatch(p, 1000), 1);
	assert_int_equal(c.runs, 1);
	assert_int_equal(c.last_fd, SIGUSR1);
	poller_destroy(p);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fd_ready_runs_its_callback),
		cmocka_unit_test(test_callback_may_remove_itself),
		cmocka_unit_test(test_timer_fires_at_its_deadline_once),
		cmocka_unit_test(test_past_deadline_is_due_now),
		cmocka_unit_test(test_disarmed_timer_never_wakes),
		cmocka_unit_test(test_signal_arrives_through_signalfd),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
