#ifndef DB_TEAM_EDIT_H
#define DB_TEAM_EDIT_H
/* The manager's edit of the team file (DIR/team.db, core/team.h): the
 * weekly visit targets of the team and of each seller per battlefield, the
 * form weights, the team's matrix and the 4D threshold, read as one struct
 * and written back as one transaction.  db/settings.h has a setter per
 * value, each its own transaction; an edit of many values must land whole
 * or not at all, so it is saved here.
 *
 * A save writes only what differs between the settings as loaded and as
 * edited: a value the manager did not touch is left as the file has it,
 * even if another process changed it meanwhile. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/matrix.h"
#include "core/meeting.h"
#include "core/tally.h"
#include "core/team.h"
#include "db/conn.h"
/* The bounds (DB_TARGET_MAX, DB_WEIGHT_MAX) are db/settings.h's, so both
 * ways of changing a value accept the same numbers. */
#include "db/settings.h"

/* One weekly target.  set 0: no row, which for a seller means "the team
 * default" and for the team default means "no target". */
struct db_team_target {
	int set;
	double visits;
};

/* Who the targets are loaded for: the review's sellers. */
struct db_team_who {
	const char *login;   /* DIR/sellers/LOGIN */
	const char *name;    /* the name in the seller's file; NULL or "": not
	                        known (the file cannot be read) */
};

struct db_team_seller {
	char login[CORE_TEAM_NAME_MAX];
	char name[CORE_NAME_MAX];   /* who.name, else the roster row's, else
	                               the login: what a save names the roster
	                               row */
	int64_t roster;             /* the roster row (db_team_roster_id), or
	                               -1: none yet; a save makes it */
	struct db_team_target target[CORE_BF_COUNT]; /* the seller's own */
};

struct db_team_settings {
	struct db_team_target defaults[CORE_BF_COUNT]; /* seller_id 0 */
	struct db_team_seller *sellers; /* owned; db_team_settings_free */
	size_t n;
	struct core_form_weights weights;
	struct core_matrix matrix;
	int own_matrix;   /* 1: the team's own matrix (stored); 0: the default
	                     asset, and a save removes a stored one */
	int threshold;    /* the 4D threshold, whole percent */
};

/* Reads the team file's settings, with each of the n sellers' own targets
 * from their roster row (found by login, else by name as
 * db_team_roster_id).  *out need not be initialised; on failure it holds
 * nothing to free.  A value the file holds that is not a valid one is
 * reported as db/settings.h's getters report it (a target out of range
 * reads as 0, as db_targets_get reads it). */
enum core_status db_team_settings_load(struct db *team, const struct db_team_who *who,
                                       size_t n, struct db_team_settings *out,
                                       struct core_error *err);
void db_team_settings_free(struct db_team_settings *s);

/* CORE_ERR_INPUT naming the first value out of bounds: a target 0 to
 * DB_TARGET_MAX, a weight 0 to DB_WEIGHT_MAX, a rating of the
 * matrix, the threshold CORE_FOURD_THRESHOLD_MIN..MAX. */
enum core_status db_team_settings_check(const struct db_team_settings *s,
                                        struct core_error *err);

/* How many values differ between a and b: a target, a weight, a rating
 * (or, when no rating differs, whether the matrix is the team's own), the
 * threshold.  a and b hold the same sellers in the same order (the same
 * load, edited). */
size_t db_team_settings_diff(const struct db_team_settings *a,
                             const struct db_team_settings *b);

/* Writes what differs between was (as loaded) and now (as edited) in one
 * BEGIN IMMEDIATE transaction on team: roster rows for the sellers whose
 * targets changed (db_team_roster_ensure with their login and name), the
 * targets, the weights, the matrix, the threshold.  All or nothing: any
 * failure rolls every one of them back.  now is checked first
 * (db_team_settings_check) and was must be the same sellers, else
 * CORE_ERR_INPUT before anything is locked.  A file the user may not write
 * (SQLITE_READONLY, or a journal the directory refuses) is CORE_ERR_IO
 * "only the manager can change the team's settings (PATH)"; a lock held
 * past the busy timeout is CORE_ERR_BUSY.  Nothing in now is changed: the
 * caller loads again to see the roster ids a save made. */
enum core_status db_team_settings_save(struct db *team,
                                       const struct db_team_settings *was,
                                       const struct db_team_settings *now,
                                       struct core_error *err);

#endif
