#ifndef DB_IMPORT_INT_H
#define DB_IMPORT_INT_H
/* Private to db/import*.c: the state of one import (db/import.h), the
 * lookup maps that keep a million-row import from asking SQLite the same
 * question a million times, and the helpers the kinds share. */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/matrix.h"
#include "core/meeting.h"
#include "db/import.h"
#include "db/internal.h"

/* ---- a hash map from byte strings to int64 (db/import_map.c) ---------- */

/* Open addressing with linear probing; keys are copied into one arena, so
 * filling it costs a few reallocs, never one malloc per key.  Integer keys
 * are their 8 bytes.  Memory grows with the keys put, never with the rows
 * looked up. */
struct import_slot {
	uint64_t hash;
	size_t off;        /* key bytes at arena + off */
	uint32_t len;
	uint32_t used;
	int64_t val;
};

struct import_map {
	struct import_slot *slot;
	size_t cap;        /* a power of two, or 0 */
	size_t n;
	char *arena;
	size_t arena_len, arena_cap;
};

/* 1 and *val set when key is there, else 0. */
int import_map_get(const struct import_map *m, const void *key, size_t len, int64_t *val);
/* Adds key -> val; a key already there keeps its value unless replace.
 * CORE_ERR_NOMEM when memory runs out. */
enum core_status import_map_put(struct import_map *m, const void *key, size_t len,
                                int64_t val, int replace, struct core_error *err);
/* Removes key when it maps to val (any value when val is NULL). */
void import_map_del(struct import_map *m, const void *key, size_t len, const int64_t *val);
void import_map_free(struct import_map *m);

/* The same, keyed by an integer. */
int import_map_get_id(const struct import_map *m, int64_t key, int64_t *val);
enum core_status import_map_put_id(struct import_map *m, int64_t key, int64_t val,
                                   struct core_error *err);

/* ---- one import ------------------------------------------------------- */

enum import_stmt {
	IS_SELLER_INSERT, IS_SELLER_CRM,
	IS_ACC_BY_CRM, IS_ACC_BY_ID, IS_ACC_BY_ORG, IS_ACC_INSERT, IS_ACC_UPDATE,
	IS_CON_BY_CRM, IS_CON_BY_ID, IS_CON_BY_EMAIL, IS_CON_BY_NAME, IS_CON_INSERT,
	IS_CON_UPDATE,
	IS_MEET_CONTACT_CRM, IS_MEET_CONTACT_EMAIL, IS_MEET_CONTACT_NAME,
	IS_MEET_BY_CRM, IS_MEET_BY_ID, IS_MEET_BY_KEY, IS_MEET_INSERT, IS_MEET_UPDATE,
	IS_MINUTES, IS_MINUTES_CLEAR, IS_PART_KEEP, IS_PART_ADD, IS_PART_PRUNE,
	IS_COUNT
};

struct db_import {
	struct db *db;
	enum core_kind kind;
	int64_t rev;              /* the change number every written row gets */
	int64_t now;              /* created_at/updated_at where the row has none */
	int cache_old;            /* PRAGMA cache_size to put back */
	int temp_store_old;       /* PRAGMA temp_store to put back */
	int triggers_off;         /* triggers to turn back on (db/import.c) */
	sqlite3_stmt *st[IS_COUNT];
	struct db_import_counts counts;
	/* Sellers: folded name -> id, CRM id -> id.  Kept up to date. */
	struct import_map seller_name, seller_crm;
	/* Accounts, read once when the kind cannot change them (contacts,
	 * meetings): CRM id, folded name, folded domain -> the lowest id;
	 * id -> 1.  An accounts import keeps only acc_name, up to date. */
	struct import_map acc_crm, acc_name, acc_domain, acc_id;
	/* Meetings: contact id -> its account id; the team's matrix; the id
	 * a new meeting without a free one of its own gets. */
	struct import_map contact_acc;
	struct core_matrix matrix;
	int64_t next_meeting_id;
	/* (seller, account, start) of every meeting this import wrote, when
	 * the table was empty at its start: a Bloom filter of
	 * IMPORT_BLOOM_BITS bits, NULL when not in use (db/import_meetings.c). */
	uint64_t *bloom;
};

#define IMPORT_BLOOM_BITS (1u << 23)   /* 1 MiB */

/* One row on its way in: where its problems are reported. */
struct import_row {
	struct db_import *im;
	const struct core_record *r;
	const unsigned char *present;
	db_import_bad_fn bad;
	void *ctx;
	int nbad;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void import_bad(struct import_row *w, int field, const char *fmt, ...);

/* Field f's text as the cell held it: 1 with s and len set (len 0 for a
 * cell that holds ""), 0 when the field is null or not carried (f may be
 * -1), -1 (reported) when it is longer than max bytes.  Not
 * NUL-terminated. */
int import_text(struct import_row *w, int f, size_t max, const char **s, size_t *len);
/* As import_text with the blanks around it removed, and a blank text is
 * none (0): for names, ids and keys, which are matched. */
int import_key(struct import_row *w, int f, size_t max, const char **s, size_t *len);
/* 1 when the row carries field f and it is not null. */
int import_has(const struct import_row *w, int f);
/* Copies len bytes (cut to n - 1) into buf with a NUL, and db_folds the
 * copy into fold (n bytes too) unless fold is NULL. */
void import_cstr(const char *s, size_t len, char *buf, size_t n, char *fold);
/* The time to store for created_at / updated_at field f. */
int64_t import_time(const struct import_row *w, int f);

/* The row's own pipebench id from field f: 1 with *id, 0 when none,
 * -1 (reported) when it is not a positive whole number a spreadsheet
 * keeps exactly (below 2^53). */
int import_id(struct import_row *w, int f, int64_t *id);

/* Binds text (NULL: SQL NULL); the text must outlive the step. */
void import_bind_text(sqlite3_stmt *st, int i, const char *s, size_t len);
/* Steps a write and resets it; a failure is reported as what. */
enum core_status import_step(struct db_import *im, sqlite3_stmt *st, const char *what,
                             struct core_error *err);
/* Steps a bound lookup: 1 on a row (the caller reads it, then calls
 * import_lookup_done), 0 on none, -1 on failure (reported in err as
 * what); on 0 and -1 the statement is reset already. */
int import_lookup(struct db_import *im, sqlite3_stmt *st, const char *what,
                  struct core_error *err);
void import_lookup_done(sqlite3_stmt *st);

/* A seller the row names, found, or to be created when the row is
 * written. */
struct import_seller {
	int64_t id;               /* 0: none named, or to be created */
	int create;
	char name[CORE_NAME_MAX];
	char crm[DB_IMPORT_CRM_ID_MAX + 1]; /* "" none */
	int fill_crm;             /* found by name: give it this CRM id if it has none */
};

/* Resolves the seller of fields name_f / crm_f (crm_f may be -1).
 * 0: found, or to be created, or (id 0, create 0) none named; -1:
 * reported. */
int import_seller_find(struct import_row *w, int name_f, int crm_f,
                       struct import_seller *ref);
/* Creates the seller or fills its CRM id, as found; sets ref->id. */
enum core_status import_seller_write(struct db_import *im, struct import_seller *ref,
                                     struct core_error *err);

/* The account a contact or meeting refers to, by the fields of its CRM
 * id, id, name and domain (domain_f may be -1): 1 with *id, or 0 after
 * reporting it unknown or missing. */
int import_account_ref(struct import_row *w, int crm_f, int id_f, int name_f,
                       int domain_f, int64_t *id);

/* The rows of each kind (db/import_accounts.c, db/import_meetings.c).
 * CORE_ERR_INPUT when w->nbad > 0, having written nothing. */
enum core_status import_account_row(struct import_row *w, int check_only,
                                    struct core_error *err);
enum core_status import_contact_row(struct import_row *w, int check_only,
                                    struct core_error *err);
enum core_status import_meeting_row(struct import_row *w, int check_only,
                                    struct core_error *err);

/* The statements each kind uses, by enum import_stmt (NULL: unused);
 * the sellers' are shared (db/import.c). */
extern const char *const import_sql_accounts[IS_COUNT];
extern const char *const import_sql_contacts[IS_COUNT];
extern const char *const import_sql_meetings[IS_COUNT];

#endif
