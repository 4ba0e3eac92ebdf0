/*
 * settings.c - the family's settings (SPEC §6): the database's values over
 * the file's, key by key.
 *
 * What a key means and how its value is checked is config.c's table; this
 * file only stores the text of a value (exactly as the file would hold it)
 * under the key's name and lays it back over the configuration. A list
 * (rituals.ritual) is stored as its items joined by line feeds, which no
 * value can hold; an empty text is an empty list.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "settings.h"

#define SETTINGS_MAX_ITEMS FT_MAX_RITUALS

/* Splits TEXT (modified) at line feeds into at most SETTINGS_MAX_ITEMS
 * items; "" is no item. Returns the count, or -1 when there are too many. */
static int
split_items(char *text, const char *items[SETTINGS_MAX_ITEMS])
{
	int n = 0;
	if (*text == '\0')
		return 0;
	for (char *p = text;; ) {
		if (n == SETTINGS_MAX_ITEMS)
			return -1;
		items[n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			return n;
		*nl = '\0';
		p = nl + 1;
	}
}

struct overlay {
	struct ft_config *cfg;
};

static void
overlay_one(void *ctx, const char *name, const char *value)
{
	struct overlay *o = ctx;
	const char *items[SETTINGS_MAX_ITEMS];
	struct ft_error err;
	int key = config_key_find(name);
	if (key < 0 || config_key_installer_only(key)) {
		log_warn("display setting %s ignored: not a key the display may set", name);
		return;
	}
	char *text = strdup(value);
	if (!text) {
		log_warn("display setting %s ignored: out of memory", name);
		return;
	}
	int n = split_items(text, items);
	if (n < 0 || (n != 1 && !config_key_is_list(key)))
		log_warn("display setting %s ignored: it holds %d values", name, n);
	else if (!config_set(o->cfg, key, items, n, FT_SOURCE_DISPLAY, &err))
		log_warn("display setting ignored, the file's value applies: %s", err.msg);
	free(text);
}

bool
settings_overlay(struct ft_config *cfg, struct store *st, struct ft_error *err)
{
	struct overlay o = {cfg};
	return store_settings(st, overlay_one, &o, err);
}

int
settings_key(const char *name, struct ft_error *err)
{
	int key = config_key_find(name);
	if (key < 0) {
		ft_fail(err, "unknown setting \"%s\" (SECTION.KEY; `familytable settings` lists them)", name);
		return -1;
	}
	const char *why = config_key_installer_only(key);
	if (why) {
		ft_fail(err, "%s cannot be set on the display: %s", name, why);
		return -1;
	}
	return key;
}

/* NEXT (a copy of the effective configuration) with NAME set to VALUES. */
static int
apply(struct ft_config *next, const char *name, const char *const *values, int nvalues,
      struct ft_error *err)
{
	int key = settings_key(name, err);
	if (key < 0)
		return FT_EXIT_USAGE;
	if (nvalues > SETTINGS_MAX_ITEMS) {
		ft_fail(err, "%s: too many values (at most %d)", name, SETTINGS_MAX_ITEMS);
		return FT_EXIT_USAGE;
	}
	return config_set(next, key, values, nvalues, FT_SOURCE_DISPLAY, err) ? FT_EXIT_OK
									       : FT_EXIT_USAGE;
}

int
settings_check(const struct ft_config *cfg, const char *name, const char *const *values,
	       int nvalues, struct ft_error *err)
{
	struct ft_config *next = malloc(sizeof(*next));
	if (!next) {
		ft_fail(err, "out of memory");
		return FT_EXIT_FAILURE;
	}
	*next = *cfg;
	int rc = apply(next, name, values, nvalues, err);
	free(next);
	return rc;
}

int
settings_set(struct store *st, struct ft_config *cfg, const char *name, const char *const *values,
	     int nvalues, ft_ms t, struct ft_error *err)
{
	struct ft_config *next = malloc(sizeof(*next));
	if (!next) {
		ft_fail(err, "out of memory");
		return FT_EXIT_FAILURE;
	}
	*next = *cfg;
	int rc = apply(next, name, values, nvalues, err);
	if (rc != FT_EXIT_OK) {
		free(next);
		return rc;
	}
	/* the values as given, joined: parsed again the same way when laid
	 * over the file */
	size_t len = 1;
	for (int i = 0; i < nvalues; i++)
		len += strlen(values[i]) + 1;
	char *text = malloc(len);
	if (!text) {
		free(next);
		ft_fail(err, "out of memory");
		return FT_EXIT_FAILURE;
	}
	text[0] = '\0';
	for (int i = 0; i < nvalues; i++) {
		if (i)
			strcat(text, "\n");
		strcat(text, values[i]);
	}
	bool ok = store_set_setting(st, name, text, t, err);
	if (ok)
		*cfg = *next;
	free(text);
	free(next);
	return ok ? FT_EXIT_OK : FT_EXIT_FAILURE;
}

int
settings_reset(struct store *st, const char *name, bool *had, struct ft_error *err)
{
	if (settings_key(name, err) < 0)
		return FT_EXIT_USAGE;
	return store_reset_setting(st, name, had, err) ? FT_EXIT_OK : FT_EXIT_FAILURE;
}

void
settings_print_key(FILE *out, const struct ft_config *cfg, int key)
{
	char value[1024];
	int n = config_value_count(cfg, key);
	const char *source = config_source_names[cfg->source[key]];
	/* an empty list still has its line, with no value */
	for (int i = 0; i < (n ? n : 1); i++) {
		config_format(cfg, key, i, value, sizeof(value));
		fprintf(out, "%s = %s  # %s\n", config_key_name(key), value, source);
	}
}

void
settings_print(FILE *out, const struct ft_config *cfg)
{
	for (int key = 0; key < config_key_count(); key++)
		settings_print_key(out, cfg, key);
}
