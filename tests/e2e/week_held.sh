# Held and cancelled with one key: H marks the selected meeting held (a ✓
# in its cell, the panel's held count up), H again plans it again; x asks
# y/n in the status line, n keeps it, y cancels it (the panel's planned
# count down); x on a cancelled meeting offers to restore it.
. "$(dirname "$0")/../lib.sh"

"$PB" --db "$T/d.db" --today 2026-11-23 demo --sellers 2 >/dev/null 2>&1
sid=$(sqlite3 "$T/d.db" "select id from seller where name = 'Mette Sørensen'")
mon=$(date -u -d 2026-11-23 +%s)
week="seller_id = $sid and starts_at >= $mon and starts_at < $mon + 5 * 86400"
# The first planned meeting of the week, and how many j reach it.
id=$(sqlite3 "$T/d.db" "select id from meeting where $week and status = 'planned'
  order by starts_at, id limit 1")
[ -n "$id" ] || fail "no planned meeting in the demo week"
steps=$(sqlite3 "$T/d.db" "select count(*) from meeting where $week and
  (starts_at, id) < (select starts_at, id from meeting where id = $id)")
status() { sqlite3 "$T/d.db" "select status from meeting where id = $id"; }
total() { screen | sed -n 's/^ total *[^ ]* *\([0-9]*\) *\([0-9]*\) .*/\1 \2/p'; }
ticks() { screen | grep -o '✓' | wc -l; }

tui_start 100 30 --db "$T/d.db" --today 2026-11-23
wait_for "week 48"
wait_for " total "
i=0
while [ $i -lt "$steps" ]; do keys j; i=$((i + 1)); done
keys j k
wait_for "· planned"
before=$(total)
planned=${before% *}
held=${before#* }
t0=$(ticks)

keys H
wait_for "held: "
assert_eq "$(status)" held "status after H"
assert_eq "$(total)" "$planned $((held + 1))" "planned and held after H"
assert_eq "$(ticks)" "$((t0 + 1))" "ticks on the screen after H"

keys H
wait_for "planned again: "
assert_eq "$(status)" planned "status after H twice"
assert_eq "$(total)" "$planned $held" "planned and held after H twice"
keys H
wait_for "held: "

keys x
wait_for "Cancel the meeting "
wait_for "? y/n"
keys n
wait_for "nothing changed"
assert_eq "$(status)" held "status after x n"

keys x
wait_for "? y/n"
keys y
wait_for "cancelled: "
assert_eq "$(status)" cancelled "status after x y"
assert_eq "$(total)" "$((planned - 1)) $held" "planned and held after cancelling"
assert_eq "$(ticks)" "$t0" "ticks after cancelling"

keys x
wait_for "Restore the cancelled meeting"
keys y
wait_for "restored: "
assert_eq "$(status)" planned "status after restoring"
assert_eq "$(total)" "$planned $held" "planned and held after restoring"

keys q
assert_eq "$(wait_exit)" 0 "exit status"
echo "week held ok"
