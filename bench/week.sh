#!/bin/sh
# One seller's week out of a database of about 1,000,000 meetings (50
# sellers, 20,000 accounts, 8 years): `pipebench week --print` against the
# sqlite3 shell running the equivalent query on the same file.
# Target: pipebench within 2x of the shell and under 16 MB peak memory.
# Usage: sh bench/week.sh   (RUNS=N for more runs; the database is kept in
# build/bench/ and reused while its parameters stay the same).
. "$(dirname "$0")/lib.sh"

TODAY=2026-11-23
DB=$BENCH_DIR/week-1m.db
if [ ! -f "$DB" ]; then
	echo "building $DB (50 sellers, 20,000 accounts, 416 weeks x 48 meetings)..."
	s=$(date +%s)
	"$PB" --db "$DB.tmp" --today $TODAY demo --seed 7 --sellers 50 \
		--accounts 20000 --weeks 416 --per-week 48
	mv "$DB.tmp" "$DB"
	echo "built in $(( $(date +%s) - s )) s"
fi
meetings=$(sqlite3 "$DB" 'select count(*) from meeting')
size=$(du -m "$DB" | cut -f1)
seller=$(sqlite3 "$DB" 'select name from seller order by id limit 1 offset 24')
WEEK=2024-W40
from=$(date -u -d 2024-09-30 +%s)
to=$(date -u -d 2024-10-07 +%s)
# The same rows week --print shows: the seller's meetings of the week with
# their account names, in start order (TZ=UTC, as the bench runs).
SQL="select m.id, m.starts_at, m.duration_min, m.battlefield, m.type, m.form,
 m.dim, m.complexity, m.sale, m.status, a.name from meeting m
 join account a on a.id = m.account_id
 where m.seller_id = (select id from seller where name = '$seller')
 and m.starts_at >= $from and m.starts_at < $to order by m.starts_at"

export TZ=UTC LANG=C.UTF-8
rows=$(sqlite3 "$DB" "$SQL" | wc -l)
pb_ms=$(median_ms "$RUNS" "$PB" --db "$DB" --today $TODAY week --week $WEEK --seller "$seller" --print)
sq_ms=$(median_ms "$RUNS" sqlite3 "$DB" "$SQL")
pb_kb=$(peak_kb "$PB" --db "$DB" --today $TODAY week --week $WEEK --seller "$seller" --print)
sq_kb=$(peak_kb sqlite3 "$DB" "$SQL")

echo
echo "database: $meetings meetings, $size MiB; seller '$seller', $WEEK: $rows meetings; $RUNS runs, median"
printf '%-40s %10s %12s\n' "work" "time" "peak memory"
printf '%-40s %8s ms %9s KiB\n' "pipebench week --print" "$pb_ms" "$pb_kb"
printf '%-40s %8s ms %9s KiB\n' "sqlite3 shell, same query" "$sq_ms" "$sq_kb"
printf '%-40s %11s %13s\n' "ratio pipebench / sqlite3" "$(ratio "$pb_ms" "$sq_ms")" "$(ratio "$pb_kb" "$sq_kb")"
echo "targets: time within 2.00x of the shell; peak memory under 16384 KiB"
