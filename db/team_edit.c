/* The manager's edit of the team file: every setting read in one read
 * transaction, and what the manager changed written in one write
 * transaction (db/team_edit.h). */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "db/team_edit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fourd.h"
#include "core/utf8.h"
#include "db/internal.h"
#include "db/settings.h"
#include "db/team.h"


/* ---- reading ------------------------------------------------------------ */

/* The target rows of seller_id as stored: no row is "not set". */
static enum core_status edit_targets_read(struct db *team, int64_t seller_id,
                                          struct db_team_target out[CORE_BF_COUNT],
                                          struct core_error *err)
{
	memset(out, 0, CORE_BF_COUNT * sizeof *out);
	sqlite3_stmt *st;
	enum core_status s = db_prepare(team, "SELECT battlefield, visits FROM target "
	                                "WHERE seller_id = ?1", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum core_battlefield bf;
		/* A battlefield this build does not know is not ours to edit. */
		if (core_battlefield_parse(db_column_text(st, 0), &bf) != 0)
			continue;
		int type = sqlite3_column_type(st, 1);
		double v = sqlite3_column_double(st, 1);
		/* Read as db_targets_get reads it, so the editor shows what the
		 * week counts with. */
		if ((type != SQLITE_INTEGER && type != SQLITE_FLOAT) ||
		    !(v >= 0.0 && v <= DB_TARGET_MAX))
			v = 0.0;
		out[bf].set = 1;
		out[bf].visits = v;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(team, rc, "reading the targets", err);
	return CORE_OK;
}

/* The name of roster row id into buf; left alone when there is none. */
static enum core_status edit_roster_name(struct db *team, int64_t id, char *buf,
                                         size_t n, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(team, "SELECT name FROM seller WHERE id = ?1",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && db_column_text(st, 0)[0] != '\0')
		core_utf8_copy(buf, n, db_column_text(st, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_fail(team, rc, "reading the team's sellers", err);
	sqlite3_finalize(st);
	return s;
}

static enum core_status edit_seller_read(struct db *team, const struct db_team_who *w,
                                         struct db_team_seller *out,
                                         struct core_error *err)
{
	const char *login = w->login != NULL ? w->login : "";
	if (!core_team_name_valid(login))
		return core_error_set(err, CORE_ERR_INPUT, "'%s' is not a seller's login",
		                      login);
	memcpy(out->login, login, strlen(login) + 1);
	int known = w->name != NULL && w->name[0] != '\0';
	core_utf8_copy(out->name, sizeof out->name, known ? w->name : login);
	enum core_status s = db_team_roster_id(team, login, known ? w->name : NULL,
	                                       &out->roster, err);
	/* The seller's file could not be read: the roster knows the name. */
	if (s == CORE_OK && out->roster > 0 && !known)
		s = edit_roster_name(team, out->roster, out->name, sizeof out->name, err);
	if (s == CORE_OK && out->roster > 0)
		s = edit_targets_read(team, out->roster, out->target, err);
	else
		memset(out->target, 0, sizeof out->target);
	return s;
}

void db_team_settings_free(struct db_team_settings *s)
{
	free(s->sellers);
	s->sellers = NULL;
	s->n = 0;
}

enum core_status db_team_settings_load(struct db *team, const struct db_team_who *who,
                                       size_t n, struct db_team_settings *out,
                                       struct core_error *err)
{
	memset(out, 0, sizeof *out);
	if (n > 0 && (out->sellers = calloc(n, sizeof *out->sellers)) == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	out->n = n;
	/* One read transaction: the settings as one commit left them, not
	 * half of the manager's last save. */
	enum core_status s = db_exec(team, "BEGIN", err);
	if (s == CORE_OK)
		s = edit_targets_read(team, 0, out->defaults, err);
	for (size_t i = 0; s == CORE_OK && i < n; i++)
		s = edit_seller_read(team, &who[i], &out->sellers[i], err);
	if (s == CORE_OK)
		s = db_form_weights_get(team, &out->weights, err);
	if (s == CORE_OK)
		s = db_matrix_get(team, &out->matrix, &out->own_matrix, err);
	if (s == CORE_OK)
		s = db_fourd_threshold_get(team, &out->threshold, err);
	/* Nothing was written: ending it either way only ends the read. */
	db_tx_rollback(team);
	if (s != CORE_OK)
		db_team_settings_free(out);
	return s;
}

/* ---- checking and comparing ---------------------------------------------- */

static enum core_status edit_target_check(const struct db_team_target *t,
                                          const char *who, enum core_battlefield bf,
                                          struct core_error *err)
{
	if (t->set && !(t->visits >= 0.0 && t->visits <= DB_TARGET_MAX))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s, %s: a target must be from 0 to %g visits a week",
		                      who, core_battlefield_label(bf), DB_TARGET_MAX);
	return CORE_OK;
}

enum core_status db_team_settings_check(const struct db_team_settings *s,
                                        struct core_error *err)
{
	enum core_status st = CORE_OK;
	for (int bf = 0; st == CORE_OK && bf < CORE_BF_COUNT; bf++)
		st = edit_target_check(&s->defaults[bf], "the team default",
		                       (enum core_battlefield)bf, err);
	for (size_t i = 0; st == CORE_OK && i < s->n; i++)
		for (int bf = 0; st == CORE_OK && bf < CORE_BF_COUNT; bf++)
			st = edit_target_check(&s->sellers[i].target[bf], s->sellers[i].name,
			                       (enum core_battlefield)bf, err);
	for (int f = 0; st == CORE_OK && f < CORE_FORM_COUNT; f++)
		if (!(s->weights.w[f] >= 0.0 && s->weights.w[f] <= DB_WEIGHT_MAX))
			st = core_error_set(err, CORE_ERR_INPUT,
			                    "the %s form's weight must be from 0 to %g",
			                    core_form_key((enum core_form)f), DB_WEIGHT_MAX);
	if (st == CORE_OK)
		st = db_matrix_check(&s->matrix, err);
	if (st == CORE_OK && (s->threshold < CORE_FOURD_THRESHOLD_MIN ||
	                      s->threshold > CORE_FOURD_THRESHOLD_MAX))
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "the Delivery share must be a whole percent from %d to "
		                    "%d, not %d", CORE_FOURD_THRESHOLD_MIN,
		                    CORE_FOURD_THRESHOLD_MAX, s->threshold);
	return st;
}

static int edit_target_differs(const struct db_team_target *a,
                               const struct db_team_target *b)
{
	return a->set != b->set || (a->set && a->visits != b->visits);
}

/* Ratings that differ; a meeting type that is not the same type in both
 * counts every one of its forms. */
static size_t edit_matrix_diff(const struct core_matrix *a, const struct core_matrix *b)
{
	size_t n = 0;
	int most = a->n_types > b->n_types ? a->n_types : b->n_types;
	for (int i = 0; i < most; i++) {
		if (i >= a->n_types || i >= b->n_types ||
		    strcmp(a->types[i].key, b->types[i].key) != 0) {
			n += CORE_FORM_COUNT;
			continue;
		}
		for (int f = 0; f < CORE_FORM_COUNT; f++)
			n += a->types[i].rating[f] != b->types[i].rating[f];
	}
	return n;
}

size_t db_team_settings_diff(const struct db_team_settings *a,
                             const struct db_team_settings *b)
{
	size_t n = 0;
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		n += (size_t)edit_target_differs(&a->defaults[bf], &b->defaults[bf]);
	for (size_t i = 0; i < a->n && i < b->n; i++)
		for (int bf = 0; bf < CORE_BF_COUNT; bf++)
			n += (size_t)edit_target_differs(&a->sellers[i].target[bf],
			                                 &b->sellers[i].target[bf]);
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		n += a->weights.w[f] != b->weights.w[f];
	/* Going back to the default matrix is one change when no rating
	 * moves with it. */
	size_t ratings = edit_matrix_diff(&a->matrix, &b->matrix);
	n += ratings > 0 ? ratings : (size_t)(a->own_matrix != b->own_matrix);
	n += a->threshold != b->threshold;
	return n;
}

/* ---- writing --------------------------------------------------------------- */

/* Who may write the team file is the file system's business: a refusal
 * says who can. */
static enum core_status edit_denied(struct db *team, struct core_error *err)
{
	return core_error_set(err, CORE_ERR_IO,
	                      "only the manager can change the team's settings (%s)",
	                      db_path(team));
}

/* A cell as edited: a value, or none (the team default; no target). */
static enum core_status edit_target_put(struct db *team, int64_t seller_id,
                                        enum core_battlefield bf,
                                        const struct db_team_target *t,
                                        struct core_error *err)
{
	return db_target_write(team, seller_id, bf, t->set ? &t->visits : NULL, err);
}

static enum core_status edit_seller_write(struct db *team, const struct db_team_seller *was,
                                          const struct db_team_seller *now,
                                          struct core_error *err)
{
	int any = 0;
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		any |= edit_target_differs(&was->target[bf], &now->target[bf]);
	if (!any)
		return CORE_OK;
	int64_t id = -1;
	enum core_status s = db_team_roster_ensure(team, now->login, now->name, &id, err);
	for (int bf = 0; s == CORE_OK && bf < CORE_BF_COUNT; bf++)
		if (edit_target_differs(&was->target[bf], &now->target[bf]))
			s = edit_target_put(team, id, (enum core_battlefield)bf, &now->target[bf],
			                    err);
	return s;
}

static int edit_same_sellers(const struct db_team_settings *a,
                             const struct db_team_settings *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->sellers[i].login, b->sellers[i].login) != 0)
			return 0;
	return 1;
}

enum core_status db_team_settings_save(struct db *team,
                                       const struct db_team_settings *was,
                                       const struct db_team_settings *now,
                                       struct core_error *err)
{
	if (!edit_same_sellers(was, now))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the sellers edited are not the sellers loaded");
	enum core_status s = db_team_settings_check(now, err);
	if (s != CORE_OK)
		return s;
	/* BEGIN IMMEDIATE succeeds on a file opened read-only; the first
	 * write would fail.  Said before taking the lock. */
	if (sqlite3_db_readonly(team->h, "main") == 1)
		return edit_denied(team, err);
	s = db_tx_begin(team, err);
	if (s != CORE_OK)
		return s;
	for (int bf = 0; s == CORE_OK && bf < CORE_BF_COUNT; bf++)
		if (edit_target_differs(&was->defaults[bf], &now->defaults[bf]))
			s = edit_target_put(team, 0, (enum core_battlefield)bf, &now->defaults[bf],
			                    err);
	for (size_t i = 0; s == CORE_OK && i < now->n; i++)
		s = edit_seller_write(team, &was->sellers[i], &now->sellers[i], err);
	for (int f = 0; s == CORE_OK && f < CORE_FORM_COUNT; f++)
		if (was->weights.w[f] != now->weights.w[f])
			s = db_form_weight_write(team, (enum core_form)f, now->weights.w[f], err);
	if (s == CORE_OK && (was->own_matrix != now->own_matrix ||
	                     edit_matrix_diff(&was->matrix, &now->matrix) > 0))
		s = db_matrix_write(team, now->own_matrix ? &now->matrix : NULL, err);
	if (s == CORE_OK && was->threshold != now->threshold)
		s = db_fourd_threshold_write(team, now->threshold, err);
	/* A write the file refused (nothing else has touched the connection
	 * since): said as the permission it is. */
	if (s != CORE_OK && s != CORE_ERR_NOMEM &&
	    (sqlite3_errcode(team->h) & 0xff) == SQLITE_READONLY)
		s = edit_denied(team, err);
	return db_tx_end(team, s, err);
}
