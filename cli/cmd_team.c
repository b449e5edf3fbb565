/* pipebench team init DIR [--group GROUP], and --team DIR. */
#include "cli/team.h"

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "core/team.h"
#include "db/conn.h"
#include "db/handover.h"
#include "db/team.h"

static const char team_usage[] =
	"usage: pipebench team init DIR [--group GROUP]\n"
	"       pipebench team reassign ACCOUNT --to LOGIN [--from LOGIN] [--team DIR]\n"
	"       pipebench team transfers | accounts [--seller LOGIN] | sync [--team DIR]\n"
	"       pipebench team withdraw ID [--team DIR]";

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
	int done = 0;
	enum core_status st = CORE_OK;
	if (argc >= 2)
		st = cli_transfer_run(argv[1], argc - 1, argv + 1, &done, err);
	if (!done)
		return core_error_set(err, CORE_ERR_INPUT, "%s", team_usage);
	return st;
}

enum core_status cli_team_open(const char *dir, char *buf, size_t n,
                               struct db_handover_result *r, struct core_error *err)
{
	struct db *seller = NULL, *team = NULL;
	struct db_handover_result mine;
	if (r == NULL)
		r = &mine;
	memset(r, 0, sizeof *r);
	char path[4096], login[CORE_TEAM_NAME_MAX];
	enum core_status st = db_team_open(dir, &seller, &team, path, sizeof path, err);
	if (st == CORE_OK)
		st = core_team_whoami(login, NULL, 0, err);
	if (st == CORE_OK) {
		struct core_error e = { CORE_OK, "" };
		if (db_handover_run(seller, team, dir, login, r, &e) != CORE_OK)
			fprintf(stderr, "pipebench: account transfer: %s\n", e.msg);
	}
	db_close(team);
	db_close(seller);
	if (st == CORE_OK && buf != NULL) {
		if (strlen(path) >= n)
			return core_error_set(err, CORE_ERR_INPUT, "%s: the path is too long", path);
		memcpy(buf, path, strlen(path) + 1);
	}
	return st;
}

enum core_status cli_team_resolve(const char *dir, char *buf, size_t n,
                                  struct core_error *err)
{
	struct db_handover_result r;
	enum core_status st = cli_team_open(dir, buf, n, &r, err);
	if (st == CORE_OK && r.last[0] != '\0')
		fprintf(stderr, "pipebench: %s\n", r.last);
	return st;
}
