# A mouse click selects the meeting under it (button 1, SGR mouse
# reporting, as xterm and tmux send it).
. "$(dirname "$0")/../lib.sh"

"$PB" --db "$T/d.db" --today 2026-11-23 demo --sellers 2 >/dev/null 2>&1
sid=$(sqlite3 "$T/d.db" "select id from seller where name = 'Mette Sørensen'")
mon=$(date -u -d 2026-11-23 +%s)
# The week's last meeting: never the one selected at start (Monday's).
last=$(sqlite3 "$T/d.db" "select starts_at from meeting where seller_id = $sid
  and starts_at >= $mon and starts_at < $mon + 5 * 86400
  order by starts_at desc, id desc limit 1")
cell="$(date -u -d "@$last" +%H:%M) "

tui_start 100 30 --db "$T/d.db" --today 2026-11-23
wait_for "week 48"
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
wait_for "$(date -u -d "@$last" '+%a %-d %b %H:%M')–"
keys q
assert_eq "$(wait_exit)" 0 "exit status"
echo "week mouse ok"
