# The preparation screen: p on a meeting of the demo week opens it with
# the checklist of the meeting's form; Space on an item ticks it and it is
# stored at once; a purpose with æøå is saved with Ctrl-S; Esc back to the
# week, p again, and both are there as stored.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
q() { sqlite3 -cmd ".timeout 5000" "$T/d.db" "$1"; }
id=$(q "select id from meeting where $week order by starts_at, id limit 1")
[ -n "$id" ] || fail "no meeting in the demo week"
acct=$(q "select a.name from meeting m join account a on a.id = m.account_id where m.id = $id")
form=$(q "select form from meeting where id = $id")
first=$(awk '!/^[ \t]*(#|$)/ { print $1; exit }' \
	"$(dirname "$0")/../../assets/checklists/$form.txt")
[ -n "$first" ] || fail "no first item in the $form checklist"

week_open
wait_for " total "
select_meeting "$id"
keys p
wait_for "Preparation · $acct"
wait_for "Checklist for a $form meeting (0 of"
assert_contains "$(screen)" "Business pains & acceptances to focus on"

# The first item, ticked: stored before any save.
keys Tab Tab Tab Space
wait_for "[x]"
wait_for "(1 of"
assert_eq "$(q "select group_concat(item) from checklist_tick where meeting_id = $id")" \
	"$first" "the stored tick"
keys BTab BTab BTab
type_text "Få en aftale om pilot på Ærø"
wait_for "[unsaved]"
keys C-s
wait_for "saved"
assert_not_contains "$(screen)" "[unsaved]"
assert_eq "$(q "select purpose from meeting where id = $id")" \
	"Få en aftale om pilot på Ærø" "the stored purpose"
keys Escape
wait_for "week 48"

keys p
wait_for "Preparation · $acct"
wait_for "Få en aftale om pilot på Ærø"
s=$(screen)
assert_contains "$s" "(1 of"
assert_contains "$s" "[x]"
assert_not_contains "$s" "[unsaved]"
keys Escape
wait_for "week 48"
tui_quit
echo "prep screen ok"
