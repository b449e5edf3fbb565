/* localtime_r is POSIX; the build's flags usually ask for it already. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include "core/calendar.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/meeting.h"

/* Days between 0000-03-01 and 1970-01-01 in the proleptic Gregorian
 * calendar: the conversions count from a March-based year 0, which puts
 * the leap day last in the year. */
#define EPOCH_SHIFT 719468
#define DAYS_PER_ERA 146097   /* 400 Gregorian years */

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"};
static const char *const month_abbrs[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const weekday_abbrs[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* After Howard Hinnant's days_from_civil: shift the year to start in
 * March, split it into 400-year eras of identical length, then count the
 * day of the era from the year of the era and the day of the year. */
int64_t core_days_from_date(struct core_date d)
{
	int64_t y = d.month <= 2 ? (int64_t)d.year - 1 : d.year;
	int64_t era = floor_div(y, 400);
	int64_t year_of_era = y - era * 400;                       /* 0..399 */
	int64_t month_from_march = d.month > 2 ? d.month - 3 : d.month + 9;
	int64_t day_of_year = (153 * month_from_march + 2) / 5 + d.day - 1;
	int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100
	                     + day_of_year;                        /* 0..146096 */
	return era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT;
}

/* The inverse (Hinnant's civil_from_days). */
struct core_date core_date_from_days(int64_t days)
{
	int64_t z = days + EPOCH_SHIFT;
	int64_t era = floor_div(z, DAYS_PER_ERA);
	int64_t day_of_era = z - era * DAYS_PER_ERA;
	int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
	                       - day_of_era / 146096) / 365;
	int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4
	                                    - year_of_era / 100);
	int64_t month_from_march = (5 * day_of_year + 2) / 153;
	struct core_date d;
	d.day = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
	d.month = (int)(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
	d.year = (int)(year_of_era + era * 400 + (d.month <= 2));
	return d;
}

int core_weekday(int64_t days)
{
	/* Day 0 was a Thursday (4). */
	return (int)(((days % 7) + 7 + 3) % 7) + 1;
}

static int is_leap(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int days_in_month(int year, int month)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return month == 2 && is_leap(year) ? 29 : len[month - 1];
}

int core_date_valid(struct core_date d)
{
	return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
	       d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

/* The ISO year of a day is the civil year of its week's Thursday. */
struct core_isoweek core_isoweek_of(int64_t days)
{
	int64_t thursday = days - core_weekday(days) + 4;
	struct core_isoweek w;
	w.year = core_date_from_days(thursday).year;
	struct core_date jan1 = {w.year, 1, 1};
	w.week = (int)((thursday - core_days_from_date(jan1)) / 7) + 1;
	return w;
}

/* 4 January is always in week 1. */
int64_t core_isoweek_monday(struct core_isoweek w)
{
	struct core_date jan4 = {w.year, 1, 4};
	int64_t d = core_days_from_date(jan4);
	return d - (core_weekday(d) - 1) + ((int64_t)w.week - 1) * 7;
}

/* 28 December is always in the last week of its ISO year. */
int core_isoweek_count(int iso_year)
{
	struct core_date dec28 = {iso_year, 12, 28};
	return core_isoweek_of(core_days_from_date(dec28)).week;
}

struct core_isoweek core_isoweek_add(struct core_isoweek w, int delta)
{
	return core_isoweek_of(core_isoweek_monday(w) + (int64_t)delta * 7);
}

void core_isoweek_format(struct core_isoweek w, char *buf, size_t n)
{
	if (buf == NULL || n == 0)
		return;
	snprintf(buf, n, "%04d-W%02d", w.year, w.week);
}

void core_date_format(struct core_date d, char *buf, size_t n)
{
	if (buf == NULL || n == 0)
		return;
	snprintf(buf, n, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* --- parsing --------------------------------------------------------- */

/* The text quoted back in a message: bounded, and valid UTF-8 so the
 * TUI's status line can draw it. */
struct excerpt {
	char s[48];
};

static struct excerpt excerpt_of(const char *s)
{
	struct excerpt e;
	core_utf8_copy(e.s, sizeof e.s, s);
	return e;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads exactly n digits at s; -1 when any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Counts the digits at s, stopping at max + 1 so a long run cannot
 * overflow anything later. */
static int digit_run(const char *s, int max)
{
	int n = 0;
	while (n <= max && is_digit(s[n]))
		n++;
	return n;
}

static enum core_status week_range_error(const char *s, int year, int week,
                                         struct core_error *err)
{
	if (week < 1)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad week '%s': weeks count from 1",
		                      excerpt_of(s).s);
	return core_error_set(err, CORE_ERR_INPUT, "bad week '%s': %d has %d weeks",
	                      excerpt_of(s).s, year, core_isoweek_count(year));
}

enum core_status core_isoweek_parse(const char *s, const struct core_isoweek *base,
                                    struct core_isoweek *out, struct core_error *err)
{
	static const char expected[] = "expected YYYY-Www, e.g. 2026-W48";
	if (s == NULL)
		s = "";
	const char *p = s;
	int year;

	if (digit_run(p, 4) == 4 && (p[4] == '-' || p[4] == 'W' || p[4] == 'w')) {
		year = digits(p, 4);
		p += 4;
		if (*p == '-')
			p++;
		if (*p != 'W' && *p != 'w')
			return core_error_set(err, CORE_ERR_INPUT, "bad week '%s': %s",
			                      excerpt_of(s).s, expected);
		p++;
		if (year < 1)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "bad week '%s': year must be 0001..9999",
			                      excerpt_of(s).s);
	} else {
		/* A bare "48" or "W48" takes its year from the week on screen. */
		if (*p == 'W' || *p == 'w')
			p++;
		if (base == NULL || digit_run(p, 2) == 0)
			return core_error_set(err, CORE_ERR_INPUT, "bad week '%s': %s",
			                      excerpt_of(s).s, expected);
		year = base->year;
	}

	int n = digit_run(p, 2);
	if (n == 0 || n > 2 || p[n] != '\0')
		return core_error_set(err, CORE_ERR_INPUT, "bad week '%s': %s",
		                      excerpt_of(s).s, expected);
	int week = digits(p, n);
	if (week < 1 || week > core_isoweek_count(year))
		return week_range_error(s, year, week, err);
	out->year = year;
	out->week = week;
	return CORE_OK;
}

enum core_status core_date_parse(const char *s, struct core_date *out,
                                 struct core_error *err)
{
	if (s == NULL)
		s = "";
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4) < 0 ||
	    digits(s + 5, 2) < 0 || digits(s + 8, 2) < 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad date '%s': expected YYYY-MM-DD, e.g. 2026-11-23",
		                      excerpt_of(s).s);
	struct core_date d = {digits(s, 4), digits(s + 5, 2), digits(s + 8, 2)};
	if (d.year < 1)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad date '%s': year must be 0001..9999", s);
	if (d.month < 1 || d.month > 12)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad date '%s': month must be 01..12", s);
	int len = days_in_month(d.year, d.month);
	if (d.day < 1)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad date '%s': day must be 01..%d", s, len);
	if (d.day > len)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad date '%s': %s %d has %d days", s,
		                      month_names[d.month - 1], d.year, len);
	*out = d;
	return CORE_OK;
}

enum core_status core_time_parse(const char *s, int *minutes, struct core_error *err)
{
	if (s == NULL)
		s = "";
	int h, m;
	size_t len = strlen(s);

	if (len == 5 && s[2] == ':') {
		h = digits(s, 2);
		m = digits(s + 3, 2);
	} else if (len == 4 && s[1] == ':') {
		h = digits(s, 1);
		m = digits(s + 2, 2);
	} else if (len == 4) {
		h = digits(s, 2);
		m = digits(s + 2, 2);
	} else {
		h = m = -1;
	}
	if (h < 0 || m < 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad time '%s': expected HH:MM, e.g. 09:30",
		                      excerpt_of(s).s);
	if (h > 23)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad time '%s': hour must be 00..23", s);
	if (m > 59)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad time '%s': minutes must be 00..59", s);
	*minutes = h * 60 + m;
	return CORE_OK;
}

enum core_status core_duration_parse(const char *s, int *minutes, struct core_error *err)
{
	if (s == NULL)
		s = "";
	const char *p = s;
	int n = digit_run(p, 4);
	int total = -1;

	/* Five digits are already past a day, so a longer run is simply "too
	 * long" and the arithmetic below stays far from overflow. */
	if (n >= 1 && n <= 4) {
		int lead = digits(p, n);
		p += n;
		if (*p == '\0' || (p[0] == 'm' && p[1] == '\0')) {
			total = lead;
		} else if (*p == ':' && digit_run(p + 1, 2) == 2 && p[3] == '\0') {
			int m = digits(p + 1, 2);
			total = m < 60 ? lead * 60 + m : -1;
		} else if (*p == 'h') {
			p++;
			int k = digit_run(p, 2);
			int m = k > 0 && k <= 2 ? digits(p, k) : 0;
			p += k <= 2 ? k : 0;
			if (k > 0 && *p == 'm')
				p++;
			total = *p == '\0' && k <= 2 && m < 60 ? lead * 60 + m : -1;
		}
	} else if (n > 4) {
		total = 1441;
	}
	if (total < 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad duration '%s': expected minutes (90, 90m) or "
		                      "hours (1h, 1h30, 1:30)", excerpt_of(s).s);
	if (total < 1 || total > 24 * 60)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "bad duration '%s': must be 1 minute to 24 hours",
		                      excerpt_of(s).s);
	*minutes = total;
	return CORE_OK;
}

/* --- local time ------------------------------------------------------- */

int64_t core_local_to_epoch(int64_t days, int minute_of_day)
{
	struct core_date d = core_date_from_days(days);
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.year - 1900;
	tm.tm_mon = d.month - 1;
	tm.tm_mday = d.day;
	tm.tm_hour = minute_of_day / 60;
	tm.tm_min = minute_of_day % 60;
	tm.tm_isdst = -1;   /* let the C library decide summer time */
	return (int64_t)mktime(&tm);
}

static int64_t days_of_tm(const struct tm *tm)
{
	struct core_date d = {tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday};
	return core_days_from_date(d);
}

void core_local_from_epoch(int64_t epoch, int64_t *days, int *minute_of_day)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	if (localtime_r(&t, &tm) != NULL) {
		*days = days_of_tm(&tm);
		*minute_of_day = tm.tm_hour * 60 + tm.tm_min;
		return;
	}
	/* Out of the C library's range: UTC is a better answer than none. */
	*days = floor_div(epoch, 86400);
	*minute_of_day = (int)((epoch - *days * 86400) / 60);
}

int64_t core_local_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (localtime_r(&t, &tm) == NULL)
		return floor_div((int64_t)t, 86400);
	return days_of_tm(&tm);
}

const char *core_weekday_abbr(int iso_weekday)
{
	return iso_weekday >= 1 && iso_weekday <= 7 ? weekday_abbrs[iso_weekday - 1] : "???";
}

const char *core_month_abbr(int month)
{
	return month >= 1 && month <= 12 ? month_abbrs[month - 1] : "???";
}
