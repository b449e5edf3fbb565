#ifndef TUI_TEAM_EDIT_H
#define TUI_TEAM_EDIT_H
/* The manager's editor of the team's settings, opened from the review
 * (tui/review.c): four sections, one screen each.
 *
 *   Targets       a grid, one row for the team default and one per seller
 *                 of the review (name and login), a column per battlefield
 *                 of visits a week and their total.  An empty seller cell
 *                 uses the team default and says so; an empty team default
 *                 is no target.
 *   Form weights  how much one held meeting of each contact form counts
 *                 as a visit.
 *   Matrix        meeting types x contact forms, each cell a rating of
 *                 core/matrix.h; the team's own, or the default asset.
 *   4D threshold  above which whole percent of Delivery meetings a week
 *                 warns.
 *
 * Keys: Tab / Shift-Tab, or t w m d, change the section; the arrows (and
 * h j k l), Home/End, PgUp/PgDn and Enter move.  On a number, digits and
 * a decimal point replace the number (the first key after moving onto it)
 * or add to it, Backspace takes the last character back, Delete empties
 * it.  Every key is checked as it is typed: a number that is not valid
 * says why and is not saved.  In the matrix Space or + gives the next
 * rating, - the previous, R the default matrix.  Ctrl-S (or F2) saves
 * every change in one transaction (db/team_edit.h); Esc or q closes, and
 * with unsaved changes asks first.  A changed value carries a "*" until
 * it is saved; the title counts them.
 *
 * The team file is opened for writing only when the user may write both
 * it and its directory (the rollback journal goes there); otherwise the
 * editor shows the settings read-only and says that only the manager can
 * change them.  A save that finds the file locked past the busy timeout
 * says so and keeps every edit, so Ctrl-S can try again.
 *
 * Like the other screens it takes events and hands back enum tui_repaint
 * flags, and draws into a canvas (tui/team_edit_draw.c), so the tests
 * drive it without a terminal.  The members are the screen's own: read
 * them (the tests do), change them only through the functions below. */

#include <stddef.h>

#include "db/conn.h"
#include "db/team_edit.h"
#include "tui/canvas.h"
#include "tui/event.h"

enum tui_te_section {
	TUI_TE_TARGETS,
	TUI_TE_WEIGHTS,
	TUI_TE_MATRIX,
	TUI_TE_FOURD,
	TUI_TE_SECTIONS
};

/* Characters of a number as typed ("100", "2.75"). */
#define TUI_TE_TEXT_MAX 8

/* A number as the manager typed it.  Only a valid text changes the value
 * in struct tui_team_edit's now. */
struct tui_te_cell {
	char text[TUI_TE_TEXT_MAX + 1];
	int bad;                     /* not a valid value: why[] says why */
	char why[96];
};

struct tui_team_edit {
	char path[4096];             /* DIR/team.db */
	struct db *db;               /* the team file, owned; read-only when
	                                readonly is set */
	int readonly;
	int ascii;
	struct db_team_settings was; /* as loaded (or last saved) */
	struct db_team_settings now; /* as edited */
	/* The numbers as typed: targets holds now.n + 1 rows of CORE_BF_COUNT,
	 * row 0 the team default, row i + 1 now.sellers[i]. */
	struct tui_te_cell *targets;
	struct tui_te_cell weights[CORE_FORM_COUNT];
	struct tui_te_cell threshold;
	enum tui_te_section section;
	int row[TUI_TE_SECTIONS];    /* the cursor in each section */
	int col[TUI_TE_SECTIONS];
	int top[TUI_TE_SECTIONS];    /* the first row shown (scrolling) */
	int body_rows;               /* rows the last draw had for them */
	int fresh;                   /* the next digit replaces the number */
	int confirm;                 /* Esc asked: save, discard or stay */
	char message[640];
	int message_error;
};

/* The editor on the team in team_dir for the n sellers of who (the
 * review's rows, in their order; copied), with their settings loaded.
 * On success *out owns the editor; a team file that cannot be opened or
 * read is an error and *out stays NULL. */
enum core_status tui_team_edit_open(const char *team_dir, const struct db_team_who *who,
                                    size_t n, int ascii, struct tui_team_edit **out,
                                    struct core_error *err);
void tui_team_edit_free(struct tui_team_edit *e);

/* Puts the targets' cursor on seller i of who (the review's selection). */
void tui_team_edit_select(struct tui_team_edit *e, size_t i);

/* Returns tui_repaint flags: TUI_RELOAD after a save (the team file
 * changed: the owner's numbers are stale), TUI_CLOSE when the manager
 * leaves, TUI_QUIT only when out of memory. */
int tui_team_edit_event(struct tui_team_edit *e, const struct tui_event *ev);

/* 1 when something is edited and not saved. */
int tui_team_edit_dirty(const struct tui_team_edit *e);

/* Draws the whole canvas (80x24 and larger), scrolling the section to its
 * cursor first, which is why the editor is not const.  Defined in
 * tui/team_edit_draw.c. */
void tui_team_edit_draw(struct tui_team_edit *e, struct tui_canvas *c);

/* ---- shared by tui/team_edit.c and tui/team_edit_draw.c ---- */

/* Rows and columns of a section's grid. */
int tui_te_rows(const struct tui_team_edit *e, enum tui_te_section s);
int tui_te_cols(enum tui_te_section s);
/* 1 when the value at (row, col) of section s differs from the one loaded
 * (or its text is not valid). */
int tui_te_changed(const struct tui_team_edit *e, enum tui_te_section s, int row,
                   int col);
/* The value of a number cell as text for the screen: "2.5", "100". */
void tui_te_number(double v, char *buf, size_t n);

#endif
