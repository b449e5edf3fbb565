# pipebench matrix: show (CSV as the asset has it), check, load (the team's
# own, quoting kept), reset; a malformed file is FILE:LINE:COLUMN, exit 1,
# and changes nothing.
. "$(dirname "$0")/../lib.sh"

DB="$T/x.db"
ASSET="$TOP/assets/matrix.csv"

# The default: the asset's header, a row per type, a round trip.
expect_status 0 "$PB" --db "$DB" matrix show
default=$OUT
assert_eq "$(printf '%s\n' "$OUT" | head -n 1)" "$(head -n 1 "$ASSET")" "header"
assert_eq "$(printf '%s\n' "$OUT" | wc -l)" "$(grep -c . "$ASSET")" "rows"
printf '%s\n' "$OUT" | grep -qx \
	'negotiation,Negotiation,negotiation,first_choice,depends_on_complexity,depends_on_complexity,hardly' ||
	fail "no negotiation row in:
$OUT"
printf '%s\n' "$OUT" > "$T/default.csv"
expect_status 0 "$PB" --db "$DB" matrix check "$T/default.csv"
assert_eq "$OUT" "$T/default.csv: ok, 12 meeting types"

# The team's own, with a label that needs quoting.
cat > "$T/team.csv" <<'CSV'
type,label,brief,physical,hybrid,virtual,phone
booking,Mødebooking,booking,no_go,hardly,hardly,obvious
workshop,"Workshop, ""hands-on""",workshop,obvious,possible,hardly,impossible
CSV
expect_status 0 "$PB" --db "$DB" matrix load "$T/team.csv"
assert_eq "$OUT" "matrix: 2 meeting types from $T/team.csv are now the team's matrix"
expect_status 0 "$PB" --db "$DB" matrix show
assert_eq "$OUT" "$(cat "$T/team.csv")" "the team's matrix"
team=$OUT
expect_status 0 "$PB" --db "$DB" settings show
assert_contains "$OUT" "matrix: the team's own (stored in the database), 2 meeting types"

# Malformed files: FILE:LINE:COLUMN on stderr, exit 1, nothing changed.
cat > "$T/bad.csv" <<'CSV'
type,label,brief,physical,hybrid,virtual,phone
booking,Booking,booking,no_go,hardly,hardly,obvious
workshop,Workshop,workshop,obvious,sometimes,possible,impossible
CSV
expect_status 1 "$PB" --db "$DB" matrix check "$T/bad.csv"
printf '%s\n' "$OUT" | grep -Eq "^pipebench: $T/bad.csv:3:[0-9]+: .*sometimes" ||
	fail "no FILE:LINE:COLUMN for the bad rating:
$OUT"
expect_status 1 "$PB" --db "$DB" matrix load "$T/bad.csv"
printf '%s\n' "$OUT" | grep -Eq "$T/bad.csv:3:[0-9]+:" || fail "load: $OUT"
printf 'type,label,brief,physical,hybrid,virtual,phone\nbooking,"Booking,booking,no_go,hardly,hardly,obvious\n' > "$T/quote.csv"
set +e; "$PB" --db "$DB" matrix load "$T/quote.csv" >"$T/out" 2>"$T/err"; rc=$?; set -e
assert_eq "$rc" "1" "exit status of a malformed load"
grep -Eq "$T/quote.csv:2:[0-9]+:" "$T/err" || fail "stderr lacks FILE:LINE:COL: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "a failed load wrote to stdout"
expect_status 0 "$PB" --db "$DB" matrix show
assert_eq "$OUT" "$team" "matrix after refused loads"

expect_status 2 "$PB" --db "$DB" matrix check "$T/missing.csv"
assert_contains "$OUT" "$T/missing.csv"

# Back to the asset.
expect_status 0 "$PB" --db "$DB" matrix reset
assert_eq "$OUT" "matrix: back to the default matrix"
expect_status 0 "$PB" --db "$DB" matrix show
assert_eq "$OUT" "$default" "matrix after reset"

expect_status 1 "$PB" --db "$DB" matrix frob
assert_contains "$OUT" "matrix: expected show, check FILE, load FILE or reset"
expect_status 1 "$PB" --db "$DB" matrix load
assert_contains "$OUT" "usage: pipebench matrix load FILE"
# Checking a file never needs the database.
expect_status 0 "$PB" --db "$T/none.db" matrix check "$T/team.csv"
[ ! -e "$T/none.db" ] || fail "matrix check created a database"
echo "matrix ok"
