/* The iCalendar writer (core/ics.h).  Lines are built straight into the
 * output block, a run of plain ASCII or one character at a time, so
 * folding is decided as the text arrives: no line buffer, no second pass,
 * no allocation. */
#include "core/ics.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/domain.h"
#include "core/utf8.h"

#define ICS_BLOCK 65536
/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds. */
#define ICS_TIME_MIN INT64_C(-62135596800)
#define ICS_TIME_MAX INT64_C(253402300799)
/* A key to look up (battlefield, form, status) is never longer. */
#define ICS_KEY_MAX 32

struct core_ics {
	FILE *f;
	char *name;
	char *uid_domain;
	char *version;
	char *calname;          /* NULL: none */
	int64_t dtstamp;
	int failed;             /* sticky: a write failed */
	int err_no;             /* its errno */
	unsigned long long bytes;
	size_t len;             /* bytes waiting in buf */
	size_t col;             /* octets on the line being written */
	char buf[ICS_BLOCK];
};

static char *ics_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

struct core_ics *core_ics_new(FILE *f, const char *name, const struct core_ics_opts *o)
{
	struct core_ics *w = malloc(sizeof *w);
	if (w == NULL)
		return NULL;
	w->f = f;
	w->name = ics_strdup(name != NULL ? name : "calendar");
	w->uid_domain = ics_strdup(o->uid_domain != NULL ? o->uid_domain : "");
	w->version = ics_strdup(o->version != NULL ? o->version : "0");
	w->calname = o->calname != NULL ? ics_strdup(o->calname) : NULL;
	w->dtstamp = o->dtstamp;
	w->failed = 0;
	w->err_no = 0;
	w->bytes = 0;
	w->len = 0;
	w->col = 0;
	if (w->name == NULL || w->uid_domain == NULL || w->version == NULL ||
	    (o->calname != NULL && w->calname == NULL)) {
		core_ics_free(w);
		return NULL;
	}
	return w;
}

void core_ics_free(struct core_ics *w)
{
	if (w == NULL)
		return;
	free(w->name);
	free(w->uid_domain);
	free(w->version);
	free(w->calname);
	free(w);
}

unsigned long long core_ics_bytes(const struct core_ics *w)
{
	return w->bytes;
}

static void ics_flush(struct core_ics *w)
{
	if (w->failed || w->len == 0) {
		w->len = 0;
		return;
	}
	errno = 0;
	size_t put = fwrite(w->buf, 1, w->len, w->f);
	w->bytes += put;
	if (put != w->len) {
		w->failed = 1;
		w->err_no = errno != 0 ? errno : EIO;
	}
	w->len = 0;
}

/* n is small: at most a line. */
static void ics_put(struct core_ics *w, const char *s, size_t n)
{
	if (n > sizeof w->buf - w->len)
		ics_flush(w);
	if (w->failed)
		return;
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

/* One unit that must not be split: a character or an escape.  When it
 * does not fit on the line, the line is folded before it; the space that
 * starts the continuation counts. */
static void ics_unit(struct core_ics *w, const char *s, size_t n)
{
	if (w->col + n > CORE_ICS_LINE_MAX) {
		ics_put(w, "\r\n ", 3);
		w->col = 1;
	}
	ics_put(w, s, n);
	w->col += n;
}

/* A printable ASCII byte that goes out as it is. */
static int ics_plain(unsigned char c, int escape)
{
	return c >= 0x20 && c < 0x7F && !(escape && (c == '\\' || c == ';' || c == ','));
}

/* A value's bytes.  escape: as a TEXT. */
static void ics_value(struct core_ics *w, const char *s, size_t n, int escape)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (ics_plain(c, escape)) {
			/* Most text is plain: a run of it at once, as much as the
			 * line has room for. */
			if (w->col >= CORE_ICS_LINE_MAX) {
				ics_put(w, "\r\n ", 3);
				w->col = 1;
			}
			size_t room = CORE_ICS_LINE_MAX - w->col, j = i + 1;
			while (j < n && j - i < room && ics_plain((unsigned char)s[j], escape))
				j++;
			ics_put(w, s + i, j - i);
			w->col += j - i;
			i = j;
			continue;
		}
		if (c >= 0x80) {
			uint32_t cp;
			size_t len = core_utf8_decode(s + i, n - i, &cp);
			if (cp == CORE_UTF8_BAD)
				ics_unit(w, "\xEF\xBF\xBD", 3); /* U+FFFD */
			else
				ics_unit(w, s + i, len);
			i += len;
			continue;
		}
		i++;
		if (escape && (c == '\\' || c == ';' || c == ',')) {
			char esc[2] = { '\\', (char)c };
			ics_unit(w, esc, 2);
		} else if (c == '\n') {
			/* Even a raw value cannot hold a line break. */
			ics_unit(w, "\\n", 2);
		} else if (c == '\t') {
			ics_unit(w, "\t", 1);
		}
		/* CR, NUL and the other controls have no place in a value. */
	}
}

static void ics_line_start(struct core_ics *w, const char *name)
{
	w->col = 0;
	ics_value(w, name, strlen(name), 0);
	ics_unit(w, ":", 1);
}

static void ics_line_end(struct core_ics *w)
{
	ics_put(w, "\r\n", 2);
	w->col = 0;
}

void core_ics_text(struct core_ics *w, const char *name, const char *s, size_t n)
{
	ics_line_start(w, name);
	ics_value(w, s, n, 1);
	ics_line_end(w);
}

void core_ics_raw(struct core_ics *w, const char *name, const char *s, size_t n)
{
	ics_line_start(w, name);
	ics_value(w, s, n, 0);
	ics_line_end(w);
}

static void ics_cstr(struct core_ics *w, const char *name, const char *s)
{
	core_ics_raw(w, name, s, strlen(s));
}

int core_ics_format_utc(int64_t t, char *out)
{
	if (t < ICS_TIME_MIN || t > ICS_TIME_MAX)
		return -1;
	/* Floor division: a time before 1970 still falls on its own day. */
	int64_t days = t / 86400;
	int64_t sec = t % 86400;
	if (sec < 0) {
		sec += 86400;
		days--;
	}
	struct core_date d = core_date_from_days(days);
	snprintf(out, CORE_ICS_UTC_LEN + 1, "%04d%02d%02dT%02d%02d%02dZ", d.year,
	         d.month, d.day, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
	return 0;
}

void core_ics_begin(struct core_ics *w)
{
	ics_cstr(w, "BEGIN", "VCALENDAR");
	ics_cstr(w, "VERSION", "2.0");
	/* The version is the caller's text: escape it like any other. */
	ics_line_start(w, "PRODID");
	ics_value(w, "-//pipebench//pipebench ", 24, 0);
	ics_value(w, w->version, strlen(w->version), 1);
	ics_value(w, "//EN", 4, 0);
	ics_line_end(w);
	ics_cstr(w, "CALSCALE", "GREGORIAN");
	ics_cstr(w, "METHOD", "PUBLISH");
	if (w->calname != NULL)
		core_ics_text(w, "X-WR-CALNAME", w->calname, strlen(w->calname));
}

void core_ics_end(struct core_ics *w)
{
	ics_cstr(w, "END", "VCALENDAR");
}

/* The field as a NUL-terminated key in buf, or NULL when it is null,
 * empty, too long or holds a NUL: nothing a vocabulary could name. */
static const char *ics_key(const struct core_value *v, char *buf)
{
	if (v->null || v->s == NULL || v->len == 0 || v->len >= ICS_KEY_MAX ||
	    memchr(v->s, '\0', v->len) != NULL)
		return NULL;
	memcpy(buf, v->s, v->len);
	buf[v->len] = '\0';
	return buf;
}

static int ics_has_text(const struct core_value *v)
{
	return !v->null && v->s != NULL && v->len > 0;
}

static void ics_field_text(struct core_ics *w, const char *name, const struct core_value *v)
{
	if (ics_has_text(v))
		core_ics_text(w, name, v->s, v->len);
}

/* Times of one event, checked before anything of it is written. */
struct ics_times {
	char stamp[CORE_ICS_UTC_LEN + 1];
	char start[CORE_ICS_UTC_LEN + 1];
	char end[CORE_ICS_UTC_LEN + 1];     /* "": no DTEND */
	char modified[CORE_ICS_UTC_LEN + 1];/* "": no LAST-MODIFIED */
	int64_t sequence;
};

static enum core_status ics_time_fail(int64_t id, const char *what, int64_t t,
                                      struct core_error *err)
{
	return core_error_set(err, CORE_ERR_INPUT,
	                      "meeting %" PRId64 ": %s (%" PRId64 ") is outside the "
	                      "years 1 to 9999", id, what, t);
}

static enum core_status ics_times_make(const struct core_ics *w, int64_t id,
                                       const struct core_value *v,
                                       struct ics_times *t, struct core_error *err)
{
	const struct core_value *start = &v[CORE_MF_STARTS_AT];
	const struct core_value *ends = &v[CORE_MF_ENDS_AT];
	const struct core_value *dur = &v[CORE_MF_DURATION];
	const struct core_value *created = &v[CORE_MF_CREATED_AT];
	const struct core_value *updated = &v[CORE_MF_UPDATED_AT];

	if (core_ics_format_utc(w->dtstamp, t->stamp) != 0)
		return ics_time_fail(id, "the export's time", w->dtstamp, err);
	if (start->null)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "meeting %" PRId64 ": no start time", id);
	if (core_ics_format_utc(start->i, t->start) != 0)
		return ics_time_fail(id, "its start", start->i, err);

	/* With the start checked and at most a year of minutes, the sum
	 * cannot overflow. */
	int64_t end = start->i;
	if (!ends->null)
		end = ends->i;
	else if (!dur->null && dur->i > 0 && dur->i <= 366 * 1440)
		end = start->i + dur->i * 60;
	t->end[0] = '\0';
	/* An end not after the start is no end (RFC 5545 3.6.1): the event
	 * then takes no time, which a calendar shows rather than refuses. */
	if (end > start->i && core_ics_format_utc(end, t->end) != 0)
		return ics_time_fail(id, "its end", end, err);

	t->modified[0] = '\0';
	if (!updated->null && core_ics_format_utc(updated->i, t->modified) != 0)
		return ics_time_fail(id, "its last change", updated->i, err);
	t->sequence = 0;
	if (!updated->null && !created->null && updated->i > created->i) {
		int64_t d = updated->i - created->i;
		t->sequence = d > INT32_MAX ? INT32_MAX : d;
	}
	return CORE_OK;
}

enum core_status core_ics_meeting(struct core_ics *w, const struct core_record *r,
                                  struct core_error *err)
{
	if (w->failed)
		return core_error_set(err, CORE_ERR_IO, "%s: write failed: %s", w->name,
		                      strerror(w->err_no));
	if (r->kind != CORE_KIND_MEETINGS)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: only meetings become events", w->name);
	const struct core_value *v = r->v;
	if (v[CORE_MF_ID].null)
		return core_error_set(err, CORE_ERR_INPUT, "%s: a meeting without an id",
		                      w->name);
	int64_t id = v[CORE_MF_ID].i;
	struct ics_times t;
	enum core_status st = ics_times_make(w, id, v, &t, err);
	if (st != CORE_OK)
		return st;

	char key[ICS_KEY_MAX];
	char num[32];
	ics_cstr(w, "BEGIN", "VEVENT");
	ics_line_start(w, "UID");
	int n = snprintf(num, sizeof num, "pipebench-meeting-%" PRId64 "@", id);
	ics_value(w, num, (size_t)n, 1);
	ics_value(w, w->uid_domain, strlen(w->uid_domain), 1);
	ics_line_end(w);
	ics_cstr(w, "DTSTAMP", t.stamp);
	ics_cstr(w, "DTSTART", t.start);
	if (t.end[0] != '\0')
		ics_cstr(w, "DTEND", t.end);
	ics_field_text(w, "SUMMARY", &v[CORE_MF_TITLE]);
	ics_field_text(w, "DESCRIPTION", &v[CORE_MF_DESCRIPTION]);
	ics_field_text(w, "LOCATION", &v[CORE_MF_LOCATION]);

	enum core_mstatus ms;
	const char *k = ics_key(&v[CORE_MF_STATUS], key);
	if (k != NULL && core_mstatus_parse(k, &ms) == 0)
		ics_cstr(w, "STATUS", ms == CORE_MS_CANCELLED ? "CANCELLED" : "CONFIRMED");

	enum core_battlefield bf;
	k = ics_key(&v[CORE_MF_BATTLEFIELD], key);
	if (k != NULL && core_battlefield_parse(k, &bf) == 0) {
		const char *label = core_battlefield_label(bf);
		core_ics_text(w, "CATEGORIES", label, strlen(label));
		ics_cstr(w, "X-PIPEBENCH-BATTLEFIELD", core_battlefield_key(bf));
	}
	/* Types are the team's own matrix rows: nothing here can check one. */
	ics_field_text(w, "X-PIPEBENCH-TYPE", &v[CORE_MF_TYPE]);
	enum core_form form;
	k = ics_key(&v[CORE_MF_FORM], key);
	if (k != NULL && core_form_parse(k, &form) == 0)
		ics_cstr(w, "X-PIPEBENCH-CONTACT-FORM", core_form_key(form));

	if (t.modified[0] != '\0')
		ics_cstr(w, "LAST-MODIFIED", t.modified);
	n = snprintf(num, sizeof num, "%" PRId64, t.sequence);
	core_ics_raw(w, "SEQUENCE", num, (size_t)n);
	ics_cstr(w, "END", "VEVENT");
	if (w->failed)
		return core_error_set(err, CORE_ERR_IO, "%s: write failed: %s", w->name,
		                      strerror(w->err_no));
	return CORE_OK;
}

enum core_status core_ics_finish(struct core_ics *w, struct core_error *err)
{
	ics_flush(w);
	if (!w->failed) {
		errno = 0;
		if (fflush(w->f) != 0 || ferror(w->f)) {
			w->failed = 1;
			w->err_no = errno != 0 ? errno : EIO;
		}
	}
	if (w->failed)
		return core_error_set(err, CORE_ERR_IO, "%s: write failed: %s", w->name,
		                      strerror(w->err_no));
	return CORE_OK;
}
