#ifndef DB_TEAM_H
#define DB_TEAM_H
/* The team's databases (the layout and modes are core/team.h's): the team
 * file, which only the manager writes, and each seller's own file, which
 * only that seller writes.  Both use the rollback journal (DB_OPEN_TEAM),
 * so the rest of the team reads them with read permission alone.
 *
 * The team's settings (targets, form weights, the matrix, the
 * checklists, the 4D threshold) are the manager's, in the team file; a seller's process
 * copies them into the seller's own file, so every db/settings.h read
 * works on that file as it does without a team. */

#include <stddef.h>
#include <sys/types.h>

#include "core/error.h"
#include "db/conn.h"

/* Makes the team in dir (core_team_mkdirs) and its team file, with the
 * current schema, group gid and mode 0640.  The caller checked that gid is
 * one of the user's groups (core_team_group). */
enum core_status db_team_init(const char *dir, gid_t gid, struct core_error *err);

/* Opens the running user's own file in the team at dir, creating it and
 * its directory on first use, and makes sure it has a seller row (named
 * from the password database's full name, else the login).  Then opens
 * the team file read-only and copies its settings in (db_team_sync).
 * *seller and *team own the connections (db_close each); team may be NULL
 * when the caller does not keep the team file open.  path (n bytes, may
 * be NULL) gets the seller file's path.  On failure nothing is open. */
enum core_status db_team_open(const char *dir, struct db **seller, struct db **team,
                              char *path, size_t n, struct core_error *err);

/* Copies the team's settings from team into seller when the team file has
 * changed since the last call on this team connection (its PRAGMA
 * data_version; the first call always looks), and only what differs, in
 * one transaction.  *changed (may be NULL) is 1 when seller's file was
 * changed.  Targets: the team default, and those of the seller's roster
 * row in the team file (db_team_roster_id: by the login the seller's file
 * records, else by name) as the seller's own; the seller's own file keeps no other targets.  The team
 * connection belongs to this sync: nothing else may call db_changed on it.
 * A value the seller's schema refuses is CORE_ERR_DB naming the team file,
 * and the seller's file is left as it was. */
/* The id of the roster row for login in the team file: the row with that
 * login, else one with no login yet whose name is name (case and æøå
 * folded); -1 when there is none.  login may be NULL (name only). */
enum core_status db_team_roster_id(struct db *team, const char *login,
                                   const char *name, int64_t *out,
                                   struct core_error *err);
/* Makes sure the roster has a row for login called name, adopting a row of
 * that name without a login or renaming the login's row; *out gets its
 * id.  A name another login already has is CORE_ERR_INPUT.  Runs inside
 * the caller's write transaction on team (db_tx_begin). */
enum core_status db_team_roster_ensure(struct db *team, const char *login,
                                       const char *name, int64_t *out,
                                       struct core_error *err);

enum core_status db_team_sync(struct db *seller, struct db *team, int *changed,
                              struct core_error *err);

#endif
