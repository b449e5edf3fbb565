/* A profile's cells both ways: format
 * writes a record's field as the CRM wants it, parse_cell reads the cell
 * back to the same value.  UTC formats are plain day arithmetic; only
 * datetime_local and a time's local day use the process's TZ.
 * - A time of day shows seconds only when they are not zero ("08:00").
 * - datetime_local adds the UTC offset where the wall time alone would
 *   read back as another instant (the hour repeated in autumn).
 * - A TIME field may be fed by a date (its local day) and a time_utc (its
 *   UTC time of day), as Pipedrive's Due date and Due time: each keeps
 *   what the other set, in either order, so the record must be cleared
 *   for each row (core_record_clear).
 * - A map value listed under several keys (Salesforce's "Meeting" for
 *   three contact forms) leaves the field for the description's tag
 *   line to fill (core_record_underive).
 * - Text must be UTF-8 without control characters but tab, CR and LF:
 *   a note pasted from Windows keeps its CR LF, and what pipebench
 *   exported comes back byte for byte. */
#include "core/profile.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/utf8.h"

#define DAY_SECS 86400
/* 0001-01-01 and 9999-12-31 in days: what four-digit years can write. */
#define FIRST_DAY (-719162)
#define LAST_DAY 2932896

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int day_ok(int64_t d)
{
	return d >= FIRST_DAY && d <= LAST_DAY;
}

static int time_ok(int64_t t)
{
	return t >= (int64_t)FIRST_DAY * DAY_SECS && t < ((int64_t)LAST_DAY + 1) * DAY_SECS;
}

static int64_t sec_of_day(int64_t t)
{
	return t - floor_div(t, DAY_SECS) * DAY_SECS;
}

/* A map's "KEY=VALUE;..." (canonical: trimmed, as core_profile_parse
 * stores it), one pair at a time: returns where the next pair starts, or
 * NULL after the last. */
struct pair {
	const char *key, *val;
	size_t klen, vlen;
};

static const char *map_next(const char *p, struct pair *pr)
{
	if (p == NULL || *p == '\0')
		return NULL;
	const char *end = strchr(p, ';');
	size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
	const char *eq = memchr(p, '=', len);
	pr->key = p;
	pr->klen = eq != NULL ? (size_t)(eq - p) : len;
	pr->val = eq != NULL ? eq + 1 : p + len;
	pr->vlen = (size_t)(p + len - pr->val);
	return end != NULL ? end + 1 : p + len;
}

/* ---- format ----------------------------------------------------------- */

/* v in decimal, zero-padded to at least width digits; returns the length.
 * Cells are written without printf: this runs for every cell of a
 * million-row export, and buf always has the 48 bytes format asks for. */
static size_t put_num(char *buf, int64_t v, int width)
{
	char tmp[24];
	size_t n = 0, w = 0;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	while ((int)n < width)
		tmp[n++] = '0';
	if (v < 0)
		buf[w++] = '-';
	while (n > 0)
		buf[w++] = tmp[--n];
	return w;
}

static size_t put_date(char *buf, int64_t days)
{
	struct core_date d = core_date_from_days(days);
	size_t w = put_num(buf, d.year, 4);
	buf[w++] = '-';
	w += put_num(buf + w, d.month, 2);
	buf[w++] = '-';
	return w + put_num(buf + w, d.day, 2);
}

/* "HH:MM", with ":SS" when the seconds are not zero or always is set. */
static size_t put_clock(char *buf, int64_t sod, int always)
{
	size_t w = put_num(buf, sod / 3600, 2);
	buf[w++] = ':';
	w += put_num(buf + w, sod / 60 % 60, 2);
	if (sod % 60 == 0 && !always)
		return w;
	buf[w++] = ':';
	return w + put_num(buf + w, sod % 60, 2);
}

static size_t fmt_datetime_utc(char *buf, int64_t t, int ms)
{
	size_t w = put_date(buf, floor_div(t, DAY_SECS));
	buf[w++] = 'T';
	w += put_clock(buf + w, sec_of_day(t), 1);
	if (ms) {
		memcpy(buf + w, ".000", 4);
		w += 4;
	}
	buf[w++] = 'Z';
	return w;
}

static size_t fmt_datetime_local(char *buf, size_t n, int64_t t)
{
	int64_t days;
	int minute;
	core_local_from_epoch(t, &days, &minute);
	int64_t sec = t - floor_div(t, 60) * 60, wall = (int64_t)minute * 60 + sec;
	size_t w = put_date(buf, days);
	buf[w++] = ' ';
	w += put_clock(buf + w, wall, 0);
	if (core_local_to_epoch(days, minute) + sec != t) {
		int64_t off = days * DAY_SECS + wall - t, a = off < 0 ? -off : off;
		int k = snprintf(buf + w, n - w, " %c%02d:%02d", off < 0 ? '-' : '+',
		                 (int)(a / 3600), (int)(a / 60 % 60));
		w += k > 0 ? (size_t)k : 0;
	}
	return w;
}

/* The C library writes and reads numbers with the locale's decimal
 * point, a comma in Danish; CSV numbers always have '.'. */
static char decimal_point(void)
{
	const struct lconv *lc = localeconv();
	return lc != NULL && lc->decimal_point != NULL && lc->decimal_point[0] != '\0'
		? lc->decimal_point[0] : '.';
}

/* The shortest text that reads back as exactly d. */
static size_t fmt_real(char *buf, size_t n, double d)
{
	int w = 0;
	for (int prec = 1; prec <= 17; prec++) {
		w = snprintf(buf, n, "%.*g", prec, d);
		if (w <= 0 || (size_t)w >= n)
			return 0;
		if (strtod(buf, NULL) == d)
			break;
	}
	char *p = strchr(buf, decimal_point());
	if (p != NULL)
		*p = '.';
	return (size_t)w;
}

/* A key the map does not list goes out as it is. */
static enum core_cell format_map(const struct core_pcol *c, enum core_ftype type,
                                 const struct core_value *v, char *buf,
                                 const char **out, size_t *out_len)
{
	*out = v->s;
	*out_len = v->len;
	if (type != CORE_FT_TEXT && type != CORE_FT_PHONE) {
		*out = buf;
		*out_len = put_num(buf, v->i, 1);
	}
	if (*out == NULL)
		return CORE_CELL_NULL;
	struct pair pr;
	for (const char *p = c->values; (p = map_next(p, &pr)) != NULL;) {
		if (pr.klen == *out_len && memcmp(pr.key, *out, pr.klen) == 0) {
			*out = pr.val;
			*out_len = pr.vlen;
			break;
		}
	}
	return CORE_CELL_TEXT;
}

/* An instant or a day, in every format that shows one; 0 when it cannot. */
static size_t format_time(enum core_fmt f, enum core_ftype type, int64_t v, char *buf,
                          size_t n)
{
	int64_t days;
	int minute;
	if (type == CORE_FT_DAY)
		return day_ok(v) ? put_date(buf, v) : 0;
	if (!time_ok(v))
		return 0;
	switch (f) {
	case CORE_FMT_DATE:
		core_local_from_epoch(v, &days, &minute);
		return day_ok(days) ? put_date(buf, days) : 0;
	case CORE_FMT_DATETIME_UTC:
	case CORE_FMT_DATETIME_UTC_MS:
		return fmt_datetime_utc(buf, v, f == CORE_FMT_DATETIME_UTC_MS);
	case CORE_FMT_DATETIME_LOCAL:
		return fmt_datetime_local(buf, n, v);
	case CORE_FMT_EPOCH_MS:
		return put_num(buf, v * 1000, 1);
	default:
		return put_clock(buf, sec_of_day(v), 0);
	}
}

enum core_cell core_profile_format(const struct core_pcol *c, const struct core_record *r,
                                   char *buf, size_t n, const char **out,
                                   size_t *out_len)
{
	size_t nf, w = 0;
	const struct core_field_def *defs = core_kind_fields(r->kind, &nf);
	*out = "";
	*out_len = 0;
	if (c->fmt == CORE_FMT_CONST) {
		if (c->values == NULL || c->values[0] == '\0')
			return CORE_CELL_NULL;
		*out = c->values;
		*out_len = strlen(c->values);
		return CORE_CELL_TEXT;
	}
	if (c->field < 0 || (size_t)c->field >= nf || r->v[c->field].null)
		return CORE_CELL_NULL;
	const struct core_value *v = &r->v[c->field];
	enum core_ftype type = defs[c->field].type;
	if (c->fmt == CORE_FMT_TEXT || c->fmt == CORE_FMT_PHONE) {
		if (v->s == NULL)
			return CORE_CELL_NULL;
		*out = v->s;
		*out_len = v->len;
		return c->fmt == CORE_FMT_PHONE ? CORE_CELL_PHONE : CORE_CELL_TEXT;
	}
	/* The longest cell written here, a local time with its offset, takes
	 * 23 bytes; a number 24. */
	if (buf == NULL || n < 48)
		return CORE_CELL_NULL;
	switch (c->fmt) {
	case CORE_FMT_MAP:
		return format_map(c, type, v, buf, out, out_len);
	case CORE_FMT_INT:
		w = put_num(buf, v->i, 1);
		break;
	case CORE_FMT_BOOL01:
		w = put_num(buf, v->i != 0, 1);
		break;
	case CORE_FMT_REAL:
		/* Infinity and NaN have no CSV number to be. */
		w = v->r - v->r == 0 ? fmt_real(buf, n, v->r) : 0;
		break;
	case CORE_FMT_HHMM:
		if (v->i > -((int64_t)1 << 40) && v->i < ((int64_t)1 << 40)) {
			int64_t a = v->i < 0 ? -v->i : v->i;
			if (v->i < 0)
				buf[w++] = '-';
			w += put_num(buf + w, a / 60, 2);
			buf[w++] = ':';
			w += put_num(buf + w, a % 60, 2);
		}
		break;
	default:
		w = format_time(c->fmt, type, v->i, buf, n);
		break;
	}
	if (w == 0 || w >= n)
		return CORE_CELL_NULL;
	*out = buf;
	*out_len = w;
	return CORE_CELL_BARE;
}

/* ---- parse ------------------------------------------------------------ */

static enum core_status bad(struct core_error *err, const char *what, const char *s,
                            size_t len, const char *want)
{
	return core_error_set(err, CORE_ERR_INPUT, "bad %s \"%s\" (want %s)", what,
	                      core_utf8_excerpt_n(s, len).s, want);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *len)
{
	for (; *len > 0 && is_blank(**s); (*len)--)
		(*s)++;
	while (*len > 0 && is_blank((*s)[*len - 1]))
		(*len)--;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int case_eq(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0;
	while (i < alen && i < blen && lower(a[i]) == lower(b[i]))
		i++;
	return i == alen && i == blen;
}

/* Exactly n digits at s[*i], advancing *i; -1 when they are not there. */
static int digits(const char *s, size_t len, size_t *i, int n)
{
	int v = 0;
	for (int k = 0; k < n; k++, (*i)++) {
		if (*i >= len || !is_digit(s[*i]))
			return -1;
		v = v * 10 + (s[*i] - '0');
	}
	return v;
}

static int parse_int(const char *s, size_t len, int64_t *out)
{
	size_t i = len > 0 && (s[0] == '-' || s[0] == '+');
	uint64_t v = 0;
	if (i == len)
		return -1;
	for (size_t k = i; k < len; k++) {
		if (!is_digit(s[k]) || v > (UINT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[k] - '0');
	}
	if (v > (uint64_t)INT64_MAX)
		return -1;
	*out = s[0] == '-' ? -(int64_t)v : (int64_t)v;
	return 0;
}

/* YYYY-MM-DD at s[*i], a real day. */
static int parse_ymd(const char *s, size_t len, size_t *i, int64_t *days)
{
	struct core_date d;
	d.year = digits(s, len, i, 4);
	if (d.year < 0 || *i >= len || s[(*i)++] != '-')
		return -1;
	d.month = digits(s, len, i, 2);
	if (d.month < 0 || *i >= len || s[(*i)++] != '-')
		return -1;
	d.day = digits(s, len, i, 2);
	if (d.day < 0 || !core_date_valid(d))
		return -1;
	*days = core_days_from_date(d);
	return 0;
}

/* HH:MM[:SS[.fraction]] at s[*i], up to 23:59:59; a fraction of a second
 * is dropped. */
static int parse_clock(const char *s, size_t len, size_t *i, int64_t *sod)
{
	int h = digits(s, len, i, 2), m = -1, sec = 0;
	if (h >= 0 && h <= 23 && *i < len && s[(*i)++] == ':')
		m = digits(s, len, i, 2);
	if (m < 0 || m > 59)
		return -1;
	if (*i < len && s[*i] == ':') {
		(*i)++;
		if ((sec = digits(s, len, i, 2)) < 0 || sec > 59)
			return -1;
		if (*i + 1 < len && s[*i] == '.' && is_digit(s[*i + 1]))
			for ((*i)++; *i < len && is_digit(s[*i]); (*i)++)
				;
	}
	*sod = (int64_t)h * 3600 + m * 60 + sec;
	return 0;
}

/* What may follow a time: nothing, "Z", or "+HH:MM" / "+HHMM" (one
 * blank may come first).  *has says whether a zone was given. */
static int parse_zone(const char *s, size_t len, size_t *i, int *has, int64_t *off)
{
	*has = 0;
	*off = 0;
	if (*i < len && s[*i] == ' ')
		(*i)++;
	if (*i == len)
		return 0;
	*has = 1;
	if (s[*i] == 'Z' || s[*i] == 'z')
		return ++(*i) == len ? 0 : -1;
	if (s[*i] != '+' && s[*i] != '-')
		return -1;
	int neg = s[(*i)++] == '-';
	int h = digits(s, len, i, 2);
	if (*i < len && s[*i] == ':')
		(*i)++;
	int m = digits(s, len, i, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59 || *i != len)
		return -1;
	*off = (neg ? -1 : 1) * ((int64_t)h * 3600 + m * 60);
	return 0;
}

/* "2026-11-23T08:00:00Z" and relatives: 'T' or a blank between date and
 * time, seconds and zone optional.  Without a zone the time is UTC, or
 * local time when local is set. */
static int parse_datetime(const char *s, size_t len, int local, int64_t *t)
{
	size_t i = 0;
	int64_t days, sod, off;
	int has_zone;
	if (parse_ymd(s, len, &i, &days) != 0 || i >= len ||
	    (s[i] != 'T' && s[i] != 't' && s[i] != ' '))
		return -1;
	i++;
	if (parse_clock(s, len, &i, &sod) != 0 || parse_zone(s, len, &i, &has_zone, &off) != 0)
		return -1;
	if (local && !has_zone)
		*t = core_local_to_epoch(days, (int)(sod / 60)) + sod % 60;
	else
		*t = days * DAY_SECS + sod - off;
	return time_ok(*t) ? 0 : -1;
}

/* The instant whose local day is day and whose UTC time of day is sod. */
static int64_t local_day_at(int64_t day, int64_t sod)
{
	static const int tries[3] = {0, -1, 1};
	for (int k = 0; k < 3; k++) {
		int64_t t = (day + tries[k]) * DAY_SECS + sod, d;
		int minute;
		core_local_from_epoch(t, &d, &minute);
		if (d == day)
			return t;
	}
	return day * DAY_SECS + sod;
}

static enum core_status parse_text(const struct core_pcol *c, const char *s, size_t len,
                                   struct core_record *r, struct core_error *err)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f)
			return core_error_set(err, CORE_ERR_INPUT, "text \"%s\" holds control "
			                      "character 0x%02x (byte %zu)", core_utf8_excerpt_n(s, len).s,
			                      b, i + 1);
	}
	if (!core_utf8_valid(s, len))
		return core_error_set(err, CORE_ERR_INPUT, "text \"%s\" is not valid UTF-8",
		                      core_utf8_excerpt_n(s, len).s);
	core_record_set_text(r, c->field, s, len);
	return CORE_OK;
}

static enum core_status parse_map(const struct core_pcol *c, enum core_ftype type,
                                  const char *s, size_t len, struct core_record *r,
                                  struct core_error *err)
{
	struct pair pr, hit = {NULL, NULL, 0, 0};
	int found = 0;
	trim(&s, &len);
	if (len == 0)
		return CORE_OK;
	for (const char *p = c->values; (p = map_next(p, &pr)) != NULL;)
		if (case_eq(pr.val, pr.vlen, s, len) && found++ == 0)
			hit = pr;
	if (found == 0)
		return core_error_set(err, CORE_ERR_INPUT, "\"%s\" is not among the map's "
		                      "values (%s)", core_utf8_excerpt_n(s, len).s, c->values);
	int64_t v;
	if (found > 1)
		return CORE_OK;
	if (type == CORE_FT_TEXT || type == CORE_FT_PHONE)
		core_record_set_text(r, c->field, hit.key, hit.klen);
	else if (parse_int(hit.key, hit.klen, &v) == 0)
		core_record_set_int(r, c->field, v);
	return CORE_OK;
}

static enum core_status parse_real(const struct core_pcol *c, const char *s, size_t len,
                                   struct core_record *r, struct core_error *err)
{
	char buf[64], *end = buf;
	int digit = 0, ok = len < sizeof buf;
	/* strtod alone would also take hex, "inf" and the locale's comma. */
	for (size_t i = 0; ok && i < len; i++) {
		ok = is_digit(s[i]) || (s[i] != '\0' && strchr("+-.eE", s[i]) != NULL);
		digit |= is_digit(s[i]);
		buf[i] = s[i] == '.' ? decimal_point() : s[i];
	}
	double d = 0;
	if (ok && digit) {
		buf[len] = '\0';
		d = strtod(buf, &end);
	}
	if (!ok || !digit || end != buf + len || d - d != 0)
		return bad(err, "number", s, len, "a decimal number, e.g. 12.5");
	core_record_set_real(r, c->field, d);
	return CORE_OK;
}

static enum core_status parse_hhmm(const struct core_pcol *c, const char *s, size_t len,
                                   struct core_record *r, struct core_error *err)
{
	size_t i = len > 0 && s[0] == '-', k = i;
	int64_t h = 0;
	int m = -1;
	while (i < len && is_digit(s[i]) && i - k < 9)
		h = h * 10 + (s[i++] - '0');
	if (i > k && i < len && s[i] == ':') {
		i++;
		m = digits(s, len, &i, 2);
	}
	if (m < 0 || m > 59 || i != len)
		return bad(err, "duration", s, len, "hours and minutes, e.g. 01:30");
	core_record_set_int(r, c->field, (k ? -1 : 1) * (h * 60 + m));
	return CORE_OK;
}

static enum core_status parse_time(const struct core_pcol *c, enum core_ftype type,
                                   const char *s, size_t len, struct core_record *r,
                                   struct core_error *err)
{
	const struct core_value *v = &r->v[c->field];
	int64_t t, days, sod;
	int minute;
	size_t i = 0;
	switch (c->fmt) {
	case CORE_FMT_DATE:
		if (parse_ymd(s, len, &i, &days) != 0 || i != len)
			return bad(err, "date", s, len, "2026-11-23");
		t = type == CORE_FT_DAY ? days
		  : v->null ? core_local_to_epoch(days, 0) : local_day_at(days, sec_of_day(v->i));
		break;
	case CORE_FMT_TIME_UTC:
		if (parse_clock(s, len, &i, &sod) != 0 || i != len)
			return bad(err, "time", s, len, "08:00");
		if (!v->null)
			core_local_from_epoch(v->i, &days, &minute);
		t = v->null ? sod : local_day_at(days, sod);
		break;
	case CORE_FMT_EPOCH_MS:
		if (parse_int(s, len, &t) != 0 || !time_ok(floor_div(t, 1000)))
			return bad(err, "time", s, len, "milliseconds since 1970, e.g. 1795420800000");
		t = floor_div(t, 1000);
		break;
	case CORE_FMT_DATETIME_LOCAL:
		if (parse_datetime(s, len, 1, &t) != 0)
			return bad(err, "date-time", s, len, "2026-11-23 09:00");
		break;
	default:
		if (parse_datetime(s, len, 0, &t) != 0)
			return bad(err, "date-time", s, len,
			           c->fmt == CORE_FMT_DATETIME_UTC_MS ? "2026-11-23T08:00:00.000Z"
			                                              : "2026-11-23T08:00:00Z");
		break;
	}
	core_record_set_int(r, c->field, t);
	return CORE_OK;
}

enum core_status core_profile_parse_cell(const struct core_pcol *c, const char *s,
                                         size_t len, int is_null, struct core_record *r,
                                         struct core_error *err)
{
	size_t nf;
	const struct core_field_def *defs = core_kind_fields(r->kind, &nf);
	if (c->fmt == CORE_FMT_CONST || c->field < 0 || (size_t)c->field >= nf || is_null ||
	    s == NULL)
		return CORE_OK;
	enum core_ftype type = defs[c->field].type;
	if (c->fmt == CORE_FMT_TEXT || c->fmt == CORE_FMT_PHONE || c->fmt == CORE_FMT_MAP) {
		size_t g = core_csv_guard_len(s, len);
		return c->fmt == CORE_FMT_MAP ? parse_map(c, type, s + g, len - g, r, err)
		                              : parse_text(c, s + g, len - g, r, err);
	}
	/* Blanks around a number or date mean nothing; only blanks: no value. */
	trim(&s, &len);
	if (len == 0)
		return CORE_OK;
	int64_t v;
	switch (c->fmt) {
	case CORE_FMT_INT:
		if (parse_int(s, len, &v) != 0 || (type == CORE_FT_BOOL && v != 0 && v != 1))
			return bad(err, "number", s, len,
			           type == CORE_FT_BOOL ? "0 or 1" : "a whole number, e.g. 42");
		core_record_set_int(r, c->field, v);
		return CORE_OK;
	case CORE_FMT_BOOL01:
		if (len != 1 || (s[0] != '0' && s[0] != '1'))
			return bad(err, "yes/no", s, len, "0 or 1");
		core_record_set_int(r, c->field, s[0] == '1');
		return CORE_OK;
	case CORE_FMT_REAL:
		return parse_real(c, s, len, r, err);
	case CORE_FMT_HHMM:
		return parse_hhmm(c, s, len, r, err);
	default:
		return parse_time(c, type, s, len, r, err);
	}
}
