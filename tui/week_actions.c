/* What the week screen's keys do: the cursor (a day, and the meeting on it
 * if any), the actions of the key table, and the two modes that take over
 * the status line: moving a meeting (the week redrawn from a draft as it
 * goes, one write on Enter) and the y/n before cancelling.  Handlers change
 * the state in struct tui_app and return repaint flags; tui/app.c reloads
 * and draws. */
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/xdg.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "tui/app_priv.h"
#include "tui/canvas.h"
#include "tui/form.h"
#include "tui/keys.h"

/* Moves go by half an hour; a new meeting goes in the first free half
 * hour from the start of the working day. */
#define WEEK_STEP_MIN 30
#define WEEK_DAY_START (9 * 60)
#define WEEK_LAST_START (24 * 60 - WEEK_STEP_MIN)

/* ---- the cursor ---- */

const struct core_meeting *tui_week_meetings(const struct tui_app *a, size_t *n)
{
	if (a->mode == APP_MOVE) {
		*n = a->draft.n;
		return a->draft.items;
	}
	*n = a->week.meetings.n;
	return a->week.meetings.items;
}

const struct core_meeting *tui_week_current(const struct tui_app *a)
{
	size_t n;
	const struct core_meeting *m = tui_week_meetings(a, &n);
	if (a->selected < 0 || (size_t)a->selected >= n)
		return NULL;
	return &m[a->selected];
}

static int week_days_shown(const struct tui_app *a)
{
	return a->show_weekend ? 7 : 5;
}

/* A meeting's day in the shown week (0 = Monday) and minute of the day. */
static int week_meeting_day(const struct tui_app *a, const struct core_meeting *m,
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
static void week_select_on_day(struct tui_app *a, int minute)
{
	size_t n;
	const struct core_meeting *m = tui_week_meetings(a, &n);
	int best = -1, best_d = 0;
	for (size_t i = 0; i < n; i++) {
		int min;
		if (week_meeting_day(a, &m[i], &min) != a->day)
			continue;
		int d = minute < 0 ? 0 : abs(min - minute);
		if (best < 0 || d < best_d) {
			best = (int)i;
			best_d = d;
		}
	}
	a->selected = best;
}

static void week_select_index(struct tui_app *a, int i)
{
	size_t n;
	const struct core_meeting *m = tui_week_meetings(a, &n);
	if (i < 0 || (size_t)i >= n) {
		a->selected = -1;
		return;
	}
	a->selected = i;
	int day = week_meeting_day(a, &m[i], NULL);
	if (day >= 0 && day < 7)
		a->day = day;
	if (a->day >= 5)
		a->show_weekend = 1;
}

static int week_find_in(const struct core_meeting *m, size_t n, int64_t id)
{
	for (size_t i = 0; id != 0 && i < n; i++)
		if (m[i].id == id)
			return (int)i;
	return -1;
}

static int week_find(const struct tui_app *a, int64_t id)
{
	size_t n;
	const struct core_meeting *m = tui_week_meetings(a, &n);
	return week_find_in(m, n, id);
}

static int week_by_start(const void *pa, const void *pb)
{
	const struct core_meeting *x = pa, *y = pb;
	if (x->starts_at != y->starts_at)
		return x->starts_at < y->starts_at ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The week as it would be with the moving meeting at its new time. */
static int week_draft_build(struct tui_app *a)
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
	qsort(a->draft.items, a->draft.n, sizeof *a->draft.items, week_by_start);
	return 0;
}

void tui_week_spot_save(struct tui_app *a, struct tui_week_spot *s)
{
	const struct core_meeting *cur = tui_week_current(a);
	s->id = a->want_id ? a->want_id : cur ? cur->id : 0;
	s->minute = -1;
	if (cur != NULL)
		week_meeting_day(a, cur, &s->minute);
	a->want_id = 0;
}

int tui_week_spot_restore(struct tui_app *a, const struct tui_week_spot *s)
{
	if (a->mode == APP_MOVE) {
		/* Look in the week just loaded: the draft is the old one. */
		if (week_find_in(a->week.meetings.items, a->week.meetings.n,
		                 a->move_id) < 0) {
			a->mode = APP_WEEK;
			tui_app_say(a, 1, "the meeting was changed elsewhere; move cancelled");
		} else if (week_draft_build(a) != 0) {
			return -1;
		}
	}
	int i = week_find(a, s->id);
	if (i >= 0)
		week_select_index(a, i);
	else
		week_select_on_day(a, s->minute);
	return 0;
}

/* ---- actions ---- */

static int week_need_meeting(struct tui_app *a)
{
	if (tui_week_current(a) != NULL)
		return 1;
	tui_app_say(a, 1, "no meeting selected: choose one with ↑↓, or a to plan one");
	return 0;
}

static int week_go(struct tui_app *a, struct core_isoweek w)
{
	a->shown = w;
	a->selected = -1;
	return TUI_RELOAD;
}

static int week_act_day(struct tui_app *a, int delta)
{
	int minute = -1;
	const struct core_meeting *cur = tui_week_current(a);
	if (cur != NULL)
		week_meeting_day(a, cur, &minute);
	int day = a->day + delta;
	if (day < 0 || day >= week_days_shown(a)) {
		/* Off the edge of the week: on into the next one, calcurse-like. */
		a->day = day < 0 ? week_days_shown(a) - 1 : 0;
		return week_go(a, core_isoweek_add(a->shown, day < 0 ? -1 : 1));
	}
	a->day = day;
	week_select_on_day(a, minute);
	return TUI_REDRAW;
}

static int week_act_meeting(struct tui_app *a, int delta)
{
	size_t n;
	const struct core_meeting *m = tui_week_meetings(a, &n);
	int i = a->selected;
	if (n == 0) {
		tui_app_say(a, 0, "no meetings this week: a plans one");
		return TUI_REDRAW;
	}
	if (i < 0) {
		/* From an empty day: the first meeting after it, or the last
		 * before it. */
		i = delta > 0 ? (int)n - 1 : 0;
		for (size_t k = 0; k < n; k++) {
			int d = week_meeting_day(a, &m[k], NULL);
			if (delta > 0 && d > a->day) { i = (int)k; break; }
			if (delta < 0 && d < a->day) i = (int)k;
		}
	} else {
		i += delta;
	}
	if (i < 0 || (size_t)i >= n) {
		tui_app_say(a, 0, delta > 0 ? "the last meeting of the week" :
		                              "the first meeting of the week");
		return TUI_REDRAW;
	}
	week_select_index(a, i);
	return TUI_REDRAW;
}

static int week_half_hour_up(int minute)
{
	return (minute + WEEK_STEP_MIN - 1) / WEEK_STEP_MIN * WEEK_STEP_MIN;
}

/* The first free half hour on the cursor's day: after the selected meeting,
 * else from 09:00, past every meeting it would overlap.  One pass: the
 * meetings come by start, so none passed over can overlap a later slot. */
static int week_free_slot(const struct tui_app *a)
{
	size_t n;
	const struct core_meeting *m = tui_week_meetings(a, &n);
	const struct core_meeting *cur = tui_week_current(a);
	int start = WEEK_DAY_START;
	int min;
	if (cur != NULL && week_meeting_day(a, cur, &min) == a->day)
		start = min + cur->duration_min;
	start = week_half_hour_up(start);
	for (size_t i = 0; i < n; i++) {
		if (m[i].status == CORE_MS_CANCELLED ||
		    week_meeting_day(a, &m[i], &min) != a->day)
			continue;
		if (min < start + WEEK_STEP_MIN && start < min + m[i].duration_min)
			start = week_half_hour_up(min + m[i].duration_min);
	}
	return start > WEEK_LAST_START ? WEEK_LAST_START : start;
}

static int week_open_form(struct tui_app *a, const struct core_meeting *m)
{
	a->form = tui_form_open(a->db, &a->matrix, m, a->today, a->ascii);
	if (a->form == NULL) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	a->mode = APP_FORM;
	return TUI_REDRAW;
}

static int week_act_add(struct tui_app *a)
{
	struct core_meeting t;
	memset(&t, 0, sizeof t);
	t.seller_id = a->seller.id;
	t.starts_at = core_local_to_epoch(a->week.monday + a->day, week_free_slot(a));
	return week_open_form(a, &t);
}

static int week_act_edit(struct tui_app *a)
{
	if (!week_need_meeting(a))
		return TUI_REDRAW;
	return week_open_form(a, tui_week_current(a));
}

static int week_act_move(struct tui_app *a)
{
	if (!week_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = tui_week_current(a);
	if (m->status == CORE_MS_CANCELLED) {
		tui_app_say(a, 1, "a cancelled meeting cannot be moved (x restores it)");
		return TUI_REDRAW;
	}
	a->move_id = m->id;
	core_local_from_epoch(m->starts_at, &a->move_day, &a->move_minute);
	a->mode = APP_MOVE;
	if (week_draft_build(a) != 0) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	week_select_index(a, week_find(a, a->move_id));
	tui_app_say(a, 0, "%s", a->ascii ? "moving: h/l day  k/j 30 min  Enter done  Esc cancel"
	                                 : "moving: ←→ day ↑↓ 30 min Enter done Esc cancel");
	return TUI_REDRAW;
}

static int week_act_held(struct tui_app *a)
{
	struct core_error e = { CORE_OK, "" };
	if (!week_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = tui_week_current(a);
	enum core_mstatus to = m->status == CORE_MS_HELD ? CORE_MS_PLANNED : CORE_MS_HELD;
	char when[64];
	tui_app_when(m->starts_at, when, sizeof when);
	if (db_meeting_set_status(a->db, m->id, to, &e) != CORE_OK) {
		tui_app_say(a, 1, "%s", e.msg);
		return TUI_RELOAD;
	}
	tui_app_say(a, 0, "%s: %s %s", to == CORE_MS_HELD ? "held" : "planned again",
	            when, m->account);
	return TUI_RELOAD;
}

static int week_act_cancel(struct tui_app *a)
{
	if (!week_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = tui_week_current(a);
	char when[64];
	tui_app_when(m->starts_at, when, sizeof when);
	tui_app_say(a, 0, "%s %s %s? y/n",
	            m->status == CORE_MS_CANCELLED ? "Restore the cancelled meeting"
	                                           : "Cancel the meeting",
	            when, m->account);
	a->mode = APP_CONFIRM;
	return TUI_REDRAW;
}

static int week_act_seller(struct tui_app *a)
{
	struct core_error e = { CORE_OK, "" };
	struct db_seller *list = NULL;
	size_t n = 0;
	if (db_seller_list(a->db, &list, &n, &e) != CORE_OK) {
		tui_app_say(a, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	size_t next = 0;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == a->seller.id)
			next = (i + 1) % n;
	int flags = TUI_REDRAW;
	if (n <= 1) {
		tui_app_say(a, 0, "%s is the only seller", a->seller.name);
	} else {
		a->seller = list[next];
		tui_app_say(a, 0, "seller: %s (%zu of %zu)", a->seller.name, next + 1, n);
		flags = week_go(a, a->shown);
	}
	free(list);
	return flags;
}

/* The follow-ups screen takes over until it closes (tui/app.c). */
static int week_act_followups(struct tui_app *a)
{
	a->followups = tui_followups_open(a->db, a->seller.id, a->seller.name,
	                                  a->today, a->ascii, a->readonly);
	if (a->followups == NULL) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	a->mode = APP_FOLLOWUPS;
	return TUI_REDRAW;
}

/* Whose file the meeting's screens show read-only (the manager's drill),
 * or NULL: the seller's own, writable. */
static const char *week_readonly(const struct tui_app *a)
{
	return a->readonly ? a->seller.name : NULL;
}

/* A meeting's own screen opened with status st: it takes over (mode),
 * or the week says why not; out of memory ends the program. */
static int week_screen_opened(struct tui_app *a, enum core_status st,
                              const struct core_error *e, enum tui_app_mode mode)
{
	if (st == CORE_ERR_NOMEM) {
		a->fatal = st;
		return TUI_QUIT;
	}
	if (st != CORE_OK) {
		tui_app_say(a, 1, "%s", e->msg);
		return TUI_RELOAD;
	}
	a->mode = mode;
	return TUI_REDRAW;
}

/* The minutes screen takes over until it closes (tui/app.c). */
static int week_act_minutes(struct tui_app *a)
{
	struct core_error e = { CORE_OK, "" };
	if (!week_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = tui_week_current(a);
	enum core_status st = tui_minutes_open(a->db, m, tui_app_type_label(a, m->type),
	                                       a->today, a->ascii, week_readonly(a),
	                                       &a->minutes, &e);
	return week_screen_opened(a, st, &e, APP_MINUTES);
}

/* The preparation screen takes over until it closes (tui/app.c). */
static int week_act_prep(struct tui_app *a)
{
	struct core_error e = { CORE_OK, "" };
	if (!week_need_meeting(a))
		return TUI_REDRAW;
	const struct core_meeting *m = tui_week_current(a);
	enum core_status st = tui_prep_open(a->db, m, tui_app_type_label(a, m->type),
	                                    a->ascii, week_readonly(a), &a->prep, &e);
	return week_screen_opened(a, st, &e, APP_PREP);
}

/* The export dialog, over the week until it closes (tui/app.c): the week
 * and the seller shown are its "this week" and "only mine". */
static int week_act_export(struct tui_app *a)
{
	char config[4096];
	core_config_dir(config, sizeof config);
	struct tui_export_opts o = {
		.seller_id = a->seller.id, .seller_name = a->seller.name, .week = a->shown,
		.today = a->today, .config_dir = config, .ascii = a->ascii,
	};
	a->export = tui_export_open(a->db, &o);
	if (a->export == NULL) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	a->mode = APP_EXPORT;
	return TUI_REDRAW;
}

/* The account screen takes over until it closes (tui/app.c). */
static int week_act_account(struct tui_app *a)
{
	const struct core_meeting *m = tui_week_current(a);
	if (m == NULL) {
		tui_app_say(a, 0, "no meeting selected: A opens its account");
		return TUI_REDRAW;
	}
	a->account = tui_account_open(a->db, a->seller.id, m->account_id, a->today,
	                              &a->matrix, a->ascii, week_readonly(a));
	if (a->account == NULL) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	a->mode = APP_ACCOUNT;
	return TUI_REDRAW;
}

/* The actions that write to the database.  The screens that can write
 * (minutes, preparation, follow-ups, the account) open read-only instead
 * and refuse their own writing keys; export writes a file, not the
 * database. */
static int week_act_writes(enum tui_action act)
{
	switch (act) {
	case TUI_ACT_ADD:
	case TUI_ACT_EDIT:
	case TUI_ACT_MOVE:
	case TUI_ACT_HELD:
	case TUI_ACT_CANCEL:
		return 1;
	default:
		return 0;
	}
}

static int week_action(struct tui_app *a, enum tui_action act)
{
	/* Refused before any db call: the file is open read-only anyway, but
	 * the reviewer should hear why, not read SQLite's error. */
	if (a->readonly && week_act_writes(act)) {
		a->describe = 0;
		tui_app_say(a, 1, "read-only: %s's week", a->seller.name);
		return TUI_REDRAW;
	}
	/* After moving around, the status line says what is selected in full:
	 * a week cell has room for only part of it. */
	a->describe = act >= TUI_ACT_DAY_PREV && act <= TUI_ACT_TODAY;
	switch (act) {
	case TUI_ACT_ADD: return week_act_add(a);
	case TUI_ACT_EDIT: return week_act_edit(a);
	case TUI_ACT_MOVE: return week_act_move(a);
	case TUI_ACT_HELD: return week_act_held(a);
	case TUI_ACT_CANCEL: return week_act_cancel(a);
	case TUI_ACT_MINUTES: return week_act_minutes(a);
	case TUI_ACT_DAY_PREV: return week_act_day(a, -1);
	case TUI_ACT_DAY_NEXT: return week_act_day(a, 1);
	case TUI_ACT_MEETING_PREV: return week_act_meeting(a, -1);
	case TUI_ACT_MEETING_NEXT: return week_act_meeting(a, 1);
	case TUI_ACT_WEEK_PREV: return week_go(a, core_isoweek_add(a->shown, -1));
	case TUI_ACT_WEEK_NEXT: return week_go(a, core_isoweek_add(a->shown, 1));
	case TUI_ACT_TODAY:
		a->day = core_weekday(a->today) - 1;
		if (a->day >= week_days_shown(a))
			a->show_weekend = 1;
		return week_go(a, core_isoweek_of(a->today));
	case TUI_ACT_WEEKEND:
		a->show_weekend = !a->show_weekend;
		if (a->day >= week_days_shown(a)) {
			a->day = week_days_shown(a) - 1;
			week_select_on_day(a, -1);
		}
		return TUI_REDRAW;
	case TUI_ACT_SELLER: return week_act_seller(a);
	case TUI_ACT_EXPORT: return week_act_export(a);
	case TUI_ACT_HELP:
		a->mode = APP_HELP;
		return TUI_REDRAW;
	case TUI_ACT_REDRAW:
		a->force = 1;
		return TUI_REDRAW;
	case TUI_ACT_QUIT: return TUI_QUIT;
	case TUI_ACT_FOLLOWUPS: return week_act_followups(a);
	case TUI_ACT_ACCOUNT: return week_act_account(a);
	case TUI_ACT_PREP: return week_act_prep(a);
	case TUI_ACT_NONE:
	case TUI_ACT_COUNT: break;
	}
	return TUI_NONE;
}

/* ---- the modes ---- */

/* Any key but y answers no: a stray key never cancels a meeting. */
static int week_ev_confirm(struct tui_app *a, const struct tui_event *ev)
{
	struct core_error e = { CORE_OK, "" };
	const struct core_meeting *m = tui_week_current(a);
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	if (m == NULL || tui_ev_answer(ev) != TUI_ANSWER_YES) {
		tui_app_say(a, 0, "nothing changed");
		return TUI_REDRAW;
	}
	enum core_mstatus to = m->status == CORE_MS_CANCELLED ? CORE_MS_PLANNED
	                                                      : CORE_MS_CANCELLED;
	char when[64];
	tui_app_when(m->starts_at, when, sizeof when);
	if (db_meeting_set_status(a->db, m->id, to, &e) != CORE_OK)
		tui_app_say(a, 1, "%s", e.msg);
	else
		tui_app_say(a, 0, "%s: %s %s",
		            to == CORE_MS_CANCELLED ? "cancelled" : "restored", when,
		            m->account);
	return TUI_RELOAD;
}

static int week_ev_move(struct tui_app *a, const struct tui_event *ev)
{
	struct core_error e = { CORE_OK, "" };
	int64_t monday = a->week.monday;
	if (tui_ev_char(ev, 27) || tui_ev_char(ev, 'q')) {
		a->mode = APP_WEEK;
		week_select_index(a, week_find(a, a->move_id));
		tui_app_say(a, 0, "move cancelled");
		return TUI_REDRAW;
	}
	if (tui_ev_char(ev, '\n')) {
		char when[64];
		int64_t at = core_local_to_epoch(a->move_day, a->move_minute);
		a->mode = APP_WEEK;
		a->want_id = a->move_id;
		tui_app_when(at, when, sizeof when);
		if (db_meeting_move(a->db, a->move_id, at, &e) != CORE_OK)
			tui_app_say(a, 1, "%s", e.msg);
		else
			tui_app_say(a, 0, "moved to %s", when);
		return TUI_RELOAD;
	}
	switch (tui_keys_lookup(ev)) {
	case TUI_ACT_DAY_PREV: a->move_day--; break;
	case TUI_ACT_DAY_NEXT: a->move_day++; break;
	case TUI_ACT_MEETING_PREV: a->move_minute -= WEEK_STEP_MIN; break;
	case TUI_ACT_MEETING_NEXT: a->move_minute += WEEK_STEP_MIN; break;
	default: return TUI_NONE;
	}
	/* Within the days on screen and the day's half hours. */
	if (a->move_day < monday)
		a->move_day = monday;
	if (a->move_day > monday + week_days_shown(a) - 1)
		a->move_day = monday + week_days_shown(a) - 1;
	if (a->move_minute < 0)
		a->move_minute = 0;
	if (a->move_minute > WEEK_LAST_START)
		a->move_minute = WEEK_LAST_START;
	if (week_draft_build(a) != 0) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	week_select_index(a, week_find(a, a->move_id));
	char when[64];
	tui_app_when(core_local_to_epoch(a->move_day, a->move_minute), when, sizeof when);
	tui_app_say(a, 0, "moving to %s: Enter done, Esc cancel", when);
	return TUI_REDRAW;
}

int tui_week_event(struct tui_app *a, const struct tui_event *ev)
{
	if (a->mode == APP_CONFIRM)
		return week_ev_confirm(a, ev);
	if (a->mode == APP_MOVE)
		return week_ev_move(a, ev);
	a->message[0] = '\0';
	a->message_error = 0;
	a->describe = 0;
	/* Esc: back to the key line, or from a drill back to the review. */
	if (tui_ev_char(ev, 27))
		return a->readonly ? TUI_QUIT : TUI_REDRAW;
	if (ev->kind == TUI_EV_MOUSE) {
		a->describe = 1;
		size_t n;
		tui_week_meetings(a, &n);
		int id = tui_canvas_hit_at(&a->canvas, ev->y, ev->x);
		if (id >= 0 && (size_t)id < n)
			week_select_index(a, id);
		return TUI_REDRAW;
	}
	enum tui_action act = tui_keys_lookup(ev);
	if (act == TUI_ACT_NONE) {
		char name[32];
		struct tui_key k = { ev->kind == TUI_EV_KEY, ev->kind == TUI_EV_KEY ?
		                     ev->key : (int)ev->ch };
		tui_key_name(k, a->ascii, name, sizeof name);
		tui_app_say(a, 0, "%s does nothing here; ? lists the keys", name);
		return TUI_REDRAW;
	}
	return week_action(a, act);
}
