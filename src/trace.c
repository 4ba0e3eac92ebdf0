/* trace.c - the bench's view of the running display (trace.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "trace.h"

static int trace_fd = -1;

bool
trace_open(void)
{
	const char *path = getenv("FAMILYTABLE_TRACE");
	if (!path || !path[0] || trace_fd >= 0)
		return trace_fd >= 0;
	trace_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (trace_fd < 0)
		log_warn("FAMILYTABLE_TRACE=%s: cannot open it, not tracing", path);
	return trace_fd >= 0;
}

void
trace_close(void)
{
	if (trace_fd >= 0)
		close(trace_fd);
	trace_fd = -1;
}

bool
trace_on(void)
{
	return trace_fd >= 0;
}

int64_t
trace_mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* One whole line per write(2), so that a reader never sees half of one. */
static void
trace_line(const char *line, int len)
{
	if (trace_fd >= 0 && len > 0 && write(trace_fd, line, (size_t)len) < 0)
		trace_close(); /* the bench went away: stop, the display goes on */
}

void
trace_edge(ft_ms t_mono, int slot, int level)
{
	char line[96];
	if (trace_fd >= 0)
		trace_line(line, snprintf(line, sizeof(line), "edge %lld %d %d\n", (long long)t_mono,
					  slot, level));
}

void
trace_frame(int64_t presented_us, const char *screen, int64_t draw_us, unsigned slots)
{
	char line[128];
	if (trace_fd >= 0)
		trace_line(line, snprintf(line, sizeof(line), "frame %lld %s %lld %u\n",
					  (long long)presented_us, screen, (long long)draw_us, slots));
}

void
trace_target(const char *action, int arg, int cx, int cy)
{
	char line[96];
	if (trace_fd >= 0)
		trace_line(line, snprintf(line, sizeof(line), "target %s %d %d %d\n", action, arg,
					  cx, cy));
}

void
trace_span(const char *name, int64_t us)
{
	char line[96];
	if (trace_fd >= 0)
		trace_line(line, snprintf(line, sizeof(line), "span %s %lld\n", name, (long long)us));
}
