/* Team settings: weekly visit targets, how each contact form counts as a
 * visit, and the team's own meeting-type x contact-form matrix. */
#include "db/settings.h"

#include <string.h>

#include "db/internal.h"


/* ---- targets ---------------------------------------------------------- */

enum core_status db_targets_get(struct db *db, int64_t seller_id,
                                struct core_targets *out, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_stmt(db, DB_Q_TARGETS,
	                             "SELECT seller_id, battlefield, visits FROM target "
	                             "WHERE seller_id IN (0, ?1)", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	int own[CORE_BF_COUNT] = { 0 };
	memset(out, 0, sizeof *out);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum core_battlefield bf;
		/* A battlefield this build does not know is not ours to count. */
		if (core_battlefield_parse(db_column_text(st, 1), &bf) != 0)
			continue;
		int mine = sqlite3_column_int64(st, 0) != 0;
		double v = sqlite3_column_double(st, 2);
		if (!(v >= 0.0 && v <= DB_TARGET_MAX))  /* also NaN */
			v = 0.0;
		/* The seller's own row wins over the team default. */
		if (mine || !own[bf]) {
			out->visits[bf] = v;
			own[bf] = mine;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the targets", err);
	return CORE_OK;
}

/* Steps a bound write to its end and finalizes it. */
static enum core_status settings_step(struct db *db, sqlite3_stmt *st, const char *what,
                                      struct core_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CORE_OK : db_fail(db, rc, what, err);
}

enum core_status db_target_write(struct db *db, int64_t seller_id,
                                 enum core_battlefield bf, const double *visits,
                                 struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = visits != NULL
		? db_prepare(db, "INSERT INTO target(seller_id, battlefield, visits) "
		             "VALUES (?1, ?2, ?3) ON CONFLICT (seller_id, battlefield) "
		             "DO UPDATE SET visits = excluded.visits", &st, err)
		: db_prepare(db, "DELETE FROM target WHERE seller_id = ?1 AND battlefield = ?2",
		             &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(st, 1, seller_id);
	sqlite3_bind_text(st, 2, core_battlefield_key(bf), -1, SQLITE_STATIC);
	if (visits != NULL)
		sqlite3_bind_double(st, 3, *visits);
	return settings_step(db, st, "saving a target", err);
}

/* A seller's targets need the seller (seller 0 is the team default). */
static enum core_status settings_seller_check(struct db *db, int64_t seller_id,
                                              struct core_error *err)
{
	sqlite3_stmt *q;
	enum core_status s = db_prepare(db, "SELECT 1 FROM seller WHERE id = ?1", &q, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_int64(q, 1, seller_id);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		return core_error_set(err, CORE_ERR_INPUT, "no seller with id %lld",
		                      (long long)seller_id);
	return rc == SQLITE_ROW ? CORE_OK : db_fail(db, rc, "saving the setting", err);
}

enum core_status db_target_set(struct db *db, int64_t seller_id,
                               enum core_battlefield bf, double visits,
                               struct core_error *err)
{
	if ((unsigned)bf >= CORE_BF_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose a battlefield");
	if (!(visits >= 0.0 && visits <= DB_TARGET_MAX))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "a target must be from 0 to %g visits a week", DB_TARGET_MAX);
	if (seller_id < 0)
		return core_error_set(err, CORE_ERR_INPUT, "no seller with id %lld",
		                      (long long)seller_id);
	enum core_status s = db_tx_begin(db, err);
	if (s == CORE_OK && seller_id != 0)
		s = settings_seller_check(db, seller_id, err);
	if (s == CORE_OK)
		s = db_target_write(db, seller_id, bf, &visits, err);
	return db_tx_end(db, s, err);
}

/* ---- form weights ----------------------------------------------------- */

enum core_status db_form_weights_get(struct db *db, struct core_form_weights *out,
                                     struct core_error *err)
{
	core_form_weights_default(out);
	sqlite3_stmt *st;
	enum core_status s = db_stmt(db, DB_Q_WEIGHTS,
	                             "SELECT form, weight FROM form_weight", &st, err);
	if (s != CORE_OK)
		return s;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum core_form f;
		if (core_form_parse(db_column_text(st, 0), &f) != 0)
			continue;  /* a form this build does not know counts for nothing */
		int type = sqlite3_column_type(st, 1);
		double w = sqlite3_column_double(st, 1);
		if ((type != SQLITE_INTEGER && type != SQLITE_FLOAT) ||
		    !(w >= 0.0 && w <= DB_WEIGHT_MAX)) {
			s = core_error_set(err, CORE_ERR_DB,
			                   "%s: the weight of the %s form is '%s', not a number "
			                   "from 0 to %g (fix it with: pipebench settings weight "
			                   "%s W)", db->path, core_form_key(f),
			                   db_column_text(st, 1), DB_WEIGHT_MAX, core_form_key(f));
			sqlite3_reset(st);
			return s;
		}
		out->w[f] = w;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the form weights", err);
	return CORE_OK;
}

enum core_status db_form_weight_write(struct db *db, enum core_form f, double w,
                                      struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"INSERT INTO form_weight(form, weight) VALUES (?1, ?2) "
		"ON CONFLICT (form) DO UPDATE SET weight = excluded.weight", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, core_form_key(f), -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 2, w);
	return settings_step(db, st, "saving a form weight", err);
}

enum core_status db_form_weight_set(struct db *db, enum core_form f, double w,
                                    struct core_error *err)
{
	if ((unsigned)f >= CORE_FORM_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "choose a contact form");
	if (!(w >= 0.0 && w <= DB_WEIGHT_MAX))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "a weight must be from 0 to %g", DB_WEIGHT_MAX);
	enum core_status s = db_tx_begin(db, err);
	if (s == CORE_OK)
		s = db_form_weight_write(db, f, w, err);
	return db_tx_end(db, s, err);
}

/* ---- the matrix ------------------------------------------------------- */

/* The column of each form in the queries below. */
static const int matrix_col[CORE_FORM_COUNT] = {
	[CORE_FORM_PHYSICAL] = 4,
	[CORE_FORM_HYBRID] = 5,
	[CORE_FORM_VIRTUAL] = 6,
	[CORE_FORM_PHONE] = 7,
};

static enum core_status matrix_row(struct db *db, sqlite3_stmt *st,
                                   struct core_meeting_type *t, struct core_error *err)
{
	long long pos = sqlite3_column_int64(st, 0);
	const char *key = db_column_text(st, 1);
	if (key[0] == '\0' || strlen(key) >= sizeof t->key)
		return core_error_set(err, CORE_ERR_DB,
		                      "%s: the team's matrix: the meeting type at position "
		                      "%lld has %s key", db->path, pos,
		                      key[0] == '\0' ? "an empty" : "a too long");
	memset(t, 0, sizeof *t);
	memcpy(t->key, key, strlen(key) + 1);
	core_utf8_copy(t->label, sizeof t->label, db_column_text(st, 2));
	core_utf8_copy(t->brief, sizeof t->brief, db_column_text(st, 3));
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		const char *text = db_column_text(st, matrix_col[f]);
		if (core_rating_parse(text, &t->rating[f]) != 0)
			return core_error_set(err, CORE_ERR_DB,
			                      "%s: the team's matrix: meeting type '%s', form %s: "
			                      "'%s' is not a rating (fix it with: pipebench "
			                      "matrix load FILE, or matrix reset)", db->path,
			                      t->key, core_form_key((enum core_form)f), text);
	}
	return CORE_OK;
}

enum core_status db_matrix_get(struct db *db, struct core_matrix *out,
                               int *from_db, struct core_error *err)
{
	if (from_db != NULL)
		*from_db = 0;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db,
		"SELECT position, key, label, brief, physical, hybrid, virtual, phone "
		"FROM matrix_type ORDER BY position", &st, err);
	if (s != CORE_OK)
		return s;
	out->n_types = 0;
	int rc = SQLITE_DONE;
	while (s == CORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n_types == CORE_MATRIX_MAX_TYPES)
			s = core_error_set(err, CORE_ERR_DB,
			                   "%s: the team's matrix has more than %d meeting types",
			                   db->path, CORE_MATRIX_MAX_TYPES);
		else
			s = matrix_row(db, st, &out->types[out->n_types++], err);
	}
	sqlite3_finalize(st);
	if (s != CORE_OK)
		return s;
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the team's matrix", err);
	if (out->n_types == 0)
		return core_matrix_default(out, err);
	if (from_db != NULL)
		*from_db = 1;
	return CORE_OK;
}

enum core_status db_matrix_check(const struct core_matrix *m, struct core_error *err)
{
	if (m->n_types < 0 || m->n_types > CORE_MATRIX_MAX_TYPES)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "a matrix has 0 to %d meeting types, not %d",
		                      CORE_MATRIX_MAX_TYPES, m->n_types);
	for (int i = 0; i < m->n_types; i++) {
		const struct core_meeting_type *t = &m->types[i];
		size_t klen = strnlen(t->key, sizeof t->key);
		if (klen == 0 || klen == sizeof t->key ||
		    strnlen(t->label, sizeof t->label) == sizeof t->label ||
		    strnlen(t->brief, sizeof t->brief) == sizeof t->brief)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "meeting type %d of the matrix has no valid key",
			                      i + 1);
		for (int f = 0; f < CORE_FORM_COUNT; f++)
			if ((unsigned)t->rating[f] >= CORE_RATING_COUNT)
				return core_error_set(err, CORE_ERR_INPUT,
				                      "meeting type '%s': invalid rating for %s",
				                      t->key, core_form_key((enum core_form)f));
		for (int j = 0; j < i; j++)
			if (strcmp(m->types[j].key, t->key) == 0)
				return core_error_set(err, CORE_ERR_INPUT,
				                      "meeting type '%s' is in the matrix twice",
				                      t->key);
	}
	return CORE_OK;
}

enum core_status db_matrix_write(struct db *db, const struct core_matrix *m,
                                 struct core_error *err)
{
	enum core_status s = db_exec(db, "DELETE FROM matrix_type", err);
	for (int i = 0; m != NULL && s == CORE_OK && i < m->n_types; i++) {
		const struct core_meeting_type *t = &m->types[i];
		sqlite3_stmt *st;
		s = db_prepare(db,
			"INSERT INTO matrix_type(position, key, label, brief, physical, hybrid, "
			"virtual, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err);
		if (s != CORE_OK)
			break;
		sqlite3_bind_int(st, 1, i + 1);
		sqlite3_bind_text(st, 2, t->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t->label, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, t->brief, -1, SQLITE_STATIC);
		for (int f = 0; f < CORE_FORM_COUNT; f++)
			sqlite3_bind_text(st, matrix_col[f] + 1, core_rating_key(t->rating[f]),
			                  -1, SQLITE_STATIC);
		s = settings_step(db, st, "saving the matrix", err);
	}
	return s;
}

enum core_status db_matrix_set(struct db *db, const struct core_matrix *m,
                               struct core_error *err)
{
	enum core_status s = db_matrix_check(m, err);
	if (s == CORE_OK)
		s = db_tx_begin(db, err);
	if (s != CORE_OK)
		return s;
	s = db_matrix_write(db, m, err);
	return db_tx_end(db, s, err);
}
