/*
 * display_x11.c - presenting to an X11 window ourselves, through MIT-SHM,
 * with no round trip per frame (display_x11.h says why: SDL's XSync after
 * every put was the idle display's second wakeup a minute).
 *
 * SDL keeps drawing: its software renderer draws into the window's surface
 * (SDL's own framebuffer), and instead of SDL_RenderPresent, which would
 * put it and wait for the server, we flush the renderer's queued drawing,
 * copy the surface into a shared-memory XImage of the window's visual and
 * send XShmPutImage then XFlush: the request is on its way and nothing
 * waits for an answer.
 *
 * The price of not waiting: the server reads the shared image some time
 * after the request is sent, so the image must not be written again before
 * it has been read. Before it is written:
 * - if the server has answered anything sent after its last put (an event,
 *   such as a finger's, or a reply: Xlib's LastKnownRequestProcessed), it
 *   was read: the server handles a client's requests in order;
 * - else if that put is over a second old (X11_READ_MS), it was read long
 *   ago: the idle display, a minute later, waits for nothing;
 * - else (frames in quick succession) XSync, which waits until the server
 *   has handled every request sent: at most the round trip per frame that
 *   SDL made on every frame.
 * A server stalled over a second in the middle of reading the image would
 * show a frame with parts of the next: drawn over again at the next change.
 *
 * One image, not two taking turns (which would spare half of those syncs
 * while frames come quickly): each is 1.5 MB resident at 800x480 beside
 * SDL's own framebuffer, and a second one took the display over its memory
 * goal (make bench: peak_rss_kb 31,020 KiB with two, 27,890 with SDL
 * presenting, goal 30,000).
 *
 * Attaching a segment fails on a remote display (ssh -X: the segment is on
 * this machine) or a server that may not read it: the display name is
 * checked first, the attach's error is trapped, and SDL presents then.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include <SDL_syswm.h>

#include "clock.h"
#include "display_x11.h"
#include "log.h"

#if defined(SDL_VIDEO_DRIVER_X11)

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/Xproto.h>
#include <X11/extensions/shmproto.h> /* X_ShmAttach (needs Xproto.h) */

/* How long after a put the server has surely read its image (see above). */
#define X11_READ_MS 1000

/* One shared-memory image. */
struct x11_image {
	XImage *img;               /* NULL when not made */
	XShmSegmentInfo shm;       /* its segment */
	bool attached;             /* the server has it attached */
	unsigned long serial;      /* the request that last put it */
	ft_ms put_ms;              /* when (monotonic); 0: read, free to write */
};

struct display_x11 {
	Display *dpy;              /* SDL's connection, borrowed */
	Window win;                /* SDL's window, borrowed */
	GC gc;                     /* ours */
	Visual *visual;            /* the window's */
	int depth;
	int w, h;                  /* the images' size: the window surface's */
	struct x11_image image;    /* what the server reads the frames from */
};

/* The attach's error, caught instead of ending the program (Xlib's and
 * SDL's handlers exit on an error). */
static int shm_opcode;
static bool shm_failed;
static int (*other_handler)(Display *, XErrorEvent *);

static int
trap_attach(Display *dpy, XErrorEvent *e)
{
	if (e->request_code == shm_opcode && e->minor_code == X_ShmAttach) {
		shm_failed = true;
		return 0;
	}
	return other_handler ? other_handler(dpy, e) : 0;
}

/* Whether the server runs on this machine, where our segment is. */
static bool
local_display(Display *dpy)
{
	const char *name = DisplayString(dpy);
	return name && (name[0] == ':' || name[0] == '/' || strncmp(name, "unix:", 5) == 0);
}

/* Whether shmat's answer ADDR is its failure, (void *)-1. */
static bool
shmat_failed(const void *addr)
{
	return (intptr_t)addr == -1;
}

static void
free_image(struct display_x11 *x, struct x11_image *m)
{
	if (!m->img)
		return;
	if (m->attached)
		XShmDetach(x->dpy, &m->shm);
	/* the data is the segment, not Xlib's to free */
	m->img->data = NULL;
	XDestroyImage(m->img);
	if (m->shm.shmaddr && !shmat_failed(m->shm.shmaddr))
		shmdt(m->shm.shmaddr);
	memset(m, 0, sizeof(*m));
}

static void
drop_image(struct display_x11 *x)
{
	free_image(x, &x->image);
	x->w = x->h = 0;
	XFlush(x->dpy); /* the detaches on their way */
}

/* Whether S's pixels can be copied as they are into IMG. */
static bool
same_layout(const SDL_Surface *s, const XImage *img)
{
	const SDL_PixelFormat *f = s->format;
	int order = SDL_BYTEORDER == SDL_LIL_ENDIAN ? LSBFirst : MSBFirst;
	return img->bits_per_pixel == 32 && f->BytesPerPixel == 4 && img->byte_order == order &&
	       f->Rmask == img->red_mask && f->Gmask == img->green_mask && f->Bmask == img->blue_mask;
}

/* A shared image of W x H in M, attached by the server; the segment is
 * marked for removal at once, so that it goes when both sides detach, even
 * on a crash. False (M freed, logged) when it cannot be had. */
static bool
make_image(struct display_x11 *x, struct x11_image *m, const SDL_Surface *s)
{
	memset(m, 0, sizeof(*m));
	m->img = XShmCreateImage(x->dpy, x->visual, (unsigned)x->depth, ZPixmap, NULL, &m->shm,
				 (unsigned)s->w, (unsigned)s->h);
	if (!m->img) {
		log_info("display: no shared XImage of %dx%d: SDL presents", s->w, s->h);
		return false;
	}
	if (!same_layout(s, m->img)) {
		log_info("display: the X visual's pixels (%d bpp) are not SDL's surface's (%s): "
			 "SDL presents", m->img->bits_per_pixel, SDL_GetPixelFormatName(s->format->format));
		free_image(x, m);
		return false;
	}
	m->shm.shmid = shmget(IPC_PRIVATE, (size_t)m->img->bytes_per_line * (size_t)m->img->height,
			      IPC_CREAT | 0600);
	if (m->shm.shmid < 0) {
		log_info("display: shmget: %s: SDL presents", strerror(errno));
		free_image(x, m);
		return false;
	}
	m->shm.shmaddr = m->img->data = shmat(m->shm.shmid, NULL, 0);
	if (shmat_failed(m->shm.shmaddr)) {
		log_info("display: shmat: %s: SDL presents", strerror(errno));
		shmctl(m->shm.shmid, IPC_RMID, NULL);
		free_image(x, m);
		return false;
	}
	m->shm.readOnly = False;
	shm_failed = false;
	other_handler = XSetErrorHandler(trap_attach);
	Status ok = XShmAttach(x->dpy, &m->shm);
	XSync(x->dpy, False); /* once per image: the attach's answer */
	XSetErrorHandler(other_handler);
	other_handler = NULL;
	shmctl(m->shm.shmid, IPC_RMID, NULL);
	if (!ok || shm_failed) {
		log_info("display: the X server cannot attach our shared memory: SDL presents");
		free_image(x, m);
		return false;
	}
	m->attached = true;
	return true;
}

static bool
remake_image(struct display_x11 *x, const SDL_Surface *s)
{
	drop_image(x);
	if (!make_image(x, &x->image, s))
		return false;
	x->w = s->w;
	x->h = s->h;
	return true;
}

struct display_x11 *
display_x11_open(SDL_Window *window, SDL_Renderer *renderer)
{
	const char *driver = SDL_GetCurrentVideoDriver(), *env = getenv("FAMILYTABLE_X11_SHM");
	SDL_RendererInfo info;
	SDL_SysWMinfo wm;
	if (!window || !driver || strcmp(driver, "x11") != 0)
		return NULL;
	if (env && strcmp(env, "0") == 0) {
		log_info("display: SDL presents (FAMILYTABLE_X11_SHM=0)");
		return NULL;
	}
	/* only SDL's software renderer draws into the window's surface; an
	 * accelerated framebuffer is a texture SDL shows itself */
	if (SDL_GetRendererInfo(renderer, &info) != 0 || strcmp(info.name, "software") != 0 ||
	    SDL_GetHintBoolean(SDL_HINT_FRAMEBUFFER_ACCELERATION, SDL_FALSE) ||
	    !SDL_GetWindowSurface(window))
		return NULL;
	SDL_VERSION(&wm.version);
	if (!SDL_GetWindowWMInfo(window, &wm) || wm.subsystem != SDL_SYSWM_X11)
		return NULL;
	Display *dpy = wm.info.x11.display;
	int event, error;
	if (!local_display(dpy) || !XShmQueryExtension(dpy) ||
	    !XQueryExtension(dpy, SHMNAME, &shm_opcode, &event, &error)) {
		log_info("display: no MIT-SHM on a local X server (%s): SDL presents", DisplayString(dpy));
		return NULL;
	}
	XWindowAttributes wa;
	if (!XGetWindowAttributes(dpy, wm.info.x11.window, &wa))
		return NULL;
	struct display_x11 *x = calloc(1, sizeof(*x));
	if (!x)
		return NULL;
	x->dpy = dpy;
	x->win = wm.info.x11.window;
	x->visual = wa.visual;
	x->depth = wa.depth;
	x->gc = XCreateGC(dpy, x->win, 0, NULL);
	if (!remake_image(x, SDL_GetWindowSurface(window))) {
		display_x11_close(x);
		return NULL;
	}
	log_info("display: X11 window presented through MIT-SHM, no round trip per frame");
	return x;
}

/* Waits, if it must, until the server has read image M (see the top). */
static void
wait_read(struct display_x11 *x, struct x11_image *m)
{
	if (!m->put_ms)
		return;
	if ((long)(LastKnownRequestProcessed(x->dpy) - m->serial) >= 0 ||
	    clock_mono_ms() - m->put_ms >= X11_READ_MS) {
		m->put_ms = 0;
		return;
	}
	XSync(x->dpy, False);
	m->put_ms = 0;
}

bool
display_x11_present(struct display_x11 *x, SDL_Window *window, SDL_Renderer *renderer)
{
	if (SDL_RenderFlush(renderer) != 0)
		return false;
	SDL_Surface *s = SDL_GetWindowSurface(window);
	if (!s || (s->w != x->w || s->h != x->h ? !remake_image(x, s) : !same_layout(s, x->image.img)))
		return false;
	struct x11_image *m = &x->image;
	wait_read(x, m);
	if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0)
		return false;
	size_t row = (size_t)s->w * 4;
	for (int y = 0; y < s->h; y++)
		memcpy(m->img->data + (size_t)y * (size_t)m->img->bytes_per_line,
		       (const char *)s->pixels + (size_t)y * (size_t)s->pitch, row);
	if (SDL_MUSTLOCK(s))
		SDL_UnlockSurface(s);
	m->serial = NextRequest(x->dpy);
	XShmPutImage(x->dpy, x->win, x->gc, m->img, 0, 0, 0, 0, (unsigned)s->w, (unsigned)s->h,
		     False);
	XFlush(x->dpy);
	m->put_ms = clock_mono_ms();
	if (!m->put_ms)
		m->put_ms = 1; /* 0 means read */
	return true;
}

void
display_x11_close(struct display_x11 *x)
{
	if (!x)
		return;
	drop_image(x);
	if (x->gc)
		XFreeGC(x->dpy, x->gc);
	XFlush(x->dpy);
	free(x);
}

#else /* SDL without its x11 driver: SDL always presents */

struct display_x11 *
display_x11_open(SDL_Window *window, SDL_Renderer *renderer)
{
	return NULL;
}

bool
display_x11_present(struct display_x11 *x, SDL_Window *window, SDL_Renderer *renderer)
{
	return false;
}

void
display_x11_close(struct display_x11 *x)
{
}

#endif
