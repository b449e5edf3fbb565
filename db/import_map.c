/* The import's lookup maps (db/import_int.h): open addressing, linear
 * probing, deletion by shifting the run back so no tombstones pile up. */
#include "db/import_int.h"

#include <stdlib.h>
#include <string.h>

#define MAP_MIN_CAP 64

/* FNV-1a, then a final mix so that keys differing only in their last
 * bytes (ids, "ACC-000123") spread over the low bits the table uses. */
static uint64_t map_hash(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3u;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	return h;
}

static int map_same(const struct import_map *m, const struct import_slot *s,
                    uint64_t h, const void *key, size_t len)
{
	return s->hash == h && s->len == len && memcmp(m->arena + s->off, key, len) == 0;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t map_find(const struct import_map *m, uint64_t h, const void *key,
                       size_t len)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	while (m->slot[i].used && !map_same(m, &m->slot[i], h, key, len))
		i = (i + 1) & mask;
	return i;
}

int import_map_get(const struct import_map *m, const void *key, size_t len, int64_t *val)
{
	if (m->cap == 0)
		return 0;
	size_t i = map_find(m, map_hash(key, len), key, len);
	if (!m->slot[i].used)
		return 0;
	*val = m->slot[i].val;
	return 1;
}

/* Doubles the table (or makes the first) and puts every key back. */
static int map_grow(struct import_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : MAP_MIN_CAP;
	if (ncap > SIZE_MAX / sizeof(struct import_slot))
		return -1;
	struct import_slot *ns = calloc(ncap, sizeof *ns);
	if (ns == NULL)
		return -1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slot[i].used)
			continue;
		size_t j = (size_t)m->slot[i].hash & (ncap - 1);
		while (ns[j].used)
			j = (j + 1) & (ncap - 1);
		ns[j] = m->slot[i];
	}
	free(m->slot);
	m->slot = ns;
	m->cap = ncap;
	return 0;
}

/* Room for len more bytes in the arena. */
static int map_arena_fit(struct import_map *m, size_t len)
{
	if (len <= m->arena_cap - m->arena_len)
		return 0;
	size_t ncap = m->arena_cap ? m->arena_cap : 4096;
	while (ncap - m->arena_len < len) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	char *p = realloc(m->arena, ncap);
	if (p == NULL)
		return -1;
	m->arena = p;
	m->arena_cap = ncap;
	return 0;
}

enum core_status import_map_put(struct import_map *m, const void *key, size_t len,
                                int64_t val, int replace, struct core_error *err)
{
	if (len > UINT32_MAX)
		return core_error_set(err, CORE_ERR_INPUT, "import: key too long");
	/* At most half full, so probes stay short. */
	if ((m->n + 1) * 2 > m->cap && map_grow(m) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	uint64_t h = map_hash(key, len);
	size_t i = map_find(m, h, key, len);
	struct import_slot *s = &m->slot[i];
	if (s->used) {
		if (replace)
			s->val = val;
		return CORE_OK;
	}
	if (map_arena_fit(m, len) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	if (len > 0)
		memcpy(m->arena + m->arena_len, key, len);
	*s = (struct import_slot){ h, m->arena_len, (uint32_t)len, 1, val };
	m->arena_len += len;
	m->n++;
	return CORE_OK;
}

void import_map_del(struct import_map *m, const void *key, size_t len, const int64_t *val)
{
	if (m->cap == 0)
		return;
	size_t mask = m->cap - 1;
	size_t i = map_find(m, map_hash(key, len), key, len);
	if (!m->slot[i].used || (val != NULL && m->slot[i].val != *val))
		return;
	/* Backward shift: move up each later entry of the run that may live
	 * in the hole, so every key stays reachable from its home slot. */
	size_t hole = i, j = i;
	for (;;) {
		j = (j + 1) & mask;
		if (!m->slot[j].used)
			break;
		size_t home = (size_t)m->slot[j].hash & mask;
		/* j may move to hole unless its home lies cyclically in (hole, j]. */
		int stays = hole <= j ? (home > hole && home <= j)
		                      : (home > hole || home <= j);
		if (!stays) {
			m->slot[hole] = m->slot[j];
			hole = j;
		}
	}
	m->slot[hole].used = 0;
	m->n--;
}

void import_map_free(struct import_map *m)
{
	free(m->slot);
	free(m->arena);
	memset(m, 0, sizeof *m);
}

int import_map_get_id(const struct import_map *m, int64_t key, int64_t *val)
{
	return import_map_get(m, &key, sizeof key, val);
}

enum core_status import_map_put_id(struct import_map *m, int64_t key, int64_t val,
                                   struct core_error *err)
{
	return import_map_put(m, &key, sizeof key, val, 1, err);
}
