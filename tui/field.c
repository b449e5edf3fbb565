/* The one-line editor.  Edits are a memmove of the text after the cursor,
 * the byte count is kept as a running total and the scroll window is
 * adjusted by walking at most a window's width of characters, so a paste
 * (one TUI_EV_CHAR per character) costs O(1) per character at the end of
 * the text.  Widths and drawing go through the canvas, so a field measures
 * exactly as the rest of the screen, whatever the locale. */
#include "tui/field.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

/* Only for the KEY_* codes that struct tui_event carries; nothing here
 * talks to the terminal. */
#include <curses.h>

#include "core/utf8.h"

/* Control keys arrive as TUI_EV_CHAR with the control code. */
#define FIELD_CTRL(c) ((c) & 0x1f)

/* Decodes one character from s (n > 0 bytes left); returns the bytes used.
 * Whatever is not well-formed gives U+FFFD and consumes one byte, so
 * decoding always moves on. */
static size_t field_utf8_next(const unsigned char *s, size_t n, uint32_t *out)
{
	size_t used = core_utf8_decode((const char *)s, n, out);
	if (*out == CORE_UTF8_BAD) {
		*out = CORE_UTF8_REPLACEMENT;
		used = 1;
	}
	return used;
}

/* Characters the field stores: no C0/C1 controls, no surrogates. */
static int field_char_ok(uint32_t u)
{
	if (u < 0x20 || (u >= 0x7F && u < 0xA0))
		return 0;
	return core_utf8_len(u) != 0;
}

/* Columns a character takes, as the canvas measures it.  Combining marks
 * take none (they are kept, but a cell shows only the base character). */
static int field_char_width(wchar_t ch)
{
	char u8[5];
	u8[core_utf8_encode((uint32_t)ch, u8)] = '\0';
	return tui_text_width(u8);
}

/* The width the cursor needs where it stands: the character under it, or
 * one column at the end of the text. */
static int field_cursor_width(const struct tui_field *f)
{
	if (f->cursor >= f->len)
		return 1;
	int w = field_char_width(f->buf[f->cursor]);
	return w < 1 ? 1 : w;
}

/* The first character to show in a window of width columns: f->scroll when
 * that keeps the cursor in view, else the nearest start that does; and no
 * further right than needed to fill the window, so deleting at the end
 * pulls the text back into view.  Walks at most a window's width. */
static size_t field_view_start(const struct tui_field *f, int width)
{
	size_t start = f->scroll;
	if (width < 1)
		return f->cursor;
	if (start > f->cursor)
		start = f->cursor;

	/* The leftmost start from which the cursor still fits. */
	int room = width - field_cursor_width(f);
	size_t lo = f->cursor;
	int cols = 0;
	while (lo > 0) {
		int cw = field_char_width(f->buf[lo - 1]);
		if (cols + cw > room)
			break;
		cols += cw;
		lo--;
	}
	if (start < lo)
		start = lo;

	/* Fill the window: move left while the tail (and the end-of-text
	 * cursor cell) still fits. */
	int tail = 1;
	for (size_t i = start; i < f->len && tail <= width; i++)
		tail += field_char_width(f->buf[i]);
	while (start > 0 && tail <= width) {
		int cw = field_char_width(f->buf[start - 1]);
		if (tail + cw > width)
			break;
		tail += cw;
		start--;
	}
	return start;
}

static void field_rescroll(struct tui_field *f)
{
	f->scroll = field_view_start(f, f->width);
}

int tui_field_init(struct tui_field *f, size_t size, int width)
{
	memset(f, 0, sizeof *f);
	f->max_bytes = size > 0 ? size - 1 : 0;
	/* Room for a whole name or reason up front, so setting the text of
	 * an ordinary field never allocates; only big budgets grow later. */
	f->cap = f->max_bytes > 255 ? 255 : f->max_bytes < 15 ? 15 : f->max_bytes;
	f->buf = malloc((f->cap + 1) * sizeof *f->buf);
	if (f->buf == NULL) {
		f->cap = 0;
		return -1;
	}
	f->buf[0] = 0;
	f->width = width;
	return 0;
}

void tui_field_free(struct tui_field *f)
{
	free(f->buf);
	memset(f, 0, sizeof *f);
}

/* Room for at least need characters.  Never more than max_bytes are
 * needed: every character takes at least one byte. */
static int field_reserve(struct tui_field *f, size_t need)
{
	if (need <= f->cap && f->buf != NULL)
		return 0;
	size_t cap = f->cap ? f->cap : 15;
	while (cap < need)
		cap = cap * 2 + 1;
	if (cap > f->max_bytes && need <= f->max_bytes)
		cap = f->max_bytes;
	wchar_t *nb = realloc(f->buf, (cap + 1) * sizeof *nb);
	if (nb == NULL)
		return -1;
	f->buf = nb;
	f->cap = cap;
	return 0;
}

static void field_delete(struct tui_field *f, size_t from, size_t to)
{
	if (to <= from)
		return;
	for (size_t i = from; i < to; i++)
		f->bytes -= core_utf8_len((uint32_t)f->buf[i]);
	memmove(f->buf + from, f->buf + to, (f->len - to + 1) * sizeof *f->buf);
	f->len -= to - from;
	if (f->cursor >= to)
		f->cursor -= to - from;
	else if (f->cursor > from)
		f->cursor = from;
}

/* Inserts at the cursor; 0 when inserted, 1 when it would not fit the
 * byte budget, -1 when out of memory. */
static int field_insert(struct tui_field *f, wchar_t ch)
{
	size_t nb = core_utf8_len((uint32_t)ch);
	if (f->bytes + nb > f->max_bytes)
		return 1;
	if (field_reserve(f, f->len + 1) != 0)
		return -1;
	memmove(f->buf + f->cursor + 1, f->buf + f->cursor,
	        (f->len - f->cursor + 1) * sizeof *f->buf);
	f->buf[f->cursor] = ch;
	f->len++;
	f->cursor++;
	f->bytes += nb;
	return 0;
}

int tui_field_set(struct tui_field *f, const char *utf8)
{
	f->len = 0;
	f->bytes = 0;
	f->cursor = 0;
	f->scroll = 0;
	if (f->buf != NULL)
		f->buf[0] = 0;
	const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
	size_t n = strlen((const char *)s);
	while (n > 0) {
		uint32_t u;
		size_t used = field_utf8_next(s, n, &u);
		s += used;
		n -= used;
		if (u == '\t')
			u = ' ';
		if (!field_char_ok(u))
			continue;
		int r = field_insert(f, (wchar_t)u);
		if (r < 0) {
			field_delete(f, 0, f->len);
			return -1;
		}
		if (r > 0)
			break;
	}
	field_rescroll(f);
	return 0;
}

size_t tui_field_get(const struct tui_field *f, char *out, size_t n)
{
	if (n == 0)
		return 0;
	size_t used = 0;
	for (size_t i = 0; i < f->len; i++) {
		size_t nb = core_utf8_len((uint32_t)f->buf[i]);
		if (used + nb + 1 > n)
			break;
		used += core_utf8_encode((uint32_t)f->buf[i], out + used);
	}
	out[used] = '\0';
	return used;
}

int tui_field_equal_ci(const struct tui_field *f, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
	size_t n = strlen((const char *)s);
	size_t i = 0;
	while (n > 0) {
		uint32_t u;
		size_t used = field_utf8_next(s, n, &u);
		s += used;
		n -= used;
		if (i >= f->len ||
		    towlower((wint_t)f->buf[i]) != towlower((wint_t)u))
			return 0;
		i++;
	}
	return i == f->len;
}

void tui_field_set_width(struct tui_field *f, int width)
{
	f->width = width;
	field_rescroll(f);
}

/* The start of the word before the cursor: blanks, then non-blanks, as a
 * shell's Ctrl-W. */
static size_t field_word_start(const struct tui_field *f)
{
	size_t p = f->cursor;
	while (p > 0 && iswspace((wint_t)f->buf[p - 1]))
		p--;
	while (p > 0 && !iswspace((wint_t)f->buf[p - 1]))
		p--;
	return p;
}

static int field_key(struct tui_field *f, int key)
{
	switch (key) {
	case KEY_LEFT:
		if (f->cursor > 0)
			f->cursor--;
		return TUI_FIELD_MOVED;
	case KEY_RIGHT:
		if (f->cursor < f->len)
			f->cursor++;
		return TUI_FIELD_MOVED;
	case KEY_HOME:
		f->cursor = 0;
		return TUI_FIELD_MOVED;
	case KEY_END:
		f->cursor = f->len;
		return TUI_FIELD_MOVED;
	case KEY_BACKSPACE:
		if (f->cursor == 0)
			return TUI_FIELD_MOVED;
		field_delete(f, f->cursor - 1, f->cursor);
		return TUI_FIELD_EDITED;
	case KEY_DC:
		if (f->cursor >= f->len)
			return TUI_FIELD_MOVED;
		field_delete(f, f->cursor, f->cursor + 1);
		return TUI_FIELD_EDITED;
	default:
		return TUI_FIELD_IGNORED;
	}
}

static int field_control(struct tui_field *f, wint_t ch)
{
	switch (ch) {
	case FIELD_CTRL('a'): return field_key(f, KEY_HOME);
	case FIELD_CTRL('e'): return field_key(f, KEY_END);
	case FIELD_CTRL('b'): return field_key(f, KEY_LEFT);
	case FIELD_CTRL('f'): return field_key(f, KEY_RIGHT);
	case FIELD_CTRL('d'): return field_key(f, KEY_DC);
	case FIELD_CTRL('h'):
	case 0x7F:
		return field_key(f, KEY_BACKSPACE);
	case FIELD_CTRL('u'):
		if (f->cursor == 0)
			return TUI_FIELD_MOVED;
		field_delete(f, 0, f->cursor);
		return TUI_FIELD_EDITED;
	case FIELD_CTRL('k'):
		if (f->cursor >= f->len)
			return TUI_FIELD_MOVED;
		field_delete(f, f->cursor, f->len);
		return TUI_FIELD_EDITED;
	case FIELD_CTRL('w'): {
		size_t p = field_word_start(f);
		if (p == f->cursor)
			return TUI_FIELD_MOVED;
		field_delete(f, p, f->cursor);
		return TUI_FIELD_EDITED;
	}
	default:
		return TUI_FIELD_IGNORED;
	}
}

int tui_field_event(struct tui_field *f, const struct tui_event *ev)
{
	int r = TUI_FIELD_IGNORED;
	if (ev->kind == TUI_EV_KEY) {
		r = field_key(f, ev->key);
	} else if (ev->kind == TUI_EV_CHAR) {
		uint32_t u = (uint32_t)ev->ch;
		if (field_char_ok(u))
			r = field_insert(f, (wchar_t)u) == 0 ? TUI_FIELD_EDITED
			                                     : TUI_FIELD_MOVED;
		else
			r = field_control(f, ev->ch);
	}
	if (r != TUI_FIELD_IGNORED)
		field_rescroll(f);
	return r;
}

void tui_field_draw(const struct tui_field *f, struct tui_canvas *c, int y,
                    int x, int w, int focused)
{
	int role = focused ? TUI_ROLE_INPUT_FOCUS : TUI_ROLE_INPUT;
	if (w < 1)
		return;
	tui_canvas_fill(c, y, x, 1, w, L' ', role);

	size_t start = field_view_start(f, w);
	int col = 0, cursor_col = -1;
	for (size_t i = start; i < f->len; i++) {
		if (i == f->cursor)
			cursor_col = col;
		int cw = field_char_width(f->buf[i]);
		if (cw == 0)
			continue;
		if (col + cw > w)
			break;
		char u8[5];
		u8[core_utf8_encode((uint32_t)f->buf[i], u8)] = '\0';
		tui_canvas_text(c, y, x + col, cw, role, u8);
		col += cw;
	}
	/* The view always fits the end-of-text cursor, so the loop above ran
	 * to the end and col is where that cell is. */
	if (f->cursor >= f->len)
		cursor_col = col;
	if (focused && cursor_col >= 0 && cursor_col < w) {
		c->cursor_y = y;
		c->cursor_x = x + cursor_col;
	}
}
