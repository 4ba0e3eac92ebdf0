/*
 * wallclock.c - an LD_PRELOAD library that moves the wall clock of one
 * program and nothing else (tests/reliability/faults.py).
 *
 * CLOCK_REALTIME (clock_gettime, gettimeofday, time) reads as the real one
 * plus the offset in the file $FT_WALLCLOCK_FILE: "+3600000" (ms), or
 * "=0" for an absolute instant in ms that then runs on (the Pi booting at
 * 1970). The file is read on every call, so a test steps the clock while the
 * program runs. The monotonic clock and every timer are left alone (unlike
 * libfaketime, which also moves absolute timerfd deadlines).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int (*real_clock_gettime)(clockid_t, struct timespec *);
static long long start_real_ms = -1, start_abs_ms;

/* The offset to add to the real wall clock, in ms. */
static long long
offset_ms(long long real_ms)
{
	const char *path = getenv("FT_WALLCLOCK_FILE");
	char buf[64];
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if (buf[0] == '=') {
		long long abs_ms = strtoll(buf + 1, NULL, 10);
		if (start_real_ms < 0 || abs_ms != start_abs_ms) {
			start_real_ms = real_ms;
			start_abs_ms = abs_ms;
		}
		return start_abs_ms - start_real_ms;
	}
	start_real_ms = -1;
	return strtoll(buf, NULL, 10);
}

static void
shift(struct timespec *ts)
{
	long long ms = (long long)ts->tv_sec * 1000 + ts->tv_nsec / 1000000;
	long long off = offset_ms(ms);
	long long ns = (long long)ts->tv_nsec + (off % 1000) * 1000000;
	ts->tv_sec += (time_t)(off / 1000);
	if (ns < 0) {
		ns += 1000000000;
		ts->tv_sec--;
	} else if (ns >= 1000000000) {
		ns -= 1000000000;
		ts->tv_sec++;
	}
	ts->tv_nsec = (long)ns;
}

int
clock_gettime(clockid_t id, struct timespec *ts)
{
	if (!real_clock_gettime)
		real_clock_gettime = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
	int rc = real_clock_gettime(id, ts);
	if (rc == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE))
		shift(ts);
	return rc;
}

int
gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	struct timespec ts;
	int rc = clock_gettime(CLOCK_REALTIME, &ts);
	(void)tz; /* obsolete: no time zone is returned */
	if (rc == 0) {
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	return rc;
}

time_t
time(time_t *out)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (out)
		*out = ts.tv_sec;
	return ts.tv_sec;
}
