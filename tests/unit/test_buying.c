/* The buying centre (core/buying.h): the role vocabulary, coverage in the
 * last 90 days at the window's edge, in person against any form, the
 * roles not met, fewer than 6 contacts known, and the account screen's
 * line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/buying.h"

#define DAY 86400LL
/* 2026-11-25 12:00 UTC, a Wednesday. */
#define NOW 1795608000LL

static struct core_contact person(const char *name, const char *role,
                                  int64_t last_met, int64_t in_person)
{
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = 1;
	core_utf8_copy(c.name, sizeof c.name, name);
	core_utf8_copy(c.role, sizeof c.role, role);
	c.last_met = last_met;
	c.last_met_in_person = in_person;
	return c;
}

static void test_role_vocabulary(void **state)
{
	(void)state;
	enum core_role r = CORE_ROLE_USER;
	for (int i = 0; i < CORE_ROLE_COUNT; i++) {
		/* Every key and every label reads back as its role. */
		assert_int_equal(core_role_parse(core_role_key(i), &r), 0);
		assert_int_equal(r, i);
		r = CORE_ROLE_COUNT;
		assert_int_equal(core_role_parse(core_role_label(i), &r), 0);
		assert_int_equal(r, i);
	}
	assert_string_equal(core_role_key(CORE_ROLE_DECISION_MAKER), "decision_maker");
	assert_string_equal(core_role_label(CORE_ROLE_TECHNICAL), "technical expert");
	assert_int_equal(core_role_parse("  Decision-Maker ", &r), 0);
	assert_int_equal(r, CORE_ROLE_DECISION_MAKER);
	assert_int_equal(core_role_parse("TECHNICAL EXPERT", &r), 0);
	assert_int_equal(r, CORE_ROLE_TECHNICAL);
	/* Nothing else is a role, and a failed parse leaves out alone. */
	r = CORE_ROLE_SPONSOR;
	assert_int_equal(core_role_parse("decision", &r), -1);
	assert_int_equal(core_role_parse("decision makers", &r), -1);
	assert_int_equal(core_role_parse("", &r), -1);
	assert_int_equal(core_role_parse(NULL, &r), -1);
	assert_int_equal(r, CORE_ROLE_SPONSOR);
	assert_string_equal(core_role_key((enum core_role)CORE_ROLE_COUNT), "?");
	assert_string_equal(core_role_label((enum core_role)-1), "?");
}

static void test_role_store(void **state)
{
	(void)state;
	char buf[CORE_CONTACT_ROLE_MAX];
	core_role_store(buf, sizeof buf, " Procurement\t");
	assert_string_equal(buf, "procurement");
	core_role_store(buf, sizeof buf, "technical-expert");
	assert_string_equal(buf, "technical_expert");
	/* The team's own word is kept, trimmed. */
	core_role_store(buf, sizeof buf, "  økonomichef  ");
	assert_string_equal(buf, "økonomichef");
	core_role_store(buf, sizeof buf, "   ");
	assert_string_equal(buf, "");
	core_role_store(buf, sizeof buf, NULL);
	assert_string_equal(buf, "");
	/* Cut at a character boundary: "æ" is two bytes and does not fit. */
	char small[4];
	core_role_store(small, sizeof small, "abæ");
	assert_string_equal(small, "ab");
}

/* The window is [now - 90 days, ...): exactly 90 days ago is in, one
 * second more is out. */
static void test_window_edge(void **state)
{
	(void)state;
	struct core_contact c[] = {
		person("Kari Nordmann", "decision_maker", NOW - 90 * DAY, NOW - 90 * DAY),
		person("Ole Hansen", "user", NOW - 90 * DAY - 1, NOW - 90 * DAY - 1),
		person("Åse Berg", "procurement", NOW - 1, 0),
	};
	struct core_coverage cv;
	core_buying_coverage(c, 3, NOW, 90, &cv);
	assert_int_equal(cv.days, 90);
	assert_int_equal(cv.known, 3);
	assert_int_equal(cv.met, 2);
	assert_int_equal(cv.met_in_person, 1);
	assert_true(cv.roles_met & (1u << CORE_ROLE_DECISION_MAKER));
	assert_false(cv.roles_met & (1u << CORE_ROLE_USER));
	assert_true(cv.roles_known & (1u << CORE_ROLE_USER));
	/* days 0 means the default, 90; a longer window takes Ole in. */
	core_buying_coverage(c, 3, NOW, 0, &cv);
	assert_int_equal(cv.days, CORE_BUYING_DAYS_DEFAULT);
	assert_int_equal(cv.met, 2);
	core_buying_coverage(c, 3, NOW, 91, &cv);
	assert_int_equal(cv.met, 3);
	assert_int_equal(cv.met_in_person, 2);
	/* A short window leaves the 90-day-old meeting out. */
	core_buying_coverage(c, 3, NOW, 30, &cv);
	assert_int_equal(cv.met, 1);
	assert_int_equal(cv.met_in_person, 0);
}

/* Met virtually lately but in person long ago counts for "met", not for
 * "in person"; never met (0) is never inside a window, even a huge one. */
static void test_in_person_vs_any(void **state)
{
	(void)state;
	struct core_contact c[] = {
		person("A", "user", NOW - 2 * DAY, NOW - 200 * DAY),
		person("B", "sponsor", NOW - 10 * DAY, NOW - 10 * DAY),
		person("C", "gatekeeper", 0, 0),
		person("D", "influencer", NOW + 3 * DAY, NOW + 3 * DAY),
	};
	struct core_coverage cv;
	core_buying_coverage(c, 4, NOW, 90, &cv);
	assert_int_equal(cv.met, 3);
	assert_int_equal(cv.met_in_person, 2);
	unsigned user = 1u << CORE_ROLE_USER, sponsor = 1u << CORE_ROLE_SPONSOR;
	assert_true(cv.roles_met & user);
	assert_false(cv.roles_met_in_person & user);
	assert_true(cv.roles_met_in_person & sponsor);
	assert_false(cv.roles_met & (1u << CORE_ROLE_GATEKEEPER));
	core_buying_coverage(c, 4, NOW, 1000000, &cv);
	assert_int_equal(cv.met, 3);
}

/* Which roles the met contacts cover; free-text roles cover none. */
static void test_role_gaps(void **state)
{
	(void)state;
	struct core_contact c[] = {
		person("Kari", "decision_maker", NOW - DAY, NOW - DAY),
		person("Per", "user", NOW - DAY, 0),
		person("Lise", "technical_expert", NOW - 5 * DAY, NOW - 5 * DAY),
		person("Nils", "influencer", NOW - DAY, 0),
		person("Eva", "gatekeeper", NOW - 3 * DAY, 0),
		person("Tor", "procurement", NOW - 120 * DAY, NOW - 120 * DAY),
		person("Bo", "økonomichef", NOW - DAY, NOW - DAY),
	};
	struct core_coverage cv;
	core_buying_coverage(c, 7, NOW, 90, &cv);
	assert_int_equal(cv.known, 7);
	assert_int_equal(cv.met, 6);
	assert_int_equal(cv.met_in_person, 3);
	assert_false(cv.few_known);
	/* Procurement is known but not met lately; nobody is a sponsor. */
	unsigned proc = 1u << CORE_ROLE_PROCUREMENT, sponsor = 1u << CORE_ROLE_SPONSOR;
	assert_true(cv.roles_known & proc);
	assert_false(cv.roles_met & proc);
	assert_false(cv.roles_known & sponsor);
	assert_int_equal(cv.roles_uncovered, 2);
	/* The free-text role added no bit beyond the vocabulary. */
	assert_int_equal(cv.roles_known >> CORE_ROLE_COUNT, 0);

	char line[256];
	core_coverage_text(&cv, line, sizeof line);
	assert_string_equal(line,
	                    "met 6 of 7 in 90 days (3 in person) — no procurement, "
	                    "no sponsor met");
}

/* The article: often more than 6 people decide a B2B purchase. */
static void test_few_known(void **state)
{
	(void)state;
	struct core_contact c[6];
	static const char *const roles[6] = {
		"decision_maker", "user", "technical_expert", "procurement", "sponsor",
		"influencer",
	};
	for (int i = 0; i < 6; i++)
		c[i] = person("X", roles[i], NOW - DAY, 0);
	struct core_coverage cv;
	core_buying_coverage(c, 5, NOW, 90, &cv);
	assert_int_equal(cv.known, 5);
	assert_true(cv.few_known);
	char line[256];
	core_coverage_text(&cv, line, sizeof line);
	assert_string_equal(line,
	                    "met 5 of 5 in 90 days (0 in person) — no influencer, no "
	                    "gatekeeper met, only 5 known: often more than 6 decide");
	/* Six known is no longer "few". */
	core_buying_coverage(c, 6, NOW, 90, &cv);
	assert_false(cv.few_known);
	core_coverage_text(&cv, line, sizeof line);
	assert_null(strstr(line, "only"));
	assert_non_null(strstr(line, "— no gatekeeper met"));

	core_buying_coverage(NULL, 0, NOW, 90, &cv);
	assert_int_equal(cv.known, 0);
	assert_true(cv.few_known);
	assert_int_equal(cv.roles_uncovered, CORE_ROLE_COUNT);
	core_coverage_text(&cv, line, sizeof line);
	assert_string_equal(line, "no contacts known: often more than 6 people decide "
	                          "a B2B purchase");
}

static void test_text_every_role_and_cut(void **state)
{
	(void)state;
	struct core_contact c[CORE_ROLE_COUNT];
	for (int r = 0; r < CORE_ROLE_COUNT; r++)
		c[r] = person("Y", core_role_key(r), NOW - DAY, NOW - DAY);
	struct core_coverage cv;
	core_buying_coverage(c, CORE_ROLE_COUNT, NOW, 90, &cv);
	assert_int_equal(cv.roles_uncovered, 0);
	char line[256];
	core_coverage_text(&cv, line, sizeof line);
	assert_string_equal(line, "met 7 of 7 in 90 days (7 in person) — every role met");

	/* A short buffer is cut between items and says so. */
	core_buying_coverage(c, 1, NOW, 90, &cv);
	char shortbuf[60];
	core_coverage_text(&cv, shortbuf, sizeof shortbuf);
	assert_string_equal(shortbuf,
	                    "met 1 of 1 in 90 days (1 in person) — no user…");
	char tiny[8];
	core_coverage_text(&cv, tiny, sizeof tiny);
	assert_true(strlen(tiny) < sizeof tiny);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_vocabulary),
		cmocka_unit_test(test_role_store),
		cmocka_unit_test(test_window_edge),
		cmocka_unit_test(test_in_person_vs_any),
		cmocka_unit_test(test_role_gaps),
		cmocka_unit_test(test_few_known),
		cmocka_unit_test(test_text_every_role_and_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
