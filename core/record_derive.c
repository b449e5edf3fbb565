/* Records' derived fields: those that carry pipebench's own data through
 * a CRM that has no field for it, and reading them back on import.
 *
 * The description is the one text every CRM keeps, so it holds what the
 * CRM cannot: the minutes' sections, then one tag line that a script can
 * parse and a person can read.  core_record_underive() reads exactly what
 * core_record_derive() writes:
 *
 *   Summary:\n<summary>\n\nNeeds and pains:\n<needs>\n\n...\n\n[pipebench id=42 ...]
 *
 * A section is written only when its text is not empty; sections follow
 * in a fixed order and each ends at the next heading that follows a blank
 * line.  So a section whose own text holds a blank line followed by a
 * later section's heading line (say "\n\nNotes:\n" inside the summary)
 * reads back split there: the one text the format cannot tell apart. */
#include "core/record.h"

#include <string.h>
#include <stdio.h>

#include "core/asset.h"
#include "core/domain.h"
#include "core/matrix.h"
#include "core/minutes.h"

/* ---- derive ----------------------------------------------------------- */

/* Derived text goes into the caller's scratch buffer through this. */
struct out {
	char *buf;
	size_t cap;
	size_t used;
};

/* Appends up to len bytes of s, cut at a character boundary when the
 * room (up to limit) runs out. */
static void out_put(struct out *o, size_t limit, const char *s, size_t len)
{
	if (limit > o->cap)
		limit = o->cap;
	size_t room = limit > o->used ? limit - o->used : 0;
	size_t take = len;
	if (o->buf == NULL)
		return;
	if (take > room) {
		take = room;
		/* Back off to the start of the character that does not fit. */
		while (take > 0 && ((unsigned char)s[take] & 0xc0) == 0x80)
			take--;
	}
	memcpy(o->buf + o->used, s, take);
	o->used += take;
}

static void out_str(struct out *o, size_t limit, const char *s)
{
	out_put(o, limit, s, strlen(s));
}

static int ends_with(const struct out *o, size_t from, const char *s)
{
	size_t n = strlen(s);
	return o->used - from >= n && memcmp(o->buf + o->used - n, s, n) == 0;
}

static int has_text(const struct core_value *v)
{
	return !v->null && v->s != NULL && v->len > 0;
}

/* The type's label as the default matrix (the embedded asset) gives it.
 * Parsing the matrix costs about 7 µs, seconds over a large export, and
 * keeping it parsed would take process-wide state; so the asset's text is
 * searched instead, which is exact for its plain layout: a header that
 * starts "type,label," and unquoted labels.  Any other layout takes the
 * full parse.  Returns 0 with the label, or -1 when the type is not in
 * the matrix. */
static int default_label(const char *key, size_t klen, char *buf, size_t n)
{
	static const char head[] = "type,label,";
	size_t len = 0;
	const char *a = core_asset_find("matrix.csv", &len);
	int plain = a != NULL && len >= sizeof head - 1 && memcmp(a, head, sizeof head - 1) == 0;
	if (klen == 0)
		return -1;
	const char *first = plain ? memchr(a, '\n', len) : NULL;
	for (size_t p = first != NULL ? (size_t)(first - a) + 1 : len; plain && p < len;) {
		const char *nl = memchr(a + p, '\n', len - p);
		size_t e = nl != NULL ? (size_t)(nl - a) : len;
		if (e - p > klen && memcmp(a + p, key, klen) == 0 && a[p + klen] == ',') {
			size_t b = p + klen + 1, l = b;
			while (l < e && a[l] != ',' && a[l] != '\r')
				l++;
			if (l - b >= n || (l > b && a[b] == '"'))
				break;          /* quoted or long: the parser knows */
			memcpy(buf, a + b, l - b);
			buf[l - b] = '\0';
			return 0;
		}
		p = e + 1;
		if (p >= len)
			return -1;
	}
	struct core_matrix m;
	char k[CORE_TYPE_KEY_MAX];
	if (klen >= sizeof k || core_matrix_default(&m, NULL) != CORE_OK)
		return -1;
	memcpy(k, key, klen);
	k[klen] = '\0';
	int i = core_matrix_find(&m, k);
	if (i < 0)
		return -1;
	snprintf(buf, n, "%s", m.types[i].label);
	return 0;
}

static void put_type_label(struct out *o, size_t limit, const struct core_value *type)
{
	char label[CORE_TYPE_LABEL_MAX];
	if (default_label(type->s, type->len, label, sizeof label) == 0)
		out_str(o, limit, label);
	else
		out_put(o, limit, type->s, type->len);
}

/* A tag value is a vocabulary key or a number: one word a script can
 * split on blanks.  Anything else (only a damaged database holds such a
 * key) is left out of the tag line rather than break it. */
static int tag_safe(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
			return 0;
	}
	return 1;
}

/* The tag line, at most TAG_MAX bytes: nine short keys and values.  It
 * is built without printf, as it is for every row of an export. */
#define TAG_MAX 512
static const char tag_open[] = "[pipebench";
#define TAG_OPEN_LEN (sizeof tag_open - 1)

static size_t tag_add(char *tag, size_t used, const char *key, const char *v, size_t vlen)
{
	size_t klen = strlen(key);
	if (used + klen + vlen + 2 > TAG_MAX)
		return used;
	tag[used++] = ' ';
	memcpy(tag + used, key, klen);
	tag[used + klen] = '=';
	memcpy(tag + used + klen + 1, v, vlen);
	return used + klen + 1 + vlen;
}

static size_t tag_int(char *tag, size_t used, const char *key, const struct core_value *v)
{
	char num[24];
	size_t n = sizeof num;
	uint64_t u = v->i < 0 ? 0 - (uint64_t)v->i : (uint64_t)v->i;
	if (v->null)
		return used;
	do {
		num[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v->i < 0)
		num[--n] = '-';
	return tag_add(tag, used, key, num + n, sizeof num - n);
}

static size_t tag_text(char *tag, size_t used, const char *key, const struct core_value *v)
{
	return has_text(v) && tag_safe(v->s, v->len) ? tag_add(tag, used, key, v->s, v->len)
	                                            : used;
}

static size_t tag_begin(char *tag)
{
	memcpy(tag, tag_open, TAG_OPEN_LEN);
	return TAG_OPEN_LEN;
}

/* The tag's keys for meetings, in the order written. */
static const int meeting_tag_fields[] = {
	CORE_MF_BATTLEFIELD, CORE_MF_TYPE, CORE_MF_FORM, CORE_MF_DIM,
	CORE_MF_COMPLEXITY, CORE_MF_SALE, CORE_MF_STATUS};
#define N_MEETING_TAGS ((int)(sizeof meeting_tag_fields / sizeof meeting_tag_fields[0]))

/* A tag's key is its field's name (core/record.c has the tables). */
static const char *meeting_field_name(int f)
{
	size_t n;
	return core_kind_fields(CORE_KIND_MEETINGS, &n)[f].name;
}

/* The minutes' sections, in the order written. */
static const int section_fields[CORE_MIN_COUNT] = {
	CORE_MF_SUMMARY, CORE_MF_NEEDS, CORE_MF_AGREED, CORE_MF_NOTES};

static size_t meeting_tag(const struct core_record *r, char *tag)
{
	size_t used = tag_begin(tag);
	used = tag_int(tag, used, "id", &r->v[CORE_MF_ID]);
	for (int i = 0; i < N_MEETING_TAGS; i++) {
		int f = meeting_tag_fields[i];
		used = tag_text(tag, used, meeting_field_name(f), &r->v[f]);
	}
	tag[used++] = ']';
	return used;
}

static void set_out(struct core_record *r, int field, const struct out *o, size_t from)
{
	if (o->buf == NULL)
		return;
	core_record_set_text(r, field, o->buf + from, o->used - from);
}

static void derive_title(struct core_record *r, struct out *o, size_t limit)
{
	const struct core_value *type = &r->v[CORE_MF_TYPE];
	const struct core_value *account = &r->v[CORE_MF_ACCOUNT];
	size_t from = o->used;
	if (!has_text(type) && !has_text(account))
		return;
	if (has_text(type))
		put_type_label(o, limit, type);
	if (has_text(type) && has_text(account))
		out_str(o, limit, " · ");
	if (has_text(account))
		out_put(o, limit, account->s, account->len);
	set_out(r, CORE_MF_TITLE, o, from);
}

/* Meetings carry no address: the location says how to attend. */
static void derive_location(struct core_record *r)
{
	const struct core_value *v = &r->v[CORE_MF_FORM];
	char key[16];
	enum core_form form;
	if (!has_text(v) || v->len >= sizeof key)
		return;
	memcpy(key, v->s, v->len);
	key[v->len] = '\0';
	if (core_form_parse(key, &form) != 0)
		return;
	static const char *const where[CORE_FORM_COUNT] = {
		"On site", "On site", "Online", "Phone"};
	core_record_set_text(r, CORE_MF_LOCATION, where[form], strlen(where[form]));
}

/* Far from any real instant or duration, so the sum cannot overflow. */
#define TIME_LIMIT ((int64_t)1 << 50)

static void derive_ends_at(struct core_record *r)
{
	const struct core_value *start = &r->v[CORE_MF_STARTS_AT];
	const struct core_value *dur = &r->v[CORE_MF_DURATION];
	if (start->null || dur->null || start->i <= -TIME_LIMIT || start->i >= TIME_LIMIT ||
	    dur->i <= -TIME_LIMIT / 60 || dur->i >= TIME_LIMIT / 60)
		return;
	core_record_set_int(r, CORE_MF_ENDS_AT, start->i + dur->i * 60);
}

static void derive_meeting_description(struct core_record *r, struct out *o)
{
	char tag[TAG_MAX + 1];
	size_t tag_len = meeting_tag(r, tag);
	size_t from = o->used;
	/* The sections give way to the tag line when room runs out: without
	 * it nothing can be read back. */
	size_t limit = o->cap - from > tag_len + 2 ? o->cap - tag_len - 2 : from;

	for (int i = 0; i < CORE_MIN_COUNT; i++) {
		const struct core_value *v = &r->v[section_fields[i]];
		if (!has_text(v))
			continue;
		out_str(o, limit, core_minutes_label((enum core_minutes_field)i));
		out_str(o, limit, ":\n");
		out_put(o, limit, v->s, v->len);
		out_str(o, limit, "\n\n");
	}
	/* Cut short, the text still ends with the blank line that puts the
	 * tag on a line of its own. */
	if (o->used > from && !ends_with(o, from, "\n\n"))
		out_str(o, limit + 2, "\n\n");
	out_put(o, o->cap, tag, tag_len);
	set_out(r, CORE_MF_DESCRIPTION, o, from);
}

static void derive_meeting(struct core_record *r, struct out *o)
{
	derive_ends_at(r);
	derive_location(r);
	/* The title is short; it may take at most a quarter of the room so
	 * the description always has some. */
	derive_title(r, o, o->used + (o->cap - o->used) / 4);
	derive_meeting_description(r, o);
}

static void derive_action(struct core_record *r, int64_t today, struct out *o)
{
	const struct core_value *due = &r->v[CORE_AF_DUE];
	const struct core_value *done = &r->v[CORE_AF_DONE];
	int open = done->null || done->i == 0;
	const char *prio = open && !due->null && due->i < today ? "high" : "normal";
	core_record_set_text(r, CORE_AF_PRIORITY, prio, strlen(prio));

	char tag[TAG_MAX + 1];
	size_t used = tag_begin(tag);
	used = tag_int(tag, used, "id", &r->v[CORE_AF_ID]);
	used = tag_int(tag, used, "meeting", &r->v[CORE_AF_MEETING_ID]);
	tag[used++] = ']';

	size_t from = o->used;
	size_t limit = o->cap - from > used + 2 ? o->cap - used - 2 : from;
	const struct core_value *text = &r->v[CORE_AF_TEXT];
	const struct core_value *owner = &r->v[CORE_AF_OWNER];
	if (has_text(text)) {
		out_put(o, limit, text->s, text->len);
		out_str(o, limit, "\n\n");
	}
	if (has_text(owner)) {
		out_str(o, limit, "Owner: ");
		out_put(o, limit, owner->s, owner->len);
		out_str(o, limit, "\n");
	}
	if (o->used > from && !ends_with(o, from, "\n"))
		out_str(o, limit + 2, "\n\n");
	out_put(o, o->cap, tag, used);
	set_out(r, CORE_AF_DESCRIPTION, o, from);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Salesforce requires a last name, so a one-word name is all last name. */
static void derive_contact(struct core_record *r)
{
	const struct core_value *name = &r->v[CORE_CF_NAME];
	if (!has_text(name))
		return;
	const char *s = name->s;
	size_t b = 0, e = name->len;
	while (b < e && is_blank(s[b]))
		b++;
	while (e > b && is_blank(s[e - 1]))
		e--;
	if (b == e)
		return;
	size_t cut = e;
	while (cut > b && !is_blank(s[cut - 1]))
		cut--;
	core_record_set_text(r, CORE_CF_LAST_NAME, s + cut, e - cut);
	size_t first_end = cut;
	while (first_end > b && is_blank(s[first_end - 1]))
		first_end--;
	if (first_end > b)
		core_record_set_text(r, CORE_CF_FIRST_NAME, s + b, first_end - b);
}

void core_record_derive(struct core_record *r, int64_t today, char *scratch, size_t n)
{
	struct out o = {scratch, scratch != NULL ? n : 0, 0};
	switch (r->kind) {
	case CORE_KIND_MEETINGS:
		derive_meeting(r, &o);
		break;
	case CORE_KIND_ACTIONS:
		derive_action(r, today, &o);
		break;
	case CORE_KIND_CONTACTS:
		derive_contact(r);
		break;
	default:
		break;
	}
}

/* ---- underive --------------------------------------------------------- */

/* Finds the tag line: the last line that starts with "[pipebench" and
 * ends with ']' (blanks and line ends may follow it).  Returns its start
 * with *tag_len set, or NULL. */
static const char *find_tag(const char *s, size_t len, size_t *tag_len)
{
	size_t e = len;
	while (e > 0 && (is_blank(s[e - 1]) || s[e - 1] == '\n' || s[e - 1] == '\r'))
		e--;
	if (e == 0 || s[e - 1] != ']')
		return NULL;
	size_t b = e - 1;
	while (b > 0 && s[b - 1] != '\n')
		b--;
	if (e - b < TAG_OPEN_LEN + 1 || memcmp(s + b, tag_open, TAG_OPEN_LEN) != 0 ||
	    (e - b > TAG_OPEN_LEN + 1 && s[b + TAG_OPEN_LEN] != ' '))
		return NULL;
	*tag_len = e - b;
	return s + b;
}

static int parse_int64(const char *s, size_t len, int64_t *out)
{
	size_t i = 0;
	int neg = 0;
	if (len > 0 && (s[0] == '-' || s[0] == '+')) {
		neg = s[0] == '-';
		i = 1;
	}
	if (i == len || len - i > 18)
		return -1;
	int64_t v = 0;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static void fill_text(struct core_record *r, int field, const char *s, size_t len)
{
	if (r->v[field].null)
		core_record_set_text(r, field, s, len);
}

static void fill_int(struct core_record *r, int field, const char *s, size_t len)
{
	int64_t v;
	if (r->v[field].null && parse_int64(s, len, &v) == 0)
		core_record_set_int(r, field, v);
}

/* Calls back for each key=value of the tag line (between "[pipebench"
 * and the closing ']'). */
static void tag_each(struct core_record *r, const char *tag, size_t len,
                     void (*fn)(struct core_record *, const char *, size_t,
                                const char *, size_t))
{
	size_t i = TAG_OPEN_LEN, end = len - 1;
	while (i < end) {
		while (i < end && tag[i] == ' ')
			i++;
		size_t w = i;
		while (i < end && tag[i] != ' ')
			i++;
		const char *eq = memchr(tag + w, '=', i - w);
		if (eq != NULL)
			fn(r, tag + w, (size_t)(eq - (tag + w)), eq + 1,
			   (size_t)(tag + i - (eq + 1)));
	}
}

static int key_is(const char *k, size_t klen, const char *name)
{
	return strlen(name) == klen && memcmp(k, name, klen) == 0;
}

static void meeting_tag_value(struct core_record *r, const char *k, size_t klen,
                              const char *v, size_t vlen)
{
	if (key_is(k, klen, "id")) {
		fill_int(r, CORE_MF_ID, v, vlen);
		return;
	}
	for (int i = 0; i < N_MEETING_TAGS; i++) {
		int f = meeting_tag_fields[i];
		if (key_is(k, klen, meeting_field_name(f)) && vlen > 0)
			fill_text(r, f, v, vlen);
	}
}

static void action_tag_value(struct core_record *r, const char *k, size_t klen,
                             const char *v, size_t vlen)
{
	if (key_is(k, klen, "id"))
		fill_int(r, CORE_AF_ID, v, vlen);
	else if (key_is(k, klen, "meeting"))
		fill_int(r, CORE_AF_MEETING_ID, v, vlen);
}

/* The text above the tag line without the blank line derive puts before
 * the tag. */
static size_t body_len(const char *s, const char *tag)
{
	size_t n = (size_t)(tag - s);
	if (n >= 2 && s[n - 1] == '\n' && s[n - 2] == '\n')
		return n - 2;
	if (n >= 1 && s[n - 1] == '\n')
		return n - 1;
	return n;
}

/* Length of the heading of section i ("Summary:\n") if the text at s
 * starts with it, else 0. */
static size_t heading_at(const char *s, size_t len, int i)
{
	const char *label = core_minutes_label((enum core_minutes_field)i);
	size_t n = strlen(label);
	if (len < n + 2 || memcmp(s, label, n) != 0 || s[n] != ':' || s[n + 1] != '\n')
		return 0;
	return n + 2;
}

/* Where the section that started at from ends: before the first blank
 * line followed by a later section's heading, or at len. */
static size_t section_end(const char *s, size_t len, size_t from, int after, int *next)
{
	for (size_t p = from; p + 2 <= len; p++) {
		if (s[p] != '\n' || s[p + 1] != '\n')
			continue;
		for (int j = after + 1; j < CORE_MIN_COUNT; j++) {
			if (heading_at(s + p + 2, len - p - 2, j) > 0) {
				*next = j;
				return p;
			}
		}
	}
	*next = -1;
	return len;
}

static void underive_sections(struct core_record *r, const char *s, size_t len)
{
	int cur = -1;
	for (int i = 0; i < CORE_MIN_COUNT && cur < 0; i++)
		if (heading_at(s, len, i) > 0)
			cur = i;
	if (cur < 0) {
		/* Text a person wrote in the CRM, not our sections: keep it. */
		if (len > 0)
			fill_text(r, CORE_MF_NOTES, s, len);
		return;
	}
	size_t p = 0;
	while (cur >= 0) {
		size_t start = p + heading_at(s + p, len - p, cur);
		int next;
		size_t end = section_end(s, len, start, cur, &next);
		fill_text(r, section_fields[cur], s + start, end - start);
		p = end + 2;
		cur = next;
	}
}

static void underive_meeting(struct core_record *r)
{
	const struct core_value *start = &r->v[CORE_MF_STARTS_AT];
	const struct core_value *end = &r->v[CORE_MF_ENDS_AT];
	if (r->v[CORE_MF_DURATION].null && !start->null && !end->null &&
	    end->i > start->i && end->i - start->i < TIME_LIMIT)
		core_record_set_int(r, CORE_MF_DURATION, (end->i - start->i) / 60);

	const struct core_value *d = &r->v[CORE_MF_DESCRIPTION];
	size_t tag_len;
	const char *tag;
	if (!has_text(d) || (tag = find_tag(d->s, d->len, &tag_len)) == NULL)
		return;
	tag_each(r, tag, tag_len, meeting_tag_value);
	underive_sections(r, d->s, body_len(d->s, tag));
}

static void underive_action(struct core_record *r)
{
	const struct core_value *d = &r->v[CORE_AF_DESCRIPTION];
	size_t tag_len;
	const char *tag;
	if (!has_text(d) || (tag = find_tag(d->s, d->len, &tag_len)) == NULL)
		return;
	tag_each(r, tag, tag_len, action_tag_value);

	const char *s = d->s;
	size_t n = (size_t)(tag - s);
	/* "Owner: NAME\n" is the last line above the tag when there is one. */
	size_t line = n > 0 ? n - 1 : 0;
	while (line > 0 && s[line - 1] != '\n')
		line--;
	static const char owner[] = "Owner: ";
	if (n > 0 && s[n - 1] == '\n' && n - line > sizeof owner - 1 &&
	    memcmp(s + line, owner, sizeof owner - 1) == 0) {
		fill_text(r, CORE_AF_OWNER, s + line + sizeof owner - 1,
		          n - 1 - line - (sizeof owner - 1));
		n = line;
	}
	if (n >= 2 && s[n - 1] == '\n' && s[n - 2] == '\n' && n > 2)
		fill_text(r, CORE_AF_TEXT, s, n - 2);
}

/* Contacts have nothing to read back: the import joins a name's parts. */
void core_record_underive(struct core_record *r)
{
	if (r->kind == CORE_KIND_MEETINGS)
		underive_meeting(r);
	else if (r->kind == CORE_KIND_ACTIONS)
		underive_action(r);
}
