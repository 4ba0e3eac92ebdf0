/*
 * ui_image.h - a rendered screen to a picture file: PNG or BMP, as the
 * file's name says (`screenshot --out x.png`).
 */
#ifndef FT_UI_IMAGE_H
#define FT_UI_IMAGE_H

#include <SDL.h>

#include "common.h"

enum ui_image_format { UI_IMAGE_UNKNOWN, UI_IMAGE_PNG, UI_IMAGE_BMP };

/* The format PATH's extension names (.png or .bmp, any case). */
enum ui_image_format ui_image_format_of(const char *path);

/* Write S to PATH in the format its name says. On failure err says why and
 * PATH is left as it was: the picture is written beside it and renamed. */
bool ui_image_save(SDL_Surface *s, const char *path, struct ft_error *err);

#endif
