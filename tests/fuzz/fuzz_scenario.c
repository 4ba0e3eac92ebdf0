/*
 * fuzz_scenario.c - libFuzzer harness: the scenario parser of SPEC §5
 * (scenario_parse) on any bytes, with a four-slot dock. make fuzz; seeds in
 * tests/fuzz/scenario/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "config.h"
#include "scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ft_config cfg;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct ft_error err;
	config_defaults(&cfg);
	if (!cal_set_zone("Europe/Paris", &err))
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct scenario sc;
	struct ft_error err;
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (scenario_parse(&sc, text, "fuzz.scn", &cfg, false, &err)) {
		/* in time order, slots in range */
		for (size_t i = 0; i < sc.n; i++) {
			if (i > 0 && sc.events[i].t < sc.events[i - 1].t)
				abort();
			if (sc.events[i].kind == SCN_DOCK &&
			    (sc.events[i].slot < 1 || sc.events[i].slot > cfg.nslots))
				abort();
		}
		scenario_free(&sc);
	} else if (strncmp(err.msg, "fuzz.scn:", 9) != 0) {
		abort(); /* every error names the file and line */
	}
	free(text);
	return 0;
}
