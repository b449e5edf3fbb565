/* The manager's review: reading every seller's file of a team, read-only. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "db/review.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/team.h"
#include "core/utf8.h"
#include "db/actions.h"
#include "db/handover.h"
#include "db/internal.h"
#include "db/sellers.h"
#include "db/settings.h"
#include "db/team.h"

enum core_status db_review_team_read(struct db *team, struct db_review_team *out,
                                     struct core_error *err)
{
	enum core_status st = db_form_weights_get(team, &out->weights, err);
	if (st == CORE_OK)
		st = db_fourd_threshold_get(team, &out->threshold, err);
	return st;
}

/* The targets the team file gives the seller with that login (else that
 * name): their roster row's, else the team default (as db_team_sync copies
 * them). */
static enum core_status review_targets(struct db *team, const char *login,
                                       const char *name, struct core_targets *out,
                                       struct core_error *err)
{
	int64_t roster = -1;
	enum core_status s = db_team_roster_id(team, login[0] ? login : NULL, name,
	                                       &roster, err);
	if (s == CORE_OK)
		s = db_targets_get(team, roster > 0 ? roster : 0, out, err);
	return s;
}

/* The latest updated_at of anything the seller keeps; 0 when nothing. */
static enum core_status review_changed(struct db *db, int64_t *out,
                                       struct core_error *err)
{
	/* Each max() is one index probe where there is an index on
	 * updated_at (meetings and actions, the big tables). */
	static const char sql[] =
		"SELECT max(coalesce((SELECT max(updated_at) FROM meeting), 0),"
		" coalesce((SELECT max(updated_at) FROM action), 0),"
		" coalesce((SELECT max(updated_at) FROM account), 0),"
		" coalesce((SELECT max(updated_at) FROM contact), 0),"
		" coalesce((SELECT max(updated_at) FROM minutes), 0))";
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, sql, &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		s = db_fail(db, rc, "reading the last change", err);
	sqlite3_finalize(st);
	return s;
}

/* Takes the accounts in gone (n) out of the week and the overdue count:
 * they are another seller's since that seller's file has the receipt
 * (db/handover.h), whatever this file still holds. */
static enum core_status review_drop_gone(struct db *seller, int64_t me, int64_t today,
                                         const int64_t *gone, size_t n,
                                         struct db_week *w, int64_t *overdue,
                                         struct core_error *err)
{
	size_t kept = 0;
	for (size_t i = 0; i < w->meetings.n; i++) {
		int drop = 0;
		for (size_t j = 0; j < n && !drop; j++)
			drop = w->meetings.items[i].account_id == gone[j];
		if (!drop)
			w->meetings.items[kept++] = w->meetings.items[i];
	}
	w->meetings.n = kept;
	sqlite3_stmt *st = NULL;
	enum core_status s = db_prepare(seller, "SELECT count(*) FROM action WHERE seller_id = ?1 "
	                                "AND done_at IS NULL AND due < ?2 AND account_id = ?3",
	                                &st, err);
	for (size_t j = 0; s == CORE_OK && j < n; j++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, me);
		sqlite3_bind_int64(st, 2, today);
		sqlite3_bind_int64(st, 3, gone[j]);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*overdue -= sqlite3_column_int64(st, 0);
		else
			s = db_fail(seller, rc, "counting the follow-ups", err);
	}
	sqlite3_finalize(st);
	return s;
}

enum core_status db_review_seller_read(struct db *seller, struct db *team,
                                       const struct db_review_team *t, const char *dir,
                                       struct core_isoweek week, int64_t today,
                                       struct db_week *scratch,
                                       struct core_review_row *row,
                                       struct core_error *err)
{
	row->ok = 0;
	struct db_seller me;
	enum core_status st = db_seller_default(seller, &me, err);
	if (st == CORE_ERR_NOTFOUND)
		return core_error_set(err, CORE_ERR_NOTFOUND, "%s: no seller in the file yet",
		                      db_path(seller));
	if (st != CORE_OK)
		return st;
	core_utf8_copy(row->name, sizeof row->name, me.name);
	struct core_targets targets;
	st = db_week_load(seller, me.id, week, scratch, err);
	if (st == CORE_OK)
		st = review_targets(team, row->login, me.name, &targets, err);
	if (st == CORE_OK)
		st = db_action_overdue_count(seller, me.id, today, &row->overdue, err);
	if (st == CORE_OK)
		st = review_changed(seller, &row->changed_at, err);
	int64_t *gone = NULL;
	size_t ngone = 0;
	if (st == CORE_OK)
		st = db_handover_gone(seller, dir, &gone, &ngone, err);
	if (st == CORE_OK && ngone > 0)
		st = review_drop_gone(seller, me.id, today, gone, ngone, scratch,
		                      &row->overdue, err);
	free(gone);
	if (st != CORE_OK)
		return st;
	/* The week again with the team's weights and targets: the seller's
	 * copy of them is only as fresh as the seller's last open. */
	core_tally_week(scratch->meetings.items, scratch->meetings.n, &targets,
	                &t->weights, &row->tally);
	core_fourd_check(&row->tally, t->threshold, &row->fourd);
	row->ok = 1;
	return CORE_OK;
}

/* ---- the whole team ------------------------------------------------------ */

/* One row per DIR/sellers/LOGIN directory (not a link), by login. */
static enum core_status review_list(const char *dir, struct db_review *out,
                                    struct core_error *err)
{
	char (*logins)[CORE_TEAM_NAME_MAX];
	size_t n;
	enum core_status st = core_team_logins(dir, &logins, &n, err);
	if (st != CORE_OK)
		return st;
	if (n > 0) {
		out->rows = calloc(n, sizeof *out->rows);
		if (out->rows == NULL)
			st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; st == CORE_OK && i < n; i++) {
		struct core_review_row *r = &out->rows[out->n++];
		core_utf8_copy(r->login, sizeof r->login, logins[i]);
		core_utf8_copy(r->name, sizeof r->name, logins[i]);
	}
	free(logins);
	return st;
}

/* The row's reason: the message without the path it starts with (the
 * row already names the seller). */
static void review_reason(struct core_review_row *r, const char *path,
                          const struct core_error *e)
{
	const char *msg = e->msg[0] ? e->msg : "cannot be read";
	size_t len = strlen(path);
	if (strncmp(msg, path, len) == 0 && msg[len] == ':' && msg[len + 1] == ' ')
		msg += len + 2;
	core_utf8_copy(r->reason, sizeof r->reason, msg);
	r->ok = 0;
}

/* ---- the live review ----------------------------------------------------- */

/* A seller's commit holds the file's lock for milliseconds; longer than
 * this, the row is retried on the next refresh instead. */
#define REVIEW_BUSY_MS 150
/* review --print: as long as the connection settings' default. */
#define REVIEW_ONCE_BUSY_MS 5000

struct review_file {
	struct db *db;       /* open read-only, or NULL: the row says why */
	int dirty;           /* committed to since its row was read */
	int tried;           /* seen holds the file as it last failed to open */
	int handing;         /* has accounts frozen for a hand-over: whether they
	                        are still this seller's depends on the receiver's
	                        file, so the row is reread when another changes */
	struct stat seen;
};

struct db_review_live {
	char dir[PATH_MAX];
	struct db *team;
	struct db_review_team t;
	int64_t today;
	struct db_review view;       /* rows by login */
	struct review_file *files;   /* parallel to view.rows */
	struct db_week scratch;
};

static int review_same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtime == b->st_mtime && a->st_ctime == b->st_ctime &&
	       a->st_mode == b->st_mode;
}

/* Opens row i's file when it is not open.  A file that failed before and
 * has not changed since is not tried again (force: it is).  Returns 1
 * when the row changed. */
static int live_file_open(struct db_review_live *l, size_t i, int force)
{
	struct review_file *f = &l->files[i];
	struct core_review_row *r = &l->view.rows[i];
	char path[PATH_MAX];
	struct core_error why = { CORE_OK, "" };
	struct stat sb;
	memset(&sb, 0, sizeof sb);
	if (core_team_path(path, sizeof path, l->dir, CORE_TEAM_SELLER_FILE, r->login,
	                   &why) != CORE_OK)
		path[0] = '\0';
	else if (lstat(path, &sb) != 0)
		core_error_set(&why, CORE_ERR_IO, "no seller.db yet (%s)", strerror(errno));
	else if (!S_ISREG(sb.st_mode))
		core_error_set(&why, CORE_ERR_INPUT, "seller.db is not a regular file");
	if (!force && f->tried && review_same_file(&sb, &f->seen) && r->reason[0] != '\0')
		return 0;
	if (why.code == CORE_OK &&
	    db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &f->db, &why) == CORE_OK) {
		db_set_busy_timeout(f->db, REVIEW_BUSY_MS);
		/* Records the version: later commits show as changes. */
		db_changed(f->db);
		f->dirty = 1;
		f->tried = 0;
		return 0;
	}
	f->db = NULL;
	f->tried = 1;
	f->seen = sb;
	review_reason(r, path, &why);
	return 1;
}

static enum core_status live_handing(struct review_file *f, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(f->db, "SELECT EXISTS (SELECT 1 FROM handover "
	                                "WHERE dir = 'out' AND state = 'frozen')", &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		f->handing = sqlite3_column_int(st, 0);
	else
		s = db_fail(f->db, rc, "reading the hand-overs", err);
	sqlite3_finalize(st);
	return s;
}

/* Rereads row i from its open file.  Only the team file failing or out of
 * memory is an error; a busy file keeps its row and stays dirty. */
static enum core_status live_row_read(struct db_review_live *l, size_t i,
                                      int *changed, struct core_error *err)
{
	struct review_file *f = &l->files[i];
	struct core_review_row row = l->view.rows[i];
	struct core_error why = { CORE_OK, "" };
	enum core_status st = db_review_seller_read(f->db, l->team, &l->t, l->dir, l->view.week,
	                                            l->today, &l->scratch, &row, &why);
	if (st == CORE_ERR_NOMEM)
		return core_error_set(err, st, "%s", why.msg);
	if (st != CORE_OK &&
	    strncmp(why.msg, db_path(l->team), strlen(db_path(l->team))) == 0)
		return core_error_set(err, st, "%s", why.msg);
	if (st == CORE_ERR_BUSY)
		return CORE_OK;
	f->dirty = 0;
	if (st == CORE_OK)
		st = live_handing(f, err);
	if (st != CORE_OK) {
		char path[PATH_MAX];
		core_utf8_copy(path, sizeof path, db_path(f->db));
		review_reason(&row, path, &why);
		/* Still waiting for the seller's first run: the version
		 * changes when they start.  Anything else is reopened when
		 * the file changes. */
		if (st != CORE_ERR_NOTFOUND) {
			lstat(path, &f->seen);
			f->tried = 1;
			db_close(f->db);
			f->db = NULL;
		}
	}
	if (memcmp(&row, &l->view.rows[i], sizeof row) != 0) {
		l->view.rows[i] = row;
		*changed = 1;
	}
	return CORE_OK;
}

/* Lists DIR/sellers again and merges it with the rows (both by login):
 * new sellers get a row, gone ones lose theirs. */
static enum core_status live_rescan(struct db_review_live *l, int *changed,
                                    struct core_error *err)
{
	struct db_review listed;
	memset(&listed, 0, sizeof listed);
	enum core_status st = review_list(l->dir, &listed, err);
	struct review_file *files = NULL;
	if (st == CORE_OK && listed.n > 0 &&
	    (files = calloc(listed.n, sizeof *files)) == NULL)
		st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	if (st != CORE_OK) {
		db_review_free(&listed);
		return st;
	}
	size_t i = 0, j = 0, n = l->view.n;
	while (i < n || j < listed.n) {
		int cmp = i == n ? 1 : j == listed.n ? -1
		          : strcmp(l->view.rows[i].login, listed.rows[j].login);
		if (cmp < 0) {
			db_close(l->files[i++].db);
			*changed = 1;
		} else if (cmp > 0) {
			j++;
			*changed = 1;
		} else {
			listed.rows[j] = l->view.rows[i];
			files[j++] = l->files[i++];
		}
	}
	free(l->files);
	free(l->view.rows);
	l->files = files;
	l->view.rows = listed.rows;
	l->view.n = listed.n;
	for (i = 0; i < l->view.n; i++)
		if (l->files[i].db == NULL)
			*changed |= live_file_open(l, i, 0);
	return CORE_OK;
}

enum core_status db_review_refresh(struct db_review_live *l, int flags,
                                   int *changed, struct core_error *err)
{
	enum core_status st = CORE_OK;
	if (flags & DB_REVIEW_RESCAN)
		st = live_rescan(l, changed, err);
	int all = (flags & DB_REVIEW_ALL) != 0;
	/* The manager's targets or weights: every row's numbers. */
	if (st == CORE_OK && (db_changed(l->team) != 0 || all)) {
		all = 1;
		st = db_review_team_read(l->team, &l->t, err);
		if (st == CORE_OK && l->view.threshold != l->t.threshold) {
			l->view.threshold = l->t.threshold;
			*changed = 1;
		}
	}
	int moved = 0;
	for (size_t i = 0; st == CORE_OK && i < l->view.n; i++) {
		struct review_file *f = &l->files[i];
		if (f->db == NULL && all)
			*changed |= live_file_open(l, i, 1);
		else if (f->db != NULL && (db_changed(f->db) != 0 || all))
			f->dirty = 1;
		moved |= f->dirty;
		if (f->db != NULL && f->dirty)
			st = live_row_read(l, i, changed, err);
	}
	/* A receipt in one file moves an account out of another's row. */
	for (size_t i = 0; st == CORE_OK && moved && !all && i < l->view.n; i++)
		if (l->files[i].db != NULL && l->files[i].handing)
			st = live_row_read(l, i, changed, err);
	l->view.unreadable = 0;
	for (size_t i = 0; i < l->view.n; i++)
		l->view.unreadable += !l->view.rows[i].ok;
	return st;
}

enum core_status db_review_set_week(struct db_review_live *l, struct core_isoweek week,
                                    int64_t today, struct core_error *err)
{
	int changed = 0;
	l->view.week = week;
	l->today = today;
	return db_review_refresh(l, DB_REVIEW_ALL, &changed, err);
}

const struct db_review *db_review_rows(const struct db_review_live *l)
{
	return &l->view;
}

void db_review_close(struct db_review_live *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->view.n; i++)
		db_close(l->files[i].db);
	free(l->files);
	db_review_free(&l->view);
	db_week_free(&l->scratch);
	db_close(l->team);
	free(l);
}

enum core_status db_review_open(const char *dir, struct core_isoweek week,
                                int64_t today, struct db_review_live **out,
                                struct core_error *err)
{
	*out = NULL;
	struct db_review_live *l = calloc(1, sizeof *l);
	if (l == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	l->view.week = week;
	l->today = today;
	char path[PATH_MAX];
	enum core_status st = CORE_OK;
	if (snprintf(l->dir, sizeof l->dir, "%s", dir) >= (int)sizeof l->dir)
		st = core_error_set(err, CORE_ERR_INPUT, "%s: path too long", dir);
	if (st == CORE_OK)
		st = core_team_path(path, sizeof path, dir, CORE_TEAM_FILE, NULL, err);
	if (st == CORE_OK && access(path, F_OK) != 0)
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "%s: not a team directory (no %s; the manager makes "
		                    "one with: pipebench team init DIR)", dir, path);
	if (st == CORE_OK)
		st = db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &l->team, err);
	if (st == CORE_OK) {
		db_changed(l->team);
		st = db_review_team_read(l->team, &l->t, err);
	}
	l->view.threshold = l->t.threshold;
	int changed = 0;
	if (st == CORE_OK)
		st = db_review_refresh(l, DB_REVIEW_RESCAN, &changed, err);
	if (st != CORE_OK) {
		db_review_close(l);
		return st;
	}
	*out = l;
	return CORE_OK;
}

/* One look, for --print: the live review opened and its rows kept. */
enum core_status db_review_load(const char *dir, struct core_isoweek week,
                                int64_t today, struct db_review *out,
                                struct core_error *err)
{
	struct db_review_live *l;
	enum core_status st = db_review_open(dir, week, today, &l, err);
	if (st != CORE_OK)
		return st;
	/* The live review leaves a file that was busy for the next tick; a
	 * one-shot read has no next tick, so it waits as long as any other
	 * reader would, and a file still locked after that says so. */
	for (size_t i = 0; st == CORE_OK && i < l->view.n; i++) {
		struct review_file *f = &l->files[i];
		if (f->db == NULL || !f->dirty)
			continue;
		db_set_busy_timeout(f->db, REVIEW_ONCE_BUSY_MS);
		int changed = 0;
		st = live_row_read(l, i, &changed, err);
		if (st == CORE_OK && f->dirty) {
			struct core_error why;
			core_error_set(&why, CORE_ERR_BUSY, "still locked after %d s",
			               REVIEW_ONCE_BUSY_MS / 1000);
			review_reason(&l->view.rows[i], "", &why);
		}
	}
	if (st != CORE_OK) {
		db_review_close(l);
		return st;
	}
	l->view.unreadable = 0;
	for (size_t i = 0; i < l->view.n; i++)
		l->view.unreadable += !l->view.rows[i].ok;
	*out = l->view;
	memset(&l->view, 0, sizeof l->view);
	/* The connections are by index; closed here, not by the rows. */
	for (size_t i = 0; i < out->n; i++) {
		db_close(l->files[i].db);
		l->files[i].db = NULL;
	}
	db_review_close(l);
	return CORE_OK;
}

void db_review_free(struct db_review *r)
{
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
	r->unreadable = 0;
}
