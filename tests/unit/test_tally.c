/* Target against actual for a week (core/tally.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/tally.h"

static struct core_meeting meeting(enum core_battlefield bf, enum core_form form,
                                   enum core_mstatus st, enum core_dim dim)
{
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	m.battlefield = bf;
	m.form = form;
	m.status = st;
	m.dim = dim;
	m.duration_min = 60;
	return m;
}

/* Ten meetings over the three battlefields, every status and form. */
static size_t week_mix(struct core_meeting *m)
{
	size_t n = 0;
	m[n++] = meeting(CORE_BF_RESALE, CORE_FORM_PHYSICAL, CORE_MS_HELD, CORE_DIM_DELIVERY);
	m[n++] = meeting(CORE_BF_RESALE, CORE_FORM_VIRTUAL, CORE_MS_HELD, CORE_DIM_DELIVERY);
	m[n++] = meeting(CORE_BF_RESALE, CORE_FORM_PHONE, CORE_MS_PLANNED, CORE_DIM_DEVELOPMENT);
	m[n++] = meeting(CORE_BF_RESALE, CORE_FORM_HYBRID, CORE_MS_CANCELLED, CORE_DIM_DISCOVERY);
	m[n++] = meeting(CORE_BF_UPSELL, CORE_FORM_HYBRID, CORE_MS_HELD, CORE_DIM_DESTINATION);
	m[n++] = meeting(CORE_BF_UPSELL, CORE_FORM_VIRTUAL, CORE_MS_PLANNED, CORE_DIM_DELIVERY);
	m[n++] = meeting(CORE_BF_NEW, CORE_FORM_PHYSICAL, CORE_MS_PLANNED, CORE_DIM_DISCOVERY);
	m[n++] = meeting(CORE_BF_NEW, CORE_FORM_PHYSICAL, CORE_MS_CANCELLED, CORE_DIM_DELIVERY);
	m[n++] = meeting(CORE_BF_NEW, CORE_FORM_VIRTUAL, CORE_MS_HELD, CORE_DIM_DISCOVERY);
	m[n++] = meeting(CORE_BF_NEW, CORE_FORM_PHONE, CORE_MS_HELD, CORE_DIM_DELIVERY);
	return n;
}

static void assert_row(const struct core_tally_row *r, double target, int planned,
                       int held, int cancelled, double visits, double visits_planned,
                       const int by_form[CORE_FORM_COUNT])
{
	assert_true(r->target == target);
	assert_int_equal(r->planned, planned);
	assert_int_equal(r->held, held);
	assert_int_equal(r->cancelled, cancelled);
	assert_true(r->visits == visits);
	assert_true(r->visits_planned == visits_planned);
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		assert_int_equal(r->by_form[f], by_form[f]);
}

static void test_default_weights(void **state)
{
	(void)state;
	struct core_form_weights w;
	memset(&w, 0xff, sizeof w);
	core_form_weights_default(&w);
	assert_true(w.w[CORE_FORM_PHYSICAL] == 1.0);
	assert_true(w.w[CORE_FORM_HYBRID] == 1.0);
	assert_true(w.w[CORE_FORM_VIRTUAL] == 0.5);
	assert_true(w.w[CORE_FORM_PHONE] == 0.0);
}

static void test_week_mix(void **state)
{
	(void)state;
	struct core_meeting m[16];
	size_t n = week_mix(m);
	struct core_targets targets = {{2, 1, 2}};
	struct core_form_weights w;
	struct core_tally t;
	core_form_weights_default(&w);
	memset(&t, 0x5a, sizeof t);   /* the tally must not rely on a zeroed struct */
	core_tally_week(m, n, &targets, &w, &t);

	/*                                      target plan held canc visits  could  P  H  V  T */
	assert_row(&t.bf[CORE_BF_RESALE], 2, 3, 2, 1, 1.5, 1.5, (const int[]){1, 0, 1, 1});
	assert_row(&t.bf[CORE_BF_UPSELL], 1, 2, 1, 0, 1.0, 1.5, (const int[]){0, 1, 1, 0});
	assert_row(&t.bf[CORE_BF_NEW],    2, 3, 2, 1, 0.5, 1.5, (const int[]){1, 0, 1, 1});
	assert_row(&t.total,              5, 8, 5, 2, 3.0, 4.5, (const int[]){2, 1, 3, 2});

	assert_int_equal(t.by_dim[CORE_DIM_DELIVERY], 4);
	assert_int_equal(t.by_dim[CORE_DIM_DEVELOPMENT], 1);
	assert_int_equal(t.by_dim[CORE_DIM_DISCOVERY], 2);     /* the cancelled one left out */
	assert_int_equal(t.by_dim[CORE_DIM_DESTINATION], 1);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DELIVERY), 50);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DEVELOPMENT), 13);  /* 12.5 */
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DISCOVERY), 25);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DESTINATION), 13);
}

/* A team that counts virtual meetings fully and a phone call as a
 * quarter visit. */
static void test_team_weights(void **state)
{
	(void)state;
	struct core_meeting m[16];
	size_t n = week_mix(m);
	struct core_form_weights w = {{1.0, 0.75, 1.0, 0.25}};
	struct core_tally t;
	core_tally_week(m, n, NULL, &w, &t);
	assert_true(t.bf[CORE_BF_RESALE].visits == 2.0);
	assert_true(t.bf[CORE_BF_RESALE].visits_planned == 2.25);
	assert_true(t.bf[CORE_BF_UPSELL].visits == 0.75);
	assert_true(t.bf[CORE_BF_NEW].visits == 1.25);
	assert_true(t.total.visits == 4.0);
	assert_true(t.total.target == 0.0);   /* no targets given */

	/* NULL weights mean the defaults. */
	core_tally_week(m, n, NULL, NULL, &t);
	assert_true(t.total.visits == 3.0);
}

/* One held meeting moves held and visits; cancelling it moves it out of
 * planned: the panel's numbers follow each action. */
static void test_status_changes(void **state)
{
	(void)state;
	struct core_meeting m[16];
	size_t n = week_mix(m);
	struct core_targets targets = {{2, 1, 2}};
	struct core_tally t;

	m[6].status = CORE_MS_HELD;            /* the planned physical New meeting */
	core_tally_week(m, n, &targets, NULL, &t);
	assert_int_equal(t.bf[CORE_BF_NEW].held, 3);
	assert_true(t.bf[CORE_BF_NEW].visits == 1.5);
	assert_true(t.total.visits == 4.0);
	assert_int_equal(t.total.planned, 8);

	m[6].status = CORE_MS_CANCELLED;
	core_tally_week(m, n, &targets, NULL, &t);
	assert_int_equal(t.bf[CORE_BF_NEW].planned, 2);
	assert_int_equal(t.bf[CORE_BF_NEW].cancelled, 2);
	assert_int_equal(t.bf[CORE_BF_NEW].by_form[CORE_FORM_PHYSICAL], 0);
	assert_true(t.bf[CORE_BF_NEW].visits_planned == 0.5);
	assert_int_equal(t.total.planned, 7);
	assert_int_equal(t.by_dim[CORE_DIM_DISCOVERY], 1);
}

static void test_percent_rounding(void **state)
{
	(void)state;
	/* The panel in SCREENS.md: 11 meetings, 5/2/3/1 over the four D's. */
	struct core_meeting m[11];
	static const enum core_dim dims[11] = {0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 3};
	for (int i = 0; i < 11; i++)
		m[i] = meeting((enum core_battlefield)(i % 3), CORE_FORM_VIRTUAL, CORE_MS_PLANNED, dims[i]);
	struct core_tally t;
	core_tally_week(m, 11, NULL, NULL, &t);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DELIVERY), 45);     /* 45.45 */
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DEVELOPMENT), 18);  /* 18.18 */
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DISCOVERY), 27);    /* 27.27 */
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DESTINATION), 9);   /*  9.09 */

	/* 2 of 3 is 66.7 %: rounds up. */
	m[0].dim = m[1].dim = m[2].dim = CORE_DIM_DELIVERY;
	m[2].dim = CORE_DIM_DESTINATION;
	core_tally_week(m, 3, NULL, NULL, &t);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DELIVERY), 67);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DESTINATION), 33);
	assert_int_equal(core_tally_dim_percent(&t, (enum core_dim)9), 0);
}

static void test_empty_and_corrupt(void **state)
{
	(void)state;
	struct core_tally t;
	struct core_targets targets = {{3, 0, 1.5}};
	core_tally_week(NULL, 0, &targets, NULL, &t);
	assert_int_equal(t.total.planned, 0);
	assert_true(t.total.target == 4.5);
	assert_true(t.bf[CORE_BF_NEW].target == 1.5);
	for (int d = 0; d < CORE_DIM_COUNT; d++)
		assert_int_equal(core_tally_dim_percent(&t, (enum core_dim)d), 0);

	/* Out-of-range enums, as only a damaged row could give: no crash,
	 * nothing counted in a column that does not exist. */
	struct core_meeting m[3];
	m[0] = meeting((enum core_battlefield)7, CORE_FORM_PHYSICAL, CORE_MS_HELD, CORE_DIM_DELIVERY);
	m[1] = meeting(CORE_BF_UPSELL, (enum core_form)9, CORE_MS_HELD, (enum core_dim)-3);
	m[2] = meeting(CORE_BF_UPSELL, CORE_FORM_PHYSICAL, CORE_MS_HELD, CORE_DIM_DELIVERY);
	core_tally_week(m, 3, &targets, NULL, &t);
	assert_int_equal(t.total.planned, 2);
	assert_int_equal(t.total.held, 2);
	assert_true(t.total.visits == 1.0);
	assert_int_equal(t.total.by_form[CORE_FORM_PHYSICAL], 1);
	assert_int_equal(t.by_dim[CORE_DIM_DELIVERY], 1);
	assert_int_equal(core_tally_dim_percent(&t, CORE_DIM_DELIVERY), 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_weights),
		cmocka_unit_test(test_week_mix),
		cmocka_unit_test(test_team_weights),
		cmocka_unit_test(test_status_changes),
		cmocka_unit_test(test_percent_rounding),
		cmocka_unit_test(test_empty_and_corrupt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
