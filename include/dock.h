/*
 * dock.h - where slot levels come from: GPIO lines (libgpiod 1.6 or 2.x),
 * keys 1-9 in the window, a named pipe, or nothing.
 *
 * A dock only reports raw levels with the instant it saw them, on the
 * monotonic clock (CLOCK_MONOTONIC, milliseconds); the engine debounces
 * them and runs the session rules, the same for every dock. A GPIO dock on
 * libgpiod 2 has the kernel debounce its lines and reports each edge dated
 * at the raw edge (the kernel's timestamp minus the period), so the engine's
 * debounce confirms it at once.
 *
 * Faults (chip missing, line busy, permission denied, chip gone) go to
 * fault_set(FAULT_DOCK, ...); the dock retries every few seconds by itself
 * through its deadline, and the rest of the appliance keeps working.
 */
#ifndef FT_DOCK_H
#define FT_DOCK_H

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
 * bad spec; a missing chip is a fault that the dock retries. */
struct dock *dock_open(const char *spec, const struct ft_config *cfg,
		       struct dock_sink sink, struct ft_error *err);
void dock_close(struct dock *dock);
/* The descriptor to poll for input, or -1 (none now; may change after a
 * dispatch, so ask again each loop). */
int dock_fd(const struct dock *dock);
/* Read what is pending on the descriptor, or retry a fault; NOW_MONO is
 * the monotonic time. */
void dock_dispatch(struct dock *dock, ft_ms now_mono);
/* The next retry (monotonic ms), or FT_MS_NEVER. */
ft_ms dock_next_deadline(const struct dock *dock);
/* The keys dock: key 1-9 toggles that slot. Ignored by other docks. */
void dock_key(struct dock *dock, int slot, ft_ms now_mono);
/* Current raw levels (nslots entries); false when the dock cannot tell. */
bool dock_levels(const struct dock *dock, int *levels);

/* The monotonic clock in milliseconds. */
ft_ms clock_mono_ms(void);

#endif
