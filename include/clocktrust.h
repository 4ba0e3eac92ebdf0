/*
 * clocktrust.h - whether the wall clock can date what the family logs
 * (SPEC §1), and the events held until it can.
 *
 * The Pi has no real-time clock: it boots at whatever fake-hwclock saved, or
 * at 1970, and learns the time from the network later, if ever. A meal logged
 * in 1970 would break every week and streak, so until the clock is trusted
 * the display holds each event with its monotonic time and replays it, dated
 * wall = mono + offset, once it is. The decision is a pure function of facts
 * gathered by clocktrust_probe(), so tests can feed it any situation.
 */
#ifndef FT_CLOCKTRUST_H
#define FT_CLOCKTRUST_H

#include "clock.h"
#include "common.h"

struct clocktrust_facts {
	bool synchronized;   /* the kernel or systemd-timesyncd says so */
	ft_ms wall;          /* CLOCK_REALTIME now, UTC ms */
	ft_ms build;         /* when this program was built */
	ft_ms last_stored;   /* the last instant the store ran to; -1: never */
};

enum clocktrust_verdict {
	CLOCKTRUST_UNTRUSTED,   /* hold events, show the banner */
	CLOCKTRUST_SYNCHRONIZED,
	CLOCKTRUST_LATER,       /* after both the build and the last stored instant */
};

/* Trusted when synchronised, or when the clock reads later than both the
 * build date and the last instant stored (a clock that has not moved past
 * what we already logged is not evidence of anything). */
enum clocktrust_verdict clocktrust_decide(const struct clocktrust_facts *f);

/* Fill synchronized, wall and build from the system; last_stored is the
 * caller's (store_get_clock). */
void clocktrust_probe(struct clocktrust_facts *f);
/* The build date (this file's __DATE__, which honours SOURCE_DATE_EPOCH),
 * midnight UTC. */
ft_ms clocktrust_build_time(void);

/* A descriptor that becomes readable when someone sets the wall clock (a
 * CLOCK_REALTIME timerfd with TFD_TIMER_CANCEL_ON_SET), so the display
 * rechecks at once instead of at the next minute; -1 when not supported.
 * After it fired, call clocktrust_watch_rearm(). */
int clocktrust_watch_open(void);
void clocktrust_watch_rearm(int fd);

/* Events held while the clock is untrusted, in the order they happened. */
enum clocktrust_event_kind {
	CLOCKTRUST_DOCK,        /* a = slot, b = level */
	CLOCKTRUST_WALK_START,
	CLOCKTRUST_WALK_STOP,
	CLOCKTRUST_HUG,
	CLOCKTRUST_TAP,         /* text = kind ("call") */
	CLOCKTRUST_CALL,        /* a = the caller's slot, text = whom; 0 and "": not said */
};

struct clocktrust_event {
	enum clocktrust_event_kind kind;
	ft_ms mono;             /* when it happened, monotonic ms */
	int a, b;
	char text[FT_NAME_MAX];  /* a tap's kind, a call's whom */
	unsigned seq;           /* unique, so an undo can find it */
	bool cancelled;         /* undone before the clock was trusted */
};

struct clocktrust_hold {
	struct clocktrust_event *events;
	size_t n, cap;
	unsigned next_seq;
};

/* Appends; returns the event's seq, or 0 when memory ran out. */
unsigned clocktrust_hold_push(struct clocktrust_hold *h, const struct clocktrust_event *ev);
/* Marks a held event undone; false when it is not (or no longer) held. */
bool clocktrust_hold_cancel(struct clocktrust_hold *h, unsigned seq);
void clocktrust_hold_clear(struct clocktrust_hold *h);
void clocktrust_hold_free(struct clocktrust_hold *h);

/* The instant a held event happened on the wall clock once the offset
 * (wall - mono) is known; never earlier than NOT_BEFORE, because the engine's
 * time only moves forward. */
ft_ms clocktrust_date(ft_ms mono, ft_ms offset, ft_ms not_before);

#endif
