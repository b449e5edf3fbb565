# A long export on a terminal draws a progress bar on stderr and ends it
# at 100 %; the file holds the data alone.  (Piped, stderr stays silent:
# tests/cli/export.sh.)
. "$(dirname "$0")/../lib.sh"

"$PB" --db "$T/d.db" --today 2026-11-23 demo --sellers 8 --weeks 40 --per-week 30 \
	>/dev/null 2>&1 || fail "demo"
n=$(sqlite3 "$T/d.db" "select count(*) from meeting")
[ "$n" -gt 8192 ] || fail "want more rows than two progress steps, have $n"
tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 10 \
	"env LANG=C.UTF-8 TZ=UTC $PB --db $T/d.db export meetings --crm generic -o $T/m.csv; echo DONE=\$?; sleep 30"
wait_for "DONE=" 60
out=$(screen)
assert_contains "$out" "100% $n/$n" "the finished bar"
assert_contains "$out" "DONE=0" "the exit status"
cr=$(printf '\r')
assert_eq "$(grep -c "$cr\$" "$T/m.csv")" "$((n + 1))" "rows plus the header"
assert_contains "$out" "$T/m.csv: $n meetings (generic)" "the closing line"
assert_not_contains "$(cat "$T/m.csv")" "exporting" "the bar in the data"
echo "export progress ok"
