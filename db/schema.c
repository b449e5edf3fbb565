#include "db/schema.h"

#include <stddef.h>

#include "db/conn.h"

/* Enums are stored as the core key strings (core_battlefield_key and
 * friends), so the file reads well in the sqlite3 shell and a new key is a
 * CHECK change, not a renumbering.  Times are Unix seconds. */
static const char *const schema_steps[] = {
	/* 1: sellers, accounts, contacts, meetings, team settings */
	"CREATE TABLE seller (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,\n"
	"  created_at INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE account (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL,\n"
	"  org_no TEXT,\n"
	"  city TEXT,\n"
	"  km REAL,\n"
	"  travel_min INTEGER,\n"
	"  crm_id TEXT,\n"
	"  owner_id INTEGER REFERENCES seller(id),\n"
	"  created_at INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX account_name ON account(name COLLATE NOCASE);\n"
	"CREATE INDEX account_owner ON account(owner_id);\n"
	"CREATE TABLE contact (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,\n"
	"  name TEXT NOT NULL,\n"
	"  email TEXT,\n"
	"  phone TEXT,\n"
	"  role TEXT,\n"
	"  level TEXT,\n"
	"  crm_id TEXT,\n"
	"  created_at INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX contact_account ON contact(account_id);\n"
	"CREATE TABLE meeting (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  seller_id INTEGER NOT NULL REFERENCES seller(id),\n"
	"  account_id INTEGER NOT NULL REFERENCES account(id),\n"
	"  starts_at INTEGER NOT NULL,\n"
	"  duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),\n"
	"  battlefield TEXT NOT NULL CHECK (battlefield IN ('resale','upsell','new')),\n"
	"  type TEXT NOT NULL CHECK (type <> ''),\n"
	"  form TEXT NOT NULL CHECK (form IN ('physical','hybrid','virtual','phone')),\n"
	"  dim TEXT NOT NULL\n"
	"    CHECK (dim IN ('delivery','development','discovery','destination')),\n"
	"  complexity TEXT NOT NULL CHECK (complexity IN ('low','medium','high')),\n"
	"  sale TEXT NOT NULL CHECK (sale IN ('product','solution')),\n"
	"  status TEXT NOT NULL DEFAULT 'planned'\n"
	"    CHECK (status IN ('planned','held','cancelled')),\n"
	"  form_reason TEXT NOT NULL DEFAULT '',\n"
	"  created_at INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL\n"
	");\n"
	/* The week query. */
	"CREATE INDEX meeting_seller_start ON meeting(seller_id, starts_at);\n"
	/* What changed since: exports and other processes. */
	"CREATE INDEX meeting_updated ON meeting(updated_at);\n"
	/* An account's last visit, and the foreign key's child index. */
	"CREATE INDEX meeting_account ON meeting(account_id, starts_at);\n"
	/* Weekly visit targets; seller_id 0 is the team default, so it has no
	 * foreign key. */
	"CREATE TABLE target (\n"
	"  seller_id INTEGER NOT NULL,\n"
	"  battlefield TEXT NOT NULL CHECK (battlefield IN ('resale','upsell','new')),\n"
	"  visits REAL NOT NULL CHECK (visits >= 0),\n"
	"  PRIMARY KEY (seller_id, battlefield)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE form_weight (\n"
	"  form TEXT PRIMARY KEY CHECK (form IN ('physical','hybrid','virtual','phone')),\n"
	"  weight REAL NOT NULL CHECK (weight >= 0)\n"
	") WITHOUT ROWID;\n"
	/* The team's own matrix; no rows means the default asset.  Ratings are
	 * core rating keys, checked when read. */
	"CREATE TABLE matrix_type (\n"
	"  position INTEGER PRIMARY KEY,\n"
	"  key TEXT NOT NULL UNIQUE,\n"
	"  label TEXT NOT NULL,\n"
	"  brief TEXT NOT NULL,\n"
	"  physical TEXT NOT NULL,\n"
	"  hybrid TEXT NOT NULL,\n"
	"  virtual TEXT NOT NULL,\n"
	"  phone TEXT NOT NULL\n"
	");\n"
	"CREATE TABLE setting (\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT\n"
	") WITHOUT ROWID;\n",
};

_Static_assert(sizeof schema_steps / sizeof schema_steps[0] == DB_SCHEMA_VERSION,
               "DB_SCHEMA_VERSION must equal the number of migration steps");

const char *db_schema_step(int to)
{
	if (to < 1 || (size_t)to > sizeof schema_steps / sizeof schema_steps[0])
		return NULL;
	return schema_steps[to - 1];
}
