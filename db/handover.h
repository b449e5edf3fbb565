#ifndef DB_HANDOVER_H
#define DB_HANDOVER_H
/* Reassigning an account from one seller's file to another's.
 *
 * No process may write both files: each is its owner's alone (core/team.h),
 * and that is the point of team mode.  So a transfer is a hand-over that the
 * two sellers' own processes carry out, with exactly one commit point:
 *
 *   1. the manager records the request in the team file (db/transfer.h);
 *   2. the giver's process freezes the account in the giver's file
 *      (handover row 'out', state 'frozen'); from then on the schema's
 *      triggers refuse every change to it, pipebench's or the sqlite3
 *      shell's;
 *   3. the receiver's process copies the frozen account — contacts,
 *      meetings with their preparation, minutes, participants and checklist
 *      ticks, follow-up actions — into the receiver's file in ONE
 *      transaction that also records the receipt (handover 'in',
 *      'received').  That commit is the transfer: before it the account is
 *      the giver's, after it the receiver's;
 *   4. the giver's process sees the receipt and deletes its copy in one
 *      transaction (state 'released').
 *
 * A process killed at any step leaves its file as it was (SQLite rolls the
 * transaction back) and the next run does the step again; every step is
 * idempotent.  Between 3 and 4 the giver's file still holds a frozen copy:
 * readers of several files (the review, the team's account list) count a
 * frozen account under the receiver as soon as the receiver's file has the
 * receipt (db_handover_gone). */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "db/conn.h"

/* What one run did, for the caller to tell the seller. */
struct db_handover_result {
	int frozen;     /* accounts this file started handing over */
	int received;   /* accounts copied in */
	int released;   /* accounts whose copy here was removed */
	int refused;    /* requests that cannot be carried out (see last) */
	int waiting;    /* steps waiting for the other seller's process */
	char last[256]; /* the latest thing done, "" when nothing: "received
	                   Acme A/S from anna (12 meetings)" */
};

/* Runs every step that falls to the seller whose file is mine (login, in
 * the team at dir; team is the team file, read-only): freezes what the
 * manager asked this seller to give, copies in what the giver has frozen
 * for this seller, removes what the receiver has received.  Each step is its
 * own transaction.  A giver's or receiver's file that cannot be read yet
 * (never opened, busy, from another schema) is waiting, not an error; only
 * this seller's own file failing is.  *r is filled (zeroed first). */
enum core_status db_handover_run(struct db *mine, struct db *team, const char *dir,
                                 const char *login, struct db_handover_result *r,
                                 struct core_error *err);

/* The accounts of the seller file db (the seller login, in the team at dir)
 * that are frozen for a hand-over the receiver has already received: they
 * are no longer this seller's, whatever the file still holds.  *ids is
 * malloc'd (NULL when *n is 0), the caller frees it.  A receiver's file
 * that cannot be read counts as not received. */
enum core_status db_handover_gone(struct db *db, const char *dir, int64_t **ids,
                                  size_t *n, struct core_error *err);

/* One side of a transfer as a seller's file records it. */
struct db_handover_side {
	char state[16];      /* "" when the file has no row for the token, else
	                        "frozen", "released", "received" or "refused" */
	char note[128];      /* why it was refused, else "" */
	int64_t meetings;    /* the account's meetings when frozen or received */
};

enum core_status db_handover_side(struct db *db, const char *token,
                                  struct db_handover_side *out, struct core_error *err);

/* Another seller's file in the team at dir, read-only with a short busy
 * timeout, or NULL when it cannot be opened yet (never opened by its
 * owner, a newer schema, a hot journal only its owner may roll back).
 * The caller closes it. */
struct db *db_handover_peer_open(const char *dir, const char *login);

#endif
