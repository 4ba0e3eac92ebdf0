/*
 * simulate.h - `familytable simulate`: a scenario replayed through the engine
 * (the live appliance's debounce, session and store code) on a virtual clock.
 */
#ifndef FT_SIMULATE_H
#define FT_SIMULATE_H

#include "common.h"
#include "config.h"

/* UNTIL is where the virtual clock stops, or NULL for the default (the last
 * event plus grace plus one second). Returns an exit code of SPEC §5. */
int simulate_run(const struct ft_config *cfg, const char *db_path, const char *scenario_path,
		 const ft_ms *until, struct ft_error *err);

#endif
