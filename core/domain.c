#include "core/domain.h"

#include <stddef.h>

/* Out-of-range values come from untrusted places (an old database, a cast
 * gone wrong); they get a visible placeholder instead of a crash. */
#define UNKNOWN "?"

static const char *const bf_keys[CORE_BF_COUNT] = {"resale", "upsell", "new"};
static const char *const bf_labels[CORE_BF_COUNT] = {"Re-sale", "Upsell", "New"};
static const char *const bf_danish[CORE_BF_COUNT] = {"Gensalg", "Mersalg", "Nysalg"};
static const char bf_letters[CORE_BF_COUNT] = {'R', 'U', 'N'};

static const char *const form_keys[CORE_FORM_COUNT] = {
	"physical", "hybrid", "virtual", "phone"};
static const char *const form_labels[CORE_FORM_COUNT] = {
	"Physical", "Hybrid", "Virtual", "Phone"};
static const char *const form_glyphs[CORE_FORM_COUNT] = {
	"▣", "◐", "◯", "☎"};
/* T for telephone: P is taken by physical. */
static const char form_letters[CORE_FORM_COUNT] = {'P', 'H', 'V', 'T'};

static const char *const dim_keys[CORE_DIM_COUNT] = {
	"delivery", "development", "discovery", "destination"};
static const char *const dim_labels[CORE_DIM_COUNT] = {
	"Delivery", "Development", "Discovery", "Destination"};

static const char *const cx_keys[CORE_CX_COUNT] = {"low", "medium", "high"};
static const char *const sale_keys[CORE_SALE_COUNT] = {"product", "solution"};
static const char *const ms_keys[CORE_MS_COUNT] = {"planned", "held", "cancelled"};

/* ASCII only, on purpose: the keys are ASCII and the result must not depend
 * on the user's locale (a Turkish dotless i must not match "i"). */
static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int ascii_equal_nocase(const char *a, const char *b)
{
	while (*a != '\0' && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

/* Index of s among names (n entries, NULL allowed for names), or -1. */
static int find_name(const char *s, const char *const *names, int n)
{
	if (s == NULL || names == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (ascii_equal_nocase(s, names[i]))
			return i;
	return -1;
}

static const char *name_at(const char *const *names, int n, int i)
{
	return i >= 0 && i < n ? names[i] : UNKNOWN;
}

const char *core_battlefield_key(enum core_battlefield bf)
{
	return name_at(bf_keys, CORE_BF_COUNT, (int)bf);
}

const char *core_battlefield_label(enum core_battlefield bf)
{
	return name_at(bf_labels, CORE_BF_COUNT, (int)bf);
}

const char *core_battlefield_danish(enum core_battlefield bf)
{
	return name_at(bf_danish, CORE_BF_COUNT, (int)bf);
}

char core_battlefield_letter(enum core_battlefield bf)
{
	return (int)bf >= 0 && bf < CORE_BF_COUNT ? bf_letters[bf] : '?';
}

int core_battlefield_parse(const char *s, enum core_battlefield *out)
{
	int i = find_name(s, bf_keys, CORE_BF_COUNT);
	if (i < 0)
		i = find_name(s, bf_labels, CORE_BF_COUNT);
	if (i < 0)
		i = find_name(s, bf_danish, CORE_BF_COUNT);
	if (i < 0)
		return -1;
	*out = (enum core_battlefield)i;
	return 0;
}

const char *core_form_key(enum core_form f)
{
	return name_at(form_keys, CORE_FORM_COUNT, (int)f);
}

const char *core_form_label(enum core_form f)
{
	return name_at(form_labels, CORE_FORM_COUNT, (int)f);
}

const char *core_form_glyph(enum core_form f)
{
	return name_at(form_glyphs, CORE_FORM_COUNT, (int)f);
}

char core_form_letter(enum core_form f)
{
	return (int)f >= 0 && f < CORE_FORM_COUNT ? form_letters[f] : '?';
}

int core_form_parse(const char *s, enum core_form *out)
{
	int i = find_name(s, form_keys, CORE_FORM_COUNT);
	if (i < 0)
		i = find_name(s, form_labels, CORE_FORM_COUNT);
	if (i < 0)
		return -1;
	*out = (enum core_form)i;
	return 0;
}

const char *core_dim_key(enum core_dim d)
{
	return name_at(dim_keys, CORE_DIM_COUNT, (int)d);
}

const char *core_dim_label(enum core_dim d)
{
	return name_at(dim_labels, CORE_DIM_COUNT, (int)d);
}

int core_dim_parse(const char *s, enum core_dim *out)
{
	int i = find_name(s, dim_keys, CORE_DIM_COUNT);
	if (i < 0)
		i = find_name(s, dim_labels, CORE_DIM_COUNT);
	if (i < 0)
		return -1;
	*out = (enum core_dim)i;
	return 0;
}

const char *core_complexity_key(enum core_complexity c)
{
	return name_at(cx_keys, CORE_CX_COUNT, (int)c);
}

int core_complexity_parse(const char *s, enum core_complexity *out)
{
	int i = find_name(s, cx_keys, CORE_CX_COUNT);
	if (i < 0)
		return -1;
	*out = (enum core_complexity)i;
	return 0;
}

const char *core_sale_key(enum core_sale s)
{
	return name_at(sale_keys, CORE_SALE_COUNT, (int)s);
}

int core_sale_parse(const char *s, enum core_sale *out)
{
	int i = find_name(s, sale_keys, CORE_SALE_COUNT);
	if (i < 0)
		return -1;
	*out = (enum core_sale)i;
	return 0;
}

const char *core_mstatus_key(enum core_mstatus s)
{
	return name_at(ms_keys, CORE_MS_COUNT, (int)s);
}

int core_mstatus_parse(const char *s, enum core_mstatus *out)
{
	int i = find_name(s, ms_keys, CORE_MS_COUNT);
	if (i < 0)
		return -1;
	*out = (enum core_mstatus)i;
	return 0;
}
