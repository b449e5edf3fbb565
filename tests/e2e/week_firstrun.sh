# First run on an empty database: a screen that says what pipebench is and
# how to begin, an edit line for the seller's name (æøå typed and edited),
# Enter creates the seller and opens the empty week with its hint and the
# cursor's day marked.  The next start goes straight to the week.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

tui_start 100 30 --db "$T/new.db" --today 2026-11-23
wait_for "Welcome to pipebench"
wait_for "type your name and press Enter"
wait_for "pipebench demo"
# An empty name is refused.
keys C-u Enter
wait_for "type your name first"
type_text "Åse Kjærgårdx"
keys BSpace
wait_for "Åse Kjærgård"
keys Enter
wait_for "week 48 · 23–27 Nov 2026 · Åse Kjærgård"
wait_for "press a to plan one"
assert_eq "$(sqlite3 "$T/new.db" 'select name from seller')" "Åse Kjærgård" "the seller stored"
# The empty week has no meeting to select: the cursor's day heading is
# what shows where a new meeting would go, on the selection's cyan.
esc=$(printf '\033')
marked() {
	tmux -L "$SOCK" capture-pane -p -e | sed -n 2p |
		grep -o "$esc\[46m[^$esc]*" | sed "s/^$esc\[46m//"
}
assert_eq "$(marked)" " Mon 23 · today " "the cursor's day heading"
keys l
wait_for "Tue 24 Nov: nothing selected"
assert_eq "$(marked)" " Tue 24 " "the cursor's day heading after l"
tui_quit

next_server 1
tui_start 100 30 --db "$T/new.db" --today 2026-11-23
wait_for "week 48 · 23–27 Nov 2026 · Åse Kjærgård"
assert_not_contains "$(screen)" "Welcome" "the second start"
tui_quit

# Esc on the first-run screen quits without creating anybody.
next_server 2
tui_start 100 30 --db "$T/other.db" --today 2026-11-23
wait_for "Welcome to pipebench"
keys Escape
assert_eq "$(wait_exit)" 0 "exit status"
assert_eq "$(sqlite3 "$T/other.db" 'select count(*) from seller')" 0 "sellers after Esc"

# --seller naming nobody is an error on stderr, not a screen.
next_server 3
tui_start 100 30 --db "$T/new.db" --today 2026-11-23 --seller Nobody
assert_eq "$(wait_exit)" 1 "exit status for an unknown seller"
assert_contains "$(cat "$T/stderr")" "Nobody" "stderr"
echo "week first run ok"
