/* Due dates (core/due.h): every accepted form against fixed days, month
 * clamping, year ends, each weekday name on each weekday, the messages for
 * bad input (nothing set), and the short texts of core_due_format. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/due.h"

static int64_t day(int y, int m, int d)
{
	struct core_date c = {y, m, d};
	return core_days_from_date(c);
}

/* 2026-11-23 is a Monday, 2026-11-29 the Sunday of its ISO week. */
#define MON day(2026, 11, 23)

#define UNSET ((int64_t)-123456789)

static int64_t parse_ok(const char *text, int64_t today)
{
	struct core_error err = { CORE_OK, "" };
	int64_t due = UNSET;
	enum core_status st = core_due_parse(text, today, &due, &err);
	if (st != CORE_OK)
		fail_msg("'%s': %s", text, err.msg);
	assert_int_not_equal(due, UNSET);
	return due;
}

/* Parses text expecting CORE_ERR_INPUT with nothing set; returns the
 * message in a static buffer. */
static const char *parse_bad(const char *text, int64_t today)
{
	static struct core_error err;
	core_error_clear(&err);
	int64_t due = UNSET;
	assert_int_equal(core_due_parse(text, today, &due, &err), CORE_ERR_INPUT);
	assert_int_equal(err.code, CORE_ERR_INPUT);
	assert_int_equal(due, UNSET);
	return err.msg;
}

static void test_iso_date(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2026-12-01", MON), day(2026, 12, 1));
	assert_int_equal(parse_ok("  2026-12-01 \t", MON), day(2026, 12, 1));
	/* A past day is a day: the seller may log last week's meeting. */
	assert_int_equal(parse_ok("2026-11-02", MON), day(2026, 11, 2));
	assert_int_equal(parse_ok("2028-02-29", MON), day(2028, 2, 29));
	assert_int_equal(parse_ok("9999-12-31", MON), day(9999, 12, 31));

	/* Shaped like a date: the date parser's own words. */
	assert_string_equal(parse_bad("2026-02-30", MON),
	                    "bad date '2026-02-30': February 2026 has 28 days");
	assert_string_equal(parse_bad("2026-13-01", MON),
	                    "bad date '2026-13-01': month must be 01..12");
	assert_non_null(strstr(parse_bad("2026-1-5", MON), "expected YYYY-MM-DD"));

	/* Every day of three years goes through its own ISO text. */
	for (int64_t d = day(2026, 1, 1); d < day(2029, 1, 1); d++) {
		char buf[16];
		core_date_format(core_date_from_days(d), buf, sizeof buf);
		assert_int_equal(parse_ok(buf, MON), d);
	}
}

static void test_words(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("today", MON), MON);
	assert_int_equal(parse_ok("TODAY", MON), MON);
	assert_int_equal(parse_ok(" Today\n", MON), MON);
	assert_int_equal(parse_ok("tomorrow", MON), MON + 1);
	assert_int_equal(parse_ok("ToMoRrOw", MON), MON + 1);
	assert_int_equal(parse_ok("i dag", MON), MON);
	assert_int_equal(parse_ok("idag", MON), MON);
	assert_int_equal(parse_ok("I MORGEN", MON), MON + 1);
	assert_int_equal(parse_ok("i   morgen", MON), MON + 1);
	assert_int_equal(parse_ok("imorgen", MON), MON + 1);
	/* Across a year's end. */
	assert_int_equal(parse_ok("tomorrow", day(2026, 12, 31)), day(2027, 1, 1));
}

static void test_offsets(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("+3d", MON), day(2026, 11, 26));
	assert_int_equal(parse_ok("3d", MON), day(2026, 11, 26));
	assert_int_equal(parse_ok("+3", MON), day(2026, 11, 26));
	assert_int_equal(parse_ok("+3D", MON), day(2026, 11, 26));
	assert_int_equal(parse_ok("+ 3d", MON), day(2026, 11, 26));
	assert_int_equal(parse_ok("3 days", MON), day(2026, 11, 26));
	assert_int_equal(parse_ok("+1 day", MON), day(2026, 11, 24));
	assert_int_equal(parse_ok("+0d", MON), MON);
	assert_int_equal(parse_ok("10 dage", MON), day(2026, 12, 3));
	assert_int_equal(parse_ok("10 dager", MON), day(2026, 12, 3));
	assert_int_equal(parse_ok("+2w", MON), day(2026, 12, 7));
	assert_int_equal(parse_ok("2w", MON), day(2026, 12, 7));
	assert_int_equal(parse_ok("2 weeks", MON), day(2026, 12, 7));
	assert_int_equal(parse_ok("+1 week", MON), day(2026, 11, 30));
	assert_int_equal(parse_ok("2 uger", MON), day(2026, 12, 7));
	assert_int_equal(parse_ok("2 UKER", MON), day(2026, 12, 7));
	assert_int_equal(parse_ok("+1m", MON), day(2026, 12, 23));
	assert_int_equal(parse_ok("1m", MON), day(2026, 12, 23));
	assert_int_equal(parse_ok("+2 months", MON), day(2027, 1, 23));
	assert_int_equal(parse_ok("1 måned", MON), day(2026, 12, 23));
	assert_int_equal(parse_ok("1 MÅNED", MON), day(2026, 12, 23));
	assert_int_equal(parse_ok("+9999d", MON), MON + 9999);

	/* Across year ends. */
	assert_int_equal(parse_ok("+3d", day(2026, 12, 30)), day(2027, 1, 2));
	assert_int_equal(parse_ok("+1w", day(2026, 12, 28)), day(2027, 1, 4));
	assert_int_equal(parse_ok("+1m", day(2026, 12, 15)), day(2027, 1, 15));
	assert_int_equal(parse_ok("+14m", day(2026, 11, 23)), day(2028, 1, 23));
}

static void test_month_clamping(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("+1m", day(2026, 1, 31)), day(2026, 2, 28));
	assert_int_equal(parse_ok("+1m", day(2028, 1, 31)), day(2028, 2, 29));
	assert_int_equal(parse_ok("+1m", day(2026, 3, 31)), day(2026, 4, 30));
	assert_int_equal(parse_ok("+2m", day(2026, 12, 31)), day(2027, 2, 28));
	assert_int_equal(parse_ok("+3m", day(2026, 11, 30)), day(2027, 2, 28));
	assert_int_equal(parse_ok("+12m", day(2028, 2, 29)), day(2029, 2, 28));
	assert_int_equal(parse_ok("+48m", day(2028, 2, 29)), day(2032, 2, 29));
	/* Clamping is per step from today, not cumulative. */
	assert_int_equal(parse_ok("+2m", day(2026, 1, 31)), day(2026, 3, 31));
	assert_int_equal(parse_ok("+1m", day(2026, 2, 28)), day(2026, 3, 28));
}

static void test_weekdays_on_each_weekday(void **state)
{
	(void)state;
	static const char *const names[7][6] = {
		{"mon", "monday", "Mon", "MONDAY", "man", "mandag"},
		{"tue", "tuesday", "tues", "Tue", "tir", "tirsdag"},
		{"wed", "wednesday", "WED", "Wednesday", "ons", "onsdag"},
		{"thu", "thursday", "thur", "thurs", "tor", "Torsdag"},
		{"fri", "friday", "Fri", "FRIDAY", "fre", "fredag"},
		{"sat", "saturday", "Sat", "lør", "lørdag", "LØRDAG"},
		{"sun", "sunday", "Sun", "søn", "søndag", "SØNDAG"},
	};
	for (int64_t today = MON; today < MON + 7; today++) {
		for (int wd = 1; wd <= 7; wd++) {
			for (int k = 0; k < 6; k++) {
				int64_t due = parse_ok(names[wd - 1][k], today);
				/* The next such day, strictly after today. */
				assert_int_equal(core_weekday(due), wd);
				assert_true(due > today);
				assert_true(due <= today + 7);
			}
		}
	}
	/* The same fact, spelled out. */
	assert_int_equal(parse_ok("mon", MON), day(2026, 11, 30));
	assert_int_equal(parse_ok("tue", MON), day(2026, 11, 24));
	assert_int_equal(parse_ok("fri", MON), day(2026, 11, 27));
	assert_int_equal(parse_ok("sun", MON), day(2026, 11, 29));
	assert_int_equal(parse_ok("fri", day(2026, 11, 27)), day(2026, 12, 4));
	assert_int_equal(parse_ok("thu", day(2026, 11, 27)), day(2026, 12, 3));
	assert_int_equal(parse_ok("sat", day(2026, 11, 27)), day(2026, 11, 28));
	assert_int_equal(parse_ok("fri", day(2026, 12, 30)), day(2027, 1, 1));
}

static void test_week_words(void **state)
{
	(void)state;
	/* next week: the Monday of the next ISO week, from every day. */
	for (int64_t today = MON; today < MON + 7; today++) {
		assert_int_equal(parse_ok("next week", today), day(2026, 11, 30));
		assert_int_equal(parse_ok("Next  Week", today), day(2026, 11, 30));
		assert_int_equal(parse_ok("næste uge", today), day(2026, 11, 30));
		assert_int_equal(parse_ok("NÆSTE UGE", today), day(2026, 11, 30));
		assert_int_equal(parse_ok("neste uke", today), day(2026, 11, 30));
	}
	assert_int_equal(parse_ok("next week", day(2026, 12, 31)), day(2027, 1, 4));

	/* End of week: this Friday, today on a Friday, the coming one at the
	 * weekend. */
	assert_int_equal(parse_ok("eow", MON), day(2026, 11, 27));
	assert_int_equal(parse_ok("end of week", day(2026, 11, 25)), day(2026, 11, 27));
	assert_int_equal(parse_ok("End of the week", day(2026, 11, 26)), day(2026, 11, 27));
	assert_int_equal(parse_ok("EOW", day(2026, 11, 27)), day(2026, 11, 27));
	assert_int_equal(parse_ok("eow", day(2026, 11, 28)), day(2026, 12, 4));
	assert_int_equal(parse_ok("eow", day(2026, 11, 29)), day(2026, 12, 4));
	assert_int_equal(parse_ok("eow", day(2027, 1, 2)), day(2027, 1, 8));
}

static void test_bad_input(void **state)
{
	(void)state;
	static const char expected[] =
		"expected 2026-12-01, today, +3d, +2w, +1m, fri or next week";
	char want[256];

	snprintf(want, sizeof want, "bad due date 'frday': %s", expected);
	assert_string_equal(parse_bad("frday", MON), want);
	/* Quoted as typed, without the blanks around it. */
	snprintf(want, sizeof want, "bad due date 'Frday': %s", expected);
	assert_string_equal(parse_bad("  Frday \t", MON), want);
	snprintf(want, sizeof want, "bad due date 'fredagx': %s", expected);
	assert_string_equal(parse_bad("fredagx", MON), want);
	snprintf(want, sizeof want, "no due date given: %s", expected);
	assert_string_equal(parse_bad("", MON), want);
	assert_string_equal(parse_bad("   ", MON), want);
	assert_string_equal(parse_bad(NULL, MON), want);

	static const char *const bad[] = {
		"3", "+", "+d", "3x", "+3x", "-3d", "3 d d", "next", "week", "next friday",
		"tomorow", "fri day", "2026", "20261201", "1/12", "today!", "+3dd", "m",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(want, sizeof want, "bad due date '%s': %s", bad[i], expected);
		assert_string_equal(parse_bad(bad[i], MON), want);
	}

	/* A long text is quoted cut short, still valid UTF-8. */
	char long_text[200];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	const char *msg = parse_bad(long_text, MON);
	assert_true(strncmp(msg, "bad due date 'xxxx", 18) == 0);
	assert_true(strlen(msg) < 160);
	assert_non_null(strstr(msg, expected));
	const char *ae = "æææææææææææææææææææææææææææææææææææææææææææææ";
	msg = parse_bad(ae, MON);
	/* 47 bytes of room cut at a character boundary: 23 æ. */
	assert_true(strncmp(msg, "bad due date 'æææ", 17) == 0);
	assert_non_null(strstr(msg, "ææ': expected"));

	/* Counts and results past what a calendar holds. */
	assert_string_equal(parse_bad("+10000d", MON),
	                    "bad due date '+10000d': at most 9999 days, weeks or "
	                    "months ahead");
	assert_string_equal(parse_bad("+3d", day(9999, 12, 30)),
	                    "bad due date '+3d': past 9999-12-31");
	assert_string_equal(parse_bad("+7m", day(9999, 6, 1)),
	                    "bad due date '+7m': past 9999-12-31");
	assert_int_equal(parse_ok("+6m", day(9999, 6, 1)), day(9999, 12, 1));
	assert_non_null(strstr(parse_bad("today", INT64_MAX), "outside the years"));
}

static void fmt(int64_t due, int64_t today, const char *want)
{
	char buf[32];
	memset(buf, '#', sizeof buf);
	core_due_format(due, today, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void test_format(void **state)
{
	(void)state;
	fmt(MON, MON, "today");
	fmt(MON + 1, MON, "tomorrow");
	fmt(MON - 1, MON, "yesterday");
	fmt(MON - 2, MON, "2 days overdue");
	fmt(MON - 400, MON, "400 days overdue");
	fmt(MON + 2, MON, "Wed 25 Nov");
	fmt(MON + 4, MON, "Fri 27 Nov");
	fmt(MON + 40, MON, "Sat 2 Jan");
	fmt(MON + 182, MON, "Mon 24 May");
	fmt(MON + 183, MON, "25 May 2027");
	fmt(day(2030, 1, 1), MON, "1 Jan 2030");
	fmt(day(2027, 1, 1), day(2026, 12, 31), "tomorrow");
	fmt(day(2026, 12, 31), day(2027, 1, 1), "yesterday");
	/* Days only a damaged database holds: clamped, never garbage. */
	fmt(INT64_MAX, MON, "31 Dec 9999");
	fmt(INT64_MIN, MON, "739942 days overdue");

	/* Cut to the buffer, always terminated; n 0 writes nothing. */
	char buf[8];
	memset(buf, '#', sizeof buf);
	core_due_format(MON - 5, MON, buf, 4);
	assert_string_equal(buf, "5 d");
	memset(buf, '#', sizeof buf);
	core_due_format(MON, MON, buf, 0);
	assert_int_equal(buf[0], '#');
	core_due_format(MON, MON, NULL, 8);

	/* 24 bytes hold every result in range. */
	char big[64];
	core_due_format(day(9999, 12, 31), day(1, 1, 1), big, sizeof big);
	assert_true(strlen(big) < 24);
	core_due_format(day(1, 1, 1), day(9999, 12, 31), big, sizeof big);
	assert_true(strlen(big) < 24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_date),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_month_clamping),
		cmocka_unit_test(test_weekdays_on_each_weekday),
		cmocka_unit_test(test_week_words),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
