# Team mode as real OS users: seller A writes their own file; seller B can
# read it but not change, delete or rename it, with pipebench or with the
# sqlite3 shell; a seller cannot write the team file; the manager's
# setting reaches A's file.  Needs root to create the users.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "skipped: needs root to create users"
	exit 0
fi
command -v useradd >/dev/null && command -v runuser >/dev/null ||
	{ echo "skipped: needs useradd and runuser"; exit 0; }

G=pbtg$$; M=pbtm$$; A=pbta$$; B=pbtb$$
undo() {
	for u in "$M" "$A" "$B"; do userdel "$u" 2>/dev/null || true; done
	groupdel "$G" 2>/dev/null || true
	cleanup
}
trap undo EXIT INT TERM
groupadd "$G"
useradd -M -N -g "$G" -s /bin/sh -c "Manager $$" "$M"
useradd -M -N -g "$G" -s /bin/sh -c "Alice Æbelø,Room 1,555" "$A"
useradd -M -N -g "$G" -s /bin/sh "$B"

# The users need to reach the binary and the team directory.
chmod 711 "$T"
mkdir "$T/bin"
cp "$PB" "$T/bin/pipebench"
chmod 755 "$T/bin" "$T/bin/pipebench"
as() { # USER COMMAND...: runs it as USER with a clean, fixed environment
	u=$1; shift
	runuser -u "$u" -- env -i PATH=/usr/bin:/bin HOME="$T" TZ=UTC LANG=C.UTF-8 \
		LC_ALL=C.UTF-8 PIPEBENCH_TODAY=2026-11-23 USER=forged LOGNAME=forged \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" "$@"
}
PBU="$T/bin/pipebench"
# Runs the command, expects it to fail (sqlite3 exits with SQLite's code,
# rm and mv with 1); output in $OUT.
expect_fail() {
	set +e; OUT=$("$@" 2>&1); got=$?; set -e
	[ "$got" != 0 ] || fail "succeeded, but should not have: $*
$OUT"
}
mkdir "$T/srv"
chown "$M" "$T/srv"
chmod 755 "$T/srv"
D="$T/srv/team"

expect_status 0 as "$M" "$PBU" team init "$D"
assert_eq "$(stat -c '%a %U %G' "$D/team.db")" "640 $M $G"

# A opens the team: the file is theirs (not "forged"'s), named from GECOS.
expect_status 0 as "$A" "$PBU" --team "$D" crm-id seller "Alice Æbelø" A-1
FA="$D/sellers/$A/seller.db"
assert_eq "$(stat -c '%a %U %G' "$FA")" "640 $A $G" "A's file"
assert_eq "$(stat -c '%a %U %G' "$D/sellers/$A")" "2750 $A $G" "A's directory"
[ ! -e "$D/sellers/forged" ] || fail "the seller came from the environment"
sum=$(md5sum <"$FA")

# B reads A's file with the sqlite3 shell, read-only.
expect_status 0 as "$B" sqlite3 -readonly "$FA" "SELECT name, crm_id FROM seller"
assert_eq "$OUT" "Alice Æbelø|A-1" "B reads A's file"

# B cannot change it: not with the shell ...
expect_fail as "$B" sqlite3 "$FA" "UPDATE seller SET crm_id = 'B-evil'"
assert_contains "$OUT" "attempt to write a readonly database"
expect_fail as "$B" sqlite3 "$FA" "DELETE FROM seller"
assert_contains "$OUT" "attempt to write a readonly database"
# ... nor with pipebench ...
expect_status 2 as "$B" "$PBU" --db "$FA" crm-id seller "Alice Æbelø" B-evil
# ... nor by planting a journal beside it, deleting or renaming it.
expect_fail as "$B" sh -c "echo x > '$FA-journal'"
assert_contains "$OUT" "Permission denied"
expect_fail as "$B" rm -f "$FA"
assert_contains "$OUT" "Permission denied"
expect_fail as "$B" mv "$D/sellers/$A" "$D/sellers/mine"
assert_contains "$OUT" "not permitted"
expect_fail as "$B" rm -rf "$D/sellers/$A"
[ -f "$FA" ] || fail "B removed A's file"
assert_eq "$(md5sum <"$FA")" "$sum" "A's file changed under B"

# B's own file is B's; A cannot squat B's place later.
expect_status 0 as "$B" "$PBU" --team "$D" settings show
assert_eq "$(stat -c '%U' "$D/sellers/$B/seller.db")" "$B"
expect_status 0 as "$A" mkdir "$D/sellers/$M"
expect_fail as "$M" "$PBU" --team "$D" settings show
assert_contains "$OUT" "$D/sellers/$M: belongs to $A, not to you"

# A seller cannot write the team file.
expect_fail as "$A" sqlite3 "$D/team.db" "INSERT INTO form_weight VALUES ('phone', 5)"
assert_contains "$OUT" "attempt to write a readonly database"
expect_status 2 as "$A" "$PBU" --db "$D/team.db" settings weight phone 5
expect_fail as "$A" sh -c "echo x > '$D/team.db-journal'"

# The manager's setting reaches A's file on A's next open; B sees it there.
expect_status 0 as "$M" "$PBU" --db "$D/team.db" settings target resale 3
expect_status 0 as "$M" "$PBU" --db "$D/team.db" settings weight phone 0.5
expect_status 0 as "$A" "$PBU" --team "$D" settings show
assert_contains "$OUT" "phone 0.5"
expect_status 0 as "$B" sqlite3 -readonly "$FA" \
	"SELECT visits FROM target WHERE seller_id = 0 AND battlefield = 'resale'"
assert_eq "$OUT" "3.0" "the team target in A's file"
# The team file and A's file stay in rollback mode: readable while their
# owners are away.
assert_eq "$(as "$B" sqlite3 -readonly "$D/team.db" 'PRAGMA journal_mode')" "delete"
assert_eq "$(as "$B" sqlite3 -readonly "$FA" 'PRAGMA journal_mode')" "delete"
echo ok
