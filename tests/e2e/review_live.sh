# The manager's live review: a seller's commit shows on the dashboard
# within 2 s without a key, a seller who joins gets a row, the presence
# file lives exactly as long as the review, the seller's own week says who
# reviews it, and SIGHUP ends the review cleanly (presence removed,
# terminal restored).  Every seller here is the current user: the OS
# permissions are team_perms.sh's business.
. "$(dirname "$0")/../lib.sh"

export PIPEBENCH_TODAY=2026-11-23
D="$T/team"
ME=$(id -un)
PRESENCE="$D/presence/$ME.review"
"$PB" team init "$D" >/dev/null || fail "team init"

# seller_file LOGIN NAME SEED DIR: a seller's file as their process leaves
# it (rollback journal, one seller), made in DIR/LOGIN.
seller_file() {
	mkdir -p "$4/$1"
	"$PB" --db "$4/$1/seller.db" demo --sellers 1 --weeks 2 --seed "$3" >/dev/null 2>&1 ||
		fail "demo for $1"
	sqlite3 "$4/$1/seller.db" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = '$2'" \
		>/dev/null
}
seed=1
for s in Alice Bob Carol; do
	seller_file "$(echo "$s" | tr 'A-Z' 'a-z')" "$s" $seed "$D/sellers"
	seed=$((seed + 1))
done

# Each program in its own tmux session of one server; screen and keys act
# on the session in $ON.
ON=review
start() { # SESSION ERRFILE ARGS...
	_s=$1 _e=$2; shift 2
	tmux -L "$SOCK" -f /dev/null new-session -d -s "$_s" -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} PIPEBENCH_TODAY=$PIPEBENCH_TODAY $PB $* 2>$_e; echo EXITED=\$? >>$_e; sleep 30"
	tmux -L "$SOCK" set-option -g remain-on-exit on >/dev/null 2>&1 || true
}
screen() { tmux -L "$SOCK" capture-pane -p -t "$ON"; }
keys() { tmux -L "$SOCK" send-keys -t "$ON" "$@"; }
# planned LOGIN-NAME: the row's Planned cell, "R/U/N".
planned() { screen | awk -v n="$1" '$1 == n { print $3; exit }'; }

start review "$T/stderr" review --team "$D" --week 2026-W48
wait_for "Carol"
assert_contains "$(screen)" "Team review  2026-W48  23 Nov - 29 Nov 2026  3 sellers"
assert_contains "$(screen)" "q quit"
[ -f "$PRESENCE" ] || fail "no presence file while the review is open"
assert_contains "$(cat "$PRESENCE")" "pid="
assert_eq "$(stat -c %a "$PRESENCE")" "640" "the presence file's mode"

# Alice commits one re-sale meeting: her Planned cell counts it within
# 2 s, with no key pressed.
A="$D/sellers/alice/seller.db"
before=$(planned Alice)
[ -n "$before" ] || fail "no Planned cell for Alice: $(screen)"
account=$(sqlite3 "$A" "SELECT name FROM account ORDER BY id LIMIT 1")
printf '%s\n%s\n' \
	"seller,account,starts_at,duration,battlefield,type,form,dim,complexity,sale,status,notes" \
	"Alice,$account,2026-11-26T13:00:00Z,60,resale,negotiation,physical,delivery,medium,solution,planned," \
	>"$T/one.csv"
"$PB" --db "$A" import meetings "$T/one.csv" >/dev/null || fail "import into Alice's file"
want=$(echo "$before" | awk -F/ '{ printf "%d/%d/%d", $1 + 1, $2, $3 }')
i=0
while [ "$(planned Alice)" != "$want" ]; do
	i=$((i + 1))
	[ $i -lt 40 ] || fail "Alice's Planned stayed [$(planned Alice)], wanted [$want] within 2 s"
	sleep 0.05
done
# The dashboard counts what the file holds.
from=$(date -u -d 2026-11-23 +%s)
resale=$(sqlite3 "$A" "SELECT count(*) FROM meeting WHERE starts_at >= $from AND
	starts_at < $from + 7 * 86400 AND status <> 'cancelled' AND battlefield = 'resale'")
assert_eq "${want%%/*}" "$resale" "Alice's re-sale meetings this week"

# A fourth seller joins: their directory appears whole (a rename), and
# their row with it.
seller_file dave Dave 9 "$T/stage"
mv "$T/stage/dave" "$D/sellers/dave"
wait_for "Dave" 3
wait_for "4 sellers" 3

# Keys: sorting marks its column, the help lists the table, j moves.
keys 2
wait_for "Target*"
keys '?'
wait_for "Team review: keys"
assert_contains "$(screen)" "sort by last change"
keys q
wait_gone "Team review: keys"

# The seller's own week says who reviews it.  The seller is the current
# user here, so their file is their own in the team.
"$PB" --team "$D" demo --sellers 1 --weeks 1 >/dev/null 2>&1 || fail "the seller's own file"
start seller "$T/seller.err" --team "$D"
ON=seller
wait_for "week 48"
wait_for "reviewed by" 3
ON=review
wait_for "5 sellers" 3

# q: the review ends, its presence file goes, the seller's notice with it.
keys q
assert_eq "$(wait_exit)" 0 "the review's exit status"
[ ! -e "$PRESENCE" ] || fail "the presence file outlived the review"
ON=seller
wait_gone "reviewed by" 3
keys q

# SIGHUP (the SSH link dropped): a clean exit, the presence file removed,
# the terminal restored.
ON=hup
start hup "$T/stderr" review --team "$D" --week 2026-W48
wait_for "Carol"
[ -f "$PRESENCE" ] || fail "no presence file in the second review"
pid=$(pgrep -P "$(tmux -L "$SOCK" display -p -t hup '#{pane_pid}')")
[ -n "$pid" ] || fail "no review process"
kill -HUP "$pid"
assert_eq "$(wait_exit)" 0 "exit status after SIGHUP"
[ ! -e "$PRESENCE" ] || fail "the presence file outlived SIGHUP"
kill -0 "$pid" 2>/dev/null && fail "the review still runs after SIGHUP"
assert_eq "$(tmux -L "$SOCK" display -p -t hup '#{alternate_on} #{cursor_flag}')" "0 1" \
	"terminal state after SIGHUP"
echo "review live ok"
