/* Writing CSV on libcsv (core/csv.h), and the formula guard both ways.
 *
 * Every quoted cell is one csv_write into a large buffer that goes out
 * with one fwrite when the next cell would not fit, so a million rows cost
 * no allocation and no stdio call per cell. */
#include "core/csv.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The writer sends its buffer out when the next cell would not fit. */
#define CSVW_BLOCK (256u * 1024u)

/* ---- the guard ---- */

static int csv_is_formula_start(unsigned char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ||
	       c == '\n' || c == '\0';
}

/* The first byte after the leading "'"s decides, both ways: "=x" and
 * "''=x" get a "'" on the way out, and "'=x" and "'''=x" lose one on the
 * way in, while "'hello" stays as it is in both directions. */
static size_t csv_quotes_then_formula(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] == '\'')
		k++;
	return k < n && csv_is_formula_start((unsigned char)s[k]) ? k + 1 : 0;
}

int core_csv_needs_guard(const char *s, size_t n)
{
	return csv_quotes_then_formula(s, n) != 0;
}

int core_csv_is_e164(const char *s, size_t n)
{
	if (n < 7 || n > 16 || s[0] != '+')
		return 0;
	for (size_t i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

size_t core_csv_guard_len(const char *s, size_t n)
{
	return csv_quotes_then_formula(s, n) > 1 ? 1 : 0;
}

/* ---- writing ---- */

struct core_csvw {
	FILE *f;
	char *name;
	char *buf;
	size_t len, cap;
	size_t cells;             /* cells of the current row so far */
	unsigned long long bytes; /* every byte produced */
	int err;                  /* errno of the first failure; 0: none */
};

struct core_csvw *core_csvw_new(FILE *f, const char *name)
{
	struct core_csvw *w = calloc(1, sizeof *w);
	if (w == NULL)
		return NULL;
	if (name == NULL)
		name = "output";
	size_t n = strlen(name) + 1;
	w->name = malloc(n);
	w->buf = malloc(CSVW_BLOCK);
	if (w->name == NULL || w->buf == NULL) {
		core_csvw_free(w);
		return NULL;
	}
	memcpy(w->name, name, n);
	w->f = f;
	w->cap = CSVW_BLOCK;
	return w;
}

void core_csvw_free(struct core_csvw *w)
{
	if (w == NULL)
		return;
	free(w->buf);
	free(w->name);
	free(w);
}

static void csvw_fail(struct core_csvw *w, int e)
{
	if (w->err == 0)
		w->err = e != 0 ? e : EIO;
}

static void csvw_drain(struct core_csvw *w)
{
	if (w->len != 0 && w->err == 0) {
		errno = 0;
		if (fwrite(w->buf, 1, w->len, w->f) != w->len)
			csvw_fail(w, errno);
	}
	w->len = 0;
}

/* Room for need more bytes, or 0 after a failure (then nothing is to be
 * written).  Only a cell larger than the whole buffer grows it. */
static int csvw_room(struct core_csvw *w, size_t need)
{
	if (w->err != 0)
		return 0;
	if (need <= w->cap - w->len)
		return 1;
	csvw_drain(w);
	if (w->err != 0)
		return 0;
	if (need > w->cap) {
		char *p = realloc(w->buf, need);
		if (p == NULL) {
			csvw_fail(w, ENOMEM);
			return 0;
		}
		w->buf = p;
		w->cap = need;
	}
	return 1;
}

/* need counts the bytes of the cell itself; the comma before it is added
 * here.  Returns where the cell goes, or NULL after a failure. */
static char *csvw_cell(struct core_csvw *w, size_t need)
{
	if (need > SIZE_MAX - 1 || !csvw_room(w, need + 1))
		return NULL;
	if (w->cells++ != 0) {
		w->buf[w->len++] = ',';
		w->bytes++;
	}
	return w->buf + w->len;
}

static void csvw_quoted(struct core_csvw *w, const char *s, size_t n, int guard)
{
	/* csv_write writes nothing for a NULL source, and "" is a value. */
	if (s == NULL) {
		s = "";
		n = 0;
	}
	if (n > (SIZE_MAX - 3) / 2) {
		csvw_fail(w, ENOMEM);
		return;
	}
	char *out = csvw_cell(w, 2 * n + 2 + (size_t)guard);
	if (out == NULL)
		return;
	size_t room = w->cap - w->len;
	size_t k;
	if (guard) {
		/* libcsv puts its opening quote at out[1]; the quote moves to out[0]
		 * and the "'" takes its place, inside the quotes. */
		k = csv_write(out + 1, room - 1, s, n) + 1;
		out[0] = '"';
		out[1] = '\'';
	} else {
		k = csv_write(out, room, s, n);
	}
	w->len += k;
	w->bytes += k;
}

void core_csvw_text(struct core_csvw *w, const char *s, size_t n)
{
	csvw_quoted(w, s, n, s != NULL && core_csv_needs_guard(s, n));
}

/* A valid E.164 number is how CRMs match and dial a phone, so it goes out
 * as it is; anything else may be a formula like any text. */
void core_csvw_phone(struct core_csvw *w, const char *s, size_t n)
{
	if (s != NULL && core_csv_is_e164(s, n))
		csvw_quoted(w, s, n, 0);
	else
		core_csvw_text(w, s, n);
}

void core_csvw_bare(struct core_csvw *w, const char *s, size_t n)
{
	if (s == NULL)
		n = 0;
	/* Bare is for numbers and dates; should anything else come this way,
	 * quoting it keeps the row's cells where they belong. */
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ',' || c == '"' || c == '\r' || c == '\n') {
			csvw_quoted(w, s, n, 0);
			return;
		}
	}
	char *out = csvw_cell(w, n);
	if (out == NULL)
		return;
	if (n != 0)
		memcpy(out, s, n);
	w->len += n;
	w->bytes += n;
}

void core_csvw_null(struct core_csvw *w)
{
	csvw_cell(w, 0);
}

void core_csvw_end_row(struct core_csvw *w)
{
	if (!csvw_room(w, 2))
		return;
	w->buf[w->len++] = '\r';
	w->buf[w->len++] = '\n';
	w->bytes += 2;
	w->cells = 0;
}

enum core_status core_csvw_finish(struct core_csvw *w, struct core_error *err)
{
	csvw_drain(w);
	errno = 0;
	if (w->err == 0 && fflush(w->f) != 0)
		csvw_fail(w, errno);
	if (w->err == 0 && ferror(w->f))
		csvw_fail(w, EIO);
	if (w->err == ENOMEM)
		return core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", w->name);
	if (w->err != 0)
		return core_error_set(err, CORE_ERR_IO, "%s: write failed: %s", w->name,
		                      strerror(w->err));
	return CORE_OK;
}

unsigned long long core_csvw_bytes(const struct core_csvw *w)
{
	return w->bytes;
}
