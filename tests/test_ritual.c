/*
 * test_ritual.c - when the rituals come round (ritual.h): the next one not
 * yet done, this week's before next week's, one of today still next until
 * it is kept; a call ritual due today; local days across a clock change.
 */
#include <stdio.h>
#include <string.h>

#include "ritual.h"
#include "test.h"

static const char *rituals =
	"[rituals]\n"
	"ritual = mon 18:00 call \"Call a friend\"\n"
	"ritual = thu 12:00 meal \"Shared lunch\"\n"
	"ritual = sun 09:30 walk \"Family walk\"\n"
	"[time]\ntimezone = Europe/Paris\n";

static void
test_the_next_ritual_is_the_earliest_not_yet_done(void **state)
{
	struct ft_config cfg = test_config(rituals);
	bool kept[FT_MAX_RITUALS] = {false};
	ft_ms when;
	/* Sunday 09:00: the walk at 09:30 */
	assert_int_equal(ritual_next(&cfg, kept, T("2026-12-06T09:00:00+01:00"), &when), 2);
	assert_int_equal(when, T("2026-12-06T09:30:00+01:00"));
	/* kept early: next week's Monday call */
	kept[2] = true;
	assert_int_equal(ritual_next(&cfg, kept, T("2026-12-06T09:00:00+01:00"), &when), 0);
	assert_int_equal(when, T("2026-12-07T18:00:00+01:00"));
	/* Wednesday: Monday's call has gone by, Thursday's lunch comes first */
	memset(kept, 0, sizeof(kept));
	assert_int_equal(ritual_next(&cfg, kept, T("2026-12-02T13:00:00+01:00"), &when), 1);
	assert_int_equal(when, T("2026-12-03T12:00:00+01:00"));
}

static void
test_a_ritual_of_today_not_done_stays_next(void **state)
{
	struct ft_config cfg = test_config(rituals);
	bool kept[FT_MAX_RITUALS] = {false};
	ft_ms when;
	/* 10:00, the 09:30 walk not done: still today's, not next week's */
	assert_int_equal(ritual_next(&cfg, kept, T("2026-12-06T10:00:00+01:00"), &when), 2);
	assert_int_equal(when, T("2026-12-06T09:30:00+01:00"));
	/* nothing known of this week yet (no report): the same */
	assert_int_equal(ritual_next(&cfg, NULL, T("2026-12-06T10:00:00+01:00"), &when), 2);
	/* Monday: Sunday's walk not done is past, next is today's call */
	assert_int_equal(ritual_next(&cfg, kept, T("2026-12-07T08:00:00+01:00"), &when), 0);
	assert_int_equal(when, T("2026-12-07T18:00:00+01:00"));
}

static void
test_no_ritual_no_next(void **state)
{
	struct ft_config cfg = test_config("[rituals]\n[time]\ntimezone = Europe/Paris\n");
	cfg.nrituals = 0;
	ft_ms when = 0;
	assert_int_equal(ritual_next(&cfg, NULL, T("2026-12-06T10:00:00+01:00"), &when), -1);
	assert_int_equal(when, FT_MS_NEVER);
}

static void
test_rituals_are_on_local_days_across_a_clock_change(void **state)
{
	struct ft_config cfg = test_config(rituals);
	ft_ms when;
	/* Sunday 28 March 2027, summer time from 02:00: 09:30 is +02:00 */
	assert_int_equal(ritual_next(&cfg, NULL, T("2027-03-28T08:00:00+02:00"), &when), 2);
	assert_int_equal(when, T("2027-03-28T09:30:00+02:00"));
	/* from the Saturday before (+01:00), the same instant */
	assert_int_equal(ritual_next(&cfg, NULL, T("2027-03-27T20:00:00+01:00"), &when), 2);
	assert_int_equal(when, T("2027-03-28T09:30:00+02:00"));
}

static void
test_a_call_ritual_is_due_on_its_day_until_kept(void **state)
{
	struct ft_config cfg = test_config(rituals);
	bool kept[FT_MAX_RITUALS] = {false};
	ft_ms monday = T("2026-11-30T10:00:00+01:00");
	assert_int_equal(ritual_call_due_today(&cfg, kept, monday), 0);
	/* at any hour of that day, before or after its time */
	assert_int_equal(ritual_call_due_today(&cfg, kept, T("2026-11-30T23:00:00+01:00")), 0);
	kept[0] = true;
	assert_int_equal(ritual_call_due_today(&cfg, kept, monday), -1);
	/* not its day; a meal ritual's day is not a call's */
	memset(kept, 0, sizeof(kept));
	assert_int_equal(ritual_call_due_today(&cfg, kept, T("2026-12-01T10:00:00+01:00")), -1);
	assert_int_equal(ritual_call_due_today(&cfg, kept, T("2026-12-03T10:00:00+01:00")), -1);
	/* what was kept is not known yet: nothing to tap */
	assert_int_equal(ritual_call_due_today(&cfg, NULL, monday), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_next_ritual_is_the_earliest_not_yet_done),
		cmocka_unit_test(test_a_ritual_of_today_not_done_stays_next),
		cmocka_unit_test(test_no_ritual_no_next),
		cmocka_unit_test(test_rituals_are_on_local_days_across_a_clock_change),
		cmocka_unit_test(test_a_call_ritual_is_due_on_its_day_until_kept),
	};
	return cmocka_run_group_tests_name("ritual", tests, NULL, NULL);
}
