/* One import (db/import.h): the transaction, the change number, the
 * lookups every kind shares (sellers, accounts) and the statements,
 * prepared once and stepped for every row. */
#include "db/import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/utf8.h"
#include "db/settings.h"

/* The page cache during an import: a fixed size, so memory does not grow
 * with the rows.  Measured on 1,005,600 meetings (bench/csv.sh): 64 MiB
 * took 8.8 s and 93 MB peak, 16 MiB 9.3 s and 36 MB — the same 36 MB as
 * for a tenth of the rows. */
#define IMPORT_CACHE_KIB 16384
/* 2^53 - 1: larger ids do not survive a spreadsheet (double precision). */
#define IMPORT_ID_MAX 9007199254740991LL

static const char *const seller_sql[IS_COUNT] = {
	[IS_SELLER_INSERT] = "INSERT INTO seller(name, crm_id, created_at) VALUES (?1, ?2, ?3)",
	[IS_SELLER_CRM] = "UPDATE seller SET crm_id = ?2 WHERE id = ?1 AND crm_id IS NULL",
};

/* ---- row helpers -------------------------------------------------------- */

void import_bad(struct import_row *w, int field, const char *fmt, ...)
{
	char msg[sizeof ((struct core_error *)0)->msg];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	w->nbad++;
	w->bad(w->ctx, field, msg);
}

int import_has(const struct import_row *w, int f)
{
	return f >= 0 && w->present[f] && !w->r->v[f].null;
}

/* The cell's bytes: blanks around them included, so text comes back
 * exactly as it was exported (a level that starts with a tab stays so). */
int import_text(struct import_row *w, int f, size_t max, const char **s, size_t *len)
{
	*s = NULL;
	*len = 0;
	if (!import_has(w, f))
		return 0;
	const struct core_value *v = &w->r->v[f];
	const char *p = v->s != NULL ? v->s : "";
	size_t n = v->s != NULL ? v->len : 0;
	if (n > max) {
		import_bad(w, f, "too long: %zu bytes, at most %zu", n, max);
		return -1;
	}
	*s = p;
	*len = n;
	return 1;
}

/* Names, ids and keys are matched, so the blanks a CRM leaves around
 * them are removed first. */
int import_key(struct import_row *w, int f, size_t max, const char **s, size_t *len)
{
	int rc = import_text(w, f, SIZE_MAX, s, len);
	if (rc != 1)
		return rc;
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
		(*len)--;
	if (*len > max) {
		import_bad(w, f, "too long: %zu bytes, at most %zu", *len, max);
		return -1;
	}
	return *len == 0 ? 0 : 1;
}

void import_cstr(const char *s, size_t len, char *buf, size_t n, char *fold)
{
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (fold != NULL)
		db_fold(buf, fold, n);
}

int64_t import_time(const struct import_row *w, int f)
{
	return import_has(w, f) ? w->r->v[f].i : w->im->now;
}

int import_id(struct import_row *w, int f, int64_t *id)
{
	*id = 0;
	if (!import_has(w, f))
		return 0;
	int64_t v = w->r->v[f].i;
	if (v < 1 || v > IMPORT_ID_MAX) {
		import_bad(w, f, "not an id: %lld (ids are whole numbers from 1)",
		           (long long)v);
		return -1;
	}
	*id = v;
	return 1;
}

void import_bind_text(sqlite3_stmt *st, int i, const char *s, size_t len)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, (int)len, SQLITE_STATIC);
}

enum core_status import_step(struct db_import *im, sqlite3_stmt *st, const char *what,
                             struct core_error *err)
{
	int rc = sqlite3_step(st);
	/* Reported before the reset, while the error is the step's. */
	enum core_status s = rc == SQLITE_DONE || rc == SQLITE_ROW
	                     ? CORE_OK : db_fail(im->db, rc, what, err);
	sqlite3_reset(st);
	return s;
}

int import_lookup(struct db_import *im, sqlite3_stmt *st, const char *what,
                  struct core_error *err)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		db_fail(im->db, rc, what, err);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void import_lookup_done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
}

/* ---- sellers -------------------------------------------------------------- */

int import_seller_find(struct import_row *w, int name_f, int crm_f,
                       struct import_seller *ref)
{
	memset(ref, 0, sizeof *ref);
	const char *name, *crm;
	size_t nlen, clen;
	int hc = import_key(w, crm_f, DB_IMPORT_CRM_ID_MAX, &crm, &clen);
	int hn = import_key(w, name_f, CORE_NAME_MAX - 1, &name, &nlen);
	if (hc < 0 || hn < 0)
		return -1;
	if (hc) {
		import_cstr(crm, clen, ref->crm, sizeof ref->crm, NULL);
		if (import_map_get(&w->im->seller_crm, crm, clen, &ref->id))
			return 0;
	}
	if (hn) {
		char fold[CORE_NAME_MAX];
		import_cstr(name, nlen, ref->name, sizeof ref->name, fold);
		if (import_map_get(&w->im->seller_name, fold, strlen(fold), &ref->id)) {
			ref->fill_crm = hc;
			return 0;
		}
		ref->create = 1;
		return 0;
	}
	if (hc) {
		import_bad(w, crm_f, "no seller with CRM id \"%s\"; give the seller's name "
		           "as well and the seller is created", ref->crm);
		return -1;
	}
	return 0;
}

enum core_status import_seller_write(struct db_import *im, struct import_seller *ref,
                                     struct core_error *err)
{
	enum core_status s = CORE_OK;
	if (ref->create) {
		sqlite3_stmt *st = im->st[IS_SELLER_INSERT];
		sqlite3_bind_text(st, 1, ref->name, -1, SQLITE_STATIC);
		import_bind_text(st, 2, ref->crm[0] ? ref->crm : NULL, strlen(ref->crm));
		sqlite3_bind_int64(st, 3, im->now);
		s = import_step(im, st, "adding a seller", err);
		if (s != CORE_OK)
			return s;
		ref->id = sqlite3_last_insert_rowid(im->db->h);
		ref->create = 0;
		im->counts.sellers_created++;
		char fold[CORE_NAME_MAX];
		db_fold(ref->name, fold, sizeof fold);
		s = import_map_put(&im->seller_name, fold, strlen(fold), ref->id, 0, err);
	} else if (ref->fill_crm) {
		sqlite3_stmt *st = im->st[IS_SELLER_CRM];
		sqlite3_bind_int64(st, 1, ref->id);
		sqlite3_bind_text(st, 2, ref->crm, -1, SQLITE_STATIC);
		/* Only a seller without a CRM id takes this one; either way the
		 * rest of the file finds the seller by it, as this row did. */
		s = import_step(im, st, "saving the seller's CRM id", err);
		ref->fill_crm = 0;
	}
	if (s == CORE_OK && ref->crm[0] != '\0')
		s = import_map_put(&im->seller_crm, ref->crm, strlen(ref->crm), ref->id, 0, err);
	return s;
}

/* ---- accounts referred to ---------------------------------------------------- */

int import_account_ref(struct import_row *w, int crm_f, int id_f, int name_f,
                       int domain_f, int64_t *id)
{
	struct db_import *im = w->im;
	const char *crm, *name, *dom;
	size_t clen, nlen, dlen;
	int hc = import_key(w, crm_f, DB_IMPORT_CRM_ID_MAX, &crm, &clen);
	int hn = import_key(w, name_f, CORE_NAME_MAX - 1, &name, &nlen);
	int hd = import_key(w, domain_f, DB_IMPORT_DOMAIN_MAX, &dom, &dlen);
	int hi = import_has(w, id_f);
	if (hc < 0 || hn < 0 || hd < 0)
		return 0;
	if (hc && import_map_get(&im->acc_crm, crm, clen, id))
		return 1;
	int64_t one;
	if (hi && import_map_get_id(&im->acc_id, w->r->v[id_f].i, &one)) {
		*id = w->r->v[id_f].i;
		return 1;
	}
	char buf[DB_IMPORT_DOMAIN_MAX + 1], fold[DB_IMPORT_DOMAIN_MAX + 1];
	if (hn) {
		import_cstr(name, nlen, buf, sizeof buf, fold);
		if (import_map_get(&im->acc_name, fold, strlen(fold), id))
			return 1;
	}
	if (hd) {
		import_cstr(dom, dlen, buf, sizeof buf, fold);
		if (import_map_get(&im->acc_domain, fold, strlen(fold), id))
			return 1;
	}
	/* Say what was looked for, at the cell a person recognises first. */
	char what[3 * (DB_IMPORT_DOMAIN_MAX + 24)];
	size_t n = 0;
	what[0] = '\0';
	if (hn)
		n += (size_t)snprintf(what + n, sizeof what - n, "called \"%.*s\"", (int)nlen, name);
	if (hc && n < sizeof what)
		n += (size_t)snprintf(what + n, sizeof what - n, "%swith CRM id \"%.*s\"",
		                      n ? ", " : "", (int)clen, crm);
	if (hi && n < sizeof what)
		n += (size_t)snprintf(what + n, sizeof what - n, "%swith id %lld",
		                      n ? ", " : "", (long long)w->r->v[id_f].i);
	if (hd && n < sizeof what)
		snprintf(what + n, sizeof what - n, "%swith domain \"%.*s\"",
		         n ? ", " : "", (int)dlen, dom);
	int at = hn ? name_f : hc ? crm_f : hi ? id_f : hd ? domain_f : name_f;
	if (!hn && !hc && !hi && !hd)
		import_bad(w, at, "no account given");
	else
		import_bad(w, at, "no account %s in the database (import the accounts "
		           "first)", what);
	return 0;
}

/* ---- beginning and end ---------------------------------------------------- */

/* The rev triggers of schema step 3 (db/schema.c).  The import writes
 * every rev itself, so for its own statements these triggers would do
 * nothing (their WHEN fails) or, for minutes and participants, what the
 * meeting's own update does anyway. */
static const char known_triggers_sql[] =
	"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name NOT IN ("
	"'account_rev_ins', 'account_rev_upd', 'contact_rev_ins', 'contact_rev_upd', "
	"'meeting_rev_ins', 'meeting_rev_upd', 'action_rev_ins', 'action_rev_upd', "
	"'minutes_rev_ins', 'minutes_rev_upd', 'participant_rev_ins', "
	"'participant_rev_del')";

/* A statement with triggers may change more than its row, so inside a
 * transaction SQLite saves every page it touches to a statement journal
 * first: with a million inserts, millions of page copies.  When the
 * schema's only triggers are the rev triggers, the import prepares its
 * statements with triggers off; a trigger it does not know keeps them on
 * (slower, never wrong). */
static enum core_status import_triggers_off(struct db_import *im, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(im->db, known_triggers_sql, &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	int others = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(im->db, rc, "reading the schema", err);
	int was = 0;
	if (others == 0 &&
	    sqlite3_db_config(im->db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &was) == SQLITE_OK &&
	    was &&
	    sqlite3_db_config(im->db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &was) == SQLITE_OK)
		im->triggers_off = 1;
	return CORE_OK;
}

/* Puts back the connection's settings the import changed. */
static void import_restore(struct db_import *im)
{
	struct core_error ignored;
	if (im->triggers_off) {
		int was;
		sqlite3_db_config(im->db->h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, &was);
		im->triggers_off = 0;
	}
	db_exec(im->db, "PRAGMA ignore_check_constraints = OFF", &ignored);
	db_pragma_int(im->db, DB_PRAGMA_TEMP_STORE, &im->temp_store_old);
	db_pragma_int(im->db, DB_PRAGMA_CACHE_SIZE, &im->cache_old);
}

/* Runs a read-only query and hands each row to fn. */
static enum core_status import_each(struct db_import *im, const char *sql,
                                    enum core_status (*fn)(struct db_import *,
                                                           sqlite3_stmt *,
                                                           struct core_error *),
                                    struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(im->db, sql, &st, err);
	if (s != CORE_OK)
		return s;
	int rc;
	while (s == CORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		s = fn(im, st, err);
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(im->db, rc, "reading what the import matches on", err);
	sqlite3_finalize(st);
	return s;
}

/* Puts the folded text of column col into m (lowest id first: rows come
 * in id order and a key keeps its first id).  Text too long to match a
 * row's is left out. */
static enum core_status import_put_fold(struct import_map *m, sqlite3_stmt *st, int col,
                                        size_t max, int64_t id, struct core_error *err)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return CORE_OK;
	const char *t = db_column_text(st, col);
	size_t len = strlen(t);
	if (len == 0 || len > max)
		return CORE_OK;
	char fold[DB_IMPORT_DOMAIN_MAX + 1];
	db_fold(t, fold, sizeof fold);
	return import_map_put(m, fold, strlen(fold), id, 0, err);
}

static enum core_status load_seller(struct db_import *im, sqlite3_stmt *st,
                                    struct core_error *err)
{
	int64_t id = sqlite3_column_int64(st, 0);
	enum core_status s = import_put_fold(&im->seller_name, st, 1, CORE_NAME_MAX - 1, id,
	                                     err);
	const char *crm = db_column_text(st, 2);
	if (s == CORE_OK && crm[0] != '\0')
		s = import_map_put(&im->seller_crm, crm, strlen(crm), id, 0, err);
	return s;
}

static enum core_status load_account(struct db_import *im, sqlite3_stmt *st,
                                     struct core_error *err)
{
	int64_t id = sqlite3_column_int64(st, 0);
	enum core_status s = import_put_fold(&im->acc_name, st, 1, CORE_NAME_MAX - 1, id, err);
	if (im->kind == CORE_KIND_ACCOUNTS || s != CORE_OK)
		return s;
	s = import_map_put_id(&im->acc_id, id, 1, err);
	const char *crm = db_column_text(st, 2);
	if (s == CORE_OK && crm[0] != '\0')
		s = import_map_put(&im->acc_crm, crm, strlen(crm), id, 0, err);
	if (s == CORE_OK)
		s = import_put_fold(&im->acc_domain, st, 3, DB_IMPORT_DOMAIN_MAX, id, err);
	return s;
}

static enum core_status load_contact(struct db_import *im, sqlite3_stmt *st,
                                     struct core_error *err)
{
	return import_map_put_id(&im->contact_acc, sqlite3_column_int64(st, 0),
	                         sqlite3_column_int64(st, 1), err);
}

static enum core_status load_max_meeting(struct db_import *im, sqlite3_stmt *st,
                                         struct core_error *err)
{
	(void)err;
	im->next_meeting_id = sqlite3_column_int64(st, 0) + 1;
	/* An empty table: what the natural key could match is only what this
	 * import writes, which the filter remembers.  Without memory for it
	 * every row is looked up, as for a table with rows. */
	if (im->next_meeting_id == 1)
		im->bloom = calloc(IMPORT_BLOOM_BITS / 64, sizeof *im->bloom);
	return CORE_OK;
}

static enum core_status import_counter(struct db_import *im, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(im->db, "UPDATE change_counter SET n = n + 1 "
	                                "WHERE id = 1 RETURNING n", &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		im->rev = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	} else if (rc == SQLITE_DONE) {
		s = core_error_set(err, CORE_ERR_DB, "%s: the change counter is missing "
		                   "(table change_counter)", im->db->path);
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(im->db, rc, "counting the change", err);
	sqlite3_finalize(st);
	return s;
}

static enum core_status import_prepare(struct db_import *im, struct core_error *err)
{
	const char *const *kind_sql =
		im->kind == CORE_KIND_ACCOUNTS ? import_sql_accounts
		: im->kind == CORE_KIND_CONTACTS ? import_sql_contacts : import_sql_meetings;
	enum core_status s = CORE_OK;
	for (int i = 0; s == CORE_OK && i < IS_COUNT; i++) {
		const char *sql = seller_sql[i] != NULL ? seller_sql[i] : kind_sql[i];
		if (sql != NULL)
			s = db_prepare(im->db, sql, &im->st[i], err);
	}
	return s;
}

static enum core_status import_load(struct db_import *im, struct core_error *err)
{
	enum core_status s = import_counter(im, err);
	if (s == CORE_OK)
		s = import_each(im, "SELECT id, name, crm_id FROM seller ORDER BY id",
		                load_seller, err);
	if (s == CORE_OK)
		s = import_each(im, "SELECT id, name, crm_id, domain FROM account ORDER BY id",
		                load_account, err);
	if (s == CORE_OK)
		s = import_triggers_off(im, err);
	if (s != CORE_OK || im->kind != CORE_KIND_MEETINGS)
		return s;
	/* Minutes and participants of a new meeting are written before the
	 * meeting itself: where the triggers stay on, the ones that give a
	 * meeting a new rev when its minutes or participants change then find
	 * no meeting and cost nothing.  The foreign keys are checked at
	 * COMMIT instead; the pragma ends with the transaction. */
	s = db_exec(im->db, "PRAGMA defer_foreign_keys = ON", err);
	/* The meeting table's CHECKs guard the file against hand edits; in
	 * SQLite each `x IN (...)` of them builds a little index on every
	 * insert, which was most of the time a bulk import took.  The import
	 * writes only the core's own keys and durations it checked, so its
	 * statements, prepared after this, leave the CHECKs out
	 * (db_import_end turns them back on). */
	if (s == CORE_OK)
		s = db_exec(im->db, "PRAGMA ignore_check_constraints = ON", err);
	if (s == CORE_OK)
		s = db_matrix_get(im->db, &im->matrix, NULL, err);
	if (s == CORE_OK)
		s = import_each(im, "SELECT id, account_id FROM contact", load_contact, err);
	if (s == CORE_OK)
		s = import_each(im, "SELECT coalesce(max(id), 0) FROM meeting",
		                load_max_meeting, err);
	return s;
}

enum core_status db_import_begin(struct db *db, enum core_kind k, struct db_import **out,
                                 struct core_error *err)
{
	*out = NULL;
	if (k != CORE_KIND_ACCOUNTS && k != CORE_KIND_CONTACTS && k != CORE_KIND_MEETINGS)
		return core_error_set(err, CORE_ERR_INPUT, "%s cannot be imported (accounts, "
		                      "contacts or meetings can)",
		                      (unsigned)k < CORE_KIND_COUNT ? core_kind_key(k) : "that");
	struct db_import *im = calloc(1, sizeof *im);
	if (im == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	im->db = db;
	im->kind = k;
	im->now = (int64_t)time(NULL);
	im->cache_old = db_pragma_int(db, DB_PRAGMA_CACHE_SIZE, NULL);
	int big = -IMPORT_CACHE_KIB;
	if (im->cache_old > big)   /* both negative (KiB) or pages: only grow */
		db_pragma_int(db, DB_PRAGMA_CACHE_SIZE, &big);
	/* Statement journals (see import_triggers_off) in memory: an update
	 * still needs one, and a temporary file costs a write per page.  Set
	 * before BEGIN, which is when SQLite reads it. */
	im->temp_store_old = db_pragma_int(db, DB_PRAGMA_TEMP_STORE, NULL);
	int memory = 2;
	db_pragma_int(db, DB_PRAGMA_TEMP_STORE, &memory);
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK) {
		import_restore(im);
		free(im);
		return s;
	}
	s = import_load(im, err);
	if (s == CORE_OK)
		s = import_prepare(im, err);
	if (s != CORE_OK) {
		struct core_error ignored;
		db_import_end(im, 0, &ignored);
		return s;
	}
	*out = im;
	return CORE_OK;
}

enum core_status db_import_row(struct db_import *im, const struct core_record *r,
                               const unsigned char *present, int check_only,
                               db_import_bad_fn bad, void *ctx, struct core_error *err)
{
	if (r->kind != im->kind)
		return core_error_set(err, CORE_ERR_INPUT, "import: a %s record in an import "
		                      "of %s", core_kind_key(r->kind), core_kind_key(im->kind));
	struct import_row w = { im, r, present, bad, ctx, 0 };
	switch (im->kind) {
	case CORE_KIND_ACCOUNTS: return import_account_row(&w, check_only, err);
	case CORE_KIND_CONTACTS: return import_contact_row(&w, check_only, err);
	default: return import_meeting_row(&w, check_only, err);
	}
}

void db_import_counts_get(const struct db_import *im, struct db_import_counts *out)
{
	*out = im->counts;
}

enum core_status db_import_end(struct db_import *im, int commit, struct core_error *err)
{
	if (im == NULL)
		return CORE_OK;
	for (int i = 0; i < IS_COUNT; i++)
		sqlite3_finalize(im->st[i]);
	enum core_status s = CORE_OK;
	if (commit)
		s = db_tx_commit(im->db, err);
	else
		db_tx_rollback(im->db);
	import_restore(im);
	struct import_map *maps[] = { &im->seller_name, &im->seller_crm, &im->acc_crm,
	                              &im->acc_name, &im->acc_domain, &im->acc_id,
	                              &im->contact_acc };
	for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++)
		import_map_free(maps[i]);
	free(im->bloom);
	free(im);
	return s;
}
