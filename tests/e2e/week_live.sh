# Live refresh: with the TUI open and no key pressed, a second process
# commits a meeting to the same database; the week shows it and the
# panel's planned count goes up (PRAGMA data_version, polled on the tick).
# Then a held mark from the second process moves the held count.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week

week_open
wait_for " total "
before=$(panel_total)
planned=${before% *}
held=${before#* }
[ -n "$planned" ] || fail "no planned count in the panel"
# Select the week's last meeting (Friday): the insert below sorts before
# it, so a selection kept by index would land on another meeting.
n=$(sqlite3 "$T/d.db" "select count(*) from meeting where $week")
last=$(sqlite3 "$T/d.db" "select starts_at from meeting where $week
  order by starts_at desc, id desc limit 1")
sel="$(when "$last")–"
press j $((n - 1))
wait_for "$sel"

# Friday 07:00, before the demo's day starts, with an account of its own.
sqlite3 -cmd ".timeout 5000" "$T/d.db" "
  insert into account (name, created_at, updated_at)
    values ('Livø Kommune', 0, 0);
  insert into meeting (seller_id, account_id, starts_at, duration_min,
    battlefield, type, form, dim, complexity, sale, status, form_reason,
    created_at, updated_at)
  values ($sid, last_insert_rowid(), $mon + 4 * 86400 + 7 * 3600, 60, 'new',
    'workshop', 'physical', 'discovery', 'medium', 'solution', 'planned', '',
    0, 0);"
wait_for "07:00 Livø Kommune" 5
# The selection stayed on the same meeting, not the same index.
assert_contains "$(screen | tail -n 1)" "$sel" "the status line after the reload"
i=0
while [ "$(panel_total)" = "$planned $held" ] && [ $i -lt 100 ]; do
	sleep 0.05; i=$((i + 1))
done
assert_eq "$(panel_total)" "$((planned + 1)) $held" "planned and held after the insert"

sqlite3 -cmd ".timeout 5000" "$T/d.db" "update meeting set status = 'held'
  where account_id = (select id from account where name = 'Livø Kommune')"
wait_for "07:00 ✓ Livø" 5
assert_eq "$(panel_total)" "$((planned + 1)) $((held + 1))" "planned and held after held"

# An overdue follow-up committed elsewhere shows in the title, live.
sqlite3 -cmd ".timeout 5000" "$T/d.db" "insert into action (meeting_id,
  account_id, seller_id, text, due, created_at, updated_at)
  select id, account_id, seller_id, 'ring tilbage', 20770, 0, 0 from meeting
  where account_id = (select id from account where name = 'Livø Kommune')"
wait_for "1 overdue" 5

tui_quit
echo "week live ok"
