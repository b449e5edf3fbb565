/* CRM profiles (core/profile.h): the profile files and their mistakes,
 * the built-in profiles, every format both ways, and header matching for
 * import. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L   /* mkdtemp, setenv */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/profile.h"

#define HEAD "kind,column,field,format,values\n"

static void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static void assert_parse_error(const char *text, const char *msg)
{
	struct core_profile p;
	struct core_error err;
	core_error_clear(&err);
	memset(&p, 0x5a, sizeof p);
	assert_int_equal(core_profile_parse(text, strlen(text), "team.csv", "team", &p, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, msg);
	for (int k = 0; k < CORE_KIND_COUNT; k++) {
		assert_null(p.col[k]);
		assert_int_equal(p.ncol[k], 0);
	}
}

static void parse_ok(const char *text, struct core_profile *p)
{
	struct core_error err;
	core_error_clear(&err);
	enum core_status st = core_profile_parse(text, strlen(text), "team.csv", "team", p, &err);
	if (st != CORE_OK)
		fail_msg("%s", err.msg);
}

static void test_parse_small(void **state)
{
	(void)state;
	struct core_profile p;
	parse_ok("\xEF\xBB\xBF# a comment line\n"
	         "#, with \"quotes\n"
	         "Values,FORMAT,field,Column,kind,,\r\n"
	         "\r\n"
	         "1=Done ; 0 = Not done ,map,done,Status,actions\r\n"
	         "# between rows\r\n"
	         ",const,,Type,tasks\r\n"
	         "  , text , title , \"Sub, \"\"ject\"\"\" , meetings\r\n",
	         &p);
	assert_string_equal(p.name, "team");
	assert_int_equal(p.ncol[CORE_KIND_ACTIONS], 2);
	assert_int_equal(p.ncol[CORE_KIND_MEETINGS], 1);
	assert_null(p.col[CORE_KIND_ACCOUNTS]);
	const struct core_pcol *c = &p.col[CORE_KIND_ACTIONS][0];
	assert_string_equal(c->column, "Status");
	assert_int_equal(c->field, CORE_AF_DONE);
	assert_int_equal(c->fmt, CORE_FMT_MAP);
	assert_string_equal(c->values, "1=Done;0=Not done");
	assert_int_equal(c->line, 5);
	c = &p.col[CORE_KIND_ACTIONS][1];
	assert_int_equal(c->field, -1);
	assert_int_equal(c->fmt, CORE_FMT_CONST);
	assert_null(c->values);
	assert_int_equal(c->line, 7);
	c = &p.col[CORE_KIND_MEETINGS][0];
	assert_string_equal(c->column, "Sub, \"ject\"");
	assert_int_equal(c->field, CORE_MF_TITLE);
	assert_int_equal(c->line, 8);
	core_profile_free(&p);
	core_profile_free(&p);
}

static void test_parse_errors(void **state)
{
	(void)state;
	assert_parse_error("", "team.csv:1:1: empty profile: expected the header "
	                   "kind,column,field,format,values");
	assert_parse_error("# only\n# comments\n", "team.csv:1:1: empty profile: expected "
	                   "the header kind,column,field,format,values");
	assert_parse_error(HEAD, "team.csv:1:1: no columns below the header");
	assert_parse_error("kind,column,field,fromat\n", "team.csv:1:19: unknown header "
	                   "column 'fromat': the header is kind,column,field,format,values");
	assert_parse_error("kind,column,field,values\nx\n", "team.csv:1:1: the header lacks "
	                   "column 'format': it is kind,column,field,format,values");
	assert_parse_error("kind,Kind\n", "team.csv:1:6: header column 'kind' appears twice "
	                   "(also column 1)");
	/* Bad CSV: the byte where it goes wrong. */
	assert_parse_error(HEAD "meetings,Sub\"ject,title,text,\n",
	                   "team.csv:2:13: stray quote in an unquoted cell (quote the whole "
	                   "cell and double the quotes inside)");
	assert_parse_error(HEAD "# c\nmeetings,\"Subject\"x,title,text,\n",
	                   "team.csv:3:19: text after a closing quote (a quoted cell must end "
	                   "at the comma or the line end)");
	assert_parse_error(HEAD "meetings,Subject,title,text,\n"
	                   "meetings,\"Open\nstill open,title,text,\n",
	                   "team.csv:3:10: unterminated quoted cell: its closing quote is missing");
	/* Each cell's own mistakes, at the cell. */
	assert_parse_error(HEAD "\n# skip\nmeeting,Subject,title,text,\ndeals,X,title,text,\n",
	                   "team.csv:5:1: unknown kind 'deals' (want meetings, actions, "
	                   "accounts or contacts)");
	assert_parse_error(HEAD "accounts,Name,nmae,text,\n",
	                   "team.csv:2:15: accounts have no field 'nmae' (fields: id, crm_id, "
	                   "name, org_no, domain, city, km, travel_min, owner, owner_crm_id, "
	                   "created_at, updated_at)");
	assert_parse_error(HEAD "accounts,Name,name,txt,\n",
	                   "team.csv:2:20: unknown format 'txt' (one of text, phone, int, real, "
	                   "date, datetime_utc, datetime_utc_ms, datetime_local, epoch_ms, "
	                   "time_utc, hhmm, bool01, map, const)");
	assert_parse_error(HEAD "meetings,Start,starts_at,hhmm,\n",
	                   "team.csv:2:26: format hhmm does not suit starts_at, a time (use "
	                   "date, datetime_utc, datetime_utc_ms, datetime_local, epoch_ms, "
	                   "time_utc)");
	assert_parse_error(HEAD "actions,Status,done,map,\n",
	                   "team.csv:2:25: a map needs values: KEY=VALUE pairs separated by ';'");
	assert_parse_error(HEAD "actions,Status,done,map\n",
	                   "team.csv:2:21: a map needs values: KEY=VALUE pairs separated by ';'");
	assert_parse_error(HEAD "actions,Status,done,map,0=Open;1 Completed\n",
	                   "team.csv:2:32: map pair '1 Completed' lacks '=' (want KEY=VALUE)");
	assert_parse_error(HEAD "actions,Status,done,map,\"0=\"\"Open\"\"; =x\"\n",
	                   "team.csv:2:38: map pair '=x' needs a key before '=' (at most 127 "
	                   "bytes)");
	assert_parse_error(HEAD "meetings,Type,form,map,physical=M;phsyical=M\n",
	                   "team.csv:2:35: map key 'phsyical' is not a value of form");
	assert_parse_error(HEAD "actions,Done,done,map,0=a;2=b\n",
	                   "team.csv:2:27: map key '2' is not a value of done");
	assert_parse_error(HEAD "actions,Done,done,map,0=a;0=b\n",
	                   "team.csv:2:27: map key '0' is listed twice");
	assert_parse_error(HEAD "actions,Type,done,const,task\n",
	                   "team.csv:2:14: a const column takes no field (got 'done'); its text "
	                   "is in values");
	assert_parse_error(HEAD "actions,Type,,text,\n",
	                   "team.csv:2:14: missing field: which actions field fills this column?");
	assert_parse_error(HEAD "actions,Subject,text,text,x\n",
	                   "team.csv:2:27: format text takes no values (only map and const do)");
	assert_parse_error(HEAD "actions,Subject,text,text,,extra\n",
	                   "team.csv:2:28: extra cell: the header names 5 columns");
	assert_parse_error("kind,,column,field,format\nmeetings,x,Subject,title,text\n",
	                   "team.csv:2:10: extra cell: the header names 4 columns");
	assert_parse_error(HEAD "actions,,text,text,\n",
	                   "team.csv:2:9: missing column: the header the CRM expects");
	assert_parse_error(HEAD "actions,Subject,text,text,\nactions,SUBJECT ,text,text,\n",
	                   "team.csv:3:9: column 'SUBJECT' of actions is already defined on line "
	                   "2 ('Subject')");
	assert_parse_error(HEAD ",Subject,text,text,\n",
	                   "team.csv:2:1: missing kind (meetings, actions, accounts or contacts)");
	/* Columns count characters, not bytes. */
	assert_parse_error(HEAD "contacts,Fødselsdag,birthday,date,\n",
	                   "team.csv:2:21: contacts have no field 'birthday' (fields: id, crm_id, "
	                   "account_id, account, account_crm_id, name, first_name, last_name, "
	                   "email, phone, role, level, created_at, updated_at)");
}

static const char *const builtin[] = {"generic", "hubspot", "pipedrive", "salesforce"};

static int column_of(const struct core_profile *p, enum core_kind k, const char *name)
{
	for (size_t i = 0; i < p->ncol[k]; i++)
		if (strcmp(p->col[k][i].column, name) == 0)
			return (int)i;
	return -1;
}

static void test_builtin_profiles(void **state)
{
	(void)state;
	char names[128];
	core_profile_builtin_names(names, sizeof names);
	assert_string_equal(names, "generic, hubspot, pipedrive, salesforce");
	for (size_t b = 0; b < sizeof builtin / sizeof builtin[0]; b++) {
		struct core_profile p;
		struct core_error err;
		if (core_profile_load(builtin[b], NULL, &p, &err) != CORE_OK)
			fail_msg("%s: %s", builtin[b], err.msg);
		assert_string_equal(p.name, builtin[b]);
		for (int k = 0; k < CORE_KIND_COUNT; k++) {
			assert_true(p.ncol[k] > 0);
			/* Every row carries pipebench's id: a column of its own or the
			 * description's tag line. */
			int id = 0;
			for (size_t i = 0; i < p.ncol[k]; i++) {
				int f = p.col[k][i].field;
				id |= f == 0 || (k == CORE_KIND_MEETINGS && f == CORE_MF_DESCRIPTION) ||
				      (k == CORE_KIND_ACTIONS && f == CORE_AF_DESCRIPTION);
			}
			assert_true(id);
		}
		core_profile_free(&p);
	}
	struct core_profile p;
	struct core_error err;
	assert_int_equal(core_profile_load("salesforce", NULL, &p, &err), CORE_OK);
	const struct core_pcol *c =
		&p.col[CORE_KIND_MEETINGS][column_of(&p, CORE_KIND_MEETINGS, "StartDateTime")];
	assert_int_equal(c->fmt, CORE_FMT_DATETIME_UTC_MS);
	c = &p.col[CORE_KIND_ACTIONS][column_of(&p, CORE_KIND_ACTIONS, "Status")];
	assert_string_equal(c->values, "0=Not Started;1=Completed");
	core_profile_free(&p);
}

/* generic: each field by its own name, in the enum's order. */
static void test_generic_profile(void **state)
{
	(void)state;
	static const enum core_fmt by_type[] = {
		CORE_FMT_TEXT, CORE_FMT_INT, CORE_FMT_REAL, CORE_FMT_DATETIME_UTC, CORE_FMT_DATE,
		CORE_FMT_BOOL01, CORE_FMT_PHONE};
	struct core_profile p;
	struct core_error err;
	assert_int_equal(core_profile_load("generic", NULL, &p, &err), CORE_OK);
	for (int k = 0; k < CORE_KIND_COUNT; k++) {
		size_t nf;
		const struct core_field_def *defs = core_kind_fields((enum core_kind)k, &nf);
		assert_int_equal(p.ncol[k], nf);
		for (size_t i = 0; i < nf; i++) {
			assert_string_equal(p.col[k][i].column, defs[i].name);
			assert_int_equal(p.col[k][i].field, i);
			assert_int_equal(p.col[k][i].fmt, by_type[defs[i].type]);
		}
	}
	core_profile_free(&p);
}

static void test_load(void **state)
{
	(void)state;
	char dir[] = "/tmp/pb-profile-XXXXXX", sub[64], path[96];
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/profiles", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(path, sizeof path, "%s/salesforce.csv", sub);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(HEAD "accounts,Konto,name,text,\n", f);
	fclose(f);

	struct core_profile p;
	struct core_error err;
	/* The team's own file comes before the built-in one of that name. */
	assert_int_equal(core_profile_load("salesforce", dir, &p, &err), CORE_OK);
	assert_int_equal(p.ncol[CORE_KIND_ACCOUNTS], 1);
	assert_int_equal(p.ncol[CORE_KIND_MEETINGS], 0);
	core_profile_free(&p);
	assert_int_equal(core_profile_load(path, NULL, &p, &err), CORE_OK);
	assert_string_equal(p.name, "salesforce");
	core_profile_free(&p);
	assert_int_equal(core_profile_load("hubspot", dir, &p, &err), CORE_OK);
	assert_true(p.ncol[CORE_KIND_MEETINGS] > 0);
	core_profile_free(&p);

	char msg[400];
	assert_int_equal(core_profile_load("zoho", dir, &p, &err), CORE_ERR_INPUT);
	snprintf(msg, sizeof msg, "unknown CRM profile 'zoho': built in are generic, hubspot, "
	         "pipedrive, salesforce; a team's own profile goes in %s/profiles/NAME.csv", dir);
	assert_string_equal(err.msg, msg);
	assert_int_equal(core_profile_load("zoho", NULL, &p, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "or give the path of a profile file"));

	/* An error in a file names the file. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(HEAD "accounts,Konto,navn,text,\n", f);
	fclose(f);
	assert_int_equal(core_profile_load(path, NULL, &p, &err), CORE_ERR_INPUT);
	snprintf(msg, sizeof msg, "%s:2:16: accounts have no field 'navn'", path);
	assert_memory_equal(err.msg, msg, strlen(msg));

	assert_int_equal(unlink(path), 0);
	assert_int_equal(core_profile_load(path, NULL, &p, &err), CORE_ERR_IO);
	assert_non_null(strstr(err.msg, "No such file"));
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* ---- cells ---- */

static struct core_pcol col(int field, enum core_fmt fmt, const char *values)
{
	struct core_pcol c;
	memset(&c, 0, sizeof c);
	snprintf(c.column, sizeof c.column, "c");
	c.field = field;
	c.fmt = fmt;
	c.values = (char *)values;
	return c;
}

/* Formats field of r with c, checks the text, parses it into a fresh
 * record and checks the value came back. */
static void round_trip(const struct core_pcol *c, const struct core_record *r,
                       enum core_cell want_cell, const char *want)
{
	char buf[64];
	const char *out;
	size_t len;
	enum core_cell cell = core_profile_format(c, r, buf, sizeof buf, &out, &len);
	assert_int_equal(cell, want_cell);
	if (want != NULL) {
		char got[256];
		snprintf(got, sizeof got, "%.*s", (int)len, out);
		assert_string_equal(got, want);
	}
	struct core_record back;
	struct core_error err;
	core_record_clear(&back, r->kind);
	enum core_status st = core_profile_parse_cell(c, out, len, cell == CORE_CELL_NULL,
	                                              &back, &err);
	if (st != CORE_OK)
		fail_msg("%s", err.msg);
	const struct core_value *a = &r->v[c->field], *b = &back.v[c->field];
	/* A value no cell can show (damaged data) comes back as none. */
	assert_int_equal(a->null || cell == CORE_CELL_NULL, b->null);
	if (b->null)
		return;
	size_t nf;
	enum core_ftype type = core_kind_fields(r->kind, &nf)[c->field].type;
	if (type == CORE_FT_TEXT || type == CORE_FT_PHONE)
		assert_true(a->len == b->len && memcmp(a->s, b->s, a->len) == 0);
	else if (type == CORE_FT_REAL)
		assert_memory_equal(&a->r, &b->r, sizeof a->r);
	else
		assert_int_equal(a->i, b->i);
}

static void format_text(const struct core_pcol *c, const struct core_record *r,
                        char *text, size_t n)
{
	char buf[64];
	const char *out;
	size_t len;
	core_profile_format(c, r, buf, sizeof buf, &out, &len);
	snprintf(text, n, "%.*s", (int)len, out);
}

static void instant(struct core_record *r, int64_t t)
{
	core_record_clear(r, CORE_KIND_MEETINGS);
	core_record_set_int(r, CORE_MF_STARTS_AT, t);
}

static int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
	struct core_date date = {y, mo, d};
	return core_days_from_date(date) * 86400 + h * 3600 + mi * 60 + s;
}

static void test_time_formats(void **state)
{
	(void)state;
	use_tz("Europe/Copenhagen");
	struct core_pcol ms = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC_MS, NULL);
	struct core_pcol z = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC, NULL);
	struct core_pcol loc = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_LOCAL, NULL);
	struct core_pcol ep = col(CORE_MF_STARTS_AT, CORE_FMT_EPOCH_MS, NULL);
	struct core_pcol day = col(CORE_MF_STARTS_AT, CORE_FMT_DATE, NULL);
	struct core_record r;

	instant(&r, 1795420800);
	round_trip(&ms, &r, CORE_CELL_BARE, "2026-11-23T08:00:00.000Z");
	round_trip(&z, &r, CORE_CELL_BARE, "2026-11-23T08:00:00Z");
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-11-23 09:00");
	round_trip(&ep, &r, CORE_CELL_BARE, "1795420800000");

	/* Around the change to summer time (29 March 2026, 02:00 -> 03:00). */
	instant(&r, utc(2026, 3, 29, 0, 59, 59));
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-03-29 01:59:59");
	round_trip(&ms, &r, CORE_CELL_BARE, "2026-03-29T00:59:59.000Z");
	instant(&r, utc(2026, 3, 29, 1, 0, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-03-29 03:00");
	/* And back (25 October 2026): in the repeated hour, the one of the two
	 * instants that "02:30" alone would not read back as gets its offset
	 * (which one that is, mktime decides). */
	char first[64], second[64];
	instant(&r, utc(2026, 10, 25, 0, 30, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, NULL);
	format_text(&loc, &r, first, sizeof first);
	instant(&r, utc(2026, 10, 25, 1, 30, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, NULL);
	format_text(&loc, &r, second, sizeof second);
	assert_true(strcmp(first, "2026-10-25 02:30 +02:00") == 0 ||
	            strcmp(second, "2026-10-25 02:30 +01:00") == 0);
	assert_true(strcmp(first, "2026-10-25 02:30") == 0 ||
	            strcmp(second, "2026-10-25 02:30") == 0);
	instant(&r, utc(2026, 10, 25, 2, 0, 0));
	round_trip(&loc, &r, CORE_CELL_BARE, "2026-10-25 03:00");
	/* A time's local day (read back: local midnight, see the Pipedrive
	 * test for the time of day). */
	format_text(&day, &r, first, sizeof first);
	assert_string_equal(first, "2026-10-25");
	instant(&r, utc(2026, 10, 24, 22, 0, 0));
	format_text(&day, &r, first, sizeof first);
	assert_string_equal(first, "2026-10-25");
	round_trip(&day, &r, CORE_CELL_BARE, "2026-10-25");

	/* Before 1970, to the first year four digits write. */
	instant(&r, -1);
	round_trip(&z, &r, CORE_CELL_BARE, "1969-12-31T23:59:59Z");
	round_trip(&loc, &r, CORE_CELL_BARE, "1970-01-01 00:59:59");
	round_trip(&ep, &r, CORE_CELL_BARE, "-1000");
	instant(&r, utc(1900, 2, 28, 23, 0, 0));
	round_trip(&ms, &r, CORE_CELL_BARE, "1900-02-28T23:00:00.000Z");
	round_trip(&ep, &r, CORE_CELL_BARE, "-2203894800000");
	instant(&r, utc(1, 1, 1, 0, 0, 0));
	round_trip(&z, &r, CORE_CELL_BARE, "0001-01-01T00:00:00Z");
	instant(&r, utc(9999, 12, 31, 23, 59, 59));
	round_trip(&ms, &r, CORE_CELL_BARE, "9999-12-31T23:59:59.000Z");
	/* Past year 9999 (a damaged row): no cell rather than a wrong one. */
	instant(&r, utc(9999, 12, 31, 23, 59, 59) + 1);
	round_trip(&z, &r, CORE_CELL_NULL, NULL);
	instant(&r, INT64_MIN);
	round_trip(&ep, &r, CORE_CELL_NULL, NULL);

	/* A day is a day, whatever the zone. */
	struct core_pcol due = col(CORE_AF_DUE, CORE_FMT_DATE, NULL);
	core_record_clear(&r, CORE_KIND_ACTIONS);
	core_record_set_int(&r, CORE_AF_DUE, -25567);
	round_trip(&due, &r, CORE_CELL_BARE, "1900-01-01");
	core_record_set_int(&r, CORE_AF_DUE, 20415);
	round_trip(&due, &r, CORE_CELL_BARE, "2025-11-23");
	use_tz("UTC");
}

/* Pipedrive's Due date (local day) and Due time (UTC) make one instant,
 * whichever comes first, also when the two days differ. */
static void test_date_and_time_columns(void **state)
{
	(void)state;
	use_tz("Europe/Copenhagen");
	struct core_pcol date = col(CORE_MF_STARTS_AT, CORE_FMT_DATE, NULL);
	struct core_pcol time = col(CORE_MF_STARTS_AT, CORE_FMT_TIME_UTC, NULL);
	const int64_t cases[] = {
		utc(2026, 11, 23, 8, 0, 0),    /* 09:00 local */
		utc(2026, 11, 22, 23, 30, 0),  /* 00:30 local on the 23rd */
		utc(2026, 7, 1, 22, 15, 0),    /* 00:15 local, summer */
		utc(1969, 12, 31, 23, 0, 0),   /* local midnight, 1970 */
		utc(2026, 3, 29, 1, 0, 30)};   /* just after the switch */
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct core_record r;
		char b1[64], b2[64];
		const char *d, *t;
		size_t dl, tl;
		instant(&r, cases[i]);
		assert_int_equal(core_profile_format(&date, &r, b1, sizeof b1, &d, &dl),
		                 CORE_CELL_BARE);
		assert_int_equal(core_profile_format(&time, &r, b2, sizeof b2, &t, &tl),
		                 CORE_CELL_BARE);
		for (int order = 0; order < 2; order++) {
			struct core_record back;
			struct core_error err;
			core_record_clear(&back, CORE_KIND_MEETINGS);
			const struct core_pcol *first = order ? &time : &date;
			const struct core_pcol *second = order ? &date : &time;
			assert_int_equal(core_profile_parse_cell(first, order ? t : d, order ? tl : dl,
			                                         0, &back, &err), CORE_OK);
			assert_int_equal(core_profile_parse_cell(second, order ? d : t,
			                                         order ? dl : tl, 0, &back, &err),
			                 CORE_OK);
			assert_int_equal(back.v[CORE_MF_STARTS_AT].i, cases[i]);
		}
	}
	struct core_record r;
	char buf[64];
	const char *out;
	size_t len;
	instant(&r, utc(2026, 11, 22, 23, 30, 0));
	core_profile_format(&date, &r, buf, sizeof buf, &out, &len);
	assert_memory_equal(out, "2026-11-23", len);
	core_profile_format(&time, &r, buf, sizeof buf, &out, &len);
	assert_memory_equal(out, "23:30", len);
	use_tz("UTC");
}

static void test_number_formats(void **state)
{
	(void)state;
	struct core_record r;
	core_record_clear(&r, CORE_KIND_ACCOUNTS);
	struct core_pcol km = col(CORE_XF_KM, CORE_FMT_REAL, NULL);
	static const struct {
		double d;
		const char *text;
	} reals[] = {{12.5, "12.5"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333333333"},
	             {-0.0, "-0"}, {123456789012.0, "123456789012"}, {1e300, "1e+300"},
	             {5e-324, "5e-324"}};
	for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
		core_record_set_real(&r, CORE_XF_KM, reals[i].d);
		round_trip(&km, &r, CORE_CELL_BARE, reals[i].text);
	}
	core_record_set_real(&r, CORE_XF_KM, 0.0 / 0.0);
	round_trip(&km, &r, CORE_CELL_NULL, NULL);

	struct core_pcol id = col(CORE_XF_ID, CORE_FMT_INT, NULL);
	core_record_set_int(&r, CORE_XF_ID, -9223372036854775807 - 1 + 1);
	round_trip(&id, &r, CORE_CELL_BARE, "-9223372036854775807");
	core_record_set_int(&r, CORE_XF_ID, 42);
	round_trip(&id, &r, CORE_CELL_BARE, "42");
	r.v[CORE_XF_ID].null = 1;
	round_trip(&id, &r, CORE_CELL_NULL, NULL);

	struct core_record m;
	core_record_clear(&m, CORE_KIND_MEETINGS);
	struct core_pcol hhmm = col(CORE_MF_DURATION, CORE_FMT_HHMM, NULL);
	static const struct {
		int64_t min;
		const char *text;
	} durations[] = {{90, "01:30"}, {5, "00:05"}, {1440, "24:00"}, {6005, "100:05"},
	                 {0, "00:00"}, {-75, "-01:15"}};
	for (size_t i = 0; i < sizeof durations / sizeof durations[0]; i++) {
		core_record_set_int(&m, CORE_MF_DURATION, durations[i].min);
		round_trip(&hhmm, &m, CORE_CELL_BARE, durations[i].text);
	}
	struct core_pcol t = col(CORE_MF_STARTS_AT, CORE_FMT_TIME_UTC, NULL);
	char text[64];
	core_record_set_int(&m, CORE_MF_STARTS_AT, utc(2026, 11, 23, 8, 5, 0));
	format_text(&t, &m, text, sizeof text);
	assert_string_equal(text, "08:05");
	core_record_set_int(&m, CORE_MF_STARTS_AT, 7);
	round_trip(&t, &m, CORE_CELL_BARE, "00:00:07");

	core_record_clear(&r, CORE_KIND_ACTIONS);
	struct core_pcol done = col(CORE_AF_DONE, CORE_FMT_BOOL01, NULL);
	core_record_set_int(&r, CORE_AF_DONE, 1);
	round_trip(&done, &r, CORE_CELL_BARE, "1");
	core_record_set_int(&r, CORE_AF_DONE, 0);
	round_trip(&done, &r, CORE_CELL_BARE, "0");
}

static void test_text_formats(void **state)
{
	(void)state;
	struct core_record r;
	core_record_clear(&r, CORE_KIND_CONTACTS);
	struct core_pcol name = col(CORE_CF_NAME, CORE_FMT_TEXT, NULL);
	struct core_pcol phone = col(CORE_CF_PHONE, CORE_FMT_PHONE, NULL);
	static const char *const texts[] = {
		"Åse Ærø-Østergård", "line one\nline two\n\ttabbed", "\"quoted\", with comma", ""};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		core_record_set_text(&r, CORE_CF_NAME, texts[i], strlen(texts[i]));
		round_trip(&name, &r, CORE_CELL_TEXT, texts[i]);
	}
	core_record_set_text(&r, CORE_CF_PHONE, "+4712345678", 11);
	round_trip(&phone, &r, CORE_CELL_PHONE, "+4712345678");
	r.v[CORE_CF_NAME].null = 1;
	round_trip(&name, &r, CORE_CELL_NULL, NULL);

	/* Import removes the formula guard that export adds. */
	struct core_record back;
	struct core_error err;
	core_record_clear(&back, CORE_KIND_CONTACTS);
	assert_int_equal(core_profile_parse_cell(&name, "'=SUM(A1)", 9, 0, &back, &err),
	                 CORE_OK);
	assert_int_equal(back.v[CORE_CF_NAME].len, 8);
	assert_memory_equal(back.v[CORE_CF_NAME].s, "=SUM(A1)", 8);
	/* A const column reads nothing. */
	struct core_pcol k = col(-1, CORE_FMT_CONST, "task");
	assert_int_equal(core_profile_parse_cell(&k, "anything", 8, 0, &back, &err), CORE_OK);
	char buf[64];
	const char *out;
	size_t len;
	assert_int_equal(core_profile_format(&k, &back, buf, sizeof buf, &out, &len),
	                 CORE_CELL_TEXT);
	assert_memory_equal(out, "task", 4);
	k.values = NULL;
	assert_int_equal(core_profile_format(&k, &back, buf, sizeof buf, &out, &len),
	                 CORE_CELL_NULL);
}

static void test_map(void **state)
{
	(void)state;
	struct core_record r, back;
	struct core_error err;
	char buf[64];
	const char *out;
	size_t len;
	struct core_pcol status = col(CORE_AF_DONE, CORE_FMT_MAP, "0=Not Started;1=Completed");
	core_record_clear(&r, CORE_KIND_ACTIONS);
	core_record_set_int(&r, CORE_AF_DONE, 1);
	round_trip(&status, &r, CORE_CELL_TEXT, "Completed");
	core_record_set_int(&r, CORE_AF_DONE, 0);
	round_trip(&status, &r, CORE_CELL_TEXT, "Not Started");
	core_record_clear(&back, CORE_KIND_ACTIONS);
	assert_int_equal(core_profile_parse_cell(&status, " not STARTED ", 13, 0, &back, &err),
	                 CORE_OK);
	assert_int_equal(back.v[CORE_AF_DONE].i, 0);
	assert_int_equal(core_profile_parse_cell(&status, "Deferred", 8, 0, &back, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, "\"Deferred\" is not among the map's values "
	                    "(0=Not Started;1=Completed)");

	/* Text keys; a key the map does not list goes out as it is. */
	struct core_pcol outcome = col(CORE_MF_STATUS, CORE_FMT_MAP,
	                               "planned=SCHEDULED;held=COMPLETED;cancelled=CANCELED");
	core_record_clear(&r, CORE_KIND_MEETINGS);
	core_record_set_text(&r, CORE_MF_STATUS, "cancelled", 9);
	round_trip(&outcome, &r, CORE_CELL_TEXT, "CANCELED");
	core_record_set_text(&r, CORE_MF_STATUS, "postponed", 9);
	assert_int_equal(core_profile_format(&outcome, &r, buf, sizeof buf, &out, &len),
	                 CORE_CELL_TEXT);
	assert_memory_equal(out, "postponed", len);
	assert_int_equal(len, 9);

	/* One value for several keys: the field is left for the tag line. */
	struct core_pcol type = col(CORE_MF_FORM, CORE_FMT_MAP,
	                            "physical=Meeting;hybrid=Meeting;virtual=Meeting;phone=Call");
	core_record_clear(&back, CORE_KIND_MEETINGS);
	assert_int_equal(core_profile_parse_cell(&type, "Meeting", 7, 0, &back, &err), CORE_OK);
	assert_true(back.v[CORE_MF_FORM].null);
	assert_int_equal(core_profile_parse_cell(&type, "call", 4, 0, &back, &err), CORE_OK);
	assert_int_equal(back.v[CORE_MF_FORM].len, 5);
	assert_memory_equal(back.v[CORE_MF_FORM].s, "phone", 5);
}

static void assert_cell_error(int field, enum core_fmt fmt, const char *cell,
                              const char *msg)
{
	struct core_pcol c = col(field, fmt, NULL);
	struct core_record r;
	struct core_error err;
	core_record_clear(&r, CORE_KIND_MEETINGS);
	assert_int_equal(core_profile_parse_cell(&c, cell, strlen(cell), 0, &r, &err),
	                 CORE_ERR_INPUT);
	assert_string_equal(err.msg, msg);
	assert_true(r.v[field].null);
}

static void test_cell_errors(void **state)
{
	(void)state;
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATE, "2026-13-01",
	                  "bad date \"2026-13-01\" (want 2026-11-23)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATE, "2026-02-29",
	                  "bad date \"2026-02-29\" (want 2026-11-23)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC_MS, "2026-11-23 08:00:00 CET",
	                  "bad date-time \"2026-11-23 08:00:00 CET\" (want "
	                  "2026-11-23T08:00:00.000Z)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC, "2026-11-23T24:00:00Z",
	                  "bad date-time \"2026-11-23T24:00:00Z\" (want 2026-11-23T08:00:00Z)");
	assert_cell_error(CORE_MF_STARTS_AT, CORE_FMT_TIME_UTC, "8.30",
	                  "bad time \"8.30\" (want 08:00)");
	assert_cell_error(CORE_MF_DURATION, CORE_FMT_INT, "1.5",
	                  "bad number \"1.5\" (want a whole number, e.g. 42)");
	assert_cell_error(CORE_MF_DURATION, CORE_FMT_INT, "99999999999999999999",
	                  "bad number \"99999999999999999999\" (want a whole number, e.g. 42)");
	assert_cell_error(CORE_MF_DURATION, CORE_FMT_HHMM, "1:75",
	                  "bad duration \"1:75\" (want hours and minutes, e.g. 01:30)");
	assert_cell_error(CORE_MF_NOTES, CORE_FMT_TEXT, "a\x1b[2Jb",
	                  "text \"a?[2Jb\" holds control character 0x1b (byte 2)");
	/* A note pasted from Windows keeps its CR LF. */
	struct core_pcol notes = col(CORE_MF_NOTES, CORE_FMT_TEXT, NULL);
	struct core_record ok;
	struct core_error e2;
	core_record_clear(&ok, CORE_KIND_MEETINGS);
	assert_int_equal(core_profile_parse_cell(&notes, "a\r\nb", 4, 0, &ok, &e2), CORE_OK);
	assert_int_equal(ok.v[CORE_MF_NOTES].len, 4);
	assert_memory_equal(ok.v[CORE_MF_NOTES].s, "a\r\nb", 4);
	assert_cell_error(CORE_MF_NOTES, CORE_FMT_TEXT, "bell\a",
	                  "text \"bell?\" holds control character 0x07 (byte 5)");
	assert_cell_error(CORE_MF_NOTES, CORE_FMT_TEXT, "caf\xe9",
	                  "text \"caf?\" is not valid UTF-8");

	/* What the parsers accept besides what format writes. */
	struct core_pcol z = col(CORE_MF_STARTS_AT, CORE_FMT_DATETIME_UTC, NULL);
	static const char *const same[] = {
		"2026-11-23T08:00:00Z", "2026-11-23T08:00Z", "2026-11-23 08:00:00",
		"2026-11-23T09:00:00+01:00", "2026-11-23T03:00:00.999-05:00", " 2026-11-23T08:00:00.000Z "};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		struct core_record r;
		struct core_error err;
		core_record_clear(&r, CORE_KIND_MEETINGS);
		assert_int_equal(core_profile_parse_cell(&z, same[i], strlen(same[i]), 0, &r, &err),
		                 CORE_OK);
		assert_int_equal(r.v[CORE_MF_STARTS_AT].i, 1795420800);
	}
	/* An empty cell is no value, and changes nothing. */
	struct core_record r;
	struct core_error err;
	core_record_clear(&r, CORE_KIND_MEETINGS);
	core_record_set_int(&r, CORE_MF_STARTS_AT, 5);
	assert_int_equal(core_profile_parse_cell(&z, "", 0, 1, &r, &err), CORE_OK);
	assert_int_equal(core_profile_parse_cell(&z, "  ", 2, 0, &r, &err), CORE_OK);
	assert_int_equal(r.v[CORE_MF_STARTS_AT].i, 5);
}

/* ---- headers ---- */

static void test_header_match(void **state)
{
	(void)state;
	static const char *const yes[] = {"StartDateTime", "Start Date Time", "startdatetime",
	                                  "START_DATE_TIME", " start-date_time "};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_true(core_profile_header_match(yes[i], strlen(yes[i]), "StartDateTime"));
	static const char *const no[] = {"StartDate", "StartDateTimes", "", "  ", "Start_Date"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_false(core_profile_header_match(no[i], strlen(no[i]), "StartDateTime"));
	assert_true(core_profile_header_match("Company Domain Name", 19, "company_domain_name"));
	assert_true(core_profile_header_match("Sted", 4, "sted"));
	assert_false(core_profile_header_match("Sted", 4, "STED Ø"));
}

static void test_map_header(void **state)
{
	(void)state;
	struct core_profile p;
	struct core_error err;
	assert_int_equal(core_profile_load("salesforce", NULL, &p, &err), CORE_OK);
	const char *cells[] = {"Subject", "start date time", "Duration In Minutes",
	                       "whatid", "Description", "notes", "Unknown", "purpose"};
	size_t lens[8];
	int map[8];
	for (int i = 0; i < 8; i++)
		lens[i] = strlen(cells[i]);
	struct core_pcol *extra;
	size_t n_extra;
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_MEETINGS, cells, lens, 8, map,
	                                         &extra, &n_extra, &err), CORE_OK);
	size_t n = p.ncol[CORE_KIND_MEETINGS];
	const struct core_pcol *cols = p.col[CORE_KIND_MEETINGS];
	assert_string_equal(cols[map[0]].column, "Subject");
	assert_string_equal(cols[map[1]].column, "StartDateTime");
	assert_string_equal(cols[map[2]].column, "DurationInMinutes");
	assert_string_equal(cols[map[3]].column, "WhatId");
	assert_string_equal(cols[map[4]].column, "Description");
	/* Fields the profile has no column for, by their own names. */
	assert_int_equal(n_extra, 2);
	assert_int_equal(map[5], (int)n);
	assert_int_equal(map[6], -1);
	assert_int_equal(map[7], (int)n + 1);
	assert_int_equal(extra[0].field, CORE_MF_NOTES);
	assert_int_equal(extra[0].fmt, CORE_FMT_TEXT);
	assert_string_equal(extra[1].column, "purpose");
	core_profile_extra_free(extra, n_extra);

	/* Without the description nothing gives the battlefield. */
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_MEETINGS, cells, lens, 4, map,
	                                         &extra, &n_extra, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no column gives meetings' required field battlefield: "
	                    "the salesforce profile reads it from column 'Description'");
	assert_null(extra);
	/* Named twice. */
	const char *twice[] = {"Subject", "StartDateTime", "DurationInMinutes", "WhatId",
	                       "Description", "start_date_time"};
	size_t tl[6];
	for (int i = 0; i < 6; i++)
		tl[i] = strlen(twice[i]);
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_MEETINGS, twice, tl, 6, map,
	                                         &extra, &n_extra, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "columns 2 and 6 both name StartDateTime");
	core_profile_free(&p);

	/* The account by its CRM id will do, the name by its parts. */
	assert_int_equal(core_profile_load("generic", NULL, &p, &err), CORE_OK);
	const char *c2[] = {"account_crm_id", "first_name", "last_name", "email", "email"};
	size_t l2[5];
	for (int i = 0; i < 5; i++)
		l2[i] = strlen(c2[i]);
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_CONTACTS, c2, l2, 4, map,
	                                         &extra, &n_extra, &err), CORE_OK);
	assert_null(extra);
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_CONTACTS, c2, l2, 1, map,
	                                         &extra, &n_extra, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "no column gives contacts' required field name: the "
	                    "generic profile reads it from column 'name'");
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_CONTACTS, c2 + 3, l2 + 3, 2, map,
	                                         &extra, &n_extra, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "columns 1 and 2 both name email");
	core_profile_free(&p);

	parse_ok(HEAD "accounts,Name,name,text,\n", &p);
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_MEETINGS, c2, l2, 1, map,
	                                         &extra, &n_extra, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "the team profile has no columns for meetings");
	const char *c3[] = {"NAME", "org_no"};
	size_t l3[] = {4, 6};
	assert_int_equal(core_profile_map_header(&p, CORE_KIND_ACCOUNTS, c3, l3, 2, map,
	                                         &extra, &n_extra, &err), CORE_OK);
	assert_int_equal(map[0], 0);
	assert_int_equal(map[1], 1);
	assert_int_equal(extra[0].field, CORE_XF_ORG_NO);
	core_profile_extra_free(extra, n_extra);
	core_profile_free(&p);
}

/* Every built-in profile reads back what it writes, for a full record of
 * every kind (derived fields underived where the profile has only them). */
static void test_builtin_round_trip(void **state)
{
	(void)state;
	use_tz("Europe/Copenhagen");
	for (size_t b = 0; b < sizeof builtin / sizeof builtin[0]; b++) {
		struct core_profile p;
		struct core_error err;
		assert_int_equal(core_profile_load(builtin[b], NULL, &p, &err), CORE_OK);
		struct core_record r;
		char scratch[4096];
		core_record_clear(&r, CORE_KIND_MEETINGS);
		core_record_set_int(&r, CORE_MF_ID, 42);
		core_record_set_text(&r, CORE_MF_ACCOUNT, "Fjordkraft AS", 13);
		core_record_set_int(&r, CORE_MF_STARTS_AT, utc(2026, 11, 22, 23, 30, 0));
		core_record_set_int(&r, CORE_MF_DURATION, 75);
		const char *keys[] = {"new", "workshop", "virtual", "destination", "high",
		                      "product", "cancelled"};
		static const int tf[] = {CORE_MF_BATTLEFIELD, CORE_MF_TYPE, CORE_MF_FORM,
		                         CORE_MF_DIM, CORE_MF_COMPLEXITY, CORE_MF_SALE,
		                         CORE_MF_STATUS};
		for (int i = 0; i < 7; i++)
			core_record_set_text(&r, tf[i], keys[i], strlen(keys[i]));
		core_record_set_text(&r, CORE_MF_NOTES, "Møde\n\"flyttet\"", 15);
		core_record_derive(&r, 0, scratch, sizeof scratch);

		struct core_record back;
		core_record_clear(&back, CORE_KIND_MEETINGS);
		for (size_t i = 0; i < p.ncol[CORE_KIND_MEETINGS]; i++) {
			const struct core_pcol *c = &p.col[CORE_KIND_MEETINGS][i];
			char buf[64];
			const char *out;
			size_t len;
			enum core_cell cell = core_profile_format(c, &r, buf, sizeof buf, &out, &len);
			/* Text cells point into r or the profile, which outlive back. */
			if (core_profile_parse_cell(c, out, len, cell == CORE_CELL_NULL, &back,
			                            &err) != CORE_OK)
				fail_msg("%s %s: %s", builtin[b], c->column, err.msg);
		}
		core_record_underive(&back);
		assert_int_equal(back.v[CORE_MF_ID].i, 42);
		assert_int_equal(back.v[CORE_MF_STARTS_AT].i, utc(2026, 11, 22, 23, 30, 0));
		assert_int_equal(back.v[CORE_MF_DURATION].i, 75);
		for (int i = 0; i < 7; i++) {
			assert_false(back.v[tf[i]].null);
			assert_memory_equal(back.v[tf[i]].s, keys[i], strlen(keys[i]));
		}
		assert_int_equal(back.v[CORE_MF_NOTES].len, 15);
		core_profile_free(&p);
	}
	use_tz("UTC");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_small),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_builtin_profiles),
		cmocka_unit_test(test_generic_profile),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_time_formats),
		cmocka_unit_test(test_date_and_time_columns),
		cmocka_unit_test(test_number_formats),
		cmocka_unit_test(test_text_formats),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_cell_errors),
		cmocka_unit_test(test_header_match),
		cmocka_unit_test(test_map_header),
		cmocka_unit_test(test_builtin_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
