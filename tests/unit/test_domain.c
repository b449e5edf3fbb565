/* The closed vocabularies (core/domain.h) and the meeting list and UTF-8
 * copy (core/meeting.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/domain.h"
#include "core/meeting.h"

static void test_battlefield_names(void **state)
{
	(void)state;
	assert_string_equal(core_battlefield_key(CORE_BF_RESALE), "resale");
	assert_string_equal(core_battlefield_key(CORE_BF_UPSELL), "upsell");
	assert_string_equal(core_battlefield_key(CORE_BF_NEW), "new");
	assert_string_equal(core_battlefield_label(CORE_BF_RESALE), "Re-sale");
	assert_string_equal(core_battlefield_danish(CORE_BF_RESALE), "Gensalg");
	assert_string_equal(core_battlefield_danish(CORE_BF_UPSELL), "Mersalg");
	assert_string_equal(core_battlefield_danish(CORE_BF_NEW), "Nysalg");
	assert_int_equal(core_battlefield_letter(CORE_BF_RESALE), 'R');
	assert_int_equal(core_battlefield_letter(CORE_BF_UPSELL), 'U');
	assert_int_equal(core_battlefield_letter(CORE_BF_NEW), 'N');
}

static void test_battlefield_parse(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum core_battlefield bf;
	} ok[] = {
		{"resale", CORE_BF_RESALE}, {"Re-sale", CORE_BF_RESALE},
		{"RESALE", CORE_BF_RESALE}, {"re-SALE", CORE_BF_RESALE},
		{"Gensalg", CORE_BF_RESALE}, {"gensalg", CORE_BF_RESALE},
		{"upsell", CORE_BF_UPSELL}, {"MERSALG", CORE_BF_UPSELL},
		{"new", CORE_BF_NEW}, {"New", CORE_BF_NEW}, {"nysalg", CORE_BF_NEW},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		enum core_battlefield bf = CORE_BF_COUNT;
		assert_int_equal(core_battlefield_parse(ok[i].text, &bf), 0);
		assert_int_equal(bf, ok[i].bf);
	}
	static const char *const bad[] = {"", "re sale", "resal", "resales", "R", " new", "nyt"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum core_battlefield bf = CORE_BF_COUNT;
		assert_int_equal(core_battlefield_parse(bad[i], &bf), -1);
		assert_int_equal(bf, CORE_BF_COUNT);   /* untouched on failure */
	}
	enum core_battlefield bf = CORE_BF_COUNT;
	assert_int_equal(core_battlefield_parse(NULL, &bf), -1);
}

static void test_form_names(void **state)
{
	(void)state;
	static const char *const keys[] = {"physical", "hybrid", "virtual", "phone"};
	static const char *const glyphs[] = {"▣", "◐", "◯", "☎"};
	static const char letters[] = "PHVT";
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		assert_string_equal(core_form_key((enum core_form)f), keys[f]);
		assert_string_equal(core_form_glyph((enum core_form)f), glyphs[f]);
		assert_int_equal(core_form_letter((enum core_form)f), letters[f]);
		enum core_form out = CORE_FORM_COUNT;
		assert_int_equal(core_form_parse(core_form_label((enum core_form)f), &out), 0);
		assert_int_equal(out, f);
	}
	enum core_form out = CORE_FORM_COUNT;
	assert_int_equal(core_form_parse("PHONE", &out), 0);
	assert_int_equal(out, CORE_FORM_PHONE);
	assert_int_equal(core_form_parse("Teams", &out), -1);
	assert_int_equal(out, CORE_FORM_PHONE);
}

static void test_other_vocabularies(void **state)
{
	(void)state;
	enum core_dim d;
	assert_int_equal(core_dim_parse("Destination", &d), 0);
	assert_int_equal(d, CORE_DIM_DESTINATION);
	assert_int_equal(core_dim_parse("DELIVERY", &d), 0);
	assert_int_equal(d, CORE_DIM_DELIVERY);
	assert_string_equal(core_dim_key(CORE_DIM_DEVELOPMENT), "development");
	assert_string_equal(core_dim_label(CORE_DIM_DISCOVERY), "Discovery");
	assert_int_equal(core_dim_parse("distraction", &d), -1);

	enum core_complexity cx;
	assert_int_equal(core_complexity_parse("Medium", &cx), 0);
	assert_int_equal(cx, CORE_CX_MEDIUM);
	assert_string_equal(core_complexity_key(CORE_CX_HIGH), "high");
	assert_int_equal(core_complexity_parse("huge", &cx), -1);

	enum core_sale sale;
	assert_int_equal(core_sale_parse("SOLUTION", &sale), 0);
	assert_int_equal(sale, CORE_SALE_SOLUTION);
	assert_string_equal(core_sale_key(CORE_SALE_PRODUCT), "product");

	enum core_mstatus ms;
	assert_int_equal(core_mstatus_parse("held", &ms), 0);
	assert_int_equal(ms, CORE_MS_HELD);
	assert_string_equal(core_mstatus_key(CORE_MS_CANCELLED), "cancelled");
	assert_int_equal(core_mstatus_parse("canceled", &ms), -1);
}

/* Values that only a corrupt database could produce must not index past
 * the tables. */
static void test_out_of_range_is_safe(void **state)
{
	(void)state;
	assert_string_equal(core_battlefield_key((enum core_battlefield)7), "?");
	assert_string_equal(core_battlefield_label((enum core_battlefield)-1), "?");
	assert_int_equal(core_battlefield_letter((enum core_battlefield)3), '?');
	assert_string_equal(core_form_glyph((enum core_form)99), "?");
	assert_int_equal(core_form_letter((enum core_form)4), '?');
	assert_string_equal(core_dim_label((enum core_dim)4), "?");
	assert_string_equal(core_mstatus_key((enum core_mstatus)3), "?");
}

static void test_utf8_copy(void **state)
{
	(void)state;
	char buf[8];

	core_utf8_copy(buf, sizeof buf, "Køge");          /* 5 bytes: fits */
	assert_string_equal(buf, "Køge");

	/* "Ørsted" is Ø(2) + 5 = 7 bytes: fits exactly in 8. */
	core_utf8_copy(buf, sizeof buf, "Ørsted");
	assert_string_equal(buf, "Ørsted");

	/* "abcdeæø": the æ would take bytes 6-7 of 7 usable; æ fits, ø not. */
	core_utf8_copy(buf, sizeof buf, "abcdeæø");
	assert_string_equal(buf, "abcdeæ");
	core_utf8_copy(buf, sizeof buf, "abcdefæ");   /* æ would need bytes 7-8 */
	assert_string_equal(buf, "abcdef");

	char four[5];
	core_utf8_copy(four, sizeof four, "a☎b");      /* ☎ is 3 bytes: a☎ = 4 */
	assert_string_equal(four, "a☎");
	core_utf8_copy(four, sizeof four, "ab☎");      /* would need 5 */
	assert_string_equal(four, "ab");

	char one[1] = {'x'};
	core_utf8_copy(one, sizeof one, "anything");
	assert_int_equal(one[0], '\0');
	core_utf8_copy(buf, sizeof buf, NULL);
	assert_string_equal(buf, "");

	/* Broken input: a stray continuation byte, an overlong '/', a cut
	 * sequence and a surrogate each become '?'. */
	char big[32];
	core_utf8_copy(big, sizeof big, "a\x80" "b");
	assert_string_equal(big, "a?b");
	core_utf8_copy(big, sizeof big, "\xC0\xAF");
	assert_string_equal(big, "??");
	core_utf8_copy(big, sizeof big, "x\xE2\x98");
	assert_string_equal(big, "x??");
	core_utf8_copy(big, sizeof big, "\xED\xA0\x80");
	assert_string_equal(big, "???");
	core_utf8_copy(big, sizeof big, "\xF4\x90\x80\x80");  /* past U+10FFFF */
	assert_string_equal(big, "????");
	core_utf8_copy(big, sizeof big, "\xF0\x9F\x98\x80!");  /* U+1F600 is fine */
	assert_string_equal(big, "\xF0\x9F\x98\x80!");
}

static void test_meeting_list(void **state)
{
	(void)state;
	struct core_meeting_list l = {NULL, 0, 0};
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	for (int i = 0; i < 1000; i++) {
		m.id = i + 1;
		m.duration_min = i % 90 + 1;
		struct core_meeting *p = core_meeting_list_push(&l, &m);
		assert_non_null(p);
		assert_ptr_equal(p, &l.items[i]);
		assert_int_equal(p->id, i + 1);
	}
	assert_int_equal(l.n, 1000);
	assert_true(l.cap >= 1000 && l.cap < 2000 + 16);   /* grown by doubling */
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.items[i].id, (int64_t)i + 1);
	core_meeting_list_free(&l);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
	assert_int_equal(l.cap, 0);
	core_meeting_list_free(&l);   /* twice is harmless */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_battlefield_names),
		cmocka_unit_test(test_battlefield_parse),
		cmocka_unit_test(test_form_names),
		cmocka_unit_test(test_other_vocabularies),
		cmocka_unit_test(test_out_of_range_is_safe),
		cmocka_unit_test(test_utf8_copy),
		cmocka_unit_test(test_meeting_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
