/* pipebench import accounts|contacts|meetings FILE [--crm PROFILE]
 * [--dry-run] [--skip-bad]: a CRM's CSV export into the database, all
 * rows or none (db/csv_import.h).  The problems found go to stderr here,
 * the first 20 of them; main.c reports the verdict. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/profile.h"
#include "core/record.h"
#include "db/conn.h"
#include "db/csv_import.h"

#define IMPORT_DEFAULT_PROFILE "generic"

struct import_opts {
	const char *kind;
	const char *file;
	const char *crm;
	int dry_run;
	int skip_bad;
};

static const char import_usage[] =
	"usage: pipebench import accounts|contacts|meetings FILE [--crm PROFILE] "
	"[--dry-run] [--skip-bad]";

static enum core_status import_parse_args(int argc, char **argv, struct import_opts *o,
                                          struct core_error *err)
{
	static const struct option opts[] = {
		{ "crm", required_argument, NULL, 'c' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	enum core_status st = CORE_OK;
	int c, prev_opterr = opterr;
	/* getopt's own messages would bypass main.c, the one place that
	 * reports. */
	opterr = 0;
	while (st == CORE_OK && (c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		const char *name = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
		switch (c) {
		case 'c': o->crm = optarg; break;
		case 'n': o->dry_run = 1; break;
		case 's': o->skip_bad = 1; break;
		case ':':
			st = core_error_set(err, CORE_ERR_INPUT, "import: a value is missing after "
			                    "'%s'", name);
			break;
		default:
			st = core_error_set(err, CORE_ERR_INPUT, "import: unknown option '%s'\n%s",
			                    name, import_usage);
			break;
		}
	}
	opterr = prev_opterr;
	if (st != CORE_OK)
		return st;
	if (argc - optind != 2)
		return core_error_set(err, CORE_ERR_INPUT, "%s", import_usage);
	o->kind = argv[optind];
	o->file = argv[optind + 1];
	return CORE_OK;
}

/* Where a team's own profiles live: $XDG_CONFIG_HOME/pipebench, else
 * ~/.config/pipebench; NULL when neither is known. */
static const char *import_config_dir(char *buf, size_t n)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int w;
	if (xdg != NULL && xdg[0] == '/')
		w = snprintf(buf, n, "%s/pipebench", xdg);
	else if (home != NULL && home[0] != '\0')
		w = snprintf(buf, n, "%s/.config/pipebench", home);
	else
		return NULL;
	return w > 0 && (size_t)w < n ? buf : NULL;
}

static void import_print_problems(const struct db_csv_import_report *rep, int ascii)
{
	for (int i = 0; i < rep->shown; i++)
		fprintf(stderr, "%s\n", rep->msg[i]);
	if (rep->problems > rep->shown)
		fprintf(stderr, "%s and %lld more errors\n", ascii ? "..." : "…",
		        rep->problems - rep->shown);
}

static void import_print_summary(const struct import_opts *o, enum core_kind kind,
                                 const struct db_csv_import_report *rep)
{
	const char *would = o->dry_run ? "would be " : "";
	printf("%s%s: %s%lld created, %lld updated, %lld rejected", core_kind_key(kind),
	       o->dry_run ? " (dry run, nothing written)" : "", would, rep->created,
	       rep->updated, rep->rejected);
	if (rep->rejects[0] != '\0')
		printf(" (%s)", rep->rejects);
	if (rep->sellers_created > 0)
		printf("; %lld seller%s %screated", rep->sellers_created,
		       rep->sellers_created == 1 ? "" : "s", would);
	putchar('\n');
}

enum core_status cli_import_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err)
{
	struct import_opts o = { NULL, NULL, NULL, 0, 0 };
	enum core_status st = import_parse_args(argc, argv, &o, err);
	if (st != CORE_OK)
		return st;
	enum core_kind kind;
	if (core_kind_parse(o.kind, &kind) != 0 ||
	    (kind != CORE_KIND_ACCOUNTS && kind != CORE_KIND_CONTACTS &&
	     kind != CORE_KIND_MEETINGS))
		return core_error_set(err, CORE_ERR_INPUT, "import: accounts, contacts or "
		                      "meetings, not '%s'", o.kind);
	char dir[4096];
	struct core_profile profile;
	st = core_profile_load(o.crm != NULL ? o.crm : IMPORT_DEFAULT_PROFILE,
	                       import_config_dir(dir, sizeof dir), &profile, err);
	if (st != CORE_OK)
		return st;
	struct db_csv_import_report *rep = malloc(sizeof *rep);
	if (rep == NULL) {
		core_profile_free(&profile);
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	struct db *db = NULL;
	/* A dry run writes nothing, not even a new database file. */
	st = db_open(ctx->db_path, o.dry_run ? 0 : DB_OPEN_CREATE, &db, err);
	if (st == CORE_OK) {
		struct db_csv_import x = { &profile, kind, o.file, o.dry_run, o.skip_bad };
		st = db_csv_import(db, &x, rep, err);
		db_close(db);
		import_print_problems(rep, ctx->ascii);
		if (rep->complete && (rep->committed || o.dry_run))
			import_print_summary(&o, kind, rep);
	}
	free(rep);
	core_profile_free(&profile);
	if (st == CORE_OK && fflush(stdout) != 0)
		st = core_error_set(err, CORE_ERR_IO, "writing the output: %s", strerror(errno));
	return st;
}
