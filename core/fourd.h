#ifndef CORE_FOURD_H
#define CORE_FOURD_H
/* The 4D warning (DOMAIN.md, the 4D model): a week whose meetings are
 * mostly Delivery has lost the strategic perspective, and virtual meetings
 * drift towards Delivery, so the warning says how many of those Delivery
 * meetings are virtual.  Pure arithmetic over the week's tally. */

#include "core/tally.h"

/* The team's threshold when none is set: warn above half. */
#define CORE_FOURD_THRESHOLD_DEFAULT 50
#define CORE_FOURD_THRESHOLD_MIN 1
#define CORE_FOURD_THRESHOLD_MAX 100

struct core_fourd {
	int threshold;        /* percent the check used, 1..100 */
	int meetings;         /* the week's meetings, not cancelled */
	int delivery;         /* of them, Delivery */
	int delivery_percent; /* whole percent, as the panel shows it */
	int delivery_virtual; /* of the Delivery meetings, virtual (everyone
	                         online; hybrid has a room, so it is not) */
	int virtual_percent;  /* whole percent of delivery; 0 without any */
	int warn;             /* delivery_percent > threshold */
};

/* Fills out from the tally and returns out->warn.  The share is compared
 * as the whole percent the panel shows (rounded half up, as
 * core_tally_dim_percent), so the screen never says "Delivery 50 %" and
 * warns above 50 %; exactly the threshold does not warn.  A threshold
 * outside 1..100 means CORE_FOURD_THRESHOLD_DEFAULT.  A week without
 * meetings never warns. */
int core_fourd_check(const struct core_tally *t, int delivery_threshold_percent,
                     struct core_fourd *out);

#endif
