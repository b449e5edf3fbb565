/* pipebench week --print: the week view as text on stdout, drawn by the
 * same code as the TUI (tui/week_draw.c) into a canvas instead of a
 * terminal.  Tests and the benchmark run it, so it does only what the
 * picture needs: one read-only connection, one seller, one week. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/calendar.h"
#include "core/matrix.h"
#include "db/actions.h"
#include "db/conn.h"
#include "db/sellers.h"
#include "db/settings.h"
#include "db/week.h"
#include "tui/canvas.h"
#include "tui/week_draw.h"

#define WEEK_DEFAULT_WIDTH 100
#define WEEK_DEFAULT_HEIGHT 30
#define WEEK_MIN_WIDTH 80
#define WEEK_MIN_HEIGHT 24
#define WEEK_MAX_SIDE 1000
/* What the week screen needs besides two rows per meeting of the busiest
 * day: the title, the grid's two borders, the five-row panel and the key
 * line (tui/week_draw.c).  With this many rows every meeting is shown. */
#define WEEK_CHROME_ROWS 9

struct week_opts {
	const char *week;
	const char *seller;
	int print;
	int width, height;      /* 0: not given */
	int weekend;
	int ascii;
};

static enum core_status week_number(const char *opt, const char *text, int min,
                                    int max, int *out, struct core_error *err)
{
	errno = 0;
	char *end = NULL;
	long v = 0;
	if (text[0] >= '0' && text[0] <= '9')
		v = strtol(text, &end, 10);
	if (end == NULL || *end != '\0' || errno != 0 || v < min || v > max)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "week: --%s: expected a number from %d to %d, got '%s'",
		                      opt, min, max, text);
	*out = (int)v;
	return CORE_OK;
}

static enum core_status week_parse_args(int argc, char **argv, struct week_opts *o,
                                        struct core_error *err)
{
	static const struct option opts[] = {
		{ "week", required_argument, NULL, 'w' },
		{ "seller", required_argument, NULL, 's' },
		{ "print", no_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'W' },
		{ "height", required_argument, NULL, 'H' },
		{ "weekend", no_argument, NULL, 'e' },
		{ "ascii", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	enum core_status st = CORE_OK;
	int c = 0;
	while (st == CORE_OK &&
	       (st = cli_opt_next(argc, argv, ":", opts, "week", "--help", &c, err)) == CORE_OK &&
	       c != -1) {
		switch (c) {
		case 'w': o->week = optarg; break;
		case 's': o->seller = optarg; break;
		case 'p': o->print = 1; break;
		case 'W':
			st = week_number("width", optarg, WEEK_MIN_WIDTH, WEEK_MAX_SIDE,
			                 &o->width, err);
			break;
		case 'H':
			st = week_number("height", optarg, WEEK_MIN_HEIGHT, WEEK_MAX_SIDE,
			                 &o->height, err);
			break;
		case 'e': o->weekend = 1; break;
		case 'a': o->ascii = 1; break;
		}
	}
	if (st == CORE_OK)
		st = cli_opt_end(argc, argv, "week", err);
	return st;
}

static enum core_status week_open(const char *path, struct db **db,
                                  struct core_error *err)
{
	enum core_status st = db_open(path, DB_OPEN_READONLY, db, err);
	/* Read-only never creates the file; say how one comes to be. */
	if (st == CORE_ERR_IO && access(path, F_OK) != 0)
		return core_error_set(err, CORE_ERR_IO,
		                      "%s: no such database (pipebench creates it; "
		                      "pipebench --db %s demo fills one with demo data)",
		                      path, path);
	return st;
}

/* Rows that show every meeting of the busiest visible day. */
static int week_height_needed(const struct db_week *w, int days)
{
	int per_day[7] = { 0 };
	int busiest = 0;
	for (size_t i = 0; i < w->meetings.n; i++) {
		int64_t day;
		int minute;
		core_local_from_epoch(w->meetings.items[i].starts_at, &day, &minute);
		int64_t d = day - w->monday;
		if (d >= 0 && d < days && ++per_day[d] > busiest)
			busiest = per_day[d];
	}
	return WEEK_CHROME_ROWS + 2 * busiest;
}

static enum core_status week_print(const struct week_opts *o,
                                   const struct tui_week_model *model,
                                   const struct db_week *w, struct core_error *err)
{
	int width = o->width > 0 ? o->width : WEEK_DEFAULT_WIDTH;
	int height = o->height;
	if (height == 0) {
		height = week_height_needed(w, o->weekend ? 7 : 5);
		if (height < WEEK_DEFAULT_HEIGHT)
			height = WEEK_DEFAULT_HEIGHT;
		if (height > WEEK_MAX_SIDE)
			height = WEEK_MAX_SIDE;
	}
	struct tui_canvas canvas;
	if (tui_canvas_init(&canvas, height, width, o->ascii) != 0)
		return core_error_set(err, CORE_ERR_NOMEM, "week: out of memory");
	tui_week_draw(&canvas, model);
	int rc = tui_canvas_dump(&canvas, stdout);
	tui_canvas_free(&canvas);
	if (rc != 0 || fflush(stdout) != 0)
		return core_error_set(err, CORE_ERR_IO, "week: writing the week: %s",
		                      strerror(errno));
	return CORE_OK;
}

enum core_status cli_week_run(const struct cli_ctx *ctx, int argc, char **argv,
                              struct core_error *err)
{
	struct week_opts o = { 0 };
	enum core_status st = week_parse_args(argc, argv, &o, err);
	if (st != CORE_OK)
		return st;
	if (!o.print)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "week: --print is required (without it, run "
		                      "pipebench to open the TUI)");
	o.ascii = o.ascii || ctx->ascii;
	struct core_isoweek wk;
	st = cli_week_parse("week", o.week, ctx->today, &wk, err);
	if (st != CORE_OK)
		return st;

	struct db *db = NULL;
	st = week_open(ctx->db_path, &db, err);
	if (st != CORE_OK)
		return st;
	struct db_seller seller;
	struct db_week week;
	memset(&week, 0, sizeof week);
	struct core_matrix matrix; /* for the types' brief names */
	st = cli_seller_pick("week", db, o.seller, &seller, err);
	if (st == CORE_OK)
		st = db_week_load(db, seller.id, wk, &week, err);
	if (st == CORE_OK)
		st = db_matrix_get(db, &matrix, NULL, err);
	int64_t overdue = 0;
	if (st == CORE_OK)
		st = db_action_overdue_count(db, seller.id, ctx->today, &overdue, err);
	db_close(db);

	if (st == CORE_OK) {
		struct tui_week_model model = {
			.week = wk,
			.today = ctx->today,
			.meetings = week.meetings.items,
			.n_meetings = week.meetings.n,
			.matrix = &matrix,
			.tally = week.tally,
			.overdue = (int)overdue,
			.show_weekend = o.weekend,
			.selected = -1,
			.monochrome = 1,
		};
		core_utf8_copy(model.seller, sizeof model.seller, seller.name);
		model.warnings += core_fourd_check(&model.tally, week.delivery_share_warn,
		                                   &model.fourd);
		st = week_print(&o, &model, &week, err);
	}
	db_week_free(&week);
	return st;
}
