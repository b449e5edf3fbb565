# pipebench import: a 1,000-row meetings file with exactly 3 bad rows (a
# date that does not exist, an unknown battlefield, an unknown account)
# imports nothing and names all three at FILE:LINE:COLUMN; --skip-bad
# imports the 997 and writes the 3 to a rejects file with their problems;
# the same file again creates nothing and updates 997; a header with a BOM,
# odd case and spacing still maps; malformed CSV names its line and column;
# --dry-run reports and writes nothing.
. "$(dirname "$0")/../lib.sh"

DB="$T/x.db"
q() { sqlite3 -batch -noheader "$DB" "$1"; }

# 20 accounts, with CRM ids and org numbers.
awk 'BEGIN {
	print "id,crm_id,name,org_no,city"
	for (i = 1; i <= 20; i++)
		printf "%d,ACC-%02d,Kunde %02d AS,DK%06d,Århus\n", i, i, i, i
}' > "$T/accounts.csv"
expect_status 0 "$PB" --db "$DB" import accounts "$T/accounts.csv"
assert_eq "$OUT" "accounts: 20 created, 0 updated, 0 rejected"
assert_eq "$(q 'SELECT count(*) FROM account')" "20"

# 1,000 meetings.  Row 50's notes span two lines, so every later row
# starts one line further down than its number says: data row i is on
# line i + 1 up to row 50, on line i + 2 after it.  Rows 100, 500 and 900
# are bad; their seller is "Ole Hansen" (10 characters), their account
# cell starts at column 12, the start at 24, the battlefield at 48.
awk 'BEGIN {
	print "seller,account,starts_at,duration,battlefield,type,form,dim,complexity,sale,status,notes"
	split("resale upsell new", bf, " ")
	for (i = 1; i <= 1000; i++) {
		d = int(i / 8); h = 8 + i % 8
		seller = i % 2 ? "Mette Sørensen" : "Ole Hansen"
		account = sprintf("Kunde %02d AS", 1 + i % 20)
		start = sprintf("2026-%02d-%02dT%02d:00:00Z", 1 + int(d / 28) % 12, 1 + d % 28, h)
		b = bf[1 + i % 3]
		notes = ""
		if (i == 50) notes = "\"line one, with a comma\nline two æøå\""
		if (i == 100) start = "2026-02-30T08:00:00Z"
		if (i == 500) b = "warzone"
		if (i == 900) account = "Nowhere AS"
		printf "%s,%s,%s,60,%s,negotiation,physical,delivery,medium,solution,planned,%s\n", \
			seller, account, start, b, notes
	}
}' > "$T/m.csv"
F="$T/m.csv"

# All or nothing: exit 1, every bad row named, nothing stored.
set +e; "$PB" --db "$DB" import meetings "$F" >"$T/out" 2>"$T/err"; rc=$?; set -e
assert_eq "$rc" "1" "exit status with bad rows"
[ ! -s "$T/out" ] || fail "a refused import printed a summary: $(cat "$T/out")"
grep -q "^$F:102:24: column \"starts_at\": " "$T/err" ||
	fail "no problem at 102:24 for the date: $(cat "$T/err")"
grep -qxF "$F:502:48: column \"battlefield\": unknown battlefield \"warzone\" (resale, upsell or new)" "$T/err" ||
	fail "no problem at 502:48 for the battlefield: $(cat "$T/err")"
grep -qxF "$F:902:12: column \"account\": no account called \"Nowhere AS\" in the database (import the accounts first)" "$T/err" ||
	fail "no problem at 902:12 for the account: $(cat "$T/err")"
assert_eq "$(grep -c "^$F:" "$T/err")" "3" "problems listed"
assert_eq "$(tail -n 1 "$T/err")" \
	"pipebench: $F: 3 of 1000 rows have problems; nothing was imported (--skip-bad imports the other 997)"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "0"
assert_eq "$(q 'SELECT count(*) FROM seller')" "0"

# A dry run of it: the counts, and still nothing written.
set +e; "$PB" --db "$DB" import meetings "$F" --dry-run --skip-bad >"$T/out" 2>"$T/err"; rc=$?; set -e
assert_eq "$rc" "0" "exit status of a dry run with --skip-bad"
assert_eq "$(cat "$T/out")" \
	"meetings (dry run, nothing written): would be 997 created, 0 updated, 3 rejected; 2 sellers would be created"
[ ! -e "$T/m.rejects.csv" ] || fail "a dry run wrote the rejects file"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "0"
assert_eq "$(q 'SELECT count(*) FROM seller')" "0"

# --skip-bad: the good rows in, the bad ones beside the file.
set +e; "$PB" --db "$DB" import meetings "$F" --skip-bad >"$T/out" 2>"$T/err"; rc=$?; set -e
assert_eq "$rc" "0" "exit status with --skip-bad"
assert_eq "$(cat "$T/out")" \
	"meetings: 997 created, 0 updated, 3 rejected ($T/m.rejects.csv); 2 sellers created"
assert_eq "$(grep -c "^$F:" "$T/err")" "3" "problems listed with --skip-bad"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "997"
assert_eq "$(q "SELECT notes FROM minutes JOIN meeting ON id = meeting_id WHERE starts_at = strftime('%s', '2026-01-07T10:00:00')")" \
	"line one, with a comma
line two æøå"
R="$T/m.rejects.csv"
[ -f "$R" ] || fail "no rejects file"
assert_eq "$(wc -l < "$R" | tr -d ' ')" "4" "rejects: header and 3 rows"
head -n 1 "$R" | grep -q '"notes","pipebench_errors"' || fail "rejects header: $(head -n 1 "$R")"
grep -q '"2026-02-30T08:00:00Z"\|2026-02-30T08:00:00Z' "$R" || fail "rejects lack the bad date"
grep -qF "$F:502:48: column \"\"battlefield\"\": unknown battlefield \"\"warzone\"\"" "$R" ||
	fail "rejects lack the battlefield problem: $(cat "$R")"
grep -qF '"Nowhere AS"' "$R" || fail "rejects lack the unknown account's row"

# The same file again: nothing new.
expect_status 0 "$PB" --db "$DB" import meetings "$F" --skip-bad
assert_contains "$OUT" "meetings: 0 created, 997 updated, 3 rejected ($R)"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "997"

# The rejects, put right, go in; the errors column is ignored.
sed -e 's/2026-02-30/2026-02-27/' -e 's/"warzone"/"upsell"/' -e 's/"Nowhere AS"/"Kunde 01 AS"/' \
	"$R" > "$T/fixed.csv"
expect_status 0 "$PB" --db "$DB" import meetings "$T/fixed.csv"
assert_eq "$OUT" "meetings: 3 created, 0 updated, 0 rejected"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "1000"

# A header as a spreadsheet saves it: a BOM, odd case, blanks, '_' and '-'.
printf '\357\273\277 Seller ,ACCOUNT,Starts At,DURATION,battle-field,Type,FORM\r\nMette Sørensen,Kunde 03 AS,2027-03-01T09:00:00Z,45,New,Negotiation,Virtual\r\n' \
	> "$T/bom.csv"
expect_status 0 "$PB" --db "$DB" import meetings "$T/bom.csv"
assert_eq "$OUT" "meetings: 1 created, 0 updated, 0 rejected"
assert_eq "$(q "SELECT battlefield || ' ' || type || ' ' || form || ' ' || duration_min FROM meeting WHERE starts_at = strftime('%s', '2027-03-01T09:00:00')")" \
	"new negotiation virtual 45"

# Malformed CSV: a quote left open names where it opened; nothing stored.
printf 'seller,account,starts_at,duration,battlefield,type,form\nMette Sørensen,"Kunde 01 AS,2027-03-02T09:00:00Z,60,new,booking,phone\n' \
	> "$T/open.csv"
expect_status 1 "$PB" --db "$DB" import meetings "$T/open.csv"
printf '%s\n' "$OUT" | grep -Eq "^pipebench: $T/open.csv:2:16: " ||
	fail "no FILE:LINE:COLUMN for the open quote: $OUT"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "1001"

# --dry-run: reports, writes nothing; a real run then does what it said.
printf 'seller,account,starts_at,duration,battlefield,type,form\nNy Sælger,Kunde 02 AS,2027-04-01T09:00:00Z,60,resale,follow_up,phone\nMette Sørensen,Kunde 03 AS,2027-03-01T09:00:00Z,30,new,negotiation,virtual\n' \
	> "$T/dry.csv"
before=$(q 'SELECT n FROM change_counter')
expect_status 0 "$PB" --db "$DB" import meetings "$T/dry.csv" --dry-run
assert_eq "$OUT" "meetings (dry run, nothing written): would be 1 created, 1 updated, 0 rejected; 1 seller would be created"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "1001"
assert_eq "$(q "SELECT count(*) FROM seller WHERE name = 'Ny Sælger'")" "0"
assert_eq "$(q 'SELECT n FROM change_counter')" "$before"
assert_eq "$(q "SELECT duration_min FROM meeting WHERE starts_at = strftime('%s', '2027-03-01T09:00:00')")" "45"
expect_status 0 "$PB" --db "$DB" import meetings "$T/dry.csv"
assert_eq "$OUT" "meetings: 1 created, 1 updated, 0 rejected; 1 seller created"
assert_eq "$(q 'SELECT count(*) FROM meeting')" "1002"
assert_eq "$(q 'SELECT n FROM change_counter')" "$((before + 1))"

# Problems past the first 20 are counted, not listed.
awk 'BEGIN {
	print "name,km"
	for (i = 1; i <= 25; i++) printf "Bad %02d AS,-%d\n", i, i
}' > "$T/many.csv"
set +e; "$PB" --db "$DB" import accounts "$T/many.csv" >"$T/out" 2>"$T/err"; rc=$?; set -e
assert_eq "$rc" "1" "exit status with 25 bad rows"
assert_eq "$(grep -c "^$T/many.csv:[0-9]*:[0-9]*: column \"km\": " "$T/err")" "20" "problems listed"
grep -qxF "… and 5 more errors" "$T/err" || fail "no count of the rest: $(cat "$T/err")"
grep -qF "$T/many.csv:21:" "$T/err" || fail "the 20th problem is not on line 21"

# Usage errors.
expect_status 1 "$PB" --db "$DB" import actions "$F"
assert_contains "$OUT" "accounts, contacts or meetings"
expect_status 1 "$PB" --db "$DB" import meetings
assert_contains "$OUT" "usage: pipebench import"
expect_status 1 "$PB" --db "$DB" import meetings "$F" --crm nosuchcrm
assert_contains "$OUT" "nosuchcrm"
expect_status 2 "$PB" --db "$DB" import meetings "$T/missing.csv"
assert_contains "$OUT" "$T/missing.csv: cannot open"
echo "import: ok"
