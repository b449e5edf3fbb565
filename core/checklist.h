#ifndef CORE_CHECKLIST_H
#define CORE_CHECKLIST_H
/* The preparation checklist of a contact form: the items a seller ticks
 * off before and during a meeting.  The defaults are the assets
 * assets/checklists/FORM.txt, text files a team can edit; the format is
 * described at the top of each.  What is ticked is stored per meeting by
 * item key (db/prep.h), so an item may be reworded without losing ticks.
 * The caller owns every struct; nothing here allocates. */

#include <stddef.h>

#include "core/domain.h"
#include "core/error.h"

#define CORE_CHECKLIST_MAX_ITEMS 32
#define CORE_CHECKLIST_KEY_MAX 32    /* bytes, NUL included: 31 characters */
#define CORE_CHECKLIST_TEXT_MAX 160  /* bytes of UTF-8, NUL included */

struct core_checklist_item {
	char key[CORE_CHECKLIST_KEY_MAX];   /* "room-ready": [a-z0-9-]+ */
	char text[CORE_CHECKLIST_TEXT_MAX]; /* "Room ready before the customer joins" */
	int line;                           /* where it was read, for messages */
	int ticked;                         /* per meeting: set by db_checklist_read;
	                                       0 as parsed */
};

struct core_checklist {
	enum core_form form;
	int n_items;
	struct core_checklist_item items[CORE_CHECKLIST_MAX_ITEMS];
};

/* Parses checklist text (len bytes, no NUL needed) for form.  Errors are
 * CORE_ERR_INPUT "FILENAME:LINE:COLUMN: ..." (column in characters) for a
 * key with characters outside [a-z0-9-] or too long, an item without text,
 * a duplicate key, too many items, too long a text, a control character or
 * bytes that are not UTF-8; *out then holds no items.  A file without items
 * is valid: a team may want no checklist for a form.  filename is only
 * used in messages. */
enum core_status core_checklist_parse(const char *buf, size_t len, const char *filename,
                                      enum core_form form, struct core_checklist *out,
                                      struct core_error *err);
/* Reads and parses a team's own file; a missing file is CORE_ERR_IO naming
 * the path. */
enum core_status core_checklist_load_file(const char *path, enum core_form form,
                                          struct core_checklist *out,
                                          struct core_error *err);
/* A checklist file's bytes, unparsed, for storing as the team's own:
 * *text is malloc'd (the caller frees it), *len its length.  A missing
 * file is CORE_ERR_IO naming the path, one over the size limit
 * CORE_ERR_INPUT. */
enum core_status core_checklist_read_file(const char *path, char **text, size_t *len,
                                          struct core_error *err);
/* The built-in list for form (the embedded assets/checklists/FORM.txt). */
enum core_status core_checklist_for_form(enum core_form form, struct core_checklist *out,
                                         struct core_error *err);

/* Index of the item with this key, or -1. */
int core_checklist_find(const struct core_checklist *cl, const char *key);
/* 1 when key is a valid item key (non-empty [a-z0-9-]+, fits the buffer). */
int core_checklist_key_valid(const char *key);

#endif
