/* The review's rows: sorting, the team total and the texts of a row. */
#include "core/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

static const char *const review_col_keys[CORE_REVIEW_COL_COUNT] = {
	"name", "target", "planned", "held", "visits", "overdue", "changed"
};

const char *core_review_col_key(enum core_review_col c)
{
	return (unsigned)c < CORE_REVIEW_COL_COUNT ? review_col_keys[c] : "?";
}

static int review_ascii_lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* Byte order with ASCII case ignored: the same in every locale, so a
 * golden text never depends on LC_COLLATE. */
static int review_name_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = review_ascii_lower((unsigned char)*a);
		int cb = review_ascii_lower((unsigned char)*b);
		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

int core_review_col_parse(const char *s, enum core_review_col *out)
{
	for (int c = 0; c < CORE_REVIEW_COL_COUNT; c++)
		if (review_name_cmp(s, review_col_keys[c]) == 0) {
			*out = (enum core_review_col)c;
			return 0;
		}
	return -1;
}

static double review_value(const struct core_review_row *r, enum core_review_col col)
{
	switch (col) {
	case CORE_REVIEW_TARGET: return r->tally.total.target;
	case CORE_REVIEW_PLANNED: return r->tally.total.planned;
	case CORE_REVIEW_HELD: return r->tally.total.held;
	case CORE_REVIEW_VISITS: return r->tally.total.visits;
	case CORE_REVIEW_OVERDUE: return (double)r->overdue;
	case CORE_REVIEW_CHANGED: return (double)r->changed_at;
	default: return 0;
	}
}

/* qsort has no context argument and the module keeps no globals, so the
 * column travels in the array: each entry pairs a row with it. */
struct review_key {
	const struct core_review_row *row;
	enum core_review_col col;
};

static int review_key_cmp(const void *pa, const void *pb)
{
	const struct review_key *ka = pa, *kb = pb;
	const struct core_review_row *a = ka->row, *b = kb->row;
	if (ka->col != CORE_REVIEW_NAME) {
		if (a->ok != b->ok)
			return a->ok ? -1 : 1;
		double va = review_value(a, ka->col), vb = review_value(b, ka->col);
		if (va != vb)
			return va > vb ? -1 : 1;
	}
	int c = review_name_cmp(a->name, b->name);
	if (c == 0)
		c = strcmp(a->name, b->name);
	if (c == 0)
		c = strcmp(a->login, b->login);
	return c;
}

void core_review_sort(struct core_review_row *rows, size_t n, enum core_review_col col)
{
	if (n < 2)
		return;
	struct review_key *keys = malloc(n * sizeof *keys);
	struct core_review_row *sorted = malloc(n * sizeof *sorted);
	if (keys == NULL || sorted == NULL) {
		/* Out of memory: the rows stay as they were, which is still a
		 * complete dashboard, only unsorted. */
		free(keys);
		free(sorted);
		return;
	}
	for (size_t i = 0; i < n; i++)
		keys[i] = (struct review_key){ &rows[i], col };
	qsort(keys, n, sizeof *keys, review_key_cmp);
	for (size_t i = 0; i < n; i++)
		sorted[i] = *keys[i].row;
	memcpy(rows, sorted, n * sizeof *rows);
	free(sorted);
	free(keys);
}

static void review_row_add(struct core_tally_row *to, const struct core_tally_row *r)
{
	to->target += r->target;
	to->planned += r->planned;
	to->held += r->held;
	to->cancelled += r->cancelled;
	to->visits += r->visits;
	to->visits_planned += r->visits_planned;
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		to->by_form[f] += r->by_form[f];
}

void core_review_total(const struct core_review_row *rows, size_t n, int threshold,
                       struct core_review_row *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->name, sizeof out->name, "Total");
	out->ok = 1;
	for (size_t i = 0; i < n; i++) {
		const struct core_review_row *r = &rows[i];
		if (!r->ok)
			continue;
		for (int bf = 0; bf < CORE_BF_COUNT; bf++)
			review_row_add(&out->tally.bf[bf], &r->tally.bf[bf]);
		review_row_add(&out->tally.total, &r->tally.total);
		for (int d = 0; d < CORE_DIM_COUNT; d++) {
			out->tally.by_dim[d] += r->tally.by_dim[d];
			for (int f = 0; f < CORE_FORM_COUNT; f++)
				out->tally.by_dim_form[d][f] += r->tally.by_dim_form[d][f];
		}
		out->overdue += r->overdue;
		if (r->changed_at > out->changed_at)
			out->changed_at = r->changed_at;
	}
	core_fourd_check(&out->tally, threshold, &out->fourd);
}

void core_review_changed_text(int64_t changed_at, int64_t today, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (changed_at == 0) {
		snprintf(buf, n, "never");
		return;
	}
	int64_t day;
	int minute;
	core_local_from_epoch(changed_at, &day, &minute);
	int64_t ago = today - day;
	if (ago == 0)
		snprintf(buf, n, "today %02d:%02d", minute / 60, minute % 60);
	else if (ago == 1)
		snprintf(buf, n, "yesterday");
	else if (ago > 1 && ago < 14)
		snprintf(buf, n, "%d days ago", (int)ago);
	else {
		char date[16];
		core_date_format(core_date_from_days(day), date, sizeof date);
		snprintf(buf, n, "%s", date);
	}
}

void core_review_visits_text(double v, char *buf, size_t n)
{
	if (n == 0)
		return;
	/* Weights are multiples of 0.05 at worst; round to one decimal first
	 * so 2.9999 prints as "3", not "3.0". */
	double r = (double)(long long)(v * 10 + (v < 0 ? -0.5 : 0.5)) / 10;
	if (r == (double)(long long)r)
		snprintf(buf, n, "%lld", (long long)r);
	else
		snprintf(buf, n, "%.1f", r);
}
