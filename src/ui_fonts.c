/*
 * ui_fonts.c - the display's font at any pixel size, opened once per size.
 *
 * Which font: DejaVu Sans where Debian puts it (fonts-dejavu-core, what the
 * layout was measured with). When it is not there (a package removed, an
 * image built without it) the table should still come up: any other
 * TrueType or OpenType font installed under the font folders is used, the
 * journal saying which, and its bold face when there is one (else the
 * regular one made bold). Only with no font at all does the display stop,
 * with a message that says so. FAMILYTABLE_FONT_DIR and
 * FAMILYTABLE_FONT_SEARCH (a list of folders, ':' between them) move the
 * two places, for the tests.
 *
 * The two font files are read into memory once; each size is a TTF_Font
 * over that memory, kept for the life of the display, because the layout
 * measures text at many sizes and opening a face is the slow part. Sizes
 * beyond the table's capacity evict the least recently used one.
 *
 * Measurements are kept too. The layout runs for every frame and measures
 * each string, and each candidate line of a wrapped one, at each size it
 * tries; SDL_ttf shapes the string again for each (HarfBuzz), which was
 * half of a frame's instructions (callgrind of `screenshot --screen
 * review`). A frame mostly measures what the last one measured.
 */
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "log.h"
#include "ui.h"

#define UI_FONT_DIR "/usr/share/fonts/truetype/dejavu"
#define UI_FONT_SEARCH "/usr/share/fonts:/usr/local/share/fonts"
#define UI_FONT_SLOTS 48
/* At most this many font files looked at in the search (a font folder
 * with thousands of files is still searched in a blink). */
#define UI_FONT_CANDIDATES 256
/* Measurements kept: sets of UI_SIZE_WAYS by hash, the least recently used
 * of a set replaced. A frame measures up to about 220 strings (the review),
 * so that eight ways in 128 sets keep a whole frame's. */
#define UI_SIZE_SETS 128
#define UI_SIZE_WAYS 8

struct ui_size_slot {
	uint32_t hash;             /* 0: empty */
	unsigned long used;        /* tick of last use */
	int px;
	bool bold;
	int w, h;
	char text[UI_TEXT_MAX];
};

struct ui_font_slot {
	TTF_Font *font;
	int px;
	bool bold;
	unsigned long used;        /* tick of last use, for eviction */
};

struct ui_fonts {
	void *data[2];             /* regular, bold: whole files (no bold face:
	                            * NULL, the regular one made bold) */
	size_t size[2];
	struct ui_font_slot slots[UI_FONT_SLOTS];
	unsigned long tick;
	struct ui_size_slot sizes[UI_SIZE_SETS][UI_SIZE_WAYS];
	unsigned long measured;    /* measurements made by SDL_ttf (misses) */
	bool ttf_inited;           /* we called TTF_Init and owe a TTF_Quit */
};

static bool
ui_fonts_read(const char *path, void **data, size_t *size, struct ft_error *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return ft_fail(err, "%s: cannot open", path);
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

/* --- finding a font when DejaVu is missing ---------------------------------- */

static struct {
	char (*paths)[PATH_MAX];
	int n;
} found;

static int
ui_fonts_collect(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	size_t len = strlen(path);
	if (type != FTW_F || len >= PATH_MAX || len < 5)
		return 0;
	const char *ext = path + len - 4;
	if (strcasecmp(ext, ".ttf") != 0 && strcasecmp(ext, ".otf") != 0)
		return 0;
	memcpy(found.paths[found.n++], path, len + 1);
	return found.n < UI_FONT_CANDIDATES ? 0 : 1;
}

static bool
ui_fonts_has(const char *name, const char *word)
{
	return strcasestr(name, word) != NULL;
}

/* How well the file NAME would do as the regular face: plain sans first,
 * any regular face next, slanted, thin or fixed-width ones last. */
static int
ui_fonts_rank(const char *path)
{
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	static const char *const odd[] = { "bold", "italic", "oblique", "light", "thin", "condensed",
					   "mono", "black", "narrow", "symbol", "emoji", "math" };
	int rank = 0;
	for (size_t i = 0; i < FT_ARRAY_LEN(odd); i++)
		rank += ui_fonts_has(name, odd[i]) ? 10 : 0;
	return rank + (ui_fonts_has(name, "sans") ? 0 : 1);
}

static int
ui_fonts_by_rank(const void *a, const void *b)
{
	int ra = ui_fonts_rank(a), rb = ui_fonts_rank(b);
	return ra != rb ? ra - rb : strcmp(a, b);
}

/* True when SDL_ttf can draw with the font in DATA (a file found by name
 * may be anything). */
static bool
ui_fonts_usable(void *data, size_t size)
{
	SDL_RWops *rw = SDL_RWFromConstMem(data, (int)size);
	TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, 16) : NULL;
	if (font)
		TTF_CloseFont(font);
	return font != NULL;
}

/* The bold face that goes with REGULAR: a file of the same folder whose
 * name is REGULAR's with "Bold" in it and nothing slanted. */
static bool
ui_fonts_bold_of(const char *regular, char *bold)
{
	const char *slash = strrchr(regular, '/');
	size_t dir = slash ? (size_t)(slash - regular) + 1 : 0;
	const char *dot = strrchr(regular, '.');
	size_t stem = (size_t)(dot - regular) - dir;
	for (int i = 0; i < found.n; i++) {
		const char *p = found.paths[i];
		if (strncmp(p, regular, dir) != 0 || strchr(p + dir, '/') ||
		    strncmp(p + dir, regular + dir, stem) != 0 || !ui_fonts_has(p + dir, "bold") ||
		    ui_fonts_has(p + dir, "italic") || ui_fonts_has(p + dir, "oblique"))
			continue;
		memcpy(bold, p, strlen(p) + 1);
		return true;
	}
	return false;
}

/* Any other font under the folders of SEARCH: the best ranked one SDL_ttf
 * opens, and its bold face when there is one. */
static bool
ui_fonts_search(struct ui_fonts *f, const char *search)
{
	bool ok = false;
	found.paths = calloc(UI_FONT_CANDIDATES, sizeof(*found.paths));
	found.n = 0;
	if (!found.paths)
		return false;
	char dirs[1024];
	snprintf(dirs, sizeof(dirs), "%s", search);
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d && found.n < UI_FONT_CANDIDATES;
	     d = strtok_r(NULL, ":", &save))
		nftw(d, ui_fonts_collect, 16, FTW_PHYS);
	qsort(found.paths, (size_t)found.n, sizeof(*found.paths), ui_fonts_by_rank);
	struct ft_error why;
	for (int i = 0; i < found.n && !ok; i++) {
		if (!ui_fonts_read(found.paths[i], &f->data[0], &f->size[0], &why))
			continue;
		if (!ui_fonts_usable(f->data[0], f->size[0])) {
			free(f->data[0]);
			f->data[0] = NULL;
			continue;
		}
		char bold[PATH_MAX];
		if (ui_fonts_bold_of(found.paths[i], bold) &&
		    ui_fonts_read(bold, &f->data[1], &f->size[1], &why) &&
		    ui_fonts_usable(f->data[1], f->size[1])) {
			log_warn("fonts: DejaVu Sans is missing; the display uses %s and %s",
				 found.paths[i], bold);
		} else {
			free(f->data[1]);
			f->data[1] = NULL;
			log_warn("fonts: DejaVu Sans is missing; the display uses %s (made bold where bold)",
				 found.paths[i]);
		}
		ok = true;
	}
	free(found.paths);
	found.paths = NULL;
	return ok;
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
	const char *dir = getenv("FAMILYTABLE_FONT_DIR");
	const char *search = getenv("FAMILYTABLE_FONT_SEARCH");
	if (!dir || !dir[0])
		dir = UI_FONT_DIR;
	if (!search)
		search = UI_FONT_SEARCH;
	char path[PATH_MAX];
	struct ft_error why;
	snprintf(path, sizeof(path), "%s/DejaVuSans.ttf", dir);
	if (ui_fonts_read(path, &f->data[0], &f->size[0], &why)) {
		snprintf(path, sizeof(path), "%s/DejaVuSans-Bold.ttf", dir);
		if (!ui_fonts_read(path, &f->data[1], &f->size[1], &why))
			log_warn("fonts: %s; the regular face is made bold instead", why.msg);
	} else if (!ui_fonts_search(f, search)) {
		ft_fail(err, "no font to draw with: %s, and no other font under %s "
			"(install fonts-dejavu-core)", why.msg, search[0] ? search : "(no folder)");
		goto err_ttf;
	}
	return f;

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
	bool fake_bold = bold && !f->data[1];
	int face = bold && !fake_bold;
	SDL_RWops *rw = SDL_RWFromConstMem(f->data[face], (int)f->size[face]);
	TTF_Font *font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
	if (!font)
		return NULL; /* a wrong size would break the layout's measurements */
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	if (fake_bold)
		TTF_SetFontStyle(font, TTF_STYLE_BOLD);
	if (victim->font)
		TTF_CloseFont(victim->font);
	*victim = (struct ui_font_slot){ .font = font, .px = px, .bold = bold, .used = f->tick };
	return font;
}

static uint32_t
ui_size_hash(const char *s, int px, bool bold)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	h = (h ^ (uint32_t)px) * 16777619u;
	h = (h ^ (uint32_t)bold) * 16777619u;
	return h ? h : 1;
}

bool
ui_text_size(struct ui_fonts *f, const char *text, int px, bool bold, int *w, int *h)
{
	uint32_t hash = ui_size_hash(text, px, bold);
	struct ui_size_slot *set = f->sizes[hash % UI_SIZE_SETS], *s = &set[0];
	f->tick++;
	for (int i = 0; i < UI_SIZE_WAYS; i++) {
		struct ui_size_slot *e = &set[i];
		if (e->hash == hash && e->px == px && e->bold == bold && strcmp(e->text, text) == 0) {
			e->used = f->tick;
			*w = e->w;
			*h = e->h;
			return true;
		}
		if (e->used < s->used)
			s = e;
	}
	TTF_Font *font = ui_font(f, px, bold);
	if (!font || TTF_SizeUTF8(font, text, w, h) < 0)
		return false;
	if (!text[0])
		*h = TTF_FontHeight(font);
	f->measured++;
	size_t len = strlen(text);
	if (len < sizeof(s->text)) { /* longer ones are measured each time */
		*s = (struct ui_size_slot){ .hash = hash, .used = f->tick, .px = px, .bold = bold,
					    .w = *w, .h = *h };
		memcpy(s->text, text, len + 1);
	}
	return true;
}

unsigned long
ui_fonts_measured(const struct ui_fonts *f)
{
	return f->measured;
}
