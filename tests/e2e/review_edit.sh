# The manager edits the team's settings from the live review: e opens the
# editor on the selected seller, a typed re-sale target is marked as
# changed, Ctrl-S saves it to the team file in one transaction, the
# seller's open week shows the new target within a few seconds without a
# key, `settings show` on the team file lists it, and the dashboard's
# Target column follows.  A number out of bounds says why and is not
# saved; Esc with unsaved changes asks first.  Every seller here is the
# current user: who may write the team file is team_perms.sh's business
# and test_team_edit's (read-only mode).
. "$(dirname "$0")/../lib.sh"

export PIPEBENCH_TODAY=2026-11-23
D="$T/team"
ME=$(id -un)
"$PB" team init "$D" >/dev/null || fail "team init"
# The seller's own file (the current user), and a colleague's.
"$PB" --team "$D" demo --sellers 1 --weeks 1 >/dev/null 2>&1 || fail "the seller's own file"
mkdir -p "$D/sellers/alice"
"$PB" --db "$D/sellers/alice/seller.db" demo --sellers 1 --weeks 1 --seed 2 >/dev/null 2>&1 ||
	fail "demo for alice"
sqlite3 "$D/sellers/alice/seller.db" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = 'Alice'" \
	>/dev/null

# Each program in its own tmux session of one server; screen and keys act
# on the session in $ON.
ON=seller
start() { # SESSION COLS ROWS ERRFILE ARGS...
	_s=$1 _c=$2 _r=$3 _e=$4; shift 4
	tmux -L "$SOCK" -f /dev/null new-session -d -s "$_s" -x "$_c" -y "$_r" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} PIPEBENCH_TODAY=$PIPEBENCH_TODAY $PB $* 2>$_e; echo EXITED=\$? >>$_e; sleep 30"
	tmux -L "$SOCK" set-option -g remain-on-exit on >/dev/null 2>&1 || true
}
screen() { tmux -L "$SOCK" capture-pane -p -t "$ON"; }
keys() { tmux -L "$SOCK" send-keys -t "$ON" "$@"; }
# The seller's panel: the re-sale line's "visits / target".
resale() { screen | grep "Re-sale  Gensalg" || true; }

start seller 100 30 "$T/seller.err" --team "$D"
wait_for "week 48"
assert_contains "$(resale)" " / –" "the seller's re-sale target before"

start review 80 24 "$T/stderr" review --team "$D" --week 2026-W48
ON=review
wait_for "2 sellers"
assert_contains "$(screen)" "e settings"
# Sorted by name: Alice, then the seller; select the seller, open.
keys j
keys e
wait_for "Team settings"
assert_contains "$(screen)" "$D/team.db"
line=$(screen | grep " $ME  *$ME ")
assert_contains "$line" "default –" "the seller's row before"

# Out of bounds: said, and Ctrl-S refuses it.
keys 1 5 0
wait_for "a target is from 0 to 100 visits a week"
keys C-s
wait_for "not saved:"
assert_eq "$(sqlite3 "$D/team.db" "SELECT count(*) FROM target")" 0 "targets after a refused save"

# 7: marked as changed, then saved.
keys BSpace BSpace BSpace 7
wait_for "1 unsaved change"
assert_contains "$(screen | grep " $ME  *$ME ")" "*7" "the changed cell's marker"
keys C-s
wait_for "saved 1 change"
assert_not_contains "$(screen | grep " $ME  *$ME ")" "*7" "the marker after saving"

# The seller's screen picks it up by itself.
ON=seller
i=0
until resale | grep -q " / 7 "; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "the seller's target stayed [$(resale)] 5 s after the save"
	sleep 0.05
done
# The manager's file says so, for the seller's roster row.
out=$("$PB" --db "$D/team.db" settings show) || fail "settings show: $out"
row=$(echo "$out" | awk -v n="$ME" '$1 == n { print $2; exit }')
assert_eq "$row" 7 "settings show: the seller's re-sale target
$out"
assert_eq "$(sqlite3 "$D/team.db" "SELECT login FROM seller")" "$ME" "the roster row's login"

# Back on the dashboard, the seller's Target column has the 7.
ON=review
keys Escape
wait_for "Team review"
assert_eq "$(screen | awk -v n="$ME" '$1 == n { print $2; exit }')" 7 "the dashboard's target"

# Esc with an unsaved change asks; n leaves it unsaved.
keys e
wait_for "Team settings"
keys Tab
wait_for "How many visits one held meeting"
keys 2
wait_for "1 unsaved change"
keys Escape
wait_for "save changes? (y)es / (n)o, discard / Esc keep editing"
keys n
wait_for "Team review"
assert_eq "$(sqlite3 "$D/team.db" "SELECT count(*) FROM form_weight")" 0 "weights after discarding"

keys q
assert_eq "$(wait_exit)" 0 "the review's exit status"
ON=seller
keys q
echo "review edit ok"
