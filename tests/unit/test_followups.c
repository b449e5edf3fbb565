/* The follow-ups screen (tui/followups.c) on a real SQLite file, driven
 * with synthetic events and read back from its canvas: the order overdue,
 * this week, later under their headings, the counts, the battlefield and
 * account filters, done (and undone) with one key and what reaches the
 * database, the way to the meeting, a reload that keeps the selection, the
 * empty list, and the fit on 80x24. */
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
#include <wchar.h>

#include "core/buying.h"
#include "core/calendar.h"
#include "core/followup.h"
#include "db/actions.h"
#include "db/contacts.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "tui/canvas.h"
#include "tui/followups.h"
#include "tests/unit/events.h"
#include "tests/unit/fixture.h"

/* Monday 2026-11-23, 09:00 UTC (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL

static int64_t day(int y, int m, int d)
{
	return core_days_from_date((struct core_date){ y, m, d });
}

#define TODAY day(2026, 11, 23)

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t seller;
	int64_t osterbro, hansen, laerdal;
	int64_t m_upsell, m_resale, m_new;
	int64_t jens;
	int64_t overdue, this_week, later, loose; /* the actions */
};

static int64_t meeting(struct fx *x, int64_t account, enum core_battlefield bf,
                       int64_t starts_at)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = fixture_meeting(x->seller, starts_at, bf, "negotiation");
	m.account_id = account;
	fixture_check(db_meeting_insert(x->db, &m, &err), &err);
	return m.id;
}

/* An action of a meeting (or of account, with meeting 0), due that day. */
static int64_t action(struct fx *x, int64_t meeting_id, int64_t account, int64_t due,
                      int64_t owner, const char *text)
{
	return fixture_action(x->db, x->seller, meeting_id, account, owner, due, text);
}

static int setup_empty(void **state)
{
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->db = fixture_db_make(x->dir, x->path, "followups");
	x->seller = fixture_seller(x->db, "Mette Sørensen");
	x->osterbro = fixture_account(x->db, "Østerbro Tryk ApS");
	x->hansen = fixture_account(x->db, "Brødrene Hansen A/S");
	x->laerdal = fixture_account(x->db, "Lærdal AS");
	*state = x;
	return 0;
}

/* Four open actions, inserted out of order: one overdue, one due this
 * week, two later (one of them from no meeting), and one done. */
static int setup(void **state)
{
	setup_empty(state);
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	x->m_upsell = meeting(x, x->osterbro, CORE_BF_UPSELL, MON_0900 - 7 * 86400);
	x->m_resale = meeting(x, x->hansen, CORE_BF_RESALE, MON_0900 + 86400);
	x->m_new = meeting(x, x->laerdal, CORE_BF_NEW, MON_0900 + 14 * 86400);
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = x->osterbro;
	snprintf(c.name, sizeof c.name, "Jens Ørum");
	fixture_check(db_contact_insert(x->db, &c, &err), &err);
	x->jens = c.id;
	x->later = action(x, x->m_new, 0, day(2026, 12, 10), 0, "Send the pilot plan");
	x->this_week = action(x, x->m_resale, 0, day(2026, 11, 26), 0,
	                      "Call about the renewal");
	x->overdue = action(x, x->m_upsell, 0, day(2026, 11, 20), x->jens,
	                    "Send the signed quote back");
	x->loose = action(x, 0, x->laerdal, day(2026, 12, 14), 0, "Book the site visit");
	int64_t done = action(x, x->m_upsell, 0, day(2026, 11, 19), 0, "Already done");
	fixture_check(db_action_set_done(x->db, done, 1, &err), &err);
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	fixture_db_remove(x->db, x->dir);
	free(x);
	return 0;
}

static struct tui_followups *open_screen(struct fx *x)
{
	struct tui_followups *f = tui_followups_open(x->db, x->seller, "Mette Sørensen",
	                                             TODAY, 0, 0);
	assert_non_null(f);
	return f;
}

static int ev_char(struct tui_followups *f, wint_t ch)
{
	struct tui_event ev = events_char(ch);
	return tui_followups_event(f, &ev);
}

static int ev_key(struct tui_followups *f, int key)
{
	struct tui_event ev = events_key(key);
	return tui_followups_event(f, &ev);
}

static void ev_text(struct tui_followups *f, const char *s)
{
	wint_t ch;
	while (events_next_char(&s, &ch))
		assert_int_equal(ev_char(f, ch), TUI_REDRAW);
}

/* The screen drawn into an h x w canvas, as text. */
static char *draw_hw(const struct tui_followups *f, int h, int w)
{
	static char buf[65536];
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, h, w, 0), 0);
	tui_followups_draw(f, &c);
	events_canvas_text(&c, buf, sizeof buf);
	tui_canvas_free(&c);
	return buf;
}

static char *draw(const struct tui_followups *f)
{
	return draw_hw(f, 30, 100);
}

static long long done_at(struct fx *x, int64_t id)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT coalesce(done_at, 0) FROM action WHERE id = %lld",
	         (long long)id);
	return fixture_sql_int(x->db->h, sql, NULL);
}

/* ---- tests ---- */

static void test_order_and_headings(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	const char *s = draw(f);
	char l[512];

	assert_int_equal(events_line_of(s, "Follow-ups · Mette Sørensen"), 0);
	assert_non_null(strstr(s, "Mon 23 Nov 2026"));
	assert_non_null(strstr(s, "4 open · 1 overdue · 1 this week · 2 later"));
	assert_non_null(strstr(s, "Battlefield all   Account all"));
	assert_null(strstr(s, "Already done"));

	int h_over = events_line_of(s, "Overdue (1)");
	int h_week = events_line_of(s, "This week (1)");
	int h_later = events_line_of(s, "Later (2)");
	assert_true(h_over > 0);
	assert_int_equal(events_line_of(s, "Send the signed quote back"), h_over + 1);
	assert_int_equal(h_week, h_over + 2);
	assert_int_equal(events_line_of(s, "Call about the renewal"), h_week + 1);
	assert_int_equal(h_later, h_week + 2);
	assert_int_equal(events_line_of(s, "Send the pilot plan"), h_later + 1);
	assert_int_equal(events_line_of(s, "Book the site visit"), h_later + 2);

	/* Each row: due, account, battlefield letter, owner, text. */
	events_line_at(s, h_over + 1, l, sizeof l);
	assert_non_null(strstr(l, "3 days overdue"));
	assert_non_null(strstr(l, "Østerbro Tryk ApS"));
	assert_non_null(strstr(l, " U "));
	assert_non_null(strstr(l, "Jens Ørum"));
	events_line_at(s, h_week + 1, l, sizeof l);
	assert_non_null(strstr(l, "Thu 26 Nov"));
	assert_non_null(strstr(l, "Brødrene Hansen A/S"));
	assert_non_null(strstr(l, " R "));
	assert_non_null(strstr(l, " us "));
	events_line_at(s, h_later + 1, l, sizeof l);
	assert_non_null(strstr(l, "Thu 10 Dec"));
	assert_non_null(strstr(l, " N "));
	/* From no meeting: no battlefield to show. */
	events_line_at(s, h_later + 2, l, sizeof l);
	assert_non_null(strstr(l, "Mon 14 Dec"));
	assert_non_null(strstr(l, " - "));

	/* The key line, from the screen's key table. */
	assert_non_null(strstr(s, "↑↓ move  d done  u undo  Enter meeting  b battlefield"
	                          "  / account  Esc back"));
	tui_followups_free(f);
}

static void test_overdue_role(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 30, 100, 0), 0);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW); /* off the overdue row */
	tui_followups_draw(f, &c);
	/* The overdue row's due (line 5: heading on 4) warns; the next
	 * bucket's due (line 7, selected) does not. */
	assert_int_equal(c.cells[5 * c.w + 2].ch, L'3');
	assert_int_equal(c.cells[5 * c.w + 2].role, TUI_ROLE_WARNING);
	assert_int_equal(c.cells[7 * c.w + 2].ch, L'T');
	assert_int_equal(c.cells[7 * c.w + 2].role, TUI_ROLE_SELECTED);
	assert_int_equal(c.cells[8 * c.w + 2].role, TUI_ROLE_DAY);
	tui_canvas_free(&c);
	tui_followups_free(f);
}

static void test_filter_battlefield(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	assert_int_equal(ev_char(f, 'b'), TUI_REDRAW);
	const char *s = draw(f);
	assert_non_null(strstr(s, "1 of 4 open · 0 overdue · 1 this week · 0 later"));
	assert_non_null(strstr(s, "Battlefield Re-sale"));
	assert_non_null(strstr(s, "Call about the renewal"));
	assert_null(strstr(s, "Send the signed quote back"));
	assert_null(strstr(s, "Overdue ("));

	assert_int_equal(ev_char(f, 'b'), TUI_REDRAW);
	s = draw(f);
	assert_non_null(strstr(s, "Battlefield Upsell"));
	assert_non_null(strstr(s, "Send the signed quote back"));
	assert_null(strstr(s, "Call about the renewal"));

	assert_int_equal(ev_char(f, 'b'), TUI_REDRAW);
	s = draw(f);
	assert_non_null(strstr(s, "Battlefield New"));
	assert_non_null(strstr(s, "Send the pilot plan"));
	/* No meeting, no battlefield: only "all" shows it. */
	assert_null(strstr(s, "Book the site visit"));

	assert_int_equal(ev_char(f, 'b'), TUI_REDRAW);
	s = draw(f);
	assert_non_null(strstr(s, "Battlefield all"));
	assert_non_null(strstr(s, "4 open ·"));
	assert_non_null(strstr(s, "Book the site visit"));
	tui_followups_free(f);
}

static void test_filter_account(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	assert_int_equal(ev_char(f, '/'), TUI_REDRAW);
	/* Upper case against "Lærdal AS": case is ignored, æ included. */
	ev_text(f, "LÆR");
	const char *s = draw(f);
	assert_non_null(strstr(s, "2 of 4 open · 0 overdue · 0 this week · 2 later"));
	assert_non_null(strstr(s, "Send the pilot plan"));
	assert_non_null(strstr(s, "Book the site visit"));
	assert_null(strstr(s, "Call about the renewal"));
	assert_non_null(strstr(s, "Enter keeps the filter"));
	/* Typed into the filter, not taken as keys: q does not close. */
	ev_text(f, "q");
	s = draw(f);
	assert_non_null(strstr(s, "No open follow-ups match the filters"));
	assert_int_equal(ev_key(f, KEY_BACKSPACE), TUI_REDRAW);
	/* Arrows still move in the list while the filter is edited. */
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	s = draw(f);
	assert_null(strstr(s, "Enter keeps the filter"));
	assert_non_null(strstr(s, "LÆR"));
	/* Kept: Enter now goes to the selected action's meeting... which the
	 * one from no meeting lacks. */
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_int_equal(tui_followups_jump(f), 0);
	assert_non_null(strstr(draw(f), "came from no meeting"));

	/* A combination: filters add up; Esc in the filter clears it. */
	assert_int_equal(ev_char(f, 'A'), TUI_REDRAW);
	assert_int_equal(ev_char(f, 27), TUI_REDRAW);
	s = draw(f);
	assert_non_null(strstr(s, "4 open ·"));
	assert_non_null(strstr(s, "Account all"));
	assert_int_equal(ev_char(f, '/'), TUI_REDRAW);
	ev_text(f, "hansen");
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_int_equal(ev_char(f, 'b'), TUI_REDRAW);
	s = draw(f);
	assert_non_null(strstr(s, "1 of 4 open"));
	assert_int_equal(ev_char(f, 'b'), TUI_REDRAW);
	s = draw(f);
	assert_non_null(strstr(s, "0 of 4 open"));
	tui_followups_free(f);
}

static void test_done_and_undo(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t count = -1;
	struct tui_followups *f = open_screen(x);
	assert_int_equal(done_at(x, x->overdue), 0);
	/* The first row is selected: the overdue one. */
	assert_int_equal(ev_char(f, 'd'), TUI_RELOAD);
	assert_int_equal(tui_followups_reload(f), 0);
	assert_true(done_at(x, x->overdue) > 0);
	fixture_check(db_action_overdue_count(x->db, x->seller, TODAY, &count, &err), &err);
	assert_int_equal(count, 0);
	const char *s = draw(f);
	/* Only the status line names it now. */
	assert_int_equal(events_line_of(s, "Send the signed quote back"), 29);
	assert_null(strstr(s, "3 days overdue"));
	assert_null(strstr(s, "Overdue ("));
	assert_non_null(strstr(s, "3 open · 0 overdue · 1 this week · 2 later"));
	assert_non_null(strstr(s, "done: Send the signed quote back (u undoes)"));

	/* The next row took its place: Space marks it done too. */
	assert_int_equal(ev_char(f, ' '), TUI_RELOAD);
	assert_int_equal(tui_followups_reload(f), 0);
	assert_true(done_at(x, x->this_week) > 0);
	s = draw(f);
	assert_int_equal(events_line_of(s, "Call about the renewal"), 29);
	assert_null(strstr(s, "This week ("));

	/* u opens the last one again, selected. */
	assert_int_equal(ev_char(f, 'u'), TUI_RELOAD);
	assert_int_equal(tui_followups_reload(f), 0);
	assert_int_equal(done_at(x, x->this_week), 0);
	s = draw(f);
	char l[512];
	int row = events_line_of(s, "Call about the renewal");
	assert_true(row > 0);
	events_line_at(s, row, l, sizeof l);
	assert_non_null(strstr(l, "Thu 26 Nov"));
	assert_int_equal(ev_char(f, 'u'), TUI_REDRAW);
	assert_non_null(strstr(draw(f), "nothing to undo"));
	assert_true(done_at(x, x->overdue) > 0);
	tui_followups_free(f);
}

static void test_jump_and_back(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_char(f, '\n'), TUI_CLOSE);
	assert_int_equal(tui_followups_jump(f), x->m_resale);
	tui_followups_free(f);

	f = open_screen(x);
	assert_int_equal(ev_key(f, KEY_END), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_ENTER), TUI_REDRAW);
	assert_int_equal(tui_followups_jump(f), 0);
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_ENTER), TUI_CLOSE);
	assert_int_equal(tui_followups_jump(f), x->m_new);
	tui_followups_free(f);

	static const wint_t back[] = { 27, 'q', 'f' };
	for (size_t i = 0; i < 3; i++) {
		f = open_screen(x);
		assert_int_equal(ev_char(f, back[i]), TUI_CLOSE);
		assert_int_equal(tui_followups_jump(f), 0);
		tui_followups_free(f);
	}
}

/* Another process adds an action: the reload shows it and keeps the
 * selected one selected. */
static void test_reload_keeps_selection(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW); /* the renewal call */
	action(x, x->m_upsell, 0, day(2026, 11, 2), 0, "Return the samples");
	assert_int_equal(tui_followups_reload(f), 0);
	const char *s = draw(f);
	assert_non_null(strstr(s, "5 open · 2 overdue"));
	assert_true(events_line_of(s, "Return the samples") < events_line_of(s, "Send the signed quote"));
	assert_int_equal(ev_char(f, '\n'), TUI_CLOSE);
	assert_int_equal(tui_followups_jump(f), x->m_resale);
	tui_followups_free(f);
}

static void test_empty(void **state)
{
	struct fx *x = *state;
	struct tui_followups *f = open_screen(x);
	const char *s = draw(f);
	assert_non_null(strstr(s, "0 open · 0 overdue · 0 this week · 0 later"));
	assert_non_null(strstr(s, "No open follow-ups — nothing overdue."));
	assert_int_equal(ev_char(f, 'd'), TUI_REDRAW);
	assert_non_null(strstr(draw(f), "nothing to mark done"));
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_int_equal(tui_followups_jump(f), 0);
	tui_followups_free(f);
}

/* 80x24: every column still there, a long text cut with an ellipsis, the
 * key line whole; a list longer than the screen scrolls to the selection. */
static void test_fits_80x24(void **state)
{
	struct fx *x = *state;
	char text[128];
	for (int i = 0; i < 30; i++) {
		snprintf(text, sizeof text, "Later item %02d with a long text that cannot fit "
		         "on an eighty column screen", i);
		action(x, x->m_new, 0, day(2027, 1, 1) + i, 0, text);
	}
	struct tui_followups *f = open_screen(x);
	const char *s = draw_hw(f, 24, 80);
	char l[512];
	int row = events_line_of(s, "Send the signed quote");
	assert_true(row > 0);
	events_line_at(s, row, l, sizeof l);
	assert_non_null(strstr(l, "3 days overdue"));
	assert_non_null(strstr(l, "Jens Ørum"));
	row = events_line_of(s, "Later item 00");
	events_line_at(s, row, l, sizeof l);
	assert_non_null(strstr(l, "…"));
	assert_non_null(strstr(s, "Esc back"));
	assert_non_null(strstr(s, "34 open · 1 overdue · 1 this week · 32 later"));
	assert_null(strstr(s, "Later item 29"));

	assert_int_equal(ev_key(f, KEY_END), TUI_REDRAW);
	s = draw_hw(f, 24, 80);
	row = events_line_of(s, "Later item 29");
	assert_int_equal(row, 22); /* the last list row, above the key line */
	assert_null(strstr(s, "Send the signed quote"));
	assert_int_equal(ev_key(f, KEY_HOME), TUI_REDRAW);
	s = draw_hw(f, 24, 80);
	assert_int_equal(events_line_of(s, "Overdue (1)"), 4);
	tui_followups_free(f);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_order_and_headings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overdue_role, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_battlefield, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_done_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jump_and_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reload_keeps_selection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty, setup_empty, teardown),
		cmocka_unit_test_setup_teardown(test_fits_80x24, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
