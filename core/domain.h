#ifndef CORE_DOMAIN_H
#define CORE_DOMAIN_H
/* The closed vocabularies of the domain (DOMAIN.md): battlefields, contact
 * forms, 4D dimensions, complexity, sale kind, meeting status.  Each has a
 * stable key (stored in the database and written to CSV), a label for the
 * screen, and a parser.  Every returned string is static; never free it.
 * Meeting types are not here: they are rows of the matrix (core/matrix.h),
 * so a team can add its own. */

enum core_battlefield {
	CORE_BF_RESALE,   /* "resale", Re-sale, Gensalg */
	CORE_BF_UPSELL,   /* "upsell", Upsell,  Mersalg */
	CORE_BF_NEW,      /* "new",    New,     Nysalg  */
	CORE_BF_COUNT
};

/* Order here is the display order of the recommendation on ties. */
enum core_form {
	CORE_FORM_PHYSICAL, /* "physical" ▣ P */
	CORE_FORM_HYBRID,   /* "hybrid"   ◐ H */
	CORE_FORM_VIRTUAL,  /* "virtual"  ◯ V */
	CORE_FORM_PHONE,    /* "phone"    ☎ T */
	CORE_FORM_COUNT
};

enum core_dim {
	CORE_DIM_DELIVERY,
	CORE_DIM_DEVELOPMENT,
	CORE_DIM_DISCOVERY,
	CORE_DIM_DESTINATION,
	CORE_DIM_COUNT
};

enum core_complexity {
	CORE_CX_LOW,
	CORE_CX_MEDIUM,
	CORE_CX_HIGH,
	CORE_CX_COUNT
};

enum core_sale {
	CORE_SALE_PRODUCT,
	CORE_SALE_SOLUTION,
	CORE_SALE_COUNT
};

enum core_mstatus {
	CORE_MS_PLANNED,
	CORE_MS_HELD,
	CORE_MS_CANCELLED,
	CORE_MS_COUNT
};

/* key: lower-case ASCII, stable ("resale").  label: English for the screen
 * ("Re-sale").  The parse functions accept the key or the label, any case,
 * and return 0, or -1 when the text names nothing (out is untouched). */
const char *core_battlefield_key(enum core_battlefield bf);
const char *core_battlefield_label(enum core_battlefield bf);
const char *core_battlefield_danish(enum core_battlefield bf); /* "Gensalg" */
char core_battlefield_letter(enum core_battlefield bf);        /* 'R' 'U' 'N' */
int core_battlefield_parse(const char *s, enum core_battlefield *out);

const char *core_form_key(enum core_form f);
const char *core_form_label(enum core_form f);
const char *core_form_glyph(enum core_form f);  /* UTF-8: "▣" "◐" "◯" "☎" */
char core_form_letter(enum core_form f);        /* ASCII: 'P' 'H' 'V' 'T' */
int core_form_parse(const char *s, enum core_form *out);

const char *core_dim_key(enum core_dim d);     /* "delivery" */
const char *core_dim_label(enum core_dim d);   /* "Delivery" */
int core_dim_parse(const char *s, enum core_dim *out);

const char *core_complexity_key(enum core_complexity c); /* "low" */
int core_complexity_parse(const char *s, enum core_complexity *out);

const char *core_sale_key(enum core_sale s);   /* "product" "solution" */
int core_sale_parse(const char *s, enum core_sale *out);

const char *core_mstatus_key(enum core_mstatus s); /* "planned" "held" "cancelled" */
int core_mstatus_parse(const char *s, enum core_mstatus *out);

#endif
