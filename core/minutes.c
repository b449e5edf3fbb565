/* Preparation and minutes: the texts' ownership, cleaning and the check
 * that runs before anything is stored. */
#include "core/minutes.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

static const char *const prep_keys[CORE_PREP_COUNT] = {"purpose", "agenda", "pains"};
static const char *const prep_labels[CORE_PREP_COUNT] = {
	"Purpose", "Agenda", "Business pains"};
static const char *const minutes_keys[CORE_MIN_COUNT] = {
	"summary", "needs", "agreed", "notes"};
static const char *const minutes_labels[CORE_MIN_COUNT] = {
	"Summary", "Needs and pains", "Agreed", "Notes"};

const char *core_prep_key(enum core_prep_field f)
{
	return (unsigned)f < CORE_PREP_COUNT ? prep_keys[f] : "?";
}

const char *core_prep_label(enum core_prep_field f)
{
	return (unsigned)f < CORE_PREP_COUNT ? prep_labels[f] : "?";
}

const char *core_minutes_key(enum core_minutes_field f)
{
	return (unsigned)f < CORE_MIN_COUNT ? minutes_keys[f] : "?";
}

const char *core_minutes_label(enum core_minutes_field f)
{
	return (unsigned)f < CORE_MIN_COUNT ? minutes_labels[f] : "?";
}

const char *core_prep_text(const struct core_prep *p, enum core_prep_field f)
{
	if (p == NULL || (unsigned)f >= CORE_PREP_COUNT || p->text[f] == NULL)
		return "";
	return p->text[f];
}

const char *core_minutes_text(const struct core_minutes *m, enum core_minutes_field f)
{
	if (m == NULL || (unsigned)f >= CORE_MIN_COUNT || m->text[f] == NULL)
		return "";
	return m->text[f];
}

static int is_bad_control(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}

char *core_note_clean(const char *s, size_t len)
{
	if (s == NULL)
		len = 0;
	const char *nul = len > 0 ? memchr(s, '\0', len) : NULL;
	if (nul != NULL)
		len = (size_t)(nul - s);
	/* Every rewrite keeps or shrinks the length. */
	char *out = malloc(len + 1);
	if (out == NULL)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		size_t n = 1;
		if (c == '\r') {
			out[o++] = '\n';
			n = i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
		} else if (is_bad_control(c)) {
			out[o++] = '?';
		} else if ((n = core_utf8_next(s + i, len - i)) == 0) {
			out[o++] = '?';
			n = 1;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}

enum core_status core_note_check(const char *label, const char *s, struct core_error *err)
{
	if (s == NULL)
		return CORE_OK;
	size_t len = strlen(s);
	if (len > CORE_NOTE_MAX)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s is too long: %zu bytes; at most %d (64 KiB) fit",
		                      label, len, CORE_NOTE_MAX);
	int line = 1, col = 1;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		size_t n = is_bad_control(c) ? 0 : core_utf8_next(s + i, len - i);
		if (n == 0)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "%s: line %d, column %d: %s (byte 0x%02X)", label,
			                      line, col,
			                      is_bad_control(c) ? "control character"
			                                        : "not valid UTF-8", c);
		if (c == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += n;
	}
	return CORE_OK;
}

static enum core_status note_set(char **field, const char *s, struct core_error *err)
{
	char *copy = NULL;
	if (s != NULL) {
		copy = core_note_clean(s, strlen(s));
		if (copy == NULL)
			return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	free(*field);
	*field = copy;
	return CORE_OK;
}

enum core_status core_prep_set(struct core_prep *p, enum core_prep_field f,
                               const char *s, struct core_error *err)
{
	if ((unsigned)f >= CORE_PREP_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "no preparation field %d", (int)f);
	return note_set(&p->text[f], s, err);
}

enum core_status core_minutes_set(struct core_minutes *m, enum core_minutes_field f,
                                  const char *s, struct core_error *err)
{
	if ((unsigned)f >= CORE_MIN_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "no minutes field %d", (int)f);
	return note_set(&m->text[f], s, err);
}

void core_prep_free(struct core_prep *p)
{
	if (p == NULL)
		return;
	for (int f = 0; f < CORE_PREP_COUNT; f++)
		free(p->text[f]);
	memset(p, 0, sizeof *p);
}

void core_minutes_free(struct core_minutes *m)
{
	if (m == NULL)
		return;
	for (int f = 0; f < CORE_MIN_COUNT; f++)
		free(m->text[f]);
	memset(m, 0, sizeof *m);
}

enum core_status core_prep_check(const struct core_prep *p, struct core_error *err)
{
	for (int f = 0; f < CORE_PREP_COUNT; f++) {
		enum core_status st = core_note_check(prep_labels[f], p->text[f], err);
		if (st != CORE_OK)
			return st;
	}
	return CORE_OK;
}

enum core_status core_minutes_check(const struct core_minutes *m, struct core_error *err)
{
	for (int f = 0; f < CORE_MIN_COUNT; f++) {
		enum core_status st = core_note_check(minutes_labels[f], m->text[f], err);
		if (st != CORE_OK)
			return st;
	}
	return CORE_OK;
}
