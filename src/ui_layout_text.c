/*
 * ui_layout_text.c - text on the screens (ui_layout.h): measured, fitted
 * to its box, broken over lines, and the buttons, which are labels in a
 * box that is also a touch target.
 *
 * Text is fitted, never clipped: lay_text() measures the string at the size
 * asked, shrinks it to fit its box (never below UI_MIN_TEXT_PX*s), and only
 * then shortens it with an ellipsis. The measured extent is stored in the
 * item so tests can check that nothing leaves its box. The pieces and the
 * screens' dispatch are ui_layout.c's.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui_layout.h"

bool
lay_measure(struct lay *l, const char *text, int size, bool bold, int *w, int *h)
{
	return ui_text_size(l->fonts, text, size, bold, w, h);
}

/* The height a line of text takes at SIZE. */
int
lay_line_height(struct lay *l, int size, bool bold)
{
	TTF_Font *font = ui_font(l->fonts, size, bold);
	return font ? TTF_FontHeight(font) : size * 6 / 5;
}

int
lay_min_px(const struct lay *l)
{
	int min = lay_px(l, UI_MIN_TEXT_PX);
	return min < UI_MIN_TEXT_PX ? UI_MIN_TEXT_PX : min;
}

/* Drop the last UTF-8 character of S (in place). */
static void
lay_drop_last_char(char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		n--;
		if (((unsigned char)s[n] & 0xC0) != 0x80)
			break;
	}
	s[n] = 0;
}

/* Fit IT's text into its box: shrink (not below MIN), then shorten with an
 * ellipsis. */
static void
lay_fit_min(struct lay *l, struct ui_item *it, int size, int min)
{
	bool bold = it->flags & UI_TEXT_BOLD;
	int w = 0, h = 0;
	if (size < min)
		size = min;
	if (!lay_measure(l, it->text, size, bold, &w, &h))
		goto done;
	if (w > it->box.w || h > it->box.h) {
		/* Width and height scale almost linearly with the size: jump
		 * close, then step down until it really fits. */
		float k = fminf(w > 0 ? (float)it->box.w / (float)w : 1.0f,
				h > 0 ? (float)it->box.h / (float)h : 1.0f);
		int guess = (int)floorf((float)size * k);
		size = guess < min ? min : guess;
		lay_measure(l, it->text, size, bold, &w, &h);
		while ((w > it->box.w || h > it->box.h) && size > min) {
			size -= size > 40 ? size / 40 : 1;
			if (size < min)
				size = min;
			lay_measure(l, it->text, size, bold, &w, &h);
		}
	}
	while (w > it->box.w && it->text[0]) {
		/* Too long even at the smallest size: shorten, keep "…". */
		size_t n = strlen(it->text);
		if (n >= 3 && strcmp(it->text + n - 3, "\xe2\x80\xa6") == 0)
			it->text[n - 3] = 0;
		lay_drop_last_char(it->text);
		while (strlen(it->text) > 0 && it->text[strlen(it->text) - 1] == ' ')
			it->text[strlen(it->text) - 1] = 0;
		if (strlen(it->text) + 4 <= sizeof(it->text))
			strcat(it->text, "\xe2\x80\xa6");
		it->shortened = true;
		lay_measure(l, it->text, size, bold, &w, &h);
		if (strcmp(it->text, "\xe2\x80\xa6") == 0)
			break;
	}
done:
	it->px = size;
	it->text_w = w;
	it->text_h = h;
}

/* Text of SIZE pixels (already scaled) in BOX, shrunk down to MIN pixels
 * before it is shortened with an ellipsis. */
static struct ui_item *
lay_text_sized(struct lay *l, struct ui_rect box, int size, int min, unsigned flags,
	       enum ui_color c, const char *text)
{
	struct ui_item *it = lay_item(l, UI_ITEM_TEXT, box, c);
	if (!it)
		return NULL;
	it->flags = flags;
	snprintf(it->text, sizeof(it->text), "%s", text);
	lay_fit_min(l, it, size, min);
	return it;
}

/* Text of an absolute pixel size (already scaled), for the big figures. */
struct ui_item *
lay_text_px(struct lay *l, struct ui_rect box, int size, unsigned flags, enum ui_color c,
	    const char *text)
{
	return lay_text_sized(l, box, size, lay_min_px(l), flags, c, text);
}

/* Text of a size in design units (scaled to the screen), printf-style. */
struct ui_item *
lay_text(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	 const char *fmt, ...)
{
	char text[UI_TEXT_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return lay_text_px(l, box, lay_px(l, size), flags, c, text);
}

/* Text at exactly SIZE pixels (already scaled): too long, it is shortened
 * with an ellipsis, never shrunk, so that a list reads at one size. */
struct ui_item *
lay_text_fixed(struct lay *l, struct ui_rect box, int size, unsigned flags, enum ui_color c,
	       const char *text)
{
	if (size < lay_min_px(l))
		size = lay_min_px(l);
	return lay_text_sized(l, box, size, size, flags, c, text);
}

/* Where TEXT breaks to fit WIDTH at SIZE: the byte offset of the last
 * space whose left part fits, or 0 when it fits whole or cannot break. */
size_t
lay_break(struct lay *l, const char *text, int size, bool bold, int width)
{
	int w, h;
	if (!lay_measure(l, text, size, bold, &w, &h) || w <= width)
		return 0;
	char buf[UI_TEXT_MAX];
	size_t best = 0;
	for (size_t i = 1; i < sizeof(buf) && text[i]; i++) {
		if (text[i] != ' ')
			continue;
		snprintf(buf, sizeof(buf), "%.*s", (int)i, text);
		if (lay_measure(l, buf, size, bold, &w, &h) && w <= width)
			best = i;
		else
			break;
	}
	return best;
}

/* --- labels: one line, or two when that reads bigger ------------------- */

/* Whether TEXT fits W x H at SIZE, on one line (*split = 0) or on two
 * broken at the space that balances them best (*split = its offset). */
static bool
lay_label_fits(struct lay *l, const char *text, int size, bool bold, int w, int h,
	       size_t *split)
{
	int tw, th;
	*split = 0;
	if (!lay_measure(l, text, size, bold, &tw, &th))
		return false;
	if (tw <= w && th <= h)
		return true;
	if (2 * lay_line_height(l, size, bold) > h)
		return false;
	char buf[UI_TEXT_MAX];
	int best = w + 1;
	for (size_t i = 1; i < sizeof(buf) && text[i]; i++) {
		if (text[i] != ' ')
			continue;
		int w1, w2, hh;
		snprintf(buf, sizeof(buf), "%.*s", (int)i, text);
		if (!lay_measure(l, buf, size, bold, &w1, &hh) ||
		    !lay_measure(l, text + i + 1, size, bold, &w2, &hh))
			continue;
		int widest = w1 > w2 ? w1 : w2;
		if (widest < best) {
			best = widest;
			*split = i;
		}
	}
	return *split != 0;
}

/* The size TEXT is best laid at in a W x H box, from SIZE down: two lines
 * only when they read clearly bigger than one line shrunk. */
static int
lay_label_size(struct lay *l, const char *text, int size, bool bold, int w, int h)
{
	int min = lay_min_px(l), one = min, two = min;
	size_t split;
	for (int s = size; s >= min; s -= s > 40 ? s / 40 : 1) {
		int tw, th;
		if (lay_measure(l, text, s, bold, &tw, &th) && tw <= w && th <= h) {
			one = s;
			break;
		}
	}
	for (int s = size; s > one; s -= s > 40 ? s / 40 : 1) {
		if (lay_label_fits(l, text, s, bold, w, h, &split)) {
			two = s;
			break;
		}
	}
	return two >= one + one / 8 ? two : one;
}

/* TEXT at SIZE centred in BOX: one line when it fits, else two. */
static void
lay_label_at(struct lay *l, struct ui_rect box, int size, unsigned flags, enum ui_color c,
	     const char *text)
{
	bool bold = flags & UI_TEXT_BOLD;
	size_t split;
	if (!lay_label_fits(l, text, size, bold, box.w, box.h, &split) || split == 0) {
		lay_text_px(l, box, size, flags, c, text);
		return;
	}
	char first[UI_TEXT_MAX];
	snprintf(first, sizeof(first), "%.*s", (int)split, text);
	int lh = lay_line_height(l, size, bold);
	struct ui_rect a = { box.x, box.y + (box.h - 2 * lh) / 2, box.w, lh };
	struct ui_rect b = { box.x, a.y + lh, box.w, lh };
	lay_text_px(l, a, size, flags, c, first);
	lay_text_px(l, b, size, flags, c, text + split + 1);
}

const char *
lay_short_name(struct lay *l, const char *name, int px, bool bold, int width, char out[FT_NAME_MAX])
{
	int w, h;
	snprintf(out, FT_NAME_MAX, "%s", name);
	if (!lay_measure(l, name, px, bold, &w, &h) || w <= width)
		return out;
	/* the first part of a compound name: a whole word beats a cut one */
	size_t cut = strcspn(name, " -");
	if (cut > 0 && name[cut]) {
		snprintf(out, FT_NAME_MAX, "%.*s", (int)cut, name);
		if (lay_measure(l, out, px, bold, &w, &h) && w <= width)
			return out;
	}
	return out; /* lay_text shrinks it, then cuts between characters */
}

void
lay_name(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	 const char *name)
{
	char shown[FT_NAME_MAX];
	lay_short_name(l, name, lay_px(l, size), flags & UI_TEXT_BOLD, box.w, shown);
	lay_text(l, box, size, flags, c, "%s", shown);
}

void
lay_label(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	  const char *fmt, ...)
{
	char text[UI_TEXT_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	int fit = lay_label_size(l, text, lay_px(l, size), flags & UI_TEXT_BOLD, box.w, box.h);
	lay_label_at(l, box, fit, flags, c, text);
}


/* The next line of the column, or false when there is no room left. */
bool
lay_col_line(struct lay *l, struct lay_col *c, float size, bool bold, struct ui_rect *line)
{
	int h = lay_line_height(l, lay_px(l, size) < lay_min_px(l) ? lay_min_px(l) : lay_px(l, size), bold);
	if (c->y + h > c->r.y + c->r.h)
		return false;
	*line = (struct ui_rect){ c->r.x, c->y, c->r.w, h };
	c->y += h + lay_px(l, 2);
	return true;
}


static struct ui_rect
lay_button_inner(struct lay *l, struct ui_rect box)
{
	return ui_rect_inset(box, lay_px(l, 8));
}

static int
lay_button_size(struct lay *l, struct ui_rect box, const char *label)
{
	struct ui_rect in = lay_button_inner(l, box);
	return lay_label_size(l, label, lay_px(l, LAY_BUTTON_PX), true, in.w, in.h);
}

/* A button with its label at SIZE (one line or two) and its target. */
static void
lay_button_at(struct lay *l, struct ui_rect box, int size, const char *label,
	      enum ui_action action, int arg, bool primary)
{
	lay_rect(l, box, primary ? UI_C_PRIMARY : UI_C_BUTTON, lay_px(l, 12));
	lay_label_at(l, lay_button_inner(l, box), size, UI_TEXT_BOLD,
		     primary ? UI_C_ON_PRIMARY : UI_C_INK, label);
	lay_target(l, box, action, arg);
}

void
lay_button(struct lay *l, struct ui_rect box, const char *label, enum ui_action action,
	   int arg, bool primary)
{
	lay_button_at(l, box, lay_button_size(l, box, label), label, action, arg, primary);
}


void
lay_button_row(struct lay *l, struct ui_rect box, const struct lay_button_spec *b, int n)
{
	int size = lay_px(l, LAY_BUTTON_PX);
	for (int i = 0; i < n; i++) {
		if (!b[i].label)
			continue;
		int s = lay_button_size(l, ui_rect_column(box, i, n, l->gap), b[i].label);
		if (s < size)
			size = s;
	}
	/* a NULL label keeps its place empty: the others never move */
	for (int i = 0; i < n; i++)
		if (b[i].label)
			lay_button_at(l, ui_rect_column(box, i, n, l->gap), size, b[i].label, b[i].action,
				      0, b[i].primary);
}
