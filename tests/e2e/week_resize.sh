# Terminal resizes: below 80x24 a clear message instead of a broken
# screen, the week again when enlarged, and the compact week at exactly
# 80x24.  Keys typed while too small are not acted on blind.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
resize() { tmux -L "$SOCK" resize-window -x "$1" -y "$2"; }

week_open

resize 70 20
wait_for "pipebench needs at least 80×24; this terminal is 70×20 — enlarge it"
assert_not_contains "$(screen)" "week 48" "the too-small screen"
# Narrower still: the message folds onto two lines.
resize 40 10
wait_for "this terminal is 40×10"
wait_for "pipebench needs at least 80×24;"
# a would open the form unseen: nothing happens.
keys a
resize 100 30
wait_for "week 48 · 23–27 Nov 2026"
wait_gone "needs at least"
assert_not_contains "$(screen)" "New meeting" "after a key typed while too small"
wait_for "┌ Mon 23"
wait_for " total "

# Exactly the minimum: the week, compact, nothing wider than the screen.
resize 80 24
wait_for "┌ Mon 23"
wait_for " total "
assert_not_contains "$(screen)" "needs at least" "the 80x24 screen"
# The grid closes on the right: it was laid out for 80 columns, not cut.
screen | sed -n 2p | grep -q '┐$' || fail "the grid's top border does not close"
# One row short: the message again.
resize 80 23
wait_for "this terminal is 80×23"
resize 100 30
wait_for "week 48"

tui_quit
echo "week resize ok"
