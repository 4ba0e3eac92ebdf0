/*
 * ui_layout.c - the five screens as frames of boxes, at any size.
 *
 * Every screen is built from the same few pieces (cards, lines of text
 * fitted to their box, buttons that are also touch targets) inside a content
 * rectangle, so the 800x480 panel, the wider 1024x600 and 1280x720 ones and a
 * portrait 720x1280 share one code path; only the arrangement of the blocks
 * differs between landscape and portrait. Sizes scale with `s` (1 at
 * 800x480), and a touch target is never smaller than 60*s pixels.
 *
 * Text is fitted, never clipped: lay_text() measures the string at the size
 * asked, shrinks it to fit its box (never below UI_MIN_TEXT_PX*s), and only
 * then shortens it with an ellipsis. The measured extent is stored in the
 * item so tests can check that nothing leaves its box.
 */
#include <libintl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "ui.h"

#define _(s) gettext(s)

const char *const ui_screen_names[UI_SCREEN_COUNT] = {
	"glance", "meal", "walk", "hug", "review",
};

bool
ui_screen_parse(const char *name, enum ui_screen *out)
{
	for (int i = 0; i < UI_SCREEN_COUNT; i++) {
		if (strcmp(name, ui_screen_names[i]) == 0) {
			*out = (enum ui_screen)i;
			return true;
		}
	}
	return false;
}

struct lay {
	struct ui_frame *f;
	struct ui_fonts *fonts;
	const struct ui_model *m;
	const struct ft_config *cfg;
	const struct report *r;
	float s;          /* scale: 1 at 800x480 */
	int gap;          /* between blocks */
	int pad;          /* inside cards */
	int target;       /* smallest touch target */
	bool portrait;
};

static int
px(const struct lay *l, float v)
{
	return (int)lroundf(v * l->s);
}

static struct ui_rect
rect_inset(struct ui_rect r, int d)
{
	return (struct ui_rect){ r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d };
}

/* Cut a band off the top (or bottom, with h < 0) of *r. */
static struct ui_rect
rect_cut_top(struct ui_rect *r, int h, int gap)
{
	if (h > r->h)
		h = r->h;
	struct ui_rect top = { r->x, r->y, r->w, h };
	r->y += h + gap;
	r->h -= h + gap;
	return top;
}

static struct ui_rect
rect_cut_bottom(struct ui_rect *r, int h, int gap)
{
	if (h > r->h)
		h = r->h;
	struct ui_rect bottom = { r->x, r->y + r->h - h, r->w, h };
	r->h -= h + gap;
	return bottom;
}

static struct ui_rect
rect_cut_left(struct ui_rect *r, int w, int gap)
{
	if (w > r->w)
		w = r->w;
	struct ui_rect left = { r->x, r->y, w, r->h };
	r->x += w + gap;
	r->w -= w + gap;
	return left;
}

/* Column I of N equal columns of R, GAP between them. */
static struct ui_rect
rect_column(struct ui_rect r, int i, int n, int gap)
{
	int w = (r.w - gap * (n - 1)) / n;
	return (struct ui_rect){ r.x + i * (w + gap), r.y, w, r.h };
}

static struct ui_rect
rect_row(struct ui_rect r, int i, int n, int gap)
{
	int h = (r.h - gap * (n - 1)) / n;
	return (struct ui_rect){ r.x, r.y + i * (h + gap), r.w, h };
}

static struct ui_item *
lay_item(struct lay *l, enum ui_item_kind kind, struct ui_rect box, enum ui_color c)
{
	struct ui_frame *f = l->f;
	if (f->nitems >= UI_MAX_ITEMS) {
		f->overflow = true;
		return NULL;
	}
	struct ui_item *it = &f->items[f->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->box = box;
	it->color = c;
	return it;
}

static void
lay_rect(struct lay *l, struct ui_rect box, enum ui_color c, int radius)
{
	struct ui_item *it = lay_item(l, UI_ITEM_RECT, box, c);
	if (it)
		it->radius = radius;
}

static void
lay_card(struct lay *l, struct ui_rect box, enum ui_color c)
{
	lay_rect(l, box, c, px(l, 14));
}

static void
lay_disc(struct lay *l, struct ui_rect box, enum ui_color c)
{
	lay_item(l, UI_ITEM_DISC, box, c);
}

static void
lay_ring(struct lay *l, struct ui_rect box, int thickness, float fraction, enum ui_color c)
{
	struct ui_item *it = lay_item(l, UI_ITEM_RING, box, c);
	if (it) {
		it->radius = thickness;
		it->fraction = fraction;
	}
}

static void
lay_target(struct lay *l, struct ui_rect box, enum ui_action action, int arg)
{
	struct ui_frame *f = l->f;
	if (f->ntargets >= UI_MAX_TARGETS) {
		f->overflow = true;
		return;
	}
	f->targets[f->ntargets++] = (struct ui_target){ box, action, arg };
}

static bool
lay_measure(struct lay *l, const char *text, int size, bool bold, int *w, int *h)
{
	TTF_Font *font = ui_font(l->fonts, size, bold);
	if (!font || TTF_SizeUTF8(font, text, w, h) < 0)
		return false;
	if (!text[0])
		*h = TTF_FontHeight(font);
	return true;
}

/* The height a line of text takes at SIZE. */
static int
lay_line_height(struct lay *l, int size, bool bold)
{
	TTF_Font *font = ui_font(l->fonts, size, bold);
	return font ? TTF_FontHeight(font) : size * 6 / 5;
}

static int
lay_min_px(const struct lay *l)
{
	int min = px(l, UI_MIN_TEXT_PX);
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
static struct ui_item *
lay_text_px(struct lay *l, struct ui_rect box, int size, unsigned flags, enum ui_color c,
	    const char *text)
{
	return lay_text_sized(l, box, size, lay_min_px(l), flags, c, text);
}

static struct ui_item *
lay_text(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Text of a size in design units (scaled to the screen), printf-style. */
static struct ui_item *
lay_text(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	 const char *fmt, ...)
{
	char text[UI_TEXT_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return lay_text_px(l, box, px(l, size), flags, c, text);
}

/* Text at exactly SIZE pixels (already scaled): too long, it is shortened
 * with an ellipsis, never shrunk, so that a list reads at one size. */
static struct ui_item *
lay_text_fixed(struct lay *l, struct ui_rect box, int size, unsigned flags, enum ui_color c,
	       const char *text)
{
	if (size < lay_min_px(l))
		size = lay_min_px(l);
	return lay_text_sized(l, box, size, size, flags, c, text);
}

/* Where TEXT breaks to fit WIDTH at SIZE: the byte offset of the last
 * space whose left part fits, or 0 when it fits whole or cannot break. */
static size_t
lay_break(struct lay *l, const char *text, int size, bool bold, int width)
{
	int w, h;
	if (!lay_measure(l, text, size, bold, &w, &h) || w <= width)
		return 0;
	char buf[UI_TEXT_MAX];
	size_t best = 0;
	for (size_t i = 1; text[i] && i < sizeof(buf); i++) {
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
	for (size_t i = 1; text[i] && i < sizeof(buf); i++) {
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

/* A sentence centred in BOX at SIZE (scaled), on one line, or on two when
 * that keeps it clearly bigger (a hint in a narrow portrait screen). */
static void
lay_label(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
lay_label(struct lay *l, struct ui_rect box, float size, unsigned flags, enum ui_color c,
	  const char *fmt, ...)
{
	char text[UI_TEXT_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	int fit = lay_label_size(l, text, px(l, size), flags & UI_TEXT_BOLD, box.w, box.h);
	lay_label_at(l, box, fit, flags, c, text);
}

/* A column of lines from the top of a box. */
struct lay_col {
	struct ui_rect r;
	int y;
};

/* The next line of the column, or false when there is no room left. */
static bool
lay_col_line(struct lay *l, struct lay_col *c, float size, bool bold, struct ui_rect *line)
{
	int h = lay_line_height(l, px(l, size) < lay_min_px(l) ? lay_min_px(l) : px(l, size), bold);
	if (c->y + h > c->r.y + c->r.h)
		return false;
	*line = (struct ui_rect){ c->r.x, c->y, c->r.w, h };
	c->y += h + px(l, 2);
	return true;
}

#define LAY_BUTTON_PX 22

static struct ui_rect
lay_button_inner(struct lay *l, struct ui_rect box)
{
	return rect_inset(box, px(l, 8));
}

static int
lay_button_size(struct lay *l, struct ui_rect box, const char *label)
{
	struct ui_rect in = lay_button_inner(l, box);
	return lay_label_size(l, label, px(l, LAY_BUTTON_PX), true, in.w, in.h);
}

/* A button with its label at SIZE (one line or two) and its target. */
static void
lay_button_at(struct lay *l, struct ui_rect box, int size, const char *label,
	      enum ui_action action, int arg, bool primary)
{
	lay_rect(l, box, primary ? UI_C_PRIMARY : UI_C_BUTTON, px(l, 12));
	lay_label_at(l, lay_button_inner(l, box), size, UI_TEXT_BOLD,
		     primary ? UI_C_ON_PRIMARY : UI_C_INK, label);
	lay_target(l, box, action, arg);
}

static void
lay_button(struct lay *l, struct ui_rect box, const char *label, enum ui_action action,
	   int arg, bool primary)
{
	lay_button_at(l, box, lay_button_size(l, box, label), label, action, arg, primary);
}

/* A row of N buttons in BOX, their labels all at one size: the largest
 * the longest label allows. */
struct lay_button_spec {
	const char *label;
	enum ui_action action;
	bool primary;
};

static void
lay_button_row(struct lay *l, struct ui_rect box, const struct lay_button_spec *b, int n)
{
	int size = px(l, LAY_BUTTON_PX);
	for (int i = 0; i < n; i++) {
		int s = lay_button_size(l, rect_column(box, i, n, l->gap), b[i].label);
		if (s < size)
			size = s;
	}
	for (int i = 0; i < n; i++)
		lay_button_at(l, rect_column(box, i, n, l->gap), size, b[i].label, b[i].action, 0,
			      b[i].primary);
}

/* --- what the screens say -------------------------------------------- */

static void
fmt_clock(ft_ms t, char out[8])
{
	int minute = cal_local_minute(t);
	snprintf(out, 8, "%02d:%02d", minute / 60 % 24, minute % 60);
}

static void
fmt_date(ft_ms t, char *out, size_t size)
{
	int64_t day = cal_day_of(t);
	struct cal_date d = cal_date_from_day(day);
	/* TRANSLATORS: weekday, day of the month, month: "Monday 30 November". */
	snprintf(out, size, _("%1$s %2$d %3$s"), ui_weekday_long(cal_weekday(day)), d.day,
		 ui_month_long(d.month));
}

static void
fmt_minutes(ft_ms length, char *out, size_t size)
{
	long minutes = (long)(length / FT_MINUTE);
	if (minutes < 60)
		snprintf(out, size, _("%ld min"), minutes);
	else
		snprintf(out, size, _("%ld h %02ld"), minutes / 60, minutes % 60);
}

static const char *
streak_text(const struct streak *st, char *out, size_t size)
{
	if (st->current > 0)
		snprintf(out, size,
			 ngettext("%d week in a row · best %d", "%d weeks in a row · best %d",
				  (unsigned long)st->current),
			 st->current, st->best);
	else if (st->best > 0)
		snprintf(out, size, ngettext("Best streak: %d week", "Best streak: %d weeks",
					     (unsigned long)st->best), st->best);
	else
		snprintf(out, size, "%s", _("A streak starts this week"));
	return out;
}

/* Fault banners across the top; returns what is left for the screen. */
static struct ui_rect
lay_banners(struct lay *l, struct ui_rect r)
{
	for (int i = 0; i < l->m->nbanners && i < 2; i++) {
		struct ui_rect b = rect_cut_top(&r, px(l, 34), px(l, 4));
		lay_rect(l, b, UI_C_BANNER, px(l, 8));
		const char *msg = l->m->banners[i];
		if (i == 1 && l->m->nbanners > 2)
			lay_text(l, rect_inset(b, px(l, 6)), 16, 0, UI_C_ON_BANNER,
				 _("%s (and %d more)"), msg, l->m->nbanners - 2);
		else
			lay_text(l, rect_inset(b, px(l, 6)), 16, 0, UI_C_ON_BANNER, "%s", msg);
	}
	return r;
}

/* The big count and its goal beside it, bottom-aligned, centred in BOX. */
static void
lay_figure(struct lay *l, struct ui_rect box, int count, int goal, enum ui_color c)
{
	char big[16], small[16];
	snprintf(big, sizeof(big), "%d", count);
	snprintf(small, sizeof(small), "/%d", goal);
	int big_px = (int)(box.h / 1.17f); /* DejaVu's line height is ~1.17 em */
	int small_px = big_px * 2 / 5;
	int bw, bh, sw, sh;
	lay_measure(l, big, big_px, true, &bw, &bh);
	lay_measure(l, small, small_px, false, &sw, &sh);
	int total = bw + sw + px(l, 4);
	if (total > box.w) {
		/* Shrink both together (a two-digit count in a narrow tile). */
		float k = (float)box.w / (float)total;
		big_px = (int)(big_px * k);
		small_px = (int)(small_px * k);
		lay_measure(l, big, big_px, true, &bw, &bh);
		lay_measure(l, small, small_px, false, &sw, &sh);
		total = bw + sw + px(l, 4);
	}
	int x = box.x + (box.w - total) / 2;
	if (bh > box.h)
		bh = box.h;
	struct ui_rect bb = { x, box.y + box.h - bh, bw, bh };
	/* The goal sits on the figure's baseline, roughly: its box ends where
	 * the big digits' descent begins. */
	int descent_big = bh / 5, descent_small = sh / 5;
	int sy = box.y + box.h - descent_big + descent_small - sh;
	if (sy < box.y)
		sy = box.y;
	if (sy + sh > box.y + box.h)
		sy = box.y + box.h - sh;
	struct ui_rect sb = { x + bw + px(l, 4), sy, sw, sh };
	lay_text_px(l, bb, big_px, UI_TEXT_BOLD | UI_TEXT_FIGURE | UI_TEXT_LEFT, c, big);
	lay_text_px(l, sb, small_px, UI_TEXT_LEFT, UI_C_INK_DIM, small);
}

static void
lay_habit_tile(struct lay *l, struct ui_rect box, const char *label, int count, int goal,
	       bool met, const struct streak *st, enum ui_color c, enum ui_color soft)
{
	lay_card(l, box, met ? soft : UI_C_CARD);
	struct ui_rect in = rect_inset(box, l->pad);
	int label_h = lay_line_height(l, px(l, 20), true);
	int sub_h = lay_line_height(l, px(l, 17), false);
	struct ui_rect top = rect_cut_top(&in, label_h, 0);
	struct ui_rect bottom = rect_cut_bottom(&in, sub_h, 0);
	lay_text(l, top, 20, UI_TEXT_BOLD | UI_TEXT_LEFT, UI_C_INK, met ? "%s  ✓" : "%s", label);
	lay_figure(l, in, count, goal, c);
	char buf[96];
	lay_text(l, bottom, 17, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", streak_text(st, buf, sizeof(buf)));
}

/* Monday to Sunday: a row per meal window and one for walks, a dot where
 * one happened. Today's column is shaded. */
static void
lay_week_grid(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	const struct ft_config *cfg = l->cfg;
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = rect_inset(box, l->pad);
	int rows = cfg->nwindows + 2; /* day names, windows, walks */
	int legend_w = in.w * 2 / 9;
	struct ui_rect legend = rect_cut_left(&in, legend_w, px(l, 6));
	int64_t today = cal_day_of(l->m->now);
	int64_t monday = r ? r->from_day : cal_week_monday(cal_week_of(l->m->now));
	for (int d = 0; d < 7; d++) {
		struct ui_rect col = rect_column(in, d, 7, px(l, 4));
		if (monday + d == today)
			lay_rect(l, col, UI_C_TODAY, px(l, 8));
		struct ui_rect head = rect_row(col, 0, rows, 0);
		lay_text(l, head, 15, monday + d == today ? UI_TEXT_BOLD : 0, UI_C_INK_DIM, "%s",
			 ui_weekday_short(d));
		const struct report_day *rd = r ? &r->days[d] : NULL;
		for (int row = 1; row < rows; row++) {
			struct ui_rect cell = rect_row(col, row, rows, 0);
			bool on, walk = row == rows - 1;
			if (walk)
				on = rd && rd->walks > 0;
			else
				on = rd && (rd->meal_kinds & (1u << (row - 1)));
			int dia = cell.h < cell.w ? cell.h : cell.w;
			dia = dia * 7 / 10;
			struct ui_rect dot = { cell.x + (cell.w - dia) / 2, cell.y + (cell.h - dia) / 2,
					       dia, dia };
			if (on)
				lay_disc(l, dot, walk ? UI_C_WALK : UI_C_MEAL);
			else {
				int small = dia / 3;
				lay_disc(l, (struct ui_rect){ cell.x + (cell.w - small) / 2,
							      cell.y + (cell.h - small) / 2, small, small },
					 UI_C_LINE);
			}
		}
	}
	for (int row = 1; row < rows; row++) {
		struct ui_rect cell = rect_row(legend, row, rows, 0);
		const char *name = row == rows - 1 ? _("Walk") : ui_meal_kind(cfg->windows[row - 1].kind);
		lay_text(l, cell, 15, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", name);
	}
}

/* The next ritual from now on (this week or the next), or -1. */
static int
next_ritual(const struct ft_config *cfg, ft_ms now, ft_ms *when)
{
	int best = -1;
	ft_ms best_t = FT_MS_NEVER;
	int64_t today = cal_day_of(now);
	int wd = cal_weekday(today);
	for (int i = 0; i < cfg->nrituals; i++) {
		const struct ft_ritual *rt = &cfg->rituals[i];
		for (int week = 0; week < 2; week++) {
			int64_t day = today - wd + rt->weekday + 7 * week;
			ft_ms t = cal_local_instant(day, rt->minute);
			if (t >= now && t < best_t) {
				best_t = t;
				best = i;
			}
		}
	}
	*when = best_t;
	return best;
}

/* A `call` ritual of today that is not kept yet: the family taps it. */
static int
call_due_today(const struct lay *l)
{
	if (!l->r)
		return -1;
	int wd = cal_weekday(cal_day_of(l->m->now));
	for (int i = 0; i < l->cfg->nrituals; i++) {
		const struct ft_ritual *rt = &l->cfg->rituals[i];
		if (rt->kind == FT_RITUAL_CALL && rt->weekday == wd && !l->r->ritual_kept[i])
			return i;
	}
	return -1;
}

/* A card with a small title and one bigger line. */
static void
lay_info_card(struct lay *l, struct ui_rect box, enum ui_color bg, const char *title,
	      const char *value, enum ui_color value_color)
{
	lay_card(l, box, bg);
	struct ui_rect in = rect_inset(box, l->pad);
	struct ui_rect t = rect_cut_top(&in, in.h * 2 / 5, 0);
	lay_text(l, t, 15, UI_TEXT_LEFT, UI_C_INK_DIM, "%s", title);
	lay_text(l, in, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, value_color, "%s", value);
}

static void
lay_side_cards(struct lay *l, struct ui_rect box, int n)
{
	const struct report *r = l->r;
	char buf[160];
	struct ui_rect c0 = rect_row(box, 0, n, l->gap);
	struct ui_rect c1 = rect_row(box, 1, n, l->gap);
	struct ui_rect c2 = rect_row(box, 2, n, l->gap);
	bool hug = r && r->hug_today;
	lay_info_card(l, c0, hug ? UI_C_HUG_SOFT : UI_C_CARD, _("Hug today"),
		      hug ? _("♥ Done") : _("Not yet"), hug ? UI_C_HUG : UI_C_INK);

	int call = call_due_today(l);
	if (call >= 0) {
		lay_info_card(l, c1, UI_C_CARD, l->cfg->rituals[call].label, _("Tap when done"),
			      UI_C_PRIMARY);
		lay_target(l, c1, UI_ACT_CALL_DONE, call);
	} else {
		ft_ms when;
		int i = next_ritual(l->cfg, l->m->now, &when);
		if (i >= 0) {
			char hhmm[8];
			fmt_clock(when, hhmm);
			snprintf(buf, sizeof(buf), "%s %s", ui_weekday_long(l->cfg->rituals[i].weekday),
				 hhmm);
			lay_card(l, c1, UI_C_CARD);
			struct ui_rect in = rect_inset(c1, l->pad);
			struct ui_rect t = rect_cut_top(&in, in.h * 2 / 5, 0);
			lay_text(l, t, 15, UI_TEXT_LEFT, UI_C_INK_DIM, _("Next: %s"), buf);
			lay_text(l, in, 20, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s",
				 l->cfg->rituals[i].label);
		} else {
			lay_info_card(l, c1, UI_C_CARD, _("Rituals"), _("None set"), UI_C_INK_DIM);
		}
	}
	/* no rhythm before the first complete week: nothing, not 0% (SPEC §4) */
	if (!r || r->rhythm_meals == HABITS_NO_RHYTHM)
		return;
	snprintf(buf, sizeof(buf), _("Meals %d%% · Walks %d%%"), r->rhythm_meals, r->rhythm_walks);
	lay_info_card(l, c2, UI_C_CARD, _("Rhythm"), buf, UI_C_INK);
}

static void
lay_header(struct lay *l, struct ui_rect box)
{
	char date[96], hhmm[8];
	fmt_date(l->m->now, date, sizeof(date));
	fmt_clock(l->m->now, hhmm);
	int time_w = box.w / 4;
	struct ui_rect left = rect_cut_left(&box, box.w - time_w - l->gap, l->gap);
	if (l->m->nbanners > 0) {
		/* A fault takes the date's place, so the figures keep their
		 * size: the family still reads the week from across the room. */
		lay_rect(l, left, UI_C_BANNER, px(l, 8));
		char msg[UI_TEXT_MAX];
		if (l->m->nbanners > 1)
			snprintf(msg, sizeof(msg), _("%s (and %d more)"), l->m->banners[0],
				 l->m->nbanners - 1);
		else
			snprintf(msg, sizeof(msg), "%s", l->m->banners[0]);
		lay_text(l, rect_inset(left, px(l, 6)), 16, UI_TEXT_LEFT, UI_C_ON_BANNER, "%s", msg);
	} else {
		lay_text(l, left, 26, UI_TEXT_LEFT, UI_C_INK, "%s", date);
	}
	lay_text(l, box, 30, UI_TEXT_RIGHT | UI_TEXT_BOLD, UI_C_INK, "%s", hhmm);
}

/* The row of buttons under the glance. */
static void
lay_glance_buttons(struct lay *l, struct ui_rect box)
{
	char walk[64];
	if (l->m->walk_open) {
		char len[32];
		fmt_minutes(l->m->now - l->m->walk_start, len, sizeof(len));
		snprintf(walk, sizeof(walk), _("Walk · %s"), len);
	} else {
		snprintf(walk, sizeof(walk), "%s", _("Walk"));
	}
	struct lay_button_spec b[] = {
		{ walk, UI_ACT_GO_WALK, l->m->walk_open },
		{ _("Hug"), UI_ACT_GO_HUG, false },
		{ _("Week"), UI_ACT_GO_REVIEW, false },
		{ l->m->undo_label, UI_ACT_UNDO, false },
	};
	lay_button_row(l, box, b, l->m->undo_label ? 4 : 3);
}

static void
lay_glance(struct lay *l, struct ui_rect r)
{
	const struct report *rep = l->r;
	struct streak none = { 0, 0 };
	int meals = rep ? rep->meal_count : 0, walks = rep ? rep->walk_count : 0;
	int meal_goal = rep ? rep->meal_goal : l->cfg->meal_goal;
	int walk_goal = rep ? rep->walk_goal : l->cfg->walk_goal;
	struct ui_rect header = rect_cut_top(&r, px(l, l->portrait ? 56 : 40), l->gap);
	lay_header(l, header);
	struct ui_rect buttons = rect_cut_bottom(&r, l->target, l->gap);
	lay_glance_buttons(l, buttons);

	struct ui_rect tiles, grid, side;
	if (!l->portrait) {
		side = r;
		struct ui_rect main = rect_cut_left(&side, r.w * 7 / 10, l->gap);
		tiles = rect_cut_top(&main, main.h * 62 / 100, l->gap);
		grid = main;
	} else {
		tiles = rect_cut_top(&r, r.h * 42 / 100, l->gap);
		grid = rect_cut_top(&r, r.h * 45 / 100, l->gap);
		side = r;
	}
	lay_habit_tile(l, rect_column(tiles, 0, 2, l->gap), _("Meals together"), meals, meal_goal,
		       rep && rep->meals_met, rep ? &rep->meal_streak : &none, UI_C_MEAL,
		       UI_C_MEAL_SOFT);
	lay_habit_tile(l, rect_column(tiles, 1, 2, l->gap), _("Walks"), walks, walk_goal,
		       rep && rep->walks_met, rep ? &rep->walk_streak : &none, UI_C_WALK,
		       UI_C_WALK_SOFT);
	lay_week_grid(l, grid);
	/* Hug, next ritual, rhythm: a column beside (landscape) or under the grid. */
	lay_side_cards(l, side, 3);
}

/* --- meal ------------------------------------------------------------- */

static void
lay_meal(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct ft_config *cfg = l->cfg;
	ft_ms length = m->session_open ? m->now - m->session_start : 0;
	if (length < 0)
		length = 0;
	char hhmm[8];
	fmt_clock(m->now, hhmm);

	struct ui_rect top = rect_cut_top(&r, l->target, l->gap);
	struct ui_rect home = { top.x + top.w - px(l, 150), top.y, px(l, 150), top.h };
	lay_text(l, (struct ui_rect){ top.x, top.y, top.w - home.w - l->gap, top.h }, 26,
		 UI_TEXT_LEFT, UI_C_INK_DIM, "%s", hhmm);
	lay_button(l, home, _("Home"), UI_ACT_GO_GLANCE, 0, false);

	struct ui_rect names = rect_cut_bottom(&r, px(l, 64), l->gap);
	struct ui_rect status = rect_cut_bottom(&r, px(l, 44), l->gap);
	/* The timer: whole minutes, so it changes once a minute and
	 * nobody watches it tick. */
	char timer[32];
	fmt_minutes(length, timer, sizeof(timer));
	lay_text_px(l, r, (int)(r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_MEAL, timer);

	bool counts = length >= cfg->meal_min;
	char buf[96];
	if (counts)
		snprintf(buf, sizeof(buf), "%s", _("✓ This counts as a meal together"));
	else
		snprintf(buf, sizeof(buf), _("A meal from %ld min — enjoy"),
			 (long)(cfg->meal_min / FT_MINUTE));
	lay_text(l, status, 24, 0, counts ? UI_C_MEAL : UI_C_INK_DIM, "%s", buf);

	int n = 0;
	for (int slot = 1; slot <= cfg->nslots; slot++)
		n += m->slot_in[slot - 1];
	if (n == 0)
		return;
	int i = 0;
	int chip_gap = px(l, 8);
	int per_row = n;
	for (int slot = 1; slot <= cfg->nslots; slot++) {
		if (!m->slot_in[slot - 1])
			continue;
		char name[FT_NAME_MAX];
		struct ui_rect chip = rect_column(names, i++, per_row, chip_gap);
		lay_rect(l, chip, UI_C_MEAL_SOFT, chip.h / 2);
		lay_text(l, rect_inset(chip, px(l, 8)), 22, UI_TEXT_BOLD, UI_C_INK, "%s",
			 config_slot_name(cfg, slot, name));
	}
}

/* --- walk ------------------------------------------------------------- */

static void
lay_back_row(struct lay *l, struct ui_rect *r, const char *title)
{
	struct ui_rect top = rect_cut_top(r, l->target, l->gap);
	struct ui_rect home = { top.x + top.w - px(l, 150), top.y, px(l, 150), top.h };
	lay_text(l, (struct ui_rect){ top.x, top.y, top.w - home.w - l->gap, top.h }, 28,
		 UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	lay_button(l, home, _("Home"), UI_ACT_GO_GLANCE, 0, false);
}

static void
lay_walk(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	char buf[128], len[32];
	lay_back_row(l, &r, _("Walk"));
	struct ui_rect button = rect_cut_bottom(&r, px(l, 96), l->gap);
	struct ui_rect hint = rect_cut_bottom(&r, px(l, l->portrait ? 72 : 40), l->gap);
	if (m->walk_open) {
		char hhmm[8];
		fmt_clock(m->walk_start, hhmm);
		struct ui_rect since = rect_cut_top(&r, px(l, 40), 0);
		lay_text(l, since, 24, 0, UI_C_INK_DIM, _("Out walking since %s"), hhmm);
		fmt_minutes(m->now - m->walk_start, len, sizeof(len));
		lay_text_px(l, r, (int)(r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_WALK, len);
		bool counts = m->now - m->walk_start >= l->cfg->walk_min;
		if (counts)
			snprintf(buf, sizeof(buf), "%s", _("✓ Long enough to count"));
		else
			snprintf(buf, sizeof(buf), _("It counts from %ld min"),
				 (long)(l->cfg->walk_min / FT_MINUTE));
		lay_label(l, hint, 22, 0, counts ? UI_C_WALK : UI_C_INK_DIM, "%s", buf);
		lay_button(l, button, _("We're back"), UI_ACT_WALK_STOP, 0, true);
		return;
	}
	if (m->walk_done_length >= 0) {
		fmt_minutes(m->walk_done_length, len, sizeof(len));
		struct ui_rect what = rect_cut_top(&r, px(l, 40), 0);
		lay_text(l, what, 24, 0, UI_C_INK_DIM, "%s", _("Walk logged"));
		lay_text_px(l, r, (int)(r.h / 1.3f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_WALK, len);
		if (m->walk_done_length >= l->cfg->walk_min)
			snprintf(buf, sizeof(buf), "%s", _("✓ It counts for this week"));
		else
			snprintf(buf, sizeof(buf), _("Shorter than %ld min: kept, not counted"),
				 (long)(l->cfg->walk_min / FT_MINUTE));
		lay_label(l, hint, 22, 0, UI_C_INK_DIM, "%s", buf);
		lay_button(l, button, _("Start another walk"), UI_ACT_WALK_START, 0, false);
		return;
	}
	const struct report *rep = l->r;
	struct ui_rect what = rect_cut_top(&r, px(l, 40), 0);
	lay_text(l, what, 24, 0, UI_C_INK_DIM, "%s", _("Walks this week"));
	lay_figure(l, rect_inset(r, px(l, 8)), rep ? rep->walk_count : 0,
		   rep ? rep->walk_goal : l->cfg->walk_goal, UI_C_WALK);
	lay_label(l, hint, 22, 0, UI_C_INK_DIM, _("Tap when you leave, and again when you're back. It counts from %ld min."),
		 (long)(l->cfg->walk_min / FT_MINUTE));
	lay_button(l, button, _("Start a walk"), UI_ACT_WALK_START, 0, true);
}

/* --- hug -------------------------------------------------------------- */

static void
lay_hug(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	lay_back_row(l, &r, _("20-second hug"));
	struct ui_rect hint = rect_cut_bottom(&r, px(l, l->portrait ? 72 : 40), l->gap);
	int hold_d;
	struct ui_rect ring, hold[2];
	if (!l->portrait) {
		hold_d = r.h * 3 / 5;
		if (hold_d > r.w / 4)
			hold_d = r.w / 4;
		int ring_d = r.h;
		ring = (struct ui_rect){ r.x + (r.w - ring_d) / 2, r.y, ring_d, ring_d };
		hold[0] = (struct ui_rect){ r.x, r.y + (r.h - hold_d) / 2, hold_d, hold_d };
		hold[1] = (struct ui_rect){ r.x + r.w - hold_d, r.y + (r.h - hold_d) / 2, hold_d, hold_d };
	} else {
		int ring_d = r.w * 4 / 5;
		ring = (struct ui_rect){ r.x + (r.w - ring_d) / 2, r.y, ring_d, ring_d };
		struct ui_rect rest = { r.x, r.y + ring_d + l->gap, r.w, r.h - ring_d - l->gap };
		hold_d = rest.h < rest.w / 2 - l->gap ? rest.h : rest.w / 2 - l->gap;
		hold[0] = (struct ui_rect){ rest.x, rest.y + (rest.h - hold_d) / 2, hold_d, hold_d };
		hold[1] = (struct ui_rect){ rest.x + rest.w - hold_d, rest.y + (rest.h - hold_d) / 2,
					    hold_d, hold_d };
	}
	ft_ms total = l->cfg->hug > 0 ? l->cfg->hug : 20 * FT_SECOND;
	float done = m->hug_state == UI_HUG_DONE ? 1.0f
		   : m->hug_state == UI_HUG_IDLE ? 0.0f
		   : 1.0f - (float)m->hug_left / (float)total;
	int thick = ring.w / 12;
	lay_disc(l, ring, UI_C_HUG_SOFT);
	lay_ring(l, ring, thick, 1.0f, UI_C_LINE);
	lay_ring(l, ring, thick, done, UI_C_HUG);
	/* The text inside the ring: its inscribed square, inside the ring. */
	int inner = (int)((ring.w - 2 * thick) * 0.70f);
	struct ui_rect in = { ring.x + (ring.w - inner) / 2, ring.y + (ring.h - inner) / 2, inner, inner };
	struct ui_rect num = rect_cut_top(&in, in.h * 2 / 3, 0);
	char buf[64];
	if (m->hug_state == UI_HUG_DONE) {
		lay_text_px(l, num, (int)(num.h / 1.2f), UI_TEXT_BOLD, UI_C_HUG, "♥");
		lay_text(l, in, 22, UI_TEXT_BOLD, UI_C_HUG, "%s", _("Hug logged"));
	} else {
		long secs = (long)((m->hug_state == UI_HUG_IDLE ? total : m->hug_left) + 999) / 1000;
		snprintf(buf, sizeof(buf), "%ld", secs);
		lay_text_px(l, num, (int)(num.h / 1.2f), UI_TEXT_BOLD | UI_TEXT_FIGURE, UI_C_HUG, buf);
		const char *what = m->hug_state == UI_HUG_RUNNING ? _("Tap to pause")
				 : m->hug_state == UI_HUG_PAUSED ? _("Tap to go on")
				 : _("Tap to start");
		lay_text(l, in, 20, 0, UI_C_INK_DIM, "%s", what);
	}
	lay_target(l, ring, UI_ACT_HUG_TOGGLE, 0);
	for (int i = 0; i < 2; i++) {
		lay_disc(l, hold[i], m->hug_hold[i] ? UI_C_HUG : UI_C_CARD);
		int t = hold[i].w * 7 / 10;
		struct ui_rect label = { hold[i].x + (hold[i].w - t) / 2, hold[i].y + (hold[i].h - t / 2) / 2,
					 t, t / 2 };
		lay_text(l, label, 20, UI_TEXT_BOLD, m->hug_hold[i] ? UI_C_ON_PRIMARY : UI_C_INK, "%s",
			 _("Hold"));
		lay_target(l, hold[i], UI_ACT_HUG_HOLD, i);
	}
	lay_label(l, hint, 20, 0, UI_C_INK_DIM, "%s",
		  _("Each of you holds a circle, or tap the ring to start"));
}

/* --- review ----------------------------------------------------------- */

/*
 * The review's cards are lists: headings at 18, lines at 15 (scaled), every
 * line at its list's size whatever its length, so that the family reads one
 * list, not a ransom note. A line too long for its card goes on over a
 * second, indented line (after a "·" or a comma where it can) when the
 * whole card still fits that way; when it does not, every long line ends
 * with an ellipsis instead. A heading (it carries the figures: "Meals
 * together: 4 of 3") is never cut: it breaks over two lines, or at the
 * last resort shrinks.
 */
#define LAY_HEAD_PX 18
#define LAY_LINE_PX 15

struct lay_entry {
	char text[UI_TEXT_MAX];
	bool heading;
	enum ui_color color;
};

static int
lay_entry_px(struct lay *l, const struct lay_entry *e)
{
	int size = px(l, e->heading ? LAY_HEAD_PX : LAY_LINE_PX);
	return size < lay_min_px(l) ? lay_min_px(l) : size;
}

/* Where ENTRY breaks in WIDTH (0: it does not). A line breaks as late as
 * it can; a heading after its colon where it has one, so that its figures
 * stay together ("Meals together:" over "4 of 3", not a lone "3"). */
static size_t
lay_entry_break(struct lay *l, const struct lay_entry *e, int width)
{
	int size = lay_entry_px(l, e);
	size_t at = lay_break(l, e->text, size, e->heading, width);
	const char *colon = e->heading && at ? strstr(e->text, ": ") : NULL;
	if (colon && (size_t)(colon - e->text) + 1 < at) {
		char first[UI_TEXT_MAX];
		int w, h;
		snprintf(first, sizeof(first), "%.*s", (int)(colon - e->text + 1), e->text);
		if (lay_measure(l, first, size, true, &w, &h) && w <= width &&
		    lay_measure(l, colon + 2, size, true, &w, &h) && w <= width)
			return (size_t)(colon - e->text) + 1;
	}
	/* A line breaks after its last "·" or "," that fits, where it has
	 * one: "Meals: 1 week ·" over "best 1", not "best" over a lone "1". */
	for (size_t i = at; i > 1 && !e->heading; i--) {
		if (e->text[i] != ' ')
			continue;
		if (e->text[i - 1] == ',' || strncmp(&e->text[i - 2], "·", 2) == 0)
			return i;
	}
	return at;
}

/* How many lines ENTRY takes in WIDTH: 1, or 2 when it breaks. */
static int
lay_entry_lines(struct lay *l, const struct lay_entry *e, int width, bool wrap)
{
	return wrap && lay_entry_break(l, e, width) ? 2 : 1;
}

/* A line's height: the font's, or more where accents reach higher (É). */
static int
lay_entry_line_h(struct lay *l, const struct lay_entry *e)
{
	int size = lay_entry_px(l, e), w = 0, h = 0;
	int lh = lay_line_height(l, size, e->heading);
	if (lay_measure(l, e->text, size, e->heading, &w, &h) && h > lh)
		lh = h;
	return lh;
}

static int
lay_entry_height(struct lay *l, const struct lay_entry *e, int lines)
{
	return lines * (lay_entry_line_h(l, e) + px(l, 2));
}

/* The height N entries take in WIDTH. */
static int
lay_entries_height(struct lay *l, const struct lay_entry *e, int n, int width, bool wrap)
{
	int h = 0;
	for (int i = 0; i < n; i++)
		h += lay_entry_height(l, &e[i], lay_entry_lines(l, &e[i], width, wrap));
	return h;
}

/* Lays one entry at the column's next line(s); false when there is no room. */
static bool
lay_entry(struct lay *l, struct lay_col *c, const struct lay_entry *e, bool wrap)
{
	int size = lay_entry_px(l, e);
	unsigned flags = UI_TEXT_LEFT | (e->heading ? UI_TEXT_BOLD : 0);
	int lh = lay_entry_line_h(l, e);
	size_t at = wrap ? lay_entry_break(l, e, c->r.w) : 0;
	int lines = at ? 2 : 1;
	if (c->y + lines * lh + (lines - 1) * px(l, 2) > c->r.y + c->r.h)
		return false;
	struct ui_rect line = { c->r.x, c->y, c->r.w, lh };
	if (!at && e->heading) {
		lay_text_px(l, line, size, flags, e->color, e->text);
	} else if (!at) {
		lay_text_fixed(l, line, size, flags, e->color, e->text);
	} else {
		char first[UI_TEXT_MAX];
		snprintf(first, sizeof(first), "%.*s", (int)at, e->text);
		lay_text_fixed(l, line, size, flags, e->color, first);
		int indent = e->heading ? 0 : px(l, 16);
		line.y += lh + px(l, 2);
		line.x += indent;
		line.w -= indent;
		lay_text_fixed(l, line, size, flags, e->color, e->text + at + 1);
	}
	c->y += lines * (lh + px(l, 2));
	return true;
}

static void
lay_entry_set(struct lay_entry *e, bool heading, enum ui_color color, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
lay_entry_set(struct lay_entry *e, bool heading, enum ui_color color, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof(e->text), fmt, ap);
	va_end(ap);
	e->heading = heading;
	e->color = color;
}

#define LAY_MAX_ENTRIES 32

static void
lay_review_meals(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct lay_col c = { rect_inset(box, l->pad), box.y + l->pad };
	struct lay_entry head, tail[4], more;
	if (!r) {
		lay_entry_set(&head, true, UI_C_INK, "%s", _("Meals together"));
		lay_entry(l, &c, &head, false);
		return;
	}
	lay_entry_set(&head, true, UI_C_INK, _("Meals together: %d of %d"), r->meal_count, r->meal_goal);
	char len[32];
	fmt_minutes(r->walk_length, len, sizeof(len));
	lay_entry_set(&tail[0], true, UI_C_INK, _("Walks: %d of %d"), r->walk_count, r->walk_goal);
	if (r->walk_count)
		lay_entry_set(&tail[1], false, UI_C_INK, _("%s walking together"), len);
	else
		lay_entry_set(&tail[1], false, UI_C_INK, "%s", _("No walk yet"));
	lay_entry_set(&tail[2], true, UI_C_INK,
		      ngettext("Hugs: %d day", "Hugs: %d days", (unsigned long)r->hug_days), r->hug_days);
	lay_entry_set(&tail[3], false, UI_C_INK_DIM, "%s",
		      r->hug_days >= 7 ? _("Every day ♥") : _("One a day is the goal"));

	/* The meals, one entry each: "Fri Dinner · Anna, Ben, Chloé". */
	struct lay_entry meals[LAY_MAX_ENTRIES];
	int n = 0;
	for (size_t i = 0; i < r->nmeals && n < LAY_MAX_ENTRIES; i++) {
		const struct store_session *ss = &r->meals[i];
		char who[FT_MAX_SLOTS * (FT_NAME_MAX + 2)] = "";
		for (int k = 0; k < ss->nmembers; k++) {
			if (k)
				strcat(who, ", ");
			strcat(who, ss->members[k]);
		}
		lay_entry_set(&meals[n++], false, UI_C_INK, "%s %s · %s",
			      ui_weekday_short(cal_weekday(ss->s.date)), ui_meal_kind(ss->s.kind),
			      who[0] ? who : "–");
	}
	if (r->nmeals == 0)
		lay_entry_set(&meals[n++], false, UI_C_INK_DIM, "%s", _("No meal together yet"));

	/* Wrap only if every meal still shows that way. */
	bool wrap_rest = true;
	int space = c.r.h - lay_entries_height(l, &head, 1, c.r.w, true) -
		    lay_entries_height(l, tail, 4, c.r.w, true) - l->gap;
	bool wrap = lay_entries_height(l, meals, n, c.r.w, true) <= space;
	if (lay_entries_height(l, meals, n, c.r.w, false) > space) {
		/* Not even on one line each: nothing breaks, to show more. */
		wrap_rest = false;
		space = c.r.h - lay_entries_height(l, &head, 1, c.r.w, false) -
			lay_entries_height(l, tail, 4, c.r.w, false) - l->gap;
	}
	lay_entry(l, &c, &head, wrap_rest);
	struct lay_col list = { { c.r.x, c.y, c.r.w, space }, c.y };
	int line_h = lay_entry_height(l, &meals[0], 1);
	int shown = 0;
	for (int i = 0; i < n; i++) {
		/* Keep one line for "and N more" when the list is long. */
		if (i + 1 < n && list.y + lay_entry_height(l, &meals[i], 1) + line_h > list.r.y + list.r.h)
			break;
		if (!lay_entry(l, &list, &meals[i], wrap))
			break;
		shown++;
	}
	if (r->nmeals > 0 && shown < n) {
		lay_entry_set(&more, false, UI_C_INK_DIM, _("and %d more"), (int)(r->nmeals - (size_t)shown));
		lay_entry(l, &list, &more, false);
	}
	/* The walks and hugs right under the list. */
	c.y = list.y + l->gap;
	for (int i = 0; i < 4; i++)
		lay_entry(l, &c, &tail[i], wrap_rest);
}

static void
lay_review_summary(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct lay_col c = { rect_inset(box, l->pad), box.y + l->pad };
	if (!r)
		return;
	struct lay_entry e[LAY_MAX_ENTRIES];
	int n = 0;
	lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Rituals"));
	for (int i = 0; i < l->cfg->nrituals && i < r->nrituals && n < LAY_MAX_ENTRIES - 8; i++) {
		const struct ft_ritual *rt = &l->cfg->rituals[i];
		lay_entry_set(&e[n++], false, r->ritual_kept[i] ? UI_C_MEAL : UI_C_INK_DIM, "%s %s %s",
			      r->ritual_kept[i] ? "✓" : "·", ui_weekday_short(rt->weekday), rt->label);
	}
	if (l->cfg->nrituals == 0)
		lay_entry_set(&e[n++], false, UI_C_INK_DIM, "%s", _("None set"));
	lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Streaks"));
	lay_entry_set(&e[n++], false, UI_C_INK,
		      ngettext("Meals: %d week · best %d", "Meals: %d weeks · best %d",
			       (unsigned long)r->meal_streak.current),
		      r->meal_streak.current, r->meal_streak.best);
	lay_entry_set(&e[n++], false, UI_C_INK,
		      ngettext("Walks: %d week · best %d", "Walks: %d weeks · best %d",
			       (unsigned long)r->walk_streak.current),
		      r->walk_streak.current, r->walk_streak.best);
	lay_entry_set(&e[n++], false, UI_C_INK,
		      ngettext("Hugs: %d day · best %d", "Hugs: %d days · best %d",
			       (unsigned long)r->hug_streak.current),
		      r->hug_streak.current, r->hug_streak.best);
	if (r->rhythm_meals != HABITS_NO_RHYTHM) {
		lay_entry_set(&e[n++], true, UI_C_INK, "%s", _("Rhythm"));
		lay_entry_set(&e[n++], false, UI_C_INK, _("Meals %d%% · Walks %d%%"), r->rhythm_meals,
			      r->rhythm_walks);
	}
	bool wrap = lay_entries_height(l, e, n, c.r.w, true) <= c.r.h;
	for (int i = 0; i < n; i++)
		if (!lay_entry(l, &c, &e[i], wrap))
			break;
}

/* Twelve weeks of one habit as bars against its goal line. */
static void
lay_chart(struct lay *l, struct ui_rect box, const char *title, const int *counts,
	  const bool *away, int goal, enum ui_color c, enum ui_color soft)
{
	int title_h = lay_line_height(l, px(l, 15), true);
	struct ui_rect t = rect_cut_top(&box, title_h, px(l, 2));
	lay_text(l, t, 15, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK_DIM, "%s", title);
	int top = goal;
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++)
		if (counts[i] > top)
			top = counts[i];
	if (top <= 0)
		top = 1;
	top += top / 4 + 1; /* room above the goal line */
	for (int i = 0; i < REPORT_HISTORY_WEEKS; i++) {
		struct ui_rect col = rect_column(box, i, REPORT_HISTORY_WEEKS, px(l, 3));
		if (away[i]) {
			int h = px(l, 4);
			lay_rect(l, (struct ui_rect){ col.x, col.y + col.h - h, col.w, h }, UI_C_LINE, 0);
			continue;
		}
		int h = (int)((long)col.h * counts[i] / top);
		if (counts[i] > 0 && h < px(l, 3))
			h = px(l, 3);
		enum ui_color bar = counts[i] >= goal ? c : soft;
		if (i == REPORT_HISTORY_WEEKS - 1 && counts[i] < goal)
			bar = soft; /* this week, in progress */
		lay_rect(l, (struct ui_rect){ col.x, col.y + col.h - h, col.w, h }, bar, px(l, 3));
	}
	int gy = box.y + box.h - (int)((long)box.h * goal / top);
	lay_rect(l, (struct ui_rect){ box.x, gy, box.w, px(l, 2) > 1 ? px(l, 2) : 1 }, UI_C_INK_DIM, 0);
}

static void
lay_review_charts(struct lay *l, struct ui_rect box)
{
	const struct report *r = l->r;
	lay_card(l, box, UI_C_CARD);
	struct ui_rect in = rect_inset(box, l->pad);
	if (!r)
		return;
	int n = l->cfg->nslots;
	int line_h = lay_line_height(l, px(l, 15), false) + px(l, 2);
	int head_h = lay_line_height(l, px(l, 18), true) + px(l, 2);
	int per_line = 2;
	int lines = (n + per_line - 1) / per_line;
	struct ui_rect who = rect_cut_bottom(&in, head_h + lines * line_h, l->gap);
	struct ui_rect meals = rect_row(in, 0, 2, l->gap);
	struct ui_rect walks = rect_row(in, 1, 2, l->gap);
	char title[96];
	snprintf(title, sizeof(title), _("Meals, 12 weeks (goal %d)"), r->meal_goal);
	lay_chart(l, meals, title, r->history_meals, r->history_away, r->meal_goal, UI_C_MEAL,
		  UI_C_MEAL_SOFT);
	snprintf(title, sizeof(title), _("Walks, 12 weeks (goal %d)"), r->walk_goal);
	lay_chart(l, walks, title, r->history_walks, r->history_away, r->walk_goal, UI_C_WALK,
		  UI_C_WALK_SOFT);

	struct lay_col c = { who, who.y };
	struct lay_entry head;
	lay_entry_set(&head, true, UI_C_INK, "%s", _("Phones down at meals"));
	lay_entry(l, &c, &head, false);
	struct ui_rect row;
	for (int i = 0; i < lines; i++) {
		if (!lay_col_line(l, &c, LAY_LINE_PX, false, &row))
			break;
		for (int k = 0; k < per_line; k++) {
			int slot = i * per_line + k + 1;
			if (slot > n)
				break;
			char name[FT_NAME_MAX], text[FT_NAME_MAX + 16];
			snprintf(text, sizeof(text), "%s %d", config_slot_name(l->cfg, slot, name),
				 r->docked_meals[slot - 1]);
			lay_text_fixed(l, rect_column(row, k, per_line, l->gap), px(l, LAY_LINE_PX),
				       UI_TEXT_LEFT, UI_C_INK, text);
		}
	}
}

/* "Week 49 · 30 November – 6 December" on one line where it fits at its
 * size; else the week in bold over its dates (split at the translated
 * title's first " · "), rather than one line shrunk small. */
static void
lay_review_title(struct lay *l, struct ui_rect box, const char *title)
{
	int size = px(l, 26), w, h;
	const char *dot = strstr(title, " · ");
	if (!lay_measure(l, title, size, true, &w, &h) || w <= box.w || !dot) {
		lay_text_px(l, box, size, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, title);
		return;
	}
	char week[UI_TEXT_MAX];
	snprintf(week, sizeof(week), "%.*s", (int)(dot - title), title);
	const char *dates = dot + strlen(" · ");
	int small = px(l, 18);
	int h1 = lay_line_height(l, size, true), h2 = lay_line_height(l, small, false);
	struct ui_rect a = { box.x, box.y + (box.h - h1 - h2) / 2, box.w, h1 };
	struct ui_rect b = { box.x, a.y + h1, box.w, h2 };
	lay_text_px(l, a, size, UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, week);
	lay_text_px(l, b, small, UI_TEXT_LEFT, UI_C_INK_DIM, dates);
}

static void
lay_review(struct lay *l, struct ui_rect r)
{
	const struct ui_model *m = l->m;
	const struct report *rep = l->r;
	char title[96];
	if (rep) {
		struct cal_date a = cal_date_from_day(rep->from_day), b = cal_date_from_day(rep->to_day);
		/* TRANSLATORS: "Week 49 · 30 November – 6 December" */
		snprintf(title, sizeof(title), _("Week %d · %d %s – %d %s"),
			 atoi(rep->week_name + 6), a.day, ui_month_long(a.month), b.day,
			 ui_month_long(b.month));
	} else {
		snprintf(title, sizeof(title), "%s", _("This week"));
	}
	struct ui_rect top = rect_cut_top(&r, l->target, l->gap);
	struct ui_rect close = { top.x + top.w - px(l, 150), top.y, px(l, 150), top.h };
	lay_review_title(l, (struct ui_rect){ top.x, top.y, top.w - close.w - l->gap, top.h }, title);
	lay_button(l, close, _("Close"), UI_ACT_REVIEW_CLOSE, 0, false);

	/* Portrait: the three are narrow, their labels go on two lines; the
	 * row is a little taller for it (there is room below the charts). */
	struct ui_rect buttons = rect_cut_bottom(&r, l->portrait ? l->target * 5 / 4 : l->target,
						 l->gap);
	struct lay_button_spec btn[] = {
		{ m->reviewed ? _("Reviewed ✓") : _("Week reviewed"), UI_ACT_REVIEW_DONE, !m->reviewed },
		{ m->next_away ? _("Next week: away ✓") : _("Next week away"), UI_ACT_REVIEW_AWAY, false },
		{ m->rituals_confirmed ? _("Rituals set ✓") : _("Keep our rituals"),
		  UI_ACT_REVIEW_RITUALS, false },
	};
	lay_button_row(l, buttons, btn, 3);

	if (!l->portrait) {
		struct ui_rect a = rect_cut_left(&r, r.w * 35 / 100, l->gap);
		struct ui_rect b = rect_cut_left(&r, r.w * 45 / 100, l->gap);
		lay_review_meals(l, a);
		lay_review_summary(l, b);
		lay_review_charts(l, r);
	} else {
		struct ui_rect upper = rect_cut_top(&r, r.h * 48 / 100, l->gap);
		lay_review_meals(l, rect_column(upper, 0, 2, l->gap));
		lay_review_summary(l, rect_column(upper, 1, 2, l->gap));
		lay_review_charts(l, r);
	}
}

/* --- overlays and entry ------------------------------------------------ */

static void
lay_confirm(struct lay *l)
{
	const struct ui_model *m = l->m;
	struct ui_rect all = { 0, 0, l->f->w, l->f->h };
	lay_rect(l, all, UI_C_SCRIM, 0);
	lay_target(l, all, UI_ACT_NONE, 0); /* taps beside the card do nothing */
	int w = l->f->w * 85 / 100, h = px(l, 220);
	if (w > px(l, 620))
		w = px(l, 620);
	struct ui_rect card = { (l->f->w - w) / 2, (l->f->h - h) / 2, w, h };
	lay_card(l, card, UI_C_CARD);
	struct ui_rect in = rect_inset(card, l->pad * 2);
	struct ui_rect buttons = rect_cut_bottom(&in, l->target, l->gap);
	lay_text(l, in, 22, 0, UI_C_INK, "%s", m->confirm_text ? m->confirm_text : "");
	bool undo = m->confirm == UI_CONFIRM_UNDO;
	struct lay_button_spec b[] = {
		{ undo ? _("Keep it") : _("Cancel"), UI_ACT_CONFIRM_NO, false },
		{ undo ? _("Remove") : _("Yes"), UI_ACT_CONFIRM_YES, true },
	};
	lay_button_row(l, buttons, b, 2);
}

void
ui_layout(struct ui_fonts *fonts, const struct ui_model *m, enum ui_screen screen, int w, int h,
	  struct ui_frame *out)
{
	out->w = w;
	out->h = h;
	out->screen = screen;
	out->nitems = 0;
	out->ntargets = 0;
	out->overflow = false;
	struct lay l = {
		.f = out, .fonts = fonts, .m = m, .cfg = m->cfg, .r = m->report,
		.portrait = h > w,
	};
	l.s = l.portrait ? fminf(w / 480.0f, h / 800.0f) : fminf(w / 800.0f, h / 480.0f);
	out->scale = l.s;
	l.gap = px(&l, 8);
	l.pad = px(&l, 10);
	l.target = px(&l, 64); /* 60 at the least, a little more to be kind */

	struct ui_rect r = rect_inset((struct ui_rect){ 0, 0, w, h }, px(&l, 10));
	if (screen != UI_GLANCE)
		r = lay_banners(&l, r); /* the glance shows them in its header */
	switch (screen) {
	case UI_GLANCE:
		lay_glance(&l, r);
		break;
	case UI_MEAL:
		lay_meal(&l, r);
		break;
	case UI_WALK:
		lay_walk(&l, r);
		break;
	case UI_HUG:
		lay_hug(&l, r);
		break;
	case UI_REVIEW:
		lay_review(&l, r);
		break;
	case UI_SCREEN_COUNT:
		break;
	}
	if (m->confirm != UI_CONFIRM_NONE)
		lay_confirm(&l);
}

const struct ui_target *
ui_hit(const struct ui_frame *f, int x, int y)
{
	for (int i = f->ntargets - 1; i >= 0; i--) {
		const struct ui_rect *b = &f->targets[i].box;
		if (x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h)
			return &f->targets[i];
	}
	return NULL;
}
