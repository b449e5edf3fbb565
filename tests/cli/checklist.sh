# pipebench checklist: the default list of each form, a team's own file
# checked and loaded (a bad one named by file, line and column and nothing
# stored), reset; in a team the manager's list reaches the seller's file.
. "$(dirname "$0")/../lib.sh"

DB="$T/x.db"
expect_status 0 "$PB" --db "$DB" checklist show hybrid
assert_contains "$OUT" "# hybrid checklist: pipebench's default"
assert_contains "$OUT" "room-ready       Room ready before the customer joins"
expect_status 1 "$PB" --db "$DB" checklist show carrier-pigeon
assert_contains "$OUT" "'carrier-pigeon' is not a contact form"
expect_status 1 "$PB" --db "$DB" checklist load hybrid
assert_contains "$OUT" "usage: pipebench checklist"

printf '# ours\nagenda   Agenda sent\nRoom!    Room booked\n' >"$T/bad.txt"
expect_status 1 "$PB" --db "$DB" checklist check hybrid "$T/bad.txt"
assert_contains "$OUT" "$T/bad.txt:3:1:"
expect_status 1 "$PB" --db "$DB" checklist load hybrid "$T/bad.txt"
assert_contains "$OUT" "$T/bad.txt:3:1:"
assert_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM checklist')" 0 "a bad file was stored"
expect_status 2 "$PB" --db "$DB" checklist load hybrid "$T/missing.txt"
assert_contains "$OUT" "$T/missing.txt"

printf '# ours\nagenda   Agenda sent, with time per point\ncoffee   Kaffe og wienerbrød bestilt\n' >"$T/ok.txt"
expect_status 0 "$PB" --db "$DB" checklist check hybrid "$T/ok.txt"
assert_contains "$OUT" "ok, 2 items for hybrid meetings"
expect_status 0 "$PB" --db "$DB" checklist load hybrid "$T/ok.txt"
expect_status 0 "$PB" --db "$DB" checklist show hybrid
assert_eq "$OUT" "# hybrid checklist: the team's own
agenda           Agenda sent, with time per point
coffee           Kaffe og wienerbrød bestilt"
# The other forms keep the default.
expect_status 0 "$PB" --db "$DB" checklist show physical
assert_contains "$OUT" "pipebench's default"
expect_status 0 "$PB" --db "$DB" checklist reset hybrid
expect_status 0 "$PB" --db "$DB" checklist show hybrid
assert_contains "$OUT" "pipebench's default"

# A stored list edited into nonsense behind pipebench's back is named.
sqlite3 "$DB" "INSERT INTO checklist VALUES ('phone', 'x')"
expect_status 1 "$PB" --db "$DB" checklist show phone
assert_contains "$OUT" "$DB: the team's phone checklist:1:"

# In a team: the manager's list is the seller's on the next open.
D="$T/team"
"$PB" team init "$D" >/dev/null || fail "team init"
expect_status 0 "$PB" --db "$D/team.db" checklist load hybrid "$T/ok.txt"
expect_status 0 "$PB" --team "$D" checklist show hybrid
assert_contains "$OUT" "coffee           Kaffe og wienerbrød bestilt"
me=$(id -un)
assert_eq "$(sqlite3 "$D/sellers/$me/seller.db" "SELECT count(*) FROM checklist WHERE form = 'hybrid'")" 1
expect_status 0 "$PB" --db "$D/team.db" checklist reset hybrid
expect_status 0 "$PB" --team "$D" checklist show hybrid
assert_contains "$OUT" "pipebench's default"
echo ok
