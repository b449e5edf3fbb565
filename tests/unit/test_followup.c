/* Follow-up actions in core (core/followup.h): the due buckets at their
 * edges, the order of the follow-ups screen, the overdue count and the
 * growable list. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/calendar.h"
#include "core/followup.h"

static int64_t day(int y, int m, int d)
{
	struct core_date c = {y, m, d};
	return core_days_from_date(c);
}

/* 2026-11-23 is a Monday, 2026-11-29 the Sunday of its ISO week. */
#define MON day(2026, 11, 23)
#define SUN day(2026, 11, 29)

static void test_bucket_edges(void **state)
{
	(void)state;
	/* From a Monday. */
	assert_int_equal(core_due_bucket_of(MON - 1, MON), CORE_DUE_OVERDUE);
	assert_int_equal(core_due_bucket_of(MON - 400, MON), CORE_DUE_OVERDUE);
	assert_int_equal(core_due_bucket_of(MON, MON), CORE_DUE_THIS_WEEK);
	assert_int_equal(core_due_bucket_of(SUN, MON), CORE_DUE_THIS_WEEK);
	assert_int_equal(core_due_bucket_of(SUN + 1, MON), CORE_DUE_LATER);
	/* From the Sunday itself: the week is one day long. */
	assert_int_equal(core_due_bucket_of(SUN - 1, SUN), CORE_DUE_OVERDUE);
	assert_int_equal(core_due_bucket_of(SUN, SUN), CORE_DUE_THIS_WEEK);
	assert_int_equal(core_due_bucket_of(SUN + 1, SUN), CORE_DUE_LATER);
	/* Across a year's end: Thu 2026-12-31, its week ends Sun 2027-01-03. */
	int64_t thu = day(2026, 12, 31);
	assert_int_equal(core_due_bucket_of(day(2027, 1, 3), thu), CORE_DUE_THIS_WEEK);
	assert_int_equal(core_due_bucket_of(day(2027, 1, 4), thu), CORE_DUE_LATER);
	assert_int_equal(core_due_bucket_of(day(2026, 12, 30), thu), CORE_DUE_OVERDUE);

	/* Every today of a week against every due of three weeks around it. */
	for (int64_t today = MON; today <= SUN; today++) {
		for (int64_t due = MON - 7; due <= SUN + 7; due++) {
			enum core_due_bucket want = due < today ? CORE_DUE_OVERDUE
			                            : due <= SUN ? CORE_DUE_THIS_WEEK
			                            : CORE_DUE_LATER;
			assert_int_equal(core_due_bucket_of(due, today), want);
		}
	}
}

static struct core_action action(int64_t id, const char *account, int64_t due, int done)
{
	struct core_action a;
	memset(&a, 0, sizeof a);
	a.id = id;
	snprintf(a.account, sizeof a.account, "%s", account);
	snprintf(a.text, sizeof a.text, "action %lld", (long long)id);
	a.due = due;
	a.done = done;
	return a;
}

static void test_sort_order(void **state)
{
	(void)state;
	struct core_action_list l = {0};
	const struct core_action in[] = {
		action(1, "Vestfjord AS", SUN + 3, 0),       /* later */
		action(2, "Østerbro Hus", MON, 0),           /* this week, today */
		action(3, "Brødrene Hansen", MON - 10, 0),   /* overdue, oldest */
		action(4, "acme", MON, 0),                   /* tie on due: by account */
		action(5, "Acme", MON, 0),                   /* same account, case */
		action(6, "Vestfjord AS", MON - 1, 1),       /* done: last */
		action(7, "Brødrene Hansen", MON - 1, 0),    /* overdue, yesterday */
		action(8, "Acme", SUN, 0),                   /* this week, Sunday */
		action(9, "Acme", MON, 0),                   /* tie on account: by id */
		action(10, "Vestfjord AS", MON - 30, 1),     /* done, older */
	};
	/* Pushed in reverse so the sort has work to do. */
	for (size_t i = sizeof in / sizeof in[0]; i-- > 0;)
		assert_non_null(core_action_list_push(&l, &in[i]));
	core_action_list_sort(&l);

	static const int64_t want[] = {3, 7, 4, 5, 9, 2, 8, 1, 10, 6};
	assert_int_equal(l.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(l.items[i].id, want[i]);
		/* Whole actions moved, not just ids. */
		char text[32];
		snprintf(text, sizeof text, "action %lld", (long long)want[i]);
		assert_string_equal(l.items[i].text, text);
	}
	/* The open ones go overdue, this week, later, for this and every
	 * other today: the order does not depend on the day. */
	for (int64_t today = MON - 12; today <= SUN + 5; today++) {
		enum core_due_bucket prev = CORE_DUE_OVERDUE;
		for (size_t i = 0; i < 8; i++) {
			enum core_due_bucket b = core_due_bucket_of(l.items[i].due, today);
			assert_true(b >= prev);
			prev = b;
		}
	}
	core_action_list_free(&l);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	core_action_list_free(&l);
	core_action_list_free(NULL);

	/* Nothing and one are left alone. */
	core_action_sort(NULL, 0);
	struct core_action one = action(1, "x", MON, 0);
	core_action_sort(&one, 1);
	assert_int_equal(one.id, 1);
}

/* A larger shuffled list: sorted, and every action still there once. */
static void test_sort_many(void **state)
{
	(void)state;
	enum { N = 3000 };
	struct core_action_list l = {0};
	static const char *const accounts[] = {"Acme", "Brødrene Hansen", "Østerbro Hus",
	                                       "Vestfjord AS", "acme"};
	unsigned seed = 12345;
	for (int i = 1; i <= N; i++) {
		seed = seed * 1103515245u + 12345u;
		int64_t due = MON - 50 + (int64_t)((seed >> 8) % 100);
		struct core_action a = action(i, accounts[(seed >> 20) % 5], due,
		                              (seed >> 4) % 7 == 0);
		assert_non_null(core_action_list_push(&l, &a));
	}
	assert_true(l.cap >= N);
	core_action_list_sort(&l);
	unsigned char *seen = calloc(N + 1, 1);
	assert_non_null(seen);
	for (size_t i = 0; i < l.n; i++) {
		const struct core_action *a = &l.items[i];
		assert_true(a->id >= 1 && a->id <= N);
		assert_int_equal(seen[a->id], 0);
		seen[a->id] = 1;
		char text[32];
		snprintf(text, sizeof text, "action %lld", (long long)a->id);
		assert_string_equal(a->text, text);
		if (i == 0)
			continue;
		const struct core_action *p = &l.items[i - 1];
		assert_true(p->done <= a->done);
		if (p->done == a->done) {
			assert_true(p->due <= a->due);
			if (p->due == a->due)
				assert_true(strcasecmp(p->account, a->account) <= 0);
			if (p->due == a->due && strcasecmp(p->account, a->account) == 0)
				assert_true(p->id < a->id);
		}
	}
	free(seen);
	core_action_list_free(&l);
}

static void test_overdue_count(void **state)
{
	(void)state;
	const struct core_action a[] = {
		action(1, "A", MON - 1, 0),   /* overdue */
		action(2, "A", MON - 9, 0),   /* overdue */
		action(3, "A", MON - 9, 1),   /* done: not */
		action(4, "A", MON, 0),       /* due today: not yet */
		action(5, "A", SUN + 1, 0),
	};
	assert_int_equal(core_action_overdue_count(a, 5, MON), 2);
	assert_int_equal(core_action_overdue_count(a, 5, MON + 1), 3);
	assert_int_equal(core_action_overdue_count(a, 5, SUN + 2), 4);
	assert_int_equal(core_action_overdue_count(a, 5, MON - 9), 0);
	assert_int_equal(core_action_overdue_count(a, 0, MON), 0);
	assert_int_equal(core_action_overdue_count(NULL, 0, MON), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bucket_edges),
		cmocka_unit_test(test_sort_order),
		cmocka_unit_test(test_sort_many),
		cmocka_unit_test(test_overdue_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
