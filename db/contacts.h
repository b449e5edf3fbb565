#ifndef DB_CONTACTS_H
#define DB_CONTACTS_H
/* An account's contacts (its buying centre) and the participants of a
 * meeting.  Every write is one BEGIN IMMEDIATE transaction: all or
 * nothing.
 *
 * Roles: a role that core_role_parse knows is stored as its key
 * ("Decision maker" -> "decision_maker"); any other text is kept as the
 * team's own role (a CRM brings its own words, and refusing them would
 * lose data), it just covers no role of the vocabulary
 * (core_buying_coverage). */

#include <stddef.h>
#include <stdint.h>

#include "core/buying.h"
#include "core/error.h"
#include "db/conn.h"

/* The account's contacts by name (case and æøå folded), each with
 * last_met and last_met_in_person from the held meetings it took part in.
 * One query.  *out is malloc'd (NULL when *n is 0); the caller frees it.
 * An account without contacts, or none at all, gives *n 0. */
enum core_status db_contact_list(struct db *db, int64_t account_id,
                                 struct core_contact **out, size_t *n,
                                 struct core_error *err);
/* One contact with its last_met fields; CORE_ERR_NOTFOUND if there is none. */
enum core_status db_contact_get(struct db *db, int64_t id, struct core_contact *out,
                                struct core_error *err);

/* Validates and stores c (c->id ignored): the account must exist, the
 * name is required (blanks around it removed); text fields must be
 * NUL-terminated in their buffers.  On success sets c->id and rewrites
 * c's text as stored (trimmed, role normalised); on failure c is as it
 * was.  last_met fields are not stored: they come from the meetings. */
enum core_status db_contact_insert(struct db *db, struct core_contact *c,
                                   struct core_error *err);
/* Rewrites name, email, phone, role and level of contact c->id, checked as
 * for insert.  A contact stays with its account (its meetings are that
 * account's): c->account_id is set to the stored one, not written. */
enum core_status db_contact_update(struct db *db, struct core_contact *c,
                                   struct core_error *err);

/* Adds the contact to the meeting's participants (already there: no
 * change).  A contact of another account than the meeting's is
 * CORE_ERR_INPUT; a missing meeting or contact CORE_ERR_NOTFOUND. */
enum core_status db_participant_add(struct db *db, int64_t meeting_id,
                                    int64_t contact_id, struct core_error *err);
/* Removes it; not a participant: CORE_ERR_NOTFOUND. */
enum core_status db_participant_remove(struct db *db, int64_t meeting_id,
                                       int64_t contact_id, struct core_error *err);
/* The meeting's participants by name, as db_contact_list (with last_met).
 * *out is malloc'd (NULL when *n is 0); the caller frees it. */
enum core_status db_participant_list(struct db *db, int64_t meeting_id,
                                     struct core_contact **out, size_t *n,
                                     struct core_error *err);

#endif
