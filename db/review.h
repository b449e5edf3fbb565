#ifndef DB_REVIEW_H
#define DB_REVIEW_H
/* Gathering the manager's review of a team (core/team.h's layout): every
 * seller's file DIR/sellers/LOGIN/seller.db is opened read-only
 * (DB_OPEN_READONLY | DB_OPEN_TEAM) and never written; the team's form
 * weights, targets and 4D threshold come from DIR/team.db, also read-only.
 * A seller's file that cannot be read (not a database, corrupt, from a
 * newer pipebench, unreadable) becomes a row that says why; the rest of
 * the team is read all the same. */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/error.h"
#include "core/review.h"
#include "core/tally.h"
#include "db/conn.h"
#include "db/week.h"

/* The team's own settings, read once from the team file. */
struct db_review_team {
	struct core_form_weights weights;
	int threshold;            /* the 4D threshold, whole percent */
};

struct db_review {
	struct core_isoweek week;
	int threshold;            /* the team's, for core_review_total */
	struct core_review_row *rows; /* one per seller, by login; owned, freed
	                                 by db_review_free */
	size_t n;
	size_t unreadable;        /* rows with ok == 0 */
};

/* The form weights and the 4D threshold of the team file. */
enum core_status db_review_team_read(struct db *team, struct db_review_team *out,
                                     struct core_error *err);

/* Fills row (its login is the caller's and kept) from an open seller file
 * for week: the seller's name, the week tallied with the team's weights
 * and the targets the team file gives that seller (by login, else by
 * name; else the team default), the 4D check, the follow-ups due before
 * today, and the last change.  Accounts this file is handing over that
 * the receiver (in the team at dir) has received are left out: they are
 * the receiver's (db_handover_gone).  scratch is a zeroed (or
 * reused) db_week the caller frees.  A failure leaves row->ok 0 and is
 * returned; the caller decides whether it is the row's or the team's. */
enum core_status db_review_seller_read(struct db *seller, struct db *team,
                                       const struct db_review_team *t, const char *dir,
                                       struct core_isoweek week, int64_t today,
                                       struct db_week *scratch,
                                       struct core_review_row *row,
                                       struct core_error *err);

/* The whole team at dir for week, rows ordered by login.  The team file
 * must open (else CORE_ERR_INPUT "not a team directory", or its own
 * error); a seller's file that does not is a row with ok 0 and the reason
 * without its path.  *out must be zeroed; free with db_review_free. */
enum core_status db_review_load(const char *dir, struct core_isoweek week,
                                int64_t today, struct db_review *out,
                                struct core_error *err);
void db_review_free(struct db_review *r);

/* ---- the live review ------------------------------------------------------
 * The same rows, kept up to date: one read-only connection per seller's
 * file stays open, and a refresh rereads only the rows whose file another
 * process committed to (PRAGMA data_version, db_changed).  A lock held by
 * a seller's commit is waited for briefly, then the row is retried on the
 * next refresh rather than blocking the screen. */
struct db_review_live; /* opaque; db_review_open allocates it */

enum db_review_refresh_flags {
	DB_REVIEW_RESCAN = 1,  /* list DIR/sellers again: sellers who joined
	                          appear, removed ones go, files that could not
	                          be opened and have changed since are retried */
	DB_REVIEW_ALL    = 2   /* reread every row and the team's settings */
};

/* Opens the team at dir and reads every seller for week, as
 * db_review_load.  *out owns it; close with db_review_close. */
enum core_status db_review_open(const char *dir, struct core_isoweek week,
                                int64_t today, struct db_review_live **out,
                                struct core_error *err);
void db_review_close(struct db_review_live *l);

/* Brings the rows up to date (flags above; 0: only the files that
 * changed, and the team's settings when the team file changed).  *changed
 * is set to 1 when any row or the set of rows differs, else left alone.
 * A seller's file going bad makes its row unreadable; only the team file
 * failing or running out of memory is an error. */
enum core_status db_review_refresh(struct db_review_live *l, int flags,
                                   int *changed, struct core_error *err);

/* Shows another week (and today): every row is reread. */
enum core_status db_review_set_week(struct db_review_live *l, struct core_isoweek week,
                                    int64_t today, struct core_error *err);

/* The rows as last read, by login; owned by l, valid until the next call
 * on it. */
const struct db_review *db_review_rows(const struct db_review_live *l);

#endif
