# The manager drills into one seller's week from the live review: Enter
# opens it in the same terminal, read-only (the title says so), every key
# that would write is refused before touching the file (its bytes and its
# meeting count unchanged), q or Esc comes back to the dashboard, and the
# review's presence file stays all along.  The minutes, preparation,
# follow-ups and account screens open read-only with the seller's data:
# typing, Ctrl-S, d and c are refused with the reason, Esc leaves without
# asking, Enter on a follow-up shows its meeting.  A seller's file without
# a seller says so instead of showing the first-run screen.
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
# What Alice wrote about the first meeting of her week (Mon-Fri, in the
# order the week walks them), as her own process would have: minutes,
# preparation and a follow-up action due Thursday.
mon=$(date -u -d 2026-11-23 +%s)
mid=$(sqlite3 "$A" "SELECT id FROM meeting WHERE starts_at >= $mon AND
  starts_at < $mon + 5 * 86400 AND status <> 'cancelled' ORDER BY starts_at, id LIMIT 1")
[ -n "$mid" ] || fail "Alice has no meeting in week 48"
start=$(sqlite3 "$A" "SELECT starts_at FROM meeting WHERE id = $mid")
acc=$(sqlite3 "$A" "SELECT a.name FROM account a JOIN meeting m ON m.account_id = a.id
  WHERE m.id = $mid")
sqlite3 "$A" "INSERT OR REPLACE INTO minutes(meeting_id, summary, needs, agreed, notes,
    updated_at) VALUES ($mid, 'Drill summary: pilot agreed', 'Uptime', 'Pilot in January',
    '', $mon);
  UPDATE meeting SET purpose = 'Drill purpose: agree the pilot', agenda = '1. Welcome'
    WHERE id = $mid;
  INSERT INTO action(meeting_id, account_id, seller_id, text, due, created_at, updated_at)
    SELECT id, account_id, seller_id, 'Drill: send the quote',
      $(( $(date -u -d 2026-11-26 +%s) / 86400 )), $mon, $mon FROM meeting WHERE id = $mid" ||
	fail "writing Alice's minutes"
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
for k in a e m H x; do
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

# Her first meeting of the week: k up to it, then j k for its
# description on the status line.
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do keys k; done
wait_for "the first meeting of the week"
keys j k
wait_for "$(date -u -d "@$start" '+%a %-d %b %H:%M')"

# Its minutes, as she sees them: typing and Ctrl-S are refused, the text
# stays as she left it, and Esc leaves without asking.
keys n
wait_for "Minutes · read-only"
assert_contains "$(screen)" "Drill summary: pilot agreed"
assert_contains "$(screen)" "Pilot in January"
assert_contains "$(screen)" "Drill: send the quote"
type_text "ZZtyped"
wait_for "read-only: Alice's minutes"
keys Right
wait_gone "read-only: Alice's minutes" 3
keys C-s
wait_for "read-only: Alice's minutes"
assert_not_contains "$(screen)" "ZZtyped"
assert_not_contains "$(screen)" "[unsaved]"
assert_contains "$(screen)" "Drill summary: pilot agreed"
keys Escape
wait_for "Alice · read-only"
assert_not_contains "$(screen)" "save changes"

# The preparation: its texts, typing refused.
keys p
wait_for "Preparation · read-only"
assert_contains "$(screen)" "Drill purpose: agree the pilot"
assert_contains "$(screen)" "Checklist for a"
type_text "x"
wait_for "read-only: Alice's preparation"
keys Escape
wait_for "Alice · read-only"

# The account: its contacts; c (a new contact) refused.
keys A
wait_for "Account · read-only · $acc"
assert_contains "$(screen)" "Contacts ("
keys G
wait_for "Drill: send the quote"
keys c
wait_for "read-only: Alice's account"
assert_not_contains "$(screen)" "New contact"
keys q
wait_for "Alice · read-only"

# The follow-ups: d refused, the action still open; Enter goes back to
# its meeting in the week from the next one.
keys j
wait_gone "$(date -u -d "@$start" '+%a %-d %b %H:%M')" 3
keys f
wait_for "Follow-ups · read-only · Alice"
assert_contains "$(screen)" "Drill: send the quote"
keys d
wait_for "read-only: Alice's follow-ups"
assert_contains "$(screen)" "Drill: send the quote"
keys Enter
wait_for "Alice · read-only"
wait_for "$(date -u -d "@$start" '+%a %-d %b %H:%M')"
assert_eq "$(sqlite3 "$A" "SELECT count(*) FROM action WHERE done_at IS NULL AND
  text = 'Drill: send the quote'")" 1 "Alice's open action"
assert_eq "$(sum)" "$sum0" "Alice's file after her screens"

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
