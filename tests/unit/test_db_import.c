/* CSV import (db/csv_import.h, db/import.h) on a real SQLite file with the
 * generic profile: rows created with their own ids when free, matched on
 * CRM id, then id, then natural key, and updated in place; absent columns
 * left alone; references checked (unknown account, a participant of
 * another account); every problem of a row found; nothing written by a
 * dry run, a bad file or a locked database; --skip-bad keeping the good
 * rows and the bad ones in a rejects file; one change number per import. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tests/unit/fixture.h"

#include <string.h>

#include "core/profile.h"
#include "core/record.h"
#include "db/csv_import.h"

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	sqlite3 *raw;           /* the same file, as another program sees it */
	struct core_profile generic;
	struct db_csv_import_report rep;
	char file[FIXTURE_PATH_MAX];
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = fixture_db_make(f->dir, f->path, "import");
	assert_int_equal(sqlite3_open(f->path, &f->raw), SQLITE_OK);
	sqlite3_busy_timeout(f->raw, 2000);
	struct core_error err = { CORE_OK, "" };
	fixture_check(core_profile_load("generic", NULL, &f->generic, &err), &err);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	core_profile_free(&f->generic);
	sqlite3_close(f->raw);
	fixture_db_remove(f->db, f->dir);
	free(f);
	return 0;
}

/* Writes text to the file name in the test's directory and imports it;
 * the report is in f->rep. */
static enum core_status run(struct fx *f, enum core_kind kind, const char *name,
                            const char *text, int dry_run, int skip_bad,
                            struct core_error *err)
{
	snprintf(f->file, sizeof f->file, "%s/%s", f->dir, name);
	FILE *fp = fopen(f->file, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
	struct db_csv_import x = { &f->generic, kind, f->file, dry_run, skip_bad };
	return db_csv_import(f->db, &x, &f->rep, err);
}

/* An import that must succeed. */
static void run_ok(struct fx *f, enum core_kind kind, const char *name, const char *text)
{
	struct core_error err = { CORE_OK, "" };
	enum core_status st = run(f, kind, name, text, 0, 0, &err);
	if (st != CORE_OK)
		fail_msg("%s (first problem: %s)", err.msg, f->rep.shown ? f->rep.msg[0] : "-");
}

static long long sql_int(struct fx *f, const char *sql)
{
	return fixture_sql_int(f->raw, sql, NULL);
}

static void assert_sql_text(struct fx *f, const char *sql, const char *want)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->raw, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *got = sqlite3_column_text(st, 0);
	if (got == NULL || strcmp((const char *)got, want) != 0) {
		char copy[256];
		snprintf(copy, sizeof copy, "%s", got != NULL ? (const char *)got : "(NULL)");
		sqlite3_finalize(st);
		fail_msg("%s: got [%s], want [%s]", sql, copy, want);
	}
	sqlite3_finalize(st);
}

static void accounts_and_contacts(struct fx *f)
{
	run_ok(f, CORE_KIND_ACCOUNTS, "acc.csv",
	       "id,crm_id,name,org_no,city\n"
	       "1,ACC-1,Køge Gruppen,DK111,Køge\n"
	       "2,ACC-2,Lærdal AS,NO222,Lærdal\n");
	run_ok(f, CORE_KIND_CONTACTS, "con.csv",
	       "id,crm_id,account_id,account,account_crm_id,name,email,role\n"
	       "40,CON-1,,,ACC-1,Øystein Ås,oystein@koge.dk,Decision maker\n"
	       "41,,2,,,Kari Nordmann,kari@laerdal.no,user\n"
	       "42,,,KØGE GRUPPEN,,Anders Bak,,\n");
}

/* ---- accounts ------------------------------------------------------------ */

static void test_accounts_match_order(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	run_ok(f, CORE_KIND_ACCOUNTS, "a1.csv",
	       "id,crm_id,name,org_no,city\n"
	       "5,ACC-1,Køge Gruppen,DK111,Køge\n"
	       "9,,Lærdal AS,NO222,Lærdal\n"
	       ",,Fjordkraft AS,,Bergen\n");
	assert_int_equal(f->rep.created, 3);
	assert_int_equal(f->rep.updated, 0);
	assert_int_equal(f->rep.rows, 3);
	/* Free ids are kept; a row without one gets the next. */
	assert_int_equal(sql_int(f, "SELECT id FROM account WHERE crm_id = 'ACC-1'"), 5);
	assert_int_equal(sql_int(f, "SELECT id FROM account WHERE org_no = 'NO222'"), 9);
	assert_int_equal(sql_int(f, "SELECT id FROM account WHERE name = 'Fjordkraft AS'"), 10);

	run_ok(f, CORE_KIND_ACCOUNTS, "a2.csv",
	       "id,crm_id,name,org_no\n"
	       "77,ACC-1,Køge Gruppen A/S,DK111\n"   /* CRM id, whatever the id */
	       "10,,Fjordkraft Energi,\n"             /* pipebench id */
	       ",,Lærdal Medical,NO222\n"             /* org number */
	       ",,Nye Kunde AS,NO333\n");
	assert_int_equal(f->rep.created, 1);
	assert_int_equal(f->rep.updated, 3);
	/* By name, case and æøå folded, the new name as much as any. */
	run_ok(f, CORE_KIND_ACCOUNTS, "a2b.csv", "name\nKØGE GRUPPEN A/S\n");
	assert_int_equal(f->rep.updated, 1);
	assert_int_equal(f->rep.created, 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM account"), 4);
	assert_sql_text(f, "SELECT name FROM account WHERE id = 5", "KØGE GRUPPEN A/S");
	assert_sql_text(f, "SELECT crm_id FROM account WHERE id = 5", "ACC-1");
	assert_sql_text(f, "SELECT name FROM account WHERE id = 10", "Fjordkraft Energi");
	assert_sql_text(f, "SELECT name FROM account WHERE id = 9", "Lærdal Medical");
	/* No city column: the city is left as it was. */
	assert_sql_text(f, "SELECT city FROM account WHERE id = 5", "Køge");
	assert_sql_text(f, "SELECT city FROM account WHERE id = 9", "Lærdal");
	assert_int_equal(sql_int(f, "SELECT id FROM account WHERE org_no = 'NO333'"), 11);

	/* A stored account with another CRM id is never the row's, not by
	 * its id nor by its name: a new account, with a new id. */
	assert_int_equal(run(f, CORE_KIND_ACCOUNTS, "a3.csv",
	                     "id,crm_id,name\n5,ACC-999,Køge Gruppen A/S\n", 0, 0, &err),
	                 CORE_OK);
	assert_int_equal(f->rep.created, 1);
	assert_int_equal(sql_int(f, "SELECT id FROM account WHERE crm_id = 'ACC-999'"), 12);
	assert_sql_text(f, "SELECT crm_id FROM account WHERE id = 5", "ACC-1");

	/* An empty cell in a column the file has clears the value. */
	run_ok(f, CORE_KIND_ACCOUNTS, "a4.csv", "id,name,city\n10,Fjordkraft Energi,\n");
	assert_int_equal(f->rep.updated, 1);
	assert_int_equal(sql_int(f, "SELECT city IS NULL FROM account WHERE id = 10"), 1);
}

static void test_owner_seller_created(void **state)
{
	struct fx *f = *state;
	int64_t mette = fixture_seller(f->db, "Mette Sørensen");
	run_ok(f, CORE_KIND_ACCOUNTS, "a.csv",
	       "name,owner,owner_crm_id\n"
	       "Køge Gruppen,METTE SØRENSEN,USR-1\n"
	       "Lærdal AS,Ole Hansen,USR-2\n"
	       "Fjordkraft AS,Ole Hansen,\n"
	       "Nobody AS,,\n");
	assert_int_equal(f->rep.sellers_created, 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM seller"), 2);
	/* An existing seller is found by its name in any case, and gets the
	 * CRM id it lacked. */
	assert_int_equal(sql_int(f, "SELECT owner_id FROM account WHERE name = 'Køge Gruppen'"),
	                 mette);
	assert_sql_text(f, "SELECT crm_id FROM seller WHERE name = 'Mette Sørensen'", "USR-1");
	assert_sql_text(f, "SELECT crm_id FROM seller WHERE name = 'Ole Hansen'", "USR-2");
	assert_int_equal(sql_int(f, "SELECT count(DISTINCT owner_id) FROM account "
	                            "WHERE name IN ('Lærdal AS', 'Fjordkraft AS')"), 1);
	assert_int_equal(sql_int(f, "SELECT owner_id IS NULL FROM account "
	                            "WHERE name = 'Nobody AS'"), 1);
}

/* ---- contacts ------------------------------------------------------------ */

static void test_contacts_keys(void **state)
{
	struct fx *f = *state;
	accounts_and_contacts(f);
	assert_int_equal(sql_int(f, "SELECT account_id FROM contact WHERE id = 40"), 1);
	assert_int_equal(sql_int(f, "SELECT account_id FROM contact WHERE id = 41"), 2);
	assert_int_equal(sql_int(f, "SELECT account_id FROM contact WHERE id = 42"), 1);
	assert_sql_text(f, "SELECT role FROM contact WHERE id = 40", "decision_maker");

	run_ok(f, CORE_KIND_CONTACTS, "c2.csv",
	       "id,account,name,email,phone\n"
	       /* e-mail, ASCII case ignored, within the account */
	       ",Køge Gruppen,Øystein Aas,OYSTEIN@KOGE.DK,+4512345678\n"
	       /* id 41 is a contact of another account: not this one, and
	        * its id is taken */
	       "41,Køge Gruppen,Kari Nordmann,,\n"
	       /* name, folded, among those without an e-mail */
	       ",Køge Gruppen,anders bak,,\n");
	assert_int_equal(f->rep.created, 1);
	assert_int_equal(f->rep.updated, 2);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM contact"), 4);
	assert_sql_text(f, "SELECT name FROM contact WHERE id = 40", "Øystein Aas");
	assert_sql_text(f, "SELECT phone FROM contact WHERE id = 40", "+4512345678");
	/* No role column: the role stays. */
	assert_sql_text(f, "SELECT role FROM contact WHERE id = 40", "decision_maker");
	assert_sql_text(f, "SELECT name FROM contact WHERE id = 42", "anders bak");
	assert_int_equal(sql_int(f, "SELECT id FROM contact WHERE account_id = 1 "
	                            "AND name = 'Kari Nordmann'"), 43);
	assert_sql_text(f, "SELECT name FROM contact WHERE id = 41", "Kari Nordmann");
	assert_int_equal(sql_int(f, "SELECT account_id FROM contact WHERE id = 41"), 2);
}

/* ---- meetings ------------------------------------------------------------ */

static const char m1[] =
	"id,crm_id,seller,seller_crm_id,account,participants,starts_at,duration,"
	"battlefield,type,form,dim,complexity,sale,status,summary,notes\n"
	"100,EV-1,Mette Sørensen,USR-1,Køge Gruppen,40;42,2026-11-23T08:00:00Z,60,"
	"upsell,negotiation,physical,delivery,medium,solution,held,\"Godt møde, æøå\",\n"
	",,Ny Sælger,USR-9,Lærdal AS,41,2026-11-24T09:00:00Z,30,new,first_meeting,"
	"virtual,discovery,low,product,,,\n";

static void test_meetings_create_then_update(void **state)
{
	struct fx *f = *state;
	fixture_seller(f->db, "Mette Sørensen");
	accounts_and_contacts(f);
	long long n0 = sql_int(f, "SELECT n FROM change_counter");
	run_ok(f, CORE_KIND_MEETINGS, "m1.csv", m1);
	assert_int_equal(f->rep.created, 2);
	assert_int_equal(f->rep.sellers_created, 1);
	assert_int_equal(sql_int(f, "SELECT id FROM meeting WHERE crm_id = 'EV-1'"), 100);
	assert_int_equal(sql_int(f, "SELECT id FROM meeting WHERE crm_id IS NULL"), 101);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM participant WHERE meeting_id = 100"),
	                 2);
	assert_int_equal(sql_int(f, "SELECT contact_id FROM participant "
	                            "WHERE meeting_id = 101"), 41);
	assert_sql_text(f, "SELECT summary FROM minutes WHERE meeting_id = 100",
	                "Godt møde, æøå");
	/* No minutes at all: no minutes row. */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM minutes WHERE meeting_id = 101"), 0);
	assert_sql_text(f, "SELECT status FROM meeting WHERE id = 101", "planned");
	assert_sql_text(f, "SELECT crm_id FROM seller WHERE name = 'Mette Sørensen'", "USR-1");
	assert_sql_text(f, "SELECT crm_id FROM seller WHERE name = 'Ny Sælger'", "USR-9");
	assert_int_equal(sql_int(f, "SELECT starts_at FROM meeting WHERE id = 100"),
	                 1795420800);
	/* One change number for the whole import, minutes and participants
	 * included: the rev triggers did not run per row. */
	assert_int_equal(sql_int(f, "SELECT n FROM change_counter"), n0 + 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM meeting WHERE rev = "
	                            "(SELECT n FROM change_counter)"), 2);

	/* The same file again: nothing new, both updated, still one tick. */
	run_ok(f, CORE_KIND_MEETINGS, "m1.csv", m1);
	assert_int_equal(f->rep.created, 0);
	assert_int_equal(f->rep.updated, 2);
	assert_int_equal(f->rep.sellers_created, 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM meeting"), 2);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM participant"), 3);
	assert_int_equal(sql_int(f, "SELECT n FROM change_counter"), n0 + 2);

	/* CRM id before id, then (seller, account, start). */
	run_ok(f, CORE_KIND_MEETINGS, "m3.csv",
	       "id,crm_id,seller,account,starts_at,duration,battlefield,type,form\n"
	       "101,EV-1,Mette Sørensen,Køge Gruppen,2026-11-23T08:00:00Z,90,upsell,"
	       "negotiation,physical\n"
	       ",,NY SÆLGER,Lærdal AS,2026-11-24T09:00:00Z,45,new,first_meeting,virtual\n");
	assert_int_equal(f->rep.created, 0);
	assert_int_equal(f->rep.updated, 2);
	assert_int_equal(sql_int(f, "SELECT duration_min FROM meeting WHERE id = 100"), 90);
	assert_int_equal(sql_int(f, "SELECT duration_min FROM meeting WHERE id = 101"), 45);
	/* Columns the file lacks keep their values. */
	assert_sql_text(f, "SELECT summary FROM minutes WHERE meeting_id = 100",
	                "Godt møde, æøå");
	assert_sql_text(f, "SELECT status FROM meeting WHERE id = 100", "held");
	assert_int_equal(sql_int(f, "SELECT count(*) FROM participant WHERE meeting_id = 100"),
	                 2);

	/* Participants carried replace the set; an empty summary empties it. */
	run_ok(f, CORE_KIND_MEETINGS, "m4.csv",
	       "id,seller,account,participants,starts_at,duration,battlefield,type,form,"
	       "summary\n"
	       "100,Mette Sørensen,Køge Gruppen,42,2026-11-23T08:00:00Z,90,upsell,"
	       "negotiation,physical,\n");
	assert_int_equal(f->rep.updated, 1);
	assert_int_equal(sql_int(f, "SELECT group_concat(contact_id) FROM participant "
	                            "WHERE meeting_id = 100"), 42);
	assert_sql_text(f, "SELECT summary FROM minutes WHERE meeting_id = 100", "");
	assert_int_equal(sql_int(f, "SELECT rev >= (SELECT n FROM change_counter) - 2 "
	                            "FROM meeting WHERE id = 100"), 1);
}

static void test_unknown_account(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	fixture_seller(f->db, "Mette Sørensen");
	accounts_and_contacts(f);
	enum core_status st = run(f, CORE_KIND_MEETINGS, "u.csv",
		"id,seller,account,starts_at,duration,battlefield,type,form\n"
		",Mette Sørensen,Køge Gruppen,2026-11-23T08:00:00Z,60,upsell,negotiation,"
		"physical\n"
		",Mette Sørensen,Nowhere AS,2026-11-23T10:00:00Z,60,upsell,negotiation,"
		"physical\n", 0, 0, &err);
	assert_int_equal(st, CORE_ERR_INPUT);
	assert_int_equal(f->rep.rejected, 1);
	assert_int_equal(f->rep.problems, 1);
	assert_int_equal(f->rep.committed, 0);
	char want[600];
	snprintf(want, sizeof want, "%s:3:17: column \"account\": no account called "
	         "\"Nowhere AS\" in the database (import the accounts first)", f->file);
	assert_string_equal(f->rep.msg[0], want);
	assert_non_null(strstr(err.msg, "1 of 2 rows"));
	/* One bad row: the good one is not stored either. */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM meeting"), 0);
}

static void test_participant_of_other_account(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	fixture_seller(f->db, "Mette Sørensen");
	accounts_and_contacts(f);
	enum core_status st = run(f, CORE_KIND_MEETINGS, "p.csv",
		"seller,account,participants,starts_at,duration,battlefield,type,form\n"
		"Mette Sørensen,Køge Gruppen,40;41;999,2026-11-23T08:00:00Z,60,upsell,"
		"negotiation,physical\n", 0, 0, &err);
	assert_int_equal(st, CORE_ERR_INPUT);
	assert_int_equal(f->rep.problems, 2);
	char want[600];
	snprintf(want, sizeof want, "%s:2:29: column \"participants\": contact 41 is not "
	         "at this meeting's account (id 1) but at account 2", f->file);
	assert_string_equal(f->rep.msg[0], want);
	assert_non_null(strstr(f->rep.msg[1], "no contact with id 999"));
	assert_int_equal(sql_int(f, "SELECT count(*) FROM meeting"), 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM participant"), 0);
}

/* Every problem of every row, each at its own cell. */
static void test_all_problems(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	fixture_seller(f->db, "Mette Sørensen");
	accounts_and_contacts(f);
	enum core_status st = run(f, CORE_KIND_MEETINGS, "all.csv",
		"seller,account,starts_at,duration,battlefield,type,form\n"
		"Mette Sørensen,Køge Gruppen,2026-13-01T08:00:00Z,2000,upsell,chess,physical\n"
		"Mette Sørensen,Køge Gruppen,,60,upsell,negotiation,physical\n"
		"Mette Sørensen,Køge Gruppen\n", 0, 0, &err);
	assert_int_equal(st, CORE_ERR_INPUT);
	assert_int_equal(f->rep.rows, 3);
	assert_int_equal(f->rep.rejected, 3);
	assert_int_equal(f->rep.problems, 5);
	char want[600];
	snprintf(want, sizeof want, "%s:2:29: column \"starts_at\": ", f->file);
	assert_memory_equal(f->rep.msg[0], want, strlen(want));
	snprintf(want, sizeof want, "%s:2:50: column \"duration\": a duration from 1 to "
	         "1440 minutes, not 2000", f->file);
	assert_string_equal(f->rep.msg[1], want);
	snprintf(want, sizeof want, "%s:2:62: column \"type\": unknown meeting type "
	         "\"chess\"", f->file);
	assert_memory_equal(f->rep.msg[2], want, strlen(want));
	/* A missing value points at the row's first cell. */
	snprintf(want, sizeof want, "%s:3:1: column \"starts_at\": a value is required",
	         f->file);
	assert_string_equal(f->rep.msg[3], want);
	snprintf(want, sizeof want, "%s:4:", f->file);
	assert_memory_equal(f->rep.msg[4], want, strlen(want));
	assert_non_null(strstr(f->rep.msg[4], "this row has 2 cells, the header 7"));
}

static void test_dry_run_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	long long n0 = sql_int(f, "SELECT n FROM change_counter");
	assert_int_equal(run(f, CORE_KIND_ACCOUNTS, "d.csv",
	                     "name,owner\nKøge Gruppen,Ole Hansen\nLærdal AS,Ole Hansen\n",
	                     1, 0, &err), CORE_OK);
	assert_int_equal(f->rep.created, 2);
	assert_int_equal(f->rep.sellers_created, 1);
	assert_int_equal(f->rep.committed, 0);
	assert_int_equal(f->rep.complete, 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM account"), 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM seller"), 0);
	assert_int_equal(sql_int(f, "SELECT n FROM change_counter"), n0);

	/* A dry run with a bad row says nothing would be imported and makes
	 * no rejects file, even with --skip-bad. */
	assert_int_equal(run(f, CORE_KIND_ACCOUNTS, "d2.csv", "name,km\nA,1\nB,-3\n", 1, 0,
	                     &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "nothing would be imported"));
	assert_int_equal(run(f, CORE_KIND_ACCOUNTS, "d2.csv", "name,km\nA,1\nB,-3\n", 1, 1,
	                     &err), CORE_OK);
	assert_int_equal(f->rep.rejected, 1);
	assert_string_equal(f->rep.rejects, "");
	char rejects[FIXTURE_PATH_MAX + 16];
	snprintf(rejects, sizeof rejects, "%s/d2.rejects.csv", f->dir);
	assert_null(fopen(rejects, "rb"));
	assert_int_equal(sql_int(f, "SELECT count(*) FROM account"), 0);
}

static void test_skip_bad(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	fixture_seller(f->db, "Mette Sørensen");
	accounts_and_contacts(f);
	assert_int_equal(run(f, CORE_KIND_MEETINGS, "s.csv",
		"seller,account,starts_at,duration,battlefield,type,form,notes\n"
		"Mette Sørensen,Køge Gruppen,2026-11-23T08:00:00Z,60,upsell,negotiation,"
		"physical,\n"
		"Mette Sørensen,Køge Gruppen,2026-11-23T10:00:00Z,60,warzone,negotiation,"
		"physical,\"=1+2, \"\"quoted\"\"\nand a line\"\n"
		"Mette Sørensen,Lærdal AS,2026-11-24T08:00:00Z,30,new,booking,phone,\n",
		0, 1, &err), CORE_OK);
	assert_int_equal(f->rep.created, 2);
	assert_int_equal(f->rep.rejected, 1);
	assert_int_equal(f->rep.committed, 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM meeting"), 2);
	char want[FIXTURE_PATH_MAX + 16];
	snprintf(want, sizeof want, "%s/s.rejects.csv", f->dir);
	assert_string_equal(f->rep.rejects, want);

	/* The rejects file holds the header, the bad row as read and its
	 * problem, and nothing of the good rows. */
	FILE *fp = fopen(want, "rb");
	assert_non_null(fp);
	char buf[4096];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	assert_non_null(strstr(buf, "\"pipebench_errors\"\r\n"));
	assert_non_null(strstr(buf, "s.csv:3:53: column \"\"battlefield\"\": unknown "
	                            "battlefield \"\"warzone\"\""));
	assert_null(strstr(buf, "Lærdal AS"));
	/* Put right and imported, it brings the row in, its notes exactly as
	 * the first file had them. */
	char *at = strstr(buf, "\"warzone\"");
	assert_non_null(at);
	memcpy(at, "\"upsell\"", 8);
	memmove(at + 8, at + 9, strlen(at + 9) + 1);
	assert_int_equal(run(f, CORE_KIND_MEETINGS, "s.rejects.csv", buf, 0, 0, &err),
	                 CORE_OK);
	assert_int_equal(f->rep.created, 1);
	assert_sql_text(f, "SELECT notes FROM minutes JOIN meeting ON id = meeting_id "
	                   "WHERE starts_at = 1795428000", "=1+2, \"quoted\"\nand a line");
	assert_sql_text(f, "SELECT battlefield FROM meeting WHERE starts_at = 1795428000",
	                "upsell");
}

/* A CRM's own file: Salesforce's Type says "Meeting" for three forms, so
 * the form comes from the description's tag line, the summary from its
 * section, the duration from the end, the participant from WhoId and the
 * seller from OwnerId.  Importing it again matches on the CRM id. */
static void test_salesforce_description(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	fixture_seller(f->db, "Mette Sørensen");
	accounts_and_contacts(f);
	fixture_sql_exec(f->raw, "UPDATE seller SET crm_id = 'USR-1'");
	struct core_profile sf;
	fixture_check(core_profile_load("salesforce", NULL, &sf, &err), &err);
	static const char file[] =
		"Id,StartDateTime,EndDateTime,Description,Type,WhoId,WhatId,OwnerId\n"
		"00U1,2026-11-23T08:00:00.000Z,2026-11-23T09:30:00.000Z,\"Summary:\n"
		"Godt møde, æøå\n\n[pipebench battlefield=upsell type=negotiation "
		"form=hybrid dim=development complexity=high sale=solution status=held]\","
		"Meeting,CON-1,ACC-1,USR-1\n";
	snprintf(f->file, sizeof f->file, "%s/sf.csv", f->dir);
	FILE *fp = fopen(f->file, "wb");
	assert_non_null(fp);
	fputs(file, fp);
	fclose(fp);
	struct db_csv_import x = { &sf, CORE_KIND_MEETINGS, f->file, 0, 0 };
	enum core_status st = db_csv_import(f->db, &x, &f->rep, &err);
	if (st != CORE_OK)
		fail_msg("%s / %s", err.msg, f->rep.shown ? f->rep.msg[0] : "-");
	assert_int_equal(f->rep.created, 1);
	assert_sql_text(f, "SELECT form || ' ' || battlefield || ' ' || type || ' ' || dim || "
	                   "' ' || status || ' ' || duration_min FROM meeting",
	                "hybrid upsell negotiation development held 90");
	assert_sql_text(f, "SELECT summary FROM minutes", "Godt møde, æøå");
	assert_int_equal(sql_int(f, "SELECT contact_id FROM participant"), 40);
	assert_sql_text(f, "SELECT s.name FROM meeting m JOIN seller s ON s.id = m.seller_id",
	                "Mette Sørensen");
	fixture_check(db_csv_import(f->db, &x, &f->rep, &err), &err);
	assert_int_equal(f->rep.created, 0);
	assert_int_equal(f->rep.updated, 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM meeting"), 1);
	core_profile_free(&sf);
}

static void test_busy(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	db_set_busy_timeout(f->db, 50);
	fixture_sql_exec(f->raw, "BEGIN IMMEDIATE");
	assert_int_equal(run(f, CORE_KIND_ACCOUNTS, "b.csv", "name\nKøge Gruppen\n", 0, 0,
	                     &err), CORE_ERR_BUSY);
	assert_non_null(strstr(err.msg, "locked"));
	assert_int_equal(f->rep.committed, 0);
	fixture_sql_exec(f->raw, "ROLLBACK");
	assert_int_equal(sql_int(f, "SELECT count(*) FROM account"), 0);
	/* Free again, the same import goes through. */
	run_ok(f, CORE_KIND_ACCOUNTS, "b.csv", "name\nKøge Gruppen\n");
	assert_int_equal(sql_int(f, "SELECT count(*) FROM account"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_accounts_match_order, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_owner_seller_created, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_contacts_keys, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_meetings_create_then_update, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_account, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_participant_of_other_account, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_all_problems, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_writes_nothing, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_skip_bad, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_salesforce_description, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_busy, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
