/* The export dialog (tui/export.c) on a real SQLite file, driven with
 * synthetic events and read back from its canvas: the defaults and the
 * suggested file, every choice cycling and the file name following it
 * (until the seller edits it), the count of what the choices match,
 * Enter that says "exporting…" and exports on the next event, a file
 * whose bytes are db_csv_export's for the same options, "~" and a
 * directory as the path, the errors (a missing directory, a profile
 * without the kind, a broken own profile) shown with every choice kept,
 * since the last export twice over with a change between, the fit on
 * 80x24 in UTF-8 and ASCII.  iCalendar is test_export_ics's. */
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
#include <sys/stat.h>

#include "core/profile.h"
#include "db/csv_export.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "tui/export.h"
#include "tests/unit/export_screen_fx.h"

/* Lines ending in CRLF, and 1 when every line of the file does. */
static int crlf_lines(const char *s, size_t len, int *all_crlf)
{
	int lines = 0;
	*all_crlf = len > 0 && s[len - 1] == '\n';
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n') {
			lines++;
			if (i == 0 || s[i - 1] != '\r')
				*all_crlf = 0;
		}
	return lines;
}

/* What db_csv_export writes for the options the dialog stands for, into
 * path; returns the rows. */
static long long reference(struct fx *f, const char *profile, enum core_kind kind,
                           int week, int64_t seller, const char *path)
{
	struct core_error err = { CORE_OK, "" };
	struct core_profile p;
	fixture_check(core_profile_load(profile, f->config, &p, &err), &err);
	struct db_csv_export x;
	memset(&x, 0, sizeof x);
	x.profile = &p;
	x.path = path;
	x.q.kind = kind;
	x.q.seller_id = seller;
	x.q.since_rev = -1;
	x.q.today = TODAY;
	if (week) {
		x.q.from = MON_0900 - 9 * 3600;
		x.q.to = x.q.from + 7 * DAY_S;
	}
	long long rows = -1;
	fixture_check(db_csv_export(f->db, &x, &rows, &err), &err);
	core_profile_free(&p);
	return rows;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- the tests ---- */

/* Meetings, generic (the command's default), the week shown, the seller's
 * own, and the suggested file in the home directory; the count says what
 * that matches: Mette's four in week 48, the cancelled one included. */
static void test_defaults(void **state)
{
	struct fx *f = *state;
	char line[512];
	const char *s = draw(f);
	assert_non_null(strstr(s, "Export to CSV"));
	assert_non_null(strstr(line_of(f, "What", line, sizeof line),
	                       "What     [Meetings]  Follow-ups   Accounts   Contacts"));
	line_of(f, "CRM", line, sizeof line);
	assert_non_null(strstr(line, "CRM      [generic]"));
	/* The built-in profiles, then the team's own, each once. */
	const char *order[] = { "[generic]", " hubspot ", " pipedrive ", " salesforce ",
	                        " broken ", " team " };
	const char *at = line;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *p = strstr(at, order[i]);
		if (p == NULL)
			fail_msg("the CRM row lacks %s after the ones before: %s", order[i], line);
		at = p + 1;
	}
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line),
	                       "Range    [Week 48]  Since the last export   Everything"));
	assert_non_null(strstr(line_of(f, "Seller", line, sizeof line),
	                       "Seller   [Mette Sørensen]  Whole team"));
	assert_non_null(strstr(line_of(f, "File", line, sizeof line),
	                       "File     ~/pipebench-meetings-generic-2026-W48.csv"));
	assert_on_screen(f, "4 meetings in week 48 · Mette Sørensen");
	assert_on_screen(f, "Tab ↑↓ move  ←→ Space change  Enter export  Esc close");
	char msg[512];
	assert_string_equal(message(f, msg, sizeof msg), "");
}

/* ←→ and Space cycle each row round; the file name and the count follow. */
static void test_choices_cycle(void **state)
{
	struct fx *f = *state;
	char line[512];
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "What", line, sizeof line), "[Follow-ups]"));
	assert_on_screen(f, "~/pipebench-actions-generic-2026-W48.csv");
	assert_on_screen(f, "0 follow-ups due in week 48 · Mette Sørensen");
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "What", line, sizeof line), "[iCalendar]"));
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "What", line, sizeof line), "[Contacts]"));
	assert_on_screen(f, "a week does not filter contacts");
	assert_int_equal(ev_char(f, ' '), TUI_REDRAW);
	assert_int_equal(ev_char(f, ' '), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "What", line, sizeof line), "[Meetings]"));

	/* Down to the CRM: salesforce. */
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	choose(f, "CRM", "salesforce");
	assert_on_screen(f, "~/pipebench-meetings-salesforce-2026-W48.csv");

	/* The range: since the last export takes the whole team, so the
	 * seller row steps aside and the focus passes it by. */
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line),
	                       "[Since the last export]"));
	assert_non_null(strstr(line_of(f, "Seller", line, sizeof line),
	                       "whole team: since the last export takes every change"));
	assert_on_screen(f, "~/pipebench-meetings-salesforce-since-last.csv");
	assert_on_screen(f, "7 meetings: the first export since-last with salesforce takes them all");
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_on_screen(f, "~/pipebench-meetings-salesforce-all.csv");
	assert_on_screen(f, "6 meetings in all · Mette Sørensen");
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line), "[Week 48]"));

	/* The seller: the whole team adds Ole's meeting. */
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_char(f, 'l'), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Seller", line, sizeof line), "[Whole team]"));
	assert_on_screen(f, "5 meetings in week 48 · whole team");
	assert_int_equal(ev_char(f, 'h'), TUI_REDRAW);
	assert_on_screen(f, "4 meetings in week 48 · Mette Sørensen");

	/* Since-last again: from the range, Down skips the seller. */
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_on_screen(f, "~ is your home");
	/* Up from the file, and Tab round from the file, likewise. */
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line), "[Since the last export]"));
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "Range", line, sizeof line), "[Week 48]"));
}

/* A name the seller typed stays whatever they choose; a directory they
 * typed keeps the suggested name following the choices. */
static void test_path_follows_until_edited(void **state)
{
	struct fx *f = *state;
	char want[512];
	set_path(f, "/srv/exports/pipebench-meetings-generic-2026-W48.csv");
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW); /* round to What */
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_on_screen(f, "/srv/exports/pipebench-actions-generic-2026-W48.csv");

	set_path(f, "/srv/exports/mine.csv");
	/* Typing on the file row is the path's, q and Space included. */
	assert_int_equal(ev_key(f, KEY_LEFT), TUI_REDRAW);
	ev_text(f, "q ");
	assert_on_screen(f, "/srv/exports/mine.csq v");
	assert_int_equal(ev_char(f, 'H' & 0x1f), TUI_REDRAW);  /* Backspace */
	assert_int_equal(ev_key(f, KEY_DC), TUI_REDRAW);
	assert_on_screen(f, "/srv/exports/mine.csq");
	assert_int_equal(ev_key(f, KEY_BACKSPACE), TUI_REDRAW);
	ev_text(f, "v");
	assert_int_equal(ev_char(f, '\t'), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	snprintf(want, sizeof want, "File     /srv/exports/mine.csv ");
	char line[512];
	assert_non_null(strstr(line_of(f, "File", line, sizeof line), want));
	assert_non_null(strstr(line_of(f, "What", line, sizeof line), "[Accounts]"));
}

/* Enter exports on the next event: a file whose bytes are db_csv_export's
 * for meetings, salesforce, week 48, Mette's; its rows are her meetings
 * of the week as the database counts them. */
static void test_export_writes_same_bytes(void **state)
{
	struct fx *f = *state;
	char out[FIXTURE_PATH_MAX + 16], ref[FIXTURE_PATH_MAX + 16], msg[1024], want[1024];
	snprintf(out, sizeof out, "%s/week.csv", f->dir);
	snprintf(ref, sizeof ref, "%s/ref.csv", f->dir);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	choose(f, "CRM", "salesforce");
	set_path(f, out);

	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	/* What it is doing, and how much: the preview's count. */
	assert_string_equal(message(f, msg, sizeof msg), "exporting 4 meetings…");
	assert_false(file_exists(out));
	/* A second Enter is the event that exports: once, not twice. */
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	snprintf(want, sizeof want, "wrote 4 meetings to %s", out);
	assert_string_equal(message(f, msg, sizeof msg), want);
	assert_true(file_exists(out));
	assert_int_equal(role_of(f, "wrote"), TUI_ROLE_GOOD);
	/* A tick now does nothing. */
	assert_int_equal(ev_tick(f), TUI_NONE);

	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM meeting WHERE seller_id = %lld "
	         "AND starts_at >= 1795392000 AND starts_at < 1795392000 + 7 * 86400",
	         (long long)f->mette);
	long long n = fixture_sql_int(f->db->h, sql, NULL);
	assert_int_equal(n, 4);
	assert_int_equal(reference(f, "salesforce", CORE_KIND_MEETINGS, 1, f->mette, ref), 4);
	assert_same_file(out, ref);
	size_t len;
	char *csv = read_all(out, &len);
	int all_crlf;
	assert_int_equal(crlf_lines(csv, len, &all_crlf), n + 1);
	assert_true(all_crlf);
	/* The header is Salesforce's Event. */
	char head[512];
	events_line_at(csv, 0, head, sizeof head);
	assert_non_null(strstr(head, "Subject"));
	assert_non_null(strstr(head, "StartDateTime"));
	assert_non_null(strstr(head, "OwnerId"));
	free(csv);

	/* The whole team: Ole's meeting too, and again db_csv_export's bytes. */
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_char(f, ' '), TUI_REDRAW);
	assert_on_screen(f, "[Whole team]");
	snprintf(want, sizeof want, "wrote 5 meetings to %s", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	assert_int_equal(reference(f, "salesforce", CORE_KIND_MEETINGS, 1, 0, ref), 5);
	assert_same_file(out, ref);

	/* An own profile, everything. */
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_on_screen(f, "[Everything]");
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	choose(f, "CRM", "team");
	snprintf(want, sizeof want, "wrote 7 meetings to %s", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	assert_int_equal(reference(f, "team", CORE_KIND_MEETINGS, 0, 0, ref), 7);
	assert_same_file(out, ref);
	csv = read_all(out, &len);
	events_line_at(csv, 0, head, sizeof head);
	assert_non_null(strstr(head, "Ref"));
	assert_non_null(strstr(head, "Subject"));
	assert_null(strstr(head, "StartDateTime"));
	free(csv);
}

/* The suggested path: "~" is $HOME; a directory gets the suggested name;
 * a relative path is shown from the working directory. */
static void test_home_and_directory(void **state)
{
	struct fx *f = *state;
	char msg[1024], path[FIXTURE_PATH_MAX + 64];
	assert_string_equal(export_now(f, msg, sizeof msg),
	                    "wrote 4 meetings to ~/pipebench-meetings-generic-2026-W48.csv");
	snprintf(path, sizeof path, "%s/pipebench-meetings-generic-2026-W48.csv", f->home);
	assert_true(file_exists(path));

	set_path(f, f->dir);
	char want[1024];
	snprintf(want, sizeof want, "wrote 4 meetings to %s/pipebench-meetings-generic-2026-W48.csv",
	         f->dir);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	snprintf(path, sizeof path, "%s/pipebench-meetings-generic-2026-W48.csv", f->dir);
	assert_true(file_exists(path));
	/* The file row still holds what was typed. */
	char line[512];
	assert_null(strstr(line_of(f, "File", line, sizeof line), "pipebench-"));
}

/* Errors in the message line, every choice kept; fixed, the same Enter
 * works. */
static void test_errors_keep_choices(void **state)
{
	struct fx *f = *state;
	char msg[1024], line[512], bad[FIXTURE_PATH_MAX + 32], good[FIXTURE_PATH_MAX + 32];
	snprintf(bad, sizeof bad, "%s/nowhere/out.csv", f->dir);
	snprintf(good, sizeof good, "%s/out.csv", f->dir);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	choose(f, "CRM", "salesforce");
	set_path(f, bad);
	export_now(f, msg, sizeof msg);
	assert_non_null(strstr(msg, "nowhere/out.csv"));
	assert_non_null(strstr(msg, "No such file or directory"));
	assert_null(strstr(msg, "wrote"));
	assert_int_equal(role_of(f, "No such file"), TUI_ROLE_ERROR);
	assert_false(file_exists(bad));
	assert_non_null(strstr(line_of(f, "CRM", line, sizeof line), "[salesforce]"));
	assert_non_null(strstr(line_of(f, "File", line, sizeof line), bad));

	/* A profile without the kind. */
	assert_int_equal(ev_key(f, KEY_BTAB), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_BTAB), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_BTAB), TUI_REDRAW);
	choose(f, "CRM", "team");
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	choose(f, "What", "Accounts");
	set_path(f, good);
	export_now(f, msg, sizeof msg);
	assert_string_equal(msg, "the team profile has no accounts");
	assert_false(file_exists(good));

	/* A broken own profile: its file named. */
	assert_int_equal(ev_char(f, '\t'), TUI_REDRAW);
	assert_int_equal(ev_char(f, '\t'), TUI_REDRAW);
	choose(f, "CRM", "broken");
	export_now(f, msg, sizeof msg);
	assert_non_null(strstr(msg, "broken.csv"));
	assert_non_null(strstr(msg, "no_such_field"));
	assert_false(file_exists(good));

	/* Fixed: the file is written. */
	choose(f, "CRM", "team");
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	choose(f, "What", "Meetings");
	char want[1024];
	snprintf(want, sizeof want, "wrote 4 meetings to %s", good);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	assert_true(file_exists(good));

	/* An empty path says what to type. */
	set_path(f, "");
	export_now(f, msg, sizeof msg);
	assert_non_null(strstr(msg, "type the file to write"));
}

/* Since the last export: everything the first time, nothing the second,
 * the one changed meeting the third; the count says so beforehand. */
static void test_since_last(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	char msg[1024], want[1024], out[FIXTURE_PATH_MAX + 16];
	snprintf(out, sizeof out, "%s/since.csv", f->dir);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	choose(f, "Range", "Since the last export");
	assert_on_screen(f, "7 meetings: the first export since-last with generic takes them all");
	set_path(f, out);
	snprintf(want, sizeof want, "wrote 7 meetings to %s", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	assert_on_screen(f, "0 meetings changed since the last export with generic");

	snprintf(want, sizeof want, "wrote 0 meetings to %s: nothing changed since the "
	         "last export", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	size_t len;
	char *csv = read_all(out, &len);
	int all_crlf;
	assert_int_equal(crlf_lines(csv, len, &all_crlf), 1);
	free(csv);

	fixture_check(db_meeting_set_status(f->db, f->changed, CORE_MS_CANCELLED, &err), &err);
	tui_export_reload(f->x);
	assert_on_screen(f, "1 meeting changed since the last export with generic");
	snprintf(want, sizeof want, "wrote 1 meeting to %s", out);
	assert_string_equal(export_now(f, msg, sizeof msg), want);
	csv = read_all(out, &len);
	assert_int_equal(crlf_lines(csv, len, &all_crlf), 2);
	assert_true(all_crlf);
	free(csv);
	/* Another profile has its own mark. */
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	assert_int_equal(ev_key(f, KEY_UP), TUI_REDRAW);
	choose(f, "CRM", "hubspot");
	assert_on_screen(f, "7 meetings: the first export since-last with hubspot");
}

/* More profiles than the row holds: it scrolls to the chosen one, with
 * marks where more are out of sight. */
static void test_many_profiles(void **state)
{
	struct fx *f = *state;
	for (int i = 1; i <= 9; i++) {
		char file[FIXTURE_PATH_MAX + 32];
		snprintf(file, sizeof file, "%s/profiles/crm%02d.csv", f->config, i);
		write_file(file, "kind,column,field,format,values\r\nmeetings,Ref,id,int,\r\n");
	}
	tui_export_free(f->x);
	struct tui_export_opts o = {
		.seller_id = f->mette, .seller_name = "Mette Sørensen",
		.week = core_isoweek_of(TODAY), .today = TODAY, .config_dir = f->config,
	};
	f->x = tui_export_open(f->db, &o);
	assert_non_null(f->x);
	char line[512];
	line_of(f, "CRM", line, sizeof line);
	assert_non_null(strstr(line, "[generic]"));
	assert_non_null(strstr(line, "▸"));
	assert_null(strstr(line, "◂"));
	assert_null(strstr(line, "team"));
	assert_int_equal(ev_key(f, KEY_DOWN), TUI_REDRAW);
	choose(f, "CRM", "team");
	line_of(f, "CRM", line, sizeof line);
	assert_non_null(strstr(line, "◂"));
	assert_null(strstr(line, "▸"));
	assert_null(strstr(line, "generic"));
	assert_non_null(strstr(line, "crm09"));
	/* Round to the first again. */
	assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	assert_non_null(strstr(line_of(f, "CRM", line, sizeof line), "[generic]"));
	assert_on_screen(f, "~/pipebench-meetings-generic-2026-W48.csv");
}

/* Esc closes from any row; q from a choice row; ticks and clicks do
 * nothing. */
static void test_close(void **state)
{
	struct fx *f = *state;
	struct tui_event click = { .kind = TUI_EV_MOUSE, .y = 7, .x = 20 };
	assert_int_equal(ev_tick(f), TUI_NONE);
	assert_int_equal(tui_export_event(f->x, &click), TUI_NONE);
	assert_int_equal(ev_char(f, 'z'), TUI_NONE);
	assert_int_equal(ev_char(f, 'q'), TUI_CLOSE);
	focus_file(f);
	assert_int_equal(ev_char(f, 'q'), TUI_REDRAW);
	assert_int_equal(ev_char(f, 27), TUI_CLOSE);
}

/* The box inside 80x24 over the week, and in ASCII nothing but ASCII. */
static void test_fits(void **state)
{
	struct fx *f = *state;
	const char *s = draw(f);
	int lines = 0;
	for (const char *p = s; *p != '\0'; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 24);
	assert_int_equal(events_line_of(s, "Export to CSV"), 5);
	assert_int_equal(events_line_of(s, "Tab ↑↓ move"), 17);
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 1), 0);
	struct tui_export_opts o = {
		.seller_id = f->mette, .seller_name = "Mette Sorensen",
		.week = core_isoweek_of(TODAY), .today = TODAY, .ascii = 1,
	};
	struct tui_export *x = tui_export_open(f->db, &o);
	assert_non_null(x);
	tui_export_draw(x, &c);
	events_canvas_text(&c, f->screen, sizeof f->screen);
	for (const unsigned char *p = (const unsigned char *)f->screen; *p != '\0'; p++)
		assert_true(*p < 0x80);
	assert_non_null(strstr(f->screen, "Tab Up/Down move  Left/Right Space change"));
	assert_non_null(strstr(f->screen, "4 meetings in week 48 - Mette Sorensen"));
	/* No config directory: the built-in profiles only. */
	assert_null(strstr(f->screen, "broken"));
	assert_non_null(strstr(f->screen, "salesforce"));
	tui_export_free(x);
	tui_canvas_free(&c);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_choices_cycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_path_follows_until_edited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_writes_same_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_home_and_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_keep_choices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_since_last, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_profiles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fits, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
