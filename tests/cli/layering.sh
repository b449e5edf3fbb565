# The direction of dependence is one way (core <- db <- tui <- cli): core/
# has no ncurses and no SQLite, db/ no ncurses, tui/ no SQL.  And files stay
# small enough to read.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
bad=$(grep -lE '#include *[<"](n?curses|sqlite3)' core/*.c core/*.h || true)
[ -z "$bad" ] || fail "core/ includes ncurses or sqlite3: $bad"
bad=$(grep -lE '#include *[<"]n?curses' db/*.c db/*.h || true)
[ -z "$bad" ] || fail "db/ includes ncurses: $bad"
bad=$(grep -lE '#include *[<"]sqlite3|sqlite3_' tui/*.c tui/*.h || true)
[ -z "$bad" ] || fail "tui/ uses sqlite3: $bad"
bad=$(grep -lE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|BEGIN)\b' tui/*.c cli/*.c || true)
[ -z "$bad" ] || fail "SQL outside db/: $bad"
for f in core/*.[ch] db/*.[ch] tui/*.[ch] cli/*.[ch]; do
	n=$(wc -l < "$f")
	[ "$n" -le 800 ] || fail "$f has $n lines; split it (files stay under ~700)"
done
echo "layering ok"
