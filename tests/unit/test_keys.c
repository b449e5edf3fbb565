/* The week screen's action table (tui/keys.c) and what is generated from
 * it: key lookup, key names and the key line.  The table is checked as a
 * whole (every row complete, no key bound twice), so a row added later is
 * held to the same rules without a test of its own. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/canvas.h"
#include "tui/keys.h"

static struct tui_event ev_char(int ch)
{
	struct tui_event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = TUI_EV_CHAR;
	ev.ch = (wint_t)ch;
	return ev;
}

static struct tui_event ev_key(int key)
{
	struct tui_event ev;
	memset(&ev, 0, sizeof ev);
	ev.kind = TUI_EV_KEY;
	ev.key = key;
	return ev;
}

static struct tui_event ev_of(struct tui_key k)
{
	return k.is_code ? ev_key(k.code) : ev_char(k.code);
}

static int key_count(const struct tui_action_def *a)
{
	int n = 0;
	while (n < TUI_ACTION_KEYS && a->keys[n].code != 0)
		n++;
	return n;
}

/* ---- the table ---- */

static void test_table_rows_complete(void **state)
{
	(void)state;
	size_t n = 0;
	const struct tui_action_def *t = tui_keys_table(&n);
	assert_non_null(t);
	assert_int_equal(n, TUI_ACT_COUNT);
	assert_ptr_equal(tui_keys_table(NULL), t);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(t[i].id, (int)i);
		assert_non_null(t[i].name);
		assert_true(strlen(t[i].name) > 0);
		assert_non_null(t[i].label);
		assert_true(strlen(t[i].label) > 0);
		assert_true(key_count(&t[i]) >= 1);
		assert_in_range(t[i].group, 0, TUI_GROUP_COUNT - 1);
		/* A row that shares its hint hands it to the next row, which
		 * then has none of its own ("←→ day"). */
		if (t[i].pair) {
			assert_true(i + 1 < n);
			assert_non_null(t[i].hint);
			assert_null(t[i + 1].hint);
		}
		/* Names are for a key configuration: unique, and spelt as one
		 * word. */
		assert_null(strchr(t[i].name, ' '));
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(t[i].name, t[j].name);
	}
	for (int g = 0; g < TUI_GROUP_COUNT; g++)
		assert_true(strlen(tui_keys_group_label((enum tui_action_group)g)) > 0);
}

/* No key bound to two actions (nor twice to one), and every bound key
 * looks up to its own action. */
static void test_table_keys_unique(void **state)
{
	(void)state;
	size_t n;
	const struct tui_action_def *t = tui_keys_table(&n);
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < key_count(&t[i]); k++) {
			struct tui_key a = t[i].keys[k];
			for (size_t j = 0; j < n; j++)
				for (int l = 0; l < key_count(&t[j]); l++) {
					if (i == j && k == l)
						continue;
					struct tui_key b = t[j].keys[l];
					if (a.is_code == b.is_code && a.code == b.code)
						fail_msg("key %d (code %d) is bound to %s and %s",
						         a.code, a.is_code, t[i].name, t[j].name);
				}
			struct tui_event ev = ev_of(a);
			assert_int_equal(tui_keys_lookup(&ev), t[i].id);
		}
}

/* ---- lookup ---- */

static void test_lookup(void **state)
{
	(void)state;
	struct tui_event j = ev_char('j'), down = ev_key(KEY_DOWN);
	assert_int_equal(tui_keys_lookup(&j), TUI_ACT_MEETING_NEXT);
	assert_int_equal(tui_keys_lookup(&down), tui_keys_lookup(&j));
	struct tui_event h = ev_char('h'), left = ev_key(KEY_LEFT);
	assert_int_equal(tui_keys_lookup(&h), TUI_ACT_DAY_PREV);
	assert_int_equal(tui_keys_lookup(&left), TUI_ACT_DAY_PREV);
	struct tui_event enter = ev_char('\n'), q = ev_char('q');
	assert_int_equal(tui_keys_lookup(&enter), TUI_ACT_EDIT);
	assert_int_equal(tui_keys_lookup(&q), TUI_ACT_QUIT);
	/* Held is H: h is vi-left. */
	struct tui_event big_h = ev_char('H');
	assert_int_equal(tui_keys_lookup(&big_h), TUI_ACT_HELD);
	/* Export is E: e edits. */
	struct tui_event big_e = ev_char('E'), e = ev_char('e');
	assert_int_equal(tui_keys_lookup(&big_e), TUI_ACT_EXPORT);
	assert_int_equal(tui_keys_lookup(&e), TUI_ACT_EDIT);

	/* A character and a key code with the same number are different
	 * keys: KEY_DOWN is 258, and U+0102 is not bound. */
	struct tui_event not_down = ev_char(KEY_DOWN);
	assert_int_equal(tui_keys_lookup(&not_down), TUI_ACT_NONE);
	struct tui_event z = ev_char('Z'), nul = ev_char(0), f12 = ev_key(KEY_F(12));
	assert_int_equal(tui_keys_lookup(&z), TUI_ACT_NONE);
	assert_int_equal(tui_keys_lookup(&nul), TUI_ACT_NONE);
	assert_int_equal(tui_keys_lookup(&f12), TUI_ACT_NONE);
	/* Ticks and clicks are never actions, whatever their fields hold. */
	struct tui_event tick = ev_char('q'), click = ev_char('q');
	tick.kind = TUI_EV_TICK;
	click.kind = TUI_EV_MOUSE;
	assert_int_equal(tui_keys_lookup(&tick), TUI_ACT_NONE);
	assert_int_equal(tui_keys_lookup(&click), TUI_ACT_NONE);
}

/* ---- names ---- */

static void assert_key_name(int is_code, int code, int ascii, const char *want)
{
	char buf[32];
	struct tui_key k = { is_code, code };
	memset(buf, 'X', sizeof buf);
	tui_key_name(k, ascii, buf, sizeof buf);
	assert_string_equal(buf, want);
}

/* The one matcher every screen's key table goes through. */
static void test_key_match(void **state)
{
	(void)state;
	/* 'H' typed and KEY_HOME: a character and a code never match each
	 * other, even were their numbers equal; code 0 ends the list. */
	const struct tui_key keys[4] = { { 0, 'H' }, { 1, KEY_HOME }, { 0, 0 }, { 0, 'z' } };
	struct tui_event e = ev_char('H');
	assert_true(tui_key_match(keys, 4, &e));
	e = ev_key(KEY_HOME);
	assert_true(tui_key_match(keys, 4, &e));
	e = ev_key('H');
	assert_false(tui_key_match(keys, 4, &e));
	e = ev_char(KEY_HOME);
	assert_false(tui_key_match(keys, 4, &e));
	e = ev_char('z');
	assert_false(tui_key_match(keys, 4, &e));
	/* n bounds the list: only the first key. */
	e = ev_key(KEY_HOME);
	assert_false(tui_key_match(keys, 1, &e));
	/* Ticks and clicks are never keys, nor is a NUL character. */
	memset(&e, 0, sizeof e);
	e.kind = TUI_EV_TICK;
	assert_false(tui_key_match(keys, 4, &e));
	const struct tui_key nul[1] = { { 0, 'q' } };
	e = ev_char(0);
	assert_false(tui_key_match(nul, 1, &e));
}

static void test_key_names(void **state)
{
	(void)state;
	assert_key_name(1, KEY_LEFT, 0, "←");
	assert_key_name(1, KEY_LEFT, 1, "Left");
	assert_key_name(1, KEY_DOWN, 0, "↓");
	assert_key_name(1, KEY_DOWN, 1, "Down");
	assert_key_name(1, KEY_PPAGE, 0, "PgUp");
	assert_key_name(1, KEY_NPAGE, 1, "PgDn");
	assert_key_name(1, KEY_HOME, 0, "Home");
	assert_key_name(1, KEY_F(1), 0, "F1");
	assert_key_name(1, KEY_F(12), 1, "F12");
	assert_key_name(0, 'L' & 0x1f, 0, "Ctrl-L");
	assert_key_name(0, '?', 0, "?");
	assert_key_name(0, 'a', 1, "a");
	assert_key_name(0, '\n', 0, "Enter");
	assert_key_name(0, 27, 0, "Esc");
	assert_key_name(0, ' ', 0, "Space");
	assert_key_name(0, 0xE6, 0, "æ");
	assert_key_name(0, 0xE6, 1, "U+00E6");

	/* Cut to the buffer, always terminated. */
	char small[3];
	struct tui_key pgup = { 1, KEY_PPAGE };
	tui_key_name(pgup, 0, small, sizeof small);
	assert_string_equal(small, "Pg");

	/* All of an action's keys, the shown one first. */
	size_t n;
	const struct tui_action_def *t = tui_keys_table(&n);
	char names[96];
	tui_keys_names(&t[TUI_ACT_EDIT], 0, names, sizeof names);
	assert_string_equal(names, "e  Enter");
	tui_keys_names(&t[TUI_ACT_DAY_PREV], 1, names, sizeof names);
	assert_string_equal(names, "Left  h");
	tui_keys_names(&t[TUI_ACT_HELP], 0, names, sizeof names);
	assert_string_equal(names, "?  F1");
	tui_keys_names(&t[TUI_ACT_REDRAW], 0, names, sizeof names);
	assert_string_equal(names, "Ctrl-L");
}

/* ---- the key line ---- */

static int is_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80)
			return 0;
	return 1;
}

/* Every item of a key line ("a add", "←→ day") ends in the hint of an
 * action of the table: nothing is cut in half. */
static void assert_whole_items(const char *line)
{
	size_t n;
	const struct tui_action_def *t = tui_keys_table(&n);
	assert_true(line[0] != ' ');
	const char *p = line;
	while (*p != '\0') {
		const char *end = strstr(p, "  ");
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
		char item[128];
		assert_true(len < sizeof item);
		memcpy(item, p, len);
		item[len] = '\0';
		const char *word = strrchr(item, ' ');
		assert_non_null(word);
		int known = 0;
		for (size_t i = 0; i < n; i++)
			if (t[i].hint != NULL && strcmp(word + 1, t[i].hint) == 0)
				known = 1;
		if (!known)
			fail_msg("\"%s\" is not an action's hint: [%s]", item, line);
		p += len;
		if (*p != '\0') {
			assert_true(p[0] == ' ' && p[1] == ' ' && p[2] != ' ' && p[2] != '\0');
			p += 2;
		}
	}
}

static void test_hint_line(void **state)
{
	(void)state;
	char wide[512], narrow[512];
	/* The status line's room on a 100- and an 80-column screen. */
	int used = tui_keys_hint_line(0, 98, wide, sizeof wide);
	assert_true(used <= 98);
	assert_int_equal(tui_text_width(wide), used);
	assert_non_null(strstr(wide, "a add"));
	assert_non_null(strstr(wide, "←→ day"));
	assert_non_null(strstr(wide, "↑↓ meeting"));
	assert_non_null(strstr(wide, "[ ] week"));
	/* A rarely used action added later (export) does not push the
	 * week's keys off the line: it comes after them. */
	assert_null(strstr(wide, "export"));
	assert_whole_items(wide);
	used = tui_keys_hint_line(0, 78, narrow, sizeof narrow);
	assert_true(used <= 78);
	assert_true(used > 60);
	assert_int_equal(tui_text_width(narrow), used);
	assert_non_null(strstr(narrow, "a add"));
	assert_whole_items(narrow);
	/* Fewer columns drop items from the end, never reorder them. */
	assert_true(strlen(narrow) < strlen(wide));
	assert_memory_equal(narrow, wide, strlen(narrow));

	/* With room for everything, every hint of the table is there. */
	char all[1024];
	used = tui_keys_hint_line(0, 1000, all, sizeof all);
	assert_int_equal(tui_text_width(all), used);
	size_t n;
	const struct tui_action_def *t = tui_keys_table(&n);
	for (size_t i = 0; i < n; i++) {
		if (t[i].hint == NULL)
			continue;
		char item[64];
		char key[32];
		tui_key_name(t[i].keys[0], 0, key, sizeof key);
		snprintf(item, sizeof item, " %s", t[i].hint);
		assert_non_null(strstr(all, item));
		assert_non_null(strstr(all, key));
	}

	assert_non_null(strstr(all, "E export"));

	/* No room: an empty line, not half an item. */
	char tiny[64];
	assert_int_equal(tui_keys_hint_line(0, 4, tiny, sizeof tiny), 0);
	assert_string_equal(tiny, "");
	/* A short buffer: whole items that fit it, terminated. */
	char shortbuf[12];
	used = tui_keys_hint_line(0, 98, shortbuf, sizeof shortbuf);
	assert_string_equal(shortbuf, "a add");
	assert_int_equal(used, 5);
}

static void test_hint_line_ascii(void **state)
{
	(void)state;
	for (int width = 98; width >= 78; width -= 20) {
		char line[512];
		int used = tui_keys_hint_line(1, width, line, sizeof line);
		assert_true(used <= width);
		assert_int_equal((int)strlen(line), used);
		assert_true(is_ascii(line));
		assert_non_null(strstr(line, "a add"));
		/* A letter stands in for an arrow spelt out. */
		assert_non_null(strstr(line, "h/l day"));
		/* At 78 columns the line ends at "h/l day" ("n minutes" took
		 * the room). */
		if (width >= 98)
			assert_non_null(strstr(line, "k/j meeting"));
		assert_null(strstr(line, "Left"));
		assert_whole_items(line);
	}
	char all[1024];
	tui_keys_hint_line(1, 1000, all, sizeof all);
	assert_true(is_ascii(all));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_rows_complete),
		cmocka_unit_test(test_table_keys_unique),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_key_match),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_hint_line),
		cmocka_unit_test(test_hint_line_ascii),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
