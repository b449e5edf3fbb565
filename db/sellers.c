/* Sellers and accounts, and the case folding the account search needs. */
#include "db/sellers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/internal.h"

/* ---- folding ---------------------------------------------------------- */

/* Lower-case of a code point from U+0080 to U+07FF, the two-byte range of
 * UTF-8, where the Scandinavian and other European letters live.  Every
 * mapping stays in the range, so folding never changes a string's length. */
static unsigned fold_cp(unsigned cp)
{
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)        /* À..Þ, not × */
		return cp + 0x20;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;                             /* Ā ā .. Ķ ķ, Ŋ ŋ .. Ŷ ŷ */
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1) ? cp + 1 : cp;             /* Ĺ ĺ .. Ň ň, Ź ź .. Ž ž */
	if (cp == 0x178)                                   /* Ÿ */
		return 0xFF;
	return cp;
}

/* Folds len bytes of s into out (room for len bytes).  Bytes that are not
 * well-formed two-byte sequences are copied as they are. */
static void fold_bytes(const unsigned char *s, size_t len, unsigned char *out)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z') {
			out[i] = (unsigned char)(c + 32);
			i++;
		} else if (c >= 0xC2 && c <= 0xDF && i + 1 < len &&
		           (s[i + 1] & 0xC0) == 0x80) {
			unsigned cp = fold_cp(((unsigned)(c & 0x1F) << 6) | (s[i + 1] & 0x3F));
			out[i] = (unsigned char)(0xC0 | (cp >> 6));
			out[i + 1] = (unsigned char)(0x80 | (cp & 0x3F));
			i += 2;
		} else {
			out[i] = c;
			i++;
		}
	}
}

void db_fold(const char *s, char *buf, size_t n)
{
	if (n == 0)
		return;
	size_t len = strlen(s);
	if (len >= n) {
		/* Cut at a character boundary so no half letter is left. */
		len = n - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	fold_bytes((const unsigned char *)s, len, (unsigned char *)buf);
	buf[len] = '\0';
}

static void fold_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const unsigned char *s = sqlite3_value_text(argv[0]);
	int len = sqlite3_value_bytes(argv[0]);
	if (s == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	unsigned char small[256];
	if ((size_t)len <= sizeof small) {
		fold_bytes(s, (size_t)len, small);
		sqlite3_result_text(ctx, (const char *)small, len, SQLITE_TRANSIENT);
		return;
	}
	unsigned char *big = sqlite3_malloc(len);
	if (big == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	fold_bytes(s, (size_t)len, big);
	sqlite3_result_text(ctx, (const char *)big, len, sqlite3_free);
}

int db_fold_register(sqlite3 *h)
{
	return sqlite3_create_function(h, "pb_fold", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                               NULL, fold_sql, NULL, NULL);
}

/* ---- names ------------------------------------------------------------ */

/* Copies name without surrounding blanks into buf; a name that is empty or
 * does not fit is an input error naming what it is the name of. */
static enum core_status name_clean(const char *name, const char *what, char *buf,
                                   size_t n, struct core_error *err)
{
	if (name == NULL)
		name = "";
	while (*name == ' ' || *name == '\t')
		name++;
	size_t len = strlen(name);
	while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
		len--;
	if (len == 0)
		return core_error_set(err, CORE_ERR_INPUT, "the %s name is empty", what);
	if (len >= n)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the %s name is too long (at most %zu bytes)",
		                      what, n - 1);
	memcpy(buf, name, len);
	buf[len] = '\0';
	return CORE_OK;
}

/* ---- sellers ---------------------------------------------------------- */

static void seller_row(sqlite3_stmt *st, struct db_seller *out)
{
	out->id = sqlite3_column_int64(st, 0);
	core_utf8_copy(out->name, sizeof out->name, db_column_text(st, 1));
}

enum core_status db_seller_list(struct db *db, struct db_seller **out, size_t *n,
                                struct core_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT id, name FROM seller "
	                                    "ORDER BY name COLLATE NOCASE, id", &st, err);
	if (s != CORE_OK)
		return s;
	struct db_seller *items = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct db_seller *p = realloc(items, ncap * sizeof *p);
			if (p == NULL) {
				free(items);
				sqlite3_finalize(st);
				return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
			}
			items = p;
			cap = ncap;
		}
		seller_row(st, &items[len++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(items);
		return db_fail(db, rc, "listing the sellers", err);
	}
	*out = items;
	*n = len;
	return CORE_OK;
}

enum core_status db_seller_find(struct db *db, const char *name,
                                struct db_seller *out, struct core_error *err)
{
	char want[CORE_NAME_MAX], folded[CORE_NAME_MAX];
	enum core_status s = name_clean(name, "seller", want, sizeof want, err);
	if (s != CORE_OK)
		return s;
	db_fold(want, folded, sizeof folded);
	/* Exact spelling first, then the same name in another case, then the
	 * only seller whose name starts so. */
	sqlite3_stmt *st;
	s = db_prepare(db,
	               "SELECT id, name, name = ?2 COLLATE BINARY OR pb_fold(name) = ?1 "
	               "FROM seller WHERE instr(pb_fold(name), ?1) = 1 "
	               "ORDER BY name = ?2 COLLATE BINARY DESC, pb_fold(name) = ?1 DESC, "
	               "name COLLATE NOCASE, id LIMIT 2", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, want, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		int exact = sqlite3_column_int(st, 2);
		seller_row(st, out);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && !exact) {
			char other[CORE_NAME_MAX];
			core_utf8_copy(other, sizeof other, db_column_text(st, 1));
			sqlite3_finalize(st);
			return core_error_set(err, CORE_ERR_INPUT,
			                      "seller '%s' is ambiguous: %s, %s, ...",
			                      want, out->name, other);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(db, rc, "finding the seller", err);
		return CORE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "finding the seller", err);
	return core_error_set(err, CORE_ERR_NOTFOUND, "no seller called '%s'", want);
}

enum core_status db_seller_default(struct db *db, struct db_seller *out,
                                   struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"SELECT id, name FROM seller ORDER BY "
		"coalesce(id = (SELECT CAST(value AS INTEGER) FROM setting "
		"WHERE key = 'me'), 0) DESC, id LIMIT 1", &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		seller_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return CORE_OK;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "finding the seller", err);
	return core_error_set(err, CORE_ERR_NOTFOUND, "%s: no sellers yet", db->path);
}

enum core_status db_seller_insert(struct db *db, const char *name,
                                  int64_t *id, struct core_error *err)
{
	char clean[CORE_NAME_MAX], folded[CORE_NAME_MAX];
	enum core_status s = name_clean(name, "seller", clean, sizeof clean, err);
	if (s != CORE_OK)
		return s;
	db_fold(clean, folded, sizeof folded);
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st = NULL;
	s = db_prepare(db, "SELECT name FROM seller WHERE pb_fold(name) = ?1", &st, err);
	if (s != CORE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s = core_error_set(err, CORE_ERR_INPUT, "a seller called '%s' already exists",
		                   db_column_text(st, 0));
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "adding the seller", err);
		goto fail;
	}
	sqlite3_finalize(st);
	s = db_prepare(db, "INSERT INTO seller(name, created_at) VALUES (?1, ?2)", &st, err);
	if (s != CORE_OK)
		goto fail;
	sqlite3_bind_text(st, 1, clean, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)time(NULL));
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "adding the seller", err);
		goto fail;
	}
	int64_t new_id = sqlite3_last_insert_rowid(db->h);
	sqlite3_finalize(st);
	/* The first seller is the person this database belongs to. */
	s = db_prepare(db, "INSERT OR IGNORE INTO setting(key, value) VALUES ('me', ?1)",
	               &st, err);
	if (s != CORE_OK)
		goto fail;
	sqlite3_bind_int64(st, 1, new_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "adding the seller", err);
		goto fail;
	}
	s = db_tx_commit(db, err);
	if (s == CORE_OK && id != NULL)
		*id = new_id;
	return s;
fail:
	sqlite3_finalize(st);
	db_tx_rollback(db);
	return s;
}

/* ---- accounts --------------------------------------------------------- */

/* The last held physical or hybrid meeting with the account, by anyone:
 * the "last visit" the form shows.  Uses meeting_account. */
#define ACCOUNT_COLS \
	"a.id, a.name, a.city, a.km, " \
	"(SELECT max(v.starts_at) FROM meeting v WHERE v.account_id = a.id " \
	"AND v.status = 'held' AND v.form IN ('physical', 'hybrid'))"

static void account_row(sqlite3_stmt *st, struct db_account *out)
{
	out->id = sqlite3_column_int64(st, 0);
	core_utf8_copy(out->name, sizeof out->name, db_column_text(st, 1));
	core_utf8_copy(out->city, sizeof out->city, db_column_text(st, 2));
	out->km = sqlite3_column_double(st, 3);
	out->last_visit = sqlite3_column_int64(st, 4);
}

/* Appends rows to out[*n..max), skipping accounts already listed. */
static int account_collect(sqlite3_stmt *st, struct db_account *out, size_t max,
                           size_t *n)
{
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		size_t i = 0;
		while (i < *n && out[i].id != id)
			i++;
		if (i == *n)
			account_row(st, &out[(*n)++]);
	}
	if (*n >= max)
		return SQLITE_DONE;
	return rc;
}

/* Accounts whose folded name contains the folded text: the ones that start
 * with it, then those with a word that starts with it, then the rest, each
 * group by name.  The inner query limits before the last-visit lookups. */
static const char account_search_sql[] =
	"SELECT " ACCOUNT_COLS " FROM ("
	"  SELECT id, name, city, km,"
	"    CASE WHEN instr(f, ?1) = 1 THEN 0"
	"         WHEN instr(' ' || f, ' ' || ?1) > 0 THEN 1 ELSE 2 END AS rank"
	"  FROM (SELECT id, name, city, km, pb_fold(name) AS f FROM account)"
	"  WHERE instr(f, ?1) > 0"
	"  ORDER BY rank, name COLLATE NOCASE, id LIMIT ?2) AS a "
	"ORDER BY a.rank, a.name COLLATE NOCASE, a.id";

/* The accounts of the seller's latest meetings, planned ones included,
 * newest first.  Only the latest 2000 meetings are looked at, so a seller
 * with years of history costs no more than a new one. */
static const char account_recent_sql[] =
	"SELECT " ACCOUNT_COLS ", r.last FROM ("
	"  SELECT account_id, max(starts_at) AS last FROM ("
	"    SELECT account_id, starts_at FROM meeting WHERE seller_id = ?1"
	"    ORDER BY starts_at DESC LIMIT 2000)"
	"  GROUP BY account_id ORDER BY last DESC LIMIT ?2) AS r "
	"JOIN account a ON a.id = r.account_id "
	"ORDER BY r.last DESC, a.id";

static const char account_by_name_sql[] =
	"SELECT " ACCOUNT_COLS " FROM account a "
	"ORDER BY a.name COLLATE NOCASE, a.id LIMIT ?1";

enum core_status db_account_search(struct db *db, int64_t seller_id,
                                   const char *text, struct db_account *out,
                                   size_t max, size_t *n, struct core_error *err)
{
	*n = 0;
	if (max == 0)
		return CORE_OK;
	char folded[CORE_NAME_MAX];
	db_fold(text != NULL ? text : "", folded, sizeof folded);
	sqlite3_stmt *st;
	enum core_status s;
	int rc;
	if (folded[0] != '\0') {
		s = db_stmt(db, DB_Q_ACCOUNT_SEARCH, account_search_sql, &st, err);
		if (s != CORE_OK)
			return s;
		sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
		rc = account_collect(st, out, max, n);
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? CORE_OK
		       : db_fail(db, rc, "searching the accounts", err);
	}
	s = db_stmt(db, DB_Q_ACCOUNT_RECENT, account_recent_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	rc = account_collect(st, out, max, n);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "listing recent accounts", err);
	if (*n == max)
		return CORE_OK;
	/* Fill up in name order, skipping those already listed. */
	s = db_stmt(db, DB_Q_ACCOUNT_BY_NAME, account_by_name_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(max + *n));
	rc = account_collect(st, out, max, n);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? CORE_OK : db_fail(db, rc, "listing the accounts", err);
}

enum core_status db_account_resolve(struct db *db, const char *name, int64_t *id,
                                    char *stored, size_t n, struct core_error *err)
{
	char clean[CORE_NAME_MAX], folded[CORE_NAME_MAX];
	enum core_status s = name_clean(name, "account", clean, sizeof clean, err);
	if (s != CORE_OK)
		return s;
	db_fold(clean, folded, sizeof folded);
	sqlite3_stmt *st;
	s = db_stmt(db, DB_Q_ACCOUNT_BY_FOLD, "SELECT id, name FROM account "
	            "WHERE pb_fold(name) = ?1 ORDER BY id LIMIT 1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, folded, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* The same account typed in another case: no duplicate. */
		*id = sqlite3_column_int64(st, 0);
		if (stored != NULL)
			core_utf8_copy(stored, n, db_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return CORE_OK;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "finding the account", err);
	s = db_prepare(db, "INSERT INTO account(name, created_at, updated_at) "
	                   "VALUES (?1, ?2, ?2)", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, clean, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)time(NULL));
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "adding the account", err);
	*id = sqlite3_last_insert_rowid(db->h);
	if (stored != NULL)
		core_utf8_copy(stored, n, clean);
	return CORE_OK;
}

enum core_status db_account_insert(struct db *db, const char *name,
                                   int64_t *id, struct core_error *err)
{
	char clean[CORE_NAME_MAX];
	enum core_status s = name_clean(name, "account", clean, sizeof clean, err);
	if (s != CORE_OK)
		return s;
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	int64_t found = 0;
	s = db_account_resolve(db, clean, &found, NULL, 0, err);
	if (s != CORE_OK) {
		db_tx_rollback(db);
		return s;
	}
	s = db_tx_commit(db, err);
	if (s == CORE_OK && id != NULL)
		*id = found;
	return s;
}

enum core_status db_account_get(struct db *db, int64_t id, struct db_account *out,
                                struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_stmt(db, DB_Q_ACCOUNT_GET,
	                             "SELECT " ACCOUNT_COLS " FROM account a WHERE a.id = ?1",
	                             &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		account_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return CORE_OK;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the account", err);
	return core_error_set(err, CORE_ERR_NOTFOUND, "no account with id %lld",
	                      (long long)id);
}
