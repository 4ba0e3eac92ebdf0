/*
 * backlight.c - the panel's backlight through sysfs (backlight.h).
 *
 * At night the display dims: down to a tenth of max_brightness, and the
 * dark theme all night (the model's `night`). A touch or a phone docked
 * wakes it: the backlight goes back to the family's level, which is also
 * given back at exit.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backlight.h"
#include "log.h"

static int
read_int(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[32];
	int v = -1;
	if (f) {
		if (fgets(buf, sizeof(buf), f)) {
			char *end;
			long n = strtol(buf, &end, 10);
			if (end != buf && (*end == '\n' || *end == '\0') && n >= 0 && n <= 1000000000)
				v = (int)n;
		}
		fclose(f);
	}
	return v;
}

static int
dim_level(const struct backlight *b)
{
	return b->max / 10 > 0 ? b->max / 10 : 1;
}

void
backlight_find(struct backlight *b, const char *class_dir)
{
	memset(b, 0, sizeof(*b));
	struct dirent **names = NULL;
	int n = class_dir ? scandir(class_dir, &names, NULL, alphasort) : -1;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		char path[sizeof(b->path)];
		if (name[0] != '.' && !b->path[0]) {
			snprintf(path, sizeof(path), "%.200s/%.80s/max_brightness", class_dir, name);
			int max = read_int(path);
			snprintf(path, sizeof(path), "%.200s/%.80s/brightness", class_dir, name);
			int level = read_int(path);
			if (max > 0 && level >= 0) {
				snprintf(b->path, sizeof(b->path), "%s", path);
				b->max = max;
				b->level = level;
				/* Off, or left dimmed by a run that did not get to give
				 * it back (a power cut at night): the family's level is
				 * then unknown, full is the safe guess. */
				b->saved = level > 0 && level != dim_level(b) ? level : max;
			}
		}
		free(names[i]);
	}
	free(names);
	if (b->path[0])
		log_info("backlight %s (max %d, now %d)", b->path, b->max, b->level);
}

bool
backlight_usable(const struct backlight *b)
{
	return b->path[0] && !b->failed;
}

static void
set_level(struct backlight *b, int level)
{
	if (!backlight_usable(b) || level == b->level)
		return;
	char text[16];
	int len = snprintf(text, sizeof(text), "%d\n", level);
	int fd = open(b->path, O_WRONLY | O_CLOEXEC);
	bool ok = fd >= 0 && write(fd, text, (size_t)len) == len;
	int saved_errno = errno;
	if (fd >= 0 && close(fd) < 0 && ok) {
		ok = false; /* sysfs may refuse the value only here */
		saved_errno = errno;
	}
	if (!ok) {
		b->failed = true;
		log_warn("backlight %s: %s; dimming with the dark theme instead", b->path,
			 strerror(saved_errno));
		return;
	}
	b->level = level;
}

void
backlight_dim(struct backlight *b, bool dimmed)
{
	set_level(b, dimmed ? dim_level(b) : b->saved);
}
