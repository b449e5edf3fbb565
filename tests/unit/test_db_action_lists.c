/* The follow-ups list in the database (db/actions.h): the open actions in
 * their order with each filter, a meeting's actions, the overdue count,
 * and the index both run from (no full scan, no sort, no automatic
 * index).  Real files in a temporary directory (tests/unit/fixture.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "core/followup.h"
#include "db/actions.h"
#include "db/internal.h"
#include "tests/unit/db_actions_fx.h"

static void test_lists_and_filters(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t up_late = add(f, draft(f->m_upsell, 0, 0, "Upsell, later", MON + 20));
	int64_t up_over = add(f, draft(f->m_upsell, 0, 0, "Upsell, overdue", MON - 2));
	int64_t new_today = add(f, draft(f->m_new, 0, 0, "New, today", MON));
	int64_t han_today = add(f, draft(f->m_hansen, 0, 0, "Hansen, today", MON));
	int64_t loose = add(f, draft(0, f->osterbro, f->mette, "No meeting", MON - 2));
	int64_t done = add(f, draft(f->m_upsell, 0, 0, "Done already", MON - 9));
	int64_t lars = add(f, draft(0, f->hansen, f->lars, "Lars's", MON - 9));
	fixture_check(db_action_set_done(f->db, done, 1, &err), &err);

	/* Overdue first (a tie on due and account goes by id), then today
	 * (Brødrene Hansen before Østerbro Hus), then later. */
	const int64_t all[] = {up_over, loose, han_today, new_today, up_late};
	list_open(f, f->mette, 0, -1, all, 5);
	const int64_t at_osterbro[] = {up_over, loose, new_today, up_late};
	list_open(f, f->mette, f->osterbro, -1, at_osterbro, 4);
	const int64_t upsell[] = {up_over, up_late};
	list_open(f, f->mette, 0, CORE_BF_UPSELL, upsell, 2);
	const int64_t resale[] = {han_today};
	list_open(f, f->mette, 0, CORE_BF_RESALE, resale, 1);
	list_open(f, f->mette, f->hansen, CORE_BF_NEW, NULL, 0);
	const int64_t of_lars[] = {lars};
	list_open(f, f->lars, 0, -1, of_lars, 1);
	list_open(f, 9999, 0, -1, NULL, 0);

	/* The list appends to what the caller has. */
	struct core_action_list l = {0};
	fixture_check(db_action_list_open(f->db, f->lars, 0, -1, &l, &err), &err);
	fixture_check(db_action_list_open(f->db, f->mette, 0, CORE_BF_UPSELL, &l, &err),
	              &err);
	const int64_t appended[] = {lars, up_over, up_late};
	assert_ids(&l, appended, 3);
	core_action_list_free(&l);

	/* A meeting's actions: open and done, in the order agreed. */
	fixture_check(db_action_list_meeting(f->db, f->m_upsell, &l, &err), &err);
	const int64_t of_meeting[] = {up_late, up_over, done};
	assert_ids(&l, of_meeting, 3);
	assert_int_equal(l.items[2].done, 1);
	assert_string_equal(l.items[1].text, "Upsell, overdue");
	core_action_list_free(&l);
	fixture_check(db_action_list_meeting(f->db, 9999, &l, &err), &err);
	assert_int_equal(l.n, 0);
	core_action_list_free(&l);
}

struct plan {
	int statements;
	int fullscan;
	int sorts;
	int autoindex;
};

static int plan_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)x;
	struct plan *pl = ctx;
	if (type == SQLITE_TRACE_PROFILE) {
		sqlite3_stmt *st = p;
		pl->statements++;
		pl->fullscan += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
		pl->sorts += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 0);
		pl->autoindex += sqlite3_stmt_status(st, SQLITE_STMTSTATUS_AUTOINDEX, 0);
	}
	return 0;
}

static void test_overdue_count(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	add(f, draft(f->m_upsell, 0, 0, "Overdue 1", MON - 1));
	add(f, draft(f->m_hansen, 0, 0, "Overdue 9", MON - 9));
	add(f, draft(0, f->osterbro, f->mette, "Today", MON));
	add(f, draft(0, f->osterbro, f->mette, "Later", MON + 30));
	int64_t done = add(f, draft(f->m_upsell, 0, 0, "Done", MON - 5));
	add(f, draft(0, f->hansen, f->lars, "Lars overdue", MON - 5));
	fixture_check(db_action_set_done(f->db, done, 1, &err), &err);
	/* Many closed and other sellers' rows, for the plan to matter: 1000
	 * done ones of Mette's (seller 1), 1000 open overdue of Lars's. */
	assert_int_equal(f->mette, 1);
	assert_int_equal(f->lars, 2);
	fixture_sql_exec(f->db->h,
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
		"INSERT INTO action(account_id, seller_id, text, due, done_at, created_at, "
		"updated_at) SELECT 1, CASE WHEN i % 2 THEN 2 ELSE 1 END, 'bulk', 20000, "
		"CASE WHEN i % 2 THEN NULL ELSE 5 END, 0, 0 FROM n");

	int64_t n = -1;
	fixture_check(db_action_overdue_count(f->db, f->mette, MON, &n, &err), &err);
	assert_int_equal(n, 2);
	fixture_check(db_action_overdue_count(f->db, f->mette, MON + 1, &n, &err), &err);
	assert_int_equal(n, 3);
	fixture_check(db_action_overdue_count(f->db, f->mette, MON - 9, &n, &err), &err);
	assert_int_equal(n, 0);
	fixture_check(db_action_overdue_count(f->db, f->lars, MON, &n, &err), &err);
	assert_int_equal(n, 1001);
	fixture_check(db_action_overdue_count(f->db, 9999, MON, &n, &err), &err);
	assert_int_equal(n, 0);

	/* The count and the follow-ups list run from the index action_open:
	 * no full scan, no sort, no automatic index. */
	struct plan pl = {0};
	sqlite3_trace_v2(f->db->h, SQLITE_TRACE_PROFILE, plan_trace, &pl);
	fixture_check(db_action_overdue_count(f->db, f->mette, MON, &n, &err), &err);
	struct core_action_list l = {0};
	fixture_check(db_action_list_open(f->db, f->mette, 0, -1, &l, &err), &err);
	fixture_check(db_action_list_open(f->db, f->mette, f->osterbro, CORE_BF_UPSELL, &l,
	                                  &err), &err);
	sqlite3_trace_v2(f->db->h, 0, NULL, NULL);
	core_action_list_free(&l);
	assert_int_equal(pl.statements, 3);
	assert_int_equal(pl.fullscan, 0);
	assert_int_equal(pl.sorts, 0);
	assert_int_equal(pl.autoindex, 0);

	/* The probe does see a scan where there is one. */
	sqlite3_trace_v2(f->db->h, SQLITE_TRACE_PROFILE, plan_trace, &pl);
	assert_int_equal(fixture_sql_int(f->db->h,
		"SELECT count(*) FROM action WHERE text = 'bulk' ORDER BY 1", NULL), 2000);
	sqlite3_trace_v2(f->db->h, 0, NULL, NULL);
	assert_int_equal(pl.statements, 4);
	assert_true(pl.fullscan > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lists_and_filters, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_overdue_count, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
