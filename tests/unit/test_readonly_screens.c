/* The manager's drill into a seller's file (tui/app.h readonly): the
 * minutes, preparation, follow-ups and account screens opened read-only
 * on a file opened DB_OPEN_READONLY, as the review opens it.  For each:
 * the drawing is the seller's line for line but the title, which says
 * read-only; every key that would write is refused with "read-only:
 * NAME's ..." (never SQLite's "attempt to write a readonly database"),
 * leaving the screen as it was but for its status line; the keys that
 * move still move; Esc leaves without asking; and the file's bytes are
 * the same at the end. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/followup.h"
#include "core/minutes.h"
#include "db/actions.h"
#include "db/contacts.h"
#include "db/meetings.h"
#include "db/prep.h"
#include "tui/account.h"
#include "tui/canvas.h"
#include "tui/followups.h"
#include "tui/minutes.h"
#include "tui/prep.h"
#include "tests/unit/events.h"
#include "tests/unit/fixture.h"

/* Monday 2026-11-23, 09:00 UTC (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL
#define CTRL(c) ((c) & 0x1f)
#define ESC 27
#define DUMP_MAX 16384
#define OWNER "Anna Berg"

static int64_t today(void)
{
	return core_days_from_date((struct core_date){ 2026, 11, 23 });
}

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;          /* the seller's file, opened read-only */
	unsigned char *bytes;   /* the file as the seller left it */
	size_t n_bytes;
	struct core_meeting m;  /* a held meeting with minutes and preparation */
	int64_t seller;
	char before[DUMP_MAX], after[DUMP_MAX];
};

static unsigned char *file_read(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	long len = ftell(f);
	assert_true(len > 0);
	rewind(f);
	unsigned char *buf = malloc((size_t)len);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return buf;
}

/* The seller's side: their file with a meeting worth reviewing. */
static void seller_writes(struct fx *x, struct db *db)
{
	struct core_error err = { CORE_OK, "" };
	x->seller = fixture_seller(db, OWNER);
	int64_t account = fixture_account(db, "Østerbro Tryk ApS");
	x->m = fixture_meeting(x->seller, MON_0900, CORE_BF_UPSELL, "negotiation");
	x->m.account_id = account;
	x->m.form = CORE_FORM_HYBRID;
	fixture_check(db_meeting_insert(db, &x->m, &err), &err);
	/* Twelve contacts: more than the account screen's body shows on 80x24. */
	int64_t jens = 0;
	for (int i = 0; i < 12; i++) {
		struct core_contact c;
		memset(&c, 0, sizeof c);
		c.account_id = account;
		if (i == 0)
			snprintf(c.name, sizeof c.name, "Jens Ørum");
		else
			snprintf(c.name, sizeof c.name, "Kontakt %02d", i + 1);
		fixture_check(db_contact_insert(db, &c, &err), &err);
		if (i == 0)
			jens = c.id;
	}
	fixture_check(db_participant_add(db, x->m.id, jens, &err), &err);
	/* A summary longer than its two rows on 80x24. */
	struct core_minutes min;
	memset(&min, 0, sizeof min);
	fixture_check(core_minutes_set(&min, CORE_MIN_SUMMARY,
	                               "Resumé linje 1\nResumé linje 2\nResumé linje 3\n"
	                               "Resumé linje 4\nResumé linje 5\nResumé linje 6",
	                               &err), &err);
	fixture_check(core_minutes_set(&min, CORE_MIN_AGREED, "Pilot i januar", &err), &err);
	fixture_check(db_minutes_save(db, x->m.id, &min, NULL, &err), &err);
	core_minutes_free(&min);
	struct core_action a;
	memset(&a, 0, sizeof a);
	a.meeting_id = x->m.id;
	snprintf(a.text, sizeof a.text, "Send tilbud på pilot");
	a.due = today() + 3;
	fixture_check(db_action_insert(db, &a, &err), &err);
	struct core_prep p;
	memset(&p, 0, sizeof p);
	fixture_check(core_prep_set(&p, CORE_PREP_PURPOSE, "Formål: aftale pilot på Ærø", &err),
	              &err);
	fixture_check(core_prep_set(&p, CORE_PREP_AGENDA, "1. Velkomst", &err), &err);
	fixture_check(db_prep_set(db, x->m.id, &p, &err), &err);
	core_prep_free(&p);
	fixture_check(db_checklist_tick(db, x->m.id, "room-ready", 1, &err), &err);
	fixture_check(db_meeting_get(db, x->m.id, &x->m, &err), &err);
}

static int setup(void **state)
{
	struct core_error err = { CORE_OK, "" };
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	fixture_dir_make(x->dir, sizeof x->dir, "readonly");
	snprintf(x->path, sizeof x->path, "%s/seller.db", x->dir);
	/* A team file, as a seller's is: the rollback journal, which a
	 * read-only connection can read once its writer has gone. */
	struct db *db = NULL;
	fixture_check(db_open(x->path, DB_OPEN_CREATE | DB_OPEN_TEAM, &db, &err), &err);
	seller_writes(x, db);
	db_close(db);
	x->bytes = file_read(x->path, &x->n_bytes);
	fixture_check(db_open(x->path, DB_OPEN_READONLY | DB_OPEN_TEAM, &x->db, &err), &err);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	fixture_db_remove(x->db, x->dir);
	free(x->bytes);
	free(x);
	return 0;
}

/* The seller's file, byte for byte as they left it. */
static void assert_file_unchanged(const struct fx *x)
{
	size_t n;
	unsigned char *now = file_read(x->path, &n);
	assert_int_equal(n, x->n_bytes);
	assert_memory_equal(now, x->bytes, n);
	free(now);
}

/* ---- comparing drawings ---- */

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* Every line of a and b but the ones from..to (inclusive) is the same. */
static void assert_same_but(const char *a, const char *b, int from, int to)
{
	int lines = count_lines(a);
	assert_int_equal(count_lines(b), lines);
	char la[1024], lb[1024];
	for (int i = 0; i < lines; i++) {
		if (i >= from && i <= to)
			continue;
		events_line_at(a, i, la, sizeof la);
		events_line_at(b, i, lb, sizeof lb);
		if (strcmp(la, lb) != 0)
			fail_msg("line %d differs:\n-%s\n+%s", i, la, lb);
	}
}

/* The seller's drawing and the read-only one: the same but the title,
 * which names the screen read-only; the seller's does not. */
static void assert_same_but_title(const char *own, const char *ro, const char *title)
{
	char line[1024];
	assert_same_but(own, ro, 0, 0);
	assert_non_null(strstr(events_line_at(ro, 0, line, sizeof line), title));
	assert_null(strstr(events_line_at(own, 0, line, sizeof line), "read-only"));
}

/* The last line of dump: the status line. */
static const char *status_of(const char *dump, char *buf, size_t n)
{
	return events_line_at(dump, count_lines(dump) - 1, buf, n);
}

/* A refused key: a redraw, the screen as before but for the status line,
 * which gives the reason. */
static void assert_refused(int flags, const char *before, const char *after,
                           const char *reason)
{
	char line[1024];
	assert_int_equal(flags, TUI_REDRAW);
	assert_same_but(before, after, count_lines(before) - 1, count_lines(before) - 1);
	assert_string_equal(status_of(after, line, sizeof line) + 1, reason);
}

static void assert_no_message(const char *dump, const char *reason)
{
	char line[1024];
	assert_null(strstr(status_of(dump, line, sizeof line), "read-only"));
	assert_null(strstr(dump, reason));
}

/* ---- the four screens ---- */

static void draw_into(struct tui_canvas *c, char *buf)
{
	events_canvas_text(c, buf, DUMP_MAX);
	tui_canvas_free(c);
}

static char *minutes_dump(struct tui_minutes *s, char *buf)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_minutes_draw(s, &c);
	draw_into(&c, buf);
	return buf;
}

static char *prep_dump(struct tui_prep *s, char *buf)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_prep_draw(s, &c);
	draw_into(&c, buf);
	return buf;
}

static char *followups_dump(struct tui_followups *s, char *buf)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_followups_draw(s, &c);
	draw_into(&c, buf);
	return buf;
}

static char *account_dump(struct tui_account *s, char *buf)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_account_draw(s, &c);
	draw_into(&c, buf);
	return buf;
}

static int minutes_ev(struct tui_minutes *s, struct tui_event ev)
{
	return tui_minutes_event(s, &ev);
}

static int prep_ev(struct tui_prep *s, struct tui_event ev)
{
	return tui_prep_event(s, &ev);
}

/* ev on a screen drawn as x->before: refused (assert_refused). */
static void minutes_refused(struct fx *x, struct tui_minutes *s, struct tui_event ev,
                            const char *why)
{
	int flags = tui_minutes_event(s, &ev);
	assert_refused(flags, x->before, minutes_dump(s, x->after), why);
}

static void prep_refused(struct fx *x, struct tui_prep *s, struct tui_event ev,
                         const char *why)
{
	int flags = tui_prep_event(s, &ev);
	assert_refused(flags, x->before, prep_dump(s, x->after), why);
}

/* The keys that write, wherever the focus is in a text: typing, Enter,
 * the deleting keys and the kill keys, the save, a new action. */
static const wint_t text_chars[] = {
	'x', L'ø', ' ', '\n', '\r', 0x7F, CTRL('H'), CTRL('D'), CTRL('K'), CTRL('U'),
	CTRL('W'), CTRL('S'),
};
static const int text_keys[] = { KEY_BACKSPACE, KEY_DC, KEY_F(2) };

static void test_minutes(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	const char *why = "read-only: " OWNER "'s minutes";
	struct tui_minutes *own = NULL, *ro = NULL;
	fixture_check(tui_minutes_open(x->db, &x->m, "Negotiation", today(), 0, NULL, &own,
	                               &err), &err);
	fixture_check(tui_minutes_open(x->db, &x->m, "Negotiation", today(), 0, OWNER, &ro,
	                               &err), &err);
	minutes_dump(own, x->before);
	minutes_dump(ro, x->after);
	assert_same_but_title(x->before, x->after, "Minutes · read-only · Østerbro Tryk ApS");
	tui_minutes_free(own);
	assert_non_null(strstr(x->after, "Resumé linje 1"));
	assert_non_null(strstr(x->after, "Pilot i januar"));
	assert_non_null(strstr(x->after, "[x] Jens Ørum"));
	assert_non_null(strstr(x->after, "[ ] Send tilbud på pilot"));

	/* In the summary: nothing typed, deleted, saved or added. */
	minutes_dump(ro, x->before);
	for (size_t i = 0; i < sizeof text_chars / sizeof text_chars[0]; i++)
		minutes_refused(x, ro, events_char(text_chars[i]), why);
	for (size_t i = 0; i < sizeof text_keys / sizeof text_keys[0]; i++)
		minutes_refused(x, ro, events_key(text_keys[i]), why);
	minutes_refused(x, ro, events_char(CTRL('N')), why);
	assert_false(tui_minutes_dirty(ro));

	/* The long summary scrolls: a page down shows its later lines. */
	assert_int_equal(minutes_ev(ro, events_key(KEY_NPAGE)), TUI_REDRAW);
	minutes_dump(ro, x->after);
	assert_no_message(x->after, why);
	assert_non_null(strstr(x->after, "(more above)"));
	assert_non_null(strstr(x->after, "Resumé linje 3"));
	assert_null(strstr(x->after, "Resumé linje 1"));

	/* The participants row: choosing moves, ticking is refused. */
	for (int i = 0; i < CORE_MIN_COUNT; i++)
		assert_int_equal(minutes_ev(ro, events_char('\t')), TUI_REDRAW);
	assert_int_equal(minutes_ev(ro, events_key(KEY_RIGHT)), TUI_REDRAW);
	assert_no_message(minutes_dump(ro, x->before), why);
	static const wint_t part[] = { ' ', '\n', '\r' };
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++)
		minutes_refused(x, ro, events_char(part[i]), why);
	minutes_refused(x, ro, events_key(KEY_ENTER), why);

	/* The action list: every key but the moving ones is refused. */
	assert_int_equal(minutes_ev(ro, events_key(KEY_DOWN)), TUI_REDRAW);
	minutes_dump(ro, x->before);
	assert_non_null(strstr(x->before, "o owner"));
	static const wint_t list[] = { ' ', 'd', 'o', 'x', '+', 'a', '\n', '\r', CTRL('S') };
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		minutes_refused(x, ro, events_char(list[i]), why);
	minutes_refused(x, ro, events_key(KEY_DC), why);
	assert_null(strstr(x->after, "Tab text/due")); /* no row for an action */
	assert_non_null(strstr(x->after, "Follow-up actions (1)"));
	assert_non_null(strstr(x->after, "[ ] Send tilbud på pilot"));
	/* Up from the list goes back to the participants, as for the seller. */
	assert_int_equal(minutes_ev(ro, events_key(KEY_UP)), TUI_REDRAW);
	assert_non_null(strstr(minutes_dump(ro, x->after), "Space was there or not"));

	/* Nothing changed, so Esc leaves at once. */
	assert_false(tui_minutes_dirty(ro));
	assert_int_equal(minutes_ev(ro, events_char(ESC)), TUI_CLOSE);
	tui_minutes_free(ro);
	assert_file_unchanged(x);
}

static void test_prep(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	const char *why = "read-only: " OWNER "'s preparation";
	struct tui_prep *own = NULL, *ro = NULL;
	fixture_check(tui_prep_open(x->db, &x->m, "Negotiation", 0, NULL, &own, &err), &err);
	fixture_check(tui_prep_open(x->db, &x->m, "Negotiation", 0, OWNER, &ro, &err), &err);
	prep_dump(own, x->before);
	prep_dump(ro, x->after);
	/* 80 columns cut the account's name, never the read-only before it. */
	assert_same_but_title(x->before, x->after, "Preparation · read-only · Østerbro Try…");
	tui_prep_free(own);
	assert_non_null(strstr(x->after, "Formål: aftale pilot på Ærø"));
	assert_non_null(strstr(x->after, "1. Velkomst"));
	assert_non_null(strstr(x->after, "(1 of 14 done)"));
	assert_non_null(strstr(x->after, "[x] Room ready before the customer joins"));

	/* In the purpose: nothing typed, deleted or saved; the cursor moves. */
	assert_int_equal(prep_ev(ro, events_key(KEY_RIGHT)), TUI_REDRAW);
	prep_dump(ro, x->before);
	assert_no_message(x->before, why);
	for (size_t i = 0; i < sizeof text_chars / sizeof text_chars[0]; i++)
		prep_refused(x, ro, events_char(text_chars[i]), why);
	for (size_t i = 0; i < sizeof text_keys / sizeof text_keys[0]; i++)
		prep_refused(x, ro, events_key(text_keys[i]), why);
	assert_false(tui_prep_dirty(ro));

	/* The checklist: End scrolls to its last items, ticking is refused. */
	for (int i = 0; i < CORE_PREP_COUNT; i++)
		assert_int_equal(prep_ev(ro, events_char('\t')), TUI_REDRAW);
	assert_int_equal(prep_ev(ro, events_key(KEY_END)), TUI_REDRAW);
	prep_dump(ro, x->before);
	assert_no_message(x->before, why);
	assert_non_null(strstr(x->before, "(more above)"));
	assert_null(strstr(x->before, "Room ready before the customer joins"));
	static const wint_t tick[] = { ' ', '\n', '\r', CTRL('S') };
	for (size_t i = 0; i < sizeof tick / sizeof tick[0]; i++)
		prep_refused(x, ro, events_char(tick[i]), why);
	prep_refused(x, ro, events_key(KEY_ENTER), why);
	assert_non_null(strstr(x->after, "(1 of 14 done)"));

	assert_false(tui_prep_dirty(ro));
	assert_int_equal(prep_ev(ro, events_char(ESC)), TUI_CLOSE);
	tui_prep_free(ro);
	assert_file_unchanged(x);
}

static void test_followups(void **state)
{
	struct fx *x = *state;
	const char *why = "read-only: " OWNER "'s follow-ups";
	struct tui_followups *own = tui_followups_open(x->db, x->seller, OWNER, today(), 0, 0);
	struct tui_followups *ro = tui_followups_open(x->db, x->seller, OWNER, today(), 0, 1);
	assert_non_null(own);
	assert_non_null(ro);
	followups_dump(own, x->before);
	followups_dump(ro, x->after);
	assert_same_but_title(x->before, x->after, "Follow-ups · read-only · " OWNER);
	tui_followups_free(own);
	assert_non_null(strstr(x->after, "1 open"));
	assert_non_null(strstr(x->after, "Send tilbud på pilot"));

	/* d, Space and u write: refused, the action still open. */
	struct tui_event ev;
	static const wint_t writes[] = { 'd', ' ', 'u' };
	followups_dump(ro, x->before);
	for (size_t i = 0; i < sizeof writes / sizeof writes[0]; i++) {
		ev = events_char(writes[i]);
		int flags = tui_followups_event(ro, &ev);
		assert_refused(flags, x->before, followups_dump(ro, x->after), why);
	}
	assert_non_null(strstr(x->after, "1 open"));
	/* Filtering reads only: b cycles the battlefield, the list follows. */
	ev = events_char('b');
	assert_int_equal(tui_followups_event(ro, &ev), TUI_REDRAW);
	followups_dump(ro, x->after);
	assert_no_message(x->after, why);
	assert_non_null(strstr(x->after, "0 of 1 open"));
	ev = events_char('b');
	tui_followups_event(ro, &ev);
	assert_non_null(strstr(followups_dump(ro, x->after), "Battlefield Upsell"));
	assert_non_null(strstr(x->after, "Send tilbud på pilot"));
	/* Enter still goes to the action's meeting in the week. */
	ev = events_char('\n');
	assert_int_equal(tui_followups_event(ro, &ev), TUI_CLOSE);
	assert_int_equal(tui_followups_jump(ro), x->m.id);
	tui_followups_free(ro);
	assert_file_unchanged(x);
}

static void test_account(void **state)
{
	struct fx *x = *state;
	const char *why = "read-only: " OWNER "'s account";
	struct tui_account *own = tui_account_open(x->db, x->seller, x->m.account_id, today(),
	                                           NULL, 0, NULL);
	struct tui_account *ro = tui_account_open(x->db, x->seller, x->m.account_id, today(),
	                                          NULL, 0, OWNER);
	assert_non_null(own);
	assert_non_null(ro);
	account_dump(own, x->before);
	account_dump(ro, x->after);
	assert_same_but_title(x->before, x->after, "Account · read-only · Østerbro Tryk ApS");
	tui_account_free(own);
	assert_non_null(strstr(x->after, "Contacts (12)"));
	assert_non_null(strstr(x->after, "Jens Ørum"));
	assert_non_null(strstr(x->after, "lines 1–18 of 20"));

	/* c would add a contact: refused, and no form opens. */
	struct tui_event ev = events_char('c');
	account_dump(ro, x->before);
	int flags = tui_account_event(ro, &ev);
	assert_refused(flags, x->before, account_dump(ro, x->after), why);
	assert_null(strstr(x->after, "New contact"));
	ev = events_char('x'); /* typed as if into the form: nothing there */
	assert_int_equal(tui_account_event(ro, &ev), TUI_REDRAW);
	assert_non_null(strstr(account_dump(ro, x->after), "that key does nothing here"));
	/* Scrolling works. */
	ev = events_char('j');
	assert_int_equal(tui_account_event(ro, &ev), TUI_REDRAW);
	assert_non_null(strstr(account_dump(ro, x->after), "lines 2–19 of 20"));
	ev = events_key(KEY_END);
	assert_int_equal(tui_account_event(ro, &ev), TUI_REDRAW);
	assert_non_null(strstr(account_dump(ro, x->after), "Open actions (1)"));
	ev = events_char('q');
	assert_int_equal(tui_account_event(ro, &ev), TUI_CLOSE);
	tui_account_free(ro);
	assert_file_unchanged(x);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_minutes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_followups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_account, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
