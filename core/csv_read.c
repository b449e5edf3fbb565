/* Reading CSV on libcsv (core/csv.h).
 *
 * libcsv gives cells and record ends but no positions, and we need both a
 * record's line (for FILE:LINE:COLUMN) and its raw bytes (for a rejects
 * file).  So each block is cut into segments that end just after a line
 * end (LF, CR LF or a lone CR), each segment is appended to the record's
 * raw buffer and then fed to libcsv: libcsv can end a record only on a
 * line end byte, so when it does, the raw buffer holds exactly that
 * record.  Columns are never counted while reading: a record starts at
 * column 1, so an error's column, and core_csv_locate, come from walking
 * the raw record again, which only happens when someone asks.
 *
 * Spaces are data (RFC 4180): libcsv's trimming of spaces and tabs around
 * cells is turned off, so an unquoted " x " reads back as " x ", and a
 * space between a closing quote and the comma is an error, not dropped. */
#include "core/csv.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* What the reader asks fread for at a time. */
#define CSVR_BLOCK (64u * 1024u)

/* ---- positions in a raw record ---- */

/* A place in a raw record: byte offset, line, and column in characters.
 * Line ends are LF, CR LF and a lone CR, as for libcsv. */
struct csv_cursor {
	const char *s;
	size_t n, i;
	long line, col;
};

static void csv_cursor_step(struct csv_cursor *c)
{
	unsigned char b = (unsigned char)c->s[c->i];
	if (b == '\n' && c->i > 0 && c->s[c->i - 1] == '\r') {
		c->i++;                 /* the CR already ended the line */
	} else if (b == '\n' || b == '\r') {
		c->i++;
		c->line++;
		c->col = 1;
	} else {
		uint32_t cp;
		c->i += core_utf8_decode(c->s + c->i, c->n - c->i, &cp);
		c->col++;
	}
}

/* Moves c to the start of cell want, or to the end of the record (its
 * line end, or its last byte) when it has fewer cells.  Returns 1 when
 * the record ends inside quotes, with *open at the quote that opened
 * them.  The same grammar as libcsv's strict mode, without spaces. */
static int csv_cursor_seek(struct csv_cursor *c, size_t want, struct csv_cursor *open)
{
	for (size_t cell = 0; cell != want; cell++) {
		if (c->i < c->n && c->s[c->i] == '"') {
			*open = *c;
			csv_cursor_step(c);
			for (;;) {
				if (c->i >= c->n)
					return 1;
				char b = c->s[c->i];
				csv_cursor_step(c);
				if (b != '"')
					continue;
				if (c->i < c->n && c->s[c->i] == '"')
					csv_cursor_step(c);
				else
					break;
			}
		}
		while (c->i < c->n && c->s[c->i] != ',' && c->s[c->i] != '\r' && c->s[c->i] != '\n')
			csv_cursor_step(c);
		if (c->i >= c->n || c->s[c->i] != ',')
			return 0;
		csv_cursor_step(c);
	}
	return 0;
}

void core_csv_locate(const struct core_csv_row *row, size_t i, long *line, long *col)
{
	struct csv_cursor c = {row->raw, row->raw_len, 0, row->line, 1}, open;
	csv_cursor_seek(&c, i, &open);
	*line = c.line;
	*col = c.col;
}

/* ---- reading ---- */

struct csv_bytes {
	char *p;
	size_t len, cap;
};

static int csv_bytes_room(struct csv_bytes *b, size_t need)
{
	if (need <= b->cap - b->len)
		return 1;
	if (need > SIZE_MAX / 2 - b->len)
		return 0;
	size_t cap = b->cap != 0 ? b->cap : 256;
	while (cap - b->len < need)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (p == NULL)
		return 0;
	b->p = p;
	b->cap = cap;
	return 1;
}

struct csv_reader {
	struct csv_parser p;
	const char *file;
	core_csv_row_fn fn;
	void *ctx;
	struct csv_bytes raw;     /* the current record as in the file */
	struct csv_bytes data;    /* its cells, each NUL-terminated */
	size_t *off, *len;        /* per cell: offset in data, length */
	unsigned char *null;
	const char **cell;
	size_t n, cap;
	long line;                /* the line of the next byte */
	long rec_line, index;
	int begun;                /* the current record has bytes */
	int ended;                /* libcsv ended it */
	int pending;              /* ended on a CR that was the last byte read */
	int prev_cr;              /* the last byte read was a CR */
	int nomem;                /* a callback ran out of memory */
};

static int csv_reader_cells_room(struct csv_reader *r)
{
	if (r->n < r->cap)
		return 1;
	size_t cap = r->cap != 0 ? r->cap * 2 : 16;
	if (cap > SIZE_MAX / sizeof(size_t))
		return 0;
	size_t *off = realloc(r->off, cap * sizeof *off);
	if (off == NULL)
		return 0;
	r->off = off;
	size_t *len = realloc(r->len, cap * sizeof *len);
	if (len == NULL)
		return 0;
	r->len = len;
	unsigned char *null = realloc(r->null, cap);
	if (null == NULL)
		return 0;
	r->null = null;
	const char **cell = realloc(r->cell, cap * sizeof *cell);
	if (cell == NULL)
		return 0;
	r->cell = cell;
	r->cap = cap;
	return 1;
}

/* libcsv's cell callback: s is NULL for an empty unquoted cell. */
static void csv_reader_on_cell(void *s, size_t n, void *data)
{
	struct csv_reader *r = data;
	if (r->nomem)
		return;
	if (!csv_reader_cells_room(r) || n == SIZE_MAX || !csv_bytes_room(&r->data, n + 1)) {
		r->nomem = 1;
		return;
	}
	char *out = r->data.p + r->data.len;
	if (n != 0)
		memcpy(out, s, n);
	out[n] = '\0';
	r->off[r->n] = r->data.len;
	r->len[r->n] = n;
	r->null[r->n] = s == NULL;
	r->n++;
	r->data.len += n + 1;
}

static void csv_reader_on_end(int c, void *data)
{
	(void)c;
	((struct csv_reader *)data)->ended = 1;
}

static enum core_status csv_reader_nomem(struct csv_reader *r, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", r->file);
}

static enum core_status csv_reader_deliver(struct csv_reader *r, struct core_error *err)
{
	if (r->nomem)
		return csv_reader_nomem(r, err);
	for (size_t i = 0; i < r->n; i++)
		r->cell[i] = r->data.p + r->off[i];
	struct core_csv_row row = {
		.file = r->file, .line = r->rec_line, .index = r->index, .n = r->n,
		.cell = r->cell, .len = r->len, .null = r->null,
		.raw = r->raw.p, .raw_len = r->raw.len,
	};
	enum core_status st = r->fn(r->ctx, &row, err);
	r->index++;
	r->n = r->data.len = r->raw.len = 0;
	r->begun = r->ended = r->pending = 0;
	return st;
}

/* CORE_ERR_INPUT at byte off of the raw record. */
static enum core_status csv_reader_syntax(struct csv_reader *r, size_t off, const char *what,
                                         struct core_error *err)
{
	struct csv_cursor c = {r->raw.p, off, 0, r->rec_line, 1};
	while (c.i < off)
		csv_cursor_step(&c);
	return core_error_set(err, CORE_ERR_INPUT, "%s:%ld:%ld: %s", r->file, c.line, c.col, what);
}

/* Lines that the segment s (n bytes, ending in a line end or cut at the
 * end of a block) completes; updates prev_cr. */
static long csv_reader_lines(struct csv_reader *r, const char *s, size_t n)
{
	char last = s[n - 1];
	int was_cr = r->prev_cr;
	r->prev_cr = last == '\r';
	if (last == '\r')
		return 1;
	if (last != '\n')
		return 0;
	return n == 1 && was_cr ? 0 : 1;
}

/* The segment that starts at s: up to and including the first line end
 * (CR LF counts as one), or to end. */
static const char *csv_segment_end(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	const char *cr = memchr(s, '\r', (size_t)((nl != NULL ? nl : end) - s));
	if (cr != NULL)
		return cr + 1 == nl ? nl + 1 : cr + 1;
	return nl != NULL ? nl + 1 : end;
}

static int csv_is_blank(const char *s, size_t n)
{
	return (n == 1 && (s[0] == '\n' || s[0] == '\r')) ||
	       (n == 2 && s[0] == '\r' && s[1] == '\n');
}

static enum core_status csv_reader_feed(struct csv_reader *r, const char *s, size_t n,
                                        int at_end, struct core_error *err)
{
	if (!r->begun) {
		if (csv_is_blank(s, n)) {
			r->line += csv_reader_lines(r, s, n);
			return CORE_OK;
		}
		r->begun = 1;
		r->rec_line = r->line;
	}
	if (!csv_bytes_room(&r->raw, n))
		return csv_reader_nomem(r, err);
	memcpy(r->raw.p + r->raw.len, s, n);
	r->raw.len += n;
	size_t used = csv_parse(&r->p, s, n, csv_reader_on_cell, csv_reader_on_end, r);
	if (used < n) {
		if (csv_error(&r->p) != CSV_EPARSE)
			return csv_reader_nomem(r, err);
		/* Strict libcsv stops on a quote inside an unquoted cell, or on
		 * anything but a comma or line end after a closing quote. */
		return csv_reader_syntax(r, r->raw.len - n + used,
		                         s[used] == '"' ? "quote in an unquoted cell"
		                                        : "text after a closing quote (a quote "
		                                          "inside quotes is written twice)",
		                         err);
	}
	if (r->nomem)
		return csv_reader_nomem(r, err);
	r->line += csv_reader_lines(r, s, n);
	if (!r->ended)
		return CORE_OK;
	/* A CR LF may be cut by the block: the LF belongs to this record. */
	if (s[n - 1] == '\r' && at_end) {
		r->pending = 1;
		return CORE_OK;
	}
	return csv_reader_deliver(r, err);
}

static enum core_status csv_reader_block(struct csv_reader *r, const char *s, const char *end,
                                         struct core_error *err)
{
	enum core_status st = CORE_OK;
	while (st == CORE_OK && s < end) {
		if (r->pending) {
			if (*s == '\n') {
				if (!csv_bytes_room(&r->raw, 1))
					return csv_reader_nomem(r, err);
				r->raw.p[r->raw.len++] = '\n';
				r->prev_cr = 0;
				s++;
			}
			st = csv_reader_deliver(r, err);
			continue;
		}
		const char *next = csv_segment_end(s, end);
		st = csv_reader_feed(r, s, (size_t)(next - s), next == end, err);
		s = next;
	}
	return st;
}

static enum core_status csv_reader_finish(struct csv_reader *r, struct core_error *err)
{
	if (r->pending)
		return csv_reader_deliver(r, err);
	if (!r->begun)
		return CORE_OK;
	if (csv_fini(&r->p, csv_reader_on_cell, csv_reader_on_end, r) != 0) {
		struct csv_cursor c = {r->raw.p, r->raw.len, 0, r->rec_line, 1}, open = c;
		csv_cursor_seek(&c, SIZE_MAX, &open);
		return csv_reader_syntax(r, open.i, "quote opened here never closed", err);
	}
	return csv_reader_deliver(r, err);
}

/* libcsv's default skips spaces and tabs around cells. */
static int csv_no_space(unsigned char c)
{
	(void)c;
	return 0;
}

enum core_status core_csv_read(FILE *f, const char *file, core_csv_row_fn fn, void *ctx,
                               struct core_error *err)
{
	struct csv_reader r = {.file = file, .fn = fn, .ctx = ctx, .line = 1};
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0)
		return csv_reader_nomem(&r, err);
	csv_set_space_func(&r.p, csv_no_space);
	char *block = malloc(CSVR_BLOCK);
	enum core_status st = block != NULL ? CORE_OK : csv_reader_nomem(&r, err);
	int first = 1;
	while (st == CORE_OK) {
		errno = 0;
		size_t got = fread(block, 1, CSVR_BLOCK, f);
		if (got == 0) {
			if (ferror(f))
				st = core_error_set(err, CORE_ERR_IO, "%s: read failed: %s", file,
				                    strerror(errno != 0 ? errno : EIO));
			else
				st = csv_reader_finish(&r, err);
			break;
		}
		const char *s = block;
		if (first && got >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		first = 0;
		st = csv_reader_block(&r, s, block + got, err);
	}
	csv_free(&r.p);
	free(block);
	free(r.raw.p);
	free(r.data.p);
	free(r.off);
	free(r.len);
	free(r.null);
	free(r.cell);
	return st;
}
