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

size_t
ft_utf8_seq(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n;
	uint32_t cp;
	if (len == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0; /* a continuation byte, an overlong lead, or past U+10FFFF */
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* overlong forms, UTF-16 surrogates, beyond Unicode */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || (cp >= 0xd800 && cp <= 0xdfff) ||
	    cp > 0x10ffff)
		return 0;
	return n;
}

size_t
ft_utf8_invalid(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t n = ft_utf8_seq(text + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

const char *
ft_skip_bom(const char *text)
{
	return strncmp(text, "\xef\xbb\xbf", 3) == 0 ? text + 3 : text;
}

void
ft_fputs_utf8(const char *s, FILE *out)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		size_t n = ft_utf8_seq(s + i, len - i);
		if (n == 0) {
			fputs("\xef\xbf\xbd", out); /* U+FFFD REPLACEMENT CHARACTER */
			i++;
		} else {
			fwrite(s + i, 1, n, out);
			i += n;
		}
	}
}

void
ft_json_string(void *file, const char *s)
{
	FILE *out = file;
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}
