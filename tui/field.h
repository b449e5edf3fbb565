#ifndef TUI_FIELD_H
#define TUI_FIELD_H
/* A one-line text editor: the edit fields of the dialogs.  The text is kept
 * as wide characters so the cursor moves by character and double-width
 * characters (CJK) take two columns; it comes in and goes out as UTF-8 and
 * never grows past a byte budget, so it always fits the char[] it is copied
 * into (CORE_NAME_MAX and friends).  It reads struct tui_event and draws into
 * a canvas: no terminal needed, so the tests drive it with synthetic events.
 *
 * Keys: printable characters insert at the cursor; Backspace, Delete
 * (and Ctrl-D); Left/Right (Ctrl-B/Ctrl-F); Home/End (Ctrl-A/Ctrl-E);
 * Ctrl-U deletes to the start, Ctrl-K to the end, Ctrl-W the word before the
 * cursor.  Everything else (Enter, Tab, Esc, Up/Down) is left to the owner. */

#include <stddef.h>

#include "tui/canvas.h"
#include "tui/event.h"

/* The members are the field's own: read them if useful, change them only
 * through the functions below. */
struct tui_field {
	wchar_t *buf;     /* owned; buf[len] == 0 */
	size_t len;       /* characters */
	size_t cap;       /* characters buf holds, the terminating 0 excluded */
	size_t bytes;     /* UTF-8 bytes of the text, without a NUL */
	size_t max_bytes; /* the byte budget: the text fits char[max_bytes + 1] */
	size_t cursor;    /* 0..len, a character index */
	size_t scroll;    /* the first character shown */
	int width;        /* columns of the window scroll is kept for */
};

/* What tui_field_event did with an event. */
enum tui_field_result {
	TUI_FIELD_IGNORED = 0, /* not an editing key: the owner handles it */
	TUI_FIELD_MOVED,       /* consumed; the text is unchanged (the cursor
	                          may have moved, or a character did not fit) */
	TUI_FIELD_EDITED       /* the text changed */
};

/* An empty field whose UTF-8 text always fits a buffer of size bytes, the
 * NUL included (size >= 1), shown in width columns.  A field of up to 256
 * bytes allocates all it will ever need here, so tui_field_set and typing
 * cannot fail on it later.  Returns 0, or -1 when out of memory. */
int tui_field_init(struct tui_field *f, size_t size, int width);
void tui_field_free(struct tui_field *f);

/* Replaces the text with utf8 (cut at a character boundary when it does not
 * fit; invalid bytes become U+FFFD; control characters are dropped) and
 * puts the cursor at the end.  Returns 0, or -1 when out of memory (the
 * field is then empty). */
int tui_field_set(struct tui_field *f, const char *utf8);
/* Writes the text as UTF-8 into out (n bytes), always NUL-terminated; with
 * n >= the size given to tui_field_init nothing is ever cut.  Returns the
 * bytes written, the NUL excluded. */
size_t tui_field_get(const struct tui_field *f, char *out, size_t n);
/* 1 when the text equals utf8 ignoring case (towlower, so Æ matches æ
 * in a UTF-8 locale), else 0. */
int tui_field_equal_ci(const struct tui_field *f, const char *utf8);
/* The window width that scrolling follows (the owner's layout). */
void tui_field_set_width(struct tui_field *f, int width);

int tui_field_event(struct tui_field *f, const struct tui_event *ev);

/* Draws the visible part into w columns at (y, x) in TUI_ROLE_INPUT, or
 * TUI_ROLE_INPUT_FOCUS with the canvas cursor placed at the field's cursor
 * when focused.  A w other than the field's width still keeps the cursor
 * in view. */
void tui_field_draw(const struct tui_field *f, struct tui_canvas *c, int y,
                    int x, int w, int focused);

#endif
