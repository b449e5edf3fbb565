#ifndef CORE_ICS_H
#define CORE_ICS_H
/* iCalendar (RFC 5545) for calendar programs: the seller's meetings as
 * one VCALENDAR (VERSION 2.0, CALSCALE GREGORIAN, METHOD PUBLISH) of
 * VEVENTs.
 *
 * Every line ends in CRLF and is at most CORE_ICS_LINE_MAX octets without
 * it; a longer one is folded (CRLF, then one space that counts towards
 * the next line's 75), only between characters, so no UTF-8 sequence and
 * no escape ("\n", "\,") is ever split.  TEXT values are escaped: '\\',
 * ';' and ',' get a backslash, a newline becomes "\n"; CR and the other
 * control characters but tab are dropped (RFC 5545 has no room for them),
 * and a byte that starts no well-formed UTF-8 sequence becomes U+FFFD.
 * Times are UTC ("20261123T080000Z"), so a file means the same whatever
 * the TZ of whoever writes or reads it.
 *
 * A meeting record (core/record.h, derived fields filled) becomes:
 *   UID            pipebench-meeting-<id>@<uid_domain>: the same meeting
 *                  gives the same UID in every export of its database, so
 *                  a calendar updates the event instead of adding one
 *   DTSTAMP        the export's time
 *   DTSTART/DTEND  starts_at / ends_at (else starts_at + duration)
 *   SUMMARY DESCRIPTION LOCATION   title / description / location
 *   STATUS         planned, held: CONFIRMED; cancelled: CANCELLED
 *   CATEGORIES     the battlefield's label ("Re-sale")
 *   X-PIPEBENCH-BATTLEFIELD, -TYPE, -CONTACT-FORM   the keys
 *   LAST-MODIFIED  updated_at
 *   SEQUENCE       the seconds from created_at to updated_at (0 when
 *                  either is missing, capped at 2^31-1): it grows with
 *                  every change and needs no counter of its own
 * Empty text fields and unknown keys are left out rather than guessed.
 *
 * Output is buffered in one block allocated with the writer; nothing is
 * allocated per line.  An I/O error is sticky: later calls write nothing,
 * core_ics_meeting says CORE_ERR_IO so an export can stop early, and
 * core_ics_finish reports it. */

#include <stdint.h>
#include <stdio.h>

#include "core/error.h"
#include "core/record.h"

#define CORE_ICS_LINE_MAX 75   /* octets of a line, CRLF not counted */
#define CORE_ICS_UTC_LEN 16    /* "20261123T080000Z" */

struct core_ics_opts {
	const char *uid_domain; /* the right-hand side of every UID: an id of
	                           the database (db_identity), never a host */
	const char *version;    /* pipebench's, for PRODID; NULL: "0" */
	const char *calname;    /* X-WR-CALNAME, a name for the calendar a
	                           program shows; NULL: none */
	int64_t dtstamp;        /* the export's time, Unix seconds */
};

struct core_ics;

/* A writer on f (the caller's; never closed here).  name is used in
 * messages ("week.ics", "standard output"); it and the strings of o are
 * copied.  NULL when out of memory.  Free with core_ics_free. */
struct core_ics *core_ics_new(FILE *f, const char *name, const struct core_ics_opts *o);

/* BEGIN:VCALENDAR and the calendar's own properties. */
void core_ics_begin(struct core_ics *w);
/* One VEVENT for a meeting record, or nothing and CORE_ERR_INPUT naming
 * the meeting when it has no id, no start, or a time outside the years 1
 * to 9999; CORE_ERR_IO once an earlier write failed. */
enum core_status core_ics_meeting(struct core_ics *w, const struct core_record *r,
                                  struct core_error *err);
/* END:VCALENDAR. */
void core_ics_end(struct core_ics *w);

/* Writes out the buffer and flushes f: CORE_ERR_IO "NAME: write failed:
 * strerror" on any failure since the writer was made, else CORE_OK. */
enum core_status core_ics_finish(struct core_ics *w, struct core_error *err);
/* Bytes handed to f so far. */
unsigned long long core_ics_bytes(const struct core_ics *w);
void core_ics_free(struct core_ics *w);

/* ---- single properties, for other components ---- */

/* NAME:VALUE with value a TEXT, escaped and folded as above. */
void core_ics_text(struct core_ics *w, const char *name, const char *s, size_t n);
/* NAME:VALUE with value written as it is (folded only): for values
 * pipebench makes itself (integers, enumerations, times). */
void core_ics_raw(struct core_ics *w, const char *name, const char *s, size_t n);

/* Writes t as a UTC DATE-TIME, "20261123T080000Z" and a NUL, into out
 * (at least CORE_ICS_UTC_LEN + 1 bytes).  Returns 0, or -1 when t is
 * outside the years 1 to 9999 (out untouched). */
int core_ics_format_utc(int64_t t, char *out);

#endif
