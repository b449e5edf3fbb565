#ifndef CORE_PRESENCE_H
#define CORE_PRESENCE_H
/* The review is never covert: while the manager's review is open it keeps
 * a presence file DIR/presence/LOGIN.review (core/team.h's layout) that
 * names the reviewer, and every seller's screen shows it.  The file is
 * touched every CORE_PRESENCE_TOUCH_S seconds and removed on exit; one
 * left behind by a crash is stale (older than CORE_PRESENCE_STALE_S, or
 * its process is gone) and ignored, and so is one not owned by the user
 * whose login names it (planted by another member of the group).
 *
 * The text is a few "key=value" lines under a first line that says what
 * it is; the parse never trusts it (any group member can write the
 * directory): unknown keys are skipped, the name is made printable.
 * Format, parse and the staleness rule are pure; the file functions use
 * plain POSIX file I/O only.  Nothing returned is allocated. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/error.h"
#include "core/meeting.h"
#include "core/team.h"

#define CORE_PRESENCE_TOUCH_S 10
#define CORE_PRESENCE_STALE_S 60
/* Room for the file's text; a longer file is not a presence file. */
#define CORE_PRESENCE_TEXT_MAX 1024
#define CORE_PRESENCE_HOST_MAX 256

struct core_presence {
	char login[CORE_TEAM_NAME_MAX];   /* the reviewer's login */
	char name[CORE_NAME_MAX];         /* the display name, printable UTF-8 */
	long pid;                         /* the review's process */
	char host[CORE_PRESENCE_HOST_MAX];/* where that process runs */
	int64_t started;                  /* Unix seconds */
};

/* Whether a presence's process still runs, as far as can be told. */
enum core_presence_pid {
	CORE_PRESENCE_PID_UNKNOWN,  /* another host: only the age tells */
	CORE_PRESENCE_PID_ALIVE,
	CORE_PRESENCE_PID_DEAD
};

/* The file's text into buf (n bytes).  Returns its length, or -1 when it
 * does not fit. */
int core_presence_format(const struct core_presence *p, char *buf, size_t n);

/* Parses text (len bytes, NUL not needed).  Not a presence file, or one
 * without a name or a positive pid: CORE_ERR_INPUT.  Control characters
 * and invalid UTF-8 in the name become '?'. */
enum core_status core_presence_parse(const char *text, size_t len,
                                     struct core_presence *out,
                                     struct core_error *err);

/* 1 when a presence last touched at mtime is stale at now (both Unix
 * seconds): older than CORE_PRESENCE_STALE_S, more than that in the
 * future (a clock gone wrong), or its process dead. */
int core_presence_stale(int64_t mtime, int64_t now, enum core_presence_pid pid);

/* ---- the files ---- */

/* DIR/presence/LOGIN.review into buf (n bytes). */
enum core_status core_presence_path(char *buf, size_t n, const char *dir,
                                    const char *login, struct core_error *err);

/* This host's name into buf (n bytes); "" when it cannot be told. */
void core_presence_host(char *buf, size_t n);

/* Whether process pid on host runs: ALIVE or DEAD on this host (a process
 * of another user counts as alive), UNKNOWN on another host. */
enum core_presence_pid core_presence_pid_state(const char *host, long pid);

/* Writes p to path whole or not at all (a temporary file beside it, then
 * a rename), mode 0640 so the team can read it. */
enum core_status core_presence_write(const char *path, const struct core_presence *p,
                                     struct core_error *err);
/* Sets path's modification time to now: the presence is still fresh. */
enum core_status core_presence_touch(const char *path, struct core_error *err);
/* Removes path; one already gone is fine.  Returns 0, or -1 (errno). */
int core_presence_remove(const char *path);

/* The fresh presences in DIR/presence at now, by login, up to max into
 * out; *n gets how many were found (it may exceed max).  Files that are
 * not presence files, unreadable or stale are skipped; a missing
 * presence directory is no presence.  Only a directory that cannot be
 * read is an error (CORE_ERR_IO naming it). */
enum core_status core_presence_scan(const char *dir, int64_t now,
                                    struct core_presence *out, size_t max,
                                    size_t *n, struct core_error *err);

#endif
