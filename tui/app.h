#ifndef TUI_APP_H
#define TUI_APP_H
/* The interactive program: initialises ncurses, runs the main loop (keys
 * map to actions, handlers return what to repaint, one redraw path, a
 * wtimeout tick that polls the database for other processes' commits) and
 * restores the terminal on every way out. */

#include <stdint.h>

#include "core/calendar.h"
#include "core/error.h"
#include "db/conn.h"

struct tui_app_opts {
	int64_t today;          /* days since epoch, local; the week opened
	                           unless week is set */
	struct core_isoweek week; /* the week opened, or { 0, 0 }: today's */
	const char *seller;     /* a name, or NULL for the database's default */
	int ascii;              /* the locale is not UTF-8: ASCII drawing */
	struct db *team;        /* the team file, read-only, or NULL: each tick
	                           copies the manager's settings into db when
	                           they changed (db_team_sync) and redraws */
	const char *team_dir;   /* the team directory, or NULL: once a second
	                           the tick looks for the manager's review
	                           (core/presence.h) and the status line says
	                           "reviewed by NAME" while one is open */
	int readonly;           /* the manager's drill into a seller's file,
	                           opened DB_OPEN_READONLY: every key that would
	                           write says "read-only: NAME's week" before
	                           any db call, the title says "read-only", and
	                           a file without a seller is an error, never
	                           the first-run screen.  The minutes,
	                           preparation, follow-ups and account screens
	                           open read-only too: they show what the
	                           seller sees and refuse their own writing
	                           keys ("read-only: NAME's minutes") */
	const char *touch;      /* a presence file the caller keeps (the
	                           review's), or NULL: touched every
	                           CORE_PRESENCE_TOUCH_S seconds so it does not
	                           go stale while this screen runs instead */
};

/* Returns CORE_OK on a normal quit; with readonly, a signal that ended the
 * loop is raised again once the caller's handlers are back, so the caller
 * sees it too.  A terminal that cannot be initialised
 * (no TERM, not a tty) is CORE_ERR_IO with a message. */
enum core_status tui_app_run(struct db *db, const struct tui_app_opts *o,
                             struct core_error *err);

#endif
