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

	/* 2: preparation, minutes, follow-up actions, participants, ticked
	 * checklist items.  The meeting keeps its preparation (it is written
	 * before the meeting); minutes are their own row, written after. */
	"ALTER TABLE meeting ADD COLUMN purpose TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE meeting ADD COLUMN agenda TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE meeting ADD COLUMN pains TEXT NOT NULL DEFAULT '';\n"
	"CREATE TABLE minutes (\n"
	"  meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  summary TEXT NOT NULL DEFAULT '',\n"
	"  needs TEXT NOT NULL DEFAULT '',\n"
	"  agreed TEXT NOT NULL DEFAULT '',\n"
	"  notes TEXT NOT NULL DEFAULT '',\n"
	"  updated_at INTEGER NOT NULL\n"
	");\n"
	/* A follow-up action.  The owner is us (the seller) when
	 * owner_contact_id is NULL, else a named contact at the customer.  due
	 * is a local calendar day (days since 1970-01-01), not an instant: a
	 * due date does not move when the seller travels.  done_at NULL: open. */
	"CREATE TABLE action (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,\n"
	"  account_id INTEGER NOT NULL REFERENCES account(id),\n"
	"  seller_id INTEGER NOT NULL REFERENCES seller(id),\n"
	"  text TEXT NOT NULL CHECK (text <> ''),\n"
	"  owner_contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,\n"
	"  due INTEGER NOT NULL,\n"
	"  done_at INTEGER,\n"
	"  created_at INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL\n"
	");\n"
	/* The follow-ups screen and the week's overdue count. */
	"CREATE INDEX action_open ON action(seller_id, done_at, due);\n"
	"CREATE INDEX action_meeting ON action(meeting_id);\n"
	"CREATE INDEX action_account ON action(account_id);\n"
	"CREATE INDEX action_updated ON action(updated_at);\n"
	"CREATE TABLE participant (\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,\n"
	"  PRIMARY KEY (meeting_id, contact_id)\n"
	") WITHOUT ROWID;\n"
	/* When each contact was last met. */
	"CREATE INDEX participant_contact ON participant(contact_id);\n"
	/* item is the stable key of a line in assets/checklists/FORM.txt, so
	 * a team may reword an item without losing what was ticked. */
	"CREATE TABLE checklist_tick (\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  item TEXT NOT NULL,\n"
	"  PRIMARY KEY (meeting_id, item)\n"
	") WITHOUT ROWID;\n",

	/* 3: CRM exchange.  CRM ids for sellers (OwnerId), meetings and
	 * actions; a company domain (HubSpot associates by it).  Change
	 * tracking for `export --since-last` (db/export.h): one counter that
	 * only grows, and a rev per row taken from it on every change.  The
	 * triggers give a row its rev whenever the writer did not (rev left 0
	 * on insert, unchanged on update), so an edit with the sqlite3 shell
	 * is exported too; bulk writers (import, demo) bump the counter once
	 * per transaction and write rev themselves, which skips the triggers. */
	"ALTER TABLE seller ADD COLUMN crm_id TEXT;\n"
	"ALTER TABLE seller ADD COLUMN email TEXT;\n"
	"ALTER TABLE account ADD COLUMN domain TEXT;\n"
	"ALTER TABLE meeting ADD COLUMN crm_id TEXT;\n"
	"ALTER TABLE action ADD COLUMN crm_id TEXT;\n"
	"ALTER TABLE account ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE contact ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE meeting ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE action ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;\n"
	"CREATE TABLE change_counter (\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  n INTEGER NOT NULL\n"
	");\n"
	"INSERT INTO change_counter VALUES (1, 0);\n"
	"CREATE TABLE export_mark (\n"
	"  profile TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  rev INTEGER NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  PRIMARY KEY (profile, kind)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX account_rev ON account(rev);\n"
	"CREATE INDEX contact_rev ON contact(rev);\n"
	"CREATE INDEX meeting_rev ON meeting(rev);\n"
	"CREATE INDEX action_rev ON action(rev);\n"
	/* Import matches rows on these, in this order: CRM id, then a natural
	 * key (contact email, account org no). */
	"CREATE INDEX account_crm ON account(crm_id) WHERE crm_id IS NOT NULL;\n"
	"CREATE INDEX account_org ON account(org_no) WHERE org_no IS NOT NULL;\n"
	"CREATE INDEX contact_crm ON contact(crm_id) WHERE crm_id IS NOT NULL;\n"
	"CREATE INDEX contact_email ON contact(email COLLATE NOCASE) WHERE email IS NOT NULL;\n"
	"CREATE INDEX meeting_crm ON meeting(crm_id) WHERE crm_id IS NOT NULL;\n"
	"CREATE INDEX action_crm ON action(crm_id) WHERE crm_id IS NOT NULL;\n"
	"CREATE INDEX seller_crm ON seller(crm_id) WHERE crm_id IS NOT NULL;\n"
	"DROP INDEX meeting_updated;\n"
	"DROP INDEX action_updated;\n"
	"CREATE TRIGGER account_rev_ins AFTER INSERT ON account WHEN NEW.rev = 0 BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE account SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER account_rev_upd AFTER UPDATE ON account WHEN NEW.rev = OLD.rev BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE account SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER contact_rev_ins AFTER INSERT ON contact WHEN NEW.rev = 0 BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE contact SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER contact_rev_upd AFTER UPDATE ON contact WHEN NEW.rev = OLD.rev BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE contact SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER meeting_rev_ins AFTER INSERT ON meeting WHEN NEW.rev = 0 BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE meeting SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER meeting_rev_upd AFTER UPDATE ON meeting WHEN NEW.rev = OLD.rev BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE meeting SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER action_rev_ins AFTER INSERT ON action WHEN NEW.rev = 0 BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE action SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	"CREATE TRIGGER action_rev_upd AFTER UPDATE ON action WHEN NEW.rev = OLD.rev BEGIN\n"
	"  UPDATE change_counter SET n = n + 1;\n"
	"  UPDATE action SET rev = (SELECT n FROM change_counter) WHERE id = NEW.id;\n"
	"END;\n"
	/* The minutes and who took part are part of the exported meeting. */
	"CREATE TRIGGER minutes_rev_ins AFTER INSERT ON minutes BEGIN\n"
	"  UPDATE meeting SET rev = rev WHERE id = NEW.meeting_id;\n"
	"END;\n"
	"CREATE TRIGGER minutes_rev_upd AFTER UPDATE ON minutes BEGIN\n"
	"  UPDATE meeting SET rev = rev WHERE id = NEW.meeting_id;\n"
	"END;\n"
	"CREATE TRIGGER participant_rev_ins AFTER INSERT ON participant BEGIN\n"
	"  UPDATE meeting SET rev = rev WHERE id = NEW.meeting_id;\n"
	"END;\n"
	"CREATE TRIGGER participant_rev_del AFTER DELETE ON participant BEGIN\n"
	"  UPDATE meeting SET rev = rev WHERE id = OLD.meeting_id;\n"
	"END;\n"
	/* A stable identity of this database: iCalendar UIDs are made from it. */
	"INSERT OR IGNORE INTO setting(key, value)\n"
	"  VALUES ('identity', lower(hex(randomblob(16))));\n",
	/* 4: when each seller last changed anything, for the team review
	 * (db/review.c): max(updated_at) of each table from an index, not a
	 * scan of every row.  Step 3 dropped the first two of these when the
	 * rev columns took over change tracking; the review needs the time. */
	"CREATE INDEX meeting_updated ON meeting(updated_at);\n"
	"CREATE INDEX action_updated ON action(updated_at);\n"
	"CREATE INDEX account_updated ON account(updated_at);\n"
	"CREATE INDEX contact_updated ON contact(updated_at);\n"
	"CREATE INDEX minutes_updated ON minutes(updated_at);\n",
	/* 5: the team's checklists; sellers known by their login, and accounts handed from one
	 * seller's file to another's (db/handover.h).  In the team file,
	 * seller.login ties a roster row to DIR/sellers/LOGIN and transfer
	 * holds the manager's requests; in a seller's file, seller.login is
	 * the file's owner and handover this file's side of each transfer.
	 * The triggers that refuse changes to a frozen account are not here:
	 * db/handover.c creates them with the first freeze and drops them with
	 * the last, so a file that hands nothing over pays nothing for them. */
	"ALTER TABLE seller ADD COLUMN login TEXT;\n"
	"CREATE UNIQUE INDEX seller_login ON seller(login) WHERE login IS NOT NULL;\n"
	"CREATE TABLE transfer (\n"
	"  token TEXT PRIMARY KEY,\n"
	"  account_id INTEGER NOT NULL,\n"
	"  account_name TEXT NOT NULL,\n"
	"  from_login TEXT NOT NULL,\n"
	"  to_login TEXT NOT NULL CHECK (to_login <> from_login),\n"
	"  requested_by TEXT NOT NULL,\n"
	"  requested_at INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE handover (\n"
	"  token TEXT PRIMARY KEY,\n"
	"  dir TEXT NOT NULL CHECK (dir IN ('out','in')),\n"
	"  account_id INTEGER,\n"
	"  peer TEXT NOT NULL,\n"
	"  state TEXT NOT NULL\n"
	"    CHECK (state IN ('frozen','released','received','refused')),\n"
	"  note TEXT NOT NULL DEFAULT '',\n"
	"  meetings INTEGER NOT NULL DEFAULT 0,\n"
	"  at INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX handover_frozen ON handover(account_id) WHERE state = 'frozen';\n"
	/* The team's own preparation checklists, one per contact form, as the
	 * text of a checklist file (core/checklist.h); none: the asset. */
	"CREATE TABLE checklist (\n"
	"  form TEXT PRIMARY KEY CHECK (form IN ('physical','hybrid','virtual','phone')),\n"
	"  text TEXT NOT NULL\n"
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
