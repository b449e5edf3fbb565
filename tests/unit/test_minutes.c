/* The minutes screen (tui/minutes.c) on a real SQLite file, driven with
 * synthetic events and read back from the database and its canvas: æøå
 * typed into a text, Ctrl-S saving the minutes and marking the meeting
 * held, three actions added with the due days their texts mean, a bad due
 * date refused with its message and nothing saved, Esc asking before it
 * throws changes away (and closing at once without), done, owner and
 * removal in the list, participants toggled and stored at once (and
 * counted as met on the account screen once the meeting is held), and the
 * fit on 80x24. */
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

#include "core/calendar.h"
#include "core/followup.h"
#include "core/minutes.h"
#include "db/actions.h"
#include "db/contacts.h"
#include "db/meetings.h"
#include "db/prep.h"
#include "tui/account.h"
#include "tui/canvas.h"
#include "tui/minutes.h"
#include "tests/unit/fixture.h"

/* Monday 2026-11-23, 09:00 UTC (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL
#define CTRL(c) ((c) & 0x1f)

static int64_t day(int y, int m, int d)
{
	return core_days_from_date((struct core_date){ y, m, d });
}

#define TODAY day(2026, 11, 23)

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	struct core_meeting m;
	int64_t jens;
	struct tui_minutes *s;
};

static int setup(void **state)
{
	struct core_error err = { CORE_OK, "" };
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->db = fixture_db_make(x->dir, x->path, "minutes");
	int64_t seller = fixture_seller(x->db, "Mette Sørensen");
	int64_t account = fixture_account(x->db, "Østerbro Tryk ApS");
	x->m = fixture_meeting(seller, MON_0900, CORE_BF_UPSELL, "negotiation");
	x->m.account_id = account;
	fixture_check(db_meeting_insert(x->db, &x->m, &err), &err);
	fixture_check(db_meeting_get(x->db, x->m.id, &x->m, &err), &err);
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = account;
	snprintf(c.name, sizeof c.name, "Jens Ørum");
	fixture_check(db_contact_insert(x->db, &c, &err), &err);
	x->jens = c.id;
	fixture_check(tui_minutes_open(x->db, &x->m, "Negotiation", TODAY, 0, NULL, &x->s, &err),
	              &err);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	tui_minutes_free(x->s);
	fixture_db_remove(x->db, x->dir);
	free(x);
	return 0;
}

static int ev_char(struct tui_minutes *s, wint_t ch)
{
	struct tui_event ev = { .kind = TUI_EV_CHAR, .ch = ch };
	return tui_minutes_event(s, &ev);
}

static int ev_key(struct tui_minutes *s, int key)
{
	struct tui_event ev = { .kind = TUI_EV_KEY, .key = key };
	return tui_minutes_event(s, &ev);
}

static void ev_text(struct tui_minutes *s, const char *t)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = strlen(t);
	while (n > 0) {
		wchar_t wc;
		size_t used = mbrtowc(&wc, t, n, &st);
		assert_true(used > 0 && used <= n);
		assert_int_equal(ev_char(s, (wint_t)wc), TUI_REDRAW);
		t += used;
		n -= used;
	}
}

/* Ctrl-N, the text, Tab, the due date, Enter. */
static void add_action(struct tui_minutes *s, const char *text, const char *due)
{
	assert_int_equal(ev_char(s, CTRL('N')), TUI_REDRAW);
	ev_text(s, text);
	assert_int_equal(ev_char(s, '\t'), TUI_REDRAW);
	ev_text(s, due);
	assert_int_equal(ev_char(s, '\n'), TUI_REDRAW);
}

static char *draw_hw(struct tui_minutes *s, int h, int w)
{
	static char buf[65536];
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, h, w, 0), 0);
	tui_minutes_draw(s, &c);
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(tui_canvas_dump(&c, fp), 0);
	rewind(fp);
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	tui_canvas_free(&c);
	return buf;
}

static enum core_mstatus status_of(struct fx *x)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m;
	fixture_check(db_meeting_get(x->db, x->m.id, &m, &err), &err);
	return m.status;
}

static void stored_actions(struct fx *x, struct core_action_list *l)
{
	struct core_error err = { CORE_OK, "" };
	memset(l, 0, sizeof *l);
	fixture_check(db_action_list_meeting(x->db, x->m.id, l, &err), &err);
}

static void test_type_and_save(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	ev_text(x->s, "Blåbærgrød på ærø");
	assert_int_equal(ev_char(x->s, '\n'), TUI_REDRAW);
	ev_text(x->s, "linje to");
	assert_int_equal(ev_char(x->s, '\t'), TUI_REDRAW);
	ev_text(x->s, "Øget oppetid");
	assert_true(tui_minutes_dirty(x->s));
	assert_int_equal(status_of(x), CORE_MS_PLANNED);
	assert_int_equal(ev_char(x->s, CTRL('S')), TUI_RELOAD | TUI_REDRAW);
	assert_false(tui_minutes_dirty(x->s));
	assert_int_equal(status_of(x), CORE_MS_HELD);
	struct core_minutes m;
	fixture_check(db_minutes_get(x->db, x->m.id, &m, &err), &err);
	assert_string_equal(core_minutes_text(&m, CORE_MIN_SUMMARY),
	                    "Blåbærgrød på ærø\nlinje to");
	assert_string_equal(core_minutes_text(&m, CORE_MIN_NEEDS), "Øget oppetid");
	assert_string_equal(core_minutes_text(&m, CORE_MIN_AGREED), "");
	core_minutes_free(&m);
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "saved: the meeting is marked held"));
	assert_non_null(strstr(s, "Blåbærgrød på ærø"));
	/* Clean now: Esc closes without asking. */
	assert_int_equal(ev_char(x->s, 27), TUI_CLOSE);
}

static void test_three_actions(void **state)
{
	struct fx *x = *state;
	ev_text(x->s, "Good meeting");
	add_action(x->s, "Send the quote", "+3d");
	/* The row stays open: the next action follows at once. */
	ev_text(x->s, "Call Jens");
	ev_char(x->s, '\t');
	ev_text(x->s, "fri");
	ev_char(x->s, '\n');
	ev_text(x->s, "Book the site visit");
	ev_char(x->s, '\t');
	ev_text(x->s, "2026-12-01");
	ev_char(x->s, '\n');
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW); /* closes the row */
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "Follow-up actions (3)"));
	assert_non_null(strstr(s, "Thu 26 Nov"));
	assert_non_null(strstr(s, "Fri 27 Nov"));
	assert_non_null(strstr(s, "Tue 1 Dec"));
	/* Nothing reaches the database before the save. */
	struct core_action_list l;
	stored_actions(x, &l);
	assert_int_equal(l.n, 0);
	core_action_list_free(&l);
	/* o on the last one makes Jens its owner; Space marks the first done. */
	assert_int_equal(ev_char(x->s, 'o'), TUI_REDRAW);
	assert_int_equal(ev_key(x->s, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(x->s, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_char(x->s, ' '), TUI_REDRAW);
	assert_int_equal(ev_char(x->s, CTRL('S')), TUI_RELOAD | TUI_REDRAW);
	stored_actions(x, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].text, "Send the quote");
	assert_int_equal(l.items[0].due, day(2026, 11, 26));
	assert_int_equal(l.items[0].done, 1);
	assert_string_equal(l.items[1].text, "Call Jens");
	assert_int_equal(l.items[1].due, day(2026, 11, 27));
	assert_int_equal(l.items[1].owner_contact_id, 0);
	assert_string_equal(l.items[2].text, "Book the site visit");
	assert_int_equal(l.items[2].due, day(2026, 12, 1));
	assert_int_equal(l.items[2].owner_contact_id, x->jens);
	core_action_list_free(&l);
	assert_int_equal(status_of(x), CORE_MS_HELD);

	/* x removes the selected one (the first) at the next save, and Enter
	 * edits one in the row: a new due day. */
	assert_int_equal(ev_char(x->s, 'x'), TUI_REDRAW);
	assert_int_equal(ev_char(x->s, '\n'), TUI_REDRAW);
	ev_char(x->s, '\t');
	for (int i = 0; i < 10; i++)
		ev_key(x->s, KEY_BACKSPACE);
	ev_text(x->s, "next week");
	assert_int_equal(ev_char(x->s, '\n'), TUI_REDRAW);
	assert_int_equal(ev_key(x->s, KEY_F(2)), TUI_RELOAD | TUI_REDRAW);
	stored_actions(x, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].text, "Call Jens");
	assert_int_equal(l.items[0].due, day(2026, 11, 30));
	core_action_list_free(&l);
}

static void test_bad_due_saves_nothing(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	ev_text(x->s, "Summary that must wait");
	add_action(x->s, "Send the quote", "frday");
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "bad due date 'frday'"));
	assert_non_null(strstr(s, "Follow-up actions (0)"));
	/* Ctrl-S with the bad row still typed: the message again, and nothing
	 * written, neither the minutes nor the held mark. */
	assert_int_equal(ev_char(x->s, CTRL('S')), TUI_REDRAW);
	s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "bad due date 'frday'"));
	assert_int_equal(status_of(x), CORE_MS_PLANNED);
	struct core_minutes m;
	fixture_check(db_minutes_get(x->db, x->m.id, &m, &err), &err);
	assert_int_equal(m.updated_at, 0);
	assert_string_equal(core_minutes_text(&m, CORE_MIN_SUMMARY), "");
	core_minutes_free(&m);
	struct core_action_list l;
	stored_actions(x, &l);
	assert_int_equal(l.n, 0);
	core_action_list_free(&l);
	/* An empty due date is refused too, by name. */
	for (int i = 0; i < 5; i++)
		ev_key(x->s, KEY_BACKSPACE);
	assert_int_equal(ev_char(x->s, '\n'), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "type a due date"));
	assert_true(tui_minutes_dirty(x->s));
}

static void test_escape_asks(void **state)
{
	struct fx *x = *state;
	ev_text(x->s, "æøå");
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "save changes? (y)es / (n)o, discard / Esc keep editing"));
	/* A stray key does nothing; Esc goes back to editing, text intact. */
	assert_int_equal(ev_char(x->s, 'q'), TUI_NONE);
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	ev_text(x->s, "!");
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "æøå!"));
	/* n discards: closed, nothing stored. */
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	assert_int_equal(ev_char(x->s, 'n'), TUI_CLOSE);
	assert_int_equal(status_of(x), CORE_MS_PLANNED);
}

static void test_escape_yes_saves(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	ev_char(x->s, '\t');
	ev_char(x->s, '\t');
	ev_text(x->s, "A pilot in January");
	ev_char(x->s, 27);
	assert_int_equal(ev_char(x->s, 'y'), TUI_CLOSE | TUI_RELOAD);
	struct core_minutes m;
	fixture_check(db_minutes_get(x->db, x->m.id, &m, &err), &err);
	assert_string_equal(core_minutes_text(&m, CORE_MIN_AGREED), "A pilot in January");
	core_minutes_free(&m);
	assert_int_equal(status_of(x), CORE_MS_HELD);
	/* Reopened: the text is there. */
	struct tui_minutes *again = NULL;
	fixture_check(tui_minutes_open(x->db, &x->m, "Negotiation", TODAY, 0, NULL, &again, &err),
	              &err);
	assert_non_null(strstr(draw_hw(again, 24, 80), "A pilot in January"));
	assert_false(tui_minutes_dirty(again));
	tui_minutes_free(again);
}

static void test_fits_80x24(void **state)
{
	struct fx *x = *state;
	for (int i = 0; i < 7; i++) {
		char t[32];
		snprintf(t, sizeof t, "Action %d", i + 1);
		add_action(x->s, t, "+1w");
	}
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "Minutes · Østerbro Tryk ApS"));
	assert_non_null(strstr(s, "Mon 23 Nov 2026 09:00-10:00"));
	assert_non_null(strstr(s, "Negotiation"));
	assert_non_null(strstr(s, "Customer needs & business pains"));
	assert_non_null(strstr(s, "Follow-up actions (7)"));
	assert_non_null(strstr(s, "Action 7"));  /* the newest stays in view */
	assert_non_null(strstr(s, "[unsaved]"));
	int lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 24);
}

static size_t participants(struct fx *x, int64_t *first)
{
	struct core_error err = { CORE_OK, "" };
	struct core_contact *in = NULL;
	size_t n = 0;
	fixture_check(db_participant_list(x->db, x->m.id, &in, &n, &err), &err);
	*first = n > 0 ? in[0].id : 0;
	free(in);
	return n;
}

static void test_participants(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	int64_t first;
	/* Tab past the four texts reaches the row; Space writes at once. */
	for (int i = 0; i < 4; i++)
		assert_int_equal(ev_char(x->s, '\t'), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "Participants  [ ] Jens Ørum"));
	assert_int_equal(ev_char(x->s, ' '), TUI_REDRAW);
	assert_int_equal(participants(x, &first), 1);
	assert_int_equal(first, x->jens);
	assert_false(tui_minutes_dirty(x->s));
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "[x] Jens Ørum"));
	assert_non_null(strstr(s, "Jens Ørum was in the meeting"));
	/* Space again takes him out, and once more back in. */
	ev_char(x->s, ' ');
	assert_int_equal(participants(x, &first), 0);
	ev_char(x->s, ' ');
	assert_int_equal(participants(x, &first), 1);
	/* Up goes back to the notes, Down from the row to the actions. */
	assert_int_equal(ev_key(x->s, KEY_DOWN), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "o owner"));
	assert_int_equal(ev_key(x->s, KEY_UP), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "Space was there or not"));
	/* Reopened, the tick is read back. */
	struct tui_minutes *again = NULL;
	fixture_check(tui_minutes_open(x->db, &x->m, "Negotiation", TODAY, 0, NULL, &again, &err),
	              &err);
	assert_non_null(strstr(draw_hw(again, 24, 80), "[x] Jens Ørum"));
	tui_minutes_free(again);
	/* Not met until the meeting is held: the save holds it. */
	struct tui_account *a = tui_account_open(x->db, x->m.seller_id, x->m.account_id,
	                                         TODAY, NULL, 0, NULL);
	assert_non_null(a);
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_account_draw(a, &c);
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(tui_canvas_dump(&c, fp), 0);
	rewind(fp);
	char buf[8192];
	buf[fread(buf, 1, sizeof buf - 1, fp)] = '\0';
	assert_non_null(strstr(buf, "met 0 of 1"));
	assert_int_equal(ev_char(x->s, CTRL('S')), TUI_RELOAD | TUI_REDRAW);
	assert_int_equal(status_of(x), CORE_MS_HELD);
	assert_int_equal(tui_account_reload(a), 0);
	tui_account_draw(a, &c);
	rewind(fp);
	assert_int_equal(tui_canvas_dump(&c, fp), 0);
	long end = ftell(fp);
	rewind(fp);
	buf[fread(buf, 1, (size_t)end < sizeof buf ? (size_t)end : sizeof buf - 1, fp)] = '\0';
	assert_non_null(strstr(buf, "met 1 of 1 in 90 days (1 in person)"));
	fclose(fp);
	tui_canvas_free(&c);
	tui_account_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_type_and_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_three_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_due_saves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escape_asks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escape_yes_saves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fits_80x24, setup, teardown),
		cmocka_unit_test_setup_teardown(test_participants, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
