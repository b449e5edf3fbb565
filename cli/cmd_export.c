/* pipebench export KIND --crm PROFILE [filters] [--since-last] [-o FILE]:
 * the CSV a CRM's importer takes.  `export ics` is cli/cmd_ics.c's. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/profile.h"
#include "core/xdg.h"
#include "db/csv_export.h"
#include "db/sellers.h"

struct export_opts {
	const char *kind;
	const char *crm;
	const char *week, *from, *to;
	const char *seller;
	const char *battlefield;
	int since_last;
	const char *out;
};

static enum core_status export_parse_args(int argc, char **argv, struct export_opts *o,
                                          struct core_error *err)
{
	static const struct option opts[] = {
		{ "crm", required_argument, NULL, 'c' },
		{ "week", required_argument, NULL, 'w' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "seller", required_argument, NULL, 's' },
		{ "battlefield", required_argument, NULL, 'b' },
		{ "since-last", no_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	enum core_status st = CORE_OK;
	int c = 0;
	while (st == CORE_OK &&
	       (st = cli_opt_next(argc, argv, ":o:", opts, "export", "--help", &c, err)) == CORE_OK &&
	       c != -1) {
		switch (c) {
		case 'c': o->crm = optarg; break;
		case 'w': o->week = optarg; break;
		case 'f': o->from = optarg; break;
		case 't': o->to = optarg; break;
		case 's': o->seller = optarg; break;
		case 'b': o->battlefield = optarg; break;
		case 'L': o->since_last = 1; break;
		case 'o': o->out = optarg; break;
		}
	}
	if (st == CORE_OK && optind < argc)
		o->kind = argv[optind++];
	if (st == CORE_OK && optind < argc)
		st = core_error_set(err, CORE_ERR_INPUT, "export: unexpected '%s'", argv[optind]);
	if (st == CORE_OK && o->kind == NULL)
		st = core_error_set(err, CORE_ERR_INPUT, "export: what to export? meetings, "
		                    "actions, accounts, contacts or ics");
	return st;
}

/* A bar on stderr, only when stderr is a terminal: piped, the data alone. */
static void export_progress(void *ctx, long long done, long long total)
{
	time_t *last = ctx;
	time_t now = time(NULL);
	if (done < total && now == *last)
		return;
	*last = now;
	int pct = total > 0 ? (int)(done * 100 / total) : 100;
	int fill = pct * 30 / 100;
	fprintf(stderr, "\rexporting [%.*s%*s] %3d%% %lld/%lld", fill,
	        "##############################", 30 - fill, "", pct, done, total);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

static enum core_status export_query(const struct export_opts *o,
                                     const struct cli_ctx *ctx, struct db *db,
                                     struct db_csv_export *x, struct core_error *err)
{
	struct db_export_query *q = &x->q;
	q->since_rev = -1;
	q->today = ctx->today;
	if (core_kind_parse(o->kind, &q->kind) != 0)
		return core_error_set(err, CORE_ERR_INPUT, "export: no kind '%s' (meetings, "
		                      "actions, accounts, contacts or ics)", o->kind);
	if (o->since_last && (o->week || o->from || o->to || o->seller || o->battlefield))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "export: --since-last exports every change since the "
		                      "last such export; it takes no --week, --from, --to, "
		                      "--seller or --battlefield");
	x->since_last = o->since_last;
	/* No range given: every row, not the week of today. */
	struct cli_range r;
	enum core_status s = cli_range_parse("export", o->week, o->from, o->to, ctx->today,
	                                     &r, err);
	if (s == CORE_OK && r.given) {
		q->from = r.from;
		q->to = r.to;
	}
	if (s == CORE_OK && o->battlefield != NULL) {
		if (core_battlefield_parse(o->battlefield, &q->battlefield) != 0)
			return core_error_set(err, CORE_ERR_INPUT, "export: no battlefield '%s' "
			                      "(resale, upsell, new)", o->battlefield);
		q->has_battlefield = 1;
	}
	if (s == CORE_OK && o->seller != NULL) {
		struct db_seller sel;
		s = cli_seller_pick("export", db, o->seller, &sel, err);
		if (s == CORE_OK)
			q->seller_id = sel.id;
	}
	return s;
}

enum core_status cli_export_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err)
{
	if (argc > 1 && strcmp(argv[1], "ics") == 0)
		return cli_export_ics(ctx, argc - 1, argv + 1, err);
	struct export_opts o = { 0 };
	enum core_status s = export_parse_args(argc, argv, &o, err);
	if (s != CORE_OK)
		return s;
	if (strcmp(o.kind, "ics") == 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "export: put ics first: pipebench export ics [--week W]");
	char config[4096];
	core_config_dir(config, sizeof config);
	struct core_profile profile;
	s = core_profile_load(o.crm != NULL ? o.crm : "generic",
	                      config[0] != '\0' ? config : NULL, &profile, err);
	if (s != CORE_OK)
		return s;
	struct db *db = NULL;
	/* Recording the mark writes; everything else only reads. */
	s = db_open(ctx->db_path, o.since_last ? 0 : DB_OPEN_READONLY, &db, err);
	struct db_csv_export x = { .profile = &profile, .path = o.out, .out = stdout };
	if (s == CORE_OK)
		s = export_query(&o, ctx, db, &x, err);
	time_t last = 0;
	if (isatty(STDERR_FILENO)) {
		x.progress = export_progress;
		x.progress_ctx = &last;
	}
	long long rows = 0;
	if (s == CORE_OK)
		s = db_csv_export(db, &x, &rows, err);
	if (s == CORE_OK && o.out != NULL && x.progress != NULL)
		fprintf(stderr, "%s: %lld %s (%s)\n", o.out, rows, core_kind_key(x.q.kind),
		        profile.name);
	if (db != NULL)
		db_close(db);
	core_profile_free(&profile);
	return s;
}
