/*
 * dock_fifo.c - the dock as a named pipe (--dock fifo:PATH, SPEC §5): each
 * line "SLOT in" or "SLOT out" is a raw level seen when the line arrives, and
 * goes through the same debounce and session code as a GPIO edge. It lets a
 * test, a script or another device stand in for the dock.
 *
 * The pipe is opened read-write: we are then a writer ourselves, so the pipe
 * never reports end-of-file or POLLHUP when the last outside writer closes,
 * and writers may come and go without the loop spinning. A line that does
 * not parse is logged (at most FIFO_BAD_PER_MINUTE a minute) and skipped; a
 * line split across writes waits in the
 * buffer for its end.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dock_internal.h"
#include "log.h"

/* Longer lines are not ours: skipped whole, whatever their length. */
#define FIFO_LINE_MAX 128
/* Most bytes read in one dispatch, so a writer that floods the pipe cannot
 * keep the loop from the rest of its work. */
#define FIFO_READ_MAX 4096
/* At most this many bad lines are logged a minute; the rest are counted and
 * said in one line, so a writer sending garbage cannot fill the journal. */
#define FIFO_BAD_PER_MINUTE 5

struct fifo {
	char path[PATH_MAX];
	int fd;
	char line[FIFO_LINE_MAX];
	size_t len;
	bool overlong;               /* skipping to the end of a long line */
	ft_ms retry_at;              /* reopen after a read error, or NEVER */
	ft_ms bad_since;             /* start of the minute bad lines are counted in */
	unsigned bad_logged, bad_quiet; /* logged and skipped silently in it */
};

/* Print at most 60 bytes of a bad line, with anything unprintable as '?',
 * so that a stray binary write cannot mangle the journal. */
static void
fifo_bad_line(struct fifo *f, const char *text, size_t len, const char *why, ft_ms now)
{
	char shown[64];
	if (now - f->bad_since >= FT_MINUTE || now < f->bad_since) {
		if (f->bad_quiet)
			log_warn("%s: %u more bad lines skipped without a word in the last minute",
				 f->path, f->bad_quiet);
		f->bad_since = now;
		f->bad_logged = f->bad_quiet = 0;
	}
	if (f->bad_logged >= FIFO_BAD_PER_MINUTE) {
		f->bad_quiet++;
		return;
	}
	f->bad_logged++;
	size_t n = len < 60 ? len : 60;
	for (size_t i = 0; i < n; i++)
		shown[i] = isprint((unsigned char)text[i]) ? text[i] : '?';
	shown[n] = '\0';
	log_warn("%s: skipped line \"%s%s\": %s (expected \"SLOT in\" or \"SLOT out\")",
		 f->path, shown, len > n ? "..." : "", why);
}

static void
fifo_line(struct dock *dock, struct fifo *f, char *text, size_t len, ft_ms now)
{
	text[len] = '\0';
	if (len > 0 && text[len - 1] == '\r')
		text[--len] = '\0';
	if (ft_utf8_invalid(text, len) < len || strlen(text) != len) {
		fifo_bad_line(f, text, len, "not UTF-8 text", now);
		return;
	}
	char *p = text;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '\0' || *p == '#')
		return; /* blank lines and comments, as in a scenario */

	char *end;
	errno = 0;
	long slot = strtol(p, &end, 10);
	if (end == p || errno || !isspace((unsigned char)*end)) {
		fifo_bad_line(f, text, len, "no slot number", now);
		return;
	}
	if (slot < 1 || slot > dock->nslots) {
		fifo_bad_line(f, text, len, "no such slot", now);
		return;
	}
	p = end;
	while (isspace((unsigned char)*p))
		p++;
	char *word = p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	size_t wlen = (size_t)(p - word);
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0' && *p != '#') {
		fifo_bad_line(f, text, len, "more words than expected", now);
		return;
	}
	int level;
	if (wlen == 2 && strncmp(word, "in", 2) == 0)
		level = 1;
	else if (wlen == 3 && strncmp(word, "out", 3) == 0)
		level = 0;
	else {
		fifo_bad_line(f, text, len, "neither in nor out", now);
		return;
	}
	dock_report(dock, (int)slot, level, now);
}

static bool
fifo_reopen(struct fifo *f, struct ft_error *err)
{
	struct stat st;
	if (stat(f->path, &st) < 0) {
		if (errno != ENOENT)
			return ft_fail(err, "%s: %s", f->path, strerror(errno));
		/* Group-writable: the test rig or helper that writes the pipe
		 * may run as another user of the appliance's group. */
		if (mkfifo(f->path, 0660) < 0 && errno != EEXIST)
			return ft_fail(err, "%s: cannot create the named pipe: %s", f->path,
				       strerror(errno));
	} else if (!S_ISFIFO(st.st_mode)) {
		return ft_fail(err, "%s: exists and is not a named pipe", f->path);
	}
	/* Without O_NOATIME every read of a pipe on a disk file system would
	 * stamp its inode (relatime updates an atime older than the mtime each
	 * write sets): a write to the card every half minute for a chattering
	 * line, which must cause none (make bench: chatter_write_bytes). Only
	 * the pipe's owner may ask for it; anyone else reads it as before. */
	f->fd = open(f->path, O_RDWR | O_NONBLOCK | O_CLOEXEC | O_NOATIME);
	if (f->fd < 0 && errno == EPERM)
		f->fd = open(f->path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (f->fd < 0)
		return ft_fail(err, "%s: %s", f->path, strerror(errno));
	f->len = 0;
	f->overlong = false;
	f->retry_at = FT_MS_NEVER;
	return true;
}

static void
fifo_close(struct dock *dock)
{
	struct fifo *f = dock->impl;
	if (f->fd >= 0)
		close(f->fd);
	free(f);
}

static int
fifo_fd(const struct dock *dock)
{
	const struct fifo *f = dock->impl;
	return f->fd;
}

static ft_ms
fifo_deadline(const struct dock *dock)
{
	const struct fifo *f = dock->impl;
	return f->retry_at;
}

static void
fifo_fail(struct fifo *f, const char *what, ft_ms now)
{
	fault_set(FAULT_DOCK, "dock pipe %s: %s", f->path, what);
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	f->retry_at = now + DOCK_RETRY_MS;
}

static void
fifo_dispatch(struct dock *dock, ft_ms now)
{
	struct fifo *f = dock->impl;
	if (f->fd < 0) {
		struct ft_error err;
		if (now < f->retry_at)
			return;
		if (!fifo_reopen(f, &err)) {
			fifo_fail(f, err.msg, now);
			return;
		}
		fault_clear(FAULT_DOCK);
	}

	char buf[512];
	size_t total = 0;
	while (total < FIFO_READ_MAX) {
		ssize_t n = read(f->fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				fifo_fail(f, strerror(errno), now);
			return;
		}
		if (n == 0) {
			/* Cannot happen while we hold the write end too; if it
			 * does, reopen rather than poll a dead descriptor. */
			fifo_fail(f, "closed", now);
			f->retry_at = now;
			return;
		}
		total += (size_t)n;
		for (ssize_t i = 0; i < n; i++) {
			char c = buf[i];
			if (c == '\n') {
				if (f->overlong)
					fifo_bad_line(f, f->line, f->len, "line too long", now);
				else
					fifo_line(dock, f, f->line, f->len, now);
				f->len = 0;
				f->overlong = false;
			} else if (f->len + 1 < sizeof(f->line)) {
				f->line[f->len++] = c;
			} else {
				f->overlong = true;
			}
		}
	}
}

static const struct dock_ops fifo_ops = {
	"fifo", fifo_close, fifo_fd, fifo_dispatch, fifo_deadline,
};

bool
dock_fifo_open(struct dock *dock, const char *path, struct ft_error *err)
{
	struct fifo *f = calloc(1, sizeof(*f));
	if (!f)
		return ft_fail(err, "%s: out of memory", path);
	f->fd = -1;
	if (strlen(path) >= sizeof(f->path)) {
		ft_fail(err, "--dock fifo:%s: path too long", path);
		goto fail;
	}
	strcpy(f->path, path);
	if (!fifo_reopen(f, err))
		goto fail;
	dock->ops = &fifo_ops;
	dock->impl = f;
	log_info("dock: reading \"SLOT in\" / \"SLOT out\" lines from %s", f->path);
	return true;

fail:
	free(f);
	return false;
}
