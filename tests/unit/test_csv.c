/* CSV writing and reading on libcsv (core/csv.h): exact bytes out, the
 * formula guard and its undoing, cells, lines, raw records and positions
 * in, every syntax error with its FILE:LINE:COLUMN, and I/O failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv.h"

/* ---- helpers ---- */

static char *file_slurp(FILE *f, size_t *n)
{
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	char *buf = malloc((size_t)size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	buf[size] = '\0';
	*n = (size_t)size;
	return buf;
}

enum cell_kind { TEXT, PHONE, BARE, NUL };

struct wcell {
	enum cell_kind kind;
	const char *s;
	size_t n;              /* 0: strlen(s) */
};

/* Writes the cells and returns the file's bytes (malloc'd).  ROW_END ends
 * a row; INPUT_END ends the last row and the input. */
static char *write_cells(const struct wcell *c, size_t *n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	struct core_csvw *w = core_csvw_new(f, "out.csv");
	assert_non_null(w);
	for (; !(c[0].kind == TEXT && c[0].s == NULL && c[1].kind == TEXT && c[1].s == NULL); c++) {
		size_t len = c->s != NULL && c->n == 0 ? strlen(c->s) : c->n;
		if (c->kind == TEXT && c->s == NULL)
			core_csvw_end_row(w);
		else if (c->kind == TEXT)
			core_csvw_text(w, c->s, len);
		else if (c->kind == PHONE)
			core_csvw_phone(w, c->s, len);
		else if (c->kind == BARE)
			core_csvw_bare(w, c->s, len);
		else
			core_csvw_null(w);
	}
	core_csvw_end_row(w);
	struct core_error err = {0};
	assert_int_equal(core_csvw_finish(w, &err), CORE_OK);
	char *out = file_slurp(f, n);
	assert_int_equal(core_csvw_bytes(w), *n);
	core_csvw_free(w);
	fclose(f);
	return out;
}

#define ROW_END {TEXT, NULL, 0}
#define INPUT_END {TEXT, NULL, 0}, {TEXT, NULL, 0}

static void expect_bytes(const char *got, size_t n, const char *want, size_t want_n)
{
	if (n != want_n || memcmp(got, want, n) != 0)
		fail_msg("wrote [%.*s] (%zu bytes), expected [%.*s] (%zu bytes)", (int)n, got, n,
		         (int)want_n, want, want_n);
}

/* One record as the reader handed it over, copied. */
#define MAX_CELLS 16
struct got_row {
	long line, index;
	size_t n;
	char *cell[MAX_CELLS];
	size_t len[MAX_CELLS];
	unsigned char null[MAX_CELLS];
	char *raw;
	size_t raw_len;
	long at_line[MAX_CELLS + 1], at_col[MAX_CELLS + 1]; /* core_csv_locate */
};

struct got {
	struct got_row row[64];
	size_t n;
	long stop_at;          /* index at which the callback fails; -1: never */
};

static char *copy_bytes(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	assert_non_null(p);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static enum core_status on_row(void *ctx, const struct core_csv_row *row, struct core_error *err)
{
	struct got *g = ctx;
	if (row->index == g->stop_at)
		return core_error_set(err, CORE_ERR_NOTFOUND, "%s:%ld: stopped", row->file, row->line);
	assert_true(g->n < sizeof g->row / sizeof g->row[0]);
	assert_true(row->n >= 1 && row->n <= MAX_CELLS);
	struct got_row *r = &g->row[g->n++];
	r->line = row->line;
	r->index = row->index;
	r->n = row->n;
	for (size_t i = 0; i < row->n; i++) {
		assert_int_equal(row->cell[i][row->len[i]], '\0');
		r->cell[i] = copy_bytes(row->cell[i], row->len[i]);
		r->len[i] = row->len[i];
		r->null[i] = row->null[i];
	}
	for (size_t i = 0; i <= row->n; i++)
		core_csv_locate(row, i, &r->at_line[i], &r->at_col[i]);
	r->raw = copy_bytes(row->raw, row->raw_len);
	r->raw_len = row->raw_len;
	return CORE_OK;
}

static void got_free(struct got *g)
{
	for (size_t k = 0; k < g->n; k++) {
		for (size_t i = 0; i < g->row[k].n; i++)
			free(g->row[k].cell[i]);
		free(g->row[k].raw);
	}
	g->n = 0;
}

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

/* ---- writing ---- */

static void test_write_exact_bytes(void **state)
{
	(void)state;
	static const struct wcell cells[] = {
		{TEXT, "id", 0}, {TEXT, "note", 0}, {TEXT, "empty", 0}, {TEXT, "none", 0},
		{TEXT, "n", 0}, ROW_END,
		{BARE, "17", 0}, {TEXT, "He said \"hi\", then left", 0}, {TEXT, "", 0}, {NUL, NULL, 0},
		{BARE, "-3.5", 0}, ROW_END,
		{BARE, "18", 0}, {TEXT, "Linje én\nLinje to: æøå ÆØÅ\r\nslutt", 0}, {NUL, NULL, 0},
		{TEXT, "\"\"", 0}, {BARE, "2026-11-23", 0},
		INPUT_END,
	};
	static const char want[] =
		"\"id\",\"note\",\"empty\",\"none\",\"n\"\r\n"
		"17,\"He said \"\"hi\"\", then left\",\"\",,-3.5\r\n"
		"18,\"Linje én\nLinje to: æøå ÆØÅ\r\nslutt\",,\"\"\"\"\"\",2026-11-23\r\n";
	size_t n;
	char *out = write_cells(cells, &n);
	expect_bytes(out, n, want, sizeof want - 1);
	free(out);
}

static void test_write_null_and_empty_rows(void **state)
{
	(void)state;
	/* Leading and trailing nulls still count their commas. */
	static const struct wcell cells[] = {
		{NUL, NULL, 0}, {NUL, NULL, 0}, {TEXT, "x", 0}, {NUL, NULL, 0}, INPUT_END,
	};
	size_t n;
	char *out = write_cells(cells, &n);
	expect_bytes(out, n, ",,\"x\",\r\n", 8);
	free(out);
}

static void test_write_bare_never_breaks_the_row(void **state)
{
	(void)state;
	/* Bare is for numbers; a comma, quote or line end gets quoted (never
	 * guarded) rather than shift the cells after it. */
	static const struct wcell cells[] = {
		{BARE, "1,5", 0}, {BARE, "-1", 0}, {BARE, "a\"b", 0}, {BARE, "=1", 0}, {BARE, "", 0},
		INPUT_END,
	};
	static const char want[] = "\"1,5\",-1,\"a\"\"b\",=1,\r\n";
	size_t n;
	char *out = write_cells(cells, &n);
	expect_bytes(out, n, want, sizeof want - 1);
	free(out);
}

static void test_guard_predicates(void **state)
{
	(void)state;
	static const char danger[] = "=+-@\t\r\n";
	for (size_t i = 0; i < sizeof danger; i++) {       /* the NUL too */
		char s[3] = {danger[i], 'x', '\0'};
		assert_int_equal(core_csv_needs_guard(s, 2), 1);
		assert_int_equal(core_csv_guard_len(s, 2), 0);  /* not read as guarded */
	}
	assert_int_equal(core_csv_needs_guard("hello", 5), 0);
	assert_int_equal(core_csv_needs_guard(" =x", 3), 0);
	assert_int_equal(core_csv_needs_guard("", 0), 0);
	assert_int_equal(core_csv_needs_guard("'", 1), 0);
	assert_int_equal(core_csv_needs_guard("'hello", 6), 0);
	assert_int_equal(core_csv_needs_guard("'=x", 3), 1);
	assert_int_equal(core_csv_needs_guard("'''-x", 5), 1);
	/* The length is what counts, not a NUL: "=" cut to 0 bytes is "". */
	assert_int_equal(core_csv_needs_guard("=", 0), 0);
	assert_int_equal(core_csv_guard_len("'=x", 3), 1);
	assert_int_equal(core_csv_guard_len("''=x", 4), 1);
	assert_int_equal(core_csv_guard_len("'hello", 6), 0);
	assert_int_equal(core_csv_guard_len("''", 2), 0);
	assert_int_equal(core_csv_guard_len("'", 1), 0);
	assert_int_equal(core_csv_guard_len("", 0), 0);
	assert_int_equal(core_csv_guard_len("'\0", 2), 1);
}

/* Writes text t (n bytes) as one text cell and one phone cell, checks the
 * bytes against want (the quoted cell), reads the file back and checks
 * that undoing the guard gives t again. */
static void expect_round_trip(const char *t, size_t n, const char *want, size_t want_n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	struct core_csvw *w = core_csvw_new(f, "rt.csv");
	assert_non_null(w);
	core_csvw_text(w, t, n);
	core_csvw_end_row(w);
	struct core_error err = {0};
	assert_int_equal(core_csvw_finish(w, &err), CORE_OK);
	core_csvw_free(w);
	size_t len;
	char *out = file_slurp(f, &len);
	assert_true(len == want_n + 2);
	expect_bytes(out, want_n, want, want_n);
	assert_memory_equal(out + want_n, "\r\n", 2);
	free(out);
	rewind(f);
	struct got g = {.stop_at = -1};
	assert_int_equal(core_csv_read(f, "rt.csv", on_row, &g, &err), CORE_OK);
	fclose(f);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.row[0].n, 1);
	assert_int_equal(g.row[0].null[0], 0);
	const char *cell = g.row[0].cell[0];
	size_t skip = core_csv_guard_len(cell, g.row[0].len[0]);
	assert_int_equal(g.row[0].len[0] - skip, n);
	assert_memory_equal(cell + skip, t, n);
	got_free(&g);
}

static void test_guard_each_dangerous_char(void **state)
{
	(void)state;
	static const char danger[] = "=+-@\t\r\n";
	for (size_t i = 0; i < sizeof danger; i++) {       /* the NUL too */
		char t[] = "?SUM(A1:A9)";
		t[0] = danger[i];
		char want[] = "\"'?SUM(A1:A9)\"";
		want[2] = danger[i];
		expect_round_trip(t, sizeof t - 1, want, sizeof want - 1);
	}
	expect_round_trip("@", 1, "\"'@\"", 4);
	expect_round_trip("-", 1, "\"'-\"", 4);
}

static void test_guard_quote_chain(void **state)
{
	(void)state;
	expect_round_trip("'=x", 3, "\"''=x\"", 6);
	expect_round_trip("'''+1", 5, "\"''''+1\"", 8);
	expect_round_trip("'hello", 6, "\"'hello\"", 8);
	expect_round_trip("'", 1, "\"'\"", 3);
	expect_round_trip("''", 2, "\"''\"", 4);
	expect_round_trip("hello", 5, "\"hello\"", 7);
	expect_round_trip("", 0, "\"\"", 2);
	/* The guard goes inside the quotes, before a doubled quote too. */
	expect_round_trip("=\"x\"", 4, "\"'=\"\"x\"\"\"", 9);
}

static void test_phone_cells(void **state)
{
	(void)state;
	assert_int_equal(core_csv_is_e164("+4712345678", 11), 1);
	assert_int_equal(core_csv_is_e164("+123456", 7), 1);            /* 6 digits */
	assert_int_equal(core_csv_is_e164("+12345", 6), 0);             /* 5 */
	assert_int_equal(core_csv_is_e164("+123456789012345", 16), 1);  /* 15 */
	assert_int_equal(core_csv_is_e164("+1234567890123456", 17), 0); /* 16 */
	assert_int_equal(core_csv_is_e164("+47 123 45 678", 14), 0);
	assert_int_equal(core_csv_is_e164("+4712a45678", 11), 0);
	assert_int_equal(core_csv_is_e164("4712345678", 10), 0);
	assert_int_equal(core_csv_is_e164("++4712345678", 12), 0);
	assert_int_equal(core_csv_is_e164("+", 1), 0);

	static const struct wcell cells[] = {
		{PHONE, "+4712345678", 0}, {PHONE, "+47 123 45 678", 0}, {PHONE, "+123", 0},
		{PHONE, "12345678", 0}, {PHONE, "=1+1", 0}, {PHONE, "", 0}, {TEXT, "+4712345678", 0},
		INPUT_END,
	};
	static const char want[] = "\"+4712345678\",\"'+47 123 45 678\",\"'+123\",\"12345678\","
	                           "\"'=1+1\",\"\",\"'+4712345678\"\r\n";
	size_t n;
	char *out = write_cells(cells, &n);
	expect_bytes(out, n, want, sizeof want - 1);
	free(out);
}

static void test_write_large_output_in_blocks(void **state)
{
	(void)state;
	/* Many rows and one cell larger than any buffer: every byte arrives,
	 * in order, and the count matches the file. */
	FILE *f = tmpfile();
	assert_non_null(f);
	struct core_csvw *w = core_csvw_new(f, "big.csv");
	assert_non_null(w);
	size_t big_n = 3u * 1024 * 1024;
	char *big = malloc(big_n);
	assert_non_null(big);
	for (size_t i = 0; i < big_n; i++)
		big[i] = (char)('a' + i % 26);
	big[100] = '"';
	char num[32];
	for (int i = 0; i < 20000; i++) {
		int len = snprintf(num, sizeof num, "%d", i);
		core_csvw_bare(w, num, (size_t)len);
		core_csvw_text(w, "Bjørn Ås", strlen("Bjørn Ås"));
		core_csvw_end_row(w);
		if (i == 10000) {
			core_csvw_text(w, big, big_n);
			core_csvw_end_row(w);
		}
	}
	struct core_error err = {0};
	assert_int_equal(core_csvw_finish(w, &err), CORE_OK);
	size_t n;
	char *out = file_slurp(f, &n);
	assert_int_equal(core_csvw_bytes(w), n);
	core_csvw_free(w);
	fclose(f);
	const char *p = out;
	for (int i = 0; i < 20000; i++) {
		int len = snprintf(num, sizeof num, "%d,\"Bjørn Ås\"\r\n", i);
		assert_memory_equal(p, num, (size_t)len);
		p += len;
		if (i == 10000) {
			assert_memory_equal(p, "\"abc", 4);
			assert_memory_equal(p + 101, "\"\"", 2);     /* the doubled quote */
			p += big_n + 1 + 2 + 2;                    /* quotes, "", CRLF */
			assert_memory_equal(p - 2, "\r\n", 2);
		}
	}
	assert_ptr_equal(p, out + n);
	free(out);
	free(big);
}

static void test_write_full_disk(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/full", "w");
	if (f == NULL)
		skip();
	/* Well past one block: the failure comes from a block write, and
	 * every call after it does nothing. */
	struct core_csvw *w = core_csvw_new(f, "meetings.csv");
	assert_non_null(w);
	for (int i = 0; i < 100000; i++) {
		core_csvw_text(w, "Kunde møte", strlen("Kunde møte"));
		core_csvw_bare(w, "12", 2);
		core_csvw_end_row(w);
	}
	unsigned long long bytes = core_csvw_bytes(w);
	assert_true(bytes < 100000ull * 18);
	core_csvw_text(w, "more", 4);
	assert_int_equal(core_csvw_bytes(w), bytes);
	struct core_error err = {0};
	assert_int_equal(core_csvw_finish(w, &err), CORE_ERR_IO);
	assert_string_equal(err.msg, "meetings.csv: write failed: No space left on device");
	core_csvw_free(w);
	fclose(f);

	/* Less than a block: the failure shows at finish, from the flush. */
	f = fopen("/dev/full", "w");
	assert_non_null(f);
	w = core_csvw_new(f, "standard output");
	assert_non_null(w);
	core_csvw_text(w, "x", 1);
	core_csvw_end_row(w);
	assert_int_equal(core_csvw_finish(w, &err), CORE_ERR_IO);
	assert_string_equal(err.msg, "standard output: write failed: No space left on device");
	core_csvw_free(w);
	fclose(f);
}

static void test_write_closed_pipe(void **state)
{
	(void)state;
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	close(fd[0]);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	FILE *f = fdopen(fd[1], "w");
	assert_non_null(f);
	struct core_csvw *w = core_csvw_new(f, "standard output");
	assert_non_null(w);
	core_csvw_text(w, "x", 1);
	core_csvw_end_row(w);
	struct core_error err = {0};
	assert_int_equal(core_csvw_finish(w, &err), CORE_ERR_IO);
	assert_string_equal(err.msg, "standard output: write failed: Broken pipe");
	core_csvw_free(w);
	fclose(f);
	signal(SIGPIPE, old);
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
		cmocka_unit_test(test_write_exact_bytes),
		cmocka_unit_test(test_write_null_and_empty_rows),
		cmocka_unit_test(test_write_bare_never_breaks_the_row),
		cmocka_unit_test(test_guard_predicates),
		cmocka_unit_test(test_guard_each_dangerous_char),
		cmocka_unit_test(test_guard_quote_chain),
		cmocka_unit_test(test_phone_cells),
		cmocka_unit_test(test_write_large_output_in_blocks),
		cmocka_unit_test(test_write_full_disk),
		cmocka_unit_test(test_write_closed_pipe),
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
