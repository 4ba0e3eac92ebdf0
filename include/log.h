/*
 * log.h - messages to stderr (the journal under systemd) and faults.
 *
 * A fault is a condition the family should see on the display until it is
 * gone: a missing GPIO chip, a locked database, an unset clock. Each source
 * holds at most one message; setting the same message again logs nothing, so
 * a retry loop can call fault_set() every few seconds without flooding the
 * journal. The display polls fault_generation() to know when to redraw.
 */
#ifndef FT_LOG_H
#define FT_LOG_H

#include <stdarg.h>

enum log_level { LOG_ERROR = 3, LOG_WARN = 4, LOG_INFO = 6, LOG_DEBUG = 7 };

void log_set_level(enum log_level max);
void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

/* FAULT_DATA: a notice about the family's data (a damaged file kept aside),
 * shown as it is. */
/* FAULT_SETUP: something the installer has yet to do (no dock lines set):
 * not retried, shown until the configuration changes. */
enum fault_source {
	FAULT_DOCK, FAULT_STORE, FAULT_CLOCK, FAULT_DISPLAY, FAULT_DATA, FAULT_SETUP, FAULT_COUNT
};

void fault_set(enum fault_source src, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void fault_clear(enum fault_source src);
/* The message, or NULL when the source is fine. */
const char *fault_get(enum fault_source src);
/* Changes whenever any fault is set, changed or cleared. */
unsigned fault_generation(void);

#endif
