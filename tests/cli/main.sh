# The binary's own options: --help, --version, bad arguments, bad dates.
. "$(dirname "$0")/../lib.sh"

expect_status 0 "$PB" --help
assert_contains "$OUT" "usage: pipebench"
assert_contains "$OUT" "week"
assert_contains "$OUT" "demo"
assert_contains "$OUT" "--db PATH"

expect_status 0 "$PB" --version
assert_eq "$OUT" "pipebench $(cat "$TOP/VERSION")" "version"

expect_status 1 "$PB" --db "$T/x.db" frobnicate
assert_contains "$OUT" "unknown command 'frobnicate'"

expect_status 1 "$PB" --db "$T/x.db" --today 2026-02-30 week --print
assert_contains "$OUT" "2026-02-30"

expect_status 1 "$PB" --no-such-option
assert_contains "$OUT" "usage:"

# Nothing above may have created a database.
[ ! -e "$T/x.db" ] || fail "a failed command created $T/x.db"
echo "main ok"
