/*
 * fuzz_config.c - libFuzzer harness: the INI parser of SPEC §6
 * (config_parse) on any bytes. make fuzz; seeds in tests/fuzz/config/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct ft_config cfg;
	struct ft_error err;
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0'; /* a NUL inside ends the text, as ft_read_text refuses it */
	config_defaults(&cfg);
	if (config_parse(&cfg, text, "fuzz.conf", &err)) {
		/* what a good configuration promises the rest of the program */
		if (cfg.nslots < 1 || cfg.nslots > FT_MAX_SLOTS || cfg.min_phones > cfg.nslots ||
		    cfg.nwindows < 1 || cfg.meal_min > cfg.meal_max)
			abort();
		for (int i = 0; i < cfg.nslots; i++)
			if (ft_utf8_invalid(cfg.names[i], strlen(cfg.names[i])) != strlen(cfg.names[i]))
				abort();
		for (int i = 0; i < cfg.nrituals; i++)
			if (ft_utf8_invalid(cfg.rituals[i].label, strlen(cfg.rituals[i].label)) !=
			    strlen(cfg.rituals[i].label))
				abort();
	} else if (strncmp(err.msg, "fuzz.conf:", 10) != 0) {
		abort(); /* every error names the file and line */
	}
	free(text);
	return 0;
}
