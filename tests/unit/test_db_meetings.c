/* Meetings, sellers and accounts (db/meetings.h, db/sellers.h): every
 * field through the database and back, validation that writes nothing,
 * the range query, hand-edited rows, the account search and its æøå
 * folding.  Real files in a temporary directory. */
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
#include "db/internal.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "tests/unit/fixture.h"

/* 2026-11-23 09:00 UTC, a Monday (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t mette, lars;
	int64_t osterbro, hansen, vestfjord;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = fixture_db_make(f->dir, f->path, "meet");
	f->mette = fixture_seller(f->db, "Mette Sørensen");
	f->lars = fixture_seller(f->db, "Lars Øberg");
	f->osterbro = fixture_account(f->db, "Østerbro Hus");
	f->hansen = fixture_account(f->db, "Brødrene Hansen A/S");
	f->vestfjord = fixture_account(f->db, "Vestfjord AS");
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	fixture_db_remove(f->db, f->dir);
	free(f);
	return 0;
}

static long long count(struct db *db, const char *sql)
{
	return fixture_sql_int(db->h, sql, NULL);
}

static void exec(struct db *db, const char *sql)
{
	fixture_sql_exec(db->h, sql);
}

static struct core_meeting planned(const struct fx *f, int64_t account, int64_t at)
{
	struct core_meeting m = fixture_meeting(f->mette, at, CORE_BF_RESALE, "follow_up");
	m.account_id = account;
	return m;
}

static void assert_same(const struct core_meeting *a, const struct core_meeting *b)
{
	assert_int_equal(a->id, b->id);
	assert_int_equal(a->seller_id, b->seller_id);
	assert_int_equal(a->account_id, b->account_id);
	assert_int_equal(a->starts_at, b->starts_at);
	assert_int_equal(a->duration_min, b->duration_min);
	assert_int_equal(a->battlefield, b->battlefield);
	assert_string_equal(a->type, b->type);
	assert_int_equal(a->form, b->form);
	assert_int_equal(a->dim, b->dim);
	assert_int_equal(a->complexity, b->complexity);
	assert_int_equal(a->sale, b->sale);
	assert_int_equal(a->status, b->status);
	assert_string_equal(a->form_reason, b->form_reason);
}

/* ---- meetings --------------------------------------------------------- */

static void test_round_trip(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = planned(f, f->osterbro, MON_0900);
	m.duration_min = 90;
	m.battlefield = CORE_BF_NEW;
	snprintf(m.type, sizeof m.type, "negotiation");
	m.form = CORE_FORM_PHONE;
	m.dim = CORE_DIM_DESTINATION;
	m.complexity = CORE_CX_HIGH;
	m.sale = CORE_SALE_SOLUTION;
	m.status = CORE_MS_PLANNED;
	snprintf(m.form_reason, sizeof m.form_reason, "kunden ønsker et kort opkald");
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	assert_true(m.id > 0);
	assert_true(m.updated_at > 1700000000);

	struct core_meeting got;
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	assert_same(&got, &m);
	assert_string_equal(got.account, "Østerbro Hus");
	assert_int_equal(got.updated_at, m.updated_at);

	/* Every field changed at once. */
	m.seller_id = f->lars;
	m.account_id = f->hansen;
	m.starts_at = MON_0900 + 86400 + 1800;
	m.duration_min = 1440;
	m.battlefield = CORE_BF_UPSELL;
	snprintf(m.type, sizeof m.type, "workshop");
	m.form = CORE_FORM_HYBRID;
	m.dim = CORE_DIM_DEVELOPMENT;
	m.complexity = CORE_CX_MEDIUM;
	m.sale = CORE_SALE_PRODUCT;
	m.status = CORE_MS_HELD;
	m.form_reason[0] = '\0';
	assert_int_equal(db_meeting_update(f->db, &m, &err), CORE_OK);
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	assert_same(&got, &m);
	assert_string_equal(got.account, "Brødrene Hansen A/S");

	/* Status and move bump updated_at and touch nothing else. */
	exec(f->db, "UPDATE meeting SET updated_at = 1");
	assert_int_equal(db_meeting_set_status(f->db, m.id, CORE_MS_CANCELLED, &err), CORE_OK);
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	m.status = CORE_MS_CANCELLED;
	assert_same(&got, &m);
	assert_true(got.updated_at > 1);
	exec(f->db, "UPDATE meeting SET updated_at = 1");
	assert_int_equal(db_meeting_move(f->db, m.id, MON_0900 + 3 * 86400, &err), CORE_OK);
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	m.starts_at = MON_0900 + 3 * 86400;
	assert_same(&got, &m);
	assert_int_equal(got.duration_min, 1440);
	assert_true(got.updated_at > 1);
}

/* The CHECK constraints and core's keys must agree on every value. */
static void test_every_key_stored(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int n = 0;
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
	for (int fo = 0; fo < CORE_FORM_COUNT; fo++)
	for (int d = 0; d < CORE_DIM_COUNT; d++)
	for (int cx = 0; cx < CORE_CX_COUNT; cx++)
	for (int s = 0; s < CORE_SALE_COUNT; s++)
	for (int ms = 0; ms < CORE_MS_COUNT; ms++) {
		struct core_meeting m = planned(f, f->vestfjord, MON_0900 + 3600LL * n++);
		m.battlefield = (enum core_battlefield)bf;
		m.form = (enum core_form)fo;
		m.dim = (enum core_dim)d;
		m.complexity = (enum core_complexity)cx;
		m.sale = (enum core_sale)s;
		m.status = (enum core_mstatus)ms;
		assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
		struct core_meeting got;
		assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
		assert_same(&got, &m);
	}
	assert_int_equal(count(f->db, "SELECT count(*) FROM meeting"), n);
}

static void test_validation_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = planned(f, f->osterbro, MON_0900);
	m.duration_min = 0;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "duration must be 1–1440 minutes"));
	m.duration_min = 1441;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "duration must be 1–1440 minutes"));
	m.duration_min = 60;
	m.account_id = 42;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no account with id 42");
	m.account_id = f->osterbro;
	m.seller_id = 77;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no seller with id 77");
	m.seller_id = f->mette;
	m.type[0] = '\0';
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_ERR_INPUT);
	snprintf(m.type, sizeof m.type, "workshop");
	m.form = CORE_FORM_COUNT;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_ERR_INPUT);
	m.form = CORE_FORM_VIRTUAL;
	assert_int_equal(count(f->db, "SELECT count(*) FROM meeting"), 0);

	/* Writes to a meeting that is not there. */
	m.id = 999;
	assert_int_equal(db_meeting_update(f->db, &m, &err), CORE_ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "no meeting with id 999"));
	assert_int_equal(db_meeting_set_status(f->db, 999, CORE_MS_HELD, &err),
	                 CORE_ERR_NOTFOUND);
	assert_int_equal(db_meeting_move(f->db, 999, MON_0900, &err), CORE_ERR_NOTFOUND);
	struct core_meeting got;
	assert_int_equal(db_meeting_get(f->db, 999, &got, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(count(f->db, "SELECT count(*) FROM meeting"), 0);

	/* An update that fails validation leaves the stored meeting alone. */
	m.id = 0;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	struct core_meeting bad = m;
	bad.account_id = 4242;
	bad.duration_min = 30;
	assert_int_equal(db_meeting_update(f->db, &bad, &err), CORE_ERR_INPUT);
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	assert_same(&got, &m);
	/* And the transaction is gone: the next write works. */
	assert_int_equal(db_meeting_set_status(f->db, m.id, CORE_MS_HELD, &err), CORE_OK);
}

static void test_range(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	const int64_t from = MON_0900 - 9 * 3600, to = from + 7 * 86400;
	int64_t at[] = { from - 1, from, from + 86400, to - 1, to, from + 3600 };
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		struct core_meeting m = planned(f, f->hansen, at[i]);
		if (i == 2)
			m.status = CORE_MS_CANCELLED;
		assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	}
	struct core_meeting other = planned(f, f->hansen, from + 7200);
	other.seller_id = f->lars;
	assert_int_equal(db_meeting_insert(f->db, &other, &err), CORE_OK);

	struct core_meeting_list l = { NULL, 0, 0 };
	assert_int_equal(db_meeting_range(f->db, f->mette, from, to, &l, &err), CORE_OK);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.items[0].starts_at, from);
	assert_int_equal(l.items[1].starts_at, from + 3600);
	assert_int_equal(l.items[2].starts_at, from + 86400);
	assert_int_equal(l.items[2].status, CORE_MS_CANCELLED);
	assert_int_equal(l.items[3].starts_at, to - 1);
	assert_string_equal(l.items[3].account, "Brødrene Hansen A/S");
	/* Appends to what the list holds. */
	assert_int_equal(db_meeting_range(f->db, f->lars, from, to, &l, &err), CORE_OK);
	assert_int_equal(l.n, 5);
	assert_int_equal(l.items[4].seller_id, f->lars);
	core_meeting_list_free(&l);
}

/* A file edited by hand: unknown keys, over-long text, a missing account.
 * Nothing crashes; the documented defaults come back. */
static void test_hand_edited_rows(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = planned(f, f->osterbro, MON_0900);
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	exec(f->db, "PRAGMA ignore_check_constraints = 1");
	exec(f->db, "UPDATE meeting SET battlefield = 'war', form = 'telepathy', "
	            "dim = 'DELIVERY?', complexity = 'extreme', sale = '', "
	            "status = 'maybe', duration_min = 99999, "
	            "type = 'a meeting type key far longer than the thirty-one bytes', "
	            "form_reason = printf('%.300c', 'x')");
	exec(f->db, "UPDATE account SET name = printf('%.200c', 'A') || 'Øøø' "
	            "WHERE id = (SELECT account_id FROM meeting)");
	struct core_meeting got;
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	assert_int_equal(got.battlefield, CORE_BF_RESALE);
	assert_int_equal(got.form, CORE_FORM_PHYSICAL);
	assert_int_equal(got.dim, CORE_DIM_DELIVERY);
	assert_int_equal(got.complexity, CORE_CX_LOW);
	assert_int_equal(got.sale, CORE_SALE_PRODUCT);
	assert_int_equal(got.status, CORE_MS_PLANNED);
	assert_int_equal(got.duration_min, 1440);
	assert_true(strlen(got.type) < sizeof got.type);
	assert_true(strlen(got.form_reason) < sizeof got.form_reason);
	assert_true(strlen(got.account) < sizeof got.account);
	assert_int_equal(strncmp(got.account, "AAAA", 4), 0);
	/* The meeting's account deleted behind our back. */
	exec(f->db, "PRAGMA foreign_keys = OFF");
	exec(f->db, "DELETE FROM account WHERE id = (SELECT account_id FROM meeting)");
	exec(f->db, "PRAGMA foreign_keys = ON");
	assert_int_equal(db_meeting_get(f->db, m.id, &got, &err), CORE_OK);
	assert_string_equal(got.account, "(no account)");
}

/* ---- sellers ---------------------------------------------------------- */

static void test_sellers(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct db_seller s;
	assert_int_equal(db_seller_default(f->db, &s, &err), CORE_OK);
	assert_int_equal(s.id, f->mette);   /* the first one is "me" */
	assert_int_equal(db_seller_find(f->db, "Lars Øberg", &s, &err), CORE_OK);
	assert_int_equal(s.id, f->lars);
	assert_int_equal(db_seller_find(f->db, "METTE SØRENSEN", &s, &err), CORE_OK);
	assert_int_equal(s.id, f->mette);
	assert_int_equal(db_seller_find(f->db, "lars ø", &s, &err), CORE_OK);
	assert_string_equal(s.name, "Lars Øberg");
	assert_int_equal(db_seller_find(f->db, "Ingrid", &s, &err), CORE_ERR_NOTFOUND);
	assert_string_equal(err.msg, "no seller called 'Ingrid'");
	int64_t id;
	assert_int_equal(db_seller_insert(f->db, "Lars Ødegaard", &id, &err), CORE_OK);
	assert_int_equal(db_seller_find(f->db, "lars", &s, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "ambiguous"));
	assert_int_equal(db_seller_insert(f->db, "mette sørensen", &id, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "already exists"));
	assert_int_equal(db_seller_insert(f->db, "   ", &id, &err), CORE_ERR_INPUT);
	struct db_seller *list;
	size_t n;
	assert_int_equal(db_seller_list(f->db, &list, &n, &err), CORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].name, "Lars Øberg");
	assert_string_equal(list[1].name, "Lars Ødegaard");
	assert_string_equal(list[2].name, "Mette Sørensen");
	free(list);
	/* "me" stays the first seller, and is found again. */
	assert_int_equal(db_seller_default(f->db, &s, &err), CORE_OK);
	assert_int_equal(s.id, f->mette);
}

/* ---- accounts --------------------------------------------------------- */

static void add_accounts(struct fx *f, const char *const *names)
{
	struct core_error err = { CORE_OK, "" };
	for (; *names != NULL; names++) {
		int64_t id;
		assert_int_equal(db_account_insert(f->db, *names, &id, &err), CORE_OK);
	}
}

static void test_account_search(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	static const char *const names[] = {
		"Nordre Østerbro Byg", "Café Åbo", "ÆBLEHAVEN ApS", "Hansen Byg",
		"Vesterbro Østerhus", "Grønne Skove ApS", NULL,
	};
	add_accounts(f, names);
	struct db_account a[8];
	size_t n;
	/* Prefix first, then a word that starts so, then the rest. */
	assert_int_equal(db_account_search(f->db, f->mette, "øster", a, 8, &n, &err),
	                 CORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(a[0].name, "Østerbro Hus");
	assert_string_equal(a[1].name, "Nordre Østerbro Byg");
	assert_string_equal(a[2].name, "Vesterbro Østerhus");
	assert_int_equal(db_account_search(f->db, f->mette, "ØSTERBRO", a, 8, &n, &err),
	                 CORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].name, "Østerbro Hus");
	assert_int_equal(db_account_search(f->db, f->mette, "hansen", a, 8, &n, &err),
	                 CORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].name, "Hansen Byg");
	assert_string_equal(a[1].name, "Brødrene Hansen A/S");
	assert_int_equal(db_account_search(f->db, f->mette, "æble", a, 8, &n, &err),
	                 CORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].name, "ÆBLEHAVEN ApS");
	assert_int_equal(db_account_search(f->db, f->mette, "CAFÉ åBO", a, 8, &n, &err),
	                 CORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].name, "Café Åbo");
	/* Only max come back; names in order within a group. */
	assert_int_equal(db_account_search(f->db, f->mette, "e", a, 2, &n, &err), CORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(db_account_search(f->db, f->mette, "byg", a, 8, &n, &err), CORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(a[0].name, "Hansen Byg");
	assert_string_equal(a[1].name, "Nordre Østerbro Byg");
	assert_int_equal(db_account_search(f->db, f->mette, "zzz", a, 8, &n, &err), CORE_OK);
	assert_int_equal(n, 0);

	/* Same name in another case: the account that is there. */
	int64_t id;
	assert_int_equal(db_account_insert(f->db, "  østerbro HUS ", &id, &err), CORE_OK);
	assert_int_equal(id, f->osterbro);
	assert_int_equal(db_account_insert(f->db, "", &id, &err), CORE_ERR_INPUT);
	assert_int_equal(count(f->db, "SELECT count(*) FROM account"), 9);
}

static void test_recent_accounts_and_last_visit(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	/* Mette met Vestfjord last, Hansen before; Lars met Østerbro. */
	struct core_meeting m = planned(f, f->hansen, MON_0900);
	m.status = CORE_MS_HELD;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	m = planned(f, f->vestfjord, MON_0900 + 86400);
	m.status = CORE_MS_HELD;
	m.form = CORE_FORM_VIRTUAL;       /* not a visit */
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	m = planned(f, f->hansen, MON_0900 - 86400);
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	m = planned(f, f->osterbro, MON_0900 + 2 * 86400);
	m.seller_id = f->lars;
	m.status = CORE_MS_HELD;
	m.form = CORE_FORM_HYBRID;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
	m = planned(f, f->osterbro, MON_0900 + 3 * 86400);   /* planned: no visit */
	m.seller_id = f->lars;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);

	struct db_account a[8];
	size_t n;
	assert_int_equal(db_account_search(f->db, f->mette, "", a, 8, &n, &err), CORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(a[0].name, "Vestfjord AS");
	assert_int_equal(a[0].last_visit, 0);
	assert_string_equal(a[1].name, "Brødrene Hansen A/S");
	assert_int_equal(a[1].last_visit, MON_0900);
	/* Then the others by name, each once. */
	assert_string_equal(a[2].name, "Østerbro Hus");
	assert_int_equal(a[2].last_visit, MON_0900 + 2 * 86400);
	assert_int_equal(db_account_search(f->db, f->mette, "", a, 1, &n, &err), CORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(a[0].name, "Vestfjord AS");

	struct db_account one;
	assert_int_equal(db_account_get(f->db, f->osterbro, &one, &err), CORE_OK);
	assert_string_equal(one.name, "Østerbro Hus");
	assert_int_equal(one.last_visit, MON_0900 + 2 * 86400);
	assert_int_equal(db_account_get(f->db, 4242, &one, &err), CORE_ERR_NOTFOUND);
	assert_string_equal(err.msg, "no account with id 4242");
}

/* Folding in C agrees with the SQL function, and never grows a string. */
static void test_fold(void **state)
{
	(void)state;
	char buf[64];
	db_fold("ÆØÅ æøå ÄÖÜ É Ÿ Ł Ž ×", buf, sizeof buf);
	assert_string_equal(buf, "æøå æøå äöü é ÿ ł ž ×");
	db_fold("BRØDRENE", buf, 5);
	assert_string_equal(buf, "brø");
	db_fold("BRØDRENE", buf, 4);     /* cut before the half letter */
	assert_string_equal(buf, "br");
	db_fold("\xC3", buf, sizeof buf); /* a lone lead byte stays */
	assert_string_equal(buf, "\xC3");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_every_key_stored, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_validation_writes_nothing, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_range, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_hand_edited_rows, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_sellers, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_account_search, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_recent_accounts_and_last_visit, fx_setup,
		                                fx_teardown),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
