/* Where the export dialog looks and writes (core/xdg.h): the config
 * directory from XDG_CONFIG_HOME or ~/.config, and "~" and "~user" in a
 * typed path.  HOME is the export fixture's (tests/unit/export_screen_fx.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/xdg.h"
#include "tests/unit/export_screen_fx.h"

/* Where the dialog looks (core/xdg.h): XDG_CONFIG_HOME when absolute,
 * else ~/.config; "~" and "~user" in a typed path. */
static void test_config_dir_and_tilde(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	char buf[FIXTURE_PATH_MAX + 64], want[FIXTURE_PATH_MAX + 64];
	const char *old = getenv("XDG_CONFIG_HOME");
	char *keep = old != NULL ? strdup(old) : NULL;
	setenv("XDG_CONFIG_HOME", "/srv/conf", 1);
	core_config_dir(buf, sizeof buf);
	assert_string_equal(buf, "/srv/conf/pipebench");
	setenv("XDG_CONFIG_HOME", "relative/conf", 1);  /* the spec ignores it */
	core_config_dir(buf, sizeof buf);
	snprintf(want, sizeof want, "%s/.config/pipebench", f->home);
	assert_string_equal(buf, want);
	char small[8];
	core_config_dir(small, sizeof small);           /* cut: none rather */
	assert_string_equal(small, "");
	if (keep != NULL)
		setenv("XDG_CONFIG_HOME", keep, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(keep);

	assert_int_equal(core_path_expand("~/a.csv", buf, sizeof buf, &err), CORE_OK);
	snprintf(want, sizeof want, "%s/a.csv", f->home);
	assert_string_equal(buf, want);
	assert_int_equal(core_path_expand("~", buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, f->home);
	assert_int_equal(core_path_expand("a/~b.csv", buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf, "a/~b.csv");
	assert_int_equal(core_path_expand("~root/x", buf, sizeof buf, &err), CORE_OK);
	assert_string_equal(buf + strlen(buf) - 2, "/x");
	assert_int_equal(core_path_expand("~no_such_user_pb/x", buf, sizeof buf, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "no_such_user_pb"));
	assert_int_equal(core_path_expand("~/a.csv", small, sizeof small, &err),
	                 CORE_ERR_INPUT);
	unsetenv("HOME");
	assert_int_equal(core_path_expand("~/a.csv", buf, sizeof buf, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "HOME is not set"));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_config_dir_and_tilde, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
