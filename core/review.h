#ifndef CORE_REVIEW_H
#define CORE_REVIEW_H
/* The manager's review of a team's week: one row per seller, the team's
 * total, sorting by a column, and the few texts the dashboard prints.
 * Pure arithmetic over rows that db/review.c fills; nothing here opens a
 * file.  Every returned string is static or written into the caller's
 * buffer. */

#include <stddef.h>
#include <stdint.h>

#include "core/fourd.h"
#include "core/meeting.h"
#include "core/tally.h"
#include "core/team.h"

/* Room for why a seller's file could not be read, NUL included. */
#define CORE_REVIEW_REASON_MAX 160

/* One seller's week as the dashboard shows it. */
struct core_review_row {
	char login[CORE_TEAM_NAME_MAX]; /* the file's directory in sellers/ */
	char name[CORE_NAME_MAX];       /* the seller's name in their file, else
	                                   the login */
	int ok;                         /* 0: unreadable; reason says why */
	char reason[CORE_REVIEW_REASON_MAX];
	struct core_tally tally;        /* the week against the team's targets */
	struct core_fourd fourd;        /* the 4D check of tally */
	int64_t overdue;                /* open follow-ups due before today */
	int64_t changed_at;             /* Unix seconds of the seller's last change
	                                   to a meeting, action, account or
	                                   contact; 0: never */
};

enum core_review_col {
	CORE_REVIEW_NAME,
	CORE_REVIEW_TARGET,
	CORE_REVIEW_PLANNED,
	CORE_REVIEW_HELD,
	CORE_REVIEW_VISITS,
	CORE_REVIEW_OVERDUE,
	CORE_REVIEW_CHANGED,
	CORE_REVIEW_COL_COUNT
};

/* "name", "target", ... (static).  Parse: the key, any case; 0, or -1 when
 * the text names no column (out untouched). */
const char *core_review_col_key(enum core_review_col c);
int core_review_col_parse(const char *s, enum core_review_col *out);

/* Sorts rows by col: the name A to Z, the numbers and the last change
 * largest (latest) first.  Ties go by name, then login, so the order never
 * depends on the order the files were found in.  Unreadable rows have no
 * numbers: they come after the readable ones except when sorting by name. */
void core_review_sort(struct core_review_row *rows, size_t n, enum core_review_col col);

/* The team's row: sums of the readable rows' tallies and overdue counts,
 * the latest change, and the 4D check of the summed tally against
 * threshold (whole percent).  out->name is "Total"; out->ok is 1. */
void core_review_total(const struct core_review_row *rows, size_t n, int threshold,
                       struct core_review_row *out);

/* When changed_at was, told from today (days since epoch, local):
 * "today 09:41", "yesterday", "3 days ago" (up to 13), else the date
 * "2026-10-02"; a time after today also as its date; 0 is "never".
 * Always NUL-terminated in buf (n bytes; 16 suffice). */
void core_review_changed_text(int64_t changed_at, int64_t today, char *buf, size_t n);

/* A visit count as the dashboard prints it: whole numbers bare ("3"), else
 * one decimal ("3.5").  Always NUL-terminated in buf (n bytes). */
void core_review_visits_text(double v, char *buf, size_t n);

#endif
