#ifndef DB_PREP_H
#define DB_PREP_H
/* A meeting's preparation (purpose, agenda, business pains), its minutes,
 * and the ticked items of its preparation checklist.  Every write is one
 * BEGIN IMMEDIATE transaction that happens whole or not at all; texts are
 * checked (core_prep_check, core_minutes_check) before the transaction
 * starts, so a refused text writes nothing.  A meeting that does not exist
 * is CORE_ERR_NOTFOUND. */

#include <stdint.h>

#include "core/checklist.h"
#include "core/domain.h"
#include "core/error.h"
#include "core/minutes.h"
#include "db/conn.h"

/* Fills *out (need not be initialized; it is overwritten).  On success the
 * caller owns the texts and frees them with core_prep_free; on failure *out
 * holds none.  Text read back is cleaned (core_note_clean): a hand-edited
 * row cannot hand the screen bytes it cannot draw. */
enum core_status db_prep_get(struct db *db, int64_t meeting_id, struct core_prep *out,
                             struct core_error *err);
/* Stores all three texts (NULL ones as empty). */
enum core_status db_prep_set(struct db *db, int64_t meeting_id,
                             const struct core_prep *p, struct core_error *err);

/* As db_prep_get.  A meeting without minutes yet gives empty texts and
 * updated_at 0. */
enum core_status db_minutes_get(struct db *db, int64_t meeting_id,
                                struct core_minutes *out, struct core_error *err);
/* Stores the four texts and, in the same transaction, marks the meeting
 * held if it was planned: minutes are written after the meeting took
 * place.  A held meeting stays held; a cancelled one stays cancelled and
 * its minutes are still saved, because a seller notes why a meeting was
 * called off and what comes next, and nothing typed may be lost.  Sets
 * m->updated_at; *status (may be NULL) gets the meeting's status after the
 * save. */
enum core_status db_minutes_save(struct db *db, int64_t meeting_id,
                                 struct core_minutes *m, enum core_mstatus *status,
                                 struct core_error *err);

/* Sets the ticked flag of each item of cl from what is stored for the
 * meeting.  Ticks stored under keys that cl lacks (an item the team
 * removed, or one of another form's list) are left alone in the database
 * and come back if the item does. */
enum core_status db_checklist_read(struct db *db, int64_t meeting_id,
                                   struct core_checklist *cl, struct core_error *err);
/* Ticks (ticked != 0) or unticks the item key of the meeting's checklist;
 * doing what is already done is no error.  key must be a valid item key
 * (core_checklist_key_valid): CORE_ERR_INPUT otherwise. */
enum core_status db_checklist_tick(struct db *db, int64_t meeting_id, const char *key,
                                   int ticked, struct core_error *err);

#endif
