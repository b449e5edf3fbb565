# The manager drills into one seller's week from the live review: Enter
# opens it in the same terminal, read-only (the title says so), every key
# that would write is refused before touching the file (its bytes and its
# meeting count unchanged), q or Esc comes back to the dashboard, and the
# review's presence file stays all along.  A seller's file without a
# seller says so instead of showing the first-run screen.
. "$(dirname "$0")/../lib.sh"

export PIPEBENCH_TODAY=2026-11-23
D="$T/team"
PRESENCE="$D/presence/$(id -un).review"
"$PB" team init "$D" >/dev/null || fail "team init"

# seller_file LOGIN NAME SEED DIR: a seller's file as their process leaves
# it (rollback journal, one seller), made in DIR/LOGIN.
seller_file() {
	mkdir -p "$4/$1"
	"$PB" --db "$4/$1/seller.db" demo --sellers 1 --weeks 2 --seed "$3" >/dev/null 2>&1 ||
		fail "demo for $1"
	sqlite3 "$4/$1/seller.db" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = '$2'" \
		>/dev/null
}
seller_file alice Alice 1 "$D/sellers"
seller_file bob Bob 2 "$D/sellers"
A="$D/sellers/alice/seller.db"
count() { sqlite3 "$A" "SELECT count(*) FROM meeting"; }
sum() { md5sum "$A" | cut -d' ' -f1; }
count0=$(count)
sum0=$(sum)
[ "$count0" -gt 0 ] || fail "Alice's demo file has no meetings"

tui_start 80 24 review --team "$D" --week 2026-W48
wait_for "2 sellers"
assert_contains "$(screen)" "Enter open"

# Enter on the first row (sorted by name: Alice): her week, read-only.
keys Enter
wait_for "Alice · read-only"
assert_contains "$(screen)" "week 48"
assert_not_contains "$(screen)" "Team review"
[ -f "$PRESENCE" ] || fail "the presence file went while drilled in"

# Every writing key is refused with the reason, and nothing opens.
for k in a e m H x n p f A; do
	keys "$k"
	wait_for "read-only: Alice's week" 3
	keys Escape 2>/dev/null || true
	wait_for "Team review" 3
	keys Enter
	wait_for "Alice · read-only" 3
done
keys a
wait_for "read-only: Alice's week"
assert_not_contains "$(screen)" "New meeting"
# Moving around still works.
keys j
wait_gone "read-only: Alice's week" 3
assert_eq "$(count)" "$count0" "Alice's meetings after the refused keys"
assert_eq "$(sum)" "$sum0" "Alice's file after the refused keys"

# q: back to the dashboard, the same process.
keys q
wait_for "2 sellers"
assert_contains "$(screen)" "Team review  2026-W48"
grep -q '^EXITED=' "$T/stderr" 2>/dev/null && fail "the review exited on q from the drill"

# Esc from the second seller's week comes back too.
keys j Enter
wait_for "Bob · read-only"
keys Escape
wait_for "2 sellers"
[ -f "$PRESENCE" ] || fail "the presence file went after the drill"

# A seller's file without a seller: the reason, never the first-run
# screen, and the review stays.
seller_file carol Carol 3 "$T/stage"
sqlite3 "$T/stage/carol/seller.db" "DELETE FROM meeting; DELETE FROM seller" >/dev/null 2>&1 ||
	sqlite3 "$T/stage/carol/seller.db" "PRAGMA foreign_keys = OFF; DELETE FROM seller" >/dev/null
mv "$T/stage/carol" "$D/sellers/carol"
wait_for "1 unreadable" 3
keys j Enter
wait_for "carol: no seller in the file yet" 3
assert_contains "$(screen)" "2 sellers, 1 unreadable"
assert_not_contains "$(screen)" "read-only ·"

keys q
assert_eq "$(wait_exit)" 0 "the review's exit status"
[ ! -e "$PRESENCE" ] || fail "the presence file outlived the review"
assert_eq "$(count)" "$count0" "Alice's meetings at the end"
assert_eq "$(sum)" "$sum0" "Alice's file at the end"

# SIGHUP while drilled in (the SSH link dropped): the review ends too,
# cleanly, its presence file removed.
rm -f "$T/stderr"
tmux -L "$SOCK" kill-server 2>/dev/null || true
SOCK="pb$$.hup"
tui_start 80 24 review --team "$D" --week 2026-W48
wait_for "2 sellers"
keys Enter
wait_for "Alice · read-only"
pid=$(pgrep -P "$(tmux -L "$SOCK" display -p '#{pane_pid}')")
[ -n "$pid" ] || fail "no review process"
kill -HUP "$pid"
assert_eq "$(wait_exit)" 0 "exit status after SIGHUP in the drill"
[ ! -e "$PRESENCE" ] || fail "the presence file outlived SIGHUP"
assert_eq "$(sum)" "$sum0" "Alice's file after SIGHUP"
echo "review drill ok"
