/* The help screen, generated from the key table, and the two other
 * screens that explain: the first-run welcome and the too-small notice.
 * The help's lines (group headings and one line per action) flow down
 * columns; a heading never ends a column and a blank never starts one. */
#include <stdio.h>
#include <string.h>

#include "core/domain.h"
#include "tui/help.h"
#include "tui/keys.h"

enum help_kind { HELP_BLANK, HELP_GROUP, HELP_ACTION };

struct help_line {
	enum help_kind kind;
	int index;            /* the group or the action */
};

/* Every action, its group's heading before it and a blank between groups:
 * at most TUI_ACT_COUNT + 2 * TUI_GROUP_COUNT lines. */
#define HELP_LINES_MAX (TUI_ACT_COUNT + 2 * TUI_GROUP_COUNT)

static int help_lines(struct help_line *out)
{
	size_t n_act;
	const struct tui_action_def *t = tui_keys_table(&n_act);
	int n = 0;
	for (int g = 0; g < TUI_GROUP_COUNT; g++) {
		int first = 1;
		for (size_t i = 0; i < n_act; i++) {
			if ((int)t[i].group != g)
				continue;
			if (first) {
				if (n > 0)
					out[n++] = (struct help_line){ HELP_BLANK, 0 };
				out[n++] = (struct help_line){ HELP_GROUP, g };
				first = 0;
			}
			out[n++] = (struct help_line){ HELP_ACTION, (int)i };
		}
	}
	return n;
}

/* Places the lines into columns of rows lines each; returns the columns
 * needed and fills col/row per line (col -1: dropped blank). */
static int help_flow(const struct help_line *l, int n, int rows, int *col,
                     int *row)
{
	int c = 0, r = 0;
	for (int i = 0; i < n; i++) {
		if (l[i].kind == HELP_BLANK && (r == 0 || r >= rows)) {
			col[i] = -1;
			continue;
		}
		/* A heading needs at least one action under it. */
		if (r >= rows || (l[i].kind == HELP_GROUP && r > 0 && r + 1 >= rows)) {
			c++;
			r = 0;
		}
		col[i] = c;
		row[i] = r++;
	}
	return c + 1;
}

static int help_keys_width(const struct tui_canvas *c)
{
	size_t n;
	const struct tui_action_def *t = tui_keys_table(&n);
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		char keys[96];
		tui_keys_names(&t[i], c->ascii, keys, sizeof keys);
		int kw = tui_text_width(keys);
		w = kw > w ? kw : w;
	}
	return w;
}

/* One legend item: a glyph in its role, then the word.  Returns the x
 * after it. */
static int help_legend_item(struct tui_canvas *c, int y, int x, int role,
                            const char *glyph, const char *word)
{
	if (x >= c->w)
		return x;
	x += tui_canvas_text(c, y, x, -1, role, glyph);
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_NORMAL, " ");
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_NORMAL, word);
	return x + 2;
}

static void help_legend(struct tui_canvas *c, int y)
{
	static const int bf_role[CORE_BF_COUNT] = {
		TUI_ROLE_BATTLEFIELD_RESALE, TUI_ROLE_BATTLEFIELD_UPSELL,
		TUI_ROLE_BATTLEFIELD_NEW
	};
	int x = 2;
	x += tui_canvas_text(c, y, x, -1, TUI_ROLE_DAY, "Contact form  ");
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		/* The canvas folds the glyphs to P/H/V/T in ASCII mode. */
		x = help_legend_item(c, y, x, TUI_ROLE_NORMAL,
		                     core_form_glyph((enum core_form)f),
		                     core_form_key((enum core_form)f));
	}
	x = 2;
	x += tui_canvas_text(c, y + 1, x, -1, TUI_ROLE_DAY, "Battlefield   ");
	for (int b = 0; b < CORE_BF_COUNT; b++) {
		char letter[2] = { core_battlefield_letter((enum core_battlefield)b), 0 };
		char word[48];
		snprintf(word, sizeof word, "%s (%s)",
		         core_battlefield_label((enum core_battlefield)b),
		         core_battlefield_danish((enum core_battlefield)b));
		x = help_legend_item(c, y + 1, x, bf_role[b], letter, word);
	}
	x = 2;
	x += tui_canvas_text(c, y + 2, x, -1, TUI_ROLE_DAY, "Status        ");
	x = help_legend_item(c, y + 2, x, TUI_ROLE_HELD, "✓", "held");
	help_legend_item(c, y + 2, x, TUI_ROLE_CANCELLED, "x", "cancelled");
}

void tui_help_draw(struct tui_canvas *c)
{
	struct help_line lines[HELP_LINES_MAX];
	int col[HELP_LINES_MAX], row[HELP_LINES_MAX];
	size_t n_act;
	const struct tui_action_def *t = tui_keys_table(&n_act);
	int n = help_lines(lines);

	tui_canvas_clear(c);
	tui_canvas_fill(c, 0, 0, 1, c->w, L' ', TUI_ROLE_TITLE);
	tui_canvas_text(c, 0, 1, c->w - 2, TUI_ROLE_TITLE,
	                c->ascii ? "pipebench - keys" : "pipebench · keys");

	/* Title, blank, ..., blank, legend (3), blank, the closing line. */
	const int legend_h = 3;
	int top = 2;
	int rows = c->h - top - legend_h - 3;
	if (rows < 1)
		rows = 1;
	int ncols = help_flow(lines, n, rows, col, row);
	int colw = (c->w - 2) / ncols;
	int keyw = help_keys_width(c);
	for (int i = 0; i < n; i++) {
		if (col[i] < 0 || lines[i].kind == HELP_BLANK)
			continue;
		int y = top + row[i];
		int x = 2 + col[i] * colw;
		int maxw = colw - 2;
		if (maxw < 1 || x >= c->w)
			continue;
		if (lines[i].kind == HELP_GROUP) {
			tui_canvas_text(c, y, x, maxw, TUI_ROLE_DAY,
			                tui_keys_group_label((enum tui_action_group)lines[i].index));
			continue;
		}
		const struct tui_action_def *a = &t[lines[i].index];
		char keys[96];
		tui_keys_names(a, c->ascii, keys, sizeof keys);
		tui_canvas_text(c, y, x + 1, keyw, TUI_ROLE_KEY, keys);
		if (maxw > keyw + 3)
			tui_canvas_text(c, y, x + keyw + 3, maxw - keyw - 3,
			                TUI_ROLE_NORMAL, a->label);
	}
	int ly = c->h - legend_h - 2;
	if (ly > top)
		help_legend(c, ly);
	tui_canvas_text(c, c->h - 1, 1, c->w - 2, TUI_ROLE_DIM,
	                "Press any key to close this help.");
}

static void help_centred(struct tui_canvas *c, int y, int role, const char *text)
{
	int x = (c->w - tui_text_width(text)) / 2;
	tui_canvas_text(c, y, x < 0 ? 0 : x, -1, role, text);
}

void tui_help_draw_small(struct tui_canvas *c, int min_h, int min_w)
{
	char need[64], have[64], one[160];
	snprintf(need, sizeof need, "pipebench needs at least %d×%d;", min_w, min_h);
	snprintf(have, sizeof have, "this terminal is %d×%d — enlarge it", c->w, c->h);
	snprintf(one, sizeof one, "%s %s", need, have);
	tui_canvas_clear(c);
	if (tui_text_width(one) <= c->w) {
		help_centred(c, (c->h - 1) / 2, TUI_ROLE_WARNING, one);
	} else {
		help_centred(c, (c->h - 2) / 2, TUI_ROLE_WARNING, need);
		help_centred(c, (c->h - 2) / 2 + 1, TUI_ROLE_WARNING, have);
	}
}

void tui_help_draw_welcome(struct tui_canvas *c, const struct tui_field *name,
                           const char *message, int is_error)
{
	static const char *const intro[] = {
		"pipebench plans your week of customer meetings: for each one the",
		"battlefield (re-sale, upsell, new), the meeting type, and the",
		"contact form the meeting-type matrix recommends; and it shows your",
		"weekly target against what is planned and held, as you work.",
		"",
		"To begin, type your name and press Enter:",
	};
	const int bw = 72, bh = 16;
	int y = (c->h - bh) / 2, x = (c->w - bw) / 2;
	tui_canvas_clear(c);
	tui_canvas_box(c, y, x, bh, bw, TUI_ROLE_BORDER);
	tui_canvas_text(c, y, x + 2, bw - 4, TUI_ROLE_TITLE, " Welcome to pipebench ");
	for (int i = 0; i < 6; i++)
		tui_canvas_text(c, y + 2 + i, x + 3, bw - 6,
		                i == 5 ? TUI_ROLE_DAY : TUI_ROLE_DIALOG, intro[i]);
	tui_canvas_text(c, y + 9, x + 3, 6, TUI_ROLE_DIALOG, "Name");
	tui_field_draw(name, c, y + 9, x + 10, bw - 14, 1);
	tui_canvas_text(c, y + 11, x + 3, bw - 6, TUI_ROLE_DIM,
	                "Only looking?  Esc quits; then `pipebench demo` makes a");
	tui_canvas_text(c, y + 12, x + 3, bw - 6, TUI_ROLE_DIM,
	                "demo database to try it on, beside your own, never in it.");
	if (message != NULL)
		tui_canvas_text(c, y + 14, x + 3, bw - 6,
		                is_error ? TUI_ROLE_ERROR : TUI_ROLE_STATUS, message);
	else
		tui_canvas_text(c, y + 14, x + 3, bw - 6, TUI_ROLE_DIM,
		                "Enter start   Esc quit");
}
