#ifndef CLI_CLI_H
#define CLI_CLI_H
/* Subcommands.  Each parses its own options from argv (argv[0] is the
 * subcommand's name), does its work and returns a status with a message;
 * cli/main.c is the one place that prints errors and picks exit codes. */

#include <stdint.h>

#include "core/calendar.h"
#include "core/error.h"

struct option; /* <getopt.h> */

/* The next option of a subcommand, as getopt_long (shortopts must start
 * with ':'): *c is the option, or -1 after the last.  A missing value is
 * CORE_ERR_INPUT "CMD: --x needs a value", an unknown option "CMD: unknown
 * option '--y' (try pipebench HELP)" (HELP: "--help", or the command's own
 * "export ics --help"). */
enum core_status cli_opt_next(int argc, char **argv, const char *shortopts,
                              const struct option *opts, const char *cmd,
                              const char *help, int *c, struct core_error *err);
/* After the options: anything left over is "CMD: unexpected 'X'". */
enum core_status cli_opt_end(int argc, char **argv, const char *cmd,
                             struct core_error *err);

struct db;
struct db_seller;
/* --seller NAME (db_seller_find), or without one the database's own seller
 * (db_seller_default); neither is CORE_ERR_NOTFOUND "CMD: no seller called
 * 'NAME' in PATH" or "no sellers in PATH yet; …".  Defined in cli/opts.c. */
enum core_status cli_seller_pick(const char *cmd, struct db *db, const char *name,
                                 struct db_seller *out, struct core_error *err);

struct cli_ctx {
	const char *db_path;   /* --db, or the default path */
	int db_path_given;     /* 1 when --db was on the command line */
	const char *team_dir;  /* --team or PIPEBENCH_TEAM when db_path is the
	                          seller's own file in that team; else NULL */
	int64_t today;         /* days since epoch (--today or the clock) */
	int today_given;       /* 1 when --today or PIPEBENCH_TODAY fixed it */
	int ascii;             /* the locale is not UTF-8 */
};

enum core_status cli_demo_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err);
enum core_status cli_week_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err);
enum core_status cli_checklist_run(const struct cli_ctx *ctx, int argc, char **argv,
                                   struct core_error *err);
enum core_status cli_matrix_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err);
enum core_status cli_settings_run(const struct cli_ctx *ctx, int argc, char **argv,
                                  struct core_error *err);
/* export KIND --crm PROFILE ... (cli/cmd_export.c); `export ics` is
 * handed to cli_export_ics (cli/cmd_ics.c) with argv[0] "ics". */
enum core_status cli_export_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err);
enum core_status cli_export_ics(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err);
/* The days an export's --week W (2026-W48, 48, this, next or prev), or
 * --from DATE --to DATE (both days included), name; each NULL when not
 * given.  Messages start with cmd ("export", "export ics") and name the
 * option. */
/* --week: "2026-W48", "48", this, next or prev, counted from today's
 * week; NULL is this week.  A bad one is "CMD: --week: why (e.g. …)".
 * Defined in cli/range.c. */
enum core_status cli_week_parse(const char *cmd, const char *text, int64_t today,
                                struct core_isoweek *out, struct core_error *err);
struct cli_range {
	int given;              /* 0: none of the options; the fields then hold
	                           the week of today */
	int64_t first, last;    /* days since epoch, local, both included */
	int64_t from, to;       /* Unix seconds [from, to): first's midnight to
	                           the midnight after last */
};
enum core_status cli_range_parse(const char *cmd, const char *week, const char *from,
                                 const char *to, int64_t today, struct cli_range *r,
                                 struct core_error *err);
/* import KIND FILE [--crm PROFILE] [--dry-run] [--skip-bad] (cli/cmd_import.c). */
enum core_status cli_import_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err);
/* crm-id seller|account|contact WHO ID; crm-id account WHO --domain D
 * (cli/cmd_crmid.c). */
enum core_status cli_crmid_run(const struct cli_ctx *ctx, int argc, char **argv,
                               struct core_error *err);

#endif
