#ifndef CORE_BUYING_H
#define CORE_BUYING_H
/* The buying centre: the people at an account who take part in a purchase,
 * their roles, and how much of them the seller has met lately.  The
 * article: often more than 6 people decide a B2B purchase, so meeting one
 * friendly contact again and again is not covering the account.  Plain
 * data and arithmetic; db/contacts.c fills the contacts. */

#include <stddef.h>
#include <stdint.h>

#include "core/meeting.h"

#define CORE_CONTACT_EMAIL_MAX 128  /* bytes of UTF-8, NUL included */
#define CORE_CONTACT_PHONE_MAX 40
#define CORE_CONTACT_ROLE_MAX 64
#define CORE_CONTACT_LEVEL_MAX 64

/* The window "met lately" is measured over, and the size below which the
 * known buying centre is probably incomplete. */
#define CORE_BUYING_DAYS_DEFAULT 90
#define CORE_BUYING_CENTRE_MIN 6

/* The roles of the buying centre.  The order is the order of importance
 * the coverage text lists the gaps in. */
enum core_role {
	CORE_ROLE_DECISION_MAKER, /* "decision_maker"   decision maker */
	CORE_ROLE_USER,           /* "user"             user */
	CORE_ROLE_TECHNICAL,      /* "technical_expert" technical expert */
	CORE_ROLE_PROCUREMENT,    /* "procurement"      procurement */
	CORE_ROLE_SPONSOR,        /* "sponsor"          sponsor */
	CORE_ROLE_INFLUENCER,     /* "influencer"       influencer */
	CORE_ROLE_GATEKEEPER,     /* "gatekeeper"       gatekeeper */
	CORE_ROLE_COUNT
};

/* Key: stable ASCII, stored in contact.role.  Label: for the screen.  Both
 * static; an out-of-range role gives "?".  core_role_parse accepts the key
 * or the label in any case, with '_', '-' and ' ' alike and blanks around
 * ignored ("Decision maker", "decision-maker", "TECHNICAL_EXPERT"), and
 * returns 0, or -1 when the text names no role (out untouched). */
const char *core_role_key(enum core_role r);
const char *core_role_label(enum core_role r);
int core_role_parse(const char *s, enum core_role *out);

/* The role text as stored: a text that names a role becomes its key, any
 * other text is kept (blanks around removed, cut to n bytes at a character
 * boundary) as the team's own role, which counts toward no role of the
 * vocabulary; NULL or blanks give "". */
void core_role_store(char *dst, size_t n, const char *text);

/* A contact at an account.  Text fields are NUL-terminated UTF-8. */
struct core_contact {
	int64_t id;                 /* 0 for a contact not yet stored */
	int64_t account_id;
	char name[CORE_NAME_MAX];
	char email[CORE_CONTACT_EMAIL_MAX];
	char phone[CORE_CONTACT_PHONE_MAX];
	char role[CORE_CONTACT_ROLE_MAX];   /* a role key, the team's own, or "" */
	char level[CORE_CONTACT_LEVEL_MAX]; /* free text: "C-level", "manager" */
	/* Unix seconds of the start of the last held meeting the contact took
	 * part in, 0 never: in any form, and in person (physical or hybrid:
	 * the article counts the hybrid room as meeting in person). */
	int64_t last_met;
	int64_t last_met_in_person;
};

struct core_coverage {
	int days;                 /* the window used, in days */
	int known;                /* contacts known at all */
	int met;                  /* of them, met within the window, any form */
	int met_in_person;        /* of them, met in person within the window */
	/* Bit (1u << role) set: some contact has the role / such a contact
	 * was met within the window / in person. */
	unsigned roles_known;
	unsigned roles_met;
	unsigned roles_met_in_person;
	int roles_uncovered;      /* roles of the vocabulary not met */
	int few_known;            /* known < CORE_BUYING_CENTRE_MIN */
};

/* How much of the buying centre c[0..n) was met in the `days` days up to
 * now (Unix seconds): a meeting at exactly now - days * 86400 counts, and
 * a held meeting after now counts too.  days <= 0 means
 * CORE_BUYING_DAYS_DEFAULT.  Linear in n. */
void core_buying_coverage(const struct core_contact *c, size_t n, int64_t now,
                          int days, struct core_coverage *out);

/* The account screen's line, into buf (n bytes, always NUL-terminated; a
 * short buffer is cut between items, with "…" where it fits):
 *   "met 4 of 7 in 90 days (2 in person) — no procurement, no sponsor met"
 * ("— every role met" when none is missing), followed by
 * ", only 3 known: often more than 6 decide" when fewer than
 * CORE_BUYING_CENTRE_MIN contacts are known, and
 *   "no contacts known: often more than 6 people decide a B2B purchase"
 * when none are. */
void core_coverage_text(const struct core_coverage *cv, char *buf, size_t n);

#endif
