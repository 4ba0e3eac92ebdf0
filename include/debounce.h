/*
 * debounce.h - a slot's level changes only when the raw level has stayed put
 * for the debounce period; the change is dated at the raw edge that began the
 * stable level (SPEC §2.1). Pure: time comes in as arguments. How the
 * kernel's debounce (libgpiod 2), the dock and the engine fit around it is
 * explained once, in src/debounce.c.
 */
#ifndef FT_DEBOUNCE_H
#define FT_DEBOUNCE_H

#include "common.h"

struct debounce_slot {
	int raw;          /* last raw level seen, 0 or 1 */
	ft_ms raw_since;  /* instant of the raw edge that began it */
	int stable;       /* debounced level */
};

struct debounce {
	ft_ms period;
	int nslots;
	struct debounce_slot slot[FT_MAX_SLOTS];
};

/* A confirmed change of one slot (slot counts from 1). */
struct dock_change {
	int slot;
	int level;
	ft_ms t;
};

/* Whether a raw level that began at SINCE has held for PERIOD by NOW: the
 * one test of SPEC §2.1, for every place that asks it. */
static inline bool
debounce_held(ft_ms period, ft_ms since, ft_ms now)
{
	return now - since >= period;
}

/* Start with every slot stable at LEVELS[i] (all 0 when LEVELS is NULL). */
void debounce_init(struct debounce *d, int nslots, ft_ms period, const int *levels);
/* Record a raw level of SLOT seen at T (repeats of the same level are fine). */
void debounce_raw(struct debounce *d, int slot, int level, ft_ms t);
/* The instant the earliest pending change would be confirmed. */
ft_ms debounce_next_deadline(const struct debounce *d);
/* Confirm every change whose raw level held for the period by NOW; writes at
 * most MAX changes to OUT sorted by their date and returns how many. */
int debounce_advance(struct debounce *d, ft_ms now, struct dock_change *out, int max);

#endif
