/*
 * correct.h - mistakes put right after the fact: a walk someone forgot to
 * start, added with its start and length; a week marked away or not; any
 * entry of the last four weeks removed. Every correction is logged in the
 * database, can be undone, and is exported (store.c keeps the log).
 *
 * The display calls these; each returns FT_EXIT_OK, FT_EXIT_USAGE (the
 * correction is not allowed: err says why, in words for the family, and
 * nothing was written) or FT_EXIT_FAILURE (the database). NOW is the wall
 * clock, once it is trusted.
 */
#ifndef FT_CORRECT_H
#define FT_CORRECT_H

#include "common.h"
#include "model.h"
#include "store.h"

#define CORRECT_WEEKS 4 /* this week and the three before it */

/* The first local day a correction may touch: the Monday of the week
 * CORRECT_WEEKS - 1 weeks before NOW's. */
int64_t correct_first_day(ft_ms now);

/* A walk that started at START and lasted LENGTH (more than zero, ended by
 * NOW, started within the last four weeks), dated by its start. */
int correct_add_walk(struct store *st, ft_ms start, ft_ms length, ft_ms now, int64_t *fix,
		     struct ft_error *err);

/* Marks WEEK away or not: any week from the first correctable one on (this
 * week, or ahead of time). Asking for the mark it already has logs
 * nothing (*fix = -1). */
int correct_set_away(struct store *st, int64_t week, bool away, ft_ms now, int64_t *fix,
		     struct ft_error *err);

/* Removes entry ID of KIND, which must be dated within the last four
 * weeks. */
int correct_remove(struct store *st, enum store_kind kind, int64_t id, ft_ms now, int64_t *fix,
		   struct ft_error *err);

/* Undoes correction FIX (once). */
int correct_undo(struct store *st, int64_t fix, ft_ms now, struct ft_error *err);

/* The entries the family may correct, newest first: those dated from
 * correct_first_day(NOW) on (*out malloc'd, the caller frees it). */
bool correct_history(struct store *st, ft_ms now, struct store_entry **out, size_t *n,
		     struct ft_error *err);

/* correct_history as the corrections screen shows it: *out has one entry
 * per row of *rows (same order, both malloc'd, the caller frees them), a
 * call with who called (the slot's name by CFG) and whom. */
bool correct_entries(struct store *st, const struct ft_config *cfg, ft_ms now,
		     struct store_entry **rows, struct ui_fix_entry **out, size_t *n,
		     struct ft_error *err);

#endif
