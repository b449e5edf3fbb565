/* A meeting's preparation, minutes and checklist ticks.  The texts are long
 * (up to 64 KiB each) and read when a screen opens, not on every redraw, so
 * the statements are prepared per call rather than cached. */
#include "db/prep.h"

#include <string.h>
#include <time.h>

#include "db/internal.h"

static enum core_status meeting_missing(int64_t id, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_NOTFOUND,
	                      "no meeting with id %lld (deleted meanwhile?)",
	                      (long long)id);
}

/* Copies n text columns from column first on into texts, cleaned, an
 * empty one as NULL.  On failure the texts copied so far are the caller's
 * to free. */
static enum core_status read_texts(sqlite3_stmt *st, int first, char **texts, int n,
                                   struct core_error *err)
{
	for (int i = 0; i < n; i++) {
		const char *s = db_column_text(st, first + i);
		int len = sqlite3_column_bytes(st, first + i);
		if (len <= 0 || s[0] == '\0')
			continue;
		texts[i] = core_note_clean(s, (size_t)len);
		if (texts[i] == NULL)
			return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	return CORE_OK;
}

/* Runs a SELECT of one meeting's row whose first n columns are texts and,
 * when updated_at is wanted, column n the time of the last change. */
static enum core_status read_row(struct db *db, int64_t meeting_id, const char *sql,
                                 const char *what, char **texts, int n,
                                 int64_t *updated_at, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s = read_texts(st, 0, texts, n, err);
		if (updated_at != NULL)
			*updated_at = sqlite3_column_int64(st, n); /* NULL reads as 0 */
	} else if (rc == SQLITE_DONE) {
		s = meeting_missing(meeting_id, err);
	} else {
		s = db_fail(db, rc, what, err);
	}
	sqlite3_finalize(st);
	return s;
}

enum core_status db_prep_get(struct db *db, int64_t meeting_id, struct core_prep *out,
                             struct core_error *err)
{
	memset(out, 0, sizeof *out);
	enum core_status s = read_row(db, meeting_id,
	                              "SELECT purpose, agenda, pains FROM meeting "
	                              "WHERE id = ?1",
	                              "reading the preparation", out->text, CORE_PREP_COUNT,
	                              NULL, err);
	if (s != CORE_OK)
		core_prep_free(out);
	return s;
}

enum core_status db_minutes_get(struct db *db, int64_t meeting_id,
                                struct core_minutes *out, struct core_error *err)
{
	memset(out, 0, sizeof *out);
	/* The LEFT JOIN tells a meeting without minutes (NULLs) from no
	 * meeting (no row). */
	enum core_status s = read_row(db, meeting_id,
	                              "SELECT n.summary, n.needs, n.agreed, n.notes, "
	                              "n.updated_at FROM meeting m "
	                              "LEFT JOIN minutes n ON n.meeting_id = m.id "
	                              "WHERE m.id = ?1",
	                              "reading the minutes", out->text, CORE_MIN_COUNT,
	                              &out->updated_at, err);
	if (s != CORE_OK)
		core_minutes_free(out);
	return s;
}

/* Steps a bound write and finalizes it.  The message is taken before the
 * finalize, which would reset it. */
static enum core_status step_write(struct db *db, sqlite3_stmt *st, const char *what,
                                   struct core_error *err)
{
	int rc = sqlite3_step(st);
	enum core_status s = rc == SQLITE_DONE ? CORE_OK : db_fail(db, rc, what, err);
	sqlite3_finalize(st);
	return s;
}

/* Inside the write transaction: the meeting's status, CORE_ERR_NOTFOUND
 * when it is gone.  A status this build does not know reads as planned,
 * as db_meeting_get shows it. */
static enum core_status meeting_status(struct db *db, int64_t id, const char *what,
                                       enum core_mstatus *out, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT status FROM meeting WHERE id = ?1",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = CORE_MS_PLANNED;
		core_mstatus_parse(db_column_text(st, 0), out);
	} else if (rc == SQLITE_DONE) {
		s = meeting_missing(id, err);
	} else {
		s = db_fail(db, rc, what, err);
	}
	sqlite3_finalize(st);
	return s;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s != NULL ? s : "", -1, SQLITE_STATIC);
}

/* Ends a write transaction: commits after success, else rolls back. */
static enum core_status tx_end(struct db *db, enum core_status s, struct core_error *err)
{
	if (s != CORE_OK) {
		db_tx_rollback(db);
		return s;
	}
	return db_tx_commit(db, err);
}

enum core_status db_prep_set(struct db *db, int64_t meeting_id,
                             const struct core_prep *p, struct core_error *err)
{
	enum core_status s = core_prep_check(p, err);
	if (s != CORE_OK)
		return s;
	if (meeting_id <= 0)
		return meeting_missing(meeting_id, err);
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	s = db_prepare(db,
	               "UPDATE meeting SET purpose = ?2, agenda = ?3, pains = ?4, "
	               "updated_at = ?5 WHERE id = ?1", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, meeting_id);
		for (int f = 0; f < CORE_PREP_COUNT; f++)
			bind_text(st, 2 + f, p->text[f]);
		sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
		s = step_write(db, st, "saving the preparation", err);
	}
	if (s == CORE_OK && sqlite3_changes(db->h) == 0)
		s = meeting_missing(meeting_id, err);
	return tx_end(db, s, err);
}

enum core_status db_minutes_save(struct db *db, int64_t meeting_id,
                                 struct core_minutes *m, enum core_mstatus *status,
                                 struct core_error *err)
{
	enum core_status s = core_minutes_check(m, err);
	if (s != CORE_OK)
		return s;
	if (meeting_id <= 0)
		return meeting_missing(meeting_id, err);
	int64_t now = (int64_t)time(NULL);
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	/* Read under the write lock: no other process can cancel the meeting
	 * between this read and the update below. */
	enum core_mstatus was = CORE_MS_PLANNED;
	s = meeting_status(db, meeting_id, "saving the minutes", &was, err);
	sqlite3_stmt *st;
	if (s == CORE_OK)
		s = db_prepare(db,
		               "INSERT INTO minutes(meeting_id, summary, needs, agreed, notes, "
		               "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
		               "ON CONFLICT(meeting_id) DO UPDATE SET summary = excluded.summary, "
		               "needs = excluded.needs, agreed = excluded.agreed, "
		               "notes = excluded.notes, updated_at = excluded.updated_at",
		               &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, meeting_id);
		for (int f = 0; f < CORE_MIN_COUNT; f++)
			bind_text(st, 2 + f, m->text[f]);
		sqlite3_bind_int64(st, 6, now);
		s = step_write(db, st, "saving the minutes", err);
	}
	if (s == CORE_OK && was == CORE_MS_PLANNED) {
		s = db_prepare(db, "UPDATE meeting SET status = 'held', updated_at = ?2 "
		                   "WHERE id = ?1", &st, err);
		if (s == CORE_OK) {
			sqlite3_bind_int64(st, 1, meeting_id);
			sqlite3_bind_int64(st, 2, now);
			s = step_write(db, st, "marking the meeting held", err);
		}
	}
	s = tx_end(db, s, err);
	if (s == CORE_OK) {
		m->updated_at = now;
		if (status != NULL)
			*status = was == CORE_MS_PLANNED ? CORE_MS_HELD : was;
	}
	return s;
}

enum core_status db_checklist_read(struct db *db, int64_t meeting_id,
                                   struct core_checklist *cl, struct core_error *err)
{
	for (int i = 0; i < cl->n_items && i < CORE_CHECKLIST_MAX_ITEMS; i++)
		cl->items[i].ticked = 0;
	sqlite3_stmt *st;
	/* One row with a NULL item for a meeting with nothing ticked; none for
	 * no meeting. */
	enum core_status s = db_prepare(db,
		"SELECT t.item FROM meeting m "
		"LEFT JOIN checklist_tick t ON t.meeting_id = m.id WHERE m.id = ?1",
		&st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc, rows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		int i = core_checklist_find(cl, db_column_text(st, 0));
		if (i >= 0)
			cl->items[i].ticked = 1;
	}
	if (rc != SQLITE_DONE)
		s = db_fail(db, rc, "reading the checklist", err);
	else if (rows == 0)
		s = meeting_missing(meeting_id, err);
	sqlite3_finalize(st);
	return s;
}

enum core_status db_checklist_tick(struct db *db, int64_t meeting_id, const char *key,
                                   int ticked, struct core_error *err)
{
	if (!core_checklist_key_valid(key))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "not a checklist item key: use 1-%d of a-z, 0-9 and '-'",
		                      CORE_CHECKLIST_KEY_MAX - 1);
	if (meeting_id <= 0)
		return meeting_missing(meeting_id, err);
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	enum core_mstatus was;
	s = meeting_status(db, meeting_id, "ticking the checklist", &was, err);
	sqlite3_stmt *st;
	if (s == CORE_OK)
		s = db_prepare(db, ticked
		               ? "INSERT OR IGNORE INTO checklist_tick(meeting_id, item) "
		                 "VALUES (?1, ?2)"
		               : "DELETE FROM checklist_tick WHERE meeting_id = ?1 AND item = ?2",
		               &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, meeting_id);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		s = step_write(db, st, "ticking the checklist", err);
	}
	return tx_end(db, s, err);
}
