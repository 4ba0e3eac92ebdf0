/*
 * notify.c - systemd's notify protocol for `run` (notify.h).
 *
 * sd_notify() sends one datagram to $NOTIFY_SOCKET; without it (a terminal,
 * a test) it returns 0 and nothing happens, so the callers need no test of
 * their own. The watchdog is pinged on the loop's turns, at most every
 * quarter of its interval (a display drawing frames sends no datagram a
 * frame), and never later than half of it, the margin systemd's
 * documentation asks for: the loop's own timeout is capped by
 * notify_watchdog()'s answer. With WatchdogSec=3min the idle display's
 * minute tick always pings first, so the watchdog adds no wake-up.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <systemd/sd-daemon.h>

#include "log.h"
#include "notify.h"

static ft_ms watchdog_ms; /* 0: no watchdog */
static ft_ms last_ping = -1;
static bool ready;

void
notify_init(void)
{
	uint64_t usec = 0;
	watchdog_ms = 0;
	last_ping = -1;
	/* 0: no watchdog, or one meant for another process (WATCHDOG_PID) */
	if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
		watchdog_ms = (ft_ms)(usec / 1000);
		if (watchdog_ms < 2)
			watchdog_ms = 2;
		log_info("systemd watchdog: every %lld ms", (long long)watchdog_ms);
	}
}

ft_ms
notify_watchdog_interval(void)
{
	return watchdog_ms;
}

void
notify_ready(void)
{
	if (ready)
		return;
	ready = true;
	sd_notify(0, "READY=1\nSTATUS=the table display is up");
}

void
notify_status(const char *fmt, ...)
{
	char text[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	sd_notifyf(0, "STATUS=%s", text);
}

ft_ms
notify_watchdog(ft_ms mono)
{
	if (watchdog_ms <= 0)
		return FT_MS_NEVER;
	ft_ms half = watchdog_ms / 2;
	if (last_ping < 0 || mono - last_ping >= watchdog_ms / 4) {
		sd_notify(0, "WATCHDOG=1");
		last_ping = mono;
	}
	return last_ping + half;
}

void
notify_stopping(void)
{
	sd_notify(0, "STOPPING=1");
}
