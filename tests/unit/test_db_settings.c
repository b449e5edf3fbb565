/* Team settings (db/settings.h) and the week load (db/week.h): targets
 * with the team default and a seller's own, form weights, the team's
 * matrix and its fallback to the asset, and what one week holds. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/conn.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "db/settings.h"
#include "db/week.h"
#include "tests/unit/fixture.h"

/* 2026-11-23 00:00 UTC: the Monday of 2026-W48 (tests run with TZ=UTC). */
#define W48_MONDAY 1795392000LL

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t mette, lars, account;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = fixture_db_make(f->dir, f->path, "set");
	f->mette = fixture_seller(f->db, "Mette Sørensen");
	f->lars = fixture_seller(f->db, "Åse Lindqvist");
	f->account = fixture_account(f->db, "Køge Gruppen");
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

static void exec(struct db *db, const char *sql)
{
	fixture_sql_exec(db->h, sql);
}

static void test_targets(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_targets t;
	assert_int_equal(db_targets_get(f->db, f->mette, &t, &err), CORE_OK);
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		assert_true(t.visits[bf] == 0.0);

	assert_int_equal(db_target_set(f->db, 0, CORE_BF_RESALE, 2, &err), CORE_OK);
	assert_int_equal(db_target_set(f->db, 0, CORE_BF_NEW, 2.5, &err), CORE_OK);
	assert_int_equal(db_target_set(f->db, f->mette, CORE_BF_NEW, 4, &err), CORE_OK);
	assert_int_equal(db_target_set(f->db, f->mette, CORE_BF_NEW, 3, &err), CORE_OK);
	assert_int_equal(db_targets_get(f->db, f->mette, &t, &err), CORE_OK);
	assert_true(t.visits[CORE_BF_RESALE] == 2.0);   /* the team's */
	assert_true(t.visits[CORE_BF_UPSELL] == 0.0);   /* nobody's */
	assert_true(t.visits[CORE_BF_NEW] == 3.0);      /* her own, replaced */
	assert_int_equal(db_targets_get(f->db, f->lars, &t, &err), CORE_OK);
	assert_true(t.visits[CORE_BF_NEW] == 2.5);
	assert_int_equal(db_targets_get(f->db, 0, &t, &err), CORE_OK);
	assert_true(t.visits[CORE_BF_NEW] == 2.5);

	assert_int_equal(db_target_set(f->db, 0, CORE_BF_UPSELL, -1, &err), CORE_ERR_INPUT);
	assert_int_equal(db_target_set(f->db, 0, CORE_BF_UPSELL, 101, &err), CORE_ERR_INPUT);
	assert_int_equal(db_target_set(f->db, 0, CORE_BF_UPSELL, NAN, &err), CORE_ERR_INPUT);
	assert_int_equal(db_target_set(f->db, 999, CORE_BF_UPSELL, 1, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no seller with id 999");
	assert_int_equal(db_target_set(f->db, 0, CORE_BF_COUNT, 1, &err), CORE_ERR_INPUT);
	assert_int_equal(db_targets_get(f->db, 999, &t, &err), CORE_OK);
	assert_true(t.visits[CORE_BF_UPSELL] == 0.0);
}

static void test_weights(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_form_weights w, def;
	core_form_weights_default(&def);
	assert_int_equal(db_form_weights_get(f->db, &w, &err), CORE_OK);
	assert_memory_equal(&w, &def, sizeof w);
	assert_true(w.w[CORE_FORM_VIRTUAL] == 0.5);
	assert_int_equal(db_form_weight_set(f->db, CORE_FORM_VIRTUAL, 0.75, &err), CORE_OK);
	assert_int_equal(db_form_weight_set(f->db, CORE_FORM_PHONE, 10, &err), CORE_OK);
	assert_int_equal(db_form_weights_get(f->db, &w, &err), CORE_OK);
	assert_true(w.w[CORE_FORM_VIRTUAL] == 0.75);
	assert_true(w.w[CORE_FORM_PHONE] == 10.0);
	assert_true(w.w[CORE_FORM_PHYSICAL] == 1.0);
	assert_int_equal(db_form_weight_set(f->db, CORE_FORM_PHONE, 10.5, &err),
	                 CORE_ERR_INPUT);
	assert_int_equal(db_form_weight_set(f->db, CORE_FORM_PHONE, -0.1, &err),
	                 CORE_ERR_INPUT);
	assert_int_equal(db_form_weights_get(f->db, &w, &err), CORE_OK);
	assert_true(w.w[CORE_FORM_PHONE] == 10.0);
	/* A hand edit that is no number is reported, naming the form. */
	exec(f->db, "UPDATE form_weight SET weight = 'abc' WHERE form = 'virtual'");
	assert_int_equal(db_form_weights_get(f->db, &w, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, "virtual"));
	assert_non_null(strstr(err.msg, "'abc'"));
	/* A form this build does not know is skipped. */
	exec(f->db, "UPDATE form_weight SET weight = 0.5 WHERE form = 'virtual'");
	exec(f->db, "PRAGMA ignore_check_constraints = 1");
	exec(f->db, "INSERT INTO form_weight VALUES ('hologram', 3)");
	assert_int_equal(db_form_weights_get(f->db, &w, &err), CORE_OK);
	assert_true(w.w[CORE_FORM_VIRTUAL] == 0.5);
}

static void assert_types_equal(const struct core_meeting_type *a,
                               const struct core_meeting_type *b)
{
	assert_string_equal(a->key, b->key);
	assert_string_equal(a->label, b->label);
	assert_string_equal(a->brief, b->brief);
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		assert_int_equal(a->rating[f], b->rating[f]);
}

static void test_matrix(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	static struct core_matrix def, m, got;
	assert_int_equal(core_matrix_default(&def, &err), CORE_OK);
	assert_int_equal(def.n_types, 12);
	int from_db = -1;
	assert_int_equal(db_matrix_get(f->db, &got, &from_db, &err), CORE_OK);
	assert_int_equal(from_db, 0);
	assert_int_equal(got.n_types, def.n_types);
	for (int i = 0; i < def.n_types; i++)
		assert_types_equal(&got.types[i], &def.types[i]);

	/* The team's own: two types, one renamed, one rating changed. */
	m = def;
	m.n_types = 2;
	snprintf(m.types[0].label, sizeof m.types[0].label, "Kanvas / mødebooking");
	m.types[1].rating[CORE_FORM_PHONE] = CORE_RATING_NO_GO;
	assert_int_equal(db_matrix_set(f->db, &m, &err), CORE_OK);
	assert_int_equal(db_matrix_get(f->db, &got, &from_db, &err), CORE_OK);
	assert_int_equal(from_db, 1);
	assert_int_equal(got.n_types, 2);
	assert_types_equal(&got.types[0], &m.types[0]);
	assert_types_equal(&got.types[1], &m.types[1]);

	/* A bad matrix is refused whole; the stored one stays. */
	struct core_matrix bad = def;
	snprintf(bad.types[3].key, sizeof bad.types[3].key, "%s", bad.types[0].key);
	assert_int_equal(db_matrix_set(f->db, &bad, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "twice"));
	assert_int_equal(db_matrix_get(f->db, &got, &from_db, &err), CORE_OK);
	assert_int_equal(got.n_types, 2);

	/* A rating mangled by hand names the type and the form. */
	exec(f->db, "UPDATE matrix_type SET hybrid = 'sometimes' WHERE position = 2");
	assert_int_equal(db_matrix_get(f->db, &got, &from_db, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, m.types[1].key));
	assert_non_null(strstr(err.msg, "hybrid"));
	assert_non_null(strstr(err.msg, "'sometimes'"));

	/* No types: back to the default asset. */
	m.n_types = 0;
	assert_int_equal(db_matrix_set(f->db, &m, &err), CORE_OK);
	assert_int_equal(db_matrix_get(f->db, &got, &from_db, &err), CORE_OK);
	assert_int_equal(from_db, 0);
	assert_int_equal(got.n_types, def.n_types);
}

static void add(struct fx *f, int64_t seller, int64_t at, enum core_battlefield bf,
                enum core_form form, enum core_mstatus st)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = fixture_meeting(seller, at, bf, "negotiation");
	m.account_id = f->account;
	m.form = form;
	m.status = st;
	assert_int_equal(db_meeting_insert(f->db, &m, &err), CORE_OK);
}

static void test_week_load(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	const int64_t mon = W48_MONDAY, h = 3600, d = 86400;
	add(f, f->mette, mon + 9 * h, CORE_BF_RESALE, CORE_FORM_PHYSICAL, CORE_MS_HELD);
	add(f, f->mette, mon + d + 10 * h, CORE_BF_UPSELL, CORE_FORM_VIRTUAL, CORE_MS_HELD);
	add(f, f->mette, mon + 2 * d + 8 * h, CORE_BF_NEW, CORE_FORM_HYBRID, CORE_MS_PLANNED);
	add(f, f->mette, mon + 3 * d + 8 * h, CORE_BF_NEW, CORE_FORM_PHYSICAL,
	    CORE_MS_CANCELLED);
	add(f, f->mette, mon + 7 * d - 60, CORE_BF_NEW, CORE_FORM_PHONE, CORE_MS_PLANNED);
	add(f, f->mette, mon + 7 * d, CORE_BF_NEW, CORE_FORM_PHONE, CORE_MS_PLANNED);
	add(f, f->mette, mon - 1, CORE_BF_NEW, CORE_FORM_PHONE, CORE_MS_HELD);
	add(f, f->lars, mon + 9 * h, CORE_BF_NEW, CORE_FORM_PHYSICAL, CORE_MS_HELD);
	assert_int_equal(db_target_set(f->db, 0, CORE_BF_RESALE, 2, &err), CORE_OK);
	assert_int_equal(db_target_set(f->db, 0, CORE_BF_UPSELL, 1, &err), CORE_OK);
	assert_int_equal(db_target_set(f->db, f->mette, CORE_BF_NEW, 3, &err), CORE_OK);

	struct db_week wk;
	memset(&wk, 0, sizeof wk);
	struct core_isoweek w48 = { 2026, 48 };
	assert_int_equal(db_week_load(f->db, f->mette, w48, &wk, &err), CORE_OK);
	assert_int_equal(wk.from, mon);
	assert_int_equal(wk.to, mon + 7 * d);
	assert_int_equal(wk.week.week, 48);
	assert_int_equal(wk.meetings.n, 5);
	assert_int_equal(wk.meetings.items[0].starts_at, mon + 9 * h);
	assert_string_equal(wk.meetings.items[0].account, "Køge Gruppen");
	assert_true(wk.targets.visits[CORE_BF_RESALE] == 2.0);
	assert_true(wk.targets.visits[CORE_BF_NEW] == 3.0);
	assert_true(wk.weights.w[CORE_FORM_VIRTUAL] == 0.5);
	assert_int_equal(wk.tally.total.held, 2);
	assert_int_equal(wk.tally.total.cancelled, 1);
	assert_int_equal(wk.tally.total.planned, 4);
	assert_true(wk.tally.total.visits == 1.5);
	assert_true(wk.tally.bf[CORE_BF_RESALE].visits == 1.0);
	assert_true(wk.tally.bf[CORE_BF_UPSELL].visits == 0.5);
	assert_true(wk.tally.bf[CORE_BF_NEW].target == 3.0);

	/* The next week in the same struct: memory reused, contents new. */
	struct core_isoweek w49 = { 2026, 49 };
	assert_int_equal(db_week_load(f->db, f->mette, w49, &wk, &err), CORE_OK);
	assert_int_equal(wk.meetings.n, 1);
	assert_int_equal(wk.meetings.items[0].starts_at, mon + 7 * d);
	assert_int_equal(wk.tally.total.held, 0);
	assert_int_equal(wk.tally.total.planned, 1);
	db_week_free(&wk);
	assert_null(wk.meetings.items);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_targets, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_weights, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_matrix, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_week_load, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
