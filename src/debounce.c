/*
 * debounce.c - SPEC §2.1 in user space. A slot whose raw level differs from
 * its stable level has a pending change, confirmed once the raw level has
 * held for the whole period (debounce_held), and dated at the raw edge that
 * began it. A pulse shorter than the period sets raw back to stable before
 * that and vanishes without a trace.
 *
 * This is the one place that says how a dock edge becomes a change; the
 * other files only point here:
 *
 * - The rule is applied here, and only here, for every dock: the engine
 *   (engine.c) feeds every raw level to a struct debounce, and so does the
 *   aside of phones docked to be named (family.c).
 *
 * - libgpiod 2 pre-filter (dock_gpio.c). The kernel is asked to debounce
 *   each line with the same period ([dock] debounce), so a bouncing switch
 *   costs no wake-ups. The kernel sends an edge only once the level has held
 *   for the period and stamps it when the period ran out; dock_gpio.c dates
 *   it back by the period, to the raw edge that began the stable level. The
 *   edge then reaches this file already held for the period, and is
 *   confirmed at once with the date SPEC §2.1 gives it: the kernel's filter
 *   changes the cost, never the result. libgpiod 1.6 has no debounce: the
 *   raw edges come here as they are, and this file does the same job.
 *
 * - Batching (dock.c). Between two reads the dock keeps the last two edges
 *   of a slot; an older one is kept only if its level held for the period
 *   before the next (debounce_held), as it would have been confirmed here;
 *   an edge that could not have been is dropped early. Same result.
 *
 * - Dates in the past (dock.c, engine.c). An edge dated back by the
 *   kernel's period may be older than a level already reported: the dock
 *   moves it up to the newest instant, and the engine to its horizon
 *   (now - period), before which everything is final.
 */
#include <stdlib.h>

#include "debounce.h"

void
debounce_init(struct debounce *d, int nslots, ft_ms period, const int *levels)
{
	d->period = period;
	d->nslots = nslots;
	for (int i = 0; i < nslots; i++) {
		int level = levels ? !!levels[i] : 0;
		d->slot[i] = (struct debounce_slot){level, 0, level};
	}
}

void
debounce_raw(struct debounce *d, int slot, int level, ft_ms t)
{
	struct debounce_slot *s = &d->slot[slot - 1];
	level = !!level;
	if (level == s->raw)
		return; /* the level is the truth: a repeat changes nothing */
	s->raw = level;
	s->raw_since = t;
}

ft_ms
debounce_next_deadline(const struct debounce *d)
{
	ft_ms next = FT_MS_NEVER;
	for (int i = 0; i < d->nslots; i++) {
		const struct debounce_slot *s = &d->slot[i];
		if (s->raw != s->stable && s->raw_since + d->period < next)
			next = s->raw_since + d->period;
	}
	return next;
}

static int
by_time(const void *a, const void *b)
{
	const struct dock_change *x = a, *y = b;
	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->slot - y->slot;
}

int
debounce_advance(struct debounce *d, ft_ms now, struct dock_change *out, int max)
{
	int n = 0;
	for (int i = 0; i < d->nslots && n < max; i++) {
		struct debounce_slot *s = &d->slot[i];
		if (s->raw != s->stable && debounce_held(d->period, s->raw_since, now)) {
			s->stable = s->raw;
			out[n++] = (struct dock_change){i + 1, s->raw, s->raw_since};
		}
	}
	qsort(out, (size_t)n, sizeof(*out), by_time);
	return n;
}
