#ifndef CLI_TEAM_H
#define CLI_TEAM_H
/* Team mode on the command line: `pipebench team init DIR [--group G]`,
 * and `--team DIR` (or PIPEBENCH_TEAM), which opens the running user's own
 * file in the team and then works like --db on that file. */

#include <stddef.h>

#include "cli/cli.h"
#include "core/error.h"

struct db_handover_result;

/* team init DIR [--group GROUP], and the subcommands below (argv[0] is
 * "team"). */
enum core_status cli_team_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err);

/* team reassign | transfers | withdraw | accounts | sync (sub; argv[0] is
 * sub): *done is 0 when sub is none of them.  Defined in
 * cli/cmd_transfer.c. */
enum core_status cli_transfer_run(const char *sub, int argc, char **argv, int *done,
                                  struct core_error *err);

/* Opens the seller's own file in the team at dir, creating it on first
 * use and copying the team's settings into it, then carries out this
 * seller's part of any account transfer (db_handover_run; *r, may be
 * NULL, gets what it did) and writes the file's path into buf (n bytes,
 * buf may be NULL).  A transfer step that fails is reported on stderr and
 * does not stop the seller from working. */
enum core_status cli_team_open(const char *dir, char *buf, size_t n,
                               struct db_handover_result *r, struct core_error *err);

/* cli_team_open for cli_ctx.db_path, saying on stderr what a transfer
 * step did. */
enum core_status cli_team_resolve(const char *dir, char *buf, size_t n,
                                  struct core_error *err);

#endif
