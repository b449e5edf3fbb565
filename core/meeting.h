#ifndef CORE_MEETING_H
#define CORE_MEETING_H
/* A planned, held or cancelled customer meeting, as the domain sees it.
 * Plain data: db/ fills it, tui/ draws it, core/ counts it. */

#include <stddef.h>
#include <stdint.h>

#include "core/domain.h"
#include "core/matrix.h"
/* For core_utf8_copy, which every filler of the text fields below uses. */
#include "core/utf8.h"

#define CORE_NAME_MAX 128   /* bytes of UTF-8, NUL included */

struct core_meeting {
	int64_t id;               /* 0 for a meeting not yet stored */
	int64_t seller_id;
	int64_t account_id;
	char account[CORE_NAME_MAX];  /* the account's name, for display */
	int64_t starts_at;        /* Unix seconds, UTC */
	int duration_min;
	enum core_battlefield battlefield;
	char type[CORE_TYPE_KEY_MAX]; /* a matrix row key, e.g. "negotiation" */
	enum core_form form;
	enum core_dim dim;
	enum core_complexity complexity;
	enum core_sale sale;
	enum core_mstatus status;
	char form_reason[160];    /* why a form rated hardly/no-go was chosen; "" */
	int64_t updated_at;       /* Unix seconds of the last change */
};

/* A growable list.  The owner frees items with core_meeting_list_free(). */
struct core_meeting_list {
	struct core_meeting *items;
	size_t n;
	size_t cap;
};

/* Appends a copy; returns NULL when out of memory. */
struct core_meeting *core_meeting_list_push(struct core_meeting_list *l,
                                            const struct core_meeting *m);
void core_meeting_list_free(struct core_meeting_list *l);

#endif
