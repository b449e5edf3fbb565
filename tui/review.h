#ifndef TUI_REVIEW_H
#define TUI_REVIEW_H
/* The manager's live review: the team dashboard (tui/review_draw.c) full
 * screen, kept up to date without a key (db/review.h's live review,
 * refreshed on every tick; DIR/sellers rescanned once a second), with a
 * presence file (core/presence.h) announcing the review to the team for
 * as long as it is open.  e opens the editor of the team's targets,
 * weights, matrix and 4D threshold (tui/team_edit.h) over it; what it
 * saves shows on the dashboard at once.  Terminal set-up and restoring as
 * tui/app.c: a signal (SIGHUP, SIGTERM, SIGINT) ends the loop and every
 * way out removes the presence file and restores the terminal. */

#include <stdint.h>

#include "core/calendar.h"
#include "core/error.h"
#include "core/review.h"

struct tui_review_opts {
	const char *team_dir;       /* the team directory */
	struct core_isoweek week;   /* the week opened */
	int64_t today;              /* days since epoch, local */
	int today_fixed;            /* --today: kept; else the clock's day,
	                               looked at once a second, so a review
	                               left open past midnight moves on */
	enum core_review_col sort;  /* the column sorted by at first */
	int ascii;                  /* the locale is not UTF-8 */
};

/* Returns CORE_OK on a quit or a signal.  A team that cannot be read, a
 * presence that cannot be written (the review is never covert) or no
 * usable terminal is an error with a message; the terminal is restored
 * and the presence file removed first. */
enum core_status tui_review_run(const struct tui_review_opts *o, struct core_error *err);

#endif
