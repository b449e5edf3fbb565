/* The terminal: ncurses set-up and tear-down, events, themes, and the copy
 * of a canvas onto the screen. */
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "tui/term.h"

#define DEF (-1) /* the terminal's own colour (use_default_colors) */

/* Battlefields get three hues that stay apart on dark and light
 * backgrounds; warnings and errors keep yellow and red to themselves. */
static const struct tui_theme term_colour = {
	"colour", 1, {
		[TUI_ROLE_NORMAL]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_TITLE]              = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
		[TUI_ROLE_BORDER]             = { COLOR_BLUE, DEF, A_NORMAL },
		[TUI_ROLE_DAY]                = { DEF, DEF, A_BOLD },
		[TUI_ROLE_TODAY]              = { COLOR_YELLOW, DEF, A_BOLD },
		[TUI_ROLE_BATTLEFIELD_RESALE] = { COLOR_GREEN, DEF, A_NORMAL },
		[TUI_ROLE_BATTLEFIELD_UPSELL] = { COLOR_CYAN, DEF, A_NORMAL },
		[TUI_ROLE_BATTLEFIELD_NEW]    = { COLOR_MAGENTA, DEF, A_NORMAL },
		[TUI_ROLE_SELECTED]           = { COLOR_BLACK, COLOR_CYAN, A_BOLD },
		[TUI_ROLE_HELD]               = { COLOR_GREEN, DEF, A_BOLD },
		[TUI_ROLE_CANCELLED]          = { DEF, DEF, A_DIM },
		[TUI_ROLE_DIM]                = { DEF, DEF, A_DIM },
		[TUI_ROLE_WARNING]            = { COLOR_YELLOW, DEF, A_BOLD },
		[TUI_ROLE_GOOD]               = { COLOR_GREEN, DEF, A_BOLD },
		[TUI_ROLE_BAR_FULL]           = { COLOR_GREEN, DEF, A_NORMAL },
		[TUI_ROLE_BAR_EMPTY]          = { DEF, DEF, A_DIM },
		[TUI_ROLE_KEY]                = { COLOR_YELLOW, DEF, A_BOLD },
		[TUI_ROLE_STATUS]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_DIALOG]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_INPUT]              = { DEF, DEF, A_UNDERLINE },
		[TUI_ROLE_INPUT_FOCUS]        = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
		[TUI_ROLE_ERROR]              = { COLOR_RED, DEF, A_BOLD },
	}
};

/* Bold, reverse, underline and dim only: readable on any terminal, and
 * what NO_COLOR asks for.  Battlefields are told apart by their letters. */
static const struct tui_theme term_mono = {
	"monochrome", 0, {
		[TUI_ROLE_NORMAL]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_TITLE]              = { DEF, DEF, A_BOLD | A_REVERSE },
		[TUI_ROLE_BORDER]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_DAY]                = { DEF, DEF, A_BOLD },
		[TUI_ROLE_TODAY]              = { DEF, DEF, A_BOLD | A_UNDERLINE },
		[TUI_ROLE_BATTLEFIELD_RESALE] = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_BATTLEFIELD_UPSELL] = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_BATTLEFIELD_NEW]    = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_SELECTED]           = { DEF, DEF, A_REVERSE },
		[TUI_ROLE_HELD]               = { DEF, DEF, A_BOLD },
		[TUI_ROLE_CANCELLED]          = { DEF, DEF, A_DIM },
		[TUI_ROLE_DIM]                = { DEF, DEF, A_DIM },
		[TUI_ROLE_WARNING]            = { DEF, DEF, A_BOLD },
		[TUI_ROLE_GOOD]               = { DEF, DEF, A_BOLD },
		[TUI_ROLE_BAR_FULL]           = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_BAR_EMPTY]          = { DEF, DEF, A_DIM },
		[TUI_ROLE_KEY]                = { DEF, DEF, A_BOLD },
		[TUI_ROLE_STATUS]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_DIALOG]             = { DEF, DEF, A_NORMAL },
		[TUI_ROLE_INPUT]              = { DEF, DEF, A_UNDERLINE },
		[TUI_ROLE_INPUT_FOCUS]        = { DEF, DEF, A_REVERSE },
		[TUI_ROLE_ERROR]              = { DEF, DEF, A_BOLD | A_REVERSE },
	}
};

const struct tui_theme *tui_term_theme_pick(void)
{
	const char *no_colour = getenv("NO_COLOR");
	if (no_colour != NULL && no_colour[0] != '\0')
		return &term_mono;
	if (!has_colors())
		return &term_mono;
	return &term_colour;
}

int tui_term_monochrome(const struct tui_term *t)
{
	return t->theme == NULL || !t->theme->colour;
}

/* Pair n + 1 is role n.  A terminal without default colours gets white on
 * black in their place.  Returns the theme in force: COLORS is known only
 * after start_color, and fewer than eight is monochrome after all. */
static const struct tui_theme *term_theme_apply(const struct tui_theme *th)
{
	if (!th->colour)
		return th;
	if (start_color() == ERR || COLORS < 8 || COLOR_PAIRS <= TUI_ROLE_COUNT)
		return &term_mono;
	int defaults = use_default_colors() == OK;
	for (int r = 0; r < TUI_ROLE_COUNT; r++) {
		int fg = th->role[r].fg, bg = th->role[r].bg;
		if (!defaults) {
			fg = fg == DEF ? COLOR_WHITE : fg;
			bg = bg == DEF ? COLOR_BLACK : bg;
		}
		init_pair((short)(r + 1), (short)fg, (short)bg);
	}
	return th;
}

enum core_status tui_term_open(struct tui_term *t, int ascii, int tick_ms,
                               struct core_error *err)
{
	const char *term = getenv("TERM");
	memset(t, 0, sizeof *t);
	t->ascii = ascii;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return core_error_set(err, CORE_ERR_IO,
		                      "cannot open the terminal: standard input and "
		                      "output must be a terminal (use 'pipebench week "
		                      "--print' for text)");
	if (term == NULL || term[0] == '\0')
		return core_error_set(err, CORE_ERR_IO,
		                      "cannot open the terminal (TERM is not set)");
	t->screen = newterm(NULL, stdout, stdin);
	if (t->screen == NULL)
		return core_error_set(err, CORE_ERR_IO,
		                      "cannot open the terminal (TERM=%s): unknown "
		                      "terminal type", term);
	set_term(t->screen);
	cbreak();
	/* Ctrl-S saves the minutes; with XON/XOFF flow control on, the tty
	 * would swallow it and freeze the screen.  Only IXON goes: Ctrl-C
	 * still raises SIGINT.  def_prog_mode keeps it for our mode; endwin
	 * gives the shell back its own setting. */
	struct termios tio;
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag &= ~(tcflag_t)IXON;
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
		def_prog_mode();
	}
	noecho();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* Report the press itself: no click-resolution delay. */
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	wtimeout(stdscr, tick_ms);
	t->theme = term_theme_apply(tui_term_theme_pick());
	t->cursor_shown = -1;
	return CORE_OK;
}

void tui_term_close(struct tui_term *t)
{
	if (t->screen == NULL)
		return;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(t->screen);
	t->screen = NULL;
}

void tui_term_size(const struct tui_term *t, int *h, int *w)
{
	(void)t;
	*h = LINES;
	*w = COLS;
}

void tui_term_read(struct tui_term *t, struct tui_event *ev)
{
	wint_t ch = 0;
	int r = wget_wch(stdscr, &ch);
	(void)t;
	memset(ev, 0, sizeof *ev);
	ev->kind = TUI_EV_TICK;
	if (r == ERR)
		return;
	if (r == KEY_CODE_YES) {
		if (ch == KEY_MOUSE) {
			MEVENT me;
			if (getmouse(&me) == OK &&
			    (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) {
				ev->kind = TUI_EV_MOUSE;
				ev->y = me.y;
				ev->x = me.x;
			}
			return;
		}
		if (ch == KEY_ENTER) {
			ev->kind = TUI_EV_CHAR;
			ev->ch = '\n';
			return;
		}
		ev->kind = TUI_EV_KEY;
		ev->key = (int)ch;
		return;
	}
	if (ch == '\r') {
		ev->kind = TUI_EV_CHAR;
		ev->ch = '\n';
	} else if (ch == 127 || ch == 8) {
		ev->kind = TUI_EV_KEY;
		ev->key = KEY_BACKSPACE;
	} else {
		ev->kind = TUI_EV_CHAR;
		ev->ch = ch;
	}
}

static void term_cursor(struct tui_term *t, int show)
{
	if (t->cursor_shown != show)
		curs_set(show);
	t->cursor_shown = show;
}

void tui_term_blit(struct tui_term *t, const struct tui_canvas *c, int force)
{
	const struct tui_theme *th = t->theme;
	int h = c->h < LINES ? c->h : LINES;
	int w = c->w < COLS ? c->w : COLS;
	for (int y = 0; y < h; y++) {
		const struct tui_cell *row = c->cells + (size_t)y * (size_t)c->w;
		int covered = 0; /* columns still taken by a wide character */
		for (int x = 0; x < w; x++) {
			wchar_t wc[2] = { row[x].ch, 0 };
			if (covered > 0) {
				covered--;
				continue;
			}
			/* A stray continuation cell or a control character would move
			 * the terminal's cursor: draw a blank. */
			if (wc[0] < 32 || wc[0] == 127)
				wc[0] = L' ';
			else if (t->ascii && wc[0] >= 0x80)
				wc[0] = L'?';
			int cw = wcwidth(wc[0]);
			if (cw < 1 || x + cw > w) {
				wc[0] = L'?';
				cw = 1;
			}
			covered = cw - 1;
			int role = row[x].role < TUI_ROLE_COUNT ? row[x].role : TUI_ROLE_NORMAL;
			short pair = th->colour ? (short)(role + 1) : 0;
			cchar_t cc;
			setcchar(&cc, wc, th->role[role].attrs, pair, NULL);
			/* The bottom-right cell returns ERR (the cursor cannot advance)
			 * yet is drawn. */
			mvwadd_wch(stdscr, y, x, &cc);
		}
	}
	if (c->cursor_y >= 0 && c->cursor_y < h && c->cursor_x >= 0 &&
	    c->cursor_x < w) {
		wmove(stdscr, c->cursor_y, c->cursor_x);
		term_cursor(t, 1);
	} else {
		term_cursor(t, 0);
	}
	if (force)
		clearok(curscr, TRUE);
	wrefresh(stdscr);
}
