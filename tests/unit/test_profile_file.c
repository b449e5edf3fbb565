/* CRM profiles (core/profile.h) as files: parsing and every mistake in a
 * profile with its FILE:LINE:COLUMN, the built-in profiles, loading a
 * team's own file, header matching for import, and every built-in profile
 * reading back what it writes.  The formats cell by cell are
 * test_profile_cell's. */
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
#include <unistd.h>

#include "core/profile.h"
#include "tests/unit/profile_fx.h"

#define HEAD "kind,column,field,format,values\n"

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

/* ---- the built-in profiles both ways ---- */

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
		cmocka_unit_test(test_header_match),
		cmocka_unit_test(test_map_header),
		cmocka_unit_test(test_builtin_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
