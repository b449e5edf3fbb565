#include "core/domain.h"

#include <stddef.h>

#include "core/vocab.h"

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

const char *core_battlefield_key(enum core_battlefield bf)
{
	return core_vocab_name(bf_keys, CORE_BF_COUNT, (int)bf);
}

const char *core_battlefield_label(enum core_battlefield bf)
{
	return core_vocab_name(bf_labels, CORE_BF_COUNT, (int)bf);
}

const char *core_battlefield_danish(enum core_battlefield bf)
{
	return core_vocab_name(bf_danish, CORE_BF_COUNT, (int)bf);
}

char core_battlefield_letter(enum core_battlefield bf)
{
	return (int)bf >= 0 && bf < CORE_BF_COUNT ? bf_letters[bf] : '?';
}

int core_battlefield_parse(const char *s, enum core_battlefield *out)
{
	int i = core_vocab_find(bf_keys, bf_labels, CORE_BF_COUNT, s);
	if (i < 0)
		i = core_vocab_find(bf_danish, NULL, CORE_BF_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_battlefield)i;
	return 0;
}

const char *core_form_key(enum core_form f)
{
	return core_vocab_name(form_keys, CORE_FORM_COUNT, (int)f);
}

const char *core_form_label(enum core_form f)
{
	return core_vocab_name(form_labels, CORE_FORM_COUNT, (int)f);
}

const char *core_form_glyph(enum core_form f)
{
	return core_vocab_name(form_glyphs, CORE_FORM_COUNT, (int)f);
}

char core_form_letter(enum core_form f)
{
	return (int)f >= 0 && f < CORE_FORM_COUNT ? form_letters[f] : '?';
}

int core_form_parse(const char *s, enum core_form *out)
{
	int i = core_vocab_find(form_keys, form_labels, CORE_FORM_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_form)i;
	return 0;
}

const char *core_dim_key(enum core_dim d)
{
	return core_vocab_name(dim_keys, CORE_DIM_COUNT, (int)d);
}

const char *core_dim_label(enum core_dim d)
{
	return core_vocab_name(dim_labels, CORE_DIM_COUNT, (int)d);
}

int core_dim_parse(const char *s, enum core_dim *out)
{
	int i = core_vocab_find(dim_keys, dim_labels, CORE_DIM_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_dim)i;
	return 0;
}

const char *core_complexity_key(enum core_complexity c)
{
	return core_vocab_name(cx_keys, CORE_CX_COUNT, (int)c);
}

int core_complexity_parse(const char *s, enum core_complexity *out)
{
	int i = core_vocab_find(cx_keys, NULL, CORE_CX_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_complexity)i;
	return 0;
}

const char *core_sale_key(enum core_sale s)
{
	return core_vocab_name(sale_keys, CORE_SALE_COUNT, (int)s);
}

int core_sale_parse(const char *s, enum core_sale *out)
{
	int i = core_vocab_find(sale_keys, NULL, CORE_SALE_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_sale)i;
	return 0;
}

const char *core_mstatus_key(enum core_mstatus s)
{
	return core_vocab_name(ms_keys, CORE_MS_COUNT, (int)s);
}

int core_mstatus_parse(const char *s, enum core_mstatus *out)
{
	int i = core_vocab_find(ms_keys, NULL, CORE_MS_COUNT, s);
	if (i < 0)
		return -1;
	*out = (enum core_mstatus)i;
	return 0;
}
