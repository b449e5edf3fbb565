/* Preparation checklists: parsing the line format of
 * assets/checklists/FORM.txt, and finding the list for a contact form. */
#include "core/checklist.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/utf8.h"

/* 32 items and their comments take a few kilobytes; anything this large is
 * the wrong file. */
#define MAX_FILE_BYTES (256 * 1024)

struct cl_parser {
	const char *filename;
	struct core_checklist *out;
	struct core_error *err;
	int line;
};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static enum core_status cl_fail(const struct cl_parser *p, int col, const char *fmt, ...);

static enum core_status cl_fail(const struct cl_parser *p, int col, const char *fmt, ...)
{
	char what[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	return core_error_set(p->err, CORE_ERR_INPUT, "%s:%d:%d: %s", p->filename, p->line,
	                      col, what);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* The column (1-based, in characters as editors count) of byte off. */
static int col_at(const char *s, size_t off)
{
	int col = 1;
	for (size_t i = 0; i < off; i++)
		col += ((unsigned char)s[i] & 0xc0) != 0x80;
	return col;
}

/* Every byte of the line must be UTF-8 and no control character but a tab:
 * checked first, so the rest may count characters safely. */
static enum core_status line_check(const struct cl_parser *p, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		if (u[i] == 0x7f || (u[i] < 0x20 && u[i] != '\t'))
			return cl_fail(p, col_at(s, i),
			               "control character (byte 0x%02X); a line holds text "
			               "and tabs only", u[i]);
		size_t len = core_utf8_next(s + i, n - i);
		if (len == 0)
			return cl_fail(p, col_at(s, i),
			               "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
			               u[i]);
		i += len;
	}
	return CORE_OK;
}

/* A piece of the line quoted in a message: bounded and valid UTF-8. */
#define EXCERPT_BYTES 40

struct excerpt {
	char s[EXCERPT_BYTES + sizeof "…"];
};

static struct excerpt excerpt_of(const char *s, size_t n)
{
	struct excerpt e;
	char tmp[EXCERPT_BYTES + 1];
	size_t take = n < EXCERPT_BYTES ? n : EXCERPT_BYTES;
	memcpy(tmp, s, take);
	tmp[take] = '\0';
	core_utf8_copy(e.s, sizeof tmp, tmp);
	if (take < n)
		strcat(e.s, "…");
	return e;
}

/* Copies the text (tabs become spaces: the screen draws no tabs). */
static void text_copy(char *dst, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = s[i] == '\t' ? ' ' : s[i];
	dst[n] = '\0';
}

static enum core_status parse_line(struct cl_parser *p, const char *s, size_t n)
{
	enum core_status st = line_check(p, s, n);
	if (st != CORE_OK)
		return st;
	size_t i = 0;
	while (i < n && is_blank(s[i]))
		i++;
	if (i == n || s[i] == '#')
		return CORE_OK;

	size_t key = i;
	while (i < n && !is_blank(s[i]))
		i++;
	size_t key_len = i - key;
	for (size_t k = key; k < i; k++) {
		if (is_key_char(s[k]))
			continue;
		size_t clen = core_utf8_next(s + k, n - k);
		return cl_fail(p, col_at(s, k),
		               "'%.*s' in key '%s': a key holds only a-z, 0-9 and '-'",
		               (int)clen, s + k, excerpt_of(s + key, key_len).s);
	}
	if (key_len >= CORE_CHECKLIST_KEY_MAX)
		return cl_fail(p, col_at(s, key), "key '%s' is %zu characters; at most %d",
		               excerpt_of(s + key, key_len).s, key_len,
		               CORE_CHECKLIST_KEY_MAX - 1);

	while (i < n && is_blank(s[i]))
		i++;
	size_t end = n;
	while (end > i && is_blank(s[end - 1]))
		end--;
	if (i == end)
		return cl_fail(p, col_at(s, key + key_len),
		               "item '%.*s' has no text: write the key, a blank, then the text",
		               (int)key_len, s + key);
	if (end - i >= CORE_CHECKLIST_TEXT_MAX)
		return cl_fail(p, col_at(s, i), "text is %zu bytes; at most %d fit",
		               end - i, CORE_CHECKLIST_TEXT_MAX - 1);

	struct core_checklist *out = p->out;
	char k[CORE_CHECKLIST_KEY_MAX];
	memcpy(k, s + key, key_len);
	k[key_len] = '\0';
	int dup = core_checklist_find(out, k);
	if (dup >= 0)
		return cl_fail(p, col_at(s, key), "duplicate key '%s' (first on line %d)", k,
		               out->items[dup].line);
	if (out->n_items >= CORE_CHECKLIST_MAX_ITEMS)
		return cl_fail(p, col_at(s, key), "too many items: at most %d",
		               CORE_CHECKLIST_MAX_ITEMS);

	struct core_checklist_item *it = &out->items[out->n_items++];
	memset(it, 0, sizeof *it);
	memcpy(it->key, k, key_len + 1);
	text_copy(it->text, s + i, end - i);
	it->line = p->line;
	return CORE_OK;
}

enum core_status core_checklist_parse(const char *buf, size_t len, const char *filename,
                                      enum core_form form, struct core_checklist *out,
                                      struct core_error *err)
{
	struct core_error local;
	struct cl_parser p = {filename != NULL ? filename : "checklist", out,
	                      err != NULL ? err : &local, 1};
	out->form = form;
	out->n_items = 0;
	if (buf == NULL)
		len = 0;
	size_t i = 0;
	/* Editors on Windows start UTF-8 files with a byte-order mark. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len;
		size_t n = end - i;
		if (nl != NULL && n > 0 && buf[end - 1] == '\r')
			n--;
		enum core_status st = parse_line(&p, buf + i, n);
		if (st != CORE_OK) {
			out->n_items = 0;
			return st;
		}
		i = end + 1;
		p.line++;
	}
	return CORE_OK;
}

enum core_status core_checklist_read_file(const char *path, char **text, size_t *len,
                                          struct core_error *err)
{
	*text = NULL;
	*len = 0;
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return core_error_set(err, CORE_ERR_IO, "cannot open checklist '%s': %s", path,
		                      strerror(errno));
	/* One byte more than allowed tells a file that is too large. */
	char *buf = malloc(MAX_FILE_BYTES + 1);
	if (buf == NULL) {
		fclose(fp);
		return core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", path);
	}
	size_t n = fread(buf, 1, MAX_FILE_BYTES + 1, fp);
	enum core_status st = CORE_OK;
	if (ferror(fp))
		st = core_error_set(err, CORE_ERR_IO, "cannot read checklist '%s': %s", path,
		                    strerror(errno));
	else if (n > MAX_FILE_BYTES)
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "%s: too large for a checklist (over %d bytes)", path,
		                    MAX_FILE_BYTES);
	fclose(fp);
	if (st != CORE_OK) {
		free(buf);
		return st;
	}
	*text = buf;
	*len = n;
	return CORE_OK;
}

enum core_status core_checklist_load_file(const char *path, enum core_form form,
                                          struct core_checklist *out,
                                          struct core_error *err)
{
	out->form = form;
	out->n_items = 0;
	char *buf;
	size_t len;
	enum core_status st = core_checklist_read_file(path, &buf, &len, err);
	if (st == CORE_OK)
		st = core_checklist_parse(buf, len, path, form, out, err);
	free(buf);
	return st;
}

enum core_status core_checklist_for_form(enum core_form form, struct core_checklist *out,
                                         struct core_error *err)
{
	out->form = form;
	out->n_items = 0;
	if ((unsigned)form >= CORE_FORM_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "no checklist for contact form %d",
		                      (int)form);
	char name[64];
	snprintf(name, sizeof name, "checklists/%s.txt", core_form_key(form));
	size_t len = 0;
	const char *buf = core_asset_find(name, &len);
	if (buf == NULL)
		return core_error_set(err, CORE_ERR_NOTFOUND,
		                      "assets/%s was not built into this pipebench", name);
	char shown[80];
	snprintf(shown, sizeof shown, "assets/%s", name);
	return core_checklist_parse(buf, len, shown, form, out, err);
}

int core_checklist_find(const struct core_checklist *cl, const char *key)
{
	if (cl == NULL || key == NULL)
		return -1;
	for (int i = 0; i < cl->n_items && i < CORE_CHECKLIST_MAX_ITEMS; i++)
		if (strcmp(cl->items[i].key, key) == 0)
			return i;
	return -1;
}

int core_checklist_key_valid(const char *key)
{
	if (key == NULL || key[0] == '\0')
		return 0;
	size_t n = 0;
	for (; key[n] != '\0'; n++)
		if (n + 1 >= CORE_CHECKLIST_KEY_MAX || !is_key_char(key[n]))
			return 0;
	return 1;
}
