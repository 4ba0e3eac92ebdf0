/*
 * test_display_drm.c - the console's output chosen without a screen: which
 * connector and mode the DRM output takes (display_drm.h), when the DRM
 * output is used at all rather than SDL's video, and the names --video and
 * FAMILYTABLE_VIDEO take (display.h). The output itself is tested on a
 * real DRM device in the display guest (make check-display-vm).
 */
#include <string.h>

#include "test.h"
#include "display.h"
#include "display_drm.h"

/* A connected built-in panel wins over an earlier HDMI; without one, the
 * first connected connector with a mode; none when nothing is connected. */
static void
test_pick_connector(void **state)
{
	struct display_drm_conn hdmi_then_dsi[] = {
		{ .connected = false, .nmodes = 0 },
		{ .connected = true, .builtin = false, .nmodes = 5 },
		{ .connected = true, .builtin = true, .nmodes = 1 },
	};
	assert_int_equal(display_drm_pick_connector(hdmi_then_dsi, 3), 2);
	struct display_drm_conn two_hdmi[] = {
		{ .connected = true, .nmodes = 0 },  /* connected, no EDID yet */
		{ .connected = true, .nmodes = 3 },
		{ .connected = true, .nmodes = 3 },
	};
	assert_int_equal(display_drm_pick_connector(two_hdmi, 3), 1);
	struct display_drm_conn dark_panel[] = {
		{ .connected = false, .builtin = true, .nmodes = 1 },
		{ .connected = false, .nmodes = 2 },
	};
	assert_int_equal(display_drm_pick_connector(dark_panel, 2), -1);
	assert_int_equal(display_drm_pick_connector(NULL, 0), -1);
}

/* The panel's preferred mode, unless a size was asked for and exists. */
static void
test_pick_mode(void **state)
{
	struct display_drm_mode m[] = {
		{ 1920, 1080, 60, false },
		{ 800, 480, 60, true },
		{ 1280, 720, 60, false },
		{ 800, 480, 50, false },
		{ 1280, 720, 75, false },
	};
	assert_int_equal(display_drm_pick_mode(m, 5, 0, 0), 1);
	/* asked: 1280x720, the faster of the two */
	assert_int_equal(display_drm_pick_mode(m, 5, 1280, 720), 4);
	/* asked at the preferred size: the preferred one, not the other 800x480 */
	assert_int_equal(display_drm_pick_mode(m, 5, 800, 480), 1);
	/* a size the screen does not have: the preferred */
	assert_int_equal(display_drm_pick_mode(m, 5, 1024, 600), 1);
	/* no preferred mode: the largest, the faster at equal size */
	struct display_drm_mode np[] = {
		{ 1024, 768, 60, false },
		{ 1920, 1080, 30, false },
		{ 1920, 1080, 60, false },
		{ 640, 480, 60, false },
	};
	assert_int_equal(display_drm_pick_mode(np, 4, 0, 0), 2);
	assert_int_equal(display_drm_pick_mode(np, 0, 0, 0), -1);
}

/* What "available" answered, and whether it was asked at all. */
static int asked;
static bool answer;

static bool
fake_available(const char *dir)
{
	asked++;
	assert_string_equal(dir, "/dev/dri");
	return answer;
}

static bool
wanted(enum display_video v, bool window, const char *display, const char *wayland,
       const char *sdl)
{
	return display_drm_wanted(v, window, display, wayland, sdl, fake_available, "/dev/dri");
}

/* auto: DRM on a console with a screen and no desktop; the unit's
 * SDL_VIDEODRIVER=kmsdrm does not stand in its way. */
static void
test_auto_on_the_console(void **state)
{
	asked = 0;
	answer = true;
	assert_true(wanted(DISPLAY_VIDEO_AUTO, false, NULL, NULL, NULL));
	assert_true(wanted(DISPLAY_VIDEO_AUTO, false, "", "", "kmsdrm"));
	assert_true(wanted(DISPLAY_VIDEO_AUTO, false, NULL, NULL, "KMSDRM"));
	assert_int_equal(asked, 3);
	answer = false; /* no card with a connected screen: SDL says why */
	assert_false(wanted(DISPLAY_VIDEO_AUTO, false, NULL, NULL, NULL));
}

/* auto keeps SDL for a window, a desktop, and another SDL driver (the tests'
 * offscreen and dummy must never take a console's screen), without opening
 * a card to find out. */
static void
test_auto_elsewhere_keeps_sdl(void **state)
{
	asked = 0;
	answer = true;
	assert_false(wanted(DISPLAY_VIDEO_AUTO, true, NULL, NULL, NULL));
	assert_false(wanted(DISPLAY_VIDEO_AUTO, false, ":0", NULL, NULL));
	assert_false(wanted(DISPLAY_VIDEO_AUTO, false, NULL, "wayland-0", NULL));
	assert_false(wanted(DISPLAY_VIDEO_AUTO, false, NULL, NULL, "offscreen"));
	assert_false(wanted(DISPLAY_VIDEO_AUTO, false, NULL, NULL, "dummy"));
	assert_int_equal(asked, 0);
}

/* Forced either way: the environment is not looked at. */
static void
test_forced(void **state)
{
	asked = 0;
	answer = false;
	assert_true(wanted(DISPLAY_VIDEO_DRM, false, ":0", NULL, "offscreen"));
	assert_false(wanted(DISPLAY_VIDEO_SDL, false, NULL, NULL, NULL));
	assert_int_equal(asked, 0);
}

static void
test_video_names(void **state)
{
	enum display_video v = DISPLAY_VIDEO_SDL;
	assert_true(display_video_parse("auto", &v));
	assert_int_equal(v, DISPLAY_VIDEO_AUTO);
	assert_true(display_video_parse("sdl", &v));
	assert_int_equal(v, DISPLAY_VIDEO_SDL);
	assert_true(display_video_parse("drm", &v));
	assert_int_equal(v, DISPLAY_VIDEO_DRM);
	assert_false(display_video_parse("DRM", &v));
	assert_false(display_video_parse("", &v));
	assert_false(display_video_parse("kmsdrm", &v));
	assert_int_equal(v, DISPLAY_VIDEO_DRM);
}

/* Without any card the DRM output says so, and nothing is left open. */
static void
test_open_without_a_card(void **state)
{
	char dir[] = "/tmp/ft-dri-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct ft_error err;
	assert_false(display_drm_available(dir));
	assert_null(display_drm_open(dir, 0, 0, &err));
	assert_non_null(strstr(err.msg, "no DRM card with a connected screen"));
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick_connector),
		cmocka_unit_test(test_pick_mode),
		cmocka_unit_test(test_auto_on_the_console),
		cmocka_unit_test(test_auto_elsewhere_keeps_sdl),
		cmocka_unit_test(test_forced),
		cmocka_unit_test(test_video_names),
		cmocka_unit_test(test_open_without_a_card),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
