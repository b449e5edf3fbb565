#ifndef CORE_ASSET_H
#define CORE_ASSET_H
/* Files from assets/, embedded into the binary at build time
 * (tools/embed-assets.sh writes build/gen/assets.c), so an installed
 * pipebench needs nothing beside it.  The bytes are static and read-only;
 * they are not NUL-terminated. */

#include <stddef.h>

/* name is the path below assets/, e.g. "matrix.csv".  Returns NULL when no
 * such asset was embedded. */
const char *core_asset_find(const char *name, size_t *len);

#endif
