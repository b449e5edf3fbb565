/* pipebench export ics: one seller's meetings in a range of days as an
 * iCalendar file for a calendar program.  The options are read here; the
 * file is db_ics_export's (db/ics_export.h), the same the TUI's export
 * dialog writes. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/calendar.h"
#include "db/conn.h"
#include "db/ics_export.h"
#include "db/sellers.h"

static const char ics_usage[] =
"usage: pipebench export ics [--week W | --from DATE --to DATE] [--seller NAME]\n"
"                            [-o FILE]\n"
"\n"
"The seller's meetings as an iCalendar (RFC 5545) file, times in UTC.  Each\n"
"meeting keeps its UID from one export to the next, so importing a newer\n"
"file updates a calendar instead of doubling it.\n"
"\n"
"  --week W           an ISO week: 2026-W48, 48, this, next or prev\n"
"  --from DATE --to DATE\n"
"                     the days from DATE to DATE, both included (2026-11-23)\n"
"                     without either: the week of today (--today)\n"
"  --seller NAME      whose meetings (default: the database's own seller)\n"
"  -o, --output FILE  write FILE, complete or not at all (default: standard\n"
"                     output)\n";

struct ics_opts {
	const char *week, *from, *to;
	const char *seller;
	const char *out;
	int help;
};

static enum core_status ics_parse_args(int argc, char **argv, struct ics_opts *o,
                                       struct core_error *err)
{
	static const struct option opts[] = {
		{ "week", required_argument, NULL, 'w' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "seller", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum core_status st = CORE_OK;
	int c = 0;
	while (st == CORE_OK &&
	       (st = cli_opt_next(argc, argv, ":o:h", opts, "export ics", "export ics --help", &c, err)) == CORE_OK &&
	       c != -1) {
		switch (c) {
		case 'w': o->week = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 's': o->seller = optarg; break;
		case 'o': o->out = optarg; break;
		case 'h': o->help = 1; break;
		}
	}
	if (st == CORE_OK)
		st = cli_opt_end(argc, argv, "export ics", err);
	return st;
}

enum core_status cli_export_ics(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err)
{
	struct ics_opts o = { 0 };
	enum core_status st = ics_parse_args(argc, argv, &o, err);
	if (st != CORE_OK)
		return st;
	if (o.help) {
		fputs(ics_usage, stdout);
		return fflush(stdout) == 0 ? CORE_OK
		                           : core_error_set(err, CORE_ERR_IO,
		                                            "standard output: write failed");
	}
	struct cli_range r;
	st = cli_range_parse("export ics", o.week, o.from, o.to, ctx->today, &r, err);
	if (st != CORE_OK)
		return st;

	struct db *db = NULL;
	st = db_open(ctx->db_path, DB_OPEN_READONLY, &db, err);
	if (st != CORE_OK)
		return st;
	struct db_seller seller = { 0 };
	st = cli_seller_pick("export ics", db, o.seller, &seller, err);
	int to_stdout = o.out == NULL || strcmp(o.out, "-") == 0;
	struct db_ics_export x = {
		.q = { .from = r.from, .to = r.to, .seller_id = seller.id,
		       .today = ctx->today },
		.seller_name = seller.name,
		.dtstamp = (int64_t)time(NULL),
		.path = to_stdout ? NULL : o.out,
		.out = stdout,
	};
	long long rows = 0;
	if (st == CORE_OK)
		st = db_ics_export(db, &x, &rows, err);
	db_close(db);
	/* Said only to a person watching; a script gets the file alone. */
	if (st == CORE_OK && !to_stdout && isatty(STDERR_FILENO)) {
		struct core_date d0 = core_date_from_days(r.first);
		struct core_date d1 = core_date_from_days(r.last);
		char from[16], to[16];
		core_date_format(d0, from, sizeof from);
		core_date_format(d1, to, sizeof to);
		fprintf(stderr, "%s: %lld meetings of %s, %s to %s\n", o.out, rows,
		        seller.name, from, to);
	}
	return st;
}
