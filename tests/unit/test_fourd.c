/* The 4D warning (core/fourd.h) over real tallies (core_tally_week): the
 * threshold's edges, the share of Delivery meetings that are virtual,
 * cancelled meetings, a week without meetings, and the threshold's range;
 * then the team's threshold in a real database (db/fourd_setting.c) and
 * loaded with the week (db_week_load). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/fixture.h"

#include <string.h>

#include "core/fourd.h"
#include "core/tally.h"
#include "db/meetings.h"
#include "db/settings.h"
#include "db/week.h"

#define MAX_MEETINGS 128

struct week {
	struct core_meeting m[MAX_MEETINGS];
	size_t n;
	struct core_tally tally;
};

static void add(struct week *w, int count, enum core_dim dim, enum core_form form,
                enum core_mstatus status)
{
	for (int i = 0; i < count; i++) {
		assert_true(w->n < MAX_MEETINGS);
		struct core_meeting *m = &w->m[w->n++];
		memset(m, 0, sizeof *m);
		m->id = (int64_t)w->n;
		m->battlefield = (enum core_battlefield)(w->n % CORE_BF_COUNT);
		m->form = form;
		m->dim = dim;
		m->status = status;
	}
	core_tally_week(w->m, w->n, NULL, NULL, &w->tally);
}

static void test_tally_by_dim_form(void **state)
{
	(void)state;
	struct week w = { .n = 0 };
	add(&w, 2, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	add(&w, 1, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_HELD);
	add(&w, 1, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_CANCELLED);
	add(&w, 1, CORE_DIM_DELIVERY, CORE_FORM_HYBRID, CORE_MS_PLANNED);
	add(&w, 2, CORE_DIM_DISCOVERY, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	/* Cancelled meetings count nowhere, as in by_dim. */
	assert_int_equal(w.tally.by_dim_form[CORE_DIM_DELIVERY][CORE_FORM_VIRTUAL], 3);
	assert_int_equal(w.tally.by_dim_form[CORE_DIM_DELIVERY][CORE_FORM_HYBRID], 1);
	assert_int_equal(w.tally.by_dim_form[CORE_DIM_DISCOVERY][CORE_FORM_PHYSICAL], 2);
	assert_int_equal(w.tally.by_dim_form[CORE_DIM_DISCOVERY][CORE_FORM_VIRTUAL], 0);
	for (int d = 0; d < CORE_DIM_COUNT; d++) {
		int sum = 0;
		for (int f = 0; f < CORE_FORM_COUNT; f++)
			sum += w.tally.by_dim_form[d][f];
		assert_int_equal(sum, w.tally.by_dim[d]);
	}
	/* A form out of range (an untrusted database) is left out, not
	 * indexed past the array. */
	add(&w, 1, CORE_DIM_DELIVERY, (enum core_form)CORE_FORM_COUNT, CORE_MS_PLANNED);
	assert_int_equal(w.tally.by_dim[CORE_DIM_DELIVERY], 5);
	assert_int_equal(w.tally.by_dim_form[CORE_DIM_DELIVERY][CORE_FORM_VIRTUAL], 3);
}

/* Exactly the threshold is no warning; one point above is. */
static void test_threshold_edges(void **state)
{
	(void)state;
	struct core_fourd f;
	struct week half = { .n = 0 };
	add(&half, 1, CORE_DIM_DELIVERY, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	add(&half, 1, CORE_DIM_DESTINATION, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	assert_int_equal(core_fourd_check(&half.tally, 50, &f), 0);
	assert_int_equal(f.delivery_percent, 50);
	assert_int_equal(f.meetings, 2);
	assert_int_equal(f.delivery, 1);
	assert_false(f.warn);
	/* 49 % as the threshold: 50 % is above it. */
	assert_int_equal(core_fourd_check(&half.tally, 49, &f), 1);
	assert_true(f.warn);
	assert_int_equal(f.threshold, 49);

	/* 51 of 100: 51 % > 50 %. */
	struct week w = { .n = 0 };
	add(&w, 51, CORE_DIM_DELIVERY, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	add(&w, 49, CORE_DIM_DEVELOPMENT, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	assert_int_equal(core_fourd_check(&w.tally, 50, &f), 1);
	assert_int_equal(f.delivery_percent, 51);
	assert_int_equal(f.meetings, 100);
	/* ... and not above 51 %. */
	assert_int_equal(core_fourd_check(&w.tally, 51, &f), 0);

	/* Compared as shown: 2 of 3 is 66.7 %, shown as 67 %. */
	struct week third = { .n = 0 };
	add(&third, 2, CORE_DIM_DELIVERY, CORE_FORM_PHONE, CORE_MS_PLANNED);
	add(&third, 1, CORE_DIM_DISCOVERY, CORE_FORM_PHONE, CORE_MS_PLANNED);
	assert_int_equal(core_fourd_check(&third.tally, 66, &f), 1);
	assert_int_equal(f.delivery_percent, 67);
	assert_int_equal(core_fourd_check(&third.tally, 67, &f), 0);
	/* All Delivery never exceeds 100 %. */
	struct week all = { .n = 0 };
	add(&all, 3, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	assert_int_equal(core_fourd_check(&all.tally, 100, &f), 0);
	assert_int_equal(core_fourd_check(&all.tally, 99, &f), 1);
}

/* The article: virtual meetings drift towards Delivery.  Of the week's
 * Delivery meetings, how many are virtual; hybrid is not. */
static void test_virtual_share(void **state)
{
	(void)state;
	struct week w = { .n = 0 };
	add(&w, 3, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	add(&w, 1, CORE_DIM_DELIVERY, CORE_FORM_HYBRID, CORE_MS_HELD);
	add(&w, 1, CORE_DIM_DELIVERY, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	add(&w, 2, CORE_DIM_DISCOVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	add(&w, 1, CORE_DIM_DESTINATION, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);
	/* Cancelled ones are not the week's meetings. */
	add(&w, 4, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_CANCELLED);
	struct core_fourd f;
	assert_int_equal(core_fourd_check(&w.tally, 50, &f), 1);
	assert_int_equal(f.meetings, 8);
	assert_int_equal(f.delivery, 5);
	assert_int_equal(f.delivery_percent, 63);   /* 62.5 rounds up */
	assert_int_equal(f.delivery_virtual, 3);
	assert_int_equal(f.virtual_percent, 60);
	/* The virtual share is reported whether or not the week warns. */
	assert_int_equal(core_fourd_check(&w.tally, 70, &f), 0);
	assert_int_equal(f.delivery_virtual, 3);
	assert_int_equal(f.virtual_percent, 60);

	struct week none = { .n = 0 };
	add(&none, 2, CORE_DIM_DISCOVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	assert_int_equal(core_fourd_check(&none.tally, 50, &f), 0);
	assert_int_equal(f.delivery, 0);
	assert_int_equal(f.delivery_virtual, 0);
	assert_int_equal(f.virtual_percent, 0);
}

static void test_no_meetings(void **state)
{
	(void)state;
	struct core_tally t;
	core_tally_week(NULL, 0, NULL, NULL, &t);
	struct core_fourd f;
	memset(&f, 0x5a, sizeof f);
	assert_int_equal(core_fourd_check(&t, 1, &f), 0);
	assert_int_equal(f.meetings, 0);
	assert_int_equal(f.delivery_percent, 0);
	assert_int_equal(f.virtual_percent, 0);
	assert_int_equal(f.threshold, 1);
	/* Only cancelled meetings: still none to warn about. */
	struct week w = { .n = 0 };
	add(&w, 3, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_CANCELLED);
	assert_int_equal(core_fourd_check(&w.tally, 1, &f), 0);
	assert_int_equal(f.meetings, 0);
}

/* A threshold outside 1..100 (an old or hand-edited setting reaching a
 * caller) means the default, 50. */
static void test_threshold_range(void **state)
{
	(void)state;
	struct week w = { .n = 0 };
	add(&w, 3, CORE_DIM_DELIVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	add(&w, 2, CORE_DIM_DISCOVERY, CORE_FORM_VIRTUAL, CORE_MS_PLANNED);
	struct core_fourd f;
	static const int bad[] = { 0, -5, 101, 1000 };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(core_fourd_check(&w.tally, bad[i], &f), 1);
		assert_int_equal(f.threshold, CORE_FOURD_THRESHOLD_DEFAULT);
	}
	assert_int_equal(core_fourd_check(&w.tally, 100, &f), 0);
	assert_int_equal(f.threshold, 100);
	assert_int_equal(core_fourd_check(&w.tally, 1, &f), 1);
}

/* ---- the team's threshold, stored ---- */

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	sqlite3 *raw;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "fourd");
	snprintf(f->path, sizeof f->path, "%s/x.db", f->dir);
	f->db = fixture_db_create(f->path);
	assert_int_equal(sqlite3_open(f->path, &f->raw), SQLITE_OK);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	sqlite3_close(f->raw);
	db_close(f->db);
	fixture_dir_remove(f->dir);
	free(f);
	return 0;
}

static void test_setting(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int v = -1;
	fixture_check(db_fourd_threshold_get(f->db, &v, &err), &err);
	assert_int_equal(v, CORE_FOURD_THRESHOLD_DEFAULT);
	fixture_check(db_fourd_threshold_set(f->db, 65, &err), &err);
	fixture_check(db_fourd_threshold_get(f->db, &v, &err), &err);
	assert_int_equal(v, 65);
	assert_int_equal(fixture_sql_int(f->raw, "SELECT count(*) FROM setting WHERE "
	                                 "key = 'delivery_share_warn' AND value = '65'",
	                                 NULL), 1);
	/* The range's ends are fine; beyond them nothing is saved. */
	fixture_check(db_fourd_threshold_set(f->db, 100, &err), &err);
	fixture_check(db_fourd_threshold_set(f->db, 1, &err), &err);
	assert_int_equal(db_fourd_threshold_set(f->db, 0, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "from 1 to 100, not 0"));
	assert_int_equal(db_fourd_threshold_set(f->db, 101, &err), CORE_ERR_INPUT);
	fixture_check(db_fourd_threshold_get(f->db, &v, &err), &err);
	assert_int_equal(v, 1);
}

/* A value edited by hand is named with the command that fixes it; NULL
 * is no value. */
static void test_setting_untrusted(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	static const char *const bad[] = { "'abc'", "'0'", "'101'", "'50 '", "'-5'",
	                                   "'0050'", "55.5", "''" };
	int v;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char sql[160];
		snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO setting(key, value) "
		         "VALUES ('delivery_share_warn', %s)", bad[i]);
		fixture_sql_exec(f->raw, sql);
		v = -1;
		if (db_fourd_threshold_get(f->db, &v, &err) != CORE_ERR_DB)
			fail_msg("%s read as %d", bad[i], v);
		assert_non_null(strstr(err.msg, "delivery_share_warn"));
		assert_non_null(strstr(err.msg, "pipebench settings delivery-share N"));
	}
	fixture_sql_exec(f->raw, "UPDATE setting SET value = NULL "
	                 "WHERE key = 'delivery_share_warn'");
	fixture_check(db_fourd_threshold_get(f->db, &v, &err), &err);
	assert_int_equal(v, CORE_FOURD_THRESHOLD_DEFAULT);
	/* An integer stored by another program reads as its digits. */
	fixture_sql_exec(f->raw, "UPDATE setting SET value = 70 "
	                 "WHERE key = 'delivery_share_warn'");
	fixture_check(db_fourd_threshold_get(f->db, &v, &err), &err);
	assert_int_equal(v, 70);
}

/* The week carries the threshold, and the check over the loaded week is
 * the warning the screen shows. */
static void test_week_load(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t seller = fixture_seller(f->db, "Mette Sørensen");
	int64_t account = fixture_account(f->db, "Køge Gruppen");
	struct core_isoweek w48 = { 2026, 48 };
	int64_t monday = core_local_to_epoch(core_isoweek_monday(w48), 9 * 60);
	static const enum core_dim dims[] = { CORE_DIM_DELIVERY, CORE_DIM_DELIVERY,
	                                      CORE_DIM_DELIVERY, CORE_DIM_DISCOVERY,
	                                      CORE_DIM_DESTINATION };
	for (int i = 0; i < 5; i++) {
		struct core_meeting m;
		memset(&m, 0, sizeof m);
		m.seller_id = seller;
		m.account_id = account;
		m.starts_at = monday + i * 86400;
		m.duration_min = 60;
		m.battlefield = CORE_BF_RESALE;
		snprintf(m.type, sizeof m.type, "follow_up");
		m.form = i < 2 ? CORE_FORM_VIRTUAL : CORE_FORM_PHYSICAL;
		m.dim = dims[i];
		fixture_check(db_meeting_insert(f->db, &m, &err), &err);
	}
	struct db_week week;
	memset(&week, 0, sizeof week);
	fixture_check(db_week_load(f->db, seller, w48, &week, &err), &err);
	assert_int_equal(week.delivery_share_warn, 50);
	struct core_fourd fd;
	assert_int_equal(core_fourd_check(&week.tally, week.delivery_share_warn, &fd), 1);
	assert_int_equal(fd.delivery_percent, 60);
	assert_int_equal(fd.delivery_virtual, 2);

	fixture_check(db_fourd_threshold_set(f->db, 60, &err), &err);
	fixture_check(db_week_load(f->db, seller, w48, &week, &err), &err);
	assert_int_equal(week.delivery_share_warn, 60);
	assert_int_equal(core_fourd_check(&week.tally, week.delivery_share_warn, &fd), 0);

	/* A broken setting fails the load with its message. */
	fixture_sql_exec(f->raw, "UPDATE setting SET value = 'lots' "
	                 "WHERE key = 'delivery_share_warn'");
	assert_int_equal(db_week_load(f->db, seller, w48, &week, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, "'lots'"));
	db_week_free(&week);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally_by_dim_form),
		cmocka_unit_test(test_threshold_edges),
		cmocka_unit_test(test_virtual_share),
		cmocka_unit_test(test_no_meetings),
		cmocka_unit_test(test_threshold_range),
		cmocka_unit_test_setup_teardown(test_setting, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_setting_untrusted, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_week_load, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
