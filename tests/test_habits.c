/*
 * test_habits.c - SPEC §2.8 counting, §3 walks/hugs/rituals, §4 goals,
 * streaks, away weeks and rhythm, on histories built by hand (the meal
 * count through the store, where distinct meals are made).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "habits.h"
#include "store.h"
#include "test.h"

static const char *paris = "[time]\ntimezone = Europe/Paris\n";

/* A history builder: days are given as "2027-01-11". */
struct hb {
	struct history h;
	size_t cap_m, cap_w, cap_h, cap_a, cap_t;
};

static int64_t
D(const char *date)
{
	char buf[40];
	snprintf(buf, sizeof(buf), "%sT12:00:00", date);
	return cal_day_of(T(buf));
}

static int64_t
W(const char *date)
{
	return cal_week_of_day(D(date));
}

static void
hb_init(struct hb *b, const char *at)
{
	memset(b, 0, sizeof(*b));
	b->h.at = T(at);
	b->h.first_day = INT64_MAX;
	b->h.meals = calloc(64, sizeof(*b->h.meals));
	b->h.walks = calloc(64, sizeof(*b->h.walks));
	b->h.hug_days = calloc(512, sizeof(*b->h.hug_days));
	b->h.away_weeks = calloc(64, sizeof(*b->h.away_weeks));
	b->h.taps = calloc(64, sizeof(*b->h.taps));
}

static void
first(struct hb *b, int64_t day)
{
	if (day < b->h.first_day)
		b->h.first_day = day;
}

static void
meal(struct hb *b, const char *date, const char *kind)
{
	struct history_meal *m = &b->h.meals[b->h.nmeals++];
	m->day = D(date);
	snprintf(m->kind, sizeof(m->kind), "%s", kind);
	first(b, m->day);
}

static void
walk(struct hb *b, const char *date, int minutes)
{
	struct history_walk *w = &b->h.walks[b->h.nwalks++];
	w->day = D(date);
	w->length = minutes * FT_MINUTE;
	first(b, w->day);
}

static void
hug(struct hb *b, int64_t day)
{
	b->h.hug_days[b->h.nhug_days++] = day;
	first(b, day);
}

static void
tap(struct hb *b, const char *date)
{
	struct history_tap *t = &b->h.taps[b->h.ntaps++];
	t->day = D(date);
	strcpy(t->kind, "call");
	first(b, t->day);
}

static void
away(struct hb *b, const char *date)
{
	b->h.away_weeks[b->h.naway++] = W(date);
}

/* The history with its weeks figured from the rows the test gave (as the
 * store does for a week whose rows ended after T): called at each use, as
 * tests add rows and move T between uses. */
static const struct history *
hs(struct hb *b)
{
	assert_true(history_summarize(&b->h, INT64_MIN, INT64_MAX, cal_week_of(b->h.at)));
	return &b->h;
}

/* Three dinners in the week of MONDAY. */
static void
met_week(struct hb *b, int64_t monday)
{
	for (int d = 0; d < 5; d += 2) {
		struct history_meal *m = &b->h.meals[b->h.nmeals++];
		m->day = monday + d;
		strcpy(m->kind, "dinner");
		first(b, m->day);
	}
}

/* ---- §2.8 counting ---- */

/* SPEC §2.8 through the code that holds it (the store's history and the
 * count): sessions logged as meals, two of them in one dinner window on
 * one day, as the engine logs them. A count of sessions would say 4. */
static void
test_meal_count_is_distinct_date_and_kind(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct ft_error err;
	char dir[] = "/tmp/ft-habits-XXXXXX", path[64], cmd[96];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.db", dir);
	struct store *st = store_open(path, &err);
	assert_non_null(st);
	static const struct {
		const char *start, *kind;
	} meals[] = {
		{"2026-11-30T19:00:00+01:00", "dinner"},
		{"2026-11-30T20:10:00+01:00", "dinner"}, /* the same dinner: one count */
		{"2026-11-30T12:00:00+01:00", "lunch"},
		{"2026-12-06T19:00:00+01:00", "dinner"},
		{"2026-12-07T19:00:00+01:00", "dinner"}, /* next week */
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(meals); i++) {
		struct session s = {.start = T(meals[i].start), .phones = 2, .members = 3u,
				    .cls = SESSION_MEAL};
		s.end = s.start + 40 * FT_MINUTE;
		s.date = cal_day_of(s.start);
		snprintf(s.kind, sizeof(s.kind), "%s", meals[i].kind);
		assert_true(store_add_session(st, &s, &cfg, NULL, &err));
	}
	struct history h;
	assert_true(store_load_history(st, T("2026-12-14T00:00:00+01:00"), &h, &err));
	assert_int_equal(habits_meal_count(&h, W("2026-11-30")), 3);
	assert_int_equal(habits_count(&h, &cfg, HABIT_MEALS, W("2026-12-07")), 1);
	/* the streak's per-week counts agree: 3 meet the goal of 3, 1 does not */
	struct streak sk = habits_streak(&h, &cfg, HABIT_MEALS);
	assert_int_equal(sk.best, 1);
	history_free(&h);
	store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- §3 walks and hugs ---- */

static void
test_walk_counts_from_min_duration_once_a_day(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	ft_ms length;
	hb_init(&b, "2026-12-07T00:00:00+01:00");
	walk(&b, "2026-12-01", 19);  /* too short */
	walk(&b, "2026-12-02", 20);  /* exactly enough */
	walk(&b, "2026-12-06", 25);
	walk(&b, "2026-12-06", 45);  /* same day: one count */
	assert_int_equal(habits_walk_count(hs(&b), &cfg, W("2026-12-01"), &length), 2);
	assert_int_equal(length, (20 + 25 + 45) * FT_MINUTE); /* counted walks only */
	history_free(&b.h);
}

static void
test_walk_min_duration_from_config(void **state)
{
	struct ft_config cfg = test_config("[walk]\nmin_duration = 30min\n[time]\ntimezone = Europe/Paris\n");
	struct hb b;
	hb_init(&b, "2026-12-07T00:00:00+01:00");
	walk(&b, "2026-12-02", 29);
	assert_int_equal(habits_walk_count(hs(&b), &cfg, W("2026-12-01"), NULL), 0);
	history_free(&b.h);
}

/* The walk threshold is one rule (habits_walk_counts): exactly
 * min_duration counts, a millisecond less does not, whatever the setting. */
static void
test_a_walk_counts_from_exactly_min_duration(void **state)
{
	struct ft_config cfg = test_config("[walk]\nmin_duration = 30min\n");
	assert_true(habits_walk_counts(&cfg, 30 * FT_MINUTE));
	assert_false(habits_walk_counts(&cfg, 30 * FT_MINUTE - 1));
	cfg = test_config("");
	assert_true(habits_walk_counts(&cfg, cfg.walk_min));
	assert_false(habits_walk_counts(&cfg, cfg.walk_min - 1));
	assert_false(habits_walk_counts(&cfg, 0));
}

static void
test_hug_figure_is_days_with_a_hug(void **state)
{
	struct hb b;
	test_config(paris);
	hb_init(&b, "2026-12-07T00:00:00+01:00");
	hug(&b, D("2026-12-01"));
	hug(&b, D("2026-12-02"));
	hug(&b, D("2026-12-08"));
	assert_int_equal(habits_hug_days(hs(&b), W("2026-12-01")), 2);
	history_free(&b.h);
}

/* ---- §3 rituals ---- */

static void
test_rituals_kept(void **state)
{
	struct ft_config cfg = test_config("[rituals]\n"
					   "ritual = mon 18:00 call \"Call a friend\"\n"
					   "ritual = thu 12:00 meal \"Shared lunch\"\n"
					   "ritual = sun 09:30 walk \"Family walk\"\n"
					   "[time]\ntimezone = Europe/Paris\n");
	struct hb b;
	int64_t week = W("2026-11-30");
	hb_init(&b, "2026-12-07T00:00:00+01:00");
	assert_false(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[0], week));
	tap(&b, "2026-11-30");
	assert_true(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[0], week));
	/* a dinner on Thursday does not keep a lunch ritual; a lunch does */
	meal(&b, "2026-12-03", "dinner");
	assert_false(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[1], week));
	meal(&b, "2026-12-03", "lunch");
	assert_true(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[1], week));
	/* a walk too short to count keeps nothing; a walk another day neither */
	walk(&b, "2026-12-06", 10);
	walk(&b, "2026-12-05", 60);
	assert_false(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[2], week));
	walk(&b, "2026-12-06", 30);
	assert_true(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[2], week));
	/* kept in that week only */
	assert_false(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[0], week + 1));
	history_free(&b.h);
}

/* A meal ritual at a time past midnight is kept by the meal of the window
 * that opened the evening before. */
static void
test_a_ritual_in_a_window_past_midnight(void **state)
{
	struct ft_config cfg = test_config("[meal]\nwindows = dinner 18:00-22:00, late 22:30-01:30\n"
					   "[rituals]\nritual = sat 00:30 meal \"Midnight snack\"\n"
					   "ritual = fri 23:00 meal \"Late supper\"\n"
					   "[time]\ntimezone = Europe/Paris\n");
	struct hb b;
	int64_t week = W("2026-11-30");
	hb_init(&b, "2026-12-07T00:00:00+01:00");
	/* Saturday's late meal (window opening Saturday 22:30) keeps neither */
	meal(&b, "2026-12-05", "late");
	assert_false(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[0], week));
	assert_false(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[1], week));
	/* Friday's late meal keeps both: Friday 23:00 and Saturday 00:30 */
	meal(&b, "2026-12-04", "late");
	assert_true(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[0], week));
	assert_true(habits_ritual_kept(hs(&b), &cfg, &cfg.rituals[1], week));
	history_free(&b.h);
}

/* ---- §4 streaks ---- */

static void
test_streak_current_and_best(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	/* met, met, missed, met; T is the end of the fourth week */
	hb_init(&b, "2027-02-08T00:00:00+01:00");
	met_week(&b, w0);
	met_week(&b, w0 + 7);
	meal(&b, "2027-01-25", "dinner");
	met_week(&b, w0 + 21);
	struct streak s = habits_streak(hs(&b), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 1);
	assert_int_equal(s.best, 2);
	history_free(&b.h);
}

static void
test_week_in_progress_extends_once_met_and_never_breaks(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	/* two met weeks, and two dinners so far in the third */
	hb_init(&b, "2027-01-27T21:00:00+01:00");
	met_week(&b, w0);
	met_week(&b, w0 + 7);
	meal(&b, "2027-01-25", "dinner");
	meal(&b, "2027-01-26", "dinner");
	struct streak s = habits_streak(hs(&b), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 2); /* not broken yet */
	meal(&b, "2027-01-27", "dinner");
	s = habits_streak(hs(&b), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 3); /* met: extends now */
	assert_int_equal(s.best, 3);
	history_free(&b.h);
}

static void
test_complete_week_not_met_breaks(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	hb_init(&b, "2027-02-01T00:00:00+01:00"); /* the third week just ended */
	met_week(&b, w0);
	met_week(&b, w0 + 7);
	meal(&b, "2027-01-25", "dinner");
	meal(&b, "2027-01-26", "dinner");
	struct streak s = habits_streak(hs(&b), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 0);
	assert_int_equal(s.best, 2);
	history_free(&b.h);
}

static void
test_away_week_neither_breaks_nor_extends(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-02-01"));
	hb_init(&b, "2027-02-22T00:00:00+01:00");
	met_week(&b, w0);
	away(&b, "2027-02-08");      /* no meals, away */
	met_week(&b, w0 + 14);
	struct streak s = habits_streak(hs(&b), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 2);
	assert_int_equal(s.best, 2);
	/* an away week with meals met does not extend either */
	struct hb c;
	hb_init(&c, "2027-02-22T00:00:00+01:00");
	met_week(&c, w0);
	met_week(&c, w0 + 7);
	away(&c, "2027-02-08");
	met_week(&c, w0 + 14);
	s = habits_streak(hs(&c), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 2);
	history_free(&b.h);
	history_free(&c.h);
}

static void
test_goal_from_config_applies_to_the_whole_history(void **state)
{
	struct ft_config cfg = test_config("[meal]\nweekly_goal = 4\n[time]\ntimezone = Europe/Paris\n");
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	hb_init(&b, "2027-01-25T00:00:00+01:00");
	met_week(&b, w0);      /* 3: met then, not with a goal of 4 */
	met_week(&b, w0 + 7);
	meal(&b, "2027-01-24", "lunch");
	struct streak s = habits_streak(hs(&b), &cfg, HABIT_MEALS);
	assert_int_equal(s.current, 1);
	assert_int_equal(s.best, 1);
	history_free(&b.h);
}

static void
test_walk_streak(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	hb_init(&b, "2026-12-21T00:00:00+01:00");
	walk(&b, "2026-11-30", 30);
	walk(&b, "2026-12-08", 30);
	walk(&b, "2026-12-15", 15); /* too short: the third week is missed */
	struct streak s = habits_streak(hs(&b), &cfg, HABIT_WALKS);
	assert_int_equal(s.current, 0);
	assert_int_equal(s.best, 2);
	history_free(&b.h);
}

/* ---- §4 rhythm ---- */

/* SPEC §4's formula, written out here for the expected values: V[0] is the
 * latest complete, not-away week (age 0), V[N-1] the oldest. */
static int
expected_rhythm(const double *v, int n)
{
	const double m = pow(0.5, 1.0 / 3.0);
	double sum = 0, total = 0;
	for (int age = 0; age < n; age++) {
		sum += pow(m, age) * (v[age] < 1 ? v[age] : 1);
		total += pow(m, age);
	}
	return (int)floor(sum / total * 100 + 0.5);
}

/* N dinners in the week of MONDAY. */
static void
dinners(struct hb *b, int64_t monday, int n)
{
	for (int d = 0; d < n; d++) {
		struct history_meal *m = &b->h.meals[b->h.nmeals++];
		m->day = monday + d;
		strcpy(m->kind, "dinner");
		first(b, m->day);
	}
}

static void
test_rhythm_is_null_in_the_first_week(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	/* nothing logged at all */
	hb_init(&b, "2027-01-13T12:00:00+01:00");
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), HABITS_NO_RHYTHM);
	/* a first week that met every goal is still in progress: no figure, not 0% */
	met_week(&b, w0);
	walk(&b, "2027-01-11", 30);
	b.h.at = T("2027-01-17T23:59:59+01:00");
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), HABITS_NO_RHYTHM);
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_WALKS), HABITS_NO_RHYTHM);
	/* once it is complete, one met week is 100% */
	b.h.at = T("2027-01-18T00:00:00+01:00");
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 100);
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_WALKS), 100);
	history_free(&b.h);
}

static void
test_rhythm_is_null_while_every_complete_week_was_away(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	hb_init(&b, "2027-01-27T12:00:00+01:00");
	dinners(&b, w0, 1);     /* the first week with anything logged... */
	away(&b, "2027-01-11"); /* ...and it and the next are away */
	away(&b, "2027-01-18");
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), HABITS_NO_RHYTHM);
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_WALKS), HABITS_NO_RHYTHM);
	/* the week after the away weeks completes: its own figure alone */
	b.h.at = T("2027-02-01T00:00:00+01:00");
	dinners(&b, w0 + 14, 2);
	double v[] = {2.0 / 3};
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), expected_rhythm(v, 1));
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 67);
	history_free(&b.h);
}

static void
test_rhythm_weighs_the_latest_week_most(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	/* met, then one meal of three: (m * 1 + 1 * 1/3) / (m + 1) = 62.8% */
	hb_init(&b, "2027-01-25T00:00:00+01:00");
	met_week(&b, w0);
	dinners(&b, w0 + 7, 1);
	double v[] = {1.0 / 3, 1};
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), expected_rhythm(v, 2));
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 63);
	/* the other way round: the met week is the latest, 70.50%: 71 */
	struct hb c;
	hb_init(&c, "2027-01-25T00:00:00+01:00");
	dinners(&c, w0, 1);
	met_week(&c, w0 + 7);
	double u[] = {1, 1.0 / 3};
	assert_int_equal(habits_rhythm(hs(&c), &cfg, HABIT_MEALS), expected_rhythm(u, 2));
	assert_int_equal(habits_rhythm(hs(&c), &cfg, HABIT_MEALS), 71);
	history_free(&b.h);
	history_free(&c.h);
}

static void
test_rhythm_counts_complete_weeks_only(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	hb_init(&b, "2027-01-24T23:00:00+01:00");
	met_week(&b, w0);
	/* the week of T has nothing yet: it does not pull the figure down */
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 100);
	history_free(&b.h);
}

static void
test_rhythm_two_of_three_is_67_from_the_first_week_on(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t monday = cal_week_monday(W("2026-01-05"));
	hb_init(&b, "2026-01-12T00:00:00+01:00");
	b.h.meals = realloc(b.h.meals, 102 * sizeof(*b.h.meals));
	for (int w = 0; w < 51; w++)
		dinners(&b, monday + 7 * w, 2);
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 67); /* one week */
	b.h.at = T("2026-03-02T00:00:00+01:00");
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 67); /* eight */
	b.h.at = T("2026-12-28T00:00:00+01:00");
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 67); /* 51 */
	history_free(&b.h);
}

static void
test_rhythm_rounds_half_up(void **state)
{
	/* one meal against a goal of eight is 12.5%: 13 (half up), not 12 */
	struct ft_config cfg = test_config("[meal]\nweekly_goal = 8\n[time]\ntimezone = Europe/Paris\n");
	struct hb b;
	hb_init(&b, "2027-01-18T00:00:00+01:00");
	dinners(&b, cal_week_monday(W("2027-01-11")), 1);
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 13);
	/* and 3 of 8, 37.5%: 38 */
	struct hb c;
	hb_init(&c, "2027-01-18T00:00:00+01:00");
	dinners(&c, cal_week_monday(W("2027-01-11")), 3);
	assert_int_equal(habits_rhythm(hs(&c), &cfg, HABIT_MEALS), 38);
	history_free(&b.h);
	history_free(&c.h);
}

static void
test_rhythm_goal_change_applies_to_the_whole_history(void **state)
{
	struct ft_config three = test_config(paris);
	struct ft_config two = test_config("[meal]\nweekly_goal = 2\n[time]\ntimezone = Europe/Paris\n");
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	hb_init(&b, "2027-02-01T00:00:00+01:00");
	dinners(&b, w0, 2);
	dinners(&b, w0 + 7, 1);
	dinners(&b, w0 + 14, 2);
	double v3[] = {2.0 / 3, 1.0 / 3, 2.0 / 3}, v2[] = {1, 0.5, 1};
	assert_int_equal(habits_rhythm(hs(&b), &three, HABIT_MEALS), expected_rhythm(v3, 3));
	assert_int_equal(habits_rhythm(hs(&b), &two, HABIT_MEALS), expected_rhythm(v2, 3));
	assert_int_not_equal(expected_rhythm(v3, 3), expected_rhythm(v2, 3));
	history_free(&b.h);
}

static void
test_rhythm_starts_at_the_first_week_with_anything_logged(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	/* a hug in the first week, meals only in the second: the first week
	 * counts as a zero */
	hb_init(&b, "2027-01-25T00:00:00+01:00");
	hug(&b, w0 + 1);
	met_week(&b, w0 + 7);
	double v[] = {1, 0};
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), expected_rhythm(v, 2));
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 56);
	/* walks' rhythm: both weeks zero */
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_WALKS), 0);
	/* a call is something logged too */
	struct hb c;
	hb_init(&c, "2027-01-25T00:00:00+01:00");
	tap(&c, "2027-01-12");
	met_week(&c, w0 + 7);
	assert_int_equal(habits_rhythm(hs(&c), &cfg, HABIT_MEALS), 56);
	history_free(&b.h);
	history_free(&c.h);
}

static void
test_rhythm_skips_away_weeks_and_caps_at_the_goal(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-11"));
	/* 4 of 3, away, 1 of 3: the away week is not in the calendar, so the
	 * met week has age 1, not 2; and 4 of 3 counts as 1 */
	hb_init(&b, "2027-02-01T00:00:00+01:00");
	met_week(&b, w0);
	meal(&b, "2027-01-12", "lunch");
	away(&b, "2027-01-18");
	dinners(&b, w0 + 14, 1);
	double v[] = {1.0 / 3, 1};
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), expected_rhythm(v, 2));
	assert_int_equal(habits_rhythm(hs(&b), &cfg, HABIT_MEALS), 63);
	history_free(&b.h);
}

static void
test_recent_weeks_met_are_the_rhythms_weeks(void **state)
{
	struct ft_config cfg = test_config(paris);
	struct hb b;
	int64_t w0 = cal_week_monday(W("2027-01-04"));
	int weeks;
	/* met, 1 of 3, met, away, met, met; T in the week after: the latest four
	 * not-away complete weeks are 1 of 3, met, met, met */
	hb_init(&b, "2027-02-10T12:00:00+01:00");
	met_week(&b, w0);
	dinners(&b, w0 + 7, 1);
	met_week(&b, w0 + 14);
	away(&b, "2027-01-25");
	met_week(&b, w0 + 28);
	met_week(&b, w0 + 35);
	assert_int_equal(habits_recent_met(hs(&b), &cfg, HABIT_MEALS, 4, &weeks), 3);
	assert_int_equal(weeks, 4);
	assert_int_equal(habits_recent_met(hs(&b), &cfg, HABIT_WALKS, 4, &weeks), 0);
	assert_int_equal(weeks, 4);
	/* in the first week: none yet, as the rhythm */
	b.h.at = T("2027-01-06T12:00:00+01:00");
	assert_int_equal(habits_recent_met(hs(&b), &cfg, HABIT_MEALS, 4, &weeks), 0);
	assert_int_equal(weeks, 0);
	/* after two weeks: two of them */
	b.h.at = T("2027-01-18T00:00:00+01:00");
	assert_int_equal(habits_recent_met(hs(&b), &cfg, HABIT_MEALS, 4, &weeks), 1);
	assert_int_equal(weeks, 2);
	history_free(&b.h);
}

/* ---- §4 hug day streak ---- */

static void
test_hug_streak_today_in_progress(void **state)
{
	struct hb b;
	test_config(paris);
	hb_init(&b, "2026-12-03T08:00:00+01:00");
	hug(&b, D("2026-11-30"));
	hug(&b, D("2026-12-01"));
	hug(&b, D("2026-12-02"));
	struct streak s = habits_hug_streak(hs(&b));
	assert_int_equal(s.current, 3); /* today has none yet: not broken */
	hug(&b, D("2026-12-03"));
	s = habits_hug_streak(hs(&b));
	assert_int_equal(s.current, 4);
	assert_int_equal(s.best, 4);
	b.h.at = T("2026-12-05T08:00:00+01:00"); /* the 4th went by without one */
	s = habits_hug_streak(hs(&b));
	assert_int_equal(s.current, 0);
	assert_int_equal(s.best, 4);
	history_free(&b.h);
}

static void
test_hug_streak_skips_days_of_away_weeks(void **state)
{
	struct hb b;
	test_config(paris);
	hb_init(&b, "2026-12-15T20:00:00+01:00");
	hug(&b, D("2026-12-05"));
	hug(&b, D("2026-12-06")); /* Sunday; the next week is away */
	away(&b, "2026-12-07");
	hug(&b, D("2026-12-14"));
	hug(&b, D("2026-12-15"));
	struct streak s = habits_hug_streak(hs(&b));
	assert_int_equal(s.current, 4);
	assert_int_equal(s.best, 4);
	history_free(&b.h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meal_count_is_distinct_date_and_kind),
		cmocka_unit_test(test_walk_counts_from_min_duration_once_a_day),
		cmocka_unit_test(test_walk_min_duration_from_config),
		cmocka_unit_test(test_a_walk_counts_from_exactly_min_duration),
		cmocka_unit_test(test_hug_figure_is_days_with_a_hug),
		cmocka_unit_test(test_rituals_kept),
		cmocka_unit_test(test_a_ritual_in_a_window_past_midnight),
		cmocka_unit_test(test_streak_current_and_best),
		cmocka_unit_test(test_week_in_progress_extends_once_met_and_never_breaks),
		cmocka_unit_test(test_complete_week_not_met_breaks),
		cmocka_unit_test(test_away_week_neither_breaks_nor_extends),
		cmocka_unit_test(test_goal_from_config_applies_to_the_whole_history),
		cmocka_unit_test(test_walk_streak),
		cmocka_unit_test(test_rhythm_is_null_in_the_first_week),
		cmocka_unit_test(test_rhythm_is_null_while_every_complete_week_was_away),
		cmocka_unit_test(test_rhythm_weighs_the_latest_week_most),
		cmocka_unit_test(test_rhythm_counts_complete_weeks_only),
		cmocka_unit_test(test_rhythm_two_of_three_is_67_from_the_first_week_on),
		cmocka_unit_test(test_rhythm_rounds_half_up),
		cmocka_unit_test(test_rhythm_goal_change_applies_to_the_whole_history),
		cmocka_unit_test(test_rhythm_starts_at_the_first_week_with_anything_logged),
		cmocka_unit_test(test_rhythm_skips_away_weeks_and_caps_at_the_goal),
		cmocka_unit_test(test_recent_weeks_met_are_the_rhythms_weeks),
		cmocka_unit_test(test_hug_streak_today_in_progress),
		cmocka_unit_test(test_hug_streak_skips_days_of_away_weeks),
	};
	return cmocka_run_group_tests_name("habits", tests, NULL, NULL);
}
