# The buying centre from the keyboard: on the demo, the week's first
# meeting of Mette's; A, c adds "Åse Nørgaard" as procurement to its
# account; n, she is ticked as a participant (stored at once), Ctrl-S
# saves the minutes and marks the meeting held; A again counts her met
# today.
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
all=$((known + 1))

week_open
select_meeting "$m"
keys A
wait_for "Account · $acct"
keys c
wait_for "Enter add  Esc cancel"
type_text "Åse Nørgaard"; keys Tab
type_text "Procurement"; keys Tab
type_text "Head of purchasing"; keys Enter
wait_for "added Åse Nørgaard, procurement"
wait_for "Contacts ($all)"
assert_eq "$(q "select role from contact where name = 'Åse Nørgaard'")" procurement \
	"the stored role"
keys Escape
wait_for "week 48"

keys n
wait_for "Minutes · $acct"
keys Tab Tab Tab Tab
wait_for "Space was there or not"
press Right "$known"
keys Space
wait_for "Åse Nørgaard was in the meeting"
assert_contains "$(screen)" "[x] Åse Nørgaard, procurement" "the ticked participant"
# Stored at once, before any save.
assert_eq "$(q "select count(*) from participant p join contact c on c.id = p.contact_id
               where p.meeting_id = $m and c.name = 'Åse Nørgaard'")" 1 "the participant row"
keys C-s
wait_for "marked held"
keys Escape
wait_for "week 48"

keys A
wait_for "met 1 of $all in 90 days"
line=$(screen | grep "Åse Nørgaard")
assert_contains "$line" "today" "Åse met today"
keys Escape
wait_for "week 48"
tui_quit
echo "participants ok"
