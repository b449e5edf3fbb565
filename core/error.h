#ifndef CORE_ERROR_H
#define CORE_ERROR_H
/* Errors are a status code plus a message, filled in where the problem is
 * found and returned up to the one place that reports them (main.c or the
 * TUI's status line).  The caller owns the struct; nothing is allocated. */

enum core_status {
	CORE_OK = 0,
	CORE_ERR_INPUT,    /* bad user input: a date, a CSV cell, an option */
	CORE_ERR_IO,       /* a file could not be read or written */
	CORE_ERR_DB,       /* SQLite said no */
	CORE_ERR_BUSY,     /* the database stayed locked past the busy timeout */
	CORE_ERR_VERSION,  /* a database from a newer pipebench */
	CORE_ERR_NOMEM,
	CORE_ERR_NOTFOUND
};

struct core_error {
	enum core_status code;
	char msg[512];
};

/* Sets code and a printf-style message; returns code so callers can write
 * `return core_error_set(err, CORE_ERR_INPUT, "...")`.  err may be NULL. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
enum core_status core_error_set(struct core_error *err, enum core_status code,
                                const char *fmt, ...);
void core_error_clear(struct core_error *err);
/* Process exit status for a code: 0 for CORE_OK, 1 for input errors, 2 for
 * I/O and database trouble. */
int core_error_exit_code(enum core_status code);

#endif
