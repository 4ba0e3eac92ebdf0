/*
 * correct.c - what may be corrected after the fact, and how far back.
 *
 * The rules live here and the writing in store_fixes.c: a correction reaches back
 * over the last four weeks (this one and the three before it), so that the
 * history a family scrolls is short and a streak from long ago is not
 * rewritten by a slip of the finger; a week may be marked away ahead of
 * time. Every correction is one transaction that also logs it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "correct.h"

int64_t
correct_first_day(ft_ms now)
{
	return cal_week_monday(cal_week_of(now) - (CORRECT_WEEKS - 1));
}

static int
usage(struct ft_error *err, const char *what, ft_ms now)
{
	char first[16];
	cal_day_name(correct_first_day(now), first);
	ft_fail(err, "%s: only the last %d weeks can be corrected (from %s)", what, CORRECT_WEEKS, first);
	return FT_EXIT_USAGE;
}

int
correct_add_walk(struct store *st, ft_ms start, ft_ms length, ft_ms now, int64_t *fix,
		 struct ft_error *err)
{
	if (length <= 0) {
		ft_fail(err, "a walk lasts more than zero minutes");
		return FT_EXIT_USAGE;
	}
	if (start > now - length) {
		ft_fail(err, "a walk added after the fact has ended by now");
		return FT_EXIT_USAGE;
	}
	int64_t day = cal_day_of(start);
	if (day < correct_first_day(now))
		return usage(err, "a walk that old", now);
	return store_fix_add_walk(st, start, start + length, day, now, fix, err) ? FT_EXIT_OK
										: FT_EXIT_FAILURE;
}

int
correct_set_away(struct store *st, int64_t week, bool away, ft_ms now, int64_t *fix,
		 struct ft_error *err)
{
	bool was;
	if (fix)
		*fix = -1;
	if (week < cal_week_of(now) - (CORRECT_WEEKS - 1))
		return usage(err, "a week that old", now);
	if (!store_get_mark(st, STORE_MARK_AWAY, week, &was, err))
		return FT_EXIT_FAILURE;
	if (was == away)
		return FT_EXIT_OK; /* nothing changes, nothing to log */
	return store_fix_away(st, week, away, now, fix, err) ? FT_EXIT_OK : FT_EXIT_FAILURE;
}

int
correct_remove(struct store *st, enum store_kind kind, int64_t id, ft_ms now, int64_t *fix,
	       struct ft_error *err)
{
	struct store_entry *rows;
	size_t n;
	bool listed = false, found;
	if (!correct_history(st, now, &rows, &n, err))
		return FT_EXIT_FAILURE;
	for (size_t i = 0; i < n && !listed; i++)
		listed = rows[i].kind == kind && rows[i].id == id;
	free(rows);
	if (!listed) {
		/* gone already, or older than the history */
		ft_fail(err, "no entry %lld of that kind in the last %d weeks", (long long)id,
			CORRECT_WEEKS);
		return FT_EXIT_USAGE;
	}
	if (!store_fix_remove(st, kind, id, now, fix, &found, err))
		return FT_EXIT_FAILURE;
	return FT_EXIT_OK;
}

int
correct_undo(struct store *st, int64_t fix, ft_ms now, struct ft_error *err)
{
	struct store_correction c;
	bool found;
	if (!store_correction(st, fix, &c, &found, err))
		return FT_EXIT_FAILURE;
	if (!found || c.undone >= 0) {
		ft_fail(err, "correction %lld: %s", (long long)fix,
			found ? "already undone" : "no such correction");
		return FT_EXIT_USAGE;
	}
	return store_fix_undo(st, fix, now, err) ? FT_EXIT_OK : FT_EXIT_FAILURE;
}

bool
correct_history(struct store *st, ft_ms now, struct store_entry **out, size_t *n,
		struct ft_error *err)
{
	return store_entries(st, correct_first_day(now), cal_day_of(now), out, n, err);
}

bool
correct_entries(struct store *st, const struct ft_config *cfg, ft_ms now,
		struct store_entry **rows, struct ui_fix_entry **out, size_t *n,
		struct ft_error *err)
{
	struct store_call *calls = NULL;
	size_t ncalls = 0;
	*rows = NULL;
	*out = NULL;
	*n = 0;
	if (!correct_history(st, now, rows, n, err))
		return false;
	/* who called whom: the calls of the same days, by the tap's id */
	if (!store_calls(st, correct_first_day(now), cal_day_of(now), now, &calls, &ncalls, err) ||
	    !(*out = calloc(*n ? *n : 1, sizeof(**out)))) {
		if (!*out && calls)
			ft_fail(err, "out of memory");
		free(calls);
		free(*rows);
		*rows = NULL;
		*n = 0;
		return false;
	}
	for (size_t i = 0; i < *n; i++) {
		const struct store_entry *r = &(*rows)[i];
		struct ui_fix_entry *e = &(*out)[i];
		e->start = r->start;
		e->end = r->end;
		snprintf(e->record, sizeof(e->record), "%s", r->record);
		snprintf(e->detail, sizeof(e->detail), "%s", r->detail);
		for (size_t c = 0; r->kind == STORE_TAP && c < ncalls; c++) {
			if (calls[c].id != r->id || calls[c].from_slot <= 0)
				continue;
			char name[FT_NAME_MAX];
			snprintf(e->call_from, sizeof(e->call_from), "%s",
				 config_slot_name(cfg, calls[c].from_slot, name));
			snprintf(e->call_to, sizeof(e->call_to), "%s", calls[c].to);
		}
	}
	free(calls);
	return true;
}
