/* pipebench review: the live team dashboard (tui/review.c), or with
 * --print the same dashboard as text on stdout, drawn by the same code
 * (tui/review_draw.c) into a canvas.  Every seller's file is opened
 * read-only and never written. */
#include "cli/review.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/review.h"
#include "db/review.h"
#include "tui/canvas.h"
#include "tui/review.h"
#include "tui/review_draw.h"

#define REVIEW_DEFAULT_WIDTH 80
#define REVIEW_MIN_WIDTH 80
#define REVIEW_MIN_HEIGHT 24
#define REVIEW_MAX_SIDE 1000

struct review_opts {
	const char *team;
	const char *week;
	const char *sort;
	int print;
	int width;
	int ascii;
};

static enum core_status review_parse_args(int argc, char **argv, struct review_opts *o,
                                          struct core_error *err)
{
	static const struct option opts[] = {
		{ "team", required_argument, NULL, 'T' },
		{ "week", required_argument, NULL, 'w' },
		{ "sort", required_argument, NULL, 's' },
		{ "print", no_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'W' },
		{ "ascii", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	enum core_status st = CORE_OK;
	int c = 0;
	while (st == CORE_OK &&
	       (st = cli_opt_next(argc, argv, ":", opts, "review", "--help", &c, err)) == CORE_OK &&
	       c != -1) {
		switch (c) {
		case 'T': o->team = optarg; break;
		case 'w': o->week = optarg; break;
		case 's': o->sort = optarg; break;
		case 'p': o->print = 1; break;
		case 'a': o->ascii = 1; break;
		case 'W': {
			errno = 0;
			char *end = NULL;
			long v = 0;
			if (optarg[0] >= '0' && optarg[0] <= '9')
				v = strtol(optarg, &end, 10);
			if (end == NULL || *end != '\0' || errno != 0 || v < REVIEW_MIN_WIDTH ||
			    v > REVIEW_MAX_SIDE)
				st = core_error_set(err, CORE_ERR_INPUT,
				                    "review: --width: expected a number from %d to "
				                    "%d, got '%s'", REVIEW_MIN_WIDTH,
				                    REVIEW_MAX_SIDE, optarg);
			o->width = (int)v;
			break;
		}
		}
	}
	if (st == CORE_OK)
		st = cli_opt_end(argc, argv, "review", err);
	return st;
}

static enum core_status review_print(const struct review_opts *o,
                                     const struct tui_review_model *m,
                                     struct core_error *err)
{
	int width = o->width > 0 ? o->width : REVIEW_DEFAULT_WIDTH;
	size_t need = m->n + TUI_REVIEW_CHROME_ROWS;
	int height = need < REVIEW_MIN_HEIGHT ? REVIEW_MIN_HEIGHT
	             : need > REVIEW_MAX_SIDE ? REVIEW_MAX_SIDE : (int)need;
	struct tui_canvas canvas;
	if (tui_canvas_init(&canvas, height, width, o->ascii) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "review: out of memory");
	tui_review_draw(&canvas, m);
	int rc = tui_canvas_dump(&canvas, stdout);
	tui_canvas_free(&canvas);
	if (rc != 0 || fflush(stdout) != 0)
		return core_error_set(err, CORE_ERR_IO, "review: writing the dashboard: %s",
		                      strerror(errno));
	return CORE_OK;
}

enum core_status cli_review_run(const struct cli_ctx *ctx, int argc, char **argv,
                                struct core_error *err)
{
	struct review_opts o = { 0 };
	enum core_status st = review_parse_args(argc, argv, &o, err);
	if (st != CORE_OK)
		return st;
	if (o.team == NULL)
		o.team = getenv("PIPEBENCH_TEAM");
	if (o.team == NULL || o.team[0] == '\0')
		return core_error_set(err, CORE_ERR_INPUT,
		                      "review: which team? give --team DIR (or set "
		                      "PIPEBENCH_TEAM)");
	enum core_review_col sort = CORE_REVIEW_NAME;
	if (o.sort != NULL && core_review_col_parse(o.sort, &sort) != 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "review: --sort: no column '%s' (name, target, "
		                      "planned, held, visits, overdue, changed)", o.sort);
	o.ascii = o.ascii || ctx->ascii;
	struct core_isoweek wk;
	st = cli_week_parse("review", o.week, ctx->today, &wk, err);
	if (st != CORE_OK)
		return st;

	if (!o.print) {
		if (o.width != 0)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "review: --width goes with --print (the live "
			                      "review fills the terminal)");
		struct tui_review_opts to = { .team_dir = o.team, .week = wk,
		                              .today = ctx->today,
		                              .today_fixed = ctx->today_given, .sort = sort,
		                              .ascii = o.ascii };
		return tui_review_run(&to, err);
	}

	struct db_review r;
	memset(&r, 0, sizeof r);
	st = db_review_load(o.team, wk, ctx->today, &r, err);
	if (st == CORE_OK) {
		core_review_sort(r.rows, r.n, sort);
		struct core_review_row total;
		core_review_total(r.rows, r.n, r.threshold, &total);
		struct tui_review_model m = {
			.week = wk,
			.today = ctx->today,
			.rows = r.rows,
			.n = r.n,
			.total = &total,
			.unreadable = r.unreadable,
			.sort = sort,
			.threshold = r.threshold,
			.selected = -1,
		};
		st = review_print(&o, &m, err);
	}
	db_review_free(&r);
	return st;
}
