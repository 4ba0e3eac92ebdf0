/*
 * scenario.h - the scenario file of SPEC §5: one timestamped event a line.
 *
 * Parsing validates everything a run could trip on (time order, slots,
 * words, numbers, walk start/stop pairs) so that `simulate` writes nothing
 * when a line is bad. Errors name the file and line.
 */
#ifndef FT_SCENARIO_H
#define FT_SCENARIO_H

#include "common.h"
#include "config.h"

enum scenario_kind {
	SCN_DOCK,        /* dock N in|out */
	SCN_WALK,        /* walk MINUTES */
	SCN_WALK_START,
	SCN_WALK_STOP,
	SCN_HUG,
	SCN_TAP,         /* tap call [FROM TO] */
	SCN_AWAY,        /* away | away off */
};

struct scenario_event {
	ft_ms t;
	enum scenario_kind kind;
	int line;        /* in the file, for messages */
	int slot, level; /* dock */
	ft_ms length;    /* walk */
	bool away;       /* away: true to mark, false for "away off" */
	char tap[16];    /* tap */
	int from_slot;   /* tap call FROM TO: who called (a slot, from 1); 0 when not said */
	char to[FT_NAME_MAX]; /* ... and whom ("" when not said) */
};

struct scenario {
	char name[256];  /* the file, for messages */
	struct scenario_event *events;
	size_t n;
};

/* WALK_OPEN says whether a walk was already started before this scenario
 * (by a previous run on the same database). */
bool scenario_parse(struct scenario *sc, const char *text, const char *name,
		    const struct ft_config *cfg, bool walk_open, struct ft_error *err);
bool scenario_load(struct scenario *sc, const char *path, const struct ft_config *cfg,
		   bool walk_open, struct ft_error *err);
void scenario_free(struct scenario *sc);

#endif
