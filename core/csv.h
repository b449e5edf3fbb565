#ifndef CORE_CSV_H
#define CORE_CSV_H
/* CSV as CRM importers take it and as CRMs and spreadsheets write it, on
 * libcsv.  Writing follows RFC 4180: CRLF after every row, text always
 * quoted (embedded quotes doubled, newlines kept inside the quotes),
 * numbers and dates bare, UTF-8 without a BOM.  Reading is strict (libcsv
 * CSV_STRICT | CSV_STRICT_FINI): bad quoting is an error with the file,
 * line and column, never a silently shifted row.
 *
 * Formula injection (OWASP): a text cell that starts with '=', '+', '-',
 * '@', tab, CR, LF or NUL is written with a "'" in front, so a spreadsheet
 * shows it as text instead of running it.  So that a round trip is exact,
 * a text that starts with one or more "'" followed by one of those
 * characters gets one more "'", and reading removes exactly one "'" from a
 * cell of that shape.  Phone fields are the one exception: a valid E.164
 * number ('+' then 6 to 15 digits, nothing else) is written as it is,
 * because CRMs match and dial it in that form. */

#include <stddef.h>
#include <stdio.h>

#include "core/error.h"

/* 1 when text s (n bytes) must be written with a "'" in front. */
int core_csv_needs_guard(const char *s, size_t n);
/* 1 when s is '+' followed by 6 to 15 ASCII digits, nothing else. */
int core_csv_is_e164(const char *s, size_t n);
/* How many bytes to skip at the start of a read text cell to undo the
 * guard: 1 or 0. */
size_t core_csv_guard_len(const char *s, size_t n);

/* ---- writing ---- */

/* A buffered writer on f (the caller's; not closed here).  Cells go
 * through libcsv's csv_write into a buffer that is written out in large
 * blocks.  An I/O error is sticky: later calls do nothing and
 * core_csvw_finish reports it. */
struct core_csvw;

/* NULL when out of memory.  name is used in messages ("meetings.csv",
 * "standard output"); it is copied. */
struct core_csvw *core_csvw_new(FILE *f, const char *name);
void core_csvw_text(struct core_csvw *w, const char *s, size_t n);  /* guarded */
void core_csvw_phone(struct core_csvw *w, const char *s, size_t n); /* E.164 as is */
void core_csvw_bare(struct core_csvw *w, const char *s, size_t n);  /* unquoted */
void core_csvw_null(struct core_csvw *w);                            /* empty cell */
void core_csvw_end_row(struct core_csvw *w);                         /* CRLF */
/* Writes out the buffer and flushes f: CORE_ERR_IO "NAME: write failed:
 * strerror" on any failure since the writer was made (a full disk, a
 * closed pipe), else CORE_OK.  Bytes written so far: core_csvw_bytes. */
enum core_status core_csvw_finish(struct core_csvw *w, struct core_error *err);
unsigned long long core_csvw_bytes(const struct core_csvw *w);
void core_csvw_free(struct core_csvw *w);

/* ---- reading ---- */

/* One record as read.  Everything points into the reader's buffers and is
 * valid only during the callback. */
struct core_csv_row {
	const char *file;         /* as given to core_csv_read */
	long line;                /* the line the record starts on, 1-based */
	long index;               /* records before it in the file: 0 is the header */
	size_t n;                 /* cells */
	const char *const *cell;  /* NUL-terminated (a cell may hold a NUL too:
	                             use len) */
	const size_t *len;
	const unsigned char *null;/* 1: an empty unquoted cell (no value), 0:
	                             a value, maybe "" */
	const char *raw;          /* the record's bytes as in the file, line
	                             end included: for a rejects file */
	size_t raw_len;
};

/* Called once per record, the header included (index 0; a UTF-8 BOM is
 * removed from its first cell).  A status other than CORE_OK stops the
 * read and is returned as it is (with the callback's message). */
typedef enum core_status (*core_csv_row_fn)(void *ctx, const struct core_csv_row *row,
                                            struct core_error *err);

/* Reads f to its end in blocks, memory bounded by the longest record.
 * CORE_ERR_INPUT "FILE:LINE:COLUMN: ..." for malformed CSV (a quote in an
 * unquoted cell, text after a closing quote, a quote left open at the end
 * of the file), CORE_ERR_IO for a read error.  Blank lines are skipped. */
enum core_status core_csv_read(FILE *f, const char *file, core_csv_row_fn fn,
                               void *ctx, struct core_error *err);
/* Where cell i of row begins: its line and its column in characters,
 * both 1-based (a quoted cell begins at its opening quote).  i >= n gives
 * the end of the record's last line. */
void core_csv_locate(const struct core_csv_row *row, size_t i, long *line, long *col);

#endif
