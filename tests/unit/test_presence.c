/* The review's presence files: the text both ways, a hostile text made
 * harmless, the staleness rule by age and by a dead process, and the
 * files on disk (write, scan, stale ignored, remove). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/presence.h"

static struct core_presence sample(void)
{
	struct core_presence p;
	memset(&p, 0, sizeof p);
	snprintf(p.login, sizeof p.login, "anne");
	snprintf(p.name, sizeof p.name, "Anne Ødegård");
	p.pid = 4242;
	snprintf(p.host, sizeof p.host, "sales1");
	p.started = 1795000000;
	return p;
}

static void test_format_parse(void **state)
{
	(void)state;
	struct core_presence p = sample(), q;
	char buf[CORE_PRESENCE_TEXT_MAX];
	int len = core_presence_format(&p, buf, sizeof buf);
	assert_int_equal(len, (int)strlen(buf));
	assert_string_equal(buf, "pipebench review presence 1\nlogin=anne\n"
	                    "name=Anne Ødegård\npid=4242\nhost=sales1\nstarted=1795000000\n");
	assert_int_equal(core_presence_parse(buf, (size_t)len, &q, NULL), CORE_OK);
	assert_string_equal(q.login, "anne");
	assert_string_equal(q.name, "Anne Ødegård");
	assert_int_equal(q.pid, 4242);
	assert_string_equal(q.host, "sales1");
	assert_int_equal(q.started, 1795000000);
	/* Too small a buffer is refused, not cut. */
	assert_int_equal(core_presence_format(&p, buf, 20), -1);
}

static void test_parse_refuses(void **state)
{
	(void)state;
	struct core_presence q;
	struct core_error e = { CORE_OK, "" };
	const char *not_ours = "hello\nname=x\npid=1\n";
	assert_int_equal(core_presence_parse(not_ours, strlen(not_ours), &q, &e),
	                 CORE_ERR_INPUT);
	assert_string_equal(e.msg, "not a presence file");
	const char *no_pid = "pipebench review presence 1\nname=Anne\npid=-3\n";
	assert_int_equal(core_presence_parse(no_pid, strlen(no_pid), &q, NULL), CORE_ERR_INPUT);
	const char *no_name = "pipebench review presence 1\npid=12\n";
	assert_int_equal(core_presence_parse(no_name, strlen(no_name), &q, NULL),
	                 CORE_ERR_INPUT);
	/* A control character in the name cannot draw on the seller's
	 * screen; unknown keys and lines without '=' are skipped. */
	const char *odd = "pipebench review presence 1\ncolour=red\njunk\n"
	                  "name=Evil\x1b[2JBoss\r\npid=77";
	assert_int_equal(core_presence_parse(odd, strlen(odd), &q, NULL), CORE_OK);
	assert_string_equal(q.name, "Evil?[2JBoss?");
	assert_int_equal(q.pid, 77);
}

static void test_stale(void **state)
{
	(void)state;
	int64_t now = 1795000000;
	assert_int_equal(core_presence_stale(now, now, CORE_PRESENCE_PID_ALIVE), 0);
	assert_int_equal(core_presence_stale(now - 60, now, CORE_PRESENCE_PID_ALIVE), 0);
	assert_int_equal(core_presence_stale(now - 61, now, CORE_PRESENCE_PID_ALIVE), 1);
	assert_int_equal(core_presence_stale(now - 30, now, CORE_PRESENCE_PID_UNKNOWN), 0);
	assert_int_equal(core_presence_stale(now - 61, now, CORE_PRESENCE_PID_UNKNOWN), 1);
	assert_int_equal(core_presence_stale(now, now, CORE_PRESENCE_PID_DEAD), 1);
	assert_int_equal(core_presence_stale(now + 3600, now, CORE_PRESENCE_PID_ALIVE), 1);
}

static void test_pid_state(void **state)
{
	(void)state;
	char host[CORE_PRESENCE_HOST_MAX];
	core_presence_host(host, sizeof host);
	assert_true(host[0] != '\0');
	assert_int_equal(core_presence_pid_state(host, (long)getpid()), CORE_PRESENCE_PID_ALIVE);
	/* A child that has exited and been reaped is gone. */
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0)
		_exit(0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(core_presence_pid_state(host, (long)child), CORE_PRESENCE_PID_DEAD);
	assert_int_equal(core_presence_pid_state("elsewhere.example", (long)child),
	                 CORE_PRESENCE_PID_UNKNOWN);
}

static void test_files(void **state)
{
	(void)state;
	char dir[] = "/tmp/pb-presence.XXXXXX", sub[64], path[128], other[128];
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/presence", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	struct core_presence found[4];
	size_t n = 9;
	assert_int_equal(core_presence_scan(dir, time(NULL), found, 4, &n, NULL), CORE_OK);
	assert_int_equal(n, 0);

	struct core_presence p = sample();
	p.pid = (long)getpid();
	core_presence_host(p.host, sizeof p.host);
	/* Named after the user who runs the test, who owns it. */
	const struct passwd *me = getpwuid(getuid());
	assert_non_null(me);
	assert_int_equal(core_presence_path(path, sizeof path, dir, me->pw_name, NULL), CORE_OK);
	assert_int_equal(core_presence_write(path, &p, NULL), CORE_OK);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0640);
	/* A second reviewer, with a dead process: ignored. */
	struct core_presence dead = sample();
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	dead.pid = (long)child;
	core_presence_host(dead.host, sizeof dead.host);
	assert_int_equal(core_presence_path(other, sizeof other, dir, "bo", NULL), CORE_OK);
	assert_int_equal(core_presence_write(other, &dead, NULL), CORE_OK);

	/* A live review in a file named after someone else (planted by
	 * this user): ignored. */
	const struct passwd *them = getpwnam(getuid() == 0 ? "nobody" : "root");
	assert_non_null(them);
	char planted[128];
	assert_int_equal(core_presence_path(planted, sizeof planted, dir, them->pw_name, NULL),
	                 CORE_OK);
	assert_int_equal(core_presence_write(planted, &p, NULL), CORE_OK);

	assert_int_equal(core_presence_scan(dir, time(NULL), found, 4, &n, NULL), CORE_OK);
	assert_int_equal(n, 1);
	/* The login comes from the file's name, whatever the text says. */
	assert_string_equal(found[0].login, me->pw_name);
	assert_string_equal(found[0].name, "Anne Ødegård");

	/* Untouched for more than a minute: stale, until touched again. */
	struct timeval old[2] = { { time(NULL) - 120, 0 }, { time(NULL) - 120, 0 } };
	assert_int_equal(utimes(path, old), 0);
	assert_int_equal(core_presence_scan(dir, time(NULL), found, 4, &n, NULL), CORE_OK);
	assert_int_equal(n, 0);
	assert_int_equal(core_presence_touch(path, NULL), CORE_OK);
	assert_int_equal(core_presence_scan(dir, time(NULL), found, 4, &n, NULL), CORE_OK);
	assert_int_equal(n, 1);

	assert_int_equal(core_presence_remove(path), 0);
	assert_int_equal(core_presence_remove(path), 0);
	assert_int_equal(core_presence_scan(dir, time(NULL), found, 4, &n, NULL), CORE_OK);
	assert_int_equal(n, 0);
	struct core_error e = { CORE_OK, "" };
	assert_int_equal(core_presence_touch(path, &e), CORE_ERR_IO);
	assert_int_equal(core_presence_path(path, sizeof path, dir, "../x", NULL),
	                 CORE_ERR_INPUT);

	unlink(other);
	unlink(planted);
	rmdir(sub);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_pid_state),
		cmocka_unit_test(test_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
