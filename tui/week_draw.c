/* The week screen, drawn from the model alone: no clock, no environment,
 * no database.  Layout, top to bottom: the title line, the days as boxed
 * columns with an hour gutter, the target-against-actual panel, the key
 * line.  Everything is measured against the canvas, so a narrower screen
 * abbreviates and folds rather than spilling (the canvas clips as a last
 * line of defence). */
#include "tui/week_draw.h"

#include <stdio.h>
#include <string.h>

#include "core/domain.h"
#include "tui/keys.h"

#define WEEK_MAX_DAYS 7
/* The panel under the grid: a header, three battlefields and the total.
 * With the title, the grid's two borders and the key line, that makes the
 * nine rows a screen needs besides two per meeting (cli/cmd_week.c sizes
 * --print's default height with the same sum). */
#define PANEL_ROWS 5
#define PANEL_MIN_HEIGHT 14   /* below this the panel gives way to the grid */
/* The hour gutter: "08" and a blank before the box. */
#define GUTTER_COLS 3
/* Without a meeting earlier or later, the grid shows 08:00 to 18:00. */
#define DAY_FIRST_HOUR 8
#define DAY_LAST_HOUR 18
#define BAR_COLS 10

struct week_layout {
	int64_t monday;
	int ndays;
	int grid_y, grid_h;       /* the box, borders included; grid_h 0: none */
	int rows;                 /* rows inside the box */
	int gutter;               /* columns left of the box */
	int col_x[WEEK_MAX_DAYS + 1]; /* each day's left border; [ndays]: right */
	int time_mode;            /* meetings at their hour, else stacked */
	int first_hour, rows_per_hour;
	int panel_y;              /* -1: no room for the panel */
};

/* The local day (0 = Monday) and minute of meeting i, or -1 outside the
 * week. */
static int meeting_day(const struct tui_week_model *m, int64_t monday, size_t i,
                       int *minute)
{
	int64_t days;
	int min;
	core_local_from_epoch(m->meetings[i].starts_at, &days, &min);
	*minute = min;
	int64_t d = days - monday;
	return d >= 0 && d < WEEK_MAX_DAYS ? (int)d : -1;
}

static int battlefield_role(enum core_battlefield bf)
{
	switch (bf) {
	case CORE_BF_RESALE: return TUI_ROLE_BATTLEFIELD_RESALE;
	case CORE_BF_UPSELL: return TUI_ROLE_BATTLEFIELD_UPSELL;
	case CORE_BF_NEW: return TUI_ROLE_BATTLEFIELD_NEW;
	default: return TUI_ROLE_NORMAL;
	}
}

/* ---- layout ---- */

/* Whether a day's meetings fit the time layout: each at the row of its
 * start, pushed down below the one before when they collide, but never so
 * far that it starts beside the next hour's label, and all inside the box.
 * A day that does not fit would make the hours down the side a lie. */
static int day_fits_timed(const struct tui_week_model *m,
                          const struct week_layout *l, int day)
{
	int next = 0;
	for (size_t i = 0; i < m->n_meetings; i++) {
		int minute;
		if (meeting_day(m, l->monday, i, &minute) != day)
			continue;
		int row = (minute - l->first_hour * 60) * l->rows_per_hour / 60;
		int next_label = (minute / 60 - l->first_hour + 1) * l->rows_per_hour;
		if (next > row)
			row = next;
		if (row >= next_label || row + 2 > l->rows)
			return 0;
		next = row + 2;
	}
	return 1;
}

/* Chooses the time layout when every meeting fits at its hour with two
 * rows an hour at least; else meetings stack from the top, which fits the
 * most. */
static void layout_time(const struct tui_week_model *m, struct week_layout *l)
{
	int first = DAY_FIRST_HOUR, last = DAY_LAST_HOUR;
	for (size_t i = 0; i < m->n_meetings; i++) {
		int minute;
		int d = meeting_day(m, l->monday, i, &minute);
		if (d < 0 || d >= l->ndays)
			continue;
		if (minute / 60 < first)
			first = minute / 60;
		if (minute / 60 + 1 > last)
			last = minute / 60 + 1;
	}
	l->first_hour = first;
	l->rows_per_hour = l->rows / (last - first);
	l->time_mode = l->rows_per_hour >= 2;
	for (int d = 0; d < l->ndays && l->time_mode; d++)
		l->time_mode = day_fits_timed(m, l, d);
}

static void layout_compute(const struct tui_canvas *c,
                           const struct tui_week_model *m, struct week_layout *l)
{
	memset(l, 0, sizeof *l);
	l->monday = core_isoweek_monday(m->week);
	l->ndays = m->show_weekend ? 7 : 5;
	int panel = c->h >= PANEL_MIN_HEIGHT ? PANEL_ROWS : 0;
	l->grid_y = 1;
	l->grid_h = c->h - 2 - panel;
	if (l->grid_h < 3)
		l->grid_h = 0;
	l->rows = l->grid_h > 0 ? l->grid_h - 2 : 0;
	l->panel_y = panel > 0 ? l->grid_y + l->grid_h : -1;
	if (l->rows > 0)
		layout_time(m, l);

	/* The remainder of the division goes to the gutter (one column at
	 * most) and then, one each, to the first days. */
	l->gutter = l->time_mode ? GUTTER_COLS : 0;
	int avail = c->w - l->gutter - 1;
	int colw = avail > 0 ? avail / l->ndays : 0;
	int rem = avail > 0 ? avail % l->ndays : 0;
	if (l->time_mode && rem > 0) {
		l->gutter++;
		rem--;
	}
	int x = l->gutter;
	for (int d = 0; d < l->ndays; d++) {
		l->col_x[d] = x;
		x += colw + (d < rem ? 1 : 0);
	}
	l->col_x[l->ndays] = x;
}

/* ---- the title line ---- */

static void title_range(struct core_date a, struct core_date b, int with_year,
                        char *buf, size_t n)
{
	const char *ma = core_month_abbr(a.month), *mb = core_month_abbr(b.month);
	if (a.year == b.year && a.month == b.month)
		snprintf(buf, n, "%d–%d %s", a.day, b.day, mb);
	else if (a.year == b.year || !with_year)
		snprintf(buf, n, "%d %s – %d %s", a.day, ma, b.day, mb);
	else
		snprintf(buf, n, "%d %s %d – %d %s", a.day, ma, a.year, b.day, mb);
	if (with_year) {
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, " %d", b.year);
	}
}

/* The right side: what needs attention, then the help key.  Returns its
 * width; draws only when draw is set. */
static int title_right(struct tui_canvas *c, const struct tui_week_model *m,
                       int hidden, int compact, int x, int draw)
{
	char part[3][48];
	int n = 0;
	if (m->overdue > 0)
		snprintf(part[n++], sizeof part[0], "%d overdue", m->overdue);
	if (m->warnings > 0)
		snprintf(part[n++], sizeof part[0], "%d warning%s", m->warnings,
		         m->warnings == 1 ? "" : "s");
	if (hidden > 0)
		snprintf(part[n++], sizeof part[0], "+%d at weekend", hidden);
	int used = 0;
	for (int i = 0; i < n; i++) {
		const char *sep = i > 0 ? " · " : "";
		int role = i < n - (hidden > 0) ? TUI_ROLE_WARNING : TUI_ROLE_TITLE;
		if (draw) {
			tui_canvas_text(c, 0, x + used, -1, TUI_ROLE_TITLE, sep);
			tui_canvas_text(c, 0, x + used + tui_text_width(sep), -1, role,
			                part[i]);
		}
		used += tui_text_width(sep) + tui_text_width(part[i]);
	}
	const char *gap = n > 0 ? (compact ? "  " : "   ") : "";
	const char *help = compact ? "" : " help";
	if (draw) {
		tui_canvas_text(c, 0, x + used + tui_text_width(gap), -1, TUI_ROLE_KEY, "?");
		tui_canvas_text(c, 0, x + used + tui_text_width(gap) + 1, -1,
		                TUI_ROLE_TITLE, help);
	}
	return used + tui_text_width(gap) + 1 + tui_text_width(help) + 1;
}

static void draw_title(struct tui_canvas *c, const struct tui_week_model *m,
                       const struct week_layout *l, int hidden)
{
	struct core_date a = core_date_from_days(l->monday);
	struct core_date b = core_date_from_days(l->monday + l->ndays - 1);
	char full[48], brief[48];
	title_range(a, b, 1, full, sizeof full);
	title_range(a, b, 0, brief, sizeof brief);
	const char *sep = m->seller[0] != '\0' ? " · " : "";
	char left[4][CORE_NAME_MAX + 96];
	snprintf(left[0], sizeof left[0], " pipebench · week %d · %s%s%s",
	         m->week.week, full, sep, m->seller);
	snprintf(left[1], sizeof left[1], " week %d · %s%s%s", m->week.week, full,
	         sep, m->seller);
	snprintf(left[2], sizeof left[2], " week %d · %s%s%s", m->week.week, brief,
	         sep, m->seller);
	snprintf(left[3], sizeof left[3], " w%d%s%s", m->week.week, sep, m->seller);

	tui_canvas_fill(c, 0, 0, 1, c->w, L' ', TUI_ROLE_TITLE);
	/* The week's dates and the seller matter more than the wording of
	 * the right side: shorten that first. */
	for (int i = 0; i < 4; i++) {
		for (int compact = 0; compact < 2; compact++) {
			int rw = title_right(c, m, hidden, compact, 0, 0);
			if (tui_text_width(left[i]) + 2 + rw > c->w)
				continue;
			tui_canvas_text(c, 0, 0, -1, TUI_ROLE_TITLE, left[i]);
			title_right(c, m, hidden, compact, c->w - rw, 1);
			return;
		}
	}
	/* Nothing fits whole: the week and the seller, cut. */
	tui_canvas_text(c, 0, 0, -1, TUI_ROLE_TITLE, left[3]);
}

/* ---- the grid ---- */

static void draw_heading(struct tui_canvas *c, const struct tui_week_model *m,
                         const struct week_layout *l, int d)
{
	int64_t day = l->monday + d;
	int today = day == m->today;
	const char *name = core_weekday_abbr(d + 1);
	int mday = core_date_from_days(day).day;
	int cw = l->col_x[d + 1] - l->col_x[d] - 1;
	char text[4][48];
	int n = 0;
	if (today) {
		snprintf(text[n++], sizeof text[0], " %s %d · today ", name, mday);
		snprintf(text[n++], sizeof text[0], " %s %d • ", name, mday);
		snprintf(text[n++], sizeof text[0], "%s %d•", name, mday);
		snprintf(text[n++], sizeof text[0], "%d•", mday);
	} else {
		snprintf(text[n++], sizeof text[0], " %s %d ", name, mday);
		snprintf(text[n++], sizeof text[0], "%s %d", name, mday);
		snprintf(text[n++], sizeof text[0], "%d", mday);
	}
	int pick = n - 1;
	for (int i = 0; i < n; i++)
		if (tui_text_width(text[i]) <= cw) {
			pick = i;
			break;
		}
	/* The cursor's column is marked whether or not a meeting on it is
	 * selected: the mark stays put as the cursor crosses an empty day. */
	int role = today ? TUI_ROLE_TODAY : TUI_ROLE_DAY;
	if (m->cursor_day == d + 1)
		role = TUI_ROLE_SELECTED;
	tui_canvas_text(c, l->grid_y, l->col_x[d] + 1, cw, role, text[pick]);
}

static void draw_frame(struct tui_canvas *c, const struct tui_week_model *m,
                       const struct week_layout *l)
{
	int top = l->grid_y, bottom = l->grid_y + l->grid_h - 1;
	int left = l->col_x[0], right = l->col_x[l->ndays];
	tui_canvas_box(c, top, left, l->grid_h, right - left + 1, TUI_ROLE_BORDER);
	for (int d = 1; d < l->ndays; d++) {
		tui_canvas_vline(c, top + 1, l->col_x[d], l->rows, TUI_ROLE_BORDER);
		tui_canvas_joint(c, top, l->col_x[d], 6, TUI_ROLE_BORDER);
		tui_canvas_joint(c, bottom, l->col_x[d], 7, TUI_ROLE_BORDER);
	}
	for (int d = 0; d < l->ndays; d++)
		draw_heading(c, m, l, d);
	if (!l->time_mode)
		return;
	int last = l->first_hour + l->rows / l->rows_per_hour;
	for (int hour = l->first_hour; hour < last && hour < 24; hour++)
		tui_canvas_printf(c, top + 1 + (hour - l->first_hour) * l->rows_per_hour,
		                  l->gutter - GUTTER_COLS, 2, TUI_ROLE_DIM, "%02d", hour);
}

/* A meeting's two lines:
 *   08:30 Brødrene Ha…
 *    negotiation  ▣ R      (type, contact form, battlefield letter) */
static void draw_meeting(struct tui_canvas *c, const struct tui_week_model *m,
                         size_t i, int minute, int y, int x, int cw)
{
	const struct core_meeting *mt = &m->meetings[i];
	int cancelled = mt->status == CORE_MS_CANCELLED;
	int role = cancelled ? TUI_ROLE_CANCELLED : battlefield_role(mt->battlefield);

	int used = tui_canvas_printf(c, y, x, cw, role, "%02d:%02d", minute / 60,
	                             minute % 60);
	if (used < cw)
		used++;
	if (mt->status == CORE_MS_HELD || cancelled) {
		used += tui_canvas_text(c, y, x + used, cw - used,
		                        cancelled ? TUI_ROLE_CANCELLED : TUI_ROLE_HELD,
		                        cancelled ? "x" : "✓");
		if (used < cw)
			used++;
	}
	tui_canvas_text(c, y, x + used, cw - used, role, mt->account);

	const char *brief = mt->type;
	int t = m->matrix != NULL ? core_matrix_find(m->matrix, mt->type) : -1;
	if (t >= 0 && m->matrix->types[t].brief[0] != '\0')
		brief = m->matrix->types[t].brief;
	/* " negotiation" then "▣ R" in the last three columns, if there is
	 * room for both; a narrow cell keeps the type. */
	int tags = cw >= 8;
	tui_canvas_text(c, y + 1, x + 1, tags ? cw - 5 : cw - 1, role, brief);
	if (tags) {
		char letter[2] = { core_form_letter(mt->form), '\0' };
		char bf[2] = { core_battlefield_letter(mt->battlefield), '\0' };
		tui_canvas_text(c, y + 1, x + cw - 3, 1, role,
		                c->ascii ? letter : core_form_glyph(mt->form));
		tui_canvas_text(c, y + 1, x + cw - 1, 1, role, bf);
	}
	if ((int)i == m->selected)
		tui_canvas_paint(c, y, x, 2, cw, TUI_ROLE_SELECTED);
	tui_canvas_hit(c, y, x, 2, cw, (int)i);
}

/* One day's meetings, in the model's order (by start).  Stacked meetings
 * that do not fit end in "+N more"; the window slides so the selected
 * meeting is always among those shown. */
static void draw_day(struct tui_canvas *c, const struct tui_week_model *m,
                     const struct week_layout *l, int d)
{
	int x = l->col_x[d] + 1, cw = l->col_x[d + 1] - x;
	if (cw <= 0 || l->rows <= 0)
		return;
	int n = 0, sel = -1;
	for (size_t i = 0; i < m->n_meetings; i++) {
		int minute;
		if (meeting_day(m, l->monday, i, &minute) != d)
			continue;
		if ((int)i == m->selected)
			sel = n;
		n++;
	}
	int shown = n;
	if (!l->time_mode && 2 * n > l->rows)
		shown = (l->rows - 1) / 2;
	int skip = sel >= shown ? sel - shown + 1 : 0;

	int k = 0, next = 0;
	for (size_t i = 0; i < m->n_meetings; i++) {
		int minute;
		if (meeting_day(m, l->monday, i, &minute) != d)
			continue;
		int at_k = k++;
		if (at_k < skip || at_k >= skip + shown)
			continue;
		int row = next;
		if (l->time_mode) {
			int at = (minute - l->first_hour * 60) * l->rows_per_hour / 60;
			if (at > row)
				row = at;
		}
		draw_meeting(c, m, i, minute, l->grid_y + 1 + row, x, cw);
		next = row + 2;
	}
	if (shown < n)
		tui_canvas_printf(c, l->grid_y + l->rows, x, cw, TUI_ROLE_DIM,
		                  " +%d more", n - shown);
}

static void draw_empty_hint(struct tui_canvas *c, const struct week_layout *l)
{
	int weekdays = l->ndays < 5 ? l->ndays : 5;
	int left = l->col_x[0] + 1, right = l->col_x[weekdays];
	int w = right - left;
	const char *hint = " no meetings this week — press a to plan one ";
	int tw = tui_text_width(hint);
	if (w <= 0 || l->rows <= 0)
		return;
	if (tw > w)
		tw = w;
	tui_canvas_text(c, l->grid_y + 1 + (l->rows - 1) / 2, left + (w - tw) / 2, tw,
	                TUI_ROLE_DIM, hint);
}

/* ---- the panel ---- */

struct panel_geometry {
	int danish, bar;
	int label_w, target_end, planned_end, held_end, visits_x, visits_w, bar_x;
	int right_x;
};

static void visits_text(const struct core_tally_row *r, char *buf, size_t n)
{
	if (r->target > 0)
		snprintf(buf, n, "%.1f / %g", r->visits, r->target);
	else
		snprintf(buf, n, "%.1f / –", r->visits);
}

static void panel_geometry(const struct core_tally *t, int danish, int bar,
                           struct panel_geometry *g)
{
	g->danish = danish;
	g->bar = bar;
	g->label_w = danish ? 16 : 9;  /* "Re-sale  Gensalg" : "this week" */
	g->target_end = 1 + g->label_w + 2 + 6;
	g->planned_end = g->target_end + 2 + 7;
	g->held_end = g->planned_end + 2 + 4;
	g->visits_x = g->held_end + 3;
	g->visits_w = 6;
	for (int i = 0; i <= CORE_BF_COUNT; i++) {
		char v[64];
		visits_text(i < CORE_BF_COUNT ? &t->bf[i] : &t->total, v, sizeof v);
		if (tui_text_width(v) > g->visits_w)
			g->visits_w = tui_text_width(v);
	}
	g->bar_x = g->visits_x + g->visits_w + 2;
	g->right_x = (bar ? g->bar_x + BAR_COLS : g->visits_x + g->visits_w) + 2;
}

static void draw_panel_row(struct tui_canvas *c, const struct panel_geometry *g,
                           int y, const char *label, const char *danish,
                           int role, const struct core_tally_row *r)
{
	char num[64];
	/* "Re-sale  Gensalg": the English label in 9 columns, the article's
	 * Danish name after it. */
	tui_canvas_text(c, y, 1, g->danish ? 8 : g->label_w, role, label);
	if (g->danish && danish != NULL)
		tui_canvas_text(c, y, 10, g->label_w - 9, TUI_ROLE_DIM, danish);
	if (r->target > 0)
		snprintf(num, sizeof num, "%g", r->target);
	else
		snprintf(num, sizeof num, "–");
	tui_canvas_text(c, y, g->target_end - tui_text_width(num), -1,
	                TUI_ROLE_NORMAL, num);
	snprintf(num, sizeof num, "%d", r->planned);
	tui_canvas_text(c, y, g->planned_end - tui_text_width(num), -1,
	                TUI_ROLE_NORMAL, num);
	snprintf(num, sizeof num, "%d", r->held);
	tui_canvas_text(c, y, g->held_end - tui_text_width(num), -1,
	                r->held > 0 ? TUI_ROLE_HELD : TUI_ROLE_NORMAL, num);
	visits_text(r, num, sizeof num);
	int met = r->target > 0 && r->visits >= r->target;
	tui_canvas_text(c, y, g->visits_x, g->visits_w,
	                met ? TUI_ROLE_GOOD : TUI_ROLE_NORMAL, num);
	if (g->bar)
		tui_canvas_bar(c, y, g->bar_x, BAR_COLS,
		               r->target > 0 ? r->visits / r->target : 0.0);
}

/* The panel's last line on the right: the 4D warning (the article's: a
 * week mostly Delivery, virtual meetings drifting there), then the count
 * of cancelled.  To fit, the count goes first, then words, then the share
 * (the 4D mix above shows it); the threshold and virtual count go last. */
static void panel_foot(struct tui_canvas *c, const struct tui_week_model *m,
                       int y, int x)
{
	const struct core_fourd *f = &m->fourd;
	char count[32] = "";
	if (m->tally.total.cancelled > 0)
		snprintf(count, sizeof count, "%d cancelled", m->tally.total.cancelled);
	if (!f->warn) {
		tui_canvas_text(c, y, x, -1, TUI_ROLE_DIM, count);
		return;
	}
	const char *mark = c->ascii ? "!" : "⚠";
	const char *glyph = c->ascii ? "V" : core_form_glyph(CORE_FORM_VIRTUAL);
	int pct = f->delivery_percent, thr = f->threshold;
	int v = f->delivery_virtual, d = f->delivery;
	char warn[7][96];
	snprintf(warn[0], sizeof warn[0], "%s Delivery %d %% > %d %% (%d of %d virtual)",
	         mark, pct, thr, v, d);
	snprintf(warn[1], sizeof warn[1], "%s Delivery %d %% > %d %%, %d/%d virtual",
	         mark, pct, thr, v, d);
	snprintf(warn[2], sizeof warn[2], "%s Del %d %% > %d %%, %d/%d virtual", mark,
	         pct, thr, v, d);
	snprintf(warn[3], sizeof warn[3], "%s Del > %d %%, %d/%d virtual", mark, thr, v, d);
	snprintf(warn[4], sizeof warn[4], "%s Del > %d %%, %d/%d virt.", mark, thr, v, d);
	snprintf(warn[5], sizeof warn[5], "%s Del > %d %%, %s %d/%d", mark, thr, glyph,
	         v, d);
	snprintf(warn[6], sizeof warn[6], "%s Del > %d %%", mark, thr);
	int room = c->w - x, countw = tui_text_width(count);
	int pick = 6, with_count = 0;
	for (int i = 0; i < 7; i++) {
		int w = tui_text_width(warn[i]);
		with_count = countw > 0 && w + 2 + countw <= room;
		if (with_count || w <= room) {
			pick = i;
			break;
		}
	}
	int used = tui_canvas_text(c, y, x, -1, TUI_ROLE_WARNING, warn[pick]);
	if (with_count)
		tui_canvas_text(c, y, x + used + 2, -1, TUI_ROLE_DIM, count);
}

/* The right side of the panel, in up to five lines: per contact form the
 * meetings planned and held, then the 4D mix in two columns.  wide picks
 * full labels and roomy spacing.  Returns the width; draws only when
 * draw is set. */
static int panel_right(struct tui_canvas *c, const struct tui_week_model *m,
                       int wide, int y, int x, int draw)
{
	const struct core_tally *t = &m->tally;
	int held[CORE_FORM_COUNT] = { 0 };
	for (size_t i = 0; i < m->n_meetings; i++) {
		int f = (int)m->meetings[i].form;
		if (m->meetings[i].status == CORE_MS_HELD && f >= 0 && f < CORE_FORM_COUNT)
			held[f]++;
	}
	const char *sep = wide ? "  " : " ";
	char line[2][160];
	for (int row = 0; row < 2; row++) {
		size_t len = (size_t)snprintf(line[row], sizeof line[row], "%s",
		                              row == 0 ? "forms" : " held");
		for (int f = 0; f < CORE_FORM_COUNT && len < sizeof line[row]; f++) {
			char letter[2] = { core_form_letter(f), '\0' };
			len += (size_t)snprintf(line[row] + len, sizeof line[row] - len,
			                        "%s%s %d", f == 0 ? " " : sep,
			                        c->ascii ? letter : core_form_glyph(f),
			                        row == 0 ? t->total.by_form[f] : held[f]);
		}
	}

	/* The 4D mix as a 2x2 table: Delivery and Discovery in the left
	 * column, Development and Destination in the right one, each
	 * percentage right-aligned in its column. */
	char label[CORE_DIM_COUNT][16], pct[CORE_DIM_COUNT][8];
	int colw[2] = { 0, 0 };
	for (int d = 0; d < CORE_DIM_COUNT; d++) {
		snprintf(label[d], sizeof label[d], wide ? "%s" : "%.3s", core_dim_label(d));
		snprintf(pct[d], sizeof pct[d], "%d %%", core_tally_dim_percent(t, d));
		int col = d == CORE_DIM_DELIVERY || d == CORE_DIM_DISCOVERY ? 0 : 1;
		int w = tui_text_width(label[d]) + 1 + tui_text_width(pct[d]);
		if (w > colw[col])
			colw[col] = w;
	}
	const char *lead = wide ? "4D  " : "4D ";
	int leadw = tui_text_width(lead);
	int width = 0;
	for (int row = 0; row < 2; row++) {
		int w = tui_text_width(line[row]);
		if (w > width)
			width = w;
	}
	int w4d = leadw + colw[0] + 2 + colw[1];
	if (w4d > width)
		width = w4d;
	if (!draw)
		return width;

	for (int row = 0; row < 2; row++) {
		tui_canvas_text(c, y + row, x, -1, TUI_ROLE_NORMAL, line[row]);
		tui_canvas_paint(c, y + row, x, 1, 5, TUI_ROLE_DIM);
	}
	static const enum core_dim grid[2][2] = {
		{ CORE_DIM_DELIVERY, CORE_DIM_DEVELOPMENT },
		{ CORE_DIM_DISCOVERY, CORE_DIM_DESTINATION },
	};
	for (int row = 0; row < 2; row++) {
		int yy = y + 2 + row;
		if (row == 0)
			tui_canvas_text(c, yy, x, leadw, TUI_ROLE_DIM, lead);
		int cx = x + leadw;
		for (int col = 0; col < 2; col++) {
			enum core_dim d = grid[row][col];
			int role = d == CORE_DIM_DELIVERY && m->fourd.warn
			           ? TUI_ROLE_WARNING : TUI_ROLE_NORMAL;
			int pw = tui_text_width(pct[d]);
			tui_canvas_text(c, yy, cx, colw[col] - pw - 1, role, label[d]);
			tui_canvas_text(c, yy, cx + colw[col] - pw, pw, role, pct[d]);
			cx += colw[col] + 2;
		}
	}
	panel_foot(c, m, y + 4, x);
	return width;
}

static void draw_panel(struct tui_canvas *c, const struct tui_week_model *m,
                       int y)
{
	const struct core_tally *t = &m->tally;
	/* Fold from the right: Danish names, then the full right side's room,
	 * then the bars, then the right side. */
	static const struct { int danish, bar, wide, right; } fold[] = {
		{ 1, 1, 1, 1 }, { 0, 1, 1, 1 }, { 0, 1, 0, 1 },
		{ 0, 0, 0, 1 }, { 0, 1, 0, 0 }, { 0, 0, 0, 0 },
	};
	size_t nfold = sizeof fold / sizeof fold[0];
	struct panel_geometry g;
	size_t f = 0;
	for (; f < nfold; f++) {
		panel_geometry(t, fold[f].danish, fold[f].bar, &g);
		int need = fold[f].right ? g.right_x + panel_right(c, m, fold[f].wide, 0, 0, 0)
		                         : g.right_x - 2;
		if (need <= c->w)
			break;
	}
	if (f == nfold)
		f = nfold - 1;

	tui_canvas_text(c, y, 1, g.label_w, TUI_ROLE_DIM, "this week");
	tui_canvas_text(c, y, g.target_end - 6, -1, TUI_ROLE_DIM, "target");
	tui_canvas_text(c, y, g.planned_end - 7, -1, TUI_ROLE_DIM, "planned");
	tui_canvas_text(c, y, g.held_end - 4, -1, TUI_ROLE_DIM, "held");
	tui_canvas_text(c, y, g.visits_x, -1, TUI_ROLE_DIM, "visits");
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		draw_panel_row(c, &g, y + 1 + bf, core_battlefield_label(bf),
		               core_battlefield_danish(bf), battlefield_role(bf), &t->bf[bf]);
	draw_panel_row(c, &g, y + 1 + CORE_BF_COUNT, "total", NULL, TUI_ROLE_NORMAL,
	               &t->total);
	if (fold[f].right)
		panel_right(c, m, fold[f].wide, y, g.right_x, 1);
}

/* ---- the key line ---- */

/* "a add  e edit  ←→ day": items two spaces apart, the key being all but
 * an item's last word. */
static void draw_keys(struct tui_canvas *c, int y, int x, const char *line)
{
	const char *p = line;
	while (*p != '\0' && x < c->w) {
		const char *end = strstr(p, "  ");
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		char item[256];
		if (len >= sizeof item)
			len = sizeof item - 1;
		memcpy(item, p, len);
		item[len] = '\0';
		char *word = strrchr(item, ' ');
		if (word != NULL && word != item) {
			*word = '\0';
			x += tui_canvas_text(c, y, x, -1, TUI_ROLE_KEY, item);
			*word = ' ';
			x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, word);
		} else {
			x += tui_canvas_text(c, y, x, -1, TUI_ROLE_STATUS, item);
		}
		p += len;
		/* The blanks between items keep the status role. */
		for (; *p == ' '; p++)
			x++;
	}
}

static void draw_status(struct tui_canvas *c, const struct tui_week_model *m)
{
	int y = c->h - 1;
	tui_canvas_fill(c, y, 0, 1, c->w, L' ', TUI_ROLE_STATUS);
	if (m->message != NULL && m->message[0] != '\0') {
		tui_canvas_text(c, y, 1, -1, m->message_is_error ? TUI_ROLE_ERROR
		                                                 : TUI_ROLE_STATUS,
		                m->message);
		return;
	}
	if (m->keys_line != NULL) {
		draw_keys(c, y, 1, m->keys_line);
		return;
	}
	char line[512];
	tui_keys_hint_line(c->ascii, c->w - 2, line, sizeof line);
	draw_keys(c, y, 1, line);
}

void tui_week_draw(struct tui_canvas *c, const struct tui_week_model *m)
{
	tui_canvas_clear(c);
	if (c->h <= 0 || c->w <= 0)
		return;
	struct week_layout l;
	layout_compute(c, m, &l);

	int hidden = 0;
	for (size_t i = 0; i < m->n_meetings; i++) {
		int minute;
		if (meeting_day(m, l.monday, i, &minute) >= l.ndays)
			hidden++;
	}
	draw_title(c, m, &l, hidden);
	if (l.grid_h > 0) {
		draw_frame(c, m, &l);
		for (int d = 0; d < l.ndays; d++)
			draw_day(c, m, &l, d);
		if (m->n_meetings == 0)
			draw_empty_hint(c, &l);
	}
	if (l.panel_y >= 0)
		draw_panel(c, m, l.panel_y);
	if (c->h >= 2)
		draw_status(c, m);
}
