#ifndef TESTS_UNIT_CSV_FX_H
#define TESTS_UNIT_CSV_FX_H
/* What the CSV tests share (test_csv_write, test_csv_read): a
 * core_csv_read callback that copies every record it is handed (cells,
 * nulls, the raw bytes, core_csv_locate's positions) into a struct got,
 * and got_free.  Include after cmocka.h. */

#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

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

static inline char *copy_bytes(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	assert_non_null(p);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static inline enum core_status on_row(void *ctx, const struct core_csv_row *row,
                                      struct core_error *err)
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

static inline void got_free(struct got *g)
{
	for (size_t k = 0; k < g->n; k++) {
		for (size_t i = 0; i < g->row[k].n; i++)
			free(g->row[k].cell[i]);
		free(g->row[k].raw);
	}
	g->n = 0;
}

#endif
