# pipebench export: every built-in profile and kind against golden files
# (tests/golden/export/PROFILE-KIND.csv; UPDATE_GOLDEN=1 rewrites them),
# the formula-injection rule on real cells, --since-last over three
# exports with changes between, and the errors.
. "$(dirname "$0")/../lib.sh"

G="$TOP/tests/golden/export"
DB="$T/g.db"
expect_status 0 "$PB" --db "$DB" settings show
sqlite3 "$DB" < "$G/fixture.sql"
export PIPEBENCH_TODAY=2026-11-25

for p in generic salesforce hubspot pipedrive; do
	for k in meetings actions accounts contacts; do
		expect_status 0 "$PB" --db "$DB" export "$k" --crm "$p" -o "$T/$p-$k.csv"
		if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
			cp "$T/$p-$k.csv" "$G/$p-$k.csv"
		fi
		cmp "$T/$p-$k.csv" "$G/$p-$k.csv" ||
			fail "$p $k differs from its golden file: diff $T/$p-$k.csv $G/$p-$k.csv"
	done
done

# Standard output gets the same bytes, and nothing else when piped.
"$PB" --db "$DB" export meetings --crm salesforce >"$T/out.csv" 2>"$T/err"
cmp "$T/out.csv" "$G/salesforce-meetings.csv" || fail "stdout differs from -o"
assert_eq "$(cat "$T/err")" "" "stderr of a piped export"

# RFC 4180: every record ends CRLF (header and 4 meetings); the minutes'
# own newlines stay inside their quotes.
f="$T/generic-meetings.csv"
assert_eq "$(tr -cd '\r' <"$f" | wc -c)" 5 "CRLF after each record"
lines=$(wc -l <"$f")
[ "$lines" -gt 5 ] || fail "the multi-line minutes should span lines ($lines)"

# Formula injection: each dangerous first character gets a "'"; numbers,
# dates and an E.164 phone do not.  has FILE TEXT: the quoted cell "TEXT".
has() { grep -qF -- "\"$2\"" "$T/generic-$1.csv" || fail "generic $1 lacks the cell \"$2\""; }
has meetings "'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")"
has meetings "'+1 for the demo"
has meetings "'-5 % on volume, signed by Åse"
has accounts "'@Risk"
has accounts "'=cmd|' /C calc'!A0"
has contacts "'	tab level"
has contacts "$(printf "'\rrole with CR")"
has contacts "+4791234567"
has contacts "'+47 912 34 568"
has contacts "'+12"
has contacts "'-4512345678"
grep -qF "\"'@channel	tab inside" "$T/generic-meetings.csv" || fail "@ not guarded"
# A line feed first: the opening quote, the guard, then the break.
tr '\n' '~' <"$T/generic-contacts.csv" | grep -qF "\"'~Newline Name\"" || fail "LF not guarded"
# Numbers and dates bare: the first meeting's id, start and duration.
grep -q '^1,"00UDn00000NeGo",.*,2026-11-23T08:00:00Z,2026-11-23T09:00:00Z,60,' \
	"$T/generic-meetings.csv" || fail "bare numbers and dates"

# --since-last: the first exports everything; after changes, exactly the
# changed rows; with no change, the header alone; a failed export records
# nothing, so its rows come with the next one.
since() { "$PB" --db "$DB" export meetings --crm generic --since-last -o "$T/s$1.csv"; }
ids() { tail -n +2 "$1" | grep -o '^[0-9]*,' | tr -d , | sort -n | tr '\n' ' '; }
since 1 || fail "since-last 1"
assert_eq "$(ids "$T/s1.csv")" "1 2 3 4 " "the first since-last export"
sqlite3 "$DB" "UPDATE meeting SET status = 'held' WHERE id = 2;
               INSERT INTO minutes(meeting_id, summary, updated_at) VALUES (3, 'x', 1);"
since 2 || fail "since-last 2"
assert_eq "$(ids "$T/s2.csv")" "2 3 " "changed since the first"
since 3 || fail "since-last 3"
assert_eq "$(ids "$T/s3.csv")" "" "nothing changed since the second"
assert_eq "$(wc -l <"$T/s3.csv" | tr -d ' ')" 1 "the header alone"
sqlite3 "$DB" "INSERT INTO participant(meeting_id, contact_id) VALUES (4, 4)"
expect_status 2 "$PB" --db "$DB" export meetings --since-last -o "$T/no/such/dir.csv"
since 4 || fail "since-last 4"
assert_eq "$(ids "$T/s4.csv")" "4 " "the failed export recorded nothing"
# Another profile keeps its own mark.
expect_status 0 "$PB" --db "$DB" export meetings --crm hubspot --since-last -o "$T/h.csv"
assert_eq "$(tail -n +2 "$T/h.csv" | grep -c 'pipebench id=')" 4 "hubspot's first"

# A range, a seller and a battlefield.
expect_status 0 "$PB" --db "$DB" export meetings --week 2026-W48 --seller lars -o "$T/l.csv"
assert_eq "$(ids "$T/l.csv")" "4 " "Lars's week"
expect_status 0 "$PB" --db "$DB" export meetings --from 2026-11-23 --to 2026-11-24 \
	--battlefield upsell -o "$T/u.csv"
assert_eq "$(ids "$T/u.csv")" "1 " "upsell on Monday and Tuesday"

# Errors say what is wrong and write nothing.
expect_status 1 "$PB" --db "$DB" export meetings --crm nosuch
assert_contains "$OUT" "unknown CRM profile 'nosuch': built in are generic, hubspot"
expect_status 1 "$PB" --db "$DB" export meetings --since-last --week 48
assert_contains "$OUT" "takes no --week"
expect_status 1 "$PB" --db "$DB" export meetings --week 2026-W54
assert_contains "$OUT" "--week"
expect_status 1 "$PB" --db "$DB" export widgets
assert_contains "$OUT" "no kind 'widgets'"
expect_status 2 "$PB" --db "$T/missing.db" export meetings
cp "$G/salesforce-meetings.csv" "$T/keep.csv"
expect_status 2 "$PB" --db "$T/missing.db" export meetings -o "$T/keep.csv"
cmp "$T/keep.csv" "$G/salesforce-meetings.csv" || fail "a failed export touched the file"
echo "export ok"
