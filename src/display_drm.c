/*
 * display_drm.c - the picture through a DRM dumb buffer (display_drm.h).
 *
 * The map of the file: the pure choices (connector, mode), finding a card
 * and its connector and CRTC, the two dumb buffers, the modeset, and the
 * present: the SDL surface the screens are drawn into is copied into the
 * buffer not on screen, which is flipped to at the next vertical blank
 * (the completion event is read on the app's poll() loop).
 *
 * Why a copy rather than drawing straight into the buffer: dumb buffers are
 * write-combined or uncached memory on most drivers (the Pi's vc4 among
 * them), and SDL's software renderer reads what it blends text onto; one
 * sequential copy of 1.5 MB a frame (a few a minute) is cheaper than reading
 * uncached memory, and one renderer keeps one cache of text textures.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <xf86drm.h>
#include <xf86drmMode.h>

#include "clock.h"
#include "display_drm.h"
#include "log.h"

#define DRM_MAX_CARDS 8
/* A flip not completed after this long is taken as lost: the module stops
 * flipping rather than freeze the picture (ms). */
#define DRM_FLIP_LOST 1000

struct drm_buffer {
	uint32_t handle, fb, pitch;
	uint64_t size;
	uint8_t *map;
};

struct display_drm {
	int fd;
	uint32_t conn_id, crtc_id;
	drmModeModeInfo mode;
	drmModeCrtc *saved;        /* the CRTC as found (the console), put back at close */
	struct drm_buffer buf[2];
	int front;                 /* the buffer on screen */
	bool can_flip;             /* watched on the loop and the driver flips */
	bool flip_pending;         /* a flip asked for, its event not read yet */
	ft_ms flip_at;             /* mono: when it was asked for */
	bool want;                 /* a picture came while a flip was pending */
	SDL_Surface *surface;
	struct poller_source *src;
	char describe[96];
};

/* --- the choices ------------------------------------------------------------ */

int
display_drm_pick_connector(const struct display_drm_conn *c, int n)
{
	int first = -1;
	for (int i = 0; i < n; i++) {
		if (!c[i].connected || c[i].nmodes <= 0)
			continue;
		if (c[i].builtin)
			return i;
		if (first < 0)
			first = i;
	}
	return first;
}

int
display_drm_pick_mode(const struct display_drm_mode *m, int n, int w, int h)
{
	int best = -1;
	if (w > 0 && h > 0) {
		for (int i = 0; i < n; i++)
			if (m[i].w == w && m[i].h == h &&
			    (best < 0 || (m[i].preferred && !m[best].preferred) ||
			     (m[i].preferred == m[best].preferred && m[i].refresh > m[best].refresh)))
				best = i;
		if (best >= 0)
			return best;
	}
	for (int i = 0; i < n; i++)
		if (m[i].preferred)
			return i;
	for (int i = 0; i < n; i++) {
		long area = (long)m[i].w * m[i].h;
		long best_area = best < 0 ? -1 : (long)m[best].w * m[best].h;
		if (area > best_area || (area == best_area && m[i].refresh > m[best].refresh))
			best = i;
	}
	return best;
}

/* --- finding the card -------------------------------------------------------- */

static bool
conn_builtin(uint32_t type)
{
	return type == DRM_MODE_CONNECTOR_DSI || type == DRM_MODE_CONNECTOR_DPI ||
	       type == DRM_MODE_CONNECTOR_LVDS || type == DRM_MODE_CONNECTOR_eDP;
}

/* The connector of RES that shows the table, or NULL (the caller frees it). */
static drmModeConnector *
find_connector(int fd, const drmModeRes *res)
{
	struct display_drm_conn c[64];
	int n = res->count_connectors < 64 ? res->count_connectors : 64;
	for (int i = 0; i < n; i++) {
		drmModeConnector *k = drmModeGetConnector(fd, res->connectors[i]);
		c[i] = (struct display_drm_conn){ 0 };
		if (k) {
			c[i].connected = k->connection == DRM_MODE_CONNECTED;
			c[i].builtin = conn_builtin(k->connector_type);
			c[i].nmodes = k->count_modes;
			drmModeFreeConnector(k);
		}
	}
	int pick = display_drm_pick_connector(c, n);
	return pick < 0 ? NULL : drmModeGetConnector(fd, res->connectors[pick]);
}

/* A CRTC that can drive CONN: the one it is on (the console's), else the
 * first its encoders can reach. 0 when none. */
static uint32_t
find_crtc(int fd, const drmModeRes *res, const drmModeConnector *conn)
{
	if (conn->encoder_id) {
		drmModeEncoder *e = drmModeGetEncoder(fd, conn->encoder_id);
		uint32_t id = e ? e->crtc_id : 0;
		drmModeFreeEncoder(e);
		if (id)
			return id;
	}
	for (int i = 0; i < conn->count_encoders; i++) {
		drmModeEncoder *e = drmModeGetEncoder(fd, conn->encoders[i]);
		if (!e)
			continue;
		for (int j = 0; j < res->count_crtcs && j < 32; j++) {
			if (e->possible_crtcs & (1u << j)) {
				drmModeFreeEncoder(e);
				return res->crtcs[j];
			}
		}
		drmModeFreeEncoder(e);
	}
	return 0;
}

/* Opens card N under DIR when it has a connected connector; -1 else. */
static int
open_card(const char *dir, int n, drmModeRes **res, drmModeConnector **conn)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/card%d", dir, n);
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -1;
	*res = drmModeGetResources(fd); /* NULL: a render-only card */
	*conn = *res ? find_connector(fd, *res) : NULL;
	if (!*conn) {
		drmModeFreeResources(*res);
		*res = NULL;
		close(fd);
		return -1;
	}
	return fd;
}

bool
display_drm_available(const char *dir)
{
	for (int n = 0; n < DRM_MAX_CARDS; n++) {
		drmModeRes *res;
		drmModeConnector *conn;
		int fd = open_card(dir, n, &res, &conn);
		if (fd < 0)
			continue;
		drmModeFreeConnector(conn);
		drmModeFreeResources(res);
		close(fd);
		return true;
	}
	return false;
}

/* --- the buffers --------------------------------------------------------------- */

static bool
buffer_create(int fd, int w, int h, struct drm_buffer *b)
{
	struct drm_mode_create_dumb create = { .width = (uint32_t)w, .height = (uint32_t)h, .bpp = 32 };
	if (drmIoctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, &create) < 0)
		return false;
	b->handle = create.handle;
	b->pitch = create.pitch;
	b->size = create.size;
	if (drmModeAddFB(fd, (uint32_t)w, (uint32_t)h, 24, 32, b->pitch, b->handle, &b->fb) < 0)
		return false;
	struct drm_mode_map_dumb map = { .handle = b->handle };
	if (drmIoctl(fd, DRM_IOCTL_MODE_MAP_DUMB, &map) < 0)
		return false;
	void *p = mmap(NULL, b->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)map.offset);
	if (p == MAP_FAILED)
		return false;
	b->map = p;
	memset(b->map, 0, b->size); /* black until the first frame */
	return true;
}

static void
buffer_destroy(int fd, struct drm_buffer *b)
{
	if (b->map)
		munmap(b->map, b->size);
	if (b->fb)
		drmModeRmFB(fd, b->fb);
	if (b->handle) {
		struct drm_mode_destroy_dumb destroy = { .handle = b->handle };
		drmIoctl(fd, DRM_IOCTL_MODE_DESTROY_DUMB, &destroy);
	}
	memset(b, 0, sizeof(*b));
}

/* --- open, close ------------------------------------------------------------------ */

struct display_drm *
display_drm_open(const char *dir, int w, int h, struct ft_error *err)
{
	struct display_drm *d = calloc(1, sizeof(*d));
	drmModeRes *res = NULL;
	drmModeConnector *conn = NULL;
	int n;
	if (!d) {
		ft_fail(err, "out of memory");
		return NULL;
	}
	d->fd = -1;
	for (n = 0; n < DRM_MAX_CARDS && d->fd < 0; n++)
		d->fd = open_card(dir, n, &res, &conn);
	if (d->fd < 0) {
		ft_fail(err, "%s: no DRM card with a connected screen", dir);
		goto fail;
	}
	n--;
	/* The first to open a card is its master; a desktop or another
	 * program showing the console already is, and keeps it. */
	if (!drmIsMaster(d->fd) && drmSetMaster(d->fd) < 0) {
		ft_fail(err, "%s/card%d: cannot be its DRM master (another program shows the screen?): %s",
			dir, n, strerror(errno));
		goto fail;
	}
	struct display_drm_mode modes[128];
	int nmodes = conn->count_modes < 128 ? conn->count_modes : 128;
	for (int i = 0; i < nmodes; i++)
		modes[i] = (struct display_drm_mode){ conn->modes[i].hdisplay, conn->modes[i].vdisplay,
						      (int)conn->modes[i].vrefresh,
						      (conn->modes[i].type & DRM_MODE_TYPE_PREFERRED) != 0 };
	int pick = display_drm_pick_mode(modes, nmodes, w, h);
	d->crtc_id = find_crtc(d->fd, res, conn);
	if (pick < 0 || !d->crtc_id) {
		ft_fail(err, "%s/card%d: its screen has %s", dir, n, pick < 0 ? "no mode" : "no CRTC free");
		goto fail;
	}
	d->mode = conn->modes[pick];
	d->conn_id = conn->connector_id;
	snprintf(d->describe, sizeof(d->describe), "card%d %s-%u %ux%u@%u", n,
		 drmModeGetConnectorTypeName(conn->connector_type) ? drmModeGetConnectorTypeName(conn->connector_type) : "?",
		 conn->connector_type_id, d->mode.hdisplay, d->mode.vdisplay, d->mode.vrefresh);
	int mw = d->mode.hdisplay, mh = d->mode.vdisplay;
	for (int i = 0; i < 2; i++) {
		if (!buffer_create(d->fd, mw, mh, &d->buf[i])) {
			ft_fail(err, "%s/card%d: cannot make a %dx%d dumb buffer: %s", dir, n, mw, mh,
				strerror(errno));
			goto fail;
		}
	}
	d->surface = SDL_CreateRGBSurfaceWithFormat(0, mw, mh, 32, SDL_PIXELFORMAT_XRGB8888);
	if (!d->surface) {
		ft_fail(err, "SDL: %s", SDL_GetError());
		goto fail;
	}
	d->saved = drmModeGetCrtc(d->fd, d->crtc_id);
	if (drmModeSetCrtc(d->fd, d->crtc_id, d->buf[0].fb, 0, 0, &d->conn_id, 1, &d->mode) < 0) {
		ft_fail(err, "%s/card%d: cannot set the mode %ux%u: %s", dir, n, d->mode.hdisplay,
			d->mode.vdisplay, strerror(errno));
		goto fail;
	}
	drmModeFreeConnector(conn);
	drmModeFreeResources(res);
	return d;
fail:
	drmModeFreeConnector(conn);
	drmModeFreeResources(res);
	display_drm_close(d);
	return NULL;
}

void
display_drm_close(struct display_drm *d)
{
	if (!d)
		return;
	if (d->src)
		poller_remove(d->src);
	if (d->saved) {
		/* the console back as it was (fbcon's buffer, its mode) */
		if (d->saved->mode_valid)
			drmModeSetCrtc(d->fd, d->saved->crtc_id, d->saved->buffer_id, d->saved->x,
				       d->saved->y, &d->conn_id, 1, &d->saved->mode);
		drmModeFreeCrtc(d->saved);
	}
	for (int i = 0; i < 2; i++)
		buffer_destroy(d->fd, &d->buf[i]);
	if (d->surface)
		SDL_FreeSurface(d->surface);
	if (d->fd >= 0) {
		drmDropMaster(d->fd);
		close(d->fd);
	}
	free(d);
}

SDL_Surface *
display_drm_surface(struct display_drm *d)
{
	return d->surface;
}

const char *
display_drm_describe(const struct display_drm *d)
{
	return d->describe;
}

/* --- present ---------------------------------------------------------------------- */

static void
copy_to(const struct display_drm *d, const struct drm_buffer *b)
{
	const SDL_Surface *s = d->surface;
	size_t row = (size_t)s->w * 4;
	for (int y = 0; y < s->h; y++)
		memcpy(b->map + (size_t)y * b->pitch, (const uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch,
		       row);
}

void
display_drm_present(struct display_drm *d)
{
	if (d->flip_pending && clock_mono_ms() - d->flip_at > DRM_FLIP_LOST) {
		log_warn("display: %s: a page flip never completed: drawing into the buffer on screen",
			 d->describe);
		d->flip_pending = false;
		d->can_flip = false;
	}
	if (d->flip_pending) {
		d->want = true; /* flipped to when the pending one completes */
		return;
	}
	if (d->can_flip) {
		int back = 1 - d->front;
		copy_to(d, &d->buf[back]);
		if (drmModePageFlip(d->fd, d->crtc_id, d->buf[back].fb, DRM_MODE_PAGE_FLIP_EVENT, d) == 0) {
			d->front = back;
			d->flip_pending = true;
			d->flip_at = clock_mono_ms();
			return;
		}
		log_warn("display: %s: no page flip (%s): drawing into the buffer on screen",
			 d->describe, strerror(errno));
		d->can_flip = false;
	}
	copy_to(d, &d->buf[d->front]);
	/* drivers that scan out of memory need telling what changed; the
	 * others answer ENOSYS */
	drmModeDirtyFB(d->fd, d->buf[d->front].fb, NULL, 0);
}

static void
on_flip(int fd, unsigned int frame, unsigned int sec, unsigned int usec, void *data)
{
	struct display_drm *d = data;
	d->flip_pending = false;
	if (d->want) {
		d->want = false;
		display_drm_present(d);
	}
}

static void
on_card(int fd, short revents, void *data)
{
	drmEventContext ev = { .version = 2, .page_flip_handler = on_flip };
	drmHandleEvent(fd, &ev);
}

bool
display_drm_watch(struct display_drm *d, struct poller *poller)
{
	if (d->src)
		return true;
	d->src = poller_add_fd(poller, d->fd, POLLIN, on_card, d);
	/* unwatched, a flip's event would never be read: copy in place */
	d->can_flip = d->src != NULL;
	return d->src != NULL;
}
