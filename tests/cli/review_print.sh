# pipebench review --print: a team of three sellers, a garbage file and
# one from a newer pipebench.  Every good seller's numbers equal what the
# sqlite3 shell counts in their file, the bad ones are listed with their
# reason, and no seller's file changes by a byte.
. "$(dirname "$0")/../lib.sh"

export PIPEBENCH_TODAY=2026-11-25
D="$T/team"
"$PB" team init "$D" >/dev/null || fail "team init"
"$PB" --db "$D/team.db" settings target resale 3 >/dev/null
"$PB" --db "$D/team.db" settings target new 2 >/dev/null
"$PB" --db "$D/team.db" settings weight virtual 0.75 >/dev/null

# Sellers' files as the seller's process leaves them: their own directory,
# the rollback journal, one seller each.
seed=1
for s in Alice Bob Carol; do
	login=$(echo "$s" | tr 'A-Z' 'a-z')
	f="$D/sellers/$login/seller.db"
	mkdir -p "$D/sellers/$login"
	"$PB" --db "$f" demo --sellers 1 --weeks 2 --seed $seed >/dev/null 2>&1
	sqlite3 "$f" "PRAGMA journal_mode = DELETE; UPDATE seller SET name = '$s'" >/dev/null
	seed=$((seed + 1))
done
# Bob's last change was yesterday morning.
sqlite3 "$D/sellers/bob/seller.db" \
	"UPDATE meeting SET updated_at = updated_at - 86400; UPDATE action SET updated_at = updated_at - 86400;
	 UPDATE account SET updated_at = updated_at - 86400; UPDATE contact SET updated_at = updated_at - 86400;
	 UPDATE minutes SET updated_at = updated_at - 86400"
mkdir "$D/sellers/broken" "$D/sellers/newer"
head -c 8192 /dev/urandom >"$D/sellers/broken/seller.db"
cp "$D/sellers/alice/seller.db" "$D/sellers/newer/seller.db"
sqlite3 "$D/sellers/newer/seller.db" "PRAGMA user_version = 99"

sums() { md5sum "$D"/sellers/*/seller.db "$D/team.db"; ls -a "$D"/sellers/*/ "$D"; }
before=$(sums)

expect_status 0 "$PB" review --team "$D" --week 2026-W48 --print
dash=$OUT
assert_eq "$(sums)" "$before" "the review changed a file"
assert_contains "$dash" "Team review  2026-W48  23 Nov - 29 Nov 2026  3 sellers, 2 unreadable"
assert_contains "$dash" "broken       unreadable: file is not a pipebench database"
assert_contains "$dash" "newer        unreadable: made by a newer pipebench (schema 99"
assert_eq "$(printf '%s\n' "$dash" | wc -L)" "80" "the widest line's columns"

# Each good seller's row against the sqlite3 shell's counts.
from=$(date -u -d 2026-11-23 +%s); to=$((from + 7 * 86400))
today=$(( $(date -u -d 2026-11-25 +%s) / 86400 ))
q() { sqlite3 "$1" "$2"; }
for s in Alice Bob Carol; do
	f="$D/sellers/$(echo "$s" | tr 'A-Z' 'a-z')/seller.db"
	wk="FROM meeting WHERE starts_at >= $from AND starts_at < $to AND status <> 'cancelled'"
	per() { # COLUMN-FILTER: R/U/N counts
		printf '%s/%s/%s' "$(q "$f" "SELECT count(*) $wk AND battlefield = 'resale' $1")" \
			"$(q "$f" "SELECT count(*) $wk AND battlefield = 'upsell' $1")" \
			"$(q "$f" "SELECT count(*) $wk AND battlefield = 'new' $1")"
	}
	planned=$(per "")
	held=$(per "AND status = 'held'")
	visits=$(q "$f" "SELECT printf('%g', round(coalesce(sum(CASE form WHEN 'physical' THEN 1
		WHEN 'hybrid' THEN 1 WHEN 'virtual' THEN 0.75 ELSE 0 END), 0), 1)) $wk AND status = 'held'")
	forms=$(printf '%s/%s/%s/%s' "$(q "$f" "SELECT count(*) $wk AND form = 'physical'")" \
		"$(q "$f" "SELECT count(*) $wk AND form = 'hybrid'")" \
		"$(q "$f" "SELECT count(*) $wk AND form = 'virtual'")" \
		"$(q "$f" "SELECT count(*) $wk AND form = 'phone'")")
	del=$(q "$f" "SELECT CAST(100.0 * sum(dim = 'delivery') / count(*) + 0.5 AS INTEGER) $wk")
	overdue=$(q "$f" "SELECT count(*) FROM action WHERE done_at IS NULL AND due < $today")
	row=$(printf '%s\n' "$dash" | grep "^$s ") || fail "no row for $s:
$dash"
	set -- $row
	assert_eq "$2" "5" "$s target (team default 3 + 0 + 2)"
	assert_eq "$3" "$planned" "$s planned"
	assert_eq "$4" "$held" "$s held"
	assert_eq "$5" "$visits" "$s visits"
	assert_eq "$6" "$forms" "$s forms"
	assert_eq "${7%!}" "$del%" "$s Delivery share"
	assert_eq "$8" "$overdue" "$s overdue"
done
assert_contains "$(printf '%s\n' "$dash" | grep '^Alice ')" " today 08:00"
assert_contains "$(printf '%s\n' "$dash" | grep '^Bob ')" " yesterday"
total=$(printf '%s\n' "$dash" | grep '^Total ')
set -- $total
assert_eq "$2" "15" "total target"

# Sorting: by visits, largest first, ties by name; the broken rows last.
expect_status 0 "$PB" review --team "$D" --week 2026-W48 --print --sort visits
order=$(printf '%s\n' "$OUT" | awk 'NR > 4 && NF > 1 && $1 != "Total" && !/^[-─]/ { print $1 }' |
	head -5 | tr '\n' ' ')
expected=$(for s in Alice Bob Carol; do
	printf '%s %s\n' "$(printf '%s\n' "$dash" | grep "^$s " | awk '{ print $5 }')" "$s"
done | sort -k1,1gr -k2,2 -s | awk '{ printf "%s ", $2 }')
assert_eq "$order" "${expected}broken newer " "order by visits"
expect_status 0 "$PB" review --team "$D" --week 2026-W48 --print --sort changed
order=$(printf '%s\n' "$OUT" | awk 'NR > 4 { print $1 }' | head -3 | tr '\n' ' ')
assert_eq "$order" "Alice Carol Bob " "order by last change"

# Wider shows more; ASCII has no line-drawing; env PIPEBENCH_TEAM works.
expect_status 0 "$PB" review --team "$D" --week 2026-W48 --print --width 120
assert_contains "$OUT" "Visits by"
assert_contains "$(printf '%s\n' "$OUT" | grep '^Alice ')" " alice "
expect_status 0 env PIPEBENCH_TEAM="$D" "$PB" review --week 2026-W48 --print --ascii
assert_not_contains "$OUT" "─"
assert_contains "$OUT" "-----"
assert_eq "$(sums)" "$before" "the review changed a file"

# Refusals.
expect_status 1 "$PB" review --team "$D" --print --sort nope
assert_contains "$OUT" "review: --sort: no column 'nope'"
expect_status 1 "$PB" review --team "$T" --print
assert_contains "$OUT" "$T: not a team directory"
expect_status 1 env -u PIPEBENCH_TEAM "$PB" review --print
assert_contains "$OUT" "review: which team?"
echo ok
