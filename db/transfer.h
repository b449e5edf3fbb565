#ifndef DB_TRANSFER_H
#define DB_TRANSFER_H
/* The manager's side of reassigning accounts (db/handover.h has the
 * protocol): asking for a transfer in the team file, following it through
 * the sellers' files, withdrawing it, and every account of the team with
 * its owner.  The sellers' files are only ever opened read-only here. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/meeting.h"
#include "core/team.h"
#include "db/conn.h"

enum db_transfer_state {
	DB_TRANSFER_ASKED,     /* the giver's pipebench has not run since */
	DB_TRANSFER_FROZEN,    /* frozen in the giver's file, waiting for the receiver */
	DB_TRANSFER_RECEIVED,  /* the receiver's: the giver's copy not removed yet */
	DB_TRANSFER_DONE,      /* the giver's copy is gone */
	DB_TRANSFER_REFUSED    /* the giver's pipebench could not do it; note says why */
};

struct db_transfer {
	char token[40];
	char account[CORE_NAME_MAX];
	char from[CORE_TEAM_NAME_MAX];
	char to[CORE_TEAM_NAME_MAX];
	char by[CORE_TEAM_NAME_MAX];
	int64_t at;                 /* requested, Unix seconds */
	enum db_transfer_state state;
	int64_t meetings;           /* as frozen (the giver's count), else 0 */
	char note[128];
};

const char *db_transfer_state_label(enum db_transfer_state s);

/* Asks for the account called account (exact name, case and æøå folded) to
 * go to the seller to, recording the request in the team file team (opened
 * for writing; one transaction).  from names the giver's login, or NULL to
 * find the one seller who has such an account; by is the manager's login.
 * Refused with CORE_ERR_INPUT and a message naming the sellers: no seller
 * has it, several do (say from), the account is the receiver's already, or
 * it is being handed over already.  *out (may be NULL) gets the request. */
enum core_status db_transfer_request(struct db *team, const char *dir,
                                     const char *account, const char *from,
                                     const char *to, const char *by,
                                     struct db_transfer *out, struct core_error *err);

/* Every transfer in the team file, oldest first, with its state read from
 * the two sellers' files.  *out is malloc'd, the caller frees it. */
enum core_status db_transfer_list(struct db *team, const char *dir,
                                  struct db_transfer **out, size_t *n,
                                  struct core_error *err);

/* Withdraws the transfer whose token starts with prefix (at least 4
 * characters, unique): its request leaves the team file, and the giver's
 * pipebench unfreezes the account on its next run.  One the receiver has
 * received cannot be withdrawn (CORE_ERR_INPUT): reassign it back. */
enum core_status db_transfer_withdraw(struct db *team, const char *dir,
                                      const char *prefix, struct db_transfer *out,
                                      struct core_error *err);

/* One account of the team, as its owner's file has it. */
struct db_team_account {
	char login[CORE_TEAM_NAME_MAX];  /* whose it is */
	char name[CORE_NAME_MAX];
	int64_t meetings;
	int64_t last;                    /* the latest meeting's start, 0 none */
	char moving_to[CORE_TEAM_NAME_MAX]; /* frozen for a transfer to this
	                                       login, "" when not */
};

/* Every account in every seller's file, by login then name.  An account
 * that has been received by another seller is listed there only (not
 * twice).  Files that cannot be read are skipped; *skipped counts them.
 * *out is malloc'd, the caller frees it. */
enum core_status db_team_accounts(const char *dir, struct db_team_account **out,
                                  size_t *n, size_t *skipped, struct core_error *err);

#endif
