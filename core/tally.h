#ifndef CORE_TALLY_H
#define CORE_TALLY_H
/* Target against actual for one seller's week: what the panel under the
 * week grid shows.  Pure arithmetic over a list of meetings. */

#include <stddef.h>

#include "core/domain.h"
#include "core/meeting.h"

/* How much one held meeting of each form counts as a visit.  A team
 * setting; the default is physical 1, hybrid 1, virtual 0.5, phone 0. */
struct core_form_weights {
	double w[CORE_FORM_COUNT];
};

/* Visits a week, per battlefield. */
struct core_targets {
	double visits[CORE_BF_COUNT];
};

struct core_tally_row {
	double target;        /* visits a week */
	int planned;          /* every meeting not cancelled, held ones too */
	int held;
	int cancelled;
	double visits;        /* held meetings, weighted by form */
	double visits_planned;/* planned + held, weighted: what the week could reach */
	int by_form[CORE_FORM_COUNT]; /* not cancelled */
};

struct core_tally {
	struct core_tally_row bf[CORE_BF_COUNT];
	struct core_tally_row total;
	int by_dim[CORE_DIM_COUNT];   /* not cancelled */
	/* by_dim split by contact form, not cancelled: the 4D warning asks
	 * how many Delivery meetings are virtual (core/fourd.h). */
	int by_dim_form[CORE_DIM_COUNT][CORE_FORM_COUNT];
};

void core_form_weights_default(struct core_form_weights *w);
void core_tally_week(const struct core_meeting *m, size_t n,
                     const struct core_targets *targets,
                     const struct core_form_weights *weights,
                     struct core_tally *out);
/* Whole percent of dim among not-cancelled meetings; 0 when there are none. */
int core_tally_dim_percent(const struct core_tally *t, enum core_dim d);

#endif
