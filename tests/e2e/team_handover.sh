# Two sellers' weeks open in two terminals, as real OS users; the manager
# reassigns an account from one to the other.  Without a key pressed, the
# giver's screen says it is handing the account over, the receiver's says
# it received it and shows its meeting, and the giver's week no longer
# does.  Needs root to create the users.
. "$(dirname "$0")/../lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "skipped: needs root to create users"
	exit 0
fi
command -v useradd >/dev/null && command -v runuser >/dev/null ||
	{ echo "skipped: needs useradd and runuser"; exit 0; }

G=pbhg$$; M=pbhm$$; A=pbha$$; B=pbhb$$
undo() {
	for s in a b; do tmux -L "$SOCK-$s" kill-server 2>/dev/null || true; done
	for u in "$M" "$A" "$B"; do userdel "$u" 2>/dev/null || true; done
	groupdel "$G" 2>/dev/null || true
	rm -f "/tmp/tmux-0/$SOCK-a" "/tmp/tmux-0/$SOCK-b"
	cleanup
}
trap undo EXIT INT TERM
groupadd "$G"
useradd -M -N -g "$G" -s /bin/sh -c "Mona Manager" "$M"
useradd -M -N -g "$G" -s /bin/sh -c "Anna Giver" "$A"
useradd -M -N -g "$G" -s /bin/sh -c "Bo Taker" "$B"
chmod 711 "$T"
mkdir "$T/bin" "$T/srv"
cp "$PB" "$T/bin/pipebench"
chmod 755 "$T/bin" "$T/bin/pipebench"
chown "$M" "$T/srv"
D="$T/srv/team"
PBU="$T/bin/pipebench"
ENVS="PATH=/usr/bin:/bin HOME=$T TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color PIPEBENCH_TODAY=2026-11-23 ASAN_OPTIONS=${ASAN_OPTIONS:-} LSAN_OPTIONS=${LSAN_OPTIONS:-} UBSAN_OPTIONS=${UBSAN_OPTIONS:-}"
as() { u=$1; shift; runuser -u "$u" -- env -i $ENVS "$@"; }

expect_status 0 as "$M" "$PBU" team init "$D"
expect_status 0 as "$A" "$PBU" --team "$D" week --print
expect_status 0 as "$B" "$PBU" --team "$D" week --print
# Anna's Monday: a meeting at Acme A/S, and one at Other AS.
as "$A" sqlite3 "$D/sellers/$A/seller.db" >/dev/null <<'SQL'
INSERT INTO account(name, created_at, updated_at) VALUES ('Acme A/S', 1, 1), ('Other AS', 1, 1);
INSERT INTO meeting(seller_id, account_id, starts_at, duration_min, battlefield, type, form,
  dim, complexity, sale, created_at, updated_at) VALUES
  (1, 1, 1795424400, 60, 'upsell', 'follow_up', 'physical', 'development', 'medium', 'solution', 1, 1),
  (1, 2, 1795438800, 60, 'resale', 'follow_up', 'phone', 'delivery', 'low', 'product', 1, 1);
SQL

# One tmux server per seller, each running pipebench as that user.
start() { # a|b USER
	tmux -L "$SOCK-$1" -f /dev/null new-session -d -x 100 -y 30 \
		"runuser -u $2 -- env -i $ENVS $PBU --team $D 2>$T/stderr-$1; sleep 30"
}
screen_of() { tmux -L "$SOCK-$1" capture-pane -p; }
wait_on() { # a|b TEXT [SECONDS]
	limit=$(( ${3:-10} * 20 )); i=0
	while [ $i -lt $limit ]; do
		screen_of "$1" | grep -qF -- "$2" && return 0
		sleep 0.05; i=$((i + 1))
	done
	screen_of "$1" >&2; cat "$T/stderr-$1" >&2 2>/dev/null || true
	fail "$1: timed out waiting for [$2]"
}
start a "$A"
start b "$B"
wait_on a "week 48"
wait_on a "Acme A/S"
wait_on b "week 48"
screen_of b | grep -qF "Acme A/S" && fail "Bo has Acme before the transfer"

expect_status 0 as "$M" "$PBU" team reassign "Acme A/S" --to "$B" --team "$D"
# Nobody presses a key: each seller's tick does their step.
wait_on b "received Acme A/S from $A (1 meetings)" 10
wait_on b "Acme A/S"
wait_on a "Acme A/S is now $B's" 10
i=0
# (the status line names it: "Acme A/S is now B's")
while screen_of a | grep -v "is now" | grep -qF "Acme"; do
	i=$((i + 1)); [ $i -lt 100 ] || { screen_of a >&2; fail "Anna's week still shows Acme"; }
	sleep 0.05
done
screen_of a | grep -qF "Other AS" || fail "Anna lost Other AS"
expect_status 0 as "$M" "$PBU" team transfers --team "$D"
assert_contains "$OUT" "done      Acme A/S  $A -> $B"
for s in a b; do tmux -L "$SOCK-$s" send-keys q; done
echo "team handover ok"
