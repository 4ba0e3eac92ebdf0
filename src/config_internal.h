/*
 * config_internal.h - what the two files of the configuration (config.h)
 * share: the table of options, one typed row per key.
 *
 *   config.c          the file: defaults, reading the INI text line by
 *                     line (sections, comments, keys), a key set on the
 *                     display, loading
 *   config_options.c  the table: each key's parser and printer, the rules
 *                     between keys, and what the table answers (names,
 *                     lists, who may set a key)
 */
#ifndef FT_CONFIG_INTERNAL_H
#define FT_CONFIG_INTERNAL_H

#include <stddef.h>

#include "config.h"

/* What a value parser fills and where it says what is wrong. */
struct config_parse_ctx {
	struct ft_config *cfg;
	struct ft_error *err;
};

/* A value as the file writes it into FIELD; false with a message in
 * ctx->err. */
typedef bool (*config_value_parser)(struct config_parse_ctx *ctx, void *field, const char *value);
/* FIELD written back as the file would take it (item ITEM of a list). */
typedef void (*config_value_printer)(const struct ft_config *cfg, const void *field, int item,
				     char *buf, size_t size);

struct config_option {
	const char *section, *key, *name;
	config_value_parser parse;
	config_value_printer print;
	size_t offset;          /* of the field in struct ft_config */
	bool list;              /* may repeat */
	const char *installer;  /* NULL: the display may set it; else why not */
};

/* One row per key, config_key_count() of them. */
extern const struct config_option config_options[];

/* The rules between keys. Sets nslots; returns the index of the key a
 * broken rule is about (err says how), or -1 when all hold. */
int config_check_rules(struct ft_config *cfg, struct ft_error *err);

#endif
