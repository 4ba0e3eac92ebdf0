/*
 * debounce.c - SPEC §2.1 in user space. A slot whose raw level differs from
 * its stable level has a pending change, confirmed once the raw level has
 * held for the whole period, and dated at the raw edge that began it. A
 * pulse shorter than the period sets raw back to stable before that and
 * vanishes without a trace.
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
		if (s->raw != s->stable && s->raw_since + d->period <= now) {
			s->stable = s->raw;
			out[n++] = (struct dock_change){i + 1, s->raw, s->raw_since};
		}
	}
	qsort(out, (size_t)n, sizeof(*out), by_time);
	return n;
}
