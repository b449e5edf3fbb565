/* The export dialog (tui/export.h).  Its choices become the same
 * struct db_csv_export or db_ics_export that `pipebench export` builds
 * from its options (cli/cmd_export.c, cli/cmd_ics.c), and db/ writes the
 * file, so the dialog adds no second way of exporting: only a way of
 * choosing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Only for the KEY_* codes that struct tui_event carries. */
#include <curses.h>

#include "core/meeting.h"
#include "core/profile.h"
#include "core/record.h"
#include "core/utf8.h"
#include "core/xdg.h"
#include "db/csv_export.h"
#include "db/export.h"
#include "db/ics_export.h"
#include "tui/export.h"
#include "tui/field.h"

#define EX_ESC 27
/* The box fits an 80x24 terminal and is the same on larger ones. */
#define EX_W 76
#define EX_H 14
#define EX_LABEL_X 2
#define EX_CHOICE_X 11
#define EX_FIELD_W (EX_W - EX_CHOICE_X - 3)
#define EX_PROFILES_MAX 48
#define EX_PATH_SIZE 1024  /* the path as typed, NUL included */
#define EX_PATH_MAX 4096   /* expanded, or a directory */
#define EX_NAME_SIZE 128   /* a suggested file name */

enum ex_row { EX_WHAT, EX_CRM, EX_RANGE, EX_WHOSE, EX_FILE, EX_ROWS };
/* What: one choice per enum core_kind (CSV for a CRM), then iCalendar. */
enum { EX_WHAT_ICS = CORE_KIND_COUNT, EX_WHAT_COUNT };
enum ex_range { EX_RANGE_WEEK, EX_RANGE_SINCE, EX_RANGE_ALL, EX_RANGE_COUNT };
enum ex_whose { EX_WHOSE_MINE, EX_WHOSE_TEAM, EX_WHOSE_COUNT };

/* Rows inside the box: the choices from EX_ROW_FIRST on, one per enum
 * ex_row, then the count, two lines of message and the keys. */
enum { EX_ROW_FIRST = 2, EX_ROW_PREVIEW = 8, EX_ROW_MESSAGE = 10, EX_ROW_HINTS = 12 };

static const char *const ex_row_label[EX_ROWS] = {
	"What", "CRM", "Range", "Seller", "File"
};

/* Each choice of what, and its noun in counts. */
static const struct {
	const char *label, *one, *many;
} ex_what[EX_WHAT_COUNT] = {
	[CORE_KIND_MEETINGS] = { "Meetings", "meeting", "meetings" },
	[CORE_KIND_ACTIONS] = { "Follow-ups", "follow-up", "follow-ups" },
	[CORE_KIND_ACCOUNTS] = { "Accounts", "account", "accounts" },
	[CORE_KIND_CONTACTS] = { "Contacts", "contact", "contacts" },
	[EX_WHAT_ICS] = { "iCalendar", "meeting", "meetings" },
};

struct tui_export {
	struct db *db;                 /* the owner's */
	int64_t seller_id;
	char seller[CORE_NAME_MAX];
	struct core_isoweek week;
	int64_t today;
	int64_t now;                   /* the iCalendar DTSTAMP; 0: the clock */
	int ascii;
	char config[EX_PATH_MAX];      /* "" when there is none */
	char profiles[EX_PROFILES_MAX][CORE_PROFILE_NAME_MAX];
	size_t n_profiles;
	int value[EX_ROWS];            /* each choice row's choice */
	enum ex_row focus;
	struct tui_field path;
	char suggested[EX_NAME_SIZE];  /* the file name last suggested */
	int pending;                   /* Enter: export at the next event */
	char preview[640];             /* room for a database error */
	int preview_error;
	long long matched;             /* the preview's count; -1: unknown */
	char message[EX_PATH_MAX + 256];
	int message_role;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void ex_say(struct tui_export *x, int role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->message, sizeof x->message, fmt, ap);
	va_end(ap);
	x->message_role = role;
}

static const char *ex_profile(const struct tui_export *x)
{
	return x->n_profiles > 0 ? x->profiles[x->value[EX_CRM]] : NULL;
}

static int ex_is_ics(const struct tui_export *x)
{
	return x->value[EX_WHAT] == EX_WHAT_ICS;
}

/* The records read: an iCalendar file holds meetings. */
static enum core_kind ex_kind(const struct tui_export *x)
{
	return ex_is_ics(x) ? CORE_KIND_MEETINGS : (enum core_kind)x->value[EX_WHAT];
}

static const char *ex_noun(const struct tui_export *x, long long n)
{
	return n == 1 ? ex_what[x->value[EX_WHAT]].one : ex_what[x->value[EX_WHAT]].many;
}

/* Since the last export takes every seller's changes: the mark is kept
 * per profile and kind, not per seller (the command refuses --seller with
 * --since-last for the same reason).  A calendar program takes iCalendar
 * as it is: no CRM profile. */
static int ex_row_enabled(const struct tui_export *x, enum ex_row r)
{
	if (r == EX_CRM)
		return !ex_is_ics(x);
	return r != EX_WHOSE || x->value[EX_RANGE] != EX_RANGE_SINCE;
}

/* iCalendar has no since-last mark (`export ics` has no --since-last): a
 * calendar updates its events by UID from a whole range instead. */
static int ex_choice_enabled(const struct tui_export *x, enum ex_row r, int i)
{
	return r != EX_RANGE || i != EX_RANGE_SINCE || !ex_is_ics(x);
}

static int ex_count(const struct tui_export *x, enum ex_row r)
{
	switch (r) {
	case EX_WHAT: return EX_WHAT_COUNT;
	case EX_CRM: return (int)x->n_profiles;
	case EX_RANGE: return EX_RANGE_COUNT;
	case EX_WHOSE: return EX_WHOSE_COUNT;
	case EX_FILE:
	case EX_ROWS: break;
	}
	return 0;
}

static void ex_choice_label(const struct tui_export *x, enum ex_row r, int i, char *buf,
                            size_t n)
{
	const char *s = "";
	switch (r) {
	case EX_WHAT: s = ex_what[i].label; break;
	case EX_CRM: s = x->profiles[i]; break;
	case EX_RANGE:
		if (i == EX_RANGE_WEEK) {
			snprintf(buf, n, "Week %d", x->week.week);
			return;
		}
		s = i == EX_RANGE_SINCE ? "Since the last export" : "Everything";
		break;
	case EX_WHOSE: s = i == EX_WHOSE_MINE ? x->seller : "Whole team"; break;
	case EX_FILE:
	case EX_ROWS: break;
	}
	snprintf(buf, n, "%s", s);
}

/* ---- what the choices mean ---- */

/* The query `pipebench export` builds for the same choices: --week W is
 * its Monday to the next Monday, "everything" no range, --seller the
 * seller whose week is shown.  Returns 1 for since the last export. */
static int ex_query(const struct tui_export *x, struct db_export_query *q)
{
	memset(q, 0, sizeof *q);
	q->kind = ex_kind(x);
	q->since_rev = -1;
	q->today = x->today;
	if (x->value[EX_RANGE] == EX_RANGE_WEEK) {
		int64_t monday = core_isoweek_monday(x->week);
		q->from = core_local_to_epoch(monday, 0);
		q->to = core_local_to_epoch(monday + 7, 0);
	}
	if (ex_row_enabled(x, EX_WHOSE) && x->value[EX_WHOSE] == EX_WHOSE_MINE)
		q->seller_id = x->seller_id;
	return x->value[EX_RANGE] == EX_RANGE_SINCE;
}

/* "pipebench-meetings-salesforce-2026-W48.csv", "pipebench-2026-W48.ics" */
static void ex_suggest(const struct tui_export *x, char *buf, size_t n)
{
	char range[16];
	if (x->value[EX_RANGE] == EX_RANGE_WEEK)
		core_isoweek_format(x->week, range, sizeof range);
	else
		snprintf(range, sizeof range, "%s",
		         x->value[EX_RANGE] == EX_RANGE_SINCE ? "since-last" : "all");
	const char *p = ex_profile(x);
	if (ex_is_ics(x))
		snprintf(buf, n, "pipebench-%s.ics", range);
	else
		snprintf(buf, n, "pipebench-%s-%s-%s.csv", core_kind_key(ex_kind(x)),
		         p != NULL ? p : "none", range);
}

/* The file name in the path follows the choices until the seller makes
 * it their own; a directory they typed stays.  Returns -1 when out of
 * memory. */
static int ex_follow(struct tui_export *x)
{
	char path[EX_PATH_SIZE], name[EX_NAME_SIZE];
	tui_field_get(&x->path, path, sizeof path);
	ex_suggest(x, name, sizeof name);
	char *base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	size_t len = strlen(name);
	int rc = 0;
	if (strcmp(base, x->suggested) == 0 && (size_t)(base - path) + len < sizeof path) {
		memcpy(base, name, len + 1);
		rc = tui_field_set(&x->path, path);
	}
	memcpy(x->suggested, name, len + 1);
	return rc;
}

/* The line that says what the choices match, counted as the export will
 * read it. */
static void ex_preview(struct tui_export *x)
{
	struct core_error e = { CORE_OK, "" };
	struct db_export_query q;
	int since_last = ex_query(x, &q);
	enum core_kind k = q.kind;
	const char *profile = ex_profile(x);
	int64_t mark = -1;
	long long n = 0;
	enum core_status s = CORE_OK;
	if (since_last && profile != NULL)
		s = db_export_mark_get(x->db, profile, k, &mark, &e);
	q.since_rev = mark;
	if (s == CORE_OK)
		s = db_export_count(x->db, &q, &n, &e);
	x->preview_error = s != CORE_OK;
	x->matched = s == CORE_OK ? n : -1;
	if (s != CORE_OK) {
		snprintf(x->preview, sizeof x->preview, "%s", e.msg);
		return;
	}
	const char *dot = x->ascii ? "-" : "·";
	char whose[CORE_NAME_MAX + 16];
	snprintf(whose, sizeof whose, "%s %s", dot,
	         q.seller_id != 0 ? x->seller : "whole team");
	const char *noun = ex_noun(x, n);
	switch (x->value[EX_RANGE]) {
	case EX_RANGE_WEEK:
		if (k == CORE_KIND_ACCOUNTS || k == CORE_KIND_CONTACTS)
			snprintf(x->preview, sizeof x->preview, "%lld %s %s (a week does not "
			         "filter %s)", n, noun, whose, ex_what[k].many);
		else
			snprintf(x->preview, sizeof x->preview, "%lld %s %s week %d %s", n, noun,
			         k == CORE_KIND_ACTIONS ? "due in" : "in", x->week.week, whose);
		break;
	case EX_RANGE_SINCE:
		if (mark < 0)
			snprintf(x->preview, sizeof x->preview, "%lld %s: the first export "
			         "since-last with %s takes them all", n, noun,
			         profile != NULL ? profile : "it");
		else
			snprintf(x->preview, sizeof x->preview, "%lld %s changed since the "
			         "last export with %s", n, noun, profile);
		break;
	default:
		snprintf(x->preview, sizeof x->preview, "%lld %s in all %s", n, noun, whose);
		break;
	}
}

/* ---- life ---- */

static void ex_profile_add(struct tui_export *x, const char *name, size_t len)
{
	if (len == 0 || len >= CORE_PROFILE_NAME_MAX || x->n_profiles >= EX_PROFILES_MAX)
		return;
	for (size_t i = 0; i < x->n_profiles; i++)
		if (strlen(x->profiles[i]) == len && memcmp(x->profiles[i], name, len) == 0)
			return;
	memcpy(x->profiles[x->n_profiles], name, len);
	x->profiles[x->n_profiles++][len] = '\0';
}

/* The built-in profiles, then the team's own that are not built-in names
 * (an own file of a built-in's name replaces it: core_profile_load looks
 * there first).  Preselects generic, as the command does. */
static void ex_profiles_load(struct tui_export *x)
{
	char builtin[1024];
	core_profile_builtin_names(builtin, sizeof builtin);
	for (const char *p = builtin; *p != '\0';) {
		p += strspn(p, ", ");
		size_t len = strcspn(p, ",");
		size_t trim = len;
		while (trim > 0 && p[trim - 1] == ' ')
			trim--;
		ex_profile_add(x, p, trim);
		p += len;
	}
	char own[EX_PROFILES_MAX][CORE_PROFILE_NAME_MAX];
	size_t n = core_config_profile_names(x->config, own, EX_PROFILES_MAX);
	for (size_t i = 0; i < n; i++)
		ex_profile_add(x, own[i], strlen(own[i]));
	for (size_t i = 0; i < x->n_profiles; i++)
		if (strcmp(x->profiles[i], "generic") == 0)
			x->value[EX_CRM] = (int)i;
}

struct tui_export *tui_export_open(struct db *db, const struct tui_export_opts *o)
{
	struct tui_export *x = calloc(1, sizeof *x);
	if (x == NULL)
		return NULL;
	x->db = db;
	x->seller_id = o->seller_id;
	core_utf8_copy(x->seller, sizeof x->seller, o->seller_name);
	x->week = o->week;
	x->today = o->today;
	x->now = o->now;
	x->ascii = o->ascii;
	/* A cut directory would be another one: none rather than that. */
	if (o->config_dir != NULL && strlen(o->config_dir) < sizeof x->config)
		memcpy(x->config, o->config_dir, strlen(o->config_dir) + 1);
	ex_profiles_load(x);
	x->message_role = TUI_ROLE_DIALOG;
	char path[EX_NAME_SIZE + 2];
	ex_suggest(x, x->suggested, sizeof x->suggested);
	snprintf(path, sizeof path, "~/%s", x->suggested);
	if (tui_field_init(&x->path, EX_PATH_SIZE, EX_FIELD_W) != 0) {
		free(x);
		return NULL;
	}
	if (tui_field_set(&x->path, path) != 0) {
		tui_export_free(x);
		return NULL;
	}
	ex_preview(x);
	return x;
}

void tui_export_free(struct tui_export *x)
{
	if (x == NULL)
		return;
	tui_field_free(&x->path);
	free(x);
}

void tui_export_reload(struct tui_export *x)
{
	ex_preview(x);
}

/* ---- exporting ---- */

/* The file to write, expanded into path (n bytes), and as the seller
 * will read it into shown (n bytes): as typed when it starts at "/" or
 * "~", else from the working directory.  A directory gets the suggested
 * name.  Returns 0, or -1 with the message said. */
static int ex_target(struct tui_export *x, char *path, char *shown, size_t n)
{
	struct core_error e = { CORE_OK, "" };
	char typed[EX_PATH_SIZE];
	tui_field_get(&x->path, typed, sizeof typed);
	if (typed[0] == '\0') {
		ex_say(x, TUI_ROLE_ERROR, "type the file to write (a directory gets the "
		       "name %s)", x->suggested);
		return -1;
	}
	if (core_path_expand(typed, path, n, &e) != CORE_OK) {
		ex_say(x, TUI_ROLE_ERROR, "%s", e.msg);
		return -1;
	}
	size_t plen = strlen(path);
	struct stat st;
	char name[EX_NAME_SIZE + 1] = "";
	if (path[plen - 1] == '/' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		snprintf(name, sizeof name, "%s%s", path[plen - 1] == '/' ? "" : "/",
		         x->suggested);
	char cwd[EX_PATH_MAX] = "";
	if (typed[0] != '/' && typed[0] != '~' && getcwd(cwd, sizeof cwd) == NULL)
		cwd[0] = '\0';
	int pl = snprintf(path + plen, n - plen, "%s", name);
	int sl = snprintf(shown, n, "%s%s%s%s", cwd, cwd[0] != '\0' ? "/" : "", typed, name);
	if (pl < 0 || (size_t)pl >= n - plen) {
		ex_say(x, TUI_ROLE_ERROR, "%s: the path is too long", typed);
		return -1;
	}
	if (sl < 0 || (size_t)sl >= n)
		snprintf(shown, n, "%s", path);
	return 0;
}

/* Writes path as the choices describe; *rows gets what was written. */
static enum core_status ex_write(struct tui_export *x, const char *path,
                                 long long *rows, struct core_error *e)
{
	struct db_export_query q;
	int since_last = ex_query(x, &q);
	if (ex_is_ics(x)) {
		struct db_ics_export d = {
			.q = q, .seller_name = q.seller_id != 0 ? x->seller : NULL,
			.dtstamp = x->now != 0 ? x->now : (int64_t)time(NULL), .path = path,
		};
		return db_ics_export(x->db, &d, rows, e);
	}
	const char *name = ex_profile(x);
	if (name == NULL)
		return core_error_set(e, CORE_ERR_INPUT, "no CRM profile to export with");
	struct core_profile profile;
	/* Loaded now, not at open: a team's own profile edited meanwhile
	 * counts, and one that does not parse says where. */
	enum core_status s = core_profile_load(name, x->config[0] != '\0' ? x->config : NULL,
	                                       &profile, e);
	if (s != CORE_OK)
		return s;
	struct db_csv_export d = { .profile = &profile, .q = q, .since_last = since_last,
	                           .path = path };
	s = db_csv_export(x->db, &d, rows, e);
	core_profile_free(&profile);
	return s;
}

/* Runs the export the choices describe; the outcome goes to the message
 * line and every choice stays. */
static int ex_export(struct tui_export *x)
{
	struct core_error e = { CORE_OK, "" };
	char path[EX_PATH_MAX], shown[EX_PATH_MAX];
	x->pending = 0;
	if (ex_target(x, path, shown, sizeof path) != 0)
		return TUI_REDRAW;
	long long rows = 0;
	enum core_status s = ex_write(x, path, &rows, &e);
	if (s == CORE_ERR_NOMEM)
		return TUI_QUIT;
	if (s != CORE_OK)
		ex_say(x, TUI_ROLE_ERROR, "%s", e.msg);
	else if (rows == 0 && x->value[EX_RANGE] == EX_RANGE_SINCE)
		ex_say(x, TUI_ROLE_GOOD, "wrote 0 %s to %s: nothing changed since the last "
		       "export", ex_what[x->value[EX_WHAT]].many, shown);
	else
		ex_say(x, TUI_ROLE_GOOD, "wrote %lld %s to %s", rows, ex_noun(x, rows), shown);
	/* Since the last export counts from the new mark now. */
	ex_preview(x);
	return TUI_REDRAW;
}

/* ---- keys ---- */

static void ex_focus_step(struct tui_export *x, int delta)
{
	int r = (int)x->focus;
	do
		r = (r + delta + EX_ROWS) % EX_ROWS;
	while (!ex_row_enabled(x, (enum ex_row)r));
	x->focus = (enum ex_row)r;
}

/* The next (delta 1) or previous choice of the focused row, round,
 * passing greyed ones by.  iCalendar takes the range since-last had to
 * the week. */
static int ex_choose(struct tui_export *x, int delta)
{
	int n = ex_count(x, x->focus);
	if (n == 0)
		return TUI_NONE;
	int *v = &x->value[x->focus];
	do
		*v = (*v + delta + n) % n;
	while (!ex_choice_enabled(x, x->focus, *v));
	if (!ex_choice_enabled(x, EX_RANGE, x->value[EX_RANGE]))
		x->value[EX_RANGE] = EX_RANGE_WEEK;
	if (ex_follow(x) != 0)
		return TUI_QUIT;
	ex_preview(x);
	return TUI_REDRAW;
}

int tui_export_event(struct tui_export *x, const struct tui_event *ev)
{
	/* The event after Enter runs the export, whatever it is. */
	if (x->pending)
		return ex_export(x);
	if (ev->kind == TUI_EV_TICK || ev->kind == TUI_EV_MOUSE)
		return TUI_NONE;
	if (tui_ev_char(ev, EX_ESC))
		return TUI_CLOSE;
	if (tui_ev_char(ev, '\n') || tui_ev_char(ev, '\r') || tui_ev_key(ev, KEY_ENTER)) {
		/* The count says how long the wait may be: the TUI draws nothing
		 * while db_csv_export runs. */
		const char *dots = x->ascii ? "..." : "…";
		x->pending = 1;
		if (x->matched >= 0)
			ex_say(x, TUI_ROLE_DIALOG, "exporting %lld %s%s", x->matched,
			       ex_noun(x, x->matched), dots);
		else
			ex_say(x, TUI_ROLE_DIALOG, "exporting%s", dots);
		return TUI_REDRAW;
	}
	if (tui_ev_char(ev, '\t') || tui_ev_key(ev, KEY_DOWN)) {
		ex_focus_step(x, 1);
		return TUI_REDRAW;
	}
	if (tui_ev_key(ev, KEY_BTAB) || tui_ev_key(ev, KEY_UP)) {
		ex_focus_step(x, -1);
		return TUI_REDRAW;
	}
	if (x->focus == EX_FILE) {
		int r = tui_field_event(&x->path, ev);
		return r == TUI_FIELD_IGNORED ? TUI_NONE : TUI_REDRAW;
	}
	if (tui_ev_key(ev, KEY_LEFT) || tui_ev_char(ev, 'h'))
		return ex_choose(x, -1);
	if (tui_ev_key(ev, KEY_RIGHT) || tui_ev_char(ev, 'l') || tui_ev_char(ev, ' '))
		return ex_choose(x, 1);
	if (tui_ev_char(ev, 'q'))
		return TUI_CLOSE;
	return TUI_NONE;
}

/* ---- drawing ---- */

/* Where the box is on the canvas. */
struct ex_pen {
	struct tui_canvas *c;
	int top, left, w;
};

/* Text inside the box, cut at its right edge; returns the columns used. */
static int ex_text(const struct ex_pen *p, int row, int col, int role, const char *s)
{
	return tui_canvas_text(p->c, p->top + row, p->left + col, p->w - 2 - col, role, s);
}

static int ex_item_width(const struct tui_export *x, enum ex_row r, int i)
{
	char label[CORE_NAME_MAX];
	ex_choice_label(x, r, i, label, sizeof label);
	return tui_text_width(label) + 2;
}

/* "[Meetings]   Follow-ups   Accounts ...": scrolled so the chosen one
 * shows, with ◂ ▸ where more are out of sight (a team with many own
 * profiles). */
static void ex_draw_choices(const struct tui_export *x, const struct ex_pen *p,
                            enum ex_row r)
{
	int n = ex_count(x, r), sel = x->value[r], row = EX_ROW_FIRST + (int)r;
	int avail = p->w - 2 - EX_CHOICE_X;
	if (n == 0) {
		ex_text(p, row, EX_CHOICE_X, TUI_ROLE_ERROR, "none: no built-in profiles, "
		        "and none of the team's own");
		return;
	}
	int first = 0;
	for (;;) {
		int used = first > 0 ? 2 : 0;
		for (int i = first; i <= sel; i++)
			used += ex_item_width(x, r, i) + (i > first ? 1 : 0);
		if (used <= avail - 2 || first == sel)
			break;
		first++;
	}
	int col = EX_CHOICE_X;
	if (first > 0) {
		ex_text(p, row, col, TUI_ROLE_DIM, x->ascii ? "<" : "◂");
		col += 2;
	}
	for (int i = first; i < n; i++) {
		char label[CORE_NAME_MAX], buf[CORE_NAME_MAX + 4];
		int w = ex_item_width(x, r, i);
		if (col + w > EX_CHOICE_X + avail - (i < n - 1 ? 2 : 0) && i > sel) {
			ex_text(p, row, EX_CHOICE_X + avail - 1, TUI_ROLE_DIM, x->ascii ? ">" : "▸");
			break;
		}
		ex_choice_label(x, r, i, label, sizeof label);
		snprintf(buf, sizeof buf, i == sel ? "[%s]" : " %s ", label);
		int role = i == sel && x->focus == r ? TUI_ROLE_SELECTED
		         : ex_choice_enabled(x, r, i) ? TUI_ROLE_DIALOG : TUI_ROLE_DIM;
		col += ex_text(p, row, col, role, buf) + 1;
	}
}

/* Bytes of s that fit in w columns: all of it, else up to the last blank
 * that fits, else as many characters as fit. */
static size_t ex_fit(const char *s, int w)
{
	size_t len = strlen(s), i = 0, blank = 0;
	int cols = 0;
	while (i < len) {
		uint32_t cp;
		size_t used = core_utf8_decode(s + i, len - i, &cp);
		char one[CORE_UTF8_MAX + 1];
		memcpy(one, s + i, used);
		one[used] = '\0';
		int cw = tui_text_width(one);
		if (cols + cw > w)
			return blank > 0 ? blank : i;
		if (s[i] == ' ')
			blank = i;
		cols += cw;
		i += used;
	}
	return len;
}

/* The message on two lines, folded at a blank where one fits. */
static void ex_draw_message(const struct tui_export *x, const struct ex_pen *p)
{
	int w = p->w - 2 - EX_LABEL_X - 1;
	size_t cut = ex_fit(x->message, w);
	char first[sizeof x->message];
	memcpy(first, x->message, cut);
	first[cut] = '\0';
	ex_text(p, EX_ROW_MESSAGE, EX_LABEL_X, x->message_role, first);
	const char *rest = x->message + cut;
	if (*rest == ' ')
		rest++;
	if (*rest != '\0')
		ex_text(p, EX_ROW_MESSAGE + 1, EX_LABEL_X, x->message_role, rest);
}

void tui_export_draw(const struct tui_export *x, struct tui_canvas *c)
{
	int w = EX_W < c->w ? EX_W : c->w, h = EX_H < c->h ? EX_H : c->h;
	struct ex_pen p = { c, (c->h - h) / 2, (c->w - w) / 2, w };
	c->cursor_y = c->cursor_x = -1;
	tui_canvas_fill(c, p.top, p.left, h, w, L' ', TUI_ROLE_DIALOG);
	tui_canvas_box(c, p.top, p.left, h, w, TUI_ROLE_BORDER);
	ex_text(&p, 0, 1, TUI_ROLE_TITLE, ex_is_ics(x) ? " Export to iCalendar "
	                                               : " Export to CSV ");

	for (int r = 0; r < EX_ROWS; r++) {
		int row = EX_ROW_FIRST + r;
		ex_text(&p, row, EX_LABEL_X, (int)x->focus == r ? TUI_ROLE_KEY : TUI_ROLE_DIALOG,
		        ex_row_label[r]);
		if (r == EX_FILE)
			tui_field_draw(&x->path, c, p.top + row, p.left + EX_CHOICE_X, EX_FIELD_W,
			               x->focus == EX_FILE);
		else if (ex_row_enabled(x, (enum ex_row)r))
			ex_draw_choices(x, &p, (enum ex_row)r);
		else
			ex_text(&p, row, EX_CHOICE_X + 1, TUI_ROLE_DIM, r == EX_CRM
			        ? "none: a calendar program reads iCalendar as it is"
			        : "whole team: since the last export takes every change");
	}
	ex_text(&p, EX_ROW_PREVIEW, EX_LABEL_X, x->preview_error ? TUI_ROLE_ERROR
	                                                         : TUI_ROLE_DIM, x->preview);
	ex_draw_message(x, &p);

	const char *hints;
	if (x->focus == EX_FILE)
		hints = x->ascii ? "Tab Up/Down move  ~ is your home  Enter export  Esc close"
		                 : "Tab ↑↓ move  ~ is your home  Enter export  Esc close";
	else
		hints = x->ascii ? "Tab Up/Down move  Left/Right Space change  Enter export  "
		                   "Esc close"
		                 : "Tab ↑↓ move  ←→ Space change  Enter export  Esc close";
	ex_text(&p, EX_ROW_HINTS, EX_LABEL_X, TUI_ROLE_DIM, hints);
}
