#!/bin/sh
# The manager's review of a team of 50 sellers with 20,000 meetings each
# (1,000,000 in all, one file per seller):
#  - open the review and render the dashboard (`review --print`) against
#    one sqlite3 shell running the same per-seller queries over the 50
#    files (the week's meetings with their accounts, the overdue
#    follow-ups, the last change);
#  - the latency from a seller's commit (one `import meetings`) to a fresh
#    `review --print` showing it: a whole new review process, the upper
#    bound of what the live review (PRAGMA data_version on files it keeps
#    open, polled every 200 ms, one row reread) takes.
# Targets: dashboard under 200 ms, latency under 1 s.
# Usage: sh bench/review.sh   (RUNS=N review runs, LAT_RUNS=N commits; the
# team is built once in build/bench/review-team and reused).
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-23
WEEK=2026-W48
SELLERS=50
WEEKS=397 PER_WEEK=50 ACCOUNTS=400   # (397 + 3 weeks) x 50 = 20,000 meetings
LAT_RUNS=${LAT_RUNS:-20}
TEAM=$BENCH_DIR/review-team
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 PIPEBENCH_TODAY=$TODAY

if [ ! -f "$TEAM/.built" ]; then
	echo "building $TEAM ($SELLERS sellers x $(( (WEEKS + 3) * PER_WEEK )) meetings)..."
	s=$(date +%s)
	rm -rf "$TEAM.tmp"
	"$PB" team init "$TEAM.tmp" >/dev/null
	i=1
	while [ $i -le $SELLERS ]; do
		login=$(printf 's%02d' $i)
		f="$TEAM.tmp/sellers/$login/seller.db"
		mkdir -p "$TEAM.tmp/sellers/$login"
		"$PB" --db "$f" --today $TODAY demo --sellers 1 --weeks $WEEKS \
			--per-week $PER_WEEK --accounts $ACCOUNTS --seed $i >/dev/null 2>"$BENCH_DIR/.demo.err" ||
			{ cat "$BENCH_DIR/.demo.err" >&2; exit 1; }
		# As the seller's own process leaves it: the rollback journal.
		sqlite3 "$f" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = 'Seller$(printf %02d $i)'" >/dev/null
		i=$((i + 1))
	done
	rm -rf "$TEAM"
	mv "$TEAM.tmp" "$TEAM"
	: >"$TEAM/.built"
	echo "built in $(( $(date +%s) - s )) s"
fi

# A team built by an older pipebench: each file opened once for writing,
# as its owner's next start would, brings it to the current schema (the
# review opens files read-only and refuses an older schema).
for f in "$TEAM/team.db" "$TEAM"/sellers/*/seller.db; do
	"$PB" --db "$f" settings show >/dev/null || exit 1
done

# The latency's seller; its meetings from an interrupted run go first
# (the bench's own are at :07 seconds, the demo's on whole minutes).
LOGIN=s25 NAME=Seller25
LF=$TEAM/sellers/$LOGIN/seller.db
sqlite3 "$LF" "DELETE FROM meeting WHERE starts_at % 60 = 7"

meetings=0
for f in "$TEAM"/sellers/*/seller.db; do
	meetings=$((meetings + $(sqlite3 "$f" 'SELECT count(*) FROM meeting')))
done
size=$(du -sm "$TEAM" | cut -f1)

# The reference: one sqlite3 shell, each file opened read-only in turn,
# the queries review --print makes of it.
from=$(date -u -d 2026-11-23 +%s); to=$((from + 7 * 86400))
today=$(( $(date -u -d $TODAY +%s) / 86400 ))
SQL=$BENCH_DIR/review-ref.sql
: >"$SQL"
for f in "$TEAM"/sellers/*/seller.db; do
	cat >>"$SQL" <<EOF
.open --readonly $f
SELECT id, name FROM seller ORDER BY id LIMIT 1;
SELECT m.id, m.starts_at, m.duration_min, m.battlefield, m.type, m.form,
 m.dim, m.complexity, m.sale, m.status, a.name FROM meeting m
 JOIN account a ON a.id = m.account_id
 WHERE m.seller_id = (SELECT min(id) FROM seller)
 AND m.starts_at >= $from AND m.starts_at < $to ORDER BY m.starts_at;
SELECT count(*) FROM action WHERE seller_id = (SELECT min(id) FROM seller)
 AND done_at IS NULL AND due < $today;
SELECT max(coalesce((SELECT max(updated_at) FROM meeting), 0),
 coalesce((SELECT max(updated_at) FROM action), 0),
 coalesce((SELECT max(updated_at) FROM account), 0),
 coalesce((SELECT max(updated_at) FROM contact), 0),
 coalesce((SELECT max(updated_at) FROM minutes), 0));
EOF
done
rows=$(sqlite3 <"$SQL" | wc -l)

"$PB" review --team "$TEAM" --week $WEEK --print >"$BENCH_DIR/review.out"
shown=$(grep -c '^Seller[0-9]' "$BENCH_DIR/review.out" || true)
[ "$shown" -eq $SELLERS ] || { echo "bench: review shows $shown sellers, not $SELLERS:" >&2; cat "$BENCH_DIR/review.out" >&2; exit 1; }

pb_ms=$(median_ms "$RUNS" "$PB" review --team "$TEAM" --week $WEEK --print)
sq_ms=$(median_ms "$RUNS" sh -c 'sqlite3 <"$1"' sh "$SQL")
pb_kb=$(peak_kb "$PB" review --team "$TEAM" --week $WEEK --print)
sq_kb=$(peak_kb sh -c 'sqlite3 <"$1"' sh "$SQL")

# planned: the seller's planned meetings of the week in a fresh review.
planned() {
	"$PB" review --team "$TEAM" --week $WEEK --print |
		awk -v s="$NAME" '$1 == s { split($3, p, "/"); print p[1] + p[2] + p[3] }'
}
# One commit at a time: the import returns (committed), then fresh
# reviews until one shows it.  The clock starts when the import returns.
LAT=$BENCH_DIR/.latency
: >"$LAT"
account=$(sqlite3 "$LF" "SELECT min(id) FROM account")
before=$(planned)
i=0
while [ $i -lt "$LAT_RUNS" ]; do
	printf '%s\n%s,%s,2026-11-%02dT%02d:%02d:07Z,1,new,negotiation,physical,delivery,medium,solution,planned\n' \
		"seller,account_id,starts_at,duration,battlefield,type,form,dim,complexity,sale,status" \
		"$NAME" "$account" $((23 + i / 600)) $((8 + i % 600 / 60)) $((i % 60)) >"$BENCH_DIR/.row.csv"
	"$PB" --db "$LF" import meetings "$BENCH_DIR/.row.csv" >/dev/null
	s=$(date +%s%N)
	polls=0
	while :; do
		now=$(planned); polls=$((polls + 1))
		[ "$now" = "$before" ] || break
		[ $(( ($(date +%s%N) - s) / 1000000 )) -lt 10000 ] ||
			{ echo "bench: the review did not see commit $i within 10 s" >&2; exit 1; }
	done
	e=$(date +%s%N)
	[ "$now" -eq $((before + 1)) ] ||
		{ echo "bench: planned went from $before to $now after one commit" >&2; exit 1; }
	before=$now
	echo "$(( (e - s) / 1000 )) $polls" >>"$LAT"
	i=$((i + 1))
done
sqlite3 "$LF" "DELETE FROM meeting WHERE starts_at % 60 = 7"
lat=$(sort -n "$LAT" | awk '{ a[NR] = $1; p += $2 } END {
	m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
	printf "%.2f %.2f %.2f", m / 1000, a[NR] / 1000, p / NR }')
set -- $lat

echo
echo "team: $SELLERS sellers, $meetings meetings, $size MiB; $WEEK: $rows lines from the shell; $RUNS runs, median"
printf '%-44s %10s %12s\n' "work" "time" "peak memory"
printf '%-44s %8s ms %9s KiB\n' "pipebench review --print (open + render)" "$pb_ms" "$pb_kb"
printf '%-44s %8s ms %9s KiB\n' "sqlite3 shell, same queries, 50 files" "$sq_ms" "$sq_kb"
printf '%-44s %11s %13s\n' "ratio pipebench / sqlite3" "$(ratio "$pb_ms" "$sq_ms")" "$(ratio "$pb_kb" "$sq_kb")"
echo
echo "commit to a fresh review --print seeing it ($LAT_RUNS commits of $NAME;"
echo "each poll a new review process: the live review's upper bound):"
printf '%-44s %8s ms\n' "median" "$1"
printf '%-44s %8s ms\n' "max" "$2"
printf '%-44s %11s\n' "reviews per commit, mean" "$3"
echo "targets: dashboard under 200 ms; commit to review under 1000 ms"
