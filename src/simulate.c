/*
 * simulate.c - replay a scenario through the engine on a virtual clock.
 *
 * Everything that could be wrong with the input is found before the first
 * write: the scenario is parsed whole, and checked against the database's
 * state (the previous run's end, a walk left in progress), read inside the
 * run's own write transaction. The run lands whole or not at all, and two
 * runs on one database follow each other, never interleave.
 */
#include <stdio.h>
#include <sys/stat.h>

#include "calendar.h"
#include "engine.h"
#include "log.h"
#include "scenario.h"
#include "simulate.h"
#include "store.h"

static bool
replay(struct engine *e, const struct scenario_event *ev, struct ft_error *err)
{
	switch (ev->kind) {
	case SCN_DOCK:
		return engine_dock(e, ev->slot, ev->level, ev->t, err);
	case SCN_WALK:
		return engine_walk(e, ev->t, ev->length, NULL, err);
	case SCN_WALK_START:
		return engine_walk_start(e, ev->t, err);
	case SCN_WALK_STOP:
		return engine_walk_stop(e, ev->t, NULL, err);
	case SCN_HUG:
		return engine_hug(e, ev->t, NULL, err);
	case SCN_TAP:
		/* the only tap a scenario has is a call (scenario.c checks it) */
		return engine_call(e, ev->t, ev->from_slot, ev->to, NULL, err);
	case SCN_AWAY:
		return engine_away(e, ev->t, ev->away, err);
	}
	return ft_fail(err, "unknown event");
}

/* What can be checked of the input against the database's state (the
 * previous run's end CLOCK, a walk in progress since WALK_START): the same
 * checks whether the database exists yet or not. */
static int
check_input(const struct scenario *sc, ft_ms clock, ft_ms walk_start, const ft_ms *until,
	    struct ft_error *err)
{
	if (sc->n > 0 && sc->events[0].t < clock) {
		char when[40];
		cal_format_time(clock, when);
		ft_fail(err, "%s:%d: the scenario starts before the previous run's end (%s)", sc->name,
			sc->events[0].line, when);
		return FT_EXIT_USAGE;
	}
	for (size_t i = 0; walk_start >= 0 && i < sc->n; i++) {
		if (sc->events[i].kind != SCN_WALK_STOP)
			continue;
		if (sc->events[i].t <= walk_start) {
			ft_fail(err, "%s:%d: a walk of zero minutes (stopped when it started)", sc->name,
				sc->events[i].line);
			return FT_EXIT_USAGE;
		}
		break;
	}
	if (until && sc->n > 0 && *until < sc->events[sc->n - 1].t) {
		ft_fail(err, "%s:%d: --until is before the scenario's last event", sc->name,
			sc->events[sc->n - 1].line);
		return FT_EXIT_USAGE;
	}
	if (until && *until < clock) {
		ft_fail(err, "--until is before the previous run's end");
		return FT_EXIT_USAGE;
	}
	return FT_EXIT_OK;
}

int
simulate_run(const struct ft_config *cfg, const char *db_path, const char *scenario_path,
	     const ft_ms *until, struct ft_error *err)
{
	struct scenario sc = {0};
	struct store *st = NULL;
	struct engine e;
	struct stat sb;
	ft_ms clock = -1, walk_start = -1, end;
	int rc = FT_EXIT_FAILURE;
	bool fresh = stat(db_path, &sb) != 0;

	/* A database that does not exist yet has no clock and no walk: check
	 * the whole input before the file is created. */
	if (fresh) {
		if (!scenario_load(&sc, scenario_path, cfg, false, err))
			return FT_EXIT_USAGE;
		if ((rc = check_input(&sc, clock, walk_start, until, err)) != FT_EXIT_OK)
			goto out;
		rc = FT_EXIT_FAILURE;
	}
	if (!(st = store_open(db_path, err)))
		goto out;
	/* The previous run's end is read inside the write transaction (BEGIN
	 * IMMEDIATE): a simulation started at the same time waits for this
	 * one, then sees its end, and cannot add the same history twice. */
	if (!store_begin(st, err))
		goto out;
	if (!store_get_clock(st, &clock, err) || !store_get_walk_open(st, &walk_start, err))
		goto rollback;
	if (!fresh && !scenario_load(&sc, scenario_path, cfg, walk_start >= 0, err)) {
		rc = FT_EXIT_USAGE;
		goto rollback;
	}
	if ((rc = check_input(&sc, clock, walk_start, until, err)) != FT_EXIT_OK)
		goto rollback;
	rc = FT_EXIT_FAILURE;
	end = until ? *until : sc.n > 0 ? sc.events[sc.n - 1].t + cfg->grace + FT_SECOND : clock;
	if (end < 0) {
		rc = FT_EXIT_OK; /* nothing to run, nothing run before */
		goto rollback;
	}

	if (!engine_open(&e, cfg, st, sc.n > 0 ? sc.events[0].t : end, NULL, err))
		goto rollback;
	for (size_t i = 0; i < sc.n; i++) {
		struct ft_error why;
		if (!replay(&e, &sc.events[i], &why)) {
			ft_fail(err, "%s:%d: %s", sc.name, sc.events[i].line, why.msg);
			goto rollback;
		}
	}
	if (!engine_advance(&e, end, err) || !engine_close(&e, end, err))
		goto rollback;
	if (!store_commit(st, err))
		goto out;
	rc = FT_EXIT_OK;
	goto out;

rollback:
	store_rollback(st);
out:
	scenario_free(&sc);
	store_close(st);
	return rc;
}
