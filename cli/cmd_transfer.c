/* pipebench team reassign | transfers | withdraw | accounts | sync: moving
 * accounts between sellers' files (db/handover.h has the protocol). */
#include "cli/team.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/team.h"
#include "core/utf8.h"
#include "db/conn.h"
#include "db/handover.h"
#include "db/team.h"
#include "db/transfer.h"

static const char transfer_help[] = "pipebench --help";

struct transfer_opts {
	const char *team;
	const char *to;
	const char *from;
	const char *seller;
	const char *arg;       /* the one positional argument, or NULL */
};

static enum core_status transfer_parse(const char *cmd, int argc, char **argv,
                                       int want_arg, struct transfer_opts *o,
                                       struct core_error *err)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 'T' },
		{ "to", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' },
		{ "seller", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	memset(o, 0, sizeof *o);
	enum core_status st;
	int c = 0;
	while ((st = cli_opt_next(argc, argv, ":", opts, cmd, transfer_help, &c, err)) ==
	       CORE_OK && c != -1) {
		switch (c) {
		case 'T': o->team = optarg; break;
		case 't': o->to = optarg; break;
		case 'f': o->from = optarg; break;
		case 's': o->seller = optarg; break;
		}
	}
	if (st == CORE_OK && want_arg && optind < argc)
		o->arg = argv[optind++];
	if (st == CORE_OK)
		st = cli_opt_end(argc, argv, cmd, err);
	if (st == CORE_OK && o->team == NULL)
		o->team = getenv("PIPEBENCH_TEAM");
	if (st == CORE_OK && (o->team == NULL || o->team[0] == '\0'))
		st = core_error_set(err, CORE_ERR_INPUT, "%s: which team? give --team DIR (or "
		                    "set PIPEBENCH_TEAM)", cmd);
	return st;
}

/* The team file for writing: only its owner (the manager) may. */
static enum core_status transfer_team_open(const char *dir, struct db **out,
                                           struct core_error *err)
{
	char path[4096];
	enum core_status st = core_team_path(path, sizeof path, dir, CORE_TEAM_FILE, NULL, err);
	/* Asked before SQLite is: its "read-only database" says less. */
	if (st == CORE_OK && access(path, F_OK) == 0 && (access(path, W_OK) != 0 ||
	                                                 access(dir, W_OK) != 0))
		st = core_error_set(err, CORE_ERR_INPUT, "%s: only the team's manager may "
		                    "write it; reassigning accounts is the manager's", path);
	if (st == CORE_OK)
		st = db_open(path, DB_OPEN_TEAM, out, err);
	return st;
}

static const char *transfer_when(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t <= 0 || localtime_r(&tt, &tm) == NULL || strftime(buf, n, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, n, "-");
	return buf;
}

static enum core_status team_reassign(int argc, char **argv, struct core_error *err)
{
	struct transfer_opts o;
	enum core_status st = transfer_parse("team reassign", argc, argv, 1, &o, err);
	if (st == CORE_OK && (o.arg == NULL || o.to == NULL))
		st = core_error_set(err, CORE_ERR_INPUT, "usage: pipebench team reassign ACCOUNT "
		                    "--to LOGIN [--from LOGIN] [--team DIR]");
	char me[CORE_TEAM_NAME_MAX];
	if (st == CORE_OK)
		st = core_team_whoami(me, NULL, 0, err);
	struct db *team = NULL;
	if (st == CORE_OK)
		st = transfer_team_open(o.team, &team, err);
	struct db_transfer t;
	if (st == CORE_OK)
		st = db_transfer_request(team, o.team, o.arg, o.from, o.to, me, &t, err);
	db_close(team);
	if (st != CORE_OK)
		return st;
	printf("transfer %.8s: %s from %s to %s, asked\n"
	       "%s's pipebench hands it over and %s's takes it, on start and every second "
	       "while open;\nfollow it with: pipebench team transfers --team %s\n",
	       t.token, t.account, t.from, t.to, t.from, t.to, o.team);
	return CORE_OK;
}

static enum core_status team_transfers(int argc, char **argv, struct core_error *err)
{
	struct transfer_opts o;
	enum core_status st = transfer_parse("team transfers", argc, argv, 0, &o, err);
	struct db *team = NULL;
	char path[4096];
	if (st == CORE_OK)
		st = core_team_path(path, sizeof path, o.team, CORE_TEAM_FILE, NULL, err);
	if (st == CORE_OK)
		st = db_open(path, DB_OPEN_READONLY | DB_OPEN_TEAM, &team, err);
	struct db_transfer *ts = NULL;
	size_t n = 0;
	if (st == CORE_OK)
		st = db_transfer_list(team, o.team, &ts, &n, err);
	db_close(team);
	if (st != CORE_OK)
		return st;
	if (n == 0)
		printf("no transfers in %s\n", o.team);
	for (size_t i = 0; i < n; i++) {
		char when[32];
		printf("%.8s  %-9s %s  %s -> %s  asked %s by %s", ts[i].token,
		       db_transfer_state_label(ts[i].state), ts[i].account, ts[i].from, ts[i].to,
		       transfer_when(ts[i].at, when, sizeof when), ts[i].by);
		if (ts[i].meetings > 0)
			printf(", %lld meetings", (long long)ts[i].meetings);
		if (ts[i].note[0] != '\0')
			printf(": %s", ts[i].note);
		putchar('\n');
	}
	free(ts);
	return CORE_OK;
}

static enum core_status team_withdraw(int argc, char **argv, struct core_error *err)
{
	struct transfer_opts o;
	enum core_status st = transfer_parse("team withdraw", argc, argv, 1, &o, err);
	if (st == CORE_OK && o.arg == NULL)
		st = core_error_set(err, CORE_ERR_INPUT, "usage: pipebench team withdraw ID "
		                    "[--team DIR]");
	struct db *team = NULL;
	if (st == CORE_OK)
		st = transfer_team_open(o.team, &team, err);
	struct db_transfer t;
	if (st == CORE_OK)
		st = db_transfer_withdraw(team, o.team, o.arg, &t, err);
	db_close(team);
	if (st == CORE_OK)
		printf("transfer %.8s withdrawn: %s stays %s's\n", t.token, t.account, t.from);
	return st;
}

static enum core_status team_accounts(int argc, char **argv, struct core_error *err)
{
	struct transfer_opts o;
	enum core_status st = transfer_parse("team accounts", argc, argv, 0, &o, err);
	struct db_team_account *as = NULL;
	size_t n = 0, skipped = 0;
	if (st == CORE_OK)
		st = db_team_accounts(o.team, &as, &n, &skipped, err);
	if (st != CORE_OK)
		return st;
	for (size_t i = 0; i < n; i++) {
		if (o.seller != NULL && strcmp(o.seller, as[i].login) != 0)
			continue;
		char when[32];
		printf("%-12s %s  (%lld meetings, last %s)", as[i].login, as[i].name,
		       (long long)as[i].meetings, transfer_when(as[i].last, when, sizeof when));
		if (as[i].moving_to[0] != '\0')
			printf(", being handed to %s", as[i].moving_to);
		putchar('\n');
	}
	if (skipped > 0)
		fprintf(stderr, "pipebench: %zu seller file%s could not be read (pipebench review "
		        "--print says why)\n", skipped, skipped == 1 ? "" : "s");
	free(as);
	return CORE_OK;
}

static enum core_status team_sync(int argc, char **argv, struct core_error *err)
{
	struct transfer_opts o;
	enum core_status st = transfer_parse("team sync", argc, argv, 0, &o, err);
	struct db_handover_result r;
	if (st == CORE_OK)
		st = cli_team_open(o.team, NULL, 0, &r, err);
	if (st != CORE_OK)
		return st;
	printf("frozen %d, received %d, released %d, refused %d, waiting %d%s%s\n", r.frozen,
	       r.received, r.released, r.refused, r.waiting, r.last[0] ? ": " : "", r.last);
	return CORE_OK;
}

enum core_status cli_transfer_run(const char *sub, int argc, char **argv, int *done,
                                  struct core_error *err)
{
	static const struct {
		const char *name;
		enum core_status (*run)(int, char **, struct core_error *);
	} subs[] = {
		{ "reassign", team_reassign },
		{ "transfers", team_transfers },
		{ "withdraw", team_withdraw },
		{ "accounts", team_accounts },
		{ "sync", team_sync },
	};
	*done = 0;
	for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(sub, subs[i].name) == 0) {
			*done = 1;
			return subs[i].run(argc, argv, err);
		}
	return CORE_OK;
}
