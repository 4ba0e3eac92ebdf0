/*
 * live_model.c - what the screens show (live_model): filled from the
 * engine, the report and the module's state, deciding nothing. Part of the
 * live decision module (live_internal.h maps its files).
 */
#include <stdio.h>
#include <string.h>

#include "live_internal.h"

/* --- the model ---------------------------------------------------------------- */

unsigned
live_generation(const struct live *l)
{
	return l->gen;
}

enum ui_screen
live_screen(const struct live *l)
{
	return l->screen;
}

/* What is waiting to be saved, for the family: "a dinner, a hug". */
static void
pending_text(const struct engine *e, char *out, size_t size)
{
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; i < e->npending && len + 40 < size; i++) {
		const struct engine_item *it = &e->pending[i];
		const char *what = it->kind == STORE_WALK ? _("a walk")
				 : it->kind == STORE_HUG ? _("a hug")
				 : it->kind == STORE_TAP ? _("a call")
				 : it->s.cls == SESSION_MEAL ? _("a meal")
				 : _("phones-down time");
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? ", " : "", what);
	}
}

static void
banners(struct live *l, struct ui_model *m)
{
	m->nbanners = 0;
	for (int src = 0; src < FAULT_COUNT; src++) {
		const char *msg = fault_get((enum fault_source)src);
		if (!msg)
			continue;
		char *out = l->banner_text[m->nbanners];
		size_t size = sizeof(l->banner_text[0]);
		switch ((enum fault_source)src) {
		case FAULT_DOCK:
			snprintf(out, size, _("The phone dock is not answering (%s). Retrying."), msg);
			break;
		case FAULT_STORE:
			if (l->engine_open && l->engine.npending > 0) {
				char what[160];
				pending_text(&l->engine, what, sizeof(what));
				snprintf(out, size, _("Not saved yet: %s (%s). Kept, and saved as soon as it can be."),
					 what, msg);
			} else {
				snprintf(out, size, _("Not saving right now (%s). Retrying."), msg);
			}
			break;
		case FAULT_CLOCK:
			snprintf(out, size, "%s",
				 _("Waiting for the right time: what happens now is logged once the clock is set."));
			break;
		case FAULT_SETUP:
			snprintf(out, size, _("No dock set up yet: meals are not logged (%s)."), msg);
			break;
		default:
			snprintf(out, size, "%s", msg);
			break;
		}
		m->banners[m->nbanners++] = out;
	}
}

/* The meal screen: who is in, and what the session would be if it ended
 * at the earliest instant it can count, max(now, start + min_duration):
 * SPEC §2.7's classification, so "counts" is never said of phones down
 * outside the windows or left charging. */
static void
meal_model(struct live *l, ft_ms now, ft_ms mono, struct ui_model *m)
{
	const struct ft_config *cfg = l->cfg;
	const struct session_detector *det = &l->engine.det;
	ft_ms start = 0;
	m->session_open = engine_session_open(&l->engine, &start);
	m->session_start = start;
	for (int slot = 1; slot <= cfg->nslots; slot++) {
		m->slot_in[slot - 1] = engine_slot_level(&l->engine, slot) > 0;
		m->docked += m->slot_in[slot - 1];
	}
	if (m->session_open) {
		struct session s = { .start = start, .end = now };
		if (s.end < start + cfg->meal_min)
			s.end = start + cfg->meal_min;
		session_classify(&s, cfg);
		if (s.cls == SESSION_MEAL) {
			m->meal_status = now - start >= cfg->meal_min ? UI_MEAL_COUNTS : UI_MEAL_WILL_COUNT;
			snprintf(m->meal_kind, sizeof(m->meal_kind), "%s", s.kind);
		} else if (s.cls == SESSION_LEFT_DOCKED) {
			m->meal_status = UI_MEAL_CHARGING;
		} else {
			m->meal_status = UI_MEAL_NOT_MEAL_TIME;
		}
		if (det->dipping) {
			m->dipping = true;
			m->dip_left = det->dip_start + cfg->grace - now;
			if (m->dip_left < 0)
				m->dip_left = 0;
		}
	} else if (mono < l->summary_until) {
		m->meal_status = UI_MEAL_ENDED;
		m->ended = l->ended;
	} else if (m->docked > 0) {
		m->meal_status = UI_MEAL_WAITING;
	}
}

void
live_model(struct live *l, ft_ms mono, struct ui_model *m)
{
	ft_ms now = live_now(l, mono);
	memset(m, 0, sizeof(*m));
	m->cfg = l->cfg;
	m->report = l->have_report ? &l->report : NULL;
	m->now = now;
	m->night = l->night;
	live_keyboard_model(l, m);
	if (l->engine_open)
		meal_model(l, now, mono, m);
	ft_ms walk = live_walk_start(l);
	m->walk_open = walk >= 0;
	m->walk_start = walk;
	m->walk_done_length = l->walk_done_length;
	m->hug_state = l->hug.state;
	m->hug_left = live_hug_left(&l->hug, mono);
	m->hug_hold[0] = l->hug.hold[0];
	m->hug_hold[1] = l->hug.hold[1];
	m->reviewed = l->reviewed;
	m->next_away = l->next_away;
	m->rituals_confirmed = l->rituals_confirmed;
	banners(l, m);
	const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
	if (u) {
		snprintf(l->undo_button, sizeof(l->undo_button), _("Undo %s"), u->label);
		m->undo_label = l->undo_button;
	}
	m->confirm = l->confirm;
	m->confirm_text = l->confirm_text;
	m->call_from = l->call_from;
	m->call_nnames = l->call_nnames;
	for (int i = 0; i < l->call_nnames; i++)
		m->call_names[i] = l->call_names[i];
	m->fixes = l->fixes;
	m->nfixes = l->nfixes;
	m->fix_first = l->fix_first;
	m->week_away = l->week_away;
	m->fix_walk_start = l->fix_walk_start;
	m->fix_walk_length = l->fix_walk_length;
	m->fix_undo_label = l->fix_last > 0 ? l->fix_undo : NULL;
}
