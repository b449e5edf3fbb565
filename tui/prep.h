#ifndef TUI_PREP_H
#define TUI_PREP_H
/* The preparation screen: what a seller readies before a meeting.  Three
 * multi-line texts (the purpose, the agenda, the business pains and
 * acceptances to focus on) and the preparation checklist of the meeting's
 * contact form (core/checklist.h) with what is ticked.  Like the minutes
 * screen (tui/minutes.h) it takes events and hands back enum tui_repaint
 * flags, and draws into a canvas, so the tests drive it with synthetic
 * events.
 *
 * Keys: Tab / Shift-Tab move between the texts and the checklist (so do
 * Up on a text's first line and Down on its last); Enter is a newline in
 * a text.  In the checklist ↑↓ move and Space (or Enter) ticks or unticks
 * the item, stored at once: a tick is never lost.  Ctrl-S (or F2) saves
 * the texts; Esc closes, and with unsaved text asks first.
 *
 * Read-only (the manager's drill into a seller's file): the same screen
 * with "read-only" in the title; the cursor moves and the texts scroll,
 * but typing, ticking and saving are refused before any db call with
 * "read-only: NAME's preparation", and Esc never asks. */

#include <stdint.h>

#include "core/error.h"
#include "core/meeting.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"

struct tui_prep; /* opaque; tui_prep_open allocates, _free frees */

/* The preparation of meeting m (copied) and its form's checklist with the
 * stored ticks; type_label names m's type in the header.  readonly is
 * NULL for the seller's own screen, else the name of the seller whose
 * file is shown read-only (copied).  Keeps db, which must outlive the
 * screen.  On success *out owns the screen; a database error
 * (CORE_ERR_NOTFOUND when the meeting is gone), a checklist asset that
 * does not parse, or CORE_ERR_NOMEM leaves *out NULL with err filled. */
enum core_status tui_prep_open(struct db *db, const struct core_meeting *m,
                               const char *type_label, int ascii, const char *readonly,
                               struct tui_prep **out, struct core_error *err);
void tui_prep_free(struct tui_prep *s);

/* Returns tui_repaint flags: TUI_CLOSE when the seller leaves, TUI_QUIT
 * only when out of memory. */
int tui_prep_event(struct tui_prep *s, const struct tui_event *ev);

/* 1 when some text typed is not saved yet (ticks are saved at once). */
int tui_prep_dirty(const struct tui_prep *s);

/* Draws the whole canvas (80x24 and larger), laying the texts out for its
 * size first, which is why the screen is not const.  Places the canvas
 * cursor in the text being edited. */
void tui_prep_draw(struct tui_prep *s, struct tui_canvas *c);

#endif
