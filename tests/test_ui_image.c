/*
 * test_ui_image.c - `screenshot --out`: a .png name gets PNG data, a .bmp
 * name BMP data, any other name is refused before anything is written.
 */
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "ui_image.h"

/* A small picture whose every pixel differs, so that a swapped channel or
 * a wrong row stride shows. */
static SDL_Surface *
test_picture(void)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 7, 5, 32, SDL_PIXELFORMAT_ARGB8888);
	assert_non_null(s);
	for (int y = 0; y < s->h; y++)
		for (int x = 0; x < s->w; x++) {
			Uint32 *p = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch) + x;
			*p = SDL_MapRGB(s->format, (Uint8)(30 * x), (Uint8)(50 * y), (Uint8)(200 - x - y));
		}
	return s;
}

static void
expect_pixel(const Uint8 *rgb, int x, int y)
{
	assert_int_equal(rgb[0], 30 * x);
	assert_int_equal(rgb[1], 50 * y);
	assert_int_equal(rgb[2], 200 - x - y);
}

static void
test_a_png_name_gets_png_data(void **state)
{
	char dir[64], path[96];
	struct ft_error err;
	test_temp_dir(dir, "image");
	snprintf(path, sizeof(path), "%s/shot.PNG", dir);
	SDL_Surface *s = test_picture();
	assert_true(ui_image_save(s, path, &err));
	/* read back with libpng: same size, same pixels */
	png_image image;
	memset(&image, 0, sizeof(image));
	image.version = PNG_IMAGE_VERSION;
	assert_true(png_image_begin_read_from_file(&image, path));
	assert_int_equal(image.width, 7);
	assert_int_equal(image.height, 5);
	image.format = PNG_FORMAT_RGB;
	Uint8 buf[7 * 5 * 3];
	assert_true(png_image_finish_read(&image, NULL, buf, 7 * 3, NULL));
	for (int y = 0; y < 5; y++)
		for (int x = 0; x < 7; x++)
			expect_pixel(buf + (y * 7 + x) * 3, x, y);
	/* nothing left beside it */
	char tmp[128];
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	assert_int_not_equal(access(tmp, F_OK), 0);
	SDL_FreeSurface(s);
	test_remove_dir(dir);
}

static void
test_a_bmp_name_gets_bmp_data(void **state)
{
	char dir[64], path[96];
	struct ft_error err;
	test_temp_dir(dir, "image");
	snprintf(path, sizeof(path), "%s/shot.bmp", dir);
	SDL_Surface *s = test_picture();
	assert_true(ui_image_save(s, path, &err));
	SDL_Surface *back = SDL_LoadBMP(path);
	assert_non_null(back);
	SDL_Surface *rgb = SDL_ConvertSurfaceFormat(back, SDL_PIXELFORMAT_RGB24, 0);
	assert_non_null(rgb);
	for (int y = 0; y < 5; y++)
		for (int x = 0; x < 7; x++)
			expect_pixel((Uint8 *)rgb->pixels + y * rgb->pitch + x * 3, x, y);
	SDL_FreeSurface(rgb);
	SDL_FreeSurface(back);
	SDL_FreeSurface(s);
	test_remove_dir(dir);
}

static void
test_any_other_name_is_refused_and_nothing_written(void **state)
{
	char dir[64], path[96];
	struct ft_error err;
	static const char *const names[] = {"shot.jpg", "shot", "shot.png.txt", "x.bmp/shot"};
	test_temp_dir(dir, "image");
	SDL_Surface *s = test_picture();
	for (size_t i = 0; i < FT_ARRAY_LEN(names); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		assert_int_equal(ui_image_format_of(path), UI_IMAGE_UNKNOWN);
		assert_false(ui_image_save(s, path, &err));
		assert_non_null(strstr(err.msg, ".png or .bmp"));
		assert_int_not_equal(access(path, F_OK), 0);
	}
	/* a folder that is not there: an error naming the file */
	snprintf(path, sizeof(path), "%s/no/such/shot.png", dir);
	assert_false(ui_image_save(s, path, &err));
	assert_non_null(strstr(err.msg, path));
	SDL_FreeSurface(s);
	test_remove_dir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_png_name_gets_png_data),
		cmocka_unit_test(test_a_bmp_name_gets_bmp_data),
		cmocka_unit_test(test_any_other_name_is_refused_and_nothing_written),
	};
	return cmocka_run_group_tests_name("ui_image", tests, NULL, NULL);
}
