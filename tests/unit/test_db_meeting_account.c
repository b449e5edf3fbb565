/* A meeting saved with a new account's name (db_meeting_insert and
 * db_meeting_update with account_id 0): the account is found or created in
 * the meeting's own transaction, so it is there exactly when the meeting
 * is.  What is committed is read back through a second, independent
 * connection to the same file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/conn.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "tests/unit/fixture.h"

/* 2026-11-24 10:00 UTC, a Tuesday. */
#define TUE_1000 1795514400LL

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	sqlite3 *peek;   /* another connection: sees only what was committed */
	int64_t seller, orsted;
};

static int setup(void **state)
{
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->db = fixture_db_make(x->dir, x->path, "meetacct");
	x->seller = fixture_seller(x->db, "Mette Sørensen");
	x->orsted = fixture_account(x->db, "Ørsted Gruppen");
	assert_int_equal(sqlite3_open_v2(x->path, &x->peek, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	sqlite3_close(x->peek);
	fixture_db_remove(x->db, x->dir);
	free(x);
	return 0;
}

/* One integer from the committed database; text binds ?1 when given. */
static long long peek(struct fx *x, const char *sql, const char *text)
{
	return fixture_sql_int(x->peek, sql, text);
}

static long long accounts(struct fx *x)
{
	return peek(x, "SELECT count(*) FROM account", NULL);
}

static long long meetings(struct fx *x)
{
	return peek(x, "SELECT count(*) FROM meeting", NULL);
}

/* A meeting for a new account typed by name: account_id 0. */
static struct core_meeting typed(const struct fx *x, const char *account)
{
	struct core_meeting m = fixture_meeting(x->seller, TUE_1000, CORE_BF_NEW,
	                                        "first_meeting");
	snprintf(m.account, sizeof m.account, "%s", account);
	return m;
}

static void test_created_with_meeting(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = typed(x, "  Næstved Tømmerhandel ");
	fixture_check(db_meeting_insert(x->db, &m, &err), &err);
	assert_true(m.id > 0);
	assert_true(m.account_id > x->orsted);
	/* Stored, and told back, without the blanks typed around it. */
	assert_string_equal(m.account, "Næstved Tømmerhandel");
	assert_int_equal(accounts(x), 2);
	assert_int_equal(peek(x, "SELECT id FROM account WHERE name = ?1",
	                      "Næstved Tømmerhandel"), m.account_id);
	assert_int_equal(peek(x, "SELECT account_id FROM meeting", NULL), m.account_id);

	struct core_meeting got;
	fixture_check(db_meeting_get(x->db, m.id, &got, &err), &err);
	assert_int_equal(got.account_id, m.account_id);
	assert_string_equal(got.account, "Næstved Tømmerhandel");
}

static void test_failed_insert_leaves_no_account(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	/* Refused before the transaction: a duration of 0. */
	struct core_meeting m = typed(x, "Hvidø ApS");
	m.duration_min = 0;
	assert_int_equal(db_meeting_insert(x->db, &m, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "duration must be 1–1440 minutes"));
	assert_int_equal(accounts(x), 1);
	assert_int_equal(m.account_id, 0);

	/* Refused inside it, after the account was made: no such seller.
	 * The rollback takes the account too, and m is as it was. */
	m.duration_min = 60;
	m.seller_id = 77;
	assert_int_equal(db_meeting_insert(x->db, &m, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no seller with id 77");
	assert_int_equal(accounts(x), 1);
	assert_int_equal(meetings(x), 0);
	assert_int_equal(m.account_id, 0);
	assert_int_equal(m.id, 0);

	/* Another process holds the write lock: nothing at all. */
	struct db *other = NULL;
	fixture_check(db_open(x->path, 0, &other, &err), &err);
	fixture_check(db_tx_begin(other, &err), &err);
	db_set_busy_timeout(x->db, 50);
	m.seller_id = x->seller;
	assert_int_equal(db_meeting_insert(x->db, &m, &err), CORE_ERR_BUSY);
	db_tx_rollback(other);
	db_close(other);
	assert_int_equal(accounts(x), 1);

	/* The same m, saved again once all is well: one account, one meeting. */
	fixture_check(db_meeting_insert(x->db, &m, &err), &err);
	assert_int_equal(accounts(x), 2);
	assert_int_equal(meetings(x), 1);
	assert_int_equal(peek(x, "SELECT count(*) FROM account WHERE name = ?1", "Hvidø ApS"), 1);
}

/* The name in another case (æøå too) is the account already there. */
static void test_existing_reused(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = typed(x, "ØRSTED gruppen");
	fixture_check(db_meeting_insert(x->db, &m, &err), &err);
	assert_int_equal(m.account_id, x->orsted);
	assert_string_equal(m.account, "Ørsted Gruppen");
	assert_int_equal(accounts(x), 1);
	assert_int_equal(peek(x, "SELECT account_id FROM meeting", NULL), x->orsted);

	/* An account id given wins over the name, which is only for show. */
	struct core_meeting n = typed(x, "Ukjent Firma");
	n.account_id = x->orsted;
	fixture_check(db_meeting_insert(x->db, &n, &err), &err);
	assert_int_equal(n.account_id, x->orsted);
	assert_int_equal(accounts(x), 1);

	/* No id and no name: still an error, and nothing created. */
	struct core_meeting none = typed(x, " ");
	assert_int_equal(db_meeting_insert(x->db, &none, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no account with id 0");
	assert_int_equal(accounts(x), 1);
	assert_int_equal(meetings(x), 2);
}

/* An edit that moves the meeting to a new account. */
static void test_update_to_new_account(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = typed(x, "");
	m.account_id = x->orsted;
	fixture_check(db_meeting_insert(x->db, &m, &err), &err);

	/* A meeting deleted meanwhile: the update fails, no account left. */
	struct core_meeting lost = m;
	lost.id = 999;
	lost.account_id = 0;
	snprintf(lost.account, sizeof lost.account, "Lærdal AS");
	assert_int_equal(db_meeting_update(x->db, &lost, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(accounts(x), 1);
	assert_int_equal(lost.account_id, 0);

	m.account_id = 0;
	snprintf(m.account, sizeof m.account, "Lærdal AS");
	fixture_check(db_meeting_update(x->db, &m, &err), &err);
	assert_true(m.account_id > x->orsted);
	assert_string_equal(m.account, "Lærdal AS");
	assert_int_equal(accounts(x), 2);
	assert_int_equal(meetings(x), 1);
	assert_int_equal(peek(x, "SELECT account_id FROM meeting", NULL), m.account_id);
	assert_int_equal(peek(x, "SELECT id FROM account WHERE name = ?1", "Lærdal AS"),
	                 m.account_id);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_created_with_meeting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_insert_leaves_no_account, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_existing_reused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_update_to_new_account, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
