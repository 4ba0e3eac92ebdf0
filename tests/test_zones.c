/*
 * test_zones.c - the time zones offered on the display (zones.h, issue 11,
 * point 1): read from the tz tables, only those that load as zone files,
 * grouped by region, named by their city.
 */
#include <string.h>
#include <sys/stat.h>

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

	char regions[8][ZONES_NAME];
	assert_int_equal(zones_regions(&z, regions, 8), 2);
	assert_string_equal(regions[0], "America");
	assert_string_equal(regions[1], "Europe");
	const char *list[8];
	assert_int_equal(zones_of_region(&z, "Europe", list, 8), 2);
	assert_string_equal(list[1], "Europe/Paris");
	/* "Euro" is no region: a prefix of one does not match */
	assert_int_equal(zones_of_region(&z, "Euro", list, 8), 0);
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
	zones_city("America/Argentina/Buenos_Aires", city, sizeof(city));
	assert_string_equal(city, "Buenos Aires (Argentina)");
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
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_only_zones_that_load_are_offered_sorted_once),
		cmocka_unit_test(test_no_table_is_an_error_that_names_the_folder),
		cmocka_unit_test(test_a_zone_reads_as_its_city),
		cmocka_unit_test(test_the_system_tables_offer_paris_and_luxembourg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
