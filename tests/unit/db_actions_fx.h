#ifndef TESTS_UNIT_DB_ACTIONS_FX_H
#define TESTS_UNIT_DB_ACTIONS_FX_H
/* What the follow-up action tests share (test_db_actions,
 * test_db_action_lists): a real SQLite file with two sellers, two
 * accounts, three of Mette's meetings and a contact at each account; a
 * new action's fields, stored; and the open list checked against the ids
 * expected.  Include after cmocka.h; the tests run with TZ=UTC. */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/followup.h"
#include "db/actions.h"
#include "db/internal.h"
#include "db/meetings.h"
#include "tests/unit/fixture.h"

/* 2026-11-23 09:00 UTC, a Monday (the tests run with TZ=UTC). */
#define MON_0900 1795424400LL

static inline int64_t day(int y, int m, int d)
{
	struct core_date c = {y, m, d};
	return core_days_from_date(c);
}

#define MON day(2026, 11, 23)

struct fx {
	char dir[FIXTURE_DIR_MAX];
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t mette, lars;
	int64_t osterbro, hansen;
	int64_t m_upsell, m_new, m_hansen; /* meetings: two at Østerbro, one at Hansen */
	int64_t jens, pia;                 /* contacts: Jens at Østerbro, Pia at Hansen */
};

static inline int64_t meeting(struct fx *f, int64_t seller, int64_t account,
                              enum core_battlefield bf, int64_t starts_at)
{
	struct core_error err = { CORE_OK, "" };
	struct core_meeting m;
	memset(&m, 0, sizeof m);
	m.seller_id = seller;
	m.account_id = account;
	m.starts_at = starts_at;
	m.duration_min = 60;
	m.battlefield = bf;
	snprintf(m.type, sizeof m.type, "negotiation");
	fixture_check(db_meeting_insert(f->db, &m, &err), &err);
	return m.id;
}

static inline int64_t contact(struct fx *f, int64_t account, const char *name)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db->h,
		"INSERT INTO contact(account_id, name, created_at, updated_at) "
		"VALUES (?1, ?2, 0, 0)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(f->db->h);
}

static inline int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	assert_non_null(f);
	f->db = fixture_db_make(f->dir, f->path, "actions");
	f->mette = fixture_seller(f->db, "Mette Sørensen");
	f->lars = fixture_seller(f->db, "Lars Øberg");
	f->osterbro = fixture_account(f->db, "Østerbro Hus");
	f->hansen = fixture_account(f->db, "Brødrene Hansen A/S");
	f->m_upsell = meeting(f, f->mette, f->osterbro, CORE_BF_UPSELL, MON_0900);
	f->m_new = meeting(f, f->mette, f->osterbro, CORE_BF_NEW, MON_0900 + 86400);
	f->m_hansen = meeting(f, f->mette, f->hansen, CORE_BF_RESALE, MON_0900 + 7200);
	f->jens = contact(f, f->osterbro, "Jens Ærøskøbing");
	f->pia = contact(f, f->hansen, "Pia Hansen");
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	struct fx *f = *state;
	fixture_db_remove(f->db, f->dir);
	free(f);
	return 0;
}

/* A new action's fields; the rest is zero. */
static inline struct core_action draft(int64_t meeting_id, int64_t account_id,
                                       int64_t seller_id, const char *text, int64_t due)
{
	struct core_action a;
	memset(&a, 0, sizeof a);
	a.meeting_id = meeting_id;
	a.account_id = account_id;
	a.seller_id = seller_id;
	snprintf(a.text, sizeof a.text, "%s", text);
	a.due = due;
	return a;
}

static inline int64_t add(struct fx *f, struct core_action a)
{
	struct core_error err = { CORE_OK, "" };
	fixture_check(db_action_insert(f->db, &a, &err), &err);
	assert_true(a.id > 0);
	return a.id;
}

static inline void assert_ids(const struct core_action_list *l, const int64_t *want, size_t n)
{
	if (l->n != n)
		fail_msg("%zu actions, expected %zu", l->n, n);
	for (size_t i = 0; i < n; i++)
		if (l->items[i].id != want[i])
			fail_msg("item %zu is action %lld, expected %lld", i,
			         (long long)l->items[i].id, (long long)want[i]);
}

static inline void list_open(struct fx *f, int64_t seller, int64_t account, int bf,
                             const int64_t *want, size_t n)
{
	struct core_error err = { CORE_OK, "" };
	struct core_action_list l = {0};
	fixture_check(db_action_list_open(f->db, seller, account, bf, &l, &err), &err);
	assert_ids(&l, want, n);
	for (size_t i = 0; i < l.n; i++)
		assert_int_equal(l.items[i].done, 0);
	core_action_list_free(&l);
}

#endif
