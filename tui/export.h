#ifndef TUI_EXPORT_H
#define TUI_EXPORT_H
/* The export dialog (E on the week): what `pipebench export KIND --crm
 * PROFILE` and `pipebench export ics` do, chosen on one screen.  The
 * seller picks what (meetings, follow-ups, accounts, contacts as CSV, or
 * the meetings as iCalendar), the CRM profile (the built-in ones and the
 * team's own in CONFIG_DIR/profiles/; greyed for iCalendar), the range
 * (the week shown, everything changed since the last export with that
 * profile, or everything; iCalendar has no since-last: greyed), whose
 * (the seller whose week is shown, or the whole team) and the file; Enter
 * writes it through db_csv_export or db_ics_export, so the file has the
 * same bytes as the command's.  A line under the choices counts the rows
 * they match, so a wrong range shows before anything is written.
 *
 * Enter does not export at once: the dialog says "exporting 42
 * meetings…" and hands back TUI_REDRAW, and the next event (a key, or the
 * main loop's tick) runs the export and is used up by it.  So the seller
 * sees that it started and how big it is, the screen is drawn only by the
 * main loop (no bar moves meanwhile: a million meetings take seconds),
 * and a second Enter typed while it runs cannot export twice.  Afterwards the dialog says
 * "wrote 42 meetings to PATH", or the error (a missing directory, a
 * profile without that kind, a broken own profile with its line), and
 * keeps every choice so the seller can correct one and press Enter again.
 *
 * Keys: ↑↓ or Tab / Shift-Tab move between the rows; on a choice row ←→
 * (h/l) or Space change the choice and q closes; on the file row typing
 * edits the path (tui/field.h's keys), "~" is the home directory and a
 * directory gets the suggested file name; Enter exports; Esc closes.
 * The suggested file name (~/pipebench-meetings-generic-2026-W48.csv,
 * ~/pipebench-2026-W48.ics) follows the choices until the seller edits
 * the name.
 *
 * Like the other screens it takes events, hands back enum tui_repaint
 * flags and draws into a canvas, so tests drive it without a terminal. */

#include <stdint.h>

#include "core/calendar.h"
#include "db/conn.h"
#include "tui/canvas.h"
#include "tui/event.h"

struct tui_export; /* opaque; tui_export_open allocates, _free frees */

struct tui_export_opts {
	int64_t seller_id;          /* the seller whose week is shown */
	const char *seller_name;    /* copied */
	struct core_isoweek week;   /* the week shown: the "week" range */
	int64_t today;              /* days since epoch, local: the export's
	                               today (an action's priority) */
	int64_t now;                /* Unix seconds: an iCalendar export's
	                               DTSTAMP; 0: the clock when it runs */
	const char *config_dir;     /* own profiles are CONFIG_DIR/profiles/
	                               NAME.csv; NULL or "": none.  Copied */
	int ascii;
};

/* The dialog with its defaults: meetings, the first profile, the week, the
 * seller's own, the suggested file.  Keeps db (read and, for "since the
 * last export", written: the mark), which must outlive it.  NULL when out
 * of memory; a database error is not fatal: the dialog says it. */
struct tui_export *tui_export_open(struct db *db, const struct tui_export_opts *o);
void tui_export_free(struct tui_export *x);

/* Counts again what the choices match (for TUI_RELOAD: another process
 * changed the database). */
void tui_export_reload(struct tui_export *x);

/* Returns tui_repaint flags: TUI_CLOSE when the seller leaves; TUI_QUIT
 * only when out of memory. */
int tui_export_event(struct tui_export *x, const struct tui_event *ev);

/* Draws the dialog over whatever the canvas holds; fits 80x24. */
void tui_export_draw(const struct tui_export *x, struct tui_canvas *c);

#endif
