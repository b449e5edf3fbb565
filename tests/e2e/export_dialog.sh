# The export dialog on the demo database: E opens it over the week with
# the defaults (meetings, generic, week 48, Mette Sørensen, a file in ~)
# and the team's own profile listed after the built-in ones; choosing
# salesforce and a file under $T, Enter writes "wrote N meetings", N her
# meetings of the week as sqlite3 counts them; the file starts with the
# Salesforce header, ends its records in CRLF, holds N + 1 of them and is
# byte for byte what `pipebench export` writes for the same options.  A
# missing directory is said with the choices kept.  iCalendar (the fifth
# what: no CRM) writes a calendar starting BEGIN:VCALENDAR with one VEVENT
# per meeting of her week, as `pipebench export ics` does but for the
# DTSTAMP.  Esc goes back to the week; ? lists E.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

# The TUI (in tmux, started from here) finds its own profiles and "~" here.
export HOME="$T/home" XDG_CONFIG_HOME="$T/config"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/pipebench/profiles"
printf 'kind,column,field,format,values\r\nmeetings,Ref,id,int,\r\n' \
	>"$XDG_CONFIG_HOME/pipebench/profiles/team.csv"

demo_db 2
demo_week
n=$(sqlite3 "$T/d.db" "select count(*) from meeting where seller_id = $sid
  and starts_at >= $mon and starts_at < $mon + 7 * 86400")
[ "$n" -gt 1 ] || fail "the demo gives Mette $n meetings in week 48"

week_open
keys E
wait_for "Export to CSV"
wait_for "$n meetings in week 48 · Mette Sørensen"
s=$(screen)
assert_contains "$s" "[Meetings]" "the dialog's what"
assert_contains "$s" "[generic]" "the dialog's CRM"
assert_contains "$s" " team " "the own profile"
assert_contains "$s" "[Week 48]" "the dialog's range"
assert_contains "$s" "[Mette Sørensen]" "the dialog's seller"
assert_contains "$s" "~/pipebench-meetings-generic-2026-W48.csv" "the suggested file"

# Salesforce: the built-in profiles come alphabetically, generic first.
keys Down
press Right 3
wait_for "[salesforce]"
wait_for "~/pipebench-meetings-salesforce-2026-W48.csv"

# The file: down past the range and the seller, the suggestion cleared.
press Down 3
wait_for "~ is your home"
keys C-u
type_text "$T/week.csv"
wait_for "$T/week.csv"
keys Enter
wait_for "wrote $n meetings to $T/week.csv"

[ -f "$T/week.csv" ] || fail "no $T/week.csv"
"$PB" --db "$T/d.db" --today 2026-11-23 export meetings --crm salesforce \
	--week 2026-W48 --seller "Mette Sørensen" -o "$T/cli.csv" 2>/dev/null ||
	fail "pipebench export failed"
cmp "$T/week.csv" "$T/cli.csv" || fail "the dialog's file differs from pipebench export's"
head=$(head -n 1 "$T/week.csv")
assert_contains "$head" "Subject" "the header"
assert_contains "$head" "StartDateTime" "the header"
assert_contains "$head" "OwnerId" "the header"
cr=$(printf '\r')
# Records end in CRLF: as many as the meetings, and the header.
records=$(grep -c "$cr\$" "$T/week.csv")
assert_eq "$records" $((n + 1)) "CRLF-ended records"
assert_eq "$(tail -c 2 "$T/week.csv" | od -An -c | tr -d ' ')" '\r\n' "the last line end"

# A directory that is not there: said, and every choice kept.
keys C-u
type_text "$T/nowhere/week.csv"
wait_for "$T/nowhere/week.csv"
keys Enter
wait_for "nowhere/week.csv: cannot create"
s=$(screen)
assert_contains "$s" "[salesforce]" "the CRM after an error"
assert_contains "$s" "[Week 48]" "the range after an error"
assert_contains "$s" "$T/nowhere/week.csv" "the path after an error"
[ ! -e "$T/nowhere" ] || fail "$T/nowhere appeared"

# iCalendar: round from the file to what, left of meetings; the CRM row
# steps aside, so three downs reach the file again.
keys Down
keys Left
wait_for "Export to iCalendar"
wait_for "[iCalendar]"
wait_for "none: a calendar program reads iCalendar as it is"
wait_for "$n meetings in week 48 · Mette Sørensen"
press Down 3
wait_for "~ is your home"
keys C-u
type_text "$T/week.ics"
wait_for "$T/week.ics"
keys Enter
wait_for "wrote $n meetings to $T/week.ics"
[ -f "$T/week.ics" ] || fail "no $T/week.ics"
assert_eq "$(head -n 1 "$T/week.ics")" "BEGIN:VCALENDAR$cr" "the calendar's first line"
assert_eq "$(grep -c "^BEGIN:VEVENT$cr\$" "$T/week.ics")" "$n" "VEVENTs"
"$PB" --db "$T/d.db" --today 2026-11-23 export ics --week 2026-W48 \
	--seller "Mette Sørensen" -o "$T/cli.ics" 2>/dev/null || fail "pipebench export ics failed"
grep -v '^DTSTAMP:' "$T/week.ics" >"$T/week.masked"
grep -v '^DTSTAMP:' "$T/cli.ics" >"$T/cli.masked"
cmp "$T/week.masked" "$T/cli.masked" ||
	fail "the dialog's calendar differs from pipebench export ics's"

keys Escape
wait_gone "Export to iCalendar"
wait_for "week 48"
keys '?'
wait_for "Export to CSV or iCalendar"
keys Escape
wait_for "week 48"
tui_quit
echo "export dialog ok"
