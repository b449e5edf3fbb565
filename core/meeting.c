#include "core/meeting.h"

#include <stdint.h>
#include <stdlib.h>

struct core_meeting *core_meeting_list_push(struct core_meeting_list *l,
                                            const struct core_meeting *m)
{
	if (l->n == l->cap) {
		/* Doubling keeps a million pushes linear. */
		size_t cap = l->cap != 0 ? l->cap * 2 : 16;
		if (cap < l->cap || cap > SIZE_MAX / sizeof *l->items)
			return NULL;
		struct core_meeting *items = realloc(l->items, cap * sizeof *items);
		if (items == NULL)
			return NULL;
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n] = *m;
	return &l->items[l->n++];
}

void core_meeting_list_free(struct core_meeting_list *l)
{
	if (l == NULL)
		return;
	free(l->items);
	l->items = NULL;
	l->n = 0;
	l->cap = 0;
}
