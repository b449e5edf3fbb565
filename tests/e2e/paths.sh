# Where the data lives: $XDG_DATA_HOME/pipebench/pipebench.db, else
# ~/.local/share/pipebench/; the directory is created 0700 and the file 0600.
# Demo data never lands there.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/home"
# With XDG_DATA_HOME unset: ~/.local/share/pipebench.
tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
	"env -u XDG_DATA_HOME HOME=$T/home LANG=C.UTF-8 TZ=UTC TERM=xterm-256color $PB --today 2026-11-23 2>$T/stderr; echo EXITED=\$? >>$T/stderr; sleep 30"
wait_for "pipebench"
keys q
# The first-run screen may be waiting for a name; q there is text, so use Esc too.
keys Escape
st=$(wait_exit)
assert_eq "$st" 0 "exit status"
d="$T/home/.local/share/pipebench"
[ -d "$d" ] || fail "no $d"
assert_eq "$(stat -c %a "$d")" 700 "data directory mode"
assert_eq "$(stat -c %a "$d/pipebench.db")" 600 "database file mode"

# With XDG_DATA_HOME set, it wins; demo without --db goes beside, as demo.db.
env HOME="$T/home" XDG_DATA_HOME="$T/xdg" "$PB" --today 2026-11-23 demo --sellers 1 >/dev/null 2>&1 ||
	fail "demo without --db failed"
[ -f "$T/xdg/pipebench/demo.db" ] || fail "demo did not write demo.db beside the default database"
[ ! -e "$T/xdg/pipebench/pipebench.db" ] || fail "demo wrote into the user's real database"
echo "paths ok"
