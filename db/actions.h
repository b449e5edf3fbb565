#ifndef DB_ACTIONS_H
#define DB_ACTIONS_H
/* Follow-up actions: the writes the minutes and follow-ups screens make,
 * and the lists they show.  Every write is one BEGIN IMMEDIATE
 * transaction that is checked whole before anything is written: on any
 * error nothing is saved.  Lists are appended to the caller's *out, which
 * the caller owns and frees with core_action_list_free. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/followup.h"
#include "db/conn.h"

/* The action id with its account, meeting and owner names filled in. */
enum core_status db_action_get(struct db *db, int64_t id, struct core_action *out,
                               struct core_error *err);

/* Stores a new action from a->meeting_id (0: none), a->account_id,
 * a->seller_id, a->text, a->owner_contact_id (0: us), a->due and a->done.
 * With a meeting, an account_id or seller_id of 0 is taken from it; an
 * account that is not the meeting's is refused.  Checked (CORE_ERR_INPUT):
 * the text is not empty once the blanks around it are gone, is valid
 * UTF-8 and at most 2000 bytes; the due day is in 0001..9999; the seller,
 * the account and the meeting exist; the owner is a contact at the
 * account.  The text is stored without the blanks around it.  On success
 * *a is the row as stored (id, names, done_at, updated_at); on failure a
 * is left as it was. */
enum core_status db_action_insert(struct db *db, struct core_action *a,
                                  struct core_error *err);

/* Rewrites the text, owner and due day of the action a->id, checked as
 * for db_action_insert against the action's stored account; its meeting,
 * account, seller and done state stay.  A missing id is CORE_ERR_NOTFOUND.
 * On success *a is the row as stored. */
enum core_status db_action_update(struct db *db, struct core_action *a,
                                  struct core_error *err);

/* Marks the action done (done_at = now) or open again (done_at NULL) and
 * bumps updated_at.  Marking a done action done keeps its first done_at,
 * so a key pressed twice does not move it. */
enum core_status db_action_set_done(struct db *db, int64_t id, int done,
                                    struct core_error *err);

enum core_status db_action_delete(struct db *db, int64_t id, struct core_error *err);

/* Every action of the meeting, open and done, ordered by id (the order
 * they were agreed in). */
enum core_status db_action_list_meeting(struct db *db, int64_t meeting_id,
                                        struct core_action_list *out,
                                        struct core_error *err);

/* The seller's open actions in the order of core_action_sort (overdue,
 * this week, later; by due, account, id).  account_id 0 is any account;
 * battlefield -1 is any, else an enum core_battlefield: only actions whose
 * meeting is of that battlefield (so none without a meeting). */
enum core_status db_action_list_open(struct db *db, int64_t seller_id,
                                     int64_t account_id, int battlefield,
                                     struct core_action_list *out,
                                     struct core_error *err);

/* How many of the seller's open actions are due before today: one count
 * over the index action_open, for the week view's status line. */
enum core_status db_action_overdue_count(struct db *db, int64_t seller_id,
                                         int64_t today, int64_t *count,
                                         struct core_error *err);

/* Saves the action list of a meeting's minutes screen in one transaction:
 * an item with id 0 is inserted, an item with an id rewrites that action
 * (text, owner, due and done; done_at kept when it stays done), and the
 * meeting's actions not among the items are deleted.  Items belong to the
 * meeting: their meeting_id is ignored, their account_id must be 0 or the
 * meeting's, and their seller is the meeting's; an id that is not one of
 * the meeting's actions, or given twice, is CORE_ERR_INPUT.  Each item is
 * checked as for db_action_insert; the first bad one names its position
 * (1-based) and nothing is saved.  Read the result back with
 * db_action_list_meeting. */
enum core_status db_action_replace_for_meeting(struct db *db, int64_t meeting_id,
                                               const struct core_action *items,
                                               size_t n, struct core_error *err);

#endif
