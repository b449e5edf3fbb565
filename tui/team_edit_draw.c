/* Drawing the team settings editor (tui/team_edit.h) from its state: a
 * title, the sections as tabs, the section's grid and a message and key
 * line.  Every change is marked with a "*" in text, so the picture reads
 * the same in monochrome and ASCII. */
#include <stdio.h>
#include <string.h>

#include "core/domain.h"
#include "core/fourd.h"
#include "tui/team_edit.h"

/* Rows above the grid: the title, the tabs, a rule, the section's line and
 * the column heads; below it: a rule, the message and the keys. */
#define TE_TOP 5
#define TE_BOTTOM 3
/* A number: 11 columns of text, right-aligned, then the cursor's column. */
#define TE_CELL_W 12
#define TE_LOGIN_W 10
#define TE_TOTAL_W 7
/* A rating: the marker, "by complexity" and a blank before the next. */
#define TE_RATING_W 15

static const char *const te_tab_label[TUI_TE_SECTIONS] = {
	"Targets", "Form weights", "Matrix", "4D threshold"
};
static const char te_tab_key[TUI_TE_SECTIONS] = { 't', 'w', 'm', 'd' };

/* The matrix's ratings in a cell's width; the message line gives the whole
 * label of the one under the cursor. */
static const char *const te_rating_short[CORE_RATING_COUNT] = {
	[CORE_RATING_FIRST_CHOICE] = "first choice",
	[CORE_RATING_OBVIOUS] = "obvious",
	[CORE_RATING_POSSIBLE] = "possible",
	[CORE_RATING_HARDLY] = "hardly",
	[CORE_RATING_RULED_OUT] = "ruled out",
	[CORE_RATING_IMPOSSIBLE] = "impossible",
	[CORE_RATING_NO_GO] = "no-go",
	[CORE_RATING_DEPENDS_ON_COMPLEXITY] = "by complexity",
	[CORE_RATING_OK_FOR_PRODUCT] = "ok if product",
};

static const char *te_dash(const struct tui_canvas *c)
{
	return c->ascii ? "-" : "–";
}

static int te_is_cursor(const struct tui_team_edit *e, enum tui_te_section s, int row,
                        int col)
{
	return e->section == s && e->row[s] == row && e->col[s] == col;
}

/* A cell at (y, x) of width w: text right-aligned (left when !right) in
 * role, a "*" before it when changed, the cursor's cell highlighted with
 * the terminal's cursor after the text while the manager may type.  A
 * right-aligned cell keeps its last column for that cursor. */
static void te_cell_draw(const struct tui_team_edit *e, struct tui_canvas *c, int y,
                         int x, int w, int right, int role, const char *text,
                         int changed, int cursor)
{
	int room = right ? w - 2 : w - 1;
	int tw = tui_text_width(text);
	if (tw > room)
		tw = room;
	int tx = right ? x + w - 1 - tw : x + 1;
	if (cursor)
		tui_canvas_fill(c, y, x, 1, w, L' ', TUI_ROLE_INPUT_FOCUS);
	if (changed)
		tui_canvas_text(c, y, tx - 1, 1, cursor ? TUI_ROLE_INPUT_FOCUS : TUI_ROLE_WARNING,
		                "*");
	tui_canvas_text(c, y, tx, room, cursor ? TUI_ROLE_INPUT_FOCUS : role, text);
	if (cursor && !e->readonly) {
		c->cursor_y = y;
		c->cursor_x = tx + tw < x + w ? tx + tw : x + w - 1;
	}
}

/* A number cell: what was typed, or for an empty target what it means. */
static void te_number_draw(const struct tui_team_edit *e, struct tui_canvas *c,
                           enum tui_te_section s, int row, int col,
                           const struct tui_te_cell *cell, int y, int x, int w,
                           int right)
{
	char text[48];
	int role = cell->bad ? TUI_ROLE_ERROR : TUI_ROLE_NORMAL;
	int cursor = te_is_cursor(e, s, row, col);
	snprintf(text, sizeof text, "%s", cell->text);
	/* An empty cell says what it stands for, unless it is being typed. */
	if (text[0] == '\0' && !(cursor && !e->fresh)) {
		role = TUI_ROLE_DIM;
		if (s == TUI_TE_TARGETS && row > 0) {
			const struct db_team_target *d = &e->now.defaults[col];
			char v[16];
			tui_te_number(d->visits, v, sizeof v);
			snprintf(text, sizeof text, "default %s", d->set ? v : te_dash(c));
		} else {
			snprintf(text, sizeof text, "%s", te_dash(c));
		}
	}
	te_cell_draw(e, c, y, x, w, right, role, text, tui_te_changed(e, s, row, col), cursor);
}

static void te_put(struct tui_canvas *c, int y, int x, int w, int right, int role,
                   const char *text)
{
	int tw = tui_text_width(text);
	tui_canvas_text(c, y, right && tw < w ? x + w - tw : x, w, role, text);
}

/* Keeps the cursor's row among the rows shown. */
static void te_scroll(struct tui_team_edit *e, int rows)
{
	enum tui_te_section s = e->section;
	int n = tui_te_rows(e, s);
	if (rows < 1)
		rows = 1;
	if (e->row[s] < e->top[s])
		e->top[s] = e->row[s];
	if (e->row[s] >= e->top[s] + rows)
		e->top[s] = e->row[s] - rows + 1;
	if (e->top[s] > n - rows)
		e->top[s] = n - rows > 0 ? n - rows : 0;
}

/* ---- the sections ---- */

static void te_targets_draw(struct tui_team_edit *e, struct tui_canvas *c, int y0,
                            int rows)
{
	int xt = c->w - 1 - TE_TOTAL_W;
	int xb[CORE_BF_COUNT];
	for (int bf = CORE_BF_COUNT - 1, x = xt - 1; bf >= 0; bf--) {
		x -= TE_CELL_W;
		xb[bf] = x;
		x -= 1;
	}
	int xl = xb[0] - 1 - TE_LOGIN_W, nw = xl - 2;
	tui_canvas_text(c, y0 - 2, 1, -1, TUI_ROLE_DIM,
	                "Visits a week per battlefield; an empty seller cell uses the "
	                "team default.");
	te_put(c, y0 - 1, 1, nw, 0, TUI_ROLE_DAY, "Seller");
	te_put(c, y0 - 1, xl, TE_LOGIN_W, 0, TUI_ROLE_DAY, "Login");
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		te_put(c, y0 - 1, xb[bf], TE_CELL_W - 1, 1, TUI_ROLE_DAY,
		       core_battlefield_label((enum core_battlefield)bf));
	te_put(c, y0 - 1, xt, TE_TOTAL_W, 1, TUI_ROLE_DAY, "Total");
	int n = tui_te_rows(e, TUI_TE_TARGETS);
	for (int i = 0, row = e->top[TUI_TE_TARGETS]; i < rows && row < n; i++, row++) {
		int y = y0 + i;
		if (row == 0) {
			tui_canvas_text(c, y, 1, nw, TUI_ROLE_DAY, "Team default");
		} else {
			const struct db_team_seller *s = &e->now.sellers[row - 1];
			tui_canvas_text(c, y, 1, nw, TUI_ROLE_NORMAL, s->name);
			tui_canvas_text(c, y, xl, TE_LOGIN_W, TUI_ROLE_DIM, s->login);
		}
		double total = 0.0;
		int bad = 0;
		for (int bf = 0; bf < CORE_BF_COUNT; bf++) {
			bad |= e->targets[row * CORE_BF_COUNT + bf].bad;
			te_number_draw(e, c, TUI_TE_TARGETS, row, bf,
			               &e->targets[row * CORE_BF_COUNT + bf], y, xb[bf], TE_CELL_W, 1);
			/* What the week counts with: the seller's own, else the
			 * team default, else none. */
			const struct db_team_target *d = &e->now.defaults[bf];
			const struct db_team_target *own = row > 0
				? &e->now.sellers[row - 1].target[bf] : d;
			if (own->set)
				total += own->visits;
			else if (d->set)
				total += d->visits;
		}
		char sum[16] = "?";
		if (!bad)
			tui_te_number(total, sum, sizeof sum);
		te_put(c, y, xt, TE_TOTAL_W, 1, TUI_ROLE_DIM, sum);
	}
}

static void te_weights_draw(struct tui_team_edit *e, struct tui_canvas *c, int y0,
                            int rows)
{
	struct core_form_weights def;
	core_form_weights_default(&def);
	tui_canvas_text(c, y0 - 2, 1, -1, TUI_ROLE_DIM,
	                "How many visits one held meeting of each contact form counts as.");
	te_put(c, y0 - 1, 1, 16, 0, TUI_ROLE_DAY, "Contact form");
	te_put(c, y0 - 1, 18, TE_CELL_W - 1, 1, TUI_ROLE_DAY, "Weight");
	for (int f = 0; f < CORE_FORM_COUNT && f < rows; f++) {
		int y = y0 + f;
		char label[48], v[16];
		snprintf(label, sizeof label, "%s %s",
		         c->ascii ? (char[2]){ core_form_letter((enum core_form)f), '\0' }
		                  : core_form_glyph((enum core_form)f),
		         core_form_label((enum core_form)f));
		tui_canvas_text(c, y, 1, 16, TUI_ROLE_NORMAL, label);
		te_number_draw(e, c, TUI_TE_WEIGHTS, f, 0, &e->weights[f], y, 18, TE_CELL_W, 1);
		tui_te_number(def.w[f], v, sizeof v);
		tui_canvas_printf(c, y, 18 + TE_CELL_W + 2, -1, TUI_ROLE_DIM, "default %s", v);
	}
}

static void te_matrix_draw(struct tui_team_edit *e, struct tui_canvas *c, int y0,
                           int rows)
{
	const struct core_matrix *m = &e->now.matrix;
	int x0 = c->w - CORE_FORM_COUNT * TE_RATING_W, lw = x0 - 2;
	tui_canvas_text(c, y0 - 2, 1, -1, TUI_ROLE_DIM,
	                e->now.own_matrix ? "How each form suits each meeting type: the "
	                                    "team's own matrix."
	                                  : "How each form suits each meeting type: the "
	                                    "default matrix.");
	te_put(c, y0 - 1, 1, lw, 0, TUI_ROLE_DAY, "Meeting type");
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		te_put(c, y0 - 1, x0 + f * TE_RATING_W + 1, TE_RATING_W - 1, 0, TUI_ROLE_DAY,
		       core_form_label((enum core_form)f));
	for (int i = 0, row = e->top[TUI_TE_MATRIX]; i < rows && row < m->n_types;
	     i++, row++) {
		int y = y0 + i;
		const struct core_meeting_type *t = &m->types[row];
		tui_canvas_text(c, y, 1, lw, TUI_ROLE_NORMAL, t->label);
		for (int f = 0; f < CORE_FORM_COUNT; f++) {
			enum core_rating r = t->rating[f];
			const char *text = (unsigned)r < CORE_RATING_COUNT ? te_rating_short[r] : "?";
			int role = core_rating_needs_confirm(r) ? TUI_ROLE_DIM : TUI_ROLE_NORMAL;
			te_cell_draw(e, c, y, x0 + f * TE_RATING_W, TE_RATING_W, 0, role, text,
			             tui_te_changed(e, TUI_TE_MATRIX, row, f),
			             te_is_cursor(e, TUI_TE_MATRIX, row, f));
		}
	}
	/* The matrix draws no text cursor: Space changes a rating. */
	if (e->section == TUI_TE_MATRIX)
		c->cursor_y = c->cursor_x = -1;
}

static void te_fourd_draw(struct tui_team_edit *e, struct tui_canvas *c, int y0)
{
	tui_canvas_text(c, y0 - 2, 1, -1, TUI_ROLE_DIM,
	                "A week that is mostly Delivery has lost the strategic view.");
	tui_canvas_text(c, y0, 1, -1, TUI_ROLE_NORMAL, "Warn when more than");
	te_number_draw(e, c, TUI_TE_FOURD, 0, 0, &e->threshold, y0, 21, 6, 1);
	tui_canvas_printf(c, y0, 28, -1, TUI_ROLE_NORMAL,
	                  "%% of a week's meetings are Delivery  (default %d %%)",
	                  CORE_FOURD_THRESHOLD_DEFAULT);
}

/* ---- the frame ---- */

static int te_section_changed(const struct tui_team_edit *e, enum tui_te_section s)
{
	if (s == TUI_TE_MATRIX && e->was.own_matrix != e->now.own_matrix)
		return 1;
	for (int row = 0; row < tui_te_rows(e, s); row++)
		for (int col = 0; col < tui_te_cols(s); col++)
			if (tui_te_changed(e, s, row, col))
				return 1;
	return 0;
}

static void te_title(const struct tui_team_edit *e, struct tui_canvas *c)
{
	tui_canvas_fill(c, 0, 0, 1, c->w, L' ', TUI_ROLE_TITLE);
	char state[48];
	size_t n = db_team_settings_diff(&e->was, &e->now);
	if (e->readonly)
		snprintf(state, sizeof state, "read-only");
	else if (n > 0)
		snprintf(state, sizeof state, "%zu unsaved change%s", n, n == 1 ? "" : "s");
	else
		state[0] = '\0';
	int sw = tui_text_width(state);
	int x = tui_canvas_text(c, 0, 0, c->w - sw - 2, TUI_ROLE_TITLE, "Team settings  ");
	tui_canvas_text(c, 0, x, c->w - sw - 2 - x, TUI_ROLE_TITLE, e->path);
	tui_canvas_text(c, 0, c->w - sw - 1, -1, TUI_ROLE_TITLE, state);
	int tx = 1;
	for (int s = 0; s < TUI_TE_SECTIONS; s++) {
		char label[32];
		snprintf(label, sizeof label, "%s%s", te_tab_label[s],
		         te_section_changed(e, (enum tui_te_section)s) ? "*" : "");
		int cur = (int)e->section == s;
		tx += tui_canvas_text(c, 1, tx, 1, cur ? TUI_ROLE_SELECTED : TUI_ROLE_KEY,
		                      (char[2]){ te_tab_key[s], '\0' });
		tx += tui_canvas_text(c, 1, tx, 1, cur ? TUI_ROLE_SELECTED : TUI_ROLE_NORMAL, " ");
		tx += tui_canvas_text(c, 1, tx, -1, cur ? TUI_ROLE_SELECTED : TUI_ROLE_NORMAL,
		                      label);
		tx += 3;
	}
	tui_canvas_hline(c, 2, 0, c->w, TUI_ROLE_BORDER);
}

/* "k word  k word": each key in the key role, its words in the status
 * role. */
static void te_keys(const struct tui_team_edit *e, struct tui_canvas *c, int y)
{
	const char *arrows = c->ascii ? "arrows" : "←↑↓→";
	const char *k[8][2];
	int n = 0;
	if (e->confirm) {
		k[n][0] = "y"; k[n++][1] = "save";
		k[n][0] = "n"; k[n++][1] = "discard";
		k[n][0] = "Esc"; k[n++][1] = "keep editing";
	} else {
		if (!e->readonly && e->section == TUI_TE_MATRIX) {
			k[n][0] = "Space + -"; k[n++][1] = "rating";
			k[n][0] = "R"; k[n++][1] = "default";
		} else if (!e->readonly) {
			k[n][0] = e->section == TUI_TE_FOURD ? "0-9" : "0-9 .";
			k[n++][1] = "type";
			k[n][0] = "Del";
			k[n++][1] = e->section == TUI_TE_TARGETS ? "default" : "clear";
		}
		k[n][0] = arrows; k[n++][1] = "move";
		k[n][0] = "Tab"; k[n++][1] = "section";
		if (!e->readonly) {
			k[n][0] = "Ctrl-S"; k[n++][1] = "save";
		}
		k[n][0] = "Esc"; k[n++][1] = "close";
	}
	tui_canvas_fill(c, y, 0, 1, c->w, L' ', TUI_ROLE_STATUS);
	int x = 0;
	for (int i = 0; i < n; i++) {
		int need = tui_text_width(k[i][0]) + 1 + tui_text_width(k[i][1]);
		if (x + need > c->w)
			break;
		x += tui_canvas_text(c, y, x, -1, TUI_ROLE_KEY, k[i][0]) + 1;
		x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, k[i][1]) + 2;
	}
}

/* The message; else why the number under the cursor is not valid; else
 * what the rating under the cursor means. */
static void te_message(const struct tui_team_edit *e, struct tui_canvas *c, int y)
{
	enum tui_te_section s = e->section;
	int row = e->row[s], col = e->col[s];
	if (e->message[0] != '\0') {
		tui_canvas_text(c, y, 1, c->w - 2, e->message_error ? TUI_ROLE_ERROR
		                                                    : TUI_ROLE_WARNING, e->message);
		return;
	}
	if (s == TUI_TE_TARGETS && e->targets[row * CORE_BF_COUNT + col].bad) {
		tui_canvas_text(c, y, 1, c->w - 2, TUI_ROLE_ERROR,
		                e->targets[row * CORE_BF_COUNT + col].why);
	} else if (s == TUI_TE_WEIGHTS && e->weights[row].bad) {
		tui_canvas_text(c, y, 1, c->w - 2, TUI_ROLE_ERROR, e->weights[row].why);
	} else if (s == TUI_TE_FOURD && e->threshold.bad) {
		tui_canvas_text(c, y, 1, c->w - 2, TUI_ROLE_ERROR, e->threshold.why);
	} else if (s == TUI_TE_MATRIX && row < e->now.matrix.n_types) {
		const struct core_meeting_type *t = &e->now.matrix.types[row];
		tui_canvas_printf(c, y, 1, c->w - 2, TUI_ROLE_DIM, "%s, %s: %s", t->label,
		                  core_form_key((enum core_form)col),
		                  core_rating_label(t->rating[col]));
	}
}

void tui_team_edit_draw(struct tui_team_edit *e, struct tui_canvas *c)
{
	tui_canvas_clear(c);
	if (c->h < TE_TOP + TE_BOTTOM + 1 || c->w < 60)
		return;
	te_title(e, c);
	int rows = c->h - TE_TOP - TE_BOTTOM;
	e->body_rows = rows;
	te_scroll(e, rows);
	switch (e->section) {
	case TUI_TE_TARGETS: te_targets_draw(e, c, TE_TOP, rows); break;
	case TUI_TE_WEIGHTS: te_weights_draw(e, c, TE_TOP, rows); break;
	case TUI_TE_MATRIX: te_matrix_draw(e, c, TE_TOP, rows); break;
	case TUI_TE_FOURD: te_fourd_draw(e, c, TE_TOP); break;
	case TUI_TE_SECTIONS: break;
	}
	int y = c->h - TE_BOTTOM;
	tui_canvas_hline(c, y, 0, c->w, TUI_ROLE_BORDER);
	int n = tui_te_rows(e, e->section), top = e->top[e->section];
	if (n > top + rows)
		tui_canvas_printf(c, y, c->w - 14, -1, TUI_ROLE_DIM, " %d more ",
		                  n - top - rows);
	te_message(e, c, y + 1);
	te_keys(e, c, y + 2);
}
