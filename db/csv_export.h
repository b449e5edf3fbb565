#ifndef DB_CSV_EXPORT_H
#define DB_CSV_EXPORT_H
/* The whole export of one kind of record to a CRM's CSV: the rows
 * (db/export.h), each formatted by the profile (core/profile.h) and
 * written as RFC 4180 (core/csv.h).  `pipebench export` and the TUI's
 * export dialog both call this, so they write the same bytes.
 *
 * A file is written beside its final name and renamed into place only
 * once complete and on disk, so a failed export leaves no half file and
 * an existing file as it was.  With since_last, only rows changed since
 * the last completed since-last export of this profile and kind are
 * written, and the new mark is recorded after the file is complete; a
 * failed export records nothing. */

#include <stdio.h>

#include "core/error.h"
#include "core/profile.h"
#include "db/conn.h"
#include "db/export.h"

/* Called now and then with rows written so far and the total. */
typedef void (*db_csv_progress_fn)(void *ctx, long long done, long long total);

struct db_csv_export {
	const struct core_profile *profile; /* the caller's */
	struct db_export_query q;           /* q.since_rev is set here when
	                                       since_last; else as given */
	int since_last;
	const char *path;                   /* the file; NULL: write to out */
	FILE *out;                          /* used when path is NULL */
	db_csv_progress_fn progress;        /* may be NULL */
	void *progress_ctx;
};

/* *rows gets the rows written (the header not counted).  A profile without
 * this kind is CORE_ERR_INPUT naming both. */
enum core_status db_csv_export(struct db *db, const struct db_csv_export *x,
                               long long *rows, struct core_error *err);

#endif
