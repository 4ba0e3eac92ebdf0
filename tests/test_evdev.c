/*
 * test_evdev.c - touches and keys from evdev byte streams (evdev.h): the
 * multi-touch protocol B and single touch as a panel's driver writes them,
 * a dropped buffer, keys, and a touch's position mapped through the
 * device's range onto the panel and turned back by the display's rotation.
 */
#include <fcntl.h>
#include <linux/input.h>
#include <string.h>
#include <sys/stat.h>

#include "test.h"
#include "evdev.h"
#include "poller.h"
#include "ui.h"

/* What the sink heard. */
struct heard {
	struct evdev_event e[32];
	int n;
};

static void
sink(void *data, const struct evdev_event *e)
{
	struct heard *h = data;
	assert_true(h->n < 32);
	h->e[h->n++] = *e;
}

/* A device's parser, the bytes it is about to read (built one record at a
 * time) and what it reported so far. */
struct dev {
	struct evdev_parser p;
	struct input_event ev[64];
	size_t n;
	struct heard h;
};

static void
begin(struct dev *d, bool mt, struct evdev_axis ax, struct evdev_axis ay)
{
	memset(d, 0, sizeof(*d));
	evdev_parser_init(&d->p, mt, ax, ay, 0);
}

static void
put(struct dev *d, int type, int code, int value)
{
	assert_true(d->n < 64);
	d->ev[d->n].type = (unsigned short)type;
	d->ev[d->n].code = (unsigned short)code;
	d->ev[d->n].value = value;
	d->n++;
}

static void
syn(struct dev *d)
{
	put(d, EV_SYN, SYN_REPORT, 0);
}

/* The records put so far read by the parser; the bytes it used. */
static size_t
feed(struct dev *d)
{
	size_t n = evdev_parse(&d->p, d->ev, d->n * sizeof(d->ev[0]), sink, &d->h);
	d->n = 0;
	return n;
}

static const struct evdev_axis panel_x = {0, 799}, panel_y = {0, 479};

/* A finger down and up on a protocol B panel, as touchbot and the Pi's
 * ft5x06 report it: one down at its position, one up where it was lifted. */
static void
test_mt_tap(void **state)
{
	struct dev d;
	begin(&d, true, panel_x, panel_y);
	put(&d, EV_ABS, ABS_MT_SLOT, 0);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 100);
	put(&d, EV_ABS, ABS_MT_POSITION_X, 399);
	put(&d, EV_ABS, ABS_MT_POSITION_Y, 239);
	put(&d, EV_KEY, BTN_TOUCH, 1);
	assert_int_equal(d.h.n, 0);
	syn(&d);
	assert_int_equal(feed(&d), 6 * sizeof(struct input_event));
	assert_int_equal(d.h.n, 1);
	assert_int_equal(d.h.e[0].kind, EVDEV_DOWN);
	assert_float_equal(d.h.e[0].x, 399.5 / 800, 1e-6);
	assert_float_equal(d.h.e[0].y, 239.5 / 480, 1e-6);
	/* moved, then lifted: the up is where it left */
	put(&d, EV_ABS, ABS_MT_POSITION_X, 10);
	syn(&d);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, -1);
	put(&d, EV_KEY, BTN_TOUCH, 0);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 2);
	assert_int_equal(d.h.e[1].kind, EVDEV_UP);
	assert_int_equal(d.h.e[1].id, d.h.e[0].id);
	assert_float_equal(d.h.e[1].x, 10.5 / 800, 1e-6);
}

/* Two fingers (the hug's two circles): two ids, each lifted on its own. */
static void
test_mt_two_fingers(void **state)
{
	struct dev d;
	begin(&d, true, panel_x, panel_y);
	put(&d, EV_ABS, ABS_MT_SLOT, 0);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 7);
	put(&d, EV_ABS, ABS_MT_POSITION_X, 100);
	put(&d, EV_ABS, ABS_MT_POSITION_Y, 100);
	syn(&d);
	put(&d, EV_ABS, ABS_MT_SLOT, 1);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 8);
	put(&d, EV_ABS, ABS_MT_POSITION_X, 700);
	put(&d, EV_ABS, ABS_MT_POSITION_Y, 100);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 2);
	assert_int_not_equal(d.h.e[0].id, d.h.e[1].id);
	assert_true(d.h.e[1].x > 0.8f);
	put(&d, EV_ABS, ABS_MT_SLOT, 1);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, -1);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 3);
	assert_int_equal(d.h.e[2].kind, EVDEV_UP);
	assert_int_equal(d.h.e[2].id, d.h.e[1].id);
}

/* A slot given a new tracking id in one frame: a lift and a new finger. */
static void
test_mt_new_tracking_id_is_lift_then_down(void **state)
{
	struct dev d;
	begin(&d, true, panel_x, panel_y);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 1);
	syn(&d);
	feed(&d);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, -1);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 2);
	syn(&d);
	feed(&d);
	/* another finger in the slot within one frame (the kernel may skip
	 * the -1): the first one lifted, the new one put down */
	assert_int_equal(d.h.n, 3);
	assert_int_equal(d.h.e[1].kind, EVDEV_UP);
	assert_int_equal(d.h.e[2].kind, EVDEV_DOWN);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 3);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 5);
	assert_int_equal(d.h.e[3].kind, EVDEV_UP);
	assert_int_equal(d.h.e[4].kind, EVDEV_DOWN);
	/* the same id again is no change */
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 3);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 5);
}

/* SYN_DROPPED: every finger lifted, and the rest of the broken frame
 * ignored (a finger seen in it is not put down). */
static void
test_dropped_lifts_everything(void **state)
{
	struct dev d;
	begin(&d, true, panel_x, panel_y);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 1);
	syn(&d);
	put(&d, EV_SYN, SYN_DROPPED, 0);
	put(&d, EV_ABS, ABS_MT_SLOT, 1);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 5);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 2);
	assert_int_equal(d.h.e[0].kind, EVDEV_DOWN);
	assert_int_equal(d.h.e[1].kind, EVDEV_UP);
	/* after the frame ends, events count again */
	put(&d, EV_ABS, ABS_MT_SLOT, 2);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 6);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 3);
	assert_int_equal(d.h.e[2].kind, EVDEV_DOWN);
}

/* A slot number beyond what the parser keeps is ignored, not written past. */
static void
test_mt_slot_out_of_range_ignored(void **state)
{
	struct dev d;
	begin(&d, true, panel_x, panel_y);
	put(&d, EV_ABS, ABS_MT_SLOT, EVDEV_SLOTS);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 1);
	put(&d, EV_ABS, ABS_MT_SLOT, -3);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 2);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 0);
}

/* A single-touch panel (resistive, older drivers): BTN_TOUCH and ABS_X/Y,
 * over a range of its own. */
static void
test_single_touch(void **state)
{
	struct dev d;
	begin(&d, false, (struct evdev_axis){200, 3900}, (struct evdev_axis){200, 3900});
	put(&d, EV_ABS, ABS_X, 3900);
	put(&d, EV_ABS, ABS_Y, 200);
	put(&d, EV_KEY, BTN_TOUCH, 1);
	syn(&d);
	put(&d, EV_KEY, BTN_TOUCH, 0);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 2);
	assert_int_equal(d.h.e[0].kind, EVDEV_DOWN);
	assert_true(d.h.e[0].x > 0.999f && d.h.e[0].x < 1.0f);
	assert_true(d.h.e[0].y > 0.0f && d.h.e[0].y < 0.001f);
	assert_int_equal(d.h.e[1].kind, EVDEV_UP);
}

/* Keys: presses only (no repeats, no releases), Ctrl remembered. */
static void
test_keys(void **state)
{
	struct dev d;
	begin(&d, false, (struct evdev_axis){0, 0}, (struct evdev_axis){0, 0});
	put(&d, EV_KEY, KEY_3, 1);
	put(&d, EV_KEY, KEY_3, 2);
	put(&d, EV_KEY, KEY_3, 0);
	syn(&d);
	put(&d, EV_KEY, KEY_LEFTCTRL, 1);
	put(&d, EV_KEY, KEY_Q, 1);
	put(&d, EV_KEY, KEY_LEFTCTRL, 0);
	put(&d, EV_KEY, KEY_Q, 1);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 3);
	assert_int_equal(d.h.e[0].kind, EVDEV_KEY);
	assert_int_equal(d.h.e[0].key, KEY_3);
	assert_false(d.h.e[0].ctrl);
	assert_int_equal(d.h.e[1].key, KEY_Q);
	assert_true(d.h.e[1].ctrl);
	assert_false(d.h.e[2].ctrl);
}

/* A trailing partial record is left for the next read. */
static void
test_partial_record_left(void **state)
{
	struct dev d;
	begin(&d, true, panel_x, panel_y);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 1);
	syn(&d);
	size_t whole = 2 * sizeof(struct input_event);
	assert_int_equal(evdev_parse(&d.p, d.ev, whole - 3, sink, &d.h), sizeof(struct input_event));
	assert_int_equal(d.h.n, 0);
}

/* Two devices' fingers never share an id. */
static void
test_devices_have_their_own_ids(void **state)
{
	struct dev d;
	struct evdev_parser other;
	begin(&d, true, panel_x, panel_y);
	evdev_parser_init(&other, true, panel_x, panel_y, 1);
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 1);
	syn(&d);
	evdev_parse(&other, d.ev, d.n * sizeof(d.ev[0]), sink, &d.h);
	feed(&d);
	assert_int_equal(d.h.n, 2);
	assert_int_not_equal(d.h.e[0].id, d.h.e[1].id);
}

/* The device's range covers the panel: its ends land on the panel's first
 * and last pixels, out-of-range values at the edges. */
static void
test_fraction_covers_the_panel(void **state)
{
	struct evdev_axis ax = {0, 4095};
	assert_int_equal((int)(evdev_fraction(ax, 0) * 800), 0);
	assert_int_equal((int)(evdev_fraction(ax, 4095) * 800), 799);
	assert_int_equal((int)(evdev_fraction(ax, 2048) * 800), 400);
	assert_int_equal((int)(evdev_fraction(ax, -50) * 800), 0);
	assert_int_equal((int)(evdev_fraction(ax, 99999) * 800), 799);
	assert_float_equal(evdev_fraction((struct evdev_axis){5, 5}, 5), 0.5, 1e-6);
	assert_float_equal(evdev_fraction((struct evdev_axis){5, 1}, 3), 0.0, 1e-6);
}

/* A touch at the panel's top-right corner, through the display's rotation
 * (the app's path: fraction x panel size, then ui_touch_to_logical): with
 * the picture turned 90 degrees clockwise on an 800x480 panel, the logical
 * 480x800 picture's top-left is at the panel's top-right. */
static void
test_touch_mapped_through_rotation(void **state)
{
	struct dev d;
	begin(&d, true, (struct evdev_axis){0, 4095}, (struct evdev_axis){0, 4095});
	put(&d, EV_ABS, ABS_MT_TRACKING_ID, 1);
	put(&d, EV_ABS, ABS_MT_POSITION_X, 4095);
	put(&d, EV_ABS, ABS_MT_POSITION_Y, 0);
	syn(&d);
	feed(&d);
	assert_int_equal(d.h.n, 1);
	int lx, ly, w, hh;
	ui_logical_size(90, 800, 480, &w, &hh);
	assert_int_equal(w, 480);
	assert_int_equal(hh, 800);
	ui_touch_to_logical(90, 800, 480, d.h.e[0].x * 800, d.h.e[0].y * 480, &lx, &ly);
	assert_int_equal(lx, 0);
	assert_int_equal(ly, 0);
	ui_touch_to_logical(0, 800, 480, d.h.e[0].x * 800, d.h.e[0].y * 480, &lx, &ly);
	assert_int_equal(lx, 799);
	assert_int_equal(ly, 0);
	ui_touch_to_logical(180, 800, 480, d.h.e[0].x * 800, d.h.e[0].y * 480, &lx, &ly);
	assert_int_equal(lx, 0);
	assert_int_equal(ly, 479);
}

/* The set ignores what is not an input device (a file named like one). */
static void
test_set_ignores_non_devices(void **state)
{
	char dir[] = "/tmp/ft-evdev-XXXXXX";
	char path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/event0", dir);
	int fd = open(path, O_CREAT | O_WRONLY, 0644);
	assert_true(fd >= 0);
	close(fd);
	struct poller *pl = poller_create();
	struct evdev_set set;
	struct ft_error err;
	struct heard h = {0};
	assert_true(evdev_open(&set, dir, pl, sink, &h, &err));
	assert_int_equal(evdev_count(&set), 0);
	evdev_close(&set);
	poller_destroy(pl);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mt_tap),
		cmocka_unit_test(test_mt_two_fingers),
		cmocka_unit_test(test_mt_new_tracking_id_is_lift_then_down),
		cmocka_unit_test(test_dropped_lifts_everything),
		cmocka_unit_test(test_mt_slot_out_of_range_ignored),
		cmocka_unit_test(test_single_touch),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_partial_record_left),
		cmocka_unit_test(test_devices_have_their_own_ids),
		cmocka_unit_test(test_fraction_covers_the_panel),
		cmocka_unit_test(test_touch_mapped_through_rotation),
		cmocka_unit_test(test_set_ignores_non_devices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
