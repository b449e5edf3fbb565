/* Demo data (db/demo.h, core/demo.h): the same seed gives the same
 * database, another seed another; every vocabulary appears; meetings lie
 * on weekdays 08:00-17:00 without overlapping; the status follows today;
 * a database with data is refused; the name generators never repeat. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/demo.h"
#include "core/matrix.h"
#include "core/meeting.h"
#include "db/conn.h"
#include "db/demo.h"
#include "db/internal.h"
#include "tests/unit/fixture.h"

struct fx {
	char dir[FIXTURE_DIR_MAX];
	int n;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	fixture_dir_make(f->dir, sizeof f->dir, "demo");
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

/* Wednesday 2026-11-25: this week has days before and after today. */
static void opts(struct db_demo_opts *o, uint64_t seed)
{
	db_demo_defaults(o);
	o->seed = seed;
	o->sellers = 3;
	o->accounts = 30;
	o->weeks = 8;
	o->per_week = 12;
	o->today = core_days_from_date((struct core_date){ 2026, 11, 25 });
}

static struct db *fresh(struct fx *f, const struct db_demo_opts *o)
{
	char path[FIXTURE_PATH_MAX];
	snprintf(path, sizeof path, "%s/d%d.db", f->dir, f->n++);
	struct db *db = fixture_db_create(path);
	struct core_error err = { CORE_OK, "" };
	if (o != NULL) {
		enum core_status st = db_demo_fill(db, o, &err);
		if (st != CORE_OK)
			fail_msg("demo: %s", err.msg);
	}
	return db;
}

static long long q_int(struct db *db, const char *sql)
{
	return fixture_sql_int(db->h, sql, NULL);
}

static void q_text(struct db *db, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, n, "%s", db_column_text(st, 0));
	sqlite3_finalize(st);
}

/* FNV-1a over every column of every row: equal databases, equal hashes. */
static uint64_t q_hash(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	uint64_t h = 1469598103934665603u;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(st); c++) {
			for (const char *p = db_column_text(st, c); ; p++) {
				h = (h ^ (unsigned char)*p) * 1099511628211u;
				if (*p == '\0')
					break;
			}
		}
	}
	sqlite3_finalize(st);
	return h;
}

static void test_counts_and_shape(void **state)
{
	struct fx *f = *state;
	struct db_demo_opts o;
	opts(&o, 42);
	struct db *db = fresh(f, &o);
	assert_int_equal(q_int(db, "SELECT count(*) FROM seller"), 3);
	assert_int_equal(q_int(db, "SELECT count(*) FROM account"), 30);
	/* the weeks of history, this week and two ahead */
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting"), 3 * 12 * (8 + 3));
	assert_int_equal(q_int(db, "SELECT count(*) FROM (SELECT account_id, count(*) n "
	                           "FROM contact GROUP BY 1 HAVING n BETWEEN 2 AND 4)"), 30);
	char name[128];
	q_text(db, "SELECT name FROM seller ORDER BY id LIMIT 1", name, sizeof name);
	assert_string_equal(name, "Mette Sørensen");
	q_text(db, "SELECT name FROM account ORDER BY id LIMIT 1", name, sizeof name);
	assert_string_equal(name, "Brødrene Hansen A/S");

	/* Every value of every vocabulary, every matrix type. */
	assert_int_equal(q_int(db, "SELECT count(DISTINCT battlefield) FROM meeting"), 3);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT form) FROM meeting"), 4);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT dim) FROM meeting"), 4);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT complexity) FROM meeting"), 3);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT sale) FROM meeting"), 2);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT status) FROM meeting"), 3);
	struct core_matrix mx;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(core_matrix_default(&mx, &err), CORE_OK);
	assert_int_equal(q_int(db, "SELECT count(DISTINCT type) FROM meeting"), mx.n_types);
	/* Mostly as the matrix says: a hardly form always has its reason. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting WHERE type = 'booking' "
	                           "AND form = 'physical'"), 0);   /* no-go */
	assert_true(q_int(db, "SELECT count(*) FROM meeting WHERE form_reason <> ''") <
	            q_int(db, "SELECT count(*) FROM meeting") / 10);

	/* Weekdays, 08:00 to 17:00, half-hour starts, 30-120 minutes. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting WHERE "
	                           "strftime('%w', starts_at, 'unixepoch') IN ('0', '6') "
	                           "OR starts_at % 1800 <> 0 OR duration_min NOT BETWEEN 30 AND 120 "
	                           "OR (starts_at % 86400) < 8 * 3600 "
	                           "OR (starts_at % 86400) + duration_min * 60 > 17 * 3600"), 0);
	/* No seller is in two meetings at once. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting a JOIN meeting b "
	                           "ON a.seller_id = b.seller_id AND a.id < b.id "
	                           "AND a.starts_at < b.starts_at + b.duration_min * 60 "
	                           "AND b.starts_at < a.starts_at + a.duration_min * 60"), 0);
	/* Before today held or cancelled (about 8 %), from today planned. */
	const long long today = 1795564800;   /* 2026-11-25 00:00 UTC */
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM meeting WHERE "
	         "(starts_at < %lld AND status = 'planned') OR "
	         "(starts_at >= %lld AND status <> 'planned')", today, today);
	assert_int_equal(q_int(db, sql), 0);
	/* This week's Monday and Tuesday: 12 a week spread over five days. */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM meeting WHERE starts_at >= %lld "
	         "- 2 * 86400 AND starts_at < %lld", today, today);
	long long mon_tue = q_int(db, sql);
	assert_true(mon_tue >= 3 * 4 && mon_tue <= 3 * 6);
	long long past = q_int(db, "SELECT count(*) FROM meeting WHERE status <> 'planned'");
	long long cancelled = q_int(db, "SELECT count(*) FROM meeting "
	                                "WHERE status = 'cancelled'");
	assert_true(cancelled * 100 >= past * 3 && cancelled * 100 <= past * 15);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM meeting WHERE starts_at >= %lld "
	         "+ 5 * 86400", today);
	assert_int_equal(q_int(db, sql), 3 * 12 * 2);   /* two planned weeks ahead */

	/* Team settings and "me". */
	assert_int_equal(q_int(db, "SELECT visits FROM target WHERE seller_id = 0 "
	                           "AND battlefield = 'resale'"), 2);
	assert_int_equal(q_int(db, "SELECT visits FROM target WHERE seller_id = 0 "
	                           "AND battlefield = 'upsell'"), 1);
	assert_int_equal(q_int(db, "SELECT visits FROM target WHERE seller_id = 0 "
	                           "AND battlefield = 'new'"), 2);
	assert_int_equal(q_int(db, "SELECT count(*) FROM form_weight"), 4);
	assert_int_equal(q_int(db, "SELECT value FROM setting WHERE key = 'me'"), 1);
	/* E-mail addresses in plain ASCII at example domains. */
	assert_int_equal(q_int(db, "SELECT count(*) FROM contact WHERE email NOT GLOB "
	                           "'[a-z]*.[a-z]*@example.[dns][koe]' "
	                           "OR email GLOB '*[^a-z.@-]*'"), 0);
	db_close(db);
}

static void test_deterministic(void **state)
{
	struct fx *f = *state;
	struct db_demo_opts o;
	opts(&o, 7);
	struct db *a = fresh(f, &o), *b = fresh(f, &o);
	opts(&o, 8);
	struct db *c = fresh(f, &o);
	static const char *const tables[] = {
		"SELECT * FROM seller ORDER BY id",
		"SELECT * FROM account ORDER BY id",
		"SELECT * FROM contact ORDER BY id",
		"SELECT * FROM meeting ORDER BY id",
	};
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		assert_true(q_hash(a, tables[i]) == q_hash(b, tables[i]));
	assert_true(q_hash(a, tables[3]) != q_hash(c, tables[3]));
	/* The first names are fixed; the drawn ones follow the seed. */
	assert_true(q_hash(a, "SELECT name FROM account WHERE id <= 10") ==
	            q_hash(c, "SELECT name FROM account WHERE id <= 10"));
	assert_true(q_hash(a, "SELECT name FROM account WHERE id > 10") !=
	            q_hash(c, "SELECT name FROM account WHERE id > 10"));
	assert_int_equal(q_int(a, "SELECT count(*) FROM meeting"),
	                 q_int(c, "SELECT count(*) FROM meeting"));
	db_close(a);
	db_close(b);
	db_close(c);
}

static void test_refuses_data(void **state)
{
	struct fx *f = *state;
	struct db_demo_opts o;
	opts(&o, 1);
	struct db *db = fresh(f, &o);
	long long before = q_int(db, "SELECT count(*) FROM meeting");
	struct core_error err = { CORE_OK, "" };
	o.seed = 2;
	assert_int_equal(db_demo_fill(db, &o, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "already has"));
	assert_non_null(strstr(err.msg, db_path(db)));
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting"), before);
	assert_int_equal(q_int(db, "SELECT count(*) FROM seller"), 3);
	db_close(db);

	db = fresh(f, NULL);
	opts(&o, 1);
	o.sellers = 0;
	assert_int_equal(db_demo_fill(db, &o, &err), CORE_ERR_INPUT);
	opts(&o, 1);
	o.per_week = 91;
	assert_int_equal(db_demo_fill(db, &o, &err), CORE_ERR_INPUT);
	assert_int_equal(q_int(db, "SELECT count(*) FROM seller"), 0);
	db_close(db);
}

/* 90 meetings fill every half hour of the week: still no overlap. */
static void test_full_week(void **state)
{
	struct fx *f = *state;
	struct db_demo_opts o;
	opts(&o, 3);
	o.sellers = 2;
	o.weeks = 1;
	o.per_week = 90;
	struct db *db = fresh(f, &o);
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting"), 2 * 90 * 4);
	assert_int_equal(q_int(db, "SELECT sum(duration_min) FROM meeting"), 2 * 4 * 45 * 60);
	assert_int_equal(q_int(db, "SELECT count(*) FROM meeting a JOIN meeting b "
	                           "ON a.seller_id = b.seller_id AND a.id < b.id "
	                           "AND a.starts_at < b.starts_at + b.duration_min * 60 "
	                           "AND b.starts_at < a.starts_at + a.duration_min * 60"), 0);
	db_close(db);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every name the generators can make, for two seeds: none twice. */
static void test_names_distinct(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 2; seed++) {
		struct core_demo_names nm;
		core_demo_names_init(&nm, seed);
		uint64_t n = core_demo_account_capacity();
		assert_true(n >= 200000);
		char **names = malloc(n * sizeof *names);
		char *pool = malloc(n * 96);
		assert_non_null(names);
		assert_non_null(pool);
		for (uint64_t i = 0; i < n; i++) {
			struct core_demo_account a;
			core_demo_account(&nm, i, &a);
			assert_true(a.country < CORE_DEMO_COUNTRY_COUNT);
			names[i] = pool + i * 96;
			memcpy(names[i], a.name, sizeof a.name);
		}
		qsort(names, n, sizeof *names, cmp_str);
		for (uint64_t i = 1; i < n; i++)
			if (strcmp(names[i - 1], names[i]) == 0)
				fail_msg("account name twice: %s", names[i]);
		free(names);
		free(pool);

		uint64_t ns = core_demo_seller_capacity();
		assert_true(ns >= 1000);
		char (*sellers)[CORE_NAME_MAX] = malloc(ns * sizeof *sellers);
		char **sp = malloc(ns * sizeof *sp);
		assert_non_null(sellers);
		assert_non_null(sp);
		for (uint64_t i = 0; i < ns; i++) {
			core_demo_seller_name(&nm, i, sellers[i], sizeof sellers[i]);
			sp[i] = sellers[i];
		}
		assert_string_equal(sellers[0], "Mette Sørensen");
		assert_string_equal(sellers[1], "Lars Øberg");
		qsort(sp, ns, sizeof *sp, cmp_str);
		for (uint64_t i = 1; i < ns; i++)
			if (strcmp(sp[i - 1], sp[i]) == 0)
				fail_msg("seller name twice: %s", sp[i]);
		free(sp);
		free(sellers);
	}
}

static void test_ascii_and_rng(void **state)
{
	(void)state;
	char buf[64];
	core_demo_ascii("Mette Sørensen", buf, sizeof buf);
	assert_string_equal(buf, "mette.sorensen");
	core_demo_ascii("Æbelø Åse-Marie", buf, sizeof buf);
	assert_string_equal(buf, "aebelo.ase-marie");
	core_demo_ascii("Göran Nyström", buf, sizeof buf);
	assert_string_equal(buf, "goran.nystrom");
	core_demo_ascii("Brødrene Hansen A/S", buf, 12);
	assert_string_equal(buf, "brodrene.ha");

	struct core_rng a, b;
	core_rng_seed(&a, 99);
	core_rng_seed(&b, 99);
	for (int i = 0; i < 1000; i++) {
		uint64_t x = core_rng_below(&a, 7);
		assert_true(x < 7);
		assert_true(x == core_rng_below(&b, 7));
	}
	assert_int_equal(core_rng_below(&a, 1), 0);
	assert_int_equal(core_rng_below(&a, 0), 0);
	int hits = 0;
	for (int i = 0; i < 10000; i++)
		hits += core_rng_percent(&a, 8);
	assert_true(hits > 600 && hits < 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_and_shape, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_deterministic, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_data, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_full_week, fx_setup, fx_teardown),
		cmocka_unit_test(test_names_distinct),
		cmocka_unit_test(test_ascii_and_rng),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
