/*
 * zones.h - the time zones a family may choose on the display (issue 11,
 * point 1): by region ("Europe"), then by city ("Paris").
 *
 * The list is the system's own: the zones named in the tz database's
 * tables (zone1970.tab, and zone.tab for the countries zone1970.tab folds
 * into a neighbour, such as Luxembourg), each kept only when it loads as
 * a zone file, by the same check the configuration makes
 * (cal_zone_exists), so that whatever is offered is accepted. The
 * first-boot walk-through (live_firstboot.c) and the settings' picker
 * (live_setup.c) both read it.
 */
#ifndef FT_ZONES_H
#define FT_ZONES_H

#include <stddef.h>

#include "common.h"

#define ZONES_MAX 512
#define ZONES_NAME 48
#define ZONES_REGIONS 32

/* One list for both pickers (the first boot's and the settings'), so that
 * both offer the same zones and name them alike. */
struct zones {
	char names[ZONES_MAX][ZONES_NAME]; /* "Europe/Paris", sorted, each once */
	int n;
	/* the part of a name before its first '/' ("Europe"), in order, each
	 * once: filled by zones_keep_loadable */
	char regions[ZONES_REGIONS][ZONES_NAME];
	int nregions;
};

/* Adds the zones named in TEXT, a zone table (tab-separated; the third
 * field is the zone; '#' starts a comment), to Z, unsorted, each name
 * once. Returns how many were added. */
int zones_add_table(struct zones *z, const char *text);
/* Sorts Z, drops duplicates and every name cal_zone_exists refuses, and
 * lists the regions of those kept. */
void zones_keep_loadable(struct zones *z);
/* Z from the tables in DIR (NULL: $TZDIR, else /usr/share/zoneinfo).
 * False with ERR when no table could be read. */
bool zones_load(struct zones *z, const char *dir, struct ft_error *err);

/* How many zones REGION has ("Euro" is no region: a whole region only);
 * sorted, they follow each other from z->names[*FIRST]. */
int zones_in_region(const struct zones *z, const char *region, int *first);
/* The zones of REGION, in order, into OUT (pointing into Z). */
int zones_of_region(const struct zones *z, const char *region, const char **out, int max);
/* What the family reads for ZONE: the city, '_' as spaces and the
 * sub-region after it ("America/Argentina/Buenos_Aires" -> "Buenos Aires
 * (Argentina)"). */
void zones_city(const char *zone, char *out, size_t size);
/* A region ("Indian") in the family's language ("Indian Ocean", "Océan
 * Indien"); one the table does not know, as it is. */
const char *zones_region_name(const char *region);

#endif
