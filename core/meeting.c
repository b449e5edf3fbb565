#include "core/meeting.h"

#include <stdint.h>
#include <stdlib.h>

struct core_meeting *core_meeting_list_push(struct core_meeting_list *l,
                                            const struct core_meeting *m)
{
	if (l->n == l->cap) {
		/* Doubling keeps a million pushes linear. */
		size_t cap = l->cap != 0 ? l->cap * 2 : 16;
		if (cap < l->cap || cap > SIZE_MAX / sizeof *l->items)
			return NULL;
		struct core_meeting *items = realloc(l->items, cap * sizeof *items);
		if (items == NULL)
			return NULL;
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n] = *m;
	return &l->items[l->n++];
}

void core_meeting_list_free(struct core_meeting_list *l)
{
	if (l == NULL)
		return;
	free(l->items);
	l->items = NULL;
	l->n = 0;
	l->cap = 0;
}

/* Length of the well-formed UTF-8 sequence at s (1..4), or 0 when the bytes
 * there are not one: a stray continuation byte, an overlong form, a
 * surrogate, a code point past U+10FFFF or a sequence cut short.  s is
 * NUL-terminated, and a NUL fails every continuation test, so the checks
 * never read past the end. */
static size_t utf8_sequence_len(const unsigned char *s)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (c == 0xe0)
			lo = 0xa0;      /* overlong below U+0800 */
		else if (c == 0xed)
			hi = 0x9f;      /* surrogates U+D800..U+DFFF */
		return s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (c == 0xf0)
			lo = 0x90;      /* overlong below U+10000 */
		else if (c == 0xf4)
			hi = 0x8f;      /* past U+10FFFF */
		return s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 &&
		       (s[3] & 0xc0) == 0x80 ? 4 : 0;
	}
	return 0;
}

/* Text from the database or a CSV file is not trusted to be UTF-8; a byte
 * that starts no valid sequence becomes '?', so whatever comes out can be
 * drawn and measured safely. */
void core_utf8_copy(char *dst, size_t dstsize, const char *src)
{
	if (dst == NULL || dstsize == 0)
		return;
	size_t o = 0;
	const unsigned char *s = (const unsigned char *)(src != NULL ? src : "");

	while (*s != '\0') {
		size_t n = utf8_sequence_len(s);
		size_t out = n != 0 ? n : 1;
		if (out > dstsize - 1 - o)
			break;
		if (n == 0) {
			dst[o] = '?';
		} else {
			for (size_t i = 0; i < n; i++)
				dst[o + i] = (char)s[i];
		}
		o += out;
		s += out;
	}
	dst[o] = '\0';
}
