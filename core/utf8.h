#ifndef CORE_UTF8_H
#define CORE_UTF8_H
/* UTF-8, strictly: the one decoder and encoder of the tree.  Well-formed
 * means what Unicode's table 3-7 allows: no overlong form, no surrogate
 * (U+D800..U+DFFF), nothing past U+10FFFF, no sequence cut short.  What to
 * do with a byte that is not (replace it by '?', by U+FFFD, or refuse the
 * text) is the caller's policy; these functions only say so.  Nothing here
 * allocates: every result lives in memory the caller passes. */

#include <stddef.h>
#include <stdint.h>

#define CORE_UTF8_MAX 4                  /* bytes of the longest sequence */
#define CORE_UTF8_BAD UINT32_MAX         /* no code point (see decode) */
#define CORE_UTF8_REPLACEMENT 0xFFFDu    /* U+FFFD REPLACEMENT CHARACTER */

/* Decodes the sequence at s, of which at most n bytes may be read, and
 * returns the bytes it takes (0 only when n == 0).  A well-formed sequence
 * sets *cp to its code point.  Otherwise *cp is CORE_UTF8_BAD and the
 * length is that of the maximal subpart (1..3): the bytes Unicode replaces
 * by one U+FFFD, so a stray byte never swallows the character after it.
 * Bytes are read in order and reading stops at the first that cannot
 * continue the sequence; as a NUL never can, a NUL-terminated string may
 * pass n = CORE_UTF8_MAX without reading past its end. */
size_t core_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Length (1..4) of the well-formed sequence at s, of which n bytes may be
 * read, or 0 when there is none: a stray continuation byte, an overlong
 * form, a surrogate, a code point past U+10FFFF, a sequence cut short, or
 * n == 0. */
size_t core_utf8_next(const char *s, size_t n);

/* Bytes the encoding of cp takes (1..4), or 0 when cp is not a Unicode
 * scalar value (a surrogate or past U+10FFFF). */
size_t core_utf8_len(uint32_t cp);

/* Writes the encoding of cp into out (CORE_UTF8_MAX bytes of room, no NUL
 * added) and returns its length, or 0, writing nothing, when cp is not a
 * scalar value. */
size_t core_utf8_encode(uint32_t cp, char *out);

/* 1 when the n bytes at s are well-formed UTF-8 throughout, else 0.  A NUL
 * byte inside counts as U+0000. */
int core_utf8_valid(const char *s, size_t n);

/* Copies src (NULL is "") into dst (dstsize bytes), cutting at a character
 * boundary so the result is always valid and NUL-terminated; a byte that
 * starts no well-formed sequence becomes '?'. */
void core_utf8_copy(char *dst, size_t dstsize, const char *src);

/* A piece of text quoted back in a message (a cell, a name): at most
 * CORE_UTF8_EXCERPT_SIZE - 1 bytes of it, cut at a character boundary,
 * valid UTF-8 as core_utf8_copy makes it, and on one line: a control
 * character (a quoted cell may hold a line break) shows as '?'.  Returned
 * by value so it can stand in a message's arguments. */
#define CORE_UTF8_EXCERPT_SIZE 40

struct core_excerpt {
	char s[CORE_UTF8_EXCERPT_SIZE + sizeof "…" - 1];
};

struct core_excerpt core_utf8_excerpt(const char *s);
/* The same of the len bytes at s (a cell, not NUL-terminated), with "…"
 * after it when it was cut. */
struct core_excerpt core_utf8_excerpt_n(const char *s, size_t len);

#endif
