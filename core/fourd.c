/* The 4D warning: too much Delivery in a week, and how much of it virtual. */
#include "core/fourd.h"

#include <string.h>

/* Whole percent of part in whole, rounded half up in integers (1 of 8 is
 * 12.5 %, shown as 13 %); 0 when whole is 0. */
static int percent(long part, long whole)
{
	return whole > 0 ? (int)((200L * part + whole) / (2 * whole)) : 0;
}

int core_fourd_check(const struct core_tally *t, int delivery_threshold_percent,
                     struct core_fourd *out)
{
	memset(out, 0, sizeof *out);
	out->threshold = delivery_threshold_percent >= CORE_FOURD_THRESHOLD_MIN &&
	                 delivery_threshold_percent <= CORE_FOURD_THRESHOLD_MAX
	                 ? delivery_threshold_percent : CORE_FOURD_THRESHOLD_DEFAULT;
	out->meetings = t->total.planned;
	out->delivery = t->by_dim[CORE_DIM_DELIVERY];
	out->delivery_virtual = t->by_dim_form[CORE_DIM_DELIVERY][CORE_FORM_VIRTUAL];
	out->delivery_percent = percent(out->delivery, out->meetings);
	out->virtual_percent = percent(out->delivery_virtual, out->delivery);
	out->warn = out->meetings > 0 && out->delivery_percent > out->threshold;
	return out->warn;
}
