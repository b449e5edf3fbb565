# pipebench crm-id: the CRM's own ids typed in by hand, checked, and used
# by the export profiles.
. "$(dirname "$0")/../lib.sh"

DB="$T/c.db"
expect_status 0 "$PB" --db "$DB" settings show
sqlite3 "$DB" < "$TOP/tests/golden/export/fixture.sql"
q() { sqlite3 "$DB" "$1"; }

expect_status 0 "$PB" --db "$DB" crm-id seller "lars øberg" 005Dn000002LaRs
assert_eq "$OUT" "seller Lars Øberg: CRM id 005Dn000002LaRs"
assert_eq "$(q "select crm_id from seller where id = 2")" 005Dn000002LaRs "stored"
# An account by its folded name or its organisation number.
expect_status 0 "$PB" --db "$DB" crm-id account "ÆRØ MASKINFABRIK, \"NORD\"" 001Dn00000AeRo
assert_eq "$(q "select crm_id from account where id = 2")" 001Dn00000AeRo "by name"
expect_status 0 "$PB" --db "$DB" crm-id account 12345678 001Dn00000EvIl
assert_eq "$(q "select crm_id from account where id = 3")" 001Dn00000EvIl "by org no"
# A contact by email, any case.
expect_status 0 "$PB" --db "$DB" crm-id contact PER.OLAV@fjordkraft.no 003Dn00000PeR
assert_eq "$(q "select crm_id from contact where id = 2")" 003Dn00000PeR "by email"
# The export uses them: Lars's meeting is owned by his CRM user.
expect_status 0 "$PB" --db "$DB" --today 2026-11-25 export meetings --crm salesforce \
	--seller lars
assert_contains "$OUT" "005Dn000002LaRs" "OwnerId in the export"
assert_contains "$OUT" "001Dn00000EvIl" "WhatId in the export"

# Refused: a malformed id, one another row holds, nobody, several.
expect_status 1 "$PB" --db "$DB" crm-id seller Mette "00 5; drop"
assert_contains "$OUT" "is not a CRM id"
expect_status 1 "$PB" --db "$DB" crm-id account "fjordkraft as" 001Dn00000AeRo
assert_contains "$OUT" "is Ærø Maskinfabrik"
expect_status 1 "$PB" --db "$DB" crm-id contact nobody@example.com 003X
assert_contains "$OUT" "no contact 'nobody@example.com'"
q "insert into account(name, created_at, updated_at) values ('Twin AS', 0, 0), ('twin as', 0, 0)"
expect_status 1 "$PB" --db "$DB" crm-id account "Twin AS" 001Twin
assert_contains "$OUT" "several accounts answer to 'Twin AS'"
assert_eq "$(q "select count(*) from account where crm_id = '001Twin'")" 0 "nothing written"

# Cleared with "", and a domain.
expect_status 0 "$PB" --db "$DB" crm-id seller "Lars Øberg" ""
assert_eq "$OUT" "seller Lars Øberg: CRM id cleared"
assert_eq "$(q "select crm_id is null from seller where id = 2")" 1 "cleared"
expect_status 0 "$PB" --db "$DB" crm-id account 12345678 --domain Evil-Corp.example
assert_eq "$(q "select domain from account where id = 3")" evil-corp.example "domain"
expect_status 1 "$PB" --db "$DB" crm-id account 12345678 --domain https://x.no/
assert_contains "$OUT" "is not a domain"
expect_status 1 "$PB" --db "$DB" crm-id widget x y
assert_contains "$OUT" "usage: pipebench crm-id"
echo "crm-id ok"
