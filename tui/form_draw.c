/* Drawing the meeting dialog (the state is tui/form.c's): the box, the
 * fields and choice rows, the contact forms with their ratings, the
 * message line and the account drop-down.  Each thing drawn that a click
 * can hit is recorded in the form's view. */
#include "tui/form_priv.h"

#include <stdio.h>

#include "core/calendar.h"
#include "tui/canvas.h"

static const struct { signed char row, col; const char *text; } form_labels[] = {
	{ 1, 2, "Account" }, { 2, 2, "When" }, { 2, 41, "duration" },
	{ 3, 2, "Battlefield" }, { 4, 2, "Type" }, { 5, 2, "Complexity" },
	{ 5, 42, "Sale" }, { 6, 2, "4D" },
};

static const char *form_glyph(int ascii, enum core_form form, char letter[2])
{
	if (!ascii)
		return core_form_glyph(form);
	letter[0] = core_form_letter(form);
	letter[1] = '\0';
	return letter;
}

/* The type's short name for sentences ("negotiation"). */
static const char *form_type_brief(const struct tui_form *f)
{
	const struct core_meeting_type *t = tui_form_type(f);
	if (t == NULL)
		return f->type_key;
	return t->brief[0] ? t->brief : t->label;
}

/* What every drawing helper needs: the canvas, the view that records the
 * hits, and the box (top, left, width) on the canvas. */
struct form_pen {
	struct tui_canvas *c;
	struct form_view *v;
	int top, left, w;
	int ascii;
};

static void form_hit(struct form_pen *p, int row, int col, int w,
                     enum form_hit_kind kind, enum form_focus ff, int index)
{
	if (p->v->n_hits < FORM_MAX_HITS)
		p->v->hits[p->v->n_hits++] = (struct form_hit){
			p->top + row, p->left + col, w, kind, ff, index };
}

/* Text inside the box, cut at its right edge; returns the columns used. */
static int form_text(struct form_pen *p, int row, int col, int role, const char *s)
{
	return tui_canvas_text(p->c, p->top + row, p->left + col, p->w - 2 - col,
	                       role, s);
}

static int form_role(const struct tui_form *f, enum form_focus ff, int on)
{
	return on && f->focus == ff && f->mode == FM_EDIT ? TUI_ROLE_SELECTED
	                                                  : TUI_ROLE_DIALOG;
}

static void form_draw_field(const struct tui_form *f, struct form_pen *p,
                            const struct tui_field *fld, enum form_focus ff)
{
	tui_field_draw(fld, p->c, p->top + form_at[ff].row, p->left + form_at[ff].col,
	               fld->width, f->focus == ff && f->mode == FM_EDIT);
	form_hit(p, form_at[ff].row, form_at[ff].col, fld->width, HIT_FOCUS, ff, 0);
}

/* A choice row: "[Re-sale]   Upsell    New". */
static void form_draw_choices(const struct tui_form *f, struct form_pen *p,
                              enum form_focus ff)
{
	char buf[CORE_TYPE_LABEL_MAX + 4];
	int row = form_at[ff].row, col = form_at[ff].col;
	for (int i = 0; i < tui_form_choice_count(f, ff); i++) {
		int on = f->value[ff] == i;
		snprintf(buf, sizeof buf, on ? "[%s]" : " %s ", tui_form_choice_label(f, ff, i));
		int w = form_text(p, row, col, form_role(f, ff, on), buf);
		form_hit(p, row, col, w, HIT_OPTION, ff, i);
		col += w + 2;
	}
}

/* "◂label▸" with clickable arrows: the type, and the day stepper. */
static void form_draw_stepper(const struct tui_form *f, struct form_pen *p,
                              enum form_focus ff, const char *label)
{
	int row = form_at[ff].row, col = form_at[ff].col;
	form_text(p, row, col, TUI_ROLE_DIM, p->ascii ? "<" : "◂");
	form_hit(p, row, col, 1, HIT_STEP, ff, -1);
	int w = form_text(p, row, col + 1, form_role(f, ff, 1), label);
	form_hit(p, row, col + 1, w, HIT_FOCUS, ff, 0);
	form_text(p, row, col + 1 + w, TUI_ROLE_DIM, p->ascii ? ">" : "▸");
	form_hit(p, row, col + 1 + w, 1, HIT_STEP, ff, 1);
}

/* "last visit 12 days ago · 38 km": how long the account has waited, as
 * of today.  A held visit after today is bad data, not a reason to print a
 * negative count: it shows as its date. */
static void form_draw_account_info(const struct tui_form *f, struct form_pen *p)
{
	char buf[96];
	int n;
	if (f->acct_state == ACCT_NEW)
		form_text(p, ROW_ACCOUNT, INFO_X, TUI_ROLE_GOOD, "new account, created on save");
	if (f->acct_state != ACCT_PICKED)
		return;
	if (f->acct.last_visit == 0) {
		n = snprintf(buf, sizeof buf, "never visited");
	} else {
		int64_t visit;
		int minute;
		core_local_from_epoch(f->acct.last_visit, &visit, &minute);
		long long ago = (long long)(f->today - visit);
		char date[16];
		if (ago < 0) {
			core_date_format(core_date_from_days(visit), date, sizeof date);
			n = snprintf(buf, sizeof buf, "last visit on %s", date);
		} else if (ago <= 1) {
			n = snprintf(buf, sizeof buf, "last visit %s", ago == 0 ? "today" : "yesterday");
		} else {
			n = snprintf(buf, sizeof buf, "last visit %lld days ago", ago);
		}
	}
	if (f->acct.km > 0 && n > 0 && (size_t)n < sizeof buf)
		snprintf(buf + n, sizeof buf - (size_t)n, " %s %.0f km", p->ascii ? "-" : "·",
		         f->acct.km);
	form_text(p, ROW_ACCOUNT, INFO_X, TUI_ROLE_DIM, buf);
}

static void form_draw_forms(const struct tui_form *f, struct form_pen *p)
{
	char buf[160], letter[2];
	const char *dash = p->ascii ? "-" : "—";
	if (tui_form_type(f) != NULL)
		snprintf(buf, sizeof buf, "Contact form %s matrix for %s", dash, form_type_brief(f));
	else
		snprintf(buf, sizeof buf, "Contact form %s '%s' is not in the matrix", dash, f->type_key);
	form_text(p, ROW_FORMS_HEAD, COL_LABEL, TUI_ROLE_DIALOG, buf);
	for (int i = 0; i < CORE_FORM_COUNT; i++) {
		const struct core_form_choice *ch = &f->choices[i];
		int row = ROW_FORMS + i, col = form_at[FF_FORM].col, on = ch->form == f->form;
		snprintf(buf, sizeof buf, "%s %s %s", on ? (p->ascii ? ">" : "▶") : " ",
		         form_glyph(p->ascii, ch->form, letter), core_form_key(ch->form));
		form_text(p, row, col, TUI_ROLE_DIALOG, buf);
		snprintf(buf, sizeof buf, "%s%s", ch->reason, !ch->needs_confirm ? ""
		         : p->ascii ? " - asks to confirm" : " — asks to confirm");
		form_text(p, row, FORM_REASON_X,
		          ch->needs_confirm ? TUI_ROLE_WARNING
		          : ch->resolved == CORE_RATING_FIRST_CHOICE ? TUI_ROLE_GOOD
		          : TUI_ROLE_DIALOG, buf);
		if (form_role(f, FF_FORM, on) == TUI_ROLE_SELECTED)
			tui_canvas_paint(p->c, p->top + row, p->left + col, 1, p->w - 2 - col,
			                 TUI_ROLE_SELECTED);
		form_hit(p, row, col, p->w - 2 - col, HIT_FORM, FF_FORM, i);
	}
}

/* The message line, then the buttons or the confirmation, then hints. */
static void form_draw_bottom(const struct tui_form *f, struct form_pen *p)
{
	char buf[256], letter[2];
	const char *hints = p->ascii ? "Tab Up/Down move  Left/Right change  Enter save  Esc cancel"
	                             : "Tab ↑↓ move  ←→ change  Enter save  Esc cancel";
	if (f->mode == FM_CONFIRM) {
		snprintf(buf, sizeof buf, "%s %s is rated %s for %s %s use it anyway?",
		         form_glyph(p->ascii, f->form, letter), core_form_key(f->form),
		         core_rating_label(tui_form_choice(f)->resolved), form_type_brief(f),
		         p->ascii ? "-" : "—");
		form_text(p, ROW_MESSAGE, COL_LABEL, TUI_ROLE_WARNING, buf);
		form_text(p, ROW_BUTTONS, COL_LABEL, TUI_ROLE_DIALOG, "reason");
		tui_field_draw(&f->reason, p->c, p->top + ROW_BUTTONS, p->left + REASON_X,
		               REASON_W, 1);
		form_text(p, ROW_BUTTONS, REASON_X + REASON_W + 2, TUI_ROLE_DIM,
		          "Enter confirm, Esc back");
		hints = "The reason is kept with the meeting; it may be empty.";
	} else {
		if (f->mode == FM_DISCARD)
			form_text(p, ROW_MESSAGE, COL_LABEL, TUI_ROLE_WARNING, "Discard changes? y/n");
		else
			form_text(p, ROW_MESSAGE, COL_LABEL, f->message_role, f->message);
		for (enum form_focus ff = FF_SAVE; ff <= FF_CANCEL; ff++) {
			int w = form_text(p, ROW_BUTTONS, form_at[ff].col, form_role(f, ff, 1),
			                  ff == FF_SAVE ? "[ Save ]" : "[ Cancel ]");
			form_hit(p, ROW_BUTTONS, form_at[ff].col, w, HIT_FOCUS, ff, 0);
		}
		if (f->list_open && f->focus == FF_ACCOUNT)
			hints = p->ascii ? "Up/Down choose  Enter pick  Esc close"
			                 : "↑↓ choose  Enter pick  Esc close";
	}
	form_text(p, ROW_HINTS, COL_LABEL, TUI_ROLE_DIM, hints);
}

/* The account drop-down, over the rows under the field. */
static void form_draw_list(const struct tui_form *f, struct form_pen *p)
{
	int n = (int)f->n_matches + f->list_create, row = ROW_ACCOUNT + 1;
	char buf[CORE_NAME_MAX + 32], name[CORE_NAME_MAX];
	tui_canvas_fill(p->c, p->top + row, p->left + LIST_X, n + 2, LIST_W, L' ', TUI_ROLE_DIALOG);
	tui_canvas_box(p->c, p->top + row, p->left + LIST_X, n + 2, LIST_W, TUI_ROLE_BORDER);
	for (int i = 0; i < n; i++) {
		int y = row + 1 + i;
		if ((size_t)i < f->n_matches) {
			const struct db_account *a = &f->matches[i];
			form_text(p, y, LIST_X + 2, TUI_ROLE_DIALOG, a->name);
			int used = snprintf(buf, sizeof buf, "%s", a->city);
			if (a->km > 0)
				snprintf(buf + used, sizeof buf - (size_t)used, " %s %.0f km",
				         p->ascii ? "-" : "·", a->km);
			form_text(p, y, LIST_X + 34, TUI_ROLE_DIM, buf);
		} else {
			tui_field_get(&f->account, name, sizeof name);
			snprintf(buf, sizeof buf, "+ create account '%s'", name);
			form_text(p, y, LIST_X + 2, TUI_ROLE_GOOD, buf);
		}
		if (i == f->list_sel)
			tui_canvas_paint(p->c, p->top + y, p->left + LIST_X + 1, 1, LIST_W - 2,
			                 TUI_ROLE_SELECTED);
		form_hit(p, y, LIST_X + 1, LIST_W - 2, HIT_MATCH, FF_ACCOUNT, i);
	}
}

void tui_form_draw(const struct tui_form *f, struct tui_canvas *c)
{
	int w = FORM_W < c->w ? FORM_W : c->w, h = FORM_H < c->h ? FORM_H : c->h;
	struct form_pen p = { c, f->view, (c->h - h) / 2, (c->w - w) / 2, w,
	                      f->ascii || c->ascii };
	char buf[CORE_TYPE_LABEL_MAX + 32], text[16];
	struct core_date day;

	f->view->n_hits = 0;
	c->cursor_y = c->cursor_x = -1;
	tui_canvas_fill(c, p.top, p.left, h, w, L' ', TUI_ROLE_DIALOG);
	tui_canvas_box(c, p.top, p.left, h, w, TUI_ROLE_BORDER);
	form_text(&p, 0, 1, TUI_ROLE_TITLE, f->m.id == 0 ? " New meeting " : " Edit meeting ");
	for (size_t i = 0; i < sizeof form_labels / sizeof form_labels[0]; i++)
		form_text(&p, form_labels[i].row, form_labels[i].col, TUI_ROLE_DIALOG,
		          form_labels[i].text);

	tui_field_get(&f->date, text, sizeof text);
	int day_ok = core_date_parse(text, &day, NULL) == CORE_OK;
	form_draw_field(f, &p, &f->account, FF_ACCOUNT);
	form_draw_field(f, &p, &f->date, FF_DATE);
	form_draw_field(f, &p, &f->time, FF_TIME);
	form_draw_field(f, &p, &f->duration, FF_DURATION);
	for (enum form_focus ff = FF_DAY; ff < FF_FORM; ff++) {
		if (form_at[ff].w > 0) {
			continue; /* a field: drawn above */
		} else if (ff == FF_DAY) {
			form_draw_stepper(f, &p, ff, day_ok ? core_weekday_abbr(
			        core_weekday(core_days_from_date(day))) : "???");
		} else if (ff == FF_TYPE) {
			if (tui_form_type(f) != NULL)
				snprintf(buf, sizeof buf, "%s", tui_form_type(f)->label);
			else
				snprintf(buf, sizeof buf, "%s (not in the matrix)", f->type_key);
			form_draw_stepper(f, &p, ff, buf);
		} else {
			form_draw_choices(f, &p, ff);
		}
	}
	form_draw_account_info(f, &p);
	form_draw_forms(f, &p);
	form_draw_bottom(f, &p);
	if (f->list_open && f->focus == FF_ACCOUNT && f->mode == FM_EDIT)
		form_draw_list(f, &p);
}
