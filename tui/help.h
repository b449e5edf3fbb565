#ifndef TUI_HELP_H
#define TUI_HELP_H
/* The screens that explain rather than show the week: the help (`?`), the
 * first-run welcome and the notice on a terminal too small to draw on.
 * The help lists every action of the key table (tui/keys.h) with its keys
 * and label, grouped, in as many columns as the screen needs, and a legend
 * of the week's glyphs; drawn from the table, it lists exactly the keys
 * that work.  Each function clears the canvas and follows c->ascii. */

#include "tui/canvas.h"
#include "tui/field.h"

void tui_help_draw(struct tui_canvas *c);

/* "pipebench needs at least 80×24; this terminal is 70×20 — enlarge it",
 * centred, on two lines when one does not fit. */
void tui_help_draw_small(struct tui_canvas *c, int min_h, int min_w);

/* What pipebench is, the name's edit line (focused: the canvas cursor goes
 * there), how to try demo data instead; then message, or the keys when
 * message is NULL. */
void tui_help_draw_welcome(struct tui_canvas *c, const struct tui_field *name,
                           const char *message, int is_error);

#endif
