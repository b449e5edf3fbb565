# The minutes screen: n on a planned meeting opens it; a summary with æøå
# and a long pasted text (~3,000 characters) go in, three actions are
# added with due dates +3d, fri and 2026-12-01; the save marks the meeting
# held (a ✓ back in the week); n again shows everything as saved.  Then a
# further save, the process killed with SIGKILL right after it, and a new
# run shows that save too.  The first save is Ctrl-S, which reaches the
# program only because the TUI turns off XON/XOFF flow control (tmux has it
# on); the second is F2, the other save key.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
demo_week
q() { sqlite3 -cmd ".timeout 5000" "$T/d.db" "$1"; }
id=$(q "select id from meeting where $week and status = 'planned'
  order by starts_at, id limit 1")
[ -n "$id" ] || fail "no planned meeting in the demo week"
acct=$(q "select a.name from meeting m join account a on a.id = m.account_id where m.id = $id")
ticks() { screen | grep -o '✓' | wc -l; }
today=$(( $(date -u -d 2026-11-23 +%s) / 86400 ))

week_open
wait_for " total "
select_meeting "$id"
wait_for "· planned"
t0=$(ticks)

keys n
wait_for "Minutes · $acct"
type_text "Kunden vil have færre nedbrud på Ærø og Østerbro"
# The paste: 60 sentences of 50 characters, 3,000 in all, into Notes.
long=$(awk 'BEGIN { for (i = 100; i < 160; i++) printf "Sætning %d om: strøm, måler og årlig besparelse. ", i }')
assert_eq "$(printf "%s" "$long" | wc -m)" 3000 "the pasted text's characters"
keys Tab Tab Tab
type_text "$long"
wait_for "Sætning 159"

keys C-n
type_text "Send the quote"; keys Tab; type_text "+3d"; keys Enter
wait_for "added, due Thu 26 Nov"
type_text "Call the CFO"; keys Tab; type_text "fri"; keys Enter
wait_for "added, due Fri 27 Nov"
type_text "Book the site visit"; keys Tab; type_text "2026-12-01"; keys Enter
wait_for "added, due Tue 1 Dec"
keys Escape
wait_for "Follow-up actions (3)"
keys C-s
wait_for "saved: the meeting is marked held"

assert_eq "$(q "select status from meeting where id = $id")" held "status after the save"
assert_eq "$(q "select summary from minutes where meeting_id = $id")" \
	"Kunden vil have færre nedbrud på Ærø og Østerbro" "the stored summary"
assert_eq "$(q "select notes = '$long' from minutes where meeting_id = $id")" 1 \
	"the stored notes are the pasted text"
assert_eq "$(q "select group_concat(text || '@' || (due - $today), '|') from
  (select * from action where meeting_id = $id order by id)")" \
	"Send the quote@3|Call the CFO@4|Book the site visit@8" "the stored actions"

keys Escape
wait_for "week 48"
[ "$(ticks)" -eq $((t0 + 1)) ] || fail "no ✓ for the held meeting: $(screen)"

# Reopened: everything as saved, nothing asks to be saved.
keys n
wait_for "Minutes · $acct"
wait_for "Kunden vil have færre nedbrud på Ærø og Østerbro"
wait_for "Sætning 100"
s=$(screen)
assert_contains "$s" "Follow-up actions (3)"
assert_contains "$s" "Send the quote"
assert_contains "$s" "Call the CFO"
assert_contains "$s" "Book the site visit"
assert_not_contains "$s" "[unsaved]"

# One more line and an action, saved; then SIGKILL at once.
keys C-e
type_text " Aftalt: pilot i januar."
keys C-n
type_text "Mail the pilot plan"; keys Tab; type_text "next week"
keys F2
wait_for "saved"
pid=$(pgrep -f -x "$PB --db $T/d.db --today 2026-11-23")
[ -n "$pid" ] || fail "no pipebench process for $T/d.db"
kill -9 "$pid"
i=0
while kill -0 "$pid" 2>/dev/null; do
	[ $i -lt 100 ] || fail "pipebench $pid outlived SIGKILL"
	sleep 0.05; i=$((i + 1))
done

next_server again
week_open
wait_for " total "
select_meeting "$id"
wait_for "· held"
keys n
wait_for "Aftalt: pilot i januar."
s=$(screen)
assert_contains "$s" "Follow-up actions (4)"
assert_contains "$s" "Mail the pilot plan"
assert_contains "$s" "Mon 30 Nov"
keys Escape
wait_for "week 48"
tui_quit
echo "minutes write ok"
