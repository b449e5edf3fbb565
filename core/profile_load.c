/* Finding a CRM profile by name or path: the team's own profiles, then
 * the built-in assets; and the list of built-in names.  Reading a profile
 * file is core/profile.c. */
#include "core/profile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/utf8.h"

static const char *const builtin_names[] = {"generic", "hubspot", "pipedrive", "salesforce"};
#define N_BUILTIN ((int)(sizeof builtin_names / sizeof builtin_names[0]))

/* A profile is a few kilobytes; anything this big is the wrong file. */
#define MAX_FILE_BYTES (1024 * 1024)

/* Reads and parses the profile file at path; one that does not exist is
 * CORE_ERR_NOTFOUND. */
static enum core_status load_file(const char *path, const char *name,
                                  struct core_profile *out, struct core_error *err)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return core_error_set(err, errno == ENOENT ? CORE_ERR_NOTFOUND : CORE_ERR_IO,
		                      "cannot open profile '%s': %s", path, strerror(errno));
	/* Reading one byte past the limit tells a file that is too large. */
	char *buf = malloc(MAX_FILE_BYTES + 1);
	size_t len = buf != NULL ? fread(buf, 1, MAX_FILE_BYTES + 1, fp) : 0;
	enum core_status st;
	if (buf == NULL)
		st = core_error_set(err, CORE_ERR_NOMEM, "%s: out of memory", path);
	else if (ferror(fp))
		st = core_error_set(err, CORE_ERR_IO, "cannot read profile '%s': %s", path,
		                    strerror(errno));
	else if (len > MAX_FILE_BYTES)
		st = core_error_set(err, CORE_ERR_INPUT, "%s: too large for a profile (over %d "
		                    "bytes)", path, MAX_FILE_BYTES);
	else
		st = core_profile_parse(buf, len, path, name, out, err);
	fclose(fp);
	free(buf);
	return st;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

enum core_status core_profile_load(const char *spec, const char *config_dir,
                                   struct core_profile *out, struct core_error *err)
{
	char path[4096], names[128];
	size_t len;
	memset(out, 0, sizeof *out);
	if (spec == NULL || spec[0] == '\0')
		return core_error_set(err, CORE_ERR_INPUT, "no CRM profile named");
	if (strchr(spec, '/') != NULL || ends_with(spec, ".csv")) {
		/* Named after its file, as --since-last records it. */
		const char *base = strrchr(spec, '/') != NULL ? strrchr(spec, '/') + 1 : spec;
		char name[CORE_PROFILE_NAME_MAX];
		size_t n = strlen(base) - (ends_with(base, ".csv") ? 4 : 0);
		snprintf(name, sizeof name, "%.*s", (int)n, base);
		enum core_status st = load_file(spec, name, out, err);
		if (st == CORE_ERR_NOTFOUND && err != NULL)
			err->code = CORE_ERR_IO;
		return st == CORE_ERR_NOTFOUND ? CORE_ERR_IO : st;
	}
	if (strlen(spec) >= CORE_PROFILE_NAME_MAX)
		return core_error_set(err, CORE_ERR_INPUT, "unknown CRM profile '%s…'",
		                      core_utf8_excerpt(spec).s);
	int w = config_dir != NULL ? snprintf(path, sizeof path, "%s/profiles/%s.csv",
	                                      config_dir, spec) : -1;
	if (w > 0 && (size_t)w < sizeof path) {
		enum core_status st = load_file(path, spec, out, err);
		if (st != CORE_ERR_NOTFOUND)
			return st;
	}
	snprintf(path, sizeof path, "assets/profiles/%s.csv", spec);
	const char *buf = core_asset_find(path + strlen("assets/"), &len);
	if (buf != NULL)
		return core_profile_parse(buf, len, path, spec, out, err);
	core_profile_builtin_names(names, sizeof names);
	if (config_dir != NULL)
		return core_error_set(err, CORE_ERR_INPUT, "unknown CRM profile '%s': built in are "
		                      "%s; a team's own profile goes in %s/profiles/NAME.csv",
		                      core_utf8_excerpt(spec).s, names, config_dir);
	return core_error_set(err, CORE_ERR_INPUT, "unknown CRM profile '%s': built in are "
	                      "%s; or give the path of a profile file (NAME.csv)",
	                      core_utf8_excerpt(spec).s, names);
}

void core_profile_builtin_names(char *buf, size_t n)
{
	size_t used = 0;
	if (buf == NULL || n == 0)
		return;
	buf[0] = '\0';
	for (int i = 0; i < N_BUILTIN; i++) {
		char asset[64];
		size_t len;
		snprintf(asset, sizeof asset, "profiles/%s.csv", builtin_names[i]);
		if (core_asset_find(asset, &len) == NULL || used >= n)
			continue;
		int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", builtin_names[i]);
		used += w > 0 ? (size_t)w : 0;
	}
}
