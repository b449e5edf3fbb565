#ifndef CORE_MINUTES_H
#define CORE_MINUTES_H
/* A meeting's preparation (written before it) and minutes (written after):
 * multi-line UTF-8 texts of up to CORE_NOTE_MAX bytes each.  That is too
 * large for structs on the stack, so each text is a malloc'd string owned
 * by its struct: set it with core_prep_set / core_minutes_set (which copy)
 * and release everything with core_prep_free / core_minutes_free.  A NULL
 * text is an empty one, so a zeroed struct is an empty preparation. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* Bytes of one text, the NUL not counted: 64 KiB, pages of typing. */
#define CORE_NOTE_MAX 65536

enum core_prep_field {
	CORE_PREP_PURPOSE,  /* "purpose" Purpose */
	CORE_PREP_AGENDA,   /* "agenda"  Agenda */
	CORE_PREP_PAINS,    /* "pains"   Business pains: the pains and
	                       acceptances to focus on */
	CORE_PREP_COUNT
};

enum core_minutes_field {
	CORE_MIN_SUMMARY,   /* "summary" Summary */
	CORE_MIN_NEEDS,     /* "needs"   Needs and pains: the customer's */
	CORE_MIN_AGREED,    /* "agreed"  Agreed */
	CORE_MIN_NOTES,     /* "notes"   Notes */
	CORE_MIN_COUNT
};

struct core_prep {
	char *text[CORE_PREP_COUNT];
};

struct core_minutes {
	char *text[CORE_MIN_COUNT];
	int64_t updated_at;     /* Unix seconds of the last save; 0: never saved */
};

/* key: the column name, lower-case ASCII.  label: English for the screen.
 * Static strings; "?" for a value out of range. */
const char *core_prep_key(enum core_prep_field f);
const char *core_prep_label(enum core_prep_field f);
const char *core_minutes_key(enum core_minutes_field f);
const char *core_minutes_label(enum core_minutes_field f);

/* The text of a field, "" when unset or f is out of range; owned by the
 * struct. */
const char *core_prep_text(const struct core_prep *p, enum core_prep_field f);
const char *core_minutes_text(const struct core_minutes *m, enum core_minutes_field f);

/* Replaces a field with a cleaned copy of s (see core_note_clean); NULL
 * empties it.  CORE_ERR_NOMEM leaves the old text in place. */
enum core_status core_prep_set(struct core_prep *p, enum core_prep_field f,
                               const char *s, struct core_error *err);
enum core_status core_minutes_set(struct core_minutes *m, enum core_minutes_field f,
                                  const char *s, struct core_error *err);

/* Frees every text and zeroes the struct (NULL is fine). */
void core_prep_free(struct core_prep *p);
void core_minutes_free(struct core_minutes *m);

/* Whether every field may be stored: at most CORE_NOTE_MAX bytes, UTF-8,
 * no control character but newline and tab.  CORE_ERR_INPUT names the
 * field and, for bad bytes, "line L, column C" within it. */
enum core_status core_prep_check(const struct core_prep *p, struct core_error *err);
enum core_status core_minutes_check(const struct core_minutes *m, struct core_error *err);
/* The same check for one text; label names it in the message. */
enum core_status core_note_check(const char *label, const char *s, struct core_error *err);

/* A malloc'd copy of the len bytes at s (stopping early at a NUL) that
 * core_note_check accepts apart from its length: CR LF and a lone CR
 * become LF (pasted text), and a byte that is not UTF-8 or is another
 * control character becomes '?'.  For text typed, pasted or read from a
 * database that is not trusted.  NULL when out of memory; the caller frees
 * the result. */
char *core_note_clean(const char *s, size_t len);

#endif
