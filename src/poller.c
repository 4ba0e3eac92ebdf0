/*
 * poller.c - one poll() over file descriptors, a timerfd and a signalfd.
 *
 * Sources live in a singly linked list. Removing a source while the poller
 * dispatches only marks it dead; the list is swept after the dispatch, so a
 * callback can remove anything (itself included) without pulling the list
 * from under the loop. Timers are kept as plain deadlines and share a single
 * timerfd armed at the earliest one: an idle display then wakes exactly when
 * the next timer is due, and never to find out whether it is.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "poller.h"

enum poller_kind { POLLER_FD, POLLER_TIMER, POLLER_SIGNAL };

struct poller_source {
	struct poller *poller;
	struct poller_source *next;
	enum poller_kind kind;
	bool dead;             /* removed; freed by the next sweep */
	int fd;                /* POLLER_FD */
	short mask;
	ft_ms deadline;        /* POLLER_TIMER; FT_MS_NEVER: disarmed */
	int signo;             /* POLLER_SIGNAL */
	poller_fd_fn fd_fn;
	poller_timer_fn timer_fn;
	poller_signal_fn signal_fn;
	void *data;
};

struct poller {
	struct poller_source *sources;
	int timer_fd;          /* CLOCK_MONOTONIC, absolute */
	ft_ms timer_armed;     /* what timer_fd is armed at; FT_MS_NEVER: disarmed */
	int signal_fd;         /* -1 until the first signal source */
	sigset_t signals;
	int dispatching;       /* > 0 inside poller_dispatch: defer frees */
	unsigned long wakeups;
	struct pollfd *pfds;   /* scratch for poll(), grown as needed */
	struct poller_source **pfd_src;
	size_t pfd_cap;
};

struct poller *
poller_create(void)
{
	struct poller *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (p->timer_fd < 0)
		goto err_free;
	p->timer_armed = FT_MS_NEVER;
	p->signal_fd = -1;
	sigemptyset(&p->signals);
	return p;

err_free:
	free(p);
	return NULL;
}

void
poller_destroy(struct poller *p)
{
	if (!p)
		return;
	struct poller_source *s = p->sources;
	while (s) {
		struct poller_source *next = s->next;
		free(s);
		s = next;
	}
	if (p->signal_fd >= 0)
		close(p->signal_fd);
	close(p->timer_fd);
	free(p->pfds);
	free(p->pfd_src);
	free(p);
}

static struct poller_source *
poller_new_source(struct poller *p, enum poller_kind kind, void *data)
{
	struct poller_source *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->poller = p;
	s->kind = kind;
	s->fd = -1;
	s->deadline = FT_MS_NEVER;
	s->data = data;
	/* New sources go first; a source added by a callback waits for the
	 * next poll() anyway, because the current one did not include it. */
	s->next = p->sources;
	p->sources = s;
	return s;
}

struct poller_source *
poller_add_fd(struct poller *p, int fd, short mask, poller_fd_fn fn, void *data)
{
	struct poller_source *s = poller_new_source(p, POLLER_FD, data);
	if (!s)
		return NULL;
	s->fd = fd;
	s->mask = mask;
	s->fd_fn = fn;
	return s;
}

void
poller_fd_set_mask(struct poller_source *s, short mask)
{
	s->mask = mask;
}

struct poller_source *
poller_add_timer(struct poller *p, poller_timer_fn fn, void *data)
{
	struct poller_source *s = poller_new_source(p, POLLER_TIMER, data);
	if (!s)
		return NULL;
	s->timer_fn = fn;
	return s;
}

void
poller_timer_arm(struct poller_source *s, ft_ms deadline)
{
	s->deadline = deadline;
}

ft_ms
poller_timer_deadline(const struct poller_source *s)
{
	return s->deadline;
}

struct poller_source *
poller_add_signal(struct poller *p, int signo, poller_signal_fn fn, void *data)
{
	sigset_t want = p->signals;
	sigaddset(&want, signo);
	/* Blocked first, so the signal waits in the signalfd instead of
	 * killing the process between the two calls. */
	if (sigprocmask(SIG_BLOCK, &want, NULL) < 0)
		return NULL;
	int fd = signalfd(p->signal_fd, &want, SFD_CLOEXEC | SFD_NONBLOCK);
	if (fd < 0)
		return NULL;
	p->signal_fd = fd;
	p->signals = want;
	struct poller_source *s = poller_new_source(p, POLLER_SIGNAL, data);
	if (!s)
		return NULL;
	s->signo = signo;
	s->signal_fn = fn;
	return s;
}

static void
poller_sweep(struct poller *p)
{
	struct poller_source **link = &p->sources;
	while (*link) {
		struct poller_source *s = *link;
		if (s->dead) {
			*link = s->next;
			free(s);
		} else {
			link = &s->next;
		}
	}
}

void
poller_remove(struct poller_source *s)
{
	if (!s)
		return;
	s->dead = true;
	if (!s->poller->dispatching)
		poller_sweep(s->poller);
}

/* Arm the shared timerfd at the earliest live deadline, touching the kernel
 * only when that deadline changed. */
static void
poller_arm_timerfd(struct poller *p)
{
	ft_ms earliest = FT_MS_NEVER;
	for (struct poller_source *s = p->sources; s; s = s->next)
		if (!s->dead && s->kind == POLLER_TIMER && s->deadline < earliest)
			earliest = s->deadline;
	if (earliest == p->timer_armed)
		return;
	struct itimerspec its = { 0 };
	if (earliest != FT_MS_NEVER) {
		/* 0 would disarm the timerfd: a deadline already past is due now. */
		ft_ms at = earliest > 0 ? earliest : 1;
		its.it_value.tv_sec = at / 1000;
		its.it_value.tv_nsec = (long)(at % 1000) * 1000000;
	}
	if (timerfd_settime(p->timer_fd, TFD_TIMER_ABSTIME, &its, NULL) == 0)
		p->timer_armed = earliest;
}

static bool
poller_grow(struct poller *p, size_t n)
{
	if (n <= p->pfd_cap)
		return true;
	size_t cap = n < 16 ? 16 : n * 2;
	struct pollfd *pfds = realloc(p->pfds, cap * sizeof(*pfds));
	if (!pfds)
		return false;
	p->pfds = pfds;
	/* an array of pointers: sizeof(pointer) is meant */
	struct poller_source **src = realloc(p->pfd_src, cap * sizeof(*src)); /* NOLINT(bugprone-sizeof-expression) */
	if (!src)
		return false;
	p->pfd_src = src;
	p->pfd_cap = cap;
	return true;
}

static int
poller_run_timers(struct poller *p)
{
	uint64_t expirations;
	/* Drain it; the deadlines below, not the count, say what is due. */
	if (read(p->timer_fd, &expirations, sizeof(expirations)) < 0 && errno != EAGAIN)
		return 0;
	p->timer_armed = FT_MS_NEVER; /* an absolute timer that fired is spent */
	ft_ms now = clock_mono_ms();
	int ran = 0;
	for (struct poller_source *s = p->sources; s; s = s->next) {
		if (s->dead || s->kind != POLLER_TIMER || s->deadline > now)
			continue;
		s->deadline = FT_MS_NEVER; /* one-shot: the callback may re-arm */
		s->timer_fn(s->data);
		ran++;
	}
	return ran;
}

static int
poller_run_signals(struct poller *p)
{
	struct signalfd_siginfo si;
	int ran = 0;
	while (read(p->signal_fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		for (struct poller_source *s = p->sources; s; s = s->next) {
			if (s->dead || s->kind != POLLER_SIGNAL || s->signo != (int)si.ssi_signo)
				continue;
			s->signal_fn(s->signo, s->data);
			ran++;
		}
	}
	return ran;
}

int
poller_dispatch(struct poller *p, int timeout_ms)
{
	poller_arm_timerfd(p);

	size_t n = 2; /* the timerfd and the signalfd */
	for (struct poller_source *s = p->sources; s; s = s->next)
		if (!s->dead && s->kind == POLLER_FD)
			n++;
	if (!poller_grow(p, n)) {
		errno = ENOMEM;
		return -1;
	}
	size_t i = 0;
	p->pfds[i] = (struct pollfd){ .fd = p->timer_fd, .events = POLLIN };
	p->pfd_src[i++] = NULL;
	p->pfds[i] = (struct pollfd){ .fd = p->signal_fd, .events = POLLIN };
	p->pfd_src[i++] = NULL;
	for (struct poller_source *s = p->sources; s; s = s->next) {
		if (s->dead || s->kind != POLLER_FD)
			continue;
		p->pfds[i] = (struct pollfd){ .fd = s->fd, .events = s->mask };
		p->pfd_src[i++] = s;
	}

	int ready;
	do
		ready = poll(p->pfds, i, timeout_ms);
	while (ready < 0 && errno == EINTR);
	if (ready < 0)
		return -1;
	p->wakeups++;

	int ran = 0;
	p->dispatching++;
	if (p->pfds[1].revents & POLLIN)
		ran += poller_run_signals(p);
	for (size_t k = 2; k < i; k++) {
		struct poller_source *s = p->pfd_src[k];
		if (!p->pfds[k].revents || s->dead)
			continue;
		s->fd_fn(s->fd, p->pfds[k].revents, s->data);
		ran++;
	}
	if (p->pfds[0].revents & POLLIN)
		ran += poller_run_timers(p);
	p->dispatching--;
	if (!p->dispatching)
		poller_sweep(p);
	return ran;
}

unsigned long
poller_wakeups(const struct poller *p)
{
	return p->wakeups;
}
