/*
 * targets.c - where to touch: the touch targets of a screen as the app lays
 * it out (the same ui_layout() as `familytable run`), for the display VM's
 * touch script.
 *
 *   targets CONFIG W H STATE
 *
 * STATE: glance | glance-undo (with an Undo button: four in the row) |
 * walk | walk-open | walk-mistake (stopped within a minute: "Was it a
 * mistake?") | hug | review. Prints one line per target,
 * "ACTION ARG CX CY X Y W H", CX CY its centre. Actions by name: go-walk,
 * go-hug, walk-start, walk-stop, hug-toggle, hug-hold, ... (see below).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "ui.h"
#include "ui_layout_json.h"

static const char *
action_name(enum ui_action a)
{
	switch (a) {
	case UI_ACT_NONE: return "none";
	case UI_ACT_GO_GLANCE: return "go-glance";
	case UI_ACT_GO_WALK: return "go-walk";
	case UI_ACT_GO_HUG: return "go-hug";
	case UI_ACT_GO_REVIEW: return "go-review";
	case UI_ACT_WALK_START: return "walk-start";
	case UI_ACT_WALK_STOP: return "walk-stop";
	case UI_ACT_HUG_TOGGLE: return "hug-toggle";
	case UI_ACT_HUG_HOLD: return "hug-hold";
	case UI_ACT_REVIEW_DONE: return "review-done";
	case UI_ACT_REVIEW_AWAY: return "review-away";
	case UI_ACT_REVIEW_RITUALS: return "review-rituals";
	case UI_ACT_REVIEW_CLOSE: return "review-close";
	case UI_ACT_UNDO: return "undo";
	case UI_ACT_CONFIRM_YES: return "confirm-yes";
	case UI_ACT_CONFIRM_NO: return "confirm-no";
	default: return ui_action_name(a); /* screens the touch script does not visit */
	}
}

int
main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: targets CONFIG W H glance|glance-undo|walk|walk-open|walk-mistake|hug|review\n");
		return 2;
	}
	struct ft_config cfg;
	struct ft_error err;
	config_defaults(&cfg);
	if (!config_load(&cfg, argv[1], &err)) {
		fprintf(stderr, "targets: %s\n", err.msg);
		return 1;
	}
	int w = atoi(argv[2]), h = atoi(argv[3]);
	struct ui_model m;
	memset(&m, 0, sizeof(m));
	m.cfg = &cfg;
	m.now = (ft_ms)time(NULL) * 1000;
	m.walk_done_length = -1;
	enum ui_screen screen;
	if (strcmp(argv[4], "glance") == 0) {
		screen = UI_GLANCE;
	} else if (strcmp(argv[4], "glance-undo") == 0) {
		screen = UI_GLANCE;
		m.undo_label = "Undo walk 12:00";
	} else if (strcmp(argv[4], "walk") == 0) {
		screen = UI_WALK;
	} else if (strcmp(argv[4], "walk-open") == 0) {
		screen = UI_WALK;
		m.walk_open = true;
		m.walk_start = m.now;
	} else if (strcmp(argv[4], "walk-mistake") == 0) {
		screen = UI_WALK;
		m.walk_done_length = 3 * FT_SECOND;
		m.confirm = UI_CONFIRM_WALK_MISTAKE;
		m.confirm_text = "That walk lasted less than a minute. Was it a mistake?";
	} else if (strcmp(argv[4], "hug") == 0) {
		screen = UI_HUG;
	} else if (strcmp(argv[4], "review") == 0) {
		screen = UI_REVIEW;
	} else {
		fprintf(stderr, "targets: unknown state %s\n", argv[4]);
		return 2;
	}
	struct ui_fonts *fonts = ui_fonts_open(&err);
	if (!fonts) {
		fprintf(stderr, "targets: %s\n", err.msg);
		return 1;
	}
	static struct ui_frame frame;
	ui_layout(fonts, &m, screen, w, h, &frame);
	for (int i = 0; i < frame.ntargets; i++) {
		const struct ui_target *t = &frame.targets[i];
		printf("%s %d %d %d %d %d %d %d\n", action_name(t->action), t->arg,
		       t->box.x + t->box.w / 2, t->box.y + t->box.h / 2, t->box.x, t->box.y, t->box.w,
		       t->box.h);
	}
	ui_fonts_close(fonts);
	return 0;
}
