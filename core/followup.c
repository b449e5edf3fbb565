/* Follow-up actions: the list that holds them and the order the
 * follow-ups screen shows them in. */
#include "core/followup.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/calendar.h"
#include "core/vec.h"

struct core_action *core_action_list_push(struct core_action_list *l,
                                          const struct core_action *a)
{
	struct core_action *items = core_vec_reserve(l->items, l->n, &l->cap,
	                                             sizeof *items);
	if (items == NULL)
		return NULL;
	l->items = items;
	l->items[l->n] = *a;
	return &l->items[l->n++];
}

void core_action_list_free(struct core_action_list *l)
{
	if (l == NULL)
		return;
	free(l->items);
	*l = (struct core_action_list){0};
}

enum core_due_bucket core_due_bucket_of(int64_t due, int64_t today)
{
	if (due < today)
		return CORE_DUE_OVERDUE;
	int64_t sunday = today + (7 - core_weekday(today));
	return due <= sunday ? CORE_DUE_THIS_WEEK : CORE_DUE_LATER;
}

/* Account names compared with ASCII case ignored, then byte by byte, so
 * "acme" and "ACME" sit together and the order is total. */
static int action_account_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	for (;; p++, q++) {
		unsigned c = *p >= 'A' && *p <= 'Z' ? *p + 32u : *p;
		unsigned d = *q >= 'A' && *q <= 'Z' ? *q + 32u : *q;
		if (c != d)
			return c < d ? -1 : 1;
		if (c == '\0')
			return 0;
	}
}

static int action_cmp(const struct core_action *a, const struct core_action *b)
{
	if ((a->done != 0) != (b->done != 0))
		return a->done != 0 ? 1 : -1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	int c = action_account_cmp(a->account, b->account);
	if (c != 0)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int action_cmp_items(const void *pa, const void *pb)
{
	return action_cmp(pa, pb);
}

static int action_cmp_ptrs(const void *pa, const void *pb)
{
	const struct core_action *const *a = pa, *const *b = pb;
	return action_cmp(*a, *b);
}

/* An action is some 2.5 KB, so the sort orders pointers and then moves
 * each action once, following the cycles of the permutation, instead of
 * letting qsort swap whole actions O(n log n) times. */
void core_action_sort(struct core_action *items, size_t n)
{
	if (n < 2)
		return;
	struct core_action **order = malloc(n * sizeof *order);
	if (order == NULL) {
		qsort(items, n, sizeof *items, action_cmp_items);
		return;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = &items[i];
	qsort(order, n, sizeof *order, action_cmp_ptrs);
	/* order[j] is the action that belongs at j; once placed, order[j]
	 * points at j itself, which marks the slot done. */
	for (size_t i = 0; i < n; i++) {
		if (order[i] == &items[i])
			continue;
		struct core_action first = items[i];
		size_t j = i;
		for (;;) {
			size_t from = (size_t)(order[j] - items);
			order[j] = &items[j];
			if (from == i) {
				items[j] = first;
				break;
			}
			items[j] = items[from];
			j = from;
		}
	}
	free(order);
}

void core_action_list_sort(struct core_action_list *l)
{
	core_action_sort(l->items, l->n);
}

int core_action_overdue_count(const struct core_action *items, size_t n,
                              int64_t today)
{
	int count = 0;
	for (size_t i = 0; i < n; i++)
		if (!items[i].done && items[i].due < today)
			count++;
	return count;
}
