#ifndef CORE_XDG_H
#define CORE_XDG_H
/* Where the seller's own pipebench files are: the configuration directory
 * (the XDG base directory rule) with the team's own CRM profiles in it,
 * and paths typed with a "~".  Shared by `pipebench export` and the TUI's
 * export dialog, so both find the same profiles.  Nothing here allocates;
 * results go into the caller's buffers. */

#include <stddef.h>

#include "core/error.h"
#include "core/profile.h"

/* $XDG_CONFIG_HOME/pipebench when XDG_CONFIG_HOME is an absolute path
 * (the spec ignores a relative one), else $HOME/.config/pipebench; "" when
 * neither is set or the result does not fit n bytes. */
void core_config_dir(char *buf, size_t n);

/* The names of the own profiles, CONFIG_DIR/profiles/NAME.csv, sorted
 * bytewise, into names (at most max of them; more are left out).  Hidden
 * files and names core_profile_load would take for a path (a NAME that
 * itself ends in ".csv") or that do not fit are skipped.  A missing or
 * unreadable directory, or config_dir NULL or "", gives 0.  Returns the
 * count. */
size_t core_config_profile_names(const char *config_dir,
                                 char (*names)[CORE_PROFILE_NAME_MAX], size_t max);

/* path with a leading "~" (alone or before a '/') replaced by $HOME and
 * "~user" by that user's home directory, into out (n bytes); any other
 * path is copied as it is.  CORE_ERR_INPUT naming the path when HOME is
 * not set, the user is unknown or the result does not fit. */
enum core_status core_path_expand(const char *path, char *out, size_t n,
                                  struct core_error *err);

#endif
