#ifndef TUI_FORM_PRIV_H
#define TUI_FORM_PRIV_H
/* The meeting dialog's state, private to the two files that share it
 * (nothing but tui/form*.c includes this header):
 *   tui/form.c       owns the state: opening, the keys and clicks, the
 *                    account search, checking and saving;
 *   tui/form_draw.c  draws it, and records where each thing was drawn in
 *                    the view so a click can be mapped back.
 * Drawing changes nothing the seller sees; the view is all it writes. */

#include <stdint.h>

#include "core/matrix.h"
#include "core/meeting.h"
#include "db/conn.h"
#include "db/sellers.h"
#include "tui/field.h"
#include "tui/form.h"

/* The box fits an 80x24 terminal and is the same on larger ones. */
#define FORM_W 78
#define FORM_H 18
#define FORM_MATCHES 6
#define FORM_MAX_HITS 64

/* Inside the box: rows, and columns not in form_at[]. */
enum {
	ROW_ACCOUNT = 1, ROW_FORMS_HEAD = 8, ROW_FORMS = 9, ROW_MESSAGE = 14,
	ROW_BUTTONS = 15, ROW_HINTS = 16,
	COL_LABEL = 2, INFO_X = 41, REASON_X = 10, REASON_W = 36,
	FORM_REASON_X = 18, LIST_X = 14, LIST_W = 61
};

/* Tab order. */
enum form_focus {
	FF_ACCOUNT, FF_DATE, FF_DAY, FF_TIME, FF_DURATION, FF_BATTLEFIELD,
	FF_TYPE, FF_COMPLEXITY, FF_SALE, FF_DIM, FF_FORM, FF_SAVE, FF_CANCEL,
	FF_COUNT
};

/* Where each focus sits in the box (w: a field's columns).  Up and Down
 * move between rows, so the rows here are the screen's. */
static const struct { signed char row, col, w; } form_at[FF_COUNT] = {
	[FF_ACCOUNT] = { 1, 15, 24 }, [FF_DATE] = { 2, 15, 11 },
	[FF_DAY] = { 2, 27, 0 }, [FF_TIME] = { 2, 33, 6 },
	[FF_DURATION] = { 2, 50, 6 }, [FF_BATTLEFIELD] = { 3, 15, 0 },
	[FF_TYPE] = { 4, 14, 0 }, [FF_COMPLEXITY] = { 5, 15, 0 },
	[FF_SALE] = { 5, 48, 0 }, [FF_DIM] = { 6, 15, 0 },
	[FF_FORM] = { 9, 3, 0 }, [FF_SAVE] = { 15, 55, 0 }, [FF_CANCEL] = { 15, 65, 0 },
};

enum form_mode { FM_EDIT, FM_CONFIRM, FM_DISCARD };
enum form_acct { ACCT_NONE, ACCT_PICKED, ACCT_NEW };
/* What a click on a drawn rectangle does. */
enum form_hit_kind { HIT_FOCUS, HIT_OPTION, HIT_STEP, HIT_FORM, HIT_MATCH };

struct form_hit {
	int y, x, w;
	enum form_hit_kind kind;
	enum form_focus focus;
	int index;
};

/* Where things were last drawn, so a click maps back to what was under
 * it.  Drawing changes nothing the seller sees, so tui_form_draw takes the
 * form as const; this cache, behind a pointer, is all it writes. */
struct form_view {
	int n_hits;
	struct form_hit hits[FORM_MAX_HITS];
};

struct tui_form {
	struct db *db;
	const struct core_matrix *matrix;
	struct core_meeting m;        /* as opened: id, seller, status */
	int64_t today;                /* days since epoch, local */
	int ascii;
	enum form_mode mode;
	enum form_focus focus;
	int dirty;
	struct tui_field account, date, time, duration, reason;

	enum form_acct acct_state;
	struct db_account acct;       /* picked, or the new one's name */
	struct db_account matches[FORM_MATCHES];
	size_t n_matches;
	int list_open, list_sel, list_create;

	/* The choice rows, indexed by their focus: battlefield, type (-1: a
	 * type the matrix lacks, kept as type_key), complexity, sale, 4D. */
	int value[FF_COUNT];
	char type_key[CORE_TYPE_KEY_MAX];
	struct core_form_choice choices[CORE_FORM_COUNT];
	enum core_form form;
	int form_by_hand;

	/* What the seller confirmed; the reason they gave is in f->reason. */
	int confirmed, confirmed_type;
	enum core_form confirmed_form;
	enum core_rating confirmed_rating;

	char message[256];
	int message_role;
	int64_t saved_id;
	struct form_view *view;
};

/* Defined in tui/form.c. */

/* The options of the choice row ff (0 for a focus that is no choice row),
 * and the label of option i. */
int tui_form_choice_count(const struct tui_form *f, enum form_focus ff);
const char *tui_form_choice_label(const struct tui_form *f, enum form_focus ff,
                                  int i);
/* The meeting type chosen; NULL for a type the matrix lacks (f->type_key). */
const struct core_meeting_type *tui_form_type(const struct tui_form *f);
/* The row of f->choices for the contact form chosen. */
const struct core_form_choice *tui_form_choice(const struct tui_form *f);

#endif
