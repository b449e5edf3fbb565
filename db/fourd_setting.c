/* The team's 4D threshold: above which share of Delivery meetings the week
 * warns.  One row in table setting, its value a whole percent as text (the
 * column's affinity is TEXT, so that is how SQLite keeps it anyway). */
#include "db/settings.h"

#include <stdio.h>

#include "core/fourd.h"
#include "core/meeting.h"
#include "db/internal.h"

#define FOURD_KEY "delivery_share_warn"

/* A whole percent 1..100 written as plain digits, else -1.  Strict: the
 * value is only ever written by db_fourd_threshold_set, so anything else
 * is a hand edit that should be seen, not guessed at. */
static int threshold_parse(const char *s)
{
	int v = 0, digits = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (++digits > 3)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (digits == 0 || *s != '\0' || v < CORE_FOURD_THRESHOLD_MIN ||
	    v > CORE_FOURD_THRESHOLD_MAX)
		return -1;
	return v;
}

enum core_status db_fourd_threshold_get(struct db *db, int *out,
                                        struct core_error *err)
{
	*out = CORE_FOURD_THRESHOLD_DEFAULT;
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "SELECT value FROM setting WHERE key = '"
	                                FOURD_KEY "'", &st, err);
	if (s != CORE_OK)
		return s;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		int v = threshold_parse(db_column_text(st, 0));
		/* Quoted in the message, cut at a character boundary. */
		char text[48];
		core_utf8_copy(text, sizeof text, db_column_text(st, 0));
		if (v < 0)
			s = core_error_set(err, CORE_ERR_DB,
			                   "%s: the setting " FOURD_KEY " is '%s', not a "
			                   "whole percent from %d to %d (fix it with: pipebench "
			                   "settings delivery-share N)", db_path(db), text,
			                   CORE_FOURD_THRESHOLD_MIN, CORE_FOURD_THRESHOLD_MAX);
		else
			*out = v;
	}
	sqlite3_finalize(st);
	if (s != CORE_OK)
		return s;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the 4D threshold", err);
	return CORE_OK;
}

enum core_status db_fourd_threshold_write(struct db *db, int percent,
                                          struct core_error *err)
{
	/* Plain digits, as threshold_parse reads them back. */
	char value[8];
	snprintf(value, sizeof value, "%d", percent);
	sqlite3_stmt *st;
	enum core_status s = db_prepare(db, "INSERT INTO setting(key, value) VALUES ('"
	                                FOURD_KEY "', ?1) ON CONFLICT (key) DO UPDATE "
	                                "SET value = excluded.value", &st, err);
	if (s != CORE_OK)
		return s;
	sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CORE_OK : db_fail(db, rc, "saving the 4D threshold", err);
}

enum core_status db_fourd_threshold_set(struct db *db, int percent,
                                        struct core_error *err)
{
	if (percent < CORE_FOURD_THRESHOLD_MIN || percent > CORE_FOURD_THRESHOLD_MAX)
		return core_error_set(err, CORE_ERR_INPUT,
		                      "the Delivery share must be a whole percent from %d "
		                      "to %d, not %d", CORE_FOURD_THRESHOLD_MIN,
		                      CORE_FOURD_THRESHOLD_MAX, percent);
	enum core_status s = db_tx_begin(db, err);
	if (s == CORE_OK)
		s = db_fourd_threshold_write(db, percent, err);
	return db_tx_end(db, s, err);
}
