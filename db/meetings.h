#ifndef DB_MEETINGS_H
#define DB_MEETINGS_H
/* Meetings: the week query and the writes the week view makes.  Every write
 * is its own BEGIN IMMEDIATE transaction: all or nothing. */

#include <stdint.h>

#include "core/error.h"
#include "core/meeting.h"
#include "db/conn.h"

/* The seller's meetings with from <= starts_at < to (Unix seconds),
 * cancelled ones too, ordered by start.  Appends to *out (the caller owns
 * it and frees it with core_meeting_list_free). */
enum core_status db_meeting_range(struct db *db, int64_t seller_id,
                                  int64_t from, int64_t to,
                                  struct core_meeting_list *out,
                                  struct core_error *err);
enum core_status db_meeting_get(struct db *db, int64_t id, struct core_meeting *out,
                                struct core_error *err);
/* Validates (seller and account exist, type non-empty, duration 1..1440)
 * and inserts; sets m->id and m->updated_at.  A meeting with account_id 0
 * and a name in m->account gets that account: the one of that name,
 * ignoring case (as db_account_insert), else a new one created in the same
 * transaction, so a new account exists only if its meeting was saved.
 * m->account_id and m->account are then set to it.  On failure m is left
 * as it was. */
enum core_status db_meeting_insert(struct db *db, struct core_meeting *m,
                                   struct core_error *err);
/* Rewrites every field of the meeting m->id, with a new account found or
 * created as for db_meeting_insert; sets m->updated_at. */
enum core_status db_meeting_update(struct db *db, struct core_meeting *m,
                                   struct core_error *err);
enum core_status db_meeting_set_status(struct db *db, int64_t id,
                                       enum core_mstatus st, struct core_error *err);
/* Moves the meeting to a new start (duration unchanged). */
enum core_status db_meeting_move(struct db *db, int64_t id, int64_t starts_at,
                                 struct core_error *err);

#endif
