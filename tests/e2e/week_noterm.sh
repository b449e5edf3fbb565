# No usable terminal: not a tty, no TERM, an unknown TERM.  Each is a clear
# error on stderr and exit status 2, never an abort or a garbled screen.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 1
expect_status 2 "$PB" --db "$T/d.db" --today 2026-11-23 </dev/null
assert_contains "$OUT" "cannot open the terminal" "stderr without a tty"
assert_contains "$OUT" "week --print" "stderr without a tty"

for term in bogus-terminal ""; do
	next_server "${term:-unset}"
	tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
		"env LANG=C.UTF-8 TZ=UTC TERM=$term ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} $PB --db $T/d.db --today 2026-11-23 2>$T/stderr; echo EXITED=\$? >>$T/stderr; sleep 30"
	assert_eq "$(wait_exit)" 2 "exit status with TERM=$term"
	if [ -n "$term" ]; then
		assert_contains "$(cat "$T/stderr")" "cannot open the terminal (TERM=bogus-terminal)" "stderr"
	else
		assert_contains "$(cat "$T/stderr")" "cannot open the terminal (TERM is not set)" "stderr"
	fi
done
echo "week noterm ok"
