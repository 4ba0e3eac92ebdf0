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

#endif
