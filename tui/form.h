#ifndef TUI_FORM_H
#define TUI_FORM_H
/* The meeting dialog: plan a new meeting or edit one.  Account (type to
 * filter, Enter picks, a new name offers to create it), when, duration,
 * battlefield, meeting type, complexity, sale kind, 4D dimension, and the
 * contact form from the matrix: best preselected, a confirmation with the
 * reason for a form rated hardly or worse.  Saving writes through db/ in one
 * transaction; a failed save keeps everything typed and shows the error. */

#include <stdint.h>

#include "core/matrix.h"
#include "core/meeting.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"

struct tui_form; /* opaque; tui_form_open allocates, tui_form_free frees */

/* m: the meeting to edit (m->id != 0), or a template for a new one (id 0,
 * starts_at and seller_id set; the rest defaulted by the form).  today
 * (days since epoch, local) is what "last visit N days ago" counts from.
 * The form keeps pointers to db and matrix, which must outlive it. */
struct tui_form *tui_form_open(struct db *db, const struct core_matrix *matrix,
                               const struct core_meeting *m, int64_t today,
                               int ascii);
void tui_form_free(struct tui_form *f);

/* Returns tui_repaint flags; TUI_CLOSE|TUI_RELOAD after a save, TUI_CLOSE
 * after a cancel. */
int tui_form_event(struct tui_form *f, const struct tui_event *ev);
/* Draws the dialog centred over what is already in the canvas, and places
 * the canvas cursor in the focused field. */
void tui_form_draw(const struct tui_form *f, struct tui_canvas *c);
/* The id of the meeting saved (after TUI_CLOSE|TUI_RELOAD), else 0. */
int64_t tui_form_saved_id(const struct tui_form *f);

#endif
