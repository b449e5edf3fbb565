# pipebench demo: where it writes (never the seller's own database), what
# it says, the numbers it accepts, determinism and refusal of a used file.
. "$(dirname "$0")/../lib.sh"

export HOME="$T/home" XDG_DATA_HOME="$T/xdg"
mkdir -p "$HOME"
DATA="$XDG_DATA_HOME/pipebench"

# Without --db: demo.db beside the default database, which stays absent.
expect_status 0 "$PB" --today 2026-11-23 demo --sellers 2 --weeks 1 --per-week 5
assert_contains "$OUT" "demo: 2 sellers, 80 accounts, 40 meetings in $DATA/demo.db"
assert_contains "$OUT" "open it with: pipebench --db $DATA/demo.db"
[ -f "$DATA/demo.db" ] || fail "no $DATA/demo.db"
[ ! -e "$DATA/pipebench.db" ] || fail "demo touched the default database"
assert_eq "$(stat -c %a "$DATA")" "700" "data directory mode"
assert_eq "$(stat -c %a "$DATA/demo.db")" "600" "demo.db mode"

# Again: the file has data now, so it is refused and left alone.
before=$(cksum < "$DATA/demo.db")
expect_status 1 "$PB" --today 2026-11-23 demo --sellers 3
assert_contains "$OUT" "already has sellers or accounts"
assert_eq "$(cksum < "$DATA/demo.db")" "$before" "refused demo.db"

# XDG_DATA_HOME unset: under ~/.local/share, still not the real database.
expect_status 0 env -u XDG_DATA_HOME "$PB" --today 2026-11-23 demo --sellers 1 \
	--accounts 12 --weeks 0 --per-week 3
assert_contains "$OUT" "1 sellers, 12 accounts, 9 meetings in $HOME/.local/share/pipebench/demo.db"
[ -f "$HOME/.local/share/pipebench/demo.db" ] || fail "no demo.db under HOME"
[ ! -e "$HOME/.local/share/pipebench/pipebench.db" ] || fail "demo touched ~/.local"

# --db: exactly there; the week opens on Mette Sørensen.
expect_status 0 "$PB" --db "$T/a.db" --today 2026-11-23 demo --seed 5 --sellers 3 \
	--accounts 40 --weeks 2 --per-week 10
assert_contains "$OUT" "3 sellers, 40 accounts, 150 meetings in $T/a.db"
expect_status 0 "$PB" --db "$T/a.db" --today 2026-11-23 week --print
assert_contains "$OUT" "Mette Sørensen"
week_a=$OUT

# Same seed, same week; another seed, another week.
expect_status 0 "$PB" --db "$T/b.db" --today 2026-11-23 demo --seed 5 --sellers 3 \
	--accounts 40 --weeks 2 --per-week 10
expect_status 0 "$PB" --db "$T/b.db" --today 2026-11-23 week --print
assert_eq "$OUT" "$week_a" "same seed"
expect_status 0 "$PB" --db "$T/c.db" --today 2026-11-23 demo --seed 6 --sellers 3 \
	--accounts 40 --weeks 2 --per-week 10
expect_status 0 "$PB" --db "$T/c.db" --today 2026-11-23 week --print
[ "$OUT" != "$week_a" ] || fail "another seed gave the same week"

# Bad numbers: exit 1, a message naming the option, and no file.
export XDG_DATA_HOME="$T/xdg2"
expect_status 1 "$PB" demo --sellers x
assert_contains "$OUT" "--sellers: expected a number from 1 to 1000, got 'x'"
expect_status 1 "$PB" demo --sellers 0
assert_contains "$OUT" "--sellers: expected a number from 1 to 1000, got '0'"
expect_status 1 "$PB" demo --per-week 91
assert_contains "$OUT" "--per-week: expected a number from 1 to 90, got '91'"
expect_status 1 "$PB" demo --weeks -1
assert_contains "$OUT" "--weeks: expected a number from 0 to 1000, got '-1'"
expect_status 1 "$PB" demo --accounts 12x
assert_contains "$OUT" "--accounts: expected a number from 1 to 200000, got '12x'"
expect_status 1 "$PB" demo --seed ""
assert_contains "$OUT" "--seed: expected a number"
expect_status 1 "$PB" demo --colour
assert_contains "$OUT" "unknown option '--colour'"
expect_status 1 "$PB" demo --seed
assert_contains "$OUT" "needs a value"
expect_status 1 "$PB" demo extra
assert_contains "$OUT" "unexpected 'extra'"
[ ! -e "$T/xdg2" ] || fail "a refused demo created files"
echo "demo ok"
