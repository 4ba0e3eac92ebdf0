/*
 * ui_layout_json.h - a laid-out screen as JSON (`screenshot --layout`):
 * every text drawn with its box and font size, every touch target with its
 * action and box, so that tests and people can check sizes without reading
 * pixels.
 *
 *   {"screen": "glance", "size": [800, 480],
 *    "texts": [{"text": "3", "box": [x, y, w, h], "px": 160, ...}, ...],
 *    "targets": [{"action": "walk", "box": [x, y, w, h]}, ...]}
 *
 * A text's "box" is where its letters are drawn (its measured extent,
 * placed as ui_draw places it), "area" the box it had to fit in.
 */
#ifndef FT_UI_LAYOUT_JSON_H
#define FT_UI_LAYOUT_JSON_H

#include <stdio.h>

#include "ui.h"

/* The name of ACTION in the JSON ("walk", "walk-start", ...). */
const char *ui_action_name(enum ui_action action);

/* Where the letters of text item IT are drawn: its measured W x H placed in
 * its box by its flags (left, right or centred; centred vertically). */
struct ui_rect ui_text_place(const struct ui_item *it, int w, int h);

void ui_layout_write_json(FILE *out, const struct ui_frame *f);
/* The same to the file PATH, written beside it and renamed over it. */
bool ui_layout_save_json(const struct ui_frame *f, const char *path, struct ft_error *err);

#endif
