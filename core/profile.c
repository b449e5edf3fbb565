/* CRM profiles: reading a profile file.  Finding one by name is
 * core/profile_load.c, the cells core/profile_cell.c, an imported file's
 * header core/profile_header.c.
 *
 * A profile file is CSV read with libcsv in strict mode; its header names
 * the columns kind, column, field, format and (optional) values, in any
 * order and any case.  Lines that start with '#' (outside a quoted cell)
 * are comments, so a profile can say what it is for; blank lines are
 * skipped.  Cells are trimmed of blanks.  The first mistake stops the
 * parse with FILE:LINE:COLUMN (column in characters) where it is. */
#include "core/profile.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "core/vocab.h"

static const char *const fmt_names[CORE_FMT_COUNT] = {
	"text", "phone", "int", "real", "date", "datetime_utc", "datetime_utc_ms",
	"datetime_local", "epoch_ms", "time_utc", "hhmm", "bool01", "map", "const"};

const char *core_fmt_name(enum core_fmt f)
{
	return core_vocab_name(fmt_names, CORE_FMT_COUNT, (int)f);
}

#define TY(t) (1u << (t))
/* Which field types each format can show; const takes no field. */
static const unsigned fmt_types[CORE_FMT_COUNT] = {
	[CORE_FMT_TEXT] = TY(CORE_FT_TEXT) | TY(CORE_FT_PHONE),
	[CORE_FMT_PHONE] = TY(CORE_FT_TEXT) | TY(CORE_FT_PHONE),
	[CORE_FMT_INT] = TY(CORE_FT_INT) | TY(CORE_FT_BOOL),
	[CORE_FMT_REAL] = TY(CORE_FT_REAL),
	[CORE_FMT_DATE] = TY(CORE_FT_DAY) | TY(CORE_FT_TIME),
	[CORE_FMT_DATETIME_UTC] = TY(CORE_FT_TIME),
	[CORE_FMT_DATETIME_UTC_MS] = TY(CORE_FT_TIME),
	[CORE_FMT_DATETIME_LOCAL] = TY(CORE_FT_TIME),
	[CORE_FMT_EPOCH_MS] = TY(CORE_FT_TIME),
	[CORE_FMT_TIME_UTC] = TY(CORE_FT_TIME),
	[CORE_FMT_HHMM] = TY(CORE_FT_INT),
	[CORE_FMT_BOOL01] = TY(CORE_FT_BOOL),
	[CORE_FMT_MAP] = TY(CORE_FT_TEXT) | TY(CORE_FT_PHONE) | TY(CORE_FT_INT) |
	                 TY(CORE_FT_BOOL),
	[CORE_FMT_CONST] = 0,
};

static const char *const type_names[] = {
	"text", "whole number", "decimal number", "time", "day", "yes/no", "phone number"};


/* ---- the file's rows -------------------------------------------------- */

enum role { R_KIND, R_COLUMN, R_FIELD, R_FORMAT, R_VALUES, N_ROLES };
static const char *const role_names[N_ROLES] = {"kind", "column", "field", "format", "values"};
#define HEADER "kind,column,field,format,values"
#define KINDS "meetings, actions, accounts or contacts"
/* Header cells, the empty ones (a spreadsheet's trailing commas) too. */
#define MAX_COLUMNS 16

struct pos {
	int line;
	int col;      /* in characters (UTF-8 code points), as editors count */
	size_t off;   /* byte offset in the file */
};

struct cell {
	int seen;
	struct pos at;
	char *s;      /* malloc'd, trimmed, NUL-terminated */
	size_t len;
	size_t lead;  /* blanks trimmed from its front (inside quotes) */
};

struct parser {
	struct core_profile *out;
	size_t cap[CORE_KIND_COUNT];
	const char *filename;
	const char *buf;
	size_t len;
	struct core_error *err;
	enum core_status status;

	struct pos at;          /* the next byte to scan */
	struct pos byte_at;     /* the byte being scanned */
	int in_fini;
	int row_begun;
	int need_start;
	struct pos field_start;

	int header_done;
	int header_line;
	int n_cols;
	int n_roles;            /* named header cells */
	int role_of[MAX_COLUMNS];  /* a role, or N_ROLES for an empty cell */
	int role_col[N_ROLES];  /* 1-based header column, 0 when missing */

	int field;
	struct pos row_start;
	struct pos row_end;
	int row_nonempty;
	struct cell cell[N_ROLES];
};

static void pos_advance(struct pos *p, const char *buf, size_t i, size_t len)
{
	unsigned char c = (unsigned char)buf[i];
	p->off = i + 1;
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

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(struct parser *ps, struct pos at, const char *fmt, ...);

/* Records the parse's first error; returns -1 for the caller to pass on. */
static int fail(struct parser *ps, struct pos at, const char *fmt, ...)
{
	if (ps->status != CORE_OK)
		return -1;
	char what[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	ps->status = core_error_set(ps->err, CORE_ERR_INPUT, "%s:%d:%d: %s", ps->filename,
	                            at.line, at.col, what);
	return -1;
}

/* Where byte k of a cell's (trimmed) text stands in the file: past the
 * opening quote, the blanks trimmed inside it, and a doubled quote for
 * each quote before it. */
static struct pos cell_pos(const struct parser *ps, const struct cell *c, size_t k)
{
	struct pos p = c->at;
	size_t i = c->at.off;
	int quoted = i < ps->len && ps->buf[i] == '"';
	if (quoted)
		pos_advance(&p, ps->buf, i++, ps->len);
	for (size_t t = 0; t < c->lead + k && i < ps->len; t++) {
		if (quoted && ps->buf[i] == '"')
			pos_advance(&p, ps->buf, i++, ps->len);
		pos_advance(&p, ps->buf, i++, ps->len);
	}
	return p;
}

/* A missing cell is reported where the row ends. */
static struct pos role_pos(const struct parser *ps, int role)
{
	return ps->cell[role].seen ? ps->cell[role].at : ps->row_end;
}

static void cell_reset(struct cell *c)
{
	free(c->s);
	memset(c, 0, sizeof *c);
}

/* ---- a data row ------------------------------------------------------- */

static int text_ok(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return core_utf8_valid(s, len);
}

/* "a, b, c" into buf: names[i] for each i with (mask >> i) & 1. */
static const char *name_list(char *buf, size_t n, const char *const *names, int count,
                             unsigned long long mask)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < count && used < n; i++) {
		int w = (mask >> i) & 1 ? snprintf(buf + used, n - used, "%s%s",
		                                   used ? ", " : "", names[i]) : 0;
		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

static int row_kind(struct parser *ps, enum core_kind *k)
{
	const struct cell *c = &ps->cell[R_KIND];
	if (c->len == 0)
		return fail(ps, role_pos(ps, R_KIND), "missing kind (" KINDS ")");
	if (core_kind_parse(c->s, k) != 0)
		return fail(ps, c->at, "unknown kind '%s' (want " KINDS ")",
		            core_utf8_excerpt(c->s).s);
	return 0;
}

static int row_format(struct parser *ps, enum core_fmt *f)
{
	const struct cell *c = &ps->cell[R_FORMAT];
	char list[256];
	int i = c->len > 0 ? core_vocab_find(fmt_names, NULL, CORE_FMT_COUNT, c->s) : -1;
	name_list(list, sizeof list, fmt_names, CORE_FMT_COUNT, ~0ull);
	if (c->len == 0)
		return fail(ps, role_pos(ps, R_FORMAT), "missing format (one of %s)", list);
	if (i < 0)
		return fail(ps, c->at, "unknown format '%s' (one of %s)", core_utf8_excerpt(c->s).s,
		            list);
	*f = (enum core_fmt)i;
	return 0;
}

static int row_field(struct parser *ps, enum core_kind k, enum core_fmt f, int *field)
{
	const struct cell *c = &ps->cell[R_FIELD];
	size_t nf;
	const struct core_field_def *defs = core_kind_fields(k, &nf);
	char list[512];
	*field = -1;
	if (f == CORE_FMT_CONST && c->len > 0)
		return fail(ps, c->at, "a const column takes no field (got '%s'); its text is in "
		            "values", core_utf8_excerpt(c->s).s);
	if (f == CORE_FMT_CONST)
		return 0;
	if (c->len == 0)
		return fail(ps, role_pos(ps, R_FIELD), "missing field: which %s field fills this "
		            "column?", core_kind_key(k));
	*field = core_kind_field_find(k, c->s);
	if (*field < 0) {
		const char *names[CORE_RECORD_MAX];
		for (size_t i = 0; i < nf; i++)
			names[i] = defs[i].name;
		return fail(ps, c->at, "%s have no field '%s' (fields: %s)", core_kind_key(k),
		            core_utf8_excerpt(c->s).s,
		            name_list(list, sizeof list, names, (int)nf, ~0ull));
	}
	enum core_ftype type = defs[*field].type;
	unsigned long long suits = 0;
	for (int i = 0; i < CORE_FMT_COUNT; i++)
		suits |= (unsigned long long)((fmt_types[i] >> type) & 1) << i;
	if (!((suits >> f) & 1))
		return fail(ps, ps->cell[R_FORMAT].at, "format %s does not suit %s, a %s (use %s)",
		            fmt_names[f], c->s, type_names[type],
		            name_list(list, sizeof list, fmt_names, CORE_FMT_COUNT, suits));
	return 0;
}

/* A map's key must be a value the field can have: a key that names
 * nothing would silently never match. */
static int key_ok(const struct core_field_def *def, const char *key)
{
	enum core_battlefield bf;
	enum core_form fo;
	enum core_dim d;
	enum core_complexity cx;
	enum core_sale sa;
	enum core_mstatus ms;
	const char *name = def->name, *p = key + (key[0] == '-');
	if (def->type == CORE_FT_BOOL)
		return strcmp(key, "0") == 0 || strcmp(key, "1") == 0;
	if (def->type == CORE_FT_INT)
		return *p != '\0' && strspn(p, "0123456789") == strlen(p);
	if (strcmp(name, "battlefield") == 0)
		return core_battlefield_parse(key, &bf) == 0 && !strcmp(core_battlefield_key(bf), key);
	if (strcmp(name, "form") == 0)
		return core_form_parse(key, &fo) == 0 && !strcmp(core_form_key(fo), key);
	if (strcmp(name, "dim") == 0)
		return core_dim_parse(key, &d) == 0 && !strcmp(core_dim_key(d), key);
	if (strcmp(name, "complexity") == 0)
		return core_complexity_parse(key, &cx) == 0 && !strcmp(core_complexity_key(cx), key);
	if (strcmp(name, "sale") == 0)
		return core_sale_parse(key, &sa) == 0 && !strcmp(core_sale_key(sa), key);
	if (strcmp(name, "status") == 0)
		return core_mstatus_parse(key, &ms) == 0 && !strcmp(core_mstatus_key(ms), key);
	return 1;
}

/* Checks a map's "KEY=VALUE;..." and writes it trimmed into out (no
 * longer than the cell).  Errors point at the pair. */
static int map_values(struct parser *ps, const struct core_field_def *def, char *out)
{
	const struct cell *c = &ps->cell[R_VALUES];
	size_t used = 0;
	for (size_t p = 0, e; p <= c->len; p = e + 1) {
		size_t b = p, z;
		for (e = p; e < c->len && c->s[e] != ';'; e++)
			;
		for (z = e; z > b && is_blank(c->s[z - 1]); z--)
			;
		for (; b < z && is_blank(c->s[b]); b++)
			;
		if (b == z)
			continue;
		char pair[256], key[128];
		snprintf(pair, sizeof pair, "%.*s", (int)(z - b), c->s + b);
		const char *eq = memchr(c->s + b, '=', z - b);
		if (eq == NULL)
			return fail(ps, cell_pos(ps, c, b), "map pair '%s' lacks '=' (want KEY=VALUE)",
			            core_utf8_excerpt(pair).s);
		size_t ke = (size_t)(eq - c->s), vb = ke + 1;
		for (; ke > b && is_blank(c->s[ke - 1]); ke--)
			;
		for (; vb < z && is_blank(c->s[vb]); vb++)
			;
		if (ke == b || ke - b >= sizeof key)
			return fail(ps, cell_pos(ps, c, b), "map pair '%s' needs a key before '=' "
			            "(at most %zu bytes)", core_utf8_excerpt(pair).s, sizeof key - 1);
		snprintf(key, sizeof key, "%.*s", (int)(ke - b), c->s + b);
		if (!key_ok(def, key))
			return fail(ps, cell_pos(ps, c, b), "map key '%s' is not a value of %s",
			            core_utf8_excerpt(key).s, def->name);
		/* A second pair with the same key would never be used. */
		for (const char *q = used ? out : NULL; q != NULL; q = strchr(q + 1, ';')) {
			const char *k = q == out ? q : q + 1;
			if (strncmp(k, key, ke - b) == 0 && k[ke - b] == '=')
				return fail(ps, cell_pos(ps, c, b), "map key '%s' is listed twice", key);
		}
		used += (size_t)sprintf(out + used, "%s%s=%.*s", used ? ";" : "", key,
		                        (int)(z - vb), c->s + vb);
	}
	if (used == 0)
		return fail(ps, role_pos(ps, c->seen ? R_VALUES : R_FORMAT),
		            "a map needs values: KEY=VALUE pairs separated by ';'");
	return 0;
}

/* The column's stored values: a map's canonical pairs, a const's text. */
static int row_values(struct parser *ps, enum core_kind k, int field, enum core_fmt f,
                      char **values)
{
	const struct cell *c = &ps->cell[R_VALUES];
	size_t nf;
	*values = NULL;
	if (f != CORE_FMT_MAP && f != CORE_FMT_CONST && c->len > 0)
		return fail(ps, c->at, "format %s takes no values (only map and const do)",
		            fmt_names[f]);
	if (f != CORE_FMT_MAP && (f != CORE_FMT_CONST || c->len == 0))
		return 0;
	if (!text_ok(c->s != NULL ? c->s : "", c->len))
		return fail(ps, c->at, "values '%s' hold a control character or bytes that are "
		            "not UTF-8", core_utf8_excerpt(c->s).s);
	if ((*values = malloc(c->len + 1)) == NULL) {
		ps->status = core_error_set(ps->err, CORE_ERR_NOMEM, "%s: out of memory",
		                            ps->filename);
		return -1;
	}
	**values = '\0';
	if (f == CORE_FMT_CONST)
		memcpy(*values, c->s, c->len + 1);
	else if (map_values(ps, &core_kind_fields(k, &nf)[field], *values) != 0) {
		free(*values);
		*values = NULL;
		return -1;
	}
	return 0;
}

static int row_column(struct parser *ps, enum core_kind k)
{
	const struct cell *c = &ps->cell[R_COLUMN];
	if (c->len == 0)
		return fail(ps, role_pos(ps, R_COLUMN), "missing column: the header the CRM expects");
	if (c->len >= CORE_PROFILE_COLUMN_MAX || !text_ok(c->s, c->len))
		return fail(ps, c->at, "column '%s' must be one line of UTF-8, at most %d bytes",
		            core_utf8_excerpt(c->s).s, CORE_PROFILE_COLUMN_MAX - 1);
	for (size_t i = 0; i < ps->out->ncol[k]; i++) {
		const struct core_pcol *o = &ps->out->col[k][i];
		if (core_profile_header_match(c->s, c->len, o->column))
			return fail(ps, c->at, "column '%s' of %s is already defined on line %d ('%s')",
			            core_utf8_excerpt(c->s).s, core_kind_key(k), o->line, o->column);
	}
	return 0;
}

static void data_end(struct parser *ps)
{
	enum core_kind k = CORE_KIND_MEETINGS;
	enum core_fmt f = CORE_FMT_TEXT;
	int field = -1;
	char *values = NULL;
	if (row_kind(ps, &k) != 0 || row_column(ps, k) != 0 || row_format(ps, &f) != 0 ||
	    row_field(ps, k, f, &field) != 0 || row_values(ps, k, field, f, &values) != 0)
		return;
	struct core_pcol *grown = core_vec_reserve(ps->out->col[k], ps->out->ncol[k],
	                                           &ps->cap[k], sizeof *grown);
	if (grown == NULL) {
		free(values);
		ps->status = core_error_set(ps->err, CORE_ERR_NOMEM, "%s: out of memory",
		                            ps->filename);
		return;
	}
	ps->out->col[k] = grown;
	struct core_pcol *col = &grown[ps->out->ncol[k]++];
	memset(col, 0, sizeof *col);
	memcpy(col->column, ps->cell[R_COLUMN].s, ps->cell[R_COLUMN].len + 1);
	col->field = field;
	col->fmt = f;
	col->values = values;
	col->line = ps->row_start.line;
}

/* ---- the header and libcsv's callbacks -------------------------------- */

static int header_cell(struct parser *ps, int idx, const char *s)
{
	int role = s[0] != '\0' ? core_vocab_find(role_names, NULL, N_ROLES, s) : N_ROLES;
	if (idx >= MAX_COLUMNS)
		return fail(ps, ps->field_start, "too many header columns: the header is " HEADER);
	ps->n_cols = idx + 1;
	ps->role_of[idx] = N_ROLES;
	if (role == N_ROLES)
		return 0;
	if (role < 0)
		return fail(ps, ps->field_start, "unknown header column '%s': the header is "
		            HEADER, core_utf8_excerpt(s).s);
	if (ps->role_col[role] != 0)
		return fail(ps, ps->field_start, "header column '%s' appears twice (also column "
		            "%d)", role_names[role], ps->role_col[role]);
	ps->role_col[role] = idx + 1;
	ps->role_of[idx] = role;
	ps->n_roles++;
	return 0;
}

static void header_end(struct parser *ps)
{
	for (int r = 0; r < R_VALUES; r++)
		if (ps->role_col[r] == 0 && fail(ps, ps->row_start, "the header lacks column '%s': "
		                                 "it is " HEADER, role_names[r]) != 0)
			return;
	ps->header_done = 1;
	ps->header_line = ps->row_start.line;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct parser *ps = ctx;
	int idx = ps->field++;
	ps->need_start = 1;
	if (ps->status != CORE_OK)
		return;
	if (idx == 0)
		ps->row_start = ps->field_start;

	const char *s = data != NULL ? (const char *)data : "";
	size_t lead = 0;
	while (lead < len && is_blank(s[lead]))
		lead++;
	while (len > lead && is_blank(s[len - 1]))
		len--;
	s += lead;
	len -= lead;
	if (len > 0)
		ps->row_nonempty = 1;

	if (!ps->header_done) {
		char name[32];
		snprintf(name, sizeof name, "%.*s", (int)len, s);
		header_cell(ps, idx, name);
		return;
	}
	if (idx >= ps->n_cols || ps->role_of[idx] == N_ROLES) {
		if (len > 0)
			fail(ps, ps->field_start, "extra cell: the header names %d columns",
			     ps->n_roles);
		return;
	}
	struct cell *c = &ps->cell[ps->role_of[idx]];
	c->s = malloc(len + 1);
	if (c->s == NULL) {
		ps->status = core_error_set(ps->err, CORE_ERR_NOMEM, "%s: out of memory",
		                            ps->filename);
		return;
	}
	memcpy(c->s, s, len);
	c->s[len] = '\0';
	c->len = len;
	c->lead = lead;
	c->at = ps->field_start;
	c->seen = 1;
}

static void on_row(int c, void *ctx)
{
	struct parser *ps = ctx;
	(void)c;
	ps->row_end = ps->in_fini ? ps->at : ps->byte_at;
	if (ps->status == CORE_OK && ps->row_nonempty) {
		if (!ps->header_done)
			header_end(ps);
		else
			data_end(ps);
	}
	for (int r = 0; r < N_ROLES; r++)
		cell_reset(&ps->cell[r]);
	ps->field = 0;
	ps->row_begun = 0;
	ps->need_start = 1;
	ps->row_nonempty = 0;
}

static void note_field_start(struct parser *ps, char c)
{
	if (is_blank(c) || (!ps->row_begun && (c == '\r' || c == '\n')))
		return;
	ps->field_start = ps->byte_at;
	ps->need_start = 0;
	ps->row_begun = 1;
}

static enum core_status csv_failure(struct parser *ps, struct csv_parser *csv,
                                    size_t chunk, size_t done, struct pos chunk_at)
{
	int code = csv_error(csv);
	if (code == CSV_ENOMEM || code == CSV_ETOOBIG)
		return core_error_set(ps->err, CORE_ERR_NOMEM, "%s: out of memory", ps->filename);
	struct pos bad = chunk_at;
	for (size_t i = 0; i < done; i++)
		pos_advance(&bad, ps->buf, chunk + i, ps->len);
	const char *why = ps->buf[chunk + done] == '"'
		? "stray quote in an unquoted cell (quote the whole cell and double the quotes inside)"
		: "text after a closing quote (a quoted cell must end at the comma or the line end)";
	return core_error_set(ps->err, CORE_ERR_INPUT, "%s:%d:%d: %s", ps->filename, bad.line,
	                      bad.col, why);
}

/* libcsv reports no positions, so the bytes are scanned here too and fed
 * to csv_parse in chunks that end at each comma or line end, where alone a
 * cell can end: a cell's callback then belongs to the cell whose first
 * byte was noted last.  A '#' that starts a line between records starts a
 * comment, which libcsv never sees. */
static enum core_status parse_all(struct parser *ps, struct csv_parser *csv)
{
	const char *buf = ps->buf;
	size_t len = ps->len, i = 0;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	size_t chunk = i;
	struct pos chunk_at = ps->at;

	for (; i < len; i++) {
		if (!ps->row_begun && chunk == i && ps->at.col == 1 && buf[i] == '#') {
			while (i < len && buf[i] != '\n' && buf[i] != '\r')
				pos_advance(&ps->at, buf, i++, len);
			chunk = i;
			chunk_at = ps->at;
			if (i == len)
				break;
		}
		char c = buf[i];
		ps->byte_at = ps->at;
		ps->byte_at.off = i;
		if (ps->need_start)
			note_field_start(ps, c);
		pos_advance(&ps->at, buf, i, len);
		if (c != ',' && c != '\n' && c != '\r' && i + 1 != len)
			continue;
		size_t n = i + 1 - chunk;
		size_t done = csv_parse(csv, buf + chunk, n, on_field, on_row, ps);
		if (ps->status != CORE_OK)
			return ps->status;
		if (done != n)
			return csv_failure(ps, csv, chunk, done, chunk_at);
		chunk = i + 1;
		chunk_at = ps->at;
	}
	ps->in_fini = 1;
	if (csv_fini(csv, on_field, on_row, ps) != 0)
		return core_error_set(ps->err, CORE_ERR_INPUT,
		                      "%s:%d:%d: unterminated quoted cell: its closing quote is missing",
		                      ps->filename, ps->field_start.line, ps->field_start.col);
	if (ps->status != CORE_OK)
		return ps->status;
	if (!ps->header_done)
		return core_error_set(ps->err, CORE_ERR_INPUT,
		                      "%s:1:1: empty profile: expected the header " HEADER,
		                      ps->filename);
	for (int k = 0; k < CORE_KIND_COUNT; k++)
		if (ps->out->ncol[k] > 0)
			return CORE_OK;
	return core_error_set(ps->err, CORE_ERR_INPUT, "%s:%d:1: no columns below the header",
	                      ps->filename, ps->header_line);
}

enum core_status core_profile_parse(const char *buf, size_t len, const char *filename,
                                    const char *name, struct core_profile *out,
                                    struct core_error *err)
{
	struct core_error local;
	struct parser ps;
	struct csv_parser csv;

	if (err == NULL)
		err = &local;
	if (filename == NULL)
		filename = "profile";
	memset(out, 0, sizeof *out);
	core_utf8_copy(out->name, sizeof out->name, name != NULL ? name : "");
	memset(&ps, 0, sizeof ps);
	ps.out = out;
	ps.filename = filename;
	ps.buf = buf != NULL ? buf : "";
	ps.len = buf != NULL ? len : 0;
	ps.err = err;
	ps.at.line = 1;
	ps.at.col = 1;
	ps.need_start = 1;

	if (csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", filename);
	/* After an error csv_fini is not called: it would flush the broken
	 * cell into the callbacks and clear the error. */
	enum core_status st = parse_all(&ps, &csv);
	csv_free(&csv);
	for (int r = 0; r < N_ROLES; r++)
		cell_reset(&ps.cell[r]);
	if (st != CORE_OK)
		core_profile_free(out);
	return st;
}

void core_profile_free(struct core_profile *p)
{
	if (p == NULL)
		return;
	for (int k = 0; k < CORE_KIND_COUNT; k++) {
		for (size_t i = 0; i < p->ncol[k]; i++)
			free(p->col[k][i].values);
		free(p->col[k]);
		p->col[k] = NULL;
		p->ncol[k] = 0;
	}
}
