/* The multi-line editor.  The text is a gap buffer of wide characters: the
 * gap follows the edits, so typing or pasting at one place costs O(1) a
 * character however long the text.  Screen lines are a table of where each
 * starts, kept valid as a prefix and extended on demand: an edit only
 * throws away the entries from two lines above it (see ta_forget), and the
 * table is rebuilt only as far as the cursor and the view need.  So no
 * event, and no draw, costs more than the lines around the cursor and on
 * screen.  Widths go through the canvas, so the text measures exactly as
 * the rest of the screen, whatever the locale. */
#include "tui/textarea.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Only for the KEY_* codes that struct tui_event carries; nothing here
 * talks to the terminal. */
#include <curses.h>

#include "core/utf8.h"

#define TA_NONE SIZE_MAX
/* Control keys arrive as TUI_EV_CHAR with the control code. */
#define TA_CTRL(c) ((c) & 0x1f)

/* ---- UTF-8 ---- */

/* Decodes one character from s (n > 0 bytes left); returns the bytes used.
 * Whatever is not well-formed gives U+FFFD and consumes one byte, so
 * decoding always moves on. */
static size_t ta_utf8_next(const unsigned char *s, size_t n, uint32_t *out)
{
	size_t used = core_utf8_decode((const char *)s, n, out);
	if (*out == CORE_UTF8_BAD) {
		*out = CORE_UTF8_REPLACEMENT;
		used = 1;
	}
	return used;
}

/* Characters typed into the text: no C0/C1 controls, no surrogates.  A
 * newline and a tab are text too, but only Enter and set/insert put them
 * there. */
static int ta_char_ok(uint32_t u)
{
	if (u < 0x20 || (u >= 0x7F && u < 0xA0))
		return 0;
	return core_utf8_len(u) != 0;
}

/* Where a line may wrap: after a run of these.  Each takes at least a
 * column, which keeps the wrap local (see ta_forget). */
static int ta_blank(wchar_t ch)
{
	return ch == L' ' || ch == L'\t' || ch == 0x3000;
}

/* Columns a character takes, as the canvas measures it; a tab shows as one
 * blank.  Latin text skips the round trip through UTF-8: below U+0300 the
 * canvas gives every printable character one column. */
static int ta_width(wchar_t ch)
{
	uint32_t u = (uint32_t)ch;
	if ((u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u < 0x300) || ch == L'\t')
		return 1;
	char u8[5];
	u8[core_utf8_encode((uint32_t)ch, u8)] = '\0';
	return tui_text_width(u8);
}

/* ---- the gap buffer ---- */

static wchar_t ta_at(const struct tui_textarea *t, size_t i)
{
	return t->buf[i < t->gap ? i : i + (t->gap_end - t->gap)];
}

static void ta_gap_to(struct tui_textarea *t, size_t p)
{
	size_t gl = t->gap_end - t->gap;
	if (p < t->gap) {
		size_t n = t->gap - p;
		memmove(t->buf + t->gap_end - n, t->buf + p, n * sizeof *t->buf);
	} else if (p > t->gap) {
		size_t n = p - t->gap;
		memmove(t->buf + t->gap, t->buf + t->gap_end, n * sizeof *t->buf);
	}
	t->gap = p;
	t->gap_end = p + gl;
}

/* Room for at least need characters.  The line table grows first, to one
 * entry more than the characters (every screen line but the last holds at
 * least one), so extending it never allocates; a table left larger by a
 * failed buffer does no harm.  Never more than max_bytes characters are
 * needed: every character takes at least one byte. */
static int ta_reserve(struct tui_textarea *t, size_t need)
{
	if (need <= t->cap)
		return 0;
	size_t cap = t->cap ? t->cap : 15;
	while (cap < need)
		cap = cap * 2 + 1;
	if (cap > t->max_bytes && need <= t->max_bytes)
		cap = t->max_bytes;
	size_t *line = realloc(t->line, (cap + 1) * sizeof *line);
	if (line == NULL)
		return -1;
	t->line = line;
	wchar_t *nb = malloc(cap * sizeof *nb);
	if (nb == NULL)
		return -1;
	size_t tail = t->cap - t->gap_end;
	if (t->buf != NULL) {
		memcpy(nb, t->buf, t->gap * sizeof *nb);
		memcpy(nb + cap - tail, t->buf + t->gap_end, tail * sizeof *nb);
	}
	free(t->buf);
	t->buf = nb;
	t->gap_end = cap - tail;
	t->cap = cap;
	return 0;
}

/* ---- screen lines ---- */

/* The text's columns: the last one is kept for the cursor. */
static int ta_room(const struct tui_textarea *t)
{
	return t->w > 1 ? t->w - 1 : 1;
}

/* Where the screen line after the one starting at s starts, or TA_NONE
 * when that one runs to the end of the text.  Greedy: a word that would
 * cross the edge starts the next line, a word longer than a line is cut at
 * the edge, and a blank that crosses it ends the line, shown in the kept
 * column (so a run of blanks costs a line per width, like any text, and
 * no line is ever wider than the view).  It reads the text only up to the
 * character that decides the break, which ta_forget relies on. */
static size_t ta_wrap(const struct tui_textarea *t, size_t s)
{
	int room = ta_room(t);
	int col = 0;
	size_t brk = s;
	for (size_t i = s; i < t->len; i++) {
		wchar_t ch = ta_at(t, i);
		if (ch == L'\n')
			return i + 1;
		int w = ta_width(ch);
		if (ta_blank(ch)) {
			col += w;
			if (col > room)
				return i + 1;
			brk = i + 1;
		} else if (col + w > room) {
			if (brk > s)
				return brk;
			/* A character wider than a line goes on one alone. */
			return i > s ? i : i + 1;
		} else {
			col += w;
		}
	}
	return TA_NONE;
}

static void ta_extend(struct tui_textarea *t)
{
	size_t next = ta_wrap(t, t->line[t->nline - 1]);
	if (next == TA_NONE)
		t->complete = 1;
	else
		t->line[t->nline++] = next;
}

/* Known lines until there are n of them, or all there are. */
static void ta_extend_lines(struct tui_textarea *t, size_t n)
{
	while (!t->complete && t->nline < n)
		ta_extend(t);
}

/* The screen line position p is on, among the known ones: a position where
 * a line wraps belongs to the line it starts. */
static size_t ta_find(const struct tui_textarea *t, size_t p)
{
	size_t lo = 0, hi = t->nline;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->line[mid] <= p)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The screen line of p, extending the table as far as that takes. */
static size_t ta_line_of(struct tui_textarea *t, size_t p)
{
	while (!t->complete && t->line[t->nline - 1] <= p)
		ta_extend(t);
	return ta_find(t, p);
}

/* Line k's text, [*s, *e), its newline excluded.  Returns 1 when the line
 * ends its paragraph (or the text), so the cursor may stand at *e; on a
 * wrapped line *e is where the next line starts.  Needs line k + 1 known,
 * or the table complete. */
static int ta_span(const struct tui_textarea *t, size_t k, size_t *s, size_t *e)
{
	*s = t->line[k];
	if (k + 1 < t->nline) {
		size_t next = t->line[k + 1];
		if (ta_at(t, next - 1) == L'\n') {
			*e = next - 1;
			return 1;
		}
		*e = next;
		return 0;
	}
	*e = t->len;
	return 1;
}

/* The last position of line k the cursor may take. */
static size_t ta_line_last(struct tui_textarea *t, size_t k)
{
	size_t s, e;
	ta_extend_lines(t, k + 2);
	return ta_span(t, k, &s, &e) ? e : e - 1;
}

/* The column position p shows at on line k.  Only in a view one column
 * wide can that be past the edge: keep the cursor in the view. */
static int ta_col_of(const struct tui_textarea *t, size_t k, size_t p)
{
	int col = 0;
	for (size_t i = t->line[k]; i < p; i++)
		col += ta_width(ta_at(t, i));
	return col < t->w ? col : t->w - 1;
}

/* The position on line k nearest to column goal, never past it. */
static size_t ta_pos_at(struct tui_textarea *t, size_t k, int goal)
{
	size_t last = ta_line_last(t, k);
	size_t p = t->line[k];
	int col = 0;
	while (p < last) {
		int w = ta_width(ta_at(t, p));
		if (col + w > goal)
			break;
		col += w;
		p++;
	}
	return p;
}

/* Before an edit at p: drops the screen lines it may change.  A greedy
 * line's break depends on the text from its start to the character that
 * decides it, which lies no further than the start of the line after next
 * (the word that did not fit starts the next line, and all but its last
 * character fit there too, since a blank of at least a column preceded
 * it).  So an edit at p, on line k, leaves lines 0..k-3 alone, and with
 * them the starts of lines 0..k-2. */
static void ta_forget(struct tui_textarea *t, size_t p)
{
	size_t k = ta_line_of(t, p);
	t->nline = k >= 2 ? k - 1 : 1;
	t->complete = 0;
}

/* After any change: the cursor's line in view, the view filled (text
 * deleted at the end pulls the lines above back in), and the table known
 * one line past the view, for drawing and the scroll marks. */
static void ta_settle(struct tui_textarea *t)
{
	size_t h = (size_t)t->h;
	size_t k = ta_line_of(t, t->cursor);
	if (k < t->top)
		t->top = k;
	else if (k >= t->top + h)
		t->top = k - h + 1;
	ta_extend_lines(t, t->top + h + 1);
	if (t->complete && t->nline < t->top + h)
		t->top = t->nline > h ? t->nline - h : 0;
}

/* ---- editing ---- */

/* Inserts at the cursor; 0 when inserted, 1 when it would not fit the
 * byte budget, -1 when out of memory.  The caller calls ta_forget first. */
static int ta_put(struct tui_textarea *t, wchar_t ch)
{
	size_t nb = core_utf8_len((uint32_t)ch);
	if (t->bytes + nb > t->max_bytes)
		return 1;
	if (t->len + 1 > t->cap && ta_reserve(t, t->len + 1) != 0)
		return -1;
	ta_gap_to(t, t->cursor);
	t->buf[t->gap++] = ch;
	t->len++;
	t->cursor++;
	t->bytes += nb;
	return 0;
}

/* Every edit a key makes goes through ta_insert_char or ta_delete, and a
 * paste through tui_textarea_insert: the three places a read-only area
 * refuses, before anything changes. */
static int ta_insert_char(struct tui_textarea *t, wchar_t ch)
{
	if (t->flags & TUI_TEXTAREA_READONLY)
		return TUI_TEXTAREA_REFUSED;
	ta_forget(t, t->cursor);
	int r = ta_put(t, ch);
	if (r != 0)
		return r > 0 ? TUI_TEXTAREA_FULL : TUI_TEXTAREA_MOVED;
	t->dirty = 1;
	return TUI_TEXTAREA_EDITED;
}

/* Deletes [from, to); the cursor keeps its place in the text around. */
static int ta_delete(struct tui_textarea *t, size_t from, size_t to)
{
	if (t->flags & TUI_TEXTAREA_READONLY)
		return TUI_TEXTAREA_REFUSED;
	if (to <= from)
		return TUI_TEXTAREA_MOVED;
	ta_forget(t, from);
	ta_gap_to(t, from);
	for (size_t i = 0; i < to - from; i++)
		t->bytes -= core_utf8_len((uint32_t)t->buf[t->gap_end + i]);
	t->gap_end += to - from;
	t->len -= to - from;
	if (t->cursor >= to)
		t->cursor -= to - from;
	else if (t->cursor > from)
		t->cursor = from;
	t->dirty = 1;
	return TUI_TEXTAREA_EDITED;
}

/* Inserts cleaned UTF-8 at the cursor: CR LF and CR become LF, tabs stay,
 * other controls go.  Returns 0, 1 when the budget cut it, -1 when out of
 * memory; *any is set when something went in. */
static int ta_put_utf8(struct tui_textarea *t, const char *utf8, int *any)
{
	const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
	size_t n = strlen((const char *)s);
	*any = 0;
	ta_forget(t, t->cursor);
	while (n > 0) {
		uint32_t u;
		size_t used = ta_utf8_next(s, n, &u);
		s += used;
		n -= used;
		if (u == '\r') {
			if (n > 0 && *s == '\n')
				continue;
			u = '\n';
		}
		if (u != '\n' && u != '\t' && !ta_char_ok(u))
			continue;
		int r = ta_put(t, (wchar_t)u);
		if (r != 0)
			return r;
		*any = 1;
	}
	return 0;
}

/* An empty text, the cursor and the view at its start. */
static void ta_clear(struct tui_textarea *t)
{
	t->len = t->bytes = t->cursor = t->top = 0;
	t->gap = 0;
	t->gap_end = t->cap;
	t->line[0] = 0;
	t->nline = 1;
	t->complete = 0;
	t->goal = -1;
}

int tui_textarea_init(struct tui_textarea *t, size_t size, int h, int w,
                      unsigned flags)
{
	memset(t, 0, sizeof *t);
	t->max_bytes = size > 0 ? size - 1 : 0;
	t->h = h > 0 ? h : 1;
	t->w = w > 0 ? w : 1;
	t->flags = flags;
	/* A page of text up front; minutes grow past it by doubling. */
	size_t cap = t->max_bytes < 255 ? t->max_bytes : 255;
	if (ta_reserve(t, cap < 15 ? 15 : cap) != 0) {
		tui_textarea_free(t);
		return -1;
	}
	ta_clear(t);
	ta_settle(t);
	return 0;
}

void tui_textarea_free(struct tui_textarea *t)
{
	free(t->buf);
	free(t->line);
	memset(t, 0, sizeof *t);
}

int tui_textarea_set(struct tui_textarea *t, const char *utf8)
{
	ta_clear(t);
	int any;
	int r = ta_put_utf8(t, utf8, &any);
	if (r < 0)
		ta_clear(t);
	t->cursor = 0;
	t->dirty = 0;
	ta_settle(t);
	return r < 0 ? -1 : 0;
}

int tui_textarea_insert(struct tui_textarea *t, const char *utf8)
{
	if (t->flags & TUI_TEXTAREA_READONLY)
		return TUI_TEXTAREA_REFUSED;
	int any;
	int r = ta_put_utf8(t, utf8, &any);
	if (any)
		t->dirty = 1;
	t->goal = -1;
	ta_settle(t);
	if (r < 0)
		return -1;
	if (r > 0)
		return TUI_TEXTAREA_FULL;
	return any ? TUI_TEXTAREA_EDITED : TUI_TEXTAREA_MOVED;
}

size_t tui_textarea_get(const struct tui_textarea *t, char *out, size_t n)
{
	if (n == 0)
		return 0;
	size_t used = 0;
	for (size_t i = 0; i < t->len; i++) {
		wchar_t ch = ta_at(t, i);
		if (used + core_utf8_len((uint32_t)ch) + 1 > n)
			break;
		used += core_utf8_encode((uint32_t)ch, out + used);
	}
	out[used] = '\0';
	return used;
}

char *tui_textarea_dup(const struct tui_textarea *t)
{
	char *s = malloc(t->bytes + 1);
	if (s != NULL)
		tui_textarea_get(t, s, t->bytes + 1);
	return s;
}

void tui_textarea_mark_clean(struct tui_textarea *t)
{
	t->dirty = 0;
}

void tui_textarea_resize(struct tui_textarea *t, int h, int w)
{
	size_t first = t->line[t->top];
	t->h = h > 0 ? h : 1;
	t->w = w > 0 ? w : 1;
	t->nline = 1;
	t->complete = 0;
	t->top = ta_line_of(t, first);
	t->goal = -1;
	ta_settle(t);
}

/* ---- keys ---- */

static size_t ta_para_start(const struct tui_textarea *t, size_t p)
{
	while (p > 0 && ta_at(t, p - 1) != L'\n')
		p--;
	return p;
}

static size_t ta_para_end(const struct tui_textarea *t, size_t p)
{
	while (p < t->len && ta_at(t, p) != L'\n')
		p++;
	return p;
}

/* Up/Down and PgUp/PgDn: lines screen lines away (negative: up), aiming
 * at the goal column; the view moves along by scroll lines. */
static int ta_vertical(struct tui_textarea *t, long lines, int page)
{
	size_t k = ta_line_of(t, t->cursor);
	if (t->goal < 0)
		t->goal = ta_col_of(t, k, t->cursor);
	size_t target;
	if (lines < 0) {
		size_t up = (size_t)-lines;
		if (k == 0) {
			if (!page)
				return TUI_TEXTAREA_IGNORED;
			t->cursor = 0;
			return TUI_TEXTAREA_MOVED;
		}
		target = k >= up ? k - up : 0;
		if (page)
			t->top = t->top >= up ? t->top - up : 0;
	} else {
		ta_extend_lines(t, k + (size_t)lines + 2);
		size_t last = t->nline - 1;
		if (k >= last && t->complete) {
			if (!page)
				return TUI_TEXTAREA_IGNORED;
			t->cursor = t->len;
			return TUI_TEXTAREA_MOVED;
		}
		target = k + (size_t)lines < last ? k + (size_t)lines : last;
		if (page)
			t->top += target - k;
	}
	t->cursor = ta_pos_at(t, target, t->goal);
	return TUI_TEXTAREA_MOVED;
}

static int ta_key(struct tui_textarea *t, int key, int *keep_goal)
{
	switch (key) {
	case KEY_LEFT:
		if (t->cursor > 0)
			t->cursor--;
		return TUI_TEXTAREA_MOVED;
	case KEY_RIGHT:
		if (t->cursor < t->len)
			t->cursor++;
		return TUI_TEXTAREA_MOVED;
	case KEY_UP:
	case KEY_DOWN:
	case KEY_PPAGE:
	case KEY_NPAGE: {
		long n = key == KEY_UP || key == KEY_DOWN ? 1 : t->h;
		if (key == KEY_UP || key == KEY_PPAGE)
			n = -n;
		*keep_goal = 1;
		return ta_vertical(t, n, key == KEY_PPAGE || key == KEY_NPAGE);
	}
	case KEY_HOME:
		t->cursor = t->line[ta_line_of(t, t->cursor)];
		return TUI_TEXTAREA_MOVED;
	case KEY_END:
		t->cursor = ta_line_last(t, ta_line_of(t, t->cursor));
		return TUI_TEXTAREA_MOVED;
	/* At the text's edge nothing goes, but the key still edits: a
	 * read-only area refuses it like any other. */
	case KEY_BACKSPACE:
		return ta_delete(t, t->cursor > 0 ? t->cursor - 1 : 0, t->cursor);
	case KEY_DC:
		return ta_delete(t, t->cursor, t->cursor < t->len ? t->cursor + 1 : t->len);
	default:
		return TUI_TEXTAREA_IGNORED;
	}
}

/* Ctrl-W: the blanks before the cursor and the word before them; at the
 * start of a line, the newline (as Backspace would). */
static int ta_delete_word(struct tui_textarea *t)
{
	size_t p = t->cursor;
	while (p > 0 && ta_blank(ta_at(t, p - 1)))
		p--;
	if (p == t->cursor && p > 0 && ta_at(t, p - 1) == L'\n')
		return ta_delete(t, p - 1, p);
	while (p > 0 && !ta_blank(ta_at(t, p - 1)) && ta_at(t, p - 1) != L'\n')
		p--;
	return ta_delete(t, p, t->cursor);
}

static int ta_control(struct tui_textarea *t, wint_t ch, int *keep_goal)
{
	switch (ch) {
	case L'\n':
	case L'\r':
		if (!(t->flags & TUI_TEXTAREA_NEWLINE))
			return TUI_TEXTAREA_IGNORED;
		return ta_insert_char(t, L'\n');
	case TA_CTRL('a'):
		t->cursor = ta_para_start(t, t->cursor);
		return TUI_TEXTAREA_MOVED;
	case TA_CTRL('e'):
		t->cursor = ta_para_end(t, t->cursor);
		return TUI_TEXTAREA_MOVED;
	case TA_CTRL('b'): return ta_key(t, KEY_LEFT, keep_goal);
	case TA_CTRL('f'): return ta_key(t, KEY_RIGHT, keep_goal);
	case TA_CTRL('d'): return ta_key(t, KEY_DC, keep_goal);
	case TA_CTRL('h'):
	case 0x7F:
		return ta_key(t, KEY_BACKSPACE, keep_goal);
	case TA_CTRL('u'):
		return ta_delete(t, ta_para_start(t, t->cursor), t->cursor);
	case TA_CTRL('k'): {
		size_t end = ta_para_end(t, t->cursor);
		if (end == t->cursor && end < t->len)
			end++; /* at the end of a line: join the next */
		return ta_delete(t, t->cursor, end);
	}
	case TA_CTRL('w'):
		return ta_delete_word(t);
	default:
		return TUI_TEXTAREA_IGNORED;
	}
}

int tui_textarea_event(struct tui_textarea *t, const struct tui_event *ev)
{
	int r = TUI_TEXTAREA_IGNORED;
	int keep_goal = 0;
	if (ev->kind == TUI_EV_KEY) {
		r = ta_key(t, ev->key, &keep_goal);
	} else if (ev->kind == TUI_EV_CHAR) {
		if (ta_char_ok((uint32_t)ev->ch))
			r = ta_insert_char(t, (wchar_t)ev->ch);
		else
			r = ta_control(t, ev->ch, &keep_goal);
	}
	if (r != TUI_TEXTAREA_IGNORED) {
		if (!keep_goal)
			t->goal = -1;
		ta_settle(t);
	}
	return r;
}

void tui_textarea_click(struct tui_textarea *t, int row, int col)
{
	size_t k = t->top + (size_t)(row > 0 ? row : 0);
	ta_extend_lines(t, k + 2);
	if (k >= t->nline)
		k = t->nline - 1;
	t->cursor = ta_pos_at(t, k, col > 0 ? col : 0);
	t->goal = -1;
	ta_settle(t);
}

int tui_textarea_more_above(const struct tui_textarea *t)
{
	return t->top > 0;
}

int tui_textarea_more_below(const struct tui_textarea *t)
{
	return t->nline > t->top + (size_t)t->h;
}

void tui_textarea_draw(const struct tui_textarea *t, struct tui_canvas *c,
                       int y, int x, int focused)
{
	int role = focused ? TUI_ROLE_INPUT_FOCUS : TUI_ROLE_INPUT;
	tui_canvas_fill(c, y, x, t->h, t->w, L' ', role);
	/* ta_settle left the table known a line past the view. */
	for (int row = 0; row < t->h; row++) {
		size_t k = t->top + (size_t)row;
		if (k >= t->nline)
			break;
		size_t s, e;
		ta_span(t, k, &s, &e);
		int col = 0;
		for (size_t i = s; i < e; i++) {
			wchar_t ch = ta_at(t, i);
			int cw = ta_width(ch);
			if (cw == 0 || ta_blank(ch)) {
				col += cw;
				continue;
			}
			if (col + cw > t->w)
				break;
			char u8[5];
			u8[core_utf8_encode((uint32_t)ch, u8)] = '\0';
			tui_canvas_text(c, y + row, x + col, cw, role, u8);
			col += cw;
		}
	}
	if (focused) {
		size_t k = ta_find(t, t->cursor);
		if (k >= t->top && k < t->top + (size_t)t->h) {
			c->cursor_y = y + (int)(k - t->top);
			c->cursor_x = x + ta_col_of(t, k, t->cursor);
		}
	}
}
