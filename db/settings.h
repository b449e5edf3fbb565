#ifndef DB_SETTINGS_H
#define DB_SETTINGS_H
/* Team settings kept in the database: weekly targets, form weights and the
 * team's own matrix (overriding assets/matrix.csv). */

#include <stdint.h>

#include "core/error.h"
#include "core/matrix.h"
#include "core/tally.h"
#include "db/conn.h"

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
/* Replaces the team's matrix in one transaction.  n_types 0 removes the
 * override. */
enum core_status db_matrix_set(struct db *db, const struct core_matrix *m,
                               struct core_error *err);

#endif
