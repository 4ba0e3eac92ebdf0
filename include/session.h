/*
 * session.h - from debounced slot levels to phones-down sessions (SPEC §2.2-2.7).
 *
 * The detector is a plain struct so that the store can save the open session
 * and a restarted appliance can resume it (SPEC §2.9). It is pure: every call
 * takes the instant it happens at, and calls must come in time order.
 *
 *   session_advance(det, t)    lets the grace timer of a dip run up to t
 *                              (a dip that reaches grace at or before t ends
 *                              the session where the dip began);
 *   session_on_dock(det, ...)  applies a batch of changes of one instant.
 *
 * Both report a finished session through *done and return true then.
 */
#ifndef FT_SESSION_H
#define FT_SESSION_H

#include "common.h"
#include "config.h"
#include "debounce.h"

enum session_class {
	SESSION_SHORT,
	SESSION_LEFT_DOCKED,
	SESSION_PHONES_DOWN,
	SESSION_MEAL,
};

struct session_detector {
	int nslots, min_phones;
	ft_ms grace;
	int level[FT_MAX_SLOTS];     /* debounced level per slot */
	ft_ms level_since[FT_MAX_SLOTS];
	bool open;                   /* a session is in progress */
	ft_ms start;
	int phones;                  /* largest docked count so far */
	int interruptions;
	bool dipping;                /* docked count below min_phones */
	ft_ms dip_start;
	ft_ms in_ms[FT_MAX_SLOTS];   /* time each slot was in, up to level_since */
	ft_ms in_at_dip[FT_MAX_SLOTS]; /* in_ms as it was when the dip began */
};

/* A finished session, before and after classification. */
struct session {
	ft_ms start, end;
	int phones, interruptions;
	unsigned members;            /* bit slot-1 set: in for >= half the time */
	enum session_class cls;
	int64_t date;                /* meal: the window's local day */
	char kind[16];               /* meal: the window's kind, else "" */
};

void session_init(struct session_detector *det, const struct ft_config *cfg,
		  const int *levels, ft_ms t);
int session_docked(const struct session_detector *det);
/* The instant the current dip reaches grace, or FT_MS_NEVER. */
ft_ms session_next_deadline(const struct session_detector *det);
bool session_advance(struct session_detector *det, ft_ms t, struct session *done);
bool session_on_dock(struct session_detector *det, const struct dock_change *changes,
		     int n, struct session *done);
/* End the open session at T (a power cut recovered without phones). */
bool session_end_at(struct session_detector *det, ft_ms t, struct session *done);

/* Classify a finished session by its length and the meal windows (§2.7). */
void session_classify(struct session *s, const struct ft_config *cfg);

extern const char *const session_class_names[4]; /* "short", "left-docked", ... */

#endif
