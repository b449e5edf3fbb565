/* The seller's own files (core/xdg.h). */
#include "core/xdg.h"

#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void core_config_dir(char *buf, size_t n)
{
	if (n == 0)
		return;
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	int len = -1;
	if (xdg != NULL && xdg[0] == '/')
		len = snprintf(buf, n, "%s/pipebench", xdg);
	else if (home != NULL && home[0] != '\0')
		len = snprintf(buf, n, "%s/.config/pipebench", home);
	/* A cut path would name some other directory: better none. */
	if (len < 0 || (size_t)len >= n)
		buf[0] = '\0';
}

/* The length of NAME in the file name NAME.csv when core_profile_load
 * would look NAME up as a name and it fits, else 0. */
static size_t xdg_profile_stem(const char *file)
{
	size_t len = strlen(file);
	static const char ext[] = ".csv";
	const size_t ext_len = sizeof ext - 1;
	if (file[0] == '.' || len <= ext_len || strcmp(file + len - ext_len, ext) != 0)
		return 0;
	size_t stem = len - ext_len;
	if (stem >= CORE_PROFILE_NAME_MAX)
		return 0;
	/* "x.csv.csv" would come back as "x.csv", which load takes for a path. */
	if (stem > ext_len && memcmp(file + stem - ext_len, ext, ext_len) == 0)
		return 0;
	return stem;
}

size_t core_config_profile_names(const char *config_dir,
                                 char (*names)[CORE_PROFILE_NAME_MAX], size_t max)
{
	char dir[4096];
	if (config_dir == NULL || config_dir[0] == '\0' || max == 0)
		return 0;
	int len = snprintf(dir, sizeof dir, "%s/profiles", config_dir);
	if (len < 0 || (size_t)len >= sizeof dir)
		return 0;
	DIR *d = opendir(dir);
	if (d == NULL)
		return 0;
	size_t n = 0;
	const struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t stem = xdg_profile_stem(e->d_name);
		if (stem == 0)
			continue;
		char path[4096 + 256 + 2];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		char name[CORE_PROFILE_NAME_MAX];
		memcpy(name, e->d_name, stem);
		name[stem] = '\0';
		/* Kept sorted as they come, so that with more than max files the
		 * same max are listed whatever order the directory gives. */
		size_t at = n;
		while (at > 0 && strcmp(names[at - 1], name) > 0)
			at--;
		if (at >= max)
			continue;
		size_t keep = n < max ? n : max - 1;
		memmove(names[at + 1], names[at], (keep - at) * sizeof names[0]);
		memcpy(names[at], name, stem + 1);
		if (n < max)
			n++;
	}
	closedir(d);
	return n;
}

enum core_status core_path_expand(const char *path, char *out, size_t n,
                                  struct core_error *err)
{
	const char *home = NULL;
	const char *rest = path;
	if (path[0] == '~') {
		size_t user_len = strcspn(path + 1, "/");
		rest = path + 1 + user_len;
		if (user_len == 0) {
			home = getenv("HOME");
			if (home == NULL || home[0] == '\0')
				return core_error_set(err, CORE_ERR_INPUT,
				                      "%s: HOME is not set; give the whole path", path);
		} else {
			char user[256];
			if (user_len >= sizeof user)
				return core_error_set(err, CORE_ERR_INPUT, "%s: no such user", path);
			memcpy(user, path + 1, user_len);
			user[user_len] = '\0';
			const struct passwd *pw = getpwnam(user);
			if (pw == NULL || pw->pw_dir == NULL)
				return core_error_set(err, CORE_ERR_INPUT, "%s: no user called '%s'",
				                      path, user);
			home = pw->pw_dir;
		}
	}
	int len = home != NULL ? snprintf(out, n, "%s%s", home, rest)
	                       : snprintf(out, n, "%s", path);
	if (len < 0 || (size_t)len >= n)
		return core_error_set(err, CORE_ERR_INPUT, "%s: the path is too long", path);
	return CORE_OK;
}
