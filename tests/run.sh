#!/bin/sh
# Runs every test against each build given (e.g. `build build/asan`):
# cmocka unit tests, CLI tests (tests/cli/*.sh) and tmux end-to-end tests
# (tests/e2e/*.sh).  Prints one line per test, the log of each failure, and
# a closing "N passed, N failed" line; exits non-zero on any failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
logdir=$(mktemp -d "${TMPDIR:-/tmp}/pipebench-tests.XXXXXX")
pass=0; fail=0; failed=""

export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run_one() { # build kind name command...
	b=$1; kind=$2; name=$3; shift 3
	log="$logdir/$(echo "$b-$kind-$name" | tr '/' '_').log"
	start=$(date +%s)
	if "$@" >"$log" 2>&1; then
		pass=$((pass + 1)); st="ok  "
	else
		fail=$((fail + 1)); st="FAIL"; failed="$failed $log"
	fi
	printf '%s %-11s %-5s %-34s %3ss\n' "$st" "$b" "$kind" "$name" $(( $(date +%s) - start ))
}

for b in "$@"; do
	[ -x "$b/pipebench" ] || { echo "no $b/pipebench: build first"; exit 2; }
	export PB="$top/$b/pipebench" PB_BUILD="$top/$b"
	# The tests of the sources, not whatever a build folder still holds
	# (a test removed or renamed leaves its old binary behind).
	for s in tests/unit/test_*.c; do
		t="$b/tests/$(basename "$s" .c)"
		[ -x "$t" ] || { fail=$((fail + 1)); failed="$failed"; echo "FAIL $b unit $(basename "$s" .c): not built"; continue; }
		run_one "$b" unit "$(basename "$t")" "$t"
	done
	for t in tests/cli/*.sh; do
		[ -f "$t" ] || continue
		run_one "$b" cli "$(basename "$t" .sh)" sh "$t"
	done
	for t in tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		case $t in */lib_*.sh) continue ;; esac
		run_one "$b" e2e "$(basename "$t" .sh)" sh "$t"
	done
done

for log in $failed; do
	echo "---- $(basename "$log")"
	tail -n 40 "$log"
done
echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && rm -rf "$logdir"
[ "$fail" -eq 0 ]
