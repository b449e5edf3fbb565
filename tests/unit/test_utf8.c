/* The strict UTF-8 decoder, the encoder, the validity check, the
 * bounded copy and the excerpt for messages (core/utf8.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/utf8.h"

/* Decodes s (n bytes may be read) and checks the length and code point. */
static void expect_decode(const char *s, size_t n, size_t len, uint32_t cp)
{
	uint32_t got = 0;
	assert_int_equal(core_utf8_decode(s, n, &got), len);
	assert_int_equal(got, cp);
	assert_int_equal(core_utf8_next(s, n), cp == CORE_UTF8_BAD ? 0 : len);
}

static void test_each_length(void **state)
{
	(void)state;
	expect_decode("A", 1, 1, 0x41);
	expect_decode("\xC3\xB8", 2, 2, 0xF8);                  /* ø */
	expect_decode("\xE2\x98\x8E", 3, 3, 0x260E);            /* ☎ */
	expect_decode("\xF0\x9F\x98\x80", 4, 4, 0x1F600);       /* 😀 */
	/* Only the first character is decoded. */
	expect_decode("\xC3\xB8z", 3, 2, 0xF8);
	/* U+0000 is a character like any other: one byte. */
	expect_decode("\0x", 2, 1, 0);
}

static void test_boundaries(void **state)
{
	(void)state;
	expect_decode("\x7F", 1, 1, 0x7F);
	expect_decode("\xC2\x80", 2, 2, 0x80);
	expect_decode("\xDF\xBF", 2, 2, 0x7FF);
	expect_decode("\xE0\xA0\x80", 3, 3, 0x800);
	expect_decode("\xED\x9F\xBF", 3, 3, 0xD7FF);            /* below surrogates */
	expect_decode("\xEE\x80\x80", 3, 3, 0xE000);            /* above them */
	expect_decode("\xEF\xBF\xBF", 3, 3, 0xFFFF);
	expect_decode("\xF0\x90\x80\x80", 4, 4, 0x10000);
	expect_decode("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);
}

static void test_overlong(void **state)
{
	(void)state;
	/* '/' and U+007F, U+07FF and U+FFFF in too many bytes: only the lead
	 * byte is the maximal subpart, as no valid sequence starts that way. */
	expect_decode("\xC0\xAF", 2, 1, CORE_UTF8_BAD);
	expect_decode("\xC1\xBF", 2, 1, CORE_UTF8_BAD);
	expect_decode("\xE0\x80\xAF", 3, 1, CORE_UTF8_BAD);
	expect_decode("\xE0\x9F\xBF", 3, 1, CORE_UTF8_BAD);
	expect_decode("\xF0\x80\x80\xAF", 4, 1, CORE_UTF8_BAD);
	expect_decode("\xF0\x8F\xBF\xBF", 4, 1, CORE_UTF8_BAD);
}

static void test_surrogates_and_beyond(void **state)
{
	(void)state;
	expect_decode("\xED\xA0\x80", 3, 1, CORE_UTF8_BAD);     /* U+D800 */
	expect_decode("\xED\xBF\xBF", 3, 1, CORE_UTF8_BAD);     /* U+DFFF */
	expect_decode("\xF4\x90\x80\x80", 4, 1, CORE_UTF8_BAD); /* U+110000 */
	for (unsigned b = 0xF5; b <= 0xFF; b++) {
		char s[4] = { (char)b, '\x80', '\x80', '\x80' };
		expect_decode(s, 4, 1, CORE_UTF8_BAD);
	}
	/* A continuation byte cannot start a character. */
	expect_decode("\x80", 1, 1, CORE_UTF8_BAD);
	expect_decode("\xBF", 1, 1, CORE_UTF8_BAD);
}

static void test_truncated(void **state)
{
	(void)state;
	/* Cut by the end of the buffer, though the bytes are there. */
	expect_decode("\xC3\xB8", 1, 1, CORE_UTF8_BAD);
	expect_decode("\xE2\x98\x8E", 2, 2, CORE_UTF8_BAD);
	expect_decode("\xF0\x9F\x98\x80", 3, 3, CORE_UTF8_BAD);
	expect_decode("\xF0\x9F\x98\x80", 1, 1, CORE_UTF8_BAD);
	/* Cut by a NUL or an ASCII byte: the maximal subpart, never the byte
	 * after it, so a NUL-terminated string may pass CORE_UTF8_MAX. */
	expect_decode("\xE2\x98", CORE_UTF8_MAX, 2, CORE_UTF8_BAD);
	expect_decode("\xF0\x9F\x98", CORE_UTF8_MAX, 3, CORE_UTF8_BAD);
	expect_decode("\xE1\x80" "A", 3, 2, CORE_UTF8_BAD);
	expect_decode("\xC3" "A", 2, 1, CORE_UTF8_BAD);
	expect_decode("\xF4\x8F" "A", 3, 2, CORE_UTF8_BAD);
	/* Nothing to read. */
	uint32_t cp = 0;
	assert_int_equal(core_utf8_decode("A", 0, &cp), 0);
	assert_int_equal(cp, CORE_UTF8_BAD);
	assert_int_equal(core_utf8_next("A", 0), 0);
}

static void test_encode(void **state)
{
	(void)state;
	char out[CORE_UTF8_MAX] = { 0 };
	assert_int_equal(core_utf8_encode(0x41, out), 1);
	assert_memory_equal(out, "A", 1);
	assert_int_equal(core_utf8_encode(0xF8, out), 2);
	assert_memory_equal(out, "\xC3\xB8", 2);
	assert_int_equal(core_utf8_encode(0x260E, out), 3);
	assert_memory_equal(out, "\xE2\x98\x8E", 3);
	assert_int_equal(core_utf8_encode(0x10FFFF, out), 4);
	assert_memory_equal(out, "\xF4\x8F\xBF\xBF", 4);
	/* Not scalar values: nothing written. */
	memset(out, 'x', sizeof out);
	assert_int_equal(core_utf8_encode(0xD800, out), 0);
	assert_int_equal(core_utf8_encode(0xDFFF, out), 0);
	assert_int_equal(core_utf8_encode(0x110000, out), 0);
	assert_int_equal(core_utf8_encode(UINT32_MAX, out), 0);
	assert_memory_equal(out, "xxxx", 4);
	assert_int_equal(core_utf8_len(0x7F), 1);
	assert_int_equal(core_utf8_len(0x80), 2);
	assert_int_equal(core_utf8_len(0x7FF), 2);
	assert_int_equal(core_utf8_len(0x800), 3);
	assert_int_equal(core_utf8_len(0xD7FF), 3);
	assert_int_equal(core_utf8_len(0xD800), 0);
	assert_int_equal(core_utf8_len(0xE000), 3);
	assert_int_equal(core_utf8_len(0xFFFF), 3);
	assert_int_equal(core_utf8_len(0x10000), 4);
	assert_int_equal(core_utf8_len(0x10FFFF), 4);
	assert_int_equal(core_utf8_len(0x110000), 0);
}

static void test_round_trip_every_scalar(void **state)
{
	(void)state;
	size_t lengths[CORE_UTF8_MAX + 1] = { 0 };
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp == 0xD800)
			cp = 0xE000;
		char out[CORE_UTF8_MAX];
		size_t n = core_utf8_encode(cp, out);
		if (n == 0 || n != core_utf8_len(cp))
			fail_msg("U+%04X encodes in %zu bytes", (unsigned)cp, n);
		uint32_t back;
		if (core_utf8_decode(out, n, &back) != n || back != cp ||
		    !core_utf8_valid(out, n))
			fail_msg("U+%04X does not decode back", (unsigned)cp);
		lengths[n]++;
	}
	assert_int_equal(lengths[1], 0x80);
	assert_int_equal(lengths[2], 0x800 - 0x80);
	assert_int_equal(lengths[3], 0x10000 - 0x800 - 0x800);
	assert_int_equal(lengths[4], 0x110000 - 0x10000);
}

/* Every byte string the decoder accepts is the encoder's output for what it
 * decoded, so there is exactly one encoding of each code point: no
 * overlong form, no surrogate slips through.  Exhaustive for two bytes and
 * three-byte leads, sampled for four. */
static void check_unique(const unsigned char *b, size_t n)
{
	uint32_t cp;
	size_t len = core_utf8_decode((const char *)b, n, &cp);
	if (cp == CORE_UTF8_BAD)
		return;
	char out[CORE_UTF8_MAX];
	size_t m = core_utf8_encode(cp, out);
	if (m != len || memcmp(out, b, m) != 0)
		fail_msg("%02X %02X.. decodes to U+%04X, which encodes otherwise",
		         b[0], b[1], (unsigned)cp);
}

static void test_decoder_is_strict(void **state)
{
	(void)state;
	unsigned char b[4];
	for (unsigned x = 0; x < 0x10000; x++) {
		b[0] = (unsigned char)(x >> 8);
		b[1] = (unsigned char)x;
		check_unique(b, 2);
	}
	for (unsigned lead = 0xE0; lead <= 0xEF; lead++)
		for (unsigned x = 0; x < 0x10000; x++) {
			b[0] = (unsigned char)lead;
			b[1] = (unsigned char)(x >> 8);
			b[2] = (unsigned char)x;
			check_unique(b, 3);
		}
	static const unsigned char tail[] = { 0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0 };
	for (unsigned lead = 0xF0; lead <= 0xFF; lead++)
		for (unsigned second = 0; second < 0x100; second++)
			for (size_t i = 0; i < sizeof tail; i++)
				for (size_t j = 0; j < sizeof tail; j++) {
					b[0] = (unsigned char)lead;
					b[1] = (unsigned char)second;
					b[2] = tail[i];
					b[3] = tail[j];
					check_unique(b, 4);
				}
}

static void test_valid(void **state)
{
	(void)state;
	const char *ok = "Køge ☎ 😀";
	assert_true(core_utf8_valid(ok, strlen(ok)));
	assert_true(core_utf8_valid("", 0));
	assert_true(core_utf8_valid("a\0b", 3));                /* U+0000 inside */
	assert_false(core_utf8_valid("ab\x80", 3));
	assert_false(core_utf8_valid("K\xC3", 2));              /* cut at the end */
	assert_false(core_utf8_valid("\xC0\xAF", 2));
	assert_false(core_utf8_valid("x\xED\xA0\x80y", 5));
	/* Only n bytes count: a cut before the bad byte is valid. */
	assert_true(core_utf8_valid("ab\x80", 2));
	assert_false(core_utf8_valid("\xE2\x98\x8E", 2));
	assert_true(core_utf8_valid("\xE2\x98\x8E", 3));
}

static void test_copy_cut_points(void **state)
{
	(void)state;
	/* "a☎b😀": characters end after bytes 1, 4, 5 and 9.  A buffer of
	 * size s holds the longest prefix ending at one of those that is at
	 * most s - 1 bytes. */
	const char *src = "a\xE2\x98\x8E" "b\xF0\x9F\x98\x80";
	static const size_t fits[] = { 0, 0, 1, 1, 1, 4, 5, 5, 5, 5, 9, 9 };
	for (size_t size = 1; size < sizeof fits / sizeof fits[0]; size++) {
		char dst[16];
		memset(dst, 'x', sizeof dst);
		core_utf8_copy(dst, size, src);
		assert_int_equal(strlen(dst), fits[size]);
		assert_memory_equal(dst, src, fits[size]);
	}
	char dst[8] = "zzz";
	core_utf8_copy(dst, 0, "abc");                          /* nothing written */
	assert_string_equal(dst, "zzz");
	core_utf8_copy(NULL, 8, "abc");                         /* harmless */
	core_utf8_copy(dst, sizeof dst, NULL);
	assert_string_equal(dst, "");
}

static void test_copy_replaces_bytes(void **state)
{
	(void)state;
	char dst[16];
	/* One '?' per byte (not per maximal subpart), so lengths never grow
	 * and a text that fits still fits. */
	core_utf8_copy(dst, sizeof dst, "\xE1\x80" "A");
	assert_string_equal(dst, "??A");
	core_utf8_copy(dst, sizeof dst, "\xF4\x90\x80\x80!");
	assert_string_equal(dst, "????" "!");
	core_utf8_copy(dst, sizeof dst, "x\xF0\x9F\x98");       /* cut by the NUL */
	assert_string_equal(dst, "x???");
	/* A '?' takes one byte, so it fits where the character would not. */
	core_utf8_copy(dst, 3, "a\xC3");
	assert_string_equal(dst, "a?");
}

/* An excerpt is the bounded copy on one line: short text as it is, a
 * control character (a line break in a quoted cell, DEL) as '?', a bad
 * byte as '?', and long text cut at a character boundary. */
static void test_excerpt(void **state)
{
	(void)state;
	assert_string_equal(core_utf8_excerpt("Køge Gruppen").s, "Køge Gruppen");
	assert_string_equal(core_utf8_excerpt("two\r\nlines\tand\x7f").s,
	                    "two??lines?and?");
	assert_string_equal(core_utf8_excerpt("x\xC3(").s, "x?(");
	assert_string_equal(core_utf8_excerpt(NULL).s, "");
	/* 38 bytes of 'a', then ø: 40 bytes do not fit in 39, so ø goes
	 * whole, not half. */
	char long_text[64];
	memset(long_text, 'a', 38);
	memcpy(long_text + 38, "\xC3\xB8zz", 5);
	struct core_excerpt e = core_utf8_excerpt(long_text);
	assert_int_equal(strlen(e.s), 38);
	assert_true(core_utf8_valid(e.s, strlen(e.s)));
	memset(long_text, 'b', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	e = core_utf8_excerpt(long_text);
	assert_int_equal(strlen(e.s), CORE_UTF8_EXCERPT_SIZE - 1);
	assert_memory_equal(e.s, long_text, CORE_UTF8_EXCERPT_SIZE - 1);

	/* A cell of len bytes, not NUL-terminated: "…" when it was cut. */
	assert_string_equal(core_utf8_excerpt_n("a\nbXYZ", 3).s, "a?b");
	e = core_utf8_excerpt_n(long_text, 50);
	assert_int_equal(strlen(e.s), CORE_UTF8_EXCERPT_SIZE - 1 + strlen("…"));
	assert_string_equal(e.s + CORE_UTF8_EXCERPT_SIZE - 1, "…");
	e = core_utf8_excerpt_n(long_text, CORE_UTF8_EXCERPT_SIZE - 1);
	assert_null(strstr(e.s, "…"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_length),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_surrogates_and_beyond),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_round_trip_every_scalar),
		cmocka_unit_test(test_decoder_is_strict),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_copy_cut_points),
		cmocka_unit_test(test_copy_replaces_bytes),
		cmocka_unit_test(test_excerpt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
