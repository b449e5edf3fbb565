/* Reassigning an account (db/handover.h, db/transfer.h) in one process with
 * explicit logins: the request, the freeze and what it refuses, the copy
 * with every link kept, the reader's rule between receipt and release, the
 * release, withdrawing, and requests that must be refused.  The same
 * protocol as real OS users, killed half way, is tests/cli/team_reassign.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/team.h"
#include "db/conn.h"
#include "db/handover.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "db/transfer.h"
#include "tests/unit/fixture.h"

#define GUARDS "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' " \
               "AND name LIKE '%\\_frozen%' ESCAPE '\\'"

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char team_dir[FIXTURE_PATH_MAX];
	struct db *team;     /* read-write: the manager's */
	struct db *anna, *bo;
	int64_t acme, other; /* in anna's file */
};

static struct db *fx_seller(struct fx *f, const char *login)
{
	char path[FIXTURE_PATH_MAX + 64];
	snprintf(path, sizeof path, "%s/sellers/%s", f->team_dir, login);
	assert_int_equal(mkdir(path, 0750), 0);
	strcat(path, "/seller.db");
	struct core_error err = { CORE_OK, "" };
	struct db *db = NULL;
	fixture_check(db_open(path, DB_OPEN_CREATE | DB_OPEN_TEAM, &db, &err), &err);
	fixture_seller(db, login);
	return db;
}

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "handover");
	snprintf(f->team_dir, sizeof f->team_dir, "%s/t", f->dir);
	char path[FIXTURE_PATH_MAX + 16];
	assert_int_equal(mkdir(f->team_dir, 0750), 0);
	snprintf(path, sizeof path, "%s/sellers", f->team_dir);
	assert_int_equal(mkdir(path, 0770), 0);
	snprintf(path, sizeof path, "%s/team.db", f->team_dir);
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_open(path, DB_OPEN_CREATE | DB_OPEN_TEAM, &f->team, &err), &err);
	f->anna = fx_seller(f, "anna");
	f->bo = fx_seller(f, "bo");
	fixture_account(f->bo, "Bo's own");
	/* Bo's own rows, so the copies' ids differ from anna's. */
	fixture_sql_exec(f->bo->h,
		"INSERT INTO contact(account_id, name, created_at, updated_at) VALUES (1, 'B', 1, 1);"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3)"
		" INSERT INTO meeting(seller_id, account_id, starts_at, duration_min, battlefield,"
		" type, form, dim, complexity, sale, created_at, updated_at)"
		" SELECT 1, 1, 1795392000 + i * 86400, 60, 'new', 'follow_up', 'phone',"
		" 'discovery', 'low', 'product', 1, 1 FROM n;"
		"INSERT INTO action(account_id, seller_id, text, due, created_at, updated_at)"
		" VALUES (1, 1, 'b', 20700, 1, 1);");
	f->acme = fixture_account(f->anna, "Acme A/S");
	f->other = fixture_account(f->anna, "Other AS");
	/* Acme: two contacts, 40 meetings with preparation, minutes on every
	 * fourth, the first contact at every fifth, a tick on every third, and
	 * three actions (one owned by a contact, one done); Other: one
	 * meeting, and an action of Other's pointing at an Acme meeting. */
	fixture_sql_exec(f->anna->h,
		"INSERT INTO contact(account_id, name, email, created_at, updated_at) VALUES "
		" (1, 'Åse', 'ase@acme.dk', 1, 1), (1, 'Per', NULL, 1, 1), (2, 'Olga', NULL, 1, 1);"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
		" INSERT INTO meeting(seller_id, account_id, starts_at, duration_min, battlefield,"
		" type, form, dim, complexity, sale, status, created_at, updated_at, purpose)"
		" SELECT 1, 1, 1795392000 + i * 3600, 60, 'upsell', 'follow_up', 'physical',"
		" 'development', 'medium', 'solution', 'planned', 1, 1, 'p' || i FROM n;"
		"INSERT INTO meeting(seller_id, account_id, starts_at, duration_min, battlefield,"
		" type, form, dim, complexity, sale, created_at, updated_at)"
		" VALUES (1, 2, 1795392000, 30, 'resale', 'follow_up', 'phone', 'delivery',"
		" 'low', 'product', 1, 1);"
		"INSERT INTO minutes(meeting_id, summary, updated_at)"
		" SELECT id, 'minutes of ' || purpose, 1 FROM meeting WHERE account_id = 1 AND id % 4 = 0;"
		"INSERT INTO participant SELECT id, 1 FROM meeting WHERE account_id = 1 AND id % 5 = 0;"
		"INSERT INTO checklist_tick SELECT id, 'agenda' FROM meeting"
		" WHERE account_id = 1 AND id % 3 = 0;"
		"INSERT INTO action(meeting_id, account_id, seller_id, text, owner_contact_id, due,"
		" done_at, created_at, updated_at) VALUES"
		" (4, 1, 1, 'offer', NULL, 20700, NULL, 1, 1),"
		" (8, 1, 1, 'Åse signs', 1, 20700, NULL, 1, 1),"
		" (NULL, 1, 1, 'done', NULL, 20600, 9, 1, 1),"
		" (12, 2, 1, 'Olga about p12', 3, 20700, NULL, 1, 1);");
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->team);
	db_close(f->anna);
	db_close(f->bo);
	fixture_dir_remove(f->dir);
	free(f);
	return 0;
}

static struct db_handover_result fx_run(struct fx *f, struct db *who, const char *login)
{
	struct core_error err = { CORE_OK, "" };
	struct db_handover_result r;
	fixture_check(db_handover_run(who, f->team, f->team_dir, login, &r, &err), &err);
	return r;
}

static struct db_transfer fx_ask(struct fx *f, const char *account, const char *to)
{
	struct core_error err = { CORE_OK, "" };
	struct db_transfer t;
	fixture_check(db_transfer_request(f->team, f->team_dir, account, NULL, to, "mona", &t,
	                                  &err), &err);
	return t;
}

static enum db_transfer_state fx_state(struct fx *f, const char *token)
{
	struct core_error err = { CORE_OK, "" };
	struct db_transfer *ts;
	size_t n;
	fixture_check(db_transfer_list(f->team, f->team_dir, &ts, &n, &err), &err);
	enum db_transfer_state s = DB_TRANSFER_REFUSED;
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ts[i].token, token) == 0) {
			s = ts[i].state;
			found = 1;
		}
	free(ts);
	assert_true(found);
	return s;
}

/* Everything of the account called Acme A/S, without ids, as one text. */
static char *fx_dump(struct db *db)
{
	static const char sql[] =
		"SELECT group_concat(x, char(10)) FROM ("
		" SELECT 'c ' || c.name || ' ' || coalesce(c.email, '-') AS x FROM contact c"
		"  JOIN account a ON a.id = c.account_id WHERE a.name = 'Acme A/S'"
		" UNION ALL SELECT 'm ' || m.starts_at || ' ' || m.purpose || ' '"
		"  || coalesce(n.summary, '-') || ' '"
		"  || coalesce((SELECT group_concat(c.name) FROM participant p JOIN contact c"
		"     ON c.id = p.contact_id WHERE p.meeting_id = m.id), '-') || ' '"
		"  || coalesce((SELECT group_concat(item) FROM checklist_tick t"
		"     WHERE t.meeting_id = m.id), '-')"
		"  FROM meeting m JOIN account a ON a.id = m.account_id"
		"  LEFT JOIN minutes n ON n.meeting_id = m.id WHERE a.name = 'Acme A/S'"
		" UNION ALL SELECT 'x ' || x.text || ' ' || coalesce(c.name, 'us') || ' '"
		"  || coalesce((SELECT purpose FROM meeting WHERE id = x.meeting_id), '-')"
		"  FROM action x JOIN account a ON a.id = x.account_id"
		"  LEFT JOIN contact c ON c.id = x.owner_contact_id WHERE a.name = 'Acme A/S'"
		" ORDER BY x)";
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *t = sqlite3_column_text(st, 0);
	char *out = strdup(t != NULL ? (const char *)t : "");
	sqlite3_finalize(st);
	assert_non_null(out);
	return out;
}

static void test_whole_transfer(void **state)
{
	struct fx *f = *state;
	char *before = fx_dump(f->anna);
	assert_true(strlen(before) > 1000);
	struct db_transfer t = fx_ask(f, "acme a/s", "bo");
	assert_string_equal(t.account, "Acme A/S");
	assert_string_equal(t.from, "anna");
	assert_int_equal(fx_state(f, t.token), DB_TRANSFER_ASKED);

	/* The receiver first: it waits for the giver. */
	struct db_handover_result r = fx_run(f, f->bo, "bo");
	assert_int_equal(r.received, 0);
	assert_int_equal(r.waiting, 1);

	r = fx_run(f, f->anna, "anna");
	assert_int_equal(r.frozen, 1);
	assert_string_equal(r.last, "handing Acme A/S over to bo");
	/* The guard exists only while something is frozen. */
	assert_int_equal(fixture_sql_int(f->bo->h, GUARDS, NULL), 0);
	assert_int_equal(fixture_sql_int(f->anna->h, GUARDS, NULL), 9);
	assert_int_equal(fx_state(f, t.token), DB_TRANSFER_FROZEN);
	/* Frozen: pipebench's own update is refused with the reason, and
	 * the other account is not frozen. */
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m;
	fixture_check(db_meeting_get(f->anna, 1, &m, &err), &err);
	m.duration_min = 90;
	assert_int_not_equal(db_meeting_update(f->anna, &m, &err), CORE_OK);
	assert_non_null(strstr(err.msg, "the account is being handed over"));
	fixture_sql_exec(f->anna->h, "UPDATE account SET city = 'Oslo' WHERE id = 2");
	/* Running again changes nothing. */
	r = fx_run(f, f->anna, "anna");
	assert_int_equal(r.frozen + r.released, 0);

	r = fx_run(f, f->bo, "bo");
	assert_int_equal(r.received, 1);
	assert_string_equal(r.last, "received Acme A/S from anna (40 meetings)");
	assert_int_equal(fx_state(f, t.token), DB_TRANSFER_RECEIVED);
	char *copy = fx_dump(f->bo);
	assert_string_equal(copy, before);
	free(copy);
	/* The copy is bo's: his seller, his owner id, no km from anna's base. */
	assert_int_equal(fixture_sql_int(f->bo->h, "SELECT count(*) FROM meeting m JOIN account a"
	                                 " ON a.id = m.account_id WHERE a.name = 'Acme A/S'"
	                                 " AND m.seller_id = 1 AND a.owner_id = 1"
	                                 " AND a.km IS NULL", NULL), 40);
	r = fx_run(f, f->bo, "bo");
	assert_int_equal(r.received, 0);

	/* Between receipt and release: anna's file still has it, the
	 * readers' rule gives it to bo alone. */
	int64_t *gone;
	size_t n;
	fixture_check(db_handover_gone(f->anna, f->team_dir, &gone, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_int_equal(gone[0], f->acme);
	free(gone);
	struct db_team_account *as;
	size_t skipped;
	fixture_check(db_team_accounts(f->team_dir, &as, &n, &skipped, &err), &err);
	assert_int_equal(skipped, 0);
	assert_int_equal(n, 3);
	assert_string_equal(as[0].login, "anna");
	assert_string_equal(as[0].name, "Other AS");
	assert_string_equal(as[1].login, "bo");
	assert_string_equal(as[1].name, "Acme A/S");
	assert_int_equal(as[1].meetings, 40);
	assert_string_equal(as[2].name, "Bo's own");
	free(as);

	r = fx_run(f, f->anna, "anna");
	assert_int_equal(r.released, 1);
	assert_string_equal(r.last, "Acme A/S is now bo's");
	assert_int_equal(fixture_sql_int(f->anna->h, GUARDS, NULL), 0);
	assert_int_equal(fx_state(f, t.token), DB_TRANSFER_DONE);
	assert_int_equal(fixture_sql_int(f->anna->h, "SELECT count(*) FROM account", NULL), 1);
	assert_int_equal(fixture_sql_int(f->anna->h, "SELECT count(*) FROM meeting", NULL), 1);
	assert_int_equal(fixture_sql_int(f->anna->h, "SELECT count(*) FROM contact", NULL), 1);
	assert_int_equal(fixture_sql_int(f->anna->h, "SELECT count(*) FROM minutes", NULL), 0);
	/* Other's action keeps its text; its Acme meeting is gone. */
	assert_int_equal(fixture_sql_int(f->anna->h, "SELECT count(*) FROM action WHERE"
	                                 " text = 'Olga about p12' AND meeting_id IS NULL"
	                                 " AND owner_contact_id = 3", NULL), 1);
	/* Anna may change what is left again; bo may change his new account. */
	assert_int_equal(fixture_sql_int(f->bo->h, "SELECT min(id) FROM meeting WHERE account_id"
	                                 " = (SELECT id FROM account WHERE name = 'Acme A/S')",
	                                 NULL), 4);
	fixture_check(db_meeting_get(f->bo, 43, &m, &err), &err);
	m.duration_min = 90;
	fixture_check(db_meeting_update(f->bo, &m, &err), &err);
	free(before);
}

static void test_refusals(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct db_transfer t;
	assert_int_equal(db_transfer_request(f->team, f->team_dir, "Nobody AS", NULL, "bo",
	                                     "mona", &t, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "Nobody AS: no seller has an account called that");
	assert_int_equal(db_transfer_request(f->team, f->team_dir, "Acme A/S", NULL, "anna",
	                                     "mona", &t, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "Acme A/S is anna's already");
	assert_int_equal(db_transfer_request(f->team, f->team_dir, "Acme A/S", NULL, "../x",
	                                     "mona", &t, &err), CORE_ERR_INPUT);
	/* Two sellers with the same name: say whose. */
	fixture_account(f->bo, "Acme A/S");
	assert_int_equal(db_transfer_request(f->team, f->team_dir, "Acme A/S", NULL, "carl",
	                                     "mona", &t, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "Acme A/S: anna and bo both have an account called that; "
	                    "say whose with --from LOGIN");
	fixture_check(db_transfer_request(f->team, f->team_dir, "Acme A/S", "bo", "anna", "mona",
	                                  &t, &err), &err);
	assert_string_equal(t.from, "bo");
	/* Asked twice. */
	assert_int_equal(db_transfer_request(f->team, f->team_dir, "Acme A/S", "bo", "anna",
	                                     "mona", &t, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "asked for already"));
	assert_int_equal(fixture_sql_int(f->team->h, "SELECT count(*) FROM transfer", NULL), 1);
}

static void test_withdraw(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct db_transfer t = fx_ask(f, "Other AS", "bo"), w;
	assert_int_equal(db_transfer_withdraw(f->team, f->team_dir, "ab", &w, &err),
	                 CORE_ERR_INPUT);
	fx_run(f, f->anna, "anna");
	assert_int_equal(fx_state(f, t.token), DB_TRANSFER_FROZEN);
	char prefix[9] = "";
	memcpy(prefix, t.token, 8);
	fixture_check(db_transfer_withdraw(f->team, f->team_dir, prefix, &w, &err), &err);
	assert_string_equal(w.account, "Other AS");
	struct db_handover_result r = fx_run(f, f->anna, "anna");
	assert_string_equal(r.last, "Other AS stays yours: the manager withdrew the transfer");
	assert_int_equal(fixture_sql_int(f->anna->h, GUARDS, NULL), 0);
	/* Unfrozen, and bo never takes it. */
	fixture_sql_exec(f->anna->h, "UPDATE account SET city = 'Bergen' WHERE id = 2");
	r = fx_run(f, f->bo, "bo");
	assert_int_equal(r.received, 0);
	assert_int_equal(fixture_sql_int(f->bo->h, "SELECT count(*) FROM account"
	                                 " WHERE name = 'Other AS'", NULL), 0);
	/* The account can be asked for again. */
	fx_ask(f, "Other AS", "bo");
}

/* An account that is gone from the giver's file by the time its pipebench
 * runs is refused there, and the manager sees why. */
static void test_missing_account(void **state)
{
	struct fx *f = *state;
	struct db_transfer t = fx_ask(f, "Other AS", "bo");
	fixture_sql_exec(f->anna->h, "PRAGMA foreign_keys = OFF;"
	                 "UPDATE account SET name = 'Renamed' WHERE id = 2;");
	struct db_handover_result r = fx_run(f, f->anna, "anna");
	assert_int_equal(r.refused, 1);
	assert_int_equal(fx_state(f, t.token), DB_TRANSFER_REFUSED);
	struct core_error err = { CORE_OK, "" };
	struct db_handover_side side;
	fixture_check(db_handover_side(f->anna, t.token, &side, &err), &err);
	assert_string_equal(side.state, "refused");
	assert_string_equal(side.note, "the account is not in the giver's file");
	r = fx_run(f, f->bo, "bo");
	assert_int_equal(r.received + r.waiting, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_whole_transfer, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_refusals, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_withdraw, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_missing_account, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
