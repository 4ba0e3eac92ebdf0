/*
 * test_scenario.c - SPEC §5, the scenario file: one event a line in time
 * order, `#` starts a comment, blank lines are skipped; anything else is an
 * error that names the line ("x.scn:N:") and yields no events at all: an
 * out-of-order time, an unknown slot, an unknown word, a bad time or
 * number, a `walk stop` with no walk started, a walk of zero or fewer
 * minutes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "scenario.h"

/* Four slots, Paris (for lines written in local time). */
static const char *const paris = "[time]\ntimezone = Europe/Paris\n";

static struct scenario
parse_ok(const char *text, const struct ft_config *cfg, bool walk_open)
{
	struct scenario sc;
	struct ft_error err;
	if (!scenario_parse(&sc, text, "x.scn", cfg, walk_open, &err))
		fail_msg("scenario rejected: %s", err.msg);
	return sc;
}

/* TEXT fails to parse; the message starts with "x.scn:LINE:" and holds
 * WHAT when given; nothing is left behind. */
static void
assert_error_at(const char *text, const struct ft_config *cfg, bool walk_open, int line,
		const char *what)
{
	struct scenario sc;
	struct ft_error err;
	char where[32];
	memset(&err, 0, sizeof(err));
	if (scenario_parse(&sc, text, "x.scn", cfg, walk_open, &err)) {
		scenario_free(&sc);
		fail_msg("accepted, expected an error on line %d:\n%s", line, text);
	}
	snprintf(where, sizeof(where), "x.scn:%d:", line);
	if (strncmp(err.msg, where, strlen(where)) != 0)
		fail_msg("expected \"%s...\", got \"%s\"", where, err.msg);
	if (what && !strstr(err.msg, what))
		fail_msg("expected \"%s\" in \"%s\"", what, err.msg);
	/* a failed parse holds no events: a run would have nothing to write */
	assert_null(sc.events);
	assert_int_equal(sc.n, 0);
}

/* ---- every kind of line ---- */

static void
test_the_spec_example_parses_line_by_line(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok(
		"2026-11-23T18:55:00+01:00      dock 1 in\n"
		"2026-11-23T18:55:00.030+01:00  dock 1 out      # a bounce, shorter than debounce\n"
		"2026-11-23T18:55:00.040+01:00  dock 1 in\n"
		"2026-11-23T18:56:10+01:00      dock 2 in       # session starts here (2 phones)\n"
		"2026-11-23T19:40:00+01:00      dock 1 out\n"
		"2026-11-23T19:40:03+01:00      dock 2 out      # session ended 19:40:00\n"
		"2026-11-29T09:30:00+01:00      walk 45         # a 45-minute walk starting then\n"
		"2026-11-29T11:00:00+01:00      walk start\n"
		"2026-11-29T11:25:00+01:00      walk stop\n"
		"2026-11-29T12:00:00+01:00      hug             # a completed hug timer\n"
		"2026-11-29T12:05:00+01:00      tap call        # a 'call' ritual marked done (the only tap)\n",
		&cfg, false);
	assert_int_equal(sc.n, 11);
	assert_string_equal(sc.name, "x.scn");

	assert_int_equal(sc.events[0].kind, SCN_DOCK);
	assert_int_equal(sc.events[0].t, T("2026-11-23T17:55:00Z"));
	assert_int_equal(sc.events[0].slot, 1);
	assert_int_equal(sc.events[0].level, 1);
	assert_int_equal(sc.events[0].line, 1);

	assert_int_equal(sc.events[1].kind, SCN_DOCK);
	assert_int_equal(sc.events[1].t - sc.events[0].t, 30); /* milliseconds kept */
	assert_int_equal(sc.events[1].slot, 1);
	assert_int_equal(sc.events[1].level, 0);

	assert_int_equal(sc.events[3].slot, 2);
	assert_int_equal(sc.events[3].level, 1);
	assert_int_equal(sc.events[5].slot, 2);
	assert_int_equal(sc.events[5].level, 0);
	assert_int_equal(sc.events[5].line, 6);

	assert_int_equal(sc.events[6].kind, SCN_WALK);
	assert_int_equal(sc.events[6].t, T("2026-11-29T09:30:00+01:00"));
	assert_int_equal(sc.events[6].length, 45 * FT_MINUTE);

	assert_int_equal(sc.events[7].kind, SCN_WALK_START);
	assert_int_equal(sc.events[7].t, T("2026-11-29T11:00:00+01:00"));
	assert_int_equal(sc.events[8].kind, SCN_WALK_STOP);
	assert_int_equal(sc.events[8].t, T("2026-11-29T11:25:00+01:00"));

	assert_int_equal(sc.events[9].kind, SCN_HUG);
	assert_int_equal(sc.events[9].t, T("2026-11-29T12:00:00+01:00"));

	assert_int_equal(sc.events[10].kind, SCN_TAP);
	assert_string_equal(sc.events[10].tap, "call");
	assert_int_equal(sc.events[10].line, 11);
	scenario_free(&sc);
	assert_null(sc.events);
}

/* SPEC §5: "tap call FROM TO", FROM a dock name or slot number, TO any name,
 * each quoted when it holds a space; both or neither. */
static const char *const family =
	"[dock]\nnames = Anna Ben Chloé \"Mary Ann\"\n[time]\ntimezone = Europe/Paris\n";

static void
test_a_call_may_say_who_called_and_whom(void **state)
{
	struct ft_config cfg = test_config(family);
	struct scenario sc = parse_ok(
		"2026-11-29T12:05:00+01:00      tap call        # a call logged\n"
		"2026-11-30T18:10:00+01:00      tap call Anna \"Grandma Jo\"   # who called, and whom\n"
		"2026-11-30T18:20:00+01:00 tap call \"Mary Ann\" Paul\n"
		"2026-11-30T18:30:00+01:00 tap call 2 \"Uncle Paul # the one in Lyon\"\n"
		"2026-11-30T18:40:00+01:00 tap call Chloé\t\"Mamie\"# no space before the comment\n",
		&cfg, false);
	assert_int_equal(sc.n, 5);
	for (size_t i = 0; i < sc.n; i++) {
		assert_int_equal(sc.events[i].kind, SCN_TAP);
		assert_string_equal(sc.events[i].tap, "call");
	}
	assert_int_equal(sc.events[0].from_slot, 0); /* not said */
	assert_string_equal(sc.events[0].to, "");
	assert_int_equal(sc.events[1].from_slot, 1);
	assert_string_equal(sc.events[1].to, "Grandma Jo");
	assert_int_equal(sc.events[2].from_slot, 4);
	assert_string_equal(sc.events[2].to, "Paul");
	assert_int_equal(sc.events[3].from_slot, 2); /* a slot number */
	assert_string_equal(sc.events[3].to, "Uncle Paul # the one in Lyon");
	assert_int_equal(sc.events[4].from_slot, 3);
	assert_string_equal(sc.events[4].to, "Mamie");
	scenario_free(&sc);
	/* a slot without a name is called by its number */
	cfg = test_config(paris);
	sc = parse_ok("2026-11-30T18:10:00+01:00 tap call 4 Grandma\n", &cfg, false);
	assert_int_equal(sc.events[0].from_slot, 4);
	scenario_free(&sc);
}

static void
test_a_call_from_someone_not_on_the_dock_names_its_line(void **state)
{
	struct ft_config cfg = test_config(family);
	const char *first = "2026-11-30T18:00:00+01:00 hug\n";
	static const char *bad[] = {
		"tap call Zoé Grandma",       /* not a name of the dock */
		"tap call anna Grandma",      /* names are as written in the config */
		"tap call Mary Grandma",      /* "Mary Ann" is one name */
		"tap call 0 Grandma",         /* slots are 1..4 */
		"tap call 5 Grandma",
	};
	char text[256];
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		snprintf(text, sizeof(text), "%s2026-11-30T18:10:00+01:00 %s\n", first, bad[i]);
		assert_error_at(text, &cfg, false, 2, "unknown caller");
	}
	/* the message says who could have called */
	assert_error_at("2026-11-30T18:10:00+01:00 tap call Zoé Grandma\n", &cfg, false, 1,
			"Anna, Ben, Chloé, Mary Ann");
}

static void
test_a_call_says_both_who_and_whom_or_neither(void **state)
{
	struct ft_config cfg = test_config(family);
	static const char *bad[] = {
		"tap call Anna",                       /* whom is missing */
		"tap call Anna Grandma Jo",            /* a name with a space, not quoted */
		"tap call Anna \"Grandma Jo",          /* a quote not closed */
		"tap call Anna \"\"",                  /* an empty name */
		"tap call Anna \"A name far longer than forty-seven bytes, the limit\"",
	};
	char text[256];
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		snprintf(text, sizeof(text), "2026-11-30T18:00:00+01:00 hug\n2026-11-30T18:10:00+01:00 %s\n",
			 bad[i]);
		assert_error_at(text, &cfg, false, 2, NULL);
	}
}

static void
test_away_marks_and_away_off_unmarks(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("2026-12-01T09:00:00+01:00 away\n"
				      "2026-12-08T09:00:00+01:00 away off\n",
				      &cfg, false);
	assert_int_equal(sc.n, 2);
	assert_int_equal(sc.events[0].kind, SCN_AWAY);
	assert_true(sc.events[0].away);
	assert_int_equal(sc.events[0].t, T("2026-12-01T09:00:00+01:00"));
	assert_int_equal(sc.events[1].kind, SCN_AWAY);
	assert_false(sc.events[1].away);
	scenario_free(&sc);
}

static void
test_every_slot_of_the_dock_is_known(void **state)
{
	struct ft_config cfg = test_config("[dock]\nlines = 5 6 13\n");
	struct scenario sc = parse_ok("2026-03-02T18:00:00-05:00 dock 1 in\n"
				      "2026-03-02T18:00:00-05:00 dock 3 in\n"
				      "2026-03-02T18:00:01-05:00 dock 2 in\n",
				      &cfg, false);
	assert_int_equal(sc.n, 3);
	assert_int_equal(sc.events[0].slot, 1);
	assert_int_equal(sc.events[1].slot, 3);
	assert_int_equal(sc.events[2].slot, 2);
	scenario_free(&sc);
}

static void
test_comments_and_blank_lines_are_skipped_but_counted(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("# a week at home\n"
				      "\n"
				      "   \t  \n"
				      "2026-11-23T18:55:00+01:00 dock 1 in # after an event\n"
				      "    # indented comment\n"
				      "2026-11-23T18:56:00+01:00 hug#no space before it\n"
				      "\n",
				      &cfg, false);
	assert_int_equal(sc.n, 2);
	assert_int_equal(sc.events[0].kind, SCN_DOCK);
	assert_int_equal(sc.events[0].line, 4);
	assert_int_equal(sc.events[1].kind, SCN_HUG);
	assert_int_equal(sc.events[1].line, 6);
	scenario_free(&sc);
	/* nothing but comments is an empty scenario, not an error */
	sc = parse_ok("# nothing yet\n\n", &cfg, false);
	assert_int_equal(sc.n, 0);
	scenario_free(&sc);
	sc = parse_ok("", &cfg, false);
	assert_int_equal(sc.n, 0);
	scenario_free(&sc);
}

static void
test_equal_times_are_in_order(void **state)
{
	/* SPEC §2.2: changes at the same instant apply together (a swap). */
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("2026-11-23T18:55:00+01:00 dock 1 in\n"
				      "2026-11-23T18:55:00+01:00 dock 2 in\n"
				      "2026-11-23T17:55:00Z dock 3 in\n" /* the same instant, in UTC */
				      "2026-11-23T18:55:00 hug\n",       /* and in local time */
				      &cfg, false);
	assert_int_equal(sc.n, 4);
	assert_int_equal(sc.events[0].t, sc.events[3].t);
	scenario_free(&sc);
}

static void
test_times_may_be_local_utc_or_with_offset(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("2026-11-23T18:55:00 hug\n"
				      "2026-11-23T18:00:00Z hug\n"
				      "2026-11-23T14:00:00-05:00 hug\n",
				      &cfg, false);
	assert_int_equal(sc.events[0].t, T("2026-11-23T17:55:00Z"));
	assert_int_equal(sc.events[1].t, T("2026-11-23T18:00:00Z"));
	assert_int_equal(sc.events[2].t, T("2026-11-23T19:00:00Z"));
	scenario_free(&sc);
}

static void
test_windows_line_endings_are_accepted(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("2026-11-23T18:55:00+01:00 dock 1 in\r\n"
				      "2026-11-23T18:56:00+01:00 walk 30\r\n",
				      &cfg, false);
	assert_int_equal(sc.n, 2);
	assert_int_equal(sc.events[0].level, 1);
	assert_int_equal(sc.events[1].length, 30 * FT_MINUTE);
	scenario_free(&sc);
}

/* ---- walks across runs ---- */

static void
test_walk_stop_ends_a_walk_started_by_a_previous_run(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("2026-11-29T11:25:00+01:00 walk stop\n", &cfg, true);
	assert_int_equal(sc.n, 1);
	assert_int_equal(sc.events[0].kind, SCN_WALK_STOP);
	scenario_free(&sc);
	/* and then a new walk may start and stop */
	sc = parse_ok("2026-11-29T11:25:00+01:00 walk stop\n"
		      "2026-11-29T15:00:00+01:00 walk start\n"
		      "2026-11-29T15:40:00+01:00 walk stop\n",
		      &cfg, true);
	assert_int_equal(sc.n, 3);
	scenario_free(&sc);
}

static void
test_walk_start_while_a_walk_is_in_progress_is_an_error(void **state)
{
	struct ft_config cfg = test_config(paris);
	/* started by a previous run */
	assert_error_at("# resumed\n2026-11-29T11:00:00+01:00 walk start\n", &cfg, true, 2, NULL);
	/* started above in this file */
	assert_error_at("2026-11-29T11:00:00+01:00 walk start\n"
			"2026-11-29T11:10:00+01:00 hug\n"
			"2026-11-29T11:20:00+01:00 walk start\n",
			&cfg, false, 3, NULL);
}

static void
test_walk_stop_with_no_walk_started_is_an_error(void **state)
{
	struct ft_config cfg = test_config(paris);
	assert_error_at("2026-11-29T11:00:00+01:00 hug\n"
			"2026-11-29T11:25:00+01:00 walk stop\n",
			&cfg, false, 2, NULL);
	/* the second stop of a start/stop pair */
	assert_error_at("2026-11-29T11:00:00+01:00 walk start\n"
			"2026-11-29T11:25:00+01:00 walk stop\n"
			"2026-11-29T11:26:00+01:00 walk stop\n",
			&cfg, false, 3, NULL);
	/* a walk given as a duration is not an open walk */
	assert_error_at("2026-11-29T09:30:00+01:00 walk 45\n"
			"2026-11-29T10:15:00+01:00 walk stop\n",
			&cfg, false, 2, NULL);
}

/* ---- errors name the line ---- */

static void
test_a_time_before_the_line_above_is_out_of_order(void **state)
{
	struct ft_config cfg = test_config(paris);
	assert_error_at("2026-11-23T18:55:00+01:00 dock 1 in\n"
			"# a comment line\n"
			"2026-11-23T18:56:00+01:00 dock 2 in\n"
			"2026-11-23T18:55:59.999+01:00 dock 2 out\n",
			&cfg, false, 4, NULL);
	/* the order is of instants, not of the text: 18:30Z is after 19:00+01:00 */
	struct scenario sc = parse_ok("2026-11-23T19:00:00+01:00 hug\n"
				      "2026-11-23T18:30:00Z hug\n",
				      &cfg, false);
	assert_int_equal(sc.n, 2);
	scenario_free(&sc);
	assert_error_at("2026-11-23T18:30:00Z hug\n"
			"2026-11-23T19:00:00+01:00 hug\n",
			&cfg, false, 2, NULL);
}

static void
test_an_unknown_slot_names_its_line(void **state)
{
	struct ft_config cfg = test_config(paris); /* four slots */
	const char *first = "2026-11-23T18:55:00+01:00 dock 1 in\n";
	char text[256];
	static const char *slots[] = {"0", "5", "-1", "99"};
	for (size_t i = 0; i < FT_ARRAY_LEN(slots); i++) {
		snprintf(text, sizeof(text), "%s2026-11-23T18:56:00+01:00 dock %s in\n", first, slots[i]);
		assert_error_at(text, &cfg, false, 2, "slot");
	}
	/* N+1 of a three-slot dock */
	cfg = test_config("[dock]\nlines = 5 6 13\n");
	assert_error_at("2026-03-02T18:00:00-05:00 dock 4 in\n", &cfg, false, 1, "slot");
}

static void
test_an_unknown_word_names_its_line(void **state)
{
	struct ft_config cfg = test_config(paris);
	static const char *bad[] = {
		"dance",              /* no such event */
		"Dock 1 in",          /* words are lower case */
		"dock 1 sideways",    /* in or out */
		"dock 1",             /* in or out missing */
		"dock 1 in now",
		"walk",               /* minutes, start or stop missing */
		"walk start now",
		"hug twice",
		"tap",                /* tap call */
		"tap hug",
		"away maybe",
		"away off now",
	};
	char text[256];
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		snprintf(text, sizeof(text), "2026-11-23T18:55:00+01:00 hug\n\n2026-11-23T18:56:00+01:00 %s\n",
			 bad[i]);
		assert_error_at(text, &cfg, false, 3, NULL);
	}
	/* a time alone is not an event */
	assert_error_at("2026-11-23T18:55:00+01:00\n", &cfg, false, 1, NULL);
}

static void
test_a_bad_time_names_its_line(void **state)
{
	struct ft_config cfg = test_config(paris);
	static const char *bad[] = {
		"2026-11-23T25:00:00+01:00", "2026-02-29T12:00:00+01:00", "2026-11-23T18:55+01:00",
		"2026-11-23", "yesterday", "18:55", "2026-11-23T18:55:00+01:00junk",
	};
	char text[256];
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		snprintf(text, sizeof(text), "# day one\n%s hug\n", bad[i]);
		assert_error_at(text, &cfg, false, 2, NULL);
	}
}

static void
test_a_bad_number_names_its_line(void **state)
{
	struct ft_config cfg = test_config(paris);
	static const char *bad[] = {
		"walk forty", "walk 4x5", "walk 45min", "walk 1.5", "dock one in", "dock 1x in",
	};
	char text[256];
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		snprintf(text, sizeof(text), "2026-11-23T18:55:00+01:00 hug\n2026-11-29T09:30:00+01:00 %s\n",
			 bad[i]);
		assert_error_at(text, &cfg, false, 2, NULL);
	}
}

static void
test_a_walk_of_zero_or_fewer_minutes_names_its_line(void **state)
{
	struct ft_config cfg = test_config(paris);
	assert_error_at("2026-11-29T09:30:00+01:00 walk 0\n", &cfg, false, 1, NULL);
	assert_error_at("2026-11-29T09:00:00+01:00 hug\n2026-11-29T09:30:00+01:00 walk -5\n", &cfg, false,
			2, NULL);
	/* one minute is a walk (too short to count, but not an error) */
	struct scenario sc = parse_ok("2026-11-29T09:30:00+01:00 walk 1\n", &cfg, false);
	assert_int_equal(sc.events[0].length, FT_MINUTE);
	scenario_free(&sc);
}

static void
test_one_bad_line_after_good_ones_fails_the_whole_file(void **state)
{
	/* Bad input changes nothing: not even the good lines above survive. */
	struct ft_config cfg = test_config(paris);
	assert_error_at("2026-11-23T18:55:00+01:00 dock 1 in\n"
			"2026-11-23T18:56:10+01:00 dock 2 in\n"
			"2026-11-23T19:40:00+01:00 dock 1 out\n"
			"2026-11-23T19:40:03+01:00 dock 7 out\n"
			"2026-11-29T12:00:00+01:00 hug\n",
			&cfg, false, 4, NULL);
}

static void
test_scenario_load_names_the_file(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc;
	struct ft_error err;
	char path[] = "/tmp/ft-scenario-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("2026-11-23T18:55:00+01:00 hug\n2026-11-23T18:56:00+01:00 hug hug\n", f);
	fclose(f);
	assert_false(scenario_load(&sc, path, &cfg, false, &err));
	char where[64];
	snprintf(where, sizeof(where), "%s:2:", path);
	assert_true(strncmp(err.msg, where, strlen(where)) == 0);
	unlink(path);
	/* a file that is not there */
	assert_false(scenario_load(&sc, path, &cfg, false, &err));
	assert_non_null(strstr(err.msg, path));
}

static void
test_words_are_separated_by_spaces_or_tabs(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct scenario sc = parse_ok("  2026-11-23T18:55:00+01:00\tdock\t2\tin\n"
				      "2026-11-23T18:56:00+01:00 \t walk   stop\n",
				      &cfg, true);
	assert_int_equal(sc.n, 2);
	assert_int_equal(sc.events[0].kind, SCN_DOCK);
	assert_int_equal(sc.events[0].slot, 2);
	assert_int_equal(sc.events[0].level, 1);
	assert_int_equal(sc.events[1].kind, SCN_WALK_STOP);
	scenario_free(&sc);
}

static void
test_a_walk_stopped_when_it_started_is_a_walk_of_zero_minutes(void **state)
{
	/* SPEC §5: a walk of zero or fewer minutes is an error that names the
	 * line, found by the parser (exit 2) before anything is written. */
	struct ft_config cfg = test_config(paris);
	assert_error_at("2026-11-29T11:00:00+01:00 walk start\n"
			"2026-11-29T11:00:00+01:00 walk stop\n",
			&cfg, false, 2, NULL);
}

static void
test_a_long_comment_line_is_still_a_comment(void **state)
{
	/* Only the words before a comment must fit the line buffer. */
	struct ft_config cfg = test_config(paris);
	char text[2200];
	memset(text, 0, sizeof(text));
	strcpy(text, "# ");
	memset(text + 2, '-', 1500);
	strcat(text, "\n2026-11-29T12:00:00+01:00 hug\n");
	struct scenario sc = parse_ok(text, &cfg, false);
	assert_int_equal(sc.n, 1);
	assert_int_equal(sc.events[0].line, 2);
	scenario_free(&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_spec_example_parses_line_by_line),
		cmocka_unit_test(test_a_call_may_say_who_called_and_whom),
		cmocka_unit_test(test_a_call_from_someone_not_on_the_dock_names_its_line),
		cmocka_unit_test(test_a_call_says_both_who_and_whom_or_neither),
		cmocka_unit_test(test_away_marks_and_away_off_unmarks),
		cmocka_unit_test(test_every_slot_of_the_dock_is_known),
		cmocka_unit_test(test_comments_and_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(test_equal_times_are_in_order),
		cmocka_unit_test(test_times_may_be_local_utc_or_with_offset),
		cmocka_unit_test(test_windows_line_endings_are_accepted),
		cmocka_unit_test(test_walk_stop_ends_a_walk_started_by_a_previous_run),
		cmocka_unit_test(test_walk_start_while_a_walk_is_in_progress_is_an_error),
		cmocka_unit_test(test_walk_stop_with_no_walk_started_is_an_error),
		cmocka_unit_test(test_a_time_before_the_line_above_is_out_of_order),
		cmocka_unit_test(test_an_unknown_slot_names_its_line),
		cmocka_unit_test(test_an_unknown_word_names_its_line),
		cmocka_unit_test(test_a_bad_time_names_its_line),
		cmocka_unit_test(test_a_bad_number_names_its_line),
		cmocka_unit_test(test_a_walk_of_zero_or_fewer_minutes_names_its_line),
		cmocka_unit_test(test_one_bad_line_after_good_ones_fails_the_whole_file),
		cmocka_unit_test(test_scenario_load_names_the_file),
		cmocka_unit_test(test_words_are_separated_by_spaces_or_tabs),
		cmocka_unit_test(test_a_walk_stopped_when_it_started_is_a_walk_of_zero_minutes),
		cmocka_unit_test(test_a_long_comment_line_is_still_a_comment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
