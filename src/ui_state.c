/*
 * ui_state.c - the display's small decisions, kept pure so tests can state
 * them plainly: when the review comes up by itself, which screen shows, what
 * can still be undone, the hug timer, and whether it is night.
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

/* --- the hug timer ------------------------------------------------------ */

void
ui_hug_init(struct ui_hug *h, ft_ms duration)
{
	memset(h, 0, sizeof(*h));
	h->duration = duration > 0 ? duration : 20 * FT_SECOND;
	h->left = h->duration;
	h->state = UI_HUG_IDLE;
}

static void
ui_hug_run(struct ui_hug *h, bool by_hold, ft_ms mono)
{
	/* A new hug after one was logged (or from idle); else go on. */
	if (h->state == UI_HUG_DONE || h->state == UI_HUG_IDLE)
		h->left = h->duration;
	h->state = UI_HUG_RUNNING;
	h->end = mono + h->left;
	h->by_hold = by_hold;
}

static void
ui_hug_pause(struct ui_hug *h, ft_ms mono)
{
	if (h->state != UI_HUG_RUNNING)
		return;
	h->left = h->end - mono;
	if (h->left < 0)
		h->left = 0;
	h->state = UI_HUG_PAUSED;
}

void
ui_hug_tap(struct ui_hug *h, ft_ms mono)
{
	if (h->state == UI_HUG_RUNNING)
		ui_hug_pause(h, mono);
	else
		ui_hug_run(h, false, mono);
}

void
ui_hug_hold(struct ui_hug *h, int circle, bool down, ft_ms mono)
{
	if (circle < 0 || circle > 1)
		return;
	h->hold[circle] = down;
	if (h->hold[0] && h->hold[1] && h->state != UI_HUG_RUNNING)
		ui_hug_run(h, true, mono);
	else if (!down && h->state == UI_HUG_RUNNING && h->by_hold)
		ui_hug_pause(h, mono); /* it runs only while both hold */
	/* A run started by a tap goes on whatever the circles do. */
}

bool
ui_hug_tick(struct ui_hug *h, ft_ms mono)
{
	if (h->state != UI_HUG_RUNNING || mono < h->end)
		return false;
	h->state = UI_HUG_DONE;
	h->left = 0;
	return true;
}

ft_ms
ui_hug_left(const struct ui_hug *h, ft_ms mono)
{
	ft_ms left = h->state == UI_HUG_RUNNING ? h->end - mono : h->left;
	return left < 0 ? 0 : left;
}

void
ui_hug_reset(struct ui_hug *h)
{
	if (h->state != UI_HUG_RUNNING)
		h->state = UI_HUG_IDLE;
}

/* --- night ------------------------------------------------------------------ */

bool
ui_night_at(const struct ft_config *cfg, ft_ms now)
{
	if (!cfg->night_set || cfg->night_start == cfg->night_end)
		return false;
	int minute = cal_local_minute(now) % 1440;
	if (cfg->night_start < cfg->night_end)
		return minute >= cfg->night_start && minute < cfg->night_end;
	return minute >= cfg->night_start || minute < cfg->night_end; /* wraps midnight */
}

/* --- undo ------------------------------------------------------------------- */

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
