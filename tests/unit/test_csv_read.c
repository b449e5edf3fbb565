/* CSV reading on libcsv (core/csv.h): cells and nulls, lines after
 * multi-line cells, CRLF and lone CR, a BOM and blank lines, raw records
 * and positions, every syntax error with its FILE:LINE:COLUMN, records and
 * line ends across the reader's blocks, a callback that stops, a stream
 * that fails, and tricky texts written and read back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "tests/unit/csv_fx.h"

/* ---- helpers ---- */

static FILE *file_with(const char *text, size_t n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	rewind(f);
	return f;
}

static enum core_status read_bytes(const char *text, size_t n, struct got *g,
                                   struct core_error *err)
{
	FILE *f = file_with(text, n);
	g->n = 0;
	enum core_status st = core_csv_read(f, "t.csv", on_row, g, err);
	fclose(f);
	return st;
}

static void read_ok(const char *text, struct got *g)
{
	struct core_error err = {0};
	g->stop_at = -1;
	if (read_bytes(text, strlen(text), g, &err) != CORE_OK)
		fail_msg("%s", err.msg);
}

static void expect_cell(const struct got_row *r, size_t i, const char *s, int null)
{
	assert_true(i < r->n);
	assert_int_equal(r->len[i], strlen(s));
	assert_string_equal(r->cell[i], s);
	assert_int_equal(r->null[i], null);
}

static void expect_error(const char *text, const char *msg, size_t delivered)
{
	struct got g = {.stop_at = -1};
	struct core_error err = {0};
	assert_int_equal(read_bytes(text, strlen(text), &g, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, msg);
	assert_int_equal(g.n, delivered);
	got_free(&g);
}

/* ---- reading ---- */

static void test_read_cells_and_nulls(void **state)
{
	(void)state;
	struct got g;
	read_ok("id,name,note,x\n"
	        "1,\"Acme, Inc\",,\"\"\n"
	        ",\"He said \"\"hi\"\"\", a b ,\"æøå\"\n", &g);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.row[0].index, 0);
	assert_int_equal(g.row[0].n, 4);
	expect_cell(&g.row[0], 0, "id", 0);
	expect_cell(&g.row[0], 3, "x", 0);
	assert_int_equal(g.row[1].index, 1);
	expect_cell(&g.row[1], 0, "1", 0);
	expect_cell(&g.row[1], 1, "Acme, Inc", 0);
	expect_cell(&g.row[1], 2, "", 1);                  /* nothing: null */
	expect_cell(&g.row[1], 3, "", 0);                  /* "": a value */
	assert_int_equal(g.row[2].n, 4);
	expect_cell(&g.row[2], 0, "", 1);
	expect_cell(&g.row[2], 1, "He said \"hi\"", 0);
	expect_cell(&g.row[2], 2, " a b ", 0);             /* spaces are data */
	expect_cell(&g.row[2], 3, "æøå", 0);
	assert_int_equal(g.row[2].line, 3);
	got_free(&g);

	/* A trailing comma is one more null cell; a NUL byte is data. */
	struct core_error err = {0};
	g.stop_at = -1;
	assert_int_equal(read_bytes("a,\"b\0c\",\n", 9, &g, &err), CORE_OK);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.row[0].n, 3);
	assert_int_equal(g.row[0].len[1], 3);
	assert_memory_equal(g.row[0].cell[1], "b\0c", 4);
	expect_cell(&g.row[0], 2, "", 1);
	got_free(&g);
}

static void test_read_lines_after_multiline_cells(void **state)
{
	(void)state;
	struct got g;
	read_ok("a,b\n"
	        "1,\"one\ntwo\nthree\"\n"
	        "2,x\n"
	        "\"\n\",\"\n\n\"\n"
	        "3,y", &g);
	assert_int_equal(g.n, 5);
	assert_int_equal(g.row[0].line, 1);
	assert_int_equal(g.row[1].line, 2);
	expect_cell(&g.row[1], 1, "one\ntwo\nthree", 0);
	assert_int_equal(g.row[2].line, 5);
	assert_int_equal(g.row[3].line, 6);
	expect_cell(&g.row[3], 0, "\n", 0);
	expect_cell(&g.row[3], 1, "\n\n", 0);
	assert_int_equal(g.row[4].line, 10);
	assert_int_equal(g.row[4].index, 4);
	expect_cell(&g.row[4], 1, "y", 0);                 /* no line end at EOF */
	assert_int_equal(g.row[4].raw_len, 3);
	assert_int_equal(g.row[4].at_line[2], 10);          /* the end: after "y" */
	assert_int_equal(g.row[4].at_col[2], 4);
	got_free(&g);
}

static void test_read_crlf(void **state)
{
	(void)state;
	struct got g;
	read_ok("a,b\r\n"
	        "\"x\r\ny\",z\r\n"
	        "\r\n"
	        "last,\"q\"\r\n", &g);
	assert_int_equal(g.n, 3);
	expect_cell(&g.row[0], 1, "b", 0);
	expect_cell(&g.row[1], 0, "x\r\ny", 0);           /* kept inside quotes */
	expect_cell(&g.row[1], 1, "z", 0);
	assert_int_equal(g.row[1].line, 2);
	assert_int_equal(g.row[2].line, 5);
	assert_int_equal(g.row[2].index, 2);
	expect_cell(&g.row[2], 1, "q", 0);
	assert_int_equal(g.row[1].raw_len, strlen("\"x\r\ny\",z\r\n"));
	assert_memory_equal(g.row[1].raw, "\"x\r\ny\",z\r\n", g.row[1].raw_len);
	got_free(&g);

	/* A lone CR inside quotes is kept (and ends a line for positions, as
	 * libcsv also takes a CR as a line end outside quotes). */
	read_ok("\"a\rb\",c\nd\re\n", &g);
	assert_int_equal(g.n, 3);
	expect_cell(&g.row[0], 0, "a\rb", 0);
	expect_cell(&g.row[1], 0, "d", 0);
	assert_int_equal(g.row[1].line, 3);
	assert_memory_equal(g.row[1].raw, "d\r", 2);
	expect_cell(&g.row[2], 0, "e", 0);
	assert_int_equal(g.row[2].line, 4);
	got_free(&g);
}

static void test_read_bom_and_blank_lines(void **state)
{
	(void)state;
	struct got g;
	read_ok("\xEF\xBB\xBF\"Name\",Email\n\n\n\r\nAcme,a@acme.no\n\n", &g);
	assert_int_equal(g.n, 2);
	expect_cell(&g.row[0], 0, "Name", 0);
	assert_int_equal(g.row[0].raw_len, strlen("\"Name\",Email\n"));
	assert_int_equal(g.row[0].at_col[1], 8);           /* the BOM is no column */
	assert_int_equal(g.row[1].line, 5);
	assert_int_equal(g.row[1].index, 1);
	expect_cell(&g.row[1], 1, "a@acme.no", 0);
	got_free(&g);

	/* Only at the start of the file. */
	read_ok("a\n\xEF\xBB\xBF" "b\n", &g);
	assert_int_equal(g.n, 2);
	expect_cell(&g.row[1], 0, "\xEF\xBB\xBF" "b", 0);
	got_free(&g);

	read_ok("\xEF\xBB\xBF", &g);
	assert_int_equal(g.n, 0);
	read_ok("\n\r\n\r", &g);
	assert_int_equal(g.n, 0);
}

static void test_read_raw_and_locate(void **state)
{
	(void)state;
	struct got g;
	read_ok("id,note\r\n"
	        "7,\"første linje\r\nandre, \"\"linje\"\"\",Ås,,\"x\"\r\n"
	        "æøå,ÆØÅ,\"\",z\n", &g);
	assert_int_equal(g.n, 3);
	const struct got_row *r = &g.row[1];
	static const char raw1[] = "7,\"første linje\r\nandre, \"\"linje\"\"\",Ås,,\"x\"\r\n";
	assert_int_equal(r->raw_len, sizeof raw1 - 1);
	assert_memory_equal(r->raw, raw1, r->raw_len);
	assert_int_equal(r->n, 5);
	assert_int_equal(r->line, 2);
	assert_int_equal(r->at_line[0], 2);
	assert_int_equal(r->at_col[0], 1);
	assert_int_equal(r->at_line[1], 2);                /* the opening quote */
	assert_int_equal(r->at_col[1], 3);
	assert_int_equal(r->at_line[2], 3);                /* after the multi-line cell */
	assert_int_equal(r->at_col[2], 19);
	assert_int_equal(r->at_col[3], 22);                /* empty: where it ends */
	assert_int_equal(r->at_col[4], 23);
	assert_int_equal(r->at_line[5], 3);                /* the end of the last line */
	assert_int_equal(r->at_col[5], 26);

	r = &g.row[2];
	assert_int_equal(r->line, 4);
	assert_int_equal(r->at_col[1], 5);                 /* characters, not bytes */
	assert_int_equal(r->at_col[2], 9);
	assert_int_equal(r->at_col[3], 12);
	assert_int_equal(r->at_col[4], 13);
	assert_int_equal(r->at_line[4], 4);
	got_free(&g);
}

static void test_read_syntax_errors(void **state)
{
	(void)state;
	expect_error("a,b\"c,d\n", "t.csv:1:4: quote in an unquoted cell", 0);
	expect_error("id,name\n1,Bjørn \"B\" Ås\n",
	             "t.csv:2:9: quote in an unquoted cell", 1);
	expect_error("\"ab\"c,d\n",
	             "t.csv:1:5: text after a closing quote (a quote inside quotes is written twice)",
	             0);
	/* A space after the closing quote is text too. */
	expect_error("id,name\n1,\"Bjørn\" ,Ås\n",
	             "t.csv:2:10: text after a closing quote (a quote inside quotes is written twice)",
	             1);
	/* After a multi-line cell and on a CRLF line. */
	expect_error("h\r\n\"a\r\nbæ\" x\r\n",
	             "t.csv:3:4: text after a closing quote (a quote inside quotes is written twice)",
	             1);
	/* The column counts characters, a bad byte as one. */
	expect_error("\xC3\xA5\xFF\xE2\x82x\"\n", "t.csv:1:5: quote in an unquoted cell", 0);
	/* Blank lines before the record count. */
	expect_error("a\n\n\r\nb\"\n", "t.csv:4:2: quote in an unquoted cell", 1);
	/* An open quote names where it opened, however far the file goes on. */
	expect_error("a,b\nc,\"open\nmore\n\nand, more\n",
	             "t.csv:2:3: quote opened here never closed", 1);
	expect_error("a,\"ok\",\"\"\"still open\"\"", "t.csv:1:8: quote opened here never closed", 0);
	expect_error("x\n\"", "t.csv:2:1: quote opened here never closed", 1);
	expect_error("ø,æ\"", "t.csv:1:4: quote in an unquoted cell", 0);
}

static void test_read_record_larger_than_a_block(void **state)
{
	(void)state;
	/* A 200 KiB cell of lines, so it spans blocks and lines. */
	size_t cell_n = 200 * 1024;
	size_t n = 0;
	char *text = malloc(cell_n + 64);
	assert_non_null(text);
	n += (size_t)sprintf(text, "h1,h2\n1,\"");
	for (size_t i = 0; i < cell_n; i++)
		text[n + i] = i % 100 == 99 ? '\n' : (char)('a' + i % 26);
	n += cell_n;
	n += (size_t)sprintf(text + n, "\",end\n2,\"tail\"\n");
	struct got g = {.stop_at = -1};
	struct core_error err = {0};
	if (read_bytes(text, n, &g, &err) != CORE_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.row[1].len[1], cell_n);
	assert_memory_equal(g.row[1].cell[1], text + 9, cell_n);
	expect_cell(&g.row[1], 2, "end", 0);
	assert_int_equal(g.row[1].raw_len, cell_n + 9);
	assert_int_equal(g.row[1].at_line[2], 2 + (long)(cell_n / 100));
	assert_int_equal(g.row[1].at_col[2], 3);
	assert_int_equal(g.row[2].line, 3 + (long)(cell_n / 100));
	expect_cell(&g.row[2], 1, "tail", 0);
	got_free(&g);

	/* An error past the first block still gets its line and column. */
	text[n - 7] = 'X';                                 /* 2,Xtail" */
	assert_int_equal(read_bytes(text, n, &g, &err), CORE_ERR_INPUT);
	char want[64];
	snprintf(want, sizeof want, "t.csv:%ld:8: quote in an unquoted cell",
	         3 + (long)(cell_n / 100));
	assert_string_equal(err.msg, want);
	got_free(&g);
	free(text);
}

static void test_read_line_ends_across_blocks(void **state)
{
	(void)state;
	/* Each line end type, at each offset around the 64 KiB block end,
	 * inside and outside quotes. */
	size_t block = 64 * 1024;
	char *text = malloc(block + 64);
	assert_non_null(text);
	for (size_t pad = block - 6; pad <= block + 2; pad++) {
		for (int quoted = 0; quoted < 2; quoted++) {
			size_t n = 0;
			memset(text, 'p', pad);
			text[0] = quoted ? '"' : 'p';
			n = pad;
			n += (size_t)sprintf(text + n, "%s\r\nx\r\r\ny\n", quoted ? "\"" : "");
			struct got g = {.stop_at = -1};
			struct core_error err = {0};
			if (read_bytes(text, n, &g, &err) != CORE_OK)
				fail_msg("%s", err.msg);
			assert_int_equal(g.n, 3);
			assert_int_equal(g.row[0].raw_len, pad + (size_t)quoted + 2);
			assert_int_equal(g.row[0].len[0], quoted ? pad - 1 : pad);
			assert_memory_equal(g.row[1].raw, "x\r", 2);
			assert_int_equal(g.row[1].raw_len, 2);
			assert_int_equal(g.row[1].line, 2);
			assert_int_equal(g.row[2].line, 4);         /* line 3 is blank */
			expect_cell(&g.row[2], 0, "y", 0);
			got_free(&g);
		}
	}
	free(text);
}

static void test_read_callback_stops(void **state)
{
	(void)state;
	struct got g = {.stop_at = 2};
	struct core_error err = {0};
	const char *text = "a\nb\nc\nd\n";
	assert_int_equal(read_bytes(text, strlen(text), &g, &err), CORE_ERR_NOTFOUND);
	assert_string_equal(err.msg, "t.csv:3: stopped");
	assert_int_equal(g.n, 2);
	got_free(&g);
}

static void test_read_error_of_the_stream(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/null", "w");
	assert_non_null(f);
	struct got g = {.stop_at = -1};
	struct core_error err = {0};
	assert_int_equal(core_csv_read(f, "in.csv", on_row, &g, &err), CORE_ERR_IO);
	assert_string_equal(err.msg, "in.csv: read failed: Bad file descriptor");
	fclose(f);
}

static void test_round_trip_tricky_texts(void **state)
{
	(void)state;
	static const char *texts[] = {
		"Møte med Åse Ødegård", "a,b", "\"", "\"\"", "line\nline", "crlf\r\nx", "cr\ry",
		" padded ", "\ttab", "=HYPERLINK(\"x\")", "'", "'=", "+4712345678", "-", "",
		",", "\n", "\r\n", "æ\"ø\"å,\r\n\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		FILE *f = tmpfile();
		assert_non_null(f);
		struct core_csvw *w = core_csvw_new(f, "rt.csv");
		assert_non_null(w);
		core_csvw_bare(w, "1", 1);
		core_csvw_text(w, texts[i], strlen(texts[i]));
		core_csvw_null(w);
		core_csvw_end_row(w);
		core_csvw_text(w, "next", 4);
		core_csvw_end_row(w);
		struct core_error err = {0};
		assert_int_equal(core_csvw_finish(w, &err), CORE_OK);
		core_csvw_free(w);
		rewind(f);
		struct got g = {.stop_at = -1};
		if (core_csv_read(f, "rt.csv", on_row, &g, &err) != CORE_OK)
			fail_msg("%s", err.msg);
		fclose(f);
		assert_int_equal(g.n, 2);
		assert_int_equal(g.row[0].n, 3);
		const char *c = g.row[0].cell[1];
		size_t skip = core_csv_guard_len(c, g.row[0].len[1]);
		assert_int_equal(g.row[0].len[1] - skip, strlen(texts[i]));
		assert_memory_equal(c + skip, texts[i], strlen(texts[i]));
		assert_int_equal(g.row[0].null[1], 0);
		assert_int_equal(g.row[0].null[2], 1);
		expect_cell(&g.row[1], 0, "next", 0);
		got_free(&g);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_cells_and_nulls),
		cmocka_unit_test(test_read_lines_after_multiline_cells),
		cmocka_unit_test(test_read_crlf),
		cmocka_unit_test(test_read_bom_and_blank_lines),
		cmocka_unit_test(test_read_raw_and_locate),
		cmocka_unit_test(test_read_syntax_errors),
		cmocka_unit_test(test_read_record_larger_than_a_block),
		cmocka_unit_test(test_read_line_ends_across_blocks),
		cmocka_unit_test(test_read_callback_stops),
		cmocka_unit_test(test_read_error_of_the_stream),
		cmocka_unit_test(test_round_trip_tricky_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
