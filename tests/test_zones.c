/*
 * test_zones.c - the time zones offered on the display (zones.h, issue 11,
 * point 1): read from the tz tables, only those that load as zone files,
 * grouped by region, named by their city. The one list both the first
 * boot's walk-through and the settings' picker offer (it replaced tzlist.c,
 * the walk-through's own reading of zone.tab).
 */
#include <string.h>
#include <sys/stat.h>

#include "calendar.h"
#include "test.h"
#include "zones.h"

/* A zoneinfo folder with TABLE as zone1970.tab and the zone files named. */
static void
fake_zoneinfo(char dir[64], const char *table, const char *const *zones, int n)
{
	char path[256];
	test_temp_dir(dir, "zones");
	snprintf(path, sizeof(path), "%s/zone1970.tab", dir);
	test_write_file(path, table);
	for (int i = 0; i < n; i++) {
		char sub[256];
		snprintf(sub, sizeof(sub), "%s/%s", dir, zones[i]);
		*strrchr(sub, '/') = '\0';
		for (char *p = sub + strlen(dir) + 1; *p; p++) {
			if (*p == '/') {
				*p = '\0';
				mkdir(sub, 0755);
				*p = '/';
			}
		}
		mkdir(sub, 0755);
		snprintf(path, sizeof(path), "%s/%s", dir, zones[i]);
		test_write_file(path, "TZif2 a zone file's magic, then anything");
	}
}

static const char table[] =
	"# tz zone descriptions\n"
	"#codes\tcoordinates\tTZ\tcomments\n"
	"FR,MC\t+4852+00220\tEurope/Paris\n"
	"BE,LU,NL\t+5050+00420\tEurope/Brussels\n"
	"AR\t-3436-05827\tAmerica/Argentina/Buenos_Aires\tBuenos Aires (BA, CF)\n"
	"US\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\n"
	"XX\t+0000+00000\tEurope/Atlantis\n"; /* listed, but no zone file */

static void
test_only_zones_that_load_are_offered_sorted_once(void **state)
{
	(void)state;
	static const char *const files[] = { "Europe/Paris", "Europe/Brussels",
					     "America/Argentina/Buenos_Aires", "America/New_York" };
	char dir[64];
	struct ft_error err;
	static struct zones z;
	fake_zoneinfo(dir, table, files, 4);
	/* zone.tab names Paris again: offered once */
	char path[128];
	snprintf(path, sizeof(path), "%s/zone.tab", dir);
	test_write_file(path, "FR\t+4852+00220\tEurope/Paris\n");
	setenv("TZDIR", dir, 1); /* cal_zone_exists, the config's check, looks there */
	assert_true(zones_load(&z, dir, &err));
	assert_int_equal(z.n, 4);
	assert_string_equal(z.names[0], "America/Argentina/Buenos_Aires");
	assert_string_equal(z.names[1], "America/New_York");
	assert_string_equal(z.names[2], "Europe/Brussels");
	assert_string_equal(z.names[3], "Europe/Paris");
	/* every zone offered passes the configuration's own check */
	struct ft_config cfg = test_config("");
	int key = config_key_find("time.timezone");
	for (int i = 0; i < z.n; i++) {
		const char *v[] = { z.names[i] };
		assert_true(config_set(&cfg, key, v, 1, FT_SOURCE_DISPLAY, &err));
	}
	const char *atlantis[] = { "Europe/Atlantis" };
	assert_false(config_set(&cfg, key, atlantis, 1, FT_SOURCE_DISPLAY, &err));

	/* the regions, in order, each once (Atlantis dropped: no zone file) */
	assert_int_equal(z.nregions, 2);
	assert_string_equal(z.regions[0], "America");
	assert_string_equal(z.regions[1], "Europe");
	const char *list[8];
	assert_int_equal(zones_of_region(&z, "Europe", list, 8), 2);
	assert_string_equal(list[1], "Europe/Paris");
	/* a region's zones follow each other: the first boot pages through
	 * them from the first one's index */
	int first = -1;
	assert_int_equal(zones_in_region(&z, "Europe", &first), 2);
	assert_string_equal(z.names[first], "Europe/Brussels");
	assert_int_equal(zones_in_region(&z, "America", &first), 2);
	assert_int_equal(first, 0);
	/* "Euro" is no region: a prefix of one does not match */
	assert_int_equal(zones_of_region(&z, "Euro", list, 8), 0);
	assert_int_equal(zones_in_region(&z, "Euro", &first), 0);
	/* OUT holds at most MAX: the count says how many it holds */
	assert_int_equal(zones_of_region(&z, "Europe", list, 1), 1);
	assert_string_equal(list[0], "Europe/Brussels");
	unsetenv("TZDIR");
	test_remove_dir(dir);
}

static void
test_no_table_is_an_error_that_names_the_folder(void **state)
{
	(void)state;
	static struct zones z;
	struct ft_error err;
	assert_false(zones_load(&z, "/nonexistent/zoneinfo", &err));
	assert_non_null(strstr(err.msg, "/nonexistent/zoneinfo"));
}

static void
test_a_zone_reads_as_its_city(void **state)
{
	(void)state;
	char city[64];
	zones_city("Europe/Paris", city, sizeof(city));
	assert_string_equal(city, "Paris");
	zones_city("America/New_York", city, sizeof(city));
	assert_string_equal(city, "New York");
	/* the city first, the sub-region after it: both pickers say so (the
	 * walk-through said "Argentina / Buenos Aires" before) */
	zones_city("America/Argentina/Buenos_Aires", city, sizeof(city));
	assert_string_equal(city, "Buenos Aires (Argentina)");
	zones_city("America/North_Dakota/New_Salem", city, sizeof(city));
	assert_string_equal(city, "New Salem (North Dakota)");
	/* too small for the bracket: the city alone, never half a bracket */
	char small[16];
	zones_city("America/Argentina/Buenos_Aires", small, sizeof(small));
	assert_string_equal(small, "Buenos Aires");
}

static void
test_a_region_reads_in_the_family_s_words(void **state)
{
	(void)state;
	/* the same words on both pickers' buttons and titles (no catalogue
	 * loaded here: English) */
	assert_string_equal(zones_region_name("Indian"), "Indian Ocean");
	assert_string_equal(zones_region_name("Europe"), "Europe");
	/* a region the table does not know: as the tz database names it */
	assert_string_equal(zones_region_name("Mars"), "Mars");
}

static void
test_the_system_tables_offer_paris_and_luxembourg(void **state)
{
	(void)state;
	static struct zones z;
	struct ft_error err;
	if (access("/usr/share/zoneinfo/zone1970.tab", R_OK) != 0)
		test_skip("no tzdata on this system");
	assert_true(zones_load(&z, "/usr/share/zoneinfo", &err));
	bool paris = false, luxembourg = false;
	for (int i = 0; i < z.n; i++) {
		paris = paris || strcmp(z.names[i], "Europe/Paris") == 0;
		/* folded into Brussels by zone1970.tab, kept by zone.tab */
		luxembourg = luxembourg || strcmp(z.names[i], "Europe/Luxembourg") == 0;
	}
	assert_true(paris);
	assert_true(luxembourg);
	/* every zone zone.tab lists (the walk-through's list before this one)
	 * is still offered, but those the system cannot load */
	char line[512];
	FILE *f = fopen("/usr/share/zoneinfo/zone.tab", "r");
	int listed = 0;
	while (f && fgets(line, sizeof(line), f)) {
		char *zone = strchr(line, '\t');
		zone = zone ? strchr(zone + 1, '\t') : NULL;
		if (line[0] == '#' || !zone)
			continue;
		zone++;
		zone[strcspn(zone, "\t\r\n")] = '\0';
		if (!cal_zone_exists(zone, &err))
			continue;
		bool offered = false;
		for (int i = 0; i < z.n && !offered; i++)
			offered = strcmp(z.names[i], zone) == 0;
		if (!offered)
			fail_msg("%s, in zone.tab, is not offered", zone);
		listed++;
	}
	if (f)
		fclose(f);
	assert_true(listed > 300);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_only_zones_that_load_are_offered_sorted_once),
		cmocka_unit_test(test_no_table_is_an_error_that_names_the_folder),
		cmocka_unit_test(test_a_zone_reads_as_its_city),
		cmocka_unit_test(test_a_region_reads_in_the_family_s_words),
		cmocka_unit_test(test_the_system_tables_offer_paris_and_luxembourg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
