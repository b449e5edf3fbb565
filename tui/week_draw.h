#ifndef TUI_WEEK_DRAW_H
#define TUI_WEEK_DRAW_H
/* Draws the week (home screen) into a canvas: the title line, the days as
 * columns with their meetings, the live target-against-actual panel and the
 * key line.  It reads only the model, so `pipebench week --print`, the live
 * TUI and the golden tests share it. */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/fourd.h"
#include "core/matrix.h"
#include "core/meeting.h"
#include "core/tally.h"
#include "tui/canvas.h"

struct tui_week_model {
	struct core_isoweek week;
	int64_t today;                 /* days since epoch, local */
	char seller[CORE_NAME_MAX];
	const struct core_meeting *meetings; /* the week's, by start; not owned */
	size_t n_meetings;
	const struct core_matrix *matrix;    /* for the type's brief name */
	struct core_tally tally;
	int show_weekend;
	int selected;                  /* index into meetings, or -1 */
	int overdue;                   /* open follow-ups past due (issue 3) */
	int warnings;
	const char *message;           /* the status line's message, or NULL */
	int message_is_error;
	const char *keys_line;         /* the generated key hints, or NULL */
	int monochrome;                /* letters R/U/N shown beside the glyph */
	int cursor_day;                /* ISO weekday 1..7 of the cursor, 0: none */
	/* The 4D check of tally (core_fourd_check): when fourd.warn is set the
	 * panel says so; the caller counts it in warnings.  Zeroed: no
	 * warning. */
	struct core_fourd fourd;
};

/* Draws the whole canvas.  Registers one hit per visible meeting with its
 * index as id. */
void tui_week_draw(struct tui_canvas *c, const struct tui_week_model *m);

#endif
