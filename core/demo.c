#include "core/demo.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- random numbers --------------------------------------------------- */

void core_rng_seed(struct core_rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t core_rng_next(struct core_rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

uint64_t core_rng_below(struct core_rng *r, uint64_t n)
{
	if (n == 0)
		return 0;
	/* Draws below the largest multiple of n are uniform modulo n. */
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;
	do
		x = core_rng_next(r);
	while (x >= limit);
	return x % n;
}

int core_rng_percent(struct core_rng *r, int percent)
{
	return (int)core_rng_below(r, 100) < percent;
}

/* ---- the vocabularies ------------------------------------------------- */

/* The domain's examples, always the first accounts.  The generator below
 * can never produce them: it always puts a trade after the stem, and its
 * stems leave out Ørsted, Køge, Næstved, Østerbro and Grønne. */
static const char *const fixed_accounts[] = {
	"Brødrene Hansen A/S", "Ørsted Gruppen", "Hvidø ApS", "Lærdal AS",
	"Køge Gruppen", "Vestfjord AS", "Grønne Skove ApS", "Bjørnstad AS",
	"Næstved Tømmerhandel", "Østerbro Hus",
};
/* Where they are: an index into cities[] below. */
static const struct {
	enum core_demo_country country;
	int city;
} fixed_place[COUNT(fixed_accounts)] = {
	{ CORE_DEMO_DK, 0 },   /* Aarhus */
	{ CORE_DEMO_DK, 2 },   /* Randers */
	{ CORE_DEMO_DK, 10 },  /* Odense */
	{ CORE_DEMO_NO, 9 },   /* Bergen */
	{ CORE_DEMO_DK, 14 },  /* Køge */
	{ CORE_DEMO_NO, 14 },  /* Bodø */
	{ CORE_DEMO_DK, 1 },   /* Silkeborg */
	{ CORE_DEMO_NO, 3 },   /* Hamar */
	{ CORE_DEMO_DK, 15 },  /* Næstved */
	{ CORE_DEMO_DK, 13 },  /* København */
};

/* One word each, so "stem trade [city] [form]" reads back one way only:
 * that is what makes every generated name distinct. */
static const char *const stems[] = {
	"Hansen", "Sørensen", "Kjær", "Bjørnstad", "Lindqvist", "Østergaard",
	"Mølgaard", "Nørgaard", "Dahl", "Holm", "Berg", "Lund", "Strand", "Fjeld",
	"Skov", "Bæk", "Krogh", "Thygesen", "Søndergaard", "Vestergaard", "Aaberg",
	"Haugen", "Solberg", "Eriksson", "Åkesson", "Sjöberg", "Löfgren",
	"Ødegaard", "Ruud", "Bakke", "Moen", "Lie", "Hvidø", "Lærdal", "Vestfjord",
	"Fjordlys", "Nordlys", "Havblik", "Skærbæk", "Ringkøbing", "Fanø", "Læsø",
	"Mørkøv", "Ærø", "Sølvtind", "Jøkul", "Brændeskov", "Øresund", "Kattegat",
	"Limfjord", "Hardanger", "Trøndelag", "Dalarna", "Gotland", "Vänern",
	"Småland", "Älvdal", "Fyrtårn", "Egeskov", "Bøgely", "Rønnebær", "Højmark",
	"Tårnby", "Ågård",
};
static const char *const trades[] = {
	"Gruppen", "Hus", "Tømmerhandel", "Maskinfabrik", "Byg", "Elektro", "VVS",
	"Transport", "Rådgivning", "Consult", "Data", "Energi", "Auto", "Trælast",
	"Møbler", "Fisk", "Bageri", "Revision", "Ejendomme", "Logistik", "Smedje",
	"Køl", "Plast", "Stål", "Glas", "Tryk", "Foder", "Mejeri", "Emballage",
	"Handel", "Værft", "Farver",
};
/* The company form also gives the country. */
static const struct {
	const char *text;
	enum core_demo_country country;
} forms[] = {
	{ "", CORE_DEMO_DK }, { " A/S", CORE_DEMO_DK }, { " ApS", CORE_DEMO_DK },
	{ " & Søn", CORE_DEMO_DK }, { " Holding", CORE_DEMO_DK },
	{ " AS", CORE_DEMO_NO }, { " AB", CORE_DEMO_SE },
};

#define CITIES 16
static const struct {
	const char *name;
	double km;
} cities[CORE_DEMO_COUNTRY_COUNT][CITIES] = {
	[CORE_DEMO_DK] = {
		{ "Aarhus", 8 }, { "Silkeborg", 44 }, { "Randers", 38 }, { "Horsens", 50 },
		{ "Vejle", 73 }, { "Viborg", 66 }, { "Herning", 86 }, { "Skive", 92 },
		{ "Aalborg", 118 }, { "Kolding", 98 }, { "Odense", 145 },
		{ "Esbjerg", 150 }, { "Roskilde", 270 }, { "København", 300 },
		{ "Køge", 290 }, { "Næstved", 300 },
	},
	[CORE_DEMO_NO] = {
		{ "Oslo", 6 }, { "Drammen", 40 }, { "Fredrikstad", 92 }, { "Hamar", 123 },
		{ "Lillehammer", 180 }, { "Gjøvik", 127 }, { "Sandefjord", 118 },
		{ "Kristiansand", 320 }, { "Stavanger", 550 }, { "Bergen", 460 },
		{ "Haugesund", 520 }, { "Ålesund", 530 }, { "Molde", 500 },
		{ "Trondheim", 490 }, { "Bodø", 1200 }, { "Tromsø", 1650 },
	},
	[CORE_DEMO_SE] = {
		{ "Göteborg", 5 }, { "Borås", 65 }, { "Trollhättan", 75 },
		{ "Uddevalla", 85 }, { "Halmstad", 145 }, { "Jönköping", 150 },
		{ "Varberg", 75 }, { "Skövde", 150 }, { "Karlstad", 250 },
		{ "Malmö", 275 }, { "Helsingborg", 215 }, { "Lund", 260 },
		{ "Växjö", 230 }, { "Örebro", 280 }, { "Stockholm", 470 },
		{ "Uppsala", 500 },
	},
};

static const char *const fixed_sellers[] = {
	"Mette Sørensen", "Lars Øberg", "Ingrid Bjørnstad", "Søren Kjær",
	"Åse Lindqvist",
};
/* Without the fixed sellers' first names, so no drawn seller repeats one. */
static const char *const first_names[] = {
	"Anne", "Kirsten", "Hanne", "Jens", "Peter", "Michael", "Henrik", "Thomas",
	"Rasmus", "Mads", "Camilla", "Louise", "Freja", "Ida", "Kasper", "Jesper",
	"Nils", "Ole", "Kari", "Astrid", "Sigrid", "Bjørn", "Tor", "Eirik",
	"Håkon", "Solveig", "Liv", "Ragnhild", "Magnus", "Johan", "Erik", "Björn",
	"Annika", "Karin", "Maja", "Elsa", "Göran", "Linnéa", "Åsa", "Jørgen",
};
static const char *const last_names[] = {
	"Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen",
	"Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Mikkelsen", "Kjær",
	"Østergaard", "Holm", "Dahl", "Lund", "Berg", "Haugen", "Johansen", "Olsen",
	"Bakke", "Strand", "Solberg", "Moe", "Lie", "Ødegaard", "Bjørnstad",
	"Nilsson", "Karlsson", "Lindqvist", "Öberg", "Åberg", "Sjöberg", "Löfgren",
	"Ekström", "Söderberg", "Lindgren", "Bergström", "Håkansson", "Nyström",
};

/* ---- seeded orderings ------------------------------------------------- */

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b != 0) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* x -> (mul * x + add) mod n is a bijection of [0, n) when mul and n are
 * coprime: a shuffle that needs no memory and no duplicate checks. */
static void affine_init(struct core_rng *r, uint64_t n, uint64_t *mul, uint64_t *add)
{
	uint64_t m = core_rng_below(r, n) | 1;
	while (gcd(m, n) != 1)
		m = (m + 2) % n;
	*mul = m;
	*add = core_rng_below(r, n);
}

static uint64_t affine(uint64_t x, uint64_t mul, uint64_t add, uint64_t n)
{
	/* n is small (below 2^20), so the product cannot overflow. */
	return (mul * (x % n) + add) % n;
}

#define ACCOUNT_BLOCK ((uint64_t)COUNT(stems) * COUNT(trades) * COUNT(forms))
#define PERSONS ((uint64_t)COUNT(first_names) * COUNT(last_names))

void core_demo_names_init(struct core_demo_names *nm, uint64_t seed)
{
	struct core_rng r;
	core_rng_seed(&r, seed ^ 0x6E616D6573u);   /* "names" */
	affine_init(&r, ACCOUNT_BLOCK, &nm->account_mul, &nm->account_add);
	affine_init(&r, PERSONS, &nm->person_mul, &nm->person_add);
}

uint64_t core_demo_seller_capacity(void)
{
	return COUNT(fixed_sellers) + PERSONS;
}

uint64_t core_demo_account_capacity(void)
{
	return COUNT(fixed_accounts) + ACCOUNT_BLOCK * (1 + CITIES);
}

void core_demo_seller_name(const struct core_demo_names *nm, uint64_t i,
                           char *buf, size_t n)
{
	if (i < COUNT(fixed_sellers)) {
		snprintf(buf, n, "%s", fixed_sellers[i]);
		return;
	}
	uint64_t k = affine(i - COUNT(fixed_sellers), nm->person_mul, nm->person_add,
	                    PERSONS);
	snprintf(buf, n, "%s %s", first_names[k % COUNT(first_names)],
	         last_names[k / COUNT(first_names)]);
}

void core_demo_account(const struct core_demo_names *nm, uint64_t i,
                       struct core_demo_account *out)
{
	if (i < COUNT(fixed_accounts)) {
		snprintf(out->name, sizeof out->name, "%s", fixed_accounts[i]);
		out->country = fixed_place[i].country;
		out->city = fixed_place[i].city;
		return;
	}
	i -= COUNT(fixed_accounts);
	/* The first block has no city in the name; each later block adds one
	 * city to every name of the block, which keeps them distinct. */
	uint64_t block = i / ACCOUNT_BLOCK;
	uint64_t k = affine(i, nm->account_mul, nm->account_add, ACCOUNT_BLOCK);
	const char *stem = stems[k % COUNT(stems)];
	k /= COUNT(stems);
	const char *trade = trades[k % COUNT(trades)];
	k /= COUNT(trades);
	size_t form = (size_t)(k % COUNT(forms));
	out->country = forms[form].country;
	if (block == 0 || block > CITIES) {
		out->city = -1;
		snprintf(out->name, sizeof out->name, "%s %s%s", stem, trade,
		         forms[form].text);
	} else {
		out->city = (int)block - 1;
		snprintf(out->name, sizeof out->name, "%s %s %s%s", stem, trade,
		         cities[out->country][out->city].name, forms[form].text);
	}
}

int core_demo_city_count(void)
{
	return CITIES;
}

const char *core_demo_city(enum core_demo_country c, int i, double *km)
{
	if ((unsigned)c >= CORE_DEMO_COUNTRY_COUNT || i < 0 || i >= CITIES)
		c = CORE_DEMO_DK, i = 0;
	if (km != NULL)
		*km = cities[c][i].km;
	return cities[c][i].name;
}

void core_demo_person(struct core_rng *r, char *buf, size_t n)
{
	/* Contacts may share a seller's first name: draw from both lists. */
	uint64_t f = core_rng_below(r, COUNT(first_names) + COUNT(fixed_sellers));
	const char *first = f < COUNT(first_names) ? first_names[f] : NULL;
	char fixed_first[32];
	if (first == NULL) {
		const char *full = fixed_sellers[f - COUNT(first_names)];
		size_t len = strcspn(full, " ");
		snprintf(fixed_first, sizeof fixed_first, "%.*s", (int)len, full);
		first = fixed_first;
	}
	snprintf(buf, n, "%s %s", first,
	         last_names[core_rng_below(r, COUNT(last_names))]);
}

const char *core_demo_domain(enum core_demo_country c)
{
	switch (c) {
	case CORE_DEMO_NO: return "example.no";
	case CORE_DEMO_SE: return "example.se";
	default: return "example.dk";
	}
}

const char *core_demo_phone_prefix(enum core_demo_country c)
{
	switch (c) {
	case CORE_DEMO_NO: return "+47";
	case CORE_DEMO_SE: return "+46";
	default: return "+45";
	}
}

/* ASCII for the Latin-1 letters (U+00C0..U+00FF) of the names above, lower
 * case; "" for any other code point. */
static const char *ascii_of_latin1(uint32_t cp)
{
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		cp += 0x20;                       /* to lower case */
	switch (cp) {
	case 0xE6: return "ae";                   /* æ */
	case 0xF8: case 0xF6: case 0xF4: case 0xF3: case 0xF2: return "o";
	case 0xE5: case 0xE4: case 0xE1: case 0xE0: case 0xE2: return "a";
	case 0xE9: case 0xE8: case 0xEA: case 0xEB: return "e";
	case 0xFC: case 0xFA: case 0xF9: case 0xFB: return "u";
	case 0xED: case 0xEC: case 0xEE: case 0xEF: return "i";
	case 0xF1: return "n";
	case 0xE7: return "c";
	case 0xDF: return "ss";
	default: return "";
	}
}

void core_demo_ascii(const char *s, char *buf, size_t n)
{
	if (n == 0)
		return;
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p != '\0') {
		char one[2] = { 0, 0 };
		const char *add = one;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
			one[0] = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			one[0] = (char)(*p + 32);
		else if (*p == ' ' || *p == '.')
			one[0] = o > 0 && buf[o - 1] != '.' ? '.' : '\0';
		else if (*p >= 0x80) {
			/* The NUL stops the decoder, and a bad byte is left out. */
			uint32_t cp;
			p += core_utf8_decode((const char *)p, CORE_UTF8_MAX, &cp) - 1;
			add = ascii_of_latin1(cp);
		}
		/* Anything else (other scripts, '&', '/') is left out. */
		p++;
		size_t len = strlen(add);
		if (o + len >= n)
			break;
		memcpy(buf + o, add, len);
		o += len;
	}
	while (o > 0 && buf[o - 1] == '.')
		o--;
	buf[o] = '\0';
}
