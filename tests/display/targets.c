/*
 * targets.c - where to touch: the touch targets of a screen as the app lays
 * it out (the same ui_layout() as `familytable run`), for the display VM's
 * touch script.
 *
 *   targets CONFIG W H STATE [DB]
 *
 * STATE: glance | glance-undo (with an Undo button: four in the row) |
 * walk | walk-open | walk-mistake (stopped within a minute: "Was it a
 * mistake?") | hug | review | a step of the first-boot walk-through as it
 * first shows (firstboot-language, firstboot-region, firstboot-family,
 * firstboot-goals, firstboot-rituals) | keyboard (a phone's name, empty).
 * DB: the display's settings in that database laid over CONFIG, as the app
 * has them. Prints one line per target, "ACTION ARG CX CY X Y W H", CX CY
 * its centre. Actions by name: go-walk, go-hug, walk-start, walk-stop,
 * hug-toggle, hug-hold, ... (see below); on the keyboard one line per key
 * too, "key-TEXT" (a letter in lower case), key-shift, key-backspace,
 * key-space, key-page, key-done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "keyboard.h"
#include "live.h"
#include "settings.h"
#include "store.h"
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

/* The keys where the keyboard's frame put them: one line each. */
static void
print_keys(struct kbd *k, const struct ui_rect *area)
{
	static const char *const special[] = {
		[KBD_SHIFT] = "shift", [KBD_BACKSPACE] = "backspace", [KBD_SPACE] = "space",
		[KBD_PAGE] = "page", [KBD_DONE] = "done",
	};
	kbd_layout(k, area->x, area->y, area->w, area->h);
	for (int i = 0; i < k->nkeys; i++) {
		const struct kbd_key *key = &k->keys[i];
		char name[16];
		if (key->kind == KBD_CHAR) {
			snprintf(name, sizeof(name), "%s", key->text);
			if (name[0] >= 'A' && name[0] <= 'Z' && !name[1])
				name[0] = (char)(name[0] - 'A' + 'a');
		} else {
			snprintf(name, sizeof(name), "%s", special[key->kind]);
		}
		printf("key-%s 0 %d %d %d %d %d %d\n", name, key->r.x + key->r.w / 2,
		       key->r.y + key->r.h / 2, key->r.x, key->r.y, key->r.w, key->r.h);
	}
}

int
main(int argc, char **argv)
{
	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: targets CONFIG W H glance|glance-undo|walk|walk-open|walk-mistake|hug|review"
				"|firstboot-STEP|keyboard [DB]\n");
		return 2;
	}
	struct ft_config cfg;
	struct ft_error err;
	config_defaults(&cfg);
	if (!config_load(&cfg, argv[1], &err)) {
		fprintf(stderr, "targets: %s\n", err.msg);
		return 1;
	}
	if (argc == 6) {
		struct store *st = store_open_mode(argv[5], STORE_EXISTING, NULL, 0, &err);
		if (!st || !settings_overlay(&cfg, st, &err)) {
			fprintf(stderr, "targets: %s\n", err.msg);
			return 1;
		}
		store_close(st);
	}
	int w = atoi(argv[2]), h = atoi(argv[3]);
	struct ui_model m;
	memset(&m, 0, sizeof(m));
	m.cfg = &cfg;
	m.now = (ft_ms)time(NULL) * 1000;
	m.walk_done_length = -1;
	enum ui_screen screen;
	struct kbd kbd;
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
	} else if (ui_screen_parse(argv[4], &screen) && live_firstboot_step_number(screen)) {
		/* as the step first shows: the goals and rituals proposed */
		m.firstboot.on = true;
		m.firstboot.step = live_firstboot_step_number(screen);
		m.firstboot.meal_goal = cfg.meal_goal;
		m.firstboot.walk_goal = cfg.walk_goal;
		live_firstboot_rituals(&cfg, &m.firstboot);
	} else if (strcmp(argv[4], "keyboard") == 0) {
		screen = UI_KEYBOARD;
		kbd_init(&kbd, cfg.language, KBD_NAME, FT_NAME_MAX - 1, "");
		m.kbd = &kbd;
		m.kbd_for = UI_KBD_SLOT_NAME;
		m.kbd_slot = 1;
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
	if (screen == UI_KEYBOARD)
		print_keys(&kbd, &frame.keys);
	ui_fonts_close(fonts);
	return 0;
}
