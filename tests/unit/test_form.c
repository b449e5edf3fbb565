/* The meeting dialog, driven with synthetic events on a real SQLite file:
 * picking an account, the last visit, validation, editing, cancelling, a
 * new account, a locked database, ASCII and the mouse, and what reaches
 * the database (and what must not).  The matrix's preselection and the
 * confirmation a weak form needs are test_form_confirm's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "db/conn.h"
#include "db/meetings.h"
#include "tui/canvas.h"
#include "tui/form.h"
#include "tests/unit/form_fx.h"

static int ev_click(struct tui_form *f, int y, int x)
{
	struct tui_event ev = { .kind = TUI_EV_MOUSE, .y = y, .x = x };
	return tui_form_event(f, &ev);
}

/* Row number of the first line holding needle. */
static int row_of(const char *text, const char *needle)
{
	int row = events_line_of(text, needle);
	if (row < 0)
		fail_msg("no line with [%s]", needle);
	return row;
}

/* Clicks on the screen text s, dx columns into the first target on the
 * first line holding row (every character there is one column wide). */
static int click_on(struct tui_form *f, const char *s, const char *row, const char *target,
                    int dx)
{
	const char *line = line_with(s, row);
	const char *hit = strstr(line, target);
	if (hit == NULL)
		fail_msg("no [%s] on the line [%s]", target, line);
	return ev_click(f, row_of(s, row), (int)(hit - line) + dx);
}

/* A follow-up at the account, held: what "last visit" is counted from. */
static void held_visit(struct fx *x, int64_t account, int64_t day, int minute,
                       int duration, enum core_form form)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting v = tmpl(x, day, minute);
	v.account_id = account;
	v.duration_min = duration;
	strcpy(v.type, "follow_up");
	v.form = form;
	fixture_check(db_meeting_insert(x->db, &v, &err), &err);
	fixture_check(db_meeting_set_status(x->db, v.id, CORE_MS_HELD, &err), &err);
}

static void test_pick_account(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 26), 10 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	assert_non_null(f);
	char *s = draw(f);
	assert_has(s, "New meeting");
	assert_has(line_with(s, "When"), "2026-11-26");
	assert_has(line_with(s, "When"), "Thu");
	assert_has(line_with(s, "When"), "10:00");
	assert_has(line_with(s, "Type"), "First meeting");
	assert_has(line_with(s, "Battlefield"), "[Re-sale]");
	assert_has(line_with(s, "Complexity"), "[medium]");
	assert_has(line_with(s, "Complexity"), "[solution]");
	assert_has(line_with(s, "4D"), "[Discovery]");

	ev_text(f, "brø");
	s = draw(f);
	int hansen = row_of(s, "Brødrene Hansen A/S");
	int create = row_of(s, "+ create account 'brø'");
	assert_true(hansen > row_of(s, "Account"));
	assert_true(create == hansen + 1);
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW); /* picks, does not save */
	assert_int_equal(tui_form_saved_id(f), 0);
	s = draw(f);
	assert_has(line_with(s, "Account"), "Brødrene Hansen A/S");
	assert_has(line_with(s, "Account"), "never visited");
	assert_lacks(s, "+ create account");
	/* The preselected form is the matrix's first choice. */
	assert_has(line_with(s, "physical"), "▶ ▣ physical");
	assert_has(line_with(s, "physical"), "first choice");
	assert_lacks(line_with(s, "hybrid"), "▶");

	int64_t id = save(f);
	tui_form_free(f);
	struct core_meeting m = get(x, id);
	assert_int_equal(m.account_id, x->hansen);
	assert_string_equal(m.account, "Brødrene Hansen A/S");
	assert_int_equal(m.seller_id, x->seller);
	assert_int_equal(m.starts_at, core_local_to_epoch(day_of(2026, 11, 26), 600));
	assert_int_equal(m.duration_min, 60);
	assert_string_equal(m.type, "first_meeting");
	assert_int_equal(m.form, CORE_FORM_PHYSICAL);
	assert_int_equal(m.battlefield, CORE_BF_RESALE);
	assert_int_equal(m.complexity, CORE_CX_MEDIUM);
	assert_int_equal(m.sale, CORE_SALE_SOLUTION);
	assert_int_equal(m.dim, CORE_DIM_DISCOVERY);
	assert_int_equal(m.status, CORE_MS_PLANNED);
	assert_string_equal(m.form_reason, "");
}

/* A name typed in full, in another case, is taken without picking. */
static void test_exact_name(void **state)
{
	struct fx *x = *state;
	/* A held physical visit two weeks before the new meeting. */
	held_visit(x, x->orsted, day_of(2026, 11, 12), 9 * 60, 60, CORE_FORM_PHYSICAL);

	struct core_meeting t = tmpl(x, day_of(2026, 11, 26), 8 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_text(f, "ØRSTED GRUPPEN");
	assert_int_equal(ev_char(f, '\t'), TUI_REDRAW);
	char *s = draw(f);
	assert_has(line_with(s, "Account"), "Ørsted Gruppen");
	/* Counted from today (the 23rd), not from the meeting (the 26th). */
	assert_has(line_with(s, "Account"), "last visit 11 days ago");
	int64_t id = save(f);
	tui_form_free(f);
	assert_int_equal(get(x, id).account_id, x->orsted);
}

/* The last visit as seen on other days, with the distance when known; a
 * held visit after today (bad data) shows as its date, never "-2 days". */
static void test_last_visit(void **state)
{
	struct fx *x = *state;
	/* Late on the 12th: the count is of calendar days, not of 24 hours. */
	held_visit(x, x->orsted, day_of(2026, 11, 12), 23 * 60 + 30, 30, CORE_FORM_HYBRID);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(x->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE account SET km = 37.6 WHERE name = 'Ørsted Gruppen'",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	/* The ASCII row also shows the plain separator. */
	static const struct { int day, ascii; const char *want; } seen[] = {
		{ 12, 0, "last visit today · 38 km" }, { 13, 0, "last visit yesterday · 38 km" },
		{ 14, 0, "last visit 2 days ago · 38 km" },
		{ 10, 1, "last visit on 2026-11-12 - 38 km" },
	};
	struct core_meeting t = tmpl(x, day_of(2026, 11, 26), 8 * 60);
	for (size_t i = 0; i < sizeof seen / sizeof seen[0]; i++) {
		struct tui_form *f = tui_form_open(x->db, &x->mx, &t, day_of(2026, 11, seen[i].day),
		                                   seen[i].ascii);
		ev_text(f, "Ørsted Gruppen");
		ev_char(f, '\t');
		assert_has(line_with(draw(f), "Account"), seen[i].want);
		tui_form_free(f);
	}
}

static void test_validation(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 23), 10 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 30, 100, 0), 0);

	/* No account. */
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_has(draw(f), "Account: type a name and pick it from the list");

	/* A name that is no account, the list closed: not taken silently. */
	ev_text(f, "Ukjent Firma");
	ev_char(f, 27);
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	char *s = draw(f);
	assert_has(s, "Account: no account 'Ukjent Firma'");
	assert_has(s, "+ create account 'Ukjent Firma'");
	ev_char(f, 21); /* Ctrl-U */
	ev_text(f, "bjørn");
	ev_char(f, '\n');

	/* A bad date: named, in the error role, the date focused. */
	ev_char(f, '\t');
	ev_char(f, 21);
	ev_text(f, "2026-02-30");
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_int_equal(tui_form_saved_id(f), 0);
	s = draw_into(f, &c);
	const char *msg = line_with(s, "Date: bad date '2026-02-30'");
	assert_has(msg, "February 2026 has 28 days");
	int row = row_of(s, "Date: bad date");
	int col = (int)(strstr(msg, "Date:") - msg);
	assert_int_equal(c.cells[row * c.w + col].role, TUI_ROLE_ERROR);
	assert_int_equal(c.cursor_y, row_of(s, "When"));
	assert_has(line_with(s, "When"), "???");
	/* Everything typed is kept. */
	assert_has(line_with(s, "Account"), "Bjørnstad AS");
	assert_has(line_with(s, "When"), "2026-02-30");
	assert_int_equal(count_meetings(x), 0);

	/* Fixed, then one day on with the stepper; a bad time next. */
	ev_char(f, 21);
	ev_text(f, "2026-12-01");
	ev_char(f, '\t');
	ev_key(f, KEY_RIGHT);
	assert_has(line_with(draw(f), "When"), "2026-12-02");
	assert_has(line_with(draw(f), "When"), "Wed");
	ev_char(f, '\t');
	ev_char(f, 21);
	ev_text(f, "25:00");
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	s = draw_into(f, &c);
	assert_has(s, "Time: bad time '25:00'");
	assert_int_equal(c.cursor_y, row_of(s, "When"));
	ev_char(f, 21);
	ev_text(f, "9:15");
	ev_char(f, '\t');
	ev_char(f, 21);
	ev_text(f, "2x");
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_has(draw(f), "Duration: bad duration '2x'");
	ev_key(f, KEY_BACKSPACE);
	ev_text(f, "h");
	int64_t id = save(f);
	tui_form_free(f);
	tui_canvas_free(&c);
	struct core_meeting m = get(x, id);
	assert_int_equal(m.starts_at, core_local_to_epoch(day_of(2026, 12, 2), 9 * 60 + 15));
	assert_int_equal(m.duration_min, 120);
	assert_int_equal(m.account_id, x->bjornstad);
}

static void test_edit(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m0 = tmpl(x, day_of(2026, 11, 24), 13 * 60 + 30);
	m0.account_id = x->hvido;
	m0.duration_min = 90;
	m0.battlefield = CORE_BF_UPSELL;
	strcpy(m0.type, "workshop");
	m0.form = CORE_FORM_HYBRID;
	m0.dim = CORE_DIM_DESTINATION;
	m0.complexity = CORE_CX_HIGH;
	m0.sale = CORE_SALE_PRODUCT;
	fixture_check(db_meeting_insert(x->db, &m0, &err), &err);
	struct core_meeting m = get(x, m0.id);

	struct tui_form *f = tui_form_open(x->db, &x->mx, &m, TEST_TODAY, 0);
	char *s = draw(f);
	assert_has(s, "Edit meeting");
	assert_has(line_with(s, "Account"), "Hvidø ApS");
	assert_has(line_with(s, "When"), "2026-11-24");
	assert_has(line_with(s, "When"), "13:30");
	assert_has(line_with(s, "When"), "1:30");
	assert_has(line_with(s, "Battlefield"), "[Upsell]");
	assert_has(line_with(s, "Type"), "Workshop");
	assert_has(line_with(s, "Complexity"), "[high]");
	assert_has(line_with(s, "Complexity"), "[product]");
	assert_has(line_with(s, "4D"), "[Destination]");
	assert_has(line_with(s, "◐ hybrid"), "▶");
	assert_int_equal(save(f), m.id);
	tui_form_free(f);
	struct core_meeting m1 = get(x, m.id);
	assert_int_equal(m1.account_id, m.account_id);
	assert_int_equal(m1.starts_at, m.starts_at);
	assert_int_equal(m1.duration_min, 90);
	assert_int_equal(m1.battlefield, CORE_BF_UPSELL);
	assert_string_equal(m1.type, "workshop");
	assert_int_equal(m1.form, CORE_FORM_HYBRID);
	assert_int_equal(m1.dim, CORE_DIM_DESTINATION);
	assert_int_equal(m1.complexity, CORE_CX_HIGH);
	assert_int_equal(m1.sale, CORE_SALE_PRODUCT);
	assert_int_equal(count_meetings(x), 1);

	/* A new time, nothing else. */
	f = tui_form_open(x->db, &x->mx, &m1, TEST_TODAY, 0);
	ev_char(f, '\t');
	ev_char(f, '\t');
	ev_char(f, '\t');
	ev_char(f, 21);
	ev_text(f, "15:00");
	assert_int_equal(save(f), m.id);
	tui_form_free(f);
	struct core_meeting m2 = get(x, m.id);
	assert_int_equal(m2.starts_at, core_local_to_epoch(day_of(2026, 11, 24), 15 * 60));
	assert_int_equal(m2.form, CORE_FORM_HYBRID);
	assert_string_equal(m2.type, "workshop");
	assert_int_equal(count_meetings(x), 1);
}

static void test_cancel(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 23), 10 * 60);
	/* Untouched: Esc closes at once. */
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_char(f, '\t');
	ev_key(f, KEY_DOWN);
	assert_int_equal(ev_char(f, 27), TUI_CLOSE);
	assert_int_equal(tui_form_saved_id(f), 0);
	tui_form_free(f);

	/* Changed: asked first; n goes back, y discards. */
	f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_repeat(f, KEY_DOWN, 2);
	ev_key(f, KEY_RIGHT); /* battlefield: upsell */
	assert_int_equal(ev_char(f, 27), TUI_REDRAW);
	assert_has(draw(f), "Discard changes? y/n");
	assert_int_equal(ev_char(f, 'x'), TUI_NONE);
	assert_int_equal(ev_char(f, 'n'), TUI_REDRAW);
	char *s = draw(f);
	assert_lacks(s, "Discard changes?");
	assert_has(line_with(s, "Battlefield"), "[Upsell]");
	assert_int_equal(ev_char(f, 27), TUI_REDRAW);
	assert_int_equal(ev_char(f, 'y'), TUI_CLOSE);
	assert_int_equal(tui_form_saved_id(f), 0);
	tui_form_free(f);
	assert_int_equal(count_meetings(x), 0);
}

static size_t accounts_named(struct fx *x, const char *text)
{
	struct core_error err = { CORE_OK, "" };
	struct db_account a[8];
	size_t n = 0;
	fixture_check(db_account_search(x->db, x->seller, text, a, 8, &n, &err), &err);
	return n;
}

static void test_new_account(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 24), 9 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_text(f, "Næstved Tømrer");
	char *s = draw(f);
	assert_has(s, "+ create account 'Næstved Tømrer'");
	ev_char(f, '\n');
	assert_has(line_with(draw(f), "Account"), "new account, created on save");
	assert_int_equal(accounts_named(x, "Næstved"), 0);
	/* Cancelled: the account must not exist. */
	assert_int_equal(ev_char(f, 27), TUI_REDRAW);
	assert_int_equal(ev_char(f, 'y'), TUI_CLOSE);
	tui_form_free(f);
	assert_int_equal(accounts_named(x, "Næstved"), 0);

	/* A save the database refuses (a seller deleted meanwhile) takes the
	 * new account back with the meeting. */
	struct core_meeting gone = t;
	gone.seller_id = 9999;
	f = tui_form_open(x->db, &x->mx, &gone, TEST_TODAY, 0);
	ev_text(f, "Næstved Tømrer");
	ev_char(f, '\n');
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_has(draw(f), "Not saved: no seller with id 9999");
	tui_form_free(f);
	assert_int_equal(accounts_named(x, "Næstved"), 0);

	/* Saved: created with the meeting. */
	f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_text(f, "Næstved Tømrer");
	ev_char(f, '\n');
	int64_t id = save(f);
	tui_form_free(f);
	assert_int_equal(accounts_named(x, "næstved"), 1);
	struct core_meeting m = get(x, id);
	assert_string_equal(m.account, "Næstved Tømrer");
	assert_true(m.account_id > x->laerdal);
}

static void test_busy(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct db *other = NULL;
	fixture_check(db_open(x->path, 0, &other, &err), &err);
	db_set_busy_timeout(x->db, 50);
	fixture_check(db_tx_begin(other, &err), &err);

	struct core_meeting t = tmpl(x, day_of(2026, 11, 24), 9 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_text(f, "hvid");
	ev_char(f, '\n');
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	char *s = draw(f);
	assert_has(s, "Not saved:");
	assert_has(line_with(s, "Account"), "Hvidø ApS");
	assert_int_equal(tui_form_saved_id(f), 0);

	db_tx_rollback(other);
	db_close(other);
	save(f);
	tui_form_free(f);
	assert_int_equal(count_meetings(x), 1);
}

/* ASCII drawing, the 80x24 fit, and mouse clicks. */
static void test_ascii_mouse(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 24), 9 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 1);
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 1), 0);
	ev_text(f, "Hansen");
	ev_char(f, '\n');
	char *s = draw_into(f, &c);
	assert_has(line_with(s, "physical"), "> P physical");
	assert_has(s, "Contact form - matrix for first meeting");
	assert_lacks(s, "▶");
	/* The whole box shows: top edge, buttons, bottom edge. */
	assert_has(s, "+ New meeting ");
	assert_has(line_with(s, "[ Save ]"), "[ Cancel ]");
	assert_true(row_of(s, "[ Save ]") < 23);

	/* Click "virtual" and the battlefield "New". */
	assert_int_equal(click_on(f, s, "V virtual", "virtual", 0), TUI_REDRAW);
	assert_int_equal(click_on(f, s, "Battlefield", " New ", 2), TUI_REDRAW);
	s = draw_into(f, &c);
	assert_has(line_with(s, "virtual"), "> V virtual");
	assert_has(line_with(s, "Battlefield"), "[New]");
	/* A click outside the dialog does nothing. */
	assert_int_equal(ev_click(f, 0, 0), TUI_NONE);

	assert_int_equal(click_on(f, s, "[ Save ]", "[ Save ]", 2), TUI_CLOSE | TUI_RELOAD);
	struct core_meeting m = get(x, tui_form_saved_id(f));
	tui_form_free(f);
	tui_canvas_free(&c);
	assert_int_equal(m.form, CORE_FORM_VIRTUAL);
	assert_int_equal(m.battlefield, CORE_BF_NEW);
	assert_int_equal(m.account_id, x->hansen);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pick_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exact_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_visit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cancel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ascii_mouse, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
