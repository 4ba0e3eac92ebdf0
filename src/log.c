/*
 * log.c - stderr logging with syslog priority prefixes ("<4>"), which the
 * journal reads as the message's level when we run under systemd, and the
 * fault table the display turns into banners.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "log.h"

static enum log_level max_level = LOG_INFO;

static struct {
	bool set;
	char msg[256];
} faults[FAULT_COUNT];
static unsigned generation;

void
log_set_level(enum log_level max)
{
	max_level = max;
}

static void log_vmsg(enum log_level level, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void
log_vmsg(enum log_level level, const char *fmt, va_list ap)
{
	static int journal = -1;
	if (level > max_level)
		return;
	/* Under systemd the journal reads the "<N>" prefix; on a terminal a
	 * plain "familytable: " reads better. */
	if (journal < 0)
		journal = getenv("JOURNAL_STREAM") != NULL;
	if (journal)
		fprintf(stderr, "<%d>", (int)level);
	else
		fputs("familytable: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
log_msg(enum log_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	log_vmsg(level, fmt, ap);
	va_end(ap);
}

void
fault_set(enum fault_source src, const char *fmt, ...)
{
	char msg[sizeof(faults[0].msg)];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (faults[src].set && strcmp(faults[src].msg, msg) == 0)
		return; /* already shown and logged */
	faults[src].set = true;
	memcpy(faults[src].msg, msg, sizeof(msg));
	generation++;
	log_error("%s", msg);
}

void
fault_clear(enum fault_source src)
{
	if (!faults[src].set)
		return;
	faults[src].set = false;
	generation++;
	log_info("resolved: %s", faults[src].msg);
}

const char *
fault_get(enum fault_source src)
{
	return faults[src].set ? faults[src].msg : NULL;
}

unsigned
fault_generation(void)
{
	return generation;
}
