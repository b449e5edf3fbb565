#ifndef CLI_TEAM_H
#define CLI_TEAM_H
/* Team mode on the command line: `pipebench team init DIR [--group G]`,
 * and `--team DIR` (or PIPEBENCH_TEAM), which opens the running user's own
 * file in the team and then works like --db on that file. */

#include <stddef.h>

#include "cli/cli.h"
#include "core/error.h"

/* team init DIR [--group GROUP] (argv[0] is "team"). */
enum core_status cli_team_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err);

/* Opens the seller's own file in the team at dir, creating it on first
 * use and copying the team's settings into it, and writes its path into
 * buf (n bytes) for cli_ctx.db_path. */
enum core_status cli_team_resolve(const char *dir, char *buf, size_t n,
                                  struct core_error *err);

#endif
