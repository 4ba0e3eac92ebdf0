/*
 * store_read.c - what the reports read from the store (the history, a
 * span's sessions, walks and calls) and the CSV export. Every read leaves
 * out a row with an impossible instant or day (MS_OK, DAY_OK). Part of the
 * store (store_internal.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "log.h"
#include "store_internal.h"

/* ---- queries ---- */

/* Grow *arr to hold at least N+1 items of SIZE. */
static bool
grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 64;
	void *p = realloc(*arr, ncap * size);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

/* A text column into DST (SIZE bytes): never cut inside a UTF-8 sequence,
 * and a byte that is not UTF-8 (a hand-edited file) replaced by '?', so
 * what the store gives back is always valid text. NULL reads as "". */
void
store_copy_text(char *dst, size_t size, const unsigned char *src)
{
	const char *s = src ? (const char *)src : "";
	size_t len = strlen(s), o = 0;
	for (size_t i = 0; i < len;) {
		size_t n = ft_utf8_seq(s + i, len - i);
		const char *from = n ? s + i : "?";
		size_t m = n ? n : 1;
		if (o + m >= size)
			break;
		memcpy(dst + o, from, m);
		o += m;
		i += m;
	}
	dst[o] = '\0';
}

/* Row readers for store_load_history: each fills one item from a row. */
static void
read_meal(sqlite3_stmt *q, void *item)
{
	struct history_meal *m = item;
	m->day = sqlite3_column_int64(q, 0);
	store_copy_text(m->kind, sizeof(m->kind), sqlite3_column_text(q, 1));
}

static void
read_walk(sqlite3_stmt *q, void *item)
{
	struct history_walk *w = item;
	w->day = sqlite3_column_int64(q, 0);
	w->length = sqlite3_column_int64(q, 1);
}

static void
read_int(sqlite3_stmt *q, void *item)
{
	*(int64_t *)item = sqlite3_column_int64(q, 0);
}

static void
read_tap(sqlite3_stmt *q, void *item)
{
	struct history_tap *t = item;
	t->day = sqlite3_column_int64(q, 0);
	store_copy_text(t->kind, sizeof(t->kind), sqlite3_column_text(q, 1));
}

/* Every row of SQL, its parameters bound to the NBIND integers of BIND,
 * into a grown array of items of SIZE bytes. */
bool
store_load_rows(struct store *st, const char *sql, const int64_t *bind, int nbind, void **arr, size_t *n,
	  size_t size, void (*read)(sqlite3_stmt *, void *), struct ft_error *err)
{
	sqlite3_stmt *q = store_stmt(st, sql, err);
	size_t cap = 0;
	int rc;
	if (!q)
		return false;
	for (int i = 0; i < nbind; i++)
		sqlite3_bind_int64(q, i + 1, bind[i]);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!grow(arr, &cap, *n, size)) {
			sqlite3_reset(q);
			return ft_fail(err, "out of memory");
		}
		read(q, (char *)*arr + *n * size);
		(*n)++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "read the history");
	return true;
}

/* "day:ms,...", each day's longest walk (store_schema.c), into WK. */
static void
read_walks(struct history_week *wk, const char *s)
{
	while (s && *s) {
		char *end;
		long day = strtol(s, &end, 10);
		if (*end != ':')
			return;
		long long ms = strtoll(end + 1, &end, 10);
		if (day >= 0 && day < 7)
			wk->walk_longest[day] = ms;
		s = *end == ',' ? end + 1 : NULL;
	}
}

/* Each week's figures from week_figure, for weeks LO..HI: those whose
 * rows all ended by AT go straight into H's weeks; the span of the others
 * (rows that ended later, which T must not see) goes to *STALE_LO and
 * *STALE_HI, to be figured again from the rows. */
static bool
load_weeks(struct store *st, ft_ms at, int64_t lo, int64_t hi, struct history *h,
	   int64_t *stale_lo, int64_t *stale_hi, struct ft_error *err)
{
	static const char sel[] =
		"SELECT week, meals, hugs, walks, last_ms FROM week_figure WHERE week BETWEEN ?1 AND ?2"
		" ORDER BY week";
	sqlite3_stmt *q = store_stmt(st, sel, err);
	int rc;
	if (!q)
		return false;
	sqlite3_bind_int64(q, 1, lo);
	sqlite3_bind_int64(q, 2, hi);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t w = sqlite3_column_int64(q, 0);
		if (sqlite3_column_int64(q, 4) > at) {
			*stale_lo = w < *stale_lo ? w : *stale_lo;
			*stale_hi = w > *stale_hi ? w : *stale_hi;
			continue;
		}
		struct history_week *wk = &h->weeks[w - h->first_week];
		wk->meals = sqlite3_column_int(q, 1);
		wk->hugs = (unsigned)sqlite3_column_int(q, 2) & 0x7fu;
		read_walks(wk, (const char *)sqlite3_column_text(q, 3));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "read the weeks");
	return true;
}

bool
store_load_history(struct store *st, ft_ms at, struct history *h, struct ft_error *err)
{
	return store_load_history_week(st, at, cal_week_of(at), h, err);
}

bool
store_load_history_week(struct store *st, ft_ms at, int64_t week, struct history *h,
			struct ft_error *err)
{
	static const char meals[] =
		"SELECT DISTINCT day, kind FROM session WHERE class = 'meal' AND end_ms <= ?1 AND"
		" day BETWEEN ?2 AND ?3 AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "ORDER BY day";
	static const char walks[] =
		"SELECT day, end_ms - start_ms FROM walk WHERE end_ms <= ?1 AND end_ms > start_ms AND"
		" day BETWEEN ?2 AND ?3 AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "ORDER BY day";
	static const char hugs[] =
		"SELECT DISTINCT day FROM hug WHERE t_ms <= ?1 AND day BETWEEN ?2 AND ?3 AND" MS_OK("t_ms")
		"ORDER BY day";
	static const char taps[] =
		"SELECT day, kind FROM tap WHERE t_ms <= ?1 AND day BETWEEN ?2 AND ?3 AND" MS_OK("t_ms")
		"ORDER BY day";
	static const char away[] = "SELECT week FROM away WHERE" WEEK_OK("week") "ORDER BY week";
	static const char last_week[] = "SELECT max(week) FROM week_figure";
	static const char first[] =
		"SELECT MIN(d) FROM (SELECT MIN(day) AS d FROM session WHERE end_ms <= ?1 AND" DAY_OK("day")
		" UNION ALL SELECT MIN(day) FROM walk WHERE end_ms <= ?1 AND" DAY_OK("day")
		" UNION ALL SELECT MIN(day) FROM hug WHERE t_ms <= ?1 AND" DAY_OK("day")
		" UNION ALL SELECT MIN(day) FROM tap WHERE t_ms <= ?1 AND" DAY_OK("day") ")";
	sqlite3_stmt *q;
	int rc;

	memset(h, 0, sizeof(*h));
	h->at = at;
	h->first_day = INT64_MAX;
	if (!(q = store_stmt(st, first, err)))
		return false;
	sqlite3_bind_int64(q, 1, at);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
		h->first_day = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return store_db_fail(st, err, "read the history");

	/* the weeks from week_figure; the rows of WEEK (and the Sunday before
	 * it: a meal window past midnight), and of any week with rows that
	 * ended after AT, whose figures are made again from them. Those days
	 * are possible ones, so the rows' queries leave DAY_OK out: a second
	 * range on day can make SQLite search the index by the wider one. */
	int64_t last = cal_week_of(at) > week ? cal_week_of(at) : week;
	int64_t stale_lo = INT64_MAX, stale_hi = INT64_MIN;
	/* the weeks stop at the last with anything in it: past it they are
	 * all nothing (history_week), and an AT of "ever" (FT_MS_NEVER)
	 * must not ask for an array of every week to come */
	if (h->first_day != INT64_MAX) {
		int64_t data_last = cal_week_of_day(h->first_day);
		if (!(q = store_stmt(st, last_week, err)))
			return false;
		if ((rc = sqlite3_step(q)) == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL &&
		    sqlite3_column_int64(q, 0) > data_last)
			data_last = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
		if (rc != SQLITE_ROW)
			return store_db_fail(st, err, "read the weeks");
		if (last > data_last)
			last = data_last;
	}
	int64_t rows[3] = {at, cal_week_monday(week) - 1, cal_week_monday(week) + 6};
	if (h->first_day != INT64_MAX) {
		if (!history_summarize(h, 1, 0, last)) /* the weeks, all zero */
			return ft_fail(err, "out of memory");
		if (!load_weeks(st, at, h->first_week, last, h, &stale_lo, &stale_hi, err)) {
			history_free(h);
			return false;
		}
		if (stale_lo <= stale_hi) {
			if (cal_week_monday(stale_lo) < rows[1])
				rows[1] = cal_week_monday(stale_lo);
			if (cal_week_monday(stale_hi) + 6 > rows[2])
				rows[2] = cal_week_monday(stale_hi) + 6;
		}
	}
	if (store_load_rows(st, meals, rows, 3, (void **)&h->meals, &h->nmeals, sizeof(*h->meals), read_meal, err) &&
	    store_load_rows(st, walks, rows, 3, (void **)&h->walks, &h->nwalks, sizeof(*h->walks), read_walk, err) &&
	    store_load_rows(st, hugs, rows, 3, (void **)&h->hug_days, &h->nhug_days, sizeof(*h->hug_days),
		      read_int, err) &&
	    store_load_rows(st, taps, rows, 3, (void **)&h->taps, &h->ntaps, sizeof(*h->taps), read_tap, err) &&
	    store_load_rows(st, away, NULL, 0, (void **)&h->away_weeks, &h->naway, sizeof(*h->away_weeks),
		      read_int, err)) {
		if (stale_lo > stale_hi || history_summarize(h, stale_lo, stale_hi, last))
			return true;
		ft_fail(err, "out of memory");
	}
	history_free(h);
	return false;
}

static enum session_class
class_of(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (name && strcmp(name, session_class_names[i]) == 0)
			return (enum session_class)i;
	return SESSION_SHORT;
}

static void
read_session(sqlite3_stmt *q, void *item)
{
	struct store_session *r = item;
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(q, 0);
	r->s.start = sqlite3_column_int64(q, 1);
	r->s.end = sqlite3_column_int64(q, 2);
	r->s.cls = class_of((const char *)sqlite3_column_text(q, 3));
	r->s.date = sqlite3_column_int64(q, 4);
	store_copy_text(r->s.kind, sizeof(r->s.kind), sqlite3_column_text(q, 5));
	r->s.phones = sqlite3_column_int(q, 6);
	r->s.interruptions = sqlite3_column_int(q, 7);
}

bool
store_sessions(struct store *st, int64_t from_day, int64_t to_day, ft_ms at,
	       struct store_session **out, size_t *n, struct ft_error *err)
{
	static const char sel[] =
		"SELECT id, start_ms, end_ms, class, day, kind, phones, interruptions FROM session"
		" WHERE day BETWEEN ? AND ? AND end_ms <= ? AND end_ms >= start_ms AND" MS_OK("start_ms")
		"AND" MS_OK("end_ms") "ORDER BY start_ms";
	static const char mem[] = "SELECT slot, name FROM session_member WHERE session_id = ? ORDER BY slot";
	const int64_t bind[] = {from_day, to_day, at};
	struct store_session *rows = NULL;
	size_t count = 0;
	sqlite3_stmt *q;
	int rc;
	if (!store_load_rows(st, sel, bind, 3, (void **)&rows, &count, sizeof(*rows), read_session, err)) {
		free(rows);
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		if (!(q = store_stmt(st, mem, err))) {
			free(rows);
			return false;
		}
		sqlite3_bind_int64(q, 1, rows[i].id);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW && rows[i].nmembers < FT_MAX_SLOTS) {
			int slot = sqlite3_column_int(q, 0);
			if (slot >= 1 && slot <= FT_MAX_SLOTS)
				rows[i].s.members |= 1u << (slot - 1);
			store_copy_text(rows[i].members[rows[i].nmembers++], FT_NAME_MAX,
				  sqlite3_column_text(q, 1));
		}
		sqlite3_reset(q);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			free(rows);
			return store_db_fail(st, err, "read session members");
		}
	}
	*out = rows;
	*n = count;
	return true;
}

void
store_free_sessions(struct store_session *rows)
{
	free(rows);
}

static void
read_store_walk(sqlite3_stmt *q, void *item)
{
	struct store_walk *w = item;
	w->id = sqlite3_column_int64(q, 0);
	w->start = sqlite3_column_int64(q, 1);
	w->end = sqlite3_column_int64(q, 2);
}

/* The rows of SQL for the days FROM_DAY..TO_DAY logged by AT (its three
 * parameters), into a new array of items of SIZE bytes (*out, the caller
 * frees it; NULL when there are none). */
static bool
load_days(struct store *st, const char *sql, int64_t from_day, int64_t to_day, ft_ms at, void **out,
	  size_t *n, size_t size, void (*read)(sqlite3_stmt *, void *), struct ft_error *err)
{
	const int64_t bind[] = {from_day, to_day, at};
	void *rows = NULL;
	size_t count = 0;
	if (!store_load_rows(st, sql, bind, 3, &rows, &count, size, read, err)) {
		free(rows);
		return false;
	}
	*out = rows;
	*n = count;
	return true;
}

bool
store_walks(struct store *st, int64_t from_day, int64_t to_day, ft_ms at, struct store_walk **out,
	    size_t *n, struct ft_error *err)
{
	static const char sel[] =
		"SELECT id, start_ms, end_ms FROM walk WHERE day BETWEEN ? AND ? AND end_ms <= ?"
		" AND end_ms > start_ms AND" MS_OK("start_ms") "AND" MS_OK("end_ms") "ORDER BY start_ms";
	return load_days(st, sel, from_day, to_day, at, (void **)out, n, sizeof(**out), read_store_walk,
			 err);
}

static void
read_call(sqlite3_stmt *q, void *item)
{
	struct store_call *c = item;
	c->id = sqlite3_column_int64(q, 0);
	c->t = sqlite3_column_int64(q, 1);
	c->from_slot = sqlite3_column_int(q, 2); /* NULL reads as 0 */
	store_copy_text(c->to, sizeof(c->to), sqlite3_column_text(q, 3));
}

bool
store_calls(struct store *st, int64_t from_day, int64_t to_day, ft_ms at, struct store_call **out,
	    size_t *n, struct ft_error *err)
{
	static const char sel[] =
		"SELECT id, t_ms, from_slot, to_name FROM tap WHERE kind = 'call'"
		" AND day BETWEEN ? AND ? AND t_ms <= ? AND" MS_OK("t_ms") "ORDER BY t_ms, id";
	return load_days(st, sel, from_day, to_day, at, (void **)out, n, sizeof(**out), read_call, err);
}

/* ---- export ---- */

/* RFC 4180: quote a field that holds a comma, a quote or a line break,
 * doubling its quotes. */
static void
csv_field(FILE *out, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n")) {
		size_t len = strlen(s);
		fputc('"', out);
		for (size_t i = 0; i < len;) {
			size_t n = ft_utf8_seq(s + i, len - i);
			if (n == 0) {
				ft_fputs_utf8("\xff", out); /* a byte that is not UTF-8: U+FFFD */
				n = 1;
			} else {
				if (s[i] == '"')
					fputc('"', out);
				fwrite(s + i, 1, n, out);
			}
			i += n;
		}
		fputc('"', out);
	} else {
		ft_fputs_utf8(s, out); /* every output is valid UTF-8 */
	}
	fputs(last ? "\r\n" : ",", out);
}

/* The export's columns: from, to are a call's caller (by the slot's name
 * now, as the report names it) and callee; a correction's own two come
 * last. */
static const char export_header[] =
	"record,date,kind,start,end,minutes,phones,interruptions,members,from,to,made,undone";

static int
export_columns(void)
{
	int n = 1;
	for (const char *p = export_header; *p; p++)
		n += *p == ',';
	return n;
}

/* Empty fields up to the correction's two columns. */
static void
csv_pad(FILE *out, int written)
{
	for (int i = written; i < export_columns() - 2; i++)
		csv_field(out, "", false);
}

/* One correction as a CSV row: record "correction", the date and times of
 * what it corrected, kind "add-walk", "remove-meal" (the row's record),
 * "away" or "away-off", then when it was made and undone. */
static void
export_correction(FILE *out, const struct store_correction *c)
{
	char date[16], kind[40], start[40] = "", end[40] = "", minutes[24] = "", made[40], undone[40] = "";
	if (c->week) {
		cal_day_name(cal_week_monday(c->target), date);
		snprintf(kind, sizeof(kind), "%s", store_fix_name(c->action));
		cal_format_time(cal_week_start(c->target), start);
		cal_format_time(cal_week_start(c->target + 1), end);
	} else {
		bool timed = c->entry.kind == STORE_SESSION || c->entry.kind == STORE_WALK;
		cal_day_name(c->entry.day, date);
		snprintf(kind, sizeof(kind), "%s-%s", store_fix_name(c->action), c->entry.record);
		cal_format_time(c->entry.start, start);
		if (timed) {
			cal_format_time(c->entry.end, end);
			snprintf(minutes, sizeof(minutes), "%lld",
				 (long long)((c->entry.end - c->entry.start) / FT_MINUTE));
		}
	}
	cal_format_time(c->made, made);
	if (c->undone >= 0)
		cal_format_time(c->undone, undone);
	csv_field(out, "correction", false);
	csv_field(out, date, false);
	csv_field(out, kind, false);
	csv_field(out, start, false);
	csv_field(out, end, false);
	csv_field(out, minutes, false);
	csv_pad(out, 6);
	csv_field(out, made, false);
	csv_field(out, undone, true);
}

bool
store_export_csv(struct store *st, const struct ft_config *cfg, void *file, struct ft_error *err)
{
	static const char sessions[] =
		"SELECT s.class, s.day, s.kind, s.start_ms, s.end_ms, s.phones, s.interruptions,"
		" (SELECT group_concat(name, '; ') FROM (SELECT name FROM session_member m"
		"   WHERE m.session_id = s.id ORDER BY slot))"
		" , NULL, NULL FROM session s WHERE" DAY_OK("day") "AND" MS_OK("start_ms") "AND" MS_OK("end_ms")
		" UNION ALL SELECT 'walk', day, '', start_ms, end_ms, NULL, NULL, NULL, NULL, NULL FROM walk WHERE"
		DAY_OK("day") "AND" MS_OK("start_ms") "AND" MS_OK("end_ms")
		" UNION ALL SELECT 'hug', day, '', t_ms, t_ms, NULL, NULL, NULL, NULL, NULL FROM hug WHERE"
		DAY_OK("day") "AND" MS_OK("t_ms")
		" UNION ALL SELECT 'tap', day, kind, t_ms, t_ms, NULL, NULL, NULL, from_slot, to_name FROM tap WHERE"
		DAY_OK("day") "AND" MS_OK("t_ms")
		" ORDER BY 4, 1";
	static const char left_out[] =
		"SELECT (SELECT count(*) FROM session WHERE NOT (" DAY_OK("day") "AND" MS_OK("start_ms")
		"AND" MS_OK("end_ms") "))"
		" + (SELECT count(*) FROM walk WHERE NOT (" DAY_OK("day") "AND" MS_OK("start_ms") "AND"
		MS_OK("end_ms") "))"
		" + (SELECT count(*) FROM hug WHERE NOT (" DAY_OK("day") "AND" MS_OK("t_ms") "))"
		" + (SELECT count(*) FROM tap WHERE NOT (" DAY_OK("day") "AND" MS_OK("t_ms") "))";
	FILE *out = file;
	sqlite3_stmt *q = store_stmt(st, sessions, err);
	int rc;
	if (!q)
		return false;
	fputs(export_header, out);
	fputs("\r\n", out);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		char date[16], start[40], end[40], minutes[24], phones[16], inter[16];
		const char *record = (const char *)sqlite3_column_text(q, 0);
		const char *kind = (const char *)sqlite3_column_text(q, 2);
		if (!record)
			record = "";
		ft_ms s = sqlite3_column_int64(q, 3), e = sqlite3_column_int64(q, 4);
		bool timed = strcmp(record, "hug") != 0 && strcmp(record, "tap") != 0;
		cal_day_name(sqlite3_column_int64(q, 1), date);
		cal_format_time(s, start);
		cal_format_time(e, end);
		snprintf(minutes, sizeof(minutes), "%lld", (long long)((e - s) / FT_MINUTE));
		snprintf(phones, sizeof(phones), "%d", sqlite3_column_int(q, 5));
		snprintf(inter, sizeof(inter), "%d", sqlite3_column_int(q, 6));
		bool session = sqlite3_column_type(q, 5) != SQLITE_NULL;
		const char *members = (const char *)sqlite3_column_text(q, 7);
		csv_field(out, record, false);
		csv_field(out, date, false);
		csv_field(out, kind ? kind : "", false);
		csv_field(out, start, false);
		csv_field(out, timed ? end : "", false);
		csv_field(out, timed ? minutes : "", false);
		csv_field(out, session ? phones : "", false);
		csv_field(out, session ? inter : "", false);
		char slot_name[FT_NAME_MAX];
		const char *caller = sqlite3_column_type(q, 8) == SQLITE_NULL
					     ? ""
					     : config_slot_name(cfg, sqlite3_column_int(q, 8), slot_name);
		const char *callee = (const char *)sqlite3_column_text(q, 9);
		csv_field(out, members ? members : "", false);
		csv_field(out, caller, false);
		csv_field(out, callee ? callee : "", false);
		csv_pad(out, 11);
		csv_field(out, "", false);
		csv_field(out, "", true);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return store_db_fail(st, err, "export");
	/* rows with impossible instants (a hand-edited file) are said, not
	 * silently dropped */
	if (!(q = store_stmt(st, left_out, err)))
		return false;
	if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int64(q, 0) > 0)
		log_warn("%s: %lld rows with impossible times or days left out of the export", st->path,
			 (long long)sqlite3_column_int64(q, 0));
	sqlite3_reset(q);
	/* then every correction, in the order they were made */
	struct store_correction *fixes;
	size_t nfixes;
	if (!store_corrections(st, &fixes, &nfixes, err))
		return false;
	for (size_t i = 0; i < nfixes; i++)
		export_correction(out, &fixes[i]);
	free(fixes);
	if (fflush(out) != 0 || ferror(out))
		return ft_fail(err, "export: write error: %s", strerror(errno));
	return true;
}
