#ifndef TESTS_UNIT_EXPORT_SCREEN_FX_H
#define TESTS_UNIT_EXPORT_SCREEN_FX_H
/* What the export dialog's tests share (test_export_screen, test_export_ics,
 * test_xdg): a real SQLite file with Mette's and Ole's meetings around week
 * 48 of 2026, HOME and a config directory with two own profiles in the
 * test's directory, the dialog open on an 80x24 canvas, and the means to
 * drive it with synthetic events and read it back as text.  Include after
 * cmocka.h; the tests run with TZ=UTC under a UTF-8 locale.  read_all's
 * text is malloc'd; the caller frees it. */

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>

#include "core/calendar.h"
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

static inline int64_t day(int y, int m, int d)
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

static inline int64_t meeting(struct fx *f, int64_t seller, const char *account, int64_t at,
                              enum core_mstatus status)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = fixture_meeting(seller, at, CORE_BF_UPSELL, "negotiation");
	m.account_id = fixture_account(f->db, account);
	m.status = status;
	fixture_check(db_meeting_insert(f->db, &m, &err), &err);
	return m.id;
}

static inline void write_file(const char *path, const char *text)
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
static inline int setup(void **state)
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

static inline int teardown(void **state)
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

static inline int ev_char(struct fx *f, wint_t ch)
{
	struct tui_event ev = events_char(ch);
	return tui_export_event(f->x, &ev);
}

static inline int ev_key(struct fx *f, int key)
{
	struct tui_event ev = events_key(key);
	return tui_export_event(f->x, &ev);
}

static inline int ev_tick(struct fx *f)
{
	struct tui_event ev = { .kind = TUI_EV_TICK };
	return tui_export_event(f->x, &ev);
}

static inline void ev_text(struct fx *f, const char *s)
{
	wint_t ch;
	while (events_next_char(&s, &ch))
		assert_int_equal(ev_char(f, ch), TUI_REDRAW);
}

/* The dialog over a blank screen, as text. */
static inline const char *draw(struct fx *f)
{
	tui_canvas_clear(&f->c);
	tui_export_draw(f->x, &f->c);
	return events_canvas_text(&f->c, f->screen, sizeof f->screen);
}

/* The line of the dialog that holds needle, drawn afresh. */
static inline const char *line_of(struct fx *f, const char *needle, char *buf, size_t n)
{
	const char *s = draw(f);
	int y = events_line_of(s, needle);
	if (y < 0)
		fail_msg("no line holds [%s]:\n%s", needle, s);
	return events_line_at(s, y, buf, n);
}

static inline void assert_on_screen(struct fx *f, const char *needle)
{
	const char *s = draw(f);
	if (strstr(s, needle) == NULL)
		fail_msg("the dialog lacks [%s]:\n%s", needle, s);
}

/* Right on the focused row (named by its label) until its chosen item
 * is [label]. */
static inline void choose(struct fx *f, const char *row, const char *label)
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
static inline void focus_file(struct fx *f)
{
	for (int i = 0; i < 8 && strstr(draw(f), "~ is your home") == NULL; i++)
		assert_int_equal(ev_char(f, '\t'), TUI_REDRAW);
	assert_non_null(strstr(draw(f), "~ is your home"));
}

/* Replaces the path with text. */
static inline void set_path(struct fx *f, const char *text)
{
	focus_file(f);
	assert_int_equal(ev_key(f, KEY_END), TUI_REDRAW);
	assert_int_equal(ev_char(f, 'U' & 0x1f), TUI_REDRAW);
	ev_text(f, text);
}

/* What is inside the box on screen line y, blanks at the ends cut. */
static inline char *box_line(struct fx *f, int y, char *buf, size_t n)
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
static inline const char *message(struct fx *f, char *buf, size_t n)
{
	char one[512], two[512];
	draw(f);
	box_line(f, 15, one, sizeof one);
	box_line(f, 16, two, sizeof two);
	snprintf(buf, n, "%s%s%s", one, two[0] != '\0' ? " " : "", two);
	return buf;
}

/* The colour role of the first cell of needle on the dialog. */
static inline int role_of(struct fx *f, const char *needle)
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
static inline const char *export_now(struct fx *f, char *buf, size_t n)
{
	assert_int_equal(ev_char(f, '\n'), TUI_REDRAW);
	assert_memory_equal(message(f, buf, n), "exporting ", 10);
	assert_non_null(strstr(buf, "…"));
	assert_int_equal(ev_tick(f), TUI_REDRAW);
	return message(f, buf, n);
}

static inline char *read_all(const char *path, size_t *len)
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

static inline void assert_same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *x = read_all(a, &la), *y = read_all(b, &lb);
	assert_true(la > 0);
	if (la != lb || memcmp(x, y, la) != 0)
		fail_msg("%s and %s differ:\n%s\n----\n%s", a, b, x, y);
	free(x);
	free(y);
}

#endif
