#ifndef TUI_TERM_H
#define TUI_TERM_H
/* The ncurses side of the TUI, and the only file that talks to the
 * terminal: opening and restoring it, reading one event, the colour themes
 * (each canvas role to colours and attributes) and copying a canvas to the
 * screen.  ncurses' own refresh does the diffing, so only changed cells go
 * out (it matters over a slow SSH link). */

#include <curses.h>

#include "core/error.h"
#include "tui/canvas.h"
#include "tui/event.h"

/* One role's look.  fg/bg are curses colours, -1 the terminal's default;
 * the monochrome theme uses attributes only. */
struct tui_theme_row {
	int fg, bg;
	attr_t attrs;
};

struct tui_theme {
	const char *name;
	int colour;                         /* 0: attributes only */
	struct tui_theme_row role[TUI_ROLE_COUNT];
};

struct tui_term {
	SCREEN *screen;              /* owned; freed by tui_term_close */
	const struct tui_theme *theme; /* static */
	int cursor_shown;            /* what curs_set last asked for */
	int ascii;                   /* no UTF-8: non-ASCII shows as '?' */
};

/* Opens the terminal on stdin/stdout (newterm, so a missing or unknown TERM
 * is an error, not an abort): cbreak, no echo, keypad, a 25 ms Esc delay,
 * button-1 clicks, tick_ms as the read timeout, and the theme picked by
 * tui_term_theme_pick().  CORE_ERR_IO when there is no usable terminal. */
enum core_status tui_term_open(struct tui_term *t, int ascii, int tick_ms,
                               struct core_error *err);
/* Restores the terminal; safe to call twice and after a failed open. */
void tui_term_close(struct tui_term *t);

/* The monochrome theme when the terminal has no colours or NO_COLOR is set
 * and not empty (https://no-color.org), else the colour theme. */
const struct tui_theme *tui_term_theme_pick(void);
int tui_term_monochrome(const struct tui_term *t);

/* Waits up to the tick for one event.  Enter comes back as the character
 * '\n', every backspace as KEY_BACKSPACE, a terminal resize as the key
 * KEY_RESIZE, and nothing typed (or an unwanted mouse report) as a tick. */
void tui_term_read(struct tui_term *t, struct tui_event *ev);

/* The terminal's size now. */
void tui_term_size(const struct tui_term *t, int *h, int *w);

/* Copies the canvas to the screen and refreshes: cells with the role's
 * colours and attributes, the cursor where the canvas puts it or hidden.
 * force repaints every cell (Ctrl-L, after something scribbled on the
 * terminal). */
void tui_term_blit(struct tui_term *t, const struct tui_canvas *c, int force);

#endif
