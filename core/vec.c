#include "core/vec.h"

#include <stdint.h>
#include <stdlib.h>

void *core_vec_reserve(void *items, size_t n, size_t *cap, size_t elem_size)
{
	if (n < *cap)
		return items;
	size_t grown = *cap != 0 ? *cap * 2 : 16;
	if (grown < *cap || elem_size == 0 || grown > SIZE_MAX / elem_size)
		return NULL;
	void *p = realloc(items, grown * elem_size);
	if (p != NULL)
		*cap = grown;
	return p;
}
