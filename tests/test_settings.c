/*
 * test_settings.c - SPEC §6: the settings made on the display live in the
 * database and override the file's value for their key (default < file <
 * display); they are taken exactly as the file would take them, through the
 * same parser, and a bad one writes nothing; reset gives the file's value
 * back; a list (rituals.ritual) is replaced as a whole; every value prints
 * back as the file would take it.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "settings.h"
#include "store.h"
#include "test.h"

static const char file_ini[] =
	"[dock]\n"
	"lines = 17 27 22 23\n"
	"names = Anna Ben \"Chloé\" \"Mary Ann\"\n"
	"[meal]\n"
	"weekly_goal = 2\n"
	"[rituals]\n"
	"ritual = mon 18:00 call \"Call a friend\"\n"
	"ritual = sun 09:30 walk \"Family walk\"\n"
	"[time]\n"
	"timezone = Europe/Paris\n";

static int
setup(void **state)
{
	struct test_db *f = calloc(1, sizeof(*f));
	test_db_open(f, "settings");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	test_db_close(*state);
	free(*state);
	return 0;
}

/* The effective configuration as a command builds it: defaults, the file,
 * then the database's settings. */
static struct ft_config
effective(struct store *st)
{
	struct ft_config cfg = test_config(file_ini);
	struct ft_error err;
	if (!settings_overlay(&cfg, st, &err))
		fail_msg("%s", err.msg);
	return cfg;
}

static int
key(const char *name)
{
	int k = config_key_find(name);
	if (k < 0)
		fail_msg("no key %s", name);
	return k;
}

/* NAME's value number ITEM, as settings prints it. */
static const char *
value_of(const struct ft_config *cfg, const char *name, int item)
{
	static char buf[1024];
	config_format(cfg, key(name), item, buf, sizeof(buf));
	return buf;
}

static long long
count_rows(const char *path)
{
	return test_query_int(path, "SELECT count(*) FROM setting");
}

static int
set1(struct test_db *f, struct ft_config *cfg, const char *name, const char *value,
     struct ft_error *err)
{
	const char *values[] = {value};
	return settings_set(f->st, cfg, name, values, 1, 1000, err);
}

/* ---- precedence ---- */

static void
test_default_then_file_then_display(void **state)
{
	struct test_db *f = *state;
	struct ft_error err;
	struct ft_config cfg = effective(f->st);
	/* walk.weekly_goal: nobody set it */
	assert_int_equal(cfg.walk_goal, 1);
	assert_int_equal(cfg.source[key("walk.weekly_goal")], FT_SOURCE_DEFAULT);
	/* meal.weekly_goal: the file's 2 */
	assert_int_equal(cfg.meal_goal, 2);
	assert_int_equal(cfg.source[key("meal.weekly_goal")], FT_SOURCE_FILE);

	assert_int_equal(set1(f, &cfg, "meal.weekly_goal", "1", &err), FT_EXIT_OK);
	assert_int_equal(set1(f, &cfg, "walk.weekly_goal", "2", &err), FT_EXIT_OK);
	/* a new command reads them back over the file */
	struct ft_config again = effective(f->st);
	assert_int_equal(again.meal_goal, 1);
	assert_int_equal(again.walk_goal, 2);
	assert_int_equal(again.source[key("meal.weekly_goal")], FT_SOURCE_DISPLAY);
	assert_int_equal(again.source[key("walk.weekly_goal")], FT_SOURCE_DISPLAY);
	/* the keys nobody touched keep theirs */
	assert_int_equal(again.source[key("dock.lines")], FT_SOURCE_FILE);
	assert_int_equal(again.source[key("hug.duration")], FT_SOURCE_DEFAULT);
	/* and settings_set updated the configuration it was given */
	assert_int_equal(cfg.meal_goal, 1);
}

static void
test_reset_gives_the_file_value_back_else_the_default(void **state)
{
	struct test_db *f = *state;
	struct ft_error err;
	struct ft_config cfg = effective(f->st);
	bool had = false;
	assert_int_equal(set1(f, &cfg, "meal.weekly_goal", "5", &err), FT_EXIT_OK);
	assert_int_equal(set1(f, &cfg, "review.time", "20:15", &err), FT_EXIT_OK);
	assert_int_equal(settings_reset(f->st, "meal.weekly_goal", &had, &err), FT_EXIT_OK);
	assert_true(had);
	assert_int_equal(settings_reset(f->st, "review.time", &had, &err), FT_EXIT_OK);
	struct ft_config again = effective(f->st);
	assert_int_equal(again.meal_goal, 2); /* the file's */
	assert_int_equal(again.source[key("meal.weekly_goal")], FT_SOURCE_FILE);
	assert_int_equal(again.review_minute, 19 * 60 + 30); /* the default */
	assert_int_equal(again.source[key("review.time")], FT_SOURCE_DEFAULT);
	/* forgetting a key with no display value is no error */
	assert_int_equal(settings_reset(f->st, "review.time", &had, &err), FT_EXIT_OK);
	assert_false(had);
	assert_int_equal(count_rows(f->path), 0);
}

/* ---- bad input writes nothing ---- */

static void
test_a_bad_value_is_refused_as_the_file_would_and_nothing_is_written(void **state)
{
	static const struct { const char *name, *value, *why; } bad[] = {
		{"meal.weekly_goal", "0", "bad number"},
		{"meal.weekly_goal", "three", "bad number"},
		{"review.day", "sunday", "bad day"},
		{"review.time", "25:00", "bad time"},
		{"display.night", "22:00", "bad night"},
		{"display.language", "de", "bad language"},
		{"display.rotation", "45", "bad rotation"},
		{"meal.windows", "dinner 21:30-21:30", "bad meal window time"},
		{"time.timezone", "Mars/Olympus", "unknown time zone"},
		{"rituals.ritual", "someday 18:00 call", "bad day"},
		/* the rules between keys: the file's four lines want four names */
		{"dock.names", "Anna Ben", "names names 2 slots but lines names 4"},
		{"review.time", "", "has no value"},
		{"review.time", "# only a comment", "has no value"},
	};
	struct test_db *f = *state;
	struct ft_config cfg = effective(f->st);
	assert_int_equal(set1(f, &cfg, "meal.weekly_goal", "4", &(struct ft_error){0}), FT_EXIT_OK);
	struct ft_config before = cfg;
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		struct ft_error err = {{0}};
		if (set1(f, &cfg, bad[i].name, bad[i].value, &err) != FT_EXIT_USAGE)
			fail_msg("%s = %s accepted", bad[i].name, bad[i].value);
		if (!strstr(err.msg, bad[i].name) || !strstr(err.msg, bad[i].why))
			fail_msg("%s = %s: \"%s\" should name the key and say \"%s\"", bad[i].name,
				 bad[i].value, err.msg, bad[i].why);
		assert_memory_equal(&cfg, &before, sizeof(cfg));
	}
	/* the database holds only the good one */
	assert_int_equal(count_rows(f->path), 1);
	assert_int_equal(effective(f->st).meal_goal, 4);
}

static void
test_the_installers_keys_are_refused_saying_why(void **state)
{
	static const char *const installer[] = {
		"dock.chip", "dock.lines", "dock.active_low", "dock.bias", "dock.debounce",
		"meal.min_phones", "meal.min_duration", "meal.max_duration", "meal.grace",
		"walk.min_duration", "hug.duration", "store.path",
	};
	static const char *const family[] = {
		"dock.names", "meal.windows", "meal.weekly_goal", "walk.weekly_goal",
		"rituals.ritual", "review.day", "review.time", "display.night",
		"display.rotation", "display.language", "time.timezone",
	};
	struct test_db *f = *state;
	struct ft_config cfg = effective(f->st);
	struct ft_error err;
	for (size_t i = 0; i < FT_ARRAY_LEN(installer); i++) {
		/* a value the file would take: refused for whose key it is */
		char value[256];
		config_format(&cfg, key(installer[i]), 0, value, sizeof(value));
		if (set1(f, &cfg, installer[i], value[0] ? value : "x", &err) != FT_EXIT_USAGE)
			fail_msg("%s accepted", installer[i]);
		assert_non_null(strstr(err.msg, "configuration file"));
		assert_int_equal(settings_reset(f->st, installer[i], NULL, &err), FT_EXIT_USAGE);
	}
	for (size_t i = 0; i < FT_ARRAY_LEN(family); i++)
		assert_null(config_key_installer_only(key(family[i])));
	/* every key is one or the other */
	assert_int_equal(FT_ARRAY_LEN(installer) + FT_ARRAY_LEN(family), config_key_count());
	assert_int_equal(set1(f, &cfg, "dock.speed", "1", &err), FT_EXIT_USAGE);
	assert_non_null(strstr(err.msg, "unknown setting \"dock.speed\""));
	assert_int_equal(count_rows(f->path), 0);
}

/* ---- lists ---- */

static void
test_ritual_values_replace_the_whole_list(void **state)
{
	struct test_db *f = *state;
	struct ft_error err;
	struct ft_config cfg = effective(f->st);
	const char *two[] = {"mon 18:00 call \"Call a friend\"", "thu 12:00 meal \"Lunch\""};
	assert_int_equal(cfg.nrituals, 2);
	assert_int_equal(settings_set(f->st, &cfg, "rituals.ritual", two, 2, 1000, &err), FT_EXIT_OK);
	struct ft_config again = effective(f->st);
	assert_int_equal(again.nrituals, 2);
	assert_string_equal(value_of(&again, "rituals.ritual", 0), "mon 18:00 call \"Call a friend\"");
	assert_string_equal(value_of(&again, "rituals.ritual", 1), "thu 12:00 meal \"Lunch\"");
	assert_int_equal(again.rituals[1].weekday, 3);
	assert_int_equal(again.rituals[1].kind, FT_RITUAL_MEAL);
	assert_string_equal(again.rituals[1].label, "Lunch");

	/* one ritual: the list is that one */
	const char *one[] = {"sat 10:00 walk \"Market walk\""};
	assert_int_equal(settings_set(f->st, &cfg, "rituals.ritual", one, 1, 1000, &err), FT_EXIT_OK);
	again = effective(f->st);
	assert_int_equal(again.nrituals, 1);
	assert_string_equal(again.rituals[0].label, "Market walk");

	/* a bad item refuses them all and keeps the list */
	const char *bad[] = {"sun 09:30 walk \"Family walk\"", "sun 25:00 walk"};
	assert_int_equal(settings_set(f->st, &cfg, "rituals.ritual", bad, 2, 1000, &err), FT_EXIT_USAGE);
	assert_int_equal(effective(f->st).nrituals, 1);

	/* no value at all: no rituals, which the display may choose */
	assert_int_equal(settings_set(f->st, &cfg, "rituals.ritual", NULL, 0, 1000, &err), FT_EXIT_OK);
	again = effective(f->st);
	assert_int_equal(again.nrituals, 0);
	assert_int_equal(again.source[key("rituals.ritual")], FT_SOURCE_DISPLAY);
	/* a key that is not a list takes exactly one value */
	assert_int_equal(settings_set(f->st, &cfg, "review.day", two, 2, 1000, &err), FT_EXIT_USAGE);
}

/* ---- printing ---- */

/* Every key's printed value, set back through config_set, prints the same:
 * the file (and settings set) takes back what settings prints. */
static void
test_every_value_prints_as_the_file_takes_it_back(void **state)
{
	struct ft_config cfg = test_config(
		"[dock]\nchip = \"pinctrl rp1\"\nlines = 5 6 7\nnames = Anna \"Mary Ann\" Zoë\n"
		"active_low = false\nbias = pull-down\ndebounce = 1500ms\n"
		"[meal]\nmin_phones = 3\nmin_duration = 90s\nmax_duration = 150min\ngrace = 2h\n"
		"windows = brunch 10:00-13:00, dinner 18:00-24:00\nweekly_goal = 4\n"
		"[walk]\nmin_duration = 25min\nweekly_goal = 2\n[hug]\nduration = 20s\n"
		"[rituals]\nritual = mon 18:00 call \"Call a friend\"\nritual = fri 19:00 meal Pizza night\n"
		"[review]\nday = sat\ntime = 18:05\n"
		"[display]\nnight = 22:30-06:00\nrotation = 270\nlanguage = fr\n"
		"[store]\npath = /var/lib/family table/ft.db\n[time]\ntimezone = America/New_York\n");
	struct ft_error err;
	(void)state;
	assert_string_equal(value_of(&cfg, "dock.names", 0), "Anna \"Mary Ann\" Zoë");
	assert_string_equal(value_of(&cfg, "dock.debounce", 0), "1500ms");
	assert_string_equal(value_of(&cfg, "meal.min_duration", 0), "90s");
	assert_string_equal(value_of(&cfg, "meal.max_duration", 0), "150min");
	assert_string_equal(value_of(&cfg, "meal.windows", 0), "brunch 10:00-13:00, dinner 18:00-24:00");
	assert_string_equal(value_of(&cfg, "rituals.ritual", 1), "fri 19:00 meal \"Pizza night\"");
	assert_string_equal(value_of(&cfg, "display.night", 0), "22:30-06:00");
	assert_string_equal(value_of(&cfg, "store.path", 0), "\"/var/lib/family table/ft.db\"");
	for (int k = 0; k < config_key_count(); k++) {
		char before[2][1024], after[1024];
		const char *values[2] = {before[0], before[1]};
		int n = config_value_count(&cfg, k);
		for (int i = 0; i < n; i++)
			config_format(&cfg, k, i, (char *)values[i], 1024);
		struct ft_config copy = cfg;
		if (!config_set(&copy, k, values, n, FT_SOURCE_DISPLAY, &err))
			fail_msg("%s: %s", config_key_name(k), err.msg);
		for (int i = 0; i < n; i++) {
			config_format(&copy, k, i, after, sizeof(after));
			assert_string_equal(after, values[i]);
		}
		assert_int_equal(copy.source[k], FT_SOURCE_DISPLAY);
	}
}

static void
test_settings_prints_every_key_with_its_source(void **state)
{
	struct test_db *f = *state;
	struct ft_error err;
	struct ft_config cfg = effective(f->st);
	char *text = NULL;
	size_t len = 0;
	assert_int_equal(set1(f, &cfg, "display.language", "fr", &err), FT_EXIT_OK);
	FILE *out = open_memstream(&text, &len);
	settings_print(out, &cfg);
	fclose(out);
	assert_non_null(strstr(text, "display.language = fr  # display\n"));
	assert_non_null(strstr(text, "meal.weekly_goal = 2  # file\n"));
	assert_non_null(strstr(text, "walk.weekly_goal = 1  # default\n"));
	assert_non_null(strstr(text, "rituals.ritual = mon 18:00 call \"Call a friend\"  # file\n"
				     "rituals.ritual = sun 09:30 walk \"Family walk\"  # file\n"));
	assert_non_null(strstr(text, "display.night =   # default\n")); /* unset */
	int lines = 0;
	for (char *p = text; *p; p++)
		lines += *p == '\n';
	/* one line a key, the two rituals on two */
	assert_int_equal(lines, config_key_count() + 1);
	free(text);
}

/* ---- a stored value the file no longer allows ---- */

static void
test_a_stored_value_the_file_no_longer_allows_is_skipped(void **state)
{
	struct test_db *f = *state;
	struct ft_error err;
	struct ft_config cfg = effective(f->st);
	assert_int_equal(set1(f, &cfg, "dock.names", "Ann Bo Cy Di", &err), FT_EXIT_OK);
	assert_int_equal(set1(f, &cfg, "walk.weekly_goal", "3", &err), FT_EXIT_OK);
	/* the installer rewires the dock to three lines */
	struct ft_config rewired = test_config("[dock]\nlines = 5 6 7\n");
	assert_true(settings_overlay(&rewired, f->st, &err));
	assert_int_equal(rewired.nslots, 3);
	assert_int_equal(rewired.nnames, 0); /* the four names do not fit */
	assert_int_equal(rewired.source[key("dock.names")], FT_SOURCE_DEFAULT);
	assert_int_equal(rewired.walk_goal, 3); /* the rest still applies */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_default_then_file_then_display, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset_gives_the_file_value_back_else_the_default, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_a_bad_value_is_refused_as_the_file_would_and_nothing_is_written, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_installers_keys_are_refused_saying_why, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ritual_values_replace_the_whole_list, setup, teardown),
		cmocka_unit_test(test_every_value_prints_as_the_file_takes_it_back),
		cmocka_unit_test_setup_teardown(test_settings_prints_every_key_with_its_source, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_stored_value_the_file_no_longer_allows_is_skipped,
						setup, teardown),
	};
	return cmocka_run_group_tests_name("settings", tests, NULL, NULL);
}
