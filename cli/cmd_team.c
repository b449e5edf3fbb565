/* pipebench team init DIR [--group GROUP], and --team DIR. */
#include "cli/team.h"

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "core/team.h"
#include "db/conn.h"
#include "db/team.h"

static const char team_usage[] = "usage: pipebench team init DIR [--group GROUP]";

static enum core_status team_init(int argc, char **argv, struct core_error *err)
{
	const char *dir = NULL, *group = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--group") == 0 && i + 1 < argc)
			group = argv[++i];
		else if (strncmp(argv[i], "--group=", 8) == 0)
			group = argv[i] + 8;
		else if (argv[i][0] == '-' || dir != NULL)
			return core_error_set(err, CORE_ERR_INPUT, "%s", team_usage);
		else
			dir = argv[i];
	}
	if (dir == NULL || dir[0] == '\0')
		return core_error_set(err, CORE_ERR_INPUT, "%s", team_usage);
	gid_t gid;
	enum core_status st = core_team_group(group, &gid, err);
	if (st == CORE_OK)
		st = db_team_init(dir, gid, err);
	if (st != CORE_OK)
		return st;
	printf("team: %s, team file %s/team.db\n"
	       "sellers open their week with: pipebench --team %s\n"
	       "settings for the team: pipebench --db %s/team.db settings ...\n",
	       dir, dir, dir, dir);
	return CORE_OK;
}

enum core_status cli_team_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err)
{
	(void)ctx;
	if (argc >= 2 && strcmp(argv[1], "init") == 0)
		return team_init(argc - 2, argv + 2, err);
	return core_error_set(err, CORE_ERR_INPUT, "%s", team_usage);
}

enum core_status cli_team_resolve(const char *dir, char *buf, size_t n,
                                  struct core_error *err)
{
	struct db *seller = NULL;
	enum core_status st = db_team_open(dir, &seller, NULL, buf, n, err);
	db_close(seller);
	return st;
}
