/*
 * test_engine.c - the engine with a real SQLite file: the SPEC §5 sample
 * scenario through debounce and sessions, the recovery logic after a crash
 * or a power cut (SPEC §2.9; the real ones: make check-reliability), phones
 * docked at boot, walks, and what is written when.
 */
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "report.h"
#include "store.h"
#include "test.h"

static const char *conf = "[dock]\nnames = Anna Ben Chloé Dan\n[time]\ntimezone = Europe/Paris\n";

struct fixture {
	char dir[64], path[96];
	struct ft_config cfg;
	struct store *st;
	struct engine e;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct ft_error err;
	strcpy(f->dir, "/tmp/ft-engine-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	f->cfg = test_config(conf);
	f->st = store_open(f->path, &err);
	assert_non_null(f->st);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];
	store_close(f->st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void
dock(struct fixture *f, const char *when, int slot, int level)
{
	struct ft_error err;
	if (!engine_dock(&f->e, slot, level, T(when), &err))
		fail_msg("%s", err.msg);
}

static void
advance(struct fixture *f, const char *when)
{
	struct ft_error err;
	if (!engine_advance(&f->e, T(when), &err))
		fail_msg("%s", err.msg);
}

/* The engine opened at WHEN with two phones docked then: a session starts. */
static void
open_with_two_phones(struct fixture *f, const char *when)
{
	struct ft_error err;
	if (!engine_open(&f->e, &f->cfg, f->st, T(when), NULL, &err))
		fail_msg("%s", err.msg);
	dock(f, when, 1, 1);
	dock(f, when, 2, 1);
}

/* The week's finished sessions, as of AT. */
static size_t
sessions(struct fixture *f, const char *at, struct store_session **rows)
{
	struct ft_error err;
	size_t n = 0;
	ft_ms t = T(at);
	int64_t day = cal_day_of(t);
	assert_true(store_sessions(f->st, day - 7, day + 7, t, rows, &n, &err));
	return n;
}

static void
test_spec_sample_bounce_and_end(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_session *rows;
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T18:00:00+01:00"), NULL, &err));
	dock(f, "2026-11-23T18:55:00+01:00", 1, 1);
	dock(f, "2026-11-23T18:55:00.030+01:00", 1, 0); /* a bounce */
	dock(f, "2026-11-23T18:55:00.040+01:00", 1, 1);
	dock(f, "2026-11-23T18:56:10+01:00", 2, 1);
	ft_ms start;
	advance(f, "2026-11-23T18:57:00+01:00");
	assert_true(engine_session_open(&f->e, &start));
	assert_int_equal(start, T("2026-11-23T18:56:10+01:00"));
	assert_int_equal(engine_docked(&f->e), 2);
	dock(f, "2026-11-23T19:40:00+01:00", 1, 0);
	dock(f, "2026-11-23T19:40:03+01:00", 2, 0);
	/* grace has not run out yet */
	advance(f, "2026-11-23T19:41:59+01:00");
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 0);
	free(rows);
	advance(f, "2026-11-23T19:42:00.050+01:00");
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 1);
	assert_int_equal(rows[0].s.start, T("2026-11-23T18:56:10+01:00"));
	assert_int_equal(rows[0].s.end, T("2026-11-23T19:40:00+01:00"));
	assert_int_equal(rows[0].s.cls, SESSION_MEAL);
	assert_string_equal(rows[0].s.kind, "dinner");
	assert_int_equal(rows[0].nmembers, 2);
	assert_string_equal(rows[0].members[0], "Anna");
	assert_string_equal(rows[0].members[1], "Ben");
	free(rows);
}

static void
test_bounce_that_would_end_a_dip_late_is_still_in_time(void **state)
{
	struct fixture *f = *state;
	struct store_session *rows;
	/* a dip whose phone comes back 10 ms before grace: the change is only
	 * confirmed 40 ms after grace ran out, and is still an interruption */
	open_with_two_phones(f, "2026-11-23T18:00:00Z");
	dock(f, "2026-11-23T18:20:00Z", 2, 0);
	dock(f, "2026-11-23T18:21:59.990Z", 2, 1);
	advance(f, "2026-11-23T18:22:00.030Z");
	dock(f, "2026-11-23T18:40:00Z", 1, 0);
	advance(f, "2026-11-23T19:00:00Z");
	assert_int_equal(sessions(f, "2026-11-23T23:00:00Z", &rows), 1);
	assert_int_equal(rows[0].s.interruptions, 1);
	assert_int_equal(rows[0].s.end, T("2026-11-23T18:40:00Z"));
	free(rows);
}

static void
test_next_deadline_for_debounce_and_grace(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T18:00:00Z"), NULL, &err));
	assert_int_equal(engine_next_deadline(&f->e), FT_MS_NEVER);
	dock(f, "2026-11-23T18:00:00Z", 1, 1);
	assert_int_equal(engine_next_deadline(&f->e), T("2026-11-23T18:00:00.050Z"));
	dock(f, "2026-11-23T18:00:00Z", 2, 1);
	advance(f, "2026-11-23T18:00:00.050Z");
	dock(f, "2026-11-23T18:30:00Z", 2, 0);
	advance(f, "2026-11-23T18:30:00.050Z");
	/* the open session's heartbeat, a minute after it was last saved
	 * (at 18:30, when the edge came) */
	assert_int_equal(engine_next_deadline(&f->e), T("2026-11-23T18:31:00Z"));
	advance(f, "2026-11-23T18:31:00Z");
	assert_int_equal(engine_next_deadline(&f->e), T("2026-11-23T18:32:00Z"));
	advance(f, "2026-11-23T18:32:00Z");
	/* grace is acted on once the debounce horizon reaches it */
	assert_int_equal(engine_next_deadline(&f->e), T("2026-11-23T18:32:00.050Z"));
}

static void
test_edge_reported_one_period_late_keeps_its_date(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	ft_ms start;
	/* libgpiod 2: the kernel debounced the edge and the dock dates it back
	 * at the raw edge; the loop already ran to a later instant */
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T19:00:00Z"), NULL, &err));
	advance(f, "2026-11-23T19:00:00.045Z");
	dock(f, "2026-11-23T19:00:00Z", 1, 1);
	dock(f, "2026-11-23T19:00:00Z", 2, 1);
	advance(f, "2026-11-23T19:00:00.050Z");
	assert_true(engine_session_open(&f->e, &start));
	assert_int_equal(start, T("2026-11-23T19:00:00Z"));
}

static void
test_phones_docked_at_boot_count_from_boot(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	int levels[4] = {1, 0, 1, 0};
	ft_ms start;
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T19:00:00Z"), levels, &err));
	advance(f, "2026-11-23T19:00:01Z");
	assert_true(engine_session_open(&f->e, &start));
	assert_int_equal(start, T("2026-11-23T19:00:00Z"));
}

/* The engine's side of a crash: dropped without engine_close, the store
 * reopened as after a reboot. This closes SQLite cleanly, so it checks the
 * recovery logic only; the real kill -9 and power cuts under SQLite are in
 * `make check-reliability` (tests/reliability/). */
static void
crash(struct fixture *f)
{
	struct ft_error err;
	store_close(f->st);
	f->st = store_open(f->path, &err);
	assert_non_null(f->st);
}

static void
test_open_session_resumes_after_crash_when_phones_still_docked(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_session *rows;
	int docked[4] = {1, 1, 0, 0};
	open_with_two_phones(f, "2026-11-23T19:00:00+01:00");
	advance(f, "2026-11-23T19:10:00+01:00");
	crash(f);
	/* back five minutes later with both phones still in */
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T19:15:00+01:00"), docked, &err));
	ft_ms start;
	assert_true(engine_session_open(&f->e, &start));
	assert_int_equal(start, T("2026-11-23T19:00:00+01:00"));
	dock(f, "2026-11-23T19:45:00+01:00", 1, 0);
	advance(f, "2026-11-23T20:00:00+01:00");
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 1);
	assert_int_equal(rows[0].s.end - rows[0].s.start, 45 * FT_MINUTE);
	free(rows);
}

static void
test_open_session_ends_at_last_known_instant_after_power_cut(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_session *rows;
	int undocked[4] = {0, 0, 0, 0};
	open_with_two_phones(f, "2026-11-23T19:00:00+01:00");
	/* the live loop advances at least once a minute: the heartbeat */
	for (int m = 1; m <= 31; m++) {
		char when[40];
		snprintf(when, sizeof(when), "2026-11-23T19:%02d:00+01:00", m);
		advance(f, when);
	}
	crash(f); /* the power is cut at 19:31:30 */
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T21:00:00+01:00"), undocked, &err));
	assert_false(engine_session_open(&f->e, NULL));
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 1);
	assert_int_equal(rows[0].s.end, T("2026-11-23T19:31:00+01:00"));
	assert_int_equal(rows[0].s.cls, SESSION_MEAL);
	free(rows);
}

static void
test_session_start_is_saved_at_once(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct session_detector det;
	ft_ms seen;
	bool found;
	open_with_two_phones(f, "2026-11-23T19:00:00Z");
	advance(f, "2026-11-23T19:00:00.050Z");
	session_init(&det, &f->cfg, NULL, 0);
	assert_true(store_load_open(f->st, &det, &seen, &found, &err));
	assert_true(found);
	assert_int_equal(det.start, T("2026-11-23T19:00:00Z"));
}

static void
test_walk_start_stop_survives_restart(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_walk *walks;
	size_t n;
	int64_t id;
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-29T11:00:00+01:00"), NULL, &err));
	assert_true(engine_walk_start(&f->e, T("2026-11-29T11:00:00+01:00"), &err));
	assert_false(engine_walk_start(&f->e, T("2026-11-29T11:01:00+01:00"), &err));
	crash(f);
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-29T11:10:00+01:00"), NULL, &err));
	assert_true(engine_walk_stop(&f->e, T("2026-11-29T11:25:00+01:00"), &id, &err));
	assert_false(engine_walk_stop(&f->e, T("2026-11-29T11:26:00+01:00"), &id, &err));
	int64_t day = cal_day_of(T("2026-11-29T12:00:00+01:00"));
	assert_true(store_walks(f->st, day, day, T("2026-11-30T00:00:00+01:00"), &walks, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(walks[0].end - walks[0].start, 25 * FT_MINUTE);
	free(walks);
	/* undo takes it back */
	assert_true(store_delete(f->st, STORE_WALK, id, &err));
	assert_true(store_walks(f->st, day, day, T("2026-11-30T00:00:00+01:00"), &walks, &n, &err));
	assert_int_equal(n, 0);
	free(walks);
}

static void
test_a_call_with_who_and_whom_or_neither(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_call *calls;
	size_t n;
	ft_ms t = T("2026-11-30T18:05:00+01:00");
	int64_t id = -1, day = cal_day_of(t);
	assert_true(engine_open(&f->e, &f->cfg, f->st, t, NULL, &err));
	assert_true(engine_call(&f->e, t, 0, NULL, NULL, &err));
	assert_true(engine_call(&f->e, t + FT_MINUTE, 2, "Grandma Jo", &id, &err));
	assert_true(id > 0);
	/* both or neither, and a caller on the dock */
	assert_false(engine_call(&f->e, t + 2 * FT_MINUTE, 2, NULL, NULL, &err));
	assert_false(engine_call(&f->e, t + 2 * FT_MINUTE, 0, "Grandma Jo", NULL, &err));
	assert_false(engine_call(&f->e, t + 2 * FT_MINUTE, f->cfg.nslots + 1, "Grandma Jo", NULL, &err));
	assert_true(store_calls(f->st, day, day, t + FT_HOUR, &calls, &n, &err));
	assert_int_equal(n, 2);
	assert_int_equal(calls[0].from_slot, 0);
	assert_int_equal(calls[1].from_slot, 2);
	assert_string_equal(calls[1].to, "Grandma Jo");
	assert_int_equal(calls[1].id, id);
	free(calls);
}

static void
test_report_counts_only_what_ended_by_T(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct report r;
	open_with_two_phones(f, "2026-11-23T19:00:00+01:00");
	dock(f, "2026-11-23T19:30:00+01:00", 1, 0);
	assert_true(engine_walk(&f->e, T("2026-11-23T20:00:00+01:00"), 30 * FT_MINUTE, NULL, &err));
	advance(f, "2026-11-23T21:00:00+01:00");
	assert_true(report_build(f->st, &f->cfg, T("2026-11-23T19:31:00+01:00"), &r, &err));
	assert_int_equal(r.meal_count, 1);
	assert_int_equal(r.walk_count, 0); /* the walk had not ended yet */
	report_free(&r);
	assert_true(report_build(f->st, &f->cfg, T("2026-11-23T20:30:00+01:00"), &r, &err));
	assert_int_equal(r.walk_count, 1);
	assert_int_equal(r.docked_meals[0], 1);
	assert_int_equal(r.docked_meals[2], 0);
	report_free(&r);
}

/* How many rows SQLite has written through this connection's file: read
 * with a second connection counting changes is awkward, so count pages of
 * the WAL instead: a chattering line must not grow it. */
static long
wal_size(struct fixture *f)
{
	char wal[128];
	FILE *fp;
	long size = 0;
	snprintf(wal, sizeof(wal), "%s-wal", f->path);
	if ((fp = fopen(wal, "rb"))) {
		fseek(fp, 0, SEEK_END);
		size = ftell(fp);
		fclose(fp);
	}
	return size;
}

static void
test_chattering_line_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	ft_ms t0 = T("2026-11-23T10:00:00Z");
	assert_true(engine_open(&f->e, &f->cfg, f->st, t0, NULL, &err));
	assert_true(engine_advance(&f->e, t0, &err));
	long before = wal_size(f);
	/* a broken switch toggling every millisecond for a minute */
	for (int i = 0; i < 60000; i++)
		assert_true(engine_dock(&f->e, 3, i % 2 == 0, t0 + i, &err));
	assert_int_equal(wal_size(f), before);
	assert_false(engine_session_open(&f->e, NULL));
}

static long wal_size(struct fixture *f);

/* Bytes of the heartbeat file beside the database (store_touch_open). */
static long
seen_size(struct fixture *f)
{
	char path[128];
	struct stat sb;
	snprintf(path, sizeof(path), "%s-seen", f->path);
	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* A session that only goes on is kept alive by a heartbeat of one small
 * file, due a minute after the last save, never through the WAL; a kill
 * after it cuts at most that minute (SPEC §2.9). With no folder in memory
 * (store_set_runtime) every heartbeat goes to the disk. */
static void
test_heartbeat_writes_one_small_file_once_a_minute(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_session *rows;
	int undocked[4] = {0, 0, 0, 0};
	open_with_two_phones(f, "2026-11-23T19:00:00+01:00");
	advance(f, "2026-11-23T19:00:00.050+01:00");
	assert_true(engine_session_open(&f->e, NULL));
	long wal = wal_size(f);
	assert_int_equal(seen_size(f), -1);
	for (int m = 1; m <= 20; m++) {
		ft_ms due = engine_next_deadline(&f->e);
		assert_int_equal(due, T("2026-11-23T19:00:00.050+01:00") + m * FT_MINUTE);
		assert_true(engine_advance(&f->e, due, &err));
	}
	assert_int_equal(wal_size(f), wal);
	assert_int_equal(seen_size(f), 24);
	/* killed at 19:20:59: the session ends at the last heartbeat */
	crash(f);
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T19:30:00+01:00"), undocked, &err));
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 1);
	assert_int_equal(rows[0].s.end, T("2026-11-23T19:20:00.050+01:00"));
	free(rows);
}

/* The last instant in the heartbeat file beside the database; -1: none. */
static ft_ms
disk_seen(struct fixture *f)
{
	char path[128];
	int64_t v[3];
	snprintf(path, sizeof(path), "%s-seen", f->path);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t n = fread(v, sizeof(v), 1, fp);
	fclose(fp);
	return n == 1 ? v[1] : -1;
}

/* The last instant the open session read back from the store says. */
static ft_ms
loaded_seen(struct fixture *f)
{
	struct ft_error err;
	struct session_detector det;
	ft_ms seen = -1;
	bool found;
	session_init(&det, &f->cfg, NULL, 0);
	assert_true(store_load_open(f->st, &det, &seen, &found, &err));
	assert_true(found);
	return seen;
}

/* With a folder in memory (a tmpfs: systemd's RuntimeDirectory), the
 * heartbeat goes there each minute and to the disk every five minutes,
 * never through the WAL: a crash, the memory kept, cuts at most a minute;
 * a power cut, the memory lost, at most five (SPEC §2.9, README). */
static void
test_heartbeat_in_memory_each_minute_on_disk_every_five(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct store_session *rows;
	int undocked[4] = {0, 0, 0, 0};
	char run[96];
	snprintf(run, sizeof(run), "%s/run", f->dir);
	assert_int_equal(mkdir(run, 0700), 0);
	store_set_runtime(f->st, run);
	open_with_two_phones(f, "2026-11-23T19:00:00+01:00");
	advance(f, "2026-11-23T19:00:00.050+01:00");
	ft_ms t0 = T("2026-11-23T19:00:00.050+01:00");
	long wal = wal_size(f);
	int disk_writes = 0;
	ft_ms on_disk = disk_seen(f);
	for (int m = 1; m <= 23; m++) {
		ft_ms due = engine_next_deadline(&f->e);
		assert_int_equal(due, t0 + m * FT_MINUTE);
		assert_true(engine_advance(&f->e, due, &err));
		if (disk_seen(f) != on_disk) {
			on_disk = disk_seen(f);
			disk_writes++;
			assert_int_equal(m % 5, 0);
		}
	}
	assert_int_equal(disk_writes, 4); /* at 5, 10, 15 and 20 minutes */
	assert_int_equal(on_disk, t0 + 20 * FT_MINUTE);
	assert_int_equal(wal_size(f), wal);
	/* killed at 19:23:30: the memory holds the last minute */
	crash(f);
	store_set_runtime(f->st, run);
	assert_int_equal(loaded_seen(f), t0 + 23 * FT_MINUTE);
	/* the power cut: the memory is gone, the disk holds five minutes */
	char mem[400];
	DIR *d = opendir(run);
	struct dirent *de;
	int nfiles = 0;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			snprintf(mem, sizeof(mem), "%s/%s", run, de->d_name);
			nfiles++;
		}
	closedir(d);
	assert_int_equal(nfiles, 1);
	assert_int_equal(unlink(mem), 0);
	crash(f);
	store_set_runtime(f->st, run);
	assert_int_equal(loaded_seen(f), t0 + 20 * FT_MINUTE);
	assert_true(engine_open(&f->e, &f->cfg, f->st, T("2026-11-23T21:00:00+01:00"), undocked, &err));
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 1);
	assert_int_equal(rows[0].s.end, t0 + 20 * FT_MINUTE);
	free(rows);
	/* the next meal's heartbeat is in memory until the meal ends */
	dock(f, "2026-11-23T21:00:00+01:00", 1, 1);
	dock(f, "2026-11-23T21:00:00+01:00", 2, 1);
	advance(f, "2026-11-23T21:01:00.050+01:00");
	advance(f, "2026-11-23T21:02:00.050+01:00");
	assert_int_equal(access(mem, F_OK), 0);
	dock(f, "2026-11-23T21:30:00+01:00", 1, 0);
	dock(f, "2026-11-23T21:30:00+01:00", 2, 0);
	advance(f, "2026-11-23T21:45:00+01:00");
	assert_int_equal(sessions(f, "2026-11-23T23:00:00+01:00", &rows), 2);
	free(rows);
	assert_int_equal(access(mem, F_OK), -1);
}

/* A phone in or out since the last save: the heartbeat saves the whole
 * open session (its levels), and a crash then restores them. */
static void
test_heartbeat_after_a_change_saves_the_session(void **state)
{
	struct fixture *f = *state;
	struct ft_error err;
	struct session_detector det;
	ft_ms seen;
	bool found;
	open_with_two_phones(f, "2026-11-23T19:00:00Z");
	advance(f, "2026-11-23T19:00:00.050Z");
	dock(f, "2026-11-23T19:00:20Z", 3, 1);
	advance(f, "2026-11-23T19:00:30Z");
	long wal = wal_size(f);
	advance(f, "2026-11-23T19:01:00.050Z");
	assert_true(wal_size(f) > wal);
	session_init(&det, &f->cfg, NULL, 0);
	assert_true(store_load_open(f->st, &det, &seen, &found, &err));
	assert_true(found);
	assert_int_equal(det.level[2], 1);
	assert_int_equal(seen, T("2026-11-23T19:01:00.050Z"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_spec_sample_bounce_and_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bounce_that_would_end_a_dip_late_is_still_in_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_deadline_for_debounce_and_grace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edge_reported_one_period_late_keeps_its_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_phones_docked_at_boot_count_from_boot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_session_resumes_after_crash_when_phones_still_docked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_session_ends_at_last_known_instant_after_power_cut, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_start_is_saved_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_start_stop_survives_restart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_call_with_who_and_whom_or_neither, setup, teardown),
		cmocka_unit_test_setup_teardown(test_report_counts_only_what_ended_by_T, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chattering_line_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_heartbeat_writes_one_small_file_once_a_minute, setup, teardown),
		cmocka_unit_test_setup_teardown(test_heartbeat_after_a_change_saves_the_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_heartbeat_in_memory_each_minute_on_disk_every_five, setup, teardown),
	};
	return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
