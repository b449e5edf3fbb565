#ifndef CORE_TEAM_H
#define CORE_TEAM_H
/* A team directory on a shared server, and who the running process is in
 * it.  The operating system enforces who may change what; this module
 * only lays the directory out and names its parts:
 *
 *   DIR/                  manager:team 2750   the manager creates entries
 *   DIR/team.db           manager:team 0640   targets, weights, matrix
 *   DIR/sellers/          manager:team 3770   setgid + sticky
 *   DIR/sellers/LOGIN/    LOGIN:team   2750   only LOGIN writes in it
 *   DIR/sellers/LOGIN/seller.db  LOGIN:team 0640  LOGIN's week
 *   DIR/presence/         manager:team 3770   the review's presence files
 *
 * Each seller's file sits in a directory of their own so that its journal
 * can only be created by its owner: in a group-writable directory another
 * seller could plant a "hot journal" beside it that SQLite would replay
 * into the file on its owner's next open.
 *
 * The seller is the login user, getpwuid(getuid()), never an environment
 * variable.  Plain C and POSIX; nothing here opens a database. */

#include <stddef.h>
#include <sys/types.h>

#include "core/error.h"

/* Room for any login or group name this module accepts, and its NUL. */
#define CORE_TEAM_NAME_MAX 33

/* The modes, applied with chmod (the umask never weakens or widens them). */
#define CORE_TEAM_DIR_MODE       02750
#define CORE_TEAM_SHARED_MODE    03770
#define CORE_TEAM_SELLER_DIR_MODE 02750
#define CORE_TEAM_FILE_MODE      0640

enum core_team_part {
	CORE_TEAM_FILE,        /* DIR/team.db */
	CORE_TEAM_SELLERS,     /* DIR/sellers */
	CORE_TEAM_PRESENCE,    /* DIR/presence */
	CORE_TEAM_SELLER_DIR,  /* DIR/sellers/LOGIN */
	CORE_TEAM_SELLER_FILE  /* DIR/sellers/LOGIN/seller.db */
};

/* 1 when name is a login or group name safe to use as a file name: 1 to
 * 32 bytes of [A-Za-z0-9._-], not starting with '-' or '.'.  Anything else
 * (a '/', "..", a space, an empty name) is 0. */
int core_team_name_valid(const char *name);

/* The path of a part of the team in dir, into buf (n bytes).  login is
 * needed for the seller parts and ignored otherwise.  Too long for buf, or
 * an invalid login: CORE_ERR_INPUT naming dir. */
enum core_status core_team_path(char *buf, size_t n, const char *dir,
                                enum core_team_part part, const char *login,
                                struct core_error *err);

/* The running user's login name (CORE_TEAM_NAME_MAX bytes) from the
 * password database, and the display name: the GECOS full name up to its
 * first comma, else the login (name_n bytes, cut at a UTF-8 boundary).
 * name may be NULL.  No passwd entry, or a login that is not a valid name:
 * CORE_ERR_INPUT. */
enum core_status core_team_whoami(char login[static CORE_TEAM_NAME_MAX],
                                  char *name, size_t name_n,
                                  struct core_error *err);

/* The group for a new team: group (a name or a number) when not NULL,
 * else the running user's primary group.  The user must be in it (primary
 * or supplementary), else CORE_ERR_INPUT naming the group. */
enum core_status core_team_group(const char *group, gid_t *out,
                                 struct core_error *err);

/* Makes dir (or takes it when it exists and is empty) with its sellers and
 * presence directories, owned by the running user and group gid, with the
 * modes above.  A dir that is not empty, or not a directory, is refused
 * with CORE_ERR_INPUT naming it; nothing is changed then.  The team file
 * is the caller's (db/team.h makes it). */
enum core_status core_team_mkdirs(const char *dir, gid_t gid, struct core_error *err);

/* Makes sure DIR/sellers/LOGIN exists, is a directory (not a link) owned
 * by the running user, in the sellers directory's group, mode 2750;
 * creates it when missing.  One owned by someone else is CORE_ERR_INPUT
 * naming it and its owner.  *gid gets the team's group. */
enum core_status core_team_seller_dir(const char *dir, const char *login,
                                      gid_t *gid, struct core_error *err);

/* Creates path (when missing) for the running user, or checks it: a
 * regular file, not a link, owned by the running user; then gives it group
 * gid and mode 0640, whatever the umask or an earlier chmod made it. */
enum core_status core_team_own_file(const char *path, gid_t gid,
                                    struct core_error *err);

/* The logins of the team at dir: the names of DIR/sellers/LOGIN
 * directories (not links, valid names), sorted bytewise.  *out is
 * malloc'd, n entries of CORE_TEAM_NAME_MAX bytes; the caller frees it.  A
 * dir without a sellers directory is CORE_ERR_INPUT "not a team
 * directory". */
enum core_status core_team_logins(const char *dir, char (**out)[CORE_TEAM_NAME_MAX],
                                  size_t *n, struct core_error *err);

#endif
