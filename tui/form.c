/* The meeting dialog.  Its state is the fields as typed plus the choice
 * rows as indices; nothing is parsed or written until the seller saves, so
 * a failed save (a bad date, a busy database) loses nothing, and a
 * cancelled dialog leaves nothing behind, not even a new account. */
#include "tui/form.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/calendar.h"
#include "db/meetings.h"
#include "db/sellers.h"
#include "tui/field.h"

/* The box fits an 80x24 terminal; it is the same on larger ones. */
#define FORM_W 78
#define FORM_H 18
#define FORM_MATCHES 6
#define FORM_MAX_HITS 64
#define FORM_ESC 27

/* Columns inside the box. */
enum {
	COL_LABEL = 2, COL_VALUE = 15,
	ACCOUNT_W = 24, INFO_X = 41,
	DATE_W = 11, DAY_X = 27, TIME_X = 33, TIME_W = 6,
	DUR_LABEL_X = 41, DUR_X = 50, DUR_W = 6,
	SALE_LABEL_X = 42, SALE_X = 48,
	FORM_MARK_X = 3, FORM_REASON_X = 18,
	REASON_X = 10, REASON_W = 36,
	SAVE_X = 55, CANCEL_X = 65,
	LIST_W = 61
};

/* Rows inside the box. */
enum {
	ROW_ACCOUNT = 1, ROW_WHEN, ROW_BF, ROW_TYPE, ROW_CX, ROW_DIM,
	ROW_FORMS_HEAD = 8, ROW_FORMS = 9, ROW_MESSAGE = 14, ROW_BUTTONS,
	ROW_HINTS
};

/* Tab order. */
enum form_focus {
	FF_ACCOUNT, FF_DATE, FF_DAY, FF_TIME, FF_DURATION, FF_BATTLEFIELD,
	FF_TYPE, FF_COMPLEXITY, FF_SALE, FF_DIM, FF_FORM, FF_SAVE, FF_CANCEL,
	FF_COUNT
};

/* The first focus of each screen row, for Up/Down. */
static const enum form_focus form_rows[] = {
	FF_ACCOUNT, FF_DATE, FF_BATTLEFIELD, FF_TYPE, FF_COMPLEXITY, FF_DIM,
	FF_FORM, FF_SAVE
};

enum form_mode { FM_EDIT, FM_CONFIRM, FM_DISCARD };
enum form_acct { ACCT_NONE, ACCT_PICKED, ACCT_NEW };

/* What a click on a drawn rectangle means. */
enum form_hit_kind { HIT_FOCUS, HIT_OPTION, HIT_STEP, HIT_FORM, HIT_MATCH };

struct form_hit {
	int y, x, w;
	enum form_hit_kind kind;
	enum form_focus focus;
	int index;
};

/* Where things were last drawn, so a click maps back to what was under
 * it.  Drawing changes nothing the seller sees, so tui_form_draw takes the
 * form as const; this cache, behind a pointer, is all it writes. */
struct form_view {
	int n_hits;
	struct form_hit hits[FORM_MAX_HITS];
};

struct tui_form {
	struct db *db;
	const struct core_matrix *matrix;
	struct core_meeting m;        /* as opened: id, seller, status */
	int ascii;
	enum form_mode mode;
	enum form_focus focus;
	int dirty;

	struct tui_field account, date, time, duration, reason;

	enum form_acct acct_state;
	struct db_account acct;       /* picked, or the new one's name */
	struct db_account matches[FORM_MATCHES];
	size_t n_matches;
	int list_open, list_sel, list_create;

	/* The choice rows, indexed by their focus: battlefield, type (-1: a
	 * type the matrix lacks, kept as type_key), complexity, sale, 4D. */
	int value[FF_COUNT];
	char type_key[CORE_TYPE_KEY_MAX];
	struct core_form_choice choices[CORE_FORM_COUNT];
	enum core_form form;
	int form_by_hand;

	/* The combination the seller confirmed; its reason is in f->reason. */
	int confirmed, confirmed_type;
	enum core_form confirmed_form;
	enum core_rating confirmed_rating;

	char message[256];
	int message_role;
	int64_t saved_id;
	struct form_view *view;
};

/* --- small helpers ------------------------------------------------------ */

static const char *form_glyph(int ascii, enum core_form form, char letter[2])
{
	if (!ascii)
		return core_form_glyph(form);
	letter[0] = core_form_letter(form);
	letter[1] = '\0';
	return letter;
}

/* The message line (an error, or why nothing was saved). */
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

static int form_choice_count(const struct tui_form *f, enum form_focus ff)
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

static const char *form_choice_label(const struct tui_form *f,
                                     enum form_focus ff, int i)
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

static const struct core_meeting_type *form_type(const struct tui_form *f)
{
	int t = f->value[FF_TYPE];
	return t >= 0 && t < f->matrix->n_types ? &f->matrix->types[t] : NULL;
}

/* The type's short name for sentences ("negotiation"). */
static const char *form_type_brief(const struct tui_form *f)
{
	const struct core_meeting_type *t = form_type(f);
	if (t == NULL)
		return f->type_key;
	return t->brief[0] ? t->brief : t->label;
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
	const struct core_meeting_type *t = form_type(f);
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

static int form_choice_index(const struct tui_form *f)
{
	for (int i = 0; i < CORE_FORM_COUNT; i++)
		if (f->choices[i].form == f->form)
			return i;
	return 0;
}

static void form_pick_form(struct tui_form *f, enum core_form form)
{
	if (f->form != form)
		f->dirty = 1;
	f->form = form;
	f->form_by_hand = 1;
	f->message[0] = '\0';
}

/* The chosen form needs the seller's word unless they gave it for this
 * very type, form and rating. */
static int form_needs_confirm(const struct tui_form *f)
{
	const struct core_form_choice *c = &f->choices[form_choice_index(f)];
	if (!c->needs_confirm)
		return 0;
	return !(f->confirmed && f->confirmed_type == f->value[FF_TYPE] &&
	         f->confirmed_form == f->form && f->confirmed_rating == c->resolved);
}

static void form_confirm_record(struct tui_form *f)
{
	f->confirmed = 1;
	f->confirmed_type = f->value[FF_TYPE];
	f->confirmed_form = f->form;
	f->confirmed_rating = f->choices[form_choice_index(f)].resolved;
}

/* --- choice rows --------------------------------------------------------- */

static void form_choice_set(struct tui_form *f, enum form_focus ff, int v)
{
	if (v < 0 || v >= form_choice_count(f, ff) || v == f->value[ff])
		return;
	f->value[ff] = v;
	f->dirty = 1;
	f->message[0] = '\0';
	if (ff == FF_TYPE || ff == FF_COMPLEXITY || ff == FF_SALE)
		form_recommend(f);
}

static void form_choice_step(struct tui_form *f, enum form_focus ff, int delta)
{
	int n = form_choice_count(f, ff);
	if (n == 0)
		return;
	int v = f->value[ff];
	v = v < 0 ? (delta > 0 ? 0 : n - 1) : ((v + delta) % n + n) % n;
	form_choice_set(f, ff, v);
}

/* A letter picks the next option starting with it ("d" walks the four
 * D's of the 4D row). */
static int form_choice_letter(struct tui_form *f, enum form_focus ff, wint_t ch)
{
	int n = form_choice_count(f, ff);
	if (ch > 127 || !isalpha((int)ch))
		return 0;
	for (int k = 1; k <= n; k++) {
		int i = ((f->value[ff] < 0 ? -1 : f->value[ff]) + k) % n;
		const char *label = form_choice_label(f, ff, i);
		if (tolower((unsigned char)label[0]) == tolower((int)ch)) {
			form_choice_set(f, ff, i);
			return 1;
		}
	}
	return 0;
}

/* --- the account --------------------------------------------------------- */

static void form_account_search(struct tui_form *f)
{
	char text[CORE_NAME_MAX];
	struct core_error err = { CORE_OK, "" };
	tui_field_get(&f->account, text, sizeof text);
	f->n_matches = 0;
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
	for (size_t i = 0; i < f->n_matches; i++) {
		if (tui_field_equal_ci(&f->account, f->matches[i].name)) {
			form_account_pick(f, (int)i);
			return;
		}
	}
}

static void form_account_edited(struct tui_form *f)
{
	if (f->acct_state != ACCT_NONE &&
	    !tui_field_equal_ci(&f->account, f->acct.name))
		f->acct_state = ACCT_NONE;
	form_account_search(f);
}

/* The meeting's account, with its distance and last visit. */
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

	f->value[FF_BATTLEFIELD] = form_clamp((int)m->battlefield, CORE_BF_COUNT, CORE_BF_RESALE);
	int t = core_matrix_find(f->matrix, m->type);
	if (m->id == 0) {
		/* A new meeting: the sketch's defaults, a first meeting. */
		if (t < 0)
			t = core_matrix_find(f->matrix, "first_meeting");
		if (t < 0)
			t = f->matrix->n_types > 0 ? 0 : -1;
		f->value[FF_COMPLEXITY] = CORE_CX_MEDIUM;
		f->value[FF_SALE] = CORE_SALE_SOLUTION;
		f->value[FF_DIM] = CORE_DIM_DISCOVERY;
		f->m.status = CORE_MS_PLANNED;
		f->m.form_reason[0] = '\0';
	} else {
		f->value[FF_COMPLEXITY] = form_clamp((int)m->complexity, CORE_CX_COUNT, CORE_CX_MEDIUM);
		f->value[FF_SALE] = form_clamp((int)m->sale, CORE_SALE_COUNT, CORE_SALE_SOLUTION);
		f->value[FF_DIM] = form_clamp((int)m->dim, CORE_DIM_COUNT, CORE_DIM_DISCOVERY);
		f->form = (enum core_form)form_clamp((int)m->form, CORE_FORM_COUNT, CORE_FORM_PHYSICAL);
		f->form_by_hand = 1;
	}
	f->value[FF_TYPE] = t;
	core_utf8_copy(f->type_key, sizeof f->type_key, m->type);
	form_recommend(f);
	if (m->id != 0) {
		/* It was saved this way already: confirmed, with its reason. */
		form_confirm_record(f);
		tui_field_set(&f->reason, m->form_reason);
	}
	form_account_load(f);
}

struct tui_form *tui_form_open(struct db *db, const struct core_matrix *matrix,
                               const struct core_meeting *m, int ascii)
{
	struct tui_form *f = calloc(1, sizeof *f);
	if (f == NULL)
		return NULL;
	f->db = db;
	f->matrix = matrix;
	f->m = *m;
	f->ascii = ascii;
	f->view = calloc(1, sizeof *f->view);
	if (f->view == NULL ||
	    tui_field_init(&f->account, CORE_NAME_MAX, ACCOUNT_W) != 0 ||
	    tui_field_init(&f->date, sizeof "2026-11-23", DATE_W) != 0 ||
	    tui_field_init(&f->time, sizeof "10:00", TIME_W) != 0 ||
	    tui_field_init(&f->duration, sizeof "1h30m", DUR_W) != 0 ||
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

static int form_row_of(enum form_focus ff)
{
	int row = 0;
	for (int i = 0; i < (int)(sizeof form_rows / sizeof form_rows[0]); i++)
		if (form_rows[i] <= ff)
			row = i;
	return row;
}

static void form_focus_row(struct tui_form *f, int delta)
{
	int last = (int)(sizeof form_rows / sizeof form_rows[0]) - 1;
	int row = form_row_of(f->focus) + delta;
	if (row >= 0 && row <= last)
		form_focus_set(f, form_rows[row]);
}

/* --- saving -------------------------------------------------------------- */

/* A field's problem: said in the message line, the field focused. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int form_fail(struct tui_form *f, enum form_focus ff, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof f->message, fmt, ap);
	va_end(ap);
	f->message_role = TUI_ROLE_ERROR;
	form_focus_set(f, ff);
	return TUI_REDRAW;
}

/* Writes the meeting (after creating a new account).  Every check has
 * passed; only the database can still say no. */
static int form_commit(struct tui_form *f, int64_t days, int minute, int dur)
{
	struct core_error err = { CORE_OK, "" };
	if (f->acct_state == ACCT_NEW) {
		int64_t id = 0;
		if (db_account_insert(f->db, f->acct.name, &id, &err) != CORE_OK) {
			form_say(f, TUI_ROLE_ERROR, "Not saved: %s", err.msg);
			return TUI_REDRAW;
		}
		/* It exists now: a retry after a failed meeting insert must
		 * not create it again. */
		f->acct.id = id;
		f->acct_state = ACCT_PICKED;
	}
	struct core_meeting m = f->m;
	const struct core_meeting_type *t = form_type(f);
	m.account_id = f->acct.id;
	core_utf8_copy(m.account, sizeof m.account, f->acct.name);
	m.starts_at = core_local_to_epoch(days, minute);
	m.duration_min = dur;
	m.battlefield = (enum core_battlefield)f->value[FF_BATTLEFIELD];
	core_utf8_copy(m.type, sizeof m.type, t != NULL ? t->key : f->type_key);
	m.form = f->form;
	m.dim = (enum core_dim)f->value[FF_DIM];
	m.complexity = (enum core_complexity)f->value[FF_COMPLEXITY];
	m.sale = (enum core_sale)f->value[FF_SALE];
	if (f->choices[form_choice_index(f)].needs_confirm)
		tui_field_get(&f->reason, m.form_reason, sizeof m.form_reason);
	else
		m.form_reason[0] = '\0';
	enum core_status st = m.id == 0 ? db_meeting_insert(f->db, &m, &err)
	                                : db_meeting_update(f->db, &m, &err);
	if (st != CORE_OK) {
		form_say(f, TUI_ROLE_ERROR, "Not saved: %s", err.msg);
		return TUI_REDRAW;
	}
	f->m = m;
	f->saved_id = m.id;
	return TUI_CLOSE | TUI_RELOAD;
}

/* Checks every field in screen order, asks for the confirmation a weak
 * form needs (once: the confirmation calls this again), then commits. */
static int form_save(struct tui_form *f)
{
	struct core_error err = { CORE_OK, "" };
	char text[CORE_NAME_MAX];
	struct core_date d;
	int minute, dur;

	f->list_open = 0;
	form_account_resolve(f);
	tui_field_get(&f->account, text, sizeof text);
	if (f->account.len == 0)
		return form_fail(f, FF_ACCOUNT, "Account: type a name and pick it from the list");
	if (f->acct_state == ACCT_NONE) {
		form_fail(f, FF_ACCOUNT, "Account: no account '%s' — pick one, or create it", text);
		form_account_search(f);
		return TUI_REDRAW;
	}
	tui_field_get(&f->date, text, sizeof text);
	if (core_date_parse(text, &d, &err) != CORE_OK)
		return form_fail(f, FF_DATE, "Date: %s", err.msg);
	tui_field_get(&f->time, text, sizeof text);
	if (core_time_parse(text, &minute, &err) != CORE_OK)
		return form_fail(f, FF_TIME, "Time: %s", err.msg);
	tui_field_get(&f->duration, text, sizeof text);
	if (core_duration_parse(text, &dur, &err) != CORE_OK)
		return form_fail(f, FF_DURATION, "Duration: %s", err.msg);
	if (form_type(f) == NULL && f->type_key[0] == '\0')
		return form_fail(f, FF_TYPE, "Type: pick a meeting type");
	if (f->mode == FM_EDIT && form_needs_confirm(f)) {
		f->mode = FM_CONFIRM;
		f->message[0] = '\0';
		return TUI_REDRAW;
	}
	return form_commit(f, core_days_from_date(d), minute, dur);
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

static int form_is_esc(const struct tui_event *ev)
{
	return ev->kind == TUI_EV_CHAR && ev->ch == FORM_ESC;
}

static int form_confirm_event(struct tui_form *f, const struct tui_event *ev)
{
	if (form_is_enter(ev)) {
		form_confirm_record(f);
		int r = form_save(f);
		f->mode = FM_EDIT;
		return r;
	}
	if (form_is_esc(ev)) {
		f->mode = FM_EDIT;
		form_say(f, TUI_ROLE_WARNING, "Not saved: pick another form, or save and confirm");
		return TUI_REDRAW;
	}
	int r = tui_field_event(&f->reason, ev);
	if (r == TUI_FIELD_EDITED)
		f->dirty = 1;
	return r == TUI_FIELD_IGNORED ? TUI_NONE : TUI_REDRAW;
}

static int form_discard_event(struct tui_form *f, const struct tui_event *ev)
{
	if (ev->kind != TUI_EV_CHAR)
		return TUI_NONE;
	if (ev->ch == 'y' || ev->ch == 'Y')
		return TUI_CLOSE;
	if (ev->ch == 'n' || ev->ch == 'N' || ev->ch == FORM_ESC) {
		f->mode = FM_EDIT;
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

/* The account drop-down has the keys while it is open; -1: not its key. */
static int form_list_event(struct tui_form *f, const struct tui_event *ev)
{
	int n = (int)f->n_matches + f->list_create;
	if (ev->kind == TUI_EV_KEY && ev->key == KEY_DOWN) {
		if (f->list_sel + 1 < n)
			f->list_sel++;
		return TUI_REDRAW;
	}
	if (ev->kind == TUI_EV_KEY && ev->key == KEY_UP) {
		if (f->list_sel > 0)
			f->list_sel--;
		return TUI_REDRAW;
	}
	if (form_is_enter(ev)) {
		form_account_pick(f, f->list_sel);
		return TUI_REDRAW;
	}
	if (form_is_esc(ev)) {
		f->list_open = 0;
		return TUI_REDRAW;
	}
	return -1;
}

static void form_day_step(struct tui_form *f, int delta)
{
	struct core_error err = { CORE_OK, "" };
	struct core_date d;
	char text[16];
	tui_field_get(&f->date, text, sizeof text);
	if (core_date_parse(text, &d, &err) != CORE_OK) {
		form_say(f, TUI_ROLE_ERROR, "Date: %s", err.msg);
		return;
	}
	core_date_format(core_date_from_days(core_days_from_date(d) + delta), text,
	                 sizeof text);
	tui_field_set(&f->date, text);
	f->dirty = 1;
	f->message[0] = '\0';
}

static void form_step(struct tui_form *f, enum form_focus ff, int delta)
{
	if (ff == FF_DAY)
		form_day_step(f, delta);
	else if (ff == FF_SAVE || ff == FF_CANCEL)
		f->focus = f->focus == FF_SAVE ? FF_CANCEL : FF_SAVE;
	else
		form_choice_step(f, ff, delta);
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
		switch (h->kind) {
		case HIT_OPTION: form_choice_set(f, h->focus, h->index); break;
		case HIT_STEP: form_step(f, h->focus, h->index); break;
		case HIT_FORM: form_pick_form(f, f->choices[h->index].form); break;
		default:
			if (h->focus == FF_SAVE)
				return form_save(f);
			if (h->focus == FF_CANCEL)
				return form_cancel(f);
			break;
		}
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

/* Keys that are not a field's: moving, changing a choice, saving. */
static int form_key(struct tui_form *f, const struct tui_event *ev)
{
	int key = ev->kind == TUI_EV_KEY ? ev->key : 0;
	wint_t ch = ev->kind == TUI_EV_CHAR ? ev->ch : 0;
	int sel = form_choice_index(f);

	if (form_is_enter(ev) || (ch == ' ' && (f->focus == FF_SAVE || f->focus == FF_CANCEL)))
		return f->focus == FF_CANCEL ? form_cancel(f) : form_save(f);
	if (form_is_esc(ev))
		return form_cancel(f);
	if (ch == '\t' || key == KEY_BTAB) {
		form_focus_set(f, (enum form_focus)((f->focus + (ch == '\t' ? 1 : FF_COUNT - 1))
		                                    % FF_COUNT));
		return TUI_REDRAW;
	}
	if (key == KEY_DOWN || key == KEY_UP) {
		int delta = key == KEY_DOWN ? 1 : -1;
		if (f->focus == FF_FORM && sel + delta >= 0 && sel + delta < CORE_FORM_COUNT)
			form_pick_form(f, f->choices[sel + delta].form);
		else
			form_focus_row(f, delta);
		return TUI_REDRAW;
	}
	if (key == KEY_LEFT || key == KEY_RIGHT || ch == ' ' || ch == '+' || ch == '-') {
		form_step(f, f->focus, key == KEY_LEFT || ch == '-' ? -1 : 1);
		return TUI_REDRAW;
	}
	if (key == KEY_RESIZE)
		return TUI_REDRAW;
	if (ch != 0 && f->focus == FF_FORM) {
		for (int i = 0; i < CORE_FORM_COUNT; i++)
			if (ch < 128 && toupper((int)ch) == core_form_letter((enum core_form)i)) {
				form_pick_form(f, (enum core_form)i);
				return TUI_REDRAW;
			}
	}
	if (ch != 0 && form_choice_letter(f, f->focus, ch))
		return TUI_REDRAW;
	return TUI_NONE;
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
	if (fld != NULL) {
		int r = tui_field_event(fld, ev);
		if (r == TUI_FIELD_EDITED) {
			f->dirty = 1;
			f->message[0] = '\0';
			if (fld == &f->account)
				form_account_edited(f);
		}
		if (r != TUI_FIELD_IGNORED)
			return TUI_REDRAW;
	}
	return form_key(f, ev);
}

/* --- drawing ------------------------------------------------------------- */

struct form_pen {
	struct tui_canvas *c;
	struct form_view *v;
	int top, left, w;
	int ascii;
};

static void form_hit(struct form_pen *p, int row, int col, int w,
                     enum form_hit_kind kind, enum form_focus ff, int index)
{
	if (p->v->n_hits >= FORM_MAX_HITS)
		return;
	p->v->hits[p->v->n_hits++] = (struct form_hit){
		p->top + row, p->left + col, w, kind, ff, index };
}

/* Text inside the box, cut at its right edge. */
static int form_text(struct form_pen *p, int row, int col, int role, const char *s)
{
	return tui_canvas_text(p->c, p->top + row, p->left + col, p->w - 2 - col,
	                       role, s);
}

/* One choice row: "[Re-sale]  Upsell   New"; returns the next column. */
static int form_draw_choices(const struct tui_form *f, struct form_pen *p,
                             int row, int col, enum form_focus ff)
{
	int n = form_choice_count(f, ff);
	char buf[CORE_TYPE_LABEL_MAX + 4];
	for (int i = 0; i < n; i++) {
		int on = f->value[ff] == i;
		snprintf(buf, sizeof buf, on ? "[%s]" : " %s ", form_choice_label(f, ff, i));
		int role = on && f->focus == ff ? TUI_ROLE_SELECTED : TUI_ROLE_DIALOG;
		int w = form_text(p, row, col, role, buf);
		form_hit(p, row, col, w, HIT_OPTION, ff, i);
		col += w + 2;
	}
	return col;
}

/* "‹label›" with clickable arrows, for the type and the day stepper. */
static void form_draw_stepper(const struct tui_form *f, struct form_pen *p,
                              int row, int col, enum form_focus ff,
                              const char *label)
{
	int role = f->focus == ff && f->mode == FM_EDIT ? TUI_ROLE_SELECTED : TUI_ROLE_DIALOG;
	form_text(p, row, col, TUI_ROLE_DIM, p->ascii ? "<" : "◂");
	form_hit(p, row, col, 1, HIT_STEP, ff, -1);
	int w = form_text(p, row, col + 1, role, label);
	form_hit(p, row, col + 1, w, HIT_FOCUS, ff, 0);
	form_text(p, row, col + 1 + w, TUI_ROLE_DIM, p->ascii ? ">" : "▸");
	form_hit(p, row, col + 1 + w, 1, HIT_STEP, ff, 1);
}

static void form_draw_field(const struct tui_form *f, struct form_pen *p,
                            const struct tui_field *fld, int row, int col,
                            enum form_focus ff)
{
	tui_field_draw(fld, p->c, p->top + row, p->left + col, fld->width,
	               f->focus == ff && f->mode == FM_EDIT);
	form_hit(p, row, col, fld->width, HIT_FOCUS, ff, 0);
}

static void form_draw_account_info(const struct tui_form *f, struct form_pen *p)
{
	char buf[96];
	const char *dot = p->ascii ? "-" : "·";
	if (f->acct_state == ACCT_NEW) {
		form_text(p, ROW_ACCOUNT, INFO_X, TUI_ROLE_GOOD, "new account, created on save");
		return;
	}
	if (f->acct_state != ACCT_PICKED)
		return;
	/* Counted from the meeting's day: the gap the meeting will close. */
	int n = 0;
	if (f->acct.last_visit == 0) {
		n = snprintf(buf, sizeof buf, "never visited");
	} else {
		struct core_date d;
		char text[16];
		int64_t visit, ref;
		int minute;
		core_local_from_epoch(f->acct.last_visit, &visit, &minute);
		tui_field_get(&f->date, text, sizeof text);
		if (core_date_parse(text, &d, NULL) == CORE_OK)
			ref = core_days_from_date(d);
		else
			core_local_from_epoch(f->m.starts_at, &ref, &minute);
		long long gap = (long long)(ref - visit);
		n = snprintf(buf, sizeof buf, "last visit %lld day%s %s", gap < 0 ? -gap : gap,
		             gap == 1 || gap == -1 ? "" : "s", gap < 0 ? "after" : "before");
	}
	if (f->acct.km > 0 && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, " %s %.0f km", dot, f->acct.km);
	form_text(p, ROW_ACCOUNT, INFO_X, TUI_ROLE_DIM, buf);
}

static void form_draw_forms(const struct tui_form *f, struct form_pen *p)
{
	char buf[160], letter[2];
	const char *dash = p->ascii ? "-" : "—";
	if (form_type(f) != NULL)
		snprintf(buf, sizeof buf, "Contact form %s matrix for %s", dash, form_type_brief(f));
	else
		snprintf(buf, sizeof buf, "Contact form %s '%s' is not in the matrix", dash, f->type_key);
	form_text(p, ROW_FORMS_HEAD, COL_LABEL, TUI_ROLE_DIALOG, buf);
	for (int i = 0; i < CORE_FORM_COUNT; i++) {
		const struct core_form_choice *ch = &f->choices[i];
		int row = ROW_FORMS + i, on = ch->form == f->form;
		form_text(p, row, FORM_MARK_X, TUI_ROLE_DIALOG, on ? (p->ascii ? ">" : "▶") : " ");
		snprintf(buf, sizeof buf, "%s %s", form_glyph(p->ascii, ch->form, letter),
		         core_form_key(ch->form));
		form_text(p, row, FORM_MARK_X + 2, TUI_ROLE_DIALOG, buf);
		int role = ch->needs_confirm ? TUI_ROLE_WARNING
		         : ch->resolved == CORE_RATING_FIRST_CHOICE ? TUI_ROLE_GOOD
		         : TUI_ROLE_DIALOG;
		snprintf(buf, sizeof buf, "%s%s%s", ch->reason,
		         ch->needs_confirm ? " " : "",
		         ch->needs_confirm ? (p->ascii ? "- asks to confirm" : "— asks to confirm") : "");
		form_text(p, row, FORM_REASON_X, role, buf);
		if (on && f->focus == FF_FORM && f->mode == FM_EDIT)
			tui_canvas_paint(p->c, p->top + row, p->left + FORM_MARK_X, 1,
			                 p->w - 2 - FORM_MARK_X, TUI_ROLE_SELECTED);
		form_hit(p, row, FORM_MARK_X, p->w - 2 - FORM_MARK_X, HIT_FORM, FF_FORM, i);
	}
}

static void form_draw_bottom(const struct tui_form *f, struct form_pen *p)
{
	char buf[256], letter[2];
	const char *dash = p->ascii ? "-" : "—";
	if (f->mode == FM_CONFIRM) {
		const struct core_form_choice *ch = &f->choices[form_choice_index(f)];
		snprintf(buf, sizeof buf, "%s %s is rated %s for %s %s use it anyway?",
		         form_glyph(p->ascii, f->form, letter), core_form_key(f->form),
		         core_rating_label(ch->resolved), form_type_brief(f), dash);
		form_text(p, ROW_MESSAGE, COL_LABEL, TUI_ROLE_WARNING, buf);
		form_text(p, ROW_BUTTONS, COL_LABEL, TUI_ROLE_DIALOG, "reason");
		tui_field_draw(&f->reason, p->c, p->top + ROW_BUTTONS, p->left + REASON_X,
		               REASON_W, 1);
		form_text(p, ROW_BUTTONS, REASON_X + REASON_W + 2, TUI_ROLE_DIM,
		          "Enter confirm, Esc back");
	} else {
		if (f->mode == FM_DISCARD)
			form_text(p, ROW_MESSAGE, COL_LABEL, TUI_ROLE_WARNING, "Discard changes? y/n");
		else if (f->message[0] != '\0')
			form_text(p, ROW_MESSAGE, COL_LABEL, f->message_role, f->message);
		int save = f->focus == FF_SAVE ? TUI_ROLE_SELECTED : TUI_ROLE_DIALOG;
		int cancel = f->focus == FF_CANCEL ? TUI_ROLE_SELECTED : TUI_ROLE_DIALOG;
		form_hit(p, ROW_BUTTONS, SAVE_X, form_text(p, ROW_BUTTONS, SAVE_X, save, "[ Save ]"),
		         HIT_FOCUS, FF_SAVE, 0);
		form_hit(p, ROW_BUTTONS, CANCEL_X,
		         form_text(p, ROW_BUTTONS, CANCEL_X, cancel, "[ Cancel ]"),
		         HIT_FOCUS, FF_CANCEL, 0);
	}
	const char *hints = f->mode == FM_CONFIRM ? "The reason is kept with the meeting; it may be empty."
	        : f->list_open && f->focus == FF_ACCOUNT
	        ? (p->ascii ? "Up/Down choose  Enter pick  Esc close" : "↑↓ choose  Enter pick  Esc close")
	        : (p->ascii ? "Tab Up/Down move  Left/Right change  Enter save  Esc cancel"
	                    : "Tab ↑↓ move  ←→ change  Enter save  Esc cancel");
	form_text(p, ROW_HINTS, COL_LABEL, TUI_ROLE_DIM, hints);
}

static void form_draw_list(const struct tui_form *f, struct form_pen *p)
{
	int n = (int)f->n_matches + f->list_create;
	int row = ROW_ACCOUNT + 1, col = COL_VALUE - 1;
	char buf[CORE_NAME_MAX + 32];
	tui_canvas_fill(p->c, p->top + row, p->left + col, n + 2, LIST_W, L' ', TUI_ROLE_DIALOG);
	tui_canvas_box(p->c, p->top + row, p->left + col, n + 2, LIST_W, TUI_ROLE_BORDER);
	for (int i = 0; i < n; i++) {
		int y = row + 1 + i;
		if ((size_t)i < f->n_matches) {
			const struct db_account *a = &f->matches[i];
			tui_canvas_text(p->c, p->top + y, p->left + col + 2, 30, TUI_ROLE_DIALOG, a->name);
			if (a->km > 0)
				snprintf(buf, sizeof buf, "%s %s %.0f km", a->city,
				         p->ascii ? "-" : "·", a->km);
			else
				snprintf(buf, sizeof buf, "%s", a->city);
			tui_canvas_text(p->c, p->top + y, p->left + col + 34, LIST_W - 36,
			                TUI_ROLE_DIM, buf);
		} else {
			char name[CORE_NAME_MAX];
			tui_field_get(&f->account, name, sizeof name);
			snprintf(buf, sizeof buf, "+ create account '%s'", name);
			tui_canvas_text(p->c, p->top + y, p->left + col + 2, LIST_W - 4,
			                TUI_ROLE_GOOD, buf);
		}
		if (i == f->list_sel)
			tui_canvas_paint(p->c, p->top + y, p->left + col + 1, 1, LIST_W - 2,
			                 TUI_ROLE_SELECTED);
		form_hit(p, y, col + 1, LIST_W - 2, HIT_MATCH, FF_ACCOUNT, i);
	}
}

void tui_form_draw(const struct tui_form *f, struct tui_canvas *c)
{
	int w = FORM_W < c->w ? FORM_W : c->w;
	int h = FORM_H < c->h ? FORM_H : c->h;
	struct form_pen p = { c, f->view, (c->h - h) / 2, (c->w - w) / 2, w,
	                      f->ascii || c->ascii };
	char buf[CORE_TYPE_LABEL_MAX + 32];

	f->view->n_hits = 0;
	c->cursor_y = c->cursor_x = -1;
	tui_canvas_fill(c, p.top, p.left, h, w, L' ', TUI_ROLE_DIALOG);
	tui_canvas_box(c, p.top, p.left, h, w, TUI_ROLE_BORDER);
	form_text(&p, 0, 1, TUI_ROLE_TITLE, f->m.id == 0 ? " New meeting " : " Edit meeting ");

	form_text(&p, ROW_ACCOUNT, COL_LABEL, TUI_ROLE_DIALOG, "Account");
	form_draw_field(f, &p, &f->account, ROW_ACCOUNT, COL_VALUE, FF_ACCOUNT);
	form_draw_account_info(f, &p);

	struct core_date d;
	char text[16];
	tui_field_get(&f->date, text, sizeof text);
	const char *day = core_date_parse(text, &d, NULL) == CORE_OK
	        ? core_weekday_abbr(core_weekday(core_days_from_date(d))) : "???";
	form_text(&p, ROW_WHEN, COL_LABEL, TUI_ROLE_DIALOG, "When");
	form_draw_field(f, &p, &f->date, ROW_WHEN, COL_VALUE, FF_DATE);
	form_draw_stepper(f, &p, ROW_WHEN, DAY_X, FF_DAY, day);
	form_draw_field(f, &p, &f->time, ROW_WHEN, TIME_X, FF_TIME);
	form_text(&p, ROW_WHEN, DUR_LABEL_X, TUI_ROLE_DIALOG, "duration");
	form_draw_field(f, &p, &f->duration, ROW_WHEN, DUR_X, FF_DURATION);

	form_text(&p, ROW_BF, COL_LABEL, TUI_ROLE_DIALOG, "Battlefield");
	form_draw_choices(f, &p, ROW_BF, COL_VALUE, FF_BATTLEFIELD);
	form_text(&p, ROW_TYPE, COL_LABEL, TUI_ROLE_DIALOG, "Type");
	if (form_type(f) != NULL)
		snprintf(buf, sizeof buf, "%s", form_type(f)->label);
	else
		snprintf(buf, sizeof buf, "%s (not in the matrix)", f->type_key);
	form_draw_stepper(f, &p, ROW_TYPE, COL_VALUE - 1, FF_TYPE, buf);
	form_text(&p, ROW_CX, COL_LABEL, TUI_ROLE_DIALOG, "Complexity");
	form_draw_choices(f, &p, ROW_CX, COL_VALUE, FF_COMPLEXITY);
	form_text(&p, ROW_CX, SALE_LABEL_X, TUI_ROLE_DIALOG, "Sale");
	form_draw_choices(f, &p, ROW_CX, SALE_X, FF_SALE);
	form_text(&p, ROW_DIM, COL_LABEL, TUI_ROLE_DIALOG, "4D");
	form_draw_choices(f, &p, ROW_DIM, COL_VALUE, FF_DIM);

	form_draw_forms(f, &p);
	form_draw_bottom(f, &p);
	if (f->list_open && f->focus == FF_ACCOUNT && f->mode == FM_EDIT)
		form_draw_list(f, &p);
}
