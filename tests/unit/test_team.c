/* Team mode on disk (core/team.h, db/team.h): names and paths, the
 * directory's modes whatever the umask, refusing a used directory, the
 * seller's own file on first open, the rollback journal that survives a
 * plain open, and db_team_sync copying only what changed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/team.h"
#include "db/conn.h"
#include "db/internal.h"
#include "db/sellers.h"
#include "db/settings.h"
#include "db/team.h"
#include "tests/unit/fixture.h"

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char team[FIXTURE_PATH_MAX];
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "team");
	snprintf(f->team, sizeof f->team, "%s/t", f->dir);
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;
	fixture_dir_remove(f->dir);
	free(f);
	return 0;
}

static unsigned mode_of(const char *path)
{
	struct stat sb;
	assert_int_equal(lstat(path, &sb), 0);
	return (unsigned)(sb.st_mode & 07777);
}

static void test_names(void **state)
{
	(void)state;
	assert_true(core_team_name_valid("mette"));
	assert_true(core_team_name_valid("lars.oberg_2-x"));
	assert_false(core_team_name_valid(""));
	assert_false(core_team_name_valid(".."));
	assert_false(core_team_name_valid(".hidden"));
	assert_false(core_team_name_valid("-rf"));
	assert_false(core_team_name_valid("a/b"));
	assert_false(core_team_name_valid("two words"));
	assert_false(core_team_name_valid("abcdefghijklmnopqrstuvwxyz0123456")); /* 33 */
	assert_true(core_team_name_valid("abcdefghijklmnopqrstuvwxyz012345"));  /* 32 */

	char buf[64];
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(core_team_path(buf, sizeof buf, "/srv/t", CORE_TEAM_SELLER_FILE,
	                                "mette", &err), CORE_OK);
	assert_string_equal(buf, "/srv/t/sellers/mette/seller.db");
	assert_int_equal(core_team_path(buf, sizeof buf, "/srv/t", CORE_TEAM_FILE, NULL,
	                                &err), CORE_OK);
	assert_string_equal(buf, "/srv/t/team.db");
	assert_int_equal(core_team_path(buf, sizeof buf, "/srv/t", CORE_TEAM_SELLER_DIR,
	                                "../x", &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "'../x' cannot name a seller's directory"));
	assert_int_equal(core_team_path(buf, 12, "/srv/t", CORE_TEAM_PRESENCE, NULL, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "/srv/t: the team's path is too long"));
}

static void test_whoami(void **state)
{
	(void)state;
	char login[CORE_TEAM_NAME_MAX], name[64];
	struct core_error err = { CORE_OK, "" };
	/* Never the environment: a forged USER changes nothing. */
	setenv("USER", "forged", 1);
	setenv("LOGNAME", "forged", 1);
	fixture_check(core_team_whoami(login, name, sizeof name, &err), &err);
	assert_string_not_equal(login, "forged");
	assert_true(core_team_name_valid(login));
	assert_true(name[0] != '\0');
	assert_null(strchr(name, ','));
}

static void test_mkdirs_modes(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	/* Neither a tight nor an open umask changes the modes. */
	mode_t old = umask(0077);
	fixture_check(db_team_init(f->team, getgid(), &err), &err);
	umask(0);
	char p[PATH_MAX];
	assert_int_equal(mode_of(f->team), 02750);
	snprintf(p, sizeof p, "%s/team.db", f->team);
	assert_int_equal(mode_of(p), 0640);
	snprintf(p, sizeof p, "%s/sellers", f->team);
	assert_int_equal(mode_of(p), 03770);
	snprintf(p, sizeof p, "%s/presence", f->team);
	assert_int_equal(mode_of(p), 03770);

	/* The seller's own directory and file, made on first open. */
	struct db *seller = NULL, *team = NULL;
	char path[PATH_MAX];
	fixture_check(db_team_open(f->team, &seller, &team, path, sizeof path, &err), &err);
	umask(old);
	char login[CORE_TEAM_NAME_MAX], name[CORE_NAME_MAX];
	fixture_check(core_team_whoami(login, name, sizeof name, &err), &err);
	snprintf(p, sizeof p, "%s/sellers/%s/seller.db", f->team, login);
	assert_string_equal(path, p);
	assert_int_equal(mode_of(p), 0640);
	snprintf(p, sizeof p, "%s/sellers/%s", f->team, login);
	assert_int_equal(mode_of(p), 02750);
	struct db_seller me;
	fixture_check(db_seller_default(seller, &me, &err), &err);
	assert_string_equal(me.name, name);
	assert_int_equal(fixture_sql_int(seller->h, "SELECT count(*) FROM seller", NULL), 1);
	db_close(seller);
	db_close(team);

	/* A second open finds the same seller, and a mode widened by hand is
	 * put back. */
	snprintf(p, sizeof p, "%s/sellers/%s/seller.db", f->team, login);
	assert_int_equal(chmod(p, 0666), 0);
	fixture_check(db_team_open(f->team, &seller, NULL, NULL, 0, &err), &err);
	assert_int_equal(mode_of(p), 0640);
	assert_int_equal(fixture_sql_int(seller->h, "SELECT count(*) FROM seller", NULL), 1);
	db_close(seller);
}

static void test_refuses_used_dir(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(mkdir(f->team, 0700), 0);
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/notes.txt", f->team);
	FILE *fp = fopen(p, "w");
	assert_non_null(fp);
	fclose(fp);
	assert_int_equal(db_team_init(f->team, getgid(), &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, f->team));
	assert_non_null(strstr(err.msg, "is not empty"));
	/* Nothing was changed. */
	assert_int_equal(mode_of(f->team), 0700);
	snprintf(p, sizeof p, "%s/team.db", f->team);
	assert_int_not_equal(access(p, F_OK), 0);
	/* A file is not a directory. */
	snprintf(p, sizeof p, "%s/notes.txt", f->team);
	assert_int_equal(db_team_init(p, getgid(), &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "exists and is not a directory"));
	/* An empty directory is taken. */
	assert_int_equal(remove(p), 0);
	fixture_check(db_team_init(f->team, getgid(), &err), &err);
	assert_int_equal(mode_of(f->team), 02750);
	/* Not a team: no sellers directory. */
	struct db *seller = NULL;
	assert_int_equal(db_team_open(f->dir, &seller, NULL, NULL, 0, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "not a team directory"));
	assert_null(seller);
}

static void journal_is(struct db *db, const char *want)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), want);
	sqlite3_finalize(st);
}

static void test_sync(void **state)
{
	struct fx *f = *state;
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_team_init(f->team, getgid(), &err), &err);
	struct db *seller = NULL, *team = NULL, *mgr = NULL;
	fixture_check(db_team_open(f->team, &seller, &team, NULL, 0, &err), &err);
	journal_is(seller, "delete");
	struct db_seller me;
	fixture_check(db_seller_default(seller, &me, &err), &err);

	/* The manager's plain open (--db DIR/team.db settings ...) keeps the
	 * rollback journal: WAL would lock out readers once he closes. */
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/team.db", f->team);
	fixture_check(db_open(p, DB_OPEN_CREATE, &mgr, &err), &err);
	journal_is(mgr, "delete");
	int64_t roster = fixture_seller(mgr, me.name);
	fixture_seller(mgr, "Someone Else");
	fixture_check(db_target_set(mgr, 0, CORE_BF_RESALE, 3, &err), &err);
	fixture_check(db_target_set(mgr, roster, CORE_BF_NEW, 4.5, &err), &err);
	fixture_check(db_form_weight_set(mgr, CORE_FORM_VIRTUAL, 0.75, &err), &err);
	fixture_check(db_fourd_threshold_set(mgr, 35, &err), &err);
	struct core_matrix m;
	fixture_check(core_matrix_default(&m, &err), &err);
	m.n_types = 2;
	fixture_check(db_matrix_set(mgr, &m, &err), &err);

	int changed = -1;
	fixture_check(db_team_sync(seller, team, &changed, &err), &err);
	assert_int_equal(changed, 1);
	struct core_targets t;
	fixture_check(db_targets_get(seller, me.id, &t, &err), &err);
	assert_true(t.visits[CORE_BF_RESALE] == 3.0);
	assert_true(t.visits[CORE_BF_NEW] == 4.5);
	assert_true(t.visits[CORE_BF_UPSELL] == 0.0);
	struct core_form_weights w;
	fixture_check(db_form_weights_get(seller, &w, &err), &err);
	assert_true(w.w[CORE_FORM_VIRTUAL] == 0.75);
	int pct = 0;
	fixture_check(db_fourd_threshold_get(seller, &pct, &err), &err);
	assert_int_equal(pct, 35);
	struct core_matrix got;
	int from_db = 0;
	fixture_check(db_matrix_get(seller, &got, &from_db, &err), &err);
	assert_int_equal(from_db, 1);
	assert_int_equal(got.n_types, 2);
	assert_string_equal(got.types[1].key, m.types[1].key);

	/* Nothing new in the team file: nothing written to the seller's. */
	fixture_check(db_team_sync(seller, team, &changed, &err), &err);
	assert_int_equal(changed, 0);

	/* A change the manager makes that ends equal: looked at, not written. */
	fixture_check(db_target_set(mgr, 0, CORE_BF_RESALE, 3, &err), &err);
	fixture_check(db_team_sync(seller, team, &changed, &err), &err);
	assert_int_equal(changed, 0);

	/* A real change, and an override removed: the seller follows. */
	fixture_check(db_form_weight_set(mgr, CORE_FORM_PHONE, 0.25, &err), &err);
	m.n_types = 0;
	fixture_check(db_matrix_set(mgr, &m, &err), &err);
	fixture_check(db_team_sync(seller, team, &changed, &err), &err);
	assert_int_equal(changed, 1);
	fixture_check(db_form_weights_get(seller, &w, &err), &err);
	assert_true(w.w[CORE_FORM_PHONE] == 0.25);
	assert_true(w.w[CORE_FORM_VIRTUAL] == 0.75);
	fixture_check(db_matrix_get(seller, &got, &from_db, &err), &err);
	assert_int_equal(from_db, 0);

	/* A value written behind pipebench's back is refused, naming the team
	 * file, and the seller's file keeps what it had. */
	fixture_sql_exec(mgr->h, "PRAGMA ignore_check_constraints = ON");
	fixture_sql_exec(mgr->h, "UPDATE target SET visits = -7 WHERE seller_id = 0");
	fixture_sql_exec(mgr->h, "UPDATE form_weight SET weight = 9 WHERE form = 'phone'");
	assert_int_equal(db_team_sync(seller, team, &changed, &err), CORE_ERR_DB);
	assert_non_null(strstr(err.msg, p));
	assert_non_null(strstr(err.msg, "the targets"));
	assert_int_equal(changed, 0);
	fixture_check(db_targets_get(seller, me.id, &t, &err), &err);
	assert_true(t.visits[CORE_BF_RESALE] == 3.0);
	fixture_check(db_form_weights_get(seller, &w, &err), &err);
	assert_true(w.w[CORE_FORM_PHONE] == 0.25);
	db_close(mgr);
	db_close(team);
	db_close(seller);
}

/* Without a team nothing changes: a new plain file is still WAL. */
static void test_plain_still_wal(void **state)
{
	struct fx *f = *state;
	char p[PATH_MAX];
	snprintf(p, sizeof p, "%s/plain.db", f->dir);
	struct db *db = fixture_db_create(p);
	journal_is(db, "wal");
	db_close(db);
	db = fixture_db_create(p);
	journal_is(db, "wal");
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_whoami),
		cmocka_unit_test_setup_teardown(test_mkdirs_modes, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_used_dir, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_sync, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_plain_still_wal, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
