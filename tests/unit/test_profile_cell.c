/* CRM profiles (core/profile.h) cell by cell: every format both ways
 * (date-times in UTC and local time around DST and before 1970, a date
 * and a time column making one instant, numbers, durations, text, phones,
 * maps, consts), and the cells import refuses, with their messages. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L   /* setenv */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/profile.h"
#include "tests/unit/profile_fx.h"

static struct core_pcol col(int field, enum core_fmt fmt, const char *values)
{
	struct core_pcol c;
	memset(&c, 0, sizeof c);
	snprintf(c.column, sizeof c.column, "c");
	c.field = field;
	c.fmt = fmt;
	c.values = (char *)values;
	return c;
}

/* Formats field of r with c, checks the text, parses it into a fresh
 * record and checks the value came back. */
static void round_trip(const struct core_pcol *c, const struct core_record *r,
                       enum core_cell want_cell, const char *want)
{
	char buf[64];
	const char *out;
	size_t len;
	enum core_cell cell = core_profile_format(c, r, buf, sizeof buf, &out, &len);
	assert_int_equal(cell, want_cell);
	if (want != NULL) {
		char got[256];
		snprintf(got, sizeof got, "%.*s", (int)len, out);
		assert_string_equal(got, want);
	}
	struct core_record back;
	struct core_error err;
	core_record_clear(&back, r->kind);
	enum core_status st = core_profile_parse_cell(c, out, len, cell == CORE_CELL_NULL,
	                                              &back, &err);
	if (st != CORE_OK)
		fail_msg("%s", err.msg);
	const struct core_value *a = &r->v[c->field], *b = &back.v[c->field];
	/* A value no cell can show (damaged data) comes back as none. */
	assert_int_equal(a->null || cell == CORE_CELL_NULL, b->null);
	if (b->null)
		return;
	size_t nf;
	enum core_ftype type = core_kind_fields(r->kind, &nf)[c->field].type;
	if (type == CORE_FT_TEXT || type == CORE_FT_PHONE)
		assert_true(a->len == b->len && memcmp(a->s, b->s, a->len) == 0);
	else if (type == CORE_FT_REAL)
		assert_memory_equal(&a->r, &b->r, sizeof a->r);
	else
		assert_int_equal(a->i, b->i);
}

static void format_text(const struct core_pcol *c, const struct core_record *r,
                        char *text, size_t n)
{
	char buf[64];
	const char *out;
	size_t len;
	core_profile_format(c, r, buf, sizeof buf, &out, &len);
	snprintf(text, n, "%.*s", (int)len, out);
}

static void instant(struct core_record *r, int64_t t)
{
	core_record_clear(r, CORE_KIND_MEETINGS);
	core_record_set_int(r, CORE_MF_STARTS_AT, t);
}

static void test_time_formats(void **state)
{
	(void)state;
	use_tz("Europe/Copenhagen");
	struct core_pcol ms = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC_MS, NULL);
	struct core_pcol z = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC, NULL);
	struct core_pcol loc = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_LOCAL, NULL);
	struct core_pcol ep = col(CORE_MF_STARTS_AT, CORE_FMT_EPOCH_MS, NULL);
	struct core_pcol day = col(CORE_MF_STARTS_AT, CORE_FMT_DATE, NULL);
	struct core_record r;

	instant(&r, 1795420800);
	round_trip(&ms, &r, CORE_CELL_BARE, "2026-11-23T08:00:00.000Z");
	round_trip(&z, &r, CORE_CELL_BARE, "2026-11-23T08:00:00Z");
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-11-23 09:00");
	round_trip(&ep, &r, CORE_CELL_BARE, "1795420800000");

	/* Around the change to summer time (29 March 2026, 02:00 -> 03:00). */
	instant(&r, utc(2026, 3, 29, 0, 59, 59));
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-03-29 01:59:59");
	round_trip(&ms, &r, CORE_CELL_BARE, "2026-03-29T00:59:59.000Z");
	instant(&r, utc(2026, 3, 29, 1, 0, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-03-29 03:00");
	/* And back (25 October 2026): in the repeated hour, the one of the two
	 * instants that "02:30" alone would not read back as gets its offset
	 * (which one that is, mktime decides). */
	char first[64], second[64];
	instant(&r, utc(2026, 10, 25, 0, 30, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, NULL);
	format_text(&loc, &r, first, sizeof first);
	instant(&r, utc(2026, 10, 25, 1, 30, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, NULL);
	format_text(&loc, &r, second, sizeof second);
	assert_true(strcmp(first, "2026-10-25 02:30 +02:00") == 0 ||
	            strcmp(second, "2026-10-25 02:30 +01:00") == 0);
	assert_true(strcmp(first, "2026-10-25 02:30") == 0 ||
	            strcmp(second, "2026-10-25 02:30") == 0);
	instant(&r, utc(2026, 10, 25, 2, 0, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-10-25 03:00");
	/* A time's local day (read back: local midnight, see the Pipedrive
	 * test for the time of day). */
	format_text(&day, &r, first, sizeof first);
	assert_string_equal(first, "2026-10-25");
	instant(&r, utc(2026, 10, 24, 22, 0, 0));
	format_text(&day, &r, first, sizeof first);
	assert_string_equal(first, "2026-10-25");
	round_trip(&day, &r, CORE_CELL_BARE, "2026-10-25");

	/* Before 1970, to the first year four digits write. */
	instant(&r, -1);
	round_trip(&z, &r, CORE_CELL_BARE, "1969-12-31T23:59:59Z");
	round_trip(&loc, &r, CORE_CELL_BARE, "1970-01-01 00:59:59");
	round_trip(&ep, &r, CORE_CELL_BARE, "-1000");
	instant(&r, utc(1900, 2, 28, 23, 0, 0));
	round_trip(&ms, &r, CORE_CELL_BARE, "1900-02-28T23:00:00.000Z");
	round_trip(&ep, &r, CORE_CELL_BARE, "-2203894800000");
	instant(&r, utc(1, 1, 1, 0, 0, 0));
	round_trip(&z, &r, CORE_CELL_BARE, "0001-01-01T00:00:00Z");
	instant(&r, utc(9999, 12, 31, 23, 59, 59));
	round_trip(&ms, &r, CORE_CELL_BARE, "9999-12-31T23:59:59.000Z");
	/* Past year 9999 (a damaged row): no cell rather than a wrong one. */
	instant(&r, utc(9999, 12, 31, 23, 59, 59) + 1);
	round_trip(&z, &r, CORE_CELL_NULL, NULL);
	instant(&r, INT64_MIN);
	round_trip(&ep, &r, CORE_CELL_NULL, NULL);

	/* A day is a day, whatever the zone. */
	struct core_pcol due = col(CORE_AF_DUE, CORE_FMT_DATE, NULL);
	core_record_clear(&r, CORE_KIND_ACTIONS);
	core_record_set_int(&r, CORE_AF_DUE, -25567);
	round_trip(&due, &r, CORE_CELL_BARE, "1900-01-01");
	core_record_set_int(&r, CORE_AF_DUE, 20415);
	round_trip(&due, &r, CORE_CELL_BARE, "2025-11-23");
	use_tz("UTC");
}

/* Pipedrive's Due date (local day) and Due time (UTC) make one instant,
 * whichever comes first, also when the two days differ. */
static void test_date_and_time_columns(void **state)
{
	(void)state;
	use_tz("Europe/Copenhagen");
	struct core_pcol date = col(CORE_MF_STARTS_AT, CORE_FMT_DATE, NULL);
	struct core_pcol time = col(CORE_MF_STARTS_AT, CORE_FMT_TIME_UTC, NULL);
	const int64_t cases[] = {
		utc(2026, 11, 23, 8, 0, 0),    /* 09:00 local */
		utc(2026, 11, 22, 23, 30, 0),  /* 00:30 local on the 23rd */
		utc(2026, 7, 1, 22, 15, 0),    /* 00:15 local, summer */
		utc(1969, 12, 31, 23, 0, 0),   /* local midnight, 1970 */
		utc(2026, 3, 29, 1, 0, 30)};   /* just after the switch */
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct core_record r;
		char b1[64], b2[64];
		const char *d, *t;
		size_t dl, tl;
		instant(&r, cases[i]);
		assert_int_equal(core_profile_format(&date, &r, b1, sizeof b1, &d, &dl),
		                 CORE_CELL_BARE);
		assert_int_equal(core_profile_format(&time, &r, b2, sizeof b2, &t, &tl),
		                 CORE_CELL_BARE);
		for (int order = 0; order < 2; order++) {
			struct core_record back;
			struct core_error err;
			core_record_clear(&back, CORE_KIND_MEETINGS);
			const struct core_pcol *first = order ? &time : &date;
			const struct core_pcol *second = order ? &date : &time;
			assert_int_equal(core_profile_parse_cell(first, order ? t : d, order ? tl : dl,
			                                         0, &back, &err), CORE_OK);
			assert_int_equal(core_profile_parse_cell(second, order ? d : t,
			                                         order ? dl : tl, 0, &back, &err),
			                 CORE_OK);
			assert_int_equal(back.v[CORE_MF_STARTS_AT].i, cases[i]);
		}
	}
	struct core_record r;
	char buf[64];
	const char *out;
	size_t len;
	instant(&r, utc(2026, 11, 22, 23, 30, 0));
	core_profile_format(&date, &r, buf, sizeof buf, &out, &len);
	assert_memory_equal(out, "2026-11-23", len);
	core_profile_format(&time, &r, buf, sizeof buf, &out, &len);
	assert_memory_equal(out, "23:30", len);
	use_tz("UTC");
}

static void test_number_formats(void **state)
{
	(void)state;
	struct core_record r;
	core_record_clear(&r, CORE_KIND_ACCOUNTS);
	struct core_pcol km = col(CORE_XF_KM, CORE_FMT_REAL, NULL);
	static const struct {
		double d;
		const char *text;
	} reals[] = {{12.5, "12.5"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333333333"},
	             {-0.0, "-0"}, {123456789012.0, "123456789012"}, {1e300, "1e+300"},
	             {5e-324, "5e-324"}};
	for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
		core_record_set_real(&r, CORE_XF_KM, reals[i].d);
		round_trip(&km, &r, CORE_CELL_BARE, reals[i].text);
	}
	core_record_set_real(&r, CORE_XF_KM, 0.0 / 0.0);
	round_trip(&km, &r, CORE_CELL_NULL, NULL);

	struct core_pcol id = col(CORE_XF_ID, CORE_FMT_INT, NULL);
	core_record_set_int(&r, CORE_XF_ID, -9223372036854775807 - 1 + 1);
	round_trip(&id, &r, CORE_CELL_BARE, "-9223372036854775807");
	core_record_set_int(&r, CORE_XF_ID, 42);
	round_trip(&id, &r, CORE_CELL_BARE, "42");
	r.v[CORE_XF_ID].null = 1;
	round_trip(&id, &r, CORE_CELL_NULL, NULL);

	struct core_record m;
	core_record_clear(&m, CORE_KIND_MEETINGS);
	struct core_pcol hhmm = col(CORE_MF_DURATION, CORE_FMT_HHMM, NULL);
	static const struct {
		int64_t min;
		const char *text;
	} durations[] = {{90, "01:30"}, {5, "00:05"}, {1440, "24:00"}, {6005, "100:05"},
	                 {0, "00:00"}, {-75, "-01:15"}};
	for (size_t i = 0; i < sizeof durations / sizeof durations[0]; i++) {
		core_record_set_int(&m, CORE_MF_DURATION, durations[i].min);
		round_trip(&hhmm, &m, CORE_CELL_BARE, durations[i].text);
	}
	struct core_pcol t = col(CORE_MF_STARTS_AT, CORE_FMT_TIME_UTC, NULL);
	char text[64];
	core_record_set_int(&m, CORE_MF_STARTS_AT, utc(2026, 11, 23, 8, 5, 0));
	format_text(&t, &m, text, sizeof text);
	assert_string_equal(text, "08:05");
	core_record_set_int(&m, CORE_MF_STARTS_AT, 7);
	round_trip(&t, &m, CORE_CELL_BARE, "00:00:07");

	core_record_clear(&r, CORE_KIND_ACTIONS);
	struct core_pcol done = col(CORE_AF_DONE, CORE_FMT_BOOL01, NULL);
	core_record_set_int(&r, CORE_AF_DONE, 1);
	round_trip(&done, &r, CORE_CELL_BARE, "1");
	core_record_set_int(&r, CORE_AF_DONE, 0);
	round_trip(&done, &r, CORE_CELL_BARE, "0");
}

static void test_text_formats(void **state)
{
	(void)state;
	struct core_record r;
	core_record_clear(&r, CORE_KIND_CONTACTS);
	struct core_pcol name = col(CORE_CF_NAME, CORE_FMT_TEXT, NULL);
	struct core_pcol phone = col(CORE_CF_PHONE, CORE_FMT_PHONE, NULL);
	static const char *const texts[] = {
		"Åse Ærø-Østergård", "line one\nline two\n\ttabbed", "\"quoted\", with comma", ""};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		core_record_set_text(&r, CORE_CF_NAME, texts[i], strlen(texts[i]));
		round_trip(&name, &r, CORE_CELL_TEXT, texts[i]);
	}
	core_record_set_text(&r, CORE_CF_PHONE, "+4712345678", 11);
	round_trip(&phone, &r, CORE_CELL_PHONE, "+4712345678");
	r.v[CORE_CF_NAME].null = 1;
	round_trip(&name, &r, CORE_CELL_NULL, NULL);

	/* Import removes the formula guard that export adds. */
	struct core_record back;
	struct core_error err;
	core_record_clear(&back, CORE_KIND_CONTACTS);
	assert_int_equal(core_profile_parse_cell(&name, "'=SUM(A1)", 9, 0, &back, &err),
	                 CORE_OK);
	assert_int_equal(back.v[CORE_CF_NAME].len, 8);
	assert_memory_equal(back.v[CORE_CF_NAME].s, "=SUM(A1)", 8);
	/* A const column reads nothing. */
	struct core_pcol k = col(-1, CORE_FMT_CONST, "task");
	assert_int_equal(core_profile_parse_cell(&k, "anything", 8, 0, &back, &err), CORE_OK);
	char buf[64];
	const char *out;
	size_t len;
	assert_int_equal(core_profile_format(&k, &back, buf, sizeof buf, &out, &len),
	                 CORE_CELL_TEXT);
	assert_memory_equal(out, "task", 4);
	k.values = NULL;
	assert_int_equal(core_profile_format(&k, &back, buf, sizeof buf, &out, &len),
	                 CORE_CELL_NULL);
}

static void test_map(void **state)
{
	(void)state;
	struct core_record r, back;
	struct core_error err;
	char buf[64];
	const char *out;
	size_t len;
	struct core_pcol status = col(CORE_AF_DONE, CORE_FMT_MAP, "0=Not Started;1=Completed");
	core_record_clear(&r, CORE_KIND_ACTIONS);
	core_record_set_int(&r, CORE_AF_DONE, 1);
	round_trip(&status, &r, CORE_CELL_TEXT, "Completed");
	core_record_set_int(&r, CORE_AF_DONE, 0);
	round_trip(&status, &r, CORE_CELL_TEXT, "Not Started");
	core_record_clear(&back, CORE_KIND_ACTIONS);
	assert_int_equal(core_profile_parse_cell(&status, " not STARTED ", 13, 0, &back, &err),
	                 CORE_OK);
	assert_int_equal(back.v[CORE_AF_DONE].i, 0);
	assert_int_equal(core_profile_parse_cell(&status, "Deferred", 8, 0, &back, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, "\"Deferred\" is not among the map's values "
	                    "(0=Not Started;1=Completed)");

	/* Text keys; a key the map does not list goes out as it is. */
	struct core_pcol outcome = col(CORE_MF_STATUS, CORE_FMT_MAP,
	                               "planned=SCHEDULED;held=COMPLETED;cancelled=CANCELED");
	core_record_clear(&r, CORE_KIND_MEETINGS);
	core_record_set_text(&r, CORE_MF_STATUS, "cancelled", 9);
	round_trip(&outcome, &r, CORE_CELL_TEXT, "CANCELED");
	core_record_set_text(&r, CORE_MF_STATUS, "postponed", 9);
	assert_int_equal(core_profile_format(&outcome, &r, buf, sizeof buf, &out, &len),
	                 CORE_CELL_TEXT);
	assert_memory_equal(out, "postponed", len);
	assert_int_equal(len, 9);

	/* One value for several keys: the field is left for the tag line. */
	struct core_pcol type = col(CORE_MF_FORM, CORE_FMT_MAP,
	                            "physical=Meeting;hybrid=Meeting;virtual=Meeting;phone=Call");
	core_record_clear(&back, CORE_KIND_MEETINGS);
	assert_int_equal(core_profile_parse_cell(&type, "Meeting", 7, 0, &back, &err), CORE_OK);
	assert_true(back.v[CORE_MF_FORM].null);
	assert_int_equal(core_profile_parse_cell(&type, "call", 4, 0, &back, &err), CORE_OK);
	assert_int_equal(back.v[CORE_MF_FORM].len, 5);
	assert_memory_equal(back.v[CORE_MF_FORM].s, "phone", 5);
}

static void assert_cell_error(int field, enum core_fmt fmt, const char *cell,
                              const char *msg)
{
	struct core_pcol c = col(field, fmt, NULL);
	struct core_record r;
	struct core_error err;
	core_record_clear(&r, CORE_KIND_MEETINGS);
	assert_int_equal(core_profile_parse_cell(&c, cell, strlen(cell), 0, &r, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, msg);
	assert_true(r.v[field].null);
}

static void test_cell_errors(void **state)
{
	(void)state;
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATE, "2026-13-01",
	                  "bad date \"2026-13-01\" (want 2026-11-23)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATE, "2026-02-29",
	                  "bad date \"2026-02-29\" (want 2026-11-23)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC_MS, "2026-11-23 08:00:00 CET",
	                  "bad date-time \"2026-11-23 08:00:00 CET\" (want "
	                  "2026-11-23T08:00:00.000Z)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC, "2026-11-23T24:00:00Z",
	                  "bad date-time \"2026-11-23T24:00:00Z\" (want 2026-11-23T08:00:00Z)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_TIME_UTC, "8.30",
	                  "bad time \"8.30\" (want 08:00)");
	assert_cell_error(CORE_MF_DURATION, CORE_FMT_INT, "1.5",
	                  "bad number \"1.5\" (want a whole number, e.g. 42)");
	assert_cell_error(CORE_MF_DURATION, CORE_FMT_INT, "99999999999999999999",
	                  "bad number \"99999999999999999999\" (want a whole number, e.g. 42)");
	assert_cell_error(CORE_MF_DURATION, CORE_FMT_HHMM, "1:75",
	                  "bad duration \"1:75\" (want hours and minutes, e.g. 01:30)");
	assert_cell_error(CORE_MF_NOTES, CORE_FMT_TEXT, "a\x1b[2Jb",
	                  "text \"a?[2Jb\" holds control character 0x1b (byte 2)");
	/* A note pasted from Windows keeps its CR LF. */
	struct core_pcol notes = col(CORE_MF_NOTES, CORE_FMT_TEXT, NULL);
	struct core_record ok;
	struct core_error e2;
	core_record_clear(&ok, CORE_KIND_MEETINGS);
	assert_int_equal(core_profile_parse_cell(&notes, "a\r\nb", 4, 0, &ok, &e2), CORE_OK);
	assert_int_equal(ok.v[CORE_MF_NOTES].len, 4);
	assert_memory_equal(ok.v[CORE_MF_NOTES].s, "a\r\nb", 4);
	assert_cell_error(CORE_MF_NOTES, CORE_FMT_TEXT, "bell\a",
	                  "text \"bell?\" holds control character 0x07 (byte 5)");
	assert_cell_error(CORE_MF_NOTES, CORE_FMT_TEXT, "caf\xe9",
	                  "text \"caf?\" is not valid UTF-8");

	/* What the parsers accept besides what format writes. */
	struct core_pcol z = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC, NULL);
	static const char *const same[] = {
		"2026-11-23T08:00:00Z", "2026-11-23T08:00Z", "2026-11-23 08:00:00",
		"2026-11-23T09:00:00+01:00", "2026-11-23T03:00:00.999-05:00", " 2026-11-23T08:00:00.000Z "};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		struct core_record r;
		struct core_error err;
		core_record_clear(&r, CORE_KIND_MEETINGS);
		assert_int_equal(core_profile_parse_cell(&z, same[i], strlen(same[i]), 0, &r, &err),
		                 CORE_OK);
		assert_int_equal(r.v[CORE_MF_STARTS_AT].i, 1795420800);
	}
	/* An empty cell is no value, and changes nothing. */
	struct core_record r;
	struct core_error err;
	core_record_clear(&r, CORE_KIND_MEETINGS);
	core_record_set_int(&r, CORE_MF_STARTS_AT, 5);
	assert_int_equal(core_profile_parse_cell(&z, "", 0, 1, &r, &err), CORE_OK);
	assert_int_equal(core_profile_parse_cell(&z, "  ", 2, 0, &r, &err), CORE_OK);
	assert_int_equal(r.v[CORE_MF_STARTS_AT].i, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_formats),
		cmocka_unit_test(test_date_and_time_columns),
		cmocka_unit_test(test_number_formats),
		cmocka_unit_test(test_text_formats),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_cell_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
