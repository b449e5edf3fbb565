#ifndef CORE_AFILE_H
#define CORE_AFILE_H
/* A file that appears whole or not at all: written under a temporary
 * name in the same directory (mode 0600: exports hold customer data),
 * flushed to disk and renamed over the final name only when complete.
 * A failed write leaves no half file and an existing file as it was. */

#include <stdio.h>

#include "core/error.h"

struct core_afile {
	FILE *f;          /* write here between open and commit/abort */
	char *path;       /* the final name; owned */
	char *tmp;        /* the temporary name; owned */
};

/* Creates the temporary file.  CORE_ERR_IO naming path (its directory
 * missing, no permission). */
enum core_status core_afile_open(struct core_afile *a, const char *path,
                                 struct core_error *err);
/* Flushes, syncs and closes the file and renames it into place; on any
 * failure removes it and returns CORE_ERR_IO naming the path.  Either way
 * a is finished with. */
enum core_status core_afile_commit(struct core_afile *a, struct core_error *err);
/* Closes and removes the temporary file.  Safe after a failed open. */
void core_afile_abort(struct core_afile *a);

#endif
