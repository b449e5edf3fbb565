#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

enum core_status core_error_set(struct core_error *err, enum core_status code,
                                const char *fmt, ...)
{
	if (err == NULL)
		return code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	err->code = code;
	return code;
}

void core_error_clear(struct core_error *err)
{
	if (err == NULL)
		return;
	err->code = CORE_OK;
	err->msg[0] = '\0';
}

int core_error_exit_code(enum core_status code)
{
	switch (code) {
	case CORE_OK: return 0;
	case CORE_ERR_INPUT:
	case CORE_ERR_NOTFOUND: return 1;
	default: return 2;
	}
}
