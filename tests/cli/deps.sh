# tools/deps.sh (what `make run` and `make test` call first): with nothing
# missing it is silent; a non-root user missing a tool gets the exact
# apt-get command and a non-zero exit, and nothing is installed.
. "$(dirname "$0")/../lib.sh"
cd "$TOP"

expect_status 0 sh tools/deps.sh
assert_eq "$OUT" "" "deps.sh output with everything installed"

# A PATH with every tool deps.sh looks for except tmux.
mkdir -p "$T/bin"
for c in sh cc make pkg-config sqlite3 calcurse pgrep id tr sort echo; do
	p=$(command -v "$c") && ln -s "$p" "$T/bin/$c"
done
chmod 755 "$T" "$T/bin"
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || { echo "skip: no setpriv"; exit 0; }
	run() { setpriv --reuid=65534 --regid=65534 --clear-groups env PATH="$T/bin" sh tools/deps.sh; }
else
	run() { env PATH="$T/bin" sh tools/deps.sh; }
fi
expect_status 1 run
assert_contains "$OUT" "missing build dependencies"
assert_contains "$OUT" "sudo apt-get install -y --no-install-recommends tmux"
echo "deps ok"
