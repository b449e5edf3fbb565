# Shared helpers for the CLI and tmux tests.  Source it; $PB is the binary
# under test (tests/run.sh sets it).
set -eu
: "${PB:=$(cd "$(dirname "$0")/../.." && pwd)/build/pipebench}"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pb-test.XXXXXX")
SOCK="pb$$"
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	# kill-server leaves the socket file behind.
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/pb$$" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/pb$$".*
	rm -rf "$T"
}
trap cleanup EXIT INT TERM

fail() { echo "FAIL: $*" >&2; exit 1; }
assert_eq() { [ "$1" = "$2" ] || fail "${3:-values differ}: expected [$2], got [$1]"; }
assert_contains() { # haystack needle [what]
	case "$1" in *"$2"*) ;; *) fail "${3:-output} lacks [$2]:
$1" ;; esac
}
assert_not_contains() {
	case "$1" in *"$2"*) fail "${3:-output} has [$2]:
$1" ;; *) ;; esac
}
# Runs the command, expects exit status $1; output in $OUT.
expect_status() {
	want=$1; shift
	set +e; OUT=$("$@" 2>&1); got=$?; set -e
	[ "$got" = "$want" ] || fail "exit $got (wanted $want) from: $*
$OUT"
}

# --- tmux ---
# tui_start COLS ROWS ARGS...: the binary in a private tmux server.
tui_start() {
	cols=$1; rows=$2; shift 2
	tmux -L "$SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-} PIPEBENCH_TODAY=${PIPEBENCH_TODAY:-} $PB $* 2>$T/stderr; echo EXITED=\$? >>$T/stderr; sleep 30"
	tmux -L "$SOCK" set-option -g remain-on-exit on >/dev/null 2>&1 || true
}
screen() { tmux -L "$SOCK" capture-pane -p; }
keys() { tmux -L "$SOCK" send-keys "$@"; }
# Type literal text (UTF-8 safe).
type_text() { tmux -L "$SOCK" send-keys -l "$1"; }
# wait_for TEXT [SECONDS]: polls the screen, never a fixed sleep.
wait_for() {
	limit=$(( ${2:-10} * 20 ))
	i=0
	while [ $i -lt $limit ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	echo "---- screen:" >&2; screen >&2
	echo "---- stderr:" >&2; cat "$T/stderr" >&2 2>/dev/null || true
	fail "timed out waiting for [$1]"
}
wait_gone() {
	limit=$(( ${2:-10} * 20 ))
	i=0
	while [ $i -lt $limit ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05; i=$((i + 1))
	done
	screen >&2
	fail "timed out waiting for [$1] to go"
}
# Waits for the program to exit; returns its exit status.
wait_exit() {
	i=0
	while [ $i -lt 200 ]; do
		if grep -q '^EXITED=' "$T/stderr" 2>/dev/null; then
			sed -n 's/^EXITED=//p' "$T/stderr"
			return 0
		fi
		sleep 0.05; i=$((i + 1))
	done
	fail "program did not exit"
}
