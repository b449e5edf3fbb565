/* The account screen's queries.  The meeting columns and their checks are
 * those of db/meetings.c; its row reader is private there, so the same
 * distrust of the file is repeated here: unknown keys read as the first
 * value of their vocabulary, an unknown status as planned. */
#include "db/account_meetings.h"

#include <string.h>

#include "db/internal.h"

/* LEFT JOIN as in db/meetings.c: a meeting still shows when its account
 * row was removed by hand.  ORDER BY ... DESC walks meeting_account
 * backwards, so LIMIT stops after max rows. */
static const char list_sql[] =
	"SELECT m.id, m.seller_id, m.account_id, a.name, m.starts_at, "
	"m.duration_min, m.battlefield, m.type, m.form, m.dim, m.complexity, "
	"m.sale, m.status, m.form_reason, m.updated_at FROM meeting m "
	"LEFT JOIN account a ON a.id = m.account_id "
	"WHERE m.account_id = ?1 ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2";

static const char travel_sql[] = "SELECT travel_min FROM account WHERE id = ?1";

static void account_meeting_row(sqlite3_stmt *st, struct core_meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->seller_id = sqlite3_column_int64(st, 1);
	m->account_id = sqlite3_column_int64(st, 2);
	core_utf8_copy(m->account, sizeof m->account,
	               sqlite3_column_type(st, 3) == SQLITE_NULL ? "(no account)"
	                                                        : db_column_text(st, 3));
	m->starts_at = sqlite3_column_int64(st, 4);
	int dur = sqlite3_column_int(st, 5);
	m->duration_min = dur < 1 ? 1 : dur > 1440 ? 1440 : dur;
	m->battlefield = CORE_BF_RESALE;
	core_battlefield_parse(db_column_text(st, 6), &m->battlefield);
	core_utf8_copy(m->type, sizeof m->type, db_column_text(st, 7));
	m->form = CORE_FORM_PHYSICAL;
	core_form_parse(db_column_text(st, 8), &m->form);
	m->dim = CORE_DIM_DELIVERY;
	core_dim_parse(db_column_text(st, 9), &m->dim);
	m->complexity = CORE_CX_LOW;
	core_complexity_parse(db_column_text(st, 10), &m->complexity);
	m->sale = CORE_SALE_PRODUCT;
	core_sale_parse(db_column_text(st, 11), &m->sale);
	m->status = CORE_MS_PLANNED;
	core_mstatus_parse(db_column_text(st, 12), &m->status);
	core_utf8_copy(m->form_reason, sizeof m->form_reason, db_column_text(st, 13));
	m->updated_at = sqlite3_column_int64(st, 14);
}

enum core_status db_meeting_list_account(struct db *db, int64_t account_id,
                                         size_t max, struct core_meeting_list *out,
                                         struct core_error *err)
{
	if (max == 0)
		return CORE_OK;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, list_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, account_id);
	sqlite3_bind_int64(st, 2, max > INT64_MAX ? INT64_MAX : (int64_t)max);
	struct core_meeting m;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		account_meeting_row(st, &m);
		if (core_meeting_list_push(out, &m) == NULL) {
			sqlite3_finalize(st);
			core_error_set(err, CORE_ERR_NOMEM, "out of memory");
			return CORE_ERR_NOMEM;
		}
	}
	if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "reading the account's meetings", err);
		sqlite3_finalize(st);
		return s;
	}
	sqlite3_finalize(st);
	return CORE_OK;
}

enum core_status db_account_travel_min(struct db *db, int64_t account_id,
                                       int *minutes, struct core_error *err)
{
	*minutes = 0;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, travel_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, account_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* Not trusted: text or a silly number reads as unknown. */
		if (sqlite3_column_type(st, 0) == SQLITE_INTEGER) {
			sqlite3_int64 v = sqlite3_column_int64(st, 0);
			*minutes = v > 0 && v < 100000 ? (int)v : 0;
		}
		rc = SQLITE_DONE;
	}
	if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "reading the account's travel time", err);
		sqlite3_finalize(st);
		return s;
	}
	sqlite3_finalize(st);
	return CORE_OK;
}
