/* The virtual screen: UTF-8 decoding, widths, cutting, line drawing, bars,
 * hits, the text dump, and clipping at every edge (run under ASan, a write
 * outside the cells would abort). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/canvas.h"

/* The whole canvas as its dump; the caller frees it. */
static char *dump(const struct tui_canvas *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(tui_canvas_dump(c, f), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void assert_dump(const struct tui_canvas *c, const char *want)
{
	char *got = dump(c);
	assert_string_equal(got, want);
	free(got);
}

static wchar_t ch_at(const struct tui_canvas *c, int y, int x)
{
	return c->cells[(size_t)y * (size_t)c->w + (size_t)x].ch;
}

static int role_at(const struct tui_canvas *c, int y, int x)
{
	return c->cells[(size_t)y * (size_t)c->w + (size_t)x].role;
}

/* Every ch == 0 cell must be the right half of a double-width character
 * and every blank must be a real character: the invariant term.c and the
 * dump rely on. */
static void assert_cells_sane(const struct tui_canvas *c)
{
	for (int y = 0; y < c->h; y++)
		for (int x = 0; x < c->w; x++) {
			wchar_t ch = ch_at(c, y, x);
			if (ch == 0) {
				assert_true(x > 0);
				assert_true(ch_at(c, y, x - 1) >= 0x1100);
			}
			assert_true(role_at(c, y, x) < TUI_ROLE_COUNT);
		}
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(tui_text_width(""), 0);
	assert_int_equal(tui_text_width("Sørensen"), 8);
	assert_int_equal(tui_text_width("æøåÆØÅ"), 6);
	assert_int_equal(tui_text_width("☎▣◐◯"), 4);
	assert_int_equal(tui_text_width("中文"), 4);
	assert_int_equal(tui_text_width("한국"), 4);
	/* A combining ring takes no column: decomposed å. */
	assert_int_equal(tui_text_width("a\xcc\x8a"), 1);
	/* Invalid bytes count as the one replacement column each shows as. */
	assert_int_equal(tui_text_width("a\xff" "b"), 3);
	assert_int_equal(tui_text_width(NULL), 0);
}

static void test_text_fits_and_cuts(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 3, 20, 0), 0);

	assert_int_equal(tui_canvas_text(&c, 0, 0, 8, TUI_ROLE_NORMAL, "Sørensen"), 8);
	assert_int_equal(tui_canvas_text(&c, 1, 0, 8, TUI_ROLE_TITLE,
	                                 "Brødrene Hansen A/S"), 8);
	/* maxw < 0: up to the right edge, which cuts too. */
	assert_int_equal(tui_canvas_text(&c, 2, 12, -1, TUI_ROLE_NORMAL,
	                                 "Østerbro Hus"), 8);
	assert_dump(&c, "Sørensen\nBrødren…\n            Østerbr…\n");
	assert_int_equal(role_at(&c, 1, 0), TUI_ROLE_TITLE);
	assert_int_equal(role_at(&c, 1, 7), TUI_ROLE_TITLE);
	assert_int_equal(role_at(&c, 1, 8), TUI_ROLE_NORMAL);

	/* Zero and one column. */
	tui_canvas_clear(&c);
	assert_int_equal(tui_canvas_text(&c, 0, 0, 0, TUI_ROLE_NORMAL, "abc"), 0);
	assert_int_equal(tui_canvas_text(&c, 0, 0, 1, TUI_ROLE_NORMAL, "abc"), 1);
	assert_int_equal(tui_canvas_text(&c, 1, 0, 1, TUI_ROLE_NORMAL, "a"), 1);
	assert_dump(&c, "…\na\n\n");
	tui_canvas_free(&c);
}

static void test_wide_never_straddles(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 4, 10, 0), 0);
	/* Width 6 into 4: room for 3 before the ellipsis, and 文 needs
	 * columns 2-3, so it goes and column 3 stays blank. */
	assert_int_equal(tui_canvas_text(&c, 0, 0, 4, TUI_ROLE_NORMAL, "中文字"), 3);
	assert_true(ch_at(&c, 0, 0) == 0x4E2D);
	assert_true(ch_at(&c, 0, 1) == 0);
	assert_true(ch_at(&c, 0, 2) == 0x2026);
	assert_true(ch_at(&c, 0, 3) == L' ');
	/* Into 5: 中文 then the ellipsis. */
	assert_int_equal(tui_canvas_text(&c, 1, 0, 5, TUI_ROLE_NORMAL, "中文字"), 5);
	/* Exactly fitting: no ellipsis. */
	assert_int_equal(tui_canvas_text(&c, 2, 0, 6, TUI_ROLE_NORMAL, "中文字"), 6);
	/* At the right edge the edge is the limit: 9 + 1 column. */
	assert_int_equal(tui_canvas_text(&c, 3, 9, -1, TUI_ROLE_NORMAL, "中"), 1);
	assert_true(ch_at(&c, 3, 9) == 0x2026);
	assert_dump(&c, "中…\n中文…\n中文字\n         …\n");
	assert_cells_sane(&c);
	tui_canvas_free(&c);
}

static void test_wide_overwrite_leaves_no_half(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 2, 6, 0), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "中文");
	tui_canvas_text(&c, 0, 1, -1, TUI_ROLE_NORMAL, "a"); /* over 中's right half */
	tui_canvas_text(&c, 0, 2, -1, TUI_ROLE_NORMAL, "b"); /* over 文's left half */
	assert_dump(&c, " ab\n\n");
	assert_cells_sane(&c);
	/* A wide character half off the left edge leaves a blank. */
	tui_canvas_text(&c, 1, -1, -1, TUI_ROLE_NORMAL, "中x");
	assert_true(ch_at(&c, 1, 0) == L' ');
	assert_true(ch_at(&c, 1, 1) == L'x');
	assert_cells_sane(&c);
	tui_canvas_free(&c);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 6, 10, 0), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "a\xff" "b");
	/* A truncated sequence at the end is one replacement. */
	tui_canvas_text(&c, 1, 0, -1, TUI_ROLE_NORMAL, "x\xe2\x98");
	/* Overlong '/' and an encoded surrogate: each maximal subpart. */
	tui_canvas_text(&c, 2, 0, -1, TUI_ROLE_NORMAL, "\xc0\xaf|\xed\xa0\x80|");
	/* A lead byte followed by ASCII: the ASCII survives. */
	tui_canvas_text(&c, 3, 0, -1, TUI_ROLE_NORMAL, "\xc3(ok");
	/* Controls never reach the terminal. */
	tui_canvas_text(&c, 4, 0, -1, TUI_ROLE_NORMAL, "a\tb\x1b");
	/* Beyond U+10FFFF. */
	tui_canvas_text(&c, 5, 0, -1, TUI_ROLE_NORMAL, "\xf4\x90\x80\x80");
	assert_dump(&c, "a\xef\xbf\xbd" "b\n"
	                "x\xef\xbf\xbd\n"
	                "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|\n"
	                "\xef\xbf\xbd(ok\n"
	                "a\xef\xbf\xbd" "b\xef\xbf\xbd\n"
	                "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\n");
	tui_canvas_free(&c);

	assert_int_equal(tui_canvas_init(&c, 1, 10, 1), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "a\xff" "b");
	assert_dump(&c, "a?b\n");
	tui_canvas_free(&c);
}

static void test_combining_dropped(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 1, 10, 0), 0);
	assert_int_equal(tui_canvas_text(&c, 0, 0, 3, TUI_ROLE_NORMAL,
	                                 "a\xcc\x8a" "bc"), 3);
	assert_dump(&c, "abc\n");
	tui_canvas_free(&c);
}

static void test_ascii_mode(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 4, 30, 1), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "Mette Sørensen · ÆØÅ æøå");
	/* Same columns as in UTF-8 mode: a wide character is two cells. */
	assert_int_equal(tui_canvas_text(&c, 1, 0, -1, TUI_ROLE_NORMAL, "中x ✓ ☎▣◐◯"), 10);
	assert_int_equal(tui_canvas_text(&c, 2, 0, 6, TUI_ROLE_NORMAL, "Brødrene"), 6);
	tui_canvas_text(&c, 3, 0, -1, TUI_ROLE_NORMAL, "23–27 Nov ←→ “q”");
	assert_dump(&c, "Mette Sorensen . AOA aoa\n"
	                "??x * TPHV\n"
	                "Brodr~\n"
	                "23-27 Nov <> \"q\"\n");
	tui_canvas_free(&c);
}

static void test_box(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 4, 6, 0), 0);
	tui_canvas_box(&c, 0, 0, 3, 4, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 0, 2, 6, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 2, 2, 7, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 1, 2, 8, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 3, 0, 4, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 3, 1, 5, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 3, 2, 9, TUI_ROLE_BORDER);  /* no such joint */
	tui_canvas_joint(&c, 3, 3, -1, TUI_ROLE_BORDER);
	assert_dump(&c, "┌─┬┐\n│ ┼│\n└─┴┘\n├┤\n");
	assert_int_equal(role_at(&c, 0, 0), TUI_ROLE_BORDER);
	assert_int_equal(role_at(&c, 1, 1), TUI_ROLE_NORMAL);
	tui_canvas_free(&c);

	assert_int_equal(tui_canvas_init(&c, 3, 6, 1), 0);
	tui_canvas_box(&c, 0, 1, 3, 5, TUI_ROLE_BORDER);
	assert_dump(&c, " +---+\n |   |\n +---+\n");
	tui_canvas_clear(&c);
	/* Degenerate boxes are a line. */
	tui_canvas_box(&c, 0, 0, 1, 3, TUI_ROLE_BORDER);
	tui_canvas_box(&c, 1, 5, 2, 1, TUI_ROLE_BORDER);
	tui_canvas_box(&c, 1, 0, 0, 3, TUI_ROLE_BORDER);
	assert_dump(&c, "---\n     |\n     |\n");
	tui_canvas_free(&c);
}

static void test_bar(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 6, 10, 0), 0);
	tui_canvas_bar(&c, 0, 0, 10, 0.5);
	tui_canvas_bar(&c, 1, 0, 10, 1.5 / 5);
	tui_canvas_bar(&c, 2, 0, 10, 7.0);
	tui_canvas_bar(&c, 3, 0, 10, -2.0);
	tui_canvas_bar(&c, 4, 0, 10, NAN);
	tui_canvas_bar(&c, 5, 0, 10, 0.99);
	assert_dump(&c, "█████░░░░░\n███░░░░░░░\n██████████\n"
	                "░░░░░░░░░░\n░░░░░░░░░░\n█████████░\n");
	assert_int_equal(role_at(&c, 0, 4), TUI_ROLE_BAR_FULL);
	assert_int_equal(role_at(&c, 0, 5), TUI_ROLE_BAR_EMPTY);
	tui_canvas_free(&c);

	assert_int_equal(tui_canvas_init(&c, 1, 10, 1), 0);
	tui_canvas_bar(&c, 0, 0, 10, 0.25);
	assert_dump(&c, "##........\n");
	tui_canvas_free(&c);
}

static void test_hits(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 10, 20, 0), 0);
	assert_int_equal(tui_canvas_hit_at(&c, 0, 0), -1);
	tui_canvas_hit(&c, 1, 2, 2, 5, 7);
	tui_canvas_hit(&c, 2, 4, 2, 5, 8);     /* overlaps: the later wins */
	assert_int_equal(tui_canvas_hit_at(&c, 1, 2), 7);
	assert_int_equal(tui_canvas_hit_at(&c, 2, 6), 7 + 1);
	assert_int_equal(tui_canvas_hit_at(&c, 2, 3), 7);
	assert_int_equal(tui_canvas_hit_at(&c, 3, 8), 8);
	assert_int_equal(tui_canvas_hit_at(&c, 1, 7), -1);  /* right of 7 */
	assert_int_equal(tui_canvas_hit_at(&c, 0, 2), -1);  /* above */
	assert_int_equal(tui_canvas_hit_at(&c, 4, 4), -1);  /* below 8 */
	/* A rectangle sticking out is clipped; one wholly outside is not
	 * kept. */
	tui_canvas_hit(&c, 8, 18, 5, 5, 9);
	tui_canvas_hit(&c, 20, 20, 2, 2, 10);
	tui_canvas_hit(&c, -5, -5, 2, 2, 11);
	assert_int_equal(c.n_hits, 3);
	assert_int_equal(c.hits[2].h, 2);
	assert_int_equal(c.hits[2].w, 2);
	assert_int_equal(tui_canvas_hit_at(&c, 9, 19), 9);
	/* Beyond the capacity hits are dropped, never written past the array. */
	for (int i = 0; i < TUI_CANVAS_MAX_HITS + 10; i++)
		tui_canvas_hit(&c, 0, 0, 1, 1, 100 + i);
	assert_int_equal(c.n_hits, TUI_CANVAS_MAX_HITS);
	/* Clearing forgets them. */
	tui_canvas_clear(&c);
	assert_int_equal(c.n_hits, 0);
	assert_int_equal(tui_canvas_hit_at(&c, 1, 2), -1);
	assert_int_equal(c.cursor_y, -1);
	tui_canvas_free(&c);
}

static void test_dump_trims(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 4, 12, 0), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "ab  ");
	tui_canvas_text(&c, 2, 10, -1, TUI_ROLE_NORMAL, "中");
	tui_canvas_text(&c, 3, 0, -1, TUI_ROLE_NORMAL, "   x");
	/* Inner blanks stay, trailing ones go, the half cell never shows. */
	assert_dump(&c, "ab\n\n          中\n   x\n");
	tui_canvas_free(&c);
}

static void test_fill_and_paint(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 3, 5, 0), 0);
	tui_canvas_fill(&c, 0, 0, 1, 5, L'x', TUI_ROLE_DIM);
	tui_canvas_fill(&c, 1, 0, 1, 5, 0x4E2D, TUI_ROLE_NORMAL);  /* odd width */
	tui_canvas_fill(&c, 2, 0, 1, 5, 0x0301, TUI_ROLE_NORMAL);  /* width 0 */
	assert_dump(&c, "xxxxx\n中中\n\n");
	assert_cells_sane(&c);
	tui_canvas_paint(&c, 0, 1, 1, 2, TUI_ROLE_SELECTED);
	assert_int_equal(role_at(&c, 0, 0), TUI_ROLE_DIM);
	assert_int_equal(role_at(&c, 0, 1), TUI_ROLE_SELECTED);
	assert_int_equal(role_at(&c, 0, 2), TUI_ROLE_SELECTED);
	assert_int_equal(role_at(&c, 0, 3), TUI_ROLE_DIM);
	assert_true(ch_at(&c, 0, 1) == L'x');
	/* A role out of range is drawn as normal, never stored. */
	tui_canvas_text(&c, 2, 0, -1, 99, "r");
	tui_canvas_paint(&c, 2, 1, 1, 1, -3);
	assert_int_equal(role_at(&c, 2, 0), TUI_ROLE_NORMAL);
	assert_int_equal(role_at(&c, 2, 1), TUI_ROLE_NORMAL);
	tui_canvas_free(&c);
}

static void test_printf(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 2, 40, 0), 0);
	assert_int_equal(tui_canvas_printf(&c, 0, 0, -1, TUI_ROLE_NORMAL,
	                                   "%.1f / %d", 1.5, 5), 7);
	/* Longer than the stack buffer: still cut at the limit. */
	char big[2000];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(tui_canvas_printf(&c, 1, 0, 10, TUI_ROLE_NORMAL, "ø%s", big), 10);
	assert_dump(&c, "1.5 / 5\nøzzzzzzzz…\n");
	tui_canvas_free(&c);
}

/* Every drawing call at negative and oversize coordinates: the canvas
 * is left exactly as drawn inside, and ASan sees no stray write. */
static void test_no_writes_outside(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 3, 5, 0), 0);
	tui_canvas_text(&c, -1, 0, -1, TUI_ROLE_NORMAL, "above");
	tui_canvas_text(&c, 3, 0, -1, TUI_ROLE_NORMAL, "below");
	tui_canvas_text(&c, 0, 5, -1, TUI_ROLE_NORMAL, "right");
	tui_canvas_text(&c, 0, 1000000, 50, TUI_ROLE_NORMAL, "far");
	assert_int_equal(tui_canvas_text(&c, 0, -3, -1, TUI_ROLE_NORMAL, "abcdef"), 6);
	tui_canvas_text(&c, 1, -2147483647, 2147483647, TUI_ROLE_NORMAL, "x");
	tui_canvas_text(&c, 1, 3, 100, TUI_ROLE_NORMAL, "中文");
	tui_canvas_fill(&c, -10, -10, 100, 100, L'.', TUI_ROLE_DIM);
	tui_canvas_text(&c, 0, 4, -1, TUI_ROLE_NORMAL, "中");
	tui_canvas_text(&c, 1, 3, 100, TUI_ROLE_NORMAL, "中文");
	tui_canvas_paint(&c, -10, -10, 100, 100, TUI_ROLE_DIM);
	tui_canvas_box(&c, -1, -1, 10, 10, TUI_ROLE_BORDER);
	tui_canvas_box(&c, 2, 4, 10, 10, TUI_ROLE_BORDER);
	tui_canvas_hline(&c, 5, -2, 100, TUI_ROLE_BORDER);
	tui_canvas_vline(&c, -2, 7, 100, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, -1, -1, 0, TUI_ROLE_BORDER);
	tui_canvas_joint(&c, 3, 5, 0, TUI_ROLE_BORDER);
	tui_canvas_bar(&c, 2, -3, 5, 0.5);
	tui_canvas_bar(&c, 9, 0, 5, 0.5);
	tui_canvas_fill(&c, 0, 0, 2147483647, 2147483647, L'#', TUI_ROLE_DIM);
	tui_canvas_fill(&c, -2147483647, -2147483647, 2147483647, 2147483647,
	                L'#', TUI_ROLE_DIM);
	assert_dump(&c, "#####\n#####\n#####\n");
	assert_cells_sane(&c);

	/* A canvas too small to hold anything, and resizing to it. */
	assert_int_equal(tui_canvas_resize(&c, 0, 7), 0);
	assert_int_equal(c.h, 0);
	assert_int_equal(tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "x"), 0);
	tui_canvas_box(&c, 0, 0, 3, 3, TUI_ROLE_BORDER);
	tui_canvas_bar(&c, 0, 0, 3, 1.0);
	assert_dump(&c, "");
	assert_int_equal(tui_canvas_resize(&c, 1, 1), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "中");
	assert_dump(&c, "…\n");
	tui_canvas_free(&c);
}

static void test_resize_clears(void **state)
{
	(void)state;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 2, 3, 0), 0);
	tui_canvas_text(&c, 0, 0, -1, TUI_ROLE_NORMAL, "abc");
	tui_canvas_hit(&c, 0, 0, 1, 1, 1);
	assert_int_equal(tui_canvas_resize(&c, 4, 8), 0);
	assert_int_equal(c.h, 4);
	assert_int_equal(c.w, 8);
	assert_int_equal(c.n_hits, 0);
	assert_dump(&c, "\n\n\n\n");
	tui_canvas_text(&c, 3, 0, -1, TUI_ROLE_NORMAL, "12345678");
	assert_dump(&c, "\n\n\n12345678\n");
	tui_canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_text_fits_and_cuts),
		cmocka_unit_test(test_wide_never_straddles),
		cmocka_unit_test(test_wide_overwrite_leaves_no_half),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_combining_dropped),
		cmocka_unit_test(test_ascii_mode),
		cmocka_unit_test(test_box),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_hits),
		cmocka_unit_test(test_dump_trims),
		cmocka_unit_test(test_fill_and_paint),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_no_writes_outside),
		cmocka_unit_test(test_resize_clears),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
