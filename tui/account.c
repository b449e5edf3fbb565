/* The account screen.  Everything is loaded in one go (the account, its
 * contacts with their last meetings, its latest meetings, the seller's open
 * actions there: four queries) and drawn as one scrolled body of lines
 * below a fixed header, so the scroll is a line offset and nothing is
 * queried while scrolling.  The keys are a table whose rows say whether
 * they write, so a read-only screen (the manager's drill) refuses them in
 * one place. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/buying.h"
#include "core/calendar.h"
#include "core/due.h"
#include "core/followup.h"
#include "core/meeting.h"
#include "core/utf8.h"
#include "db/account_meetings.h"
#include "db/actions.h"
#include "db/contacts.h"
#include "db/sellers.h"
#include "tui/account.h"
#include "tui/field.h"
#include "tui/keys.h"

#define AC_ESC 27
/* The meetings shown: the latest ones tell how the account is worked. */
#define AC_MEETINGS 10
/* Rows above the body (title, distance, coverage on up to two lines, the
 * few-known warning or a blank) and below it (the status line). */
#define AC_TOP 5
#define AC_BOTTOM 1
/* The form for a new contact: two rows above the status line. */
#define AC_FORM_ROWS 2

enum ac_field { AC_F_NAME, AC_F_ROLE, AC_F_LEVEL, AC_F_EMAIL, AC_F_COUNT };

enum ac_cmd { AC_UP, AC_DOWN, AC_PGUP, AC_PGDN, AC_HOME, AC_END, AC_BACK, AC_CONTACT };

/* The keys outside the contact form.  writes: the command writes to the
 * database (c: the form's Enter stores a contact). */
static const struct {
	enum ac_cmd cmd;
	int writes;
	struct tui_key keys[3];
} ac_keys[] = {
	{ AC_UP, 0, { { 1, KEY_UP }, { 0, 'k' } } },
	{ AC_DOWN, 0, { { 1, KEY_DOWN }, { 0, 'j' } } },
	{ AC_PGUP, 0, { { 1, KEY_PPAGE } } },
	{ AC_PGDN, 0, { { 1, KEY_NPAGE } } },
	{ AC_HOME, 0, { { 1, KEY_HOME }, { 0, 'g' } } },
	{ AC_END, 0, { { 1, KEY_END }, { 0, 'G' } } },
	{ AC_BACK, 0, { { 0, AC_ESC }, { 0, 'q' }, { 0, 'A' } } },
	{ AC_CONTACT, 1, { { 0, 'c' } } },
};
#define AC_N_KEYS (sizeof ac_keys / sizeof ac_keys[0])

struct tui_account {
	struct db *db;                     /* the owner's */
	const struct core_matrix *matrix;  /* the owner's, or NULL */
	int64_t seller_id;
	int64_t account_id;
	int64_t today;
	int ascii;
	int readonly;                      /* no key writes: the manager's drill */
	char owner[CORE_NAME_MAX];         /* whose file it is, when read-only */
	struct db_account account;
	int travel_min;                    /* 0 unknown */
	struct core_contact *contacts;
	size_t n_contacts;
	struct core_coverage cover;
	struct core_meeting_list meetings;
	struct core_action_list actions;
	int form_open;                     /* c: a new contact is being typed */
	int form_focus;                    /* enum ac_field */
	struct tui_field form[AC_F_COUNT];
	long top;                          /* the first body line shown */
	int rows;                          /* body rows at the last draw */
	char message[320];
	int message_error;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void ac_say(struct tui_account *s, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
	s->message_error = is_error;
}

/* ---- life ---- */

struct tui_account *tui_account_open(struct db *db, int64_t seller_id,
                                     int64_t account_id, int64_t today,
                                     const struct core_matrix *matrix, int ascii,
                                     const char *readonly)
{
	struct tui_account *s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->readonly = readonly != NULL;
	core_utf8_copy(s->owner, sizeof s->owner, readonly != NULL ? readonly : "");
	s->db = db;
	s->matrix = matrix;
	s->seller_id = seller_id;
	s->account_id = account_id;
	s->today = today;
	s->ascii = ascii;
	s->rows = 1;
	static const size_t size[AC_F_COUNT] = {
		CORE_NAME_MAX, CORE_CONTACT_ROLE_MAX, CORE_CONTACT_LEVEL_MAX,
		CORE_CONTACT_EMAIL_MAX,
	};
	int bad = 0;
	for (int i = 0; i < AC_F_COUNT; i++)
		bad |= tui_field_init(&s->form[i], size[i], 16);
	if (bad || tui_account_reload(s) != 0) {
		tui_account_free(s);
		return NULL;
	}
	return s;
}

void tui_account_free(struct tui_account *s)
{
	if (s == NULL)
		return;
	free(s->contacts);
	core_meeting_list_free(&s->meetings);
	core_action_list_free(&s->actions);
	for (int i = 0; i < AC_F_COUNT; i++)
		if (s->form[i].buf != NULL)
			tui_field_free(&s->form[i]);
	free(s);
}

/* What was loaded before stays on screen when a query fails: better than
 * a half-empty account. */
int tui_account_reload(struct tui_account *s)
{
	struct core_error e = { CORE_OK, "" };
	struct db_account acc;
	struct core_contact *contacts = NULL;
	size_t n = 0;
	struct core_meeting_list ml = { NULL, 0, 0 };
	struct core_action_list al = { NULL, 0, 0 };
	int travel = 0;
	enum core_status st = db_account_get(s->db, s->account_id, &acc, &e);
	if (st == CORE_OK)
		st = db_account_travel_min(s->db, s->account_id, &travel, &e);
	if (st == CORE_OK)
		st = db_contact_list(s->db, s->account_id, &contacts, &n, &e);
	if (st == CORE_OK)
		st = db_meeting_list_account(s->db, s->account_id, AC_MEETINGS, &ml, &e);
	if (st == CORE_OK)
		st = db_action_list_open(s->db, s->seller_id, s->account_id, -1, &al, &e);
	if (st != CORE_OK) {
		free(contacts);
		core_meeting_list_free(&ml);
		core_action_list_free(&al);
		if (st == CORE_ERR_NOMEM)
			return -1;
		ac_say(s, 1, "%s", e.msg);
		return 0;
	}
	s->account = acc;
	s->travel_min = travel;
	free(s->contacts);
	s->contacts = contacts;
	s->n_contacts = n;
	core_meeting_list_free(&s->meetings);
	s->meetings = ml;
	core_action_list_free(&s->actions);
	s->actions = al;
	/* The window ends with today: a meeting held today counts. */
	core_buying_coverage(s->contacts, s->n_contacts,
	                     core_local_to_epoch(s->today + 1, 0),
	                     CORE_BUYING_DAYS_DEFAULT, &s->cover);
	return 0;
}

/* ---- keys ---- */

/* The body's lines: each section is a heading and its rows (one "none"
 * row when empty), with a blank between sections; the contacts have a
 * line of column heads too. */
static size_t ac_rows_or_one(size_t n)
{
	return n == 0 ? 1 : n;
}

static long ac_body_lines(const struct tui_account *s)
{
	return (long)(2 + ac_rows_or_one(s->n_contacts) + 1 +
	              1 + ac_rows_or_one(s->meetings.n) + 1 +
	              1 + ac_rows_or_one(s->actions.n));
}

static void ac_scroll(struct tui_account *s, long delta)
{
	long max = ac_body_lines(s) - s->rows;
	s->top += delta;
	if (s->top > max)
		s->top = max;
	if (s->top < 0)
		s->top = 0;
}

/* A role the vocabulary knows reads as its label, any other as typed. */
static void ac_role_text(const char *role, char *buf, size_t n)
{
	enum core_role r;
	if (core_role_parse(role, &r) == 0)
		snprintf(buf, n, "%s", core_role_label(r));
	else
		snprintf(buf, n, "own role \"%s\"", role);
}

/* Stores the contact the form holds; the form stays open, with what was
 * typed, when it is refused. */
static void ac_form_save(struct tui_account *s)
{
	struct core_error e = { CORE_OK, "" };
	struct core_contact k;
	memset(&k, 0, sizeof k);
	k.account_id = s->account_id;
	tui_field_get(&s->form[AC_F_NAME], k.name, sizeof k.name);
	tui_field_get(&s->form[AC_F_ROLE], k.role, sizeof k.role);
	tui_field_get(&s->form[AC_F_LEVEL], k.level, sizeof k.level);
	tui_field_get(&s->form[AC_F_EMAIL], k.email, sizeof k.email);
	if (db_contact_insert(s->db, &k, &e) != CORE_OK) {
		s->form_focus = AC_F_NAME;
		ac_say(s, 1, "not added: %s", e.msg);
		return;
	}
	s->form_open = 0;
	if (tui_account_reload(s) != 0) {
		ac_say(s, 1, "added, but out of memory reloading the account");
		return;
	}
	if (s->message_error)
		return; /* the reload said what failed */
	char role[CORE_CONTACT_ROLE_MAX + 16];
	ac_role_text(k.role, role, sizeof role);
	if (k.role[0] != '\0')
		ac_say(s, 0, "added %s, %s", k.name, role);
	else
		ac_say(s, 0, "added %s", k.name);
}

static int ac_ev_form(struct tui_account *s, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_CHAR && ev->ch == AC_ESC) {
		s->form_open = 0;
		return TUI_REDRAW;
	}
	if ((ev->kind == TUI_EV_CHAR && ev->ch == '\t') ||
	    (ev->kind == TUI_EV_KEY && (ev->key == KEY_DOWN))) {
		s->form_focus = (s->form_focus + 1) % AC_F_COUNT;
		return TUI_REDRAW;
	}
	if (ev->kind == TUI_EV_KEY && (ev->key == KEY_BTAB || ev->key == KEY_UP)) {
		s->form_focus = (s->form_focus + AC_F_COUNT - 1) % AC_F_COUNT;
		return TUI_REDRAW;
	}
	if ((ev->kind == TUI_EV_CHAR && (ev->ch == '\n' || ev->ch == '\r')) ||
	    (ev->kind == TUI_EV_KEY && ev->key == KEY_ENTER)) {
		ac_form_save(s);
		return TUI_REDRAW;
	}
	tui_field_event(&s->form[s->form_focus], ev);
	return TUI_REDRAW;
}

static void ac_form_open(struct tui_account *s)
{
	for (int i = 0; i < AC_F_COUNT; i++)
		tui_field_set(&s->form[i], "");
	s->form_focus = AC_F_NAME;
	s->form_open = 1;
}

/* The row of ac_keys bound to the event, or -1. */
static int ac_row(const struct tui_event *ev)
{
	for (size_t i = 0; i < AC_N_KEYS; i++)
		if (tui_key_match(ac_keys[i].keys,
		                  sizeof ac_keys[i].keys / sizeof ac_keys[i].keys[0], ev))
			return (int)i;
	return -1;
}

int tui_account_event(struct tui_account *s, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_TICK || ev->kind == TUI_EV_MOUSE)
		return TUI_NONE;
	s->message[0] = '\0';
	s->message_error = 0;
	/* Opened only by c, which a read-only screen refuses. */
	if (s->form_open)
		return ac_ev_form(s, ev);
	int row = ac_row(ev);
	if (row < 0) {
		ac_say(s, 0, "that key does nothing here; Esc goes back to the week");
		return TUI_REDRAW;
	}
	if (ac_keys[row].writes && s->readonly) {
		ac_say(s, 1, "read-only: %s's account", s->owner);
		return TUI_REDRAW;
	}
	long page = s->rows > 1 ? s->rows - 1 : 1;
	switch (ac_keys[row].cmd) {
	case AC_UP: ac_scroll(s, -1); break;
	case AC_DOWN: ac_scroll(s, 1); break;
	case AC_PGUP: ac_scroll(s, -page); break;
	case AC_PGDN: ac_scroll(s, page); break;
	case AC_HOME: ac_scroll(s, -ac_body_lines(s)); break;
	case AC_END: ac_scroll(s, ac_body_lines(s)); break;
	case AC_BACK: return TUI_CLOSE;
	case AC_CONTACT: ac_form_open(s); break;
	}
	return TUI_REDRAW;
}

/* ---- drawing ---- */

/* "today", "1 day ago", "12 days ago", "never"; a held meeting dated in
 * the future (entered ahead) reads "in 3 days". */
static void ac_ago(int64_t epoch, int64_t today, char *buf, size_t n)
{
	if (epoch == 0) {
		snprintf(buf, n, "never");
		return;
	}
	int64_t day;
	int minute;
	core_local_from_epoch(epoch, &day, &minute);
	long long d = (long long)(today - day);
	if (d == 0)
		snprintf(buf, n, "today");
	else if (d == 1)
		snprintf(buf, n, "1 day ago");
	else if (d > 1)
		snprintf(buf, n, "%lld days ago", d);
	else
		snprintf(buf, n, "in %lld day%s", -d, d == -1 ? "" : "s");
}

/* A role key as its label; the team's own role as stored; none: "—". */
static const char *ac_role(const struct core_contact *k)
{
	enum core_role r;
	if (core_role_parse(k->role, &r) == 0)
		return core_role_label(r);
	return k->role[0] != '\0' ? k->role : "—";
}

/* The body, scrolled: ac_put gives the canvas row of the next body line,
 * or -1 when it is scrolled out of sight. */
struct ac_body {
	struct tui_canvas *c;
	long top;
	int rows;
	long line;
};

static int ac_put(struct ac_body *b)
{
	long l = b->line++;
	if (l < b->top || l >= b->top + b->rows)
		return -1;
	return AC_TOP + (int)(l - b->top);
}

struct ac_cols {
	int name, name_w, role, role_w, level, level_w, met, met_w, person, person_w;
};

static struct ac_cols ac_columns(int w)
{
	int wide = w >= 100;
	struct ac_cols k;
	k.name = 2;
	k.name_w = wide ? 28 : 20;
	k.role = k.name + k.name_w + 1;
	k.role_w = wide ? 18 : 16;
	k.level = k.role + k.role_w + 1;
	k.level_w = wide ? 14 : 11;
	k.met = k.level + k.level_w + 1;
	k.met_w = wide ? 14 : 13;
	k.person = k.met + k.met_w + 1;
	k.person_w = wide ? 14 : 13;
	return k;
}

static void ac_draw_contacts(const struct tui_account *s, struct ac_body *b)
{
	struct tui_canvas *c = b->c;
	struct ac_cols k = ac_columns(c->w);
	int y = ac_put(b);
	if (y >= 0)
		tui_canvas_printf(c, y, 1, -1, TUI_ROLE_DAY, "Contacts (%zu)", s->n_contacts);
	y = ac_put(b);
	if (y >= 0) {
		tui_canvas_text(c, y, k.name, -1, TUI_ROLE_DIM, "Name");
		tui_canvas_text(c, y, k.role, -1, TUI_ROLE_DIM, "Role");
		tui_canvas_text(c, y, k.level, -1, TUI_ROLE_DIM, "Level");
		tui_canvas_text(c, y, k.met, -1, TUI_ROLE_DIM, "Last met");
		tui_canvas_text(c, y, k.person, -1, TUI_ROLE_DIM, "In person");
	}
	if (s->n_contacts == 0 && (y = ac_put(b)) >= 0)
		tui_canvas_text(c, y, k.name, c->w - k.name - 1, TUI_ROLE_WARNING,
		                "No contacts known at this account.");
	for (size_t i = 0; i < s->n_contacts; i++) {
		const struct core_contact *p = &s->contacts[i];
		if ((y = ac_put(b)) < 0)
			continue;
		char met[32], person[32];
		ac_ago(p->last_met, s->today, met, sizeof met);
		ac_ago(p->last_met_in_person, s->today, person, sizeof person);
		tui_canvas_text(c, y, k.name, k.name_w, TUI_ROLE_NORMAL, p->name);
		tui_canvas_text(c, y, k.role, k.role_w, TUI_ROLE_NORMAL, ac_role(p));
		tui_canvas_text(c, y, k.level, k.level_w, TUI_ROLE_NORMAL,
		                p->level[0] != '\0' ? p->level : "—");
		tui_canvas_text(c, y, k.met, k.met_w,
		                p->last_met == 0 ? TUI_ROLE_DIM : TUI_ROLE_NORMAL, met);
		tui_canvas_text(c, y, k.person, k.person_w,
		                p->last_met_in_person == 0 ? TUI_ROLE_DIM : TUI_ROLE_NORMAL,
		                person);
	}
}

static int ac_status_role(enum core_mstatus st)
{
	switch (st) {
	case CORE_MS_HELD: return TUI_ROLE_HELD;
	case CORE_MS_CANCELLED: return TUI_ROLE_CANCELLED;
	default: return TUI_ROLE_NORMAL;
	}
}

static void ac_draw_meetings(const struct tui_account *s, struct ac_body *b)
{
	struct tui_canvas *c = b->c;
	int y = ac_put(b);
	if (y >= 0)
		tui_canvas_printf(c, y, 1, -1, TUI_ROLE_DAY,
		                  s->meetings.n >= AC_MEETINGS ? "Meetings (latest %zu)"
		                                               : "Meetings (%zu)",
		                  s->meetings.n);
	if (s->meetings.n == 0 && (y = ac_put(b)) >= 0)
		tui_canvas_text(c, y, 2, c->w - 3, TUI_ROLE_DIM, "No meetings yet.");
	int type_w = c->w >= 100 ? 30 : 24;
	for (size_t i = 0; i < s->meetings.n; i++) {
		const struct core_meeting *m = &s->meetings.items[i];
		if ((y = ac_put(b)) < 0)
			continue;
		int64_t day;
		int minute;
		core_local_from_epoch(m->starts_at, &day, &minute);
		struct core_date d = core_date_from_days(day);
		int t = s->matrix != NULL ? core_matrix_find(s->matrix, m->type) : -1;
		char letter[2] = { core_form_letter(m->form), 0 };
		int x = 2;
		tui_canvas_printf(c, y, x, 22, TUI_ROLE_NORMAL, "%s %2d %s %d %02d:%02d",
		                  core_weekday_abbr(core_weekday(day)), d.day,
		                  core_month_abbr(d.month), d.year, minute / 60, minute % 60);
		x += 23;
		tui_canvas_text(c, y, x, 1, TUI_ROLE_NORMAL,
		                s->ascii ? letter : core_form_glyph(m->form));
		x += 2;
		tui_canvas_text(c, y, x, type_w, TUI_ROLE_NORMAL,
		                t >= 0 ? s->matrix->types[t].label : m->type);
		x += type_w + 1;
		tui_canvas_text(c, y, x, 10, ac_status_role(m->status),
		                core_mstatus_key(m->status));
		x += 11;
		tui_canvas_text(c, y, x, c->w - x - 1, TUI_ROLE_DIM, core_form_label(m->form));
	}
}

static void ac_draw_actions(const struct tui_account *s, struct ac_body *b)
{
	struct tui_canvas *c = b->c;
	int y = ac_put(b);
	if (y >= 0)
		tui_canvas_printf(c, y, 1, -1, TUI_ROLE_DAY, "Open actions (%zu)",
		                  s->actions.n);
	if (s->actions.n == 0 && (y = ac_put(b)) >= 0)
		tui_canvas_text(c, y, 2, c->w - 3, TUI_ROLE_GOOD, "Nothing open here.");
	for (size_t i = 0; i < s->actions.n; i++) {
		const struct core_action *a = &s->actions.items[i];
		if ((y = ac_put(b)) < 0)
			continue;
		char due[24];
		core_due_format(a->due, s->today, due, sizeof due);
		int overdue = core_due_bucket_of(a->due, s->today) == CORE_DUE_OVERDUE;
		tui_canvas_text(c, y, 2, 16, overdue ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL, due);
		tui_canvas_text(c, y, 19, c->w - 20, TUI_ROLE_NORMAL, a->text);
	}
}

/* "38 km · 45 min travel", or what of it is known. */
static void ac_distance(const struct tui_account *s, char *buf, size_t n)
{
	if (s->account.km > 0 && s->travel_min > 0)
		snprintf(buf, n, "%.0f km · %d min travel", s->account.km, s->travel_min);
	else if (s->account.km > 0)
		snprintf(buf, n, "%.0f km · travel time unknown", s->account.km);
	else if (s->travel_min > 0)
		snprintf(buf, n, "%d min travel", s->travel_min);
	else
		snprintf(buf, n, "distance unknown");
}

/* The coverage text on rows y and y + 1: cut after the ", " or before the
 * " — " that leaves the most on the first row. */
static void ac_draw_coverage(const struct tui_account *s, struct tui_canvas *c, int y)
{
	/* The warning that more than 6 usually decide gets a row of its own
	 * (y + 2), so that a long list of gaps never pushes it off screen. */
	struct core_coverage cv = s->cover;
	cv.few_known = 0;
	char text[400], full[480];
	core_coverage_text(&cv, text, sizeof text);
	core_coverage_text(&s->cover, full, sizeof full);
	size_t lead = strlen(text);
	if (s->cover.known > 0 && s->cover.few_known && strncmp(full, text, lead) == 0 &&
	    strncmp(full + lead, ", ", 2) == 0)
		tui_canvas_text(c, y + 2, 1, c->w - 2, TUI_ROLE_WARNING, full + lead + 2);
	int role = s->cover.few_known ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL;
	int w = c->w - 2;
	if (tui_text_width(text) <= w) {
		tui_canvas_text(c, y, 1, w, role, text);
		return;
	}
	size_t cut = 0, skip = 0;
	char head[400];
	for (size_t i = 1; text[i] != '\0'; i++) {
		size_t at, next;
		if (text[i - 1] == ',' && text[i] == ' ') {
			at = i;
			next = i + 1;
		} else if (strncmp(text + i, " — ", strlen(" — ")) == 0) {
			at = i;
			next = i + 1;
		} else {
			continue;
		}
		memcpy(head, text, at);
		head[at] = '\0';
		if (tui_text_width(head) > w)
			break;
		cut = at;
		skip = next;
	}
	if (cut == 0) {
		tui_canvas_text(c, y, 1, w, role, text);
		return;
	}
	memcpy(head, text, cut);
	head[cut] = '\0';
	tui_canvas_text(c, y, 1, w, role, head);
	tui_canvas_text(c, y + 1, 3, w - 2, role, text + skip);
}

/* Two rows: name and role, then level and email; the role says right of
 * its field whether the vocabulary knows it, as it is typed. */
static void ac_draw_form(struct tui_account *s, struct tui_canvas *c, int y)
{
	static const char *const label[AC_F_COUNT] = { "Name", "Role", "Level", "Email" };
	int w = c->w;
	/* Left fields get what the right ones (18) and the role's match (16)
	 * leave: 28 columns on 80. */
	int fb = 18, fa = w - 52;
	if (fa > 34)
		fa = 34;
	if (fa < 4)
		fa = 4;
	int xb = 8 + fa + 1;
	tui_canvas_fill(c, y, 0, AC_FORM_ROWS, w, L' ', TUI_ROLE_NORMAL);
	for (int i = 0; i < AC_F_COUNT; i++) {
		int fy = y + i / 2;
		int x = i % 2 == 0 ? 1 : xb;
		int fw = i % 2 == 0 ? fa : fb;
		tui_canvas_text(c, fy, x, -1, s->form_focus == i ? TUI_ROLE_KEY : TUI_ROLE_DIM,
		                label[i]);
		tui_field_set_width(&s->form[i], fw);
		tui_field_draw(&s->form[i], c, fy, x + 7, fw, s->form_focus == i);
	}
	char role[CORE_CONTACT_ROLE_MAX], said[CORE_CONTACT_ROLE_MAX + 16];
	tui_field_get(&s->form[AC_F_ROLE], role, sizeof role);
	int x = xb + 7 + fb + 1;
	if (role[0] != '\0' && x < w - 4) {
		ac_role_text(role, said, sizeof said);
		tui_canvas_text(c, y, x, w - x - 1, TUI_ROLE_DIM, said);
	}
}

void tui_account_draw(struct tui_account *s, struct tui_canvas *c)
{
	tui_canvas_clear(c);
	int w = c->w;

	tui_canvas_fill(c, 0, 0, 1, w, L' ', TUI_ROLE_TITLE);
	/* Read-only before the name, which a narrow screen cuts. */
	tui_canvas_printf(c, 0, 1, w - 20, TUI_ROLE_TITLE, "Account%s · %s",
	                  s->readonly ? " · read-only" : "", s->account.name);
	struct core_date d = core_date_from_days(s->today);
	char today[40];
	snprintf(today, sizeof today, "%s %d %s %d", core_weekday_abbr(core_weekday(s->today)),
	         d.day, core_month_abbr(d.month), d.year);
	tui_canvas_text(c, 0, w - 1 - tui_text_width(today), -1, TUI_ROLE_TITLE, today);

	char dist[80];
	ac_distance(s, dist, sizeof dist);
	int x = 1;
	if (s->account.city[0] != '\0') {
		x += tui_canvas_text(c, 1, x, w - 2, TUI_ROLE_NORMAL, s->account.city);
		x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_DIM, " · ");
	}
	tui_canvas_text(c, 1, x, w - 1 - x, TUI_ROLE_NORMAL, dist);
	ac_draw_coverage(s, c, 2);

	s->rows = c->h - AC_TOP - AC_BOTTOM - (s->form_open ? AC_FORM_ROWS : 0);
	if (s->rows < 1)
		s->rows = 1;
	/* A reload or a resize may have shortened the body under the scroll. */
	ac_scroll(s, 0);
	struct ac_body b = { c, s->top, s->rows, 0 };
	ac_draw_contacts(s, &b);
	ac_put(&b);
	ac_draw_meetings(s, &b);
	ac_put(&b);
	ac_draw_actions(s, &b);

	int y = c->h - 1;
	if (s->form_open)
		ac_draw_form(s, c, y - AC_FORM_ROWS);
	tui_canvas_fill(c, y, 0, 1, w, L' ', TUI_ROLE_STATUS);
	if (s->message[0] != '\0') {
		tui_canvas_text(c, y, 1, w - 2, s->message_error ? TUI_ROLE_ERROR : TUI_ROLE_STATUS,
		                s->message);
		return;
	}
	x = 1;
	if (s->form_open) {
		tui_canvas_text(c, y, x, w - 2, TUI_ROLE_STATUS,
		                "New contact: Tab next field  Enter add  Esc cancel");
		return;
	}
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_KEY, s->ascii ? "k/j" : "↑↓");
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, " scroll  ");
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_KEY, "Esc");
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, " back  ");
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_KEY, "c");
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, " add contact");
	if (ac_body_lines(s) > s->rows)
		tui_canvas_printf(c, y, x + 2, w - x - 3, TUI_ROLE_DIM, "lines %ld–%ld of %ld",
		                  s->top + 1,
		                  s->top + s->rows < ac_body_lines(s) ? s->top + s->rows
		                                                      : ac_body_lines(s),
		                  ac_body_lines(s));
}
