/*
 * test_calendar.c - SPEC §1: instants are UTC, days and weeks are local, a
 * week runs Monday 00:00 to Monday 00:00 and is named by its ISO 8601 week,
 * durations are real elapsed time across clock changes, and TIME is RFC 3339.
 *
 * The zone is process-wide, so every test that reads local time sets it
 * first. Expected instants are written with their UTC offsets, worked out
 * from the zone rules (zdump) rather than taken from the code under test.
 */
#include <stdio.h>
#include <string.h>

#include "test.h"

static void
zone(const char *name)
{
	struct ft_error err;
	if (!cal_set_zone(name, &err))
		fail_msg("%s", err.msg);
}

static int64_t
day(int y, int m, int d)
{
	return cal_day_from_date((struct cal_date){y, m, d});
}

static int64_t
week(const char *name)
{
	int64_t w = 0;
	if (!cal_parse_week(name, &w))
		fail_msg("week name rejected: %s", name);
	return w;
}

static void
assert_week_name(int64_t w, const char *expected)
{
	char name[16];
	cal_week_name(w, name);
	assert_string_equal(name, expected);
}

static void
assert_day_name(int64_t d, const char *expected)
{
	char name[16];
	cal_day_name(d, name);
	assert_string_equal(name, expected);
}

static void
assert_formats_as(ft_ms t, const char *expected)
{
	char text[40];
	cal_format_time(t, text);
	assert_string_equal(text, expected);
}

/* ---- day numbers ---- */

static void
test_day_numbers_count_from_1970_01_01(void **state)
{
	assert_int_equal(day(1970, 1, 1), 0);
	assert_int_equal(day(1970, 1, 2), 1);
	assert_int_equal(day(1969, 12, 31), -1);
	/* 2000-03-01: 30 years of 365 days, 7 leap days (72..96), Jan+Feb 2000 */
	assert_int_equal(day(2000, 3, 1), 30 * 365 + 7 + 31 + 29);
	/* 1970-01-01 was a Thursday; 2026-11-23 a Monday (SPEC's example week) */
	assert_int_equal(cal_weekday(0), 3);
	assert_int_equal(cal_weekday(day(2026, 11, 23)), 0);
	assert_int_equal(cal_weekday(day(2026, 11, 29)), 6);
	assert_int_equal(cal_weekday(day(1969, 12, 29)), 0);
}

static void
test_day_numbers_round_trip_and_follow_the_calendar(void **state)
{
	static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	/* Walk the calendar day by day from 1899 to 2101 (1900 and 2100 are not
	 * leap years, 2000 is): each date is the day after the one before. */
	int64_t n = day(1899, 1, 1);
	for (int y = 1899; y <= 2101; y++) {
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (int m = 1; m <= 12; m++) {
			int last = month_days[m - 1] + (m == 2 && leap);
			for (int d = 1; d <= last; d++, n++) {
				struct cal_date back = cal_date_from_day(n);
				if (day(y, m, d) != n || back.year != y || back.month != m || back.day != d)
					fail_msg("%04d-%02d-%02d is not day %lld", y, m, d, (long long)n);
			}
		}
	}
	assert_day_name(day(2024, 2, 29), "2024-02-29");
	assert_day_name(day(2100, 2, 28) + 1, "2100-03-01");
	assert_day_name(day(2000, 2, 28) + 1, "2000-02-29");
}

/* ---- ISO weeks ---- */

static void
test_iso_week_2026_w53_runs_from_dec_28_to_jan_3(void **state)
{
	/* 2026 starts on a Thursday, so ISO 2026 has 53 weeks. */
	int64_t w = week("2026-W53");
	assert_int_equal(cal_week_monday(w), day(2026, 12, 28));
	assert_week_name(cal_week_of_day(day(2026, 12, 28)), "2026-W53");
	assert_week_name(cal_week_of_day(day(2027, 1, 1)), "2026-W53");
	assert_week_name(cal_week_of_day(day(2027, 1, 3)), "2026-W53");
	assert_week_name(cal_week_of_day(day(2026, 12, 27)), "2026-W52");
	/* 2027-W01 is the week after, from Monday 2027-01-04 */
	assert_int_equal(week("2027-W01"), w + 1);
	assert_int_equal(cal_week_monday(week("2027-W01")), day(2027, 1, 4));
	assert_week_name(cal_week_of_day(day(2027, 1, 4)), "2027-W01");
	assert_week_name(cal_week_of_day(day(2027, 1, 10)), "2027-W01");
}

static void
test_iso_week_2020_w53_and_week_one_in_the_year_before(void **state)
{
	/* 2020 is a leap year starting on a Wednesday: 53 weeks. */
	assert_int_equal(cal_week_monday(week("2020-W53")), day(2020, 12, 28));
	assert_week_name(cal_week_of_day(day(2021, 1, 3)), "2020-W53");
	assert_week_name(cal_week_of_day(day(2021, 1, 4)), "2021-W01");
	/* Week 1 holds January 4th: 2026-W01 starts Monday 2025-12-29. */
	assert_int_equal(cal_week_monday(week("2026-W01")), day(2025, 12, 29));
	assert_week_name(cal_week_of_day(day(2025, 12, 31)), "2026-W01");
	assert_week_name(cal_week_of_day(day(2024, 12, 30)), "2025-W01");
	/* SPEC's example week */
	assert_int_equal(cal_week_monday(week("2026-W48")), day(2026, 11, 23));
}

static void
test_w53_of_a_year_with_52_weeks_is_rejected(void **state)
{
	int64_t w = 12345;
	assert_false(cal_parse_week("2025-W53", &w)); /* 2025 starts on a Wednesday, not leap */
	assert_false(cal_parse_week("2021-W53", &w));
	assert_false(cal_parse_week("2027-W53", &w));
	assert_int_equal(w, 12345);                  /* untouched on failure */
	assert_true(cal_parse_week("2025-W52", &w));
	assert_int_equal(cal_week_monday(w), day(2025, 12, 22));
}

static void
test_malformed_week_names_are_rejected(void **state)
{
	static const char *bad[] = {
		"2026-W00", "2026-W54", "2026-W99", "2026-W1", "2026-W001", "2026W48",
		"26-W48", "2026-w48", "2026-48", "2026-W48 ", " 2026-W48", "2026-W48x", "",
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		int64_t w;
		if (cal_parse_week(bad[i], &w))
			fail_msg("\"%s\" was taken for a week", bad[i]);
	}
}

static void
test_week_names_are_exactly_four_digits_dash_w_two_digits(void **state)
{
	/* No white space or sign where a digit belongs: "2026-W 1" is not
	 * 2026-W01 (sscanf's %d would have taken it). */
	static const char *bad[] = {"2026-W 1", "2026-W+1", "+026-W01", " 026-W01", "2026-W 9"};
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		int64_t w;
		if (cal_parse_week(bad[i], &w))
			fail_msg("\"%s\" was taken for a week", bad[i]);
	}
}

static void
test_week_names_round_trip_for_every_week_from_1990_to_2060(void **state)
{
	/* Consecutive weeks are consecutive numbers; each name parses back to
	 * its week; names run W01..W52 or W53 and the year turns at W01. */
	int64_t first = cal_week_of_day(day(1990, 1, 1)), last = cal_week_of_day(day(2060, 12, 31));
	int prev_year = 0, prev_number = 0;
	for (int64_t w = first; w <= last; w++) {
		char name[16];
		int year, number;
		int64_t back;
		cal_week_name(w, name);
		assert_true(cal_parse_week(name, &back));
		assert_int_equal(back, w);
		assert_int_equal(sscanf(name, "%d-W%d", &year, &number), 2);
		if (prev_year) {
			if (year == prev_year)
				assert_int_equal(number, prev_number + 1);
			else
				assert_true(year == prev_year + 1 && number == 1 &&
					    (prev_number == 52 || prev_number == 53));
		}
		/* the week holds its Monday and Sunday, and the Monday is a Monday */
		assert_int_equal(cal_weekday(cal_week_monday(w)), 0);
		assert_int_equal(cal_week_of_day(cal_week_monday(w)), w);
		assert_int_equal(cal_week_of_day(cal_week_monday(w) + 6), w);
		prev_year = year;
		prev_number = number;
	}
}

static void
test_week_starts_monday_at_local_midnight(void **state)
{
	zone("Europe/Paris");
	assert_int_equal(cal_week_start(week("2026-W48")), T("2026-11-23T00:00:00+01:00"));
	assert_int_equal(cal_week_start(week("2026-W27")), T("2026-06-29T00:00:00+02:00"));
	/* Sunday 23:59:59 is still the week; Monday 00:00 is the next one */
	assert_week_name(cal_week_of(T("2026-11-29T23:59:59+01:00")), "2026-W48");
	assert_week_name(cal_week_of(T("2026-11-30T00:00:00+01:00")), "2026-W49");
	/* local, not UTC: 23:30Z on Sunday is already Monday in Paris */
	assert_week_name(cal_week_of(T("2026-11-29T23:30:00Z")), "2026-W49");
	/* the week in which the clocks go forward is 167 hours long */
	assert_int_equal(cal_week_start(week("2026-W14")) - cal_week_start(week("2026-W13")),
			 167 * FT_HOUR);

	zone("America/New_York");
	assert_int_equal(cal_week_start(week("2026-W48")), T("2026-11-23T00:00:00-05:00"));
	/* 03:00Z on Monday is still Sunday evening in New York */
	assert_week_name(cal_week_of(T("2026-11-30T03:00:00Z")), "2026-W48");
	assert_int_equal(cal_day_of(T("2026-11-30T03:00:00Z")), day(2026, 11, 29));
}

/* ---- RFC 3339 ---- */

static void
test_rfc3339_with_offset_and_z_is_the_same_instant(void **state)
{
	ft_ms a, b, c;
	zone("Europe/Paris");
	assert_true(cal_parse_time("2026-11-23T18:55:00+01:00", &a));
	assert_true(cal_parse_time("2026-11-23T17:55:00Z", &b));
	assert_true(cal_parse_time("2026-11-23T12:55:00-05:00", &c));
	/* date -u -d 2026-11-23T17:55:00Z +%s */
	assert_int_equal(b, 1795456500LL * 1000);
	assert_int_equal(a, b);
	assert_int_equal(c, b);
	assert_true(cal_parse_time("2026-11-23t17:55:00z", &c)); /* RFC 3339 allows lower case */
	assert_int_equal(c, b);
	assert_true(cal_parse_time("1970-01-01T00:00:00Z", &c));
	assert_int_equal(c, 0);
	assert_true(cal_parse_time("2026-11-23T23:25:00+05:30", &c));
	assert_int_equal(c, b);
}

static void
test_rfc3339_fractions_are_milliseconds(void **state)
{
	ft_ms base = T("2026-11-23T18:55:00+01:00");
	assert_int_equal(T("2026-11-23T18:55:00.030+01:00"), base + 30);
	assert_int_equal(T("2026-11-23T18:55:00.5+01:00"), base + 500);
	assert_int_equal(T("2026-11-23T17:55:00.999Z") - T("2026-11-23T17:55:00Z"), 999);
	/* finer than a millisecond is cut, not rounded up */
	assert_int_equal(T("2026-11-23T18:55:00.0309+01:00"), base + 30);
	assert_int_equal(T("2026-11-23T18:55:00.123456789+01:00"), base + 123);
}

static void
test_rfc3339_without_offset_is_local_time(void **state)
{
	zone("Europe/Paris");
	assert_int_equal(T("2026-11-23T18:55:00"), T("2026-11-23T18:55:00+01:00"));
	assert_int_equal(T("2026-07-14T12:00:00"), T("2026-07-14T12:00:00+02:00"));
	assert_int_equal(T("2026-11-23T18:55:00.250"), T("2026-11-23T18:55:00.250+01:00"));
	zone("America/New_York");
	assert_int_equal(T("2026-11-23T18:55:00"), T("2026-11-23T18:55:00-05:00"));
	assert_int_equal(T("2026-07-14T12:00:00"), T("2026-07-14T12:00:00-04:00"));
}

static void
test_rfc3339_rejects_what_is_not_a_time(void **state)
{
	static const char *bad[] = {
		"2026-13-01T00:00:00Z",      /* month 13 */
		"2026-00-10T00:00:00Z",      /* month 0 */
		"2026-04-31T00:00:00Z",      /* April has 30 days */
		"2026-11-00T00:00:00Z",      /* day 0 */
		"2026-02-29T12:00:00Z",      /* 2026 is not a leap year */
		"2100-02-29T12:00:00Z",      /* nor is 2100 */
		"2026-11-23T24:00:00Z",      /* hour 24 */
		"2026-11-23T18:60:00Z",      /* minute 60 */
		"2026-11-23T18:55:61Z",      /* second 61 */
		"2026-11-23T18:55+01:00",    /* no seconds */
		"2026-11-23T18:55",          /* no seconds, local */
		"2026-11-23",                /* a date alone */
		"2026-11-23T18:55:00+01:00x",/* junk after */
		"2026-11-23T18:55:00Zjunk",
		"2026-11-23T18:55:00Z ",
		"2026-11-23T18:55:00 ",
		"2026-11-23T18:55:00+0100",  /* offset without a colon */
		"2026-11-23T18:55:00+01",
		"2026-11-23T18:55:00.+01:00",/* a dot with no digits */
		"2026-11-23X18:55:00Z",
		"26-11-23T18:55:00Z",
		"2026-1-23T18:55:00Z",
		"yesterday",
		"",
	};
	for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
		ft_ms t;
		if (cal_parse_time(bad[i], &t))
			fail_msg("\"%s\" was taken for a time", bad[i]);
	}
	ft_ms t;
	assert_true(cal_parse_time("2024-02-29T12:00:00Z", &t)); /* a leap day that exists */
	assert_true(cal_parse_time("2000-02-29T12:00:00Z", &t));
}

static void
test_times_print_in_local_time_with_their_offset(void **state)
{
	zone("Europe/Paris");
	assert_formats_as(T("2026-11-23T17:56:10Z"), "2026-11-23T18:56:10+01:00");     /* winter */
	assert_formats_as(T("2026-07-14T10:00:00Z"), "2026-07-14T12:00:00+02:00");     /* summer */
	assert_formats_as(T("2026-11-23T18:56:10.999+01:00"), "2026-11-23T18:56:10+01:00");
	/* the two 02:30 of the night the clocks go back */
	assert_formats_as(T("2026-10-25T00:30:00Z"), "2026-10-25T02:30:00+02:00");
	assert_formats_as(T("2026-10-25T01:30:00Z"), "2026-10-25T02:30:00+01:00");
	zone("America/New_York");
	assert_formats_as(T("2026-11-23T17:56:10Z"), "2026-11-23T12:56:10-05:00");
	assert_formats_as(T("2026-07-14T16:00:00Z"), "2026-07-14T12:00:00-04:00");
	zone("Asia/Kolkata");
	assert_formats_as(T("2026-11-23T17:55:00Z"), "2026-11-23T23:25:00+05:30");
	zone("UTC");
	assert_formats_as(T("2026-11-23T17:55:00+01:00"), "2026-11-23T16:55:00+00:00");
}

static void
test_formatted_times_parse_back(void **state)
{
	/* Every quarter hour over both clock changes of 2026 in Paris. */
	zone("Europe/Paris");
	for (ft_ms t = T("2026-03-28T00:00:00Z"); t < T("2026-03-31T00:00:00Z"); t += 15 * FT_MINUTE) {
		char text[40];
		cal_format_time(t, text);
		assert_int_equal(T(text), t);
	}
	for (ft_ms t = T("2026-10-24T00:00:00Z"); t < T("2026-10-27T00:00:00Z"); t += 15 * FT_MINUTE) {
		char text[40];
		cal_format_time(t, text);
		assert_int_equal(T(text), t);
	}
}

/* ---- daylight saving time ---- */

static ft_ms
day_length(int y, int m, int d)
{
	int64_t n = day(y, m, d);
	return cal_day_start(n + 1) - cal_day_start(n);
}

static void
test_paris_days_are_23_and_25_hours_when_the_clocks_change(void **state)
{
	zone("Europe/Paris");
	assert_int_equal(day_length(2026, 3, 29), 23 * FT_HOUR);
	assert_int_equal(day_length(2026, 10, 25), 25 * FT_HOUR);
	assert_int_equal(day_length(2026, 3, 28), 24 * FT_HOUR);
	assert_int_equal(day_length(2026, 10, 26), 24 * FT_HOUR);
	assert_int_equal(cal_day_start(day(2026, 3, 29)), T("2026-03-29T00:00:00+01:00"));
	assert_int_equal(cal_day_start(day(2026, 3, 30)), T("2026-03-30T00:00:00+02:00"));
	assert_int_equal(cal_day_start(day(2026, 10, 26)), T("2026-10-26T00:00:00+01:00"));
	/* both halves of the repeated hour belong to the same day */
	assert_int_equal(cal_day_of(T("2026-10-25T02:30:00+02:00")), day(2026, 10, 25));
	assert_int_equal(cal_day_of(T("2026-10-25T02:30:00+01:00")), day(2026, 10, 25));
	assert_int_equal(cal_day_of(T("2026-10-25T23:59:59+01:00")), day(2026, 10, 25));
	assert_int_equal(cal_day_of(T("2026-10-26T00:00:00+01:00")), day(2026, 10, 26));
}

static void
test_new_york_days_are_23_and_25_hours_when_the_clocks_change(void **state)
{
	zone("America/New_York");
	assert_int_equal(day_length(2026, 3, 8), 23 * FT_HOUR);
	assert_int_equal(day_length(2026, 11, 1), 25 * FT_HOUR);
	assert_int_equal(day_length(2026, 3, 9), 24 * FT_HOUR);
	assert_int_equal(cal_day_start(day(2026, 3, 8)), T("2026-03-08T00:00:00-05:00"));
	assert_int_equal(cal_day_start(day(2026, 3, 9)), T("2026-03-09T00:00:00-04:00"));
	assert_int_equal(cal_day_start(day(2026, 11, 2)), T("2026-11-02T00:00:00-05:00"));
}

static void
test_a_day_whose_midnight_is_skipped_starts_at_its_first_minute(void **state)
{
	/* Santiago de Chile springs forward at midnight: on 2026-09-06 the clock
	 * goes from 23:59:59 -04 to 01:00 -03 (zdump America/Santiago). */
	zone("America/Santiago");
	assert_int_equal(cal_day_start(day(2026, 9, 6)), T("2026-09-06T01:00:00-03:00"));
	assert_int_equal(day_length(2026, 9, 5), 24 * FT_HOUR);
	assert_int_equal(day_length(2026, 9, 6), 23 * FT_HOUR);
	assert_int_equal(cal_day_of(T("2026-09-05T23:59:59-04:00")), day(2026, 9, 5));
	assert_int_equal(cal_day_of(T("2026-09-06T01:00:00-03:00")), day(2026, 9, 6));
}

static void
test_durations_are_real_elapsed_time(void **state)
{
	zone("Europe/Paris");
	/* SPEC §1: 01:30 to 03:30 on the night the clocks go back is 3 hours */
	assert_int_equal(T("2026-10-25T03:30:00") - T("2026-10-25T01:30:00"), 3 * FT_HOUR);
	assert_int_equal(T("2026-10-25T03:30:00+01:00") - T("2026-10-25T01:30:00+02:00"), 3 * FT_HOUR);
	int64_t back = day(2026, 10, 25), forward = day(2026, 3, 29);
	assert_int_equal(cal_local_instant(back, 3 * 60 + 30) - cal_local_instant(back, 60 + 30),
			 3 * FT_HOUR);
	/* and 1 hour on the night they go forward */
	assert_int_equal(cal_local_instant(forward, 3 * 60 + 30) - cal_local_instant(forward, 60 + 30),
			 1 * FT_HOUR);
	assert_int_equal(T("2026-03-29T03:30:00") - T("2026-03-29T01:30:00"), 1 * FT_HOUR);

	zone("America/New_York");
	assert_int_equal(T("2026-11-01T03:30:00") - T("2026-11-01T00:30:00"), 4 * FT_HOUR);
	assert_int_equal(T("2026-03-08T03:30:00-04:00") - T("2026-03-08T01:30:00-05:00"), 1 * FT_HOUR);
}

static void
test_local_instant_is_the_wall_time_of_that_day(void **state)
{
	zone("Europe/Paris");
	int64_t d = day(2026, 11, 23);
	assert_int_equal(cal_local_instant(d, 0), T("2026-11-23T00:00:00+01:00"));
	assert_int_equal(cal_local_instant(d, 18 * 60 + 55), T("2026-11-23T18:55:00+01:00"));
	assert_int_equal(cal_local_instant(d, 23 * 60 + 59), T("2026-11-23T23:59:00+01:00"));
	assert_int_equal(cal_local_instant(day(2026, 7, 14), 12 * 60), T("2026-07-14T12:00:00+02:00"));
	assert_int_equal(cal_local_minute(T("2026-11-23T17:55:00Z")), 18 * 60 + 55);
	assert_int_equal(cal_local_minute(T("2026-07-14T10:05:00Z")), 12 * 60 + 5);
	/* 02:30 does not exist on 2026-03-29: moved forward by the hour the
	 * clocks skip, to 03:30 CEST */
	assert_int_equal(cal_local_instant(day(2026, 3, 29), 2 * 60 + 30), T("2026-03-29T03:30:00+02:00"));
	/* the wall times either side of the gap are themselves */
	assert_int_equal(cal_local_instant(day(2026, 3, 29), 60 + 59), T("2026-03-29T01:59:00+01:00"));
	assert_int_equal(cal_local_instant(day(2026, 3, 29), 3 * 60), T("2026-03-29T03:00:00+02:00"));
	/* 02:30 happens twice on 2026-10-25: either is 02:30 local that day */
	ft_ms twice = cal_local_instant(day(2026, 10, 25), 2 * 60 + 30);
	assert_true(twice == T("2026-10-25T02:30:00+02:00") || twice == T("2026-10-25T02:30:00+01:00"));
	assert_int_equal(cal_local_minute(twice), 2 * 60 + 30);

	zone("America/New_York");
	assert_int_equal(cal_local_instant(day(2026, 3, 8), 2 * 60 + 30), T("2026-03-08T03:30:00-04:00"));
	twice = cal_local_instant(day(2026, 11, 1), 60 + 30);
	assert_true(twice == T("2026-11-01T01:30:00-04:00") || twice == T("2026-11-01T01:30:00-05:00"));
	assert_int_equal(cal_local_instant(day(2026, 11, 1), 12 * 60), T("2026-11-01T12:00:00-05:00"));
}

/* README "Local times": a local time without an offset that the clocks skip
 * or show twice is refused, saying which; elsewhere it is taken. Both
 * transitions of two zones, and the minutes on either side of each. */
static void
test_skipped_and_repeated_local_times_are_refused(void **state)
{
	static const struct {
		const char *zone, *skipped, *twice, *before, *after;
	} cases[] = {
		{"Europe/Paris", "2026-03-29T02:30:00", "2026-10-25T02:30:00", "2026-03-29T01:59:59",
		 "2026-03-29T03:00:00"},
		{"America/New_York", "2026-03-08T02:00:00", "2026-11-01T01:00:00", "2026-03-08T01:59:59",
		 "2026-03-08T03:00:00"},
	};
	struct ft_error err;
	ft_ms t;
	for (size_t i = 0; i < FT_ARRAY_LEN(cases); i++) {
		zone(cases[i].zone);
		assert_false(cal_parse_time_err(cases[i].skipped, &t, &err));
		assert_non_null(strstr(err.msg, "does not exist"));
		assert_false(cal_parse_time(cases[i].skipped, &t));
		assert_false(cal_parse_time_err(cases[i].twice, &t, &err));
		assert_non_null(strstr(err.msg, "happens twice"));
		assert_true(cal_parse_time_err(cases[i].before, &t, &err));
		assert_true(cal_parse_time_err(cases[i].after, &t, &err));
	}
	/* the instants either side of the gap are one second apart in Paris */
	zone("Europe/Paris");
	assert_int_equal(T("2026-03-29T03:00:00") - T("2026-03-29T01:59:59"), 1000);
	/* the last second of the repeated hour is still twice; the next is once */
	assert_false(cal_parse_time("2026-10-25T02:59:59", &t));
	assert_true(cal_parse_time("2026-10-25T03:00:00", &t));
	assert_int_equal(t, T("2026-10-25T03:00:00+01:00"));
	assert_true(cal_parse_time("2026-10-25T01:59:59", &t));
	assert_int_equal(t, T("2026-10-25T01:59:59+02:00"));
}

static void
test_unknown_zone_is_refused(void **state)
{
	struct ft_error err;
	assert_false(cal_set_zone("Mars/Olympus_Mons", &err));
	assert_non_null(strstr(err.msg, "Mars/Olympus_Mons"));
	assert_false(cal_set_zone("../../etc/passwd", &err));
	assert_false(cal_set_zone("/etc/localtime", &err));
	/* files of the zoneinfo folder that are not zones (no TZif magic) */
	assert_false(cal_set_zone("zone1970.tab", &err));
	assert_non_null(strstr(err.msg, "not a zone file"));
	assert_false(cal_set_zone("iso3166.tab", &err));
	assert_true(cal_zone_exists("America/New_York", &err));
	/* the zone in use is unchanged by a refusal */
	zone("Europe/Paris");
	assert_false(cal_set_zone("Nowhere/Land", &err));
	assert_formats_as(T("2026-11-23T17:56:10Z"), "2026-11-23T18:56:10+01:00");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_numbers_count_from_1970_01_01),
		cmocka_unit_test(test_skipped_and_repeated_local_times_are_refused),
		cmocka_unit_test(test_day_numbers_round_trip_and_follow_the_calendar),
		cmocka_unit_test(test_iso_week_2026_w53_runs_from_dec_28_to_jan_3),
		cmocka_unit_test(test_iso_week_2020_w53_and_week_one_in_the_year_before),
		cmocka_unit_test(test_w53_of_a_year_with_52_weeks_is_rejected),
		cmocka_unit_test(test_malformed_week_names_are_rejected),
		cmocka_unit_test(test_week_names_are_exactly_four_digits_dash_w_two_digits),
		cmocka_unit_test(test_week_names_round_trip_for_every_week_from_1990_to_2060),
		cmocka_unit_test(test_week_starts_monday_at_local_midnight),
		cmocka_unit_test(test_rfc3339_with_offset_and_z_is_the_same_instant),
		cmocka_unit_test(test_rfc3339_fractions_are_milliseconds),
		cmocka_unit_test(test_rfc3339_without_offset_is_local_time),
		cmocka_unit_test(test_rfc3339_rejects_what_is_not_a_time),
		cmocka_unit_test(test_times_print_in_local_time_with_their_offset),
		cmocka_unit_test(test_formatted_times_parse_back),
		cmocka_unit_test(test_paris_days_are_23_and_25_hours_when_the_clocks_change),
		cmocka_unit_test(test_new_york_days_are_23_and_25_hours_when_the_clocks_change),
		cmocka_unit_test(test_a_day_whose_midnight_is_skipped_starts_at_its_first_minute),
		cmocka_unit_test(test_durations_are_real_elapsed_time),
		cmocka_unit_test(test_local_instant_is_the_wall_time_of_that_day),
		cmocka_unit_test(test_unknown_zone_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
