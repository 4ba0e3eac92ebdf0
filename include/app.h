/*
 * app.h - the two commands that draw: `run`, the table display a family lives
 * with, and `screenshot`, one screen rendered headless to a BMP.
 */
#ifndef FT_APP_H
#define FT_APP_H

#include "common.h"
#include "config.h"
#include "display.h"

struct app_options {
	const char *config_path;  /* NULL: built-in defaults were used */
	const char *db_path;      /* resolved: never NULL */
	bool window;              /* --window (else fullscreen) */
	int width, height;        /* --size, 0 when unset */
	enum display_video video; /* --video or FAMILYTABLE_VIDEO */
	const char *dock;         /* "gpio", "keys", "fifo:PATH", "none" */
	const struct ft_config *base; /* without the display's settings; NULL: cfg */
};

/* Runs until SIGTERM/SIGINT or the window closes; returns an exit code. */
int app_run(const struct ft_config *cfg, const struct app_options *opts);

struct screenshot_options {
	const char *screen;       /* glance, meal, walk, hug, review */
	int width, height;
	const char *out;          /* .png or .bmp path: the format its name says */
	const char *layout;       /* --layout: every text and target as JSON; NULL: none */
	const char *keys;         /* --keys: typed on the keyboard screen; NULL: nothing */
	const char *db_path;
	bool have_at;
	ft_ms at;                 /* else now */
};

int app_screenshot(const struct ft_config *cfg, const struct screenshot_options *opts);

#endif
