/*
 * live_actions.c - what a tap does (live_action): go to a screen, start
 * and stop a walk, log a hug or a call, mark the review, undo, and the
 * "Yes" to each question. Part of the live decision module
 * (live_internal.h maps its files).
 *
 * A tap's effect shows once its write succeeded (live_event): a failed
 * write leaves the screen as it was, with the store's banner.
 */
#include <stdio.h>

#include "calendar.h"
#include "live_internal.h"
#include "report.h"

/* --- actions ---------------------------------------------------------------- */

void
live_undo_remember(struct live *l, ft_ms mono, unsigned seq, int kind, int64_t id,
		   enum live_undo_what what, int from, const char *to)
{
	struct live_undo_entry e = { .mono = mono, .what = what, .at = live_now(l, mono),
				     .from = from };
	if (seq) {
		e.kind = LIVE_UNDO_HELD;
		e.hold_seq = seq;
	} else if (id > 0) {
		e.kind = LIVE_UNDO_ROW;
		e.store_kind = kind;
		e.id = id;
	} else {
		return; /* nothing was logged */
	}
	snprintf(e.to, sizeof(e.to), "%s", to ? to : "");
	live_undo_push(&l->undo, &e);
}

ft_ms
live_walk_start(const struct live *l)
{
	if (l->engine_open)
		return l->engine.walk_start;
	ft_ms start = -1;
	for (size_t i = 0; i < l->hold.n; i++) {
		const struct clocktrust_event *ev = &l->hold.events[i];
		if (ev->cancelled)
			continue;
		if (ev->kind == CLOCKTRUST_WALK_START)
			start = ev->mono + l->wall_offset;
		else if (ev->kind == CLOCKTRUST_WALK_STOP)
			start = -1;
	}
	return start;
}

void
live_log_hug(struct live *l, ft_ms mono)
{
	unsigned seq;
	int64_t id;
	int kind;
	live_event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_HUG, .mono = mono }, &seq, &id,
	      &kind);
	live_undo_remember(l, mono, seq, STORE_HUG, id, LIVE_UNDO_HUG, 0, NULL);
}

void
live_go(struct live *l, enum ui_screen s, ft_ms mono)
{
	if (l->screen == UI_HUG && s != UI_HUG)
		live_hug_reset(&l->hug);
	if (l->screen == UI_WALK && s != UI_WALK)
		l->walk_done_length = -1;
	l->screen = s;
	l->user_until = mono + LIVE_USER_IDLE;
	live_changed(l);
}

/* --- calls: who called, then whom ------------------------------------------ */

static void
live_call_begin(struct live *l, ft_ms mono)
{
	l->call_from = 0;
	l->call_nnames = 0;
	if (l->store) {
		struct ft_error err;
		/* until the clock is trusted, "now" may be 1970: every call
		 * stored was before it anyway */
		ft_ms at = l->trusted ? live_now(l, mono) : FT_MS_NEVER - 1;
		int n = report_call_names(l->store, at, l->call_names, UI_CALL_NAMES, &err);
		if (live_store_result(l, n >= 0, &err))
			l->call_nnames = n;
	}
	live_go(l, UI_CALL_WHO, mono);
}

/* Log a call: slot FROM called TO, or 0 and NULL when not said. A failed
 * write leaves the screen as it was (the store's banner says why). */
void
live_call_log(struct live *l, ft_ms mono, int from, const char *to)
{
	struct clocktrust_event ev = { .kind = CLOCKTRUST_CALL, .mono = mono, .a = from };
	snprintf(ev.text, sizeof(ev.text), "%s", from && to ? to : "");
	unsigned seq;
	int64_t id;
	int kind;
	int pending = l->engine_open ? l->engine.npending : 0;
	if (live_event(l, ev, &seq, &id, &kind) == LIVE_OUTCOME_FAILED) {
		/* Not written, but kept by the engine and written once it can
		 * be (the banner says so): the call is logged as far as the
		 * family can tell, and a second tap must not log it twice.
		 * Anything else failed leaves the screen as it was. */
		if (l->engine_open && l->engine.npending > pending) {
			l->call_from = 0;
			live_go(l, UI_GLANCE, mono);
		}
		return;
	}
	live_undo_remember(l, mono, seq, STORE_TAP, id, LIVE_UNDO_CALL, from, ev.text);
	l->call_from = 0;
	live_go(l, UI_GLANCE, mono);
}

/* What Undo asks before taking E back, in the language of the moment
 * (one may have been chosen since it was logged). */
static void
undo_question(const struct live *l, const struct live_undo_entry *e, char *out, size_t size)
{
	char hhmm[16], who[FT_NAME_MAX];
	cal_format_hhmm(e->at, hhmm);
	switch (e->what) {
	case LIVE_UNDO_MEAL:
		snprintf(out, size, _("Remove the meal that ended at %s? It will not count."), hhmm);
		break;
	case LIVE_UNDO_HUG:
		snprintf(out, size, _("Remove the hug logged at %s?"), hhmm);
		break;
	case LIVE_UNDO_WALK:
		snprintf(out, size, _("Remove the walk logged at %s?"), hhmm);
		break;
	case LIVE_UNDO_CALL:
		if (e->from)
			snprintf(out, size, _("Remove the call from %1$s to %2$s at %3$s?"),
				 config_slot_name(l->cfg, e->from, who), e->to, hhmm);
		else
			snprintf(out, size, _("Remove the call marked at %s?"), hhmm);
		break;
	case LIVE_UNDO_AWAY_WEEK:
		snprintf(out, size, "%s",
			 e->id == cal_week_of(e->at) ? _("Count this week again (not away)?")
						     : _("Count next week again (not away)?"));
		break;
	}
}

static void
confirm_yes(struct live *l, ft_ms mono)
{
	if (l->confirm == UI_CONFIRM_AWAY) {
		live_review_away_yes(l, mono);
		return;
	}
	if (l->confirm == UI_CONFIRM_REMOVE) {
		live_fix_remove_asked(l, mono);
		return;
	}
	if (l->confirm == UI_CONFIRM_RITUAL_REMOVE || l->confirm == UI_CONFIRM_WINDOW_REMOVE) {
		live_setup_confirmed(l, mono);
		return;
	}
	if (l->confirm == UI_CONFIRM_REMOVE_NAME) {
		live_family_remove_asked(l, mono);
		return;
	}
	/* "Was it a mistake?" "Yes": the walk just logged is undone */
	if (l->confirm != UI_CONFIRM_UNDO && l->confirm != UI_CONFIRM_WALK_MISTAKE)
		return;
	const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
	struct ft_error err;
	if (u && u->kind == LIVE_UNDO_HELD) {
		clocktrust_hold_cancel(&l->hold, u->hold_seq);
		live_undo_pop(&l->undo);
		if (l->confirm == UI_CONFIRM_WALK_MISTAKE)
			l->walk_done_length = -1;
	} else if (u && u->kind == LIVE_UNDO_AWAY && l->engine_open) {
		if (live_store_result(l, engine_mark(&l->engine, STORE_MARK_AWAY, u->id, false,
						live_now(l, mono), &err), &err)) {
			live_undo_pop(&l->undo);
		}
	} else if (u && l->engine_open) {
		if (live_store_result(l, engine_delete(&l->engine, (enum store_kind)u->store_kind, u->id,
						  &err), &err)) {
			if (u->store_kind == STORE_HUG && l->hug.state == UI_HUG_DONE)
				live_hug_reset(&l->hug);
			if (u->store_kind == STORE_WALK)
				l->walk_done_length = -1;
			live_undo_pop(&l->undo);
		}
	}
	l->report_stale = true;
}

void
live_action(struct live *l, enum ui_action action, int arg, ft_ms mono)
{
	unsigned seq;
	int64_t id;
	int kind;
	live_changed(l);
	l->user_until = mono + LIVE_USER_IDLE;
	switch (action) {
	case UI_ACT_NONE:
		break;
	case UI_ACT_GO_GLANCE:
		live_go(l, UI_GLANCE, mono);
		break;
	case UI_ACT_GO_WALK:
		live_go(l, UI_WALK, mono);
		break;
	case UI_ACT_GO_HUG:
		live_go(l, UI_HUG, mono);
		break;
	case UI_ACT_GO_REVIEW:
		if (l->screen != UI_TOGETHER && l->screen != UI_YEAR && l->review_week != INT64_MIN) {
			/* opened afresh: the week up for review */
			l->review_week = INT64_MIN;
			live_review_load(l, live_now(l, mono));
		}
		live_go(l, UI_REVIEW, mono);
		break;
	case UI_ACT_GO_TOGETHER:
		live_go(l, UI_TOGETHER, mono);
		break;
	case UI_ACT_GO_YEAR:
		live_go(l, UI_YEAR, mono);
		break;
	case UI_ACT_WALK_START:
		if (live_walk_start(l) >= 0)
			break;
		if (live_event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_START, .mono = mono },
			  &seq, &id, &kind) != LIVE_OUTCOME_FAILED)
			l->walk_done_length = -1;
		break;
	case UI_ACT_WALK_STOP: {
		ft_ms start = live_walk_start(l);
		if (start < 0)
			break;
		if (live_event(l, (struct clocktrust_event){ .kind = CLOCKTRUST_WALK_STOP, .mono = mono },
			  &seq, &id, &kind) == LIVE_OUTCOME_FAILED)
			break;
		l->walk_done_length = live_now(l, mono) - start;
		live_undo_remember(l, mono, seq, STORE_WALK, id, LIVE_UNDO_WALK, 0, NULL);
		if (l->walk_done_length < FT_MINUTE) {
			/* Back within a minute: most likely a slip of the finger. */
			l->confirm = UI_CONFIRM_WALK_MISTAKE;
			snprintf(l->confirm_text, sizeof(l->confirm_text), "%s",
				 _("That walk lasted less than a minute. Was it a mistake?"));
		}
		break;
	}
	case UI_ACT_HUG_TOGGLE:
		live_hug_tap(&l->hug, mono);
		break;
	case UI_ACT_HUG_HOLD:
		break; /* presses and releases: live_hold() */
	case UI_ACT_GO_CALL:
		live_call_begin(l, mono);
		break;
	case UI_ACT_CALL_FROM:
		if (arg < 1 || arg > l->cfg->nslots)
			break;
		l->call_from = arg;
		live_go(l, UI_CALL_WHOM, mono);
		break;
	case UI_ACT_CALL_TO:
		if (l->call_from > 0 && arg >= 0 && arg < l->call_nnames)
			live_call_log(l, mono, l->call_from, l->call_names[arg]);
		break;
	case UI_ACT_CALL_SKIP:
		live_call_log(l, mono, 0, NULL);
		break;
	case UI_ACT_REVIEW_DONE:
	case UI_ACT_REVIEW_AWAY:
	case UI_ACT_REVIEW_RITUALS:
	case UI_ACT_REVIEW_WEEK:
		live_review_action(l, action, arg, mono);
		break;
	case UI_ACT_REVIEW_CLOSE:
		l->dismissed_week = cal_week_of(live_now(l, mono));
		l->review_week = INT64_MIN; /* next time, the week up for review */
		live_review_load(l, live_now(l, mono));
		live_go(l, UI_GLANCE, mono);
		l->user_until = 0;
		break;
	case UI_ACT_UNDO: {
		const struct live_undo_entry *u = live_undo_latest(&l->undo, mono);
		if (!u)
			break;
		l->confirm = UI_CONFIRM_UNDO;
		undo_question(l, u, l->confirm_text, sizeof(l->confirm_text));
		break;
	}
	case UI_ACT_CONFIRM_NO:
		l->confirm = UI_CONFIRM_NONE;
		break;
	case UI_ACT_SETTINGS_HOLD:
		break; /* presses and releases: live_settings_hold() */
	case UI_ACT_SETTING_LESS:
	case UI_ACT_SETTING_MORE:
	case UI_ACT_SETTING_CHOOSE: {
		char value[64];
		int row = action == UI_ACT_SETTING_CHOOSE ? arg / 8 : arg;
		int dir = action == UI_ACT_SETTING_CHOOSE ? arg % 8 : action == UI_ACT_SETTING_MORE ? 1 : -1;
		if (row >= 0 && row < UI_SET_COUNT &&
		    live_setting_step(l->cfg, (enum ui_setting)row, dir, value, sizeof(value)))
			live_setting_set(l, (enum ui_setting)row, value, mono);
		break;
	}
	case UI_ACT_SETTING_RESET:
		if (arg >= 0 && arg < UI_SET_COUNT)
			live_setting_reset(l, (enum ui_setting)arg);
		break;
	case UI_ACT_GO_FIXES:
		live_go(l, UI_FIXES, mono);
		l->fix_first = 0;
		l->fix_walk_start = -1;
		live_fixes_load(l, mono);
		break;
	case UI_ACT_GO_ADD_WALK:
	case UI_ACT_FIX_AWAY:
	case UI_ACT_FIX_WALK_STEP:
	case UI_ACT_FIX_WALK_ADD:
	case UI_ACT_FIX_REMOVE:
	case UI_ACT_FIX_PAGE:
	case UI_ACT_FIX_UNDO:
		if (l->store)
			live_fix_action(l, action, arg, mono);
		break;
	case UI_ACT_CONFIRM_YES:
		confirm_yes(l, mono);
		l->confirm = UI_CONFIRM_NONE;
		break;
	case UI_ACT_CALL_NEW:
	case UI_ACT_KBD_CANCEL:
	case UI_ACT_GO_SETTINGS:
	case UI_ACT_GO_FAMILY:
	case UI_ACT_FAMILY_DOCK:
	case UI_ACT_FAMILY_CHANGE:
	case UI_ACT_FAMILY_REMOVE:
	case UI_ACT_FAMILY_RESET:
		live_keyboard_action(l, action, arg, mono);
		break;
	case UI_ACT_FIRSTBOOT_AGAIN:
	case UI_ACT_FIRSTBOOT_CHOOSE:
	case UI_ACT_FIRSTBOOT_PAGE:
	case UI_ACT_FIRSTBOOT_GOAL:
	case UI_ACT_FIRSTBOOT_RITUAL:
	case UI_ACT_FIRSTBOOT_NEXT:
	case UI_ACT_FIRSTBOOT_SKIP:
	case UI_ACT_FIRSTBOOT_BACK:
		live_firstboot_action(l, action, arg, mono);
		break;
	case UI_ACT_GO_SETUP:
	case UI_ACT_KEY_RESET:
	case UI_ACT_RITUAL_EDIT:
	case UI_ACT_RITUAL_STEP:
	case UI_ACT_RITUAL_KIND:
	case UI_ACT_RITUAL_LABEL:
	case UI_ACT_RITUAL_TYPE:
	case UI_ACT_RITUAL_SAVE:
	case UI_ACT_RITUAL_REMOVE:
	case UI_ACT_WINDOW_EDIT:
	case UI_ACT_WINDOW_STEP:
	case UI_ACT_WINDOW_NAME:
	case UI_ACT_WINDOW_SAVE:
	case UI_ACT_WINDOW_REMOVE:
	case UI_ACT_NIGHT_STEP:
	case UI_ACT_ROTATION:
	case UI_ACT_ZONE_REGION:
	case UI_ACT_ZONE_CITY:
	case UI_ACT_SETUP_PAGE:
		live_setup_action(l, action, arg, mono);
		break;
	}
}
