# Shared steps of the tmux tests that run the week on a demo database:
# make the database, open the TUI on it, find and select meetings, quit.
# Source it after tests/lib.sh.  Every test runs as of Monday 2026-11-23,
# the first day of week 48 (TZ=UTC).

# demo_db SELLERS: a demo database at $T/d.db.
demo_db() {
	"$PB" --db "$T/d.db" --today 2026-11-23 demo --sellers "$1" >/dev/null 2>&1
}

# week_open [COLS ROWS]: the TUI on $T/d.db (100x30 unless given), back
# once it shows the week.
week_open() {
	tui_start "${1:-100}" "${2:-30}" --db "$T/d.db" --today 2026-11-23
	wait_for "week 48"
}

# demo_week: sets sid (Mette Sørensen's id), mon (the week's Monday 00:00,
# Unix seconds) and week (an SQL condition: her meetings Monday to Friday).
demo_week() {
	sid=$(sqlite3 "$T/d.db" "select id from seller where name = 'Mette Sørensen'")
	[ -n "$sid" ] || fail "the demo has no Mette Sørensen"
	mon=$(date -u -d 2026-11-23 +%s)
	week="seller_id = $sid and starts_at >= $mon and starts_at < $mon + 5 * 86400"
}

# when EPOCH: a meeting's start as the status line begins its description
# ("Mon 23 Nov 09:30").
when() { date -u -d "@$1" '+%a %-d %b %H:%M'; }

# press KEY N: KEY, N times.
press() {
	_n=0
	while [ "$_n" -lt "$2" ]; do keys "$1"; _n=$((_n + 1)); done
}

# select_meeting ID (after demo_week and week_open): j from the week's first
# meeting to meeting ID, in the order the TUI walks them; then j k, so the
# status line names it even when it is the first.
select_meeting() {
	_steps=$(sqlite3 "$T/d.db" "select count(*) from meeting where $week and
	  (starts_at, id) < (select starts_at, id from meeting where id = $1)")
	press j "$_steps"
	keys j k
}

# panel_total: the panel's total row ("total  5  10  0  0.0 / 5") as its
# planned and held counts, "10 0".
panel_total() {
	screen | sed -n 's/^ total *[^ ]* *\([0-9]*\) *\([0-9]*\) .*/\1 \2/p'
}

# tui_quit [WHAT]: q, and the program exits 0.
tui_quit() {
	keys q
	assert_eq "$(wait_exit)" 0 "${1:-exit status}"
}

# next_server NAME: a fresh tmux server for the next run, on a new socket
# so that it never races the old one's exit.
next_server() {
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	SOCK="pb$$.$1"
	rm -f "$T/stderr"
}
