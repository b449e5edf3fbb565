/* pipebench crm-id seller|account|contact WHO ID, and
 * crm-id account WHO --domain DOMAIN: the CRM's own ids typed in, for the
 * export profiles' OwnerId, WhatId and WhoId (db/crm_ids.h). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/meeting.h"
#include "db/crm_ids.h"

static const char crmid_usage[] =
	"crm-id seller|account|contact WHO ID (\"\" clears it), or "
	"crm-id account WHO --domain DOMAIN";

enum core_status cli_crmid_run(const struct cli_ctx *ctx, int argc, char **argv,
                               struct core_error *err)
{
	if (argc != 4 && argc != 5)
		return core_error_set(err, CORE_ERR_INPUT, "usage: pipebench %s", crmid_usage);
	static const char *const names[] = { "seller", "account", "contact" };
	int t = -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(argv[1], names[i]) == 0)
			t = i;
	int domain = argc == 5;
	if (t < 0 || (domain && (t != DB_CRM_ACCOUNT || strcmp(argv[3], "--domain") != 0)))
		return core_error_set(err, CORE_ERR_INPUT, "usage: pipebench %s", crmid_usage);
	struct db *db = NULL;
	enum core_status s = db_open(ctx->db_path, 0, &db, err);
	if (s != CORE_OK)
		return s;
	char matched[CORE_NAME_MAX];
	const char *value = domain ? argv[4] : argv[3];
	s = domain ? db_account_domain_set(db, argv[2], value, matched, sizeof matched, err)
	           : db_crm_id_set(db, (enum db_crm_target)t, argv[2], value, matched,
	                           sizeof matched, err);
	if (s == CORE_OK) {
		const char *what = domain ? "domain" : "CRM id";
		if (value[0] == '\0')
			printf("%s %s: %s cleared\n", names[t], matched, what);
		else
			printf("%s %s: %s %s\n", names[t], matched, what, value);
	}
	db_close(db);
	return s;
}
