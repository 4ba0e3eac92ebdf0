/* common.c - the small helpers of common.h. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

char *
ft_read_text(const char *path, struct ft_error *err)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t size = 0, len = 0;
	if (!f) {
		ft_fail(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (len + 65536 + 1 > size) {
			size = size ? size * 2 : 131072;
			char *grown = realloc(text, size);
			if (!grown) {
				ft_fail(err, "%s: out of memory", path);
				goto fail;
			}
			text = grown;
		}
		size_t n = fread(text + len, 1, 65536, f);
		len += n;
		if (n < 65536)
			break;
	}
	if (ferror(f)) {
		ft_fail(err, "%s: read error", path);
		goto fail;
	}
	text[len] = '\0';
	if (strlen(text) != len) {
		ft_fail(err, "%s: not a text file (a NUL byte)", path);
		goto fail;
	}
	fclose(f);
	return text;
fail:
	free(text);
	fclose(f);
	return NULL;
}
