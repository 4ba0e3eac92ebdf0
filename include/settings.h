/*
 * settings.h - the family's settings (SPEC §6): what is set on the display
 * (or with `familytable settings set`) lives in the database and overrides
 * the file's value for its key; the effective configuration is
 * built-in default < file < display.
 *
 * The same calls serve the command line and the display: a value is taken
 * exactly as the file would take it, through config.c's parser, and is
 * stored only when it passes.
 */
#ifndef FT_SETTINGS_H
#define FT_SETTINGS_H

#include <stdio.h>

#include "config.h"
#include "store.h"

/* Lays the database's settings over CFG (defaults and file already in it).
 * A stored value that no longer passes the file's checks (the installer
 * changed the file under it: fewer dock lines than display names, a zone
 * that is gone) is skipped with a warning, so the appliance still starts;
 * the file's value applies. False only when the database cannot be read. */
bool settings_overlay(struct ft_config *cfg, struct store *st, struct ft_error *err);

/* The index of the key NAME ("meal.weekly_goal") when the display may set
 * it; else -1 with err saying why (unknown, or the installer's). */
int settings_key(const char *name, struct ft_error *err);

/* Whether NAME and its NVALUES values would pass settings_set on CFG,
 * writing nothing: FT_EXIT_OK, or FT_EXIT_USAGE with err set. */
int settings_check(const struct ft_config *cfg, const char *name, const char *const *values,
		   int nvalues, struct ft_error *err);

/* Checks NAME ("meal.weekly_goal") and its NVALUES values against CFG (the
 * effective configuration) and, when they pass, stores them at instant T and
 * updates CFG. Returns FT_EXIT_OK, FT_EXIT_USAGE (an unknown key, a key the
 * display may not set, a bad value: nothing written) or FT_EXIT_FAILURE
 * (the database), with err set. */
int settings_set(struct store *st, struct ft_config *cfg, const char *name,
		 const char *const *values, int nvalues, ft_ms t, struct ft_error *err);

/* Forgets the display's value for NAME so that the file's (else the
 * default) applies again. CFG is not changed: reload it (defaults, file,
 * settings_overlay). Same return codes as settings_set; forgetting a key
 * with no display value is not an error (*had says whether there was one;
 * may be NULL). */
int settings_reset(struct store *st, const char *name, bool *had, struct ft_error *err);

/* Key KEY's lines of settings_print. */
void settings_print_key(FILE *out, const struct ft_config *cfg, int key);
/* Every key, one a line: "SECTION.KEY = VALUE  # SOURCE" (a list: one line
 * per item, one line with no value when it is empty). */
void settings_print(FILE *out, const struct ft_config *cfg);

#endif
