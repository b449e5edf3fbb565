/* The export dialog's iCalendar choice (tui/export.c): no CRM and no
 * since-last (greyed and passed by), its own file name, and a file whose
 * bytes are db_ics_export's at the dialog's clock, for the seller's week
 * and the whole team's.  The fixture is tests/unit/export_screen_fx.h. */
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

#include "db/ics_export.h"
#include "tui/export.h"
#include "tests/unit/export_screen_fx.h"

/* What db_ics_export writes, at the dialog's clock, for the week or
 * everything and one seller (named) or the team (NULL); returns the rows. */
static long long reference_ics(struct fx *f, int week, int64_t seller, const char *name,
                               const char *path)
{
	struct core_error err = { CORE_OK, "" };
	struct db_ics_export x = {
		.q = { .seller_id = seller, .since_rev = -1, .today = TODAY },
		.seller_name = name, .dtstamp = NOW, .path = path,
	};
	if (week) {
		x.q.from = MON_0900 - 9 * 3600;
		x.q.to = x.q.from + 7 * DAY_S;
	}
	long long rows = -1;
	fixture_check(db_ics_export(f->db, &x, &rows, &err), &err);
	return rows;
}

static int count_of(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* iCalendar, the fifth what: no CRM (greyed, passed by), no since-last
 * (greyed, passed by, and left for the week when iCalendar is chosen),
 * its own file name; Enter writes db_ics_export's bytes at the dialog's
 * clock, the seller's week or the whole team's. */
static void test_icalendar(void **state)
{
	struct fx *f = *state;
	char line[512], msg[1024], want[1024];
	char out[FIXTURE_PATH_MAX + 16], ref[FIXTURE_PATH_MAX + 16];
	snprintf(out, sizeof out, "%s/week.ics", f->dir);
	snprintf(ref, sizeof ref, "%s/ref.ics", f->dir);
	/* From since-last on meetings: iCalendar takes the week instead. */
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	choose(f, "Range", "Since the last export");
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "What", line, sizeof line),
	                       "Contacts  [iCalendar]"));
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line), "[Week 48]"));
	assert_on_screen(f, "Export to iCalendar");
	assert_on_screen(f, "File     ~/pipebench-2026-W48.ics");
	assert_on_screen(f, "CRM       none: a calendar program reads iCalendar as it is");
	assert_int_equal(role_of(f, "none: a calendar"), TUI_ROLE_DIM);
	assert_int_equal(role_of(f, "Since the last export"), TUI_ROLE_DIM);
	assert_on_screen(f, "Seller   [Mette Sørensen]  Whole team");
	assert_on_screen(f, "4 meetings in week 48 · Mette Sørensen");

	/* Down passes the CRM by; the range passes since-last by, both ways. */
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line), "[Everything]"));
	assert_on_screen(f, "~/pipebench-all.ics");
	assert_on_screen(f, "6 meetings in all · Mette Sørensen");
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line), "[Week 48]"));

	set_path(f, out);
	snprintf(want, sizeof want, "wrote 4 meetings to %s", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	assert_int_equal(reference_ics(f, 1, f->mette, "Mette Sørensen", ref), 4);
	assert_same_file(out, ref);
	size_t len;
	char *ics = read_all(out, &len);
	assert_memory_equal(ics, "BEGIN:VCALENDAR\r\n", 17);
	assert_int_equal(count_of(ics, "\r\nBEGIN:VEVENT\r\n"), 4);
	assert_non_null(strstr(ics, "\r\nX-WR-CALNAME:pipebench · Mette Sørensen\r\n"));
	assert_non_null(strstr(ics, "\r\nDTSTAMP:20261123T100000Z\r\n"));
	free(ics);

	/* The whole team: Ole's meeting too, in a calendar of no one's. */
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_on_screen(f, "[Whole team]");
	snprintf(want, sizeof want, "wrote 5 meetings to %s", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	assert_int_equal(reference_ics(f, 1, 0, NULL, ref), 5);
	assert_same_file(out, ref);
	ics = read_all(out, &len);
	assert_int_equal(count_of(ics, "\r\nBEGIN:VEVENT\r\n"), 5);
	assert_non_null(strstr(ics, "\r\nX-WR-CALNAME:pipebench\r\n"));
	free(ics);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_icalendar, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
