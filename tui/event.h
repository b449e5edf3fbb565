#ifndef TUI_EVENT_H
#define TUI_EVENT_H
/* What the main loop hands to a screen, and what a screen hands back: an
 * input event in, repaint flags out (handlers never draw; only the main
 * loop does, htop-style).  No ncurses types here, so screens stay testable
 * with synthetic events. */

#include <wchar.h>

enum tui_event_kind {
	TUI_EV_CHAR,    /* ch: a typed character (UTF-8 decoded by ncurses) */
	TUI_EV_KEY,     /* key: an ncurses KEY_* code */
	TUI_EV_MOUSE,   /* y, x: a click (button 1 pressed or clicked) */
	TUI_EV_TICK     /* the wtimeout tick: nothing typed */
};

struct tui_event {
	enum tui_event_kind kind;
	wint_t ch;
	int key;
	int y, x;
};

/* The two tests every handler makes: a typed character, a KEY_* code. */
static inline int tui_ev_char(const struct tui_event *ev, wint_t ch)
{
	return ev->kind == TUI_EV_CHAR && ev->ch == ch;
}

static inline int tui_ev_key(const struct tui_event *ev, int key)
{
	return ev->kind == TUI_EV_KEY && ev->key == key;
}

/* Handler results, or-ed together. */
enum tui_repaint {
	TUI_NONE   = 0,
	TUI_REDRAW = 1,   /* draw again from the model in memory */
	TUI_RELOAD = 2,   /* the data changed: reload from the database, redraw */
	TUI_CLOSE  = 4,   /* the dialog is done: pop it */
	TUI_QUIT   = 8
};

#endif
