/* The meeting-type x contact-form matrix (core/matrix.h): the default
 * asset, the recommendation, and the errors a hand-edited file gets. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L   /* mkdtemp */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/asset.h"
#include "core/matrix.h"

#define COLUMNS "type,label,brief,physical,hybrid,virtual,phone"
#define HEADER COLUMNS "\n"
/* The list every rating error ends with. */
#define RATINGS "first_choice, obvious, possible, hardly, ruled_out, impossible, " \
	"no_go, depends_on_complexity, ok_for_product"
#define ROW(key) key "," key "," key ",possible,possible,possible,possible\n"

static enum core_status parse(struct core_matrix *m, const char *text,
                              struct core_error *err)
{
	core_error_clear(err);
	return core_matrix_parse(m, text, strlen(text), "bad.csv", err);
}

/* Parses text that must fail, and checks the whole message. */
static void assert_parse_error(const char *text, const char *msg)
{
	struct core_matrix *m = malloc(sizeof *m);
	struct core_error err;
	assert_non_null(m);
	m->n_types = 99;
	assert_int_equal(parse(m, text, &err), CORE_ERR_INPUT);
	assert_int_equal(err.code, CORE_ERR_INPUT);
	assert_string_equal(err.msg, msg);
	assert_int_equal(m->n_types, 0);
	free(m);
}

static const struct core_meeting_type *type_of(const struct core_matrix *m, const char *key)
{
	int i = core_matrix_find(m, key);
	assert_true(i >= 0);
	return &m->types[i];
}

static void test_default_matrix(void **state)
{
	(void)state;
	static struct core_matrix m;
	struct core_error err;
	assert_int_equal(core_matrix_default(&m, &err), CORE_OK);
	assert_int_equal(m.n_types, 12);

	static const char *const keys[12] = {
		"booking", "first_meeting", "deep_dive", "upsell", "workshop", "solution",
		"proposal", "negotiation", "follow_up", "strategy", "status_value",
		"relationship"};
	for (int i = 0; i < 12; i++) {
		assert_string_equal(m.types[i].key, keys[i]);
		assert_int_equal(core_matrix_find(&m, keys[i]), i);
		assert_true(strlen(m.types[i].brief) > 0);
	}
	assert_int_equal(core_matrix_find(&m, "lunch"), -1);
	assert_int_equal(core_matrix_find(&m, "Booking"), -1);

	const struct core_meeting_type *t = type_of(&m, "booking");
	assert_string_equal(t->label, "Canvassing / booking a meeting");
	assert_string_equal(t->brief, "booking");
	assert_int_equal(t->rating[CORE_FORM_PHYSICAL], CORE_RATING_NO_GO);
	assert_int_equal(t->rating[CORE_FORM_HYBRID], CORE_RATING_HARDLY);
	assert_int_equal(t->rating[CORE_FORM_VIRTUAL], CORE_RATING_HARDLY);
	assert_int_equal(t->rating[CORE_FORM_PHONE], CORE_RATING_OBVIOUS);

	t = type_of(&m, "first_meeting");
	assert_string_equal(t->brief, "first meeting");
	assert_int_equal(t->rating[CORE_FORM_PHYSICAL], CORE_RATING_FIRST_CHOICE);
	assert_int_equal(t->rating[CORE_FORM_PHONE], CORE_RATING_OK_FOR_PRODUCT);

	assert_int_equal(type_of(&m, "deep_dive")->rating[CORE_FORM_PHONE], CORE_RATING_RULED_OUT);
	assert_int_equal(type_of(&m, "workshop")->rating[CORE_FORM_PHONE], CORE_RATING_IMPOSSIBLE);
	assert_int_equal(type_of(&m, "workshop")->rating[CORE_FORM_PHYSICAL], CORE_RATING_OBVIOUS);
	assert_int_equal(type_of(&m, "strategy")->rating[CORE_FORM_PHONE], CORE_RATING_RULED_OUT);
	assert_int_equal(type_of(&m, "solution")->rating[CORE_FORM_PHONE], CORE_RATING_HARDLY);
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		assert_int_equal(type_of(&m, "upsell")->rating[f], CORE_RATING_POSSIBLE);
		assert_int_equal(type_of(&m, "follow_up")->rating[f], CORE_RATING_POSSIBLE);
	}
	static const char *const conditional[] = {"proposal", "negotiation"};
	for (int i = 0; i < 2; i++) {
		t = type_of(&m, conditional[i]);
		assert_int_equal(t->rating[CORE_FORM_PHYSICAL], CORE_RATING_FIRST_CHOICE);
		assert_int_equal(t->rating[CORE_FORM_HYBRID], CORE_RATING_DEPENDS_ON_COMPLEXITY);
		assert_int_equal(t->rating[CORE_FORM_VIRTUAL], CORE_RATING_DEPENDS_ON_COMPLEXITY);
		assert_int_equal(t->rating[CORE_FORM_PHONE], CORE_RATING_HARDLY);
	}
	t = type_of(&m, "status_value");
	assert_string_equal(t->label, "Status / evaluation of gain and value created");
	assert_string_equal(t->brief, "status/gain");
	t = type_of(&m, "relationship");
	assert_int_equal(t->rating[CORE_FORM_PHYSICAL], CORE_RATING_OBVIOUS);
	assert_int_equal(t->rating[CORE_FORM_HYBRID], CORE_RATING_HARDLY);
	assert_int_equal(t->rating[CORE_FORM_PHONE], CORE_RATING_HARDLY);
}

static void test_ratings(void **state)
{
	(void)state;
	enum core_rating r;
	assert_int_equal(core_rating_parse("no_go", &r), 0);
	assert_int_equal(r, CORE_RATING_NO_GO);
	assert_int_equal(core_rating_parse("No-Go", &r), 0);   /* the label */
	assert_int_equal(r, CORE_RATING_NO_GO);
	assert_int_equal(core_rating_parse("FIRST_CHOICE", &r), 0);
	assert_int_equal(r, CORE_RATING_FIRST_CHOICE);
	assert_int_equal(core_rating_parse("maybe", &r), -1);
	assert_int_equal(r, CORE_RATING_FIRST_CHOICE);
	assert_string_equal(core_rating_key(CORE_RATING_DEPENDS_ON_COMPLEXITY),
	                    "depends_on_complexity");
	assert_string_equal(core_rating_label(CORE_RATING_RULED_OUT), "ruled out");
	assert_string_equal(core_rating_key((enum core_rating)42), "?");

	enum core_rating dep = CORE_RATING_DEPENDS_ON_COMPLEXITY, ok = CORE_RATING_OK_FOR_PRODUCT;
	assert_int_equal(core_rating_resolve(dep, CORE_CX_LOW, CORE_SALE_SOLUTION), CORE_RATING_POSSIBLE);
	assert_int_equal(core_rating_resolve(dep, CORE_CX_MEDIUM, CORE_SALE_PRODUCT), CORE_RATING_POSSIBLE);
	assert_int_equal(core_rating_resolve(dep, CORE_CX_HIGH, CORE_SALE_PRODUCT), CORE_RATING_HARDLY);
	assert_int_equal(core_rating_resolve(ok, CORE_CX_HIGH, CORE_SALE_PRODUCT), CORE_RATING_POSSIBLE);
	assert_int_equal(core_rating_resolve(ok, CORE_CX_LOW, CORE_SALE_SOLUTION), CORE_RATING_HARDLY);
	assert_int_equal(core_rating_resolve(CORE_RATING_OBVIOUS, CORE_CX_HIGH, CORE_SALE_SOLUTION),
	                 CORE_RATING_OBVIOUS);

	assert_false(core_rating_needs_confirm(CORE_RATING_FIRST_CHOICE));
	assert_false(core_rating_needs_confirm(CORE_RATING_OBVIOUS));
	assert_false(core_rating_needs_confirm(CORE_RATING_POSSIBLE));
	assert_true(core_rating_needs_confirm(CORE_RATING_HARDLY));
	assert_true(core_rating_needs_confirm(CORE_RATING_RULED_OUT));
	assert_true(core_rating_needs_confirm(CORE_RATING_IMPOSSIBLE));
	assert_true(core_rating_needs_confirm(CORE_RATING_NO_GO));
}

static void assert_choice(const struct core_form_choice *c, enum core_form form,
                          enum core_rating resolved, const char *reason, int confirm)
{
	assert_int_equal(c->form, form);
	assert_int_equal(c->resolved, resolved);
	assert_string_equal(c->reason, reason);
	assert_int_equal(c->needs_confirm, confirm);
}

static void test_recommend_negotiation(void **state)
{
	(void)state;
	static struct core_matrix m;
	struct core_error err;
	struct core_form_choice c[CORE_FORM_COUNT];
	assert_int_equal(core_matrix_default(&m, &err), CORE_OK);
	const struct core_meeting_type *t = type_of(&m, "negotiation");

	core_matrix_recommend(t, CORE_CX_MEDIUM, CORE_SALE_SOLUTION, c);
	assert_choice(&c[0], CORE_FORM_PHYSICAL, CORE_RATING_FIRST_CHOICE, "first choice", 0);
	assert_choice(&c[1], CORE_FORM_HYBRID, CORE_RATING_POSSIBLE,
	              "possible (depends on complexity: medium)", 0);
	assert_choice(&c[2], CORE_FORM_VIRTUAL, CORE_RATING_POSSIBLE,
	              "possible (depends on complexity: medium)", 0);
	assert_choice(&c[3], CORE_FORM_PHONE, CORE_RATING_HARDLY, "hardly", 1);
	assert_int_equal(c[1].rating, CORE_RATING_DEPENDS_ON_COMPLEXITY);

	core_matrix_recommend(t, CORE_CX_HIGH, CORE_SALE_SOLUTION, c);
	assert_choice(&c[0], CORE_FORM_PHYSICAL, CORE_RATING_FIRST_CHOICE, "first choice", 0);
	assert_choice(&c[1], CORE_FORM_HYBRID, CORE_RATING_HARDLY,
	              "hardly (depends on complexity: high)", 1);
	assert_choice(&c[2], CORE_FORM_VIRTUAL, CORE_RATING_HARDLY,
	              "hardly (depends on complexity: high)", 1);
	assert_choice(&c[3], CORE_FORM_PHONE, CORE_RATING_HARDLY, "hardly", 1);

	core_matrix_recommend(t, CORE_CX_LOW, CORE_SALE_PRODUCT, c);
	assert_string_equal(c[1].reason, "possible (depends on complexity: low)");
}

static void test_recommend_first_meeting_and_booking(void **state)
{
	(void)state;
	static struct core_matrix m;
	struct core_error err;
	struct core_form_choice c[CORE_FORM_COUNT];
	assert_int_equal(core_matrix_default(&m, &err), CORE_OK);

	const struct core_meeting_type *t = type_of(&m, "first_meeting");
	core_matrix_recommend(t, CORE_CX_MEDIUM, CORE_SALE_PRODUCT, c);
	assert_choice(&c[0], CORE_FORM_PHYSICAL, CORE_RATING_FIRST_CHOICE, "first choice", 0);
	assert_choice(&c[1], CORE_FORM_HYBRID, CORE_RATING_POSSIBLE, "possible", 0);
	assert_choice(&c[2], CORE_FORM_VIRTUAL, CORE_RATING_POSSIBLE, "possible", 0);
	assert_choice(&c[3], CORE_FORM_PHONE, CORE_RATING_POSSIBLE,
	              "possible (ok for product sales)", 0);
	core_matrix_recommend(t, CORE_CX_MEDIUM, CORE_SALE_SOLUTION, c);
	assert_choice(&c[3], CORE_FORM_PHONE, CORE_RATING_HARDLY,
	              "hardly (ok for product sales only)", 1);

	/* Canvassing: the phone wins and physical (no-go) comes last. */
	core_matrix_recommend(type_of(&m, "booking"), CORE_CX_LOW, CORE_SALE_PRODUCT, c);
	assert_choice(&c[0], CORE_FORM_PHONE, CORE_RATING_OBVIOUS, "obvious", 0);
	assert_choice(&c[1], CORE_FORM_HYBRID, CORE_RATING_HARDLY, "hardly", 1);
	assert_choice(&c[2], CORE_FORM_VIRTUAL, CORE_RATING_HARDLY, "hardly", 1);
	assert_choice(&c[3], CORE_FORM_PHYSICAL, CORE_RATING_NO_GO, "no-go", 1);

	core_matrix_recommend(type_of(&m, "workshop"), CORE_CX_LOW, CORE_SALE_PRODUCT, c);
	assert_choice(&c[0], CORE_FORM_PHYSICAL, CORE_RATING_OBVIOUS, "obvious", 0);
	assert_choice(&c[3], CORE_FORM_PHONE, CORE_RATING_IMPOSSIBLE, "impossible", 1);
	core_matrix_recommend(type_of(&m, "deep_dive"), CORE_CX_LOW, CORE_SALE_PRODUCT, c);
	assert_choice(&c[3], CORE_FORM_PHONE, CORE_RATING_RULED_OUT, "ruled out", 1);
}

/* The three unusable ratings rank equal, so the form order breaks the tie;
 * an out-of-range rating (a corrupt row) sorts after them. */
static void test_recommend_ties(void **state)
{
	(void)state;
	struct core_meeting_type t;
	struct core_form_choice c[CORE_FORM_COUNT];
	memset(&t, 0, sizeof t);
	t.rating[CORE_FORM_PHYSICAL] = CORE_RATING_NO_GO;
	t.rating[CORE_FORM_HYBRID] = CORE_RATING_IMPOSSIBLE;
	t.rating[CORE_FORM_VIRTUAL] = CORE_RATING_RULED_OUT;
	t.rating[CORE_FORM_PHONE] = CORE_RATING_HARDLY;
	core_matrix_recommend(&t, CORE_CX_LOW, CORE_SALE_PRODUCT, c);
	assert_int_equal(c[0].form, CORE_FORM_PHONE);
	assert_int_equal(c[1].form, CORE_FORM_PHYSICAL);
	assert_int_equal(c[2].form, CORE_FORM_HYBRID);
	assert_int_equal(c[3].form, CORE_FORM_VIRTUAL);

	t.rating[CORE_FORM_PHYSICAL] = (enum core_rating)77;
	t.rating[CORE_FORM_HYBRID] = CORE_RATING_POSSIBLE;
	t.rating[CORE_FORM_VIRTUAL] = CORE_RATING_FIRST_CHOICE;
	t.rating[CORE_FORM_PHONE] = CORE_RATING_POSSIBLE;
	core_matrix_recommend(&t, CORE_CX_LOW, CORE_SALE_PRODUCT, c);
	assert_int_equal(c[0].form, CORE_FORM_VIRTUAL);
	assert_int_equal(c[1].form, CORE_FORM_HYBRID);
	assert_int_equal(c[2].form, CORE_FORM_PHONE);
	assert_int_equal(c[3].form, CORE_FORM_PHYSICAL);
	assert_true(c[3].needs_confirm);
	assert_string_equal(c[3].reason, "?");
}

/* --- hand-edited files ------------------------------------------------ */

static void test_flexible_header(void **state)
{
	(void)state;
	static struct core_matrix m;
	struct core_error err;
	/* Any order, any case, blanks around names, a BOM, an extra column,
	 * quoted cells, blank and empty rows, spaces around ratings. */
	const char *text =
		"\xEF\xBB\xBF\"Phone\" , TYPE,notes,Label ,brief,VIRTUAL,hybrid,Physical\n"
		"\n"
		"no_go,a,\"free, text\",\"Alpha, \"\"quoted\"\"\",alpha, first_choice ,hardly,OBVIOUS\n"
		"   \n"
		",,,,,,,\n"
		"possible,b-2,,Bjørn møde,mødet på sted,possible,possible,possible";
	assert_int_equal(parse(&m, text, &err), CORE_OK);
	assert_int_equal(m.n_types, 2);
	assert_string_equal(m.types[0].key, "a");
	assert_string_equal(m.types[0].label, "Alpha, \"quoted\"");
	assert_string_equal(m.types[0].brief, "alpha");
	assert_int_equal(m.types[0].rating[CORE_FORM_PHONE], CORE_RATING_NO_GO);
	assert_int_equal(m.types[0].rating[CORE_FORM_VIRTUAL], CORE_RATING_FIRST_CHOICE);
	assert_int_equal(m.types[0].rating[CORE_FORM_HYBRID], CORE_RATING_HARDLY);
	assert_int_equal(m.types[0].rating[CORE_FORM_PHYSICAL], CORE_RATING_OBVIOUS);
	assert_string_equal(m.types[1].key, "b-2");
	assert_string_equal(m.types[1].label, "Bjørn møde");
	assert_string_equal(m.types[1].brief, "mødet på sted");   /* 13 chars, 15 bytes */

	/* A BOM before a quoted first header cell. */
	assert_int_equal(parse(&m, "\xEF\xBB\xBF\"type\",label,brief,physical,hybrid,virtual,phone\n"
	                           ROW("x"), &err), CORE_OK);
	assert_int_equal(m.n_types, 1);
}

static void test_crlf_same_as_lf(void **state)
{
	(void)state;
	static struct core_matrix lf, crlf;
	struct core_error err;
	size_t len = 0;
	const char *asset = core_asset_find("matrix.csv", &len);
	assert_non_null(asset);
	char *text = malloc(2 * len + 1);
	assert_non_null(text);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (asset[i] == '\n')
			text[n++] = '\r';
		text[n++] = asset[i];
	}
	assert_true(n > len + 11);
	assert_int_equal(core_matrix_default(&lf, &err), CORE_OK);
	assert_int_equal(core_matrix_parse(&crlf, text, n, "crlf.csv", &err), CORE_OK);
	assert_int_equal(crlf.n_types, 12);
	for (int i = 0; i < 12; i++) {
		assert_string_equal(crlf.types[i].key, lf.types[i].key);
		assert_string_equal(crlf.types[i].label, lf.types[i].label);
		assert_string_equal(crlf.types[i].brief, lf.types[i].brief);
		assert_memory_equal(crlf.types[i].rating, lf.types[i].rating, sizeof lf.types[i].rating);
	}
	free(text);

	/* Positions stay right with CRLF line ends too. */
	assert_parse_error(COLUMNS "\r\n"
	                   "a,A,a,possible,possible,possible,possible\r\n"
	                   "\r\n"
	                   "b,B,b,possible,possble,possible,possible\r\n",
	                   "bad.csv:4:16: unknown rating 'possble' for hybrid; valid: " RATINGS);
}

static void test_unknown_rating_position(void **state)
{
	(void)state;
	assert_parse_error(HEADER ROW("a") "b,B,b,bogus,possible,possible,possible\n",
	                   "bad.csv:3:7: unknown rating 'bogus' for physical; valid: " RATINGS);
	/* Columns count characters, not bytes: "Ærø" is 3 columns. */
	assert_parse_error(HEADER ROW("a") "c,Ærø,c,  maybe,possible,possible,possible\n",
	                   "bad.csv:3:11: unknown rating 'maybe' for physical; valid: " RATINGS);
	/* A quoted cell over two lines in an ignored column moves the next
	 * row's line; the last cell of a file without a final newline. */
	struct core_matrix *m = malloc(sizeof *m);
	struct core_error err;
	assert_non_null(m);
	assert_int_equal(parse(m, "type,label,brief,physical,hybrid,virtual,phone,notes\n"
	                          "a,A,a,possible,possible,possible,possible,\"one\ntwo\"\n"
	                          "b,B,b,possible,possible,possible,nope", &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "bad.csv:4:34: unknown rating 'nope' for phone;"));
	free(m);
}

static void test_bad_quoting(void **state)
{
	(void)state;
	assert_parse_error(HEADER "x,a\"b,x,possible,possible,possible,possible\n",
	                   "bad.csv:2:4: stray quote in an unquoted cell (quote the whole cell "
	                   "and double the quotes inside)");
	assert_parse_error(HEADER ROW("a") "x,\"ab\"c,x,possible,possible,possible,possible\n",
	                   "bad.csv:3:7: text after a closing quote (a quoted cell must end at "
	                   "the comma or the line end)");
	assert_parse_error(HEADER "x,\"abc,x,possible,possible,possible,possible\n",
	                   "bad.csv:2:3: unterminated quoted cell: its closing quote is missing");
	/* The opening quote is remembered across lines. */
	assert_parse_error(HEADER ROW("a") "\n  \"x\n\n",
	                   "bad.csv:4:3: unterminated quoted cell: its closing quote is missing");
}

static void test_header_errors(void **state)
{
	(void)state;
	assert_parse_error("type,label,brief,physical,hybrid,virtual\n" ROW("a"),
	                   "bad.csv:1:1: the header lacks column(s) phone; it needs " COLUMNS);
	assert_parse_error("\n\n  type,physical,hybrid,virtual,phone,label\n",
	                   "bad.csv:3:3: the header lacks column(s) brief; it needs " COLUMNS);
	assert_parse_error("name,when,where\n",
	                   "bad.csv:1:1: the header lacks column(s) type, label, brief, physical, "
	                   "hybrid, virtual, phone; it needs " COLUMNS);
	assert_parse_error("type,label,brief,physical,hybrid,virtual,phone,Phone\n" ROW("a"),
	                   "bad.csv:1:48: column 'phone' appears twice (also column 7)");
}

static void test_empty_files(void **state)
{
	(void)state;
	assert_parse_error("", "bad.csv:1:1: empty matrix: expected the header " COLUMNS);
	assert_parse_error("\n \r\n\t\n", "bad.csv:1:1: empty matrix: expected the header " COLUMNS);
	assert_parse_error("\xEF\xBB\xBF", "bad.csv:1:1: empty matrix: expected the header " COLUMNS);
	assert_parse_error("\n" HEADER "\n\n", "bad.csv:2:1: no meeting types below the header");
	assert_parse_error(HEADER ",,,,,,\n", "bad.csv:1:1: no meeting types below the header");

	struct core_matrix *m = malloc(sizeof *m);
	struct core_error err;
	assert_non_null(m);
	assert_int_equal(core_matrix_parse(m, NULL, 0, "none.csv", &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "none.csv:1:1: empty matrix"));
	free(m);
}

static void test_row_errors(void **state)
{
	(void)state;
	assert_parse_error(HEADER ROW("a") ROW("b") ROW("a"),
	                   "bad.csv:4:1: duplicate type key 'a' (first on line 2)");
	assert_parse_error(HEADER ",A,a,possible,possible,possible,possible\n",
	                   "bad.csv:2:1: empty type key");
	assert_parse_error(HEADER " Big Deal,A,a,possible,possible,possible,possible\n",
	                   "bad.csv:2:2: type key 'Big Deal' may hold only a-z, 0-9, '_' and '-'");
	assert_parse_error(HEADER "a,A,a,possible\n",
	                   "bad.csv:2:1: row has 4 cells; the header has 7");
	assert_parse_error(HEADER "a,A,a,possible,possible,possible,possible,extra\n",
	                   "bad.csv:2:43: extra cell: the header has 7 columns");
	assert_parse_error(HEADER "a,A,a,possible,possible,,possible\n",
	                   "bad.csv:2:25: missing rating for virtual; valid: " RATINGS);
	assert_parse_error(HEADER "a,,a,possible,possible,possible,possible\n",
	                   "bad.csv:2:3: empty label");
	assert_parse_error(HEADER "a,\"two\nlines\",a,possible,possible,possible,possible\n",
	                   "bad.csv:2:3: label 'two?lines' holds a line break or another control "
	                   "character (byte 4)");
	assert_parse_error(HEADER "a,A\xff,a,possible,possible,possible,possible\n",
	                   "bad.csv:2:3: label 'A?' is not valid UTF-8");
	assert_parse_error(HEADER "a,A,fourteen chars,possible,possible,possible,possible\n",
	                   "bad.csv:2:5: brief 'fourteen chars' is 14 characters; a week cell fits 13");
	assert_parse_error(HEADER "a,A,a brief much too long,possible,possible,possible,possible\n",
	                   "bad.csv:2:5: brief 'a brief much too long…' is 21 bytes long; at most 15 fit");
}

/* Over-long cells are refused with a message, never copied past the
 * fields; the rest of the struct stays intact. */
static void test_overlong_cells(void **state)
{
	(void)state;
	char text[1024];
	char key[41], label[101];
	memset(key, 'k', 40);
	key[40] = '\0';
	memset(label, 'l', 100);
	label[100] = '\0';

	char want[200];
	snprintf(text, sizeof text, HEADER "%s,A,a,possible,possible,possible,possible\n", key);
	snprintf(want, sizeof want, "bad.csv:2:1: type key '%.39s…' is 40 characters; at most 31",
	         key);
	assert_parse_error(text, want);
	snprintf(text, sizeof text, HEADER "a,%s,a,possible,possible,possible,possible\n", label);
	struct core_matrix *m = malloc(sizeof *m);
	struct core_error err;
	assert_non_null(m);
	assert_int_equal(parse(m, text, &err), CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "bad.csv:2:3: label 'llll"));
	assert_non_null(strstr(err.msg, "is 100 bytes long; at most 63 fit"));

	/* 31 and 63 bytes are the largest that fit. */
	key[31] = '\0';
	label[63] = '\0';
	snprintf(text, sizeof text, HEADER "%s,%s,a,possible,possible,possible,possible\n", key, label);
	assert_int_equal(parse(m, text, &err), CORE_OK);
	assert_int_equal(strlen(m->types[0].key), 31);
	assert_int_equal(strlen(m->types[0].label), 63);
	free(m);
}

static void test_row_limit(void **state)
{
	(void)state;
	size_t cap = 8192, n = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	n += (size_t)snprintf(text + n, cap - n, HEADER);
	for (int i = 0; i < CORE_MATRIX_MAX_TYPES; i++)
		n += (size_t)snprintf(text + n, cap - n, "t%d,T%d,t%d,possible,hardly,possible,no_go\n",
		                      i, i, i);
	struct core_matrix *m = malloc(sizeof *m);
	struct core_error err;
	assert_non_null(m);
	assert_int_equal(parse(m, text, &err), CORE_OK);
	assert_int_equal(m->n_types, CORE_MATRIX_MAX_TYPES);
	assert_string_equal(m->types[31].key, "t31");
	assert_int_equal(m->types[31].rating[CORE_FORM_PHONE], CORE_RATING_NO_GO);

	snprintf(text + n, cap - n, "one_more,One more,one more,possible,possible,possible,possible\n");
	assert_parse_error(text, "bad.csv:34:1: too many meeting types (at most 32)");
	free(m);
	free(text);
}

static void test_load_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/pipebench-matrix.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/team.csv", dir);

	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(HEADER ROW("a") "b,B,b,possible,possible,possible,possible\n", fp);
	fclose(fp);
	struct core_matrix *m = malloc(sizeof *m);
	struct core_error err;
	assert_non_null(m);
	assert_int_equal(core_matrix_load_file(m, path, &err), CORE_OK);
	assert_int_equal(m->n_types, 2);
	assert_int_equal(core_matrix_find(m, "b"), 1);

	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(HEADER ROW("a") "b,B,b,possible,never,possible,possible\n", fp);
	fclose(fp);
	assert_int_equal(core_matrix_load_file(m, path, &err), CORE_ERR_INPUT);
	char want[200];
	snprintf(want, sizeof want, "%s:3:16: unknown rating 'never' for hybrid;", path);
	assert_non_null(strstr(err.msg, want));

	assert_int_equal(unlink(path), 0);
	assert_int_equal(core_matrix_load_file(m, path, &err), CORE_ERR_IO);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "No such file"));
	assert_int_equal(rmdir(dir), 0);
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_matrix),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_recommend_negotiation),
		cmocka_unit_test(test_recommend_first_meeting_and_booking),
		cmocka_unit_test(test_recommend_ties),
		cmocka_unit_test(test_flexible_header),
		cmocka_unit_test(test_crlf_same_as_lf),
		cmocka_unit_test(test_unknown_rating_position),
		cmocka_unit_test(test_bad_quoting),
		cmocka_unit_test(test_header_errors),
		cmocka_unit_test(test_empty_files),
		cmocka_unit_test(test_row_errors),
		cmocka_unit_test(test_overlong_cells),
		cmocka_unit_test(test_row_limit),
		cmocka_unit_test(test_load_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
