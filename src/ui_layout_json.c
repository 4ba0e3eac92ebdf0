/*
 * ui_layout_json.c - a struct ui_frame as JSON, for `screenshot --layout`
 * (issue: check the glance's sizes and the targets' size in millimetres
 * from a script, at every screen size).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ui_layout_json.h"

/* Names for the JSON; an action added to enum ui_action without a name
 * here is written as "action-N" rather than dropped. */
static const char *const action_names[] = {
	[UI_ACT_NONE] = "none",
	[UI_ACT_GO_GLANCE] = "glance",
	[UI_ACT_GO_WALK] = "walk",
	[UI_ACT_GO_HUG] = "hug",
	[UI_ACT_GO_REVIEW] = "review",
	[UI_ACT_WALK_START] = "walk-start",
	[UI_ACT_WALK_STOP] = "walk-stop",
	[UI_ACT_HUG_TOGGLE] = "hug-toggle",
	[UI_ACT_HUG_HOLD] = "hug-hold",
	[UI_ACT_REVIEW_DONE] = "review-done",
	[UI_ACT_REVIEW_AWAY] = "review-away",
	[UI_ACT_REVIEW_RITUALS] = "review-rituals",
	[UI_ACT_REVIEW_CLOSE] = "review-close",
	[UI_ACT_REVIEW_WEEK] = "review-week",
	[UI_ACT_GO_TOGETHER] = "together",
	[UI_ACT_GO_YEAR] = "year",
	[UI_ACT_UNDO] = "undo",
	[UI_ACT_CONFIRM_YES] = "confirm-yes",
	[UI_ACT_CONFIRM_NO] = "confirm-no",
	[UI_ACT_GO_CALL] = "call",
	[UI_ACT_CALL_FROM] = "call-from",
	[UI_ACT_CALL_TO] = "call-to",
	[UI_ACT_CALL_SKIP] = "call-skip",
	[UI_ACT_SETTINGS_HOLD] = "settings-hold",
	[UI_ACT_SETTING_LESS] = "setting-less",
	[UI_ACT_SETTING_MORE] = "setting-more",
	[UI_ACT_SETTING_CHOOSE] = "setting-choose",
	[UI_ACT_SETTING_RESET] = "setting-reset",
	[UI_ACT_GO_FIXES] = "corrections",
	[UI_ACT_FIX_AWAY] = "fix-away",
	[UI_ACT_FIX_WALK_STEP] = "fix-walk-step",
	[UI_ACT_FIX_WALK_ADD] = "fix-walk-add",
	[UI_ACT_FIX_REMOVE] = "fix-remove",
	[UI_ACT_FIX_PAGE] = "fix-page",
	[UI_ACT_FIX_UNDO] = "fix-undo",
	[UI_ACT_CALL_NEW] = "call-new",
	[UI_ACT_KBD_CANCEL] = "keyboard-cancel",
	[UI_ACT_GO_SETTINGS] = "settings",
	[UI_ACT_GO_FAMILY] = "family",
	[UI_ACT_FAMILY_DOCK] = "family-dock",
	[UI_ACT_FAMILY_CHANGE] = "family-change",
	[UI_ACT_FAMILY_REMOVE] = "family-remove",
	[UI_ACT_FAMILY_RESET] = "family-reset",
	[UI_ACT_FIRSTBOOT_AGAIN] = "firstboot-again",
	[UI_ACT_FIRSTBOOT_CHOOSE] = "firstboot-choose",
	[UI_ACT_FIRSTBOOT_PAGE] = "firstboot-page",
	[UI_ACT_FIRSTBOOT_GOAL] = "firstboot-goal",
	[UI_ACT_FIRSTBOOT_RITUAL] = "firstboot-ritual",
	[UI_ACT_FIRSTBOOT_NEXT] = "firstboot-next",
	[UI_ACT_FIRSTBOOT_SKIP] = "firstboot-skip",
	[UI_ACT_FIRSTBOOT_BACK] = "firstboot-back",
	[UI_ACT_GO_SETUP] = "setup",
	[UI_ACT_KEY_RESET] = "key-reset",
	[UI_ACT_RITUAL_EDIT] = "ritual-edit",
	[UI_ACT_RITUAL_STEP] = "ritual-step",
	[UI_ACT_RITUAL_KIND] = "ritual-kind",
	[UI_ACT_RITUAL_LABEL] = "ritual-label",
	[UI_ACT_RITUAL_TYPE] = "ritual-type",
	[UI_ACT_RITUAL_SAVE] = "ritual-save",
	[UI_ACT_RITUAL_REMOVE] = "ritual-remove",
	[UI_ACT_WINDOW_EDIT] = "window-edit",
	[UI_ACT_WINDOW_STEP] = "window-step",
	[UI_ACT_WINDOW_NAME] = "window-name",
	[UI_ACT_WINDOW_SAVE] = "window-save",
	[UI_ACT_WINDOW_REMOVE] = "window-remove",
	[UI_ACT_NIGHT_STEP] = "night-step",
	[UI_ACT_ROTATION] = "rotation",
	[UI_ACT_ZONE_REGION] = "zone-region",
	[UI_ACT_ZONE_CITY] = "zone-city",
	[UI_ACT_SETUP_PAGE] = "setup-page",
	[UI_ACT_GO_ADD_WALK] = "add-walk",
};

const char *
ui_action_name(enum ui_action action)
{
	static char other[24];
	if ((size_t)action < FT_ARRAY_LEN(action_names) && action_names[action])
		return action_names[action];
	snprintf(other, sizeof(other), "action-%d", (int)action);
	return other;
}

struct ui_rect
ui_text_place(const struct ui_item *it, int w, int h)
{
	struct ui_rect r = {0, it->box.y + (it->box.h - h) / 2, w, h};
	if (it->flags & UI_TEXT_LEFT)
		r.x = it->box.x;
	else if (it->flags & UI_TEXT_RIGHT)
		r.x = it->box.x + it->box.w - w;
	else
		r.x = it->box.x + (it->box.w - w) / 2;
	return r;
}

static void
write_rect(FILE *out, const char *key, struct ui_rect r)
{
	fprintf(out, "\"%s\": [%d, %d, %d, %d]", key, r.x, r.y, r.w, r.h);
}

void
ui_layout_write_json(FILE *out, const struct ui_frame *f)
{
	fputs("{\"screen\": ", out);
	ft_json_string(out, ui_screen_names[f->screen]);
	fprintf(out, ", \"size\": [%d, %d],\n \"texts\": [", f->w, f->h);
	int n = 0;
	for (int i = 0; i < f->nitems; i++) {
		const struct ui_item *it = &f->items[i];
		if (it->kind != UI_ITEM_TEXT || !it->text[0])
			continue; /* nothing drawn */
		fputs(n++ ? ",\n  {\"text\": " : "\n  {\"text\": ", out);
		ft_json_string(out, it->text);
		fputs(", ", out);
		write_rect(out, "box", ui_text_place(it, it->text_w, it->text_h));
		fprintf(out, ", \"px\": %d, \"bold\": %s, \"figure\": %s, \"shortened\": %s, ", it->px,
			it->flags & UI_TEXT_BOLD ? "true" : "false",
			it->flags & UI_TEXT_FIGURE ? "true" : "false", it->shortened ? "true" : "false");
		write_rect(out, "area", it->box);
		fputc('}', out);
	}
	fputs("],\n \"targets\": [", out);
	for (int i = 0; i < f->ntargets; i++) {
		const struct ui_target *t = &f->targets[i];
		fputs(i ? ",\n  {\"action\": " : "\n  {\"action\": ", out);
		ft_json_string(out, ui_action_name(t->action));
		fprintf(out, ", \"arg\": %d, ", t->arg);
		write_rect(out, "box", t->box);
		fputc('}', out);
	}
	fputs("]}\n", out);
}

bool
ui_layout_save_json(const struct ui_frame *f, const char *path, struct ft_error *err)
{
	char tmp[4096];
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return ft_fail(err, "%s: name too long", path);
	FILE *out = fopen(tmp, "w");
	if (!out)
		return ft_fail(err, "%s: %s", path, strerror(errno));
	ui_layout_write_json(out, f);
	bool ok = !ferror(out);
	ok = fclose(out) == 0 && ok;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		ft_fail(err, "%s: %s", path, strerror(errno));
		remove(tmp);
	}
	return ok;
}
