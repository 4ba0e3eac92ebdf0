/*
 * test_report.c - SPEC §3 calls and bonds, §4 rhythm and §5 "Report JSON"
 * as report_build and the printers give them, on a real SQLite file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "store.h"
#include "test.h"

/* Four slots: Anna, Ben, Chloé, Dan. */
static const char *const family =
	"[dock]\nlines = 17 27 22 23\nnames = Anna Ben Chloé Dan\n[time]\ntimezone = Europe/Paris\n";

struct fixture {
	char dir[64], path[96];
	struct ft_config cfg;
	struct store *st;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct ft_error err;
	test_temp_dir(f->dir, "report");
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	f->cfg = test_config(family);
	if (!(f->st = store_open(f->path, &err)))
		fail_msg("%s", err.msg);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	test_remove_dir(f->dir);
	free(f);
	return 0;
}

/* A session of CLS from START for MINUTES with the slots of MEMBERS (bit
 * slot-1), a meal of KIND dated on its start's day. */
static void
add_session(struct fixture *f, const char *start, int minutes, unsigned members, enum session_class cls,
	    const char *kind)
{
	struct ft_error err;
	struct session s = {.start = T(start), .phones = 2, .members = members, .cls = cls};
	s.end = s.start + minutes * FT_MINUTE;
	s.date = cal_day_of(s.start);
	snprintf(s.kind, sizeof(s.kind), "%s", cls == SESSION_MEAL ? kind : "");
	assert_true(store_add_session(f->st, &s, &f->cfg, NULL, &err));
}

static void
build(struct fixture *f, const char *week_monday, struct report *r)
{
	struct ft_error err;
	int64_t week = cal_week_of(T(week_monday));
	if (!report_build_week(f->st, &f->cfg, week, cal_week_start(week + 1), r, &err))
		fail_msg("%s", err.msg);
}

/* The report printed as JSON (or text), NUL-terminated, malloc'd. */
static char *
print(const struct report *r, const struct ft_config *cfg, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	if (json)
		report_print_json(out, r, cfg);
	else
		report_print_text(out, r, cfg);
	assert_int_equal(fclose(out), 0);
	return buf;
}

/* ---- §3 bonds ---- */

static void
test_a_pair_shares_each_meal_once_across_its_sessions(void **state)
{
	struct fixture *f = *state;
	struct report r;
	/* one Monday dinner in three sessions: Anna and Ben, then Ben and
	 * Chloé, then Anna and Ben again. Together its members are Anna, Ben,
	 * Chloé: each pair shared that one dinner once, Anna and Chloé too. */
	add_session(f, "2026-11-30T18:00:00+01:00", 20, 1u | 2u, SESSION_MEAL, "dinner");
	add_session(f, "2026-11-30T18:30:00+01:00", 20, 2u | 4u, SESSION_MEAL, "dinner");
	add_session(f, "2026-11-30T19:00:00+01:00", 20, 1u | 2u, SESSION_MEAL, "dinner");
	build(f, "2026-11-30T12:00:00+01:00", &r);
	assert_int_equal(r.meal_count, 1);
	assert_int_equal(r.npairs, 3);
	for (int i = 0; i < r.npairs; i++)
		assert_int_equal(r.pairs[i].meals, 1);
	assert_int_equal(r.pairs[0].slot[0], 1);
	assert_int_equal(r.pairs[0].slot[1], 2);
	assert_int_equal(r.pairs[1].slot[0], 1);
	assert_int_equal(r.pairs[1].slot[1], 3);
	assert_int_equal(r.pairs[2].slot[0], 2);
	assert_int_equal(r.pairs[2].slot[1], 3);
	report_free(&r);
}

static void
test_only_meals_make_bonds(void **state)
{
	struct fixture *f = *state;
	struct report r;
	/* phones down outside a meal window, a short one, phones left charging */
	add_session(f, "2026-11-30T15:00:00+01:00", 40, 1u | 2u, SESSION_PHONES_DOWN, "");
	add_session(f, "2026-12-01T19:00:00+01:00", 5, 1u | 4u, SESSION_SHORT, "");
	add_session(f, "2026-12-01T22:00:00+01:00", 500, 2u | 4u, SESSION_LEFT_DOCKED, "");
	build(f, "2026-11-30T12:00:00+01:00", &r);
	assert_int_equal(r.npairs, 0);
	char *json = print(&r, &f->cfg, true);
	assert_non_null(strstr(json, "\"bonds\": { \"pairs\": [] }"));
	free(json);
	report_free(&r);
}

static void
test_pairs_sorted_by_meals_then_slot_numbers(void **state)
{
	struct fixture *f = *state;
	struct report r;
	/* Chloé and Dan: 3 meals; Anna and Dan, Ben and Chloé: 2 each;
	 * Anna and Ben, Anna and Chloé, Ben and Dan: 1; members in slot order */
	add_session(f, "2026-11-30T19:00:00+01:00", 30, 4u | 8u, SESSION_MEAL, "dinner");
	add_session(f, "2026-12-01T19:00:00+01:00", 30, 1u | 4u | 8u, SESSION_MEAL, "dinner");
	add_session(f, "2026-12-02T12:00:00+01:00", 30, 2u | 4u | 8u, SESSION_MEAL, "lunch");
	add_session(f, "2026-12-02T19:00:00+01:00", 30, 1u | 8u, SESSION_MEAL, "dinner");
	add_session(f, "2026-12-03T08:00:00+01:00", 30, 1u | 2u, SESSION_MEAL, "breakfast");
	add_session(f, "2026-12-03T12:00:00+01:00", 30, 2u | 4u, SESSION_MEAL, "lunch");
	build(f, "2026-11-30T12:00:00+01:00", &r);
	static const int want[][3] = {
		{3, 4, 3}, {1, 4, 2}, {2, 3, 2}, {1, 2, 1}, {1, 3, 1}, {2, 4, 1},
	};
	assert_int_equal(r.npairs, (int)FT_ARRAY_LEN(want));
	for (int i = 0; i < r.npairs; i++) {
		assert_int_equal(r.pairs[i].slot[0], want[i][0]);
		assert_int_equal(r.pairs[i].slot[1], want[i][1]);
		assert_int_equal(r.pairs[i].meals, want[i][2]);
	}
	char *json = print(&r, &f->cfg, true);
	/* the meals' member lists come first: look at the pairs only */
	const char *bonds = strstr(json, "\"bonds\"");
	assert_non_null(bonds);
	assert_non_null(strstr(bonds, "{ \"members\": [\"Chloé\", \"Dan\"], \"meals\": 3 }"));
	static const char *const order[] = {
		"[\"Chloé\", \"Dan\"]", "[\"Anna\", \"Dan\"]", "[\"Ben\", \"Chloé\"]",
		"[\"Anna\", \"Ben\"]", "[\"Anna\", \"Chloé\"]", "[\"Ben\", \"Dan\"]",
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(order); i++) {
		const char *at = strstr(bonds, order[i]);
		assert_non_null(at);
		bonds = at;
	}
	free(json);
	report_free(&r);
}

static void
test_pairs_over_four_weeks_for_the_review(void **state)
{
	struct fixture *f = *state;
	struct report r;
	/* this week Anna and Ben; two and three weeks before Anna and Ben
	 * again, and Chloé and Dan; five weeks before: not in the four */
	add_session(f, "2026-12-01T19:00:00+01:00", 30, 1u | 2u, SESSION_MEAL, "dinner");
	add_session(f, "2026-11-17T19:00:00+01:00", 30, 1u | 2u, SESSION_MEAL, "dinner");
	add_session(f, "2026-11-10T19:00:00+01:00", 30, 4u | 8u, SESSION_MEAL, "dinner");
	add_session(f, "2026-10-27T19:00:00+01:00", 30, 4u | 8u, SESSION_MEAL, "dinner");
	add_session(f, "2026-11-11T19:00:00+01:00", 40, 4u | 8u, SESSION_PHONES_DOWN, "");
	build(f, "2026-11-30T12:00:00+01:00", &r);
	assert_int_equal(r.npairs, 1);
	assert_int_equal(r.npairs4, 2);
	assert_int_equal(r.pairs4[0].slot[0], 1); /* Anna and Ben: 2, first */
	assert_int_equal(r.pairs4[0].slot[1], 2);
	assert_int_equal(r.pairs4[0].meals, 2);
	assert_int_equal(r.pairs4[1].slot[0], 3); /* Chloé and Dan: 1 (Oct 27 is five weeks back) */
	assert_int_equal(r.pairs4[1].meals, 1);
	char buf[FT_NAME_MAX];
	assert_string_equal(report_member_name(&r, &f->cfg, 4, buf), "Dan");
	report_free(&r);
}

/* ---- §3, §5 calls ---- */

static void
test_calls_in_time_order_with_who_and_whom_or_null(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct report r;
	ft_ms a = T("2026-12-02T18:40:00+01:00"), b = T("2026-11-30T18:05:00+01:00"),
	      c = T("2026-12-03T09:00:00+01:00"), next = T("2026-12-07T10:00:00+01:00");
	assert_true(store_add_call(f->st, a, cal_day_of(a), 3, "Grandma Jo", NULL, &err));
	assert_true(store_add_call(f->st, b, cal_day_of(b), 0, NULL, NULL, &err));
	assert_true(store_add_call(f->st, c, cal_day_of(c), 4, "Uncle \"Paul\"", NULL, &err));
	assert_true(store_add_call(f->st, next, cal_day_of(next), 1, "Next week", NULL, &err));
	build(f, "2026-11-30T12:00:00+01:00", &r);
	assert_int_equal(r.ncalls, 3);
	assert_int_equal(r.calls[0].t, b);
	assert_string_equal(r.calls[0].from, "");
	assert_int_equal(r.calls[1].t, a);
	assert_string_equal(r.calls[1].from, "Chloé"); /* by the slot's name */
	assert_string_equal(r.calls[1].to, "Grandma Jo");
	assert_string_equal(r.calls[2].from, "Dan");
	char *json = print(&r, &f->cfg, true);
	assert_non_null(strstr(json, "{ \"time\": \"2026-11-30T18:05:00+01:00\", \"from\": null, \"to\": null }"));
	assert_non_null(strstr(json, "{ \"time\": \"2026-12-02T18:40:00+01:00\", \"from\": \"Chloé\", \"to\": \"Grandma Jo\" }"));
	assert_non_null(strstr(json, "\"from\": \"Dan\", \"to\": \"Uncle \\\"Paul\\\"\" }"));
	assert_null(strstr(json, "Next week"));
	free(json);
	char *text = print(&r, &f->cfg, false);
	assert_non_null(strstr(text, "Wed 18:40  Chloé called Grandma Jo"));
	free(text);
	report_free(&r);
	/* a dock without names: the caller by the slot's number */
	f->cfg = test_config("[dock]\nlines = 17 27 22 23\n[time]\ntimezone = Europe/Paris\n");
	build(f, "2026-11-30T12:00:00+01:00", &r);
	assert_string_equal(r.calls[1].from, "3");
	assert_string_equal(r.calls[2].from, "4");
	/* a call keeps the week's call ritual (SPEC §3) */
	f->cfg = test_config("[dock]\nnames = Anna Ben Chloé Dan\n[rituals]\nritual = mon 18:00 call \"Call a friend\"\n"
			     "[time]\ntimezone = Europe/Paris\n");
	report_free(&r);
	build(f, "2026-11-30T12:00:00+01:00", &r);
	assert_true(r.ritual_kept[0]);
	report_free(&r);
}

/* ---- §4 rhythm in the report ---- */

static void
test_rhythm_null_is_printed_as_null_and_shown_as_nothing(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct report r;
	add_session(f, "2026-11-30T19:00:00+01:00", 30, 1u | 2u, SESSION_MEAL, "dinner");
	/* as of Wednesday of the first week: no complete week yet */
	if (!report_build(f->st, &f->cfg, T("2026-12-02T12:00:00+01:00"), &r, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(r.rhythm_meals, HABITS_NO_RHYTHM);
	assert_int_equal(r.rhythm_walks, HABITS_NO_RHYTHM);
	char *json = print(&r, &f->cfg, true);
	assert_non_null(strstr(json, "\"rhythm\": { \"meals\": null, \"walks\": null }"));
	free(json);
	char *text = print(&r, &f->cfg, false);
	assert_null(strstr(text, "0%"));
	free(text);
	report_free(&r);
	/* the week complete (`--week`): one meal of three, no walk */
	build(f, "2026-11-30T12:00:00+01:00", &r);
	json = print(&r, &f->cfg, true);
	assert_non_null(strstr(json, "\"rhythm\": { \"meals\": 33, \"walks\": 0 }"));
	free(json);
	report_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_pair_shares_each_meal_once_across_its_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_meals_make_bonds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pairs_sorted_by_meals_then_slot_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pairs_over_four_weeks_for_the_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_calls_in_time_order_with_who_and_whom_or_null, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rhythm_null_is_printed_as_null_and_shown_as_nothing, setup, teardown),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
