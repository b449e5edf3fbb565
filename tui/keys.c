/* The action table and what is generated from it: key lookup, key names,
 * the key line.  Adding an action is one row here plus its handler in
 * tui/week_actions.c; help and hints follow by themselves. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "tui/canvas.h"
#include "tui/keys.h"

#define BIND_CH(c)   { 0, (c) }
#define BIND_KEY(k)  { 1, (k) }
#define KEYS_CTRL(c) ((c) & 0x1f)

/* Display order: the help screen and the key line follow it.  'h' is
 * vi-left, so held is 'H'; Enter edits, as in any list.  Each row:
 *   [id] = { id, name, group, keys (the first is the one shown),
 *   help label, key-line hint, pair }; the designator puts each row at
 *   its id's index. */
static const struct tui_action_def keys_table[TUI_ACT_COUNT] = {
	[TUI_ACT_ADD] = { TUI_ACT_ADD, "add", TUI_GROUP_MEETING,
		{ BIND_CH('a') },
		"Plan a new meeting", "add", 0 },
	[TUI_ACT_EDIT] = { TUI_ACT_EDIT, "edit", TUI_GROUP_MEETING,
		{ BIND_CH('e'), BIND_CH('\n') },
		"Edit the selected meeting", "edit", 0 },
	[TUI_ACT_MOVE] = { TUI_ACT_MOVE, "move", TUI_GROUP_MEETING,
		{ BIND_CH('m') },
		"Move it a day or 30 min", "move", 0 },
	[TUI_ACT_HELD] = { TUI_ACT_HELD, "held", TUI_GROUP_MEETING,
		{ BIND_CH('H') },
		"Mark it held (again: planned)", "held", 0 },
	[TUI_ACT_CANCEL] = { TUI_ACT_CANCEL, "cancel", TUI_GROUP_MEETING,
		{ BIND_CH('x') },
		"Cancel it (asks y/n)", "cancel", 0 },
	[TUI_ACT_MINUTES] = { TUI_ACT_MINUTES, "minutes", TUI_GROUP_MEETING,
		{ BIND_CH('n') },
		"Write the minutes", "minutes", 0 },
	[TUI_ACT_FOLLOWUPS] =
		{ TUI_ACT_FOLLOWUPS, "followups", TUI_GROUP_NAVIGATE,
		{ BIND_CH('f') },
		"Open follow-ups", "follow-ups", 0 },
	[TUI_ACT_DAY_PREV] = { TUI_ACT_DAY_PREV, "day-prev", TUI_GROUP_NAVIGATE,
		{ BIND_KEY(KEY_LEFT), BIND_CH('h') },
		"Previous day", "day", 1 },
	[TUI_ACT_DAY_NEXT] = { TUI_ACT_DAY_NEXT, "day-next", TUI_GROUP_NAVIGATE,
		{ BIND_KEY(KEY_RIGHT), BIND_CH('l') },
		"Next day", NULL, 0 },
	[TUI_ACT_MEETING_PREV] =
		{ TUI_ACT_MEETING_PREV, "meeting-prev", TUI_GROUP_NAVIGATE,
		{ BIND_KEY(KEY_UP), BIND_CH('k') },
		"Previous meeting", "meeting", 1 },
	[TUI_ACT_MEETING_NEXT] =
		{ TUI_ACT_MEETING_NEXT, "meeting-next", TUI_GROUP_NAVIGATE,
		{ BIND_KEY(KEY_DOWN), BIND_CH('j') },
		"Next meeting", NULL, 0 },
	[TUI_ACT_WEEK_PREV] =
		{ TUI_ACT_WEEK_PREV, "week-prev", TUI_GROUP_NAVIGATE,
		{ BIND_CH('['), BIND_KEY(KEY_PPAGE) },
		"Previous week", "week", 1 },
	[TUI_ACT_WEEK_NEXT] =
		{ TUI_ACT_WEEK_NEXT, "week-next", TUI_GROUP_NAVIGATE,
		{ BIND_CH(']'), BIND_KEY(KEY_NPAGE) },
		"Next week", NULL, 0 },
	[TUI_ACT_TODAY] = { TUI_ACT_TODAY, "today", TUI_GROUP_NAVIGATE,
		{ BIND_CH('t'), BIND_KEY(KEY_HOME) },
		"Back to today", "today", 0 },
	[TUI_ACT_WEEKEND] = { TUI_ACT_WEEKEND, "weekend", TUI_GROUP_VIEW,
		{ BIND_CH('w') },
		"Show or hide the weekend", "weekend", 0 },
	[TUI_ACT_SELLER] = { TUI_ACT_SELLER, "seller", TUI_GROUP_VIEW,
		{ BIND_CH('s') },
		"Switch to the next seller", "seller", 0 },
	[TUI_ACT_EXPORT] = { TUI_ACT_EXPORT, "export", TUI_GROUP_VIEW,
		{ BIND_CH('E') },
		"Export to CSV or iCalendar", "export", 0 },
	[TUI_ACT_HELP] = { TUI_ACT_HELP, "help", TUI_GROUP_VIEW,
		{ BIND_CH('?'), BIND_KEY(KEY_F(1)) },
		"This help", "help", 0 },
	[TUI_ACT_REDRAW] = { TUI_ACT_REDRAW, "redraw", TUI_GROUP_VIEW,
		{ BIND_CH(KEYS_CTRL('L')) },
		"Redraw the screen", NULL, 0 },
	[TUI_ACT_QUIT] = { TUI_ACT_QUIT, "quit", TUI_GROUP_VIEW,
		{ BIND_CH('q') },
		"Quit pipebench", "quit", 0 },
	[TUI_ACT_ACCOUNT] = { TUI_ACT_ACCOUNT, "account", TUI_GROUP_MEETING,
		{ BIND_CH('A') },
		"Open the account", "account", 0 },
	[TUI_ACT_PREP] = { TUI_ACT_PREP, "prep", TUI_GROUP_MEETING,
		{ BIND_CH('p') },
		"Prepare the meeting", "prep", 0 },
};

const struct tui_action_def *tui_keys_table(size_t *n)
{
	if (n != NULL)
		*n = TUI_ACT_COUNT;
	return keys_table;
}

const char *tui_keys_group_label(enum tui_action_group g)
{
	switch (g) {
	case TUI_GROUP_MEETING: return "The selected meeting";
	case TUI_GROUP_NAVIGATE: return "Moving around";
	case TUI_GROUP_VIEW: return "The screen";
	case TUI_GROUP_COUNT: break;
	}
	return "";
}

int tui_key_match(const struct tui_key *keys, size_t n, const struct tui_event *ev)
{
	int is_code = ev->kind == TUI_EV_KEY;
	int code = is_code ? ev->key : (int)ev->ch;
	if ((ev->kind != TUI_EV_CHAR && !is_code) || code == 0)
		return 0;
	for (size_t k = 0; k < n && keys[k].code; k++)
		if (keys[k].is_code == is_code && keys[k].code == code)
			return 1;
	return 0;
}

enum tui_action tui_keys_lookup(const struct tui_event *ev)
{
	/* A couple of dozen rows of four keys: a scan is cheaper than any index. */
	for (int i = 0; i < TUI_ACT_COUNT; i++)
		if (tui_key_match(keys_table[i].keys, TUI_ACTION_KEYS, ev))
			return keys_table[i].id;
	return TUI_ACT_NONE;
}

/* A surrogate (a lone half from a broken terminal) names as U+FFFD, a
 * code past Unicode as "?". */
static void keys_utf8(unsigned c, char *buf, size_t n)
{
	char u[CORE_UTF8_MAX + 1] = { 0 };
	if (c >= 0xD800 && c <= 0xDFFF)
		c = CORE_UTF8_REPLACEMENT;
	if (core_utf8_encode(c, u) == 0)
		u[0] = '?';
	snprintf(buf, n, "%s", u);
}

static const char *keys_code_name(int code, int ascii)
{
	switch (code) {
	case KEY_LEFT: return ascii ? "Left" : "←";
	case KEY_RIGHT: return ascii ? "Right" : "→";
	case KEY_UP: return ascii ? "Up" : "↑";
	case KEY_DOWN: return ascii ? "Down" : "↓";
	case KEY_PPAGE: return "PgUp";
	case KEY_NPAGE: return "PgDn";
	case KEY_HOME: return "Home";
	case KEY_END: return "End";
	case KEY_ENTER: return "Enter";
	case KEY_BACKSPACE: return "Backspace";
	case KEY_DC: return "Delete";
	case KEY_IC: return "Insert";
	default: return NULL;
	}
}

void tui_key_name(struct tui_key k, int ascii, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (k.is_code) {
		const char *name = keys_code_name(k.code, ascii);
		if (name != NULL)
			snprintf(buf, n, "%s", name);
		else if (k.code >= KEY_F(1) && k.code <= KEY_F(63))
			snprintf(buf, n, "F%d", k.code - KEY_F(0));
		else
			snprintf(buf, n, "key %d", k.code);
		return;
	}
	switch (k.code) {
	case '\n': snprintf(buf, n, "Enter"); return;
	case '\t': snprintf(buf, n, "Tab"); return;
	case 27: snprintf(buf, n, "Esc"); return;
	case ' ': snprintf(buf, n, "Space"); return;
	case 127: snprintf(buf, n, "Backspace"); return;
	default: break;
	}
	if (k.code > 0 && k.code < 32)
		snprintf(buf, n, "Ctrl-%c", '@' + k.code);
	else if (ascii && k.code >= 0x80)
		snprintf(buf, n, "U+%04X", (unsigned)k.code);
	else
		keys_utf8((unsigned)k.code, buf, n);
}

void tui_keys_names(const struct tui_action_def *a, int ascii, char *buf,
                    size_t n)
{
	size_t used = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	for (int k = 0; k < TUI_ACTION_KEYS && a->keys[k].code; k++) {
		char name[32];
		tui_key_name(a->keys[k], ascii, name, sizeof name);
		int w = snprintf(buf + used, n - used, "%s%s", k ? "  " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			return;
		used += (size_t)w;
	}
}

static int keys_is_arrow(struct tui_key k)
{
	return k.is_code && (k.code == KEY_LEFT || k.code == KEY_RIGHT ||
	                     k.code == KEY_UP || k.code == KEY_DOWN);
}

/* The key a hint shows: the first, except that ASCII mode prefers a plain
 * character to an arrow spelt out ("h" rather than "Left"). */
static struct tui_key keys_hint_key(const struct tui_action_def *a, int ascii)
{
	if (ascii && keys_is_arrow(a->keys[0]))
		for (int k = 1; k < TUI_ACTION_KEYS && a->keys[k].code; k++)
			if (!a->keys[k].is_code)
				return a->keys[k];
	return a->keys[0];
}

static int keys_is_alnum(const char *s)
{
	return s[0] != '\0' && s[1] == '\0' &&
	       ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

int tui_keys_hint_line(int ascii, int width, char *buf, size_t n)
{
	int used = 0;
	size_t len = 0;
	if (n == 0)
		return 0;
	buf[0] = '\0';
	for (int i = 0; i < TUI_ACT_COUNT; i++) {
		const struct tui_action_def *a = &keys_table[i];
		if (a->hint == NULL)
			continue;
		char keys[80];
		char k1[32];
		tui_key_name(keys_hint_key(a, ascii), ascii, k1, sizeof k1);
		if (a->pair && i + 1 < TUI_ACT_COUNT) {
			char k2[32];
			tui_key_name(keys_hint_key(&keys_table[i + 1], ascii), ascii,
			             k2, sizeof k2);
			/* "←→ day", "h/l day", "[ ] week" */
			const char *sep = " ";
			if (keys_is_arrow(keys_hint_key(a, ascii)) && !ascii)
				sep = "";
			else if (keys_is_alnum(k1) && keys_is_alnum(k2))
				sep = "/";
			snprintf(keys, sizeof keys, "%s%s%s", k1, sep, k2);
		} else {
			snprintf(keys, sizeof keys, "%s", k1);
		}
		char item[128];
		snprintf(item, sizeof item, "%s%s %s", used ? "  " : "", keys, a->hint);
		int w = tui_text_width(item);
		size_t l = strlen(item);
		if (used + w > width || len + l >= n)
			break;
		memcpy(buf + len, item, l + 1);
		len += l;
		used += w;
	}
	return used;
}
