/* The week and range options the subcommands share (cli/cli.h), read
 * one way so --week 48 means the same days to all of them. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/calendar.h"

/* Keeps the message of a failed parse and says which option it was. */
static enum core_status range_blame(const char *cmd, const char *opt,
                                    enum core_status st, struct core_error *err)
{
	char why[sizeof err->msg];
	snprintf(why, sizeof why, "%s", err->msg);
	return core_error_set(err, st, "%s: --%s: %s", cmd, opt, why);
}

static enum core_status range_day(const char *cmd, const char *opt, const char *text,
                                  int64_t *day, struct core_error *err)
{
	struct core_date d;
	enum core_status st = core_date_parse(text, &d, err);
	if (st != CORE_OK)
		return range_blame(cmd, opt, st, err);
	*day = core_days_from_date(d);
	return CORE_OK;
}

enum core_status cli_week_parse(const char *cmd, const char *text, int64_t today,
                                struct core_isoweek *out, struct core_error *err)
{
	struct core_isoweek now = core_isoweek_of(today);
	if (text == NULL || strcmp(text, "this") == 0) {
		*out = now;
		return CORE_OK;
	}
	if (strcmp(text, "next") == 0 || strcmp(text, "prev") == 0) {
		*out = core_isoweek_add(now, text[0] == 'n' ? 1 : -1);
		return CORE_OK;
	}
	enum core_status st = core_isoweek_parse(text, &now, out, err);
	if (st != CORE_OK) {
		char why[sizeof err->msg];
		snprintf(why, sizeof why, "%s", err->msg);
		return core_error_set(err, st, "%s: --week: %s (e.g. 2026-W48, 48, next)",
		                      cmd, why);
	}
	return CORE_OK;
}

enum core_status cli_range_parse(const char *cmd, const char *week, const char *from,
                                 const char *to, int64_t today, struct cli_range *r,
                                 struct core_error *err)
{
	if (week != NULL && (from != NULL || to != NULL))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: give --week or --from/--to, not both", cmd);
	enum core_status st;
	r->given = week != NULL || from != NULL || to != NULL;
	if (from != NULL || to != NULL) {
		if (from == NULL || to == NULL)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "%s: --from and --to go together", cmd);
		st = range_day(cmd, "from", from, &r->first, err);
		if (st == CORE_OK)
			st = range_day(cmd, "to", to, &r->last, err);
		if (st != CORE_OK)
			return st;
		if (r->last < r->first)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "%s: --to %s is before --from %s", cmd, to, from);
	} else {
		struct core_isoweek w;
		st = cli_week_parse(cmd, week, today, &w, err);
		if (st != CORE_OK)
			return st;
		r->first = core_isoweek_monday(w);
		r->last = r->first + 6;
	}
	r->from = core_local_to_epoch(r->first, 0);
	r->to = core_local_to_epoch(r->last + 1, 0);
	return CORE_OK;
}
