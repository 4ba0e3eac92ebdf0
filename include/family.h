/*
 * family.h - the family's names as the display sets them (issue 11, points
 * 1 and 5), pure: which name a slot has, whether a typed name may be a
 * slot's name or a call's "whom", the dock.names value that names one slot
 * (exactly as the file would hold it), and the phones set aside while they
 * are docked to be named.
 *
 * The file's rule stays the judge (settings_check): this module adds only
 * what the display needs on top (a name is not a bare number, which would
 * read as a slot number; two slots do not share a name).
 */
#ifndef FT_FAMILY_H
#define FT_FAMILY_H

#include "common.h"
#include "config.h"
#include "debounce.h"

/* Why a typed name was refused (FAMILY_OK: it was not). */
enum family_refusal {
	FAMILY_OK,
	FAMILY_EMPTY,       /* nothing typed */
	FAMILY_TOO_LONG,    /* more than FT_NAME_MAX - 1 bytes */
	FAMILY_INVALID,     /* not UTF-8, a control character or a double quote */
	FAMILY_NUMBER,      /* digits only: would read as a slot number */
	FAMILY_TAKEN,       /* another slot has it */
	FAMILY_REFUSED,     /* the file's checks refused it (logged) */
};

/* Whether SLOT (from 1) has a name of its own: not empty, and not its own
 * number (what a slot left unnamed holds once another slot is named). */
bool family_slot_named(const struct ft_config *cfg, int slot);

/* Whether NAME may be whom a call was to: FAMILY_OK, EMPTY, TOO_LONG,
 * INVALID or NUMBER. */
enum family_refusal family_check_name(const char *name);

/* Whether NAME may be SLOT's name on CFG: family_check_name's rules, and no
 * other slot has it. */
enum family_refusal family_check_slot_name(const struct ft_config *cfg, int slot,
					   const char *name);

/* The dock.names value with SLOT named NAME (NULL or "": its name removed),
 * every other slot as it is: one word per slot of the dock (an unnamed slot
 * holds its number, so the slot count never changes), quoted where the file
 * needs it. False when OUT (SIZE bytes) is too small. */
bool family_names_value(const struct ft_config *cfg, int slot, const char *name, char *out,
			size_t size);

/* --- phones docked to be named ------------------------------------------- */

/* A phone docked while the display asks for the phone to name is at the
 * table to be named, not to eat: its slot is set aside, and the session
 * rules (SPEC §2) do not see it until it has been taken out again (the
 * README's "Rules where SPEC.md is silent"). Its raw levels are debounced
 * here, as the dock's would be ([dock] debounce). */
struct family_aside {
	bool aside[FT_MAX_SLOTS];     /* index slot - 1 */
	struct debounce db;           /* the aside slots' levels */
};

void family_aside_init(struct family_aside *a, int nslots, ft_ms debounce);
/* A raw LEVEL of SLOT at T. WAITING: the display asks for a phone to be
 * docked; ENGINE_LEVEL: the slot's debounced level as the session rules
 * see it. True when the level is the aside's and must not reach the
 * session rules (a slot set aside now, or already). */
bool family_aside_raw(struct family_aside *a, bool waiting, int engine_level, int slot,
		      int level, ft_ms t);
/* At T: the slot whose phone has now stayed docked for the debounce (the
 * phone to name; 0 when none), while WAITING; slots whose phone is out
 * again are given back to the session rules. */
int family_aside_advance(struct family_aside *a, bool waiting, ft_ms t);
/* When family_aside_advance has something to do, or FT_MS_NEVER. */
ft_ms family_aside_deadline(const struct family_aside *a);
bool family_aside_any(const struct family_aside *a);

#endif
