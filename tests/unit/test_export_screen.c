/* The export dialog (tui/export.c) on a real SQLite file, driven with
 * synthetic events and read back from its canvas: the defaults and the
 * suggested file, every choice cycling and the file name following it
 * (until the seller edits it), the count of what the choices match,
 * Enter that says "exporting…" and exports on the next event, a file
 * whose bytes are db_csv_export's for the same options, iCalendar (no
 * CRM, no since-last) whose file is db_ics_export's, "~" and a
 * directory as the path, the errors (a missing directory, a profile
 * without the kind, a broken own profile) shown with every choice kept,
 * since the last export twice over with a change between, the fit on
 * 80x24 in UTF-8 and ASCII; and core/xdg.h's config directory and "~". */
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
#include <wchar.h>

#include "core/calendar.h"
#include "core/profile.h"
#include "core/xdg.h"
#include "db/csv_export.h"
#include "db/ics_export.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "tui/canvas.h"
#include "tui/export.h"
#include "tests/unit/events.h"
#include "tests/unit/fixture.h"

/* Monday 2026-11-23, 09:00 UTC (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL
#define DAY_S 86400LL
/* The dialog's clock: an iCalendar file's DTSTAMP, 20261123T100000Z. */
#define NOW (MON_0900 + 3600)

static int64_t day(int y, int m, int d)
{
	return core_days_from_date((struct core_date){ y, m, d });
}

#define TODAY day(2026, 11, 23)

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	char home[FIXTURE_PATH_MAX];
	char config[FIXTURE_PATH_MAX];
	char *old_home;
	struct db *db;
	int64_t mette, ole;
	int64_t changed;           /* a meeting of Mette's in week 48 */
	struct tui_export *x;
	struct tui_canvas c;
	char screen[16384];
};

static int64_t meeting(struct fx *f, int64_t seller, const char *account, int64_t at,
                       enum core_mstatus status)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = fixture_meeting(seller, at, CORE_BF_UPSELL, "negotiation");
	m.account_id = fixture_account(f->db, account);
	m.status = status;
	fixture_check(db_meeting_insert(f->db, &m, &err), &err);
	return m.id;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* Mette: four meetings in week 48 (one cancelled: exported too; one late
 * on Sunday), one in week 47, one at the first minute of week 49; Ole: one
 * in week 48.  HOME is the test's directory; the config
 * directory holds two own profiles: "team" (meetings only) and "broken". */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = fixture_db_make(f->dir, f->path, "export");
	f->mette = fixture_seller(f->db, "Mette Sørensen");
	f->ole = fixture_seller(f->db, "Ole Hansen");
	f->changed = meeting(f, f->mette, "Østerbro Tryk ApS", MON_0900, CORE_MS_HELD);
	meeting(f, f->mette, "Lærdal AS", MON_0900 + DAY_S + 3600, CORE_MS_PLANNED);
	meeting(f, f->mette, "Brødrene Hansen A/S", MON_0900 + 4 * DAY_S, CORE_MS_CANCELLED);
	meeting(f, f->mette, "Vestfjord AS", MON_0900 - 7 * DAY_S, CORE_MS_HELD);
	/* The week's edges: Sunday 23:30 is in it, the next Monday 00:00 not. */
	meeting(f, f->mette, "Gotland Rederi AB", MON_0900 + 6 * DAY_S + 14 * 3600 + 1800,
	        CORE_MS_PLANNED);
	meeting(f, f->mette, "Bakke VVS", MON_0900 + 7 * DAY_S - 9 * 3600, CORE_MS_PLANNED);
	meeting(f, f->ole, "Køge Gruppen", MON_0900 + 2 * DAY_S, CORE_MS_PLANNED);

	snprintf(f->home, sizeof f->home, "%s/home", f->dir);
	snprintf(f->config, sizeof f->config, "%s/config", f->dir);
	assert_int_equal(mkdir(f->home, 0700), 0);
	assert_int_equal(mkdir(f->config, 0700), 0);
	char profiles[FIXTURE_PATH_MAX + 16], file[FIXTURE_PATH_MAX + 32];
	snprintf(profiles, sizeof profiles, "%s/profiles", f->config);
	assert_int_equal(mkdir(profiles, 0700), 0);
	snprintf(file, sizeof file, "%s/team.csv", profiles);
	write_file(file, "kind,column,field,format,values\r\n"
	                 "meetings,Ref,id,int,\r\n"
	                 "meetings,Subject,title,text,\r\n");
	snprintf(file, sizeof file, "%s/broken.csv", profiles);
	write_file(file, "kind,column,field,format,values\r\n"
	                 "meetings,Ref,no_such_field,int,\r\n");
	const char *home = getenv("HOME");
	f->old_home = home != NULL ? strdup(home) : NULL;
	setenv("HOME", f->home, 1);

	struct tui_export_opts o = {
		.seller_id = f->mette, .seller_name = "Mette Sørensen",
		.week = core_isoweek_of(TODAY), .today = TODAY, .config_dir = f->config,
		.now = NOW,
	};
	f->x = tui_export_open(f->db, &o);
	assert_non_null(f->x);
	assert_int_equal(tui_canvas_init(&f->c, 24, 80, 0), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tui_export_free(f->x);
	tui_canvas_free(&f->c);
	if (f->old_home != NULL)
		setenv("HOME", f->old_home, 1);
	else
		unsetenv("HOME");
	free(f->old_home);
	fixture_db_remove(f->db, f->dir);
	free(f);
	return 0;
}

/* ---- driving and reading ---- */

static int ev_char(struct fx *f, wint_t ch)
{
	struct tui_event ev = events_char(ch);
	return tui_export_event(f->x, &ev);
}

static int ev_key(struct fx *f, int key)
{
	struct tui_event ev = events_key(key);
	return tui_export_event(f->x, &ev);
}

static int ev_tick(struct fx *f)
{
	struct tui_event ev = { .kind = TUI_EV_TICK };
	return tui_export_event(f->x, &ev);
}

static void ev_text(struct fx *f, const char *s)
{
	wint_t ch;
	while (events_next_char(&s, &ch))
		assert_int_equal(ev_char(f, ch), TUI_REDRAW);
}

/* The dialog over a blank screen, as text. */
static const char *draw(struct fx *f)
{
	tui_canvas_clear(&f->c);
	tui_export_draw(f->x, &f->c);
	return events_canvas_text(&f->c, f->screen, sizeof f->screen);
}

/* The line of the dialog that holds needle, drawn afresh. */
static const char *line_of(struct fx *f, const char *needle, char *buf, size_t n)
{
	const char *s = draw(f);
	int y = events_line_of(s, needle);
	if (y < 0)
		fail_msg("no line holds [%s]:\n%s", needle, s);
	return events_line_at(s, y, buf, n);
}

static void assert_on_screen(struct fx *f, const char *needle)
{
	const char *s = draw(f);
	if (strstr(s, needle) == NULL)
		fail_msg("the dialog lacks [%s]:\n%s", needle, s);
}

/* Right on the focused row (named by its label) until its chosen item
 * is [label]. */
static void choose(struct fx *f, const char *row, const char *label)
{
	char want[96], line[512];
	snprintf(want, sizeof want, "[%s]", label);
	for (int i = 0; i < 64; i++) {
		if (strstr(line_of(f, row, line, sizeof line), want) != NULL)
			return;
		assert_int_equal(ev_key(f, KEY_RIGHT), TUI_REDRAW);
	}
	fail_msg("%s never offers %s: %s", row, want, line);
}

/* Tab until the file row has the focus (its hints name "~"). */
static void focus_file(struct fx *f)
{
	for (int i = 0; i < 8 && strstr(draw(f), "~ is your home") == NULL; i++)
		assert_int_equal(ev_char(f, '\t'), TUI_REDRAW);
	assert_non_null(strstr(draw(f), "~ is your home"));
}

/* Replaces the path with text. */
static void set_path(struct fx *f, const char *text)
{
	focus_file(f);
	assert_int_equal(ev_key(f, KEY_END), TUI_REDRAW);
	assert_int_equal(ev_char(f, 'U' & 0x1f), TUI_REDRAW);
	ev_text(f, text);
}

/* What is inside the box on screen line y, blanks at the ends cut. */
static char *box_line(struct fx *f, int y, char *buf, size_t n)
{
	char line[1024];
	events_line_at(f->screen, y, line, sizeof line);
	const char *s = strstr(line, "│");
	assert_non_null(s);
	s += strlen("│");
	char *end = strstr(s, "│");
	if (end != NULL)
		*end = '\0';
	while (*s == ' ')
		s++;
	snprintf(buf, n, "%s", s);
	size_t len = strlen(buf);
	while (len > 0 && buf[len - 1] == ' ')
		buf[--len] = '\0';
	return buf;
}

/* The dialog's message (its two lines joined), drawn afresh.  On 80x24
 * the box's top is line 5 and the message its rows 10 and 11. */
static const char *message(struct fx *f, char *buf, size_t n)
{
	char one[512], two[512];
	draw(f);
	box_line(f, 15, one, sizeof one);
	box_line(f, 16, two, sizeof two);
	snprintf(buf, n, "%s%s%s", one, two[0] != '\0' ? " " : "", two);
	return buf;
}

/* The colour role of the first cell of needle on the dialog. */
static int role_of(struct fx *f, const char *needle)
{
	const char *s = draw(f);
	int y = events_line_of(s, needle);
	assert_true(y >= 0);
	char line[1024];
	events_line_at(s, y, line, sizeof line);
	*strstr(line, needle) = '\0';
	int x = tui_text_width(line);
	return f->c.cells[(size_t)y * (size_t)f->c.w + (size_t)x].role;
}

/* Enter: the dialog says it is exporting and has not yet; the next event
 * (a tick) exports.  Returns the message then. */
static const char *export_now(struct fx *f, char *buf, size_t n)
{
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_memory_equal(message(f, buf, n), "exporting ", 10);
	assert_non_null(strstr(buf, "…"));
	assert_int_equal(ev_tick(f), TUI_REDRAW);
	return message(f, buf, n);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	size_t cap = 4096, n = 0, got;
	char *buf = malloc(cap);
	assert_non_null(buf);
	while ((got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
		n += got;
		if (n + 1 == cap) {
			buf = realloc(buf, cap *= 2);
			assert_non_null(buf);
		}
	}
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

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

static void assert_same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *x = read_all(a, &la), *y = read_all(b, &lb);
	assert_true(la > 0);
	if (la != lb || memcmp(x, y, la) != 0)
		fail_msg("%s and %s differ:\n%s\n----\n%s", a, b, x, y);
	free(x);
	free(y);
}

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

/* Where the dialog looks (core/xdg.h): XDG_CONFIG_HOME when absolute,
 * else ~/.config; "~" and "~user" in a typed path. */
static void test_config_dir_and_tilde(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	char buf[FIXTURE_PATH_MAX + 64], want[FIXTURE_PATH_MAX + 64];
	const char *old = getenv("XDG_CONFIG_HOME");
	char *keep = old != NULL ? strdup(old) : NULL;
	setenv("XDG_CONFIG_HOME", "/srv/conf", 1);
	core_config_dir(buf, sizeof buf);
	assert_string_equal(buf, "/srv/conf/pipebench");
	setenv("XDG_CONFIG_HOME", "relative/conf", 1);  /* the spec ignores it */
	core_config_dir(buf, sizeof buf);
	snprintf(want, sizeof want, "%s/.config/pipebench", f->home);
	assert_string_equal(buf, want);
	char small[8];
	core_config_dir(small, sizeof small);           /* cut: none rather */
	assert_string_equal(small, "");
	if (keep != NULL)
		setenv("XDG_CONFIG_HOME", keep, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(keep);

	assert_int_equal(core_path_expand("~/a.csv", buf, sizeof buf, &err), CORE_OK);
	snprintf(want, sizeof want, "%s/a.csv", f->home);
	assert_string_equal(buf, want);
	assert_int_equal(core_path_expand("~", buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, f->home);
	assert_int_equal(core_path_expand("a/~b.csv", buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, "a/~b.csv");
	assert_int_equal(core_path_expand("~root/x", buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf + strlen(buf) - 2, "/x");
	assert_int_equal(core_path_expand("~no_such_user_pb/x", buf, sizeof buf, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "no_such_user_pb"));
	assert_int_equal(core_path_expand("~/a.csv", small, sizeof small, &err),
	                 CORE_ERR_INPUT);
	unsetenv("HOME");
	assert_int_equal(core_path_expand("~/a.csv", buf, sizeof buf, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "HOME is not set"));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
		cmocka_unit_test_setup_teardown(test_choices_cycle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_path_follows_until_edited, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_writes_same_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_icalendar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_home_and_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_keep_choices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_since_last, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_profiles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_config_dir_and_tilde, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
