# pipebench export ics, read by a real calendar program: calcurse imports a
# demo week and lists the same meetings, at the same times and with the
# same titles, as the sqlite3 shell finds in the database.  Also the shape
# of the file (CRLF, 75 octets, whole UTF-8), stable UIDs, the ranges, and
# that a failed export leaves the old file alone.
. "$(dirname "$0")/../lib.sh"

for tool in calcurse sqlite3 iconv; do
	command -v "$tool" >/dev/null || fail "$tool is missing: run tools/deps.sh"
done
# calcurse keeps its configuration beside its data (-D); HOME and XDG only
# make sure nothing of the user's is read or written.
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export PIPEBENCH_TODAY=2026-11-23 TZ=UTC
mkdir -p "$HOME"
DB=$T/d.db
OUTDIR=$T/out
mkdir -p "$OUTDIR"
pb() { "$PB" --db "$DB" "$@"; }
sql() { sqlite3 -batch -noheader "$DB" "$@"; }

expect_status 0 pb demo --seed 7 --sellers 2 --weeks 3
# The second seller: not the one the database opens on, so --seller counts.
SELLER=$(sql "SELECT name FROM seller ORDER BY id LIMIT 1 OFFSET 1")
SELLER_ID=$(sql "SELECT id FROM seller ORDER BY id LIMIT 1 OFFSET 1")
[ -n "$SELLER" ] || fail "the demo made no second seller"
MONDAY=$(sql "SELECT unixepoch('2026-11-23')")
SUNDAY_END=$(sql "SELECT unixepoch('2026-11-30')")

# Minutes with what a TEXT value must escape, and æøå.  "DESCRIPTION:"
# and "Summary:\n" take 22 octets, LINE1 up to "julen " 52 more: the
# 3-octet ☎ would straddle octet 75, so the fold must come before it.
NOTED=$(sql "SELECT id FROM meeting WHERE seller_id = $SELLER_ID AND starts_at >= $MONDAY
	AND starts_at < $SUNDAY_END ORDER BY starts_at DESC, id LIMIT 1")
LINE1='Aftalt: 120.000 kr; levering i uge 49, før julen ☎ Åse Ødegård ringer til Ærø først.'
LINE2='Pris\indeks, æøå; næste skridt: tilbud'
sql "INSERT INTO minutes (meeting_id, summary, updated_at)
	VALUES ($NOTED, '$LINE1' || char(13, 10) || '$LINE2', 1795400000)"

expect_status 0 pb export ics --week 2026-W48 --seller "$SELLER" -o "$OUTDIR/w.ics"
[ -z "$OUT" ] || fail "export ics -o said something on a pipe: $OUT"
ICS=$OUTDIR/w.ics
[ -s "$ICS" ] || fail "no $ICS"

# ---- the file's shape ----
LC_ALL=C awk '
	{ n++ }
	substr($0, length($0)) != "\r" { print "line " n " lacks CR"; bad = 1 }
	length($0) - 1 > 75 { print "line " n " is " length($0) - 1 " octets"; bad = 1 }
	/^ / { folded++ }
	END { if (!folded) { print "nothing was folded"; bad = 1 } exit bad }
' "$ICS" || fail "$ICS is not RFC 5545 lines"
assert_eq "$(tail -c 2 "$ICS" | od -An -c | tr -d ' ')" '\r\n' "the last line end"
grep -q '^DESCRIPTION:Summary:\\nAftalt: 120.000 kr\\; .* julen '"$(printf '\r')"'$' "$ICS" &&
	grep -q '^ ☎ Åse Ødegård' "$ICS" || fail "the minutes were not folded before ☎"
# A fold inside a UTF-8 sequence would leave CRLF-space in the middle of it.
iconv -f UTF-8 -t UTF-8 "$ICS" >/dev/null 2>&1 || fail "$ICS is not whole UTF-8"
unfolded() { LC_ALL=C sed -e 's/\r$//' "$1" | LC_ALL=C awk '
	/^ / { line = line substr($0, 2); next }
	{ if (NR > 1) print line; line = $0 }
	END { print line }'; }
HEAD=$(unfolded "$ICS" | head -5)
assert_eq "$HEAD" "BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//pipebench//pipebench $(cat "$TOP/VERSION")//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH" "the calendar's head"
assert_eq "$(unfolded "$ICS" | tail -1)" "END:VCALENDAR" "the calendar's end"

# ---- the meetings as the database holds them ----
# Titles are "<type label> · <account>", the label from the default
# matrix asset (core/record_derive.c), the key when the asset has none.
WANT=$(sqlite3 -batch -noheader :memory: \
	".import --csv '$TOP/assets/matrix.csv' mx" \
	"ATTACH '$DB' AS d" \
	"SELECT strftime('%Y-%m-%d %H:%M', m.starts_at, 'unixepoch') || '-' ||
	        strftime('%H:%M', m.starts_at + 60 * m.duration_min, 'unixepoch') || ' ' ||
	        coalesce((SELECT label FROM mx WHERE mx.type = m.type), m.type) ||
	        ' · ' || a.name
	 FROM d.meeting m JOIN d.account a ON a.id = m.account_id
	 WHERE m.seller_id = $SELLER_ID AND m.starts_at >= $MONDAY
	   AND m.starts_at < $SUNDAY_END
	 ORDER BY 1" | LC_ALL=C sort)
COUNT=$(printf '%s\n' "$WANT" | grep -c .)
[ "$COUNT" -ge 5 ] || fail "only $COUNT meetings in the week; the test needs 5:
$WANT"
assert_eq "$(grep -c '^BEGIN:VEVENT' "$ICS")" "$COUNT" "VEVENTs in $ICS"
CANCELLED=$(sql "SELECT count(*) FROM meeting WHERE seller_id = $SELLER_ID
	AND starts_at >= $MONDAY AND starts_at < $SUNDAY_END AND status = 'cancelled'")
assert_eq "$(grep -c '^STATUS:CANCELLED' "$ICS")" "$CANCELLED" "cancelled meetings"
assert_eq "$(grep -c '^STATUS:CONFIRMED' "$ICS")" "$((COUNT - CANCELLED))" \
	"confirmed meetings"

# ---- calcurse reads it ----
CAL=$T/cal
mkdir -p "$CAL"
REPORT=$(calcurse -D "$CAL" -i "$ICS" </dev/null 2>&1) ||
	fail "calcurse -i failed: $REPORT"
assert_contains "$REPORT" "$COUNT apps / 0 events / 0 todos / 0 skipped" \
	"calcurse's import report"
GOT=$(calcurse -D "$CAL" --read-only -Q --filter-type apt --from 11/23/2026 \
	--days 7 --format-apt '%(start:%Y-%m-%d %H:%M)-%(end:%H:%M) %m\n' </dev/null |
	grep '^[0-9][0-9][0-9][0-9]-' | LC_ALL=C sort)
assert_eq "$GOT" "$WANT" "calcurse's appointments against the database"
# The description became the appointment's note: the minutes exactly as
# written (CR gone), then the tag line.
NOTE=$(grep -l "^\[pipebench id=$NOTED " "$CAL"/notes/*) || fail "no note of meeting $NOTED"
assert_eq "$(head -3 "$NOTE")" "Summary:
$LINE1
$LINE2" "the minutes in calcurse"
assert_eq "$(ls "$CAL"/notes | wc -l)" "$COUNT" "calcurse's notes"

# ---- the same meetings by every way of naming the range ----
events() { # the file without DTSTAMP, the one line that tells when
	unfolded "$1" | grep -v '^DTSTAMP:'
}
WEEK=$(events "$ICS")
expect_status 0 pb export ics --seller "$SELLER"
printf '%s' "$OUT" > "$T/stdout.ics"
assert_eq "$(events "$T/stdout.ics")" "$WEEK" "no range: the week of today, on stdout"
expect_status 0 pb export ics --from 2026-11-23 --to 2026-11-29 --seller "$SELLER" \
	-o "$T/range.ics"
assert_eq "$(events "$T/range.ics")" "$WEEK" "--from/--to, both days included"
expect_status 0 pb --today 2026-11-16 export ics --week next --seller "$SELLER" \
	-o "$T/next.ics"
assert_eq "$(events "$T/next.ics")" "$WEEK" "--week next"
expect_status 0 pb export ics --from 2026-11-24 --to 2026-11-24 --seller "$SELLER" \
	-o "$T/day.ics"
DAY=$(sql "SELECT count(*) FROM meeting WHERE seller_id = $SELLER_ID
	AND starts_at >= unixepoch('2026-11-24') AND starts_at < unixepoch('2026-11-25')")
assert_eq "$(grep -c '^BEGIN:VEVENT' "$T/day.ics")" "$DAY" "one day"

# The other seller's week is another calendar; the default seller is the
# first.
expect_status 0 pb export ics --week 48 -o "$T/first.ics"
FIRST=$(sql "SELECT count(*) FROM meeting WHERE seller_id = (SELECT min(id) FROM seller)
	AND starts_at >= $MONDAY AND starts_at < $SUNDAY_END")
assert_eq "$(grep -c '^BEGIN:VEVENT' "$T/first.ics")" "$FIRST" "the first seller's week"
assert_not_contains "$(events "$T/first.ics")" "$(unfolded "$ICS" | grep '^UID:' | head -1)"

# ---- UIDs: one per meeting, the same in every export, this database's ----
IDENTITY=$(sql "SELECT value FROM setting WHERE key = 'identity'")
assert_eq "${#IDENTITY}" 32 "the database identity"
UIDS=$(unfolded "$ICS" | grep '^UID:' | LC_ALL=C sort)
assert_eq "$(printf '%s\n' "$UIDS" | LC_ALL=C sort -u | grep -c .)" "$COUNT" "distinct UIDs"
IDS=$(sql "SELECT 'UID:pipebench-meeting-' || id || '@$IDENTITY' FROM meeting
	WHERE seller_id = $SELLER_ID AND starts_at >= $MONDAY AND starts_at < $SUNDAY_END" |
	LC_ALL=C sort)
assert_eq "$UIDS" "$IDS" "UIDs"
# A meeting moved and exported again keeps its UID and says it changed.
MOVED=$(sql "SELECT id FROM meeting WHERE seller_id = $SELLER_ID AND starts_at >= $MONDAY
	AND starts_at < $SUNDAY_END ORDER BY starts_at, id LIMIT 1")
SEQ0=$(unfolded "$ICS" | grep -A20 "^UID:pipebench-meeting-$MOVED@" | grep -m1 '^SEQUENCE:')
sql "UPDATE meeting SET starts_at = starts_at + 1800, updated_at = updated_at + 60
	WHERE id = $MOVED"
expect_status 0 pb export ics --week 2026-W48 --seller "$SELLER" -o "$ICS"
assert_eq "$(unfolded "$ICS" | grep '^UID:' | LC_ALL=C sort)" "$UIDS" "UIDs after a move"
SEQ1=$(unfolded "$ICS" | grep -A20 "^UID:pipebench-meeting-$MOVED@" | grep -m1 '^SEQUENCE:')
[ "${SEQ1#SEQUENCE:}" -gt "${SEQ0#SEQUENCE:}" ] || fail "SEQUENCE did not grow: $SEQ0 $SEQ1"

# ---- failures: a message, an exit status, and the old file untouched ----
before=$(cksum < "$ICS")
# A change time no calendar can write makes the export fail half-way.
sql "UPDATE meeting SET updated_at = 300000000000 WHERE id = $MOVED"
expect_status 1 pb export ics --week 2026-W48 --seller "$SELLER" -o "$ICS"
assert_contains "$OUT" "meeting $MOVED: its last change (300000000000) is outside"
assert_eq "$(cksum < "$ICS")" "$before" "the old file after a failed export"
assert_eq "$(ls -A "$OUTDIR")" "w.ics" "files left beside it"
expect_status 1 pb export ics --week 2026-W48 --seller "Nøbody Hære" -o "$OUTDIR/x.ics"
assert_contains "$OUT" "no seller called 'Nøbody Hære'"
expect_status 1 pb export ics --week 2026-W48 --from 2026-11-23 --to 2026-11-24
assert_contains "$OUT" "not both"
expect_status 1 pb export ics --from 2026-11-23
assert_contains "$OUT" "--from and --to go together"
expect_status 1 pb export ics --from 2026-11-23 --to 2026-11-22
assert_contains "$OUT" "before"
expect_status 1 pb export ics --week 2026-W99
assert_contains "$OUT" "--week"
expect_status 1 pb export ics --frobnicate
assert_contains "$OUT" "--frobnicate"
expect_status 1 pb export ics extra
assert_contains "$OUT" "unexpected 'extra'"
expect_status 2 pb export ics --week 2026-W48 -o "$T/no/such/dir/w.ics"
assert_contains "$OUT" "$T/no/such/dir/w.ics"
assert_eq "$(ls -A "$OUTDIR")" "w.ics" "files after the refusals"
expect_status 0 pb export ics --help
assert_contains "$OUT" "the week of today"
echo "ics_calcurse ok"
