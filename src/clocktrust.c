/*
 * clocktrust.c - is the wall clock right yet, and the events held until it is.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "clocktrust.h"

/* Where systemd-timesyncd says it has synchronised the clock at least once
 * since boot (systemd >= 239). */
#define CLOCKTRUST_TIMESYNC_FLAG "/run/systemd/timesync/synchronized"

enum clocktrust_verdict
clocktrust_decide(const struct clocktrust_facts *f)
{
	if (f->synchronized)
		return CLOCKTRUST_SYNCHRONIZED;
	if (f->wall > f->build && f->wall > f->last_stored)
		return CLOCKTRUST_LATER;
	return CLOCKTRUST_UNTRUSTED;
}

ft_ms
clocktrust_build_time(void)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *date = __DATE__; /* "Nov 30 2026" */
	char mon[4] = { date[0], date[1], date[2], 0 };
	const char *m = strstr(months, mon);
	int month = m ? (int)(m - months) / 3 + 1 : 1;
	int day = (int)strtol(date + 4, NULL, 10);  /* " 1" or "30": the compiler's, well formed */
	int year = (int)strtol(date + 7, NULL, 10);
	/* the civil date to days, the calendar's one way (UTC: no zone) */
	int64_t days = cal_day_from_date((struct cal_date){ year, month, day });
	return days * FT_DAY;
}

void
clocktrust_probe(struct clocktrust_facts *f)
{
	struct timex tx = { 0 };
	int state = adjtimex(&tx);
	/* The kernel clears STA_UNSYNC once an NTP daemon disciplines it. */
	bool kernel_synced = state >= 0 && state != TIME_ERROR && !(tx.status & STA_UNSYNC);
	f->synchronized = kernel_synced || access(CLOCKTRUST_TIMESYNC_FLAG, F_OK) == 0;
	f->wall = clock_wall_ms();
	f->build = clocktrust_build_time();
}

int
clocktrust_watch_open(void)
{
	int fd = timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
	if (fd < 0)
		return -1;
	clocktrust_watch_rearm(fd);
	return fd;
}

void
clocktrust_watch_rearm(int fd)
{
	uint64_t n;
	/* Reading reports ECANCELED once after a clock change; that also
	 * clears the condition. */
	if (read(fd, &n, sizeof(n)) < 0 && errno != EAGAIN && errno != ECANCELED)
		return;
	/* A deadline far away: this timer exists only to be cancelled. */
	struct itimerspec its = { .it_value = { .tv_sec = (time_t)1 << 40 } };
	if (sizeof(time_t) < 8)
		its.it_value.tv_sec = INT32_MAX;
	timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL);
}

unsigned
clocktrust_hold_push(struct clocktrust_hold *h, const struct clocktrust_event *ev)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 32;
		struct clocktrust_event *events = realloc(h->events, cap * sizeof(*events));
		if (!events)
			return 0;
		h->events = events;
		h->cap = cap;
	}
	struct clocktrust_event *e = &h->events[h->n++];
	*e = *ev;
	e->seq = ++h->next_seq;
	e->cancelled = false;
	return e->seq;
}

bool
clocktrust_hold_cancel(struct clocktrust_hold *h, unsigned seq)
{
	for (size_t i = 0; i < h->n; i++) {
		if (h->events[i].seq == seq && !h->events[i].cancelled) {
			h->events[i].cancelled = true;
			return true;
		}
	}
	return false;
}

void
clocktrust_hold_clear(struct clocktrust_hold *h)
{
	h->n = 0;
}

void
clocktrust_hold_free(struct clocktrust_hold *h)
{
	free(h->events);
	*h = (struct clocktrust_hold){ 0 };
}

ft_ms
clocktrust_date(ft_ms mono, ft_ms offset, ft_ms not_before)
{
	ft_ms t = mono + offset;
	return t < not_before ? not_before : t;
}
