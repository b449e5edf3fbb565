#ifndef TUI_FOLLOWUPS_H
#define TUI_FOLLOWUPS_H
/* The follow-ups screen: every open action of a seller across meetings,
 * under the headings Overdue, This week and Later, filtered by battlefield
 * and by account, marked done with one key, and the way back to the
 * meeting an action came from.  Like the meeting dialog (tui/form.h) it
 * takes events and hands back enum tui_repaint flags, and draws into a
 * canvas: no terminal needed, so the tests drive it with synthetic events.
 *
 * Keys: ↑↓ (k/j) move, PgUp/PgDn and Home/End jump; d or Space marks the
 * action done, u undoes the last one; Enter goes to its meeting; b cycles
 * the battlefield filter; / or A edits the account filter (typing filters
 * as it goes, Enter keeps it, Esc clears it); Esc, q or f closes.
 *
 * Read-only (the manager's drill into a seller's file): the same screen
 * with "read-only" in the title; moving, filtering and Enter work, but d
 * and u are refused before any db call with "read-only: NAME's
 * follow-ups". */

#include <stdint.h>

#include "core/error.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"

struct tui_followups; /* opaque; tui_followups_open allocates, _free frees */

/* The screen for the seller's open actions, loaded at once; today (days
 * since epoch, local) decides what is overdue; readonly: 1 for the
 * manager's drill (seller_name is then whose file it is).  Keeps db,
 * which must outlive it.  NULL when out of memory; a database error is not
 * fatal: the screen opens empty and says it. */
struct tui_followups *tui_followups_open(struct db *db, int64_t seller_id,
                                         const char *seller_name, int64_t today,
                                         int ascii, int readonly);
void tui_followups_free(struct tui_followups *f);

/* Loads the list again (the owner calls it for TUI_RELOAD, and when the
 * database changed behind its back), keeping the filters and the selected
 * action, or the row where it was when it is gone.  Returns 0, or -1 when
 * out of memory; a database error is said on the screen's status line. */
int tui_followups_reload(struct tui_followups *f);

/* Returns tui_repaint flags: TUI_RELOAD after a write (the owner reloads
 * what it shows and calls tui_followups_reload), TUI_CLOSE when the seller
 * leaves, then tui_followups_jump says where to; TUI_QUIT only when out of
 * memory. */
int tui_followups_event(struct tui_followups *f, const struct tui_event *ev);

/* The meeting to show after TUI_CLOSE (Enter on an action), else 0. */
int64_t tui_followups_jump(const struct tui_followups *f);

/* Draws the whole canvas; fits 80x24 and larger.  Places the canvas cursor
 * in the account filter while it is edited. */
void tui_followups_draw(const struct tui_followups *f, struct tui_canvas *c);

#endif
