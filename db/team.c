/* The team file and the seller's own file: making them, opening them, and
 * copying the manager's settings from one to the other. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "db/team.h"

#include <limits.h>
#include <string.h>

#include "core/meeting.h"
#include "core/team.h"
#include "core/utf8.h"
#include "db/internal.h"
#include "db/sellers.h"

enum core_status db_team_init(const char *dir, gid_t gid, struct core_error *err)
{
	char path[PATH_MAX];
	enum core_status st = core_team_path(path, sizeof path, dir, CORE_TEAM_FILE,
	                                     NULL, err);
	if (st == CORE_OK)
		st = core_team_mkdirs(dir, gid, err);
	/* The file gets its group and mode before SQLite writes a page, so
	 * its journal is made with them too. */
	if (st == CORE_OK)
		st = core_team_own_file(path, gid, err);
	struct db *db = NULL;
	if (st == CORE_OK)
		st = db_open(path, DB_OPEN_CREATE | DB_OPEN_TEAM, &db, err);
	db_close(db);
	return st;
}

/* ---- copying the team's settings ---------------------------------------- */

/* One table (or part of one) the seller's file mirrors.  select runs on
 * both files with ?1 the seller's id in that file (-1: none), in a fixed
 * order, so the two results compare row by row.  clear and insert run on
 * the seller's file: insert gets ?1 the seller's id and the selected
 * columns from ?2 on. */
struct sync_table {
	const char *what;
	const char *select;
	const char *clear;
	const char *insert;
};

static const struct sync_table sync_tables[] = {
	{ "the targets",
	  "SELECT seller_id <> 0, battlefield, visits FROM target "
	  "WHERE seller_id = 0 OR seller_id = ?1 ORDER BY 1, 2",
	  "DELETE FROM target",
	  "INSERT INTO target(seller_id, battlefield, visits) "
	  "VALUES (CASE WHEN ?2 THEN ?1 ELSE 0 END, ?3, ?4)" },
	{ "the form weights",
	  "SELECT form, weight FROM form_weight ORDER BY form",
	  "DELETE FROM form_weight",
	  "INSERT INTO form_weight(form, weight) VALUES (?2, ?3)" },
	{ "the matrix",
	  "SELECT position, key, label, brief, physical, hybrid, virtual, phone "
	  "FROM matrix_type ORDER BY position",
	  "DELETE FROM matrix_type",
	  "INSERT INTO matrix_type(position, key, label, brief, physical, hybrid, "
	  "virtual, phone) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" },
	{ "the checklists",
	  "SELECT form, text FROM checklist ORDER BY form",
	  "DELETE FROM checklist",
	  "INSERT INTO checklist(form, text) VALUES (?2, ?3)" },
	{ "the 4D threshold",
	  "SELECT key, value FROM setting WHERE key = 'delivery_share_warn'",
	  "DELETE FROM setting WHERE key = 'delivery_share_warn'",
	  "INSERT INTO setting(key, value) VALUES (?2, ?3)" },
};

#define SYNC_N (sizeof sync_tables / sizeof sync_tables[0])

static int sync_value_same(sqlite3_stmt *a, sqlite3_stmt *b, int col)
{
	int type = sqlite3_column_type(a, col);
	if (type != sqlite3_column_type(b, col))
		return 0;
	switch (type) {
	case SQLITE_NULL:
		return 1;
	case SQLITE_INTEGER:
		return sqlite3_column_int64(a, col) == sqlite3_column_int64(b, col);
	case SQLITE_FLOAT:
		return sqlite3_column_double(a, col) == sqlite3_column_double(b, col);
	default: {
		const void *pa = sqlite3_column_blob(a, col);
		const void *pb = sqlite3_column_blob(b, col);
		int na = sqlite3_column_bytes(a, col), nb = sqlite3_column_bytes(b, col);
		return na == nb && (na == 0 || memcmp(pa, pb, (size_t)na) == 0);
	}
	}
}

static enum core_status sync_select(struct db *db, const struct sync_table *t,
                                    int64_t seller_id, sqlite3_stmt **st,
                                    struct core_error *err)
{
	enum core_status s = db_prepare(db, t->select, st, err);
	if (s == CORE_OK)
		sqlite3_bind_int64(*st, 1, seller_id);
	return s;
}

/* *same = 1 when the two files hold the same rows of t. */
static enum core_status sync_compare(struct db *seller, int64_t me, struct db *team,
                                     int64_t roster, const struct sync_table *t,
                                     int *same, struct core_error *err)
{
	sqlite3_stmt *a = NULL, *b = NULL;
	enum core_status s = sync_select(team, t, roster, &a, err);
	if (s == CORE_OK)
		s = sync_select(seller, t, me, &b, err);
	*same = 1;
	while (s == CORE_OK && *same) {
		int ra = sqlite3_step(a), rb = sqlite3_step(b);
		if (ra != SQLITE_ROW && ra != SQLITE_DONE)
			s = db_fail(team, ra, t->what, err);
		else if (rb != SQLITE_ROW && rb != SQLITE_DONE)
			s = db_fail(seller, rb, t->what, err);
		else if (ra != rb)
			*same = 0;
		else if (ra == SQLITE_DONE)
			break;
		else
			for (int c = 0; c < sqlite3_column_count(a) && *same; c++)
				*same = sync_value_same(a, b, c);
	}
	sqlite3_finalize(a);
	sqlite3_finalize(b);
	return s;
}

/* Inside the seller's write transaction: replaces the seller's rows of t
 * with the team's. */
static enum core_status sync_copy(struct db *seller, int64_t me, struct db *team,
                                  int64_t roster, const struct sync_table *t,
                                  struct core_error *err)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	enum core_status s = db_exec(seller, t->clear, err);
	if (s == CORE_OK)
		s = sync_select(team, t, roster, &sel, err);
	if (s == CORE_OK)
		s = db_prepare(seller, t->insert, &ins, err);
	int rc = SQLITE_DONE;
	while (s == CORE_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
		sqlite3_reset(ins);
		sqlite3_bind_int64(ins, 1, me);
		for (int c = 0; c < sqlite3_column_count(sel); c++)
			sqlite3_bind_value(ins, c + 2, sqlite3_column_value(sel, c));
		int wr = sqlite3_step(ins);
		/* The seller's schema checks what the team file holds: a value
		 * it refuses was written there behind pipebench's back. */
		if (wr != SQLITE_DONE)
			s = core_error_set(err, CORE_ERR_DB,
			                   "%s: %s: a value the seller's file refuses (%s); "
			                   "fix it in the team file", db_path(team), t->what,
			                   sqlite3_errmsg(seller->h));
	}
	if (s == CORE_OK && rc != SQLITE_DONE)
		s = db_fail(team, rc, t->what, err);
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return s;
}

enum core_status db_team_roster_id(struct db *team, const char *login,
                                   const char *name, int64_t *out,
                                   struct core_error *err)
{
	/* The login decides; a row the manager named before the seller ever
	 * logged in (no login yet) is found by its name. */
	static const char sql[] =
		"SELECT id FROM seller WHERE login = ?1 "
		"UNION ALL SELECT id FROM seller "
		"WHERE login IS NULL AND pb_fold(name) = pb_fold(?2) LIMIT 1";
	sqlite3_stmt *st;
	*out = -1;
	enum core_status s = db_prepare(team, sql, &st, err);
	if (s != CORE_OK)
		return s;
	if (login != NULL)
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		s = db_fail(team, rc, "reading the team's sellers", err);
	sqlite3_finalize(st);
	return s;
}

enum core_status db_team_roster_ensure(struct db *team, const char *login,
                                       const char *name, int64_t *out,
                                       struct core_error *err)
{
	enum core_status s = db_team_roster_id(team, login, name, out, err);
	sqlite3_stmt *st = NULL;
	if (s == CORE_OK && *out > 0)
		s = db_prepare(team, "UPDATE seller SET login = ?1, name = ?2 WHERE id = ?3 "
		               "AND (login IS NOT ?1 OR name IS NOT ?2)", &st, err);
	else if (s == CORE_OK)
		s = db_prepare(team, "INSERT INTO seller(login, name, created_at) "
		               "VALUES (?1, ?2, strftime('%s','now'))", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (*out > 0)
		sqlite3_bind_int64(st, 3, *out);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		s = rc == SQLITE_CONSTRAINT
		    ? core_error_set(err, CORE_ERR_INPUT, "%s: another seller in the roster "
		                     "is already called %s", db_path(team), name)
		    : db_fail(team, rc, "writing the team's roster", err);
	else if (*out <= 0)
		*out = sqlite3_last_insert_rowid(team->h);
	sqlite3_finalize(st);
	return s;
}

/* The login the seller's file belongs to (its seller row's), or "" in a
 * file of no team. */
static enum core_status team_file_login(struct db *seller, int64_t me, char *buf,
                                        size_t n, struct core_error *err)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	enum core_status s = db_prepare(seller, "SELECT login FROM seller WHERE id = ?1",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, me);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT)
		core_utf8_copy(buf, n, (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_fail(seller, rc, "reading the seller's login", err);
	sqlite3_finalize(st);
	return s;
}

enum core_status db_team_sync(struct db *seller, struct db *team, int *changed,
                              struct core_error *err)
{
	if (changed != NULL)
		*changed = 0;
	int first = !team->have_version;
	int moved = db_changed(team);
	if (moved < 0)
		return core_error_set(err, CORE_ERR_DB, "%s: cannot tell whether the team "
		                      "file changed: %s", db_path(team),
		                      sqlite3_errmsg(team->h));
	if (!first && !moved)
		return CORE_OK;

	struct db_seller me;
	enum core_status s = db_seller_default(seller, &me, err);
	int64_t roster = -1;
	char login[CORE_TEAM_NAME_MAX];
	if (s == CORE_OK)
		s = team_file_login(seller, me.id, login, sizeof login, err);
	if (s == CORE_OK)
		s = db_team_roster_id(team, login[0] ? login : NULL, me.name, &roster, err);
	int same[SYNC_N];
	int differ = 0;
	for (size_t i = 0; s == CORE_OK && i < SYNC_N; i++) {
		s = sync_compare(seller, me.id, team, roster, &sync_tables[i], &same[i], err);
		differ |= !same[i];
	}
	if (s != CORE_OK || !differ)
		return s;
	s = db_tx_begin(seller, err);
	for (size_t i = 0; s == CORE_OK && i < SYNC_N; i++)
		if (!same[i])
			s = sync_copy(seller, me.id, team, roster, &sync_tables[i], err);
	s = db_tx_end(seller, s, err);
	if (s == CORE_OK && changed != NULL)
		*changed = 1;
	return s;
}

/* ---- opening the seller's file ---------------------------------------- */

/* A file with no seller gets the login user as its seller; the seller row
 * records the login (files made before schema 5 get it here too). */
static enum core_status team_seller_row(struct db *db, const char *login,
                                        const char *name, struct core_error *err)
{
	struct db_seller me;
	enum core_status s = db_seller_default(db, &me, err);
	if (s == CORE_ERR_NOTFOUND)
		s = db_seller_insert(db, name, &me.id, err);
	if (s != CORE_OK)
		return s;
	char have[CORE_TEAM_NAME_MAX];
	s = team_file_login(db, me.id, have, sizeof have, err);
	if (s != CORE_OK || strcmp(have, login) == 0)
		return s;
	sqlite3_stmt *st = NULL;
	s = db_tx_begin(db, err);
	if (s == CORE_OK)
		s = db_prepare(db, "UPDATE seller SET login = ?1 WHERE id = ?2", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, me.id);
		s = db_step_write(db, st, "recording the seller's login", NULL, err);
	}
	return db_tx_end(db, s, err);
}

enum core_status db_team_open(const char *dir, struct db **seller, struct db **team,
                              char *path, size_t n, struct core_error *err)
{
	*seller = NULL;
	if (team != NULL)
		*team = NULL;
	char login[CORE_TEAM_NAME_MAX], name[CORE_NAME_MAX];
	char own[PATH_MAX], shared[PATH_MAX];
	gid_t gid;
	enum core_status s = core_team_whoami(login, name, sizeof name, err);
	if (s == CORE_OK)
		s = core_team_path(own, sizeof own, dir, CORE_TEAM_SELLER_FILE, login, err);
	if (s == CORE_OK)
		s = core_team_path(shared, sizeof shared, dir, CORE_TEAM_FILE, NULL, err);
	if (s == CORE_OK)
		s = core_team_seller_dir(dir, login, &gid, err);
	if (s == CORE_OK)
		s = core_team_own_file(own, gid, err);
	struct db *mine = NULL, *theirs = NULL;
	if (s == CORE_OK)
		s = db_open(own, DB_OPEN_CREATE | DB_OPEN_TEAM, &mine, err);
	if (s == CORE_OK)
		s = team_seller_row(mine, login, name, err);
	if (s == CORE_OK)
		s = db_open(shared, DB_OPEN_READONLY, &theirs, err);
	if (s == CORE_OK)
		s = db_team_sync(mine, theirs, NULL, err);
	if (s == CORE_OK && path != NULL) {
		size_t len = strlen(own);
		if (len >= n)
			s = core_error_set(err, CORE_ERR_INPUT, "%s: the path is too long", own);
		else
			memcpy(path, own, len + 1);
	}
	if (s != CORE_OK) {
		db_close(mine);
		db_close(theirs);
		return s;
	}
	*seller = mine;
	if (team != NULL)
		*team = theirs;
	else
		db_close(theirs);
	return CORE_OK;
}
