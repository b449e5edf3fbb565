#ifndef TUI_MINUTES_PRIV_H
#define TUI_MINUTES_PRIV_H
/* The minutes screen's state, private to the two files that share it
 * (nothing but tui/minutes*.c includes this header):
 *   tui/minutes.c          owns the state: opening and loading, the texts
 *                          and the participants row, saving and leaving,
 *                          the keys and clicks, the screen's layout;
 *   tui/minutes_actions.c  the follow-up action list and the row that adds
 *                          or edits an action: their keys and drawing.
 * Handlers on either side change the state and return enum tui_repaint
 * flags. */

#include <stddef.h>
#include <stdint.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/buying.h"
#include "core/followup.h"
#include "core/meeting.h"
#include "core/minutes.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"
#include "tui/field.h"
#include "tui/minutes.h"
#include "tui/textarea.h"

#define MIN_ESC 27
/* Focus indexes after the texts: the participants row, the action list. */
#define MIN_PART CORE_MIN_COUNT
#define MIN_LIST (CORE_MIN_COUNT + 1)
#define MIN_DUE_MAX 48
#define MIN_DUE_W 14

/* The screen's commands, but for the keys the text areas and the row for
 * an action take themselves; tui/minutes.c's key table binds them, says
 * where each applies and whether it writes. */
enum min_cmd {
	MIN_C_SAVE, MIN_C_NEW_ACTION, MIN_C_CLOSE, MIN_C_NEXT, MIN_C_PREV,
	/* the participants row */
	MIN_C_PART_UP, MIN_C_PART_DOWN, MIN_C_PART_LEFT, MIN_C_PART_RIGHT,
	MIN_C_PART_FIRST, MIN_C_PART_LAST, MIN_C_PART_TOGGLE,
	/* the action list */
	MIN_C_LIST_UP, MIN_C_LIST_DOWN, MIN_C_LIST_ADD, MIN_C_LIST_EDIT,
	MIN_C_LIST_DONE, MIN_C_LIST_OWNER, MIN_C_LIST_REMOVE
};

struct tui_minutes {
	struct db *db;                 /* the owner's */
	struct core_meeting meeting;
	char type_label[64];
	char title[64];                /* "Minutes", and "read-only" */
	int64_t today;
	int ascii;
	int readonly;                  /* no key writes: the manager's drill */
	char owner[CORE_NAME_MAX];     /* whose file it is, when read-only */
	struct tui_textarea text[CORE_MIN_COUNT];
	int focus;                     /* a text, or MIN_LIST */
	struct core_action_list actions;
	size_t sel;                    /* index into actions */
	int actions_dirty;
	struct core_contact *contacts; /* the account's: owners, participants */
	size_t n_contacts;
	unsigned char *present;        /* per contact: a participant */
	size_t part_sel, part_first;   /* the chosen one, the first shown */
	int row_open;                  /* the row for a new or edited action */
	int row_due;                   /* 1: its due field has the keys */
	long row_edit;                 /* the action it edits, -1: a new one */
	struct tui_field row_text, row_date;
	int confirm;                   /* Esc asked "save changes?" */
	int text_y[CORE_MIN_COUNT];    /* the layout of the last draw */
	int list_y, list_top;
	char message[320];
	int message_error;
};

static inline int min_is_enter(const struct tui_event *ev)
{
	return tui_ev_char(ev, '\n') || tui_ev_char(ev, '\r') || tui_ev_key(ev, KEY_ENTER);
}

/* ---- tui/minutes.c ---- */

/* The status line's message until the next key. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void tui_minutes_say(struct tui_minutes *s, int is_error, const char *fmt, ...);

/* ---- tui/minutes_actions.c ---- */

/* Opens the row for a new action (edit -1) or to edit action edit. */
void tui_minutes_row_open(struct tui_minutes *s, long edit);
/* Adds (or rewrites) the action the row holds: 0, -1 when refused (the
 * message says why), -2 when out of memory. */
int tui_minutes_row_commit(struct tui_minutes *s);
/* The keys while the row is open; a command on the action list. */
int tui_minutes_ev_row(struct tui_minutes *s, const struct tui_event *ev);
int tui_minutes_ev_list(struct tui_minutes *s, enum min_cmd cmd);
/* The list's heading at row y, its actions in the rows - 1 below, and the
 * row when open; notes where the list was drawn for a click. */
void tui_minutes_draw_list(struct tui_minutes *s, struct tui_canvas *c, int y, int rows);

#endif
