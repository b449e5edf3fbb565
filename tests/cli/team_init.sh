# pipebench team init: the directory's modes, owner and group whatever the
# umask; refusing a used directory and a group that is not ours; --team
# and PIPEBENCH_TEAM opening the seller's own file, with the manager's
# settings copied in.
. "$(dirname "$0")/../lib.sh"

me=$(id -un); grp=$(id -gn)
perm() { stat -c '%a %U %G' "$1"; }

D="$T/team"
(umask 000; "$PB" team init "$D" >"$T/out") || fail "team init failed: $(cat "$T/out")"
assert_contains "$(cat "$T/out")" "sellers open their week with: pipebench --team $D"
assert_eq "$(perm "$D")" "2750 $me $grp" "team directory"
assert_eq "$(perm "$D/team.db")" "640 $me $grp" "team file"
assert_eq "$(perm "$D/sellers")" "3770 $me $grp" "sellers directory"
assert_eq "$(perm "$D/presence")" "3770 $me $grp" "presence directory"
assert_eq "$(sqlite3 "$D/team.db" 'PRAGMA journal_mode')" "delete" "team file journal"

# A tight umask gives the same modes; --group by name.
D2="$T/team2"
(umask 077; "$PB" team init "$D2" --group "$grp" >/dev/null) || fail "team init --group $grp"
assert_eq "$(perm "$D2")" "2750 $me $grp"
assert_eq "$(perm "$D2/sellers")" "3770 $me $grp"
assert_eq "$(perm "$D2/team.db")" "640 $me $grp"

# Refused: a directory in use (nothing changes), a file, no directory.
expect_status 1 "$PB" team init "$D"
assert_contains "$OUT" "pipebench: $D: the directory is not empty"
assert_eq "$(perm "$D")" "2750 $me $grp"
echo x >"$T/file"
expect_status 1 "$PB" team init "$T/file"
assert_contains "$OUT" "$T/file: exists and is not a directory"
expect_status 1 "$PB" team init
assert_contains "$OUT" "usage: pipebench team init DIR [--group GROUP]"
expect_status 1 "$PB" team init "$T/t3" --group no-such-group-pb
assert_contains "$OUT" "no group called 'no-such-group-pb'"
[ ! -e "$T/t3" ] || fail "a refused init left $T/t3"
# A group we are not in (any group on the machine other than ours).
mine=" $(id -G) "
other=$(getent group | while IFS=: read -r name _ gid _; do
	case "$mine" in *" $gid "*) ;; *) echo "$name"; break ;; esac
done)
if [ -n "$other" ]; then
	expect_status 1 "$PB" team init "$T/t3" --group "$other"
	assert_contains "$OUT" "you are not in group '$other'"
	[ ! -e "$T/t3" ] || fail "a refused init left $T/t3"
else
	echo "note: every group on this machine is ours; not-a-member case not run"
fi

# --team: the seller's own file, made on first use, 0640 in the team group.
export PIPEBENCH_TODAY=2026-11-23
expect_status 0 "$PB" --team "$D" settings show
F="$D/sellers/$me/seller.db"
assert_eq "$(perm "$D/sellers/$me")" "2750 $me $grp" "seller directory"
assert_eq "$(perm "$F")" "640 $me $grp" "seller file"
assert_eq "$(sqlite3 "$F" 'PRAGMA journal_mode')" "delete" "seller file journal"
assert_eq "$(sqlite3 "$F" 'SELECT count(*) FROM seller')" "1" "one seller row"

# The manager's setting reaches the seller's file; the team file stays in
# rollback mode after a plain --db open.
expect_status 0 "$PB" --db "$D/team.db" settings target resale 3
expect_status 0 "$PB" --db "$D/team.db" settings weight virtual 0.75
assert_eq "$(sqlite3 "$D/team.db" 'PRAGMA journal_mode')" "delete"
expect_status 0 "$PB" --team "$D" settings show
assert_contains "$OUT" "virtual 0.75"
printf '%s\n' "$OUT" | grep -Eq '^  team default +3 +0 +0$' || fail "no team target 3 in:
$OUT"
assert_eq "$(sqlite3 "$F" "SELECT visits FROM target WHERE seller_id = 0 AND battlefield = 'resale'")" "3.0"

# PIPEBENCH_TEAM is the same; --db wins over it; --db with --team is refused.
expect_status 0 env PIPEBENCH_TEAM="$D" "$PB" crm-id seller "$(sqlite3 "$F" 'SELECT name FROM seller')" S-1
assert_eq "$(sqlite3 "$F" 'SELECT crm_id FROM seller')" "S-1"
expect_status 0 env PIPEBENCH_TEAM="$D" "$PB" --db "$T/own.db" settings show
[ -f "$T/own.db" ] || fail "--db did not win over PIPEBENCH_TEAM"
expect_status 1 "$PB" --team "$D" --db "$T/own.db" settings show
assert_contains "$OUT" "give --db or --team, not both"
expect_status 1 "$PB" --team "$T" settings show
assert_contains "$OUT" "$T: not a team directory"
echo ok
