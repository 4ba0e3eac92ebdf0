/*
 * session.c - phones-down sessions from the docked count d(t) (SPEC §2.2-2.7).
 *
 * A session opens when d reaches min_phones. When d falls below it a dip
 * begins; a dip that ends within grace is an interruption, one that lasts
 * grace ends the session at the instant the dip began. Members are slots in
 * for at least half the session, so the time each slot was in is kept as it
 * goes, with a copy taken when a dip begins (a session that ends, ends there).
 */
#include <string.h>

#include "calendar.h"
#include "session.h"

const char *const session_class_names[4] = {"short", "left-docked", "phones-down", "meal"};

void
session_init(struct session_detector *det, const struct ft_config *cfg, const int *levels, ft_ms t)
{
	memset(det, 0, sizeof(*det));
	det->nslots = cfg->nslots;
	det->min_phones = cfg->min_phones;
	det->grace = cfg->grace;
	for (int i = 0; i < det->nslots; i++) {
		det->level[i] = levels ? !!levels[i] : 0;
		det->level_since[i] = t;
	}
}

int
session_docked(const struct session_detector *det)
{
	int d = 0;
	for (int i = 0; i < det->nslots; i++)
		d += det->level[i];
	return d;
}

ft_ms
session_next_deadline(const struct session_detector *det)
{
	return det->open && det->dipping ? det->dip_start + det->grace : FT_MS_NEVER;
}

/* Add each docked slot's time up to T to its total. */
static void
accumulate(struct session_detector *det, ft_ms t)
{
	for (int i = 0; i < det->nslots; i++) {
		if (det->level[i] && t > det->level_since[i])
			det->in_ms[i] += t - det->level_since[i];
		det->level_since[i] = t;
	}
}

/* Close the session at END; IN_MS holds each slot's time in up to END. */
static void
finish(struct session_detector *det, ft_ms end, const ft_ms *in_ms, struct session *done)
{
	memset(done, 0, sizeof(*done));
	done->start = det->start;
	done->end = end;
	done->phones = det->phones;
	done->interruptions = det->interruptions;
	for (int i = 0; i < det->nslots; i++)
		if (in_ms[i] * 2 >= end - det->start)
			done->members |= 1u << i;
	det->open = false;
	det->dipping = false;
}

bool
session_advance(struct session_detector *det, ft_ms t, struct session *done)
{
	if (!det->open || !det->dipping || det->dip_start + det->grace > t)
		return false;
	finish(det, det->dip_start, det->in_at_dip, done);
	return true;
}

bool
session_on_dock(struct session_detector *det, const struct dock_change *changes, int n,
		struct session *done)
{
	if (n == 0)
		return false;
	ft_ms t = changes[0].t;
	if (det->open)
		accumulate(det, t);
	for (int i = 0; i < n; i++) {
		int s = changes[i].slot - 1;
		det->level[s] = changes[i].level;
		det->level_since[s] = t;
	}
	int d = session_docked(det);
	if (!det->open) {
		if (d >= det->min_phones) {
			det->open = true;
			det->start = t;
			det->phones = d;
			det->interruptions = 0;
			det->dipping = false;
			memset(det->in_ms, 0, sizeof(det->in_ms));
			for (int i = 0; i < det->nslots; i++)
				det->level_since[i] = t;
		}
		return false;
	}
	if (d > det->phones)
		det->phones = d;
	if (det->dipping && d >= det->min_phones) {
		/* back within grace: the dip was an interruption */
		det->dipping = false;
		det->interruptions++;
	} else if (!det->dipping && d < det->min_phones) {
		/* should the dip last grace, the session ends here: keep the
		 * totals as they are now */
		det->dipping = true;
		det->dip_start = t;
		memcpy(det->in_at_dip, det->in_ms, sizeof(det->in_ms));
	}
	(void)done;
	return false;
}

bool
session_end_at(struct session_detector *det, ft_ms t, struct session *done)
{
	if (!det->open)
		return false;
	if (det->dipping) {
		finish(det, det->dip_start, det->in_at_dip, done);
	} else {
		accumulate(det, t);
		finish(det, t, det->in_ms, done);
	}
	return true;
}

void
session_classify(struct session *s, const struct ft_config *cfg)
{
	ft_ms length = s->end - s->start;
	s->kind[0] = '\0';
	s->date = cal_day_of(s->start);
	if (length < cfg->meal_min) {
		s->cls = SESSION_SHORT;
		return;
	}
	if (length > cfg->meal_max) {
		s->cls = SESSION_LEFT_DOCKED;
		return;
	}
	/* The window it overlaps most, on any local day it touches (from the
	 * day before: a window may run past midnight); a tie goes to the
	 * earlier window. */
	ft_ms best = -1, best_start = 0;
	int best_window = -1;
	int64_t best_day = 0;
	for (int64_t day = cal_day_of(s->start) - 1; day <= cal_day_of(s->end); day++) {
		for (int w = 0; w < cfg->nwindows; w++) {
			ft_ms ws, we;
			config_window_on(&cfg->windows[w], day, &ws, &we);
			ft_ms from = s->start > ws ? s->start : ws;
			ft_ms to = s->end < we ? s->end : we;
			ft_ms overlap = to > from ? to - from : 0;
			if (overlap > best || (overlap == best && ws < best_start)) {
				best = overlap;
				best_start = ws;
				best_window = w;
				best_day = day;
			}
		}
	}
	if (best_window >= 0 && best >= cfg->meal_min) {
		s->cls = SESSION_MEAL;
		s->date = best_day;
		strcpy(s->kind, cfg->windows[best_window].kind);
	} else {
		s->cls = SESSION_PHONES_DOWN;
	}
}
