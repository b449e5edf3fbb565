/* pipebench demo: fills a database with deterministic demo data.  Without
 * --db it writes demo.db beside the default database, so demo data never
 * lands in a seller's own database. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "db/conn.h"
#include "db/demo.h"

/* Parses a whole decimal number from min to max; the message names the
 * option and the text as given. */
static enum core_status demo_number(const char *opt, const char *text,
                                    uint64_t min, uint64_t max, uint64_t *out,
                                    struct core_error *err)
{
	errno = 0;
	char *end = NULL;
	unsigned long long v = 0;
	if (text[0] >= '0' && text[0] <= '9')
		v = strtoull(text, &end, 10);
	if (end == NULL || *end != '\0' || errno != 0 || v < min || v > max)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "--%s: expected a number from %" PRIu64 " to %" PRIu64
		                      ", got '%s'", opt, min, max, text);
	*out = v;
	return CORE_OK;
}

/* demo.db in the directory of the default database. */
static enum core_status demo_path(const struct cli_ctx *ctx, char *buf, size_t n,
                                  struct core_error *err)
{
	const char *slash = strrchr(ctx->db_path, '/');
	int len = slash == NULL ? snprintf(buf, n, "demo.db")
	          : snprintf(buf, n, "%.*s/demo.db", (int)(slash - ctx->db_path),
	                     ctx->db_path);
	if (len < 0 || (size_t)len >= n)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the demo database path is too long; give one with --db");
	return CORE_OK;
}

enum core_status cli_demo_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err)
{
	static const struct option opts[] = {
		{ "seed", required_argument, NULL, 's' },
		{ "sellers", required_argument, NULL, 'S' },
		{ "accounts", required_argument, NULL, 'a' },
		{ "weeks", required_argument, NULL, 'w' },
		{ "per-week", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct db_demo_opts o;
	db_demo_defaults(&o);
	o.today = ctx->today;
	int accounts_given = 0;
	enum core_status st = CORE_OK;
	uint64_t v = 0;
	int c = 0;
	while (st == CORE_OK &&
	       (st = cli_opt_next(argc, argv, ":", opts, "demo", "--help", &c, err)) == CORE_OK &&
	       c != -1) {
		switch (c) {
		case 's':
			st = demo_number("seed", optarg, 0, UINT64_MAX, &v, err);
			o.seed = v;
			break;
		case 'S':
			st = demo_number("sellers", optarg, 1, 1000, &v, err);
			o.sellers = (int)v;
			break;
		case 'a':
			st = demo_number("accounts", optarg, 1, 200000, &v, err);
			o.accounts = (int)v;
			accounts_given = 1;
			break;
		case 'w':
			st = demo_number("weeks", optarg, 0, 1000, &v, err);
			o.weeks = (int)v;
			break;
		case 'p':
			st = demo_number("per-week", optarg, 1, 90, &v, err);
			o.per_week = (int)v;
			break;
		}
	}
	if (st != CORE_OK)
		return st;
	if (optind < argc)
		return core_error_set(err, CORE_ERR_INPUT, "demo: unexpected '%s'",
		                      argv[optind]);
	/* As db/demo.h documents: 40 accounts per seller unless told. */
	if (!accounts_given)
		o.accounts = 40 * o.sellers;

	char pathbuf[4096];
	const char *path = ctx->db_path;
	if (!ctx->db_path_given) {
		st = demo_path(ctx, pathbuf, sizeof pathbuf, err);
		if (st != CORE_OK)
			return st;
		path = pathbuf;
	}
	struct db *db = NULL;
	st = db_open(path, DB_OPEN_CREATE, &db, err);
	if (st != CORE_OK)
		return st;
	st = db_demo_fill(db, &o, err);
	db_close(db);
	if (st != CORE_OK)
		return st;
	/* This week, the weeks of history and two planned weeks ahead, the
	 * layout db/demo.c writes. */
	long long meetings = (long long)o.sellers * o.per_week * (o.weeks + 3);
	fprintf(stderr, "demo: %d sellers, %d accounts, %lld meetings in %s; "
	        "open it with: pipebench --db %s\n", o.sellers, o.accounts, meetings,
	        path, path);
	return CORE_OK;
}
