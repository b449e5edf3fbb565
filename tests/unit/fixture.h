#ifndef TESTS_UNIT_FIXTURE_H
#define TESTS_UNIT_FIXTURE_H
/* What the unit tests on a real SQLite file share: a fresh temporary
 * directory and its removal, a database created in it, sellers, accounts
 * and meetings, and one-value queries behind the API's back.  Each test is one
 * translation unit (the Makefile builds tests/unit/test_*.c alone), so this
 * is header-only.  Include it after cmocka.h; every helper fails the
 * running test rather than return an error. */

#include <ftw.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/error.h"
#include "core/meeting.h"
#include "db/actions.h"
#include "db/conn.h"
#include "db/sellers.h"

/* Large enough for any $TMPDIR a test machine has, and a file name in it. */
#define FIXTURE_DIR_MAX 256
#define FIXTURE_PATH_MAX 300

/* Fails the test with err's message unless st is CORE_OK. */
static inline void fixture_check(enum core_status st, const struct core_error *err)
{
	if (st != CORE_OK)
		fail_msg("%s", err->msg);
}

/* Makes a new directory $TMPDIR/pb-TAG.XXXXXX (/tmp without TMPDIR) and
 * puts its name in dir (n bytes). */
static inline void fixture_dir_make(char *dir, size_t n, const char *tag)
{
	const char *tmp = getenv("TMPDIR");
	int len = snprintf(dir, n, "%s/pb-%s.XXXXXX", tmp != NULL && *tmp != '\0' ? tmp : "/tmp",
	                   tag);
	assert_true(len > 0 && (size_t)len < n);
	assert_non_null(mkdtemp(dir));
}

static inline int fixture_remove_one(const char *path, const struct stat *sb, int flag,
                                     struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(path);
}

/* Removes dir and everything below it: the database, its -wal and -shm
 * files, and whatever a test made beside them. */
static inline void fixture_dir_remove(const char *dir)
{
	nftw(dir, fixture_remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* A new database at path, created with the current schema; the caller
 * closes it with db_close. */
static inline struct db *fixture_db_create(const char *path)
{
	struct core_error err = { CORE_OK, "" };
	struct db *db = NULL;
	fixture_check(db_open(path, DB_OPEN_CREATE, &db, &err), &err);
	return db;
}

/* The usual start: a new directory (fixture_dir_make) with a database
 * created in it, whose name goes to path.  Undone by fixture_db_remove. */
static inline struct db *fixture_db_make(char dir[static FIXTURE_DIR_MAX],
                                         char path[static FIXTURE_PATH_MAX],
                                         const char *tag)
{
	fixture_dir_make(dir, FIXTURE_DIR_MAX, tag);
	snprintf(path, FIXTURE_PATH_MAX, "%s/x.db", dir);
	return fixture_db_create(path);
}

/* Closes db and removes dir with everything in it. */
static inline void fixture_db_remove(struct db *db, const char *dir)
{
	db_close(db);
	fixture_dir_remove(dir);
}

static inline int64_t fixture_seller(struct db *db, const char *name)
{
	struct core_error err = { CORE_OK, "" };
	int64_t id = 0;
	fixture_check(db_seller_insert(db, name, &id, &err), &err);
	return id;
}

static inline int64_t fixture_account(struct db *db, const char *name)
{
	struct core_error err = { CORE_OK, "" };
	int64_t id = 0;
	fixture_check(db_account_insert(db, name, &id, &err), &err);
	return id;
}

/* An open follow-up action of seller's at account, due that day: of a
 * meeting (0: of the account alone), owned by a contact (0: by us). */
static inline int64_t fixture_action(struct db *db, int64_t seller_id, int64_t meeting_id,
                                     int64_t account_id, int64_t owner, int64_t due,
                                     const char *text)
{
	struct core_error err = { CORE_OK, "" };
	struct core_action a;
	memset(&a, 0, sizeof a);
	a.meeting_id = meeting_id;
	a.account_id = account_id;
	a.seller_id = seller_id;
	a.owner_contact_id = owner;
	a.due = due;
	snprintf(a.text, sizeof a.text, "%s", text);
	fixture_check(db_action_insert(db, &a, &err), &err);
	return a.id;
}

/* An hour-long physical meeting of seller's at starts_at, not stored: the
 * tests set the account and whatever else they are about. */
static inline struct core_meeting fixture_meeting(int64_t seller_id, int64_t starts_at,
                                                  enum core_battlefield bf,
                                                  const char *type)
{
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	m.seller_id = seller_id;
	m.starts_at = starts_at;
	m.duration_min = 60;
	m.battlefield = bf;
	snprintf(m.type, sizeof m.type, "%s", type);
	m.form = CORE_FORM_PHYSICAL;
	return m;
}

/* The integer in the first column of the first row sql returns; text,
 * when not NULL, is bound to ?1. */
static inline long long fixture_sql_int(sqlite3 *h, const char *sql, const char *text)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (text != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long long v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Runs sql as another program would, failing with SQLite's message. */
static inline void fixture_sql_exec(sqlite3 *h, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

#endif
