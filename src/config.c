/*
 * config.c - the INI file of SPEC §6.
 *
 * Every option is one row of the table in config_options.c: its section,
 * key, how its value is parsed and where it lands. Adding an option is one
 * row (and its default in config_defaults). Errors name the file and line:
 * for an unknown section its header line, for anything else the key's line.
 *
 * This file reads the text (lines, comments, sections, keys) and applies
 * the rows; the same rows serve the settings made on the display
 * (config_set): one key at a time, the same parser, the same rules between
 * keys, and a printer per row that writes the value back as the file would
 * take it.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config_internal.h"

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

/* Where the comment of the LEN bytes at P starts, or LEN: the one rule for
 * comments, for the file and for a value set on the display alike. A
 * comment is '#' or ';' starting the line (after white space), or '#'
 * after white space outside quotes (so "#2" and a"#"b are values). */
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

/* Strip a line's comment (comment_start), then trim. */
static char *
clean_line(char *line)
{
	char *s = line, *end;
	line[comment_start(line, strlen(line))] = '\0';
	while (isspace((unsigned char)*s))
		s++;
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
	int seen[FT_CONFIG_MAX_KEYS] = {0};
	char section[32] = "";
	int lineno = 0, lines_line = 0, names_line = 0, phones_line = 0, meal_line = 0;
	struct ft_error verr;
	struct config_parse_ctx ctx = {cfg, &verr};
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
		for (i = 0; i < (size_t)config_key_count(); i++)
			if (strcmp(config_options[i].section, section) == 0 &&
			    strcmp(config_options[i].key, key) == 0)
				break;
		if (i == (size_t)config_key_count())
			return ft_fail(err, "%s:%d: unknown key \"%s\" in [%s]", name, lineno, key, section);
		if (seen[i] && !config_options[i].list)
			return ft_fail(err, "%s:%d: %s is set twice (first on line %d)", name, lineno, key, seen[i]);
		if (!seen[i] && config_options[i].list && strcmp(key, "ritual") == 0)
			cfg->nrituals = 0; /* the file's rituals replace the defaults */
		seen[i] = lineno;
		if (*value == '\0')
			return ft_fail(err, "%s:%d: %s has no value", name, lineno, key);
		if (!config_options[i].parse(&ctx, (char *)cfg + config_options[i].offset, value))
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
	int broken = config_check_rules(cfg, &verr);
	if (broken < 0)
		return true;
	const char *about = config_options[broken].key;
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
	const struct config_option *o = &config_options[key];
	struct ft_config *next = malloc(sizeof(*next));
	struct ft_error verr;
	struct config_parse_ctx ctx = {next, &verr};
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
	int broken = config_check_rules(next, &verr);
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

