#ifndef CORE_PROFILE_INT_H
#define CORE_PROFILE_INT_H
/* Private to core/profile*.c (nothing else includes this): what reading a
 * profile file (core/profile.c) shares with finding one
 * (core/profile_load.c). */

/* A name or cell as quoted back in a message: bounded, valid UTF-8, one
 * line. */
struct profile_excerpt {
	char s[48];
};

struct profile_excerpt profile_excerpt(const char *s);

#endif
