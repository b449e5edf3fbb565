# NO_COLOR (https://no-color.org): attributes only, no colour.  LANG=C (not
# UTF-8): ASCII drawing, said once in the status line, names folded to
# ASCII; the keys still work.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib_week.sh"

demo_db 2
# tui_start fixes the locale; these runs need their own environment.
start_env() { # ENV-ASSIGNMENTS...
	tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
		"env TZ=UTC TERM=xterm-256color $* ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} $PB --db $T/d.db --today 2026-11-23 2>$T/stderr; echo EXITED=\$? >>$T/stderr; sleep 30"
}
esc=$(printf '\033')
# Foreground or background colour in tmux's re-encoding: 30-37, 40-47,
# 90-97, 100-107, or 38;5 / 48;5.
colours() { tmux -L "$SOCK" capture-pane -p -e | grep -c "$esc\[\([0-9;]*;\)\{0,1\}\([349]\|10\)[0-7]m\|[34]8;5;" || true; }

start_env LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=1
wait_for "week 48 · 23–27 Nov 2026 · Mette Sørensen"
wait_for "┌ Mon 23"
assert_eq "$(colours)" 0 "lines with colour under NO_COLOR"
# Attributes are still there: the title is reversed.
tmux -L "$SOCK" capture-pane -p -e | grep -q "$esc\[[0-9;]*7m" || fail "no reverse video under NO_COLOR"
keys j
wait_for "Mon 23 Nov "
tui_quit "exit status under NO_COLOR"

# The same build, colour allowed: the check above can tell.
next_server 1
start_env LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR=
wait_for "┌ Mon 23"
[ "$(colours)" -gt 0 ] || fail "no colour with NO_COLOR empty"
tui_quit "exit status with colour"

next_server 2
start_env LANG=C LC_ALL=C
wait_for "week 48"
wait_for "locale is not UTF-8: ASCII drawing"
wait_for "Mette Sorensen"
scr=$(screen)
assert_not_contains "$scr" "┌" "the ASCII screen"
assert_not_contains "$scr" "│" "the ASCII screen"
assert_contains "$scr" "+ Mon 23" "the ASCII screen"
assert_contains "$scr" "|" "the ASCII screen"
# Every byte is ASCII.
screen | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII bytes on the ASCII screen:
$(screen)"
# The message goes at the first key; the key line is ASCII too.
keys Escape
wait_for "a add  e edit  m move  H held  x cancel  n minutes  f follow-ups  h/l day  k/j meeting  [ ] week"
keys '?'
wait_for "Press any key to close this help."
assert_contains "$(screen)" "Left  h" "the ASCII help"
keys q
wait_gone "Press any key"
tui_quit "exit status in ASCII"
echo "week plain ok"
