/*
 * ritual.h - when the family's rituals come round (SPEC §3 `[rituals]`):
 * which one is next, and whether a call ritual is due today. Pure: the
 * instant and what was kept come in as arguments; the glance shows the
 * answers, habits.c says whether a ritual was kept.
 */
#ifndef FT_RITUAL_H
#define FT_RITUAL_H

#include "common.h"
#include "config.h"

/* The next ritual not yet done at NOW: this week's not kept yet, from the
 * start of today (one due earlier today and not done is still next), else
 * next week's. KEPT[i] says whether ritual i was kept this week (NULL:
 * none known yet). Returns its index and its instant in *WHEN, or -1 (and
 * FT_MS_NEVER) when there is no ritual. */
int ritual_next(const struct ft_config *cfg, const bool *kept, ft_ms now, ft_ms *when);

/* The first `call` ritual of NOW's weekday that is not kept yet (the family
 * taps it when done), or -1; -1 too while KEPT is not known (NULL). */
int ritual_call_due_today(const struct ft_config *cfg, const bool *kept, ft_ms now);

#endif
