/* An imported file's header: whether a header cell names a profile's
 * column (ignoring case, blanks, '_' and '-'), and mapping a header row to
 * a kind's columns, or to its fields named directly, checking that every
 * required field is given, itself or through a stand-in. */
#include "core/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- header names ---------------------------------------------------- */

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int ignorable(char c)
{
	return c == ' ' || c == '\t' || c == '_' || c == '-';
}

int core_profile_header_match(const char *header, size_t len, const char *column)
{
	size_t i = 0, j = 0, m = strlen(column);
	int any = 0;
	for (;; i++, j++, any = 1) {
		while (i < len && ignorable(header[i]))
			i++;
		while (j < m && ignorable(column[j]))
			j++;
		if (i == len || j == m)
			return i == len && j == m && any;
		if (lower(header[i]) != lower(column[j]))
			return 0;
	}
}

/* ---- import headers --------------------------------------------------- */

/* Other fields that give a required field on import (any one of them):
 * the account by a reference, the duration by the end, a contact's name
 * by its parts (the import joins them), and what the description's tag
 * line carries (core_record_underive). */
static const struct {
	enum core_kind kind;
	int field, by[3];
} stand_ins[] = {
	{CORE_KIND_MEETINGS, CORE_MF_ACCOUNT,
	 {CORE_MF_ACCOUNT_ID, CORE_MF_ACCOUNT_CRM_ID, CORE_MF_ACCOUNT_DOMAIN}},
	{CORE_KIND_MEETINGS, CORE_MF_DURATION, {CORE_MF_ENDS_AT, -1, -1}},
	{CORE_KIND_MEETINGS, CORE_MF_BATTLEFIELD, {CORE_MF_DESCRIPTION, -1, -1}},
	{CORE_KIND_MEETINGS, CORE_MF_TYPE, {CORE_MF_DESCRIPTION, -1, -1}},
	{CORE_KIND_MEETINGS, CORE_MF_FORM, {CORE_MF_DESCRIPTION, -1, -1}},
	{CORE_KIND_ACTIONS, CORE_AF_ACCOUNT,
	 {CORE_AF_ACCOUNT_ID, CORE_AF_ACCOUNT_CRM_ID, CORE_AF_ACCOUNT_DOMAIN}},
	{CORE_KIND_ACTIONS, CORE_AF_TEXT, {CORE_AF_DESCRIPTION, -1, -1}},
	{CORE_KIND_CONTACTS, CORE_CF_ACCOUNT, {CORE_CF_ACCOUNT_ID, CORE_CF_ACCOUNT_CRM_ID, -1}},
	{CORE_KIND_CONTACTS, CORE_CF_NAME, {CORE_CF_FIRST_NAME, CORE_CF_LAST_NAME, -1}},
};
#define N_STAND_INS (sizeof stand_ins / sizeof stand_ins[0])

/* The first column that gives field, itself or through a stand-in, or
 * NULL: among cols[0..n-1], or when cols is NULL among own[0..n-1]. */
static const struct core_pcol *giver(const struct core_pcol *const *cols,
                                     const struct core_pcol *own, size_t n,
                                     enum core_kind k, int field)
{
	for (size_t i = 0; i < n; i++) {
		const struct core_pcol *c = cols != NULL ? cols[i] : &own[i];
		if (c != NULL && c->field == field)
			return c;
	}
	for (size_t s = 0; s < N_STAND_INS; s++) {
		for (int b = 0; b < 3 && stand_ins[s].kind == k && stand_ins[s].field == field; b++) {
			const struct core_pcol *c = stand_ins[s].by[b] < 0 ? NULL
				: giver(cols, own, n, k, stand_ins[s].by[b]);
			if (c != NULL)
				return c;
		}
	}
	return NULL;
}

static enum core_status check_required(const struct core_profile *p, enum core_kind k,
                                       const struct core_pcol *const *cols, size_t n,
                                       struct core_error *err)
{
	size_t nf;
	const struct core_field_def *defs = core_kind_fields(k, &nf);
	for (size_t f = 0; f < nf; f++) {
		if (!(defs[f].flags & CORE_FD_REQUIRED) || giver(cols, NULL, n, k, (int)f) != NULL)
			continue;
		const struct core_pcol *c = giver(NULL, p->col[k], p->ncol[k], k, (int)f);
		return core_error_set(err, CORE_ERR_INPUT, "no column gives %s' required field "
		                      "%s: %s%s%s%s'", core_kind_key(k), defs[f].name,
		                      c != NULL ? "the " : "add a column named '",
		                      c != NULL ? p->name : defs[f].name,
		                      c != NULL ? " profile reads it from column '" : "",
		                      c != NULL ? c->column : "");
	}
	return CORE_OK;
}

/* The generic profile's format for each field type: how a header that
 * names a field directly is read. */
static const enum core_fmt type_fmt[] = {
	CORE_FMT_TEXT, CORE_FMT_INT, CORE_FMT_REAL, CORE_FMT_DATETIME_UTC, CORE_FMT_DATE,
	CORE_FMT_BOOL01, CORE_FMT_PHONE};

/* Index into p's columns (then ex's) of the column header cell h names;
 * a field named directly gets an extra column. */
static int map_cell(const struct core_profile *p, enum core_kind k, const char *h,
                    size_t len, struct core_pcol *ex, size_t *nex)
{
	size_t nf, np = p->ncol[k];
	const struct core_field_def *defs = core_kind_fields(k, &nf);
	for (size_t j = 0; j < np; j++)
		if (core_profile_header_match(h, len, p->col[k][j].column))
			return (int)j;
	for (size_t f = 0; f < nf; f++) {
		if (!core_profile_header_match(h, len, defs[f].name))
			continue;
		for (size_t j = 0; j < np; j++)
			if (p->col[k][j].field == (int)f)
				return -1;   /* the profile reads that field its own way */
		for (size_t e = 0; e < *nex; e++)
			if (ex[e].field == (int)f)
				return (int)(np + e);
		struct core_pcol *c = &ex[*nex];
		snprintf(c->column, sizeof c->column, "%s", defs[f].name);
		c->field = (int)f;
		c->fmt = type_fmt[defs[f].type];
		return (int)(np + (*nex)++);
	}
	return -1;
}

enum core_status core_profile_map_header(const struct core_profile *p, enum core_kind k,
                                         const char *const *cells, const size_t *lens,
                                         size_t n, int *map, struct core_pcol **extra,
                                         size_t *n_extra, struct core_error *err)
{
	*extra = NULL;
	*n_extra = 0;
	if ((unsigned)k >= CORE_KIND_COUNT || p->ncol[k] == 0)
		return core_error_set(err, CORE_ERR_INPUT, "the %s profile has no columns for %s",
		                      p->name, core_kind_key(k));
	struct core_pcol *ex = calloc(n + 1, sizeof *ex);
	const struct core_pcol **cols = calloc(n + 1, sizeof *cols);
	size_t nex = 0, np = p->ncol[k];
	enum core_status st = CORE_OK;
	if (ex == NULL || cols == NULL)
		st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < n && st == CORE_OK; i++) {
		map[i] = map_cell(p, k, cells[i], lens[i], ex, &nex);
		cols[i] = map[i] < 0 ? NULL : (size_t)map[i] < np ? &p->col[k][map[i]]
		                                                  : &ex[(size_t)map[i] - np];
		for (size_t j = 0; j < i && map[i] >= 0 && st == CORE_OK; j++)
			if (map[j] == map[i])
				st = core_error_set(err, CORE_ERR_INPUT, "columns %zu and %zu both "
				                    "name %s", j + 1, i + 1, cols[i]->column);
	}
	if (st == CORE_OK)
		st = check_required(p, k, cols, n, err);
	free(cols);
	if (st != CORE_OK || nex == 0) {
		free(ex);
		return st;
	}
	*extra = ex;
	*n_extra = nex;
	return CORE_OK;
}

void core_profile_extra_free(struct core_pcol *extra, size_t n)
{
	for (size_t i = 0; extra != NULL && i < n; i++)
		free(extra[i].values);
	free(extra);
}
