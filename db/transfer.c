/* The manager's side of reassigning accounts: requests, their progress
 * through the sellers' files, and the team's accounts by owner. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "db/transfer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/utf8.h"
#include "db/handover.h"
#include "db/internal.h"

const char *db_transfer_state_label(enum db_transfer_state s)
{
	switch (s) {
	case DB_TRANSFER_ASKED: return "asked";
	case DB_TRANSFER_FROZEN: return "frozen";
	case DB_TRANSFER_RECEIVED: return "received";
	case DB_TRANSFER_DONE: return "done";
	case DB_TRANSFER_REFUSED: return "refused";
	}
	return "?";
}

static void col_text(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	core_utf8_copy(dst, n, t != NULL ? (const char *)t : "");
}

/* ---- following a transfer -------------------------------------------------- */

/* The state of t from its two files (the giver's side decides until the
 * receipt; the receipt decides after). */
static void transfer_follow(const char *dir, struct db_transfer *t)
{
	struct db_handover_side giver, taker;
	struct core_error e = { CORE_OK, "" };
	struct db *from = db_handover_peer_open(dir, t->from);
	if (from == NULL || db_handover_side(from, t->token, &giver, &e) != CORE_OK)
		memset(&giver, 0, sizeof giver);
	db_close(from);
	struct db *to = db_handover_peer_open(dir, t->to);
	if (to == NULL || db_handover_side(to, t->token, &taker, &e) != CORE_OK)
		memset(&taker, 0, sizeof taker);
	db_close(to);
	t->meetings = giver.meetings;
	memcpy(t->note, giver.note, sizeof t->note);
	if (strcmp(giver.state, "released") == 0)
		t->state = DB_TRANSFER_DONE;
	else if (strcmp(taker.state, "received") == 0)
		t->state = DB_TRANSFER_RECEIVED;
	else if (strcmp(giver.state, "frozen") == 0)
		t->state = DB_TRANSFER_FROZEN;
	else if (strcmp(giver.state, "refused") == 0)
		t->state = DB_TRANSFER_REFUSED;
	else
		t->state = DB_TRANSFER_ASKED;
}

static const char transfer_cols[] =
	"SELECT token, account_name, from_login, to_login, requested_by, requested_at "
	"FROM transfer ";

static void transfer_row(sqlite3_stmt *st, struct db_transfer *t)
{
	memset(t, 0, sizeof *t);
	col_text(t->token, sizeof t->token, st, 0);
	col_text(t->account, sizeof t->account, st, 1);
	col_text(t->from, sizeof t->from, st, 2);
	col_text(t->to, sizeof t->to, st, 3);
	col_text(t->by, sizeof t->by, st, 4);
	t->at = sqlite3_column_int64(st, 5);
}

enum core_status db_transfer_list(struct db *team, const char *dir,
                                  struct db_transfer **out, size_t *n,
                                  struct core_error *err)
{
	char sql[256];
	snprintf(sql, sizeof sql, "%sORDER BY requested_at, token", transfer_cols);
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	enum core_status s = db_prepare(team, sql, &st, err);
	if (s != CORE_OK)
		return s;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			struct db_transfer *grown = realloc(*out, ncap * sizeof *grown);
			if (grown == NULL) {
				s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
				break;
			}
			*out = grown;
			cap = ncap;
		}
		transfer_row(st, &(*out)[(*n)++]);
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(team, rc, "reading the team's transfers", err);
	sqlite3_finalize(st);
	for (size_t i = 0; s == CORE_OK && i < *n; i++)
		transfer_follow(dir, &(*out)[i]);
	if (s != CORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return s;
}

/* ---- asking -------------------------------------------------------------- */

/* The account called name in login's file: *id, or -1; *frozen 1 when it
 * is being handed over already. */
static enum core_status transfer_find(struct db *db, const char *name, int64_t *id,
                                      char *exact, size_t n, int *frozen,
                                      struct core_error *err)
{
	sqlite3_stmt *st;
	*id = -1;
	*frozen = 0;
	enum core_status s = db_prepare(db, "SELECT a.id, a.name, EXISTS (SELECT 1 FROM handover h "
	                                "WHERE h.state = 'frozen' AND h.account_id = a.id) "
	                                "FROM account a WHERE pb_fold(a.name) = pb_fold(?1) "
	                                "ORDER BY a.id LIMIT 1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		col_text(exact, n, st, 1);
		*frozen = sqlite3_column_int(st, 2);
	} else if (rc != SQLITE_DONE) {
		s = db_fail(db, rc, "looking for the account", err);
	}
	sqlite3_finalize(st);
	return s;
}

enum core_status db_transfer_request(struct db *team, const char *dir,
                                     const char *account, const char *from,
                                     const char *to, const char *by,
                                     struct db_transfer *out, struct core_error *err)
{
	if (!core_team_name_valid(to))
		return core_error_set(err, CORE_ERR_INPUT, "%s: not a login name", to);
	if (from != NULL && strcmp(from, to) == 0)
		return core_error_set(err, CORE_ERR_INPUT, "%s: giver and receiver are the same "
		                      "seller", to);
	char (*logins)[CORE_TEAM_NAME_MAX];
	size_t n;
	enum core_status s = core_team_logins(dir, &logins, &n, err);
	if (s != CORE_OK)
		return s;
	struct db_transfer t;
	memset(&t, 0, sizeof t);
	int64_t found_id = -1, hits = 0, frozen_any = 0;
	char also[CORE_TEAM_NAME_MAX] = "";
	for (size_t i = 0; s == CORE_OK && i < n; i++) {
		if (from != NULL && strcmp(from, logins[i]) != 0)
			continue;
		struct db *db = db_handover_peer_open(dir, logins[i]);
		if (db == NULL)
			continue;
		int64_t id;
		int frozen;
		char exact[CORE_NAME_MAX];
		s = transfer_find(db, account, &id, exact, sizeof exact, &frozen, err);
		db_close(db);
		if (s != CORE_OK || id < 0)
			continue;
		if (frozen) {
			frozen_any = 1;
			continue;
		}
		if (hits++ == 0) {
			found_id = id;
			core_utf8_copy(t.account, sizeof t.account, exact);
			core_utf8_copy(t.from, sizeof t.from, logins[i]);
		} else {
			core_utf8_copy(also, sizeof also, logins[i]);
		}
	}
	free(logins);
	if (s != CORE_OK)
		return s;
	if (hits == 0)
		return core_error_set(err, CORE_ERR_INPUT, frozen_any
		                      ? "%s: the account is being handed over already "
		                        "(pipebench team transfers)"
		                      : "%s: no seller%s%s has an account called that", account,
		                      from != NULL ? " called " : "", from != NULL ? from : "");
	if (hits > 1)
		return core_error_set(err, CORE_ERR_INPUT, "%s: %s and %s both have an account "
		                      "called that; say whose with --from LOGIN", account, t.from,
		                      also);
	if (strcmp(t.from, to) == 0)
		return core_error_set(err, CORE_ERR_INPUT, "%s is %s's already", t.account, to);
	core_utf8_copy(t.to, sizeof t.to, to);
	core_utf8_copy(t.by, sizeof t.by, by);
	t.at = (int64_t)time(NULL);

	sqlite3_stmt *st;
	s = db_tx_begin(team, err);
	/* A request the giver's pipebench has not acted on yet (no side in
	 * the giver's file) would freeze the account twice; older requests
	 * for it are settled history. */
	struct db *giver = db_handover_peer_open(dir, t.from);
	int pending = 0;
	if (s == CORE_OK)
		s = db_prepare(team, "SELECT token FROM transfer WHERE from_login = ?1 "
		               "AND account_id = ?2", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, t.from, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, found_id);
		int rc;
		struct db_handover_side side;
		struct core_error e = { CORE_OK, "" };
		while (!pending && (rc = sqlite3_step(st)) == SQLITE_ROW)
			pending = giver == NULL ||
			          db_handover_side(giver, (const char *)sqlite3_column_text(st, 0),
			                           &side, &e) != CORE_OK ||
			          side.state[0] == '\0';
		if (!pending && rc != SQLITE_DONE)
			s = db_fail(team, rc, "reading the team's transfers", err);
		sqlite3_finalize(st);
	}
	db_close(giver);
	if (s == CORE_OK && pending)
		s = core_error_set(err, CORE_ERR_INPUT, "%s: a transfer from %s is asked "
		                   "for already (pipebench team transfers)", t.account, t.from);
	if (s == CORE_OK)
		s = db_prepare(team, "INSERT INTO transfer(token, account_id, account_name, "
		               "from_login, to_login, requested_by, requested_at) "
		               "VALUES (lower(hex(randomblob(8))), ?1, ?2, ?3, ?4, ?5, ?6) "
		               "RETURNING token", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_int64(st, 1, found_id);
		sqlite3_bind_text(st, 2, t.account, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t.from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, t.to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, t.by, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, t.at);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			col_text(t.token, sizeof t.token, st, 0);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			s = db_fail(team, rc, "recording the transfer", err);
		sqlite3_finalize(st);
	}
	s = db_tx_end(team, s, err);
	if (s == CORE_OK && out != NULL)
		*out = t;
	return s;
}

enum core_status db_transfer_withdraw(struct db *team, const char *dir,
                                      const char *prefix, struct db_transfer *out,
                                      struct core_error *err)
{
	if (strlen(prefix) < 4)
		return core_error_set(err, CORE_ERR_INPUT, "%s: give at least 4 characters of "
		                      "the transfer's id", prefix);
	char sql[256];
	snprintf(sql, sizeof sql, "%sWHERE substr(token, 1, length(?1)) = lower(?1)",
	         transfer_cols);
	sqlite3_stmt *st;
	enum core_status s = db_tx_begin(team, err);
	if (s == CORE_OK)
		s = db_prepare(team, sql, &st, err);
	struct db_transfer t;
	int hits = 0;
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (hits++ == 0)
				transfer_row(st, &t);
		if (rc != SQLITE_DONE)
			s = db_fail(team, rc, "reading the team's transfers", err);
		sqlite3_finalize(st);
	}
	if (s == CORE_OK && hits != 1)
		s = core_error_set(err, CORE_ERR_INPUT, hits == 0 ? "%s: no such transfer"
		                   : "%s: more than one transfer starts so; give more of its id",
		                   prefix);
	if (s == CORE_OK) {
		transfer_follow(dir, &t);
		if (t.state == DB_TRANSFER_RECEIVED || t.state == DB_TRANSFER_DONE)
			s = core_error_set(err, CORE_ERR_INPUT, "%s is %s's already; to undo it, "
			                   "reassign it to %s", t.account, t.to, t.from);
	}
	if (s == CORE_OK)
		s = db_prepare(team, "DELETE FROM transfer WHERE token = ?1", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, t.token, -1, SQLITE_STATIC);
		s = db_step_write(team, st, "withdrawing the transfer", NULL, err);
	}
	s = db_tx_end(team, s, err);
	if (s == CORE_OK && out != NULL)
		*out = t;
	return s;
}

/* ---- the team's accounts ------------------------------------------------- */

static int account_in(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

static enum core_status accounts_of(struct db *db, const char *dir, const char *login,
                                    struct db_team_account **out, size_t *n,
                                    size_t *cap, struct core_error *err)
{
	int64_t *gone;
	size_t ngone;
	enum core_status s = db_handover_gone(db, dir, &gone, &ngone, err);
	if (s != CORE_OK)
		return s;
	sqlite3_stmt *st;
	s = db_prepare(db, "SELECT a.id, a.name, "
	               "(SELECT count(*) FROM meeting m WHERE m.account_id = a.id), "
	               "(SELECT max(starts_at) FROM meeting m WHERE m.account_id = a.id), "
	               "(SELECT peer FROM handover h WHERE h.state = 'frozen' "
	               " AND h.account_id = a.id) "
	               "FROM account a ORDER BY pb_fold(a.name), a.id", &st, err);
	int rc = SQLITE_DONE;
	while (s == CORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (account_in(gone, ngone, sqlite3_column_int64(st, 0)))
			continue;
		if (*n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 64;
			struct db_team_account *grown = realloc(*out, ncap * sizeof *grown);
			if (grown == NULL) {
				s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
				break;
			}
			*out = grown;
			*cap = ncap;
		}
		struct db_team_account *a = &(*out)[(*n)++];
		core_utf8_copy(a->login, sizeof a->login, login);
		col_text(a->name, sizeof a->name, st, 1);
		a->meetings = sqlite3_column_int64(st, 2);
		a->last = sqlite3_column_int64(st, 3);
		col_text(a->moving_to, sizeof a->moving_to, st, 4);
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(db, rc, "listing the accounts", err);
	sqlite3_finalize(st);
	free(gone);
	return s;
}

enum core_status db_team_accounts(const char *dir, struct db_team_account **out,
                                  size_t *n, size_t *skipped, struct core_error *err)
{
	char (*logins)[CORE_TEAM_NAME_MAX];
	size_t nl, cap = 0;
	*out = NULL;
	*n = 0;
	*skipped = 0;
	enum core_status s = core_team_logins(dir, &logins, &nl, err);
	for (size_t i = 0; s == CORE_OK && i < nl; i++) {
		struct db *db = db_handover_peer_open(dir, logins[i]);
		if (db == NULL) {
			(*skipped)++;
			continue;
		}
		struct core_error e = { CORE_OK, "" };
		enum core_status one = accounts_of(db, dir, logins[i], out, n, &cap, &e);
		db_close(db);
		if (one == CORE_ERR_NOMEM)
			s = core_error_set(err, one, "%s", e.msg);
		else if (one != CORE_OK)
			(*skipped)++;
	}
	free(logins);
	if (s != CORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return s;
}
