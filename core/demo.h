#ifndef CORE_DEMO_H
#define CORE_DEMO_H
/* The pure half of the demo data: a seeded random number generator and
 * Danish, Norwegian and Swedish names for sellers, companies, contacts and
 * cities.  Everything is a function of the seed and an index, so the same
 * seed gives the same data on every machine.  db/demo.c writes it.  No
 * allocation; every returned string is static or in the caller's buffer. */

#include <stddef.h>
#include <stdint.h>

/* splitmix64: tiny, fast, and good enough for demo data. */
struct core_rng {
	uint64_t state;
};

void core_rng_seed(struct core_rng *r, uint64_t seed);
uint64_t core_rng_next(struct core_rng *r);
/* Uniform in [0, n), without modulo bias; n 0 gives 0. */
uint64_t core_rng_below(struct core_rng *r, uint64_t n);
/* 1 with the probability percent / 100. */
int core_rng_percent(struct core_rng *r, int percent);

enum core_demo_country {
	CORE_DEMO_DK,
	CORE_DEMO_NO,
	CORE_DEMO_SE,
	CORE_DEMO_COUNTRY_COUNT
};

/* The seeded orderings of the name spaces. */
struct core_demo_names {
	uint64_t account_mul, account_add;
	uint64_t person_mul, person_add;
};

void core_demo_names_init(struct core_demo_names *nm, uint64_t seed);

/* How many distinct seller names and account names there are. */
uint64_t core_demo_seller_capacity(void);
uint64_t core_demo_account_capacity(void);

/* Seller i (0-based): 0 is always "Mette Sørensen", then "Lars Øberg",
 * "Ingrid Bjørnstad", "Søren Kjær", "Åse Lindqvist", then names drawn by
 * the seed.  Distinct for every i below core_demo_seller_capacity(). */
void core_demo_seller_name(const struct core_demo_names *nm, uint64_t i,
                           char *buf, size_t n);

struct core_demo_account {
	char name[96];              /* "Brødrene Hansen A/S", "Hvidø Byg Køge ApS" */
	enum core_demo_country country;
	int city;                   /* index for core_demo_city(); -1: any */
};

/* Account i (0-based): the first ten are the examples of the domain
 * ("Brødrene Hansen A/S", "Ørsted Gruppen", ...), then names built from a
 * stem, a trade, maybe a city and a company form, ordered by the seed.
 * Distinct for every i below core_demo_account_capacity(). */
void core_demo_account(const struct core_demo_names *nm, uint64_t i,
                       struct core_demo_account *out);

/* Cities of a country: core_demo_city_count() of them, each with its
 * distance in km from the team's office in that country. */
int core_demo_city_count(void);
const char *core_demo_city(enum core_demo_country c, int i, double *km);

/* A random contact person: "Kari Haugen". */
void core_demo_person(struct core_rng *r, char *buf, size_t n);

/* "example.dk", "example.no", "example.se"; "+45", "+47", "+46". */
const char *core_demo_domain(enum core_demo_country c);
const char *core_demo_phone_prefix(enum core_demo_country c);

/* Lower-case ASCII for an e-mail address: "Mette Sørensen" ->
 * "mette.sorensen", "Æbelø" -> "aebelo".  Blanks become dots, other
 * characters that do not belong in an address are dropped.  buf is always
 * NUL-terminated. */
void core_demo_ascii(const char *s, char *buf, size_t n);

#endif
