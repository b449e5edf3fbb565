#ifndef DB_SELLERS_H
#define DB_SELLERS_H
/* Sellers and accounts. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/meeting.h"
#include "db/conn.h"

struct db_seller {
	int64_t id;
	char name[CORE_NAME_MAX];
};

struct db_account {
	int64_t id;
	char name[CORE_NAME_MAX];
	char city[64];
	double km;            /* distance from the seller's base; 0 unknown */
	int64_t last_visit;   /* Unix seconds of the last held physical/hybrid
	                         meeting, 0 never (filled by db_account_search) */
};

/* All sellers by name.  *out is malloc'd, the caller frees it. */
enum core_status db_seller_list(struct db *db, struct db_seller **out, size_t *n,
                                struct core_error *err);
/* The seller called name (exact, then case-insensitive prefix).  Not found:
 * CORE_ERR_NOTFOUND naming the name. */
enum core_status db_seller_find(struct db *db, const char *name,
                                struct db_seller *out, struct core_error *err);
/* The seller this database opens on: the one recorded as "me" in settings,
 * else the first by id.  None at all: CORE_ERR_NOTFOUND (a fresh database:
 * the first-run screen). */
enum core_status db_seller_default(struct db *db, struct db_seller *out,
                                   struct core_error *err);
/* Creates a seller (and records it as "me" when it is the first). */
enum core_status db_seller_insert(struct db *db, const char *name,
                                  int64_t *id, struct core_error *err);

/* Up to max accounts whose name contains text (case-insensitive, also for
 * æøå), best matches first (prefix before infix, then name order).  An
 * empty text lists the accounts the seller met most recently.  out is the
 * caller's array of max entries; *n is set. */
enum core_status db_account_search(struct db *db, int64_t seller_id,
                                   const char *text, struct db_account *out,
                                   size_t max, size_t *n, struct core_error *err);
/* Creates an account; an account of the same name (case-insensitive) is
 * returned instead of a duplicate. */
enum core_status db_account_insert(struct db *db, const char *name,
                                   int64_t *id, struct core_error *err);
enum core_status db_account_get(struct db *db, int64_t id, struct db_account *out,
                                struct core_error *err);

#endif
