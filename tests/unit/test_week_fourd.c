/* The week panel's 4D warning (tui/week_draw.c with core/fourd.h): a week
 * that is mostly Delivery says so, with the threshold and how many of the
 * Delivery meetings are virtual, in the warning colour, at 100 and 80
 * columns and in ASCII; a week under the threshold draws as before.  The
 * golden is tests/golden/week_fourd_100x30.txt; PIPEBENCH_UPDATE_GOLDEN=1
 * rewrites it (read it before keeping it). */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/fourd.h"
#include "core/matrix.h"
#include "core/meeting.h"
#include "core/tally.h"
#include "tui/canvas.h"
#include "tui/week_draw.h"
#include "tests/unit/golden.h"

/* 2026-W48: eight meetings, five of them Delivery (62.5 %, shown 63 %),
 * three of those virtual. */
static const struct golden_plan week[] = {
	{ 0, 8 * 60 + 30, "Brødrene Hansen A/S", CORE_BF_RESALE, "follow_up",
	  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
	{ 0, 11 * 60, "Vestfjord AS", CORE_BF_NEW, "first_meeting",
	  CORE_FORM_PHYSICAL, CORE_DIM_DISCOVERY, CORE_MS_PLANNED },
	{ 1, 9 * 60, "Ørsted Gruppen", CORE_BF_RESALE, "status_value",
	  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_HELD },
	{ 1, 13 * 60, "Grønne Skove A/S", CORE_BF_UPSELL, "upsell",
	  CORE_FORM_HYBRID, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
	{ 2, 10 * 60, "Hvidø ApS", CORE_BF_UPSELL, "follow_up",
	  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_HELD },
	{ 3, 10 * 60, "Lærdal AS", CORE_BF_UPSELL, "workshop",
	  CORE_FORM_PHYSICAL, CORE_DIM_DESTINATION, CORE_MS_PLANNED },
	{ 3, 15 * 60, "Køge Gruppen", CORE_BF_RESALE, "follow_up",
	  CORE_FORM_PHONE, CORE_DIM_DELIVERY, CORE_MS_PLANNED },
	{ 4, 11 * 60, "Østerbro Hus", CORE_BF_NEW, "strategy",
	  CORE_FORM_PHYSICAL, CORE_DIM_DEVELOPMENT, CORE_MS_PLANNED },
};
#define N_WEEK (sizeof week / sizeof week[0])

struct fixture {
	struct core_matrix matrix;
	struct core_meeting meetings[16];
	size_t n;
	struct tui_week_model model;
};

/* What tui/app.c and `week --print` do: tally, check, count the warning. */
static void fixture_check(struct fixture *f, int threshold)
{
	struct core_targets targets = { { 2, 1, 2 } };
	f->model.n_meetings = f->n;
	core_tally_week(f->meetings, f->n, &targets, NULL, &f->model.tally);
	f->model.warnings = core_fourd_check(&f->model.tally, threshold, &f->model.fourd);
}

static void fixture_init(struct fixture *f, int threshold)
{
	struct core_error err;
	memset(f, 0, sizeof *f);
	assert_int_equal(core_matrix_default(&f->matrix, &err), CORE_OK);
	for (size_t i = 0; i < N_WEEK; i++)
		golden_meeting_fill(&f->meetings[i], &week[i], (int64_t)i + 1);
	f->n = N_WEEK;
	f->model.week = (struct core_isoweek){ 2026, 48 };
	f->model.today = golden_monday48() + 2;
	snprintf(f->model.seller, sizeof f->model.seller, "Mette Sørensen");
	f->model.meetings = f->meetings;
	f->model.matrix = &f->matrix;
	f->model.selected = -1;
	fixture_check(f, threshold);
}

/* The column where needle starts in line (UTF-8 aware). */
static int column_of(const char *line, const char *needle)
{
	const char *p = strstr(line, needle);
	assert_non_null(p);
	char head[1024];
	snprintf(head, sizeof head, "%.*s", (int)(p - line), line);
	return tui_text_width(head);
}

static void test_golden_100x30(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 50);
	assert_true(f.model.fourd.warn);
	struct tui_canvas c;
	char *got = golden_week_draw(&f.model, 30, 100, 0, &c);
	golden_assert(got, "week_fourd_100x30.txt");
	golden_assert_fits(got, 30, 100);

	char line[1024];
	/* The title counts it. */
	assert_int_equal(golden_find_line(got, "1 warning", line, sizeof line), 0);
	/* The panel says it whole, on the panel's last line, in the warning
	 * colour from the mark to the end. */
	const char *text = "⚠ Delivery 63 % > 50 %, 3/5 virtual";
	int y = golden_find_line(got, text, line, sizeof line);
	assert_int_equal(y, 28);
	assert_non_null(strstr(line, " total "));
	int x = column_of(line, text);
	for (int i = 0; i < tui_text_width(text); i++)
		assert_int_equal(golden_cell_role(&c, y, x + i), TUI_ROLE_WARNING);
	/* The Delivery share in the 4D mix is in the warning colour too, the
	 * others are not. */
	int y4 = golden_find_line(got, "4D  Delivery  63 %", line, sizeof line);
	assert_true(y4 > 20);
	assert_int_equal(golden_cell_role(&c, y4, column_of(line, "Delivery")), TUI_ROLE_WARNING);
	assert_int_equal(golden_cell_role(&c, y4, column_of(line, "Development")),
	                 TUI_ROLE_NORMAL);
	tui_canvas_free(&c);
	free(got);
}

/* The team's threshold is the one shown; at or above the share, nothing. */
static void test_threshold_shown(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 60);
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	assert_non_null(strstr(got, "⚠ Delivery 63 % > 60 %, 3/5 virtual"));
	free(got);

	fixture_init(&f, 63);
	assert_false(f.model.fourd.warn);
	assert_int_equal(f.model.warnings, 0);
	struct tui_canvas c;
	got = golden_week_draw(&f.model, 30, 100, 0, &c);
	assert_null(strstr(got, "⚠"));
	assert_null(strstr(got, "warning"));
	char line[1024];
	int y4 = golden_find_line(got, "4D  Delivery  63 %", line, sizeof line);
	assert_true(y4 > 20);
	assert_int_equal(golden_cell_role(&c, y4, column_of(line, "Delivery")), TUI_ROLE_NORMAL);
	tui_canvas_free(&c);

	/* No check at all (a model that never ran one) draws the same: the
	 * warning comes from the model, not from the tally. */
	struct fixture g;
	fixture_init(&g, 63);
	memset(&g.model.fourd, 0, sizeof g.model.fourd);
	char *unchecked = golden_week_draw(&g.model, 30, 100, 0, NULL);
	assert_string_equal(unchecked, got);
	free(unchecked);
	free(got);
}

/* At 80 columns the warning shortens but keeps the numbers. */
static void test_80x24(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 50);
	char *got = golden_week_draw(&f.model, 24, 80, 0, NULL);
	golden_assert_fits(got, 24, 80);
	char line[1024];
	int y = golden_find_line(got, "⚠ Del > 50 %, 3/5 virt.", line, sizeof line);
	assert_int_equal(y, 22);
	/* The share itself is right above, in the 4D mix. */
	assert_true(golden_find_line(got, "4D Del 63 %", line, sizeof line) > 16);
	assert_non_null(strstr(got, "1 warning"));
	free(got);
}

/* ASCII: "!" for the mark, nothing but ASCII anywhere. */
static void test_ascii(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 50);
	char *got = golden_week_draw(&f.model, 30, 100, 1, NULL);
	assert_non_null(strstr(got, "! Delivery 63 % > 50 %, 3/5 virtual"));
	for (const unsigned char *p = (const unsigned char *)got; *p; p++)
		assert_true(*p < 0x80);
	free(got);
}

/* With cancelled meetings the count stays beside the warning when there
 * is room, and gives way to it when there is not. */
static void test_with_cancelled(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 50);
	struct golden_plan p = { 4, 14 * 60, "Bjørnstad AS", CORE_BF_RESALE, "follow_up",
	                  CORE_FORM_VIRTUAL, CORE_DIM_DELIVERY, CORE_MS_CANCELLED };
	golden_meeting_fill(&f.meetings[f.n], &p, (int64_t)f.n + 1);
	f.n++;
	fixture_check(&f, 50);
	/* The cancelled meeting changes no share. */
	assert_int_equal(f.model.fourd.meetings, 8);
	assert_int_equal(f.model.fourd.delivery_virtual, 3);

	char line[1024];
	char *got = golden_week_draw(&f.model, 30, 100, 0, NULL);
	golden_assert_fits(got, 30, 100);
	assert_int_equal(golden_find_line(got, "⚠ Delivery 63 % > 50 %, 3/5 virtual", line,
	                           sizeof line), 28);
	assert_null(strstr(got, "cancelled"));
	free(got);

	got = golden_week_draw(&f.model, 30, 120, 0, NULL);
	assert_int_equal(golden_find_line(got, "⚠ Delivery 63 % > 50 % (3 of 5 virtual)  "
	                           "1 cancelled", line, sizeof line), 28);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_100x30),
		cmocka_unit_test(test_threshold_shown),
		cmocka_unit_test(test_80x24),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_with_cancelled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
