#ifndef TESTS_UNIT_FORM_FX_H
#define TESTS_UNIT_FORM_FX_H
/* What the meeting dialog's tests share (test_form, test_form_confirm): a
 * real SQLite file with a seller, five accounts and the default matrix; a
 * meeting's template; events as ncurses delivers them; the dialog drawn
 * as text and looked into; and meetings read back.  Include after
 * cmocka.h; the tests run under a UTF-8 locale.  draw, draw_into and
 * line_with return static buffers, valid until their next call. */

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/matrix.h"
#include "db/meetings.h"
#include "tui/canvas.h"
#include "tui/form.h"
#include "tests/unit/events.h"
#include "tests/unit/fixture.h"

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	struct core_matrix mx;
	int64_t seller;
	int64_t hansen, bjornstad, orsted, hvido, laerdal;
};

static inline int setup(void **state)
{
	struct fx *x = calloc(1, sizeof *x);
	struct core_error err = { CORE_OK, "" };
	assert_non_null(x);
	x->db = fixture_db_make(x->dir, x->path, "form");
	x->seller = fixture_seller(x->db, "Mette Sørensen");
	x->hansen = fixture_account(x->db, "Brødrene Hansen A/S");
	x->bjornstad = fixture_account(x->db, "Bjørnstad AS");
	x->orsted = fixture_account(x->db, "Ørsted Gruppen");
	x->hvido = fixture_account(x->db, "Hvidø ApS");
	x->laerdal = fixture_account(x->db, "Lærdal AS");
	fixture_check(core_matrix_default(&x->mx, &err), &err);
	*state = x;
	return 0;
}

static inline int teardown(void **state)
{
	struct fx *x = *state;
	fixture_db_remove(x->db, x->dir);
	free(x);
	return 0;
}

/* 2026-11-23, a Monday: what "last visit N days ago" counts from. */
#define TEST_TODAY ((int64_t)20780)

static inline int64_t day_of(int y, int m, int d)
{
	return core_days_from_date((struct core_date){ y, m, d });
}

static inline struct core_meeting tmpl(const struct fx *x, int64_t day, int minute)
{
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	m.seller_id = x->seller;
	m.starts_at = core_local_to_epoch(day, minute);
	return m;
}

static inline int ev_char(struct tui_form *f, wint_t ch)
{
	struct tui_event ev = events_char(ch);
	return tui_form_event(f, &ev);
}

static inline int ev_key(struct tui_form *f, int key)
{
	struct tui_event ev = events_key(key);
	return tui_form_event(f, &ev);
}

/* Types UTF-8 one character at a time, as ncurses delivers it. */
static inline void ev_text(struct tui_form *f, const char *s)
{
	wint_t ch;
	while (events_next_char(&s, &ch))
		assert_int_equal(ev_char(f, ch), TUI_REDRAW);
}

static inline void ev_repeat(struct tui_form *f, int key, int times)
{
	for (int i = 0; i < times; i++)
		ev_key(f, key);
}

/* Draws the form over a blank 30x100 screen (or the canvas given) and
 * returns the text, one line per row. */
static inline char *draw_into(const struct tui_form *f, struct tui_canvas *c)
{
	static char buf[65536];
	tui_canvas_clear(c);
	tui_form_draw(f, c);
	events_canvas_text(c, buf, sizeof buf);
	return buf;
}

static inline char *draw(const struct tui_form *f)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 30, 100, 0), 0);
	char *s = draw_into(f, &c);
	tui_canvas_free(&c);
	return s;
}

/* The first line of text holding needle (a copy); fails when none. */
static inline const char *line_with(const char *text, const char *needle)
{
	static char line[1024];
	const char *hit = strstr(text, needle);
	if (hit == NULL)
		fail_msg("no line with [%s] in:\n%s", needle, text);
	const char *start = hit;
	while (start > text && start[-1] != '\n')
		start--;
	size_t len = strcspn(start, "\n");
	if (len >= sizeof line)
		len = sizeof line - 1;
	memcpy(line, start, len);
	line[len] = '\0';
	return line;
}

static inline void assert_has(const char *text, const char *needle)
{
	if (strstr(text, needle) == NULL)
		fail_msg("no [%s] in:\n%s", needle, text);
}

static inline void assert_lacks(const char *text, const char *needle)
{
	if (strstr(text, needle) != NULL)
		fail_msg("unexpected [%s] in:\n%s", needle, text);
}

static inline size_t count_meetings(struct fx *x)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting_list l = { 0 };
	fixture_check(db_meeting_range(x->db, x->seller, 0, INT64_C(1) << 40, &l, &err), &err);
	size_t n = l.n;
	core_meeting_list_free(&l);
	return n;
}

static inline struct core_meeting get(struct fx *x, int64_t id)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m;
	fixture_check(db_meeting_get(x->db, id, &m, &err), &err);
	return m;
}

static inline int64_t save(struct tui_form *f)
{
	assert_int_equal(ev_char(f, '\n'), TUI_CLOSE | TUI_RELOAD);
	assert_true(tui_form_saved_id(f) > 0);
	return tui_form_saved_id(f);
}

#endif
