/* Imported accounts and contacts: found by CRM id, pipebench id or
 * natural key (db/import.h), then updated in place or created. */
#include "db/import_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/buying.h"

/* The farthest a customer can be (half the equator), and the longest
 * journey to one in minutes (a week: the far north by road takes more
 * than a day): anything beyond is a typo. */
#define ACCOUNT_KM_MAX 20038.0
#define ACCOUNT_TRAVEL_MAX (7 * 1440)

/* Stored text is not trusted to fit: a buffer one byte longer than any
 * row's value, so a cut stored value never equals a row's. */
#define KEY_BUF (DB_IMPORT_CRM_ID_MAX + 2)

const char *const import_sql_accounts[IS_COUNT] = {
	[IS_ACC_BY_CRM] = "SELECT id, crm_id, org_no, name FROM account WHERE crm_id = ?1 "
	                  "ORDER BY id LIMIT 1",
	[IS_ACC_BY_ID] = "SELECT id, crm_id, org_no, name FROM account WHERE id = ?1",
	[IS_ACC_BY_ORG] = "SELECT id, crm_id, org_no, name FROM account WHERE org_no = ?1 "
	                  "AND (?2 IS NULL OR coalesce(crm_id, '') = '' OR crm_id = ?2) "
	                  "ORDER BY id LIMIT 1",
	[IS_ACC_INSERT] = "INSERT INTO account(id, crm_id, name, org_no, domain, city, km, "
	                  "travel_min, owner_id, created_at, updated_at, rev) "
	                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	/* ?2 says which columns the row carries; the others keep their value. */
	[IS_ACC_UPDATE] = "UPDATE account SET "
	                  "crm_id = CASE WHEN ?2 & 1 THEN ?3 ELSE crm_id END, "
	                  "name = CASE WHEN ?2 & 2 THEN ?4 ELSE name END, "
	                  "org_no = CASE WHEN ?2 & 4 THEN ?5 ELSE org_no END, "
	                  "domain = CASE WHEN ?2 & 8 THEN ?6 ELSE domain END, "
	                  "city = CASE WHEN ?2 & 16 THEN ?7 ELSE city END, "
	                  "km = CASE WHEN ?2 & 32 THEN ?8 ELSE km END, "
	                  "travel_min = CASE WHEN ?2 & 64 THEN ?9 ELSE travel_min END, "
	                  "owner_id = CASE WHEN ?2 & 128 THEN ?10 ELSE owner_id END, "
	                  "updated_at = ?11, rev = ?12 WHERE id = ?1",
};

const char *const import_sql_contacts[IS_COUNT] = {
	[IS_CON_BY_CRM] = "SELECT id, account_id, crm_id FROM contact WHERE crm_id = ?1 "
	                  "ORDER BY id LIMIT 1",
	[IS_CON_BY_ID] = "SELECT id, account_id, crm_id FROM contact WHERE id = ?1",
	[IS_CON_BY_EMAIL] = "SELECT id, account_id, crm_id FROM contact "
	                    "WHERE account_id = ?1 AND email = ?2 COLLATE NOCASE "
	                    "AND (?3 IS NULL OR coalesce(crm_id, '') = '' OR crm_id = ?3) "
	                    "ORDER BY id LIMIT 1",
	/* By name only among contacts without an e-mail when the row has one
	 * (?4): two people of one name are told apart by their addresses. */
	[IS_CON_BY_NAME] = "SELECT id, account_id, crm_id FROM contact "
	                   "WHERE account_id = ?1 AND pb_fold(name) = ?2 "
	                   "AND (?3 IS NULL OR coalesce(crm_id, '') = '' OR crm_id = ?3) "
	                   "AND (?4 = 0 OR coalesce(email, '') = '') ORDER BY id LIMIT 1",
	[IS_CON_INSERT] = "INSERT INTO contact(id, account_id, crm_id, name, email, phone, "
	                  "role, level, created_at, updated_at, rev) "
	                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[IS_CON_UPDATE] = "UPDATE contact SET "
	                  "crm_id = CASE WHEN ?2 & 1 THEN ?3 ELSE crm_id END, "
	                  "name = CASE WHEN ?2 & 2 THEN ?4 ELSE name END, "
	                  "email = CASE WHEN ?2 & 4 THEN ?5 ELSE email END, "
	                  "phone = CASE WHEN ?2 & 8 THEN ?6 ELSE phone END, "
	                  "role = CASE WHEN ?2 & 16 THEN ?7 ELSE role END, "
	                  "level = CASE WHEN ?2 & 32 THEN ?8 ELSE level END, "
	                  "updated_at = ?9, rev = ?10 WHERE id = ?1",
};

/* A text of the row: s NULL when the row has none (bound as NULL). */
struct import_str {
	const char *s;
	size_t len;
};

/* Copies column col's bytes (NULL: "") into buf, cut to n - 1. */
static void col_copy(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	const char *t = db_column_text(st, col);
	size_t len = strnlen(t, n - 1);
	memcpy(buf, t, len);
	buf[len] = '\0';
}

/* 1 when both the stored text and the row's are set and differ. */
static int conflicts(const char *stored, const struct import_str *row)
{
	return row->s != NULL && row->len > 0 && stored[0] != '\0' &&
	       (strlen(stored) != row->len || memcmp(stored, row->s, row->len) != 0);
}

static void bind_str(sqlite3_stmt *st, int i, const struct import_str *t)
{
	import_bind_text(st, i, t->s, t->len);
}

/* ---- accounts ------------------------------------------------------------ */

struct account_found {
	int64_t id;
	char crm[KEY_BUF];
	char org[DB_IMPORT_ORG_NO_MAX + 2];
	char name[CORE_NAME_MAX];
};

/* Steps a bound account lookup into *f: 1 found, 0 not, -1 failed. */
static int account_fetch(struct db_import *im, sqlite3_stmt *st, struct account_found *f,
                         struct core_error *err)
{
	int rc = import_lookup(im, st, "finding the account", err);
	if (rc == 1) {
		f->id = sqlite3_column_int64(st, 0);
		col_copy(st, 1, f->crm, sizeof f->crm);
		col_copy(st, 2, f->org, sizeof f->org);
		col_copy(st, 3, f->name, sizeof f->name);
		import_lookup_done(st);
	}
	return rc;
}

struct account_in {
	int64_t id;                     /* the file's, 0 none */
	struct import_str crm, name, org, domain, city;
	struct import_seller owner;
	int owner_carried;
	double km;
	int64_t travel;
	char fold[CORE_NAME_MAX];       /* the name, folded */
};

/* Finds the stored account the row is: *match 0 when none.  *id_free
 * tells whether the row's own id may be given to a new account. */
static int account_match(struct import_row *w, const struct account_in *a,
                         struct account_found *m, int *id_free, struct core_error *err)
{
	struct db_import *im = w->im;
	int rc;
	m->id = 0;
	*id_free = 0;
	if (a->crm.len > 0) {
		sqlite3_stmt *st = im->st[IS_ACC_BY_CRM];
		bind_str(st, 1, &a->crm);
		if ((rc = account_fetch(im, st, m, err)) != 0)
			return rc;
	}
	if (a->id > 0) {
		sqlite3_stmt *st = im->st[IS_ACC_BY_ID];
		sqlite3_bind_int64(st, 1, a->id);
		rc = account_fetch(im, st, m, err);
		if (rc < 0)
			return rc;
		*id_free = rc == 0;
		if (rc == 1 && !conflicts(m->crm, &a->crm) && !conflicts(m->org, &a->org))
			return 1;
		m->id = 0;
	}
	if (a->org.len > 0) {
		sqlite3_stmt *st = im->st[IS_ACC_BY_ORG];
		bind_str(st, 1, &a->org);
		bind_str(st, 2, a->crm.len > 0 ? &a->crm : &(struct import_str){ NULL, 0 });
		if ((rc = account_fetch(im, st, m, err)) != 0)
			return rc;
	}
	int64_t cand;
	if (a->name.len > 0 && import_map_get(&im->acc_name, a->fold, strlen(a->fold), &cand)) {
		sqlite3_stmt *st = im->st[IS_ACC_BY_ID];
		sqlite3_bind_int64(st, 1, cand);
		rc = account_fetch(im, st, m, err);
		if (rc < 0)
			return rc;
		/* With an org number, only an account that has none yet is the
		 * same company by name alone. */
		if (rc == 1 && !conflicts(m->crm, &a->crm) && (a->org.len == 0 || m->org[0] == '\0'))
			return 1;
		m->id = 0;
	}
	return 0;
}

static void account_bind(sqlite3_stmt *st, const struct account_in *a, int first)
{
	bind_str(st, first, &a->crm);
	bind_str(st, first + 1, &a->name);
	bind_str(st, first + 2, &a->org);
	bind_str(st, first + 3, &a->domain);
	bind_str(st, first + 4, &a->city);
	if (a->km < 0)
		sqlite3_bind_null(st, first + 5);
	else
		sqlite3_bind_double(st, first + 5, a->km);
	if (a->travel < 0)
		sqlite3_bind_null(st, first + 6);
	else
		sqlite3_bind_int64(st, first + 6, a->travel);
	if (a->owner.id > 0)
		sqlite3_bind_int64(st, first + 7, a->owner.id);
	else
		sqlite3_bind_null(st, first + 7);
}

/* Reads and checks the row's fields into a. */
static void account_read(struct import_row *w, struct account_in *a)
{
	import_id(w, CORE_XF_ID, &a->id);
	import_key(w, CORE_XF_CRM_ID, DB_IMPORT_CRM_ID_MAX, &a->crm.s, &a->crm.len);
	import_key(w, CORE_XF_NAME, CORE_NAME_MAX - 1, &a->name.s, &a->name.len);
	import_text(w, CORE_XF_ORG_NO, DB_IMPORT_ORG_NO_MAX, &a->org.s, &a->org.len);
	import_text(w, CORE_XF_DOMAIN, DB_IMPORT_DOMAIN_MAX, &a->domain.s, &a->domain.len);
	import_text(w, CORE_XF_CITY, DB_IMPORT_CITY_MAX, &a->city.s, &a->city.len);
	if (a->name.len > 0) {
		char buf[CORE_NAME_MAX];
		import_cstr(a->name.s, a->name.len, buf, sizeof buf, a->fold);
	}
	a->km = -1;
	if (import_has(w, CORE_XF_KM)) {
		double km = w->r->v[CORE_XF_KM].r;
		if (!isfinite(km) || km < 0 || km > ACCOUNT_KM_MAX)
			import_bad(w, CORE_XF_KM, "a distance from 0 to %.0f km, not %g",
			           ACCOUNT_KM_MAX, km);
		else
			a->km = km;
	}
	a->travel = -1;
	if (import_has(w, CORE_XF_TRAVEL_MIN)) {
		int64_t t = w->r->v[CORE_XF_TRAVEL_MIN].i;
		if (t < 0 || t > ACCOUNT_TRAVEL_MAX)
			import_bad(w, CORE_XF_TRAVEL_MIN, "travel time from 0 to %d minutes, not %lld",
			           ACCOUNT_TRAVEL_MAX, (long long)t);
		else
			a->travel = t;
	}
	a->owner_carried = w->present[CORE_XF_OWNER] || w->present[CORE_XF_OWNER_CRM_ID];
	import_seller_find(w, CORE_XF_OWNER, CORE_XF_OWNER_CRM_ID, &a->owner);
}

enum core_status import_account_row(struct import_row *w, int check_only,
                                    struct core_error *err)
{
	struct db_import *im = w->im;
	struct account_in a;
	memset(&a, 0, sizeof a);
	account_read(w, &a);
	if (w->nbad > 0)
		return CORE_ERR_INPUT;
	struct account_found m;
	int id_free;
	int rc = account_match(w, &a, &m, &id_free, err);
	if (rc < 0)
		return err->code;
	if (rc == 0 && a.name.len == 0) {
		import_bad(w, CORE_XF_NAME, "a new account needs a name");
		return CORE_ERR_INPUT;
	}
	if (check_only)
		return CORE_OK;
	enum core_status s = import_seller_write(im, &a.owner, err);
	if (s != CORE_OK)
		return s;
	int64_t id;
	if (rc == 1) {
		sqlite3_stmt *st = im->st[IS_ACC_UPDATE];
		int mask = (w->present[CORE_XF_CRM_ID] ? 1 : 0) | (a.name.len > 0 ? 2 : 0) |
		           (w->present[CORE_XF_ORG_NO] ? 4 : 0) |
		           (w->present[CORE_XF_DOMAIN] ? 8 : 0) |
		           (w->present[CORE_XF_CITY] ? 16 : 0) | (w->present[CORE_XF_KM] ? 32 : 0) |
		           (w->present[CORE_XF_TRAVEL_MIN] ? 64 : 0) |
		           (a.owner_carried ? 128 : 0);
		id = m.id;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, mask);
		account_bind(st, &a, 3);
		sqlite3_bind_int64(st, 11, import_time(w, CORE_XF_UPDATED_AT));
		sqlite3_bind_int64(st, 12, im->rev);
		s = import_step(im, st, "updating the account", err);
		/* A new name is the account's name from now on. */
		char fold[CORE_NAME_MAX];
		db_fold(m.name, fold, sizeof fold);
		if (s == CORE_OK && a.name.len > 0 && strcmp(fold, a.fold) != 0) {
			import_map_del(&im->acc_name, fold, strlen(fold), &id);
			s = import_map_put(&im->acc_name, a.fold, strlen(a.fold), id, 0, err);
		}
		im->counts.updated += s == CORE_OK;
		return s;
	}
	sqlite3_stmt *st = im->st[IS_ACC_INSERT];
	if (id_free)
		sqlite3_bind_int64(st, 1, a.id);
	else
		sqlite3_bind_null(st, 1);
	account_bind(st, &a, 2);
	sqlite3_bind_int64(st, 10, import_time(w, CORE_XF_CREATED_AT));
	sqlite3_bind_int64(st, 11, import_time(w, CORE_XF_UPDATED_AT));
	sqlite3_bind_int64(st, 12, im->rev);
	s = import_step(im, st, "adding the account", err);
	if (s != CORE_OK)
		return s;
	id = sqlite3_last_insert_rowid(im->db->h);
	im->counts.created++;
	return import_map_put(&im->acc_name, a.fold, strlen(a.fold), id, 0, err);
}

/* ---- contacts ------------------------------------------------------------ */

struct contact_in {
	int64_t id, account_id;
	struct import_str crm, name, email, phone, role, level;
	char name_buf[CORE_NAME_MAX];   /* first + last, when no name */
	char role_buf[CORE_CONTACT_ROLE_MAX];
	char fold[CORE_NAME_MAX];
};

/* The name, or first and last name joined, as a person writes them. */
static void contact_name(struct import_row *w, struct contact_in *c)
{
	if (import_key(w, CORE_CF_NAME, CORE_NAME_MAX - 1, &c->name.s, &c->name.len) != 0)
		return;
	const char *first, *last;
	size_t flen, llen;
	int hf = import_key(w, CORE_CF_FIRST_NAME, CORE_NAME_MAX - 1, &first, &flen);
	int hl = import_key(w, CORE_CF_LAST_NAME, CORE_NAME_MAX - 1, &last, &llen);
	if (hf <= 0 && hl <= 0)
		return;
	size_t n = (hf > 0 ? flen : 0) + (hf > 0 && hl > 0) + (hl > 0 ? llen : 0);
	if (n > CORE_NAME_MAX - 1) {
		import_bad(w, CORE_CF_LAST_NAME, "first and last name too long together: %zu "
		           "bytes, at most %d", n, CORE_NAME_MAX - 1);
		return;
	}
	snprintf(c->name_buf, sizeof c->name_buf, "%.*s%s%.*s", hf > 0 ? (int)flen : 0,
	         hf > 0 ? first : "", hf > 0 && hl > 0 ? " " : "", hl > 0 ? (int)llen : 0,
	         hl > 0 ? last : "");
	c->name.s = c->name_buf;
	c->name.len = strlen(c->name_buf);
}

static void contact_read(struct import_row *w, struct contact_in *c)
{
	import_id(w, CORE_CF_ID, &c->id);
	import_key(w, CORE_CF_CRM_ID, DB_IMPORT_CRM_ID_MAX, &c->crm.s, &c->crm.len);
	contact_name(w, c);
	import_text(w, CORE_CF_EMAIL, CORE_CONTACT_EMAIL_MAX - 1, &c->email.s, &c->email.len);
	import_text(w, CORE_CF_PHONE, CORE_CONTACT_PHONE_MAX - 1, &c->phone.s, &c->phone.len);
	import_text(w, CORE_CF_LEVEL, CORE_CONTACT_LEVEL_MAX - 1, &c->level.s, &c->level.len);
	const char *role;
	size_t rlen;
	if (import_text(w, CORE_CF_ROLE, CORE_CONTACT_ROLE_MAX - 1, &role, &rlen) == 1) {
		/* "Decision maker" is stored as its key, a team's own role as is. */
		char buf[CORE_CONTACT_ROLE_MAX];
		import_cstr(role, rlen, buf, sizeof buf, NULL);
		core_role_store(c->role_buf, sizeof c->role_buf, buf);
		c->role.s = c->role_buf;
		c->role.len = strlen(c->role_buf);
	}
	if (c->name.len > 0) {
		char buf[CORE_NAME_MAX];
		import_cstr(c->name.s, c->name.len, buf, sizeof buf, c->fold);
	}
	import_account_ref(w, CORE_CF_ACCOUNT_CRM_ID, CORE_CF_ACCOUNT_ID, CORE_CF_ACCOUNT, -1,
	                   &c->account_id);
}

/* Steps a bound contact lookup: 1 with *id, *account and crm (KEY_BUF). */
static int contact_fetch(struct db_import *im, sqlite3_stmt *st, int64_t *id,
                         int64_t *account, char *crm, struct core_error *err)
{
	int rc = import_lookup(im, st, "finding the contact", err);
	if (rc == 1) {
		*id = sqlite3_column_int64(st, 0);
		*account = sqlite3_column_int64(st, 1);
		col_copy(st, 2, crm, KEY_BUF);
		import_lookup_done(st);
	}
	return rc;
}

/* The stored contact the row is, in *match (0: none); -1 failed, -2 the
 * row is refused (reported). */
static int contact_match(struct import_row *w, const struct contact_in *c, int64_t *match,
                         int *id_free, struct core_error *err)
{
	struct db_import *im = w->im;
	const struct import_str nocrm = { NULL, 0 };
	const struct import_str *crm = c->crm.len > 0 ? &c->crm : &nocrm;
	int64_t account;
	char stored_crm[KEY_BUF];
	int rc;
	*match = 0;
	*id_free = 0;
	if (c->crm.len > 0) {
		sqlite3_stmt *st = im->st[IS_CON_BY_CRM];
		bind_str(st, 1, crm);
		rc = contact_fetch(im, st, match, &account, stored_crm, err);
		if (rc == 1 && account != c->account_id) {
			import_bad(w, CORE_CF_CRM_ID, "this CRM id is contact %lld of another "
			           "account (id %lld); a contact stays with its account",
			           (long long)*match, (long long)account);
			return -2;
		}
		if (rc != 0)
			return rc;
	}
	if (c->id > 0) {
		sqlite3_stmt *st = im->st[IS_CON_BY_ID];
		sqlite3_bind_int64(st, 1, c->id);
		rc = contact_fetch(im, st, match, &account, stored_crm, err);
		if (rc < 0)
			return rc;
		*id_free = rc == 0;
		if (rc == 1 && account == c->account_id && !conflicts(stored_crm, &c->crm))
			return 1;
		*match = 0;
	}
	if (c->email.len > 0) {
		sqlite3_stmt *st = im->st[IS_CON_BY_EMAIL];
		sqlite3_bind_int64(st, 1, c->account_id);
		bind_str(st, 2, &c->email);
		bind_str(st, 3, crm);
		if ((rc = contact_fetch(im, st, match, &account, stored_crm, err)) != 0)
			return rc;
	}
	if (c->name.len > 0) {
		sqlite3_stmt *st = im->st[IS_CON_BY_NAME];
		sqlite3_bind_int64(st, 1, c->account_id);
		sqlite3_bind_text(st, 2, c->fold, -1, SQLITE_STATIC);
		bind_str(st, 3, crm);
		sqlite3_bind_int(st, 4, c->email.len > 0);
		return contact_fetch(im, st, match, &account, stored_crm, err);
	}
	return 0;
}

static void contact_bind(sqlite3_stmt *st, const struct contact_in *c, int first)
{
	bind_str(st, first, &c->crm);
	bind_str(st, first + 1, &c->name);
	bind_str(st, first + 2, &c->email);
	bind_str(st, first + 3, &c->phone);
	bind_str(st, first + 4, &c->role);
	bind_str(st, first + 5, &c->level);
}

enum core_status import_contact_row(struct import_row *w, int check_only,
                                    struct core_error *err)
{
	struct db_import *im = w->im;
	struct contact_in c;
	memset(&c, 0, sizeof c);
	contact_read(w, &c);
	if (w->nbad > 0)
		return CORE_ERR_INPUT;
	int64_t match;
	int id_free;
	int rc = contact_match(w, &c, &match, &id_free, err);
	if (rc == -2)
		return CORE_ERR_INPUT;
	if (rc < 0)
		return err->code;
	if (rc == 0 && c.name.len == 0) {
		import_bad(w, CORE_CF_NAME, "a new contact needs a name");
		return CORE_ERR_INPUT;
	}
	if (check_only)
		return CORE_OK;
	enum core_status s;
	if (rc == 1) {
		sqlite3_stmt *st = im->st[IS_CON_UPDATE];
		int mask = (w->present[CORE_CF_CRM_ID] ? 1 : 0) | (c.name.len > 0 ? 2 : 0) |
		           (w->present[CORE_CF_EMAIL] ? 4 : 0) |
		           (w->present[CORE_CF_PHONE] ? 8 : 0) |
		           (w->present[CORE_CF_ROLE] ? 16 : 0) |
		           (w->present[CORE_CF_LEVEL] ? 32 : 0);
		sqlite3_bind_int64(st, 1, match);
		sqlite3_bind_int(st, 2, mask);
		contact_bind(st, &c, 3);
		sqlite3_bind_int64(st, 9, import_time(w, CORE_CF_UPDATED_AT));
		sqlite3_bind_int64(st, 10, im->rev);
		s = import_step(im, st, "updating the contact", err);
		im->counts.updated += s == CORE_OK;
		return s;
	}
	sqlite3_stmt *st = im->st[IS_CON_INSERT];
	if (id_free)
		sqlite3_bind_int64(st, 1, c.id);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, c.account_id);
	contact_bind(st, &c, 3);
	sqlite3_bind_int64(st, 9, import_time(w, CORE_CF_CREATED_AT));
	sqlite3_bind_int64(st, 10, import_time(w, CORE_CF_UPDATED_AT));
	sqlite3_bind_int64(st, 11, im->rev);
	s = import_step(im, st, "adding the contact", err);
	im->counts.created += s == CORE_OK;
	return s;
}
