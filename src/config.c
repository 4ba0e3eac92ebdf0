/*
 * config.c - the INI file of SPEC §6.
 *
 * Every option is one row of the table below: its section, key, how its
 * value is parsed and where it lands. Adding an option is one row (and its
 * default in config_defaults). Errors name the file and line: for an unknown
 * section its header line, for anything else the key's line.
 *
 * The same rows serve the settings made on the display (config_set): one
 * key at a time, the same parser, the same rules between keys, and a
 * printer per row that writes the value back as the file would take it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config.h"

const char *const config_weekday_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char *const config_ritual_kind_names[3] = {"call", "meal", "walk"};
const char *const config_source_names[3] = {"default", "file", "display"};

void
config_defaults(struct ft_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->chip, sizeof(cfg->chip), "gpiochip0");
	cfg->nslots = 4;             /* no lines, no names: a four-slot dock */
	cfg->active_low = true;      /* a closed switch pulls the line to ground */
	cfg->bias = FT_BIAS_PULL_UP; /* so an open switch reads high */
	cfg->debounce = 50;
	cfg->min_phones = 2;
	cfg->meal_min = 15 * FT_MINUTE;
	cfg->meal_max = 3 * FT_HOUR;
	cfg->grace = 2 * FT_MINUTE;
	cfg->nwindows = 3;
	cfg->windows[0] = (struct ft_window){"breakfast", 6 * 60, 10 * 60 + 30};
	cfg->windows[1] = (struct ft_window){"lunch", 11 * 60 + 30, 14 * 60 + 30};
	cfg->windows[2] = (struct ft_window){"dinner", 17 * 60 + 30, 21 * 60 + 30};
	cfg->meal_goal = 3;
	cfg->walk_min = 20 * FT_MINUTE;
	cfg->walk_goal = 1;
	cfg->hug = 20 * FT_SECOND;
	cfg->review_weekday = 6;     /* Sunday */
	cfg->review_minute = 19 * 60 + 30; /* SPEC §6: Sunday evening, after the meal */
	cfg->rotation = 0;
}

void
config_window_on(const struct ft_window *w, int64_t day, ft_ms *from, ft_ms *to)
{
	*from = cal_local_instant(day, w->start);
	*to = cal_local_instant(w->end > w->start ? day : day + 1, w->end);
}

bool
config_window_contains(const struct ft_window *w, int64_t day, int64_t minute_day, int minute)
{
	/* ends included, as SPEC §3 reads "contains" */
	if (w->end > w->start)
		return minute_day == day && w->start <= minute && minute <= w->end;
	return (minute_day == day && minute >= w->start) || (minute_day == day + 1 && minute <= w->end);
}

const char *
config_slot_name(const struct ft_config *cfg, int slot, char buf[FT_NAME_MAX])
{
	if (slot >= 1 && slot <= FT_MAX_SLOTS && cfg->names[slot - 1][0])
		return cfg->names[slot - 1];
	snprintf(buf, FT_NAME_MAX, "%d", slot);
	return buf;
}

bool
config_parse_duration(const char *s, ft_ms *out)
{
	static const struct { const char *unit; ft_ms ms; } units[] = {
		{"ms", 1}, {"s", FT_SECOND}, {"sec", FT_SECOND}, {"min", FT_MINUTE},
		{"m", FT_MINUTE}, {"h", FT_HOUR},
	};
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || errno || v < 0 || !isdigit((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i < FT_ARRAY_LEN(units); i++) {
		if (strcmp(end, units[i].unit) == 0) {
			if (v > INT64_MAX / units[i].ms / 1000)
				return false;
			*out = v * units[i].ms;
			return true;
		}
	}
	return false;
}

/* ---- value parsers: each returns false with a message in err ---- */

struct parse_ctx {
	struct ft_config *cfg;
	struct ft_error *err;
};

/* Next word of P, or a "quoted string" (which may hold spaces). */
static bool
next_token(const char **p, char *out, size_t size, bool *ok)
{
	const char *s = *p;
	size_t n = 0;
	*ok = true;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return false;
	if (*s == '"') {
		s++;
		while (*s && *s != '"') {
			if (n + 1 < size)
				out[n++] = *s;
			else
				*ok = false;
			s++;
		}
		if (*s != '"')
			*ok = false; /* unterminated */
		else
			s++;
	} else {
		while (*s && !isspace((unsigned char)*s)) {
			if (n + 1 < size)
				out[n++] = *s;
			else
				*ok = false;
			s++;
		}
	}
	out[n] = '\0';
	*p = s;
	return true;
}

static bool
parse_clock(const char *s, int *minute)
{
	/* exactly HH:MM, digits only */
	for (int i = 0; i < 5; i++)
		if (i == 2 ? s[i] != ':' : !isdigit((unsigned char)s[i]))
			return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (s[5] != '\0' || h > 24 || m > 59 || (h == 24 && m != 0))
		return false;
	*minute = h * 60 + m;
	return true;
}

static bool
parse_weekday(const char *s, int *weekday)
{
	for (int i = 0; i < 7; i++) {
		if (strcasecmp(s, config_weekday_names[i]) == 0) {
			*weekday = i;
			return true;
		}
	}
	return false;
}

/* "06:00-10:30" */
static bool
parse_range(const char *s, int *start, int *end)
{
	char a[8], b[8];
	const char *dash = strchr(s, '-');
	if (!dash || dash - s >= (long)sizeof(a) || strlen(dash + 1) >= sizeof(b))
		return false;
	memcpy(a, s, (size_t)(dash - s));
	a[dash - s] = '\0';
	strcpy(b, dash + 1);
	return parse_clock(a, start) && parse_clock(b, end);
}

typedef bool (*value_parser)(struct parse_ctx *ctx, void *field, const char *value);

static bool
p_string(struct parse_ctx *ctx, void *field, const char *value, size_t size)
{
	char tok[PATH_MAX];
	const char *p = value;
	bool ok;
	if (value[0] == '"') {
		if (!next_token(&p, tok, sizeof(tok), &ok) || !ok || *p)
			return ft_fail(ctx->err, "bad quoted value %s", value);
		value = tok;
	}
	if (strlen(value) >= size)
		return ft_fail(ctx->err, "value too long (at most %zu bytes)", size - 1);
	strcpy(field, value);
	return true;
}

static bool p_chip(struct parse_ctx *c, void *f, const char *v) { return p_string(c, f, v, sizeof(c->cfg->chip)); }
static bool p_path(struct parse_ctx *c, void *f, const char *v) { return p_string(c, f, v, sizeof(c->cfg->store_path)); }

static bool
p_timezone(struct parse_ctx *ctx, void *field, const char *value)
{
	if (!p_string(ctx, field, value, sizeof(ctx->cfg->timezone)))
		return false;
	return cal_zone_exists(field, ctx->err);
}

static bool
p_language(struct parse_ctx *ctx, void *field, const char *value)
{
	if (strcmp(value, "en") != 0 && strcmp(value, "fr") != 0)
		return ft_fail(ctx->err, "bad language \"%s\" (en or fr)", value);
	strcpy(field, value);
	return true;
}

static bool
p_duration(struct parse_ctx *ctx, void *field, const char *value)
{
	if (!config_parse_duration(value, field))
		return ft_fail(ctx->err, "bad duration \"%s\" (a number and a unit: ms, s, min, h)", value);
	return true;
}

static bool
p_positive_duration(struct parse_ctx *ctx, void *field, const char *value)
{
	if (!p_duration(ctx, field, value))
		return false;
	if (*(ft_ms *)field <= 0)
		return ft_fail(ctx->err, "duration \"%s\" must be more than zero", value);
	return true;
}

static bool
p_count(struct parse_ctx *ctx, void *field, const char *value)
{
	char *end;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (end == value || *end || errno || v < 1 || v > 1000 || !isdigit((unsigned char)value[0]))
		return ft_fail(ctx->err, "bad number \"%s\" (a whole number from 1)", value);
	*(int *)field = (int)v;
	return true;
}

static bool
p_bool(struct parse_ctx *ctx, void *field, const char *value)
{
	static const char *yes[] = {"true", "yes", "on", "1"}, *no[] = {"false", "no", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(value, yes[i]) == 0) {
			*(bool *)field = true;
			return true;
		}
		if (strcasecmp(value, no[i]) == 0) {
			*(bool *)field = false;
			return true;
		}
	}
	return ft_fail(ctx->err, "bad boolean \"%s\" (true or false)", value);
}

static bool
p_bias(struct parse_ctx *ctx, void *field, const char *value)
{
	static const char *names[] = {"as-is", "pull-up", "pull-down", "disable"};
	for (int i = 0; i < 4; i++) {
		if (strcmp(value, names[i]) == 0) {
			*(enum ft_bias *)field = (enum ft_bias)i;
			return true;
		}
	}
	return ft_fail(ctx->err, "bad bias \"%s\" (pull-up, pull-down, disable or as-is)", value);
}

static bool
p_lines(struct parse_ctx *ctx, void *field, const char *value)
{
	struct ft_config *cfg = ctx->cfg;
	char tok[32];
	const char *p = value;
	bool ok;
	int n = 0;
	while (next_token(&p, tok, sizeof(tok), &ok)) {
		char *end;
		errno = 0;
		long v = strtol(tok, &end, 10);
		if (!ok || end == tok || *end || errno || v < 0 || v > 1023 || !isdigit((unsigned char)tok[0]))
			return ft_fail(ctx->err, "bad line offset \"%s\"", tok);
		if (n == FT_MAX_SLOTS)
			return ft_fail(ctx->err, "too many lines (at most %d slots)", FT_MAX_SLOTS);
		for (int i = 0; i < n; i++)
			if (cfg->lines[i] == (unsigned)v)
				return ft_fail(ctx->err, "line %ld is named twice", v);
		cfg->lines[n++] = (unsigned)v;
	}
	if (n == 0)
		return ft_fail(ctx->err, "lines names no line");
	cfg->nlines = n;
	return true;
}

static bool
p_names(struct parse_ctx *ctx, void *field, const char *value)
{
	struct ft_config *cfg = ctx->cfg;
	char tok[FT_NAME_MAX];
	const char *p = value;
	bool ok;
	int n = 0;
	memset(cfg->names, 0, sizeof(cfg->names));
	while (next_token(&p, tok, sizeof(tok), &ok)) {
		if (!ok)
			return ft_fail(ctx->err, "bad name \"%s\" (too long, or a quote not closed)", tok);
		if (n == FT_MAX_SLOTS)
			return ft_fail(ctx->err, "too many names (at most %d slots)", FT_MAX_SLOTS);
		if (tok[0] == '\0')
			return ft_fail(ctx->err, "empty name");
		strcpy(cfg->names[n++], tok);
	}
	if (n == 0)
		return ft_fail(ctx->err, "names names no one");
	*(int *)field = n; /* nnames; the slots follow from the rules between keys */
	return true;
}

static bool
p_windows(struct parse_ctx *ctx, void *field, const char *value)
{
	struct ft_config *cfg = ctx->cfg;
	char buf[512];
	int n = 0;
	if (strlen(value) >= sizeof(buf))
		return ft_fail(ctx->err, "windows too long");
	strcpy(buf, value);
	for (char *save = NULL, *item = strtok_r(buf, ",", &save); item;
	     item = strtok_r(NULL, ",", &save)) {
		char kind[32], range[32], extra[2];
		struct ft_window w;
		if (sscanf(item, " %31s %31s %1s", kind, range, extra) != 2)
			return ft_fail(ctx->err, "bad meal window \"%s\" (like: dinner 17:30-21:30)", item);
		if (strlen(kind) >= sizeof(w.kind))
			return ft_fail(ctx->err, "meal window name \"%s\" too long", kind);
		for (char *c = kind; *c; c++)
			if (!isalpha((unsigned char)*c) && *c != '-' && *c != '_')
				return ft_fail(ctx->err, "bad meal window name \"%s\"", kind);
		strcpy(w.kind, kind);
		/* a window that ends before it starts runs past midnight */
		if (!parse_range(range, &w.start, &w.end) || w.start == w.end || w.start == 24 * 60)
			return ft_fail(ctx->err, "bad meal window time \"%s\" (like 17:30-21:30, or 22:00-01:00 past midnight)", range);
		if (n == FT_MAX_WINDOWS)
			return ft_fail(ctx->err, "too many meal windows (at most %d)", FT_MAX_WINDOWS);
		for (int i = 0; i < n; i++)
			if (strcmp(cfg->windows[i].kind, w.kind) == 0)
				return ft_fail(ctx->err, "meal window \"%s\" named twice", w.kind);
		cfg->windows[n++] = w;
	}
	if (n == 0)
		return ft_fail(ctx->err, "windows names no window");
	cfg->nwindows = n;
	return true;
}

/* "mon 18:00 call \"Call a friend\"" */
static bool
p_ritual(struct parse_ctx *ctx, void *field, const char *value)
{
	struct ft_config *cfg = ctx->cfg;
	struct ft_ritual r = {0};
	char day[16], clock[16], kind[16];
	const char *p = value;
	bool ok;
	int k;
	if (!next_token(&p, day, sizeof(day), &ok) || !ok || !parse_weekday(day, &r.weekday))
		return ft_fail(ctx->err, "bad ritual \"%s\" (like: mon 18:00 call \"Call a friend\"): bad day", value);
	if (!next_token(&p, clock, sizeof(clock), &ok) || !ok || !parse_clock(clock, &r.minute) || r.minute >= 24 * 60)
		return ft_fail(ctx->err, "bad ritual \"%s\": bad time (HH:MM)", value);
	if (!next_token(&p, kind, sizeof(kind), &ok) || !ok)
		return ft_fail(ctx->err, "bad ritual \"%s\": missing kind (call, meal or walk)", value);
	for (k = 0; k < 3; k++)
		if (strcmp(kind, config_ritual_kind_names[k]) == 0)
			break;
	if (k == 3)
		return ft_fail(ctx->err, "bad ritual \"%s\": unknown kind \"%s\" (call, meal or walk)", value, kind);
	r.kind = (enum ft_ritual_kind)k;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '"') {
		if (!next_token(&p, r.label, sizeof(r.label), &ok) || !ok)
			return ft_fail(ctx->err, "bad ritual label (too long, or a quote not closed)");
		while (isspace((unsigned char)*p))
			p++;
		if (*p)
			return ft_fail(ctx->err, "unexpected \"%s\" after the ritual's label", p);
	} else if (*p) {
		if (strlen(p) >= sizeof(r.label))
			return ft_fail(ctx->err, "ritual label too long");
		strcpy(r.label, p);
	} else {
		strcpy(r.label, kind);
	}
	if (cfg->nrituals == FT_MAX_RITUALS)
		return ft_fail(ctx->err, "too many rituals (at most %d)", FT_MAX_RITUALS);
	cfg->rituals[cfg->nrituals++] = r;
	(void)field;
	return true;
}

static bool
p_weekday(struct parse_ctx *ctx, void *field, const char *value)
{
	if (!parse_weekday(value, field))
		return ft_fail(ctx->err, "bad day \"%s\" (mon, tue, wed, thu, fri, sat or sun)", value);
	return true;
}

static bool
p_clock(struct parse_ctx *ctx, void *field, const char *value)
{
	if (!parse_clock(value, field) || *(int *)field >= 24 * 60)
		return ft_fail(ctx->err, "bad time \"%s\" (HH:MM)", value);
	return true;
}

static bool
p_night(struct parse_ctx *ctx, void *field, const char *value)
{
	struct ft_config *cfg = ctx->cfg;
	if (!parse_range(value, &cfg->night_start, &cfg->night_end) ||
	    cfg->night_start == cfg->night_end)
		return ft_fail(ctx->err, "bad night \"%s\" (like 22:00-06:30)", value);
	cfg->night_set = true;
	return true;
}

static bool
p_rotation(struct parse_ctx *ctx, void *field, const char *value)
{
	static const char *ok[] = {"0", "90", "180", "270"};
	for (int i = 0; i < 4; i++) {
		if (strcmp(value, ok[i]) == 0) {
			*(int *)field = i * 90;
			return true;
		}
	}
	return ft_fail(ctx->err, "bad rotation \"%s\" (0, 90, 180 or 270)", value);
}

/* ---- value printers: the value as the file would take it back ---- */

typedef void (*value_printer)(const struct ft_config *cfg, const void *field, int item,
			      char *buf, size_t size);

/* TEXT, quoted when the file would otherwise read it differently (white
 * space, a '#', a leading quote). */
static void
put_word(char *buf, size_t size, const char *text)
{
	if (text[0] && !strpbrk(text, " \t#") && text[0] != '"')
		snprintf(buf, size, "%s", text);
	else
		snprintf(buf, size, "\"%s\"", text);
}

/* Appends to BUF (which holds a string). */
static void
append(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
append(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;
	if (n >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
}

static void
f_string(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	const char *text = field;
	if (text[0])
		put_word(buf, size, text);
	else
		buf[0] = '\0'; /* unset */
}

static void
f_lines(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < cfg->nlines; i++)
		append(buf, size, "%s%u", i ? " " : "", cfg->lines[i]);
}

static void
f_names(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	char word[FT_NAME_MAX + 2];
	buf[0] = '\0';
	for (int i = 0; i < cfg->nnames; i++) {
		put_word(word, sizeof(word), cfg->names[i]);
		append(buf, size, "%s%s", i ? " " : "", word);
	}
}

static void
f_bool(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	snprintf(buf, size, "%s", *(const bool *)field ? "true" : "false");
}

static void
f_bias(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	static const char *names[] = {"as-is", "pull-up", "pull-down", "disable"};
	snprintf(buf, size, "%s", names[*(const enum ft_bias *)field]);
}

/* In the largest unit that keeps it exact: 90min, 3h, 50ms. */
static void
f_duration(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	static const struct { const char *unit; ft_ms ms; } units[] = {
		{"h", FT_HOUR}, {"min", FT_MINUTE}, {"s", FT_SECOND},
	};
	ft_ms v = *(const ft_ms *)field;
	for (size_t i = 0; i < FT_ARRAY_LEN(units); i++) {
		if (v > 0 && v % units[i].ms == 0) {
			snprintf(buf, size, "%lld%s", (long long)(v / units[i].ms), units[i].unit);
			return;
		}
	}
	snprintf(buf, size, "%lldms", (long long)v);
}

static void
f_count(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	snprintf(buf, size, "%d", *(const int *)field);
}

static void
put_clock(char *buf, size_t size, int minute)
{
	/* not cal_format_minute(): a window's end may be 24:00, as written */
	append(buf, size, "%02d:%02d", minute / 60, minute % 60);
}

static void
f_windows(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < cfg->nwindows; i++) {
		append(buf, size, "%s%s ", i ? ", " : "", cfg->windows[i].kind);
		put_clock(buf, size, cfg->windows[i].start);
		append(buf, size, "-");
		put_clock(buf, size, cfg->windows[i].end);
	}
}

static void
f_ritual(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	const struct ft_ritual *r = &cfg->rituals[item];
	buf[0] = '\0';
	if (item >= cfg->nrituals)
		return; /* no rituals: an empty list */
	append(buf, size, "%s ", config_weekday_names[r->weekday]);
	put_clock(buf, size, r->minute);
	/* a label that holds a quote cannot be quoted: the file takes the
	 * rest of the line as it is */
	append(buf, size, strchr(r->label, '"') ? " %s %s" : " %s \"%s\"",
	       config_ritual_kind_names[r->kind], r->label);
}

static void
f_weekday(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	snprintf(buf, size, "%s", config_weekday_names[*(const int *)field]);
}

static void
f_clock(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	buf[0] = '\0';
	put_clock(buf, size, *(const int *)field);
}

static void
f_night(const struct ft_config *cfg, const void *field, int item, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!cfg->night_set)
		return;
	put_clock(buf, size, cfg->night_start);
	append(buf, size, "-");
	put_clock(buf, size, cfg->night_end);
}

/* ---- the table ---- */

#define F(member) offsetof(struct ft_config, member)
#define KEY(section, key) section, key, section "." key

/* Why the display may not set a key (SPEC §6: the family sets names, goals,
 * rituals, meal windows, review, night, language, time zone and rotation;
 * the installer's file holds the rest). */
static const char wiring[] =
	"the dock's wiring is the installer's: set it in the configuration file";
static const char measure[] =
	"what counts as a meal, a walk or a hug is the installer's (changing it would "
	"re-judge the whole history): set it in the configuration file";
static const char store_place[] =
	"the database's place cannot be kept in the database: set it in the configuration file";

static const struct option {
	const char *section, *key, *name;
	value_parser parse;
	value_printer print;
	size_t offset;
	bool list;              /* may repeat */
	const char *installer;  /* NULL: the display may set it; else why not */
} options[] = {
	{KEY("dock", "chip"), p_chip, f_string, F(chip), false, wiring},
	{KEY("dock", "lines"), p_lines, f_lines, F(nlines), false, wiring},
	{KEY("dock", "names"), p_names, f_names, F(nnames), false, NULL},
	{KEY("dock", "active_low"), p_bool, f_bool, F(active_low), false, wiring},
	{KEY("dock", "bias"), p_bias, f_bias, F(bias), false, wiring},
	{KEY("dock", "debounce"), p_duration, f_duration, F(debounce), false, wiring},
	{KEY("meal", "min_phones"), p_count, f_count, F(min_phones), false, measure},
	{KEY("meal", "min_duration"), p_positive_duration, f_duration, F(meal_min), false, measure},
	{KEY("meal", "max_duration"), p_positive_duration, f_duration, F(meal_max), false, measure},
	{KEY("meal", "grace"), p_positive_duration, f_duration, F(grace), false, measure},
	{KEY("meal", "windows"), p_windows, f_windows, F(nwindows), false, NULL},
	{KEY("meal", "weekly_goal"), p_count, f_count, F(meal_goal), false, NULL},
	{KEY("walk", "min_duration"), p_positive_duration, f_duration, F(walk_min), false, measure},
	{KEY("walk", "weekly_goal"), p_count, f_count, F(walk_goal), false, NULL},
	{KEY("hug", "duration"), p_positive_duration, f_duration, F(hug), false, measure},
	{KEY("rituals", "ritual"), p_ritual, f_ritual, F(nrituals), true, NULL},
	{KEY("review", "day"), p_weekday, f_weekday, F(review_weekday), false, NULL},
	{KEY("review", "time"), p_clock, f_clock, F(review_minute), false, NULL},
	{KEY("display", "night"), p_night, f_night, F(night_start), false, NULL},
	{KEY("display", "rotation"), p_rotation, f_count, F(rotation), false, NULL},
	{KEY("display", "language"), p_language, f_string, F(language), false, NULL},
	{KEY("store", "path"), p_path, f_string, F(store_path), false, store_place},
	{KEY("time", "timezone"), p_timezone, f_string, F(timezone), false, NULL},
};

_Static_assert(FT_ARRAY_LEN(options) <= FT_CONFIG_MAX_KEYS, "raise FT_CONFIG_MAX_KEYS");

/* The rules between keys. The dock has as many slots as lines names, else
 * as names names, else four; min_phones fits the dock; a meal's shortest
 * length is not longer than its longest. Sets nslots; returns the index of
 * the key a broken rule is about (err says how), or -1 when all hold. */
static int
check_rules(struct ft_config *cfg, struct ft_error *err)
{
	cfg->nslots = cfg->nlines ? cfg->nlines : cfg->nnames ? cfg->nnames : 4;
	if (cfg->nlines && cfg->nnames && cfg->nnames != cfg->nlines) {
		ft_fail(err, "names names %d slots but lines names %d", cfg->nnames, cfg->nlines);
		return config_key_find("dock.names");
	}
	if (cfg->min_phones > cfg->nslots) {
		ft_fail(err, "min_phones is %d but the dock has %d slots", cfg->min_phones, cfg->nslots);
		return config_key_find("meal.min_phones");
	}
	if (cfg->meal_min > cfg->meal_max) {
		ft_fail(err, "[meal] min_duration is longer than max_duration");
		return config_key_find("meal.min_duration");
	}
	return -1;
}

int
config_key_count(void)
{
	return (int)FT_ARRAY_LEN(options);
}

const char *
config_key_name(int key)
{
	return options[key].name;
}

int
config_key_find(const char *name)
{
	for (size_t i = 0; i < FT_ARRAY_LEN(options); i++)
		if (strcmp(options[i].name, name) == 0)
			return (int)i;
	return -1;
}

bool
config_key_is_list(int key)
{
	return options[key].list;
}

const char *
config_key_installer_only(int key)
{
	return options[key].installer;
}

int
config_value_count(const struct ft_config *cfg, int key)
{
	return options[key].list ? cfg->nrituals : 1;
}

void
config_format(const struct ft_config *cfg, int key, int item, char *buf, size_t size)
{
	const struct option *o = &options[key];
	buf[0] = '\0';
	o->print(cfg, (const char *)cfg + o->offset, item, buf, size);
}

/* Where the comment of the LEN bytes at P starts ('#' or ';' starting the
 * line, or '#' after white space outside quotes), or LEN. */
static size_t
comment_start(const char *p, size_t len)
{
	size_t i = 0;
	bool quoted = false;
	while (i < len && isspace((unsigned char)p[i]))
		i++;
	if (i < len && (p[i] == '#' || p[i] == ';'))
		return i;
	for (; i < len; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (p[i] == '#' && !quoted && i > 0 && isspace((unsigned char)p[i - 1]))
			return i;
	}
	return len;
}

/* Strip a comment: '#' or ';' starting the line, or '#' after white space
 * outside quotes. Then trim. */
static char *
clean_line(char *line)
{
	bool quoted = false;
	char *s = line, *end;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '#' || *s == ';')
		return s + strlen(s);
	for (char *c = s; *c; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (*c == '#' && !quoted && c > s && isspace((unsigned char)c[-1])) {
			*c = '\0';
			break;
		}
	}
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

bool
config_parse(struct ft_config *cfg, const char *text, const char *name, struct ft_error *err)
{
	static const char *sections[] = {"dock", "meal", "walk", "hug", "rituals", "review",
					 "display", "store", "time"};
	int seen[FT_ARRAY_LEN(options)] = {0};
	char section[32] = "";
	int lineno = 0, lines_line = 0, names_line = 0, phones_line = 0, meal_line = 0;
	struct ft_error verr;
	struct parse_ctx ctx = {cfg, &verr};
	const char *p = ft_skip_bom(text); /* as some editors write it */

	while (*p) {
		char buf[1024] = ""; /* (clang's analyzer cannot see buf[used] = 0 below) */
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t bad = ft_utf8_invalid(p, len);
		if (bad < len)
			return ft_fail(err, "%s:%d: not UTF-8 text (byte %zu of the line); save the file as UTF-8",
				       name, lineno + 1, bad + 1);
		/* a comment may be as long as it likes: only what comes before it
		 * must fit */
		size_t used = comment_start(p, len);
		lineno++;
		if (used >= sizeof(buf))
			return ft_fail(err, "%s:%d: line too long", name, lineno);
		memcpy(buf, p, used);
		buf[used] = '\0';
		p += len + (nl != NULL);
		if (used && buf[used - 1] == '\r')
			buf[used - 1] = '\0';
		char *line = clean_line(buf);
		if (*line == '\0')
			continue;
		if (*line == '[') {
			char *close = strchr(line, ']');
			size_t i;
			if (!close || close[1] != '\0')
				return ft_fail(err, "%s:%d: bad section header \"%s\"", name, lineno, line);
			*close = '\0';
			for (i = 0; i < FT_ARRAY_LEN(sections); i++)
				if (strcmp(line + 1, sections[i]) == 0)
					break;
			if (i == FT_ARRAY_LEN(sections))
				return ft_fail(err, "%s:%d: unknown section [%s]", name, lineno, line + 1);
			snprintf(section, sizeof(section), "%s", line + 1);
			continue;
		}
		char *eq = strchr(line, '=');
		if (!eq)
			return ft_fail(err, "%s:%d: expected key = value, got \"%s\"", name, lineno, line);
		if (!section[0])
			return ft_fail(err, "%s:%d: key outside a section", name, lineno);
		char *key = line, *value = eq + 1, *kend = eq;
		while (kend > key && isspace((unsigned char)kend[-1]))
			kend--;
		*kend = '\0';
		while (isspace((unsigned char)*value))
			value++;
		size_t i;
		for (i = 0; i < FT_ARRAY_LEN(options); i++)
			if (strcmp(options[i].section, section) == 0 && strcmp(options[i].key, key) == 0)
				break;
		if (i == FT_ARRAY_LEN(options))
			return ft_fail(err, "%s:%d: unknown key \"%s\" in [%s]", name, lineno, key, section);
		if (seen[i] && !options[i].list)
			return ft_fail(err, "%s:%d: %s is set twice (first on line %d)", name, lineno, key, seen[i]);
		if (!seen[i] && options[i].list && strcmp(key, "ritual") == 0)
			cfg->nrituals = 0; /* the file's rituals replace the defaults */
		seen[i] = lineno;
		if (*value == '\0')
			return ft_fail(err, "%s:%d: %s has no value", name, lineno, key);
		if (!options[i].parse(&ctx, (char *)cfg + options[i].offset, value))
			return ft_fail(err, "%s:%d: %s: %s", name, lineno, key, verr.msg);
		cfg->source[i] = FT_SOURCE_FILE;
		if (strcmp(key, "lines") == 0)
			lines_line = lineno;
		else if (strcmp(key, "names") == 0)
			names_line = lineno;
		else if (strcmp(key, "min_phones") == 0)
			phones_line = lineno;
		else if ((strcmp(key, "min_duration") == 0 && strcmp(section, "meal") == 0) ||
			 (strcmp(key, "max_duration") == 0 && !meal_line))
			meal_line = lineno;
	}

	/* A broken rule between keys names the line of the key it is about. */
	int broken = check_rules(cfg, &verr);
	if (broken < 0)
		return true;
	const char *about = options[broken].key;
	int line = strcmp(about, "names") == 0 ? names_line
		 : strcmp(about, "min_phones") == 0
			   ? (phones_line ? phones_line : (lines_line ? lines_line : names_line))
			   : meal_line;
	return ft_fail(err, "%s:%d: %s", name, line, verr.msg);
}

bool
config_set(struct ft_config *cfg, int key, const char *const *values, int nvalues,
	   enum ft_source source, struct ft_error *err)
{
	const struct option *o = &options[key];
	struct ft_config *next = malloc(sizeof(*next));
	struct ft_error verr;
	struct parse_ctx ctx = {next, &verr};
	bool ok = false;
	if (!next)
		return ft_fail(err, "out of memory");
	*next = *cfg;
	if (!o->list && nvalues != 1) {
		ft_fail(err, "%s takes one value, not %d", o->name, nvalues);
		goto out;
	}
	if (o->list)
		next->nrituals = 0; /* the values replace the list */
	for (int i = 0; i < nvalues; i++) {
		char buf[1024];
		if (strlen(values[i]) >= sizeof(buf) || strchr(values[i], '\n')) {
			ft_fail(err, "%s: a value is one line of less than %zu bytes", o->name, sizeof(buf));
			goto out;
		}
		/* as the file would see it: comments and white space dropped */
		strcpy(buf, values[i]);
		char *value = clean_line(buf);
		if (*value == '\0') {
			ft_fail(err, "%s has no value", o->name);
			goto out;
		}
		if (!o->parse(&ctx, (char *)next + o->offset, value)) {
			ft_fail(err, "%s: %s", o->name, verr.msg);
			goto out;
		}
	}
	int broken = check_rules(next, &verr);
	if (broken >= 0) {
		ft_fail(err, "%s: %s", o->name, verr.msg);
		goto out;
	}
	next->source[key] = source;
	*cfg = *next;
	ok = true;
out:
	free(next);
	return ok;
}

bool
config_load(struct ft_config *cfg, const char *path, struct ft_error *err)
{
	char *text = ft_read_text(path, err);
	if (!text)
		return false;
	bool ok = config_parse(cfg, text, path, err);
	free(text);
	return ok;
}
