/* pipebench settings: the team's weekly visit targets and how much a held
 * meeting of each contact form counts as a visit. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/domain.h"
#include "core/tally.h"
#include "db/conn.h"
#include "db/sellers.h"
#include "db/settings.h"

/* A decimal number from min to max ("2", "0.5"). */
static enum core_status settings_number(const char *what, const char *text,
                                        double min, double max, double *out,
                                        struct core_error *err)
{
	errno = 0;
	char *end = NULL;
	double v = strtod(text, &end);
	if (end == text || *end != '\0' || errno != 0 || !isfinite(v) || v < min ||
	    v > max)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: expected a number from %g to %g, got '%s'",
		                      what, min, max, text);
	*out = v;
	return CORE_OK;
}

/* Prints s padded with blanks to width characters (UTF-8 aware: æøå are
 * two bytes but one column). */
static void settings_pad(const char *s, int width)
{
	int cols = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		cols += (*p & 0xC0) != 0x80;
	fputs(s, stdout);
	for (; cols < width; cols++)
		putchar(' ');
}

static void settings_target_row(const char *who, const struct core_targets *t)
{
	settings_pad(who, 28);
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		printf(" %8g", t->visits[bf]);
	putchar('\n');
}

static enum core_status settings_show(struct db *db, struct core_error *err)
{
	struct core_targets team;
	enum core_status st = db_targets_get(db, 0, &team, err);
	struct db_seller *sellers = NULL;
	size_t n = 0;
	if (st == CORE_OK)
		st = db_seller_list(db, &sellers, &n, err);
	if (st != CORE_OK)
		return st;
	settings_pad("targets, visits a week", 28);
	for (int bf = 0; bf < CORE_BF_COUNT; bf++)
		printf(" %8s", core_battlefield_label((enum core_battlefield)bf));
	putchar('\n');
	settings_target_row("  team default", &team);
	for (size_t i = 0; st == CORE_OK && i < n; i++) {
		struct core_targets t;
		st = db_targets_get(db, sellers[i].id, &t, err);
		if (st == CORE_OK) {
			char who[CORE_NAME_MAX + 2];
			snprintf(who, sizeof who, "  %s", sellers[i].name);
			settings_target_row(who, &t);
		}
	}
	free(sellers);
	if (st != CORE_OK)
		return st;

	struct core_form_weights w;
	st = db_form_weights_get(db, &w, err);
	if (st != CORE_OK)
		return st;
	fputs("\nform weights, a held meeting counts as\n ", stdout);
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		printf(" %s %g", core_form_key((enum core_form)f), w.w[f]);
	putchar('\n');

	int share;
	st = db_fourd_threshold_get(db, &share, err);
	if (st != CORE_OK)
		return st;
	printf("\n4D: the week warns when more than %d %% of its meetings are Delivery\n",
	       share);

	struct core_matrix m;
	int from_db = 0;
	st = db_matrix_get(db, &m, &from_db, err);
	if (st != CORE_OK)
		return st;
	printf("\nmatrix: %s, %d meeting types\n",
	       from_db ? "the team's own (stored in the database)"
	               : "the default (assets/matrix.csv)", m.n_types);
	return CORE_OK;
}

/* A change asked for on the command line, checked in full before the
 * database is opened, so that a refused one never creates a file. */
struct settings_change {
	enum { SETTINGS_SHOW, SETTINGS_TARGET, SETTINGS_WEIGHT, SETTINGS_DELIVERY } what;
	const char *seller;          /* target: a seller's name, NULL for the team */
	enum core_battlefield bf;    /* target */
	enum core_form form;         /* weight */
	double value;                /* the visits, the weight or the percent */
};

static enum core_status settings_target_parse(int argc, char **argv,
                                              struct settings_change *ch,
                                              struct core_error *err)
{
	static const struct option opts[] = {
		{ "seller", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int c, prev_opterr = opterr;
	opterr = 0;
	enum core_status st = CORE_OK;
	while (st == CORE_OK && (c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 's')
			ch->seller = optarg;
		else
			st = core_error_set(err, CORE_ERR_INPUT,
			                    "settings target: %s '%s'",
			                    c == ':' ? "a value is missing after"
			                             : "unknown option", argv[optind - 1]);
	}
	opterr = prev_opterr;
	if (st != CORE_OK)
		return st;
	if (argc - optind != 2)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "usage: pipebench settings target BATTLEFIELD VISITS "
		                      "[--seller NAME]");
	if (core_battlefield_parse(argv[optind], &ch->bf) != 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "unknown battlefield '%s' (resale, upsell or new)",
		                      argv[optind]);
	ch->what = SETTINGS_TARGET;
	return settings_number("VISITS", argv[optind + 1], 0, 100, &ch->value, err);
}

static enum core_status settings_weight_parse(int argc, char **argv,
                                              struct settings_change *ch,
                                              struct core_error *err)
{
	if (argc != 3)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "usage: pipebench settings weight FORM WEIGHT");
	if (core_form_parse(argv[1], &ch->form) != 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "unknown contact form '%s' (physical, hybrid, virtual "
		                      "or phone)", argv[1]);
	ch->what = SETTINGS_WEIGHT;
	return settings_number("WEIGHT", argv[2], 0, 10, &ch->value, err);
}

/* The 4D threshold: a whole percent, 1..100. */
static enum core_status settings_delivery_parse(int argc, char **argv,
                                                struct settings_change *ch,
                                                struct core_error *err)
{
	if (argc != 2)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "usage: pipebench settings delivery-share PERCENT");
	ch->what = SETTINGS_DELIVERY;
	enum core_status st = settings_number("PERCENT", argv[1], 1, 100, &ch->value, err);
	if (st == CORE_OK && ch->value != floor(ch->value))
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "PERCENT: expected a whole number from 1 to 100, got '%s'",
		                    argv[1]);
	return st;
}

static enum core_status settings_apply(struct db *db, const struct settings_change *ch,
                                       struct core_error *err)
{
	enum core_status st = CORE_OK;
	switch (ch->what) {
	case SETTINGS_SHOW:
		return settings_show(db, err);
	case SETTINGS_TARGET: {
		struct db_seller s = { 0, "" };
		if (ch->seller != NULL)
			st = db_seller_find(db, ch->seller, &s, err);
		if (st == CORE_OK)
			st = db_target_set(db, s.id, ch->bf, ch->value, err);
		if (st == CORE_OK)
			printf("target: %s %g visits a week for %s\n", core_battlefield_key(ch->bf),
			       ch->value, ch->seller != NULL ? s.name : "the team");
		return st;
	}
	case SETTINGS_WEIGHT:
		st = db_form_weight_set(db, ch->form, ch->value, err);
		if (st == CORE_OK)
			printf("weight: a held %s meeting counts as %g visits\n",
			       core_form_key(ch->form), ch->value);
		return st;
	case SETTINGS_DELIVERY:
		st = db_fourd_threshold_set(db, (int)ch->value, err);
		if (st == CORE_OK)
			printf("delivery share: the week warns above %d %% Delivery\n",
			       (int)ch->value);
		return st;
	}
	return st;
}

enum core_status cli_settings_run(const struct cli_ctx *ctx, int argc, char **argv,
                                  struct core_error *err)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	struct settings_change ch = { SETTINGS_SHOW, NULL, CORE_BF_RESALE, CORE_FORM_PHYSICAL,
	                              0.0 };
	enum core_status st;
	if (strcmp(cmd, "show") == 0)
		st = argc > 2 ? core_error_set(err, CORE_ERR_INPUT,
		                               "settings show: unexpected '%s'", argv[2])
		              : CORE_OK;
	else if (strcmp(cmd, "target") == 0)
		st = settings_target_parse(argc - 1, argv + 1, &ch, err);
	else if (strcmp(cmd, "weight") == 0)
		st = settings_weight_parse(argc - 1, argv + 1, &ch, err);
	else if (strcmp(cmd, "delivery-share") == 0)
		st = settings_delivery_parse(argc - 1, argv + 1, &ch, err);
	else
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "settings: expected show, target, weight or "
		                    "delivery-share%s%s%s",
		                    cmd[0] ? ", not '" : "", cmd, cmd[0] ? "'" : "");
	if (st != CORE_OK)
		return st;
	struct db *db = NULL;
	st = db_open(ctx->db_path, DB_OPEN_CREATE, &db, err);
	if (st != CORE_OK)
		return st;
	st = settings_apply(db, &ch, err);
	db_close(db);
	if (st == CORE_OK && fflush(stdout) != 0)
		st = core_error_set(err, CORE_ERR_IO, "writing the output: %s", strerror(errno));
	return st;
}
