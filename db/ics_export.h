#ifndef DB_ICS_EXPORT_H
#define DB_ICS_EXPORT_H
/* One seller's (or the whole team's) meetings as an iCalendar file
 * (core/ics.h) for a calendar program.  The rows come from the same
 * reader as the CSV exports (db/export.h), so a meeting's title, place and
 * description read the same in the CRM and in the calendar.  `pipebench
 * export ics` and the TUI's export dialog both call this, so they write
 * the same bytes for the same options and export time.
 *
 * Every UID ends in the database's identity (db_identity), so a meeting
 * keeps its UID from one export to the next and importing a newer file
 * updates a calendar instead of doubling it.  A range without meetings
 * still gives a calendar: importing it must be able to say "nothing this
 * week".  A file is written beside its final name and renamed into place
 * only once complete (core/afile.h): a failed export leaves no half file
 * and an existing file as it was. */

#include <stdint.h>
#include <stdio.h>

#include "core/error.h"
#include "db/conn.h"
#include "db/export.h"

struct db_ics_export {
	struct db_export_query q;  /* which meetings; q.kind is taken as
	                              meetings and q.since_rev is not used */
	const char *seller_name;   /* names the calendar "pipebench · NAME";
	                              NULL: "pipebench" (the whole team) */
	int64_t dtstamp;           /* the export's time, Unix seconds */
	const char *path;          /* the file; NULL: write to out */
	FILE *out;                 /* used when path is NULL */
};

/* *rows gets the meetings written. */
enum core_status db_ics_export(struct db *db, const struct db_ics_export *x,
                               long long *rows, struct core_error *err);

#endif
