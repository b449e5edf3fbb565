/* The meeting dialog: its state, keys, clicks and saving (the drawing is
 * tui/form_draw.c's).  The state is the fields as typed plus the choice
 * rows as indices; nothing is parsed or written until the seller saves, so
 * a failed save (a bad date, a busy database) loses nothing typed, and
 * neither it nor a cancelled dialog leaves anything behind, not even a new
 * account. */
#include "tui/form_priv.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/calendar.h"
#include "db/meetings.h"

#define FORM_ESC 27

/* --- helpers ------------------------------------------------------------- */

/* The message line: an error, or why nothing was saved. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void form_say(struct tui_form *f, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof f->message, fmt, ap);
	va_end(ap);
	f->message_role = role;
}

static struct tui_field *form_field(struct tui_form *f, enum form_focus ff)
{
	switch (ff) {
	case FF_ACCOUNT: return &f->account;
	case FF_DATE: return &f->date;
	case FF_TIME: return &f->time;
	case FF_DURATION: return &f->duration;
	default: return NULL;
	}
}

int tui_form_choice_count(const struct tui_form *f, enum form_focus ff)
{
	switch (ff) {
	case FF_BATTLEFIELD: return CORE_BF_COUNT;
	case FF_TYPE: return f->matrix->n_types;
	case FF_COMPLEXITY: return CORE_CX_COUNT;
	case FF_SALE: return CORE_SALE_COUNT;
	case FF_DIM: return CORE_DIM_COUNT;
	default: return 0;
	}
}

const char *tui_form_choice_label(const struct tui_form *f, enum form_focus ff,
                                  int i)
{
	switch (ff) {
	case FF_BATTLEFIELD: return core_battlefield_label((enum core_battlefield)i);
	case FF_TYPE: return f->matrix->types[i].label;
	case FF_COMPLEXITY: return core_complexity_key((enum core_complexity)i);
	case FF_SALE: return core_sale_key((enum core_sale)i);
	case FF_DIM: return core_dim_label((enum core_dim)i);
	default: return "";
	}
}

const struct core_meeting_type *tui_form_type(const struct tui_form *f)
{
	int t = f->value[FF_TYPE];
	return t >= 0 && t < f->matrix->n_types ? &f->matrix->types[t] : NULL;
}

static int form_clamp(int v, int n, int dflt)
{
	return v >= 0 && v < n ? v : dflt;
}

/* --- the contact form ---------------------------------------------------- */

/* Ranks the four forms for the type, complexity and sale kind, and
 * preselects the best unless the seller has picked one. */
static void form_recommend(struct tui_form *f)
{
	const struct core_meeting_type *t = tui_form_type(f);
	if (t != NULL) {
		core_matrix_recommend(t, (enum core_complexity)f->value[FF_COMPLEXITY],
		                      (enum core_sale)f->value[FF_SALE], f->choices);
	} else {
		for (int i = 0; i < CORE_FORM_COUNT; i++) {
			struct core_form_choice *c = &f->choices[i];
			memset(c, 0, sizeof *c);
			c->form = (enum core_form)i;
			c->rating = c->resolved = CORE_RATING_POSSIBLE;
			snprintf(c->reason, sizeof c->reason, "not rated: the type is not in the matrix");
		}
	}
	if (!f->form_by_hand)
		f->form = f->choices[0].form;
}

const struct core_form_choice *tui_form_choice(const struct tui_form *f)
{
	for (int i = 0; i < CORE_FORM_COUNT; i++)
		if (f->choices[i].form == f->form)
			return &f->choices[i];
	return &f->choices[0];
}

static void form_pick_form(struct tui_form *f, enum core_form form)
{
	f->dirty |= f->form != form;
	f->form = form;
	f->form_by_hand = 1;
	f->message[0] = '\0';
}

/* A weak form needs the seller's word, unless they gave it for this very
 * type, form and rating. */
static int form_needs_confirm(const struct tui_form *f)
{
	const struct core_form_choice *c = tui_form_choice(f);
	return c->needs_confirm &&
	       !(f->confirmed && f->confirmed_type == f->value[FF_TYPE] &&
	         f->confirmed_form == f->form && f->confirmed_rating == c->resolved);
}

static void form_confirm_record(struct tui_form *f)
{
	f->confirmed = 1;
	f->confirmed_type = f->value[FF_TYPE];
	f->confirmed_form = f->form;
	f->confirmed_rating = tui_form_choice(f)->resolved;
}

/* --- choice rows --------------------------------------------------------- */

static void form_choice_set(struct tui_form *f, enum form_focus ff, int v)
{
	if (v < 0 || v >= tui_form_choice_count(f, ff) || v == f->value[ff])
		return;
	f->value[ff] = v;
	f->dirty = 1;
	f->message[0] = '\0';
	if (ff == FF_TYPE || ff == FF_COMPLEXITY || ff == FF_SALE)
		form_recommend(f);
}

/* A letter picks the next option starting with it ("d" walks the four
 * D's of the 4D row).  delta 0: step by the letter ch instead. */
static void form_choice_step(struct tui_form *f, enum form_focus ff, int delta,
                             wint_t ch)
{
	int n = tui_form_choice_count(f, ff), v = f->value[ff] < 0 ? -1 : f->value[ff];
	for (int k = 1; k <= n; k++) {
		int i = delta < 0 ? (v <= 0 ? n - 1 : v - 1) : (v + k) % n;
		if (delta != 0 || tolower((unsigned char)tui_form_choice_label(f, ff, i)[0]) ==
		                  tolower((int)ch)) {
			form_choice_set(f, ff, i);
			return;
		}
	}
}

/* --- the account --------------------------------------------------------- */

static void form_account_search(struct tui_form *f)
{
	char text[CORE_NAME_MAX];
	struct core_error err = { CORE_OK, "" };
	tui_field_get(&f->account, text, sizeof text);
	if (db_account_search(f->db, f->m.seller_id, text, f->matches, FORM_MATCHES,
	                      &f->n_matches, &err) != CORE_OK) {
		f->n_matches = 0;
		form_say(f, TUI_ROLE_ERROR, "Account: %s", err.msg);
	}
	f->list_create = f->account.len > 0;
	for (size_t i = 0; i < f->n_matches; i++)
		if (tui_field_equal_ci(&f->account, f->matches[i].name))
			f->list_create = 0;
	f->list_sel = 0;
	f->list_open = f->n_matches > 0 || f->list_create;
}

/* Entry i of the list: a match, or (past them) the new account typed. */
static void form_account_pick(struct tui_form *f, int i)
{
	if (i >= 0 && (size_t)i < f->n_matches) {
		f->acct = f->matches[i];
		f->acct_state = ACCT_PICKED;
		tui_field_set(&f->account, f->acct.name);
	} else {
		memset(&f->acct, 0, sizeof f->acct);
		tui_field_get(&f->account, f->acct.name, sizeof f->acct.name);
		f->acct_state = ACCT_NEW;
	}
	f->list_open = 0;
	f->dirty = 1;
	f->message[0] = '\0';
}

/* Text typed but never picked: an exact (case-blind) name is as good as
 * picking it. */
static void form_account_resolve(struct tui_form *f)
{
	if (f->acct_state != ACCT_NONE || f->account.len == 0)
		return;
	form_account_search(f);
	f->list_open = 0;
	for (size_t i = 0; i < f->n_matches; i++)
		if (tui_field_equal_ci(&f->account, f->matches[i].name)) {
			form_account_pick(f, (int)i);
			return;
		}
}

/* The meeting's own account, with its distance and last visit. */
static void form_account_load(struct tui_form *f)
{
	struct core_error err = { CORE_OK, "" };
	if (f->m.account_id <= 0) {
		tui_field_set(&f->account, f->m.account);
		return;
	}
	if (db_account_get(f->db, f->m.account_id, &f->acct, &err) != CORE_OK) {
		/* Still the meeting's account: saving keeps it. */
		memset(&f->acct, 0, sizeof f->acct);
		f->acct.id = f->m.account_id;
		core_utf8_copy(f->acct.name, sizeof f->acct.name, f->m.account);
	}
	f->acct_state = ACCT_PICKED;
	tui_field_set(&f->account, f->acct.name);
}

/* --- opening ------------------------------------------------------------- */

/* The fields from the meeting.  Every field was sized for its text at
 * tui_field_init, so setting one cannot fail. */
static void form_fill(struct tui_form *f)
{
	const struct core_meeting *m = &f->m;
	int64_t days;
	int minute;
	char buf[32];
	core_local_from_epoch(m->starts_at, &days, &minute);
	core_date_format(core_date_from_days(days), buf, sizeof buf);
	tui_field_set(&f->date, buf);
	snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
	tui_field_set(&f->time, buf);
	int dur = m->duration_min >= 1 && m->duration_min <= 24 * 60 ? m->duration_min : 60;
	snprintf(buf, sizeof buf, "%d:%02d", dur / 60, dur % 60);
	tui_field_set(&f->duration, buf);

	/* A new meeting gets the sketch's defaults: a first meeting, medium
	 * complexity, a solution sale, Discovery. */
	int fresh = m->id == 0;
	int t = core_matrix_find(f->matrix, m->type);
	if (t < 0 && fresh)
		t = core_matrix_find(f->matrix, "first_meeting");
	if (t < 0 && fresh && f->matrix->n_types > 0)
		t = 0;
	f->value[FF_TYPE] = t;
	core_utf8_copy(f->type_key, sizeof f->type_key, m->type);
	f->value[FF_BATTLEFIELD] = form_clamp((int)m->battlefield, CORE_BF_COUNT, CORE_BF_RESALE);
	f->value[FF_COMPLEXITY] = fresh ? CORE_CX_MEDIUM
	        : form_clamp((int)m->complexity, CORE_CX_COUNT, CORE_CX_MEDIUM);
	f->value[FF_SALE] = fresh ? CORE_SALE_SOLUTION
	        : form_clamp((int)m->sale, CORE_SALE_COUNT, CORE_SALE_SOLUTION);
	f->value[FF_DIM] = fresh ? CORE_DIM_DISCOVERY
	        : form_clamp((int)m->dim, CORE_DIM_COUNT, CORE_DIM_DISCOVERY);
	f->form = (enum core_form)form_clamp((int)m->form, CORE_FORM_COUNT, CORE_FORM_PHYSICAL);
	f->form_by_hand = !fresh;
	form_recommend(f);
	if (fresh) {
		f->m.status = CORE_MS_PLANNED;
		f->m.form_reason[0] = '\0';
	} else {
		/* It was saved this way already: confirmed, with its reason. */
		form_confirm_record(f);
		tui_field_set(&f->reason, m->form_reason);
	}
	form_account_load(f);
}

struct tui_form *tui_form_open(struct db *db, const struct core_matrix *matrix,
                               const struct core_meeting *m, int64_t today,
                               int ascii)
{
	struct tui_form *f = calloc(1, sizeof *f);
	if (f == NULL)
		return NULL;
	f->db = db;
	f->matrix = matrix;
	f->m = *m;
	f->today = today;
	f->ascii = ascii;
	f->view = calloc(1, sizeof *f->view);
	if (f->view == NULL ||
	    tui_field_init(&f->account, CORE_NAME_MAX, form_at[FF_ACCOUNT].w) != 0 ||
	    tui_field_init(&f->date, sizeof "2026-11-23", form_at[FF_DATE].w) != 0 ||
	    tui_field_init(&f->time, sizeof "10:00", form_at[FF_TIME].w) != 0 ||
	    tui_field_init(&f->duration, sizeof "1h30m", form_at[FF_DURATION].w) != 0 ||
	    tui_field_init(&f->reason, sizeof f->m.form_reason, REASON_W) != 0) {
		tui_form_free(f);
		return NULL;
	}
	form_fill(f);
	return f;
}

void tui_form_free(struct tui_form *f)
{
	if (f == NULL)
		return;
	tui_field_free(&f->account);
	tui_field_free(&f->date);
	tui_field_free(&f->time);
	tui_field_free(&f->duration);
	tui_field_free(&f->reason);
	free(f->view);
	free(f);
}

int64_t tui_form_saved_id(const struct tui_form *f)
{
	return f->saved_id;
}

/* --- focus --------------------------------------------------------------- */

static void form_focus_set(struct tui_form *f, enum form_focus ff)
{
	if (f->focus == FF_ACCOUNT && ff != FF_ACCOUNT) {
		f->list_open = 0;
		form_account_resolve(f);
	}
	f->focus = ff;
}

/* Up/Down: the first focus of the next row above or below. */
static void form_focus_row(struct tui_form *f, int delta)
{
	int row = form_at[f->focus].row, best = -1;
	for (int i = 0; i < FF_COUNT; i++) {
		int r = form_at[i].row;
		if ((r - row) * delta > 0 &&
		    (best < 0 || (r - form_at[best].row) * delta < 0))
			best = i;
	}
	if (best >= 0)
		form_focus_set(f, (enum form_focus)best);
}

/* --- saving -------------------------------------------------------------- */

/* The first field, in screen order, that does not parse, with err filled;
 * FF_COUNT when all do. */
static enum form_focus form_check(struct tui_form *f, int64_t *days, int *minute,
                                  int *dur, struct core_error *err)
{
	char text[CORE_NAME_MAX];
	struct core_date d;
	tui_field_get(&f->account, text, sizeof text);
	if (f->account.len == 0) {
		core_error_set(err, CORE_ERR_INPUT, "type a name and pick it from the list");
		return FF_ACCOUNT;
	}
	if (f->acct_state == ACCT_NONE) {
		core_error_set(err, CORE_ERR_INPUT, "no account '%s': pick one, or create it", text);
		return FF_ACCOUNT;
	}
	tui_field_get(&f->date, text, sizeof text);
	if (core_date_parse(text, &d, err) != CORE_OK)
		return FF_DATE;
	*days = core_days_from_date(d);
	tui_field_get(&f->time, text, sizeof text);
	if (core_time_parse(text, minute, err) != CORE_OK)
		return FF_TIME;
	tui_field_get(&f->duration, text, sizeof text);
	if (core_duration_parse(text, dur, err) != CORE_OK)
		return FF_DURATION;
	if (tui_form_type(f) == NULL && f->type_key[0] == '\0') {
		core_error_set(err, CORE_ERR_INPUT, "pick a meeting type");
		return FF_TYPE;
	}
	return FF_COUNT;
}

/* Writes the meeting.  A new account goes by name with account_id 0: db/
 * creates it in the meeting's own transaction, so a save that fails leaves
 * no account behind either.  Every check has passed; only the database can
 * still say no. */
static int form_commit(struct tui_form *f, int64_t days, int minute, int dur)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m = f->m;
	const struct core_meeting_type *t = tui_form_type(f);
	m.account_id = f->acct_state == ACCT_NEW ? 0 : f->acct.id;
	core_utf8_copy(m.account, sizeof m.account, f->acct.name);
	m.starts_at = core_local_to_epoch(days, minute);
	m.duration_min = dur;
	m.battlefield = (enum core_battlefield)f->value[FF_BATTLEFIELD];
	core_utf8_copy(m.type, sizeof m.type, t != NULL ? t->key : f->type_key);
	m.form = f->form;
	m.dim = (enum core_dim)f->value[FF_DIM];
	m.complexity = (enum core_complexity)f->value[FF_COMPLEXITY];
	m.sale = (enum core_sale)f->value[FF_SALE];
	m.form_reason[0] = '\0';
	if (tui_form_choice(f)->needs_confirm)
		tui_field_get(&f->reason, m.form_reason, sizeof m.form_reason);
	if ((m.id == 0 ? db_meeting_insert(f->db, &m, &err)
	               : db_meeting_update(f->db, &m, &err)) != CORE_OK) {
		form_say(f, TUI_ROLE_ERROR, "Not saved: %s", err.msg);
		return TUI_REDRAW;
	}
	f->m = m;
	f->saved_id = m.id;
	return TUI_CLOSE | TUI_RELOAD;
}

/* Checks the fields, asks for the confirmation a weak form needs (the
 * confirmation calls this again), then commits. */
static int form_save(struct tui_form *f)
{
	static const char *const names[FF_COUNT] = {
		[FF_ACCOUNT] = "Account", [FF_DATE] = "Date", [FF_TIME] = "Time",
		[FF_DURATION] = "Duration", [FF_TYPE] = "Type" };
	struct core_error err = { CORE_OK, "" };
	int64_t days = 0;
	int minute = 0, dur = 0;

	f->list_open = 0;
	form_account_resolve(f);
	enum form_focus bad = form_check(f, &days, &minute, &dur, &err);
	if (bad != FF_COUNT) {
		form_focus_set(f, bad);
		if (bad == FF_ACCOUNT && f->account.len > 0)
			form_account_search(f); /* offer the list again */
		form_say(f, TUI_ROLE_ERROR, "%s: %s", names[bad], err.msg);
		return TUI_REDRAW;
	}
	if (f->mode == FM_EDIT && form_needs_confirm(f)) {
		f->mode = FM_CONFIRM;
		f->message[0] = '\0';
		return TUI_REDRAW;
	}
	return form_commit(f, days, minute, dur);
}

static int form_cancel(struct tui_form *f)
{
	if (!f->dirty)
		return TUI_CLOSE;
	f->list_open = 0;
	f->mode = FM_DISCARD;
	return TUI_REDRAW;
}

/* --- events -------------------------------------------------------------- */

static int form_is_enter(const struct tui_event *ev)
{
	return (ev->kind == TUI_EV_CHAR && (ev->ch == '\n' || ev->ch == '\r')) ||
	       (ev->kind == TUI_EV_KEY && ev->key == KEY_ENTER);
}

static int form_confirm_event(struct tui_form *f, const struct tui_event *ev)
{
	if (form_is_enter(ev)) {
		form_confirm_record(f);
		int r = form_save(f);
		f->mode = FM_EDIT;
		return r;
	}
	if (tui_ev_char(ev, FORM_ESC)) {
		f->mode = FM_EDIT;
		form_say(f, TUI_ROLE_WARNING, "Not saved: pick another form, or save and confirm");
		return TUI_REDRAW;
	}
	int r = tui_field_event(&f->reason, ev);
	f->dirty |= r == TUI_FIELD_EDITED;
	return r == TUI_FIELD_IGNORED ? TUI_NONE : TUI_REDRAW;
}

static int form_discard_event(struct tui_form *f, const struct tui_event *ev)
{
	enum tui_answer a = tui_ev_answer(ev);
	if (a == TUI_ANSWER_YES)
		return TUI_CLOSE;
	if (a == TUI_ANSWER_NO || a == TUI_ANSWER_BACK) {
		f->mode = FM_EDIT;
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

/* The account drop-down has these keys while it is open; -1: not its key. */
static int form_list_event(struct tui_form *f, const struct tui_event *ev)
{
	int n = (int)f->n_matches + f->list_create;
	if (ev->kind == TUI_EV_KEY && (ev->key == KEY_DOWN || ev->key == KEY_UP)) {
		int sel = f->list_sel + (ev->key == KEY_DOWN ? 1 : -1);
		if (sel >= 0 && sel < n)
			f->list_sel = sel;
	} else if (form_is_enter(ev)) {
		form_account_pick(f, f->list_sel);
	} else if (tui_ev_char(ev, FORM_ESC)) {
		f->list_open = 0;
	} else {
		return -1;
	}
	return TUI_REDRAW;
}

/* Left/Right (and a click on an arrow) on a row. */
static void form_step(struct tui_form *f, enum form_focus ff, int delta)
{
	struct core_error err = { CORE_OK, "" };
	struct core_date d;
	char text[16];
	if (ff == FF_SAVE || ff == FF_CANCEL) {
		f->focus = f->focus == FF_SAVE ? FF_CANCEL : FF_SAVE;
	} else if (ff != FF_DAY) {
		form_choice_step(f, ff, delta, 0);
	} else {
		tui_field_get(&f->date, text, sizeof text);
		if (core_date_parse(text, &d, &err) != CORE_OK) {
			form_say(f, TUI_ROLE_ERROR, "Date: %s", err.msg);
			return;
		}
		core_date_format(core_date_from_days(core_days_from_date(d) + delta),
		                 text, sizeof text);
		tui_field_set(&f->date, text);
		f->dirty = 1;
		f->message[0] = '\0';
	}
}

static int form_click(struct tui_form *f, int y, int x)
{
	const struct form_view *v = f->view;
	for (int i = v->n_hits - 1; i >= 0; i--) {
		const struct form_hit *h = &v->hits[i];
		if (y != h->y || x < h->x || x >= h->x + h->w)
			continue;
		if (h->kind == HIT_MATCH) {
			/* Only while the list that was drawn is still open. */
			if (f->list_open && h->index < (int)f->n_matches + f->list_create)
				form_account_pick(f, h->index);
			return TUI_REDRAW;
		}
		form_focus_set(f, h->focus);
		if (h->kind == HIT_OPTION)
			form_choice_set(f, h->focus, h->index);
		else if (h->kind == HIT_STEP)
			form_step(f, h->focus, h->index);
		else if (h->kind == HIT_FORM)
			form_pick_form(f, f->choices[h->index].form);
		else if (h->focus == FF_SAVE)
			return form_save(f);
		else if (h->focus == FF_CANCEL)
			return form_cancel(f);
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

/* Keys that are not a field's: moving, changing a choice, saving. */
static int form_key(struct tui_form *f, const struct tui_event *ev)
{
	int key = ev->kind == TUI_EV_KEY ? ev->key : 0;
	wint_t ch = ev->kind == TUI_EV_CHAR ? ev->ch : 0;
	int button = f->focus == FF_SAVE || f->focus == FF_CANCEL;

	if (form_is_enter(ev) || (ch == ' ' && button))
		return f->focus == FF_CANCEL ? form_cancel(f) : form_save(f);
	if (ch == FORM_ESC)
		return form_cancel(f);
	if (ch == '\t' || key == KEY_BTAB) {
		form_focus_set(f, (enum form_focus)((f->focus + (ch == '\t' ? 1 : FF_COUNT - 1))
		                                    % FF_COUNT));
	} else if (key == KEY_DOWN || key == KEY_UP) {
		/* In the form list the arrows pick; past its ends they leave. */
		int delta = key == KEY_DOWN ? 1 : -1;
		int sel = (int)(tui_form_choice(f) - f->choices) + delta;
		if (f->focus == FF_FORM && sel >= 0 && sel < CORE_FORM_COUNT)
			form_pick_form(f, f->choices[sel].form);
		else
			form_focus_row(f, delta);
	} else if (key == KEY_LEFT || key == KEY_RIGHT || ch == ' ' || ch == '+' || ch == '-') {
		form_step(f, f->focus, key == KEY_LEFT || ch == '-' ? -1 : 1);
	} else if (f->focus == FF_FORM && ch > 0 && ch < 128) {
		for (int i = 0; i < CORE_FORM_COUNT; i++)
			if (toupper((int)ch) == core_form_letter((enum core_form)i))
				form_pick_form(f, (enum core_form)i);
	} else if (ch > 0 && ch < 128 && isalpha((int)ch)) {
		form_choice_step(f, f->focus, 0, ch);
	} else if (key != KEY_RESIZE) {
		return TUI_NONE;
	}
	return TUI_REDRAW;
}

int tui_form_event(struct tui_form *f, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_TICK)
		return TUI_NONE;
	if (f->mode == FM_CONFIRM)
		return form_confirm_event(f, ev);
	if (f->mode == FM_DISCARD)
		return form_discard_event(f, ev);
	if (ev->kind == TUI_EV_MOUSE)
		return form_click(f, ev->y, ev->x);
	if (f->focus == FF_ACCOUNT && f->list_open) {
		int r = form_list_event(f, ev);
		if (r >= 0)
			return r;
	}
	struct tui_field *fld = form_field(f, f->focus);
	int r = fld != NULL ? tui_field_event(fld, ev) : TUI_FIELD_IGNORED;
	if (r == TUI_FIELD_EDITED) {
		f->dirty = 1;
		f->message[0] = '\0';
		if (fld == &f->account) {
			/* Typing over a picked name unpicks it. */
			if (f->acct_state != ACCT_NONE &&
			    !tui_field_equal_ci(&f->account, f->acct.name))
				f->acct_state = ACCT_NONE;
			form_account_search(f);
		}
	}
	return r != TUI_FIELD_IGNORED ? TUI_REDRAW : form_key(f, ev);
}
