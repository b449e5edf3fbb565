/* The manager's review: the row model (sorting, the total, the texts of a
 * row) and the dashboard drawn from a real team directory, with a garbage
 * file and one from a newer pipebench among the sellers, compared with a
 * golden text at 80x24. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/review.h"
#include "core/team.h"
#include "db/conn.h"
#include "db/demo.h"
#include "db/internal.h"
#include "db/review.h"
#include "db/settings.h"
#include "db/team.h"
#include "tui/canvas.h"
#include "tui/review_draw.h"
#include "tests/unit/fixture.h"
#include "tests/unit/golden.h"

static struct core_review_row row_make(const char *name, const char *login,
                                       int planned, double visits, int64_t changed)
{
	struct core_review_row r;
	memset(&r, 0, sizeof r);
	snprintf(r.name, sizeof r.name, "%s", name);
	snprintf(r.login, sizeof r.login, "%s", login);
	r.ok = 1;
	r.tally.total.planned = planned;
	r.tally.bf[CORE_BF_RESALE].planned = planned;
	r.tally.total.visits = visits;
	r.tally.bf[CORE_BF_RESALE].visits = visits;
	r.tally.total.by_form[CORE_FORM_VIRTUAL] = planned;
	r.tally.by_dim[CORE_DIM_DELIVERY] = planned;
	r.tally.by_dim_form[CORE_DIM_DELIVERY][CORE_FORM_VIRTUAL] = planned;
	r.changed_at = changed;
	return r;
}

static void order_is(const struct core_review_row *r, size_t n, const char *want)
{
	char got[256] = "";
	for (size_t i = 0; i < n; i++) {
		strcat(got, r[i].login);
		strcat(got, i + 1 < n ? " " : "");
	}
	assert_string_equal(got, want);
}

static void test_sort(void **state)
{
	(void)state;
	struct core_review_row r[5] = {
		row_make("bo", "b2", 4, 2.5, 300),
		row_make("Anna", "a", 4, 3, 100),
		row_make("Bo", "b1", 4, 2.5, 200),
		row_make("Zed", "z", 9, 1, 400),
		row_make("Cy", "c", 0, 0, 0),
	};
	r[4].ok = 0; /* unreadable: no numbers */
	core_review_sort(r, 5, CORE_REVIEW_NAME);
	order_is(r, 5, "a b1 b2 c z");
	core_review_sort(r, 5, CORE_REVIEW_VISITS);
	order_is(r, 5, "a b1 b2 z c");
	core_review_sort(r, 5, CORE_REVIEW_PLANNED);
	order_is(r, 5, "z a b1 b2 c");
	core_review_sort(r, 5, CORE_REVIEW_CHANGED);
	order_is(r, 5, "z b2 b1 a c");

	enum core_review_col col = CORE_REVIEW_NAME;
	assert_int_equal(core_review_col_parse("Overdue", &col), 0);
	assert_int_equal(col, CORE_REVIEW_OVERDUE);
	assert_int_equal(core_review_col_parse("visit", &col), -1);
	assert_int_equal(col, CORE_REVIEW_OVERDUE);
	assert_string_equal(core_review_col_key(CORE_REVIEW_CHANGED), "changed");
}

static void test_total_and_texts(void **state)
{
	(void)state;
	struct core_review_row r[3] = {
		row_make("A", "a", 4, 2.5, 100),
		row_make("B", "b", 2, 1, 300),
		row_make("C", "c", 50, 50, 900),
	};
	r[0].overdue = 2;
	r[1].overdue = 1;
	r[1].tally.by_dim[CORE_DIM_DELIVERY] = 0;
	r[1].tally.by_dim[CORE_DIM_DISCOVERY] = 2;
	r[2].ok = 0; /* never counted */
	struct core_review_row t;
	core_review_total(r, 3, 50, &t);
	assert_string_equal(t.name, "Total");
	assert_int_equal(t.tally.total.planned, 6);
	assert_true(t.tally.total.visits == 3.5);
	assert_int_equal(t.tally.total.by_form[CORE_FORM_VIRTUAL], 6);
	assert_int_equal(t.overdue, 3);
	assert_int_equal(t.changed_at, 300);
	assert_int_equal(t.fourd.delivery_percent, 67);
	assert_int_equal(t.fourd.warn, 1);

	char buf[32];
	int64_t today = core_days_from_date((struct core_date){ 2026, 11, 25 });
	core_review_changed_text(core_local_to_epoch(today, 9 * 60 + 41), today, buf,
	                         sizeof buf);
	assert_string_equal(buf, "today 09:41");
	core_review_changed_text(core_local_to_epoch(today - 1, 0), today, buf, sizeof buf);
	assert_string_equal(buf, "yesterday");
	core_review_changed_text(core_local_to_epoch(today - 3, 600), today, buf, sizeof buf);
	assert_string_equal(buf, "3 days ago");
	core_review_changed_text(core_local_to_epoch(today - 14, 0), today, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-11");
	core_review_changed_text(core_local_to_epoch(today + 1, 0), today, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-26");
	core_review_changed_text(0, today, buf, sizeof buf);
	assert_string_equal(buf, "never");
	core_review_visits_text(3, buf, sizeof buf);
	assert_string_equal(buf, "3");
	core_review_visits_text(2.75, buf, sizeof buf);
	assert_string_equal(buf, "2.8");
	core_review_visits_text(2.9999, buf, sizeof buf);
	assert_string_equal(buf, "3");
}

/* ---- a real team on disk ---- */

static void seller_make(const char *dir, const char *login, const char *name,
                        uint64_t seed, int64_t today)
{
	char sub[PATH_MAX], path[PATH_MAX];
	struct core_error err = { CORE_OK, "" };
	fixture_check(core_team_path(sub, sizeof sub, dir, CORE_TEAM_SELLER_DIR, login,
	                             &err), &err);
	fixture_check(core_team_path(path, sizeof path, dir, CORE_TEAM_SELLER_FILE, login,
	                             &err), &err);
	assert_int_equal(mkdir(sub, 0750), 0);
	struct db *db = NULL;
	fixture_check(db_open(path, DB_OPEN_CREATE | DB_OPEN_TEAM, &db, &err), &err);
	struct db_demo_opts o;
	db_demo_defaults(&o);
	o.seed = seed;
	o.sellers = 1;
	o.weeks = 2;
	o.today = today;
	fixture_check(db_demo_fill(db, &o, &err), &err);
	sqlite3_stmt *st;
	fixture_check(db_prepare(db, "UPDATE seller SET name = ?1", &st, &err), &err);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	db_close(db);
}

static void file_write(const char *dir, const char *login, const char *bytes)
{
	char sub[PATH_MAX], path[PATH_MAX];
	struct core_error err = { CORE_OK, "" };
	fixture_check(core_team_path(sub, sizeof sub, dir, CORE_TEAM_SELLER_DIR, login,
	                             &err), &err);
	fixture_check(core_team_path(path, sizeof path, dir, CORE_TEAM_SELLER_FILE, login,
	                             &err), &err);
	assert_int_equal(mkdir(sub, 0750), 0);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(bytes, f);
	assert_int_equal(fclose(f), 0);
}

static void test_dashboard(void **state)
{
	(void)state;
	char top[FIXTURE_DIR_MAX], dir[FIXTURE_PATH_MAX], path[PATH_MAX];
	fixture_dir_make(top, sizeof top, "review");
	snprintf(dir, sizeof dir, "%s/team", top);
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_team_init(dir, getgid(), &err), &err);
	int64_t today = core_days_from_date((struct core_date){ 2026, 11, 25 });

	/* The manager's targets and weights, which the review applies even
	 * though no seller has synced them. */
	struct db *team = NULL;
	snprintf(path, sizeof path, "%s/team.db", dir);
	fixture_check(db_open(path, DB_OPEN_TEAM, &team, &err), &err);
	fixture_check(db_target_set(team, 0, CORE_BF_RESALE, 3, &err), &err);
	fixture_check(db_target_set(team, 0, CORE_BF_UPSELL, 2, &err), &err);
	int64_t lars;
	fixture_check(db_seller_insert(team, "Lars Øberg", &lars, &err), &err);
	fixture_check(db_target_set(team, lars, CORE_BF_NEW, 4, &err), &err);
	fixture_check(db_form_weight_set(team, CORE_FORM_VIRTUAL, 0.75, &err), &err);
	db_close(team);

	seller_make(dir, "mette", "Mette Sørensen", 1, today);
	seller_make(dir, "lars", "Lars Øberg", 2, today);
	file_write(dir, "broken", "this is not a database, it is a shopping list\n");
	seller_make(dir, "newer", "Nina", 3, today);
	snprintf(path, sizeof path, "%s/sellers/newer/seller.db", dir);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(h);

	struct core_isoweek wk = { 2026, 48 };
	struct db_review r;
	memset(&r, 0, sizeof r);
	fixture_check(db_review_load(dir, wk, today, &r, &err), &err);
	assert_int_equal(r.n, 4);
	assert_int_equal(r.unreadable, 2);
	/* By login: broken, lars, mette, newer. */
	assert_string_equal(r.rows[0].login, "broken");
	assert_false(r.rows[0].ok);
	assert_string_equal(r.rows[0].reason, "file is not a pipebench database");
	assert_string_equal(r.rows[1].name, "Lars Øberg");
	assert_true(r.rows[1].ok);
	assert_true(r.rows[1].tally.total.target == 9); /* 3 + 2 + his own 4 */
	assert_true(r.rows[2].tally.total.target == 5); /* the team default */
	assert_false(r.rows[3].ok);
	assert_non_null(strstr(r.rows[3].reason, "newer pipebench (schema 99"));

	core_review_sort(r.rows, r.n, CORE_REVIEW_VISITS);
	struct core_review_row total;
	core_review_total(r.rows, r.n, r.threshold, &total);
	struct tui_review_model m = {
		.week = wk, .today = today, .rows = r.rows, .n = r.n, .total = &total,
		.unreadable = r.unreadable, .sort = CORE_REVIEW_VISITS,
		.threshold = r.threshold, .selected = -1,
	};
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_review_draw(&c, &m);
	char *got = golden_dump(&c);
	golden_assert(got, "review_80x24.txt");
	golden_assert_fits(got, 24, 80);
	free(got);
	tui_canvas_free(&c);

	/* A team directory without its team file is refused as a whole. */
	db_review_free(&r);
	memset(&r, 0, sizeof r);
	assert_int_equal(db_review_load(top, wk, today, &r, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "not a team directory"));
	db_review_free(&r);
	fixture_dir_remove(top);
}

/* Numbers are never cut: a team's week of many meetings widens its
 * columns and the names give way (the concurrency test once read
 * "100/94/8" for "100/94/89"). */
static void test_wide_numbers(void **state)
{
	(void)state;
	struct core_review_row r[2] = {
		row_make("Mette Sørensen", "mette", 100, 12.5, 0),
		row_make("Lars Øberg", "lars", 9, 1, 0),
	};
	r[0].tally.bf[CORE_BF_UPSELL].planned = 94;
	r[0].tally.bf[CORE_BF_NEW].planned = 89;
	r[0].tally.bf[CORE_BF_RESALE].held = 1000;
	struct core_review_row total;
	core_review_total(r, 2, 50, &total);
	struct tui_review_model m = {
		.rows = r, .n = 2, .total = &total, .sort = CORE_REVIEW_NAME,
		.threshold = 50, .selected = -1,
	};
	m.week.year = 2026;
	m.week.week = 48;
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_review_draw(&c, &m);
	char *got = golden_dump(&c);
	assert_non_null(strstr(got, " 100/94/89 "));
	assert_non_null(strstr(got, " 109/94/89 "));  /* the total */
	assert_non_null(strstr(got, " 1000/0/0 "));
	golden_assert_fits(got, 24, 80);
	free(got);
	tui_canvas_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_total_and_texts),
		cmocka_unit_test(test_dashboard),
		cmocka_unit_test(test_wide_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
