/*
 * touchbot.c - a virtual multi-touch touchscreen through /dev/uinput, for
 * the display VM (scripts/display-vm): a finger's taps and holds in screen
 * pixels, read as commands from standard input.
 *
 *   touchbot W H      a W x H panel (ABS range 0..W-1, 0..H-1)
 *
 * It creates the device, prints "touchbot: ready /dev/input/eventN" and
 * then obeys, one command a line:
 *   tap X Y           a finger down at (X, Y), 80 ms, up
 *   down SLOT X Y     finger SLOT (0..9) down and held
 *   up SLOT           finger SLOT lifted
 *   sleep MS
 * and prints "touchbot: done <command>" after each, so a script can wait.
 * End of input destroys the device.
 *
 * The device is what a real panel's driver reports (like the Pi's
 * ft5x06/goodix): INPUT_PROP_DIRECT, BTN_TOUCH, ABS_X/Y and the type B
 * multi-touch protocol (ABS_MT_SLOT, ABS_MT_TRACKING_ID, ABS_MT_POSITION_X/Y).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SLOTS 10

static int fd = -1;
static int tracking = 100;
static int down[SLOTS];

static void
emit(int type, int code, int value)
{
	struct input_event ev;
	memset(&ev, 0, sizeof(ev));
	ev.type = (unsigned short)type;
	ev.code = (unsigned short)code;
	ev.value = value;
	if (write(fd, &ev, sizeof(ev)) != (ssize_t)sizeof(ev)) {
		perror("touchbot: write");
		exit(1);
	}
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static int
ndown(void)
{
	int n = 0;
	for (int i = 0; i < SLOTS; i++)
		n += down[i];
	return n;
}

static void
finger_down(int slot, int x, int y)
{
	emit(EV_ABS, ABS_MT_SLOT, slot);
	emit(EV_ABS, ABS_MT_TRACKING_ID, tracking++);
	emit(EV_ABS, ABS_MT_POSITION_X, x);
	emit(EV_ABS, ABS_MT_POSITION_Y, y);
	if (ndown() == 0) {
		emit(EV_KEY, BTN_TOUCH, 1);
		emit(EV_ABS, ABS_X, x);
		emit(EV_ABS, ABS_Y, y);
	}
	down[slot] = 1;
	emit(EV_SYN, SYN_REPORT, 0);
}

static void
finger_up(int slot)
{
	emit(EV_ABS, ABS_MT_SLOT, slot);
	emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
	down[slot] = 0;
	if (ndown() == 0)
		emit(EV_KEY, BTN_TOUCH, 0);
	emit(EV_SYN, SYN_REPORT, 0);
}

static void
abs_setup(int code, int max)
{
	struct uinput_abs_setup a;
	memset(&a, 0, sizeof(a));
	a.code = (unsigned short)code;
	a.absinfo.minimum = 0;
	a.absinfo.maximum = max;
	if (ioctl(fd, UI_ABS_SETUP, &a) < 0) {
		perror("touchbot: UI_ABS_SETUP");
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: touchbot W H\n");
		return 2;
	}
	int w = atoi(argv[1]), h = atoi(argv[2]);
	if (w <= 1 || h <= 1) {
		fprintf(stderr, "touchbot: bad size\n");
		return 2;
	}
	fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		perror("touchbot: /dev/uinput");
		return 1;
	}
	ioctl(fd, UI_SET_EVBIT, EV_SYN);
	ioctl(fd, UI_SET_EVBIT, EV_KEY);
	ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH);
	ioctl(fd, UI_SET_EVBIT, EV_ABS);
	ioctl(fd, UI_SET_ABSBIT, ABS_X);
	ioctl(fd, UI_SET_ABSBIT, ABS_Y);
	ioctl(fd, UI_SET_ABSBIT, ABS_MT_SLOT);
	ioctl(fd, UI_SET_ABSBIT, ABS_MT_TRACKING_ID);
	ioctl(fd, UI_SET_ABSBIT, ABS_MT_POSITION_X);
	ioctl(fd, UI_SET_ABSBIT, ABS_MT_POSITION_Y);
	ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT);
	abs_setup(ABS_X, w - 1);
	abs_setup(ABS_Y, h - 1);
	abs_setup(ABS_MT_SLOT, SLOTS - 1);
	abs_setup(ABS_MT_TRACKING_ID, 65535);
	abs_setup(ABS_MT_POSITION_X, w - 1);
	abs_setup(ABS_MT_POSITION_Y, h - 1);

	struct uinput_setup us;
	memset(&us, 0, sizeof(us));
	us.id.bustype = BUS_VIRTUAL;
	us.id.vendor = 0x1209;
	us.id.product = 0x7ab1;
	snprintf(us.name, sizeof(us.name), "familytable touchbot");
	if (ioctl(fd, UI_DEV_SETUP, &us) < 0 || ioctl(fd, UI_DEV_CREATE) < 0) {
		perror("touchbot: UI_DEV_CREATE");
		return 1;
	}
	char sys[64] = "";
	char node[128] = "?";
	if (ioctl(fd, UI_GET_SYSNAME(sizeof(sys)), sys) >= 0) {
		/* /sys/devices/virtual/input/inputN/eventM */
		char dir[160];
		snprintf(dir, sizeof(dir), "/sys/devices/virtual/input/%s", sys);
		for (int i = 0; i < 50 && strcmp(node, "?") == 0; i++) {
			for (int n = 0; n < 64; n++) {
				char p[200];
				snprintf(p, sizeof(p), "%s/event%d", dir, n);
				if (access(p, F_OK) == 0) {
					snprintf(node, sizeof(node), "/dev/input/event%d", n);
					break;
				}
			}
			if (strcmp(node, "?") == 0)
				sleep_ms(20);
		}
	}
	printf("touchbot: ready %s\n", node);
	fflush(stdout);

	char line[256];
	while (fgets(line, sizeof(line), stdin)) {
		int slot, x, y;
		long ms;
		line[strcspn(line, "\n")] = 0;
		if (sscanf(line, "tap %d %d", &x, &y) == 2) {
			finger_down(0, x, y);
			sleep_ms(80);
			finger_up(0);
		} else if (sscanf(line, "down %d %d %d", &slot, &x, &y) == 3 && slot >= 0 && slot < SLOTS) {
			finger_down(slot, x, y);
		} else if (sscanf(line, "up %d", &slot) == 1 && slot >= 0 && slot < SLOTS) {
			finger_up(slot);
		} else if (sscanf(line, "sleep %ld", &ms) == 1) {
			sleep_ms(ms);
		} else if (line[0]) {
			printf("touchbot: bad command \"%s\"\n", line);
			fflush(stdout);
			continue;
		}
		printf("touchbot: done %s\n", line);
		fflush(stdout);
	}
	ioctl(fd, UI_DEV_DESTROY);
	close(fd);
	return 0;
}
