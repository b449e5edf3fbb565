#ifndef DB_SETTINGS_H
#define DB_SETTINGS_H
/* Team settings kept in the database: weekly targets, form weights and the
 * team's own matrix (overriding assets/matrix.csv). */

#include <stdint.h>

#include "core/checklist.h"
#include "core/error.h"
#include "core/matrix.h"
#include "core/tally.h"
#include "db/conn.h"

/* The ranges the schema's CHECKs leave open and pipebench closes: a weekly
 * target in visits, a form's weight in visits per held meeting. */
#define DB_TARGET_MAX 100.0
#define DB_WEIGHT_MAX 10.0

/* The seller's weekly visit targets per battlefield: the seller's own row,
 * else the team default (seller NULL), else 0. */
enum core_status db_targets_get(struct db *db, int64_t seller_id,
                                struct core_targets *out, struct core_error *err);
/* seller_id 0 sets the team default. */
enum core_status db_target_set(struct db *db, int64_t seller_id,
                               enum core_battlefield bf, double visits,
                               struct core_error *err);

/* Stored weights, else core_form_weights_default(). */
enum core_status db_form_weights_get(struct db *db, struct core_form_weights *out,
                                     struct core_error *err);
enum core_status db_form_weight_set(struct db *db, enum core_form f, double w,
                                    struct core_error *err);

/* The team's matrix when one is stored, else the default asset.  *from_db
 * (may be NULL) tells which. */
enum core_status db_matrix_get(struct db *db, struct core_matrix *out,
                               int *from_db, struct core_error *err);
/* CORE_OK when m can be stored as a team's matrix: 0 to
 * CORE_MATRIX_MAX_TYPES types, each with a unique non-empty key, texts that
 * fit, a known rating per form; else CORE_ERR_INPUT saying which. */
enum core_status db_matrix_check(const struct core_matrix *m, struct core_error *err);
/* Replaces the team's matrix in one transaction.  n_types 0 removes the
 * override. */
enum core_status db_matrix_set(struct db *db, const struct core_matrix *m,
                               struct core_error *err);

/* The 4D warning's threshold (core/fourd.h): the week warns when more than
 * this whole percent of its meetings are Delivery.  Kept in table setting
 * under "delivery_share_warn".  Get: the stored value, else
 * CORE_FOURD_THRESHOLD_DEFAULT (50); a stored value that is not a whole
 * number from 1 to 100 is CORE_ERR_DB naming it and the command that fixes
 * it.  Set: 1..100, else CORE_ERR_INPUT.  Defined in db/fourd_setting.c. */
enum core_status db_fourd_threshold_get(struct db *db, int *out,
                                        struct core_error *err);
enum core_status db_fourd_threshold_set(struct db *db, int percent,
                                        struct core_error *err);

/* The preparation checklist of a contact form: the team's own (stored as
 * the text of a checklist file, table checklist), else the asset.
 * *from_db (may be NULL) tells which.  A stored text that no longer parses
 * is CORE_ERR_INPUT naming "PATH: the team's FORM checklist:LINE:COLUMN".
 * Set: text (len bytes) is parsed first, with filename in its messages,
 * and stored only when it parses; text NULL goes back to the asset.
 * Defined in db/checklist_setting.c. */
enum core_status db_checklist_get(struct db *db, enum core_form form,
                                  struct core_checklist *out, int *from_db,
                                  struct core_error *err);
enum core_status db_checklist_set(struct db *db, enum core_form form, const char *text,
                                  size_t len, const char *filename,
                                  struct core_error *err);

#endif
