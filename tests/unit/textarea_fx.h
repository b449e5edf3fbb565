#ifndef TESTS_UNIT_TEXTAREA_FX_H
#define TESTS_UNIT_TEXTAREA_FX_H
/* What the multi-line editor's tests share (test_textarea,
 * test_textarea_stress): characters and keys sent as ncurses delivers
 * them, and the text read back.  Include after cmocka.h; the tests run
 * under a UTF-8 locale.  text_of's text lives in a static buffer, valid
 * until the next call. */

#include "tui/event.h"
#include "tui/textarea.h"
#include "tests/unit/events.h"

static inline int ch_ev(struct tui_textarea *t, wint_t ch)
{
	struct tui_event ev = events_char(ch);
	return tui_textarea_event(t, &ev);
}

static inline int key_ev(struct tui_textarea *t, int key)
{
	struct tui_event ev = events_key(key);
	return tui_textarea_event(t, &ev);
}

static inline void keys(struct tui_textarea *t, int key, int n)
{
	for (int i = 0; i < n; i++)
		key_ev(t, key);
}

static inline const char *text_of(const struct tui_textarea *t)
{
	static char buf[1 << 16];
	tui_textarea_get(t, buf, sizeof buf);
	return buf;
}

#endif
