/* Meetings to an iCalendar file (db/ics_export.h). */
#include "db/ics_export.h"

#include <stdio.h>

#include "core/afile.h"
#include "core/ics.h"
#include "core/meeting.h"

static enum core_status ics_row(void *ctx, const struct core_record *r,
                                struct core_error *err)
{
	return core_ics_meeting(ctx, r, err);
}

/* The whole calendar into f, and the writer's verdict on the bytes. */
static enum core_status ics_write(struct db *db, const struct db_export_query *q,
                                  FILE *f, const char *name,
                                  const struct core_ics_opts *io, long long *rows,
                                  struct core_error *err)
{
	struct core_ics *w = core_ics_new(f, name, io);
	if (w == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", name);
	int64_t rev_seen = 0;
	core_ics_begin(w);
	enum core_status st = db_export_run(db, q, ics_row, w, &rev_seen, rows, err);
	core_ics_end(w);
	/* The writer's own failure (a full disk) explains an I/O error best. */
	struct core_error werr = { CORE_OK, "" };
	enum core_status wst = core_ics_finish(w, &werr);
	core_ics_free(w);
	if (wst != CORE_OK && (st == CORE_OK || st == CORE_ERR_IO)) {
		*err = werr;
		return wst;
	}
	return st;
}

enum core_status db_ics_export(struct db *db, const struct db_ics_export *x,
                               long long *rows, struct core_error *err)
{
	*rows = 0;
	char identity[64];
	enum core_status st = db_identity(db, identity, sizeof identity, err);
	if (st != CORE_OK)
		return st;
	struct db_export_query q = x->q;
	q.kind = CORE_KIND_MEETINGS;
	q.since_rev = -1;
	char calname[CORE_NAME_MAX + 16];
	if (x->seller_name != NULL)
		snprintf(calname, sizeof calname, "pipebench · %s", x->seller_name);
	else
		snprintf(calname, sizeof calname, "pipebench");
	struct core_ics_opts io = {
		.uid_domain = identity,
		.version = PIPEBENCH_VERSION,
		.calname = calname,
		.dtstamp = x->dtstamp,
	};
	if (x->path == NULL)
		return ics_write(db, &q, x->out, "standard output", &io, rows, err);
	struct core_afile a;
	st = core_afile_open(&a, x->path, err);
	if (st != CORE_OK)
		return st;
	st = ics_write(db, &q, a.f, x->path, &io, rows, err);
	if (st == CORE_OK)
		st = core_afile_commit(&a, err);
	else
		core_afile_abort(&a);
	return st;
}
