/* A column of text areas, one of them focused (tui/textarea.h): the
 * minutes' four texts, the preparation's three. */
#include "tui/textarea.h"

#include <curses.h>

int tui_textarea_column_event(struct tui_textarea *t, int *focus,
                              const struct tui_event *ev, int *refused)
{
	*refused = 0;
	int r = tui_textarea_event(&t[*focus], ev);
	switch (r) {
	case TUI_TEXTAREA_FULL:
	case TUI_TEXTAREA_REFUSED:
		*refused = r;
		return TUI_REDRAW;
	case TUI_TEXTAREA_IGNORED:
		break;
	default:
		return TUI_REDRAW;
	}
	/* The arrows go on past a text's edge into the next field. */
	if (tui_ev_key(ev, KEY_UP) && *focus > 0)
		(*focus)--;
	else if (tui_ev_key(ev, KEY_DOWN))
		(*focus)++;
	else
		return TUI_NONE;
	return TUI_REDRAW;
}

int tui_textarea_column_click(struct tui_textarea *t, int n, const int *y, int x,
                              const struct tui_event *ev, int *focus)
{
	for (int i = 0; i < n; i++) {
		if (ev->y >= y[i] && ev->y < y[i] + t[i].h && ev->x >= x && ev->x < x + t[i].w) {
			*focus = i;
			tui_textarea_click(&t[i], ev->y - y[i], ev->x - x);
			return 1;
		}
	}
	return 0;
}
