/* The manager's editor of the team's settings (tui/team_edit.h): the
 * settings in memory as loaded and as edited, the numbers as typed, the
 * keys, and the save.  The drawing is tui/team_edit_draw.c's. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "tui/team_edit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/fourd.h"
#include "core/team.h"

#define TE_ESC 27
#define TE_CTRL(c) ((c) & 0x1f)

/* What a number cell holds, which decides what it accepts. */
enum te_kind {
	TE_TARGET_DEFAULT,  /* the team default: empty is no target */
	TE_TARGET_SELLER,   /* a seller's own: empty is the team default */
	TE_WEIGHT,
	TE_PERCENT
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void te_say(struct tui_team_edit *e, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	e->message_error = is_error;
}

/* ---- the grids ----------------------------------------------------------- */

int tui_te_rows(const struct tui_team_edit *e, enum tui_te_section s)
{
	switch (s) {
	case TUI_TE_TARGETS: return (int)e->now.n + 1;
	case TUI_TE_WEIGHTS: return CORE_FORM_COUNT;
	case TUI_TE_MATRIX: return e->now.matrix.n_types;
	case TUI_TE_FOURD: return 1;
	case TUI_TE_SECTIONS: break;
	}
	return 0;
}

int tui_te_cols(enum tui_te_section s)
{
	switch (s) {
	case TUI_TE_TARGETS: return CORE_BF_COUNT;
	case TUI_TE_MATRIX: return CORE_FORM_COUNT;
	case TUI_TE_WEIGHTS:
	case TUI_TE_FOURD:
	case TUI_TE_SECTIONS: break;
	}
	return 1;
}

static struct db_team_target *te_target(struct db_team_settings *s, int row, int bf)
{
	return row == 0 ? &s->defaults[bf] : &s->sellers[row - 1].target[bf];
}

static const struct db_team_target *te_target_c(const struct db_team_settings *s,
                                                int row, int bf)
{
	return row == 0 ? &s->defaults[bf] : &s->sellers[row - 1].target[bf];
}

/* The number cell at (row, col) of section s; NULL in the matrix. */
static struct tui_te_cell *te_cell(struct tui_team_edit *e, enum tui_te_section s,
                                   int row, int col)
{
	switch (s) {
	case TUI_TE_TARGETS: return &e->targets[row * CORE_BF_COUNT + col];
	case TUI_TE_WEIGHTS: return &e->weights[row];
	case TUI_TE_FOURD: return &e->threshold;
	case TUI_TE_MATRIX:
	case TUI_TE_SECTIONS: break;
	}
	return NULL;
}

static enum te_kind te_kind_of(enum tui_te_section s, int row)
{
	if (s == TUI_TE_WEIGHTS)
		return TE_WEIGHT;
	if (s == TUI_TE_FOURD)
		return TE_PERCENT;
	return row == 0 ? TE_TARGET_DEFAULT : TE_TARGET_SELLER;
}

int tui_te_changed(const struct tui_team_edit *e, enum tui_te_section s, int row,
                   int col)
{
	switch (s) {
	case TUI_TE_TARGETS: {
		const struct db_team_target *a = te_target_c(&e->was, row, col);
		const struct db_team_target *b = te_target_c(&e->now, row, col);
		return e->targets[row * CORE_BF_COUNT + col].bad || a->set != b->set ||
		       (a->set && a->visits != b->visits);
	}
	case TUI_TE_WEIGHTS:
		return e->weights[row].bad || e->was.weights.w[row] != e->now.weights.w[row];
	case TUI_TE_MATRIX: {
		const struct core_matrix *a = &e->was.matrix, *b = &e->now.matrix;
		return row >= a->n_types || strcmp(a->types[row].key, b->types[row].key) != 0 ||
		       a->types[row].rating[col] != b->types[row].rating[col];
	}
	case TUI_TE_FOURD:
		return e->threshold.bad || e->was.threshold != e->now.threshold;
	case TUI_TE_SECTIONS: break;
	}
	return 0;
}

/* Numbers are written and read here, not by "%f" and strtod: those
 * follow LC_NUMERIC, and a Danish locale would make "2.5" read as 2. */
void tui_te_number(double v, char *buf, size_t n)
{
	/* Four decimals at most, trailing zeros cut: 2.5, not 2.5000. */
	long long scaled = v >= 0.0 && v < 1e12 ? (long long)(v * 10000.0 + 0.5) : 0;
	char frac[8];
	snprintf(frac, sizeof frac, "%04d", (int)(scaled % 10000));
	size_t len = strlen(frac);
	while (len > 0 && frac[len - 1] == '0')
		frac[--len] = '\0';
	snprintf(buf, n, "%lld%s%s", scaled / 10000, len > 0 ? "." : "", frac);
}

/* Every number cell from e->now, as loaded or saved. */
static void te_cells_fill(struct tui_team_edit *e)
{
	for (int row = 0; row <= (int)e->now.n; row++)
		for (int bf = 0; bf < CORE_BF_COUNT; bf++) {
			struct tui_te_cell *c = &e->targets[row * CORE_BF_COUNT + bf];
			const struct db_team_target *t = te_target(&e->now, row, bf);
			memset(c, 0, sizeof *c);
			if (t->set)
				tui_te_number(t->visits, c->text, sizeof c->text);
		}
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		memset(&e->weights[f], 0, sizeof e->weights[f]);
		tui_te_number(e->now.weights.w[f], e->weights[f].text, sizeof e->weights[f].text);
	}
	memset(&e->threshold, 0, sizeof e->threshold);
	snprintf(e->threshold.text, sizeof e->threshold.text, "%d", e->now.threshold);
}

/* A deep copy (the sellers are an array of their own). */
static int te_copy(struct db_team_settings *dst, const struct db_team_settings *src)
{
	*dst = *src;
	dst->sellers = NULL;
	if (src->n == 0)
		return 0;
	dst->sellers = malloc(src->n * sizeof *dst->sellers);
	if (dst->sellers == NULL) {
		dst->n = 0;
		return -1;
	}
	memcpy(dst->sellers, src->sellers, src->n * sizeof *dst->sellers);
	return 0;
}

/* ---- numbers as typed ----------------------------------------------------- */

/* Parses text as kind wants it: 0 and the value (*set 0: empty, which a
 * target allows), or -1 with the reason in why. */
static int te_parse(enum te_kind kind, const char *text, double *v, int *set,
                    char *why, size_t n)
{
	*set = text[0] != '\0';
	*v = 0.0;
	if (!*set) {
		if (kind == TE_WEIGHT) {
			snprintf(why, n, "type a weight from 0 to %g", DB_WEIGHT_MAX);
			return -1;
		}
		if (kind == TE_PERCENT) {
			snprintf(why, n, "type a whole percent from %d to %d",
			         CORE_FOURD_THRESHOLD_MIN, CORE_FOURD_THRESHOLD_MAX);
			return -1;
		}
		return 0;
	}
	if (text[strspn(text, "0123456789.")] != '\0') {
		snprintf(why, n, "type a number: digits and a decimal point");
		return -1;
	}
	size_t digits = strspn(text, "0123456789");
	const char *dot = strchr(text, '.');
	if (dot != NULL && strchr(dot + 1, '.') != NULL) {
		snprintf(why, n, "one decimal point at most");
		return -1;
	}
	if (digits == 0 && (dot == NULL || dot[1] < '0' || dot[1] > '9')) {
		snprintf(why, n, "a number needs a digit");
		return -1;
	}
	/* One division of two whole numbers: the double nearest the text, as
	 * strtod would give in the C locale. */
	double whole = 0.0, scale = 1.0;
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '.')
			continue;
		whole = whole * 10.0 + (*p - '0');
		if (dot != NULL && p > dot)
			scale *= 10.0;
	}
	*v = whole / scale;
	switch (kind) {
	case TE_TARGET_DEFAULT:
	case TE_TARGET_SELLER:
		if (*v > DB_TARGET_MAX) {
			snprintf(why, n, "a target is from 0 to %g visits a week",
			         DB_TARGET_MAX);
			return -1;
		}
		break;
	case TE_WEIGHT:
		if (*v > DB_WEIGHT_MAX) {
			snprintf(why, n, "a weight is from 0 to %g (a held meeting counts as "
			         "that many visits)", DB_WEIGHT_MAX);
			return -1;
		}
		break;
	case TE_PERCENT:
		if (*v < CORE_FOURD_THRESHOLD_MIN || *v > CORE_FOURD_THRESHOLD_MAX) {
			snprintf(why, n, "a whole percent from %d to %d",
			         CORE_FOURD_THRESHOLD_MIN, CORE_FOURD_THRESHOLD_MAX);
			return -1;
		}
		break;
	}
	return 0;
}

/* The cursor's number after its text changed: checked, and when valid
 * put into now; when not, the reason is said and now keeps the last valid
 * value (a save refuses while any text is not valid). */
static void te_apply(struct tui_team_edit *e)
{
	enum tui_te_section s = e->section;
	int row = e->row[s], col = e->col[s];
	struct tui_te_cell *c = te_cell(e, s, row, col);
	double v;
	int set;
	c->bad = te_parse(te_kind_of(s, row), c->text, &v, &set, c->why, sizeof c->why) != 0;
	if (c->bad) {
		te_say(e, 1, "%s", c->why);
		return;
	}
	c->why[0] = '\0';
	if (s == TUI_TE_TARGETS) {
		struct db_team_target *t = te_target(&e->now, row, col);
		t->set = set;
		t->visits = v;
	} else if (s == TUI_TE_WEIGHTS) {
		e->now.weights.w[row] = v;
	} else {
		e->now.threshold = (int)v;
	}
}

static void te_refuse(struct tui_team_edit *e)
{
	te_say(e, 1, "only the manager can change the team's settings (%s)", e->path);
}

static int te_number_key(struct tui_team_edit *e, const struct tui_event *ev)
{
	enum tui_te_section s = e->section;
	struct tui_te_cell *c = te_cell(e, s, e->row[s], e->col[s]);
	int typed = ev->kind == TUI_EV_CHAR && ((ev->ch >= '0' && ev->ch <= '9') ||
	                                       ev->ch == '.' || ev->ch == ',');
	int edit = typed || tui_ev_key(ev, KEY_BACKSPACE) || tui_ev_key(ev, KEY_DC);
	if (edit && e->readonly) {
		te_refuse(e);
		return TUI_REDRAW;
	}
	if (typed) {
		/* A decimal comma is how half the team writes it. */
		char ch = ev->ch == ',' ? '.' : (char)ev->ch;
		if (ch == '.' && s == TUI_TE_FOURD) {
			te_say(e, 1, "a whole percent: no decimals");
			return TUI_REDRAW;
		}
		if (e->fresh)
			c->text[0] = '\0';
		e->fresh = 0;
		size_t len = strlen(c->text);
		if (len >= TUI_TE_TEXT_MAX) {
			te_say(e, 1, "%d characters at most", TUI_TE_TEXT_MAX);
			return TUI_REDRAW;
		}
		c->text[len] = ch;
		c->text[len + 1] = '\0';
	} else if (tui_ev_key(ev, KEY_BACKSPACE)) {
		e->fresh = 0;
		size_t len = strlen(c->text);
		if (len > 0)
			c->text[len - 1] = '\0';
	} else if (tui_ev_key(ev, KEY_DC)) {
		e->fresh = 0;
		c->text[0] = '\0';
	} else if (ev->kind == TUI_EV_CHAR && ev->ch >= ' ') {
		te_say(e, 1, s == TUI_TE_FOURD ? "type a whole percent: digits only"
		                                : "type a number: digits and a decimal point");
		return TUI_REDRAW;
	} else {
		return TUI_NONE;
	}
	te_apply(e);
	return TUI_REDRAW;
}

/* ---- the matrix ----------------------------------------------------------- */

static int te_matrix_same(const struct core_matrix *a, const struct core_matrix *b)
{
	if (a->n_types != b->n_types)
		return 0;
	for (int i = 0; i < a->n_types; i++) {
		if (strcmp(a->types[i].key, b->types[i].key) != 0)
			return 0;
		for (int f = 0; f < CORE_FORM_COUNT; f++)
			if (a->types[i].rating[f] != b->types[i].rating[f])
				return 0;
	}
	return 1;
}

static int te_matrix_key(struct tui_team_edit *e, const struct tui_event *ev)
{
	int next = tui_ev_char(ev, ' ') || tui_ev_char(ev, '+');
	int prev = tui_ev_char(ev, '-');
	int reset = tui_ev_char(ev, 'R');
	if ((next || prev || reset) && e->readonly) {
		te_refuse(e);
		return TUI_REDRAW;
	}
	struct core_matrix *m = &e->now.matrix;
	if (reset) {
		struct core_error err = { CORE_OK, "" };
		struct core_matrix *def = malloc(sizeof *def);
		if (def == NULL)
			return TUI_QUIT;
		if (core_matrix_default(def, &err) != CORE_OK) {
			te_say(e, 1, "the default matrix: %s", err.msg);
		} else {
			*m = *def;
			e->now.own_matrix = 0;
			if (e->row[TUI_TE_MATRIX] >= m->n_types)
				e->row[TUI_TE_MATRIX] = m->n_types > 0 ? m->n_types - 1 : 0;
			te_say(e, 0, "the default matrix: Ctrl-S makes it the team's");
		}
		free(def);
		return TUI_REDRAW;
	}
	if (!next && !prev) {
		if (ev->kind == TUI_EV_CHAR && ev->ch >= ' ') {
			te_say(e, 1, "Space or + gives the next rating, - the previous");
			return TUI_REDRAW;
		}
		return TUI_NONE;
	}
	int row = e->row[TUI_TE_MATRIX], col = e->col[TUI_TE_MATRIX];
	if (row >= m->n_types)
		return TUI_NONE;
	enum core_rating *r = &m->types[row].rating[col];
	int step = next ? 1 : CORE_RATING_COUNT - 1;
	*r = (enum core_rating)(((int)*r + step) % CORE_RATING_COUNT);
	/* Cycled back to the matrix loaded: nothing to store. */
	e->now.own_matrix = te_matrix_same(m, &e->was.matrix) ? e->was.own_matrix : 1;
	return TUI_REDRAW;
}

/* ---- moving ---------------------------------------------------------------- */

static void te_section_to(struct tui_team_edit *e, int s)
{
	e->section = (enum tui_te_section)((s + TUI_TE_SECTIONS) % TUI_TE_SECTIONS);
	e->fresh = 1;
}

static int te_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Returns 0 when ev is no move. */
static int te_move(struct tui_team_edit *e, const struct tui_event *ev)
{
	enum tui_te_section s = e->section;
	int page = e->body_rows > 2 ? e->body_rows - 1 : 1;
	int dy = 0, dx = 0;
	if (tui_ev_char(ev, '\t')) {
		te_section_to(e, (int)s + 1);
		return 1;
	}
	if (tui_ev_key(ev, KEY_BTAB)) {
		te_section_to(e, (int)s - 1);
		return 1;
	}
	static const char letters[TUI_TE_SECTIONS] = { 't', 'w', 'm', 'd' };
	for (int i = 0; i < TUI_TE_SECTIONS; i++)
		if (tui_ev_char(ev, (wint_t)letters[i])) {
			te_section_to(e, i);
			return 1;
		}
	if (tui_ev_key(ev, KEY_UP) || tui_ev_char(ev, 'k'))
		dy = -1;
	else if (tui_ev_key(ev, KEY_DOWN) || tui_ev_char(ev, 'j') || tui_ev_char(ev, '\n'))
		dy = 1;
	else if (tui_ev_key(ev, KEY_LEFT) || tui_ev_char(ev, 'h'))
		dx = -1;
	else if (tui_ev_key(ev, KEY_RIGHT) || tui_ev_char(ev, 'l'))
		dx = 1;
	else if (tui_ev_key(ev, KEY_PPAGE))
		dy = -page;
	else if (tui_ev_key(ev, KEY_NPAGE))
		dy = page;
	else if (tui_ev_key(ev, KEY_HOME))
		dy = -e->row[s];
	else if (tui_ev_key(ev, KEY_END))
		dy = tui_te_rows(e, s);
	else
		return 0;
	int rows = tui_te_rows(e, s);
	e->row[s] = rows > 0 ? te_clamp(e->row[s] + dy, 0, rows - 1) : 0;
	e->col[s] = te_clamp(e->col[s] + dx, 0, tui_te_cols(s) - 1);
	e->fresh = 1;
	return 1;
}

/* ---- saving ---------------------------------------------------------------- */

int tui_team_edit_dirty(const struct tui_team_edit *e)
{
	if (db_team_settings_diff(&e->was, &e->now) > 0 || e->threshold.bad)
		return 1;
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		if (e->weights[f].bad)
			return 1;
	for (size_t i = 0; i < (e->now.n + 1) * CORE_BF_COUNT; i++)
		if (e->targets[i].bad)
			return 1;
	return 0;
}

/* Puts the cursor on the first number that is not valid and says why;
 * 0 when every number is. */
static int te_first_bad(struct tui_team_edit *e)
{
	static const enum tui_te_section order[] = { TUI_TE_TARGETS, TUI_TE_WEIGHTS,
	                                             TUI_TE_FOURD };
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		enum tui_te_section s = order[k];
		for (int row = 0; row < tui_te_rows(e, s); row++)
			for (int col = 0; col < tui_te_cols(s); col++) {
				const struct tui_te_cell *c = te_cell(e, s, row, col);
				if (!c->bad)
					continue;
				e->section = s;
				e->row[s] = row;
				e->col[s] = col;
				e->fresh = 1;
				const char *what =
					s == TUI_TE_FOURD ? "the 4D threshold"
					: s == TUI_TE_WEIGHTS ? core_form_label((enum core_form)row)
					: row == 0 ? "the team default" : e->now.sellers[row - 1].name;
				te_say(e, 1, "not saved: %s%s%s: %s", what, s == TUI_TE_TARGETS ? ", " : "",
				       s == TUI_TE_TARGETS ? core_battlefield_label((enum core_battlefield)col)
				                           : "", c->why);
				return 1;
			}
	}
	return 0;
}

/* The settings read again after a save: the roster rows it made, and
 * what the file holds now. */
static int te_reload(struct tui_team_edit *e, size_t saved)
{
	size_t n = e->was.n;
	struct db_team_who *who = n > 0 ? malloc(n * sizeof *who) : NULL;
	if (n > 0 && who == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		who[i].login = e->now.sellers[i].login;
		who[i].name = e->now.sellers[i].name;
	}
	struct db_team_settings fresh;
	struct core_error err = { CORE_OK, "" };
	enum core_status st = db_team_settings_load(e->db, who, n, &fresh, &err);
	free(who);
	if (st == CORE_ERR_NOMEM)
		return -1;
	if (st != CORE_OK) {
		/* Saved all the same: what was typed is what the file has. */
		db_team_settings_free(&e->was);
		if (te_copy(&e->was, &e->now) != 0)
			return -1;
		te_say(e, 0, "saved %zu change%s; reading them back failed: %s", saved,
		       saved == 1 ? "" : "s", err.msg);
		return 0;
	}
	db_team_settings_free(&e->was);
	db_team_settings_free(&e->now);
	e->was = fresh;
	if (te_copy(&e->now, &e->was) != 0)
		return -1;
	te_cells_fill(e);
	e->fresh = 1;
	te_say(e, 0, "saved %zu change%s: the sellers' screens pick %s up", saved,
	       saved == 1 ? "" : "s", saved == 1 ? "it" : "them");
	return 0;
}

/* Returns 1 when saved (or nothing to save), 0 when not (the edits stay
 * and the message says why), -1 when out of memory. */
static int te_save(struct tui_team_edit *e)
{
	if (e->readonly) {
		te_refuse(e);
		return 0;
	}
	if (te_first_bad(e))
		return 0;
	size_t changes = db_team_settings_diff(&e->was, &e->now);
	if (changes == 0) {
		te_say(e, 0, "nothing to save");
		return 1;
	}
	struct core_error err = { CORE_OK, "" };
	enum core_status st = db_team_settings_save(e->db, &e->was, &e->now, &err);
	if (st == CORE_ERR_NOMEM)
		return -1;
	if (st == CORE_ERR_IO) {
		/* The file system said no where access() said yes (an ACL, a
		 * read-only mount): read-only from now on, the edits kept. */
		e->readonly = 1;
		te_say(e, 1, "%s", err.msg);
		return 0;
	}
	if (st == CORE_ERR_BUSY) {
		te_say(e, 1, "not saved, your changes are kept (Ctrl-S tries again): %s",
		       err.msg);
		return 0;
	}
	if (st != CORE_OK) {
		te_say(e, 1, "not saved: %s", err.msg);
		return 0;
	}
	return te_reload(e, changes) == 0 ? 1 : -1;
}

static int te_save_flags(struct tui_team_edit *e, int close)
{
	int saved = te_save(e);
	if (saved < 0)
		return TUI_QUIT;
	if (saved == 0)
		return TUI_REDRAW;
	return TUI_REDRAW | TUI_RELOAD | (close ? TUI_CLOSE : 0);
}

static int te_escape(struct tui_team_edit *e)
{
	if (!tui_team_edit_dirty(e))
		return TUI_CLOSE;
	e->confirm = 1;
	te_say(e, 0, TUI_SAVE_QUESTION);
	return TUI_REDRAW;
}

static int te_confirm(struct tui_team_edit *e, const struct tui_event *ev)
{
	switch (tui_ev_answer(ev)) {
	case TUI_ANSWER_YES:
		e->confirm = 0;
		return te_save_flags(e, 1);
	case TUI_ANSWER_NO:
		return TUI_CLOSE;
	case TUI_ANSWER_BACK:
		e->confirm = 0;
		e->message[0] = '\0';
		return TUI_REDRAW;
	case TUI_ANSWER_NONE:
		break;
	}
	return TUI_NONE;
}

int tui_team_edit_event(struct tui_team_edit *e, const struct tui_event *ev)
{
	if (ev->kind == TUI_EV_TICK || ev->kind == TUI_EV_MOUSE)
		return TUI_NONE;
	if (e->confirm)
		return te_confirm(e, ev);
	if (tui_ev_char(ev, TE_CTRL('S')) || tui_ev_key(ev, KEY_F(2)))
		return te_save_flags(e, 0);
	if (tui_ev_char(ev, TE_ESC) || tui_ev_char(ev, 'q'))
		return te_escape(e);
	/* What the last key said goes with the next one; a read-only
	 * editor keeps saying why. */
	e->message[0] = '\0';
	if (e->readonly)
		te_refuse(e);
	if (te_move(e, ev))
		return TUI_REDRAW;
	if (e->section == TUI_TE_MATRIX)
		return te_matrix_key(e, ev);
	return te_number_key(e, ev);
}

/* ---- life ------------------------------------------------------------------ */

void tui_team_edit_select(struct tui_team_edit *e, size_t i)
{
	if (i < e->now.n) {
		e->row[TUI_TE_TARGETS] = (int)i + 1;
		e->fresh = 1;
	}
}

void tui_team_edit_free(struct tui_team_edit *e)
{
	if (e == NULL)
		return;
	db_team_settings_free(&e->was);
	db_team_settings_free(&e->now);
	free(e->targets);
	db_close(e->db);
	free(e);
}

enum core_status tui_team_edit_open(const char *team_dir, const struct db_team_who *who,
                                    size_t n, int ascii, struct tui_team_edit **out,
                                    struct core_error *err)
{
	*out = NULL;
	struct tui_team_edit *e = calloc(1, sizeof *e);
	if (e == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	e->ascii = ascii;
	enum core_status st = core_team_path(e->path, sizeof e->path, team_dir,
	                                     CORE_TEAM_FILE, NULL, err);
	/* The OS decides who writes the team file; asking it first keeps a
	 * seller's review from opening it for writing at all.  The rollback
	 * journal is made beside the file, so the directory counts too. */
	e->readonly = access(e->path, W_OK) != 0 || access(team_dir, W_OK) != 0;
	if (st == CORE_OK)
		st = db_open(e->path, DB_OPEN_TEAM | (e->readonly ? DB_OPEN_READONLY : 0), &e->db,
		             err);
	if (st == CORE_OK)
		st = db_team_settings_load(e->db, who, n, &e->was, err);
	if (st == CORE_OK && te_copy(&e->now, &e->was) != 0)
		st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	if (st == CORE_OK && (e->targets = calloc(n + 1, CORE_BF_COUNT * sizeof *e->targets)) == NULL)
		st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	if (st != CORE_OK) {
		tui_team_edit_free(e);
		return st;
	}
	te_cells_fill(e);
	e->fresh = 1;
	if (e->readonly)
		te_refuse(e);
	*out = e;
	return CORE_OK;
}
