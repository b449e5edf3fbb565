#ifndef DB_IMPORT_H
#define DB_IMPORT_H
/* Storing imported records (core/record.h) one row at a time: accounts,
 * contacts and meetings, all inside one BEGIN IMMEDIATE transaction that
 * the caller commits or rolls back at the end.  db/csv_import.h drives it
 * from a CSV file; this part knows nothing of files, cells or profiles.
 *
 * Matching, so that importing the same rows again never duplicates them.
 * A row updates the first stored row found by, in order:
 *   1. its CRM id (crm_id);
 *   2. its pipebench id, when a row with that id exists and agrees: a
 *      contact or meeting of the same account, an account whose org
 *      number does not differ; pipebench ids belong to one database, and
 *      this keeps another database's export from overwriting unrelated
 *      rows that happen to share an id;
 *   3. a natural key: accounts by org number, else by name (case and æøå
 *      ignored, among accounts without an org number when the row has
 *      one); contacts by e-mail (ASCII case ignored), else by name (among
 *      contacts without an e-mail when the row has one), both within the
 *      row's account; meetings by (seller, account, start).
 * A stored row holding a different CRM id than the row is never matched.
 * A contact never changes account (its meetings are that account's).
 * Otherwise the row is created, with its pipebench id when that id is
 * free (so an export imported into an empty database keeps every id).
 *
 * References: a contact's or meeting's account must exist, found by its
 * CRM id, then its id, then its name (as above), then its domain.
 * Sellers (a meeting's, an account's owner) are found by CRM id, then by
 * name, and created when missing; a seller CRM id fills an empty one.  A
 * meeting's participants ("12;15") must be contacts of its account.
 *
 * Updates: a field the row does not carry (present[f] 0: the file has no
 * column for it) keeps its stored value; a null one clears it where the
 * column may be empty and keeps it where it may not (a status).  The
 * participants, when carried, replace the stored set.  A new meeting
 * without a dimension, complexity, kind of sale or status gets what the
 * new-meeting form starts with: Discovery, medium, solution, planned.
 *
 * Change tracking (db/export.h): the change counter goes up once when the
 * import begins and every row written gets that number as its rev.  The
 * import's own statements run without the rev triggers (which would only
 * do the same, and make SQLite journal every page each statement
 * touches), unless the schema holds a trigger the import does not know. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/record.h"
#include "db/conn.h"

/* Lengths in bytes (UTF-8) of what is stored; longer text is refused. */
#define DB_IMPORT_CRM_ID_MAX 128
#define DB_IMPORT_ORG_NO_MAX 64
#define DB_IMPORT_DOMAIN_MAX 253
#define DB_IMPORT_CITY_MAX 63
/* At most this many participants per meeting. */
#define DB_IMPORT_PARTICIPANTS_MAX 64

struct db_import; /* one import in progress; db_import_begin allocates it */

struct db_import_counts {
	long long created;
	long long updated;
	long long sellers_created;
};

/* A problem with field `field` of the row (an index into the kind's
 * fields), in words a seller can act on.  msg is valid during the call. */
typedef void (*db_import_bad_fn)(void *ctx, int field, const char *msg);

/* Starts importing records of kind k (accounts, contacts or meetings;
 * other kinds are CORE_ERR_INPUT): BEGIN IMMEDIATE, a lock held past the
 * busy timeout being CORE_ERR_BUSY with nothing written.  On success *out
 * owns the transaction until db_import_end. */
enum core_status db_import_begin(struct db *db, enum core_kind k, struct db_import **out,
                                 struct core_error *err);

/* Validates record r (of the import's kind) against the database and,
 * unless check_only, stores it.  present[f] (CORE_RECORD_MAX entries) is
 * 1 when the file carries field f.  Returns CORE_OK when the row was
 * stored (or would be); CORE_ERR_INPUT when it is refused, after calling
 * bad once for each problem found, with nothing of the row written;
 * anything else (the database failed) means the import cannot go on. */
enum core_status db_import_row(struct db_import *im, const struct core_record *r,
                               const unsigned char *present, int check_only,
                               db_import_bad_fn bad, void *ctx, struct core_error *err);

void db_import_counts_get(const struct db_import *im, struct db_import_counts *out);

/* Commits (commit != 0) or rolls back everything written since
 * db_import_begin, and frees im (NULL is fine).  A failed commit rolls
 * back. */
enum core_status db_import_end(struct db_import *im, int commit, struct core_error *err);

#endif
