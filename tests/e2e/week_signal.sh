# SIGTERM, SIGHUP and Ctrl-C (SIGINT) end the TUI cleanly: exit status 0
# and the terminal restored, never a screen left in curses mode.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 1
restored() {
	assert_eq "$(tmux -L "$SOCK" display -p '#{alternate_on} #{cursor_flag} #{mouse_any_flag}')" \
		"0 1 0" "terminal state after $1"
}
for how in TERM HUP INT; do
	next_server $how
	week_open
	if [ $how = INT ]; then
		keys C-c
	else
		# The pane runs sh -c, whose child is pipebench (env execs it).
		pid=$(pgrep -P "$(tmux -L "$SOCK" display -p '#{pane_pid}')")
		[ -n "$pid" ] || fail "no pipebench process"
		kill -$how "$pid"
	fi
	assert_eq "$(wait_exit)" 0 "exit status after SIG$how"
	restored "SIG$how"
done
echo "week signal ok"
