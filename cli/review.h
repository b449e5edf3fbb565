#ifndef CLI_REVIEW_H
#define CLI_REVIEW_H
/* The manager's review: `pipebench review --team DIR [--week W] [--sort
 * COLUMN]` opens the live dashboard (tui/review.h); with `--print [--width
 * N] [--ascii]` it prints it once as text.  DIR is review's own option
 * (else PIPEBENCH_TEAM): cli/main.c must not resolve it into the
 * manager's own seller file. */

#include "cli/cli.h"
#include "core/error.h"

/* argv[0] is "review". */
enum core_status cli_review_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err);

#endif
