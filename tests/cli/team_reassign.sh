# Reassigning an account between two sellers' files, as real OS users: the
# manager asks, the giver's pipebench freezes the account, the receiver's
# copies it in one transaction, the giver's removes its copy.  Each step is
# killed half way (its commit held up by a reader, then SIGKILL with the
# journal hot) and both files are checked: the step left its file as it was,
# and the next run finishes it.  Needs root to create the users.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "skipped: needs root to create users"
	exit 0
fi
command -v useradd >/dev/null && command -v runuser >/dev/null ||
	{ echo "skipped: needs useradd and runuser"; exit 0; }

G=pbrg$$; M=pbrm$$; A=pbra$$; B=pbrb$$
HOLD_PID=
undo() {
	[ -z "$HOLD_PID" ] || kill "$HOLD_PID" 2>/dev/null || true
	for u in "$M" "$A" "$B"; do userdel "$u" 2>/dev/null || true; done
	groupdel "$G" 2>/dev/null || true
	cleanup
}
trap undo EXIT INT TERM
groupadd "$G"
useradd -M -N -g "$G" -s /bin/sh -c "Mona Manager" "$M"
useradd -M -N -g "$G" -s /bin/sh -c "Anna Giver" "$A"
useradd -M -N -g "$G" -s /bin/sh -c "Bo Taker" "$B"

chmod 711 "$T"
mkdir "$T/bin"
cp "$PB" "$T/bin/pipebench"
chmod 755 "$T/bin" "$T/bin/pipebench"
as() {
	u=$1; shift
	runuser -u "$u" -- env -i PATH=/usr/bin:/bin HOME="$T" TZ=UTC LANG=C.UTF-8 \
		LC_ALL=C.UTF-8 PIPEBENCH_TODAY=2026-11-23 PIPEBENCH_TEAM="$D" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" "$@"
}
PBU="$T/bin/pipebench"
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
expect_status 0 as "$A" "$PBU" team sync
expect_status 0 as "$B" "$PBU" team sync
FA="$D/sellers/$A/seller.db"
FB="$D/sellers/$B/seller.db"

# Anna's accounts: Acme with 300 meetings (3 this week), minutes, contacts
# who took part, ticked checklist items and follow-ups, one of them owned
# by a contact; Other AS, which stays hers.  Bo has an account of his own,
# so the copies get new ids.
as "$A" sqlite3 "$FA" >/dev/null <<'SQL'
PRAGMA foreign_keys = ON;
INSERT INTO account(name, city, km, created_at, updated_at) VALUES ('Acme A/S', 'Aarhus', 12, 1, 1);
INSERT INTO account(name, created_at, updated_at) VALUES ('Other AS', 1, 1);
INSERT INTO contact(account_id, name, email, role, created_at, updated_at) VALUES
  (1, 'Åse Øberg', 'ase@acme.dk', 'decision maker', 1, 1),
  (1, 'Per Hansen', 'per@acme.dk', 'user', 1, 1),
  (2, 'Olga', 'olga@other.no', 'user', 1, 1);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
INSERT INTO meeting(seller_id, account_id, starts_at, duration_min, battlefield, type,
  form, dim, complexity, sale, status, created_at, updated_at, purpose)
SELECT 1, 1, 1795392000 + (3 - i) * 86400 + 32400, 60, 'upsell', 'follow_up', 'physical',
  'development', 'medium', 'solution', CASE WHEN i > 3 THEN 'held' ELSE 'planned' END,
  1, 1, 'purpose ' || i FROM n;
INSERT INTO meeting(seller_id, account_id, starts_at, duration_min, battlefield, type,
  form, dim, complexity, sale, status, created_at, updated_at)
VALUES (1, 2, 1795392000 + 3 * 86400 + 50400, 30, 'resale', 'follow_up', 'phone',
  'delivery', 'low', 'product', 'planned', 1, 1);
INSERT INTO minutes(meeting_id, summary, needs, agreed, notes, updated_at)
  SELECT id, 'summary of ' || purpose, 'needs æøå', 'agreed', '', 1 FROM meeting
  WHERE account_id = 1 AND id % 7 = 0;
INSERT INTO participant SELECT m.id, c.id FROM meeting m JOIN contact c
  ON c.account_id = 1 WHERE m.account_id = 1 AND m.id % 5 = 0;
INSERT INTO checklist_tick SELECT id, 'agenda_sent' FROM meeting
  WHERE account_id = 1 AND id % 3 = 0;
INSERT INTO action(meeting_id, account_id, seller_id, text, owner_contact_id, due,
  done_at, created_at, updated_at)
  VALUES (7, 1, 1, 'send the offer', NULL, 20400, NULL, 1, 1),
         (14, 1, 1, 'Åse signs', 1, 20420, NULL, 1, 1),
         (21, 1, 1, 'done already', NULL, 20300, 5, 1, 1),
         (301, 2, 1, 'call Olga', 3, 20400, NULL, 1, 1);
SQL
as "$B" sqlite3 "$FB" "INSERT INTO account(name, created_at, updated_at) VALUES ('Bo''s own', 1, 1)"

# Everything of an account, without ids: the copy must hold exactly this.
dump() { # FILE
	as "$M" sqlite3 -readonly "$1" <<'SQL'
SELECT 'a', name, coalesce(city, '') FROM account WHERE name = 'Acme A/S';
SELECT 'c', c.name, c.email, c.role FROM contact c JOIN account a ON a.id = c.account_id
  WHERE a.name = 'Acme A/S' ORDER BY c.name;
SELECT 'm', m.starts_at, m.status, m.purpose, coalesce(n.summary, '-'), coalesce(n.needs, '-'),
  (SELECT group_concat(c.name, '+') FROM (SELECT c.name FROM participant p JOIN contact c
     ON c.id = p.contact_id WHERE p.meeting_id = m.id ORDER BY c.name) c),
  (SELECT group_concat(item) FROM checklist_tick t WHERE t.meeting_id = m.id)
  FROM meeting m JOIN account a ON a.id = m.account_id LEFT JOIN minutes n ON n.meeting_id = m.id
  WHERE a.name = 'Acme A/S' ORDER BY m.starts_at;
SELECT 'x', x.text, x.due, coalesce(x.done_at, '-'), coalesce(c.name, 'us'),
  coalesce((SELECT purpose FROM meeting WHERE id = x.meeting_id), '-')
  FROM action x JOIN account a ON a.id = x.account_id
  LEFT JOIN contact c ON c.id = x.owner_contact_id WHERE a.name = 'Acme A/S' ORDER BY x.text;
SQL
}
count_acme() { as "$M" sqlite3 -readonly "$1" \
	"SELECT count(*) FROM meeting m JOIN account a ON a.id = m.account_id WHERE a.name = 'Acme A/S'"; }
before=$(dump "$FA")
assert_eq "$(printf '%s\n' "$before" | grep -c '^m|')" 300 "Anna's Acme meetings"

# Review: this week, Acme's 3 planned meetings are Anna's.
review_row() { # LOGIN: "PLANNED OVERDUE" from that seller's review row
	as "$M" "$PBU" review --print --width 120 |
		awk -v l="$1" '{ for (i = 1; i <= NF; i++) if ($i == l) { print $(i + 2), $(i + 8); exit } }'
}
assert_eq "$(review_row "$A")" "1/3/0 3" "Anna's review row before"

# --- 1. The manager asks. -----------------------------------------------------
expect_fail as "$A" "$PBU" team reassign "Acme A/S" --to "$B"
assert_contains "$OUT" "$D/team.db: only the team's manager may write it"
expect_fail as "$M" "$PBU" team reassign "No Such" --to "$B"
assert_contains "$OUT" "No Such: no seller has an account called that"
expect_status 0 as "$M" "$PBU" team reassign "acme a/s" --to "$B"
assert_contains "$OUT" "Acme A/S from $A to $B, asked"
TOKEN=$(printf '%s\n' "$OUT" | sed -n 's/^transfer \([0-9a-f]*\):.*/\1/p')
[ -n "$TOKEN" ] || fail "no transfer id in: $OUT"
expect_status 0 as "$M" "$PBU" team transfers
assert_contains "$OUT" "$TOKEN  asked     Acme A/S  $A -> $B"
expect_fail as "$M" "$PBU" team reassign "Acme A/S" --to "$B"
assert_contains "$OUT" "asked for already"

# Bo first: nothing to take until Anna's pipebench has frozen it.
expect_status 0 as "$B" "$PBU" team sync
assert_contains "$OUT" "received 0"
assert_eq "$(count_acme "$FB")" 0

# --- 2. Anna's pipebench freezes it. ------------------------------------------
expect_status 0 as "$A" "$PBU" team sync
assert_contains "$OUT" "frozen 1"
# Frozen means frozen, even for Anna's sqlite3 shell; Other AS is not.
expect_fail as "$A" sqlite3 "$FA" "UPDATE meeting SET purpose = 'late edit' WHERE account_id = 1"
assert_contains "$OUT" "the account is being handed over to another seller"
expect_fail as "$A" sqlite3 "$FA" "PRAGMA foreign_keys=ON; INSERT INTO minutes(meeting_id, summary, updated_at) VALUES (1, 'x', 1)"
assert_contains "$OUT" "handed over"
expect_status 0 as "$A" sqlite3 "$FA" "UPDATE account SET city = 'Oslo' WHERE name = 'Other AS'"
after_freeze=$(md5sum <"$FA")
assert_eq "$(dump "$FA")" "$before" "freezing changed Acme's data"

# Holds a read transaction on FILE so that a writer's commit waits.
hold() { # FILE
	mkfifo "$T/hold.fifo"
	(sqlite3 -readonly "$1" < "$T/hold.fifo" >/dev/null 2>&1) &
	HOLD_PID=$!
	exec 9>"$T/hold.fifo"
	echo "BEGIN; SELECT count(*) FROM meeting;" >&9
	sleep 0.3
}
release() { exec 9>&-; wait "$HOLD_PID" 2>/dev/null || true; HOLD_PID=; rm -f "$T/hold.fifo"; }
# Starts `team sync` as USER in the background and kills it (SIGKILL) once
# its transaction has a journal, while the held reader keeps it from
# committing.
kill_half_way() { # USER FILE
	as "$1" "$PBU" team sync >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ ! -s "$2-journal" ]; do
		i=$((i + 1)); [ "$i" -lt 200 ] || fail "no journal for $2"
		sleep 0.05
	done
	sleep 0.3
	# pipebench itself, not runuser above it.
	pkill -KILL -u "$1" -x pipebench || fail "no pipebench of $1 to kill"
	wait "$pid" 2>/dev/null || true
}

# --- 3. Bo's copy, killed half way: Bo's file as it was, Anna's untouched. --
b_before=$(md5sum <"$FB")
hold "$FB"
kill_half_way "$B" "$FB"
release
[ -s "$FB-journal" ] || fail "the receiver was not killed inside its transaction"
assert_eq "$(md5sum <"$FB")" "$b_before" "Bo's file was written before the commit"
# Bo's next open rolls the hot journal back: no Acme there.
expect_status 0 as "$B" sqlite3 "$FB" "SELECT count(*) FROM account WHERE name = 'Acme A/S'"
assert_eq "$OUT" 0 "a half copy in Bo's file"
assert_eq "$(md5sum <"$FA")" "$after_freeze" "the receiver changed the giver's file"
expect_status 0 as "$M" "$PBU" team transfers
assert_contains "$OUT" "$TOKEN  frozen    Acme A/S"

# --- 3 again, whole: the commit point. ------------------------------------------
expect_status 0 as "$B" "$PBU" team sync
assert_contains "$OUT" "received 1"
assert_contains "$OUT" "received Acme A/S from $A (300 meetings)"
assert_eq "$(dump "$FB")" "$before" "Bo's copy differs from Anna's account"
assert_eq "$(md5sum <"$FA")" "$after_freeze" "the receiver changed the giver's file"
expect_status 0 as "$M" "$PBU" team transfers
assert_contains "$OUT" "$TOKEN  received  Acme A/S"
# Anna's file still holds the frozen copy, but nobody counts it twice.
assert_eq "$(count_acme "$FA")" 300
expect_status 0 as "$M" "$PBU" team accounts
assert_eq "$(printf '%s\n' "$OUT" | grep -c 'Acme A/S')" 1 "Acme listed once"
assert_contains "$OUT" "$B"
assert_contains "$(printf '%s\n' "$OUT" | grep 'Acme A/S')" "$B"
assert_eq "$(review_row "$A")" "1/0/0 1" "Anna's review row after the receipt"
assert_eq "$(review_row "$B")" "0/3/0 2" "Bo's review row after the receipt"

# --- 4. Anna's release, killed half way, then whole. ------------------------------
hold "$FA"
kill_half_way "$A" "$FA"
release
expect_status 0 as "$A" sqlite3 "$FA" "SELECT count(*) FROM meeting WHERE account_id = 1"
assert_eq "$OUT" 300 "a half release in Anna's file"
expect_status 0 as "$A" "$PBU" team sync
assert_contains "$OUT" "released 1"
assert_eq "$(count_acme "$FA")" 0
assert_eq "$(as "$M" sqlite3 -readonly "$FA" "SELECT count(*) FROM contact WHERE account_id = 1")" 0
assert_eq "$(as "$M" sqlite3 -readonly "$FA" "SELECT count(*) FROM action")" 1
assert_eq "$(as "$M" sqlite3 -readonly "$FA" "SELECT name FROM account")" "Other AS"
assert_eq "$(dump "$FB")" "$before" "Bo's copy changed"
expect_status 0 as "$M" "$PBU" team transfers
assert_contains "$OUT" "$TOKEN  done      Acme A/S"
# Bo works on it now.
expect_status 0 as "$B" sqlite3 "$FB" "UPDATE meeting SET purpose = 'mine now' WHERE id = (SELECT max(id) FROM meeting)"

# --- Withdrawn: asked, frozen, withdrawn: Other AS stays Anna's and editable. --
expect_status 0 as "$M" "$PBU" team reassign "Other AS" --to "$B"
T2=$(printf '%s\n' "$OUT" | sed -n 's/^transfer \([0-9a-f]*\):.*/\1/p')
expect_status 0 as "$A" "$PBU" team sync
assert_contains "$OUT" "frozen 1"
expect_status 0 as "$M" "$PBU" team withdraw "$T2"
assert_contains "$OUT" "Other AS stays $A's"
expect_status 0 as "$A" "$PBU" team sync
assert_contains "$OUT" "the manager withdrew the transfer"
expect_status 0 as "$A" sqlite3 "$FA" "UPDATE account SET city = 'Bergen' WHERE name = 'Other AS'"
expect_status 0 as "$B" "$PBU" team sync
assert_eq "$(as "$M" sqlite3 -readonly "$FB" "SELECT count(*) FROM account WHERE name = 'Other AS'")" 0
# A done transfer cannot be withdrawn.
expect_fail as "$M" "$PBU" team withdraw "$TOKEN"
assert_contains "$OUT" "Acme A/S is $B's already"
echo ok
