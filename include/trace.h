/*
 * trace.h - what `make bench` needs to see from inside the running display:
 * when each frame was presented and when each dock edge came, as lines in a
 * file named by the environment variable FAMILYTABLE_TRACE. Unset (the
 * appliance's case), nothing is opened and nothing is written.
 *
 *   edge  MONO_MS SLOT LEVEL          a raw dock edge, dated as the dock dated it
 *   frame MONO_US SCREEN DRAW_US SLOTS a frame presented: its screen, the time
 *                                     from layout to present, the slots shown
 *                                     in (a bit per slot, slot 1 = 1)
 *   target ACTION ARG CX CY           a touch target of the frame whose line
 *                                     follows (the bench taps what the running
 *                                     display laid out, centre in pixels)
 *   span  NAME US                     how long a command's own work took
 *                                     (report: from opening the store to the
 *                                     JSON printed, without the process start)
 *
 * Instants are CLOCK_MONOTONIC, the same clock a benchmark script reads
 * (Python's time.monotonic()).
 */
#ifndef FT_TRACE_H
#define FT_TRACE_H

#include "common.h"

/* Opens FAMILYTABLE_TRACE when set; returns whether tracing is on. */
bool trace_open(void);
void trace_close(void);
bool trace_on(void);
/* CLOCK_MONOTONIC in microseconds. */
int64_t trace_mono_us(void);
void trace_edge(ft_ms t_mono, int slot, int level);
void trace_frame(int64_t presented_us, const char *screen, int64_t draw_us, unsigned slots);
void trace_target(const char *action, int arg, int cx, int cy);
void trace_span(const char *name, int64_t us);

#endif
