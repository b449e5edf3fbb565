#ifndef TESTS_UNIT_GOLDEN_H
#define TESTS_UNIT_GOLDEN_H
/* Golden text captures of the week screen and the fixed week they draw,
 * shared by the week tests.  Include after cmocka.h.  Every char *
 * returned is malloc'd; the caller frees it.  PIPEBENCH_UPDATE_GOLDEN=1
 * rewrites the golden files instead of comparing (read them before
 * keeping them). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/meeting.h"
#include "tui/canvas.h"
#include "tui/week_draw.h"

/* ---- the fixed week both week tests draw: 2026-W48 ---- */

/* One meeting of a test week. */
struct golden_plan {
	int day, minute;       /* 0 = Monday */
	const char *account;
	enum core_battlefield bf;
	const char *type;
	enum core_form form;
	enum core_dim dim;
	enum core_mstatus status;
};

/* Monday 23 November 2026, as a local day. */
static inline int64_t golden_monday48(void)
{
	return core_days_from_date((struct core_date){ 2026, 11, 23 });
}

/* Meeting id of plan p in week 48 (account id = id, seller 1, an hour). */
static inline void golden_meeting_fill(struct core_meeting *m,
                                       const struct golden_plan *p, int64_t id)
{
	memset(m, 0, sizeof *m);
	m->id = id;
	m->seller_id = 1;
	m->account_id = id;
	core_utf8_copy(m->account, sizeof m->account, p->account);
	m->starts_at = core_local_to_epoch(golden_monday48() + p->day, p->minute);
	m->duration_min = 60;
	m->battlefield = p->bf;
	snprintf(m->type, sizeof m->type, "%s", p->type);
	m->form = p->form;
	m->dim = p->dim;
	m->complexity = CORE_CX_MEDIUM;
	m->sale = CORE_SALE_SOLUTION;
	m->status = p->status;
}

/* ---- drawing and comparing ---- */

/* The rest of f, NUL-terminated. */
static inline char *golden_read_all(FILE *f)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	assert_non_null(buf);
	size_t n;
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0) {
			char *grown = realloc(buf, cap * 2);
			assert_non_null(grown);
			buf = grown;
			cap *= 2;
		}
	}
	buf[len] = '\0';
	return buf;
}

/* The canvas as tui_canvas_dump writes it. */
static inline char *golden_dump(const struct tui_canvas *c)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(tui_canvas_dump(c, f), 0);
	rewind(f);
	char *buf = golden_read_all(f);
	fclose(f);
	return buf;
}

/* The week m drawn on an h x w canvas, dumped.  The canvas is kept in
 * *keep (the caller frees it) for the colour checks, else freed. */
static inline char *golden_week_draw(const struct tui_week_model *m, int h, int w,
                                     int ascii, struct tui_canvas *keep)
{
	struct tui_canvas c;
	assert_int_equal(tui_canvas_init(&c, h, w, ascii), 0);
	tui_week_draw(&c, m);
	char *buf = golden_dump(&c);
	if (keep != NULL)
		*keep = c;
	else
		tui_canvas_free(&c);
	return buf;
}

/* The whole file, or NULL when it cannot be opened. */
static inline char *golden_file_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = golden_read_all(f);
	fclose(f);
	return buf;
}

/* Prints the lines that differ, "-" the golden and "+" what was drawn. */
static inline void golden_print_diff(const char *want, const char *got)
{
	int line = 1, shown = 0;
	while ((*want != '\0' || *got != '\0') && shown < 12) {
		size_t lw = strcspn(want, "\n"), lg = strcspn(got, "\n");
		if (lw != lg || memcmp(want, got, lw) != 0) {
			fprintf(stderr, "@@ line %d\n-%.*s\n+%.*s\n", line, (int)lw, want,
			        (int)lg, got);
			shown++;
		}
		want += lw + (want[lw] == '\n');
		got += lg + (got[lg] == '\n');
		line++;
	}
}

/* got must equal tests/golden/NAME (the tests run from the repository
 * root); a mismatch prints the differing lines and fails. */
static inline void golden_assert(const char *got, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "tests/golden/%s", name);
	const char *update = getenv("PIPEBENCH_UPDATE_GOLDEN");
	if (update != NULL && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fputs(got, f);
		assert_int_equal(fclose(f), 0);
		fprintf(stderr, "updated %s\n", path);
		return;
	}
	char *want = golden_file_read(path);
	if (want == NULL)
		fail_msg("cannot read %s (run from the repository root; "
		         "PIPEBENCH_UPDATE_GOLDEN=1 writes it)", path);
	int same = strcmp(want, got) == 0;
	if (!same) {
		fprintf(stderr, "%s differs from the drawing:\n", path);
		golden_print_diff(want, got);
	}
	free(want);
	if (!same)
		fail_msg("golden mismatch: %s", name);
}

/* The number of the line of the dump that contains needle (which may
 * begin with "\n" to match at a line's start), copied into buf; -1 when
 * no line does. */
static inline int golden_find_line(const char *dump, const char *needle, char *buf,
                                   size_t n)
{
	const char *p = strstr(dump, needle);
	if (p == NULL)
		return -1;
	if (*p == '\n') /* a needle anchored at a line's start */
		p++;
	int y = 0;
	for (const char *q = dump; q < p; q++)
		if (*q == '\n')
			y++;
	const char *start = p;
	while (start > dump && start[-1] != '\n')
		start--;
	snprintf(buf, n, "%.*s", (int)strcspn(start, "\n"), start);
	return y;
}


/* Columns of len bytes of a UTF-8 line, for the width checks. */
static inline int golden_columns(const char *s, size_t len)
{
	char tmp[1024];
	snprintf(tmp, sizeof tmp, "%.*s", (int)len, s);
	return tui_text_width(tmp);
}

/* The dump has h lines, none wider than w columns. */
static inline void golden_assert_fits(const char *dump, int h, int w)
{
	int lines = 0;
	for (const char *p = dump; *p != '\0';) {
		size_t len = strcspn(p, "\n");
		assert_true(golden_columns(p, len) <= w);
		p += len + (p[len] == '\n');
		lines++;
	}
	assert_int_equal(lines, h);
}

/* The colour role of cell (y, x). */
static inline int golden_cell_role(const struct tui_canvas *c, int y, int x)
{
	return c->cells[(size_t)y * (size_t)c->w + (size_t)x].role;
}

#endif
