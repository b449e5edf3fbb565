#ifndef CORE_RECORD_H
#define CORE_RECORD_H
/* A record is one row of an export or an import, whatever the CRM: a
 * fixed set of named fields per kind (meetings, actions, accounts,
 * contacts), each a typed value.  db/ fills records from the database and
 * stores imported ones; core/profile.h maps their fields to a CRM's
 * columns.  The field names below are the `field` column of a profile
 * file (assets/profiles/NAME.csv) and the column names of the generic
 * profile, so they are stable: renaming one breaks a team's profile.
 *
 * Text values point into memory the record does not own (a statement's
 * row, a parsed CSV cell, a caller's scratch buffer): a record is valid
 * only as long as whatever filled it says so. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

enum core_kind {
	CORE_KIND_MEETINGS,
	CORE_KIND_ACTIONS,
	CORE_KIND_ACCOUNTS,
	CORE_KIND_CONTACTS,
	CORE_KIND_COUNT
};

/* "meetings" "actions" "accounts" "contacts"; parse also takes the
 * singular and "follow-ups"/"followups"/"tasks" for actions.  Returns 0,
 * or -1 (out untouched). */
const char *core_kind_key(enum core_kind k);
int core_kind_parse(const char *s, enum core_kind *out);

enum core_ftype {
	CORE_FT_TEXT,   /* UTF-8 */
	CORE_FT_INT,    /* ids, minutes, counts */
	CORE_FT_REAL,   /* km */
	CORE_FT_TIME,   /* an instant: Unix seconds, UTC */
	CORE_FT_DAY,    /* a local calendar day: days since 1970-01-01 */
	CORE_FT_BOOL,   /* 0 or 1 */
	CORE_FT_PHONE   /* text, but a valid E.164 number is written as is */
};

/* Flags of a field. */
enum {
	CORE_FD_REQUIRED = 1, /* an imported row without it is refused */
	CORE_FD_DERIVED = 2,  /* computed from other fields (core_record_derive);
	                         never stored, read back by import only where
	                         the text says so (see core_record_underive) */
	CORE_FD_VOCAB = 4     /* text that must be a key of a vocabulary
	                         (battlefield, form, ...): import checks it */
};

struct core_field_def {
	const char *name;      /* "starts_at" */
	enum core_ftype type;
	unsigned flags;
};

/* ---- the fields of each kind, in the generic profile's column order ---- */

enum core_meeting_field {
	CORE_MF_ID,             /* pipebench's stable id */
	CORE_MF_CRM_ID,         /* the CRM's own id of the event, when known */
	CORE_MF_SELLER,         /* the seller's name */
	CORE_MF_SELLER_CRM_ID,  /* OwnerId */
	CORE_MF_ACCOUNT_ID,
	CORE_MF_ACCOUNT,        /* the account's name */
	CORE_MF_ACCOUNT_CRM_ID, /* WhatId */
	CORE_MF_ACCOUNT_DOMAIN, /* HubSpot's association by company domain */
	CORE_MF_CONTACT,        /* a participant: one the CRM knows, else one with
	                           an email, else the first by name (db/export.c) */
	CORE_MF_CONTACT_EMAIL,
	CORE_MF_CONTACT_CRM_ID, /* WhoId */
	CORE_MF_PARTICIPANTS,   /* every participant's contact id, "12;15" */
	CORE_MF_STARTS_AT,
	CORE_MF_ENDS_AT,        /* derived: starts_at + duration */
	CORE_MF_DURATION,       /* minutes */
	CORE_MF_BATTLEFIELD,    /* core keys: "resale" ... */
	CORE_MF_TYPE,           /* a matrix row key: "negotiation" */
	CORE_MF_FORM,
	CORE_MF_DIM,
	CORE_MF_COMPLEXITY,
	CORE_MF_SALE,
	CORE_MF_STATUS,
	CORE_MF_FORM_REASON,
	CORE_MF_PURPOSE,
	CORE_MF_AGENDA,
	CORE_MF_PAINS,
	CORE_MF_SUMMARY,
	CORE_MF_NEEDS,
	CORE_MF_AGREED,
	CORE_MF_NOTES,
	CORE_MF_TITLE,          /* derived: "Negotiation · Fjordkraft AS" */
	CORE_MF_LOCATION,       /* derived: the city, "Online" or "Phone" */
	CORE_MF_DESCRIPTION,    /* derived: the minutes, then the tag line */
	CORE_MF_CREATED_AT,
	CORE_MF_UPDATED_AT,
	CORE_MF_COUNT
};

enum core_action_field {
	CORE_AF_ID,
	CORE_AF_MEETING_ID,     /* the meeting it came from; none: null */
	CORE_AF_SELLER,
	CORE_AF_SELLER_CRM_ID,
	CORE_AF_ACCOUNT_ID,
	CORE_AF_ACCOUNT,
	CORE_AF_ACCOUNT_CRM_ID,
	CORE_AF_ACCOUNT_DOMAIN,
	CORE_AF_TEXT,
	CORE_AF_OWNER,          /* "us", or the contact's name */
	CORE_AF_OWNER_EMAIL,
	CORE_AF_OWNER_CRM_ID,   /* WhoId */
	CORE_AF_DUE,            /* a day */
	CORE_AF_DONE,           /* bool */
	CORE_AF_DONE_AT,        /* an instant; null when open */
	CORE_AF_PRIORITY,       /* derived: "high" when overdue at export, else
	                           "normal" */
	CORE_AF_DESCRIPTION,    /* derived: the meeting it came from, tag line */
	CORE_AF_CREATED_AT,
	CORE_AF_UPDATED_AT,
	CORE_AF_COUNT
};

enum core_account_field {
	CORE_XF_ID,
	CORE_XF_CRM_ID,
	CORE_XF_NAME,
	CORE_XF_ORG_NO,
	CORE_XF_DOMAIN,
	CORE_XF_CITY,
	CORE_XF_KM,
	CORE_XF_TRAVEL_MIN,
	CORE_XF_OWNER,          /* the owning seller's name; null: nobody */
	CORE_XF_OWNER_CRM_ID,
	CORE_XF_CREATED_AT,
	CORE_XF_UPDATED_AT,
	CORE_XF_COUNT
};

enum core_contact_field {
	CORE_CF_ID,
	CORE_CF_CRM_ID,
	CORE_CF_ACCOUNT_ID,
	CORE_CF_ACCOUNT,
	CORE_CF_ACCOUNT_CRM_ID,
	CORE_CF_NAME,
	CORE_CF_FIRST_NAME,     /* derived: all but the last word of name */
	CORE_CF_LAST_NAME,      /* derived: the last word (Salesforce requires it) */
	CORE_CF_EMAIL,
	CORE_CF_PHONE,
	CORE_CF_ROLE,
	CORE_CF_LEVEL,
	CORE_CF_CREATED_AT,
	CORE_CF_UPDATED_AT,
	CORE_CF_COUNT
};

#define CORE_RECORD_MAX CORE_MF_COUNT /* the widest kind */

/* The kind's fields, n set to their count.  Static; never free. */
const struct core_field_def *core_kind_fields(enum core_kind k, size_t *n);
/* The index of the field called name in kind k (exact, lower case), or -1. */
int core_kind_field_find(enum core_kind k, const char *name);

struct core_value {
	int null;        /* 1: no value (an empty CSV cell, a NULL column) */
	int64_t i;       /* INT, TIME, DAY, BOOL */
	double r;        /* REAL */
	const char *s;   /* TEXT, PHONE: not owned, need not be NUL-terminated */
	size_t len;      /* bytes at s */
};

struct core_record {
	enum core_kind kind;
	struct core_value v[CORE_RECORD_MAX]; /* indexed by the kind's enum */
};

/* Every field null. */
void core_record_clear(struct core_record *r, enum core_kind kind);
/* Setters: text is not copied (see the top of this file). */
void core_record_set_text(struct core_record *r, int field, const char *s, size_t len);
void core_record_set_int(struct core_record *r, int field, int64_t i);
void core_record_set_real(struct core_record *r, int field, double d);

/* Fills the DERIVED fields of r from the others.  Derived text is written
 * into scratch (n bytes), which must outlive the record's use; 16 KiB is
 * plenty: a field that would not fit is cut at a UTF-8 boundary.  `today`
 * (days) decides an action's priority.
 *
 * The description ends with one tag line a script can parse and a person
 * can read, e.g.
 *   [pipebench id=42 battlefield=upsell type=negotiation form=hybrid
 *    dim=delivery complexity=medium sale=solution status=held]
 * (on one line) after the minutes' sections, each headed "Summary:",
 * "Needs and pains:", "Agreed:", "Notes:" and only when not empty. */
void core_record_derive(struct core_record *r, int64_t today, char *scratch, size_t n);

/* For import: where a profile brought a description but not the fields it
 * was derived from, fills battlefield, type, form, dim, complexity, sale
 * and status from the tag line, and the minutes' sections from the text
 * above it, each only where that field is still null.  Text values point
 * into the description.  A description without a tag line changes
 * nothing. */
void core_record_underive(struct core_record *r);

#endif
