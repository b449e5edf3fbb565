/* The minutes screen's follow-up actions: the list (move, edit, tick
 * done, cycle the owner, remove) and the row that adds or edits one, its
 * text and due day.  Nothing is written here: the list lives in memory
 * until tui/minutes.c saves it with the minutes. */
#include "tui/minutes_priv.h"

#include <string.h>

#include "core/calendar.h"
#include "core/due.h"
#include "core/utf8.h"

/* ---- the row for an action ---- */

void tui_minutes_row_open(struct tui_minutes *s, long edit)
{
	s->focus = MIN_LIST;
	s->row_open = 1;
	s->row_due = 0;
	s->row_edit = edit;
	tui_field_set(&s->row_text, "");
	tui_field_set(&s->row_date, "");
	if (edit >= 0) {
		const struct core_action *a = &s->actions.items[edit];
		char iso[16];
		core_date_format(core_date_from_days(a->due), iso, sizeof iso);
		tui_field_set(&s->row_text, a->text);
		tui_field_set(&s->row_date, iso);
	}
}

static int min_blank(const char *t)
{
	while (*t == ' ' || *t == '\t')
		t++;
	return *t == '\0';
}

/* Adds (or rewrites) the action the row holds.  Returns 0, -1 when the
 * row is refused (the message says why), -2 when out of memory. */
int tui_minutes_row_commit(struct tui_minutes *s)
{
	struct core_error e = { CORE_OK, "" };
	char text[CORE_ACTION_TEXT_MAX], due_text[MIN_DUE_MAX];
	int64_t due;
	tui_field_get(&s->row_text, text, sizeof text);
	tui_field_get(&s->row_date, due_text, sizeof due_text);
	if (min_blank(text)) {
		s->row_due = 0;
		tui_minutes_say(s, 1, "type what is to be done first");
		return -1;
	}
	if (min_blank(due_text)) {
		s->row_due = 1;
		tui_minutes_say(s, 1, "type a due date: 2026-12-01, +3d, fri or next week");
		return -1;
	}
	if (core_due_parse(due_text, s->today, &due, &e) != CORE_OK) {
		s->row_due = 1;
		tui_minutes_say(s, 1, "%s", e.msg);
		return -1;
	}
	struct core_action *a;
	if (s->row_edit >= 0) {
		a = &s->actions.items[s->row_edit];
	} else {
		struct core_action n;
		memset(&n, 0, sizeof n);
		n.meeting_id = s->meeting.id;
		n.account_id = s->meeting.account_id;
		n.seller_id = s->meeting.seller_id;
		a = core_action_list_push(&s->actions, &n);
		if (a == NULL)
			return -2;
	}
	core_utf8_copy(a->text, sizeof a->text, text);
	a->due = due;
	s->sel = (size_t)(a - s->actions.items);
	s->actions_dirty = 1;
	char when[24];
	core_due_format(due, s->today, when, sizeof when);
	if (s->row_edit >= 0) {
		s->row_open = 0;
		tui_minutes_say(s, 0, "changed, due %s", when);
	} else {
		/* The row stays for the next action: three in a row, no keys
		 * between them. */
		tui_minutes_row_open(s, -1);
		tui_minutes_say(s, 0, "added, due %s; type the next or Esc", when);
	}
	return 0;
}

int tui_minutes_ev_row(struct tui_minutes *s, const struct tui_event *ev)
{
	if (tui_ev_char(ev, MIN_ESC)) {
		s->row_open = 0;
		return TUI_REDRAW;
	}
	if (tui_ev_char(ev, '\t') || tui_ev_key(ev, KEY_BTAB)) {
		s->row_due = !s->row_due;
		return TUI_REDRAW;
	}
	if (min_is_enter(ev)) {
		if (!s->row_due && s->row_date.len == 0) {
			s->row_due = 1;
			return TUI_REDRAW;
		}
		return tui_minutes_row_commit(s) == -2 ? TUI_QUIT : TUI_REDRAW;
	}
	tui_field_event(s->row_due ? &s->row_date : &s->row_text, ev);
	return TUI_REDRAW;
}

/* ---- the action list ---- */

static void min_owner_next(struct tui_minutes *s, struct core_action *a)
{
	size_t i = 0;
	if (a->owner_contact_id != 0)
		while (i < s->n_contacts && s->contacts[i].id != a->owner_contact_id)
			i++;
	/* us, the first contact, ..., the last contact, us again */
	if (a->owner_contact_id != 0)
		i++;
	if (i < s->n_contacts) {
		a->owner_contact_id = s->contacts[i].id;
		core_utf8_copy(a->owner, sizeof a->owner, s->contacts[i].name);
	} else {
		a->owner_contact_id = 0;
		a->owner[0] = '\0';
	}
	tui_minutes_say(s, 0, "owner: %s%s", a->owner_contact_id ? a->owner : "us",
	                s->n_contacts == 0 ? " (the account has no contacts)" : "");
}

int tui_minutes_ev_list(struct tui_minutes *s, enum min_cmd cmd)
{
	size_t n = s->actions.n;
	struct core_action *a = s->sel < n ? &s->actions.items[s->sel] : NULL;
	if (cmd == MIN_C_LIST_UP) {
		if (s->sel > 0)
			s->sel--;
		else
			s->focus = MIN_LIST - 1;
		return TUI_REDRAW;
	}
	if (cmd == MIN_C_LIST_DOWN) {
		if (s->sel + 1 < n)
			s->sel++;
		return TUI_REDRAW;
	}
	/* Enter on an empty list adds the first. */
	if (cmd == MIN_C_LIST_ADD || (a == NULL && cmd == MIN_C_LIST_EDIT)) {
		tui_minutes_row_open(s, -1);
		return TUI_REDRAW;
	}
	if (a == NULL)
		return TUI_NONE;
	switch (cmd) {
	case MIN_C_LIST_EDIT:
		tui_minutes_row_open(s, (long)s->sel);
		break;
	case MIN_C_LIST_DONE:
		a->done = !a->done;
		s->actions_dirty = 1;
		break;
	case MIN_C_LIST_OWNER:
		min_owner_next(s, a);
		s->actions_dirty = 1;
		break;
	case MIN_C_LIST_REMOVE:
		memmove(a, a + 1, (n - s->sel - 1) * sizeof *a);
		s->actions.n--;
		if (s->sel > 0 && s->sel >= s->actions.n)
			s->sel--;
		s->actions_dirty = 1;
		break;
	default:
		return TUI_NONE;
	}
	return TUI_REDRAW;
}

/* ---- drawing ---- */

static void min_draw_row(struct tui_minutes *s, struct tui_canvas *c, int y)
{
	int due_x = c->w - MIN_DUE_W - 2;
	int text_w = due_x - 5 - 3;
	tui_canvas_text(c, y, 1, -1, TUI_ROLE_KEY, s->row_edit >= 0 ? "> " : "+ ");
	tui_field_set_width(&s->row_text, text_w);
	tui_field_draw(&s->row_text, c, y, 3, text_w, !s->row_due);
	tui_canvas_text(c, y, due_x - 4, -1, TUI_ROLE_DIM, "due");
	tui_field_draw(&s->row_date, c, y, due_x, MIN_DUE_W, s->row_due);
}

void tui_minutes_draw_list(struct tui_minutes *s, struct tui_canvas *c, int y, int rows)
{
	int focused = s->focus == MIN_LIST;
	s->list_y = y;
	tui_canvas_printf(c, y, 1, -1, focused ? TUI_ROLE_KEY : TUI_ROLE_DIM,
	                  "Follow-up actions (%zu)", s->actions.n);
	tui_canvas_text(c, y, 30, -1, TUI_ROLE_DIM, "Due");
	tui_canvas_text(c, y, 47, -1, TUI_ROLE_DIM, "Owner");
	rows--;
	if (s->row_open)
		rows--;
	if (rows < 1)
		rows = 1;
	long top = s->sel >= (size_t)rows ? (long)s->sel - rows + 1 : 0;
	s->list_top = (int)top;
	if (s->actions.n == 0 && !s->row_open)
		tui_canvas_text(c, y + 1, 3, c->w - 4, TUI_ROLE_DIM,
		                "none yet: Ctrl-N adds one (text, Tab, due, Enter)");
	int r = 0;
	for (size_t i = (size_t)top; i < s->actions.n && r < rows; i++, r++) {
		const struct core_action *a = &s->actions.items[i];
		int ry = y + 1 + r;
		char due[24];
		core_due_format(a->due, s->today, due, sizeof due);
		tui_canvas_text(c, ry, 1, -1, a->done ? TUI_ROLE_GOOD : TUI_ROLE_NORMAL,
		                a->done ? "[x]" : "[ ]");
		tui_canvas_text(c, ry, 5, 24, a->done ? TUI_ROLE_DIM : TUI_ROLE_NORMAL, a->text);
		tui_canvas_text(c, ry, 30, 16,
		                !a->done && a->due < s->today ? TUI_ROLE_WARNING
		                                              : TUI_ROLE_NORMAL, due);
		tui_canvas_text(c, ry, 47, c->w - 48, TUI_ROLE_NORMAL,
		                a->owner_contact_id != 0 ? a->owner : "us");
		if (focused && !s->row_open && i == s->sel)
			tui_canvas_paint(c, ry, 0, 1, c->w, TUI_ROLE_SELECTED);
	}
	if (s->row_open)
		min_draw_row(s, c, y + 1 + (r < rows ? r : rows));
}
