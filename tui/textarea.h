#ifndef TUI_TEXTAREA_H
#define TUI_TEXTAREA_H
/* A multi-line text editor: the minutes and preparation texts.  The
 * one-line tui/field.h grown up: the same byte budget, UTF-8 in and out,
 * struct tui_event in and a canvas out, so the tests drive it without a
 * terminal.  Lines are soft-wrapped at blanks to the widget's width (a
 * word longer than a line is cut where the line ends); the last column is
 * kept free for the cursor, as the field keeps a cell after its text.
 *
 * Keys: printable characters insert at the cursor; Enter ('\n', or '\r')
 * inserts a newline when TUI_TEXTAREA_NEWLINE is set, else it is left to
 * the owner (a dialog's Enter saves); Backspace and Delete (Ctrl-D) join
 * lines at a line's edge; Left/Right (Ctrl-B/Ctrl-F) cross line ends;
 * Up/Down move by screen line keeping the column they started from; Home/
 * End go to the screen line's edges, Ctrl-A/Ctrl-E to the whole line's;
 * PgUp/PgDn move a view's height; Ctrl-U deletes to the start of the line,
 * Ctrl-K to its end (at the end: joins the next line), Ctrl-W the word
 * before the cursor (at a line's start: joins the previous line).
 * Left to the owner: Up on the first screen line, Down on the last (so
 * the arrows can move between fields), Tab, Esc, function keys.  Pasted
 * text arrives as typed characters, one event each; each costs time in
 * proportion to the lines on screen, never to the length of the text. */

#include <stddef.h>

#include "tui/canvas.h"
#include "tui/event.h"

enum tui_textarea_flags {
	TUI_TEXTAREA_NEWLINE = 1,  /* Enter inserts a newline */
	TUI_TEXTAREA_READONLY = 2  /* shown, never edited: the cursor moves and
	                              the view scrolls, but every key that would
	                              edit, and tui_textarea_insert, is refused
	                              (TUI_TEXTAREA_REFUSED) with the text and
	                              dirty untouched; tui_textarea_set still
	                              loads it */
};

/* The members are the widget's own: read them if useful, change them only
 * through the functions below.  Positions are character indexes into the
 * text, 0..len. */
struct tui_textarea {
	wchar_t *buf;      /* owned: the text, with a gap at the last edit */
	size_t cap;        /* characters buf holds, the gap included */
	size_t gap, gap_end; /* the gap is buf[gap..gap_end) */
	size_t len;        /* characters of text */
	size_t bytes;      /* UTF-8 bytes of the text, without a NUL */
	size_t max_bytes;  /* the budget: the text fits char[max_bytes + 1] */
	size_t cursor;     /* 0..len */
	int goal;          /* the column Up/Down aim for; -1: the cursor's */
	unsigned flags;    /* enum tui_textarea_flags */
	int dirty;         /* edited since tui_textarea_set or _mark_clean */
	int h, w;          /* the view: rows and columns */
	size_t top;        /* the first screen line shown */
	/* Where each screen line starts, computed on demand: line[0..nline)
	 * are right for the current text; complete says line[nline - 1] is
	 * the last line.  Room for cap + 1 entries, so it never allocates. */
	size_t *line;      /* owned */
	size_t nline;
	int complete;
};

/* What tui_textarea_event did with an event. */
enum tui_textarea_result {
	TUI_TEXTAREA_IGNORED = 0, /* not an editing key: the owner handles it */
	TUI_TEXTAREA_MOVED,       /* consumed; the text is unchanged */
	TUI_TEXTAREA_EDITED,      /* the text changed (dirty is set) */
	TUI_TEXTAREA_FULL,        /* consumed, refused: the text is at its
	                             byte budget (the owner may say so) */
	TUI_TEXTAREA_REFUSED      /* consumed, refused: an editing key in a
	                             read-only area (the owner says so) */
};

/* An empty text area whose UTF-8 text always fits a buffer of size bytes,
 * the NUL included (size >= 1), shown in h rows of w columns.  flags:
 * enum tui_textarea_flags or-ed.  Returns 0, or -1 when out of memory. */
int tui_textarea_init(struct tui_textarea *t, size_t size, int h, int w,
                      unsigned flags);
void tui_textarea_free(struct tui_textarea *t);

/* Replaces the text with utf8 (cut at a character boundary when it does
 * not fit; CR LF and a lone CR become a newline; invalid bytes become
 * U+FFFD; control characters other than newline and tab are dropped), puts
 * the cursor and the view at the start and clears dirty.  Returns 0, or -1
 * when out of memory (the text is then empty). */
int tui_textarea_set(struct tui_textarea *t, const char *utf8);
/* Inserts utf8 at the cursor, cleaned as tui_textarea_set does, as far as
 * the budget allows: a paste in one piece.  Returns the result, as an
 * event would (FULL when something was cut, REFUSED when read-only; -1
 * when out of memory, with what fitted in memory inserted). */
int tui_textarea_insert(struct tui_textarea *t, const char *utf8);
/* Writes the text as UTF-8 into out (n bytes), always NUL-terminated, whole
 * characters only; with n >= the size given to tui_textarea_init nothing
 * is ever cut.  Returns the bytes written, the NUL excluded. */
size_t tui_textarea_get(const struct tui_textarea *t, char *out, size_t n);
/* The text as a malloc'd UTF-8 string the caller frees; NULL when out of
 * memory. */
char *tui_textarea_dup(const struct tui_textarea *t);
/* Forget the edits so far: dirty is 0 until the next one (after a save). */
void tui_textarea_mark_clean(struct tui_textarea *t);

/* A new view size (the owner's layout): rewraps, keeping the first line
 * shown and the cursor in view. */
void tui_textarea_resize(struct tui_textarea *t, int h, int w);

int tui_textarea_event(struct tui_textarea *t, const struct tui_event *ev);
/* A click at (row, col) of the view, as the owner translates a
 * TUI_EV_MOUSE: the cursor goes to the nearest character. */
void tui_textarea_click(struct tui_textarea *t, int row, int col);

/* 1 when screen lines are hidden above / below the view (scroll marks). */
int tui_textarea_more_above(const struct tui_textarea *t);
int tui_textarea_more_below(const struct tui_textarea *t);

/* Draws the view into h x w cells at (y, x) in TUI_ROLE_INPUT, or
 * TUI_ROLE_INPUT_FOCUS with the canvas cursor placed at the text's cursor
 * when focused.  Costs the cells of the view, whatever the text's length. */
void tui_textarea_draw(const struct tui_textarea *t, struct tui_canvas *c,
                       int y, int x, int focused);

/* A column of text areas t[0..n-1], t[*focus] the focused one (defined
 * in tui/textarea_column.c).  Event: what the focused area takes it
 * keeps; Up on its first line and Down on its last go on to the area
 * above or below, Down from the last making *focus the field after the
 * column (n).  Returns TUI_REDRAW or TUI_NONE; *refused is the area's
 * result when it refused the key, TUI_TEXTAREA_FULL (no room) or
 * TUI_TEXTAREA_REFUSED (read-only), for the caller to say so; else 0. */
int tui_textarea_column_event(struct tui_textarea *t, int *focus,
                              const struct tui_event *ev, int *refused);
/* A click on one of the areas, drawn at rows y[i] from column x: focuses
 * it and puts the cursor there; 1, or 0 when the click hit none. */
int tui_textarea_column_click(struct tui_textarea *t, int n, const int *y, int x,
                              const struct tui_event *ev, int *focus);

#endif
