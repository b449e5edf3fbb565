# Held and cancelled with one key: H marks the selected meeting held (a ✓
# in its cell, the panel's held count up), H again plans it again; x asks
# y/n in the status line, n keeps it, y cancels it (the panel's planned
# count down); x on a cancelled meeting offers to restore it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
# The first planned meeting of the week.
id=$(sqlite3 "$T/d.db" "select id from meeting where $week and status = 'planned'
  order by starts_at, id limit 1")
[ -n "$id" ] || fail "no planned meeting in the demo week"
status() { sqlite3 "$T/d.db" "select status from meeting where id = $id"; }
ticks() { screen | grep -o '✓' | wc -l; }

week_open
wait_for " total "
select_meeting "$id"
wait_for "· planned"
before=$(panel_total)
planned=${before% *}
held=${before#* }
t0=$(ticks)

keys H
wait_for "held: "
assert_eq "$(status)" held "status after H"
assert_eq "$(panel_total)" "$planned $((held + 1))" "planned and held after H"
assert_eq "$(ticks)" "$((t0 + 1))" "ticks on the screen after H"

keys H
wait_for "planned again: "
assert_eq "$(status)" planned "status after H twice"
assert_eq "$(panel_total)" "$planned $held" "planned and held after H twice"
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
assert_eq "$(panel_total)" "$((planned - 1)) $held" "planned and held after cancelling"
assert_eq "$(ticks)" "$t0" "ticks after cancelling"

keys x
wait_for "Restore the cancelled meeting"
keys y
wait_for "restored: "
assert_eq "$(status)" planned "status after restoring"
assert_eq "$(panel_total)" "$planned $held" "planned and held after restoring"

tui_quit
echo "week held ok"
