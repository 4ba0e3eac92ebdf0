/*
 * ui_fonts.c - DejaVu Sans at any pixel size, opened once per size.
 *
 * The two font files are read into memory once; each size is a TTF_Font
 * over that memory, kept for the life of the display, because the layout
 * measures text at many sizes and opening a face is the slow part. Sizes
 * beyond the table's capacity evict the least recently used one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

#define UI_FONT_DIR "/usr/share/fonts/truetype/dejavu/"
#define UI_FONT_SLOTS 48

struct ui_font_slot {
	TTF_Font *font;
	int px;
	bool bold;
	unsigned long used;        /* tick of last use, for eviction */
};

struct ui_fonts {
	void *data[2];             /* regular, bold: whole files */
	size_t size[2];
	struct ui_font_slot slots[UI_FONT_SLOTS];
	unsigned long tick;
	bool ttf_inited;           /* we called TTF_Init and owe a TTF_Quit */
};

static bool
ui_fonts_read(const char *path, void **data, size_t *size, struct ft_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return ft_fail(err, "%s: cannot open (install fonts-dejavu-core)", path);
	if (fseek(f, 0, SEEK_END) != 0)
		goto err_close;
	long n = ftell(f);
	if (n <= 0 || fseek(f, 0, SEEK_SET) != 0)
		goto err_close;
	*data = malloc((size_t)n);
	if (!*data)
		goto err_close;
	if (fread(*data, 1, (size_t)n, f) != (size_t)n)
		goto err_free;
	*size = (size_t)n;
	fclose(f);
	return true;

err_free:
	free(*data);
	*data = NULL;
err_close:
	fclose(f);
	return ft_fail(err, "%s: cannot read", path);
}

struct ui_fonts *
ui_fonts_open(struct ft_error *err)
{
	struct ui_fonts *f = calloc(1, sizeof(*f));
	if (!f) {
		ft_fail(err, "out of memory");
		return NULL;
	}
	if (!TTF_WasInit()) {
		if (TTF_Init() < 0) {
			ft_fail(err, "SDL_ttf: %s", TTF_GetError());
			goto err_free;
		}
		f->ttf_inited = true;
	}
	if (!ui_fonts_read(UI_FONT_DIR "DejaVuSans.ttf", &f->data[0], &f->size[0], err))
		goto err_ttf;
	if (!ui_fonts_read(UI_FONT_DIR "DejaVuSans-Bold.ttf", &f->data[1], &f->size[1], err))
		goto err_regular;
	return f;

err_regular:
	free(f->data[0]);
err_ttf:
	if (f->ttf_inited)
		TTF_Quit();
err_free:
	free(f);
	return NULL;
}

void
ui_fonts_close(struct ui_fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < UI_FONT_SLOTS; i++)
		if (f->slots[i].font)
			TTF_CloseFont(f->slots[i].font);
	free(f->data[0]);
	free(f->data[1]);
	if (f->ttf_inited)
		TTF_Quit();
	free(f);
}

TTF_Font *
ui_font(struct ui_fonts *f, int px, bool bold)
{
	if (px < 4)
		px = 4;
	f->tick++;
	struct ui_font_slot *victim = &f->slots[0];
	for (int i = 0; i < UI_FONT_SLOTS; i++) {
		struct ui_font_slot *s = &f->slots[i];
		if (s->font && s->px == px && s->bold == bold) {
			s->used = f->tick;
			return s->font;
		}
		if (!s->font || (victim->font && s->used < victim->used))
			victim = s;
	}
	/* The memory stays ours (freesrc 0): every size shares it. */
	SDL_RWops *rw = SDL_RWFromConstMem(f->data[bold], (int)f->size[bold]);
	TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
	if (!font)
		return NULL; /* a wrong size would break the layout's measurements */
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	if (victim->font)
		TTF_CloseFont(victim->font);
	*victim = (struct ui_font_slot){ .font = font, .px = px, .bold = bold, .used = f->tick };
	return font;
}
