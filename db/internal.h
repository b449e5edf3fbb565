#ifndef DB_INTERNAL_H
#define DB_INTERNAL_H
/* Private to db/: the connection struct and the helpers every file in db/
 * shares.  Nothing outside db/ includes this (tui/ has no SQL). */

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "core/domain.h"
#include "core/error.h"
#include "core/matrix.h"
#include "db/conn.h"

/* Statements prepared once per connection and kept: the queries that run
 * on every redraw or keystroke.  Each id is always used with the same SQL
 * text (the SQL lives next to its one caller). */
enum db_query {
	DB_Q_DATA_VERSION,
	DB_Q_MEETING_RANGE,
	DB_Q_MEETING_GET,
	DB_Q_TARGETS,
	DB_Q_WEIGHTS,
	DB_Q_ACCOUNT_SEARCH,
	DB_Q_ACCOUNT_RECENT,
	DB_Q_ACCOUNT_BY_NAME,
	DB_Q_ACCOUNT_GET,
	DB_Q_ACCOUNT_BY_FOLD,
	DB_Q_ACTION_OVERDUE,
	DB_Q_COUNT
};

struct db {
	sqlite3 *h;
	char *path;               /* as given to db_open; owned */
	int busy_ms;              /* the busy timeout, for the BUSY message */
	int readonly;
	int have_version;         /* data_version recorded at least once */
	int64_t data_version;
	sqlite3_stmt *cache[DB_Q_COUNT];
};

/* The cached statement q, prepared from sql on first use, reset and with
 * its bindings cleared.  The caller must sqlite3_reset() it when done so no
 * read transaction stays open (that would freeze data_version and block
 * checkpoints).  The statement belongs to the connection. */
enum core_status db_stmt(struct db *db, enum db_query q, const char *sql,
                         sqlite3_stmt **out, struct core_error *err);
/* A one-off statement; the caller finalizes it. */
enum core_status db_prepare(struct db *db, const char *sql, sqlite3_stmt **out,
                            struct core_error *err);
/* Runs SQL text that holds no data (pragmas, BEGIN, DDL). */
enum core_status db_exec(struct db *db, const char *sql, struct core_error *err);

/* Maps an SQLite result code to a status and a message naming the
 * database: "PATH: WHAT: sqlite's message".  SQLITE_BUSY becomes
 * CORE_ERR_BUSY ("database is locked by another process"), a file that is
 * not a database CORE_ERR_DB "file is not a pipebench database".  Returns
 * the status so callers can `return db_fail(...)`. */
enum core_status db_fail(struct db *db, int rc, const char *what,
                         struct core_error *err);

/* Column text that is never NULL: a NULL reads as "".  A blob (written by
 * hand) reads as its bytes up to the first NUL; callers pass every text
 * through core_utf8_copy or core_note_clean, which make it valid UTF-8. */
const char *db_column_text(sqlite3_stmt *st, int col);

/* Inside a write transaction: the id of the account called name (blanks
 * around it and case ignored, also for æøå), added when there is none, so
 * every way of creating an account follows one rule.  The name as stored
 * is copied to stored (n bytes) unless stored is NULL.  An empty or
 * too long name is CORE_ERR_INPUT.  Defined in db/sellers.c. */
enum core_status db_account_resolve(struct db *db, const char *name, int64_t *id,
                                    char *stored, size_t n, struct core_error *err);

/* CORE_ERR_NOTFOUND "no WHAT with id ID (deleted meanwhile?)": a row the
 * seller was shown is gone.  Defined in db/contacts.c. */
enum core_status db_missing(const char *what, int64_t id, struct core_error *err);
/* Prepares the one-off query sql, binds id to ?1 and steps it to its row:
 * CORE_OK with *st on the row (the caller reads it, then finalizes *st);
 * else db_missing(what, id) or a failure "reading the WHAT", with nothing
 * left to finalize.  Defined in db/contacts.c. */
enum core_status db_row_by_id(struct db *db, const char *sql, int64_t id,
                              const char *what, sqlite3_stmt **st,
                              struct core_error *err);
/* Steps a bound one-off write to its end and finalizes it; a failure is
 * reported as "WHAT".  *changes (may be NULL) gets the rows it changed.
 * Defined in db/contacts.c. */
enum core_status db_step_write(struct db *db, sqlite3_stmt *st, const char *what,
                               int *changes, struct core_error *err);
/* Ends a write transaction begun with db_tx_begin: commits when s is
 * CORE_OK, else rolls back and returns s.  Defined in db/contacts.c. */
enum core_status db_tx_end(struct db *db, enum core_status s,
                           struct core_error *err);

/* The team's settings written inside the caller's write transaction,
 * values already checked (the public setters of db/settings.h check,
 * then wrap one of these in a transaction; the manager's editor,
 * db/team_edit.c, runs several in one).  A target of NULL visits is
 * removed; a matrix of NULL goes back to the default asset.  Defined in
 * db/settings.c and db/fourd_setting.c. */
enum core_status db_target_write(struct db *db, int64_t seller_id,
                                 enum core_battlefield bf, const double *visits,
                                 struct core_error *err);
enum core_status db_form_weight_write(struct db *db, enum core_form f, double w,
                                      struct core_error *err);
enum core_status db_matrix_write(struct db *db, const struct core_matrix *m,
                                 struct core_error *err);
enum core_status db_fourd_threshold_write(struct db *db, int percent,
                                          struct core_error *err);

/* Connection pragmas a bulk writer raises for its transaction and puts
 * back (db/demo.c, db/import.c).  Defined in db/conn.c, with the other
 * connection settings. */
enum db_pragma { DB_PRAGMA_CACHE_SIZE, DB_PRAGMA_TEMP_STORE };
/* Reads the pragma (set NULL) or sets it to *set; returns its value as
 * read (0 when SQLite said no, which leaves the default in force). */
int db_pragma_int(struct db *db, enum db_pragma p, const int *set);

/* The columns of a meeting as db_meeting_row reads them, from meeting m
 * LEFT JOIN account a (a meeting whose account was removed by hand still
 * shows, and can be fixed). */
#define DB_MEETING_COLS \
	"m.id, m.seller_id, m.account_id, a.name, m.starts_at, m.duration_min, " \
	"m.battlefield, m.type, m.form, m.dim, m.complexity, m.sale, m.status, " \
	"m.form_reason, m.updated_at"
struct core_meeting;
/* Fills m from a row of DB_MEETING_COLS, distrusting the file: see
 * db/meetings.c.  Defined there. */
void db_meeting_row(sqlite3_stmt *st, struct core_meeting *m);

/* Registers pb_fold(text) on a connection: lower-cases UTF-8 including the
 * Latin-1 and Latin Extended-A letters (Æ->æ, Ø->ø, Å->å, Ä, Ö, Ü, É ...),
 * which SQLite's NOCASE and LIKE leave alone.  Defined in db/sellers.c. */
int db_fold_register(sqlite3 *h);
/* The same folding in C, into buf (always NUL-terminated; output never
 * longer than the input). */
void db_fold(const char *s, char *buf, size_t n);

#endif
