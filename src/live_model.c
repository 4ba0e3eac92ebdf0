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
		case FAULT_STORE: {
			char what[160], cause[160];
			live_fault_cause(msg, l->db_path, cause, sizeof(cause));
			if (l->engine_open && l->engine.npending > 0) {
				pending_text(&l->engine, what, sizeof(what));
				snprintf(out, size, _("Not saved yet: %s (%s). Kept, and saved as soon as it can be."),
					 what, cause);
			} else {
				snprintf(out, size, _("Not saving right now (%s). Retrying."), cause);
			}
			break;
		}
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

/* The meal screen: who is in, and what the session counts as
 * (live_meal_status, the rule `screenshot` shows too); a dip in it, or
 * how the one just ended ended. */
static void
meal_model(struct live *l, ft_ms now, ft_ms mono, struct ui_model *m)
{
	const struct ft_config *cfg = l->cfg;
	const struct session_detector *det = &l->engine.det;
	ft_ms start = 0;
	m->session_open = engine_session_open(&l->engine, &start);
	m->session_start = start;
	for (int slot = 1; slot <= cfg->nslots; slot++)
		m->slot_in[slot - 1] = engine_slot_level(&l->engine, slot) > 0;
	if (m->session_open && det->dipping) {
		m->dipping = true;
		m->dip_start = det->dip_start;
		m->dip_left = det->dip_start + cfg->grace - now;
		if (m->dip_left < 0)
			m->dip_left = 0;
	}
	/* In a dip the session, if the phones stay out, ended when they came
	 * out: the screen promises and counts no more than that (a dinner of
	 * 10 min does not read "it counts" nor 12 min two minutes later). */
	live_meal_status(cfg, m->dipping ? m->dip_start : now, m);
	if (!m->session_open && mono < l->summary_until) {
		m->meal_status = UI_MEAL_ENDED;
		m->ended = l->ended;
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
	live_review_model(l, m);
	banners(l, m);
	const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
	if (u) {
		live_undo_label(u, l->undo_button, sizeof(l->undo_button));
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
	m->fix_undo_label = live_fix_undo_label(l);
	live_firstboot_model(l, m);
	live_setup_model(l, m);
}
