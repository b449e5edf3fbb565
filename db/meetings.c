/* Meetings: reading a range, and the writes the week view makes, each one
 * BEGIN IMMEDIATE transaction that either happens whole or not at all. */
#include "db/meetings.h"

#include <string.h>
#include <time.h>

#include "db/internal.h"

static const char range_sql[] =
	"SELECT " DB_MEETING_COLS " FROM meeting m "
	"LEFT JOIN account a ON a.id = m.account_id "
	"WHERE m.seller_id = ?1 AND m.starts_at >= ?2 AND m.starts_at < ?3 "
	"ORDER BY m.starts_at, m.id";

static const char get_sql[] =
	"SELECT " DB_MEETING_COLS " FROM meeting m "
	"LEFT JOIN account a ON a.id = m.account_id WHERE m.id = ?1";

/* The database is not trusted: the CHECK constraints guard our own writes,
 * but a file edited by hand (or with checks ignored) can hold any text.  An
 * unknown key reads as the first value of its vocabulary (re-sale,
 * physical, delivery, low, product) and an unknown status as planned, so
 * the meeting stays on the screen, counts for nothing it did not earn (a
 * planned meeting is no visit) and is put right by the next edit, which
 * writes valid keys.  Text is cut to its buffer at a character boundary. */
void db_meeting_row(sqlite3_stmt *st, struct core_meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->seller_id = sqlite3_column_int64(st, 1);
	m->account_id = sqlite3_column_int64(st, 2);
	if (sqlite3_column_type(st, 3) == SQLITE_NULL)
		core_utf8_copy(m->account, sizeof m->account, "(no account)");
	else
		core_utf8_copy(m->account, sizeof m->account, db_column_text(st, 3));
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

enum core_status db_meeting_range(struct db *db, int64_t seller_id,
                                  int64_t from, int64_t to,
                                  struct core_meeting_list *out,
                                  struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_stmt(db, DB_Q_MEETING_RANGE, range_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	sqlite3_bind_int64(st, 2, from);
	sqlite3_bind_int64(st, 3, to);
	struct core_meeting m;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_meeting_row(st, &m);
		if (core_meeting_list_push(out, &m) == NULL) {
			sqlite3_reset(st);
			return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the meetings", err);
	return CORE_OK;
}

enum core_status db_meeting_get(struct db *db, int64_t id, struct core_meeting *out,
                                struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_stmt(db, DB_Q_MEETING_GET, get_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_meeting_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return CORE_OK;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the meeting", err);
	return core_error_set(err, CORE_ERR_NOTFOUND, "no meeting with id %lld",
	                      (long long)id);
}

/* What can be checked without the database, in words a seller follows. */
static enum core_status meeting_check(const struct core_meeting *m,
                                      struct core_error *err)
{
	if (m->duration_min < 1 || m->duration_min > 1440)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "duration must be 1–1440 minutes, not %d",
		                      m->duration_min);
	size_t tlen = strnlen(m->type, sizeof m->type);
	if (tlen == 0)
		return core_error_set(err, CORE_ERR_INPUT, "choose a meeting type");
	if (tlen == sizeof m->type)
		return core_error_set(err, CORE_ERR_INPUT, "the meeting type is too long");
	if (strnlen(m->form_reason, sizeof m->form_reason) == sizeof m->form_reason)
		return core_error_set(err, CORE_ERR_INPUT, "the reason is too long");
	if ((unsigned)m->battlefield >= CORE_BF_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose a battlefield");
	if ((unsigned)m->form >= CORE_FORM_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose a contact form");
	if ((unsigned)m->dim >= CORE_DIM_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose a 4D dimension");
	if ((unsigned)m->complexity >= CORE_CX_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose a complexity");
	if ((unsigned)m->sale >= CORE_SALE_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose product or solution sale");
	if ((unsigned)m->status >= CORE_MS_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "invalid meeting status");
	return CORE_OK;
}

/* Inside the write transaction: the seller and the account must exist.
 * Checked here rather than left to the foreign keys, whose message
 * ("FOREIGN KEY constraint failed") does not say which. */
static enum core_status meeting_check_refs(struct db *db, const struct core_meeting *m,
                                           struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"SELECT EXISTS (SELECT 1 FROM seller WHERE id = ?1), "
		"EXISTS (SELECT 1 FROM account WHERE id = ?2)", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, m->seller_id);
	sqlite3_bind_int64(st, 2, m->account_id);
	int rc = sqlite3_step(st);
	int seller = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	int account = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "saving the meeting", err);
	if (!account)
		return core_error_set(err, CORE_ERR_INPUT, "no account with id %lld",
		                      (long long)m->account_id);
	if (!seller)
		return core_error_set(err, CORE_ERR_INPUT, "no seller with id %lld",
		                      (long long)m->seller_id);
	return CORE_OK;
}

/* Binds the fields in the order ?2..?13 of the insert and update below;
 * ?14 is the time of the write. */
static void meeting_bind(sqlite3_stmt *st, const struct core_meeting *m, int64_t now)
{
	sqlite3_bind_int64(st, 2, m->seller_id);
	sqlite3_bind_int64(st, 3, m->account_id);
	sqlite3_bind_int64(st, 4, m->starts_at);
	sqlite3_bind_int(st, 5, m->duration_min);
	sqlite3_bind_text(st, 6, core_battlefield_key(m->battlefield), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, m->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, core_form_key(m->form), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, core_dim_key(m->dim), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, core_complexity_key(m->complexity), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, core_sale_key(m->sale), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, core_mstatus_key(m->status), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, m->form_reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 14, now);
}

static enum core_status meeting_missing(int64_t id, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_NOTFOUND,
	                      "no meeting with id %lld (deleted meanwhile?)",
	                      (long long)id);
}

/* The end of every write: steps the bound statement st, checks that the
 * meeting id was there (id 0: an insert), and commits, or rolls the whole
 * transaction back. */
static enum core_status meeting_finish(struct db *db, sqlite3_stmt *st, int64_t id,
                                       struct core_error *err)
{
	enum core_status s = CORE_OK;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		s = db_fail(db, rc, "saving the meeting", err);
	else if (id != 0 && sqlite3_changes(db->h) == 0)
		s = meeting_missing(id, err);
	sqlite3_finalize(st);
	if (s != CORE_OK) {
		db_tx_rollback(db);
		return s;
	}
	return db_tx_commit(db, err);
}

/* Inside the write transaction: a meeting typed with an account's name but
 * no account id gets its account, the one of that name ignoring case (the
 * rule of db_account_insert), else a new one.  Created here, the account
 * is rolled back with the meeting: it exists only if the meeting does.
 * Sets m->account_id and m->account to the name as stored. */
static enum core_status meeting_account_ensure(struct db *db, struct core_meeting *m,
                                               struct core_error *err)
{
	if (m->account_id != 0)
		return CORE_OK;
	if (strnlen(m->account, sizeof m->account) == sizeof m->account)
		return core_error_set(err, CORE_ERR_INPUT, "the account name is too long");
	if (m->account[strspn(m->account, " \t")] == '\0')
		return CORE_OK; /* no name either: meeting_check_refs says so */
	char name[sizeof m->account];
	memcpy(name, m->account, sizeof name);
	return db_account_resolve(db, name, &m->account_id, m->account, sizeof m->account,
	                          err);
}

/* Begins the transaction and prepares sql.  With m: first gives it its
 * account when it names a new one, then checks its references. */
static enum core_status meeting_start(struct db *db, struct core_meeting *m,
                                      const char *sql, sqlite3_stmt **st,
                                      struct core_error *err)
{
	*st = NULL;
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	if (m != NULL)
		s = meeting_account_ensure(db, m, err);
	if (m != NULL && s == CORE_OK)
		s = meeting_check_refs(db, m, err);
	if (s == CORE_OK)
		s = db_prepare(db, sql, st, err);
	if (s != CORE_OK)
		db_tx_rollback(db);
	return s;
}

enum core_status db_meeting_insert(struct db *db, struct core_meeting *m,
                                   struct core_error *err)
{
	enum core_status s = meeting_check(m, err);
	if (s != CORE_OK)
		return s;
	/* The row as written: its account may be created on the way, and m
	 * hears of it only if the whole transaction commits. */
	struct core_meeting w = *m;
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *st;
	s = meeting_start(db, &w,
	                  "INSERT INTO meeting(seller_id, account_id, starts_at, "
	                  "duration_min, battlefield, type, form, dim, complexity, sale, "
	                  "status, form_reason, created_at, updated_at) "
	                  "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	                  "?14, ?14)", &st, err);
	if (s != CORE_OK)
		return s;
	meeting_bind(st, &w, now);
	s = meeting_finish(db, st, 0, err);
	if (s == CORE_OK) {
		w.id = sqlite3_last_insert_rowid(db->h);
		w.updated_at = now;
		*m = w;
	}
	return s;
}

enum core_status db_meeting_update(struct db *db, struct core_meeting *m,
                                   struct core_error *err)
{
	enum core_status s = meeting_check(m, err);
	if (s != CORE_OK)
		return s;
	if (m->id <= 0)
		return meeting_missing(m->id, err);
	struct core_meeting w = *m; /* as in db_meeting_insert */
	int64_t now = (int64_t)time(NULL);
	sqlite3_stmt *st;
	s = meeting_start(db, &w,
	                  "UPDATE meeting SET seller_id = ?2, account_id = ?3, "
	                  "starts_at = ?4, duration_min = ?5, battlefield = ?6, type = ?7, "
	                  "form = ?8, dim = ?9, complexity = ?10, sale = ?11, status = ?12, "
	                  "form_reason = ?13, updated_at = ?14 WHERE id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, w.id);
	meeting_bind(st, &w, now);
	s = meeting_finish(db, st, w.id, err);
	if (s == CORE_OK) {
		w.updated_at = now;
		*m = w;
	}
	return s;
}

enum core_status db_meeting_set_status(struct db *db, int64_t id,
                                       enum core_mstatus status, struct core_error *err)
{
	if ((unsigned)status >= CORE_MS_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "invalid meeting status");
	if (id <= 0)
		return meeting_missing(id, err);
	sqlite3_stmt *st;
	enum core_status s = meeting_start(db, NULL,
		"UPDATE meeting SET status = ?2, updated_at = ?3 WHERE id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, core_mstatus_key(status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	return meeting_finish(db, st, id, err);
}

enum core_status db_meeting_move(struct db *db, int64_t id, int64_t starts_at,
                                 struct core_error *err)
{
	if (id <= 0)
		return meeting_missing(id, err);
	sqlite3_stmt *st;
	enum core_status s = meeting_start(db, NULL,
		"UPDATE meeting SET starts_at = ?2, updated_at = ?3 WHERE id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, starts_at);
	sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	return meeting_finish(db, st, id, err);
}
