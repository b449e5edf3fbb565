/* The manager's edit of the team file, on a real team directory: the db
 * side (db/team_edit.h) loads and saves targets per login (a seller not
 * yet in the roster, a roster row adopted by name, the team default),
 * weights, the matrix and the 4D threshold, and a save that fails half
 * way (a value the schema refuses, a roster name taken, a lock held by
 * another connection) leaves every table as it was.  The screen
 * (tui/team_edit.h) is driven with synthetic events: typing, checking as
 * it types, moving, cycling a rating, the Esc prompt, a busy file keeping
 * the edits, and a file the user may not write, as an unprivileged user
 * when the test runs as root.  Two goldens at 80x24. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/fourd.h"
#include "db/conn.h"
#include "db/settings.h"
#include "db/team.h"
#include "db/team_edit.h"
#include "tui/team_edit.h"
#include "tests/unit/events.h"
#include "tests/unit/fixture.h"
#include "tests/unit/golden.h"

#define CTRL_S 19
#define ESC 27

struct team {
	char top[FIXTURE_DIR_MAX];
	char dir[FIXTURE_PATH_MAX];
	char path[PATH_MAX];
};

/* A new team (pipebench team init) in a temporary directory. */
static void team_make(struct team *t, const char *tag)
{
	struct core_error err = { CORE_OK, "" };
	fixture_dir_make(t->top, sizeof t->top, tag);
	snprintf(t->dir, sizeof t->dir, "%s/team", t->top);
	snprintf(t->path, sizeof t->path, "%s/team.db", t->dir);
	fixture_check(db_team_init(t->dir, getgid(), &err), &err);
}

static struct db *team_open(const struct team *t, int flags)
{
	struct core_error err = { CORE_OK, "" };
	struct db *db = NULL;
	fixture_check(db_open(t->path, DB_OPEN_TEAM | flags, &db, &err), &err);
	return db;
}

static sqlite3 *raw_open(const struct team *t)
{
	sqlite3 *h = NULL;
	assert_int_equal(sqlite3_open(t->path, &h), SQLITE_OK);
	return h;
}

/* The rows of every table a save writes, as text: two snapshots are
 * equal exactly when the save changed nothing. */
static void snapshot(const struct team *t, char *buf, size_t n)
{
	static const char *const sql[] = {
		"SELECT id, name, login FROM seller ORDER BY id",
		"SELECT seller_id, battlefield, visits FROM target ORDER BY 1, 2",
		"SELECT form, weight FROM form_weight ORDER BY 1",
		"SELECT position, key, physical, hybrid, virtual, phone FROM matrix_type ORDER BY 1",
		"SELECT key, value FROM setting ORDER BY 1",
	};
	sqlite3 *h = raw_open(t);
	size_t len = 0;
	buf[0] = '\0';
	for (size_t q = 0; q < sizeof sql / sizeof sql[0]; q++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(h, sql[q], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *v = sqlite3_column_text(st, c);
				len += (size_t)snprintf(buf + len, n - len, "%s%c", v ? (const char *)v : "NULL",
				                        c + 1 < sqlite3_column_count(st) ? ',' : '\n');
				assert_true(len < n);
			}
		sqlite3_finalize(st);
		len += (size_t)snprintf(buf + len, n - len, "--\n");
	}
	sqlite3_close(h);
}

/* The text of the one value sql returns. */
static void sql_text(const struct team *t, const char *sql, char *buf, size_t n)
{
	sqlite3 *h = raw_open(t);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *v = sqlite3_column_text(st, 0);
	snprintf(buf, n, "%s", v != NULL ? (const char *)v : "NULL");
	sqlite3_finalize(st);
	sqlite3_close(h);
}

static void settings_copy(struct db_team_settings *dst, const struct db_team_settings *src)
{
	*dst = *src;
	dst->sellers = NULL;
	if (src->n > 0) {
		dst->sellers = malloc(src->n * sizeof *dst->sellers);
		assert_non_null(dst->sellers);
		memcpy(dst->sellers, src->sellers, src->n * sizeof *dst->sellers);
	}
}

static struct db_team_target target(double v)
{
	struct db_team_target t = { 1, v };
	return t;
}

/* ---- the db side ---- */

static void test_round_trip(void **state)
{
	(void)state;
	struct team t;
	team_make(&t, "teamedit-rt");
	struct core_error err = { CORE_OK, "" };
	struct db *team = team_open(&t, 0);
	/* Named by the manager before Lars ever logged in: no login yet. */
	int64_t lars;
	fixture_check(db_seller_insert(team, "Lars Øberg", &lars, &err), &err);
	fixture_check(db_target_set(team, lars, CORE_BF_UPSELL, 2, &err), &err);

	const struct db_team_who who[] = { { "mette", "Mette Sørensen" }, { "lars", "Lars Øberg" } };
	struct db_team_settings was, now;
	fixture_check(db_team_settings_load(team, who, 2, &was, &err), &err);
	assert_int_equal(was.n, 2);
	assert_int_equal(was.sellers[0].roster, -1);
	assert_int_equal(was.sellers[1].roster, lars);
	assert_true(was.sellers[1].target[CORE_BF_UPSELL].set);
	assert_true(was.sellers[1].target[CORE_BF_UPSELL].visits == 2);
	assert_false(was.sellers[1].target[CORE_BF_RESALE].set);
	assert_false(was.defaults[CORE_BF_RESALE].set);
	assert_int_equal(was.own_matrix, 0);
	assert_int_equal(was.matrix.n_types, 12);
	assert_int_equal(was.threshold, CORE_FOURD_THRESHOLD_DEFAULT);
	assert_true(was.weights.w[CORE_FORM_VIRTUAL] == 0.5);

	settings_copy(&now, &was);
	now.defaults[CORE_BF_RESALE] = target(3);
	now.defaults[CORE_BF_UPSELL] = target(2);
	now.sellers[0].target[CORE_BF_RESALE] = target(4.5);
	now.sellers[1].target[CORE_BF_UPSELL].set = 0;   /* back to the default */
	now.sellers[1].target[CORE_BF_NEW] = target(1);
	now.weights.w[CORE_FORM_VIRTUAL] = 0.75;
	int neg = core_matrix_find(&now.matrix, "negotiation");
	assert_true(neg >= 0);
	now.matrix.types[neg].rating[CORE_FORM_PHONE] = CORE_RATING_RULED_OUT;
	now.own_matrix = 1;
	now.threshold = 35;
	/* 2 defaults, Mette 1, Lars 2, a weight, a rating, the threshold. */
	assert_int_equal(db_team_settings_diff(&was, &now), 8);
	fixture_check(db_team_settings_save(team, &was, &now, &err), &err);

	/* Behind the API's back: Mette got a roster row with her login, Lars's
	 * row was adopted (same id, login set), and only what changed was
	 * written. */
	char text[512];
	sql_text(&t, "SELECT group_concat(id || ':' || name || ':' || login, ' ') FROM "
	         "(SELECT * FROM seller ORDER BY id)", text, sizeof text);
	char want[512];
	snprintf(want, sizeof want, "%lld:Lars Øberg:lars %lld:Mette Sørensen:mette",
	         (long long)lars, (long long)lars + 1);
	assert_string_equal(text, want);
	sql_text(&t, "SELECT group_concat(seller_id || ':' || battlefield || ':' || visits, ' ') "
	         "FROM (SELECT * FROM target ORDER BY seller_id, battlefield)", text, sizeof text);
	snprintf(want, sizeof want, "0:resale:3.0 0:upsell:2.0 %lld:new:1.0 %lld:resale:4.5",
	         (long long)lars, (long long)lars + 1);
	assert_string_equal(text, want);
	sql_text(&t, "SELECT group_concat(form || ':' || weight) FROM form_weight", text,
	         sizeof text);
	assert_string_equal(text, "virtual:0.75");
	sql_text(&t, "SELECT count(*) || ':' || (SELECT phone FROM matrix_type WHERE "
	         "key = 'negotiation') FROM matrix_type", text, sizeof text);
	assert_string_equal(text, "12:ruled_out");
	sql_text(&t, "SELECT value FROM setting WHERE key = 'delivery_share_warn'", text,
	         sizeof text);
	assert_string_equal(text, "35");

	/* What the rest of pipebench reads from it. */
	struct core_targets eff;
	fixture_check(db_targets_get(team, lars + 1, &eff, &err), &err);
	assert_true(eff.visits[CORE_BF_RESALE] == 4.5 && eff.visits[CORE_BF_UPSELL] == 2 &&
	            eff.visits[CORE_BF_NEW] == 0);
	int pct = 0;
	fixture_check(db_fourd_threshold_get(team, &pct, &err), &err);
	assert_int_equal(pct, 35);

	/* Loaded again it is what was saved, with Mette's new roster id. */
	struct db_team_settings again;
	fixture_check(db_team_settings_load(team, who, 2, &again, &err), &err);
	assert_int_equal(db_team_settings_diff(&again, &now), 0);
	assert_int_equal(again.sellers[0].roster, lars + 1);
	assert_int_equal(again.own_matrix, 1);

	/* Mette back to the default, the default matrix again: rows go. */
	struct db_team_settings next;
	settings_copy(&next, &again);
	next.sellers[0].target[CORE_BF_RESALE].set = 0;
	next.own_matrix = 0;
	fixture_check(core_matrix_default(&next.matrix, &err), &err);
	fixture_check(db_team_settings_save(team, &again, &next, &err), &err);
	sql_text(&t, "SELECT count(*) FROM target WHERE seller_id = (SELECT id FROM seller "
	         "WHERE login = 'mette')", text, sizeof text);
	assert_string_equal(text, "0");
	sql_text(&t, "SELECT count(*) FROM matrix_type", text, sizeof text);
	assert_string_equal(text, "0");

	db_team_settings_free(&was);
	db_team_settings_free(&now);
	db_team_settings_free(&again);
	db_team_settings_free(&next);
	db_close(team);
	fixture_dir_remove(t.top);
}

/* A change of every kind, for a seller not yet in the roster first. */
static void edit_everything(const struct db_team_settings *was, struct db_team_settings *now)
{
	settings_copy(now, was);
	now->defaults[CORE_BF_NEW] = target(2);
	now->sellers[0].target[CORE_BF_RESALE] = target(5);
	now->sellers[1].target[CORE_BF_UPSELL] = target(1.5);
	now->weights.w[CORE_FORM_PHONE] = 0.25;
	now->matrix.types[0].rating[CORE_FORM_PHYSICAL] = CORE_RATING_HARDLY;
	now->own_matrix = 1;
	now->threshold = 60;
}

static void test_all_or_nothing(void **state)
{
	(void)state;
	struct team t;
	team_make(&t, "teamedit-aon");
	struct core_error err = { CORE_OK, "" };
	sqlite3 *h = raw_open(&t);
	fixture_sql_exec(h, "INSERT INTO seller(name, login, created_at) VALUES ('Anna', 'anna', 0);"
	                    "INSERT INTO target VALUES (0, 'resale', 3);");
	struct db *team = team_open(&t, 0);
	const struct db_team_who who[] = { { "nils", "Nils" }, { "bo", "Anna" } };
	struct db_team_settings was, now;
	fixture_check(db_team_settings_load(team, who, 2, &was, &err), &err);
	char before[4096], after[4096];
	snapshot(&t, before, sizeof before);

	/* Bo's file says he is Anna, a name the roster gives another login:
	 * the save fails after Nils's roster row and targets are written, and
	 * takes them back. */
	edit_everything(&was, &now);
	assert_int_equal(db_team_settings_save(team, &was, &now, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "already called Anna"));
	snapshot(&t, after, sizeof after);
	assert_string_equal(after, before);

	/* A weight the schema refuses, after the roster and the targets. */
	now.sellers[1].target[CORE_BF_UPSELL] = was.sellers[1].target[CORE_BF_UPSELL];
	fixture_sql_exec(h, "CREATE TRIGGER refuse BEFORE INSERT ON form_weight "
	                    "WHEN NEW.form = 'phone' BEGIN "
	                    "SELECT RAISE(ABORT, 'the phone weight is the board''s'); END;");
	assert_int_equal(db_team_settings_save(team, &was, &now, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, "the phone weight is the board's"));
	snapshot(&t, after, sizeof after);
	assert_string_equal(after, before);
	fixture_sql_exec(h, "DROP TRIGGER refuse");

	/* Out of bounds: refused before anything is locked. */
	now.weights.w[CORE_FORM_HYBRID] = -1;
	assert_int_equal(db_team_settings_save(team, &was, &now, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "hybrid"));
	now.weights.w[CORE_FORM_HYBRID] = was.weights.w[CORE_FORM_HYBRID];

	/* Another process's write transaction past the busy timeout. */
	fixture_sql_exec(h, "BEGIN IMMEDIATE");
	db_set_busy_timeout(team, 100);
	assert_int_equal(db_team_settings_save(team, &was, &now, &err), CORE_ERR_BUSY);
	assert_non_null(strstr(err.msg, "locked"));
	fixture_sql_exec(h, "ROLLBACK");
	snapshot(&t, after, sizeof after);
	assert_string_equal(after, before);

	/* The same edit, free to land: all of it does. */
	fixture_check(db_team_settings_save(team, &was, &now, &err), &err);
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM seller WHERE login = 'nils'",
	                                  NULL), 1);
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM target", NULL), 3);
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM matrix_type", NULL), 12);
	assert_int_equal(fixture_sql_int(h, "SELECT value FROM setting WHERE "
	                                    "key = 'delivery_share_warn'", NULL), 60);

	/* Opened read-only, as a seller's review opens the team file. */
	struct db *ro = team_open(&t, DB_OPEN_READONLY);
	now.threshold = 70;
	assert_int_equal(db_team_settings_save(ro, &was, &now, &err), CORE_ERR_IO);
	char msg[PATH_MAX + 64];
	snprintf(msg, sizeof msg, "only the manager can change the team's settings (%s)", t.path);
	assert_string_equal(err.msg, msg);
	db_close(ro);

	sqlite3_close(h);
	db_team_settings_free(&was);
	db_team_settings_free(&now);
	db_close(team);
	fixture_dir_remove(t.top);
}

/* ---- the screen ---- */

static int ch(struct tui_team_edit *e, wint_t c)
{
	struct tui_event ev = events_char(c);
	return tui_team_edit_event(e, &ev);
}

static int key(struct tui_team_edit *e, int k)
{
	struct tui_event ev = events_key(k);
	return tui_team_edit_event(e, &ev);
}

static void type(struct tui_team_edit *e, const char *s)
{
	for (; *s != '\0'; s++)
		ch(e, (wint_t)(unsigned char)*s);
}

/* The team of the screen tests: a default re-sale target of 3, Mette in
 * the roster with her own 4, Lars not yet, and a seller whose file cannot
 * be read (no name known). */
static const struct db_team_who screen_who[] = {
	{ "mette", "Mette Sørensen" }, { "lars", "Lars Øberg" }, { "broken", NULL },
};

static struct tui_team_edit *screen_open(struct team *t, const char *tag)
{
	team_make(t, tag);
	sqlite3 *h = raw_open(t);
	fixture_sql_exec(h, "INSERT INTO seller(id, name, login, created_at) "
	                    "VALUES (1, 'Mette Sørensen', 'mette', 0);"
	                    "INSERT INTO target VALUES (0, 'resale', 3), (1, 'resale', 4);");
	sqlite3_close(h);
	struct core_error err = { CORE_OK, "" };
	struct tui_team_edit *e = NULL;
	fixture_check(tui_team_edit_open(t->dir, screen_who, 3, 0, &e, &err), &err);
	return e;
}

/* The screen at 80x24, the temporary directory's name replaced. */
static char *screen_dump(struct tui_team_edit *e, const struct team *t)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, 24, 80, 0), 0);
	tui_team_edit_draw(e, &c);
	char *got = golden_dump(&c);
	golden_assert_fits(got, 24, 80);
	tui_canvas_free(&c);
	char *at = strstr(got, t->top);
	assert_non_null(at);
	memmove(at + 3, at + strlen(t->top), strlen(at + strlen(t->top)) + 1);
	memcpy(at, "DIR", 3);
	return got;
}

static void test_screen(void **state)
{
	(void)state;
	struct team t;
	struct tui_team_edit *e = screen_open(&t, "teamedit-screen");
	assert_false(e->readonly);
	/* Lars's upsell: 2,5 with a decimal comma. */
	tui_team_edit_select(e, 1);
	key(e, KEY_RIGHT);
	type(e, "2,5");
	assert_true(e->now.sellers[1].target[CORE_BF_UPSELL].set);
	assert_true(e->now.sellers[1].target[CORE_BF_UPSELL].visits == 2.5);
	char *got = screen_dump(e, &t);
	assert_non_null(strstr(got, "1 unsaved change"));
	assert_non_null(strstr(got, "*2.5"));
	assert_non_null(strstr(got, "default 3"));
	assert_non_null(strstr(got, "broken"));
	golden_assert(got, "team_edit_80x24.txt");
	free(got);

	/* The matrix: negotiation by phone, one rating on. */
	ch(e, 'm');
	for (int i = 0; i < core_matrix_find(&e->now.matrix, "negotiation"); i++)
		key(e, KEY_DOWN);
	for (int i = 0; i < 3; i++)
		key(e, KEY_RIGHT);
	ch(e, ' ');
	got = screen_dump(e, &t);
	assert_non_null(strstr(got, "2 unsaved changes"));
	assert_non_null(strstr(got, "Matrix*"));
	assert_non_null(strstr(got, "Negotiation, phone: ruled out"));
	golden_assert(got, "team_edit_matrix_80x24.txt");
	free(got);
	tui_team_edit_free(e);
	fixture_dir_remove(t.top);
}

static void test_keys(void **state)
{
	(void)state;
	struct team t;
	struct tui_team_edit *e = screen_open(&t, "teamedit-keys");
	char before[4096], after[4096];
	snapshot(&t, before, sizeof before);

	/* The team default's re-sale: the first digit replaces the 3, the
	 * next ones add to it, Backspace takes back. */
	assert_int_equal(e->section, TUI_TE_TARGETS);
	assert_int_equal(e->row[TUI_TE_TARGETS], 0);
	assert_string_equal(e->targets[0].text, "3");
	type(e, "5.5");
	assert_string_equal(e->targets[0].text, "5.5");
	assert_true(e->now.defaults[CORE_BF_RESALE].visits == 5.5);
	assert_int_equal(key(e, KEY_BACKSPACE), TUI_REDRAW);
	key(e, KEY_BACKSPACE);
	assert_true(e->now.defaults[CORE_BF_RESALE].visits == 5);
	key(e, KEY_BACKSPACE);
	assert_false(e->now.defaults[CORE_BF_RESALE].set);  /* empty: no target */
	assert_true(tui_team_edit_dirty(e));

	/* Checked as typed: a second point, a letter, a number too big. */
	type(e, "1.2.");
	assert_true(e->targets[0].bad);
	assert_string_equal(e->message, "one decimal point at most");
	assert_true(e->now.defaults[CORE_BF_RESALE].visits == 1.2);  /* the last valid */
	key(e, KEY_BACKSPACE);
	assert_false(e->targets[0].bad);
	ch(e, 'x');
	assert_string_equal(e->message, "type a number: digits and a decimal point");
	assert_string_equal(e->targets[0].text, "1.2");
	key(e, KEY_DOWN);
	key(e, KEY_UP);
	type(e, "150");
	assert_true(e->targets[0].bad);
	assert_non_null(strstr(e->message, "from 0 to 100"));

	/* A bad number is not saved: the cursor goes to it, the file stays. */
	key(e, KEY_DOWN);
	ch(e, 'w');
	assert_int_equal(ch(e, CTRL_S), TUI_REDRAW);
	assert_int_equal(e->section, TUI_TE_TARGETS);
	assert_int_equal(e->row[TUI_TE_TARGETS], 0);
	assert_string_equal(e->message, "not saved: the team default, Re-sale: a target is "
	                    "from 0 to 100 visits a week");
	snapshot(&t, after, sizeof after);
	assert_string_equal(after, before);

	/* Delete empties the cell; Ctrl-S saves, the markers go. */
	key(e, KEY_DC);
	assert_false(e->targets[0].bad);
	int r = ch(e, CTRL_S);
	assert_int_equal(r, TUI_REDRAW | TUI_RELOAD);
	assert_non_null(strstr(e->message, "saved 1 change"));
	assert_false(tui_team_edit_dirty(e));
	sqlite3 *h = raw_open(&t);
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM target WHERE seller_id = 0",
	                                 NULL), 0);

	/* Moving: clamped at the edges, sections by Tab and by letter. */
	key(e, KEY_LEFT);
	assert_int_equal(e->col[TUI_TE_TARGETS], 0);
	for (int i = 0; i < 5; i++)
		key(e, KEY_RIGHT);
	assert_int_equal(e->col[TUI_TE_TARGETS], CORE_BF_COUNT - 1);
	key(e, KEY_END);
	assert_int_equal(e->row[TUI_TE_TARGETS], 3);
	ch(e, 'j');
	assert_int_equal(e->row[TUI_TE_TARGETS], 3);
	ch(e, '\t');
	assert_int_equal(e->section, TUI_TE_WEIGHTS);
	key(e, KEY_BTAB);
	assert_int_equal(e->section, TUI_TE_TARGETS);
	ch(e, 'd');
	assert_int_equal(e->section, TUI_TE_FOURD);
	ch(e, '\t');
	assert_int_equal(e->section, TUI_TE_TARGETS);

	/* A rating cycles through every rating and back; cycled back to what
	 * was loaded, nothing is left to save. */
	ch(e, 'm');
	assert_int_equal(e->now.matrix.types[0].rating[CORE_FORM_PHYSICAL], CORE_RATING_NO_GO);
	ch(e, ' ');
	assert_int_equal(e->now.matrix.types[0].rating[0], CORE_RATING_DEPENDS_ON_COMPLEXITY);
	ch(e, '+');
	ch(e, '+');
	assert_int_equal(e->now.matrix.types[0].rating[0], CORE_RATING_FIRST_CHOICE);
	assert_true(e->now.own_matrix);
	ch(e, '-');
	ch(e, '-');
	ch(e, '-');
	assert_int_equal(e->now.matrix.types[0].rating[0], CORE_RATING_NO_GO);
	assert_false(e->now.own_matrix);
	assert_false(tui_team_edit_dirty(e));
	ch(e, '+');
	assert_true(tui_team_edit_dirty(e));
	ch(e, 'R');
	assert_false(tui_team_edit_dirty(e));

	/* The threshold takes whole percents only. */
	ch(e, 'd');
	ch(e, '.');
	assert_string_equal(e->message, "a whole percent: no decimals");
	ch(e, '0');
	assert_true(e->threshold.bad);
	key(e, KEY_BACKSPACE);
	type(e, "40");
	assert_int_equal(e->now.threshold, 40);

	/* Esc asks; Esc again keeps editing; n discards. */
	assert_int_equal(ch(e, ESC), TUI_REDRAW);
	assert_true(e->confirm);
	assert_non_null(strstr(e->message, "save changes?"));
	assert_int_equal(ch(e, 'z'), TUI_NONE);
	assert_int_equal(ch(e, ESC), TUI_REDRAW);
	assert_false(e->confirm);
	assert_int_equal(e->now.threshold, 40);
	ch(e, ESC);
	assert_int_equal(ch(e, 'n'), TUI_CLOSE);
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM setting WHERE "
	                                    "key = 'delivery_share_warn'", NULL), 0);
	tui_team_edit_free(e);

	/* Again, and y saves on the way out. */
	struct core_error err = { CORE_OK, "" };
	fixture_check(tui_team_edit_open(t.dir, screen_who, 3, 0, &e, &err), &err);
	ch(e, 'd');
	type(e, "40");
	ch(e, ESC);
	assert_int_equal(ch(e, 'y'), TUI_CLOSE | TUI_RELOAD | TUI_REDRAW);
	assert_int_equal(fixture_sql_int(h, "SELECT value FROM setting WHERE "
	                                    "key = 'delivery_share_warn'", NULL), 40);
	tui_team_edit_free(e);

	/* Nothing changed: Esc closes at once. */
	fixture_check(tui_team_edit_open(t.dir, screen_who, 3, 0, &e, &err), &err);
	assert_int_equal(e->now.threshold, 40);
	assert_int_equal(ch(e, ESC), TUI_CLOSE);
	tui_team_edit_free(e);
	sqlite3_close(h);
	fixture_dir_remove(t.top);
}

/* Numbers are the screen's own text, whatever LC_NUMERIC says: the
 * value typed is the double the file holds for the same text. */
static void test_numbers(void **state)
{
	(void)state;
	char buf[16];
	static const struct { double v; const char *text; } cases[] = {
		{ 0, "0" }, { 2.5, "2.5" }, { 100, "100" }, { 0.75, "0.75" },
		{ 1.0 / 3.0, "0.3333" }, { 2.99999, "3" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tui_te_number(cases[i].v, buf, sizeof buf);
		assert_string_equal(buf, cases[i].text);
	}
	struct team t;
	struct tui_team_edit *e = screen_open(&t, "teamedit-num");
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_target_set(e->db, 1, CORE_BF_UPSELL, 2.3, &err), &err);
	tui_team_edit_free(e);
	fixture_check(tui_team_edit_open(t.dir, screen_who, 3, 0, &e, &err), &err);
	tui_team_edit_select(e, 0);
	key(e, KEY_RIGHT);
	assert_string_equal(e->targets[CORE_BF_COUNT + CORE_BF_UPSELL].text, "2.3");
	type(e, "2.30");
	assert_false(tui_team_edit_dirty(e));
	key(e, KEY_BACKSPACE);
	key(e, KEY_BACKSPACE);
	ch(e, '4');
	assert_true(e->now.sellers[0].target[CORE_BF_UPSELL].visits == 2.4);
	assert_true(tui_team_edit_dirty(e));
	tui_team_edit_free(e);
	fixture_dir_remove(t.top);
}

/* A lock held past the busy timeout: said, and every edit kept for the
 * next Ctrl-S. */
static void test_busy_keeps_edits(void **state)
{
	(void)state;
	struct team t;
	struct tui_team_edit *e = screen_open(&t, "teamedit-busy");
	db_set_busy_timeout(e->db, 100);
	tui_team_edit_select(e, 1);
	type(e, "6");
	sqlite3 *h = raw_open(&t);
	fixture_sql_exec(h, "BEGIN IMMEDIATE");
	assert_int_equal(ch(e, CTRL_S), TUI_REDRAW);
	assert_non_null(strstr(e->message, "not saved, your changes are kept"));
	assert_non_null(strstr(e->message, "locked by another process"));
	assert_true(tui_team_edit_dirty(e));
	assert_string_equal(e->targets[2 * CORE_BF_COUNT].text, "6");
	fixture_sql_exec(h, "ROLLBACK");
	assert_int_equal(fixture_sql_int(h, "SELECT count(*) FROM seller WHERE login = 'lars'",
	                                 NULL), 0);
	assert_int_equal(ch(e, CTRL_S), TUI_REDRAW | TUI_RELOAD);
	assert_int_equal(fixture_sql_int(h, "SELECT visits FROM target WHERE seller_id = "
	                                    "(SELECT id FROM seller WHERE login = 'lars')", NULL),
	                 6);
	sqlite3_close(h);
	tui_team_edit_free(e);
	fixture_dir_remove(t.top);
}

/* In a child: as nobody when root (root may write anything), the editor
 * on a team file its user may not write.  0, or which check failed. */
static int readonly_child(const struct team *t)
{
	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 10;
	struct core_error err = { CORE_OK, "" };
	struct tui_team_edit *e = NULL;
	if (tui_team_edit_open(t->dir, screen_who, 3, 0, &e, &err) != CORE_OK) {
		fprintf(stderr, "open: %s\n", err.msg);
		return 11;
	}
	char want[PATH_MAX + 64];
	snprintf(want, sizeof want, "only the manager can change the team's settings (%s)",
	         t->path);
	int rc = 0;
	if (!e->readonly || strcmp(e->message, want) != 0)
		rc = 12;
	/* Typing is refused with the reason; so is Ctrl-S. */
	struct tui_event ev = events_char('7');
	tui_team_edit_event(e, &ev);
	if (rc == 0 && (strcmp(e->targets[0].text, "3") != 0 || strcmp(e->message, want) != 0))
		rc = 13;
	ev = events_char(CTRL_S);
	if (rc == 0 && (tui_team_edit_event(e, &ev) != TUI_REDRAW ||
	                strcmp(e->message, want) != 0))
		rc = 14;
	/* Moving around still works, and Esc closes. */
	ev = events_key(KEY_DOWN);
	tui_team_edit_event(e, &ev);
	ev = events_char(ESC);
	if (rc == 0 && (e->row[TUI_TE_TARGETS] != 1 || tui_team_edit_event(e, &ev) != TUI_CLOSE))
		rc = 15;
	tui_team_edit_free(e);
	return rc;
}

static void test_readonly(void **state)
{
	(void)state;
	struct team t;
	struct tui_team_edit *e = screen_open(&t, "teamedit-ro");
	tui_team_edit_free(e);
	char before[4096], after[4096];
	snapshot(&t, before, sizeof before);
	struct stat was;
	assert_int_equal(stat(t.path, &was), 0);
	assert_int_equal(chmod(t.top, 0755), 0);
	assert_int_equal(chmod(t.dir, 0555), 0);
	assert_int_equal(chmod(t.path, 0444), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(readonly_child(&t));
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	chmod(t.dir, 0755);
	chmod(t.path, 0644);
	snapshot(&t, after, sizeof after);
	assert_string_equal(after, before);
	struct stat now;
	assert_int_equal(stat(t.path, &now), 0);
	assert_true(now.st_mtime == was.st_mtime && now.st_size == was.st_size);
	fixture_dir_remove(t.top);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_screen),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_busy_keeps_edits),
		cmocka_unit_test(test_readonly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
