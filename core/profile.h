#ifndef CORE_PROFILE_H
#define CORE_PROFILE_H
/* A CRM profile: which columns a CRM's importer expects for each kind of
 * record, where each column's value comes from, and how it is written.
 * Profiles are data, one CSV file each (assets/profiles/NAME.csv, or a
 * team's own file), read with libcsv:
 *
 *   kind,column,field,format,values
 *   meetings,Subject,title,text,
 *   meetings,StartDateTime,starts_at,datetime_utc_ms,
 *   actions,Status,done,map,0=Not Started;1=Completed
 *
 * kind is a core_kind key; column the header the CRM expects; field a
 * field name of that kind (core/record.h), empty for a `const` column;
 * format one of the names of enum core_fmt below; values the argument of
 * `map` (KEY=VALUE pairs separated by ';', KEY the field's text or
 * number as pipebench writes it) and `const` (the text itself).  The
 * column order of the file is the column order of the export.
 *
 * Export formats a record's field into a cell; import parses a cell back
 * into the field, so every profile also reads what it writes. */

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/record.h"

#define CORE_PROFILE_NAME_MAX 64
#define CORE_PROFILE_COLUMN_MAX 96

enum core_fmt {
	CORE_FMT_TEXT,            /* "text": quoted, formula-neutralised */
	CORE_FMT_PHONE,           /* "phone": text, but a valid E.164 number
	                             (+ then 6-15 digits) is written as it is */
	CORE_FMT_INT,             /* "int": bare digits */
	CORE_FMT_REAL,            /* "real": bare, shortest exact form */
	CORE_FMT_DATE,            /* "date": 2026-11-23 (a DAY, or a TIME's
	                             local day) */
	CORE_FMT_DATETIME_UTC,    /* "datetime_utc": 2026-11-23T08:00:00Z */
	CORE_FMT_DATETIME_UTC_MS, /* "datetime_utc_ms": 2026-11-23T08:00:00.000Z
	                             (Salesforce Data Loader) */
	CORE_FMT_DATETIME_LOCAL,  /* "datetime_local": 2026-11-23 09:00 */
	CORE_FMT_EPOCH_MS,        /* "epoch_ms": 1795420800000 */
	CORE_FMT_TIME_UTC,        /* "time_utc": 08:00 */
	CORE_FMT_HHMM,            /* "hhmm": minutes as 01:30 */
	CORE_FMT_BOOL01,          /* "bool01": 0 or 1 */
	CORE_FMT_MAP,             /* "map": values says what each becomes */
	CORE_FMT_CONST,           /* "const": values, whatever the record */
	CORE_FMT_COUNT
};

const char *core_fmt_name(enum core_fmt f);

struct core_pcol {
	char column[CORE_PROFILE_COLUMN_MAX]; /* the CRM's header */
	int field;                    /* index in the kind's fields; -1: const */
	enum core_fmt fmt;
	char *values;                 /* map or const argument; owned; NULL if none */
	int line;                     /* where the profile file defines it */
};

struct core_profile {
	char name[CORE_PROFILE_NAME_MAX];       /* "salesforce" */
	struct core_pcol *col[CORE_KIND_COUNT]; /* owned; NULL: the kind is not
	                                           supported by this CRM */
	size_t ncol[CORE_KIND_COUNT];
};

/* Parses a profile file's text (len bytes, no NUL needed).  Errors are
 * CORE_ERR_INPUT "FILENAME:LINE:COLUMN: ..." (column in characters): bad
 * CSV, an unknown kind, field or format, a format that does not suit the
 * field's type, a map without values or with a KEY=VALUE pair missing its
 * '=', a column named twice for one kind.  On error *out holds nothing to
 * free.  name is copied into out->name. */
enum core_status core_profile_parse(const char *buf, size_t len, const char *filename,
                                    const char *name, struct core_profile *out,
                                    struct core_error *err);
/* Finds and parses a profile.  spec is a path when it contains a '/' or
 * ends in ".csv"; otherwise a name, looked up first as
 * CONFIG_DIR/profiles/NAME.csv (config_dir may be NULL: skipped), then
 * among the built-in assets (profiles/NAME.csv).  An unknown name is
 * CORE_ERR_INPUT listing the built-in names and where own profiles go. */
enum core_status core_profile_load(const char *spec, const char *config_dir,
                                   struct core_profile *out, struct core_error *err);
void core_profile_free(struct core_profile *p);

/* The built-in profile names, alphabetical, comma-separated, into buf. */
void core_profile_builtin_names(char *buf, size_t n);

/* How an exported cell is to be written (core/csv.h). */
enum core_cell {
	CORE_CELL_NULL,   /* nothing: an empty, unquoted cell */
	CORE_CELL_TEXT,   /* quoted and neutralised */
	CORE_CELL_PHONE,  /* as TEXT, with the E.164 exception */
	CORE_CELL_BARE    /* a number or date pipebench wrote: as it is */
};

/* The cell for column c of record r.  *out and *out_len point either into the
 * record's own text or into buf (n bytes; 64 is enough for every format
 * but text, which is never copied).  A map whose key is not listed writes
 * the value unchanged, as text. */
enum core_cell core_profile_format(const struct core_pcol *c, const struct core_record *r,
                                   char *buf, size_t n, const char **out,
                                   size_t *out_len);

/* Import: parses one cell (len bytes at s; is_null for an empty unquoted
 * cell) of column c into r's field.  Text is un-neutralised (core/csv.h)
 * and must be valid UTF-8 without control characters other than tab,
 * CR and LF; dates and times must be real (no 2026-02-30), numbers whole
 * numbers where the field is INT; a map's value must be listed (any case).
 * Text values point into s.  A const column checks nothing.  On error,
 * CORE_ERR_INPUT with a message that names no position (the caller knows
 * it) but quotes the cell: `bad date "2026-13-01" (want 2026-11-23)`. */
enum core_status core_profile_parse_cell(const struct core_pcol *c, const char *s,
                                         size_t len, int is_null, struct core_record *r,
                                         struct core_error *err);

/* Header matching for import: 1 when a CSV header names a column, ignoring
 * ASCII case, blanks, '_' and '-' (so "Start Date Time", "startdatetime"
 * and "START_DATE_TIME" all name "StartDateTime").  The caller strips a
 * BOM (core/csv.h does). */
int core_profile_header_match(const char *header, size_t len, const char *column);

/* Maps a header row of n cells to profile p's columns of kind k: map[i] is
 * the index into p->col[k] of the column cell i names, or -1 when it names
 * none of them.  A header that names a field of the kind directly (the
 * generic profile's names) maps to that field when the profile has no
 * column for it: *extra gets such columns (owned, free with
 * core_profile_extra_free), and map[i] then is ncol[k] + their index.
 * Errors (CORE_ERR_INPUT, no position; the caller says line 1): the
 * profile has no such kind; a column named twice; a required field of the
 * kind that no cell supplies (through its column or a derived field that
 * core_record_underive reads back). */
enum core_status core_profile_map_header(const struct core_profile *p, enum core_kind k,
                                         const char *const *cells, const size_t *lens,
                                         size_t n, int *map, struct core_pcol **extra,
                                         size_t *n_extra, struct core_error *err);
void core_profile_extra_free(struct core_pcol *extra, size_t n);

#endif
