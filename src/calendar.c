/*
 * calendar.c - local days, ISO weeks and RFC 3339 (SPEC §1).
 *
 * Local time comes from the C library (TZ, tzset, localtime_r, mktime) so the
 * zone rules are the system's tzdata, DST included. Day numbers use the civil
 * calendar algorithms of Howard Hinnant ("chrono-compatible low-level date
 * algorithms"), exact for any proleptic Gregorian date.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "calendar.h"

bool
cal_zone_exists(const char *name, struct ft_error *err)
{
	/* Only names of the tz database: a file below the zoneinfo folder.
	 * glibc would silently fall back to UTC for an unknown name. */
	const char *dir = getenv("TZDIR");
	char path[512];
	struct stat sb;
	if (strstr(name, "..") || name[0] == '/' || name[0] == '\0')
		return ft_fail(err, "unknown time zone \"%s\"", name);
	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "/usr/share/zoneinfo", name);
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return ft_fail(err, "unknown time zone \"%s\" (no %s)", name, path);
	/* The zoneinfo folder also holds tables (zone1970.tab, leapseconds...):
	 * only a TZif file is a zone the C library loads (tzfile(5)). */
	char magic[5] = "";
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(magic, 1, 4, f) : 0;
	if (f)
		fclose(f);
	if (n != 4 || memcmp(magic, "TZif", 4) != 0)
		return ft_fail(err, "unknown time zone \"%s\" (%s is not a zone file)", name, path);
	return true;
}

bool
cal_set_zone(const char *name, struct ft_error *err)
{
	if (name && name[0]) {
		if (!cal_zone_exists(name, err))
			return false;
		setenv("TZ", name, 1);
	}
	tzset();
	return true;
}

int64_t
cal_day_from_date(struct cal_date d)
{
	int64_t y = d.year - (d.month <= 2);
	int64_t era = ft_floordiv(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct cal_date
cal_date_from_day(int64_t day)
{
	int64_t z = day + 719468;
	int64_t era = ft_floordiv(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	struct cal_date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

int
cal_weekday(int64_t day)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday = 0) */
	return (int)ft_floormod(day + 3, 7);
}

static bool digits(const char **p, int n, int *out);

static void
local_tm(ft_ms t, struct tm *tm)
{
	time_t s = (time_t)ft_floordiv(t, 1000);
	if (!localtime_r(&s, tm)) /* beyond the C library's years: the epoch, not garbage */
		memset(tm, 0, sizeof(*tm));
}

int64_t
cal_day_of(ft_ms t)
{
	struct tm tm;
	local_tm(t, &tm);
	return cal_day_from_date((struct cal_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

int
cal_local_minute(ft_ms t)
{
	struct tm tm;
	local_tm(t, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

ft_ms
cal_local_instant(int64_t day, int minute)
{
	struct cal_date d = cal_date_from_day(day);
	struct tm tm = {
		.tm_year = d.year - 1900, .tm_mon = d.month - 1, .tm_mday = d.day,
		.tm_hour = minute / 60, .tm_min = minute % 60, .tm_isdst = -1,
	};
	time_t s = mktime(&tm);
	return (ft_ms)s * 1000;
}

ft_ms
cal_day_start(int64_t day)
{
	ft_ms t = cal_local_instant(day, 0);
	/* Where midnight does not exist, mktime may land on the day before;
	 * the day then starts at its first existing wall time. */
	while (cal_day_of(t) < day)
		t += FT_HOUR / 2;
	return t;
}

int64_t
cal_week_of_day(int64_t day)
{
	return ft_floordiv(day + 3, 7);
}

int64_t
cal_week_of(ft_ms t)
{
	return cal_week_of_day(cal_day_of(t));
}

int64_t
cal_week_monday(int64_t week)
{
	return week * 7 - 3;
}

ft_ms
cal_week_start(int64_t week)
{
	return cal_day_start(cal_week_monday(week));
}

/* ISO 8601: a week belongs to the year of its Thursday. */
static void
iso_week(int64_t week, int *year, int *number)
{
	int64_t thursday = cal_week_monday(week) + 3;
	struct cal_date d = cal_date_from_day(thursday);
	int64_t jan1 = cal_day_from_date((struct cal_date){d.year, 1, 1});
	*year = d.year;
	*number = (int)((thursday - jan1) / 7 + 1);
}

void
cal_week_name(int64_t week, char out[16])
{
	int year, number;
	iso_week(week, &year, &number);
	snprintf(out, 16, "%04d-W%02d", year, number);
}

bool
cal_parse_week(const char *s, int64_t *week)
{
	int year, number;
	const char *p = s;
	if (!digits(&p, 4, &year) || *p++ != '-' || *p++ != 'W' || !digits(&p, 2, &number) || *p)
		return false;
	if (number < 1 || number > 53)
		return false;
	/* Week 1 is the week with January 4th. */
	int64_t w = cal_week_of_day(cal_day_from_date((struct cal_date){year, 1, 4})) + number - 1;
	int y2, n2;
	iso_week(w, &y2, &n2);
	if (y2 != year || n2 != number)
		return false; /* W53 of a year that has 52 */
	*week = w;
	return true;
}

void
cal_day_name(int64_t day, char out[16])
{
	struct cal_date d = cal_date_from_day(day);
	snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static int
days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* Exactly N digits at *p, advancing it. */
static bool
digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

/* The zone's name for messages. */
static const char *
zone_name(void)
{
	const char *tz = getenv("TZ");
	return tz && tz[0] ? tz : "the system's time zone";
}

/* Offset (seconds east of UTC) of the zone at instant U (seconds). */
static long
offset_at(int64_t u)
{
	struct tm tm;
	time_t s = (time_t)u;
	return localtime_r(&s, &tm) ? tm.tm_gmtoff : 0;
}

/* Local wall time WALL (seconds, read as if UTC) in the process's zone:
 * the instants it names, at most two (the hour the clocks go back), written
 * to U; returns how many (0: the hour the clocks skip). The offsets in use
 * a day either side are the only candidates: no zone changes twice in a day. */
static int
local_candidates(int64_t wall, int64_t u[2])
{
	long offsets[3] = {offset_at(wall - 86400), offset_at(wall), offset_at(wall + 86400)};
	int n = 0;
	for (int i = 0; i < 3; i++) {
		int64_t cand = wall - offsets[i];
		bool seen = false;
		for (int j = 0; j < n; j++)
			seen |= u[j] == cand;
		if (!seen && offset_at(cand) == offsets[i] && n < 2)
			u[n++] = cand;
	}
	if (n == 2 && u[0] > u[1]) {
		int64_t x = u[0];
		u[0] = u[1];
		u[1] = x;
	}
	return n;
}

bool
cal_parse_time(const char *s, ft_ms *t)
{
	return cal_parse_time_err(s, t, NULL);
}

bool
cal_parse_time_err(const char *s, ft_ms *t, struct ft_error *err)
{
	int year, month, day, hour, minute, second, ms = 0;
	const char *p = s;
	if (!digits(&p, 4, &year) || *p++ != '-' || !digits(&p, 2, &month) || *p++ != '-' ||
	    !digits(&p, 2, &day) || (*p != 'T' && *p != 't') || !++p ||
	    !digits(&p, 2, &hour) || *p++ != ':' || !digits(&p, 2, &minute) || *p++ != ':' ||
	    !digits(&p, 2, &second))
		return ft_fail(err, "bad time \"%s\" (RFC 3339, like 2026-11-23T18:55:00+01:00)", s);
	if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) ||
	    hour > 23 || minute > 59 || second > 59)
		return ft_fail(err, "bad time \"%s\" (no such date or time of day)", s);
	if (*p == '.') {
		int scale = 100, n = 0;
		p++;
		while (isdigit((unsigned char)*p)) {
			ms += (*p - '0') * scale;
			scale /= 10;
			p++;
			n++;
		}
		if (n == 0)
			return ft_fail(err, "bad time \"%s\" (digits after the point)", s);
	}
	int64_t day_number = cal_day_from_date((struct cal_date){year, month, day});
	int64_t wall = ((day_number * 24 + hour) * 60 + minute) * 60 + second;
	if (*p == '\0') {
		/* Local time, the rule of SPEC §1 ("tell the user"): a wall time
		 * the clocks skip, or one they show twice, is refused; the
		 * offset says which instant is meant. */
		int64_t u[2] = {0, 0};
		int n = local_candidates(wall, u);
		if (n == 1) {
			*t = u[0] * 1000 + ms;
			return true;
		}
		if (n == 0)
			return ft_fail(err, "local time \"%s\" does not exist in %s (the clocks skip it);"
				       " write the offset meant, like +01:00", s, zone_name());
		char a[40], b[40];
		cal_format_time(u[0] * 1000, a);
		cal_format_time(u[1] * 1000, b);
		return ft_fail(err, "local time \"%s\" happens twice in %s (the clocks go back);"
			       " write it with its offset: %s or %s", s, zone_name(), a, b);
	}
	int offset = 0;
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, oh, om;
		p++;
		if (!digits(&p, 2, &oh) || *p++ != ':' || !digits(&p, 2, &om) || oh > 23 || om > 59)
			return ft_fail(err, "bad time \"%s\" (bad offset)", s);
		offset = sign * (oh * 3600 + om * 60);
	} else {
		return ft_fail(err, "bad time \"%s\" (RFC 3339, like 2026-11-23T18:55:00+01:00)", s);
	}
	if (*p != '\0')
		return ft_fail(err, "bad time \"%s\" (RFC 3339, like 2026-11-23T18:55:00+01:00)", s);
	*t = (wall - offset) * 1000 + ms;
	return true;
}

void
cal_format_time(ft_ms t, char out[40])
{
	struct tm tm;
	local_tm(t, &tm);
	int off = (int)(tm.tm_gmtoff % 86400);
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", (tm.tm_year + 1900) % 10000,
		 (tm.tm_mon + 1) % 100, tm.tm_mday % 100, tm.tm_hour % 100, tm.tm_min % 100,
		 tm.tm_sec % 100, sign, (off / 3600) % 100, (off / 60) % 60);
}

void
cal_format_minute(int minute, char out[CAL_HHMM_SIZE])
{
	int m = (int)ft_floormod(minute, 1440), h = m / 60;
	m %= 60;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}

void
cal_format_hhmm(ft_ms t, char out[CAL_HHMM_SIZE])
{
	cal_format_minute(cal_local_minute(t), out);
}
