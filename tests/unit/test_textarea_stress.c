/* The multi-line editor under load: a long paste with a draw after each
 * character, the cost of a typed character not growing with the text, and
 * the incremental line table against a plain re-wrap after thousands of
 * random edits. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/canvas.h"
#include "tui/textarea.h"
#include "tests/unit/textarea_fx.h"

/* A 20,000-character paste with newlines, æøå and CJK, one event each
 * and a draw after each, as the main loop does. */
static void test_paste(void **state)
{
	(void)state;
	static const wchar_t pattern[] = L"Næstved Tømrer 東京 aftale\nopfølgning ";
	size_t plen = wcslen(pattern);
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 12, 60, 0), 0);
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 65537, 12, 60, TUI_TEXTAREA_NEWLINE), 0);
	double t0 = events_now_s();
	for (size_t i = 0; i < 20000; i++) {
		assert_int_equal(ch_ev(&t, (wint_t)pattern[i % plen]),
		                 TUI_TEXTAREA_EDITED);
		tui_textarea_draw(&t, &c, 0, 0, 1);
	}
	double took = events_now_s() - t0;
	assert_int_equal(t.len, 20000);
	assert_int_equal(t.cursor, 20000);
	size_t bytes = events_utf8_bytes(pattern, plen, 20000);
	assert_int_equal(t.bytes, bytes);
	char *all = tui_textarea_dup(&t);
	assert_non_null(all);
	assert_int_equal(strlen(all), bytes);
	const char *p = all;
	for (size_t i = 0; i < 20000; i++) {
		wint_t wc;
		assert_true(events_next_char(&p, &wc));
		assert_int_equal(wc, pattern[i % plen]);
	}
	assert_int_equal(*p, '\0');
	free(all);
	/* The cursor is on the last row, after the text. */
	assert_int_equal(c.cursor_y, 11);
	assert_int_equal(tui_textarea_more_below(&t), 0);
	/* About 0.2 s (0.5 s under ASan): a loose bound that survives a busy
	 * machine; test_paste_scales is the real test of the cost. */
	assert_true(took < 5.0);
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

/* Seconds to type n characters at the cursor, drawing after each, best of
 * three; the text is put back as it was after each round. */
static double type_time(struct tui_textarea *t, struct tui_canvas *c, size_t n)
{
	static const wchar_t words[] = L"møde med indkøber ";
	double best = 1e9;
	for (int rep = 0; rep < 3; rep++) {
		size_t len = t->len;
		double t0 = events_now_s();
		for (size_t i = 0; i < n; i++) {
			ch_ev(t, (wint_t)words[i % (sizeof words / sizeof *words - 1)]);
			tui_textarea_draw(t, c, 0, 0, 1);
		}
		double took = events_now_s() - t0;
		if (took < best)
			best = took;
		while (t->len > len)
			key_ev(t, KEY_BACKSPACE);
	}
	return best;
}

/* The cost of a typed character does not grow with the text, at its end
 * or at its start: typing into 200,000 characters costs about what typing
 * into none does (work in proportion to the text would make it hundreds of
 * times slower). */
static void test_paste_scales(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 10, 40, 0), 0);
	struct tui_textarea t;
	assert_int_equal(tui_textarea_init(&t, 1 << 20, 10, 40, TUI_TEXTAREA_NEWLINE), 0);
	double empty = type_time(&t, &c, 2000);
	/* One paragraph of 200,000 characters: the worst case for a wrap
	 * that started from the paragraph. */
	char *big = malloc(200001);
	assert_non_null(big);
	for (size_t i = 0; i < 200000; i++)
		big[i] = i % 7 == 6 ? ' ' : 'a';
	big[200000] = '\0';
	assert_int_equal(tui_textarea_insert(&t, big), TUI_TEXTAREA_EDITED);
	assert_int_equal(t.len, 200000);
	double at_end = type_time(&t, &c, 2000);
	assert_int_equal(tui_textarea_set(&t, big), 0);
	assert_int_equal(t.cursor, 0);
	double at_start = type_time(&t, &c, 2000);
	assert_int_equal(t.len, 200000);
	keys(&t, KEY_NPAGE, 300);
	double in_middle = type_time(&t, &c, 2000);
	/* Nor after a paragraph of blanks: they wrap like any text. */
	memset(big, ' ', 200000);
	assert_int_equal(tui_textarea_set(&t, big), 0);
	ch_ev(&t, 5);
	double blanks = type_time(&t, &c, 2000);
	free(big);
	if (blanks > 4 * empty + 0.002)
		fail_msg("2,000 characters: %.2f ms after 200,000 blanks, %.2f ms into none",
		         blanks * 1e3, empty * 1e3);
	if (at_end > 4 * empty + 0.002)
		fail_msg("2,000 characters: %.2f ms after 200,000, %.2f ms into none",
		         at_end * 1e3, empty * 1e3);
	if (at_start > 4 * empty + 0.002)
		fail_msg("2,000 characters: %.2f ms before 200,000, %.2f ms into none",
		         at_start * 1e3, empty * 1e3);
	if (in_middle > 4 * empty + 0.002)
		fail_msg("2,000 characters: %.2f ms amid 200,000, %.2f ms into none",
		         in_middle * 1e3, empty * 1e3);
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

/* ---- the line table against a plain wrap ---- */

static int ref_width(wchar_t ch)
{
	if (ch == L'\t')
		return 1;
	char u8[8];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(u8, ch, &st);
	assert_true(n != (size_t)-1);
	u8[n] = '\0';
	return tui_text_width(u8);
}

/* The greedy wrap, written plainly over the whole text: every line's
 * start into out; returns the count. */
static size_t ref_wrap(const wchar_t *s, size_t len, int w, size_t *out)
{
	int room = w > 1 ? w - 1 : 1;
	size_t n = 0, start = 0;
	out[n++] = 0;
	for (;;) {
		int col = 0;
		size_t brk = 0, i = start, next = (size_t)-1;
		for (; i < len; i++) {
			if (s[i] == L'\n') {
				next = i + 1;
				break;
			}
			int cw = ref_width(s[i]);
			if (s[i] == L' ' || s[i] == L'\t' || s[i] == 0x3000) {
				col += cw;
				if (col > room) {
					next = i + 1;
					break;
				}
				brk = i + 1;
				continue;
			}
			if (col + cw > room) {
				next = brk ? brk : i > start ? i : i + 1;
				break;
			}
			col += cw;
		}
		if (next == (size_t)-1)
			return n;
		out[n++] = start = next;
	}
}

static uint32_t rng_state = 12345;

static uint32_t rng(uint32_t n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 8) % n;
}

/* Thousands of random edits and moves in narrow views: after each, the
 * table's known lines are exactly a fresh wrap's, and the cursor is in
 * view. */
static void test_random_edits(void **state)
{
	(void)state;
	static const wchar_t typed[] = L"aaabbbcd  æø東京\n";
	static wchar_t text[4096];
	static size_t ref[4096];
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 8, 16, 0), 0);
	struct tui_textarea t;
	int w = 7, h = 3;
	assert_int_equal(tui_textarea_init(&t, 4096, h, w, TUI_TEXTAREA_NEWLINE), 0);
	for (int step = 0; step < 20000; step++) {
		uint32_t op = rng(40);
		if (op < 22) {
			ch_ev(&t, (wint_t)typed[rng(sizeof typed / sizeof *typed - 1)]);
		} else if (op < 36) {
			static const int k[] = { KEY_BACKSPACE, KEY_DC, KEY_LEFT,
				KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_HOME, KEY_END,
				KEY_PPAGE, KEY_NPAGE, KEY_LEFT, KEY_UP, KEY_BACKSPACE,
				KEY_UP };
			key_ev(&t, k[op - 22]);
		} else if (op < 39) {
			static const wint_t k[] = { 23, 11, 21 };
			if (rng(4) == 0)
				ch_ev(&t, k[op - 36]);
		} else {
			w = 2 + (int)rng(10);
			h = 1 + (int)rng(4);
			tui_textarea_resize(&t, h, w);
		}
		if (t.len > 600)
			tui_textarea_set(&t, "");

		const char *u8 = text_of(&t);
		size_t len = mbstowcs(text, u8, sizeof text / sizeof *text);
		assert_int_equal(len, t.len);
		size_t n = ref_wrap(text, len, w, ref);
		assert_true(t.nline <= n);
		for (size_t i = 0; i < t.nline; i++)
			if (t.line[i] != ref[i])
				fail_msg("step %d: line %zu starts at %zu, not %zu",
				         step, i, t.line[i], ref[i]);
		assert_true(!t.complete || t.nline == n);
		size_t k = 0;
		while (k + 1 < n && ref[k + 1] <= t.cursor)
			k++;
		assert_true(k >= t.top && k < t.top + (size_t)h);
		/* The view is full whenever the text has enough lines. */
		assert_true(t.top == 0 || t.top + (size_t)h <= n);
		tui_canvas_clear(&c);
		tui_textarea_draw(&t, &c, 1, 1, 1);
		assert_int_equal(c.cursor_y, 1 + (int)(k - t.top));
	}
	tui_textarea_free(&t);
	tui_canvas_free(&c);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_paste_scales),
		cmocka_unit_test(test_random_edits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
