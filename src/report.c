/*
 * report.c - one week, as numbers (SPEC §5 "Report JSON") and as text.
 *
 * The store is asked twice: the history once (each week's figures logged by
 * T, for streaks, rhythm and the year, and the week's meals, walks and
 * calls in detail) and the week's sessions with their members. Everything else is arithmetic in
 * habits.c.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "report.h"

/* Order of bonds.pairs: most meals first, then by the pair's slot numbers. */
static int
pair_order(const void *a, const void *b)
{
	const struct report_pair *p = a, *q = b;
	if (p->meals != q->meals)
		return q->meals - p->meals;
	if (p->slot[0] != q->slot[0])
		return p->slot[0] - q->slot[0];
	return p->slot[1] - q->slot[1];
}

/*
 * SPEC §3 bonds: for each meal of the week (a distinct date and kind), the
 * members of all its sessions together; each pair of them shares that meal
 * once. MEALS are sorted by start, so one meal's sessions are not always
 * next to each other (a lunch between two dinner sessions cannot happen, but
 * nothing here relies on it).
 */
static int
count_pairs(const struct store_session *meals, size_t n, struct report_pair *out)
{
	int together[FT_MAX_SLOTS][FT_MAX_SLOTS] = {{0}}, npairs = 0;
	for (size_t i = 0; i < n; i++) {
		if (meals[i].s.cls != SESSION_MEAL)
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = meals[j].s.cls == SESSION_MEAL && meals[j].s.date == meals[i].s.date &&
			       strcmp(meals[j].s.kind, meals[i].s.kind) == 0;
		if (seen)
			continue; /* counted with the meal's first session */
		unsigned members = 0;
		for (size_t j = i; j < n; j++)
			if (meals[j].s.cls == SESSION_MEAL && meals[j].s.date == meals[i].s.date &&
			    strcmp(meals[j].s.kind, meals[i].s.kind) == 0)
				members |= meals[j].s.members;
		for (int a = 0; a < FT_MAX_SLOTS; a++)
			for (int b = a + 1; b < FT_MAX_SLOTS; b++)
				together[a][b] += (members >> a & 1u) && (members >> b & 1u);
	}
	for (int a = 0; a < FT_MAX_SLOTS; a++)
		for (int b = a + 1; b < FT_MAX_SLOTS; b++)
			if (together[a][b] > 0)
				out[npairs++] = (struct report_pair){{a + 1, b + 1}, together[a][b]};
	qsort(out, (size_t)npairs, sizeof(out[0]), pair_order);
	return npairs;
}

/* Bonds over the four weeks that end with R's (for the review), and the
 * names of who was in them. */
static bool
count_pairs4(struct store *st, struct report *r, struct ft_error *err)
{
	struct store_session *rows = NULL;
	size_t n = 0;
	if (!store_sessions(st, r->from_day - 21, r->to_day, r->at, &rows, &n, err))
		return false;
	r->npairs4 = count_pairs(rows, n, r->pairs4);
	for (size_t i = 0; i < n; i++)
		for (int slot = 0, j = 0; slot < FT_MAX_SLOTS; slot++)
			if (rows[i].s.members & (1u << slot)) {
				if (!r->member_names[slot][0])
					snprintf(r->member_names[slot], FT_NAME_MAX, "%s", rows[i].members[j]);
				j++;
			}
	store_free_sessions(rows);
	return true;
}

/* The week's calls, their callers named by the slot's name (else number). */
static bool
load_calls(struct store *st, const struct ft_config *cfg, struct report *r, struct ft_error *err)
{
	struct store_call *rows = NULL;
	size_t n = 0;
	if (!store_calls(st, r->from_day, r->to_day, r->at, &rows, &n, err))
		return false;
	r->calls = calloc(n ? n : 1, sizeof(*r->calls));
	if (!r->calls) {
		free(rows);
		return ft_fail(err, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		struct report_call *c = &r->calls[i];
		char buf[FT_NAME_MAX];
		c->t = rows[i].t;
		c->from_slot = rows[i].from_slot;
		if (c->from_slot > 0)
			snprintf(c->from, sizeof(c->from), "%s", config_slot_name(cfg, c->from_slot, buf));
		snprintf(c->to, sizeof(c->to), "%s", rows[i].to);
	}
	r->ncalls = n;
	free(rows);
	return true;
}

int
report_call_names(struct store *st, ft_ms at, char names[][FT_NAME_MAX], int max,
		  struct ft_error *err)
{
	struct store_call *rows = NULL;
	size_t n = 0;
	/* every call ever logged by AT: a family calls a handful of people */
	if (!store_calls(st, INT32_MIN, INT32_MAX, at, &rows, &n, err))
		return -1;
	int k = 0;
	for (size_t i = n; i-- > 0 && k < max;) {
		if (!rows[i].to[0])
			continue;
		bool seen = false;
		for (int j = 0; j < k && !seen; j++)
			seen = strcmp(names[j], rows[i].to) == 0;
		if (!seen)
			snprintf(names[k++], FT_NAME_MAX, "%s", rows[i].to);
	}
	free(rows);
	return k;
}

bool
report_build(struct store *st, const struct ft_config *cfg, ft_ms at, struct report *r,
	     struct ft_error *err)
{
	return report_build_week(st, cfg, cal_week_of(at), at, r, err);
}

bool
report_build_week(struct store *st, const struct ft_config *cfg, int64_t week, ft_ms at,
		  struct report *r, struct ft_error *err)
{
	struct history h;
	struct store_session *rows = NULL;
	size_t nrows = 0;

	memset(r, 0, sizeof(*r));
	r->at = at;
	r->week = week;
	cal_week_name(week, r->week_name);
	r->from_day = cal_week_monday(week);
	r->to_day = r->from_day + 6;
	if (!store_load_history_week(st, at, week, &h, err))
		return false;
	if (!store_sessions(st, r->from_day, r->to_day, at, &rows, &nrows, err)) {
		history_free(&h);
		return false;
	}

	/* the meals and the phones-down time */
	r->meals = calloc(nrows ? nrows : 1, sizeof(*r->meals));
	if (!r->meals) {
		store_free_sessions(rows);
		history_free(&h);
		return ft_fail(err, "out of memory");
	}
	for (size_t i = 0; i < nrows; i++) {
		const struct session *s = &rows[i].s;
		if (s->cls == SESSION_SHORT || s->cls == SESSION_LEFT_DOCKED)
			continue;
		r->down_sessions++;
		r->down_length += s->end - s->start;
		if (s->cls != SESSION_MEAL)
			continue;
		r->meals[r->nmeals++] = rows[i];
		for (int slot = 0, j = 0; slot < FT_MAX_SLOTS; slot++) {
			if (!(s->members & (1u << slot)))
				continue;
			/* members[] holds the names in slot order */
			snprintf(r->member_names[slot], FT_NAME_MAX, "%s", rows[i].members[j++]);
			if (slot < cfg->nslots)
				r->docked_meals[slot]++;
		}
	}
	store_free_sessions(rows);
	r->npairs = count_pairs(r->meals, r->nmeals, r->pairs);
	if (!count_pairs4(st, r, err) || !load_calls(st, cfg, r, err)) {
		report_free(r);
		history_free(&h);
		return false;
	}

	r->meal_goal = cfg->meal_goal;
	r->meal_count = habits_meal_count(&h, week);
	r->meals_met = r->meal_count >= r->meal_goal;
	r->walk_goal = cfg->walk_goal;
	r->walk_count = habits_walk_count(&h, cfg, week, &r->walk_length);
	r->walks_met = r->walk_count >= r->walk_goal;
	r->hug_days = habits_hug_days(&h, week);
	r->nrituals = cfg->nrituals;
	for (int i = 0; i < cfg->nrituals; i++)
		r->ritual_kept[i] = habits_ritual_kept(&h, cfg, &cfg->rituals[i], week);
	r->away = habits_is_away(&h, week);
	r->rhythm_meals = habits_rhythm(&h, cfg, HABIT_MEALS);
	r->rhythm_walks = habits_rhythm(&h, cfg, HABIT_WALKS);
	r->recent_met_meals = habits_recent_met(&h, cfg, HABIT_MEALS, REPORT_RECENT_WEEKS, &r->recent_weeks);
	r->recent_met_walks = habits_recent_met(&h, cfg, HABIT_WALKS, REPORT_RECENT_WEEKS, &r->recent_weeks);
	r->meal_streak = habits_streak(&h, cfg, HABIT_MEALS);
	r->walk_streak = habits_streak(&h, cfg, HABIT_WALKS);
	r->hug_streak = habits_hug_streak(&h);

	/* for the display: the days of the week and twelve weeks back */
	int64_t today = cal_day_of(at);
	for (int d = 0; d < 7; d++)
		r->days[d].day = r->from_day + d;
	for (size_t i = 0; i < h.nmeals; i++) {
		int64_t d = h.meals[i].day - r->from_day;
		if (d < 0 || d > 6)
			continue;
		for (int w = 0; w < cfg->nwindows; w++)
			if (strcmp(cfg->windows[w].kind, h.meals[i].kind) == 0)
				r->days[d].meal_kinds |= 1u << w;
	}
	for (size_t i = 0; i < h.nwalks; i++) {
		int64_t d = h.walks[i].day - r->from_day;
		if (d < 0 || d > 6 || !habits_walk_counts(cfg, h.walks[i].length))
			continue;
		r->days[d].walks++;
		r->days[d].walk_length += h.walks[i].length;
	}
	const struct history_week *wk = history_week(&h, week);
	for (int d = 0; d < 7; d++)
		r->days[d].hug = wk && (wk->hugs >> d & 1u);
	wk = history_week(&h, cal_week_of_day(today));
	r->hug_today = wk && (wk->hugs >> (today - cal_week_monday(cal_week_of_day(today))) & 1u);
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++) {
		int64_t w = week - (REPORT_HISTORY_WEEKS - 1) + i;
		r->history_meals[i] = habits_meal_count(&h, w);
		r->history_walks[i] = habits_walk_count(&h, cfg, w, NULL);
		r->history_away[i] = habits_is_away(&h, w);
	}
	for (int i = 0; i < REPORT_YEAR_WEEKS; i++) {
		int64_t w = week - (REPORT_YEAR_WEEKS - 1) + i;
		r->year_meals[i] = habits_meal_count(&h, w);
		r->year_walks[i] = habits_walk_count(&h, cfg, w, NULL);
		r->year_hugs[i] = habits_hug_days(&h, w);
		r->year_away[i] = habits_is_away(&h, w);
	}
	r->first_week = h.first_day == INT64_MAX ? week : cal_week_of_day(h.first_day);
	if (r->first_week > week)
		r->first_week = week;
	history_free(&h);
	return true;
}

void
report_free(struct report *r)
{
	free(r->meals);
	r->meals = NULL;
	r->nmeals = 0;
	free(r->calls);
	r->calls = NULL;
	r->ncalls = 0;
}

/* The name of SLOT in the week's pairs: as logged with its meals. */
const char *
report_member_name(const struct report *r, const struct ft_config *cfg, int slot,
		   char buf[FT_NAME_MAX])
{
	if (slot >= 1 && slot <= FT_MAX_SLOTS && r->member_names[slot - 1][0])
		return r->member_names[slot - 1];
	return config_slot_name(cfg, slot, buf);
}

/* A string, or null for "" (a call logged without who and whom). */
static void
json_string_or_null(FILE *out, const char *s)
{
	if (s[0])
		ft_json_string(out, s);
	else
		fputs("null", out);
}

/* A rhythm: a whole percent, or null while there is none (SPEC §4). */
static void
json_percent(FILE *out, int percent)
{
	if (percent == HABITS_NO_RHYTHM)
		fputs("null", out);
	else
		fprintf(out, "%d", percent);
}

static long long
minutes(ft_ms length)
{
	return (long long)(length / FT_MINUTE);
}

void
report_print_json(FILE *out, const struct report *r, const struct ft_config *cfg)
{
	char from[16], to[16];
	cal_day_name(r->from_day, from);
	cal_day_name(r->to_day, to);
	fprintf(out, "{\n  \"week\": \"%s\", \"from\": \"%s\", \"to\": \"%s\",\n", r->week_name, from, to);
	fprintf(out, "  \"meals\": { \"count\": %d, \"goal\": %d, \"met\": %s,\n    \"list\": [",
		r->meal_count, r->meal_goal, r->meals_met ? "true" : "false");
	for (size_t i = 0; i < r->nmeals; i++) {
		const struct store_session *m = &r->meals[i];
		char date[16], start[40], end[40];
		cal_day_name(m->s.date, date);
		cal_format_time(m->s.start, start);
		cal_format_time(m->s.end, end);
		fprintf(out, "%s\n      { \"date\": \"%s\", \"kind\": ", i ? "," : "", date);
		ft_json_string(out, m->s.kind);
		fprintf(out, ", \"start\": \"%s\", \"end\": \"%s\", \"minutes\": %lld, \"phones\": %d,"
			     " \"interruptions\": %d, \"members\": [",
			start, end, minutes(m->s.end - m->s.start), m->s.phones, m->s.interruptions);
		for (int j = 0; j < m->nmembers; j++) {
			if (j)
				fputs(", ", out);
			ft_json_string(out, m->members[j]);
		}
		fputs("] }", out);
	}
	fprintf(out, "%s] },\n", r->nmeals ? "\n    " : "");
	fprintf(out, "  \"phones_down\": { \"sessions\": %d, \"minutes\": %lld },\n", r->down_sessions,
		minutes(r->down_length));
	fprintf(out, "  \"walks\": { \"count\": %d, \"goal\": %d, \"met\": %s, \"minutes\": %lld },\n",
		r->walk_count, r->walk_goal, r->walks_met ? "true" : "false", minutes(r->walk_length));
	fprintf(out, "  \"hugs\": { \"days\": %d },\n", r->hug_days);
	fputs("  \"rituals\": [", out);
	for (int i = 0; i < r->nrituals; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		char hhmm[CAL_HHMM_SIZE];
		cal_format_minute(rt->minute, hhmm);
		fprintf(out, "%s\n    { \"day\": \"%s\", \"time\": \"%s\", \"kind\": \"%s\", \"label\": ",
			i ? "," : "", config_weekday_names[rt->weekday], hhmm,
			config_ritual_kind_names[rt->kind]);
		ft_json_string(out, rt->label);
		fprintf(out, ", \"kept\": %s }", r->ritual_kept[i] ? "true" : "false");
	}
	fprintf(out, "%s],\n", r->nrituals ? "\n  " : "");
	fputs("  \"calls\": [", out);
	for (size_t i = 0; i < r->ncalls; i++) {
		const struct report_call *c = &r->calls[i];
		char when[40];
		cal_format_time(c->t, when);
		fprintf(out, "%s\n    { \"time\": \"%s\", \"from\": ", i ? "," : "", when);
		json_string_or_null(out, c->from);
		fputs(", \"to\": ", out);
		json_string_or_null(out, c->to);
		fputs(" }", out);
	}
	fprintf(out, "%s],\n", r->ncalls ? "\n  " : "");
	fputs("  \"bonds\": { \"pairs\": [", out);
	for (int i = 0; i < r->npairs; i++) {
		char a[FT_NAME_MAX], b[FT_NAME_MAX];
		fprintf(out, "%s\n    { \"members\": [", i ? "," : "");
		ft_json_string(out, report_member_name(r, cfg, r->pairs[i].slot[0], a));
		fputs(", ", out);
		ft_json_string(out, report_member_name(r, cfg, r->pairs[i].slot[1], b));
		fprintf(out, "], \"meals\": %d }", r->pairs[i].meals);
	}
	fprintf(out, "%s] },\n", r->npairs ? "\n  " : "");
	fprintf(out, "  \"away\": %s,\n", r->away ? "true" : "false");
	fputs("  \"rhythm\": { \"meals\": ", out);
	json_percent(out, r->rhythm_meals);
	fputs(", \"walks\": ", out);
	json_percent(out, r->rhythm_walks);
	fputs(" },\n", out);
	fprintf(out,
		"  \"streaks\": { \"meals\": { \"current\": %d, \"best\": %d },\n"
		"               \"walks\": { \"current\": %d, \"best\": %d },\n"
		"               \"hugs\":  { \"current\": %d, \"best\": %d } }\n}\n",
		r->meal_streak.current, r->meal_streak.best, r->walk_streak.current, r->walk_streak.best,
		r->hug_streak.current, r->hug_streak.best);
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

void
report_print_text(FILE *out, const struct report *r, const struct ft_config *cfg)
{
	static const char *days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	char from[16], to[16];
	cal_day_name(r->from_day, from);
	cal_day_name(r->to_day, to);
	fprintf(out, "Week %s (%s to %s)%s\n\n", r->week_name, from, to, r->away ? ", marked away" : "");
	fprintf(out, "Shared meals   %d of %d%s\n", r->meal_count, r->meal_goal, r->meals_met ? "  (met)" : "");
	for (size_t i = 0; i < r->nmeals; i++) {
		const struct store_session *m = &r->meals[i];
		char start[40];
		cal_format_time(m->s.start, start);
		fprintf(out, "  %s %-9s %.5s  %3lld min  ", days[cal_weekday(m->s.date)], m->s.kind,
			start + 11, minutes(m->s.end - m->s.start));
		for (int j = 0; j < m->nmembers; j++) {
			fputs(j ? ", " : "", out);
			ft_fputs_utf8(m->members[j], out);
		}
		fputc('\n', out);
	}
	fprintf(out, "Phones down    %d %s, %lld min\n", r->down_sessions,
		plural(r->down_sessions, "session", "sessions"), minutes(r->down_length));
	fprintf(out, "Walks          %d of %d%s, %lld min\n", r->walk_count, r->walk_goal,
		r->walks_met ? "  (met)" : "", minutes(r->walk_length));
	fprintf(out, "Hugs           %d %s\n", r->hug_days, plural(r->hug_days, "day", "days"));
	fprintf(out, "Calls          %zu\n", r->ncalls);
	for (size_t i = 0; i < r->ncalls; i++) {
		const struct report_call *c = &r->calls[i];
		char when[40];
		cal_format_time(c->t, when);
		fprintf(out, "  %s %.5s", days[cal_weekday(cal_day_of(c->t))], when + 11);
		if (c->from[0])
			fprintf(out, "  %s called %s", c->from, c->to);
		fputc('\n', out);
	}
	fputs("Together       ", out);
	if (r->npairs == 0)
		fputs("no meal shared by two of the family", out);
	for (int i = 0; i < r->npairs; i++) {
		char a[FT_NAME_MAX], b[FT_NAME_MAX];
		fprintf(out, "%s%s & %s %d %s", i ? ", " : "",
			report_member_name(r, cfg, r->pairs[i].slot[0], a),
			report_member_name(r, cfg, r->pairs[i].slot[1], b), r->pairs[i].meals,
			plural(r->pairs[i].meals, "meal", "meals"));
	}
	fputc('\n', out);
	for (int i = 0; i < r->nrituals; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		char hhmm[CAL_HHMM_SIZE];
		cal_format_minute(rt->minute, hhmm);
		fprintf(out, "Ritual         %s %s ", days[rt->weekday], hhmm);
		ft_fputs_utf8(rt->label, out);
		fprintf(out, ": %s\n", r->ritual_kept[i] ? "kept" : "not kept");
	}
	fprintf(out, "\nStreaks        meals %d %s (best %d), walks %d %s (best %d), hugs %d %s (best %d)\n",
		r->meal_streak.current, plural(r->meal_streak.current, "week", "weeks"), r->meal_streak.best,
		r->walk_streak.current, plural(r->walk_streak.current, "week", "weeks"), r->walk_streak.best,
		r->hug_streak.current, plural(r->hug_streak.current, "day", "days"), r->hug_streak.best);
	if (r->rhythm_meals == HABITS_NO_RHYTHM)
		fputs("Rhythm         none yet (it starts once a whole week has gone by)\n", out);
	else
		fprintf(out, "Rhythm         meals %d%%, walks %d%%\n", r->rhythm_meals, r->rhythm_walks);
}
