# A form the matrix rates "hardly" asks before saving; Esc backs out of
# the question and nothing is written, and a changed dialog asks before it
# is thrown away.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 1
before=$("$PB" --db "$T/d.db" week --week 2026-W48 --print)
count0=$(sqlite3 "$T/d.db" "SELECT count(*) FROM meeting" 2>/dev/null || echo none)

week_open
keys a
wait_for "New meeting"
type_text "Hvidø"
wait_for "Hvidø ApS"
keys Enter
wait_gone "+ create account"
# Type: negotiation; the best form is physical.
keys Down Down Down n
wait_for "matrix for negotiation"
assert_contains "$(screen | grep 'physical')" "▶" "preselected physical"
assert_contains "$(screen | grep 'physical')" "first choice" "physical's rating"
# Phone, by its letter, in the form list.
keys Down Down Down t
wait_for "▶ ☎ phone"
keys Enter
wait_for "☎ phone is rated hardly for negotiation — use it anyway?"
keys Escape
wait_gone "use it anyway?"
wait_for "Not saved"
assert_contains "$(screen)" "New meeting" "the dialog stays open"

# Cancel: the dialog was changed, so it asks; n keeps it, y drops it.
keys Escape
wait_for "Discard changes? y/n"
keys n
wait_gone "Discard changes?"
keys Escape
wait_for "Discard changes? y/n"
keys y
wait_gone "New meeting"

after=$("$PB" --db "$T/d.db" week --week 2026-W48 --print)
assert_eq "$after" "$before" "the week after backing out"
if command -v sqlite3 >/dev/null 2>&1; then
	assert_eq "$(sqlite3 "$T/d.db" "SELECT count(*) FROM meeting")" "$count0" "meetings"
fi
tui_quit
echo "form_hardly ok"
