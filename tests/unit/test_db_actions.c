/* Follow-up actions in the database (db/actions.h): round trips with æøå,
 * validation that writes nothing, done and undone, a deleted meeting or
 * owner, hand-edited rows, the minutes screen's whole-list save, and the
 * migration of a schema 1 database.  The follow-ups list and the overdue
 * count are test_db_action_lists's.  Real files in a temporary directory
 * (tests/unit/fixture.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/followup.h"
#include "db/actions.h"
#include "db/conn.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "db/schema.h"
#include "tests/unit/db_actions_fx.h"

static struct core_action get(struct fx *f, int64_t id)
{
	struct core_error err = { CORE_OK, "" };
	struct core_action a;
	fixture_check(db_action_get(f->db, id, &a, &err), &err);
	return a;
}

/* Every row of the action table as one text, to show a failed write
 * changed nothing at all. */
static char *snapshot(struct fx *f)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db->h,
		"SELECT coalesce(group_concat(id || '|' || coalesce(meeting_id, '-') || '|' || "
		"account_id || '|' || seller_id || '|' || text || '|' || "
		"coalesce(owner_contact_id, '-') || '|' || due || '|' || "
		"coalesce(done_at, '-') || '|' || created_at || '|' || updated_at, ';'), '') "
		"FROM (SELECT * FROM action ORDER BY id)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *s = (const char *)sqlite3_column_text(st, 0);
	char *copy = strdup(s != NULL ? s : "");
	sqlite3_finalize(st);
	assert_non_null(copy);
	return copy;
}

static void test_round_trip(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t before = (int64_t)time(NULL);

	/* Account and seller 0: the meeting's. */
	struct core_action a = draft(f->m_upsell, 0, 0,
	                             "  Send tilbud på Ærø-møbler, æøå ÆØÅ 🙂\n", MON + 3);
	a.owner_contact_id = f->jens;
	assert_int_equal(db_action_insert(f->db, &a, &err), CORE_OK);
	assert_true(a.id > 0);
	assert_int_equal(a.meeting_id, f->m_upsell);
	assert_int_equal(a.account_id, f->osterbro);
	assert_int_equal(a.seller_id, f->mette);
	assert_string_equal(a.account, "Østerbro Hus");
	assert_int_equal(a.battlefield, CORE_BF_UPSELL);
	assert_int_equal(a.meeting_starts_at, MON_0900);
	assert_string_equal(a.text, "Send tilbud på Ærø-møbler, æøå ÆØÅ 🙂");
	assert_int_equal(a.owner_contact_id, f->jens);
	assert_string_equal(a.owner, "Jens Ærøskøbing");
	assert_int_equal(a.due, MON + 3);
	assert_int_equal(a.done, 0);
	assert_int_equal(a.done_at, 0);
	assert_true(a.updated_at >= before && a.updated_at <= (int64_t)time(NULL));

	struct core_action got = get(f, a.id);
	assert_memory_equal(&got, &a, sizeof a);
	assert_int_equal(fixture_sql_int(f->db->h,
		"SELECT count(*) FROM action WHERE text = ?1 AND done_at IS NULL",
		"Send tilbud på Ærø-møbler, æøå ÆØÅ 🙂"), 1);

	/* No meeting, owner us, stored done; the longest text there is. */
	struct core_action b = draft(0, f->hansen, f->lars, "", day(2027, 1, 4));
	memset(b.text, 'x', CORE_ACTION_TEXT_MAX - 1);
	memcpy(b.text + CORE_ACTION_TEXT_MAX - 3, "ø", 2);
	b.text[CORE_ACTION_TEXT_MAX - 1] = '\0';
	b.done = 7;
	assert_int_equal(db_action_insert(f->db, &b, &err), CORE_OK);
	got = get(f, b.id);
	assert_int_equal(got.meeting_id, 0);
	assert_int_equal(got.meeting_starts_at, 0);
	assert_string_equal(got.account, "Brødrene Hansen A/S");
	assert_int_equal(got.seller_id, f->lars);
	assert_int_equal(got.owner_contact_id, 0);
	assert_string_equal(got.owner, "");
	assert_int_equal(strlen(got.text), CORE_ACTION_TEXT_MAX - 1);
	assert_string_equal(got.text, b.text);
	assert_int_equal(got.done, 1);
	assert_true(got.done_at >= before);
	assert_int_equal(got.due, day(2027, 1, 4));

	/* Update: text, owner and due; meeting, account and done state stay. */
	b.text[0] = '\0';
	snprintf(b.text, sizeof b.text, "Ring til Pia om årsaftalen");
	b.owner_contact_id = f->pia;
	b.due = day(2027, 2, 1);
	b.meeting_id = f->m_upsell;   /* ignored */
	b.done = 0;                   /* ignored: db_action_set_done does that */
	int64_t done_at = got.done_at;
	fixture_sql_exec(f->db->h, "UPDATE action SET updated_at = 1");
	assert_int_equal(db_action_update(f->db, &b, &err), CORE_OK);
	got = get(f, b.id);
	assert_memory_equal(&got, &b, sizeof b);
	assert_string_equal(got.text, "Ring til Pia om årsaftalen");
	assert_string_equal(got.owner, "Pia Hansen");
	assert_int_equal(got.due, day(2027, 2, 1));
	assert_int_equal(got.meeting_id, 0);
	assert_int_equal(got.done, 1);
	assert_int_equal(got.done_at, done_at);
	assert_true(got.updated_at >= before);
	/* The other action was not touched. */
	assert_int_equal(get(f, a.id).updated_at, 1);

	/* Delete, then it is gone. */
	assert_int_equal(db_action_delete(f->db, a.id, &err), CORE_OK);
	assert_int_equal(db_action_get(f->db, a.id, &got, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(db_action_delete(f->db, a.id, &err), CORE_ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "no action with id"));
	assert_int_equal(db_action_delete(f->db, 0, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT count(*) FROM action", NULL), 1);
}

/* One bad insert: the code, a piece of the message, and no change. */
static void insert_bad(struct fx *f, struct core_action a, enum core_status code,
                       const char *msg)
{
	struct core_error err = { CORE_OK, "" };
	char *before = snapshot(f);
	struct core_action copy = a;
	assert_int_equal(db_action_insert(f->db, &a, &err), code);
	if (strstr(err.msg, msg) == NULL)
		fail_msg("'%s' not in '%s'", msg, err.msg);
	assert_memory_equal(&a, &copy, sizeof a);
	char *after = snapshot(f);
	assert_string_equal(after, before);
	free(before);
	free(after);
}

static void test_validation_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t keep = add(f, draft(f->m_upsell, 0, 0, "Already there", MON));

	insert_bad(f, draft(f->m_upsell, 0, 0, "", MON), CORE_ERR_INPUT, "needs a text");
	insert_bad(f, draft(f->m_upsell, 0, 0, " \t\n\r ", MON), CORE_ERR_INPUT,
	           "needs a text");
	insert_bad(f, draft(f->m_upsell, 0, 0, "bad \xff byte", MON), CORE_ERR_INPUT,
	           "not valid UTF-8");
	insert_bad(f, draft(f->m_upsell, 0, 0, "cut \xc3", MON), CORE_ERR_INPUT,
	           "not valid UTF-8");
	struct core_action a = draft(f->m_upsell, 0, 0, "", MON);
	memset(a.text, 'x', sizeof a.text);  /* no NUL: past 2000 bytes */
	insert_bad(f, a, CORE_ERR_INPUT, "longer than 2000 bytes");
	insert_bad(f, draft(f->m_upsell, 0, 0, "x", day(10000, 1, 1)), CORE_ERR_INPUT,
	           "outside the years");
	insert_bad(f, draft(f->m_upsell, 0, 0, "x", day(1, 1, 1) - 1), CORE_ERR_INPUT,
	           "outside the years");
	insert_bad(f, draft(0, 9999, f->mette, "x", MON), CORE_ERR_INPUT,
	           "no account with id 9999");
	insert_bad(f, draft(0, 0, f->mette, "x", MON), CORE_ERR_INPUT,
	           "no account with id 0");
	insert_bad(f, draft(0, f->osterbro, 9999, "x", MON), CORE_ERR_INPUT,
	           "no seller with id 9999");
	insert_bad(f, draft(9999, 0, 0, "x", MON), CORE_ERR_INPUT, "no meeting with id 9999");
	insert_bad(f, draft(f->m_upsell, f->hansen, 0, "x", MON), CORE_ERR_INPUT,
	           "is not its meeting's");
	insert_bad(f, draft(-1, f->osterbro, f->mette, "x", MON), CORE_ERR_INPUT,
	           "negative id");
	a = draft(f->m_upsell, 0, 0, "x", MON);
	a.owner_contact_id = f->pia;
	insert_bad(f, a, CORE_ERR_INPUT, "the owner Pia Hansen is not a contact at Østerbro Hus");
	a.owner_contact_id = 9999;
	insert_bad(f, a, CORE_ERR_INPUT, "no contact with id 9999");

	/* The same checks on update, which leave the row alone. */
	struct core_action u = get(f, keep);
	char *before = snapshot(f);
	snprintf(u.text, sizeof u.text, "  ");
	assert_int_equal(db_action_update(f->db, &u, &err), CORE_ERR_INPUT);
	assert_string_equal(u.text, "  ");
	u = get(f, keep);
	u.owner_contact_id = f->pia;
	assert_int_equal(db_action_update(f->db, &u, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "Pia Hansen"));
	u = get(f, keep);
	u.id = 9999;
	assert_int_equal(db_action_update(f->db, &u, &err), CORE_ERR_NOTFOUND);
	u.id = 0;
	assert_int_equal(db_action_update(f->db, &u, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(db_action_set_done(f->db, 9999, 1, &err), CORE_ERR_NOTFOUND);
	char *after = snapshot(f);
	assert_string_equal(after, before);
	free(before);
	free(after);
	assert_int_equal(db_action_list_open(f->db, f->mette, 0, CORE_BF_COUNT, NULL, &err),
	                 CORE_ERR_INPUT);
	assert_int_equal(db_action_list_open(f->db, f->mette, 0, -2, NULL, &err),
	                 CORE_ERR_INPUT);
}

static void test_done_undone(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t id = add(f, draft(f->m_upsell, 0, 0, "Send referat", MON));
	int64_t other = add(f, draft(f->m_upsell, 0, 0, "Book næste møde", MON));
	fixture_sql_exec(f->db->h, "UPDATE action SET updated_at = 1");

	int64_t before = (int64_t)time(NULL);
	assert_int_equal(db_action_set_done(f->db, id, 1, &err), CORE_OK);
	struct core_action a = get(f, id);
	assert_int_equal(a.done, 1);
	assert_true(a.done_at >= before && a.done_at <= (int64_t)time(NULL));
	assert_true(a.updated_at >= before);
	assert_int_equal(get(f, other).updated_at, 1);
	assert_int_equal(get(f, other).done, 0);

	/* Done again: the first done_at stays, updated_at moves. */
	fixture_sql_exec(f->db->h, "UPDATE action SET done_at = 1000, updated_at = 1 "
	                           "WHERE done_at IS NOT NULL");
	assert_int_equal(db_action_set_done(f->db, id, 1, &err), CORE_OK);
	a = get(f, id);
	assert_int_equal(a.done_at, 1000);
	assert_true(a.updated_at >= before);

	/* Open again: done_at is NULL in the table. */
	assert_int_equal(db_action_set_done(f->db, id, 0, &err), CORE_OK);
	a = get(f, id);
	assert_int_equal(a.done, 0);
	assert_int_equal(a.done_at, 0);
	assert_int_equal(fixture_sql_int(f->db->h,
		"SELECT count(*) FROM action WHERE done_at IS NULL", NULL), 2);
	assert_int_equal(db_action_set_done(f->db, 0, 1, &err), CORE_ERR_NOTFOUND);
}

static void test_meeting_or_owner_deleted(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_action a = draft(f->m_upsell, 0, 0, "Følg op på tilbuddet", MON + 1);
	a.owner_contact_id = f->jens;
	int64_t id = add(f, a);
	int64_t other = add(f, draft(f->m_new, 0, 0, "Another meeting's", MON));

	assert_int_equal(f->m_upsell, 1);
	fixture_sql_exec(f->db->h, "DELETE FROM meeting WHERE id = 1");
	struct core_action got = get(f, id);
	assert_int_equal(got.meeting_id, 0);
	assert_int_equal(got.meeting_starts_at, 0);
	assert_int_equal(got.account_id, f->osterbro);
	assert_string_equal(got.text, "Følg op på tilbuddet");
	assert_string_equal(got.owner, "Jens Ærøskøbing");
	assert_int_equal(get(f, other).meeting_id, f->m_new);
	assert_int_equal(fixture_sql_int(f->db->h,
		"SELECT count(*) FROM action WHERE meeting_id IS NULL", NULL), 1);

	/* Still on the follow-ups list; no longer under a battlefield. */
	const int64_t open[] = {other, id};
	list_open(f, f->mette, 0, -1, open, 2);
	list_open(f, f->mette, 0, CORE_BF_UPSELL, NULL, 0);

	/* The owner leaves the company: the action becomes ours. */
	fixture_sql_exec(f->db->h, "DELETE FROM contact WHERE name = 'Jens Ærøskøbing'");
	got = get(f, id);
	assert_int_equal(got.owner_contact_id, 0);
	assert_string_equal(got.owner, "");
	/* Still editable without its meeting. */
	snprintf(got.text, sizeof got.text, "Følg op, uden møde");
	fixture_check(db_action_update(f->db, &got, &err), &err);
	assert_string_equal(get(f, id).text, "Følg op, uden møde");
}

static void test_hand_edited_rows(void **state)
{
	struct fx *f = *state;
	int64_t id = add(f, draft(f->m_upsell, 0, 0, "Fine", MON));
	fixture_sql_exec(f->db->h, "PRAGMA foreign_keys = OFF");
	fixture_sql_exec(f->db->h, "PRAGMA ignore_check_constraints = ON");
	fixture_sql_exec(f->db->h,
		"UPDATE action SET text = CAST(X'4E6FFF7264' AS TEXT), due = 99999999999, "
		"account_id = 777, owner_contact_id = 888, meeting_id = 999");
	struct core_action a = get(f, id);
	assert_string_equal(a.text, "No?rd");
	assert_int_equal(a.due, day(9999, 12, 31));
	assert_string_equal(a.account, "(no account)");
	assert_int_equal(a.owner_contact_id, 888);
	assert_string_equal(a.owner, "(unknown contact)");
	assert_int_equal(a.meeting_id, 999);
	assert_int_equal(a.battlefield, CORE_BF_RESALE);
	assert_int_equal(a.meeting_starts_at, 0);

	fixture_sql_exec(f->db->h,
		"UPDATE action SET due = -99999999999, meeting_id = 1, account_id = 1, "
		"owner_contact_id = NULL, text = replace(hex(zeroblob(1500)), '0', 'y')");
	fixture_sql_exec(f->db->h, "UPDATE meeting SET battlefield = 'bogus' WHERE id = 1");
	a = get(f, id);
	assert_int_equal(a.due, day(1, 1, 1));
	assert_int_equal(strlen(a.text), CORE_ACTION_TEXT_MAX - 1);
	assert_int_equal(a.battlefield, CORE_BF_RESALE);
	assert_int_equal(a.meeting_starts_at, MON_0900);
}

/* ---- the minutes screen's whole list ----------------------------------- */

static void test_replace_for_meeting(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t a1 = add(f, draft(f->m_upsell, 0, 0, "Keep me", MON));
	int64_t a2 = add(f, draft(f->m_upsell, 0, 0, "Change me", MON));
	int64_t a3 = add(f, draft(f->m_upsell, 0, 0, "Drop me", MON));
	assert_int_equal(f->m_upsell, 1);
	int64_t elsewhere = add(f, draft(f->m_new, 0, 0, "Other meeting", MON));
	int64_t loose = add(f, draft(0, f->osterbro, f->mette, "No meeting", MON));
	fixture_check(db_action_set_done(f->db, a2, 1, &err), &err);
	fixture_sql_exec(f->db->h, "UPDATE action SET done_at = 1000 WHERE done_at > 0");

	struct core_action items[3];
	items[0] = get(f, a2);
	snprintf(items[0].text, sizeof items[0].text, "  Ændret: send prisliste ");
	items[0].owner_contact_id = f->jens;
	items[0].due = MON + 7;
	items[0].done = 1;
	items[1] = draft(0, 0, 0, "Ny: book workshop på Ærø", MON + 14);
	items[2] = get(f, a1);
	fixture_check(db_action_replace_for_meeting(f->db, f->m_upsell, items, 3, &err), &err);

	struct core_action_list l = {0};
	fixture_check(db_action_list_meeting(f->db, f->m_upsell, &l, &err), &err);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[0].id, a1);
	assert_string_equal(l.items[0].text, "Keep me");
	assert_int_equal(l.items[0].done, 0);
	assert_int_equal(l.items[1].id, a2);
	assert_string_equal(l.items[1].text, "Ændret: send prisliste");
	assert_string_equal(l.items[1].owner, "Jens Ærøskøbing");
	assert_int_equal(l.items[1].due, MON + 7);
	assert_int_equal(l.items[1].done_at, 1000);   /* stayed done: kept */
	assert_true(l.items[2].id > loose);
	assert_string_equal(l.items[2].text, "Ny: book workshop på Ærø");
	assert_int_equal(l.items[2].account_id, f->osterbro);
	assert_int_equal(l.items[2].seller_id, f->mette);
	assert_int_equal(l.items[2].meeting_id, f->m_upsell);
	core_action_list_free(&l);
	struct core_action gone;
	assert_int_equal(db_action_get(f->db, a3, &gone, &err), CORE_ERR_NOTFOUND);
	assert_string_equal(get(f, elsewhere).text, "Other meeting");
	assert_string_equal(get(f, loose).text, "No meeting");

	/* Reopened through the list. */
	items[0] = get(f, a2);
	items[0].done = 0;
	fixture_check(db_action_replace_for_meeting(f->db, f->m_upsell, items, 1, &err), &err);
	assert_int_equal(get(f, a2).done, 0);
	assert_int_equal(fixture_sql_int(f->db->h,
		"SELECT count(*) FROM action WHERE meeting_id = 1", NULL), 1);

	/* Any bad item: nothing saved, not even the deletions. */
	char *before = snapshot(f);
	items[0] = get(f, a2);
	items[1] = get(f, elsewhere);
	assert_int_equal(db_action_replace_for_meeting(f->db, f->m_upsell, items, 2, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "action 2: action"));
	assert_non_null(strstr(err.msg, "is not one of this meeting's"));
	items[1] = draft(0, 0, 0, " ", MON);
	assert_int_equal(db_action_replace_for_meeting(f->db, f->m_upsell, items, 2, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, "action 2: an action needs a text");
	items[1] = draft(0, f->hansen, 0, "Wrong account", MON);
	assert_int_equal(db_action_replace_for_meeting(f->db, f->m_upsell, items, 2, &err),
	                 CORE_ERR_INPUT);
	items[1] = draft(0, 0, 0, "Pia is not here", MON);
	items[1].owner_contact_id = f->pia;
	assert_int_equal(db_action_replace_for_meeting(f->db, f->m_upsell, items, 2, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "Pia Hansen"));
	items[1] = items[0];
	assert_int_equal(db_action_replace_for_meeting(f->db, f->m_upsell, items, 2, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "given twice"));
	assert_int_equal(db_action_replace_for_meeting(f->db, 9999, NULL, 0, &err),
	                 CORE_ERR_NOTFOUND);
	assert_int_equal(db_action_replace_for_meeting(f->db, f->m_upsell, NULL, 1, &err),
	                 CORE_ERR_INPUT);
	char *after = snapshot(f);
	assert_string_equal(after, before);
	free(before);
	free(after);

	/* An empty list clears the meeting's actions, and only them. */
	fixture_check(db_action_replace_for_meeting(f->db, f->m_upsell, NULL, 0, &err), &err);
	assert_int_equal(fixture_sql_int(f->db->h,
		"SELECT count(*) FROM action WHERE meeting_id = 1", NULL), 0);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT count(*) FROM action", NULL), 2);
}

/* ---- migration ---------------------------------------------------------- */

static void test_migration_from_schema_1(void **state)
{
	(void)state;
	char dir[FIXTURE_DIR_MAX], path[FIXTURE_PATH_MAX];
	fixture_dir_make(dir, sizeof dir, "actions-v1");
	snprintf(path, sizeof path, "%s/v1.db", dir);

	/* A database as pipebench 1 left it. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(path, &h,
	                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
	                 SQLITE_OK);
	fixture_sql_exec(h, db_schema_step(1));
	fixture_sql_exec(h, "PRAGMA user_version = 1");
	fixture_sql_exec(h,
		"INSERT INTO seller(id, name, created_at) VALUES (1, 'Mette Sørensen', 0);"
		"INSERT INTO account(id, name, created_at, updated_at) "
		"VALUES (1, 'Østerbro Hus', 0, 0);"
		"INSERT INTO meeting(id, seller_id, account_id, starts_at, duration_min, "
		"battlefield, type, form, dim, complexity, sale, status, created_at, updated_at) "
		"VALUES (1, 1, 1, 1795424400, 60, 'upsell', 'negotiation', 'hybrid', "
		"'discovery', 'medium', 'solution', 'held', 0, 0);");
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM sqlite_schema "
	                                 "WHERE name = 'action'", NULL), 0);
	sqlite3_close(h);

	struct core_error err = { CORE_OK, "" };
	struct db *db = NULL;
	fixture_check(db_open(path, 0, &db, &err), &err);
	/* Through every later step too: schema 3 adds the rev counters, so
	 * the old meeting gets one. */
	assert_int_equal(fixture_sql_int(db->h, "PRAGMA user_version", NULL),
	                 DB_SCHEMA_VERSION);
	assert_int_equal(fixture_sql_int(db->h, "SELECT rev FROM meeting WHERE id = 1",
	                                 NULL), 0);
	assert_int_equal(fixture_sql_int(db->h, "SELECT n FROM change_counter", NULL), 0);

	/* The meeting kept, with the new columns empty. */
	struct core_meeting m;
	fixture_check(db_meeting_get(db, 1, &m, &err), &err);
	assert_string_equal(m.account, "Østerbro Hus");
	assert_int_equal(m.battlefield, CORE_BF_UPSELL);
	assert_int_equal(m.status, CORE_MS_HELD);
	assert_int_equal(m.starts_at, MON_0900);
	assert_int_equal(fixture_sql_int(db->h, "SELECT count(*) FROM meeting "
	                                 "WHERE purpose = '' AND agenda = '' AND pains = ''",
	                                 NULL), 1);
	/* The new tables there and empty. */
	static const char *const tables[] = {"minutes", "action", "participant",
	                                     "checklist_tick"};
	for (size_t i = 0; i < 4; i++) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
		assert_int_equal(fixture_sql_int(db->h, sql, NULL), 0);
	}
	assert_int_equal(fixture_sql_int(db->h, "SELECT count(*) FROM sqlite_schema "
	                                 "WHERE type = 'index' AND name = 'action_open'",
	                                 NULL), 1);

	/* And usable: an action on the old meeting. */
	struct core_action a = draft(1, 0, 0, "Efter migreringen", MON);
	fixture_check(db_action_insert(db, &a, &err), &err);
	assert_int_equal(a.seller_id, 1);
	assert_int_equal(a.battlefield, CORE_BF_UPSELL);
	int64_t n = 0;
	fixture_check(db_action_overdue_count(db, 1, MON + 1, &n, &err), &err);
	assert_int_equal(n, 1);
	db_close(db);

	/* Opened again: nothing to migrate, nothing lost. */
	fixture_check(db_open(path, 0, &db, &err), &err);
	struct core_action again;
	fixture_check(db_action_get(db, a.id, &again, &err), &err);
	assert_string_equal(again.text, "Efter migreringen");
	db_close(db);
	fixture_dir_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_validation_writes_nothing, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_done_undone, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_meeting_or_owner_deleted, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_hand_edited_rows, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_replace_for_meeting, fx_setup, fx_teardown),
		cmocka_unit_test(test_migration_from_schema_1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
