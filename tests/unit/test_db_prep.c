/* A meeting's preparation, minutes and checklist ticks (db/prep.h, and the
 * text rules of core/minutes.h): round trips with æøå, line breaks and
 * 60 KiB texts, minutes marking a planned meeting held in the same
 * transaction, refused text writing nothing, and rows edited by hand.
 * Real files in a temporary directory. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/checklist.h"
#include "core/minutes.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "db/prep.h"
#include "fixture.h"

/* 2026-11-23 09:00 UTC, a Monday (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t planned, held, cancelled;
	char *long_text;   /* 60 KiB of Danish over many lines */
};

static int64_t meeting_add(struct db *db, int64_t seller, int64_t account, int64_t at,
                           enum core_mstatus status)
{
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	m.seller_id = seller;
	m.account_id = account;
	m.starts_at = at;
	m.duration_min = 60;
	m.battlefield = CORE_BF_UPSELL;
	snprintf(m.type, sizeof m.type, "workshop");
	m.form = CORE_FORM_HYBRID;
	m.status = status;
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_meeting_insert(db, &m, &err), &err);
	return m.id;
}

static char *long_text_make(size_t at_least)
{
	static const char line[] =
		"Smerte: leveringstiden på rør til Ærøskøbing er 14 dage — kunden vil have 5.\n";
	size_t n = (at_least / (sizeof line - 1) + 1) * (sizeof line - 1);
	char *s = malloc(n + 1);
	assert_non_null(s);
	for (size_t o = 0; o < n; o += sizeof line - 1)
		memcpy(s + o, line, sizeof line - 1);
	s[n] = '\0';
	return s;
}

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "prep");
	snprintf(f->path, sizeof f->path, "%s/prep.db", f->dir);
	f->db = fixture_db_create(f->path);
	int64_t mette = fixture_seller(f->db, "Mette Sørensen");
	int64_t acct = fixture_account(f->db, "Østerbro Hus");
	f->planned = meeting_add(f->db, mette, acct, MON_0900, CORE_MS_PLANNED);
	f->held = meeting_add(f->db, mette, acct, MON_0900 + 86400, CORE_MS_HELD);
	f->cancelled = meeting_add(f->db, mette, acct, MON_0900 + 2 * 86400,
	                           CORE_MS_CANCELLED);
	f->long_text = long_text_make(60 * 1024);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->db);
	fixture_dir_remove(f->dir);
	free(f->long_text);
	free(f);
	return 0;
}

static void reopen(struct fx *f)
{
	db_close(f->db);
	f->db = NULL;
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_open(f->path, 0, &f->db, &err), &err);
}

static enum core_mstatus status_of(struct db *db, int64_t id)
{
	struct core_meeting m;
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_meeting_get(db, id, &m, &err), &err);
	return m.status;
}

static long long minutes_rows(struct db *db)
{
	return fixture_sql_int(db->h, "SELECT count(*) FROM minutes", NULL);
}

/* ---- preparation ----------------------------------------------------- */

static void test_prep_round_trip(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_prep p;
	fixture_check(db_prep_get(f->db, f->planned, &p, &err), &err);
	for (int i = 0; i < CORE_PREP_COUNT; i++) {
		assert_null(p.text[i]);
		assert_string_equal(core_prep_text(&p, (enum core_prep_field)i), "");
	}

	fixture_check(core_prep_set(&p, CORE_PREP_PURPOSE,
	                            "Afklare behovet hos Østerbro Hus\nog aftale næste skridt",
	                            &err), &err);
	fixture_check(core_prep_set(&p, CORE_PREP_AGENDA,
	                            "1. Velkomst og småsnak\n2. Gennemgang af rør\n\n"
	                            "3. Pris — ÆØÅ æøå\n", &err), &err);
	fixture_check(core_prep_set(&p, CORE_PREP_PAINS, f->long_text, &err), &err);
	assert_true(strlen(p.text[CORE_PREP_PAINS]) >= 60 * 1024);
	fixture_check(db_prep_set(f->db, f->planned, &p, &err), &err);

	for (int pass = 0; pass < 2; pass++) {
		struct core_prep q;
		fixture_check(db_prep_get(f->db, f->planned, &q, &err), &err);
		for (int i = 0; i < CORE_PREP_COUNT; i++)
			assert_string_equal(q.text[i], p.text[i]);
		core_prep_free(&q);
		reopen(f);   /* and again from the file */
	}
	/* The other meetings and the meeting's own fields are untouched. */
	struct core_prep other;
	fixture_check(db_prep_get(f->db, f->held, &other, &err), &err);
	assert_null(other.text[CORE_PREP_PURPOSE]);
	core_prep_free(&other);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_PLANNED);

	/* Emptying a field stores it empty. */
	fixture_check(core_prep_set(&p, CORE_PREP_PAINS, NULL, &err), &err);
	fixture_check(db_prep_set(f->db, f->planned, &p, &err), &err);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT length(pains) FROM meeting "
	                                           "WHERE purpose LIKE 'Afklare%'", NULL), 0);
	core_prep_free(&p);
	assert_null(p.text[CORE_PREP_AGENDA]);
}

static void test_prep_too_long_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_prep p = { { NULL } };
	fixture_check(core_prep_set(&p, CORE_PREP_PURPOSE, "Første udkast", &err), &err);
	fixture_check(db_prep_set(f->db, f->planned, &p, &err), &err);
	fixture_sql_exec(f->db->h, "UPDATE meeting SET updated_at = 42");

	/* Exactly 64 KiB fits; one byte more does not. */
	char *big = malloc(CORE_NOTE_MAX + 2);
	assert_non_null(big);
	memset(big, 'x', CORE_NOTE_MAX + 1);
	big[CORE_NOTE_MAX + 1] = '\0';
	fixture_check(core_prep_set(&p, CORE_PREP_PURPOSE, "Andet udkast", &err), &err);
	fixture_check(core_prep_set(&p, CORE_PREP_PAINS, big, &err), &err);
	assert_int_equal(db_prep_set(f->db, f->planned, &p, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg,
	                    "Business pains is too long: 65537 bytes; at most 65536 (64 KiB) fit");
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT count(*) FROM meeting WHERE "
	                                           "purpose = ?1 AND updated_at = 42",
	                                 "Første udkast"), 1);

	big[CORE_NOTE_MAX] = '\0';
	fixture_check(core_prep_set(&p, CORE_PREP_PAINS, big, &err), &err);
	fixture_check(db_prep_set(f->db, f->planned, &p, &err), &err);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT length(pains) FROM meeting "
	                                           "WHERE purpose = ?1", "Andet udkast"),
	                 CORE_NOTE_MAX);
	/* The time of the change moved on. */
	assert_true(fixture_sql_int(f->db->h, "SELECT min(updated_at) FROM meeting "
	                                      "WHERE purpose = ?1", "Andet udkast") > 42);
	free(big);

	/* Bytes put in behind core_prep_set's back are checked too. */
	free(p.text[CORE_PREP_AGENDA]);
	p.text[CORE_PREP_AGENDA] = strdup("1. ok\n2. \xff");
	assert_int_equal(db_prep_set(f->db, f->planned, &p, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "Agenda: line 2, column 4: not valid UTF-8 (byte 0xFF)");
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT length(agenda) FROM meeting "
	                                           "WHERE purpose = ?1", "Andet udkast"), 0);
	core_prep_free(&p);
}

static void test_prep_missing_meeting(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_prep p = { { NULL } };
	assert_int_equal(db_prep_get(f->db, 9999, &p, &err), CORE_ERR_NOTFOUND);
	assert_string_equal(err.msg, "no meeting with id 9999 (deleted meanwhile?)");
	for (int i = 0; i < CORE_PREP_COUNT; i++)
		assert_null(p.text[i]);
	fixture_check(core_prep_set(&p, CORE_PREP_PURPOSE, "x", &err), &err);
	assert_int_equal(db_prep_set(f->db, 9999, &p, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(db_prep_set(f->db, 0, &p, &err), CORE_ERR_NOTFOUND);
	core_prep_free(&p);
	/* No transaction was left open. */
	assert_true(sqlite3_get_autocommit(f->db->h));
}

/* ---- minutes --------------------------------------------------------- */

static void minutes_fill(struct core_minutes *m, const char *summary, const char *notes)
{
	struct core_error err = { CORE_OK, "" };
	fixture_check(core_minutes_set(m, CORE_MIN_SUMMARY, summary, &err), &err);
	fixture_check(core_minutes_set(m, CORE_MIN_NEEDS,
	                               "Kortere leveringstid.\nFærre fejl på fakturaer.", &err),
	              &err);
	fixture_check(core_minutes_set(m, CORE_MIN_AGREED,
	                               "Tilbud til Søren Ærø inden fredag", &err), &err);
	fixture_check(core_minutes_set(m, CORE_MIN_NOTES, notes, &err), &err);
}

static void assert_minutes_equal(const struct core_minutes *a, const struct core_minutes *b)
{
	for (int i = 0; i < CORE_MIN_COUNT; i++)
		assert_string_equal(core_minutes_text(a, (enum core_minutes_field)i),
		                    core_minutes_text(b, (enum core_minutes_field)i));
}

static void test_minutes_mark_planned_held(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_minutes m;
	fixture_check(db_minutes_get(f->db, f->planned, &m, &err), &err);
	assert_int_equal(m.updated_at, 0);
	assert_string_equal(core_minutes_text(&m, CORE_MIN_SUMMARY), "");

	minutes_fill(&m, "Godt møde på Østerbro.\nKunden er klar til pilot.", f->long_text);
	enum core_mstatus st = CORE_MS_COUNT;
	int64_t before = (int64_t)time(NULL);
	fixture_check(db_minutes_save(f->db, f->planned, &m, &st, &err), &err);
	int64_t after = (int64_t)time(NULL);
	assert_int_equal(st, CORE_MS_HELD);
	assert_true(m.updated_at >= before && m.updated_at <= after);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_HELD);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT updated_at FROM meeting WHERE "
	                                           "status = 'held' ORDER BY updated_at DESC",
	                                 NULL), m.updated_at);

	struct core_minutes back;
	fixture_check(db_minutes_get(f->db, f->planned, &back, &err), &err);
	assert_minutes_equal(&back, &m);
	assert_int_equal(back.updated_at, m.updated_at);
	core_minutes_free(&back);

	/* Saving again rewrites the one row; the meeting stays held. */
	fixture_check(core_minutes_set(&m, CORE_MIN_NOTES, "Kort note", &err), &err);
	fixture_check(db_minutes_save(f->db, f->planned, &m, NULL, &err), &err);
	assert_int_equal(minutes_rows(f->db), 1);
	fixture_check(db_minutes_get(f->db, f->planned, &back, &err), &err);
	assert_string_equal(back.text[CORE_MIN_NOTES], "Kort note");
	core_minutes_free(&back);
	core_minutes_free(&m);
}

static void test_minutes_keep_held_and_cancelled(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_minutes m = { { NULL }, 0 };
	minutes_fill(&m, "Aflyst: budgetstop hos kunden", "Ring igen i marts");
	enum core_mstatus st = CORE_MS_COUNT;
	fixture_check(db_minutes_save(f->db, f->cancelled, &m, &st, &err), &err);
	assert_int_equal(st, CORE_MS_CANCELLED);
	assert_int_equal(status_of(f->db, f->cancelled), CORE_MS_CANCELLED);

	fixture_check(db_minutes_save(f->db, f->held, &m, &st, &err), &err);
	assert_int_equal(st, CORE_MS_HELD);
	assert_int_equal(status_of(f->db, f->held), CORE_MS_HELD);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_PLANNED);

	struct core_minutes back;
	fixture_check(db_minutes_get(f->db, f->cancelled, &back, &err), &err);
	assert_minutes_equal(&back, &m);
	core_minutes_free(&back);
	assert_int_equal(minutes_rows(f->db), 2);
	core_minutes_free(&m);
}

static void test_minutes_survive_reopen(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_minutes m = { { NULL }, 0 };
	minutes_fill(&m, "Blåbærgrød og æbleskiver\r\nved mødet", f->long_text);
	/* Pasted line ends were made plain. */
	assert_string_equal(m.text[CORE_MIN_SUMMARY], "Blåbærgrød og æbleskiver\nved mødet");
	fixture_check(db_minutes_save(f->db, f->planned, &m, NULL, &err), &err);
	reopen(f);
	struct core_minutes back;
	fixture_check(db_minutes_get(f->db, f->planned, &back, &err), &err);
	assert_minutes_equal(&back, &m);
	assert_int_equal(back.updated_at, m.updated_at);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_HELD);
	core_minutes_free(&back);
	core_minutes_free(&m);
}

static void test_minutes_refused_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_minutes m = { { NULL }, 0 };
	char *big = long_text_make(CORE_NOTE_MAX + 1);
	minutes_fill(&m, "Resumé", big);
	free(big);
	assert_int_equal(db_minutes_save(f->db, f->planned, &m, NULL, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "Notes is too long: "));
	assert_int_equal(m.updated_at, 0);
	assert_int_equal(minutes_rows(f->db), 0);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_PLANNED);

	fixture_check(core_minutes_set(&m, CORE_MIN_NOTES, "kort", &err), &err);
	assert_int_equal(db_minutes_save(f->db, 9999, &m, NULL, &err), CORE_ERR_NOTFOUND);
	assert_int_equal(minutes_rows(f->db), 0);
	struct core_minutes none;
	assert_int_equal(db_minutes_get(f->db, 9999, &none, &err), CORE_ERR_NOTFOUND);
	assert_null(none.text[CORE_MIN_SUMMARY]);
	assert_true(sqlite3_get_autocommit(f->db->h));
	core_minutes_free(&m);
}

/* The minutes and the status are one transaction: when either write fails,
 * neither happens. */
static void test_minutes_one_transaction(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_minutes m = { { NULL }, 0 };
	minutes_fill(&m, "Resumé", "Noter");

	fixture_sql_exec(f->db->h, "CREATE TRIGGER no_held BEFORE UPDATE OF status ON meeting "
	                           "BEGIN SELECT RAISE(ABORT, 'held refused by test'); END");
	assert_int_equal(db_minutes_save(f->db, f->planned, &m, NULL, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, "held refused by test"));
	assert_int_equal(minutes_rows(f->db), 0);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_PLANNED);
	fixture_sql_exec(f->db->h, "DROP TRIGGER no_held");

	fixture_sql_exec(f->db->h, "CREATE TRIGGER no_minutes BEFORE INSERT ON minutes "
	                           "BEGIN SELECT RAISE(ABORT, 'minutes refused by test'); END");
	assert_int_equal(db_minutes_save(f->db, f->planned, &m, NULL, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, "minutes refused by test"));
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_PLANNED);
	fixture_sql_exec(f->db->h, "DROP TRIGGER no_minutes");

	fixture_check(db_minutes_save(f->db, f->planned, &m, NULL, &err), &err);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_HELD);
	core_minutes_free(&m);
}

static void test_minutes_busy(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_minutes m = { { NULL }, 0 };
	minutes_fill(&m, "Resumé", "Noter");
	sqlite3 *other;
	assert_int_equal(sqlite3_open(f->path, &other), SQLITE_OK);
	fixture_sql_exec(other, "BEGIN IMMEDIATE");
	db_set_busy_timeout(f->db, 50);
	assert_int_equal(db_minutes_save(f->db, f->planned, &m, NULL, &err), CORE_ERR_BUSY);
	assert_non_null(strstr(err.msg, "database is locked by another process"));
	assert_int_equal(m.updated_at, 0);
	fixture_sql_exec(other, "ROLLBACK");
	sqlite3_close(other);
	assert_int_equal(minutes_rows(f->db), 0);
	assert_int_equal(status_of(f->db, f->planned), CORE_MS_PLANNED);
	fixture_check(db_minutes_save(f->db, f->planned, &m, NULL, &err), &err);
	core_minutes_free(&m);
}

/* ---- checklist ticks ------------------------------------------------- */

static void test_ticks_round_trip(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_checklist cl;
	fixture_check(core_checklist_for_form(CORE_FORM_HYBRID, &cl, &err), &err);
	fixture_check(db_checklist_read(f->db, f->planned, &cl, &err), &err);
	for (int i = 0; i < cl.n_items; i++)
		assert_int_equal(cl.items[i].ticked, 0);

	fixture_check(db_checklist_tick(f->db, f->planned, "room-ready", 1, &err), &err);
	fixture_check(db_checklist_tick(f->db, f->planned, "whiteboard", 1, &err), &err);
	fixture_check(db_checklist_tick(f->db, f->planned, "agenda", 1, &err), &err);
	fixture_check(db_checklist_tick(f->db, f->planned, "whiteboard", 1, &err), &err);
	fixture_check(db_checklist_tick(f->db, f->planned, "agenda", 0, &err), &err);
	fixture_check(db_checklist_tick(f->db, f->planned, "agenda", 0, &err), &err);
	/* A tick of an item the team has since removed stays stored. */
	fixture_check(db_checklist_tick(f->db, f->planned, "old-item", 1, &err), &err);
	fixture_check(db_checklist_tick(f->db, f->held, "own-screen", 1, &err), &err);
	reopen(f);

	fixture_check(db_checklist_read(f->db, f->planned, &cl, &err), &err);
	for (int i = 0; i < cl.n_items; i++) {
		int want = strcmp(cl.items[i].key, "room-ready") == 0 ||
		           strcmp(cl.items[i].key, "whiteboard") == 0;
		assert_int_equal(cl.items[i].ticked, want);
	}
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT count(*) FROM checklist_tick "
	                                           "WHERE item = ?1", "old-item"), 1);

	/* Reading another meeting clears what the struct held. */
	fixture_check(db_checklist_read(f->db, f->held, &cl, &err), &err);
	for (int i = 0; i < cl.n_items; i++)
		assert_int_equal(cl.items[i].ticked, strcmp(cl.items[i].key, "own-screen") == 0);

	/* A key shared by two lists keeps its tick when the form changes. */
	fixture_check(db_checklist_tick(f->db, f->cancelled, "purpose", 1, &err), &err);
	struct core_checklist v;
	fixture_check(core_checklist_for_form(CORE_FORM_VIRTUAL, &v, &err), &err);
	fixture_check(db_checklist_read(f->db, f->cancelled, &v, &err), &err);
	assert_int_equal(v.items[core_checklist_find(&v, "purpose")].ticked, 1);
	assert_int_equal(v.items[core_checklist_find(&v, "camera-on")].ticked, 0);
}

static void test_ticks_refused(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(db_checklist_tick(f->db, f->planned, "Room Ready", 1, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, "not a checklist item key: use 1-31 of a-z, 0-9 and '-'");
	assert_int_equal(db_checklist_tick(f->db, f->planned, "", 1, &err), CORE_ERR_INPUT);
	assert_int_equal(db_checklist_tick(f->db, f->planned, NULL, 1, &err), CORE_ERR_INPUT);
	assert_int_equal(db_checklist_tick(f->db, 9999, "room-ready", 1, &err),
	                 CORE_ERR_NOTFOUND);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT count(*) FROM checklist_tick",
	                                 NULL), 0);
	struct core_checklist cl;
	fixture_check(core_checklist_for_form(CORE_FORM_PHONE, &cl, &err), &err);
	assert_int_equal(db_checklist_read(f->db, 9999, &cl, &err), CORE_ERR_NOTFOUND);
	assert_true(sqlite3_get_autocommit(f->db->h));
}

/* ---- rows edited by hand --------------------------------------------- */

static void test_hand_edited_rows(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	/* Latin-1, a lone CR, a CR LF, an escape sequence and a NUL: none of it
	 * reaches the screen as it was. */
	fixture_sql_exec(f->db->h, "PRAGMA ignore_check_constraints = ON");
	fixture_sql_exec(f->db->h,
	                 "UPDATE meeting SET purpose = CAST(x'42E56E' AS TEXT), "
	                 "agenda = 'a' || char(13) || 'b' || char(13, 10) || 'c', "
	                 "pains = CAST(x'411B5B326A00425A' AS TEXT), status = 'postponed' "
	                 "WHERE status = 'planned'");
	fixture_sql_exec(f->db->h, "PRAGMA ignore_check_constraints = OFF");
	struct core_prep p;
	fixture_check(db_prep_get(f->db, f->planned, &p, &err), &err);
	assert_string_equal(p.text[CORE_PREP_PURPOSE], "B?n");
	assert_string_equal(p.text[CORE_PREP_AGENDA], "a\nb\nc");
	assert_string_equal(p.text[CORE_PREP_PAINS], "A?[2j");
	/* What was read can be saved back as it is. */
	fixture_check(db_prep_set(f->db, f->planned, &p, &err), &err);
	core_prep_free(&p);

	/* An unknown status reads as planned (as the week shows it), so minutes
	 * make it held: a valid key again. */
	struct core_minutes m = { { NULL }, 0 };
	minutes_fill(&m, "Resumé", "Noter");
	enum core_mstatus st = CORE_MS_COUNT;
	fixture_check(db_minutes_save(f->db, f->planned, &m, &st, &err), &err);
	assert_int_equal(st, CORE_MS_HELD);
	assert_int_equal(fixture_sql_int(f->db->h, "SELECT count(*) FROM meeting WHERE "
	                                           "status = 'postponed'", NULL), 0);
	core_minutes_free(&m);

	fixture_sql_exec(f->db->h, "UPDATE minutes SET notes = CAST(x'FF0A6F6B' AS TEXT)");
	fixture_check(db_minutes_get(f->db, f->planned, &m, &err), &err);
	assert_string_equal(m.text[CORE_MIN_NOTES], "?\nok");
	core_minutes_free(&m);

	/* A tick stored as a number, or under a key no list has, is no item. */
	assert_int_equal(f->planned, 1);
	fixture_sql_exec(f->db->h, "INSERT INTO checklist_tick VALUES (1, 5), "
	                           "(1, 'WHITEBOARD'), (1, 'white board')");
	struct core_checklist cl;
	fixture_check(core_checklist_for_form(CORE_FORM_HYBRID, &cl, &err), &err);
	fixture_check(db_checklist_read(f->db, f->planned, &cl, &err), &err);
	for (int i = 0; i < cl.n_items; i++)
		assert_int_equal(cl.items[i].ticked, 0);
}

/* ---- the text rules (core/minutes.h) ---------------------------------- */

static void test_note_rules(void **state)
{
	(void)state;
	struct core_error err = { CORE_OK, "" };
	const char *raw = "a\r\nb\rc\x01" "d\xff" "e\tæ\x7f";
	char *s = core_note_clean(raw, strlen(raw));
	assert_string_equal(s, "a\nb\nc?d?e\tæ?");
	free(s);
	s = core_note_clean("før\0efter", 10);   /* stops at the NUL */
	assert_string_equal(s, "før");
	free(s);
	s = core_note_clean(NULL, 5);
	assert_string_equal(s, "");
	free(s);
	s = core_note_clean("ab\xc3", 3);         /* cut inside a character */
	assert_string_equal(s, "ab?");
	free(s);

	assert_int_equal(core_note_check("Notes", "æøå\n\tline two\n", &err), CORE_OK);
	assert_int_equal(core_note_check("Notes", NULL, &err), CORE_OK);
	assert_int_equal(core_note_check("Notes", "æøå\nab\x01", &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "Notes: line 2, column 3: control character (byte 0x01)");
	assert_int_equal(core_note_check("Notes", "a\r\n", &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "Notes: line 1, column 2: control character (byte 0x0D)");

	assert_string_equal(core_prep_key(CORE_PREP_PAINS), "pains");
	assert_string_equal(core_prep_label(CORE_PREP_PAINS), "Business pains");
	assert_string_equal(core_prep_key(CORE_PREP_COUNT), "?");
	assert_string_equal(core_minutes_key(CORE_MIN_AGREED), "agreed");
	assert_string_equal(core_minutes_label(CORE_MIN_NEEDS), "Needs and pains");
	assert_string_equal(core_minutes_label(CORE_MIN_COUNT), "?");
	assert_string_equal(core_minutes_text(NULL, CORE_MIN_NOTES), "");

	struct core_minutes m = { { NULL }, 0 };
	assert_int_equal(core_minutes_set(&m, CORE_MIN_COUNT, "x", &err), CORE_ERR_INPUT);
	fixture_check(core_minutes_set(&m, CORE_MIN_NOTES, "første", &err), &err);
	fixture_check(core_minutes_set(&m, CORE_MIN_NOTES, "anden", &err), &err);
	assert_string_equal(core_minutes_text(&m, CORE_MIN_NOTES), "anden");
	m.updated_at = 7;
	core_minutes_free(&m);
	assert_null(m.text[CORE_MIN_NOTES]);
	assert_int_equal(m.updated_at, 0);
	core_minutes_free(NULL);
	core_prep_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_prep_round_trip, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_prep_too_long_writes_nothing, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_prep_missing_meeting, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_minutes_mark_planned_held, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_minutes_keep_held_and_cancelled, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_minutes_survive_reopen, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_minutes_refused_writes_nothing, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_minutes_one_transaction, fx_setup,
		                                fx_teardown),
		cmocka_unit_test_setup_teardown(test_minutes_busy, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ticks_round_trip, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_ticks_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_hand_edited_rows, fx_setup, fx_teardown),
		cmocka_unit_test(test_note_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
