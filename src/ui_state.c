/*
 * ui_state.c - the display's small decisions, kept pure so tests can state
 * them plainly: when the review comes up by itself, which screen shows, and
 * what can still be undone.
 */
#include <string.h>

#include "calendar.h"
#include "ui.h"

bool
ui_review_due(const struct ft_config *cfg, ft_ms now, bool reviewed, int64_t dismissed_week)
{
	int64_t week = cal_week_of(now);
	if (reviewed || dismissed_week == week)
		return false;
	int64_t day = cal_week_monday(week) + cfg->review_weekday;
	/* From the review's day and time to the end of that week: a family
	 * that was out on Sunday morning still finds it in the evening. */
	return now >= cal_local_instant(day, cfg->review_minute);
}

enum ui_screen
ui_pick_screen(const struct ui_pick *p)
{
	if (p->hug_running)
		return UI_HUG;
	if (p->user_active)
		return p->current;
	if (p->review_due)
		return UI_REVIEW;
	if (p->session_open)
		return UI_MEAL;
	if (p->walk_open)
		return UI_WALK;
	return UI_GLANCE;
}

void
ui_undo_push(struct ui_undo *u, const struct ui_undo_entry *e)
{
	if (u->n == UI_UNDO_MAX) {
		memmove(&u->entries[0], &u->entries[1], sizeof(u->entries[0]) * (UI_UNDO_MAX - 1));
		u->n--;
	}
	u->entries[u->n++] = *e;
}

const struct ui_undo_entry *
ui_undo_latest(struct ui_undo *u, ft_ms now_mono)
{
	/* Entries are in the order they were logged: drop the expired ones
	 * from the front, then the newest is at the back. */
	int expired = 0;
	while (expired < u->n && now_mono - u->entries[expired].mono >= UI_UNDO_WINDOW)
		expired++;
	if (expired) {
		memmove(&u->entries[0], &u->entries[expired],
			sizeof(u->entries[0]) * (size_t)(u->n - expired));
		u->n -= expired;
	}
	return u->n ? &u->entries[u->n - 1] : NULL;
}

void
ui_undo_pop(struct ui_undo *u)
{
	if (u->n)
		u->n--;
}

void
ui_undo_held_logged(struct ui_undo *u, unsigned hold_seq, int store_kind, int64_t id)
{
	for (int i = 0; i < u->n; i++) {
		struct ui_undo_entry *e = &u->entries[i];
		if (e->kind == UI_UNDO_HELD && e->hold_seq == hold_seq) {
			e->kind = UI_UNDO_ROW;
			e->store_kind = store_kind;
			e->id = id;
		}
	}
}
