/* common.c - the small helpers of common.h. */
#include <stdarg.h>
#include <stdio.h>

#include "common.h"

bool
ft_fail(struct ft_error *err, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return false;
}

int64_t
ft_floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

int64_t
ft_floormod(int64_t a, int64_t b)
{
	return a - ft_floordiv(a, b) * b;
}
