/*
 * poller.h - the one event loop: file descriptors, monotonic timers and
 * signals, in a single poll() (after seatd's poller).
 *
 * Everything the display waits for goes through here, so that an idle
 * appliance sleeps in exactly one poll() until the next thing is due. Timers
 * share one timerfd armed at the earliest deadline (CLOCK_MONOTONIC, absolute),
 * signals come through one signalfd, and poll() is retried on EINTR.
 *
 * Ownership: the poller owns its sources; a callback may add or remove any
 * source, itself included, while the poller dispatches.
 */
#ifndef FT_POLLER_H
#define FT_POLLER_H

#include "clock.h"
#include "common.h"

struct poller;
struct poller_source;

/* MASK and the callback's REVENTS use poll()'s POLLIN, POLLOUT, ... */
typedef void (*poller_fd_fn)(int fd, short revents, void *data);
typedef void (*poller_timer_fn)(void *data);
typedef void (*poller_signal_fn)(int signo, void *data);

struct poller *poller_create(void);
/* Frees every source left; does not close the fds given to poller_add_fd. */
void poller_destroy(struct poller *p);

struct poller_source *poller_add_fd(struct poller *p, int fd, short mask,
				    poller_fd_fn fn, void *data);
void poller_fd_set_mask(struct poller_source *s, short mask);

/* A one-shot timer, disarmed until poller_timer_arm(). */
struct poller_source *poller_add_timer(struct poller *p, poller_timer_fn fn, void *data);
/* Fire at DEADLINE (monotonic ms, from clock_mono_ms()); FT_MS_NEVER disarms. */
void poller_timer_arm(struct poller_source *s, ft_ms deadline);
ft_ms poller_timer_deadline(const struct poller_source *s);

/* Blocks SIGNO for the process and delivers it through the signalfd. */
struct poller_source *poller_add_signal(struct poller *p, int signo,
					poller_signal_fn fn, void *data);

/* Removes a source of any kind (a signal stays blocked). */
void poller_remove(struct poller_source *s);

/* Waits until at least one source is ready (or TIMEOUT_MS passes; -1 waits
 * for ever) and runs the callbacks. Returns the number of callbacks run, or
 * -1 when poll() itself failed (errno set). */
int poller_dispatch(struct poller *p, int timeout_ms);

/* How many times poll() returned, for the idle benchmark and tests. */
unsigned long poller_wakeups(const struct poller *p);


#endif
