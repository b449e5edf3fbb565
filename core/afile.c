/* Whole-or-nothing files (core/afile.h). */
#include "core/afile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void afile_release(struct core_afile *a)
{
	free(a->path);
	free(a->tmp);
	a->path = a->tmp = NULL;
	a->f = NULL;
}

enum core_status core_afile_open(struct core_afile *a, const char *path,
                                 struct core_error *err)
{
	memset(a, 0, sizeof *a);
	size_t n = strlen(path);
	a->path = malloc(n + 1);
	a->tmp = malloc(n + sizeof ".tmp-XXXXXX");
	if (a->path == NULL || a->tmp == NULL) {
		afile_release(a);
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	}
	memcpy(a->path, path, n + 1);
	memcpy(a->tmp, path, n);
	memcpy(a->tmp + n, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		int e = errno;
		afile_release(a);
		return core_error_set(err, CORE_ERR_IO, "%s: cannot create: %s", path,
		                      strerror(e));
	}
	a->f = fdopen(fd, "wb");
	if (a->f == NULL) {
		int e = errno;
		close(fd);
		unlink(a->tmp);
		afile_release(a);
		return core_error_set(err, CORE_ERR_IO, "%s: %s", path, strerror(e));
	}
	return CORE_OK;
}

enum core_status core_afile_commit(struct core_afile *a, struct core_error *err)
{
	int e = 0;
	if (fflush(a->f) != 0 || ferror(a->f))
		e = errno ? errno : EIO;
	/* On disk before the rename: after a crash the final name holds the
	 * old file or the whole new one, never an empty one. */
	if (e == 0 && fsync(fileno(a->f)) != 0)
		e = errno;
	if (fclose(a->f) != 0 && e == 0)
		e = errno;
	a->f = NULL;
	if (e == 0 && rename(a->tmp, a->path) != 0)
		e = errno;
	if (e != 0) {
		unlink(a->tmp);
		core_error_set(err, CORE_ERR_IO, "%s: write failed: %s", a->path, strerror(e));
		afile_release(a);
		return CORE_ERR_IO;
	}
	afile_release(a);
	return CORE_OK;
}

void core_afile_abort(struct core_afile *a)
{
	if (a->f != NULL)
		fclose(a->f);
	if (a->tmp != NULL)
		unlink(a->tmp);
	afile_release(a);
}
