/* The preparation screen (tui/prep.c) on a real SQLite file, driven with
 * synthetic events and read back from the database and its canvas: a
 * hybrid meeting shows the article's checklist, Space ticks an item and
 * it is stored at once (and shown ticked after a reopen), a purpose with
 * æøå saved with Ctrl-S and read back, Esc asking before it throws typed
 * text away (and closing at once without), and the fit on 80x24 and
 * 100x30. */
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

#include "core/checklist.h"
#include "core/minutes.h"
#include "db/meetings.h"
#include "db/prep.h"
#include "db/settings.h"
#include "tui/canvas.h"
#include "tui/prep.h"
#include "tests/unit/fixture.h"

/* Monday 2026-11-23, 09:00 UTC (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL
#define CTRL(c) ((c) & 0x1f)

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	struct core_meeting m;
	struct tui_prep *s;
};

static int setup(void **state)
{
	struct core_error err = { CORE_OK, "" };
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	x->db = fixture_db_make(x->dir, x->path, "prep");
	int64_t seller = fixture_seller(x->db, "Mette Sørensen");
	int64_t account = fixture_account(x->db, "Østerbro Tryk ApS");
	x->m = fixture_meeting(seller, MON_0900, CORE_BF_UPSELL, "negotiation");
	x->m.account_id = account;
	x->m.form = CORE_FORM_HYBRID;
	fixture_check(db_meeting_insert(x->db, &x->m, &err), &err);
	fixture_check(db_meeting_get(x->db, x->m.id, &x->m, &err), &err);
	fixture_check(tui_prep_open(x->db, &x->m, "Negotiation", 0, NULL, &x->s, &err), &err);
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	tui_prep_free(x->s);
	fixture_db_remove(x->db, x->dir);
	free(x);
	return 0;
}

static int ev_char(struct tui_prep *s, wint_t ch)
{
	struct tui_event ev = { .kind = TUI_EV_CHAR, .ch = ch };
	return tui_prep_event(s, &ev);
}

static int ev_key(struct tui_prep *s, int key)
{
	struct tui_event ev = { .kind = TUI_EV_KEY, .key = key };
	return tui_prep_event(s, &ev);
}

static void ev_text(struct tui_prep *s, const char *t)
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

static char *draw_hw(struct tui_prep *s, int h, int w)
{
	static char buf[65536];
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, h, w, 0), 0);
	tui_prep_draw(s, &c);
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

static int count_lines(const char *s)
{
	int lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	return lines;
}

/* The stored tick of key, read as the screen reads it. */
static int stored_tick(struct fx *x, const char *key)
{
	struct core_error err = { CORE_OK, "" };
	struct core_checklist cl;
	fixture_check(core_checklist_for_form(CORE_FORM_HYBRID, &cl, &err), &err);
	fixture_check(db_checklist_read(x->db, x->m.id, &cl, &err), &err);
	int i = core_checklist_find(&cl, key);
	assert_true(i >= 0);
	return cl.items[i].ticked;
}

/* Tab to the checklist and down to the item with key. */
static void go_to_item(struct fx *x, const char *key)
{
	struct core_error err = { CORE_OK, "" };
	struct core_checklist cl;
	fixture_check(core_checklist_for_form(CORE_FORM_HYBRID, &cl, &err), &err);
	int i = core_checklist_find(&cl, key);
	assert_true(i > 0);
	for (int t = 0; t < CORE_PREP_COUNT; t++)
		assert_int_equal(ev_char(x->s, '\t'), TUI_REDRAW);
	for (int k = 0; k < i; k++)
		assert_int_equal(ev_key(x->s, KEY_DOWN), TUI_REDRAW);
}

static void test_hybrid_checklist(void **state)
{
	struct fx *x = *state;
	char *s = draw_hw(x->s, 30, 100);
	assert_non_null(strstr(s, "Preparation · Østerbro Tryk ApS"));
	assert_non_null(strstr(s, "Mon 23 Nov 2026 09:00-10:00"));
	assert_non_null(strstr(s, "Negotiation"));
	assert_non_null(strstr(s, "Purpose"));
	assert_non_null(strstr(s, "Agenda"));
	assert_non_null(strstr(s, "Business pains & acceptances to focus on"));
	assert_non_null(strstr(s, "Checklist for a hybrid meeting (0 of 14 done)"));
	assert_non_null(strstr(s, "[ ] Room ready before the customer joins"));
	assert_null(strstr(s, "Voice of God"));   /* below the fold at first */
	assert_non_null(strstr(s, "(more below)"));
	assert_int_equal(count_lines(s), 30);
	go_to_item(x, "no-voice-of-god");
	s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "[ ] No \"Voice of God\""));
	assert_int_equal(count_lines(s), 24);
}

static void test_tick_is_stored(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	go_to_item(x, "no-voice-of-god");
	assert_int_equal(stored_tick(x, "no-voice-of-god"), 0);
	assert_int_equal(ev_char(x->s, ' '), TUI_REDRAW);
	/* Stored at once, without a save, and nothing waits to be saved. */
	assert_int_equal(stored_tick(x, "no-voice-of-god"), 1);
	assert_int_equal(stored_tick(x, "room-ready"), 0);
	assert_false(tui_prep_dirty(x->s));
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "[x] No \"Voice of God\""));
	assert_non_null(strstr(s, "(1 of 14 done)"));
	assert_int_equal(ev_char(x->s, 27), TUI_CLOSE);

	struct tui_prep *again = NULL;
	fixture_check(tui_prep_open(x->db, &x->m, "Negotiation", 0, NULL, &again, &err), &err);
	tui_prep_free(x->s);
	x->s = again;
	go_to_item(x, "no-voice-of-god");
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "[x] No \"Voice of God\""));
	/* Space again unticks, also at once. */
	assert_int_equal(ev_char(x->s, ' '), TUI_REDRAW);
	assert_int_equal(stored_tick(x, "no-voice-of-god"), 0);
}

static void test_purpose_saved(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	ev_text(x->s, "Aftale pilot på Ærø");
	assert_int_equal(ev_char(x->s, '\n'), TUI_REDRAW);
	ev_text(x->s, "og Østerbro, blåbær");
	assert_int_equal(ev_char(x->s, '\t'), TUI_REDRAW);
	ev_text(x->s, "1. Velkomst");
	assert_true(tui_prep_dirty(x->s));
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "[unsaved]"));
	assert_int_equal(ev_char(x->s, CTRL('S')), TUI_REDRAW);
	assert_false(tui_prep_dirty(x->s));
	struct core_prep p;
	fixture_check(db_prep_get(x->db, x->m.id, &p, &err), &err);
	assert_string_equal(core_prep_text(&p, CORE_PREP_PURPOSE),
	                    "Aftale pilot på Ærø\nog Østerbro, blåbær");
	assert_string_equal(core_prep_text(&p, CORE_PREP_AGENDA), "1. Velkomst");
	assert_string_equal(core_prep_text(&p, CORE_PREP_PAINS), "");
	core_prep_free(&p);
	char *s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "saved"));
	assert_null(strstr(s, "[unsaved]"));
	/* F2 saves too. */
	ev_text(x->s, " og kaffe");
	assert_int_equal(ev_key(x->s, KEY_F(2)), TUI_REDRAW);
	fixture_check(db_prep_get(x->db, x->m.id, &p, &err), &err);
	assert_string_equal(core_prep_text(&p, CORE_PREP_AGENDA), "1. Velkomst og kaffe");
	core_prep_free(&p);
	/* Clean: Esc closes without asking; a reopen reads it back. */
	assert_int_equal(ev_char(x->s, 27), TUI_CLOSE);
	struct tui_prep *again = NULL;
	fixture_check(tui_prep_open(x->db, &x->m, "Negotiation", 0, NULL, &again, &err), &err);
	tui_prep_free(x->s);
	x->s = again;
	s = draw_hw(x->s, 24, 80);
	assert_non_null(strstr(s, "Aftale pilot på Ærø"));
	assert_non_null(strstr(s, "og Østerbro, blåbær"));
	assert_false(tui_prep_dirty(x->s));
}

static void test_escape_asks(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	ev_text(x->s, "Halvfærdig");
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(x->s, 24, 80), "save changes? (y)es / (n)o"));
	/* Other keys are not typed while it asks. */
	assert_int_equal(ev_char(x->s, 'q'), TUI_NONE);
	/* Esc keeps editing, and the text is still there. */
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	ev_text(x->s, " tekst");
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	assert_int_equal(ev_char(x->s, 'n'), TUI_CLOSE);
	struct core_prep p;
	fixture_check(db_prep_get(x->db, x->m.id, &p, &err), &err);
	assert_string_equal(core_prep_text(&p, CORE_PREP_PURPOSE), "");
	core_prep_free(&p);
}

static void test_escape_yes_saves(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	ev_text(x->s, "Mål: å få en aftale");
	assert_int_equal(ev_char(x->s, 27), TUI_REDRAW);
	assert_int_equal(ev_char(x->s, 'y'), TUI_CLOSE);
	struct core_prep p;
	fixture_check(db_prep_get(x->db, x->m.id, &p, &err), &err);
	assert_string_equal(core_prep_text(&p, CORE_PREP_PURPOSE), "Mål: å få en aftale");
	core_prep_free(&p);
}

static void test_ascii_and_physical(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = x->m;
	m.form = CORE_FORM_PHYSICAL;
	struct tui_prep *p = NULL;
	fixture_check(tui_prep_open(x->db, &m, "Negotiation", 1, NULL, &p, &err), &err);
	char *s = draw_hw(p, 24, 80);
	assert_non_null(strstr(s, "Preparation - Østerbro Tryk ApS"));
	assert_non_null(strstr(s, "Checklist for a physical meeting"));
	assert_null(strstr(s, "Voice of God"));
	assert_non_null(strstr(s, "[ ]"));
	tui_prep_free(p);
}

/* The team's own checklist, stored by the manager, replaces the asset's;
 * ticks are kept by key, so one the lists share stays ticked. */
static void test_team_checklist(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	go_to_item(x, "agenda");
	assert_int_equal(ev_char(x->s, ' '), TUI_REDRAW);
	static const char ours[] = "agenda   Agenda sent\ncoffee   Kaffe og wienerbrød bestilt\n";
	fixture_check(db_checklist_set(x->db, CORE_FORM_HYBRID, ours, sizeof ours - 1, "ours.txt",
	                               &err), &err);
	struct tui_prep *p = NULL;
	fixture_check(tui_prep_open(x->db, &x->m, "Negotiation", 0, NULL, &p, &err), &err);
	char *s = draw_hw(p, 24, 80);
	assert_non_null(strstr(s, "Checklist for a hybrid meeting (1 of 2 done)"));
	assert_non_null(strstr(s, "[x] Agenda sent"));
	assert_non_null(strstr(s, "[ ] Kaffe og wienerbrød bestilt"));
	assert_null(strstr(s, "Room ready"));
	tui_prep_free(p);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hybrid_checklist, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tick_is_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_purpose_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escape_asks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escape_yes_saves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ascii_and_physical, setup, teardown),
		cmocka_unit_test_setup_teardown(test_team_checklist, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
