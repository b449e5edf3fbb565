/* The sellers' side of an account's transfer (db/handover.h): freeze,
 * receive, release. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "db/handover.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/team.h"
#include "core/utf8.h"
#include "db/internal.h"
#include "db/sellers.h"

/* A seller's commit holds the lock for milliseconds; a hand-over step that
 * cannot get it in this long waits for the next run rather than stalling
 * the seller's screen. */
#define HANDOVER_PEER_BUSY_MS 1000

#define TOKEN_MAX 40

struct transfer {
	char token[TOKEN_MAX];
	int64_t account;        /* in the giver's file */
	char name[CORE_NAME_MAX];
	char from[CORE_TEAM_NAME_MAX];
	char to[CORE_TEAM_NAME_MAX];
};

static void col_copy(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	core_utf8_copy(dst, n, t != NULL ? (const char *)t : "");
}

enum core_status db_handover_side(struct db *db, const char *token,
                                  struct db_handover_side *out, struct core_error *err)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	enum core_status s = db_prepare(db, "SELECT state, note, meetings FROM handover "
	                                "WHERE token = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, token, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		col_copy(out->state, sizeof out->state, st, 0);
		col_copy(out->note, sizeof out->note, st, 1);
		out->meetings = sqlite3_column_int64(st, 2);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "reading the hand-overs", err);
	}
	sqlite3_finalize(st);
	return s;
}

struct db *db_handover_peer_open(const char *dir, const char *login)
{
	char path[PATH_MAX];
	struct core_error e = { CORE_OK, "" };
	struct db *db = NULL;
	if (core_team_path(path, sizeof path, dir, CORE_TEAM_SELLER_FILE, login, &e) != CORE_OK ||
	    db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &db, &e) != CORE_OK)
		return NULL;
	db_set_busy_timeout(db, HANDOVER_PEER_BUSY_MS);
	return db;
}

/* The peer's side of token; an unreadable file has none. */
static void handover_peer_side(const char *dir, const char *login, const char *token,
                               struct db_handover_side *out)
{
	struct core_error e = { CORE_OK, "" };
	struct db *peer = db_handover_peer_open(dir, login);
	memset(out, 0, sizeof *out);
	if (peer != NULL && db_handover_side(peer, token, out, &e) != CORE_OK)
		memset(out, 0, sizeof *out);
	db_close(peer);
}

/* Binds ?1.. from vals and ?8, ?9 from two texts, as far as the statement
 * has parameters. */
static void handover_bind(sqlite3_stmt *st, const int64_t *vals, int nvals,
                          const char *t8, const char *t9)
{
	int np = sqlite3_bind_parameter_count(st);
	for (int i = 1; i <= np; i++) {
		if (i <= nvals)
			sqlite3_bind_int64(st, i, vals[i - 1]);
		else if (i == 8)
			sqlite3_bind_text(st, i, t8, -1, SQLITE_STATIC);
		else if (i == 9)
			sqlite3_bind_text(st, i, t9, -1, SQLITE_STATIC);
	}
}

static enum core_status handover_write(struct db *db, const char *sql, const int64_t *vals,
                                       int nvals, const char *t8, const char *t9,
                                       const char *what, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, sql, &st, err);
	if (s != CORE_OK)
		return s;
	handover_bind(st, vals, nvals, t8, t9);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		s = db_fail(db, rc, what, err);
	sqlite3_finalize(st);
	return s;
}

static enum core_status handover_int(struct db *db, const char *sql, const int64_t *vals,
                                     int nvals, const char *t8, int64_t *out,
                                     struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, sql, &st, err);
	if (s != CORE_OK)
		return s;
	handover_bind(st, vals, nvals, t8, NULL);
	int rc = sqlite3_step(st);
	*out = -1;
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		s = db_fail(db, rc, "reading the hand-over", err);
	sqlite3_finalize(st);
	return s;
}

/* ---- the guard: no change to a frozen account --------------------------------
 * While an account is frozen the giver's file refuses every change to it,
 * from pipebench or the sqlite3 shell, so nothing written after the
 * receiver's copy is lost when the giver's rows go; deletes stay allowed,
 * for the release.  The triggers exist only while something is frozen:
 * made with the first freeze, dropped in the transaction that settles the
 * last, so a file that hands nothing over pays nothing on every write. */
static const char guard_on[] =
	"CREATE TRIGGER IF NOT EXISTS account_frozen BEFORE UPDATE ON account\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen' AND account_id = OLD.id)\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS contact_frozen_ins BEFORE INSERT ON contact\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen' AND account_id = NEW.account_id)\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS contact_frozen_upd BEFORE UPDATE ON contact\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen'\n"
	"               AND account_id IN (OLD.account_id, NEW.account_id))\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS meeting_frozen_ins BEFORE INSERT ON meeting\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen' AND account_id = NEW.account_id)\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS meeting_frozen_upd BEFORE UPDATE ON meeting\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen'\n"
	"               AND account_id IN (OLD.account_id, NEW.account_id))\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS action_frozen_ins BEFORE INSERT ON action\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen' AND account_id = NEW.account_id)\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS action_frozen_upd BEFORE UPDATE ON action\n"
	"  WHEN EXISTS (SELECT 1 FROM handover WHERE state = 'frozen'\n"
	"               AND account_id IN (OLD.account_id, NEW.account_id))\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	/* Minutes, participants and ticks change their meeting's rev, so the
	 * meeting's trigger refuses them too. */
	"CREATE TRIGGER IF NOT EXISTS checklist_frozen_ins BEFORE INSERT ON checklist_tick\n"
	"  WHEN EXISTS (SELECT 1 FROM handover h JOIN meeting m ON m.account_id = h.account_id\n"
	"               WHERE h.state = 'frozen' AND m.id = NEW.meeting_id)\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS checklist_frozen_del BEFORE DELETE ON checklist_tick\n"
	"  WHEN EXISTS (SELECT 1 FROM handover h JOIN meeting m ON m.account_id = h.account_id\n"
	"               WHERE h.state = 'frozen' AND m.id = OLD.meeting_id)\n"
	"BEGIN SELECT RAISE(ABORT, 'the account is being handed over to another seller'); END;\n";

static const char guard_off[] =
	"DROP TRIGGER IF EXISTS account_frozen;\n"
	"DROP TRIGGER IF EXISTS contact_frozen_ins;\n"
	"DROP TRIGGER IF EXISTS contact_frozen_upd;\n"
	"DROP TRIGGER IF EXISTS meeting_frozen_ins;\n"
	"DROP TRIGGER IF EXISTS meeting_frozen_upd;\n"
	"DROP TRIGGER IF EXISTS action_frozen_ins;\n"
	"DROP TRIGGER IF EXISTS action_frozen_upd;\n"
	"DROP TRIGGER IF EXISTS checklist_frozen_ins;\n"
	"DROP TRIGGER IF EXISTS checklist_frozen_del;\n";

/* Inside a write transaction on db: the guard goes when nothing is frozen
 * any more. */
static enum core_status handover_guard_settle(struct db *db, struct core_error *err)
{
	int64_t frozen = 0;
	enum core_status s = handover_int(db, "SELECT EXISTS (SELECT 1 FROM handover "
	                                  "WHERE state = 'frozen')", NULL, 0, NULL, &frozen,
	                                  err);
	if (s == CORE_OK && frozen == 0)
		s = db_exec(db, guard_off, err);
	return s;
}

/* ---- the giver: freeze ----------------------------------------------------- */

static enum core_status handover_freeze(struct db *mine, const struct transfer *t,
                                        struct db_handover_result *r,
                                        struct core_error *err)
{
	int64_t now = (int64_t)time(NULL);
	int64_t v[2] = { t->account, now };
	enum core_status s = db_tx_begin(mine, err);
	int64_t found = -1, busy = -1;
	/* The id must still be the account the manager named: ids are not
	 * reused, but a file may have been replaced behind pipebench's back. */
	if (s == CORE_OK)
		s = handover_int(mine, "SELECT id FROM account WHERE id = ?1 AND name = ?8",
		                 v, 1, t->name, &found, err);
	if (s == CORE_OK)
		s = handover_int(mine, "SELECT 1 FROM handover WHERE state = 'frozen' "
		                 "AND account_id = ?1", v, 1, NULL, &busy, err);
	/* The note goes into the file as SQL text: it is one of two
	 * constants, and the manager reads it from there (team transfers). */
	static const char frozen_sql[] =
		"INSERT INTO handover(token, dir, account_id, peer, state, meetings, at) "
		"VALUES (?8, 'out', ?1, ?9, 'frozen', "
		"(SELECT count(*) FROM meeting WHERE account_id = ?1), ?2)";
	static const char missing_sql[] =
		"INSERT INTO handover(token, dir, account_id, peer, state, note, at) "
		"VALUES (?8, 'out', ?1, ?9, 'refused', "
		"'the account is not in the giver''s file', ?2)";
	static const char busy_sql[] =
		"INSERT INTO handover(token, dir, account_id, peer, state, note, at) "
		"VALUES (?8, 'out', ?1, ?9, 'refused', "
		"'the account is already being handed over', ?2)";
	const char *note = found < 0 ? "the account is not in the giver's file"
	                 : busy > 0 ? "the account is already being handed over" : "";
	if (s == CORE_OK)
		s = handover_write(mine, found < 0 ? missing_sql : busy > 0 ? busy_sql : frozen_sql,
		                   v, 2, t->token, t->to, "recording the hand-over", err);
	if (s == CORE_OK && note[0] == '\0')
		s = db_exec(mine, guard_on, err);
	s = db_tx_end(mine, s, err);
	if (s != CORE_OK)
		return s;
	if (note[0] != '\0') {
		r->refused++;
		snprintf(r->last, sizeof r->last, "%s cannot go to %s: %s", t->name, t->to, note);
	} else {
		r->frozen++;
		snprintf(r->last, sizeof r->last, "handing %s over to %s", t->name, t->to);
	}
	return CORE_OK;
}

/* ---- the giver: release ---------------------------------------------------- */

static enum core_status handover_release(struct db *mine, const char *token,
                                         int64_t account, const char *name,
                                         const char *to, struct db_handover_result *r,
                                         struct core_error *err)
{
	static const char *const steps[] = {
		"UPDATE handover SET state = 'released', at = ?2 "
		"WHERE token = ?8 AND state = 'frozen'",
		/* Minutes, participants and ticks go with their meetings
		 * (ON DELETE CASCADE); other accounts' actions that pointed at
		 * these meetings or contacts keep their text (SET NULL). */
		"DELETE FROM action WHERE account_id = ?1",
		"DELETE FROM meeting WHERE account_id = ?1",
		"DELETE FROM contact WHERE account_id = ?1",
		"DELETE FROM account WHERE id = ?1",
	};
	int64_t v[2] = { account, (int64_t)time(NULL) };
	enum core_status s = db_tx_begin(mine, err);
	for (size_t i = 0; s == CORE_OK && i < sizeof steps / sizeof steps[0]; i++)
		s = handover_write(mine, steps[i], v, 2, token, NULL,
		                   "removing the handed-over account", err);
	if (s == CORE_OK)
		s = handover_guard_settle(mine, err);
	s = db_tx_end(mine, s, err);
	if (s == CORE_OK) {
		r->released++;
		snprintf(r->last, sizeof r->last, "%s is now %s's", name, to);
	}
	return s;
}

/* ---- the receiver: the copy, the commit point -------------------------------- */

/* Inside the receiver's write transaction with the giver's file attached as
 * "giver".  v: ?1 the giver's account id, ?2 the new account's id, ?3 this
 * file's seller, ?4..?6 the offsets added to contact, meeting and action
 * ids (each the largest id here, so the copies never collide and keep
 * their links to each other), ?7 now.  km and travel time are from the
 * giver's base, so the receiver starts without them. */
static const char *const receive_steps[] = {
	"INSERT INTO main.contact(id, account_id, name, email, phone, role, level, "
	"crm_id, created_at, updated_at) "
	"SELECT id + ?4, ?2, name, email, phone, role, level, crm_id, created_at, "
	"updated_at FROM giver.contact WHERE account_id = ?1",
	"INSERT INTO main.meeting(id, seller_id, account_id, starts_at, duration_min, "
	"battlefield, type, form, dim, complexity, sale, status, form_reason, "
	"created_at, updated_at, purpose, agenda, pains, crm_id) "
	"SELECT id + ?5, ?3, ?2, starts_at, duration_min, battlefield, type, form, dim, "
	"complexity, sale, status, form_reason, created_at, updated_at, purpose, "
	"agenda, pains, crm_id FROM giver.meeting WHERE account_id = ?1",
	"INSERT INTO main.minutes(meeting_id, summary, needs, agreed, notes, updated_at) "
	"SELECT n.meeting_id + ?5, n.summary, n.needs, n.agreed, n.notes, n.updated_at "
	"FROM giver.minutes n JOIN giver.meeting m ON m.id = n.meeting_id "
	"WHERE m.account_id = ?1",
	"INSERT INTO main.participant(meeting_id, contact_id) "
	"SELECT p.meeting_id + ?5, p.contact_id + ?4 FROM giver.participant p "
	"JOIN giver.meeting m ON m.id = p.meeting_id "
	"JOIN giver.contact c ON c.id = p.contact_id "
	"WHERE m.account_id = ?1 AND c.account_id = ?1",
	"INSERT INTO main.checklist_tick(meeting_id, item) "
	"SELECT t.meeting_id + ?5, t.item FROM giver.checklist_tick t "
	"JOIN giver.meeting m ON m.id = t.meeting_id WHERE m.account_id = ?1",
	"INSERT INTO main.action(id, meeting_id, account_id, seller_id, text, "
	"owner_contact_id, due, done_at, created_at, updated_at, crm_id) "
	"SELECT a.id + ?6, CASE WHEN m.account_id = ?1 THEN a.meeting_id + ?5 END, ?2, ?3, "
	"a.text, CASE WHEN c.account_id = ?1 THEN a.owner_contact_id + ?4 END, a.due, "
	"a.done_at, a.created_at, a.updated_at, a.crm_id FROM giver.action a "
	"LEFT JOIN giver.meeting m ON m.id = a.meeting_id "
	"LEFT JOIN giver.contact c ON c.id = a.owner_contact_id WHERE a.account_id = ?1",
	"INSERT INTO main.handover(token, dir, account_id, peer, state, meetings, at) "
	"VALUES (?8, 'in', ?2, ?9, 'received', "
	"(SELECT count(*) FROM main.meeting WHERE account_id = ?2), ?7)",
};

static enum core_status receive_copy(struct db *mine, const struct transfer *t,
                                     int64_t me, int64_t *meetings,
                                     struct core_error *err)
{
	int64_t v[7] = { t->account, 0, me, 0, 0, 0, (int64_t)time(NULL) };
	static const char *const max_sql[] = {
		"SELECT coalesce(max(id), 0) FROM main.contact",
		"SELECT coalesce(max(id), 0) FROM main.meeting",
		"SELECT coalesce(max(id), 0) FROM main.action",
	};
	enum core_status s = CORE_OK;
	for (int i = 0; s == CORE_OK && i < 3; i++)
		s = handover_int(mine, max_sql[i], NULL, 0, NULL, &v[3 + i], err);
	if (s == CORE_OK)
		s = handover_write(mine,
		    "INSERT INTO main.account(name, org_no, city, crm_id, owner_id, "
		    "created_at, updated_at, domain) "
		    "SELECT name, org_no, city, crm_id, ?3, created_at, ?7, domain "
		    "FROM giver.account WHERE id = ?1", v, 7, NULL, NULL,
		    "copying the account", err);
	if (s == CORE_OK)
		v[1] = sqlite3_last_insert_rowid(mine->h);
	for (size_t i = 0; s == CORE_OK && i < sizeof receive_steps / sizeof receive_steps[0]; i++)
		s = handover_write(mine, receive_steps[i], v, 7, t->token, t->from,
		                   "copying the account", err);
	if (s == CORE_OK)
		s = handover_int(mine, "SELECT meetings FROM main.handover WHERE token = ?8",
		                 NULL, 0, t->token, meetings, err);
	return s;
}

/* The giver's file attached, inside one write transaction on mine: checks
 * the giver has the account frozen for this very transfer, then copies. */
static enum core_status handover_receive(struct db *mine, const char *dir,
                                         const struct transfer *t,
                                         struct db_handover_result *r,
                                         struct core_error *err)
{
	char path[PATH_MAX];
	struct db_handover_side giver;
	handover_peer_side(dir, t->from, t->token, &giver);
	if (strcmp(giver.state, "frozen") != 0) {
		/* Not frozen yet (the giver has not run since the request), or
		 * refused there: the giver's file says which. */
		r->waiting += giver.state[0] == '\0';
		return CORE_OK;
	}
	struct db_seller me;
	enum core_status s = db_seller_default(mine, &me, err);
	if (s == CORE_OK)
		s = core_team_path(path, sizeof path, dir, CORE_TEAM_SELLER_FILE, t->from, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	s = db_prepare(mine, "ATTACH DATABASE ?1 AS giver", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		r->waiting++;
		return CORE_OK;
	}
	int64_t version = -1, frozen = -1, meetings = 0;
	s = db_tx_begin(mine, err);
	if (s == CORE_OK)
		s = handover_int(mine, "PRAGMA giver.user_version", NULL, 0, NULL, &version, err);
	if (s == CORE_OK && version == DB_SCHEMA_VERSION) {
		int64_t v[1] = { t->account };
		s = handover_int(mine, "SELECT 1 FROM giver.handover WHERE token = ?8 "
		                 "AND dir = 'out' AND state = 'frozen' AND account_id = ?1",
		                 v, 1, t->token, &frozen, err);
	}
	if (s == CORE_OK && frozen == 1)
		s = receive_copy(mine, t, me.id, &meetings, err);
	s = db_tx_end(mine, s, err);
	/* Detached whatever happened: the next run attaches again. */
	sqlite3_exec(mine->h, "DETACH DATABASE giver", NULL, NULL, NULL);
	if (s != CORE_OK)
		return s;
	if (frozen != 1) {
		r->waiting++;
		return CORE_OK;
	}
	r->received++;
	snprintf(r->last, sizeof r->last, "received %s from %s (%lld meetings)", t->name,
	         t->from, (long long)meetings);
	return CORE_OK;
}

/* ---- one run --------------------------------------------------------------- */

static enum core_status handover_requests(struct db *team, const char *login,
                                          struct transfer **out, size_t *n,
                                          struct core_error *err)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	enum core_status s = db_prepare(team,
	    "SELECT token, account_id, account_name, from_login, to_login FROM transfer "
	    "WHERE from_login = ?1 OR to_login = ?1 ORDER BY requested_at, token", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct transfer *grown = realloc(*out, ncap * sizeof *grown);
			if (grown == NULL) {
				s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
				break;
			}
			*out = grown;
			cap = ncap;
		}
		struct transfer *t = &(*out)[(*n)++];
		col_copy(t->token, sizeof t->token, st, 0);
		t->account = sqlite3_column_int64(st, 1);
		col_copy(t->name, sizeof t->name, st, 2);
		col_copy(t->from, sizeof t->from, st, 3);
		col_copy(t->to, sizeof t->to, st, 4);
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(team, rc, "reading the team's transfers", err);
	sqlite3_finalize(st);
	return s;
}

/* The giver's frozen accounts whose receiver has the receipt: released.
 * One the manager withdrew before any receipt is unfrozen. */
static enum core_status handover_settle(struct db *mine, struct db *team, const char *dir,
                                        struct db_handover_result *r,
                                        struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(mine, "SELECT h.token, h.account_id, h.peer, "
	                                "coalesce(a.name, '') FROM handover h "
	                                "LEFT JOIN account a ON a.id = h.account_id "
	                                "WHERE h.dir = 'out' AND h.state = 'frozen'", &st, err);
	if (s != CORE_OK)
		return s;
	int rc;
	while (s == CORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char token[TOKEN_MAX], peer[CORE_TEAM_NAME_MAX], name[CORE_NAME_MAX];
		col_copy(token, sizeof token, st, 0);
		int64_t account = sqlite3_column_int64(st, 1);
		col_copy(peer, sizeof peer, st, 2);
		col_copy(name, sizeof name, st, 3);
		struct db_handover_side taker;
		handover_peer_side(dir, peer, token, &taker);
		if (strcmp(taker.state, "received") == 0) {
			s = handover_release(mine, token, account, name, peer, r, err);
			continue;
		}
		int64_t asked = -1;
		s = handover_int(team, "SELECT 1 FROM transfer WHERE token = ?8", NULL, 0, token,
		                 &asked, err);
		if (s == CORE_OK && asked != 1) {
			int64_t v[1] = { (int64_t)time(NULL) };
			s = db_tx_begin(mine, err);
			if (s == CORE_OK)
				s = handover_write(mine, "UPDATE handover SET state = 'refused', "
				                   "note = 'withdrawn by the manager', at = ?1 "
				                   "WHERE token = ?8 AND state = 'frozen'", v, 1, token,
				                   NULL, "withdrawing the hand-over", err);
			if (s == CORE_OK)
				s = handover_guard_settle(mine, err);
			s = db_tx_end(mine, s, err);
			if (s == CORE_OK)
				snprintf(r->last, sizeof r->last, "%s stays yours: the manager "
				         "withdrew the transfer", name);
		} else if (s == CORE_OK) {
			r->waiting++;
		}
	}
	sqlite3_finalize(st);
	return s;
}

enum core_status db_handover_run(struct db *mine, struct db *team, const char *dir,
                                 const char *login, struct db_handover_result *r,
                                 struct core_error *err)
{
	memset(r, 0, sizeof *r);
	struct transfer *ts;
	size_t n;
	enum core_status s = handover_requests(team, login, &ts, &n, err);
	for (size_t i = 0; s == CORE_OK && i < n; i++) {
		struct db_handover_side side;
		s = db_handover_side(mine, ts[i].token, &side, err);
		if (s != CORE_OK || side.state[0] != '\0')
			continue;
		if (strcmp(ts[i].from, login) == 0)
			s = handover_freeze(mine, &ts[i], r, err);
		else
			s = handover_receive(mine, dir, &ts[i], r, err);
	}
	free(ts);
	if (s == CORE_OK)
		s = handover_settle(mine, team, dir, r, err);
	return s;
}

enum core_status db_handover_gone(struct db *db, const char *dir, int64_t **ids,
                                  size_t *n, struct core_error *err)
{
	*ids = NULL;
	*n = 0;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT token, account_id, peer FROM handover "
	                                "WHERE dir = 'out' AND state = 'frozen'", &st, err);
	if (s != CORE_OK)
		return s;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char token[TOKEN_MAX], peer[CORE_TEAM_NAME_MAX];
		col_copy(token, sizeof token, st, 0);
		col_copy(peer, sizeof peer, st, 2);
		struct db_handover_side taker;
		handover_peer_side(dir, peer, token, &taker);
		if (strcmp(taker.state, "received") != 0)
			continue;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			int64_t *grown = realloc(*ids, ncap * sizeof *grown);
			if (grown == NULL) {
				s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
				break;
			}
			*ids = grown;
			cap = ncap;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 1);
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, "reading the hand-overs", err);
	sqlite3_finalize(st);
	if (s != CORE_OK) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return s;
}
