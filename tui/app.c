/* The interactive program.  One loop: read an event, hand it to the open
 * dialog or to the week screen (tui/week_actions.c), and act on the repaint
 * flags that come back.  Only the loop reloads from the database and only
 * the loop draws (into a canvas, then onto the terminal), so every screen is
 * drawn the same way whatever changed it: a key, a resize, or another
 * process committing to the database. */
#include <curses.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/presence.h"
#include "db/actions.h"
#include "db/handover.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "db/settings.h"
#include "db/team.h"
#include "db/week.h"
#include "tui/app.h"
#include "tui/app_priv.h"
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
/* How often the tick looks for the manager's review. */
#define APP_PRESENCE_MS 1000

/* Set from the signal handler; the loop polls it (no curses calls in a
 * handler). */
static volatile sig_atomic_t app_signal;

static void app_on_signal(int sig)
{
	app_signal = sig;
}

void tui_app_say(struct tui_app *a, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_error = is_error;
}

static void app_reload(struct tui_app *a)
{
	struct core_error e = { CORE_OK, "" };
	struct tui_week_spot spot;
	tui_week_spot_save(a, &spot);
	/* The open form points at the matrix: never change it under it. */
	if (a->form == NULL) {
		struct core_matrix mx;
		if (db_matrix_get(a->db, &mx, NULL, &e) == CORE_OK)
			a->matrix = mx;
		else
			tui_app_say(a, 1, "%s", e.msg);
	}
	if (db_week_load(a->db, a->seller.id, a->shown, &a->week, &e) != CORE_OK) {
		tui_app_say(a, 1, "%s", e.msg);
		/* Nothing half-loaded on screen: an empty week, said why. */
		a->week.meetings.n = 0;
		memset(&a->week.tally, 0, sizeof a->week.tally);
	}
	/* Overdue counts against today, whatever week is shown. */
	if (db_action_overdue_count(a->db, a->seller.id, a->today, &a->overdue,
	                            &e) != CORE_OK)
		tui_app_say(a, 1, "%s", e.msg);
	if (tui_week_spot_restore(a, &spot) != 0)
		a->fatal = CORE_ERR_NOMEM;
	if (a->followups != NULL && tui_followups_reload(a->followups) != 0)
		a->fatal = CORE_ERR_NOMEM;
	if (a->account != NULL && tui_account_reload(a->account) != 0)
		a->fatal = CORE_ERR_NOMEM;
	if (a->export != NULL)
		tui_export_reload(a->export);
}

/* ---- what the status line says ---- */

static void app_hhmm(int minute, char *buf, size_t n)
{
	snprintf(buf, n, "%02d:%02d", minute / 60, minute % 60);
}

const char *tui_app_type_label(const struct tui_app *a, const char *key)
{
	int t = core_matrix_find(&a->matrix, key);
	return t >= 0 ? a->matrix.types[t].label : key;
}

/* "Tue 24 Nov 09:00" */
void tui_app_when(int64_t epoch, char *buf, size_t n)
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
static void app_describe(struct tui_app *a, char *buf, size_t n)
{
	const struct core_meeting *m = tui_week_current(a);
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
	tui_app_when(m->starts_at, when, sizeof when);
	core_local_from_epoch(m->starts_at + (int64_t)m->duration_min * 60, &days,
	                      &minute);
	app_hhmm(minute, end, sizeof end);
	/* The long type label last: it is what a narrow screen cuts. */
	snprintf(buf, n, "%s–%s  %s · %s · %s · %s · %s", when, end, m->account,
	         core_battlefield_label(m->battlefield), core_form_label(m->form),
	         core_mstatus_key(m->status), tui_app_type_label(a, m->type));
}

/* ---- drawing ---- */

static void app_draw_week(struct tui_app *a)
{
	struct tui_week_model wm;
	size_t n;
	memset(&wm, 0, sizeof wm);
	wm.week = a->shown;
	wm.today = a->today;
	if (a->readonly) {
		/* Whoever drilled in must see that nothing here can change. */
		char title[sizeof wm.seller + 16];
		snprintf(title, sizeof title, "%s · read-only", a->seller.name);
		core_utf8_copy(wm.seller, sizeof wm.seller, title);
	} else {
		core_utf8_copy(wm.seller, sizeof wm.seller, a->seller.name);
	}
	wm.meetings = tui_week_meetings(a, &n);
	wm.n_meetings = n;
	wm.matrix = &a->matrix;
	wm.tally = a->week.tally;
	wm.overdue = (int)a->overdue;
	/* Too much Delivery this week (the 4D model) is one of the title's
	 * warnings. */
	wm.warnings += core_fourd_check(&wm.tally, a->week.delivery_share_warn,
	                                &wm.fourd);
	wm.show_weekend = a->show_weekend;
	wm.selected = a->selected;
	wm.cursor_day = a->day + 1;
	wm.monochrome = tui_term_monochrome(&a->term);
	/* Moving and confirming always have their message up. */
	/* The review is never covert: its notice keeps the status line's
	 * right end, and the key hints give way to it. */
	int notice = a->reviewed[0] != '\0' ? tui_text_width(a->reviewed) + 2 : 0;
	tui_keys_hint_line(a->ascii, a->canvas.w - 2 - notice, a->keys_line,
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
	if (notice > 0 && notice < a->canvas.w) {
		int y = a->canvas.h - 1, x = a->canvas.w - notice;
		tui_canvas_fill(&a->canvas, y, x, 1, notice, L' ', TUI_ROLE_WARNING);
		tui_canvas_text(&a->canvas, y, x + 1, notice - 2, TUI_ROLE_WARNING,
		                a->reviewed);
	}
}

static void app_draw(struct tui_app *a)
{
	struct tui_canvas *c = &a->canvas;
	if (c->h < APP_MIN_H || c->w < APP_MIN_W)
		tui_help_draw_small(c, APP_MIN_H, APP_MIN_W);
	else if (a->mode == APP_FIRST_RUN)
		tui_help_draw_welcome(c, &a->name, a->message[0] ? a->message : NULL,
		                      a->message_error);
	else if (a->mode == APP_HELP)
		tui_help_draw(c);
	else if (a->mode == APP_FOLLOWUPS && a->followups != NULL)
		tui_followups_draw(a->followups, c);
	else if (a->mode == APP_ACCOUNT && a->account != NULL)
		tui_account_draw(a->account, c);
	else if (a->mode == APP_MINUTES && a->minutes != NULL)
		tui_minutes_draw(a->minutes, c);
	else if (a->mode == APP_PREP && a->prep != NULL)
		tui_prep_draw(a->prep, c);
	else {
		app_draw_week(a);
		if (a->mode == APP_FORM && a->form != NULL)
			tui_form_draw(a->form, c);
		else if (a->mode == APP_EXPORT && a->export != NULL)
			tui_export_draw(a->export, c);
	}
	tui_term_blit(&a->term, c, a->force);
	a->force = 0;
}

/* ---- the form, the follow-ups and the first-run screen ---- */

/* Shows the meeting where it now is, even in another week: its week is
 * loaded with it selected at the next reload.  Returns 0, or -1 when it
 * cannot be read (*m is then untouched). */
static int app_show_meeting(struct tui_app *a, int64_t id, struct core_meeting *m)
{
	struct core_error e = { CORE_OK, "" };
	if (db_meeting_get(a->db, id, m, &e) != CORE_OK)
		return -1;
	int64_t days;
	int minute;
	core_local_from_epoch(m->starts_at, &days, &minute);
	a->shown = core_isoweek_of(days);
	a->want_id = id;
	return 0;
}

static int app_ev_form(struct tui_app *a, const struct tui_event *ev)
{
	int flags = tui_form_event(a->form, ev);
	if (!(flags & TUI_CLOSE))
		return flags | TUI_REDRAW;
	int64_t saved = tui_form_saved_id(a->form);
	tui_form_free(a->form);
	a->form = NULL;
	a->mode = APP_WEEK;
	if (saved != 0) {
		struct core_meeting m;
		if (app_show_meeting(a, saved, &m) == 0) {
			char when[64];
			tui_app_when(m.starts_at, when, sizeof when);
			tui_app_say(a, 0, "saved: %s %s", when, m.account);
		}
		flags |= TUI_RELOAD;
	}
	return (flags & ~TUI_CLOSE) | TUI_REDRAW;
}

/* Back to the week, at the meeting an action came from when Enter chose
 * one; the reload brings the overdue count up to date either way. */
static int app_ev_followups(struct tui_app *a, const struct tui_event *ev)
{
	int flags = tui_followups_event(a->followups, ev);
	if (flags & TUI_QUIT) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	if (!(flags & TUI_CLOSE))
		return flags;
	int64_t meeting = tui_followups_jump(a->followups);
	tui_followups_free(a->followups);
	a->followups = NULL;
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	if (meeting != 0) {
		struct core_meeting m;
		if (app_show_meeting(a, meeting, &m) == 0)
			a->describe = 1; /* the status line names it in full */
		else
			tui_app_say(a, 1, "the meeting of that action is gone");
	}
	return TUI_RELOAD;
}

/* Back to the week, where it was; the reload brings it up to date. */
static int app_ev_account(struct tui_app *a, const struct tui_event *ev)
{
	int flags = tui_account_event(a->account, ev);
	if (!(flags & TUI_CLOSE))
		return flags;
	tui_account_free(a->account);
	a->account = NULL;
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	return TUI_RELOAD;
}

/* Back to the week after the minutes; the reload shows what a save did
 * (the meeting held). */
static int app_ev_minutes(struct tui_app *a, const struct tui_event *ev)
{
	int flags = tui_minutes_event(a->minutes, ev);
	if (flags & TUI_QUIT) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	if (!(flags & TUI_CLOSE))
		return flags;
	tui_minutes_free(a->minutes);
	a->minutes = NULL;
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	return TUI_RELOAD;
}

/* Back to the week after the preparation. */
static int app_ev_prep(struct tui_app *a, const struct tui_event *ev)
{
	int flags = tui_prep_event(a->prep, ev);
	if (flags & TUI_QUIT) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	if (!(flags & TUI_CLOSE))
		return flags;
	tui_prep_free(a->prep);
	a->prep = NULL;
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	return TUI_RELOAD;
}

/* The export dialog over the week; a pending export runs on a tick too
 * (tui/export.h), so it is handed every event. */
static int app_ev_export(struct tui_app *a, const struct tui_event *ev)
{
	int flags = tui_export_event(a->export, ev);
	if (flags & TUI_QUIT) {
		a->fatal = CORE_ERR_NOMEM;
		return TUI_QUIT;
	}
	if (!(flags & TUI_CLOSE))
		return flags;
	tui_export_free(a->export);
	a->export = NULL;
	a->mode = APP_WEEK;
	a->message[0] = '\0';
	return TUI_REDRAW;
}

static int app_ev_first_run(struct tui_app *a, const struct tui_event *ev)
{
	struct core_error e = { CORE_OK, "" };
	if (tui_ev_char(ev, 27))
		return TUI_QUIT;
	if (!tui_ev_char(ev, '\n')) {
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
		tui_app_say(a, 1, "type your name first");
		return TUI_REDRAW;
	}
	int64_t id;
	if (db_seller_insert(a->db, s, &id, &e) != CORE_OK) {
		tui_app_say(a, 1, "%s", e.msg);
		return TUI_REDRAW;
	}
	a->seller.id = id;
	core_utf8_copy(a->seller.name, sizeof a->seller.name, s);
	a->mode = APP_WEEK;
	tui_app_say(a, 0, "welcome, %s: a plans your first meeting", s);
	return TUI_RELOAD;
}

/* The manager changed the team's targets, weights or matrix: the copy in
 * the seller's own file is brought up to date and the week redrawn.  The
 * copy is this process's own write, which db_changed never reports. */
static int app_team_sync(struct tui_app *a)
{
	struct core_error err = { CORE_OK, "" };
	int changed = 0;
	if (db_team_sync(a->db, a->team, &changed, &err) != CORE_OK) {
		if (!a->message_error)
			tui_app_say(a, 1, "team settings: %s", err.msg);
		return TUI_REDRAW;
	}
	if (!changed)
		return TUI_NONE;
	if (db_matrix_get(a->db, &a->matrix, NULL, &err) != CORE_OK)
		tui_app_say(a, 1, "%s", err.msg);
	else
		tui_app_say(a, 0, "the team's targets and settings changed");
	return TUI_RELOAD;
}

static int64_t app_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Who reviews the team now, at most once a second: a redraw only when
 * that changed. */
static int app_presence(struct tui_app *a)
{
	int64_t now = app_now_ms();
	if (now - a->presence_ms < APP_PRESENCE_MS)
		return TUI_NONE;
	a->presence_ms = now;
	struct core_presence p[4];
	size_t n = 0;
	char text[sizeof a->reviewed] = "";
	if (core_presence_scan(a->team_dir, (int64_t)time(NULL), p,
	                       sizeof p / sizeof p[0], &n, NULL) == CORE_OK && n > 0) {
		size_t shown = n < sizeof p / sizeof p[0] ? n : sizeof p / sizeof p[0];
		int len = snprintf(text, sizeof text, "reviewed by %s", p[0].name);
		for (size_t i = 1; i < shown && len >= 0 && (size_t)len < sizeof text; i++)
			len += snprintf(text + len, sizeof text - (size_t)len, ", %s", p[i].name);
		if (n > shown && len >= 0 && (size_t)len < sizeof text)
			snprintf(text + len, sizeof text - (size_t)len, " +%zu", n - shown);
	}
	if (strcmp(text, a->reviewed) == 0)
		return TUI_NONE;
	memcpy(a->reviewed, text, sizeof text);
	return TUI_REDRAW;
}

/* This seller's part of any account transfer the manager asked for
 * (db/handover.h), once a second: the giver's freeze and release, the
 * receiver's copy.  The other seller's process may be the one that moved,
 * so this looks rather than waits for a change in this file. */
static int app_handover(struct tui_app *a)
{
	int64_t now = app_now_ms();
	if (now - a->handover_ms < APP_PRESENCE_MS)
		return TUI_NONE;
	a->handover_ms = now;
	struct core_error err = { CORE_OK, "" };
	struct db_handover_result r;
	if (db_handover_run(a->db, a->team, a->team_dir, a->login, &r, &err) != CORE_OK) {
		if (!a->message_error)
			tui_app_say(a, 1, "account transfer: %s", err.msg);
		return TUI_REDRAW;
	}
	if (r.last[0] == '\0')
		return TUI_NONE;
	tui_app_say(a, r.refused > 0, "%s", r.last);
	return TUI_RELOAD;
}

/* The caller's presence file (the review drilled in here) stays fresh:
 * the review is still open, only its screen is elsewhere.  A failed touch
 * is the caller's to repair when it takes over again. */
static void app_touch(struct tui_app *a)
{
	int64_t now = app_now_ms();
	if (now - a->touched_ms < CORE_PRESENCE_TOUCH_S * 1000)
		return;
	a->touched_ms = now;
	core_presence_touch(a->touch, NULL);
}

static int app_event(struct tui_app *a, const struct tui_event *ev)
{
	struct tui_canvas *c = &a->canvas;
	int flags = TUI_NONE;
	if (ev->kind == TUI_EV_TICK) {
		if (a->touch != NULL)
			app_touch(a);
		if (a->mode != APP_FIRST_RUN && a->team != NULL)
			flags |= app_team_sync(a);
		if (a->team_dir != NULL)
			flags |= app_presence(a);
		if (a->mode != APP_FIRST_RUN && a->team != NULL && a->login[0] != '\0')
			flags |= app_handover(a);
		if (a->mode != APP_FIRST_RUN) {
			int ch = db_changed(a->db);
			if (ch == 1)
				flags |= TUI_RELOAD;
			else if (ch < 0 && !a->message_error)
				tui_app_say(a, 1, "cannot check the database for changes");
		}
		if (a->mode == APP_FORM)
			flags |= app_ev_form(a, ev) & ~TUI_REDRAW;
		else if (a->mode == APP_EXPORT)
			flags |= app_ev_export(a, ev);
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
		return a->mode == APP_WEEK && tui_ev_char(ev, 'q') ? TUI_QUIT : TUI_NONE;
	switch (a->mode) {
	case APP_FIRST_RUN: return app_ev_first_run(a, ev);
	case APP_FORM: return app_ev_form(a, ev);
	case APP_FOLLOWUPS: return app_ev_followups(a, ev);
	case APP_ACCOUNT: return app_ev_account(a, ev);
	case APP_MINUTES: return app_ev_minutes(a, ev);
	case APP_PREP: return app_ev_prep(a, ev);
	case APP_EXPORT: return app_ev_export(a, ev);
	case APP_HELP:
		a->mode = APP_WEEK;
		return TUI_REDRAW;
	case APP_WEEK:
	case APP_CONFIRM:
	case APP_MOVE: break;
	}
	return tui_week_event(a, ev);
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

static enum core_status app_loop(struct tui_app *a, struct core_error *err)
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

static enum core_status app_start(struct tui_app *a, const struct tui_app_opts *o,
                                  struct core_error *err)
{
	enum core_status st;
	if (o->seller != NULL && o->seller[0] != '\0')
		st = db_seller_find(a->db, o->seller, &a->seller, err);
	else
		st = db_seller_default(a->db, &a->seller, err);
	if (st == CORE_ERR_NOTFOUND && a->readonly)
		return core_error_set(err, st, "read-only: this file has no seller yet");
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
		tui_app_say(a, 0, "locale is not UTF-8: ASCII drawing");
	return a->fatal;
}

enum core_status tui_app_run(struct db *db, const struct tui_app_opts *o,
                             struct core_error *err)
{
	static const int sigs[] = { SIGTERM, SIGHUP, SIGINT };
	struct sigaction old[3];
	struct sigaction sa;
	struct tui_app *a = calloc(1, sizeof *a);
	if (a == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	a->db = db;
	a->team = o->team;
	a->team_dir = o->team_dir;
	a->presence_ms = INT64_MIN / 2;
	a->handover_ms = INT64_MIN / 2;
	/* Without a login nothing can be handed over; the week still opens. */
	if (a->team != NULL && a->team_dir != NULL &&
	    core_team_whoami(a->login, NULL, 0, NULL) != CORE_OK)
		a->login[0] = '\0';
	a->readonly = o->readonly;
	a->touch = o->touch;
	a->touched_ms = app_now_ms();
	a->today = o->today;
	a->ascii = o->ascii;
	a->mode = APP_WEEK;
	a->shown = core_isoweek_of(o->today);
	a->day = core_weekday(o->today) - 1;
	a->show_weekend = a->day >= 5;
	if (o->week.week != 0 &&
	    (o->week.year != a->shown.year || o->week.week != a->shown.week)) {
		a->shown = o->week;
		a->day = 0; /* another week: its Monday */
		a->show_weekend = 0;
	}
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
	/* Drilled into from the review: the hang-up or the kill meant the
	 * review too, and only its own handler can tell it. */
	if (a->readonly && app_signal)
		raise(app_signal);
	if (a->form != NULL)
		tui_form_free(a->form);
	tui_followups_free(a->followups);
	tui_account_free(a->account);
	tui_minutes_free(a->minutes);
	tui_prep_free(a->prep);
	tui_export_free(a->export);
	if (a->name.buf != NULL)
		tui_field_free(&a->name);
	tui_canvas_free(&a->canvas);
	core_meeting_list_free(&a->draft);
	db_week_free(&a->week);
	free(a);
	return st;
}
