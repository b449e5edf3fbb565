/* The week screen's drawing (tui/week_draw.c): golden text captures at the
 * sizes the product promises, plus facts checked on their own, so a wrong
 * golden cannot hide a wrong number.  PIPEBENCH_UPDATE_GOLDEN=1 rewrites
 * the golden files (read them before keeping them). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/matrix.h"
#include "core/meeting.h"
#include "core/tally.h"
#include "tui/canvas.h"
#include "tui/week_draw.h"
#include "tests/unit/golden.h"

/* ---- the fixed week: 2026-W48, Monday 23 November ---- */

static const struct golden_plan week48[] = {
	{ 0, 8 * 60 + 30, "Brødrene Hansen A/S", CORE_BF_RESALE, "negotiation",
	  CORE_FORM_PHYSICAL, CORE_DIM_DEVELOPMENT, CORE_MS_PLANNED },
	{ 0, 11 * 60, "Vestfjord AS", CORE_BF_NEW, "first_meeting",
	  CORE_FORM_PHYSICAL, CORE_DIM_DISCOVERY, CORE_MS_PLANNED },
	{ 0, 14 * 60, "Næstved Tømrerforretning", CORE_BF_UPSELL, "upsell",
	  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_HELD },
	{ 1, 9 * 60, "Ørsted Gruppen", CORE_BF_RESALE, "follow_up",
	  CORE_FORM_HYBRID, CORE_DIM_DELIVERY, CORE_MS_HELD },
	{ 1, 13 * 60, "Grønne Skove A/S", CORE_BF_NEW, "deep_dive",
	  CORE_FORM_VIRTUAL, CORE_DIM_DISCOVERY, CORE_MS_PLANNED },
	{ 2, 10 * 60, "Hvidø ApS", CORE_BF_UPSELL, "status_value",
	  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_HELD },
	{ 2, 13 * 60 + 30, "Bjørnstad AS", CORE_BF_RESALE, "follow_up",
	  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_CANCELLED },
	{ 3, 10 * 60, "Lærdal AS", CORE_BF_UPSELL, "workshop",
	  CORE_FORM_PHYSICAL, CORE_DIM_DESTINATION, CORE_MS_PLANNED },
	{ 3, 15 * 60, "東京商事 K.K.", CORE_BF_NEW, "strategy",
	  CORE_FORM_HYBRID, CORE_DIM_DESTINATION, CORE_MS_PLANNED },
	{ 4, 9 * 60, "Køge Gruppen", CORE_BF_NEW, "booking",
	  CORE_FORM_PHONE, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
	{ 4, 11 * 60, "Østerbro Hus", CORE_BF_NEW, "first_meeting",
	  CORE_FORM_PHYSICAL, CORE_DIM_DISCOVERY, CORE_MS_PLANNED },
	{ 5, 10 * 60, "Åsgårdstrand Marina", CORE_BF_RESALE, "relationship",
	  CORE_FORM_PHYSICAL, CORE_DIM_DEVELOPMENT, CORE_MS_PLANNED },
};
#define N_WEEK48 (sizeof week48 / sizeof week48[0])

struct fixture {
	struct core_matrix matrix;
	struct core_meeting meetings[64];
	size_t n;
	struct tui_week_model model;
};

static void fixture_tally(struct fixture *f)
{
	struct core_targets targets = { { 2, 1, 2 } };
	core_tally_week(f->meetings, f->n, &targets, NULL, &f->model.tally);
}

/* The week above, as the TUI shows it on Wednesday the 25th with the
 * first meeting selected. */
static void fixture_init(struct fixture *f)
{
	struct core_error err;
	memset(f, 0, sizeof *f);
	assert_int_equal(core_matrix_default(&f->matrix, &err), CORE_OK);
	for (size_t i = 0; i < N_WEEK48; i++)
		golden_meeting_fill(&f->meetings[i], &week48[i], (int64_t)i + 1);
	f->n = N_WEEK48;
	f->model.week = (struct core_isoweek){ 2026, 48 };
	f->model.today = golden_monday48() + 2;
	snprintf(f->model.seller, sizeof f->model.seller, "Mette Sørensen");
	f->model.meetings = f->meetings;
	f->model.n_meetings = f->n;
	f->model.matrix = &f->matrix;
	f->model.selected = 0;
	f->model.overdue = 2;
	f->model.warnings = 1;
	fixture_tally(f);
}

/* ---- goldens (drawn and compared by golden.h) ---- */

static void test_golden_100x30(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	golden_assert(got, "week_100x30.txt");
	golden_assert_fits(got, 30, 100);
	free(got);
}

static void test_golden_80x24(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	char *got = golden_week_draw(&f.model, 24, 80, 0, NULL);
	golden_assert(got, "week_80x24.txt");
	golden_assert_fits(got, 24, 80);
	free(got);
}

static void test_golden_ascii(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	char *got = golden_week_draw(&f.model, 30, 100, 1, NULL);
	golden_assert(got, "week_ascii_100x30.txt");
	for (const unsigned char *p = (const unsigned char *)got; *p; p++)
		assert_true(*p < 0x80);
	free(got);
}

static void test_golden_empty(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	f.n = 0;
	f.model.n_meetings = 0;
	f.model.selected = -1;
	f.model.overdue = 0;
	f.model.warnings = 0;
	fixture_tally(&f);
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	golden_assert(got, "week_empty_100x30.txt");
	char line[512];
	assert_true(golden_find_line(got, "no meetings this week", line, sizeof line) > 0);
	/* Nothing to flag: the title's right side is only the help key. */
	assert_null(strstr(got, "overdue"));
	assert_null(strstr(got, "warning"));
	assert_non_null(strstr(got, "? help"));
	free(got);
}

static void test_golden_weekend(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	f.model.show_weekend = 1;
	f.model.selected = -1;
	f.model.message = "Saved: Lærdal AS, Thu 26 Nov 10:00";
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	golden_assert(got, "week_weekend_100x30.txt");
	golden_assert_fits(got, 30, 100);
	free(got);
}

/* ---- facts, independent of the goldens ---- */

static void test_title(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	char line[512];
	assert_int_equal(golden_find_line(got, "week 48", line, sizeof line), 0);
	assert_non_null(strstr(line, "23–27 Nov 2026"));
	assert_non_null(strstr(line, "Mette Sørensen"));
	assert_non_null(strstr(line, "2 overdue"));
	assert_non_null(strstr(line, "1 warning"));
	/* Saturday's meeting is hidden, and said so. */
	assert_non_null(strstr(line, "+1 at weekend"));
	assert_null(strstr(got, "Åsgårdstrand"));
	assert_non_null(strstr(got, "Mon 23"));
	assert_non_null(strstr(got, "Fri 27"));
	assert_non_null(strstr(got, "Wed 25 · today"));
	assert_null(strstr(got, "Sat 28"));
	free(got);
}

static void test_panel_numbers(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	char line[512];
	/* Re-sale: Brødrene and Saturday's Åsgårdstrand planned (the panel
	 * counts the whole week, shown or not), Ørsted held (hybrid: 1
	 * visit), Bjørnstad cancelled; target 2. */
	assert_true(golden_find_line(got, "Re-sale", line, sizeof line) > 20);
	char label[32], danish[32], visits[16], slash[8], of[8];
	int target, planned, held;
	assert_int_equal(sscanf(line, "%31s %31s %d %d %d %15s %7s %7s", label,
	                        danish, &target, &planned, &held, visits, slash, of), 8);
	assert_string_equal(danish, "Gensalg");
	assert_int_equal(target, 2);
	assert_int_equal(planned, f.model.tally.bf[CORE_BF_RESALE].planned);
	assert_int_equal(planned, 3);
	assert_int_equal(held, 1);
	assert_string_equal(visits, "1.0");
	assert_string_equal(of, "2");
	assert_non_null(strstr(line, "█████░░░░░"));
	/* Totals: the 12 meetings but the cancelled one. */
	assert_true(golden_find_line(got, " total", line, sizeof line) > 20);
	assert_int_equal(sscanf(line, "%31s %d %d %d", label, &target, &planned, &held), 4);
	assert_int_equal(target, 5);
	assert_int_equal(planned, 11);
	assert_int_equal(held, 3);
	/* The forms line counts the not-cancelled meetings by form. */
	assert_true(golden_find_line(got, "forms", line, sizeof line) > 20);
	assert_non_null(strstr(line, "▣ 5"));
	assert_non_null(strstr(line, "◐ 2"));
	assert_non_null(strstr(line, "◯ 3"));
	assert_non_null(strstr(line, "☎ 1"));
	assert_true(golden_find_line(got, "4D", line, sizeof line) > 20);
	assert_non_null(strstr(line, "Delivery"));
	free(got);
}

static void test_meetings_and_hits(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	struct tui_canvas c;
	char *got = golden_week_draw(&f.model, 30, 100, 0, &c);
	char line[512];

	int y = golden_find_line(got, "08:30 Brødrene", line, sizeof line);
	assert_true(y > 1);
	/* The hit for meeting 0 covers both its lines, and it is painted as
	 * selected. */
	const char *p = strstr(line, "08:30");
	int x = golden_columns(line, (size_t)(p - line));
	assert_int_equal(tui_canvas_hit_at(&c, y, x), 0);
	assert_int_equal(tui_canvas_hit_at(&c, y + 1, x + 3), 0);
	assert_int_equal(golden_cell_role(&c, y, x), TUI_ROLE_SELECTED);
	assert_int_equal(golden_cell_role(&c, y + 1, x + 5), TUI_ROLE_SELECTED);
	/* Its second line: the type's brief, the form glyph, the letter. */
	char below[512];
	const char *nl = strchr(strstr(got, line), '\n');
	snprintf(below, sizeof below, "%.*s", (int)strcspn(nl + 1, "\n"), nl + 1);
	assert_non_null(strstr(below, "│ negotiation   ▣ R│"));
	/* A held meeting is ticked, a cancelled one marked and dimmed. */
	int yh = golden_find_line(got, "14:00 ✓ Næstved", line, sizeof line);
	assert_true(yh > y);
	int yc = golden_find_line(got, "13:30 x Bjørnstad", line, sizeof line);
	assert_true(yc > 1);
	x = golden_columns(line, (size_t)(strstr(line, "13:30") - line));
	assert_int_equal(golden_cell_role(&c, yc, x), TUI_ROLE_CANCELLED);
	assert_int_equal(tui_canvas_hit_at(&c, yc, x), 6);
	/* Time of day down the side: 09:00 sits below 08:30, 11:00 lower. */
	int y9 = golden_find_line(got, "09:00 ✓ Ørsted", line, sizeof line);
	int y11 = golden_find_line(got, "11:00 Vestfjord", line, sizeof line);
	assert_true(y9 > y);
	assert_true(y11 > y9);
	/* The gutter's hours line up with the meetings at the full hour. */
	assert_int_equal(golden_find_line(got, "\n 09 ", line, sizeof line), y9);
	assert_int_equal(golden_find_line(got, "\n 11 ", line, sizeof line), y11);
	assert_int_equal(golden_find_line(got, "\n 08 ", line, sizeof line), y - 1);
	/* Double width: the CJK name is cut on a character boundary. */
	assert_non_null(strstr(got, "15:00 東京商事 K.…"));
	/* One hit per visible meeting (Saturday's is hidden). */
	assert_int_equal(c.n_hits, (int)N_WEEK48 - 1);
	tui_canvas_free(&c);
	free(got);
}

static void test_status_line(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	f.model.message = "database is busy";
	f.model.message_is_error = 1;
	struct tui_canvas c;
	char *got = golden_week_draw(&f.model, 30, 100, 0, &c);
	char line[512];
	assert_int_equal(golden_find_line(got, "database is busy", line, sizeof line), 29);
	assert_int_equal(golden_cell_role(&c, 29, 1), TUI_ROLE_ERROR);
	tui_canvas_free(&c);
	free(got);

	f.model.message = NULL;
	f.model.keys_line = "a add  [ ] week";
	got = golden_week_draw(&f.model, 30, 100, 0, &c);
	assert_int_equal(golden_find_line(got, "a add  [ ] week", line, sizeof line), 29);
	assert_int_equal(golden_cell_role(&c, 29, 1), TUI_ROLE_KEY);
	assert_int_equal(golden_cell_role(&c, 29, 3), TUI_ROLE_STATUS);
	assert_int_equal(golden_cell_role(&c, 29, 8), TUI_ROLE_KEY);   /* "[ ]" */
	assert_int_equal(golden_cell_role(&c, 29, 10), TUI_ROLE_KEY);
	assert_int_equal(golden_cell_role(&c, 29, 12), TUI_ROLE_STATUS);
	tui_canvas_free(&c);
	free(got);
}

/* A day with more meetings than rows: the column ends in "+N more" and
 * the selected meeting is still among those shown. */
static void test_overflow(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	f.n = 0;
	for (int i = 0; i < 20; i++) {
		struct golden_plan p = { 1, 7 * 60 + i * 30, "Kunde æøå", CORE_BF_NEW,
		                  "follow_up", CORE_FORM_PHONE, CORE_DIM_DELIVERY,
		                  CORE_MS_PLANNED };
		char name[32];
		snprintf(name, sizeof name, "Kunde %02d", i);
		p.account = name;
		golden_meeting_fill(&f.meetings[f.n++], &p, i + 1);
	}
	f.model.n_meetings = f.n;
	f.model.selected = 17;
	fixture_tally(&f);
	struct tui_canvas c;
	char *got = golden_week_draw(&f.model, 24, 80, 0, &c);
	char line[512];
	/* 15 rows inside the box at 80x24: seven meetings and the line. */
	assert_true(golden_find_line(got, "+13 more", line, sizeof line) > 0);
	assert_non_null(strstr(got, "Kunde 17"));
	assert_null(strstr(got, "Kunde 18"));
	assert_non_null(strstr(got, "Kunde 11"));
	assert_null(strstr(got, "Kunde 10"));
	assert_int_equal(c.n_hits, 7);
	golden_assert_fits(got, 24, 80);
	tui_canvas_free(&c);
	free(got);
}

/* Two meetings in one hour: with two rows an hour the second would start
 * beside the next hour's label, so the day is a stacked list instead; with
 * three rows an hour both fit their hour and the hours come back. */
static void test_time_layout_fallback(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	f.n = 0;
	static const struct golden_plan two[] = {
		{ 0, 8 * 60, "Aarhus Stål", CORE_BF_RESALE, "negotiation",
		  CORE_FORM_PHYSICAL, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
		{ 0, 8 * 60 + 30, "Bergen Bølge", CORE_BF_NEW, "booking",
		  CORE_FORM_PHONE, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
		{ 2, 15 * 60, "Cæsar Øl", CORE_BF_UPSELL, "upsell",
		  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
	};
	for (size_t i = 0; i < 3; i++)
		golden_meeting_fill(&f.meetings[f.n++], &two[i], (int64_t)i + 1);
	f.model.n_meetings = f.n;
	f.model.selected = -1;
	fixture_tally(&f);
	char line[512];

	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	assert_int_equal(golden_find_line(got, "08:00 Aarhus", line, sizeof line), 2);
	assert_int_equal(golden_find_line(got, "08:30 Bergen", line, sizeof line), 4);
	assert_int_equal(golden_find_line(got, "15:00 Cæsar", line, sizeof line), 2);
	assert_int_equal(golden_find_line(got, "\n 08 ", line, sizeof line), -1);
	golden_assert_fits(got, 30, 100);
	free(got);

	/* 40 rows: 31 inside the box, three an hour from 08 to 18. */
	got = golden_week_draw(&f.model, 40, 100, 0, NULL);
	assert_int_equal(golden_find_line(got, "\n 08 ", line, sizeof line), 2);
	assert_int_equal(golden_find_line(got, "08:00 Aarhus", line, sizeof line), 2);
	assert_int_equal(golden_find_line(got, "08:30 Bergen", line, sizeof line), 4);
	assert_int_equal(golden_find_line(got, "\n 15 ", line, sizeof line), 2 + 7 * 3);
	assert_int_equal(golden_find_line(got, "15:00 Cæsar", line, sizeof line), 2 + 7 * 3);
	golden_assert_fits(got, 40, 100);
	free(got);
}

/* The cursor's day: its heading in the selected role, whether or not a
 * meeting is selected on it (today's heading keeps its words); no cursor,
 * or a day off the screen, marks no heading. */
static int heading_role(const struct tui_canvas *c, const char *dump,
                        const char *heading)
{
	char line[512];
	int y = golden_find_line(dump, heading, line, sizeof line);
	assert_int_equal(y, 1);
	int x = golden_columns(line, (size_t)(strstr(line, heading) - line));
	return golden_cell_role(c, y, x);
}

static void test_cursor_day(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	struct tui_canvas c;
	f.model.selected = -1;
	char *got = golden_week_draw(&f.model, 30, 100, 0, &c);
	assert_int_equal(heading_role(&c, got, "Tue 24"), TUI_ROLE_DAY);
	assert_int_equal(heading_role(&c, got, "Wed 25"), TUI_ROLE_TODAY);
	for (int y = 0; y < c.h; y++)
		for (int x = 0; x < c.w; x++)
			assert_int_not_equal(golden_cell_role(&c, y, x), TUI_ROLE_SELECTED);
	tui_canvas_free(&c);
	free(got);

	f.model.cursor_day = 2;
	got = golden_week_draw(&f.model, 30, 100, 0, &c);
	assert_int_equal(heading_role(&c, got, "Tue 24"), TUI_ROLE_SELECTED);
	assert_int_equal(heading_role(&c, got, "Mon 23"), TUI_ROLE_DAY);
	assert_int_equal(heading_role(&c, got, "Wed 25"), TUI_ROLE_TODAY);
	tui_canvas_free(&c);
	free(got);

	f.model.cursor_day = 3;
	f.model.selected = 5; /* Hvidø ApS, Wednesday */
	got = golden_week_draw(&f.model, 30, 100, 0, &c);
	assert_int_equal(heading_role(&c, got, "Wed 25 · today"), TUI_ROLE_SELECTED);
	assert_int_equal(heading_role(&c, got, "Tue 24"), TUI_ROLE_DAY);
	tui_canvas_free(&c);
	free(got);

	/* Saturday with the weekend hidden, and nonsense: no heading marked. */
	f.model.selected = -1;
	for (int day = 6; day <= 9; day += 3) {
		f.model.cursor_day = day;
		got = golden_week_draw(&f.model, 30, 100, 0, &c);
		for (int x = 0; x < c.w; x++)
			assert_int_not_equal(golden_cell_role(&c, 1, x), TUI_ROLE_SELECTED);
		tui_canvas_free(&c);
		free(got);
	}
}

/* Every size from tiny to large: never a write outside the canvas (ASan),
 * never a line wider than the canvas, and always the same output. */
static void test_sizes(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	for (int weekend = 0; weekend < 2; weekend++) {
		f.model.show_weekend = weekend;
		for (int h = 0; h <= 40; h += 1)
			for (int w = 0; w <= 130; w += (w < 90 ? 7 : 1)) {
				char *a = golden_week_draw(&f.model, h, w, weekend, NULL);
				if (h > 0 && w > 0)
					golden_assert_fits(a, h, w);
				char *b = golden_week_draw(&f.model, h, w, weekend, NULL);
				assert_string_equal(a, b);
				free(a);
				free(b);
			}
	}
}

/* Data the database should never hold but might: values out of range and
 * a type the matrix lacks draw as something, never crash. */
static void test_untrusted_values(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f);
	f.meetings[0].battlefield = (enum core_battlefield)42;
	f.meetings[0].form = (enum core_form)-3;
	f.meetings[0].status = (enum core_mstatus)9;
	snprintf(f.meetings[0].type, sizeof f.meetings[0].type, "no_such_type");
	f.meetings[1].starts_at = INT64_C(-62000000000);
	f.model.selected = 999;
	f.model.matrix = NULL;
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	assert_non_null(strstr(got, "no_such_ty"));
	golden_assert_fits(got, 30, 100);
	free(got);
}

int main(void)
{
	/* The goldens are drawn in UTC. */
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_100x30),
		cmocka_unit_test(test_golden_80x24),
		cmocka_unit_test(test_golden_ascii),
		cmocka_unit_test(test_golden_empty),
		cmocka_unit_test(test_golden_weekend),
		cmocka_unit_test(test_title),
		cmocka_unit_test(test_panel_numbers),
		cmocka_unit_test(test_meetings_and_hits),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_time_layout_fallback),
		cmocka_unit_test(test_cursor_day),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_untrusted_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
