#ifndef TUI_ACCOUNT_H
#define TUI_ACCOUNT_H
/* The account screen: one account's distance from the seller's base, how
 * much of its buying centre was met in the last 90 days, its contacts with
 * when each was last met (in any form, and in person), its latest
 * meetings and the seller's open actions there.  Like the follow-ups
 * screen (tui/followups.h) it takes events, hands back enum tui_repaint
 * flags and draws into a canvas, so tests drive it without a terminal.
 *
 * Keys: ↑↓ (k/j) scroll, PgUp/PgDn and Home/End jump; Esc, q or A close.
 * c adds a contact in a form of two rows above the status line: name,
 * role (a role of the vocabulary, core/buying.h, or the team's own
 * words), level and email; Tab / Shift-Tab move, Enter stores it (and the
 * contacts and coverage reload), Esc cancels.
 *
 * Read-only (the manager's drill into a seller's file): the same screen
 * with "read-only" in the title; it scrolls, but c is refused before any
 * db call with "read-only: NAME's account". */

#include <stdint.h>

#include "core/error.h"
#include "core/matrix.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"

struct tui_account; /* opaque; tui_account_open allocates, _free frees */

/* The screen for account_id as seen by seller_id (whose open actions it
 * lists), loaded at once; today (days since epoch, local) is what "days
 * ago" and the 90 days count from.  readonly is NULL for the seller's own
 * screen, else the name of the seller whose file is shown read-only
 * (copied).  Keeps db and matrix (for the meeting types' labels; NULL
 * shows their keys), which must outlive it.  NULL when out of memory; a
 * database error is not fatal: the screen says it. */
struct tui_account *tui_account_open(struct db *db, int64_t seller_id,
                                     int64_t account_id, int64_t today,
                                     const struct core_matrix *matrix, int ascii,
                                     const char *readonly);
void tui_account_free(struct tui_account *s);

/* Loads everything again (for TUI_RELOAD, and when the database changed
 * behind its back), keeping the scroll.  Returns 0, or -1 when out of
 * memory; a database error is said on the status line. */
int tui_account_reload(struct tui_account *s);

/* Returns tui_repaint flags: TUI_CLOSE when the seller leaves. */
int tui_account_event(struct tui_account *s, const struct tui_event *ev);

/* Draws the whole canvas; fits 80x24 and larger.  Not const: it records
 * the rows the body had, which the scroll keys are bounded by. */
void tui_account_draw(struct tui_account *s, struct tui_canvas *c);

#endif
