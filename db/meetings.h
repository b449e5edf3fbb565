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
/* Validates (account exists, type non-empty, duration 1..1440) and inserts;
 * sets m->id. */
enum core_status db_meeting_insert(struct db *db, struct core_meeting *m,
                                   struct core_error *err);
/* Rewrites every field of the meeting m->id. */
enum core_status db_meeting_update(struct db *db, const struct core_meeting *m,
                                   struct core_error *err);
enum core_status db_meeting_set_status(struct db *db, int64_t id,
                                       enum core_mstatus st, struct core_error *err);
/* Moves the meeting to a new start (duration unchanged). */
enum core_status db_meeting_move(struct db *db, int64_t id, int64_t starts_at,
                                 struct core_error *err);

#endif
