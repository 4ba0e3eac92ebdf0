/*
 * clock.h - the two clocks familytable reads, in milliseconds.
 *
 * The monotonic clock measures durations and dates dock edges (it is the
 * clock of the kernel's GPIO edge timestamps); the wall clock dates what is
 * logged, once it can be trusted (clocktrust.h, SPEC §1). Everything else
 * takes time as an argument.
 */
#ifndef FT_CLOCK_H
#define FT_CLOCK_H

#include "common.h"

ft_ms clock_mono_ms(void); /* CLOCK_MONOTONIC */
ft_ms clock_wall_ms(void); /* CLOCK_REALTIME, UTC */

/* The two clocks as an interface: the live loop reads time only through
 * one, so a test (or a tool) can run it on clocks of its own. */
struct ft_clock {
	ft_ms (*mono)(void *data);
	ft_ms (*wall)(void *data);
	void *data;
};
extern const struct ft_clock clock_system; /* the two above */

#endif
