/*
 * live_state.c - the small rules the decision module (live.c) is made of,
 * kept pure so tests can state them plainly: the screens' names, when the
 * review comes up by itself, which screen shows, what can still be undone,
 * the hug timer, whether it is night, and what the first-boot walk-through
 * proposes.
 */
#include <libintl.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "live.h"
#include "zones.h"

#define _(s) gettext(s)

const char *const ui_screen_names[UI_SCREEN_COUNT] = {
	"glance", "meal", "walk", "hug", "review", "settings", "corrections", "call",
	"call-whom", "keyboard", "family", "together", "year", "firstboot-language",
	"firstboot-region", "firstboot-city", "firstboot-family", "firstboot-goals",
	"firstboot-rituals", "rituals", "ritual", "meal-windows", "meal-window", "screen-clock",
	"zone-region", "zone-city", "add-walk",
};

const char *const ui_setting_keys[UI_SET_COUNT] = {
	[UI_SET_MEAL_GOAL] = "meal.weekly_goal", [UI_SET_WALK_GOAL] = "walk.weekly_goal",
	[UI_SET_REVIEW_DAY] = "review.day", [UI_SET_REVIEW_TIME] = "review.time",
	[UI_SET_LANGUAGE] = "display.language",
};
const char *const ui_setting_languages[2] = {"en", "fr"};
const char *const ui_window_names[UI_WINDOW_NAMES] = {
	"breakfast", "brunch", "lunch", "snack", "dinner", "supper",
};
/* N_(): marked for the catalogue, translated where they are shown */
#define N_(s) s
const char *const ui_ritual_labels[3][UI_RITUAL_LABELS] = {
	[FT_RITUAL_CALL] = { N_("Call a friend"), N_("Call the grandparents"), N_("Call the cousins") },
	[FT_RITUAL_MEAL] = { N_("Shared lunch"), N_("Family breakfast"), N_("Sunday dinner") },
	[FT_RITUAL_WALK] = { N_("Family walk"), N_("Walk after dinner"), N_("Bike ride") },
};

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
live_first_boot(const struct ft_config *cfg, int display_settings, bool logged)
{
	for (int i = 0; i < cfg->nslots; i++)
		if (cfg->names[i][0])
			return false;
	return display_settings == 0 && !logged;
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
	if (p->user_active || p->firstboot)
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
live_undo_label(const struct live_undo_entry *e, char *out, size_t size)
{
	char hhmm[16], what[64];
	cal_format_hhmm(e->at, hhmm);
	switch (e->what) {
	case LIVE_UNDO_MEAL:
		snprintf(what, sizeof(what), _("meal %s"), hhmm);
		break;
	case LIVE_UNDO_AWAY_WEEK:
		snprintf(what, sizeof(what), "%s", _("away week"));
		break;
	case LIVE_UNDO_HUG:
	case LIVE_UNDO_CALL:
	case LIVE_UNDO_WALK:
	default: {
		const char *word = e->what == LIVE_UNDO_HUG    ? _("hug")
				   : e->what == LIVE_UNDO_CALL ? _("call")
							       : _("walk");
		/* TRANSLATORS: what the Undo button takes back, and when: "hug 19:05"
		 * (French: "le câlin de 19:05") */
		snprintf(what, sizeof(what), _("%1$s %2$s"), word, hhmm);
		break;
	}
	}
	snprintf(out, size, _("Undo %s"), what);
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

/* --- the walk-through's proposals (live_firstboot.c) ---------------------- */

/* What the walk-through suggests when the family has no ritual yet (SPEC
 * §3's three kinds): a Sunday dinner, a Saturday walk, a weekly call. */
static void
suggest_rituals(const struct ft_config *cfg, struct ft_ritual out[UI_FIRSTBOOT_RITUALS_N])
{
	/* the dinner at 19:00, or within whatever window the family eats
	 * last in, so that the ritual can be kept (a meal ritual is kept by a
	 * meal whose window contains its time) */
	int dinner = 19 * 60;
	bool inside = false;
	for (int i = 0; i < cfg->nwindows; i++)
		inside |= config_window_contains(&cfg->windows[i], 0, 0, dinner);
	if (!inside && cfg->nwindows > 0)
		dinner = cfg->windows[cfg->nwindows - 1].start;
	out[0] = (struct ft_ritual){ .weekday = 6, .minute = dinner, .kind = FT_RITUAL_MEAL };
	out[1] = (struct ft_ritual){ .weekday = 5, .minute = 10 * 60, .kind = FT_RITUAL_WALK };
	out[2] = (struct ft_ritual){ .weekday = 0, .minute = 18 * 60, .kind = FT_RITUAL_CALL };
	snprintf(out[0].label, sizeof(out[0].label), "%s", _("Sunday dinner"));
	snprintf(out[1].label, sizeof(out[1].label), "%s", _("Saturday walk"));
	snprintf(out[2].label, sizeof(out[2].label), "%s", _("Call a friend"));
}

int
live_firstboot_rituals(const struct ft_config *cfg, struct ui_firstboot *u)
{
	struct ft_ritual suggested[UI_FIRSTBOOT_RITUALS_N];
	suggest_rituals(cfg, suggested);
	u->nrituals = 0;
	for (int i = 0; i < cfg->nrituals && u->nrituals < UI_FIRSTBOOT_RITUALS_N; i++) {
		u->rituals[u->nrituals] = cfg->rituals[i];
		u->ritual_on[u->nrituals++] = true;
	}
	int own = u->nrituals;
	for (int s = 0; s < UI_FIRSTBOOT_RITUALS_N && u->nrituals < UI_FIRSTBOOT_RITUALS_N; s++) {
		bool have = false;
		for (int i = 0; i < u->nrituals; i++)
			have |= u->rituals[i].kind == suggested[s].kind;
		if (have)
			continue;
		u->rituals[u->nrituals] = suggested[s];
		u->ritual_on[u->nrituals++] = cfg->nrituals == 0;
	}
	return own;
}

int
live_firstboot_step_number(enum ui_screen s)
{
	switch (s) {
	case UI_FIRSTBOOT_LANGUAGE: return 1;
	case UI_FIRSTBOOT_REGION:
	case UI_FIRSTBOOT_CITY: return 2;
	case UI_FIRSTBOOT_FAMILY: return 3;
	case UI_FIRSTBOOT_GOALS: return 4;
	case UI_FIRSTBOOT_RITUALS: return 5;
	default: return 0;
	}
}

int
live_firstboot_zones_count(const struct zones *z, int region, int *first)
{
	*first = 0;
	if (region < 0)
		return z->nregions;
	return zones_in_region(z, z->regions[region], first);
}

int
live_firstboot_zone_page(const struct zones *z, int region, const char *zone)
{
	int first, n = live_firstboot_zones_count(z, region, &first);
	for (int i = 0; i < n; i++)
		if (strcmp(z->names[first + i], zone) == 0)
			return i / UI_FIRSTBOOT_ZONES_PAGE * UI_FIRSTBOOT_ZONES_PAGE;
	return 0;
}

void
live_firstboot_zones_page(const struct zones *z, int region, int page_first,
			  struct ui_firstboot *u)
{
	int first, n = live_firstboot_zones_count(z, region, &first);
	const char *zone = u->zone ? u->zone : "";
	u->region = region >= 0 ? z->regions[region] : NULL;
	u->nzones = 0;
	u->zone_on = -1;
	for (int i = page_first; i < n && u->nzones < UI_FIRSTBOOT_ZONES_PAGE; i++) {
		/* the zone in effect, or its region, shows which one it is */
		const char *name = region < 0 ? z->regions[i] : z->names[first + i];
		size_t len = strlen(name);
		if (strncmp(zone, name, len) == 0 && zone[len] == (region < 0 ? '/' : '\0'))
			u->zone_on = u->nzones;
		u->zones[u->nzones++] = name;
	}
	u->zones_before = page_first > 0;
	u->zones_after = page_first + UI_FIRSTBOOT_ZONES_PAGE < n;
}

void
live_fault_cause(const char *msg, const char *path, char *out, size_t size)
{
	size_t n = strlen(path);
	if (n && strncmp(msg, path, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	size_t len = strcspn(msg, "(");
	while (len > 0 && msg[len - 1] == ' ')
		len--;
	if (len == 0)
		len = strlen(msg); /* nothing before a parenthesis: keep it all */
	snprintf(out, size, "%.*s", (int)len, msg);
}
