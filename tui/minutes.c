/* The minutes screen.  The texts live in four text areas and the actions
 * in a list in memory until Ctrl-S: a seller types for minutes and saves
 * once, and Esc never leaves with something unsaved without asking.  The
 * save is two transactions, the actions first and then the minutes (which
 * marks the meeting held): db/ has no call that writes both, and if the
 * second fails the screen stays dirty, so a retry writes both again.
 * The action list and the row that adds or edits one are
 * tui/minutes_actions.c's.  The keys are a table whose rows say whether
 * they write, so a read-only screen (the manager's drill) refuses them in
 * one place; its text areas refuse typing themselves. */
#include "tui/minutes_priv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "db/actions.h"
#include "db/contacts.h"
#include "db/prep.h"
#include "tui/keys.h"
#include "tui/meeting_title.h"

#define MIN_CTRL(c) ((c) & 0x1f)
/* Rows the action list keeps however tall the screen: its heading and
 * six actions (or five and the row for a new one). */
#define MIN_LIST_ROWS 7

/* Where a key of the table applies. */
enum min_scope {
	MIN_AT_ALL,   /* anywhere, the row for an action open or not */
	MIN_AT_ANY,   /* anywhere but in that row, which has its own keys */
	MIN_AT_PART,  /* on the participants row */
	MIN_AT_LIST   /* on the action list */
};

/* Every key of the screen but those the text areas and the row for an
 * action take.  writes: the command changes what is stored, at once (a
 * participant) or at the next save (the actions in memory). */
static const struct min_key {
	enum min_cmd cmd;
	enum min_scope scope;
	int writes;
	struct tui_key keys[4];
} min_keys[] = {
	{ MIN_C_SAVE, MIN_AT_ALL, 1, { { 0, MIN_CTRL('S') }, { 1, KEY_F(2) } } },
	{ MIN_C_NEW_ACTION, MIN_AT_ALL, 1, { { 0, MIN_CTRL('N') } } },
	{ MIN_C_CLOSE, MIN_AT_ANY, 0, { { 0, MIN_ESC } } },
	{ MIN_C_NEXT, MIN_AT_ANY, 0, { { 0, '\t' } } },
	{ MIN_C_PREV, MIN_AT_ANY, 0, { { 1, KEY_BTAB } } },
	{ MIN_C_PART_UP, MIN_AT_PART, 0, { { 1, KEY_UP } } },
	{ MIN_C_PART_DOWN, MIN_AT_PART, 0, { { 1, KEY_DOWN } } },
	{ MIN_C_PART_LEFT, MIN_AT_PART, 0, { { 1, KEY_LEFT }, { 0, 'h' } } },
	{ MIN_C_PART_RIGHT, MIN_AT_PART, 0, { { 1, KEY_RIGHT }, { 0, 'l' } } },
	{ MIN_C_PART_FIRST, MIN_AT_PART, 0, { { 1, KEY_HOME } } },
	{ MIN_C_PART_LAST, MIN_AT_PART, 0, { { 1, KEY_END } } },
	{ MIN_C_PART_TOGGLE, MIN_AT_PART, 1,
	  { { 0, ' ' }, { 0, '\n' }, { 0, '\r' }, { 1, KEY_ENTER } } },
	{ MIN_C_LIST_UP, MIN_AT_LIST, 0, { { 1, KEY_UP }, { 0, 'k' } } },
	{ MIN_C_LIST_DOWN, MIN_AT_LIST, 0, { { 1, KEY_DOWN }, { 0, 'j' } } },
	{ MIN_C_LIST_ADD, MIN_AT_LIST, 1, { { 0, '+' }, { 0, 'a' } } },
	{ MIN_C_LIST_EDIT, MIN_AT_LIST, 1, { { 0, '\n' }, { 0, '\r' }, { 1, KEY_ENTER } } },
	{ MIN_C_LIST_DONE, MIN_AT_LIST, 1, { { 0, ' ' }, { 0, 'd' } } },
	{ MIN_C_LIST_OWNER, MIN_AT_LIST, 1, { { 0, 'o' } } },
	{ MIN_C_LIST_REMOVE, MIN_AT_LIST, 1, { { 1, KEY_DC }, { 0, 'x' } } },
};
#define MIN_N_KEYS (sizeof min_keys / sizeof min_keys[0])

void tui_minutes_say(struct tui_minutes *s, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
	s->message_error = is_error;
}

/* ---- life ---- */

void tui_minutes_free(struct tui_minutes *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < CORE_MIN_COUNT; i++)
		if (s->text[i].buf != NULL)
			tui_textarea_free(&s->text[i]);
	if (s->row_text.buf != NULL)
		tui_field_free(&s->row_text);
	if (s->row_date.buf != NULL)
		tui_field_free(&s->row_date);
	core_action_list_free(&s->actions);
	free(s->contacts);
	free(s->present);
	free(s);
}

static enum core_status min_load(struct tui_minutes *s, struct core_error *err)
{
	struct core_minutes m;
	enum core_status st = db_minutes_get(s->db, s->meeting.id, &m, err);
	if (st != CORE_OK)
		return st;
	for (int i = 0; i < CORE_MIN_COUNT && st == CORE_OK; i++)
		if (tui_textarea_set(&s->text[i],
		                     core_minutes_text(&m, (enum core_minutes_field)i)) != 0)
			st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	core_minutes_free(&m);
	if (st != CORE_OK)
		return st;
	st = db_action_list_meeting(s->db, s->meeting.id, &s->actions, err);
	if (st != CORE_OK)
		return st;
	st = db_contact_list(s->db, s->meeting.account_id, &s->contacts,
	                     &s->n_contacts, err);
	if (st != CORE_OK || s->n_contacts == 0)
		return st;
	s->present = calloc(s->n_contacts, 1);
	if (s->present == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	struct core_contact *in = NULL;
	size_t n_in = 0;
	st = db_participant_list(s->db, s->meeting.id, &in, &n_in, err);
	/* A buying centre is a handful of people: the nested loop is cheap. */
	for (size_t i = 0; st == CORE_OK && i < n_in; i++)
		for (size_t k = 0; k < s->n_contacts; k++)
			if (s->contacts[k].id == in[i].id)
				s->present[k] = 1;
	free(in);
	return st;
}

enum core_status tui_minutes_open(struct db *db, const struct core_meeting *m,
                                  const char *type_label, int64_t today, int ascii,
                                  const char *readonly, struct tui_minutes **out,
                                  struct core_error *err)
{
	*out = NULL;
	struct tui_minutes *s = calloc(1, sizeof *s);
	if (s == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	s->db = db;
	s->meeting = *m;
	core_utf8_copy(s->type_label, sizeof s->type_label,
	               type_label != NULL ? type_label : m->type);
	s->today = today;
	s->ascii = ascii;
	s->readonly = readonly != NULL;
	core_utf8_copy(s->owner, sizeof s->owner, readonly != NULL ? readonly : "");
	snprintf(s->title, sizeof s->title, "Minutes%s",
	         !s->readonly ? "" : ascii ? " - read-only" : " · read-only");
	s->row_edit = -1;
	unsigned flags = TUI_TEXTAREA_NEWLINE | (s->readonly ? TUI_TEXTAREA_READONLY : 0);
	int bad = 0;
	for (int i = 0; i < CORE_MIN_COUNT; i++)
		bad |= tui_textarea_init(&s->text[i], CORE_NOTE_MAX + 1, 2, 78, flags);
	bad |= tui_field_init(&s->row_text, CORE_ACTION_TEXT_MAX, 40);
	bad |= tui_field_init(&s->row_date, MIN_DUE_MAX, MIN_DUE_W);
	if (bad) {
		tui_minutes_free(s);
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	enum core_status st = min_load(s, err);
	if (st != CORE_OK) {
		tui_minutes_free(s);
		return st;
	}
	*out = s;
	return CORE_OK;
}

int tui_minutes_dirty(const struct tui_minutes *s)
{
	for (int i = 0; i < CORE_MIN_COUNT; i++)
		if (s->text[i].dirty)
			return 1;
	return s->actions_dirty ||
	       (s->row_open && (s->row_text.len > 0 || s->row_date.len > 0));
}

/* ---- saving and leaving ---- */

/* Returns 0 when everything is saved, -1 when not (the message says why),
 * -2 when out of memory. */
static int min_save(struct tui_minutes *s)
{
	struct core_error e = { CORE_OK, "" };
	/* A half-typed action is part of what the seller means to save. */
	if (s->row_open && (s->row_text.len > 0 || s->row_date.len > 0)) {
		int r = tui_minutes_row_commit(s);
		if (r != 0)
			return r;
	}
	struct core_minutes m;
	memset(&m, 0, sizeof m);
	enum core_status st = CORE_OK;
	for (int i = 0; i < CORE_MIN_COUNT && st == CORE_OK; i++) {
		char *t = tui_textarea_dup(&s->text[i]);
		st = t == NULL ? CORE_ERR_NOMEM
		               : core_minutes_set(&m, (enum core_minutes_field)i, t, &e);
		free(t);
	}
	if (st == CORE_ERR_NOMEM) {
		core_minutes_free(&m);
		return -2;
	}
	/* Checked before the actions are written, so a refused text writes
	 * nothing at all. */
	if (st == CORE_OK)
		st = core_minutes_check(&m, &e);
	if (st == CORE_OK)
		st = db_action_replace_for_meeting(s->db, s->meeting.id, s->actions.items,
		                                   s->actions.n, &e);
	enum core_mstatus was = s->meeting.status, now = was;
	if (st == CORE_OK)
		st = db_minutes_save(s->db, s->meeting.id, &m, &now, &e);
	core_minutes_free(&m);
	if (st != CORE_OK) {
		tui_minutes_say(s, 1, "not saved: %s", e.msg);
		return st == CORE_ERR_NOMEM ? -2 : -1;
	}
	s->meeting.status = now;
	for (int i = 0; i < CORE_MIN_COUNT; i++)
		tui_textarea_mark_clean(&s->text[i]);
	/* Read back for the ids the new actions got. */
	struct core_action_list l = { NULL, 0, 0 };
	if (db_action_list_meeting(s->db, s->meeting.id, &l, &e) == CORE_OK) {
		core_action_list_free(&s->actions);
		s->actions = l;
		if (s->sel >= l.n)
			s->sel = l.n > 0 ? l.n - 1 : 0;
	} else {
		core_action_list_free(&l);
		tui_minutes_say(s, 1, "saved, but reading the actions back failed: %s", e.msg);
		return -1;
	}
	s->actions_dirty = 0;
	tui_minutes_say(s, 0, "saved%s", was == CORE_MS_PLANNED && now == CORE_MS_HELD
	                                 ? ": the meeting is marked held" : "");
	return 0;
}

static int min_ev_confirm(struct tui_minutes *s, const struct tui_event *ev)
{
	int r;
	switch (tui_ev_answer(ev)) {
	case TUI_ANSWER_YES:
		s->confirm = 0;
		r = min_save(s);
		if (r == -2)
			return TUI_QUIT;
		return r == 0 ? TUI_CLOSE | TUI_RELOAD : TUI_RELOAD;
	case TUI_ANSWER_NO:
		return TUI_CLOSE;
	case TUI_ANSWER_BACK:
		s->confirm = 0;
		s->message[0] = '\0';
		return TUI_REDRAW;
	case TUI_ANSWER_NONE:
		break;
	}
	return TUI_NONE;
}

static int min_escape(struct tui_minutes *s)
{
	if (!tui_minutes_dirty(s))
		return TUI_CLOSE;
	s->confirm = 1;
	tui_minutes_say(s, 0, TUI_SAVE_QUESTION);
	return TUI_REDRAW;
}

/* ---- the participants ---- */

/* Written at once, each toggle its own transaction like the checklist's
 * ticks: who was in the meeting is not lost when the minutes are not
 * saved. */
static void min_part_toggle(struct tui_minutes *s)
{
	struct core_error e = { CORE_OK, "" };
	const struct core_contact *k = &s->contacts[s->part_sel];
	int was = s->present[s->part_sel];
	enum core_status st = was ? db_participant_remove(s->db, s->meeting.id, k->id, &e)
	                          : db_participant_add(s->db, s->meeting.id, k->id, &e);
	/* Gone already (another window removed it): what was wanted holds. */
	if (st != CORE_OK && !(was && st == CORE_ERR_NOTFOUND)) {
		tui_minutes_say(s, 1, "not changed: %s", e.msg);
		return;
	}
	s->present[s->part_sel] = !was;
	tui_minutes_say(s, 0, "%s %s in the meeting", k->name, was ? "was not" : "was");
}

static int min_part(struct tui_minutes *s, enum min_cmd cmd)
{
	if (cmd == MIN_C_PART_UP) {
		s->focus = MIN_PART - 1;
		return TUI_REDRAW;
	}
	if (cmd == MIN_C_PART_DOWN) {
		s->focus = MIN_LIST;
		return TUI_REDRAW;
	}
	if (s->n_contacts == 0)
		return TUI_NONE;
	switch (cmd) {
	case MIN_C_PART_LEFT:
		if (s->part_sel > 0)
			s->part_sel--;
		break;
	case MIN_C_PART_RIGHT:
		if (s->part_sel + 1 < s->n_contacts)
			s->part_sel++;
		break;
	case MIN_C_PART_FIRST:
		s->part_sel = 0;
		break;
	case MIN_C_PART_LAST:
		s->part_sel = s->n_contacts - 1;
		break;
	case MIN_C_PART_TOGGLE:
		min_part_toggle(s);
		break;
	default:
		return TUI_NONE;
	}
	return TUI_REDRAW;
}

/* What every key that would write gets on a read-only screen. */
static int min_refuse(struct tui_minutes *s)
{
	tui_minutes_say(s, 1, "read-only: %s's minutes", s->owner);
	return TUI_REDRAW;
}

static int min_ev_text(struct tui_minutes *s, const struct tui_event *ev)
{
	int refused;
	int r = tui_textarea_column_event(s->text, &s->focus, ev, &refused);
	if (refused == TUI_TEXTAREA_REFUSED)
		return min_refuse(s);
	if (refused == TUI_TEXTAREA_FULL)
		tui_minutes_say(s, 1, "the text is full: %d KiB at most", CORE_NOTE_MAX / 1024);
	return r;
}

static int min_click(struct tui_minutes *s, const struct tui_event *ev)
{
	if (tui_textarea_column_click(s->text, CORE_MIN_COUNT, s->text_y, 1, ev, &s->focus))
		return TUI_REDRAW;
	long i = (long)ev->y - (s->list_y + 1) + s->list_top;
	if (ev->y > s->list_y && i >= 0 && (size_t)i < s->actions.n) {
		s->focus = MIN_LIST;
		s->sel = (size_t)i;
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

static const struct min_key *min_lookup(const struct tui_minutes *s,
                                        const struct tui_event *ev)
{
	for (size_t i = 0; i < MIN_N_KEYS; i++) {
		const struct min_key *k = &min_keys[i];
		if (k->scope != MIN_AT_ALL &&
		    (s->row_open || (k->scope == MIN_AT_PART && s->focus != MIN_PART) ||
		     (k->scope == MIN_AT_LIST && s->focus != MIN_LIST)))
			continue;
		if (tui_key_match(k->keys, sizeof k->keys / sizeof k->keys[0], ev))
			return k;
	}
	return NULL;
}

int tui_minutes_event(struct tui_minutes *s, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_TICK)
		return TUI_NONE;
	/* Asked only for unsaved changes, which a read-only screen never has. */
	if (s->confirm)
		return min_ev_confirm(s, ev);
	s->message[0] = '\0';
	s->message_error = 0;
	if (ev->kind == TUI_EV_MOUSE)
		return min_click(s, ev);
	const struct min_key *k = min_lookup(s, ev);
	if (k == NULL) {
		/* The row opens only on a command that writes. */
		if (s->row_open)
			return tui_minutes_ev_row(s, ev);
		return s->focus < MIN_PART ? min_ev_text(s, ev) : TUI_NONE;
	}
	if (k->writes && s->readonly)
		return min_refuse(s);
	switch (k->cmd) {
	case MIN_C_SAVE: {
		int r = min_save(s);
		return r == -2 ? TUI_QUIT : r == 0 ? TUI_RELOAD | TUI_REDRAW : TUI_REDRAW;
	}
	case MIN_C_NEW_ACTION:
		tui_minutes_row_open(s, -1);
		return TUI_REDRAW;
	case MIN_C_CLOSE:
		return min_escape(s);
	case MIN_C_NEXT:
		s->focus = (s->focus + 1) % (MIN_LIST + 1);
		return TUI_REDRAW;
	case MIN_C_PREV:
		s->focus = (s->focus + MIN_LIST) % (MIN_LIST + 1);
		return TUI_REDRAW;
	case MIN_C_PART_UP: case MIN_C_PART_DOWN: case MIN_C_PART_LEFT:
	case MIN_C_PART_RIGHT: case MIN_C_PART_FIRST: case MIN_C_PART_LAST:
	case MIN_C_PART_TOGGLE:
		return min_part(s, k->cmd);
	default:
		return tui_minutes_ev_list(s, k->cmd);
	}
}

/* ---- drawing ---- */

/* "[x] Mette Hansen, decision maker" into buf. */
static void min_part_item(const struct tui_minutes *s, size_t i, char *buf, size_t n)
{
	const struct core_contact *k = &s->contacts[i];
	enum core_role r;
	const char *role = core_role_parse(k->role, &r) == 0 ? core_role_label(r) : k->role;
	snprintf(buf, n, "[%c] %s%s%s", s->present[i] ? 'x' : ' ', k->name,
	         role[0] != '\0' ? ", " : "", role);
}

/* One row: the label, then as many contacts as fit from part_first, which
 * moves so that the chosen one is in view, and "+N" for those after. */
static void min_draw_part(struct tui_minutes *s, struct tui_canvas *c, int y)
{
	int focused = s->focus == MIN_PART && !s->row_open;
	int x0 = 1 + tui_canvas_text(c, y, 1, -1, focused ? TUI_ROLE_KEY : TUI_ROLE_DIM,
	                             "Participants") + 2;
	if (s->n_contacts == 0) {
		tui_canvas_text(c, y, x0, c->w - x0 - 1, TUI_ROLE_DIM,
		                "no contacts at the account: A, then c adds one");
		return;
	}
	int room = c->w - x0 - 5; /* leaves " +NN" */
	char item[CORE_NAME_MAX + CORE_CONTACT_ROLE_MAX + 8];
	if (s->part_sel < s->part_first)
		s->part_first = s->part_sel;
	for (;;) {
		int used = 0;
		for (size_t i = s->part_first; i <= s->part_sel; i++) {
			min_part_item(s, i, item, sizeof item);
			used += tui_text_width(item) + 2;
		}
		if (used - 2 <= room || s->part_first == s->part_sel)
			break;
		s->part_first++;
	}
	int x = x0;
	if (s->part_first > 0)
		tui_canvas_text(c, y, x0 - 2, 1, TUI_ROLE_DIM, s->ascii ? "<" : "…");
	size_t i = s->part_first;
	for (; i < s->n_contacts; i++) {
		min_part_item(s, i, item, sizeof item);
		int iw = tui_text_width(item);
		if (x + iw > x0 + room && i != s->part_first)
			break;
		int w = tui_canvas_text(c, y, x, x0 + room - x,
		                        s->present[i] ? TUI_ROLE_GOOD : TUI_ROLE_NORMAL, item);
		if (focused && i == s->part_sel)
			tui_canvas_paint(c, y, x, 1, w, TUI_ROLE_SELECTED);
		x += w + 2;
	}
	if (i < s->n_contacts)
		tui_canvas_printf(c, y, c->w - 5, 4, TUI_ROLE_DIM, "+%zu", s->n_contacts - i);
}

static const char *min_keys_line(const struct tui_minutes *s)
{
	if (s->row_open)
		return "Tab text/due  Enter add  Esc close the row  Ctrl-S/F2 save";
	if (s->focus == MIN_LIST)
		return s->ascii ? "Up/Down move  Enter edit  Space done  o owner  x remove"
		                  "  + add  Ctrl-S/F2 save  Esc close"
		                : "↑↓ move  Enter edit  Space done  o owner  x remove"
		                  "  + add  Ctrl-S/F2 save  Esc close";
	if (s->focus == MIN_PART)
		return s->ascii ? "Left/Right choose  Space was there or not  Tab next"
		                  "  Ctrl-S/F2 save  Esc close"
		                : "←→ choose  Space was there or not  Tab next"
		                  "  Ctrl-S/F2 save  Esc close";
	return "Tab next field  Ctrl-N add action  Ctrl-S/F2 save  Esc close";
}

void tui_minutes_draw(struct tui_minutes *s, struct tui_canvas *c)
{
	tui_canvas_clear(c);
	tui_meeting_title_draw(c, &s->meeting, s->title, s->type_label, tui_minutes_dirty(s),
	                       s->ascii);
	/* The texts share what the participants row and the action list
	 * leave, a label row each. */
	int avail = c->h - 4;
	int th = (avail - MIN_LIST_ROWS) / CORE_MIN_COUNT - 1;
	if (th < 1)
		th = 1;
	int y = 2;
	for (int i = 0; i < CORE_MIN_COUNT; i++) {
		struct tui_textarea *t = &s->text[i];
		int focused = s->focus == i && !s->row_open;
		if (t->h != th || t->w != c->w - 2)
			tui_textarea_resize(t, th, c->w - 2);
		tui_canvas_text(c, y, 1, -1, focused ? TUI_ROLE_KEY : TUI_ROLE_DIM,
		                i == CORE_MIN_NEEDS ? "Customer needs & business pains"
		                                    : core_minutes_label((enum core_minutes_field)i));
		if (tui_textarea_more_above(t) || tui_textarea_more_below(t))
			tui_canvas_text(c, y, c->w - 12, -1, TUI_ROLE_DIM,
			                tui_textarea_more_above(t) ? "(more above)" : "(more below)");
		s->text_y[i] = y + 1;
		tui_textarea_draw(t, c, y + 1, 1, focused);
		y += th + 1;
	}
	min_draw_part(s, c, y);
	y++;
	tui_minutes_draw_list(s, c, y, c->h - 1 - y);
	int sy = c->h - 1;
	tui_canvas_fill(c, sy, 0, 1, c->w, L' ', TUI_ROLE_STATUS);
	if (s->message[0] != '\0')
		tui_canvas_text(c, sy, 1, c->w - 2,
		                s->message_error ? TUI_ROLE_ERROR : TUI_ROLE_STATUS, s->message);
	else
		tui_canvas_text(c, sy, 1, c->w - 2, TUI_ROLE_STATUS, min_keys_line(s));
	if (s->focus >= MIN_PART && !s->row_open)
		c->cursor_y = -1;
}
