#ifndef CORE_CALENDAR_H
#define CORE_CALENDAR_H
/* Calendar maths: civil dates, ISO 8601 weeks, local time.  Days are counted
 * from 1970-01-01 (day 0, a Thursday) in the proleptic Gregorian calendar,
 * so they work for any year from 1 to 9999.  Local time follows the process's
 * TZ through the C library (mktime/localtime_r); nothing here keeps state. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

struct core_date {
	int year;   /* 1..9999 */
	int month;  /* 1..12 */
	int day;    /* 1..31 */
};

struct core_isoweek {
	int year;   /* the ISO week-numbering year, not always the civil year */
	int week;   /* 1..53 */
};

int64_t core_days_from_date(struct core_date d);
struct core_date core_date_from_days(int64_t days);
/* 1 = Monday .. 7 = Sunday (ISO). */
int core_weekday(int64_t days);
int core_date_valid(struct core_date d);

struct core_isoweek core_isoweek_of(int64_t days);
/* The Monday of the week, in days. */
int64_t core_isoweek_monday(struct core_isoweek w);
/* Weeks in an ISO year: 52 or 53. */
int core_isoweek_count(int iso_year);
struct core_isoweek core_isoweek_add(struct core_isoweek w, int delta);
/* Accepts "2026-W48", "2026W48", "2026-w48" and, with a base week to take
 * the year from, a bare "48" or "W48".  base may be NULL.  On failure fills
 * err with a message naming the text and returns CORE_ERR_INPUT. */
enum core_status core_isoweek_parse(const char *s, const struct core_isoweek *base,
                                    struct core_isoweek *out, struct core_error *err);
/* Writes "2026-W48" (always NUL-terminated; n >= 9 suffices). */
void core_isoweek_format(struct core_isoweek w, char *buf, size_t n);

/* "2026-11-23" only, range-checked (no 2026-02-30). */
enum core_status core_date_parse(const char *s, struct core_date *out,
                                 struct core_error *err);
void core_date_format(struct core_date d, char *buf, size_t n); /* "2026-11-23" */
/* "HH:MM" or "H:MM" or "HHMM", 00:00..23:59, to minutes after midnight. */
enum core_status core_time_parse(const char *s, int *minutes, struct core_error *err);
/* "1:00", "90", "90m", "1h", "1h30" to minutes, 1..1440. */
enum core_status core_duration_parse(const char *s, int *minutes, struct core_error *err);

/* Local wall-clock time <-> Unix seconds, through the C library's TZ.  A
 * wall time that falls in a DST gap is moved forward, as mktime does. */
int64_t core_local_to_epoch(int64_t days, int minute_of_day);
void core_local_from_epoch(int64_t epoch, int64_t *days, int *minute_of_day);
/* Today, in local time. */
int64_t core_local_today(void);

/* Short English names: "Mon", "Nov". */
const char *core_weekday_abbr(int iso_weekday);
const char *core_month_abbr(int month);

#endif
