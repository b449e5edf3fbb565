# The week view: it opens on the week of --today with the seller and the
# meetings; the selection follows j/k and the arrows (the status line then
# names the selected meeting); ] and t change week; ? lists every action of
# the key table and any key closes it; q exits 0 and restores the terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
# The week's meetings in the order the TUI walks them, as the status line
# starts its description: "Mon 23 Nov 09:30–".
walk=$(sqlite3 "$T/d.db" "select substr('SunMonTueWedThuFriSat',
    1 + 3 * strftime('%w', starts_at, 'unixepoch'), 3) || ' ' ||
    (0 + strftime('%d', starts_at, 'unixepoch')) || ' Nov ' ||
    strftime('%H:%M', starts_at, 'unixepoch') || '–'
  from meeting where $week order by starts_at, id")
n=$(printf '%s\n' "$walk" | wc -l)
[ "$n" -ge 4 ] || fail "the demo week has only $n meetings"
row() { printf '%s\n' "$walk" | sed -n "${1}p"; }
first_acct=$(sqlite3 "$T/d.db" "select a.name from meeting m join account a
  on a.id = m.account_id where m.seller_id = $sid and m.starts_at >= $mon
  order by m.starts_at, m.id limit 1")

week_open
wait_for "week 48 · 23–27 Nov 2026"
wait_for "Mette Sørensen"
wait_for "Mon 23 · today"
# A meeting: its account's name, cut to the cell.
wait_for "$(printf '%s' "$first_acct" | cut -c1-8)"
wait_for "a add  e edit  m move  H held  x cancel"
# Colour on a colour terminal (week_plain.sh checks NO_COLOR has none).
tmux -L "$SOCK" capture-pane -p -e | grep -q "$(printf '\033')\[3[0-7]m\|;3[0-7]m" ||
	fail "no colours on a colour terminal"

# The first meeting of Monday is selected; j walks the week in order.
keys j
wait_for "$(row 2)"
keys j
wait_for "$(row 3)"
keys k
wait_for "$(row 2)"
keys Down
wait_for "$(row 3)"
keys Up Up
wait_for "$(row 1)"
# Right: the next day's meeting nearest in time.
keys Right
wait_for "Tue 24 Nov "
keys h
wait_for "Mon 23 Nov "
# Left of Monday: Friday of the week before.
keys Left
wait_for "week 47"

keys t
wait_for "week 48"
keys ']'
wait_for "week 49 · 30 Nov"
keys t
wait_for "week 48"
keys NPage
wait_for "week 49"
keys PPage
wait_for "week 48"

# s cycles through the sellers: the other one, then back.
other=$(sqlite3 "$T/d.db" "select name from seller where id != $sid")
keys s
wait_for "week 48 · 23–27 Nov 2026 · $other"
wait_for "seller: $other ("
keys s
wait_for "week 48 · 23–27 Nov 2026 · Mette Sørensen"

# w shows the weekend and hides it again.
keys w
wait_for "Sun 29"
keys w
wait_gone "Sun 29"

# Help: every label of the action table, whatever the table holds.
keys '?'
wait_for "Press any key to close this help."
labels=$(sed -n 's/.*"\([^"]*\)", \("[^"]*"\|NULL\), [01] },$/\1/p' "$TOP/tui/keys.c")
nact=$(grep -c '^	\[TUI_ACT_' "$TOP/tui/keys.c")
assert_eq "$(printf '%s\n' "$labels" | wc -l)" "$nact" "labels parsed from tui/keys.c"
scr=$(screen)
printf '%s\n' "$labels" | while IFS= read -r l; do
	assert_contains "$scr" "$l" "the help screen"
done
assert_contains "$scr" "Ctrl-L" "the help screen"
assert_contains "$scr" "PgUp" "the help screen"
assert_contains "$scr" "▣ physical" "the legend"
# Any key closes it, and is not taken as a command (x would ask to cancel).
keys x
wait_gone "Press any key to close this help."
wait_for "week 48"
assert_not_contains "$(screen)" "y/n" "after closing help"

# An unbound key says so instead of doing something.
keys Z
wait_for "Z does nothing here"

tmux -L "$SOCK" display -p '#{alternate_on} #{mouse_any_flag}' | grep -q '^1 1$' ||
	fail "no alternate screen or mouse while running"
tui_quit
# The terminal is back: main screen, cursor shown, mouse and keypad off.
assert_eq "$(tmux -L "$SOCK" display -p '#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_cursor_flag}')" \
	"0 1 0 0" "terminal state after exit"
wait_gone "week 48"
assert_eq "$(grep -v '^EXITED=' "$T/stderr" || true)" "" "stderr"
echo "week basics ok"
