#ifndef DB_CRM_IDS_H
#define DB_CRM_IDS_H
/* The CRM's own ids, typed in by hand (an import brings them too,
 * db/import.h): a seller's user id (Salesforce's OwnerId), an account's
 * and a contact's record ids, and an account's web domain (HubSpot
 * associates by it).  The export profiles use them where the CRM wants
 * them (WhoId, WhatId, OwnerId). */

#include <stddef.h>

#include "core/error.h"
#include "db/conn.h"

enum db_crm_target { DB_CRM_SELLER, DB_CRM_ACCOUNT, DB_CRM_CONTACT };

/* 1 when id is a plausible CRM id: 1 to 64 characters of ASCII letters,
 * digits and "-_.:" (Salesforce's 15/18-character ids, HubSpot's and
 * Pipedrive's numbers). */
int db_crm_id_valid(const char *id);

/* Sets the CRM id of the one row `who` names, or clears it when crm_id is
 * "" — a seller by name, an account by name (case and æøå folded) or
 * organisation number, a contact by email or by name — in one write
 * transaction.  The row's name as stored goes to matched (n bytes).
 * Nothing named: CORE_ERR_NOTFOUND; a name several rows share:
 * CORE_ERR_INPUT saying how many (give the email or org number); an id
 * that is not plausible or already another row's: CORE_ERR_INPUT. */
enum core_status db_crm_id_set(struct db *db, enum db_crm_target t, const char *who,
                               const char *crm_id, char *matched, size_t n,
                               struct core_error *err);
/* An account's web domain ("fjordkraft.no"; "" clears it), the account
 * found as for db_crm_id_set.  A domain must look like one: letters,
 * digits, '-' and at least one inner '.', no scheme or path. */
enum core_status db_account_domain_set(struct db *db, const char *who, const char *domain,
                                       char *matched, size_t n, struct core_error *err);

#endif
