#ifndef CORE_DUE_H
#define CORE_DUE_H
/* Due dates of follow-up actions, as a seller types them and as the screen
 * shows them.  A due date is a local calendar day, counted in days since
 * 1970-01-01 like everything in core/calendar.h; "today" is always passed
 * in, never read from the clock, so the same text gives the same day in a
 * test and on a Friday night.  Nothing here allocates or keeps state. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* Reads a due date relative to today.  Case and blanks around the text
 * (and runs of blanks inside it) are ignored.  Accepted:
 *
 *   2026-12-01            that day (core_date_parse; its message on error)
 *   today, tomorrow       also Danish/Norwegian "i dag", "i morgen"
 *   +3d  3d  +3 days      days; "+3" alone is days too, a bare "3" is not
 *   +2w  2w  +2 weeks     weeks
 *   +1m  1m  +1 month     calendar months, the day of the month kept and
 *                         clamped to the month's last day (01-31 +1m is
 *                         02-28 or 02-29); counts are 0..9999
 *   fri, friday           the next such day strictly after today: "mon"
 *                         on a Monday is the Monday a week later.  English
 *                         names and 3-letter abbreviations (also "tues",
 *                         "thur", "thurs"), Danish/Norwegian names and
 *                         abbreviations ("fredag", "fre", "lør", "søn")
 *   next week             the Monday of the next ISO week ("næste uge",
 *                         "neste uke")
 *   end of week, eow      the Friday of this ISO week, which is today on a
 *                         Friday; on a Saturday or Sunday the working week
 *                         is over, so it is the coming Friday
 *
 * Unit words: d day days dag dage dager, w wk week weeks u uge uger uke
 * uker, m mo month months md mdr måned måneder.
 * On success sets *due and returns CORE_OK.  Anything else is
 * CORE_ERR_INPUT with a message that quotes the text and names the forms,
 * e.g. "bad due date 'frday': expected 2026-12-01, today, +3d, +2w, +1m,
 * fri or next week"; *due is then untouched.  A result outside the years
 * 0001..9999 is refused the same way. */
enum core_status core_due_parse(const char *text, int64_t today, int64_t *due,
                                struct core_error *err);

/* A short text for a due date seen from today, into buf (n bytes, always
 * NUL-terminated; 24 bytes hold every result for dates in 0001..9999):
 *
 *   due < today - 1        "3 days overdue"
 *   due = today - 1        "yesterday"
 *   due = today            "today"
 *   due = today + 1        "tomorrow"
 *   today + 2 .. + 182     "Fri 27 Nov"   (weekday, day, month: within
 *                                          half a year the year is plain)
 *   later                  "27 Nov 2027"
 *
 * So the words say how urgent it is and the dates say when. */
void core_due_format(int64_t due, int64_t today, char *buf, size_t n);

#endif
