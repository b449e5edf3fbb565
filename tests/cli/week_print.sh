# pipebench week --print: the week view as text, on a demo database.
. "$(dirname "$0")/../lib.sh"

DB=$T/d.db
week() { "$PB" --db "$DB" --today 2026-11-23 week "$@"; }
# The widest line in display columns (wc -L measures with the locale's
# wcwidth, so æøå count one and CJK two).
widest() { printf '%s\n' "$1" | LC_ALL=C.UTF-8 wc -L; }
lines() { printf '%s\n' "$1" | wc -l; }
# Fails when the text has a byte outside printable ASCII.
assert_ascii() {
	if printf '%s\n' "$1" | LC_ALL=C grep -q '[^ -~]'; then
		fail "not pure ASCII: $(printf '%s\n' "$1" | LC_ALL=C grep -n '[^ -~]' | head -3)"
	fi
}

expect_status 0 "$PB" --db "$DB" --today 2026-11-23 demo

expect_status 0 week --print
OUT100=$OUT
assert_contains "$OUT" "week 48"
assert_contains "$OUT" "23–27 Nov 2026"
assert_contains "$OUT" "Mette Sørensen"
for day in "Mon 23 · today" "Tue 24" "Wed 25" "Thu 26" "Fri 27"; do
	assert_contains "$OUT" "$day" "day headings"
done
assert_not_contains "$OUT" "Sat 28"
for row in "this week" "target" "planned" "held" "visits" \
           "Re-sale  Gensalg" "Upsell   Mersalg" "New      Nysalg" "total" \
           "forms" "4D"; do
	assert_contains "$OUT" "$row" "the panel"
done
assert_contains "$OUT" "┌"
assert_contains "$OUT" "░░░░░"
assert_eq "$(lines "$OUT")" 30 "default height"
assert_eq "$(widest "$OUT")" 100 "default width"
# The same database, the same picture.
expect_status 0 week --print
assert_eq "$OUT" "$OUT100" "a second run"

# Another week, by number and relative to today.
expect_status 0 week --print --week 2026-W01
assert_contains "$OUT" "week 1 "
assert_contains "$OUT" "29 Dec 2025 – 2 Jan 2026"
expect_status 0 week --print --week next
assert_contains "$OUT" "week 49"
expect_status 0 week --print --week 47
assert_contains "$OUT" "week 47"

# The weekend.
expect_status 0 week --print --weekend
assert_contains "$OUT" "Sat 28"
assert_contains "$OUT" "Sun 29"
assert_contains "$OUT" "23–29 Nov 2026"

# A seller by a case-insensitive prefix; an unknown one is an input error.
expect_status 0 week --print --seller mette
assert_contains "$OUT" "Mette Sørensen"
expect_status 1 week --print --seller "Nøbody Hære"
assert_contains "$OUT" "Nøbody Hære"

# Bad options.
expect_status 1 week --print --week 2026-W99
assert_contains "$OUT" "2026-W99"
expect_status 1 week --print --week banana
assert_contains "$OUT" "banana"
expect_status 1 week --print --width 79
assert_contains "$OUT" "--width"
expect_status 1 week --print --height lots
assert_contains "$OUT" "lots"
expect_status 1 week --print --frobnicate
assert_contains "$OUT" "--frobnicate"
expect_status 1 week
assert_contains "$OUT" "--print is required"

# A missing database: exit 2, the path named, and nothing created.
expect_status 2 "$PB" --db "$T/nowhere.db" --today 2026-11-23 week --print
assert_contains "$OUT" "$T/nowhere.db"
[ ! -e "$T/nowhere.db" ] || fail "week --print created $T/nowhere.db"

# An empty database has no seller yet.
expect_status 0 "$PB" --db "$T/empty.db" --today 2026-11-23 settings show
expect_status 1 "$PB" --db "$T/empty.db" --today 2026-11-23 week --print
assert_contains "$OUT" "no sellers in $T/empty.db yet"

# 80 columns: every line fits, the panel is folded, not cut.
expect_status 0 week --print --width 80 --height 24
[ "$(widest "$OUT")" -le 80 ] || fail "a line is wider than 80 columns:
$OUT"
assert_eq "$(lines "$OUT")" 24 "--height 24"
assert_contains "$OUT" "total"
assert_contains "$OUT" "Mette Sørensen"
expect_status 0 week --print --width 80 --weekend
[ "$(widest "$OUT")" -le 80 ] || fail "a line is wider than 80 columns:
$OUT"

# ASCII: asked for, or because the locale is not UTF-8.
expect_status 0 week --print --ascii
assert_ascii "$OUT"
assert_contains "$OUT" "Mette Sorensen"
assert_contains "$OUT" "+-"
set +e
OUT=$(LC_ALL=C LANG=C "$PB" --db "$DB" --today 2026-11-23 week --print 2>&1)
st=$?
set -e
assert_eq "$st" 0 "week --print under LC_ALL=C"
assert_ascii "$OUT"

# A crowded week grows the default height until every meeting shows.
expect_status 0 "$PB" --db "$T/busy.db" --today 2026-11-23 demo --sellers 1 \
	--per-week 60 --weeks 0
expect_status 0 "$PB" --db "$T/busy.db" --today 2026-11-23 week --print
assert_not_contains "$OUT" "more"
[ "$(lines "$OUT")" -gt 30 ] || fail "a busy week kept 30 rows:
$OUT"
shown=$(printf '%s\n' "$OUT" | grep -o '[0-2][0-9]:[0-5][0-9] ' | wc -l)
[ "$shown" -ge 40 ] || fail "only $shown meetings shown of a 60-meeting week"
# With the height fixed, a crowded day says how many it hides.
expect_status 0 "$PB" --db "$T/busy.db" --today 2026-11-23 week --print --height 24
assert_contains "$OUT" "more"

# Open follow-ups past due show in the title; done ones and those due
# today or later do not.
command -v sqlite3 >/dev/null || { echo "skip overdue: no sqlite3"; echo "week_print ok"; exit 0; }
expect_status 0 "$PB" --db "$DB" --today 2026-11-23 week --print
assert_not_contains "$(echo "$OUT" | head -1)" "overdue" "title with no actions"
sqlite3 "$DB" "INSERT INTO action (meeting_id, account_id, seller_id, text, due,
  done_at, created_at, updated_at)
  SELECT m.id, m.account_id, m.seller_id, t.text, t.due, t.done, 0, 0
  FROM (SELECT id, account_id, seller_id FROM meeting WHERE seller_id = 1 LIMIT 1) m,
  (SELECT 'send offer' AS text, 20778 AS due, NULL AS done
   UNION ALL SELECT 'call back', 20779, NULL
   UNION ALL SELECT 'done already', 20700, 1
   UNION ALL SELECT 'due today', 20780, NULL) t"
expect_status 0 "$PB" --db "$DB" --today 2026-11-23 week --print
assert_contains "$(echo "$OUT" | head -1)" "2 overdue" "title"
echo "week_print ok"
