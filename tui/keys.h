#ifndef TUI_KEYS_H
#define TUI_KEYS_H
/* The one table of the week screen's actions: each has a stable name, its
 * default keys, a label for the help screen and a short hint for the key
 * line.  The key lookup, the help screen (tui/help.c) and the key line under
 * the week are all generated from it, so they cannot disagree (tig's
 * request.h, calcurse's keys.c).  Every returned pointer is static. */

#include <stddef.h>

#include "tui/event.h"

enum tui_action {
	TUI_ACT_NONE = -1,
	TUI_ACT_ADD,
	TUI_ACT_EDIT,
	TUI_ACT_MOVE,
	TUI_ACT_HELD,
	TUI_ACT_CANCEL,
	TUI_ACT_MINUTES,
	TUI_ACT_FOLLOWUPS,
	TUI_ACT_DAY_PREV,
	TUI_ACT_DAY_NEXT,
	TUI_ACT_MEETING_PREV,
	TUI_ACT_MEETING_NEXT,
	TUI_ACT_WEEK_PREV,
	TUI_ACT_WEEK_NEXT,
	TUI_ACT_TODAY,
	TUI_ACT_WEEKEND,
	TUI_ACT_SELLER,
	TUI_ACT_EXPORT,   /* after seller: the key line up to 100 columns ends
	                     before it, so the week's hints stay as they were */
	TUI_ACT_HELP,
	TUI_ACT_REDRAW,
	TUI_ACT_QUIT,
	TUI_ACT_ACCOUNT,  /* last: the key line before it stays as it was */
	TUI_ACT_PREP,
	TUI_ACT_COUNT
};

enum tui_action_group {
	TUI_GROUP_MEETING,    /* change the selected meeting */
	TUI_GROUP_NAVIGATE,   /* move around the week */
	TUI_GROUP_VIEW,       /* the screen and the program */
	TUI_GROUP_COUNT
};

/* A key: a typed character (is_code 0: a Unicode code point, control
 * characters included, Enter is '\n') or an ncurses KEY_* code (is_code 1).
 * code 0 ends a list. */
struct tui_key {
	int is_code;
	int code;
};

#define TUI_ACTION_KEYS 4

struct tui_action_def {
	enum tui_action id;
	const char *name;      /* stable, for a future key configuration */
	enum tui_action_group group;
	struct tui_key keys[TUI_ACTION_KEYS]; /* the first is the one shown */
	const char *label;     /* the help screen's line */
	const char *hint;      /* the key line's word, or NULL: not shown */
	int pair;              /* 1: shares its hint with the next row
	                          ("←→ day"); that row's hint is NULL */
};

/* The table, in display order; table[i].id == i.  *n is set when n is not
 * NULL. */
const struct tui_action_def *tui_keys_table(size_t *n);
const char *tui_keys_group_label(enum tui_action_group g);

/* 1 when ev is one of keys (at most n of them; a key with code 0 ends the
 * list early): a typed character or a KEY_* code, never a tick or click.
 * Every screen's key table matches through this. */
int tui_key_match(const struct tui_key *keys, size_t n, const struct tui_event *ev);

/* The action bound to a character or key event; TUI_ACT_NONE for anything
 * else (ticks, clicks, unbound keys). */
enum tui_action tui_keys_lookup(const struct tui_event *ev);

/* A key's name as a person reads it: "a", "←", "PgUp", "Ctrl-L", "Enter",
 * "Esc"; in ASCII mode the arrows are "Left", "Up", ...  Always
 * NUL-terminated. */
void tui_key_name(struct tui_key k, int ascii, char *buf, size_t n);
/* All of an action's keys, separated by two spaces: "e  Enter". */
void tui_keys_names(const struct tui_action_def *a, int ascii, char *buf,
                    size_t n);
/* The key line under the week: "a add  e edit  m move  H held  x cancel
 * ←→ day ...", whole hints only, as many as fit in width columns.  In
 * ASCII mode a character key is shown in place of an arrow.  Returns the
 * columns used. */
int tui_keys_hint_line(int ascii, int width, char *buf, size_t n);

#endif
