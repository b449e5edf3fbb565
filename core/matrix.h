#ifndef CORE_MATRIX_H
#define CORE_MATRIX_H
/* The meeting-type x contact-form matrix and the recommendation drawn from
 * it.  The default matrix is the asset assets/matrix.csv; a team may store
 * its own in the database (db/settings.h).  The caller owns every struct;
 * nothing here allocates. */

#include <stddef.h>

#include "core/domain.h"
#include "core/error.h"

/* Best first.  The two conditional ratings are resolved by
 * core_rating_resolve() before they are ranked. */
enum core_rating {
	CORE_RATING_FIRST_CHOICE,   /* "first_choice"  first choice */
	CORE_RATING_OBVIOUS,        /* "obvious"       obvious */
	CORE_RATING_POSSIBLE,       /* "possible"      possible */
	CORE_RATING_HARDLY,         /* "hardly"        hardly */
	CORE_RATING_RULED_OUT,      /* "ruled_out"     ruled out */
	CORE_RATING_IMPOSSIBLE,     /* "impossible"    impossible */
	CORE_RATING_NO_GO,          /* "no_go"         no-go */
	CORE_RATING_DEPENDS_ON_COMPLEXITY, /* "depends_on_complexity": possible
	                                      for low/medium, hardly for high */
	CORE_RATING_OK_FOR_PRODUCT, /* "ok_for_product": possible for a product
	                               sale, hardly for a solution sale */
	CORE_RATING_COUNT
};

#define CORE_MATRIX_MAX_TYPES 32
#define CORE_TYPE_KEY_MAX 32
#define CORE_TYPE_LABEL_MAX 64

struct core_meeting_type {
	char key[CORE_TYPE_KEY_MAX];     /* "negotiation": stored in meetings */
	char label[CORE_TYPE_LABEL_MAX]; /* "Negotiation" */
	char brief[16];                  /* "negotiation": fits a week cell */
	enum core_rating rating[CORE_FORM_COUNT];
};

struct core_matrix {
	int n_types;
	struct core_meeting_type types[CORE_MATRIX_MAX_TYPES];
};

const char *core_rating_key(enum core_rating r);
const char *core_rating_label(enum core_rating r);
int core_rating_parse(const char *s, enum core_rating *out);
/* Resolves the two conditional ratings; others come back unchanged. */
enum core_rating core_rating_resolve(enum core_rating r, enum core_complexity cx,
                                     enum core_sale sale);
/* True for hardly, ruled out, impossible and no-go (after resolving): the
 * seller must confirm, with the reason shown. */
int core_rating_needs_confirm(enum core_rating resolved);

/* Parses matrix CSV text with libcsv (strict).  Header row:
 *   type,label,brief,physical,hybrid,virtual,phone
 * (columns matched by name, any order, case-insensitive).  Each later row
 * is one meeting type with a rating key per form.  Errors name
 * "FILENAME:LINE:COLUMN: ..." and leave *out unusable.  filename is only
 * used in messages. */
enum core_status core_matrix_parse(struct core_matrix *out, const char *buf,
                                   size_t len, const char *filename,
                                   struct core_error *err);
/* Reads and parses a file; a missing file is CORE_ERR_IO naming the path. */
enum core_status core_matrix_load_file(struct core_matrix *out, const char *path,
                                       struct core_error *err);
/* The built-in default (the embedded assets/matrix.csv). */
enum core_status core_matrix_default(struct core_matrix *out, struct core_error *err);

/* Index of the type with this key, or -1. */
int core_matrix_find(const struct core_matrix *m, const char *key);

struct core_form_choice {
	enum core_form form;
	enum core_rating rating;    /* as written in the matrix */
	enum core_rating resolved;  /* after complexity / sale kind */
	int needs_confirm;
	char reason[96];            /* "possible (depends on complexity: medium)" */
};

/* Fills out[0..CORE_FORM_COUNT-1] best first (ties keep enum core_form
 * order).  out[0] is the form to preselect. */
void core_matrix_recommend(const struct core_meeting_type *t,
                           enum core_complexity cx, enum core_sale sale,
                           struct core_form_choice out[CORE_FORM_COUNT]);

#endif
