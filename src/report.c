/*
 * report.c - one week, as numbers (SPEC §5 "Report JSON") and as text.
 *
 * The store is asked twice: the whole history once (distinct meals, walks,
 * hug days, taps and away weeks logged by T, for streaks and rhythm) and the
 * week's sessions with their members. Everything else is arithmetic in
 * habits.c.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "report.h"

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
	if (!store_load_history(st, at, &h, err))
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
		for (int slot = 0; slot < cfg->nslots; slot++)
			r->docked_meals[slot] += !!(s->members & (1u << slot));
	}
	store_free_sessions(rows);

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
		if (d < 0 || d > 6 || h.walks[i].length < cfg->walk_min)
			continue;
		r->days[d].walks++;
		r->days[d].walk_length += h.walks[i].length;
	}
	for (size_t i = 0; i < h.nhug_days; i++) {
		int64_t d = h.hug_days[i] - r->from_day;
		if (d >= 0 && d <= 6)
			r->days[d].hug = true;
		if (h.hug_days[i] == today)
			r->hug_today = true;
	}
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++) {
		int64_t w = week - (REPORT_HISTORY_WEEKS - 1) + i;
		r->history_meals[i] = habits_meal_count(&h, w);
		r->history_walks[i] = habits_walk_count(&h, cfg, w, NULL);
		r->history_away[i] = habits_is_away(&h, w);
	}
	history_free(&h);
	return true;
}

void
report_free(struct report *r)
{
	free(r->meals);
	r->meals = NULL;
	r->nmeals = 0;
}

/* A JSON string: quotes, backslashes and control characters escaped; UTF-8
 * passes through. */
static void
json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
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
		json_string(out, m->s.kind);
		fprintf(out, ", \"start\": \"%s\", \"end\": \"%s\", \"minutes\": %lld, \"phones\": %d,"
			     " \"interruptions\": %d, \"members\": [",
			start, end, minutes(m->s.end - m->s.start), m->s.phones, m->s.interruptions);
		for (int j = 0; j < m->nmembers; j++) {
			if (j)
				fputs(", ", out);
			json_string(out, m->members[j]);
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
		fprintf(out, "%s\n    { \"day\": \"%s\", \"time\": \"%02d:%02d\", \"kind\": \"%s\", \"label\": ",
			i ? "," : "", config_weekday_names[rt->weekday], rt->minute / 60, rt->minute % 60,
			config_ritual_kind_names[rt->kind]);
		json_string(out, rt->label);
		fprintf(out, ", \"kept\": %s }", r->ritual_kept[i] ? "true" : "false");
	}
	fprintf(out, "%s],\n", r->nrituals ? "\n  " : "");
	fprintf(out, "  \"away\": %s,\n", r->away ? "true" : "false");
	fprintf(out, "  \"rhythm\": { \"meals\": %d, \"walks\": %d },\n", r->rhythm_meals, r->rhythm_walks);
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
		for (int j = 0; j < m->nmembers; j++)
			fprintf(out, "%s%s", j ? ", " : "", m->members[j]);
		fputc('\n', out);
	}
	fprintf(out, "Phones down    %d %s, %lld min\n", r->down_sessions,
		plural(r->down_sessions, "session", "sessions"), minutes(r->down_length));
	fprintf(out, "Walks          %d of %d%s, %lld min\n", r->walk_count, r->walk_goal,
		r->walks_met ? "  (met)" : "", minutes(r->walk_length));
	fprintf(out, "Hugs           %d %s\n", r->hug_days, plural(r->hug_days, "day", "days"));
	for (int i = 0; i < r->nrituals; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		fprintf(out, "Ritual         %s %02d:%02d %s: %s\n", days[rt->weekday], rt->minute / 60,
			rt->minute % 60, rt->label, r->ritual_kept[i] ? "kept" : "not kept");
	}
	fprintf(out, "\nStreaks        meals %d %s (best %d), walks %d %s (best %d), hugs %d %s (best %d)\n",
		r->meal_streak.current, plural(r->meal_streak.current, "week", "weeks"), r->meal_streak.best,
		r->walk_streak.current, plural(r->walk_streak.current, "week", "weeks"), r->walk_streak.best,
		r->hug_streak.current, plural(r->hug_streak.current, "day", "days"), r->hug_streak.best);
	fprintf(out, "Rhythm         meals %d%%, walks %d%%\n", r->rhythm_meals, r->rhythm_walks);
}
