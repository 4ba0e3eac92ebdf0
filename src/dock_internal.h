/*
 * dock_internal.h - what the dock backends (dock_gpio.c, dock_fifo.c) share
 * with the dispatcher in dock.c. Nothing outside src/dock*.c includes it.
 *
 * A backend fills in struct dock's ops and impl. It reports levels only
 * through dock_report() or a batch (dock_batch_*), which keep the promise of
 * dock.h: per dock, the instants handed to the sink never go backwards.
 */
#ifndef FT_DOCK_INTERNAL_H
#define FT_DOCK_INTERNAL_H

#include "common.h"
#include "config.h"
#include "dock.h"

/* Retry a fault (chip missing, line busy, ...) this often. */
#define DOCK_RETRY_MS ((ft_ms)3000)
/* While the GPIO lines are held, check them this often: a chip removed under
 * us does not always wake poll() on older kernels. */
#define DOCK_HEALTH_MS ((ft_ms)5000)
/* After reading edges, leave the descriptor alone this long, so that a
 * chattering line is read in batches and wakes us at most 1000/HOLDOFF
 * times a second, whatever its rate. A real docking is seen 20 ms later
 * at worst, far inside the 50 ms debounce. */
#define DOCK_HOLDOFF_MS ((ft_ms)20)
/* Most edges one dispatch reads (all lines together). */
#define DOCK_BATCH_MAX 256

struct dock;

struct dock_ops {
	const char *name;
	void (*close)(struct dock *dock);
	int (*fd)(const struct dock *dock);
	void (*dispatch)(struct dock *dock, ft_ms now_mono);
	ft_ms (*deadline)(const struct dock *dock);
};

struct dock {
	const struct dock_ops *ops;
	void *impl;                  /* the backend's state, owned by it */
	struct dock_sink sink;
	int nslots;
	ft_ms debounce;              /* [dock] debounce */
	bool known;                  /* level[] tells the slots' raw levels */
	int level[FT_MAX_SLOTS];     /* last raw level reported per slot */
	ft_ms newest;                /* newest instant reported, or -1 */
};

/* Hand one raw level to the sink, dated T or, when T is older than an
 * instant already reported, at that instant (see dock.h). SLOT from 1. */
void dock_report(struct dock *dock, int slot, int level, ft_ms t);

/*
 * A batch: the edges one dispatch read. Edges are hints: of a run of edges
 * on one slot, the batch keeps only those the debounce could act on (an edge
 * followed by a stable level of at least the debounce period, and the last
 * two edges, which tell the level now and since when), so a chattering line
 * costs a few reports per batch, not one per edge. At the end the levels
 * read from the device, which are the truth, correct whatever the edges
 * left wrong (a lost event). Reports go out in time order.
 */
struct dock_edge {
	int slot;
	int level;
	ft_ms t;
};

struct dock_batch {
	int npending[FT_MAX_SLOTS];
	struct dock_edge pending[FT_MAX_SLOTS][2];
	int nout;
	struct dock_edge out[DOCK_BATCH_MAX + 2 * FT_MAX_SLOTS];
	int nedges;                  /* edges seen, for the caller's bound */
};

void dock_batch_begin(struct dock_batch *b);
void dock_batch_edge(struct dock *dock, struct dock_batch *b, int slot, int level, ft_ms t);
/* LEVELS (nslots entries, or NULL) were read from the device at NOW. */
void dock_batch_end(struct dock *dock, struct dock_batch *b, const int *levels, ft_ms now);

/* Backends. Each returns false with ERR set only for a bad spec; device
 * trouble is a fault it retries by itself. */
bool dock_fifo_open(struct dock *dock, const char *path, struct ft_error *err);
bool dock_gpio_open(struct dock *dock, const struct ft_config *cfg, ft_ms now,
		    struct ft_error *err);

#endif
