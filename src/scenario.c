/*
 * scenario.c - parse and validate a scenario file (SPEC §5).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "scenario.h"

void
scenario_free(struct scenario *sc)
{
	free(sc->events);
	sc->events = NULL;
	sc->n = 0;
}

/* Split LINE (comment removed) into at most MAX words. */
static int
split(char *line, char **words, int max)
{
	int n = 0;
	for (char *save = NULL, *w = strtok_r(line, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (n == max)
			return max + 1;
		words[n++] = w;
	}
	return n;
}

static bool
parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || !(isdigit((unsigned char)s[0]) || s[0] == '-'))
		return false;
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* One line's event; returns false with err naming the line. */
static bool
parse_event(char **w, int n, const struct ft_config *cfg, struct scenario_event *ev,
	    const char *name, int lineno, struct ft_error *err)
{
	long v;
	const char *what = w[1];
	if (strcmp(what, "dock") == 0) {
		if (n != 4)
			return ft_fail(err, "%s:%d: expected \"dock SLOT in\" or \"dock SLOT out\"", name, lineno);
		if (!parse_int(w[2], LONG_MIN, LONG_MAX, &v))
			return ft_fail(err, "%s:%d: bad slot \"%s\"", name, lineno, w[2]);
		if (v < 1 || v > cfg->nslots)
			return ft_fail(err, "%s:%d: unknown slot %ld (the dock has slots 1 to %d)", name,
				       lineno, v, cfg->nslots);
		if (strcmp(w[3], "in") != 0 && strcmp(w[3], "out") != 0)
			return ft_fail(err, "%s:%d: unknown word \"%s\" (in or out)", name, lineno, w[3]);
		ev->kind = SCN_DOCK;
		ev->slot = (int)v;
		ev->level = strcmp(w[3], "in") == 0;
	} else if (strcmp(what, "walk") == 0) {
		if (n != 3)
			return ft_fail(err, "%s:%d: expected \"walk MINUTES\", \"walk start\" or \"walk stop\"",
				       name, lineno);
		if (strcmp(w[2], "start") == 0) {
			ev->kind = SCN_WALK_START;
		} else if (strcmp(w[2], "stop") == 0) {
			ev->kind = SCN_WALK_STOP;
		} else {
			if (!parse_int(w[2], LONG_MIN, LONG_MAX, &v))
				return ft_fail(err, "%s:%d: bad number of minutes \"%s\"", name, lineno, w[2]);
			if (v <= 0)
				return ft_fail(err, "%s:%d: a walk of %ld minutes (it must be more than zero)",
					       name, lineno, v);
			if (v > 7 * 24 * 60)
				return ft_fail(err, "%s:%d: a walk of %ld minutes is longer than a week", name,
					       lineno, v);
			ev->kind = SCN_WALK;
			ev->length = v * FT_MINUTE;
		}
	} else if (strcmp(what, "hug") == 0) {
		if (n != 2)
			return ft_fail(err, "%s:%d: unexpected \"%s\" after hug", name, lineno, w[2]);
		ev->kind = SCN_HUG;
	} else if (strcmp(what, "tap") == 0) {
		if (n != 3 || strcmp(w[2], "call") != 0)
			return ft_fail(err, "%s:%d: expected \"tap call\"", name, lineno);
		ev->kind = SCN_TAP;
		snprintf(ev->tap, sizeof(ev->tap), "%s", w[2]);
	} else if (strcmp(what, "away") == 0) {
		if (n == 3 && strcmp(w[2], "off") != 0)
			return ft_fail(err, "%s:%d: unknown word \"%s\" (away or away off)", name, lineno, w[2]);
		if (n > 3)
			return ft_fail(err, "%s:%d: expected \"away\" or \"away off\"", name, lineno);
		ev->kind = SCN_AWAY;
		ev->away = n == 2;
	} else {
		return ft_fail(err, "%s:%d: unknown word \"%s\" (dock, walk, hug, tap or away)", name,
			       lineno, what);
	}
	return true;
}

bool
scenario_parse(struct scenario *sc, const char *text, const char *name, const struct ft_config *cfg,
	       bool walk_open, struct ft_error *err)
{
	size_t cap = 0;
	int lineno = 0, walk_line = 0;
	ft_ms last = INT64_MIN, walk_start = INT64_MIN;
	const char *p = text;
	memset(sc, 0, sizeof(*sc));
	snprintf(sc->name, sizeof(sc->name), "%s", name);
	while (*p) {
		char buf[1024], *words[6];
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		/* a comment may be as long as it likes */
		const char *hash = memchr(p, '#', len);
		size_t used = hash ? (size_t)(hash - p) : len;
		lineno++;
		if (used >= sizeof(buf)) {
			ft_fail(err, "%s:%d: line too long", name, lineno);
			goto fail;
		}
		memcpy(buf, p, used);
		buf[used] = '\0';
		p += len + (nl != NULL);
		for (char *c = buf; *c; c++)
			if (*c == '\r')
				*c = ' ';
		int n = split(buf, words, 5);
		if (n == 0)
			continue;
		if (n > 5 || n < 2) {
			ft_fail(err, "%s:%d: expected \"TIME EVENT ...\"", name, lineno);
			goto fail;
		}
		struct scenario_event ev = {.line = lineno};
		if (!cal_parse_time(words[0], &ev.t)) {
			ft_fail(err, "%s:%d: bad time \"%s\" (RFC 3339, like 2026-11-23T18:55:00+01:00)",
				name, lineno, words[0]);
			goto fail;
		}
		if (ev.t < last) {
			ft_fail(err, "%s:%d: %s is out of order (before the line above)", name, lineno, words[0]);
			goto fail;
		}
		last = ev.t;
		if (!parse_event(words, n, cfg, &ev, name, lineno, err))
			goto fail;
		if (ev.kind == SCN_WALK_START) {
			if (walk_open) {
				if (walk_line)
					ft_fail(err, "%s:%d: walk start while the walk started on line %d is in progress",
						name, lineno, walk_line);
				else
					ft_fail(err, "%s:%d: walk start while the walk started before this scenario is in progress",
						name, lineno);
				goto fail;
			}
			walk_open = true;
			walk_line = lineno;
			walk_start = ev.t;
		} else if (ev.kind == SCN_WALK_STOP) {
			if (!walk_open) {
				ft_fail(err, "%s:%d: walk stop with no walk started", name, lineno);
				goto fail;
			}
			if (ev.t <= walk_start) {
				ft_fail(err, "%s:%d: a walk of zero minutes (stopped when it started, line %d)",
					name, lineno, walk_line);
				goto fail;
			}
			walk_open = false;
		}
		if (sc->n == cap) {
			cap = cap ? cap * 2 : 256;
			struct scenario_event *grown = realloc(sc->events, cap * sizeof(*grown));
			if (!grown) {
				ft_fail(err, "%s: out of memory", name);
				goto fail;
			}
			sc->events = grown;
		}
		sc->events[sc->n++] = ev;
	}
	return true;
fail:
	scenario_free(sc);
	return false;
}

bool
scenario_load(struct scenario *sc, const char *path, const struct ft_config *cfg, bool walk_open,
	      struct ft_error *err)
{
	char *text = ft_read_text(path, err);
	if (!text)
		return false;
	bool ok = scenario_parse(sc, text, path, cfg, walk_open, err);
	free(text);
	return ok;
}
