# The account screen: on the demo, the week's first meeting of Mette's; A
# opens its account with the contacts and the buying-centre line (the
# demo has contacts but no participants: everyone is "never" met); Esc
# goes back to the week.  Another process's write shows up live.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
q() { sqlite3 -cmd ".timeout 5000" "$T/d.db" "$1"; }
m=$(q "select id from meeting where $week order by starts_at, id limit 1")
[ -n "$m" ] || fail "no meeting this week"
acct=$(q "select a.name from meeting m join account a on a.id = m.account_id where m.id = $m")
known=$(q "select count(*) from contact c join meeting m on m.account_id = c.account_id
           where m.id = $m")
[ "$known" -gt 0 ] || fail "the demo account has no contacts"

week_open
select_meeting "$m"
keys A
wait_for "Account · $acct"
wait_for "Contacts ($known)"
wait_for "met 0 of $known in 90 days (0 in person) — no decision maker"
assert_contains "$(screen)" "never" "a contact never met"
assert_contains "$(screen | tail -n 1)" "Esc back" "the key line"

# Live: another process records the meeting held with one of them.
q "update meeting set status = 'held' where id = $m;
   insert into participant (meeting_id, contact_id)
   select $m, c.id from contact c join meeting m on m.account_id = c.account_id
   where m.id = $m order by c.id limit 1"
wait_for "met 1 of $known in 90 days" 5
assert_contains "$(screen)" "today" "the contact just met"

keys Escape
wait_for "week 48"
wait_gone "Account · "
tui_quit
echo "account screen ok"
