# The review over a slow link sends only what changed: idle, its 200 ms
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
echo "review slow link ok: idle 0 bytes, one row $change bytes, full repaint $full bytes"
