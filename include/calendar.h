/*
 * calendar.h - local days, ISO weeks and RFC 3339 times (SPEC §1).
 *
 * Instants are UTC milliseconds; days and weeks are local. A local date is
 * carried as a day number (days since 1970-01-01 in the proleptic Gregorian
 * calendar), which makes "the next day" and "the same week" plain arithmetic.
 * A week is carried as a week number: the day number of its Monday, divided
 * by seven (floor), so consecutive weeks are consecutive integers.
 *
 * The zone is process-wide (TZ and tzset()), set once by cal_set_zone().
 */
#ifndef FT_CALENDAR_H
#define FT_CALENDAR_H

#include "common.h"

struct cal_date {
	int year, month, day; /* month 1-12, day 1-31 */
};

/* Use zone NAME ("Europe/Paris") for all local times; NULL or "" keeps the
 * system's (TZ, /etc/localtime). Fails when the zone is not known. */
bool cal_set_zone(const char *name, struct ft_error *err);
/* Whether NAME is a zone of the system's tz database. */
bool cal_zone_exists(const char *name, struct ft_error *err);

int64_t cal_day_from_date(struct cal_date d);
struct cal_date cal_date_from_day(int64_t day);
int cal_weekday(int64_t day); /* 0 = Monday .. 6 = Sunday */

/* The local day that contains instant T, and the instant a local day starts
 * (its first existing minute where midnight is skipped by DST). */
int64_t cal_day_of(ft_ms t);
ft_ms cal_day_start(int64_t day);
/* The instant of local wall time day + minute (0..1439); a wall time that a
 * clock change skips is moved forward the way mktime() does. */
ft_ms cal_local_instant(int64_t day, int minute);

/* Week numbers: consecutive integers, week_of(day) holds day. */
int64_t cal_week_of_day(int64_t day);
int64_t cal_week_of(ft_ms t);
int64_t cal_week_monday(int64_t week); /* day number of its Monday */
ft_ms cal_week_start(int64_t week);    /* Monday 00:00 local */

/* ISO 8601 names: "2026-W48" <-> week number. */
void cal_week_name(int64_t week, char out[16]);
bool cal_parse_week(const char *s, int64_t *week);

/* "2026-11-23" */
void cal_day_name(int64_t day, char out[16]);

/* RFC 3339: "2026-11-23T18:55:00+01:00", "...Z", fractions of a second to
 * the millisecond, or local time without an offset. */
bool cal_parse_time(const char *s, ft_ms *t);
/* The same, saying why in ERR. A local time without an offset that does not
 * exist (the hour the clocks skip) or that happens twice (the hour they go
 * back) is refused, naming the offsets to write (README "Local times"). */
bool cal_parse_time_err(const char *s, ft_ms *t, struct ft_error *err);
/* Local time with its offset, whole seconds: "2026-11-23T18:56:10+01:00". */
void cal_format_time(ft_ms t, char out[40]);
/* Local wall clock of T: hours*60+minutes, and seconds of the minute. */
int cal_local_minute(ft_ms t);
/* "HH:MM" of a minute of the day (0..1439, taken modulo a day): the one
 * way a time of day is written, in reports, settings and on screen. */
#define CAL_HHMM_SIZE 6
void cal_format_minute(int minute, char out[CAL_HHMM_SIZE]);
/* "HH:MM" of T in local time. */
void cal_format_hhmm(ft_ms t, char out[CAL_HHMM_SIZE]);

#endif
