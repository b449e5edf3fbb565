#ifndef TUI_MEETING_TITLE_H
#define TUI_MEETING_TITLE_H
/* The two title rows of the screens that belong to one meeting (minutes,
 * preparation): "SCREEN · Account  [unsaved]  Mon 23 Nov 2026 09:00-10:00"
 * on row 0, then type · form · battlefield · status on row 1. */

#include "core/meeting.h"
#include "tui/canvas.h"

/* type_label is the meeting type's label from the matrix; dirty adds
 * "[unsaved]"; ascii draws " - " for the dots and no form glyph.  All
 * strings are the caller's. */
void tui_meeting_title_draw(struct tui_canvas *c, const struct core_meeting *m,
                            const char *screen, const char *type_label, int dirty,
                            int ascii);

#endif
