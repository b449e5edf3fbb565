/* The review's presence files: their text, the staleness rule, and
 * writing, touching and finding them. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif
#include "core/presence.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/utf8.h"

#define PRESENCE_MAGIC "pipebench review presence 1"
#define PRESENCE_SUFFIX ".review"

int core_presence_format(const struct core_presence *p, char *buf, size_t n)
{
	int len = snprintf(buf, n, PRESENCE_MAGIC "\nlogin=%s\nname=%s\npid=%ld\n"
	                   "host=%s\nstarted=%lld\n", p->login, p->name, p->pid, p->host,
	                   (long long)p->started);
	return len < 0 || (size_t)len >= n ? -1 : len;
}

/* A value copied as printable text: control characters (a newline
 * planted to fake a second line on the seller's screen) become '?'. */
static void presence_value(char *dst, size_t n, const char *src, size_t len)
{
	char tmp[CORE_PRESENCE_TEXT_MAX];
	if (len >= sizeof tmp)
		len = sizeof tmp - 1;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];
		tmp[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	tmp[len] = '\0';
	/* core_utf8_copy repairs invalid UTF-8 and cuts at a boundary. */
	core_utf8_copy(dst, n, tmp);
}

static int presence_number(const char *s, size_t len, long long *out)
{
	char tmp[32];
	if (len == 0 || len >= sizeof tmp)
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	char *end = NULL;
	errno = 0;
	long long v = strtoll(tmp, &end, 10);
	if (errno != 0 || *end != '\0' || tmp[0] < '0' || tmp[0] > '9')
		return -1;
	*out = v;
	return 0;
}

enum core_status core_presence_parse(const char *text, size_t len,
                                     struct core_presence *out,
                                     struct core_error *err)
{
	memset(out, 0, sizeof *out);
	size_t magic = strlen(PRESENCE_MAGIC);
	if (len < magic + 1 || memcmp(text, PRESENCE_MAGIC "\n", magic + 1) != 0)
		return core_error_set(err, CORE_ERR_INPUT, "not a presence file");
	const char *p = text + magic + 1, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl != NULL ? nl : end;
		const char *eq = memchr(p, '=', (size_t)(eol - p));
		if (eq != NULL) {
			size_t klen = (size_t)(eq - p), vlen = (size_t)(eol - eq - 1);
			const char *v = eq + 1;
			long long num = 0;
			if (klen == 5 && memcmp(p, "login", 5) == 0)
				presence_value(out->login, sizeof out->login, v, vlen);
			else if (klen == 4 && memcmp(p, "name", 4) == 0)
				presence_value(out->name, sizeof out->name, v, vlen);
			else if (klen == 4 && memcmp(p, "host", 4) == 0)
				presence_value(out->host, sizeof out->host, v, vlen);
			else if (klen == 3 && memcmp(p, "pid", 3) == 0 &&
			         presence_number(v, vlen, &num) == 0 && num <= LONG_MAX)
				out->pid = (long)num;
			else if (klen == 7 && memcmp(p, "started", 7) == 0 &&
			         presence_number(v, vlen, &num) == 0)
				out->started = num;
		}
		p = eol + 1;
	}
	if (out->name[0] == '\0' || out->pid <= 0)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "presence file without a name or a process id");
	return CORE_OK;
}

int core_presence_stale(int64_t mtime, int64_t now, enum core_presence_pid pid)
{
	int64_t age = now - mtime;
	return pid == CORE_PRESENCE_PID_DEAD || age > CORE_PRESENCE_STALE_S ||
	       age < -CORE_PRESENCE_STALE_S;
}

/* ---- the files ---- */

enum core_status core_presence_path(char *buf, size_t n, const char *dir,
                                    const char *login, struct core_error *err)
{
	char base[PATH_MAX];
	enum core_status st = core_team_path(base, sizeof base, dir, CORE_TEAM_PRESENCE,
	                                     NULL, err);
	if (st != CORE_OK)
		return st;
	if (!core_team_name_valid(login))
		return core_error_set(err, CORE_ERR_INPUT, "%s: not a usable login name",
		                      login);
	int len = snprintf(buf, n, "%s/%s" PRESENCE_SUFFIX, base, login);
	if (len < 0 || (size_t)len >= n)
		return core_error_set(err, CORE_ERR_INPUT, "%s: path too long", dir);
	return CORE_OK;
}

void core_presence_host(char *buf, size_t n)
{
	if (n == 0)
		return;
	if (gethostname(buf, n) != 0)
		buf[0] = '\0';
	buf[n - 1] = '\0';
}

enum core_presence_pid core_presence_pid_state(const char *host, long pid)
{
	char here[CORE_PRESENCE_HOST_MAX];
	core_presence_host(here, sizeof here);
	if (here[0] == '\0' || strcmp(here, host) != 0 || pid <= 0 || pid > INT_MAX)
		return CORE_PRESENCE_PID_UNKNOWN;
	/* EPERM: the process runs, as someone else (the manager). */
	if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
		return CORE_PRESENCE_PID_ALIVE;
	return CORE_PRESENCE_PID_DEAD;
}

static int presence_write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

enum core_status core_presence_write(const char *path, const struct core_presence *p,
                                     struct core_error *err)
{
	char text[CORE_PRESENCE_TEXT_MAX], tmp[PATH_MAX];
	int len = core_presence_format(p, text, sizeof text);
	if (len < 0)
		return core_error_set(err, CORE_ERR_INPUT, "%s: presence too long", path);
	if (snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof tmp)
		return core_error_set(err, CORE_ERR_INPUT, "%s: path too long", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0640);
	if (fd < 0)
		return core_error_set(err, CORE_ERR_IO, "%s: %s", tmp, strerror(errno));
	int ok = fchmod(fd, 0640) == 0 && presence_write_all(fd, text, (size_t)len) == 0;
	int saved = errno;
	if (close(fd) != 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = 0;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		return core_error_set(err, CORE_ERR_IO, "%s: %s", path, strerror(saved));
	}
	return CORE_OK;
}

enum core_status core_presence_touch(const char *path, struct core_error *err)
{
	if (utimes(path, NULL) != 0)
		return core_error_set(err, CORE_ERR_IO, "%s: %s", path, strerror(errno));
	return CORE_OK;
}

int core_presence_remove(const char *path)
{
	return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

/* One file of the presence directory: 0 and *out when it is a fresh
 * presence, else -1. */
static int presence_read(int dfd, const char *file, int64_t now,
                         struct core_presence *out)
{
	int fd = openat(dfd, file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return -1;
	struct stat sb;
	char text[CORE_PRESENCE_TEXT_MAX];
	ssize_t len = -1;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size < (off_t)sizeof text)
		len = read(fd, text, sizeof text);
	close(fd);
	if (len <= 0 || core_presence_parse(text, (size_t)len, out, NULL) != CORE_OK)
		return -1;
	/* The file's name says whose it is, whatever its text claims. */
	size_t base = strlen(file) - strlen(PRESENCE_SUFFIX);
	if (base >= sizeof out->login)
		return -1;
	memcpy(out->login, file, base);
	out->login[base] = '\0';
	/* Any group member may write the directory, but the sticky bit keeps
	 * each file its owner's: one not owned by the login it is named after
	 * was planted, and is no review. */
	struct passwd *pw = getpwnam(out->login);
	if (pw == NULL || pw->pw_uid != sb.st_uid)
		return -1;
	if (core_presence_stale((int64_t)sb.st_mtime, now,
	                        core_presence_pid_state(out->host, out->pid)))
		return -1;
	return 0;
}

enum core_status core_presence_scan(const char *dir, int64_t now,
                                    struct core_presence *out, size_t max,
                                    size_t *n, struct core_error *err)
{
	*n = 0;
	char path[PATH_MAX];
	enum core_status st = core_team_path(path, sizeof path, dir, CORE_TEAM_PRESENCE,
	                                     NULL, err);
	if (st != CORE_OK)
		return st;
	DIR *d = opendir(path);
	if (d == NULL) {
		if (errno == ENOENT)
			return CORE_OK;
		return core_error_set(err, CORE_ERR_IO, "%s: %s", path, strerror(errno));
	}
	size_t slen = strlen(PRESENCE_SUFFIX);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= slen || strcmp(e->d_name + len - slen, PRESENCE_SUFFIX) != 0)
			continue;
		struct core_presence p;
		if (presence_read(dirfd(d), e->d_name, now, &p) != 0)
			continue;
		/* Kept in login order: an insertion into the few there are. */
		size_t i = *n < max ? *n : max;
		while (i > 0 && strcmp(out[i - 1].login, p.login) > 0) {
			if (i < max)
				out[i] = out[i - 1];
			i--;
		}
		if (i < max)
			out[i] = p;
		(*n)++;
	}
	closedir(d);
	return CORE_OK;
}
