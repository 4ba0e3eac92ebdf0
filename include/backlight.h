/*
 * backlight.h - the panel's backlight (/sys/class/backlight/NAME), where
 * there is one: dimmed at night, given back to the family's level on waking
 * and at exit.
 *
 * Whether to dim is the decision module's (live_dimmed()); this module only
 * finds the device and writes the level. A backlight that cannot be written
 * (EACCES: no udev rule giving the service user the file) is given up once,
 * with one line in the journal, and the dark theme dims alone.
 */
#ifndef FT_BACKLIGHT_H
#define FT_BACKLIGHT_H

#include <stdbool.h>

struct backlight {
	char path[320];            /* .../brightness; "" when there is none */
	int max;                   /* max_brightness */
	int saved;                 /* the family's level, given back on waking and at exit */
	int level;                 /* the level last written (or found) */
	bool failed;               /* a write failed: the dark theme dims alone */
};

/* The first backlight (by name) in CLASS_DIR (/sys/class/backlight; tests
 * pass a tree of their own; NULL: none) with a readable brightness and
 * max_brightness. */
void backlight_find(struct backlight *b, const char *class_dir);
/* Whether the backlight does the dimming: there is one and it obeys. */
bool backlight_usable(const struct backlight *b);
/* Down to a tenth of max_brightness (DIMMED), or the family's level. */
void backlight_dim(struct backlight *b, bool dimmed);

#endif
