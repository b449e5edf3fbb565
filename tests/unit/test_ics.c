/* The iCalendar writer (core/ics.h): one event byte for byte, folding at
 * every offset through multi-byte characters and escapes, the status and
 * vocabulary mapping, UTC whatever the TZ, bad data and a full disk. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/ics.h"
#include "core/record.h"
#include "core/utf8.h"

#define DOMAIN "0123456789abcdef0123456789abcdef"
#define T_STAMP INT64_C(1795168800)   /* 2026-11-20 10:00:00Z */
#define T_START INT64_C(1795420800)   /* 2026-11-23 08:00:00Z, a Monday */
#define T_CREATED INT64_C(1793523600) /* 2026-11-01 09:00:00Z */
#define T_UPDATED INT64_C(1795262400) /* 2026-11-21 12:00:00Z */

/* ---- building records without the database ---- */

static void rec_init(struct core_record *r)
{
	memset(r, 0, sizeof *r);
	r->kind = CORE_KIND_MEETINGS;
	for (size_t i = 0; i < CORE_RECORD_MAX; i++)
		r->v[i].null = 1;
}

static void rec_textn(struct core_record *r, int f, const char *s, size_t n)
{
	r->v[f].null = 0;
	r->v[f].s = s;
	r->v[f].len = n;
}

static void rec_text(struct core_record *r, int f, const char *s)
{
	rec_textn(r, f, s, strlen(s));
}

static void rec_int(struct core_record *r, int f, int64_t i)
{
	r->v[f].null = 0;
	r->v[f].i = i;
}

/* A meeting with everything but the description. */
static void rec_meeting(struct core_record *r, int64_t id, int64_t start)
{
	rec_init(r);
	rec_int(r, CORE_MF_ID, id);
	rec_int(r, CORE_MF_STARTS_AT, start);
	rec_int(r, CORE_MF_ENDS_AT, start + 90 * 60);
	rec_int(r, CORE_MF_DURATION, 90);
	rec_text(r, CORE_MF_TITLE, "Negotiation · Fjordkraft AS, Ærø; Åbenrå");
	rec_text(r, CORE_MF_LOCATION, "Aarhus, Østjylland");
	rec_text(r, CORE_MF_STATUS, "cancelled");
	rec_text(r, CORE_MF_BATTLEFIELD, "upsell");
	rec_text(r, CORE_MF_TYPE, "negotiation");
	rec_text(r, CORE_MF_FORM, "hybrid");
	rec_int(r, CORE_MF_CREATED_AT, T_CREATED);
	rec_int(r, CORE_MF_UPDATED_AT, T_UPDATED);
}

static const struct core_ics_opts opts = {
	.uid_domain = DOMAIN,
	.version = "1.2.3",
	.calname = "pipebench · Mette Sørensen",
	.dtstamp = T_STAMP,
};

/* ---- rendering into memory ---- */

static char *slurp(FILE *f, size_t *len)
{
	long end = ftell(f);
	assert_true(end >= 0);
	rewind(f);
	char *buf = malloc((size_t)end + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)end, f), (size_t)end);
	buf[end] = '\0';
	*len = (size_t)end;
	return buf;
}

/* The calendar of n records; every one must be accepted.  Malloc'd. */
static char *render(const struct core_ics_opts *o, const struct core_record *r,
                    size_t n, size_t *len)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	struct core_ics *w = core_ics_new(f, "test.ics", o);
	assert_non_null(w);
	struct core_error err = { CORE_OK, "" };
	core_ics_begin(w);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(core_ics_meeting(w, &r[i], &err), CORE_OK);
	core_ics_end(w);
	assert_int_equal(core_ics_finish(w, &err), CORE_OK);
	char *out = slurp(f, len);
	assert_int_equal(core_ics_bytes(w), *len);
	core_ics_free(w);
	fclose(f);
	return out;
}

/* RFC 5545's shape of every physical line: CRLF, no other CR or LF, at
 * most 75 octets, each one whole UTF-8. */
static void check_lines(const char *s, size_t n)
{
	size_t i = 0, lines = 0;
	while (i < n) {
		const char *eol = memchr(s + i, '\n', n - i);
		assert_non_null(eol);
		size_t end = (size_t)(eol - s);
		assert_true(end > i && s[end - 1] == '\r');
		size_t len = end - 1 - i;
		if (len > CORE_ICS_LINE_MAX)
			fail_msg("line %zu is %zu octets: %.*s", lines + 1, len, (int)len, s + i);
		assert_null(memchr(s + i, '\r', len));
		assert_true(core_utf8_valid(s + i, len));
		i = end + 1;
		lines++;
	}
	assert_true(lines > 0);
}

/* The value of the first property called name, unfolded (RFC 5545 3.1:
 * remove every CRLF followed by one space).  Malloc'd; NULL: no such
 * property. */
static char *unfold_value(const char *s, const char *name)
{
	size_t nl = strlen(name);
	const char *p = s;
	for (;;) {
		if (strncmp(p, name, nl) == 0 && p[nl] == ':')
			break;
		p = strstr(p, "\r\n");
		if (p == NULL)
			return NULL;
		p += 2;
		if (*p == '\0')
			return NULL;
	}
	p += nl + 1;
	char *out = malloc(strlen(p) + 1);
	assert_non_null(out);
	size_t o = 0;
	for (;;) {
		if (p[0] == '\r' && p[1] == '\n') {
			if (p[2] != ' ')
				break;
			p += 3;
			continue;
		}
		assert_true(*p != '\0');
		out[o++] = *p++;
	}
	out[o] = '\0';
	return out;
}

/* RFC 5545's TEXT escape, as plainly as it reads there: the reference the
 * writer is checked against.  Malloc'd. */
static char *escape_text(const char *s, size_t n)
{
	char *out = malloc(2 * n + 1);
	assert_non_null(out);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' || c == ';' || c == ',') {
			out[o++] = '\\';
			out[o++] = c;
		} else if (c == '\n') {
			out[o++] = '\\';
			out[o++] = 'n';
		} else if (c != '\r') {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	return out;
}

/* ---- the tests ---- */

/* The folds below land where a byte count alone would split ☎ (3 octets,
 * line of 73), æ (2 octets, 74) and the escape "\," (74). */
static const char description[] =
	"Summary:\nAftalte: 120.000 kr; levering i uge 49 før jul, ☎ først. "
	"Kunden ønsker nu en ændring af kontrakten, og at priserne ændres i "
	"2027.\nAgreed:\nTilbud til Jens Åge og Åse Ødegård (salget), pris ≤ "
	"119.000\\mdr.\r\n\n[pipebench id=42 battlefield=upsell type=negotiation "
	"form=hybrid dim=delivery complexity=medium sale=solution status=cancelled]";

static const char expected_event[] =
	"BEGIN:VCALENDAR\r\n"
	"VERSION:2.0\r\n"
	"PRODID:-//pipebench//pipebench 1.2.3//EN\r\n"
	"CALSCALE:GREGORIAN\r\n"
	"METHOD:PUBLISH\r\n"
	"X-WR-CALNAME:pipebench · Mette Sørensen\r\n"
	"BEGIN:VEVENT\r\n"
	"UID:pipebench-meeting-42@0123456789abcdef0123456789abcdef\r\n"
	"DTSTAMP:20261120T100000Z\r\n"
	"DTSTART:20261123T080000Z\r\n"
	"DTEND:20261123T093000Z\r\n"
	"SUMMARY:Negotiation · Fjordkraft AS\\, Ærø\\; Åbenrå\r\n"
	"DESCRIPTION:Summary:\\nAftalte: 120.000 kr\\; levering i uge 49 før jul\\, \r\n"
	" ☎ først. Kunden ønsker nu en ændring af kontrakten\\, og at priserne \r\n"
	" ændres i 2027.\\nAgreed:\\nTilbud til Jens Åge og Åse Ødegård (salget)\r\n"
	" \\, pris ≤ 119.000\\\\mdr.\\n\\n[pipebench id=42 battlefield=upsell type=nego\r\n"
	" tiation form=hybrid dim=delivery complexity=medium sale=solution status=ca\r\n"
	" ncelled]\r\n"
	"LOCATION:Aarhus\\, Østjylland\r\n"
	"STATUS:CANCELLED\r\n"
	"CATEGORIES:Upsell\r\n"
	"X-PIPEBENCH-BATTLEFIELD:upsell\r\n"
	"X-PIPEBENCH-TYPE:negotiation\r\n"
	"X-PIPEBENCH-CONTACT-FORM:hybrid\r\n"
	"LAST-MODIFIED:20261121T120000Z\r\n"
	"SEQUENCE:1738800\r\n"
	"END:VEVENT\r\n"
	"END:VCALENDAR\r\n";

static void test_event_exact(void **state)
{
	(void)state;
	struct core_record r;
	rec_meeting(&r, 42, T_START);
	rec_text(&r, CORE_MF_DESCRIPTION, description);
	size_t len;
	char *out = render(&opts, &r, 1, &len);
	if (len != sizeof expected_event - 1 || memcmp(out, expected_event, len) != 0)
		fail_msg("got:\n%s\nexpected:\n%s", out, expected_event);
	check_lines(out, len);

	/* The folded lines are as short as the characters make them. */
	assert_non_null(strstr(out, "før jul\\, \r\n ☎"));
	assert_non_null(strstr(out, "priserne \r\n ændres"));
	assert_non_null(strstr(out, "(salget)\r\n \\, pris"));

	char *desc = unfold_value(out, "DESCRIPTION");
	char *want = escape_text(description, sizeof description - 1);
	assert_string_equal(desc, want);
	assert_null(strstr(desc, "\r"));
	free(desc);
	free(want);
	free(out);
}

/* The same meeting exported again later, and another database's meeting
 * with the same id. */
static void test_uid_stable(void **state)
{
	(void)state;
	struct core_record r;
	rec_meeting(&r, 7, T_START);
	size_t len;
	char *a = render(&opts, &r, 1, &len);
	struct core_ics_opts later = opts;
	later.dtstamp = T_STAMP + 86400 * 30;
	char *b = render(&later, &r, 1, &len);
	struct core_ics_opts other = opts;
	other.uid_domain = "fedcba9876543210fedcba9876543210";
	char *c = render(&other, &r, 1, &len);

	char *ua = unfold_value(a, "UID"), *ub = unfold_value(b, "UID"),
	     *uc = unfold_value(c, "UID");
	assert_string_equal(ua, "pipebench-meeting-7@" DOMAIN);
	assert_string_equal(ub, ua);
	assert_string_equal(uc, "pipebench-meeting-7@fedcba9876543210fedcba9876543210");
	char *sb = unfold_value(b, "DTSTAMP");
	assert_string_equal(sb, "20261220T100000Z");
	free(ua); free(ub); free(uc); free(sb);
	free(a); free(b); free(c);
}

/* Every offset of a run of 1-, 2-, 3- and 4-octet characters and escapes
 * against the fold: no line too long, none split inside a character,
 * ASCII lines filled to the last octet, and unfolding gives the escaped
 * text back exactly. */
static void test_fold_every_offset(void **state)
{
	(void)state;
	static const char unit[] = "æø☎😀,;\\\nå a";
	char text[512];
	for (size_t shift = 0; shift < 90; shift++) {
		size_t n = 0;
		memset(text, 'x', shift);
		n = shift;
		for (int k = 0; k < 8; k++) {
			memcpy(text + n, unit, sizeof unit - 1);
			n += sizeof unit - 1;
		}
		struct core_record r;
		rec_meeting(&r, 1, T_START);
		rec_textn(&r, CORE_MF_DESCRIPTION, text, n);
		size_t len;
		char *out = render(&opts, &r, 1, &len);
		check_lines(out, len);
		char *got = unfold_value(out, "DESCRIPTION");
		char *want = escape_text(text, n);
		assert_string_equal(got, want);
		free(got);
		free(want);
		free(out);
	}

	/* Plain ASCII: 75, then 1 + 74 per continuation. */
	char ascii[300];
	memset(ascii, 'a', sizeof ascii);
	struct core_record r;
	rec_meeting(&r, 1, T_START);
	rec_textn(&r, CORE_MF_DESCRIPTION, ascii, sizeof ascii);
	size_t len;
	char *out = render(&opts, &r, 1, &len);
	char *p = strstr(out, "DESCRIPTION:");
	assert_non_null(p);
	size_t total = 0, lines = 0;
	for (;;) {
		char *eol = strstr(p, "\r\n");
		size_t l = (size_t)(eol - p);
		total += l - (lines > 0);
		lines++;
		if (eol[2] != ' ')
			break;
		assert_int_equal(l, CORE_ICS_LINE_MAX);
		p = eol + 2;
	}
	assert_int_equal(total, strlen("DESCRIPTION:") + sizeof ascii);
	assert_int_equal(lines, 5); /* 12 + 300 = 312 = 75 + 3 * 74 + 15 */
	free(out);
}

static void expect_line(const char *out, const char *line, int present)
{
	char want[128];
	snprintf(want, sizeof want, "\r\n%s\r\n", line);
	if ((strstr(out, want) != NULL) != present)
		fail_msg("%s [%s] in:\n%s", present ? "no" : "unexpected", line, out);
}

static void test_status_and_vocabularies(void **state)
{
	(void)state;
	static const struct {
		const char *status, *line;
	} cases[] = {
		{ "planned", "STATUS:CONFIRMED" },
		{ "held", "STATUS:CONFIRMED" },
		{ "cancelled", "STATUS:CANCELLED" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct core_record r;
		rec_meeting(&r, 3, T_START);
		rec_text(&r, CORE_MF_STATUS, cases[i].status);
		size_t len;
		char *out = render(&opts, &r, 1, &len);
		expect_line(out, cases[i].line, 1);
		expect_line(out, "STATUS:TENTATIVE", 0);
		free(out);
	}

	/* Each battlefield's label; the form's key. */
	static const char *const bf[][2] = {
		{ "resale", "CATEGORIES:Re-sale" },
		{ "upsell", "CATEGORIES:Upsell" },
		{ "new", "CATEGORIES:New" },
	};
	for (size_t i = 0; i < 3; i++) {
		struct core_record r;
		rec_meeting(&r, 3, T_START);
		rec_text(&r, CORE_MF_BATTLEFIELD, bf[i][0]);
		rec_text(&r, CORE_MF_FORM, "phone");
		size_t len;
		char *out = render(&opts, &r, 1, &len);
		expect_line(out, bf[i][1], 1);
		char xbf[64];
		snprintf(xbf, sizeof xbf, "X-PIPEBENCH-BATTLEFIELD:%s", bf[i][0]);
		expect_line(out, xbf, 1);
		expect_line(out, "X-PIPEBENCH-CONTACT-FORM:phone", 1);
		free(out);
	}

	/* What the database should never hold is left out, not guessed; a
	 * key followed by a NUL is not the key. */
	struct core_record r;
	rec_meeting(&r, 3, T_START);
	rec_text(&r, CORE_MF_STATUS, "postponed");
	rec_textn(&r, CORE_MF_BATTLEFIELD, "new\0x", 5);
	rec_text(&r, CORE_MF_FORM, "carrier pigeon");
	rec_text(&r, CORE_MF_TYPE, "team, own; type");
	rec_text(&r, CORE_MF_TITLE, "");
	r.v[CORE_MF_LOCATION].null = 1;
	size_t len;
	char *out = render(&opts, &r, 1, &len);
	check_lines(out, len);
	assert_null(strstr(out, "STATUS:"));
	assert_null(strstr(out, "CATEGORIES:"));
	assert_null(strstr(out, "X-PIPEBENCH-BATTLEFIELD:"));
	assert_null(strstr(out, "X-PIPEBENCH-CONTACT-FORM:"));
	assert_null(strstr(out, "SUMMARY:"));
	assert_null(strstr(out, "LOCATION:"));
	expect_line(out, "X-PIPEBENCH-TYPE:team\\, own\\; type", 1);
	free(out);
}

/* UTC in, UTC out: the same bytes under any TZ, summer or winter. */
static void test_utc_whatever_tz(void **state)
{
	(void)state;
	struct core_record r[2];
	rec_meeting(&r[0], 1, INT64_C(1782887400)); /* 2026-07-01 06:30Z, CEST */
	rec_meeting(&r[1], 2, T_START);             /* 2026-11-23 08:00Z, CET */
	const char *old = getenv("TZ");
	char saved[64] = "";
	if (old != NULL)
		snprintf(saved, sizeof saved, "%s", old);

	setenv("TZ", "UTC", 1);
	tzset();
	size_t la, lb;
	char *a = render(&opts, r, 2, &la);
	setenv("TZ", "Europe/Copenhagen", 1);
	tzset();
	char *b = render(&opts, r, 2, &lb);
	setenv("TZ", "America/St_Johns", 1); /* -03:30 / -02:30 */
	tzset();
	size_t lc;
	char *c = render(&opts, r, 2, &lc);
	if (old != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();

	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	assert_int_equal(la, lc);
	assert_memory_equal(a, c, la);
	expect_line(a, "DTSTART:20260701T063000Z", 1);
	expect_line(a, "DTEND:20260701T080000Z", 1);
	expect_line(a, "DTSTART:20261123T080000Z", 1);
	free(a);
	free(b);
	free(c);

	char buf[CORE_ICS_UTC_LEN + 1] = "untouched";
	assert_int_equal(core_ics_format_utc(0, buf), 0);
	assert_string_equal(buf, "19700101T000000Z");
	assert_int_equal(core_ics_format_utc(-1, buf), 0);
	assert_string_equal(buf, "19691231T235959Z");
	assert_int_equal(core_ics_format_utc(INT64_C(951782400), buf), 0);
	assert_string_equal(buf, "20000229T000000Z");
	assert_int_equal(core_ics_format_utc(INT64_C(-62135596800), buf), 0);
	assert_string_equal(buf, "00010101T000000Z");
	assert_int_equal(core_ics_format_utc(INT64_C(253402300799), buf), 0);
	assert_string_equal(buf, "99991231T235959Z");
	assert_int_equal(core_ics_format_utc(INT64_C(253402300800), buf), -1);
	assert_int_equal(core_ics_format_utc(INT64_C(-62135596801), buf), -1);
	assert_int_equal(core_ics_format_utc(INT64_MIN, buf), -1);
	assert_string_equal(buf, "99991231T235959Z");
}

static void test_end_and_sequence(void **state)
{
	(void)state;
	struct core_record r;
	size_t len;

	/* No end: the start plus the duration. */
	rec_meeting(&r, 5, T_START);
	r.v[CORE_MF_ENDS_AT].null = 1;
	rec_int(&r, CORE_MF_DURATION, 45);
	char *out = render(&opts, &r, 1, &len);
	expect_line(out, "DTEND:20261123T084500Z", 1);
	expect_line(out, "SEQUENCE:1738800", 1);
	free(out);

	/* An end not after the start, and no duration: no DTEND at all.
	 * Without a creation time there is nothing to count from. */
	rec_meeting(&r, 5, T_START);
	rec_int(&r, CORE_MF_ENDS_AT, T_START);
	r.v[CORE_MF_DURATION].null = 1;
	r.v[CORE_MF_CREATED_AT].null = 1;
	out = render(&opts, &r, 1, &len);
	assert_null(strstr(out, "DTEND"));
	expect_line(out, "SEQUENCE:0", 1);
	expect_line(out, "LAST-MODIFIED:20261121T120000Z", 1);
	free(out);

	/* A change dated before the creation counts nothing; a very old
	 * meeting's count stops at the largest an INTEGER holds. */
	rec_meeting(&r, 5, T_START);
	rec_int(&r, CORE_MF_UPDATED_AT, T_CREATED - 10);
	out = render(&opts, &r, 1, &len);
	expect_line(out, "SEQUENCE:0", 1);
	free(out);
	rec_meeting(&r, 5, T_START);
	rec_int(&r, CORE_MF_CREATED_AT, 0);
	rec_int(&r, CORE_MF_UPDATED_AT, INT64_C(4000000000));
	out = render(&opts, &r, 1, &len);
	expect_line(out, "SEQUENCE:2147483647", 1);
	expect_line(out, "LAST-MODIFIED:20961002T070640Z", 1);
	free(out);

	/* No update time: no LAST-MODIFIED. */
	rec_meeting(&r, 5, T_START);
	r.v[CORE_MF_UPDATED_AT].null = 1;
	out = render(&opts, &r, 1, &len);
	assert_null(strstr(out, "LAST-MODIFIED"));
	expect_line(out, "SEQUENCE:0", 1);
	free(out);
}

/* Control characters go, CRLF is one newline, a byte that is not UTF-8
 * becomes U+FFFD (one per maximal subpart), and a NUL inside the text
 * does not end it. */
static void test_controls_and_bad_utf8(void **state)
{
	(void)state;
	static const char text[] = "a\r\nb\x01" "c\td\x7f" "e\0f\xff" "g\xe2\x98" "h\xc3";
	struct core_record r;
	rec_meeting(&r, 9, T_START);
	rec_textn(&r, CORE_MF_DESCRIPTION, text, sizeof text - 1);
	size_t len;
	char *out = render(&opts, &r, 1, &len);
	check_lines(out, len);
	char *got = unfold_value(out, "DESCRIPTION");
	assert_string_equal(got, "a\\nbc\tdef\xEF\xBF\xBDg\xEF\xBF\xBDh\xEF\xBF\xBD");
	free(got);
	free(out);
}

static void test_bad_records(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	assert_non_null(f);
	struct core_ics *w = core_ics_new(f, "bad.ics", &opts);
	assert_non_null(w);
	struct core_error err = { CORE_OK, "" };
	core_ics_begin(w);
	assert_int_equal(core_ics_finish(w, &err), CORE_OK);
	unsigned long long head = core_ics_bytes(w);

	struct core_record r;
	rec_meeting(&r, 77, T_START);
	r.v[CORE_MF_STARTS_AT].null = 1;
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "meeting 77: no start time");

	rec_meeting(&r, 78, INT64_C(253402300800));
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "meeting 78: its start (253402300800) is "
	                                "outside the years 1 to 9999"));

	rec_meeting(&r, 79, T_START);
	rec_int(&r, CORE_MF_UPDATED_AT, INT64_MAX);
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "meeting 79: its last change"));

	rec_meeting(&r, 80, T_START);
	r.v[CORE_MF_ID].null = 1;
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "bad.ics: a meeting without an id");

	rec_meeting(&r, 81, T_START);
	r.kind = CORE_KIND_ACCOUNTS;
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "only meetings"));

	/* Nothing of a refused meeting was written. */
	assert_int_equal(core_ics_finish(w, &err), CORE_OK);
	assert_int_equal(core_ics_bytes(w), head);
	core_ics_free(w);
	fclose(f);

	/* An export time out of range is refused per meeting too. */
	struct core_ics_opts o = opts;
	o.dtstamp = INT64_C(-70000000000);
	f = tmpfile();
	assert_non_null(f);
	w = core_ics_new(f, "bad.ics", &o);
	rec_meeting(&r, 82, T_START);
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "meeting 82: the export's time"));
	core_ics_free(w);
	fclose(f);
}

/* A full disk: the meeting that crosses the block says so, later ones
 * write nothing, finish reports it naming the file. */
static void test_write_error_sticky(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/full", "w");
	if (f == NULL)
		skip();
	struct core_ics *w = core_ics_new(f, "full.ics", &opts);
	assert_non_null(w);
	struct core_error err = { CORE_OK, "" };
	core_ics_begin(w);
	struct core_record r;
	rec_meeting(&r, 1, T_START);
	rec_text(&r, CORE_MF_DESCRIPTION, description);
	enum core_status st = CORE_OK;
	int i;
	for (i = 0; i < 10000 && st == CORE_OK; i++)
		st = core_ics_meeting(w, &r, &err);
	assert_int_equal(st, CORE_ERR_IO);
	assert_true(i > 10); /* not before a block was full */
	assert_string_equal(err.msg, "full.ics: write failed: No space left on device");
	core_error_clear(&err);
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_ERR_IO);
	core_ics_end(w);
	core_error_clear(&err);
	assert_int_equal(core_ics_finish(w, &err), CORE_ERR_IO);
	assert_string_equal(err.msg, "full.ics: write failed: No space left on device");
	core_ics_free(w);
	fclose(f);

	/* A small calendar fails only when flushed. */
	f = fopen("/dev/full", "w");
	assert_non_null(f);
	w = core_ics_new(f, "small.ics", &opts);
	core_ics_begin(w);
	assert_int_equal(core_ics_meeting(w, &r, &err), CORE_OK);
	core_ics_end(w);
	assert_int_equal(core_ics_finish(w, &err), CORE_ERR_IO);
	assert_non_null(strstr(err.msg, "small.ics: write failed:"));
	core_ics_free(w);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_exact),
		cmocka_unit_test(test_uid_stable),
		cmocka_unit_test(test_fold_every_offset),
		cmocka_unit_test(test_status_and_vocabularies),
		cmocka_unit_test(test_utc_whatever_tz),
		cmocka_unit_test(test_end_and_sequence),
		cmocka_unit_test(test_controls_and_bad_utf8),
		cmocka_unit_test(test_bad_records),
		cmocka_unit_test(test_write_error_sticky),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
