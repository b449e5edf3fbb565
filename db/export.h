#ifndef DB_EXPORT_H
#define DB_EXPORT_H
/* Reading records out for export (core/record.h), and remembering what
 * was exported.
 *
 * Change tracking: every change to an account, contact, meeting (its
 * minutes and participants included) or action gives the row a new `rev`,
 * a number from one counter that only grows (triggers keep it, so an edit
 * made with the sqlite3 shell counts too).  An export reads inside one
 * read transaction and notes the counter as it saw it; `--since-last`
 * takes the rows whose rev is above the mark of the last export that
 * completed with the same profile and kind.  A write that was not yet
 * committed when the export read gets a rev above that mark, so a
 * repeated export never misses a row and never repeats one. */

#include <stdint.h>

#include "core/domain.h"
#include "core/error.h"
#include "core/record.h"
#include "db/conn.h"

struct db_export_query {
	enum core_kind kind;
	int64_t from, to;        /* Unix seconds [from, to); both 0: no range.
	                            Meetings: starts_at; actions: the due day's
	                            start; accounts, contacts: not filtered */
	int64_t seller_id;       /* 0: every seller.  Accounts: their owner;
	                            contacts: their account's owner */
	int has_battlefield;
	enum core_battlefield battlefield; /* meetings; actions by their meeting */
	int64_t since_rev;       /* -1: all; else rows with rev > since_rev */
	int64_t today;           /* days: for derived fields (core_record_derive) */
};

/* Called once per row in a stable order (meetings by start then id, the
 * others by id).  r and its text are valid only during the call; derived
 * fields are filled.  A status other than CORE_OK stops the run. */
typedef enum core_status (*db_export_row_fn)(void *ctx, const struct core_record *r,
                                             struct core_error *err);

/* Runs q in one read transaction.  *rev_seen gets the change counter as
 * that transaction saw it: the mark to record once the output is
 * complete.  *rows gets the count of rows handed to fn. */
enum core_status db_export_run(struct db *db, const struct db_export_query *q,
                               db_export_row_fn fn, void *ctx, int64_t *rev_seen,
                               long long *rows, struct core_error *err);
/* How many rows db_export_run would hand over (for a progress bar). */
enum core_status db_export_count(struct db *db, const struct db_export_query *q,
                                 long long *rows, struct core_error *err);

/* The mark of the last completed export with this profile and kind, or -1
 * when there was none. */
enum core_status db_export_mark_get(struct db *db, const char *profile,
                                    enum core_kind kind, int64_t *rev,
                                    struct core_error *err);
/* Records rev (from db_export_run) as that mark, with the time, in its own
 * write transaction.  A mark never moves back. */
enum core_status db_export_mark_set(struct db *db, const char *profile,
                                    enum core_kind kind, int64_t rev,
                                    struct core_error *err);

#endif
