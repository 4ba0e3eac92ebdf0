/*
 * ui_layout.c - the pieces the screens are laid out with (rectangles,
 * cards, targets; text and buttons are ui_layout_text.c's), what the
 * screens say (times, dates, streaks, figures), and ui_layout(), which lays
 * out one screen (src/screen_*.c) and its overlays.
 *
 * Every screen is built from the same few pieces (cards, lines of text
 * fitted to their box, buttons that are also touch targets) inside a content
 * rectangle, so the 800x480 panel, the wider 1024x600 and 1280x720 ones and a
 * portrait 720x1280 share one code path; only the arrangement of the blocks
 * differs between landscape and portrait. Sizes scale with `s` (1 at
 * 800x480), and a touch target is never smaller than 60*s pixels.
 */
#include <libintl.h>
#include <math.h>
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

struct ui_item *
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
