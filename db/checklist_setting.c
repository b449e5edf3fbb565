/* The team's own preparation checklists: the text of a checklist file per
 * contact form, parsed by core/checklist.c whenever it is read, so the
 * file format stays the one place that says what a checklist is. */
#include "db/settings.h"

#include <stdio.h>

#include "core/domain.h"
#include "db/internal.h"

enum core_status db_checklist_get(struct db *db, enum core_form form,
                                  struct core_checklist *out, int *from_db,
                                  struct core_error *err)
{
	if (from_db != NULL)
		*from_db = 0;
	if ((unsigned)form >= CORE_FORM_COUNT)
		return core_checklist_for_form(form, out, err);
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT text FROM checklist WHERE form = ?1",
	                                &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, core_form_key(form), -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char shown[600];
		snprintf(shown, sizeof shown, "%s: the team's %s checklist", db_path(db),
		         core_form_key(form));
		const char *text = (const char *)sqlite3_column_blob(st, 0);
		int len = sqlite3_column_bytes(st, 0);
		s = core_checklist_parse(text != NULL ? text : "", (size_t)len, shown, form,
		                         out, err);
		if (s == CORE_OK && from_db != NULL)
			*from_db = 1;
	} else if (rc == SQLITE_DONE) {
		s = core_checklist_for_form(form, out, err);
	} else {
		s = db_fail(db, rc, "reading the team's checklist", err);
	}
	sqlite3_finalize(st);
	return s;
}

enum core_status db_checklist_set(struct db *db, enum core_form form, const char *text,
                                  size_t len, const char *filename,
                                  struct core_error *err)
{
	if ((unsigned)form >= CORE_FORM_COUNT)
		return core_error_set(err, CORE_ERR_INPUT, "no contact form %d", (int)form);
	struct core_checklist parsed;
	enum core_status s = CORE_OK;
	if (text != NULL)
		s = core_checklist_parse(text, len, filename, form, &parsed, err);
	sqlite3_stmt *st = NULL;
	if (s == CORE_OK)
		s = db_tx_begin(db, err);
	else
		return s;
	if (s == CORE_OK)
		s = db_prepare(db, text != NULL
		               ? "INSERT OR REPLACE INTO checklist(form, text) VALUES (?1, ?2)"
		               : "DELETE FROM checklist WHERE form = ?1", &st, err);
	if (s == CORE_OK) {
		sqlite3_bind_text(st, 1, core_form_key(form), -1, SQLITE_STATIC);
		if (text != NULL)
			sqlite3_bind_text(st, 2, text, (int)len, SQLITE_STATIC);
		s = db_step_write(db, st, "storing the team's checklist", NULL, err);
	}
	return db_tx_end(db, s, err);
}
