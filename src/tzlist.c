/*
 * tzlist.c - the time zones by region and city (tzlist.h), read from the tz
 * database's zone.tab: the same database cal_zone_exists() checks a name
 * against, so every zone offered is one the settings accept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tzlist.h"

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct tzlist_entry *)a)->name, ((const struct tzlist_entry *)b)->name);
}

/* "Argentina/Buenos_Aires" as a family reads it: "Argentina / Buenos Aires". */
static void
city_of(const char *rest, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = rest; *p && n + 4 < size; p++) {
		if (*p == '/') {
			memcpy(out + n, " / ", 3);
			n += 3;
		} else {
			out[n++] = *p == '_' ? ' ' : *p;
		}
	}
	out[n] = '\0';
}

/* One line of zone.tab (country, coordinates, zone, comment; tabs between)
 * into Z; comments and lines without a zone are passed over. */
static bool
add_line(struct tzlist *z, char *line, int *cap)
{
	if (line[0] == '#')
		return true;
	char *zone = strchr(line, '\t');
	zone = zone ? strchr(zone + 1, '\t') : NULL;
	if (!zone)
		return true;
	zone++;
	zone[strcspn(zone, "\t\r\n")] = '\0';
	char *slash = strchr(zone, '/');
	if (!slash || strlen(zone) >= TZLIST_NAME_MAX)
		return true;
	if (z->n == *cap) {
		int c = *cap ? *cap * 2 : 256;
		struct tzlist_entry *all = realloc(z->all, (size_t)c * sizeof(*all));
		if (!all)
			return false;
		z->all = all;
		*cap = c;
	}
	struct tzlist_entry *e = &z->all[z->n++];
	snprintf(e->name, sizeof(e->name), "%s", zone);
	city_of(slash + 1, e->city, sizeof(e->city));
	return true;
}

bool
tzlist_load(struct tzlist *z, struct ft_error *err)
{
	static const char *const tables[] = { "zone.tab", "zone1970.tab" };
	const char *dir = getenv("TZDIR");
	char path[512];
	FILE *f = NULL;
	memset(z, 0, sizeof(*z));
	for (size_t i = 0; i < FT_ARRAY_LEN(tables) && !f; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "/usr/share/zoneinfo", tables[i]);
		f = fopen(path, "r");
	}
	if (!f)
		return ft_fail(err, "cannot read the list of time zones (%s): is tzdata installed?", path);
	char line[512];
	int cap = 0;
	bool ok = true;
	while (ok && fgets(line, sizeof(line), f))
		ok = add_line(z, line, &cap);
	fclose(f);
	if (!ok)
		return ft_fail(err, "out of memory reading %s", path);
	qsort(z->all, (size_t)z->n, sizeof(*z->all), by_name);
	/* the regions, in the same order: each first name of a run */
	for (int i = 0; i < z->n; i++) {
		const char *name = z->all[i].name;
		size_t len = (size_t)(strchr(name, '/') - name);
		const char *last = z->nregions ? z->regions[z->nregions - 1] : "";
		if ((strlen(last) == len && strncmp(last, name, len) == 0) ||
		    z->nregions == TZLIST_MAX_REGIONS)
			continue;
		snprintf(z->regions[z->nregions++], TZLIST_NAME_MAX, "%.*s", (int)len, name);
	}
	if (z->n == 0)
		return ft_fail(err, "%s lists no time zone", path);
	return true;
}

void
tzlist_free(struct tzlist *z)
{
	free(z->all);
	memset(z, 0, sizeof(*z));
}

int
tzlist_in_region(const struct tzlist *z, const char *region, int *first)
{
	size_t len = strlen(region);
	int n = 0;
	*first = 0;
	for (int i = 0; i < z->n; i++) {
		const char *name = z->all[i].name;
		if (strncmp(name, region, len) != 0 || name[len] != '/')
			continue;
		if (n++ == 0)
			*first = i;
	}
	return n;
}
