/*
 * notify.h - telling systemd how the display is doing (Type=notify).
 *
 * READY=1 once the first frame is on the screen, WATCHDOG=1 from the loop
 * while it runs (WatchdogSec= in the unit), STOPPING=1 on the way out, and a
 * STATUS= line for `systemctl status`. Outside systemd (no NOTIFY_SOCKET)
 * every call does nothing. Through libsystemd's sd_notify.
 */
#ifndef FT_NOTIFY_H
#define FT_NOTIFY_H

#include "common.h"

/* Reads the watchdog's interval from the environment (WATCHDOG_USEC, for
 * this process); call once at start. */
void notify_init(void);
/* The first frame is drawn: READY=1, once (later calls do nothing). */
void notify_ready(void);
/* STATUS=TEXT for `systemctl status`. */
void notify_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* From the loop, while healthy: WATCHDOG=1 when half the interval has passed
 * since the last ping (MONO: the monotonic clock, ms). Returns the latest
 * instant the loop must wake next to ping in time, or FT_MS_NEVER when
 * systemd watches no watchdog. */
ft_ms notify_watchdog(ft_ms mono);
/* The watchdog's interval in ms, 0 when there is none. */
ft_ms notify_watchdog_interval(void);
/* STOPPING=1: the loop is done, closing down. */
void notify_stopping(void);

#endif
