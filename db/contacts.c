/* Contacts and meeting participants.  When a contact was last met is not
 * stored: it is the latest held meeting the contact took part in, found
 * with the contacts in one grouped query (participant_contact index), so
 * it can never disagree with the meetings. */
#include "db/contacts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/vec.h"
#include "db/internal.h"

/* "In person" is the room: physical, or hybrid with some of us in it. */
#define CONTACT_COLS \
	"c.id, c.account_id, c.name, c.email, c.phone, c.role, c.level, " \
	"max(m.starts_at), " \
	"max(CASE WHEN m.form IN ('physical', 'hybrid') THEN m.starts_at END)"
#define CONTACT_MET \
	"LEFT JOIN participant p ON p.contact_id = c.id " \
	"LEFT JOIN meeting m ON m.id = p.meeting_id AND m.status = 'held' "

static const char list_sql[] =
	"SELECT " CONTACT_COLS " FROM contact c " CONTACT_MET
	"WHERE c.account_id = ?1 GROUP BY c.id ORDER BY pb_fold(c.name), c.id";
static const char get_sql[] =
	"SELECT " CONTACT_COLS " FROM contact c " CONTACT_MET
	"WHERE c.id = ?1 GROUP BY c.id";
static const char participants_sql[] =
	"SELECT " CONTACT_COLS " FROM participant p0 "
	"JOIN contact c ON c.id = p0.contact_id " CONTACT_MET
	"WHERE p0.meeting_id = ?1 GROUP BY c.id ORDER BY pb_fold(c.name), c.id";

/* The database is not trusted: NULL text reads as "", long text is cut at
 * a character boundary, and a role is shown as stored (an unknown one
 * covers no role, it does not fail the list). */
static void contact_row(sqlite3_stmt *st, struct core_contact *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	c->account_id = sqlite3_column_int64(st, 1);
	core_utf8_copy(c->name, sizeof c->name, db_column_text(st, 2));
	core_utf8_copy(c->email, sizeof c->email, db_column_text(st, 3));
	core_utf8_copy(c->phone, sizeof c->phone, db_column_text(st, 4));
	core_utf8_copy(c->role, sizeof c->role, db_column_text(st, 5));
	core_utf8_copy(c->level, sizeof c->level, db_column_text(st, 6));
	c->last_met = sqlite3_column_int64(st, 7);           /* NULL: 0, never */
	c->last_met_in_person = sqlite3_column_int64(st, 8);
}

/* Steps st (bound, one-off) to the end, collecting its rows into a
 * malloc'd array; finalizes st. */
static enum core_status contact_collect(struct db *db, sqlite3_stmt *st,
                                        struct core_contact **out, size_t *n,
                                        const char *what, struct core_error *err)
{
	struct core_contact *items = NULL;
	size_t len = 0, cap = 0;
	enum core_status s = CORE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct core_contact *grown = core_vec_reserve(items, len, &cap,
		                                              sizeof *grown);
		if (grown == NULL) {
			s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
			break;
		}
		items = grown;
		contact_row(st, &items[len++]);
	}
	sqlite3_finalize(st);
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, what, err);
	if (s != CORE_OK) {
		free(items);
		return s;
	}
	*out = items;
	*n = len;
	return CORE_OK;
}

enum core_status db_contact_list(struct db *db, int64_t account_id,
                                 struct core_contact **out, size_t *n,
                                 struct core_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, list_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, account_id);
	return contact_collect(db, st, out, n, "listing the contacts", err);
}

enum core_status db_participant_list(struct db *db, int64_t meeting_id,
                                     struct core_contact **out, size_t *n,
                                     struct core_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, participants_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	return contact_collect(db, st, out, n, "listing the participants", err);
}

enum core_status db_contact_get(struct db *db, int64_t id, struct core_contact *out,
                                struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_row_by_id(db, get_sql, id, "contact", &st, err);
	if (s == CORE_OK) {
		contact_row(st, out);
		sqlite3_finalize(st);
	}
	return s;
}

/* ---- writes ----------------------------------------------------------- */

/* The helpers every file in db/ may share (declared in db/internal.h). */
enum core_status db_missing(const char *what, int64_t id, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_NOTFOUND,
	                      "no %s with id %lld (deleted meanwhile?)", what,
	                      (long long)id);
}

enum core_status db_row_by_id(struct db *db, const char *sql, int64_t id,
                              const char *what, sqlite3_stmt **st,
                              struct core_error *err)
{
	enum core_status s = db_prepare(db, sql, st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(*st, 1, id);
	int rc = sqlite3_step(*st);
	if (rc == SQLITE_ROW)
		return CORE_OK;
	if (rc == SQLITE_DONE) {
		s = db_missing(what, id, err);
	} else {
		char doing[64];
		snprintf(doing, sizeof doing, "reading the %s", what);
		s = db_fail(db, rc, doing, err);
	}
	sqlite3_finalize(*st);
	*st = NULL;
	return s;
}

enum core_status db_tx_end(struct db *db, enum core_status s,
                           struct core_error *err)
{
	if (s != CORE_OK) {
		db_tx_rollback(db);
		return s;
	}
	return db_tx_commit(db, err);
}

enum core_status db_step_write(struct db *db, sqlite3_stmt *st, const char *what,
                               int *changes, struct core_error *err)
{
	int rc = sqlite3_step(st);
	/* Reported before the finalize, while the error is the step's. */
	enum core_status s = rc == SQLITE_DONE ? CORE_OK : db_fail(db, rc, what, err);
	sqlite3_finalize(st);
	if (s == CORE_OK && changes != NULL)
		*changes = sqlite3_changes(db->h);
	return s;
}

/* Removes the blanks around the text in buf, in place. */
static void trim_in_place(char *buf)
{
	size_t start = strspn(buf, " \t");
	size_t len = strlen(buf + start);
	while (len > 0 && (buf[start + len - 1] == ' ' || buf[start + len - 1] == '\t'))
		len--;
	memmove(buf, buf + start, len);
	buf[len] = '\0';
}

/* A text field of the caller's struct must end inside its buffer. */
#define FIELD_ENDS(f) (strnlen((f), sizeof (f)) < sizeof (f))

/* The contact as it will be stored, into w: trimmed, the role normalised.
 * What a seller can fix is said in words a seller follows. */
static enum core_status contact_clean(const struct core_contact *c,
                                      struct core_contact *w, struct core_error *err)
{
	if (!FIELD_ENDS(c->name))
		return core_error_set(err, CORE_ERR_INPUT, "the contact's name is too long");
	if (!FIELD_ENDS(c->email))
		return core_error_set(err, CORE_ERR_INPUT, "the e-mail address is too long");
	if (!FIELD_ENDS(c->phone))
		return core_error_set(err, CORE_ERR_INPUT, "the phone number is too long");
	if (!FIELD_ENDS(c->role))
		return core_error_set(err, CORE_ERR_INPUT, "the role is too long");
	if (!FIELD_ENDS(c->level))
		return core_error_set(err, CORE_ERR_INPUT, "the level is too long");
	*w = *c;
	trim_in_place(w->name);
	trim_in_place(w->email);
	trim_in_place(w->phone);
	trim_in_place(w->level);
	core_role_store(w->role, sizeof w->role, c->role);
	if (w->name[0] == '\0')
		return core_error_set(err, CORE_ERR_INPUT, "the contact's name is empty");
	return CORE_OK;
}

/* Binds ?2..?6 of the insert and update below; ?7 is the time. */
static void contact_bind(sqlite3_stmt *st, const struct core_contact *w, int64_t now)
{
	sqlite3_bind_text(st, 2, w->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, w->email, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, w->phone, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, w->role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, w->level, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
}

/* Inside the transaction: whether the account exists. */
static enum core_status account_check(struct db *db, int64_t account_id,
                                      struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT 1 FROM account WHERE id = ?1", &st,
	                                err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, account_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return core_error_set(err, CORE_ERR_INPUT, "no account with id %lld",
		                      (long long)account_id);
	return rc == SQLITE_ROW ? CORE_OK : db_fail(db, rc, "saving the contact", err);
}

enum core_status db_contact_insert(struct db *db, struct core_contact *c,
                                   struct core_error *err)
{
	struct core_contact w;
	enum core_status s = contact_clean(c, &w, err);
	if (s != CORE_OK)
		return s;
	int64_t now = (int64_t)time(NULL);
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	s = account_check(db, w.account_id, err);
	sqlite3_stmt *st = NULL;
	if (s == CORE_OK)
		s = db_prepare(db, "INSERT INTO contact(account_id, name, email, phone, role, "
		               "level, created_at, updated_at) "
		               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, w.account_id);
		contact_bind(st, &w, now);
		s = db_step_write(db, st, "saving the contact", NULL, err);
	}
	if (s == CORE_OK)
		w.id = sqlite3_last_insert_rowid(db->h);
	s = db_tx_end(db, s, err);
	if (s == CORE_OK)
		*c = w;
	return s;
}

enum core_status db_contact_update(struct db *db, struct core_contact *c,
                                   struct core_error *err)
{
	struct core_contact w;
	enum core_status s = contact_clean(c, &w, err);
	if (s != CORE_OK)
		return s;
	if (w.id <= 0)
		return db_missing("contact", w.id, err);
	int64_t now = (int64_t)time(NULL);
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	s = db_prepare(db, "UPDATE contact SET name = ?2, email = ?3, phone = ?4, "
	               "role = ?5, level = ?6, updated_at = ?7 WHERE id = ?1 "
	               "RETURNING account_id", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, w.id);
		contact_bind(st, &w, now);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			w.account_id = sqlite3_column_int64(st, 0);
		/* RETURNING tells the account the contact stays with; stepping
		 * on to SQLITE_DONE ends the statement. */
		int end = rc == SQLITE_ROW ? sqlite3_step(st) : rc;
		sqlite3_finalize(st);
		if (end != SQLITE_DONE)
			s = db_fail(db, end, "saving the contact", err);
		else if (rc == SQLITE_DONE)
			s = db_missing("contact", w.id, err);
	}
	s = db_tx_end(db, s, err);
	if (s == CORE_OK)
		*c = w;
	return s;
}

/* ---- participants ----------------------------------------------------- */

/* Inside the transaction: the meeting and the contact exist and belong to
 * the same account.  Names both accounts when they do not. */
static enum core_status participant_check(struct db *db, int64_t meeting_id,
                                          int64_t contact_id, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"SELECT m.id, c.id, m.account_id = c.account_id, c.name, ac.name, am.name "
		"FROM (SELECT 1) LEFT JOIN meeting m ON m.id = ?1 "
		"LEFT JOIN contact c ON c.id = ?2 "
		"LEFT JOIN account am ON am.id = m.account_id "
		"LEFT JOIN account ac ON ac.id = c.account_id", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, contact_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		s = db_fail(db, rc, "adding the participant", err);
	else if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		s = db_missing("meeting", meeting_id, err);
	else if (sqlite3_column_type(st, 1) == SQLITE_NULL)
		s = db_missing("contact", contact_id, err);
	else if (sqlite3_column_int(st, 2) != 1) {
		/* Cut to fit the message whole, at character boundaries. */
		char who[CORE_NAME_MAX], theirs[CORE_NAME_MAX], ours[CORE_NAME_MAX];
		core_utf8_copy(who, sizeof who, db_column_text(st, 3));
		core_utf8_copy(theirs, sizeof theirs, db_column_text(st, 4));
		core_utf8_copy(ours, sizeof ours, db_column_text(st, 5));
		s = core_error_set(err, CORE_ERR_INPUT,
		                   "%s is a contact of %s, not of %s: a meeting's "
		                   "participants come from its own account", who, theirs,
		                   ours);
	}
	sqlite3_finalize(st);
	return s;
}

/* Inside the transaction: the meeting changed (exports pick it up). */
static enum core_status meeting_touch(struct db *db, int64_t meeting_id,
                                      struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "UPDATE meeting SET updated_at = ?2 "
	                                "WHERE id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	return db_step_write(db, st, "saving the meeting", NULL, err);
}

enum core_status db_participant_add(struct db *db, int64_t meeting_id,
                                    int64_t contact_id, struct core_error *err)
{
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	s = participant_check(db, meeting_id, contact_id, err);
	sqlite3_stmt *st;
	int changes = 0;
	if (s == CORE_OK)
		s = db_prepare(db, "INSERT OR IGNORE INTO participant(meeting_id, contact_id) "
		               "VALUES (?1, ?2)", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, meeting_id);
		sqlite3_bind_int64(st, 2, contact_id);
		s = db_step_write(db, st, "adding the participant", &changes, err);
	}
	if (s == CORE_OK && changes > 0)
		s = meeting_touch(db, meeting_id, err);
	return db_tx_end(db, s, err);
}

enum core_status db_participant_remove(struct db *db, int64_t meeting_id,
                                       int64_t contact_id, struct core_error *err)
{
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	int changes = 0;
	s = db_prepare(db, "DELETE FROM participant WHERE meeting_id = ?1 "
	               "AND contact_id = ?2", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, meeting_id);
		sqlite3_bind_int64(st, 2, contact_id);
		s = db_step_write(db, st, "removing the participant", &changes, err);
	}
	if (s == CORE_OK && changes == 0)
		s = core_error_set(err, CORE_ERR_NOTFOUND,
		                   "contact %lld is not a participant of meeting %lld",
		                   (long long)contact_id, (long long)meeting_id);
	if (s == CORE_OK)
		s = meeting_touch(db, meeting_id, err);
	return db_tx_end(db, s, err);
}
