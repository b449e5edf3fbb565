/* pipebench checklist: show the preparation checklist of a contact form,
 * check a checklist file, make one the team's own, or go back to the
 * asset.  In a team the manager runs it on the team file
 * (pipebench --db DIR/team.db checklist load ...) and every seller's
 * pipebench copies it in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/checklist.h"
#include "core/domain.h"
#include "db/conn.h"
#include "db/settings.h"

static const char checklist_usage[] =
	"usage: pipebench checklist show FORM | check FORM FILE | load FORM FILE | reset FORM\n"
	"       (FORM: physical, hybrid, virtual or phone)";

/* The list in the checklist file format, so it can be saved, edited and
 * loaded again. */
static void checklist_print(const struct core_checklist *cl, int from_db)
{
	printf("# %s checklist: %s\n", core_form_key(cl->form),
	       from_db ? "the team's own" : "pipebench's default");
	for (int i = 0; i < cl->n_items; i++)
		printf("%-16s %s\n", cl->items[i].key, cl->items[i].text);
}

enum core_status cli_checklist_run(const struct cli_ctx *ctx, int argc, char **argv,
                                   struct core_error *err)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	int wants_file = strcmp(cmd, "check") == 0 || strcmp(cmd, "load") == 0;
	if ((!wants_file && strcmp(cmd, "show") != 0 && strcmp(cmd, "reset") != 0) ||
	    argc != (wants_file ? 4 : 3))
		return core_error_set(err, CORE_ERR_INPUT, "%s", checklist_usage);
	enum core_form form;
	if (core_form_parse(argv[2], &form) != 0)
		return core_error_set(err, CORE_ERR_INPUT, "checklist: '%s' is not a contact "
		                      "form (physical, hybrid, virtual or phone)", argv[2]);
	char *text = NULL;
	size_t len = 0;
	struct core_checklist cl;
	enum core_status st = CORE_OK;
	/* A file is read and parsed whole before the database is touched, so a
	 * malformed one changes nothing. */
	if (wants_file)
		st = core_checklist_read_file(argv[3], &text, &len, err);
	if (st == CORE_OK && wants_file)
		st = core_checklist_parse(text, len, argv[3], form, &cl, err);
	if (st == CORE_OK && strcmp(cmd, "check") == 0) {
		printf("%s: ok, %d items for %s meetings\n", argv[3], cl.n_items, argv[2]);
		free(text);
		return CORE_OK;
	}
	struct db *db = NULL;
	if (st == CORE_OK)
		st = db_open(ctx->db_path, DB_OPEN_CREATE, &db, err);
	int from_db = 0;
	if (st == CORE_OK && strcmp(cmd, "show") == 0) {
		st = db_checklist_get(db, form, &cl, &from_db, err);
		if (st == CORE_OK)
			checklist_print(&cl, from_db);
	} else if (st == CORE_OK && strcmp(cmd, "load") == 0) {
		st = db_checklist_set(db, form, text, len, argv[3], err);
		if (st == CORE_OK)
			printf("checklist: %d items from %s are now the team's %s checklist\n",
			       cl.n_items, argv[3], argv[2]);
	} else if (st == CORE_OK) {
		st = db_checklist_set(db, form, NULL, 0, NULL, err);
		if (st == CORE_OK)
			printf("checklist: %s meetings use pipebench's default checklist again\n",
			       argv[2]);
	}
	db_close(db);
	free(text);
	return st;
}
