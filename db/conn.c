/* The connection: opening, the settings every connection gets, migrations,
 * transactions, change detection and the statement cache. */
#include "db/conn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/internal.h"
#include "db/schema.h"

#define CONN_BUSY_MS 5000

enum core_status db_fail(struct db *db, int rc, const char *what,
                         struct core_error *err)
{
	const char *path = db != NULL ? db->path : "database";
	switch (rc & 0xff) {
	case SQLITE_BUSY: {
		int ms = db != NULL ? db->busy_ms : CONN_BUSY_MS;
		if (ms % 1000 == 0)
			return core_error_set(err, CORE_ERR_BUSY,
			                      "%s: database is locked by another process "
			                      "(waited %d s)", path, ms / 1000);
		return core_error_set(err, CORE_ERR_BUSY,
		                      "%s: database is locked by another process "
		                      "(waited %.1f s)", path, ms / 1000.0);
	}
	case SQLITE_NOTADB:
		return core_error_set(err, CORE_ERR_DB,
		                      "%s: file is not a pipebench database", path);
	case SQLITE_NOMEM:
		return core_error_set(err, CORE_ERR_NOMEM, "%s: %s: out of memory",
		                      path, what);
	case SQLITE_READONLY:
		return core_error_set(err, CORE_ERR_DB, "%s: %s: the database is read-only",
		                      path, what);
	case SQLITE_CANTOPEN:
		return core_error_set(err, CORE_ERR_IO, "%s: cannot open the database: %s",
		                      path, db != NULL && db->h != NULL
		                      ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
	default:
		return core_error_set(err, CORE_ERR_DB, "%s: %s: %s", path, what,
		                      db != NULL && db->h != NULL
		                      ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
	}
}

enum core_status db_prepare(struct db *db, const char *sql, sqlite3_stmt **out,
                            struct core_error *err)
{
	int rc = sqlite3_prepare_v2(db->h, sql, -1, out, NULL);
	if (rc != SQLITE_OK) {
		*out = NULL;
		return db_fail(db, rc, "preparing a query", err);
	}
	return CORE_OK;
}

enum core_status db_stmt(struct db *db, enum db_query q, const char *sql,
                         sqlite3_stmt **out, struct core_error *err)
{
	sqlite3_stmt *st = db->cache[q];
	if (st == NULL) {
		int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
		                            &st, NULL);
		if (rc != SQLITE_OK) {
			*out = NULL;
			return db_fail(db, rc, "preparing a query", err);
		}
		db->cache[q] = st;
	} else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	*out = st;
	return CORE_OK;
}

enum core_status db_exec(struct db *db, const char *sql, struct core_error *err)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "running SQL", err);
	return CORE_OK;
}

const char *db_column_text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s != NULL ? (const char *)s : "";
}

/* mkdir -p for the directory part of path, each new directory 0700: the
 * database holds customer data. */
static enum core_status conn_make_parent(const char *path, struct core_error *err)
{
	size_t len = strlen(path);
	char *buf = malloc(len + 1);
	if (buf == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	memcpy(buf, path, len + 1);
	char *slash = strrchr(buf, '/');
	enum core_status st = CORE_OK;
	if (slash == NULL || slash == buf) {
		free(buf);
		return CORE_OK;
	}
	*slash = '\0';
	for (char *p = buf + 1; ; p++) {
		int end = *p == '\0';
		if (*p == '/' || end) {
			*p = '\0';
			if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
				st = core_error_set(err, CORE_ERR_IO,
				                    "%s: cannot create directory %s: %s",
				                    path, buf, strerror(errno));
				break;
			}
			if (end)
				break;
			*p = '/';
		}
	}
	struct stat sb;
	if (st == CORE_OK && (stat(buf, &sb) != 0 || !S_ISDIR(sb.st_mode)))
		st = core_error_set(err, CORE_ERR_IO, "%s: %s is not a directory",
		                    path, buf);
	free(buf);
	return st;
}

/* Creates the file 0600 before SQLite does, so it never exists with the
 * umask's wider permissions; SQLite gives -wal and -shm the same mode. */
static enum core_status conn_create_file(const char *path, struct core_error *err)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot create the database: %s",
		                      path, strerror(errno));
	close(fd);
	return CORE_OK;
}

static enum core_status conn_user_version(struct db *db, int *out,
                                          struct core_error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "reading the schema version", err);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "reading the schema version", err);
	return CORE_OK;
}

static enum core_status conn_newer(struct db *db, int version, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_VERSION,
	                      "%s: made by a newer pipebench (schema %d, this one "
	                      "knows %d); not opened, nothing changed",
	                      db->path, version, DB_SCHEMA_VERSION);
}

/* Applies every missing step in one BEGIN IMMEDIATE transaction: all of
 * them or none.  The version is read again under the write lock because
 * another process may have migrated the file meanwhile. */
static enum core_status conn_migrate(struct db *db, struct core_error *err)
{
	enum core_status st = db_tx_begin(db, err);
	if (st != CORE_OK)
		return st;
	int have = 0;
	st = conn_user_version(db, &have, err);
	if (st == CORE_OK && have > DB_SCHEMA_VERSION)
		st = conn_newer(db, have, err);
	for (int v = have + 1; st == CORE_OK && v <= DB_SCHEMA_VERSION; v++) {
		char *msg = NULL;
		int rc = sqlite3_exec(db->h, db_schema_step(v), NULL, NULL, &msg);
		if (rc != SQLITE_OK)
			st = core_error_set(err, rc == SQLITE_BUSY ? CORE_ERR_BUSY : CORE_ERR_DB,
			                    "%s: upgrading the schema to version %d: %s",
			                    db->path, v, msg != NULL ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
	}
	if (st == CORE_OK && have < DB_SCHEMA_VERSION) {
		/* PRAGMA takes no parameters; the number is our own constant. */
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", DB_SCHEMA_VERSION);
		st = db_exec(db, sql, err);
	}
	if (st != CORE_OK) {
		db_tx_rollback(db);
		return st;
	}
	return db_tx_commit(db, err);
}

/* Every connection setting, in this one place. */
static enum core_status conn_configure(struct db *db, int team, struct core_error *err)
{
	int rc = sqlite3_busy_timeout(db->h, CONN_BUSY_MS);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "setting the busy timeout", err);
	db->busy_ms = CONN_BUSY_MS;
	rc = db_fold_register(db->h);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "registering pb_fold", err);

	/* First contact with the file: a text file fails here, before anything
	 * could write to it. */
	int version = 0;
	enum core_status st = conn_user_version(db, &version, err);
	if (st != CORE_OK)
		return st;
	if (version > DB_SCHEMA_VERSION)
		return conn_newer(db, version, err);
	if (version < DB_SCHEMA_VERSION && db->readonly)
		return core_error_set(err, CORE_ERR_VERSION,
		                      "%s: schema %d is older than this pipebench's (%d) "
		                      "and the database is opened read-only; open it once "
		                      "for writing to upgrade it",
		                      db->path, version, DB_SCHEMA_VERSION);

	st = db_exec(db, "PRAGMA foreign_keys = ON", err);
	if (st == CORE_OK)
		st = db_exec(db, "PRAGMA synchronous = NORMAL", err);
	/* The journal mode is a property of the file, chosen when it is made:
	 * WAL lets the TUI read while another process writes; a team file
	 * keeps the rollback journal (DB_OPEN_TEAM), and a later plain open
	 * (the manager's --db DIR/team.db settings ...) must not turn it into
	 * WAL.  Setting it writes the file header, so it comes after the
	 * version check. */
	if (st == CORE_OK && !db->readonly && team)
		st = db_exec(db, "PRAGMA journal_mode = DELETE", err);
	else if (st == CORE_OK && !db->readonly && version == 0)
		st = db_exec(db, "PRAGMA journal_mode = WAL", err);
	if (st == CORE_OK && version < DB_SCHEMA_VERSION)
		st = conn_migrate(db, err);
	return st;
}

enum core_status db_open(const char *path, int flags, struct db **out,
                         struct core_error *err)
{
	*out = NULL;
	if (path == NULL || path[0] == '\0')
		return core_error_set(err, CORE_ERR_INPUT, "no database path given");
	int readonly = (flags & DB_OPEN_READONLY) != 0;
	int create = (flags & DB_OPEN_CREATE) != 0 && !readonly;
	enum core_status st;
	if (create) {
		st = conn_make_parent(path, err);
		if (st == CORE_OK)
			st = conn_create_file(path, err);
		if (st != CORE_OK)
			return st;
	}
	struct db *db = calloc(1, sizeof *db);
	if (db == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	size_t len = strlen(path);
	db->path = malloc(len + 1);
	if (db->path == NULL) {
		free(db);
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	memcpy(db->path, path, len + 1);
	db->readonly = readonly;

	/* A connection is only ever used by the thread that opened it, so
	 * SQLite's per-call mutex is pure cost (measured: 8 % of an export). */
	int oflags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	             SQLITE_OPEN_NOMUTEX;
	if (create)
		oflags |= SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_CANTOPEN && access(path, F_OK) != 0)
			st = core_error_set(err, CORE_ERR_IO, "%s: no such database", path);
		else
			st = db_fail(db, rc, "opening", err);
		db_close(db);
		return st;
	}
	st = conn_configure(db, (flags & DB_OPEN_TEAM) != 0, err);
	if (st != CORE_OK) {
		db_close(db);
		return st;
	}
	*out = db;
	return CORE_OK;
}

void db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < DB_Q_COUNT; i++)
		sqlite3_finalize(db->cache[i]);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

const char *db_path(const struct db *db)
{
	return db->path;
}

void db_set_busy_timeout(struct db *db, int ms)
{
	sqlite3_busy_timeout(db->h, ms);
	db->busy_ms = ms;
}

enum core_status db_tx_begin(struct db *db, struct core_error *err)
{
	int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "starting a transaction", err);
	return CORE_OK;
}

enum core_status db_tx_commit(struct db *db, struct core_error *err)
{
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		enum core_status st = db_fail(db, rc, "saving", err);
		db_tx_rollback(db);
		return st;
	}
	return CORE_OK;
}

void db_tx_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int db_changed(struct db *db)
{
	sqlite3_stmt *st;
	if (db_stmt(db, DB_Q_DATA_VERSION, "PRAGMA data_version", &st, NULL) != CORE_OK)
		return -1;
	int rc = sqlite3_step(st);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	/* Reset at once: a statement left open keeps a read transaction, in
	 * which data_version never moves. */
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return -1;
	int changed = db->have_version && v != db->data_version;
	db->data_version = v;
	db->have_version = 1;
	return changed;
}

int db_pragma_int(struct db *db, enum db_pragma p, const int *set)
{
	/* PRAGMAs take no parameters: the name is one of these two and the
	 * number is formatted, never text from outside. */
	const char *name = p == DB_PRAGMA_TEMP_STORE ? "temp_store" : "cache_size";
	char sql[64];
	if (set != NULL)
		snprintf(sql, sizeof sql, "PRAGMA %s = %d", name, *set);
	else
		snprintf(sql, sizeof sql, "PRAGMA %s", name);
	sqlite3_stmt *st;
	int v = 0;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

enum core_status db_identity(struct db *db, char *buf, size_t n, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT value FROM setting WHERE key = 'identity'",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	const char *v = rc == SQLITE_ROW ? db_column_text(st, 0) : "";
	/* Never trust the file: the value must still look like what step 3
	 * wrote, or identities could collide or carry line breaks into a
	 * calendar file. */
	size_t len = strlen(v);
	int ok = len == 32 && strspn(v, "0123456789abcdef") == len && n > len;
	if (ok)
		memcpy(buf, v, len + 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the database identity", err);
	if (!ok)
		return core_error_set(err, CORE_ERR_DB, "%s: the database identity is missing "
		                      "or damaged (setting 'identity')", db->path);
	return CORE_OK;
}

enum core_status db_default_path(char *buf, size_t n, struct core_error *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	int len;
	/* The XDG spec: a relative XDG_DATA_HOME is invalid and ignored. */
	if (xdg != NULL && xdg[0] == '/') {
		len = snprintf(buf, n, "%s/pipebench/pipebench.db", xdg);
	} else {
		const char *home = getenv("HOME");
		if (home == NULL || home[0] == '\0')
			return core_error_set(err, CORE_ERR_INPUT,
			                      "neither XDG_DATA_HOME nor HOME is set: "
			                      "give the database with --db PATH");
		len = snprintf(buf, n, "%s/.local/share/pipebench/pipebench.db", home);
	}
	if (len < 0 || (size_t)len >= n)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the default database path is too long; "
		                      "give one with --db PATH");
	return CORE_OK;
}
