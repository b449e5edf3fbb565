/* The team directory's layout, its modes and owners, and who we are. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "core/team.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utf8.h"

int core_team_name_valid(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len >= CORE_TEAM_NAME_MAX || name[0] == '-' || name[0] == '.')
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                    "0123456789._-") == len;
}

enum core_status core_team_path(char *buf, size_t n, const char *dir,
                                enum core_team_part part, const char *login,
                                struct core_error *err)
{
	int seller = part == CORE_TEAM_SELLER_DIR || part == CORE_TEAM_SELLER_FILE;
	if (seller && (login == NULL || !core_team_name_valid(login)))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: '%s' cannot name a seller's directory", dir,
		                      login != NULL ? core_utf8_excerpt(login).s : "");
	int len;
	switch (part) {
	case CORE_TEAM_FILE:
		len = snprintf(buf, n, "%s/team.db", dir);
		break;
	case CORE_TEAM_SELLERS:
		len = snprintf(buf, n, "%s/sellers", dir);
		break;
	case CORE_TEAM_PRESENCE:
		len = snprintf(buf, n, "%s/presence", dir);
		break;
	case CORE_TEAM_SELLER_DIR:
		len = snprintf(buf, n, "%s/sellers/%s", dir, login);
		break;
	case CORE_TEAM_SELLER_FILE:
		len = snprintf(buf, n, "%s/sellers/%s/seller.db", dir, login);
		break;
	default:
		return core_error_set(err, CORE_ERR_INPUT, "%s: no such part of a team", dir);
	}
	if (len < 0 || (size_t)len >= n)
		return core_error_set(err, CORE_ERR_INPUT, "%s: the team's path is too long",
		                      dir);
	return CORE_OK;
}

enum core_status core_team_whoami(char login[static CORE_TEAM_NAME_MAX],
                                  char *name, size_t name_n,
                                  struct core_error *err)
{
	uid_t uid = getuid();
	errno = 0;
	const struct passwd *pw = getpwuid(uid);
	if (pw == NULL)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "user id %ld has no entry in the password database%s%s",
		                      (long)uid, errno != 0 ? ": " : "",
		                      errno != 0 ? strerror(errno) : "");
	if (pw->pw_name == NULL || !core_team_name_valid(pw->pw_name))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the login name of user id %ld is not usable as a "
		                      "file name in a team", (long)uid);
	memcpy(login, pw->pw_name, strlen(pw->pw_name) + 1);
	if (name == NULL || name_n == 0)
		return CORE_OK;
	/* GECOS: "Full Name,room,work phone,home phone,other". */
	const char *gecos = pw->pw_gecos != NULL ? pw->pw_gecos : "";
	size_t full = strcspn(gecos, ",");
	while (full > 0 && gecos[full - 1] == ' ')
		full--;
	while (full > 0 && gecos[0] == ' ') {
		gecos++;
		full--;
	}
	if (full == 0) {
		core_utf8_copy(name, name_n, login);
		return CORE_OK;
	}
	char tmp[256];
	if (full >= sizeof tmp)
		full = sizeof tmp - 1;
	memcpy(tmp, gecos, full);
	tmp[full] = '\0';
	core_utf8_copy(name, name_n, tmp);
	return CORE_OK;
}

/* 1 when the process is in group gid: its real or effective group, or a
 * supplementary one. */
static int team_in_group(gid_t gid)
{
	if (gid == getgid() || gid == getegid())
		return 1;
	int n = getgroups(0, NULL);
	if (n <= 0)
		return 0;
	gid_t *list = malloc((size_t)n * sizeof *list);
	if (list == NULL)
		return 0;
	n = getgroups(n, list);
	int in = 0;
	for (int i = 0; i < n && !in; i++)
		in = list[i] == gid;
	free(list);
	return in;
}

enum core_status core_team_group(const char *group, gid_t *out,
                                 struct core_error *err)
{
	if (group == NULL) {
		*out = getgid();
		return CORE_OK;
	}
	const struct group *gr = getgrnam(group);
	if (gr == NULL) {
		char *end = NULL;
		errno = 0;
		unsigned long v = strtoul(group, &end, 10);
		if (group[0] < '0' || group[0] > '9' || *end != '\0' || errno != 0 ||
		    v != (gid_t)v || (gr = getgrgid((gid_t)v)) == NULL)
			return core_error_set(err, CORE_ERR_INPUT, "no group called '%s'",
			                      core_utf8_excerpt(group).s);
	}
	if (!team_in_group(gr->gr_gid))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "you are not in group '%s': a team's group must be "
		                      "one of yours (see the groups command)", gr->gr_name);
	*out = gr->gr_gid;
	return CORE_OK;
}

/* 1 when path is an empty directory, 0 when it holds anything, -1 when
 * it cannot be read (errno set). */
static int team_dir_empty(const char *path)
{
	DIR *d = opendir(path);
	if (d == NULL)
		return -1;
	const struct dirent *e;
	int empty = 1;
	errno = 0;
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	int saved = errno;
	closedir(d);
	if (empty && saved != 0) {
		errno = saved;
		return -1;
	}
	return empty;
}

/* Gives path the running user, group gid and mode, explicitly: mkdir's
 * mode passes through the umask, and only chmod sets the setgid and
 * sticky bits for sure. */
static enum core_status team_set_owner(const char *path, gid_t gid, mode_t mode,
                                       struct core_error *err)
{
	if (chown(path, getuid(), gid) != 0)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot give it group %ld: %s",
		                      path, (long)gid, strerror(errno));
	if (chmod(path, mode) != 0)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot set mode %04o: %s",
		                      path, (unsigned)mode, strerror(errno));
	return CORE_OK;
}

static enum core_status team_mkdir(const char *path, gid_t gid, mode_t mode,
                                   struct core_error *err)
{
	if (mkdir(path, 0700) != 0)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot create the directory: %s",
		                      path, strerror(errno));
	return team_set_owner(path, gid, mode, err);
}

enum core_status core_team_mkdirs(const char *dir, gid_t gid, struct core_error *err)
{
	char sub[PATH_MAX];
	enum core_status st = core_team_path(sub, sizeof sub, dir, CORE_TEAM_PRESENCE,
	                                     NULL, err);
	if (st != CORE_OK)
		return st;
	struct stat sb;
	if (lstat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			return core_error_set(err, CORE_ERR_INPUT,
			                      "%s: exists and is not a directory", dir);
		int empty = team_dir_empty(dir);
		if (empty < 0)
			return core_error_set(err, CORE_ERR_IO, "%s: cannot read it: %s", dir,
			                      strerror(errno));
		if (!empty)
			return core_error_set(err, CORE_ERR_INPUT,
			                      "%s: the directory is not empty; a team needs a "
			                      "new or empty directory", dir);
		if (sb.st_uid != getuid())
			return core_error_set(err, CORE_ERR_INPUT,
			                      "%s: the directory belongs to another user; the "
			                      "manager must own the team's directory", dir);
		st = team_set_owner(dir, gid, CORE_TEAM_DIR_MODE, err);
	} else if (errno == ENOENT) {
		st = team_mkdir(dir, gid, CORE_TEAM_DIR_MODE, err);
	} else {
		return core_error_set(err, CORE_ERR_IO, "%s: %s", dir, strerror(errno));
	}
	if (st == CORE_OK)
		st = core_team_path(sub, sizeof sub, dir, CORE_TEAM_SELLERS, NULL, err);
	if (st == CORE_OK)
		st = team_mkdir(sub, gid, CORE_TEAM_SHARED_MODE, err);
	if (st == CORE_OK)
		st = core_team_path(sub, sizeof sub, dir, CORE_TEAM_PRESENCE, NULL, err);
	if (st == CORE_OK)
		st = team_mkdir(sub, gid, CORE_TEAM_SHARED_MODE, err);
	return st;
}

static const char *team_user_name(uid_t uid, char *buf, size_t n)
{
	const struct passwd *pw = getpwuid(uid);
	if (pw != NULL && pw->pw_name != NULL)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "user id %ld", (long)uid);
	return buf;
}

enum core_status core_team_seller_dir(const char *dir, const char *login,
                                      gid_t *gid, struct core_error *err)
{
	char sellers[PATH_MAX], own[PATH_MAX];
	enum core_status st = core_team_path(sellers, sizeof sellers, dir,
	                                     CORE_TEAM_SELLERS, NULL, err);
	if (st == CORE_OK)
		st = core_team_path(own, sizeof own, dir, CORE_TEAM_SELLER_DIR, login, err);
	if (st != CORE_OK)
		return st;
	struct stat sb;
	if (stat(sellers, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: not a team directory (no %s; the manager makes "
		                      "one with: pipebench team init DIR)", dir, sellers);
	*gid = sb.st_gid;
	if (mkdir(own, 0700) != 0 && errno != EEXIST)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot create the directory: %s",
		                      own, strerror(errno));
	if (lstat(own, &sb) != 0)
		return core_error_set(err, CORE_ERR_IO, "%s: %s", own, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: is not a directory; ask the manager to remove it",
		                      own);
	if (sb.st_uid != getuid()) {
		char who[64];
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: belongs to %s, not to you; ask the manager to "
		                      "remove it", own, team_user_name(sb.st_uid, who, sizeof who));
	}
	if (sb.st_gid == *gid && (sb.st_mode & 07777) == CORE_TEAM_SELLER_DIR_MODE)
		return CORE_OK;
	return team_set_owner(own, *gid, CORE_TEAM_SELLER_DIR_MODE, err);
}

enum core_status core_team_own_file(const char *path, gid_t gid,
                                    struct core_error *err)
{
	/* O_NOFOLLOW: a link planted in the seller's place is not followed. */
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return core_error_set(err, CORE_ERR_IO, "%s: cannot open it: %s", path,
		                      strerror(errno));
	struct stat sb;
	enum core_status st = CORE_OK;
	if (fstat(fd, &sb) != 0)
		st = core_error_set(err, CORE_ERR_IO, "%s: %s", path, strerror(errno));
	else if (!S_ISREG(sb.st_mode))
		st = core_error_set(err, CORE_ERR_INPUT, "%s: is not a regular file", path);
	else if (sb.st_uid != getuid())
		st = core_error_set(err, CORE_ERR_INPUT,
		                    "%s: belongs to another user, not to you", path);
	else if (sb.st_gid != gid && fchown(fd, (uid_t)-1, gid) != 0)
		st = core_error_set(err, CORE_ERR_IO, "%s: cannot give it group %ld: %s",
		                    path, (long)gid, strerror(errno));
	else if ((sb.st_mode & 07777) != CORE_TEAM_FILE_MODE &&
	         fchmod(fd, CORE_TEAM_FILE_MODE) != 0)
		st = core_error_set(err, CORE_ERR_IO, "%s: cannot set mode 0640: %s",
		                    path, strerror(errno));
	close(fd);
	return st;
}

static int team_login_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

enum core_status core_team_logins(const char *dir, char (**out)[CORE_TEAM_NAME_MAX],
                                  size_t *n, struct core_error *err)
{
	char sellers[PATH_MAX], sub[PATH_MAX];
	*out = NULL;
	*n = 0;
	enum core_status st = core_team_path(sellers, sizeof sellers, dir,
	                                     CORE_TEAM_SELLERS, NULL, err);
	if (st != CORE_OK)
		return st;
	DIR *d = opendir(sellers);
	if (d == NULL)
		return core_error_set(err, CORE_ERR_INPUT, "%s: not a team directory (%s: %s)",
		                      dir, sellers, strerror(errno));
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		struct stat sb;
		if (!core_team_name_valid(e->d_name) ||
		    core_team_path(sub, sizeof sub, dir, CORE_TEAM_SELLER_DIR, e->d_name,
		                   NULL) != CORE_OK ||
		    lstat(sub, &sb) != 0 || !S_ISDIR(sb.st_mode))
			continue;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char (*grown)[CORE_TEAM_NAME_MAX] = realloc(*out, ncap * sizeof *grown);
			if (grown == NULL) {
				st = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
				break;
			}
			*out = grown;
			cap = ncap;
		}
		/* core_team_name_valid bounds the length. */
		memcpy((*out)[(*n)++], e->d_name, strlen(e->d_name) + 1);
	}
	closedir(d);
	if (st != CORE_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	} else if (*n > 1) {
		qsort(*out, *n, sizeof **out, team_login_cmp);
	}
	return st;
}
