/* Records for export, one query per kind, streamed in one read
 * transaction; and the marks of completed exports (db/export.h). */
#include "db/export.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/utf8.h"
#include "db/internal.h"

/* Each kind's SELECT lists its columns in the order of the kind's field
 * enum (core/record.h), NULL for a derived field, so one loop fills a
 * record from a row: column i is field i. */
static const char meeting_select[] =
	"SELECT m.id, m.crm_id, s.name, s.crm_id, m.account_id, a.name, a.crm_id, "
	"a.domain, fc.name, fc.email, fc.crm_id, "
	"(SELECT group_concat(contact_id, ';') FROM "
	" (SELECT contact_id FROM participant WHERE meeting_id = m.id "
	"  ORDER BY contact_id)), "
	"m.starts_at, NULL, m.duration_min, m.battlefield, m.type, m.form, m.dim, "
	"m.complexity, m.sale, m.status, m.form_reason, m.purpose, m.agenda, m.pains, "
	"n.summary, n.needs, n.agreed, n.notes, NULL, NULL, NULL, "
	"m.created_at, m.updated_at "
	"FROM meeting m JOIN seller s ON s.id = m.seller_id "
	"JOIN account a ON a.id = m.account_id "
	"LEFT JOIN minutes n ON n.meeting_id = m.id "
	/* One participant stands for the meeting's contact (Salesforce's
	 * WhoId, HubSpot's association by email): one the CRM knows first,
	 * then one with an email, then by name. */
	"LEFT JOIN contact fc ON fc.id = (SELECT p.contact_id FROM participant p "
	" JOIN contact c2 ON c2.id = p.contact_id WHERE p.meeting_id = m.id "
	" ORDER BY c2.crm_id IS NULL, c2.email IS NULL, c2.name, c2.id LIMIT 1) "
	"WHERE 1";

static const char action_select[] =
	"SELECT x.id, x.meeting_id, s.name, s.crm_id, x.account_id, a.name, a.crm_id, "
	"a.domain, x.text, CASE WHEN x.owner_contact_id IS NULL THEN 'us' "
	"ELSE oc.name END, oc.email, oc.crm_id, x.due, x.done_at IS NOT NULL, "
	"x.done_at, NULL, NULL, x.created_at, x.updated_at "
	"FROM action x JOIN seller s ON s.id = x.seller_id "
	"JOIN account a ON a.id = x.account_id "
	"LEFT JOIN contact oc ON oc.id = x.owner_contact_id "
	"LEFT JOIN meeting m ON m.id = x.meeting_id "
	"WHERE 1";

static const char account_select[] =
	"SELECT a.id, a.crm_id, a.name, a.org_no, a.domain, a.city, a.km, a.travel_min, "
	"s.name, s.crm_id, a.created_at, a.updated_at "
	"FROM account a LEFT JOIN seller s ON s.id = a.owner_id "
	"WHERE 1";

static const char contact_select[] =
	"SELECT c.id, c.crm_id, c.account_id, a.name, a.crm_id, c.name, NULL, NULL, "
	"c.email, c.phone, c.role, c.level, c.created_at, c.updated_at "
	"FROM contact c JOIN account a ON a.id = c.account_id "
	"WHERE 1";

/* The filters, one constant fragment each: SQL is never made from data,
 * only chosen from these, and the values are bound by name. */
struct export_sql {
	const char *select;
	const char *count_from;   /* FROM ... WHERE 1 for the count */
	const char *seller;
	const char *range;
	const char *battlefield;
	const char *rev;
	const char *order_range;  /* a range: few rows, by time */
	const char *order;        /* everything: by id, streamed without a sort */
};

static const struct export_sql export_sql[CORE_KIND_COUNT] = {
	[CORE_KIND_MEETINGS] = {
		meeting_select, "FROM meeting m WHERE 1",
		" AND m.seller_id = :seller",
		" AND m.starts_at >= :from AND m.starts_at < :to",
		" AND m.battlefield = :bf",
		" AND m.rev > :rev",
		" ORDER BY m.starts_at, m.id", " ORDER BY m.id" },
	[CORE_KIND_ACTIONS] = {
		action_select,
		"FROM action x LEFT JOIN meeting m ON m.id = x.meeting_id WHERE 1",
		" AND x.seller_id = :seller",
		" AND x.due >= :from_day AND x.due < :to_day",
		" AND m.battlefield = :bf",
		" AND x.rev > :rev",
		" ORDER BY x.due, x.id", " ORDER BY x.id" },
	[CORE_KIND_ACCOUNTS] = {
		account_select, "FROM account a WHERE 1",
		" AND a.owner_id = :seller", "", "",
		" AND a.rev > :rev",
		" ORDER BY a.id", " ORDER BY a.id" },
	[CORE_KIND_CONTACTS] = {
		contact_select,
		"FROM contact c JOIN account a ON a.id = c.account_id WHERE 1",
		" AND a.owner_id = :seller", "", "",
		" AND c.rev > :rev",
		" ORDER BY c.id", " ORDER BY c.id" },
};

static int export_ranged(const struct db_export_query *q)
{
	return q->from != 0 || q->to != 0;
}

/* The statement for q: the count of its rows when count is set. */
static enum core_status export_prepare(struct db *db, const struct db_export_query *q,
                                       int count, sqlite3_stmt **st,
                                       struct core_error *err)
{
	if ((unsigned)q->kind >= CORE_KIND_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "no such kind of record");
	const struct export_sql *x = &export_sql[q->kind];
	char sql[2048];
	size_t n = 0;
	const char *part[] = {
		count ? "SELECT count(*) " : x->select,
		count ? x->count_from : "",
		q->seller_id != 0 ? x->seller : "",
		export_ranged(q) ? x->range : "",
		q->has_battlefield ? x->battlefield : "",
		q->since_rev >= 0 ? x->rev : "",
		count ? "" : export_ranged(q) ? x->order_range : x->order,
	};
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
		size_t len = strlen(part[i]);
		if (n + len >= sizeof sql)
			return core_error_set(err, CORE_ERR_DB, "export query too long");
		memcpy(sql + n, part[i], len);
		n += len;
	}
	sql[n] = '\0';
	enum core_status s = db_prepare(db, sql, st, err);
	if (s != CORE_OK)
		return s;
	/* Days for the actions' due dates: the local days the range covers. */
	int64_t from_day = 0, to_day = 0;
	int minute;
	if (export_ranged(q)) {
		core_local_from_epoch(q->from, &from_day, &minute);
		core_local_from_epoch(q->to, &to_day, &minute);
		if (minute != 0)
			to_day++;
	}
	const struct { const char *name; int64_t v; } num[] = {
		{ ":seller", q->seller_id }, { ":from", q->from }, { ":to", q->to },
		{ ":from_day", from_day }, { ":to_day", to_day }, { ":rev", q->since_rev },
	};
	for (size_t i = 0; i < sizeof num / sizeof num[0]; i++) {
		int idx = sqlite3_bind_parameter_index(*st, num[i].name);
		if (idx > 0)
			sqlite3_bind_int64(*st, idx, num[i].v);
	}
	int idx = sqlite3_bind_parameter_index(*st, ":bf");
	if (idx > 0)
		sqlite3_bind_text(*st, idx, core_battlefield_key(q->battlefield), -1,
		                  SQLITE_STATIC);
	return CORE_OK;
}

/* Scratch memory for one row: text repaired to valid UTF-8 and the
 * derived fields.  Grows to the largest row and is reused. */
struct export_scratch {
	char *buf;
	size_t cap, used;
};

static char *export_scratch_take(struct export_scratch *sc, size_t n)
{
	if (sc->used + n > sc->cap)
		return NULL;
	char *p = sc->buf + sc->used;
	sc->used += n;
	return p;
}

/* Reserves room for the row's text twice over (repairs, then the derived
 * description repeats the minutes) plus the fixed parts of derived text. */
static enum core_status export_scratch_fit(struct export_scratch *sc, size_t text,
                                           struct core_error *err)
{
	size_t need = 2 * text + 8192;
	sc->used = 0;
	if (need <= sc->cap)
		return CORE_OK;
	char *p = realloc(sc->buf, need);
	if (p == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory exporting a row");
	sc->buf = p;
	sc->cap = need;
	return CORE_OK;
}

/* Never trust the file: a value of the wrong type is read as the field's
 * type wants (SQLite converts), and text that is not UTF-8 (a hand edit)
 * is repaired into scratch, a bad byte becoming '?'. */
static enum core_status export_row(sqlite3_stmt *st, enum core_kind kind,
                                   const struct core_field_def *defs, size_t nf,
                                   struct export_scratch *sc, int64_t today,
                                   struct core_record *r, struct core_error *err)
{
	core_record_clear(r, kind);
	int type[CORE_RECORD_MAX];
	size_t text = 0;
	for (size_t i = 0; i < nf; i++) {
		type[i] = sqlite3_column_type(st, (int)i);
		if (type[i] == SQLITE_TEXT || type[i] == SQLITE_BLOB)
			text += (size_t)sqlite3_column_bytes(st, (int)i);
	}
	enum core_status s = export_scratch_fit(sc, text, err);
	if (s != CORE_OK)
		return s;
	for (size_t i = 0; i < nf; i++) {
		int col = (int)i;
		if (type[i] == SQLITE_NULL)
			continue;
		switch (defs[i].type) {
		case CORE_FT_TEXT:
		case CORE_FT_PHONE: {
			const char *t = db_column_text(st, col);
			size_t len = (size_t)sqlite3_column_bytes(st, col);
			/* A NUL inside (a hand edit) ends the text, as everywhere. */
			if (memchr(t, '\0', len) != NULL)
				len = strlen(t);
			if (!core_utf8_valid(t, len)) {
				char *fixed = export_scratch_take(sc, len + 1);
				if (fixed == NULL)
					return core_error_set(err, CORE_ERR_NOMEM, "row too large");
				core_utf8_copy(fixed, len + 1, t);
				t = fixed;
				len = strlen(t);
			}
			core_record_set_text(r, (int)i, t, len);
			break;
		}
		case CORE_FT_REAL:
			core_record_set_real(r, (int)i, sqlite3_column_double(st, col));
			break;
		default:
			core_record_set_int(r, (int)i, sqlite3_column_int64(st, col));
			break;
		}
	}
	core_record_derive(r, today, sc->buf + sc->used, sc->cap - sc->used);
	return CORE_OK;
}

enum core_status db_export_count(struct db *db, const struct db_export_query *q,
                                 long long *rows, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = export_prepare(db, q, 1, &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	*rows = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "counting the rows to export", err);
	return CORE_OK;
}

static enum core_status export_counter(struct db *db, int64_t *rev,
                                       struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT n FROM change_counter WHERE id = 1",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	*rev = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the change counter", err);
	return CORE_OK;
}

enum core_status db_export_run(struct db *db, const struct db_export_query *q,
                               db_export_row_fn fn, void *ctx, int64_t *rev_seen,
                               long long *rows, struct core_error *err)
{
	*rows = 0;
	sqlite3_stmt *st = NULL;
	/* A deferred BEGIN: the snapshot starts with the first read, the
	 * counter's, so it and the rows are read from the same state. */
	enum core_status s = db_exec(db, "BEGIN", err);
	if (s != CORE_OK)
		return s;
	s = export_counter(db, rev_seen, err);
	if (s == CORE_OK)
		s = export_prepare(db, q, 0, &st, err);
	size_t nf = 0;
	const struct core_field_def *defs = core_kind_fields(q->kind, &nf);
	if (s == CORE_OK && (size_t)sqlite3_column_count(st) != nf)
		s = core_error_set(err, CORE_ERR_DB, "export of %s: %d columns for %zu fields",
		                   core_kind_key(q->kind), sqlite3_column_count(st), nf);
	struct export_scratch sc = { NULL, 0, 0 };
	struct core_record r;
	while (s == CORE_OK) {
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			s = db_fail(db, rc, "reading the rows to export", err);
			break;
		}
		s = export_row(st, q->kind, defs, nf, &sc, q->today, &r, err);
		if (s == CORE_OK)
			s = fn(ctx, &r, err);
		if (s == CORE_OK)
			(*rows)++;
	}
	sqlite3_finalize(st);
	free(sc.buf);
	/* Read only: ending it either way changes nothing. */
	struct core_error ignored;
	db_exec(db, s == CORE_OK ? "COMMIT" : "ROLLBACK", &ignored);
	return s;
}

enum core_status db_export_mark_get(struct db *db, const char *profile,
                                    enum core_kind kind, int64_t *rev,
                                    struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT rev FROM export_mark "
	                                "WHERE profile = ?1 AND kind = ?2", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, profile, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, core_kind_key(kind), -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*rev = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the last export's mark", err);
	return CORE_OK;
}

enum core_status db_export_mark_set(struct db *db, const char *profile,
                                    enum core_kind kind, int64_t rev,
                                    struct core_error *err)
{
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	s = db_prepare(db, "INSERT INTO export_mark(profile, kind, rev, at) "
	               "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(profile, kind) DO UPDATE "
	               "SET rev = max(rev, excluded.rev), at = excluded.at", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, profile, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, core_kind_key(kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, rev);
		sqlite3_bind_int64(st, 4, (int64_t)time(NULL));
		s = db_step_write(db, st, "recording the export", NULL, err);
	}
	return db_tx_end(db, s, err);
}
