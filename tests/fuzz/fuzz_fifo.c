/*
 * fuzz_fifo.c - libFuzzer harness: the fifo dock's line reader (--dock
 * fifo:PATH) on any bytes, written to a real named pipe and read by the
 * dock as the live appliance reads it. Every level it reports is a slot of
 * the dock and 0 or 1. make fuzz; seeds in tests/fuzz/fifo/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "calendar.h"
#include "config.h"
#include "dock.h"
#include "log.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ft_config cfg;
static struct dock *dock;
static int writer = -1;
static ft_ms now;

static void
level(void *data, int slot, int lvl, ft_ms t)
{
	if (slot < 1 || slot > cfg.nslots || (lvl != 0 && lvl != 1))
		abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct ft_error err;
	char dir[64], spec[96];
	config_defaults(&cfg);
	log_set_level(LOG_ERROR); /* the bad lines' warnings */
	snprintf(dir, sizeof(dir), "/tmp/ft-fuzz-fifo-XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(spec, sizeof(spec), "fifo:%s/dock", dir);
	struct dock_sink sink = {.level = level, .data = NULL};
	dock = dock_open(spec, &cfg, sink, &err);
	if (!dock)
		abort();
	writer = open(spec + 5, O_WRONLY | O_NONBLOCK);
	if (writer < 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* at most a pipe's buffer at a time, then read it all */
	while (size > 0) {
		size_t n = size < 16384 ? size : 16384;
		ssize_t w = write(writer, data, n);
		if (w <= 0)
			abort();
		data += w;
		size -= (size_t)w;
		for (int i = 0; i < 8; i++)
			dock_dispatch(dock, now += 10);
	}
	return 0;
}
