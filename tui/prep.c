/* The preparation screen.  The texts live in three text areas until
 * Ctrl-S, as in the minutes screen; a checklist tick is different: it is
 * one click's worth of work, done in the middle of a meeting, so each is
 * written at once in its own transaction and never waits for a save.
 * The keys are a table whose rows say whether they write, so a read-only
 * screen (the manager's drill) refuses them in one place; its text areas
 * refuse typing themselves. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/checklist.h"
#include "core/domain.h"
#include "core/minutes.h"
#include "core/utf8.h"
#include "db/prep.h"
#include "db/settings.h"
#include "tui/keys.h"
#include "tui/meeting_title.h"
#include "tui/prep.h"
#include "tui/textarea.h"

#define PREP_ESC 27
#define PREP_CTRL(c) ((c) & 0x1f)
#define PREP_LIST CORE_PREP_COUNT   /* the focus index of the checklist */
/* Rows the checklist keeps however tall the screen: its heading and six
 * items; the rest scroll. */
#define PREP_LIST_ROWS 7

enum prep_cmd {
	PREP_SAVE, PREP_CLOSE, PREP_NEXT, PREP_PREV,
	PREP_UP, PREP_DOWN, PREP_FIRST, PREP_LAST, PREP_TICK
};

/* Every key of the screen but those the text areas take.  in_list: only
 * with the checklist focused (elsewhere the key is the text's).  writes:
 * what the command does reaches the database, at once or at the save. */
static const struct prep_key {
	enum prep_cmd cmd;
	int in_list;
	int writes;
	struct tui_key keys[4];
} prep_keys[] = {
	{ PREP_SAVE, 0, 1, { { 0, PREP_CTRL('S') }, { 1, KEY_F(2) } } },
	{ PREP_CLOSE, 0, 0, { { 0, PREP_ESC } } },
	{ PREP_NEXT, 0, 0, { { 0, '\t' } } },
	{ PREP_PREV, 0, 0, { { 1, KEY_BTAB } } },
	{ PREP_UP, 1, 0, { { 1, KEY_UP }, { 0, 'k' } } },
	{ PREP_DOWN, 1, 0, { { 1, KEY_DOWN }, { 0, 'j' } } },
	{ PREP_FIRST, 1, 0, { { 1, KEY_HOME } } },
	{ PREP_LAST, 1, 0, { { 1, KEY_END } } },
	{ PREP_TICK, 1, 1, { { 0, ' ' }, { 0, '\n' }, { 0, '\r' }, { 1, KEY_ENTER } } },
};
#define PREP_N_KEYS (sizeof prep_keys / sizeof prep_keys[0])

struct tui_prep {
	struct db *db;                 /* the owner's */
	struct core_meeting meeting;
	char type_label[64];
	char title[64];                /* "Preparation", and "read-only" */
	int ascii;
	int readonly;                  /* no key writes: the manager's drill */
	char owner[CORE_NAME_MAX];     /* whose file it is, when read-only */
	struct tui_textarea text[CORE_PREP_COUNT];
	int focus;                     /* a text, or PREP_LIST */
	struct core_checklist list;
	int sel;                       /* index into list.items */
	int confirm;                   /* Esc asked "save changes?" */
	int text_y[CORE_PREP_COUNT];   /* the layout of the last draw */
	int list_y, list_top;
	char message[320];
	int message_error;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void prep_say(struct tui_prep *s, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->message, sizeof s->message, fmt, ap);
	va_end(ap);
	s->message_error = is_error;
}

/* ---- life ---- */

void tui_prep_free(struct tui_prep *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < CORE_PREP_COUNT; i++)
		if (s->text[i].buf != NULL)
			tui_textarea_free(&s->text[i]);
	free(s);
}

static enum core_status prep_load(struct tui_prep *s, struct core_error *err)
{
	struct core_prep p;
	enum core_status st = db_prep_get(s->db, s->meeting.id, &p, err);
	if (st != CORE_OK)
		return st;
	for (int i = 0; i < CORE_PREP_COUNT && st == CORE_OK; i++)
		if (tui_textarea_set(&s->text[i], core_prep_text(&p, (enum core_prep_field)i)) != 0)
			st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	core_prep_free(&p);
	if (st != CORE_OK)
		return st;
	/* The team's own list when the manager stored one (db/settings.h). */
	st = db_checklist_get(s->db, s->meeting.form, &s->list, NULL, err);
	if (st != CORE_OK)
		return st;
	return db_checklist_read(s->db, s->meeting.id, &s->list, err);
}

enum core_status tui_prep_open(struct db *db, const struct core_meeting *m,
                               const char *type_label, int ascii, const char *readonly,
                               struct tui_prep **out, struct core_error *err)
{
	*out = NULL;
	struct tui_prep *s = calloc(1, sizeof *s);
	if (s == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	s->db = db;
	s->meeting = *m;
	core_utf8_copy(s->type_label, sizeof s->type_label,
	               type_label != NULL ? type_label : m->type);
	s->ascii = ascii;
	s->readonly = readonly != NULL;
	core_utf8_copy(s->owner, sizeof s->owner, readonly != NULL ? readonly : "");
	snprintf(s->title, sizeof s->title, "Preparation%s",
	         !s->readonly ? "" : ascii ? " - read-only" : " · read-only");
	unsigned flags = TUI_TEXTAREA_NEWLINE | (s->readonly ? TUI_TEXTAREA_READONLY : 0);
	int bad = 0;
	for (int i = 0; i < CORE_PREP_COUNT; i++)
		bad |= tui_textarea_init(&s->text[i], CORE_NOTE_MAX + 1, 2, 78, flags);
	if (bad) {
		tui_prep_free(s);
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	enum core_status st = prep_load(s, err);
	if (st != CORE_OK) {
		tui_prep_free(s);
		return st;
	}
	*out = s;
	return CORE_OK;
}

int tui_prep_dirty(const struct tui_prep *s)
{
	for (int i = 0; i < CORE_PREP_COUNT; i++)
		if (s->text[i].dirty)
			return 1;
	return 0;
}

/* ---- saving and leaving ---- */

/* Returns 0 when the texts are saved, -1 when not (the message says why),
 * -2 when out of memory. */
static int prep_save(struct tui_prep *s)
{
	struct core_error e = { CORE_OK, "" };
	struct core_prep p;
	memset(&p, 0, sizeof p);
	enum core_status st = CORE_OK;
	for (int i = 0; i < CORE_PREP_COUNT && st == CORE_OK; i++) {
		char *t = tui_textarea_dup(&s->text[i]);
		st = t == NULL ? CORE_ERR_NOMEM
		               : core_prep_set(&p, (enum core_prep_field)i, t, &e);
		free(t);
	}
	if (st == CORE_OK)
		st = db_prep_set(s->db, s->meeting.id, &p, &e);
	core_prep_free(&p);
	if (st != CORE_OK) {
		if (st == CORE_ERR_NOMEM)
			return -2;
		prep_say(s, 1, "not saved: %s", e.msg);
		return -1;
	}
	for (int i = 0; i < CORE_PREP_COUNT; i++)
		tui_textarea_mark_clean(&s->text[i]);
	prep_say(s, 0, "saved");
	return 0;
}

static int prep_ev_confirm(struct tui_prep *s, const struct tui_event *ev)
{
	int r;
	switch (tui_ev_answer(ev)) {
	case TUI_ANSWER_YES:
		s->confirm = 0;
		r = prep_save(s);
		if (r == -2)
			return TUI_QUIT;
		return r == 0 ? TUI_CLOSE : TUI_REDRAW;
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

static int prep_escape(struct tui_prep *s)
{
	if (!tui_prep_dirty(s))
		return TUI_CLOSE;
	s->confirm = 1;
	prep_say(s, 0, TUI_SAVE_QUESTION);
	return TUI_REDRAW;
}

/* ---- the checklist ---- */

/* Written before the screen shows it: what the screen says is ticked is
 * what is stored. */
static int prep_tick(struct tui_prep *s)
{
	struct core_error e = { CORE_OK, "" };
	struct core_checklist_item *it = &s->list.items[s->sel];
	int want = !it->ticked;
	enum core_status st = db_checklist_tick(s->db, s->meeting.id, it->key, want, &e);
	if (st == CORE_ERR_NOMEM)
		return TUI_QUIT;
	if (st != CORE_OK) {
		prep_say(s, 1, "not ticked: %s", e.msg);
		return TUI_REDRAW;
	}
	it->ticked = want;
	return TUI_REDRAW;
}

/* What every key that would write gets on a read-only screen. */
static int prep_refuse(struct tui_prep *s)
{
	prep_say(s, 1, "read-only: %s's preparation", s->owner);
	return TUI_REDRAW;
}

static int prep_ev_text(struct tui_prep *s, const struct tui_event *ev)
{
	int refused;
	int r = tui_textarea_column_event(s->text, &s->focus, ev, &refused);
	if (refused == TUI_TEXTAREA_REFUSED)
		return prep_refuse(s);
	if (refused == TUI_TEXTAREA_FULL)
		prep_say(s, 1, "the text is full: %d KiB at most", CORE_NOTE_MAX / 1024);
	return r;
}

static int prep_click(struct tui_prep *s, const struct tui_event *ev)
{
	if (tui_textarea_column_click(s->text, CORE_PREP_COUNT, s->text_y, 1, ev, &s->focus))
		return TUI_REDRAW;
	/* A click selects an item; ticking stays a key, so a stray click
	 * never changes what is stored. */
	long i = (long)ev->y - (s->list_y + 1) + s->list_top;
	if (ev->y > s->list_y && i >= 0 && i < s->list.n_items) {
		s->focus = PREP_LIST;
		s->sel = (int)i;
		return TUI_REDRAW;
	}
	return TUI_NONE;
}

static const struct prep_key *prep_lookup(const struct tui_prep *s,
                                          const struct tui_event *ev)
{
	for (size_t i = 0; i < PREP_N_KEYS; i++)
		if ((!prep_keys[i].in_list || s->focus == PREP_LIST) &&
		    tui_key_match(prep_keys[i].keys,
		                  sizeof prep_keys[i].keys / sizeof prep_keys[i].keys[0], ev))
			return &prep_keys[i];
	return NULL;
}

int tui_prep_event(struct tui_prep *s, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_TICK)
		return TUI_NONE;
	/* Asked only for unsaved text, which a read-only screen never has. */
	if (s->confirm)
		return prep_ev_confirm(s, ev);
	s->message[0] = '\0';
	s->message_error = 0;
	if (ev->kind == TUI_EV_MOUSE)
		return prep_click(s, ev);
	const struct prep_key *k = prep_lookup(s, ev);
	if (k == NULL)
		return s->focus < PREP_LIST ? prep_ev_text(s, ev) : TUI_NONE;
	if (k->writes && s->readonly)
		return prep_refuse(s);
	switch (k->cmd) {
	case PREP_SAVE:
		return prep_save(s) == -2 ? TUI_QUIT : TUI_REDRAW;
	case PREP_CLOSE:
		return prep_escape(s);
	case PREP_NEXT:
		s->focus = (s->focus + 1) % (PREP_LIST + 1);
		return TUI_REDRAW;
	case PREP_PREV:
		s->focus = (s->focus + PREP_LIST) % (PREP_LIST + 1);
		return TUI_REDRAW;
	case PREP_UP:
		if (s->sel > 0)
			s->sel--;
		else
			s->focus = PREP_LIST - 1;
		return TUI_REDRAW;
	case PREP_DOWN:
		if (s->sel + 1 < s->list.n_items)
			s->sel++;
		return TUI_REDRAW;
	case PREP_FIRST:
		s->sel = 0;
		return TUI_REDRAW;
	case PREP_LAST:
		s->sel = s->list.n_items > 0 ? s->list.n_items - 1 : 0;
		return TUI_REDRAW;
	case PREP_TICK:
		return s->sel < s->list.n_items ? prep_tick(s) : TUI_NONE;
	}
	return TUI_NONE;
}

/* ---- drawing ---- */

static void prep_draw_list(struct tui_prep *s, struct tui_canvas *c, int y, int rows)
{
	int focused = s->focus == PREP_LIST;
	int done = 0;
	for (int i = 0; i < s->list.n_items; i++)
		done += s->list.items[i].ticked != 0;
	s->list_y = y;
	tui_canvas_printf(c, y, 1, c->w - 2, focused ? TUI_ROLE_KEY : TUI_ROLE_DIM,
	                  "Checklist for a %s meeting (%d of %d done)",
	                  core_form_key(s->meeting.form), done, s->list.n_items);
	rows--;
	if (rows < 1)
		rows = 1;
	int top = s->sel >= rows ? s->sel - rows + 1 : 0;
	s->list_top = top;
	if (top > 0 || top + rows < s->list.n_items)
		tui_canvas_text(c, y, c->w - 12, -1, TUI_ROLE_DIM,
		                top + rows < s->list.n_items ? "(more below)" : "(more above)");
	if (s->list.n_items == 0)
		tui_canvas_text(c, y + 1, 3, c->w - 4, TUI_ROLE_DIM,
		                "no items: the team's checklist for this form is empty");
	for (int i = top, r = 0; i < s->list.n_items && r < rows; i++, r++) {
		const struct core_checklist_item *it = &s->list.items[i];
		int ry = y + 1 + r;
		tui_canvas_text(c, ry, 1, -1, it->ticked ? TUI_ROLE_GOOD : TUI_ROLE_NORMAL,
		                it->ticked ? "[x]" : "[ ]");
		tui_canvas_text(c, ry, 5, c->w - 6, it->ticked ? TUI_ROLE_DIM : TUI_ROLE_NORMAL,
		                it->text);
		if (focused && i == s->sel)
			tui_canvas_paint(c, ry, 0, 1, c->w, TUI_ROLE_SELECTED);
	}
}

static const char *prep_keys_line(const struct tui_prep *s)
{
	if (s->focus == PREP_LIST)
		return s->ascii ? "Up/Down move  Space tick  Tab next field  Ctrl-S/F2 save"
		                  "  Esc close"
		                : "↑↓ move  Space tick  Tab next field  Ctrl-S/F2 save  Esc close";
	return "Tab next field  Ctrl-S/F2 save  Esc close";
}

static const char *prep_label(enum core_prep_field f)
{
	return f == CORE_PREP_PAINS ? "Business pains & acceptances to focus on"
	                            : core_prep_label(f);
}

void tui_prep_draw(struct tui_prep *s, struct tui_canvas *c)
{
	tui_canvas_clear(c);
	tui_meeting_title_draw(c, &s->meeting, s->title, s->type_label, tui_prep_dirty(s),
	                       s->ascii);
	/* The checklist takes its rows (no more than its items need), the
	 * texts share the rest, a label row each. */
	int avail = c->h - 3;
	int list_rows = s->list.n_items + 1 < PREP_LIST_ROWS ? s->list.n_items + 1
	                                                     : PREP_LIST_ROWS;
	if (list_rows < 2)
		list_rows = 2;
	int th = (avail - list_rows) / CORE_PREP_COUNT - 1;
	if (th < 1)
		th = 1;
	int y = 2;
	for (int i = 0; i < CORE_PREP_COUNT; i++) {
		struct tui_textarea *t = &s->text[i];
		int focused = s->focus == i && !s->confirm;
		if (t->h != th || t->w != c->w - 2)
			tui_textarea_resize(t, th, c->w - 2);
		tui_canvas_text(c, y, 1, -1, focused ? TUI_ROLE_KEY : TUI_ROLE_DIM,
		                prep_label((enum core_prep_field)i));
		if (tui_textarea_more_above(t) || tui_textarea_more_below(t))
			tui_canvas_text(c, y, c->w - 12, -1, TUI_ROLE_DIM,
			                tui_textarea_more_above(t) ? "(more above)" : "(more below)");
		s->text_y[i] = y + 1;
		tui_textarea_draw(t, c, y + 1, 1, focused);
		y += th + 1;
	}
	prep_draw_list(s, c, y, c->h - 1 - y);
	int sy = c->h - 1;
	tui_canvas_fill(c, sy, 0, 1, c->w, L' ', TUI_ROLE_STATUS);
	if (s->message[0] != '\0')
		tui_canvas_text(c, sy, 1, c->w - 2,
		                s->message_error ? TUI_ROLE_ERROR : TUI_ROLE_STATUS, s->message);
	else
		tui_canvas_text(c, sy, 1, c->w - 2, TUI_ROLE_STATUS, prep_keys_line(s));
	if (s->focus == PREP_LIST)
		c->cursor_y = -1;
}
