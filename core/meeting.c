#include "core/meeting.h"

#include <stdlib.h>

#include "core/vec.h"

struct core_meeting *core_meeting_list_push(struct core_meeting_list *l,
                                            const struct core_meeting *m)
{
	struct core_meeting *items = core_vec_reserve(l->items, l->n, &l->cap,
	                                              sizeof *items);
	if (items == NULL)
		return NULL;
	l->items = items;
	l->items[l->n] = *m;
	return &l->items[l->n++];
}

void core_meeting_list_free(struct core_meeting_list *l)
{
	if (l == NULL)
		return;
	free(l->items);
	*l = (struct core_meeting_list){0};
}
