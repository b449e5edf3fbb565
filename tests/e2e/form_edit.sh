# Edits the selected meeting: a new time, everything else kept; the week
# shows it at the new time.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 1
week_open
keys e
wait_for "Edit meeting"
s=$(screen)
# The dialog says which meeting: "Account      Fanø Tømmerhandel AS   last visit".
name=$(printf '%s\n' "$s" | sed -n '/│ Account/{s/.*│ Account  *//; s/  .*//; p; q;}')
old=$(printf '%s\n' "$s" | grep '│ When' | grep -o '[0-9][0-9]:[0-9][0-9]' | head -n 1)
word=${name%% *}
[ -n "$word" ] && [ -n "$old" ] || fail "no account or time in the dialog:
$s"
[ "$old" != "14:30" ] || fail "the meeting is at 14:30 already"
# The type under the meeting in the week, to check it is kept.
keys Escape
wait_gone "Edit meeting"
kind=$(screen | grep -A1 "$old $word" | tail -n 1 | sed 's/.*│ *\([a-z/ -]*[a-z]\) .*/\1/' | head -n 1)
n_old=$(screen | grep -c "$old $word" || true)

keys e
wait_for "Edit meeting"
keys Tab Tab Tab C-u
type_text "14:30"
wait_for "14:30   duration"
keys Enter
wait_gone "Edit meeting"
wait_for "14:30 $word"
assert_contains "$(screen | grep -A1 "14:30 $word")" "$kind" "the meeting type"
assert_eq "$(screen | grep -c "$old $word" || true)" "$((n_old - 1))" "meetings left at $old"
assert_not_contains "$(screen)" "Edit meeting" "the screen"
tui_quit
echo "form_edit ok"
