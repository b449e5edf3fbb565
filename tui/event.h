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

/* The answer to a yes/no question on the status line: y or Y, n or N, Esc
 * (take the question back), or a key that answers nothing. */
enum tui_answer { TUI_ANSWER_NONE, TUI_ANSWER_YES, TUI_ANSWER_NO, TUI_ANSWER_BACK };

static inline enum tui_answer tui_ev_answer(const struct tui_event *ev)
{
	if (tui_ev_char(ev, 'y') || tui_ev_char(ev, 'Y'))
		return TUI_ANSWER_YES;
	if (tui_ev_char(ev, 'n') || tui_ev_char(ev, 'N'))
		return TUI_ANSWER_NO;
	return tui_ev_char(ev, 27) ? TUI_ANSWER_BACK : TUI_ANSWER_NONE;
}

/* What a screen with unsaved text asks when it is left. */
#define TUI_SAVE_QUESTION "save changes? (y)es / (n)o, discard / Esc keep editing"

/* Handler results, or-ed together. */
enum tui_repaint {
	TUI_NONE   = 0,
	TUI_REDRAW = 1,   /* draw again from the model in memory */
	TUI_RELOAD = 2,   /* the data changed: reload from the database, redraw */
	TUI_CLOSE  = 4,   /* the dialog is done: pop it */
	TUI_QUIT   = 8
};

#endif
