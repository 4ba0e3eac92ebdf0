/*
 * config_options.c - the configuration's table (config_internal.h): one
 * row per key of SPEC §6 with its parser and its printer, the rules
 * between keys, and what the table answers about a key (its name, whether
 * it is a list, whether only the installer's file may set it).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config_internal.h"

/* ---- value parsers: each returns false with a message in err ---- */

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

static bool
p_string(struct config_parse_ctx *ctx, void *field, const char *value, size_t size)
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

static bool p_chip(struct config_parse_ctx *c, void *f, const char *v) { return p_string(c, f, v, sizeof(c->cfg->chip)); }
static bool p_path(struct config_parse_ctx *c, void *f, const char *v) { return p_string(c, f, v, sizeof(c->cfg->store_path)); }

static bool
p_timezone(struct config_parse_ctx *ctx, void *field, const char *value)
{
	if (!p_string(ctx, field, value, sizeof(ctx->cfg->timezone)))
		return false;
	return cal_zone_exists(field, ctx->err);
}

static bool
p_language(struct config_parse_ctx *ctx, void *field, const char *value)
{
	if (strcmp(value, "en") != 0 && strcmp(value, "fr") != 0)
		return ft_fail(ctx->err, "bad language \"%s\" (en or fr)", value);
	strcpy(field, value);
	return true;
}

static bool
p_duration(struct config_parse_ctx *ctx, void *field, const char *value)
{
	if (!config_parse_duration(value, field))
		return ft_fail(ctx->err, "bad duration \"%s\" (a number and a unit: ms, s, min, h)", value);
	return true;
}

static bool
p_positive_duration(struct config_parse_ctx *ctx, void *field, const char *value)
{
	if (!p_duration(ctx, field, value))
		return false;
	if (*(ft_ms *)field <= 0)
		return ft_fail(ctx->err, "duration \"%s\" must be more than zero", value);
	return true;
}

static bool
p_count(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_bool(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_bias(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_lines(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_names(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_windows(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_ritual(struct config_parse_ctx *ctx, void *field, const char *value)
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
p_weekday(struct config_parse_ctx *ctx, void *field, const char *value)
{
	if (!parse_weekday(value, field))
		return ft_fail(ctx->err, "bad day \"%s\" (mon, tue, wed, thu, fri, sat or sun)", value);
	return true;
}

static bool
p_clock(struct config_parse_ctx *ctx, void *field, const char *value)
{
	if (!parse_clock(value, field) || *(int *)field >= 24 * 60)
		return ft_fail(ctx->err, "bad time \"%s\" (HH:MM)", value);
	return true;
}

static bool
p_night(struct config_parse_ctx *ctx, void *field, const char *value)
{
	struct ft_config *cfg = ctx->cfg;
	if (!parse_range(value, &cfg->night_start, &cfg->night_end) ||
	    cfg->night_start == cfg->night_end)
		return ft_fail(ctx->err, "bad night \"%s\" (like 22:00-06:30)", value);
	cfg->night_set = true;
	return true;
}

static bool
p_rotation(struct config_parse_ctx *ctx, void *field, const char *value)
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

const struct config_option config_options[] = {
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

_Static_assert(FT_ARRAY_LEN(config_options) <= FT_CONFIG_MAX_KEYS, "raise FT_CONFIG_MAX_KEYS");

/* The rules between keys. The dock has as many slots as lines names, else
 * as names names, else four; min_phones fits the dock; a meal's shortest
 * length is not longer than its longest. Sets nslots; returns the index of
 * the key a broken rule is about (err says how), or -1 when all hold. */
int
config_check_rules(struct ft_config *cfg, struct ft_error *err)
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
	return (int)FT_ARRAY_LEN(config_options);
}

const char *
config_key_name(int key)
{
	return config_options[key].name;
}

int
config_key_find(const char *name)
{
	for (size_t i = 0; i < FT_ARRAY_LEN(config_options); i++)
		if (strcmp(config_options[i].name, name) == 0)
			return (int)i;
	return -1;
}

bool
config_key_is_list(int key)
{
	return config_options[key].list;
}

const char *
config_key_installer_only(int key)
{
	return config_options[key].installer;
}

int
config_value_count(const struct ft_config *cfg, int key)
{
	return config_options[key].list ? cfg->nrituals : 1;
}

void
config_format(const struct ft_config *cfg, int key, int item, char *buf, size_t size)
{
	const struct config_option *o = &config_options[key];
	buf[0] = '\0';
	o->print(cfg, (const char *)cfg + o->offset, item, buf, size);
}

