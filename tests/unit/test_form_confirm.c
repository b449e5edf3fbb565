/* The meeting dialog's contact form, driven with synthetic events on a
 * real SQLite file: the matrix's preselection as the type and the
 * complexity change, and the confirmation (with a reason) that a form
 * rated hardly, no-go or impossible needs before it is saved, new or
 * edited; Esc backs out and nothing reaches the database. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <locale.h>
#include <string.h>

#include "db/meetings.h"
#include "tui/form.h"
#include "tests/unit/form_fx.h"

static void test_negotiation_phone(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 25), 13 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_text(f, "ørs");
	ev_char(f, '\n');
	ev_repeat(f, KEY_DOWN, 3); /* account, when, battlefield: type */
	assert_int_equal(ev_char(f, 'n'), TUI_REDRAW);
	char *s = draw(f);
	assert_has(line_with(s, "Type"), "Negotiation");
	assert_has(s, "Contact form — matrix for negotiation");
	assert_has(line_with(s, "physical"), "▶ ▣ physical");
	assert_has(line_with(s, "physical"), "first choice");
	assert_has(line_with(s, "hybrid"), "possible (depends on complexity: medium)");
	assert_has(line_with(s, "phone"), "hardly — asks to confirm");

	/* Booking re-preselects phone; back to negotiation, physical. */
	ev_char(f, 'c');
	s = draw(f);
	assert_has(line_with(s, "Type"), "Canvassing / booking a meeting");
	assert_has(line_with(s, "☎ phone"), "▶");
	assert_has(line_with(s, "physical"), "no-go");
	ev_char(f, 'n');
	assert_has(line_with(draw(f), "physical"), "▶");

	/* High complexity makes hybrid hardly; physical stays. */
	ev_key(f, KEY_DOWN);
	ev_key(f, KEY_RIGHT);
	s = draw(f);
	assert_has(line_with(s, "Complexity"), "[high]");
	assert_has(line_with(s, "hybrid"), "hardly");
	assert_has(line_with(s, "physical"), "▶");

	/* The seller picks phone by hand: it stays picked. */
	ev_repeat(f, KEY_DOWN, 2); /* 4D, then the forms */
	assert_int_equal(ev_char(f, 't'), TUI_REDRAW);
	assert_has(line_with(draw(f), "☎ phone"), "▶");
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_int_equal(tui_form_saved_id(f), 0);
	assert_int_equal(count_meetings(x), 0);
	s = draw(f);
	assert_has(s, "☎ phone is rated hardly for negotiation — use it anyway?");
	assert_has(line_with(s, "reason"), "Enter confirm, Esc back");

	ev_text(f, "kunden er i Tromsø");
	assert_int_equal(count_meetings(x), 0);
	int64_t id = save(f);
	tui_form_free(f);
	struct core_meeting m = get(x, id);
	assert_int_equal(m.form, CORE_FORM_PHONE);
	assert_string_equal(m.form_reason, "kunden er i Tromsø");
	assert_string_equal(m.type, "negotiation");
	assert_int_equal(m.complexity, CORE_CX_HIGH);
	assert_int_equal(m.account_id, x->orsted);
}

static void test_booking_physical(void **state)
{
	struct fx *x = *state;
	struct core_meeting t = tmpl(x, day_of(2026, 11, 27), 9 * 60);
	struct tui_form *f = tui_form_open(x->db, &x->mx, &t, TEST_TODAY, 0);
	ev_text(f, "lærd");
	ev_char(f, '\n');
	ev_repeat(f, KEY_DOWN, 3);
	ev_key(f, KEY_LEFT); /* first meeting -> booking */
	ev_repeat(f, KEY_DOWN, 3);
	assert_has(line_with(draw(f), "☎ phone"), "▶");
	ev_char(f, 'p');
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	char *s = draw(f);
	assert_has(s, "▣ physical is rated no-go for booking — use it anyway?");

	/* Esc backs out: nothing saved, the dialog still open. */
	assert_int_equal(ev_char(f, 27), TUI_REDRAW);
	s = draw(f);
	assert_lacks(s, "use it anyway");
	assert_has(s, "Not saved");
	assert_int_equal(count_meetings(x), 0);

	/* Asked again; an empty reason is a plain yes. */
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_has(draw(f), "use it anyway?");
	int64_t id = save(f);
	tui_form_free(f);
	struct core_meeting m = get(x, id);
	assert_int_equal(m.form, CORE_FORM_PHYSICAL);
	assert_string_equal(m.type, "booking");
	assert_string_equal(m.form_reason, "");
	assert_int_equal(m.account_id, x->laerdal);
}

/* A weak form saved with a reason is not asked about again, until the
 * type makes it weaker still. */
static void test_edit_confirmed(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m0 = tmpl(x, day_of(2026, 11, 25), 11 * 60);
	m0.account_id = x->hansen;
	m0.duration_min = 30;
	strcpy(m0.type, "negotiation");
	m0.form = CORE_FORM_PHONE;
	strcpy(m0.form_reason, "kunden vil det");
	fixture_check(db_meeting_insert(x->db, &m0, &err), &err);
	struct core_meeting m = get(x, m0.id);

	struct tui_form *f = tui_form_open(x->db, &x->mx, &m, TEST_TODAY, 0);
	assert_int_equal(save(f), m.id);
	tui_form_free(f);
	assert_string_equal(get(x, m.id).form_reason, "kunden vil det");

	f = tui_form_open(x->db, &x->mx, &m, TEST_TODAY, 0);
	ev_repeat(f, KEY_DOWN, 3);
	ev_char(f, 'w'); /* workshop: phone is impossible */
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	char *s = draw(f);
	assert_has(s, "☎ phone is rated impossible for workshop — use it anyway?");
	/* The old reason is there to keep or change. */
	assert_has(line_with(s, "reason"), "kunden vil det");
	ev_char(f, 23); /* Ctrl-W */
	ev_text(f, "også nu");
	assert_int_equal(save(f), m.id);
	tui_form_free(f);
	assert_string_equal(get(x, m.id).form_reason, "kunden vil også nu");

	/* A form that needs no confirmation drops the reason. */
	struct core_meeting m2 = get(x, m.id);
	f = tui_form_open(x->db, &x->mx, &m2, TEST_TODAY, 0);
	ev_repeat(f, KEY_DOWN, 6);
	ev_char(f, 'p');
	save(f);
	tui_form_free(f);
	assert_string_equal(get(x, m.id).form_reason, "");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_negotiation_phone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_booking_physical, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit_confirmed, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
