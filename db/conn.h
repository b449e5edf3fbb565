#ifndef DB_CONN_H
#define DB_CONN_H
/* The one place that owns a connection's settings: the journal mode, foreign keys, busy
 * timeout, migrations through PRAGMA user_version, and change detection
 * through PRAGMA data_version.  Every write transaction in db/ starts with
 * BEGIN IMMEDIATE (db_tx_begin). */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

struct db; /* opaque; db_open allocates it, db_close frees it */

enum db_open_flags {
	DB_OPEN_CREATE   = 1,  /* create the file (0600) and its directory (0700) */
	DB_OPEN_READONLY = 2,  /* SQLITE_OPEN_READONLY; never migrates or writes */
	/* A file in a team directory (core/team.h), read by other OS users
	 * who may not write it: the rollback journal (journal_mode DELETE),
	 * never WAL.  A WAL file cannot be opened read-only once its writer
	 * has closed it (no -shm to map, and the reader may not create one). */
	DB_OPEN_TEAM     = 4
};

/* The schema version this pipebench writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 5

/* Opens path, applies the connection settings and migrates an older schema
 * in one transaction.  A database whose user_version is newer than
 * DB_SCHEMA_VERSION is refused with CORE_ERR_VERSION and left untouched; a
 * file that is not a database is CORE_ERR_DB naming the path.  On success
 * *out owns the connection. */
enum core_status db_open(const char *path, int flags, struct db **out,
                         struct core_error *err);
void db_close(struct db *db);
const char *db_path(const struct db *db);
/* Replaces the 5 s busy timeout (tests use a short one). */
void db_set_busy_timeout(struct db *db, int ms);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  A lock that outlives the busy
 * timeout is CORE_ERR_BUSY with a message that says so. */
enum core_status db_tx_begin(struct db *db, struct core_error *err);
enum core_status db_tx_commit(struct db *db, struct core_error *err);
void db_tx_rollback(struct db *db);

/* Returns 1 when another connection (any process) has committed since the
 * last call, 0 when not, -1 on error.  The first call only records. */
int db_changed(struct db *db);

/* A random identifier of this database, 32 lower-case hex digits, made
 * once when it was created (or migrated to schema 3) and never changed:
 * iCalendar UIDs are built from it, so two databases never collide. */
enum core_status db_identity(struct db *db, char *buf, size_t n, struct core_error *err);

/* The resolved default database path: $XDG_DATA_HOME/pipebench/pipebench.db,
 * else ~/.local/share/pipebench/pipebench.db.  Writes into buf. */
enum core_status db_default_path(char *buf, size_t n, struct core_error *err);

#endif
