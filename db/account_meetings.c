/* The account screen's queries.  Meetings are read with db/meetings.c's
 * columns and row reader (db/internal.h). */
#include "db/account_meetings.h"

#include <string.h>

#include "db/internal.h"

/* LEFT JOIN as in db/meetings.c: a meeting still shows when its account
 * row was removed by hand.  ORDER BY ... DESC walks meeting_account
 * backwards, so LIMIT stops after max rows. */
static const char list_sql[] =
	"SELECT " DB_MEETING_COLS " FROM meeting m "
	"LEFT JOIN account a ON a.id = m.account_id "
	"WHERE m.account_id = ?1 ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2";

static const char travel_sql[] = "SELECT travel_min FROM account WHERE id = ?1";

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
		db_meeting_row(st, &m);
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
