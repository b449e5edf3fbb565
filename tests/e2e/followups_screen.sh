# The follow-ups screen: three open actions of Mette's (one overdue from
# last week's meeting, one due this week, one later from next week's
# meeting); the week's title counts the overdue one; f lists them under
# Overdue, This week and Later in that order; d marks the overdue one done
# (in the database too) and back in the week the title no longer says
# overdue; Enter on an action shows its meeting's week with the meeting
# selected; another process's new action shows up live; ? lists f.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
q() { sqlite3 -cmd ".timeout 5000" "$T/d.db" "$1"; }
# A meeting of Mette's, the nth (0-based) of the week starting at $1.
meeting_in() {
	q "select id from meeting where seller_id = $sid and status <> 'cancelled'
	   and starts_at >= $1 and starts_at < $1 + 5 * 86400
	   order by starts_at, id limit 1 offset $2"
}
m_old=$(meeting_in $((mon - 7 * 86400)) 2)
m_now=$(meeting_in "$mon" 0)
m_next=$(meeting_in $((mon + 7 * 86400)) 1)
[ -n "$m_old" ] && [ -n "$m_now" ] && [ -n "$m_next" ] || fail "no meetings to hang actions on"
# add MEETING DUE TEXT: an open action of that meeting, due DUE.
add() {
	q "insert into action (meeting_id, account_id, seller_id, text, due,
	     created_at, updated_at)
	   select id, account_id, seller_id, '$3', $2, 0, 0 from meeting where id = $1"
}
today=$((mon / 86400))
add "$m_next" $((today + 20)) "Send the pilot plan"
add "$m_now" $((today + 3)) "Call about the renewal"
add "$m_old" $((today - 3)) "Send the signed quote back"

week_open
assert_contains "$(screen | head -n 1)" "1 overdue" "the week's title"

keys f
wait_for "Follow-ups · Mette Sørensen"
wait_for "3 open · 1 overdue · 1 this week · 1 later"
s=$(screen)
order=$(printf '%s\n' "$s" | grep -n -e "Overdue (1)" -e "3 days overdue" \
	-e "This week (1)" -e "Thu 26 Nov" -e "Later (1)" -e "Sun 13 Dec" | cut -d: -f1 | tr '\n' ' ')
l1=$(printf '%s\n' "$s" | grep -n "Overdue (1)" | cut -d: -f1)
assert_eq "$order" "$l1 $((l1 + 1)) $((l1 + 2)) $((l1 + 3)) $((l1 + 4)) $((l1 + 5)) " \
	"the lines of the headings and rows"
assert_contains "$(printf '%s\n' "$s" | sed -n "$((l1 + 1))p")" "Send the signed quote back"
assert_contains "$(printf '%s\n' "$s" | sed -n "$((l1 + 3))p")" "Call about the renewal"
assert_contains "$(printf '%s\n' "$s" | sed -n "$((l1 + 5))p")" "Send the pilot plan"

# The overdue one is selected first: d marks it done.
keys d
wait_for "done: Send the signed quote back"
wait_for "2 open · 0 overdue · 1 this week · 1 later"
assert_not_contains "$(screen)" "Overdue (" "the list after d"
assert_eq "$(q "select done_at is not null from action where text = 'Send the signed quote back'")" 1 \
	"done in the database"

keys Escape
wait_for "week 48"
wait_gone "overdue"

# Enter on the later action: next week, its meeting selected.
keys f
wait_for "2 open"
keys j Enter
wait_for "week 49"
start=$(q "select starts_at from meeting where id = $m_next")
acct=$(q "select a.name from meeting m join account a on a.id = m.account_id where m.id = $m_next")
wait_for "$(when "$start")–"
assert_contains "$(screen | tail -n 1)" "$acct" "the status line after Enter"

# Live: another process's action appears while the screen is open.
keys f
wait_for "2 open"
add "$m_now" $((today - 1)) "Return the samples"
wait_for "Return the samples" 5
wait_for "3 open · 1 overdue"
keys q
wait_for "1 overdue"

keys '?'
wait_for "Open follow-ups"
keys Escape
wait_for "week 49"
tui_quit
echo "follow-ups screen ok"
