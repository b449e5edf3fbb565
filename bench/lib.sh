# Shared by the bench scripts: timing and peak memory of a command, medians.
# Figures are printed side by side with a reference as ratios, because these
# machines are noisy; nothing here passes or fails.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
PB=${PB:-$TOP/build/pipebench}
BENCH_DIR=${BENCH_DIR:-$TOP/build/bench}
RUNS=${RUNS:-15}
mkdir -p "$BENCH_DIR"
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# median_ms RUNS CMD...: runs the command RUNS times, prints the median
# wall time in milliseconds (output to /dev/null).
median_ms() {
	n=$1; shift
	i=0; : > "$BENCH_DIR/.times"
	while [ $i -lt "$n" ]; do
		s=$(date +%s%N)
		"$@" > /dev/null
		e=$(date +%s%N)
		echo $(( (e - s) / 1000 )) >> "$BENCH_DIR/.times"
		i=$((i + 1))
	done
	sort -n "$BENCH_DIR/.times" | awk '{ a[NR] = $1 } END {
		m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
		printf "%.2f\n", m / 1000 }'
}
# peak_kb CMD...: peak resident memory in KiB of one run.
peak_kb() {
	/usr/bin/time -f '%M' -o "$BENCH_DIR/.rss" "$@" > /dev/null
	tail -n 1 "$BENCH_DIR/.rss"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
