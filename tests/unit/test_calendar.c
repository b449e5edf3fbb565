/* Calendar maths (core/calendar.h): civil dates, ISO weeks, parsing and
 * local time. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"

static int64_t days(int y, int m, int d)
{
	struct core_date date = {y, m, d};
	return core_days_from_date(date);
}

static struct core_isoweek week_of(int y, int m, int d)
{
	return core_isoweek_of(days(y, m, d));
}

static void assert_week(struct core_isoweek w, int year, int week)
{
	assert_int_equal(w.year, year);
	assert_int_equal(w.week, week);
}

static void test_known_days(void **state)
{
	(void)state;
	assert_int_equal(days(1970, 1, 1), 0);
	assert_int_equal(days(1970, 1, 2), 1);
	assert_int_equal(days(1969, 12, 31), -1);
	assert_int_equal(days(2000, 3, 1), 11017);
	assert_int_equal(days(2026, 11, 23), 20780);
	assert_int_equal(days(1, 1, 1), -719162);
	assert_int_equal(days(9999, 12, 31), 2932896);
	assert_int_equal(core_weekday(0), 4);                    /* Thursday */
	assert_int_equal(core_weekday(days(2026, 11, 23)), 1);   /* Monday */
	assert_int_equal(core_weekday(days(1969, 12, 28)), 7);   /* Sunday */
	assert_int_equal(core_weekday(days(1, 1, 1)), 1);        /* Monday */
}

/* Every day from 1900 to 2100: the date comes back, days are consecutive,
 * the calendar fields step as a calendar does, weekdays cycle. */
static void test_round_trip_1900_2100(void **state)
{
	(void)state;
	int64_t first = days(1900, 1, 1), last = days(2100, 12, 31);
	struct core_date prev = core_date_from_days(first - 1);
	assert_int_equal(prev.year, 1899);
	assert_int_equal(prev.month, 12);
	assert_int_equal(prev.day, 31);
	int64_t count = 0;
	for (int64_t n = first; n <= last; n++, count++) {
		struct core_date d = core_date_from_days(n);
		assert_true(core_date_valid(d));
		assert_int_equal(core_days_from_date(d), n);
		if (d.day != 1) {
			assert_int_equal(d.day, prev.day + 1);
			assert_int_equal(d.month, prev.month);
		} else if (d.month != 1) {
			assert_int_equal(d.month, prev.month + 1);
		} else {
			assert_int_equal(d.year, prev.year + 1);
		}
		assert_int_equal(core_weekday(n), (core_weekday(n - 1) % 7) + 1);
		prev = d;
	}
	/* 201 years, 49 leap years (1900 and 2100 are not). */
	assert_int_equal(count, 201 * 365 + 49);
}

static void test_round_trip_far(void **state)
{
	(void)state;
	/* Sparse steps over the whole supported range, including negative
	 * day numbers and 400-year era boundaries. */
	for (int64_t n = days(1, 1, 1); n <= days(9999, 12, 31); n += 997) {
		struct core_date d = core_date_from_days(n);
		assert_true(core_date_valid(d));
		assert_int_equal(core_days_from_date(d), n);
	}
	struct core_date d = core_date_from_days(days(1600, 2, 29));
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
}

static void test_date_valid(void **state)
{
	(void)state;
	struct core_date ok[] = {{2024, 2, 29}, {2000, 2, 29}, {2026, 12, 31}, {1, 1, 1}};
	struct core_date bad[] = {{2026, 2, 29}, {1900, 2, 29}, {2026, 4, 31},
	                          {2026, 13, 1}, {2026, 0, 10}, {0, 1, 1}, {10000, 1, 1}};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		assert_true(core_date_valid(ok[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(core_date_valid(bad[i]));
}

static void test_isoweek_edges(void **state)
{
	(void)state;
	assert_week(week_of(2026, 11, 23), 2026, 48);
	assert_week(week_of(2026, 11, 29), 2026, 48);    /* Sunday */
	assert_week(week_of(2026, 11, 30), 2026, 49);
	/* 2026-W01 starts on Monday 2025-12-29. */
	assert_week(week_of(2025, 12, 28), 2025, 52);
	assert_week(week_of(2025, 12, 29), 2026, 1);
	assert_week(week_of(2026, 1, 1), 2026, 1);
	/* 2026 has 53 weeks: 1 January 2027 (a Friday) is in 2026-W53. */
	assert_week(week_of(2026, 12, 28), 2026, 53);
	assert_week(week_of(2027, 1, 1), 2026, 53);
	assert_week(week_of(2027, 1, 3), 2026, 53);
	assert_week(week_of(2027, 1, 4), 2027, 1);
	/* 2020-W53 runs into 2021: 3 January 2021 (a Sunday) is in it. */
	assert_week(week_of(2020, 12, 31), 2020, 53);
	assert_week(week_of(2021, 1, 3), 2020, 53);
	assert_week(week_of(2021, 1, 4), 2021, 1);
	/* And the other way: 31 December in week 1 of the next year. */
	assert_week(week_of(2024, 12, 30), 2025, 1);
	assert_week(week_of(2019, 12, 31), 2020, 1);
	assert_week(week_of(2008, 12, 29), 2009, 1);
	assert_week(week_of(2010, 1, 3), 2009, 53);

	struct core_isoweek w = {2026, 1};
	assert_int_equal(core_isoweek_monday(w), days(2025, 12, 29));
	w.year = 2020;
	w.week = 53;
	assert_int_equal(core_isoweek_monday(w), days(2020, 12, 28));
	w.year = 2026;
	w.week = 48;
	assert_int_equal(core_isoweek_monday(w), days(2026, 11, 23));
}

static void test_isoweek_monday_round_trip(void **state)
{
	(void)state;
	for (int y = 1900; y <= 2100; y++) {
		int n = core_isoweek_count(y);
		for (int k = 1; k <= n; k++) {
			struct core_isoweek w = {y, k};
			int64_t mon = core_isoweek_monday(w);
			assert_int_equal(core_weekday(mon), 1);
			assert_week(core_isoweek_of(mon), y, k);
			assert_week(core_isoweek_of(mon + 6), y, k);
		}
	}
}

static void test_isoweek_count(void **state)
{
	(void)state;
	static const int long_years[] = {1903, 1908, 2004, 2009, 2015, 2020, 2026, 2032, 2037};
	for (size_t i = 0; i < sizeof long_years / sizeof long_years[0]; i++)
		assert_int_equal(core_isoweek_count(long_years[i]), 53);
	static const int short_years[] = {1900, 2000, 2021, 2024, 2025, 2027, 2100};
	for (size_t i = 0; i < sizeof short_years / sizeof short_years[0]; i++)
		assert_int_equal(core_isoweek_count(short_years[i]), 52);
	/* 71 long years in 400 (the Gregorian cycle). */
	int longs = 0;
	for (int y = 2000; y < 2400; y++)
		longs += core_isoweek_count(y) == 53;
	assert_int_equal(longs, 71);
}

static void test_isoweek_add(void **state)
{
	(void)state;
	struct core_isoweek w = {2026, 52};
	assert_week(core_isoweek_add(w, 1), 2026, 53);
	assert_week(core_isoweek_add(w, 2), 2027, 1);
	assert_week(core_isoweek_add(w, 0), 2026, 52);
	w.year = 2025;
	w.week = 52;
	assert_week(core_isoweek_add(w, 1), 2026, 1);      /* 2025 has 52 */
	w.year = 2021;
	w.week = 1;
	assert_week(core_isoweek_add(w, -1), 2020, 53);
	assert_week(core_isoweek_add(w, -53), 2020, 1);
	w.year = 2026;
	w.week = 48;
	assert_week(core_isoweek_add(w, 52 * 10), 2036, 46);  /* 2026 and 2032 have 53 */
	assert_week(core_isoweek_add(core_isoweek_add(w, 1000), -1000), 2026, 48);
}

static void test_isoweek_parse_format(void **state)
{
	(void)state;
	struct core_isoweek w = {0, 0}, base = {2025, 10};
	struct core_error err;
	char buf[16];

	static const char *const same[] = {"2026-W48", "2026W48", "2026-w48", "2026w48"};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		memset(&w, 0, sizeof w);
		assert_int_equal(core_isoweek_parse(same[i], NULL, &w, &err), CORE_OK);
		assert_week(w, 2026, 48);
	}
	assert_int_equal(core_isoweek_parse("2026-W53", NULL, &w, &err), CORE_OK);
	assert_week(w, 2026, 53);
	assert_int_equal(core_isoweek_parse("2026-W1", NULL, &w, &err), CORE_OK);
	assert_week(w, 2026, 1);
	assert_int_equal(core_isoweek_parse("48", &base, &w, &err), CORE_OK);
	assert_week(w, 2025, 48);
	assert_int_equal(core_isoweek_parse("W7", &base, &w, &err), CORE_OK);
	assert_week(w, 2025, 7);

	core_isoweek_format(w, buf, sizeof buf);
	assert_string_equal(buf, "2025-W07");
	w.year = 2026;
	w.week = 48;
	core_isoweek_format(w, buf, 9);
	assert_string_equal(buf, "2026-W48");

	struct core_isoweek keep = {1999, 9};
	w = keep;
	assert_int_equal(core_isoweek_parse("2026-W54", NULL, &w, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad week '2026-W54': 2026 has 53 weeks");
	assert_int_equal(err.code, CORE_ERR_INPUT);
	assert_week(w, 1999, 9);   /* untouched */
	assert_int_equal(core_isoweek_parse("2025-W53", NULL, &w, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad week '2025-W53': 2025 has 52 weeks");
	assert_int_equal(core_isoweek_parse("2026-W00", NULL, &w, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad week '2026-W00': weeks count from 1");
	assert_int_equal(core_isoweek_parse("53", &base, &w, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad week '53': 2025 has 52 weeks");

	static const char *const bad[] = {"foo", "", "2026", "2026-48", "2026-W", "2026-W480",
	                                  "2026-W48x", "26-W48", "-2026-W01", "48", "W48"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(core_isoweek_parse(bad[i], NULL, &w, &err), CORE_ERR_INPUT);
		assert_non_null(strstr(err.msg, "expected YYYY-Www"));
		assert_non_null(strstr(err.msg, bad[i]));
	}
	assert_int_equal(core_isoweek_parse("foo", &base, &w, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad week 'foo': expected YYYY-Www, e.g. 2026-W48");
	assert_week(w, 1999, 9);
}

static void test_date_parse_format(void **state)
{
	(void)state;
	struct core_date d = {0, 0, 0};
	struct core_error err;
	char buf[16];

	assert_int_equal(core_date_parse("2026-11-23", &d, &err), CORE_OK);
	assert_int_equal(d.year, 2026);
	assert_int_equal(d.month, 11);
	assert_int_equal(d.day, 23);
	assert_int_equal(core_date_parse("2024-02-29", &d, &err), CORE_OK);
	core_date_format(d, buf, sizeof buf);
	assert_string_equal(buf, "2024-02-29");
	struct core_date first = {1, 1, 1};
	core_date_format(first, buf, sizeof buf);
	assert_string_equal(buf, "0001-01-01");

	static const struct {
		const char *text, *msg;
	} bad[] = {
		{"2026-02-30", "bad date '2026-02-30': February 2026 has 28 days"},
		{"2023-02-29", "bad date '2023-02-29': February 2023 has 28 days"},
		{"1900-02-29", "bad date '1900-02-29': February 1900 has 28 days"},
		{"2026-04-31", "bad date '2026-04-31': April 2026 has 30 days"},
		{"2026-01-00", "bad date '2026-01-00': day must be 01..31"},
		{"2026-13-01", "bad date '2026-13-01': month must be 01..12"},
		{"2026-00-10", "bad date '2026-00-10': month must be 01..12"},
		{"0000-01-01", "bad date '0000-01-01': year must be 0001..9999"},
		{"26-11-23", "bad date '26-11-23': expected YYYY-MM-DD, e.g. 2026-11-23"},
		{"2026-1-23", "bad date '2026-1-23': expected YYYY-MM-DD, e.g. 2026-11-23"},
		{"2026/11/23", "bad date '2026/11/23': expected YYYY-MM-DD, e.g. 2026-11-23"},
		{"2026-11-23x", "bad date '2026-11-23x': expected YYYY-MM-DD, e.g. 2026-11-23"},
		{"", "bad date '': expected YYYY-MM-DD, e.g. 2026-11-23"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct core_date keep = {7, 7, 7};
		d = keep;
		assert_int_equal(core_date_parse(bad[i].text, &d, &err), CORE_ERR_INPUT);
		assert_string_equal(err.msg, bad[i].msg);
		assert_int_equal(d.year, 7);
	}
}

static void test_time_parse(void **state)
{
	(void)state;
	struct core_error err;
	int min = -1;
	static const struct {
		const char *text;
		int minutes;
	} ok[] = {{"09:30", 570}, {"9:30", 570}, {"0930", 570}, {"00:00", 0},
	          {"23:59", 1439}, {"2359", 1439}, {"12:05", 725}};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(core_time_parse(ok[i].text, &min, &err), CORE_OK);
		assert_int_equal(min, ok[i].minutes);
	}
	static const struct {
		const char *text, *msg;
	} bad[] = {
		{"24:00", "bad time '24:00': hour must be 00..23"},
		{"2400", "bad time '2400': hour must be 00..23"},
		{"10:60", "bad time '10:60': minutes must be 00..59"},
		{"9:5", "bad time '9:5': expected HH:MM, e.g. 09:30"},
		{"930", "bad time '930': expected HH:MM, e.g. 09:30"},
		{"ab:cd", "bad time 'ab:cd': expected HH:MM, e.g. 09:30"},
		{"10:30pm", "bad time '10:30pm': expected HH:MM, e.g. 09:30"},
		{"-1:00", "bad time '-1:00': expected HH:MM, e.g. 09:30"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		min = -7;
		assert_int_equal(core_time_parse(bad[i].text, &min, &err), CORE_ERR_INPUT);
		assert_string_equal(err.msg, bad[i].msg);
		assert_int_equal(min, -7);
	}
}

static void test_duration_parse(void **state)
{
	(void)state;
	struct core_error err;
	int min = -1;
	static const struct {
		const char *text;
		int minutes;
	} ok[] = {{"1:00", 60}, {"90", 90}, {"90m", 90}, {"1h", 60}, {"1h30", 90},
	          {"1h30m", 90}, {"0:45", 45}, {"2h5", 125}, {"1", 1}, {"24h", 1440},
	          {"1440", 1440}, {"0h15", 15}};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(core_duration_parse(ok[i].text, &min, &err), CORE_OK);
		assert_int_equal(min, ok[i].minutes);
	}
	static const char range[] = "must be 1 minute to 24 hours";
	static const char form[] = "expected minutes (90, 90m) or hours (1h, 1h30, 1:30)";
	static const struct {
		const char *text, *why;
	} bad[] = {
		{"0", range}, {"0m", range}, {"1441", range}, {"25h", range},
		{"24h01", range}, {"99999999999999999999", range},
		{"", form}, {"abc", form}, {"1:5", form}, {"1:60", form}, {"1h60", form},
		{"1h300", form}, {"h30", form}, {"-5", form}, {"90 m", form}, {"1hm", form},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		min = -7;
		assert_int_equal(core_duration_parse(bad[i].text, &min, &err), CORE_ERR_INPUT);
		assert_non_null(strstr(err.msg, bad[i].why));
		assert_int_equal(min, -7);
	}
	assert_int_equal(core_duration_parse("1441", &min, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad duration '1441': must be 1 minute to 24 hours");
}

/* Local time under a real zone: TZ is set here and put back after, so the
 * other tests keep the runner's UTC. */
struct tz_saved {
	char value[256];
	int had;
};

static void tz_set(struct tz_saved *s, const char *tz)
{
	const char *old = getenv("TZ");
	s->had = old != NULL;
	if (old != NULL) {
		strncpy(s->value, old, sizeof s->value - 1);
		s->value[sizeof s->value - 1] = '\0';
	}
	setenv("TZ", tz, 1);
	tzset();
}

static void tz_restore(const struct tz_saved *s)
{
	if (s->had)
		setenv("TZ", s->value, 1);
	else
		unsetenv("TZ");
	tzset();
}

static void test_local_time_copenhagen(void **state)
{
	(void)state;
	struct tz_saved saved;
	tz_set(&saved, "Europe/Copenhagen");

	/* Winter: UTC+1.  2026-11-23 10:00 local is 09:00 UTC. */
	int64_t d = days(2026, 11, 23);
	int64_t t = core_local_to_epoch(d, 10 * 60);
	assert_int_equal(t, d * 86400 + 9 * 3600);
	int64_t back_days = 0;
	int back_min = -1;
	core_local_from_epoch(t, &back_days, &back_min);
	assert_int_equal(back_days, d);
	assert_int_equal(back_min, 600);

	/* Summer: UTC+2. */
	d = days(2026, 7, 1);
	t = core_local_to_epoch(d, 8 * 60 + 30);
	assert_int_equal(t, d * 86400 + 6 * 3600 + 30 * 60);

	/* The spring-forward day, 2026-03-29: 02:00 jumps to 03:00. */
	d = days(2026, 3, 29);
	assert_int_equal(core_local_to_epoch(d, 60), d * 86400);          /* 01:00 CET */
	assert_int_equal(core_local_to_epoch(d, 3 * 60), d * 86400 + 3600); /* 03:00 CEST */
	/* 02:30 does not exist: it comes out an hour on, as 03:30. */
	t = core_local_to_epoch(d, 2 * 60 + 30);
	core_local_from_epoch(t, &back_days, &back_min);
	assert_int_equal(back_days, d);
	assert_int_equal(back_min, 3 * 60 + 30);

	/* A local midnight can be the previous UTC day. */
	d = days(2026, 6, 15);
	t = core_local_to_epoch(d, 0);
	assert_int_equal(t, d * 86400 - 2 * 3600);
	core_local_from_epoch(t, &back_days, &back_min);
	assert_int_equal(back_days, d);
	assert_int_equal(back_min, 0);

	/* Every quarter hour of the fall-back day round-trips. */
	d = days(2026, 10, 25);
	for (int m = 0; m < 24 * 60; m += 15) {
		core_local_from_epoch(core_local_to_epoch(d, m), &back_days, &back_min);
		assert_int_equal(back_days, d);
		assert_int_equal(back_min, m);
	}
	/* That day is 25 hours long. */
	assert_int_equal(core_local_to_epoch(d + 1, 0) - core_local_to_epoch(d, 0), 25 * 3600);

	tz_restore(&saved);
	/* Back to the runner's zone (UTC under tests/run.sh). */
	if (saved.had && strcmp(saved.value, "UTC") == 0)
		assert_int_equal(core_local_to_epoch(days(2026, 7, 1), 0), days(2026, 7, 1) * 86400);
}

static void test_local_today(void **state)
{
	(void)state;
	/* Only bounds can be checked without faking the clock: today is a
	 * valid date within a day of the UTC date. */
	int64_t today = core_local_today();
	int64_t utc = (int64_t)time(NULL) / 86400;
	assert_true(today >= utc - 1 && today <= utc + 1);
	assert_true(core_date_valid(core_date_from_days(today)));
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(core_weekday_abbr(1), "Mon");
	assert_string_equal(core_weekday_abbr(7), "Sun");
	assert_string_equal(core_weekday_abbr(0), "???");
	assert_string_equal(core_month_abbr(11), "Nov");
	assert_string_equal(core_month_abbr(1), "Jan");
	assert_string_equal(core_month_abbr(13), "???");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_round_trip_1900_2100),
		cmocka_unit_test(test_round_trip_far),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_isoweek_edges),
		cmocka_unit_test(test_isoweek_monday_round_trip),
		cmocka_unit_test(test_isoweek_count),
		cmocka_unit_test(test_isoweek_add),
		cmocka_unit_test(test_isoweek_parse_format),
		cmocka_unit_test(test_date_parse_format),
		cmocka_unit_test(test_time_parse),
		cmocka_unit_test(test_duration_parse),
		cmocka_unit_test(test_local_time_copenhagen),
		cmocka_unit_test(test_local_today),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
