/* Option parsing shared by the subcommands (cli/cli.h). */
#include <getopt.h>
#include <stddef.h>

#include "cli/cli.h"
#include "db/sellers.h"

enum core_status cli_opt_next(int argc, char **argv, const char *shortopts,
                              const struct option *opts, const char *cmd,
                              const char *help, int *c, struct core_error *err)
{
	/* getopt's own messages would bypass main.c, the one place that
	 * reports; shortopts starts with ':' so a missing value is told apart
	 * from an unknown option. */
	opterr = 0;
	*c = getopt_long(argc, argv, shortopts, opts, NULL);
	const char *name = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
	if (*c == ':')
		return core_error_set(err, CORE_ERR_INPUT, "%s: %s needs a value", cmd, name);
	if (*c == '?')
		return core_error_set(err, CORE_ERR_INPUT, "%s: unknown option '%s' (try "
		                      "pipebench %s)", cmd, name, help);
	return CORE_OK;
}

enum core_status cli_opt_end(int argc, char **argv, const char *cmd,
                             struct core_error *err)
{
	if (optind < argc)
		return core_error_set(err, CORE_ERR_INPUT, "%s: unexpected '%s'", cmd,
		                      argv[optind]);
	return CORE_OK;
}

enum core_status cli_seller_pick(const char *cmd, struct db *db, const char *name,
                                 struct db_seller *out, struct core_error *err)
{
	enum core_status st = name != NULL ? db_seller_find(db, name, out, err)
	                                   : db_seller_default(db, out, err);
	if (st != CORE_ERR_NOTFOUND)
		return st;
	if (name != NULL)
		return core_error_set(err, CORE_ERR_NOTFOUND, "%s: no seller called '%s' in %s",
		                      cmd, name, db_path(db));
	return core_error_set(err, CORE_ERR_NOTFOUND,
	                      "no sellers in %s yet; run pipebench to start, or "
	                      "pipebench demo", db_path(db));
}
