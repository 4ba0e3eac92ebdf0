/*
 * test_config.c - SPEC §6: the INI file. Every key is optional and has the
 * default SPEC gives; durations take a unit (ms, s, min, h); comments are
 * lines starting with # or ;, and the rest of a line from a # after white
 * space outside quotes; the dock has as many slots as `lines` names, else
 * as `names` names, else 4; unknown sections, unknown keys, bad values and
 * repeated keys (except `ritual`) are errors that name the line.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"

/* The text fails to parse, and the message names "test.conf:LINE:" and
 * holds WHAT (when given). */
static void
assert_error_at(const char *ini, int line, const char *what)
{
	struct ft_config cfg;
	struct ft_error err;
	char where[32];
	config_defaults(&cfg);
	memset(&err, 0, sizeof(err));
	if (config_parse(&cfg, ini, "test.conf", &err))
		fail_msg("accepted, expected an error on line %d:\n%s", line, ini);
	snprintf(where, sizeof(where), "test.conf:%d:", line);
	if (strncmp(err.msg, where, strlen(where)) != 0)
		fail_msg("expected \"%s...\", got \"%s\"", where, err.msg);
	if (what && !strstr(err.msg, what))
		fail_msg("expected \"%s\" in \"%s\"", what, err.msg);
}

/* A value alone under its section: "[dock]\nkey = value\n", so the error
 * is on line 2. */
static void
assert_bad_value(const char *section, const char *key, const char *value)
{
	char ini[256];
	snprintf(ini, sizeof(ini), "[%s]\n%s = %s\n", section, key, value);
	assert_error_at(ini, 2, NULL);
}

static struct ft_config
with_value(const char *section, const char *key, const char *text)
{
	char ini[512];
	snprintf(ini, sizeof(ini), "[%s]\n%s = %s\n", section, key, text);
	return test_config(ini);
}

static ft_ms
duration(const char *text)
{
	ft_ms ms = -12345;
	if (!config_parse_duration(text, &ms))
		fail_msg("duration \"%s\" rejected", text);
	return ms;
}

/* ---- defaults ---- */

static void
test_defaults_are_those_of_spec_section_6(void **state)
{
	struct ft_config cfg;
	config_defaults(&cfg);
	assert_int_equal(cfg.debounce, 50);
	assert_int_equal(cfg.min_phones, 2);
	assert_int_equal(cfg.meal_min, 15 * FT_MINUTE);
	assert_int_equal(cfg.meal_max, 3 * FT_HOUR);
	assert_int_equal(cfg.grace, 2 * FT_MINUTE);
	assert_int_equal(cfg.nwindows, 3);
	assert_string_equal(cfg.windows[0].kind, "breakfast");
	assert_int_equal(cfg.windows[0].start, 6 * 60);
	assert_int_equal(cfg.windows[0].end, 10 * 60 + 30);
	assert_string_equal(cfg.windows[1].kind, "lunch");
	assert_int_equal(cfg.windows[1].start, 11 * 60 + 30);
	assert_int_equal(cfg.windows[1].end, 14 * 60 + 30);
	assert_string_equal(cfg.windows[2].kind, "dinner");
	assert_int_equal(cfg.windows[2].start, 17 * 60 + 30);
	assert_int_equal(cfg.windows[2].end, 21 * 60 + 30);
	assert_int_equal(cfg.meal_goal, 3);
	assert_int_equal(cfg.walk_goal, 1);
	assert_int_equal(cfg.walk_min, 20 * FT_MINUTE);
	assert_int_equal(cfg.hug, 20 * FT_SECOND);
	assert_int_equal(cfg.review_weekday, 6); /* Sunday */
	assert_int_equal(cfg.review_minute, 19 * 60 + 30);
	assert_int_equal(cfg.nslots, 4);         /* no lines, no names: 4 */
	assert_int_equal(cfg.nlines, 0);
	assert_int_equal(cfg.rotation, 0);
	assert_string_equal(cfg.language, "");   /* unset: from the locale */
	assert_string_equal(cfg.timezone, "");   /* unset: the system's */
	assert_string_equal(cfg.store_path, ""); /* unset: XDG data dir */
	assert_false(cfg.night_set);
}

static void
test_an_empty_file_or_only_comments_keeps_every_default(void **state)
{
	struct ft_config def, cfg;
	config_defaults(&def);
	cfg = test_config("");
	assert_memory_equal(&cfg, &def, sizeof(def));
	cfg = test_config("# nothing\n; nothing either\n\n   \n[dock]\n[meal]\n");
	assert_memory_equal(&cfg, &def, sizeof(def));
}

static void
test_every_key_of_the_spec_example_parses(void **state)
{
	/* SPEC §6's example file, verbatim but for the store path. */
	struct ft_config cfg = test_config(
		"[dock]\n"
		"chip = gpiochip0          # name, path or label (e.g. pinctrl-rp1 on a Pi 5)\n"
		"lines = 17 27 22 23       # one line offset per slot\n"
		"names = Anna Ben Chlo\xc3\xa9 \"Mary Ann\"   # one per slot; quote a name with a space\n"
		"active_low = true         # a closed switch pulls the line to ground\n"
		"bias = pull-up            # pull-up | pull-down | disable | as-is\n"
		"debounce = 50ms\n"
		"[meal]\n"
		"min_phones = 2\n"
		"min_duration = 15min\n"
		"max_duration = 3h\n"
		"grace = 2min\n"
		"windows = breakfast 06:00-10:30, lunch 11:30-14:30, dinner 17:30-21:30\n"
		"weekly_goal = 3\n"
		"[walk]\n"
		"min_duration = 20min\n"
		"weekly_goal = 1\n"
		"[hug]\n"
		"duration = 20s\n"
		"[rituals]\n"
		"ritual = mon 18:00 call \"Call a friend\"\n"
		"ritual = thu 12:00 meal \"Shared lunch\"\n"
		"ritual = sun 09:30 walk \"Family walk\"\n"
		"[review]\n"
		"day = sun\n"
		"time = 10:00\n"
		"[display]\n"
		"night = 22:00-06:30       # dimmed, wakes on touch or dock\n"
		"rotation = 0              # 0 | 90 | 180 | 270, picture and touch together\n"
		"language = en             # en | fr; unset: from the locale\n"
		"[store]\n"
		"path = /var/lib/familytable/familytable.db\n"
		"[time]\n"
		"timezone = Europe/Paris\n");
	assert_string_equal(cfg.chip, "gpiochip0");
	assert_int_equal(cfg.nslots, 4);
	assert_int_equal(cfg.nlines, 4);
	assert_int_equal(cfg.lines[0], 17);
	assert_int_equal(cfg.lines[1], 27);
	assert_int_equal(cfg.lines[2], 22);
	assert_int_equal(cfg.lines[3], 23);
	assert_string_equal(cfg.names[0], "Anna");
	assert_string_equal(cfg.names[1], "Ben");
	assert_string_equal(cfg.names[2], "Chlo\xc3\xa9");
	assert_string_equal(cfg.names[3], "Mary Ann");
	assert_true(cfg.active_low);
	assert_int_equal(cfg.bias, FT_BIAS_PULL_UP);
	assert_int_equal(cfg.nrituals, 3);
	assert_true(cfg.night_set);
	assert_int_equal(cfg.night_start, 22 * 60);
	assert_int_equal(cfg.night_end, 6 * 60 + 30);
	assert_string_equal(cfg.language, "en");
	assert_string_equal(cfg.store_path, "/var/lib/familytable/familytable.db");
	assert_string_equal(cfg.timezone, "Europe/Paris");
}

/* ---- durations ---- */

static void
test_durations_take_a_unit_ms_s_min_h(void **state)
{
	assert_int_equal(duration("50ms"), 50);
	assert_int_equal(duration("0ms"), 0);
	assert_int_equal(duration("20s"), 20 * FT_SECOND);
	assert_int_equal(duration("2min"), 2 * FT_MINUTE);
	assert_int_equal(duration("15min"), 15 * FT_MINUTE);
	assert_int_equal(duration("3h"), 3 * FT_HOUR);
	assert_int_equal(duration("90min"), 90 * FT_MINUTE);
	assert_int_equal(duration("1500ms"), 1500);
	/* and in the file */
	struct ft_config cfg = test_config("[dock]\ndebounce = 80ms\n[meal]\ngrace = 90s\n"
					   "min_duration = 10min\nmax_duration = 4h\n"
					   "[walk]\nmin_duration = 30min\n[hug]\nduration = 25s\n");
	assert_int_equal(cfg.debounce, 80);
	assert_int_equal(cfg.grace, 90 * FT_SECOND);
	assert_int_equal(cfg.meal_min, 10 * FT_MINUTE);
	assert_int_equal(cfg.meal_max, 4 * FT_HOUR);
	assert_int_equal(cfg.walk_min, 30 * FT_MINUTE);
	assert_int_equal(cfg.hug, 25 * FT_SECOND);
}

static void
test_a_duration_without_a_proper_unit_is_rejected(void **state)
{
	static const char *bad[] = {
		"5", "5 min", "-1s", "5days", "", "min", "ms", " 5s", "5s ", "1.5h",
		"+5s", "5 ", "five min", "5mins", "5hours", "0x10s", "5s5",
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		ft_ms ms;
		if (config_parse_duration(bad[i], &ms))
			fail_msg("duration \"%s\" accepted as %lld ms", bad[i], (long long)ms);
	}
}

static void
test_a_bad_duration_in_the_file_names_its_line(void **state)
{
	assert_error_at("[dock]\nchip = gpiochip0\ndebounce = 5 min\n", 3, "5 min");
	assert_error_at("[meal]\ngrace = 5\n", 2, NULL);
	assert_error_at("[walk]\nmin_duration = -1s\n", 2, NULL);
	assert_error_at("# a comment\n\n[hug]\nduration = 5days\n", 4, NULL);
	/* a meal, a grace, a walk or a hug of no time at all makes no sense */
	assert_error_at("[meal]\nmin_duration = 0min\n", 2, NULL);
	assert_error_at("[meal]\ngrace = 0s\n", 2, NULL);
	assert_error_at("[hug]\nduration = 0s\n", 2, NULL);
}

/* ---- comments ---- */

static void
test_hash_and_semicolon_lines_are_comments(void **state)
{
	struct ft_config cfg = test_config(
		"# the kitchen dock\n"
		"; an old-style comment\n"
		"[dock]\n"
		"   # indented comment\n"
		"\t; indented too\n"
		"#chip = nothing\n"
		";chip = nothing\n"
		"chip = gpiochip1\n");
	assert_string_equal(cfg.chip, "gpiochip1");
}

static void
test_hash_after_white_space_ends_the_line(void **state)
{
	struct ft_config cfg = test_config("[dock]\nchip = gpiochip2 # the Pi 5 chip\n"
					   "debounce = 70ms\t# tab before it\n"
					   "[meal] # the meal section\n");
	assert_string_equal(cfg.chip, "gpiochip2");
	assert_int_equal(cfg.debounce, 70);
}

static void
test_hash_inside_quotes_or_a_word_is_kept(void **state)
{
	struct ft_config cfg = test_config("[dock]\nchip = a#b\nnames = \"Anna #1\" Ben\n");
	assert_string_equal(cfg.chip, "a#b");
	assert_int_equal(cfg.nslots, 2);
	assert_string_equal(cfg.names[0], "Anna #1");
	assert_string_equal(cfg.names[1], "Ben");
	/* a label in quotes keeps its " # " too, and the comment after it goes */
	cfg = test_config("[rituals]\nritual = mon 18:00 call \"Call #2 # friend\" # a comment\n");
	assert_int_equal(cfg.nrituals, 1);
	assert_string_equal(cfg.rituals[0].label, "Call #2 # friend");
}

static void
test_semicolon_in_the_middle_of_a_line_is_not_a_comment(void **state)
{
	/* Only a # after white space ends a line; a ; does so only at its start. */
	struct ft_config cfg = test_config("[dock]\nchip = left ;right\n");
	assert_string_equal(cfg.chip, "left ;right");
}

/* ---- names and slots ---- */

static void
test_names_may_be_quoted_and_utf8(void **state)
{
	struct ft_config cfg = test_config("[dock]\nnames = Anna Ben Chlo\xc3\xa9 \"Mary Ann\"\n");
	assert_int_equal(cfg.nslots, 4);
	assert_string_equal(cfg.names[0], "Anna");
	assert_string_equal(cfg.names[1], "Ben");
	assert_string_equal(cfg.names[2], "Chlo\xc3\xa9");
	assert_string_equal(cfg.names[3], "Mary Ann");
	cfg = test_config("[dock]\nnames = Zo\xc3\xab \"Jean Ren\xc3\xa9\" \xe6\x9d\x8e\xe9\x9b\xb7\n");
	assert_int_equal(cfg.nslots, 3);
	assert_string_equal(cfg.names[0], "Zo\xc3\xab");
	assert_string_equal(cfg.names[1], "Jean Ren\xc3\xa9");
	assert_string_equal(cfg.names[2], "\xe6\x9d\x8e\xe9\x9b\xb7");
}

static void
test_a_slot_without_a_name_is_called_by_its_number(void **state)
{
	char buf[FT_NAME_MAX];
	struct ft_config cfg = test_config("[dock]\nlines = 5 6 13\n");
	assert_string_equal(config_slot_name(&cfg, 1, buf), "1");
	assert_string_equal(config_slot_name(&cfg, 3, buf), "3");
	cfg = test_config("[dock]\nnames = Anna Ben\n");
	assert_string_equal(config_slot_name(&cfg, 2, buf), "Ben");
}

static void
test_slots_are_as_many_as_lines_else_names_else_four(void **state)
{
	struct ft_config cfg = test_config("[dock]\nlines = 17 27 22\n");
	assert_int_equal(cfg.nslots, 3);
	cfg = test_config("[dock]\nnames = Anna Ben\n");
	assert_int_equal(cfg.nslots, 2);
	cfg = test_config("[dock]\nlines = 5 6 13 19 26\nnames = A B C D E\n");
	assert_int_equal(cfg.nslots, 5);
	cfg = test_config("[dock]\nnames = A B C D E\nlines = 5 6 13 19 26\n");
	assert_int_equal(cfg.nslots, 5);
	cfg = test_config("[dock]\nchip = gpiochip0\n");
	assert_int_equal(cfg.nslots, 4);
	/* a single switch: one slot and min_phones = 1 */
	cfg = test_config("[dock]\nlines = 17\n[meal]\nmin_phones = 1\n");
	assert_int_equal(cfg.nslots, 1);
	assert_int_equal(cfg.min_phones, 1);
}

static void
test_lines_and_names_that_disagree_name_the_names_line(void **state)
{
	assert_error_at("[dock]\nlines = 17 27 22\nnames = Anna Ben\n", 3, NULL);
	assert_error_at("[dock]\nnames = Anna Ben Chloe\n# more\nlines = 17 27\n", 2, NULL);
}

static void
test_min_phones_larger_than_the_dock_is_an_error(void **state)
{
	assert_error_at("[dock]\nlines = 17 27\n[meal]\nmin_phones = 3\n", 4, "min_phones");
	assert_error_at("[meal]\nmin_phones = 5\n", 2, "min_phones"); /* 4 slots by default */
	/* two phones by default on a one-slot dock */
	assert_error_at("[dock]\nlines = 17\n", 2, "min_phones");
	struct ft_config cfg = test_config("[meal]\nmin_phones = 4\n");
	assert_int_equal(cfg.min_phones, 4);
}

static void
test_bad_lines_and_names_name_their_line(void **state)
{
	assert_error_at("[dock]\nlines = 17 x 22\n", 2, NULL);
	assert_error_at("[dock]\nlines = 17 -3\n", 2, NULL);
	assert_error_at("[dock]\nlines = 17 17\n", 2, NULL);   /* one line, two slots */
	assert_error_at("[dock]\nnames = Anna \"Mary Ann\n", 2, NULL); /* quote not closed */
	assert_error_at("[dock]\nnames = Anna \"\" Ben\n", 2, NULL);   /* an empty name */
	assert_error_at("[dock]\nlines = 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", 2, NULL);
}

/* ---- errors name their line ---- */

static void
test_unknown_section_names_its_header_line(void **state)
{
	assert_error_at("[dock]\nchip = gpiochip0\n\n[kitchen]\nchip = x\n", 4, "kitchen");
	assert_error_at("# first\n[Dock]\n", 2, NULL);
	assert_error_at("[dock\nchip = x\n", 1, NULL);
}

static void
test_unknown_key_names_its_line(void **state)
{
	assert_error_at("[dock]\nchip = gpiochip0\nslots = 4\n", 3, "slots");
	/* a key of another section is unknown here */
	assert_error_at("[walk]\nmin_phones = 2\n", 2, NULL);
	assert_error_at("[meal]\n# comment\n\nweekly_goals = 3\n", 4, NULL);
	/* a key before any section, and a line that is not key = value */
	assert_error_at("chip = gpiochip0\n", 1, NULL);
	assert_error_at("[dock]\nchip\n", 2, NULL);
}

static void
test_a_key_set_twice_names_the_second_line(void **state)
{
	assert_error_at("[dock]\nchip = a\ndebounce = 50ms\nchip = b\n", 4, "chip");
	/* even in a second [meal] header */
	assert_error_at("[meal]\ngrace = 2min\n[walk]\n[meal]\ngrace = 3min\n", 5, "grace");
	assert_error_at("[review]\nday = sun\nday = sat\n", 3, NULL);
	/* min_duration of [meal] and of [walk] are two keys */
	struct ft_config cfg = test_config("[meal]\nmin_duration = 10min\n[walk]\nmin_duration = 25min\n");
	assert_int_equal(cfg.meal_min, 10 * FT_MINUTE);
	assert_int_equal(cfg.walk_min, 25 * FT_MINUTE);
}

static void
test_a_key_with_no_value_names_its_line(void **state)
{
	assert_error_at("[dock]\nchip = x\ndebounce =\n", 3, NULL);
	assert_error_at("[meal]\nwindows = \n", 2, NULL);
}

/* ---- rituals ---- */

static void
test_rituals_repeat_and_keep_day_time_kind_label(void **state)
{
	struct ft_config cfg = test_config(
		"[rituals]\n"
		"ritual = mon 18:00 call \"Call a friend\"\n"
		"ritual = thu 12:00 meal \"Shared lunch\"\n"
		"ritual = sun 09:30 walk \"Family walk\"\n");
	assert_int_equal(cfg.nrituals, 3);
	assert_int_equal(cfg.rituals[0].weekday, 0);
	assert_int_equal(cfg.rituals[0].minute, 18 * 60);
	assert_int_equal(cfg.rituals[0].kind, FT_RITUAL_CALL);
	assert_string_equal(cfg.rituals[0].label, "Call a friend");
	assert_int_equal(cfg.rituals[1].weekday, 3);
	assert_int_equal(cfg.rituals[1].minute, 12 * 60);
	assert_int_equal(cfg.rituals[1].kind, FT_RITUAL_MEAL);
	assert_string_equal(cfg.rituals[1].label, "Shared lunch");
	assert_int_equal(cfg.rituals[2].weekday, 6);
	assert_int_equal(cfg.rituals[2].minute, 9 * 60 + 30);
	assert_int_equal(cfg.rituals[2].kind, FT_RITUAL_WALK);
	assert_string_equal(cfg.rituals[2].label, "Family walk");
	/* a UTF-8 label */
	cfg = test_config("[rituals]\nritual = fri 19:00 meal \"D\xc3\xaener en famille\"\n");
	assert_int_equal(cfg.nrituals, 1);
	assert_int_equal(cfg.rituals[0].weekday, 4);
	assert_string_equal(cfg.rituals[0].label, "D\xc3\xaener en famille");
}

static void
test_bad_ritual_day_time_or_kind_names_its_line(void **state)
{
	const char *head = "[rituals]\nritual = mon 18:00 call \"Call a friend\"\n";
	char ini[256];
	static const char *bad[] = {
		"funday 18:00 call \"x\"",   /* day */
		"monday 18:00 call \"x\"",
		"mon 25:00 call \"x\"",      /* time */
		"mon 18:60 call \"x\"",
		"mon 1800 call \"x\"",
		"mon 6pm call \"x\"",
		"mon 24:00 call \"x\"",
		"mon 18:00 dance \"x\"",     /* kind */
		"mon 18:00",                 /* no kind */
		"mon",
		"mon 18:00 call \"x",        /* label quote not closed */
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		snprintf(ini, sizeof(ini), "%sritual = %s\n", head, bad[i]);
		assert_error_at(ini, 3, NULL);
	}
}

/* ---- meal windows ---- */

static void
test_windows_are_a_comma_separated_list(void **state)
{
	struct ft_config cfg = with_value("meal", "windows", "brunch 10:00-13:00, tea 16:00-17:00");
	assert_int_equal(cfg.nwindows, 2);
	assert_string_equal(cfg.windows[0].kind, "brunch");
	assert_int_equal(cfg.windows[0].start, 10 * 60);
	assert_int_equal(cfg.windows[0].end, 13 * 60);
	assert_string_equal(cfg.windows[1].kind, "tea");
	assert_int_equal(cfg.windows[1].start, 16 * 60);
	assert_int_equal(cfg.windows[1].end, 17 * 60);
	cfg = with_value("meal", "windows", "dinner 18:00-22:00");
	assert_int_equal(cfg.nwindows, 1);
	assert_string_equal(cfg.windows[0].kind, "dinner");
}

static void
test_a_window_that_ends_before_it_starts_runs_past_midnight(void **state)
{
	struct ft_config cfg = with_value("meal", "windows", "dinner 18:00-22:00, late 22:30-01:00");
	assert_int_equal(cfg.nwindows, 2);
	assert_int_equal(cfg.windows[1].start, 22 * 60 + 30);
	assert_int_equal(cfg.windows[1].end, 60);
	cfg = with_value("meal", "windows", "late 20:00-00:00");
	assert_int_equal(cfg.windows[0].end, 0);
}

static void
test_a_window_must_have_a_length(void **state)
{
	assert_bad_value("meal", "windows", "dinner 17:30-17:30");
	assert_bad_value("meal", "windows", "breakfast 06:00-10:30, dinner 21:30-21:30");
	assert_bad_value("meal", "windows", "late 24:00-01:00");
	assert_bad_value("meal", "windows", "dinner 17:30");
	assert_bad_value("meal", "windows", "dinner 17:30-25:00");
	assert_bad_value("meal", "windows", "dinner 5pm-9pm");
	assert_bad_value("meal", "windows", "17:30-21:30");
	assert_bad_value("meal", "windows", "dinner 17:30-21:30 extra");
	assert_bad_value("meal", "windows", "dinner 17:30-21:30, dinner 18:00-19:00"); /* twice */
}

/* ---- the other values ---- */

static void
test_bias_is_one_of_four(void **state)
{
	assert_int_equal(with_value("dock", "bias", "pull-up").bias, FT_BIAS_PULL_UP);
	assert_int_equal(with_value("dock", "bias", "pull-down").bias, FT_BIAS_PULL_DOWN);
	assert_int_equal(with_value("dock", "bias", "disable").bias, FT_BIAS_DISABLE);
	assert_int_equal(with_value("dock", "bias", "as-is").bias, FT_BIAS_AS_IS);
	assert_bad_value("dock", "bias", "pullup");
	assert_bad_value("dock", "bias", "up");
	assert_bad_value("dock", "bias", "pull-up pull-down");
}

static void
test_active_low_is_a_boolean(void **state)
{
	assert_true(with_value("dock", "active_low", "true").active_low);
	assert_false(with_value("dock", "active_low", "false").active_low);
	assert_bad_value("dock", "active_low", "maybe");
	assert_bad_value("dock", "active_low", "2");
}

static void
test_rotation_is_0_90_180_or_270(void **state)
{
	assert_int_equal(with_value("display", "rotation", "0").rotation, 0);
	assert_int_equal(with_value("display", "rotation", "90").rotation, 90);
	assert_int_equal(with_value("display", "rotation", "180").rotation, 180);
	assert_int_equal(with_value("display", "rotation", "270").rotation, 270);
	assert_bad_value("display", "rotation", "45");
	assert_bad_value("display", "rotation", "360");
	assert_bad_value("display", "rotation", "-90");
	assert_bad_value("display", "rotation", "90deg");
	assert_bad_value("display", "rotation", "left");
}

static void
test_language_is_en_or_fr(void **state)
{
	assert_string_equal(with_value("display", "language", "en").language, "en");
	assert_string_equal(with_value("display", "language", "fr").language, "fr");
	assert_bad_value("display", "language", "de");
	assert_bad_value("display", "language", "english");
}

static void
test_night_is_a_range_that_may_wrap_midnight(void **state)
{
	struct ft_config cfg = with_value("display", "night", "22:00-06:30");
	assert_true(cfg.night_set);
	assert_int_equal(cfg.night_start, 22 * 60);
	assert_int_equal(cfg.night_end, 6 * 60 + 30);
	cfg = with_value("display", "night", "01:00-05:00");
	assert_int_equal(cfg.night_start, 60);
	assert_int_equal(cfg.night_end, 5 * 60);
	assert_bad_value("display", "night", "22:00");
	assert_bad_value("display", "night", "22:00-22:00");
	assert_bad_value("display", "night", "25:00-06:00");
	assert_bad_value("display", "night", "late");
}

static void
test_review_day_and_time(void **state)
{
	struct ft_config cfg = test_config("[review]\nday = sat\ntime = 19:30\n");
	assert_int_equal(cfg.review_weekday, 5);
	assert_int_equal(cfg.review_minute, 19 * 60 + 30);
	assert_int_equal(with_value("review", "day", "mon").review_weekday, 0);
	assert_bad_value("review", "day", "someday");
	assert_bad_value("review", "day", "7");
	assert_bad_value("review", "time", "10h");
	assert_bad_value("review", "time", "24:00");
	assert_bad_value("review", "time", "9:60");
}

static void
test_goals_and_min_phones_are_whole_numbers_from_one(void **state)
{
	assert_int_equal(with_value("meal", "weekly_goal", "5").meal_goal, 5);
	assert_int_equal(with_value("walk", "weekly_goal", "2").walk_goal, 2);
	assert_bad_value("meal", "weekly_goal", "0");
	assert_bad_value("meal", "weekly_goal", "-1");
	assert_bad_value("meal", "weekly_goal", "three");
	assert_bad_value("walk", "weekly_goal", "1.5");
	assert_bad_value("meal", "min_phones", "0");
	assert_bad_value("meal", "min_phones", "2 phones");
}

static void
test_min_duration_longer_than_max_duration_is_an_error(void **state)
{
	assert_error_at("[meal]\nmin_duration = 4h\n", 2, NULL); /* default max is 3h */
	assert_error_at("[meal]\nmax_duration = 10min\n", 2, NULL); /* default min is 15min */
}

static void
test_quoted_store_path_and_timezone(void **state)
{
	struct ft_config cfg = test_config("[store]\npath = \"/data/family table/ft.db\"\n"
					   "[time]\ntimezone = America/New_York\n");
	assert_string_equal(cfg.store_path, "/data/family table/ft.db");
	assert_string_equal(cfg.timezone, "America/New_York");
}

static void
test_an_unknown_time_zone_names_its_line(void **state)
{
	/* SPEC §6: a bad value is an error that names its line; the zone is
	 * checked where it is parsed. */
	assert_error_at("[time]\ntimezone = Mars/Olympus_Mons\n", 2, "Mars/Olympus_Mons");
	assert_error_at("[time]\ntimezone = ../../etc/passwd\n", 2, NULL);
}

static void
test_a_long_comment_line_is_still_a_comment(void **state)
{
	/* Only what comes before a comment must fit the line buffer: a long
	 * comment does not break a good file. */
	char ini[2200];
	memset(ini, 0, sizeof(ini));
	strcpy(ini, "[dock]\n# ");
	memset(ini + strlen(ini), 'x', 1500);
	strcat(ini, "\nchip = gpiochip4\n");
	struct ft_config cfg = test_config(ini);
	assert_string_equal(cfg.chip, "gpiochip4");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_are_those_of_spec_section_6),
		cmocka_unit_test(test_an_empty_file_or_only_comments_keeps_every_default),
		cmocka_unit_test(test_every_key_of_the_spec_example_parses),
		cmocka_unit_test(test_durations_take_a_unit_ms_s_min_h),
		cmocka_unit_test(test_a_duration_without_a_proper_unit_is_rejected),
		cmocka_unit_test(test_a_bad_duration_in_the_file_names_its_line),
		cmocka_unit_test(test_hash_and_semicolon_lines_are_comments),
		cmocka_unit_test(test_hash_after_white_space_ends_the_line),
		cmocka_unit_test(test_hash_inside_quotes_or_a_word_is_kept),
		cmocka_unit_test(test_semicolon_in_the_middle_of_a_line_is_not_a_comment),
		cmocka_unit_test(test_names_may_be_quoted_and_utf8),
		cmocka_unit_test(test_a_slot_without_a_name_is_called_by_its_number),
		cmocka_unit_test(test_slots_are_as_many_as_lines_else_names_else_four),
		cmocka_unit_test(test_lines_and_names_that_disagree_name_the_names_line),
		cmocka_unit_test(test_min_phones_larger_than_the_dock_is_an_error),
		cmocka_unit_test(test_bad_lines_and_names_name_their_line),
		cmocka_unit_test(test_unknown_section_names_its_header_line),
		cmocka_unit_test(test_unknown_key_names_its_line),
		cmocka_unit_test(test_a_key_set_twice_names_the_second_line),
		cmocka_unit_test(test_a_key_with_no_value_names_its_line),
		cmocka_unit_test(test_rituals_repeat_and_keep_day_time_kind_label),
		cmocka_unit_test(test_bad_ritual_day_time_or_kind_names_its_line),
		cmocka_unit_test(test_windows_are_a_comma_separated_list),
		cmocka_unit_test(test_a_window_that_ends_before_it_starts_runs_past_midnight),
		cmocka_unit_test(test_a_window_must_have_a_length),
		cmocka_unit_test(test_bias_is_one_of_four),
		cmocka_unit_test(test_active_low_is_a_boolean),
		cmocka_unit_test(test_rotation_is_0_90_180_or_270),
		cmocka_unit_test(test_language_is_en_or_fr),
		cmocka_unit_test(test_night_is_a_range_that_may_wrap_midnight),
		cmocka_unit_test(test_review_day_and_time),
		cmocka_unit_test(test_goals_and_min_phones_are_whole_numbers_from_one),
		cmocka_unit_test(test_min_duration_longer_than_max_duration_is_an_error),
		cmocka_unit_test(test_quoted_store_path_and_timezone),
		cmocka_unit_test(test_an_unknown_time_zone_names_its_line),
		cmocka_unit_test(test_a_long_comment_line_is_still_a_comment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
