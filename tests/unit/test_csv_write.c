/* CSV writing on libcsv (core/csv.h): exact bytes out, nulls and empty
 * cells, bare cells that never break the row, the formula guard on each
 * dangerous first character and its undoing on the way back in, E.164
 * phones, output larger than any buffer, and I/O failures (a full disk, a
 * closed pipe). */
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
#include "tests/unit/csv_fx.h"

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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
