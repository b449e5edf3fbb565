/* Contacts and participants (db/contacts.h) on a real SQLite file: last
 * met from held meetings only, in person from physical and hybrid, the
 * role stored as a key or the team's own word, a contact of another
 * account refused as a participant, every refused write leaving nothing
 * behind, and a database edited by hand read without harm. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/fixture.h"

#include <string.h>

#include "core/buying.h"
#include "core/meeting.h"
#include "db/contacts.h"
#include "db/meetings.h"

/* 2026-11-23 00:00 UTC: the Monday of 2026-W48 (tests run with TZ=UTC). */
#define W48_MONDAY 1795392000LL
#define DAY 86400LL

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	sqlite3 *raw;           /* the same file, as another program sees it */
	int64_t seller, koge, laerdal;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "contacts");
	snprintf(f->path, sizeof f->path, "%s/x.db", f->dir);
	f->db = fixture_db_create(f->path);
	f->seller = fixture_seller(f->db, "Mette Sørensen");
	f->koge = fixture_account(f->db, "Køge Gruppen");
	f->laerdal = fixture_account(f->db, "Lærdal AS");
	assert_int_equal(sqlite3_open(f->path, &f->raw), SQLITE_OK);
	sqlite3_busy_timeout(f->raw, 2000);
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

static int64_t contact_add(struct fx *f, int64_t account, const char *name,
                           const char *role)
{
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = account;
	core_utf8_copy(c.name, sizeof c.name, name);
	core_utf8_copy(c.role, sizeof c.role, role);
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_contact_insert(f->db, &c, &err), &err);
	assert_true(c.id > 0);
	return c.id;
}

static int64_t meeting_add(struct fx *f, int64_t account, int64_t starts_at,
                           enum core_form form, enum core_mstatus status)
{
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	m.seller_id = f->seller;
	m.account_id = account;
	m.starts_at = starts_at;
	m.duration_min = 60;
	m.battlefield = CORE_BF_UPSELL;
	snprintf(m.type, sizeof m.type, "follow_up");
	m.form = form;
	m.dim = CORE_DIM_DELIVERY;
	m.status = status;
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_meeting_insert(f->db, &m, &err), &err);
	return m.id;
}

static void participant(struct fx *f, int64_t meeting, int64_t contact)
{
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_participant_add(f->db, meeting, contact, &err), &err);
}

static const struct core_contact *by_name(const struct core_contact *c, size_t n,
                                          const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(c[i].name, name) == 0)
			return &c[i];
	fail_msg("no contact called %s in the list", name);
	return NULL;
}

static void test_insert_and_list(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = f->koge;
	snprintf(c.name, sizeof c.name, "  Øystein Ås ");
	snprintf(c.email, sizeof c.email, " oystein@koge.dk");
	snprintf(c.phone, sizeof c.phone, "+45 12 34 56 78");
	snprintf(c.role, sizeof c.role, "Decision maker");
	snprintf(c.level, sizeof c.level, "C-level");
	fixture_check(db_contact_insert(f->db, &c, &err), &err);
	/* The caller's struct is what was stored: trimmed, role as its key. */
	assert_string_equal(c.name, "Øystein Ås");
	assert_string_equal(c.email, "oystein@koge.dk");
	assert_string_equal(c.role, "decision_maker");
	assert_int_equal(fixture_sql_int(f->raw, "SELECT count(*) FROM contact "
	                                 "WHERE role = 'decision_maker' AND "
	                                 "name = 'Øystein Ås'", NULL), 1);
	/* The team's own word for a role is kept. */
	contact_add(f, f->koge, "anders bak", "Økonomichef");
	contact_add(f, f->koge, "Birgit Holm", "procurement");
	contact_add(f, f->laerdal, "Kari Nordmann", "user");

	struct core_contact *list = NULL;
	size_t n = 0;
	fixture_check(db_contact_list(f->db, f->koge, &list, &n, &err), &err);
	assert_int_equal(n, 3);
	/* By name, case folded, Ø after the ASCII letters. */
	assert_string_equal(list[0].name, "anders bak");
	assert_string_equal(list[0].role, "Økonomichef");
	assert_string_equal(list[1].name, "Birgit Holm");
	assert_string_equal(list[2].name, "Øystein Ås");
	assert_string_equal(list[2].phone, "+45 12 34 56 78");
	assert_string_equal(list[2].level, "C-level");
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(list[i].account_id, f->koge);
		assert_int_equal(list[i].last_met, 0);
		assert_int_equal(list[i].last_met_in_person, 0);
	}
	free(list);

	/* An account without contacts: an empty list, nothing allocated. */
	int64_t empty = fixture_account(f->db, "Tom Konto");
	struct core_contact stale;
	list = &stale;
	fixture_check(db_contact_list(f->db, empty, &list, &n, &err), &err);
	assert_int_equal(n, 0);
	assert_null(list);
}

static void test_insert_refused(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = f->koge;
	snprintf(c.name, sizeof c.name, " \t ");
	snprintf(c.role, sizeof c.role, "Sponsor");
	assert_int_equal(db_contact_insert(f->db, &c, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "name is empty"));
	/* Refused: the caller's struct is untouched. */
	assert_string_equal(c.role, "Sponsor");
	assert_int_equal(c.id, 0);

	snprintf(c.name, sizeof c.name, "Ghost");
	c.account_id = 9999;
	assert_int_equal(db_contact_insert(f->db, &c, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "no account with id 9999"));

	/* A name that fills its buffer has no end: too long, not cut. */
	c.account_id = f->koge;
	memset(c.name, 'x', sizeof c.name);
	assert_int_equal(db_contact_insert(f->db, &c, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "too long"));
	assert_int_equal(fixture_sql_int(f->raw, "SELECT count(*) FROM contact", NULL), 0);
}

static void test_update(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t id = contact_add(f, f->koge, "Birgit Holm", "user");
	struct core_contact c;
	fixture_check(db_contact_get(f->db, id, &c, &err), &err);
	assert_string_equal(c.role, "user");
	snprintf(c.name, sizeof c.name, "Birgit Holm-Jensen");
	snprintf(c.role, sizeof c.role, "technical expert");
	/* Trying to move her to another account does not move her. */
	c.account_id = f->laerdal;
	fixture_check(db_contact_update(f->db, &c, &err), &err);
	assert_int_equal(c.account_id, f->koge);
	assert_string_equal(c.role, "technical_expert");
	struct core_contact back;
	fixture_check(db_contact_get(f->db, id, &back, &err), &err);
	assert_string_equal(back.name, "Birgit Holm-Jensen");
	assert_string_equal(back.role, "technical_expert");
	assert_int_equal(back.account_id, f->koge);

	c.id = 4242;
	assert_int_equal(db_contact_update(f->db, &c, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(db_contact_get(f->db, 4242, &back, &err), CORE_ERR_NOTFOUND);
	c.id = id;
	c.name[0] = '\0';
	assert_int_equal(db_contact_update(f->db, &c, &err), CORE_ERR_INPUT);
	fixture_check(db_contact_get(f->db, id, &back, &err), &err);
	assert_string_equal(back.name, "Birgit Holm-Jensen");
}

/* Last met: the latest held meeting, in any form; in person: the latest
 * held physical or hybrid one.  Planned and cancelled meetings are not
 * meetings met. */
static void test_last_met(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t kari = contact_add(f, f->koge, "Kari", "decision_maker");
	int64_t per = contact_add(f, f->koge, "Per", "user");
	int64_t lise = contact_add(f, f->koge, "Lise", "sponsor");
	int64_t t0 = W48_MONDAY + 9 * 3600;

	int64_t m1 = meeting_add(f, f->koge, t0 - 60 * DAY, CORE_FORM_PHYSICAL, CORE_MS_HELD);
	int64_t m2 = meeting_add(f, f->koge, t0 - 20 * DAY, CORE_FORM_HYBRID, CORE_MS_HELD);
	int64_t m3 = meeting_add(f, f->koge, t0 - 5 * DAY, CORE_FORM_VIRTUAL, CORE_MS_HELD);
	int64_t m4 = meeting_add(f, f->koge, t0 - 2 * DAY, CORE_FORM_PHYSICAL,
	                         CORE_MS_CANCELLED);
	int64_t m5 = meeting_add(f, f->koge, t0 + 2 * DAY, CORE_FORM_PHYSICAL,
	                         CORE_MS_PLANNED);
	participant(f, m1, kari);
	participant(f, m2, kari);
	participant(f, m3, kari);
	participant(f, m4, kari);
	participant(f, m5, kari);
	participant(f, m1, per);
	participant(f, m3, per);
	participant(f, m4, lise);
	participant(f, m5, lise);

	struct core_contact *list = NULL;
	size_t n = 0;
	fixture_check(db_contact_list(f->db, f->koge, &list, &n, &err), &err);
	assert_int_equal(n, 3);
	const struct core_contact *k = by_name(list, n, "Kari");
	assert_int_equal(k->last_met, t0 - 5 * DAY);
	assert_int_equal(k->last_met_in_person, t0 - 20 * DAY);
	const struct core_contact *p = by_name(list, n, "Per");
	assert_int_equal(p->last_met, t0 - 5 * DAY);
	assert_int_equal(p->last_met_in_person, t0 - 60 * DAY);
	const struct core_contact *l = by_name(list, n, "Lise");
	assert_int_equal(l->last_met, 0);
	assert_int_equal(l->last_met_in_person, 0);

	/* The coverage over what the database says, 30 days up to t0. */
	struct core_coverage cv;
	core_buying_coverage(list, n, t0, 30, &cv);
	assert_int_equal(cv.known, 3);
	assert_int_equal(cv.met, 2);
	assert_int_equal(cv.met_in_person, 1);
	assert_false(cv.roles_met & (1u << CORE_ROLE_SPONSOR));
	free(list);

	/* Holding the planned meeting moves both dates on. */
	fixture_check(db_meeting_set_status(f->db, m5, CORE_MS_HELD, &err), &err);
	struct core_contact c;
	fixture_check(db_contact_get(f->db, lise, &c, &err), &err);
	assert_int_equal(c.last_met, t0 + 2 * DAY);
	assert_int_equal(c.last_met_in_person, t0 + 2 * DAY);

	/* The meeting's participants, with the same dates. */
	fixture_check(db_participant_list(f->db, m3, &list, &n, &err), &err);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "Kari");
	assert_string_equal(list[1].name, "Per");
	assert_int_equal(list[0].last_met, t0 + 2 * DAY);
	free(list);
}

static void test_participants(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t kari = contact_add(f, f->koge, "Kari", "decision_maker");
	int64_t ole = contact_add(f, f->laerdal, "Ole Lærdal", "user");
	int64_t m = meeting_add(f, f->koge, W48_MONDAY + 10 * 3600, CORE_FORM_VIRTUAL,
	                        CORE_MS_PLANNED);
	fixture_sql_exec(f->raw, "UPDATE meeting SET updated_at = 5");

	participant(f, m, kari);
	/* Adding changed the meeting, for whoever exports what changed. */
	assert_true(fixture_sql_int(f->raw, "SELECT updated_at FROM meeting", NULL) > 5);
	/* Twice is once. */
	participant(f, m, kari);
	assert_int_equal(fixture_sql_int(f->raw, "SELECT count(*) FROM participant",
	                                 NULL), 1);

	/* Another account's contact is refused, naming both accounts. */
	assert_int_equal(db_participant_add(f->db, m, ole, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "Ole Lærdal is a contact of Lærdal AS, "
	                                "not of Køge Gruppen"));
	assert_int_equal(db_participant_add(f->db, 999, kari, &err), CORE_ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "no meeting with id 999"));
	assert_int_equal(db_participant_add(f->db, m, 999, &err), CORE_ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "no contact with id 999"));
	assert_int_equal(fixture_sql_int(f->raw, "SELECT count(*) FROM participant",
	                                 NULL), 1);

	struct core_contact *list = NULL;
	size_t n = 0;
	fixture_check(db_participant_list(f->db, m, &list, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, kari);
	free(list);

	fixture_sql_exec(f->raw, "UPDATE meeting SET updated_at = 5");
	fixture_check(db_participant_remove(f->db, m, kari, &err), &err);
	assert_true(fixture_sql_int(f->raw, "SELECT updated_at FROM meeting", NULL) > 5);
	assert_int_equal(db_participant_remove(f->db, m, kari, &err), CORE_ERR_NOTFOUND);
	fixture_check(db_participant_list(f->db, m, &list, &n, &err), &err);
	assert_int_equal(n, 0);
	assert_null(list);
}

/* Every write is BEGIN IMMEDIATE: while another process holds the write
 * lock, a write waits out the busy timeout and says BUSY, and nothing is
 * half done. */
static void test_busy(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t kari = contact_add(f, f->koge, "Kari", "user");
	int64_t m = meeting_add(f, f->koge, W48_MONDAY, CORE_FORM_PHYSICAL,
	                        CORE_MS_HELD);
	db_set_busy_timeout(f->db, 50);
	fixture_sql_exec(f->raw, "BEGIN IMMEDIATE");
	assert_int_equal(db_participant_add(f->db, m, kari, &err), CORE_ERR_BUSY);
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = f->koge;
	snprintf(c.name, sizeof c.name, "Per");
	assert_int_equal(db_contact_insert(f->db, &c, &err), CORE_ERR_BUSY);
	assert_int_equal(c.id, 0);
	fixture_sql_exec(f->raw, "ROLLBACK");
	fixture_check(db_participant_add(f->db, m, kari, &err), &err);
	assert_int_equal(fixture_sql_int(f->raw, "SELECT count(*) FROM contact", NULL), 1);
}

/* Rows written by hand: NULL text, an overlong name, a role no build
 * knows, a start time that is text.  Read without harm. */
static void test_untrusted_rows(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "INSERT INTO contact(id, account_id, name, email, phone, role, level, "
	         "created_at, updated_at) VALUES "
	         "(70, %lld, 'Null Fields', NULL, NULL, NULL, NULL, 0, 0), "
	         "(71, %lld, replace(hex(zeroblob(150)), '00', 'æ'), 'e', 'p', "
	         "'chief of everything', 'l', "
	         "0, 0)", (long long)f->koge, (long long)f->koge);
	fixture_sql_exec(f->raw, sql);
	struct core_contact *list = NULL;
	size_t n = 0;
	fixture_check(db_contact_list(f->db, f->koge, &list, &n, &err), &err);
	assert_int_equal(n, 2);
	const struct core_contact *nul = NULL, *longc = NULL;
	for (size_t i = 0; i < n; i++) {
		if (list[i].id == 70)
			nul = &list[i];
		if (list[i].id == 71)
			longc = &list[i];
	}
	assert_non_null(nul);
	assert_non_null(longc);
	assert_string_equal(nul->email, "");
	assert_string_equal(nul->role, "");
	assert_string_equal(nul->level, "");
	/* Cut inside the buffer at a character boundary. */
	assert_true(strlen(longc->name) < sizeof longc->name);
	assert_int_equal(strlen(longc->name) % 2, 0);
	assert_string_equal(longc->role, "chief of everything");
	free(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert_and_list, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_insert_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_update, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_last_met, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_participants, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_busy, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_untrusted_rows, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
