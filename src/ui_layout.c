/*
 * ui_layout.c - the primitives the five screens are laid out with, and
 * ui_layout(), which lays out one screen (src/screen_*.c) and its overlays.
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
#include "ui_layout.h"

#define _(s) gettext(s)

int
lay_px(const struct lay *l, float v)
{
	return (int)lroundf(v * l->s);
}

struct ui_rect
ui_rect_inset(struct ui_rect r, int d)
{
	return (struct ui_rect){ r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d };
}

/* Cut a band off the top (or bottom, with h < 0) of *r. */
struct ui_rect
ui_rect_cut_top(struct ui_rect *r, int h, int gap)
{
	if (h > r->h)
		h = r->h;
	struct ui_rect top = { r->x, r->y, r->w, h };
	r->y += h + gap;
	r->h -= h + gap;
	return top;
}

struct ui_rect
ui_rect_cut_bottom(struct ui_rect *r, int h, int gap)
{
	if (h > r->h)
		h = r->h;
	struct ui_rect bottom = { r->x, r->y + r->h - h, r->w, h };
	r->h -= h + gap;
	return bottom;
}

struct ui_rect
ui_rect_cut_left(struct ui_rect *r, int w, int gap)
{
	if (w > r->w)
		w = r->w;
	struct ui_rect left = { r->x, r->y, w, r->h };
	r->x += w + gap;
	r->w -= w + gap;
	return left;
}

/* Column I of N equal columns of R, GAP between them. */
struct ui_rect
ui_rect_column(struct ui_rect r, int i, int n, int gap)
{
	int w = (r.w - gap * (n - 1)) / n;
	return (struct ui_rect){ r.x + i * (w + gap), r.y, w, r.h };
}

struct ui_rect
ui_rect_row(struct ui_rect r, int i, int n, int gap)
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

void
lay_rect(struct lay *l, struct ui_rect box, enum ui_color c, int radius)
{
	struct ui_item *it = lay_item(l, UI_ITEM_RECT, box, c);
	if (it)
		it->radius = radius;
}

void
lay_card(struct lay *l, struct ui_rect box, enum ui_color c)
{
	lay_rect(l, box, c, lay_px(l, 14));
}

void
lay_disc(struct lay *l, struct ui_rect box, enum ui_color c)
{
	lay_item(l, UI_ITEM_DISC, box, c);
}

void
lay_ring(struct lay *l, struct ui_rect box, int thickness, float fraction, enum ui_color c)
{
	struct ui_item *it = lay_item(l, UI_ITEM_RING, box, c);
	if (it) {
		it->radius = thickness;
		it->fraction = fraction;
	}
}

void
lay_target(struct lay *l, struct ui_rect box, enum ui_action action, int arg)
{
	struct ui_frame *f = l->f;
	if (f->ntargets >= UI_MAX_TARGETS) {
		f->overflow = true;
		return;
	}
	f->targets[f->ntargets++] = (struct ui_target){ box, action, arg };
}

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

/* --- what the screens say -------------------------------------------- */

void
lay_fmt_clock(ft_ms t, char out[8])
{
	cal_format_hhmm(t, out);
}

void
lay_fmt_date(ft_ms t, char *out, size_t size)
{
	int64_t day = cal_day_of(t);
	struct cal_date d = cal_date_from_day(day);
	/* TRANSLATORS: weekday, day of the month, month: "Monday 30 November". */
	snprintf(out, size, _("%1$s %2$d %3$s"), ui_weekday_long(cal_weekday(day)), d.day,
		 ui_month_long(d.month));
	/* a heading starts with a capital, though French writes its weekdays
	 * in lower case ("Dimanche 6 décembre"); every weekday name of the
	 * catalogues starts with an ASCII letter */
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

void
lay_fmt_minutes(ft_ms length, char *out, size_t size)
{
	long minutes = (long)(length / FT_MINUTE);
	if (minutes < 60)
		snprintf(out, size, _("%ld min"), minutes);
	else
		snprintf(out, size, _("%ld h %02ld"), minutes / 60, minutes % 60);
}

const char *
lay_streak_text(const struct streak *st, char *out, size_t size)
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
		struct ui_rect b = ui_rect_cut_top(&r, lay_px(l, 34), lay_px(l, 4));
		lay_rect(l, b, UI_C_BANNER, lay_px(l, 8));
		const char *msg = l->m->banners[i];
		if (i == 1 && l->m->nbanners > 2)
			lay_label(l, ui_rect_inset(b, lay_px(l, 6)), 16, 0, UI_C_ON_BANNER,
				  ngettext("%s (and %d more)", "%s (and %d more)",
					   (unsigned long)(l->m->nbanners - 2)),
				  msg, l->m->nbanners - 2);
		else /* two lines when one would cut the cause off */
			lay_label(l, ui_rect_inset(b, lay_px(l, 6)), 16, 0, UI_C_ON_BANNER, "%s", msg);
	}
	return r;
}

/* The big count and its goal beside it, bottom-aligned, centred in BOX. */
void
lay_figure(struct lay *l, struct ui_rect box, int count, int goal, enum ui_color c)
{
	char big[16], small[16];
	snprintf(big, sizeof(big), "%d", count);
	snprintf(small, sizeof(small), "/%d", goal);
	int big_px = (int)(box.h / 1.17f); /* DejaVu's line height is ~1.17 em */
	int small_px = big_px / 3;
	int bw = 0, bh = 0, sw = 0, sh = 0; /* 0 when a size cannot be measured */
	lay_measure(l, big, big_px, true, &bw, &bh);
	lay_measure(l, small, small_px, false, &sw, &sh);
	int total = bw + sw + lay_px(l, 4);
	if (total > box.w) {
		/* Shrink both together (a two-digit count in a narrow tile). */
		float k = (float)box.w / (float)total;
		big_px = (int)(big_px * k);
		small_px = (int)(small_px * k);
		lay_measure(l, big, big_px, true, &bw, &bh);
		lay_measure(l, small, small_px, false, &sw, &sh);
		total = bw + sw + lay_px(l, 4);
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
	struct ui_rect sb = { x + bw + lay_px(l, 4), sy, sw, sh };
	lay_text_px(l, bb, big_px, UI_TEXT_BOLD | UI_TEXT_FIGURE | UI_TEXT_LEFT, c, big);
	lay_text_px(l, sb, small_px, UI_TEXT_LEFT, UI_C_INK_DIM, small);
}

void
lay_back_row(struct lay *l, struct ui_rect *r, const char *title)
{
	struct ui_rect top = ui_rect_cut_top(r, l->target, l->gap);
	struct ui_rect home = { top.x + top.w - lay_px(l, 150), top.y, lay_px(l, 150), top.h };
	lay_text(l, (struct ui_rect){ top.x, top.y, top.w - home.w - l->gap, top.h }, 28,
		 UI_TEXT_LEFT | UI_TEXT_BOLD, UI_C_INK, "%s", title);
	lay_button(l, home, _("Home"), UI_ACT_GO_GLANCE, 0, false);
}

/* --- overlays and entry ------------------------------------------------ */

static void
lay_confirm(struct lay *l)
{
	const struct ui_model *m = l->m;
	struct ui_rect all = { 0, 0, l->f->w, l->f->h };
	lay_rect(l, all, UI_C_SCRIM, 0);
	lay_target(l, all, UI_ACT_NONE, 0); /* taps beside the card do nothing */
	int w = l->f->w * 85 / 100, h = lay_px(l, 220);
	if (w > lay_px(l, 620))
		w = lay_px(l, 620);
	struct ui_rect card = { (l->f->w - w) / 2, (l->f->h - h) / 2, w, h };
	lay_card(l, card, UI_C_CARD);
	struct ui_rect in = ui_rect_inset(card, l->pad * 2);
	struct ui_rect buttons = ui_rect_cut_bottom(&in, l->target, l->gap);
	/* a question may take two lines */
	lay_label(l, in, 22, 0, UI_C_INK, "%s", m->confirm_text ? m->confirm_text : "");
	/* removing something: the coloured answer is the one that keeps it */
	bool mistake = m->confirm == UI_CONFIRM_WALK_MISTAKE;
	bool removes = m->confirm == UI_CONFIRM_UNDO || m->confirm == UI_CONFIRM_REMOVE || mistake ||
		       m->confirm == UI_CONFIRM_RITUAL_REMOVE || m->confirm == UI_CONFIRM_WINDOW_REMOVE ||
		       m->confirm == UI_CONFIRM_REMOVE_NAME;
	const char *no = mistake ? _("No, keep it") : removes ? _("Keep it") : _("Cancel");
	const char *yes = mistake ? _("Yes, remove it") : removes ? _("Remove") : _("Yes");
	struct lay_button_spec b[] = {
		{ no, UI_ACT_CONFIRM_NO, removes },
		{ yes, UI_ACT_CONFIRM_YES, !removes },
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
	out->keys = (struct ui_rect){ 0, 0, 0, 0 };
	struct lay l = {
		.f = out, .fonts = fonts, .m = m, .cfg = m->cfg, .r = m->report,
		.portrait = h > w,
	};
	l.s = l.portrait ? fminf(w / 480.0f, h / 800.0f) : fminf(w / 800.0f, h / 480.0f);
	out->scale = l.s;
	l.gap = lay_px(&l, 8);
	l.pad = lay_px(&l, 10);
	l.target = lay_px(&l, 64); /* 60 at the least, a little more to be kind */

	struct ui_rect r = ui_rect_inset((struct ui_rect){ 0, 0, w, h }, lay_px(&l, 10));
	if (screen != UI_GLANCE)
		r = lay_banners(&l, r); /* the glance shows them in its header */
	/* the review and its two pages show the week the family chose */
	if ((screen == UI_REVIEW || screen == UI_TOGETHER || screen == UI_YEAR) && m->review)
		l.r = m->review;
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
	case UI_SETTINGS:
		lay_settings(&l, r);
		break;
	case UI_FIXES:
		lay_fixes(&l, r);
		break;
	case UI_CALL_WHO:
		lay_call_who(&l, r);
		break;
	case UI_CALL_WHOM:
		lay_call_whom(&l, r);
		break;
	case UI_KEYBOARD:
		lay_keyboard(&l, r);
		break;
	case UI_FAMILY:
		lay_family(&l, r);
		break;
	case UI_TOGETHER:
		lay_together(&l, r);
		break;
	case UI_YEAR:
		lay_year(&l, r);
		break;
	case UI_FIRSTBOOT_LANGUAGE:
		lay_firstboot_language(&l, r);
		break;
	case UI_FIRSTBOOT_REGION:
		lay_firstboot_region(&l, r);
		break;
	case UI_FIRSTBOOT_CITY:
		lay_firstboot_city(&l, r);
		break;
	case UI_FIRSTBOOT_FAMILY:
		lay_firstboot_family(&l, r);
		break;
	case UI_FIRSTBOOT_GOALS:
		lay_firstboot_goals(&l, r);
		break;
	case UI_FIRSTBOOT_RITUALS:
		lay_firstboot_rituals(&l, r);
		break;
	case UI_RITUALS: lay_rituals(&l, r); break;
	case UI_RITUAL: lay_ritual(&l, r); break;
	case UI_WINDOWS: lay_windows(&l, r); break;
	case UI_WINDOW: lay_window(&l, r); break;
	case UI_SCREEN_CLOCK: lay_screen_clock(&l, r); break;
	case UI_ZONE_REGION: lay_zone_region(&l, r); break;
	case UI_ZONE_CITY: lay_zone_city(&l, r); break;
	case UI_ADD_WALK: lay_add_walk(&l, r); break;
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
