#ifndef TUI_APP_PRIV_H
#define TUI_APP_PRIV_H
/* The interactive program's state, private to the two files that share it
 * (nothing else includes this header):
 *   tui/app.c          owns its life: set-up and tear-down, the event loop,
 *                      the reload from the database, the one redraw path,
 *                      the form and the first-run screen;
 *   tui/week_actions.c owns what the week screen's keys do to it: the
 *                      cursor and the selection, the actions of tui/keys.h,
 *                      the move mode and the y/n confirm mode.
 * Handlers on either side change the state and return enum tui_repaint
 * flags; only app.c reloads and draws. */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/team.h"
#include "core/matrix.h"
#include "core/meeting.h"
#include "db/conn.h"
#include "db/sellers.h"
#include "db/week.h"
#include "tui/canvas.h"
#include "tui/event.h"
#include "tui/field.h"
#include "tui/account.h"
#include "tui/export.h"
#include "tui/followups.h"
#include "tui/form.h"
#include "tui/minutes.h"
#include "tui/prep.h"
#include "tui/term.h"

enum tui_app_mode {
	APP_WEEK,
	APP_HELP,
	APP_FORM,
	APP_CONFIRM,     /* x: y/n in the status line */
	APP_MOVE,        /* m: arrows move the meeting, Enter commits */
	APP_FIRST_RUN,
	APP_FOLLOWUPS,   /* f: the follow-ups screen over the week */
	APP_ACCOUNT,     /* A: the selected meeting's account */
	APP_MINUTES,     /* n: the selected meeting's minutes */
	APP_PREP,        /* p: the selected meeting's preparation */
	APP_EXPORT       /* E: the export dialog over the week */
};

/* Allocated and freed by tui_app_run(), with everything it owns. */
struct tui_app {
	struct db *db;           /* the caller's */
	struct db *team;         /* the caller's; NULL without a team */
	const char *team_dir;    /* the caller's; NULL without a team */
	int64_t presence_ms;     /* monotonic ms of the last presence look */
	char login[CORE_TEAM_NAME_MAX]; /* the seller's login in a team, for the
	                            account transfers (db/handover.h); "" else */
	int64_t handover_ms;     /* monotonic ms of the last transfer step */
	int readonly;            /* the caller's: no key writes (tui/app.h) */
	const char *touch;       /* the caller's presence file, or NULL */
	int64_t touched_ms;      /* monotonic ms it was last touched */
	char reviewed[160];      /* "reviewed by NAME", or "" */
	int64_t today;
	int ascii;
	enum tui_app_mode mode;
	struct tui_term term;
	struct tui_canvas canvas;
	struct core_matrix matrix;
	struct db_seller seller;
	struct db_week week;     /* the shown week as last loaded */
	int64_t overdue;         /* the seller's open follow-ups past due */
	struct core_isoweek shown;
	int day;                 /* the cursor's day, 0 = Monday */
	int selected;            /* index into tui_week_meetings(), or -1 */
	int64_t want_id;         /* select this meeting after the next reload */
	int show_weekend;
	int force;               /* Ctrl-L: repaint every cell */
	struct tui_form *form;   /* the open form (APP_FORM), or NULL */
	struct tui_followups *followups; /* APP_FOLLOWUPS's screen, or NULL */
	struct tui_account *account;     /* APP_ACCOUNT's screen, or NULL */
	struct tui_minutes *minutes;     /* APP_MINUTES's screen, or NULL */
	struct tui_prep *prep;           /* APP_PREP's screen, or NULL */
	struct tui_export *export;       /* APP_EXPORT's dialog, or NULL */
	struct core_meeting_list draft; /* the week as it will be after a move */
	int64_t move_id;
	int64_t move_day;        /* days since epoch */
	int move_minute;
	struct tui_field name;   /* the first-run screen's edit line */
	char message[320];       /* said until the next key */
	int message_error;
	int describe;            /* say what is selected, until the next key */
	char describe_buf[320];
	char keys_line[320];
	enum core_status fatal;  /* out of memory in a handler: the loop ends */
};

/* ---- tui/app.c ---- */

/* The status line's message until the next key. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void tui_app_say(struct tui_app *a, int is_error, const char *fmt, ...);
/* "Tue 24 Nov 09:00" */
void tui_app_when(int64_t epoch, char *buf, size_t n);

/* ---- tui/week_actions.c ---- */

/* The meetings the week shows: the loaded week, or its draft while a
 * meeting is being moved.  Points into *a; valid until the next reload or
 * move step. */
const struct core_meeting *tui_week_meetings(const struct tui_app *a,
                                             size_t *n);
/* The selected meeting, or NULL; same lifetime. */
const struct core_meeting *tui_week_current(const struct tui_app *a);

/* Where the cursor is, kept across a reload: the meeting to select again
 * (the selected one, or the one asked for with want_id) and the minute of
 * the day to look near when it is gone. */
struct tui_week_spot {
	int64_t id;
	int minute;
};
/* Takes the spot and consumes want_id; call it before the reload. */
void tui_week_spot_save(struct tui_app *a, struct tui_week_spot *s);
/* After the reload: a move in progress is redrafted on the new week (or
 * given up when its meeting left the week), then the spot's meeting is
 * selected again, else the nearest on the cursor's day.  Returns -1 when
 * out of memory. */
int tui_week_spot_restore(struct tui_app *a, const struct tui_week_spot *s);

/* An event in the week screen's modes: APP_WEEK, APP_CONFIRM, APP_MOVE.
 * Keys become actions; an action may open the form or the help (a->mode
 * changes) or set a->fatal and return TUI_QUIT. */
int tui_week_event(struct tui_app *a, const struct tui_event *ev);

/* The meeting type's label from the team's matrix, else the key itself
 * (a type the matrix no longer has).  Defined in tui/app.c. */
const char *tui_app_type_label(const struct tui_app *a, const char *key);

#endif
