/* The interactive program.  One loop: read an event, hand it to the open
 * dialog or to the action its key is bound to, and act on the repaint flags
 * that come back.  Only the loop reloads from the database and only the
 * loop draws (into a canvas, then onto the terminal), so every screen is
 * drawn the same way whatever changed it: a key, a resize, or another
 * process committing to the database. */
#include <curses.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/calendar.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "db/settings.h"
#include "db/week.h"
#include "tui/app.h"
#include "tui/canvas.h"
#include "tui/field.h"
#include "tui/form.h"
#include "tui/help.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/week_draw.h"

/* The database poll: another process's commit shows within this. */
#define APP_TICK_MS 200
#define APP_MIN_H 24
#define APP_MIN_W 80
#define APP_STEP_MIN 30
#define APP_DAY_START (9 * 60)
#define APP_LAST_START (24 * 60 - APP_STEP_MIN)

enum app_mode {
	APP_WEEK,
	APP_HELP,
	APP_FORM,
	APP_CONFIRM,     /* x: y/n in the status line */
	APP_MOVE,        /* m: arrows move the meeting, Enter commits */
	APP_FIRST_RUN
};

struct app {
	struct db *db;
	int64_t today;
	int ascii;
	enum app_mode mode;
	struct tui_term term;
	struct tui_canvas canvas;
	struct core_matrix matrix;
	struct db_seller seller;
	struct db_week week;
	struct core_isoweek shown;
	int day;                 /* the cursor's day, 0 = Monday */
	int selected;            /* index into app_meetings(), or -1 */
	int64_t want_id;         /* select this meeting after the next reload */
	int show_weekend;
	int force;               /* Ctrl-L: repaint every cell */
	struct tui_form *form;
	struct core_meeting_list draft; /* the week as it will be after a move */
	int64_t move_id;
	int64_t move_day;        /* days since epoch */
	int move_minute;
	struct tui_field name;   /* the first-run screen's edit line */
	char message[320];       /* said until the next key */
	int message_error;
	int describe;            /* say what is selected, until the next key */
	char describe_buf[320];
	char keys_line[320];
	enum core_status fatal;
};

/* Set from the signal handler; the loop polls it (no curses calls in a
 * handler). */
static volatile sig_atomic_t app_signal;

static void app_on_signal(int sig)
{
	app_signal = sig;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void app_say(struct app *a, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_error = is_error;
}

static const struct core_meeting *app_meetings(const struct app *a, size_t *n)
{
	if (a->mode == APP_MOVE) {
		*n = a->draft.n;
		return a->draft.items;
	}
	*n = a->week.meetings.n;
	return a->week.meetings.items;
}

static const struct core_meeting *app_current(const struct app *a)
{
	size_t n;
	const struct core_meeting *m = app_meetings(a, &n);
	if (a->selected < 0 || (size_t)a->selected >= n)
		return NULL;
	return &m[a->selected];
}

static int app_days_shown(const struct app *a)
{
	return a->show_weekend ? 7 : 5;
}

/* A meeting's day in the shown week (0 = Monday) and minute of the day. */
static int app_meeting_day(const struct app *a, const struct core_meeting *m,
                           int *minute)
{
	int64_t days;
	int min;
	core_local_from_epoch(m->starts_at, &days, &min);
	if (minute != NULL)
		*minute = min;
	return (int)(days - a->week.monday);
}

/* Selects the meeting on the cursor's day that starts nearest to minute
 * (the first when minute < 0), or nothing when the day is empty. */
static void app_select_on_day(struct app *a, int minute)
{
	size_t n;
	const struct core_meeting *m = app_meetings(a, &n);
	int best = -1, best_d = 0;
	for (size_t i = 0; i < n; i++) {
		int min;
		if (app_meeting_day(a, &m[i], &min) != a->day)
			continue;
		int d = minute < 0 ? 0 : abs(min - minute);
		if (best < 0 || d < best_d) {
			best = (int)i;
			best_d = d;
		}
	}
	a->selected = best;
}

static void app_select_index(struct app *a, int i)
{
	size_t n;
	const struct core_meeting *m = app_meetings(a, &n);
	if (i < 0 || (size_t)i >= n) {
		a->selected = -1;
		return;
	}
	a->selected = i;
	int day = app_meeting_day(a, &m[i], NULL);
	if (day >= 0 && day < 7)
		a->day = day;
	if (a->day >= 5)
		a->show_weekend = 1;
}

static int app_find(const struct app *a, int64_t id)
{
	size_t n;
	const struct core_meeting *m = app_meetings(a, &n);
	for (size_t i = 0; id != 0 && i < n; i++)
		if (m[i].id == id)
			return (int)i;
	return -1;
}

static int app_by_start(const void *pa, const void *pb)
{
	const struct core_meeting *x = pa, *y = pb;
	if (x->starts_at != y->starts_at)
		return x->starts_at < y->starts_at ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The week as it would be with the moving meeting at its new time. */
static int app_draft_build(struct app *a)
{
	a->draft.n = 0;
	for (size_t i = 0; i < a->week.meetings.n; i++) {
		struct core_meeting *m =
			core_meeting_list_push(&a->draft, &a->week.meetings.items[i]);
		if (m == NULL)
			return -1;
		if (m->id == a->move_id)
			m->starts_at = core_local_to_epoch(a->move_day, a->move_minute);
	}
	qsort(a->draft.items, a->draft.n, sizeof *a->draft.items, app_by_start);
	return 0;
}

static void app_reload(struct app *a)
{
	struct core_error e = { CORE_OK, "" };
	const struct core_meeting *cur = app_current(a);
	int64_t keep = a->want_id ? a->want_id : cur ? cur->id : 0;
	int minute = -1;
	if (cur != NULL)
		app_meeting_day(a, cur, &minute);
	a->want_id = 0;
	/* The open form points at the matrix: never change it under it. */
	if (a->form == NULL) {
		struct core_matrix mx;
		if (db_matrix_get(a->db, &mx, NULL, &e) == CORE_OK)
			a->matrix = mx;
		else
			app_say(a, 1, "%s", e.msg);
	}
	if (db_week_load(a->db, a->seller.id, a->shown, &a->week, &e) != CORE_OK) {
		app_say(a, 1, "%s", e.msg);
		/* Nothing half-loaded on screen: an empty week, said why. */
		a->week.meetings.n = 0;
		memset(&a->week.tally, 0, sizeof a->week.tally);
	}
	if (a->mode == APP_MOVE) {
		if (app_find(a, a->move_id) < 0) {
			a->mode = APP_WEEK;
			app_say(a, 1, "the meeting was changed elsewhere; move cancelled");
		} else if (app_draft_build(a) != 0) {
			a->fatal = CORE_ERR_NOMEM;
			return;
		}
	}
	int i = app_find(a, keep);
	if (i >= 0)
		app_select_index(a, i);
	else
		app_select_on_day(a, minute);
}

static void app_hhmm(int minute, char *buf, size_t n)
{
	snprintf(buf, n, "%02d:%02d", minute / 60, minute % 60);
}

static const char *app_type_label(const struct app *a, const char *key)
{
	int t = core_matrix_find(&a->matrix, key);
	return t >= 0 ? a->matrix.types[t].label : key;
}

/* "Tue 24 Nov 09:00" */
static void app_when(int64_t epoch, char *buf, size_t n)
{
	int64_t days;
	int minute;
	char hm[24];
	core_local_from_epoch(epoch, &days, &minute);
	struct core_date d = core_date_from_days(days);
	app_hhmm(minute, hm, sizeof hm);
	snprintf(buf, n, "%s %d %s %s", core_weekday_abbr(core_weekday(days)), d.day,
	         core_month_abbr(d.month), hm);
}

/* The selected meeting in full, or the cursor's day when it is empty. */
static void app_describe(struct app *a, char *buf, size_t n)
{
	const struct core_meeting *m = app_current(a);
	if (m == NULL) {
		int64_t day = a->week.monday + a->day;
		struct core_date d = core_date_from_days(day);
		snprintf(buf, n, "%s %d %s: nothing selected (a plans a meeting)",
		         core_weekday_abbr(core_weekday(day)), d.day,
		         core_month_abbr(d.month));
		return;
	}
	char when[64], end[24];
	int64_t days;
	int minute;
	app_when(m->starts_at, when, sizeof when);
	core_local_from_epoch(m->starts_at + (int64_t)m->duration_min * 60, &days,
	                      &minute);
	app_hhmm(minute, end, sizeof end);
	/* The long type label last: it is what a narrow screen cuts. */
	snprintf(buf, n, "%s–%s  %s · %s · %s · %s · %s", when, end, m->account,
	         core_battlefield_label(m->battlefield), core_form_label(m->form),
	         core_mstatus_key(m->status), app_type_label(a, m->type));
}

/* ---- drawing ---- */

static void app_draw_week(struct app *a)
{
	struct tui_week_model wm;
	size_t n;
	memset(&wm, 0, sizeof wm);
	wm.week = a->shown;
	wm.today = a->today;
	core_utf8_copy(wm.seller, sizeof wm.seller, a->seller.name);
	wm.meetings = app_meetings(a, &n);
	wm.n_meetings = n;
	wm.matrix = &a->matrix;
	wm.tally = a->week.tally;
	wm.show_weekend = a->show_weekend;
	wm.selected = a->selected;
	wm.monochrome = tui_term_monochrome(&a->term);
	/* Moving and confirming always have their message up. */
	tui_keys_hint_line(a->ascii, a->canvas.w - 2, a->keys_line,
	                   sizeof a->keys_line);
	wm.keys_line = a->keys_line;
	if (a->message[0] != '\0') {
		wm.message = a->message;
		wm.message_is_error = a->message_error;
	} else if (a->describe) {
		app_describe(a, a->describe_buf, sizeof a->describe_buf);
		wm.message = a->describe_buf;
	}
	tui_week_draw(&a->canvas, &wm);
}

static void app_draw(struct app *a)
{
	struct tui_canvas *c = &a->canvas;
	if (c->h < APP_MIN_H || c->w < APP_MIN_W)
		tui_help_draw_small(c, APP_MIN_H, APP_MIN_W);
	else if (a->mode == APP_FIRST_RUN)
		tui_help_draw_welcome(c, &a->name, a->message[0] ? a->message : NULL,
		                      a->message_error);
	else if (a->mode == APP_HELP)
		tui_help_draw(c);
	else {
		app_draw_week(a);
		if (a->mode == APP_FORM && a->form != NULL)
			tui_form_draw(a->form, c);
	}
	tui_term_blit(&a->term, c, a->force);
	a->force = 0;
}

/* ---- actions ---- */

static int app_need_meeting(struct app *a)
{
	if (app_current(a) != NULL)
		return 1;
	app_say(a, 1, "no meeting selected: choose one with ↑↓, or a to plan one");
	return 0;
}

static int app_go_week(struct app *a, struct core_isoweek w)
{
	a->shown = w;
	a->selected = -1;
	return TUI_RELOAD;
}

static int app_act_day(struct app *a, int delta)
{
	int minute = -1;
	const struct core_meeting *cur = app_current(a);
	if (cur != NULL)
		app_meeting_day(a, cur, &minute);
	int day = a->day + delta;
	if (day < 0 || day >= app_days_shown(a)) {
		/* Off the edge of the week: on into the next one, calcurse-like. */
		a->day = day < 0 ? app_days_shown(a) - 1 : 0;
		return app_go_week(a, core_isoweek_add(a->shown, day < 0 ? -1 : 1));
	}
	a->day = day;
	app_select_on_day(a, minute);
	return TUI_REDRAW;
}

static int app_act_meeting(struct app *a, int delta)
{
	size_t n;
	const struct core_meeting *m = app_meetings(a, &n);
	int i = a->selected;
	if (n == 0) {
		app_say(a, 0, "no meetings this week: a plans one");
		return TUI_REDRAW;
	}
	if (i < 0) {
		/* From an empty day: the first meeting after it, or the last
		 * before it. */
		i = delta > 0 ? (int)n - 1 : 0;
		for (size_t k = 0; k < n; k++) {
			int d = app_meeting_day(a, &m[k], NULL);
			if (delta > 0 && d > a->day) { i = (int)k; break; }
			if (delta < 0 && d < a->day) i = (int)k;
		}
	} else {
		i += delta;
	}
	if (i < 0 || (size_t)i >= n) {
		app_say(a, 0, delta > 0 ? "the last meeting of the week" :
		                          "the first meeting of the week");
		return TUI_REDRAW;
	}
	app_select_index(a, i);
	return TUI_REDRAW;
}

static int app_half_hour_up(int minute)
{
	return (minute + APP_STEP_MIN - 1) / APP_STEP_MIN * APP_STEP_MIN;
}

/* The first free half hour on the cursor's day: after the selected meeting,
 * else from 09:00, past every meeting it would overlap.  One pass: the
 * meetings come by start, so none passed over can overlap a later slot. */
static int app_free_slot(const struct app *a)
{
	size_t n;
	const struct core_meeting *m = app_meetings(a, &n);
	const struct core_meeting *cur = app_current(a);
	int start = APP_DAY_START;
	int min;
	if (cur != NULL && app_meeting_day(a, cur, &min) == a->day)
		start = min + cur->duration_min;
	start = app_half_hour_up(start);
	for (size_t i = 0; i < n; i++) {
		if (m[i].status == CORE_MS_CANCELLED ||
		    app_meeting_day(a, &m[i], &min) != a->day)
			continue;
		if (min < start + APP_STEP_MIN && start < min + m[i].duration_min)
			start = app_half_hour_up(min + m[i].duration_min);
	}
	return start > APP_LAST_START ? APP_LAST_START : start;
}

static int app_act_add(struct app *a)
{
	struct core_meeting t;
	memset(&t, 0, sizeof t);
	t.seller_id = a->seller.id;
	t.starts_at = core_local_to_epoch(a->week.monday + a->day, app_free_slot(a));
	a->form = tui_form_open(a->db, &a->matrix, &t, a->ascii);
	if (a->form == NULL) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	a->mode = APP_FORM;
	return TUI_REDRAW;
}

static int app_act_edit(struct app *a)
{
	if (!app_need_meeting(a))
		return TUI_REDRAW;
	a->form = tui_form_open(a->db, &a->matrix, app_current(a), a->ascii);
	if (a->form == NULL) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	a->mode = APP_FORM;
	return TUI_REDRAW;
}

static int app_act_move(struct app *a)
{
	if (!app_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = app_current(a);
	if (m->status == CORE_MS_CANCELLED) {
		app_say(a, 1, "a cancelled meeting cannot be moved (x restores it)");
		return TUI_REDRAW;
	}
	a->move_id = m->id;
	core_local_from_epoch(m->starts_at, &a->move_day, &a->move_minute);
	a->mode = APP_MOVE;
	if (app_draft_build(a) != 0) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	app_select_index(a, app_find(a, a->move_id));
	app_say(a, 0, "%s", a->ascii ? "moving: h/l day  k/j 30 min  Enter done  Esc cancel"
	                             : "moving: ←→ day ↑↓ 30 min Enter done Esc cancel");
	return TUI_REDRAW;
}

static int app_act_held(struct app *a)
{
	struct core_error e = { CORE_OK, "" };
	if (!app_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = app_current(a);
	enum core_mstatus to = m->status == CORE_MS_HELD ? CORE_MS_PLANNED : CORE_MS_HELD;
	char when[64];
	app_when(m->starts_at, when, sizeof when);
	if (db_meeting_set_status(a->db, m->id, to, &e) != CORE_OK) {
		app_say(a, 1, "%s", e.msg);
		return TUI_RELOAD;
	}
	app_say(a, 0, "%s: %s %s", to == CORE_MS_HELD ? "held" : "planned again",
	        when, m->account);
	return TUI_RELOAD;
}

static int app_act_cancel(struct app *a)
{
	if (!app_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = app_current(a);
	char when[64];
	app_when(m->starts_at, when, sizeof when);
	app_say(a, 0, "%s %s %s? y/n",
	        m->status == CORE_MS_CANCELLED ? "Restore the cancelled meeting"
	                                       : "Cancel the meeting", when, m->account);
	a->mode = APP_CONFIRM;
	return TUI_REDRAW;
}

static int app_act_seller(struct app *a)
{
	struct core_error e = { CORE_OK, "" };
	struct db_seller *list = NULL;
	size_t n = 0;
	if (db_seller_list(a->db, &list, &n, &e) != CORE_OK) {
		app_say(a, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	size_t next = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == a->seller.id)
			next = (i + 1) % n;
	int flags = TUI_REDRAW;
	if (n <= 1) {
		app_say(a, 0, "%s is the only seller", a->seller.name);
	} else {
		a->seller = list[next];
		app_say(a, 0, "seller: %s (%zu of %zu)", a->seller.name, next + 1, n);
		flags = app_go_week(a, a->shown);
	}
	free(list);
	return flags;
}

static int app_action(struct app *a, enum tui_action act)
{
	/* After moving around, the status line says what is selected in full:
	 * a week cell has room for only part of it. */
	a->describe = act >= TUI_ACT_DAY_PREV && act <= TUI_ACT_TODAY;
	switch (act) {
	case TUI_ACT_ADD: return app_act_add(a);
	case TUI_ACT_EDIT: return app_act_edit(a);
	case TUI_ACT_MOVE: return app_act_move(a);
	case TUI_ACT_HELD: return app_act_held(a);
	case TUI_ACT_CANCEL: return app_act_cancel(a);
	case TUI_ACT_DAY_PREV: return app_act_day(a, -1);
	case TUI_ACT_DAY_NEXT: return app_act_day(a, 1);
	case TUI_ACT_MEETING_PREV: return app_act_meeting(a, -1);
	case TUI_ACT_MEETING_NEXT: return app_act_meeting(a, 1);
	case TUI_ACT_WEEK_PREV: return app_go_week(a, core_isoweek_add(a->shown, -1));
	case TUI_ACT_WEEK_NEXT: return app_go_week(a, core_isoweek_add(a->shown, 1));
	case TUI_ACT_TODAY:
		a->day = core_weekday(a->today) - 1;
		if (a->day >= app_days_shown(a))
			a->show_weekend = 1;
		return app_go_week(a, core_isoweek_of(a->today));
	case TUI_ACT_WEEKEND:
		a->show_weekend = !a->show_weekend;
		if (a->day >= app_days_shown(a)) {
			a->day = app_days_shown(a) - 1;
			app_select_on_day(a, -1);
		}
		return TUI_REDRAW;
	case TUI_ACT_SELLER: return app_act_seller(a);
	case TUI_ACT_HELP:
		a->mode = APP_HELP;
		return TUI_REDRAW;
	case TUI_ACT_REDRAW:
		a->force = 1;
		return TUI_REDRAW;
	case TUI_ACT_QUIT: return TUI_QUIT;
	case TUI_ACT_NONE:
	case TUI_ACT_COUNT: break;
	}
	return TUI_NONE;
}

/* ---- modes ---- */

static int app_is_char(const struct tui_event *ev, wint_t ch)
{
	return ev->kind == TUI_EV_CHAR && ev->ch == ch;
}

static int app_ev_confirm(struct app *a, const struct tui_event *ev)
{
	struct core_error e = { CORE_OK, "" };
	const struct core_meeting *m = app_current(a);
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	if (m == NULL || !(app_is_char(ev, 'y') || app_is_char(ev, 'Y'))) {
		app_say(a, 0, "nothing changed");
		return TUI_REDRAW;
	}
	enum core_mstatus to = m->status == CORE_MS_CANCELLED ? CORE_MS_PLANNED
	                                                      : CORE_MS_CANCELLED;
	char when[64];
	app_when(m->starts_at, when, sizeof when);
	if (db_meeting_set_status(a->db, m->id, to, &e) != CORE_OK)
		app_say(a, 1, "%s", e.msg);
	else
		app_say(a, 0, "%s: %s %s", to == CORE_MS_CANCELLED ? "cancelled" : "restored",
		        when, m->account);
	return TUI_RELOAD;
}

static int app_ev_move(struct app *a, const struct tui_event *ev)
{
	struct core_error e = { CORE_OK, "" };
	int64_t monday = a->week.monday;
	if (app_is_char(ev, 27) || app_is_char(ev, 'q')) {
		a->mode = APP_WEEK;
		app_select_index(a, app_find(a, a->move_id));
		app_say(a, 0, "move cancelled");
		return TUI_REDRAW;
	}
	if (app_is_char(ev, '\n')) {
		char when[64];
		int64_t at = core_local_to_epoch(a->move_day, a->move_minute);
		a->mode = APP_WEEK;
		a->want_id = a->move_id;
		app_when(at, when, sizeof when);
		if (db_meeting_move(a->db, a->move_id, at, &e) != CORE_OK)
			app_say(a, 1, "%s", e.msg);
		else
			app_say(a, 0, "moved to %s", when);
		return TUI_RELOAD;
	}
	switch (tui_keys_lookup(ev)) {
	case TUI_ACT_DAY_PREV: a->move_day--; break;
	case TUI_ACT_DAY_NEXT: a->move_day++; break;
	case TUI_ACT_MEETING_PREV: a->move_minute -= APP_STEP_MIN; break;
	case TUI_ACT_MEETING_NEXT: a->move_minute += APP_STEP_MIN; break;
	default: return TUI_NONE;
	}
	/* Within the days on screen and the day's half hours. */
	if (a->move_day < monday)
		a->move_day = monday;
	if (a->move_day > monday + app_days_shown(a) - 1)
		a->move_day = monday + app_days_shown(a) - 1;
	if (a->move_minute < 0)
		a->move_minute = 0;
	if (a->move_minute > APP_LAST_START)
		a->move_minute = APP_LAST_START;
	if (app_draft_build(a) != 0) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	app_select_index(a, app_find(a, a->move_id));
	char when[64];
	app_when(core_local_to_epoch(a->move_day, a->move_minute), when, sizeof when);
	app_say(a, 0, "moving to %s: Enter done, Esc cancel", when);
	return TUI_REDRAW;
}

static int app_ev_form(struct app *a, const struct tui_event *ev)
{
	int flags = tui_form_event(a->form, ev);
	if (!(flags & TUI_CLOSE))
		return flags | TUI_REDRAW;
	int64_t saved = tui_form_saved_id(a->form);
	tui_form_free(a->form);
	a->form = NULL;
	a->mode = APP_WEEK;
	if (saved != 0) {
		/* Show the meeting where it now is, even in another week. */
		struct core_meeting m;
		struct core_error e = { CORE_OK, "" };
		if (db_meeting_get(a->db, saved, &m, &e) == CORE_OK) {
			int64_t days;
			int minute;
			core_local_from_epoch(m.starts_at, &days, &minute);
			a->shown = core_isoweek_of(days);
			a->want_id = saved;
			char when[64];
			app_when(m.starts_at, when, sizeof when);
			app_say(a, 0, "saved: %s %s", when, m.account);
		}
		flags |= TUI_RELOAD;
	}
	return (flags & ~TUI_CLOSE) | TUI_REDRAW;
}

static int app_ev_first_run(struct app *a, const struct tui_event *ev)
{
	struct core_error e = { CORE_OK, "" };
	if (app_is_char(ev, 27))
		return TUI_QUIT;
	if (!app_is_char(ev, '\n')) {
		if (tui_field_event(&a->name, ev) != TUI_FIELD_IGNORED)
			a->message[0] = '\0';
		return TUI_REDRAW;
	}
	char name[CORE_NAME_MAX];
	tui_field_get(&a->name, name, sizeof name);
	char *s = name;
	while (*s == ' ')
		s++;
	size_t len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	if (*s == '\0') {
		app_say(a, 1, "type your name first");
		return TUI_REDRAW;
	}
	int64_t id;
	if (db_seller_insert(a->db, s, &id, &e) != CORE_OK) {
		app_say(a, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	a->seller.id = id;
	core_utf8_copy(a->seller.name, sizeof a->seller.name, s);
	a->mode = APP_WEEK;
	app_say(a, 0, "welcome, %s: a plans your first meeting", s);
	return TUI_RELOAD;
}

static int app_event(struct app *a, const struct tui_event *ev)
{
	struct tui_canvas *c = &a->canvas;
	int flags = TUI_NONE;
	if (ev->kind == TUI_EV_TICK) {
		if (a->mode != APP_FIRST_RUN) {
			int ch = db_changed(a->db);
			if (ch == 1)
				flags |= TUI_RELOAD;
			else if (ch < 0 && !a->message_error)
				app_say(a, 1, "cannot check the database for changes");
		}
		if (a->mode == APP_FORM)
			flags |= app_ev_form(a, ev) & ~TUI_REDRAW;
		return flags;
	}
	if (ev->kind == TUI_EV_KEY && ev->key == KEY_RESIZE) {
		int h, w;
		tui_term_size(&a->term, &h, &w);
		if (tui_canvas_resize(c, h, w) != 0) {
			a->fatal = CORE_ERR_NOMEM;
			return TUI_QUIT;
		}
		return TUI_REDRAW;
	}
	/* Keys typed blind into a screen too small to show are dropped. */
	if (c->h < APP_MIN_H || c->w < APP_MIN_W)
		return a->mode == APP_WEEK && app_is_char(ev, 'q') ? TUI_QUIT : TUI_NONE;
	switch (a->mode) {
	case APP_FIRST_RUN: return app_ev_first_run(a, ev);
	case APP_FORM: return app_ev_form(a, ev);
	case APP_HELP:
		a->mode = APP_WEEK;
		return TUI_REDRAW;
	case APP_CONFIRM: return app_ev_confirm(a, ev);
	case APP_MOVE: return app_ev_move(a, ev);
	case APP_WEEK: break;
	}
	a->message[0] = '\0';
	a->message_error = 0;
	a->describe = 0;
	if (app_is_char(ev, 27))
		return TUI_REDRAW; /* Esc: back to the key line */
	if (ev->kind == TUI_EV_MOUSE) {
		a->describe = 1;
		size_t n;
		app_meetings(a, &n);
		int id = tui_canvas_hit_at(c, ev->y, ev->x);
		if (id >= 0 && (size_t)id < n)
			app_select_index(a, id);
		return TUI_REDRAW;
	}
	enum tui_action act = tui_keys_lookup(ev);
	if (act == TUI_ACT_NONE) {
		char name[32];
		struct tui_key k = { ev->kind == TUI_EV_KEY, ev->kind == TUI_EV_KEY ?
		                     ev->key : (int)ev->ch };
		tui_key_name(k, a->ascii, name, sizeof name);
		app_say(a, 0, "%s does nothing here; ? lists the keys", name);
		return TUI_REDRAW;
	}
	return app_action(a, act);
}

/* ---- set-up and the loop ---- */

static void app_gecos_name(char *buf, size_t n)
{
	const struct passwd *pw = getpwuid(getuid());
	buf[0] = '\0';
	if (pw == NULL || pw->pw_gecos == NULL)
		return;
	/* GECOS: "Full Name,room,phone,...". */
	size_t len = strcspn(pw->pw_gecos, ",");
	if (len >= n)
		len = n - 1;
	memcpy(buf, pw->pw_gecos, len);
	buf[len] = '\0';
}

static enum core_status app_loop(struct app *a, struct core_error *err)
{
	app_draw(a);
	while (!app_signal) {
		struct tui_event ev;
		tui_term_read(&a->term, &ev);
		if (app_signal)
			break;
		int flags = app_event(a, &ev);
		if (a->fatal != CORE_OK)
			return core_error_set(err, a->fatal, "out of memory");
		if (flags & TUI_QUIT)
			break;
		if (flags & TUI_RELOAD)
			app_reload(a);
		if (a->fatal != CORE_OK)
			return core_error_set(err, a->fatal, "out of memory");
		if (flags & (TUI_REDRAW | TUI_RELOAD))
			app_draw(a);
	}
	return CORE_OK;
}

static enum core_status app_start(struct app *a, const struct tui_app_opts *o,
                                  struct core_error *err)
{
	enum core_status st;
	if (o->seller != NULL && o->seller[0] != '\0')
		st = db_seller_find(a->db, o->seller, &a->seller, err);
	else
		st = db_seller_default(a->db, &a->seller, err);
	if (st == CORE_ERR_NOTFOUND && (o->seller == NULL || o->seller[0] == '\0')) {
		core_error_clear(err);
		a->mode = APP_FIRST_RUN;
		char gecos[CORE_NAME_MAX];
		app_gecos_name(gecos, sizeof gecos);
		if (tui_field_init(&a->name, CORE_NAME_MAX, 58) != 0 ||
		    tui_field_set(&a->name, gecos) != 0)
			return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	} else if (st != CORE_OK) {
		return st;
	}
	st = db_matrix_get(a->db, &a->matrix, NULL, err);
	if (st != CORE_OK)
		return st;
	st = tui_term_open(&a->term, a->ascii, APP_TICK_MS, err);
	if (st != CORE_OK)
		return st;
	int h, w;
	tui_term_size(&a->term, &h, &w);
	if (tui_canvas_init(&a->canvas, h, w, a->ascii) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	/* The first call only records the version; later ones compare. */
	db_changed(a->db);
	if (a->mode != APP_FIRST_RUN)
		app_reload(a);
	if (a->ascii)
		app_say(a, 0, "locale is not UTF-8: ASCII drawing");
	return a->fatal;
}

enum core_status tui_app_run(struct db *db, const struct tui_app_opts *o,
                             struct core_error *err)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	struct sigaction old[3];
	struct sigaction sa;
	struct app *a = calloc(1, sizeof *a);
	if (a == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	a->db = db;
	a->today = o->today;
	a->ascii = o->ascii;
	a->mode = APP_WEEK;
	a->shown = core_isoweek_of(o->today);
	a->day = core_weekday(o->today) - 1;
	a->show_weekend = a->day >= 5;
	a->selected = -1;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = app_on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocked read returns and the loop sees the flag. */
	app_signal = 0;
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);

	enum core_status st = app_start(a, o, err);
	if (st == CORE_OK)
		st = app_loop(a, err);

	tui_term_close(&a->term);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	if (a->form != NULL)
		tui_form_free(a->form);
	if (a->name.buf != NULL)
		tui_field_free(&a->name);
	tui_canvas_free(&a->canvas);
	core_meeting_list_free(&a->draft);
	db_week_free(&a->week);
	free(a);
	return st;
}
