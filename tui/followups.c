/* The follow-ups screen.  It loads the seller's open actions once (already
 * in core_action_sort's order: overdue, this week, later) and filters them
 * in memory into a view of indices, so a filter typed a letter at a time
 * costs one pass over the list and no query.  A write (done, undone) goes
 * through db/ and asks the owner for a reload, the same path another
 * process's commit takes, so there is one way the list changes.  The
 * key table says which commands write, so a read-only screen (the
 * manager's drill) refuses them in one place. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/calendar.h"
#include "core/due.h"
#include "core/followup.h"
#include "core/meeting.h"
#include "db/actions.h"
#include "tui/field.h"
#include "tui/followups.h"
#include "tui/keys.h"

#define FU_ESC 27
/* PgUp/PgDn: the drawing knows the page, the keys do not; a fixed step
 * is as good on every screen this fits. */
#define FU_PAGE 10
#define FU_FIELD_W 24
/* Rows above the list (title, counts, filters, column heads) and below
 * it (the status line). */
#define FU_TOP 4
#define FU_BOTTOM 1

enum fu_cmd {
	FU_UP, FU_DOWN, FU_PGUP, FU_PGDN, FU_HOME, FU_END, FU_DONE, FU_UNDO,
	FU_JUMP, FU_BF, FU_ACCOUNT, FU_BACK, FU_NONE
};

/* The screen's keys, and its key line generated from them as the week's
 * is from tui/keys.c.  pair: shares its hint with the next row.  writes:
 * the command writes to the database. */
static const struct {
	enum fu_cmd cmd;
	struct tui_key keys[3];
	const char *hint;
	int pair;
	int writes;
} fu_cmds[] = {
	{ FU_UP, { { 1, KEY_UP }, { 0, 'k' } }, "move", 1, 0 },
	{ FU_DOWN, { { 1, KEY_DOWN }, { 0, 'j' } }, NULL, 0, 0 },
	{ FU_DONE, { { 0, 'd' }, { 0, ' ' } }, "done", 0, 1 },
	{ FU_UNDO, { { 0, 'u' } }, "undo", 0, 1 },
	{ FU_JUMP, { { 0, '\n' }, { 1, KEY_ENTER } }, "meeting", 0, 0 },
	{ FU_BF, { { 0, 'b' } }, "battlefield", 0, 0 },
	{ FU_ACCOUNT, { { 0, '/' }, { 0, 'A' } }, "account", 0, 0 },
	{ FU_BACK, { { 0, FU_ESC }, { 0, 'q' }, { 0, 'f' } }, "back", 0, 0 },
	{ FU_PGUP, { { 1, KEY_PPAGE } }, NULL, 0, 0 },
	{ FU_PGDN, { { 1, KEY_NPAGE } }, NULL, 0, 0 },
	{ FU_HOME, { { 1, KEY_HOME }, { 0, 'g' } }, NULL, 0, 0 },
	{ FU_END, { { 1, KEY_END }, { 0, 'G' } }, NULL, 0, 0 },
};
#define FU_N_CMDS (sizeof fu_cmds / sizeof fu_cmds[0])

struct tui_followups {
	struct db *db;                /* the owner's */
	int64_t seller_id;
	char seller[CORE_NAME_MAX];
	int64_t today;
	int ascii;
	int readonly;                 /* no key writes: the manager's drill */
	struct core_action_list all;  /* the open actions as loaded */
	size_t *view;                 /* indices into all that pass the filters */
	size_t n_view;
	size_t cap_view;
	size_t sel;                   /* index into view */
	int counts[3];                /* the view's, by enum core_due_bucket */
	int bf;                       /* -1: any, else enum core_battlefield */
	struct tui_field account;     /* the account filter: a substring */
	int editing;                  /* the account filter has the keys */
	int64_t undo_id;              /* the action u opens again, or 0 */
	int64_t want_id;              /* select this one after the reload */
	int64_t jump_id;              /* the meeting to show after closing */
	char message[320];
	int message_error;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void fu_say(struct tui_followups *f, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof f->message, fmt, ap);
	va_end(ap);
	f->message_error = is_error;
}

static const struct core_action *fu_selected(const struct tui_followups *f)
{
	if (f->sel >= f->n_view)
		return NULL;
	return &f->all.items[f->view[f->sel]];
}

/* ---- filtering ---- */

/* s as lower-case wide characters into out (cap including the 0); bytes
 * that are not UTF-8 become U+FFFD, so a damaged name still filters. */
static size_t fu_wlower(const char *s, wchar_t *out, size_t cap)
{
	mbstate_t st;
	size_t n = 0, left = strlen(s);
	memset(&st, 0, sizeof st);
	while (left > 0 && n + 1 < cap) {
		wchar_t wc;
		size_t used = mbrtowc(&wc, s, left, &st);
		if (used == (size_t)-1 || used == (size_t)-2 || used == 0) {
			wc = 0xFFFD;
			used = 1;
			memset(&st, 0, sizeof st);
		}
		out[n++] = (wchar_t)towlower((wint_t)wc);
		s += used;
		left -= used;
	}
	out[n] = 0;
	return n;
}

static int fu_match(const struct tui_followups *f, const struct core_action *a,
                    const wchar_t *needle)
{
	if (f->bf >= 0 && (a->meeting_id == 0 || (int)a->battlefield != f->bf))
		return 0;
	if (needle[0] == 0)
		return 1;
	wchar_t name[CORE_NAME_MAX];
	fu_wlower(a->account, name, CORE_NAME_MAX);
	return wcsstr(name, needle) != NULL;
}

/* Refills the view from the list and the filters; selects keep_id, else
 * the row at keep_pos (the next one, when the selected was marked done).
 * Returns -1 when out of memory. */
static int fu_rebuild(struct tui_followups *f, int64_t keep_id, size_t keep_pos)
{
	if (f->cap_view < f->all.n) {
		size_t *v = realloc(f->view, f->all.n * sizeof *v);
		if (v == NULL)
			return -1;
		f->view = v;
		f->cap_view = f->all.n;
	}
	wchar_t needle[CORE_NAME_MAX];
	size_t k = 0;
	for (size_t i = 0; i < f->account.len && k + 1 < CORE_NAME_MAX; i++)
		needle[k++] = (wchar_t)towlower((wint_t)f->account.buf[i]);
	needle[k] = 0;
	f->n_view = 0;
	memset(f->counts, 0, sizeof f->counts);
	int found = 0;
	for (size_t i = 0; i < f->all.n; i++) {
		const struct core_action *a = &f->all.items[i];
		if (!fu_match(f, a, needle))
			continue;
		if (keep_id != 0 && a->id == keep_id) {
			f->sel = f->n_view;
			found = 1;
		}
		f->counts[core_due_bucket_of(a->due, f->today)]++;
		f->view[f->n_view++] = i;
	}
	if (!found)
		f->sel = f->n_view == 0 ? 0 : keep_pos < f->n_view ? keep_pos : f->n_view - 1;
	return 0;
}

static int fu_refilter(struct tui_followups *f)
{
	const struct core_action *a = fu_selected(f);
	return fu_rebuild(f, a != NULL ? a->id : 0, 0);
}

/* ---- life ---- */

struct tui_followups *tui_followups_open(struct db *db, int64_t seller_id,
                                         const char *seller_name, int64_t today,
                                         int ascii, int readonly)
{
	struct tui_followups *f = calloc(1, sizeof *f);
	if (f == NULL)
		return NULL;
	f->db = db;
	f->seller_id = seller_id;
	core_utf8_copy(f->seller, sizeof f->seller, seller_name != NULL ? seller_name : "");
	f->today = today;
	f->ascii = ascii;
	f->readonly = readonly;
	f->bf = -1;
	if (tui_field_init(&f->account, CORE_NAME_MAX, FU_FIELD_W) != 0 ||
	    tui_followups_reload(f) != 0) {
		tui_followups_free(f);
		return NULL;
	}
	return f;
}

void tui_followups_free(struct tui_followups *f)
{
	if (f == NULL)
		return;
	if (f->account.buf != NULL)
		tui_field_free(&f->account);
	core_action_list_free(&f->all);
	free(f->view);
	free(f);
}

int tui_followups_reload(struct tui_followups *f)
{
	struct core_error e = { CORE_OK, "" };
	struct core_action_list l = { NULL, 0, 0 };
	const struct core_action *cur = fu_selected(f);
	int64_t keep = f->want_id != 0 ? f->want_id : cur != NULL ? cur->id : 0;
	f->want_id = 0;
	if (db_action_list_open(f->db, f->seller_id, 0, -1, &l, &e) != CORE_OK) {
		core_action_list_free(&l);
		if (e.code == CORE_ERR_NOMEM)
			return -1;
		/* The list as last loaded stays: better than an empty screen. */
		fu_say(f, 1, "%s", e.msg);
		return 0;
	}
	core_action_list_free(&f->all);
	f->all = l;
	return fu_rebuild(f, keep, f->sel);
}

int64_t tui_followups_jump(const struct tui_followups *f)
{
	return f->jump_id;
}

/* ---- keys ---- */

/* The row of fu_cmds bound to the event, or -1. */
static int fu_row(const struct tui_event *ev)
{
	for (size_t i = 0; i < FU_N_CMDS; i++)
		if (tui_key_match(fu_cmds[i].keys,
		                  sizeof fu_cmds[i].keys / sizeof fu_cmds[i].keys[0], ev))
			return (int)i;
	return -1;
}

static enum fu_cmd fu_lookup(const struct tui_event *ev)
{
	int i = fu_row(ev);
	return i >= 0 ? fu_cmds[i].cmd : FU_NONE;
}

static void fu_move(struct tui_followups *f, long delta)
{
	if (f->n_view == 0)
		return;
	long i = (long)f->sel + delta;
	if (i < 0)
		i = 0;
	if (i >= (long)f->n_view)
		i = (long)f->n_view - 1;
	f->sel = (size_t)i;
}

/* The first words of an action's text, for the status line. */
static void fu_brief(const struct core_action *a, char *buf, size_t n)
{
	if (strlen(a->text) < n || n < 8) {
		core_utf8_copy(buf, n, a->text);
		return;
	}
	/* Room for the three bytes of the ellipsis and the NUL. */
	core_utf8_copy(buf, n - 3, a->text);
	strcat(buf, "…");
}

static int fu_done(struct tui_followups *f)
{
	struct core_error e = { CORE_OK, "" };
	const struct core_action *a = fu_selected(f);
	if (a == NULL) {
		fu_say(f, 0, "nothing to mark done");
		return TUI_REDRAW;
	}
	char brief[48];
	fu_brief(a, brief, sizeof brief);
	if (db_action_set_done(f->db, a->id, 1, &e) != CORE_OK) {
		fu_say(f, 1, "%s", e.msg);
		return TUI_RELOAD;
	}
	f->undo_id = a->id;
	fu_say(f, 0, "done: %s (u undoes)", brief);
	return TUI_RELOAD;
}

static int fu_undo(struct tui_followups *f)
{
	struct core_error e = { CORE_OK, "" };
	if (f->undo_id == 0) {
		fu_say(f, 0, "nothing to undo");
		return TUI_REDRAW;
	}
	if (db_action_set_done(f->db, f->undo_id, 0, &e) != CORE_OK) {
		fu_say(f, 1, "%s", e.msg);
		return TUI_RELOAD;
	}
	f->want_id = f->undo_id;
	f->undo_id = 0;
	fu_say(f, 0, "open again");
	return TUI_RELOAD;
}

static int fu_jump(struct tui_followups *f)
{
	const struct core_action *a = fu_selected(f);
	if (a == NULL) {
		fu_say(f, 0, "no action selected");
		return TUI_REDRAW;
	}
	if (a->meeting_id == 0) {
		fu_say(f, 0, "this action came from no meeting (or its meeting was deleted)");
		return TUI_REDRAW;
	}
	f->jump_id = a->meeting_id;
	return TUI_CLOSE;
}

/* While the account filter is edited it has the keys, but for the ones
 * that move in the list.  Returns -1 for a key it leaves to the list. */
static int fu_ev_filter(struct tui_followups *f, const struct tui_event *ev)
{
	int enter = (ev->kind == TUI_EV_CHAR && ev->ch == '\n') ||
	            (ev->kind == TUI_EV_KEY && ev->key == KEY_ENTER);
	if (enter) {
		f->editing = 0;
		return TUI_REDRAW;
	}
	if (ev->kind == TUI_EV_CHAR && ev->ch == FU_ESC) {
		f->editing = 0;
		tui_field_set(&f->account, "");
		return fu_refilter(f) != 0 ? TUI_QUIT : TUI_REDRAW;
	}
	switch (tui_field_event(&f->account, ev)) {
	case TUI_FIELD_EDITED:
		return fu_refilter(f) != 0 ? TUI_QUIT : TUI_REDRAW;
	case TUI_FIELD_MOVED:
		return TUI_REDRAW;
	default:
		break;
	}
	switch (fu_lookup(ev)) {
	case FU_UP: case FU_DOWN: case FU_PGUP: case FU_PGDN: return -1;
	default: return TUI_NONE;
	}
}

int tui_followups_event(struct tui_followups *f, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_TICK || ev->kind == TUI_EV_MOUSE)
		return TUI_NONE;
	f->message[0] = '\0';
	f->message_error = 0;
	if (f->editing) {
		int r = fu_ev_filter(f, ev);
		if (r >= 0)
			return r;
	}
	int row = fu_row(ev);
	if (row >= 0 && fu_cmds[row].writes && f->readonly) {
		fu_say(f, 1, "read-only: %s's follow-ups", f->seller);
		return TUI_REDRAW;
	}
	switch (row >= 0 ? fu_cmds[row].cmd : FU_NONE) {
	case FU_UP: fu_move(f, -1); return TUI_REDRAW;
	case FU_DOWN: fu_move(f, 1); return TUI_REDRAW;
	case FU_PGUP: fu_move(f, -FU_PAGE); return TUI_REDRAW;
	case FU_PGDN: fu_move(f, FU_PAGE); return TUI_REDRAW;
	case FU_HOME: fu_move(f, -(long)f->n_view); return TUI_REDRAW;
	case FU_END: fu_move(f, (long)f->n_view); return TUI_REDRAW;
	case FU_DONE: return fu_done(f);
	case FU_UNDO: return fu_undo(f);
	case FU_JUMP: return fu_jump(f);
	case FU_BF:
		f->bf = f->bf + 1 >= CORE_BF_COUNT ? -1 : f->bf + 1;
		return fu_refilter(f) != 0 ? TUI_QUIT : TUI_REDRAW;
	case FU_ACCOUNT:
		f->editing = 1;
		return TUI_REDRAW;
	case FU_BACK:
		f->jump_id = 0;
		return TUI_CLOSE;
	case FU_NONE: break;
	}
	fu_say(f, 0, "that key does nothing here; Esc goes back to the week");
	return TUI_REDRAW;
}

/* ---- drawing ---- */

static const char *const fu_bucket_title[3] = { "Overdue", "This week", "Later" };

/* The columns of a row: due, account, battlefield letter, owner, text. */
struct fu_cols {
	int due, account, account_w, bf, owner, owner_w, text, text_w;
};

static struct fu_cols fu_columns(int w)
{
	struct fu_cols k;
	k.due = 2;
	k.account = k.due + 17;
	k.account_w = w >= 100 ? 24 : 18;
	k.bf = k.account + k.account_w + 1;
	k.owner = k.bf + 3;
	k.owner_w = w >= 100 ? 16 : 12;
	k.text = k.owner + k.owner_w + 1;
	k.text_w = w - k.text - 1;
	return k;
}

static int fu_bf_role(enum core_battlefield bf)
{
	switch (bf) {
	case CORE_BF_UPSELL: return TUI_ROLE_BATTLEFIELD_UPSELL;
	case CORE_BF_NEW: return TUI_ROLE_BATTLEFIELD_NEW;
	default: return TUI_ROLE_BATTLEFIELD_RESALE;
	}
}

static void fu_draw_row(const struct tui_followups *f, struct tui_canvas *c, int y,
                        const struct fu_cols *k, const struct core_action *a,
                        int selected)
{
	char due[24];
	core_due_format(a->due, f->today, due, sizeof due);
	int overdue = core_due_bucket_of(a->due, f->today) == CORE_DUE_OVERDUE;
	tui_canvas_text(c, y, k->due, 16, overdue ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL,
	                due);
	tui_canvas_text(c, y, k->account, k->account_w, TUI_ROLE_NORMAL, a->account);
	if (a->meeting_id != 0) {
		char letter[2] = { core_battlefield_letter(a->battlefield), 0 };
		tui_canvas_text(c, y, k->bf, 1, fu_bf_role(a->battlefield), letter);
	} else {
		tui_canvas_text(c, y, k->bf, 1, TUI_ROLE_DIM, "-");
	}
	tui_canvas_text(c, y, k->owner, k->owner_w, TUI_ROLE_NORMAL,
	                a->owner_contact_id == 0 || a->owner[0] == '\0' ? "us" : a->owner);
	tui_canvas_text(c, y, k->text, k->text_w, TUI_ROLE_NORMAL, a->text);
	if (selected)
		tui_canvas_paint(c, y, 0, 1, c->w, TUI_ROLE_SELECTED);
}

/* The list: a heading before each bucket's first row, scrolled so the
 * selected row is on screen (at the bottom when it must scroll). */
static void fu_draw_list(const struct tui_followups *f, struct tui_canvas *c)
{
	int rows = c->h - FU_TOP - FU_BOTTOM;
	struct fu_cols k = fu_columns(c->w);
	if (f->n_view == 0) {
		tui_canvas_text(c, FU_TOP + 1, 2, c->w - 4, TUI_ROLE_GOOD,
		                f->all.n == 0 ? "No open follow-ups — nothing overdue."
		                              : "No open follow-ups match the filters"
		                                " (b and / change them).");
		return;
	}
	/* Line numbers count the headings: bucket changes before sel. */
	long sel_line = 0;
	int prev = -1;
	for (size_t i = 0; i <= f->sel; i++) {
		int b = (int)core_due_bucket_of(f->all.items[f->view[i]].due, f->today);
		sel_line += (b != prev) + 1;
		prev = b;
	}
	sel_line--;
	long top = sel_line >= rows ? sel_line - rows + 1 : 0;
	long line = 0;
	prev = -1;
	for (size_t i = 0; i < f->n_view && line < top + rows; i++) {
		const struct core_action *a = &f->all.items[f->view[i]];
		int b = (int)core_due_bucket_of(a->due, f->today);
		if (b != prev) {
			if (line >= top)
				tui_canvas_printf(c, FU_TOP + (int)(line - top), 1, -1,
				                  b == CORE_DUE_OVERDUE ? TUI_ROLE_WARNING
				                                        : TUI_ROLE_DAY,
				                  "%s (%d)", fu_bucket_title[b], f->counts[b]);
			line++;
			prev = b;
		}
		if (line >= top && line < top + rows)
			fu_draw_row(f, c, FU_TOP + (int)(line - top), &k, a, i == f->sel);
		line++;
	}
}

/* The key line, from fu_cmds: "↑↓ move  d done  ...". */
static void fu_draw_keys(const struct tui_followups *f, struct tui_canvas *c, int y)
{
	int x = 1;
	for (size_t i = 0; i < FU_N_CMDS; i++) {
		if (fu_cmds[i].hint == NULL)
			continue;
		char keys[80], k1[32], k2[32];
		/* ASCII mode names a letter rather than spell an arrow out. */
		int ki = f->ascii && fu_cmds[i].keys[0].is_code && fu_cmds[i].keys[1].code;
		tui_key_name(fu_cmds[i].keys[ki], f->ascii, k1, sizeof k1);
		if (fu_cmds[i].pair && i + 1 < FU_N_CMDS) {
			tui_key_name(fu_cmds[i + 1].keys[ki], f->ascii, k2, sizeof k2);
			snprintf(keys, sizeof keys, "%s%s%s", k1, ki ? "/" : "", k2);
		} else {
			snprintf(keys, sizeof keys, "%s", k1);
		}
		int need = tui_text_width(keys) + 1 + tui_text_width(fu_cmds[i].hint);
		if (x + need > c->w - 1)
			break;
		x += tui_canvas_text(c, y, x, -1, TUI_ROLE_KEY, keys);
		x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, " ");
		x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, fu_cmds[i].hint);
		x += 2;
	}
}

void tui_followups_draw(const struct tui_followups *f, struct tui_canvas *c)
{
	tui_canvas_clear(c);
	int w = c->w;

	/* Title: whose list, and the day it is counted from. */
	tui_canvas_fill(c, 0, 0, 1, w, L' ', TUI_ROLE_TITLE);
	/* Read-only before the name, which a narrow screen cuts. */
	tui_canvas_printf(c, 0, 1, w - 20, TUI_ROLE_TITLE, "Follow-ups%s · %s",
	                  f->readonly ? " · read-only" : "", f->seller);
	struct core_date d = core_date_from_days(f->today);
	char today[40];
	snprintf(today, sizeof today, "%s %d %s %d", core_weekday_abbr(core_weekday(f->today)),
	         d.day, core_month_abbr(d.month), d.year);
	tui_canvas_text(c, 0, w - 1 - tui_text_width(today), -1, TUI_ROLE_TITLE, today);

	/* Counts of what is shown, and of all when a filter hides some. */
	char count[64];
	if (f->n_view == f->all.n)
		snprintf(count, sizeof count, "%zu open", f->all.n);
	else
		snprintf(count, sizeof count, "%zu of %zu open", f->n_view, f->all.n);
	int x = 1;
	x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_NORMAL, count);
	for (int b = 0; b < 3; b++) {
		x += tui_canvas_text(c, 1, x, -1, TUI_ROLE_DIM, " · ");
		x += tui_canvas_printf(c, 1, x, -1,
		                       b == CORE_DUE_OVERDUE && f->counts[b] > 0
		                               ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL,
		                       "%d %s", f->counts[b],
		                       b == CORE_DUE_OVERDUE ? "overdue"
		                       : b == CORE_DUE_THIS_WEEK ? "this week" : "later");
	}

	/* The filters: the battlefield, and the account as typed. */
	x = 1;
	x += tui_canvas_text(c, 2, x, -1, TUI_ROLE_DIM, "Battlefield ");
	x += tui_canvas_text(c, 2, x, -1, f->bf < 0 ? TUI_ROLE_NORMAL : TUI_ROLE_KEY,
	                     f->bf < 0 ? "all" : core_battlefield_label((enum core_battlefield)f->bf));
	x += 3;
	x += tui_canvas_text(c, 2, x, -1, TUI_ROLE_DIM, "Account ");
	if (f->editing || f->account.len > 0)
		tui_field_draw(&f->account, c, 2, x, FU_FIELD_W, f->editing);
	else
		tui_canvas_text(c, 2, x, -1, TUI_ROLE_NORMAL, "all");

	struct fu_cols k = fu_columns(w);
	tui_canvas_text(c, 3, k.due, -1, TUI_ROLE_DIM, "Due");
	tui_canvas_text(c, 3, k.account, -1, TUI_ROLE_DIM, "Account");
	tui_canvas_text(c, 3, k.bf, -1, TUI_ROLE_DIM, "BF");
	tui_canvas_text(c, 3, k.owner, -1, TUI_ROLE_DIM, "Owner");
	tui_canvas_text(c, 3, k.text, -1, TUI_ROLE_DIM, "Action");

	fu_draw_list(f, c);

	int y = c->h - 1;
	tui_canvas_fill(c, y, 0, 1, w, L' ', TUI_ROLE_STATUS);
	if (f->message[0] != '\0')
		tui_canvas_text(c, y, 1, w - 2, f->message_error ? TUI_ROLE_ERROR : TUI_ROLE_STATUS,
		                f->message);
	else if (f->editing)
		tui_canvas_text(c, y, 1, w - 2, TUI_ROLE_STATUS,
		                "type part of an account's name  Enter keeps the filter"
		                "  Esc clears it");
	else
		fu_draw_keys(f, c, y);
}
