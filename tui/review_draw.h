#ifndef TUI_REVIEW_DRAW_H
#define TUI_REVIEW_DRAW_H
/* Draws the manager's team dashboard into a canvas: the title, a header,
 * one row per seller, the team's total and a status line.  It reads only
 * the model, so `pipebench review --print`, the live review and the golden
 * tests share it.  Fits 80 columns; at 100 and 120 it shows more (targets
 * per battlefield, then the login and visits per battlefield). */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/review.h"
#include "tui/canvas.h"

/* Rows a canvas needs besides one per seller: the title, two header lines
 * and a rule above them, the rule and the total below, and the status
 * line. */
#define TUI_REVIEW_CHROME_ROWS 7

struct tui_review_model {
	struct core_isoweek week;
	int64_t today;                 /* days since epoch, local */
	const struct core_review_row *rows; /* in display order; not owned */
	size_t n;
	const struct core_review_row *total; /* core_review_total; not owned */
	size_t unreadable;             /* rows with ok == 0 */
	enum core_review_col sort;
	int threshold;                 /* the team's 4D threshold, percent */
	size_t first;                  /* the first row shown (scrolling) */
	int selected;                  /* index into rows, or -1 */
	const char *message;           /* the status line's message, or NULL */
	const char *keys_line;         /* the live review's key hints for the
	                                  status line ("k word  k word"), or
	                                  NULL: the sort and the 4D legend */
};

/* Draws the whole canvas.  Registers one hit per visible seller row with
 * its index as id. */
void tui_review_draw(struct tui_canvas *c, const struct tui_review_model *m);

#endif
