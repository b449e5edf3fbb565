#ifndef TESTS_UNIT_PROFILE_FX_H
#define TESTS_UNIT_PROFILE_FX_H
/* What the profile tests share (test_profile_file, test_profile_cell): the
 * time zone a test runs in, and an instant from its UTC fields.  Include
 * after cmocka.h. */

#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "core/calendar.h"

static inline void use_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static inline int64_t utc(int y, int mo, int d, int h, int mi, int s)
{
	struct core_date date = {y, mo, d};
	return core_days_from_date(date) * 86400 + h * 3600 + mi * 60 + s;
}

#endif
