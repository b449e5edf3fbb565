#ifndef CORE_FOLLOWUP_H
#define CORE_FOLLOWUP_H
/* Follow-up actions agreed in a meeting, and the urgency they are shown
 * in: overdue, due this week, later.  Plain data: db/actions.h fills it,
 * the minutes and follow-ups screens draw it.  Days are counted as in
 * core/calendar.h; "today" is always passed in. */

#include <stddef.h>
#include <stdint.h>

#include "core/domain.h"
#include "core/meeting.h"

/* Bytes of UTF-8, NUL included: the 2000 bytes db_action_insert accepts
 * fit whole, so an action read, edited and saved again loses nothing.
 * Only a longer text written behind our back is cut on reading. */
#define CORE_ACTION_TEXT_MAX 2001

struct core_action {
	int64_t id;                   /* 0 for an action not yet stored */
	int64_t meeting_id;           /* 0: none, or its meeting was deleted */
	int64_t account_id;
	int64_t seller_id;            /* whose follow-up list it is on */
	char account[CORE_NAME_MAX];  /* the account's name, for display */
	enum core_battlefield battlefield; /* of its meeting; CORE_BF_RESALE and
	                                      meaningless when meeting_id is 0 */
	int64_t meeting_starts_at;    /* Unix seconds; 0 when meeting_id is 0 */
	char text[CORE_ACTION_TEXT_MAX];
	int64_t owner_contact_id;     /* 0: us, the seller */
	char owner[CORE_NAME_MAX];    /* the contact's name; "" when it is us */
	int64_t due;                  /* a local day, days since 1970-01-01 */
	int done;                     /* 0 open, 1 done */
	int64_t done_at;              /* Unix seconds; 0 while open */
	int64_t updated_at;           /* Unix seconds of the last change */
};

/* A growable list.  The owner frees items with core_action_list_free(). */
struct core_action_list {
	struct core_action *items;
	size_t n;
	size_t cap;
};

/* Appends a copy; returns NULL when out of memory (the list is unchanged). */
struct core_action *core_action_list_push(struct core_action_list *l,
                                          const struct core_action *a);
void core_action_list_free(struct core_action_list *l);

/* Best first: what is overdue, then what is due by Sunday, then later. */
enum core_due_bucket {
	CORE_DUE_OVERDUE,    /* due < today */
	CORE_DUE_THIS_WEEK,  /* today <= due <= the Sunday of today's ISO week */
	CORE_DUE_LATER
};

enum core_due_bucket core_due_bucket_of(int64_t due, int64_t today);

/* Orders the actions for the follow-ups screen: open before done; among
 * the open, by bucket (overdue, this week, later) and within a bucket by
 * due, oldest first; ties by account name (ASCII case ignored) and then
 * id.  The buckets are consecutive ranges of days, so the bucket order is
 * the order of due for every today: the order does not depend on the day
 * it is sorted, and a list sorted yesterday is still sorted.  O(n log n). */
void core_action_sort(struct core_action *items, size_t n);
void core_action_list_sort(struct core_action_list *l);

/* Open actions with due < today. */
int core_action_overdue_count(const struct core_action *items, size_t n,
                              int64_t today);

#endif
