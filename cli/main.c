/* pipebench: argument parsing, the subcommands, and the one place where
 * errors are printed and exit codes chosen. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/review.h"
#include "cli/team.h"
#include "core/calendar.h"
#include "core/error.h"
#include "core/team.h"
#include "db/conn.h"
#include "tui/app.h"

static const char usage[] =
"usage: pipebench [--db PATH] [--seller NAME] [--today DATE]\n"
"       pipebench [--db PATH] COMMAND [OPTIONS]\n"
"\n"
"The seller's week of customer meetings, in the terminal.  With no command,\n"
"opens the week on your own database.\n"
"\n"
"Commands:\n"
"  week [--week 2026-W48] [--seller NAME] --print [--width N] [--height N]\n"
"                     print the week view as text, as the TUI draws it\n"
"  demo [--seed N] [--sellers N] [--weeks N] [--accounts N] [--per-week N]\n"
"                     fill a database with demo data (default: demo.db beside\n"
"                     your own database, never your own database itself)\n"
"  matrix show|check FILE|load FILE|reset\n"
"                     the meeting-type x contact-form matrix\n"
"  checklist show FORM | check FORM FILE | load FORM FILE | reset FORM\n"
"                     a contact form's preparation checklist\n"
"  settings show|target BF VISITS [--seller NAME]|weight FORM W\n"
"                     weekly visit targets and how each form counts\n"
"  export meetings|actions|accounts|contacts --crm PROFILE [--week W |\n"
"         --from DATE --to DATE] [--seller NAME] [--battlefield BF]\n"
"         [--since-last] [-o FILE]\n"
"                     CSV for a CRM's importer (salesforce, hubspot, pipedrive,\n"
"                     generic, or a profile file of your own)\n"
"  export ics [--week W | --from DATE --to DATE] [--seller NAME] [-o FILE]\n"
"                     the meetings as an iCalendar file\n"
"  import accounts|contacts|meetings FILE [--crm PROFILE] [--dry-run]\n"
"         [--skip-bad]\n"
"                     read a CRM's CSV export; all rows or none\n"
"  team init DIR [--group GROUP]\n"
"                     make a team directory: you manage it, GROUP's sellers\n"
"                     (default your primary group) each write their own file\n"
"  team reassign ACCOUNT --to LOGIN [--from LOGIN] [--team DIR]\n"
"                     move an account with its history to another seller\n"
"  team transfers | withdraw ID | accounts [--seller LOGIN] [--team DIR]\n"
"                     follow, withdraw; every account of the team by owner\n"
"  team sync [--team DIR]\n"
"                     carry out your part of any transfer now\n"
"  review --team DIR [--week 2026-W48] [--sort COLUMN] [--print [--width N]]\n"
"                     the team's week, one row per seller, live (read-only)\n"
"  crm-id seller|account|contact WHO ID, crm-id account WHO --domain D\n"
"                     the CRM's own ids, for OwnerId, WhatId and WhoId\n"
"\n"
"Options:\n"
"  --db PATH          the database (default $XDG_DATA_HOME/pipebench/pipebench.db,\n"
"                     else ~/.local/share/pipebench/pipebench.db)\n"
"  --seller NAME      open this seller's week\n"
"  --team DIR         your own week in the team at DIR (also PIPEBENCH_TEAM)\n"
"  --today DATE       take DATE (2026-11-23) as today; also PIPEBENCH_TODAY\n"
"  -h, --help         this text\n"
"  -V, --version      the version\n";

static enum core_status main_today(const char *text, int64_t *today,
                                   struct core_error *err)
{
	if (text == NULL || text[0] == '\0') {
		*today = core_local_today();
		return CORE_OK;
	}
	struct core_date d;
	enum core_status st = core_date_parse(text, &d, err);
	if (st != CORE_OK)
		return st;
	*today = core_days_from_date(d);
	return CORE_OK;
}

static enum core_status main_tui(const struct cli_ctx *ctx, const char *seller,
                                 struct core_error *err)
{
	struct db *db = NULL, *team = NULL;
	enum core_status st = db_open(ctx->db_path, DB_OPEN_CREATE, &db, err);
	/* In a team, the team file is watched for the manager's changes. */
	char path[4096];
	if (st == CORE_OK && ctx->team_dir != NULL) {
		st = core_team_path(path, sizeof path, ctx->team_dir, CORE_TEAM_FILE, NULL, err);
		if (st == CORE_OK)
			st = db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &team, err);
	}
	if (st == CORE_OK) {
		struct tui_app_opts o = { .today = ctx->today, .seller = seller,
		                          .ascii = ctx->ascii, .team = team,
		                          .team_dir = ctx->team_dir };
		st = tui_app_run(db, &o, err);
	}
	if (team != NULL)
		db_close(team);
	if (db != NULL)
		db_close(db);
	return st;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers are read and written with a point whatever the locale: CSV
	 * cells, settings and --print output are not prose. */
	setlocale(LC_NUMERIC, "C");
	struct core_error err = { CORE_OK, "" };
	char defpath[4096];
	struct cli_ctx ctx = { 0 };
	const char *seller = NULL;
	const char *today = getenv("PIPEBENCH_TODAY");
	const char *team = getenv("PIPEBENCH_TEAM");
	int team_given = 0;
	char teampath[4096];
	ctx.ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;

	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "seller", required_argument, NULL, 's' },
		{ "team", required_argument, NULL, 'T' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	/* '+': stop at the first non-option, the subcommand, which parses the
	 * rest itself. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd': ctx.db_path = optarg; ctx.db_path_given = 1; break;
		case 's': seller = optarg; break;
		case 'T': team = optarg; team_given = 1; break;
		case 't': today = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		case 'V': printf("pipebench %s\n", PIPEBENCH_VERSION); return 0;
		default: fputs(usage, stderr); return 1;
		}
	}
	enum core_status st = main_today(today, &ctx.today, &err);
	ctx.today_given = today != NULL && today[0] != '\0';
	/* --team DIR (or PIPEBENCH_TEAM): the seller's own file in the team
	 * is the database.  --db wins over the environment; `team` and `help`
	 * open nothing. */
	const char *first = optind < argc ? argv[optind] : "";
	if (st == CORE_OK && team_given && ctx.db_path_given)
		st = core_error_set(&err, CORE_ERR_INPUT, "give --db or --team, not both");
	else if (st == CORE_OK && team != NULL && team[0] != '\0' && !ctx.db_path_given &&
	         strcmp(first, "team") != 0 && strcmp(first, "review") != 0 &&
	         strcmp(first, "help") != 0) {
		st = cli_team_resolve(team, teampath, sizeof teampath, &err);
		ctx.db_path = teampath;
		ctx.team_dir = team;
	}
	if (st == CORE_OK && ctx.db_path == NULL) {
		st = db_default_path(defpath, sizeof defpath, &err);
		ctx.db_path = defpath;
	}
	if (st == CORE_OK) {
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;
		const char *cmd = sub_argc > 0 ? sub_argv[0] : NULL;
		/* A subcommand parses from its own argv: reset getopt. */
		optind = 0;
		if (cmd == NULL)
			st = main_tui(&ctx, seller, &err);
		else if (strcmp(cmd, "week") == 0)
			st = cli_week_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "demo") == 0)
			st = cli_demo_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "checklist") == 0)
			st = cli_checklist_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "matrix") == 0)
			st = cli_matrix_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "settings") == 0)
			st = cli_settings_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "export") == 0)
			st = cli_export_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "import") == 0)
			st = cli_import_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "team") == 0)
			st = cli_team_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "review") == 0)
			st = cli_review_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "crm-id") == 0)
			st = cli_crmid_run(&ctx, sub_argc, sub_argv, &err);
		else if (strcmp(cmd, "help") == 0) {
			fputs(usage, stdout);
			return 0;
		} else
			st = core_error_set(&err, CORE_ERR_INPUT,
			                    "unknown command '%s' (try pipebench --help)", cmd);
	}
	if (st != CORE_OK) {
		fprintf(stderr, "pipebench: %s\n", err.msg[0] ? err.msg : "failed");
		return core_error_exit_code(st);
	}
	return 0;
}
