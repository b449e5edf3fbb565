# pipebench settings: show, target (team and per seller) and weight, with
# the checks on every number and name.
. "$(dirname "$0")/../lib.sh"

DB="$T/x.db"
row() { # LABEL R U N: the line of the targets table
	printf '%s\n' "$OUT" | grep -Eq "^  $1 +$2 +$3 +$4\$" ||
		fail "no targets row [$1 $2 $3 $4] in:
$OUT"
}

# An empty database: targets 0, the default weights and matrix.
expect_status 0 "$PB" --db "$DB" settings show
row "team default" 0 0 0
assert_contains "$OUT" "physical 1 hybrid 1 virtual 0.5 phone 0"
assert_contains "$OUT" "matrix: the default (assets/matrix.csv), 12 meeting types"

# The demo stores the team's targets 2, 1, 2.
rm -f "$DB"*
expect_status 0 "$PB" --db "$DB" --today 2026-11-23 demo --sellers 2 --weeks 0
expect_status 0 "$PB" --db "$DB" settings show
row "team default" 2 1 2
row "Mette Sørensen" 2 1 2
row "Lars Øberg" 2 1 2

expect_status 0 "$PB" --db "$DB" settings target resale 3
assert_eq "$OUT" "target: resale 3 visits a week for the team"
expect_status 0 "$PB" --db "$DB" settings target New 4 --seller "mette sø"
assert_eq "$OUT" "target: new 4 visits a week for Mette Sørensen"
expect_status 0 "$PB" --db "$DB" settings target --seller "LARS ØBERG" upsell 2.5
assert_eq "$OUT" "target: upsell 2.5 visits a week for Lars Øberg"
expect_status 0 "$PB" --db "$DB" settings weight virtual 0.75
assert_eq "$OUT" "weight: a held virtual meeting counts as 0.75 visits"
expect_status 0 "$PB" --db "$DB" settings show
row "team default" 3 1 2
row "Mette Sørensen" 3 1 4
row "Lars Øberg" 3 2.5 2
assert_contains "$OUT" "physical 1 hybrid 1 virtual 0.75 phone 0"
shown=$OUT

# Refused: nothing changes.
expect_status 1 "$PB" --db "$DB" settings target resale 101
assert_contains "$OUT" "VISITS: expected a number from 0 to 100, got '101'"
expect_status 1 "$PB" --db "$DB" settings target resale two
assert_contains "$OUT" "VISITS: expected a number from 0 to 100, got 'two'"
expect_status 1 "$PB" --db "$DB" settings target war 2
assert_contains "$OUT" "unknown battlefield 'war'"
expect_status 1 "$PB" --db "$DB" settings target resale 2 --seller Nobody
assert_contains "$OUT" "no seller called 'Nobody'"
expect_status 1 "$PB" --db "$DB" settings target resale
assert_contains "$OUT" "usage: pipebench settings target"
expect_status 1 "$PB" --db "$DB" settings weight virtual 11
assert_contains "$OUT" "WEIGHT: expected a number from 0 to 10, got '11'"
expect_status 1 "$PB" --db "$DB" settings weight virtual -1
assert_contains "$OUT" "WEIGHT: expected a number from 0 to 10, got '-1'"
expect_status 1 "$PB" --db "$DB" settings weight hologram 1
assert_contains "$OUT" "unknown contact form 'hologram'"
expect_status 1 "$PB" --db "$DB" settings frob
assert_contains "$OUT" "settings: expected show, target, weight or delivery-share, not 'frob'"
expect_status 1 "$PB" --db "$DB" settings
assert_contains "$OUT" "settings: expected show, target, weight or delivery-share"
expect_status 0 "$PB" --db "$DB" settings show
assert_eq "$OUT" "$shown" "settings after refused changes"

# A refused change never creates a database.
expect_status 1 "$PB" --db "$T/new.db" settings weight phone 99
[ ! -e "$T/new.db" ] || fail "a refused weight created a database"
echo "settings ok"

# The 4D warning's threshold: a whole percent from 1 to 100.
expect_status 0 "$PB" --db "$DB" settings delivery-share 60
assert_contains "$OUT" "warns above 60 % Delivery"
expect_status 0 "$PB" --db "$DB" settings show
assert_contains "$OUT" "more than 60 % of its meetings are Delivery"
expect_status 1 "$PB" --db "$DB" settings delivery-share 0
expect_status 1 "$PB" --db "$DB" settings delivery-share 50.5
expect_status 0 "$PB" --db "$DB" settings show
assert_contains "$OUT" "more than 60 %"
echo "delivery share ok"
