/* One seller's week: four queries (meetings, targets, weights, the 4D
 * threshold) and the tally.  The meeting query is a cached statement on
 * the index meeting(seller_id, starts_at). */
#include "db/week.h"

#include <string.h>

#include "db/meetings.h"
#include "db/settings.h"

enum core_status db_week_load(struct db *db, int64_t seller_id,
                              struct core_isoweek w, struct db_week *out,
                              struct core_error *err)
{
	/* Keep the list's memory for the next week. */
	out->meetings.n = 0;
	out->week = w;
	out->monday = core_isoweek_monday(w);
	out->from = core_local_to_epoch(out->monday, 0);
	out->to = core_local_to_epoch(out->monday + 7, 0);
	memset(&out->tally, 0, sizeof out->tally);
	enum core_status s = db_meeting_range(db, seller_id, out->from, out->to,
	                                      &out->meetings, err);
	if (s == CORE_OK)
		s = db_targets_get(db, seller_id, &out->targets, err);
	if (s == CORE_OK)
		s = db_form_weights_get(db, &out->weights, err);
	if (s == CORE_OK)
		s = db_fourd_threshold_get(db, &out->delivery_share_warn, err);
	if (s != CORE_OK)
		return s;
	core_tally_week(out->meetings.items, out->meetings.n, &out->targets,
	                &out->weights, &out->tally);
	return CORE_OK;
}

void db_week_free(struct db_week *w)
{
	if (w == NULL)
		return;
	core_meeting_list_free(&w->meetings);
}
