#ifndef CORE_VEC_H
#define CORE_VEC_H
/* The one growth rule of every growable array: doubling from 16, so many
 * appends stay linear, with the size arithmetic checked once here. */

#include <stddef.h>

/* Room for one more element in items, an array of *cap elements of
 * elem_size bytes of which n are used.  Returns the array to use from now
 * on (moved by realloc when it grew; *cap then updated), or NULL when the
 * size would overflow or memory runs out; items and *cap are then left
 * as they were and the caller still owns items. */
void *core_vec_reserve(void *items, size_t n, size_t *cap, size_t elem_size);

#endif
