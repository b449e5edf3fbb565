/* CRM ids and domains typed in by hand (db/crm_ids.h). */
#include "db/crm_ids.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/meeting.h"
#include "core/utf8.h"
#include "db/internal.h"

#define CRM_ID_MAX 64

/* The SQL of each target, fixed text: the row `who` names (?1 as typed,
 * ?2 folded), another row already holding a CRM id, and the update. */
struct crm_sql {
	const char *what;
	const char *find;
	const char *taken;
	const char *set;
};

static const struct crm_sql crm_sql[] = {
	[DB_CRM_SELLER] = { "seller",
		"SELECT id, name FROM seller WHERE name = ?1 COLLATE NOCASE "
		"OR pb_fold(name) = ?2 ORDER BY id LIMIT 2",
		"SELECT name FROM seller WHERE crm_id = ?1 AND id <> ?2",
		"UPDATE seller SET crm_id = NULLIF(?1, '') WHERE id = ?2" },
	[DB_CRM_ACCOUNT] = { "account",
		"SELECT id, name FROM account WHERE pb_fold(name) = ?2 OR org_no = ?1 "
		"ORDER BY id LIMIT 2",
		"SELECT name FROM account WHERE crm_id = ?1 AND id <> ?2",
		"UPDATE account SET crm_id = NULLIF(?1, ''), updated_at = ?3 WHERE id = ?2" },
	[DB_CRM_CONTACT] = { "contact",
		"SELECT id, name FROM contact WHERE email = ?1 COLLATE NOCASE "
		"OR pb_fold(name) = ?2 ORDER BY id LIMIT 2",
		"SELECT name FROM contact WHERE crm_id = ?1 AND id <> ?2",
		"UPDATE contact SET crm_id = NULLIF(?1, ''), updated_at = ?3 WHERE id = ?2" },
};

int db_crm_id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > CRM_ID_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		         (c >= '0' && c <= '9') || strchr("-_.:", c) != NULL;
		if (!ok)
			return 0;
	}
	return 1;
}

/* The one row `who` names under t; *id and matched set. */
static enum core_status crm_find(struct db *db, enum db_crm_target t, const char *who,
                                 int64_t *id, char *matched, size_t n,
                                 struct core_error *err)
{
	char folded[4 * CORE_NAME_MAX];
	db_fold(who, folded, sizeof folded);
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, crm_sql[t].find, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, folded, -1, SQLITE_STATIC);
	int rows = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (rows++ == 0) {
			*id = sqlite3_column_int64(st, 0);
			core_utf8_copy(matched, n, db_column_text(st, 1));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "finding the row", err);
	if (rows == 0)
		return core_error_set(err, CORE_ERR_NOTFOUND, "no %s '%s' in %s",
		                      crm_sql[t].what, who, db_path(db));
	if (rows > 1)
		return core_error_set(err, CORE_ERR_INPUT, "several %ss answer to '%s'; give %s",
		                      crm_sql[t].what, who,
		                      t == DB_CRM_ACCOUNT ? "the organisation number"
		                      : t == DB_CRM_CONTACT ? "the email" : "the full name");
	return CORE_OK;
}

static enum core_status crm_check_free(struct db *db, enum db_crm_target t,
                                       const char *crm_id, int64_t id,
                                       struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, crm_sql[t].taken, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, crm_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s = core_error_set(err, CORE_ERR_INPUT, "CRM id %s is %s's already",
		                   crm_id, db_column_text(st, 0));
	else if (rc != SQLITE_DONE)
		s = db_fail(db, rc, "checking the CRM id", err);
	sqlite3_finalize(st);
	return s;
}

enum core_status db_crm_id_set(struct db *db, enum db_crm_target t, const char *who,
                               const char *crm_id, char *matched, size_t n,
                               struct core_error *err)
{
	if ((unsigned)t > DB_CRM_CONTACT)
		return core_error_set(err, CORE_ERR_INPUT, "no such kind of row");
	if (crm_id[0] != '\0' && !db_crm_id_valid(crm_id))
		return core_error_set(err, CORE_ERR_INPUT, "'%s' is not a CRM id (1 to %d "
		                      "letters, digits and -_.:)", crm_id, CRM_ID_MAX);
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	int64_t id = 0;
	s = crm_find(db, t, who, &id, matched, n, err);
	if (s == CORE_OK && crm_id[0] != '\0')
		s = crm_check_free(db, t, crm_id, id, err);
	sqlite3_stmt *st;
	if (s == CORE_OK)
		s = db_prepare(db, crm_sql[t].set, &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, crm_id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if (sqlite3_bind_parameter_count(st) >= 3)
			sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
		s = db_step_write(db, st, "saving the CRM id", NULL, err);
	}
	return db_tx_end(db, s, err);
}

static int crm_domain_valid(const char *d)
{
	size_t n = strlen(d);
	if (n < 3 || n > 253 || d[0] == '.' || d[0] == '-' || d[n - 1] == '.' ||
	    strchr(d, '.') == NULL || strstr(d, "..") != NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = d[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '.'))
			return 0;
	}
	return 1;
}

enum core_status db_account_domain_set(struct db *db, const char *who, const char *domain,
                                       char *matched, size_t n, struct core_error *err)
{
	if (domain[0] != '\0' && !crm_domain_valid(domain))
		return core_error_set(err, CORE_ERR_INPUT, "'%s' is not a domain (like "
		                      "fjordkraft.no: no https://, no path)", domain);
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	int64_t id = 0;
	s = crm_find(db, DB_CRM_ACCOUNT, who, &id, matched, n, err);
	sqlite3_stmt *st;
	if (s == CORE_OK)
		s = db_prepare(db, "UPDATE account SET domain = NULLIF(lower(?1), ''), "
		               "updated_at = ?3 WHERE id = ?2", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, domain, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
		s = db_step_write(db, st, "saving the domain", NULL, err);
	}
	return db_tx_end(db, s, err);
}
