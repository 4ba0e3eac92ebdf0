/*
 * main.c - familytable's command line (SPEC §5). Read this first: each
 * command is a few lines that load the configuration, open the database and
 * hand over to the module that does the work.
 *
 *   run         app.c        the table display, the dock, the engine
 *   simulate    simulate.c   a scenario through the same engine
 *   report      report.c     one week as text or JSON
 *   export      store_read.c every row as CSV
 *   screenshot  app.c        one screen to a BMP, headless
 *   settings    settings.c   the family's settings: print, set, reset
 *   backup      backup.c     a checked copy of the database (--rotate: nightly)
 *   restore     backup.c     a copy put back, the current one kept aside
 *
 * Every command works on the effective configuration (SPEC §6): built-in
 * defaults, then the file, then the settings made on the display, which
 * live in the database.
 * Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "backup.h"
#include "calendar.h"
#include "clock.h"
#include "config.h"
#include "display.h"
#include "log.h"
#include "model.h"
#include "report.h"
#include "settings.h"
#include "simulate.h"
#include "store.h"
#include "trace.h"
#include "ui_image.h"

#define DEFAULT_CONFIG "/etc/familytable/familytable.conf"

static const char usage[] =
	"usage: familytable [run] [--config FILE] [--db FILE] [--window | --fullscreen]\n"
	"                   [--size WxH] [--dock gpio|keys|fifo:PATH|none] [--video auto|sdl|drm]\n"
	"       familytable simulate --scenario FILE [--config FILE] [--db FILE] [--until TIME]\n"
	"       familytable report [--config FILE] [--db FILE] [--week YYYY-Www | --at TIME] [--json]\n"
	"       familytable export --csv [--config FILE] [--db FILE]\n"
	"       familytable screenshot --screen NAME --size WxH --out FILE.png|FILE.bmp [--config FILE]\n"
	"                   [--db FILE] [--at TIME] [--layout FILE.json] [--keys KEYS]\n"
	"       familytable settings [--config FILE] [--db FILE]\n"
	"       familytable settings set SECTION.KEY VALUE... [--config FILE] [--db FILE]\n"
	"       familytable settings reset SECTION.KEY [--config FILE] [--db FILE]\n"
	"       familytable backup FILE | --rotate [--config FILE] [--db FILE]\n"
	"       familytable restore FILE [--config FILE] [--db FILE]\n"
	"       familytable --help | --version\n"
	"\n"
	"TIME is RFC 3339: 2026-11-23T18:55:00+01:00, ...Z, or local time without an offset.\n"
	"--keys types on the keyboard: its text, then [hold e] (a letter's\n"
	"accents shown), [signs] (digits and signs), [done] (the name checked as a slot's).\n"
	"The configuration is " DEFAULT_CONFIG " when it exists; see familytable(1).\n"
	"Settings made on the display (or with `settings set`) are kept in the database and\n"
	"override the file, key by key; `settings` prints each key, its value and its source.\n"
	"`settings set rituals.ritual` takes one VALUE per ritual, replacing the list.\n";

/* Everything any command may be given; each command says what it takes. */
struct options {
	const char *command;
	const char *config, *db, *dock, *video, *scenario, *until, *week, *at, *screen, *out, *size, *layout;
	const char *keys; /* screenshot --keys */
	const char *file; /* backup, restore: the one argument */
	bool window, fullscreen, json, csv, rotate;
	char **args;  /* the words after the command (settings only) */
	int nargs;
};

enum {
	OPT_CONFIG = 1, OPT_DB, OPT_WINDOW, OPT_FULLSCREEN, OPT_SIZE, OPT_DOCK, OPT_SCENARIO,
	OPT_UNTIL, OPT_WEEK, OPT_AT, OPT_JSON, OPT_CSV, OPT_SCREEN, OPT_OUT, OPT_HELP, OPT_VERSION,
	OPT_ROTATE, OPT_LAYOUT, OPT_KEYS, OPT_VIDEO,
};

static const struct option long_options[] = {
	{"config", required_argument, NULL, OPT_CONFIG},
	{"db", required_argument, NULL, OPT_DB},
	{"window", no_argument, NULL, OPT_WINDOW},
	{"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
	{"size", required_argument, NULL, OPT_SIZE},
	{"dock", required_argument, NULL, OPT_DOCK},
	{"video", required_argument, NULL, OPT_VIDEO},
	{"scenario", required_argument, NULL, OPT_SCENARIO},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"week", required_argument, NULL, OPT_WEEK},
	{"at", required_argument, NULL, OPT_AT},
	{"json", no_argument, NULL, OPT_JSON},
	{"csv", no_argument, NULL, OPT_CSV},
	{"screen", required_argument, NULL, OPT_SCREEN},
	{"out", required_argument, NULL, OPT_OUT},
	{"help", no_argument, NULL, OPT_HELP},
	{"version", no_argument, NULL, OPT_VERSION},
	{"rotate", no_argument, NULL, OPT_ROTATE},
	{"layout", required_argument, NULL, OPT_LAYOUT},
	{"keys", required_argument, NULL, OPT_KEYS},
	{NULL, 0, NULL, 0},
};

/* Which options each command accepts (by OPT_ value). */
static const struct command_options {
	const char *name;
	int allowed[10];
} commands[] = {
	{"run", {OPT_CONFIG, OPT_DB, OPT_WINDOW, OPT_FULLSCREEN, OPT_SIZE, OPT_DOCK, OPT_VIDEO}},
	{"simulate", {OPT_CONFIG, OPT_DB, OPT_SCENARIO, OPT_UNTIL}},
	{"report", {OPT_CONFIG, OPT_DB, OPT_WEEK, OPT_AT, OPT_JSON}},
	{"export", {OPT_CONFIG, OPT_DB, OPT_CSV}},
	{"screenshot", {OPT_CONFIG, OPT_DB, OPT_SCREEN, OPT_SIZE, OPT_OUT, OPT_AT, OPT_LAYOUT, OPT_KEYS}},
	{"settings", {OPT_CONFIG, OPT_DB}},
	{"backup", {OPT_CONFIG, OPT_DB, OPT_ROTATE}},
	{"restore", {OPT_CONFIG, OPT_DB}},
};

static int bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
bad_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "familytable: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n(familytable --help shows the usage)\n");
	va_end(ap);
	return FT_EXIT_USAGE;
}

static int
parse_options(int argc, char **argv, struct options *o)
{
	const struct command_options *cmd = &commands[0];
	int first = 1;
	memset(o, 0, sizeof(*o));
	o->command = "run";
	if (argc > 1 && argv[1][0] != '-') {
		size_t i;
		for (i = 0; i < FT_ARRAY_LEN(commands); i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				break;
		if (i == FT_ARRAY_LEN(commands))
			return bad_usage("unknown command \"%s\"", argv[1]);
		cmd = &commands[i];
		o->command = cmd->name;
		first = 2;
	}
	optind = first;
	opterr = 0;
	for (;;) {
		int index = -1;
		int c = getopt_long(argc, argv, ":", long_options, &index);
		if (c == -1)
			break;
		if (c == '?')
			return bad_usage("unknown option \"%s\"", argv[optind - 1]);
		if (c == ':')
			return bad_usage("%s needs a value", argv[optind - 1]);
		if (c == OPT_HELP) {
			fputs(usage, stdout);
			/* the screens `screenshot --screen` knows, from the one list */
			fputs("Screens for screenshot --screen:", stdout);
			for (int i = 0; i < UI_SCREEN_COUNT; i++)
				printf("%s %s", i ? "," : "", ui_screen_names[i]);
			fputs(".\n", stdout);
			exit(FT_EXIT_OK);
		}
		if (c == OPT_VERSION) {
			printf("familytable %s\n", FT_VERSION);
			exit(FT_EXIT_OK);
		}
		bool ok = false;
		for (size_t i = 0; i < FT_ARRAY_LEN(cmd->allowed); i++)
			ok |= cmd->allowed[i] == c;
		if (!ok)
			return bad_usage("%s does not take --%s", o->command,
					 index >= 0 ? long_options[index].name : "that option");
		switch (c) {
		case OPT_CONFIG: o->config = optarg; break;
		case OPT_DB: o->db = optarg; break;
		case OPT_WINDOW: o->window = true; break;
		case OPT_FULLSCREEN: o->fullscreen = true; break;
		case OPT_SIZE: o->size = optarg; break;
		case OPT_DOCK: o->dock = optarg; break;
		case OPT_VIDEO: o->video = optarg; break;
		case OPT_SCENARIO: o->scenario = optarg; break;
		case OPT_UNTIL: o->until = optarg; break;
		case OPT_WEEK: o->week = optarg; break;
		case OPT_AT: o->at = optarg; break;
		case OPT_JSON: o->json = true; break;
		case OPT_CSV: o->csv = true; break;
		case OPT_SCREEN: o->screen = optarg; break;
		case OPT_OUT: o->out = optarg; break;
		case OPT_ROTATE: o->rotate = true; break;
		case OPT_LAYOUT: o->layout = optarg; break;
		case OPT_KEYS: o->keys = optarg; break;
		default: break;
		}
	}
	/* settings takes words, backup and restore one FILE */
	if (optind < argc && (!strcmp(o->command, "backup") || !strcmp(o->command, "restore")))
		o->file = argv[optind++];
	if (optind < argc && strcmp(o->command, "settings") != 0)
		return bad_usage("unexpected \"%s\"", argv[optind]);
	o->args = argv + optind;
	o->nargs = argc - optind;
	return FT_EXIT_OK;
}

/* The configuration: --config, else the system's file when it exists, else
 * the built-in defaults. */
static int
load_config(const struct options *o, struct ft_config *cfg, const char **used, struct ft_error *err)
{
	struct stat sb;
	config_defaults(cfg);
	*used = o->config ? o->config : (stat(DEFAULT_CONFIG, &sb) == 0 ? DEFAULT_CONFIG : NULL);
	if (*used && !config_load(cfg, *used, err))
		return FT_EXIT_USAGE;
	return FT_EXIT_OK;
}

/* The settings made on the display, over the file's (SPEC §6), read from
 * the database when there is one: reading them never creates it. A database
 * that cannot be read leaves the file's settings, with a warning; the
 * command then meets the same fault and reports it. */
static void
overlay_settings(struct ft_config *cfg, const char *db)
{
	struct ft_error err;
	struct stat sb;
	if (stat(db, &sb) != 0 || sb.st_size == 0)
		return; /* the command says what is wrong with an empty file */
	struct store *st = store_open_mode(db, STORE_EXISTING, NULL, 0, &err);
	if (!st || !settings_overlay(cfg, st, &err))
		log_warn("%s (the file's settings apply)", err.msg);
	store_close(st);
}

/* The zone every local time uses: [time] timezone, else the system's. */
static int
set_zone(const struct ft_config *cfg, const char *config)
{
	struct ft_error err;
	if (!cal_set_zone(cfg->timezone, &err)) {
		fprintf(stderr, "familytable: %s: %s\n", config ? config : "TZ", err.msg);
		return FT_EXIT_USAGE;
	}
	return FT_EXIT_OK;
}

/* --db, else [store] path, else $XDG_DATA_HOME/familytable/familytable.db. */
static const char *
db_path(const struct options *o, const struct ft_config *cfg, char buf[PATH_MAX])
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (o->db)
		return o->db;
	if (cfg->store_path[0])
		return cfg->store_path;
	if (xdg && xdg[0])
		snprintf(buf, PATH_MAX, "%s/familytable/familytable.db", xdg);
	else
		snprintf(buf, PATH_MAX, "%s/.local/share/familytable/familytable.db", home ? home : ".");
	return buf;
}

static bool
parse_size(const char *s, int *w, int *h)
{
	char *x, *end;
	if (!s || !isdigit((unsigned char)s[0]))
		return false;
	long lw = strtol(s, &x, 10);
	if ((*x != 'x' && *x != 'X') || !isdigit((unsigned char)x[1]))
		return false;
	long lh = strtol(x + 1, &end, 10);
	if (*end != '\0' || lw < 64 || lh < 64 || lw > 8192 || lh > 8192)
		return false;
	*w = (int)lw;
	*h = (int)lh;
	return true;
}

/* A database that a read-only command must not create, nor fill. */
static struct store *
open_existing(const char *path, struct ft_error *err)
{
	return store_open_mode(path, STORE_EXISTING, NULL, 0, err);
}

static int
cmd_simulate(const struct options *o, const struct ft_config *cfg, const char *db)
{
	struct ft_error err;
	ft_ms until;
	if (!o->scenario)
		return bad_usage("%s needs --scenario FILE", "simulate");
	if (o->until && !cal_parse_time_err(o->until, &until, &err))
		return bad_usage("--until: %s", err.msg);
	int rc = simulate_run(cfg, db, o->scenario, o->until ? &until : NULL, &err);
	if (rc != FT_EXIT_OK)
		fprintf(stderr, "familytable: %s\n", err.msg);
	return rc;
}

static int
cmd_report(const struct options *o, const struct ft_config *cfg, const char *db)
{
	struct ft_error err;
	struct report r;
	int64_t week;
	ft_ms at = clock_wall_ms();
	if (o->week && o->at)
		return bad_usage("%s: give --week or --at, not both", "report");
	if (o->week && !cal_parse_week(o->week, &week))
		return bad_usage("bad --week \"%s\" (like 2026-W48)", o->week);
	if (o->at && !cal_parse_time_err(o->at, &at, &err))
		return bad_usage("--at: %s", err.msg);
	if (o->week)
		at = cal_week_start(week + 1); /* the instant the week ends */
	else
		week = cal_week_of(at);
	int64_t t0 = trace_open() ? trace_mono_us() : 0; /* make bench */
	struct store *st = open_existing(db, &err);
	if (!st)
		goto fail;
	if (!report_build_week(st, cfg, week, at, &r, &err)) {
		store_close(st);
		goto fail;
	}
	if (o->json)
		report_print_json(stdout, &r, cfg);
	else
		report_print_text(stdout, &r, cfg);
	report_free(&r);
	store_close(st);
	int rc = fflush(stdout) == 0 ? FT_EXIT_OK : FT_EXIT_FAILURE;
	trace_span("report", trace_on() ? trace_mono_us() - t0 : 0);
	trace_close();
	return rc;
fail:
	fprintf(stderr, "familytable: %s\n", err.msg);
	return FT_EXIT_FAILURE;
}

static int
cmd_export(const struct options *o, const struct ft_config *cfg, const char *db)
{
	struct ft_error err;
	if (!o->csv)
		return bad_usage("%s needs --csv (the only format)", "export");
	struct store *st = open_existing(db, &err);
	if (!st || !store_export_csv(st, cfg, stdout, &err)) {
		store_close(st);
		fprintf(stderr, "familytable: %s\n", err.msg);
		return FT_EXIT_FAILURE;
	}
	store_close(st);
	return FT_EXIT_OK;
}

/* How the picture reaches the screen: --video, else FAMILYTABLE_VIDEO, else
 * auto. Bad usage (2) for an unknown name, or DRM with --window. */
static int
video_choice(const struct options *o, enum display_video *v)
{
	const char *env = getenv("FAMILYTABLE_VIDEO");
	const char *asked = o->video ? o->video : env && env[0] ? env : "auto";
	if (!display_video_parse(asked, v))
		return bad_usage("bad %s \"%s\" (auto, sdl or drm)",
				 o->video ? "--video" : "FAMILYTABLE_VIDEO", asked);
	if (*v == DISPLAY_VIDEO_DRM && o->window)
		return bad_usage("%s: --window is a desktop's window, the DRM output is the whole "
				 "console screen: not both", "run");
	return FT_EXIT_OK;
}

static int
cmd_run(const struct options *o, const struct ft_config *cfg, const struct ft_config *base,
	const char *config, const char *db)
{
	struct app_options ao = {.config_path = config, .db_path = db, .window = o->window,
				 .dock = o->dock, .base = base};
	if (o->window && o->fullscreen)
		return bad_usage("%s: give --window or --fullscreen, not both", "run");
	int rc = video_choice(o, &ao.video);
	if (rc != FT_EXIT_OK)
		return rc;
	if (o->size && !parse_size(o->size, &ao.width, &ao.height))
		return bad_usage("bad --size \"%s\" (like 800x480)", o->size);
	if (!ao.dock && cfg->nlines == 0)
		/* installed but not yet wired up: said on the display, not
		 * silence */
		fault_set(FAULT_SETUP, "[dock] lines is not set in %s", config ? config : DEFAULT_CONFIG);
	if (!ao.dock)
		ao.dock = cfg->nlines > 0 ? "gpio" : "none";
	if (strcmp(ao.dock, "gpio") != 0 && strcmp(ao.dock, "keys") != 0 &&
	    strcmp(ao.dock, "none") != 0 && strncmp(ao.dock, "fifo:", 5) != 0)
		return bad_usage("bad --dock \"%s\" (gpio, keys, fifo:PATH or none)", ao.dock);
	/* a restore waits until the display lets go of the database */
	struct ft_error err;
	int lock;
	if (!backup_hold_run(db, &lock, &err)) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		return FT_EXIT_FAILURE;
	}
	rc = app_run(cfg, &ao);
	if (lock >= 0)
		close(lock);
	return rc;
}

/* run, with a configuration file that has a mistake (MSG). */
static int
run_config_error(const struct options *o, const char *config, const char *msg, char **argv)
{
	struct display_config_error e = {.path = config, .window = o->window, .argv = argv};
	int rc = video_choice(o, &e.video);
	if (rc != FT_EXIT_OK)
		return rc;
	if (o->size && !parse_size(o->size, &e.width, &e.height))
		return bad_usage("bad --size \"%s\" (like 800x480)", o->size);
	return display_config_error(&e, msg);
}

static int
cmd_screenshot(const struct options *o, const struct ft_config *cfg, const char *db)
{
	struct screenshot_options so = {.screen = o->screen, .out = o->out, .layout = o->layout,
					.keys = o->keys, .db_path = db};
	if (!o->screen || !o->out || !o->size)
		return bad_usage("%s needs --screen NAME, --size WxH and --out FILE.png or FILE.bmp", "screenshot");
	/* the name says the format: refuse before anything is drawn or written */
	if (ui_image_format_of(o->out) == UI_IMAGE_UNKNOWN)
		return bad_usage("--out \"%s\": the picture is written as PNG or BMP, name it .png or .bmp",
				 o->out);
	if (!parse_size(o->size, &so.width, &so.height))
		return bad_usage("bad --size \"%s\" (like 800x480)", o->size);
	so.at = clock_wall_ms();
	if (o->at) {
		struct ft_error err;
		if (!cal_parse_time_err(o->at, &so.at, &err))
			return bad_usage("--at: %s", err.msg);
		so.have_at = true;
	}
	return app_screenshot(cfg, &so);
}

/* settings [set KEY VALUE... | reset KEY]: a bad key or value is refused
 * before the database is opened, so nothing is written or created. */
static int
cmd_settings(const struct options *o, struct ft_config *cfg, const char *config, const char *db)
{
	struct ft_error err;
	struct stat sb;
	const char *verb = o->nargs > 0 ? o->args[0] : NULL;
	bool set = verb && strcmp(verb, "set") == 0, reset = verb && strcmp(verb, "reset") == 0;
	if (!verb) {
		settings_print(stdout, cfg);
		return fflush(stdout) == 0 ? FT_EXIT_OK : FT_EXIT_FAILURE;
	}
	if (!set && !reset)
		return bad_usage("settings: unknown \"%s\" (set or reset)", verb);
	if (o->nargs < 2)
		return bad_usage("settings %s needs SECTION.KEY%s", verb, set ? " VALUE" : "");
	if (reset && o->nargs > 2)
		return bad_usage("settings reset takes one SECTION.KEY, not \"%s\"", o->args[2]);
	const char *name = o->args[1];
	const char *const *values = (const char *const *)o->args + 2;
	int nvalues = o->nargs - 2, key = settings_key(name, &err), rc = FT_EXIT_USAGE;
	if (key >= 0 && set && nvalues == 0 && !config_key_is_list(key))
		return bad_usage("settings set %s needs a VALUE", name);
	if (key >= 0 && set)
		rc = settings_check(cfg, name, values, nvalues, &err);
	else if (key >= 0)
		rc = FT_EXIT_OK;
	if (rc != FT_EXIT_OK) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		return rc;
	}
	if (reset && stat(db, &sb) != 0) {
		/* no database: no display value to forget, and nothing to create */
		settings_print_key(stdout, cfg, key);
		return FT_EXIT_OK;
	}
	struct store *st = store_open(db, &err);
	if (!st) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		return FT_EXIT_FAILURE;
	}
	rc = set ? settings_set(st, cfg, name, values, nvalues, clock_wall_ms(), &err)
		 : settings_reset(st, name, NULL, &err);
	if (rc == FT_EXIT_OK && reset) {
		/* what applies now: the file's value, else the default */
		struct options file_only = *o;
		file_only.config = config;
		rc = load_config(&file_only, cfg, &config, &err);
		if (rc == FT_EXIT_USAGE)
			fprintf(stderr, "familytable: %s\n", err.msg);
		if (rc == FT_EXIT_OK && !settings_overlay(cfg, st, &err))
			rc = FT_EXIT_FAILURE;
	}
	store_close(st);
	if (rc != FT_EXIT_OK) {
		if (rc == FT_EXIT_FAILURE)
			fprintf(stderr, "familytable: %s\n", err.msg);
		return rc;
	}
	settings_print_key(stdout, cfg, key);
	return fflush(stdout) == 0 ? FT_EXIT_OK : FT_EXIT_FAILURE;
}

static int
cmd_backup(const struct options *o, const char *db)
{
	struct ft_error err;
	struct stat sb;
	if (!o->file == !o->rotate)
		return bad_usage("%s needs FILE or --rotate (one of them)", "backup");
	if (o->file && lstat(o->file, &sb) == 0)
		return bad_usage("%s: already exists (a backup never overwrites a file)", o->file);
	if (o->file) {
		if (!backup_copy(db, o->file, &err))
			goto fail;
		printf("familytable: %s copied to %s (checked)\n", db, o->file);
		return FT_EXIT_OK;
	}
	/* the nightly copies: the database's folder's backups/, by local date;
	 * a fresh install whose display has not run yet has nothing to copy */
	if (stat(db, &sb) != 0) {
		printf("familytable: %s: no database yet, nothing to back up\n", db);
		return FT_EXIT_OK;
	}
	char dir[PATH_MAX];
	size_t kept;
	snprintf(dir, sizeof(dir), "%s", db);
	char *slash = strrchr(dir, '/');
	snprintf(slash ? slash + 1 : dir, sizeof(dir) - (size_t)(slash ? slash + 1 - dir : 0), "backups");
	if (!backup_rotate(db, dir, cal_day_of(clock_wall_ms()), &kept, &err))
		goto fail;
	printf("familytable: %s copied to %s (%zu copies kept)\n", db, dir, kept);
	return FT_EXIT_OK;
fail:
	fprintf(stderr, "familytable: %s\n", err.msg);
	return FT_EXIT_FAILURE;
}

static int
cmd_restore(const struct options *o, const char *db)
{
	struct ft_error err;
	char aside[PATH_MAX + 64];
	if (!o->file)
		return bad_usage("%s needs FILE", "restore");
	int rc = backup_restore(db, o->file, aside, sizeof(aside), &err);
	if (rc != FT_EXIT_OK) {
		fprintf(stderr, "familytable: %s\n", err.msg);
		return rc;
	}
	printf("familytable: %s restored into %s\n", o->file, db);
	if (aside[0])
		printf("familytable: the database it replaced is kept as %s\n", aside);
	return FT_EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct ft_config cfg;
	struct ft_error err;
	const char *config;
	char buf[PATH_MAX];
	int rc;

	if ((rc = parse_options(argc, argv, &o)) != FT_EXIT_OK)
		return rc;
	if ((rc = load_config(&o, &cfg, &config, &err)) != FT_EXIT_OK) {
		/* the display shows it and waits for the file to be fixed */
		if (strcmp(o.command, "run") == 0)
			return run_config_error(&o, config, err.msg, argv);
		fprintf(stderr, "familytable: %s\n", err.msg);
		return rc;
	}
	/* [store] path is the file's alone, so the database is found first */
	const char *db = db_path(&o, &cfg, buf);
	struct ft_config base = cfg; /* the display's Put back returns to it */
	overlay_settings(&cfg, db);
	if ((rc = set_zone(&cfg, config)) != FT_EXIT_OK)
		return rc;

	if (strcmp(o.command, "simulate") == 0)
		return cmd_simulate(&o, &cfg, db);
	if (strcmp(o.command, "report") == 0)
		return cmd_report(&o, &cfg, db);
	if (strcmp(o.command, "export") == 0)
		return cmd_export(&o, &cfg, db);
	if (strcmp(o.command, "screenshot") == 0)
		return cmd_screenshot(&o, &cfg, db);
	if (strcmp(o.command, "settings") == 0)
		return cmd_settings(&o, &cfg, config, db);
	if (strcmp(o.command, "backup") == 0)
		return cmd_backup(&o, db);
	if (strcmp(o.command, "restore") == 0)
		return cmd_restore(&o, db);
	return cmd_run(&o, &cfg, &base, config, db);
}
