#ifndef TUI_MINUTES_H
#define TUI_MINUTES_H
/* The minutes screen: what was said and agreed in a meeting, written after
 * it.  Four multi-line texts (summary, the customer's needs and business
 * pains, what was agreed, notes) and the follow-up actions agreed, each
 * with its text, owner ("us" or a contact at the account), due day and
 * done flag.  Like the follow-ups screen (tui/followups.h) it takes events
 * and hands back enum tui_repaint flags, and draws into a canvas, so the
 * tests drive it with synthetic events.
 *
 * Keys: Tab / Shift-Tab move between the texts, the participants row and
 * the action list (so do Up on a text's first line and Down on its last);
 * Enter is a newline in a text.  On the participants row (the account's
 * contacts) ←→ choose and Space toggles one, written to the database at
 * once, each toggle its own transaction.  Ctrl-N (or + and a in the list) opens a row for a new action:
 * its text, Tab, its due day ("2026-12-01", "+3d", "fri", "next week"),
 * Enter adds it and opens the next row, Esc closes the row.  In the list:
 * ↑↓ move, Enter edits, Space or d toggles done, o cycles the owner,
 * Delete or x removes.  Ctrl-S (or F2) saves everything; Esc closes, and
 * with unsaved changes asks first.
 *
 * Read-only (the manager's drill into a seller's file): the same screen
 * with "read-only" in the title; the cursor moves and the texts scroll,
 * but typing, ticking participants, the actions' keys and saving are
 * refused before any db call with "read-only: NAME's minutes", and Esc
 * never asks. */

#include <stdint.h>

#include "core/error.h"
#include "core/meeting.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"

struct tui_minutes; /* opaque; tui_minutes_open allocates, _free frees */

/* The minutes of meeting m (copied), loaded with its actions and the
 * account's contacts; type_label names m's type in the header; today
 * (days since epoch) is what relative due dates count from.  readonly is
 * NULL for the seller's own screen, else the name of the seller whose
 * file is shown read-only (copied).  Keeps db, which must outlive the
 * screen.  On success *out owns the screen; a database error
 * (CORE_ERR_NOTFOUND when the meeting is gone) or CORE_ERR_NOMEM leaves
 * *out NULL with err filled. */
enum core_status tui_minutes_open(struct db *db, const struct core_meeting *m,
                                  const char *type_label, int64_t today, int ascii,
                                  const char *readonly, struct tui_minutes **out,
                                  struct core_error *err);
void tui_minutes_free(struct tui_minutes *s);

/* Returns tui_repaint flags: TUI_RELOAD after a save (the owner reloads
 * the week, where the meeting now shows held), TUI_CLOSE when the seller
 * leaves, TUI_QUIT only when out of memory. */
int tui_minutes_event(struct tui_minutes *s, const struct tui_event *ev);

/* 1 when something typed is not saved yet. */
int tui_minutes_dirty(const struct tui_minutes *s);

/* Draws the whole canvas (80x24 and larger), laying the texts out for its
 * size first, which is why the screen is not const.  Places the canvas
 * cursor in the field being edited. */
void tui_minutes_draw(struct tui_minutes *s, struct tui_canvas *c);

#endif
