/* One CSV file into the database (db/csv_import.h): read with
 * core_csv_read, mapped by the profile, stored by db/import.h, bad rows
 * reported with their file positions and, under --skip-bad, kept in a
 * rejects file. */
#include "db/csv_import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/afile.h"
#include "core/csv.h"
#include "db/import.h"

/* The errors of one row as the rejects file's last cell holds them. */
#define ROW_ERRORS_MAX 4096
/* A header quoted in a message is cut here. */
#define HEADER_QUOTE_MAX 60

static const char errors_column[] = "pipebench_errors";

/* Fields that give a required one in a row that lacks it, as the header
 * check allows (core_profile_map_header): the account by a reference,
 * the duration by the end, a contact's name by its parts. */
static const struct {
	enum core_kind kind;
	int field;
	int by[3];
} stand_ins[] = {
	{ CORE_KIND_MEETINGS, CORE_MF_ACCOUNT,
	  { CORE_MF_ACCOUNT_ID, CORE_MF_ACCOUNT_CRM_ID, CORE_MF_ACCOUNT_DOMAIN } },
	{ CORE_KIND_MEETINGS, CORE_MF_DURATION, { CORE_MF_ENDS_AT, -1, -1 } },
	{ CORE_KIND_CONTACTS, CORE_CF_ACCOUNT,
	  { CORE_CF_ACCOUNT_ID, CORE_CF_ACCOUNT_CRM_ID, -1 } },
	{ CORE_KIND_CONTACTS, CORE_CF_NAME, { CORE_CF_FIRST_NAME, CORE_CF_LAST_NAME, -1 } },
};

struct csv_import {
	struct db *db;
	const struct db_csv_import *x;
	struct db_csv_import_report *rep;
	struct db_import *im;

	/* From the header. */
	const struct core_pcol *cols;
	size_t ncol;
	struct core_pcol *extra;        /* header names of fields the profile lacks */
	size_t nextra;
	size_t ncell;                   /* cells of the header */
	int *map;                       /* per cell: profile column, ncol + extra, -1 */
	char *header;                   /* the header's cells, each NUL-terminated */
	size_t *header_off;
	int errors_cell;                /* a "pipebench_errors" column read, or -1 */
	const struct core_field_def *defs;
	size_t nf;
	unsigned char carried[CORE_RECORD_MAX]; /* the file has a column for it */
	int underive;                   /* some field comes only from a description */
	int lossy;                      /* a map column: a cell may not decide */
	unsigned char unread[CORE_RECORD_MAX]; /* derived, and nothing needs it */
	int fcell[CORE_RECORD_MAX];     /* the cell a field's problems point at */

	/* The row being read. */
	const struct core_csv_row *row;
	unsigned char bad_field[CORE_RECORD_MAX];
	/* The field's own cell decided it: a value, or empty.  A map value
	 * several keys share ("Meeting": physical, hybrid or virtual) does
	 * not, and leaves the field to the description's tag line. */
	unsigned char said[CORE_RECORD_MAX];
	int undecided;
	int row_problems;
	char row_msg[ROW_ERRORS_MAX];
	size_t row_msg_len;

	/* The rejects file, made at the first bad row. */
	struct core_afile af;
	int af_open;
	struct core_csvw *w;
};

static const struct core_pcol *ci_col(const struct csv_import *c, int m)
{
	return (size_t)m < c->ncol ? &c->cols[m] : &c->extra[(size_t)m - c->ncol];
}

static const char *ci_header(const struct csv_import *c, size_t cell)
{
	return cell < c->ncell ? c->header + c->header_off[cell] : "";
}

/* Records one problem of the current row: at the start of cell `at`,
 * about the column called column (NULL: the row as a whole). */
static void ci_problem(struct csv_import *c, size_t at, const char *column,
                       const char *msg)
{
	c->row_problems++;
	c->rep->problems++;
	long line, col;
	core_csv_locate(c->row, at, &line, &col);
	char full[DB_CSV_IMPORT_MSG_MAX];
	if (column != NULL)
		snprintf(full, sizeof full, "%s:%ld:%ld: column \"%.*s\": %s", c->x->path, line,
		         col, HEADER_QUOTE_MAX, column, msg);
	else
		snprintf(full, sizeof full, "%s:%ld:%ld: %s", c->x->path, line, col, msg);
	if (c->rep->shown < DB_CSV_IMPORT_SHOWN)
		memcpy(c->rep->msg[c->rep->shown++], full, strlen(full) + 1);
	/* The rejects file keeps them one a line, as many as fit. */
	size_t room = sizeof c->row_msg - c->row_msg_len;
	int n = snprintf(c->row_msg + c->row_msg_len, room, "%s%s",
	                 c->row_msg_len ? "\n" : "", full);
	c->row_msg_len += n < 0 ? 0 : (size_t)n < room ? (size_t)n : room - 1;
}

/* The column a field's problems name: its own, else the field's name (a
 * field read back from a description, or one the file lacks). */
static const char *ci_field_column(const struct csv_import *c, int field)
{
	if (c->carried[field])
		return ci_header(c, (size_t)c->fcell[field]);
	return c->defs[field].name;
}

/* The column a missing required field is named by: its own, else the
 * first the file has of those that may stand in for it (Salesforce's
 * WhatId for the account), else the field's name. */
static const char *ci_required_column(const struct csv_import *c, int field)
{
	if (c->carried[field])
		return ci_header(c, (size_t)c->fcell[field]);
	for (size_t i = 0; i < sizeof stand_ins / sizeof stand_ins[0]; i++) {
		if (stand_ins[i].kind != c->x->kind || stand_ins[i].field != field)
			continue;
		for (int b = 0; b < 3; b++) {
			int by = stand_ins[i].by[b];
			if (by >= 0 && c->carried[by])
				return ci_header(c, (size_t)c->fcell[by]);
		}
	}
	return c->defs[field].name;
}

/* db/import.h's report of a problem with a field. */
static void ci_bad_field(void *ctx, int field, const char *msg)
{
	struct csv_import *c = ctx;
	if (field < 0 || (size_t)field >= c->nf) {
		ci_problem(c, 0, NULL, msg);
		return;
	}
	/* A cell that could not be read, or a value missing, is reported
	 * once already. */
	if (c->bad_field[field])
		return;
	ci_problem(c, (size_t)c->fcell[field], ci_field_column(c, field), msg);
}

/* ---- the header ---------------------------------------------------------- */

static enum core_status ci_header_copy(struct csv_import *c, const struct core_csv_row *row,
                                       struct core_error *err)
{
	size_t total = 0;
	for (size_t i = 0; i < row->n; i++)
		total += row->len[i] + 1;
	c->header = malloc(total ? total : 1);
	c->header_off = calloc(row->n ? row->n : 1, sizeof *c->header_off);
	c->map = calloc(row->n ? row->n : 1, sizeof *c->map);
	if (c->header == NULL || c->header_off == NULL || c->map == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	size_t off = 0;
	c->errors_cell = -1;
	for (size_t i = 0; i < row->n; i++) {
		c->header_off[i] = off;
		memcpy(c->header + off, row->cell[i], row->len[i]);
		c->header[off + row->len[i]] = '\0';
		if (row->len[i] == sizeof errors_column - 1 &&
		    memcmp(row->cell[i], errors_column, row->len[i]) == 0)
			c->errors_cell = (int)i;
		off += row->len[i] + 1;
	}
	c->ncell = row->n;
	return CORE_OK;
}

/* 1 when field f of kind k may stand in for a missing required one. */
static int ci_stands_in(enum core_kind k, int f)
{
	for (size_t i = 0; i < sizeof stand_ins / sizeof stand_ins[0]; i++)
		for (int b = 0; b < 3; b++)
			if (stand_ins[i].kind == k && stand_ins[i].by[b] == f)
				return 1;
	return 0;
}

/* Where each field's problems point: its column, else (a field read back
 * from a description) the description's, else the row's first cell. */
static void ci_field_cells(struct csv_import *c)
{
	for (size_t f = 0; f < CORE_RECORD_MAX; f++)
		c->fcell[f] = -1;
	for (size_t i = 0; i < c->ncell; i++) {
		if (c->map[i] < 0)
			continue;
		int f = ci_col(c, c->map[i])->field;
		if (f >= 0 && f < CORE_RECORD_MAX && c->fcell[f] < 0) {
			c->fcell[f] = (int)i;
			c->carried[f] = 1;
		}
	}
	for (size_t f = 0; f < c->nf; f++)
		c->underive |= !c->carried[f] && !(c->defs[f].flags & CORE_FD_DERIVED);
	for (size_t i = 0; i < c->ncell; i++)
		c->lossy |= c->map[i] >= 0 && ci_col(c, c->map[i])->fmt == CORE_FMT_MAP;
	/* A derived column (a title, a description) of a file that carries
	 * every field itself is never read back: not parsed, not checked. */
	for (size_t f = 0; f < c->nf; f++)
		c->unread[f] = !c->underive && !c->lossy &&
		               (c->defs[f].flags & CORE_FD_DERIVED) &&
		               !ci_stands_in(c->x->kind, (int)f);
	int desc = c->x->kind == CORE_KIND_MEETINGS ? c->fcell[CORE_MF_DESCRIPTION] : -1;
	for (size_t f = 0; f < c->nf; f++)
		if (c->fcell[f] < 0)
			c->fcell[f] = desc >= 0 && desc != (int)f ? desc : 0;
}

static enum core_status ci_on_header(struct csv_import *c, const struct core_csv_row *row,
                                     struct core_error *err)
{
	enum core_status s = ci_header_copy(c, row, err);
	if (s != CORE_OK)
		return s;
	s = core_profile_map_header(c->x->profile, c->x->kind, row->cell, row->len, row->n,
	                            c->map, &c->extra, &c->nextra, err);
	if (s != CORE_OK) {
		char msg[sizeof err->msg];
		snprintf(msg, sizeof msg, "%s", err->msg);
		return core_error_set(err, s, "%s:%ld: %s", c->x->path, row->line, msg);
	}
	ci_field_cells(c);
	return db_import_begin(c->db, c->x->kind, &c->im, err);
}

/* ---- the rejects file ------------------------------------------------------ */

static enum core_status ci_rejects_open(struct csv_import *c, struct core_error *err)
{
	enum core_status s = db_csv_import_rejects_path(c->x->path, c->rep->rejects,
	                                                sizeof c->rep->rejects, err);
	if (s == CORE_OK)
		s = core_afile_open(&c->af, c->rep->rejects, err);
	if (s != CORE_OK) {
		c->rep->rejects[0] = '\0';
		return s;
	}
	c->af_open = 1;
	c->w = core_csvw_new(c->af.f, c->rep->rejects);
	if (c->w == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < c->ncell; i++) {
		const char *h = ci_header(c, i);
		core_csvw_text(c->w, h, strlen(h));
	}
	if (c->errors_cell < 0)
		core_csvw_text(c->w, errors_column, sizeof errors_column - 1);
	core_csvw_end_row(c->w);
	return CORE_OK;
}

/* One cell as it was read, written so that reading it again gives the
 * same value: dates and numbers bare, text (and anything a spreadsheet
 * would take for a formula) through the writer's formula guard, with any
 * guard it had taken off first. */
static void ci_rejects_cell(struct csv_import *c, size_t i)
{
	const struct core_csv_row *row = c->row;
	const char *s = row->cell[i];
	size_t len = row->len[i];
	if (row->null[i]) {
		core_csvw_null(c->w);
		return;
	}
	enum core_fmt fmt = i < c->ncell && c->map[i] >= 0 ? ci_col(c, c->map[i])->fmt
	                                                   : CORE_FMT_TEXT;
	int plain = fmt != CORE_FMT_TEXT && fmt != CORE_FMT_PHONE && fmt != CORE_FMT_MAP &&
	            fmt != CORE_FMT_CONST && len > 0 && memchr(s, '"', len) == NULL &&
	            memchr(s, ',', len) == NULL && memchr(s, '\n', len) == NULL &&
	            memchr(s, '\r', len) == NULL && !core_csv_needs_guard(s, len);
	if (plain) {
		core_csvw_bare(c->w, s, len);
		return;
	}
	size_t g = core_csv_guard_len(s, len);
	if (fmt == CORE_FMT_PHONE)
		core_csvw_phone(c->w, s + g, len - g);
	else
		core_csvw_text(c->w, s + g, len - g);
}

static enum core_status ci_reject(struct csv_import *c, struct core_error *err)
{
	if (!c->af_open) {
		enum core_status s = ci_rejects_open(c, err);
		if (s != CORE_OK)
			return s;
	}
	for (size_t i = 0; i < c->row->n; i++) {
		if ((int)i == c->errors_cell)
			core_csvw_text(c->w, c->row_msg, c->row_msg_len);
		else
			ci_rejects_cell(c, i);
	}
	for (size_t i = c->row->n; c->errors_cell >= 0 && i <= (size_t)c->errors_cell; i++) {
		if ((int)i == c->errors_cell)
			core_csvw_text(c->w, c->row_msg, c->row_msg_len);
		else
			core_csvw_null(c->w);
	}
	if (c->errors_cell < 0)
		core_csvw_text(c->w, c->row_msg, c->row_msg_len);
	core_csvw_end_row(c->w);
	return CORE_OK;
}

/* ---- the rows -------------------------------------------------------------- */

/* 1 when r lacks required field f: it is null and so is every field that
 * may stand in for it. */
static int ci_lacks(const struct csv_import *c, const struct core_record *r, size_t f)
{
	if (!(c->defs[f].flags & CORE_FD_REQUIRED) || !r->v[f].null || c->bad_field[f])
		return 0;
	for (size_t i = 0; i < sizeof stand_ins / sizeof stand_ins[0]; i++) {
		if (stand_ins[i].kind != c->x->kind || stand_ins[i].field != (int)f)
			continue;
		for (int b = 0; b < 3; b++)
			if (stand_ins[i].by[b] >= 0 && (!r->v[stand_ins[i].by[b]].null ||
			                                c->bad_field[stand_ins[i].by[b]]))
				return 0;   /* given, or reported as unreadable already */
	}
	return 1;
}

/* 1 when cell i holds nothing but blanks, or nothing at all. */
static int ci_blank(const struct core_csv_row *row, size_t i)
{
	for (size_t k = 0; k < row->len[i]; k++)
		if (row->cell[i][k] != ' ' && row->cell[i][k] != '\t')
			return 0;
	return 1;
}

/* Parses the row's cells into r; problems are recorded.  0 when the row
 * does not even have the header's cells. */
static int ci_cells(struct csv_import *c, struct core_record *r)
{
	const struct core_csv_row *row = c->row;
	if (row->n != c->ncell) {
		char msg[128];
		snprintf(msg, sizeof msg, "this row has %zu cells, the header %zu", row->n,
		         c->ncell);
		ci_problem(c, row->n > c->ncell ? c->ncell : row->n, NULL, msg);
		return 0;
	}
	/* Read only after a failure, which fills it: not cleared per cell
	 * (512 bytes, 30 cells, a million rows). */
	struct core_error perr;
	for (size_t i = 0; i < row->n; i++) {
		if (c->map[i] < 0)
			continue;
		const struct core_pcol *col = ci_col(c, c->map[i]);
		int f = col->field >= 0 && col->field < CORE_RECORD_MAX ? col->field : -1;
		if (f >= 0 && c->unread[f])
			continue;
		if (core_profile_parse_cell(col, row->cell[i], row->len[i], row->null[i], r,
		                            &perr) != CORE_OK) {
			if (f >= 0)
				c->bad_field[f] = 1;
			ci_problem(c, i, ci_header(c, i), perr.msg);
		} else if (f >= 0 && !c->said[f]) {
			c->said[f] = !r->v[f].null || ci_blank(row, i);
			c->undecided |= !c->said[f];
		}
	}
	return 1;
}

/* Fields the file has no column for, or whose cell did not decide them,
 * read back from what was derived from them (a description's tag line
 * and sections, a contact's first and last name).  A field whose own
 * cell said something keeps it, empty or not: the file says so itself. */
static void ci_underive(const struct csv_import *c, struct core_record *r)
{
	if (!c->underive && !c->undecided)
		return;
	unsigned char was_null[CORE_RECORD_MAX];
	for (size_t f = 0; f < c->nf; f++)
		was_null[f] = (unsigned char)r->v[f].null;
	core_record_underive(r);
	for (size_t f = 0; f < c->nf; f++)
		if (c->said[f] && was_null[f])
			r->v[f].null = 1;
}

static enum core_status ci_on_row(struct csv_import *c, struct core_error *err)
{
	struct core_record r;
	unsigned char present[CORE_RECORD_MAX];
	core_record_clear(&r, c->x->kind);
	memset(c->bad_field, 0, sizeof c->bad_field);
	memset(c->said, 0, sizeof c->said);
	c->undecided = 0;
	c->row_problems = 0;
	c->row_msg_len = 0;
	c->row_msg[0] = '\0';
	c->rep->rows++;
	if (ci_cells(c, &r)) {
		ci_underive(c, &r);
		for (size_t f = 0; f < CORE_RECORD_MAX; f++)
			present[f] = f < c->nf && (c->said[f] || !r.v[f].null);
		/* A missing value has no cell of its own: the row's first. */
		for (size_t f = 0; f < c->nf; f++)
			if (ci_lacks(c, &r, f)) {
				c->bad_field[f] = 1;
				ci_problem(c, 0, ci_required_column(c, (int)f),
				           "a value is required");
			}
		/* Checked against the database even when already bad, so that
		 * every problem of the row is found at once; then nothing is
		 * written. */
		enum core_status s = db_import_row(c->im, &r, present, c->row_problems > 0,
		                                   ci_bad_field, c, err);
		if (s != CORE_OK && s != CORE_ERR_INPUT)
			return s;
	}
	if (c->row_problems == 0)
		return CORE_OK;
	c->rep->rejected++;
	if (c->x->skip_bad && !c->x->dry_run)
		return ci_reject(c, err);
	return CORE_OK;
}

static enum core_status ci_row(void *ctx, const struct core_csv_row *row,
                               struct core_error *err)
{
	struct csv_import *c = ctx;
	c->row = row;
	if (row->index == 0)
		return ci_on_header(c, row, err);
	return ci_on_row(c, err);
}

/* ---- the whole ----------------------------------------------------------- */

enum core_status db_csv_import_rejects_path(const char *path, char *buf, size_t n,
                                            struct core_error *err)
{
	size_t len = strlen(path);
	static const char ext[] = ".csv";
	size_t stem = len;
	if (len >= 4) {
		const char *e = path + len - 4;
		int is_csv = e[0] == '.';
		for (int i = 1; i < 4; i++)
			is_csv &= (e[i] | 0x20) == ext[i];
		if (is_csv)
			stem = len - 4;
	}
	int w = snprintf(buf, n, "%.*s.rejects.csv", (int)stem, path);
	if (w < 0 || (size_t)w >= n)
		return core_error_set(err, CORE_ERR_INPUT, "%s: the name is too long for a "
		                      "rejects file beside it", path);
	return CORE_OK;
}

/* Writes out the rejects file and puts it in place; or removes it. */
static enum core_status ci_rejects_close(struct csv_import *c, int keep,
                                         struct core_error *err)
{
	if (!c->af_open)
		return CORE_OK;
	struct core_error werr;
	enum core_status s = core_csvw_finish(c->w, &werr);
	core_csvw_free(c->w);
	c->w = NULL;
	c->af_open = 0;
	if (!keep || s != CORE_OK) {
		core_afile_abort(&c->af);
		c->rep->rejects[0] = '\0';
		if (keep)
			*err = werr;
		return keep ? s : CORE_OK;
	}
	s = core_afile_commit(&c->af, err);
	if (s != CORE_OK)
		c->rep->rejects[0] = '\0';
	return s;
}

/* Commits or rolls back, and says why nothing was stored. */
static enum core_status ci_finish(struct csv_import *c, enum core_status s,
                                  struct core_error *err)
{
	const struct db_csv_import *x = c->x;
	struct db_csv_import_report *rep = c->rep;
	struct db_import_counts n = { 0, 0, 0 };
	if (c->im != NULL)
		db_import_counts_get(c->im, &n);
	rep->created = n.created;
	rep->updated = n.updated;
	rep->sellers_created = n.sellers_created;
	if (s == CORE_OK && c->im == NULL)
		s = core_error_set(err, CORE_ERR_INPUT, "%s: empty file: no header row", x->path);
	rep->complete = s == CORE_OK;
	if (s == CORE_OK && rep->rejected > 0 && !x->skip_bad)
		s = core_error_set(err, CORE_ERR_INPUT, "%s: %lld of %lld rows have problems; "
		                   "nothing %s imported (--skip-bad imports the other %lld)",
		                   x->path, rep->rejected, rep->rows,
		                   x->dry_run ? "would be" : "was", rep->rows - rep->rejected);
	int commit = s == CORE_OK && !x->dry_run;
	/* The rejects file is in place before the rows are committed: if it
	 * cannot be written, nothing is imported and nothing is lost. */
	enum core_status rs = ci_rejects_close(c, commit, err);
	if (s == CORE_OK)
		s = rs;
	commit = s == CORE_OK && !x->dry_run;
	enum core_status es = db_import_end(c->im, commit, err);
	c->im = NULL;
	if (commit && es != CORE_OK && rep->rejects[0] != '\0') {
		remove(rep->rejects);
		rep->rejects[0] = '\0';
	}
	if (s == CORE_OK)
		s = es;
	rep->committed = commit && s == CORE_OK;
	return s;
}

enum core_status db_csv_import(struct db *db, const struct db_csv_import *x,
                               struct db_csv_import_report *rep, struct core_error *err)
{
	memset(rep, 0, sizeof *rep);
	const struct core_profile *p = x->profile;
	if ((unsigned)x->kind >= CORE_KIND_COUNT || p->col[x->kind] == NULL)
		return core_error_set(err, CORE_ERR_INPUT, "the %s profile has no %s", p->name,
		                      (unsigned)x->kind < CORE_KIND_COUNT
		                      ? core_kind_key(x->kind) : "such kind");
	FILE *f = fopen(x->path, "rb");
	if (f == NULL)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot open: %s", x->path,
		                      strerror(errno));
	struct csv_import *c = calloc(1, sizeof *c);
	if (c == NULL) {
		fclose(f);
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	c->db = db;
	c->x = x;
	c->rep = rep;
	c->cols = p->col[x->kind];
	c->ncol = p->ncol[x->kind];
	c->defs = core_kind_fields(x->kind, &c->nf);
	if (c->nf > CORE_RECORD_MAX)
		c->nf = CORE_RECORD_MAX;
	enum core_status s = core_csv_read(f, x->path, ci_row, c, err);
	if (s == CORE_OK && ferror(f))
		s = core_error_set(err, CORE_ERR_IO, "%s: read failed", x->path);
	fclose(f);
	s = ci_finish(c, s, err);
	core_profile_extra_free(c->extra, c->nextra);
	free(c->map);
	free(c->header);
	free(c->header_off);
	free(c);
	return s;
}
