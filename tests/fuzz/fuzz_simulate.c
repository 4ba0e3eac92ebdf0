/*
 * fuzz_simulate.c - libFuzzer harness: whole `simulate` runs (parse, the
 * engine, SQLite) into a fresh database on tmpfs, then the week's report
 * and the CSV export read back. make fuzz; seeds in tests/fuzz/simulate/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "config.h"
#include "log.h"
#include "report.h"
#include "simulate.h"
#include "store.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ft_config cfg;
static char dir[64], db[96], scn[96];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct ft_error err;
	config_defaults(&cfg);
	if (!config_parse(&cfg, "[dock]\nnames = Anna Ben Chloé \"Mary Ann\"\n", "fuzz", &err) ||
	    !cal_set_zone("Europe/Paris", &err))
		abort();
	log_set_level(LOG_ERROR);
	snprintf(dir, sizeof(dir), "%s/ft-fuzz-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(db, sizeof(db), "%s/f.db", dir);
	snprintf(scn, sizeof(scn), "%s/f.scn", dir);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ft_error err;
	char path[128];
	unlink(db);
	snprintf(path, sizeof(path), "%s-wal", db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", db);
	unlink(path);
	FILE *f = fopen(scn, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	int rc = simulate_run(&cfg, db, scn, NULL, &err);
	if (rc != 0) {
		/* bad input writes nothing: no database was created */
		if (rc == 2 && access(db, F_OK) == 0)
			abort();
		return 0;
	}
	if (access(db, F_OK) != 0)
		return 0; /* an empty scenario: nothing to run */
	struct store *st = store_open(db, &err);
	if (!st)
		abort();
	ft_ms clock;
	if (!store_get_clock(st, &clock, &err))
		abort();
	struct report r;
	if (clock >= 0 && report_build(st, &cfg, clock, &r, &err)) {
		FILE *out = fopen("/dev/null", "w");
		report_print_json(out, &r, &cfg);
		report_print_text(out, &r, &cfg);
		store_export_csv(st, &cfg, out, &err);
		fclose(out);
		report_free(&r);
	}
	store_close(st);
	return 0;
}
