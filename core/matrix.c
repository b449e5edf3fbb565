#include "core/matrix.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/utf8.h"
#include "core/vocab.h"

static const char *const rating_keys[CORE_RATING_COUNT] = {
	"first_choice", "obvious", "possible", "hardly", "ruled_out",
	"impossible", "no_go", "depends_on_complexity", "ok_for_product"};
static const char *const rating_labels[CORE_RATING_COUNT] = {
	"first choice", "obvious", "possible", "hardly", "ruled out",
	"impossible", "no-go", "depends on complexity", "ok for product sales"};
#define RATING_KEY_LIST "first_choice, obvious, possible, hardly, ruled_out, " \
	"impossible, no_go, depends_on_complexity, ok_for_product"

/* A week cell has room for this many characters of the type's brief. */
#define BRIEF_COLUMNS 13
/* More columns than any sane matrix has; extra ones are ignored anyway. */
#define MAX_COLUMNS 64
/* A 32-row matrix is a few kilobytes; anything this big is a wrong file. */
#define MAX_FILE_BYTES (1024 * 1024)

const char *core_rating_key(enum core_rating r)
{
	return core_vocab_name(rating_keys, CORE_RATING_COUNT, (int)r);
}

const char *core_rating_label(enum core_rating r)
{
	return core_vocab_name(rating_labels, CORE_RATING_COUNT, (int)r);
}

int core_rating_parse(const char *s, enum core_rating *out)
{
	int i = core_vocab_find(rating_keys, rating_labels, CORE_RATING_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_rating)i;
	return 0;
}

/* An unknown complexity or sale kind resolves to the cautious answer. */
enum core_rating core_rating_resolve(enum core_rating r, enum core_complexity cx,
                                     enum core_sale sale)
{
	switch (r) {
	case CORE_RATING_DEPENDS_ON_COMPLEXITY:
		return cx == CORE_CX_LOW || cx == CORE_CX_MEDIUM ? CORE_RATING_POSSIBLE
		                                                 : CORE_RATING_HARDLY;
	case CORE_RATING_OK_FOR_PRODUCT:
		return sale == CORE_SALE_PRODUCT ? CORE_RATING_POSSIBLE : CORE_RATING_HARDLY;
	default:
		return r;
	}
}

/* Anything not plainly acceptable asks first, including a rating that was
 * left unresolved or came out of range from an untrusted row. */
int core_rating_needs_confirm(enum core_rating resolved)
{
	return !(resolved == CORE_RATING_FIRST_CHOICE || resolved == CORE_RATING_OBVIOUS ||
	         resolved == CORE_RATING_POSSIBLE);
}

/* Ruled out, impossible and no-go are equally unusable: they share the last
 * rank, so the form order decides among them. */
static int rating_rank(enum core_rating resolved)
{
	switch (resolved) {
	case CORE_RATING_FIRST_CHOICE: return 0;
	case CORE_RATING_OBVIOUS: return 1;
	case CORE_RATING_POSSIBLE: return 2;
	case CORE_RATING_HARDLY: return 3;
	case CORE_RATING_RULED_OUT:
	case CORE_RATING_IMPOSSIBLE:
	case CORE_RATING_NO_GO: return 4;
	default: return 5;
	}
}

static void choice_reason(struct core_form_choice *c, enum core_complexity cx)
{
	const char *resolved = core_rating_label(c->resolved);
	switch (c->rating) {
	case CORE_RATING_DEPENDS_ON_COMPLEXITY:
		snprintf(c->reason, sizeof c->reason, "%s (depends on complexity: %s)",
		         resolved, core_complexity_key(cx));
		break;
	case CORE_RATING_OK_FOR_PRODUCT:
		snprintf(c->reason, sizeof c->reason, "%s (ok for product sales%s)", resolved,
		         c->resolved == CORE_RATING_POSSIBLE ? "" : " only");
		break;
	default:
		snprintf(c->reason, sizeof c->reason, "%s", resolved);
		break;
	}
}

void core_matrix_recommend(const struct core_meeting_type *t,
                           enum core_complexity cx, enum core_sale sale,
                           struct core_form_choice out[CORE_FORM_COUNT])
{
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		struct core_form_choice c;
		memset(&c, 0, sizeof c);
		c.form = (enum core_form)f;
		c.rating = t->rating[f];
		c.resolved = core_rating_resolve(c.rating, cx, sale);
		c.needs_confirm = core_rating_needs_confirm(c.resolved);
		choice_reason(&c, cx);

		/* Insertion sort: four items, and it keeps ties in form order. */
		int i = f;
		while (i > 0 && rating_rank(out[i - 1].resolved) > rating_rank(c.resolved)) {
			out[i] = out[i - 1];
			i--;
		}
		out[i] = c;
	}
}

int core_matrix_find(const struct core_matrix *m, const char *key)
{
	if (m == NULL || key == NULL)
		return -1;
	for (int i = 0; i < m->n_types && i < CORE_MATRIX_MAX_TYPES; i++)
		if (strcmp(m->types[i].key, key) == 0)
			return i;
	return -1;
}

/* --- parsing ---------------------------------------------------------- */

/* What a header column holds: a contact form (0..CORE_FORM_COUNT-1) or one
 * of these. */
enum {
	ROLE_TYPE = CORE_FORM_COUNT,
	ROLE_LABEL,
	ROLE_BRIEF,
	ROLE_IGNORE
};

static const char *const role_names[ROLE_IGNORE] = {
	"physical", "hybrid", "virtual", "phone", "type", "label", "brief"};
#define HEADER_COLUMNS "type,label,brief,physical,hybrid,virtual,phone"

struct pos {
	int line;
	int col;   /* in characters (UTF-8 code points), as editors count */
};

struct matrix_parser {
	struct core_matrix *out;
	const char *filename;
	struct core_error *err;
	enum core_status status;    /* the first error ends the parse */

	struct pos at;              /* position of the next byte to scan */
	int row_begun;              /* libcsv has seen the row's first byte */
	int need_start;             /* the next field's first byte is still to come */
	struct pos field_start;

	int header_done;
	int header_line;
	int n_cols;
	unsigned char role[MAX_COLUMNS];
	int role_col[ROLE_IGNORE];  /* 1-based header column, 0 when missing */
	int type_line[CORE_MATRIX_MAX_TYPES];

	/* The row being read.  Its first error is held back until the row
	 * ends, because a row of empty cells is skipped like a blank line. */
	int field;
	struct pos row_start;
	int row_nonempty;
	struct core_error row_err;
	struct core_meeting_type row;
};

static void pos_advance(struct pos *p, const char *buf, size_t i, size_t len)
{
	unsigned char c = (unsigned char)buf[i];
	if (c == '\n' || (c == '\r' && (i + 1 == len || buf[i + 1] != '\n'))) {
		p->line++;
		p->col = 1;
	} else if ((c & 0xc0) != 0x80) {
		p->col++;
	}
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Strips the blanks libcsv keeps (those inside quotes).  libcsv hands the
 * callback a writable buffer it owns until the callback returns, so the
 * result is NUL-terminated in place. */
static char *trim(char *s, size_t *len)
{
	size_t n = *len;
	while (n > 0 && is_blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	s[n] = '\0';
	*len = n;
	return s;
}

/* Holds the row's first error back (see struct matrix_parser). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void row_fail(struct matrix_parser *mp, struct pos at, const char *fmt, ...);

static void row_fail(struct matrix_parser *mp, struct pos at, const char *fmt, ...)
{
	if (mp->row_err.code != CORE_OK)
		return;
	char what[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	core_error_set(&mp->row_err, CORE_ERR_INPUT, "%s:%d:%d: %s", mp->filename,
	               at.line, at.col, what);
}

/* Copies text (len bytes, NUL-terminated) into a field of dstsize bytes;
 * -1 with a message when it does not fit, holds a NUL or a control
 * character, or is not UTF-8. */
static int copy_text(struct matrix_parser *mp, const char *what, char *dst,
                     size_t dstsize, const char *s, size_t len)
{
	if (len == 0) {
		row_fail(mp, mp->field_start, "empty %s", what);
		return -1;
	}
	if (len >= dstsize) {
		row_fail(mp, mp->field_start, "%s '%s…' is %zu bytes long; at most %zu fit",
		         what, core_utf8_excerpt(s).s, len, dstsize - 1);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f) {
			row_fail(mp, mp->field_start,
			         "%s '%s' holds a line break or another control character (byte %zu)",
			         what, core_utf8_excerpt(s).s, i + 1);
			return -1;
		}
	}
	/* Copied first so the message quotes the text with '?' for bad bytes. */
	core_utf8_copy(dst, dstsize, s);
	if (!core_utf8_valid(s, len)) {
		row_fail(mp, mp->field_start, "%s '%s' is not valid UTF-8", what, dst);
		return -1;
	}
	return 0;
}

static void cell_type(struct matrix_parser *mp, const char *s, size_t len)
{
	if (len == 0) {
		row_fail(mp, mp->field_start, "empty type key");
		return;
	}
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
			row_fail(mp, mp->field_start,
			         "type key '%s' may hold only a-z, 0-9, '_' and '-'",
			         core_utf8_excerpt(s).s);
			return;
		}
	}
	/* Refused rather than cut: two long keys cut alike would collide in
	 * the meetings that store them. */
	if (len >= sizeof mp->row.key) {
		row_fail(mp, mp->field_start, "type key '%s…' is %zu characters; at most %zu",
		         core_utf8_excerpt(s).s, len, sizeof mp->row.key - 1);
		return;
	}
	int dup = core_matrix_find(mp->out, s);
	if (dup >= 0) {
		row_fail(mp, mp->field_start, "duplicate type key '%s' (first on line %d)",
		         s, mp->type_line[dup]);
		return;
	}
	memcpy(mp->row.key, s, len + 1);
}

static void cell_brief(struct matrix_parser *mp, const char *s, size_t len)
{
	if (copy_text(mp, "brief", mp->row.brief, sizeof mp->row.brief, s, len) != 0)
		return;
	int chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	if (chars > BRIEF_COLUMNS)
		row_fail(mp, mp->field_start,
		         "brief '%s' is %d characters; a week cell fits %d",
		         s, chars, BRIEF_COLUMNS);
}

static void cell_rating(struct matrix_parser *mp, int form, const char *s)
{
	if (*s == '\0')
		row_fail(mp, mp->field_start, "missing rating for %s; valid: " RATING_KEY_LIST,
		         core_form_key((enum core_form)form));
	else if (core_rating_parse(s, &mp->row.rating[form]) != 0)
		row_fail(mp, mp->field_start, "unknown rating '%s' for %s; valid: "
		         RATING_KEY_LIST, core_utf8_excerpt(s).s, core_form_key((enum core_form)form));
}

static void header_cell(struct matrix_parser *mp, int idx, const char *s)
{
	if (idx >= MAX_COLUMNS) {
		row_fail(mp, mp->field_start, "too many columns (at most %d)", MAX_COLUMNS);
		return;
	}
	int role = core_vocab_find(role_names, NULL, ROLE_IGNORE, s);
	if (role < 0)
		role = ROLE_IGNORE;
	if (role != ROLE_IGNORE && mp->role_col[role] != 0) {
		row_fail(mp, mp->field_start, "column '%s' appears twice (also column %d)",
		         role_names[role], mp->role_col[role]);
		return;
	}
	if (role != ROLE_IGNORE)
		mp->role_col[role] = idx + 1;
	mp->role[idx] = (unsigned char)role;
	mp->n_cols = idx + 1;
}

static void data_cell(struct matrix_parser *mp, int idx, const char *s, size_t len)
{
	if (idx >= mp->n_cols) {
		row_fail(mp, mp->field_start, "extra cell: the header has %d columns",
		         mp->n_cols);
		return;
	}
	int role = mp->role[idx];
	if (role < CORE_FORM_COUNT)
		cell_rating(mp, role, s);
	else if (role == ROLE_TYPE)
		cell_type(mp, s, len);
	else if (role == ROLE_LABEL)
		copy_text(mp, "label", mp->row.label, sizeof mp->row.label, s, len);
	else if (role == ROLE_BRIEF)
		cell_brief(mp, s, len);
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct matrix_parser *mp = ctx;
	int idx = mp->field++;
	mp->need_start = 1;
	if (mp->status != CORE_OK)
		return;
	if (idx == 0)
		mp->row_start = mp->field_start;

	char empty[1] = "";
	char *s = trim(data != NULL ? data : empty, &len);
	if (len > 0)
		mp->row_nonempty = 1;
	if (!mp->header_done)
		header_cell(mp, idx, s);
	else
		data_cell(mp, idx, s, len);
}

static void header_end(struct matrix_parser *mp)
{
	char missing[128] = "";
	size_t used = 0;
	static const int header_order[ROLE_IGNORE] = {
		ROLE_TYPE, ROLE_LABEL, ROLE_BRIEF, CORE_FORM_PHYSICAL, CORE_FORM_HYBRID,
		CORE_FORM_VIRTUAL, CORE_FORM_PHONE};
	for (int i = 0; i < ROLE_IGNORE; i++) {
		int r = header_order[i];
		if (mp->role_col[r] == 0 && used < sizeof missing) {
			int n = snprintf(missing + used, sizeof missing - used, "%s%s",
			                 used > 0 ? ", " : "", role_names[r]);
			used += n > 0 ? (size_t)n : 0;
		}
	}
	if (used > 0)
		row_fail(mp, mp->row_start,
		         "the header lacks column(s) %s; it needs " HEADER_COLUMNS, missing);
	mp->header_done = 1;
	mp->header_line = mp->row_start.line;
}

static void data_end(struct matrix_parser *mp)
{
	if (mp->field < mp->n_cols) {
		row_fail(mp, mp->row_start, "row has %d cells; the header has %d",
		         mp->field, mp->n_cols);
		return;
	}
	if (mp->row_err.code != CORE_OK)
		return;
	if (mp->out->n_types >= CORE_MATRIX_MAX_TYPES) {
		row_fail(mp, mp->row_start, "too many meeting types (at most %d)",
		         CORE_MATRIX_MAX_TYPES);
		return;
	}
	mp->type_line[mp->out->n_types] = mp->row_start.line;
	mp->out->types[mp->out->n_types++] = mp->row;
}

static void on_row(int c, void *ctx)
{
	struct matrix_parser *mp = ctx;
	(void)c;
	if (mp->status == CORE_OK && mp->row_nonempty) {
		if (!mp->header_done)
			header_end(mp);
		else
			data_end(mp);
		if (mp->row_err.code != CORE_OK) {
			*mp->err = mp->row_err;
			mp->status = mp->row_err.code;
		}
	}
	mp->field = 0;
	mp->row_begun = 0;
	mp->need_start = 1;
	mp->row_nonempty = 0;
	core_error_clear(&mp->row_err);
	memset(&mp->row, 0, sizeof mp->row);
}

/* libcsv reports no positions, so the bytes are scanned here too: the
 * buffer goes to csv_parse in chunks that end at each comma or line end,
 * where alone a field can end, so a field callback always belongs to the
 * field whose first byte was noted last.  Blanks and (between rows) line
 * ends are skipped as libcsv skips them. */
static void note_field_start(struct matrix_parser *mp, char c)
{
	if (is_blank(c) || (!mp->row_begun && (c == '\r' || c == '\n')))
		return;
	mp->field_start = mp->at;
	mp->need_start = 0;
	mp->row_begun = 1;
}

static enum core_status csv_failure(struct matrix_parser *mp, struct csv_parser *csv,
                                    const char *chunk, size_t done, struct pos chunk_at,
                                    const char *buf, size_t len)
{
	int code = csv_error(csv);
	if (code == CSV_ENOMEM || code == CSV_ETOOBIG)
		return core_error_set(mp->err, CORE_ERR_NOMEM, "%s: out of memory reading the matrix",
		                      mp->filename);
	struct pos bad = chunk_at;
	size_t base = (size_t)(chunk - buf);
	for (size_t i = 0; i < done; i++)
		pos_advance(&bad, buf, base + i, len);
	const char *why = chunk[done] == '"'
		? "stray quote in an unquoted cell (quote the whole cell and double the quotes inside)"
		: "text after a closing quote (a quoted cell must end at the comma or the line end)";
	return core_error_set(mp->err, CORE_ERR_INPUT, "%s:%d:%d: %s", mp->filename,
	                      bad.line, bad.col, why);
}

static enum core_status parse_all(struct matrix_parser *mp, struct csv_parser *csv,
                                  const char *buf, size_t len)
{
	size_t i = 0;
	/* Spreadsheets on Windows start UTF-8 files with a byte-order mark. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	size_t chunk = i;
	struct pos chunk_at = mp->at;

	for (; i < len; i++) {
		char c = buf[i];
		if (mp->need_start)
			note_field_start(mp, c);
		pos_advance(&mp->at, buf, i, len);
		if (c != ',' && c != '\n' && c != '\r' && i + 1 != len)
			continue;
		size_t n = i + 1 - chunk;
		size_t done = csv_parse(csv, buf + chunk, n, on_field, on_row, mp);
		if (mp->status != CORE_OK)
			return mp->status;
		if (done != n)
			return csv_failure(mp, csv, buf + chunk, done, chunk_at, buf, len);
		chunk = i + 1;
		chunk_at = mp->at;
	}
	if (csv_fini(csv, on_field, on_row, mp) != 0)
		return core_error_set(mp->err, CORE_ERR_INPUT,
		                      "%s:%d:%d: unterminated quoted cell: its closing quote is missing",
		                      mp->filename, mp->field_start.line, mp->field_start.col);
	if (mp->status != CORE_OK)
		return mp->status;
	if (!mp->header_done)
		return core_error_set(mp->err, CORE_ERR_INPUT,
		                      "%s:1:1: empty matrix: expected the header " HEADER_COLUMNS,
		                      mp->filename);
	if (mp->out->n_types == 0)
		return core_error_set(mp->err, CORE_ERR_INPUT,
		                      "%s:%d:1: no meeting types below the header", mp->filename,
		                      mp->header_line);
	return CORE_OK;
}

enum core_status core_matrix_parse(struct core_matrix *out, const char *buf,
                                   size_t len, const char *filename,
                                   struct core_error *err)
{
	struct core_error local;
	struct matrix_parser mp;
	struct csv_parser csv;

	if (err == NULL)
		err = &local;
	if (filename == NULL)
		filename = "matrix";
	out->n_types = 0;
	memset(&mp, 0, sizeof mp);
	mp.out = out;
	mp.filename = filename;
	mp.err = err;
	mp.at.line = 1;
	mp.at.col = 1;
	mp.need_start = 1;

	if (csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", filename);
	/* After an error csv_fini is not called: it would flush the broken
	 * field into the callbacks and clear the error. */
	enum core_status st = parse_all(&mp, &csv, buf != NULL ? buf : "",
	                                buf != NULL ? len : 0);
	csv_free(&csv);
	if (st != CORE_OK)
		out->n_types = 0;
	return st;
}

enum core_status core_matrix_load_file(struct core_matrix *out, const char *path,
                                       struct core_error *err)
{
	out->n_types = 0;
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return core_error_set(err, CORE_ERR_IO, "cannot open matrix '%s': %s", path,
		                      strerror(errno));

	size_t cap = 8192, len = 0;
	char *buf = malloc(cap);
	enum core_status st = CORE_OK;
	while (buf != NULL) {
		len += fread(buf + len, 1, cap - len, fp);
		if (len < cap)
			break;
		if (cap >= MAX_FILE_BYTES) {
			st = core_error_set(err, CORE_ERR_INPUT,
			                    "%s: too large for a matrix (over %d bytes)", path,
			                    MAX_FILE_BYTES);
			break;
		}
		char *grown = realloc(buf, cap * 2);
		if (grown == NULL) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = grown;
		cap *= 2;
	}
	if (buf == NULL)
		st = core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", path);
	else if (st == CORE_OK && ferror(fp))
		st = core_error_set(err, CORE_ERR_IO, "cannot read matrix '%s': %s", path,
		                    strerror(errno));
	fclose(fp);
	if (st == CORE_OK)
		st = core_matrix_parse(out, buf, len, path, err);
	free(buf);
	return st;
}

enum core_status core_matrix_default(struct core_matrix *out, struct core_error *err)
{
	size_t len = 0;
	const char *buf = core_asset_find("matrix.csv", &len);
	if (buf == NULL) {
		out->n_types = 0;
		return core_error_set(err, CORE_ERR_NOTFOUND,
		                      "assets/matrix.csv was not built into this pipebench");
	}
	return core_matrix_parse(out, buf, len, "assets/matrix.csv", err);
}
