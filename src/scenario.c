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

/*
 * The words of the LEN bytes at P into BUF (SIZE bytes), pointers in WORDS.
 * A word is a run of non-blank bytes or a "quoted string" (a name with a
 * space: tap call Anna "Grandma Jo"); '#' outside quotes starts a comment.
 * Returns the number of words, MAX + 1 when there are more than MAX, -1 for
 * a quote not closed, -2 when the words do not fit in BUF.
 */
static int
split(const char *p, size_t len, char *buf, size_t size, char **words, int max)
{
	size_t i = 0, used = 0;
	int n = 0;
	for (;;) {
		while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
			i++;
		if (i == len || p[i] == '#')
			return n;
		if (n == max)
			return max + 1;
		bool quoted = p[i] == '"';
		words[n++] = buf + used;
		i += quoted;
		while (i < len && (quoted ? p[i] != '"' : p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '#')) {
			if (used + 1 >= size)
				return -2;
			buf[used++] = p[i++];
		}
		if (quoted) {
			if (i == len)
				return -1;
			i++; /* the closing quote */
		}
		buf[used++] = '\0';
	}
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

/* Who called (a dock name, else a slot number) and whom (any name), SPEC §5
 * "tap call FROM TO". */
static bool
parse_call(const char *from, const char *to, const struct ft_config *cfg, struct scenario_event *ev,
	   const char *name, int lineno, struct ft_error *err)
{
	long v;
	ev->from_slot = 0;
	for (int i = 0; i < cfg->nslots && !ev->from_slot; i++)
		if (cfg->names[i][0] && strcmp(cfg->names[i], from) == 0)
			ev->from_slot = i + 1;
	if (!ev->from_slot && parse_int(from, 1, cfg->nslots, &v))
		ev->from_slot = (int)v;
	if (!ev->from_slot) {
		char known[FT_MAX_SLOTS * FT_NAME_MAX] = "";
		size_t used = 0;
		for (int i = 0; i < cfg->nslots; i++)
			if (cfg->names[i][0] && used < sizeof(known))
				used += (size_t)snprintf(known + used, sizeof(known) - used, "%s%s",
							 used ? ", " : "", cfg->names[i]);
		return ft_fail(err, "%s:%d: unknown caller \"%s\" (who called: %s%s%sa slot number from 1 to %d)",
			       name, lineno, from, used ? "one of the dock's names, " : "", known,
			       used ? ", or " : "", cfg->nslots);
	}
	if (to[0] == '\0')
		return ft_fail(err, "%s:%d: empty name for whom was called", name, lineno);
	if (strlen(to) >= sizeof(ev->to))
		return ft_fail(err, "%s:%d: the name \"%.20s...\" is too long (at most %d bytes)", name,
			       lineno, to, (int)sizeof(ev->to) - 1);
	snprintf(ev->to, sizeof(ev->to), "%s", to);
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
		if ((n != 3 && n != 5) || strcmp(w[2], "call") != 0)
			return ft_fail(err, "%s:%d: expected \"tap call\" or \"tap call FROM TO\" (who called, and whom)",
				       name, lineno);
		ev->kind = SCN_TAP;
		snprintf(ev->tap, sizeof(ev->tap), "%s", w[2]);
		if (n == 5 && !parse_call(w[3], w[4], cfg, ev, name, lineno, err))
			return false;
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
	const char *p = ft_skip_bom(text); /* as some editors write it */
	memset(sc, 0, sizeof(*sc));
	snprintf(sc->name, sizeof(sc->name), "%s", name);
	while (*p) {
		char buf[1024], *words[6];
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t bad = ft_utf8_invalid(p, len);
		if (bad < len) {
			ft_fail(err, "%s:%d: not UTF-8 text (byte %zu of the line); save the file as UTF-8",
				name, lineno + 1, bad + 1);
			goto fail;
		}
		lineno++;
		/* a comment may be as long as it likes: only the words must fit */
		int n = split(p, len, buf, sizeof(buf), words, 5);
		p += len + (nl != NULL);
		if (n == -1) {
			ft_fail(err, "%s:%d: a quote is not closed", name, lineno);
			goto fail;
		}
		if (n == -2) {
			ft_fail(err, "%s:%d: line too long", name, lineno);
			goto fail;
		}
		if (n == 0)
			continue;
		if (n > 5 || n < 2) {
			ft_fail(err, "%s:%d: expected \"TIME EVENT ...\"", name, lineno);
			goto fail;
		}
		struct scenario_event ev = {.line = lineno};
		struct ft_error why;
		if (!cal_parse_time_err(words[0], &ev.t, &why)) {
			ft_fail(err, "%s:%d: %s", name, lineno, why.msg);
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
