/* One decoder for every text the program reads: the database, CSV and
 * checklist files, pasted text, key names.  It is on the path of every row
 * of the week query, so it is a handful of compares, no table. */
#include "core/utf8.h"

#include <string.h>

size_t core_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t v;

	*cp = CORE_UTF8_BAD;
	if (n == 0)
		return 0;
	v = u[0];
	if (v < 0x80) {
		*cp = v;
		return 1;
	}
	if (v >= 0xC2 && v <= 0xDF) {
		need = 2;
		v &= 0x1F;
	} else if (v >= 0xE0 && v <= 0xEF) {
		need = 3;
		if (v == 0xE0)
			lo = 0xA0;      /* overlong below U+0800 */
		else if (v == 0xED)
			hi = 0x9F;      /* surrogates U+D800..U+DFFF */
		v &= 0x0F;
	} else if (v >= 0xF0 && v <= 0xF4) {
		need = 4;
		if (v == 0xF0)
			lo = 0x90;      /* overlong below U+10000 */
		else if (v == 0xF4)
			hi = 0x8F;      /* past U+10FFFF */
		v &= 0x07;
	} else {
		return 1;               /* C0, C1, F5..FF or a continuation byte */
	}
	/* Only the second byte has a narrowed range; checking it there is what
	 * makes the maximal subpart come out right. */
	size_t i = 1;
	for (; i < need; i++) {
		if (i >= n || u[i] < lo || u[i] > hi)
			return i;
		v = (v << 6) | (u[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need;
}

size_t core_utf8_next(const char *s, size_t n)
{
	uint32_t cp;
	size_t len = core_utf8_decode(s, n, &cp);
	return cp == CORE_UTF8_BAD ? 0 : len;
}

size_t core_utf8_len(uint32_t cp)
{
	if (cp < 0x80)
		return 1;
	if (cp < 0x800)
		return 2;
	if (cp < 0x10000)
		return cp >= 0xD800 && cp <= 0xDFFF ? 0 : 3;
	return cp <= 0x10FFFF ? 4 : 0;
}

size_t core_utf8_encode(uint32_t cp, char *out)
{
	static const unsigned char lead[CORE_UTF8_MAX + 1] = {0, 0x00, 0xC0, 0xE0, 0xF0};
	size_t n = core_utf8_len(cp);
	if (n == 0)
		return 0;
	for (size_t i = n - 1; i > 0; i--) {
		out[i] = (char)(0x80 | (cp & 0x3F));
		cp >>= 6;
	}
	out[0] = (char)(lead[n] | cp);
	return n;
}

int core_utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		/* Most text is ASCII: step over it a byte at a time without
		 * decoding (exports check every cell of a million rows). */
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = core_utf8_next(s + i, n - i);
		if (len == 0)
			return 0;
		i += len;
	}
	return 1;
}

/* Text from the database or a CSV file is not trusted to be UTF-8; a byte
 * that starts no valid sequence becomes '?', so whatever comes out can be
 * drawn and measured safely. */
void core_utf8_copy(char *dst, size_t dstsize, const char *src)
{
	if (dst == NULL || dstsize == 0)
		return;
	size_t o = 0;
	const char *s = src != NULL ? src : "";

	while (*s != '\0') {
		/* The NUL stops the decoder (see core/utf8.h), so no strlen. */
		size_t n = core_utf8_next(s, CORE_UTF8_MAX);
		size_t out = n != 0 ? n : 1;
		if (out > dstsize - 1 - o)
			break;
		if (n == 0) {
			dst[o] = '?';
		} else {
			for (size_t i = 0; i < n; i++)
				dst[o + i] = s[i];
		}
		o += out;
		s += out;
	}
	dst[o] = '\0';
}

struct core_excerpt core_utf8_excerpt(const char *s)
{
	struct core_excerpt e;
	core_utf8_copy(e.s, CORE_UTF8_EXCERPT_SIZE, s);
	for (char *p = e.s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return e;
}

struct core_excerpt core_utf8_excerpt_n(const char *s, size_t len)
{
	char raw[CORE_UTF8_EXCERPT_SIZE];
	size_t n = len < sizeof raw - 1 ? len : sizeof raw - 1;
	memcpy(raw, s, n);
	raw[n] = '\0';
	struct core_excerpt e = core_utf8_excerpt(raw);
	if (len > n)
		strcat(e.s, "…");
	return e;
}
