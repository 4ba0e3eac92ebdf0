/*
 * family.c - the family's names as the display sets them (family.h): the
 * checks a typed name passes, the dock.names value that names one slot,
 * and the phones set aside while they are docked to be named.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "family.h"

bool
family_slot_named(const struct ft_config *cfg, int slot)
{
	if (slot < 1 || slot > cfg->nslots || slot > FT_MAX_SLOTS)
		return false;
	const char *name = cfg->names[slot - 1];
	char number[16];
	snprintf(number, sizeof(number), "%d", slot);
	return name[0] && strcmp(name, number) != 0;
}

enum family_refusal
family_check_name(const char *name)
{
	size_t len = strlen(name);
	if (len == 0)
		return FAMILY_EMPTY;
	if (len > FT_NAME_MAX - 1)
		return FAMILY_TOO_LONG;
	if (ft_utf8_invalid(name, len) != len)
		return FAMILY_INVALID;
	bool digits = true;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		/* a double quote could not be read back from a quoted name in
		 * the file; control characters are never a name */
		if (*p < 0x20 || *p == 0x7f || *p == '"')
			return FAMILY_INVALID;
		if (*p < '0' || *p > '9')
			digits = false;
	}
	/* "3" would read as slot 3 (SPEC §5's `tap call FROM TO`) */
	return digits ? FAMILY_NUMBER : FAMILY_OK;
}

enum family_refusal
family_check_slot_name(const struct ft_config *cfg, int slot, const char *name)
{
	enum family_refusal why = family_check_name(name);
	if (why != FAMILY_OK)
		return why;
	for (int i = 1; i <= cfg->nslots && i <= FT_MAX_SLOTS; i++)
		if (i != slot && family_slot_named(cfg, i) && strcmp(cfg->names[i - 1], name) == 0)
			return FAMILY_TAKEN;
	return FAMILY_OK;
}

bool
family_names_value(const struct ft_config *cfg, int slot, const char *name, char *out,
		   size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 1; i <= cfg->nslots && i <= FT_MAX_SLOTS; i++) {
		char number[16];
		const char *word = i == slot ? name : family_slot_named(cfg, i) ? cfg->names[i - 1] : NULL;
		if (!word || !word[0]) {
			snprintf(number, sizeof(number), "%d", i);
			word = number;
		}
		/* quoted as the file needs it: a space, a tab or a '#' inside */
		bool quote = strpbrk(word, " \t#") != NULL;
		int n = snprintf(out + used, size - used, "%s%s%s%s", used ? " " : "",
				 quote ? "\"" : "", word, quote ? "\"" : "");
		if (n < 0 || (size_t)n >= size - used)
			return false;
		used += (size_t)n;
	}
	return true;
}

/* --- phones docked to be named ------------------------------------------- */

void
family_aside_init(struct family_aside *a, int nslots, ft_ms debounce)
{
	memset(a, 0, sizeof(*a));
	debounce_init(&a->db, nslots < FT_MAX_SLOTS ? nslots : FT_MAX_SLOTS, debounce, NULL);
}

bool
family_aside_raw(struct family_aside *a, bool waiting, int engine_level, int slot, int level,
		 ft_ms t)
{
	if (slot < 1 || slot > a->db.nslots)
		return false;
	if (a->aside[slot - 1]) {
		debounce_raw(&a->db, slot, level, t);
		return true;
	}
	/* a phone put in a slot the session rules see empty, while the
	 * display asks for the phone to name: that one is being named */
	if (!waiting || !level || engine_level)
		return false;
	a->aside[slot - 1] = true;
	a->db.slot[slot - 1] = (struct debounce_slot){ 0, t, 0 };
	debounce_raw(&a->db, slot, 1, t);
	return true;
}

int
family_aside_advance(struct family_aside *a, bool waiting, ft_ms t)
{
	struct dock_change changes[FT_MAX_SLOTS];
	int picked = 0;
	int n = debounce_advance(&a->db, t, changes, FT_MAX_SLOTS);
	for (int i = 0; i < n; i++) {
		int s = changes[i].slot;
		if (!a->aside[s - 1])
			continue;
		if (changes[i].level == 0)
			a->aside[s - 1] = false; /* taken out: at the table again */
		else if (waiting && !picked)
			picked = s;
	}
	/* a touch of the contacts that never became a docked phone */
	for (int i = 0; i < a->db.nslots; i++) {
		const struct debounce_slot *s = &a->db.slot[i];
		if (a->aside[i] && !s->raw && !s->stable && debounce_held(a->db.period, s->raw_since, t))
			a->aside[i] = false;
	}
	return picked;
}

ft_ms
family_aside_deadline(const struct family_aside *a)
{
	ft_ms next = debounce_next_deadline(&a->db);
	for (int i = 0; i < a->db.nslots; i++) {
		const struct debounce_slot *s = &a->db.slot[i];
		if (a->aside[i] && !s->raw && !s->stable && s->raw_since + a->db.period < next)
			next = s->raw_since + a->db.period;
	}
	return next;
}

bool
family_aside_any(const struct family_aside *a)
{
	for (int i = 0; i < a->db.nslots; i++)
		if (a->aside[i])
			return true;
	return false;
}
