/*
 * dock.h - where slot levels come from: GPIO lines (libgpiod 1.6 or 2.x),
 * keys 1-9 in the window, a named pipe, or nothing.
 *
 * A dock only reports raw levels with the instant it saw them, on the
 * monotonic clock (CLOCK_MONOTONIC, milliseconds); the engine debounces
 * them and runs the session rules, the same for every dock. A GPIO dock on
 * libgpiod 2 has the kernel debounce its lines as a pre-filter and reports
 * each edge dated at the raw edge (src/debounce.c explains the whole path).
 *
 * Faults (chip missing, line busy, permission denied, chip gone) go to
 * fault_set(FAULT_DOCK, ...); the dock retries every few seconds by itself
 * through its deadline, and the rest of the appliance keeps working.
 *
 * The loop: poll dock_fd() (when it is not -1) until dock_next_deadline(),
 * and call dock_dispatch() when the descriptor is readable (or reports an
 * error) *or* the deadline has passed; ask for both again after each
 * dispatch. Levels go to the sink only from dock_dispatch() and dock_key(),
 * never from dock_open(), so the caller may open its engine after the dock
 * with dock_levels(). Instants handed to the sink never go backwards.
 * Implementation: src/dock.c (keys, none, shared), src/dock_gpio.c,
 * src/dock_fifo.c.
 */
#ifndef FT_DOCK_H
#define FT_DOCK_H

#include "clock.h"
#include "common.h"
#include "config.h"

struct dock;

struct dock_sink {
	/* A raw level of SLOT (from 1), seen at T_MONO. Levels read when the dock
	 * (re)opens are reported too: phones docked at boot count from boot. */
	void (*level)(void *data, int slot, int level, ft_ms t_mono);
	void *data;
};

/* SPEC is "gpio", "keys", "fifo:PATH" or "none". Fails (exit 2) only on a
 * bad spec (an unknown word, gpio with no [dock] lines, a fifo path that is
 * not a pipe or cannot be made one); a missing chip is a fault that the dock
 * retries. A GPIO dock reads its levels here (dock_levels) and reports them
 * at the first dispatch, which its deadline asks for at once: phones docked
 * at boot count from boot. The fifo is created (mode 0660) when missing. */
struct dock *dock_open(const char *spec, const struct ft_config *cfg,
		       struct dock_sink sink, struct ft_error *err);
void dock_close(struct dock *dock);
/* The descriptor to poll for input, or -1 (none now; may change after a
 * dispatch, so ask again each loop). A GPIO dock also gives -1 for 20 ms
 * after each batch of edges, so a chattering line is read in batches. */
int dock_fd(const struct dock *dock);
/* Read what is pending on the descriptor, or retry a fault; NOW_MONO is
 * the monotonic time. */
void dock_dispatch(struct dock *dock, ft_ms now_mono);
/* When dock_dispatch must run even if nothing is readable (a retry, the
 * first report of the levels, the end of a hold-off, a periodic check that
 * the chip is still there), monotonic ms, or FT_MS_NEVER. */
ft_ms dock_next_deadline(const struct dock *dock);
/* The keys dock: key 1-9 toggles that slot. Ignored by other docks. */
void dock_key(struct dock *dock, int slot, ft_ms now_mono);
/* Current raw levels (nslots entries); false when the dock cannot tell
 * (a GPIO dock in a fault, a fifo before its first line: SPEC §2.9). Keys
 * and none start with every slot out; a fifo, once a line came, has every
 * slot out but those its lines said in. */
bool dock_levels(const struct dock *dock, int *levels);

#endif
