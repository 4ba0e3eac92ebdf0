/*
 * common.h - the few types every familytable module shares.
 *
 * An instant is a count of milliseconds since the Unix epoch, UTC (SPEC §1).
 * Errors travel as a fixed buffer that already names what and where
 * ("week.scn:12: unknown slot 7"), so a caller only has to print it.
 */
#ifndef FT_COMMON_H
#define FT_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef int64_t ft_ms;

#define FT_MS_NEVER INT64_MAX /* "no deadline" */
#define FT_SECOND ((ft_ms)1000)
#define FT_MINUTE ((ft_ms)60 * FT_SECOND)
#define FT_HOUR ((ft_ms)60 * FT_MINUTE)
#define FT_DAY ((ft_ms)24 * FT_HOUR)

#define FT_MAX_SLOTS 16 /* a dock has 1..FT_MAX_SLOTS slots */
#define FT_NAME_MAX 48  /* a slot's name, UTF-8, with its NUL */

/* Exit codes of SPEC §5. */
enum ft_exit {
	FT_EXIT_OK = 0,
	FT_EXIT_FAILURE = 1, /* a runtime failure (store, device, ...) */
	FT_EXIT_USAGE = 2,   /* bad usage or bad input: nothing was written */
};

struct ft_error {
	char msg[512];
};

/* printf into err->msg; a NULL err is allowed and ignored. Returns false so
 * that "return ft_fail(err, ...)" reads as a failure. */
bool ft_fail(struct ft_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The whole text file PATH, NUL-terminated, malloc'd (the caller frees
 * it); NULL with err set when it cannot be read or holds a NUL byte. */
char *ft_read_text(const char *path, struct ft_error *err);

/* UTF-8 (RFC 3629): text that enters is checked, text that leaves is
 * repaired. ft_utf8_seq: the length of the valid sequence at TEXT (LEN
 * bytes left), 0 when it is not one. ft_utf8_invalid: the offset of the
 * first byte that is not valid UTF-8, LEN when all is. ft_skip_bom: TEXT
 * past a leading byte-order mark. ft_fputs_utf8: S with every invalid byte
 * written as U+FFFD. */
size_t ft_utf8_seq(const char *text, size_t len);
size_t ft_utf8_invalid(const char *text, size_t len);
const char *ft_skip_bom(const char *text);
void ft_fputs_utf8(const char *s, FILE *out);

/* S as a JSON string to OUT (a FILE *): quotes, backslashes and control
 * characters escaped, UTF-8 passed through. */
void ft_json_string(void *out, const char *s);

/* Floor division and modulo for negative day and week numbers. */
int64_t ft_floordiv(int64_t a, int64_t b);
int64_t ft_floormod(int64_t a, int64_t b);

#define FT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
