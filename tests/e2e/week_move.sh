# Moving a meeting: m, then → a day and ↓ half an hour at a time (the week
# redrawn with the meeting at its new place as it goes), Enter commits
# through db_meeting_move, Esc leaves it where it was.  A cancelled meeting
# cannot be moved, and a meeting another process takes out of the week
# stops the move.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
# The first planned meeting from Monday to Thursday (→ must stay in the
# week).
id=$(sqlite3 "$T/d.db" "select id from meeting where $week and status = 'planned'
  and starts_at < $mon + 4 * 86400 order by starts_at, id limit 1")
[ -n "$id" ] || fail "no planned meeting in the demo week"
at() { sqlite3 "$T/d.db" "select starts_at from meeting where id = $id"; }
hhmm() { date -u -d "@$1" +%H:%M; }
t0=$(at)

week_open
select_meeting "$id"
wait_for "$(when "$t0")–"

# Esc: nothing moves.
keys m
wait_for "moving: ←→ day ↑↓ 30 min Enter done Esc cancel"
keys Right
wait_for "moving to $(when $((t0 + 86400)))"
keys Escape
wait_for "move cancelled"
assert_eq "$(at)" "$t0" "start after Esc"

# A day later and half an hour later.
keys m
wait_for "moving: "
keys Right
wait_for "moving to $(when $((t0 + 86400)))"
keys Down
t1=$((t0 + 86400 + 1800))
wait_for "moving to $(when "$t1")"
# The week shows it at the new time already.
wait_for "$(hhmm "$t1") "
keys Enter
wait_for "moved to $(when "$t1")"
assert_eq "$(at)" "$t1" "start after the move"
# `week --print` agrees: the meeting sits at its new time.
out=$("$PB" --db "$T/d.db" --today 2026-11-23 week --print)
assert_contains "$out" "$(hhmm "$t1") " "week --print after the move"

# Back (←, ↑) with the vi keys.
keys m
wait_for "moving: "
keys h k Enter
wait_for "moved to $(when "$t0")"
assert_eq "$(at)" "$t0" "start after moving back"

# Cancelled meetings stay put.
keys x
wait_for "? y/n"
keys y
wait_for "cancelled: "
keys m
wait_for "a cancelled meeting cannot be moved"
keys x
wait_for "Restore the cancelled meeting"
keys y
wait_for "restored: "

# Another process takes the meeting out of the week in the middle of a
# move: the move is given up, never written over the other change.
keys m
wait_for "moving: "
keys Right
wait_for "moving to "
sqlite3 -cmd ".timeout 5000" "$T/d.db" \
	"update meeting set starts_at = starts_at + 7 * 86400 where id = $id"
wait_for "the meeting was changed elsewhere; move cancelled" 5
assert_eq "$(at)" "$((t0 + 7 * 86400))" "start after the move given up"

tui_quit
echo "week move ok"
