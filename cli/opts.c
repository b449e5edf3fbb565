/* Option parsing shared by the subcommands (cli/cli.h). */
#include <getopt.h>
#include <stddef.h>

#include "cli/cli.h"

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
