/* The one-line editor: editing with æøå and CJK, cursor keys, the byte
 * budget, the scroll window, Ctrl-W/U/K and a long paste. */
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
#include <time.h>

#include "core/meeting.h"
#include "tui/canvas.h"
#include "tui/field.h"
#include "tests/unit/events.h"

static int ch_ev(struct tui_field *f, wint_t ch)
{
	struct tui_event ev = events_char(ch);
	return tui_field_event(f, &ev);
}

static int key_ev(struct tui_field *f, int key)
{
	struct tui_event ev = events_key(key);
	return tui_field_event(f, &ev);
}

/* Types UTF-8 text one character at a time, as ncurses delivers it. */
static void type_text(struct tui_field *f, const char *utf8)
{
	wint_t ch;
	while (events_next_char(&utf8, &ch))
		ch_ev(f, ch);
}

static const char *text_of(const struct tui_field *f)
{
	static char buf[65536];
	tui_field_get(f, buf, sizeof buf);
	return buf;
}

/* Line y of the canvas as UTF-8, trailing blanks cut. */
static void canvas_line(const struct tui_canvas *c, int y, char *out, size_t n)
{
	static char text[65536];
	events_line_at(events_canvas_text(c, text, sizeof text), y, out, n);
}

/* Draws f focused on row y of a cleared canvas, w columns from the left
 * edge, and reads that row back into line. */
static void draw_row(const struct tui_field *f, struct tui_canvas *c, int y, int w,
                     char *line, size_t n)
{
	tui_canvas_clear(c);
	tui_field_draw(f, c, y, 0, w, 1);
	canvas_line(c, y, line, n);
}

static void test_insert_utf8(void **state)
{
	(void)state;
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, CORE_NAME_MAX, 20), 0);
	type_text(&f, "blåbær");
	assert_string_equal(text_of(&f), "blåbær");
	assert_int_equal(f.len, 6);
	assert_int_equal(f.bytes, 8);
	assert_int_equal(f.cursor, 6);

	/* Insert in the middle: "blå|bær" -> "blåøbær". */
	key_ev(&f, KEY_LEFT);
	key_ev(&f, KEY_LEFT);
	key_ev(&f, KEY_LEFT);
	assert_int_equal(ch_ev(&f, L'ø'), TUI_FIELD_EDITED);
	assert_string_equal(text_of(&f), "blåøbær");
	assert_int_equal(f.bytes, 10);

	/* Backspace and Delete around the cursor. */
	assert_int_equal(key_ev(&f, KEY_BACKSPACE), TUI_FIELD_EDITED);
	assert_string_equal(text_of(&f), "blåbær");
	assert_int_equal(key_ev(&f, KEY_DC), TUI_FIELD_EDITED);
	assert_string_equal(text_of(&f), "blåær");
	assert_int_equal(ch_ev(&f, 0x7F), TUI_FIELD_EDITED); /* DEL as backspace */
	assert_string_equal(text_of(&f), "blær");
	assert_int_equal(f.bytes, 5);
	tui_field_free(&f);
}

static void test_cursor_keys(void **state)
{
	(void)state;
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, 64, 20), 0);
	assert_int_equal(tui_field_set(&f, "Ærø"), 0);
	assert_int_equal(f.cursor, 3);
	assert_int_equal(key_ev(&f, KEY_HOME), TUI_FIELD_MOVED);
	assert_int_equal(f.cursor, 0);
	ch_ev(&f, L'<');
	assert_string_equal(text_of(&f), "<Ærø");
	assert_int_equal(ch_ev(&f, 5), TUI_FIELD_MOVED); /* Ctrl-E */
	assert_int_equal(f.cursor, 4);
	ch_ev(&f, L'>');
	assert_string_equal(text_of(&f), "<Ærø>");
	assert_int_equal(ch_ev(&f, 1), TUI_FIELD_MOVED); /* Ctrl-A */
	assert_int_equal(f.cursor, 0);
	/* Left at the start and Backspace at the start change nothing. */
	assert_int_equal(key_ev(&f, KEY_LEFT), TUI_FIELD_MOVED);
	assert_int_equal(key_ev(&f, KEY_BACKSPACE), TUI_FIELD_MOVED);
	assert_int_equal(f.cursor, 0);
	key_ev(&f, KEY_RIGHT);
	key_ev(&f, KEY_RIGHT);
	assert_int_equal(f.cursor, 2);
	key_ev(&f, KEY_END);
	assert_int_equal(key_ev(&f, KEY_RIGHT), TUI_FIELD_MOVED);
	assert_int_equal(key_ev(&f, KEY_DC), TUI_FIELD_MOVED);
	assert_int_equal(f.cursor, 5);
	assert_string_equal(text_of(&f), "<Ærø>");

	/* The owner's keys are left alone. */
	assert_int_equal(ch_ev(&f, L'\n'), TUI_FIELD_IGNORED);
	assert_int_equal(ch_ev(&f, L'\t'), TUI_FIELD_IGNORED);
	assert_int_equal(ch_ev(&f, 27), TUI_FIELD_IGNORED);
	assert_int_equal(key_ev(&f, KEY_UP), TUI_FIELD_IGNORED);
	assert_int_equal(key_ev(&f, KEY_BTAB), TUI_FIELD_IGNORED);
	struct tui_event tick = { .kind = TUI_EV_TICK };
	assert_int_equal(tui_field_event(&f, &tick), TUI_FIELD_IGNORED);
	assert_string_equal(text_of(&f), "<Ærø>");
	tui_field_free(&f);
}

static void test_cjk(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 3, 30, 0), 0);
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, 64, 10), 0);
	type_text(&f, "東京 Øst");
	assert_int_equal(f.len, 6);
	assert_int_equal(f.bytes, 3 + 3 + 1 + 2 + 1 + 1);
	tui_canvas_clear(&c);
	tui_field_draw(&f, &c, 1, 2, 10, 1);
	char line[256];
	canvas_line(&c, 1, line, sizeof line);
	assert_string_equal(line, "  東京 Øst");
	/* 東 and 京 take two columns each: the cursor sits after 8 columns. */
	assert_int_equal(c.cursor_y, 1);
	assert_int_equal(c.cursor_x, 2 + 8);
	assert_int_equal(c.cells[1 * 30 + 3].ch, 0); /* right half of 東 */
	assert_int_equal(c.cells[1 * 30 + 2].role, TUI_ROLE_INPUT_FOCUS);

	/* Word delete across a wide character, then a wide insert. */
	assert_int_equal(ch_ev(&f, 23), TUI_FIELD_EDITED); /* Ctrl-W */
	assert_string_equal(text_of(&f), "東京 ");
	key_ev(&f, KEY_HOME);
	key_ev(&f, KEY_RIGHT);
	ch_ev(&f, L'中');
	assert_string_equal(text_of(&f), "東中京 ");
	tui_canvas_clear(&c);
	tui_field_draw(&f, &c, 0, 0, 10, 1);
	assert_int_equal(c.cursor_x, 4);
	/* Unfocused: no cursor, the plain input role. */
	tui_canvas_clear(&c);
	tui_field_draw(&f, &c, 0, 0, 10, 0);
	assert_int_equal(c.cursor_x, -1);
	assert_int_equal(c.cells[0].role, TUI_ROLE_INPUT);
	tui_field_free(&f);
	tui_canvas_free(&c);
}

static void test_max_bytes(void **state)
{
	(void)state;
	struct tui_field f;
	/* Fits char[8]: 7 bytes of text. */
	assert_int_equal(tui_field_init(&f, 8, 20), 0);
	type_text(&f, "æøå");
	assert_int_equal(f.bytes, 6);
	assert_int_equal(ch_ev(&f, L'å'), TUI_FIELD_MOVED); /* 8 bytes: no */
	assert_int_equal(ch_ev(&f, L'x'), TUI_FIELD_EDITED); /* 7: yes */
	assert_int_equal(ch_ev(&f, L'y'), TUI_FIELD_MOVED);
	assert_string_equal(text_of(&f), "æøåx");
	char out[8];
	assert_int_equal(tui_field_get(&f, out, sizeof out), 7);
	assert_string_equal(out, "æøåx");

	/* Set cuts at a character boundary, never inside æ. */
	assert_int_equal(tui_field_set(&f, "abcdeæø"), 0);
	assert_string_equal(text_of(&f), "abcdeæ");
	assert_int_equal(f.bytes, 7);
	/* A short buffer gets whole characters only. */
	char small[4];
	assert_int_equal(tui_field_get(&f, small, sizeof small), 3);
	assert_string_equal(small, "abc");
	assert_int_equal(tui_field_set(&f, "ø東"), 0);
	assert_int_equal(tui_field_get(&f, small, sizeof small), 2);
	assert_string_equal(small, "ø");

	/* Bad bytes become U+FFFD, control characters are dropped. */
	assert_int_equal(tui_field_set(&f, "a\xff\x01" "b"), 0);
	assert_string_equal(text_of(&f), "a\xef\xbf\xbd" "b");
	tui_field_free(&f);

	assert_int_equal(tui_field_init(&f, CORE_NAME_MAX, 20), 0);
	for (int i = 0; i < 200; i++)
		ch_ev(&f, L'ø');
	assert_int_equal(f.bytes, 126);
	assert_int_equal(f.len, 63);
	assert_int_equal(ch_ev(&f, L'a'), TUI_FIELD_EDITED);
	assert_int_equal(f.bytes, CORE_NAME_MAX - 1);
	char name[CORE_NAME_MAX];
	assert_int_equal(tui_field_get(&f, name, sizeof name), CORE_NAME_MAX - 1);
	tui_field_free(&f);
}

static void test_scroll(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 2, 20, 0), 0);
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, 256, 10), 0);
	type_text(&f, "abcdefghijklmnopqrstuvwxyz");
	char line[256];
	draw_row(&f, &c, 0, 10, line, sizeof line);
	/* The end of the text and the cursor cell after it. */
	assert_string_equal(line, "rstuvwxyz");
	assert_int_equal(c.cursor_x, 9);

	key_ev(&f, KEY_HOME);
	draw_row(&f, &c, 0, 10, line, sizeof line);
	assert_string_equal(line, "abcdefghij");
	assert_int_equal(c.cursor_x, 0);

	/* Moving right past the edge scrolls by one. */
	for (int i = 0; i < 10; i++)
		key_ev(&f, KEY_RIGHT);
	draw_row(&f, &c, 0, 10, line, sizeof line);
	assert_string_equal(line, "bcdefghijk");
	assert_int_equal(c.cursor_x, 9);
	/* Moving back inside the window does not scroll. */
	key_ev(&f, KEY_LEFT);
	key_ev(&f, KEY_LEFT);
	draw_row(&f, &c, 0, 10, line, sizeof line);
	assert_string_equal(line, "bcdefghijk");
	assert_int_equal(c.cursor_x, 7);

	/* Deleting the tail pulls the text back into the window. */
	ch_ev(&f, 11); /* Ctrl-K */
	assert_string_equal(text_of(&f), "abcdefgh");
	draw_row(&f, &c, 0, 10, line, sizeof line);
	assert_string_equal(line, "abcdefgh");
	assert_int_equal(c.cursor_x, 8);

	/* Wide characters: a window of 5 shows whole characters only. */
	assert_int_equal(tui_field_set(&f, "東京大阪"), 0);
	tui_field_set_width(&f, 5);
	draw_row(&f, &c, 1, 5, line, sizeof line);
	assert_string_equal(line, "大阪");
	assert_int_equal(c.cursor_x, 4);
	key_ev(&f, KEY_HOME);
	draw_row(&f, &c, 1, 5, line, sizeof line);
	assert_string_equal(line, "東京");
	assert_int_equal(c.cursor_x, 0);
	/* 大 does not fit the last column: it stays blank, not half drawn. */
	assert_int_equal(c.cells[20 + 4].ch, L' ');
	tui_field_free(&f);
	tui_canvas_free(&c);
}

static void test_kill_keys(void **state)
{
	(void)state;
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, CORE_NAME_MAX, 30), 0);
	assert_int_equal(tui_field_set(&f, "Brødrene Hansen A/S"), 0);
	assert_int_equal(ch_ev(&f, 23), TUI_FIELD_EDITED); /* Ctrl-W */
	assert_string_equal(text_of(&f), "Brødrene Hansen ");
	assert_int_equal(ch_ev(&f, 23), TUI_FIELD_EDITED);
	assert_string_equal(text_of(&f), "Brødrene ");
	assert_int_equal(f.bytes, strlen("Brødrene "));

	assert_int_equal(tui_field_set(&f, "Vestfjord Ørsted AS"), 0);
	for (int i = 0; i < 3; i++)
		key_ev(&f, KEY_LEFT);
	assert_int_equal(ch_ev(&f, 11), TUI_FIELD_EDITED); /* Ctrl-K */
	assert_string_equal(text_of(&f), "Vestfjord Ørsted");
	assert_int_equal(ch_ev(&f, 11), TUI_FIELD_MOVED); /* nothing left */
	for (int i = 0; i < 6; i++)
		key_ev(&f, KEY_LEFT);
	assert_int_equal(ch_ev(&f, 21), TUI_FIELD_EDITED); /* Ctrl-U */
	assert_string_equal(text_of(&f), "Ørsted");
	assert_int_equal(f.cursor, 0);
	assert_int_equal(ch_ev(&f, 21), TUI_FIELD_MOVED);
	assert_int_equal(ch_ev(&f, 23), TUI_FIELD_MOVED);
	assert_int_equal(ch_ev(&f, 4), TUI_FIELD_EDITED); /* Ctrl-D */
	assert_string_equal(text_of(&f), "rsted");
	assert_int_equal(f.bytes, 5);
	tui_field_free(&f);
}

static void test_paste(void **state)
{
	(void)state;
	static const wchar_t pattern[] = L"Næstved Tømrer 東京 ";
	size_t plen = wcslen(pattern);
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, 65536, 40), 0);
	double t0 = events_now_s();
	for (size_t i = 0; i < 5000; i++)
		assert_int_equal(ch_ev(&f, (wint_t)pattern[i % plen]), TUI_FIELD_EDITED);
	double took = events_now_s() - t0;
	assert_int_equal(f.len, 5000);
	assert_int_equal(f.cursor, 5000);
	/* Every character went in, in order. */
	for (size_t i = 0; i < 5000; i++)
		assert_int_equal(f.buf[i], pattern[i % plen]);
	size_t bytes = events_utf8_bytes(pattern, plen, 5000);
	assert_int_equal(f.bytes, bytes);
	assert_int_equal(strlen(text_of(&f)), bytes);
	/* Sanity only; the scaling check below is the real test. */
	assert_true(took < 0.5);

	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 1, 50, 0), 0);
	tui_canvas_clear(&c);
	tui_field_draw(&f, &c, 0, 0, 40, 1);
	assert_true(c.cursor_x >= 38 && c.cursor_x <= 39);
	tui_canvas_free(&c);
	tui_field_free(&f);

	/* The same paste into a name field stops at its byte budget. */
	assert_int_equal(tui_field_init(&f, CORE_NAME_MAX, 40), 0);
	for (size_t i = 0; i < 5000; i++)
		ch_ev(&f, (wint_t)pattern[i % plen]);
	assert_true(f.bytes <= CORE_NAME_MAX - 1);
	assert_true(f.bytes >= CORE_NAME_MAX - 3);
	char name[CORE_NAME_MAX];
	assert_int_equal(tui_field_get(&f, name, sizeof name), f.bytes);
	tui_field_free(&f);
}

/* Seconds to append n characters to the field, best of three. */
static double append_time(struct tui_field *f, size_t n)
{
	double best = 1e9;
	for (int rep = 0; rep < 3; rep++) {
		size_t len = f->len;
		double t0 = events_now_s();
		for (size_t i = 0; i < n; i++)
			ch_ev(f, L'ø');
		double t = events_now_s() - t0;
		if (t < best)
			best = t;
		/* Back to the length we started from. */
		f->cursor = f->len;
		while (f->len > len)
			key_ev(f, KEY_BACKSPACE);
	}
	return best;
}

/* The cost of a typed character does not grow with the text: appending
 * to 200,000 characters costs about what appending to none does (work
 * proportional to the text would make it hundreds of times slower). */
static void test_paste_scales(void **state)
{
	(void)state;
	struct tui_field f;
	assert_int_equal(tui_field_init(&f, 1 << 20, 40), 0);
	double empty = append_time(&f, 2000);
	for (size_t i = 0; i < 200000; i++)
		ch_ev(&f, L'a');
	assert_int_equal(f.len, 200000);
	double full = append_time(&f, 2000);
	assert_int_equal(f.len, 200000);
	if (full > 4 * empty + 0.002)
		fail_msg("2,000 characters: %.2f ms after 200,000, %.2f ms into none",
		         full * 1e3, empty * 1e3);
	tui_field_free(&f);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_utf8),
		cmocka_unit_test(test_cursor_keys),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_max_bytes),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_kill_keys),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_paste_scales),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
