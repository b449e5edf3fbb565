/* Preparation checklists (core/checklist.h): the shipped assets, the
 * article's hybrid list, the line format, and the FILE:LINE:COLUMN errors a
 * hand-edited file gets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/checklist.h"
#include "fixture.h"

static enum core_status parse(struct core_checklist *cl, const char *text,
                              struct core_error *err)
{
	core_error_clear(err);
	return core_checklist_parse(text, strlen(text), "team.txt", CORE_FORM_HYBRID, cl, err);
}

/* Parses text that must fail, and checks the whole message. */
static void assert_parse_error(const char *text, const char *msg)
{
	struct core_checklist cl;
	struct core_error err;
	cl.n_items = 99;
	assert_int_equal(parse(&cl, text, &err), CORE_ERR_INPUT);
	assert_int_equal(err.code, CORE_ERR_INPUT);
	assert_string_equal(err.msg, msg);
	assert_int_equal(cl.n_items, 0);
	assert_int_equal(cl.form, CORE_FORM_HYBRID);
}

static const char *text_of(const struct core_checklist *cl, const char *key)
{
	int i = core_checklist_find(cl, key);
	if (i < 0)
		fail_msg("no item '%s' in the %s list", key, core_form_key(cl->form));
	return cl->items[i].text;
}

static void test_every_asset_parses(void **state)
{
	(void)state;
	/* Four forms, and the minimum items a useful list of each has. */
	static const int least[CORE_FORM_COUNT] = {8, 10, 8, 3};
	for (int f = 0; f < CORE_FORM_COUNT; f++) {
		char name[64];
		snprintf(name, sizeof name, "checklists/%s.txt", core_form_key((enum core_form)f));
		size_t len = 0;
		assert_non_null(core_asset_find(name, &len));
		assert_true(len > 0);

		struct core_checklist cl;
		struct core_error err = { CORE_OK, "" };
		enum core_status st = core_checklist_for_form((enum core_form)f, &cl, &err);
		if (st != CORE_OK)
			fail_msg("%s", err.msg);
		assert_int_equal(cl.form, f);
		assert_true(cl.n_items >= least[f]);
		assert_true(cl.n_items <= CORE_CHECKLIST_MAX_ITEMS);
		for (int i = 0; i < cl.n_items; i++) {
			assert_true(core_checklist_key_valid(cl.items[i].key));
			assert_true(strlen(cl.items[i].text) > 10);
			assert_int_equal(cl.items[i].ticked, 0);
			assert_true(cl.items[i].line > 1); /* below the format header */
			assert_int_equal(core_checklist_find(&cl, cl.items[i].key), i);
		}
		/* Every list starts with the purpose, so its tick carries over when a
		 * meeting changes form. */
		assert_string_equal(cl.items[0].key, "purpose");
	}
}

static void test_hybrid_is_the_articles(void **state)
{
	(void)state;
	struct core_checklist cl;
	struct core_error err;
	assert_int_equal(core_checklist_for_form(CORE_FORM_HYBRID, &cl, &err), CORE_OK);
	assert_string_equal(text_of(&cl, "room-ready"), "Room ready before the customer joins");
	assert_string_equal(text_of(&cl, "room-muted"),
	                    "Everyone in the room muted, one speaker connected");
	assert_string_equal(text_of(&cl, "welcome-online"),
	                    "Welcome the online participants first");
	assert_string_equal(text_of(&cl, "own-screen"),
	                    "Everyone on their own screen, also those in the room");
	assert_string_equal(text_of(&cl, "no-voice-of-god"),
	                    "No \"Voice of God\": no one online with the camera off "
	                    "breaking in");
	assert_string_equal(text_of(&cl, "involve"),
	                    "Frequent involving questions and check-ins in the chat");
	assert_string_equal(text_of(&cl, "whiteboard"), "A shared whiteboard for the joint task");
	/* The preparation virtual and hybrid meetings need more of. */
	assert_non_null(strstr(text_of(&cl, "agenda"), "Agenda"));
	assert_non_null(strstr(text_of(&cl, "pains"), "acceptances"));
	assert_non_null(strstr(text_of(&cl, "small-talk"), "Small talk planned"));
	/* In the order of the day: the room before the welcome. */
	assert_true(core_checklist_find(&cl, "room-ready") <
	            core_checklist_find(&cl, "welcome-online"));
}

static void test_virtual_physical_phone_own_lists(void **state)
{
	(void)state;
	struct core_checklist v, p, t;
	struct core_error err;
	assert_int_equal(core_checklist_for_form(CORE_FORM_VIRTUAL, &v, &err), CORE_OK);
	assert_int_equal(core_checklist_for_form(CORE_FORM_PHYSICAL, &p, &err), CORE_OK);
	assert_int_equal(core_checklist_for_form(CORE_FORM_PHONE, &t, &err), CORE_OK);

	assert_non_null(strstr(text_of(&v, "camera-on"), "Cameras on"));
	assert_non_null(strstr(text_of(&v, "buying-centre"), "buying centre"));
	assert_non_null(strstr(text_of(&v, "short"), "Short and focused"));
	assert_non_null(strstr(text_of(&v, "attention"), "Attention"));
	assert_int_equal(core_checklist_find(&v, "room-muted"), -1);

	assert_non_null(strstr(text_of(&p, "route"), "route"));
	assert_non_null(strstr(text_of(&p, "walk-through"), "walk through the business"));
	assert_non_null(strstr(text_of(&p, "material"), "creative work"));
	assert_int_equal(core_checklist_find(&p, "camera-on"), -1);

	assert_true(t.n_items <= 6);
	assert_non_null(strstr(text_of(&t, "next-step"), "Next step"));
}

static void test_format(void **state)
{
	(void)state;
	struct core_checklist cl;
	struct core_error err;
	const char *text =
		"\xEF\xBB\xBF# a team's list\r\n"
		"\r\n"
		"   # an indented comment\n"
		"agenda   Agenda sent   \r\n"
		"\tprice-2\tPrice list #2 for Østerbro Hus\t\n"
		"   \t\n"
		"smørrebrød-free  x\n";
	/* The last line's key is not ASCII: everything before it counts. */
	assert_int_equal(parse(&cl, text, &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg,
	                    "team.txt:7:3: 'ø' in key 'smørrebrød-free': a key holds only "
	                    "a-z, 0-9 and '-'");

	text = "# æøå in a comment\n"
	       "agenda   Agenda sent   \r\n"
	       "\tprice-2\tPrice list #2 for Østerbro Hus\tand\tÆbletoft\n"
	       "k Blåbærgrød på Ærø";  /* no final line end */
	assert_int_equal(parse(&cl, text, &err), CORE_OK);
	assert_int_equal(cl.form, CORE_FORM_HYBRID);
	assert_int_equal(cl.n_items, 3);
	assert_string_equal(cl.items[0].key, "agenda");
	assert_string_equal(cl.items[0].text, "Agenda sent");
	assert_int_equal(cl.items[0].line, 2);
	assert_string_equal(cl.items[1].key, "price-2");
	assert_string_equal(cl.items[1].text, "Price list #2 for Østerbro Hus and Æbletoft");
	assert_int_equal(cl.items[1].line, 3);
	assert_string_equal(cl.items[2].key, "k");
	assert_string_equal(cl.items[2].text, "Blåbærgrød på Ærø");
	assert_int_equal(cl.items[2].line, 4);
	assert_int_equal(core_checklist_find(&cl, "price-2"), 1);
	assert_int_equal(core_checklist_find(&cl, "Price-2"), -1);
	assert_int_equal(core_checklist_find(&cl, NULL), -1);
}

static void test_empty_is_valid(void **state)
{
	(void)state;
	struct core_checklist cl;
	struct core_error err;
	cl.n_items = 5;
	assert_int_equal(parse(&cl, "", &err), CORE_OK);
	assert_int_equal(cl.n_items, 0);
	cl.n_items = 5;
	assert_int_equal(parse(&cl, "# nothing for phone calls\n\n   \n", &err), CORE_OK);
	assert_int_equal(cl.n_items, 0);
	cl.n_items = 5;
	assert_int_equal(core_checklist_parse(NULL, 10, NULL, CORE_FORM_PHONE, &cl, &err),
	                 CORE_OK);
	assert_int_equal(cl.n_items, 0);
	assert_int_equal(cl.form, CORE_FORM_PHONE);
}

static void test_key_errors(void **state)
{
	(void)state;
	assert_parse_error("Room-ready  Room ready\n",
	                   "team.txt:1:1: 'R' in key 'Room-ready': a key holds only a-z, "
	                   "0-9 and '-'");
	assert_parse_error("# list\n\nroom_ready  Room ready\n",
	                   "team.txt:3:5: '_' in key 'room_ready': a key holds only a-z, "
	                   "0-9 and '-'");
	assert_parse_error("ok  fine\n  bød  Bring bread\n",
	                   "team.txt:2:4: 'ø' in key 'bød': a key holds only a-z, 0-9 and '-'");
	/* 31 characters fit, 32 do not. */
	struct core_checklist cl;
	struct core_error err;
	assert_int_equal(parse(&cl, "abcdefghijklmnopqrstuvwxyz-1234  fits\n", &err), CORE_OK);
	assert_string_equal(cl.items[0].key, "abcdefghijklmnopqrstuvwxyz-1234");
	assert_parse_error("abcdefghijklmnopqrstuvwxyz-12345  too long\n",
	                   "team.txt:1:1: key 'abcdefghijklmnopqrstuvwxyz-12345' is 32 "
	                   "characters; at most 31");
	assert_parse_error("a x\nb y\n  a  again\n",
	                   "team.txt:3:3: duplicate key 'a' (first on line 1)");
}

static void test_text_errors(void **state)
{
	(void)state;
	assert_parse_error("purpose  Purpose\nagenda\n",
	                   "team.txt:2:7: item 'agenda' has no text: write the key, a blank, "
	                   "then the text");
	assert_parse_error("agenda \t  \r\n",
	                   "team.txt:1:7: item 'agenda' has no text: write the key, a blank, "
	                   "then the text");

	/* 159 bytes fit, 160 do not; æ is two bytes. */
	char line[512];
	char aes[200] = "";
	for (int i = 0; i < 79; i++)
		strcat(aes, "æ");
	struct core_checklist cl;
	struct core_error err;
	snprintf(line, sizeof line, "k  %sa\n", aes);
	assert_int_equal(parse(&cl, line, &err), CORE_OK);
	assert_int_equal(strlen(cl.items[0].text), 159);
	snprintf(line, sizeof line, "k  %sæ\n", aes);
	assert_parse_error(line, "team.txt:1:4: text is 160 bytes; at most 159 fit");
	snprintf(line, sizeof line, "\n\n   long-one\t%sæ\n", aes);
	assert_parse_error(line, "team.txt:3:13: text is 160 bytes; at most 159 fit");
}

static void test_too_many_items(void **state)
{
	(void)state;
	char text[2048] = "# thirty-three\n";
	for (int i = 1; i <= 33; i++) {
		char line[64];
		snprintf(line, sizeof line, "item-%d  Item %d\n", i, i);
		strcat(text, line);
	}
	assert_parse_error(text, "team.txt:34:1: too many items: at most 32");
	/* Thirty-two are fine. */
	*strstr(text, "item-33") = '\0';
	struct core_checklist cl;
	struct core_error err;
	assert_int_equal(parse(&cl, text, &err), CORE_OK);
	assert_int_equal(cl.n_items, 32);
	assert_string_equal(cl.items[31].text, "Item 32");
}

static void test_bytes_errors(void **state)
{
	(void)state;
	/* Latin-1 "blåbær": the file was not saved as UTF-8. */
	assert_parse_error("k  bl\xe5" "b\xe6r\n",
	                   "team.txt:1:6: invalid UTF-8 (byte 0xE5); save the file as UTF-8");
	assert_parse_error("ok  fine\n# S\xf8ren's list\n",
	                   "team.txt:2:4: invalid UTF-8 (byte 0xF8); save the file as UTF-8");
	/* A sequence cut short by the line end, an overlong '/', a surrogate. */
	assert_parse_error("k  æø\xc3\n",
	                   "team.txt:1:6: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
	assert_parse_error("k  a\xc0\xaf\n",
	                   "team.txt:1:5: invalid UTF-8 (byte 0xC0); save the file as UTF-8");
	assert_parse_error("k  a\xed\xa0\x80\n",
	                   "team.txt:1:5: invalid UTF-8 (byte 0xED); save the file as UTF-8");
	assert_parse_error("k  å\x01" "b\n",
	                   "team.txt:1:5: control character (byte 0x01); a line holds text "
	                   "and tabs only");
	assert_parse_error("k  one\rtwo\n",
	                   "team.txt:1:7: control character (byte 0x0D); a line holds text "
	                   "and tabs only");
	struct core_checklist cl;
	struct core_error err;
	assert_int_equal(core_checklist_parse("k  a\0b\n", 7, "nul.txt", CORE_FORM_PHONE, &cl,
	                                      &err), CORE_ERR_INPUT);
	assert_string_equal(err.msg, "nul.txt:1:5: control character (byte 0x00); a line "
	                             "holds text and tabs only");
	/* Four-byte characters are text like any other. */
	assert_int_equal(parse(&cl, "k  Tak 🙂\n", &err), CORE_OK);
	assert_string_equal(cl.items[0].text, "Tak 🙂");
}

static void test_load_file(void **state)
{
	(void)state;
	char dir[FIXTURE_DIR_MAX], path[FIXTURE_PATH_MAX];
	fixture_dir_make(dir, sizeof dir, "checklist");
	snprintf(path, sizeof path, "%s/hybrid.txt", dir);

	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("# Our own hybrid list\nroom-ready  Mødelokalet klar før kunden\n"
	      "coffee  Kaffe til alle, også dem online? Nej.\n", fp);
	fclose(fp);
	struct core_checklist cl;
	struct core_error err = { CORE_OK, "" };
	assert_int_equal(core_checklist_load_file(path, CORE_FORM_HYBRID, &cl, &err), CORE_OK);
	assert_int_equal(cl.n_items, 2);
	assert_int_equal(cl.form, CORE_FORM_HYBRID);
	assert_string_equal(cl.items[0].text, "Mødelokalet klar før kunden");

	/* The message names the team's file, not the asset. */
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("room-ready  ok\nRoom  no\n", fp);
	fclose(fp);
	assert_int_equal(core_checklist_load_file(path, CORE_FORM_HYBRID, &cl, &err),
	                 CORE_ERR_INPUT);
	char want[512];
	snprintf(want, sizeof want,
	         "%s:2:1: 'R' in key 'Room': a key holds only a-z, 0-9 and '-'", path);
	assert_string_equal(err.msg, want);
	assert_int_equal(cl.n_items, 0);

	/* Anything past 256 KiB is the wrong file. */
	fp = fopen(path, "w");
	assert_non_null(fp);
	for (int i = 0; i < 256 * 1024 / 8 + 1; i++)
		fputs("#######\n", fp);
	fclose(fp);
	assert_int_equal(core_checklist_load_file(path, CORE_FORM_HYBRID, &cl, &err),
	                 CORE_ERR_INPUT);
	assert_non_null(strstr(err.msg, "too large for a checklist"));

	remove(path);
	assert_int_equal(core_checklist_load_file(path, CORE_FORM_VIRTUAL, &cl, &err),
	                 CORE_ERR_IO);
	snprintf(want, sizeof want, "cannot open checklist '%s': No such file or directory",
	         path);
	assert_string_equal(err.msg, want);
	assert_int_equal(cl.n_items, 0);
	fixture_dir_remove(dir);
}

static void test_key_valid_and_bad_form(void **state)
{
	(void)state;
	assert_true(core_checklist_key_valid("room-ready"));
	assert_true(core_checklist_key_valid("a"));
	assert_true(core_checklist_key_valid("abcdefghijklmnopqrstuvwxyz-1234"));
	assert_false(core_checklist_key_valid("abcdefghijklmnopqrstuvwxyz-12345"));
	assert_false(core_checklist_key_valid(""));
	assert_false(core_checklist_key_valid(NULL));
	assert_false(core_checklist_key_valid("Room"));
	assert_false(core_checklist_key_valid("room ready"));
	assert_false(core_checklist_key_valid("rød"));

	struct core_checklist cl;
	struct core_error err;
	assert_int_equal(core_checklist_for_form(CORE_FORM_COUNT, &cl, &err), CORE_ERR_INPUT);
	assert_int_equal(cl.n_items, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_asset_parses),
		cmocka_unit_test(test_hybrid_is_the_articles),
		cmocka_unit_test(test_virtual_physical_phone_own_lists),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_empty_is_valid),
		cmocka_unit_test(test_key_errors),
		cmocka_unit_test(test_text_errors),
		cmocka_unit_test(test_too_many_items),
		cmocka_unit_test(test_bytes_errors),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_key_valid_and_bad_form),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
