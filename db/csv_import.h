#ifndef DB_CSV_IMPORT_H
#define DB_CSV_IMPORT_H
/* The whole import of one CSV file a CRM wrote: its header mapped to a
 * profile's columns (core/profile.h), each cell parsed into a record,
 * each record validated and stored (db/import.h), all in one
 * transaction.  `pipebench import` calls this.
 *
 * Every problem is found, not just the first: a bad cell, a missing
 * required value, an unknown account or battlefield, each reported as
 *   FILE:LINE:COLUMN: column "HEADER": message
 * where LINE and COLUMN (in characters, both from 1) are where the cell
 * begins in the file; a missing value points at the row's first cell.
 * One bad row and nothing is imported, unless skip_bad: then the good
 * rows are, and the bad ones go to a rejects file beside the input
 * (in.csv -> in.rejects.csv, replaced whole if it exists) holding the
 * header, then each bad row's cells as read and a last column
 * "pipebench_errors" with its problems, so nothing is lost: fix the rows
 * there and import that file.  A dry run does all of it, then rolls back
 * and writes no file. */

#include "core/error.h"
#include "core/profile.h"
#include "core/record.h"
#include "db/conn.h"

/* How many problems a report keeps to show; the rest are counted. */
#define DB_CSV_IMPORT_SHOWN 20
#define DB_CSV_IMPORT_MSG_MAX 640
#define DB_CSV_IMPORT_PATH_MAX 4096

struct db_csv_import {
	const struct core_profile *profile; /* the caller's */
	enum core_kind kind;                /* accounts, contacts or meetings */
	const char *path;                   /* the CSV file */
	int dry_run;
	int skip_bad;
};

struct db_csv_import_report {
	long long rows;          /* records read, the header not counted */
	long long created, updated, rejected;
	long long sellers_created;
	long long problems;      /* every problem found, in all rows */
	int shown;               /* the first of them, in file order: */
	char msg[DB_CSV_IMPORT_SHOWN][DB_CSV_IMPORT_MSG_MAX];
	char rejects[DB_CSV_IMPORT_PATH_MAX]; /* the rejects file written, or "" */
	int complete;            /* 1 when every row was read and checked */
	int committed;           /* 1 when the rows are in the database */
};

/* Runs the import and fills *rep (also when it fails: the problems found
 * so far).  CORE_OK when the rows were stored (some rejected under
 * skip_bad) or, in a dry run, would be.  CORE_ERR_INPUT when rows are bad
 * and skip_bad is off (nothing stored), for a header that does not fit
 * the profile, and for malformed CSV (FILE:LINE:COLUMN); CORE_ERR_IO for
 * a file that cannot be read or a rejects file that cannot be written;
 * CORE_ERR_BUSY when another process holds the database.  Only a CORE_OK
 * that is not a dry run leaves anything written. */
enum core_status db_csv_import(struct db *db, const struct db_csv_import *x,
                               struct db_csv_import_report *rep, struct core_error *err);

/* The rejects file of path: its name with ".csv" (any case) replaced by,
 * or else followed by, ".rejects.csv".  CORE_ERR_INPUT when it does not
 * fit n bytes. */
enum core_status db_csv_import_rejects_path(const char *path, char *buf, size_t n,
                                            struct core_error *err);

#endif
