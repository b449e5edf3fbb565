#ifndef CORE_VOCAB_H
#define CORE_VOCAB_H
/* Lookups in a closed vocabulary: a table of keys and, indexed alike, an
 * optional table of labels (core/domain.c's battlefields and forms,
 * core/matrix.c's ratings and header columns).  The tables and every
 * string returned belong to the caller's static data; nothing is
 * allocated. */

/* Index of s among keys[0..n-1], else among labels[0..n-1] (labels may be
 * NULL), or -1 when it names nothing or s is NULL.  Matching ignores ASCII
 * case only, on purpose: keys are ASCII and the answer must not depend on
 * the user's locale (a Turkish dotless i must not match "i"). */
int core_vocab_find(const char *const *keys, const char *const *labels, int n,
                    const char *s);

/* names[i], or "?" when i is out of range: such values come from untrusted
 * places (an old database, a cast gone wrong) and get a visible
 * placeholder instead of a crash. */
const char *core_vocab_name(const char *const *names, int n, int i);

#endif
