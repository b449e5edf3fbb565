/* Records (core/record.h): the field tables every profile names, and the
 * derived fields, exactly as written and read back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/matrix.h"
#include "core/record.h"

static void set(struct core_record *r, int field, const char *s)
{
	core_record_set_text(r, field, s, strlen(s));
}

static void assert_text(const struct core_record *r, int field, const char *want)
{
	const struct core_value *v = &r->v[field];
	if (want == NULL) {
		assert_true(v->null);
		return;
	}
	assert_false(v->null);
	char got[4096];
	assert_true(v->len < sizeof got);
	memcpy(got, v->s, v->len);
	got[v->len] = '\0';
	assert_string_equal(got, want);
}

static void test_kinds(void **state)
{
	(void)state;
	static const char *const keys[] = {"meetings", "actions", "accounts", "contacts"};
	for (int k = 0; k < CORE_KIND_COUNT; k++) {
		enum core_kind got = CORE_KIND_COUNT;
		assert_string_equal(core_kind_key((enum core_kind)k), keys[k]);
		assert_int_equal(core_kind_parse(keys[k], &got), 0);
		assert_int_equal(got, k);
	}
	static const char *const actions[] = {"action", "follow-ups", "followups", "tasks",
	                                      "Tasks", "FOLLOW-UPS"};
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		enum core_kind got = CORE_KIND_MEETINGS;
		assert_int_equal(core_kind_parse(actions[i], &got), 0);
		assert_int_equal(got, CORE_KIND_ACTIONS);
	}
	enum core_kind k = CORE_KIND_CONTACTS;
	assert_int_equal(core_kind_parse("meeting", &k), 0);
	assert_int_equal(k, CORE_KIND_MEETINGS);
	assert_int_equal(core_kind_parse("deals", &k), -1);
	assert_int_equal(core_kind_parse("", &k), -1);
	assert_int_equal(k, CORE_KIND_MEETINGS);
	assert_string_equal(core_kind_key(CORE_KIND_COUNT), "?");
}

/* The names are a promise to every team's profile: spelled out here. */
static const char *const names[CORE_KIND_COUNT] = {
	"id crm_id seller seller_crm_id account_id account account_crm_id account_domain "
	"contact contact_email contact_crm_id participants starts_at ends_at duration "
	"battlefield type form dim complexity sale status form_reason purpose agenda pains "
	"summary needs agreed notes title location description created_at updated_at",
	"id meeting_id seller seller_crm_id account_id account account_crm_id account_domain "
	"text owner owner_email owner_crm_id due done done_at priority description "
	"created_at updated_at",
	"id crm_id name org_no domain city km travel_min owner owner_crm_id created_at "
	"updated_at",
	"id crm_id account_id account account_crm_id name first_name last_name email phone "
	"role level created_at updated_at"};

static const char *const required[CORE_KIND_COUNT] = {
	"account starts_at duration battlefield type form", "account text due", "name",
	"account name"};
static const char *const derived[CORE_KIND_COUNT] = {
	"ends_at title location description", "priority description", "",
	"first_name last_name"};

static void flagged(enum core_kind k, unsigned flag, char *buf, size_t n)
{
	size_t nf, used = 0;
	const struct core_field_def *defs = core_kind_fields(k, &nf);
	buf[0] = '\0';
	for (size_t i = 0; i < nf; i++)
		if (defs[i].flags & flag)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? " " : "",
			                         defs[i].name);
}

static void test_field_tables(void **state)
{
	(void)state;
	static const size_t counts[] = {CORE_MF_COUNT, CORE_AF_COUNT, CORE_XF_COUNT,
	                                CORE_CF_COUNT};
	for (int k = 0; k < CORE_KIND_COUNT; k++) {
		size_t nf;
		const struct core_field_def *defs = core_kind_fields((enum core_kind)k, &nf);
		assert_int_equal(nf, counts[k]);
		assert_true(nf <= CORE_RECORD_MAX);
		char all[1024] = "", buf[512];
		size_t used = 0;
		for (size_t i = 0; i < nf; i++) {
			used += (size_t)snprintf(all + used, sizeof all - used, "%s%s",
			                         i ? " " : "", defs[i].name);
			assert_int_equal(core_kind_field_find((enum core_kind)k, defs[i].name), i);
		}
		assert_string_equal(all, names[k]);
		flagged((enum core_kind)k, CORE_FD_REQUIRED, buf, sizeof buf);
		assert_string_equal(buf, required[k]);
		flagged((enum core_kind)k, CORE_FD_DERIVED, buf, sizeof buf);
		assert_string_equal(buf, derived[k]);
	}
	size_t n;
	const struct core_field_def *m = core_kind_fields(CORE_KIND_MEETINGS, &n);
	assert_int_equal(m[CORE_MF_STARTS_AT].type, CORE_FT_TIME);
	assert_int_equal(m[CORE_MF_DURATION].type, CORE_FT_INT);
	assert_true(m[CORE_MF_FORM].flags & CORE_FD_VOCAB);
	assert_false(m[CORE_MF_NOTES].flags & CORE_FD_VOCAB);
	const struct core_field_def *a = core_kind_fields(CORE_KIND_ACTIONS, &n);
	assert_int_equal(a[CORE_AF_DUE].type, CORE_FT_DAY);
	assert_int_equal(a[CORE_AF_DONE].type, CORE_FT_BOOL);
	const struct core_field_def *x = core_kind_fields(CORE_KIND_ACCOUNTS, &n);
	assert_int_equal(x[CORE_XF_KM].type, CORE_FT_REAL);
	const struct core_field_def *c = core_kind_fields(CORE_KIND_CONTACTS, &n);
	assert_int_equal(c[CORE_CF_PHONE].type, CORE_FT_PHONE);

	assert_int_equal(core_kind_field_find(CORE_KIND_MEETINGS, "Starts_At"), -1);
	assert_int_equal(core_kind_field_find(CORE_KIND_ACCOUNTS, "starts_at"), -1);
	assert_int_equal(core_kind_field_find(CORE_KIND_COUNT, "id"), -1);
	assert_null(core_kind_fields(CORE_KIND_COUNT, &n));
	assert_int_equal(n, 0);
}

static void test_clear_and_set(void **state)
{
	(void)state;
	struct core_record r;
	memset(&r, 0x5a, sizeof r);
	core_record_clear(&r, CORE_KIND_ACCOUNTS);
	assert_int_equal(r.kind, CORE_KIND_ACCOUNTS);
	for (int i = 0; i < CORE_RECORD_MAX; i++)
		assert_true(r.v[i].null);
	core_record_set_int(&r, CORE_XF_TRAVEL_MIN, 45);
	core_record_set_real(&r, CORE_XF_KM, 12.5);
	core_record_set_text(&r, CORE_XF_NAME, "Fjordkraft AS and more", 13);
	assert_int_equal(r.v[CORE_XF_TRAVEL_MIN].i, 45);
	assert_true(r.v[CORE_XF_KM].r == 12.5);
	assert_text(&r, CORE_XF_NAME, "Fjordkraft AS");
	/* Past the kind's fields, or NULL text: no value, no write. */
	core_record_set_int(&r, CORE_XF_COUNT, 1);
	core_record_set_int(&r, -1, 1);
	assert_true(r.v[CORE_XF_COUNT].null);
	core_record_set_text(&r, CORE_XF_CITY, NULL, 5);
	assert_true(r.v[CORE_XF_CITY].null);
}

/* 2026-11-23 09:00 in Copenhagen (08:00 UTC). */
#define MONDAY_0800 1795420800

static void meeting(struct core_record *r)
{
	core_record_clear(r, CORE_KIND_MEETINGS);
	core_record_set_int(r, CORE_MF_ID, 42);
	set(r, CORE_MF_ACCOUNT, "Fjordkraft AS");
	core_record_set_int(r, CORE_MF_STARTS_AT, MONDAY_0800);
	core_record_set_int(r, CORE_MF_DURATION, 90);
	set(r, CORE_MF_BATTLEFIELD, "upsell");
	set(r, CORE_MF_TYPE, "negotiation");
	set(r, CORE_MF_FORM, "hybrid");
	set(r, CORE_MF_DIM, "delivery");
	set(r, CORE_MF_COMPLEXITY, "medium");
	set(r, CORE_MF_SALE, "solution");
	set(r, CORE_MF_STATUS, "held");
}

static void test_derive_meeting(void **state)
{
	(void)state;
	struct core_record r;
	char scratch[16384];
	meeting(&r);
	set(&r, CORE_MF_SUMMARY, "Prisen er på plads.");
	set(&r, CORE_MF_NOTES, "Åse kommer også.\nRing torsdag.");
	core_record_derive(&r, 0, scratch, sizeof scratch);
	assert_text(&r, CORE_MF_TITLE, "Negotiation · Fjordkraft AS");
	assert_text(&r, CORE_MF_LOCATION, "On site");
	assert_int_equal(r.v[CORE_MF_ENDS_AT].i, MONDAY_0800 + 90 * 60);
	assert_text(&r, CORE_MF_DESCRIPTION,
	            "Summary:\nPrisen er på plads.\n\nNotes:\nÅse kommer også.\nRing torsdag.\n\n"
	            "[pipebench id=42 battlefield=upsell type=negotiation form=hybrid "
	            "dim=delivery complexity=medium sale=solution status=held]");

	/* No minutes: the tag line alone; a type the matrix lacks: its key. */
	meeting(&r);
	set(&r, CORE_MF_TYPE, "golf_day");
	set(&r, CORE_MF_FORM, "virtual");
	r.v[CORE_MF_SALE].null = 1;
	set(&r, CORE_MF_SUMMARY, "");
	core_record_derive(&r, 0, scratch, sizeof scratch);
	assert_text(&r, CORE_MF_TITLE, "golf_day · Fjordkraft AS");
	assert_text(&r, CORE_MF_LOCATION, "Online");
	assert_text(&r, CORE_MF_DESCRIPTION,
	            "[pipebench id=42 battlefield=upsell type=golf_day form=virtual "
	            "dim=delivery complexity=medium status=held]");

	meeting(&r);
	set(&r, CORE_MF_FORM, "phone");
	r.v[CORE_MF_DURATION].null = 1;
	core_record_derive(&r, 0, scratch, sizeof scratch);
	assert_text(&r, CORE_MF_LOCATION, "Phone");
	assert_true(r.v[CORE_MF_ENDS_AT].null);

	/* Damaged data derives nothing rather than something wrong. */
	meeting(&r);
	set(&r, CORE_MF_FORM, "teleport");
	set(&r, CORE_MF_TYPE, "bad key]");
	core_record_derive(&r, 0, scratch, sizeof scratch);
	assert_true(r.v[CORE_MF_LOCATION].null);
	assert_text(&r, CORE_MF_DESCRIPTION,
	            "[pipebench id=42 battlefield=upsell form=teleport dim=delivery "
	            "complexity=medium sale=solution status=held]");
}

/* The labels come from the default matrix, every one of them. */
static void test_title_labels(void **state)
{
	(void)state;
	static struct core_matrix m;
	struct core_error err;
	assert_int_equal(core_matrix_default(&m, &err), CORE_OK);
	assert_true(m.n_types >= 12);
	for (int i = 0; i < m.n_types; i++) {
		struct core_record r;
		char scratch[1024], want[256];
		meeting(&r);
		set(&r, CORE_MF_TYPE, m.types[i].key);
		r.v[CORE_MF_ACCOUNT].null = 1;
		core_record_derive(&r, 0, scratch, sizeof scratch);
		assert_text(&r, CORE_MF_TITLE, m.types[i].label);
		set(&r, CORE_MF_ACCOUNT, "Ørsted");
		core_record_derive(&r, 0, scratch, sizeof scratch);
		snprintf(want, sizeof want, "%s · Ørsted", m.types[i].label);
		assert_text(&r, CORE_MF_TITLE, want);
	}
}

static void fresh_from_description(struct core_record *to, const struct core_record *from,
                                   int field)
{
	core_record_clear(to, from->kind);
	to->v[field] = from->v[field];
}

static void test_meeting_round_trip(void **state)
{
	(void)state;
	static const char *const texts[][4] = {
		{"Kort møde.", "Behov: æøå ÆØÅ\n\nflere linjer\n", "Aftalt: tilbud fredag",
		 "Noter:\n- punkt 1\n- punkt 2\n\n\n"},
		{"", "", "", "Notes alone"},
		{"Summary:\nlooks like a heading", "", "Agreed:", "\n"},
		{"\tindented", "x", "", ""},
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		struct core_record r, back;
		char scratch[16384];
		meeting(&r);
		for (int i = 0; i < 4; i++)
			if (texts[t][i][0] != '\0')
				set(&r, CORE_MF_SUMMARY + i, texts[t][i]);
		core_record_derive(&r, 0, scratch, sizeof scratch);
		fresh_from_description(&back, &r, CORE_MF_DESCRIPTION);
		core_record_underive(&back);
		assert_int_equal(back.v[CORE_MF_ID].i, 42);
		static const int tagged[] = {CORE_MF_BATTLEFIELD, CORE_MF_TYPE, CORE_MF_FORM,
		                             CORE_MF_DIM, CORE_MF_COMPLEXITY, CORE_MF_SALE,
		                             CORE_MF_STATUS};
		for (size_t i = 0; i < sizeof tagged / sizeof tagged[0]; i++) {
			char want[64];
			snprintf(want, sizeof want, "%.*s", (int)r.v[tagged[i]].len,
			         r.v[tagged[i]].s);
			assert_text(&back, tagged[i], want);
		}
		for (int i = 0; i < 4; i++)
			assert_text(&back, CORE_MF_SUMMARY + i,
			            texts[t][i][0] != '\0' ? texts[t][i] : NULL);
	}
}

static void test_underive_keeps_and_ignores(void **state)
{
	(void)state;
	struct core_record r;
	/* A field already read from its own column stays as it was. */
	core_record_clear(&r, CORE_KIND_MEETINGS);
	set(&r, CORE_MF_FORM, "physical");
	set(&r, CORE_MF_DESCRIPTION, "Summary:\nok\n\n[pipebench id=7 form=virtual type=workshop]");
	core_record_underive(&r);
	assert_text(&r, CORE_MF_FORM, "physical");
	assert_text(&r, CORE_MF_TYPE, "workshop");
	assert_text(&r, CORE_MF_SUMMARY, "ok");
	assert_int_equal(r.v[CORE_MF_ID].i, 7);
	assert_true(r.v[CORE_MF_BATTLEFIELD].null);

	/* Text a person wrote in the CRM becomes the notes. */
	core_record_clear(&r, CORE_KIND_MEETINGS);
	set(&r, CORE_MF_DESCRIPTION, "Called them.\n[pipebench battlefield=new]\r\n");
	core_record_underive(&r);
	assert_text(&r, CORE_MF_NOTES, "Called them.");
	assert_text(&r, CORE_MF_BATTLEFIELD, "new");

	/* No tag line, or a broken one: nothing. */
	static const char *const untagged[] = {
		"Summary:\nx", "[pipebench id=1", "text [pipebench id=1]", "[pipebenchid=1]", ""};
	for (size_t i = 0; i < sizeof untagged / sizeof untagged[0]; i++) {
		core_record_clear(&r, CORE_KIND_MEETINGS);
		set(&r, CORE_MF_DESCRIPTION, untagged[i]);
		core_record_underive(&r);
		for (int f = 0; f < CORE_MF_COUNT; f++)
			if (f != CORE_MF_DESCRIPTION)
				assert_true(r.v[f].null);
	}

	/* HubSpot has no duration: it comes from the end. */
	core_record_clear(&r, CORE_KIND_MEETINGS);
	core_record_set_int(&r, CORE_MF_STARTS_AT, MONDAY_0800);
	core_record_set_int(&r, CORE_MF_ENDS_AT, MONDAY_0800 + 45 * 60);
	core_record_underive(&r);
	assert_int_equal(r.v[CORE_MF_DURATION].i, 45);
	core_record_set_int(&r, CORE_MF_DURATION, 30);
	core_record_underive(&r);
	assert_int_equal(r.v[CORE_MF_DURATION].i, 30);
}

static void action(struct core_record *r)
{
	core_record_clear(r, CORE_KIND_ACTIONS);
	core_record_set_int(r, CORE_AF_ID, 7);
	core_record_set_int(r, CORE_AF_MEETING_ID, 42);
	set(r, CORE_AF_TEXT, "Send tilbud på æøå-pakken");
	set(r, CORE_AF_OWNER, "Kari Nordmann");
	core_record_set_int(r, CORE_AF_DUE, 20000);
	core_record_set_int(r, CORE_AF_DONE, 0);
}

static void test_derive_action(void **state)
{
	(void)state;
	struct core_record r, back;
	char scratch[4096];
	action(&r);
	core_record_derive(&r, 20001, scratch, sizeof scratch);
	assert_text(&r, CORE_AF_PRIORITY, "high");
	assert_text(&r, CORE_AF_DESCRIPTION, "Send tilbud på æøå-pakken\n\nOwner: Kari Nordmann\n"
	            "[pipebench id=7 meeting=42]");
	fresh_from_description(&back, &r, CORE_AF_DESCRIPTION);
	core_record_underive(&back);
	assert_int_equal(back.v[CORE_AF_ID].i, 7);
	assert_int_equal(back.v[CORE_AF_MEETING_ID].i, 42);
	assert_text(&back, CORE_AF_TEXT, "Send tilbud på æøå-pakken");
	assert_text(&back, CORE_AF_OWNER, "Kari Nordmann");

	core_record_derive(&r, 20000, scratch, sizeof scratch);
	assert_text(&r, CORE_AF_PRIORITY, "normal");
	core_record_set_int(&r, CORE_AF_DONE, 1);
	core_record_derive(&r, 20005, scratch, sizeof scratch);
	assert_text(&r, CORE_AF_PRIORITY, "normal");

	/* No meeting, no owner; a text whose last line looks like an owner. */
	action(&r);
	r.v[CORE_AF_MEETING_ID].null = 1;
	r.v[CORE_AF_OWNER].null = 1;
	set(&r, CORE_AF_TEXT, "Two lines\nOwner: not really");
	core_record_derive(&r, 0, scratch, sizeof scratch);
	assert_text(&r, CORE_AF_DESCRIPTION, "Two lines\nOwner: not really\n\n[pipebench id=7]");
	fresh_from_description(&back, &r, CORE_AF_DESCRIPTION);
	core_record_underive(&back);
	assert_text(&back, CORE_AF_TEXT, "Two lines\nOwner: not really");
	assert_true(back.v[CORE_AF_OWNER].null);
	assert_true(back.v[CORE_AF_MEETING_ID].null);
}

static void test_contact_names(void **state)
{
	(void)state;
	static const char *const cases[][3] = {
		{"Kari Nordmann", "Kari", "Nordmann"},
		{"Jens Peter Ærø Hansen", "Jens Peter Ærø", "Hansen"},
		{"  Åse  Lund ", "Åse", "Lund"},
		{"Cher", NULL, "Cher"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct core_record r;
		core_record_clear(&r, CORE_KIND_CONTACTS);
		set(&r, CORE_CF_NAME, cases[i][0]);
		core_record_derive(&r, 0, NULL, 0);
		assert_text(&r, CORE_CF_FIRST_NAME, cases[i][1]);
		assert_text(&r, CORE_CF_LAST_NAME, cases[i][2]);
	}
}

/* The sections give way to the tag line, cut between characters. */
static void test_small_scratch(void **state)
{
	(void)state;
	struct core_record r, back;
	char scratch[160];
	meeting(&r);
	set(&r, CORE_MF_NOTES, "ææææææææææææææææææææææææææææææææææææææææææææææææææææææææææææ");
	core_record_derive(&r, 0, scratch, sizeof scratch);
	const struct core_value *d = &r.v[CORE_MF_DESCRIPTION];
	assert_true(d->len <= sizeof scratch);
	fresh_from_description(&back, &r, CORE_MF_DESCRIPTION);
	core_record_underive(&back);
	assert_int_equal(back.v[CORE_MF_ID].i, 42);
	assert_text(&back, CORE_MF_STATUS, "held");
	/* Whole characters only: an even number of bytes of "æ". */
	assert_false(back.v[CORE_MF_NOTES].null);
	assert_int_equal(back.v[CORE_MF_NOTES].len % 2, 0);
	assert_true(back.v[CORE_MF_NOTES].len > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_field_tables),
		cmocka_unit_test(test_clear_and_set),
		cmocka_unit_test(test_derive_meeting),
		cmocka_unit_test(test_title_labels),
		cmocka_unit_test(test_meeting_round_trip),
		cmocka_unit_test(test_underive_keeps_and_ignores),
		cmocka_unit_test(test_derive_action),
		cmocka_unit_test(test_contact_names),
		cmocka_unit_test(test_small_scratch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
