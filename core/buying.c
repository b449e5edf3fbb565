/* The buying centre's roles and how much of it was met lately. */
#include "core/buying.h"

#include <stdio.h>
#include <string.h>

#define SECONDS_PER_DAY 86400

static const char *const role_keys[CORE_ROLE_COUNT] = {
	"decision_maker", "user", "technical_expert", "procurement",
	"sponsor", "influencer", "gatekeeper",
};
static const char *const role_labels[CORE_ROLE_COUNT] = {
	"decision maker", "user", "technical expert", "procurement",
	"sponsor", "influencer", "gatekeeper",
};

const char *core_role_key(enum core_role r)
{
	return (unsigned)r < CORE_ROLE_COUNT ? role_keys[r] : "?";
}

const char *core_role_label(enum core_role r)
{
	return (unsigned)r < CORE_ROLE_COUNT ? role_labels[r] : "?";
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One character of a role name as compared: ASCII lower case (never the
 * locale's), and the separators people type between words all alike. */
static int role_char(char c)
{
	if (c == '-' || c == ' ' || c == '_' || c == '\t')
		return '_';
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c;
}

/* Whether s[0..len) spells key. */
static int role_equal(const char *s, size_t len, const char *key)
{
	size_t i = 0;
	for (; i < len && key[i] != '\0'; i++)
		if (role_char(s[i]) != key[i])
			return 0;
	return i == len && key[i] == '\0';
}

/* The text without the blanks around it: *start and the length. */
static size_t trim(const char *s, const char **start)
{
	while (is_blank(*s))
		s++;
	size_t len = strlen(s);
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	*start = s;
	return len;
}

int core_role_parse(const char *s, enum core_role *out)
{
	if (s == NULL)
		return -1;
	const char *p;
	size_t len = trim(s, &p);
	for (int r = 0; r < CORE_ROLE_COUNT; r++)
		if (role_equal(p, len, role_keys[r])) {
			*out = (enum core_role)r;
			return 0;
		}
	return -1;
}

void core_role_store(char *dst, size_t n, const char *text)
{
	if (dst == NULL || n == 0)
		return;
	enum core_role r;
	if (core_role_parse(text, &r) == 0) {
		core_utf8_copy(dst, n, role_keys[r]);
		return;
	}
	const char *p;
	size_t len = trim(text != NULL ? text : "", &p);
	core_utf8_copy(dst, n, p);
	/* The blanks after the text are ASCII: cutting there is cutting at a
	 * character boundary. */
	if (strlen(dst) > len)
		dst[len] = '\0';
}

void core_buying_coverage(const struct core_contact *c, size_t n, int64_t now,
                          int days, struct core_coverage *out)
{
	memset(out, 0, sizeof *out);
	out->days = days > 0 ? days : CORE_BUYING_DAYS_DEFAULT;
	int64_t since = now - (int64_t)out->days * SECONDS_PER_DAY;
	for (size_t i = 0; i < n; i++) {
		enum core_role r;
		unsigned bit = core_role_parse(c[i].role, &r) == 0 ? 1u << r : 0;
		/* 0 is "never", not 1970: it is never inside a window. */
		int met = c[i].last_met != 0 && c[i].last_met >= since;
		int in_person = c[i].last_met_in_person != 0 &&
		                c[i].last_met_in_person >= since;
		out->known++;
		out->roles_known |= bit;
		if (met) {
			out->met++;
			out->roles_met |= bit;
		}
		if (in_person) {
			out->met_in_person++;
			out->roles_met_in_person |= bit;
		}
	}
	for (int r = 0; r < CORE_ROLE_COUNT; r++)
		if (!(out->roles_met & (1u << r)))
			out->roles_uncovered++;
	out->few_known = out->known < CORE_BUYING_CENTRE_MIN;
}

/* Appends s to buf (holding *len bytes of text) when it fits whole, and
 * returns 1; else returns 0 and leaves buf as it was. */
static int append(char *buf, size_t n, size_t *len, const char *s)
{
	size_t l = strlen(s);
	if (*len + l >= n)
		return 0;
	memcpy(buf + *len, s, l + 1);
	*len += l;
	return 1;
}

/* Appends the pieces parts[0..k) as one item, or nothing; on failure
 * marks the cut with "…" when there is room for it. */
static int append_item(char *buf, size_t n, size_t *len, const char *const *parts,
                       int k)
{
	size_t before = *len;
	for (int i = 0; i < k; i++)
		if (!append(buf, n, len, parts[i])) {
			*len = before;
			buf[before] = '\0';
			append(buf, n, len, "…");
			return 0;
		}
	return 1;
}

void core_coverage_text(const struct core_coverage *cv, char *buf, size_t n)
{
	if (buf == NULL || n == 0)
		return;
	buf[0] = '\0';
	size_t len = 0;
	char num[96];
	if (cv->known == 0) {
		snprintf(num, sizeof num, "no contacts known: often more than %d people "
		         "decide a B2B purchase", CORE_BUYING_CENTRE_MIN);
		const char *none[] = { num };
		append_item(buf, n, &len, none, 1);
		return;
	}
	snprintf(num, sizeof num, "met %d of %d in %d days (%d in person)", cv->met,
	         cv->known, cv->days, cv->met_in_person);
	const char *head[] = { num };
	if (!append_item(buf, n, &len, head, 1))
		return;

	int first = 1;
	for (int r = 0; r < CORE_ROLE_COUNT; r++) {
		if (cv->roles_met & (1u << r))
			continue;
		const char *parts[] = { first ? " — no " : ", no ", role_labels[r] };
		if (!append_item(buf, n, &len, parts, 2))
			return;
		first = 0;
	}
	const char *tail[] = { first ? " — every role met" : " met" };
	if (!append_item(buf, n, &len, tail, 1))
		return;

	if (cv->few_known) {
		snprintf(num, sizeof num, ", only %d known: often more than %d decide",
		         cv->known, CORE_BUYING_CENTRE_MIN);
		const char *few[] = { num };
		append_item(buf, n, &len, few, 1);
	}
}
