/*
 * zones.c - the time zones offered on the display (zones.h): read from the
 * tz database's tables, kept when they load as the configuration would
 * load them; the one list both the first boot and the settings offer.
 */
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "zones.h"

int
zones_add_table(struct zones *z, const char *text)
{
	int added = 0;
	for (const char *line = text; line && *line; ) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		/* country codes, coordinates, zone[, comment] */
		const char *f = line;
		int field = 0;
		while (field < 2 && f < line + len) {
			const char *tab = memchr(f, '\t', (size_t)(line + len - f));
			if (!tab)
				break;
			f = tab + 1;
			field++;
		}
		if (line[0] != '#' && field == 2 && z->n < ZONES_MAX) {
			size_t zl = 0;
			while (f + zl < line + len && f[zl] != '\t' && f[zl] != '\r')
				zl++;
			bool known = false;
			for (int i = 0; i < z->n && !known; i++)
				known = strlen(z->names[i]) == zl && memcmp(z->names[i], f, zl) == 0;
			if (zl > 0 && zl < ZONES_NAME && !known) {
				memcpy(z->names[z->n], f, zl);
				z->names[z->n][zl] = '\0';
				z->n++;
				added++;
			}
		}
		line = end ? end + 1 : NULL;
	}
	return added;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

void
zones_keep_loadable(struct zones *z)
{
	struct ft_error ignored;
	qsort(z->names, (size_t)z->n, sizeof(z->names[0]), by_name);
	int kept = 0;
	for (int i = 0; i < z->n; i++) {
		if (kept && strcmp(z->names[kept - 1], z->names[i]) == 0)
			continue;
		if (!cal_zone_exists(z->names[i], &ignored))
			continue;
		if (kept != i)
			memcpy(z->names[kept], z->names[i], sizeof(z->names[0]));
		kept++;
	}
	z->n = kept;
	z->nregions = 0;
	for (int i = 0; i < z->n && z->nregions < ZONES_REGIONS; i++) {
		const char *slash = strchr(z->names[i], '/');
		if (!slash)
			continue;
		size_t len = (size_t)(slash - z->names[i]);
		char *last = z->nregions ? z->regions[z->nregions - 1] : NULL;
		/* sorted: a region's zones come together */
		if (last && strlen(last) == len && strncmp(last, z->names[i], len) == 0)
			continue;
		memcpy(z->regions[z->nregions], z->names[i], len);
		z->regions[z->nregions++][len] = '\0';
	}
}

/* The text of FILE, malloc'd, or NULL. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - 1 - n, f);
		if (n < cap - 1 || ferror(f))
			break;
		char *more = realloc(buf, cap * 2);
		if (!more) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = more;
		cap *= 2;
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

bool
zones_load(struct zones *z, const char *dir, struct ft_error *err)
{
	static const char *const tables[] = { "zone1970.tab", "zone.tab" };
	char path[512];
	bool read = false;
	if (!dir)
		dir = getenv("TZDIR");
	if (!dir || !dir[0])
		dir = "/usr/share/zoneinfo";
	z->n = 0;
	z->nregions = 0;
	for (size_t i = 0; i < FT_ARRAY_LEN(tables); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, tables[i]);
		char *text = slurp(path);
		if (!text)
			continue;
		zones_add_table(z, text);
		free(text);
		read = true;
	}
	if (!read)
		return ft_fail(err, "no time zone table in %s (zone1970.tab, zone.tab)", dir);
	zones_keep_loadable(z);
	return true;
}

int
zones_in_region(const struct zones *z, const char *region, int *first)
{
	size_t len = strlen(region);
	int n = 0;
	*first = 0;
	for (int i = 0; i < z->n; i++) {
		if (strncmp(z->names[i], region, len) != 0 || z->names[i][len] != '/')
			continue;
		if (n++ == 0)
			*first = i;
	}
	return n;
}

int
zones_of_region(const struct zones *z, const char *region, const char **out, int max)
{
	int first, n = zones_in_region(z, region, &first);
	for (int i = 0; i < n && i < max; i++)
		out[i] = z->names[first + i];
	return n < max ? n : max;
}

void
zones_city(const char *zone, char *out, size_t size)
{
	const char *city = strrchr(zone, '/');
	const char *first = strchr(zone, '/');
	city = city ? city + 1 : zone;
	size_t n = 0;
	for (const char *c = city; *c && n + 1 < size; c++)
		out[n++] = *c == '_' ? ' ' : *c;
	/* a sub-region between the region and the city, in brackets */
	if (first && first + 1 < city - 1) {
		const char *sub = first + 1;
		size_t sl = (size_t)(city - 1 - sub);
		if (n + sl + 4 < size) {
			out[n++] = ' ';
			out[n++] = '(';
			for (size_t i = 0; i < sl; i++)
				out[n++] = sub[i] == '_' ? ' ' : sub[i];
			out[n++] = ')';
		}
	}
	out[n] = '\0';
}

const char *
zones_region_name(const char *region)
{
	/* N_(): only marked here, for xgettext; gettext() when asked */
#define N_(s) s
	static const char *const names[][2] = {
		{ "Africa", N_("Africa") }, { "America", N_("America") },
		{ "Antarctica", N_("Antarctica") }, { "Arctic", N_("Arctic") },
		{ "Asia", N_("Asia") }, { "Atlantic", N_("Atlantic") },
		{ "Australia", N_("Australia") }, { "Europe", N_("Europe") },
		{ "Indian", N_("Indian Ocean") }, { "Pacific", N_("Pacific") },
	};
#undef N_
	for (size_t i = 0; i < FT_ARRAY_LEN(names); i++)
		if (strcmp(region, names[i][0]) == 0)
			return gettext(names[i][1]);
	return region;
}
