/* The manager's review: reading every seller's file of a team, read-only. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "db/review.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/team.h"
#include "core/utf8.h"
#include "db/actions.h"
#include "db/internal.h"
#include "db/sellers.h"
#include "db/settings.h"

enum core_status db_review_team_read(struct db *team, struct db_review_team *out,
                                     struct core_error *err)
{
	enum core_status st = db_form_weights_get(team, &out->weights, err);
	if (st == CORE_OK)
		st = db_fourd_threshold_get(team, &out->threshold, err);
	return st;
}

/* The targets the team file gives the seller called name: their roster
 * row's, else the team default (as db_team_sync copies them). */
static enum core_status review_targets(struct db *team, const char *name,
                                       struct core_targets *out,
                                       struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(team, "SELECT id FROM seller "
	                                "WHERE pb_fold(name) = pb_fold(?1)", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int64_t roster = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		roster = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		s = db_fail(team, rc, "reading the team's sellers", err);
	sqlite3_finalize(st);
	if (s == CORE_OK)
		s = db_targets_get(team, roster, out, err);
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

enum core_status db_review_seller_read(struct db *seller, struct db *team,
                                       const struct db_review_team *t,
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
		st = review_targets(team, me.name, &targets, err);
	if (st == CORE_OK)
		st = db_action_overdue_count(seller, me.id, today, &row->overdue, err);
	if (st == CORE_OK)
		st = review_changed(seller, &row->changed_at, err);
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

static int review_login_cmp(const void *a, const void *b)
{
	return strcmp(((const struct core_review_row *)a)->login,
	              ((const struct core_review_row *)b)->login);
}

/* One row per DIR/sellers/LOGIN directory (not a link), by login. */
static enum core_status review_list(const char *dir, struct db_review *out,
                                    struct core_error *err)
{
	char sellers[PATH_MAX], sub[PATH_MAX];
	enum core_status st = core_team_path(sellers, sizeof sellers, dir,
	                                     CORE_TEAM_SELLERS, NULL, err);
	if (st != CORE_OK)
		return st;
	DIR *d = opendir(sellers);
	if (d == NULL)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: not a team directory (%s: %s)", dir, sellers,
		                      strerror(errno));
	size_t cap = 0;
	struct dirent *e;
	while (st == CORE_OK && (e = readdir(d)) != NULL) {
		struct stat sb;
		if (!core_team_name_valid(e->d_name) ||
		    core_team_path(sub, sizeof sub, dir, CORE_TEAM_SELLER_DIR, e->d_name,
		                   NULL) != CORE_OK ||
		    lstat(sub, &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct core_review_row *grown = realloc(out->rows, ncap * sizeof *grown);
			if (grown == NULL) {
				st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
				break;
			}
			out->rows = grown;
			cap = ncap;
		}
		struct core_review_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		core_utf8_copy(r->login, sizeof r->login, e->d_name);
		core_utf8_copy(r->name, sizeof r->name, e->d_name);
	}
	closedir(d);
	if (st == CORE_OK && out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, review_login_cmp);
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

static enum core_status review_one(const char *dir, struct db *team,
                                   const struct db_review_team *t,
                                   struct core_isoweek week, int64_t today,
                                   struct db_week *scratch, struct core_review_row *r,
                                   struct core_error *err)
{
	char path[PATH_MAX];
	enum core_status st = core_team_path(path, sizeof path, dir,
	                                     CORE_TEAM_SELLER_FILE, r->login, err);
	if (st != CORE_OK)
		return st;
	struct core_error why = { CORE_OK, "" };
	struct stat sb;
	struct db *db = NULL;
	if (lstat(path, &sb) != 0)
		core_error_set(&why, CORE_ERR_IO, "no seller.db yet (%s)", strerror(errno));
	else if (!S_ISREG(sb.st_mode))
		core_error_set(&why, CORE_ERR_INPUT, "seller.db is not a regular file");
	else if (db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &db, &why) == CORE_OK) {
		st = db_review_seller_read(db, team, t, week, today, scratch, r, &why);
		db_close(db);
		/* Out of memory is ours, not the seller's file's. */
		if (st == CORE_ERR_NOMEM)
			return core_error_set(err, st, "%s", why.msg);
		/* The team file failing is the whole review's trouble. */
		if (st != CORE_OK && strncmp(why.msg, db_path(team), strlen(db_path(team))) == 0)
			return core_error_set(err, st, "%s", why.msg);
	}
	if (!r->ok)
		review_reason(r, path, &why);
	return CORE_OK;
}

enum core_status db_review_load(const char *dir, struct core_isoweek week,
                                int64_t today, struct db_review *out,
                                struct core_error *err)
{
	out->week = week;
	char path[PATH_MAX];
	struct db *team = NULL;
	struct db_review_team t;
	enum core_status st = core_team_path(path, sizeof path, dir, CORE_TEAM_FILE,
	                                     NULL, err);
	if (st == CORE_OK && access(path, F_OK) != 0)
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "%s: not a team directory (no %s; the manager makes "
		                    "one with: pipebench team init DIR)", dir, path);
	if (st == CORE_OK)
		st = db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &team, err);
	if (st == CORE_OK)
		st = db_review_team_read(team, &t, err);
	if (st == CORE_OK)
		st = review_list(dir, out, err);
	struct db_week scratch;
	memset(&scratch, 0, sizeof scratch);
	for (size_t i = 0; st == CORE_OK && i < out->n; i++) {
		st = review_one(dir, team, &t, week, today, &scratch, &out->rows[i], err);
		out->unreadable += !out->rows[i].ok;
	}
	db_week_free(&scratch);
	db_close(team);
	if (st == CORE_OK)
		out->threshold = t.threshold;
	return st;
}

void db_review_free(struct db_review *r)
{
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
	r->unreadable = 0;
}
