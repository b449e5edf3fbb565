#include "core/tally.h"

#include <string.h>

void core_form_weights_default(struct core_form_weights *w)
{
	w->w[CORE_FORM_PHYSICAL] = 1.0;
	w->w[CORE_FORM_HYBRID] = 1.0;
	w->w[CORE_FORM_VIRTUAL] = 0.5;
	w->w[CORE_FORM_PHONE] = 0.0;
}

static void row_add(struct core_tally_row *sum, const struct core_tally_row *r)
{
	sum->planned += r->planned;
	sum->held += r->held;
	sum->cancelled += r->cancelled;
	sum->visits += r->visits;
	sum->visits_planned += r->visits_planned;
	for (int f = 0; f < CORE_FORM_COUNT; f++)
		sum->by_form[f] += r->by_form[f];
}

/* The enums come from the database, which is not trusted: a value out of
 * range is left out of the column it would index instead of indexing past
 * the array.  A meeting without a valid battlefield has no row to go to. */
void core_tally_week(const struct core_meeting *m, size_t n,
                     const struct core_targets *targets,
                     const struct core_form_weights *weights,
                     struct core_tally *out)
{
	struct core_form_weights def;
	if (weights == NULL) {
		core_form_weights_default(&def);
		weights = &def;
	}
	memset(out, 0, sizeof *out);

	for (size_t i = 0; i < n; i++) {
		int bf = (int)m[i].battlefield;
		int form = (int)m[i].form;
		int dim = (int)m[i].dim;
		if (bf < 0 || bf >= CORE_BF_COUNT)
			continue;
		struct core_tally_row *row = &out->bf[bf];
		if (m[i].status == CORE_MS_CANCELLED) {
			row->cancelled++;
			continue;
		}
		double w = form >= 0 && form < CORE_FORM_COUNT ? weights->w[form] : 0.0;
		row->planned++;
		row->visits_planned += w;
		if (form >= 0 && form < CORE_FORM_COUNT)
			row->by_form[form]++;
		if (m[i].status == CORE_MS_HELD) {
			row->held++;
			row->visits += w;
		}
		if (dim >= 0 && dim < CORE_DIM_COUNT) {
			out->by_dim[dim]++;
			if (form >= 0 && form < CORE_FORM_COUNT)
				out->by_dim_form[dim][form]++;
		}
	}

	for (int bf = 0; bf < CORE_BF_COUNT; bf++) {
		out->bf[bf].target = targets != NULL ? targets->visits[bf] : 0.0;
		out->total.target += out->bf[bf].target;
		row_add(&out->total, &out->bf[bf]);
	}
}

int core_tally_dim_percent(const struct core_tally *t, enum core_dim d)
{
	long total = t->total.planned;
	if ((int)d < 0 || d >= CORE_DIM_COUNT || total <= 0)
		return 0;
	/* Round half up in integers: 1 of 8 is 12.5 %, shown as 13 %. */
	return (int)((200L * t->by_dim[d] + total) / (2 * total));
}
