/* The team dashboard, drawn from the model alone: no clock, no database.
 * Columns are chosen by the canvas width (a table, below); whatever room
 * is left goes to the seller's name.  Every number is plain text and the
 * warnings carry a "!", so the picture reads the same in monochrome and
 * ASCII. */
#include "tui/review_draw.h"

#include <stdio.h>
#include <string.h>

#include "core/domain.h"

enum review_cell {
	CELL_NAME,
	CELL_LOGIN,
	CELL_TARGET,
	CELL_TARGET_BF,
	CELL_PLANNED,
	CELL_HELD,
	CELL_VISITS,
	CELL_VISITS_BF,
	CELL_FORMS,
	CELL_FOURD,
	CELL_OVERDUE,
	CELL_CHANGED
};

struct review_col {
	enum review_cell cell;
	const char *head, *sub;   /* the two header lines */
	int w;
	int right;                /* right-aligned (numbers) */
	int min_w, max_w;         /* shown on canvases min_w <= width < max_w */
	enum core_review_col sort;/* the column a sort by it marks */
};

#define ANY_W 100000

static const struct review_col review_cols[] = {
	{ CELL_NAME, "Seller", "", 12, 0, 0, ANY_W, CORE_REVIEW_NAME },
	{ CELL_LOGIN, "Login", "", 10, 0, 120, ANY_W, CORE_REVIEW_COL_COUNT },
	{ CELL_TARGET, "Target", "", 7, 1, 0, 100, CORE_REVIEW_TARGET },
	{ CELL_TARGET_BF, "Target", "R/U/N", 11, 1, 100, ANY_W, CORE_REVIEW_TARGET },
	{ CELL_PLANNED, "Planned", "R/U/N", 8, 1, 0, ANY_W, CORE_REVIEW_PLANNED },
	{ CELL_HELD, "Held", "R/U/N", 8, 1, 0, ANY_W, CORE_REVIEW_HELD },
	{ CELL_VISITS, "Visits", "", 7, 1, 0, ANY_W, CORE_REVIEW_VISITS },
	{ CELL_VISITS_BF, "Visits by", "R/U/N", 14, 1, 120, ANY_W, CORE_REVIEW_COL_COUNT },
	{ CELL_FORMS, "Forms", "P/H/V/T", 10, 1, 0, ANY_W, CORE_REVIEW_COL_COUNT },
	{ CELL_FOURD, "4D", "Del", 5, 1, 0, ANY_W, CORE_REVIEW_COL_COUNT },
	{ CELL_OVERDUE, "Over", "due", 4, 1, 0, ANY_W, CORE_REVIEW_OVERDUE },
	{ CELL_CHANGED, "Changed", "", 11, 0, 0, ANY_W, CORE_REVIEW_CHANGED },
};

#define REVIEW_NCOLS (sizeof review_cols / sizeof review_cols[0])

struct review_layout {
	const struct review_col *col[REVIEW_NCOLS];
	int x[REVIEW_NCOLS], w[REVIEW_NCOLS];
	size_t n;
};

static void review_split3(char *buf, size_t n, double a, double b, double c)
{
	char ta[16], tb[16], tc[16];
	core_review_visits_text(a, ta, sizeof ta);
	core_review_visits_text(b, tb, sizeof tb);
	core_review_visits_text(c, tc, sizeof tc);
	snprintf(buf, n, "%s/%s/%s", ta, tb, tc);
}

/* The text of one cell of a readable row, and its role. */
static int review_cell_text(enum review_cell cell, const struct core_review_row *r,
                            int64_t today, char *buf, size_t n)
{
	const struct core_tally *t = &r->tally;
	switch (cell) {
	case CELL_NAME:
		snprintf(buf, n, "%s", r->name);
		return TUI_ROLE_NORMAL;
	case CELL_LOGIN:
		snprintf(buf, n, "%s", r->login);
		return TUI_ROLE_DIM;
	case CELL_TARGET:
		core_review_visits_text(t->total.target, buf, n);
		return TUI_ROLE_NORMAL;
	case CELL_TARGET_BF:
		review_split3(buf, n, t->bf[CORE_BF_RESALE].target, t->bf[CORE_BF_UPSELL].target,
		              t->bf[CORE_BF_NEW].target);
		return TUI_ROLE_NORMAL;
	case CELL_PLANNED:
		snprintf(buf, n, "%d/%d/%d", t->bf[CORE_BF_RESALE].planned,
		         t->bf[CORE_BF_UPSELL].planned, t->bf[CORE_BF_NEW].planned);
		return TUI_ROLE_NORMAL;
	case CELL_HELD:
		snprintf(buf, n, "%d/%d/%d", t->bf[CORE_BF_RESALE].held,
		         t->bf[CORE_BF_UPSELL].held, t->bf[CORE_BF_NEW].held);
		return TUI_ROLE_HELD;
	case CELL_VISITS:
		core_review_visits_text(t->total.visits, buf, n);
		return t->total.target > 0 && t->total.visits >= t->total.target
		       ? TUI_ROLE_GOOD : TUI_ROLE_NORMAL;
	case CELL_VISITS_BF:
		review_split3(buf, n, t->bf[CORE_BF_RESALE].visits, t->bf[CORE_BF_UPSELL].visits,
		              t->bf[CORE_BF_NEW].visits);
		return TUI_ROLE_NORMAL;
	case CELL_FORMS:
		snprintf(buf, n, "%d/%d/%d/%d", t->total.by_form[CORE_FORM_PHYSICAL],
		         t->total.by_form[CORE_FORM_HYBRID], t->total.by_form[CORE_FORM_VIRTUAL],
		         t->total.by_form[CORE_FORM_PHONE]);
		return TUI_ROLE_NORMAL;
	case CELL_FOURD:
		if (r->fourd.meetings == 0) {
			snprintf(buf, n, "-");
			return TUI_ROLE_DIM;
		}
		snprintf(buf, n, "%d%%%s", r->fourd.delivery_percent, r->fourd.warn ? "!" : "");
		return r->fourd.warn ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL;
	case CELL_OVERDUE:
		snprintf(buf, n, "%lld", (long long)r->overdue);
		return r->overdue > 0 ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL;
	case CELL_CHANGED:
		core_review_changed_text(r->changed_at, today, buf, n);
		return TUI_ROLE_DIM;
	}
	buf[0] = '\0';
	return TUI_ROLE_NORMAL;
}

/* A cell's text must never be cut: a cut number is a wrong number (a
 * team's total of "100/94/89" would read as "100/94/8").  Each column is
 * as wide as its widest cell, at least its table width; the room comes
 * from the name, which may be cut (down to REVIEW_NAME_MIN) since the
 * login and the selection still tell who it is. */
#define REVIEW_NAME_MIN 6

static int review_col_need(const struct review_col *c, const struct tui_review_model *m)
{
	char buf[CORE_NAME_MAX + 8];
	int need = c->w;
	for (size_t i = 0; i <= m->n; i++) {
		const struct core_review_row *r = i < m->n ? &m->rows[i] : m->total;
		if (r == NULL || !r->ok)
			continue;
		review_cell_text(c->cell, r, m->today, buf, sizeof buf);
		int tw = tui_text_width(buf);
		if (tw > need)
			need = tw;
	}
	return need;
}

static void review_layout(int width, const struct tui_review_model *m,
                          struct review_layout *l)
{
	l->n = 0;
	int used = 0;
	for (size_t i = 0; i < REVIEW_NCOLS; i++) {
		const struct review_col *c = &review_cols[i];
		if (width < c->min_w || width >= c->max_w)
			continue;
		int w = c->cell == CELL_NAME || c->cell == CELL_LOGIN ? c->w : review_col_need(c, m);
		used += (l->n > 0) + w;
		l->w[l->n] = w;
		l->col[l->n++] = c;
	}
	/* The spare columns go to the name (the first column), the one
	 * cell that is text of any length; wider numbers take from it. */
	if (width > used)
		l->w[0] += width - used;
	else if (used > width)
		l->w[0] = l->w[0] - (used - width) > REVIEW_NAME_MIN
		          ? l->w[0] - (used - width) : REVIEW_NAME_MIN;
	int x = 0;
	for (size_t i = 0; i < l->n; i++) {
		l->x[i] = x;
		x += l->w[i] + 1;
	}
}

static void review_put(struct tui_canvas *c, int y, int x, int w, int right, int role,
                       const char *text)
{
	int tw = tui_text_width(text);
	if (right && tw < w)
		x += w - tw;
	tui_canvas_text(c, y, x, w, role, text);
}

static void review_row_draw(struct tui_canvas *c, int y, const struct review_layout *l,
                            const struct core_review_row *r, int64_t today,
                            int total)
{
	char buf[CORE_NAME_MAX + 8];
	for (size_t i = 0; i < l->n; i++) {
		const struct review_col *col = l->col[i];
		if (!r->ok && col->cell != CELL_NAME && col->cell != CELL_LOGIN) {
			/* Unreadable: the reason takes the rest of the row. */
			snprintf(buf, sizeof buf, "unreadable: ");
			int x = l->x[i];
			x += tui_canvas_text(c, y, x, -1, TUI_ROLE_ERROR, buf);
			tui_canvas_text(c, y, x, -1, TUI_ROLE_ERROR, r->reason);
			return;
		}
		int role = review_cell_text(col->cell, r, today, buf, sizeof buf);
		if (total && col->cell == CELL_LOGIN)
			buf[0] = '\0';
		review_put(c, y, l->x[i], l->w[i], col->right, total ? TUI_ROLE_TITLE : role,
		           buf);
	}
}

static void review_title(struct tui_canvas *c, const struct tui_review_model *m)
{
	tui_canvas_fill(c, 0, 0, 1, c->w, L' ', TUI_ROLE_TITLE);
	char wk[16], from[16], to[16];
	core_isoweek_format(m->week, wk, sizeof wk);
	int64_t monday = core_isoweek_monday(m->week);
	struct core_date a = core_date_from_days(monday), b = core_date_from_days(monday + 6);
	snprintf(from, sizeof from, "%d %s", a.day, core_month_abbr(a.month));
	snprintf(to, sizeof to, "%d %s %d", b.day, core_month_abbr(b.month), b.year);
	size_t good = m->n - m->unreadable;
	char unread[48] = "";
	if (m->unreadable > 0)
		snprintf(unread, sizeof unread, ", %zu unreadable", m->unreadable);
	tui_canvas_printf(c, 0, 0, -1, TUI_ROLE_TITLE,
	                  "Team review  %s  %s - %s  %zu seller%s%s", wk, from, to, good,
	                  good == 1 ? "" : "s", unread);
}

static void review_header(struct tui_canvas *c, int y, const struct review_layout *l,
                          enum core_review_col sort)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct review_col *col = l->col[i];
		int sorted = col->sort == sort;
		char head[24];
		/* The sorted column is marked in text, not only in colour. */
		snprintf(head, sizeof head, "%s%s", col->head, sorted ? "*" : "");
		review_put(c, y, l->x[i], l->w[i], col->right,
		           sorted ? TUI_ROLE_KEY : TUI_ROLE_DAY, head);
		review_put(c, y + 1, l->x[i], l->w[i], col->right, TUI_ROLE_DIM, col->sub);
	}
}

/* "k word  k word": each key in the key role, its word in the status
 * role, as the week's key line. */
static void review_keys(struct tui_canvas *c, int y, const char *line)
{
	int x = 0;
	const char *p = line;
	while (*p != '\0' && x < c->w) {
		size_t len = strcspn(p, " ");
		char item[64];
		if (len >= sizeof item)
			len = sizeof item - 1;
		memcpy(item, p, len);
		item[len] = '\0';
		/* An item's first word is its key, then the hint. */
		int key = p == line || (p >= line + 2 && p[-1] == ' ' && p[-2] == ' ');
		x += tui_canvas_text(c, y, x, -1, key ? TUI_ROLE_KEY : TUI_ROLE_STATUS, item);
		p += len;
		for (; *p == ' '; p++)
			x++;
	}
}

static void review_status(struct tui_canvas *c, const struct tui_review_model *m)
{
	int y = c->h - 1;
	tui_canvas_fill(c, y, 0, 1, c->w, L' ', TUI_ROLE_STATUS);
	if (m->message != NULL) {
		tui_canvas_text(c, y, 0, -1, TUI_ROLE_STATUS, m->message);
		return;
	}
	if (m->keys_line != NULL) {
		review_keys(c, y, m->keys_line);
		return;
	}
	const char *order = m->sort == CORE_REVIEW_NAME ? "A-Z"
	                    : m->sort == CORE_REVIEW_CHANGED ? "latest first"
	                    : "largest first";
	tui_canvas_printf(c, y, 0, -1, TUI_ROLE_STATUS,
	                  "*sorted by %s (%s)  Del: share Delivery, ! above %d%%",
	                  core_review_col_key(m->sort), order, m->threshold);
}

void tui_review_draw(struct tui_canvas *c, const struct tui_review_model *m)
{
	tui_canvas_clear(c);
	if (c->h < 1 || c->w < 1)
		return;
	review_title(c, m);
	struct review_layout l;
	review_layout(c->w, m, &l);
	/* Title, two header lines and a rule; the rule, total and status
	 * line at the bottom. */
	int top = 4, bottom = c->h - 3;
	if (bottom <= top) {
		review_status(c, m);
		return;
	}
	review_header(c, 1, &l, m->sort);
	tui_canvas_hline(c, 3, 0, c->w, TUI_ROLE_BORDER);
	int y = top;
	for (size_t i = m->first; i < m->n && y < bottom; i++, y++) {
		review_row_draw(c, y, &l, &m->rows[i], m->today, 0);
		tui_canvas_hit(c, y, 0, 1, c->w, (int)i);
		if ((int)i == m->selected)
			tui_canvas_paint(c, y, 0, 1, c->w, TUI_ROLE_SELECTED);
	}
	if (m->n == 0)
		tui_canvas_text(c, top, 0, -1, TUI_ROLE_DIM,
		                "No sellers yet: each seller runs pipebench --team DIR once.");
	else if (y == bottom && m->first + (size_t)(bottom - top) < m->n)
		tui_canvas_printf(c, bottom - 1, 0, -1, TUI_ROLE_DIM, "... %zu more",
		                  m->n - m->first - (size_t)(bottom - top) + 1);
	y = m->n == 0 ? top + 1 : y;
	tui_canvas_hline(c, y, 0, c->w, TUI_ROLE_BORDER);
	if (m->total != NULL)
		review_row_draw(c, y + 1, &l, m->total, m->today, 1);
	review_status(c, m);
}
