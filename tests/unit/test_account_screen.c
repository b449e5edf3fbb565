/* The account screen (tui/account.c) and its meeting query
 * (db/account_meetings.c) on a real SQLite file: the header's distance,
 * the buying-centre line over 90 days (wrapped on 80 columns, with the
 * warning when few contacts are known), each contact's last meeting in any
 * form and in person counted from today, the latest ten meetings latest
 * first, the seller's open actions at the account only, scrolling, the
 * way back, the fit on 24x80 and 30x100, and a contact added with c
 * (stored with its role key, a blank name refused, Esc cancelling). */
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

#include "core/buying.h"
#include "core/calendar.h"
#include "core/followup.h"
#include "db/account_meetings.h"
#include "db/actions.h"
#include "db/contacts.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "tui/account.h"
#include "tui/canvas.h"
#include "tests/unit/fixture.h"

/* Monday 2026-11-23, 09:00 UTC (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL
#define DAY 86400LL

static int64_t day(int y, int m, int d)
{
	return core_days_from_date((struct core_date){ y, m, d });
}

#define TODAY day(2026, 11, 23)

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t seller, other_seller;
	int64_t osterbro, laerdal, empty;
	int64_t c[7];           /* Østerbro's contacts, one per role */
	int64_t m_recent, m_virtual, m_old, m_phone, m_planned, m_cancelled;
};

static const char *const names[7] = {
	"Anna Berg", "Bo Dahl", "Carl Eng", "Dorte Fisker", "Erik Gram",
	"Freja Holm", "Gustav Iversen"
};
static const char *const roles[7] = {
	"Decision maker", "user", "technical_expert", "procurement", "Sponsor",
	"influencer", "gatekeeper"
};

static int64_t contact(struct fx *x, int64_t account, const char *name,
                       const char *role, const char *level)
{
	struct core_error err = { CORE_OK, "" };
	struct core_contact c;
	memset(&c, 0, sizeof c);
	c.account_id = account;
	snprintf(c.name, sizeof c.name, "%s", name);
	snprintf(c.role, sizeof c.role, "%s", role);
	snprintf(c.level, sizeof c.level, "%s", level);
	fixture_check(db_contact_insert(x->db, &c, &err), &err);
	return c.id;
}

static int64_t meeting(struct fx *x, int64_t seller, int64_t account, int64_t starts_at,
                       enum core_form form, enum core_mstatus st)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = fixture_meeting(seller, starts_at, CORE_BF_UPSELL,
	                                        "negotiation");
	m.account_id = account;
	m.form = form;
	fixture_check(db_meeting_insert(x->db, &m, &err), &err);
	if (st != CORE_MS_PLANNED)
		fixture_check(db_meeting_set_status(x->db, m.id, st, &err), &err);
	return m.id;
}

static void meet(struct fx *x, int64_t meeting_id, int who)
{
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_participant_add(x->db, meeting_id, x->c[who], &err), &err);
}

static int64_t action(struct fx *x, int64_t account, int64_t due, const char *text)
{
	return fixture_action(x->db, x->seller, 0, account, 0, due, text);
}

/* Østerbro: seven contacts, one per role; met within 90 days: Anna and Bo
 * in person a week ago, Anna and Carl on video three days ago, Freja on
 * the phone 24 days ago; Dorte and Erik in June (outside the window);
 * Gustav only at a planned meeting (not met).  Lærdal: two contacts, never
 * met.  "Tomt ApS": nothing at all. */
static int setup(void **state)
{
	struct fx *x = calloc(1, sizeof *x);
	assert_non_null(x);
	*state = x;
	x->db = fixture_db_make(x->dir, x->path, "account");
	x->seller = fixture_seller(x->db, "Mette Sørensen");
	x->other_seller = fixture_seller(x->db, "Lars Holm");
	x->osterbro = fixture_account(x->db, "Østerbro Tryk ApS");
	x->laerdal = fixture_account(x->db, "Lærdal AS");
	x->empty = fixture_account(x->db, "Tomt ApS");
	fixture_sql_exec(x->db->h, "UPDATE account SET city = 'Aarhus', km = 38, "
	                           "travel_min = 45 WHERE name = 'Østerbro Tryk ApS';"
	                           "UPDATE account SET km = 12.4 WHERE name = 'Lærdal AS'");
	for (int i = 0; i < 7; i++)
		x->c[i] = contact(x, x->osterbro, names[i], roles[i], i == 0 ? "C-level" : "");
	contact(x, x->laerdal, "Lise Lund", "user", "manager");
	contact(x, x->laerdal, "Ole Ravn", "buyer", "");

	x->m_recent = meeting(x, x->seller, x->osterbro, MON_0900 - 7 * DAY,
	                      CORE_FORM_PHYSICAL, CORE_MS_HELD);
	meet(x, x->m_recent, 0);
	meet(x, x->m_recent, 1);
	x->m_virtual = meeting(x, x->other_seller, x->osterbro, MON_0900 - 3 * DAY,
	                       CORE_FORM_VIRTUAL, CORE_MS_HELD);
	meet(x, x->m_virtual, 0);
	meet(x, x->m_virtual, 2);
	x->m_old = meeting(x, x->seller, x->osterbro,
	                   core_local_to_epoch(day(2026, 6, 1), 600),
	                   CORE_FORM_PHYSICAL, CORE_MS_HELD);
	meet(x, x->m_old, 3);
	meet(x, x->m_old, 4);
	x->m_phone = meeting(x, x->seller, x->osterbro, MON_0900 - 24 * DAY,
	                     CORE_FORM_PHONE, CORE_MS_HELD);
	meet(x, x->m_phone, 5);
	x->m_planned = meeting(x, x->seller, x->osterbro, MON_0900 + 2 * DAY,
	                       CORE_FORM_HYBRID, CORE_MS_PLANNED);
	meet(x, x->m_planned, 6);
	x->m_cancelled = meeting(x, x->seller, x->osterbro, MON_0900 + DAY,
	                         CORE_FORM_PHYSICAL, CORE_MS_CANCELLED);
	/* Older ones, 2025: only the latest ten meetings are listed. */
	for (int i = 0; i < 6; i++)
		meeting(x, x->seller, x->osterbro,
		        core_local_to_epoch(day(2025, 3, 1 + i), 540),
		        CORE_FORM_PHYSICAL, CORE_MS_HELD);
	meeting(x, x->seller, x->laerdal, MON_0900, CORE_FORM_PHYSICAL, CORE_MS_PLANNED);

	struct core_error err = { CORE_OK, "" };
	action(x, x->osterbro, day(2026, 11, 20), "Send the signed quote back");
	action(x, x->osterbro, day(2026, 12, 10), "Book the plant tour");
	action(x, x->laerdal, day(2026, 11, 24), "Call Lise about the pilot");
	int64_t done = action(x, x->osterbro, day(2026, 11, 19), "Already sent");
	fixture_check(db_action_set_done(x->db, done, 1, &err), &err);
	return 0;
}

static int teardown(void **state)
{
	struct fx *x = *state;
	fixture_db_remove(x->db, x->dir);
	free(x);
	return 0;
}

static struct tui_account *open_screen(struct fx *x, int64_t account)
{
	struct tui_account *s = tui_account_open(x->db, x->seller, account, TODAY, NULL, 0, NULL);
	assert_non_null(s);
	return s;
}

static int ev_char(struct tui_account *s, wint_t ch)
{
	struct tui_event ev = { .kind = TUI_EV_CHAR, .ch = ch };
	return tui_account_event(s, &ev);
}

static int ev_key(struct tui_account *s, int key)
{
	struct tui_event ev = { .kind = TUI_EV_KEY, .key = key };
	return tui_account_event(s, &ev);
}

/* The screen drawn into an h x w canvas, as text. */
static char *draw_hw(struct tui_account *s, int h, int w)
{
	static char buf[65536];
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, h, w, 0), 0);
	tui_account_draw(s, &c);
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

/* The whole line of s that holds needle, into buf; fails when none does. */
static const char *line_with(const char *s, const char *needle, char *buf, size_t n)
{
	const char *p = strstr(s, needle);
	if (p == NULL) {
		fprintf(stderr, "%s\n", s);
		fail_msg("no line with [%s]", needle);
	}
	const char *b = p;
	while (b > s && b[-1] != '\n')
		b--;
	const char *e = strchr(p, '\n');
	size_t len = e != NULL ? (size_t)(e - b) : strlen(b);
	if (len >= n)
		len = n - 1;
	memcpy(buf, b, len);
	buf[len] = '\0';
	return buf;
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_query_latest_first(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct core_meeting_list l = { NULL, 0, 0 };
	fixture_check(db_meeting_list_account(x->db, x->osterbro, 10, &l, &err), &err);
	assert_int_equal(l.n, 10);
	/* Every seller's, every status, latest first. */
	assert_int_equal(l.items[0].id, x->m_planned);
	assert_int_equal(l.items[1].id, x->m_cancelled);
	assert_int_equal(l.items[2].id, x->m_virtual);
	assert_int_equal(l.items[2].seller_id, x->other_seller);
	assert_int_equal(l.items[3].id, x->m_recent);
	assert_int_equal(l.items[4].id, x->m_phone);
	assert_int_equal(l.items[5].id, x->m_old);
	assert_string_equal(l.items[0].account, "Østerbro Tryk ApS");
	assert_int_equal(l.items[1].status, CORE_MS_CANCELLED);
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(l.items[i].account_id, x->osterbro);
		if (i > 0)
			assert_true(l.items[i].starts_at <= l.items[i - 1].starts_at);
	}
	/* The two oldest of 2025 fall off: the tenth is 5 Mar 2025. */
	assert_int_equal(l.items[9].starts_at, core_local_to_epoch(day(2025, 3, 3), 540));
	core_meeting_list_free(&l);

	fixture_check(db_meeting_list_account(x->db, x->empty, 10, &l, &err), &err);
	assert_int_equal(l.n, 0);
	fixture_check(db_meeting_list_account(x->db, x->laerdal, 0, &l, &err), &err);
	assert_int_equal(l.n, 0);

	int minutes = -1;
	fixture_check(db_account_travel_min(x->db, x->osterbro, &minutes, &err), &err);
	assert_int_equal(minutes, 45);
	fixture_check(db_account_travel_min(x->db, x->laerdal, &minutes, &err), &err);
	assert_int_equal(minutes, 0);
	/* Not trusted: text where minutes belong reads as unknown. */
	fixture_sql_exec(x->db->h, "UPDATE account SET travel_min = 'soon' WHERE name = 'Tomt ApS'");
	minutes = -1;
	fixture_check(db_account_travel_min(x->db, x->empty, &minutes, &err), &err);
	assert_int_equal(minutes, 0);
}

static void test_header_and_coverage(void **state)
{
	struct fx *x = *state;
	struct tui_account *s = open_screen(x, x->osterbro);
	char line[512];
	const char *d = draw_hw(s, 30, 100);
	assert_non_null(strstr(line_with(d, "Account · ", line, sizeof line),
	                       "Account · Østerbro Tryk ApS"));
	assert_non_null(strstr(line, "Mon 23 Nov 2026"));
	line_with(d, "Aarhus", line, sizeof line);
	assert_string_equal(line, " Aarhus · 38 km · 45 min travel");
	line_with(d, "met 4 of 7", line, sizeof line);
	assert_string_equal(line, " met 4 of 7 in 90 days (2 in person) — no procurement,"
	                          " no sponsor, no gatekeeper met");
	assert_null(strstr(d, "only 7 known"));

	/* On 80 columns the line is cut before its gaps, none lost. */
	d = draw_hw(s, 24, 80);
	line_with(d, "met 4 of 7", line, sizeof line);
	assert_string_equal(line, " met 4 of 7 in 90 days (2 in person) — no procurement,"
	                          " no sponsor,");
	line_with(d, "no gatekeeper met", line, sizeof line);
	assert_string_equal(line, "   no gatekeeper met");
	tui_account_free(s);

	/* Two contacts: the warning that more than 6 usually decide; km but
	 * no travel time. */
	s = open_screen(x, x->laerdal);
	d = draw_hw(s, 24, 80);
	assert_non_null(strstr(d, " 12 km · travel time unknown"));
	assert_non_null(strstr(d, "met 0 of 2 in 90 days (0 in person) — no decision maker,"));
	assert_non_null(strstr(d, "only 2 known: often more than 6 decide"));
	assert_non_null(strstr(d, "Contacts (2)"));
	line_with(d, "Ole Ravn", line, sizeof line);
	assert_non_null(strstr(line, "buyer")); /* the team's own role, kept */
	tui_account_free(s);

	s = open_screen(x, x->empty);
	d = draw_hw(s, 24, 80);
	assert_non_null(strstr(d, "no contacts known: often more than 6 people decide"));
	assert_non_null(strstr(d, "distance unknown"));
	assert_non_null(strstr(d, "No contacts known at this account."));
	assert_non_null(strstr(d, "No meetings yet."));
	assert_non_null(strstr(d, "Nothing open here."));
	tui_account_free(s);
}

/* Each contact's row: name, role label, level, last met, in person. */
static void expect_contact(const char *d, const char *name, const char *role,
                           const char *met, const char *person)
{
	char line[512], want[512];
	line_with(d, name, line, sizeof line);
	snprintf(want, sizeof want, "%-28s %-18s", name, role);
	assert_non_null(strstr(line, want));
	/* Last met at column 65, in person at 80 (100 columns). */
	assert_true(strlen(line) > 80);
	const char *p = line;
	for (int col = 0; col < 65; col++)
		p += (*p & 0xC0) == 0xC0 ? (*p == (char)0xE2 ? 3 : 2) : 1;
	assert_memory_equal(p, met, strlen(met));
	for (int col = 65; col < 80; col++)
		p += (*p & 0xC0) == 0xC0 ? (*p == (char)0xE2 ? 3 : 2) : 1;
	assert_string_equal(p, person);
}

static void test_contacts_last_met(void **state)
{
	struct fx *x = *state;
	struct tui_account *s = open_screen(x, x->osterbro);
	const char *d = draw_hw(s, 30, 100);
	assert_non_null(strstr(d, "Contacts (7)"));
	char line[512];
	line_with(d, "Last met", line, sizeof line);
	assert_non_null(strstr(line, "In person"));
	expect_contact(d, "Anna Berg", "decision maker", "3 days ago", "7 days ago");
	line_with(d, "Anna Berg", line, sizeof line);
	assert_non_null(strstr(line, "C-level"));
	expect_contact(d, "Bo Dahl", "user", "7 days ago", "7 days ago");
	expect_contact(d, "Carl Eng", "technical expert", "3 days ago", "never");
	expect_contact(d, "Dorte Fisker", "procurement", "175 days ago", "175 days ago");
	expect_contact(d, "Freja Holm", "influencer", "24 days ago", "never");
	/* A planned meeting is no meeting yet. */
	expect_contact(d, "Gustav Iversen", "gatekeeper", "never", "never");
	tui_account_free(s);

	/* Counted from the day given: a day later, a day more. */
	s = tui_account_open(x->db, x->seller, x->osterbro, TODAY + 1, NULL, 0, NULL);
	assert_non_null(s);
	d = draw_hw(s, 30, 100);
	expect_contact(d, "Carl Eng", "technical expert", "4 days ago", "never");
	tui_account_free(s);
}

static void test_meetings_and_actions(void **state)
{
	struct fx *x = *state;
	struct tui_account *s = open_screen(x, x->osterbro);
	const char *d = draw_hw(s, 30, 100);
	char line[512];
	assert_non_null(strstr(d, "Meetings (latest 10)"));
	line_with(d, "Wed 25 Nov 2026 09:00", line, sizeof line);
	assert_non_null(strstr(line, "◐ negotiation"));
	assert_non_null(strstr(line, "planned"));
	line_with(d, "Tue 24 Nov 2026 09:00", line, sizeof line);
	assert_non_null(strstr(line, "cancelled"));
	line_with(d, "Fri 20 Nov 2026 09:00", line, sizeof line);
	assert_non_null(strstr(line, "◯"));
	assert_non_null(strstr(line, "held"));
	line_with(d, "Fri 30 Oct 2026", line, sizeof line);
	assert_non_null(strstr(line, "☎"));
	/* Latest first; the oldest two of 2025 are not listed. */
	assert_true(strstr(d, "Wed 25 Nov 2026") < strstr(d, "Mon 16 Nov 2026"));
	assert_true(strstr(d, "Mon 16 Nov 2026") < strstr(d, "Mon  1 Jun 2026"));
	assert_non_null(strstr(d, "Mon  3 Mar 2025"));
	assert_null(strstr(d, "Sun  2 Mar 2025"));
	assert_null(strstr(d, "Sat  1 Mar 2025"));

	/* The body is longer than 30 rows: the last action is below. */
	assert_null(strstr(d, "Book the plant tour"));
	assert_int_equal(ev_key(s, KEY_END), TUI_REDRAW);
	d = draw_hw(s, 30, 100);
	assert_non_null(strstr(d, "Open actions (2)"));
	line_with(d, "Send the signed quote back", line, sizeof line);
	assert_non_null(strstr(line, "3 days overdue"));
	assert_true(strstr(d, "Send the signed quote back") < strstr(d, "Book the plant tour"));
	assert_null(strstr(d, "Already sent"));
	assert_null(strstr(d, "Call Lise"));
	/* Scrolled to the end, the header stays. */
	assert_non_null(strstr(d, "Account · Østerbro Tryk ApS"));
	assert_null(strstr(d, "Contacts (7)"));
	assert_int_equal(ev_key(s, KEY_HOME), TUI_REDRAW);
	d = draw_hw(s, 30, 100);
	assert_non_null(strstr(d, "Contacts (7)"));
	tui_account_free(s);
}

static void test_scroll_fit_and_back(void **state)
{
	struct fx *x = *state;
	struct tui_account *s = open_screen(x, x->osterbro);
	const char *d = draw_hw(s, 24, 80);
	assert_int_equal(count_lines(d), 24);
	assert_non_null(strstr(d, "Contacts (7)"));
	assert_non_null(strstr(d, "Gustav Iversen"));
	assert_null(strstr(d, "Open actions"));
	char line[512];
	line_with(d, "Esc", line, sizeof line);
	assert_non_null(strstr(line, "↑↓ scroll  Esc back"));
	/* The last-met columns fit on 80: "175 days ago" whole. */
	line_with(d, "Dorte Fisker", line, sizeof line);
	assert_non_null(strstr(line, "175 days ago  175 days ago"));

	/* j scrolls a line at a time, no further than the end. */
	assert_int_equal(ev_char(s, 'j'), TUI_REDRAW);
	d = draw_hw(s, 24, 80);
	assert_null(strstr(d, "Contacts (7)"));
	for (int i = 0; i < 100; i++)
		ev_key(s, KEY_DOWN);
	d = draw_hw(s, 24, 80);
	assert_non_null(strstr(d, "Book the plant tour"));
	/* The last body line is on the row above the status line. */
	int rows = 0;
	const char *p = strstr(d, "Book the plant tour");
	for (const char *q = d; q < p; q++)
		rows += *q == '\n';
	assert_int_equal(rows, 22);
	assert_int_equal(ev_char(s, 'k'), TUI_REDRAW);
	d = draw_hw(s, 24, 80);
	assert_null(strstr(d, "Book the plant tour"));

	/* A key that does nothing says so; Esc and q go back. */
	assert_int_equal(ev_char(s, 'z'), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(s, 24, 80), "Esc goes back to the week"));
	struct tui_event tick = { .kind = TUI_EV_TICK };
	assert_int_equal(tui_account_event(s, &tick), TUI_NONE);
	assert_int_equal(ev_char(s, 27), TUI_CLOSE);
	assert_int_equal(ev_char(s, 'q'), TUI_CLOSE);
	tui_account_free(s);
}

/* Another process adds a participant: the reload shows it, scroll kept. */
static void test_reload(void **state)
{
	struct fx *x = *state;
	struct tui_account *s = open_screen(x, x->osterbro);
	draw_hw(s, 30, 100);
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_participant_add(x->db, x->m_recent, x->c[3], &err), &err);
	const char *d = draw_hw(s, 30, 100);
	assert_non_null(strstr(d, "met 4 of 7"));
	assert_int_equal(tui_account_reload(s), 0);
	d = draw_hw(s, 30, 100);
	assert_non_null(strstr(d, "met 5 of 7 in 90 days (3 in person) — no sponsor,"
	                          " no gatekeeper met"));
	expect_contact(d, "Dorte Fisker", "procurement", "7 days ago", "7 days ago");
	tui_account_free(s);
}

static void ev_text(struct tui_account *s, const char *t)
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

static void test_add_contact(void **state)
{
	struct fx *x = *state;
	struct core_error err = { CORE_OK, "" };
	struct tui_account *s = open_screen(x, x->empty);
	assert_non_null(strstr(draw_hw(s, 24, 80), "no contacts known"));
	/* Esc cancels: nothing stored. */
	assert_int_equal(ev_char(s, 'c'), TUI_REDRAW);
	ev_text(s, "Nobody");
	assert_int_equal(ev_char(s, 27), TUI_REDRAW);
	/* A blank name is refused and the form stays. */
	assert_int_equal(ev_char(s, 'c'), TUI_REDRAW);
	assert_non_null(strstr(draw_hw(s, 24, 80), "Enter add  Esc cancel"));
	assert_int_equal(ev_char(s, '\t'), TUI_REDRAW);
	ev_text(s, "Procurement");
	assert_int_equal(ev_char(s, '\n'), TUI_REDRAW);
	char *d = draw_hw(s, 24, 80);
	assert_non_null(strstr(d, "not added:"));
	assert_non_null(strstr(d, "Name"));
	/* The role is matched as it is typed. */
	assert_non_null(strstr(d, "Procurement        procurement"));
	/* The refusal put the keys back in the name. */
	ev_text(s, "Åse Nørgaard");
	ev_char(s, '\t');
	ev_char(s, '\t');
	ev_text(s, "Director");
	ev_char(s, '\t');
	ev_text(s, "ase@tomt.dk");
	assert_int_equal(ev_char(s, '\n'), TUI_REDRAW);
	d = draw_hw(s, 24, 80);
	assert_non_null(strstr(d, "added Åse Nørgaard, procurement"));
	assert_non_null(strstr(d, "Contacts (1)"));
	assert_non_null(strstr(d, "met 0 of 1"));
	assert_int_equal(count_lines(d), 24);
	char line[512];
	line_with(d, "Åse Nørgaard", line, sizeof line);
	assert_non_null(strstr(line, "Åse Nørgaard         procurement      Director"
	                             "    never         never"));
	struct core_contact *k = NULL;
	size_t n = 0;
	fixture_check(db_contact_list(x->db, x->empty, &k, &n, &err), &err);
	assert_int_equal(n, 1);
	assert_string_equal(k[0].name, "Åse Nørgaard");
	assert_string_equal(k[0].role, "procurement");
	assert_string_equal(k[0].level, "Director");
	assert_string_equal(k[0].email, "ase@tomt.dk");
	free(k);
	/* A role of the team's own words is kept as typed. */
	ev_char(s, 'c');
	ev_text(s, "Per Lund");
	ev_char(s, '\t');
	ev_text(s, "Works council");
	ev_char(s, '\n');
	assert_non_null(strstr(draw_hw(s, 24, 80), "own role \"Works council\""));
	fixture_check(db_contact_list(x->db, x->empty, &k, &n, &err), &err);
	assert_int_equal(n, 2);
	/* Danish order: Å sorts last. */
	assert_string_equal(k[0].name, "Per Lund");
	assert_string_equal(k[0].role, "Works council");
	free(k);
	tui_account_free(s);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_query_latest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_and_coverage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contacts_last_met, setup, teardown),
		cmocka_unit_test_setup_teardown(test_meetings_and_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scroll_fit_and_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reload, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_contact, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
