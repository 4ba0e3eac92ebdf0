/*
 * screenshot.c - `familytable screenshot`: one screen rendered headless to
 * a BMP, from the database alone, as the display would show it at --at.
 *
 * It writes nothing: the model is filled from the store's report, the
 * week's review marks, and what was going on at that instant (a session or
 * a walk that had started and not ended then is shown in progress).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "calendar.h"
#include "correct.h"
#include "family.h"
#include "live.h"
#include "report.h"
#include "review.h"
#include "store.h"
#include "ui.h"
#include "ui_image.h"
#include "ui_layout_json.h"
#include "zones.h"

/* What was going on at AT, as far as the database tells. */
static void
shot_live_state(struct store *st, const struct ft_config *cfg, ft_ms at, struct ui_model *m)
{
	struct ft_error err;
	int64_t day = cal_day_of(at);
	struct store_session *rows = NULL;
	size_t n = 0;
	if (store_sessions(st, day - 1, day, FT_MS_NEVER - 1, &rows, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			const struct session *s = &rows[i].s;
			if (s->start <= at && at < s->end) {
				m->session_open = true;
				m->session_start = s->start;
				for (int slot = 1; slot <= cfg->nslots; slot++)
					m->slot_in[slot - 1] = s->members & (1u << (slot - 1));
			}
		}
		store_free_sessions(rows);
	}
	struct session_detector det;
	ft_ms last_seen;
	bool found = false;
	session_init(&det, cfg, NULL, at);
	if (!m->session_open && store_load_open(st, &det, &last_seen, &found, &err) && found &&
	    det.open && det.start <= at) {
		m->session_open = true;
		m->session_start = det.start;
		for (int slot = 1; slot <= cfg->nslots && slot <= det.nslots; slot++)
			m->slot_in[slot - 1] = det.level[slot - 1] > 0;
	}
	struct store_walk *walks = NULL;
	if (store_walks(st, day - 1, day, FT_MS_NEVER - 1, &walks, &n, &err)) {
		for (size_t i = 0; i < n; i++) {
			if (walks[i].start <= at && at < walks[i].end) {
				m->walk_open = true;
				m->walk_start = walks[i].start;
			}
		}
		free(walks);
	}
	ft_ms open_walk = -1;
	if (!m->walk_open && store_get_walk_open(st, &open_walk, &err) && open_walk >= 0 &&
	    open_walk <= at) {
		m->walk_open = true;
		m->walk_start = open_walk;
	}
	/* the meal screen as the display shows it then: the phones docked
	 * (from the session in the store) and what the session counts as */
	live_meal_status(cfg, at, m);
}

/* The model at AT from the store; false with ERR when the report fails.
 * The review shows the week up for review then (last week, on a Monday
 * before it was reviewed): its report goes into *RV (RV->meals NULL when
 * it is this week's, R). */
static bool
shot_model(struct store *st, const struct ft_config *cfg, ft_ms at, struct report *r,
	   struct report *rv, struct ui_model *m, struct ft_error *err)
{
	memset(rv, 0, sizeof(*rv));
	if (!report_build(st, cfg, at, r, err))
		return false;
	memset(m, 0, sizeof(*m));
	m->cfg = cfg;
	m->report = r;
	m->now = at;
	m->night = live_night_at(cfg, at);
	m->walk_done_length = -1;
	m->hug_state = UI_HUG_IDLE;
	m->hug_left = cfg->hug;
	int64_t offered = r->week;
	struct review_marks mk = {0};
	struct ft_error ignored;
	if (!review_offered_load(st, cfg, at, r->first_week, &offered, &ignored))
		offered = r->week;
	bool other = offered != r->week && review_report_build(st, cfg, offered, at, rv, &ignored);
	if (!review_marks_load(st, other ? offered : r->week, &mk, &ignored))
		mk = (struct review_marks){0};
	review_model(m, other ? rv : NULL, offered, r->first_week, &mk);
	shot_live_state(st, cfg, at, m);
	return true;
}

/* The corrections screen's list, as the live display reads it (correct.h);
 * *fixes is malloc'd, NULL when there is nothing. */
static void
shot_fixes(struct store *st, const struct ft_config *cfg, ft_ms at, struct ui_model *m,
	   struct ui_fix_entry **fixes)
{
	struct store_entry *rows = NULL;
	size_t n = 0;
	struct ft_error ignored;
	*fixes = NULL;
	if (!store_get_mark(st, STORE_MARK_AWAY, cal_week_of(at), &m->week_away, &ignored))
		m->week_away = false;
	m->fix_walk_start = at - FT_HOUR - ft_floormod(at, 15 * FT_MINUTE);
	m->fix_walk_length = 30 * FT_MINUTE;
	if (!correct_entries(st, cfg, at, &rows, fixes, &n, &ignored))
		return;
	free(rows);
	m->fixes = *fixes;
	m->nfixes = (int)n;
}

/* The call screens: whom the family called before AT (NAMES holds them),
 * the first name of the dock chosen as the caller. */
static void
shot_call(struct store *st, ft_ms at, char names[UI_CALL_NAMES][FT_NAME_MAX], struct ui_model *m)
{
	struct ft_error ignored;
	int n = report_call_names(st, at, names, UI_CALL_NAMES, &ignored);
	for (int i = 0; i < n; i++)
		m->call_names[i] = names[i];
	m->call_nnames = n > 0 ? n : 0;
	m->call_from = 1;
}

/* The centre of the first key of KIND (and TEXT, when not NULL), tapped
 * or held as a finger would; false when there is none. */
static bool
shot_key(struct kbd *k, enum kbd_kind kind, const char *text, bool hold)
{
	for (int i = 0; i < k->nkeys; i++) {
		const struct kbd_key *key = &k->keys[i];
		if (key->kind != kind || (text && strcmp(key->text, text) != 0))
			continue;
		int x = key->r.x + key->r.w / 2, y = key->r.y + key->r.h / 2;
		kbd_down(k, x, y, 0);
		if (hold)
			kbd_tick(k, KBD_LONG_PRESS);
		else
			kbd_up(k, x, y, 1);
		return true;
	}
	return false;
}

/* The keyboard as `screenshot --keys` asks: KEYS' text typed, then its
 * commands, [hold X] (X's accents open), [signs], [shift], [done] (the
 * text checked as slot 1's name: *REFUSAL). K is laid out on KEYS_AREA
 * as the display lays it out. False with ERR on a bad KEYS. */
static bool
shot_keys(struct kbd *k, const struct ft_config *cfg, const char *keys,
	  const struct ui_rect *area, int *refusal, struct ft_error *err)
{
	size_t len = strcspn(keys, "[");
	char text[KBD_MAX_TEXT];
	if (len >= sizeof(text) || len > FT_NAME_MAX - 1 || ft_utf8_invalid(keys, len) != len)
		return ft_fail(err, "--keys: the text must be UTF-8 of at most %d bytes", FT_NAME_MAX - 1);
	snprintf(text, sizeof(text), "%.*s", (int)len, keys);
	kbd_init(k, ui_i18n_language(), KBD_NAME, FT_NAME_MAX - 1, text);
	kbd_layout(k, area->x, area->y, area->w, area->h);
	for (const char *p = keys + len; *p;) {
		const char *end = strchr(p, ']');
		if (*p != '[' || !end)
			return ft_fail(err, "--keys: \"%s\": expected [hold X], [signs], [shift] or [done]", p);
		char cmd[32];
		snprintf(cmd, sizeof(cmd), "%.*s", (int)(end - p - 1), p + 1);
		if (strncmp(cmd, "hold ", 5) == 0) {
			if (!shot_key(k, KBD_CHAR, cmd + 5, true) || !k->popup)
				return ft_fail(err, "--keys: no key \"%s\" with accents on this page", cmd + 5);
		} else if (strcmp(cmd, "signs") == 0) {
			shot_key(k, KBD_PAGE, NULL, false);
		} else if (strcmp(cmd, "shift") == 0) {
			shot_key(k, KBD_SHIFT, NULL, false);
		} else if (strcmp(cmd, "done") == 0) {
			*refusal = (int)family_check_slot_name(cfg, 1, k->text);
		} else {
			return ft_fail(err, "--keys: unknown [%s] (hold X, signs, shift or done)", cmd);
		}
		p = end + 1;
		p += strspn(p, " ");
	}
	return true;
}

/* The walk-through's step SCREEN as it first shows (live_firstboot.c): the
 * goals and rituals proposed from the settings, the regions, or the cities
 * of the zone in effect's region (Europe without one) at its page. Z: the
 * zones the model points into (NULL: none read). */
static void
shot_firstboot(const struct ft_config *cfg, enum ui_screen screen, const struct zones *z,
	       struct ui_model *m)
{
	struct ui_firstboot *u = &m->firstboot;
	u->on = true;
	u->step = live_firstboot_step_number(screen);
	u->zone = cfg->timezone;
	u->meal_goal = cfg->meal_goal;
	u->walk_goal = cfg->walk_goal;
	live_firstboot_rituals(cfg, u);
	if (!z)
		return;
	int region = -1;
	if (screen == UI_FIRSTBOOT_CITY) {
		size_t len = strcspn(cfg->timezone, "/");
		for (int i = 0; i < z->nregions; i++)
			if ((cfg->timezone[len] == '/' && strlen(z->regions[i]) == len &&
			     strncmp(z->regions[i], cfg->timezone, len) == 0) ||
			    (region < 0 && strcmp(z->regions[i], "Europe") == 0))
				region = i;
	}
	int first = region < 0 ? 0 : live_firstboot_zone_page(z, region, cfg->timezone);
	live_firstboot_zones_page(z, region, first, u);
}

/* The settings beyond the first screen, as the display shows them when
 * the family opens them: the first ritual and the last meal window being
 * changed, the zone picker on the configured zone's region (else Europe).
 * Z: the zones (NULL: none read); *list is malloc'd (the caller frees it). */
static void
shot_setup(const struct ft_config *cfg, enum ui_screen screen, ft_ms at, struct ui_model *m,
	   const struct zones *z, const char ***list)
{
	struct ui_setup *s = &m->setup;
	s->ritual_index = cfg->nrituals > 0 ? 0 : cfg->nrituals;
	if (cfg->nrituals > 0)
		s->ritual = cfg->rituals[0];
	else
		s->ritual = (struct ft_ritual){ cal_weekday(cal_day_of(at)), 18 * 60, FT_RITUAL_CALL, "" };
	s->window_index = cfg->nwindows - 1;
	s->window = cfg->windows[cfg->nwindows - 1];
	if (screen != UI_ZONE_REGION && screen != UI_ZONE_CITY)
		return;
	*list = calloc(ZONES_MAX, sizeof(**list));
	if (!z || !*list)
		return;
	if (screen == UI_ZONE_REGION) {
		s->nzones = z->nregions;
		for (int i = 0; i < s->nzones; i++)
			(*list)[i] = z->regions[i];
	} else {
		/* the zone in effect's region, else Europe */
		size_t len = strcspn(cfg->timezone, "/");
		s->zone_region = "Europe";
		for (int i = 0; i < z->nregions; i++)
			if (cfg->timezone[len] == '/' && strlen(z->regions[i]) == len &&
			    strncmp(z->regions[i], cfg->timezone, len) == 0)
				s->zone_region = z->regions[i];
		s->nzones = zones_of_region(z, s->zone_region, *list, ZONES_MAX);
		/* the list opens at the zone in effect */
		for (int i = 0; i < s->nzones; i++)
			if (strcmp((*list)[i], cfg->timezone) == 0)
				s->first = i;
	}
	s->zones = *list;
}

int
app_screenshot(const struct ft_config *cfg, const struct screenshot_options *opts)
{
	struct ft_error err;
	enum ui_screen screen;
	int code = FT_EXIT_FAILURE;
	if (!ui_screen_parse(opts->screen, &screen)) {
		/* the list comes from ui_screen_names: tests/e2e/layout.sh reads it */
		fprintf(stderr, "familytable: screenshot: unknown screen \"%s\" (", opts->screen);
		for (int i = 0; i < UI_SCREEN_COUNT; i++)
			fprintf(stderr, "%s%s", i ? ", " : "", ui_screen_names[i]);
		fputs(")\n", stderr);
		return FT_EXIT_USAGE;
	}
	if (opts->keys && screen != UI_KEYBOARD) {
		fprintf(stderr, "familytable: screenshot: --keys is for --screen keyboard\n");
		return FT_EXIT_USAGE;
	}
	if (opts->width < 100 || opts->height < 100 || opts->width > 8192 || opts->height > 8192) {
		fprintf(stderr, "familytable: screenshot: bad size %dx%d\n", opts->width, opts->height);
		return FT_EXIT_USAGE;
	}
	if (access(opts->db_path, F_OK) != 0) {
		fprintf(stderr, "familytable: %s: no database there\n", opts->db_path);
		return FT_EXIT_FAILURE;
	}
	ui_i18n_init(cfg->language);
	/* No window: the software renderer draws into a surface. */
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	struct store *st = store_open(opts->db_path, &err);
	if (!st) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		return FT_EXIT_FAILURE;
	}
	struct ui_fonts *fonts = ui_fonts_open(&err);
	if (!fonts) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		goto out_store;
	}
	ft_ms at = opts->have_at ? opts->at : clock_wall_ms();
	struct report r, rv;
	struct ui_model m;
	if (!shot_model(st, cfg, at, &r, &rv, &m, &err)) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		goto out_fonts;
	}
	struct ui_fix_entry *fixes = NULL;
	if (screen == UI_FIXES || screen == UI_ADD_WALK)
		shot_fixes(st, cfg, at, &m, &fixes);
	char call_names[UI_CALL_NAMES][FT_NAME_MAX];
	if (screen == UI_CALL_WHO || screen == UI_CALL_WHOM || screen == UI_KEYBOARD)
		shot_call(st, at, call_names, &m);
	/* the time zones, for the pickers only (the first boot's, the settings') */
	struct zones *zones = NULL;
	if (screen == UI_FIRSTBOOT_REGION || screen == UI_FIRSTBOOT_CITY ||
	    screen == UI_ZONE_REGION || screen == UI_ZONE_CITY) {
		struct ft_error ignored;
		zones = calloc(1, sizeof(*zones));
		if (zones && !zones_load(zones, NULL, &ignored)) {
			free(zones);
			zones = NULL;
		}
	}
	if (live_firstboot_step_number(screen))
		shot_firstboot(cfg, screen, zones, &m);
	/* the frame is large (every item's text): on the heap, when asked for
	 * (the keyboard's: where its keys go) */
	bool need_frame = opts->layout || screen == UI_KEYBOARD;
	struct ui_frame *frame = need_frame ? calloc(1, sizeof(*frame)) : NULL;
	struct kbd kbd;
	SDL_Surface *s = NULL;
	if (screen == UI_KEYBOARD && frame) {
		/* drawn once to know where the keys go, then typed on there */
		m.kbd_for = UI_KBD_SLOT_NAME;
		m.kbd_slot = 1;
		kbd_init(&kbd, ui_i18n_language(), KBD_NAME, FT_NAME_MAX - 1, "");
		m.kbd = &kbd;
		s = ui_render_surface(fonts, &m, screen, opts->width, opts->height, frame);
		if (s)
			SDL_FreeSurface(s);
		s = NULL;
		if (!shot_keys(&kbd, cfg, opts->keys ? opts->keys : "", &frame->keys, &m.kbd_refusal,
			       &err)) {
			fprintf(stderr, "familytable: screenshot: %s\n", err.msg);
			code = FT_EXIT_USAGE;
			free(frame);
			free(fixes);
			report_free(&r);
			goto out_fonts;
		}
	}
	const char **zone_list = NULL;
	shot_setup(cfg, screen, at, &m, zones, &zone_list);
	if (!need_frame || frame)
		s = ui_render_surface(fonts, &m, screen, opts->width, opts->height, frame);
	if (!s) {
		fprintf(stderr, "familytable: screenshot: %s\n",
			need_frame && !frame ? "out of memory" : SDL_GetError());
	} else if (!ui_image_save(s, opts->out, &err) ||
		   (opts->layout && !ui_layout_save_json(frame, opts->layout, &err))) {
		fprintf(stderr, "familytable: %s\n", err.msg);
	} else {
		code = FT_EXIT_OK;
	}
	free(frame);
	free(fixes);
	free(zones);
	free(zone_list);
	if (s)
		SDL_FreeSurface(s);
	report_free(&r);
	report_free(&rv);
out_fonts:
	ui_fonts_close(fonts);
out_store:
	store_close(st);
	SDL_Quit();
	return code;
}
