/* Follow-up actions: every write one BEGIN IMMEDIATE transaction, checked
 * whole before it writes anything, and the reads the minutes and
 * follow-ups screens make. */
#include "db/actions.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/vec.h"
#include "db/internal.h"

#define ACTION_COLS \
	"x.id, x.meeting_id, x.account_id, x.seller_id, a.name, m.battlefield, " \
	"m.starts_at, x.text, x.owner_contact_id, c.name, x.due, x.done_at, " \
	"x.updated_at"

/* LEFT JOINs, so an action whose account, meeting or owner was removed
 * behind our back (a hand edit with foreign keys off) still shows. */
#define ACTION_FROM \
	" FROM action x LEFT JOIN account a ON a.id = x.account_id " \
	"LEFT JOIN meeting m ON m.id = x.meeting_id " \
	"LEFT JOIN contact c ON c.id = x.owner_contact_id "

static const char get_sql[] =
	"SELECT " ACTION_COLS ACTION_FROM "WHERE x.id = ?1";

static const char by_meeting_sql[] =
	"SELECT " ACTION_COLS ACTION_FROM "WHERE x.meeting_id = ?1 ORDER BY x.id";

/* seller_id and done_at IS NULL are the equality prefix of the index
 * action_open, whose next column gives the order by due without a sort. */
static const char open_sql[] =
	"SELECT " ACTION_COLS ACTION_FROM
	"WHERE x.seller_id = ?1 AND x.done_at IS NULL "
	"AND (?2 = 0 OR x.account_id = ?2) AND (?3 IS NULL OR m.battlefield = ?3) "
	"ORDER BY x.due, x.id";

/* Answered from the index action_open alone. */
static const char overdue_sql[] =
	"SELECT count(*) FROM action "
	"WHERE seller_id = ?1 AND done_at IS NULL AND due < ?2";

static int64_t action_first_day(void)
{
	struct core_date d = {1, 1, 1};
	return core_days_from_date(d);
}

static int64_t action_last_day(void)
{
	struct core_date d = {9999, 12, 31};
	return core_days_from_date(d);
}

/* The database is not trusted: a row edited by hand can hold any value.
 * A missing account, meeting or owner reads as a placeholder, an unknown
 * battlefield as re-sale, a due day outside 0001..9999 as the nearest end
 * (so core_due_format can show it), and text is cut to its buffer at a
 * character boundary and made valid UTF-8. */
static void action_row(sqlite3_stmt *st, struct core_action *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, 0);
	a->meeting_id = sqlite3_column_int64(st, 1);
	a->account_id = sqlite3_column_int64(st, 2);
	a->seller_id = sqlite3_column_int64(st, 3);
	core_utf8_copy(a->account, sizeof a->account,
	               sqlite3_column_type(st, 4) == SQLITE_NULL ? "(no account)"
	               : db_column_text(st, 4));
	a->battlefield = CORE_BF_RESALE;
	core_battlefield_parse(db_column_text(st, 5), &a->battlefield);
	a->meeting_starts_at = sqlite3_column_int64(st, 6);
	core_utf8_copy(a->text, sizeof a->text, db_column_text(st, 7));
	a->owner_contact_id = sqlite3_column_int64(st, 8);
	if (a->owner_contact_id != 0)
		core_utf8_copy(a->owner, sizeof a->owner,
		               sqlite3_column_type(st, 9) == SQLITE_NULL
		               ? "(unknown contact)" : db_column_text(st, 9));
	int64_t due = sqlite3_column_int64(st, 10);
	int64_t lo = action_first_day(), hi = action_last_day();
	a->due = due < lo ? lo : due > hi ? hi : due;
	a->done = sqlite3_column_type(st, 11) != SQLITE_NULL;
	a->done_at = sqlite3_column_int64(st, 11);
	a->updated_at = sqlite3_column_int64(st, 12);
}

/* Steps st to the end, appending every row to out; finalizes st. */
static enum core_status action_collect(struct db *db, sqlite3_stmt *st,
                                       struct core_action_list *out,
                                       struct core_error *err)
{
	struct core_action a;
	enum core_status s = CORE_OK;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		action_row(st, &a);
		if (core_action_list_push(out, &a) == NULL) {
			s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
			break;
		}
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, "reading the actions", err);
	sqlite3_finalize(st);
	return s;
}

enum core_status db_action_get(struct db *db, int64_t id, struct core_action *out,
                               struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_row_by_id(db, get_sql, id, "action", &st, err);
	if (s == CORE_OK) {
		action_row(st, out);
		sqlite3_finalize(st);
	}
	return s;
}

enum core_status db_action_list_meeting(struct db *db, int64_t meeting_id,
                                        struct core_action_list *out,
                                        struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, by_meeting_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	return action_collect(db, st, out, err);
}

enum core_status db_action_list_open(struct db *db, int64_t seller_id,
                                     int64_t account_id, int battlefield,
                                     struct core_action_list *out,
                                     struct core_error *err)
{
	if (battlefield < -1 || battlefield >= CORE_BF_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "unknown battlefield %d",
		                      battlefield);
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, open_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	sqlite3_bind_int64(st, 2, account_id);
	if (battlefield >= 0)
		sqlite3_bind_text(st, 3, core_battlefield_key((enum core_battlefield)battlefield),
		                  -1, SQLITE_STATIC);
	size_t first = out->n;
	s = action_collect(db, st, out, err);
	/* The query already orders by due; the sort adds the ties by account
	 * name, so there is one definition of the order, in core. */
	if (s == CORE_OK)
		core_action_sort(out->items + first, out->n - first);
	return s;
}

enum core_status db_action_overdue_count(struct db *db, int64_t seller_id,
                                         int64_t today, int64_t *count,
                                         struct core_error *err)
{
	/* Cached: the week view asks on every reload. */
	sqlite3_stmt *st;
	enum core_status s = db_stmt(db, DB_Q_ACTION_OVERDUE, overdue_sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	sqlite3_bind_int64(st, 2, today);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	else
		s = db_fail(db, rc, "counting the overdue actions", err);
	sqlite3_reset(st);
	return s;
}

/* ---- writing ------------------------------------------------------------ */

static int action_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The checks that need no database, on w, the caller's copy: the text is
 * trimmed in place and must be valid UTF-8, so what is saved is exactly
 * what was typed, less the blanks around it. */
static enum core_status action_clean(struct core_action *w, struct core_error *err)
{
	if (strnlen(w->text, sizeof w->text) == sizeof w->text)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the action text is longer than %d bytes",
		                      CORE_ACTION_TEXT_MAX - 1);
	const char *s = w->text;
	while (action_blank(*s))
		s++;
	size_t len = strlen(s);
	while (len > 0 && action_blank(s[len - 1]))
		len--;
	if (len == 0)
		return core_error_set(err, CORE_ERR_INPUT, "an action needs a text");
	memmove(w->text, s, len);
	w->text[len] = '\0';
	char check[sizeof w->text];
	core_utf8_copy(check, sizeof check, w->text);
	if (strcmp(check, w->text) != 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the action text is not valid UTF-8");
	if (w->due < action_first_day() || w->due > action_last_day())
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the due date is outside the years 0001..9999");
	if (w->meeting_id < 0 || w->account_id < 0 || w->seller_id < 0 ||
	    w->owner_contact_id < 0)
		return core_error_set(err, CORE_ERR_INPUT, "an action refers to a negative id");
	w->done = w->done != 0;
	return CORE_OK;
}

/* A reference id that may be absent: 0 is NULL in the table. */
static void action_bind_ref(sqlite3_stmt *st, int i, int64_t id)
{
	if (id != 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

/* Runs the one-row, two-column query sql on id (?1); *found says whether
 * there was a row. */
static enum core_status action_lookup(struct db *db, const char *sql, int64_t id,
                                      int64_t *c0, int64_t *c1, int *found,
                                      struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, sql, &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		*c0 = sqlite3_column_int64(st, 0);
		*c1 = sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "checking the action", err);
	}
	sqlite3_finalize(st);
	return s;
}

/* Inside the write transaction: the owner, when not us, is a contact at
 * the action's account. */
static enum core_status action_check_owner(struct db *db, int64_t contact_id,
                                           int64_t account_id, struct core_error *err)
{
	if (contact_id == 0)
		return CORE_OK;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"SELECT c.account_id, c.name, a.name FROM contact c "
		"LEFT JOIN account a ON a.id = ?2 WHERE c.id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, contact_id);
	sqlite3_bind_int64(st, 2, account_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		s = core_error_set(err, CORE_ERR_INPUT, "no contact with id %lld",
		                   (long long)contact_id);
	} else if (rc != SQLITE_ROW) {
		s = db_fail(db, rc, "checking the owner", err);
	} else if (sqlite3_column_int64(st, 0) != account_id) {
		char contact[CORE_NAME_MAX], account[CORE_NAME_MAX];
		core_utf8_copy(contact, sizeof contact, db_column_text(st, 1));
		core_utf8_copy(account, sizeof account, db_column_text(st, 2));
		s = core_error_set(err, CORE_ERR_INPUT,
		                   "the owner %s is not a contact at %s", contact, account);
	}
	sqlite3_finalize(st);
	return s;
}

/* Inside the write transaction, for a new action: its meeting (which
 * lends it account and seller when they are 0), its account, its seller
 * and its owner.  Checked here rather than left to the foreign keys,
 * whose message does not say which. */
static enum core_status action_check_refs(struct db *db, struct core_action *w,
                                          struct core_error *err)
{
	enum core_status s;
	int found;
	int64_t account = 0, seller = 0;
	if (w->meeting_id != 0) {
		s = action_lookup(db, "SELECT account_id, seller_id FROM meeting WHERE id = ?1",
		                  w->meeting_id, &account, &seller, &found, err);
		if (s != CORE_OK)
			return s;
		if (!found)
			return core_error_set(err, CORE_ERR_INPUT, "no meeting with id %lld",
			                      (long long)w->meeting_id);
		if (w->account_id != 0 && w->account_id != account)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "the action's account (id %lld) is not its "
			                      "meeting's (id %lld)", (long long)w->account_id,
			                      (long long)account);
		w->account_id = account;
		if (w->seller_id == 0)
			w->seller_id = seller;
	}
	sqlite3_stmt *st;
	s = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM seller WHERE id = ?1), "
	               "EXISTS (SELECT 1 FROM account WHERE id = ?2)", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, w->seller_id);
	sqlite3_bind_int64(st, 2, w->account_id);
	int rc = sqlite3_step(st);
	int have_seller = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	int have_account = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "checking the action", err);
	if (!have_account)
		return core_error_set(err, CORE_ERR_INPUT, "no account with id %lld",
		                      (long long)w->account_id);
	if (!have_seller)
		return core_error_set(err, CORE_ERR_INPUT, "no seller with id %lld",
		                      (long long)w->seller_id);
	return action_check_owner(db, w->owner_contact_id, w->account_id, err);
}

static enum core_status action_insert_row(struct db *db, struct core_action *w,
                                          int64_t now, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"INSERT INTO action(meeting_id, account_id, seller_id, text, "
		"owner_contact_id, due, done_at, created_at, updated_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", &st, err);
	if (s != CORE_OK)
		return s;
	action_bind_ref(st, 1, w->meeting_id);
	sqlite3_bind_int64(st, 2, w->account_id);
	sqlite3_bind_int64(st, 3, w->seller_id);
	sqlite3_bind_text(st, 4, w->text, -1, SQLITE_STATIC);
	action_bind_ref(st, 5, w->owner_contact_id);
	sqlite3_bind_int64(st, 6, w->due);
	if (w->done)
		sqlite3_bind_int64(st, 7, now);
	else
		sqlite3_bind_null(st, 7);
	sqlite3_bind_int64(st, 8, now);
	s = db_step_write(db, st, "saving the action", NULL, err);
	if (s == CORE_OK)
		w->id = sqlite3_last_insert_rowid(db->h);
	return s;
}

/* Rewrites text, owner and due of w->id.  done < 0 keeps the done state;
 * 0 opens the action, 1 marks it done, keeping an earlier done_at. */
static enum core_status action_update_row(struct db *db, const struct core_action *w,
                                          int done, int64_t now,
                                          struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"UPDATE action SET text = ?2, owner_contact_id = ?3, due = ?4, "
		"updated_at = ?5, done_at = CASE WHEN ?6 IS NULL THEN done_at "
		"WHEN ?6 THEN coalesce(done_at, ?5) ELSE NULL END WHERE id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, w->id);
	sqlite3_bind_text(st, 2, w->text, -1, SQLITE_STATIC);
	action_bind_ref(st, 3, w->owner_contact_id);
	sqlite3_bind_int64(st, 4, w->due);
	sqlite3_bind_int64(st, 5, now);
	if (done >= 0)
		sqlite3_bind_int(st, 6, done);
	return db_step_write(db, st, "saving the action", NULL, err);
}

enum core_status db_action_insert(struct db *db, struct core_action *a,
                                  struct core_error *err)
{
	struct core_action w = *a;
	w.id = 0;
	enum core_status s = action_clean(&w, err);
	if (s == CORE_OK)
		s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	s = action_check_refs(db, &w, err);
	if (s == CORE_OK)
		s = action_insert_row(db, &w, (int64_t)time(NULL), err);
	if (s == CORE_OK)
		s = db_action_get(db, w.id, &w, err);
	s = db_tx_end(db, s, err);
	if (s == CORE_OK)
		*a = w;
	return s;
}

enum core_status db_action_update(struct db *db, struct core_action *a,
                                  struct core_error *err)
{
	struct core_action w = *a;
	enum core_status s = action_clean(&w, err);
	if (s != CORE_OK)
		return s;
	if (w.id <= 0)
		return db_missing("action", w.id, err);
	s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	int64_t account = 0, meeting = 0;
	int found;
	s = action_lookup(db, "SELECT account_id, meeting_id FROM action WHERE id = ?1",
	                  w.id, &account, &meeting, &found, err);
	if (s == CORE_OK && !found)
		s = db_missing("action", w.id, err);
	if (s == CORE_OK)
		s = action_check_owner(db, w.owner_contact_id, account, err);
	if (s == CORE_OK)
		s = action_update_row(db, &w, -1, (int64_t)time(NULL), err);
	if (s == CORE_OK)
		s = db_action_get(db, w.id, &w, err);
	s = db_tx_end(db, s, err);
	if (s == CORE_OK)
		*a = w;
	return s;
}

/* Begins a transaction and runs the one-row write sql on id (?1) with an
 * optional ?2, then checks that the action was there. */
static enum core_status action_write_id(struct db *db, const char *sql, int64_t id,
                                        int with_done, int done, struct core_error *err)
{
	if (id <= 0)
		return db_missing("action", id, err);
	enum core_status s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	s = db_prepare(db, sql, &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, id);
		if (with_done) {
			sqlite3_bind_int(st, 2, done != 0);
			sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
		}
		s = db_step_write(db, st, "saving the action", NULL, err);
	}
	if (s == CORE_OK && sqlite3_changes(db->h) == 0)
		s = db_missing("action", id, err);
	return db_tx_end(db, s, err);
}

enum core_status db_action_set_done(struct db *db, int64_t id, int done,
                                    struct core_error *err)
{
	return action_write_id(db,
		"UPDATE action SET done_at = CASE WHEN ?2 THEN coalesce(done_at, ?3) "
		"ELSE NULL END, updated_at = ?3 WHERE id = ?1", id, 1, done, err);
}

enum core_status db_action_delete(struct db *db, int64_t id, struct core_error *err)
{
	return action_write_id(db, "DELETE FROM action WHERE id = ?1", id, 0, 0, err);
}

/* ---- the minutes screen's whole list ------------------------------------ */

static int action_id_cmp(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

/* The ids the items keep, sorted, into *keep (malloc'd; the caller frees
 * it).  An id given twice is CORE_ERR_INPUT. */
static enum core_status action_keep_ids(const struct core_action *items, size_t n,
                                        int64_t **keep, size_t *nkeep,
                                        struct core_error *err)
{
	*keep = NULL;
	*nkeep = 0;
	if (n == 0)
		return CORE_OK;
	int64_t *ids = malloc(n * sizeof *ids);
	if (ids == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (items[i].id != 0)
			ids[k++] = items[i].id;
	qsort(ids, k, sizeof *ids, action_id_cmp);
	for (size_t i = 1; i < k; i++) {
		if (ids[i] == ids[i - 1]) {
			long long dup = ids[i];
			free(ids);
			return core_error_set(err, CORE_ERR_INPUT, "action %lld is given twice",
			                      dup);
		}
	}
	*keep = ids;
	*nkeep = k;
	return CORE_OK;
}

/* Inside the transaction: deletes the meeting's actions whose ids are not
 * in keep (sorted).  They are collected first and deleted after, so no
 * row is deleted under the running query. */
static enum core_status action_delete_others(struct db *db, int64_t meeting_id,
                                             const int64_t *keep, size_t nkeep,
                                             struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT id FROM action WHERE meeting_id = ?1",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, meeting_id);
	int64_t *gone = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (nkeep != 0 && bsearch(&id, keep, nkeep, sizeof *keep, action_id_cmp))
			continue;
		int64_t *g = core_vec_reserve(gone, n, &cap, sizeof *g);
		if (g == NULL) {
			s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
			break;
		}
		gone = g;
		gone[n++] = id;
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, "reading the meeting's actions", err);
	sqlite3_finalize(st);
	for (size_t i = 0; s == CORE_OK && i < n; i++) {
		s = db_prepare(db, "DELETE FROM action WHERE id = ?1", &st, err);
		if (s == CORE_OK) {
			sqlite3_bind_int64(st, 1, gone[i]);
			s = db_step_write(db, st, "saving the action", NULL, err);
		}
	}
	free(gone);
	return s;
}

/* Inside the transaction: writes item w, the meeting's (account and seller
 * given), as an insert (id 0) or as an update of one of its actions. */
static enum core_status action_save_item(struct db *db, struct core_action *w,
                                         int64_t meeting_id, int64_t account,
                                         int64_t seller, int64_t now,
                                         struct core_error *err)
{
	enum core_status s = action_clean(w, err);
	if (s != CORE_OK)
		return s;
	if (w->id == 0) {
		if (w->account_id != 0 && w->account_id != account)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "its account (id %lld) is not the meeting's",
			                      (long long)w->account_id);
		w->meeting_id = meeting_id;
		w->account_id = account;
		w->seller_id = seller;
		s = action_check_owner(db, w->owner_contact_id, account, err);
		return s == CORE_OK ? action_insert_row(db, w, now, err) : s;
	}
	int64_t stored_account = 0, stored_meeting = 0;
	int found;
	s = action_lookup(db, "SELECT account_id, meeting_id FROM action WHERE id = ?1",
	                  w->id, &stored_account, &stored_meeting, &found, err);
	if (s != CORE_OK)
		return s;
	if (!found || stored_meeting != meeting_id)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "action %lld is not one of this meeting's",
		                      (long long)w->id);
	s = action_check_owner(db, w->owner_contact_id, stored_account, err);
	return s == CORE_OK ? action_update_row(db, w, w->done, now, err) : s;
}

enum core_status db_action_replace_for_meeting(struct db *db, int64_t meeting_id,
                                               const struct core_action *items,
                                               size_t n, struct core_error *err)
{
	if (n != 0 && items == NULL)
		return core_error_set(err, CORE_ERR_INPUT, "no actions given");
	int64_t *keep;
	size_t nkeep;
	enum core_status s = action_keep_ids(items, n, &keep, &nkeep, err);
	if (s != CORE_OK)
		return s;
	s = db_tx_begin(db, err);
	if (s != CORE_OK) {
		free(keep);
		return s;
	}
	int64_t account = 0, seller = 0;
	int found;
	s = action_lookup(db, "SELECT account_id, seller_id FROM meeting WHERE id = ?1",
	                  meeting_id, &account, &seller, &found, err);
	if (s == CORE_OK && !found)
		s = db_missing("meeting", meeting_id, err);
	if (s == CORE_OK)
		s = action_delete_others(db, meeting_id, keep, nkeep, err);
	free(keep);

	int64_t now = (int64_t)time(NULL);
	/* One action's room at a time, on the heap: some 2.5 KB. */
	struct core_action *w = s == CORE_OK ? malloc(sizeof *w) : NULL;
	if (s == CORE_OK && w == NULL)
		s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	for (size_t i = 0; s == CORE_OK && i < n; i++) {
		*w = items[i];
		s = action_save_item(db, w, meeting_id, account, seller, now, err);
		if (s != CORE_OK && err != NULL && s != CORE_ERR_NOMEM) {
			char msg[sizeof err->msg];
			memcpy(msg, err->msg, sizeof msg);
			core_error_set(err, s, "action %zu: %s", i + 1, msg);
		}
	}
	free(w);
	return db_tx_end(db, s, err);
}
