# A mouse click selects the meeting under it (button 1, SGR mouse
# reporting, as xterm and tmux send it).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
# The week's last meeting: never the one selected at start (Monday's).
last=$(sqlite3 "$T/d.db" "select starts_at from meeting where $week
  order by starts_at desc, id desc limit 1")
cell="$(date -u -d "@$last" +%H:%M) "

week_open
wait_for "$cell"
# Where the cell is: the line, and its column counted in characters (every
# character on this screen is one column wide).
line=$(screen | grep -n -F -- "$cell" | tail -n 1)
y=${line%%:*}
text=${line#*:}
before=${text%"$cell"*}
x=$(( $(printf '%s' "$before" | wc -m) + 2 ))
esc=$(printf '\033')
# Press and release, 1-based coordinates.
tmux -L "$SOCK" send-keys -l "$esc[<0;$x;${y}M"
tmux -L "$SOCK" send-keys -l "$esc[<0;$x;${y}m"
wait_for "$(when "$last")–"
tui_quit
echo "week mouse ok"
