/* One kind of record to a CRM's CSV (db/csv_export.h). */
#include "db/csv_export.h"

#include <string.h>
#include <time.h>

#include "core/afile.h"
#include "core/csv.h"

/* How often the progress callback runs, in rows: cheap enough to be
 * invisible, often enough to move a bar smoothly. */
#define EXPORT_PROGRESS_ROWS 4096

struct export_ctx {
	const struct db_csv_export *x;
	const struct core_pcol *cols;
	size_t ncol;
	struct core_csvw *w;
	long long done, total;
};

static void export_cell(struct core_csvw *w, const struct core_pcol *c,
                        const struct core_record *r)
{
	char buf[64];
	const char *s;
	size_t len;
	switch (core_profile_format(c, r, buf, sizeof buf, &s, &len)) {
	case CORE_CELL_NULL: core_csvw_null(w); break;
	case CORE_CELL_TEXT: core_csvw_text(w, s, len); break;
	case CORE_CELL_PHONE: core_csvw_phone(w, s, len); break;
	case CORE_CELL_BARE: core_csvw_bare(w, s, len); break;
	}
}

static enum core_status export_one(void *ctx, const struct core_record *r,
                                   struct core_error *err)
{
	(void)err;
	struct export_ctx *e = ctx;
	for (size_t i = 0; i < e->ncol; i++)
		export_cell(e->w, &e->cols[i], r);
	core_csvw_end_row(e->w);
	if (e->x->progress != NULL && ++e->done % EXPORT_PROGRESS_ROWS == 0)
		e->x->progress(e->x->progress_ctx, e->done, e->total);
	return CORE_OK;
}

/* Header, rows, and the writer's verdict on the bytes. */
static enum core_status export_write(struct db *db, struct export_ctx *e,
                                     const struct db_export_query *q, FILE *f,
                                     const char *name, int64_t *rev, long long *rows,
                                     struct core_error *err)
{
	e->w = core_csvw_new(f, name);
	if (e->w == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < e->ncol; i++)
		core_csvw_text(e->w, e->cols[i].column, strlen(e->cols[i].column));
	core_csvw_end_row(e->w);
	enum core_status s = db_export_run(db, q, export_one, e, rev, rows, err);
	/* The writer's own error (a full disk) explains a failure best. */
	struct core_error werr;
	enum core_status ws = core_csvw_finish(e->w, &werr);
	core_csvw_free(e->w);
	e->w = NULL;
	if (s == CORE_OK && ws != CORE_OK) {
		*err = werr;
		s = ws;
	}
	if (s == CORE_OK && e->x->progress != NULL)
		e->x->progress(e->x->progress_ctx, *rows, e->total);
	return s;
}

enum core_status db_csv_export(struct db *db, const struct db_csv_export *x,
                               long long *rows, struct core_error *err)
{
	*rows = 0;
	const struct core_profile *p = x->profile;
	enum core_kind kind = x->q.kind;
	if ((unsigned)kind >= CORE_KIND_COUNT || p->col[kind] == NULL || p->ncol[kind] == 0)
		return core_error_set(err, CORE_ERR_INPUT, "the %s profile has no %s",
		                      p->name, (unsigned)kind < CORE_KIND_COUNT
		                      ? core_kind_key(kind) : "such kind");
	struct db_export_query q = x->q;
	enum core_status s = CORE_OK;
	if (x->since_last)
		s = db_export_mark_get(db, p->name, kind, &q.since_rev, err);
	struct export_ctx e = { x, p->col[kind], p->ncol[kind], NULL, 0, 0 };
	if (s == CORE_OK && x->progress != NULL)
		s = db_export_count(db, &q, &e.total, err);
	if (s != CORE_OK)
		return s;

	int64_t rev = 0;
	if (x->path == NULL) {
		s = export_write(db, &e, &q, x->out, "standard output", &rev, rows, err);
	} else {
		struct core_afile af;
		s = core_afile_open(&af, x->path, err);
		if (s != CORE_OK)
			return s;
		s = export_write(db, &e, &q, af.f, x->path, &rev, rows, err);
		if (s == CORE_OK)
			s = core_afile_commit(&af, err);
		else
			core_afile_abort(&af);
	}
	if (s == CORE_OK && x->since_last)
		s = db_export_mark_set(db, p->name, kind, rev, err);
	return s;
}
