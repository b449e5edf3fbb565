/* The manager's live review.  One loop as tui/app.c's: read an event (a
 * key, or the tick when nothing was typed), act on it, and draw only when
 * something changed; ncurses then sends only the cells that differ, which
 * is what a slow SSH link needs.  Every tick asks the open seller files
 * whether anyone committed (cheap: PRAGMA data_version per file); once a
 * second the sellers directory is listed again for sellers who joined. */
#include "tui/review.h"

#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/presence.h"
#include "core/team.h"
#include "db/conn.h"
#include "db/review.h"
#include "tui/app.h"
#include "tui/canvas.h"
#include "tui/help.h"
#include "tui/keys.h"
#include "tui/review_draw.h"
#include "tui/team_edit.h"
#include "tui/term.h"

#define REVIEW_TICK_MS 200
#define REVIEW_SCAN_MS 1000
#define REVIEW_MIN_H 24
#define REVIEW_MIN_W 80

enum review_act {
	RA_UP,
	RA_DOWN,
	RA_PGUP,
	RA_PGDN,
	RA_DRILL,
	RA_WEEK_PREV,
	RA_WEEK_NEXT,
	RA_THIS_WEEK,
	RA_SORT_NEXT,
	RA_SORT_COL,   /* arg: the column */
	RA_EDIT,
	RA_RELOAD,
	RA_HELP,
	RA_REDRAW,
	RA_QUIT
};

/* The one table of the review's keys: the lookup, the key line and the
 * help screen are made from it (as tui/keys.c for the week). */
struct review_key {
	enum review_act act;
	int arg;
	struct tui_key keys[3];     /* the first is the one shown */
	const char *hint;           /* the key line's word, or NULL */
	int pair;                   /* shares its hint with the next row */
	const char *label;          /* the help screen's line */
};

#define CH(c) { 0, (c) }
#define KC(c) { 1, (c) }

static const struct review_key review_keys[] = {
	{ RA_UP, 0, { KC(KEY_UP), CH('k') }, NULL, 1, "previous seller" },
	{ RA_DOWN, 0, { KC(KEY_DOWN), CH('j') }, "seller", 0, "next seller" },
	{ RA_DRILL, 0, { CH('\n') }, "open", 0, "the seller's week, read-only; q or Esc back" },
	{ RA_PGUP, 0, { KC(KEY_PPAGE) }, NULL, 0, "a page of sellers up" },
	{ RA_PGDN, 0, { KC(KEY_NPAGE) }, NULL, 0, "a page of sellers down" },
	{ RA_WEEK_PREV, 0, { CH('[') }, NULL, 1, "previous week" },
	{ RA_WEEK_NEXT, 0, { CH(']') }, "week", 0, "next week" },
	{ RA_THIS_WEEK, 0, { CH('t') }, "this-week", 0, "this week" },
	{ RA_SORT_NEXT, 0, { CH('s') }, "sort", 0, "sort by the next column" },
	{ RA_SORT_COL, CORE_REVIEW_NAME, { CH('1') }, NULL, 0, "sort by name, A to Z" },
	{ RA_SORT_COL, CORE_REVIEW_TARGET, { CH('2') }, NULL, 0, "sort by target" },
	{ RA_SORT_COL, CORE_REVIEW_PLANNED, { CH('3') }, NULL, 0, "sort by planned" },
	{ RA_SORT_COL, CORE_REVIEW_HELD, { CH('4') }, NULL, 0, "sort by held" },
	{ RA_SORT_COL, CORE_REVIEW_VISITS, { CH('5') }, NULL, 0, "sort by visits" },
	{ RA_SORT_COL, CORE_REVIEW_OVERDUE, { CH('6') }, NULL, 0, "sort by overdue follow-ups" },
	{ RA_SORT_COL, CORE_REVIEW_CHANGED, { CH('7') }, NULL, 0, "sort by last change" },
	{ RA_EDIT, 0, { CH('e') }, "settings", 0,
	  "edit the team's targets, form weights, matrix, 4D threshold" },
	{ RA_HELP, 0, { CH('?') }, "help", 0, "this help" },
	{ RA_REDRAW, 0, { CH('L' - '@') }, NULL, 0, "repaint the screen" },
	{ RA_QUIT, 0, { CH('q') }, "quit", 0, "quit the review" },
	/* Last: the key line has no room for it at 80 columns. */
	{ RA_RELOAD, 0, { CH('r') }, "reload", 0, "read every seller's file again" },
};

#define REVIEW_NKEYS (sizeof review_keys / sizeof review_keys[0])

/* Set from the signal handler; the loop polls it (no curses calls in a
 * handler). */
static volatile sig_atomic_t review_signal;

static void review_on_signal(int sig)
{
	review_signal = sig;
}

struct review_screen {
	const char *dir;
	int ascii;
	int64_t today;
	int today_fixed;       /* tui_review_opts */
	struct core_isoweek week;
	enum core_review_col sort;
	struct db_review_live *live;
	struct core_review_row *rows;   /* the live rows, sorted for display */
	size_t n, cap;
	struct core_review_row total;
	char selected[CORE_TEAM_NAME_MAX]; /* the selected seller's login */
	int sel;                        /* index into rows, or -1 */
	size_t first;
	int help;
	int force;
	char message[320];
	char keys_line[256];
	struct tui_term term;
	struct tui_canvas canvas;
	struct tui_team_edit *edit;     /* the team's settings, or NULL */
	char presence[4096];            /* our presence file; "" when none */
	struct core_presence me;        /* what it says */
	int64_t scanned_ms, touched_ms;
};

static int64_t review_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void review_say(struct review_screen *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
}

/* ---- the rows as shown ---- */

static int review_rows_shown(const struct review_screen *s)
{
	int rows = s->canvas.h - TUI_REVIEW_CHROME_ROWS;
	return rows > 1 ? rows : 1;
}

/* Keeps the selection on screen; the last line gives way to "... N more"
 * when rows are left below it. */
static void review_scroll(struct review_screen *s)
{
	size_t rows = (size_t)review_rows_shown(s);
	if (s->n <= rows)
		s->first = 0;
	else if (s->first > s->n - rows)
		s->first = s->n - rows;
	if (s->sel < 0)
		return;
	size_t sel = (size_t)s->sel;
	if (sel < s->first)
		s->first = sel;
	for (;;) {
		size_t shown = s->first + rows < s->n ? rows - 1 : rows;
		if (sel < s->first + shown || shown == 0)
			break;
		s->first++;
	}
}

/* The live rows again, sorted, with the selection kept on its seller. */
static enum core_status review_take(struct review_screen *s, struct core_error *err)
{
	const struct db_review *v = db_review_rows(s->live);
	if (v->n > s->cap) {
		struct core_review_row *grown = realloc(s->rows, v->n * sizeof *grown);
		if (grown == NULL)
			return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
		s->rows = grown;
		s->cap = v->n;
	}
	if (v->n > 0)
		memcpy(s->rows, v->rows, v->n * sizeof *s->rows);
	s->n = v->n;
	core_review_sort(s->rows, s->n, s->sort);
	core_review_total(s->rows, s->n, v->threshold, &s->total);
	s->sel = s->n > 0 ? 0 : -1;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->rows[i].login, s->selected) == 0)
			s->sel = (int)i;
	if (s->sel >= 0)
		memcpy(s->selected, s->rows[s->sel].login, sizeof s->selected);
	review_scroll(s);
	return CORE_OK;
}

static void review_select(struct review_screen *s, long to)
{
	if (s->n == 0)
		return;
	if (to < 0)
		to = 0;
	if (to >= (long)s->n)
		to = (long)s->n - 1;
	s->sel = (int)to;
	memcpy(s->selected, s->rows[to].login, sizeof s->selected);
	review_scroll(s);
}

/* ---- drawing ---- */

/* "↑↓ seller  [] week  t this-week ...": the table's hints that fit. */
static void review_keys_line(struct review_screen *s, int width)
{
	size_t used = 0;
	s->keys_line[0] = '\0';
	char names[32] = "";
	for (size_t i = 0; i < REVIEW_NKEYS; i++) {
		const struct review_key *k = &review_keys[i];
		char name[16];
		tui_key_name(k->keys[0], s->ascii, name, sizeof name);
		if (k->pair) {
			snprintf(names, sizeof names, "%s", name);
			continue;
		}
		if (k->hint == NULL) {
			names[0] = '\0';
			continue;
		}
		char item[64];
		snprintf(item, sizeof item, "%s%s%s %s", used ? "  " : "", names, name, k->hint);
		names[0] = '\0';
		if (tui_text_width(s->keys_line) + tui_text_width(item) > width ||
		    used + strlen(item) >= sizeof s->keys_line)
			break;
		memcpy(s->keys_line + used, item, strlen(item) + 1);
		used += strlen(item);
	}
}

/* "↑  k": every key of k, into names (n bytes), after what it holds. */
static void review_key_names(const struct review_key *k, int ascii, char *names, size_t n)
{
	char one[16];
	for (size_t j = 0; j < 3 && k->keys[j].code != 0; j++) {
		tui_key_name(k->keys[j], ascii, one, sizeof one);
		size_t len = strlen(names);
		snprintf(names + len, n - len, "%s%s", len > 0 ? "  " : "", one);
	}
}

/* One line per key of the table, a pair ("[ ]", "↑ ↓") on one line, so
 * that every key fits an 80x24 screen. */
static void review_help_draw(struct review_screen *s)
{
	struct tui_canvas *c = &s->canvas;
	tui_canvas_clear(c);
	tui_canvas_fill(c, 0, 0, 1, c->w, L' ', TUI_ROLE_TITLE);
	tui_canvas_text(c, 0, 1, -1, TUI_ROLE_TITLE, "Team review: keys");
	int y = 1;
	for (size_t i = 0; i < REVIEW_NKEYS && y < c->h - 3; i++, y++) {
		const struct review_key *k = &review_keys[i];
		char names[64] = "", label[160];
		review_key_names(k, s->ascii, names, sizeof names);
		snprintf(label, sizeof label, "%s", k->label);
		if (k->pair && i + 1 < REVIEW_NKEYS) {
			const struct review_key *next = &review_keys[++i];
			review_key_names(next, s->ascii, names, sizeof names);
			size_t len = strlen(label);
			snprintf(label + len, sizeof label - len, " / %s", next->label);
		}
		tui_canvas_text(c, y, 2, 14, TUI_ROLE_KEY, names);
		tui_canvas_text(c, y, 18, -1, TUI_ROLE_NORMAL, label);
	}
	tui_canvas_printf(c, y, 2, c->w - 4, TUI_ROLE_DIM,
	                  "Every seller's file is read-only here, and the sellers "
	                  "see you review.");
	tui_canvas_fill(c, c->h - 1, 0, 1, c->w, L' ', TUI_ROLE_STATUS);
	tui_canvas_text(c, c->h - 1, 1, -1, TUI_ROLE_STATUS, "any key: back to the team");
}

static void review_draw(struct review_screen *s)
{
	struct tui_canvas *c = &s->canvas;
	if (c->h < REVIEW_MIN_H || c->w < REVIEW_MIN_W) {
		tui_help_draw_small(c, REVIEW_MIN_H, REVIEW_MIN_W);
	} else if (s->edit != NULL) {
		tui_team_edit_draw(s->edit, c);
	} else if (s->help) {
		review_help_draw(s);
	} else {
		review_keys_line(s, c->w);
		struct tui_review_model m = {
			.week = s->week,
			.today = s->today,
			.rows = s->rows,
			.n = s->n,
			.total = &s->total,
			.unreadable = db_review_rows(s->live)->unreadable,
			.sort = s->sort,
			.threshold = db_review_rows(s->live)->threshold,
			.first = s->first,
			.selected = s->sel,
			.message = s->message[0] ? s->message : NULL,
			.keys_line = s->keys_line,
		};
		tui_review_draw(c, &m);
	}
	tui_term_blit(&s->term, c, s->force);
	s->force = 0;
}

/* ---- events ---- */

static const struct review_key *review_lookup(const struct tui_event *ev)
{
	for (size_t i = 0; i < REVIEW_NKEYS; i++)
		if (tui_key_match(review_keys[i].keys,
		                  sizeof review_keys[i].keys / sizeof review_keys[i].keys[0], ev))
			return &review_keys[i];
	return NULL;
}

static enum core_status review_week_to(struct review_screen *s, struct core_isoweek wk,
                                       struct core_error *err)
{
	s->week = wk;
	struct core_error e = { CORE_OK, "" };
	enum core_status st = db_review_set_week(s->live, wk, s->today, &e);
	if (st == CORE_ERR_NOMEM)
		return core_error_set(err, st, "%s", e.msg);
	if (st != CORE_OK)
		review_say(s, "%s", e.msg);
	return review_take(s, err);
}

/* Enter: the selected seller's week as the seller sees it, read-only, in
 * this terminal (tui/app.c with readonly set), then the team again.  The
 * review stays the same process, so its presence file stays: the week
 * screen keeps it fresh meanwhile. */
static enum core_status review_drill(struct review_screen *s, struct core_error *err)
{
	if (s->sel < 0) {
		review_say(s, "no seller to open");
		return CORE_OK;
	}
	const struct core_review_row *r = &s->rows[s->sel];
	if (!r->ok) {
		review_say(s, "%s: %s", r->name, r->reason);
		return CORE_OK;
	}
	char path[4096];
	struct core_error e = { CORE_OK, "" };
	struct db *db = NULL;
	if (core_team_path(path, sizeof path, s->dir, CORE_TEAM_SELLER_FILE, r->login,
	                   &e) != CORE_OK ||
	    db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &db, &e) != CORE_OK) {
		review_say(s, "%s", e.msg);
		return CORE_OK;
	}
	struct tui_app_opts o = {
		.today = s->today,
		.week = s->week,
		.ascii = s->ascii,
		.readonly = 1,
		.touch = s->presence[0] != '\0' ? s->presence : NULL,
	};
	tui_term_close(&s->term);
	enum core_status st = tui_app_run(db, &o, &e);
	db_close(db);
	if (st == CORE_ERR_NOMEM)
		return core_error_set(err, st, "%s", e.msg);
	if (st != CORE_OK)
		review_say(s, "%s: %s", r->name, e.msg);
	/* A hang-up while drilled in: the loop ends, no terminal needed. */
	if (review_signal)
		return CORE_OK;
	st = tui_term_open(&s->term, s->ascii, REVIEW_TICK_MS, err);
	if (st != CORE_OK)
		return st;
	int h, w;
	tui_term_size(&s->term, &h, &w);
	if (tui_canvas_resize(&s->canvas, h, w) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	s->force = 1;
	review_scroll(s);
	return CORE_OK;
}

/* e: the team's settings over the dashboard, for its sellers in their
 * order, the cursor on the one selected.  The dashboard keeps refreshing
 * underneath, and a save shows in it at once (the team file's
 * data_version, db_review_refresh). */
static enum core_status review_edit_open(struct review_screen *s, struct core_error *err)
{
	struct db_team_who *who = s->n > 0 ? calloc(s->n, sizeof *who) : NULL;
	if (s->n > 0 && who == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < s->n; i++) {
		who[i].login = s->rows[i].login;
		who[i].name = s->rows[i].ok ? s->rows[i].name : NULL;
	}
	struct core_error e = { CORE_OK, "" };
	enum core_status st = tui_team_edit_open(s->dir, who, s->n, s->ascii, &s->edit, &e);
	free(who);
	if (st == CORE_ERR_NOMEM)
		return core_error_set(err, st, "%s", e.msg);
	if (st != CORE_OK)
		review_say(s, "%s", e.msg);
	else if (s->sel >= 0)
		tui_team_edit_select(s->edit, (size_t)s->sel);
	return CORE_OK;
}

/* A key: returns TUI_* flags; *st gets out of memory. */
static int review_key(struct review_screen *s, const struct review_key *k,
                      enum core_status *st, struct core_error *err)
{
	int page = review_rows_shown(s) - 1;
	switch (k->act) {
	case RA_UP: review_select(s, (long)s->sel - 1); break;
	case RA_DOWN: review_select(s, (long)s->sel + 1); break;
	case RA_PGUP: review_select(s, (long)s->sel - (page > 1 ? page : 1)); break;
	case RA_PGDN: review_select(s, (long)s->sel + (page > 1 ? page : 1)); break;
	case RA_DRILL:
		*st = review_drill(s, err);
		return review_signal || *st != CORE_OK ? TUI_QUIT : TUI_REDRAW;
	case RA_WEEK_PREV:
	case RA_WEEK_NEXT:
		*st = review_week_to(s, core_isoweek_add(s->week, k->act == RA_WEEK_NEXT ? 1 : -1),
		                     err);
		break;
	case RA_THIS_WEEK:
		*st = review_week_to(s, core_isoweek_of(s->today), err);
		break;
	case RA_SORT_NEXT:
	case RA_SORT_COL:
		s->sort = k->act == RA_SORT_COL ? (enum core_review_col)k->arg
		          : (enum core_review_col)((s->sort + 1) % CORE_REVIEW_COL_COUNT);
		*st = review_take(s, err);
		break;
	case RA_RELOAD: {
		int changed = 0;
		struct core_error e = { CORE_OK, "" };
		enum core_status rs = db_review_refresh(s->live, DB_REVIEW_RESCAN | DB_REVIEW_ALL,
		                                        &changed, &e);
		if (rs == CORE_ERR_NOMEM)
			*st = core_error_set(err, rs, "%s", e.msg);
		else if (rs != CORE_OK)
			review_say(s, "%s", e.msg);
		else
			review_say(s, "read every seller's file again");
		if (*st == CORE_OK)
			*st = review_take(s, err);
		break;
	}
	case RA_EDIT: *st = review_edit_open(s, err); break;
	case RA_HELP: s->help = 1; break;
	case RA_REDRAW: s->force = 1; break;
	case RA_QUIT: return TUI_QUIT;
	}
	return TUI_REDRAW;
}

/* Midnight passed: overdue counts move with today, and a review showing
 * the week that was this week goes on showing this week. */
static int review_new_day(struct review_screen *s, int64_t today, enum core_status *st,
                          struct core_error *err)
{
	struct core_isoweek was = core_isoweek_of(s->today);
	s->today = today;
	struct core_isoweek wk = s->week;
	if (wk.year == was.year && wk.week == was.week)
		wk = core_isoweek_of(today);
	*st = review_week_to(s, wk, err);
	return *st != CORE_OK ? TUI_QUIT : TUI_REDRAW;
}

/* The tick: the sellers' commits, new sellers once a second, a new day,
 * and the presence file kept fresh. */
static int review_tick(struct review_screen *s, enum core_status *st,
                       struct core_error *err)
{
	int64_t now = review_now_ms();
	int flags = 0, changed = 0;
	if (now - s->scanned_ms >= REVIEW_SCAN_MS) {
		flags |= DB_REVIEW_RESCAN;
		s->scanned_ms = now;
		if (!s->today_fixed && core_local_today() != s->today)
			return review_new_day(s, core_local_today(), st, err);
	}
	if (now - s->touched_ms >= CORE_PRESENCE_TOUCH_S * 1000) {
		s->touched_ms = now;
		struct core_error e = { CORE_OK, "" };
		/* Gone (another review by the same login quit): written
		 * again, the review must stay visible. */
		if (core_presence_touch(s->presence, NULL) != CORE_OK &&
		    core_presence_write(s->presence, &s->me, &e) != CORE_OK) {
			review_say(s, "presence: %s", e.msg);
			changed = 1;
		}
	}
	struct core_error e = { CORE_OK, "" };
	enum core_status rs = db_review_refresh(s->live, flags, &changed, &e);
	if (rs == CORE_ERR_NOMEM) {
		*st = core_error_set(err, rs, "%s", e.msg);
		return TUI_QUIT;
	}
	if (rs != CORE_OK && strcmp(s->message, e.msg) != 0) {
		review_say(s, "%s", e.msg);
		changed = 1;
	}
	if (!changed)
		return TUI_NONE;
	*st = review_take(s, err);
	return TUI_REDRAW;
}

static int review_edit_event(struct review_screen *s, const struct tui_event *ev,
                             enum core_status *st, struct core_error *err)
{
	int r = tui_team_edit_event(s->edit, ev);
	if (r & TUI_QUIT) {
		*st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
		return TUI_QUIT;
	}
	if (r & TUI_CLOSE) {
		tui_team_edit_free(s->edit);
		s->edit = NULL;
	}
	if (r & TUI_RELOAD)
		review_tick(s, st, err);
	return r != TUI_NONE ? TUI_REDRAW : TUI_NONE;
}

static int review_event(struct review_screen *s, const struct tui_event *ev,
                        enum core_status *st, struct core_error *err)
{
	if (ev->kind == TUI_EV_TICK)
		return review_tick(s, st, err);
	if (ev->kind == TUI_EV_KEY && ev->key == KEY_RESIZE) {
		int h, w;
		tui_term_size(&s->term, &h, &w);
		if (tui_canvas_resize(&s->canvas, h, w) != 0) {
			*st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
			return TUI_QUIT;
		}
		review_scroll(s);
		return TUI_REDRAW;
	}
	const struct review_key *k = review_lookup(ev);
	/* Keys typed blind into a screen too small to show are dropped. */
	if (s->canvas.h < REVIEW_MIN_H || s->canvas.w < REVIEW_MIN_W)
		return k != NULL && k->act == RA_QUIT && s->edit == NULL ? TUI_QUIT : TUI_NONE;
	if (s->edit != NULL)
		return review_edit_event(s, ev, st, err);
	s->message[0] = '\0';
	if (s->help) {
		s->help = 0;
		return TUI_REDRAW;
	}
	if (ev->kind == TUI_EV_MOUSE) {
		int id = tui_canvas_hit_at(&s->canvas, ev->y, ev->x);
		if (id >= 0)
			review_select(s, id);
		return TUI_REDRAW;
	}
	if (k == NULL)
		return TUI_REDRAW;
	return review_key(s, k, st, err);
}

/* ---- set-up and the loop ---- */

static enum core_status review_announce(struct review_screen *s, struct core_error *err)
{
	struct core_presence p;
	memset(&p, 0, sizeof p);
	enum core_status st = core_team_whoami(p.login, p.name, sizeof p.name, err);
	if (st == CORE_OK)
		st = core_presence_path(s->presence, sizeof s->presence, s->dir, p.login, err);
	if (st != CORE_OK) {
		s->presence[0] = '\0';
		return st;
	}
	p.pid = (long)getpid();
	p.started = (int64_t)time(NULL);
	core_presence_host(p.host, sizeof p.host);
	s->me = p;
	st = core_presence_write(s->presence, &p, err);
	if (st != CORE_OK) {
		s->presence[0] = '\0';
		char why[sizeof err->msg];
		snprintf(why, sizeof why, "%s", err->msg);
		return core_error_set(err, st, "review: the team must see who reviews, "
		                      "but the presence file cannot be written: %s", why);
	}
	s->touched_ms = review_now_ms();
	return CORE_OK;
}

static enum core_status review_loop(struct review_screen *s, struct core_error *err)
{
	review_draw(s);
	while (!review_signal) {
		struct tui_event ev;
		tui_term_read(&s->term, &ev);
		if (review_signal)
			break;
		enum core_status st = CORE_OK;
		int flags = review_event(s, &ev, &st, err);
		if (st != CORE_OK)
			return st;
		if (flags & TUI_QUIT)
			break;
		if (flags & TUI_REDRAW)
			review_draw(s);
	}
	return CORE_OK;
}

static enum core_status review_start(struct review_screen *s, struct core_error *err)
{
	enum core_status st = db_review_open(s->dir, s->week, s->today, &s->live, err);
	if (st == CORE_OK)
		st = review_announce(s, err);
	if (st == CORE_OK)
		st = tui_term_open(&s->term, s->ascii, REVIEW_TICK_MS, err);
	if (st != CORE_OK)
		return st;
	int h, w;
	tui_term_size(&s->term, &h, &w);
	if (tui_canvas_init(&s->canvas, h, w, s->ascii) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	s->scanned_ms = review_now_ms();
	return review_take(s, err);
}

enum core_status tui_review_run(const struct tui_review_opts *o, struct core_error *err)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	struct sigaction old[3];
	struct sigaction sa;
	struct review_screen *s = calloc(1, sizeof *s);
	if (s == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	s->dir = o->team_dir;
	s->ascii = o->ascii;
	s->today = o->today;
	s->today_fixed = o->today_fixed;
	s->week = o->week;
	s->sort = o->sort;
	s->sel = -1;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = review_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocked read returns and the loop sees the flag. */
	review_signal = 0;
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);

	enum core_status st = review_start(s, err);
	if (st == CORE_OK)
		st = review_loop(s, err);

	tui_term_close(&s->term);
	if (s->presence[0] != '\0')
		core_presence_remove(s->presence);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	tui_canvas_free(&s->canvas);
	tui_team_edit_free(s->edit);
	db_review_close(s->live);
	free(s->rows);
	free(s);
	return st;
}
