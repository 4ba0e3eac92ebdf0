/*
 * ui_image.c - a rendered screen to a PNG (libpng's simplified API) or a BMP
 * (SDL) file, picked by the name's extension, so that a file called x.png
 * holds PNG data.
 *
 * The picture is written to PATH.tmp and renamed over PATH, so a failed
 * write never leaves half a picture under the name asked for.
 */
#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ui_image.h"

enum ui_image_format
ui_image_format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/'))
		return UI_IMAGE_UNKNOWN;
	if (strcasecmp(dot, ".png") == 0)
		return UI_IMAGE_PNG;
	if (strcasecmp(dot, ".bmp") == 0)
		return UI_IMAGE_BMP;
	return UI_IMAGE_UNKNOWN;
}

/* S as 8-bit RGB rows to FILE, through libpng's simplified writer; PATH
 * names it in messages. */
static bool
save_png(SDL_Surface *s, const char *file, const char *path, struct ft_error *err)
{
	SDL_Surface *rgb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
	if (!rgb)
		return ft_fail(err, "%s: %s", path, SDL_GetError());
	png_image image;
	memset(&image, 0, sizeof(image));
	image.version = PNG_IMAGE_VERSION;
	image.width = (png_uint_32)rgb->w;
	image.height = (png_uint_32)rgb->h;
	image.format = PNG_FORMAT_RGB;
	bool ok = SDL_LockSurface(rgb) == 0;
	if (ok) {
		ok = png_image_write_to_file(&image, file, 0, rgb->pixels, rgb->pitch, NULL) != 0;
		SDL_UnlockSurface(rgb);
		if (!ok)
			ft_fail(err, "%s: %s", path, image.message);
	} else {
		ft_fail(err, "%s: %s", path, SDL_GetError());
	}
	png_image_free(&image);
	SDL_FreeSurface(rgb);
	return ok;
}

bool
ui_image_save(SDL_Surface *s, const char *path, struct ft_error *err)
{
	enum ui_image_format format = ui_image_format_of(path);
	char tmp[4096];
	if (format == UI_IMAGE_UNKNOWN)
		return ft_fail(err, "%s: the picture is written as PNG or BMP: name it .png or .bmp", path);
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return ft_fail(err, "%s: name too long", path);
	bool ok;
	if (format == UI_IMAGE_PNG) {
		ok = save_png(s, tmp, path, err);
	} else {
		ok = SDL_SaveBMP(s, tmp) == 0;
		if (!ok)
			ft_fail(err, "%s: %s", path, SDL_GetError());
	}
	if (ok && rename(tmp, path) != 0) {
		ft_fail(err, "%s: %s", path, strerror(errno));
		ok = false;
	}
	if (!ok)
		remove(tmp);
	return ok;
}
