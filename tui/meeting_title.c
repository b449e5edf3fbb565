/* The title rows of a meeting's own screens (tui/meeting_title.h). */
#include "tui/meeting_title.h"

#include <stdio.h>

#include "core/calendar.h"
#include "core/domain.h"

void tui_meeting_title_draw(struct tui_canvas *c, const struct core_meeting *m,
                            const char *screen, const char *type_label, int dirty,
                            int ascii)
{
	const char *dot = ascii ? " - " : " · ";
	int w = c->w;
	char when[64], end[16];
	int64_t days, start_day;
	int minute, start_min;
	core_local_from_epoch(m->starts_at, &start_day, &start_min);
	core_local_from_epoch(m->starts_at + (int64_t)m->duration_min * 60, &days, &minute);
	struct core_date d = core_date_from_days(start_day);
	snprintf(end, sizeof end, "%02d:%02d", minute / 60, minute % 60);
	snprintf(when, sizeof when, "%s %d %s %d %02d:%02d-%s",
	         core_weekday_abbr(core_weekday(start_day)), d.day,
	         core_month_abbr(d.month), d.year, start_min / 60, start_min % 60, end);
	tui_canvas_fill(c, 0, 0, 1, w, L' ', TUI_ROLE_TITLE);
	int ww = tui_text_width(when);
	tui_canvas_printf(c, 0, 1, w - ww - 14, TUI_ROLE_TITLE, "%s%s%s", screen, dot,
	                  m->account);
	if (dirty)
		tui_canvas_text(c, 0, w - ww - 11, -1, TUI_ROLE_TITLE, "[unsaved]");
	tui_canvas_text(c, 0, w - 1 - ww, -1, TUI_ROLE_TITLE, when);
	int x = 1;
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_NORMAL, type_label);
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_DIM, dot);
	if (!ascii) {
		x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_NORMAL, core_form_glyph(m->form));
		x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_NORMAL, " ");
	}
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_NORMAL, core_form_label(m->form));
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_DIM, dot);
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_NORMAL,
	                     core_battlefield_label(m->battlefield));
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_DIM, dot);
	tui_canvas_text(c, 1, x, -1,
	                m->status == CORE_MS_HELD ? TUI_ROLE_HELD : TUI_ROLE_NORMAL,
	                core_mstatus_key(m->status));
}
