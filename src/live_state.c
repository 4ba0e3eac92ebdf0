/*
 * live_state.c - the small rules the decision module (live.c) is made of,
 * kept pure so tests can state them plainly: the screens' names, when the
 * review comes up by itself, which screen shows, what can still be undone,
 * the hug timer, and whether it is night.
 */
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "live.h"

const char *const ui_screen_names[UI_SCREEN_COUNT] = {
	"glance", "meal", "walk", "hug", "review", "settings", "corrections", "call",
	"call-whom", "keyboard", "family", "together", "year",
};

const char *const ui_setting_keys[UI_SET_COUNT] = {
	[UI_SET_MEAL_GOAL] = "meal.weekly_goal", [UI_SET_WALK_GOAL] = "walk.weekly_goal",
	[UI_SET_REVIEW_DAY] = "review.day", [UI_SET_REVIEW_TIME] = "review.time",
	[UI_SET_LANGUAGE] = "display.language",
};
const char *const ui_setting_languages[2] = {"en", "fr"};

bool
live_setting_step(const struct ft_config *cfg, enum ui_setting row, int dir, char *value,
		  size_t size)
{
	int v;
	char hhmm[CAL_HHMM_SIZE];
	switch (row) {
	case UI_SET_MEAL_GOAL:
		/* up to three meals a day; a week has 21 */
		v = cfg->meal_goal + dir;
		if (v < 1 || v > 21)
			return false;
		snprintf(value, size, "%d", v);
		return true;
	case UI_SET_WALK_GOAL:
		/* walks count by day: at most seven */
		v = cfg->walk_goal + dir;
		if (v < 1 || v > 7)
			return false;
		snprintf(value, size, "%d", v);
		return true;
	case UI_SET_REVIEW_DAY:
		snprintf(value, size, "%s", config_weekday_names[((cfg->review_weekday + dir) % 7 + 7) % 7]);
		return true;
	case UI_SET_REVIEW_TIME:
		/* half-hour steps, round the clock */
		v = ((cfg->review_minute / 30 * 30 + dir * 30) % 1440 + 1440) % 1440;
		cal_format_minute(v, hhmm);
		snprintf(value, size, "%s", hhmm);
		return true;
	case UI_SET_LANGUAGE:
		if (dir < 0 || dir >= (int)FT_ARRAY_LEN(ui_setting_languages))
			return false;
		snprintf(value, size, "%s", ui_setting_languages[dir]);
		return true;
	case UI_SET_COUNT:
		break;
	}
	return false;
}

bool
ui_screen_parse(const char *name, enum ui_screen *out)
{
	for (int i = 0; i < UI_SCREEN_COUNT; i++) {
		if (strcmp(name, ui_screen_names[i]) == 0) {
			*out = (enum ui_screen)i;
			return true;
		}
	}
	return false;
}

bool
live_review_due(const struct ft_config *cfg, ft_ms now, bool reviewed, int64_t dismissed_week)
{
	int64_t week = cal_week_of(now);
	if (reviewed || dismissed_week == week)
		return false;
	int64_t day = cal_week_monday(week) + cfg->review_weekday;
	/* From the review's day and time to the end of that week: a family
	 * that was out on Sunday morning still finds it in the evening. */
	return now >= cal_local_instant(day, cfg->review_minute);
}

void
live_meal_status(const struct ft_config *cfg, ft_ms now, struct ui_model *m)
{
	m->docked = 0;
	for (int slot = 1; slot <= cfg->nslots; slot++)
		m->docked += m->slot_in[slot - 1];
	if (!m->session_open) {
		m->meal_status = m->docked > 0 ? UI_MEAL_WAITING : UI_MEAL_NONE;
		return;
	}
	struct session s = { .start = m->session_start, .end = now };
	if (s.end < s.start + cfg->meal_min)
		s.end = s.start + cfg->meal_min;
	session_classify(&s, cfg);
	if (s.cls == SESSION_MEAL) {
		m->meal_status = now - s.start >= cfg->meal_min ? UI_MEAL_COUNTS : UI_MEAL_WILL_COUNT;
		snprintf(m->meal_kind, sizeof(m->meal_kind), "%s", s.kind);
	} else if (s.cls == SESSION_LEFT_DOCKED) {
		m->meal_status = UI_MEAL_CHARGING;
	} else {
		m->meal_status = UI_MEAL_NOT_MEAL_TIME;
	}
}

int64_t
live_review_offered(const struct ft_config *cfg, ft_ms now, bool last_reviewed, int64_t first_week)
{
	int64_t week = cal_week_of(now);
	ft_ms due = cal_local_instant(cal_week_monday(week) + cfg->review_weekday, cfg->review_minute);
	/* Sunday evening's review is of the week then ending; until it comes,
	 * last week waits for its review (a family that missed Sunday evening
	 * finds it on Monday), unless it was reviewed or nothing was logged
	 * that far back. */
	if (now >= due || last_reviewed || week - 1 < first_week)
		return week;
	return week - 1;
}

int64_t
live_review_step(int64_t shown, int dir, int64_t first_week, ft_ms now)
{
	int64_t week = shown + (dir < 0 ? -1 : dir > 0 ? 1 : 0), last = cal_week_of(now);
	if (week > last)
		week = last;
	if (week < first_week)
		week = first_week < last ? first_week : last;
	return week;
}

enum ui_screen
live_pick_screen(const struct live_pick *p)
{
	if (p->hug_running)
		return UI_HUG;
	if (p->user_active)
		return p->current;
	/* the review waits for a meal in progress to end (SPEC §6) */
	if (p->session_open)
		return UI_MEAL;
	if (p->review_due)
		return UI_REVIEW;
	if (p->walk_open)
		return UI_WALK;
	return UI_GLANCE;
}

/* --- the hug timer ------------------------------------------------------ */

void
live_hug_init(struct live_hug *h, ft_ms duration)
{
	memset(h, 0, sizeof(*h));
	h->duration = duration > 0 ? duration : 20 * FT_SECOND;
	h->left = h->duration;
	h->state = UI_HUG_IDLE;
}

static void
live_hug_run(struct live_hug *h, bool by_hold, ft_ms mono)
{
	/* A new hug after one was logged (or from idle); else go on. */
	if (h->state == UI_HUG_DONE || h->state == UI_HUG_IDLE)
		h->left = h->duration;
	h->state = UI_HUG_RUNNING;
	h->end = mono + h->left;
	h->by_hold = by_hold;
}

static void
live_hug_pause(struct live_hug *h, ft_ms mono)
{
	if (h->state != UI_HUG_RUNNING)
		return;
	h->left = h->end - mono;
	if (h->left < 0)
		h->left = 0;
	h->state = UI_HUG_PAUSED;
}

void
live_hug_tap(struct live_hug *h, ft_ms mono)
{
	if (h->state == UI_HUG_RUNNING)
		live_hug_pause(h, mono);
	else
		live_hug_run(h, false, mono);
}

void
live_hug_hold(struct live_hug *h, int circle, bool down, ft_ms mono)
{
	if (circle < 0 || circle > 1)
		return;
	h->hold[circle] = down;
	if (h->hold[0] && h->hold[1] && h->state != UI_HUG_RUNNING)
		live_hug_run(h, true, mono);
	else if (!down && h->state == UI_HUG_RUNNING && h->by_hold)
		live_hug_pause(h, mono); /* it runs only while both hold */
	/* A run started by a tap goes on whatever the circles do. */
}

bool
live_hug_tick(struct live_hug *h, ft_ms mono)
{
	if (h->state != UI_HUG_RUNNING || mono < h->end)
		return false;
	h->state = UI_HUG_DONE;
	h->left = 0;
	return true;
}

ft_ms
live_hug_left(const struct live_hug *h, ft_ms mono)
{
	ft_ms left = h->state == UI_HUG_RUNNING ? h->end - mono : h->left;
	return left < 0 ? 0 : left;
}

void
live_hug_reset(struct live_hug *h)
{
	if (h->state != UI_HUG_RUNNING)
		h->state = UI_HUG_IDLE;
}

/* --- night ------------------------------------------------------------------ */

bool
live_night_at(const struct ft_config *cfg, ft_ms now)
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
live_undo_push(struct live_undo *u, const struct live_undo_entry *e)
{
	if (u->n == LIVE_UNDO_MAX) {
		memmove(&u->entries[0], &u->entries[1], sizeof(u->entries[0]) * (LIVE_UNDO_MAX - 1));
		u->n--;
	}
	u->entries[u->n++] = *e;
}

const struct live_undo_entry *
live_undo_latest(struct live_undo *u, ft_ms now_mono)
{
	/* Entries are in the order they were logged: drop the expired ones
	 * from the front, then the newest is at the back. */
	int expired = 0;
	while (expired < u->n && now_mono - u->entries[expired].mono >= LIVE_UNDO_WINDOW)
		expired++;
	if (expired) {
		memmove(&u->entries[0], &u->entries[expired],
			sizeof(u->entries[0]) * (size_t)(u->n - expired));
		u->n -= expired;
	}
	return u->n ? &u->entries[u->n - 1] : NULL;
}

void
live_undo_pop(struct live_undo *u)
{
	if (u->n)
		u->n--;
}

void
live_undo_held_logged(struct live_undo *u, unsigned hold_seq, int store_kind, int64_t id)
{
	for (int i = 0; i < u->n; i++) {
		struct live_undo_entry *e = &u->entries[i];
		if (e->kind == LIVE_UNDO_HELD && e->hold_seq == hold_seq) {
			e->kind = LIVE_UNDO_ROW;
			e->store_kind = store_kind;
			e->id = id;
		}
	}
}
