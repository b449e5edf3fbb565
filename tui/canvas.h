#ifndef TUI_CANVAS_H
#define TUI_CANVAS_H
/* A virtual screen: a grid of wide characters, each with a colour role.
 * Every screen draws into a canvas; the live TUI copies it to ncurses
 * (tui/term.c), `week --print` and the golden tests dump it as text.  So
 * there is one drawing path and it needs no terminal.  No ncurses here. */

#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

/* Colours are chosen by role; tui/theme.c maps roles to colour pairs. */
enum tui_role {
	TUI_ROLE_NORMAL,
	TUI_ROLE_TITLE,        /* the top line */
	TUI_ROLE_BORDER,
	TUI_ROLE_DAY,          /* a day's heading */
	TUI_ROLE_TODAY,        /* today's heading */
	TUI_ROLE_BATTLEFIELD_RESALE,
	TUI_ROLE_BATTLEFIELD_UPSELL,
	TUI_ROLE_BATTLEFIELD_NEW,
	TUI_ROLE_SELECTED,     /* the meeting under the cursor */
	TUI_ROLE_HELD,
	TUI_ROLE_CANCELLED,
	TUI_ROLE_DIM,          /* secondary text */
	TUI_ROLE_WARNING,
	TUI_ROLE_GOOD,
	TUI_ROLE_BAR_FULL,
	TUI_ROLE_BAR_EMPTY,
	TUI_ROLE_KEY,          /* a key name in the status bar / help */
	TUI_ROLE_STATUS,       /* the bottom line */
	TUI_ROLE_DIALOG,       /* a dialog's body */
	TUI_ROLE_INPUT,        /* an edit field */
	TUI_ROLE_INPUT_FOCUS,  /* the edit field with focus */
	TUI_ROLE_ERROR,
	TUI_ROLE_COUNT
};

/* ch == 0 marks the right half of a double-width character. */
struct tui_cell {
	wchar_t ch;
	unsigned char role;
};

/* A rectangle that a mouse click selects: the week view records one per
 * meeting it draws. */
struct tui_hit {
	int y, x, h, w;
	int id;                /* what the screen put there (an index) */
};

#define TUI_CANVAS_MAX_HITS 256

struct tui_canvas {
	int h, w;
	int ascii;             /* no UTF-8: boxes as +-| and glyphs as letters */
	struct tui_cell *cells;/* h * w, owned by the canvas */
	int cursor_y, cursor_x;/* where the terminal cursor goes; -1: hidden */
	int n_hits;
	struct tui_hit hits[TUI_CANVAS_MAX_HITS];
};

/* Allocates h*w cells (returns -1 when out of memory).  tui_canvas_resize
 * keeps nothing: the caller redraws. */
int tui_canvas_init(struct tui_canvas *c, int h, int w, int ascii);
int tui_canvas_resize(struct tui_canvas *c, int h, int w);
void tui_canvas_free(struct tui_canvas *c);
/* Blanks every cell, forgets the hits, hides the cursor. */
void tui_canvas_clear(struct tui_canvas *c);

/* Writes UTF-8 text at (y, x), at most maxw columns (maxw < 0: to the right
 * edge), in role.  Text that does not fit is cut and ends in "…" ("~" in
 * ASCII mode); a double-width character never straddles the limit; bytes
 * that are not valid UTF-8 show as U+FFFD ('?').  Returns columns used. */
int tui_canvas_text(struct tui_canvas *c, int y, int x, int maxw, int role,
                    const char *utf8);
/* printf into tui_canvas_text. */
#if defined(__GNUC__)
__attribute__((format(printf, 6, 7)))
#endif
int tui_canvas_printf(struct tui_canvas *c, int y, int x, int maxw, int role,
                      const char *fmt, ...);
/* Columns the text would take, uncut. */
int tui_text_width(const char *utf8);

void tui_canvas_fill(struct tui_canvas *c, int y, int x, int h, int w,
                     wchar_t ch, int role);
/* Sets the role of a rectangle, keeping the characters (selection bars). */
void tui_canvas_paint(struct tui_canvas *c, int y, int x, int h, int w, int role);
/* Line-drawing: ─ │ ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼, or + - | in ASCII mode. */
void tui_canvas_hline(struct tui_canvas *c, int y, int x, int w, int role);
void tui_canvas_vline(struct tui_canvas *c, int y, int x, int h, int role);
void tui_canvas_box(struct tui_canvas *c, int y, int x, int h, int w, int role);
/* Puts a single corner/tee character: which is one of "┌┐└┘├┤┬┴┼" given
 * as its index 0..8 in that order. */
void tui_canvas_joint(struct tui_canvas *c, int y, int x, int which, int role);
/* A bar of w cells, filled by fraction (0..1), █ and ░ (# and . ASCII). */
void tui_canvas_bar(struct tui_canvas *c, int y, int x, int w, double fraction);

void tui_canvas_hit(struct tui_canvas *c, int y, int x, int h, int w, int id);
/* The id of the last hit rectangle containing (y, x), or -1. */
int tui_canvas_hit_at(const struct tui_canvas *c, int y, int x);

/* Writes the canvas as UTF-8 lines, trailing blanks cut, "\n" after each
 * line.  Returns 0, or -1 on a write error. */
int tui_canvas_dump(const struct tui_canvas *c, FILE *out);

#endif
