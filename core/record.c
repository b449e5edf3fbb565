/* Records: the field tables of each kind, the kinds' names, and the
 * setters.  The derived fields, and reading them back on import, are
 * core/record_derive.c. */
#include "core/record.h"

#include <string.h>

#include "core/vocab.h"

#define T CORE_FT_TEXT
#define I CORE_FT_INT
#define TM CORE_FT_TIME
#define REQ CORE_FD_REQUIRED
#define DER CORE_FD_DERIVED
#define VOC CORE_FD_VOCAB

/* The account is required, but an import may name it by account_id or
 * account_crm_id instead, and give ends_at for the duration
 * (core_profile_map_header knows these stand-ins). */
static const struct core_field_def meeting_fields[CORE_MF_COUNT] = {
	{"id", I, 0}, {"crm_id", T, 0}, {"seller", T, 0}, {"seller_crm_id", T, 0},
	{"account_id", I, 0}, {"account", T, REQ}, {"account_crm_id", T, 0},
	{"account_domain", T, 0}, {"contact", T, 0}, {"contact_email", T, 0},
	{"contact_crm_id", T, 0}, {"participants", T, 0}, {"starts_at", TM, REQ},
	{"ends_at", TM, DER}, {"duration", I, REQ}, {"battlefield", T, REQ | VOC},
	{"type", T, REQ | VOC}, {"form", T, REQ | VOC}, {"dim", T, VOC},
	{"complexity", T, VOC}, {"sale", T, VOC}, {"status", T, VOC}, {"form_reason", T, 0},
	{"purpose", T, 0}, {"agenda", T, 0}, {"pains", T, 0}, {"summary", T, 0},
	{"needs", T, 0}, {"agreed", T, 0}, {"notes", T, 0}, {"title", T, DER},
	{"location", T, DER}, {"description", T, DER}, {"created_at", TM, 0},
	{"updated_at", TM, 0},
};

static const struct core_field_def action_fields[CORE_AF_COUNT] = {
	{"id", I, 0}, {"meeting_id", I, 0}, {"seller", T, 0}, {"seller_crm_id", T, 0},
	{"account_id", I, 0}, {"account", T, REQ}, {"account_crm_id", T, 0},
	{"account_domain", T, 0}, {"text", T, REQ}, {"owner", T, 0}, {"owner_email", T, 0},
	{"owner_crm_id", T, 0}, {"due", CORE_FT_DAY, REQ}, {"done", CORE_FT_BOOL, 0},
	{"done_at", TM, 0}, {"priority", T, DER}, {"description", T, DER},
	{"created_at", TM, 0}, {"updated_at", TM, 0},
};

static const struct core_field_def account_fields[CORE_XF_COUNT] = {
	{"id", I, 0}, {"crm_id", T, 0}, {"name", T, REQ}, {"org_no", T, 0},
	{"domain", T, 0}, {"city", T, 0}, {"km", CORE_FT_REAL, 0}, {"travel_min", I, 0},
	{"owner", T, 0}, {"owner_crm_id", T, 0}, {"created_at", TM, 0}, {"updated_at", TM, 0},
};

static const struct core_field_def contact_fields[CORE_CF_COUNT] = {
	{"id", I, 0}, {"crm_id", T, 0}, {"account_id", I, 0}, {"account", T, REQ},
	{"account_crm_id", T, 0}, {"name", T, REQ}, {"first_name", T, DER},
	{"last_name", T, DER}, {"email", T, 0}, {"phone", CORE_FT_PHONE, 0}, {"role", T, 0},
	{"level", T, 0}, {"created_at", TM, 0}, {"updated_at", TM, 0},
};

#undef T
#undef I
#undef TM
#undef REQ
#undef DER
#undef VOC

static const struct {
	const struct core_field_def *defs;
	size_t n;
} kind_tables[CORE_KIND_COUNT] = {
	{meeting_fields, CORE_MF_COUNT},
	{action_fields, CORE_AF_COUNT},
	{account_fields, CORE_XF_COUNT},
	{contact_fields, CORE_CF_COUNT},
};

static const char *const kind_keys[CORE_KIND_COUNT] = {
	"meetings", "actions", "accounts", "contacts"};

/* Every other word a person types for a kind, and the kind it means. */
static const char *const kind_aliases[] = {
	"meeting", "action", "account", "contact", "follow-ups", "followups",
	"follow-up", "followup", "tasks", "task"};
static const enum core_kind alias_kinds[] = {
	CORE_KIND_MEETINGS, CORE_KIND_ACTIONS, CORE_KIND_ACCOUNTS, CORE_KIND_CONTACTS,
	CORE_KIND_ACTIONS, CORE_KIND_ACTIONS, CORE_KIND_ACTIONS, CORE_KIND_ACTIONS,
	CORE_KIND_ACTIONS, CORE_KIND_ACTIONS};
#define N_ALIASES ((int)(sizeof kind_aliases / sizeof kind_aliases[0]))

const char *core_kind_key(enum core_kind k)
{
	return core_vocab_name(kind_keys, CORE_KIND_COUNT, (int)k);
}

int core_kind_parse(const char *s, enum core_kind *out)
{
	int i = core_vocab_find(kind_keys, NULL, CORE_KIND_COUNT, s);
	if (i >= 0) {
		*out = (enum core_kind)i;
		return 0;
	}
	i = core_vocab_find(kind_aliases, NULL, N_ALIASES, s);
	if (i < 0)
		return -1;
	*out = alias_kinds[i];
	return 0;
}

const struct core_field_def *core_kind_fields(enum core_kind k, size_t *n)
{
	if ((unsigned)k >= CORE_KIND_COUNT) {
		*n = 0;
		return NULL;
	}
	*n = kind_tables[k].n;
	return kind_tables[k].defs;
}

int core_kind_field_find(enum core_kind k, const char *name)
{
	size_t n;
	const struct core_field_def *defs = core_kind_fields(k, &n);
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(defs[i].name, name) == 0)
			return (int)i;
	return -1;
}

static size_t kind_count(enum core_kind k)
{
	return (unsigned)k < CORE_KIND_COUNT ? kind_tables[k].n : 0;
}

void core_record_clear(struct core_record *r, enum core_kind kind)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
	for (size_t i = 0; i < CORE_RECORD_MAX; i++)
		r->v[i].null = 1;
}

/* Out-of-range fields are ignored: a field index may come from a
 * profile file. */
static struct core_value *slot(struct core_record *r, int field)
{
	if (field < 0 || (size_t)field >= kind_count(r->kind))
		return NULL;
	return &r->v[field];
}

void core_record_set_text(struct core_record *r, int field, const char *s, size_t len)
{
	struct core_value *v = slot(r, field);
	if (v == NULL)
		return;
	v->null = s == NULL;
	v->s = s;
	v->len = s != NULL ? len : 0;
}

void core_record_set_int(struct core_record *r, int field, int64_t i)
{
	struct core_value *v = slot(r, field);
	if (v == NULL)
		return;
	v->null = 0;
	v->i = i;
}

void core_record_set_real(struct core_record *r, int field, double d)
{
	struct core_value *v = slot(r, field);
	if (v == NULL)
		return;
	v->null = 0;
	v->r = d;
}
