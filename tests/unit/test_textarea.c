/* The multi-line editor: editing with æøå and CJK, wrapping, the cursor
 * keys and their goal column, joining and kill keys, scrolling, the byte
 * budget, the dirty flag, UTF-8 in and out, drawing, and a read-only area
 * (the manager's drill) that moves and scrolls but refuses every edit.  The long paste,
 * the cost of typing and random edits are test_textarea_stress's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/canvas.h"
#include "tui/textarea.h"
#include "tests/unit/textarea_fx.h"

/* Types UTF-8 text one character at a time, as ncurses delivers it. */
static void type_text(struct tui_textarea *t, const char *utf8)
{
	wint_t ch;
	while (events_next_char(&utf8, &ch))
		ch_ev(t, ch);
}

/* The whole canvas as text, through tui_canvas_dump. */
static const char *dump(const struct tui_canvas *c)
{
	static char out[8192];
	return events_canvas_text(c, out, sizeof out);
}

/* Draws t alone into a fresh canvas of its size, focused. */
static const char *view(const struct tui_textarea *t, struct tui_canvas *c)
{
	assert_int_equal(tui_canvas_resize(c, t->h, t->w), 0);
	tui_textarea_draw(t, c, 0, 0, 1);
	return dump(c);
}

static void test_insert_utf8(void **state)
{
	(void)state;
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 5, 20, TUI_TEXTAREA_NEWLINE), 0);
	type_text(&t, "blåbær");
	assert_string_equal(text_of(&t), "blåbær");
	assert_int_equal(t.len, 6);
	assert_int_equal(t.bytes, 8);
	assert_int_equal(t.cursor, 6);

	keys(&t, KEY_LEFT, 3);
	assert_int_equal(ch_ev(&t, L'ø'), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "blåøbær");
	assert_int_equal(ch_ev(&t, L'\n'), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "blåø\nbær");
	assert_int_equal(t.cursor, 5);
	assert_int_equal(t.bytes, 11);

	type_text(&t, "東京");
	assert_string_equal(text_of(&t), "blåø\n東京bær");
	assert_int_equal(key_ev(&t, KEY_BACKSPACE), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "blåø\n東bær");
	assert_int_equal(key_ev(&t, KEY_DC), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "blåø\n東ær");
	assert_int_equal(ch_ev(&t, 0x7F), TUI_TEXTAREA_EDITED); /* DEL: back */
	assert_string_equal(text_of(&t), "blåø\nær");
	assert_int_equal(t.bytes, strlen("blåø\nær"));

	/* Insert at the very start, then in the first line's middle. */
	ch_ev(&t, 1); /* Ctrl-A: this line's start */
	assert_int_equal(t.cursor, 5);
	keys(&t, KEY_LEFT, 5);
	assert_int_equal(t.cursor, 0);
	type_text(&t, "Æ");
	key_ev(&t, KEY_RIGHT);
	type_text(&t, "中");
	assert_string_equal(text_of(&t), "Æb中låø\nær");
	assert_int_equal(t.cursor, 3);

	/* The owner's keys are left alone; a tab is not typed. */
	assert_int_equal(ch_ev(&t, L'\t'), TUI_TEXTAREA_IGNORED);
	assert_int_equal(ch_ev(&t, 27), TUI_TEXTAREA_IGNORED);
	assert_int_equal(key_ev(&t, KEY_F(2)), TUI_TEXTAREA_IGNORED);
	struct tui_event tick = { .kind = TUI_EV_TICK };
	assert_int_equal(tui_textarea_event(&t, &tick), TUI_TEXTAREA_IGNORED);
	assert_string_equal(text_of(&t), "Æb中låø\nær");
	tui_textarea_free(&t);
}

static void test_enter_flag(void **state)
{
	(void)state;
	struct tui_textarea t;
	/* Without the flag Enter is the owner's (a dialog saves on it). */
	assert_int_equal(tui_textarea_init(&t, 64, 3, 20, 0), 0);
	type_text(&t, "ab");
	assert_int_equal(ch_ev(&t, L'\n'), TUI_TEXTAREA_IGNORED);
	assert_int_equal(ch_ev(&t, L'\r'), TUI_TEXTAREA_IGNORED);
	assert_string_equal(text_of(&t), "ab");
	/* Text set or inserted keeps its newlines all the same. */
	assert_int_equal(tui_textarea_insert(&t, "\ncd"), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "ab\ncd");
	tui_textarea_free(&t);

	assert_int_equal(tui_textarea_init(&t, 64, 3, 20, TUI_TEXTAREA_NEWLINE), 0);
	type_text(&t, "ab");
	assert_int_equal(ch_ev(&t, L'\r'), TUI_TEXTAREA_EDITED); /* pasted CR */
	assert_int_equal(ch_ev(&t, L'\n'), TUI_TEXTAREA_EDITED);
	type_text(&t, "c");
	assert_string_equal(text_of(&t), "ab\n\nc");
	tui_textarea_free(&t);
}

static void test_wrap(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 1, 1, 0), 0);
	struct tui_textarea t;
	/* 11 columns: 10 for text, the last kept for the cursor. */
	assert_int_equal(tui_textarea_init(&t, 256, 4, 11, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t, "the quick brown fox jumps over"), 0);
	assert_string_equal(view(&t, &c), "the quick\nbrown fox\njumps over\n\n");
	assert_int_equal(t.nline, 3);
	assert_int_equal(t.line[1], 10);
	assert_int_equal(t.line[2], 20);
	assert_int_equal(t.complete, 1);

	/* A word longer than a line is cut at the edge, and the next word
	 * still starts a line of its own when it does not fit. */
	assert_int_equal(tui_textarea_set(&t, "a supercalifragilistic b"), 0);
	assert_string_equal(view(&t, &c), "a\nsupercalif\nragilistic\nb\n");

	/* Double-width characters: five to a line, never split. */
	assert_int_equal(tui_textarea_set(&t, "東京大阪名古屋"), 0);
	assert_string_equal(view(&t, &c), "東京大阪名\n古屋\n\n\n");
	tui_textarea_resize(&t, 4, 10);
	assert_string_equal(view(&t, &c), "東京大阪\n名古屋\n\n\n");

	/* Hard newlines, an empty line, and a line of exactly ten columns
	 * with the cursor after it in the kept column. */
	tui_textarea_resize(&t, 4, 11);
	assert_int_equal(tui_textarea_set(&t, "abcdefghij\n\nøy"), 0);
	assert_string_equal(view(&t, &c), "abcdefghij\n\nøy\n\n");
	ch_ev(&t, 5); /* Ctrl-E */
	assert_int_equal(t.cursor, 10);
	view(&t, &c);
	assert_int_equal(c.cursor_y, 0);
	assert_int_equal(c.cursor_x, 10);

	/* A blank may take the kept column; the next one ends the line, and
	 * the cursor goes on to the next. */
	assert_int_equal(tui_textarea_set(&t, "abcdefghi"), 0);
	ch_ev(&t, 5);
	type_text(&t, " ");
	assert_string_equal(view(&t, &c), "abcdefghi\n\n\n\n");
	assert_int_equal(c.cursor_y, 0);
	assert_int_equal(c.cursor_x, 10);
	type_text(&t, " ");
	view(&t, &c);
	assert_int_equal(c.cursor_y, 1);
	assert_int_equal(c.cursor_x, 0);
	type_text(&t, "x");
	assert_string_equal(view(&t, &c), "abcdefghi\nx\n\n\n");
	assert_int_equal(c.cursor_y, 1);
	assert_int_equal(c.cursor_x, 1);
	assert_int_equal(t.line[1], 11);

	/* Rewrapped wider, the whole text is one line. */
	assert_int_equal(tui_textarea_set(&t, "the quick brown fox jumps over"), 0);
	tui_textarea_resize(&t, 4, 31);
	assert_string_equal(view(&t, &c), "the quick brown fox jumps over\n\n\n\n");
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

static void test_cursor_goal(void **state)
{
	(void)state;
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 10, 30, TUI_TEXTAREA_NEWLINE), 0);
	/* Lines start at 0, 18 and 21. */
	assert_int_equal(tui_textarea_set(&t, "a long first line\nab\nanother long line"), 0);
	keys(&t, KEY_RIGHT, 10);
	assert_int_equal(key_ev(&t, KEY_UP), TUI_TEXTAREA_IGNORED); /* top line */
	assert_int_equal(key_ev(&t, KEY_DOWN), TUI_TEXTAREA_MOVED);
	assert_int_equal(t.cursor, 20); /* the end of "ab" */
	key_ev(&t, KEY_DOWN);
	assert_int_equal(t.cursor, 21 + 10); /* column 10 again */
	assert_int_equal(key_ev(&t, KEY_DOWN), TUI_TEXTAREA_IGNORED); /* last */
	key_ev(&t, KEY_UP);
	key_ev(&t, KEY_UP);
	assert_int_equal(t.cursor, 10);
	/* A sideways move sets a new goal. */
	key_ev(&t, KEY_DOWN);
	key_ev(&t, KEY_LEFT);
	assert_int_equal(t.cursor, 19);
	key_ev(&t, KEY_DOWN);
	assert_int_equal(t.cursor, 22);

	/* By screen line within a wrapped paragraph; Home and End are the
	 * screen line's, Ctrl-A and Ctrl-E the paragraph's. */
	tui_textarea_resize(&t, 10, 11);
	assert_int_equal(tui_textarea_set(&t, "the quick brown fox jumps over"), 0);
	keys(&t, KEY_RIGHT, 6); /* "the qu|ick" */
	key_ev(&t, KEY_DOWN);
	assert_int_equal(t.cursor, 16); /* "brown |fox" */
	key_ev(&t, KEY_END);
	assert_int_equal(t.cursor, 19); /* before the blank it wraps at */
	key_ev(&t, KEY_HOME);
	assert_int_equal(t.cursor, 10);
	ch_ev(&t, 5);
	assert_int_equal(t.cursor, 30);
	ch_ev(&t, 1);
	assert_int_equal(t.cursor, 0);
	/* Left and Right cross a wrap and a newline. */
	assert_int_equal(tui_textarea_set(&t, "ab\ncd"), 0);
	keys(&t, KEY_RIGHT, 3);
	assert_int_equal(t.cursor, 3);
	key_ev(&t, KEY_LEFT);
	key_ev(&t, KEY_LEFT);
	assert_int_equal(t.cursor, 1);

	/* A goal inside a double-width character stops before it. */
	tui_textarea_resize(&t, 10, 30);
	assert_int_equal(tui_textarea_set(&t, "abc\n東京大阪"), 0);
	keys(&t, KEY_RIGHT, 3);
	key_ev(&t, KEY_DOWN);
	assert_int_equal(t.cursor, 5); /* 東京 is four columns: after 東 */

	/* A click goes to the nearest character of the row. */
	tui_textarea_click(&t, 1, 4);
	assert_int_equal(t.cursor, 6);
	tui_textarea_click(&t, 5, 99); /* below the text: its end */
	assert_int_equal(t.cursor, 8);
	tui_textarea_free(&t);
}

static void test_join(void **state)
{
	(void)state;
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 64, 3, 20, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t, "ab\nøy"), 0);
	key_ev(&t, KEY_DOWN);
	assert_int_equal(t.cursor, 3);
	assert_int_equal(key_ev(&t, KEY_BACKSPACE), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "abøy");
	assert_int_equal(t.cursor, 2);
	assert_int_equal(t.nline, 1);
	ch_ev(&t, L'\n');
	key_ev(&t, KEY_LEFT);
	assert_int_equal(key_ev(&t, KEY_DC), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "abøy");
	assert_int_equal(ch_ev(&t, 4), TUI_TEXTAREA_EDITED); /* Ctrl-D */
	assert_string_equal(text_of(&t), "aby");
	ch_ev(&t, 5);
	assert_int_equal(key_ev(&t, KEY_DC), TUI_TEXTAREA_MOVED); /* at the end */
	assert_int_equal(ch_ev(&t, 1), TUI_TEXTAREA_MOVED);
	assert_int_equal(key_ev(&t, KEY_BACKSPACE), TUI_TEXTAREA_MOVED);
	assert_string_equal(text_of(&t), "aby");
	assert_int_equal(t.bytes, 3);
	tui_textarea_free(&t);
}

static void test_kill_keys(void **state)
{
	(void)state;
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 5, 40, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t, "first line\nsecond line here\nthird"), 0);
	key_ev(&t, KEY_DOWN);
	keys(&t, KEY_RIGHT, 7);
	assert_int_equal(ch_ev(&t, 11), TUI_TEXTAREA_EDITED); /* Ctrl-K */
	assert_string_equal(text_of(&t), "first line\nsecond \nthird");
	assert_int_equal(ch_ev(&t, 11), TUI_TEXTAREA_EDITED); /* joins */
	assert_string_equal(text_of(&t), "first line\nsecond third");
	assert_int_equal(t.cursor, 18);
	assert_int_equal(ch_ev(&t, 21), TUI_TEXTAREA_EDITED); /* Ctrl-U */
	assert_string_equal(text_of(&t), "first line\nthird");
	assert_int_equal(t.cursor, 11);
	assert_int_equal(ch_ev(&t, 21), TUI_TEXTAREA_MOVED);
	assert_int_equal(ch_ev(&t, 23), TUI_TEXTAREA_EDITED); /* Ctrl-W joins */
	assert_string_equal(text_of(&t), "first linethird");
	assert_int_equal(t.cursor, 10);
	assert_int_equal(ch_ev(&t, 23), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "first third");
	assert_int_equal(ch_ev(&t, 23), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "third");
	assert_int_equal(t.cursor, 0);
	assert_int_equal(ch_ev(&t, 23), TUI_TEXTAREA_MOVED);
	ch_ev(&t, 5);
	assert_int_equal(ch_ev(&t, 11), TUI_TEXTAREA_MOVED); /* nothing after */

	/* Ctrl-W takes the blanks before the word with it, and a line of
	 * blanks goes before the newline does. */
	assert_int_equal(tui_textarea_set(&t, "Brødrene Hansen\n   "), 0);
	key_ev(&t, KEY_DOWN);
	ch_ev(&t, 5);
	assert_int_equal(ch_ev(&t, 23), TUI_TEXTAREA_EDITED);
	assert_string_equal(text_of(&t), "Brødrene Hansen\n");
	ch_ev(&t, 23);
	ch_ev(&t, 23);
	assert_string_equal(text_of(&t), "Brødrene ");
	assert_int_equal(t.bytes, strlen("Brødrene "));
	tui_textarea_free(&t);
}

static void test_scroll(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 1, 1, 0), 0);
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 3, 20, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t, "line 0\nline 1\nline 2\nline 3\nline 4\n"
	                                      "line 5\nline 6\nline 7\nline 8\nline 9"), 0);
	assert_string_equal(view(&t, &c), "line 0\nline 1\nline 2\n");
	assert_int_equal(tui_textarea_more_above(&t), 0);
	assert_int_equal(tui_textarea_more_below(&t), 1);
	keys(&t, KEY_DOWN, 3);
	assert_string_equal(view(&t, &c), "line 1\nline 2\nline 3\n");
	assert_int_equal(c.cursor_y, 2);
	assert_int_equal(tui_textarea_more_above(&t), 1);

	/* A page moves the cursor and the view by the view's height. */
	key_ev(&t, KEY_RIGHT);
	assert_int_equal(key_ev(&t, KEY_NPAGE), TUI_TEXTAREA_MOVED);
	assert_string_equal(view(&t, &c), "line 4\nline 5\nline 6\n");
	assert_int_equal(c.cursor_y, 2);
	assert_int_equal(c.cursor_x, 1); /* the column kept */
	key_ev(&t, KEY_NPAGE);
	assert_string_equal(view(&t, &c), "line 7\nline 8\nline 9\n");
	assert_int_equal(tui_textarea_more_below(&t), 0);
	assert_int_equal(key_ev(&t, KEY_NPAGE), TUI_TEXTAREA_MOVED);
	assert_int_equal(t.cursor, t.len); /* the last page: the end */
	key_ev(&t, KEY_PPAGE);
	assert_string_equal(view(&t, &c), "line 4\nline 5\nline 6\n");
	assert_int_equal(c.cursor_y, 2);
	key_ev(&t, KEY_UP);
	key_ev(&t, KEY_UP);
	key_ev(&t, KEY_UP);
	assert_string_equal(view(&t, &c), "line 3\nline 4\nline 5\n");
	assert_int_equal(c.cursor_y, 0);

	/* Deleting the lines below the view pulls the ones above into it. */
	keys(&t, KEY_NPAGE, 3);
	keys(&t, KEY_UP, 2); /* "line 7" at the top row */
	view(&t, &c);
	assert_int_equal(c.cursor_y, 0);
	ch_ev(&t, 5);
	for (int i = 0; i < 4; i++)
		assert_int_equal(ch_ev(&t, 11), TUI_TEXTAREA_EDITED);
	assert_string_equal(view(&t, &c), "line 5\nline 6\nline 7\n");
	assert_int_equal(c.cursor_y, 2);
	assert_int_equal(c.cursor_x, 6);

	/* Ctrl-U from a line above the view brings the view to it. */
	assert_int_equal(tui_textarea_set(&t, "a b c d e f g h i j k l m n o p"), 0);
	tui_textarea_resize(&t, 2, 5); /* two letters a line */
	ch_ev(&t, 5);
	assert_string_equal(view(&t, &c), "m n\no p\n");
	ch_ev(&t, 21);
	assert_string_equal(text_of(&t), "");
	assert_string_equal(view(&t, &c), "\n\n");
	assert_int_equal(t.top, 0);
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

static void test_max_bytes(void **state)
{
	(void)state;
	struct tui_textarea t;
	/* Fits char[16]: 15 bytes of text. */
	assert_int_equal(tui_textarea_init(&t, 16, 3, 20, TUI_TEXTAREA_NEWLINE), 0);
	type_text(&t, "æøå\n東京xy");
	assert_int_equal(t.bytes, 15);
	assert_int_equal(ch_ev(&t, L'z'), TUI_TEXTAREA_FULL);
	assert_int_equal(ch_ev(&t, L'\n'), TUI_TEXTAREA_FULL);
	assert_int_equal(t.dirty, 1);
	tui_textarea_mark_clean(&t);
	assert_int_equal(ch_ev(&t, L'z'), TUI_TEXTAREA_FULL);
	assert_int_equal(t.dirty, 0); /* refused: nothing changed */
	key_ev(&t, KEY_BACKSPACE);
	assert_int_equal(ch_ev(&t, L'ø'), TUI_TEXTAREA_FULL); /* 16 bytes: no */
	assert_int_equal(ch_ev(&t, L'z'), TUI_TEXTAREA_EDITED); /* 15: yes */
	assert_string_equal(text_of(&t), "æøå\n東京xz");
	char out[16];
	assert_int_equal(tui_textarea_get(&t, out, sizeof out), 15);
	assert_string_equal(out, "æøå\n東京xz");
	/* A short buffer gets whole characters only. */
	char small[9];
	assert_int_equal(tui_textarea_get(&t, small, sizeof small), 7);
	assert_string_equal(small, "æøå\n");

	/* Set cuts at a character boundary, never inside ø; an insert stops
	 * where the budget does. */
	assert_int_equal(tui_textarea_set(&t, "abcdefghijklmnø"), 0);
	assert_string_equal(text_of(&t), "abcdefghijklmn");
	assert_int_equal(tui_textarea_insert(&t, "xøy"), TUI_TEXTAREA_FULL);
	assert_string_equal(text_of(&t), "xabcdefghijklmn");
	assert_int_equal(t.bytes, 15);
	assert_int_equal(t.cursor, 1);
	tui_textarea_free(&t);

	/* The minutes' budget holds a long text, and not a byte more. */
	assert_int_equal(tui_textarea_init(&t, 65537, 10, 60, TUI_TEXTAREA_NEWLINE), 0);
	for (int i = 0; i < 40000; i++)
		ch_ev(&t, L'å');
	assert_int_equal(t.bytes, 65536);
	assert_int_equal(t.len, 32768);
	char *all = tui_textarea_dup(&t);
	assert_non_null(all);
	assert_int_equal(strlen(all), 65536);
	free(all);
	tui_textarea_free(&t);
}

static void test_dirty(void **state)
{
	(void)state;
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 3, 20, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(t.dirty, 0);
	assert_int_equal(tui_textarea_set(&t, "Referat"), 0);
	assert_int_equal(t.dirty, 0);
	keys(&t, KEY_RIGHT, 3);
	key_ev(&t, KEY_END);
	key_ev(&t, KEY_NPAGE);
	ch_ev(&t, 11); /* Ctrl-K at the end: nothing to kill */
	assert_int_equal(t.dirty, 0);
	ch_ev(&t, L'!');
	assert_int_equal(t.dirty, 1);
	tui_textarea_mark_clean(&t);
	assert_int_equal(t.dirty, 0);
	ch_ev(&t, 23); /* Ctrl-W */
	assert_int_equal(t.dirty, 1);
	assert_int_equal(tui_textarea_set(&t, "x"), 0);
	assert_int_equal(t.dirty, 0);
	assert_int_equal(tui_textarea_insert(&t, ""), TUI_TEXTAREA_MOVED);
	assert_int_equal(t.dirty, 0);
	assert_int_equal(tui_textarea_insert(&t, "y"), TUI_TEXTAREA_EDITED);
	assert_int_equal(t.dirty, 1);
	assert_string_equal(text_of(&t), "yx");
	tui_textarea_free(&t);
}

static void test_round_trip(void **state)
{
	(void)state;
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 4096, 5, 30, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t, "Referat:\r\n- æøå\n\n\tinnrykk\rslutt\n"), 0);
	const char *want = "Referat:\n- æøå\n\n\tinnrykk\nslutt\n";
	assert_string_equal(text_of(&t), want);
	assert_int_equal(t.bytes, strlen(want));
	assert_int_equal(t.cursor, 0);
	char *copy = tui_textarea_dup(&t);
	assert_non_null(copy);
	assert_string_equal(copy, want);
	assert_int_equal(tui_textarea_set(&t, copy), 0);
	free(copy);
	assert_string_equal(text_of(&t), want);
	/* Six lines: the empty one and the one after the final newline. */
	key_ev(&t, KEY_NPAGE);
	key_ev(&t, KEY_NPAGE);
	assert_int_equal(t.cursor, t.len);
	assert_int_equal(t.nline, 6);
	assert_int_equal(t.complete, 1);

	/* Bad bytes become U+FFFD, other controls go; NULL is empty. */
	assert_int_equal(tui_textarea_set(&t, "a\xff\x01" "b\x1b"), 0);
	assert_string_equal(text_of(&t), "a\xef\xbf\xbd" "b");
	assert_int_equal(tui_textarea_set(&t, NULL), 0);
	assert_string_equal(text_of(&t), "");
	assert_int_equal(t.len, 0);
	assert_int_equal(t.bytes, 0);
	tui_textarea_free(&t);
}

static void test_draw(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 6, 20, 0), 0);
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 4, 12, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t, "Blåbærsyltetøy er godt på brød"), 0);
	tui_canvas_clear(&c);
	tui_textarea_draw(&t, &c, 1, 2, 1);
	assert_string_equal(dump(&c), "\n"
	                              "  Blåbærsylte\n"
	                              "  tøy er godt\n"
	                              "  på brød\n"
	                              "\n"
	                              "\n");
	assert_int_equal(c.cursor_y, 1);
	assert_int_equal(c.cursor_x, 2);
	/* The whole view is the input's, nothing around it. */
	assert_int_equal(c.cells[1 * 20 + 2].role, TUI_ROLE_INPUT_FOCUS);
	assert_int_equal(c.cells[4 * 20 + 13].role, TUI_ROLE_INPUT_FOCUS);
	assert_int_equal(c.cells[1 * 20 + 14].role, TUI_ROLE_NORMAL);
	assert_int_equal(c.cells[5 * 20 + 2].role, TUI_ROLE_NORMAL);

	/* The cursor after "på " on the third row; a wide character shows as
	 * a cell and its right half. */
	keys(&t, KEY_DOWN, 2);
	keys(&t, KEY_RIGHT, 3);
	type_text(&t, "東");
	tui_canvas_clear(&c);
	tui_textarea_draw(&t, &c, 1, 2, 1);
	assert_string_equal(dump(&c), "\n"
	                              "  Blåbærsylte\n"
	                              "  tøy er godt\n"
	                              "  på 東brød\n"
	                              "\n"
	                              "\n");
	assert_int_equal(c.cursor_y, 3);
	assert_int_equal(c.cursor_x, 2 + 5);
	assert_int_equal(c.cells[3 * 20 + 5].ch, 0x6771);
	assert_int_equal(c.cells[3 * 20 + 6].ch, 0);

	/* Unfocused: no cursor, the plain input role. */
	tui_canvas_clear(&c);
	tui_textarea_draw(&t, &c, 0, 0, 0);
	assert_int_equal(c.cursor_x, -1);
	assert_int_equal(c.cursor_y, -1);
	assert_int_equal(c.cells[0].role, TUI_ROLE_INPUT);
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

/* A column of areas (the minutes' texts): the arrows flow from one area
 * to the next and on past the last; a full area says so; a click focuses
 * the area it hits and places the cursor. */
static void test_column(void **state)
{
	(void)state;
	struct tui_textarea t[2];
	assert_int_equal(tui_textarea_init(&t[0], 8, 2, 10, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_init(&t[1], 64, 2, 10, TUI_TEXTAREA_NEWLINE), 0);
	assert_int_equal(tui_textarea_set(&t[1], "one\ntwo"), 0);
	int focus = 0, full = 0;
	struct tui_event down = events_key(KEY_DOWN), up = events_key(KEY_UP);
	assert_int_equal(tui_textarea_column_event(t, &focus, &down, &full), TUI_REDRAW);
	assert_int_equal(full, 0);
	assert_int_equal(focus, 1);
	assert_int_equal(tui_textarea_column_event(t, &focus, &down, &full), TUI_REDRAW);
	assert_int_equal(focus, 1); /* a line below in this one */
	assert_int_equal(tui_textarea_column_event(t, &focus, &down, &full), TUI_REDRAW);
	assert_int_equal(focus, 2); /* past the last: the caller's next field */
	focus = 0;
	assert_int_equal(tui_textarea_column_event(t, &focus, &up, &full), TUI_NONE);
	assert_int_equal(focus, 0);
	struct tui_event ch = events_char('x');
	for (int i = 0; i < 7; i++)
		tui_textarea_column_event(t, &focus, &ch, &full);
	assert_int_equal(full, 0);
	assert_int_equal(tui_textarea_column_event(t, &focus, &ch, &full), TUI_REDRAW);
	assert_int_equal(full, TUI_TEXTAREA_FULL);
	assert_string_equal(text_of(&t[0]), "xxxxxxx");

	/* Drawn at rows 3 and 6 from column 1. */
	int y[2] = { 3, 6 };
	struct tui_event click = { .kind = TUI_EV_MOUSE, .y = 7, .x = 3 };
	assert_int_equal(tui_textarea_column_click(t, 2, y, 1, &click, &focus), 1);
	assert_int_equal(focus, 1);
	struct tui_event bs = events_key(KEY_BACKSPACE);
	tui_textarea_column_event(t, &focus, &bs, &full);
	assert_string_equal(text_of(&t[1]), "one\nto");
	click.y = 5;
	assert_int_equal(tui_textarea_column_click(t, 2, y, 1, &click, &focus), 0);
	assert_int_equal(focus, 1);
	tui_textarea_free(&t[0]);
	tui_textarea_free(&t[1]);
}

/* Read-only: every key that edits, at the text's edges too, is refused
 * with the text, its byte count and dirty untouched; the cursor keys and
 * the pages still move through a text longer than the view; a paste is
 * refused; set still loads; the column says which refusal it was. */
static void test_readonly(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 1, 1, 0), 0);
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 256, 3, 20,
	                                   TUI_TEXTAREA_NEWLINE | TUI_TEXTAREA_READONLY), 0);
	const char *text = "linje 0 blåbær\nline 1\nline 2\nline 3\nline 4\n"
	                   "line 5\nline 6\nline 7";
	assert_int_equal(tui_textarea_set(&t, text), 0);
	size_t bytes = t.bytes;
	assert_false(t.dirty);
	/* Printable, Enter, Backspace and Delete at the start (nothing to
	 * delete: still an editing key), Ctrl-D, DEL, Ctrl-U/K/W/H. */
	static const wint_t chars[] = { L'x', L'ø', L' ', L'\n', L'\r', 4, 0x7F, 21, 11, 23, 8 };
	for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++)
		assert_int_equal(ch_ev(&t, chars[i]), TUI_TEXTAREA_REFUSED);
	assert_int_equal(key_ev(&t, KEY_BACKSPACE), TUI_TEXTAREA_REFUSED);
	assert_int_equal(key_ev(&t, KEY_DC), TUI_TEXTAREA_REFUSED);
	assert_int_equal(tui_textarea_insert(&t, "pasted"), TUI_TEXTAREA_REFUSED);
	assert_string_equal(text_of(&t), text);
	assert_int_equal(t.bytes, bytes);
	assert_false(t.dirty);
	assert_int_equal(t.cursor, 0);

	/* Moving works: across a line, to its end, down a page. */
	assert_int_equal(key_ev(&t, KEY_RIGHT), TUI_TEXTAREA_MOVED);
	assert_int_equal(ch_ev(&t, 5), TUI_TEXTAREA_MOVED); /* Ctrl-E */
	assert_int_equal(t.cursor, 14);
	assert_string_equal(view(&t, &c), "linje 0 blåbær\nline 1\nline 2\n");
	assert_int_equal(key_ev(&t, KEY_NPAGE), TUI_TEXTAREA_MOVED);
	assert_string_equal(view(&t, &c), "line 3\nline 4\nline 5\n");
	keys(&t, KEY_DOWN, 3);
	assert_string_equal(view(&t, &c), "line 4\nline 5\nline 6\n");
	assert_true(tui_textarea_more_above(&t));
	/* Mid-text the edits are refused as well, and the view stays. */
	assert_int_equal(ch_ev(&t, L'z'), TUI_TEXTAREA_REFUSED);
	assert_int_equal(key_ev(&t, KEY_BACKSPACE), TUI_TEXTAREA_REFUSED);
	assert_string_equal(view(&t, &c), "line 4\nline 5\nline 6\n");
	assert_string_equal(text_of(&t), text);

	/* The column reports the refusal and keeps the focus. */
	int focus = 0, refused = 0;
	struct tui_event ev = events_char('q');
	assert_int_equal(tui_textarea_column_event(&t, &focus, &ev, &refused), TUI_REDRAW);
	assert_int_equal(refused, TUI_TEXTAREA_REFUSED);
	assert_int_equal(focus, 0);
	ev = events_key(KEY_UP);
	assert_int_equal(tui_textarea_column_event(&t, &focus, &ev, &refused), TUI_REDRAW);
	assert_int_equal(refused, 0);

	/* set still loads a new text, and it stays clean. */
	assert_int_equal(tui_textarea_set(&t, "ny tekst"), 0);
	assert_string_equal(text_of(&t), "ny tekst");
	assert_false(t.dirty);
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_utf8),
		cmocka_unit_test(test_column),
		cmocka_unit_test(test_enter_flag),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_cursor_goal),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_kill_keys),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_max_bytes),
		cmocka_unit_test(test_dirty),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_draw),
		cmocka_unit_test(test_readonly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
