/* The connection (db/conn.h): creation and permissions, the settings,
 * migrations, refusing newer and foreign files, locks and change
 * detection.  Real files in a temporary directory. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/conn.h"
#include "db/internal.h"
#include "db/schema.h"
#include "db/sellers.h"
#include "tests/unit/fixture.h"

/* ---- fixture ---------------------------------------------------------- */

/* Only the directory: each test opens the file its own way.  Short
 * buffers: the tests build longer names from them in fixed arrays. */
struct fx {
	char dir[64];
	char path[128];
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "conn");
	snprintf(f->path, sizeof f->path, "%s/x.db", f->dir);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	fixture_dir_remove(f->dir);
	free(f);
	return 0;
}

/* Runs SQL on a plain sqlite3 handle, as another program would. */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	fixture_sql_exec(h, sql);
	sqlite3_close(h);
}

static long long raw_int(sqlite3 *h, const char *sql)
{
	return fixture_sql_int(h, sql, NULL);
}

static long long path_int(const char *path, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	long long v = raw_int(h, sql);
	sqlite3_close(h);
	return v;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 20, fp);
	fclose(fp);
	return buf;
}

/* ---- tests ------------------------------------------------------------ */

static void test_create_permissions(void **state)
{
	struct fx *f = *state;
	char path[192];
	snprintf(path, sizeof path, "%s/a/b/pipebench.db", f->dir);
	mode_t old = umask(022);
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, &err), CORE_OK);
	umask(old);
	assert_string_equal(db_path(db), path);
	struct stat sb;
	char sub[256];
	snprintf(sub, sizeof sub, "%s/a", f->dir);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(sub, sizeof sub, "%s/a/b", f->dir);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* The WAL file holds the same data: same mode. */
	int64_t id;
	assert_int_equal(db_account_insert(db, "Hvidø ApS", &id, &err), CORE_OK);
	snprintf(sub, sizeof sub, "%s-wal", path);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	db_close(db);
}

static void test_settings_applied(void **state)
{
	struct fx *f = *state;
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &db, &err), CORE_OK);
	assert_int_equal(raw_int(db->h, "PRAGMA foreign_keys"), 1);
	assert_int_equal(raw_int(db->h, "PRAGMA busy_timeout"), 5000);
	assert_int_equal(raw_int(db->h, "PRAGMA synchronous"), 1); /* NORMAL */
	assert_int_equal(raw_int(db->h, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	db_close(db);
	/* WAL is a property of the file: another program sees it. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void test_schema_steps(void **state)
{
	(void)state;
	assert_null(db_schema_step(0));
	for (int v = 1; v <= DB_SCHEMA_VERSION; v++)
		assert_non_null(db_schema_step(v));
	assert_null(db_schema_step(DB_SCHEMA_VERSION + 1));
}

static void test_migrates_older(void **state)
{
	struct fx *f = *state;
	/* A database at version 0 that already holds something. */
	raw_exec(f->path, "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('Æblegård');");
	assert_int_equal(path_int(f->path, "PRAGMA user_version"), 0);
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &db, &err), CORE_OK);
	db_close(db);
	assert_int_equal(path_int(f->path, "PRAGMA user_version"), DB_SCHEMA_VERSION);
	assert_int_equal(path_int(f->path, "SELECT count(*) FROM sqlite_schema WHERE "
	                         "type = 'table' AND name IN ('seller', 'account', "
	                         "'contact', 'meeting', 'target', 'form_weight', "
	                         "'matrix_type', 'setting')"), 8);
	assert_int_equal(path_int(f->path, "SELECT count(*) FROM sqlite_schema WHERE "
	                         "type = 'index' AND name IN ('meeting_seller_start', "
	                         "'meeting_rev', 'account_name')"), 3);
	assert_int_equal(path_int(f->path, "SELECT count(*) FROM notes"), 1);
	/* Opening again migrates nothing and keeps working. */
	assert_int_equal(db_open(f->path, 0, &db, &err), CORE_OK);
	db_close(db);
	assert_int_equal(path_int(f->path, "PRAGMA user_version"), DB_SCHEMA_VERSION);
}

static void test_failed_migration_rolls_back(void **state)
{
	struct fx *f = *state;
	/* A table in the way of step 1: the step fails after creating seller
	 * and account, which must not stay behind. */
	raw_exec(f->path, "CREATE TABLE meeting(x TEXT);");
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &db, &err), CORE_ERR_DB);
	assert_null(db);
	assert_non_null(strstr(err.msg, f->path));
	assert_non_null(strstr(err.msg, "upgrading the schema to version 1"));
	assert_int_equal(path_int(f->path, "PRAGMA user_version"), 0);
	assert_int_equal(path_int(f->path, "SELECT count(*) FROM sqlite_schema "
	                         "WHERE name IN ('seller', 'account')"), 0);
}

static void test_newer_refused_untouched(void **state)
{
	struct fx *f = *state;
	char sql[128];
	snprintf(sql, sizeof sql, "CREATE TABLE future(x); PRAGMA user_version = %d;",
	         DB_SCHEMA_VERSION + 1);
	raw_exec(f->path, sql);
	size_t len0, len1;
	char *before = read_all(f->path, &len0);
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	for (int flags = 0; flags <= DB_OPEN_READONLY; flags++) {
		assert_int_equal(db_open(f->path, flags, &db, &err), CORE_ERR_VERSION);
		assert_null(db);
		assert_non_null(strstr(err.msg, f->path));
		assert_non_null(strstr(err.msg, "made by a newer pipebench"));
		char want[64];
		snprintf(want, sizeof want, "schema %d, this one knows %d",
		         DB_SCHEMA_VERSION + 1, DB_SCHEMA_VERSION);
		assert_non_null(strstr(err.msg, want));
		assert_non_null(strstr(err.msg, "nothing changed"));
	}
	char *after = read_all(f->path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
}

static void test_garbage_refused(void **state)
{
	struct fx *f = *state;
	static const char text[] = "type,label\nthis is a CSV file, not a database\n"
	                           "with enough text to fill more than a header's "
	                           "worth of bytes, so SQLite reads it as one.\n";
	FILE *fp = fopen(f->path, "wb");
	assert_non_null(fp);
	fwrite(text, 1, sizeof text - 1, fp);
	fclose(fp);
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &db, &err), CORE_ERR_DB);
	assert_null(db);
	char want[192];
	snprintf(want, sizeof want, "%s: file is not a pipebench database", f->path);
	assert_string_equal(err.msg, want);
	size_t len;
	char *after = read_all(f->path, &len);
	assert_int_equal(len, sizeof text - 1);
	assert_memory_equal(after, text, len);
	free(after);
}

static void test_missing_without_create(void **state)
{
	struct fx *f = *state;
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, 0, &db, &err), CORE_ERR_IO);
	assert_non_null(strstr(err.msg, f->path));
	assert_int_equal(access(f->path, F_OK), -1);
	assert_int_equal(db_open(f->path, DB_OPEN_READONLY | DB_OPEN_CREATE, &db, &err),
	                 CORE_ERR_IO);
	assert_int_equal(access(f->path, F_OK), -1);
	assert_int_equal(db_open("", DB_OPEN_CREATE, &db, &err), CORE_ERR_INPUT);
}

static void test_readonly(void **state)
{
	struct fx *f = *state;
	struct db *db = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &db, &err), CORE_OK);
	db_close(db);
	assert_int_equal(db_open(f->path, DB_OPEN_READONLY, &db, &err), CORE_OK);
	int64_t id = 0;
	assert_int_equal(db_account_insert(db, "Lærdal AS", &id, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, "read-only"));
	db_close(db);
	assert_int_equal(path_int(f->path, "SELECT count(*) FROM account"), 0);
}

static void test_locked_is_busy(void **state)
{
	struct fx *f = *state;
	struct db *a = NULL, *b = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &a, &err), CORE_OK);
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &b, &err), CORE_OK);
	db_set_busy_timeout(a, 100);
	/* b holds the write lock with a change of its own in flight. */
	assert_int_equal(db_tx_begin(b, &err), CORE_OK);
	assert_int_equal(sqlite3_exec(b->h, "INSERT INTO account(name, created_at, "
	                              "updated_at) VALUES ('Lærdal AS', 0, 0)",
	                              NULL, NULL, NULL), SQLITE_OK);
	int64_t id = 0;
	assert_int_equal(db_account_insert(a, "Hvidø ApS", &id, &err), CORE_ERR_BUSY);
	char want[192];
	snprintf(want, sizeof want,
	         "%s: database is locked by another process (waited 0.1 s)", f->path);
	assert_string_equal(err.msg, want);
	assert_int_equal(db_tx_begin(a, &err), CORE_ERR_BUSY);
	/* a's failed attempt left no transaction open behind it. */
	assert_int_equal(sqlite3_get_autocommit(a->h), 1);
	assert_int_equal(db_tx_commit(b, &err), CORE_OK);
	assert_int_equal(db_account_insert(a, "Hvidø ApS", &id, &err), CORE_OK);
	db_close(a);
	db_close(b);
	assert_int_equal(path_int(f->path, "SELECT count(*) FROM account WHERE name IN "
	                         "('Lærdal AS', 'Hvidø ApS')"), 2);
}

static void test_changed(void **state)
{
	struct fx *f = *state;
	struct db *a = NULL, *b = NULL;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &a, &err), CORE_OK);
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &b, &err), CORE_OK);
	assert_int_equal(db_changed(a), 0);  /* records only */
	assert_int_equal(db_changed(a), 0);
	int64_t id;
	/* Its own commit is not a change from elsewhere. */
	assert_int_equal(db_account_insert(a, "Hvidø ApS", &id, &err), CORE_OK);
	assert_int_equal(db_changed(a), 0);
	/* A read through a cached statement must not freeze the version. */
	struct db_account acc[4];
	size_t n;
	assert_int_equal(db_account_search(a, 1, "hv", acc, 4, &n, &err), CORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(db_account_insert(b, "Lærdal AS", &id, &err), CORE_OK);
	assert_int_equal(db_changed(a), 1);
	assert_int_equal(db_changed(a), 0);
	assert_int_equal(db_account_search(a, 1, "", acc, 4, &n, &err), CORE_OK);
	assert_int_equal(db_account_insert(b, "Køge Gruppen", &id, &err), CORE_OK);
	assert_int_equal(db_changed(a), 1);
	assert_int_equal(db_changed(b), 0);
	db_close(a);
	db_close(b);
}

static void test_default_path(void **state)
{
	(void)state;
	char buf[256];
	struct core_error err = { CORE_OK, "" };
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;

	setenv("XDG_DATA_HOME", "/srv/data", 1);
	setenv("HOME", "/home/mette", 1);
	assert_int_equal(db_default_path(buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, "/srv/data/pipebench/pipebench.db");
	setenv("XDG_DATA_HOME", "relative/data", 1);   /* not absolute: ignored */
	assert_int_equal(db_default_path(buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, "/home/mette/.local/share/pipebench/pipebench.db");
	unsetenv("XDG_DATA_HOME");
	assert_int_equal(db_default_path(buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, "/home/mette/.local/share/pipebench/pipebench.db");
	assert_int_equal(db_default_path(buf, 20, &err), CORE_ERR_INPUT);
	unsetenv("HOME");
	assert_int_equal(db_default_path(buf, sizeof buf, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "HOME"));

	if (home != NULL)
		setenv("HOME", home, 1);
	if (xdg != NULL)
		setenv("XDG_DATA_HOME", xdg, 1);
	free(home);
	free(xdg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_permissions, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_settings_applied, fx_setup, fx_teardown),
		cmocka_unit_test(test_schema_steps),
		cmocka_unit_test_setup_teardown(test_migrates_older, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_failed_migration_rolls_back, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_newer_refused_untouched, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_garbage_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_missing_without_create, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_readonly, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_locked_is_busy, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_changed, fx_setup, fx_teardown),
		cmocka_unit_test(test_default_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
