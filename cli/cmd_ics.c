/* pipebench export ics: one seller's meetings in a range of days as an
 * iCalendar file (core/ics.h) for a calendar program.  The rows come from
 * the same reader as the CSV exports (db/export.h), so a meeting's title,
 * place and description read the same in the CRM and in the calendar. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/afile.h"
#include "core/calendar.h"
#include "core/ics.h"
#include "db/conn.h"
#include "db/export.h"
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
	int c, prev_opterr = opterr;
	opterr = 0; /* main.c is the one place that reports */
	while (st == CORE_OK && (c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		const char *name = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
		switch (c) {
		case 'w': o->week = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 's': o->seller = optarg; break;
		case 'o': o->out = optarg; break;
		case 'h': o->help = 1; break;
		case ':':
			st = core_error_set(err, CORE_ERR_INPUT, "export ics: %s needs a value",
			                    name);
			break;
		default:
			st = core_error_set(err, CORE_ERR_INPUT,
			                    "export ics: unknown option '%s' (try pipebench "
			                    "export ics --help)", name);
			break;
		}
	}
	opterr = prev_opterr;
	if (st == CORE_OK && optind < argc)
		st = core_error_set(err, CORE_ERR_INPUT, "export ics: unexpected '%s'",
		                    argv[optind]);
	return st;
}

/* Keeps the message of a failed parse and says which option it was. */
static enum core_status ics_blame(const char *opt, enum core_status st,
                                  struct core_error *err)
{
	char why[sizeof err->msg];
	snprintf(why, sizeof why, "%s", err->msg);
	return core_error_set(err, st, "export ics: --%s: %s", opt, why);
}

/* The first and last day (both included) the options name. */
static enum core_status ics_days(const struct ics_opts *o, int64_t today,
                                 int64_t *first, int64_t *last,
                                 struct core_error *err)
{
	if (o->week != NULL && (o->from != NULL || o->to != NULL))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "export ics: give --week or --from/--to, not both");
	if (o->from != NULL || o->to != NULL) {
		if (o->from == NULL || o->to == NULL)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "export ics: --from and --to go together");
		struct core_date d;
		enum core_status st = core_date_parse(o->from, &d, err);
		if (st != CORE_OK)
			return ics_blame("from", st, err);
		*first = core_days_from_date(d);
		st = core_date_parse(o->to, &d, err);
		if (st != CORE_OK)
			return ics_blame("to", st, err);
		*last = core_days_from_date(d);
		if (*last < *first)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "export ics: --to %s is before --from %s", o->to,
			                      o->from);
		return CORE_OK;
	}
	struct core_isoweek now = core_isoweek_of(today), w = now;
	if (o->week == NULL || strcmp(o->week, "this") == 0) {
		/* the week of today */
	} else if (strcmp(o->week, "next") == 0 || strcmp(o->week, "prev") == 0) {
		w = core_isoweek_add(now, o->week[0] == 'n' ? 1 : -1);
	} else {
		enum core_status st = core_isoweek_parse(o->week, &now, &w, err);
		if (st != CORE_OK)
			return ics_blame("week", st, err);
	}
	*first = core_isoweek_monday(w);
	*last = *first + 6;
	return CORE_OK;
}

static enum core_status ics_seller(struct db *db, const char *name,
                                   struct db_seller *out, struct core_error *err)
{
	enum core_status st = name != NULL ? db_seller_find(db, name, out, err)
	                                   : db_seller_default(db, out, err);
	if (st != CORE_ERR_NOTFOUND)
		return st;
	if (name != NULL)
		return core_error_set(err, CORE_ERR_NOTFOUND,
		                      "export ics: no seller called '%s' in %s", name,
		                      db_path(db));
	return core_error_set(err, CORE_ERR_NOTFOUND,
	                      "no sellers in %s yet; run pipebench to start, or "
	                      "pipebench demo", db_path(db));
}

static enum core_status ics_row(void *ctx, const struct core_record *r,
                                struct core_error *err)
{
	return core_ics_meeting(ctx, r, err);
}

/* The whole calendar into f.  A range without meetings still gives a
 * calendar: importing it must be able to say "nothing this week". */
static enum core_status ics_write(struct db *db, const struct db_export_query *q,
                                  FILE *f, const char *name,
                                  const struct core_ics_opts *io, long long *rows,
                                  struct core_error *err)
{
	struct core_ics *w = core_ics_new(f, name, io);
	if (w == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "export ics: out of memory");
	int64_t rev_seen = 0;
	core_ics_begin(w);
	enum core_status st = db_export_run(db, q, ics_row, w, &rev_seen, rows, err);
	core_ics_end(w);
	/* The writer's own failure is the one to report, if there was one. */
	struct core_error werr = { CORE_OK, "" };
	enum core_status wst = core_ics_finish(w, &werr);
	core_ics_free(w);
	if (wst != CORE_OK && (st == CORE_OK || st == CORE_ERR_IO)) {
		*err = werr;
		return wst;
	}
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
	int64_t first = 0, last = 0;
	st = ics_days(&o, ctx->today, &first, &last, err);
	if (st != CORE_OK)
		return st;

	struct db *db = NULL;
	st = db_open(ctx->db_path, DB_OPEN_READONLY, &db, err);
	if (st != CORE_OK)
		return st;
	struct db_seller seller;
	char identity[64];
	st = ics_seller(db, o.seller, &seller, err);
	if (st == CORE_OK)
		st = db_identity(db, identity, sizeof identity, err);
	if (st != CORE_OK) {
		db_close(db);
		return st;
	}

	struct db_export_query q = {
		.kind = CORE_KIND_MEETINGS,
		.from = core_local_to_epoch(first, 0),
		.to = core_local_to_epoch(last + 1, 0),
		.seller_id = seller.id,
		.since_rev = -1,
		.today = ctx->today,
	};
	char calname[sizeof seller.name + 16];
	snprintf(calname, sizeof calname, "pipebench · %s", seller.name);
	struct core_ics_opts io = {
		.uid_domain = identity,
		.version = PIPEBENCH_VERSION,
		.calname = calname,
		.dtstamp = (int64_t)time(NULL),
	};
	long long rows = 0;
	int to_stdout = o.out == NULL || strcmp(o.out, "-") == 0;
	if (to_stdout) {
		st = ics_write(db, &q, stdout, "standard output", &io, &rows, err);
	} else {
		struct core_afile a;
		st = core_afile_open(&a, o.out, err);
		if (st == CORE_OK) {
			st = ics_write(db, &q, a.f, o.out, &io, &rows, err);
			if (st == CORE_OK)
				st = core_afile_commit(&a, err);
			else
				core_afile_abort(&a);
		}
	}
	db_close(db);
	/* Said only to a person watching; a script gets the file alone. */
	if (st == CORE_OK && !to_stdout && isatty(STDERR_FILENO)) {
		struct core_date d0 = core_date_from_days(first), d1 = core_date_from_days(last);
		char from[16], to[16];
		core_date_format(d0, from, sizeof from);
		core_date_format(d1, to, sizeof to);
		fprintf(stderr, "%s: %lld meetings of %s, %s to %s\n", o.out, rows,
		        seller.name, from, to);
	}
	return st;
}
