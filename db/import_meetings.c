/* Imported meetings, with their preparation, minutes and participants
 * (db/import.h).  The hot path of a million-row import: every lookup is
 * a prepared statement or a map, and nothing is allocated per row. */
#include "db/import_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/minutes.h"

/* Stored text is not trusted to fit: one byte longer than any row's. */
#define KEY_BUF (DB_IMPORT_CRM_ID_MAX + 2)
#define VOCAB_MAX 63
#define FORM_REASON_MAX 159   /* core_meeting.form_reason */
#define DURATION_MAX 1440

const char *const import_sql_meetings[IS_COUNT] = {
	[IS_MEET_CONTACT_CRM] = "SELECT id FROM contact WHERE account_id = ?1 "
	                        "AND crm_id = ?2 ORDER BY id LIMIT 1",
	[IS_MEET_CONTACT_EMAIL] = "SELECT id FROM contact WHERE account_id = ?1 "
	                          "AND email = ?2 COLLATE NOCASE ORDER BY id LIMIT 1",
	[IS_MEET_CONTACT_NAME] = "SELECT id FROM contact WHERE account_id = ?1 "
	                         "AND pb_fold(name) = ?2 ORDER BY id LIMIT 1",
	[IS_MEET_BY_CRM] = "SELECT id, account_id, crm_id FROM meeting WHERE crm_id = ?1 "
	                   "ORDER BY id LIMIT 1",
	[IS_MEET_BY_ID] = "SELECT id, account_id, crm_id FROM meeting WHERE id = ?1",
	[IS_MEET_BY_KEY] = "SELECT id, account_id, crm_id FROM meeting "
	                   "WHERE seller_id = ?1 AND starts_at = ?2 AND account_id = ?3 "
	                   "AND (?4 IS NULL OR coalesce(crm_id, '') = '' OR crm_id = ?4) "
	                   "ORDER BY id LIMIT 1",
	[IS_MEET_INSERT] = "INSERT INTO meeting(id, crm_id, seller_id, account_id, starts_at, "
	                   "duration_min, battlefield, type, form, dim, complexity, sale, "
	                   "status, form_reason, purpose, agenda, pains, created_at, "
	                   "updated_at, rev) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	                   "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
	/* ?2 says which columns the row carries; the others keep their value. */
	[IS_MEET_UPDATE] = "UPDATE meeting SET "
	                   "crm_id = CASE WHEN ?2 & 1 THEN ?3 ELSE crm_id END, "
	                   "seller_id = CASE WHEN ?2 & 2 THEN ?4 ELSE seller_id END, "
	                   "account_id = ?5, "
	                   "starts_at = CASE WHEN ?2 & 4 THEN ?6 ELSE starts_at END, "
	                   "duration_min = CASE WHEN ?2 & 8 THEN ?7 ELSE duration_min END, "
	                   "battlefield = CASE WHEN ?2 & 16 THEN ?8 ELSE battlefield END, "
	                   "type = CASE WHEN ?2 & 32 THEN ?9 ELSE type END, "
	                   "form = CASE WHEN ?2 & 64 THEN ?10 ELSE form END, "
	                   "dim = CASE WHEN ?2 & 128 THEN ?11 ELSE dim END, "
	                   "complexity = CASE WHEN ?2 & 256 THEN ?12 ELSE complexity END, "
	                   "sale = CASE WHEN ?2 & 512 THEN ?13 ELSE sale END, "
	                   "status = CASE WHEN ?2 & 1024 THEN ?14 ELSE status END, "
	                   "form_reason = CASE WHEN ?2 & 2048 THEN ?15 ELSE form_reason END, "
	                   "purpose = CASE WHEN ?2 & 4096 THEN ?16 ELSE purpose END, "
	                   "agenda = CASE WHEN ?2 & 8192 THEN ?17 ELSE agenda END, "
	                   "pains = CASE WHEN ?2 & 16384 THEN ?18 ELSE pains END, "
	                   "updated_at = ?19, rev = ?20 WHERE id = ?1",
	/* A text not carried is NULL here and keeps its value; an unchanged
	 * row is not written, so the rev trigger leaves its meeting alone. */
	[IS_MINUTES] = "INSERT INTO minutes(meeting_id, summary, needs, agreed, notes, "
	               "updated_at) VALUES (?1, coalesce(?2, ''), coalesce(?3, ''), "
	               "coalesce(?4, ''), coalesce(?5, ''), ?6) "
	               "ON CONFLICT(meeting_id) DO UPDATE SET summary = coalesce(?2, summary), "
	               "needs = coalesce(?3, needs), agreed = coalesce(?4, agreed), "
	               "notes = coalesce(?5, notes), updated_at = ?6 "
	               "WHERE coalesce(?2, summary) IS NOT summary "
	               "OR coalesce(?3, needs) IS NOT needs "
	               "OR coalesce(?4, agreed) IS NOT agreed "
	               "OR coalesce(?5, notes) IS NOT notes",
	/* Empty cells empty stored minutes, without making a row for them. */
	[IS_MINUTES_CLEAR] = "UPDATE minutes SET "
	                     "summary = CASE WHEN ?2 THEN '' ELSE summary END, "
	                     "needs = CASE WHEN ?3 THEN '' ELSE needs END, "
	                     "agreed = CASE WHEN ?4 THEN '' ELSE agreed END, "
	                     "notes = CASE WHEN ?5 THEN '' ELSE notes END, updated_at = ?6 "
	                     "WHERE meeting_id = ?1 AND ((?2 AND summary <> '') "
	                     "OR (?3 AND needs <> '') OR (?4 AND agreed <> '') "
	                     "OR (?5 AND notes <> ''))",
	/* ?2 is a JSON array of the contact ids to keep, made here from the
	 * parsed ids, bound, never part of the SQL. */
	[IS_PART_KEEP] = "DELETE FROM participant WHERE meeting_id = ?1 "
	                 "AND contact_id NOT IN (SELECT value FROM json_each(?2))",
	[IS_PART_ADD] = "INSERT OR IGNORE INTO participant(meeting_id, contact_id) "
	                "VALUES (?1, ?2)",
	[IS_PART_PRUNE] = "DELETE FROM participant WHERE meeting_id = ?1 AND contact_id "
	                  "NOT IN (SELECT id FROM contact WHERE account_id = ?2)",
};

static const int minutes_field[CORE_MIN_COUNT] = {
	CORE_MF_SUMMARY, CORE_MF_NEEDS, CORE_MF_AGREED, CORE_MF_NOTES
};

/* A text of the row: s NULL when the row has none. */
struct note {
	const char *s;
	size_t len;
};

struct meeting_in {
	int64_t id;                       /* the file's, 0 none */
	struct note crm;
	struct import_seller seller;
	int64_t account_id;
	int64_t starts_at;
	int has_start;
	int duration;                     /* 0: none */
	/* Vocabulary keys (static strings), NULL when the row has none. */
	const char *bf, *type, *form, *dim, *cx, *sale, *status;
	struct note reason, prep[3], minutes[CORE_MIN_COUNT];
	int minutes_carried, minutes_any;
	int part_carried;
	int npart;
	int64_t part[DB_IMPORT_PARTICIPANTS_MAX];
	int64_t contact;                  /* from the contact fields, 0 none */
};

/* ASCII case-insensitive equality of s (n bytes) and the string t. */
static int ascii_same(const char *s, size_t n, const char *t)
{
	size_t i = 0;
	for (; i < n && t[i] != '\0'; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)t[i];
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a + 32);
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b + 32);
		if (a != b)
			return 0;
	}
	return i == n && t[i] == '\0';
}

/* The key of vocabulary field f, NULL when the row has none or (reported)
 * an unknown one. */
static const char *meeting_vocab(struct import_row *w, int f)
{
	const char *s;
	size_t len;
	if (import_key(w, f, SIZE_MAX, &s, &len) <= 0)
		return NULL;
	char buf[VOCAB_MAX + 1];
	import_cstr(s, len, buf, sizeof buf, NULL);
	int known = len <= VOCAB_MAX;
	const char *key = NULL, *what = "", *choices = "";
	switch (f) {
	case CORE_MF_BATTLEFIELD: {
		enum core_battlefield v;
		if (known && core_battlefield_parse(buf, &v) == 0)
			key = core_battlefield_key(v);
		what = "battlefield";
		choices = "resale, upsell or new";
		break;
	}
	case CORE_MF_FORM: {
		enum core_form v;
		if (known && core_form_parse(buf, &v) == 0)
			key = core_form_key(v);
		what = "contact form";
		choices = "physical, hybrid, virtual or phone";
		break;
	}
	case CORE_MF_DIM: {
		enum core_dim v;
		if (known && core_dim_parse(buf, &v) == 0)
			key = core_dim_key(v);
		what = "4D dimension";
		choices = "delivery, development, discovery or destination";
		break;
	}
	case CORE_MF_COMPLEXITY: {
		enum core_complexity v;
		if (known && core_complexity_parse(buf, &v) == 0)
			key = core_complexity_key(v);
		what = "complexity";
		choices = "low, medium or high";
		break;
	}
	case CORE_MF_SALE: {
		enum core_sale v;
		if (known && core_sale_parse(buf, &v) == 0)
			key = core_sale_key(v);
		what = "kind of sale";
		choices = "product or solution";
		break;
	}
	default: {
		enum core_mstatus v;
		if (known && core_mstatus_parse(buf, &v) == 0)
			key = core_mstatus_key(v);
		what = "status";
		choices = "planned, held or cancelled";
		break;
	}
	}
	if (key == NULL)
		import_bad(w, f, "unknown %s \"%.*s\" (%s)", what, len > 60 ? 60 : (int)len, s,
		           choices);
	return key;
}

/* The meeting type: a key of the team's matrix, or its label, any case. */
static const char *meeting_type(struct import_row *w)
{
	const char *s;
	size_t len;
	if (import_key(w, CORE_MF_TYPE, SIZE_MAX, &s, &len) <= 0)
		return NULL;
	const struct core_matrix *mx = &w->im->matrix;
	for (int i = 0; i < mx->n_types; i++)
		if (ascii_same(s, len, mx->types[i].key) || ascii_same(s, len, mx->types[i].label))
			return mx->types[i].key;
	import_bad(w, CORE_MF_TYPE, "unknown meeting type \"%.*s\" (not in the team's "
	           "matrix; `pipebench matrix` lists the types)", len > 60 ? 60 : (int)len, s);
	return NULL;
}

/* A multi-line text, kept exactly as it came (no blanks removed). */
static void meeting_note(struct import_row *w, int f, size_t max, struct note *n)
{
	n->s = NULL;
	n->len = 0;
	if (!import_has(w, f))
		return;
	const struct core_value *v = &w->r->v[f];
	if (v->len > max) {
		import_bad(w, f, "too long: %zu bytes, at most %zu", v->len, max);
		return;
	}
	n->s = v->s != NULL ? v->s : "";
	n->len = v->s != NULL ? v->len : 0;
}

static void meeting_duration(struct import_row *w, struct meeting_in *m)
{
	if (import_has(w, CORE_MF_DURATION)) {
		int64_t d = w->r->v[CORE_MF_DURATION].i;
		if (d < 1 || d > DURATION_MAX)
			import_bad(w, CORE_MF_DURATION, "a duration from 1 to %d minutes, not %lld",
			           DURATION_MAX, (long long)d);
		else
			m->duration = (int)d;
	} else if (import_has(w, CORE_MF_ENDS_AT) && m->has_start) {
		int64_t d = w->r->v[CORE_MF_ENDS_AT].i - m->starts_at;
		if (d % 60 != 0 || d < 60 || d > DURATION_MAX * 60)
			import_bad(w, CORE_MF_ENDS_AT, "ends %lld s after it starts; a meeting "
			           "lasts 1 to %d whole minutes", (long long)d, DURATION_MAX);
		else
			m->duration = (int)(d / 60);
	}
}

/* "12;15": contact ids separated by ';' (or ',' or blanks), each a
 * contact of the meeting's account. */
static void meeting_participants(struct import_row *w, struct meeting_in *m)
{
	const int f = CORE_MF_PARTICIPANTS;
	const char *s;
	size_t len;
	m->part_carried = w->present[f];
	if (import_text(w, f, SIZE_MAX, &s, &len) <= 0)
		return;
	size_t i = 0;
	while (i < len) {
		if (s[i] == ';' || s[i] == ',' || s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		int64_t id = 0;
		size_t start = i;
		while (i < len && s[i] >= '0' && s[i] <= '9' && id <= INT64_MAX / 10 - 9)
			id = id * 10 + (s[i++] - '0');
		if (i == start || (i < len && s[i] != ';' && s[i] != ',' && s[i] != ' ' &&
		                   s[i] != '\t') || id < 1) {
			import_bad(w, f, "participants are contact ids separated by ';', "
			           "not \"%.*s\"", len > 60 ? 60 : (int)len, s);
			return;
		}
		int dup = 0;
		for (int k = 0; k < m->npart; k++)
			dup |= m->part[k] == id;
		if (dup)
			continue;
		if (m->npart == DB_IMPORT_PARTICIPANTS_MAX) {
			import_bad(w, f, "more than %d participants", DB_IMPORT_PARTICIPANTS_MAX);
			return;
		}
		m->part[m->npart++] = id;
	}
	if (m->account_id == 0)
		return;   /* the account is reported already */
	for (int k = 0; k < m->npart; k++) {
		int64_t acc;
		if (!import_map_get_id(&w->im->contact_acc, m->part[k], &acc))
			import_bad(w, f, "no contact with id %lld (import the contacts first)",
			           (long long)m->part[k]);
		else if (acc != m->account_id)
			import_bad(w, f, "contact %lld is not at this meeting's account (id "
			           "%lld) but at account %lld", (long long)m->part[k],
			           (long long)m->account_id, (long long)acc);
	}
}

/* Without participants, the contact a CRM names (WhoId, an e-mail, a
 * person's name) takes part; it must be a contact of the account. */
static int meeting_contact(struct import_row *w, struct meeting_in *m,
                           struct core_error *err)
{
	if (m->part_carried || m->account_id == 0)
		return 0;
	static const struct { int field; enum import_stmt st; const char *what; } by[] = {
		{ CORE_MF_CONTACT_CRM_ID, IS_MEET_CONTACT_CRM, "with CRM id" },
		{ CORE_MF_CONTACT_EMAIL, IS_MEET_CONTACT_EMAIL, "with e-mail" },
		{ CORE_MF_CONTACT, IS_MEET_CONTACT_NAME, "called" },
	};
	for (size_t i = 0; i < sizeof by / sizeof by[0]; i++) {
		const char *s;
		size_t len;
		size_t max = by[i].field == CORE_MF_CONTACT_CRM_ID ? DB_IMPORT_CRM_ID_MAX
		             : CORE_NAME_MAX - 1;
		if (import_key(w, by[i].field, max, &s, &len) <= 0)
			continue;
		char buf[DB_IMPORT_CRM_ID_MAX + 1], fold[DB_IMPORT_CRM_ID_MAX + 1];
		import_cstr(s, len, buf, sizeof buf, fold);
		sqlite3_stmt *st = w->im->st[by[i].st];
		sqlite3_bind_int64(st, 1, m->account_id);
		sqlite3_bind_text(st, 2, by[i].field == CORE_MF_CONTACT ? fold : buf, -1,
		                  SQLITE_STATIC);
		int rc = import_lookup(w->im, st, "finding the contact", err);
		if (rc == 1) {
			m->contact = sqlite3_column_int64(st, 0);
			import_lookup_done(st);
		} else if (rc == 0) {
			import_bad(w, by[i].field, "no contact %s \"%s\" at this meeting's account "
			           "(import the contacts first)", by[i].what, buf);
		}
		return rc < 0 ? -1 : 0;
	}
	return 0;
}

/* Reads and checks every field; -1 when the database failed. */
static int meeting_read(struct import_row *w, struct meeting_in *m, struct core_error *err)
{
	import_id(w, CORE_MF_ID, &m->id);
	import_key(w, CORE_MF_CRM_ID, DB_IMPORT_CRM_ID_MAX, &m->crm.s, &m->crm.len);
	import_seller_find(w, CORE_MF_SELLER, CORE_MF_SELLER_CRM_ID, &m->seller);
	import_account_ref(w, CORE_MF_ACCOUNT_CRM_ID, CORE_MF_ACCOUNT_ID, CORE_MF_ACCOUNT,
	                   CORE_MF_ACCOUNT_DOMAIN, &m->account_id);
	if ((m->has_start = import_has(w, CORE_MF_STARTS_AT)))
		m->starts_at = w->r->v[CORE_MF_STARTS_AT].i;
	meeting_duration(w, m);
	m->bf = meeting_vocab(w, CORE_MF_BATTLEFIELD);
	m->type = meeting_type(w);
	m->form = meeting_vocab(w, CORE_MF_FORM);
	m->dim = meeting_vocab(w, CORE_MF_DIM);
	m->cx = meeting_vocab(w, CORE_MF_COMPLEXITY);
	m->sale = meeting_vocab(w, CORE_MF_SALE);
	m->status = meeting_vocab(w, CORE_MF_STATUS);
	meeting_note(w, CORE_MF_FORM_REASON, FORM_REASON_MAX, &m->reason);
	meeting_note(w, CORE_MF_PURPOSE, CORE_NOTE_MAX, &m->prep[0]);
	meeting_note(w, CORE_MF_AGENDA, CORE_NOTE_MAX, &m->prep[1]);
	meeting_note(w, CORE_MF_PAINS, CORE_NOTE_MAX, &m->prep[2]);
	for (int i = 0; i < CORE_MIN_COUNT; i++) {
		meeting_note(w, minutes_field[i], CORE_NOTE_MAX, &m->minutes[i]);
		m->minutes_carried |= w->present[minutes_field[i]];
		m->minutes_any |= m->minutes[i].s != NULL;
	}
	meeting_participants(w, m);
	return meeting_contact(w, m, err);
}

/* ---- the natural keys this import wrote (db/import_int.h) ---------- */

static uint64_t bloom_hash(const struct meeting_in *m)
{
	uint64_t h = (uint64_t)m->seller.id * 0x9e3779b97f4a7c15u;
	h ^= (uint64_t)m->account_id * 0xc2b2ae3d27d4eb4fu;
	h ^= (uint64_t)m->starts_at * 0x165667b19e3779f9u;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	h ^= h >> 32;
	return h;
}

/* Three bits from two halves of the hash (Kirsch-Mitzenmacher). */
static void bloom_add(struct db_import *im, const struct meeting_in *m)
{
	if (im->bloom == NULL)
		return;
	uint64_t h = bloom_hash(m);
	uint32_t a = (uint32_t)h, b = (uint32_t)(h >> 32) | 1;
	for (uint32_t i = 0; i < 3; i++) {
		uint32_t bit = (a + i * b) & (IMPORT_BLOOM_BITS - 1);
		im->bloom[bit / 64] |= (uint64_t)1 << (bit % 64);
	}
}

/* 0 when no meeting with m's natural key can exist; 1 when one may. */
static int bloom_may(const struct db_import *im, const struct meeting_in *m)
{
	if (im->bloom == NULL)
		return 1;
	uint64_t h = bloom_hash(m);
	uint32_t a = (uint32_t)h, b = (uint32_t)(h >> 32) | 1;
	for (uint32_t i = 0; i < 3; i++) {
		uint32_t bit = (a + i * b) & (IMPORT_BLOOM_BITS - 1);
		if (!(im->bloom[bit / 64] & ((uint64_t)1 << (bit % 64))))
			return 0;
	}
	return 1;
}

/* ---- matching ---------------------------------------------------------- */

/* Steps a bound meeting lookup: 1 with *id, *account and crm. */
static int meeting_fetch(struct db_import *im, sqlite3_stmt *st, int64_t *id,
                         int64_t *account, char *crm, struct core_error *err)
{
	int rc = import_lookup(im, st, "finding the meeting", err);
	if (rc == 1) {
		*id = sqlite3_column_int64(st, 0);
		*account = sqlite3_column_int64(st, 1);
		const char *t = db_column_text(st, 2);
		size_t len = strnlen(t, KEY_BUF - 1);
		memcpy(crm, t, len);
		crm[len] = '\0';
		import_lookup_done(st);
	}
	return rc;
}

/* The stored meeting the row is: 1 with *match and its *old_account. */
static int meeting_match(struct db_import *im, const struct meeting_in *m, int64_t *match,
                         int64_t *old_account, int *id_free, struct core_error *err)
{
	char crm[KEY_BUF];
	int rc;
	*id_free = 0;
	if (m->crm.len > 0) {
		sqlite3_stmt *st = im->st[IS_MEET_BY_CRM];
		import_bind_text(st, 1, m->crm.s, m->crm.len);
		if ((rc = meeting_fetch(im, st, match, old_account, crm, err)) != 0)
			return rc;
	}
	/* An id above every stored one is free without asking (a bulk import
	 * into an empty table never asks). */
	if (m->id >= im->next_meeting_id)
		*id_free = 1;
	else if (m->id > 0) {
		sqlite3_stmt *st = im->st[IS_MEET_BY_ID];
		sqlite3_bind_int64(st, 1, m->id);
		rc = meeting_fetch(im, st, match, old_account, crm, err);
		if (rc < 0)
			return rc;
		*id_free = rc == 0;
		int crm_differs = m->crm.len > 0 && crm[0] != '\0' &&
		                  (strlen(crm) != m->crm.len ||
		                   memcmp(crm, m->crm.s, m->crm.len) != 0);
		if (rc == 1 && *old_account == m->account_id && !crm_differs)
			return 1;
	}
	if (m->seller.id > 0 && m->has_start && bloom_may(im, m)) {
		sqlite3_stmt *st = im->st[IS_MEET_BY_KEY];
		sqlite3_bind_int64(st, 1, m->seller.id);
		sqlite3_bind_int64(st, 2, m->starts_at);
		sqlite3_bind_int64(st, 3, m->account_id);
		import_bind_text(st, 4, m->crm.len > 0 ? m->crm.s : NULL, m->crm.len);
		return meeting_fetch(im, st, match, old_account, crm, err);
	}
	return 0;
}

/* A new meeting needs every column that has no default.  The dimension,
 * complexity and kind of sale, which few CRMs know, default as in the
 * new-meeting form (tui/form.c): Discovery, medium, a solution sale; the
 * status to planned. */
static void meeting_complete(struct import_row *w, const struct meeting_in *m)
{
	static const char need[] = "a new meeting needs a value here";
	if (m->seller.id == 0 && !m->seller.create)
		import_bad(w, CORE_MF_SELLER, "%s", need);
	if (!m->has_start)
		import_bad(w, CORE_MF_STARTS_AT, "%s", need);
	const struct { const void *v; int field; } cols[] = {
		{ m->duration ? m : NULL, CORE_MF_DURATION }, { m->bf, CORE_MF_BATTLEFIELD },
		{ m->type, CORE_MF_TYPE }, { m->form, CORE_MF_FORM },
	};
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (cols[i].v == NULL)
			import_bad(w, cols[i].field, "%s", need);
}

/* ?first.. of the insert and update: crm, seller, account, start,
 * duration, the vocabulary, the status, the reason and the preparation. */
static void meeting_bind(sqlite3_stmt *st, const struct meeting_in *m, int first)
{
	import_bind_text(st, first, m->crm.s, m->crm.len);
	sqlite3_bind_int64(st, first + 1, m->seller.id);
	sqlite3_bind_int64(st, first + 2, m->account_id);
	sqlite3_bind_int64(st, first + 3, m->starts_at);
	sqlite3_bind_int(st, first + 4, m->duration);
	const char *keys[] = {
		m->bf, m->type, m->form,
		m->dim != NULL ? m->dim : core_dim_key(CORE_DIM_DISCOVERY),
		m->cx != NULL ? m->cx : core_complexity_key(CORE_CX_MEDIUM),
		m->sale != NULL ? m->sale : core_sale_key(CORE_SALE_SOLUTION),
		m->status != NULL ? m->status : core_mstatus_key(CORE_MS_PLANNED),
	};
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(st, first + 5 + i, keys[i] != NULL ? keys[i] : "", -1,
		                  SQLITE_STATIC);
	sqlite3_bind_text(st, first + 12, m->reason.s != NULL ? m->reason.s : "",
	                  (int)m->reason.len, SQLITE_STATIC);
	for (int i = 0; i < 3; i++)
		sqlite3_bind_text(st, first + 13 + i, m->prep[i].s != NULL ? m->prep[i].s : "",
		                  (int)m->prep[i].len, SQLITE_STATIC);
}

static enum core_status meeting_minutes(struct import_row *w, const struct meeting_in *m,
                                        int64_t id, int exists, struct core_error *err)
{
	struct db_import *im = w->im;
	if (!m->minutes_carried || (!exists && !m->minutes_any))
		return CORE_OK;
	sqlite3_stmt *st = im->st[m->minutes_any ? IS_MINUTES : IS_MINUTES_CLEAR];
	sqlite3_bind_int64(st, 1, id);
	for (int i = 0; i < CORE_MIN_COUNT; i++) {
		int carried = w->present[minutes_field[i]];
		if (!m->minutes_any)
			sqlite3_bind_int(st, 2 + i, carried);
		else if (m->minutes[i].s != NULL)
			sqlite3_bind_text(st, 2 + i, m->minutes[i].s, (int)m->minutes[i].len,
			                  SQLITE_STATIC);
		else if (carried)
			sqlite3_bind_text(st, 2 + i, "", 0, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 2 + i);
	}
	sqlite3_bind_int64(st, 6, import_time(w, CORE_MF_UPDATED_AT));
	return import_step(im, st, "saving the minutes", err);
}

static enum core_status meeting_people(struct db_import *im, const struct meeting_in *m,
                                       int64_t id, int exists, int64_t old_account,
                                       struct core_error *err)
{
	enum core_status s = CORE_OK;
	if (exists && m->part_carried) {
		/* The ids are numbers parsed here, so the array is well-formed. */
		char keep[DB_IMPORT_PARTICIPANTS_MAX * 21 + 3];
		size_t n = 0;
		keep[n++] = '[';
		for (int k = 0; k < m->npart; k++)
			n += (size_t)snprintf(keep + n, sizeof keep - n, "%s%lld", k ? "," : "",
			                      (long long)m->part[k]);
		keep[n++] = ']';
		sqlite3_stmt *st = im->st[IS_PART_KEEP];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, keep, (int)n, SQLITE_STATIC);
		s = import_step(im, st, "saving the participants", err);
	} else if (exists && old_account != m->account_id) {
		/* Moved to another account: its people stay behind. */
		sqlite3_stmt *st = im->st[IS_PART_PRUNE];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, m->account_id);
		s = import_step(im, st, "saving the participants", err);
	}
	int n = m->part_carried ? m->npart : m->contact != 0;
	for (int k = 0; s == CORE_OK && k < n; k++) {
		sqlite3_stmt *st = im->st[IS_PART_ADD];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, m->part_carried ? m->part[k] : m->contact);
		s = import_step(im, st, "saving the participants", err);
	}
	return s;
}

static enum core_status meeting_update(struct import_row *w, const struct meeting_in *m,
                                       int64_t id, int64_t old_account,
                                       struct core_error *err)
{
	struct db_import *im = w->im;
	enum core_status s = meeting_people(im, m, id, 1, old_account, err);
	if (s == CORE_OK)
		s = meeting_minutes(w, m, id, 1, err);
	if (s != CORE_OK)
		return s;
	const int carried[] = {
		w->present[CORE_MF_CRM_ID], m->seller.id > 0, m->has_start, m->duration > 0,
		m->bf != NULL, m->type != NULL, m->form != NULL, m->dim != NULL, m->cx != NULL,
		m->sale != NULL, m->status != NULL, w->present[CORE_MF_FORM_REASON],
		w->present[CORE_MF_PURPOSE], w->present[CORE_MF_AGENDA], w->present[CORE_MF_PAINS],
	};
	int mask = 0;
	for (size_t i = 0; i < sizeof carried / sizeof carried[0]; i++)
		mask |= carried[i] ? 1 << i : 0;
	sqlite3_stmt *st = im->st[IS_MEET_UPDATE];
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, mask);
	meeting_bind(st, m, 3);
	sqlite3_bind_int64(st, 19, import_time(w, CORE_MF_UPDATED_AT));
	sqlite3_bind_int64(st, 20, im->rev);
	s = import_step(im, st, "updating the meeting", err);
	im->counts.updated += s == CORE_OK;
	/* Its natural key is now the row's, if the row gives all of it; if
	 * not, the filter no longer knows every key and goes. */
	if (m->seller.id > 0 && m->has_start) {
		bloom_add(im, m);
	} else {
		free(im->bloom);
		im->bloom = NULL;
	}
	return s;
}

/* Participants and minutes go in first: the meeting does not exist yet,
 * so their rev triggers find nothing to touch (foreign keys are deferred
 * for the import, db/import.c). */
static enum core_status meeting_insert(struct import_row *w, const struct meeting_in *m,
                                       int id_free, struct core_error *err)
{
	struct db_import *im = w->im;
	int64_t id = id_free ? m->id : im->next_meeting_id;
	if (id >= im->next_meeting_id)
		im->next_meeting_id = id + 1;
	enum core_status s = meeting_people(im, m, id, 0, 0, err);
	if (s == CORE_OK)
		s = meeting_minutes(w, m, id, 0, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st = im->st[IS_MEET_INSERT];
	sqlite3_bind_int64(st, 1, id);
	meeting_bind(st, m, 2);
	sqlite3_bind_int64(st, 18, import_time(w, CORE_MF_CREATED_AT));
	sqlite3_bind_int64(st, 19, import_time(w, CORE_MF_UPDATED_AT));
	sqlite3_bind_int64(st, 20, im->rev);
	s = import_step(im, st, "adding the meeting", err);
	im->counts.created += s == CORE_OK;
	bloom_add(im, m);
	return s;
}

enum core_status import_meeting_row(struct import_row *w, int check_only,
                                    struct core_error *err)
{
	struct db_import *im = w->im;
	struct meeting_in m;
	memset(&m, 0, sizeof m);
	if (meeting_read(w, &m, err) < 0)
		return err->code;
	if (w->nbad > 0)
		return CORE_ERR_INPUT;
	int64_t match = 0, old_account = 0;
	int id_free = 0;
	int rc = meeting_match(im, &m, &match, &old_account, &id_free, err);
	if (rc < 0)
		return err->code;
	if (rc == 0)
		meeting_complete(w, &m);
	if (w->nbad > 0)
		return CORE_ERR_INPUT;
	if (check_only)
		return CORE_OK;
	enum core_status s = import_seller_write(im, &m.seller, err);
	if (s != CORE_OK)
		return s;
	return rc == 1 ? meeting_update(w, &m, match, old_account, err)
	               : meeting_insert(w, &m, id_free, err);
}
