# `make run`, the README's first command: it checks the dependencies,
# builds, makes the demo database in the build folder and opens the TUI on
# it.  Run only against the normal build (make run builds without
# sanitizers); DEMO_DB points it at a temporary file.
. "$(dirname "$0")/../lib.sh"
[ "${PB_BUILD:-$TOP/build}" = "$TOP/build" ] || { echo "skip: make run uses the normal build"; exit 0; }
tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 30 \
	"cd $TOP && env LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color make -s run DEMO_DB=$T/demo.db 2>$T/stderr; echo EXITED=\$? >>$T/stderr; sleep 30"
wait_for "? help" 60
wait_for "Mette Sørensen"
[ -f "$T/demo.db" ] || fail "make run did not create the demo database"
keys q
assert_eq "$(wait_exit)" 0 "make run exit status"
echo "make run ok"
