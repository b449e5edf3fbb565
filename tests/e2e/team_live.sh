# A seller's open week in a team picks up the manager's change to the
# team's targets without a key being pressed: the manager writes the team
# file, the seller's tick copies it into the seller's own file and redraws.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

"$PB" team init "$T/team" >/dev/null || fail "team init"
tui_start 100 30 --team "$T/team" --today 2026-11-23
wait_for "week 48"
line=$(screen | grep "Re-sale  Gensalg")
assert_contains "$line" "0.0 / –" "no target yet"
"$PB" --db "$T/team/team.db" settings target resale 7 >/dev/null || fail "manager's target"
wait_for "the team's targets and settings changed" 5
wait_for "0.0 / 7" 5
# Stored in the seller's own file, which only the seller writes.
own=$(ls "$T"/team/sellers/*/seller.db)
assert_eq "$(sqlite3 "$own" "select cast(visits as int) from target where seller_id = 0 and battlefield = 'resale'")" 7 \
	"the copy in the seller's file"
tui_quit
echo "team live ok"
