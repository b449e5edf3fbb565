#ifndef DB_WEEK_H
#define DB_WEEK_H
/* Everything one seller's week needs, in one call: the meetings (Monday
 * 00:00 to the next Monday 00:00, local time), the targets, the form
 * weights, the tally and the 4D threshold.  Shared by the TUI and `pipebench week --print`. */

#include <stdint.h>

#include "core/calendar.h"
#include "core/error.h"
#include "core/meeting.h"
#include "core/tally.h"
#include "db/conn.h"

struct db_week {
	struct core_isoweek week;
	int64_t monday;            /* days since epoch */
	int64_t from, to;          /* Unix seconds: [from, to) */
	struct core_meeting_list meetings; /* owned; freed by db_week_free */
	struct core_targets targets;
	struct core_form_weights weights;
	struct core_tally tally;
	/* The team's 4D threshold, whole percent (db_fourd_threshold_get):
	 * callers pass it to core_fourd_check with the tally. */
	int delivery_share_warn;
};

/* *out must be zeroed (or freed) before the first call; a second call on
 * the same struct reuses its memory. */
enum core_status db_week_load(struct db *db, int64_t seller_id,
                              struct core_isoweek w, struct db_week *out,
                              struct core_error *err);
void db_week_free(struct db_week *w);

#endif
