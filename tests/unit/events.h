#ifndef TESTS_UNIT_EVENTS_H
#define TESTS_UNIT_EVENTS_H
/* What the widget tests share: events as ncurses delivers them and the
 * canvas read back as text.  Include after cmocka.h; the tests run under
 * a UTF-8 locale (setlocale) for mbrtowc.  Nothing here allocates: text
 * goes into the caller's buffer. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "tui/canvas.h"
#include "tui/event.h"

static inline struct tui_event events_char(wint_t ch)
{
	struct tui_event ev = { .kind = TUI_EV_CHAR, .ch = ch };
	return ev;
}

static inline struct tui_event events_key(int key)
{
	struct tui_event ev = { .kind = TUI_EV_KEY, .key = key };
	return ev;
}

/* The next character of the UTF-8 text *s into *ch, advancing *s; 0 at
 * the end of the text.  Invalid UTF-8 fails the test. */
static inline int events_next_char(const char **s, wint_t *ch)
{
	if (**s == '\0')
		return 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	/* mbrtowc stops at the character's end, or at a NUL within it, which
	 * it reports as invalid; no strlen, so a long text stays linear. */
	size_t used = mbrtowc(&wc, *s, MB_CUR_MAX, &st);
	assert_true(used > 0 && used <= MB_CUR_MAX);
	*ch = (wint_t)wc;
	*s += used;
	return 1;
}

/* The whole canvas as tui_canvas_dump writes it, into buf (size bytes,
 * which it must fit). */
static inline char *events_canvas_text(const struct tui_canvas *c, char *buf,
                                       size_t size)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(tui_canvas_dump(c, fp), 0);
	rewind(fp);
	size_t n = fread(buf, 1, size - 1, fp);
	assert_int_equal(fgetc(fp), EOF);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* Line n (0-based) of s, without its newline, into buf (size bytes, which
 * it must fit). */
static inline char *events_line_at(const char *s, int n, char *buf, size_t size)
{
	for (int i = 0; i < n && s != NULL; i++) {
		s = strchr(s, '\n');
		if (s != NULL)
			s++;
	}
	assert_non_null(s);
	size_t len = strcspn(s, "\n");
	assert_true(len < size);
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

/* The 0-based number of the line of s that holds needle, or -1. */
static inline int events_line_of(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);
	if (p == NULL)
		return -1;
	int line = 0;
	for (const char *q = s; q < p; q++)
		line += *q == '\n';
	return line;
}

/* Bytes of the UTF-8 for the first n characters of pattern (plen long)
 * repeated, as a paste of it is stored; BMP characters only. */
static inline size_t events_utf8_bytes(const wchar_t *pattern, size_t plen, size_t n)
{
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++) {
		wchar_t wc = pattern[i % plen];
		bytes += wc < 0x80 ? 1 : wc < 0x800 ? 2 : 3;
	}
	return bytes;
}

/* Monotonic seconds, for the timing checks. */
static inline double events_now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#endif
