#ifndef DB_ACCOUNT_MEETINGS_H
#define DB_ACCOUNT_MEETINGS_H
/* What the account screen reads about one account beyond db/sellers.h and
 * db/contacts.h: its latest meetings, and the travel time to it. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/meeting.h"
#include "db/conn.h"

/* The account's latest max meetings, every seller's and every status,
 * latest first (by start, then id).  One query over the index
 * meeting_account.  Appends to *out, which the caller owns and frees with
 * core_meeting_list_free.  An unknown account gives no meetings. */
enum core_status db_meeting_list_account(struct db *db, int64_t account_id,
                                         size_t max, struct core_meeting_list *out,
                                         struct core_error *err);

/* The travel time in minutes from the seller's base to the account, as
 * stored (struct db_account has the km, not this): 0 when unknown, stored
 * as NULL or not positive, or when there is no such account. */
enum core_status db_account_travel_min(struct db *db, int64_t account_id,
                                       int *minutes, struct core_error *err);

#endif
