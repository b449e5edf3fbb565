# The review as people reach it over SSH: under TERM=screen and
# tmux-256color as under xterm-256color it draws the team and quits
# cleanly.  And over a slow link it sends only what changed: idle, its 200 ms
# tick writes nothing to the terminal; a seller's commit rewrites a few
# cells of one row, far less than a full repaint (Ctrl-L).  The bytes are
# the pane's output as tmux receives it (pipe-pane).
. "$(dirname "$0")/../lib.sh"

export PIPEBENCH_TODAY=2026-11-23
D="$T/team"
"$PB" team init "$D" >/dev/null || fail "team init"
for s in alice bob carol; do
	mkdir -p "$D/sellers/$s"
	"$PB" --db "$D/sellers/$s/seller.db" demo --sellers 1 --weeks 2 --seed 3 >/dev/null 2>&1 ||
		fail "demo for $s"
	sqlite3 "$D/sellers/$s/seller.db" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = '$s'" \
		>/dev/null
done

tui_start 80 24 review --team "$D" --week 2026-W48
wait_for "carol"
OUT="$T/pane.bytes"
: >"$OUT"
tmux -L "$SOCK" pipe-pane -o "cat >> '$OUT'"
bytes() { wc -c <"$OUT" | tr -d ' '; }

# Idle: ticks and presence touches, never a write to the terminal.
sleep 3
assert_eq "$(bytes)" 0 "bytes written by an idle review in 3 s"

# A full repaint, for scale.
keys C-l
sleep 1
full=$(bytes)
[ "$full" -gt 1000 ] || fail "a full repaint wrote only $full bytes"

# One meeting committed to alice's file: one row's numbers change.
: >"$OUT"
A="$D/sellers/alice/seller.db"
account=$(sqlite3 "$A" "SELECT name FROM account ORDER BY id LIMIT 1")
printf '%s\n%s\n' \
	"seller,account,starts_at,duration,battlefield,type,form,dim,complexity,sale,status,notes" \
	"alice,$account,2026-11-26T13:00:00Z,60,resale,negotiation,physical,delivery,medium,solution,planned," \
	>"$T/one.csv"
"$PB" --db "$A" import meetings "$T/one.csv" >/dev/null || fail "import into alice's file"
i=0
while [ "$(bytes)" -eq 0 ]; do
	i=$((i + 1)); [ $i -lt 60 ] || fail "the commit never reached the screen"
	sleep 0.05
done
sleep 1
change=$(bytes)
[ "$change" -lt $((full / 4)) ] ||
	fail "a one-row change wrote $change bytes, a full repaint $full"
keys q

for term in screen tmux-256color; do
	tmux -L "$SOCK" -f /dev/null new-session -d -s "$term" -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=$term PIPEBENCH_TODAY=$PIPEBENCH_TODAY ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} $PB review --team $D --week 2026-W48 2>$T/$term.err; echo EXITED=\$? >>$T/$term.err; sleep 30"
	i=0
	until tmux -L "$SOCK" capture-pane -p -t "$term" | grep -q "carol"; do
		i=$((i + 1)); [ $i -lt 200 ] || fail "TERM=$term: no dashboard: $(cat "$T/$term.err")"
		sleep 0.05
	done
	assert_contains "$(tmux -L "$SOCK" capture-pane -p -t "$term")" "3 sellers"
	tmux -L "$SOCK" send-keys -t "$term" q
	i=0
	until grep -q EXITED "$T/$term.err" 2>/dev/null; do
		i=$((i + 1)); [ $i -lt 200 ] || fail "TERM=$term: the review did not quit"
		sleep 0.05
	done
	assert_contains "$(cat "$T/$term.err")" "EXITED=0"
done
echo "review slow link ok: idle 0 bytes, one row $change bytes, full repaint $full bytes"
