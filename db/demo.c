/* Demo data: sellers, accounts with contacts, years of meetings and the
 * team settings, written in one transaction with prepared statements that
 * are bound and stepped again and again (a million meetings in seconds).
 * The names and the randomness come from core/demo.h, so the same seed
 * gives the same database. */
#include "db/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/demo.h"
#include "core/matrix.h"
#include "core/tally.h"
#include "db/internal.h"

#define DEMO_MAX_SELLERS 1000
#define DEMO_MAX_ACCOUNTS 200000
#define DEMO_MAX_WEEKS 1000
#define DEMO_MAX_PER_WEEK 90   /* 5 days x 18 half-hour slots, 08:00-17:00 */
#define DEMO_FUTURE_WEEKS 2
#define DAY_SLOTS 18
#define DAY_START_MIN (8 * 60)
#define DEMO_CACHE_KIB (-64 * 1024)
#define DEMO_MAX_INDEXES 16

enum demo_stmt {
	DS_SELLER, DS_ACCOUNT, DS_CONTACT, DS_MEETING, DS_TARGET, DS_WEIGHT,
	DS_SETTING, DS_COUNT
};

/* Every demo row gets the one change number of the fill (bumped once
 * when the transaction begins), so the rev triggers (db/schema.c) do not
 * run a million times. */
#define DEMO_REV "(SELECT n FROM change_counter)"

static const char *const demo_sql[DS_COUNT] = {
	[DS_SELLER] = "INSERT INTO seller(name, created_at) VALUES (?1, ?2)",
	[DS_ACCOUNT] = "INSERT INTO account(name, org_no, city, km, travel_min, crm_id, "
	               "owner_id, created_at, updated_at, rev) "
	               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, " DEMO_REV ")",
	[DS_CONTACT] = "INSERT INTO contact(account_id, name, email, phone, role, level, "
	               "crm_id, created_at, updated_at, rev) "
	               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, " DEMO_REV ")",
	[DS_MEETING] = "INSERT INTO meeting(seller_id, account_id, starts_at, "
	               "duration_min, battlefield, type, form, dim, complexity, sale, "
	               "status, form_reason, created_at, updated_at, rev) "
	               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	               DEMO_REV ")",
	[DS_TARGET] = "INSERT INTO target(seller_id, battlefield, visits) VALUES (0, ?1, ?2)",
	[DS_WEIGHT] = "INSERT INTO form_weight(form, weight) VALUES (?1, ?2)",
	[DS_SETTING] = "INSERT OR REPLACE INTO setting(key, value) VALUES (?1, ?2)",
};

struct demo {
	struct db *db;
	const struct db_demo_opts *o;
	struct core_rng rng;
	struct core_demo_names names;
	struct core_matrix matrix;
	sqlite3_stmt *st[DS_COUNT];
	int64_t now;              /* today 08:00: "now" for created_at */
	int64_t *seller_ids;
	int64_t *account_ids;
	unsigned char *customer;  /* per account: buys from us already */
	long long meetings;       /* written so far: forces early variety */
	char *index_sql[DEMO_MAX_INDEXES]; /* meeting's indexes, while dropped */
	int n_index;
};

/* Steps a bound insert and makes it ready for the next row. */
static enum core_status demo_step(struct demo *d, sqlite3_stmt *st, const char *what,
                                  struct core_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(d->db, rc, what, err);
	return CORE_OK;
}

static enum core_status demo_check(const struct db_demo_opts *o, int accounts,
                                   struct core_error *err)
{
	if (o->sellers < 1 || o->sellers > DEMO_MAX_SELLERS)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "demo: sellers must be from 1 to %d", DEMO_MAX_SELLERS);
	if (accounts < 1 || accounts > DEMO_MAX_ACCOUNTS)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "demo: accounts must be from 1 to %d", DEMO_MAX_ACCOUNTS);
	if (o->weeks < 0 || o->weeks > DEMO_MAX_WEEKS)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "demo: weeks must be from 0 to %d", DEMO_MAX_WEEKS);
	if (o->per_week < 1 || o->per_week > DEMO_MAX_PER_WEEK)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "demo: meetings per week must be from 1 to %d",
		                      DEMO_MAX_PER_WEEK);
	return CORE_OK;
}

void db_demo_defaults(struct db_demo_opts *o)
{
	o->seed = 1;
	o->sellers = 5;
	o->accounts = 0;   /* 0: 40 per seller */
	o->weeks = 8;
	o->per_week = 10;
	o->today = core_local_today();
}

/* ---- sellers and accounts --------------------------------------------- */

static enum core_status demo_sellers(struct demo *d, struct core_error *err)
{
	sqlite3_stmt *st = d->st[DS_SELLER];
	char name[CORE_NAME_MAX];
	for (int i = 0; i < d->o->sellers; i++) {
		core_demo_seller_name(&d->names, (uint64_t)i, name, sizeof name);
		sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, d->now - 3 * 365 * 86400LL);
		enum core_status s = demo_step(d, st, "adding demo sellers", err);
		if (s != CORE_OK)
			return s;
		d->seller_ids[i] = sqlite3_last_insert_rowid(d->db->h);
	}
	return CORE_OK;
}

static const struct {
	const char *role;
	const char *level[2];
} contact_roles[] = {
	{ "decision_maker", { "C-level", "director" } },
	{ "user", { "specialist", "employee" } },
	{ "technical_expert", { "specialist", "manager" } },
	{ "procurement", { "manager", "specialist" } },
	{ "sponsor", { "director", "C-level" } },
};
#define ROLES (int)(sizeof contact_roles / sizeof contact_roles[0])

static enum core_status demo_contacts(struct demo *d, int64_t account_id,
                                      enum core_demo_country country,
                                      struct core_error *err)
{
	sqlite3_stmt *st = d->st[DS_CONTACT];
	int n = 2 + (int)core_rng_below(&d->rng, 3);
	int first_role = (int)core_rng_below(&d->rng, ROLES);
	for (int j = 0; j < n; j++) {
		char name[CORE_NAME_MAX], local[CORE_NAME_MAX], email[160], phone[32];
		char crm[32];
		core_demo_person(&d->rng, name, sizeof name);
		core_demo_ascii(name, local, sizeof local);
		snprintf(email, sizeof email, "%s@%s", local, core_demo_domain(country));
		unsigned digits = 20000000u + (unsigned)core_rng_below(&d->rng, 79999999u);
		snprintf(phone, sizeof phone, "%s %02u %02u %02u %02u",
		         core_demo_phone_prefix(country), digits / 1000000u,
		         digits / 10000u % 100u, digits / 100u % 100u, digits % 100u);
		snprintf(crm, sizeof crm, "CON-%07lld", (long long)account_id * 10 + j);
		int role = (first_role + j) % ROLES;
		sqlite3_bind_int64(st, 1, account_id);
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, email, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, phone, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 5, contact_roles[role].role, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, contact_roles[role].level[core_rng_below(&d->rng, 2)],
		                  -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, crm, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 8, d->now - 400 * 86400LL);
		enum core_status s = demo_step(d, st, "adding demo contacts", err);
		if (s != CORE_OK)
			return s;
	}
	return CORE_OK;
}

static void demo_org_no(struct demo *d, enum core_demo_country c, char *buf, size_t n)
{
	unsigned x = (unsigned)core_rng_below(&d->rng, 100000000u);
	switch (c) {
	case CORE_DEMO_NO:   /* nine digits */
		snprintf(buf, n, "9%08u", x);
		break;
	case CORE_DEMO_SE:   /* 556xxx-xxxx */
		snprintf(buf, n, "556%03u-%04u", x / 10000u % 1000u, x % 10000u);
		break;
	default:             /* eight digits, a CVR number */
		snprintf(buf, n, "%08u", 10000000u + x % 90000000u);
		break;
	}
}

static enum core_status demo_accounts(struct demo *d, int accounts,
                                      struct core_error *err)
{
	sqlite3_stmt *st = d->st[DS_ACCOUNT];
	for (int i = 0; i < accounts; i++) {
		struct core_demo_account a;
		core_demo_account(&d->names, (uint64_t)i, &a);
		int city = a.city >= 0 ? a.city
		           : (int)core_rng_below(&d->rng, (uint64_t)core_demo_city_count());
		double km;
		const char *city_name = core_demo_city(a.country, city, &km);
		/* Somewhere in or around the city. */
		km = (double)(int)(km * (0.85 + 0.3 * (double)core_rng_below(&d->rng, 1000)
		                          / 1000.0) + 1);
		char org[32], crm[32];
		demo_org_no(d, a.country, org, sizeof org);
		snprintf(crm, sizeof crm, "ACC-%06d", i + 1);
		sqlite3_bind_text(st, 1, a.name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, org, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, city_name, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 4, km);
		sqlite3_bind_int(st, 5, 10 + (int)(km * 60.0 / 70.0));  /* 70 km/h */
		sqlite3_bind_text(st, 6, crm, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 7, d->seller_ids[i % d->o->sellers]);
		sqlite3_bind_int64(st, 8, d->now - 2 * 365 * 86400LL);
		enum core_status s = demo_step(d, st, "adding demo accounts", err);
		if (s != CORE_OK)
			return s;
		d->account_ids[i] = sqlite3_last_insert_rowid(d->db->h);
		d->customer[i] = (unsigned char)core_rng_percent(&d->rng, 70);
		s = demo_contacts(d, d->account_ids[i], a.country, err);
		if (s != CORE_OK)
			return s;
	}
	return CORE_OK;
}

/* ---- meetings --------------------------------------------------------- */

struct demo_slot {
	int day;     /* 0 = Monday */
	int start;   /* half-hour slot after 08:00 */
	int len;     /* in half hours, 1..4 */
};

/* Lays out k meetings (k <= 90) in a week so none overlap: spread over
 * the days as evenly as possible, each day's blocks and free half hours
 * shuffled into a random order.  Writes k slots, in day and time order. */
static void demo_plan_week(struct core_rng *r, int k, struct demo_slot *out)
{
	int per_day[5], order[5] = { 0, 1, 2, 3, 4 };
	for (int i = 4; i > 0; i--) {
		int j = (int)core_rng_below(r, (uint64_t)i + 1);
		int t = order[i]; order[i] = order[j]; order[j] = t;
	}
	for (int i = 0; i < 5; i++)
		per_day[order[i]] = k / 5 + (i < k % 5);
	int n = 0;
	for (int day = 0; day < 5; day++) {
		int c = per_day[day], len[DAY_SLOTS], sum = 0;
		for (int j = 0; j < c; j++) {
			/* 30 min 30 %, 60 min 40 %, 90 min 15 %, 120 min 15 % */
			int p = (int)core_rng_below(r, 100);
			len[j] = p < 30 ? 1 : p < 70 ? 2 : p < 85 ? 3 : 4;
			sum += len[j];
		}
		/* A full day: shorten the longest meeting until all fit. */
		while (sum > DAY_SLOTS) {
			int longest = 0;
			for (int j = 1; j < c; j++)
				if (len[j] > len[longest])
					longest = j;
			len[longest]--;
			sum--;
		}
		/* Choose which of the c + free items are meetings (selection
		 * sampling): every arrangement is equally likely. */
		int items = c + DAY_SLOTS - sum, need = c, pos = 0, j = 0;
		for (int t = 0; t < items; t++) {
			if ((int)core_rng_below(r, (uint64_t)(items - t)) < need) {
				out[n++] = (struct demo_slot){ day, pos, len[j] };
				pos += len[j++];
				need--;
			} else {
				pos++;
			}
		}
	}
}

static const char *const hardly_reasons[] = {
	"the customer asked for a short call",
	"the decision maker is abroad this week",
	"the roads are closed by snow",
	"kunden ønsker et kort møde på Teams",
	"beslutningstageren er på ferie i Spanien",
	"kunden vil ha et raskt møte før styremøtet",
};
#define REASONS (sizeof hardly_reasons / sizeof hardly_reasons[0])

/* The contact form, mostly as the matrix recommends: the best form more
 * often than the other acceptable ones, and now and then one rated hardly,
 * with the reason a seller would give. */
static enum core_form demo_form(struct demo *d, const struct core_meeting_type *t,
                                enum core_complexity cx, enum core_sale sale,
                                const char **reason)
{
	struct core_form_choice ch[CORE_FORM_COUNT];
	core_matrix_recommend(t, cx, sale, ch);
	*reason = "";
	if (core_rng_percent(&d->rng, 4)) {
		for (int i = 0; i < CORE_FORM_COUNT; i++) {
			if (ch[i].resolved == CORE_RATING_HARDLY) {
				*reason = hardly_reasons[core_rng_below(&d->rng, REASONS)];
				return ch[i].form;
			}
		}
	}
	int weight[CORE_FORM_COUNT], total = 0;
	for (int i = 0; i < CORE_FORM_COUNT; i++) {
		weight[i] = ch[i].needs_confirm ? 0
		            : ch[i].resolved <= CORE_RATING_OBVIOUS ? 8 : 3;
		total += weight[i];
	}
	if (total == 0)
		return ch[0].form;
	int p = (int)core_rng_below(&d->rng, (uint64_t)total);
	for (int i = 0; i < CORE_FORM_COUNT; i++) {
		if (p < weight[i])
			return ch[i].form;
		p -= weight[i];
	}
	return ch[0].form;
}

/* Picks by percent: the first index whose running total passes p. */
static int demo_pick(struct core_rng *r, const int *percent, int n)
{
	int p = (int)core_rng_below(r, 100);
	for (int i = 0; i < n - 1; i++) {
		if (p < percent[i])
			return i;
		p -= percent[i];
	}
	return n - 1;
}

static int64_t demo_account(struct demo *d, int seller, int accounts, int *idx)
{
	int sellers = d->o->sellers;
	int own = (accounts - seller + sellers - 1) / sellers;   /* i = seller + j*S */
	int i;
	if (own > 0 && core_rng_percent(&d->rng, 85))
		i = seller + (int)core_rng_below(&d->rng, (uint64_t)own) * sellers;
	else
		i = (int)core_rng_below(&d->rng, (uint64_t)accounts);
	*idx = i;
	return d->account_ids[i];
}

static enum core_status demo_meeting(struct demo *d, int seller, int accounts,
                                     int64_t day, const struct demo_slot *slot,
                                     struct core_error *err)
{
	static const int dim_pct[CORE_DIM_COUNT] = { 40, 25, 20, 15 };
	static const int cx_pct[CORE_CX_COUNT] = { 35, 45, 20 };
	long long g = d->meetings++;
	struct core_rng *r = &d->rng;
	int acc;
	int64_t account_id = demo_account(d, seller, accounts, &acc);

	/* The first meetings walk through every value once, so even a tiny
	 * demo shows each battlefield, type, dimension and the rest. */
	enum core_battlefield bf;
	if (g < CORE_BF_COUNT)
		bf = (enum core_battlefield)g;
	else if (!d->customer[acc])
		bf = CORE_BF_NEW;
	else
		bf = core_rng_percent(r, 55) ? CORE_BF_RESALE : CORE_BF_UPSELL;
	int type = g < d->matrix.n_types ? (int)g
	           : (int)core_rng_below(r, (uint64_t)d->matrix.n_types);
	enum core_dim dim = g < CORE_DIM_COUNT ? (enum core_dim)g
	                    : (enum core_dim)demo_pick(r, dim_pct, CORE_DIM_COUNT);
	enum core_complexity cx = g < CORE_CX_COUNT ? (enum core_complexity)g
	                          : (enum core_complexity)demo_pick(r, cx_pct, CORE_CX_COUNT);
	enum core_sale sale = g < CORE_SALE_COUNT ? (enum core_sale)g
	                      : core_rng_percent(r, 45) ? CORE_SALE_PRODUCT
	                      : CORE_SALE_SOLUTION;
	const char *reason;
	enum core_form form = demo_form(d, &d->matrix.types[type], cx, sale, &reason);

	int minute = DAY_START_MIN + slot->start * 30;
	int duration = slot->len * 30;
	int64_t starts = core_local_to_epoch(day, minute);
	enum core_mstatus status = CORE_MS_PLANNED;
	if (day < d->o->today)
		status = core_rng_percent(r, 8) ? CORE_MS_CANCELLED : CORE_MS_HELD;
	int64_t created = starts - (1 + (int64_t)core_rng_below(r, 21)) * 86400;
	if (created > d->now)
		created = d->now;
	int64_t updated = status == CORE_MS_PLANNED ? created
	                  : starts + duration * 60 + (int64_t)core_rng_below(r, 7200);

	sqlite3_stmt *st = d->st[DS_MEETING];
	sqlite3_bind_int64(st, 1, d->seller_ids[seller]);
	sqlite3_bind_int64(st, 2, account_id);
	sqlite3_bind_int64(st, 3, starts);
	sqlite3_bind_int(st, 4, duration);
	sqlite3_bind_text(st, 5, core_battlefield_key(bf), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d->matrix.types[type].key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, core_form_key(form), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, core_dim_key(dim), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, core_complexity_key(cx), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, core_sale_key(sale), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, core_mstatus_key(status), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, reason, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 13, created);
	sqlite3_bind_int64(st, 14, updated);
	return demo_step(d, st, "adding demo meetings", err);
}

/* Week by week, seller by seller: the rows arrive nearly in start order,
 * so the indexes on updated_at and (seller_id, starts_at) grow at a few
 * hot pages instead of all over the file. */
static enum core_status demo_meetings(struct demo *d, int accounts,
                                      struct core_error *err)
{
	struct demo_slot slots[DEMO_MAX_PER_WEEK];
	int64_t this_monday = core_isoweek_monday(core_isoweek_of(d->o->today));
	for (int w = -d->o->weeks; w <= DEMO_FUTURE_WEEKS; w++) {
		int64_t monday = this_monday + 7 * (int64_t)w;
		for (int s = 0; s < d->o->sellers; s++) {
			demo_plan_week(&d->rng, d->o->per_week, slots);
			for (int i = 0; i < d->o->per_week; i++) {
				enum core_status st = demo_meeting(d, s, accounts,
				                                   monday + slots[i].day,
				                                   &slots[i], err);
				if (st != CORE_OK)
					return st;
			}
		}
	}
	return CORE_OK;
}

/* ---- settings and the whole ------------------------------------------- */

static enum core_status demo_settings(struct demo *d, struct core_error *err)
{
	static const double team[CORE_BF_COUNT] = {
		[CORE_BF_RESALE] = 2, [CORE_BF_UPSELL] = 1, [CORE_BF_NEW] = 2,
	};
	enum core_status s = CORE_OK;
	for (int bf = 0; s == CORE_OK && bf < CORE_BF_COUNT; bf++) {
		sqlite3_bind_text(d->st[DS_TARGET], 1,
		                  core_battlefield_key((enum core_battlefield)bf), -1,
		                  SQLITE_STATIC);
		sqlite3_bind_double(d->st[DS_TARGET], 2, team[bf]);
		s = demo_step(d, d->st[DS_TARGET], "adding demo targets", err);
	}
	struct core_form_weights w;
	core_form_weights_default(&w);
	for (int f = 0; s == CORE_OK && f < CORE_FORM_COUNT; f++) {
		sqlite3_bind_text(d->st[DS_WEIGHT], 1, core_form_key((enum core_form)f), -1,
		                  SQLITE_STATIC);
		sqlite3_bind_double(d->st[DS_WEIGHT], 2, w.w[f]);
		s = demo_step(d, d->st[DS_WEIGHT], "adding demo form weights", err);
	}
	if (s == CORE_OK) {
		/* The database opens on Mette Sørensen's week. */
		sqlite3_bind_text(d->st[DS_SETTING], 1, "me", -1, SQLITE_STATIC);
		sqlite3_bind_int64(d->st[DS_SETTING], 2, d->seller_ids[0]);
		s = demo_step(d, d->st[DS_SETTING], "adding demo settings", err);
	}
	return s;
}

static enum core_status demo_refuse_nonempty(struct demo *d, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(d->db,
		"SELECT EXISTS (SELECT 1 FROM seller) OR EXISTS (SELECT 1 FROM account) "
		"OR EXISTS (SELECT 1 FROM meeting)", &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	int used = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(d->db, rc, "checking the database", err);
	if (used)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "%s: already has sellers or accounts; demo data goes "
		                      "only into an empty database, never beside real data",
		                      d->db->path);
	return CORE_OK;
}

/* Building an index from the finished table (one sort) is much faster
 * than a million inserts into it, so the meeting table's indexes are
 * dropped for the bulk insert and built again after it, in the same
 * transaction.  The only SQL here not written out literally: our own
 * index definitions, read back from sqlite_schema and run again as the
 * migrations wrote them, with the names quoted by %w. */
static enum core_status demo_indexes_drop(struct demo *d, struct core_error *err)
{
	sqlite3_stmt *st;
	enum core_status s = db_prepare(d->db,
		"SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
		"AND tbl_name = 'meeting' AND sql IS NOT NULL ORDER BY name", &st, err);
	if (s != CORE_OK)
		return s;
	/* Read them all first: the schema cannot change while it is read. */
	int rc;
	char *drop[DEMO_MAX_INDEXES];
	int n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < DEMO_MAX_INDEXES) {
		drop[n] = sqlite3_mprintf("DROP INDEX \"%w\"", db_column_text(st, 0));
		d->index_sql[n] = sqlite3_mprintf("%s", db_column_text(st, 1));
		if (drop[n] == NULL || d->index_sql[n] == NULL) {
			sqlite3_free(drop[n]);
			sqlite3_free(d->index_sql[n]);
			rc = SQLITE_NOMEM;
			break;
		}
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		s = db_fail(d->db, rc, "reading the schema", err);
	for (int i = 0; i < n; i++) {
		if (s == CORE_OK)
			s = db_exec(d->db, drop[i], err);
		sqlite3_free(drop[i]);
	}
	/* Only what was dropped is built again. */
	d->n_index = s == CORE_OK ? n : 0;
	for (int i = d->n_index; i < n; i++)
		sqlite3_free(d->index_sql[i]);
	return s;
}

static enum core_status demo_indexes_build(struct demo *d, struct core_error *err)
{
	enum core_status s = CORE_OK;
	for (int i = 0; s == CORE_OK && i < d->n_index; i++)
		s = db_exec(d->db, d->index_sql[i], err);
	return s;
}

static enum core_status demo_run(struct demo *d, int accounts, struct core_error *err)
{
	enum core_status s = demo_refuse_nonempty(d, err);
	for (int i = 0; s == CORE_OK && i < DS_COUNT; i++)
		s = db_prepare(d->db, demo_sql[i], &d->st[i], err);
	if (s == CORE_OK)
		s = demo_sellers(d, err);
	if (s == CORE_OK)
		s = demo_accounts(d, accounts, err);
	if (s == CORE_OK)
		s = demo_indexes_drop(d, err);
	if (s == CORE_OK)
		s = demo_meetings(d, accounts, err);
	if (s == CORE_OK)
		s = demo_indexes_build(d, err);
	if (s == CORE_OK)
		s = demo_settings(d, err);
	return s;
}

enum core_status db_demo_fill(struct db *db, const struct db_demo_opts *o,
                              struct core_error *err)
{
	int accounts = o->accounts > 0 ? o->accounts : 40 * o->sellers;
	enum core_status s = demo_check(o, accounts, err);
	if (s != CORE_OK)
		return s;
	struct demo *d = calloc(1, sizeof *d);
	if (d == NULL)
		return core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	d->db = db;
	d->o = o;
	core_rng_seed(&d->rng, o->seed);
	core_demo_names_init(&d->names, o->seed);
	d->now = core_local_to_epoch(o->today, DAY_START_MIN);
	d->seller_ids = calloc((size_t)o->sellers, sizeof *d->seller_ids);
	d->account_ids = calloc((size_t)accounts, sizeof *d->account_ids);
	d->customer = calloc((size_t)accounts, 1);
	if (d->seller_ids == NULL || d->account_ids == NULL || d->customer == NULL)
		s = core_error_set(err, CORE_ERR_NOMEM, "out of memory");
	if (s == CORE_OK)
		s = core_matrix_default(&d->matrix, err);
	if (s == CORE_OK && d->matrix.n_types == 0)
		s = core_error_set(err, CORE_ERR_INPUT, "demo: the matrix has no meeting types");
	/* One transaction writes the whole file.  Measured on a million
	 * meetings: with SQLite's default 2 MiB cache (and still with 8 MiB)
	 * the fill crawls, spilling dirty pages to the WAL and rebuilding
	 * cache memory statement after statement (over 10 minutes); from 16
	 * MiB on it takes about 13 s.  64 MiB leaves room for larger demos;
	 * pages are only allocated as they are used, so a small demo stays
	 * small.  The connection's own size is restored afterwards. */
	int old_cache = db_pragma_int(db, DB_PRAGMA_CACHE_SIZE, NULL);
	int big_cache = DEMO_CACHE_KIB;
	if (s == CORE_OK) {
		db_pragma_int(db, DB_PRAGMA_CACHE_SIZE, &big_cache);
		s = db_tx_begin(db, err);
		if (s == CORE_OK) {
			s = db_exec(db, "UPDATE change_counter SET n = n + 1", err);
			if (s != CORE_OK)
				db_tx_rollback(db);
		}
	}
	if (s == CORE_OK) {
		s = demo_run(d, accounts, err);
		for (int i = 0; i < DS_COUNT; i++)
			sqlite3_finalize(d->st[i]);
		if (s == CORE_OK)
			s = db_tx_commit(db, err);
		else
			db_tx_rollback(db);
	}
	db_pragma_int(db, DB_PRAGMA_CACHE_SIZE, &old_cache);
	for (int i = 0; i < d->n_index; i++)
		sqlite3_free(d->index_sql[i]);
	free(d->seller_ids);
	free(d->account_ids);
	free(d->customer);
	free(d);
	return s;
}
