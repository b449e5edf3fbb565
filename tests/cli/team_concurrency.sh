# Eight sellers commit meetings as fast as they can for
# PB_CONCURRENCY_SECONDS (30 by default) while the manager's review polls
# the team.  Nobody may see an error ("database is locked" or any other),
# the review's numbers never go backwards, and at the end the review counts
# every meeting each seller committed.  The review never opens a seller's
# file for writing (checked under strace when it is installed).
. "$(dirname "$0")/../lib.sh"

SECS=${PB_CONCURRENCY_SECONDS:-30}
SELLERS=8
export PIPEBENCH_TODAY=2026-11-25
WEEK=2026-W48
from=$(date -u -d 2026-11-23 +%s); to=$((from + 7 * 86400))
D="$T/team"
"$PB" team init "$D" >/dev/null || fail "team init"

# Stop every background loop before lib.sh removes $T, also on a failure.
stop_all() { : >"$T/stop"; wait; }
trap 'stop_all; cleanup' EXIT INT TERM

# One file per seller, as the seller's process leaves it: their own
# directory, the rollback journal, demo data around this week.
wk="FROM meeting WHERE starts_at >= $from AND starts_at < $to AND status <> 'cancelled'"
bf_counts() { # FILE: the week's planned meetings as R/U/N
	sqlite3 "$1" "SELECT sum(battlefield = 'resale') || '/' || sum(battlefield = 'upsell')
		|| '/' || sum(battlefield = 'new') $wk"
}
n=1
while [ $n -le $SELLERS ]; do
	f="$D/sellers/s$n/seller.db"
	mkdir -p "$D/sellers/s$n" "$T/s$n"
	"$PB" --db "$f" demo --sellers 1 --weeks 1 --seed $n >/dev/null 2>&1 || fail "demo for s$n"
	sqlite3 "$f" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = 'Seller$n'" >/dev/null
	base=$(bf_counts "$f")
	case $base in */*/*) ;; *) fail "no demo meetings in $WEEK for s$n: [$base]" ;; esac
	echo "$base" >"$T/s$n/base"
	n=$((n + 1))
done

# seller_loop N: one import per iteration, each a BEGIN IMMEDIATE commit
# of one new meeting at its own minute of the week (at :07 seconds, so it
# never matches a demo meeting and updates it instead).  Counts its
# commits per battlefield; any failure is written down with its output.
seller_loop() {
	n=$1; f="$D/sellers/s$n/seller.db"; dir="$T/s$n"
	account=$(sqlite3 "$f" "SELECT min(id) FROM account")
	r=0; u=0; w=0; i=0
	while [ ! -e "$T/stop" ] && [ $i -lt 10080 ]; do
		case $((i % 3)) in 0) bf=resale ;; 1) bf=upsell ;; *) bf=new ;; esac
		printf '%s\n%s,%s,2026-11-%02dT%02d:%02d:07Z,1,%s,negotiation,physical,delivery,medium,solution,planned\n' \
			"seller,account_id,starts_at,duration,battlefield,type,form,dim,complexity,sale,status" \
			"Seller$n" "$account" $((23 + i / 1440)) $((i % 1440 / 60)) $((i % 60)) "$bf" >"$dir/row.csv"
		if "$PB" --db "$f" import meetings "$dir/row.csv" >"$dir/out" 2>"$dir/err"; then
			if [ "$(cat "$dir/out")" = "meetings: 1 created, 0 updated, 0 rejected" ]; then
				case $bf in resale) r=$((r + 1)) ;; upsell) u=$((u + 1)) ;; *) w=$((w + 1)) ;; esac
			else
				echo "import $i: unexpected summary: $(cat "$dir/out")" >>"$dir/errors"
			fi
		else
			echo "import $i: exit $?: $(cat "$dir/err")" >>"$dir/errors"
		fi
		i=$((i + 1))
	done
	echo "$r $u $w" >"$dir/committed"
}

# review_loop: the manager's review, again and again, until told to stop.
# Each seller's planned total may only grow from one poll to the next.
# At 120 columns every name stays whole beside the team's wide totals:
# seller, login, target R/U/N, then planned R/U/N ($4).
RW=120
review_loop() {
	polls=0
	while [ ! -e "$T/stop" ]; do
		if "$PB" review --team "$D" --week $WEEK --print --width $RW >"$T/review.out" 2>"$T/review.err"; then
			if grep -q unreadable "$T/review.out"; then
				echo "poll $polls: $(cat "$T/review.out")" >>"$T/review.errors"
			fi
			awk -v poll=$polls 'FILENAME == ARGV[1] { last[$1] = $2; next }
				/^Seller[0-9]+ / { split($4, p, "/"); t = p[1] + p[2] + p[3]
					if ($1 in last && t < last[$1])
						printf "poll %d: %s planned %d after %d\n", poll, $1, t, last[$1]
					print $1, t > "/dev/stderr" }' \
				"$T/review.last" "$T/review.out" 2>"$T/review.next" >>"$T/review.errors"
			mv "$T/review.next" "$T/review.last"
		else
			echo "poll $polls: exit $?: $(cat "$T/review.err")" >>"$T/review.errors"
		fi
		polls=$((polls + 1))
	done
	echo "$polls" >"$T/review.polls"
}

: >"$T/review.errors"; : >"$T/review.last"
start=$(date +%s)
n=1
while [ $n -le $SELLERS ]; do
	seller_loop $n &
	n=$((n + 1))
done
review_loop &

# Meanwhile, one review under strace: a seller's file opened for writing,
# or created, would show up as O_RDWR, O_WRONLY or O_CREAT.
straced=""
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
	sleep 1
	# LeakSanitizer cannot run under ptrace; the other reviews check leaks.
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace=openat -o "$T/strace.log" \
		"$PB" review --team "$D" --week $WEEK --print >/dev/null 2>"$T/strace.err" ||
		fail "review under strace: $(cat "$T/strace.err")"
	straced=yes
else
	echo "strace missing or not permitted: skipping the check that review opens read-only"
fi

sleep "$SECS"
stop_all
elapsed=$(( $(date +%s) - start ))

# Nobody reported an error.
n=1
while [ $n -le $SELLERS ]; do
	[ ! -s "$T/s$n/errors" ] || fail "seller s$n: $(head -n 20 "$T/s$n/errors")"
	[ -s "$T/s$n/committed" ] || fail "seller s$n did not finish"
	n=$((n + 1))
done
[ ! -s "$T/review.errors" ] || fail "review: $(head -n 40 "$T/review.errors")"
polls=$(cat "$T/review.polls")
[ "$polls" -ge 1 ] || fail "the review never polled"

# The final review counts every committed meeting, and so does the shell.
expect_status 0 "$PB" review --team "$D" --week $WEEK --print --width $RW
dash=$OUT
assert_contains "$dash" "$SELLERS sellers"
total=0
n=1
while [ $n -le $SELLERS ]; do
	set -- $(cat "$T/s$n/committed")
	c_r=$1; c_u=$2; c_w=$3
	total=$((total + c_r + c_u + c_w))
	[ $((c_r + c_u + c_w)) -gt 0 ] || fail "seller s$n committed nothing in $SECS s"
	IFS=/ read -r b_r b_u b_w <"$T/s$n/base"
	want="$((b_r + c_r))/$((b_u + c_u))/$((b_w + c_w))"
	assert_eq "$(bf_counts "$D/sellers/s$n/seller.db")" "$want" "s$n: the file's planned R/U/N"
	row=$(printf '%s\n' "$dash" | grep "^Seller$n ") || fail "no row for Seller$n:
$dash"
	set -- $row
	assert_eq "$4" "$want" "Seller$n planned in the review (demo $b_r/$b_u/$b_w + committed $c_r/$c_u/$c_w)"
	n=$((n + 1))
done

if [ -n "$straced" ]; then
	opened=$(grep -c 'seller\.db", O_RDONLY' "$T/strace.log" || true)
	[ "$opened" -ge $SELLERS ] ||
		fail "strace saw $opened read-only opens of seller files, wanted $SELLERS or more:
$(grep openat "$T/strace.log" | tail -n 20)"
	if grep -E '(seller|team)\.db[^"]*", [^)]*(O_RDWR|O_WRONLY|O_CREAT)' "$T/strace.log" >"$T/writes"; then
		fail "the review opened a team file for writing: $(head -n 5 "$T/writes")"
	fi
fi
echo "$SELLERS sellers committed $total meetings in ${SECS} s; $polls review polls; no errors; ${elapsed} s in all"
echo ok
