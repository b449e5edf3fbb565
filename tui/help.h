#ifndef TUI_HELP_H
#define TUI_HELP_H
/* The help screen (`?`): every action of the key table (tui/keys.h) with
 * its keys and label, grouped, in as many columns as the screen needs, and
 * a legend of the week's glyphs.  Drawn from the table, so it lists exactly
 * the keys that work.  Any key closes it (the caller's business). */

#include "tui/canvas.h"

/* Clears the canvas and draws the help.  Follows c->ascii for glyphs and
 * key names. */
void tui_help_draw(struct tui_canvas *c);

#endif
