/*
 * dock.c - picks the dock named by --dock and gives the app one interface
 * over all of them: a descriptor to poll, a deadline, dispatch. It also
 * holds what every dock shares: the ordering of reports (instants never go
 * backwards), the batching of edges, and the two docks too small for a file
 * of their own, keys and none.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "debounce.h"
#include "dock.h"
#include "dock_internal.h"
#include "log.h"

void
dock_report(struct dock *dock, int slot, int level, ft_ms t)
{
	if (slot < 1 || slot > dock->nslots)
		return;
	/* The engine wants time to move forward. An edge can come out older
	 * than a level already reported (libgpiod 2 dates it back by the
	 * kernel's debounce period, see debounce.c; a level read between two
	 * batches is dated when it was read): move it up to the newest instant. */
	if (t < dock->newest)
		t = dock->newest;
	dock->newest = t;
	dock->level[slot - 1] = level ? 1 : 0;
	dock->known = true; /* a fifo's first line is its first reading */
	if (dock->sink.level)
		dock->sink.level(dock->sink.data, slot, level ? 1 : 0, t);
}

void
dock_batch_begin(struct dock_batch *b)
{
	memset(b->npending, 0, sizeof(b->npending));
	b->nout = 0;
	b->nedges = 0;
}

static void
batch_emit(struct dock_batch *b, struct dock_edge e)
{
	/* The backends read at most DOCK_BATCH_MAX edges a batch, and each
	 * edge is emitted at most once: this cannot overflow. */
	if (b->nout < (int)FT_ARRAY_LEN(b->out))
		b->out[b->nout++] = e;
}

void
dock_batch_edge(struct dock *dock, struct dock_batch *b, int slot, int level, ft_ms t)
{
	if (slot < 1 || slot > dock->nslots)
		return;
	b->nedges++;
	struct dock_edge e = {slot, level ? 1 : 0, t};
	struct dock_edge *p = b->pending[slot - 1];
	int *np = &b->npending[slot - 1];
	/* Two edges to the same level in a row (an event lost in between, or
	 * v1's both-edge events, which read the level late): the level began
	 * at the first one. */
	if (*np > 0 && p[*np - 1].level == e.level)
		return;
	if (*np == 2) {
		/* p[0] is no longer one of the last two edges: keep it only if
		 * its level then held long enough for the debounce to take it
		 * (debounce.c explains the whole path). */
		if (debounce_held(dock->debounce, p[0].t, p[1].t))
			batch_emit(b, p[0]);
		p[0] = p[1];
		*np = 1;
	}
	p[(*np)++] = e;
}

void
dock_batch_end(struct dock *dock, struct dock_batch *b, const int *levels, ft_ms now)
{
	for (int s = 0; s < dock->nslots; s++)
		for (int i = 0; i < b->npending[s]; i++)
			batch_emit(b, b->pending[s][i]);
	/* Insertion sort by time, stable: a batch holds a handful of edges
	 * (at most DOCK_BATCH_MAX, and then only once per HOLDOFF). */
	for (int i = 1; i < b->nout; i++) {
		struct dock_edge e = b->out[i];
		int j = i;
		for (; j > 0 && b->out[j - 1].t > e.t; j--)
			b->out[j] = b->out[j - 1];
		b->out[j] = e;
	}
	for (int i = 0; i < b->nout; i++)
		dock_report(dock, b->out[i].slot, b->out[i].level, b->out[i].t);
	/* The level is the truth: where it disagrees with the edges (an event
	 * lost to a full kernel buffer, or an edge that came after the read),
	 * report it as seen now. */
	if (levels)
		for (int s = 0; s < dock->nslots; s++)
			if (!dock->known || levels[s] != dock->level[s])
				dock_report(dock, s + 1, levels[s], now);
	if (levels)
		dock->known = true;
}

/* keys and none: no descriptor and no deadline; dock_key() does the rest. */
static void
plain_close(struct dock *dock)
{
}

static int
plain_fd(const struct dock *dock)
{
	return -1;
}

static void
plain_dispatch(struct dock *dock, ft_ms now_mono)
{
}

static ft_ms
plain_deadline(const struct dock *dock)
{
	return FT_MS_NEVER;
}

static const struct dock_ops keys_ops = {
	"keys", plain_close, plain_fd, plain_dispatch, plain_deadline,
};
static const struct dock_ops none_ops = {
	"none", plain_close, plain_fd, plain_dispatch, plain_deadline,
};

struct dock *
dock_open(const char *spec, const struct ft_config *cfg, struct dock_sink sink,
	  struct ft_error *err)
{
	struct dock *dock = calloc(1, sizeof(*dock));
	if (!dock) {
		ft_fail(err, "--dock %s: out of memory", spec);
		return NULL;
	}
	dock->sink = sink;
	dock->nslots = cfg->nslots;
	dock->debounce = cfg->debounce;
	dock->newest = -1;
	/* Keys and nothing start with every slot out; a pipe's levels are
	 * unknown until its first line (SPEC §2.9: unknown is not "out"). */
	dock->known = true;

	if (strcmp(spec, "keys") == 0) {
		dock->ops = &keys_ops;
	} else if (strcmp(spec, "none") == 0) {
		dock->ops = &none_ops;
	} else if (strncmp(spec, "fifo:", 5) == 0) {
		if (spec[5] == '\0') {
			ft_fail(err, "--dock fifo:PATH: the path is missing");
			goto fail;
		}
		if (!dock_fifo_open(dock, spec + 5, err))
			goto fail;
		dock->known = false;
	} else if (strcmp(spec, "gpio") == 0) {
		if (cfg->nlines == 0) {
			ft_fail(err, "--dock gpio: the configuration names no GPIO lines "
				     "([dock] lines)");
			goto fail;
		}
		dock->known = false;
		if (!dock_gpio_open(dock, cfg, clock_mono_ms(), err))
			goto fail;
	} else {
		ft_fail(err, "--dock %s: expected gpio, keys, fifo:PATH or none", spec);
		goto fail;
	}
	return dock;

fail:
	free(dock);
	return NULL;
}

void
dock_close(struct dock *dock)
{
	if (!dock)
		return;
	dock->ops->close(dock);
	free(dock);
}

int
dock_fd(const struct dock *dock)
{
	return dock->ops->fd(dock);
}

void
dock_dispatch(struct dock *dock, ft_ms now_mono)
{
	dock->ops->dispatch(dock, now_mono);
}

ft_ms
dock_next_deadline(const struct dock *dock)
{
	return dock->ops->deadline(dock);
}

void
dock_key(struct dock *dock, int slot, ft_ms now_mono)
{
	if (dock->ops != &keys_ops || slot < 1 || slot > dock->nslots)
		return;
	dock_report(dock, slot, !dock->level[slot - 1], now_mono);
}

bool
dock_levels(const struct dock *dock, int *levels)
{
	if (!dock->known)
		return false;
	memcpy(levels, dock->level, sizeof(int) * (size_t)dock->nslots);
	return true;
}
