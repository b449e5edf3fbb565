#!/bin/sh
# CSV export and import of about 1,000,000 meetings, against the sqlite3
# shell doing the same work on the same file:
#   export: `pipebench export meetings --crm generic` against `sqlite3 -csv`
#           selecting the same rows and columns (joins included);
#   import: `pipebench import meetings` of that file into a database that
#           has the sellers and accounts, against the shell's `.import --csv`
#           of the same file into a new table.
# Memory must stay flat in the row count: each is also run on a tenth of
# the rows.  Targets: export no slower than the shell; import within 1.5x.
# Usage: sh bench/csv.sh  (RUNS=N; default 3 here, these runs take seconds;
# the 1M database is bench/week.sh's, built on first use and kept).
. "$(dirname "$0")/lib.sh"
RUNS=${CSV_RUNS:-3}

TODAY=2026-11-23
DB=$BENCH_DIR/week-1m.db
if [ ! -f "$DB" ]; then
	echo "building $DB (50 sellers, 20,000 accounts, 416 weeks x 48 meetings)..."
	"$PB" --db "$DB.tmp" --today $TODAY demo --seed 7 --sellers 50 \
		--accounts 20000 --weeks 416 --per-week 48
	mv "$DB.tmp" "$DB"
fi
export TZ=UTC LANG=C.UTF-8
# Brings a database built by an older pipebench to the current schema
# (exports read the change counters of schema 3).
"$PB" --db "$DB" settings show >/dev/null
meetings=$(sqlite3 "$DB" 'select count(*) from meeting')
# A tenth of the rows: the meetings of the most recent ~10 % of the span.
cut=$(sqlite3 "$DB" "select starts_at from meeting order by starts_at
                     limit 1 offset $((meetings * 9 / 10))")
from10=$(date -u -d "@$cut" +%F)
to10=$(date -u -d "@$(sqlite3 "$DB" 'select max(starts_at) from meeting')" +%F)

# The shell selects what the generic profile writes, computed the same
# way: every meeting with its seller, account, a participant, the
# participants and the minutes; times as ISO 8601 UTC; the derived title,
# location and description (the minutes' sections and the tag line).
# Only the quoting differs: the shell quotes a cell only when it must.
iso() { echo "strftime('%Y-%m-%dT%H:%M:%SZ', $1, 'unixepoch')"; }
sect() { echo "coalesce(case when n.$1 <> '' then '$2:' || char(10) || n.$1 || char(10) || char(10) end, '')"; }
LABELS=$(tail -n +2 "$TOP/assets/matrix.csv" | awk -F, '{ printf "%s(%s, %s)", (NR > 1 ? ", " : ""), "\x27" $1 "\x27", "\x27" $2 "\x27" }')
COLS="m.id, m.crm_id, s.name, s.crm_id, m.account_id, a.name, a.crm_id, a.domain,
 fc.name, fc.email, fc.crm_id,
 (select group_concat(contact_id, ';') from (select contact_id from participant
   where meeting_id = m.id order by contact_id)),
 $(iso m.starts_at), $(iso "m.starts_at + 60 * m.duration_min"), m.duration_min,
 m.battlefield, m.type, m.form, m.dim, m.complexity, m.sale, m.status,
 m.form_reason, m.purpose, m.agenda, m.pains, n.summary, n.needs, n.agreed, n.notes,
 coalesce((select label from labels where key = m.type), m.type) || ' · ' || a.name,
 case m.form when 'virtual' then 'Online' when 'phone' then 'Phone' else 'On site' end,
 $(sect summary Summary) || $(sect needs 'Needs and pains') || $(sect agreed Agreed)
 || $(sect notes Notes) || '[pipebench id=' || m.id || ' battlefield=' || m.battlefield
 || ' type=' || m.type || ' form=' || m.form || ' dim=' || m.dim || ' complexity='
 || m.complexity || ' sale=' || m.sale || ' status=' || m.status || ']',
 $(iso m.created_at), $(iso m.updated_at)"
FROM="from meeting m join seller s on s.id = m.seller_id
 join account a on a.id = m.account_id left join minutes n on n.meeting_id = m.id
 left join contact fc on fc.id = (select p.contact_id from participant p
   join contact c2 on c2.id = p.contact_id where p.meeting_id = m.id
   order by c2.crm_id is null, c2.email is null, c2.name, c2.id limit 1)"
WITH="with labels(key, label) as (values $LABELS)"
SQL_ALL="$WITH select $COLS $FROM order by m.id"
SQL_10="$WITH select $COLS $FROM where m.starts_at >= $(date -u -d "$from10" +%s)
 order by m.starts_at, m.id"

OUT=$BENCH_DIR/meetings.csv
echo "export: $meetings meetings ($RUNS runs, median)"
pb_ms=$(median_ms "$RUNS" "$PB" --db "$DB" export meetings --crm generic -o "$OUT")
sq_ms=$(median_ms "$RUNS" sh -c "sqlite3 -csv '$DB' \"\$0\" > '$BENCH_DIR/shell.csv'" "$SQL_ALL")
pb_kb=$(peak_kb "$PB" --db "$DB" export meetings --crm generic -o "$OUT")
sq_kb=$(peak_kb sqlite3 -csv "$DB" "$SQL_ALL")
pb10_kb=$(peak_kb "$PB" --db "$DB" export meetings --crm generic --from "$from10" --to "$to10" -o "$OUT.10")
sq10_kb=$(peak_kb sqlite3 -csv "$DB" "$SQL_10")
rows=$(( $(sqlite3 "$DB" "select count(*) from meeting") ))
size=$(du -m "$OUT" | cut -f1)

# Import: the file pipebench wrote, into a copy of the database without
# its meetings; the shell's .import into a new table of a new database.
IMP=$BENCH_DIR/import.db
import_pb() {
	rm -f "$IMP" "$IMP-wal" "$IMP-shm"
	sqlite3 "$DB" ".backup '$IMP'"
	sqlite3 "$IMP" "delete from meeting; vacuum;" 2>/dev/null
	s=$(date +%s%N)
	"$PB" --db "$IMP" import meetings "$1" >/dev/null
	e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
}
import_sq() {
	rm -f "$IMP.sq"
	s=$(date +%s%N)
	sqlite3 "$IMP.sq" ".import --csv '$1' meetings"
	e=$(date +%s%N)
	echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
i=0; : > "$BENCH_DIR/.pbi"; : > "$BENCH_DIR/.sqi"
while [ $i -lt "$RUNS" ]; do
	import_pb "$OUT" >> "$BENCH_DIR/.pbi"
	import_sq "$OUT" >> "$BENCH_DIR/.sqi"
	i=$((i + 1))
done
pbi_ms=$(median < "$BENCH_DIR/.pbi")
sqi_ms=$(median < "$BENCH_DIR/.sqi")
imported=$(sqlite3 "$IMP" "select count(*) from meeting")
# Peak memory of one import each, full and a tenth.
sqlite3 "$DB" ".backup '$IMP'"; sqlite3 "$IMP" "delete from meeting; vacuum;"
cp "$IMP" "$IMP.empty"
pbi_kb=$(peak_kb "$PB" --db "$IMP" import meetings "$OUT")
cp "$IMP.empty" "$IMP"; rm -f "$IMP-wal" "$IMP-shm"
pbi10_kb=$(peak_kb "$PB" --db "$IMP" import meetings "$OUT.10")
rm -f "$IMP.sq"; sqi_kb=$(peak_kb sqlite3 "$IMP.sq" ".import --csv '$OUT' meetings")
rm -f "$IMP.sq"; sqi10_kb=$(peak_kb sqlite3 "$IMP.sq" ".import --csv '$OUT.10' meetings")
rm -f "$IMP.empty" "$IMP.sq"

echo
echo "file: $rows rows, $size MiB; import stored $imported meetings"
printf '%-44s %10s %12s %16s\n' "work" "time" "peak memory" "peak, 1/10 rows"
printf '%-44s %7s ms %9s KiB %12s KiB\n' "pipebench export meetings --crm generic" "$pb_ms" "$pb_kb" "$pb10_kb"
printf '%-44s %7s ms %9s KiB %12s KiB\n' "sqlite3 -csv, same rows and columns" "$sq_ms" "$sq_kb" "$sq10_kb"
printf '%-44s %10s %12s\n' "ratio export pipebench / sqlite3" "$(ratio "$pb_ms" "$sq_ms")" "$(ratio "$pb_kb" "$sq_kb")"
printf '%-44s %7s ms %9s KiB %12s KiB\n' "pipebench import meetings" "$pbi_ms" "$pbi_kb" "$pbi10_kb"
printf '%-44s %7s ms %9s KiB %12s KiB\n' "sqlite3 .import --csv" "$sqi_ms" "$sqi_kb" "$sqi10_kb"
printf '%-44s %10s %12s\n' "ratio import pipebench / sqlite3" "$(ratio "$pbi_ms" "$sqi_ms")" "$(ratio "$pbi_kb" "$sqi_kb")"
echo "targets: export no slower than the shell (<= 1.00x); import within 1.50x; memory flat in the row count"
