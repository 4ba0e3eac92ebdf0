/*
 * tzlist.h - the time zones a family chooses from on the display (issue 11):
 * the tz database's own list (zone.tab: one or more zones for each
 * country), by region ("Europe") and then by city ("Paris"), so nobody has
 * to know or type "Europe/Paris".
 */
#ifndef FT_TZLIST_H
#define FT_TZLIST_H

#include "common.h"

#define TZLIST_NAME_MAX 64
#define TZLIST_MAX_REGIONS 16

struct tzlist_entry {
	char name[TZLIST_NAME_MAX];  /* "America/Argentina/Buenos_Aires" */
	char city[TZLIST_NAME_MAX];  /* "Argentina / Buenos Aires": as shown */
};

struct tzlist {
	struct tzlist_entry *all;    /* by name, so each region's are together */
	int n;
	char regions[TZLIST_MAX_REGIONS][TZLIST_NAME_MAX]; /* "Africa", ... sorted */
	int nregions;
};

/* Reads the list from the tz database (TZDIR, else /usr/share/zoneinfo):
 * zone.tab, else zone1970.tab. False with ERR naming the file when neither
 * can be read. Free with tzlist_free() (also after a failure). */
bool tzlist_load(struct tzlist *z, struct ft_error *err);
void tzlist_free(struct tzlist *z);
/* REGION's zones: their count, the first's index into z->all in *FIRST. */
int tzlist_in_region(const struct tzlist *z, const char *region, int *first);

#endif
